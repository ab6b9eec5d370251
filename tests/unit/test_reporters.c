/*
 * test_reporters.c — cmocka tests of the three reporters (src/report/
 * text.c, json.c, sarif.c) on a run built by hand, so that what each one
 * prints is pinned by the format its header and docs/json.md describe,
 * not by whatever a parser and the checks happen to produce:
 *  - text: the header, the input line (label, model, firmware, coverage),
 *    one line per item with its mark and the note of a not-applicable
 *    item, a finding as "file:line: severity id name: message [item]" with
 *    its evidence and fix, a group's occurrences line, the verdict, and
 *    the summary of a run of two inputs; the same in Japanese; colour only
 *    when asked; the stale-data warning;
 *  - json: the fields of docs/json.md with their exact values (parsed back
 *    with jansson), a group's count/first/last/occurrences, an unreadable
 *    input's error in the report's language;
 *  - sarif: version, one result per occurrence with ruleId, level, the
 *    physical location, the group properties and partial fingerprints that
 *    do not change with the language;
 *  - html: the document's frame, a checklist row whole, a group's article
 *    and place, the reason of a not-applicable item, an input's error, the
 *    Japanese labels and stale warning; markup, quotes and '&' of the input
 *    escaped, a secret the evidence holds masked;
 *  - every reporter: the same run gives the same bytes twice.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/registry.h"
#include "../../src/report/report.h"
#include "../../src/util.h"

#include "testctx.h"

/* A YAMAHA input of 12 lines, all understood: 3-2 fails (a forward of
 * PPTP switched on, seen at two lines), 5-4 passes with the
 * information that it terminates VPN, the rest do not apply. */
static void office(struct input *in)
{
	input_init(in, "office.cfg");
	in->kind = input_kind_named("yamaha-rtx");
	assert_non_null(in->kind);
	in->has_device = true;
	in->dev.model.s = "RTX1210";
	in->dev.firmware.s = "Rev.14.01.42";
	in->has_coverage = true;
	in->lines_total = 12;
	in->lines_understood = 12;
	for (int it = 0; it < ITEM_COUNT; it++) {
		in->items[it] = IST_NA;
		in->item_note[it] = "kind-does-not-feed";
	}
	in->items[ITEM_3_2] = IST_FAIL;
	in->items[ITEM_5_4] = IST_PASS;
	in->item_note[ITEM_3_2] = in->item_note[ITEM_5_4] = NULL;
	assert_non_null(finding_add(in, &g_ctx, "EL306", "default", ITEM_5_4, -1, FST_PASS, 3,
				    NULL, "how", "IPsec", ARGS_END));
	assert_non_null(finding_add(in, &g_ctx, "EL107", "default", ITEM_3_2, -1, FST_FAIL, 9,
				    "pptp service on", ARGS_END));
	assert_non_null(finding_add(in, &g_ctx, "EL107", "default", ITEM_3_2, -1, FST_FAIL, 11,
				    "pptp service on", ARGS_END));
	findings_sort(in);
}

/* An input that could not be read. */
static void broken(struct input *in)
{
	input_init(in, "gone.cfg");
	input_fail(in, "cannot open: %s", "開けません: %s", "No such file or directory");
	for (int it = 0; it < ITEM_COUNT; it++)
		in->items[it] = IST_UNKNOWN;
}

/* Renders the run of n inputs with the reporter named fmt in language l
 * into a malloc'd string. */
static char *render(const char *fmt, struct input *ins, size_t n, enum lang l, bool color,
		    bool stale)
{
	struct run_ctx ctx = g_ctx;
	ctx.lang = l;
	struct strbuf out;
	sb_init(&out, 1u << 24);
	struct report_run run = {.ctx = &ctx, .inputs = ins, .ninputs = n, .color = color,
				 .stale = stale, .out = &out};
	const struct reporter *r = reporter_by_name(fmt);
	assert_non_null(r);
	assert_int_equal(report_render(r, &run), 0);
	char *s = strdup(sb_str(&out));
	assert_non_null(s);
	sb_free(&out);
	return s;
}

