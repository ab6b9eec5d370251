/*
 * test_query.c — cmocka tests of src/query.c (edgelint query, issue 17
 * §4), every answer worked out by hand from the config below:
 *  - query_parse_to: IPv4, IPv6 bare and bracketed, protocol names and
 *    numbers, ports, and every refusal;
 *  - query_run on a small YAMAHA config: the forwarded host reached from
 *    the internet (deciders of both actions, the default, in list order),
 *    from a refused source, on a port nothing forwards, an interface the
 *    model does not have.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "testctx.h"
#include "../../src/query.h"

/* Lines 1-12; what each decides is said at the test. */
static const char CFG[] =
	"ip route default gateway pp 1\n"                                /* 1 */
	"ip lan1 address 192.168.1.1/24\n"                               /* 2 */
	"pp select 1\n"                                                  /* 3 */
	" pppoe use lan2\n"                                              /* 4 */
	" ip pp secure filter in 10 20 30\n"                             /* 5 */
	" ip pp nat descriptor 1\n"                                      /* 6 */
	" pp enable 1\n"                                                 /* 7 */
	"ip filter 10 reject 10.0.0.0/8 * * * *\n"                       /* 8 */
	"ip filter 20 pass 198.51.100.0/24 192.168.1.10 tcp * www\n"     /* 9 */
	"ip filter 30 reject * 192.168.1.10 tcp * 22\n"                  /* 10 */
	"nat descriptor type 1 masquerade\n"                             /* 11 */
	"nat descriptor masquerade static 1 1 192.168.1.10 tcp www\n";   /* 12 */

static void parse_to(const char *s, int want_rc, enum fam fam, const char *addr, bool has_proto,
		     uint32_t proto, bool has_port, uint32_t port)
{
	struct query_req rq = {0};
	const char *why = NULL, *why_ja = NULL;
	assert_int_equal(query_parse_to(s, &rq, &why, &why_ja), want_rc);
	if (want_rc) {
		assert_non_null(why);
		assert_non_null(why_ja);
		return;
	}
	struct u128 v;
	assert_int_equal(addr_parse(fam, addr, strlen(addr), &v), 0);
	assert_int_equal(rq.fam, fam);
	assert_true(rq.to.hi == v.hi && rq.to.lo == v.lo);
	assert_int_equal(rq.has_proto, has_proto);
	if (has_proto)
		assert_int_equal(rq.proto, proto);
	assert_int_equal(rq.has_port, has_port);
	if (has_port)
		assert_int_equal(rq.port, port);
}

static void test_parse_to(void **state)
{
	(void)state;
	parse_to("192.0.2.1", 0, FAM_V4, "192.0.2.1", false, 0, false, 0);
	parse_to("192.0.2.1:tcp/22", 0, FAM_V4, "192.0.2.1", true, PROTO_TCP, true, 22);
	parse_to("192.0.2.1:UDP/0", 0, FAM_V4, "192.0.2.1", true, PROTO_UDP, true, 0);
	parse_to("192.0.2.1:esp", 0, FAM_V4, "192.0.2.1", true, PROTO_ESP, false, 0);
	parse_to("192.0.2.1:47", 0, FAM_V4, "192.0.2.1", true, PROTO_GRE, false, 0);
	parse_to("2001:db8::1", 0, FAM_V6, "2001:db8::1", false, 0, false, 0);
	parse_to("[2001:db8::1]", 0, FAM_V6, "2001:db8::1", false, 0, false, 0);
	parse_to("[2001:db8::1]:tcp/443", 0, FAM_V6, "2001:db8::1", true, PROTO_TCP, true, 443);
	parse_to("192.0.2.1:tcp/65535", 0, FAM_V4, "192.0.2.1", true, PROTO_TCP, true, 65535);
	parse_to("192.0.2.1:tcp/65536", -1, FAM_V4, NULL, false, 0, false, 0);
	parse_to("192.0.2.1:tcp/", -1, FAM_V4, NULL, false, 0, false, 0);
	parse_to("192.0.2.1:icmp/3", -1, FAM_V4, NULL, false, 0, false, 0);
	parse_to("192.0.2.1:256", -1, FAM_V4, NULL, false, 0, false, 0);
	parse_to("192.0.2.1:", -1, FAM_V4, NULL, false, 0, false, 0);
	parse_to("192.0.2.256", -1, FAM_V4, NULL, false, 0, false, 0);
	parse_to("[2001:db8::1", -1, FAM_V4, NULL, false, 0, false, 0);
	parse_to("[2001:db8::1]tcp", -1, FAM_V4, NULL, false, 0, false, 0);
	parse_to("router", -1, FAM_V4, NULL, false, 0, false, 0);
	parse_to("", -1, FAM_V4, NULL, false, 0, false, 0);
}

