/*
 * test_fortigate.c — cmocka tests for parsers/fortigate.c (kind
 * "fortigate"), on small FortiOS configurations written inline, parsed
 * through the parser table with the real rules from $EDGELINT_RULES:
 *  - identity from the #config-version header (7.x and the 5.04 form), none
 *    without it;
 *  - the command reader: quotes, \' escapes, values over several lines
 *    (later line numbers still right), inline #, CRLF, unset, append, a
 *    CLI prompt;
 *  - which interface faces the internet (default route, PPPoE, DHCP,
 *    role wan alone is not enough, DHCP without the default gateway);
 *  - policies: no `set action` denies, VIP forwards and the policy that
 *    admits them, nested address groups, predefined services from
 *    rules/ports.yaml, undefined names, disabled policies;
 *  - the box: allowaccess with and without trusthost, local-in deny,
 *    SSL-VPN as the teleworkers' VPN (5-4);
 *  - VDOMs named in the interface;
 *  - secrets: ENC values registered, the CVE-2019-6693 note;
 *  - hostile input: truncated files, unbalanced end, NUL bytes, the probe
 *    on other formats.
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
#include "../../src/filter.h"
#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/run.h"

#include "testctx.h"
#include "testmodel.h"

static int parse_cfg(struct input *in, const char *text)
{
	return parse_as(in, "fortigate", "t.conf", text, strlen(text));
}

/* Runs text through the whole pipeline (run_parsed parses, then checks). */
static void run_cfg(struct input *in, const char *text)
{
	size_t n = strlen(text);
	input_init(in, "t.conf");
	in->kind = input_kind_named("fortigate");
	assert_non_null(in->kind);
	in->data = malloc(n + 1);
	assert_non_null(in->data);
	memcpy(in->data, text, n + 1);
	in->len = n;
	run_parsed(in, &g_ctx);
}

static const struct diag *diag_with(const struct input *in, const char *needle)
{
	for (const struct diag *d = in->diags; d; d = d->next)
		if (strstr(d->msg, needle))
			return d;
	return NULL;
}

/* A WAN (wan1, PPPoE, lines 1-6) and a LAN (lines 7-11). */
#define IFS                                                     \
	"config system interface\n"                 /* 1 */     \
	"    edit \"wan1\"\n"                       /* 2 */     \
	"        set mode pppoe\n"                  /* 3 */     \
	"        set allowaccess ping\n"            /* 4 */     \
	"    next\n"                                /* 5 */     \
	"    edit \"lan\"\n"                        /* 6 */     \
	"        set ip 192.168.1.99 255.255.255.0\n" /* 7 */   \
	"        set allowaccess ping https ssh\n"  /* 8 */     \
	"    next\n"                                /* 9 */     \
	"end\n"                                     /* 10 */

/* ---- identity -------------------------------------------------------------- */

static void test_header(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_cfg(&in, "#config-version=FGT60F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin\n"
					"#conf_file_ver=1\n" IFS), 0);
	assert_string_equal(in.dev.vendor.s, "fortinet");
	assert_string_equal(in.dev.model.s, "FGT60F");
	assert_string_equal(in.dev.firmware.s, "7.2.5");
	assert_int_equal(in.dev.firmware.line, 1);
	assert_string_equal(in.dev.build_date.s, "2023-06-06");
	input_free(&in);

	assert_int_equal(parse_cfg(&in, "#config-version=FG100D-5.04-FW-build1064-160608:opmode=0:vdom=1:user=admin\n" IFS), 0);
	assert_string_equal(in.dev.model.s, "FG100D");
	assert_string_equal(in.dev.firmware.s, "5.4");
	input_free(&in);

	assert_int_equal(parse_cfg(&in, IFS), 0);
	assert_null(in.dev.model.s);
	assert_null(in.dev.firmware.s);
	input_free(&in);
}

/* ---- the command reader ----------------------------------------------------- */

