/*
 * test_finding.c — cmocka tests for src/finding.c:
 *  - finding_mask against the input's secrets (registered with
 *    input_add_secret, stored in the input's arena): repeated secrets,
 *    one secret a prefix of another (longest wins), secrets at the start
 *    and the end, secrets shorter than SECRET_MASK_MIN, short texts, no
 *    secrets, and 2000 distinct secrets;
 *  - finding_add + finding_message / finding_fix in English and Japanese
 *    (exact strings from rules/rules.yaml): placeholders, unknown
 *    placeholders, masked arguments and evidence, arguments cut at
 *    FINDING_ARG_MAX, severity and argument limits; an unknown rule id or
 *    variant aborts (checked in a child process);
 *  - findings_sort: line, rule id, variant, stable for equal keys;
 *  - findings_apply_exceptions: by id and by name, file globs, until dates,
 *    the use count;
 *  - findings_settle_items: finding statuses to item statuses.
 * The registry is the real one from $EDGELINT_RULES.
 *
 * Length: the tests of one module are one cmocka group in one file; each
 * test is short, and the file is long because the module has many cases.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/policy.h"
#include "../../src/registry.h"
#include "../../src/secrets.h"
#include "../../src/util.h"

#include "testctx.h"

/* ---- helpers -------------------------------------------------------------- */

/* Registers s (copied into the input's arena) as a secret. */
static void add_secret(struct input *in, const char *s)
{
	size_t n = strlen(s);
	char *copy = arena_strndup(&in->arena, s, n);
	assert_non_null(copy);
	assert_int_equal(input_add_secret(in, copy, n), 0);
}

/* Masks text against in's secrets and compares with want. */
static void expect_mask(const struct input *in, const char *text, const char *want)
{
	struct strbuf sb;
	sb_init(&sb, 1 << 20);
	assert_int_equal(sb_adds(&sb, text), 0);
	finding_mask(in, &sb);
	if (strcmp(sb_str(&sb), want) != 0 || sb.len != strlen(want))
		fail_msg("mask \"%s\": got \"%s\" (len %zu), want \"%s\"", text, sb_str(&sb),
			 sb.len, want);
	sb_free(&sb);
}

static void expect_message(const struct input *in, const struct finding *f, enum lang l,
			   const char *want)
{
	struct strbuf sb;
	sb_init(&sb, 1 << 20);
	assert_int_equal(finding_message(in, f, l, &sb), 0);
	if (strcmp(sb_str(&sb), want) != 0)
		fail_msg("message %s/%s: got \"%s\", want \"%s\"", f->rule->id, f->variant,
			 sb_str(&sb), want);
	sb_free(&sb);
}

static void expect_fix(const struct input *in, const struct finding *f, enum lang l,
		       const char *want)
{
	struct strbuf sb;
	sb_init(&sb, 1 << 20);
	assert_int_equal(finding_fix(in, f, l, &sb), 0);
	if (strcmp(sb_str(&sb), want) != 0)
		fail_msg("fix %s/%s: got \"%s\", want \"%s\"", f->rule->id, f->variant,
			 sb_str(&sb), want);
	sb_free(&sb);
}

static void expect_evidence(const struct input *in, const struct finding *f, const char *want)
{
	struct strbuf sb;
	sb_init(&sb, 1 << 20);
	assert_int_equal(finding_evidence(in, f, &sb), 0);
	if (strcmp(sb_str(&sb), want) != 0)
		fail_msg("evidence %s: got \"%s\", want \"%s\"", f->rule->id, sb_str(&sb), want);
	sb_free(&sb);
}

/* ---- finding_mask --------------------------------------------------------- */

static void test_mask_repeated(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	add_secret(&in, "hunter22");
	expect_mask(&in, "a hunter22 b hunter22hunter22 c", "a **** b ******** c");
	/* Not a match: one byte short, or different case. */
	expect_mask(&in, "hunter2 HUNTER22", "hunter2 HUNTER22");
	input_free(&in);
}

static void test_mask_prefix_longest_wins(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	/* Registered short first, then long; and the other way round. */
	add_secret(&in, "abcd");
	add_secret(&in, "abcdefgh");
	expect_mask(&in, "x abcdefgh y", "x **** y");
	expect_mask(&in, "x abcdefg y", "x ****efg y");
	expect_mask(&in, "abcdabcdefgh", "********");
	input_free(&in);

	input_init(&in, "f.yaml");
	add_secret(&in, "abcdefgh");
	add_secret(&in, "abcd");
	expect_mask(&in, "x abcdefgh y", "x **** y");
	expect_mask(&in, "abcdefg", "****efg");
	input_free(&in);
}

static void test_mask_start_end(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	add_secret(&in, "s3cr3t!");
	expect_mask(&in, "s3cr3t! in the middle s3cr3t!", "**** in the middle ****");
	expect_mask(&in, "s3cr3t!", "****");
	expect_mask(&in, "xs3cr3t!", "x****");
	expect_mask(&in, "s3cr3t!x", "****x");
	/* The secret cut by the end of the text is not masked. */
	expect_mask(&in, "xx s3cr3t", "xx s3cr3t");
	input_free(&in);

	/* A secret of exactly SECRET_MASK_MIN bytes, the whole text. */
	input_init(&in, "f.yaml");
	add_secret(&in, "wxyz");
	expect_mask(&in, "wxyz", "****");
	input_free(&in);
}

static void test_mask_short_secret(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	/* Only a 3-byte secret: remembered, but never masked. */
	add_secret(&in, "abc");
	assert_int_equal(in.nsecrets, 1);
	expect_mask(&in, "abc abcabc xabcx", "abc abcabc xabcx");
	/* With a longer secret, the 3-byte one still is not masked. */
	add_secret(&in, "longer-secret");
	expect_mask(&in, "abc longer-secret abc", "abc **** abc");
	/* An empty secret is ignored. */
	assert_int_equal(input_add_secret(&in, "", 0), 0);
	assert_int_equal(in.nsecrets, 2);
	input_free(&in);
}

static void test_mask_short_text_and_no_secrets(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	/* No secrets at all. */
	expect_mask(&in, "nothing to hide here", "nothing to hide here");
	add_secret(&in, "abcd");
	/* Texts shorter than 4 bytes are left alone. */
	expect_mask(&in, "abc", "abc");
	expect_mask(&in, "a", "a");
	/* The empty buffer (never allocated) is left alone. */
	struct strbuf sb;
	sb_init(&sb, 100);
	finding_mask(&in, &sb);
	assert_null(sb.buf);
	assert_int_equal(sb.len, 0);
	sb_free(&sb);
	input_free(&in);
}

static void test_mask_many_secrets(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	char buf[32];
	for (size_t i = 0; i < 2000; i++) {
		snprintf(buf, sizeof(buf), "sec-%05zu-x", i);
		add_secret(&in, buf);
	}
	assert_int_equal(in.nsecrets, 2000);
	/* The 1999th secret (index 1998). */
	expect_mask(&in, "before sec-01998-x after", "before **** after");
	expect_mask(&in, "sec-00000-xsec-01999-x.sec-02000-x",
		    "********.sec-02000-x");
	input_free(&in);
}

