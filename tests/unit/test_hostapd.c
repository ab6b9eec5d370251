/*
 * test_hostapd.c — cmocka tests for parsers/hostapd.c (kind "hostapd"):
 *  - the security of each BSS from wpa / wpa_key_mgmt / WEP keys /
 *    ieee8021x, with hostap's defaults (WPA-PSK; TKIP; rsn_pairwise =
 *    wpa_pairwise), the cipher and the line that set it;
 *  - the passphrase judged (wpa_passphrase, wpa_psk, the shortest
 *    sae_password, external files) and every secret registered;
 *  - several BSSes (bss=), nothing inherited; radio settings shared;
 *  - WPS as hostapd leaves it, band, ssid2, start_disabled, driver=wired;
 *  - diagnostics with their lines, coverage counts;
 *  - hostile input: CRLF, no final newline, NUL bytes, a 1 MB line,
 *    truncated lines, comment-only and empty input;
 *  - content detection.
 * Passphrases are compared with memcmp and never printed.
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
#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/policy.h"
#include "../../src/registry.h"
#include "testctx.h"
#include "testmodel.h"

/* Parses n bytes as hostapd.conf into a fresh input; returns parse's result. */
static int parse_n(struct input *in, const char *text, size_t n)
{
	return parse_as(in, "hostapd", "hostapd.conf", text, n);
}

static int parse(struct input *in, const char *text)
{
	return parse_n(in, text, strlen(text));
}

static size_t count_diags(const struct input *in, enum diag_level lvl)
{
	size_t n = 0;
	for (const struct diag *d = in->diags; d; d = d->next)
		n += d->level == lvl;
	return n;
}

static const struct diag *diag_at(const struct input *in, unsigned line)
{
	for (const struct diag *d = in->diags; d; d = d->next)
		if (d->line == line)
			return d;
	return NULL;
}

static bool is_secret(const struct input *in, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < in->nsecrets; i++)
		if (in->secret_lens[i] == n && memcmp(in->secrets[i], s, n) == 0)
			return true;
	return false;
}

static void assert_pass(const struct wifi_net *w, const char *want, unsigned line)
{
	assert_non_null(w->pass);
	assert_int_equal(w->pass_len, strlen(want));
	assert_true(memcmp(w->pass, want, w->pass_len) == 0);
	assert_int_equal(w->pass_line, line);
}

/* ---- security modes -------------------------------------------------- */

static void test_wpa2_defaults_tkip(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in,
			       "# home AP\n"                      /* 1 */
			       "interface=wlan0\n"                /* 2 */
			       "ssid=home\n"                      /* 3 */
			       "hw_mode=g\n"                      /* 4 */
			       "wpa=2\n"                          /* 5 */
			       "wpa_passphrase=orbit-maple-9\n"), /* 6 */
			 0);
	assert_null(in.error);
	assert_int_equal(in.dev.nwifi, 1);
	const struct wifi_net *w = in.dev.wifi;
	assert_int_equal(w->line, 2);
	assert_string_equal(w->ssid.s, "home");
	assert_int_equal(w->ssid.line, 3);
	assert_true(w->enabled);
	assert_true(w->is_ap);
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->sec_label.line, 5);
	assert_non_null(strstr(w->sec_label.s, "WPA-PSK by default"));
	assert_non_null(strstr(w->sec_label.s, "TKIP by default"));
	assert_string_equal(w->sec_label_ja, "wpa=2（wpa_key_mgmt の設定がないため既定の WPA-PSK）"
					     "（ペアワイズ暗号の設定がないため既定の TKIP）");
	assert_int_equal(w->cipher, WCIPH_TKIP);
	assert_int_equal(w->cipher_line, 0);
	assert_pass(w, "orbit-maple-9", 6);
	assert_string_equal(w->band.s, "2.4GHz");
	assert_int_equal(w->band.line, 4);
	/* The TKIP default is said in a note on the wpa line. */
	assert_int_equal(count_diags(&in, DIAG_ERROR), 0);
	assert_int_equal(count_diags(&in, DIAG_NOTE), 1);
	assert_non_null(diag_at(&in, 5));
	assert_non_null(strstr(diag_at(&in, 5)->msg, "TKIP"));
	assert_true(is_secret(&in, "orbit-maple-9"));
	assert_true(in.has_device);
	assert_null(in.dev.firmware.s);
	assert_null(in.dev.model.s);
	assert_int_equal(in.dev.wps, TRI_UNSET);
	assert_true(in.has_coverage);
	assert_int_equal(in.lines_total, 5);
	assert_int_equal(in.lines_understood, 5);
	input_free(&in);
}