static void test_reader(void **state)
{
	(void)state;
	struct input in;
	const char *cfg =
		"FGT # show full-configuration\r\n"          /* 1: prompt */
		"config firewall address\r\n"                /* 2 */
		"    edit \"A\" # the first\r\n"             /* 3: inline comment */
		"        set comment 'it\\'s\r\n"            /* 4: opens a quote */
		"two lines'\r\n"                              /* 5 */
		"        set subnet 10.0.0.0 255.0.0.0\r\n"  /* 6 */
		"        unset comment\r\n"                  /* 7 */
		"    next\r\n"                               /* 8 */
		"end\r\n"                                    /* 9 */
		"config firewall addrgrp\r\n"                /* 10 */
		"    edit \"G\"\r\n"                         /* 11 */
		"        set member \"A\"\r\n"               /* 12 */
		"        append member \"B\"\r\n"            /* 13 */
		"    next\r\n"                               /* 14 */
		"end\r\n"                                    /* 15 */
		"bogus line here\r\n";                       /* 16 */
	assert_int_equal(parse_cfg(&in, cfg), 0);
	assert_null(in.error);
	/* 15 command lines, the quoted value counted once; line 16 unknown */
	assert_int_equal(in.lines_total, 15);
	assert_int_equal(in.lines_understood, 14);
	const struct diag *d = diag_with(&in, "bogus");
	assert_non_null(d);
	assert_int_equal(d->line, 16);
	input_free(&in);
}

/* ---- the internet side ------------------------------------------------------- */

static void test_wan_detection(void **state)
{
	(void)state;
	struct input in;
	/* PPPoE */
	assert_int_equal(parse_cfg(&in, IFS), 0);
	assert_int_equal(in.dev.nwans, 1);
	assert_string_equal(in.dev.wans->name, "wan1");
	assert_int_equal(in.dev.wans->line, 3);
	input_free(&in);
	/* role wan alone (no address, no mode, no route): not the WAN */
	assert_int_equal(parse_cfg(&in, "config system interface\n edit \"wan2\"\n set role wan\n next\nend\n"), 0);
	assert_int_equal(in.dev.nwans, 0);
	input_free(&in);
	/* DHCP without the default gateway: not the WAN; with it: the WAN */
	assert_int_equal(parse_cfg(&in, "config system interface\n edit \"a\"\n set mode dhcp\n set defaultgw disable\n next\n"
					" edit \"b\"\n set mode dhcp\n next\nend\n"), 0);
	assert_int_equal(in.dev.nwans, 1);
	assert_string_equal(in.dev.wans->name, "b");
	input_free(&in);
	/* the default route */
	assert_int_equal(parse_cfg(&in, "config system interface\n edit \"port1\"\n set ip 203.0.113.2 255.255.255.252\n next\nend\n"
					"config router static\n edit 1\n set gateway 203.0.113.1\n set device \"port1\"\n next\nend\n"), 0);
	assert_int_equal(in.dev.nwans, 1);
	assert_int_equal(in.dev.wans->line, 7);   /* the route's edit line */
	assert_int_equal(in.dev.wans->addr4.lo, 0xcb007102u);
	input_free(&in);
}

/* ---- policies ------------------------------------------------------------------ */

#define VIP_RDP                                                   \
	"config firewall vip\n"                       /* 11 */    \
	"    edit \"V\"\n"                            /* 12 */    \
	"        set extintf \"wan1\"\n"              /* 13 */    \
	"        set portforward enable\n"            /* 14 */    \
	"        set mappedip \"192.168.1.10\"\n"     /* 15 */    \
	"        set extport 13389\n"                 /* 16 */    \
	"        set mappedport 3389\n"               /* 17 */    \
	"    next\n"                                  /* 18 */    \
	"end\n"                                       /* 19 */

static void test_policy_without_action_denies(void **state)
{
	(void)state;
	struct input in;
	run_cfg(&in, IFS VIP_RDP
		"config firewall policy\n"                /* 20 */
		"    edit 3\n"                            /* 21 */
		"        set srcintf \"wan1\"\n"
		"        set dstintf \"lan\"\n"
		"        set srcaddr \"all\"\n"
		"        set dstaddr \"V\"\n"
		"        set service \"RDP\"\n"
		"    next\n"
		"end\n");
	assert_int_equal(in.items[ITEM_3_2], IST_PASS);
	assert_int_equal(count_rule(&in, "EL105"), 0);
	assert_int_equal(in.dev.wans->nfwds, 1);
	assert_int_equal(in.dev.wans->fwds[0].line, 12);
	input_free(&in);
}

