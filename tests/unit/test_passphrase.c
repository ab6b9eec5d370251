/*
 * test_passphrase.c — cmocka tests for src/passphrase.c: exact verdicts and
 * reasons for every passphrase of the home-router corpus
 * (../shared/corpus/home, see SOURCES.md there), hand-made strong and
 * factory-like keys, the not-assessable and invalid cases, UTF-8 and
 * embedded-NUL input, and loading of the blocklist files.
 *
 * The corpus passphrases appear here as test inputs only (they are test
 * data); edgelint itself never prints a passphrase.
 *
 * Run from the repository root (the rule files are opened by relative
 * path). /usr/share/john/password.lst comes from Debian john-data.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "passphrase.h"
#include "util.h"

#define JOHN "/usr/share/john/password.lst"
#define JA_LIST "rules/passphrase-blocklist-ja.txt"
#define CTX_LIST "rules/passphrase-context-words.txt"
#define JA_WORDS 224      /* non-comment lines of JA_LIST */
#define CTX_WORDS 21      /* non-comment lines of CTX_LIST */
#define BAR 45.0          /* rules/passphrase.yaml fail_below_bits */
#define MINLEN 12         /* rules/passphrase.yaml min_length_default */

static struct pass_blocklist *g_block;  /* john + project list */
static struct pass_blocklist *g_vendor; /* context-words file */
static struct pass_config g_cfg;        /* the shipped settings */
static struct pass_config g_bare;       /* same numbers, no lists */

static int group_setup(void **state)
{
	(void)state;
	g_block = pass_blocklist_new();
	g_vendor = pass_blocklist_new();
	if (!g_block || !g_vendor)
		return -1;
	if (pass_blocklist_load(g_block, JOHN) <= 0 ||
	    pass_blocklist_load(g_block, JA_LIST) <= 0 ||
	    pass_blocklist_load(g_vendor, CTX_LIST) <= 0)
		return -1;
	g_cfg = (struct pass_config){.min_length = MINLEN, .fail_below_bits = BAR,
				     .blocklist = g_block,
				     .context_words = g_vendor};
	g_bare = (struct pass_config){.min_length = MINLEN, .fail_below_bits = BAR};
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	pass_blocklist_free(g_block);
	pass_blocklist_free(g_vendor);
	return 0;
}

struct judge_case {
	const char *pw;
	size_t n;                 /* bytes; may include NULs */
	const char *ssid;         /* context word, or NULL */
	enum pass_verdict verdict;
	enum pass_reason reason;
	size_t length;            /* code points */
};

/* A string literal and its byte length (embedded NULs included). */
#define S(lit) lit, sizeof(lit) - 1

static void check_cases(const struct judge_case *c, size_t count,
			const struct pass_config *cfg)
{
	for (size_t i = 0; i < count; i++) {
		const char *ctx[] = {c[i].ssid, NULL};
		struct pass_result r;
		pass_judge(c[i].pw, c[i].n, c[i].ssid ? ctx : NULL, cfg, &r);
		if (r.verdict != c[i].verdict || r.reason != c[i].reason ||
		    r.length != c[i].length)
			print_error("case %zu: got verdict %d reason %s length %zu, "
				    "want %d %s %zu\n", i, (int)r.verdict,
				    pass_reason_name(r.reason), r.length,
				    (int)c[i].verdict,
				    pass_reason_name(c[i].reason), c[i].length);
		assert_int_equal(r.verdict, c[i].verdict);
		assert_int_equal(r.reason, c[i].reason);
		assert_int_equal(r.length, c[i].length);
	}
}

/* ---- the corpus ------------------------------------------------------- */

