/*
 * test_nvram.c — cmocka tests for parsers/nvram.c and parsers/nvram_backup.c
 * (kind "nvram"):
 *  - ASUSWRT wlN_auth_mode_x, Tomato wlN_security_mode and Broadcom/DD-WRT
 *    wlN_akm values, each mapped to its wifi_sec; WEP via wep_x / wep;
 *    ciphers; passphrases (length, line, registered as secrets);
 *  - which BSSes count: radio off, net_mode disabled, bss_enabled, a
 *    guest's own radio, DD-WRT vifs; AP and non-AP modes; the wl_ mirror
 *    ignored where a wlN_ radio exists; BSS order;
 *  - device identity: Merlin release naming (3006/3004/386/380), stock
 *    ASUSWRT, odmpid, DD-WRT, FreshTomato/Tomato, Tenda, build dates;
 *  - WPS, UPnP, remote admin with why, vts_rulelist forwards, DMZ;
 *  - text details: CRLF, no final newline, the size trailer, multi-line
 *    values, lines not understood (notes with lines, capped), NUL bytes,
 *    a 1 MB line, nothing readable;
 *  - binary backups built here: HDR1, HDR2 (salted, padded), DD-WRT, and
 *    truncated or corrupt ones (errors naming entry and byte offset);
 *  - content detection of dumps and backups;
 *  - single-radio firmware (bare wl_ keys, WPS in wl_wsc_enable), model
 *    keys (odmpid, productid, model, router_name), forwards to the
 *    router's own lan_ipaddr (issue 14 §2).
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

#include "../../parsers/nvram_backup.h"
#include "../../parsers/parsers.h"
#include "../../src/checks/checks.h"
#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/run.h"
#include "testctx.h"
#include "testmodel.h"

/* ---- helpers ------------------------------------------------------------ */

static int parse_bytes(struct input *in, const char *data, size_t n)
{
	return parse_as(in, "nvram", "nvram.txt", data, n);
}

static int parse_text(struct input *in, const char *text)
{
	return parse_bytes(in, text, strlen(text));
}

static const struct wifi_net *net_by_ssid(const struct input *in, const char *ssid)
{
	for (const struct wifi_net *w = in->dev.wifi; w; w = w->next)
		if (w->ssid.s && strcmp(w->ssid.s, ssid) == 0)
			return w;
	fail_msg("no network %s", ssid);
	return NULL;
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

static bool has_secret(const struct input *in, const char *s)
{
	for (size_t i = 0; i < in->nsecrets; i++)
		if (in->secret_lens[i] == strlen(s) && memcmp(in->secrets[i], s, strlen(s)) == 0)
			return true;
	return false;
}

/* The security mode of one BSS whose settings are lines (after wl0_ssid). */
static enum wifi_sec sec_of(const char *lines)
{
	char buf[512];
	snprintf(buf, sizeof(buf), "wl0_ssid=x\nwl0_radio=1\n%s\n", lines);
	struct input in;
	assert_int_equal(parse_text(&in, buf), 0);
	assert_int_equal(in.dev.nwifi, 1);
	enum wifi_sec s = in.dev.wifi->sec;
	input_free(&in);
	return s;
}

struct sec_case {
	const char *lines;
	enum wifi_sec sec;
};

static void check_secs(const struct sec_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		enum wifi_sec s = sec_of(c[i].lines);
		if (s != c[i].sec)
			fail_msg("\"%s\": got %s, want %s", c[i].lines, wifi_sec_name(s),
				 wifi_sec_name(c[i].sec));
	}
}

/* ---- security modes ------------------------------------------------------ */

/* PMF (issue 15 §2): wlN_mfp 0/1/2; absent or Broadcom's -1 is not said. */
static void test_mfp(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_text(&in, "wl0_ssid=off-net\nwl0_radio=1\nwl0_auth_mode_x=sae\n"
				    "wl0_mfp=0\nwl1_ssid=req-net\nwl1_radio=1\n"
				    "wl1_auth_mode_x=sae\nwl1_mfp=2\nwl2_ssid=auto-net\n"
				    "wl2_radio=1\nwl2_auth_mode_x=psk2sae\nwl2_mfp=-1\n"),
			 0);
	assert_int_equal(net_by_ssid(&in, "off-net")->pmf, WPMF_OFF);
	assert_int_equal(net_by_ssid(&in, "off-net")->pmf_line, 4);
	assert_int_equal(net_by_ssid(&in, "req-net")->pmf, WPMF_REQUIRED);
	assert_int_equal(net_by_ssid(&in, "req-net")->pmf_line, 8);
	assert_int_equal(net_by_ssid(&in, "auto-net")->pmf, WPMF_UNSET);
	input_free(&in);
}

static void test_asus_auth_modes(void **state)
{
	(void)state;
	static const struct sec_case cases[] = {
		{"wl0_auth_mode_x=open", WSEC_OPEN},
		{"wl0_auth_mode_x=open\nwl0_wep_x=0", WSEC_OPEN},
		{"wl0_auth_mode_x=open\nwl0_wep_x=1", WSEC_WEP},
		{"wl0_auth_mode_x=open\nwl0_wep_x=2", WSEC_WEP},
		{"wl0_auth_mode_x=shared", WSEC_WEP},
		{"wl0_auth_mode_x=psk", WSEC_WPA},
		{"wl0_auth_mode_x=psk2", WSEC_WPA2},
		{"wl0_auth_mode_x=pskpsk2", WSEC_WPA_WPA2},
		{"wl0_auth_mode_x=sae", WSEC_WPA3},
		{"wl0_auth_mode_x=psk2sae", WSEC_WPA2_WPA3},
		{"wl0_auth_mode_x=wpa", WSEC_WPA},
		{"wl0_auth_mode_x=wpa2", WSEC_WPA2_ENT},
		{"wl0_auth_mode_x=wpawpa2", WSEC_WPA_WPA2},
		{"wl0_auth_mode_x=wpa3", WSEC_WPA3_ENT},
		{"wl0_auth_mode_x=wpa2wpa3", WSEC_WPA2_ENT},
		{"wl0_auth_mode_x=suite-b", WSEC_WPA3_ENT},
		{"wl0_auth_mode_x=radius", WSEC_WEP},
		{"wl0_auth_mode_x=owe", WSEC_OWE},
		{"wl0_auth_mode_x=openowe", WSEC_OWE},
		/* auth_mode_x wins over the derived akm. */
		{"wl0_auth_mode_x=psk2\nwl0_akm=psk psk2", WSEC_WPA2},
		/* Unknown value: the akm says what the driver does. */
		{"wl0_auth_mode_x=turbo\nwl0_akm=psk2", WSEC_WPA2},
		{"wl0_auth_mode_x=turbo", WSEC_UNKNOWN},
	};
	check_secs(cases, ARRAY_SIZE(cases));
}

static void test_tomato_security_modes(void **state)
{
	(void)state;
	static const struct sec_case cases[] = {
		{"wl0_security_mode=disabled", WSEC_OPEN},
		{"wl0_security_mode=wep", WSEC_WEP},
		{"wl0_security_mode=wpa_personal", WSEC_WPA},
		{"wl0_security_mode=wpa2_personal", WSEC_WPA2},
		{"wl0_security_mode=wpaX_personal", WSEC_WPA_WPA2},
		{"wl0_security_mode=wpa_enterprise", WSEC_WPA},
		{"wl0_security_mode=wpa2_enterprise", WSEC_WPA2_ENT},
		{"wl0_security_mode=wpaX_enterprise", WSEC_WPA_WPA2},
		{"wl0_security_mode=radius", WSEC_WEP},
		/* DD-WRT writes akm-style lists into security_mode. */
		{"wl0_security_mode=psk psk2", WSEC_WPA_WPA2},
		{"wl0_security_mode=psk2", WSEC_WPA2},
		{"wl0_security_mode=wpa wpa2", WSEC_WPA_WPA2},
		{"wl0_security_mode=wpa3_personal", WSEC_UNKNOWN},
	};
	check_secs(cases, ARRAY_SIZE(cases));
}