static void test_vip_admitted_from_any(void **state)
{
	(void)state;
	struct input in;
	run_cfg(&in, IFS VIP_RDP
		"config firewall policy\n"                /* 20 */
		"    edit 9\n"                            /* 21 */
		"        set status disable\n"            /* 22 */
		"        set srcintf \"wan1\"\n"
		"        set action deny\n"
		"        set srcaddr \"all\"\n"
		"        set dstaddr \"V\"\n"
		"        set service \"ALL\"\n"
		"    next\n"                              /* 28 */
		"    edit 3\n"                            /* 29 */
		"        set srcintf \"wan1\"\n"
		"        set dstintf \"lan\"\n"
		"        set action accept\n"
		"        set srcaddr \"all\"\n"
		"        set dstaddr \"V\"\n"
		"        set service \"RDP\"\n"           /* predefined, from rules/ports.yaml */
		"    next\n"
		"end\n");
	assert_int_equal(in.items[ITEM_3_2], IST_FAIL);
	const struct finding *f = find_rule(&in, "EL105", NULL);
	assert_non_null(f);
	assert_int_equal(f->line, 29);
	assert_int_equal(in.dev.wans->in4.ninactive, 1);
	assert_int_equal(in.dev.wans->in4.inactive[0], 21);
	input_free(&in);
}

static void test_nested_groups_restrict(void **state)
{
	(void)state;
	struct input in;
	run_cfg(&in, IFS VIP_RDP
		"config firewall address\n"
		"    edit \"P1\"\n        set subnet 198.51.100.0 255.255.255.0\n    next\n"
		"    edit \"P2\"\n        set type iprange\n        set start-ip 192.0.2.16\n        set end-ip 192.0.2.31\n    next\n"
		"end\n"
		"config firewall addrgrp\n"
		"    edit \"IN\"\n        set member \"P2\"\n    next\n"
		"    edit \"OUT\"\n        set member \"P1\" \"IN\"\n    next\n"
		"end\n"
		"config firewall service custom\n"
		"    edit \"RDP-ALT\"\n        set tcp-portrange 3389 3390-3391\n    next\n"
		"end\n"
		"config firewall policy\n"
		"    edit 3\n        set srcintf \"wan1\"\n        set action accept\n"
		"        set srcaddr \"OUT\"\n        set dstaddr \"V\"\n        set service \"RDP-ALT\"\n    next\n"
		"end\n");
	assert_int_equal(in.items[ITEM_3_2], IST_PASS);
	assert_int_equal(count_rule(&in, "EL105"), 0);
	const struct finding *f = find_rule(&in, "EL106", NULL);
	assert_non_null(f);
	input_free(&in);
}

static void test_undefined_name(void **state)
{
	(void)state;
	struct input in;
	run_cfg(&in, IFS VIP_RDP
		"config firewall policy\n"
		"    edit 3\n        set srcintf \"wan1\"\n        set action accept\n"
		"        set srcaddr \"NOPE\"\n        set dstaddr \"V\"\n        set service \"RDP\"\n    next\n"
		"end\n");
	const struct diag *d = diag_with(&in, "'NOPE' is not defined");
	assert_non_null(d);
	assert_int_equal(d->line, 24);
	assert_true(in.dev.wans->in4.has_undefined);
	assert_int_equal(count_rule(&in, "EL105"), 0);
	assert_int_equal(count_rule(&in, "EL109"), 1);
	input_free(&in);
}

/* ---- the box ---------------------------------------------------------------------- */

static void test_admin_access(void **state)
{
	(void)state;
	struct input in;
	const char *ifs =
		"config system interface\n edit \"wan1\"\n set mode pppoe\n set allowaccess https ssh\n next\nend\n";
	run_cfg(&in, ifs);
	assert_int_equal(in.items[ITEM_3_2], IST_FAIL);
	assert_int_equal(count_rule(&in, "EL104"), 2);
	assert_int_equal(find_rule(&in, "EL104", NULL)->line, 4);
	/* the service's name in both languages (no English left in Japanese) */
	assert_string_equal(farg(find_rule(&in, "EL104", NULL), "service"), "https (admin GUI) (tcp/443)");
	assert_string_equal(farg(find_rule(&in, "EL104", NULL), "service_ja"), "https 管理画面 (tcp/443)");
	input_free(&in);

	/* every admin restricted by trusthost: only from there */
	char buf[2048];
	snprintf(buf, sizeof(buf), "%s%s", ifs,
		 "config system global\n set admin-sport 8443\nend\n"
		 "config system admin\n edit \"admin\"\n set trusthost1 198.51.100.0 255.255.255.0\n next\nend\n");
	run_cfg(&in, buf);
	assert_int_equal(count_rule(&in, "EL104"), 0);
	assert_int_equal(count_rule(&in, "EL106"), 2);
	assert_int_equal(svc(&in, "https (admin GUI)")->port, 8443);
	input_free(&in);

	/* a deny local-in policy on wan1 for HTTPS and SSH */
	snprintf(buf, sizeof(buf), "%s%s", ifs,
		 "config firewall local-in-policy\n edit 1\n set intf \"wan1\"\n set srcaddr \"all\"\n"
		 " set dstaddr \"all\"\n set service \"HTTPS\" \"SSH\"\n set schedule \"always\"\n next\nend\n");
	run_cfg(&in, buf);
	assert_int_equal(count_rule(&in, "EL104"), 0);
	assert_int_equal(in.items[ITEM_3_2], IST_PASS);
	input_free(&in);
}