static void test_corpus(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		/* openwrt-uci-wireless_psk2-numeric-key_open-guest_empty-section.uci */
		{S("123456789"), "CelmediaAP", PASS_WEAK, PR_BLOCKLIST, 9},
		/* openwrt-uci-wireless_unquoted-values_changeme_commented-disabled.uci */
		{S("changeme"), "DLink", PASS_WEAK, PR_BLOCKLIST, 8},
		/* openwrt-uci-wireless_psk2-and-sae-mixed_80211r_short-key.uci */
		{S("KeNis0308"), "WAIFU", PASS_WEAK, PR_WORD_DIGITS, 9},
		/* openwrt-uci-wireless_mixed-psk_encryption-off-adhoc_disabled-sta.uci */
		{S("potato-potato"), "BatNode1", PASS_WEAK, PR_REPEAT, 13},
		{S("mesh-mesh"), "batmesh", PASS_WEAK, PR_REPEAT, 9},
		{S("host-password"), "host-ssid", PASS_WEAK, PR_CONTEXT_WORD, 13},
		/* openwrt-uci-wireless_psk2-8digit-numeric_sta-plus-ap.uci */
		{S("85527193"), "my-devel", PASS_WEAK, PR_ALL_DIGITS, 8},
		/* openwrt-uci-wireless_placeholder-key-too-short_sta-open.uci */
		{S("your_key"), "your_ssid", PASS_WEAK, PR_BLOCKLIST, 8},
		/* vendor-openwrt-qsdk-uci-wireless_psk2-ccmp_openssl-encrypted-keys_dynalink.uci */
		{S("U2FsdGVkX1++WB/6SdIf2eGz1KCuOgnU9me2NeXWRgrf5Ii4xeBd1EtUof05qpAQ"),
		 NULL, PASS_UNKNOWN, PR_ENCRYPTED, 64},
		{S("U2FsdGVkX1+hsI6eQ6U3sB7+Yw7R4SxbkcC1NUGw9Xg="), NULL,
		 PASS_UNKNOWN, PR_ENCRYPTED, 44},
		/* hostapd_wpa2_wpa_pairwise-tkip_passphrase-equals-ssid.conf */
		{S("Capstone"), "Capstone", PASS_WEAK, PR_CONTEXT_WORD, 8},
		/* hostapd_wpa2_passphrase-11111111.conf */
		{S("11111111"), NULL, PASS_WEAK, PR_BLOCKLIST, 8},
		/* hostapd_wpa2-psk-sha256_dictionary-phrase.conf */
		{S("toohardtoguess"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 14},
		/* hostapd_wpa1-wpa2-mixed_tkip_passphrase-password_no-final-newline.conf */
		{S("password"), NULL, PASS_WEAK, PR_BLOCKLIST, 8},
		/* hostapd_wpa2_empty-passphrase_5ghz.conf */
		{S(""), NULL, PASS_UNKNOWN, PR_EMPTY, 0},
		/* hostapd_wpa3-sae-only_sae_password_mfp-required.conf */
		{S("fuzzfuzzfuzz"), NULL, PASS_WEAK, PR_REPEAT, 12},
		/* nvram_tenda-ac6_v5.110.27.21_psk-psk2-mixed.txt */
		{S("wlankeller"), "Tenda_249B90", PASS_WEAK, PR_SHORT, 10},
		/* nvram_asuswrt-merlin-380.59-X6.6.1_rt-ac68u_REDACTED.txt */
		{S("1987120709"), "Qoli.Home", PASS_WEAK, PR_DATE, 10},
		/* routeros-7.11.2_export_hap-ac-lite_wpa2-psk_default-profile.rsc */
		{S("TlenTlen"), "Home-8", PASS_WEAK, PR_REPEAT, 8},
		/* routeros-6.48_export_hap-lite_wpa2-psk_multi-profile.rsc */
		{S("@12345!!"), "guest", PASS_WEAK, PR_BLOCKLIST, 8},
		{S("idontknowwhy"), "ipCAM-06", PASS_WEAK, PR_LOW_ENTROPY, 12},
		{S("arnel_g@buya"), "Pongking", PASS_STRONG, PR_NONE, 12},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_cfg);
}