static void test_akm_lists(void **state)
{
	(void)state;
	static const struct sec_case cases[] = {
		{"wl0_akm=", WSEC_OPEN},
		{"wl0_akm=\nwl0_wep=enabled", WSEC_WEP},
		{"wl0_akm=psk", WSEC_WPA},
		{"wl0_akm=psk2", WSEC_WPA2},
		{"wl0_akm=psk psk2", WSEC_WPA_WPA2},
		{"wl0_akm=sae", WSEC_WPA3},
		{"wl0_akm=psk2 sae", WSEC_WPA2_WPA3},
		{"wl0_akm=psk2 psk3", WSEC_WPA2_WPA3},
		{"wl0_akm=psk3", WSEC_WPA3},
		{"wl0_akm=psk2-sha256", WSEC_WPA2},
		{"wl0_akm=wpa2", WSEC_WPA2_ENT},
		{"wl0_akm=wpa3-192", WSEC_WPA3_ENT},
		{"wl0_akm=wpa2 wpa3", WSEC_WPA2_ENT},
		{"wl0_akm=wpa", WSEC_WPA},
		{"wl0_akm=owe", WSEC_OWE},
		{"wl0_akm=disabled", WSEC_OPEN},
		{"wl0_akm=wep", WSEC_WEP},
		{"wl0_akm=  psk2  ", WSEC_WPA2},
		{"wl0_akm=psk2 bogus", WSEC_UNKNOWN},
		{"wl0_akm=peap", WSEC_UNKNOWN},
		/* Nothing said: Broadcom's default. */
		{"wl0_crypto=aes", WSEC_OPEN},
		{"wl0_wep=enabled", WSEC_WEP},
	};
	check_secs(cases, ARRAY_SIZE(cases));
}

static void test_ciphers_and_pass(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_text(&in, "wl0_ssid=a\n"
					 "wl0_akm=psk2\n"
					 "wl0_crypto=tkip+aes\n"
					 "wl0_wpa_psk=correct horse battery staple\n"
					 "wl1_ssid=b\n"
					 "wl1_akm=psk2\n"
					 "wl1_crypto=tkip\n"
					 "wl2_ssid=c\n"
					 "wl2_akm=sae\n"
					 "wl2_crypto=tkip\n"
					 "wl2_wpa_psk=\n"
					 "ath0_ssid=d\n"
					 "ath0_akm=psk2\n"
					 "ath0_ccmp=1\n"
					 "ath0_tkip=0\n"
					 "wl3_ssid=e\n"
					 "wl3_akm=wpa2\n"
					 "wl3_crypto=rc4\n"
					 "wl3_wpa_psk=enterprise-has-no-psk\n"),
			 0);
	assert_int_equal(in.dev.nwifi, 5);
	const struct wifi_net *a = net_by_ssid(&in, "a");
	assert_int_equal(a->cipher, WCIPH_TKIP_AES);
	assert_int_equal(a->cipher_line, 3);
	assert_non_null(a->pass);
	assert_int_equal(a->pass_len, 28);
	assert_int_equal(a->pass_line, 4);
	assert_true(has_secret(&in, "correct horse battery staple"));
	const struct wifi_net *b = net_by_ssid(&in, "b");
	assert_int_equal(b->cipher, WCIPH_TKIP);
	assert_null(b->pass);   /* no wpa_psk key at all */
	const struct wifi_net *c = net_by_ssid(&in, "c");
	assert_int_equal(c->cipher, WCIPH_UNSET);   /* SAE-only: crypto does not apply */
	assert_non_null(c->pass);
	assert_int_equal(c->pass_len, 0);
	assert_int_equal(c->pass_line, 11);
	const struct wifi_net *d = net_by_ssid(&in, "d");
	assert_int_equal(d->cipher, WCIPH_AES);
	assert_int_equal(d->cipher_line, 14);
	const struct wifi_net *e = net_by_ssid(&in, "e");
	assert_int_equal(e->sec, WSEC_WPA2_ENT);
	assert_int_equal(e->cipher, WCIPH_UNSET);
	assert_null(e->pass);   /* enterprise: no shared passphrase */
	assert_true(has_secret(&in, "enterprise-has-no-psk"));
	assert_non_null(diag_at(&in, 18));   /* the unknown cipher is noted */
	input_free(&in);
}

/* ---- which networks count ------------------------------------------------ */

static void test_enabled_and_ap(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_text(&in, "wl_ssid=mirror\n"             /* 1: ignored */
					 "wl_conf_ssid=tenda-mirror\n"  /* 2: ignored */
					 "wl0_ssid=primary\n"           /* 3 */
					 "wl0_radio=1\n"
					 "wl0.1_ssid=guest-off\n"       /* 5 */
					 "wl0.1_bss_enabled=0\n"
					 "wl0.1_radio=1\n"
					 "wl0.2_ssid=guest-on\n"        /* 8 */
					 "wl0.2_bss_enabled=1\n"
					 "wl0.3_ssid=tenda-guest\n"     /* 10 */
					 "wl0.3_radio=0\n"
					 "wl0.4_ssid=client\n"          /* 12 */
					 "wl0.4_mode=sta\n"
					 "wl1_ssid=radio-off\n"         /* 14 */
					 "wl1_radio=0\n"
					 "wl1.1_ssid=guest-of-off\n"    /* 16 */
					 "wl1.1_bss_enabled=1\n"
					 "wl2_ssid=ddwrt\n"             /* 18 */
					 "wl2_net_mode=disabled\n"
					 "wl3_ssid=vif-parent\n"        /* 20 */
					 "wl3_mode=apsta\n"
					 "wl3_vifs=wl3.1\n"
					 "wl3.1_ssid=listed\n"          /* 23 */
					 "wl3.2_ssid=unlisted\n"        /* 24 */
					 "wl3.2_mode=weird\n"           /* 25 */
					 "wl0.10_ssid=ten\n"),          /* 26 */
			 0);
	assert_int_equal(in.dev.nwifi, 12);
	/* Order: radio, then BSS number (0.10 after 0.4). */
	static const struct {
		const char *ssid;
		unsigned line;
		bool enabled, is_ap;
	} want[] = {
		{"primary", 3, true, true},        {"guest-off", 5, false, true},
		{"guest-on", 8, true, true},       {"tenda-guest", 10, false, true},
		{"client", 12, true, false},       {"ten", 26, true, true},
		{"radio-off", 14, false, true},    {"guest-of-off", 16, false, true},
		{"ddwrt", 18, false, true},        {"vif-parent", 20, true, false},
		{"listed", 23, true, true},        {"unlisted", 24, false, true},
	};
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		const struct wifi_net *w = wifi_nth(&in, i);
		assert_string_equal(w->ssid.s, want[i].ssid);
		assert_int_equal(w->line, want[i].line);
		assert_int_equal(w->ssid.line, want[i].line);
		if (w->enabled != want[i].enabled || w->is_ap != want[i].is_ap)
			fail_msg("%s: enabled %d is_ap %d", w->ssid.s, w->enabled, w->is_ap);
	}
	const struct diag *d = diag_at(&in, 25);   /* unknown mode noted */
	assert_non_null(d);
	assert_int_equal(d->level, DIAG_NOTE);
	assert_int_equal(in.lines_total, 26);
	assert_int_equal(in.lines_understood, 26);
	input_free(&in);
}

static void test_band(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_text(&in, "wl0_ssid=a\nwl0_nband=2\nwl0.1_ssid=g\n"
					 "wl1_ssid=b\nwl1_nband=1\nwl2_ssid=c\nwl2_nband=4\n"),
			 0);
	assert_string_equal(wifi_nth(&in, 0)->band.s, "2.4GHz");
	assert_int_equal(wifi_nth(&in, 0)->band.line, 2);
	assert_string_equal(wifi_nth(&in, 1)->band.s, "2.4GHz");   /* the guest's radio */
	assert_string_equal(wifi_nth(&in, 2)->band.s, "5GHz");
	assert_string_equal(wifi_nth(&in, 3)->band.s, "6GHz");
	input_free(&in);
}

/* ---- a whole Merlin dump, through the checks ------------------------------ */

