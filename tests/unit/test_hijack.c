/*
 * test_hijack.c — cmocka tests for the signs of a hijacked home router
 * (issue 14 §3) and the unknown part a warning must not hide (§5):
 *  - the model: device_add_sign(), home_sign_account(), home_sign_name()
 *    (a name equal to a secret shows as the mask), names as public values;
 *  - RouterOS: VPN servers (`set enabled=yes`, RouterOS 7's `enabled=true`,
 *    `enabled=no`), WireGuard interfaces and their peers, `/ppp secret`
 *    names (PPPoE accounts and disabled ones left out, passwords
 *    registered as secrets), `/ip cloud ddns-enabled` (yes, auto), users;
 *    on the commands of a real public setup script (pastebin.com/LVeGNwRD);
 *  - nvram: pptpd_enable, OpenVPN server units (vpn_serverx_start decides
 *    even when empty), ipsec_server_enable, the client lists
 *    "<user>password" (names kept, passwords registered), ASUS, Tomato and
 *    DD-WRT DDNS (Tomato's credentials registered);
 *  - OpenWrt: WireGuard interfaces with peers (a disabled peer not
 *    counted, an interface without peers no finding), DDNS services, OpenVPN
 *    server instances (clients and disabled ones left out);
 *  - the facts file: vpn_server (true or a list), vpn_accounts, ddns,
 *    admin_accounts, admin_password_changed, and wrong shapes as errors;
 *  - the check (EL320-EL324): variant, status, line and exact messages in
 *    English and Japanese; the names list cut at ten;
 *  - §5: an OpenWrt release without the firewall file and a facts file
 *    without remote_admin: have the unknown part no-admin-access-setting;
 *    a warned item with an unknown part says both in text, JSON and SARIF,
 *    in both languages.
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

#include "../../parsers/parsers.h"
#include "../../src/checks/checks.h"
#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/registry.h"
#include "../../src/report/report.h"
#include "../../src/run.h"
#include "testctx.h"
#include "testmodel.h"

/* ---- helpers ------------------------------------------------------------------ */

static int parse(struct input *in, const char *kind, const char *text)
{
	return parse_as(in, kind, "in", text, strlen(text));
}

static void run_checks(struct input *in)
{
	checks_run(in, &g_ctx);
	run_settle(in, &g_ctx, false);
}

static bool has_secret(const struct input *in, const char *s)
{
	for (size_t i = 0; i < in->nsecrets; i++)
		if (in->secret_lens[i] == strlen(s) && memcmp(in->secrets[i], s, strlen(s)) == 0)
			return true;
	return false;
}

/* The n-th sign (0-based), which must exist. */
static const struct home_sign *sign_nth(const struct input *in, size_t n)
{
	const struct home_sign *g = in->dev.signs;
	for (size_t i = 0; g && i < n; i++)
		g = g->next;
	assert_non_null(g);
	return g;
}

/* The signs as one line: "kind:what@line[count:name,name]" joined by
 * " | " (kinds: vpn, accounts, ddns, admin), names as reports show them. */
static char *signs_text(const struct input *in)
{
	static const char *const kinds[] = {"vpn", "accounts", "ddns", "admin"};
	struct strbuf sb;
	sb_init(&sb, 1u << 16);
	for (const struct home_sign *g = in->dev.signs; g; g = g->next) {
		sb_printf(&sb, "%s%s:%s@%u", g == in->dev.signs ? "" : " | ", kinds[g->kind],
			  g->what ? g->what : "-", g->line);
		if (g->naccounts || g->needs_accounts) {
			sb_printf(&sb, "[%zu", g->naccounts);
			for (size_t i = 0; i < g->nnames; i++)
				sb_printf(&sb, "%s%s", i ? "," : ":", home_sign_name(in, g->names[i]));
			sb_adds(&sb, "]");
		}
	}
	char *s = strdup(sb_str(&sb));
	sb_free(&sb);
	assert_non_null(s);
	return s;
}

static void assert_signs(const struct input *in, const char *want)
{
	char *got = signs_text(in);
	assert_string_equal(got, want);
	free(got);
}

