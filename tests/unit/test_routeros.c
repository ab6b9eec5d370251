/*
 * test_routeros.c — cmocka tests for parsers/routeros.c, MikroTik RouterOS
 * /export (kind "routeros"). Documents go through the parser table with the
 * real registry ($EDGELINT_RULES) and a default policy; the model is
 * checked with exact values:
 *  - header (firmware, model, snapshot), CRLF, '\' continuation lines
 *    (inside quoted values too), comments, coverage counts;
 *  - legacy wireless: defaults (disabled, station mode, profile "default"
 *    with mode none), every security-profile mode and authentication-type
 *    combination, ciphers, keys (registered as secrets), virtual APs
 *    (default mode ap-bridge, enabled only with their master), renamed
 *    interfaces, CAPsMAN-managed interfaces, missing keys;
 *  - the wifi package (and wifiwave2): value priority interface >
 *    interface's security profile > configuration profile > its security
 *    profile, ".key" prefix abbreviation, default authentication types,
 *    WPA3/transition/OWE/enterprise, station mode, virtual interfaces;
 *  - /export terse and "/interface/wifi" slash paths;
 *  - internet side: /ip service with the input chain (remote admin),
 *    dst-nat forwards, UPnP, WPS;
 *  - hostile input: unterminated quotes, a 1 MB line, NUL bytes, no final
 *    newline, a continuation at the end, garbage, an empty file;
 *  - content detection;
 *  - issue 14 §1: a passphrase left out of the export, whether the device
 *    faces the internet (device.wan), partial exports.
 *
 * Length: one file per parser, as the parser itself (one RouterOS export
 * format with two wireless packages, the internet side and partial
 * exports, sharing one parse() and the helpers above); split by topic it
 * would repeat those helpers in every part.
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

/* Parses n bytes of text as a RouterOS export into a fresh input. */
static int parse_n(struct input *in, const char *text, size_t n)
{
	return parse_as(in, "routeros", "export.rsc", text, n);
}

static int parse(struct input *in, const char *text)
{
	return parse_n(in, text, strlen(text));
}

static const struct wifi_net *net(const struct input *in, const char *ssid)
{
	for (const struct wifi_net *w = in->dev.wifi; w; w = w->next)
		if (w->ssid.s && strcmp(w->ssid.s, ssid) == 0)
			return w;
	fail_msg("no network with SSID %s", ssid);
	return NULL;
}

static bool has_secret(const struct input *in, const char *s)
{
	for (size_t i = 0; i < in->nsecrets; i++)
		if (in->secret_lens[i] == strlen(s) && memcmp(in->secrets[i], s, strlen(s)) == 0)
			return true;
	return false;
}

static const struct diag *diag_with(const struct input *in, const char *text)
{
	for (const struct diag *d = in->diags; d; d = d->next)
		if (strstr(d->msg, text))
			return d;
	return NULL;
}

static size_t ndiags(const struct input *in)
{
	size_t n = 0;
	for (const struct diag *d = in->diags; d; d = d->next)
		n++;
	return n;
}

/* No diagnostic, in either language, quotes s. */
static void assert_not_quoted(const struct input *in, const char *s)
{
	for (const struct diag *d = in->diags; d; d = d->next) {
		assert_null(strstr(d->msg, s));
		assert_null(strstr(d->msg_ja, s));
	}
}

/* ---- legacy wireless ---------------------------------------------------- */

static const char legacy_doc[] =
	"# 2026-08-06 11:54:45 by RouterOS 7.11.2\r\n"                      /* 1 */
	"# software id = AAAA-BBBB\r\n"                                     /* 2 */
	"#\r\n"                                                              /* 3 */
	"# model = RB952Ui-5ac2nD\r\n"                                      /* 4 */
	"# serial number = 000000000000\r\n"                                /* 5 */
	"/interface bridge\r\n"                                              /* 6 */
	"add name=bridge-lan\r\n"                                            /* 7 */
	"/interface wireless\r\n"                                            /* 8 */
	"set [ find default-name=wlan2 ] ssid=Spare\r\n"                    /* 9 */
	"/interface wireless security-profiles\r\n"                          /* 10 */
	"set [ find default=yes ] supplicant-identity=MikroTik\r\n"         /* 11 */
	"add authentication-types=wpa2-psk mode=dynamic-keys name=sec \\\r\n" /* 12 */
	"    supplicant-identity=\"\" wpa2-pre-shared-key=\"lamp \\\"quiet\\\" 7\"\r\n" /* 13 */
	"/interface wireless\r\n"                                            /* 14 */
	"set [ find default-name=wlan1 ] band=2ghz-g/n disabled=no mode=\\\r\n" /* 15 */
	"    ap-bridge security-profile=sec ssid=Home\r\n"                  /* 16 */
	"\r\n"                                                               /* 17 */
	"/ip dhcp-client\r\n"                                                /* 18 */
	"add interface=ether1\r\n";                                          /* 19 */

/* PMF (issue 15 §2): security.management-protection of a wifi interface,
 * disabled/allowed/required; not said stays unset. */
static void test_wifi_management_protection(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in,
			       "/interface wifi\n"                                         /* 1 */
			       "set [ find default-name=wifi1 ] configuration.mode=ap .ssid=a "
			       "disabled=no security.authentication-types=wpa3-psk "
			       ".management-protection=disabled\n"                         /* 2 */
			       "set [ find default-name=wifi2 ] configuration.mode=ap .ssid=b "
			       "disabled=no security.authentication-types=wpa3-psk "
			       ".management-protection=required\n"                         /* 3 */
			       "set [ find default-name=wifi3 ] configuration.mode=ap .ssid=c "
			       "disabled=no security.authentication-types=wpa2-psk,wpa3-psk\n"), /* 4 */
			 0);
	assert_int_equal(net(&in, "a")->pmf, WPMF_OFF);
	assert_int_equal(net(&in, "a")->pmf_line, 2);
	assert_int_equal(net(&in, "b")->pmf, WPMF_REQUIRED);
	assert_int_equal(net(&in, "b")->pmf_line, 3);
	assert_int_equal(net(&in, "c")->pmf, WPMF_UNSET);
	input_free(&in);
}

static void test_legacy_document(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in, legacy_doc), 0);
	assert_true(in.has_device);
	assert_string_equal(in.dev.vendor.s, "mikrotik");
	assert_string_equal(in.dev.vendor_display, "MikroTik");
	assert_string_equal(in.dev.distro, "routeros");
	assert_string_equal(in.dev.firmware.s, "7.11.2");
	assert_int_equal(in.dev.firmware.line, 1);
	assert_null(in.dev.firmware_date.s);
	assert_false(in.dev.snapshot);
	assert_string_equal(in.dev.model.s, "RB952Ui-5ac2nD");
	assert_int_equal(in.dev.model.line, 4);
	assert_true(in.has_coverage);
	assert_int_equal(in.lines_total, 13);   /* 19 lines - 5 comments - 1 blank */
	assert_int_equal(in.lines_understood, 13);
	assert_int_equal(ndiags(&in), 0);
	assert_int_equal(in.dev.nwifi, 2);

	const struct wifi_net *w = net(&in, "Home");
	assert_true(w->enabled);
	assert_true(w->is_ap);
	assert_int_equal(w->line, 15);
	assert_int_equal(w->ssid.line, 15);
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->sec_label.line, 12);
	assert_string_equal(w->sec_label.s,
			    "security-profile sec: mode=dynamic-keys authentication-types=wpa2-psk");
	assert_int_equal(w->cipher, WCIPH_AES);
	assert_int_equal(w->cipher_line, 0);
	assert_string_equal(w->band.s, "2ghz-g/n");
	assert_non_null(w->pass);
	assert_int_equal(w->pass_len, 14);       /* lamp "quiet" 7 */
	assert_int_equal(w->pass_line, 12);
	assert_true(has_secret(&in, "lamp \"quiet\" 7"));

	/* wlan2: the default profile (open) but never enabled, default
	 * station mode. */
	w = net(&in, "Spare");
	assert_false(w->enabled);
	assert_false(w->is_ap);
	assert_int_equal(w->sec, WSEC_OPEN);
	assert_string_equal(w->sec_label.s, "security-profile default: mode=none (RouterOS default)");
	assert_int_equal(w->cipher, WCIPH_UNSET);
	assert_null(w->pass);

	/* Internet side: no filter, default services. */
	assert_int_equal(in.dev.remote_admin, TRI_YES);
	assert_int_equal(in.dev.remote_admin_line, 0);
	assert_non_null(strstr(in.dev.remote_admin_why, "winbox 8291"));
	assert_int_equal(in.dev.upnp, TRI_NO);
	assert_int_equal(in.dev.wps, TRI_UNSET);
	assert_int_equal(in.dev.nhfwds, 0);
	input_free(&in);
}

