/*
 * test_report.c — cmocka tests for src/report/report.c with the real
 * rules directory (rules/report.yaml, rules/rules.yaml):
 *  - report_group: repeated cleartext logins against one server are one
 *    group (whatever the client), another server is another group, the
 *    accounts are the distinct user names, sorted; a rule without a
 *    grouping groups only equal arguments; an accepted risk never joins
 *    an open finding; groups come most severe first, then by first line;
 *  - report_verdict: the rule of docs/report.md for each class (home
 *    router, office device, capture, unreadable input), the worst severity
 *    of open findings, the items not (fully) checked, and the texts in
 *    English and Japanese;
 *  - input_item keeps the note of an unknown part a warning overrides, and
 *    report_unchecked_text says it.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/registry.h"
#include "../../src/report/report.h"
#include "../../src/util.h"

#include "testctx.h"

/* A capture's cleartext login (EL403, as checks/traffic.c records it). */
static void login(struct input *in, unsigned packet, const char *client, const char *server,
		  const char *user)
{
	struct finding *f = finding_add(in, &g_ctx, "EL403", "default", ITEM_6_1, -1, FST_FAIL,
					packet, NULL, "protocol", "FTP", "client", client,
					"server", server, "user", user, "count", "1", ARGS_END);
	assert_non_null(f);
	f->is_packet = true;
}

static void input_of(struct input *in, const char *kind)
{
	input_init(in, "t");
	in->kind = input_kind_named(kind);
	assert_non_null(in->kind);
	for (int it = 0; it < ITEM_COUNT; it++)
		in->items[it] = in->kind->feeds[it] ? IST_PASS : IST_NA;
}

/* "RULE@line×n" for every group, in report order. */
static void groups_of(struct input *in, char *buf, size_t n)
{
	struct fgroup *g = NULL;
	const struct finding **m = NULL;
	size_t ng = 0;
	assert_int_equal(report_group(&g_reg, in, &g, &ng, &m), 0);
	buf[0] = '\0';
	size_t o = 0;
	for (size_t i = 0; i < ng; i++) {
		int k = snprintf(buf + o, n - o, "%s%s@%u×%zu", i ? " " : "", g[i].f[0]->rule->id,
				 g[i].f[0]->line, g[i].n);
		assert_true(k > 0 && (size_t)k < n - o);
		o += (size_t)k;
	}
	free(g);
	free(m);
}

/* ---- report_group ------------------------------------------------------- */

static void test_group_logins(void **state)
{
	(void)state;
	struct input in;
	input_of(&in, "pcap");
	/* 3 attempts against .101:21 from three client ports (two users), one
	 * against another server, and a TLS 1.0 warning at packet 5. */
	login(&in, 10, "192.168.56.1:54017", "192.168.56.101:21", "bro");
	login(&in, 20, "192.168.56.1:54018", "192.168.56.102:21", "root");
	login(&in, 30, "192.168.56.1:54019", "192.168.56.101:21", "alice");
	login(&in, 50, "192.168.56.1:54020", "192.168.56.101:21", "bro");
	struct finding *w = finding_add(&in, &g_ctx, "EL402", "default", ITEM_6_1, -1, FST_WARN,
					5, NULL, "version", "TLS 1.0", "flows", "1", "host", "",
					ARGS_END);
	assert_non_null(w);
	w->is_packet = true;
	findings_sort(&in);
	struct fgroup *g = NULL;
	const struct finding **m = NULL;
	size_t ng = 0;
	assert_int_equal(report_group(&g_reg, &in, &g, &ng, &m), 0);
	assert_int_equal(ng, 3);
	/* Critical first, by first packet; then the medium warning. */
	assert_string_equal(g[0].f[0]->rule->id, "EL403");
	assert_int_equal(g[0].n, 3);
	assert_int_equal(g[0].f[0]->line, 10);
	assert_int_equal(g[0].f[1]->line, 30);
	assert_int_equal(g[0].f[2]->line, 50);
	assert_string_equal(g[1].f[0]->rule->id, "EL403");
	assert_int_equal(g[1].n, 1);
	assert_int_equal(g[1].f[0]->line, 20);
	assert_string_equal(g[2].f[0]->rule->id, "EL402");
	assert_int_equal(g[2].f[0]->line, 5);
	const char **acc = NULL;
	size_t nacc = 0;
	assert_int_equal(report_group_accounts(&g_reg, &g[0], &acc, &nacc), 0);
	assert_int_equal(nacc, 2);
	assert_string_equal(acc[0], "alice");
	assert_string_equal(acc[1], "bro");
	free(acc);
	assert_int_equal(report_group_accounts(&g_reg, &g[1], &acc, &nacc), 0);
	assert_int_equal(nacc, 1);
	assert_string_equal(acc[0], "root");
	free(acc);
	/* A rule whose grouping names no account lists none. */
	assert_int_equal(report_group_accounts(&g_reg, &g[2], &acc, &nacc), 0);
	assert_int_equal(nacc, 0);
	assert_null(acc);
	free(g);
	free(m);
	input_free(&in);
}

