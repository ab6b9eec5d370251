/*
 * test_checks.c — cmocka tests for the checks (src/checks/) on models
 * built by hand as parsers/router_facts.c builds them (kind
 * "router-facts", networks in the input's arena linked at dev.wifi_tail,
 * passphrases registered as secrets), then settled with run_settle; one
 * whole facts document goes through run_parsed. Every test asserts the
 * exact findings (rule, variant, status, line, item, and where it matters
 * severity, evidence and message) and the item statuses with their notes:
 *  - wifi_security: every security mode, TKIP, WPS, disabled and client
 *    networks, no networks;
 *  - passphrase_strength: missing, empty, encrypted, common, strong, and
 *    the policy's minimum length;
 *  - firmware_support: end of support from the data and from the input
 *    (ended, ending soon, far away), unfixed vulnerabilities, first fixed
 *    release, latest release (older, not comparable), old builds, missing
 *    version, model, listing, automatic updates;
 *  - exposure: remote administration and UPnP;
 *  - the telework method: items that do not apply and their findings.
 * The registry is the real one from $EDGELINT_RULES; today is 2026-11-21.
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../parsers/parsers.h"
#include "../../src/checks/checks.h"
#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/policy.h"
#include "../../src/registry.h"
#include "../../src/run.h"

#include "testctx.h"

/* Each test starts from the default policy. */
static int test_setup(void **state)
{
	(void)state;
	policy_free(&g_pol);
	policy_init(&g_pol);
	return 0;
}

/* ---- building models -------------------------------------------------------- */

#define STRONG "Zq8#vLm2!pT7@wXr4kY9"   /* 20 characters, judged strong */

/* A facts input with a device. */
static void new_input(struct input *in)
{
	input_init(in, "facts.yaml");
	in->kind = input_kind_named("router-facts");
	assert_non_null(in->kind);
	in->has_device = true;
}

/* A device that draws no finding of its own: an unlisted model whose end of
 * support (given by the admin) is years away, running the latest firmware,
 * nothing open to the internet. */
static void quiet_device(struct input *in)
{
	struct device *d = &in->dev;
	d->vendor = (struct sval){"other", 2};
	d->vendor_display = "Acme";
	d->model = (struct sval){"XR-TEST1", 3};
	d->firmware = (struct sval){"1.0", 4};
	d->latest_firmware = (struct sval){"1.0", 5};
	d->support_end = (struct sval){"2030-01", 6};
	d->remote_admin = TRI_NO;
	d->remote_admin_line = 20;
	d->upnp = TRI_NO;
	d->upnp_line = 21;
}

/* Adds an enabled access point described at line: label on line+1 (when
 * given), passphrase on line+2 (when not NULL; registered as a secret). */
static struct wifi_net *add_net(struct input *in, const char *ssid, unsigned line,
				enum wifi_sec sec, const char *label, const char *pass)
{
	struct wifi_net *w = arena_alloc(&in->arena, sizeof(*w));
	assert_non_null(w);
	w->line = line;
	w->enabled = true;
	w->is_ap = true;
	if (ssid) {
		w->ssid.s = arena_strdup(&in->arena, ssid);
		w->ssid.line = line;
	}
	w->sec = sec;
	if (label) {
		w->sec_label.s = arena_strdup(&in->arena, label);
		w->sec_label.line = line + 1;
	}
	if (pass) {
		size_t n = strlen(pass);
		char *p = arena_strndup(&in->arena, pass, n);
		assert_non_null(p);
		w->pass = p;
		w->pass_len = n;
		w->pass_line = line + 2;
		assert_int_equal(input_add_secret(in, p, n), 0);
	}
	*in->dev.wifi_tail = w;
	in->dev.wifi_tail = &w->next;
	in->dev.nwifi++;
	return w;
}

static void run_checks(struct input *in)
{
	checks_run(in, &g_ctx);
	run_settle(in, &g_ctx, false);
}

/* ---- expectations ------------------------------------------------------------ */

struct want {
	const char *id, *variant;
	enum fstatus st;
	unsigned line;
	int item;
};

static void dump_findings(const struct input *in)
{
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		fprintf(stderr, "  [%zu] %s/%s %s line %u item %s\n", i, f->rule->id, f->variant,
			fstatus_name(f->status), f->line, f->item >= 0 ? item_name(f->item) : "-");
	}
}

static void expect_findings(const struct input *in, const struct want *w, size_t n)
{
	bool ok = in->nfindings == n;
	for (size_t i = 0; ok && i < n; i++) {
		const struct finding *f = &in->findings[i];
		ok = strcmp(f->rule->id, w[i].id) == 0 && strcmp(f->variant, w[i].variant) == 0 &&
		     f->status == w[i].st && f->line == w[i].line && f->item == w[i].item;
	}
	if (!ok) {
		fprintf(stderr, "findings (%zu):\n", in->nfindings);
		dump_findings(in);
		fprintf(stderr, "wanted (%zu):\n", n);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "  [%zu] %s/%s %s line %u item %s\n", i, w[i].id,
				w[i].variant, fstatus_name(w[i].st), w[i].line,
				w[i].item >= 0 ? item_name(w[i].item) : "-");
		fail_msg("findings differ");
	}
}
#define EXPECT(in, ...)                                                              \
	do {                                                                         \
		static const struct want w_[] = {__VA_ARGS__};                       \
		expect_findings((in), w_, ARRAY_SIZE(w_));               \
	} while (0)
#define EXPECT_NONE(in) expect_findings((in), NULL, 0)

static void expect_item(const struct input *in, int item, enum item_status st,
			const char *note)
{
	if (in->items[item] != st)
		fail_msg("item %s: status %s, want %s", item_name(item),
			 item_status_name(in->items[item]), item_status_name(st));
	if (note == NULL && in->item_note[item] != NULL)
		fail_msg("item %s: note %s, want none", item_name(item), in->item_note[item]);
	if (note != NULL && (in->item_note[item] == NULL ||
			     strcmp(in->item_note[item], note) != 0))
		fail_msg("item %s: note %s, want %s", item_name(item),
			 in->item_note[item] ? in->item_note[item] : "(none)", note);
}

