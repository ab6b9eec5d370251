/*
 * test_openwrt.c — cmocka tests for parsers/openwrt.c (kind "openwrt"):
 *  - openwrt_encryption() on every value of the research table
 *    (home-routers.md §1.1) and the cipher suffixes, legacy and unknown
 *    spellings; openwrt_is_release();
 *  - whole wireless files through the parser table: sections named and
 *    anonymous, the three quoting styles and '\'' joins, comments (also
 *    "#option disabled 1"), tabs, CRLF, `package`, c/o abbreviations, the
 *    `uci show` form, disabled radios and ifaces, vendor ath_enable and
 *    wps_enable, modes, WEP key slots, SAE passwords, wpa_psk_file,
 *    enterprise secrets, bands, every secret registered;
 *  - firewall zones, rules and redirects (remote admin and forwards),
 *    upnpd, openwrt_release, os-release and the board JSON (identity,
 *    vendor forks, snapshots, build dates);
 *  - inputs of several files: global line numbers, UCI state reset per
 *    file;
 *  - hostile input: a 1 MB line, NUL bytes, no final newline, open quotes,
 *    garbage, broken JSON; coverage counts; detection and roles.
 *
 * Length: the tests of one module are one cmocka group in one file; each
 * test is short, and the file is long because the module has many cases.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../parsers/openwrt.h"
#include "../../parsers/parsers.h"
#include "../../src/model.h"
#include "testctx.h"
#include "testmodel.h"

/* ---- encryption ------------------------------------------------------------- */

struct enc_case {
	const char *enc;
	enum wifi_sec sec;
	enum wifi_cipher cipher;
	bool known;
};

static void test_encryption_table(void **state)
{
	(void)state;
	static const struct enc_case cases[] = {
		{NULL, WSEC_OPEN, WCIPH_UNSET, true},
		{"", WSEC_OPEN, WCIPH_UNSET, true},
		{"none", WSEC_OPEN, WCIPH_UNSET, true},
		{"off", WSEC_OPEN, WCIPH_UNSET, false},
		{"PSK2", WSEC_OPEN, WCIPH_UNSET, false},   /* the scripts match case-sensitively */
		{"open", WSEC_OPEN, WCIPH_UNSET, false},
		{"owe", WSEC_OWE, WCIPH_UNSET, true},
		{"owe-trans", WSEC_OWE, WCIPH_UNSET, true},
		{"wep", WSEC_WEP, WCIPH_UNSET, true},
		{"wep-open", WSEC_WEP, WCIPH_UNSET, true},
		{"wep-shared", WSEC_WEP, WCIPH_UNSET, true},
		{"wep-mixed", WSEC_WEP, WCIPH_UNSET, true},
		{"wep+open", WSEC_WEP, WCIPH_UNSET, true},
		{"wep+shared", WSEC_WEP, WCIPH_UNSET, true},
		{"8021x", WSEC_WEP, WCIPH_UNSET, true},
		{"psk", WSEC_WPA, WCIPH_TKIP, true},
		{"psk+ccmp", WSEC_WPA, WCIPH_AES, true},
		{"psk+tkip", WSEC_WPA, WCIPH_TKIP, true},
		{"psk+tkip+ccmp", WSEC_WPA, WCIPH_TKIP_AES, true},
		{"wpa", WSEC_WPA, WCIPH_TKIP, true},
		{"wpa+ccmp", WSEC_WPA, WCIPH_AES, true},
		{"psk-mixed", WSEC_WPA_WPA2, WCIPH_AES, true},
		{"psk-mixed+tkip+ccmp", WSEC_WPA_WPA2, WCIPH_TKIP_AES, true},
		{"psk-mixed+ccmp", WSEC_WPA_WPA2, WCIPH_AES, true},
		{"psk-mixed+tkip", WSEC_WPA_WPA2, WCIPH_TKIP, true},
		{"wpa-mixed", WSEC_WPA_WPA2, WCIPH_AES, true},
		{"mixed-psk", WSEC_WPA_WPA2, WCIPH_AES, true},
		{"mixed-psk+tkip+aes", WSEC_WPA_WPA2, WCIPH_TKIP_AES, true},
		{"psk2", WSEC_WPA2, WCIPH_AES, true},
		{"psk2+ccmp", WSEC_WPA2, WCIPH_AES, true},
		{"psk2+aes", WSEC_WPA2, WCIPH_AES, true},
		{"psk2+tkip", WSEC_WPA2, WCIPH_TKIP, true},
		{"psk2+tkip+ccmp", WSEC_WPA2, WCIPH_TKIP_AES, true},
		{"psk2+tkip+aes", WSEC_WPA2, WCIPH_TKIP_AES, true},
		{"psk2+aes+tkip", WSEC_WPA2, WCIPH_TKIP_AES, true},
		{"psk2+ccmp+tkip", WSEC_WPA2, WCIPH_TKIP_AES, true},
		{"psk2+ccmp256", WSEC_WPA2, WCIPH_AES, true},
		{"psk2+gcmp", WSEC_WPA2, WCIPH_AES, true},
		{"psk2+gcmp256", WSEC_WPA2, WCIPH_AES, true},
		{"sae", WSEC_WPA3, WCIPH_AES, true},
		{"sae+ccmp", WSEC_WPA3, WCIPH_AES, true},
		{"psk3", WSEC_WPA3, WCIPH_AES, true},
		{"sae-ext-key", WSEC_WPA3, WCIPH_AES, true},
		{"sae-mixed", WSEC_WPA2_WPA3, WCIPH_AES, true},
		{"sae-mixed+ccmp", WSEC_WPA2_WPA3, WCIPH_AES, true},
		{"psk3-mixed", WSEC_WPA2_WPA3, WCIPH_AES, true},
		{"wpa2", WSEC_WPA2_ENT, WCIPH_AES, true},
		{"wpa2+ccmp", WSEC_WPA2_ENT, WCIPH_AES, true},
		{"wpa2+tkip+ccmp", WSEC_WPA2_ENT, WCIPH_TKIP_AES, true},
		{"wpa3", WSEC_WPA3_ENT, WCIPH_AES, true},
		{"wpa3-192", WSEC_WPA3_ENT, WCIPH_AES, true},
		{"wpa3-mixed", WSEC_WPA2_ENT, WCIPH_AES, true},
		{"dpp", WSEC_WPA3_ENT, WCIPH_UNSET, true},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		enum wifi_cipher c = WCIPH_UNSET;
		bool known = !cases[i].known;
		enum wifi_sec s = openwrt_encryption(cases[i].enc, &c, &known);
		if (s != cases[i].sec || c != cases[i].cipher || known != cases[i].known)
			fail_msg("encryption '%s': got %s/%s/%d, want %s/%s/%d",
				 cases[i].enc ? cases[i].enc : "(none)", wifi_sec_name(s),
				 wifi_cipher_name(c), known, wifi_sec_name(cases[i].sec),
				 wifi_cipher_name(cases[i].cipher), cases[i].known);
	}
}

static void test_is_release(void **state)
{
	(void)state;
	static const char *const yes[] = {"23.05.3", "12.09", "19.07.0-rc2", "24.10.0-rc1",
					  "21.02.7", "17.01.7", NULL};
	static const char *const no[] = {"SNAPSHOT", "Bleeding Edge", "19.07-SNAPSHOT",
					 "21.02-SNAPSHOT", "19.07-Generic", "23", "23.", "23.05.",
					 "1.2.3.4", "23.05.3-rc", "23.05.3x", "", "r28676", NULL};
	for (size_t i = 0; yes[i]; i++)
		if (!openwrt_is_release(yes[i]))
			fail_msg("'%s' should be a release", yes[i]);
	for (size_t i = 0; no[i]; i++)
		if (openwrt_is_release(no[i]))
			fail_msg("'%s' should not be a release", no[i]);
}

/* ---- parsing helpers -------------------------------------------------------- */

static struct input g_in;

static int parse_text(struct input *in, const char *text, size_t len)
{
	return parse_as(in, "openwrt", "wireless", text, len);
}

static int parse(const char *text)
{
	return parse_text(&g_in, text, strlen(text));
}

static int teardown_input(void **state)
{
	(void)state;
	input_free(&g_in);
	return 0;
}

static const struct wifi_net *net(const struct input *in, size_t i)
{
	const struct wifi_net *w = in->dev.wifi;
	while (w && i--)
		w = w->next;
	assert_non_null(w);
	return w;
}

static size_t count_notes(const struct input *in)
{
	size_t n = 0;
	for (const struct diag *d = in->diags; d; d = d->next)
		n += d->level == DIAG_NOTE;
	return n;
}

/* The note at a line (fails when there is none). */
static const char *note_at(const struct input *in, unsigned line)
{
	for (const struct diag *d = in->diags; d; d = d->next)
		if (d->line == line)
			return d->msg;
	fail_msg("no diagnostic at line %u", line);
	return NULL;
}