/* "EL320/default@7 EL322/plain@3": the findings of rules EL320-EL324, in
 * the order the report lists them. */
static char *hijack_findings(const struct input *in)
{
	struct strbuf sb;
	sb_init(&sb, 1u << 16);
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		if (strncmp(f->rule->id, "EL32", 4) != 0)
			continue;
		assert_int_equal(f->status, FST_WARN);
		assert_int_equal(f->item, ITEM_5_3);
		assert_int_equal(f->severity, SEV_MEDIUM);
		sb_printf(&sb, "%s%s/%s@%u", sb.len ? " " : "", f->rule->id, f->variant, f->line);
	}
	char *s = strdup(sb_str(&sb));
	sb_free(&sb);
	assert_non_null(s);
	return s;
}

static void assert_hijack(const struct input *in, const char *want)
{
	char *got = hijack_findings(in);
	assert_string_equal(got, want);
	free(got);
}

static void assert_message(const struct input *in, const struct finding *f, enum lang l,
			   const char *want)
{
	assert_non_null(f);
	struct strbuf sb;
	sb_init(&sb, 1u << 16);
	assert_int_equal(finding_message(in, f, l, &sb), 0);
	assert_string_equal(sb_str(&sb), want);
	sb_free(&sb);
}

#define TAIL_EN                                                                                    \
	" Make sure you set this up yourself; if you did not, reset the router to its factory "   \
	"settings, update its firmware and change its admin password."
#define TAIL_JA                                                                                    \
	"ご自身で設定したものか確認してください。覚えがなければ、ルータを初期化し、ファームウェアを更新" \
	"したうえで管理者パスワードを変更してください。"

/* ---- model ----------------------------------------------------------------------- */

static void test_model(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "x");
	assert_null(in.dev.signs);
	struct home_sign *g = device_add_sign(&in, HSIGN_VPN_ACCOUNTS, "PPP secrets", "ja", 4, "ev");
	assert_non_null(g);
	assert_int_equal(g->kind, HSIGN_VPN_ACCOUNTS);
	assert_string_equal(g->what, "PPP secrets");
	assert_string_equal(g->what_ja, "ja");
	assert_string_equal(g->evidence, "ev");
	assert_int_equal(g->line, 4);
	assert_int_equal(home_sign_account(&in, g, "alice-remote"), 0);
	assert_int_equal(home_sign_account(&in, g, NULL), 0);
	assert_int_equal(home_sign_account(&in, g, "Bob-Remote"), 0);
	assert_int_equal(g->naccounts, 3);
	assert_int_equal(g->nnames, 2);
	assert_string_equal(g->names[0], "alice-remote");
	assert_string_equal(g->names[1], "Bob-Remote");
	struct home_sign *h = device_add_sign(&in, HSIGN_DDNS, NULL, NULL, 0, NULL);
	assert_non_null(h);
	assert_null(h->what);
	assert_null(h->evidence);
	assert_ptr_equal(in.dev.signs, g);
	assert_ptr_equal(g->next, h);
	assert_int_equal(in.dev.nsigns, 2);
	/* A name equal (ignoring case) to a secret of the input is masked. */
	char *pw = arena_strdup(&in.arena, "bob-remote");
	assert_int_equal(input_add_secret(&in, pw, 10), 0);
	assert_string_equal(home_sign_name(&in, g->names[0]), "alice-remote");
	assert_string_equal(home_sign_name(&in, g->names[1]), SECRET_MASK);
	/* Names are public values of the input (printed as themselves),
	 * except the masked one. */
	assert_int_equal(input_publics_build(&in, NULL), 0);
	assert_true(secret_set_found(&in.publics, "alice-remote", 12));
	assert_false(secret_set_found(&in.publics, "Bob-Remote", 10));
	input_free(&in);
}

/* ---- RouterOS ----------------------------------------------------------------------- */

