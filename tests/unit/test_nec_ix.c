/*
 * test_nec_ix.c — cmocka tests for parsers/nec_ix.c (kind "nec-ix"), on
 * small `show running-config` texts written inline, with the real rules
 * from $EDGELINT_RULES:
 *  - identity from the `! IX Series … Version …` and `! Compiled …` header,
 *    none without it; detection against the other formats' heads;
 *  - the internet-facing interface: default route (by name, by gateway in
 *    a subnet), DHCP receive-default, PPPoE with ipcp, MAP-E, DS-Lite not,
 *    shut down not, IPv6 by DHCPv6 client;
 *  - access lists and `ip filter LIST SEQ in` in SEQ order with the discard
 *    at the end; a list not in the file (EL100, unknown); unreadable
 *    entries; dynamic lists;
 *  - NAPT: only static entries pass, to the router (interface named) or an
 *    inside host, `ip napt service`; a filter combined with NAPT;
 *  - the router's servers and their access lists; IPsec remote access;
 *  - findings through the checks (EL105 RDP, EL104 http on a fixed WAN);
 *  - secrets, unknown lines, hostile input.
 * Semantics and sources: the header comment of parsers/nec_ix.c.
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
	return parse_as(in, "nec-ix", "t.cfg", text, strlen(text));
}

static void run_cfg(struct input *in, const char *text)
{
	assert_int_equal(parse_cfg(in, text), 0);
	input_free(in);
	input_init(in, "t.cfg");
	in->kind = input_kind_named("nec-ix");
	in->len = strlen(text);
	in->data = malloc(in->len + 1);
	assert_non_null(in->data);
	memcpy(in->data, text, in->len + 1);
	run_parsed(in, &g_ctx);
}

static const struct wan_if *the_wan(const struct input *in)
{
	assert_int_equal(in->dev.nwans, 1);
	assert_non_null(in->dev.wans);
	return in->dev.wans;
}

#define HDR                                                                            \
	"! NEC Portable Internetwork Core Operating System Software\n"    /* 1 */      \
	"! IX Series IX2215 (magellan-sec) Software, Version 10.7.18, RELEASE SOFTWARE\n" \
	"! Compiled Oct 25-Tue-2022 12:37:13 JST #2\n"                    /* 3 */

static void test_identity(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_cfg(&in, HDR "hostname a\n"), 0);
	assert_string_equal(in.dev.vendor.s, "nec");
	assert_string_equal(in.dev.vendor_display, "NEC");
	assert_string_equal(in.dev.model.s, "IX2215");
	assert_int_equal(in.dev.model.line, 2);
	assert_string_equal(in.dev.firmware.s, "10.7.18");
	assert_string_equal(in.dev.firmware_date.s, "2022-10-25");
	assert_int_equal(in.dev.firmware_date.line, 3);
	assert_int_equal(in.lines_total, 1);
	assert_int_equal(in.lines_understood, 1);
	input_free(&in);
	assert_int_equal(parse_cfg(&in, "hostname a\ninterface GigaEthernet0.0\n  no shutdown\n"), 0);
	assert_null(in.dev.model.s);
	assert_true(in.has_device);
	input_free(&in);
}

static void test_probe(void **state)
{
	(void)state;
	const struct parser *p = parser_by_name("nec-ix");
	const char *h = HDR;
	assert_int_equal(p->probe(h, strlen(h)), 95);
	const char *nohdr = "ip access-list a permit ip src any dest any\n"
			    "interface GigaEthernet0.1\n  ip napt enable\n";
	assert_int_equal(p->probe(nohdr, strlen(nohdr)), 75);
	assert_ptr_equal(parser_detect(nohdr, strlen(nohdr)), p);
	const char *rtx = "# RTX830 Rev.15.02.30 (Fri Jul  5 11:17:45 2024)\nip filter 1 pass * *\n";
	assert_int_equal(p->probe(rtx, strlen(rtx)), 0);
	const char *asa = ": Saved\nASA Version 9.16(4)\ninterface GigabitEthernet0/0\n nameif outside\n"
			  "access-list OUT extended permit tcp any any eq 22\n";
	assert_int_equal(p->probe(asa, strlen(asa)), 0);
	const char *owrt = "config interface 'wan'\n\toption proto 'dhcp'\n";
	assert_int_equal(p->probe(owrt, strlen(owrt)), 0);
}