/* One security profile on an enabled AP: returns the parsed input. */
static void parse_profile(struct input *in, const char *profile_args)
{
	char doc[1024];
	snprintf(doc, sizeof(doc),
		 "/interface wireless security-profiles\n"
		 "add name=p %s\n"
		 "/interface wireless\n"
		 "set [ find default-name=wlan1 ] disabled=no mode=ap-bridge security-profile=p ssid=T\n",
		 profile_args);
	assert_int_equal(parse(in, doc), 0);
}

static void test_legacy_profiles(void **state)
{
	(void)state;
	static const struct {
		const char *args;
		enum wifi_sec sec;
		enum wifi_cipher cipher;
		size_t pass_len;   /* 0: no passphrase */
	} cases[] = {
		{"", WSEC_OPEN, WCIPH_UNSET, 0},
		{"mode=none wpa2-pre-shared-key=abcdefgh1", WSEC_OPEN, WCIPH_UNSET, 0},
		{"mode=static-keys-required static-algo-0=40bit-wep static-key-0=0123456789", WSEC_WEP,
		 WCIPH_UNSET, 0},
		{"mode=static-keys-optional", WSEC_WEP, WCIPH_UNSET, 0},
		{"mode=dynamic-keys authentication-types=wpa-psk wpa-pre-shared-key=one-key-123",
		 WSEC_WPA, WCIPH_AES, 11},
		{"mode=dynamic-keys authentication-types=wpa2-psk wpa-pre-shared-key=one-key-123 "
		 "wpa2-pre-shared-key=two-key-12345",
		 WSEC_WPA2, WCIPH_AES, 13},
		{"mode=dynamic-keys authentication-types=wpa-psk,wpa2-psk unicast-ciphers=tkip,aes-ccm "
		 "wpa2-pre-shared-key=two-key-12345",
		 WSEC_WPA_WPA2, WCIPH_TKIP_AES, 13},
		{"mode=dynamic-keys authentication-types=wpa2-psk unicast-ciphers=tkip group-ciphers=tkip "
		 "wpa2-pre-shared-key=two-key-12345",
		 WSEC_WPA2, WCIPH_TKIP, 13},
		{"mode=dynamic-keys authentication-types=wpa2-psk group-ciphers=tkip "
		 "wpa2-pre-shared-key=two-key-12345",
		 WSEC_WPA2, WCIPH_TKIP_AES, 13},
		{"mode=dynamic-keys authentication-types=wpa2-eap", WSEC_WPA2_ENT, WCIPH_AES, 0},
		{"mode=dynamic-keys authentication-types=wpa-eap", WSEC_WPA, WCIPH_AES, 0},
		{"mode=dynamic-keys authentication-types=wpa2-psk,wpa2-eap wpa2-pre-shared-key=k2345678",
		 WSEC_WPA2, WCIPH_AES, 8},
		{"mode=dynamic-keys", WSEC_UNKNOWN, WCIPH_AES, 0},
		{"mode=dynamic-keys authentication-types=wpa3-psk", WSEC_UNKNOWN, WCIPH_AES, 0},
		{"mode=dynamic-keys authentication-types=wpa2-psk,magic", WSEC_UNKNOWN, WCIPH_AES, 0},
		{"mode=turbo", WSEC_UNKNOWN, WCIPH_UNSET, 0},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct input in;
		parse_profile(&in, cases[i].args);
		const struct wifi_net *w = net(&in, "T");
		if (w->sec != cases[i].sec || w->cipher != cases[i].cipher ||
		    w->pass_len != cases[i].pass_len)
			fail_msg("profile \"%s\": got %s/%s/%zu", cases[i].args, wifi_sec_name(w->sec),
				 wifi_cipher_name(w->cipher), w->pass_len);
		assert_true(w->enabled);
		assert_true(w->is_ap);
		assert_int_equal(w->sec_label.line, 2);
		if (cases[i].sec == WSEC_UNKNOWN)
			assert_non_null(diag_with(&in, "security profile p"));
		input_free(&in);
	}
}

static void test_legacy_secrets_and_missing_key(void **state)
{
	(void)state;
	struct input in;
	/* A PSK profile without its key (RouterOS 7 export without
	 * show-sensitive). */
	parse_profile(&in, "mode=dynamic-keys authentication-types=wpa2-psk");
	const struct wifi_net *w = net(&in, "T");
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_null(w->pass);
	const struct diag *d = diag_with(&in, "show-sensitive");
	assert_non_null(d);
	assert_int_equal(d->line, 2);
	assert_int_equal(d->level, DIAG_NOTE);
	input_free(&in);

	/* Every key in every menu is a secret; no diagnostic quotes one. */
	static const char doc[] =
		"/interface wireless security-profiles\n"
		"add mode=static-keys-required name=w static-key-0=00112233445566778899aabbcc "
		"static-key-3=aabbccddee management-protection-key=mpk-secret-1\n"
		"add name=x mode=bogus-mode-123 mschapv2-password=mschap-secret-2\n"
		"/interface pppoe-client\n"
		"add interface=ether1 name=pppoe-out1 password=ppp-secret-3 user=u\n"
		"/interface wireguard\n"
		"add listen-port=13231 name=wg1 private-key=\"wg+priv/secret4=\"\n"
		"/interface wireguard peers\n"
		"add interface=wg1 public-key=\"pub=\" preshared-key=\"wg-psk-secret-5\"\n"
		"/ip ipsec identity\n"
		"add peer=p secret=ipsec-secret-6\n"
		"/radius\n"
		"add address=10.0.0.2 secret=radius-secret-7 service=wireless\n"
		"/ppp secret\n"
		"add name=bob password=\"bob secret 8\"\n"
		"/snmp community\n"
		"set [ find default=yes ] authentication-password=snmp-secret-9\n";
	assert_int_equal(parse(&in, doc), 0);
	static const char *const secrets[] = {
		"00112233445566778899aabbcc", "aabbccddee", "mpk-secret-1", "mschap-secret-2",
		"ppp-secret-3", "wg+priv/secret4=", "wg-psk-secret-5", "ipsec-secret-6",
		"radius-secret-7", "bob secret 8", "snmp-secret-9"};
	for (size_t i = 0; i < ARRAY_SIZE(secrets); i++) {
		if (!has_secret(&in, secrets[i]))
			fail_msg("secret %s not registered", secrets[i]);
		assert_not_quoted(&in, secrets[i]);
	}
	assert_false(has_secret(&in, "pub="));
	assert_int_equal(in.lines_understood, in.lines_total);
	input_free(&in);
}

static void test_legacy_virtual_ap(void **state)
{
	(void)state;
	static const char doc[] =
		"/system identity\n"                                                       /* 1 */
		"set name=home-gw\n"                                                        /* 2 */
		"/interface wireless security-profiles\n"                                   /* 3 */
		"add authentication-types=wpa2-psk mode=dynamic-keys name=up "
		"wpa2-pre-shared-key=uplink-key-99\n"                                       /* 4 */
		"/interface wireless\n"                                                     /* 5 */
		"set [ find default-name=wlan1 ] disabled=no mode=station security-profile=up "
		"ssid=Upstream name=wl-up\n"                                                /* 6 */
		"set [ find default-name=wlan2 ] mode=ap-bridge wps-mode=push-button\n"     /* 7 */
		"add disabled=no master-interface=wl-up name=vap1 ssid=Repeated\n"          /* 8 */
		"add master-interface=wl-up name=vap2 ssid=NeverOn\n"                       /* 9 */
		"add disabled=no master-interface=wlan2 name=vap3 ssid=MasterOff\n"         /* 10 */
		"add disabled=no master-interface=wl-up mode=station-bridge name=vap4 ssid=VClient\n" /* 11 */
		"set vap1 mode=wds-slave\n"                                                 /* 12 */
		"disable vap3\n";                                                           /* 13 */
	struct input in;
	assert_int_equal(parse(&in, doc), 0);
	assert_int_equal(in.dev.nwifi, 6);
	const struct wifi_net *w = net(&in, "Upstream");
	assert_true(w->enabled);
	assert_false(w->is_ap);
	assert_int_equal(w->sec, WSEC_WPA2);
	/* wlan2: no SSID written: the system identity. */
	w = net(&in, "home-gw");
	assert_int_equal(w->ssid.line, 2);
	assert_false(w->enabled);
	assert_true(w->is_ap);
	w = net(&in, "Repeated");
	assert_true(w->enabled);   /* a virtual AP works on a station master */
	assert_true(w->is_ap);     /* wds-slave is an AP mode */
	assert_int_equal(w->line, 8);
	assert_int_equal(w->sec, WSEC_OPEN);
	w = net(&in, "NeverOn");
	assert_false(w->enabled);  /* disabled=yes is the default */
	assert_true(w->is_ap);     /* a virtual interface's default mode is ap-bridge */
	w = net(&in, "MasterOff");
	assert_false(w->enabled);
	w = net(&in, "VClient");
	assert_true(w->enabled);
	assert_false(w->is_ap);
	/* No enabled AP says wps-mode=disabled: WPS stays unknown. */
	assert_int_equal(in.dev.wps, TRI_UNSET);
	assert_int_equal(in.lines_understood, 13);
	input_free(&in);
}