/* The commands of a real public setup script (pastebin.com/LVeGNwRD, lines
 * 9-19 as written there, one command a line with its menu path; the
 * script's :local, :delay and package lines left out): two full-rights
 * users, IP Cloud DDNS, one PPP secret, the L2TP (with IPsec) and PPTP
 * servers. Expected from help.mikrotik.com ("User", "IP Cloud", "PPP
 * AAA", "L2TP", "PPTP") before the code ran: users system and api are
 * accounts besides admin (EL323 twice), ddns-enabled=yes (EL322), one
 * VPN account vpn (EL321), the L2TP and PPTP servers on (EL320 twice). */
static const char pastebin_script[] =
	"/user add name=system password=cloudtrak@@123 group=full\n"
	"/user add name=api password=cloudtrak@@123 group=full\n"
	"/ip cloud set ddns-enabled=yes\n"
	"/ip dns set allow-remote-requests=yes cache-max-ttl=1h cache-size=4096KiB "
	"servers=8.8.4.4,208.67.220.220\n"
	"/ppp profile set *FFFFFFFE local-address=192.168.100.1 remote-address=vpn-pool\n"
	"/ppp secret add name=vpn password=abc@123 profile=default-encryption\n"
	"/interface l2tp-server server set enabled=yes default-profile=default-encryption "
	"ipsec-secret=abc@123 use-ipsec=yes\n"
	"/interface pptp-server server set enabled=yes\n";

static void test_routeros_script(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in, "routeros", pastebin_script), 0);
	assert_signs(&in, "admin:system@1 | admin:api@2 | ddns:MikroTik IP Cloud@3 | "
			  "accounts:PPP secrets@6[1:vpn] | vpn:L2TP server@7 | vpn:PPTP server@8");
	assert_string_equal(sign_nth(&in, 0)->evidence, "/user add group=full");
	assert_string_equal(sign_nth(&in, 2)->evidence, "/ip cloud set ddns-enabled=yes");
	assert_string_equal(sign_nth(&in, 4)->evidence,
			    "/interface l2tp-server server set enabled=yes");
	assert_string_equal(sign_nth(&in, 4)->what_ja, "L2TP サーバ");
	assert_true(has_secret(&in, "cloudtrak@@123"));
	assert_true(has_secret(&in, "abc@123"));
	run_checks(&in);
	assert_hijack(&in, "EL323/default@1 EL323/default@2 EL322/default@3 EL321/default@6 "
			   "EL320/default@7 EL320/default@8");
	assert_int_equal(in.items[ITEM_5_3], IST_WARN);
	const struct finding *f = find_rule(&in, "EL321", NULL);
	assert_message(&in, f, LANG_EN,
		       "The router holds 1 VPN account(s) (PPP secrets): vpn." TAIL_EN);
	assert_message(&in, f, LANG_JA,
		       "ルータに VPN アカウントが 1 個あります（設定：PPP のシークレット）：vpn。" TAIL_JA);
	f = find_rule(&in, "EL320", NULL);
	assert_message(&in, f, LANG_EN, "A VPN server is on in the router: L2TP server." TAIL_EN);
	assert_message(&in, f, LANG_JA,
		       "ルータで VPN サーバ機能が有効です（種類：L2TP サーバ）。" TAIL_JA);
	f = find_rule(&in, "EL322", NULL);
	assert_message(&in, f, LANG_EN, "DDNS is on in the router: MikroTik IP Cloud." TAIL_EN);
	assert_message(&in, f, LANG_JA, "ルータで DDNS 機能が有効です（サービス：MikroTik IP Cloud）。" TAIL_JA);
	f = find_rule(&in, "EL323", NULL);
	assert_message(&in, f, LANG_EN,
		       "The router has the login account system besides the maker's default one."
		       TAIL_EN);
	assert_message(&in, f, LANG_JA,
		       "ルータに、メーカーの初期設定のもの以外のログインアカウント system があります。"
		       TAIL_JA);
	input_free(&in);
}