static bool has_secret(const struct input *in, const char *s)
{
	for (size_t i = 0; i < in->nsecrets; i++)
		if (in->secret_lens[i] == strlen(s) && memcmp(in->secrets[i], s, strlen(s)) == 0)
			return true;
	return false;
}

/* ---- wireless ----------------------------------------------------------------- */

static const char wireless_doc[] =
	"\n"                                              /* 1 */
	"config wifi-device 'radio0'\n"                   /* 2 */
	"\toption type 'mac80211'\n"                      /* 3 */
	"\toption band '2g'\n"                            /* 4 */
	"\t# REMOVE THIS LINE TO ENABLE WIFI:\n"          /* 5 */
	"\t#option disabled 1\n"                          /* 6 */
	"\n"                                              /* 7 */
	"config wifi-device radio1\n"                     /* 8 */
	"    option hwmode\t11na\n"                       /* 9 */
	"    option disabled \"yes\"\n"                   /* 10 */
	"\n"                                              /* 11 */
	"config wifi-iface 'default_radio0'\n"            /* 12 */
	"\toption device 'radio0'\n"                      /* 13 */
	"\toption mode 'ap'\n"                            /* 14 */
	"\toption ssid 'Tom'\\''s \"Net\"'\n"             /* 15 */
	"\toption encryption 'psk2+ccmp'   # AES only\n"  /* 16 */
	"\toption key \"river-slate-\\\"quiet\\\"-ember\"\n" /* 17 */
	"\n"                                              /* 18 */
	"config wifi-iface\n"                             /* 19 */
	"\toption device radio1\n"                        /* 20 */
	"\toption ssid Guest\n"                           /* 21 */
	"\toption encryption none\n"                      /* 22 */
	"\n"                                              /* 23 */
	"config 'wifi-iface' 'uplink'\n"                  /* 24 */
	"\toption device 'radio0'\n"                      /* 25 */
	"\toption mode 'sta'\n"                           /* 26 */
	"\toption ssid 'Cafe'\n"                          /* 27 */
	"\toption encryption 'psk2'\n"                    /* 28 */
	"\toption key 'uplink-secret-99'\n";              /* 29 */

static void test_wireless_basic(void **state)
{
	(void)state;
	assert_int_equal(parse(wireless_doc), 0);
	assert_null(g_in.error);
	assert_true(g_in.has_coverage);
	assert_int_equal(g_in.lines_total, 22);
	assert_int_equal(g_in.lines_understood, 22);
	assert_int_equal(count_notes(&g_in), 0);
	assert_int_equal(g_in.dev.nwifi, 3);

	const struct wifi_net *w = net(&g_in, 0);
	assert_string_equal(w->ssid.s, "Tom's \"Net\"");
	assert_int_equal(w->ssid.line, 15);
	assert_int_equal(w->line, 12);
	assert_true(w->enabled);   /* "#option disabled 1" is a comment */
	assert_true(w->is_ap);
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_string_equal(w->sec_label.s, "encryption 'psk2+ccmp'");
	assert_int_equal(w->sec_label.line, 16);
	assert_int_equal(w->cipher, WCIPH_AES);
	assert_int_equal(w->cipher_line, 16);
	assert_int_equal(w->pass_len, strlen("river-slate-\"quiet\"-ember"));
	assert_memory_equal(w->pass, "river-slate-\"quiet\"-ember", w->pass_len);
	assert_int_equal(w->pass_line, 17);
	assert_string_equal(w->band.s, "2.4GHz");
	assert_int_equal(w->band.line, 4);

	w = net(&g_in, 1);
	assert_string_equal(w->ssid.s, "Guest");
	assert_int_equal(w->line, 19);
	assert_false(w->enabled);   /* radio1 is disabled ("yes") */
	assert_true(w->is_ap);      /* no mode: ap */
	assert_int_equal(w->sec, WSEC_OPEN);
	assert_int_equal(w->cipher, WCIPH_UNSET);
	assert_null(w->pass);
	assert_string_equal(w->band.s, "5GHz");
	assert_int_equal(w->band.line, 9);

	w = net(&g_in, 2);
	assert_string_equal(w->ssid.s, "Cafe");
	assert_true(w->enabled);
	assert_false(w->is_ap);
	assert_int_equal(w->sec, WSEC_WPA2);

	assert_true(has_secret(&g_in, "river-slate-\"quiet\"-ember"));
	assert_true(has_secret(&g_in, "uplink-secret-99"));
	const struct device *d = &g_in.dev;
	assert_true(g_in.has_device);
	assert_string_equal(d->vendor.s, "openwrt");
	assert_string_equal(d->vendor_display, "OpenWrt");
	assert_int_equal(d->vendor.line, 2);
	assert_null(d->distro);          /* a wireless file does not say */
	assert_null(d->firmware.s);
	assert_false(d->snapshot);
	assert_int_equal(d->wps, TRI_NO);   /* OpenWrt's default */
	assert_int_equal(d->remote_admin, TRI_UNSET);
	assert_int_equal(d->upnp, TRI_UNSET);
	assert_int_equal(d->nhfwds, 0);
}

static void test_wireless_crlf_export_abbrev(void **state)
{
	(void)state;
	static const char doc[] =
		"package wireless\r\n"                        /* 1 */
		"\r\n"                                        /* 2 */
		"c wifi-device r0\r\n"                        /* 3 */
		"\to disabled off ; o band 6g\r\n"            /* 4 */
		"config wifi-iface\r\n"                       /* 5 */
		"\toption device 'r0'\r\n"                    /* 6 */
		"\toption ssid 'Six'\r\n"                     /* 7 */
		"\toption encryption 'sae'\r\n"               /* 8 */
		"\tlist sae_password 'granite-owl-meadow-77'\r\n" /* 9 */
		"\toption ieee80211w '2'";                    /* 10: no final newline */
	assert_int_equal(parse(doc), 0);
	assert_int_equal(g_in.lines_total, 9);
	assert_int_equal(g_in.lines_understood, 9);
	assert_int_equal(count_notes(&g_in), 0);
	const struct wifi_net *w = net(&g_in, 0);
	assert_true(w->enabled);
	assert_int_equal(w->sec, WSEC_WPA3);
	assert_int_equal(w->pass_len, strlen("granite-owl-meadow-77"));
	assert_memory_equal(w->pass, "granite-owl-meadow-77", w->pass_len);
	assert_int_equal(w->pass_line, 9);
	assert_string_equal(w->band.s, "6GHz");
	assert_int_equal(w->band.line, 4);
	assert_true(has_secret(&g_in, "granite-owl-meadow-77"));
}

static void test_wireless_uci_show(void **state)
{
	(void)state;
	static const char doc[] =
		"wireless.radio0=wifi-device\n"                         /* 1 */
		"wireless.radio0.band='5g'\n"                           /* 2 */
		"wireless.radio0.disabled='0'\n"                        /* 3 */
		"wireless.default_radio0=wifi-iface\n"                  /* 4 */
		"wireless.default_radio0.device='radio0'\n"             /* 5 */
		"wireless.default_radio0.ssid='Ann'\\''s'\n"            /* 6 */
		"wireless.default_radio0.encryption='sae-mixed'\n"      /* 7 */
		"wireless.default_radio0.key='plum-cedar-violin-42'\n"  /* 8 */
		"wireless.@wifi-iface[1].device='radio0'\n"             /* 9: no section line */
		"wireless.@wifi-iface[1].ssid='Side'\n"                 /* 10 */
		"wireless.@wifi-iface[1].encryption='psk+tkip'\n"       /* 11 */
		"wireless.@wifi-iface[1].key='side-key-value'\n"        /* 12 */
		"wireless.@wifi-iface[1].sae_password='a-b-c-d' 'e-f-g-h'\n" /* 13 */
		"network.wan=interface\n"                               /* 14 */
		"network.wan.password='pppoe-pass-31'\n";               /* 15 */
	assert_int_equal(parse(doc), 0);
	assert_int_equal(g_in.lines_total, 15);
	assert_int_equal(g_in.lines_understood, 15);
	assert_int_equal(g_in.dev.nwifi, 2);
	const struct wifi_net *w = net(&g_in, 0);
	assert_string_equal(w->ssid.s, "Ann's");
	assert_int_equal(w->line, 4);
	assert_true(w->enabled);
	assert_int_equal(w->sec, WSEC_WPA2_WPA3);
	assert_int_equal(w->pass_line, 8);
	assert_string_equal(w->band.s, "5GHz");
	w = net(&g_in, 1);
	assert_int_equal(w->line, 9);
	assert_string_equal(w->ssid.s, "Side");
	assert_int_equal(w->sec, WSEC_WPA);
	assert_int_equal(w->cipher, WCIPH_TKIP);
	assert_true(has_secret(&g_in, "side-key-value"));
	assert_true(has_secret(&g_in, "a-b-c-d"));
	assert_true(has_secret(&g_in, "e-f-g-h"));
	assert_true(has_secret(&g_in, "pppoe-pass-31"));   /* not read, still hidden */
}