static void test_rsn_pairwise_wins(void **state)
{
	(void)state;
	struct input in;
	/* wpa_pairwise=TKIP is for WPA1 only when rsn_pairwise is set. */
	assert_int_equal(parse(&in, "ssid=a\nwpa=2\nwpa_pairwise=TKIP\nrsn_pairwise=CCMP\n"
				    "wpa_passphrase=xxxxxxxx\n"),
			 0);
	const struct wifi_net *w = in.dev.wifi;
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->cipher, WCIPH_AES);
	assert_int_equal(w->cipher_line, 4);
	assert_null(in.diags);
	input_free(&in);
	/* rsn_pairwise unset: it takes wpa_pairwise's value. */
	assert_int_equal(parse(&in, "ssid=a\nwpa=2\nwpa_pairwise=CCMP TKIP\n"), 0);
	w = in.dev.wifi;
	assert_int_equal(w->cipher, WCIPH_TKIP_AES);
	assert_int_equal(w->cipher_line, 3);
	assert_non_null(strstr(w->sec_label.s, "wpa_pairwise applies"));
	input_free(&in);
	/* GCMP-256 and CCMP-256 are AES. */
	assert_int_equal(parse(&in, "ssid=a\nwpa=2\nrsn_pairwise=GCMP-256 CCMP-256\n"), 0);
	assert_int_equal(in.dev.wifi->cipher, WCIPH_AES);
	input_free(&in);
}

static void test_wpa1_and_mixed(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in, "ssid=a\nwpa=1\nwpa_passphrase=abcdefgh1\n"), 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_WPA);
	assert_int_equal(in.dev.wifi->cipher, WCIPH_TKIP);
	input_free(&in);
	/* wpa=3: WPA + WPA2; rsn inherits TKIP CCMP from wpa_pairwise. */
	assert_int_equal(parse(&in, "ssid=a\nwpa=3\nwpa_key_mgmt=WPA-PSK WPA-PSK-SHA256\n"
				    "wpa_pairwise=TKIP CCMP\nwpa_passphrase=abcdefgh1"),
			 0);
	const struct wifi_net *w = in.dev.wifi;
	assert_int_equal(w->sec, WSEC_WPA_WPA2);
	assert_int_equal(w->cipher, WCIPH_TKIP_AES);
	assert_int_equal(w->cipher_line, 4);
	assert_string_equal(w->sec_label.s,
			    "wpa=3 wpa_key_mgmt=WPA-PSK WPA-PSK-SHA256; rsn_pairwise not set: "
			    "wpa_pairwise applies");
	assert_pass(w, "abcdefgh1", 5);   /* no final newline */
	input_free(&in);
	/* wpa=3 with CCMP for RSN but TKIP for WPA1: TKIP is allowed. */
	assert_int_equal(parse(&in, "ssid=a\nwpa=3\nwpa_pairwise=TKIP\nrsn_pairwise=CCMP\n"), 0);
	assert_int_equal(in.dev.wifi->cipher, WCIPH_TKIP_AES);
	assert_int_equal(in.dev.wifi->cipher_line, 3);
	input_free(&in);
}

struct akm_case {
	const char *km;
	enum wifi_sec sec;
};

static void test_key_mgmt_mapping(void **state)
{
	(void)state;
	static const struct akm_case cases[] = {
		{"WPA-PSK", WSEC_WPA2},
		{"WPA-PSK-SHA256", WSEC_WPA2},
		{"FT-PSK WPA-PSK", WSEC_WPA2},
		{"SAE", WSEC_WPA3},
		{"SAE-EXT-KEY", WSEC_WPA3},
		{"FT-SAE SAE", WSEC_WPA3},
		{"WPA-PSK SAE", WSEC_WPA2_WPA3},
		{"SAE\tWPA-PSK-SHA256", WSEC_WPA2_WPA3},
		{"WPA-EAP", WSEC_WPA2_ENT},
		{"WPA-EAP-SHA256 FT-EAP", WSEC_WPA2_ENT},
		{"WPA-EAP-SUITE-B-192", WSEC_WPA3_ENT},
		{"WPA-EAP-SUITE-B WPA-EAP", WSEC_WPA2_ENT},
		{"WPA-PSK WPA-EAP", WSEC_WPA2},   /* the shared passphrase is judged */
		{"OWE", WSEC_OWE},
		{"DPP", WSEC_UNKNOWN},
		{"SAE DPP", WSEC_WPA3},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char text[200];
		snprintf(text, sizeof(text), "ssid=x\nwpa=2\nwpa_key_mgmt=%s\nrsn_pairwise=CCMP\n",
			 cases[i].km);
		struct input in;
		assert_int_equal(parse(&in, text), 0);
		if (in.dev.wifi->sec != cases[i].sec)
			fail_msg("wpa_key_mgmt=%s: got %s, want %s", cases[i].km,
				 wifi_sec_name(in.dev.wifi->sec), wifi_sec_name(cases[i].sec));
		assert_int_equal(in.dev.wifi->sec_label.line, 2);
		assert_int_equal(count_diags(&in, DIAG_ERROR), 0);
		input_free(&in);
	}
}