static void test_routeros_cases(void **state)
{
	(void)state;
	struct input in;
	/* RouterOS 7 writes enabled=true (the l2tp-server line of a public
	 * 7.x export found by the project); enabled=no and ddns-enabled=auto
	 * (7.17: on only when Back To Home needs it) are no sign; a
	 * WireGuard interface counts its enabled peers; one without peers
	 * is kept but gives no finding; PPPoE and disabled secrets and the
	 * admin user are not signs; a name equal to its password is masked. */
	assert_int_equal(parse(&in, "routeros",
			       "/interface l2tp-server server\n"
			       "set default-profile=p1 enabled=true ipsec-secret=Pa55-Secret use-ipsec=required\n"
			       "/interface sstp-server server\n"
			       "set default-profile=p1 enabled=no\n"
			       "/interface ovpn-server server\n"
			       "add disabled=no name=ovpn1 port=1194\n"
			       "add disabled=yes name=ovpn2 port=1195\n"
			       "/interface wireguard\n"
			       "add listen-port=13231 name=wg-home private-key=\"cHJpdmF0ZS1rZXktb25lLWlzLWxvbmc=\"\n"
			       "add listen-port=13232 name=wg-idle\n"
			       "add disabled=yes listen-port=13233 name=wg-off\n"
			       "/interface wireguard peers\n"
			       "add allowed-address=10.9.0.2/32 interface=wg-home public-key=\"a=\"\n"
			       "add allowed-address=10.9.0.3/32 interface=wg-home public-key=\"b=\"\n"
			       "add allowed-address=10.9.0.4/32 disabled=yes interface=wg-home public-key=\"c=\"\n"
			       "add allowed-address=10.9.0.5/32 interface=wg-off public-key=\"d=\"\n"
			       "/ppp secret\n"
			       "add name=shop password=Shop-Pass-77 service=l2tp\n"
			       "add name=isp password=Isp-Pass-88 service=pppoe\n"
			       "add disabled=yes name=old password=Old-Pass-99\n"
			       "add name=Echo password=echo\n"
			       "/ip cloud\n"
			       "set ddns-enabled=auto\n"
			       "/user\n"
			       "add name=admin group=full\n"
			       "add disabled=yes name=former group=full\n"),
			 0);
	assert_signs(&in, "vpn:L2TP server@2 | vpn:OpenVPN server@6 | vpn:WireGuard interface wg-home@9[2] | "
			  "vpn:WireGuard interface wg-idle@10[0] | accounts:PPP secrets@18[2:shop,****]");
	assert_true(has_secret(&in, "Pa55-Secret"));
	assert_true(has_secret(&in, "Isp-Pass-88"));
	assert_true(has_secret(&in, "echo"));
	run_checks(&in);
	assert_hijack(&in, "EL320/default@2 EL320/default@6 EL320/peers@9 EL321/default@18");
	const struct finding *f = find_rule(&in, "EL320", "peers");
	assert_message(&in, f, LANG_EN,
		       "A VPN server is on in the router: WireGuard interface wg-home, with 2 peer(s)."
		       TAIL_EN);
	assert_message(&in, f, LANG_JA,
		       "ルータで VPN サーバ機能が有効で（種類：WireGuard インターフェース wg-home）、ピアが "
		       "2 個登録されています。" TAIL_JA);
	assert_message(&in, find_rule(&in, "EL321", NULL), LANG_EN,
		       "The router holds 2 VPN account(s) (PPP secrets): shop, ****." TAIL_EN);
	input_free(&in);
}

/* More WireGuard interfaces than are kept: the rest are noted, not read,
 * and peers of a kept one still count (the look-up stays linear). */
static void test_routeros_wireguard_limit(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb, 1u << 20);
	sb_adds(&sb, "/interface wireguard\n");
	for (int i = 0; i < 1030; i++)
		sb_printf(&sb, "add listen-port=%d name=wg%d\n", 10000 + i, i);
	sb_adds(&sb, "/interface wireguard peers\nadd interface=wg1023 public-key=\"a=\"\n"
		     "add interface=wg1029 public-key=\"b=\"\n");
	struct input in;
	assert_int_equal(parse(&in, "routeros", sb_str(&sb)), 0);
	sb_free(&sb);
	assert_int_equal(in.dev.nsigns, 1024);
	assert_int_equal(sign_nth(&in, 1023)->naccounts, 1);
	assert_string_equal(sign_nth(&in, 1023)->what, "WireGuard interface wg1023");
	size_t notes = 0;
	for (const struct diag *d = in.diags; d; d = d->next)
		if (strstr(d->msg, "more than 1024 WireGuard interfaces; the rest are not read")) {
			notes++;
			assert_int_equal(d->line, 1026);
		}
	assert_int_equal(notes, 1);
	input_free(&in);
}