static void test_wireless_modes_and_devices(void **state)
{
	(void)state;
	static const char doc[] =
		"config wifi-device 'radio0'\n"          /* 1 */
		"config wifi-iface 'mesh'\n"             /* 2 */
		"\toption device 'radio0'\n"             /* 3 */
		"\toption mode 'adhoc'\n"                /* 4 */
		"\toption ssid 'batmesh'\n"              /* 5 */
		"\toption encryption 'off'\n"            /* 6 */
		"\toption key 'mesh-mesh'\n"             /* 7 */
		"config wifi-iface 'mon'\n"              /* 8 */
		"\toption device 'radio0'\n"             /* 9 */
		"\toption mode 'monitor'\n"              /* 10 */
		"config wifi-iface 'odd'\n"              /* 11 */
		"\toption device 'radio0'\n"             /* 12 */
		"\toption mode 'p2p-go'\n"               /* 13 */
		"config wifi-iface 'elsewhere'\n"        /* 14 */
		"\toption device 'radio9'\n"             /* 15 */
		"\toption ssid 'Far'\n"                  /* 16 */
		"\toption encryption 'psk2'\n"           /* 17 */
		"\toption key 'faraway-lake-tower'\n"    /* 18 */
		"config wifi-iface 'nodev'\n"            /* 19 */
		"\toption ssid 'Nowhere'\n"              /* 20 */
		"config wifi-iface 'vendor_guest'\n"     /* 21 */
		"\toption device 'radio0'\n"             /* 22 */
		"\toption ath_enable '0'\n"              /* 23 */
		"\toption wps_enable '1'\n"              /* 24 */
		"config wifi-iface 'off'\n"              /* 25 */
		"\toption device 'radio0'\n"             /* 26 */
		"\toption disabled 'maybe'\n"            /* 27 */
		"\toption mesh_fwding '1'\n"             /* 28 */
		"config wifi-iface 'wpsap'\n"            /* 29 */
		"\toption device 'radio0'\n"             /* 30 */
		"\toption encryption 'psk2'\n"           /* 31 */
		"\toption key 'wps-ap-key-123'\n"        /* 32 */
		"\toption wps_label '0'\n"               /* 33 */
		"\toption wps_pushbutton '1'\n";         /* 34 */
	assert_int_equal(parse(doc), 0);
	assert_int_equal(g_in.dev.nwifi, 8);
	const struct wifi_net *w = net(&g_in, 0);   /* adhoc, open: a network neighbours join */
	assert_true(w->enabled);
	assert_true(w->is_ap);
	assert_int_equal(w->sec, WSEC_OPEN);
	assert_null(w->pass);
	assert_string_equal(note_at(&g_in, 6),
			    "encryption 'off' is not a value OpenWrt knows; its wifi scripts then run "
			    "the network without encryption");
	assert_true(has_secret(&g_in, "mesh-mesh"));
	w = net(&g_in, 1);
	assert_false(w->is_ap);
	w = net(&g_in, 2);
	assert_false(w->is_ap);
	assert_non_null(strstr(note_at(&g_in, 13), "mode 'p2p-go' is not one OpenWrt documents"));
	w = net(&g_in, 3);   /* a radio not in the file: judged by its own settings */
	assert_true(w->enabled);
	assert_true(w->is_ap);
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_string_equal(note_at(&g_in, 15),
			    "radio 'radio9' is not in this file; the network is judged by its own "
			    "settings");
	w = net(&g_in, 4);   /* no device: never brought up */
	assert_false(w->enabled);
	assert_string_equal(note_at(&g_in, 19),
			    "this wifi-iface names no radio ('device'); OpenWrt does not bring it up");
	w = net(&g_in, 5);   /* vendor ath_enable '0' */
	assert_false(w->enabled);
	w = net(&g_in, 6);   /* 'off': a bad boolean is ignored, so it stays on */
	assert_true(w->enabled);
	assert_non_null(strstr(note_at(&g_in, 27), "option 'disabled' should be a boolean"));
	/* WPS: the disabled vendor guest does not count; wpsap does. */
	assert_int_equal(g_in.dev.wps, TRI_YES);
	assert_int_equal(g_in.dev.wps_line, 34);
	/* push-button on; wps_label '0' does not rule the PIN out (an AP PIN
	 * can be set at run time). */
	assert_int_equal(g_in.dev.wps_push, TRI_YES);
	assert_int_equal(g_in.dev.wps_pin, TRI_UNSET);
	assert_int_equal(count_notes(&g_in), 5);
	assert_int_equal(g_in.lines_understood, g_in.lines_total);
}

static void test_wireless_keys(void **state)
{
	(void)state;
	static const char doc[] =
		"config wifi-device 'radio0'\n"              /* 1 */
		"config wifi-iface\n"                        /* 2 */
		"\toption device 'radio0'\n"                 /* 3 */
		"\toption encryption 'wep-open'\n"           /* 4 */
		"\toption key '2'\n"                         /* 5 */
		"\toption key1 's:aaaaa'\n"                  /* 6 */
		"\toption key2 's:Zq9#x'\n"                  /* 7 */
		"config wifi-iface\n"                        /* 8 */
		"\toption device 'radio0'\n"                 /* 9 */
		"\toption encryption 'wep-shared'\n"         /* 10 */
		"\toption key '0123456789'\n"                /* 11 */
		"config wifi-iface\n"                        /* 12 */
		"\toption device 'radio0'\n"                 /* 13 */
		"\toption encryption 'psk2'\n"               /* 14 */
		"\toption wpa_psk_file '/etc/hostapd.psk'\n" /* 15 */
		"config wifi-iface\n"                        /* 16 */
		"\toption device 'radio0'\n"                 /* 17 */
		"\toption encryption 'wpa2+ccmp'\n"          /* 18 */
		"\toption auth_server '192.0.2.10'\n"        /* 19 */
		"\toption auth_secret 'radius-shared-77'\n"  /* 20 */
		"\toption key 'legacy-radius-secret'\n"      /* 21 */
		"config wifi-iface\n"                        /* 22 */
		"\toption device 'radio0'\n"                 /* 23 */
		"\toption encryption 'psk2'\n"               /* 24 */
		"\toption key 'U2FsdGVkX1+hsI6eQ6U3sB7+Yw7R4Sxb'\n" /* 25 */
		"\toption key 'second-value-wins'\n"         /* 26 */
		"config wifi-iface\n"                        /* 27 */
		"\toption device 'radio0'\n"                 /* 28 */
		"\toption encryption 'psk2'\n"               /* 29 */
		"\toption key 'deleted-later'\n"             /* 30 */
		"\toption key ''\n";                         /* 31: deletes it */
	assert_int_equal(parse(doc), 0);
	const struct wifi_net *w = net(&g_in, 0);
	assert_int_equal(w->sec, WSEC_WEP);
	assert_int_equal(w->pass_len, 5);                /* "s:" is not part of the key */
	assert_memory_equal(w->pass, "Zq9#x", 5);
	assert_int_equal(w->pass_line, 7);
	assert_true(has_secret(&g_in, "s:Zq9#x"));
	assert_true(has_secret(&g_in, "Zq9#x"));
	assert_true(has_secret(&g_in, "s:aaaaa"));
	w = net(&g_in, 1);
	assert_int_equal(w->sec, WSEC_WEP);
	assert_int_equal(w->pass_len, 10);               /* the key itself */
	assert_int_equal(w->pass_line, 11);
	w = net(&g_in, 2);
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_null(w->pass);                            /* keys in a file */
	w = net(&g_in, 3);
	assert_int_equal(w->sec, WSEC_WPA2_ENT);
	assert_null(w->pass);
	assert_true(has_secret(&g_in, "radius-shared-77"));
	assert_true(has_secret(&g_in, "legacy-radius-secret"));
	w = net(&g_in, 4);
	assert_int_equal(w->pass_len, strlen("second-value-wins"));
	assert_int_equal(w->pass_line, 26);
	assert_true(has_secret(&g_in, "U2FsdGVkX1+hsI6eQ6U3sB7+Yw7R4Sxb"));
	w = net(&g_in, 5);
	assert_null(w->pass);
	assert_true(has_secret(&g_in, "deleted-later"));
	assert_int_equal(count_notes(&g_in), 0);
}

/* ---- firewall, upnpd -------------------------------------------------------------- */