/* ---- finding_add, finding_message, finding_fix --------------------------- */

/* Japanese: no ASCII space of ours next to a value's full-width bracket;
 * English and the value itself unchanged. */
static void test_message_ja_brackets(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.cfg");
	struct finding *f = finding_add(&in, &g_ctx, "EL108", "default", ITEM_3_2, -1, FST_PASS,
					90, NULL, "rule", "OUTSIDE_IN (line 90)", "rule_ja",
					"OUTSIDE_IN（90 行目）", "by", "OUTSIDE_IN (line 88)", "by_ja",
					"OUTSIDE_IN（88 行目）", "interface", "outside", ARGS_END);
	expect_message(&in, f, LANG_JA,
		       "outside の受信リストのフィルタ OUTSIDE_IN（90 行目）は決して一致しません。"
		       "対象のパケットはすべてフィルタ OUTSIDE_IN（88 行目）で決まり、そのうち少なくとも"
		       "一つは逆の動作です。");
	expect_message(&in, f, LANG_EN,
		       "Filter OUTSIDE_IN (line 90) in the inbound list of outside can never match: "
		       "filters OUTSIDE_IN (line 88) decide every packet it would, at least one of "
		       "them with the opposite action.");
	/* A value that starts with （: the space before it goes too. */
	f = finding_add(&in, &g_ctx, "EL108", "default", ITEM_3_2, -1, FST_PASS, 91, NULL, "rule",
			"x", "rule_ja", "（無名）", "by", "y", "interface", "（外側） ", ARGS_END);
	expect_message(&in, f, LANG_JA,
		       "（外側）  の受信リストのフィルタ（無名）は決して一致しません。"
		       "対象のパケットはすべてフィルタ y で決まり、そのうち少なくとも一つは逆の動作です。");
	input_free(&in);
}

static void test_message_placeholders(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	struct finding *f = finding_add(&in, &g_ctx, "EL201", "open", ITEM_6_2, -1, FST_FAIL,
					7, "security: open", "ssid", "HomeNet", ARGS_END);
	assert_non_null(f);
	assert_int_equal(in.nfindings, 1);
	assert_ptr_equal(f, &in.findings[0]);
	assert_string_equal(f->rule->id, "EL201");
	assert_string_equal(f->rule->name, "wifi-open");
	assert_string_equal(f->variant, "open");
	assert_int_equal(f->item, ITEM_6_2);
	assert_int_equal(f->severity, SEV_CRITICAL);
	assert_int_equal(f->status, FST_FAIL);
	assert_int_equal(f->line, 7);
	assert_false(f->is_packet);
	assert_int_equal(f->nargs, 1);
	assert_string_equal(f->arg_key[0], "ssid");
	assert_string_equal(f->arg_val[0], "HomeNet");
	assert_string_equal(f->evidence, "security: open");
	assert_null(f->except_reason);
	expect_message(&in, f, LANG_EN,
		       "Network \"HomeNet\" is open: anyone nearby can join it without a password.");
	expect_message(&in, f, LANG_JA,
		       "ネットワーク「HomeNet」はオープンです。近くの誰でもパスワードなしで接続できます。");
	/* Fix: remediation, then the vendor hint (none without a vendor). */
	expect_fix(&in, f, LANG_EN,
		   "Set the network to WPA2-PSK (AES) or WPA3-SAE with a long passphrase, or "
		   "turn it off.");
	in.dev.vendor.s = "nec";
	expect_fix(&in, f, LANG_EN,
		   "Set the network to WPA2-PSK (AES) or WPA3-SAE with a long passphrase, or "
		   "turn it off. On NEC Aterm: 詳細設定 → 無線LAN設定 → 暗号化モード → "
		   "WPA2-PSK(AES) or WPA2/WPA3.");
	expect_fix(&in, f, LANG_JA,
		   "ネットワークを WPA2-PSK（AES）または WPA3-SAE にして長いパスフレーズを設定するか、"
		   "無効にしてください。NEC Aterm: 詳細設定 → 無線LAN設定 → 暗号化モード で "
		   "WPA2-PSK(AES) か WPA2/WPA3 を選びます。");
	/* A vendor without a hint for the rule: remediation alone. */
	in.dev.vendor.s = "iodata";
	expect_fix(&in, f, LANG_EN,
		   "Set the network to WPA2-PSK (AES) or WPA3-SAE with a long passphrase, or "
		   "turn it off.");

	/* Several placeholders, appended to what the buffer already holds. */
	f = finding_add(&in, &g_ctx, "EL310", "ending-soon", ITEM_5_3, -1, FST_WARN, 3, NULL,
			"model", "WX-1", "date", "2027-01", "source", "src", "days", "180",
			ARGS_END);
	assert_non_null(f);
	assert_null(f->evidence);
	assert_int_equal(f->severity, SEV_HIGH);
	struct strbuf sb;
	sb_init(&sb, 4096);
	assert_int_equal(sb_adds(&sb, "> "), 0);
	assert_int_equal(finding_message(&in, f, LANG_EN, &sb), 0);
	assert_string_equal(sb_str(&sb),
			    "> WX-1: vendor support ends 2027-01, within 180 days (source: src).");
	sb_free(&sb);
	expect_message(&in, f, LANG_JA,
		       "WX-1：メーカーのサポートは 2027-01 に終了します（あと 180 日以内。出典：src）。");
	/* The fix of EL316 fills {fixed} in the remediation. */
	f = finding_add(&in, &g_ctx, "EL316", "default", ITEM_5_3, -1, FST_FAIL, 4, NULL,
			"firmware", "1.10", "fixed", "1.11", "advisory", "JVN#1", ARGS_END);
	expect_message(&in, f, LANG_EN,
		       "Firmware 1.10 is older than 1.11, the first release that fixes JVN#1.");
	expect_fix(&in, f, LANG_EN,
		   "Update the firmware now to at least version 1.11, and turn automatic updates on.");
	expect_fix(&in, f, LANG_JA,
		   "すぐにファームウェアを 1.11 以降に更新し、自動更新を有効にしてください。");
	/* A variant with a fix of its own (rules.yaml fixes:) shows it, the
	 * other variants the rule's remediation (EL403 no-auth: there is no
	 * password to change). */
	f = finding_add(&in, &g_ctx, "EL403", "no-auth", ITEM_6_1, -1, FST_FAIL, 5, NULL,
			"protocol", "VNC without authentication", "protocol_ja", "VNC（認証なし）",
			"client", "192.0.2.1:40000", "server", "192.0.2.9:5900", "user", "",
			"count", "1", ARGS_END);
	assert_non_null(f);
	expect_fix(&in, f, LANG_EN,
		   rule_msg(f->rule, "no-auth")->fix.t[LANG_EN]);
	expect_fix(&in, f, LANG_JA,
		   rule_msg(f->rule, "no-auth")->fix.t[LANG_JA]);
	assert_non_null(strstr(rule_msg(f->rule, "no-auth")->fix.t[LANG_EN], "No password leaked"));
	f = finding_add(&in, &g_ctx, "EL403", "default", ITEM_6_1, -1, FST_FAIL, 6, NULL,
			"protocol", "FTP", "protocol_ja", "FTP", "client", "192.0.2.1:40001",
			"server", "192.0.2.9:21", "user", "u", "count", "1", ARGS_END);
	assert_non_null(f);
	assert_null(rule_msg(f->rule, "default")->fix.t[LANG_EN]);
	expect_fix(&in, f, LANG_EN, f->rule->remediation.t[LANG_EN]);
	assert_string_equal(rule_fix(f->rule, "default", LANG_JA), f->rule->remediation.t[LANG_JA]);
	assert_string_equal(rule_fix(f->rule, "nonesuch", LANG_EN), f->rule->remediation.t[LANG_EN]);
	input_free(&in);
}