static const char merlin[] =
	"wl0_ssid=Home\n"                               /* 1 */
	"wl1_auth_mode_x=open\n"                        /* 2 */
	"wl0_auth_mode_x=psk2\n"                        /* 3 */
	"wl0.1_ssid=Guest\n"                            /* 4 */
	"wl0_crypto=aes\n"                              /* 5 */
	"wl1_ssid=Home-5G\n"                            /* 6 */
	"wl0_wpa_psk=kettle orbit lantern pebble 47\n"  /* 7 */
	"wl0.1_auth_mode_x=open\n"                      /* 8 */
	"wl0.1_bss_enabled=0\n"                         /* 9 */
	"wl0_radio=1\n"                                 /* 10 */
	"wl1_radio=1\n"                                 /* 11 */
	"productid=RT-AC86U\n"                          /* 12 */
	"odmpid=\n"                                     /* 13 */
	"firmver=3.0.0.4\n"                             /* 14 */
	"buildno=386.14\n"                              /* 15 */
	"extendno=2\n"                                  /* 16 */
	"buildinfo=Sun Nov 17 18:22:05 EST 2024 merlin@dev\n" /* 17 */
	"http_passwd=Wiring-Tulip-Boat-83\n"            /* 18 */
	"wps_enable=0\n"                                /* 19 */
	"upnp_enable=1\n"                               /* 20 */
	"misc_http_x=1\n"                               /* 21 */
	"http_enable=0\n"                               /* 22 */
	"misc_httpport_x=8088\n"                        /* 23 */
	"vts_enable_x=1\n"                              /* 24 */
	"vts_rulelist=<NAS>8443>192.168.50.20>443>TCP><Game>27015:27030,3074>192.168.50.31>>BOTH><GRE>47>192.168.50.9>>OTHER><src>22>192.168.50.2>2222>TCP>203.0.113.0/24<bad>1>2\n" /* 25 */
	"dmz_ip=192.168.50.99\n"                        /* 26 */
	"size: 61234 bytes (69838 left)\n";             /* 27 */

static void test_merlin_dump(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_text(&in, merlin), 0);
	const struct device *d = &in.dev;
	assert_true(in.has_device);
	assert_string_equal(d->vendor.s, "asus");
	assert_string_equal(d->vendor_display, "ASUS");
	assert_string_equal(d->model.s, "RT-AC86U");
	assert_int_equal(d->model.line, 12);
	assert_string_equal(d->distro, "asuswrt-merlin");
	assert_string_equal(d->firmware.s, "386.14_2");
	assert_int_equal(d->firmware.line, 15);
	assert_string_equal(d->firmware_date.s, "2024-11-17");
	assert_int_equal(d->firmware_date.line, 17);
	assert_false(d->snapshot);
	assert_int_equal(d->wps, TRI_NO);
	assert_int_equal(d->wps_line, 19);
	assert_int_equal(d->upnp, TRI_YES);
	assert_int_equal(d->upnp_line, 20);
	assert_int_equal(d->remote_admin, TRI_YES);
	assert_int_equal(d->remote_admin_line, 21);
	assert_string_equal(d->remote_admin_why,
			    "misc_http_x=1: the web admin page answers from the WAN on HTTP port 8088");
	/* Wi-Fi: the psk2 network, its disabled open guest, the open 5 GHz one. */
	assert_int_equal(d->nwifi, 3);
	const struct wifi_net *h = wifi_nth(&in, 0), *g = wifi_nth(&in, 1), *o = wifi_nth(&in, 2);
	assert_string_equal(h->ssid.s, "Home");
	assert_int_equal(h->sec, WSEC_WPA2);
	assert_string_equal(h->sec_label.s, "wl0_auth_mode_x=psk2");
	assert_int_equal(h->sec_label.line, 3);
	assert_int_equal(h->cipher, WCIPH_AES);
	assert_true(h->enabled && h->is_ap);
	assert_int_equal(h->pass_len, 30);
	assert_string_equal(g->ssid.s, "Guest");
	assert_int_equal(g->sec, WSEC_OPEN);
	assert_false(g->enabled);
	assert_string_equal(o->ssid.s, "Home-5G");
	assert_int_equal(o->sec, WSEC_OPEN);
	assert_true(o->enabled && o->is_ap);
	assert_int_equal(o->sec_label.line, 2);
	/* Forwards: 8443, 27015-27030, 3074, GRE (any), the src-limited one; the
	 * rule with 3 fields is noted; then the DMZ host. */
	assert_int_equal(d->nhfwds, 6);
	const struct home_forward *f = d->hfwds;
	assert_string_equal(f->name, "NAS");
	assert_string_equal(f->proto, "tcp");
	assert_int_equal(f->port_lo, 8443);
	assert_int_equal(f->port_hi, 8443);
	assert_string_equal(f->to, "192.168.50.20");
	assert_int_equal(f->to_port, 443);
	assert_null(f->from);
	assert_int_equal(f->line, 25);
	f = f->next;
	assert_string_equal(f->proto, "tcp+udp");
	assert_int_equal(f->port_lo, 27015);
	assert_int_equal(f->port_hi, 27030);
	assert_int_equal(f->to_port, 0);
	f = f->next;
	assert_int_equal(f->port_lo, 3074);
	f = f->next;
	assert_string_equal(f->name, "GRE");
	assert_string_equal(f->proto, "any");
	assert_int_equal(f->port_lo, 0);
	f = f->next;
	assert_string_equal(f->from, "203.0.113.0/24");
	assert_int_equal(f->to_port, 2222);
	f = f->next;
	assert_string_equal(f->name, "DMZ");
	assert_string_equal(f->to, "192.168.50.99");
	assert_int_equal(f->line, 26);
	const struct diag *dg = diag_at(&in, 25);
	assert_non_null(dg);
	assert_int_equal(dg->level, DIAG_NOTE);
	/* Secrets: the PSK and the admin password. */
	assert_true(has_secret(&in, "kettle orbit lantern pebble 47"));
	assert_true(has_secret(&in, "Wiring-Tulip-Boat-83"));
	/* Coverage: every line, the trailer too. */
	assert_int_equal(in.lines_total, 27);
	assert_int_equal(in.lines_understood, 27);
	assert_int_equal(count_diags(&in, DIAG_ERROR), 0);

	checks_run(&in, &g_ctx);
	const struct finding *fo = find_rule(&in, "EL201", NULL);
	assert_non_null(fo);
	assert_int_equal(fo->status, FST_FAIL);
	assert_int_equal(fo->line, 2);
	assert_int_equal(count_rule(&in, "EL201"), 1);   /* the disabled guest does not count */
	assert_int_equal(count_rule(&in, "EL114"), 6);
	assert_non_null(find_rule(&in, "EL110", NULL));
	assert_non_null(find_rule(&in, "EL111", NULL));
	input_free(&in);
}

/* ---- device identity ------------------------------------------------------ */

/* The firmware as Merlin or ASUS names it (what reports print) and, for
 * Merlin, the branch and the release within it (home-firmware.yaml keys;
 * NULL for stock ASUSWRT). */
static void check_asus_fw(const char *firmver, const char *buildno, const char *extendno,
			  const char *distro, const char *want, const char *branch,
			  const char *release)
{
	char buf[256];
	snprintf(buf, sizeof(buf), "productid=RT-AX88U\nfirmver=%s\nbuildno=%s\nextendno=%s\n",
		 firmver, buildno, extendno);
	struct input in;
	assert_int_equal(parse_text(&in, buf), 0);
	assert_string_equal(in.dev.firmware.s, want);
	assert_string_equal(in.dev.distro, distro);
	if (branch) {
		assert_string_equal(in.dev.fw_branch, branch);
		assert_string_equal(in.dev.fw_release, release);
	} else {
		assert_null(in.dev.fw_branch);
		assert_null(in.dev.fw_release);
	}
	assert_true(in.has_device);
	input_free(&in);
}