static const char firewall_doc[] =
	"config defaults\n"                           /* 1 */
	"\toption input 'ACCEPT'\n"                   /* 2 */
	"config zone\n"                               /* 3 */
	"\toption name 'lan'\n"                       /* 4 */
	"\tlist network 'lan'\n"                      /* 5 */
	"\toption input 'ACCEPT'\n"                   /* 6 */
	"config zone\n"                               /* 7 */
	"\toption name 'internet'\n"                  /* 8 */
	"\toption network 'wan wan6'\n"               /* 9 */
	"\toption input 'DROP'\n"                     /* 10 */
	"config rule\n"                               /* 11 */
	"\toption name 'Allow-Ping'\n"                /* 12 */
	"\toption src 'internet'\n"                   /* 13 */
	"\toption target 'ACCEPT'\n"                  /* 14 */
	"config rule\n"                               /* 15 */
	"\toption name 'Allow-DNS-udp'\n"             /* 16 */
	"\toption src 'internet'\n"                   /* 17 */
	"\toption proto 'udp'\n"                      /* 18 */
	"\toption target 'ACCEPT'\n"                  /* 19 */
	"config rule\n"                               /* 20 */
	"\toption name 'Old-Web'\n"                   /* 21 */
	"\toption src 'internet'\n"                   /* 22 */
	"\toption dest_port '443'\n"                  /* 23 */
	"\toption target 'ACCEPT'\n"                  /* 24 */
	"\toption enabled '0'\n"                      /* 25 */
	"config rule\n"                               /* 26 */
	"\toption name 'Web-Range'\n"                 /* 27 */
	"\toption src 'internet'\n"                   /* 28 */
	"\tlist proto 'tcp'\n"                        /* 29 */
	"\tlist dest_port '8000-8100'\n"              /* 30 */
	"\tlist dest_port '440:450'\n"                /* 31 */
	"\toption target 'accept'\n"                  /* 32 */
	"config rule\n"                               /* 33 */
	"\toption src 'internet'\n"                   /* 34 */
	"\toption dest 'lan'\n"                       /* 35 */
	"\toption dest_ip '2001:db8::10'\n"           /* 36 */
	"\toption proto 'tcp'\n"                      /* 37 */
	"\toption dest_port '3389'\n"                 /* 38 */
	"\toption target 'ACCEPT'\n"                  /* 39 */
	"config redirect\n"                           /* 40 */
	"\toption name 'Game'\n"                      /* 41 */
	"\toption src 'internet'\n"                   /* 42 */
	"\toption src_dport '27015-27030'\n"          /* 43 */
	"\toption dest_ip '192.168.1.50'\n"           /* 44 */
	"\toption src_ip '198.51.100.7'\n"            /* 45 */
	"config redirect\n"                           /* 46 */
	"\toption src 'internet'\n"                   /* 47 */
	"\toption proto 'tcp'\n"                      /* 48 */
	"\toption src_dport '2222'\n"                 /* 49 */
	"\toption dest_ip '192.168.1.2'\n"            /* 50 */
	"\toption dest_port '22'\n"                   /* 51 */
	"config redirect\n"                           /* 52 */
	"\toption src 'lan'\n"                        /* 53 */
	"\toption src_dport '53'\n"                   /* 54 */
	"\toption target 'DNAT'\n"                    /* 55 */
	"config redirect\n"                           /* 56 */
	"\toption src 'internet'\n"                   /* 57 */
	"\toption target 'SNAT'\n";                   /* 58 */

static void test_firewall(void **state)
{
	(void)state;
	assert_int_equal(parse(firewall_doc), 0);
	assert_int_equal(count_notes(&g_in), 0);
	assert_int_equal(g_in.lines_total, 58);
	assert_int_equal(g_in.lines_understood, 58);
	const struct device *d = &g_in.dev;
	/* The WAN zone (by its networks) drops; a rule opens 443 (440:450). */
	assert_int_equal(d->remote_admin, TRI_YES);
	assert_int_equal(d->remote_admin_line, 26);
	assert_string_equal(d->remote_admin_why, "rule 'Web-Range' accepts tcp 443 from wan");
	assert_string_equal(d->remote_admin_why_ja, "ルール 'Web-Range' が wan からの tcp 443 を許可");
	assert_int_equal(d->nhfwds, 3);
	/* An IPv6 pinhole to a home host (a rule with a dest). */
	const struct home_forward *f = d->hfwds;
	assert_null(f->name);
	assert_string_equal(f->proto, "tcp");
	assert_int_equal(f->port_lo, 3389);
	assert_int_equal(f->port_hi, 3389);
	assert_string_equal(f->to, "2001:db8::10");
	assert_int_equal(f->to_port, 3389);
	assert_null(f->from);
	assert_int_equal(f->line, 33);
	/* A redirect: proto defaults to tcp udp, a port range, one source. */
	f = f->next;
	assert_string_equal(f->name, "Game");
	assert_string_equal(f->proto, "tcp+udp");
	assert_int_equal(f->port_lo, 27015);
	assert_int_equal(f->port_hi, 27030);
	assert_string_equal(f->to, "192.168.1.50");
	assert_int_equal(f->to_port, 0);
	assert_string_equal(f->from, "198.51.100.7");
	assert_int_equal(f->line, 40);
	f = f->next;
	assert_null(f->name);
	assert_string_equal(f->proto, "tcp");
	assert_int_equal(f->port_lo, 2222);
	assert_int_equal(f->to_port, 22);
	assert_int_equal(f->line, 46);
	assert_null(f->next);
}

/* Issue 14 §2 remainder: redirects from wan without a destination address
 * (dest_ip '' in the real StarlinuX firewall, samples/openwrt/SOURCES.md)
 * target the router itself; switched off (enabled '0') they are no
 * forward at all; switched on, onto port 22, remote administration. */
static void test_redirect_empty_dest_ip(void **state)
{
	(void)state;
	static const char off[] = "config zone 'wan'\n\toption name 'wan'\n\toption input 'REJECT'\n"
				  "\tlist network 'wan'\n\n"
				  "config redirect\n\toption dest 'lan'\n\toption target 'DNAT'\n"
				  "\toption name 'SSH'\n\toption src 'wan'\n\toption src_dport '2222'\n"
				  "\toption dest_ip ''\n\toption dest_port '22'\n\toption enabled '0'\n";
	assert_int_equal(parse(off), 0);
	assert_int_equal(g_in.dev.nhfwds, 0);
	assert_int_equal(g_in.dev.remote_admin, TRI_NO);
	input_free(&g_in);
	static const char on[] = "config zone 'wan'\n\toption name 'wan'\n\toption input 'REJECT'\n"
				 "\tlist network 'wan'\n\n"
				 "config redirect\n\toption dest 'lan'\n\toption target 'DNAT'\n"
				 "\toption name 'SSH'\n\toption src 'wan'\n\toption src_dport '2222'\n"
				 "\toption dest_ip ''\n\toption dest_port '22'\n";
	assert_int_equal(parse(on), 0);
	assert_int_equal(g_in.dev.nhfwds, 1);
	assert_true(g_in.dev.hfwds->to_router);
	assert_null(g_in.dev.hfwds->to);
	assert_string_equal(g_in.dev.hfwds->admin_svc, "SSH");
	assert_int_equal(g_in.dev.hfwds->line, 6);
}