static void test_message_unknown_placeholders(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	/* No arguments: {ssid} stays as written. */
	struct finding *f = finding_add(&in, &g_ctx, "EL202", "default", ITEM_6_2, -1, FST_FAIL,
					1, NULL, ARGS_END);
	assert_int_equal(f->nargs, 0);
	expect_message(&in, f, LANG_EN, "Network \"{ssid}\" uses WEP, which can be broken in minutes.");
	expect_message(&in, f, LANG_JA,
		       "ネットワーク「{ssid}」は WEP を使っており、数分で破られます。");
	/* Only some arguments given: the others stay. */
	f = finding_add(&in, &g_ctx, "EL204", "default", ITEM_6_2, -1, FST_WARN, 2, NULL,
			"cipher", "tkip", "unused", "x", ARGS_END);
	assert_int_equal(f->nargs, 2);
	expect_message(&in, f, LANG_EN, "Network \"{ssid}\" allows TKIP (tkip).");
	/* An argument holding a placeholder is not expanded again. */
	f = finding_add(&in, &g_ctx, "EL204", "default", ITEM_6_2, -1, FST_WARN, 2, NULL,
			"ssid", "{cipher}", "cipher", "aes", ARGS_END);
	expect_message(&in, f, LANG_EN, "Network \"{cipher}\" allows TKIP (aes).");
	/* A NULL value is the empty string. */
	f = finding_add(&in, &g_ctx, "EL204", "default", ITEM_6_2, -1, FST_WARN, 2, NULL,
			"ssid", (const char *)NULL, ARGS_END);
	assert_int_equal(f->nargs, 1);
	assert_string_equal(f->arg_val[0], "");
	input_free(&in);
}

/* An argument our code words itself has a Japanese twin KEY_ja: a
 * Japanese text's {key} takes it, English the plain one; a value without
 * a twin (from the input) reads the same in both; an empty or NULL twin
 * falls back to the plain value (issue 11 §1). */
static void test_message_japanese_twin(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.cfg");
	struct finding *f = finding_add(&in, &g_ctx, "EL101", "default", ITEM_3_2, -1, FST_FAIL,
					3, NULL, "interface", "lan2", "how", "default route",
					"how_ja", "デフォルト経路", ARGS_END);
	expect_message(&in, f, LANG_EN,
		       "lan2 faces the internet (default route) and has no inbound IPv4 filter: "
		       "nothing that reaches it is blocked.");
	expect_message(&in, f, LANG_JA,
		       "lan2 はインターネットに面しています（デフォルト経路）が、IPv4 の受信フィルタが"
		       "ありません。届いた通信は何も止められません。");
	/* The twin comes first in either order of the arguments. */
	f = finding_add(&in, &g_ctx, "EL101", "default", ITEM_3_2, -1, FST_FAIL, 3, NULL,
			"how_ja", "PPPoE（テスト）", "how", "PPPoE", "interface", "pp 1", ARGS_END);
	expect_message(&in, f, LANG_JA,
		       "pp 1 はインターネットに面しています（PPPoE（テスト））が、IPv4 の受信フィルタが"
		       "ありません。届いた通信は何も止められません。");
	/* No twin, or an empty one: the plain value. */
	f = finding_add(&in, &g_ctx, "EL101", "default", ITEM_3_2, -1, FST_FAIL, 3, NULL,
			"interface", "lan2", "how", "PPPoE", "how_ja", (const char *)NULL, ARGS_END);
	expect_message(&in, f, LANG_JA,
		       "lan2 はインターネットに面しています（PPPoE）が、IPv4 の受信フィルタが"
		       "ありません。届いた通信は何も止められません。");
	/* A key that merely starts like another is not its twin. */
	f = finding_add(&in, &g_ctx, "EL101", "default", ITEM_3_2, -1, FST_FAIL, 3, NULL,
			"interface", "lan2", "how_jax", "x", "ho", "y", "how", "PPPoE", ARGS_END);
	expect_message(&in, f, LANG_EN,
		       "lan2 faces the internet (PPPoE) and has no inbound IPv4 filter: nothing that "
		       "reaches it is blocked.");
	expect_message(&in, f, LANG_JA,
		       "lan2 はインターネットに面しています（PPPoE）が、IPv4 の受信フィルタが"
		       "ありません。届いた通信は何も止められません。");
	input_free(&in);
}

static void test_message_secret_masked(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	add_secret(&in, "Tr0ub4dor&3");
	struct finding *f = finding_add(
		&in, &g_ctx, "EL001", "default", ITEM_NONE, -1, FST_UNKNOWN, 9,
		"passphrase: Tr0ub4dor&3 (line 9)", "detail",
		"unknown key 'Tr0ub4dor&3' near Tr0ub4dor&3", "detail_ja",
		"知らないキー 'Tr0ub4dor&3'", ARGS_END);
	assert_non_null(f);
	/* The argument and the evidence are kept as given; the text that
	 * leaves is masked. */
	assert_string_equal(f->arg_val[0], "unknown key 'Tr0ub4dor&3' near Tr0ub4dor&3");
	assert_string_equal(f->evidence, "passphrase: Tr0ub4dor&3 (line 9)");
	expect_evidence(&in, f, "passphrase: **** (line 9)");
	expect_message(&in, f, LANG_EN, "unknown key '****' near ****");
	expect_message(&in, f, LANG_JA, "知らないキー '****'");
	assert_int_equal(f->severity, SEV_MEDIUM);
	assert_int_equal(f->item, ITEM_NONE);
	/* In the SSID of a Wi-Fi message too. */
	f = finding_add(&in, &g_ctx, "EL258", "missing", ITEM_6_2, -1, FST_UNKNOWN, 4, NULL,
			"ssid", "guest-Tr0ub4dor&3", ARGS_END);
	expect_message(&in, f, LANG_EN, "The input gives no passphrase for \"guest-****\".");
	expect_message(&in, f, LANG_JA, "「guest-****」のパスフレーズが入力にありません。");
	input_free(&in);
}