static void test_asus_firmware_names(void **state)
{
	(void)state;
	check_asus_fw("3.0.0.6", "102.5", "0", "asuswrt-merlin", "3006.102.5", "3006", "102.5");
	check_asus_fw("3.0.0.6", "102.8", "4", "asuswrt-merlin", "3006.102.8_4", "3006",
		      "102.8_4");
	check_asus_fw("3.0.0.4", "388.8", "2", "asuswrt-merlin", "3004.388.8_2", "388", "388.8_2");
	check_asus_fw("3.0.0.4", "386.14", "2", "asuswrt-merlin", "386.14_2", "386", "386.14_2");
	check_asus_fw("3.0.0.4", "380.59", "X6.6.1", "asuswrt-merlin", "380.59_X6.6.1", "380",
		      "380.59_X6.6.1");
	check_asus_fw("3.0.0.4", "384.19", "", "asuswrt-merlin", "384.19", "384", "384.19");
	check_asus_fw("3.0.0.4", "388", "24353", "asuswrt", "3.0.0.4.388_24353", NULL, NULL);
	check_asus_fw("3.0.0.4", "388", "", "asuswrt", "3.0.0.4.388", NULL, NULL);

	struct input in;
	assert_int_equal(parse_text(&in, "productid=RT-AC68U\nodmpid=RT-AC1900P\nfirmver=3.0.0.4\n"
					 "buildno=386.12\nextendno=0_beta1\n"),
			 0);
	assert_string_equal(in.dev.model.s, "RT-AC1900P");
	assert_int_equal(in.dev.model.line, 2);
	assert_true(in.dev.snapshot);
	input_free(&in);

	/* Issue 13 §3, no atoi: a buildno whose first part is not a number
	 * ("388x" was read as 388 and given the 3004 line) has no known line
	 * and is noted at its line. */
	check_asus_fw("3.0.0.4", "388x.2", "", "asuswrt-merlin", "388x.2", NULL, NULL);
	assert_int_equal(parse_text(&in, "productid=RT-AX88U\nfirmver=3.0.0.4\nbuildno=388x.2\n"), 0);
	const struct diag *d = in.diags;
	while (d && !strstr(d->msg, "buildno"))
		d = d->next;
	assert_non_null(d);
	assert_int_equal(d->line, 3);
	assert_string_equal(d->msg, "buildno '388x.2' does not start with a number: its firmware "
				    "line is not known");
	assert_string_equal(d->msg_ja, "buildno '388x.2' が数字で始まっていないため、"
				       "ファームウェアの系列が分かりません");
	input_free(&in);
}

static void test_other_identities(void **state)
{
	(void)state;
	struct input in;
	/* DD-WRT: SVN revision and the C __DATE__ build date. */
	assert_int_equal(parse_text(&in, "router_name=DD-WRT\nos_version=33555\n"
					 "os_date=Oct  4 2017\nDD_BOARD=Linksys E4200 V1\n"),
			 0);
	assert_string_equal(in.dev.vendor.s, "dd-wrt");
	assert_string_equal(in.dev.distro, "dd-wrt");
	assert_string_equal(in.dev.model.s, "Linksys E4200 V1");
	assert_int_equal(in.dev.model.line, 4);
	assert_string_equal(in.dev.firmware.s, "r33555");
	assert_int_equal(in.dev.firmware.line, 2);
	assert_string_equal(in.dev.firmware_date.s, "2017-10-04");
	assert_int_equal(in.dev.firmware_date.line, 3);
	input_free(&in);

	/* FreshTomato: YYYY.N, `date` format build time. */
	assert_int_equal(parse_text(&in, "os_version=2024.3 K26ARM USB AIO-64K\r\n"
					 "os_date=Sun Sep 29 12:04:51 CEST 2024\r\n"
					 "t_model_name=Asus RT-AC68U\r\n"),
			 0);
	assert_string_equal(in.dev.vendor.s, "freshtomato");
	assert_string_equal(in.dev.vendor_display, "FreshTomato");
	assert_string_equal(in.dev.distro, "freshtomato");
	assert_string_equal(in.dev.firmware.s, "2024.3");
	assert_string_equal(in.dev.model.s, "Asus RT-AC68U");
	assert_string_equal(in.dev.firmware_date.s, "2024-09-29");
	input_free(&in);

	/* Older Tomato: not FreshTomato; RFC 2822 date. */
	assert_int_equal(parse_text(&in, "os_version=1.28.0000 MIPSR2-140 K26 USB AIO\n"
					 "os_date=Mon, 22 Jan 2018 09:00:00 +0100\ntomatoanon_enable=0\n"),
			 0);
	assert_string_equal(in.dev.vendor.s, "tomato");
	assert_null(in.dev.distro);
	assert_string_equal(in.dev.firmware.s, "1.28.0000");
	assert_string_equal(in.dev.firmware_date.s, "2018-01-22");
	input_free(&in);

	/* Tenda: os_version with dots is not DD-WRT. */
	assert_int_equal(parse_text(&in, "os_version=5.110.27.21\r\nos_date=Jan 13 2016\r\n"
					 "fw_info=V5.110.27.21\r\nBOARD_NAME=AC6_V4.0\r\n"),
			 0);
	assert_string_equal(in.dev.vendor.s, "tenda");
	assert_null(in.dev.distro);
	assert_string_equal(in.dev.model.s, "AC6_V4.0");
	assert_string_equal(in.dev.firmware.s, "V5.110.27.21");
	assert_string_equal(in.dev.firmware_date.s, "2016-01-13");
	input_free(&in);

	/* An unreadable build date is noted. */
	assert_int_equal(parse_text(&in, "os_version=40000\nos_date=someday\nwl0_ssid=x\n"), 0);
	assert_string_equal(in.dev.vendor.s, "dd-wrt");
	assert_null(in.dev.firmware_date.s);
	assert_non_null(diag_at(&in, 2));
	input_free(&in);

	/* Nothing known: no identity, but the network still counts. */
	assert_int_equal(parse_text(&in, "lan_ipaddr=192.168.1.1\nwl0_ssid=x\n"), 0);
	assert_null(in.dev.vendor.s);
	assert_true(in.has_device);
	input_free(&in);
}

static void test_remote_admin_variants(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_text(&in, "remote_management=1\nhttp_wanport=8080\nwps_mode=enabled\n"
					 "upnp_enable=0\n"),
			 0);
	assert_int_equal(in.dev.remote_admin, TRI_YES);
	assert_string_equal(in.dev.remote_admin_why,
			    "remote_management=1: the web admin page answers from the WAN on port 8080");
	assert_string_equal(in.dev.remote_admin_why_ja,
			    "remote_management=1：Web の管理画面が WAN 側のポート 8080 で応答します");
	assert_int_equal(in.dev.wps, TRI_YES);
	assert_int_equal(in.dev.upnp, TRI_NO);
	input_free(&in);
	assert_int_equal(parse_text(&in, "rm_web_en=0\nrm_web_port=8080\nwps_mode=disabled\n"), 0);
	assert_int_equal(in.dev.remote_admin, TRI_NO);
	assert_int_equal(in.dev.remote_admin_line, 1);
	assert_int_equal(in.dev.wps, TRI_NO);
	input_free(&in);
	assert_int_equal(parse_text(&in, "misc_http_x=1\nhttp_enable=2\n"), 0);
	assert_string_equal(in.dev.remote_admin_why,
			    "misc_http_x=1: the web admin page answers from the WAN on HTTPS port 8443");
	assert_string_equal(in.dev.remote_admin_why_ja,
			    "misc_http_x=1：Web の管理画面が WAN 側の HTTPS ポート 8443 で応答します");
	input_free(&in);
	/* Forwards need vts_enable_x=1 and NAT; the Tomato/DD-WRT DMZ needs dmz_enable. */
	assert_int_equal(parse_text(&in, "vts_enable_x=0\nvts_rulelist=<a>80>10.0.0.2>>TCP>\n"
					 "dmz_enable=1\ndmz_ipaddr=192.168.1.5\n"),
			 0);
	assert_int_equal(in.dev.nhfwds, 1);
	assert_int_equal(in.dev.hfwds->line, 3);
	input_free(&in);
	assert_int_equal(parse_text(&in, "wan_nat_x=0\nvts_enable_x=1\n"
					 "vts_rulelist=<a>80>10.0.0.2>>TCP>\ndmz_ip=10.0.0.3\n"),
			 0);
	assert_int_equal(in.dev.nhfwds, 0);
	input_free(&in);
}


/* ---- admin password still the firmware's default (issue 14 §3) ---------- */

/* http_passwd compared with rules/admin-defaults.yaml for the firmware
 * ident() names: the defaults of ASUSWRT ("admin"), Tomato and FreshTomato
 * ("admin") and DD-WRT (the crypt(3) hash "bJz7PcC1rCRJQ" of its defaults
 * table) say "never changed", EL324 at the key's line; anything else
 * says changed; a firmware the data does not know, or an empty or no
 * http_passwd, leaves it unsaid. The password never reaches a message or evidence. */