/* The items a quiet facts device always settles to, 6-2 aside. */
static void expect_quiet_items(const struct input *in)
{
	expect_item(in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(in, ITEM_5_3, IST_PASS, NULL);
	expect_item(in, ITEM_5_4, IST_NA, "kind-does-not-feed");
	expect_item(in, ITEM_6_1, IST_NA, "kind-does-not-feed");
}

static void expect_message(const struct input *in, size_t i, enum lang l, const char *want)
{
	assert_true(i < in->nfindings);
	struct strbuf sb;
	sb_init(&sb, 1 << 16);
	assert_int_equal(finding_message(in, &in->findings[i], l, &sb), 0);
	if (strcmp(sb_str(&sb), want) != 0)
		fail_msg("message [%zu]: got \"%s\", want \"%s\"", i, sb_str(&sb), want);
	sb_free(&sb);
}

static void expect_evidence(const struct input *in, size_t i, const char *want)
{
	assert_true(i < in->nfindings);
	const char *ev = in->findings[i].evidence;
	if (!want) {
		if (ev)
			fail_msg("evidence [%zu]: got \"%s\", want none", i, ev);
		return;
	}
	if (!ev || strcmp(ev, want) != 0)
		fail_msg("evidence [%zu]: got \"%s\", want \"%s\"", i, ev ? ev : "(none)", want);
}

/* ---- Wi-Fi security modes ----------------------------------------------------- */

static void test_wifi_security_modes(void **state)
{
	(void)state;
	static const struct {
		enum wifi_sec sec;
		const char *label;        /* NULL: the input gave none */
		const char *id, *variant; /* NULL: no finding */
		enum fstatus st;
		unsigned line;
		enum item_status item;
		const char *evidence;
		const char *message;
	} cases[] = {
		{WSEC_OPEN, "open", "EL201", "open", FST_FAIL, 11, IST_FAIL, "security: open",
		 "Network \"home\" is open: anyone nearby can join it without a password."},
		{WSEC_OWE, "Enhanced Open", "EL201", "owe", FST_FAIL, 11, IST_FAIL,
		 "security: Enhanced Open",
		 "Network \"home\" uses Enhanced Open (OWE) only: traffic is encrypted but anyone "
		 "nearby can join."},
		{WSEC_WEP, "WEP", "EL202", "default", FST_FAIL, 11, IST_FAIL, "security: WEP",
		 "Network \"home\" uses WEP, which can be broken in minutes."},
		{WSEC_WPA, "WPA-PSK", "EL203", "wpa", FST_FAIL, 11, IST_FAIL, "security: WPA-PSK",
		 "Network \"home\" uses WPA (version 1) only."},
		{WSEC_WPA_WPA2, "WPA/WPA2 mixedmode-PSK", "EL203", "mixed", FST_FAIL, 11, IST_FAIL,
		 "security: WPA/WPA2 mixedmode-PSK",
		 "Network \"home\" accepts both WPA and WPA2, so the weaker WPA1 is still allowed."},
		{WSEC_WPA2, "WPA2-PSK(AES)", NULL, NULL, FST_PASS, 0, IST_PASS, NULL, NULL},
		/* Transition mode passes with its note (info, issue 15 §2). */
		{WSEC_WPA2_WPA3, "WPA2/WPA3", "EL208", "transition", FST_PASS, 11, IST_PASS,
		 "security: WPA2/WPA3",
		 "Network \"home\" runs WPA2/WPA3 transition mode: it meets 6-2, but a handshake "
		 "recorded from a device on WPA2 can be guessed offline, so the passphrase must stay "
		 "strong."},
		{WSEC_WPA3, "WPA3-SAE", NULL, NULL, FST_PASS, 0, IST_PASS, NULL, NULL},
		{WSEC_WPA2_ENT, "WPA2-EAP", NULL, NULL, FST_PASS, 0, IST_PASS, NULL, NULL},
		{WSEC_WPA3_ENT, "wpa3-enterprise", NULL, NULL, FST_PASS, 0, IST_PASS, NULL, NULL},
		/* The mode name stands in for a missing label in the evidence. */
		{WSEC_WEP, NULL, "EL202", "default", FST_FAIL, 10, IST_FAIL, "security: wep",
		 "Network \"home\" uses WEP, which can be broken in minutes."},
		{WSEC_UNSET, NULL, "EL206", "missing", FST_UNKNOWN, 10, IST_UNKNOWN, NULL,
		 "Network \"home\" has no security mode in the input."},
		{WSEC_UNKNOWN, "WPA2 Super", "EL206", "unreadable", FST_UNKNOWN, 11, IST_UNKNOWN,
		 "security: WPA2 Super",
		 "The security mode of network \"home\" could not be understood."},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct input in;
		new_input(&in);
		quiet_device(&in);
		add_net(&in, "home", 10, cases[i].sec, cases[i].label, STRONG);
		run_checks(&in);
		if (cases[i].id) {
			struct want w = {cases[i].id, cases[i].variant, cases[i].st, cases[i].line,
					 ITEM_6_2};
			expect_findings(&in, &w, 1);
			assert_int_equal(in.findings[0].severity,
					 cases[i].st == FST_PASS
						 ? SEV_INFO
						 : registry_rule(&g_reg, cases[i].id)->severity);
			expect_evidence(&in, 0, cases[i].evidence);
			expect_message(&in, 0, LANG_EN, cases[i].message);
		} else {
			if (in.nfindings)
				fail_msg("case %zu (%s): unexpected findings", i, cases[i].label);
		}
		expect_item(&in, ITEM_6_2, cases[i].item, NULL);
		expect_quiet_items(&in);
		input_free(&in);
	}
}

static void test_wifi_security_japanese_and_severity(void **state)
{
	(void)state;
	struct input in;
	new_input(&in);
	quiet_device(&in);
	add_net(&in, "home", 10, WSEC_OPEN, "open", NULL);
	add_net(&in, "kid", 20, WSEC_WEP, "WEP128", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL201", "open", FST_FAIL, 11, ITEM_6_2},
	       {"EL202", "default", FST_FAIL, 21, ITEM_6_2});
	assert_int_equal(in.findings[0].severity, SEV_CRITICAL);
	assert_int_equal(in.findings[1].severity, SEV_CRITICAL);
	expect_message(&in, 0, LANG_JA,
		       "ネットワーク「home」はオープンです。近くの誰でもパスワードなしで接続できます。");
	expect_message(&in, 1, LANG_JA,
		       "ネットワーク「kid」は WEP を使っており、数分で破られます。");
	expect_item(&in, ITEM_6_2, IST_FAIL, NULL);
	input_free(&in);
}

static void test_wifi_tkip(void **state)
{
	(void)state;
	struct input in;
	/* TKIP only on WPA2, with its own line: a failure (issue 15 §2). */
	new_input(&in);
	quiet_device(&in);
	struct wifi_net *w = add_net(&in, "home", 10, WSEC_WPA2, "WPA2-PSK", STRONG);
	w->cipher = WCIPH_TKIP;
	w->cipher_line = 13;
	run_checks(&in);
	EXPECT(&in, {"EL207", "default", FST_FAIL, 13, ITEM_6_2});
	assert_int_equal(in.findings[0].severity, SEV_HIGH);
	expect_evidence(&in, 0, "cipher: tkip");
	expect_message(&in, 0, LANG_EN,
		       "Network \"home\" offers only TKIP (tkip), so no device can use AES.");
	expect_message(&in, 0, LANG_JA,
		       "ネットワーク「home」は TKIP しか使えません（tkip）。どの端末も AES を使えません。");
	expect_item(&in, ITEM_6_2, IST_FAIL, NULL);
	expect_quiet_items(&in);
	input_free(&in);

	/* TKIP+AES named by the label only: the label's line; transition mode
	 * adds its note (pass, info). */
	new_input(&in);
	quiet_device(&in);
	w = add_net(&in, "home", 10, WSEC_WPA2_WPA3, "WPA2-PSK(TKIP/AES)", STRONG);
	w->cipher = WCIPH_TKIP_AES;
	run_checks(&in);
	EXPECT(&in, {"EL204", "default", FST_WARN, 11, ITEM_6_2},
	       {"EL208", "transition", FST_PASS, 11, ITEM_6_2});
	assert_int_equal(in.findings[0].severity, SEV_MEDIUM);
	assert_int_equal(in.findings[1].severity, SEV_INFO);
	expect_evidence(&in, 0, "cipher: tkip-aes");
	expect_message(&in, 0, LANG_EN, "Network \"home\" allows TKIP (tkip-aes).");
	expect_message(&in, 0, LANG_JA, "ネットワーク「home」は TKIP を許可しています（tkip-aes）。");
	expect_item(&in, ITEM_6_2, IST_WARN, NULL);
	input_free(&in);

	/* TKIP beside WPA/WPA2 mixed: the mode fails and the cipher is
	 * reported too (a setting of its own); TKIP only there is EL207. */
	new_input(&in);
	quiet_device(&in);
	w = add_net(&in, "mixed", 10, WSEC_WPA_WPA2, "WPA/WPA2-PSK", STRONG);
	w->cipher = WCIPH_TKIP_AES;
	w->cipher_line = 12;
	w = add_net(&in, "mixed-tkip", 20, WSEC_WPA_WPA2, "WPA/WPA2-PSK(TKIP)", STRONG);
	w->cipher = WCIPH_TKIP;
	w->cipher_line = 22;
	run_checks(&in);
	EXPECT(&in, {"EL203", "mixed", FST_FAIL, 11, ITEM_6_2},
	       {"EL204", "default", FST_WARN, 12, ITEM_6_2},
	       {"EL203", "mixed", FST_FAIL, 21, ITEM_6_2},
	       {"EL207", "default", FST_FAIL, 22, ITEM_6_2});
	expect_item(&in, ITEM_6_2, IST_FAIL, NULL);
	input_free(&in);

	/* AES only: nothing. */
	new_input(&in);
	quiet_device(&in);
	w = add_net(&in, "home", 10, WSEC_WPA2, "WPA2-PSK", STRONG);
	w->cipher = WCIPH_AES;
	w->cipher_line = 13;
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_6_2, IST_PASS, NULL);
	input_free(&in);

	/* TKIP on WPA1: the mode's failure says it all. */
	new_input(&in);
	quiet_device(&in);
	w = add_net(&in, "home", 10, WSEC_WPA, "WPA-PSK(TKIP)", STRONG);
	w->cipher = WCIPH_TKIP;
	w->cipher_line = 11;
	run_checks(&in);
	EXPECT(&in, {"EL203", "wpa", FST_FAIL, 11, ITEM_6_2});
	expect_item(&in, ITEM_6_2, IST_FAIL, NULL);
	input_free(&in);
}

/* WPA3 and PMF (issue 15 §2): SAE without PMF, SAE only with PMF
 * optional, transition mode's note, PMF not said; 6 GHz. */
static void test_wifi_pmf_and_6ghz(void **state)
{
	(void)state;
	struct input in;
	new_input(&in);
	quiet_device(&in);
	struct wifi_net *w = add_net(&in, "sae-off", 10, WSEC_WPA3, "wpa3", STRONG);
	w->pmf = WPMF_OFF;   /* the format's default: no line */
	w = add_net(&in, "sae-opt", 20, WSEC_WPA3, "wpa3", STRONG);
	w->pmf = WPMF_OPTIONAL;
	w->pmf_line = 23;
	w = add_net(&in, "sae-req", 30, WSEC_WPA3, "wpa3", STRONG);
	w->pmf = WPMF_REQUIRED;
	w->pmf_line = 33;
	w = add_net(&in, "trans-opt", 40, WSEC_WPA2_WPA3, "wpa2/wpa3", STRONG);
	w->pmf = WPMF_OPTIONAL;
	w->pmf_line = 43;
	w = add_net(&in, "sae-unsaid", 50, WSEC_WPA3, "wpa3", STRONG);
	run_checks(&in);
	EXPECT(&in, {"EL208", "pmf-off", FST_WARN, 11, ITEM_6_2},
	       {"EL208", "pmf-optional", FST_WARN, 23, ITEM_6_2},
	       {"EL208", "transition", FST_PASS, 41, ITEM_6_2});
	assert_int_equal(in.findings[0].severity, SEV_MEDIUM);
	assert_int_equal(in.findings[2].severity, SEV_INFO);
	expect_evidence(&in, 0, "PMF: off");
	expect_evidence(&in, 1, "PMF: optional");
	expect_evidence(&in, 2, "security: wpa2/wpa3");
	expect_message(&in, 0, LANG_EN,
		       "Network \"sae-off\" uses WPA3 (SAE) with management frame protection (PMF) "
		       "off: not WPA3 as the Wi-Fi Alliance defines it, and some devices refuse to join.");
	expect_message(&in, 0, LANG_JA,
		       "ネットワーク「sae-off」は WPA3（SAE）ですが、管理フレーム保護（PMF）が無効です。"
		       "Wi-Fi Alliance の定める WPA3 ではなく、接続を拒む端末もあります。");
	expect_message(&in, 2, LANG_JA,
		       "ネットワーク「trans-opt」は WPA2/WPA3 移行モードです。6-2 は満たしますが、WPA2 で"
		       "接続した端末の認証を記録すればオフラインで推測を試せるため、強いパスフレーズを"
		       "保ってください。");
	expect_item(&in, ITEM_6_2, IST_WARN, NULL);
	input_free(&in);

	/* 6 GHz ("6GHz", OpenWrt "6g", RouterOS "6ghz-ax", "6 GHz"): WPA2 in
	 * any form fails, WPA3 without PMF required fails (EL209 instead of
	 * EL208), WPA3 with it passes; 60 GHz is not 6 GHz. */
	new_input(&in);
	quiet_device(&in);
	w = add_net(&in, "six-wpa2", 10, WSEC_WPA2, "WPA2-PSK", STRONG);
	w->band = (struct sval){"6GHz", 12};
	w = add_net(&in, "six-trans", 20, WSEC_WPA2_WPA3, "wpa2/wpa3", STRONG);
	w->band = (struct sval){"6g", 22};
	w->pmf = WPMF_OPTIONAL;
	w = add_net(&in, "six-sae-opt", 30, WSEC_WPA3, "wpa3", STRONG);
	w->band = (struct sval){"6ghz-ax", 32};
	w->pmf = WPMF_OPTIONAL;
	w->pmf_line = 33;
	w = add_net(&in, "six-ok", 40, WSEC_WPA3, "wpa3", STRONG);
	w->band = (struct sval){"6 GHz", 42};
	w->pmf = WPMF_REQUIRED;
	w = add_net(&in, "sixty", 50, WSEC_WPA2, "WPA2-PSK", STRONG);
	w->band = (struct sval){"60GHz", 52};
	run_checks(&in);
	EXPECT(&in, {"EL209", "not-wpa3", FST_FAIL, 11, ITEM_6_2},
	       {"EL209", "not-wpa3", FST_FAIL, 21, ITEM_6_2},
	       {"EL209", "pmf", FST_FAIL, 33, ITEM_6_2});
	assert_int_equal(in.findings[0].severity, SEV_HIGH);
	expect_message(&in, 0, LANG_EN,
		       "Network \"six-wpa2\" is on the 6 GHz band but still allows WPA2; the band "
		       "allows WPA3 only.");
	expect_message(&in, 2, LANG_JA,
		       "ネットワーク「six-sae-opt」は 6GHz 帯の WPA3 ですが、管理フレーム保護（PMF）が"
		       "必須になっていません。6GHz 帯では必須です。");
	expect_item(&in, ITEM_6_2, IST_FAIL, NULL);
	input_free(&in);
}