static void test_legacy_capsman_and_wps(void **state)
{
	(void)state;
	static const char doc[] =
		"/interface wireless\n"
		"set [ find default-name=wlan1 ] disabled=no mode=ap-bridge ssid=A wps-mode=disabled\n"
		"set [ find default-name=wlan2 ] disabled=no mode=ap-bridge ssid=B\n"
		"/interface wireless cap\n"
		"set enabled=yes interfaces=wlan2\n";
	struct input in;
	assert_int_equal(parse(&in, doc), 0);
	assert_int_equal(net(&in, "A")->sec, WSEC_OPEN);
	const struct wifi_net *b = net(&in, "B");
	assert_int_equal(b->sec, WSEC_UNKNOWN);
	assert_int_equal(b->sec_label.line, 5);
	assert_int_equal(in.dev.wps, TRI_UNSET);   /* wlan2 does not say */
	input_free(&in);

	static const char doc2[] =
		"/interface wireless\n"
		"set [ find default-name=wlan1 ] disabled=no mode=ap-bridge ssid=A wps-mode=disabled\n"
		"set [ find default-name=wlan2 ] mode=ap-bridge ssid=B\n";
	assert_int_equal(parse(&in, doc2), 0);
	assert_int_equal(in.dev.wps, TRI_NO);
	assert_int_equal(in.dev.wps_line, 2);
	input_free(&in);

	/* push-button on an enabled AP: WPS on, push-button only (no PIN
	 * method in RouterOS); push-button-virtual-only alike. */
	static const char doc3[] =
		"/interface wireless\n"
		"set [ find default-name=wlan1 ] disabled=no mode=ap-bridge ssid=A wps-mode=disabled\n"
		"set [ find default-name=wlan2 ] disabled=no mode=ap-bridge ssid=B "
		"wps-mode=push-button-virtual-only\n";
	assert_int_equal(parse(&in, doc3), 0);
	assert_int_equal(in.dev.wps, TRI_YES);
	assert_int_equal(in.dev.wps_line, 3);
	assert_int_equal(in.dev.wps_push, TRI_YES);
	assert_int_equal(in.dev.wps_pin, TRI_NO);
	input_free(&in);
}

/* ---- wifi package --------------------------------------------------------- */

static const char wifi_doc[] =
	"# 2026-09-12 21:03:40 by RouterOS 7.16beta4\n"                                /* 1 */
	"# model = C52iG-5HaxD2HaxD\n"                                                  /* 2 */
	"/interface wifi security\n"                                                    /* 3 */
	"add authentication-types=wpa2-psk,wpa3-psk name=s1 passphrase=\"s1 pass phrase 11\" "
	"wps=disable\n"                                                                 /* 4 */
	"add authentication-types=wpa3-psk name=s2 passphrase=s2-pass-phrase-22 encryption=ccmp,tkip\n" /* 5 */
	"/interface wifi configuration\n"                                               /* 6 */
	"add mode=ap name=c1 security=s1 ssid=FromCfg\n"                                /* 7 */
	"add name=c2 security=s1 security.authentication-types=wpa2-psk ssid=CfgInline\n" /* 8 */
	"/interface wifi\n"                                                             /* 9 */
	"set [ find default-name=wifi1 ] configuration=c1 disabled=no\n"                /* 10 */
	"set [ find default-name=wifi2 ] configuration=c1 configuration.ssid=Own \\\n"  /* 11 */
	"    disabled=no security=s2\n"                                                 /* 12 */
	"add configuration=c2 master-interface=wifi1 name=v1\n"                         /* 13 */
	"add configuration.mode=ap .ssid=Inline master-interface=wifi1 name=v2 "
	"security.authentication-types=wpa2-psk .passphrase=inline-pass-33 .encryption=ccmp\n" /* 14 */
	"add configuration.ssid=NoPass master-interface=wifi1 name=v3\n"               /* 15 */
	"add configuration.ssid=Passless master-interface=wifi1 name=v4 "
	"security.passphrase=only-pass-44\n"                                            /* 16 */
	"add configuration.ssid=Owe master-interface=wifi1 name=v5 security.authentication-types=owe\n" /* 17 */
	"add configuration.ssid=Ent master-interface=wifi1 name=v6 "
	"security.authentication-types=wpa2-eap,wpa3-eap\n"                             /* 18 */
	"add configuration.ssid=Ent3 master-interface=wifi1 name=v7 "
	"security.authentication-types=wpa3-eap-192\n"                                  /* 19 */
	"add configuration.mode=station .ssid=Client master-interface=wifi1 name=v8 disabled=yes\n" /* 20 */
	"add configuration.ssid=Mixed master-interface=wifi2 name=v9 "
	"security.authentication-types=wpa-psk,wpa2-psk .passphrase=mixed-pass-55\n"    /* 21 */
	"set [ find default-name=wifi3 ] configuration.ssid=Off\n"                      /* 22 */
	"add configuration.ssid=OnOff master-interface=wifi3 name=v10\n";               /* 23 */

static void test_wifi_package(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in, wifi_doc), 0);
	assert_string_equal(in.dev.firmware.s, "7.16beta4");
	assert_true(in.dev.snapshot);
	assert_int_equal(in.dev.nwifi, 13);
	assert_int_equal(in.lines_total, 21);
	assert_int_equal(in.lines_understood, 21);

	/* wifi1: everything from configuration c1 and its profile s1. */
	const struct wifi_net *w = net(&in, "FromCfg");
	assert_true(w->enabled);
	assert_true(w->is_ap);
	assert_int_equal(w->line, 10);
	assert_int_equal(w->ssid.line, 7);
	assert_int_equal(w->sec, WSEC_WPA2_WPA3);
	assert_int_equal(w->sec_label.line, 4);
	assert_string_equal(w->sec_label.s, "authentication-types=wpa2-psk,wpa3-psk (security profile)");
	assert_int_equal(w->cipher, WCIPH_AES);
	assert_int_equal(w->pass_len, 17);
	assert_int_equal(w->pass_line, 4);
	assert_true(has_secret(&in, "s1 pass phrase 11"));

	/* wifi2: its own SSID; its own profile s2 before c1's s1. */
	w = net(&in, "Own");
	assert_int_equal(w->ssid.line, 11);
	assert_int_equal(w->sec, WSEC_WPA3);
	assert_int_equal(w->cipher, WCIPH_TKIP_AES);
	assert_int_equal(w->cipher_line, 5);
	assert_int_equal(w->pass_len, 17);

	/* v1: a virtual interface is enabled unless disabled; c2's inline
	 * authentication-types before c2's profile; s1's passphrase. */
	w = net(&in, "CfgInline");
	assert_true(w->enabled);
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->sec_label.line, 8);
	assert_int_equal(w->pass_len, 17);

	/* v2: ".ssid", ".passphrase": the prefix of the key before. */
	w = net(&in, "Inline");
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->pass_len, 14);
	assert_true(has_secret(&in, "inline-pass-33"));
	assert_true(has_secret(&in, "only-pass-44"));

	w = net(&in, "NoPass");
	assert_int_equal(w->sec, WSEC_OPEN);
	assert_int_equal(w->sec_label.line, 15);
	assert_null(w->pass);
	w = net(&in, "Passless");
	assert_int_equal(w->sec, WSEC_WPA2);   /* a passphrase adds wpa2-psk on an AP */
	assert_int_equal(w->pass_len, 12);
	assert_int_equal(net(&in, "Owe")->sec, WSEC_OWE);
	assert_int_equal(net(&in, "Ent")->sec, WSEC_WPA2_ENT);
	assert_int_equal(net(&in, "Ent3")->sec, WSEC_WPA3_ENT);
	w = net(&in, "Client");
	assert_false(w->is_ap);
	assert_false(w->enabled);
	assert_int_equal(net(&in, "Mixed")->sec, WSEC_WPA_WPA2);
	/* wifi3 is hardware and not enabled, so neither is v10. */
	assert_false(net(&in, "Off")->enabled);
	assert_false(net(&in, "OnOff")->enabled);
	/* wifi1, wifi2 and v1 reach s1's wps=disable (wifi2 through c1);
	 * v2's inline security says no wps: the package's default
	 * push-button. RouterOS has no PIN method. */
	assert_int_equal(in.dev.wps, TRI_YES);
	assert_int_equal(in.dev.wps_line, 14);
	assert_int_equal(in.dev.wps_push, TRI_YES);
	assert_int_equal(in.dev.wps_pin, TRI_NO);
	input_free(&in);
}