static void test_sslvpn(void **state)
{
	(void)state;
	struct input in;
	run_cfg(&in, "#config-version=FGT60F-7.0.12-FW-build0523-230605:opmode=0:vdom=0:user=admin\n" IFS
		"config vpn ssl settings\n"               /* 12 */
		"    set port 10443\n"
		"    set source-interface \"wan1\"\n"      /* 14 */
		"    set source-address \"all\"\n"
		"end\n");
	assert_true(in.dev.vpn_remote_access);
	assert_int_equal(in.dev.vpn_line, 14);
	assert_int_equal(svc(&in, "ssl-vpn")->port, 10443);
	assert_int_equal(in.items[ITEM_3_2], IST_PASS);
	assert_int_equal(in.items[ITEM_5_4], IST_FAIL);
	assert_non_null(find_rule(&in, "EL302", NULL));
	assert_non_null(find_rule(&in, "EL303", "train-ended"));
	input_free(&in);
}

/* ---- VDOMs ----------------------------------------------------------------------- */

static void test_vdoms(void **state)
{
	(void)state;
	struct input in;
	run_cfg(&in,
		"config vdom\nedit root\nnext\nedit shop\nnext\nend\n"
		"config global\n"
		"config system interface\n"
		" edit \"wan1\"\n set vdom \"root\"\n set mode pppoe\n set allowaccess ping\n next\n"
		" edit \"wan2\"\n set vdom \"shop\"\n set mode dhcp\n set allowaccess https\n next\n"
		"end\n"
		"end\n"
		"config vdom\n"
		"edit root\n"
		"config firewall policy\n edit 1\n set srcintf \"lan\"\n set action accept\n next\nend\n"
		"next\n"
		"edit shop\n"
		"config firewall policy\n edit 1\n set srcintf \"wan2\"\n set action deny\n"
		" set srcaddr \"all\"\n set dstaddr \"all\"\n set service \"ALL\"\n next\nend\n"
		"next\n"
		"end\n");
	assert_null(in.error);
	assert_int_equal(in.dev.nwans, 2);
	assert_string_equal(in.dev.wans->name, "wan1 (VDOM root)");
	assert_string_equal(in.dev.wans->next->name, "wan2 (VDOM shop)");
	/* the shop VDOM's policy is in wan2's list, not wan1's */
	assert_int_equal(in.dev.wans->in4.n, 0);
	assert_int_equal(in.dev.wans->next->in4.n, 1);
	const struct finding *f = find_rule(&in, "EL104", NULL);
	assert_non_null(f);
	assert_string_equal(farg(f, "interface"), "wan2 (VDOM shop) (IPv4)");
	input_free(&in);
}

/* ---- secrets ------------------------------------------------------------------------ */

static void test_secrets(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_cfg(&in, IFS
				   "config system admin\n edit \"admin\"\n"
				   "  set password ENC SH2FakeBlobForTheTestOnly==\n" /* 13 */
				   " next\nend\n"
				   "config user local\n edit \"u\"\n set passwd plainSecret1\n next\nend\n"), 0);
	bool enc = false, plain = false;
	for (size_t i = 0; i < in.nsecrets; i++) {
		enc |= strcmp(in.secrets[i], "SH2FakeBlobForTheTestOnly==") == 0;
		plain |= strcmp(in.secrets[i], "plainSecret1") == 0;
	}
	assert_true(enc);
	assert_true(plain);
	const struct diag *d = diag_with(&in, "CVE-2019-6693");
	assert_non_null(d);
	assert_int_equal(d->line, 13);
	assert_int_equal(d->level, DIAG_NOTE);
	input_free(&in);
}