static void test_wifi_skipped_networks(void **state)
{
	(void)state;
	struct input in;
	/* A disabled open network and an open client uplink are skipped; the
	 * enabled WPA2 access point passes. */
	new_input(&in);
	quiet_device(&in);
	struct wifi_net *off = add_net(&in, "off", 10, WSEC_OPEN, "open", NULL);
	off->enabled = false;
	struct wifi_net *sta = add_net(&in, "uplink", 20, WSEC_WEP, "WEP", "password");
	sta->is_ap = false;
	struct wifi_net *offwpa = add_net(&in, "old", 30, WSEC_WPA2, "WPA2", "password");
	offwpa->enabled = false;
	add_net(&in, "home", 40, WSEC_WPA2, "WPA2-PSK(AES)", STRONG);
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_6_2, IST_PASS, NULL);
	expect_quiet_items(&in);
	input_free(&in);

	/* Only disabled networks and a client: not applicable. */
	new_input(&in);
	quiet_device(&in);
	off = add_net(&in, "off", 10, WSEC_OPEN, "open", NULL);
	off->enabled = false;
	sta = add_net(&in, "uplink", 20, WSEC_WPA2, "WPA2", "password");
	sta->is_ap = false;
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_6_2, IST_NA, "no-enabled-wifi");
	expect_quiet_items(&in);
	input_free(&in);

	/* No networks at all: unknown. */
	new_input(&in);
	quiet_device(&in);
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_6_2, IST_UNKNOWN, "no-wifi-listed");
	expect_quiet_items(&in);
	input_free(&in);
}

static void test_wifi_wps(void **state)
{
	(void)state;
	struct input in;
	new_input(&in);
	quiet_device(&in);
	in.dev.wps = TRI_YES;
	in.dev.wps_line = 19;
	add_net(&in, "home", 10, WSEC_WPA3, "WPA3-SAE", STRONG);
	run_checks(&in);
	EXPECT(&in, {"EL205", "default", FST_WARN, 19, ITEM_6_2});
	assert_int_equal(in.findings[0].severity, SEV_MEDIUM);
	expect_evidence(&in, 0, "wps_enabled: true");
	expect_message(&in, 0, LANG_EN,
		       "WPS is on; its PIN can be guessed to obtain the Wi-Fi passphrase.");
	expect_item(&in, ITEM_6_2, IST_WARN, NULL);
	input_free(&in);

	/* WPS off: nothing. */
	new_input(&in);
	quiet_device(&in);
	in.dev.wps = TRI_NO;
	in.dev.wps_line = 19;
	add_net(&in, "home", 10, WSEC_WPA3, "WPA3-SAE", STRONG);
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_6_2, IST_PASS, NULL);
	input_free(&in);

	/* WPS on whose methods exclude a PIN (RouterOS: push-button only):
	 * EL205 is about the PIN, so nothing; with the PIN on, or not ruled
	 * out, the warning. */
	for (int pin = TRI_UNSET; pin <= TRI_YES; pin++) {
		new_input(&in);
		quiet_device(&in);
		device_wps_on(&in.dev, 19, (enum tri)pin, TRI_YES);
		add_net(&in, "home", 10, WSEC_WPA3, "WPA3-SAE", STRONG);
		run_checks(&in);
		if (pin == TRI_NO) {
			EXPECT_NONE(&in);
			expect_item(&in, ITEM_6_2, IST_PASS, NULL);
		} else {
			EXPECT(&in, {"EL205", "default", FST_WARN, 19, ITEM_6_2});
		}
		input_free(&in);
	}

	/* WPS on without networks listed: the warning outweighs "unknown". */
	new_input(&in);
	quiet_device(&in);
	in.dev.wps = TRI_YES;
	in.dev.wps_line = 3;
	run_checks(&in);
	EXPECT(&in, {"EL205", "default", FST_WARN, 3, ITEM_6_2});
	expect_item(&in, ITEM_6_2, IST_WARN, NULL);
	input_free(&in);
}

/* ---- passphrases ------------------------------------------------------------- */

static void test_passphrase_missing_empty_encrypted(void **state)
{
	(void)state;
	struct input in;
	/* Missing. */
	new_input(&in);
	quiet_device(&in);
	add_net(&in, "home", 10, WSEC_WPA2, "WPA2-PSK(AES)", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL258", "missing", FST_UNKNOWN, 10, ITEM_6_2});
	assert_int_equal(in.findings[0].severity, SEV_INFO);
	expect_evidence(&in, 0, NULL);
	expect_message(&in, 0, LANG_EN, "The input gives no passphrase for \"home\".");
	expect_message(&in, 0, LANG_JA, "「home」のパスフレーズが入力にありません。");
	expect_item(&in, ITEM_6_2, IST_UNKNOWN, NULL);
	expect_quiet_items(&in);
	input_free(&in);

	/* Present but empty. */
	new_input(&in);
	quiet_device(&in);
	add_net(&in, "home", 10, WSEC_WPA2, "WPA2-PSK(AES)", "");
	assert_int_equal(in.nsecrets, 0);
	assert_non_null(in.dev.wifi->pass);
	assert_int_equal(in.dev.wifi->pass_len, 0);
	run_checks(&in);
	EXPECT(&in, {"EL258", "empty", FST_UNKNOWN, 12, ITEM_6_2});
	expect_evidence(&in, 0, "passphrase: (hidden, 0 characters)");
	expect_message(&in, 0, LANG_EN, "The passphrase of \"home\" is empty.");
	expect_item(&in, ITEM_6_2, IST_UNKNOWN, NULL);
	input_free(&in);

	/* An OpenSSL "Salted__" blob. */
	new_input(&in);
	quiet_device(&in);
	/* (WPA2 only: transition mode would add EL208's note.) */
	add_net(&in, "home", 10, WSEC_WPA2, "WPA2-PSK",
		"U2FsdGVkX1+vupppZksvRf5pq5g5XjFRlipRkwB0K1Y=");
	run_checks(&in);
	EXPECT(&in, {"EL258", "encrypted", FST_UNKNOWN, 12, ITEM_6_2});
	expect_evidence(&in, 0, "passphrase: (hidden, 44 characters)");
	expect_message(&in, 0, LANG_EN,
		       "The passphrase of \"home\" is stored encrypted or hashed, so its strength "
		       "cannot be judged.");
	expect_item(&in, ITEM_6_2, IST_UNKNOWN, NULL);
	input_free(&in);

	/* Not judged at all for modes without a shared passphrase. */
	new_input(&in);
	quiet_device(&in);
	add_net(&in, "corp", 10, WSEC_WPA2_ENT, "WPA2-EAP", NULL);
	add_net(&in, "kid", 20, WSEC_WEP, "WEP", "password");
	add_net(&in, "cafe", 30, WSEC_OWE, "OWE", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL202", "default", FST_FAIL, 21, ITEM_6_2},
	       {"EL201", "owe", FST_FAIL, 31, ITEM_6_2});
	input_free(&in);
}

static void test_passphrase_common_and_strong(void **state)
{
	(void)state;
	struct input in;
	new_input(&in);
	quiet_device(&in);
	add_net(&in, "home", 10, WSEC_WPA2, "WPA2-PSK(AES)", "password");
	run_checks(&in);
	EXPECT(&in, {"EL253", "default", FST_FAIL, 12, ITEM_6_2});
	assert_int_equal(in.findings[0].severity, SEV_HIGH);
	expect_evidence(&in, 0, "passphrase: (hidden, 8 characters)");
	/* The rule text itself holds the secret "password" ("passwords"): our
	 * own words are never masked, so the mask cannot tell the reader the
	 * secret (issue 12 §1, issue 11 §2: "common ****s" before). */
	expect_message(&in, 0, LANG_EN,
		       "The passphrase of \"home\" is on a list of common passwords (or is one with "
		       "digits or symbols added).");
	expect_message(&in, 0, LANG_JA,
		       "「home」のパスフレーズはよく使われるパスワードの一覧にあります（または数字や記号を足しただけです）。");
	expect_item(&in, ITEM_6_2, IST_FAIL, NULL);
	expect_quiet_items(&in);
	input_free(&in);

	/* A strong one: no finding, 6-2 passes. */
	new_input(&in);
	quiet_device(&in);
	add_net(&in, "home", 10, WSEC_WPA2, "WPA2-PSK(AES)", STRONG);
	add_net(&in, "home-5g", 20, WSEC_WPA3, "WPA3-SAE", "velvet-canyon-orbit-lamp");
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_6_2, IST_PASS, NULL);
	expect_quiet_items(&in);
	input_free(&in);
}

/* The factory key (issue 15 §2): EL259 from the admin's
 * passphrase_from_label, failing with a factory network name
 * (rules/default-ssids.yaml) and an admin password never changed; EL257
 * (the shape alone) only when the admin said nothing, then naming the
 * maker of a factory network name. */