/* PMF (issue 15 §2): ieee80211w per BSS, 0 by default; sae_require_mfp
 * with ieee80211w=1 on SAE alone is required in effect, not in transition
 * mode; bad values are skipped with a diagnostic. */
static void test_pmf(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in,
			       "interface=wlan0\n"                  /* 1 */
			       "ssid=sae-default\n"                 /* 2 */
			       "wpa=2\n"                            /* 3 */
			       "wpa_key_mgmt=SAE\n"                 /* 4 */
			       "rsn_pairwise=CCMP\n"                /* 5 */
			       "bss=wlan0_1\n"                      /* 6 */
			       "ssid=sae-required-mfp\n"            /* 7 */
			       "wpa=2\n"                            /* 8 */
			       "wpa_key_mgmt=SAE\n"                 /* 9 */
			       "ieee80211w=1\n"                     /* 10 */
			       "sae_require_mfp=1\n"                /* 11 */
			       "bss=wlan0_2\n"                      /* 12 */
			       "ssid=transition\n"                  /* 13 */
			       "wpa=2\n"                            /* 14 */
			       "wpa_key_mgmt=WPA-PSK SAE\n"         /* 15 */
			       "ieee80211w=1\n"                     /* 16 */
			       "sae_require_mfp=1\n"                /* 17 */
			       "bss=wlan0_3\n"                      /* 18 */
			       "ssid=required\n"                    /* 19 */
			       "wpa=2\n"                            /* 20 */
			       "wpa_key_mgmt=SAE\n"                 /* 21 */
			       "ieee80211w=2\n"                     /* 22 */
			       "ieee80211w=3\n"),                   /* 23 */
			 0);
	assert_int_equal(in.dev.nwifi, 4);
	const struct wifi_net *w = wifi_nth(&in, 0);
	assert_int_equal(w->sec, WSEC_WPA3);
	assert_int_equal(w->pmf, WPMF_OFF);
	assert_int_equal(w->pmf_line, 0);
	w = wifi_nth(&in, 1);
	assert_int_equal(w->pmf, WPMF_REQUIRED);
	assert_int_equal(w->pmf_line, 11);
	w = wifi_nth(&in, 2);
	assert_int_equal(w->sec, WSEC_WPA2_WPA3);
	assert_int_equal(w->pmf, WPMF_OPTIONAL);
	assert_int_equal(w->pmf_line, 16);
	w = wifi_nth(&in, 3);
	assert_int_equal(w->pmf, WPMF_REQUIRED);
	assert_int_equal(w->pmf_line, 22);
	const struct diag *d = diag_at(&in, 23);   /* skipped: the 2 of l.22 stays */
	assert_non_null(d);
	assert_int_equal(d->level, DIAG_NOTE);
	assert_int_equal(in.lines_unknown, 1);
	input_free(&in);
}

static void test_bad_values_are_errors(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in, "ssid=x\nwpa=two\nwpa_passphrase=abcdefghij\n"), 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_UNKNOWN);
	assert_string_equal(in.dev.wifi->sec_label.s, "wpa=two");
	assert_null(in.dev.wifi->sec_label_ja);   /* the file's own words only */
	assert_int_equal(in.ndiag_errors, 1);
	assert_int_equal(diag_at(&in, 2)->level, DIAG_ERROR);
	assert_int_equal(in.lines_understood, 2);
	input_free(&in);
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_key_mgmt=WPA-PSK WPA-SUPER\n"), 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_UNKNOWN);
	assert_int_equal(in.dev.wifi->sec_label.line, 3);
	assert_non_null(strstr(diag_at(&in, 3)->msg, "'WPA-PSK WPA-SUPER'"));
	assert_int_equal(in.ndiag_errors, 1);
	input_free(&in);
	/* An empty key_mgmt list is refused too. */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_key_mgmt=\n"), 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_UNKNOWN);
	input_free(&in);
	/* A bad cipher list is an error; the default then applies. */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nrsn_pairwise=WEP104\n"), 0);
	assert_int_equal(in.ndiag_errors, 1);
	assert_int_equal(diag_at(&in, 3)->level, DIAG_ERROR);
	assert_int_equal(in.dev.wifi->cipher, WCIPH_TKIP);
	input_free(&in);
	/* wpa_psk must be 64 hex digits; the value is never quoted. */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_psk=notHexAtAll123\n"), 0);
	assert_int_equal(in.ndiag_errors, 1);
	assert_null(strstr(diag_at(&in, 3)->msg, "notHexAtAll123"));
	assert_non_null(strstr(diag_at(&in, 3)->msg, "14 bytes"));
	assert_true(is_secret(&in, "notHexAtAll123"));
	input_free(&in);
	/* wpa=4 is out of range. */
	assert_int_equal(parse(&in, "ssid=x\nwpa=4\n"), 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_UNKNOWN);
	input_free(&in);
}