/* The line of text that starts with prefix (without its newline). */
static char *line_starting(const char *text, const char *prefix)
{
	size_t n = strlen(prefix);
	for (const char *p = text; p && *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len >= n && memcmp(p, prefix, n) == 0) {
			char *s = strndup(p, len);
			assert_non_null(s);
			return s;
		}
		p = e ? e + 1 : NULL;
	}
	fail_msg("no line starts with \"%s\" in:\n%s", prefix, text);
	return NULL;
}

static void expect_line(const char *text, const char *prefix, const char *whole)
{
	char *l = line_starting(text, prefix);
	assert_string_equal(l, whole);
	free(l);
}

/* ---- text ------------------------------------------------------------ */

static void test_text_english(void **state)
{
	(void)state;
	struct input in;
	office(&in);
	char *t = render("text", &in, 1, LANG_EN, false, false);
	/* The header: version, the day of the run, the rules' date, legend. */
	assert_true(strncmp(t, "edgelint " EDGELINT_VERSION " · 2026-11-21 · rules data as of ",
			    strlen("edgelint " EDGELINT_VERSION " · 2026-11-21 · rules data as of "))
		    == 0);
	expect_line(t, "✓ pass", "✓ pass  ✗ fail  ! warn  ? unknown  – not applicable");
	expect_line(t, "office.cfg —",
		    "office.cfg — YAMAHA RTX/NVR: RTX1210, firmware Rev.14.01.42 "
		    "(12 of 12 lines understood)");
	expect_line(t, "  ✗ 3-2", "  ✗ 3-2  Internet-facing filter — fail");
	expect_line(t, "  ✓ 5-4", "  ✓ 5-4  VPN device support and firmware — pass");
	expect_line(t, "  – 6-1",
		    "  – 6-1  Encrypted traffic to cloud services — not applicable (this kind of "
		    "input does not describe what this item checks)");
	/* The failing group first, with its occurrences; then the info. */
	expect_line(t, "office.cfg:9:",
		    "office.cfg:9: high EL107 pptp-enabled: PPTP is enabled: its authentication can "
		    "be cracked and its encryption is weak. [3-2]");
	expect_line(t, "    evidence:", "    evidence: pptp service on");
	expect_line(t, "    occurrences:", "    occurrences: 2 (first: line 9, last: line 11)");
	expect_line(t, "office.cfg:3:",
		    "office.cfg:3: info EL306 vpn-remote-access: This device terminates VPN for "
		    "teleworkers: IPsec. [5-4]");
	expect_line(t, "    fix: Nothing",
		    "    fix: Nothing to fix; keep this device supported and updated.");
	assert_true(strstr(t, "office.cfg:9:") < strstr(t, "office.cfg:3:"));
	expect_line(t, "verdict:", "verdict: fix first");
	/* One input: no summary table, the counts line. */
	expect_line(t, "1 input(s)",
		    "1 input(s), 0 could not be read; items: fail 1, warn 0, unknown 0, pass 1, "
		    "not applicable 3");
	assert_null(strchr(t, '\033'));
	assert_null(strstr(t, "warning: the firmware"));
	/* The same bytes twice. */
	char *again = render("text", &in, 1, LANG_EN, false, false);
	assert_string_equal(t, again);
	free(again);
	free(t);
	input_free(&in);
}

