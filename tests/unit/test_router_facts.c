/*
 * test_router_facts.c — cmocka tests for parsers/router_facts.c, the
 * router facts file (kind "router-facts"):
 *  - facts_security_label for every admin-page label the README names,
 *    the ten canonical names, full-width ASCII, glued tokens ("WPA2PSK"),
 *    "mixed", and unknown words (never guessed: WSEC_UNKNOWN);
 *  - facts_cipher for aes/tkip/tkip-aes/TKIP/AES/CCMP and an unknown one;
 *  - whole documents parsed through the parser table (parser_by_name +
 *    kind->parse with a run context holding the real registry from
 *    $EDGELINT_RULES and a default policy): model fields with their
 *    lines, diagnostics for unknown keys, bad booleans and unknown labels,
 *    the passphrase registered as a secret, vendor aliases, coverage, and
 *    truncated YAML;
 *  - content detection: parser_detect on a facts file, a Cisco ASA config,
 *    pcap magic bytes and binary garbage.
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

#include "../../parsers/parsers.h"
#include "../../parsers/router_facts.h"
#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/policy.h"
#include "../../src/registry.h"
#include "testctx.h"

/* The label data of the real rules directory (rules/wifi-labels.yaml). */
#define WL (&g_reg.wifi_labels)

/* ---- security labels ---------------------------------------------------- */

struct label_case {
	const char *label;
	enum wifi_sec sec;
	enum wifi_cipher cipher;   /* WCIPH_UNSET: the label names none */
};

static void check_label(const struct label_case *c)
{
	enum wifi_cipher ci = WCIPH_UNSET;
	enum wifi_sec s = facts_security_label(WL, c->label, strlen(c->label), &ci);
	if (s != c->sec || ci != c->cipher)
		fail_msg("label \"%s\": got %s/%s, want %s/%s", c->label, wifi_sec_name(s),
			 wifi_cipher_name(ci), wifi_sec_name(c->sec),
			 wifi_cipher_name(c->cipher));
}