#define LABELKEY "k7fe3xm5a2rhp"   /* 13 lower-case letters and digits */
static void test_passphrase_label_key(void **state)
{
	(void)state;
	struct input in;
	new_input(&in);
	quiet_device(&in);
	in.dev.admin_pw_default = TRI_YES;
	in.dev.admin_pw_default_line = 30;
	struct wifi_net *w = add_net(&in, "Buffalo-G-7E21", 10, WSEC_WPA2, "WPA2", LABELKEY);
	w->label_key = WLK_YES;
	w->label_key_line = 13;
	w = add_net(&in, "tanaka-home", 20, WSEC_WPA2, "WPA2", LABELKEY);
	w->label_key = WLK_YES;
	w->label_key_line = 23;
	w = add_net(&in, "aterm-7d41c2-a", 40, WSEC_WPA2, "WPA2", "p4wq8nz2ka7ve");
	w->label_key = WLK_NO;
	w->label_key_line = 43;
	add_net(&in, "TP-Link_91AF", 50, WSEC_WPA2, "WPA2", "h3nd8qz5wa2mr");
	add_net(&in, "kitchen", 60, WSEC_WPA2, "WPA2", "m2vx7kq4tz9pe");
	run_checks(&in);
	EXPECT(&in, {"EL259", "factory-settings", FST_FAIL, 13, ITEM_6_2},
	       {"EL259", "label", FST_WARN, 23, ITEM_6_2},
	       {"EL257", "default-ssid", FST_WARN, 52, ITEM_6_2},
	       {"EL257", "default", FST_WARN, 62, ITEM_6_2},
	       /* the same unchanged admin password is also a 5-3 sign of a
		* router anyone can take over (issue 14 §3, checks/hijack.c) */
	       {"EL324", "default", FST_WARN, 30, ITEM_5_3});
	assert_int_equal(in.findings[0].severity, SEV_HIGH);
	assert_int_equal(in.findings[1].severity, SEV_MEDIUM);
	expect_evidence(&in, 0, "passphrase_from_label: yes");
	expect_message(&in, 0, LANG_EN,
		       "The passphrase of \"Buffalo-G-7E21\" is the key printed on the router's label, "
		       "the network keeps the maker's factory name (Buffalo) and the admin password was "
		       "never changed: the router runs on its factory settings.");
	expect_message(&in, 0, LANG_JA,
		       "「Buffalo-G-7E21」のパスフレーズはルータのラベルに印刷されたキーのままで、ネットワーク名"
		       "も出荷時の名前（Buffalo）、管理パスワードも変更されていません。ルータは出荷時の設定の"
		       "まま動いています。");
	expect_message(&in, 1, LANG_JA,
		       "事実ファイルによると、「tanaka-home」のパスフレーズはルータのラベルに印刷されたキーのままです。");
	expect_message(&in, 2, LANG_EN,
		       "The passphrase of \"TP-Link_91AF\" has the shape of a key printed on a router "
		       "label and the network keeps the maker's factory name (TP-Link); confirm the key "
		       "was changed (or say so with passphrase_from_label in a facts file).");
	expect_item(&in, ITEM_6_2, IST_FAIL, NULL);
	input_free(&in);

	/* The admin password changed (or not said): a label key only warns,
	 * whatever the network's name. */
	new_input(&in);
	quiet_device(&in);
	in.dev.admin_pw_default = TRI_NO;
	w = add_net(&in, "Buffalo-G-7E21", 10, WSEC_WPA2, "WPA2", LABELKEY);
	w->label_key = WLK_YES;
	w->label_key_line = 13;
	run_checks(&in);
	EXPECT(&in, {"EL259", "label", FST_WARN, 13, ITEM_6_2});
	expect_item(&in, ITEM_6_2, IST_WARN, NULL);
	input_free(&in);
}

/* The default network names: the first pattern that matches, '#' a
 * hexadecimal digit, '*' any run, case alike (rules/default-ssids.yaml). */
static void test_default_ssids(void **state)
{
	(void)state;
	static const struct {
		const char *ssid, *maker;
	} cases[] = {
		{"Buffalo-G-7E21", "Buffalo"},      {"buffalo-a-7e21-wpa3", "Buffalo"},
		{"Buffalo-2G-47C0", "Buffalo"},     {"aterm-7f3a2c-g", "NEC Aterm"},
		{"ATERM-7F3A2C-A", "NEC Aterm"},    {"TP-Link_91AF", "TP-Link"},
		{"TP-Link_91AF_5G", "TP-Link"},     {"elecom2g-b09b64", "ELECOM"},
		{"elecom-3f2a1b", "ELECOM"},        {"Buffalo-G-7E2", NULL},
		{"Buffalo-G-7E2Z", NULL},           {"aterm-7f3a2c-g2", NULL},
		{"TP-Link_5G_91AF", NULL},          {"tanaka-home", NULL},
		{"", NULL},
		/* issue 15 §2 remainder: I-O DATA, ASUS, NTT home gateways. */
		{"IODATA-dc3118-2G", "I-O DATA"},   {"IODATA-DC3118-5G", "I-O DATA"},
		{"IODATA-dc311-2G", NULL},          {"ASUS", "ASUS"},
		{"ASUS_5G", "ASUS"},                {"ASUS_5G-2", "ASUS"},
		{"ASUS_D8_2G", "ASUS"},             {"asus_28_5g", "ASUS"},
		{"ASUS_68_6G", "ASUS"},             {"ASUS_X01BDA", NULL},
		{"ASUS_D8", NULL},                  {"ASUS-Home", NULL},
		{"pr500k-b58382-1", "NTT"},         {"pr500m-9c8303-2", "NTT"},
		{"rt500k-57ed8b-3", "NTT"},         {"pr500k-27a997_3_RPT", NULL},
		{"pr500m-9c8303-12", NULL},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct default_ssid *d = default_ssid_find(g_ctx.reg, cases[i].ssid);
		if (!cases[i].maker && d)
			fail_msg("%s: matched %s, want none", cases[i].ssid, d->pattern);
		if (cases[i].maker && (!d || strcmp(d->maker, cases[i].maker) != 0))
			fail_msg("%s: %s, want %s", cases[i].ssid, d ? d->maker : "none",
				 cases[i].maker);
	}
	assert_null(default_ssid_find(g_ctx.reg, NULL));
}

static void test_passphrase_policy_min_length(void **state)
{
	(void)state;
	struct input in;
	/* The default minimum (12) passes a 20-character key... */
	new_input(&in);
	quiet_device(&in);
	add_net(&in, "home", 10, WSEC_WPA2, "WPA2-PSK(AES)", STRONG);
	run_checks(&in);
	EXPECT_NONE(&in);
	input_free(&in);

	/* ...a policy asking for 24 does not. */
	g_pol.passphrase_min_length = 24;
	g_pol.passphrase_min_length_set = true;
	new_input(&in);
	quiet_device(&in);
	add_net(&in, "home", 10, WSEC_WPA2, "WPA2-PSK(AES)", STRONG);
	run_checks(&in);
	EXPECT(&in, {"EL252", "default", FST_FAIL, 12, ITEM_6_2});
	assert_int_equal(in.findings[0].severity, SEV_HIGH);
	expect_evidence(&in, 0, "passphrase: (hidden, 20 characters)");
	expect_message(&in, 0, LANG_EN,
		       "The passphrase of \"home\" has 20 characters; edgelint's policy "
		       "(passphrase_min_length, not a figure of MIC's) asks for at least 24.");
	expect_message(&in, 0, LANG_JA,
		       "「home」のパスフレーズは 20 文字です。edgelint のポリシー（passphrase_min_length。"
		       "総務省の示す数値ではありません）では 24 文字以上が必要です。");
	struct strbuf sb;
	sb_init(&sb, 4096);
	assert_int_equal(finding_fix(&in, &in.findings[0], LANG_EN, &sb), 0);
	assert_string_equal(sb_str(&sb), "Use at least 24 characters; several unrelated words "
					 "are easy to type and hard to guess.");
	sb_free(&sb);
	expect_item(&in, ITEM_6_2, IST_FAIL, NULL);
	input_free(&in);

	/* The value without passphrase_min_length_set is ignored. */
	g_pol.passphrase_min_length_set = false;
	new_input(&in);
	quiet_device(&in);
	add_net(&in, "home", 10, WSEC_WPA2, "WPA2-PSK(AES)", STRONG);
	run_checks(&in);
	EXPECT_NONE(&in);
	input_free(&in);
}

/* ---- firmware and support ------------------------------------------------------ */

/* A firmware-only input: no Wi-Fi list, nothing about the internet side. */
static void fw_input(struct input *in, const char *vendor, const char *model)
{
	new_input(in);
	if (vendor)
		in->dev.vendor = (struct sval){vendor, 2};
	if (model)
		in->dev.model = (struct sval){model, 3};
	in->dev.remote_admin = TRI_NO;
	in->dev.remote_admin_line = 20;
}

static void days_from_today(long delta, char *buf, size_t n)
{
	date_format(g_ctx.today + delta, buf, n);
}