static void test_wan_by_route_and_kinds(void **state)
{
	(void)state;
	struct input in;
	/* A gateway inside a static subnet; a shut-down PPPoE; a LAN. */
	assert_int_equal(parse_cfg(&in, "ip route default 203.0.113.1\n"         /* 1 */
					"interface GigaEthernet0.0\n"             /* 2 */
					"  ip address 203.0.113.2/30\n"           /* 3 */
					"  no shutdown\n"                         /* 4 */
					"interface GigaEthernet0.1\n"             /* 5 */
					"  encapsulation pppoe\n"                 /* 6 */
					"  ip address ipcp\n"                     /* 7 */
					"  shutdown\n"                            /* 8 */
					"interface GigaEthernet1.0\n"             /* 9 */
					"  ip address 192.168.1.1/24\n"),         /* 10 */
			 0);
	const struct wan_if *w = the_wan(&in);
	assert_string_equal(w->name, "GigaEthernet0.0");
	assert_string_equal(w->how, "default route");
	assert_int_equal(w->line, 1);
	assert_true(w->v4);
	assert_false(w->v6);
	assert_false(w->nat4);
	assert_false(w->in4.present);
	assert_true(u128_eq(w->addr4, a4("203.0.113.2")));
	check_aset(&in, &in.dev.lan4, FAM_V4, "192.168.1.0-192.168.1.255");
	check_aset(&in, &in.dev.box4, FAM_V4, "192.168.1.1");
	input_free(&in);
	/* DHCP receive-default, PPPoE with ipcp, MAP-E: each internet-facing;
	 * DS-Lite without NAPT not. */
	assert_int_equal(parse_cfg(&in, "interface GigaEthernet0.0\n  ip address dhcp receive-default\n"
					"interface GigaEthernet0.1\n  encapsulation pppoe\n"
					"  ip address ipcp\n"
					"interface Tunnel0.0\n  tunnel mode map-e ocn\n  ip napt enable\n"
					"interface Tunnel1.0\n  tunnel mode 4-over-6\n"
					"ip route default Tunnel1.0\n"),
			 0);
	assert_int_equal(in.dev.nwans, 3);
	assert_string_equal(in.dev.wans->name, "GigaEthernet0.0");
	assert_string_equal(in.dev.wans->next->name, "GigaEthernet0.1");
	assert_string_equal(in.dev.wans->next->how, "PPPoE");
	assert_string_equal(in.dev.wans->next->next->name, "Tunnel0.0");
	input_free(&in);
	/* IPv6 from the ISP by a DHCPv6 client only. */
	assert_int_equal(parse_cfg(&in, "interface GigaEthernet0.0\n  no ip address\n  ipv6 enable\n"
					"  ipv6 dhcp client pd\n"),
			 0);
	w = the_wan(&in);
	assert_false(w->v4);
	assert_true(w->v6);
	assert_int_equal(w->line, 4);
	assert_false(w->in6.present);
	input_free(&in);
}