static void test_admin_password_default(void **state)
{
	(void)state;
	struct input in;
	static const struct {
		const char *doc;
		enum tri want;
		unsigned line;
	} cases[] = {
		/* ASUSWRT (productid + firmver). */
		{"productid=RT-AX58U\nfirmver=3.0.0.4\nbuildno=388\nhttp_username=admin\n"
		 "http_passwd=admin\n", TRI_YES, 5},
		{"productid=RT-AX58U\nfirmver=3.0.0.4\nbuildno=388\nhttp_passwd=admin2\n", TRI_NO, 4},
		{"productid=RT-AX58U\nfirmver=3.0.0.4\nbuildno=388\nhttp_passwd=Admin\n", TRI_NO, 4},
		{"productid=RT-AX58U\nfirmver=3.0.0.4\nbuildno=388\nhttp_passwd=\n", TRI_UNSET, 0},
		/* Tomato and FreshTomato. */
		{"t_model_name=Asus RT-N66U\nos_version=1.28\nhttp_passwd=admin\n", TRI_YES, 3},
		{"t_model_name=Asus RT-AC68U\nos_version=2026.3 K26ARM\nhttp_passwd=admin\n",
		 TRI_YES, 3},
		{"t_model_name=Asus RT-AC68U\nos_version=2026.3 K26ARM\nhttp_passwd=adminx\n",
		 TRI_NO, 3},
		/* DD-WRT keeps the hash: the default one, and one the user set. */
		{"DD_BOARD=Linksys WRT54G\nos_version=33555\nhttp_passwd=bJz7PcC1rCRJQ\n", TRI_YES, 3},
		{"DD_BOARD=Linksys WRT54G\nos_version=33555\nhttp_passwd=$1$abcdefgh$0123456789ab\n",
		 TRI_NO, 3},
		/* DD-WRT does not store "admin" in clear: not its default. */
		{"DD_BOARD=Linksys WRT54G\nos_version=33555\nhttp_passwd=admin\n", TRI_NO, 3},
		/* Tenda is not in the data; no firmware recognised; no key. */
		{"BOARD_NAME=AC6\nhttp_passwd=admin\nwl0_ssid=x\n", TRI_UNSET, 0},
		{"wl0_ssid=x\nwl0_radio=1\nhttp_passwd=admin\n", TRI_UNSET, 0},
		{"productid=RT-AX58U\nfirmver=3.0.0.4\nbuildno=388\n", TRI_UNSET, 0},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_equal(parse_text(&in, cases[i].doc), 0);
		if (in.dev.admin_pw_default != cases[i].want)
			fail_msg("case %zu: admin_pw_default %d, want %d", i,
				 (int)in.dev.admin_pw_default, (int)cases[i].want);
		assert_int_equal(in.dev.admin_pw_default_line, cases[i].line);
		input_free(&in);
	}
	/* The whole pipeline: EL324 at the key's line, 5-3 warn, and the
	 * password in no message or evidence. */
	static const char doc[] = "t_model_name=Asus RT-AC68U\nos_version=2026.3 K26ARM\n"
				  "wl0_ssid=Tanaka\nwl0_radio=1\nwl0_security_mode=wpa2_personal\n"
				  "wl0_crypto=aes\nwl0_wpa_psk=lantern-orchard-pebble-47\n"
				  "http_passwd=admin\n";
	input_init(&in, "nvram.txt");
	in.kind = input_kind_named("nvram");
	in.len = strlen(doc);
	in.data = malloc(in.len + 1);
	assert_non_null(in.data);
	memcpy(in.data, doc, in.len + 1);
	run_parsed(&in, &g_ctx);
	assert_null(in.error);
	const struct finding *f = find_rule(&in, "EL324", NULL);
	assert_non_null(f);
	assert_int_equal(f->line, 8);
	assert_int_equal(f->status, FST_WARN);
	assert_int_equal(f->item, ITEM_5_3);
	assert_null(f->evidence);
	struct strbuf sb;
	sb_init(&sb, 4096);
	assert_int_equal(finding_message(&in, f, LANG_EN, &sb), 0);
	assert_string_equal(sb_str(&sb),
			    "The router's admin password is still the maker's default: anyone who "
			    "reaches its admin page can log in with it, and attackers try such "
			    "passwords first. Change it to a long password of your own.");
	sb_free(&sb);
	assert_true(has_secret(&in, "admin"));
	input_free(&in);
}

/* ---- single-radio firmware, model keys, forwards to the router (issue 14 §2) ---- */

static void test_bare_wl_and_models(void **state)
{
	(void)state;
	struct input in;
	/* Only bare wl_ keys: they are the radio's settings. */
	assert_int_equal(parse_text(&in, "router_name=WRT54G\n"        /* 1 */
					 "wl_ssid=Kitchen\n"           /* 2 */
					 "wl_radio=1\n"                /* 3 */
					 "wl_mode=ap\n"                /* 4 */
					 "wl_akm=psk psk2\n"           /* 5 */
					 "wl_crypto=tkip+aes\n"        /* 6 */
					 "wl_wpa_psk=sunflower-7-harbor\n" /* 7 */
					 "wl_wsc_enable=1\n"),         /* 8 */
			 0);
	assert_int_equal(in.dev.nwifi, 1);
	assert_string_equal(in.dev.wifi->ssid.s, "Kitchen");
	assert_true(in.dev.wifi->enabled);
	assert_true(in.dev.wifi->is_ap);
	assert_int_equal(in.dev.wifi->sec, WSEC_WPA_WPA2);
	assert_int_equal(in.dev.wifi->sec_label.line, 5);
	assert_int_equal(in.dev.wifi->cipher, WCIPH_TKIP_AES);
	assert_string_equal(in.dev.wifi->pass, "sunflower-7-harbor");
	assert_int_equal(in.dev.wifi->pass_line, 7);
	assert_true(has_secret(&in, "sunflower-7-harbor"));
	assert_int_equal(in.dev.wps, TRI_YES);
	assert_int_equal(in.dev.wps_line, 8);
	/* No firmware family told: router_name is the model. */
	assert_null(in.dev.vendor.s);
	assert_string_equal(in.dev.model.s, "WRT54G");
	assert_int_equal(in.dev.model.line, 1);
	assert_true(in.has_device);
	input_free(&in);
	/* The bare radio switched off, WPS off by wl_wps_mode. */
	assert_int_equal(parse_text(&in, "wl_ssid=Off\nwl_radio=0\nwl_wps_mode=disabled\n"), 0);
	assert_int_equal(in.dev.nwifi, 1);
	assert_false(in.dev.wifi->enabled);
	assert_int_equal(in.dev.wps, TRI_NO);
	input_free(&in);
	/* A radio of its own (wl0_ssid): the bare keys stay the web page's copy. */
	assert_int_equal(parse_text(&in, "wl_ssid=Copy\nwl_akm=\nwl0_ssid=Real\nwl0_akm=psk2\n"), 0);
	assert_int_equal(in.dev.nwifi, 1);
	assert_string_equal(in.dev.wifi->ssid.s, "Real");
	assert_int_equal(in.dev.wifi->sec, WSEC_WPA2);
	input_free(&in);
	/* wps_mode, when present, wins over the bare keys. */
	assert_int_equal(parse_text(&in, "wps_mode=disabled\nwl_wsc_enable=1\n"), 0);
	assert_int_equal(in.dev.wps, TRI_NO);
	assert_int_equal(in.dev.wps_line, 1);
	input_free(&in);
	/* DD-WRT keeps the host name in router_name: not a model. */
	assert_int_equal(parse_text(&in, "DD_BOARD=\nos_version=33555\nos_date=Jan 13 2018\n"
					 "router_name=living-room\nwl0_ssid=x\n"),
			 0);
	assert_string_equal(in.dev.vendor.s, "dd-wrt");
	assert_null(in.dev.model.s);
	input_free(&in);
	/* model and odmpid name it whatever the firmware; odmpid first. */
	assert_int_equal(parse_text(&in, "model=RT-N12\nodmpid=RT-N12HP\n"), 0);
	assert_string_equal(in.dev.model.s, "RT-N12HP");
	assert_int_equal(in.dev.model.line, 2);
	assert_true(in.has_device);
	input_free(&in);
}