static void test_wifiwave2_slash_paths_and_terse(void **state)
{
	(void)state;
	static const char doc[] =
		"/interface/wifiwave2/security add name=s authentication-types=wpa2-psk "
		"passphrase=wave2-pass-66 wps=disable\n"
		"/interface/wifiwave2 set [ find default-name=wifi1 ] security=s "
		"configuration.ssid=W2 disabled=no\n"
		"/interface wireless security-profiles add name=t mode=dynamic-keys "
		"authentication-types=wpa2-psk wpa2-pre-shared-key=terse-pass-77\n"
		"/interface wireless set [ find default-name=wlan1 ] disabled=no mode=ap-bridge "
		"security-profile=t ssid=Terse\n"
		"/ip upnp set enabled=yes\n";
	struct input in;
	assert_int_equal(parse(&in, doc), 0);
	const struct wifi_net *w = net(&in, "W2");
	assert_true(w->enabled);
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->pass_len, 13);
	w = net(&in, "Terse");
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->pass_len, 13);
	assert_int_equal(w->sec_label.line, 3);
	assert_int_equal(in.dev.wps, TRI_UNSET);   /* wlan1 says nothing */
	assert_int_equal(in.dev.upnp, TRI_YES);
	assert_int_equal(in.dev.upnp_line, 5);
	assert_int_equal(in.lines_understood, 5);
	input_free(&in);
}

/* RouterOS 7 leaves the passphrase out of an export made without
 * show-sensitive (issue 14 §1): the mode comes from the security settings,
 * and no authentication-types with no passphrase is open only when the
 * export shows its sensitive values. help.mikrotik.com "WiFi":
 * authentication-types "The default value is an empty list (no
 * authenticaion, an open network). Configuring a passphrase, adds to the
 * default list the wpa2-psk authentication method (if the interface is an
 * AP)". */
static const char hidden_doc[] =
	"# 2025-03-24 14:16:35 by RouterOS 7.18.2\n"                          /* 1 */
	"/interface wifi security\n"                                          /* 2 */
	"add authentication-types=wpa2-psk,wpa3-psk disabled=no name=sec1\n"  /* 3 */
	"/interface wifi configuration\n"                                     /* 4 */
	"add name=cfg1 security.authentication-types=wpa3-psk ssid=Cfg\n"     /* 5 */
	"/interface wifi\n"                                                   /* 6 */
	"set [ find default-name=wifi1 ] configuration.mode=ap .ssid=Bare disabled=no\n" /* 7 */
	"set [ find default-name=wifi2 ] configuration.mode=ap .ssid=Empty disabled=no "
	"security.authentication-types=\"\"\n"                                /* 8 */
	"add configuration.ssid=Prof disabled=no master-interface=wifi1 name=v1 security=sec1\n" /* 9 */
	"add configuration=cfg1 disabled=no master-interface=wifi1 name=v2\n" /* 10 */
	"/system identity\n"                                                  /* 11 */
	"set name=ap\n";                                                      /* 12 */

static void test_wifi_passphrase_not_exported(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in, hidden_doc), 0);
	assert_int_equal(in.dev.nwifi, 4);
	/* Nothing about security and no passphrase: open, or wpa2-psk whose
	 * passphrase was left out. Not known, never "open". */
	const struct wifi_net *w = net(&in, "Bare");
	assert_true(w->enabled);
	assert_int_equal(w->sec, WSEC_UNSET);
	assert_int_equal(w->sec_label.line, 7);
	assert_null(w->pass);
	const struct diag *d = diag_with(&in, "wifi interface wifi1 has no authentication-types");
	assert_non_null(d);
	assert_int_equal(d->line, 7);
	assert_string_equal(d->msg,
			    "wifi interface wifi1 has no authentication-types and the export has no "
			    "passphrase: it is an open network, or a wpa2-psk one whose passphrase "
			    "RouterOS 7 left out (it exports keys only with '/export show-sensitive'); "
			    "its security mode is not known");
	/* authentication-types="" says no authentication outright. */
	w = net(&in, "Empty");
	assert_int_equal(w->sec, WSEC_OPEN);
	assert_string_equal(w->sec_label.s, "authentication-types=\"\" (interface): open");
	assert_int_equal(w->sec_label.line, 8);
	/* The security profile and the configuration profile decide the
	 * mode; the passphrase is "not in the export", as in the legacy
	 * package. */
	w = net(&in, "Prof");
	assert_int_equal(w->sec, WSEC_WPA2_WPA3);
	assert_int_equal(w->sec_label.line, 3);
	assert_string_equal(w->sec_label.s,
			    "authentication-types=wpa2-psk,wpa3-psk (security profile)");
	assert_null(w->pass);
	w = net(&in, "Cfg");
	assert_int_equal(w->sec, WSEC_WPA3);
	assert_int_equal(w->sec_label.line, 5);
	assert_string_equal(w->sec_label.s, "authentication-types=wpa3-psk (configuration)");
	assert_null(w->pass);
	d = diag_with(&in, "uses a pre-shared key but the export has no key");
	assert_non_null(d);
	assert_int_equal(d->line, 3);
	assert_string_equal(d->msg,
			    "wifi interface v1 uses a pre-shared key but the export has no key "
			    "(RouterOS 7 leaves keys out unless you run '/export show-sensitive'); the "
			    "passphrase cannot be judged");
	assert_int_equal(ndiags(&in), 2);
	input_free(&in);

	/* The same export with a sensitive value in it (show-sensitive): a
	 * passphrase it does not show was not set, so "Bare" is open. */
	char doc[2048];
	snprintf(doc, sizeof(doc), "%s/ppp secret\nadd name=u password=shown-secret-55\n",
		 hidden_doc);
	assert_int_equal(parse(&in, doc), 0);
	w = net(&in, "Bare");
	assert_int_equal(w->sec, WSEC_OPEN);
	assert_string_equal(w->sec_label.s,
			    "authentication-types not set, no passphrase: open (RouterOS default)");
	assert_string_equal(w->sec_label_ja,
			    "authentication-types の指定なし、パスフレーズなし: オープン（RouterOS の初期値）");
	assert_int_equal(w->sec_label.line, 7);
	assert_null(diag_with(&in, "has no authentication-types"));
	assert_int_equal(net(&in, "Prof")->sec, WSEC_WPA2_WPA3);
	input_free(&in);

	/* The wifiwave2 menu (RouterOS < 7.13), as in a public note on setting
	 * up a cAP as a bridged AP on 7.10.2 (found with find_string, stored
	 * file 45028072818, repository not shown by the index): a security
	 * profile with its mode and no passphrase, every port bridged, a
	 * static default route through the home router's address. */
	assert_int_equal(parse(&in,
			       "/interface bridge\n"                                           /* 1 */
			       "add name=bridge\n"                                             /* 2 */
			       "/interface wifiwave2 security\n"                               /* 3 */
			       "add authentication-types=wpa2-psk,wpa3-psk disabled=no name=sec1\n" /* 4 */
			       "/interface wifiwave2\n"                                        /* 5 */
			       "set [ find default-name=wifi1 ] channel.band=5ghz-ax "
			       ".skip-dfs-channels=all \\\n"                                   /* 6 */
			       "    .width=20/40/80mhz configuration.country=Greece .mode=ap "
			       ".ssid=dimipet-5.0 \\\n"                                        /* 7 */
			       "    disabled=no security=sec1 security.wps=disable\n"          /* 8 */
			       "/interface bridge port\n"                                      /* 9 */
			       "add bridge=bridge interface=ether1\n"                          /* 10 */
			       "add bridge=bridge interface=wifi1\n"                           /* 11 */
			       "/ip address\n"                                                 /* 12 */
			       "add address=172.16.10.8/24 interface=bridge network=172.16.10.1\n" /* 13 */
			       "/ip route\n"                                                   /* 14 */
			       "add disabled=no dst-address=0.0.0.0/0 gateway=172.16.10.1\n"), /* 15 */
			 0);
	w = net(&in, "dimipet-5.0");
	assert_true(w->enabled);
	assert_int_equal(w->sec, WSEC_WPA2_WPA3);
	assert_int_equal(w->sec_label.line, 4);
	assert_null(w->pass);
	assert_int_equal(in.dev.wps, TRI_NO);
	assert_int_equal(in.dev.wan, TRI_NO);
	assert_int_equal(in.dev.wan_line, 0);
	input_free(&in);
}

/* ---- internet side ---------------------------------------------------------- */

static void parse_edge(struct input *in, const char *body)
{
	char doc[4096];
	snprintf(doc, sizeof(doc),
		 "/interface list member\n"                 /* 1 */
		 "add interface=bridge list=LAN\n"          /* 2 */
		 "add interface=ether1 list=WAN\n"          /* 3 */
		 "%s", body);
	assert_int_equal(parse(in, doc), 0);
}