static void test_labels_admin_pages(void **state)
{
	(void)state;
	static const struct label_case cases[] = {
		{"WPA2-PSK(AES)", WSEC_WPA2, WCIPH_AES},
		{"WPA/WPA2 mixedmode-PSK", WSEC_WPA_WPA2, WCIPH_UNSET},
		{"WPA3-SAE", WSEC_WPA3, WCIPH_UNSET},
		{"WPA2/WPA3", WSEC_WPA2_WPA3, WCIPH_UNSET},
		{"\xE3\x81\xAA\xE3\x81\x97", WSEC_OPEN, WCIPH_UNSET},       /* なし */
		{"\xE7\x84\xA1\xE5\x8A\xB9", WSEC_OPEN, WCIPH_UNSET},       /* 無効 */
		{"WEP", WSEC_WEP, WCIPH_UNSET},
		{"WPA2-PSK(TKIP/AES)", WSEC_WPA2, WCIPH_TKIP_AES},
		{"WPA-PSK(TKIP)", WSEC_WPA, WCIPH_TKIP},
		{"Enhanced Open", WSEC_OWE, WCIPH_UNSET},
		{"WPA2-EAP", WSEC_WPA2_ENT, WCIPH_UNSET},
		{"wpa3-enterprise", WSEC_WPA3_ENT, WCIPH_UNSET},
		{"WPA2PSK", WSEC_WPA2, WCIPH_UNSET},
		{"mixed", WSEC_WPA_WPA2, WCIPH_UNSET},
		{"WPA2-PSK(AES) / WPA3-SAE", WSEC_WPA2_WPA3, WCIPH_AES},
		{"WPA2 802.1X", WSEC_WPA2_ENT, WCIPH_UNSET},
		{"OWE", WSEC_OWE, WCIPH_UNSET},
		{"WEP128", WSEC_WEP, WCIPH_UNSET},
		{"Open WEP", WSEC_WEP, WCIPH_UNSET},
		{"NONE", WSEC_OPEN, WCIPH_UNSET},
		{"WPA2 AES", WSEC_WPA2, WCIPH_AES},
		{"WPA2AES", WSEC_WPA2, WCIPH_AES},
		{"WPA3 SAE transition", WSEC_WPA3, WCIPH_UNSET},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		check_label(&cases[i]);
}

static void test_labels_canonical(void **state)
{
	(void)state;
	static const struct label_case cases[] = {
		{"open", WSEC_OPEN, WCIPH_UNSET},
		{"owe", WSEC_OWE, WCIPH_UNSET},
		{"wep", WSEC_WEP, WCIPH_UNSET},
		{"wpa-personal", WSEC_WPA, WCIPH_UNSET},
		{"wpa-wpa2-personal", WSEC_WPA_WPA2, WCIPH_UNSET},
		{"wpa2-personal", WSEC_WPA2, WCIPH_UNSET},
		{"wpa2-wpa3-personal", WSEC_WPA2_WPA3, WCIPH_UNSET},
		{"wpa3-personal", WSEC_WPA3, WCIPH_UNSET},
		{"wpa2-enterprise", WSEC_WPA2_ENT, WCIPH_UNSET},
		{"wpa3-enterprise", WSEC_WPA3_ENT, WCIPH_UNSET},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		check_label(&cases[i]);
		/* The canonical name is also what wifi_sec_name prints. */
		assert_string_equal(wifi_sec_name(cases[i].sec), cases[i].label);
	}
}

static void test_labels_full_width(void **state)
{
	(void)state;
	static const struct label_case cases[] = {
		/* ＷＰＡ２－ＰＳＫ（ＡＥＳ） */
		{"\xEF\xBC\xB7\xEF\xBC\xB0\xEF\xBC\xA1\xEF\xBC\x92\xEF\xBC\x8D\xEF\xBC\xB0"
		 "\xEF\xBC\xB3\xEF\xBC\xAB\xEF\xBC\x88\xEF\xBC\xA1\xEF\xBC\xA5\xEF\xBC\xB3"
		 "\xEF\xBC\x89",
		 WSEC_WPA2, WCIPH_AES},
		/* ｗｐａ３ (full-width lower case) */
		{"\xEF\xBD\x97\xEF\xBD\x90\xEF\xBD\x81\xEF\xBC\x93", WSEC_WPA3, WCIPH_UNSET},
		/* WPA2・WPA3 with a Japanese middle dot, and an ideographic space */
		{"WPA2\xE3\x83\xBBWPA3", WSEC_WPA2_WPA3, WCIPH_UNSET},
		{"WPA2\xE3\x80\x80PSK", WSEC_WPA2, WCIPH_UNSET},
		/* 暗号化なし */
		{"\xE6\x9A\x97\xE5\x8F\xB7\xE5\x8C\x96\xE3\x81\xAA\xE3\x81\x97", WSEC_OPEN,
		 WCIPH_UNSET},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		check_label(&cases[i]);
}

static void test_labels_unknown(void **state)
{
	(void)state;
	static const char *const unknown[] = {
		"WPA2 Super", "PSK", "", "AES", "Enterprise", "WPA4", "SUPERSECURE",
		"Enhanced", "WPA2 none", "\xE3\x81\x82\xE3\x81\x84",  /* あい */
		"  ", "-", "WPA2PSKX",
	};
	for (size_t i = 0; i < ARRAY_SIZE(unknown); i++) {
		enum wifi_cipher ci = WCIPH_UNSET;
		enum wifi_sec s = facts_security_label(WL, unknown[i], strlen(unknown[i]), &ci);
		if (s != WSEC_UNKNOWN)
			fail_msg("label \"%s\": got %s, want unknown", unknown[i], wifi_sec_name(s));
	}
	/* The counted length is respected: "WPA2 Super" cut to "WPA2". */
	enum wifi_cipher ci = WCIPH_UNSET;
	assert_int_equal(facts_security_label(WL, "WPA2 Super", 4, &ci), WSEC_WPA2);
	/* A NULL cipher pointer is allowed. */
	assert_int_equal(facts_security_label(WL, "WPA2-PSK(AES)", 13, NULL), WSEC_WPA2);
	/* A very long token is refused, not overflowed. */
	char longtok[200];
	memset(longtok, 'A', sizeof(longtok) - 1);
	longtok[sizeof(longtok) - 1] = '\0';
	assert_int_equal(facts_security_label(WL, longtok, strlen(longtok), &ci), WSEC_UNKNOWN);
	/* A truncated UTF-8 sequence at the end is refused, not over-read. */
	char *trunc = malloc(6);
	assert_non_null(trunc);
	memcpy(trunc, "WPA2 \xE3", 6);
	assert_int_equal(facts_security_label(WL, trunc, 6, &ci), WSEC_UNKNOWN);
	free(trunc);
}

/* Every label rules/wifi-labels.yaml records from a maker's admin page or
 * manual, with the mode and cipher the manual says it allows, written here
 * from the sources named in the data (not from the program's output):
 *  - ASUS "Authentication Method" values open/shared/psk/psk2/pskpsk2/wpa/
 *    wpa2/wpawpa2 and the WPA3 page's sae/pskpsk2/psk2sae/owe;
 *  - NEC Aterm 暗号化モード; TP-Link's default "(Recommended)" mode, whose
 *    Version is Auto (WPA-PSK and WPA2-PSK); Buffalo; SGP200W 認証モード.
 * A mode that still accepts WPA1 is wpa-wpa2-personal (EL203 "mixed"). */
static const struct {
	const char *label, *maker;
	enum wifi_sec sec;
	enum wifi_cipher cipher;
	bool whole;   /* its tokens alone do not give the mode */
} real_labels[] = {
	{"Open System", "asus", WSEC_OPEN, WCIPH_UNSET, true},
	{"Shared Key", "asus", WSEC_WEP, WCIPH_UNSET, true},
	{"WPA-Personal", "asus", WSEC_WPA, WCIPH_UNSET, false},
	{"WPA2-Personal", "asus", WSEC_WPA2, WCIPH_UNSET, false},
	{"WPA-Auto-Personal", "asus", WSEC_WPA_WPA2, WCIPH_UNSET, true},
	{"WPA-Enterprise", "asus", WSEC_WPA, WCIPH_UNSET, false},
	{"WPA2-Enterprise", "asus", WSEC_WPA2_ENT, WCIPH_UNSET, false},
	{"WPA-Auto-Enterprise", "asus", WSEC_WPA_WPA2, WCIPH_UNSET, true},
	{"WPA3-Personal", "asus", WSEC_WPA3, WCIPH_UNSET, false},
	{"WPA/WPA2-Personal", "asus", WSEC_WPA_WPA2, WCIPH_UNSET, false},
	{"WPA2/WPA3-Personal", "asus", WSEC_WPA2_WPA3, WCIPH_UNSET, false},
	{"Opportunistic Wireless Encryption", "asus", WSEC_OWE, WCIPH_UNSET, true},
	{"WPA/WPA2-PSK(AES)", "nec", WSEC_WPA_WPA2, WCIPH_AES, false},
	{"WPA2-PSK(AES)", "nec", WSEC_WPA2, WCIPH_AES, false},
	{"WPA/WPA2-Personal (Recommended)", "tp-link", WSEC_WPA_WPA2, WCIPH_UNSET, false},
	/* WPA/WPA2-パーソナル(推奨) */
	{"WPA/WPA2-\xE3\x83\x91\xE3\x83\xBC\xE3\x82\xBD\xE3\x83\x8A\xE3\x83\xAB("
	 "\xE6\x8E\xA8\xE5\xA5\xA8)", "tp-link", WSEC_WPA_WPA2, WCIPH_UNSET, false},
	{"WPA3-Personal", "buffalo", WSEC_WPA3, WCIPH_UNSET, false},
	{"WPA/WPA2 mixedmode - PSK", "buffalo", WSEC_WPA_WPA2, WCIPH_UNSET, false},
	{"WPA2-PSK AES", "buffalo", WSEC_WPA2, WCIPH_AES, false},
	{"WPA/WPA2 PreSharedKey", "other", WSEC_WPA_WPA2, WCIPH_UNSET, false},
	{"WPA2 PreSharedKey", "other", WSEC_WPA2, WCIPH_UNSET, false},
};

static void test_labels_real(void **state)
{
	(void)state;
	const size_t n = ARRAY_SIZE(real_labels);
	/* The data holds exactly these labels, in this order. */
	assert_int_equal(WL->nlabels, n);
	struct wifi_labels tokens_only = *WL;
	tokens_only.nlabels = 0;
	for (size_t i = 0; i < n; i++) {
		const struct wifi_label_seen *d = &WL->labels[i];
		assert_string_equal(d->label, real_labels[i].label);
		assert_string_equal(d->maker, real_labels[i].maker);
		assert_int_equal(d->mode, real_labels[i].sec);
		assert_int_equal(d->cipher, real_labels[i].cipher);
		assert_int_equal(d->whole, real_labels[i].whole);
		assert_non_null(d->source);
		assert_string_equal(d->as_of, "2026-12-07");
		/* Accepted and read as the manual says. */
		struct label_case c = {real_labels[i].label, real_labels[i].sec,
				       real_labels[i].cipher};
		check_label(&c);
		/* Without the whole labels: the tokens give the same mode,
		 * except for the labels marked whole. */
		enum wifi_cipher ci = WCIPH_UNSET;
		enum wifi_sec t = facts_security_label(&tokens_only, real_labels[i].label,
						       strlen(real_labels[i].label), &ci);
		if (real_labels[i].whole ? t == real_labels[i].sec : t != real_labels[i].sec)
			fail_msg("label \"%s\": tokens alone give %s", real_labels[i].label,
				 wifi_sec_name(t));
	}
	/* Read as a whole only when equal token for token: ASUS "Shared Key"
	 * in another case and spacing, and not with a word more. */
	enum wifi_cipher ci = WCIPH_UNSET;
	assert_int_equal(facts_security_label(WL, "SHARED  key", 11, &ci), WSEC_WEP);
	assert_int_equal(facts_security_label(WL, "Shared Key 2", 12, &ci), WSEC_UNKNOWN);
	/* WPA1 with AES named is still mixed, never plain WPA2. */
	assert_int_equal(facts_security_label(WL, "WPA/WPA2 AES", 12, &ci), WSEC_WPA_WPA2);
	assert_int_equal(ci, WCIPH_AES);
}

static void test_labels_nearest(void **state)
{
	(void)state;
	const char *near[FACTS_NEAREST_MAX];
	/* One letter off a known spelling: that spelling first; the same
	 * spelling of two makers ("WPA2-PSK(AES)", "WPA2-PSK AES") once. */
	size_t n = facts_label_nearest(WL, "WPA2-PSKK(AES)", 14, near, FACTS_NEAREST_MAX);
	assert_int_equal(n, 5);
	assert_string_equal(near[0], "WPA2-PSK(AES)");
	for (size_t i = 1; i < n; i++)
		assert_string_not_equal(near[i], "WPA2-PSK AES");
	n = facts_label_nearest(WL, "Shared Keys", 11, near, FACTS_NEAREST_MAX);
	assert_int_equal(n, 5);
	assert_string_equal(near[0], "Shared Key");
	/* max is respected. */
	n = facts_label_nearest(WL, "Shared Keys", 11, near, 2);
	assert_int_equal(n, 2);
	assert_string_equal(near[0], "Shared Key");
	/* An unreadable label still gets labels to choose from. */
	n = facts_label_nearest(WL, "\xFF\xFE", 2, near, FACTS_NEAREST_MAX);
	assert_int_equal(n, 5);
}

static void test_cipher(void **state)
{
	(void)state;
	assert_int_equal(facts_cipher(WL, "aes", 3), WCIPH_AES);
	assert_int_equal(facts_cipher(WL, "AES", 3), WCIPH_AES);
	assert_int_equal(facts_cipher(WL, "tkip", 4), WCIPH_TKIP);
	assert_int_equal(facts_cipher(WL, "tkip-aes", 8), WCIPH_TKIP_AES);
	assert_int_equal(facts_cipher(WL, "TKIP/AES", 8), WCIPH_TKIP_AES);
	assert_int_equal(facts_cipher(WL, "CCMP", 4), WCIPH_AES);
	assert_int_equal(facts_cipher(WL, "rc4", 3), WCIPH_UNSET);
	assert_int_equal(facts_cipher(WL, "", 0), WCIPH_UNSET);
	assert_int_equal(facts_cipher(WL, "wpa2", 4), WCIPH_UNSET);   /* a mode, not a cipher */
	assert_int_equal(facts_cipher(WL, "aes-256", 7), WCIPH_UNSET);
	assert_string_equal(wifi_cipher_name(WCIPH_TKIP_AES), "tkip-aes");
}

/* ---- whole documents ---------------------------------------------------- */

/* Parses text as a facts file into a fresh input; returns parse's result. */
static int parse_facts(struct input *in, const char *text)
{
	input_init(in, "facts.yaml");
	in->kind = input_kind_named("router-facts");
	assert_non_null(in->kind);
	assert_non_null(parser_of(in->kind)->parse);
	in->len = strlen(text);
	in->data = malloc(in->len + 1);
	assert_non_null(in->data);
	memcpy(in->data, text, in->len + 1);
	return parser_of(in->kind)->parse(in, &g_ctx);
}

static size_t count_diags(const struct input *in, enum diag_level lvl)
{
	size_t n = 0;
	for (const struct diag *d = in->diags; d; d = d->next)
		n += d->level == lvl;
	return n;
}

static const struct diag *first_diag(const struct input *in, enum diag_level lvl)
{
	for (const struct diag *d = in->diags; d; d = d->next)
		if (d->level == lvl)
			return d;
	return NULL;
}

static const char good_doc[] =
	"# facts for the home router\n"            /* 1 */
	"router:\n"                                 /* 2 */
	"  vendor: buffalo\n"                       /* 3 */
	"  model: WSR-1800AX4S\n"                   /* 4 */
	"  firmware_version: \"1.09\"\n"            /* 5 */
	"  firmware_date: 2024-02-29\n"             /* 6 */
	"  auto_update: true\n"                     /* 7 */
	"wifi:\n"                                   /* 8 */
	"  - ssid: Buffalo-G-XXXX\n"                /* 9 */
	"    band: 2.4GHz\n"                        /* 10 */
	"    enabled: true\n"                       /* 11 */
	"    security: wpa2-personal\n"             /* 12 */
	"    cipher: aes\n"                         /* 13 */
	"    passphrase: \"correct horse battery\"\n" /* 14 */
	"  - ssid: Buffalo-Guest\n"                 /* 15 */
	"    enabled: false\n"                      /* 16 */
	"    security: \"WPA2-PSK(TKIP/AES)\"\n"    /* 17 */
	"\n"                                        /* 18 */
	"wps_enabled: false\n"                      /* 19 */
	"remote_admin: false\n"                     /* 20 */
	"upnp: true\n";                             /* 21 */

static void test_parse_good_document(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_facts(&in, good_doc), 0);
	assert_null(in.error);
	assert_null(in.diags);
	assert_int_equal(in.ndiag_errors, 0);
	assert_true(in.has_device);
	const struct device *d = &in.dev;
	assert_string_equal(d->vendor.s, "buffalo");
	assert_int_equal(d->vendor.line, 3);
	assert_string_equal(d->vendor_display, "Buffalo");
	assert_string_equal(d->model.s, "WSR-1800AX4S");
	assert_int_equal(d->model.line, 4);
	assert_string_equal(d->firmware.s, "1.09");
	assert_int_equal(d->firmware.line, 5);
	assert_string_equal(d->firmware_date.s, "2024-02-29");
	assert_int_equal(d->firmware_date.line, 6);
	assert_int_equal(d->auto_update, TRI_YES);
	assert_int_equal(d->auto_update_line, 7);
	assert_int_equal(d->wps, TRI_NO);
	assert_int_equal(d->wps_line, 19);
	assert_int_equal(d->remote_admin, TRI_NO);
	assert_int_equal(d->remote_admin_line, 20);
	assert_int_equal(d->upnp, TRI_YES);
	assert_int_equal(d->upnp_line, 21);
	assert_null(d->latest_firmware.s);
	assert_null(d->support_end.s);

	assert_int_equal(d->nwifi, 2);
	const struct wifi_net *w = d->wifi;
	assert_non_null(w);
	assert_string_equal(w->ssid.s, "Buffalo-G-XXXX");
	assert_int_equal(w->ssid.line, 9);
	assert_int_equal(w->line, 9);
	assert_string_equal(w->band.s, "2.4GHz");
	assert_int_equal(w->band.line, 10);
	assert_true(w->enabled);
	assert_true(w->is_ap);
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_string_equal(w->sec_label.s, "wpa2-personal");
	assert_int_equal(w->sec_label.line, 12);
	assert_int_equal(w->cipher, WCIPH_AES);
	assert_int_equal(w->cipher_line, 13);
	assert_non_null(w->pass);
	assert_int_equal(w->pass_len, strlen("correct horse battery"));
	assert_memory_equal(w->pass, "correct horse battery", w->pass_len);
	assert_int_equal(w->pass_line, 14);

	w = w->next;
	assert_non_null(w);
	assert_string_equal(w->ssid.s, "Buffalo-Guest");
	assert_int_equal(w->line, 15);
	assert_false(w->enabled);
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->cipher, WCIPH_TKIP_AES);   /* from the label */
	assert_int_equal(w->cipher_line, 17);
	assert_null(w->pass);
	assert_null(w->next);

	/* The passphrase is a secret of the input. */
	assert_int_equal(in.nsecrets, 1);
	assert_int_equal(in.secret_lens[0], strlen("correct horse battery"));
	assert_memory_equal(in.secrets[0], "correct horse battery", in.secret_lens[0]);

	/* Coverage: 19 content lines (the comment and blank lines excluded). */
	assert_true(in.has_coverage);
	assert_int_equal(in.lines_total, 19);
	assert_int_equal(in.lines_understood, 19);
	input_free(&in);
}