static void test_forwards_to_router(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_text(&in, "lan_ipaddr=192.168.50.1\n"                     /* 1 */
					 "http_lanport=8088\n"                           /* 2 */
					 "vts_enable_x=1\n"                              /* 3 */
					 "vts_rulelist=<web>8443>192.168.50.1>8088>TCP>"
					 "<ssh>2222>192.168.50.1>22>TCP>"
					 "<game>27015>192.168.50.1>>UDP>"
					 "<nas>22>192.168.50.20>>TCP>\n"                 /* 4 */
					 "dmz_ip=192.168.50.1\n"),                       /* 5 */
			 0);
	assert_int_equal(in.dev.nhfwds, 5);
	const struct home_forward *f = in.dev.hfwds;
	assert_true(f->to_router);
	assert_string_equal(f->admin_svc, "HTTP");   /* http_lanport 8088 */
	f = f->next;
	assert_true(f->to_router);
	assert_string_equal(f->admin_svc, "SSH");
	f = f->next;
	assert_true(f->to_router);
	assert_null(f->admin_svc);                   /* 27015: no admin service */
	f = f->next;
	assert_false(f->to_router);                  /* a home host, even on 22 */
	assert_null(f->admin_svc);
	f = f->next;
	assert_string_equal(f->name, "DMZ");         /* every port to the router */
	assert_true(f->to_router);
	assert_string_equal(f->admin_svc, "SSH");
	assert_int_equal(f->line, 5);
	input_free(&in);
	/* Without lan_ipaddr the router's address is not known. */
	assert_int_equal(parse_text(&in, "vts_enable_x=1\nvts_rulelist=<a>22>192.168.1.1>>TCP>\n"), 0);
	assert_false(in.dev.hfwds->to_router);
	input_free(&in);
}

/* Tomato portforward and DD-WRT forward_spec / forward_port, in the formats
 * the firmware sources write in their comments (Tomato rc/forward.c
 * ipt_forward(): "1<3<71.72.73.74<30,40-45<60<192.168.1.5<desc" and the
 * six-field form before 1.07; DD-WRT rc/firewall.c: name:on:proto:
 * ext_port>ip:int_port[<src] and name:on:proto:from:to>ip). Expected
 * values written from those comments. */
static void test_tomato_ddwrt_forwards(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(
		parse_text(&in, "lan_ipaddr=192.168.1.1\n"                                /* 1 */
				"portforward=1<3<71.72.73.74<30,40-45<60<192.168.1.5<desc>"
				"0<1<<1000<2000<192.168.1.2<ex: off>"
				"1<2<<5000:5010<<192.168.1.1<voip>"
				"1<1<8022<22<9<old>\n"                                    /* 2 */
				"forward_spec=ssh:on:tcp:2222>192.168.1.1:22 "
				"cam:off:tcp:8080>192.168.1.30:80 "
				"web:on:both:8443>192.168.1.20:443<203.0.113.0/24\n"      /* 3 */
				"forward_port=games:on:udp:27015:27030>192.168.1.40 "
				"old:on:tcp:6881:6889>50\n"),                             /* 4 */
		0);
	assert_int_equal(in.ndiag_errors, 0);
	assert_int_equal(in.dev.nhfwds, 8);
	/* Tomato: "30" and "40-45" of the first rule, tcp+udp, from the source,
	 * to port 60 of 192.168.1.5 */
	const struct home_forward *f = hfwd_nth(&in, 0);
	assert_string_equal(f->name, "desc");
	assert_string_equal(f->proto, "tcp+udp");
	assert_int_equal(f->port_lo, 30);
	assert_int_equal(f->port_hi, 30);
	assert_string_equal(f->to, "192.168.1.5");
	assert_int_equal(f->to_port, 60);
	assert_string_equal(f->from, "71.72.73.74");
	assert_int_equal(f->line, 2);
	f = hfwd_nth(&in, 1);
	assert_int_equal(f->port_lo, 40);
	assert_int_equal(f->port_hi, 45);
	/* the switched-off rule is not there; "5000:5010" udp to the router */
	f = hfwd_nth(&in, 2);
	assert_string_equal(f->name, "voip");
	assert_string_equal(f->proto, "udp");
	assert_int_equal(f->port_lo, 5000);
	assert_int_equal(f->port_hi, 5010);
	assert_true(f->to_router);
	assert_null(f->admin_svc);
	assert_null(f->from);
	/* before 1.07 (six fields), the host as its last number */
	f = hfwd_nth(&in, 3);
	assert_string_equal(f->name, "old");
	assert_string_equal(f->proto, "tcp");
	assert_int_equal(f->port_lo, 8022);
	assert_int_equal(f->to_port, 22);
	assert_string_equal(f->to, "192.168.1.9");
	assert_false(f->to_router);
	/* DD-WRT forward_spec: ssh to the router's own SSH is remote admin */
	f = hfwd_nth(&in, 4);
	assert_string_equal(f->name, "ssh");
	assert_int_equal(f->port_lo, 2222);
	assert_int_equal(f->to_port, 22);
	assert_true(f->to_router);
	assert_string_equal(f->admin_svc, "SSH");
	assert_int_equal(f->line, 3);
	f = hfwd_nth(&in, 5);   /* cam is off */
	assert_string_equal(f->name, "web");
	assert_string_equal(f->proto, "tcp+udp");
	assert_string_equal(f->to, "192.168.1.20");
	assert_int_equal(f->to_port, 443);
	assert_string_equal(f->from, "203.0.113.0/24");
	/* DD-WRT forward_port: a range, the same ports inside */
	f = hfwd_nth(&in, 6);
	assert_string_equal(f->name, "games");
	assert_string_equal(f->proto, "udp");
	assert_int_equal(f->port_lo, 27015);
	assert_int_equal(f->port_hi, 27030);
	assert_int_equal(f->to_port, 0);
	assert_string_equal(f->to, "192.168.1.40");
	assert_int_equal(f->line, 4);
	f = hfwd_nth(&in, 7);
	assert_string_equal(f->to, "192.168.1.50");
	assert_int_equal(f->port_lo, 6881);
	assert_int_equal(f->port_hi, 6889);
	input_free(&in);

	/* Router mode (no NAT) forwards nothing; a short rule and bad ports
	 * are notes with the line, never silent. */
	assert_int_equal(parse_text(&in, "wk_mode=router\nforward_spec=ssh:on:tcp:2222>10.0.0.1:22\n"),
			 0);
	assert_int_equal(in.dev.nhfwds, 0);
	input_free(&in);
	assert_int_equal(parse_text(&in, "portforward=1<3<22>1<1<<x-y<<10.0.0.2<bad\n"
					 "forward_spec=a:on:tcp\n"),
			 0);
	assert_int_equal(in.dev.nhfwds, 1);
	assert_int_equal(hfwd_nth(&in, 0)->port_lo, 0);   /* every port, said in a note */
	unsigned notes = 0;
	for (const struct diag *d = in.diags; d; d = d->next)
		if (strstr(d->msg, "portforward") || strstr(d->msg, "forward_spec"))
			notes++;
	assert_int_equal(notes, 3);
	input_free(&in);
	/* More port items than edgelint reads: the first 64, and a note. */
	char many[600] = "forward_spec=x:on:tcp:";
	for (int i = 0; i < 70; i++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many), "%s%d", i ? "," : "", 1000 + i);
	snprintf(many + strlen(many), sizeof(many) - strlen(many), ">10.0.0.2:80\n");
	assert_int_equal(parse_text(&in, many), 0);
	assert_int_equal(in.dev.nhfwds, 64);
	assert_non_null(in.diags);
	assert_non_null(strstr(in.diags->msg, "lists 70 port items; only the first 64"));
	input_free(&in);
}

/* ---- text details and hostile input --------------------------------------- */