static void test_remote_admin(void **state)
{
	(void)state;
	struct input in;
	/* The default configuration's input chain. */
	parse_edge(&in,
		   "/ip firewall filter\n"                                                  /* 4 */
		   "add action=accept chain=input connection-state=established,related,untracked\n" /* 5 */
		   "add action=drop chain=input connection-state=invalid\n"                 /* 6 */
		   "add action=accept chain=input protocol=icmp\n"                          /* 7 */
		   "add action=accept chain=input dst-address=127.0.0.1\n"                  /* 8 */
		   "add action=drop chain=input comment=\"defconf: drop all not coming from LAN\" "
		   "in-interface-list=!LAN\n");                                             /* 9 */
	assert_int_equal(in.dev.remote_admin, TRI_NO);
	assert_int_equal(in.dev.remote_admin_line, 9);
	input_free(&in);

	/* Winbox opened from the WAN before the drop. */
	parse_edge(&in,
		   "/ip firewall filter\n"                                                  /* 4 */
		   "add action=accept chain=input dst-port=8291 in-interface-list=WAN protocol=tcp\n" /* 5 */
		   "add action=drop chain=input in-interface-list=!LAN\n");                 /* 6 */
	assert_int_equal(in.dev.remote_admin, TRI_YES);
	assert_int_equal(in.dev.remote_admin_line, 5);
	assert_string_equal(in.dev.remote_admin_why,
			    "the input rule at line 5 accepts tcp 8291 (winbox) from the WAN side");
	assert_string_equal(in.dev.remote_admin_why_ja,
			    "5 行目の input ルールが WAN 側からの tcp 8291（winbox）を許可");
	input_free(&in);

	/* ... but not when winbox is off or limited to the LAN. */
	parse_edge(&in,
		   "/ip firewall filter\n"
		   "add action=accept chain=input dst-port=8291,8000-8100 in-interface=ether1 protocol=tcp\n"
		   "add action=drop chain=input in-interface=ether1\n"
		   "/ip service\n"
		   "set winbox address=192.168.88.0/24\n");
	assert_int_equal(in.dev.remote_admin, TRI_NO);
	assert_int_equal(in.dev.remote_admin_line, 6);
	input_free(&in);

	/* A drop limited to a protocol, a disabled drop, a drop from a source
	 * list: none closes the router. */
	parse_edge(&in,
		   "/ip firewall filter\n"                                                  /* 4 */
		   "add action=drop chain=input in-interface-list=WAN protocol=udp\n"       /* 5 */
		   "add action=drop chain=input disabled=yes in-interface-list=WAN\n"       /* 6 */
		   "add action=drop chain=input src-address-list=bad\n"                     /* 7 */
		   "add action=drop chain=forward in-interface-list=WAN\n"                  /* 8 */
		   "/ip service\n"                                                          /* 9 */
		   "set telnet disabled=yes\n"                                              /* 10 */
		   "set ftp disabled=yes\n"
		   "set www disabled=yes\n"
		   "set api disabled=yes\n"
		   "set api-ssl disabled=yes\n"
		   "set winbox disabled=yes\n");
	assert_int_equal(in.dev.remote_admin, TRI_YES);
	assert_int_equal(in.dev.remote_admin_line, 5);
	assert_string_equal(in.dev.remote_admin_why,
			    "no input-chain rule drops what comes from the internet side, and ssh 22 "
			    "is enabled for any address (RouterOS defaults)");
	assert_string_equal(in.dev.remote_admin_why_ja,
			    "インターネット側からの通信を落とす input チェーンのルールがなく、ssh 22 が"
			    "すべてのアドレスに対して有効（RouterOS の初期設定）");
	input_free(&in);

	/* Every service off: nothing to reach. */
	parse_edge(&in,
		   "/ip service\n"
		   "set telnet disabled=yes\nset ftp disabled=yes\nset www disabled=yes\n"
		   "set ssh disabled=yes\nset api disabled=yes\nset api-ssl disabled=yes\n"
		   "set winbox disabled=yes\n"                                              /* 11 */
		   "set www-ssl address=10.0.0.0/8 disabled=no\n");                         /* 12 */
	assert_int_equal(in.dev.remote_admin, TRI_NO);
	assert_int_equal(in.dev.remote_admin_line, 12);
	input_free(&in);

	/* An accept-everything rule from the WAN. */
	parse_edge(&in,
		   "/ip firewall filter\n"
		   "add action=accept chain=input in-interface-list=WAN\n"
		   "add action=drop chain=input\n"
		   "/ip service\n"
		   "set ssh port=2222\n");
	assert_int_equal(in.dev.remote_admin, TRI_YES);
	assert_int_equal(in.dev.remote_admin_line, 5);
	input_free(&in);
}

/* Does the device face the internet? (issue 14 §1; the signs and what is
 * not one are in routeros.c, "does the device face the internet?") */
static void wan_of(struct input *in, const char *body)
{
	char doc[4096];
	snprintf(doc, sizeof(doc),
		 "# 2025-03-24 14:13:48 by RouterOS 7.18.2\n"   /* 1 */
		 "/interface bridge\n"                          /* 2 */
		 "add name=bridge\n"                            /* 3 */
		 "/interface bridge port\n"                     /* 4 */
		 "add bridge=bridge interface=ether1\n"         /* 5 */
		 "add bridge=bridge interface=ether2\n"         /* 6 */
		 "/system identity\n"                           /* 7 */
		 "set name=ap\n"                                /* 8 */
		 "%s", body);
	assert_int_equal(parse(in, doc), 0);
}

static void test_wan(void **state)
{
	(void)state;
	struct input in;
	/* A bridged access point: the DHCP client on the bridge takes an
	 * address from the router in front; a static default route through
	 * an address says nothing. */
	wan_of(&in, "/ip dhcp-client\n"                                 /* 9 */
		    "add interface=bridge\n"                            /* 10 */
		    "/ip route\n"                                       /* 11 */
		    "add dst-address=0.0.0.0/0 gateway=192.168.1.1\n"); /* 12 */
	assert_int_equal(in.dev.wan, TRI_NO);
	assert_int_equal(in.dev.wan_line, 10);
	assert_string_equal(in.dev.wan_why,
			    "no PPPoE or LTE interface, no member of the WAN interface list, no public "
			    "address, no source NAT that applies, and no DHCP client or default route "
			    "on an interface outside the bridges; the DHCP client on the bridge 'bridge' "
			    "takes its address from the router in front of this one");
	assert_string_equal(in.dev.wan_why_ja,
			    "PPPoE・LTE のインターフェースも、WAN インターフェースリストのメンバーも、"
			    "グローバルアドレスも、働く送信元 NAT も、ブリッジ外のインターフェースの "
			    "DHCP クライアントやデフォルトルートもありません。ブリッジ 'bridge' の DHCP "
			    "クライアントは、この機器の手前のルータからアドレスを受け取ります");
	input_free(&in);

	/* The default configuration turned into an AP: the WAN list has no
	 * member, so its masquerade acts on nothing, and a DHCP client on a
	 * bridge port cannot run. */
	wan_of(&in, "/interface list\n"                                 /* 9 */
		    "add name=WAN\n"                                    /* 10 */
		    "/ip dhcp-client\n"                                 /* 11 */
		    "add interface=ether1\n"                            /* 12 */
		    "/ip firewall nat\n"                                /* 13 */
		    "add action=masquerade chain=srcnat out-interface-list=WAN\n"); /* 14 */
	assert_int_equal(in.dev.wan, TRI_NO);
	assert_int_equal(in.dev.wan_line, 0);
	input_free(&in);

	/* Each sign of a WAN, and the first one is the reason. */
	static const struct {
		const char *body, *why, *why_ja;
		unsigned line;
	} yes[] = {
		{"/ip dhcp-client\nadd interface=ether5\n", "DHCP client on ether5",
		 "ether5 の DHCP クライアント", 10},
		{"/ip dhcp-client\nadd disabled=yes interface=ether5\n/interface pppoe-client\n"
		 "add interface=ether5 name=pppoe-out1 user=u\n",
		 "the PPPoE client pppoe-out1", "PPPoE クライアント pppoe-out1", 12},
		{"/interface list member\nadd interface=ether5 list=WAN\n",
		 "ether5 is in the WAN interface list", "ether5 が WAN インターフェースリストにあります", 10},
		{"/ip firewall nat\nadd action=masquerade chain=srcnat out-interface=ether5\n",
		 "source NAT to ether5", "ether5 への送信元 NAT", 10},
		{"/ip firewall nat\nadd action=masquerade chain=srcnat out-interface=bridge\n",
		 "source NAT to bridge", "bridge への送信元 NAT", 10},
		{"/ip firewall nat\nadd action=src-nat chain=srcnat to-addresses=1.2.3.4\n",
		 "source NAT of all traffic", "すべての通信の送信元 NAT", 10},
		{"/ip address\nadd address=192.168.1.2/24 interface=bridge\n"
		 "add address=133.0.0.10/24 interface=ether5\n",
		 "the public address 133.0.0.10/24", "グローバルアドレス 133.0.0.10/24", 11},
		{"/ip route\nadd gateway=10.0.0.1%ether5\n", "default route out of ether5",
		 "ether5 へのデフォルトルート", 10},
		{"/interface lte\nset [ find default-name=lte1 ] band=\"\"\n", "an LTE interface",
		 "LTE のインターフェース", 10},
	};
	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		wan_of(&in, yes[i].body);
		assert_int_equal(in.dev.wan, TRI_YES);
		assert_string_equal(in.dev.wan_why, yes[i].why);
		assert_string_equal(in.dev.wan_why_ja, yes[i].why_ja);
		assert_int_equal(in.dev.wan_line, yes[i].line);
		input_free(&in);
	}
	/* A disabled masquerade and a disabled PPPoE client are no sign. */
	wan_of(&in, "/ip firewall nat\n"
		    "add action=masquerade chain=srcnat disabled=yes out-interface=ether5\n"
		    "/interface pppoe-client\n"
		    "add disabled=yes interface=ether5 name=pppoe-out1\n");
	assert_int_equal(in.dev.wan, TRI_NO);
	input_free(&in);
}