/* passphrase_from_label (per network) and admin_password_changed (issue
 * 15 §2): yes/no and 有効/無効 as every boolean; a bad value is an error. */
static void test_parse_factory_keys(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_facts(&in,
				     "router:\n"                          /* 1 */
				     "  vendor: buffalo\n"                /* 2 */
				     "wifi:\n"                            /* 3 */
				     "  - ssid: Buffalo-G-7E21\n"         /* 4 */
				     "    security: WPA2 Personal\n"      /* 5 */
				     "    passphrase_from_label: yes\n"   /* 6 */
				     "  - ssid: home\n"                   /* 7 */
				     "    security: WPA2 Personal\n"      /* 8 */
				     "    passphrase_from_label: no\n"    /* 9 */
				     "  - ssid: other\n"                  /* 10 */
				     "    security: WPA3\n"               /* 11 */
				     "    pmf: \xE4\xBB\xBB\xE6\x84\x8F\n" /* 12: 任意 */
				     "admin_password_changed: no\n"),     /* 13 */
			 0);
	assert_int_equal(in.dev.wifi->next->next->pmf, WPMF_OPTIONAL);
	assert_int_equal(in.dev.wifi->next->next->pmf_line, 12);
	assert_int_equal(in.dev.wifi->pmf, WPMF_UNSET);
	assert_int_equal(in.dev.wifi->label_key, WLK_YES);
	assert_int_equal(in.dev.wifi->label_key_line, 6);
	assert_int_equal(in.dev.wifi->next->label_key, WLK_NO);
	assert_int_equal(in.dev.wifi->next->label_key_line, 9);
	assert_int_equal(in.dev.wifi->next->next->label_key, WLK_UNSET);
	assert_int_equal(in.dev.admin_pw_default, TRI_YES);
	assert_int_equal(in.dev.admin_pw_default_line, 13);
	assert_int_equal(count_diags(&in, DIAG_ERROR), 0);
	input_free(&in);

	assert_int_equal(parse_facts(&in,
				     "router:\n"                          /* 1 */
				     "  vendor: buffalo\n"                /* 2 */
				     "wifi:\n"                            /* 3 */
				     "  - ssid: home\n"                   /* 4 */
				     "    passphrase_from_label: maybe\n" /* 5 */
				     "    pmf: sometimes\n"               /* 6 */
				     "admin_password_changed: true\n"),   /* 7 */
			 0);
	assert_int_equal(in.dev.wifi->label_key, WLK_UNSET);
	assert_int_equal(in.dev.wifi->pmf, WPMF_UNSET);
	assert_int_equal(in.dev.admin_pw_default, TRI_NO);
	assert_int_equal(count_diags(&in, DIAG_ERROR), 2);
	input_free(&in);
}

