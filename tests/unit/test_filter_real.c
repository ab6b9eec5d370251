/*
 * test_filter_real.c — shadowed and redundant lines (filter_lines, EL108,
 * EL115) on real public examples, the verdicts written from the vendors'
 * and Batfish's documentation before the code ran (sources in
 * tests/unit/SOURCES-filter.md):
 *  - YAMAHA's standard inbound secure filter for PPPoE (910001-910012,
 *    from a public RT57i template): 910004 rejects 192.168.159.0/24,
 *    already rejected by 910003's 192.168.0.0/16 — the same action, so
 *    redundant (EL115) by 910003 only; every other line decides packets
 *    of its own (reject port 135/netbios/445 in either direction, pass
 *    ICMP and ident to the LAN); no line is shadowed (no EL108);
 *  - the two examples of Batfish's filterLineReachability documentation:
 *    a permit covered by a deny of most of its packets and a permit of
 *    the rest is shadowed, with both lines named (Batfish says
 *    Different_Action true); a permit whose packets all meet an earlier
 *    deny first names that deny only (first match decides; the later
 *    deny never sees them).
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

/* Lines 26, 38-39, 63-84 and 98-115 of the template (see SOURCES-filter.md;
 * the PPPoE credentials left out), each on its own line here. */
static const char yamaha_template[] =
	"#\tRT57i Rev.8.00.95 (Thu Apr 21 12:07:46 2011)\n"                       /* 1 */
	"ip route default gateway pp 1 filter 500000 gateway pp 1\n"              /* 2 */
	"ip lan1 address 192.168.159.254/24\n"                                    /* 3 */
	"ip lan1 secure filter in 110099\n"                                       /* 4 */
	"ip lan1 secure filter out 100099\n"                                      /* 5 */
	"pp disable all\n"                                                        /* 6 */
	"pp select 1\n"                                                           /* 7 */
	" pp always-on on\n"                                                      /* 8 */
	" pppoe use lan2\n"                                                       /* 9 */
	" pppoe auto disconnect off\n"                                            /* 10 */
	" pp auth accept pap chap\n"                                              /* 11 */
	" ppp lcp mru on 1454\n"                                                  /* 12 */
	" ppp ipcp ipaddress on\n"                                                /* 13 */
	" ppp ipcp msext on\n"                                                    /* 14 */
	" ppp ccp type none\n"                                                    /* 15 */
	" ip pp mtu 1454\n"                                                       /* 16 */
	" ip pp secure filter in 910001 910002 910003 910004 910005 910006 910007 910008 910009 910010 910011 910012\n"
	" ip pp nat descriptor 1000\n"                                            /* 18 */
	" ip pp tcp mss limit auto\n"                                             /* 19 */
	" pp enable 1\n"                                                          /* 20 */
	"tunnel disable all\n"                                                    /* 21 */
	"ip filter 110099 pass * * * * *\n"                                       /* 22 */
	"ip filter 100099 pass * * * * *\n"                                       /* 23 */
	"ip filter 910001 reject 10.0.0.0/8 * * * *\n"                            /* 24 */
	"ip filter 910002 reject 172.16.0.0/12 * * * *\n"                         /* 25 */
	"ip filter 910003 reject 192.168.0.0/16 * * * *\n"                        /* 26 */
	"ip filter 910004 reject 192.168.159.0/24 * * * *\n"                      /* 27 */
	"ip filter 910005 reject * * udp,tcp 135 *\n"                             /* 28 */
	"ip filter 910006 reject * * udp,tcp * 135\n"                             /* 29 */
	"ip filter 910007 reject * * udp,tcp netbios_ns-netbios_ssn *\n"          /* 30 */
	"ip filter 910008 reject * * udp,tcp * netbios_ns-netbios_ssn\n"          /* 31 */
	"ip filter 910009 reject * * udp,tcp 445 *\n"                             /* 32 */
	"ip filter 910010 reject * * udp,tcp * 445\n"                             /* 33 */
	"ip filter 910011 pass * 192.168.159.0/24 icmp * *\n"                     /* 34 */
	"ip filter 910012 pass * 192.168.159.0/24 tcp * ident\n"                  /* 35 */
	"nat descriptor type 1000 masquerade\n";                                  /* 36 */