/* Every byte of every occurrence is hidden, also where occurrences
 * overlap: "cdZefghQ" reaches back over "abcd" and "efgh", so the "Z"
 * between them is a secret's byte too (issue 12 §1). */
static void test_mask_overlapping_union(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	add_secret(&in, "abcd");
	add_secret(&in, "efgh");
	add_secret(&in, "cdZefghQ");
	expect_mask(&in, "<abcdZefghQ>", "<****>");
	expect_mask(&in, "<abcdZefgh>", "<****Z****>");
	/* Secrets that are suffixes of one another, and a long run of them. */
	add_secret(&in, "aaaaaaaa");
	add_secret(&in, "aaaa");
	expect_mask(&in, "xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaay", "x****y");
	expect_mask(&in, "xaaay", "xaaay");
	input_free(&in);
}

/* Secrets are matched on the raw bytes, then the text is sanitised: a
 * secret with a control byte or an invalid UTF-8 byte is still hidden
 * (issue 12 §1; before, sanitising first turned the byte into ' ' or '?'
 * and the secret no longer matched). */
static void test_mask_before_sanitise(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	/* 9 bytes: at least SECRET_ORACLE_MIN, so the last line of defence
	 * looks for it. */
	add_secret(&in, "se\x01cr\xff" "et-9");
	struct finding *f = finding_add(&in, &g_ctx, "EL258", "missing", ITEM_6_2, -1,
					FST_UNKNOWN, 4, "key: se\x01cr\xff" "et-9\x1b[2J", "ssid",
					"net-se\x01cr\xff" "et-9\x1b]0;title\x07", ARGS_END);
	expect_message(&in, f, LANG_EN, "The input gives no passphrase for \"net-**** ]0;title \".");
	expect_evidence(&in, f, "key: **** [2J");
	input_free(&in);
}

/* Our own words are never rewritten: a passphrase "passphrase" (or
 * "network", or the bytes of a Japanese character) leaves the message
 * template alone, so no mask tells the reader the secret (issue 12 §1,
 * issue 11 §2). */
static void test_mask_never_our_text(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	add_secret(&in, "passphrase");
	add_secret(&in, "\xe3\x83\x91\xe3");   /* "パ" and half of the next character */
	struct finding *f = finding_add(&in, &g_ctx, "EL255", "default", ITEM_6_2, -1, FST_FAIL,
					3, NULL, "ssid", "Home", ARGS_END);
	expect_message(&in, f, LANG_EN,
		       "The passphrase of \"Home\" contains the network name, the maker, the "
		       "model or a router word.");
	expect_message(&in, f, LANG_JA,
		       "「Home」のパスフレーズに、ネットワーク名・メーカー名・型番またはルータ関連の語が"
		       "含まれています。");
	/* The file path is not rewritten either: only values are. */
	f = finding_add(&in, &g_ctx, "EL258", "missing", ITEM_6_2, -1, FST_UNKNOWN, 4, NULL,
			"ssid", "my-passphrase-net", ARGS_END);
	expect_message(&in, f, LANG_EN, "The input gives no passphrase for \"my-****-net\".");
	input_free(&in);
}

/* A value with invalid UTF-8 (a key from an nvram dump) masked inside a
 * Japanese message: the text stays valid UTF-8 (issue 12 §5). */
static void test_mask_keeps_utf8_valid(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	/* The tail of one character, two whole ones, the head of the next
	 * (8 bytes: SECRET_ORACLE_MIN). */
	add_secret(&in, "\x83\x91\xe3\x81\xaa\xe3\x83\x91");
	struct finding *f = finding_add(
		&in, &g_ctx, "EL258", "missing", ITEM_6_2, -1, FST_UNKNOWN, 4, NULL, "ssid",
		"\xe3\x83\x91\xe3\x81\xaa\xe3\x83\x91\xe3\x81\xaa\xff", ARGS_END);
	expect_message(&in, f, LANG_JA, "「?****な?」のパスフレーズが入力にありません。");
	input_free(&in);
}

/* The secrets of the run, lent by the report: input B's text hides input
 * A's secret (issue 12 §1: masking was per input). */
static void test_mask_run_wide(void **state)
{
	(void)state;
	struct input a, b;
	input_init(&a, "a.yaml");
	input_init(&b, "b.yaml");
	add_secret(&a, "alpha-secret-1");
	add_secret(&b, "bravo-secret-2");
	struct finding *f = finding_add(&b, &g_ctx, "EL258", "missing", ITEM_6_2, -1,
					FST_UNKNOWN, 4, NULL, "ssid", "alpha-secret-1/bravo-secret-2",
					ARGS_END);
	/* Alone, b knows only its own. */
	expect_message(&b, f, LANG_EN, "The input gives no passphrase for \"alpha-secret-1/****\".");
	struct secret_set set;
	secret_set_init(&set);
	assert_int_equal(input_secrets_add_to(&a, &set), 0);
	assert_int_equal(input_secrets_add_to(&b, &set), 0);
	b.run_secrets = &set;
	expect_message(&b, f, LANG_EN, "The input gives no passphrase for \"****/****\".");
	b.run_secrets = NULL;
	secret_set_free(&set);
	input_free(&a);
	input_free(&b);
}

/* ---- issue 11 §2: secrets kept out by construction ---------------------- */

/* Runs fn in a child with the secret oracle fatal; returns the wait
 * status (SIGABRT when a secret reached a printed value). */
static int child_with_oracle(void (*fn)(void))
{
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0)
			dup2(fd, 2);
		secret_oracle_set_fatal(true);
		fn();
		_exit(0);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

/* A PPPoE password "pass" (YAMAHA `pp auth myname USER pass`): the fix
 * command and an evidence line with the filter action "pass" stay whole,
 * with the oracle fatal (before: "ip filter 200033 **** 203.0.113.0/24"). */
static void test_issue11_fix_with_short_password(void **state)
{
	(void)state;
	secret_oracle_set_fatal(true);
	struct input in;
	input_init(&in, "/corpus/yamaha/rtx830.cfg");
	in.dev.vendor.s = "yamaha";
	add_secret(&in, "pass");
	struct finding *f = finding_add(
		&in, &g_ctx, "EL105", "forward", ITEM_3_2, -1, FST_FAIL, 40,
		"ip filter 200033 pass * 192.168.100.50 tcp * 3389", "service", "rdp (tcp/3389)",
		"host", "192.168.100.50", "interface", "pp 1", "rules", "filter 200033",
		"rule_name", "200033", "dst", "192.168.100.50", "proto", "tcp", "ports", "3389",
		ARGS_END);
	expect_evidence(&in, f, "ip filter 200033 pass * 192.168.100.50 tcp * 3389");
	struct strbuf sb;
	sb_init(&sb, 1 << 16);
	assert_int_equal(finding_fix(&in, f, LANG_EN, &sb), 0);
	assert_non_null(strstr(sb_str(&sb),
			       "`ip filter 200033 pass 203.0.113.0/24 192.168.100.50 tcp * 3389`"));
	assert_null(strstr(sb_str(&sb), "****"));
	sb_free(&sb);
	input_free(&in);
	secret_oracle_set_fatal(false);
}