static void test_text_details(void **state)
{
	(void)state;
	struct input in;
	/* CRLF, no final newline, a multi-line value, a blank line, junk at the top. */
	static const char t[] = "nvram dump of my router\r\n"     /* 1: not understood */
				"rc_startup=#!/bin/sh\r\n"         /* 2 */
				"echo hi > /tmp/x\r\n"             /* 3: continues 2 */
				"\r\n"                             /* 4: blank */
				"wl0_ssid=caf\xc3\xa9 net\r\n"     /* 5 */
				"wl0_akm=psk2\r\n"                 /* 6 */
				"wl0_wpa_psk=a=b c<d>e f g h\r\n"  /* 7 */
				"wl0_radio=1";                     /* 8: no newline */
	assert_int_equal(parse_text(&in, t), 0);
	assert_int_equal(in.lines_total, 7);
	assert_int_equal(in.lines_understood, 6);
	const struct diag *d = diag_at(&in, 1);
	assert_non_null(d);
	assert_int_equal(d->level, DIAG_NOTE);
	assert_int_equal(count_diags(&in, DIAG_NOTE), 1);
	const struct wifi_net *w = wifi_nth(&in, 0);
	assert_string_equal(w->ssid.s, "caf\xc3\xa9 net");
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->pass_len, 15);   /* '=' '<' '>' kept, no CR */
	assert_true(w->enabled);
	assert_true(has_secret(&in, "a=b c<d>e f g h"));
	input_free(&in);

	/* Many lines not understood: a note at each of the first 30
	 * (INPUT_UNKNOWN_LISTED), then one note at line 31 counting the rest. */
	char many[2048] = "wl0_ssid=x\n";
	for (int i = 0; i < 35; i++)
		strcat(many, "!!! junk\n");
	assert_int_equal(parse_text(&in, many), 0);
	assert_int_equal(in.lines_total, 36);
	assert_int_equal(in.lines_understood, 36);   /* junk after an entry continues it */
	assert_int_equal(count_diags(&in, DIAG_NOTE), 0);
	input_free(&in);
	char many2[2048] = "";
	for (int i = 0; i < 35; i++)
		strcat(many2, "!!! junk\n");
	strcat(many2, "wl0_ssid=x\n");
	assert_int_equal(parse_text(&in, many2), 0);
	assert_int_equal(in.lines_total, 36);
	assert_int_equal(in.lines_understood, 1);
	assert_int_equal(in.lines_unknown, 35);
	assert_int_equal(count_diags(&in, DIAG_NOTE), 31);
	const struct diag *last = in.diags;
	for (unsigned i = 1; i <= 30; i++, last = last->next) {
		assert_int_equal(last->line, i);
		assert_string_equal(last->msg, "this line is not a key=value setting; ignored");
	}
	assert_int_equal(last->line, 31);
	assert_string_equal(last->msg, "5 more line(s) not understood and not used by any check "
				       "(the first at this line)");
	assert_null(last->next);
	input_free(&in);
}

static void test_hostile(void **state)
{
	(void)state;
	struct input in;
	/* Nothing readable. */
	assert_true(parse_text(&in, "hello\nworld\n") < 0);
	assert_non_null(in.error);
	assert_int_equal(in.lines_total, 2);
	assert_int_equal(in.lines_understood, 0);
	input_free(&in);
	/* NUL bytes inside keys and values. */
	static const char nul[] = "wl0_ssid=a\0b\nwl0\0_akm=psk2\nwl0_wpa_psk=pa\0ss-word-long\n";
	assert_int_equal(parse_bytes(&in, nul, sizeof(nul) - 1), 0);
	assert_int_equal(in.dev.nwifi, 1);
	/* The line with a NUL in its key is not a setting: it continues the
	 * SSID's value, so no akm is set and the network is open. */
	assert_int_equal(strncmp(in.dev.wifi->ssid.s, "a b", 3), 0);
	assert_int_equal(in.dev.wifi->sec, WSEC_OPEN);
	assert_int_equal(in.lines_total, 3);
	assert_int_equal(in.lines_understood, 3);
	assert_int_equal(in.nsecrets, 1);   /* the PSK, with its NUL */
	assert_int_equal(in.secret_lens[0], 15);
	input_free(&in);
	/* A 1 MB value and a 1 MB line that is not a setting. */
	size_t big = 1u << 20;
	char *buf = malloc(2 * big + 64);
	assert_non_null(buf);
	size_t n = 0;
	n += (size_t)sprintf(buf + n, "wl0_ssid=");
	memset(buf + n, 'S', big);
	n += big;
	n += (size_t)sprintf(buf + n, "\nwl0_akm=psk2\n");
	assert_int_equal(parse_bytes(&in, buf, n), 0);
	assert_int_equal(strlen(in.dev.wifi->ssid.s), big);
	input_free(&in);
	n = 0;
	memset(buf, 'x', big);
	n = big;
	n += (size_t)sprintf(buf + n, "\nwl0_ssid=x\n");
	assert_int_equal(parse_bytes(&in, buf, n), 0);
	assert_int_equal(in.lines_total, 2);
	assert_int_equal(in.lines_understood, 1);
	assert_non_null(diag_at(&in, 1));
	input_free(&in);
	free(buf);
	/* A duplicated key: the later value counts. */
	assert_int_equal(parse_text(&in, "wl0_ssid=x\nwl0_akm=psk\nwl0_akm=psk2\nwl0_ssid=y\n"), 0);
	assert_int_equal(in.dev.nwifi, 1);
	assert_string_equal(in.dev.wifi->ssid.s, "y");
	assert_int_equal(in.dev.wifi->sec, WSEC_WPA2);
	assert_int_equal(in.dev.wifi->sec_label.line, 3);
	input_free(&in);
	/* Radio numbers too long to be a radio are not BSSes; with no radio
	 * left, the bare wl_ keys are the single radio's (issue 14 §2). */
	assert_int_equal(parse_text(&in, "wl1234_ssid=x\nwl0.1234_ssid=y\nwl_ssid=z\n"), 0);
	assert_int_equal(in.dev.nwifi, 1);
	assert_string_equal(in.dev.wifi->ssid.s, "z");
	assert_int_equal(in.dev.wifi->ssid.line, 3);
	input_free(&in);
}

/* ---- binary backups -------------------------------------------------------- */

static const char *const bk_pairs[] = {
	"wl0_ssid=Ito", "wl0_security_mode=wpa2_personal", "wl0_crypto=aes",
	"wl0_wpa_psk=saffron-glacier-teapot", "os_version=2026.3 K26ARM7", "t_model_name=R7000",
	NULL,
};

/* key=value\0…\0\0 */
static size_t bk_payload(char *out)
{
	size_t n = 0;
	for (size_t i = 0; bk_pairs[i]; i++) {
		size_t l = strlen(bk_pairs[i]);
		memcpy(out + n, bk_pairs[i], l + 1);
		n += l + 1;
	}
	out[n++] = '\0';
	return n;
}

static size_t make_hdr1(char *out)
{
	size_t n = bk_payload(out + 8);
	memcpy(out, "HDR1", 4);
	out[4] = (char)(n & 0xFF);
	out[5] = (char)((n >> 8) & 0xFF);
	out[6] = (char)((n >> 16) & 0xFF);
	out[7] = (char)((n >> 24) & 0xFF);
	return n + 8;
}

static size_t make_hdr2(char *out, unsigned salt)
{
	char pl[512];
	size_t n = bk_payload(pl);
	size_t padded = (n / 1024 + 1) * 1024;
	for (size_t i = 0; i < padded; i++) {
		unsigned char b = i < n ? (unsigned char)pl[i] : 0;
		out[8 + i] = (char)(b ? ((0xFFu + salt - b) & 0xFFu) : 0xFDu + (unsigned)(i % 3));
	}
	memcpy(out, "HDR2", 4);
	out[4] = (char)(padded & 0xFF);
	out[5] = (char)((padded >> 8) & 0xFF);
	out[6] = (char)((padded >> 16) & 0xFF);
	out[7] = (char)salt;
	return padded + 8;
}

static size_t make_ddwrt(char *out)
{
	size_t n = 8, count = 0;
	memcpy(out, "DD-WRT", 6);
	for (size_t i = 0; bk_pairs[i]; i++, count++) {
		const char *eq = strchr(bk_pairs[i], '=');
		size_t kn = (size_t)(eq - bk_pairs[i]), vn = strlen(eq + 1);
		out[n++] = (char)kn;
		memcpy(out + n, bk_pairs[i], kn);
		n += kn;
		out[n++] = (char)(vn & 0xFF);
		out[n++] = (char)(vn >> 8);
		memcpy(out + n, eq + 1, vn);
		n += vn;
	}
	out[6] = (char)count;
	out[7] = 0;
	return n;
}