static void test_parse_unknown_key(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_facts(&in,
				     "router:\n"
				     "  vendor: nec\n"
				     "  model: WG2600HP3\n"
				     "wifi:\n"
				     "  - ssid: home\n"
				     "    security: wpa2-personal\n"
				     "    pasphrase: \"hunter2hunter2\"\n"),
			 0);
	assert_int_equal(in.ndiag_errors, 1);
	assert_int_equal(count_diags(&in, DIAG_ERROR), 1);
	const struct diag *dg = first_diag(&in, DIAG_ERROR);
	assert_int_equal(dg->line, 7);
	assert_int_equal(dg->col, 5);
	assert_non_null(strstr(dg->msg, "'pasphrase'"));
	assert_non_null(strstr(dg->msg, "passphrase"));  /* the keys it expected */
	/* The rest is still read; the misspelt key is not taken as a passphrase. */
	assert_int_equal(in.dev.nwifi, 1);
	assert_int_equal(in.dev.wifi->sec, WSEC_WPA2);
	assert_null(in.dev.wifi->pass);
	assert_int_equal(in.nsecrets, 0);
	/* The first error becomes the input's error, with file:line. */
	assert_non_null(in.error);
	assert_int_equal(strncmp(in.error, "facts.yaml:7: ", 14), 0);
	assert_int_equal(in.lines_total, 7);
	assert_int_equal(in.lines_understood, 6);
	input_free(&in);
}