static void test_open_wep_dynamic_wep(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in, "interface=wlan0\nssid=test\nauth_algs=3\n"), 0);
	const struct wifi_net *w = in.dev.wifi;
	assert_int_equal(w->sec, WSEC_OPEN);
	assert_int_equal(w->sec_label.line, 1);
	assert_string_equal(w->sec_label.s, "no wpa setting (hostapd default: no encryption)");
	assert_string_equal(w->sec_label_ja, "wpa の設定なし（hostapd の既定: 暗号化なし）");
	assert_null(w->pass);
	assert_int_equal(w->cipher, WCIPH_UNSET);
	assert_null(w->band.s);
	input_free(&in);
	/* wpa=0 with a passphrase: still open, and a note says why. */
	assert_int_equal(parse(&in, "ssid=test\nwpa=0\nwpa_passphrase=abcdefghij\n"), 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_OPEN);
	assert_int_equal(in.dev.wifi->sec_label.line, 2);
	assert_non_null(diag_at(&in, 3));
	assert_int_equal(diag_at(&in, 3)->level, DIAG_NOTE);
	input_free(&in);
	/* Static WEP: quoted ASCII and hex keys are both secrets. */
	assert_int_equal(parse(&in, "ssid=old\nwep_default_key=1\nwep_key1=\"Qz7vw\"\n"
				    "wep_key2=0102030405\n"),
			 0);
	w = in.dev.wifi;
	assert_int_equal(w->sec, WSEC_WEP);
	assert_int_equal(w->sec_label.line, 3);
	assert_string_equal(w->sec_label.s, "wep_key1 set, no wpa (static WEP)");
	assert_true(is_secret(&in, "Qz7vw"));
	assert_true(is_secret(&in, "\"Qz7vw\""));
	assert_true(is_secret(&in, "0102030405"));
	input_free(&in);
	/* An empty wep_key does not make WEP. */
	assert_int_equal(parse(&in, "ssid=x\nwep_key0=\n"), 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_OPEN);
	input_free(&in);
	/* 802.1X without WPA: dynamic WEP. */
	assert_int_equal(parse(&in, "ssid=x\nieee8021x=1\nauth_server_addr=192.0.2.10\n"
				    "auth_server_shared_secret=radius-shared-77\n"),
			 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_WEP);
	assert_int_equal(in.dev.wifi->sec_label.line, 2);
	assert_true(is_secret(&in, "radius-shared-77"));
	input_free(&in);
	/* 802.1X with WPA2 and WPA-EAP: enterprise, no passphrase. */
	assert_int_equal(parse(&in, "ssid=x\nieee8021x=1\nwpa=2\nwpa_key_mgmt=WPA-EAP\n"
				    "rsn_pairwise=CCMP\n"),
			 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_WPA2_ENT);
	assert_null(in.dev.wifi->pass);
	input_free(&in);
}

/* ---- passphrases and secrets ------------------------------------------ */

static void test_passphrase_sources(void **state)
{
	(void)state;
	struct input in;
	static const char psk[] =
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	/* The later of wpa_passphrase and wpa_psk wins. */
	char text[400];
	snprintf(text, sizeof(text), "ssid=x\nwpa=2\nwpa_passphrase=first-pass-1\nwpa_psk=%s\n", psk);
	assert_int_equal(parse(&in, text), 0);
	assert_pass(in.dev.wifi, psk, 4);
	assert_true(is_secret(&in, "first-pass-1"));
	assert_true(is_secret(&in, psk));
	input_free(&in);
	/* SAE only: the shortest sae_password, cut at "|"; all registered. */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_key_mgmt=SAE\nrsn_pairwise=CCMP\n"
				    "wpa_passphrase=fallback-pass\n"
				    "sae_password=long-sae-password-one|id=alice\n"
				    "sae_password=short-sae-2|mac=02:00:00:00:00:01\n"
				    "sae_password=third-sae-password\n"),
			 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_WPA3);
	assert_pass(in.dev.wifi, "short-sae-2", 7);
	assert_true(is_secret(&in, "long-sae-password-one"));
	assert_true(is_secret(&in, "long-sae-password-one|id=alice"));
	assert_true(is_secret(&in, "third-sae-password"));
	assert_true(is_secret(&in, "fallback-pass"));
	input_free(&in);
	/* SAE with no sae_password uses wpa_passphrase. */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_key_mgmt=SAE\nwpa_passphrase=fallback-pass\n"),
			 0);
	assert_pass(in.dev.wifi, "fallback-pass", 4);
	input_free(&in);
	/* SAE-PK: the private key is a secret too. */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_key_mgmt=SAE\n"
				    "sae_password=abcd-efgh-ijkl|pk=1a2b3c4d5e:MHcCAQEEIPrivKey\n"),
			 0);
	assert_pass(in.dev.wifi, "abcd-efgh-ijkl", 4);
	assert_true(is_secret(&in, "1a2b3c4d5e:MHcCAQEEIPrivKey"));
	input_free(&in);
	/* Transition mode: the PSK side's passphrase is judged. */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_key_mgmt=WPA-PSK SAE\n"
				    "sae_password=sae-only-secret\nwpa_passphrase=psk-side-secret\n"),
			 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_WPA2_WPA3);
	assert_pass(in.dev.wifi, "psk-side-secret", 5);
	input_free(&in);
	/* An external PSK file: no passphrase to judge, its line kept. */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_psk_file=/etc/hostapd.wpa_psk\n"), 0);
	assert_null(in.dev.wifi->pass);
	assert_int_equal(in.dev.wifi->pass_line, 3);
	input_free(&in);
	/* SAE from a file only. */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_key_mgmt=SAE\n"
				    "sae_password_file=/etc/sae.txt\n"),
			 0);
	assert_null(in.dev.wifi->pass);
	input_free(&in);
	/* An empty passphrase is passed on as "" (the check reports it). */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_passphrase=\n"), 0);
	assert_non_null(in.dev.wifi->pass);
	assert_int_equal(in.dev.wifi->pass_len, 0);
	assert_int_equal(in.dev.wifi->pass_line, 3);
	input_free(&in);
}