/* ---- nvram ------------------------------------------------------------------------------ */

static void test_nvram(void **state)
{
	(void)state;
	struct input in;
	/* ASUSWRT-Merlin: PPTP on with two accounts (one whose password is
	 * its name), OpenVPN server 1 listed in vpn_serverx_start and
	 * server 2 running by its state, IPsec on, DDNS with its provider. */
	assert_int_equal(parse(&in, "nvram",
			       "productid=RT-AX86U\n"
			       "wl0_ssid=home\n"
			       "lan_ipaddr=192.168.50.1\n"
			       "wan_proto=dhcp\n"
			       "pptpd_enable=1\n"
			       "pptpd_clientlist=<sato>Pine-Otter-Stove-31<helper>helper\n"
			       "vpn_serverx_start=1,\n"
			       "vpn_server2_state=2\n"
			       "vpn_serverx_clientlist=<remote01>Velvet-Canyon-Drum-64>extra\n"
			       "ipsec_server_enable=1\n"
			       "ddns_enable_x=1\n"
			       "ddns_server_x=WWW.ASUS.COM\n"),
			 0);
	assert_signs(&in, "vpn:PPTP server@5 | vpn:OpenVPN server 1@7 | vpn:OpenVPN server 2@8 | "
			  "vpn:IPsec VPN server@10 | accounts:PPTP, pptpd_clientlist@6[2:sato,****] | "
			  "accounts:OpenVPN, vpn_serverx_clientlist@9[1:remote01] | ddns:WWW.ASUS.COM@11");
	assert_string_equal(sign_nth(&in, 0)->evidence, "pptpd_enable=1");
	assert_string_equal(sign_nth(&in, 1)->evidence, "vpn_serverx_start=1,");
	assert_string_equal(sign_nth(&in, 4)->evidence, "pptpd_clientlist");
	assert_true(has_secret(&in, "Pine-Otter-Stove-31"));
	assert_true(has_secret(&in, "helper"));
	assert_true(has_secret(&in, "Velvet-Canyon-Drum-64"));
	run_checks(&in);
	/* In the order of the signs: servers, account lists, DDNS. */
	assert_hijack(&in, "EL320/default@5 EL320/default@7 EL320/default@8 EL320/default@10 "
			   "EL321/default@6 EL321/default@9 EL322/default@11");
	input_free(&in);

	/* The real RT-AC68U 380.59 dump of the corpus: a leftover
	 * vpn_serverx_eas=1 with vpn_serverx_start empty starts nothing;
	 * empty client lists are no sign. */
	assert_int_equal(parse(&in, "nvram",
			       "productid=RT-AC68U\nwl0_ssid=x\nlan_ipaddr=192.168.1.1\nwan_proto=dhcp\n"
			       "vpn_serverx_eas=1,\nvpn_serverx_start=\nvpn_server1_state=0\n"
			       "pptpd_enable=0\npptpd_clientlist=\nVPNServer_enable=0\n"),
			 0);
	assert_null(in.dev.signs);
	input_free(&in);

	/* Tomato: vpn_server_eas, ddnsx0 "service<user:password<host…"
	 * (the credentials are secrets); DD-WRT: ddns_enable=2 (the provider
	 * number), openvpn_enable=1. */
	assert_int_equal(parse(&in, "nvram",
			       "t_model_name=Asus RT-N66U\nwl0_ssid=x\nlan_ipaddr=192.168.1.1\nwan_proto=dhcp\n"
			       "vpn_server_eas=2\n"
			       "ddnsx0=dyndns<kobayashi:Tomato-Ddns-Pw<home.example.net<0<<\n"
			       "ddnsx1=\n"
			       "ddns_enable=2\n"
			       "openvpn_enable=1\n"),
			 0);
	assert_signs(&in, "vpn:OpenVPN server 2@5 | vpn:OpenVPN server@9 | ddns:dyndns@6 | "
			  "ddns:ddns_enable=2@8");
	assert_true(has_secret(&in, "kobayashi:Tomato-Ddns-Pw"));
	assert_true(has_secret(&in, "Tomato-Ddns-Pw"));
	assert_string_equal(sign_nth(&in, 2)->evidence, "ddnsx0");
	input_free(&in);
}