static void test_firewall_wan_input_and_defaults(void **state)
{
	(void)state;
	static const char doc[] =
		"config defaults\n"                /* 1 */
		"\toption input 'ACCEPT'\n"        /* 2 */
		"config zone\n"                    /* 3 */
		"\toption name 'wan'\n"            /* 4 */
		"\toption masq '1'\n"              /* 5 */
		"config rule\n"                    /* 6 */
		"\toption src 'wan'\n"             /* 7 */
		"\toption target 'ACCEPT'\n";      /* 8: every port, tcp udp */
	assert_int_equal(parse(doc), 0);
	/* The zone has no input: it takes the defaults' ACCEPT. */
	assert_int_equal(g_in.dev.remote_admin, TRI_YES);
	assert_int_equal(g_in.dev.remote_admin_line, 2);
	assert_string_equal(g_in.dev.remote_admin_why, "wan zone input ACCEPT");
	assert_string_equal(g_in.dev.remote_admin_why_ja, "WAN 側のゾーン 'wan' の input が ACCEPT");
	input_free(&g_in);

	static const char doc2[] =
		"config zone\n"                    /* 1 */
		"\toption name 'wan'\n"            /* 2 */
		"\toption input 'REJECT'\n"        /* 3 */
		"config rule\n"                    /* 4 */
		"\toption src '*'\n"               /* 5 */
		"\toption proto 'tcp udp'\n"       /* 6 */
		"\toption target 'ACCEPT'\n";      /* 7 */
	assert_int_equal(parse(doc2), 0);
	assert_int_equal(g_in.dev.remote_admin, TRI_YES);
	assert_int_equal(g_in.dev.remote_admin_line, 4);
	assert_string_equal(g_in.dev.remote_admin_why,
			    "an unnamed rule accepts tcp on every port from wan");
	assert_string_equal(g_in.dev.remote_admin_why_ja,
			    "名前のないルールが wan からの tcp をすべてのポートで許可");
	input_free(&g_in);

	static const char doc3[] =
		"config zone\n"
		"\toption name 'wan'\n"
		"\toption input 'REJECT'\n"
		"config rule\n"
		"\toption name 'Allow-IPSec-ESP'\n"
		"\toption src 'wan'\n"
		"\toption dest 'lan'\n"
		"\toption proto 'esp'\n"
		"\toption target 'ACCEPT'\n";
	assert_int_equal(parse(doc3), 0);
	assert_int_equal(g_in.dev.remote_admin, TRI_NO);
	assert_int_equal(g_in.dev.nhfwds, 0);
	input_free(&g_in);

	/* No WAN zone: nothing is known about the internet side. */
	static const char doc4[] =
		"config zone\n"
		"\toption name 'lan'\n"
		"\toption input 'ACCEPT'\n"
		"config rule\n"
		"\toption src 'lan'\n"
		"\toption target 'ACCEPT'\n";
	assert_int_equal(parse(doc4), 0);
	assert_int_equal(g_in.dev.remote_admin, TRI_UNSET);
	input_free(&g_in);

	/* network's `config rule` (policy routing) is not a firewall rule. */
	static const char doc5[] =
		"package network\n"
		"config rule\n"
		"\toption src 'wan'\n"
		"\toption lookup '100'\n"
		"package firewall\n"
		"config zone\n"
		"\toption name 'wan'\n"
		"\toption input 'DROP'\n";
	assert_int_equal(parse(doc5), 0);
	assert_int_equal(g_in.dev.remote_admin, TRI_NO);
	input_free(&g_in);

	/* Issue 13 §3: any number of WAN zones (the 17th was dropped, and
	 * its ACCEPT input never seen). */
	char doc6[2048];
	size_t o = 0;
	for (int i = 1; i <= 17; i++)
		o += (size_t)snprintf(doc6 + o, sizeof(doc6) - o,
				      "config zone\n\toption name 'wan%d'\n\toption masq '1'\n"
				      "\toption input '%s'\n", i, i == 17 ? "ACCEPT" : "REJECT");
	assert_int_equal(parse(doc6), 0);
	assert_int_equal(g_in.dev.remote_admin, TRI_YES);
	assert_int_equal(g_in.dev.remote_admin_line, 68);
	assert_string_equal(g_in.dev.remote_admin_why, "wan zone 'wan17' input ACCEPT");
}

static void test_upnpd(void **state)
{
	(void)state;
	assert_int_equal(parse("config upnpd 'config'\n\toption enabled '1'\n"), 0);
	assert_int_equal(g_in.dev.upnp, TRI_YES);
	assert_int_equal(g_in.dev.upnp_line, 2);
	input_free(&g_in);
	assert_int_equal(parse("config upnpd 'config'\n\toption enabled 'off'\n"), 0);
	assert_int_equal(g_in.dev.upnp, TRI_NO);
	input_free(&g_in);
	assert_int_equal(parse("config upnpd 'config'\n\toption log_output 'info'\n"), 0);
	assert_int_equal(g_in.dev.upnp, TRI_UNSET);
}

/* ---- identity ----------------------------------------------------------------------- */

static void test_release_files(void **state)
{
	(void)state;
	assert_int_equal(parse("DISTRIB_ID='OpenWrt'\n"
			       "DISTRIB_RELEASE='23.05.3'\n"
			       "DISTRIB_REVISION='r23809-234f1a2efa'\n"
			       "DISTRIB_TARGET='ramips/mt7621'\n"
			       "DISTRIB_DESCRIPTION='OpenWrt 23.05.3 r23809-234f1a2efa'\n"),
			 0);
	const struct device *d = &g_in.dev;
	assert_string_equal(d->firmware.s, "23.05.3");
	assert_int_equal(d->firmware.line, 2);
	assert_string_equal(d->distro, "openwrt");
	assert_string_equal(d->vendor.s, "openwrt");
	assert_int_equal(d->vendor.line, 1);
	assert_false(d->snapshot);
	assert_null(d->model.s);
	assert_int_equal(d->wps, TRI_UNSET);   /* no wireless file */
	assert_int_equal(g_in.lines_total, 5);
	assert_int_equal(g_in.lines_understood, 5);
	input_free(&g_in);

	assert_int_equal(parse("DISTRIB_ID=\"OpenWrt\"\nDISTRIB_RELEASE=\"12.09\"\n"
			       "DISTRIB_CODENAME=\"attitude_adjustment\"\n"), 0);
	assert_string_equal(g_in.dev.firmware.s, "12.09");
	assert_false(g_in.dev.snapshot);
	input_free(&g_in);

	assert_int_equal(parse("DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='Bleeding Edge'\n"), 0);
	assert_string_equal(g_in.dev.firmware.s, "Bleeding Edge");
	assert_true(g_in.dev.snapshot);
	assert_string_equal(g_in.dev.distro, "openwrt");
	input_free(&g_in);

	assert_int_equal(parse("DISTRIB_ID='LEDE'\nDISTRIB_RELEASE='17.01.4'\n"), 0);
	assert_string_equal(g_in.dev.distro, "openwrt");
	assert_string_equal(g_in.dev.vendor.s, "openwrt");
	input_free(&g_in);

	/* A vendor's build on an old branch: the vendor's to support. */
	assert_int_equal(parse("DISTRIB_ID='QWRT'\nDISTRIB_RELEASE='19.07-SNAPSHOT'\n"), 0);
	assert_null(g_in.dev.distro);
	assert_string_equal(g_in.dev.vendor.s, "qwrt");
	assert_string_equal(g_in.dev.vendor_display, "QWRT");
	assert_int_equal(g_in.dev.vendor.line, 1);
	assert_string_equal(g_in.dev.firmware.s, "19.07-SNAPSHOT");
	assert_true(g_in.dev.snapshot);
	input_free(&g_in);

	assert_int_equal(parse("DISTRIB_ID='Nwrt (QSDK 12.4)'\nDISTRIB_RELEASE='23.05-SNAPSHOT'\n"), 0);
	assert_string_equal(g_in.dev.vendor.s, "nwrt-qsdk-12-4");
	assert_null(g_in.dev.distro);
}

static void test_os_release(void **state)
{
	(void)state;
	assert_int_equal(parse("NAME=\"OpenWrt\"\n"                          /* 1 */
			       "VERSION=\"24.10.4\"\n"                       /* 2 */
			       "ID=\"openwrt\"\n"                            /* 3 */
			       "VERSION_ID=\"24.10.4\"\n"                    /* 4 */
			       "BUILD_ID=\"r28959-29397011cc\"\n"            /* 5 */
			       "OPENWRT_DEVICE_MANUFACTURER=\"Linksys\"\n"   /* 6 */
			       "OPENWRT_DEVICE_PRODUCT=\"E8450\"\n"          /* 7 */
			       "OPENWRT_BUILD_DATE=\"1737734841\"\n"),       /* 8 */
			 0);
	const struct device *d = &g_in.dev;
	assert_string_equal(d->firmware.s, "24.10.4");
	assert_int_equal(d->firmware.line, 2);
	assert_string_equal(d->distro, "openwrt");
	assert_int_equal(d->vendor.line, 3);
	assert_string_equal(d->model.s, "Linksys E8450");
	assert_int_equal(d->model.line, 7);
	assert_string_equal(d->firmware_date.s, "2025-01-24");
	assert_int_equal(d->firmware_date.line, 8);
	input_free(&g_in);

	/* "OpenWrt Generic" names no model; a bad epoch gives no date. */
	assert_int_equal(parse("ID=openwrt\nVERSION_ID=snapshot\n"
			       "OPENWRT_DEVICE_MANUFACTURER=\"OpenWrt\"\n"
			       "OPENWRT_DEVICE_PRODUCT=\"Generic\"\nOPENWRT_BUILD_DATE=\"soon\"\n"),
			 0);
	assert_null(g_in.dev.model.s);
	assert_null(g_in.dev.firmware_date.s);
	assert_string_equal(g_in.dev.firmware.s, "snapshot");
	assert_true(g_in.dev.snapshot);
}

static const char board_json[] =
	"{\n"                                                     /* 1 */
	"\t\"kernel\": \"5.15.150\",\n"                           /* 2 */
	"\t\"model\": \"Netgear Nighthawk X4S R7800\",\n"         /* 3 */
	"\t\"board_name\": \"netgear,r7800\",\n"                  /* 4 */
	"\t\"release\": {\n"                                      /* 5 */
	"\t\t\"distribution\": \"OpenWrt\",\n"                    /* 6 */
	"\t\t\"version\": \"23.05.3\",\n"                         /* 7 */
	"\t\t\"revision\": \"r23809-234f1a2efa\",\n"              /* 8 */
	"\t\t\"builddate\": 1710000000\n"                         /* 9 */
	"\t}\n"                                                   /* 10 */
	"}\n";                                                    /* 11 */