/* Without any list the corpus values still fail, on their patterns. */
static void test_corpus_without_lists(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		{S("123456789"), NULL, PASS_WEAK, PR_SEQUENCE, 9},
		{S("changeme"), NULL, PASS_WEAK, PR_SHORT, 8},
		{S("your_key"), "your_ssid", PASS_WEAK, PR_CONTEXT_WORD, 8},
		{S("11111111"), NULL, PASS_WEAK, PR_REPEAT, 8},
		{S("password"), NULL, PASS_WEAK, PR_SHORT, 8},
		{S("@12345!!"), NULL, PASS_WEAK, PR_SHORT, 8},
		/* "password" is a vendor-file word: only with context_words */
		{S("host-password"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 13},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_bare);
}

/* ---- patterns --------------------------------------------------------- */

static void test_patterns(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		{S("12345678"), NULL, PASS_WEAK, PR_SEQUENCE, 8},
		{S("abcdefgh"), NULL, PASS_WEAK, PR_SEQUENCE, 8},
		{S("98765432"), NULL, PASS_WEAK, PR_SEQUENCE, 8},
		{S("Xq!7890123456#"), NULL, PASS_WEAK, PR_SEQUENCE, 14},
		{S("qwertyui"), NULL, PASS_WEAK, PR_KEYBOARD, 8},
		{S("1qaz2wsx"), NULL, PASS_WEAK, PR_KEYBOARD, 8},
		{S("asdfghjk"), NULL, PASS_WEAK, PR_KEYBOARD, 8},
		{S("zxcvbnm,"), NULL, PASS_WEAK, PR_KEYBOARD, 8},
		{S("1qaz2wsx3edc"), NULL, PASS_WEAK, PR_KEYBOARD, 12},
		{S("ZXCVBNM<>?"), NULL, PASS_WEAK, PR_KEYBOARD, 10},
		{S("19871207"), NULL, PASS_WEAK, PR_DATE, 8},
		{S("07121987"), NULL, PASS_WEAK, PR_DATE, 8},   /* DDMMYYYY */
		{S("12311987"), NULL, PASS_WEAK, PR_DATE, 8},   /* MMDDYYYY */
		{S("1987-12-07"), NULL, PASS_WEAK, PR_DATE, 10},
		{S("19870230"), NULL, PASS_WEAK, PR_ALL_DIGITS, 8}, /* no Feb 30 */
		{S("09082719436"), NULL, PASS_WEAK, PR_PHONE, 11},
		{S("090-8271-9436"), NULL, PASS_WEAK, PR_PHONE, 13},
		{S("0368271943"), NULL, PASS_WEAK, PR_PHONE, 10},
		{S("85527193"), NULL, PASS_WEAK, PR_ALL_DIGITS, 8},
		{S("8552719364"), NULL, PASS_WEAK, PR_ALL_DIGITS, 10},
		{S("855271936482"), NULL, PASS_WEAK, PR_ALL_DIGITS, 12},
		{S("8552719364821"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 13},
		{S("aaaaaaaaaaaa"), NULL, PASS_WEAK, PR_REPEAT, 12},
		{S("12341234"), NULL, PASS_WEAK, PR_REPEAT, 8},
		{S("TlenTlen"), NULL, PASS_WEAK, PR_REPEAT, 8},
		{S("abc.abc.abc"), NULL, PASS_WEAK, PR_REPEAT, 11},
		{S("potato-tomato"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 13},
		{S("KeNis0308"), NULL, PASS_WEAK, PR_WORD_DIGITS, 9},
		{S("luxferro777"), NULL, PASS_WEAK, PR_WORD_DIGITS, 11},
		{S("abcdefghi1234"), NULL, PASS_WEAK, PR_SEQUENCE, 13},
		{S("luxferros7777"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 13},
		/* a long random string that starts with a word is not word+digits */
		{S("love8273649102736451"), NULL, PASS_STRONG, PR_NONE, 20},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_bare);
}

/* ---- blocklist stems and context words -------------------------------- */

static void test_blocklist_stems(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		{S("password123!"), NULL, PASS_WEAK, PR_BLOCKLIST, 12},
		{S("iloveyou2024"), NULL, PASS_WEAK, PR_BLOCKLIST, 12},
		{S("PASSWORD"), NULL, PASS_WEAK, PR_BLOCKLIST, 8},
		{S("2024sakura"), NULL, PASS_WEAK, PR_BLOCKLIST, 10},
		{S("Sakura2024!"), NULL, PASS_WEAK, PR_BLOCKLIST, 11},
		{S("!!password"), NULL, PASS_WEAK, PR_BLOCKLIST, 10},
		{S("Doraemon"), NULL, PASS_WEAK, PR_BLOCKLIST, 8},
		{S("konnichiwa!"), NULL, PASS_WEAK, PR_BLOCKLIST, 11},
		{S("tokyotower2024"), NULL, PASS_WEAK, PR_BLOCKLIST, 14},
		{S("<password>"), NULL, PASS_WEAK, PR_BLOCKLIST, 10},
		/* more than 6 trailing characters are not stripped */
		{S("sakura83736492"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 14},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_cfg);
}

static void test_context_words(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		/* "Buffalo-G-1234" -> tokens buffalo, 1234 (g is too short) */
		{S("zq8vL1234mPx7w"), "Buffalo-G-1234", PASS_WEAK, PR_CONTEXT_WORD, 14},
		{S("zq8vLBUFFALOx7"), "Buffalo-G-1234", PASS_WEAK, PR_CONTEXT_WORD, 14},
		{S("zq8vLgmPx7w#Rk"), "Buffalo-G-1234", PASS_STRONG, PR_NONE, 14},
		/* vendor words from rules/passphrase-context-words.txt */
		{S("x7Tp-Link!9qWm4r"), NULL, PASS_WEAK, PR_CONTEXT_WORD, 16},
		{S("Q9mAterm#x2Lp7v"), NULL, PASS_WEAK, PR_CONTEXT_WORD, 15},
		{S("k2WiFi#zR8qLm4x"), NULL, PASS_WEAK, PR_CONTEXT_WORD, 15},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_cfg);

	/* the vendor words come from the file, not from code */
	static const struct judge_case bare[] = {
		{S("x7Tp-Link!9qWm4r"), NULL, PASS_STRONG, PR_NONE, 16},
		{S("Q9mAterm#x2Lp7v"), NULL, PASS_STRONG, PR_NONE, 15},
	};
	check_cases(bare, ARRAY_SIZE(bare), &g_bare);

	/* context words are also zxcvbn's user dictionary: they cut the bits */
	const char *ctx[] = {"Capstone", NULL};
	struct pass_result with, without;
	pass_judge(S("Capstone"), ctx, &g_bare, &with);
	pass_judge(S("Capstone"), NULL, &g_bare, &without);
	assert_int_equal(with.reason, PR_CONTEXT_WORD);
	assert_int_equal(without.reason, PR_SHORT);
	assert_true(with.bits < 5.0);
	assert_true(without.bits > with.bits + 5.0);
}

/* ---- strong, factory-like, not assessable, invalid --------------------- */

static void test_strong(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		{S("Zq8#vLm2!pT7@wXr4kY9"), NULL, PASS_STRONG, PR_NONE, 20},
		{S("correct-horse-battery-staple-orbit"), NULL, PASS_STRONG, PR_NONE, 34},
		{S("Xk9mQ2vL7pR4"), NULL, PASS_STRONG, PR_NONE, 12},
		{S("velvet-canyon-orbit-lamp"), NULL, PASS_STRONG, PR_NONE, 24},
		{S("h7k2p9x4m1q8w3z6"), NULL, PASS_STRONG, PR_NONE, 16},
		{S("tundra-pickle-vortex"), NULL, PASS_STRONG, PR_NONE, 20},
		/* 63 bytes, the longest valid passphrase */
		{S("Vq3#Lm9!xR2@pT7$wK4%zN8^bY1&cH6*dJ5(eF0)gA2-sU3+oI9=uO4~tE7?yW1"),
		 NULL, PASS_STRONG, PR_NONE, 63},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_cfg);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct pass_result r;
		pass_judge(cases[i].pw, cases[i].n, NULL, &g_cfg, &r);
		assert_true(r.bits >= BAR);
	}
	/* famous example phrases fail even when long */
	static const struct judge_case weak[] = {
		{S("correcthorsebatterystaple"), NULL, PASS_WEAK, PR_BLOCKLIST, 25},
		{S("purple-monkey-dishwasher"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 24},
		{S("mynameissatoshi"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 15},
	};
	check_cases(weak, ARRAY_SIZE(weak), &g_cfg);
}

static void test_factory_like(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		{S("k3x9q2m7a1b8c"), NULL, PASS_FACTORY_LIKE, PR_FACTORY_LABEL, 13},
		{S("9f3a7c21e4b8d06a5f12c9e7b3"), NULL, PASS_FACTORY_LIKE,
		 PR_FACTORY_LABEL, 26},
		/* upper case or a symbol: not label-shaped */
		{S("k3x9q2M7a1b8c"), NULL, PASS_STRONG, PR_NONE, 13},
		/* 13 letters only: no digit */
		{S("kqxvqzmwajbhc"), NULL, PASS_STRONG, PR_NONE, 13},
		/* 8-digit label keys are all-digits (weak), not factory-like */
		{S("85527193"), NULL, PASS_WEAK, PR_ALL_DIGITS, 8},
		/* 10-hex WEP-style: short under the default minimum of 12 */
		{S("9f3a7c21e4"), NULL, PASS_WEAK, PR_SHORT, 10},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_cfg);
	/* with a minimum of 8 and a 40-bit bar, the 10-hex key is label-like */
	struct pass_config c8 = g_cfg;
	c8.min_length = 8;
	c8.fail_below_bits = 40;
	static const struct judge_case low[] = {
		{S("9f3a7c21e4"), NULL, PASS_FACTORY_LIKE, PR_FACTORY_LABEL, 10},
		{S("wlankeller"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 10},
	};
	check_cases(low, ARRAY_SIZE(low), &c8);
}

static void test_not_assessable(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		{S(""), NULL, PASS_UNKNOWN, PR_EMPTY, 0},
		{S("U2FsdGVkX1+abcdefghijklmnopqrstuv0123456789=="), NULL,
		 PASS_UNKNOWN, PR_ENCRYPTED, 45},
		{S("$6$rounds=5000$saltsalt$Kq2n3pD0e1J/0p8yZ1u8kq2u7pQk9dG2yq5rWmZ3yJ1"),
		 NULL, PASS_UNKNOWN, PR_ENCRYPTED, 67},
		{S("$1$abcdefgh$ZxYwVuTsRqPoNmLkJiHgF."), NULL, PASS_UNKNOWN,
		 PR_ENCRYPTED, 34},
		{S("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"),
		 NULL, PASS_UNKNOWN, PR_ENCRYPTED, 60},
		/* dollar signs alone do not make a hash */
		{S("$password$"), NULL, PASS_WEAK, PR_BLOCKLIST, 10},
		{S("$1$abc"), NULL, PASS_WEAK, PR_INVALID_SHORT, 6},
		{S("$money$andmore"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 14},
		{S("$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7"),
		 NULL, PASS_UNKNOWN, PR_ENCRYPTED, 73},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_cfg);
	struct pass_result r;
	pass_judge(NULL, 0, NULL, &g_cfg, &r);
	assert_int_equal(r.verdict, PASS_UNKNOWN);
	assert_int_equal(r.reason, PR_EMPTY);
	assert_int_equal(r.length, 0);
}

static void test_hex_psk(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		{S("8c1f3e6b0a9d42f7e5c8b1a0d3f6e9c2b5a8d1f4e7c0b3a6d9f2e5c8b1a4d7f0"),
		 NULL, PASS_STRONG, PR_NONE, 64},
		{S("8C1F3E6B0A9D42F7E5C8B1A0D3F6E9C2B5A8D1F4E7C0B3A6D9F2E5C8B1A4D7F0"),
		 NULL, PASS_STRONG, PR_NONE, 64},
		{S("0000000000000000000000000000000000000000000000000000000000000000"),
		 NULL, PASS_WEAK, PR_REPEAT, 64},
		{S("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
		 NULL, PASS_WEAK, PR_REPEAT, 64},
		{S("deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef"),
		 NULL, PASS_WEAK, PR_REPEAT, 64},
		/* 64 characters that are not all hex: too long for a passphrase */
		{S("8c1f3e6b0a9d42f7e5c8b1a0d3f6e9c2b5a8d1f4e7c0b3a6d9f2e5c8b1a4d7fg"),
		 NULL, PASS_WEAK, PR_INVALID_LONG, 64},
		/* 65 hex digits: not a PSK either */
		{S("8c1f3e6b0a9d42f7e5c8b1a0d3f6e9c2b5a8d1f4e7c0b3a6d9f2e5c8b1a4d7f01"),
		 NULL, PASS_WEAK, PR_INVALID_LONG, 65},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_cfg);
	struct pass_result r;
	pass_judge(cases[0].pw, cases[0].n, NULL, &g_cfg, &r);
	assert_true(r.bits == 0.0);  /* not computed for a raw PSK */
}

static void test_invalid_length(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		{S("Zq8#vLm"), NULL, PASS_WEAK, PR_INVALID_SHORT, 7},
		{S("a"), NULL, PASS_WEAK, PR_INVALID_SHORT, 1},
		{S("Zq8#vLm2"), NULL, PASS_WEAK, PR_SHORT, 8},
		{S("Vq3#Lm9!xR2@pT7$wK4%zN8^bY1&cH6*dJ5(eF0)gA2-sU3+oI9=uO4~tE7?yW1Z"),
		 NULL, PASS_WEAK, PR_INVALID_LONG, 64},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_cfg);
}