static void test_firmware_end_of_support_data(void **state)
{
	(void)state;
	static const char *const spellings[] = {"WG1800HP2", "Aterm WG1800HP2", "aterm wg1800hp2",
						"WG-1800HP2"};
	for (size_t i = 0; i < ARRAY_SIZE(spellings); i++) {
		struct input in;
		fw_input(&in, "nec", spellings[i]);
		run_checks(&in);
		EXPECT(&in, {"EL314", "default", FST_FAIL, 3, ITEM_5_3},
		       {"EL310", "ended", FST_FAIL, 3, ITEM_5_3},
		       {"EL315", "no-version", FST_UNKNOWN, 3, ITEM_5_3});
		assert_int_equal(in.findings[0].severity, SEV_CRITICAL);
		assert_int_equal(in.findings[1].severity, SEV_HIGH);
		assert_int_equal(in.findings[2].severity, SEV_INFO);
		char buf[200];
		snprintf(buf, sizeof(buf), "model: %s", spellings[i]);
		expect_evidence(&in, 0, buf);
		expect_evidence(&in, 1, buf);
		expect_evidence(&in, 2, NULL);
		snprintf(buf, sizeof(buf),
			 "%s has published vulnerabilities that will not be fixed (NEC NV24-001 / "
			 "CVE-2024-28015).",
			 spellings[i]);
		expect_message(&in, 0, LANG_EN, buf);
		snprintf(buf, sizeof(buf),
			 "%s: vendor support ended 2023-06 (source: "
			 "http://www1.aterm.jp/support/tech/2023/0627.html).",
			 spellings[i]);
		expect_message(&in, 1, LANG_EN, buf);
		expect_message(&in, 2, LANG_EN, "The input does not give the firmware version.");
		expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
		expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
		expect_item(&in, ITEM_6_2, IST_UNKNOWN, "no-wifi-listed");
		input_free(&in);
	}

	/* Japanese text of EL310 "ended". */
	struct input in;
	fw_input(&in, "nec", "WG1800HP2");
	in.dev.firmware = (struct sval){"1.0.0", 4};
	run_checks(&in);
	EXPECT(&in, {"EL314", "default", FST_FAIL, 3, ITEM_5_3},
	       {"EL310", "ended", FST_FAIL, 3, ITEM_5_3},
	       {"EL315", "no-latest", FST_UNKNOWN, 4, ITEM_5_3});
	expect_message(&in, 1, LANG_JA,
		       "WG1800HP2：メーカーのサポートは 2023-06 に終了しています（出典："
		       "http://www1.aterm.jp/support/tech/2023/0627.html）。");
	expect_message(&in, 2, LANG_EN,
		       "Firmware 1.0.0: edgelint does not know the latest release of WG1800HP2.");
	expect_evidence(&in, 2, "firmware_version: 1.0.0");
	input_free(&in);

	/* The data's vendor must match: a "buffalo" WG1800HP2 is not listed;
	 * the message names Buffalo's page (makers, issue 18 §2). */
	fw_input(&in, "buffalo", "WG1800HP2");
	in.dev.firmware = (struct sval){"1.0.0", 4};
	in.dev.latest_firmware = (struct sval){"1.0.0", 5};
	run_checks(&in);
	EXPECT(&in, {"EL312", "not-listed-page", FST_UNKNOWN, 3, ITEM_5_3});
	expect_message(&in, 0, LANG_EN,
		       "WG1800HP2 is not in edgelint's support data (as of 2026-11-21); check its end "
		       "of support and security notices on the maker's page https://www.buffalo.jp/news/.");
	input_free(&in);

	/* Data with a latest release (CG-WGR1200, latest 2.20). */
	fw_input(&in, "other", "CG-WGR1200");
	in.dev.firmware = (struct sval){"2.10", 4};
	run_checks(&in);
	EXPECT(&in, {"EL314", "default", FST_FAIL, 3, ITEM_5_3},
	       {"EL310", "ended", FST_FAIL, 3, ITEM_5_3},
	       {"EL311", "older", FST_FAIL, 4, ITEM_5_3});
	expect_message(&in, 2, LANG_EN, "Firmware 2.10 is older than the latest release 2.20.");
	input_free(&in);
}

static void test_firmware_support_end_from_input(void **state)
{
	(void)state;
	struct input in;
	char date[16];
	/* 100 days ahead: ending soon. */
	days_from_today(100, date, sizeof(date));
	assert_string_equal(date, "2027-03-01");
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.0", 4};
	in.dev.latest_firmware = (struct sval){"1.0", 5};
	run_checks(&in);
	EXPECT(&in, {"EL310", "ending-soon", FST_WARN, 3, ITEM_5_3});
	expect_evidence(&in, 0, "model: XR-TEST1");
	expect_message(&in, 0, LANG_EN,
		       "XR-TEST1: vendor support ends 2027-03-01, within 180 days (source: "
		       "support_end:).");
	expect_item(&in, ITEM_5_3, IST_WARN, NULL);
	input_free(&in);

	/* 400 days ahead: nothing; 5-3 passes. */
	days_from_today(400, date, sizeof(date));
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.0", 4};
	in.dev.latest_firmware = (struct sval){"1.0", 5};
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_5_3, IST_PASS, NULL);
	input_free(&in);

	/* Boundaries: 180 days ahead warns, 181 does not; the last day of
	 * support is "ending soon", the day after it "ended". */
	static const struct {
		long delta;
		const char *variant;   /* NULL: none */
		enum fstatus st;
	} b[] = {
		{180, "ending-soon", FST_WARN}, {181, NULL, FST_PASS},
		{0, "ending-soon", FST_WARN},   {-1, "ended", FST_FAIL},
	};
	for (size_t i = 0; i < ARRAY_SIZE(b); i++) {
		days_from_today(b[i].delta, date, sizeof(date));
		fw_input(&in, "other", "XR-TEST1");
		in.dev.support_end = (struct sval){date, 6};
		in.dev.firmware = (struct sval){"1.0", 4};
		in.dev.latest_firmware = (struct sval){"1.0", 5};
		run_checks(&in);
		if (b[i].variant) {
			struct want w = {"EL310", b[i].variant, b[i].st, 3, ITEM_5_3};
			expect_findings(&in, &w, 1);
		} else {
			EXPECT_NONE(&in);
		}
		input_free(&in);
	}

	/* A month: the end of that month, written as given. */
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){"2023-06", 6};
	in.dev.firmware = (struct sval){"1.0", 4};
	in.dev.latest_firmware = (struct sval){"1.0", 5};
	run_checks(&in);
	EXPECT(&in, {"EL310", "ended", FST_FAIL, 3, ITEM_5_3});
	expect_message(&in, 0, LANG_EN,
		       "XR-TEST1: vendor support ended 2023-06 (source: support_end:).");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	input_free(&in);

	/* A listed model without a date in the data: the input's date counts. */
	days_from_today(100, date, sizeof(date));
	fw_input(&in, "buffalo", "WSR-1800AX4S");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.11", 4};
	in.dev.latest_firmware = (struct sval){"1.11", 5};
	run_checks(&in);
	EXPECT(&in, {"EL310", "ending-soon", FST_WARN, 3, ITEM_5_3});
	input_free(&in);

	/* A date in the data wins over the input's. */
	fw_input(&in, "nec", "WG2600HP3");
	in.dev.support_end = (struct sval){"2040-01-01", 6};
	in.dev.firmware = (struct sval){"1.0", 4};
	in.dev.latest_firmware = (struct sval){"1.0", 5};
	run_checks(&in);
	EXPECT(&in, {"EL310", "ended", FST_FAIL, 3, ITEM_5_3});
	expect_message(&in, 0, LANG_EN,
		       "WG2600HP3: vendor support ended 2025-08 (source: "
		       "https://internet.watch.impress.co.jp/docs/special/2046952.html).");
	input_free(&in);
}

static void test_firmware_first_fixed_release(void **state)
{
	(void)state;
	struct input in;
	fw_input(&in, "buffalo", "WSR-1800AX4S");
	in.dev.firmware = (struct sval){"1.10", 4};
	run_checks(&in);
	EXPECT(&in, {"EL316", "default", FST_FAIL, 4, ITEM_5_3},
	       {"EL315", "no-latest", FST_UNKNOWN, 4, ITEM_5_3});
	assert_int_equal(in.findings[0].severity, SEV_CRITICAL);
	expect_evidence(&in, 0, "firmware_version: 1.10");
	expect_message(&in, 0, LANG_EN,
		       "Firmware 1.10 is older than 1.11, the first release that fixes "
		       "JVN#13754005 / CVE-2025-46413.");
	expect_message(&in, 1, LANG_EN,
		       "Firmware 1.10: edgelint does not know the latest release of WSR-1800AX4S.");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	input_free(&in);

	/* 1.11 is the fixed release: no EL316 (only the unknown latest). */
	fw_input(&in, "buffalo", "WSR-1800AX4S");
	in.dev.firmware = (struct sval){"1.11", 4};
	run_checks(&in);
	EXPECT(&in, {"EL315", "no-latest", FST_UNKNOWN, 4, ITEM_5_3});
	expect_item(&in, ITEM_5_3, IST_UNKNOWN, NULL);
	input_free(&in);

	/* 1.11 and the admin says it is the latest: 5-3 passes. */
	fw_input(&in, "buffalo", "WSR-1800AX4S");
	in.dev.firmware = (struct sval){"1.11", 4};
	in.dev.latest_firmware = (struct sval){"1.11", 5};
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_5_3, IST_PASS, NULL);
	input_free(&in);
}

static void test_firmware_latest(void **state)
{
	(void)state;
	struct input in;
	char date[16];
	days_from_today(1000, date, sizeof(date));
	/* Older than the latest the admin wrote. */
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.2.1", 4};
	in.dev.latest_firmware = (struct sval){"1.3.0", 5};
	run_checks(&in);
	EXPECT(&in, {"EL311", "older", FST_FAIL, 4, ITEM_5_3});
	assert_int_equal(in.findings[0].severity, SEV_HIGH);
	expect_evidence(&in, 0, "firmware_version: 1.2.1");
	expect_message(&in, 0, LANG_EN, "Firmware 1.2.1 is older than the latest release 1.3.0.");
	expect_message(&in, 0, LANG_JA, "ファームウェア 1.2.1 は最新版 1.3.0 より古い版です。");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	input_free(&in);

	/* Newer than the latest written: nothing. */
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.4", 4};
	in.dev.latest_firmware = (struct sval){"1.3.0", 5};
	run_checks(&in);
	EXPECT_NONE(&in);
	input_free(&in);

	/* Not comparable. */
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.2.1", 4};
	in.dev.latest_firmware = (struct sval){"abc", 5};
	run_checks(&in);
	EXPECT(&in, {"EL315", "not-comparable", FST_UNKNOWN, 4, ITEM_5_3});
	expect_message(&in, 0, LANG_EN, "Firmware versions 1.2.1 and abc cannot be compared.");
	expect_item(&in, ITEM_5_3, IST_UNKNOWN, NULL);
	input_free(&in);

	/* No latest, a build older than firmware_max_age_days (365). */
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.2.1", 4};
	in.dev.firmware_date = (struct sval){"2025-01-01", 7};
	run_checks(&in);
	EXPECT(&in, {"EL311", "old-build", FST_WARN, 7, ITEM_5_3});
	assert_int_equal(in.findings[0].severity, SEV_HIGH);
	expect_evidence(&in, 0, "firmware_version: 1.2.1");
	expect_message(&in, 0, LANG_EN,
		       "Firmware 1.2.1 was built on 2025-01-01, more than 365 days ago, and no "
		       "newer release is known to edgelint.");
	expect_item(&in, ITEM_5_3, IST_WARN, NULL);
	input_free(&in);

	/* Exactly 365 days old is not "more than": the latest stays unknown;
	 * 366 days is old. */
	char built[16];
	days_from_today(-365, built, sizeof(built));
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.2.1", 4};
	in.dev.firmware_date = (struct sval){built, 7};
	run_checks(&in);
	EXPECT(&in, {"EL315", "no-latest", FST_UNKNOWN, 4, ITEM_5_3});
	input_free(&in);
	days_from_today(-366, built, sizeof(built));
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.2.1", 4};
	in.dev.firmware_date = (struct sval){built, 7};
	run_checks(&in);
	EXPECT(&in, {"EL311", "old-build", FST_WARN, 7, ITEM_5_3});
	input_free(&in);

	/* The policy's firmware_max_age_days sets the bar. */
	g_pol.firmware_max_age_days = 30;
	days_from_today(-60, built, sizeof(built));
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.2.1", 4};
	in.dev.firmware_date = (struct sval){built, 7};
	run_checks(&in);
	EXPECT(&in, {"EL311", "old-build", FST_WARN, 7, ITEM_5_3});
	char want[200];
	snprintf(want, sizeof(want),
		 "Firmware 1.2.1 was built on %s, more than 30 days ago, and no newer release is "
		 "known to edgelint.",
		 built);
	expect_message(&in, 0, LANG_EN, want);
	input_free(&in);
	g_pol.firmware_max_age_days = 365;

	/* No latest, no date. */
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.firmware = (struct sval){"1.2.1", 4};
	run_checks(&in);
	EXPECT(&in, {"EL315", "no-latest", FST_UNKNOWN, 4, ITEM_5_3});
	expect_evidence(&in, 0, "firmware_version: 1.2.1");
	expect_message(&in, 0, LANG_EN,
		       "Firmware 1.2.1: edgelint does not know the latest release of XR-TEST1.");
	expect_item(&in, ITEM_5_3, IST_UNKNOWN, NULL);
	input_free(&in);

	/* No firmware version. */
	fw_input(&in, "other", "XR-TEST1");
	in.dev.support_end = (struct sval){date, 6};
	in.dev.latest_firmware = (struct sval){"1.3.0", 5};
	run_checks(&in);
	EXPECT(&in, {"EL315", "no-version", FST_UNKNOWN, 3, ITEM_5_3});
	expect_evidence(&in, 0, NULL);
	expect_item(&in, ITEM_5_3, IST_UNKNOWN, NULL);
	input_free(&in);
}