static void test_board_json(void **state)
{
	(void)state;
	assert_int_equal(parse(board_json), 0);
	const struct device *d = &g_in.dev;
	assert_string_equal(d->model.s, "Netgear Nighthawk X4S R7800");
	assert_int_equal(d->model.line, 3);
	assert_string_equal(d->firmware.s, "23.05.3");
	assert_int_equal(d->firmware.line, 7);
	assert_string_equal(d->distro, "openwrt");
	assert_int_equal(d->vendor.line, 6);
	assert_string_equal(d->firmware_date.s, "2024-03-09");
	assert_int_equal(d->firmware_date.line, 9);
	assert_int_equal(g_in.lines_total, 11);
	assert_int_equal(g_in.lines_understood, 11);
	input_free(&g_in);

	/* Broken JSON alone: nothing usable, so the input fails. */
	assert_int_equal(parse("{\n\t\"model\": \"x\",\n\t\"release\": [\n"), EL_EPARSE);
	assert_int_equal(count_notes(&g_in), 1);
	assert_string_equal(note_at(&g_in, 4),
			    "not the JSON object `ubus call system board` prints; it is not read");
	assert_int_equal(g_in.lines_understood, 0);
}

/* ---- several files ------------------------------------------------------------------ */

static void test_parts(void **state)
{
	(void)state;
	static const char w[] =
		"config wifi-device 'radio0'\n"          /* 1 */
		"config wifi-iface\n"                    /* 2 */
		"\toption device 'radio0'\n"             /* 3 */
		"\toption encryption 'psk2'\n"           /* 4 */
		"\toption key 'harbor-quilt-ninety'";    /* 5 (no newline) */
	static const char f[] =
		"\toption name 'stray'\n"                /* 6: no section in this file */
		"config zone\n"                          /* 7 */
		"\toption name 'wan'\n"                  /* 8 */
		"\toption input 'ACCEPT'\n";             /* 9 */
	static const char r[] =
		"# release\n"                            /* 10 */
		"DISTRIB_ID='OpenWrt'\n"                 /* 11 */
		"DISTRIB_RELEASE='21.02.3'\n";           /* 12 */
	struct input *in = &g_in;
	input_init(in, "wireless");
	in->kind = input_kind_named("openwrt");
	assert_int_equal(input_add_part(in, "wireless", "wireless", w, strlen(w), 1u << 20), 0);
	assert_int_equal(input_add_part(in, "firewall", "firewall", f, strlen(f), 1u << 20), 0);
	assert_int_equal(input_add_part(in, "openwrt_release", "openwrt_release", r, strlen(r),
					1u << 20),
			 0);
	assert_int_equal(parser_of(in->kind)->parse(in, &g_ctx), 0);
	assert_int_equal(in->dev.nwifi, 1);
	assert_int_equal(net(in, 0)->pass_line, 5);
	assert_int_equal(in->dev.remote_admin, TRI_YES);
	assert_int_equal(in->dev.remote_admin_line, 9);
	assert_string_equal(in->dev.firmware.s, "21.02.3");
	assert_int_equal(in->dev.firmware.line, 12);
	assert_string_equal(in->dev.distro, "openwrt");
	assert_int_equal(count_notes(in), 1);
	assert_string_equal(note_at(in, 6),
			    "line not understood: an option before the first 'config' line");
	unsigned local;
	assert_string_equal(input_locate(in, 6, &local), "firewall");
	assert_int_equal(local, 1);
	assert_int_equal(in->lines_total, 11);
	assert_int_equal(in->lines_understood, 10);
	input_free(in);

	/* Files of two routers: the release files disagree. */
	static const char b[] = "{\"board_name\": \"x\", \"release\": {\"version\": \"23.05.5\"}}\n";
	input_init(in, "openwrt_release");
	in->kind = input_kind_named("openwrt");
	assert_int_equal(input_add_part(in, "openwrt_release", "openwrt_release", r, strlen(r),
					1u << 20),
			 0);
	assert_int_equal(input_add_part(in, "board.json", "board.json", b, strlen(b), 1u << 20), 0);
	assert_int_equal(parser_of(in->kind)->parse(in, &g_ctx), 0);
	assert_string_equal(in->dev.firmware.s, "21.02.3");
	assert_string_equal(note_at(in, 4),
			    "this file says release '23.05.5' but another says '21.02.3'; are they from "
			    "the same router? '21.02.3' is used");
}


/* ---- network, uhttpd, dropbear and forwards to the router (issue 14 §2) ------- */

/* Parses the files of one router, in the order given. */
static void parse_parts(struct input *in, const char *const *names, const char *const *texts,
			size_t n)
{
	input_init(in, names[0]);
	in->kind = input_kind_named("openwrt");
	for (size_t i = 0; i < n; i++)
		assert_int_equal(input_add_part(in, names[i], names[i], texts[i], strlen(texts[i]),
						1u << 20),
				 0);
	assert_int_equal(parser_of(in->kind)->parse(in, &g_ctx), 0);
}

static const char net_doc[] =
	"config interface 'loopback'\n"          /* 1 */
	"\toption proto 'static'\n"              /* 2 */
	"\toption ipaddr '127.0.0.1'\n"          /* 3 */
	"config interface 'lan'\n"               /* 4 */
	"\toption proto 'static'\n"              /* 5 */
	"\tlist ipaddr '192.168.7.1/24'\n"       /* 6 */
	"\tlist ipaddr '10.9.0.1/24'\n"          /* 7 */
	"\toption ip6addr 'fd00:7::1/64'\n"      /* 8 */
	"config interface 'uplink'\n"            /* 9 */
	"\toption proto 'pppoe'\n"               /* 10 */
	"\toption password 'pppoe-Secret-77'\n"; /* 11 */
static const char fw_doc[] =
	"config zone\n"                          /* 1 */
	"\toption name 'wan'\n"                  /* 2 */
	"\toption network 'uplink'\n"            /* 3 */
	"\toption input 'REJECT'\n"              /* 4 */
	"config redirect\n"                      /* 5: no dest_ip, dest_port 22 */
	"\toption src 'wan'\n"                   /* 6 */
	"\toption proto 'tcp'\n"                 /* 7 */
	"\toption src_dport '2200'\n"            /* 8 */
	"\toption dest_port '22'\n"              /* 9 */
	"config redirect\n"                      /* 10: the lan address, port 8080 */
	"\toption src 'wan'\n"                   /* 11 */
	"\toption src_dport '8080'\n"            /* 12 */
	"\toption dest_ip '192.168.7.1'\n"       /* 13 */
	"config redirect\n"                      /* 14: the second lan address, 5000 */
	"\toption src 'wan'\n"                   /* 15 */
	"\toption src_dport '5000'\n"            /* 16 */
	"\toption dest_ip '10.9.0.1/32'\n"       /* 17 */
	"config redirect\n"                      /* 18: the IPv6 address, 2022 */
	"\toption src 'wan'\n"                   /* 19 */
	"\toption src_dport '2022'\n"            /* 20 */
	"\toption dest_ip 'fd00:7::1'\n"         /* 21 */
	"config redirect\n"                      /* 22: a home host, port 22 */
	"\toption src 'wan'\n"                   /* 23 */
	"\toption src_dport '22'\n"              /* 24 */
	"\toption dest_ip '192.168.7.20'\n"      /* 25 */
	"config redirect\n"                      /* 26: neither dest_ip nor dest_port */
	"\toption src 'wan'\n"                   /* 27 */
	"\toption src_dport '443'\n";            /* 28 */
static const char httpd_doc[] =
	"config uhttpd 'main'\n"
	"\tlist listen_http '0.0.0.0:8080'\n"
	"\tlist listen_https '[::]:8443'\n"
	"\tlist listen_https 'nonsense:x'\n";
static const char dropbear_doc[] =
	"config dropbear\n"
	"\toption Port '2022'\n";