/* ---- OpenWrt ----------------------------------------------------------------------------- */

static void test_openwrt(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in, "openwrt",
			       "package network\n"
			       "config interface 'wg0'\n"
			       "\toption proto 'wireguard'\n"
			       "\toption private_key 'cHJpdmF0ZS1rZXktb25lLWlzLWxvbmctZW5vdWdoPQ=='\n"
			       "\toption listen_port '51820'\n"
			       "config wireguard_wg0\n"
			       "\toption public_key 'cGVlcjE='\n"
			       "\toption description 'phone'\n"
			       "config wireguard_wg0\n"
			       "\toption public_key 'cGVlcjI='\n"
			       "\toption disabled '1'\n"
			       "config wireguard_wg0\n"
			       "\toption public_key 'cGVlcjM='\n"
			       "config interface 'wg1'\n"
			       "\toption proto 'wireguard'\n"
			       "config interface 'lan'\n"
			       "\toption proto 'static'\n"
			       "package ddns\n"
			       "config service 'on'\n"
			       "\toption enabled '1'\n"
			       "\toption service_name 'duckdns.org'\n"
			       "\toption password 'Duck-Token-1234'\n"
			       "config service 'off'\n"
			       "\toption service_name 'dynv6.com'\n"
			       "package openvpn\n"
			       "config openvpn 'srv'\n"
			       "\toption enabled '1'\n"
			       "\toption server '10.8.0.0 255.255.255.0'\n"
			       "config openvpn 'cli'\n"
			       "\toption enabled '1'\n"
			       "\toption client '1'\n"
			       "config openvpn 'srv_off'\n"
			       "\toption server '10.9.0.0 255.255.255.0'\n"),
			 0);
	assert_signs(&in, "vpn:WireGuard interface wg0@2[2] | vpn:WireGuard interface wg1@14[0] | "
			  "ddns:duckdns.org@19 | vpn:OpenVPN server srv@26");
	assert_true(has_secret(&in, "Duck-Token-1234"));
	assert_string_equal(sign_nth(&in, 0)->evidence, "config interface 'wg0'");
	run_checks(&in);
	assert_hijack(&in, "EL320/peers@2 EL322/default@19 EL320/default@26");
	input_free(&in);
}

/* ---- facts file --------------------------------------------------------------------------- */

static const char facts_head[] = "router:\n  vendor: buffalo\n  model: WSR-1800AX4S\n"
				 "  firmware_version: \"1.11\"\n  latest_firmware_version: \"1.11\"\n"
				 "  auto_update: true\nremote_admin: false\n";

static int parse_facts(struct input *in, const char *tail)
{
	char buf[2048];
	snprintf(buf, sizeof(buf), "%s%s", facts_head, tail);
	return parse(in, "router-facts", buf);
}

static void test_facts(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_facts(&in, "vpn_server: true\nddns: 有効\nvpn_accounts: []\n"
					  "admin_accounts: []\nadmin_password_changed: yes\n"),
			 0);
	assert_int_equal(in.ndiag_errors, 0);
	assert_signs(&in, "vpn:-@8 | ddns:-@9");
	assert_int_equal(in.dev.admin_pw_default, TRI_NO);
	run_checks(&in);
	assert_hijack(&in, "EL320/plain@8 EL322/plain@9");
	assert_message(&in, find_rule(&in, "EL320", NULL), LANG_EN,
		       "A VPN server is on in the router." TAIL_EN);
	assert_message(&in, find_rule(&in, "EL322", NULL), LANG_JA,
		       "ルータで DDNS 機能が有効です。" TAIL_JA);
	input_free(&in);

	assert_int_equal(parse_facts(&in, "vpn_server: [PPTP, OpenVPN]\nvpn_accounts:\n  - taro\n"
					  "  - \"hanako\"\nddns: false\nadmin_accounts: [support, maint]\n"
					  "admin_password_changed: no\n"),
			 0);
	assert_int_equal(in.ndiag_errors, 0);
	assert_signs(&in, "vpn:PPTP@8 | vpn:OpenVPN@8 | accounts:vpn_accounts@10[2:taro,hanako] | "
			  "admin:support@13 | admin:maint@13");
	assert_int_equal(in.dev.admin_pw_default, TRI_YES);
	assert_int_equal(in.dev.admin_pw_default_line, 14);
	run_checks(&in);
	assert_hijack(&in, "EL320/default@8 EL320/default@8 EL321/default@10 EL323/default@13 "
			   "EL323/default@13 EL324/default@14");
	input_free(&in);

	/* Wrong shapes are errors with the line. */
	assert_int_equal(parse_facts(&in, "vpn_accounts: taro\nadmin_password_changed: maybe\n"), 0);
	assert_int_equal(in.ndiag_errors, 2);
	assert_null(in.dev.signs);
	input_free(&in);
}