static void test_filters_seq_and_discard(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(
		parse_cfg(&in, "ip route default GigaEthernet0.0\n"                            /* 1 */
			       "ip access-list b deny tcp src any sport any dest any dport eq 23\n" /* 2 */
			       "ip access-list a permit tcp src 198.51.100.0/24 sport any dest any "
			       "dport range 20 21\n"                                               /* 3 */
			       "ip access-list a permit icmp type 8 src any dest any\n"             /* 4 */
			       "interface GigaEthernet0.0\n"                                       /* 5 */
			       "  ip address 203.0.113.2/30\n"                                     /* 6 */
			       "  ip filter a 20 in\n"                                             /* 7 */
			       "  ip filter b 10 in\n"                                             /* 8 */
			       "  ip filter a 5 out\n"),                                           /* 9 */
		0);
	const struct flist *l = &the_wan(&in)->in4;
	assert_true(l->present);
	assert_int_equal(l->dflt, FA_DENY);
	assert_int_equal(l->line, 8);           /* SEQ 10 first */
	assert_string_equal(l->text, "ip filter b 10 in");
	assert_int_equal(l->n, 3);
	assert_int_equal(l->rules[0].line, 2);
	assert_int_equal(l->rules[0].action, FA_DENY);
	check_pset(&in, &l->rules[0].dport, "23");
	assert_int_equal(l->rules[1].line, 3);
	check_aset(&in, &l->rules[1].src, FAM_V4, "198.51.100.0-198.51.100.255");
	check_pset(&in, &l->rules[1].dport, "20-21");
	check_pset(&in, &l->rules[1].proto, "6");
	assert_string_equal(l->rules[1].name, "a line 3");
	assert_true(l->rules[2].narrower);
	check_pset(&in, &l->rules[2].proto, "1");
	assert_null(l->missing);
	assert_false(l->unreadable);
	input_free(&in);
}

static void test_filter_missing_and_unreadable(void **state)
{
	(void)state;
	struct input in;
	run_cfg(&in, "ip route default GigaEthernet0.0\n"
		     "telnet-server ip enable\n"
		     "interface GigaEthernet0.0\n"
		     "  ip address 203.0.113.2/30\n"
		     "  ip filter wan-in 1 in\n");
	assert_string_equal(the_wan(&in)->in4.missing, "wan-in");
	assert_int_equal(in.items[ITEM_3_2], IST_UNKNOWN);
	const struct finding *f = find_rule(&in, "EL100", "missing");
	assert_non_null(f);
	assert_int_equal(f->line, 5);
	assert_string_equal(farg(f, "list"), "wan-in");
	input_free(&in);
	run_cfg(&in, "ip route default GigaEthernet0.0\n"
		     "ip access-list w permit tcp src any sport any dest any dport eq www\n"
		     "interface GigaEthernet0.0\n"
		     "  ip address 203.0.113.2/30\n"
		     "  ip filter w 1 in\n");
	const struct flist *l = &the_wan(&in)->in4;
	assert_true(l->unreadable);
	assert_int_equal(l->unreadable_line, 2);
	assert_string_equal(l->unreadable_kind, "port");
	assert_string_equal(l->unreadable_value, "www");
	assert_int_equal(in.items[ITEM_3_2], IST_UNKNOWN);
	input_free(&in);
}

static void test_napt_static(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_cfg(&in, "ip route default GigaEthernet0.1\n"          /* 1 */
					"interface GigaEthernet0.1\n"                  /* 2 */
					"  encapsulation pppoe\n"                      /* 3 */
					"  ip address ipcp\n"                          /* 4 */
					"  ip napt enable\n"                           /* 5 */
					"  ip napt static 192.168.1.20 tcp 3389\n"     /* 6 */
					"  ip napt static GigaEthernet0.1 udp 500\n"   /* 7 */
					"  ip napt static GigaEthernet0.1 50\n"),      /* 8 */
			 0);
	const struct wan_if *w = the_wan(&in);
	assert_true(w->nat4);
	assert_true(w->box_own_filter);
	assert_int_equal(w->nfwds, 1);
	assert_true(u128_eq(w->fwds[0].inner, a4("192.168.1.20")));
	check_pset(&in, &w->fwds[0].ports, "3389");
	assert_int_equal(w->fwds[0].line, 6);
	/* No filter: the static entries, then the discard. */
	assert_true(w->in4.present);
	assert_string_equal(w->in4.text, "ip napt enable");
	assert_int_equal(w->in4.line, 5);
	assert_int_equal(w->in4.n, 3);
	check_aset(&in, &w->in4.rules[0].dst, FAM_V4, "192.168.1.20");
	check_pset(&in, &w->in4.rules[1].dport, "500");
	check_aset(&in, &w->in4.rules[1].dst, FAM_V4, "0.0.0.1");   /* the router (PPPoE) */
	check_pset(&in, &w->in4.rules[2].proto, "50");
	assert_string_equal(w->in4.rules[2].name, "ip napt static line 8");
	assert_int_equal(w->box4.n, 3);
	input_free(&in);
	/* The older form. */
	assert_int_equal(parse_cfg(&in, "interface FastEthernet0/0.0\n"
					"  ip address dhcp receive-default\n"
					"  ip napt enable\n"
					"  ip napt service telnet 10.0.0.5 none tcp 23\n"
					"  ip napt service ping 10.0.0.5 none icmp any\n"),
			 0);
	w = the_wan(&in);
	assert_int_equal(w->nfwds, 2);
	check_pset(&in, &w->fwds[0].ports, "23");
	check_pset(&in, &w->fwds[1].proto, "1");
	check_pset(&in, &w->fwds[1].ports, "0-65535");
	input_free(&in);
}