static void test_network_and_forwards_to_router(void **state)
{
	(void)state;
	struct input *in = &g_in;
	/* The firewall first: the redirects are judged once every file is read. */
	const char *names[] = {"firewall", "network", "uhttpd", "dropbear"};
	const char *texts[] = {fw_doc, net_doc, httpd_doc, dropbear_doc};
	parse_parts(in, names, texts, 4);
	const struct input_part *np = input_part_of(in, 29);
	assert_non_null(np);
	assert_int_equal(in->dev.wan, TRI_YES);
	assert_int_equal(in->dev.wan_line, 28 + 9);   /* interface 'uplink', on zone wan */
	assert_string_equal(in->dev.wan_why, "interface 'uplink' (proto pppoe)");
	assert_string_equal(in->dev.wan_why_ja, "インターフェース 'uplink'（proto pppoe）");
	assert_int_equal(in->dev.remote_admin, TRI_NO);
	assert_int_equal(in->dev.nhfwds, 6);
	/* 1: no dest_ip, to the router's port 22: SSH. */
	assert_true(hfwd_nth(in, 0)->to_router);
	assert_null(hfwd_nth(in, 0)->to);
	assert_string_equal(hfwd_nth(in, 0)->admin_svc, "SSH");
	assert_int_equal(hfwd_nth(in, 0)->line, 5);
	/* 2: the lan address, port 8080 kept: uhttpd listens there. */
	assert_true(hfwd_nth(in, 1)->to_router);
	assert_string_equal(hfwd_nth(in, 1)->to, "192.168.7.1");
	assert_string_equal(hfwd_nth(in, 1)->admin_svc, "HTTP");
	/* 3: the second lan address (list ipaddr, "/32"), 5000: no admin service. */
	assert_true(hfwd_nth(in, 2)->to_router);
	assert_null(hfwd_nth(in, 2)->admin_svc);
	/* 4: the IPv6 address, 2022: dropbear's Port. */
	assert_true(hfwd_nth(in, 3)->to_router);
	assert_string_equal(hfwd_nth(in, 3)->admin_svc, "SSH");
	/* 5: a home host: an ordinary forward, even on port 22. */
	assert_false(hfwd_nth(in, 4)->to_router);
	assert_null(hfwd_nth(in, 4)->admin_svc);
	/* 6: neither dest_ip nor dest_port: OpenWrt does not load it; read as before. */
	assert_false(hfwd_nth(in, 5)->to_router);
	/* The PPPoE password is a secret; the bad uhttpd port a note. */
	assert_true(has_secret(in, "pppoe-Secret-77"));
	assert_string_equal(note_at(in, 28 + 11 + 4),
			    "'nonsense:x' is not a port edgelint can read; it is not counted as an "
			    "admin port");
	input_free(in);

	/* Without the network file the addresses are not known to be the
	 * router's; without uhttpd and dropbear only 22, 23, 80, 443 are admin. */
	const char *n2[] = {"firewall"};
	const char *t2[] = {fw_doc};
	parse_parts(in, n2, t2, 1);
	assert_int_equal(in->dev.wan, TRI_UNSET);
	assert_true(hfwd_nth(in, 0)->to_router);
	assert_string_equal(hfwd_nth(in, 0)->admin_svc, "SSH");
	for (size_t i = 1; i < 6; i++)
		assert_false(hfwd_nth(in, i)->to_router);
	input_free(in);
}

static void test_network_wan(void **state)
{
	(void)state;
	struct input *in = &g_in;
	/* A bridged access point: lan by DHCP, no wan. */
	static const char dumb[] = "config interface 'lan'\n"
				   "\toption device 'br-lan'\n"
				   "\toption proto 'dhcp'\n";
	assert_int_equal(parse(dumb), 0);
	assert_int_equal(in->dev.wan, TRI_NO);
	assert_int_equal(in->dev.wan_line, 0);
	assert_string_equal(in->dev.wan_why,
			    "/etc/config/network has no wan interface using DHCP, PPPoE or a static "
			    "address with a gateway");
	assert_string_equal(in->dev.wan_why_ja,
			    "/etc/config/network に、DHCP、PPPoE、ゲートウェイのある静的アドレスの"
			    "どれかを使う wan インターフェースがありません");
	input_free(in);
	/* A lan with a static gateway (a dumb AP set by hand) is no WAN; a wan
	 * with a static address but no gateway, or disabled, is none either. */
	static const char noup[] = "config interface 'lan'\n"
				   "\toption proto 'static'\n"
				   "\toption ipaddr '192.168.1.2'\n"
				   "\toption gateway '192.168.1.1'\n"
				   "config interface 'wan'\n"
				   "\toption proto 'static'\n"
				   "\toption ipaddr '203.0.113.9'\n"
				   "config interface 'wan6'\n"
				   "\toption proto 'dhcpv6'\n"
				   "\toption disabled '1'\n";
	assert_int_equal(parse(noup), 0);
	assert_int_equal(in->dev.wan, TRI_NO);
	input_free(in);
	/* wan by DHCP, as OpenWrt ships; `uci show` form. */
	static const char show[] = "network.lan=interface\n"
				   "network.lan.proto='static'\n"
				   "network.wan=interface\n"
				   "network.wan.proto='dhcp'\n";
	assert_int_equal(parse(show), 0);
	assert_int_equal(in->dev.wan, TRI_YES);
	assert_int_equal(in->dev.wan_line, 3);
	assert_string_equal(in->dev.wan_why, "interface 'wan' (proto dhcp)");
	input_free(in);
	/* A client uplink on a masquerading zone (a travel router): named by
	 * the firewall, not by its name. Without the firewall it is no WAN. */
	static const char tnet[] = "config interface 'lan'\n"
				   "\toption proto 'static'\n"
				   "config interface 'hotel'\n"
				   "\toption proto 'dhcp'\n";
	static const char tfw[] = "config zone\n"
				  "\toption name 'up'\n"
				  "\toption masq '1'\n"
				  "\tlist network 'hotel'\n";
	const char *names[] = {"network", "firewall"};
	const char *texts[] = {tnet, tfw};
	parse_parts(in, names, texts, 2);
	assert_int_equal(in->dev.wan, TRI_YES);
	assert_int_equal(in->dev.wan_line, 3);
	input_free(in);
	parse_parts(in, names, texts, 1);
	assert_int_equal(in->dev.wan, TRI_NO);
}

/* ---- hostile input ------------------------------------------------------------------- */

static void test_hostile(void **state)
{
	(void)state;
	/* A 1 MB key on one line. */
	size_t big = 1u << 20;
	const char *head = "config wifi-iface\n\toption device 'r'\n\toption encryption 'psk2'\n"
			   "\toption key '";
	size_t hn = strlen(head);
	char *doc = malloc(hn + big + 3);
	assert_non_null(doc);
	memcpy(doc, head, hn);
	memset(doc + hn, 'k', big);
	memcpy(doc + hn + big, "'\n", 3);
	assert_int_equal(parse_text(&g_in, doc, hn + big + 2), 0);
	assert_int_equal(net(&g_in, 0)->pass_len, big);
	assert_int_equal(g_in.lines_understood, 4);
	input_free(&g_in);
	free(doc);

	/* NUL bytes, an open quote, garbage, a line of quotes. */
	static const char nul[] = "config wifi-iface\n\toption ssid 'a\0b'\n\toption key 'x\0yzzy'\n"
				  "\toption encryption 'psk2\n"
				  "this is not uci\n"
				  "\"\"\"\"\"\"\"\n"
				  "\toption disabled '0'\n";
	assert_int_equal(parse_text(&g_in, nul, sizeof(nul) - 1), 0);
	assert_int_equal(g_in.lines_total, 7);
	assert_int_equal(g_in.lines_understood, 4);
	assert_string_equal(note_at(&g_in, 4), "a quote is not closed on this line; the line is skipped");
	assert_non_null(strstr(note_at(&g_in, 5), "line not understood: not a UCI command"));
	const struct wifi_net *w = net(&g_in, 0);
	assert_int_equal(w->sec, WSEC_OPEN);   /* the broken encryption line was skipped */
	assert_int_equal(w->ssid.line, 2);
	assert_int_equal(g_in.nsecrets, 1);
	assert_int_equal(g_in.secret_lens[0], 6);   /* "x", NUL, "yzzy" */
	input_free(&g_in);

	/* Lines not understood past INPUT_UNKNOWN_LISTED (30): a note at each
	 * of the first 30 (lines 2-31), then one at line 32 counting the
	 * other 5. */
	char many[1024] = "config wifi-iface\n";
	for (int i = 1; i <= 35; i++) {
		size_t l = strlen(many);
		snprintf(many + l, sizeof(many) - l, "junk %d\n", i);
	}
	assert_int_equal(parse(many), 0);
	assert_int_equal(g_in.lines_total, 36);
	assert_int_equal(g_in.lines_understood, 1);
	assert_int_equal(g_in.lines_unknown, 35);
	for (unsigned i = 2; i <= 31; i++)
		assert_string_equal(note_at(&g_in, i),
				    "line not understood: not a UCI command (package, config, option, "
				    "list), a uci show line or KEY=value");
	assert_string_equal(note_at(&g_in, 32), "5 more line(s) not understood and not used by any "
						"check (the first at this line)");
	/* 31, and the one at line 1: the wifi-iface names no radio. */
	assert_non_null(strstr(note_at(&g_in, 1), "names no radio"));
	assert_int_equal(count_notes(&g_in), 32);
	input_free(&g_in);

	/* Nothing OpenWrt at all. */
	assert_int_equal(parse("hello\nworld\n"), EL_EPARSE);
	assert_non_null(g_in.error);
	assert_non_null(strstr(g_in.error, "nothing OpenWrt could be read"));
	input_free(&g_in);
	assert_int_equal(parse(""), EL_EPARSE);
	input_free(&g_in);

	/* Backslash continuations and ';' inside quotes. */
	assert_int_equal(parse("config wifi-iface\n\toption ssid 'a;b' ; option mode \\\nsta\n"), 0);
	assert_string_equal(net(&g_in, 0)->ssid.s, "a;b");
	assert_false(net(&g_in, 0)->is_ap);
}