static void test_yamaha_standard_filter(void **state)
{
	(void)state;
	struct input in;
	parse_as(&in, "yamaha-rtx", "t.cfg", yamaha_template, strlen(yamaha_template));
	run_parsed(&in, &g_ctx);
	assert_null(in.error);
	assert_int_equal(count_rule(&in, "EL108"), 0);
	assert_int_equal(count_rule(&in, "EL115"), 1);
	const struct finding *f = find_rule(&in, "EL115", "default");
	assert_non_null(f);
	assert_int_equal(f->line, 27);
	assert_int_equal(f->status, FST_PASS);
	assert_string_equal(farg(f, "rule"), "910004");
	assert_string_equal(farg(f, "by"), "910003");
	assert_string_equal(farg(f, "interface"), "pp 1");
	input_free(&in);
}

/* Batfish's examples as rules: lines are 0-based here (Batfish's 10, 20,
 * 30 are 0, 1, 2). */
static void test_batfish_doc_examples(void **state)
{
	(void)state;
	struct arena a = {0};
	struct frule r[3];
	struct u128 host, zero = {0, 0}, all4 = {0, 0xffffffffu};
	assert_int_equal(addr_parse(FAM_V4, "1.2.3.4", 7, &host), 0);
	/* 10 deny tcp any 1.2.3.4/32 neq 80; 20 permit tcp any any;
	 * 30 permit tcp any 1.2.3.4/32 */
	for (int i = 0; i < 3; i++) {
		memset(&r[i], 0, sizeof(r[i]));
		r[i].action = i == 0 ? FA_DENY : FA_PASS;
		assert_int_equal(pset_range(&a, PROTO_TCP, PROTO_TCP, &r[i].proto), 0);
		assert_int_equal(aset_range(&a, FAM_V4, zero, all4, &r[i].src), 0);
		assert_int_equal(i == 1 ? aset_range(&a, FAM_V4, zero, all4, &r[i].dst)
					: aset_range(&a, FAM_V4, host, host, &r[i].dst), 0);
		assert_int_equal(pset_all(&a, 65535, &r[i].sport), 0);
		assert_int_equal(pset_all(&a, 65535, &r[i].dport), 0);
	}
	struct pset p80, not80;
	assert_int_equal(pset_range(&a, 80, 80, &p80), 0);
	assert_int_equal(pset_minus(&a, &r[0].dport, &p80, &not80), 0);
	r[0].dport = not80;
	struct fline fl[3];
	assert_int_equal(filter_lines(&a, r, 3, FILTER_LINE_BUDGET, fl), 0);
	assert_int_equal(fl[0].verdict, FL_LIVE);
	assert_int_equal(fl[1].verdict, FL_LIVE);
	assert_int_equal(fl[2].verdict, FL_SHADOWED);
	assert_int_equal(fl[2].nby, 2);
	assert_int_equal(fl[2].by[0], 0);
	assert_int_equal(fl[2].by[1], 1);
	/* 10 deny ospf any any; 20 deny ip any 10.0.0.1/32;
	 * 30 permit ospf any 10.0.0.1/32 (OSPF is IP protocol 89) */
	struct u128 h2;
	assert_int_equal(addr_parse(FAM_V4, "10.0.0.1", 8, &h2), 0);
	for (int i = 0; i < 3; i++) {
		r[i].action = i == 2 ? FA_PASS : FA_DENY;
		assert_int_equal(i == 1 ? pset_all(&a, 255, &r[i].proto)
					: pset_range(&a, 89, 89, &r[i].proto), 0);
		assert_int_equal(i == 0 ? aset_range(&a, FAM_V4, zero, all4, &r[i].dst)
					: aset_range(&a, FAM_V4, h2, h2, &r[i].dst), 0);
		assert_int_equal(pset_all(&a, 65535, &r[i].dport), 0);
	}
	assert_int_equal(filter_lines(&a, r, 3, FILTER_LINE_BUDGET, fl), 0);
	assert_int_equal(fl[0].verdict, FL_LIVE);
	assert_int_equal(fl[1].verdict, FL_LIVE);
	assert_int_equal(fl[2].verdict, FL_SHADOWED);
	assert_int_equal(fl[2].nby, 1);
	assert_int_equal(fl[2].by[0], 0);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yamaha_standard_filter),
		cmocka_unit_test(test_batfish_doc_examples),
	};
	return cmocka_run_group_tests_name("filter_real", tests, group_setup, group_teardown);
}