static void test_group_equal_arguments(void **state)
{
	(void)state;
	struct input in;
	input_of(&in, "router-facts");
	/* The same common passphrase of "home" at lines 24 and 40, another
	 * network's at 30, and the line-40 one again as an accepted risk. */
	finding_add(&in, &g_ctx, "EL253", "default", ITEM_6_2, -1, FST_FAIL, 24, NULL, "ssid",
		    "home", ARGS_END);
	finding_add(&in, &g_ctx, "EL253", "default", ITEM_6_2, -1, FST_FAIL, 30, NULL, "ssid",
		    "guest", ARGS_END);
	finding_add(&in, &g_ctx, "EL253", "default", ITEM_6_2, -1, FST_FAIL, 40, NULL, "ssid",
		    "home", ARGS_END);
	finding_add(&in, &g_ctx, "EL253", "default", ITEM_6_2, -1, FST_EXCEPTED, 45, NULL,
		    "ssid", "home", ARGS_END);
	findings_sort(&in);
	char buf[256];
	groups_of(&in, buf, sizeof(buf));
	assert_string_equal(buf, "EL253@24×2 EL253@30×1 EL253@45×1");
	input_free(&in);
}

static void test_group_order(void **state)
{
	(void)state;
	struct input in;
	input_of(&in, "router-facts");
	/* info at 1, low at 2, high at 9 and 3, critical at 50, medium at 4;
	 * severity overrides the rule's default where given. */
	finding_add(&in, &g_ctx, "EL312", "not-listed", ITEM_5_3, -1, FST_UNKNOWN, 1, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL313", "default", ITEM_5_3, -1, FST_WARN, 2, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL203", "mixed", ITEM_6_2, -1, FST_FAIL, 9, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL310", "ended", ITEM_5_3, -1, FST_FAIL, 3, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL314", "default", ITEM_5_3, -1, FST_FAIL, 50, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL205", "default", ITEM_6_2, -1, FST_WARN, 4, NULL, ARGS_END);
	findings_sort(&in);
	char buf[256];
	groups_of(&in, buf, sizeof(buf));
	assert_string_equal(buf, "EL314@50×1 EL310@3×1 EL203@9×1 EL205@4×1 EL313@2×1 EL312@1×1");
	input_free(&in);
}

/* ---- report_verdict ------------------------------------------------------ */

static void expect_verdict(const struct input *in, const char *cls, const char *v, int worst,
			   const char *unchecked, const char *en, const char *ja)
{
	struct report_verdict rv;
	report_verdict(&g_reg, in, &rv);
	assert_non_null(rv.cls);
	assert_string_equal(rv.cls->id, cls);
	assert_string_equal(verdict_name(rv.v), v);
	assert_int_equal(rv.worst, worst);
	char buf[64] = "";
	for (int it = 0; it < ITEM_COUNT; it++)
		if (rv.unchecked[it]) {
			strcat(buf, buf[0] ? "," : "");
			strcat(buf, item_name(it));
		}
	assert_string_equal(buf, unchecked);
	assert_string_equal(report_verdict_text(&rv, LANG_EN), en);
	assert_string_equal(report_verdict_text(&rv, LANG_JA), ja);
}

static void test_verdict_home_router(void **state)
{
	(void)state;
	struct input in;
	/* Everything assessed passes. */
	input_of(&in, "router-facts");
	expect_verdict(&in, "home-router", "approve", -1, "", "approve", "承認してよい");
	input_free(&in);
	/* A warning with an unknown part: fix, and 5-3 not fully checked. */
	input_of(&in, "router-facts");
	in.items[ITEM_5_3] = IST_WARN;
	finding_add(&in, &g_ctx, "EL111", "default", ITEM_5_3, -1, FST_WARN, 17, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL312", "not-listed", ITEM_5_3, -1, FST_UNKNOWN, 5, NULL, ARGS_END);
	expect_verdict(&in, "home-router", "fix", SEV_MEDIUM, "5-3", "approve after these fixes",
		       "上記に対処してから承認");
	struct strbuf sb;
	sb_init(&sb, 4096);
	assert_int_equal(report_unchecked_text(&g_reg, &in, ITEM_5_3, LANG_EN, &sb), 0);
	assert_string_equal(sb_str(&sb), "Router support status not known to edgelint (EL312)");
	sb_reset(&sb);
	assert_int_equal(report_unchecked_text(&g_reg, &in, ITEM_5_3, LANG_JA, &sb), 0);
	assert_string_equal(sb_str(&sb), "edgelint がサポート状況を把握していないルータ（EL312）");
	/* Two parts: a note, then a title; English "; ", Japanese "、". */
	in.item_unknown_note[ITEM_5_3] = "no-device";
	sb_reset(&sb);
	assert_int_equal(report_unchecked_text(&g_reg, &in, ITEM_5_3, LANG_JA, &sb), 0);
	assert_string_equal(sb_str(&sb), "入力から機器（型番とファームウェア）を特定できません、"
					 "edgelint がサポート状況を把握していないルータ（EL312）");
	sb_reset(&sb);
	assert_int_equal(report_unchecked_text(&g_reg, &in, ITEM_5_3, LANG_EN, &sb), 0);
	assert_string_equal(sb_str(&sb), "the input does not identify the device (model and firmware); "
					 "Router support status not known to edgelint (EL312)");
	sb_free(&sb);
	input_free(&in);
	/* Past the end of support: replace, whatever else fails. */
	input_of(&in, "router-facts");
	in.items[ITEM_5_3] = IST_FAIL;
	in.items[ITEM_6_2] = IST_FAIL;
	finding_add(&in, &g_ctx, "EL310", "ended", ITEM_5_3, -1, FST_FAIL, 3, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL203", "mixed", ITEM_6_2, -1, FST_FAIL, 9, NULL, ARGS_END);
	expect_verdict(&in, "home-router", "replace", SEV_HIGH, "",
		       "do not approve: replace the router", "承認しない：ルータを買い替えてください");
	input_free(&in);
	/* The same end of support accepted as a risk: no longer a reason to
	 * replace; the other failure still needs a fix. */
	input_of(&in, "router-facts");
	in.items[ITEM_6_2] = IST_FAIL;
	finding_add(&in, &g_ctx, "EL310", "ended", ITEM_5_3, -1, FST_EXCEPTED, 3, NULL,
		    ARGS_END);
	finding_add(&in, &g_ctx, "EL203", "mixed", ITEM_6_2, -1, FST_FAIL, 9, NULL, ARGS_END);
	expect_verdict(&in, "home-router", "fix", SEV_HIGH, "", "approve after these fixes",
		       "上記に対処してから承認");
	input_free(&in);
	/* Nothing to fix but 6-2 not checked: not yet. */
	input_of(&in, "router-facts");
	in.items[ITEM_6_2] = IST_UNKNOWN;
	in.item_note[ITEM_6_2] = "no-wifi-listed";
	expect_verdict(&in, "home-router", "incomplete", -1, "6-2",
		       "do not approve yet: check what was not checked",
		       "まだ承認しない：確認できなかった点を確認してください");
	sb_init(&sb, 4096);
	assert_int_equal(report_unchecked_text(&g_reg, &in, ITEM_6_2, LANG_EN, &sb), 0);
	assert_string_equal(sb_str(&sb), "the input lists no Wi-Fi network; add them under wifi:");
	sb_free(&sb);
	input_free(&in);
	/* Unreadable: withheld, even with a failing finding. */
	input_of(&in, "router-facts");
	in.error = "t: cannot read";
	in.items[ITEM_5_3] = in.items[ITEM_6_2] = IST_UNKNOWN;
	finding_add(&in, &g_ctx, "EL203", "mixed", ITEM_6_2, -1, FST_FAIL, 9, NULL, ARGS_END);
	expect_verdict(&in, "home-router", "not-assessed", SEV_HIGH, "5-3,6-2",
		       "withheld: the input could not be assessed", "保留：入力を評価できませんでした");
	input_free(&in);
}

static void test_verdict_office_capture_other(void **state)
{
	(void)state;
	struct input in;
	input_of(&in, "yamaha-rtx");
	expect_verdict(&in, "office-device", "approve", -1, "", "ready", "運用してよい");
	in.items[ITEM_3_2] = IST_FAIL;
	finding_add(&in, &g_ctx, "EL105", "forward", ITEM_3_2, -1, FST_FAIL, 12, NULL, ARGS_END);
	expect_verdict(&in, "office-device", "fix", SEV_HIGH, "", "fix first", "先に対処が必要");
	in.items[ITEM_5_4] = IST_FAIL;
	finding_add(&in, &g_ctx, "EL303", "ended", ITEM_5_4, -1, FST_FAIL, 1, NULL, ARGS_END);
	expect_verdict(&in, "office-device", "replace", SEV_HIGH, "",
		       "fix first: replace the device", "先に対処が必要：機器を入れ替えてください");
	input_free(&in);
	/* A capture: EL310 means nothing there (no replace rules). */
	input_of(&in, "pcap");
	expect_verdict(&in, "capture", "approve", -1, "", "nothing to act on in this capture",
		       "このキャプチャに対処の必要な点はありません");
	in.items[ITEM_6_1] = IST_FAIL;
	login(&in, 10, "10.0.0.1:1000", "10.0.0.2:21", "bro");
	expect_verdict(&in, "capture", "fix", SEV_CRITICAL, "", "act on these findings",
		       "上記の指摘に対処してください");
	input_free(&in);
	/* No kind: the last class, which takes every other input. */
	input_init(&in, "t");
	in.error = "t: not a recognised input";
	for (int it = 0; it < ITEM_COUNT; it++)
		in.items[it] = IST_UNKNOWN;
	expect_verdict(&in, "input", "not-assessed", -1, "3-2,5-3,5-4,6-1,6-2",
		       "withheld: the input could not be assessed", "保留：入力を評価できませんでした");
	input_free(&in);
}

/* A warning raised over an unknown keeps the unknown's note. */
static void test_unknown_part_kept(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "t");
	in.kind = input_kind_named("router-facts");
	input_item(&in, ITEM_5_3, IST_UNKNOWN, "no-device");
	input_item(&in, ITEM_5_3, IST_WARN, NULL);
	input_item(&in, ITEM_6_2, IST_PASS, NULL);
	assert_int_equal(in.items[ITEM_5_3], IST_WARN);
	assert_null(in.item_note[ITEM_5_3]);
	assert_string_equal(in.item_unknown_note[ITEM_5_3], "no-device");
	assert_null(in.item_unknown_note[ITEM_6_2]);
	for (int it = 0; it < ITEM_COUNT; it++)
		if (it != ITEM_5_3 && it != ITEM_6_2)
			in.items[it] = IST_NA;
	expect_verdict(&in, "home-router", "fix", -1, "5-3", "approve after these fixes",
		       "上記に対処してから承認");
	struct strbuf sb;
	sb_init(&sb, 4096);
	assert_int_equal(report_unchecked_text(&g_reg, &in, ITEM_5_3, LANG_JA, &sb), 0);
	assert_string_equal(sb_str(&sb), "入力から機器（型番とファームウェア）を特定できません");
	sb_reset(&sb);
	assert_int_equal(report_unchecked_text(&g_reg, &in, ITEM_6_2, LANG_EN, &sb), 0);
	assert_string_equal(sb_str(&sb), "");
	sb_free(&sb);
	input_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group_logins),
		cmocka_unit_test(test_group_equal_arguments),
		cmocka_unit_test(test_group_order),
		cmocka_unit_test(test_verdict_home_router),
		cmocka_unit_test(test_verdict_office_capture_other),
		cmocka_unit_test(test_unknown_part_kept),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