/* ---- UTF-8 and embedded NUL bytes -------------------------------------- */

static void test_utf8(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		/* 6 kana = 18 bytes: still under 8 characters */
		{S("さくらさくら"), NULL, PASS_WEAK, PR_INVALID_SHORT, 6},
		/* 7 kanji/kana = 21 bytes */
		{S("東京タワー大好"), NULL, PASS_WEAK, PR_INVALID_SHORT, 7},
		/* 9 kana: valid for WPA, short for the policy */
		{S("ひみつのあいことば"), NULL, PASS_WEAK, PR_SHORT, 9},
		/* repeated block of kana */
		{S("ありがとうありがとう"), NULL, PASS_WEAK, PR_REPEAT, 10},
		/* 17 kana = 51 bytes */
		{S("ねこがすきなひとはみんなともだちだ"), NULL, PASS_STRONG, PR_NONE, 17},
		/* 21 kana = 63 bytes: the longest valid one */
		{S("ねこがすきなひとはみんなともだちだとおもう"), NULL, PASS_STRONG,
		 PR_NONE, 21},
		/* 22 kana = 66 bytes: over the 63-octet WPA limit */
		{S("ねこがすきなひとはみんなともだちだとおもうよ"), NULL, PASS_WEAK,
		 PR_INVALID_LONG, 22},
		/* mixed: the ASCII part is a context word */
		{S("buffaloのぱすわーど"), "Buffalo-G-1234", PASS_WEAK,
		 PR_CONTEXT_WORD, 13},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_cfg);
	/* multi-byte characters are capped at 4 bits each */
	struct pass_result r;
	pass_judge(S("ひみつのあいことば"), NULL, &g_cfg, &r);
	assert_true(r.bits <= 9 * 4.0 + 0.001);
}