static void test_napt_with_filter(void **state)
{
	(void)state;
	struct input in;
	/* A permit-all filter on a NAPT interface lets only the entries in. */
	assert_int_equal(parse_cfg(&in, "ip access-list all permit ip src any dest any\n"   /* 1 */
					"interface GigaEthernet0.0\n"                        /* 2 */
					"  ip address dhcp receive-default\n"                /* 3 */
					"  ip napt enable\n"                                 /* 4 */
					"  ip napt static 192.168.1.9 tcp 443\n"             /* 5 */
					"  ip filter all 999 in\n"),                         /* 6 */
			 0);
	const struct flist *l = &the_wan(&in)->in4;
	assert_int_equal(l->n, 2);
	assert_int_equal(l->rules[0].action, FA_PASS);
	check_pset(&in, &l->rules[0].proto, "6");
	check_pset(&in, &l->rules[0].dport, "443");
	check_aset(&in, &l->rules[0].dst, FAM_V4, "192.168.1.9");
	assert_int_equal(l->rules[0].line, 1);
	assert_int_equal(l->rules[1].action, FA_DENY);
	assert_int_equal(l->line, 6);
	input_free(&in);
	run_cfg(&in, "ip access-list all permit ip src any dest any\n"
		     "ssh-server ip enable\n"
		     "interface GigaEthernet0.0\n"
		     "  ip address dhcp receive-default\n"
		     "  ip napt enable\n"
		     "  ip filter all 999 in\n");
	assert_int_equal(in.items[ITEM_3_2], IST_PASS);
	assert_null(find_rule(&in, "EL102", NULL));
	assert_null(find_rule(&in, "EL104", NULL));
	input_free(&in);
}

static void test_servers_and_vpn(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_cfg(&in, "ip access-list mgmt permit tcp src 192.0.2.0/24 sport any "
					"dest any dport eq 22\n"                               /* 1 */
					"ssh-server ip enable\n"                               /* 2 */
					"ssh-server ip access-list mgmt\n"                     /* 3 */
					"http-server ip enable\n"                              /* 4 */
					"ike nat-traversal\n"                                  /* 5 */
					"ike policy p peer any key FAKE-k1 prop\n"             /* 6 */
					"ipsec dynamic-map m l s\n"                            /* 7 */
					"ppp profile l2tp\n"                                   /* 8 */
					"  ipcp provide-ip-address range 10.9.9.1 10.9.9.9\n"  /* 9 */
					"interface Tunnel0.0\n"                                /* 10 */
					"  tunnel mode l2tp-lns ipsec\n"),                     /* 11 */
			 0);
	const struct box_service *s = svc(&in, "ssh");
	assert_non_null(s);
	assert_int_equal(s->line, 2);
	assert_int_equal(s->host_line, 3);
	check_aset(&in, &s->allow4, FAM_V4, "192.0.2.0-192.0.2.255");
	assert_non_null(svc(&in, "http"));
	assert_null(svc(&in, "telnet"));
	assert_non_null(svc(&in, "ike"));
	assert_non_null(svc(&in, "esp"));
	assert_non_null(svc(&in, "ipsec-nat-t"));
	assert_non_null(svc(&in, "l2tp"));
	assert_true(in.dev.vpn_remote_access);
	assert_int_equal(in.dev.vpn_line, 11);
	assert_true(secret_registered(&in, "FAKE-k1"));
	input_free(&in);
	/* A fixed peer without pool or mode-cfg: site to site. */
	assert_int_equal(parse_cfg(&in, "ike policy p peer 192.0.2.1 key FAKE-k2 prop\n"
					"ipsec autokey-map m l peer 192.0.2.1\n"),
			 0);
	assert_false(in.dev.vpn_remote_access);
	assert_non_null(svc(&in, "ike"));
	input_free(&in);
}