static void test_parse_unknown_top_and_router_keys(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_facts(&in,
				     "router:\n"
				     "  vendor: asus\n"
				     "  colour: black\n"
				     "wifi: []\n"
				     "telnet: true\n"),
			 0);
	assert_int_equal(in.ndiag_errors, 2);
	const struct diag *dg = in.diags;
	assert_non_null(dg);
	/* Top-level keys are checked first, then the router section's. */
	assert_int_equal(dg->line, 5);
	assert_non_null(strstr(dg->msg, "'telnet'"));
	dg = dg->next;
	assert_non_null(dg);
	assert_int_equal(dg->line, 3);
	assert_non_null(strstr(dg->msg, "'colour'"));
	assert_string_equal(in.dev.vendor.s, "asus");
	assert_int_equal(in.dev.nwifi, 0);
	input_free(&in);
}

static void test_parse_bad_bool(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_facts(&in,
				     "router:\n"
				     "  vendor: elecom\n"
				     "wifi:\n"
				     "  - ssid: a\n"
				     "    enabled: maybe\n"
				     "    security: wpa3-personal\n"
				     "upnp: sometimes\n"
				     "wps_enabled: \"true\"\n"),
			 0);
	assert_int_equal(in.ndiag_errors, 3);
	const struct diag *dg = in.diags;
	assert_int_equal(dg->level, DIAG_ERROR);
	assert_int_equal(dg->line, 5);
	assert_string_equal(dg->msg, "'enabled' must be true or false");
	dg = dg->next;
	assert_int_equal(dg->line, 8);
	assert_string_equal(dg->msg, "'wps_enabled' must be true or false");
	dg = dg->next;
	assert_int_equal(dg->line, 7);
	assert_string_equal(dg->msg, "'upnp' must be true or false");
	/* An unreadable value leaves the setting unknown (enabled keeps its
	 * default). */
	assert_true(in.dev.wifi->enabled);
	assert_int_equal(in.dev.upnp, TRI_UNSET);
	assert_int_equal(in.dev.wps, TRI_UNSET);
	input_free(&in);

	/* 有効 / 無効 as admin pages write them. */
	assert_int_equal(parse_facts(&in,
				     "router: {vendor: buffalo}\n"
				     "upnp: \xE6\x9C\x89\xE5\x8A\xB9\n"
				     "wps_enabled: \xE7\x84\xA1\xE5\x8A\xB9\n"),
			 0);
	assert_int_equal(in.ndiag_errors, 0);
	assert_int_equal(in.dev.upnp, TRI_YES);
	assert_int_equal(in.dev.wps, TRI_NO);
	input_free(&in);
}