/* A password equal to a word of the evidence we write ("config firewall
 * policy") is not in that evidence: it is shown as it is, not masked
 * (fuzz seed regress-password-equals-own-word). */
static void test_password_is_our_word(void **state)
{
	(void)state;
	struct input in;
	run_cfg(&in, IFS VIP_RDP
		"config user local\n edit \"u\"\n  set passwd firewall\n next\nend\n" /* 20-24 */
		"config firewall policy\n"                /* 25 */
		"    edit 3\n        set srcintf \"wan1\"\n        set action accept\n");
	bool listed = false;
	for (size_t i = 0; i < in.nsecrets; i++)
		listed |= strcmp(in.secrets[i], "firewall") == 0;
	assert_true(listed);
	const struct finding *f = find_rule(&in, "EL100", NULL);
	assert_non_null(f);
	assert_int_equal(f->line, 25);
	struct strbuf sb;
	sb_init(&sb, 4096);
	assert_int_equal(finding_evidence(&in, f, &sb), 0);
	assert_string_equal(sb_str(&sb), "config firewall policy");
	sb_free(&sb);
	input_free(&in);
}

/* ---- hostile input --------------------------------------------------------------------- */

static void test_truncated(void **state)
{
	(void)state;
	struct input in;
	run_cfg(&in, IFS VIP_RDP
		"config firewall policy\n"                /* 20 */
		"    edit 3\n        set srcintf \"wan1\"\n        set action accept\n"
		"        set srcaddr \"all\"\n        set dstaddr \"V\"\n        set service \"RDP\"\n");
	const struct diag *d = diag_with(&in, "ends inside 'config firewall policy'");
	assert_non_null(d);
	assert_int_equal(d->level, DIAG_ERROR);
	assert_int_equal(d->line, 20);
	assert_int_equal(in.items[ITEM_3_2], IST_UNKNOWN);
	assert_int_equal(count_rule(&in, "EL105"), 0);
	assert_non_null(find_rule(&in, "EL100", NULL));
	input_free(&in);
}

static void test_unbalanced_end(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_cfg(&in, IFS "end\n"), 0);
	const struct diag *d = diag_with(&in, "no open config block");
	assert_non_null(d);
	assert_int_equal(d->line, 11);
	assert_int_equal(d->level, DIAG_ERROR);
	input_free(&in);

	static const char nul[] = "config system global\n\0set x\nend\n";
	assert_true(parse_as(&in, "fortigate", "t.conf", nul, sizeof(nul) - 1) < 0);
	assert_non_null(in.error);
	input_free(&in);

	assert_true(parse_cfg(&in, "just words\n") < 0);
	assert_non_null(in.error);
	input_free(&in);
}

static void test_probe(void **state)
{
	(void)state;
	const struct parser *p = parser_by_name("fortigate");
	assert_non_null(p);
	const char *hdr = "#config-version=FGT60F-7.2.5-FW-build1517-230606:opmode=0\nconfig system global\n";
	assert_int_equal(p->probe(hdr, strlen(hdr)), 98);
	assert_int_equal(p->probe(IFS, strlen(IFS)), 70);
	const char *settings = "config system global\n    set hostname \"x\"\nend\n";
	assert_int_equal(p->probe(settings, strlen(settings)), 40);
	const char *full = IFS "config firewall policy\n edit 1\n set action accept\n next\nend\n";
	assert_int_equal(p->probe(full, strlen(full)), 70);
	const char *owrt = "config rule\n\toption name 'x'\n\toption target ACCEPT\n";
	assert_int_equal(p->probe(owrt, strlen(owrt)), 0);
	const char *asa = "ASA Version 9.12(4)67\nhostname fw\naccess-list OUT extended permit ip any any\n";
	assert_int_equal(p->probe(asa, strlen(asa)), 0);
	assert_ptr_equal(parser_detect(hdr, strlen(hdr)), p);
	assert_ptr_equal(parser_detect(full, strlen(full)), p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_wan_detection),
		cmocka_unit_test(test_policy_without_action_denies),
		cmocka_unit_test(test_vip_admitted_from_any),
		cmocka_unit_test(test_nested_groups_restrict),
		cmocka_unit_test(test_undefined_name),
		cmocka_unit_test(test_admin_access),
		cmocka_unit_test(test_sslvpn),
		cmocka_unit_test(test_vdoms),
		cmocka_unit_test(test_secrets),
		cmocka_unit_test(test_password_is_our_word),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_unbalanced_end),
		cmocka_unit_test(test_probe),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