static void test_firmware_model_and_auto_update(void **state)
{
	(void)state;
	struct input in;
	/* No model. */
	fw_input(&in, "buffalo", NULL);
	in.dev.firmware = (struct sval){"1.0", 4};
	in.dev.latest_firmware = (struct sval){"1.0", 5};
	run_checks(&in);
	EXPECT(&in, {"EL312", "no-model", FST_UNKNOWN, 2, ITEM_5_3});
	assert_int_equal(in.findings[0].severity, SEV_INFO);
	expect_evidence(&in, 0, NULL);
	expect_message(&in, 0, LANG_EN, "The input does not name the router model.");
	expect_item(&in, ITEM_5_3, IST_UNKNOWN, NULL);
	input_free(&in);

	/* No model and nothing else: EL312 alone says what is missing (no
	 * EL315 naming a model that is not there). */
	fw_input(&in, NULL, NULL);
	in.dev.firmware = (struct sval){"1.0", 4};
	run_checks(&in);
	EXPECT(&in, {"EL312", "no-model", FST_UNKNOWN, 0, ITEM_5_3});
	input_free(&in);

	/* A model not in the data, no date from the admin. */
	fw_input(&in, "other", "XR-TEST1");
	in.dev.firmware = (struct sval){"1.0", 4};
	in.dev.latest_firmware = (struct sval){"1.0", 5};
	run_checks(&in);
	EXPECT(&in, {"EL312", "not-listed", FST_UNKNOWN, 3, ITEM_5_3});
	expect_evidence(&in, 0, "model: XR-TEST1");
	expect_message(&in, 0, LANG_EN,
		       "XR-TEST1 is not in edgelint's support data (as of 2026-11-21); look up "
		       "its end of support on the maker's site.");
	expect_message(&in, 0, LANG_JA,
		       "XR-TEST1 は edgelint のサポートデータ（2026-11-21 時点）にありません。"
		       "メーカーのサイトでサポート期限を確認してください。");
	expect_item(&in, ITEM_5_3, IST_UNKNOWN, NULL);
	input_free(&in);

	/* Automatic updates off; on is fine. */
	new_input(&in);
	quiet_device(&in);
	in.dev.auto_update = TRI_NO;
	in.dev.auto_update_line = 7;
	run_checks(&in);
	EXPECT(&in, {"EL313", "default", FST_WARN, 7, ITEM_5_3});
	assert_int_equal(in.findings[0].severity, SEV_LOW);
	expect_evidence(&in, 0, "auto_update: false");
	expect_message(&in, 0, LANG_EN, "Automatic firmware updates are off.");
	expect_item(&in, ITEM_5_3, IST_WARN, NULL);
	input_free(&in);
	new_input(&in);
	quiet_device(&in);
	in.dev.auto_update = TRI_YES;
	in.dev.auto_update_line = 7;
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_5_3, IST_PASS, NULL);
	input_free(&in);

	/* No device at all: 5-3 unknown (no-device); 3-2 as for any facts file
	 * without remote_admin/upnp. */
	input_init(&in, "facts.yaml");
	in.kind = input_kind_named("router-facts");
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_5_3, IST_UNKNOWN, "no-device");
	expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_6_2, IST_UNKNOWN, "no-wifi-listed");
	expect_item(&in, ITEM_5_4, IST_NA, "kind-does-not-feed");
	input_free(&in);
}

/* Regression (found by these tests, fixed): check_firmware_support() called
 * judge_support() only when router: names a model, so a support_end the
 * admin wrote is ignored without one: support that ended in 2020-01 gives
 * only EL312 "no-model" (unknown) and 5-3 settles "unknown" instead of
 * EL310 "ended" and "fail". (The line the fix gives EL310 is left open:
 * model.line is 0 here.) */
static void test_firmware_support_end_without_model(void **state)
{
	(void)state;
	struct input in;
	fw_input(&in, "buffalo", NULL);
	in.dev.support_end = (struct sval){"2020-01", 6};
	in.dev.firmware = (struct sval){"1.0", 4};
	in.dev.latest_firmware = (struct sval){"1.0", 5};
	run_checks(&in);
	bool ended = false;
	for (size_t i = 0; i < in.nfindings; i++)
		ended |= strcmp(in.findings[i].rule->id, "EL310") == 0 &&
			 strcmp(in.findings[i].variant, "ended") == 0 &&
			 in.findings[i].status == FST_FAIL && in.findings[i].item == ITEM_5_3;
	if (!ended) {
		dump_findings(&in);
		fail_msg("no EL310 ended for support_end 2020-01 without a model");
	}
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	input_free(&in);
}


/* ---- firmware distributions (rules/firmware/home-firmware.yaml) ------------- */

/* A device running a distribution, firmware on line 5 (and its build date
 * on line 6 when given). */
static void distro_input(struct input *in, const char *distro, const char *model,
			 const char *fw, const char *date)
{
	fw_input(in, NULL, model);
	in->dev.distro = distro;
	if (fw)
		in->dev.firmware = (struct sval){fw, 5};
	if (date)
		in->dev.firmware_date = (struct sval){date, 6};
}