static void test_parse_unknown_label(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_facts(&in,
				     "router:\n"
				     "  vendor: tp-link\n"
				     "wifi:\n"
				     "  - ssid: lab\n"
				     "    security: WPA2 Super\n"
				     "    cipher: rc4\n"),
			 0);
	assert_int_equal(in.dev.nwifi, 1);
	const struct wifi_net *w = in.dev.wifi;
	assert_int_equal(w->sec, WSEC_UNKNOWN);
	assert_string_equal(w->sec_label.s, "WPA2 Super");
	assert_int_equal(w->cipher, WCIPH_UNSET);
	assert_int_equal(in.ndiag_errors, 2);
	const struct diag *dg = in.diags;
	assert_int_equal(dg->line, 6);
	assert_non_null(strstr(dg->msg, "cipher 'rc4'"));
	dg = dg->next;
	assert_int_equal(dg->level, DIAG_ERROR);
	assert_int_equal(dg->line, 5);
	assert_int_equal(dg->col, 15);
	assert_non_null(strstr(dg->msg, "security label 'WPA2 Super' is not understood"));
	input_free(&in);
}

/* An unknown label: an error (exit 2) naming the nearest labels of the
 * data in both languages. */
static void test_parse_unknown_label_nearest(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_facts(&in,
				     "router: {vendor: asus}\n"
				     "wifi:\n"
				     "  - {ssid: a, security: Shared Keys}\n"),
			 0);
	assert_int_equal(in.ndiag_errors, 1);
	const struct diag *dg = in.diags;
	assert_int_equal(dg->line, 3);
	assert_non_null(strstr(dg->msg, "security label 'Shared Keys' is not understood; "
				      "the nearest labels edgelint knows: \"Shared Key\", "));
	assert_non_null(dg->msg_ja);
	assert_non_null(strstr(dg->msg_ja, "\xE8\xBF\x91\xE3\x81\x84\xE8\xA1\xA8\xE8\xA8\x98: "
					   "\xE3\x80\x8CShared Key\xE3\x80\x8D"));   /* 近い表記: 「Shared Key」 */
	assert_int_equal(in.dev.wifi->sec, WSEC_UNKNOWN);
	input_free(&in);
}