static void test_other_secrets(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in,
			       "ssid=x\n"
			       "wpa=2\n"
			       "ap_pin=12345670\n"
			       "radius_das_client=192.0.2.1 das-shared-secret\n"
			       "acct_server_addr=192.0.2.2\n"
			       "acct_server_shared_secret=acct-secret-9\n"
			       "private_key_passwd=tls-key-pass\n"
			       "multi_ap_backhaul_wpa_passphrase=backhaul-pass-1\n"
			       "r0kh=02:01:02:03:04:05 r0kh.example.com 000102030405060708090a0b0c0d0e0f\n"),
			 0);
	assert_true(is_secret(&in, "12345670"));
	assert_true(is_secret(&in, "das-shared-secret"));
	assert_true(is_secret(&in, "acct-secret-9"));
	assert_true(is_secret(&in, "tls-key-pass"));
	assert_true(is_secret(&in, "backhaul-pass-1"));
	assert_true(is_secret(&in, "000102030405060708090a0b0c0d0e0f"));
	assert_int_equal(in.lines_understood, 9);
	input_free(&in);
}

/* ---- several BSSes, radio settings, WPS ---------------------------------- */

static void test_two_bss(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in,
			       "interface=wlan0\n"                    /* 1 */
			       "hw_mode=a\n"                          /* 2 */
			       "ssid=main\n"                          /* 3 */
			       "wpa=2\n"                              /* 4 */
			       "rsn_pairwise=CCMP\n"                  /* 5 */
			       "wpa_passphrase=main-network-pass\n"   /* 6 */
			       "wps_state=2\n"                        /* 7 */
			       "\n"                                   /* 8 */
			       "bss=wlan0_1\n"                        /* 9 */
			       "ssid=guest\n"                         /* 10 */
			       "ignore_broadcast_ssid=1\n"            /* 11 */
			       "bss=wlan0_2\n"                        /* 12 */
			       "ssid=off\n"                           /* 13 */
			       "start_disabled=1\n"),                 /* 14 */
			 0);
	assert_int_equal(in.dev.nwifi, 3);
	const struct wifi_net *w = in.dev.wifi;
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->cipher, WCIPH_AES);
	assert_string_equal(w->band.s, "5GHz");
	assert_int_equal(w->band.line, 2);
	w = w->next;
	assert_int_equal(w->line, 9);
	assert_string_equal(w->ssid.s, "guest");
	assert_int_equal(w->sec, WSEC_OPEN);    /* nothing inherited */
	assert_int_equal(w->sec_label.line, 9);
	assert_null(w->pass);
	assert_true(w->is_ap);                  /* a hidden SSID is still an AP */
	assert_true(w->enabled);
	assert_string_equal(w->band.s, "5GHz"); /* the radio's band */
	w = w->next;
	assert_int_equal(w->line, 12);
	assert_false(w->enabled);
	assert_null(w->next);
	assert_int_equal(in.dev.wps, TRI_YES);
	assert_int_equal(in.dev.wps_line, 7);
	/* No config_methods: hostapd's default methods (display, keypad,
	 * virtual_display): a PIN, no push-button. */
	assert_int_equal(in.dev.wps_pin, TRI_YES);
	assert_int_equal(in.dev.wps_push, TRI_NO);
	assert_int_equal(in.lines_total, 13);
	assert_int_equal(in.lines_understood, 13);
	input_free(&in);
	/* An empty bss= starts nothing. */
	assert_int_equal(parse(&in, "ssid=a\nbss=\nssid=b\n"), 0);
	assert_int_equal(in.dev.nwifi, 1);
	assert_string_equal(in.dev.wifi->ssid.s, "b");
	assert_int_equal(in.lines_understood, 2);
	assert_int_equal(diag_at(&in, 2)->level, DIAG_NOTE);
	input_free(&in);
}