/* A partial export (issue 14 §1): every command under one menu. What it
 * leaves out is unknown, not RouterOS's default. */
static void test_partial_export(void **state)
{
	(void)state;
	struct input in;
	/* `/interface wifi export`: no /ip at all. */
	assert_int_equal(parse(&in,
			       "# 2025-08-08 07:56:31 by RouterOS 7.19.4\n"
			       "/interface wifi\n"
			       "set [ find default-name=wifi1 ] configuration.mode=ap .ssid=P disabled=no "
			       "security.authentication-types=wpa2-psk\n"),
			 0);
	assert_int_equal(in.dev.remote_admin, TRI_UNSET);   /* not the default services */
	assert_null(in.dev.remote_admin_why);
	assert_int_equal(in.dev.upnp, TRI_UNSET);
	assert_int_equal(in.dev.wan, TRI_UNSET);
	assert_int_equal(in.items[ITEM_5_3], IST_UNKNOWN);
	assert_string_equal(in.item_unknown_note[ITEM_5_3], "partial-export");
	assert_false(in.item_touched[ITEM_6_2]);
	const struct diag *d = diag_with(&in, "partial export");
	assert_non_null(d);
	assert_int_equal(d->line, 0);
	assert_string_equal(d->msg,
			    "this is a partial export (every command is under /interface wifi), so /ip "
			    "firewall filter, /ip service, /ip firewall nat, /ip upnp are not in it; what "
			    "depends on them is not judged (run '/export' in the root menu for the whole "
			    "configuration)");
	assert_string_equal(d->msg_ja,
			    "部分的なエクスポート（すべてのコマンドが `/interface wifi` の下）のため、"
			    "`/ip firewall filter`、`/ip service`、`/ip firewall nat`、`/ip upnp` が"
			    "ありません。これに依存する項目は判定していません（全体の設定はルートメニュー"
			    "で '/export' を実行して得られます）");
	assert_int_equal(net(&in, "P")->sec, WSEC_WPA2);
	input_free(&in);

	/* `/ip firewall export` without a version header: the filter decides
	 * when it drops the WAN; the services, UPnP and Wi-Fi are not in it. */
	static const char fw[] =
		"/ip firewall filter\n"                                   /* 1 */
		"add action=drop chain=input in-interface-list=!LAN\n";   /* 2 */
	assert_int_equal(parse(&in, fw), 0);
	assert_int_equal(in.dev.remote_admin, TRI_NO);
	assert_int_equal(in.dev.remote_admin_line, 2);
	assert_int_equal(in.items[ITEM_5_3], IST_UNKNOWN);
	assert_int_equal(in.items[ITEM_6_2], IST_UNKNOWN);
	assert_string_equal(in.item_note[ITEM_6_2], "partial-export");
	assert_string_equal(diag_with(&in, "partial export")->msg,
			    "this is a partial export (every command is under /ip firewall filter), so "
			    "/ip service, /ip firewall nat, /ip upnp, /interface wireless and /interface "
			    "wifi, the version header are not in it; what depends on them is not judged "
			    "(run '/export' in the root menu for the whole configuration)");
	assert_string_equal(diag_with(&in, "partial export")->msg_ja,
			    "部分的なエクスポート（すべてのコマンドが `/ip firewall filter` の下）の"
			    "ため、`/ip service`、`/ip firewall nat`、`/ip upnp`、`/interface wireless` "
			    "と `/interface wifi`、版を示す見出し行がありません。これに依存する項目は"
			    "判定していません（全体の設定はルートメニューで '/export' を実行して得られます）");
	input_free(&in);
	/* ... and with no drop, the default services are not taken as open. */
	assert_int_equal(parse(&in, "/ip firewall filter\nadd action=accept chain=input "
				    "protocol=icmp\n/ip firewall nat\nadd action=masquerade "
				    "chain=srcnat\n"),
			 0);
	assert_int_equal(in.dev.remote_admin, TRI_UNSET);
	assert_int_equal(in.dev.wan, TRI_UNSET);
	assert_non_null(diag_with(&in, "(every command is under /ip firewall)"));
	input_free(&in);

	/* An /ip export holds every /ip menu: only the Wi-Fi is missing, and
	 * its defaults stand for the services. */
	assert_int_equal(parse(&in, "# 2025-08-08 07:56:31 by RouterOS 7.19.4\n/ip service\n"
				    "set telnet disabled=yes\n/ip dhcp-client\nadd interface=ether1\n"),
			 0);
	assert_int_equal(in.dev.remote_admin, TRI_YES);
	assert_int_equal(in.dev.upnp, TRI_NO);
	assert_false(in.item_touched[ITEM_5_3]);
	assert_int_equal(in.items[ITEM_6_2], IST_UNKNOWN);
	assert_string_equal(diag_with(&in, "partial export")->msg,
			    "this is a partial export (every command is under /ip), so /interface "
			    "wireless and /interface wifi are not in it; what depends on them is not "
			    "judged (run '/export' in the root menu for the whole configuration)");
	input_free(&in);

	/* A whole export is not partial. */
	assert_int_equal(parse(&in, "/ip service\nset telnet disabled=yes\n/system identity\n"
				    "set name=r\n"),
			 0);
	assert_null(diag_with(&in, "partial export"));
	assert_false(in.item_touched[ITEM_5_3]);
	assert_int_equal(in.dev.wan, TRI_NO);
	input_free(&in);
}