/* A pre-shared key that is a directory of the path: the path is printed
 * as itself (before: the key masked inside the path), for a short key ("yamaha",
 * never looked for) and a long one (looked for, but inside the path). */
static void test_issue11_path_with_key(void **state)
{
	(void)state;
	secret_oracle_set_fatal(true);
	struct input in;
	input_init(&in, "/corpus/yamaha-rtx-key/rtx830.cfg");
	add_secret(&in, "yamaha");
	add_secret(&in, "yamaha-rtx-key");
	input_fail(&in, "%s%.0s", "%.0s%s", "cannot be read", "読み込めません");
	/* A second error keeps the first, in both languages. */
	input_fail(&in, "the file is empty", "ファイルが空です");
	struct strbuf sb;
	sb_init(&sb, 1 << 16);
	assert_int_equal(finding_scrub(&in, in.error, strlen(in.error), &sb), 0);
	assert_string_equal(sb_str(&sb), "/corpus/yamaha-rtx-key/rtx830.cfg: cannot be read");
	sb_reset(&sb);
	assert_string_equal(input_error_text(&in, false), in.error);
	const char *ja = input_error_text(&in, true);
	assert_int_equal(finding_scrub(&in, ja, strlen(ja), &sb), 0);
	assert_string_equal(sb_str(&sb), "/corpus/yamaha-rtx-key/rtx830.cfg: 読み込めません");
	sb_free(&sb);
	input_free(&in);
	secret_oracle_set_fatal(false);
}

/* A passphrase "password" on the common list: the message says "a list of
 * common passwords" (our words, never searched); an SSID "PasswordPub"
 * that holds the passphrase "Password" is printed as itself (an SSID is
 * broadcast; before: "****Pub"). */
static void test_issue11_common_password_and_ssid(void **state)
{
	(void)state;
	secret_oracle_set_fatal(true);
	struct input in;
	input_init(&in, "f.yaml");
	struct wifi_net w1 = {.ssid = {.s = "Office"}, .enabled = true, .is_ap = true,
			      .pass = "password", .pass_len = 8};
	struct wifi_net w2 = {.ssid = {.s = "PasswordPub"}, .enabled = true, .is_ap = true,
			      .pass = "Password", .pass_len = 8};
	w1.next = &w2;
	in.dev.wifi = &w1;
	add_secret(&in, "password");
	add_secret(&in, "Password");
	struct finding *f = finding_add(&in, &g_ctx, "EL253", "default", ITEM_6_2, -1, FST_FAIL,
					8, "passphrase: (hidden, 8 characters)", "ssid", "Office",
					ARGS_END);
	finding_evidence_ours(f, SIZE_MAX);
	expect_message(&in, f, LANG_EN,
		       "The passphrase of \"Office\" is on a list of common passwords (or is one "
		       "with digits or symbols added).");
	expect_evidence(&in, f, "passphrase: (hidden, 8 characters)");
	f = finding_add(&in, &g_ctx, "EL253", "default", ITEM_6_2, -1, FST_FAIL, 12, NULL, "ssid",
			wifi_net_shown_ssid(&in, &w2), ARGS_END);
	expect_message(&in, f, LANG_EN,
		       "The passphrase of \"PasswordPub\" is on a list of common passwords (or is "
		       "one with digits or symbols added).");
	input_free(&in);
	secret_oracle_set_fatal(false);
}

/* An SSID equal to the passphrase (ignoring case) is the passphrase: it is
 * never printed (wifi_net_shown_ssid), and the weakness is EL255
 * equals-ssid, whose texts name neither. */
static void test_issue11_ssid_equals_passphrase(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	struct wifi_net w = {.ssid = {.s = "Harbour-7731"}, .enabled = true, .is_ap = true,
			     .pass = "harbour-7731", .pass_len = 12};
	in.dev.wifi = &w;
	assert_string_equal(wifi_net_shown_ssid(&in, &w), SECRET_MASK);
	w.pass = "harbour-7732";
	assert_string_equal(wifi_net_shown_ssid(&in, &w), "Harbour-7731");
	struct finding *f = finding_add(&in, &g_ctx, "EL255", "equals-ssid", ITEM_6_2, -1,
					FST_FAIL, 3, NULL, ARGS_END);
	expect_message(&in, f, LANG_EN,
		       "The passphrase of this network is its own network name (SSID), which it "
		       "broadcasts to everyone nearby; neither is shown here.");
	expect_message(&in, f, LANG_JA,
		       "このネットワークのパスフレーズはネットワーク名（SSID）そのもので、周囲の誰にでも"
		       "発信されています。どちらもここには表示しません。");
	input_free(&in);
}

/* Evidence quoting a line that carries a secret is built with the
 * secret's span replaced (evidence_line_masked), whatever its length:
 * here a 4-byte PPPoE password the global pass never looks for. */
static void test_issue11_evidence_line_masked(void **state)
{
	(void)state;
	struct arena a = {0};
	const char line[] = " pp auth myname office01@isp.example.jp pass";
	struct secret_run sp = {sizeof(line) - 1 - 4, sizeof(line) - 1};
	const char *m = evidence_line_masked(&a, line, sizeof(line) - 1, &sp, 1);
	assert_string_equal(m, " pp auth myname office01@isp.example.jp ****");
	/* No span: the line as it is; two spans, one at the start. */
	assert_string_equal(evidence_line_masked(&a, "ip filter 1 pass", 16, NULL, 0),
			    "ip filter 1 pass");
	struct secret_run two[2] = {{0, 2}, {5, 11}};
	assert_string_equal(evidence_line_masked(&a, "ab = secret;", 12, two, 2), "**** = ****;");
	/* Spans past the end are clamped. */
	struct secret_run past = {10, 99};
	assert_string_equal(evidence_line_masked(&a, "abc", 3, &past, 1), "abc****");
	arena_free(&a);
}

/* A registered secret that still reaches a printed value is a bug: with
 * the oracle fatal the process aborts (and never prints the secret);
 * otherwise it is masked (release builds: defence in depth). */
static const char *g_model;   /* the value leak_or_not() quotes */

static void leak_or_not(void)
{
	struct input in;
	input_init(&in, "f.yaml");
	add_secret(&in, "Quiet-Lantern-4471");
	struct finding *f = finding_add(&in, &g_ctx, "EL312", "not-listed", ITEM_5_3, -1,
					FST_WARN, 3, NULL, "model", g_model, ARGS_END);
	struct strbuf sb;
	sb_init(&sb, 1 << 16);
	finding_message(&in, f, LANG_EN, &sb);
	sb_free(&sb);
	input_free(&in);
}