/* jc_star: the JC-STAR level as the label prints it and as admins type it. */
static void test_parse_jc_star(void **state)
{
	(void)state;
	static const struct {
		const char *value;
		int level;
	} cases[] = {
		{"\"\xE2\x98\x85" "1\"", 1},              /* ★1 */
		{"2", 2},
		{"STAR3", 3},
		{"\"star 4\"", 4},
		{"\xE3\x83\xAC\xE3\x83\x99\xE3\x83\xAB" "2", 2},   /* レベル2 */
		{"\"\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\"", 3},   /* ★★★ */
		{"\"\xE2\x98\x85\xEF\xBC\x91\"", 1},      /* ★１ (full-width) */
		{"JC-STAR-2", 2},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char doc[200];
		snprintf(doc, sizeof(doc), "router:\n  vendor: nec\n  jc_star: %s\n", cases[i].value);
		struct input in;
		assert_int_equal(parse_facts(&in, doc), 0);
		if (in.ndiag_errors || in.dev.jc_star != cases[i].level)
			fail_msg("jc_star %s: got %d (%u errors), want %d", cases[i].value,
				 in.dev.jc_star, in.ndiag_errors, cases[i].level);
		assert_int_equal(in.dev.jc_star_line, 3);
		input_free(&in);
	}
	static const char *const bad[] = {"5", "0", "\"\xE2\x98\x85" "5\"", "gold", "STAR", "\"12\""};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		char doc[200];
		snprintf(doc, sizeof(doc), "router:\n  vendor: nec\n  jc_star: %s\n", bad[i]);
		struct input in;
		assert_int_equal(parse_facts(&in, doc), 0);
		assert_int_equal(in.ndiag_errors, 1);
		assert_int_equal(in.diags->line, 3);
		assert_non_null(strstr(in.diags->msg, "'jc_star' must be the JC-STAR level"));
		assert_int_equal(in.dev.jc_star, 0);
		input_free(&in);
	}
	/* Not given: 0. */
	struct input in;
	assert_int_equal(parse_facts(&in, "router: {vendor: nec}\n"), 0);
	assert_int_equal(in.dev.jc_star, 0);
	input_free(&in);
}

static void test_parse_enabled_false_and_empty_passphrase(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_facts(&in,
				     "router: {vendor: buffalo, model: WSR-2533DHP2}\n"
				     "wifi:\n"
				     "  - {ssid: off-net, enabled: false, security: open}\n"
				     "  - {ssid: on-net, enabled: yes, security: wpa2-personal,"
				     " passphrase: \"\"}\n"),
			 0);
	assert_int_equal(in.ndiag_errors, 0);
	assert_int_equal(in.dev.nwifi, 2);
	assert_false(in.dev.wifi->enabled);
	assert_int_equal(in.dev.wifi->sec, WSEC_OPEN);
	assert_int_equal(in.dev.wifi->line, 3);
	assert_true(in.dev.wifi->next->enabled);
	/* An empty quoted passphrase is present but empty; nothing to mask. */
	assert_non_null(in.dev.wifi->next->pass);
	assert_int_equal(in.dev.wifi->next->pass_len, 0);
	assert_int_equal(in.nsecrets, 0);
	input_free(&in);
}

static void test_parse_vendor_aliases(void **state)
{
	(void)state;
	static const struct {
		const char *written, *id, *display;
	} cases[] = {
		{"Aterm", "nec", "NEC"},
		{"NEC", "nec", "NEC"},
		{"I-O DATA", "iodata", "I-O DATA"},
		{"BUFFALO", "buffalo", "Buffalo"},
		{"TP-Link", "tp-link", "TP-Link"},
		{"\xE3\x82\xA8\xE3\x83\xAC\xE3\x82\xB3\xE3\x83\xA0", "elecom", "ELECOM"},  /* エレコム */
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char doc[200];
		snprintf(doc, sizeof(doc), "router:\n  vendor: \"%s\"\n", cases[i].written);
		struct input in;
		assert_int_equal(parse_facts(&in, doc), 0);
		assert_null(in.diags);
		assert_string_equal(in.dev.vendor.s, cases[i].id);
		assert_string_equal(in.dev.vendor_display, cases[i].display);
		assert_int_equal(in.dev.vendor.line, 2);
		input_free(&in);
	}
	/* A vendor without data: 'other', with a note (not an error). */
	struct input in;
	assert_int_equal(parse_facts(&in, "router:\n  model: R7000\n  vendor: NETGEAR\n"), 0);
	assert_string_equal(in.dev.vendor.s, "other");
	assert_string_equal(in.dev.vendor_display, "NETGEAR");
	assert_int_equal(in.ndiag_errors, 0);
	assert_null(in.error);
	assert_int_equal(count_diags(&in, DIAG_NOTE), 1);
	const struct diag *dg = first_diag(&in, DIAG_NOTE);
	assert_int_equal(dg->line, 3);
	assert_non_null(strstr(dg->msg, "NETGEAR"));
	assert_non_null(strstr(dg->msg, "'other'"));
	input_free(&in);
}

static void test_parse_dates(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_facts(&in,
				     "router:\n"
				     "  vendor: nec\n"
				     "  firmware_date: 2023-02-29\n"
				     "  support_end: 2025-02\n"
				     "  latest_firmware_version: \"1.2.3\"\n"),
			 0);
	assert_int_equal(in.ndiag_errors, 1);
	assert_int_equal(in.diags->line, 3);
	assert_non_null(strstr(in.diags->msg, "'firmware_date'"));
	assert_null(in.dev.firmware_date.s);
	assert_string_equal(in.dev.support_end.s, "2025-02");
	assert_int_equal(in.dev.support_end.line, 4);
	assert_string_equal(in.dev.latest_firmware.s, "1.2.3");
	input_free(&in);
}

static void test_parse_structure_errors(void **state)
{
	(void)state;
	struct input in;
	/* No router section, wifi not a list. */
	assert_int_equal(parse_facts(&in, "wifi: home\nupnp: false\n"), 0);
	assert_int_equal(in.ndiag_errors, 2);
	assert_false(in.has_device);
	assert_int_equal(in.dev.upnp, TRI_NO);
	input_free(&in);
	/* Not a mapping at all. */
	assert_int_equal(parse_facts(&in, "- router\n- wifi\n") < 0, 1);
	assert_non_null(in.error);
	input_free(&in);
	/* Empty input. */
	assert_int_equal(parse_facts(&in, "") < 0, 1);
	assert_non_null(in.error);
	input_free(&in);
}