static void test_port_forwards(void **state)
{
	(void)state;
	struct input in;
	parse_edge(&in,
		   "/ip dhcp-client\n"                                                      /* 4 */
		   "add interface=ether5\n"                                                 /* 5 */
		   "/ip firewall nat\n"                                                     /* 6 */
		   "add action=masquerade chain=srcnat out-interface-list=WAN\n"            /* 7 */
		   "add action=dst-nat chain=dstnat comment=RDP dst-port=3389 in-interface-list=WAN "
		   "protocol=tcp to-addresses=192.168.88.20 to-ports=3389\n"                /* 8 */
		   "add action=dst-nat chain=dstnat dst-port=80,8000-8010 in-interface=ether5 protocol=tcp \\\n"
		   "    to-addresses=192.168.88.30 to-ports=8080\n"                        /* 9-10 */
		   "add action=dst-nat chain=dstnat dst-port=53 in-interface=bridge protocol=udp "
		   "to-addresses=192.168.88.1\n"                                            /* 11 */
		   "add action=dst-nat chain=dstnat in-interface-list=LAN to-addresses=10.0.0.1\n" /* 12 */
		   "add action=dst-nat chain=dstnat disabled=yes dst-port=22 protocol=tcp "
		   "to-addresses=192.168.88.5\n"                                            /* 13 */
		   "add action=netmap chain=dstnat src-address=203.0.113.0/24 to-addresses=192.168.88.40\n" /* 14 */
		   "/ip upnp\n"
		   "set enabled=no\n");                                                     /* 16 */
	assert_int_equal(in.dev.nhfwds, 4);
	const struct home_forward *f = in.dev.hfwds;
	assert_string_equal(f->name, "RDP");
	assert_string_equal(f->proto, "tcp");
	assert_int_equal(f->port_lo, 3389);
	assert_int_equal(f->port_hi, 3389);
	assert_string_equal(f->to, "192.168.88.20");
	assert_int_equal(f->to_port, 3389);
	assert_null(f->from);
	assert_int_equal(f->line, 8);
	f = f->next;
	assert_null(f->name);
	assert_int_equal(f->port_lo, 80);
	assert_int_equal(f->port_hi, 80);
	assert_int_equal(f->to_port, 8080);
	assert_int_equal(f->line, 9);
	f = f->next;
	assert_int_equal(f->port_lo, 8000);
	assert_int_equal(f->port_hi, 8010);
	f = f->next;
	assert_string_equal(f->proto, "any");
	assert_int_equal(f->port_lo, 0);
	assert_int_equal(f->port_hi, 0);
	assert_string_equal(f->from, "203.0.113.0/24");
	assert_string_equal(f->to, "192.168.88.40");
	assert_int_equal(f->line, 14);
	assert_int_equal(in.dev.upnp, TRI_NO);
	assert_int_equal(in.dev.upnp_line, 16);
	input_free(&in);

	/* Issue 13 §3: a port that is not one is noted at its line and the
	 * rule taken as forwarding every port (strtoul read "3389x" as 3389
	 * and "70000" as 70000, dropped to all ports in silence; to-ports
	 * "abc" was 0, "same port"). */
	parse_edge(&in,
		   "/ip firewall nat\n"                                                     /* 4 */
		   "add action=dst-nat chain=dstnat dst-port=3389x in-interface-list=WAN "
		   "protocol=tcp to-addresses=192.168.88.20 to-ports=abc\n");             /* 5 */
	assert_null(in.error);
	assert_int_equal(in.dev.nhfwds, 1);
	assert_int_equal(in.dev.hfwds->port_lo, 0);
	assert_int_equal(in.dev.hfwds->port_hi, 0);
	assert_int_equal(in.dev.hfwds->to_port, 0);
	const struct diag *d = diag_with(&in, "dst-port '3389x'");
	assert_non_null(d);
	assert_int_equal(d->line, 5);
	assert_string_equal(d->msg, "dst-port '3389x' is not a port or a range of ports: "
				    "taken as every port");
	assert_string_equal(d->msg_ja, "dst-port '3389x' はポート番号でも範囲でもありません。"
				       "すべてのポートとして扱います");
	d = diag_with(&in, "to-ports 'abc'");
	assert_non_null(d);
	assert_int_equal(d->line, 5);
	input_free(&in);

	/* Any number of LAN (and WAN) list members: the 17th was dropped, so a
	 * dst-nat on it was taken for one from outside. */
	char lans[1024];
	size_t lo = (size_t)snprintf(lans, sizeof(lans), "/interface list member\n");
	for (int i = 2; i <= 17; i++)
		lo += (size_t)snprintf(lans + lo, sizeof(lans) - lo,
				       "add interface=ether%d list=LAN\n", i);
	snprintf(lans + lo, sizeof(lans) - lo,
		 "/ip firewall nat\nadd action=dst-nat chain=dstnat dst-port=80 in-interface=ether17 "
		 "protocol=tcp to-addresses=192.168.88.20\n");
	parse_edge(&in, lans);
	assert_null(in.error);
	assert_int_equal(in.dev.nhfwds, 0);
	input_free(&in);

	/* 64 dst-port items make 64 forwards; a 65th is an input error naming
	 * the limit (the rest were dropped in silence). */
	char body[2048];
	size_t o = (size_t)snprintf(body, sizeof(body), "/ip firewall nat\n"
				    "add action=dst-nat chain=dstnat in-interface-list=WAN "
				    "protocol=tcp to-addresses=192.168.88.20 dst-port=1");
	for (int i = 2; i <= 64; i++)
		o += (size_t)snprintf(body + o, sizeof(body) - o, ",%d", i);
	snprintf(body + o, sizeof(body) - o, "\n");
	parse_edge(&in, body);
	assert_null(in.error);
	assert_int_equal(in.dev.nhfwds, 64);
	input_free(&in);
	snprintf(body + o, sizeof(body) - o, ",65\n");
	char doc[4096];
	snprintf(doc, sizeof(doc), "/interface list member\nadd interface=bridge list=LAN\n"
		 "add interface=ether1 list=WAN\n%s", body);
	parse(&in, doc);   /* the error is what counts, not the result */
	assert_non_null(in.error);
	assert_string_equal(in.error, "export.rsc: line 5: more than 64 dst-port items in one "
				      "rule (edgelint's limit): the ones after it are not read");
	assert_string_equal(in.error_ja, "export.rsc: 5 行目: 1 つのルールの dst-port が 64 個を"
					 "超えています（edgelint の上限）。これ以降は読み込んでいません");
	input_free(&in);
}


/* Issue 14 §2: a forward to the router itself (to one of its /ip address
 * entries, or action=redirect) onto an open service the input chain lets
 * in is remote administration. */
static void test_forwards_to_router(void **state)
{
	(void)state;
	struct input in;
	parse_edge(&in,
		   "/ip address\n"                                                          /* 4 */
		   "add address=192.168.88.1/24 interface=bridge network=192.168.88.0\n"    /* 5 */
		   "/ip firewall filter\n"                                                  /* 6 */
		   "add action=accept chain=input dst-port=8291 protocol=tcp\n"             /* 7 */
		   "add action=drop chain=input in-interface-list=!LAN\n"                   /* 8 */
		   "/ip firewall nat\n"                                                     /* 9 */
		   "add action=dst-nat chain=dstnat dst-port=18291 in-interface-list=WAN "
		   "protocol=tcp to-addresses=192.168.88.1 to-ports=8291\n"                 /* 10 */
		   "add action=redirect chain=dstnat dst-port=2222 in-interface-list=WAN "
		   "protocol=tcp to-ports=22\n"                                             /* 11 */
		   "add action=dst-nat chain=dstnat dst-port=8080 in-interface-list=WAN "
		   "protocol=tcp to-addresses=192.168.88.1 to-ports=80\n"                   /* 12 */
		   "add action=redirect chain=dstnat dst-port=53 in-interface-list=WAN "
		   "protocol=udp\n"                                                         /* 13 */
		   "add action=dst-nat chain=dstnat dst-port=8291 in-interface-list=WAN "
		   "protocol=tcp to-addresses=192.168.88.9\n"                               /* 14 */
		   "/ip service\n"                                                          /* 15 */
		   "set www address=192.168.88.0/24\n");                                    /* 16 */
	assert_int_equal(in.dev.nhfwds, 5);
	const struct home_forward *f = in.dev.hfwds;
	/* The router's own address, winbox 8291, accepted by the input chain. */
	assert_true(f->to_router);
	assert_string_equal(f->to, "192.168.88.1");
	assert_string_equal(f->admin_svc, "winbox");
	assert_int_equal(f->line, 10);
	/* A redirect onto ssh 22, but the input chain drops it: not admin. */
	f = f->next;
	assert_true(f->to_router);
	assert_null(f->to);
	assert_int_equal(f->to_port, 22);
	assert_null(f->admin_svc);
	/* www 80 is limited to the LAN (address=): not open to the internet. */
	f = f->next;
	assert_true(f->to_router);
	assert_null(f->admin_svc);
	/* udp 53 redirected to the router: no tcp service. */
	f = f->next;
	assert_true(f->to_router);
	assert_null(f->admin_svc);
	/* Another host, even on 8291: an ordinary forward. */
	f = f->next;
	assert_false(f->to_router);
	assert_null(f->admin_svc);
	input_free(&in);

	/* Without an input drop, a redirect onto ssh reaches it. */
	parse_edge(&in, "/ip firewall nat\n"
			"add action=redirect chain=dstnat dst-port=2222 in-interface-list=WAN "
			"protocol=tcp to-ports=22\n");
	assert_int_equal(in.dev.nhfwds, 1);
	assert_string_equal(in.dev.hfwds->admin_svc, "ssh");
	input_free(&in);
}

/* ---- hostile and broken input ------------------------------------------------- */