static void test_text_japanese(void **state)
{
	(void)state;
	struct input in;
	office(&in);
	char *t = render("text", &in, 1, LANG_JA, false, false);
	expect_line(t, "✓ 合格", "✓ 合格  ✗ 不合格  ! 要注意  ? 不明  – 対象外");
	expect_line(t, "office.cfg —",
		    "office.cfg — YAMAHA RTX/NVR: RTX1210、ファームウェア Rev.14.01.42"
		    "（12 行中 12 行を解釈）");
	expect_line(t, "    根拠:", "    根拠: pptp service on");
	expect_line(t, "  – 6-1",
		    "  – 6-1  クラウドサービスとの通信の暗号化 — 対象外（この種類の入力には"
		    "この項目の判定材料が含まれません）");
	expect_line(t, "office.cfg:3:",
		    "office.cfg:3: 情報 EL306 vpn-remote-access: この機器はテレワーカー向けの VPN "
		    "を終端しています：IPsec。 [5-4]");
	expect_line(t, "    対処: 対処は不要",
		    "    対処: 対処は不要です。この機器のサポートと更新を続けてください。");
	/* Nothing of the English words of the report. */
	assert_null(strstr(t, "evidence:"));
	assert_null(strstr(t, "fix:"));
	assert_null(strstr(t, "lines understood"));
	free(t);
	input_free(&in);
}

static void test_text_color_stale_summary(void **state)
{
	(void)state;
	struct input ins[2];
	office(&ins[0]);
	broken(&ins[1]);
	char *t = render("text", ins, 2, LANG_EN, true, true);
	/* Colour: the failed item in bold red, reset after it. */
	assert_non_null(strstr(t, "\033[1;31m✗ 3-2"));
	assert_non_null(strstr(t, "\033[0m"));
	expect_line(t, "warning: the firmware",
		    "warning: the firmware, support and vulnerability data is from 2026-11-21, more "
		    "than 90 days before 2026-11-21, so the 5-3 and 5-4 verdicts may be out of date; "
		    "update edgelint's rules data");
	char *t2 = render("text", ins, 2, LANG_EN, false, false);
	/* The unreadable input says why, and the run ends with the counts. */
	expect_line(t2, "  error:", "  error: gone.cfg: cannot open: No such file or directory");
	expect_line(t2, "2 input(s)",
		    "2 input(s), 1 could not be read; items: fail 1, warn 0, unknown 5, pass 1, "
		    "not applicable 3");
	char *j = render("text", ins, 2, LANG_JA, false, false);
	expect_line(j, "  エラー:", "  エラー: gone.cfg: 開けません: No such file or directory");
	free(t);
	free(t2);
	free(j);
	input_free(&ins[0]);
	input_free(&ins[1]);
}

/* ---- json ------------------------------------------------------------ */

static json_t *parse(const char *s)
{
	json_error_t e;
	json_t *root = json_loads(s, 0, &e);
	if (!root)
		fail_msg("not JSON (%s, line %d): %s", e.text, e.line, s);
	return root;
}

/* A small path walker: "inputs.0.findings.1.rule". */
static json_t *json_path(json_t *root, const char *path)
{
	char buf[256];
	assert_true(strlen(path) < sizeof(buf));
	strcpy(buf, path);
	json_t *v = root;
	for (char *save = NULL, *k = strtok_r(buf, ".", &save); v && k;
	     k = strtok_r(NULL, ".", &save)) {
		if (json_is_array(v))
			v = json_array_get(v, strtoul(k, NULL, 10));
		else
			v = json_object_get(v, k);
	}
	return v;
}

static const char *jstr(json_t *root, const char *path)
{
	json_t *v = json_path(root, path);
	assert_non_null(v);
	assert_true(json_is_string(v));
	return json_string_value(v);
}

static long long jint(json_t *root, const char *path)
{
	json_t *v = json_path(root, path);
	assert_non_null(v);
	assert_true(json_is_integer(v));
	return json_integer_value(v);
}