/* ---- the names list ---------------------------------------------------------------------- */

static void test_many_names(void **state)
{
	(void)state;
	struct input in;
	char buf[4096] = "/ppp secret\n";
	for (int i = 1; i <= 13; i++) {
		char l[64];
		snprintf(l, sizeof(l), "add name=user%02d password=Pw-%02d-long-enough\n", i, i);
		strcat(buf, l);
	}
	assert_int_equal(parse(&in, "routeros", buf), 0);
	run_checks(&in);
	const struct finding *f = find_rule(&in, "EL321", NULL);
	assert_message(&in, f, LANG_EN,
		       "The router holds 13 VPN account(s) (PPP secrets): user01, user02, user03, user04, "
		       "user05, user06, user07, user08, user09, user10 and 3 more." TAIL_EN);
	assert_message(&in, f, LANG_JA,
		       "ルータに VPN アカウントが 13 個あります（設定：PPP のシークレット）：user01、user02、"
		       "user03、user04、user05、user06、user07、user08、user09、user10 ほか 3 個。" TAIL_JA);
	input_free(&in);
}

/* ---- §5: unknown parts under a warning ------------------------------------------------ */

static void test_admin_access_unknown(void **state)
{
	(void)state;
	struct input in;
	/* An OpenWrt release of a supported series alone: the firmware part
	 * passes, but remote administration is unknown without the firewall
	 * file, so 5-3 is unknown, never pass. */
	assert_int_equal(parse(&in, "openwrt", "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='25.12.5'\n"), 0);
	run_checks(&in);
	assert_int_equal(in.items[ITEM_5_3], IST_UNKNOWN);
	assert_string_equal(in.item_note[ITEM_5_3], "no-admin-access-setting");
	input_free(&in);
	/* With the firewall file it is said: no unknown part. */
	assert_int_equal(parse(&in, "openwrt",
			       "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='25.12.5'\n"
			       "config zone\n\toption name 'wan'\n\toption input 'REJECT'\n"),
			 0);
	run_checks(&in);
	assert_int_equal(in.items[ITEM_5_3], IST_PASS);
	assert_null(in.item_unknown_note[ITEM_5_3]);
	input_free(&in);
	/* A facts file without remote_admin: warned (UPnP on) and unknown. */
	assert_int_equal(parse(&in, "router-facts",
			       "router:\n  vendor: buffalo\n  model: WSR-1800AX4S\n"
			       "  firmware_version: \"1.11\"\n  latest_firmware_version: \"1.11\"\n"
			       "  auto_update: true\nupnp: true\n"),
			 0);
	run_checks(&in);
	assert_int_equal(in.items[ITEM_5_3], IST_WARN);
	assert_string_equal(in.item_unknown_note[ITEM_5_3], "no-admin-access-setting");
	input_free(&in);
}

static char *render(const char *fmt, struct input *in, enum lang l)
{
	struct run_ctx ctx = g_ctx;
	ctx.lang = l;
	struct strbuf out;
	sb_init(&out, 1u << 24);
	struct report_run run = {.ctx = &ctx, .inputs = in, .ninputs = 1, .out = &out};
	const struct reporter *r = reporter_by_name(fmt);
	assert_non_null(r);
	assert_int_equal(report_render(r, &run), 0);
	char *s = strdup(sb_str(&out));
	assert_non_null(s);
	sb_free(&out);
	return s;
}