static void check_backup_model(struct input *in)
{
	assert_int_equal(in->dev.nwifi, 1);
	const struct wifi_net *w = in->dev.wifi;
	assert_string_equal(w->ssid.s, "Ito");
	assert_int_equal(w->line, 1);             /* entry numbers */
	assert_int_equal(w->sec, WSEC_WPA2);
	assert_int_equal(w->sec_label.line, 2);
	assert_int_equal(w->cipher, WCIPH_AES);
	assert_int_equal(w->pass_len, 22);
	assert_int_equal(w->pass_line, 4);
	assert_true(has_secret(in, "saffron-glacier-teapot"));
	assert_string_equal(in->dev.vendor.s, "freshtomato");
	assert_string_equal(in->dev.firmware.s, "2026.3");
	assert_string_equal(in->dev.model.s, "R7000");
	assert_int_equal(in->lines_total, 6);
	assert_int_equal(in->lines_understood, 6);
}

static void test_backups(void **state)
{
	(void)state;
	char buf[4096];
	struct input in;
	size_t n = make_hdr1(buf);
	assert_int_equal(nvb_detect(buf, n), NVB_HDR1);
	assert_int_equal(parse_bytes(&in, buf, n), 0);
	check_backup_model(&in);
	assert_int_equal(count_diags(&in, DIAG_ERROR), 0);
	input_free(&in);

	for (unsigned salt = 0; salt < 30; salt += 7) {
		n = make_hdr2(buf, salt);
		assert_int_equal(n, 1032);
		assert_int_equal(nvb_detect(buf, n), NVB_HDR2);
		assert_int_equal(parse_bytes(&in, buf, n), 0);
		check_backup_model(&in);
		assert_int_equal(count_diags(&in, DIAG_ERROR), 0);
		input_free(&in);
	}

	n = make_ddwrt(buf);
	assert_int_equal(nvb_detect(buf, n), NVB_DDWRT);
	assert_int_equal(parse_bytes(&in, buf, n), 0);
	check_backup_model(&in);
	assert_int_equal(count_diags(&in, DIAG_ERROR), 0);
	input_free(&in);
	/* Bytes after the last entry are noted. */
	memcpy(buf + n, "xyz", 3);
	assert_int_equal(parse_bytes(&in, buf, n + 3), 0);
	assert_int_equal(count_diags(&in, DIAG_NOTE), 1);
	input_free(&in);

	/* Probes. */
	assert_ptr_equal(parser_detect(buf, n), parser_by_name("nvram"));
	n = make_hdr2(buf, 5);
	assert_ptr_equal(parser_detect(buf, n), parser_by_name("nvram"));
}

static void test_backups_truncated(void **state)
{
	(void)state;
	char buf[4096];
	struct input in;
	/* HDR1 cut inside entry 4 (the passphrase): 3 entries kept, an error. */
	size_t n = make_hdr1(buf);
	size_t cut = 8 + strlen(bk_pairs[0]) + strlen(bk_pairs[1]) + strlen(bk_pairs[2]) + 3 + 10;
	assert_int_equal(parse_bytes(&in, buf, cut), 0);
	assert_int_equal(count_diags(&in, DIAG_ERROR), 2);   /* short payload, cut entry */
	const struct diag *d = diag_at(&in, 4);
	assert_non_null(d);
	assert_int_equal(d->level, DIAG_ERROR);
	assert_non_null(strstr(d->msg, "entry 4 (byte offset 68)"));
	assert_non_null(in.diags);
	assert_int_equal(in.diags->line, 0);
	assert_non_null(strstr(in.diags->msg, "bytes short"));
	assert_int_equal(in.dev.nwifi, 1);
	assert_null(in.dev.wifi->pass);
	assert_int_equal(in.lines_total, 4);
	assert_int_equal(in.lines_understood, 3);
	input_free(&in);

	/* HDR2 whose padding is missing: everything is still read, one error. */
	n = make_hdr2(buf, 3);
	assert_int_equal(parse_bytes(&in, buf, 300), 0);
	assert_int_equal(count_diags(&in, DIAG_ERROR), 1);
	assert_int_equal(in.lines_understood, 6);
	input_free(&in);

	/* DD-WRT cut in every possible place: never out of bounds, always an
	 * error naming the entry, the entries before it kept. */
	n = make_ddwrt(buf);
	for (size_t c = 8; c < n; c++) {
		int rc = parse_bytes(&in, buf, c);
		/* Cut inside the first entry: nothing usable (the input fails). */
		assert_int_equal(rc < 0, c < 8 + 1 + 8 + 2 + 3);
		assert_int_equal(count_diags(&in, DIAG_ERROR), 1);
		const struct diag *e = in.diags;
		while (e && e->level != DIAG_ERROR)
			e = e->next;
		assert_non_null(e);
		assert_in_range(e->line, 1, 6);
		assert_non_null(strstr(e->msg, "says 6 entries but ends inside entry"));
		assert_int_equal(in.lines_understood, e->line - 1);
		input_free(&in);
	}
	/* A header alone: no settings at all. */
	assert_true(parse_bytes(&in, "DD-WRT\0\0", 8) < 0);
	assert_non_null(in.error);
	input_free(&in);
	assert_true(parse_bytes(&in, "HDR1\xff\xff\xff\x7f", 8) < 0);
	assert_int_equal(count_diags(&in, DIAG_ERROR), 1);
	input_free(&in);
	/* An entry that is not key=value, and one with a bad name. */
	static const char odd[] = "HDR1\x20\0\0\0novalue\0=x\0b@d=1\0wl0_ssid=z\0\0";
	assert_int_equal(parse_bytes(&in, odd, sizeof(odd) - 1), 0);
	assert_int_equal(in.lines_total, 4);
	assert_int_equal(in.lines_understood, 1);
	assert_int_equal(count_diags(&in, DIAG_NOTE), 3);
	assert_non_null(diag_at(&in, 1));
	assert_non_null(diag_at(&in, 3));
	input_free(&in);
}

static void test_detect(void **state)
{
	(void)state;
	static const char dump[] = "wl0_ssid=a\nwl0_akm=psk2\nwl1_ssid=b\nlan_ipaddr=1.2.3.4\n"
				   "a=1\nb=2\nc=3\nd=4\ne=5\nf=6\nwan_proto=dhcp\n";
	assert_ptr_equal(parser_detect(dump, sizeof(dump) - 1), parser_by_name("nvram"));
	static const char few[] = "wl0_ssid=a\nhello world\n";
	const struct parser *p = parser_detect(few, sizeof(few) - 1);
	assert_true(p != parser_by_name("nvram"));
	assert_int_equal(nvb_detect("HDR3xxxx", 8), NVB_NONE);
	assert_int_equal(nvb_detect("HDR1", 4), NVB_NONE);
	assert_string_equal(nvb_name(NVB_DDWRT), "DD-WRT nvrambak.bin backup");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_asus_auth_modes),
		cmocka_unit_test(test_mfp),
		cmocka_unit_test(test_tomato_security_modes),
		cmocka_unit_test(test_akm_lists),
		cmocka_unit_test(test_ciphers_and_pass),
		cmocka_unit_test(test_enabled_and_ap),
		cmocka_unit_test(test_band),
		cmocka_unit_test(test_merlin_dump),
		cmocka_unit_test(test_asus_firmware_names),
		cmocka_unit_test(test_other_identities),
		cmocka_unit_test(test_remote_admin_variants),
		cmocka_unit_test(test_admin_password_default),
		cmocka_unit_test(test_bare_wl_and_models),
		cmocka_unit_test(test_forwards_to_router),
		cmocka_unit_test(test_tomato_ddwrt_forwards),
		cmocka_unit_test(test_text_details),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_backups),
		cmocka_unit_test(test_backups_truncated),
		cmocka_unit_test(test_detect),
	};
	return cmocka_run_group_tests_name("nvram", tests, group_setup, group_teardown);
}