/* ---- detection ----------------------------------------------------------------------- */

/* PMF (issue 15 §2): option ieee80211w 0/1/2 as written; without it the
 * hostapd.sh default by encryption (sae 2, sae-mixed 1, psk2 none = off);
 * another value is passed on by no script: off, with a note. */
static void test_pmf(void **state)
{
	(void)state;
	assert_int_equal(parse("config wifi-iface 'a'\n"          /* 1 */
			       "\toption ssid 'sae'\n"           /* 2 */
			       "\toption encryption 'sae'\n"     /* 3 */
			       "config wifi-iface 'b'\n"          /* 4 */
			       "\toption ssid 'mixed'\n"         /* 5 */
			       "\toption encryption 'sae-mixed'\n" /* 6 */
			       "config wifi-iface 'c'\n"          /* 7 */
			       "\toption ssid 'psk2'\n"          /* 8 */
			       "\toption encryption 'psk2'\n"    /* 9 */
			       "config wifi-iface 'd'\n"          /* 10 */
			       "\toption ssid 'sae-off'\n"       /* 11 */
			       "\toption encryption 'sae'\n"     /* 12 */
			       "\toption ieee80211w '0'\n"       /* 13 */
			       "config wifi-iface 'e'\n"          /* 14 */
			       "\toption ssid 'sae-bad'\n"       /* 15 */
			       "\toption encryption 'sae'\n"     /* 16 */
			       "\toption ieee80211w 'yes'\n"),   /* 17 */
			 0);
	static const struct {
		enum wifi_pmf pmf;
		unsigned line;
	} want[] = {{WPMF_REQUIRED, 0}, {WPMF_OPTIONAL, 0}, {WPMF_OFF, 0}, {WPMF_OFF, 13},
		    {WPMF_OFF, 17}};
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		assert_int_equal(net(&g_in, i)->pmf, want[i].pmf);
		assert_int_equal(net(&g_in, i)->pmf_line, want[i].line);
	}
	assert_non_null(strstr(note_at(&g_in, 17), "ieee80211w 'yes' is not 0, 1 or 2"));
}

/* psk2+tkip: TKIP alone, unless the radio's hwmode is 11n… (netifd adds
 * CCMP for 802.11n: "CCMP TKIP"), issue 15 §2. */
static void test_tkip_and_ht(void **state)
{
	(void)state;
	assert_int_equal(parse("config wifi-device 'old'\n"        /* 1 */
			       "\toption hwmode '11ng'\n"          /* 2 */
			       "config wifi-device 'new'\n"        /* 3 */
			       "\toption band '2g'\n"              /* 4 */
			       "\toption htmode 'HE20'\n"          /* 5 */
			       "config wifi-iface 'a'\n"           /* 6 */
			       "\toption device 'old'\n"           /* 7 */
			       "\toption encryption 'psk2+tkip'\n" /* 8 */
			       "config wifi-iface 'b'\n"           /* 9 */
			       "\toption device 'new'\n"           /* 10 */
			       "\toption encryption 'psk2+tkip'\n"), /* 11 */
			 0);
	assert_int_equal(net(&g_in, 0)->cipher, WCIPH_TKIP_AES);
	assert_int_equal(net(&g_in, 0)->cipher_line, 8);
	assert_int_equal(net(&g_in, 1)->cipher, WCIPH_TKIP);
	assert_int_equal(net(&g_in, 1)->cipher_line, 11);
}

/* Multi-link (Wi-Fi 7): a wifi-iface over several radios, as `list device`
 * or the words of one option, is judged on its 6 GHz member when that
 * radio is on, else on a radio that is on; off only when every member is. */
static void test_mlo_device_list(void **state)
{
	(void)state;
	assert_int_equal(parse("config wifi-device 'r5'\n"        /* 1 */
			       "\toption band '5g'\n"              /* 2 */
			       "config wifi-device 'r6'\n"         /* 3 */
			       "\toption band '6g'\n"              /* 4 */
			       "config wifi-device 'r6off'\n"      /* 5 */
			       "\toption band '6g'\n"              /* 6 */
			       "\toption disabled '1'\n"           /* 7 */
			       "config wifi-iface 'a'\n"           /* 8 */
			       "\tlist device 'r5'\n"              /* 9 */
			       "\tlist device 'r6'\n"              /* 10 */
			       "config wifi-iface 'b'\n"           /* 11 */
			       "\toption device 'r6off r5'\n"      /* 12 */
			       "config wifi-iface 'c'\n"           /* 13 */
			       "\toption device 'r6off nosuch'\n"), /* 14 */
			 0);
	assert_string_equal(net(&g_in, 0)->band.s, "6GHz");
	assert_int_equal(net(&g_in, 0)->band.line, 4);
	assert_true(net(&g_in, 0)->enabled);
	assert_string_equal(net(&g_in, 1)->band.s, "5GHz");
	assert_true(net(&g_in, 1)->enabled);
	assert_string_equal(net(&g_in, 2)->band.s, "6GHz");
	assert_false(net(&g_in, 2)->enabled);
	assert_non_null(strstr(note_at(&g_in, 10), "spans several radios"));   /* the last entry */
}

static void test_detect_and_roles(void **state)
{
	(void)state;
	const struct parser *p = parser_by_name("openwrt");
	assert_non_null(p->role);
	static const struct {
		const char *text;
		int role;
	} cases[] = {
		{"\nconfig wifi-device 'radio0'\n", 1},
		{"package wireless\n\nconfig wifi-iface\n", 1},
		{"wireless.radio0=wifi-device\nwireless.radio0.type='mac80211'\n", 1},
		{"config defaults\n\toption input 'REJECT'\n", 2},
		{"firewall.@zone[0]=zone\n", 2},
		{"DISTRIB_ID='OpenWrt'\n", 3},
		{"NAME=\"OpenWrt\"\nID=\"openwrt\"\n", 4},
		{"{\n\"board_name\": \"x\",\n\"release\": {}\n}\n", 5},
		{"config upnpd 'config'\n", 6},
		{"config interface 'lan'\n", 7},
		{"network.lan=interface\nnetwork.lan.proto='static'\n", 7},
		{"config uhttpd 'main'\n", 8},
		{"config dropbear\n", 9},
		{"config 'dropbear'\n", 9},
		{"config globals 'globals'\n", 0},
		{"{\"model\": \"x\"}\n", 0},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int r = p->role(cases[i].text, strlen(cases[i].text));
		if (r != cases[i].role)
			fail_msg("role of case %zu: %d, want %d", i, r, cases[i].role);
		const struct parser *d = parser_detect(cases[i].text, strlen(cases[i].text));
		if (cases[i].role && (!d || strcmp(d->kind.name, "openwrt") != 0))
			fail_msg("case %zu not detected as openwrt", i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encryption_table),
		cmocka_unit_test(test_is_release),
		cmocka_unit_test_teardown(test_mlo_device_list, teardown_input),
		cmocka_unit_test_teardown(test_tkip_and_ht, teardown_input),
		cmocka_unit_test_teardown(test_pmf, teardown_input),
		cmocka_unit_test_teardown(test_wireless_basic, teardown_input),
		cmocka_unit_test_teardown(test_wireless_crlf_export_abbrev, teardown_input),
		cmocka_unit_test_teardown(test_wireless_uci_show, teardown_input),
		cmocka_unit_test_teardown(test_wireless_modes_and_devices, teardown_input),
		cmocka_unit_test_teardown(test_wireless_keys, teardown_input),
		cmocka_unit_test_teardown(test_firewall, teardown_input),
		cmocka_unit_test_teardown(test_firewall_wan_input_and_defaults, teardown_input),
		cmocka_unit_test_teardown(test_redirect_empty_dest_ip, teardown_input),
		cmocka_unit_test_teardown(test_upnpd, teardown_input),
		cmocka_unit_test_teardown(test_release_files, teardown_input),
		cmocka_unit_test_teardown(test_os_release, teardown_input),
		cmocka_unit_test_teardown(test_board_json, teardown_input),
		cmocka_unit_test_teardown(test_parts, teardown_input),
		cmocka_unit_test_teardown(test_network_and_forwards_to_router, teardown_input),
		cmocka_unit_test_teardown(test_network_wan, teardown_input),
		cmocka_unit_test_teardown(test_hostile, teardown_input),
		cmocka_unit_test(test_detect_and_roles),
	};
	return cmocka_run_group_tests_name("openwrt", tests, group_setup, group_teardown);
}