static void test_parse_truncated_yaml(void **state)
{
	(void)state;
	struct input in;
	int rc = parse_facts(&in,
			     "router:\n"
			     "  vendor: buffalo\n"
			     "wifi:\n"
			     "  - {ssid: a, security: [wpa2\n");
	assert_true(rc < 0);
	assert_non_null(in.error);
	assert_non_null(strstr(in.error, "facts.yaml"));
	assert_non_null(strstr(in.error, "line"));
	assert_int_equal(in.lines_understood, 0);
	assert_int_equal(in.lines_total, 4);
	input_free(&in);
	/* A duplicated key is a parse failure too, naming both lines. */
	rc = parse_facts(&in, "router:\n  vendor: a\n  vendor: b\n");
	assert_true(rc < 0);
	assert_non_null(strstr(in.error, "appears twice"));
	assert_non_null(strstr(in.error, "line 3"));
	input_free(&in);
}

static void test_coverage_counts_lines_once(void **state)
{
	(void)state;
	/* Regression (found by these tests, fixed): router_facts.c facts_parse counts "bad" lines by skipping only
	 * a diagnostic whose line equals the previous one, but diagnostics are
	 * not in line order (top-level booleans are read after the wifi list),
	 * so line 1 (errors 'colour', then line 2 'enabled', then line 1
	 * 'upnp') is counted twice: lines_understood is 0, expected 1. */

	/* Three content lines; errors on lines 1 (twice) and 2: one line is
	 * understood. */
	static const char doc[] =
		"{router: {vendor: buffalo, colour: red}, upnp: maybe,\n"
		" wifi: [{ssid: a, enabled: maybe}],\n"
		" wps_enabled: false}\n";
	struct input in;
	assert_int_equal(parse_facts(&in, doc), 0);
	assert_int_equal(in.ndiag_errors, 3);
	assert_int_equal(in.lines_total, 3);
	assert_int_equal(in.dev.wps, TRI_NO);
	assert_int_equal(in.lines_understood, 1);
	input_free(&in);
}

/* ---- detection ----------------------------------------------------------- */

static void test_detect(void **state)
{
	(void)state;
	const struct parser *p = parser_detect(good_doc, strlen(good_doc));
	assert_non_null(p);
	assert_string_equal(p->kind.name, "router-facts");
	assert_ptr_equal(p, parser_by_name("router-facts"));
	/* With a UTF-8 byte order mark and CRLF line ends. */
	static const char bom[] = "\xEF\xBB\xBFrouter:\r\n  vendor: nec\r\n";
	p = parser_detect(bom, sizeof(bom) - 1);
	assert_non_null(p);
	assert_string_equal(p->kind.name, "router-facts");

	static const char asa[] = "ASA Version 9.8(4)\n!\nhostname fw\n";
	p = parser_detect(asa, sizeof(asa) - 1);
	assert_non_null(p);
	assert_string_equal(p->kind.name, "cisco-asa");

	static const unsigned char pcap_le[] = {0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0,
						0, 0, 0, 0, 0, 0, 0, 0};
	p = parser_detect((const char *)pcap_le, sizeof(pcap_le));
	assert_non_null(p);
	assert_string_equal(p->kind.name, "pcap");
	static const unsigned char pcapng[] = {0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0};
	p = parser_detect((const char *)pcapng, sizeof(pcapng));
	assert_non_null(p);
	assert_string_equal(p->kind.name, "pcap");

	unsigned char junk[512];
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < sizeof(junk); i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		junk[i] = (unsigned char)x;
	}
	junk[0] = 0x00;  /* not a pcap magic */
	assert_null(parser_detect((const char *)junk, sizeof(junk)));
	assert_null(parser_detect("", 0));
	/* "router:" indented is not a top-level key. */
	static const char nested[] = "device:\n  router: x\n";
	assert_null(parser_detect(nested, sizeof(nested) - 1));

	assert_null(parser_by_name("no-such-kind"));
	assert_true(nparsers >= 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels_admin_pages),
		cmocka_unit_test(test_labels_canonical),
		cmocka_unit_test(test_labels_full_width),
		cmocka_unit_test(test_labels_unknown),
		cmocka_unit_test(test_labels_real),
		cmocka_unit_test(test_labels_nearest),
		cmocka_unit_test(test_cipher),
		cmocka_unit_test(test_parse_good_document),
		cmocka_unit_test(test_parse_factory_keys),
		cmocka_unit_test(test_parse_unknown_key),
		cmocka_unit_test(test_parse_unknown_top_and_router_keys),
		cmocka_unit_test(test_parse_bad_bool),
		cmocka_unit_test(test_parse_unknown_label),
		cmocka_unit_test(test_parse_unknown_label_nearest),
		cmocka_unit_test(test_parse_jc_star),
		cmocka_unit_test(test_parse_enabled_false_and_empty_passphrase),
		cmocka_unit_test(test_parse_vendor_aliases),
		cmocka_unit_test(test_parse_dates),
		cmocka_unit_test(test_parse_structure_errors),
		cmocka_unit_test(test_parse_truncated_yaml),
		cmocka_unit_test(test_coverage_counts_lines_once),
		cmocka_unit_test(test_detect),
	};
	return cmocka_run_group_tests_name("router_facts", tests, group_setup,
					   group_teardown);
}