static void test_wps_rules(void **state)
{
	(void)state;
	struct input in;
	/* Hidden SSID: hostapd turns WPS off. */
	assert_int_equal(parse(&in, "ssid=a\nwpa=2\nrsn_pairwise=CCMP\nignore_broadcast_ssid=1\n"
				    "wps_state=2\n"),
			 0);
	assert_int_equal(in.dev.wps, TRI_NO);
	assert_int_equal(in.dev.wps_line, 5);
	input_free(&in);
	/* WPA2 with TKIP only: WPS off. */
	assert_int_equal(parse(&in, "ssid=a\nwpa=2\nwps_state=1\n"), 0);
	assert_int_equal(in.dev.wps, TRI_NO);
	input_free(&in);
	/* WEP: WPS off. Open: WPS stays on. */
	assert_int_equal(parse(&in, "ssid=a\nwep_key0=0102030405\nwps_state=2\n"), 0);
	assert_int_equal(in.dev.wps, TRI_NO);
	input_free(&in);
	assert_int_equal(parse(&in, "ssid=a\nwps_state=2\n"), 0);
	assert_int_equal(in.dev.wps, TRI_YES);
	input_free(&in);
	assert_int_equal(parse(&in, "ssid=a\nwps_state=0\n"), 0);
	assert_int_equal(in.dev.wps, TRI_NO);
	assert_int_equal(in.dev.wps_line, 2);
	input_free(&in);
	/* config_methods, read as hostapd reads it (substrings): push-button
	 * only does not rule the PIN out (an AP PIN can be set at run time);
	 * a label or a static ap_pin is a PIN on. */
	assert_int_equal(parse(&in, "ssid=a\nwps_state=2\nconfig_methods=push_button\n"), 0);
	assert_int_equal(in.dev.wps, TRI_YES);
	assert_int_equal(in.dev.wps_pin, TRI_UNSET);
	assert_int_equal(in.dev.wps_push, TRI_YES);
	assert_int_equal(in.lines_understood, 3);
	input_free(&in);
	assert_int_equal(parse(&in, "ssid=a\nwps_state=2\nconfig_methods=virtual_push_button\n"
				    "ap_pin=12345670\n"),
			 0);
	assert_int_equal(in.dev.wps_pin, TRI_YES);
	assert_int_equal(in.dev.wps_push, TRI_YES);
	assert_true(is_secret(&in, "12345670"));
	input_free(&in);
	assert_int_equal(parse(&in, "ssid=a\nwps_state=2\nconfig_methods=label\n"), 0);
	assert_int_equal(in.dev.wps_pin, TRI_YES);
	assert_int_equal(in.dev.wps_push, TRI_NO);
	input_free(&in);
	/* Two networks: a method on in one is on for the device. */
	assert_int_equal(parse(&in, "ssid=a\nwps_state=2\nconfig_methods=push_button\n"
				    "bss=wlan0_1\nssid=b\nwps_state=2\nconfig_methods=keypad\n"),
			 0);
	assert_int_equal(in.dev.wps_line, 2);
	assert_int_equal(in.dev.wps_pin, TRI_YES);
	assert_int_equal(in.dev.wps_push, TRI_YES);
	input_free(&in);
	/* An unreadable wps_state is not understood. */
	assert_int_equal(parse(&in, "ssid=a\nwps_state=on\n"), 0);
	assert_int_equal(in.dev.wps, TRI_UNSET);
	assert_int_equal(in.lines_understood, 1);
	input_free(&in);
}

static void test_radio_and_names(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in, "ssid=x\nhw_mode=a\nop_class=131\nchannel=5\n"), 0);
	assert_string_equal(in.dev.wifi->band.s, "6GHz");
	assert_int_equal(in.dev.wifi->band.line, 3);
	input_free(&in);
	assert_int_equal(parse(&in, "ssid=x\nhw_mode=b\n"), 0);
	assert_string_equal(in.dev.wifi->band.s, "2.4GHz");
	input_free(&in);
	assert_int_equal(parse(&in, "ssid=x\nhw_mode=z\n"), 0);
	assert_null(in.dev.wifi->band.s);
	assert_int_equal(in.lines_understood, 1);
	input_free(&in);
	/* driver=wired: an 802.1X authenticator on Ethernet, not an AP. */
	assert_int_equal(parse(&in, "driver=wired\nieee8021x=1\n"), 0);
	assert_false(in.dev.wifi->is_ap);
	input_free(&in);
	/* ssid2: quoted, P"escaped" and hex. */
	assert_int_equal(parse(&in, "ssid2=\"quoted name\"\n"), 0);
	assert_string_equal(in.dev.wifi->ssid.s, "quoted name");
	input_free(&in);
	assert_int_equal(parse(&in, "ssid2=P\"a\\x2db\\\"c\"\n"), 0);
	assert_string_equal(in.dev.wifi->ssid.s, "a-b\"c");
	input_free(&in);
	assert_int_equal(parse(&in, "ssid2=686f6d65\n"), 0);
	assert_string_equal(in.dev.wifi->ssid.s, "home");
	assert_int_equal(in.dev.wifi->ssid.line, 1);
	input_free(&in);
	assert_int_equal(parse(&in, "ssid=keep\nssid2=6g6f\n"), 0);
	assert_string_equal(in.dev.wifi->ssid.s, "keep");
	assert_int_equal(in.lines_understood, 1);
	input_free(&in);
	/* An SSID longer than 32 bytes is refused: hostapd would not start,
	 * so it is an error (exit 2). */
	assert_int_equal(parse(&in, "ssid=123456789012345678901234567890123\n"), 0);
	assert_null(in.dev.wifi->ssid.s);
	assert_int_equal(diag_at(&in, 1)->level, DIAG_ERROR);
	input_free(&in);
}