static void test_issue11_oracle_fatal(void **state)
{
	(void)state;
	g_model = "Quiet-Lantern-4471";
	int st = child_with_oracle(leak_or_not);
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGABRT);
	g_model = "WX3000HP";   /* the control */
	st = child_with_oracle(leak_or_not);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	/* Not fatal: masked. */
	struct input in;
	input_init(&in, "f.yaml");
	add_secret(&in, "Quiet-Lantern-4471");
	struct finding *f = finding_add(&in, &g_ctx, "EL258", "missing", ITEM_6_2, -1,
					FST_UNKNOWN, 3, NULL, "ssid", "x-Quiet-Lantern-4471",
					ARGS_END);
	expect_message(&in, f, LANG_EN, "The input gives no passphrase for \"x-****\".");
	input_free(&in);
}

/* Linear whatever the secrets: 20,000 passphrases sharing their first
 * 60 bytes (which all fell in one bucket of the former index, 56.7 s for
 * a 16.6 MB hostapd file) against 2 MB of text that keeps almost matching
 * them. Only correctness is asserted here; the time is make bench's. */
static void test_mask_colliding_secrets(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	char buf[80];
	memset(buf, 'x', 60);
	for (unsigned i = 0; i < 20000; i++) {
		snprintf(buf + 60, sizeof(buf) - 60, "%05u", i);
		add_secret(&in, buf);
	}
	size_t n = 2u << 20;
	char *text = malloc(n + 1);
	assert_non_null(text);
	memset(text, 'x', n);
	memcpy(text + n - 5, "19999", 5);
	text[n] = '\0';
	struct strbuf sb;
	sb_init(&sb, n + 1);
	assert_int_equal(sb_add(&sb, text, n), 0);
	finding_mask(&in, &sb);
	assert_int_equal(sb.len, n - 65 + 4);
	assert_memory_equal(sb.buf + sb.len - 4, "****", 4);
	sb_free(&sb);
	free(text);
	input_free(&in);
}

static void test_message_long_argument(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	char *big = malloc(5001);
	assert_non_null(big);
	memset(big, 'a', 5000);
	big[5000] = '\0';
	struct finding *f = finding_add(&in, &g_ctx, "EL201", "open", ITEM_6_2, -1, FST_FAIL, 1,
					NULL, "ssid", big, ARGS_END);
	assert_non_null(f);
	/* FINDING_ARG_MAX bytes plus "…". */
	assert_int_equal(strlen(f->arg_val[0]), FINDING_ARG_MAX + strlen("…"));
	assert_memory_equal(f->arg_val[0], big, FINDING_ARG_MAX);
	assert_string_equal(f->arg_val[0] + FINDING_ARG_MAX, "…");
	char *want = malloc(FINDING_ARG_MAX + 200);
	assert_non_null(want);
	snprintf(want, FINDING_ARG_MAX + 200,
		 "Network \"%.*s…\" is open: anyone nearby can join it without a password.",
		 FINDING_ARG_MAX, big);
	expect_message(&in, f, LANG_EN, want);
	/* Exactly FINDING_ARG_MAX bytes: kept whole, no "…". */
	big[FINDING_ARG_MAX] = '\0';
	f = finding_add(&in, &g_ctx, "EL201", "open", ITEM_6_2, -1, FST_FAIL, 1, NULL, "ssid",
			big, ARGS_END);
	assert_int_equal(strlen(f->arg_val[0]), FINDING_ARG_MAX);
	assert_string_equal(f->arg_val[0], big);
	free(want);
	free(big);
	input_free(&in);
}

static void test_add_severity_and_args_limit(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	/* An explicit severity overrides the rule's. */
	struct finding *f = finding_add(&in, &g_ctx, "EL110", "default", ITEM_5_3, SEV_LOW,
					FST_WARN, 2, NULL, ARGS_END);
	assert_int_equal(f->severity, SEV_LOW);
	f = finding_add(&in, &g_ctx, "EL110", "default", ITEM_5_3, -1, FST_WARN, 2, NULL,
			ARGS_END);
	assert_int_equal(f->severity, SEV_HIGH);
	/* Found by name as well as by id. */
	f = finding_add(&in, &g_ctx, "wifi-wps-enabled", "default", ITEM_6_2, -1, FST_WARN, 5,
			NULL, ARGS_END);
	assert_string_equal(f->rule->id, "EL205");
	/* More than FINDING_MAX_ARGS pairs: the extra ones are dropped. */
	f = finding_add(&in, &g_ctx, "EL256", "default", ITEM_6_2, -1, FST_FAIL, 3, NULL,
			"a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6", "g", "7",
			"h", "8", "i", "9", "j", "10", "k", "11", "l", "12", "m", "13", "n", "14",
			"o", "15", "p", "16", "q", "17", "r", "18", "s", "19", "t", "20", "bits", "7",
			"ssid", "s", ARGS_END);
	assert_int_equal(FINDING_MAX_ARGS, 20);
	assert_int_equal(f->nargs, FINDING_MAX_ARGS);
	assert_string_equal(f->arg_key[19], "t");
	expect_message(&in, f, LANG_EN,
		       "The passphrase of \"{ssid}\" is estimated at about {bits} bits; at least "
		       "{min_bits} are needed.");
	/* Growing past the first capacity keeps earlier findings. */
	for (int i = 0; i < 40; i++)
		assert_non_null(finding_add(&in, &g_ctx, "EL002", "default", ITEM_NONE, -1,
					    FST_PASS, (unsigned)i, NULL, "detail", "n", ARGS_END));
	assert_int_equal(in.nfindings, 44);
	assert_string_equal(in.findings[0].rule->id, "EL110");
	assert_int_equal(in.findings[0].severity, SEV_LOW);
	assert_int_equal(in.findings[43].line, 39);
	input_free(&in);
}

/* Runs finding_add with id/variant in a child; returns the wait status. */
static int child_finding_add(const char *id, const char *variant)
{
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0)
			dup2(fd, 2);
		struct input in;
		input_init(&in, "f.yaml");
		finding_add(&in, &g_ctx, id, variant, ITEM_NONE, -1, FST_PASS, 0, NULL, ARGS_END);
		_exit(0);   /* not reached when finding_add aborts */
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void test_add_unknown_rule_aborts(void **state)
{
	(void)state;
	int st = child_finding_add("EL999", "default");
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGABRT);
	st = child_finding_add("EL201", "no-such-variant");
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGABRT);
	/* The control: a known rule and variant returns normally. */
	st = child_finding_add("EL201", "open");
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

/* ---- findings_sort -------------------------------------------------------- */