static void test_json(void **state)
{
	(void)state;
	struct input ins[2];
	office(&ins[0]);
	broken(&ins[1]);
	char *s = render("json", ins, 2, LANG_EN, false, false);
	json_t *r = parse(s);
	assert_string_equal(jstr(r, "schema"), "edgelint/1");
	assert_string_equal(jstr(r, "tool.name"), "edgelint");
	assert_string_equal(jstr(r, "tool.version"), EDGELINT_VERSION);
	assert_string_equal(jstr(r, "today"), "2026-11-21");
	assert_true(json_is_false(json_path(r, "rules.stale")));
	assert_int_equal(json_array_size(json_path(r, "inputs")), 2);
	assert_string_equal(jstr(r, "inputs.0.path"), "office.cfg");
	assert_string_equal(jstr(r, "inputs.0.kind"), "yamaha-rtx");
	assert_true(json_is_null(json_path(r, "inputs.0.error")));
	assert_int_equal(jint(r, "inputs.0.coverage.lines"), 12);
	assert_int_equal(jint(r, "inputs.0.coverage.understood"), 12);
	assert_string_equal(jstr(r, "inputs.0.device.model"), "RTX1210");
	assert_string_equal(jstr(r, "inputs.0.device.firmware"), "Rev.14.01.42");
	assert_string_equal(jstr(r, "inputs.0.items.3-2"), "fail");
	assert_string_equal(jstr(r, "inputs.0.items.5-4"), "pass");
	assert_string_equal(jstr(r, "inputs.0.items.6-2"), "not-applicable");
	/* Two groups: the repeated EL107 (one finding, count 2), then EL306. */
	assert_int_equal(json_array_size(json_path(r, "inputs.0.findings")), 2);
	assert_string_equal(jstr(r, "inputs.0.findings.0.rule"), "EL107");
	assert_string_equal(jstr(r, "inputs.0.findings.0.severity"), "high");
	assert_string_equal(jstr(r, "inputs.0.findings.0.status"), "fail");
	assert_string_equal(jstr(r, "inputs.0.findings.0.item"), "3-2");
	assert_int_equal(jint(r, "inputs.0.findings.0.line"), 9);
	assert_int_equal(jint(r, "inputs.0.findings.0.count"), 2);
	assert_int_equal(jint(r, "inputs.0.findings.0.first.line"), 9);
	assert_int_equal(jint(r, "inputs.0.findings.0.last.line"), 11);
	assert_int_equal(json_array_size(json_path(r, "inputs.0.findings.0.occurrences")), 2);
	assert_int_equal(jint(r, "inputs.0.findings.0.occurrences.1.line"), 11);
	assert_string_equal(jstr(r, "inputs.0.findings.0.evidence"), "pptp service on");
	assert_int_equal(json_array_size(json_path(r, "inputs.0.findings.0.accounts")), 0);
	assert_string_equal(jstr(r, "inputs.0.findings.1.rule"), "EL306");
	assert_string_equal(jstr(r, "inputs.0.findings.1.name"), "vpn-remote-access");
	assert_string_equal(jstr(r, "inputs.0.findings.1.severity"), "info");
	assert_string_equal(jstr(r, "inputs.0.findings.1.status"), "pass");
	assert_string_equal(jstr(r, "inputs.0.findings.1.message"),
			    "This device terminates VPN for teleworkers: IPsec.");
	assert_true(json_is_null(json_path(r, "inputs.0.findings.1.evidence")));
	assert_null(json_path(r, "inputs.0.findings.1.packet"));
	assert_string_equal(jstr(r, "inputs.0.verdict.class"), "office-device");
	assert_string_equal(jstr(r, "inputs.0.verdict.verdict"), "fix");
	assert_string_equal(jstr(r, "inputs.0.verdict.text"), "fix first");
	assert_string_equal(jstr(r, "inputs.0.verdict.worst_severity"), "high");
	/* The unreadable input. */
	assert_string_equal(jstr(r, "inputs.1.error"), "gone.cfg: cannot open: No such file or directory");
	assert_true(json_is_null(json_path(r, "inputs.1.kind")));
	assert_string_equal(jstr(r, "inputs.1.verdict.verdict"), "not-assessed");
	assert_int_equal(jint(r, "summary.inputs"), 2);
	assert_int_equal(jint(r, "summary.errors"), 1);
	assert_int_equal(jint(r, "summary.items.fail"), 1);
	assert_int_equal(jint(r, "summary.items.unknown"), 5);
	assert_int_equal(jint(r, "summary.items.not-applicable"), 3);
	assert_string_equal(jstr(r, "summary.per_input.1.path"), "gone.cfg");
	json_decref(r);
	/* Japanese: the same document with the texts in Japanese. */
	char *ja = render("json", ins, 2, LANG_JA, false, false);
	r = parse(ja);
	assert_string_equal(jstr(r, "inputs.0.findings.1.message"),
			    "この機器はテレワーカー向けの VPN を終端しています：IPsec。");
	assert_string_equal(jstr(r, "inputs.1.error"), "gone.cfg: 開けません: No such file or directory");
	assert_string_equal(jstr(r, "inputs.0.verdict.text"), "先に対処が必要");
	assert_string_equal(jstr(r, "inputs.0.findings.0.status"), "fail");
	json_decref(r);
	char *again = render("json", ins, 2, LANG_EN, false, false);
	assert_string_equal(s, again);
	free(again);
	free(ja);
	free(s);
	input_free(&ins[0]);
	input_free(&ins[1]);
}