static void test_broken_lines(void **state)
{
	(void)state;
	static const char doc[] =
		"# jan/02/2026 10:00:00 by RouterOS 6.49.17\n"                       /* 1 */
		"/interface wireless security-profiles\n"                             /* 2 */
		"add name=q mode=dynamic-keys authentication-types=wpa2-psk wpa2-pre-shared-key=\"open-ended\n" /* 3 */
		":global foo 1\n"                                                     /* 4 */
		"frobnicate everything\n"                                             /* 5 */
		"/interface wireless\n"                                               /* 6 */
		"set 0 ssid=ByNumber\n"                                               /* 7 */
		"set [ find default-name=wlan1 ] disabled=maybe\n"                    /* 8 */
		"set [ find default-name=wlan1 ] disabled=no mode=ap-bridge ssid=Still\n" /* 9 */
		"/ip firewall filter\n"                                               /* 10 */
		"add action=drop\n"                                                   /* 11 */
		"/interface wireless set [ find default-name=wlan2 ] ssid=Last \\";   /* 12, no newline */
	struct input in;
	assert_int_equal(parse(&in, doc), 0);
	assert_int_equal(in.lines_total, 11);
	assert_int_equal(in.lines_understood, 5);   /* 2, 6, 9, 10, 12 */
	/* One note per command not understood, at its first line, in order. */
	static const unsigned want[] = {3, 4, 5, 7, 8, 11};
	size_t k = 0;
	for (const struct diag *d = in.diags; d; d = d->next) {
		if (strcmp(d->msg, "this command is not understood; no check uses it") != 0)
			continue;
		assert_true(k < ARRAY_SIZE(want));
		assert_int_equal(d->line, want[k]);
		assert_string_equal(d->msg_ja, "このコマンドは解釈できないため、どの判定にも使っていません");
		k++;
	}
	assert_int_equal(k, 6);
	assert_int_equal(in.lines_unknown, 6);
	assert_not_quoted(&in, "open-ended");
	assert_true(net(&in, "Still")->enabled);
	assert_false(net(&in, "Last")->enabled);
	input_free(&in);
}

static void test_hostile_input(void **state)
{
	(void)state;
	struct input in;
	/* A 1 MB line (an SSID), then a normal one. */
	size_t big = 1u << 20;
	char *doc = malloc(big + 256);
	assert_non_null(doc);
	size_t n = (size_t)sprintf(doc, "/interface wireless\nset [ find default-name=wlan1 ] ssid=");
	memset(doc + n, 'A', big);
	n += big;
	n += (size_t)sprintf(doc + n, " disabled=no mode=ap-bridge\n/ip upnp set enabled=yes\n");
	assert_int_equal(parse_n(&in, doc, n), 0);
	assert_int_equal(in.lines_total, 3);
	assert_int_equal(in.lines_understood, 3);
	assert_int_equal(in.dev.nwifi, 1);
	assert_int_equal(strlen(in.dev.wifi->ssid.s), big);
	assert_int_equal(in.dev.upnp, TRI_YES);
	input_free(&in);

	/* A 1 MB unterminated quoted value. */
	n = (size_t)sprintf(doc, "/interface wireless security-profiles\nadd name=\"");
	memset(doc + n, 'q', big);
	n += big;
	assert_int_equal(parse_n(&in, doc, n), 0);
	assert_int_equal(in.lines_total, 2);
	assert_int_equal(in.lines_understood, 1);
	input_free(&in);

	/* 1 MB of continuation lines. */
	n = (size_t)sprintf(doc, "/interface wireless\nset [ find default-name=wlan1 ] ssid=X");
	while (n + 8 < big)
		n += (size_t)sprintf(doc + n, " \\\n    ");
	n += (size_t)sprintf(doc + n, "disabled=no\n");
	assert_int_equal(parse_n(&in, doc, n), 0);
	assert_int_equal(in.lines_understood, in.lines_total);
	assert_true(net(&in, "X")->enabled);
	input_free(&in);
	free(doc);

	/* NUL bytes in a key and in a command. */
	static const char nul[] =
		"/interface wireless security-profiles\n"
		"add name=n mode=dynamic-keys authentication-types=wpa2-psk wpa2-pre-shared-key=\"ab\0cdefgh\"\n"
		"/interface wireless\n"
		"set [ find default-name=wlan1 ] disabled=no mode=ap-bridge security-profile=n ssid=N\0ul\n";
	assert_int_equal(parse_n(&in, nul, sizeof(nul) - 1), 0);
	const struct wifi_net *w = in.dev.wifi;
	assert_non_null(w);
	assert_int_equal(w->pass_len, 9);
	assert_int_equal(w->sec, WSEC_WPA2);
	input_free(&in);

	/* Garbage and an empty file fail; a header alone does not. */
	static const char junk[] = "\x01\x02\xff\xfe garbage\n";
	assert_int_equal(parse(&in, junk), 0);
	assert_int_equal(in.lines_understood, 0);
	input_free(&in);
	assert_true(parse(&in, "") < 0);
	assert_non_null(in.error);
	input_free(&in);
	assert_true(parse(&in, "# just a comment\n\n") < 0);
	input_free(&in);
	assert_int_equal(parse(&in, "# jan/01/2026 by RouterOS 6.48\n"), 0);
	assert_string_equal(in.dev.firmware.s, "6.48");
	assert_int_equal(in.dev.nwifi, 0);
	input_free(&in);

	/* Past the limit of wireless objects (1024: p1024 at line 1026 is the
	 * first one over): an input error naming
	 * the limit and the line, in both languages; every key of the file
	 * is still a secret. */
	struct strbuf sb;
	sb_init(&sb, 1u << 20);
	sb_adds(&sb, "/interface wireless security-profiles\n");
	for (int i = 0; i < 1030; i++)
		sb_printf(&sb, "add authentication-types=wpa2-psk mode=dynamic-keys name=p%d "
			       "wpa2-pre-shared-key=Key-%06d-x\n", i, i);
	parse_n(&in, sb_str(&sb), sb.len);
	assert_non_null(in.error);
	assert_string_equal(in.error, "export.rsc: line 1026: more than 1024 wireless interfaces, "
				      "security profiles and configurations (edgelint's limit): the ones "
				      "after it are not read");
	assert_string_equal(in.error_ja, "export.rsc: 1026 行目: 無線のインターフェース・セキュリティ"
					 "プロファイル・設定が 1024 個を超えています（edgelint の上限）。"
					 "これ以降は読み込んでいません");
	bool last_kept = false;
	for (size_t i = 0; i < in.nsecrets; i++)
		last_kept |= in.secret_lens[i] == 12 && memcmp(in.secrets[i], "Key-001029-x", 12) == 0;
	assert_true(last_kept);
	input_free(&in);

	/* Past the limit of bridges and bridge ports (issue 14 §1, 1024: the
	 * port at line 1027 is the first one over): an input error too. */
	sb_reset(&sb);
	sb_adds(&sb, "/interface bridge\nadd name=bridge\n/interface bridge port\n");
	for (int i = 0; i < 1030; i++)
		sb_printf(&sb, "add bridge=bridge interface=ether%d\n", i);
	parse_n(&in, sb_str(&sb), sb.len);
	assert_string_equal(in.error, "export.rsc: line 1027: more than 1024 bridges and bridge "
				      "ports (edgelint's limit): the ones after it are not read");
	assert_string_equal(in.error_ja, "export.rsc: 1027 行目: ブリッジとブリッジのポートが 1024 個"
					 "を超えています（edgelint の上限）。これ以降は読み込んでいません");
	input_free(&in);

	/* Past the limit of DHCP clients, default routes and source NAT rules
	 * (1024: line 1026 is the first one over). */
	sb_reset(&sb);
	sb_adds(&sb, "/ip dhcp-client\n");
	for (int i = 0; i < 1030; i++)
		sb_printf(&sb, "add interface=vlan%d\n", i);
	parse_n(&in, sb_str(&sb), sb.len);
	assert_string_equal(in.error, "export.rsc: line 1026: more than 1024 DHCP clients, default "
				      "routes and source NAT rules (edgelint's limit): the ones after it "
				      "are not read");
	input_free(&in);
	sb_free(&sb);
}

/* ---- detection ----------------------------------------------------------------- */

static void test_detect(void **state)
{
	(void)state;
	const struct parser *p = parser_detect(legacy_doc, strlen(legacy_doc));
	assert_non_null(p);
	assert_string_equal(p->kind.name, "routeros");
	static const char terse[] =
		"/interface wireless security-profiles add name=x\n/ip firewall filter add chain=input\n";
	p = parser_detect(terse, sizeof(terse) - 1);
	assert_non_null(p);
	assert_string_equal(p->kind.name, "routeros");
	static const char notros[] = "config wifi-iface\n\toption ssid x\n";
	p = parser_detect(notros, sizeof(notros) - 1);
	assert_true(!p || strcmp(p->kind.name, "routeros") != 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_legacy_document),
		cmocka_unit_test(test_wifi_management_protection),
		cmocka_unit_test(test_legacy_profiles),
		cmocka_unit_test(test_legacy_secrets_and_missing_key),
		cmocka_unit_test(test_legacy_virtual_ap),
		cmocka_unit_test(test_legacy_capsman_and_wps),
		cmocka_unit_test(test_wifi_package),
		cmocka_unit_test(test_wifiwave2_slash_paths_and_terse),
		cmocka_unit_test(test_wifi_passphrase_not_exported),
		cmocka_unit_test(test_remote_admin),
		cmocka_unit_test(test_wan),
		cmocka_unit_test(test_partial_export),
		cmocka_unit_test(test_port_forwards),
		cmocka_unit_test(test_forwards_to_router),
		cmocka_unit_test(test_broken_lines),
		cmocka_unit_test(test_hostile_input),
		cmocka_unit_test(test_detect),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