static void test_sort(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	static const struct {
		const char *id, *variant;
		unsigned line;
		const char *tag;
	} adds[] = {
		{"EL310", "ending-soon", 5, "a"}, {"EL201", "owe", 5, "b"},
		{"EL201", "open", 5, "c"},        {"EL002", "default", 0, "d"},
		{"EL201", "open", 5, "e"},        {"EL110", "default", 12, "f"},
		{"EL201", "open", 5, "g"},        {"EL310", "ended", 5, "h"},
		{"EL002", "default", 0, "i"},     {"EL111", "default", 3, "j"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(adds); i++)
		assert_non_null(finding_add(&in, &g_ctx, adds[i].id, adds[i].variant, ITEM_NONE,
					    -1, FST_PASS, adds[i].line, adds[i].tag, ARGS_END));
	findings_sort(&in);
	static const char *const want = "dijcegbhaf";
	assert_int_equal(in.nfindings, strlen(want));
	for (size_t i = 0; i < in.nfindings; i++)
		if (in.findings[i].evidence[0] != want[i])
			fail_msg("position %zu: got %s (%s/%s line %u), want %c", i,
				 in.findings[i].evidence, in.findings[i].rule->id,
				 in.findings[i].variant, in.findings[i].line, want[i]);
	/* Sorting again changes nothing (stable). */
	findings_sort(&in);
	for (size_t i = 0; i < in.nfindings; i++)
		assert_int_equal(in.findings[i].evidence[0], want[i]);
	input_free(&in);

	/* Zero and one finding. */
	input_init(&in, "f.yaml");
	findings_sort(&in);
	assert_non_null(finding_add(&in, &g_ctx, "EL002", "default", ITEM_NONE, -1, FST_PASS,
				    1, "x", ARGS_END));
	findings_sort(&in);
	assert_string_equal(in.findings[0].evidence, "x");
	input_free(&in);
}

/* ---- findings_apply_exceptions -------------------------------------------- */

static void test_exceptions(void **state)
{
	(void)state;
	struct policy pol;
	policy_init(&pol);
	struct run_ctx ctx = g_ctx;
	ctx.pol = &pol;
	struct policy_exception ex[] = {
		/* 0: by id, any file, no end */
		{.rule = "EL205", .reason = "by id", .until = -1},
		/* 1: by name, matching glob */
		{.rule = "home-router-upnp", .file = "facts-*.yaml", .reason = "by name",
		 .until = -1},
		/* 2: glob that does not match */
		{.rule = "EL110", .file = "office/*.yaml", .reason = "other file", .until = -1},
		/* 3: expired yesterday */
		{.rule = "EL201", .reason = "expired", .until = g_ctx.today - 1},
		/* 4: ends in the future */
		{.rule = "EL202", .reason = "future", .until = g_ctx.today + 30},
		/* 5: ends today: still applied */
		{.rule = "EL203", .reason = "today", .until = g_ctx.today},
		/* 6: a second exception for EL205: never reached, the first wins */
		{.rule = "wifi-wps-enabled", .reason = "second", .until = -1},
	};
	pol.exceptions = ex;
	pol.nexceptions = ARRAY_SIZE(ex);

	struct input in;
	input_init(&in, "facts-home.yaml");
	finding_add(&in, &ctx, "EL205", "default", ITEM_6_2, -1, FST_WARN, 1, NULL, ARGS_END);
	finding_add(&in, &ctx, "EL205", "default", ITEM_6_2, -1, FST_WARN, 2, NULL, ARGS_END);
	finding_add(&in, &ctx, "EL111", "default", ITEM_3_2, -1, FST_WARN, 3, NULL, ARGS_END);
	finding_add(&in, &ctx, "EL110", "default", ITEM_3_2, -1, FST_FAIL, 4, NULL, ARGS_END);
	finding_add(&in, &ctx, "EL201", "open", ITEM_6_2, -1, FST_FAIL, 5, NULL, ARGS_END);
	finding_add(&in, &ctx, "EL202", "default", ITEM_6_2, -1, FST_FAIL, 6, NULL, ARGS_END);
	finding_add(&in, &ctx, "EL203", "wpa", ITEM_6_2, -1, FST_FAIL, 7, NULL, ARGS_END);
	finding_add(&in, &ctx, "EL204", "default", ITEM_6_2, -1, FST_WARN, 8, NULL, ARGS_END);
	findings_apply_exceptions(&in, &ctx);

	static const struct {
		enum fstatus st;
		const char *reason;
	} want[] = {
		{FST_EXCEPTED, "by id"}, {FST_EXCEPTED, "by id"}, {FST_EXCEPTED, "by name"},
		{FST_FAIL, NULL},        {FST_FAIL, NULL},        {FST_EXCEPTED, "future"},
		{FST_EXCEPTED, "today"}, {FST_WARN, NULL},
	};
	assert_int_equal(in.nfindings, 8);
	for (size_t i = 0; i < in.nfindings; i++) {
		const struct finding *f = &in.findings[i];
		if (f->status != want[i].st)
			fail_msg("finding %zu (%s): status %s, want %s", i, f->rule->id,
				 fstatus_name(f->status), fstatus_name(want[i].st));
		if (want[i].reason)
			assert_string_equal(f->except_reason, want[i].reason);
		else
			assert_null(f->except_reason);
	}
	assert_int_equal(ex[0].used, 2);
	assert_int_equal(ex[1].used, 1);
	assert_int_equal(ex[2].used, 0);
	assert_int_equal(ex[3].used, 0);
	assert_int_equal(ex[4].used, 1);
	assert_int_equal(ex[5].used, 1);
	assert_int_equal(ex[6].used, 0);
	assert_string_equal(fstatus_name(FST_EXCEPTED), "excepted");

	/* Another input, other path: the glob of exception 1 does not match,
	 * exception 2's does; counts go on adding up. */
	struct input in2;
	input_init(&in2, "office/router.yaml");
	finding_add(&in2, &ctx, "EL111", "default", ITEM_3_2, -1, FST_WARN, 3, NULL, ARGS_END);
	finding_add(&in2, &ctx, "EL110", "default", ITEM_3_2, -1, FST_FAIL, 4, NULL, ARGS_END);
	finding_add(&in2, &ctx, "EL205", "default", ITEM_6_2, -1, FST_WARN, 1, NULL, ARGS_END);
	findings_apply_exceptions(&in2, &ctx);
	assert_int_equal(in2.findings[0].status, FST_WARN);
	assert_int_equal(in2.findings[1].status, FST_EXCEPTED);
	assert_string_equal(in2.findings[1].except_reason, "other file");
	assert_int_equal(in2.findings[2].status, FST_EXCEPTED);
	assert_int_equal(ex[0].used, 3);
	assert_int_equal(ex[1].used, 1);
	assert_int_equal(ex[2].used, 1);
	input_free(&in2);
	input_free(&in);

	/* No exceptions: nothing changes. */
	pol.exceptions = NULL;
	pol.nexceptions = 0;
	input_init(&in, "facts-home.yaml");
	finding_add(&in, &ctx, "EL205", "default", ITEM_6_2, -1, FST_WARN, 1, NULL, ARGS_END);
	findings_apply_exceptions(&in, &ctx);
	assert_int_equal(in.findings[0].status, FST_WARN);
	input_free(&in);
	policy_free(&pol);
}

/* ---- findings_settle_items ------------------------------------------------ */

static void test_settle_items(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.yaml");
	/* 3-2: pass only; 5-3: warn + pass; 5-4: unknown; 6-1: excepted fail;
	 * 6-2: fail + warn + unknown. */
	finding_add(&in, &g_ctx, "EL111", "default", ITEM_3_2, -1, FST_PASS, 1, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL313", "default", ITEM_5_3, -1, FST_WARN, 2, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL313", "default", ITEM_5_3, -1, FST_PASS, 2, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL315", "no-version", ITEM_5_4, -1, FST_UNKNOWN, 3, NULL,
		    ARGS_END);
	finding_add(&in, &g_ctx, "EL202", "default", ITEM_6_1, -1, FST_EXCEPTED, 4, NULL,
		    ARGS_END);
	finding_add(&in, &g_ctx, "EL205", "default", ITEM_6_2, -1, FST_WARN, 5, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL201", "open", ITEM_6_2, -1, FST_FAIL, 6, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL258", "missing", ITEM_6_2, -1, FST_UNKNOWN, 7, NULL,
		    ARGS_END);
	/* About the input itself: ignored, even when failing. */
	finding_add(&in, &g_ctx, "EL001", "default", ITEM_NONE, -1, FST_FAIL, 8, NULL, ARGS_END);
	findings_settle_items(&in);
	assert_int_equal(in.items[ITEM_3_2], IST_PASS);
	assert_int_equal(in.items[ITEM_5_3], IST_WARN);
	assert_int_equal(in.items[ITEM_5_4], IST_UNKNOWN);
	assert_int_equal(in.items[ITEM_6_1], IST_PASS);
	assert_int_equal(in.items[ITEM_6_2], IST_FAIL);
	for (int it = 0; it < ITEM_COUNT; it++) {
		assert_true(in.item_touched[it]);
		assert_null(in.item_note[it]);
	}
	input_free(&in);

	/* Only ITEM_NONE findings: nothing touched. */
	input_init(&in, "f.yaml");
	finding_add(&in, &g_ctx, "EL001", "default", ITEM_NONE, -1, FST_FAIL, 1, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL002", "default", ITEM_NONE, -1, FST_WARN, 2, NULL, ARGS_END);
	findings_settle_items(&in);
	for (int it = 0; it < ITEM_COUNT; it++) {
		assert_false(in.item_touched[it]);
		assert_int_equal(in.items[it], IST_NA);
	}
	input_free(&in);

	/* Findings merge with what the checks recorded: a check's
	 * not-applicable with a note is raised by a warning (the note goes),
	 * a check's fail is not lowered by an excepted finding. */
	input_init(&in, "f.yaml");
	input_item(&in, ITEM_6_2, IST_NA, "no-enabled-wifi");
	input_item(&in, ITEM_5_3, IST_FAIL, NULL);
	finding_add(&in, &g_ctx, "EL205", "default", ITEM_6_2, -1, FST_WARN, 1, NULL, ARGS_END);
	finding_add(&in, &g_ctx, "EL310", "ended", ITEM_5_3, -1, FST_EXCEPTED, 2, NULL,
		    ARGS_END);
	findings_settle_items(&in);
	assert_int_equal(in.items[ITEM_6_2], IST_WARN);
	assert_null(in.item_note[ITEM_6_2]);
	assert_int_equal(in.items[ITEM_5_3], IST_FAIL);
	assert_string_equal(item_status_name(in.items[ITEM_5_3]), "fail");
	assert_string_equal(item_status_name(IST_NA), "not-applicable");
	input_free(&in);
}

/* A diagnostic is kept whole however long: cut at a fixed size (512
 * bytes before), a secret straddling the cut lost its tail, the half left
 * was no longer recognised, and the report printed it. */
static void test_diag_long_keeps_secret_whole(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "long.conf");
	add_secret(&in, "straddling-secret-42");
	char pad[501];
	memset(pad, 'x', sizeof(pad) - 1);
	pad[sizeof(pad) - 1] = '\0';
	/* "line text: " (11 bytes) + 500 pad bytes: the secret starts at 511. */
	assert_int_equal(input_diag(&in, DIAG_ERROR, 7, 0, "line text: %s%s tail", "行: %s%s 末尾", pad,
				    "straddling-secret-42"),
			 0);
	const struct diag *d = in.diags;
	assert_non_null(d);
	assert_int_equal(strlen(d->msg), 11 + 500 + 20 + 5);
	assert_int_equal(strlen(d->msg_ja), strlen("行: ") + 500 + 20 + strlen(" 末尾"));
	struct strbuf sb;
	sb_init(&sb, 1 << 20);
	assert_int_equal(finding_scrub(&in, d->msg, strlen(d->msg), &sb), 0);
	assert_null(strstr(sb_str(&sb), "straddling"));
	assert_null(strstr(sb_str(&sb), "secret-42"));
	assert_non_null(strstr(sb_str(&sb), "**** tail"));
	sb_free(&sb);
	/* The first error becomes the input's error line, also whole. */
	assert_non_null(in.error);
	assert_non_null(strstr(in.error, "straddling-secret-42 tail"));
	input_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mask_repeated),
		cmocka_unit_test(test_mask_prefix_longest_wins),
		cmocka_unit_test(test_mask_start_end),
		cmocka_unit_test(test_mask_short_secret),
		cmocka_unit_test(test_mask_short_text_and_no_secrets),
		cmocka_unit_test(test_mask_many_secrets),
		cmocka_unit_test(test_message_placeholders),
		cmocka_unit_test(test_message_unknown_placeholders),
		cmocka_unit_test(test_message_japanese_twin),
		cmocka_unit_test(test_message_secret_masked),
		cmocka_unit_test(test_mask_overlapping_union),
		cmocka_unit_test(test_mask_before_sanitise),
		cmocka_unit_test(test_mask_never_our_text),
		cmocka_unit_test(test_mask_keeps_utf8_valid),
		cmocka_unit_test(test_mask_run_wide),
		cmocka_unit_test(test_mask_colliding_secrets),
		cmocka_unit_test(test_message_long_argument),
		cmocka_unit_test(test_diag_long_keeps_secret_whole),
		cmocka_unit_test(test_add_severity_and_args_limit),
		cmocka_unit_test(test_add_unknown_rule_aborts),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_exceptions),
		cmocka_unit_test(test_settle_items),
		cmocka_unit_test(test_issue11_fix_with_short_password),
		cmocka_unit_test(test_issue11_path_with_key),
		cmocka_unit_test(test_message_ja_brackets),
		cmocka_unit_test(test_issue11_common_password_and_ssid),
		cmocka_unit_test(test_issue11_ssid_equals_passphrase),
		cmocka_unit_test(test_issue11_evidence_line_masked),
		cmocka_unit_test(test_issue11_oracle_fatal),
	};
	/* The tests above test the masking itself: not fatal, whatever the
	 * build (the issue 11 tests turn the oracle on where it must stay
	 * silent). */
	secret_oracle_set_fatal(false);
	return cmocka_run_group_tests_name("finding", tests, group_setup, group_teardown);
}