static void test_run_findings(void **state)
{
	(void)state;
	struct input in;
	run_cfg(&in, HDR "ip route default GigaEthernet0.1\n"
		     "interface GigaEthernet0.1\n"
		     "  encapsulation pppoe\n"
		     "  ip address ipcp\n"
		     "  ip napt enable\n"
		     "  ip napt static 192.168.1.20 tcp 3389\n"); /* 9 */
	assert_int_equal(in.items[ITEM_3_2], IST_FAIL);
	const struct finding *f = find_rule(&in, "EL105", NULL);
	assert_non_null(f);
	assert_int_equal(f->line, 9);
	assert_int_equal(f->severity, SEV_CRITICAL);
	assert_int_equal(in.items[ITEM_5_4], IST_NA);
	input_free(&in);
	run_cfg(&in, "ip route default 203.0.113.1\n"
		     "ip access-list w permit tcp src any sport any dest any dport eq 80\n"
		     "http-server ip enable\n"
		     "interface GigaEthernet0.0\n"
		     "  ip address 203.0.113.2/30\n"
		     "  ip filter w 1 in\n");
	f = find_rule(&in, "EL104", NULL);
	assert_non_null(f);
	assert_int_equal(in.items[ITEM_3_2], IST_FAIL);
	input_free(&in);
	/* IPv6 from the ISP and no ipv6 filter: the evidence names IX's own
	 * command, not another vendor's. */
	run_cfg(&in, "interface GigaEthernet0.0\n  no ip address\n  ipv6 enable\n"
		     "  ipv6 dhcp client pd\n");
	f = find_rule(&in, "EL103", "default");
	assert_non_null(f);
	assert_string_equal(f->evidence, "no \"interface GigaEthernet0.0 / ipv6 filter … in\" line");
	assert_string_equal(f->evidence_ja, "「interface GigaEthernet0.0 / ipv6 filter … in」の行がありません");
	input_free(&in);
}

static void test_secrets(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_cfg(&in, "username admin password plain FAKE-p1 administrator\n"
					"http-server username admin secret-password FAKE-p2\n"
					"nm account a password secret FAKE-p3\n"
					"snmp-agent ip community FAKE-p6\n"
					"ppp profile isp\n"
					"  authentication password user@example.jp FAKE-p4\n"
					"ike policy p peer any key FAKE-p5 prop\n"),
			 0);
	assert_true(secret_registered(&in, "FAKE-p1"));
	assert_true(secret_registered(&in, "FAKE-p2"));
	assert_true(secret_registered(&in, "FAKE-p3"));
	assert_true(secret_registered(&in, "FAKE-p4"));
	assert_true(secret_registered(&in, "FAKE-p5"));
	assert_true(secret_registered(&in, "FAKE-p6"));
	assert_false(secret_registered(&in, "user@example.jp"));
	assert_int_equal(in.lines_understood, in.lines_total);
	input_free(&in);
}