static void test_embedded_nul(void **state)
{
	(void)state;
	static const struct judge_case cases[] = {
		/* strlen would see 3 bytes (invalid-short); n is 17 */
		{S("abc\0defghijklmnop"), NULL, PASS_WEAK, PR_SEQUENCE, 17},
		{S("Zq8#vLm2\0pT7@wXr4kY9"), NULL, PASS_STRONG, PR_NONE, 20},
		{S("\0\0\0\0\0\0\0\0"), NULL, PASS_WEAK, PR_REPEAT, 8},
	};
	check_cases(cases, ARRAY_SIZE(cases), &g_cfg);
}

/* ---- configuration knobs ----------------------------------------------- */

static void test_config(void **state)
{
	(void)state;
	struct pass_config c = g_bare;
	c.min_length = 8;
	c.fail_below_bits = 20;
	static const struct judge_case lax[] = {
		{S("wlankeller"), NULL, PASS_STRONG, PR_NONE, 10},
		{S("idontknowwhy"), NULL, PASS_WEAK, PR_LOW_ENTROPY, 12},
	};
	check_cases(lax, ARRAY_SIZE(lax), &c);
	c.min_length = 16;
	c.fail_below_bits = BAR;
	static const struct judge_case strict[] = {
		{S("Xk9mQ2vL7pR4"), NULL, PASS_WEAK, PR_SHORT, 12},
	};
	check_cases(strict, ARRAY_SIZE(strict), &c);
	/* NULL cfg: min length 12, 45 bits, no lists */
	static const struct judge_case defaults[] = {
		{S("Xk9mQ2vL7pR4"), NULL, PASS_STRONG, PR_NONE, 12},
		{S("Xk9mQ2vL7pR"), NULL, PASS_WEAK, PR_SHORT, 11},
		{S("password"), NULL, PASS_WEAK, PR_SHORT, 8},
	};
	check_cases(defaults, ARRAY_SIZE(defaults), NULL);
}