static struct input IN;
static struct arena A;

static void run(const char *to, const char *from, const char *iface, int want_rc,
		struct query_result *res)
{
	struct query_req rq = {0};
	const char *why, *why_ja;
	assert_int_equal(query_parse_to(to, &rq, &why, &why_ja), 0);
	if (from)
		assert_int_equal(query_parse_from(from, &rq), 0);
	rq.iface = iface;
	assert_int_equal(query_run(&A, &IN, &g_reg.internet, &rq, res), want_rc);
}

/* Expected lines as "role:line:action" joined by spaces. */
static void assert_lines(const struct query_path *p, const char *want)
{
	static const char *const roles[] = {"interface", "nat", "service", "list", "rule", "default",
					    "no-list"};
	char got[1024] = "";
	size_t n = 0;
	for (size_t i = 0; i < p->nlines; i++) {
		const struct query_line *l = &p->lines[i];
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s:%u%s", i ? " " : "",
				      roles[l->role], l->line,
				      l->role == QR_RULE || l->role == QR_DEFAULT
					      ? (l->action == FA_PASS ? ":pass" : ":deny")
					      : "");
	}
	assert_string_equal(got, want);
}

static int setup(void **state)
{
	if (group_setup(state))
		return -1;
	if (parse_as(&IN, "yamaha-rtx", "t.cfg", CFG, sizeof(CFG) - 1))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	arena_free(&A);
	input_free(&IN);
	return group_teardown(state);
}

/* From the internet: 10 rejects the 10/8 sources (outside), 20 passes
 * 198.51.100.0/24 to the forwarded www port, the rest falls to YAMAHA's
 * implicit reject; 30 (port 22) does not meet the flow. */
static void test_forward_from_internet(void **state)
{
	(void)state;
	struct query_result r;
	run("192.168.1.10:tcp/80", NULL, NULL, 0, &r);
	assert_true(r.accepted);
	assert_false(r.unknown);
	assert_int_equal(r.npaths, 1);
	const struct query_path *p = &r.paths[0];
	assert_string_equal(p->w->name, "pp 1");
	assert_int_equal(p->target, QT_FORWARD);
	assert_int_equal(p->state, QS_ACCEPTED);
	assert_int_equal(p->fwd->line, 12);
	assert_lines(p, "interface:1 nat:12 list:5 rule:8:deny rule:9:pass default:5:deny");
	assert_int_equal(p->nreach, 1);
	assert_string_equal(aset_format(&A, &p->reach[0].src, 100), "198.51.100.0/24");
	assert_string_equal(pset_format(&A, &p->reach[0].dport, 100), "80");
	assert_string_equal(pset_format(&A, &p->reach[0].proto, 100), "6");
}

/* From 10.1.2.3: filter 10 alone decides, reject. */
static void test_forward_refused_source(void **state)
{
	(void)state;
	struct query_result r;
	run("192.168.1.10:tcp/80", "10.1.2.3", "pp 1", 0, &r);
	assert_false(r.accepted);
	assert_int_equal(r.npaths, 1);
	assert_int_equal(r.paths[0].state, QS_DENIED);
	assert_int_equal(r.paths[0].nreach, 0);
	assert_lines(&r.paths[0], "interface:1 nat:12 list:5 rule:8:deny");
}

/* From 198.51.100.9: filter 20 passes every packet of it. */
static void test_forward_partner(void **state)
{
	(void)state;
	struct query_result r;
	run("192.168.1.10:tcp/80", "198.51.100.9", NULL, 0, &r);
	assert_true(r.accepted);
	assert_lines(&r.paths[0], "interface:1 nat:12 list:5 rule:9:pass");
	assert_string_equal(aset_format(&A, &r.paths[0].reach[0].src, 100), "198.51.100.9");
}

/* tcp/22 is not forwarded (only www is): no path at all, whatever filter
 * 30 says; another inside host neither; an unknown interface is EINVAL. */
static void test_no_path(void **state)
{
	(void)state;
	struct query_result r;
	run("192.168.1.10:tcp/22", NULL, NULL, 0, &r);
	assert_false(r.accepted);
	assert_int_equal(r.npaths, 0);
	run("192.168.1.11", NULL, NULL, 0, &r);
	assert_int_equal(r.npaths, 0);
	run("192.168.1.10", NULL, "lan9", EL_EINVAL, &r);
	assert_true(query_iface_known(&IN.dev, "pp 1"));
	assert_false(query_iface_known(&IN.dev, "lan9"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_to),
		cmocka_unit_test(test_forward_from_internet),
		cmocka_unit_test(test_forward_refused_source),
		cmocka_unit_test(test_forward_partner),
		cmocka_unit_test(test_no_path),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