static void test_distro_openwrt(void **state)
{
	(void)state;
	struct input in;
	/* 21.02 reached its end of life in 2023-05, and 21.02.3 is behind
	 * 21.02.7 too. */
	distro_input(&in, "openwrt", NULL, "21.02.3", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL317", "distro-ended", FST_FAIL, 5, ITEM_5_3},
	       {"EL311", "distro-older", FST_FAIL, 5, ITEM_5_3});
	expect_message(&in, 0, LANG_EN,
		       "OpenWrt 21.02 reached its end of life on 2023-05: no security fixes are "
		       "released for it any more (source: https://openwrt.org/docs/guide-developer/security; data "
		       "as of 2026-11-22).");
	expect_message(&in, 1, LANG_EN,
		       "OpenWrt 21.02.3 is older than 21.02.7, the latest release of the 21.02 "
		       "line: update to it (data as of 2026-11-22).");
	expect_evidence(&in, 0, "firmware: 21.02.3");
	assert_string_equal(in.findings[0].evidence_ja, "ファームウェア: 21.02.3");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	input_free(&in);

	/* The newest release of a supported series: nothing to say. */
	distro_input(&in, "openwrt", "Netgear R7800", "25.12.5", NULL);
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_5_3, IST_PASS, NULL);
	input_free(&in);

	/* An older point release of it, and a release candidate. */
	distro_input(&in, "openwrt", NULL, "25.12.2", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL311", "distro-older", FST_FAIL, 5, ITEM_5_3});
	input_free(&in);

	/* Older than every series in the data; newer than all of them. */
	distro_input(&in, "openwrt", NULL, "10.03.1", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL317", "distro-older-than-data", FST_FAIL, 5, ITEM_5_3});
	input_free(&in);
	distro_input(&in, "openwrt", NULL, "27.06.0", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL315", "distro-not-listed", FST_UNKNOWN, 5, ITEM_5_3});
	expect_item(&in, ITEM_5_3, IST_UNKNOWN, NULL);
	input_free(&in);

	/* SNAPSHOT: judged by its build date (2025-01-24 is 666 days before
	 * 2026-11-21: past the 365-day warning, not the 730-day failure). */
	distro_input(&in, "openwrt", NULL, "SNAPSHOT", "2025-01-24");
	in.dev.snapshot = true;
	run_checks(&in);
	EXPECT(&in, {"EL311", "build-age", FST_WARN, 6, ITEM_5_3});
	expect_message(&in, 0, LANG_EN,
		       "OpenWrt SNAPSHOT was built on 2025-01-24, 666 days ago; a build older than "
		       "365 days misses the security fixes made since (data as of 2026-11-22).");
	input_free(&in);
	distro_input(&in, "openwrt", NULL, "SNAPSHOT", NULL);
	in.dev.snapshot = true;
	run_checks(&in);
	EXPECT(&in, {"EL315", "no-build-date", FST_UNKNOWN, 5, ITEM_5_3});
	input_free(&in);
	/* A trunk build named by the codename of an ended series. */
	distro_input(&in, "openwrt", NULL, "Bleeding Edge", NULL);
	in.dev.snapshot = true;
	in.dev.codename = "chaos_calmer";
	run_checks(&in);
	EXPECT(&in, {"EL317", "distro-ended", FST_FAIL, 5, ITEM_5_3});
	expect_message(&in, 0, LANG_EN,
		       "OpenWrt 15.05 reached its end of life on 2020-12: no security fixes are "
		       "released for it any more (source: http://the-uncensored-wiki.com:20161/"
		       "2016-wikipedia_en_all_2016-02/A/OpenWrt_Buildroot.html; data as of "
		       "2026-11-22).");
	input_free(&in);
	/* A snapshot of an ended series fails for the series alone. */
	distro_input(&in, "openwrt", NULL, "19.07-SNAPSHOT", NULL);
	in.dev.snapshot = true;
	run_checks(&in);
	EXPECT(&in, {"EL317", "distro-ended", FST_FAIL, 5, ITEM_5_3});
	input_free(&in);

	/* No release file given with the configuration. */
	distro_input(&in, "openwrt", NULL, NULL, NULL);
	in.dev.model = (struct sval){NULL, 0};
	in.dev.vendor = (struct sval){"openwrt", 2};
	run_checks(&in);
	EXPECT(&in, {"EL315", "distro-no-version", FST_UNKNOWN, 2, ITEM_5_3});
	expect_message(&in, 0, LANG_EN,
		       "OpenWrt: the firmware version is not in this input; give "
		       "/etc/openwrt_release or /etc/os-release (or the output of 'ubus call "
		       "system board') together with the configuration.");
	input_free(&in);
}

static void test_distro_merlin_routeros_ddwrt(void **state)
{
	(void)state;
	struct input in;
	/* RT-AC68U on 380.59: its newest branch (386) has ended, and 380 is
	 * behind it. */
	distro_input(&in, "asuswrt-merlin", "RT-AC68U", "380.59_X6.6.1", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL317", "distro-ended", FST_FAIL, 5, ITEM_5_3},
	       {"EL311", "distro-older", FST_FAIL, 5, ITEM_5_3});
	expect_message(&in, 1, LANG_EN,
		       "Asuswrt-Merlin 380.59_X6.6.1 is older than 386.14_2, the latest release of "
		       "the 386 line: update to it (data as of 2026-11-22).");
	input_free(&in);
	/* A model Merlin dropped. */
	distro_input(&in, "asuswrt-merlin", "RT-AC66U", "380.70", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL317", "distro-dropped", FST_FAIL, 3, ITEM_5_3});
	input_free(&in);
	/* 3004.388.x on an AX model: current, then one behind. The branch
	 * and the release within it are model fields (the nvram parser's),
	 * the evidence the firmware as Merlin names it. */
	distro_input(&in, "asuswrt-merlin", "RT-AX86U", "3004.388.12_2", NULL);
	in.dev.fw_branch = "388";
	in.dev.fw_release = "388.12_2";
	run_checks(&in);
	EXPECT_NONE(&in);
	input_free(&in);
	distro_input(&in, "asuswrt-merlin", "RT-AX86U", "3004.388.8_4", NULL);
	in.dev.fw_branch = "388";
	in.dev.fw_release = "388.8_4";
	run_checks(&in);
	EXPECT(&in, {"EL311", "distro-older", FST_FAIL, 5, ITEM_5_3});
	expect_evidence(&in, 0, "firmware: 3004.388.8_4");
	assert_string_equal(in.findings[0].evidence_ja, "ファームウェア: 3004.388.8_4");
	input_free(&in);
	/* 3006.102.x: branch 3006, compared within it (102.1 < 102.8_4). */
	distro_input(&in, "asuswrt-merlin", "GT-BE98_PRO", "3006.102.1", NULL);
	in.dev.fw_branch = "3006";
	in.dev.fw_release = "102.1";
	run_checks(&in);
	EXPECT(&in, {"EL311", "distro-older", FST_FAIL, 5, ITEM_5_3});
	input_free(&in);
	/* A line judged by model (stock ASUSWRT) is not a distribution. */
	distro_input(&in, "asuswrt", "RT-AX86U", "3.0.0.4.388_24353", NULL);
	run_checks(&in);
	assert_true(in.nfindings > 0);
	for (size_t i = 0; i < in.nfindings; i++)
		assert_true(strncmp(in.findings[i].variant, "distro", 6) != 0);
	input_free(&in);

	/* RouterOS: per major version. */
	distro_input(&in, "routeros", "RB952Ui-5ac2nD", "7.11.2", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL311", "distro-older", FST_FAIL, 5, ITEM_5_3});
	input_free(&in);
	distro_input(&in, "routeros", "RB952Ui-5ac2nD", "8.0", NULL);
	run_checks(&in);
	EXPECT(&in, {"EL315", "distro-not-listed", FST_UNKNOWN, 5, ITEM_5_3});
	input_free(&in);

	/* DD-WRT by build age: 2023-01-01 is past 730 days; the policy can
	 * move the limits. */
	distro_input(&in, "dd-wrt", NULL, "r51234", "2023-01-01");
	run_checks(&in);
	EXPECT(&in, {"EL311", "build-age", FST_FAIL, 6, ITEM_5_3});
	input_free(&in);
	g_pol.build_age_fail_days = 3000;
	distro_input(&in, "dd-wrt", NULL, "r51234", "2023-01-01");
	run_checks(&in);
	EXPECT(&in, {"EL311", "build-age", FST_WARN, 6, ITEM_5_3});
	input_free(&in);
	g_pol.build_age_warn_days = 2000;
	distro_input(&in, "dd-wrt", NULL, "r51234", "2023-01-01");
	run_checks(&in);
	EXPECT_NONE(&in);
	input_free(&in);
}

/* ---- exposure ---------------------------------------------------------------- */

static void test_exposure(void **state)
{
	(void)state;
	struct input in;
	/* Remote administration on. */
	new_input(&in);
	quiet_device(&in);
	in.dev.remote_admin = TRI_YES;
	add_net(&in, "home", 10, WSEC_WPA3, "WPA3-SAE", STRONG);
	run_checks(&in);
	EXPECT(&in, {"EL110", "default", FST_FAIL, 20, ITEM_5_3});
	assert_int_equal(in.findings[0].severity, SEV_HIGH);
	expect_evidence(&in, 0, "remote_admin: true");
	expect_message(&in, 0, LANG_EN,
		       "Remote administration is on: the router's settings page can be reached "
		       "from the internet.");
	expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	expect_item(&in, ITEM_6_2, IST_PASS, NULL);
	input_free(&in);

	/* UPnP on. */
	new_input(&in);
	quiet_device(&in);
	in.dev.upnp = TRI_YES;
	add_net(&in, "home", 10, WSEC_WPA3, "WPA3-SAE", STRONG);
	run_checks(&in);
	EXPECT(&in, {"EL111", "default", FST_WARN, 21, ITEM_5_3});
	assert_int_equal(in.findings[0].severity, SEV_MEDIUM);
	expect_evidence(&in, 0, "upnp: true");
	expect_message(&in, 0, LANG_JA,
		       "UPnP が有効です。宅内の機器が自分でインターネット向けにポートを開けられます。");
	expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_5_3, IST_WARN, NULL);
	input_free(&in);

	/* Both on. */
	new_input(&in);
	quiet_device(&in);
	in.dev.remote_admin = TRI_YES;
	in.dev.upnp = TRI_YES;
	run_checks(&in);
	EXPECT(&in, {"EL110", "default", FST_FAIL, 20, ITEM_5_3},
	       {"EL111", "default", FST_WARN, 21, ITEM_5_3});
	expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	input_free(&in);

	/* Both off: pass (the quiet device). */
	new_input(&in);
	quiet_device(&in);
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_5_3, IST_PASS, NULL);
	input_free(&in);

	/* Only UPnP stated (off), remote_admin: left out: 5-3 is unknown,
	 * not pass (issue 14 §5; the template: "a missing value is reported
	 * as unknown, never as pass"). Until issue 14 this passed. */
	new_input(&in);
	quiet_device(&in);
	in.dev.remote_admin = TRI_UNSET;
	in.dev.remote_admin_line = 0;
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_5_3, IST_UNKNOWN, "no-admin-access-setting");
	input_free(&in);

	/* Neither stated: the same. */
	new_input(&in);
	quiet_device(&in);
	in.dev.remote_admin = TRI_UNSET;
	in.dev.upnp = TRI_UNSET;
	run_checks(&in);
	EXPECT_NONE(&in);
	expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_5_3, IST_UNKNOWN, "no-admin-access-setting");
	input_free(&in);

	/* No internet-facing interface (a bridged access point, issue 14
	 * §1): remote administration, UPnP and a forward expose nothing to
	 * the internet; only the info finding saying why. */
	new_input(&in);
	quiet_device(&in);
	in.dev.remote_admin = TRI_YES;
	in.dev.upnp = TRI_YES;
	static struct home_forward fwd = {.proto = "tcp", .port_lo = 3389, .port_hi = 3389,
					  .to = "192.168.88.20", .line = 22};
	in.dev.hfwds = &fwd;
	in.dev.nhfwds = 1;
	in.dev.wan = TRI_NO;
	in.dev.wan_line = 23;
	in.dev.wan_why = "no DHCP client outside the bridge";
	in.dev.wan_why_ja = "ブリッジ外の DHCP クライアントがありません";
	run_checks(&in);
	EXPECT(&in, {"EL119", "default", FST_PASS, 23, ITEM_5_3});
	assert_int_equal(in.findings[0].severity, SEV_INFO);
	expect_evidence(&in, 0, "no DHCP client outside the bridge");
	expect_message(&in, 0, LANG_EN,
		       "No internet-facing interface was found (no DHCP client outside the bridge): "
		       "the device is taken as an access point behind another router; its admin "
		       "access, forwards and UPnP are not judged as exposed to the internet.");
	expect_message(&in, 0, LANG_JA,
		       "インターネット側のインターフェースが見つかりません（ブリッジ外の DHCP "
		       "クライアントがありません）。この機器は別のルータの内側のアクセスポイントと"
		       "みなし、管理用のサービス・ポート転送・UPnP はインターネットに公開されていると"
		       "は判定しません。");
	expect_item(&in, ITEM_5_3, IST_PASS, NULL);
	input_free(&in);

	/* A WAN found (TRI_YES) or not said: the warnings as before. */
	new_input(&in);
	quiet_device(&in);
	in.dev.upnp = TRI_YES;
	in.dev.wan = TRI_YES;
	in.dev.wan_why = "DHCP client on ether1";
	run_checks(&in);
	EXPECT(&in, {"EL111", "default", FST_WARN, 21, ITEM_5_3});
	expect_item(&in, ITEM_5_3, IST_WARN, NULL);
	input_free(&in);
}