/* ---- blocklist files ---------------------------------------------------- */

static void test_load_john(void **state)
{
	(void)state;
	struct pass_blocklist *bl = pass_blocklist_new();
	assert_non_null(bl);
	long n = pass_blocklist_load(bl, JOHN);
	assert_true(n > 3000);
	assert_int_equal((size_t)n, pass_blocklist_size(bl));
	assert_true(pass_blocklist_has(bl, S("password")));
	assert_true(pass_blocklist_has(bl, S("PassWord")));
	assert_true(pass_blocklist_has(bl, S("123456789")));
	assert_false(pass_blocklist_has(bl, S("#!comment:")));
	assert_false(pass_blocklist_has(bl, S("k3x9q2m7a1b8c")));
	/* loading again adds nothing new */
	assert_int_equal(pass_blocklist_load(bl, JOHN), 0);
	pass_blocklist_free(bl);
}

static void test_load_project_lists(void **state)
{
	(void)state;
	struct pass_blocklist *bl = pass_blocklist_new();
	assert_non_null(bl);
	assert_int_equal(pass_blocklist_load(bl, JA_LIST), JA_WORDS);
	assert_true(pass_blocklist_has(bl, S("sakura")));
	assert_true(pass_blocklist_has(bl, S("your_key")));
	assert_true(pass_blocklist_has(bl, S("<password>")));
	assert_true(pass_blocklist_has(bl, S("replace-with-the-real-passphrase")));
	assert_false(pass_blocklist_has(bl, S("# ---- Japanese words ----")));
	pass_blocklist_free(bl);

	bl = pass_blocklist_new();
	assert_non_null(bl);
	assert_int_equal(pass_blocklist_load(bl, CTX_LIST), CTX_WORDS);
	assert_true(pass_blocklist_has(bl, S("tp-link")));
	assert_true(pass_blocklist_has(bl, S("AIRSTATION")));
	pass_blocklist_free(bl);
}