/* UPnP on and a model edgelint does not know: 5-3 warns and says what it
 * could not check, in every format and both languages. */
static void test_warn_with_unknown_part(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse(&in, "router-facts",
			       "router:\n  vendor: other\n  model: HomeBox-9000\n"
			       "  firmware_version: \"2.3\"\nremote_admin: false\nupnp: true\n"),
			 0);
	run_checks(&in);
	findings_sort(&in);
	assert_int_equal(in.items[ITEM_5_3], IST_WARN);
	static const char *const want_en =
		"Router support status not known to edgelint (EL312); Cannot tell whether the firmware "
		"is current (EL315)";
	static const char *const want_ja =
		"edgelint がサポート状況を把握していないルータ（EL312）、ファームウェアが最新か判定できません"
		"（EL315）";
	char *t = render("text", &in, LANG_EN);
	assert_non_null(strstr(t, "  ! 5-3  Home router support and firmware — warn; not checked: "
				  "Router support status not known to edgelint (EL312); Cannot tell "
				  "whether the firmware is current (EL315)\n"));
	/* 6-2 is not checked either: the file holds no Wi-Fi. */
	assert_non_null(strstr(t, "verdict: approve after these fixes; not checked: 5-3, 6-2\n"));
	free(t);
	t = render("text", &in, LANG_JA);
	assert_non_null(strstr(t, "  ! 5-3  自宅ルータのサポートとファームウェア — 要注意（未確認: "
				  "edgelint がサポート状況を把握していないルータ（EL312）、ファームウェアが"
				  "最新か判定できません（EL315））\n"));
	free(t);
	for (int k = 0; k < 2; k++) {
		enum lang l = k ? LANG_JA : LANG_EN;
		const char *want = k ? want_ja : want_en;
		char *js = render("json", &in, l);
		json_error_t err;
		json_t *j = json_loads(js, 0, &err);
		assert_non_null(j);
		json_t *in0 = json_array_get(json_object_get(j, "inputs"), 0);
		assert_string_equal(json_string_value(json_object_get(json_object_get(in0, "items"), "5-3")),
				    "warn");
		json_t *nc = json_object_get(json_object_get(in0, "verdict"), "not_checked");
		assert_int_equal(json_object_size(nc), 2);
		assert_string_equal(json_string_value(json_object_get(nc, "5-3")), want);
		json_decref(j);
		free(js);
		char *sa = render("sarif", &in, l);
		j = json_loads(sa, 0, &err);
		assert_non_null(j);
		json_t *row = json_array_get(
			json_object_get(json_object_get(json_array_get(json_object_get(j, "runs"), 0),
							"properties"),
					"edgelint-inputs"),
			0);
		json_t *nl = json_object_get(row, "not_checked");
		assert_int_equal(json_array_size(nl), 2);
		assert_string_equal(json_string_value(json_array_get(nl, 0)), "5-3");
		assert_string_equal(json_string_value(json_array_get(nl, 1)), "6-2");
		json_t *why = json_object_get(row, "not_checked_why");
		assert_int_equal(json_object_size(why), 2);
		assert_string_equal(json_string_value(json_object_get(why, "5-3")), want);
		/* The warning and both unknown findings are results. */
		json_t *res = json_object_get(json_array_get(json_object_get(j, "runs"), 0), "results");
		assert_int_equal(json_array_size(res), 3);
		json_decref(j);
		free(sa);
	}
	input_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model),
		cmocka_unit_test(test_routeros_script),
		cmocka_unit_test(test_routeros_cases),
		cmocka_unit_test(test_routeros_wireguard_limit),
		cmocka_unit_test(test_nvram),
		cmocka_unit_test(test_openwrt),
		cmocka_unit_test(test_facts),
		cmocka_unit_test(test_many_names),
		cmocka_unit_test(test_admin_access_unknown),
		cmocka_unit_test(test_warn_with_unknown_part),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