static void test_unknown_and_hostile(void **state)
{
	(void)state;
	struct input in;
	/* An unknown command and the indented lines after it. */
	assert_int_equal(parse_cfg(&in, "frobnicate all\n  set x\ninterface GigaEthernet0.0\n"
					"  warp-drive on\n  no shutdown\n"),
			 0);
	assert_int_equal(in.lines_total, 5);
	assert_int_equal(in.lines_understood, 2);
	assert_int_equal(in.lines_unknown, 3);
	input_free(&in);
	/* Binary data, nothing at all. */
	assert_true(parse_as(&in, "nec-ix", "t.cfg", "a\0b", 3) < 0);
	assert_non_null(in.error);
	input_free(&in);
	assert_true(parse_cfg(&in, "\n\n") < 0);
	input_free(&in);
	/* A header and nothing after it (a file cut short): an error that
	 * says so, the header's model still read, no item passes. */
	run_cfg(&in, HDR);
	assert_string_equal(in.error, "t.cfg: only the '!' header was read (3 lines) and no configuration "
				      "line follows: the file may be cut short; nothing in it can pass");
	assert_string_equal(in.dev.model.s, "IX2215");
	for (int it = 0; it < ITEM_COUNT; it++)
		assert_int_not_equal(in.items[it], IST_PASS);
	input_free(&in);
	/* Too many words on a line; a truncated access-list line. */
	char big[2048];
	size_t bn = (size_t)snprintf(big, sizeof(big), "ip access-list x permit ip src any dest any");
	for (int i = 0; i < 80; i++)
		bn += (size_t)snprintf(big + bn, sizeof(big) - bn, " z");
	snprintf(big + bn, sizeof(big) - bn, "\nip access-list y permit tcp src any sport\n");
	assert_int_equal(parse_cfg(&in, big), 0);
	assert_int_equal(in.lines_unknown, 1);
	input_free(&in);
}

static void test_napt_limit(void **state)
{
	(void)state;
	/* 150 pass entries that meet each of 150 static entries: past the
	 * 20000 combined rules, the filter is the list, with a note; a
	 * forward is still judged through it. */
	struct strbuf sb;
	sb_init(&sb, 1 << 20);
	for (int i = 0; i < 150; i++)
		assert_int_equal(sb_printf(&sb, "ip access-list w permit ip src 198.51.100.%d/32 "
					       "dest any\n", i), 0);
	assert_int_equal(sb_adds(&sb, "interface GigaEthernet0.0\n  ip address dhcp receive-default\n"
				      "  ip napt enable\n  ip filter w 1 in\n"), 0);
	for (int i = 0; i < 150; i++)
		assert_int_equal(sb_printf(&sb, "  ip napt static 192.168.1.%d tcp %d\n", i + 1,
					   1000 + i), 0);
	struct input in;
	assert_int_equal(parse_cfg(&in, sb_str(&sb)), 0);
	const struct wan_if *w = the_wan(&in);
	assert_int_equal(w->in4.n, 150);          /* the filter itself */
	assert_int_equal(w->nfwds, 150);
	assert_int_equal(w->box4.n, 150);         /* no entry to the router: the discards */
	bool noted = false;
	for (const struct diag *d = in.diags; d; d = d->next)
		noted |= d->line == 153 && strstr(d->msg, "more than 20000 combined rules") != NULL;
	assert_true(noted);
	input_free(&in);
	sb_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identity),
		cmocka_unit_test(test_probe),
		cmocka_unit_test(test_wan_by_route_and_kinds),
		cmocka_unit_test(test_filters_seq_and_discard),
		cmocka_unit_test(test_filter_missing_and_unreadable),
		cmocka_unit_test(test_napt_static),
		cmocka_unit_test(test_napt_with_filter),
		cmocka_unit_test(test_napt_limit),
		cmocka_unit_test(test_servers_and_vpn),
		cmocka_unit_test(test_run_findings),
		cmocka_unit_test(test_secrets),
		cmocka_unit_test(test_unknown_and_hostile),
	};
	return cmocka_run_group_tests_name("nec_ix", tests, group_setup, group_teardown);
}