static void test_load_edge_cases(void **state)
{
	(void)state;
	char path[] = "/tmp/test_passphrase_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs("#!comment: header\r\n", fp);
	fputs("\r\n", fp);
	fputs("   \n", fp);
	fputs("Alpha\r\n", fp);          /* CR stripped */
	fputs("beta  \t \n", fp);        /* trailing blanks stripped */
	fputs("ALPHA\n", fp);            /* duplicate after folding */
	fputs("# comment\n", fp);
	for (int i = 0; i < 129; i++)    /* 129 bytes: ignored */
		fputc('x', fp);
	fputc('\n', fp);
	for (int i = 0; i < 128; i++)    /* 128 bytes: kept */
		fputc('y', fp);
	fputc('\n', fp);
	for (int i = 0; i < 5000; i++)   /* longer than the line buffer */
		fputc('z', fp);
	fputs("\ngamma", fp);            /* no final newline */
	assert_int_equal(fclose(fp), 0);

	struct pass_blocklist *bl = pass_blocklist_new();
	assert_non_null(bl);
	assert_int_equal(pass_blocklist_load(bl, path), 4);
	assert_int_equal(pass_blocklist_size(bl), 4);
	assert_true(pass_blocklist_has(bl, S("alpha")));
	assert_true(pass_blocklist_has(bl, S("BETA")));
	assert_true(pass_blocklist_has(bl, S("gamma")));
	assert_false(pass_blocklist_has(bl, S("beta  ")));
	char y[128];
	memset(y, 'y', sizeof(y));
	assert_true(pass_blocklist_has(bl, y, sizeof(y)));
	unlink(path);

	/* pass_blocklist_add: empty and over-long words are ignored */
	char x[129];
	memset(x, 'x', sizeof(x));
	assert_int_equal(pass_blocklist_add(bl, x, sizeof(x)), 0);
	assert_int_equal(pass_blocklist_add(bl, "", 0), 0);
	assert_int_equal(pass_blocklist_add(bl, S("Delta")), 0);
	assert_int_equal(pass_blocklist_size(bl), 5);
	assert_true(pass_blocklist_has(bl, S("DELTA")));

	/* a missing file: EL_EIO with errno kept */
	errno = 0;
	assert_int_equal(pass_blocklist_load(bl, "/nonexistent/edgelint.lst"),
			 EL_EIO);
	assert_int_equal(errno, ENOENT);
	pass_blocklist_free(bl);

	/* NULL is tolerated by the lookups */
	assert_false(pass_blocklist_has(NULL, S("password")));
	assert_int_equal(pass_blocklist_size(NULL), 0);
	pass_blocklist_free(NULL);
}