/* ---- sarif ----------------------------------------------------------- */

static void test_sarif(void **state)
{
	(void)state;
	struct input in;
	office(&in);
	char *s = render("sarif", &in, 1, LANG_EN, false, false);
	json_t *r = parse(s);
	assert_string_equal(jstr(r, "version"), "2.1.0");
	assert_string_equal(jstr(r, "runs.0.tool.driver.name"), "edgelint");
	/* One result per occurrence: EL107 at 9 and 11, EL306 at 3. */
	json_t *res = json_path(r, "runs.0.results");
	assert_int_equal(json_array_size(res), 3);
	assert_string_equal(jstr(r, "runs.0.results.0.ruleId"), "EL107");
	assert_string_equal(jstr(r, "runs.0.results.0.level"), "error");
	assert_string_equal(jstr(r, "runs.0.results.0.locations.0.physicalLocation."
				    "artifactLocation.uri"),
			    "office.cfg");
	assert_int_equal(jint(r, "runs.0.results.0.locations.0.physicalLocation.region.startLine"),
			 9);
	assert_int_equal(jint(r, "runs.0.results.1.locations.0.physicalLocation.region.startLine"),
			 11);
	assert_string_equal(jstr(r, "runs.0.results.2.ruleId"), "EL306");
	assert_string_equal(jstr(r, "runs.0.results.2.level"), "note");
	assert_string_equal(jstr(r, "runs.0.results.2.message.text"),
			    "This device terminates VPN for teleworkers: IPsec.");
	/* The fingerprints do not depend on the language of the report, and
	 * two occurrences of one group differ. */
	json_t *fp = json_path(r, "runs.0.results.0.partialFingerprints");
	assert_non_null(fp);
	assert_true(json_object_size(fp) >= 1);
	char *ja = render("sarif", &in, 1, LANG_JA, false, false);
	json_t *rj = parse(ja);
	assert_true(json_equal(fp, json_path(rj, "runs.0.results.0.partialFingerprints")));
	assert_string_equal(jstr(rj, "runs.0.results.2.message.text"),
			    "この機器はテレワーカー向けの VPN を終端しています：IPsec。");
	assert_false(json_equal(fp, json_path(r, "runs.0.results.1.partialFingerprints")));
	json_decref(rj);
	json_decref(r);
	free(ja);
	free(s);
	input_free(&in);
}

/* ---- html ------------------------------------------------------------- */

/* The office input with hostile values: its path, model and a finding's
 * evidence hold markup, quotes and '&'; its secret (a pre-shared key the
 * evidence quotes by mistake) is masked in every part of the page. */
static void hostile_office(struct input *in)
{
	input_init(in, "a<script>&'\".cfg");
	in->kind = input_kind_named("yamaha-rtx");
	assert_non_null(in->kind);
	in->has_device = true;
	in->dev.model.s = "RTX<b>\"&'";
	for (int it = 0; it < ITEM_COUNT; it++) {
		in->items[it] = IST_NA;
		in->item_note[it] = "kind-does-not-feed";
	}
	in->items[ITEM_3_2] = IST_FAIL;
	in->item_note[ITEM_3_2] = NULL;
	char *key = arena_strndup(&in->arena, "K3y<&>\"x'", 9);
	assert_non_null(key);
	assert_int_equal(input_add_secret(in, key, 9), 0);
	assert_non_null(finding_add(in, &g_ctx, "EL107", "default", ITEM_3_2, -1, FST_FAIL, 9,
				    "pptp service on <i>&", ARGS_END));
	assert_non_null(finding_add(in, &g_ctx, "EL107", "default", ITEM_3_2, -1, FST_FAIL, 11,
				    "pptp service on <i>&", ARGS_END));
	findings_sort(in);
}