/* ---- lines and hostile input ------------------------------------------ */

static void test_line_forms(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in,
			       "bridge = br0\r\n"             /* 1 spaced: noted, read */
			       "  # indented comment\r\n"     /* 2 */
			       "ssid=cr lf\r\n"               /* 3 */
			       "wpa=2\r\n"                    /* 4 */
			       "rsn_pairwise=CCMP\r\n"        /* 5 */
			       "wpa_passphrase=pass word #x\r\n" /* 6 no inline comments */
			       "no equals sign here\r\n"      /* 7 */
			       "wibble=1\r\n"                 /* 8 unknown name */
			       "=value\r\n"                   /* 9 */
			       "  wpa_pairwise=CCMP\r\n"),    /* 10 leading blanks: noted */
			 0);
	const struct wifi_net *w = in.dev.wifi;
	assert_string_equal(w->ssid.s, "cr lf");
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_pass(w, "pass word #x", 6);
	assert_int_equal(in.lines_total, 9);
	assert_int_equal(in.lines_understood, 6);
	assert_int_equal(count_diags(&in, DIAG_ERROR), 0);
	assert_non_null(strstr(diag_at(&in, 1)->msg, "'bridge'"));
	assert_non_null(diag_at(&in, 7));
	assert_non_null(strstr(diag_at(&in, 8)->msg, "'wibble'"));
	assert_non_null(diag_at(&in, 9));
	assert_non_null(strstr(diag_at(&in, 10)->msg, "'wpa_pairwise'"));
	/* No diagnostic quotes the line without '=' (it could be a secret). */
	assert_null(strstr(diag_at(&in, 7)->msg, "equals sign"));
	input_free(&in);
	/* A UTF-8 BOM before the first setting. */
	assert_int_equal(parse(&in, "\xEF\xBB\xBFssid=bom\n"), 0);
	assert_string_equal(in.dev.wifi->ssid.s, "bom");
	assert_int_equal(in.lines_understood, 1);
	input_free(&in);
}

/* Lines not understood past INPUT_UNKNOWN_LISTED (30): a note at each of
 * the first 30, then one note at line 31 counting the other 5; the
 * setting after them is still read. */
static void test_many_unknown(void **state)
{
	(void)state;
	char t[1024] = "";
	for (int i = 1; i <= 35; i++) {
		size_t l = strlen(t);
		snprintf(t + l, sizeof(t) - l, "wibble%d=1\n", i);
	}
	strcat(t, "ssid=after\n");
	struct input in;
	assert_int_equal(parse(&in, t), 0);
	assert_int_equal(in.lines_total, 36);
	assert_int_equal(in.lines_understood, 1);
	assert_int_equal(in.lines_unknown, 35);
	assert_string_equal(in.dev.wifi->ssid.s, "after");
	for (unsigned i = 1; i <= 30; i++) {
		char want[100];
		snprintf(want, sizeof(want),
			 "'wibble%u' is not a hostapd setting edgelint knows; the line is skipped", i);
		assert_non_null(diag_at(&in, i));
		assert_string_equal(diag_at(&in, i)->msg, want);
	}
	assert_non_null(diag_at(&in, 31));
	assert_string_equal(diag_at(&in, 31)->msg,
			    "5 more line(s) not understood and not used by any check (the first at this line)");
	for (unsigned i = 32; i <= 35; i++)
		assert_null(diag_at(&in, i));
	input_free(&in);

	/* A value edgelint does not read is a line not understood, with a
	 * note at it (it was dropped without one). */
	assert_int_equal(parse(&in, "ssid=x\nieee8021x=yes\nhw_mode=z\nwps_state=9\n"), 0);
	assert_int_equal(in.lines_total, 4);
	assert_int_equal(in.lines_understood, 1);
	assert_int_equal(in.lines_unknown, 3);
	static const char *const names[] = {"ieee8021x", "hw_mode", "wps_state"};
	for (unsigned i = 0; i < 3; i++) {
		char want[100];
		snprintf(want, sizeof(want),
			 "the value of '%s' is not one edgelint understands; the line is skipped",
			 names[i]);
		assert_non_null(diag_at(&in, i + 2));
		assert_string_equal(diag_at(&in, i + 2)->msg, want);
	}
	assert_int_equal(count_diags(&in, DIAG_ERROR), 0);
	input_free(&in);
}