/* Issue 14 §2: a forward to the router itself onto an admin service is
 * EL110 "forward" (high, a 5-3 failure like all remote administration);
 * onto another port EL114 naming the router. */
static void test_exposure_forward_to_router(void **state)
{
	(void)state;
	struct input in;
	new_input(&in);
	quiet_device(&in);
	static struct home_forward admin = {.name = "LuCI", .proto = "tcp", .port_lo = 8443,
					    .port_hi = 8443, .to_port = 443, .line = 30,
					    .to_router = true, .admin_svc = "HTTPS"};
	static struct home_forward other = {.proto = "udp", .port_lo = 5201, .port_hi = 5201,
					    .to = "192.168.1.1", .line = 31, .to_router = true};
	admin.next = &other;
	other.next = NULL;
	in.dev.hfwds = &admin;
	in.dev.nhfwds = 2;
	run_checks(&in);
	EXPECT(&in, {"EL110", "forward", FST_FAIL, 30, ITEM_5_3},
	       {"EL114", "default", FST_WARN, 31, ITEM_5_3});
	assert_int_equal(in.findings[0].severity, SEV_HIGH);
	expect_evidence(&in, 0, "redirect: LuCI");
	expect_message(&in, 0, LANG_EN,
		       "tcp port 8443 from any source is forwarded to the router itself (port 443), "
		       "to its HTTPS admin service: the router's settings can be reached from the "
		       "internet.");
	expect_message(&in, 0, LANG_JA,
		       "すべての送信元からの tcp ポート 8443 がルータ自身（ポート 443）の HTTPS の"
		       "管理用サービスに転送されています。ルータの設定にインターネットから到達"
		       "できます。");
	expect_message(&in, 1, LANG_EN,
		       "udp port 5201 from any source is forwarded to the router itself "
		       "(192.168.1.1).");
	expect_message(&in, 1, LANG_JA,
		       "すべての送信元からの udp ポート 5201 がルータ自身（192.168.1.1）に転送されて"
		       "います。");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	in.dev.hfwds = NULL;
	input_free(&in);
}

/* Regression (found by these tests, fixed): check_exposure() returned when
 * !in->has_device, but remote_admin: and upnp: are top-level keys of the
 * facts file, read whether or not the router: section is there. A file
 * without router: that says "remote_admin: true" and "upnp: true" gets no
 * EL110/EL111 and 3-2 settles "unknown" (note "not-assessed") instead of
 * "fail" (the run still exits 2 for the missing router: section, EL001).
 * Kept out of the suite until decided and fixed. */
static void test_exposure_without_router_section(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "facts.yaml");
	in.kind = input_kind_named("router-facts");
	in.dev.remote_admin = TRI_YES;
	in.dev.remote_admin_line = 3;
	in.dev.upnp = TRI_YES;
	in.dev.upnp_line = 4;
	run_checks(&in);
	EXPECT(&in, {"EL110", "default", FST_FAIL, 3, ITEM_5_3},
	       {"EL111", "default", FST_WARN, 4, ITEM_5_3});
	expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);   /* fail outranks unknown */
	input_free(&in);
}

/* ---- telework method ------------------------------------------------------------ */

static void test_method(void **state)
{
	(void)state;
	struct input in;
	/* Method 2: 3-2 and 5-4 do not apply (a home router's remote admin
	 * (a 5-3 failure) and UPnP (a 5-3 warning) are about 5-3, so they
	 * stay). */
	g_pol.method = 2;
	new_input(&in);
	quiet_device(&in);
	in.dev.remote_admin = TRI_YES;
	in.dev.upnp = TRI_YES;
	in.dev.auto_update = TRI_NO;
	in.dev.auto_update_line = 7;
	add_net(&in, "home", 10, WSEC_OPEN, "open", NULL);
	checks_run(&in, &g_ctx);
	assert_int_equal(in.nfindings, 4);   /* before settling */
	run_settle(&in, &g_ctx, false);
	EXPECT(&in, {"EL110", "default", FST_FAIL, 20, ITEM_5_3},
	       {"EL111", "default", FST_WARN, 21, ITEM_5_3},
	       {"EL313", "default", FST_WARN, 7, ITEM_5_3},
	       {"EL201", "open", FST_FAIL, 11, ITEM_6_2});
	expect_item(&in, ITEM_3_2, IST_NA, "method");
	expect_item(&in, ITEM_5_4, IST_NA, "method");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	expect_item(&in, ITEM_6_1, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_6_2, IST_FAIL, NULL);
	input_free(&in);

	/* Method 1: every item applies. */
	g_pol.method = 1;
	new_input(&in);
	quiet_device(&in);
	in.dev.remote_admin = TRI_YES;
	run_checks(&in);
	EXPECT(&in, {"EL110", "default", FST_FAIL, 20, ITEM_5_3});
	expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	expect_item(&in, ITEM_5_4, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_6_2, IST_UNKNOWN, "no-wifi-listed");
	input_free(&in);
	g_pol.method = 0;
}

/* ---- the whole pipeline from a facts document --------------------------------------- */

static void test_run_parsed_document(void **state)
{
	(void)state;
	static const char doc[] =
		"router:\n"                                   /* 1 */
		"  vendor: buffalo\n"                         /* 2 */
		"  model: WSR-1800AX4S\n"                     /* 3 */
		"  firmware_version: \"1.10\"\n"              /* 4 */
		"  auto_update: false\n"                      /* 5 */
		"wifi:\n"                                     /* 6 */
		"  - ssid: home\n"                            /* 7 */
		"    security: \"WPA2-PSK(TKIP/AES)\"\n"      /* 8 */
		"    passphrase: \"password\"\n"              /* 9 */
		"  - ssid: old\n"                             /* 10 */
		"    security: WEP\n"                         /* 11 */
		"  - ssid: off\n"                             /* 12 */
		"    enabled: false\n"                        /* 13 */
		"    security: open\n"                        /* 14 */
		"wps_enabled: true\n"                         /* 15 */
		"remote_admin: true\n"                        /* 16 */
		"upnp: false\n";                              /* 17 */
	struct input in;
	input_init(&in, "facts.yaml");
	in.kind = input_kind_named("router-facts");
	in.len = strlen(doc);
	in.data = malloc(in.len + 1);
	assert_non_null(in.data);
	memcpy(in.data, doc, in.len + 1);
	run_parsed(&in, &g_ctx);
	assert_null(in.error);
	/* Sorted by line, then rule id. */
	EXPECT(&in, {"EL315", "no-latest", FST_UNKNOWN, 4, ITEM_5_3},
	       {"EL316", "default", FST_FAIL, 4, ITEM_5_3},
	       {"EL313", "default", FST_WARN, 5, ITEM_5_3},
	       {"EL204", "default", FST_WARN, 8, ITEM_6_2},
	       {"EL253", "default", FST_FAIL, 9, ITEM_6_2},
	       {"EL202", "default", FST_FAIL, 11, ITEM_6_2},
	       {"EL205", "default", FST_WARN, 15, ITEM_6_2},
	       {"EL110", "default", FST_FAIL, 16, ITEM_5_3});
	expect_evidence(&in, 3, "cipher: tkip-aes");
	expect_evidence(&in, 4, "passphrase: (hidden, 8 characters)");
	expect_item(&in, ITEM_3_2, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_5_3, IST_FAIL, NULL);
	expect_item(&in, ITEM_5_4, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_6_1, IST_NA, "kind-does-not-feed");
	expect_item(&in, ITEM_6_2, IST_FAIL, NULL);
	input_free(&in);

	/* With an exception for the TKIP warning (by name) and the method. */
	struct policy_exception ex = {.rule = "wifi-tkip-allowed", .reason = "old printer",
				      .until = -1};
	g_pol.exceptions = &ex;
	g_pol.nexceptions = 1;
	input_init(&in, "facts.yaml");
	in.kind = input_kind_named("router-facts");
	in.len = strlen(doc);
	in.data = malloc(in.len + 1);
	assert_non_null(in.data);
	memcpy(in.data, doc, in.len + 1);
	run_parsed(&in, &g_ctx);
	assert_int_equal(in.nfindings, 8);
	assert_string_equal(in.findings[3].rule->id, "EL204");
	assert_int_equal(in.findings[3].status, FST_EXCEPTED);
	assert_string_equal(in.findings[3].except_reason, "old printer");
	assert_int_equal(ex.used, 1);
	input_free(&in);
	g_pol.exceptions = NULL;
	g_pol.nexceptions = 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_wifi_security_modes, test_setup),
		cmocka_unit_test_setup(test_wifi_security_japanese_and_severity, test_setup),
		cmocka_unit_test_setup(test_wifi_tkip, test_setup),
		cmocka_unit_test_setup(test_wifi_pmf_and_6ghz, test_setup),
		cmocka_unit_test_setup(test_passphrase_label_key, test_setup),
		cmocka_unit_test_setup(test_default_ssids, test_setup),
		cmocka_unit_test_setup(test_wifi_skipped_networks, test_setup),
		cmocka_unit_test_setup(test_wifi_wps, test_setup),
		cmocka_unit_test_setup(test_passphrase_missing_empty_encrypted, test_setup),
		cmocka_unit_test_setup(test_passphrase_common_and_strong, test_setup),
		cmocka_unit_test_setup(test_passphrase_policy_min_length, test_setup),
		cmocka_unit_test_setup(test_firmware_end_of_support_data, test_setup),
		cmocka_unit_test_setup(test_firmware_support_end_from_input, test_setup),
		cmocka_unit_test_setup(test_firmware_first_fixed_release, test_setup),
		cmocka_unit_test_setup(test_firmware_latest, test_setup),
		cmocka_unit_test_setup(test_firmware_model_and_auto_update, test_setup),
		cmocka_unit_test_setup(test_firmware_support_end_without_model, test_setup),
		cmocka_unit_test_setup(test_exposure, test_setup),
		cmocka_unit_test_setup(test_exposure_forward_to_router, test_setup),
		cmocka_unit_test_setup(test_exposure_without_router_section, test_setup),
		cmocka_unit_test_setup(test_method, test_setup),
		cmocka_unit_test_setup(test_distro_openwrt, test_setup),
		cmocka_unit_test_setup(test_distro_merlin_routeros_ddwrt, test_setup),
		cmocka_unit_test_setup(test_run_parsed_document, test_setup),
	};
	return cmocka_run_group_tests_name("checks", tests, group_setup, group_teardown);
}