static void expect_in(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("not in the HTML: %s", part);
}

static void test_html(void **state)
{
	(void)state;
	struct input ins[2];
	hostile_office(&ins[0]);
	broken(&ins[1]);
	char *h = render("html", ins, 2, LANG_EN, false, false);
	assert_memory_equal(h, "<!DOCTYPE html>\n<html lang=\"en\">\n", 33);
	assert_string_equal(h + strlen(h) - 24, "</main>\n</body>\n</html>\n");
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "<b>"));
	assert_null(strstr(h, "<i>"));
	assert_null(strstr(h, "K3y"));
	/* The checklist row of the first input, whole. */
	expect_in(h, "<tr data-input=\"1\"><th scope=\"row\"><a href=\"#dev-1\"><span class=\"path\">"
		     "a&lt;script&gt;&amp;&#39;&quot;.cfg</span>: RTX&lt;b&gt;&quot;&amp;&#39;</a></th>"
		     "<td class=\"st-fail\" data-item=\"3-2\" data-status=\"fail\"><span class=\"st st-fail\">"
		     "<span aria-hidden=\"true\">✗</span> fail</span></td>"
		     "<td class=\"st-na\" data-item=\"5-3\" data-status=\"not-applicable\"><span class=\"st st-na\">"
		     "<span aria-hidden=\"true\">–</span> not applicable</span></td>");
	/* The group of two: one article, its place, count and last place. */
	expect_in(h, "<article class=\"finding sev-high\" data-rule=\"EL107\" data-status=\"fail\" "
		     "data-severity=\"high\" data-item=\"3-2\" data-line=\"9\">");
	expect_in(h, "<dt>where</dt><dd>line 9 (occurrences: 2, last: line 11)</dd>");
	expect_in(h, "<dt>evidence</dt><dd><code>pptp service on &lt;i&gt;&amp;</code></dd>");
	/* The reason of a not-applicable item; the broken input's error. */
	expect_in(h, "<td>this kind of input does not describe what this item checks</td>");
	expect_in(h, "<p class=\"warning\" role=\"alert\">error: gone.cfg: cannot open: No such file or directory</p>");
	expect_in(h, "<section class=\"device\" id=\"dev-2\" aria-labelledby=\"dev-2-h\" data-path=\"gone.cfg\">");
	expect_in(h, "<p>Checked on 2026-11-21 by edgelint 0.1.0; rules data as of 2026-11-21. "
		     "2 input(s), 1 could not be read.</p>");
	free(h);
	/* Japanese: the labels of rules/report.yaml, the same markup. */
	h = render("html", ins, 2, LANG_JA, false, true);
	assert_memory_equal(h, "<!DOCTYPE html>\n<html lang=\"ja\">\n", 33);
	expect_in(h, "<span class=\"st st-fail\"><span aria-hidden=\"true\">✗</span> 不合格</span>");
	expect_in(h, "<dt>場所</dt><dd>9 行目（件数 2、最後 11 行目）</dd>");
	expect_in(h, "<p class=\"warning\" role=\"note\">警告：ファームウェアとサポート、脆弱性のデータは 2026-11-21 時点");
	assert_null(strstr(h, "K3y"));
	free(h);
	for (size_t i = 0; i < 2; i++)
		input_free(&ins[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_english),
		cmocka_unit_test(test_text_japanese),
		cmocka_unit_test(test_text_color_stale_summary),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_sarif),
		cmocka_unit_test(test_html),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