static void test_hostile(void **state)
{
	(void)state;
	struct input in;
	/* Empty and comment-only inputs are unreadable. */
	assert_true(parse(&in, "") < 0);
	assert_non_null(in.error);
	input_free(&in);
	assert_true(parse(&in, "# only\n\n   \n#x=1\n") < 0);
	assert_non_null(strstr(in.error, "comment"));
	input_free(&in);
	/* NUL bytes inside names and values. */
	static const char nul[] = "ss\0id=x\nssid=a\0b\nwpa=2\nwpa_passphrase=ab\0cdefgh\n";
	assert_int_equal(parse_n(&in, nul, sizeof(nul) - 1), 0);
	assert_int_equal(in.lines_total, 4);
	assert_int_equal(in.lines_understood, 3);
	assert_string_equal(in.dev.wifi->ssid.s, "a");
	assert_int_equal(in.dev.wifi->pass_len, 9);   /* the NUL is kept */
	input_free(&in);
	/* A 1 MB line: a value, then a name. */
	size_t big = 1u << 20;
	char *t = malloc(big + 64);
	assert_non_null(t);
	memcpy(t, "wpa=2\nwpa_passphrase=", 21);
	memset(t + 21, 'k', big);
	memcpy(t + 21 + big, "\nssid=x", 8);
	assert_int_equal(parse_n(&in, t, 21 + big + 7), 0);
	assert_int_equal(in.dev.wifi->pass_len, big);
	assert_int_equal(in.lines_understood, 3);
	input_free(&in);
	memset(t, 'n', big);
	memcpy(t + big, "=1\nssid=y\n", 10);
	assert_int_equal(parse_n(&in, t, big + 10), 0);
	assert_int_equal(in.lines_total, 2);
	assert_int_equal(in.lines_understood, 1);
	assert_non_null(strstr(diag_at(&in, 1)->msg, "(a name of 1048576 bytes)"));
	input_free(&in);
	free(t);
	/* Truncated in the middle of a name or of "bss=". */
	assert_int_equal(parse(&in, "ssid=x\nwpa=2\nwpa_pass"), 0);
	assert_int_equal(in.lines_understood, 2);
	input_free(&in);
	assert_int_equal(parse(&in, "ssid=x\nbss"), 0);
	assert_int_equal(in.dev.nwifi, 1);
	input_free(&in);
	/* Many BSSes. */
	size_t nb = 20000;
	t = malloc(nb * 8 + 1);
	assert_non_null(t);
	for (size_t i = 0; i < nb; i++)
		memcpy(t + i * 8, "bss=w1\nx", 8);
	for (size_t i = 0; i < nb; i++)
		t[i * 8 + 7] = '\n';
	assert_int_equal(parse_n(&in, t, nb * 8), 0);
	assert_int_equal(in.dev.nwifi, nb + 1);
	free(t);
	input_free(&in);
}

static void test_detect(void **state)
{
	(void)state;
	static const char conf[] = "# comment\ninterface=wlan0\nssid=x\nwpa=2\n";
	const struct parser *p = parser_detect(conf, sizeof(conf) - 1);
	assert_non_null(p);
	assert_string_equal(p->kind.name, "hostapd");
	/* One hostapd-like line is not enough. */
	static const char one[] = "ssid=x\nsomething else\n";
	p = parser_detect(one, sizeof(one) - 1);
	assert_true(p == NULL || strcmp(p->kind.name, "hostapd") != 0);
	assert_true(input_kind_named("hostapd")->feeds[ITEM_6_2]);
	assert_true(input_kind_named("hostapd")->home_router);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wpa2_defaults_tkip),
		cmocka_unit_test(test_rsn_pairwise_wins),
		cmocka_unit_test(test_wpa1_and_mixed),
		cmocka_unit_test(test_key_mgmt_mapping),
		cmocka_unit_test(test_pmf),
		cmocka_unit_test(test_bad_values_are_errors),
		cmocka_unit_test(test_open_wep_dynamic_wep),
		cmocka_unit_test(test_passphrase_sources),
		cmocka_unit_test(test_other_secrets),
		cmocka_unit_test(test_two_bss),
		cmocka_unit_test(test_wps_rules),
		cmocka_unit_test(test_radio_and_names),
		cmocka_unit_test(test_line_forms),
		cmocka_unit_test(test_many_unknown),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_detect),
	};
	return cmocka_run_group_tests_name("hostapd", tests, group_setup, group_teardown);
}