static void test_many_words(void **state)
{
	(void)state;
	struct pass_blocklist *bl = pass_blocklist_new();
	assert_non_null(bl);
	char w[16];
	for (int i = 0; i < 100000; i++) {
		int n = snprintf(w, sizeof(w), "w%d", i);
		assert_int_equal(pass_blocklist_add(bl, w, (size_t)n), 0);
	}
	assert_int_equal(pass_blocklist_size(bl), 100000);
	assert_true(pass_blocklist_has(bl, S("w99999")));
	assert_true(pass_blocklist_has(bl, S("W0")));
	assert_false(pass_blocklist_has(bl, S("w100000")));
	pass_blocklist_free(bl);
}

/* ---- reason names ------------------------------------------------------- */

static void test_reason_names(void **state)
{
	(void)state;
	static const char *const want[PR_COUNT] = {
		"none", "empty", "encrypted", "invalid-short", "invalid-long",
		"blocklist", "context-word", "all-digits", "date", "phone",
		"repeat", "sequence", "keyboard", "word-digits", "short",
		"low-entropy", "factory-label",
	};
	for (int i = 0; i < PR_COUNT; i++)
		assert_string_equal(pass_reason_name((enum pass_reason)i), want[i]);
	assert_string_equal(pass_reason_name(PR_COUNT), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_corpus_without_lists),
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_blocklist_stems),
		cmocka_unit_test(test_context_words),
		cmocka_unit_test(test_strong),
		cmocka_unit_test(test_factory_like),
		cmocka_unit_test(test_not_assessable),
		cmocka_unit_test(test_hex_psk),
		cmocka_unit_test(test_invalid_length),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_load_john),
		cmocka_unit_test(test_load_project_lists),
		cmocka_unit_test(test_load_edge_cases),
		cmocka_unit_test(test_many_words),
		cmocka_unit_test(test_reason_names),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
