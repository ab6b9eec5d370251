/*
 * test_filter.c — cmocka tests for the shared filter analysis
 * (src/filter.c), every answer computed by hand:
 *  - set operations: overlaps, adjacency merging, a minus leaving two
 *    pieces, the ends of the IPv6 space (:: and ffff:…:ffff);
 *  - addr_parse: IPv4 and every IPv6 text form, bad inputs, input that is
 *    not NUL-terminated (exact-size heap copies, so ASan sees over-reads);
 *  - aset_format / pset_format: CIDR splitting, RFC 5952, truncation;
 *  - filter_reach: default deny/pass on an empty list, ports only for
 *    TCP/UDP, overlapping ranges, comma lists, partial shadowing, source
 *    restriction, `established`, `*` with a port, IPv6; a randomised
 *    cross-check against a packet-by-packet first-match evaluator;
 *  - filter_lines: the YAMAHA manual's example, partial cover, joint
 *    cover, shadowed (a decider with the other action, Batfish's rule)
 *    against redundant (all deciders with the same action), lines that
 *    match nothing, new_conn_never rules, families; random lists of 10,
 *    100 and 1,000 lines checked verdict by verdict and decider by
 *    decider against an oracle that enumerates every packet class (the
 *    cut points of all the rules' sets), with filter_denies beside it;
 *    a line past its budget is "not analysed", and live with the default;
 *  - filter_summarise: exact lines for small cases;
 *  - growth: 300 single-port rejects stay small; an adversarial list hits
 *    FILTER_MAX_BOXES and gives EL_ETOOBIG.
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

#include "../../src/filter.h"

/* ---- helpers ----------------------------------------------------------- */

static struct arena A;

static int teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static struct u128 V4(unsigned a, unsigned b, unsigned c, unsigned d)
{
	return (struct u128){ 0, (uint64_t)a << 24 | b << 16 | c << 8 | d };
}

static struct u128 ip(enum fam f, const char *s)
{
	struct u128 v;
	assert_int_equal(addr_parse(f, s, strlen(s), &v), 0);
	return v;
}

/* "*", "a", "a/len", "a-b", comma lists: an address set of family f. */
static struct aset as(enum fam f, const char *text)
{
	struct aset r, one;
	assert_int_equal(aset_empty(f, &r), 0);
	if (!strcmp(text, "*")) {
		assert_int_equal(aset_all(&A, f, &r), 0);
		return r;
	}
	const char *p = text;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char item[100];
		assert_true(n < sizeof(item));
		memcpy(item, p, n);
		item[n] = '\0';
		char *slash = strchr(item, '/'), *dash = strchr(item, '-');
		if (slash) {
			*slash = '\0';
			assert_int_equal(aset_prefix(&A, f, ip(f, item),
						     (unsigned)strtoul(slash + 1, NULL, 10), &one), 0);
		} else if (dash) {
			*dash = '\0';
			assert_int_equal(aset_range(&A, f, ip(f, item), ip(f, dash + 1), &one), 0);
		} else {
			assert_int_equal(aset_range(&A, f, ip(f, item), ip(f, item), &one), 0);
		}
		assert_int_equal(aset_union(&A, &r, &one, &r), 0);
		p += n;
		if (*p == ',')
			p++;
	}
	return r;
}

/* "*" (0..max), "22", "80-90", comma lists: a port or protocol set. */
static struct pset ps(const char *text, uint32_t max)
{
	struct pset r = { NULL, 0 }, one;
	if (!strcmp(text, "*")) {
		assert_int_equal(pset_all(&A, max, &r), 0);
		return r;
	}
	const char *p = text;
	while (*p) {
		char *end;
		unsigned long lo = strtoul(p, &end, 10), hi = lo;
		if (*end == '-')
			hi = strtoul(end + 1, &end, 10);
		assert_int_equal(pset_range(&A, (uint32_t)lo, (uint32_t)hi, &one), 0);
		assert_int_equal(pset_union(&A, &r, &one, &r), 0);
		p = end;
		if (*p == ',')
			p++;
	}
	return r;
}

#define PORTS(t) ps((t), 65535)
#define PROTOS(t) ps((t), 255)

static struct frule R(enum faction act, const char *proto, enum fam f, const char *src,
		      const char *dst, const char *sport, const char *dport)
{
	struct frule r = {
		.action = act,
		.proto = PROTOS(proto),
		.src = as(f, src),
		.dst = as(f, dst),
		.sport = PORTS(sport),
		.dport = PORTS(dport),
	};
	return r;
}

static struct fbox Q(const char *proto, enum fam f, const char *src, const char *dst,
		     const char *dport)
{
	struct fbox q = {
		.proto = PROTOS(proto),
		.src = as(f, src),
		.dst = as(f, dst),
		.sport = PORTS("*"),
		.dport = PORTS(dport),
		.rule = -1,
	};
	return q;
}

static void assert_pset(const struct pset *s, const char *want)
{
	const char *got = pset_format(&A, s, 4096);
	assert_non_null(got);
	assert_string_equal(got, want);
}

static void assert_aset(const struct aset *s, const char *want)
{
	const char *got = aset_format(&A, s, 4096);
	assert_non_null(got);
	assert_string_equal(got, want);
}

/* Membership by a linear scan: the brute-force oracle, independent of
 * filter.c's binary search (aset_has). */
static bool oracle_has(const struct aset *s, struct u128 v)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct aival *x = &s->iv[i];
		bool ge = x->lo.hi < v.hi || (x->lo.hi == v.hi && x->lo.lo <= v.lo);
		bool le = v.hi < x->hi.hi || (v.hi == x->hi.hi && v.lo <= x->hi.lo);
		if (ge && le)
			return true;
	}
	return false;
}

struct pkt {
	uint32_t proto;
	struct u128 src, dst;
	uint32_t sport, dport;
};

static bool box_has(const struct fbox *b, const struct pkt *p)
{
	return pset_contains(&b->proto, p->proto) && oracle_has(&b->src, p->src) &&
	       oracle_has(&b->dst, p->dst) && pset_contains(&b->sport, p->sport) &&
	       pset_contains(&b->dport, p->dport);
}

/* The rule tag of the passed box holding p; -99 when none does. Fails
 * when two boxes hold it (they must be disjoint). */
static int passed_by(const struct fbox_list *l, const struct pkt *p)
{
	int tag = -99, hits = 0;
	for (size_t i = 0; i < l->n; i++)
		if (box_has(&l->b[i], p)) {
			tag = l->b[i].rule;
			hits++;
		}
	assert_true(hits <= 1);
	return tag;
}

/* The reference: first match for one packet (new connection). */
static int first_match(const struct frule *r, size_t n, enum faction dflt, const struct pkt *p,
		       bool *pass)
{
	for (size_t i = 0; i < n; i++) {
		if (r[i].new_conn_never)
			continue;
		bool ports = (p->proto != PROTO_TCP && p->proto != PROTO_UDP) ||
			     (pset_contains(&r[i].sport, p->sport) &&
			      pset_contains(&r[i].dport, p->dport));
		if (pset_contains(&r[i].proto, p->proto) && oracle_has(&r[i].src, p->src) &&
		    oracle_has(&r[i].dst, p->dst) && ports) {
			*pass = r[i].action == FA_PASS;
			return (int)i;
		}
	}
	*pass = dflt == FA_PASS;
	return -1;
}

/* filter_lines over r[0..n) with the default budget, into the arena. */
static struct fline *lines_of(const struct frule *r, size_t n)
{
	struct fline *fl = arena_alloc(&A, (n ? n : 1) * sizeof(*fl));
	assert_non_null(fl);
	assert_int_equal(filter_lines(&A, r, n, FILTER_LINE_BUDGET, fl), 0);
	return fl;
}

/* Line i is covered with verdict v by exactly the deciders want[0..nw). */
static void assert_line(const struct fline *fl, size_t i, enum fline_verdict v, const int *want,
			size_t nw)
{
	assert_int_equal(fl[i].verdict, v);
	assert_int_equal(fl[i].nby, nw);
	for (size_t k = 0; k < nw; k++)
		assert_int_equal(fl[i].by[k], want[k]);
}

#define LIVE(fl, i) assert_line((fl), (i), FL_LIVE, NULL, 0)
#define COVERED(fl, i, v, ...)                                                         \
	assert_line((fl), (i), (v), (const int[]){__VA_ARGS__},                         \
		    sizeof((const int[]){__VA_ARGS__}) / sizeof(int))

static struct pkt P4(uint32_t proto, struct u128 src, struct u128 dst, uint32_t dport)
{
	struct pkt p = { proto, src, dst, 40000, dport };
	return p;
}

/* ---- set operations ------------------------------------------------------ */

static void test_pset_ops(void **state)
{
	(void)state;
	struct pset x = PORTS("1-5"), y = PORTS("6-10"), z;
	assert_int_equal(pset_union(&A, &x, &y, &z), 0);
	assert_pset(&z, "1-10");                               /* adjacent: merged */
	x = PORTS("1-5,20-30");
	y = PORTS("3-22,40");
	assert_int_equal(pset_union(&A, &x, &y, &z), 0);
	assert_pset(&z, "1-30, 40");
	assert_int_equal(pset_intersect(&A, &x, &y, &z), 0);
	assert_pset(&z, "3-5, 20-22");
	assert_int_equal(pset_minus(&A, &x, &y, &z), 0);
	assert_pset(&z, "1-2, 23-30");
	x = PORTS("*");
	y = PORTS("23");
	assert_int_equal(pset_minus(&A, &x, &y, &z), 0);        /* two pieces */
	assert_int_equal(z.n, 2);
	assert_pset(&z, "0-22, 24-65535");
	y = PORTS("0,65535");
	assert_int_equal(pset_minus(&A, &x, &y, &z), 0);        /* the ends */
	assert_pset(&z, "1-65534");
	assert_int_equal(pset_minus(&A, &y, &x, &z), 0);
	assert_true(pset_is_empty(&z));
	assert_pset(&z, "none");
	assert_int_equal(pset_intersect(&A, &z, &x, &z), 0);    /* empty in */
	assert_true(pset_is_empty(&z));
	/* commas, out of order and touching, normalise */
	z = PORTS("443,80,22,23,24");
	assert_pset(&z, "22-24, 80, 443");
	assert_true(pset_contains(&z, 23));
	assert_true(pset_contains(&z, 443));
	assert_false(pset_contains(&z, 25));
	assert_false(pset_contains(&z, 0));
	assert_int_equal(pset_range(&A, 5, 4, &z), EL_EINVAL);
}

static void test_aset_ops_v4(void **state)
{
	(void)state;
	struct aset x = as(FAM_V4, "10.0.0.0/24"), y = as(FAM_V4, "10.0.1.0/24"), z;
	assert_int_equal(aset_union(&A, &x, &y, &z), 0);
	assert_int_equal(z.n, 1);
	assert_aset(&z, "10.0.0.0/23");                         /* adjacent */
	y = as(FAM_V4, "10.0.0.128-10.0.2.5");
	assert_int_equal(aset_intersect(&A, &x, &y, &z), 0);
	assert_aset(&z, "10.0.0.128/25");
	assert_int_equal(aset_minus(&A, &x, &y, &z), 0);
	assert_aset(&z, "10.0.0.0/25");
	/* a hole in the middle: two pieces */
	y = as(FAM_V4, "10.0.0.7");
	assert_int_equal(aset_minus(&A, &x, &y, &z), 0);
	assert_int_equal(z.n, 2);
	assert_true(z.iv[0].hi.lo == V4(10, 0, 0, 6).lo && z.iv[1].lo.lo == V4(10, 0, 0, 8).lo);
	/* aset_has: each interval's ends are in, the addresses beside them
	 * and in the hole are not */
	assert_true(aset_has(&z, V4(10, 0, 0, 0)));
	assert_true(aset_has(&z, V4(10, 0, 0, 6)));
	assert_false(aset_has(&z, V4(10, 0, 0, 7)));
	assert_true(aset_has(&z, V4(10, 0, 0, 8)));
	assert_true(aset_has(&z, V4(10, 0, 0, 255)));
	assert_false(aset_has(&z, V4(10, 0, 1, 0)));
	assert_false(aset_has(&z, V4(9, 255, 255, 255)));
	assert_false(aset_has(&(struct aset){ 0 }, V4(10, 0, 0, 1)));
	/* host bits beyond the prefix are ignored */
	assert_int_equal(aset_prefix(&A, FAM_V4, V4(192, 168, 0, 77), 24, &z), 0);
	assert_true(aset_eq(&z, &(struct aset){ 0 }) == false);
	assert_aset(&z, "192.168.0.0/24");
	/* the whole space and its ends */
	x = as(FAM_V4, "*");
	assert_true(aset_is_all(&x));
	assert_aset(&x, "any");
	y = as(FAM_V4, "0.0.0.0,255.255.255.255");
	assert_int_equal(aset_minus(&A, &x, &y, &z), 0);
	assert_int_equal(z.n, 1);
	assert_true(z.iv[0].lo.lo == 1 && z.iv[0].hi.lo == 0xfffffffe);
	assert_int_equal(aset_union(&A, &z, &y, &z), 0);
	assert_true(aset_is_all(&z));
	assert_true(aset_eq(&z, &x));
	assert_int_equal(aset_minus(&A, &y, &x, &z), 0);
	assert_true(aset_is_empty(&z));
	assert_aset(&z, "none");
	/* overlapping comma list */
	z = as(FAM_V4, "10.0.0.5-10.0.0.20,10.0.0.1-10.0.0.6,10.0.0.21");
	assert_int_equal(z.n, 1);
	assert_true(z.iv[0].lo.lo == V4(10, 0, 0, 1).lo && z.iv[0].hi.lo == V4(10, 0, 0, 21).lo);
	/* bad arguments */
	assert_int_equal(aset_prefix(&A, FAM_V4, V4(1, 2, 3, 4), 33, &z), EL_EINVAL);
	assert_int_equal(aset_range(&A, FAM_V4, V4(1, 2, 3, 5), V4(1, 2, 3, 4), &z), EL_EINVAL);
	x = as(FAM_V4, "1.2.3.4");
	y = as(FAM_V6, "::1");
	assert_int_equal(aset_union(&A, &x, &y, &z), EL_EINVAL);
}

static void test_aset_ops_v6_ends(void **state)
{
	(void)state;
	struct u128 zero = { 0, 0 }, top = { UINT64_MAX, UINT64_MAX };
	struct aset all = as(FAM_V6, "*"), lo = as(FAM_V6, "::"), z;
	assert_true(aset_is_all(&all));
	assert_true(all.iv[0].hi.hi == UINT64_MAX && all.iv[0].hi.lo == UINT64_MAX);
	struct aset hi = as(FAM_V6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	assert_int_equal(aset_minus(&A, &all, &lo, &z), 0);
	assert_int_equal(z.n, 1);
	assert_true(z.iv[0].lo.hi == 0 && z.iv[0].lo.lo == 1);
	assert_true(z.iv[0].hi.hi == top.hi && z.iv[0].hi.lo == top.lo);
	assert_int_equal(aset_minus(&A, &all, &hi, &z), 0);
	assert_true(z.iv[0].lo.hi == zero.hi && z.iv[0].lo.lo == zero.lo);
	assert_true(z.iv[0].hi.hi == UINT64_MAX && z.iv[0].hi.lo == UINT64_MAX - 1);
	/* the middle out: the two ends remain */
	struct aset mid;
	assert_int_equal(aset_range(&A, FAM_V6, (struct u128){ 0, 1 },
				    (struct u128){ UINT64_MAX, UINT64_MAX - 1 }, &mid), 0);
	assert_int_equal(aset_minus(&A, &all, &mid, &z), 0);
	assert_int_equal(z.n, 2);
	assert_aset(&z, "::, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	/* and back: adjacency at both ends and across the 64-bit halves */
	assert_int_equal(aset_union(&A, &z, &mid, &z), 0);
	assert_true(aset_is_all(&z));
	struct aset a1, a2;
	assert_int_equal(aset_range(&A, FAM_V6, zero, (struct u128){ 0, UINT64_MAX }, &a1), 0);
	assert_int_equal(aset_range(&A, FAM_V6, (struct u128){ 1, 0 }, top, &a2), 0);
	assert_int_equal(aset_union(&A, &a1, &a2, &z), 0);
	assert_true(aset_is_all(&z));
	assert_int_equal(aset_intersect(&A, &a1, &a2, &z), 0);
	assert_true(aset_is_empty(&z));
	assert_aset(&a1, "::/64");
	assert_int_equal(aset_prefix(&A, FAM_V6, zero, 129, &z), EL_EINVAL);
	assert_int_equal(aset_prefix(&A, FAM_V6, top, 128, &z), 0);
	assert_true(aset_eq(&z, &hi));
	assert_int_equal(aset_prefix(&A, FAM_V6, top, 0, &z), 0);
	assert_true(aset_is_all(&z));
}

/* ---- addr_parse ----------------------------------------------------------- */

/* Parses a heap copy of exactly n bytes (no NUL after it). */
static int parse_exact(enum fam f, const char *s, size_t n, struct u128 *out)
{
	char *buf = malloc(n ? n : 1);
	assert_non_null(buf);
	memcpy(buf, s, n);
	int rc = addr_parse(f, buf, n, out);
	free(buf);
	return rc;
}

static int parse_str(enum fam f, const char *s, struct u128 *out)
{
	return parse_exact(f, s, strlen(s), out);
}

static void test_addr_parse_v4(void **state)
{
	(void)state;
	struct u128 v;
	assert_int_equal(parse_str(FAM_V4, "0.0.0.0", &v), 0);
	assert_true(v.hi == 0 && v.lo == 0);
	assert_int_equal(parse_str(FAM_V4, "255.255.255.255", &v), 0);
	assert_true(v.hi == 0 && v.lo == 0xffffffff);
	assert_int_equal(parse_str(FAM_V4, "192.168.1.10", &v), 0);
	assert_true(v.lo == 0xc0a8010a);
	/* up to three digits, always decimal */
	assert_int_equal(parse_str(FAM_V4, "010.000.001.099", &v), 0);
	assert_true(v.lo == V4(10, 0, 1, 99).lo);
	const char *bad[] = {
		"1.2.3", "256.1.1.1", "1.2.3.256", "1.2.3.4.5", "", "1.2.3.", ".1.2.3", "1..2.3",
		"1.2.3.4 ", " 1.2.3.4", "a.b.c.d", "0001.1.1.1", "-1.2.3.4", "1.2.3.4/24",
		"1.2.3.0x1", "::1", "::ffff:1.2.3.4", "1,2.3.4",
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		if (parse_str(FAM_V4, bad[i], &v) != -1)
			fail_msg("accepted bad IPv4 \"%s\"", bad[i]);
	/* not NUL-terminated: only n bytes count */
	assert_int_equal(parse_exact(FAM_V4, "10.0.0.1999", 8, &v), 0);
	assert_true(v.lo == V4(10, 0, 0, 1).lo);
	assert_int_equal(parse_exact(FAM_V4, "10.0.0.25", 7, &v), -1);
	assert_int_equal(parse_exact(FAM_V4, "10.0.0.25", 0, &v), -1);
	assert_int_equal(addr_parse(FAM_V4, NULL, 0, &v), -1);
}

static void test_addr_parse_v6(void **state)
{
	(void)state;
	struct u128 v;
	assert_int_equal(parse_str(FAM_V6, "::", &v), 0);
	assert_true(v.hi == 0 && v.lo == 0);
	assert_int_equal(parse_str(FAM_V6, "::1", &v), 0);
	assert_true(v.hi == 0 && v.lo == 1);
	assert_int_equal(parse_str(FAM_V6, "1::", &v), 0);
	assert_true(v.hi == UINT64_C(0x0001000000000000) && v.lo == 0);
	assert_int_equal(parse_str(FAM_V6, "2001:db8::1", &v), 0);
	assert_true(v.hi == UINT64_C(0x20010db800000000) && v.lo == 1);
	assert_int_equal(parse_str(FAM_V6, "2001:0DB8:0000:0000:0000:0000:0000:0001", &v), 0);
	assert_true(v.hi == UINT64_C(0x20010db800000000) && v.lo == 1);
	assert_int_equal(parse_str(FAM_V6, "1:2:3:4:5:6:7:8", &v), 0);
	assert_true(v.hi == UINT64_C(0x0001000200030004) && v.lo == UINT64_C(0x0005000600070008));
	assert_int_equal(parse_str(FAM_V6, "1:2:3:4:5:6:7::", &v), 0);
	assert_true(v.hi == UINT64_C(0x0001000200030004) && v.lo == UINT64_C(0x0005000600070000));
	assert_int_equal(parse_str(FAM_V6, "::2:3:4:5:6:7:8", &v), 0);
	assert_true(v.hi == UINT64_C(0x0000000200030004) && v.lo == UINT64_C(0x0005000600070008));
	assert_int_equal(parse_str(FAM_V6, "fe80::abcd:0:0:1", &v), 0);
	assert_true(v.hi == UINT64_C(0xfe80000000000000) && v.lo == UINT64_C(0xabcd000000000001));
	assert_int_equal(parse_str(FAM_V6, "::ffff:10.0.0.1", &v), 0);
	assert_true(v.hi == 0 && v.lo == UINT64_C(0x0000ffff0a000001));
	assert_int_equal(parse_str(FAM_V6, "1:2:3:4:5:6:192.0.2.1", &v), 0);
	assert_true(v.hi == UINT64_C(0x0001000200030004) && v.lo == UINT64_C(0x00050006c0000201));
	assert_int_equal(parse_str(FAM_V6, "::192.0.2.1", &v), 0);
	assert_true(v.hi == 0 && v.lo == UINT64_C(0xc0000201));
	assert_int_equal(parse_str(FAM_V6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", &v), 0);
	assert_true(v.hi == UINT64_MAX && v.lo == UINT64_MAX);
	const char *bad[] = {
		"1::2::3", ":", ":::", "1:::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::",
		"1:", ":1", "1:2:3:4:5:6:7:8:", ":1:2:3:4:5:6:7:8", "fe80::1%eth0", "::ffff:1.2.3",
		"::ffff:1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4", "g::", "1::2:3:4:5:6:7:8", "",
		"1.2.3.4", "::ffff:256.0.0.1", ":: ", "2001:db8::/32", "::1.2.3.4.5",
		"1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		if (parse_str(FAM_V6, bad[i], &v) != -1)
			fail_msg("accepted bad IPv6 \"%s\"", bad[i]);
	/* not NUL-terminated */
	assert_int_equal(parse_exact(FAM_V6, "2001:db8::1", 11, &v), 0);
	assert_true(v.hi == UINT64_C(0x20010db800000000) && v.lo == 1);
	assert_int_equal(parse_exact(FAM_V6, "2001:db8::1:99", 11, &v), 0);
	assert_true(v.lo == 1);
	assert_int_equal(parse_exact(FAM_V6, "::ffff:10.0.0.1", 15, &v), 0);
	assert_true(v.lo == UINT64_C(0x0000ffff0a000001));
	assert_int_equal(parse_exact(FAM_V6, "::ffff:10.0.0.1", 14, &v), -1); /* "10.0.0." */
	assert_int_equal(parse_exact(FAM_V6, "::", 1, &v), -1);
	assert_int_equal(parse_exact(FAM_V6, "1:2:3:4:5:6:7:8", 14, &v), -1);
}

/* ---- formatting --------------------------------------------------------------- */

static void test_aset_format(void **state)
{
	(void)state;
	/* exact prefixes, single addresses, ranges that split into <= 4 blocks */
	struct aset s = as(FAM_V4, "192.0.2.0/24,198.51.100.7,10.0.0.1-10.0.0.9");
	assert_aset(&s, "10.0.0.1, 10.0.0.2/31, 10.0.0.4/30, 10.0.0.8/31, 192.0.2.0/24, "
			"198.51.100.7");
	/* five blocks: a range */
	s = as(FAM_V4, "10.0.0.1-10.0.0.10");
	assert_aset(&s, "10.0.0.1-10.0.0.10");
	s = as(FAM_V4, "10.0.0.0-10.0.2.255");
	assert_aset(&s, "10.0.0.0/23, 10.0.2.0/24");
	/* everything but one address: 3 blocks, then 31 (a range) */
	struct aset all = as(FAM_V4, "*"), one = as(FAM_V4, "10.0.0.1");
	assert_int_equal(aset_minus(&A, &all, &one, &s), 0);
	assert_aset(&s, "0.0.0.0/5, 8.0.0.0/7, 10.0.0.0, 10.0.0.2-255.255.255.255");
	/* half the space */
	s = as(FAM_V4, "128.0.0.0-255.255.255.255");
	assert_aset(&s, "128.0.0.0/1");
	/* RFC 5952 */
	s = as(FAM_V6, "2001:0db8:0000:0000:0000:0000:0000:0001");
	assert_aset(&s, "2001:db8::1");
	s = as(FAM_V6, "2001:db8:0:0:1:0:0:1");
	assert_aset(&s, "2001:db8::1:0:0:1");                  /* first of equal runs */
	s = as(FAM_V6, "2001:db8:0:1:1:1:1:1");
	assert_aset(&s, "2001:db8:0:1:1:1:1:1");               /* one zero: kept */
	s = as(FAM_V6, "2001:0:0:1:0:0:0:1");
	assert_aset(&s, "2001:0:0:1::1");                      /* the longest run */
	s = as(FAM_V6, "FE80::ABCD");
	assert_aset(&s, "fe80::abcd");
	s = as(FAM_V6, "::");
	assert_aset(&s, "::");
	s = as(FAM_V6, "1::");
	assert_aset(&s, "1::");
	s = as(FAM_V6, "::ffff:10.0.0.1");
	assert_aset(&s, "::ffff:10.0.0.1");
	s = as(FAM_V6, "2001:db8::/32,2001:db8:1::/48");
	assert_aset(&s, "2001:db8::/32");
	s = as(FAM_V6, "2001:db8::1-2001:db8::ffff");
	assert_aset(&s, "2001:db8::1-2001:db8::ffff");
	s = as(FAM_V6, "::/1");
	assert_aset(&s, "::/1");
	s = as(FAM_V6, "*");
	assert_aset(&s, "any");
	/* truncation: "10.0.0.1, 10.0.0.3, 10.0.0.5" is 28 bytes */
	s = as(FAM_V4, "10.0.0.1,10.0.0.3,10.0.0.5");
	assert_string_equal(aset_format(&A, &s, 28), "10.0.0.1, 10.0.0.3, 10.0.0.5");
	assert_string_equal(aset_format(&A, &s, 27), "10.0.0.1, 10.0.0.3, 10.0\xe2\x80\xa6");
	assert_string_equal(aset_format(&A, &s, 20), "10.0.0.1, 10.0.0.\xe2\x80\xa6");
	assert_int_equal(strlen(aset_format(&A, &s, 20)), 20);
	assert_string_equal(aset_format(&A, &s, 3), "\xe2\x80\xa6");
	assert_string_equal(aset_format(&A, &s, 2), "10");
	assert_string_equal(aset_format(&A, &s, 0), "");
	/* a big set stops early and stays within max */
	struct aset big = { FAM_V4, NULL, 0 };
	for (unsigned i = 0; i < 2000; i += 2) {
		struct aset x;
		assert_int_equal(aset_range(&A, FAM_V4, V4(10, 0, i >> 8, i & 255),
					    V4(10, 0, i >> 8, i & 255), &x), 0);
		assert_int_equal(aset_union(&A, &big, &x, &big), 0);
	}
	assert_int_equal(big.n, 1000);
	const char *t = aset_format(&A, &big, 100);
	assert_true(strlen(t) <= 100 && strlen(t) >= 97);
	assert_string_equal(t + strlen(t) - 3, "\xe2\x80\xa6");

	struct pset p = PORTS("22,80-443");
	assert_pset(&p, "22, 80-443");
	assert_string_equal(pset_format(&A, &p, 8), "22, 8\xe2\x80\xa6");
}

/* ---- filter_reach --------------------------------------------------------------- */

static void test_reach_empty_list(void **state)
{
	(void)state;
	struct fbox q = Q("*", FAM_V4, "*", "*", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, NULL, 0, FA_DENY, &q, &out), 0);
	assert_int_equal(out.n, 0);
	assert_int_equal(filter_reach(&A, NULL, 0, FA_PASS, &q, &out), 0);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.b[0].rule, -1);
	assert_true(pset_contains(&out.b[0].proto, 0) && pset_contains(&out.b[0].proto, 255));
	assert_true(aset_is_all(&out.b[0].src) && aset_is_all(&out.b[0].dst));
	assert_pset(&out.b[0].dport, "0-65535");
	assert_pset(&out.b[0].sport, "0-65535");
	/* an empty query passes nothing */
	q.dport.n = 0;
	assert_int_equal(filter_reach(&A, NULL, 0, FA_PASS, &q, &out), 0);
	assert_int_equal(out.n, 0);
}

static void test_reach_reject_telnet_then_pass_all(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_DENY, "6", FAM_V4, "*", "*", "*", "23"),
		R(FA_PASS, "*", FAM_V4, "*", "*", "*", "*"),
	};
	struct fbox q = Q("*", FAM_V4, "*", "*", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 2, FA_DENY, &q, &out), 0);
	struct u128 s = V4(198, 51, 100, 1), d = V4(192, 168, 1, 1);
	struct pkt p = P4(PROTO_TCP, s, d, 23);
	assert_int_equal(passed_by(&out, &p), -99);
	p = P4(PROTO_TCP, s, d, 22);
	assert_int_equal(passed_by(&out, &p), 1);
	p = P4(PROTO_TCP, s, d, 24);
	assert_int_equal(passed_by(&out, &p), 1);
	p = P4(PROTO_UDP, s, d, 23);
	assert_int_equal(passed_by(&out, &p), 1);
	p = P4(PROTO_ICMP, s, d, 23);                           /* "port" 23 of ICMP */
	assert_int_equal(passed_by(&out, &p), 1);
	p = P4(PROTO_GRE, s, d, 0);
	assert_int_equal(passed_by(&out, &p), 1);
	p = P4(255, s, d, 65535);
	assert_int_equal(passed_by(&out, &p), 1);
	struct freach *sum;
	size_t ns;
	assert_int_equal(filter_summarise(&A, &out, &sum, &ns), 0);
	assert_int_equal(ns, 3);
	assert_pset(&sum[0].proto, "0-5, 7-16, 18-255");
	assert_pset(&sum[0].dport, "0-65535");
	assert_pset(&sum[1].proto, "6");
	assert_pset(&sum[1].dport, "0-22, 24-65535");
	assert_pset(&sum[2].proto, "17");
	assert_pset(&sum[2].dport, "0-65535");
	for (size_t i = 0; i < ns; i++) {
		assert_true(aset_is_all(&sum[i].src));
		assert_int_equal(sum[i].nrules, 1);
		assert_int_equal(sum[i].rules[0], 1);
	}
}

static void test_reach_overlapping_ranges(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_DENY, "6", FAM_V4, "*", "*", "*", "85-100"),
		R(FA_PASS, "6", FAM_V4, "*", "*", "*", "80-90"),
	};
	struct fbox q = Q("6", FAM_V4, "*", "192.168.1.10", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 2, FA_DENY, &q, &out), 0);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.b[0].rule, 1);
	assert_pset(&out.b[0].dport, "80-84");
	assert_pset(&out.b[0].proto, "6");
	assert_aset(&out.b[0].dst, "192.168.1.10");
	assert_true(aset_is_all(&out.b[0].src));
	/* UDP to the same ports: nothing (implicit deny) */
	q = Q("17", FAM_V4, "*", "192.168.1.10", "*");
	assert_int_equal(filter_reach(&A, r, 2, FA_DENY, &q, &out), 0);
	assert_int_equal(out.n, 0);
}

static void test_reach_comma_lists(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_PASS, "6", FAM_V4, "*", "192.168.1.10", "*", "22,80,443"),
	};
	struct fbox q = Q("6", FAM_V4, "*", "192.168.1.10", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 1, FA_DENY, &q, &out), 0);
	assert_int_equal(out.n, 1);
	assert_pset(&out.b[0].dport, "22, 80, 443");
	q = Q("6", FAM_V4, "*", "192.168.1.10", "80-443");
	assert_int_equal(filter_reach(&A, r, 1, FA_DENY, &q, &out), 0);
	assert_int_equal(out.n, 1);
	assert_pset(&out.b[0].dport, "80, 443");
	/* another host: nothing */
	q = Q("6", FAM_V4, "*", "192.168.1.11", "*");
	assert_int_equal(filter_reach(&A, r, 1, FA_DENY, &q, &out), 0);
	assert_int_equal(out.n, 0);
}

static void test_reach_partly_shadowed(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_DENY, "6", FAM_V4, "198.51.100.0/24", "*", "*", "22"),
		R(FA_PASS, "6", FAM_V4, "*", "*", "*", "22"),
	};
	struct fbox q = Q("6", FAM_V4, "*", "192.168.1.10", "22");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 2, FA_DENY, &q, &out), 0);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.b[0].rule, 1);
	assert_aset(&out.b[0].src, "0.0.0.0-198.51.99.255, 198.51.101.0-255.255.255.255");
	struct pkt p = P4(PROTO_TCP, V4(198, 51, 100, 9), V4(192, 168, 1, 10), 22);
	assert_int_equal(passed_by(&out, &p), -99);
	p.src = V4(198, 51, 101, 0);
	assert_int_equal(passed_by(&out, &p), 1);
	struct fline *fl = lines_of(r, 2);
	LIVE(fl, 0);
	LIVE(fl, 1);
}

static void test_reach_source_restricted(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_PASS, "6", FAM_V4, "203.0.113.0/24", "192.168.1.20", "*", "3389"),
	};
	struct fbox q = Q("6", FAM_V4, "*", "192.168.1.20", "3389");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 1, FA_DENY, &q, &out), 0);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.b[0].rule, 0);
	assert_aset(&out.b[0].src, "203.0.113.0/24");
	assert_false(aset_is_all(&out.b[0].src));
	struct pkt p = P4(PROTO_TCP, V4(198, 51, 100, 1), V4(192, 168, 1, 20), 3389);
	assert_int_equal(passed_by(&out, &p), -99);
	p.src = V4(203, 0, 113, 200);
	assert_int_equal(passed_by(&out, &p), 0);
}

static void test_reach_established_ignored(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_PASS, "6", FAM_V4, "*", "*", "*", "*"),
		R(FA_DENY, "6", FAM_V4, "*", "*", "*", "22"),
	};
	r[0].new_conn_never = true;
	struct fbox q = Q("6", FAM_V4, "*", "192.168.1.10", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 1, FA_DENY, &q, &out), 0);
	assert_int_equal(out.n, 0);
	/* with default pass, the reject after it decides port 22 */
	assert_int_equal(filter_reach(&A, r, 2, FA_PASS, &q, &out), 0);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.b[0].rule, -1);
	assert_pset(&out.b[0].dport, "0-21, 23-65535");
}

static void test_reach_any_proto_with_port(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_PASS, "*", FAM_V4, "*", "*", "*", "23"),
	};
	struct fbox q = Q("*", FAM_V4, "*", "192.168.1.10", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 1, FA_DENY, &q, &out), 0);
	struct u128 s = V4(198, 51, 100, 1), d = V4(192, 168, 1, 10);
	struct pkt p = P4(PROTO_GRE, s, d, 0);
	assert_int_equal(passed_by(&out, &p), 0);
	p = P4(PROTO_ESP, s, d, 4500);
	assert_int_equal(passed_by(&out, &p), 0);
	p = P4(PROTO_ICMP, s, d, 8);
	assert_int_equal(passed_by(&out, &p), 0);
	p = P4(PROTO_TCP, s, d, 23);
	assert_int_equal(passed_by(&out, &p), 0);
	p = P4(PROTO_UDP, s, d, 23);
	assert_int_equal(passed_by(&out, &p), 0);
	p = P4(PROTO_TCP, s, d, 22);
	assert_int_equal(passed_by(&out, &p), -99);
	p = P4(PROTO_UDP, s, d, 24);
	assert_int_equal(passed_by(&out, &p), -99);
	struct freach *sum;
	size_t ns;
	assert_int_equal(filter_summarise(&A, &out, &sum, &ns), 0);
	assert_int_equal(ns, 3);
	assert_pset(&sum[0].proto, "0-5, 7-16, 18-255");
	assert_pset(&sum[0].dport, "0-65535");
	assert_pset(&sum[1].proto, "6");
	assert_pset(&sum[1].dport, "23");
	assert_pset(&sum[2].proto, "17");
	assert_pset(&sum[2].dport, "23");
}

static void test_reach_ipv6(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_DENY, "*", FAM_V6, "2001:db8:bad::/48", "*", "*", "*"),
		R(FA_PASS, "4", FAM_V4, "*", "*", "*", "*"),   /* IPv4: ignored */
		R(FA_PASS, "6", FAM_V6, "*", "2001:db8:1::10", "*", "443"),
		R(FA_PASS, "58", FAM_V6, "*", "*", "*", "*"),
	};
	struct fbox q = Q("*", FAM_V6, "*", "2001:db8:1::10", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 4, FA_DENY, &q, &out), 0);
	struct freach *sum;
	size_t ns;
	assert_int_equal(filter_summarise(&A, &out, &sum, &ns), 0);
	assert_int_equal(ns, 2);
	assert_pset(&sum[0].proto, "6");
	assert_pset(&sum[0].dport, "443");
	assert_aset(&sum[0].src, "::-2001:db8:bac:ffff:ffff:ffff:ffff:ffff, "
				 "2001:db8:bae::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	assert_int_equal(sum[0].nrules, 1);
	assert_int_equal(sum[0].rules[0], 2);
	assert_pset(&sum[1].proto, "58");
	assert_int_equal(sum[1].rules[0], 3);
	struct aset bad = as(FAM_V6, "2001:db8:bad::/48"), all = as(FAM_V6, "*"), want;
	assert_int_equal(aset_minus(&A, &all, &bad, &want), 0);
	assert_true(aset_eq(&sum[0].src, &want));
	assert_true(aset_eq(&sum[1].src, &want));
	/* a source-less rule of the wrong family inside: EL_EINVAL */
	struct frule mixed = r[0];
	mixed.dst = as(FAM_V4, "*");
	assert_int_equal(filter_reach(&A, &mixed, 1, FA_DENY, &q, &out), EL_EINVAL);
}

/* A random list over a small universe, checked packet by packet against
 * the first-match reference. */
static unsigned rnd_state = 12345;
static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % n;
}

static struct pset rnd_pset(uint32_t max, bool star_often)
{
	if (star_often && rnd(3) == 0)
		return ps("*", max);
	struct pset r = { NULL, 0 }, one;
	unsigned k = 1 + rnd(3);
	for (unsigned i = 0; i < k; i++) {
		uint32_t lo = rnd(max + 1), hi = lo + rnd(3);
		if (hi > max)
			hi = max;
		assert_int_equal(pset_range(&A, lo, hi, &one), 0);
		assert_int_equal(pset_union(&A, &r, &one, &r), 0);
	}
	return r;
}

static struct aset rnd_aset(void)
{
	if (rnd(3) == 0)
		return as(FAM_V4, "*");
	struct aset r;
	unsigned lo = rnd(16), hi = lo + rnd(6);
	assert_int_equal(aset_range(&A, FAM_V4, V4(10, 0, 0, lo), V4(10, 0, 0, hi), &r), 0);
	return r;
}

static void test_reach_random_cross_check(void **state)
{
	(void)state;
	for (int round = 0; round < 60; round++) {
		struct frule r[12];
		size_t n = 1 + rnd(12);
		for (size_t i = 0; i < n; i++) {
			memset(&r[i], 0, sizeof(r[i]));
			r[i].action = rnd(2) ? FA_PASS : FA_DENY;
			/* protocols among 5, 6, 7, 16, 17, 18 */
			static const uint32_t pv[] = { 5, 6, 7, 16, 17, 18 };
			struct pset pr = { NULL, 0 }, one;
			if (rnd(3) == 0) {
				pr = PROTOS("*");
			} else {
				for (unsigned k = 0; k < 1 + rnd(2); k++) {
					uint32_t v = pv[rnd(6)];
					assert_int_equal(pset_range(&A, v, v, &one), 0);
					assert_int_equal(pset_union(&A, &pr, &one, &pr), 0);
				}
			}
			r[i].proto = pr;
			r[i].src = rnd_aset();
			r[i].dst = rnd_aset();
			r[i].sport = rnd_pset(7, true);
			r[i].dport = rnd_pset(7, true);
			r[i].new_conn_never = rnd(8) == 0;
		}
		enum faction dflt = rnd(2) ? FA_PASS : FA_DENY;
		struct fbox q = { .rule = -1 };
		q.proto = PROTOS("5-7,16-18");
		assert_int_equal(aset_range(&A, FAM_V4, V4(10, 0, 0, 0), V4(10, 0, 0, 20), &q.src), 0);
		assert_int_equal(aset_range(&A, FAM_V4, V4(10, 0, 0, 0), V4(10, 0, 0, 20), &q.dst), 0);
		q.sport = PORTS("0-7");
		q.dport = PORTS("0-7");
		struct fbox_list out;
		assert_int_equal(filter_reach(&A, r, n, dflt, &q, &out), 0);
		static const uint32_t pv[] = { 5, 6, 7, 16, 17, 18 };
		for (int t = 0; t < 400; t++) {
			struct pkt p = { pv[rnd(6)], V4(10, 0, 0, rnd(21)), V4(10, 0, 0, rnd(21)),
					 rnd(8), rnd(8) };
			bool pass;
			int who = first_match(r, n, dflt, &p, &pass);
			int got = passed_by(&out, &p);
			if (pass)
				assert_int_equal(got, who);
			else
				assert_int_equal(got, -99);
		}
	}
}

/* ---- filter_candidates -------------------------------------------------------------- */

static void assert_cand(const struct fcand *c, const size_t *want, size_t n)
{
	assert_int_equal(c->n, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(c->idx[i], want[i]);
}

static void test_candidates_exact(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_PASS, "6", FAM_V4, "*", "10.0.0.5", "*", "80"),               /* 0 */
		R(FA_PASS, "6", FAM_V4, "*", "10.0.0.0/30", "*", "22"),            /* 1 */
		R(FA_DENY, "*", FAM_V4, "*", "*", "*", "*"),                        /* 2 */
		R(FA_PASS, "17", FAM_V4, "*", "10.0.0.9-10.0.0.20", "*", "53"),    /* 3 */
		R(FA_PASS, "58", FAM_V6, "*", "2001:db8::1", "*", "*"),            /* 4 */
		R(FA_PASS, "6", FAM_V4, "*", "10.0.0.5,10.0.0.7,10.0.0.30", "*", "*"), /* 5 */
	};
	struct frule mixed = r[2];
	mixed.src = as(FAM_V6, "*");
	struct frule all[7];
	memcpy(all, r, sizeof(r));
	all[6] = mixed;
	struct aset q[] = {
		as(FAM_V4, "10.0.0.5"),                 /* 0, 2, 5 */
		as(FAM_V4, "10.0.0.2"),                 /* 1, 2 */
		as(FAM_V4, "10.0.0.6-10.0.0.9"),        /* 2, 3, 5 */
		as(FAM_V4, "10.0.0.40,10.0.0.1"),      /* 1, 2 */
		as(FAM_V4, "192.0.2.1"),                /* 2 */
	};
	struct fcand c[5];
	assert_int_equal(filter_candidates(&A, all, 7, q, 5, c), 0);
	assert_cand(&c[0], (const size_t[]){0, 2, 5, 6}, 4);
	assert_cand(&c[1], (const size_t[]){1, 2, 6}, 3);
	assert_cand(&c[2], (const size_t[]){2, 3, 5, 6}, 4);
	assert_cand(&c[3], (const size_t[]){1, 2, 6}, 3);
	assert_cand(&c[4], (const size_t[]){2, 6}, 2);
	/* an empty query meets nothing; no queries at all is fine */
	struct aset none = { FAM_V4, NULL, 0 };
	assert_int_equal(filter_candidates(&A, r, 6, &none, 1, c), 0);
	assert_int_equal(c[0].n, 0);
	assert_int_equal(filter_candidates(&A, r, 6, q, 0, c), 0);
	/* the walk over a candidate list sees the mixed rule and refuses it */
	struct fbox b = Q("*", FAM_V4, "*", "10.0.0.5", "*");
	struct fbox_list out;
	struct fcand only_mixed = { (size_t[]){6}, 1 };
	assert_int_equal(filter_reach_in(&A, all, 7, &only_mixed, FA_DENY, &b, &out), EL_EINVAL);
	struct fcand beyond = { (size_t[]){7}, 1 };
	assert_int_equal(filter_reach_in(&A, all, 7, &beyond, FA_DENY, &b, &out), EL_EINVAL);
}

/* Random lists and queries: the candidate lists are exactly the rules whose
 * destination meets the query's, and walking them gives what the full
 * walk gives, packet by packet. */
static void test_candidates_random_cross_check(void **state)
{
	(void)state;
	static const uint32_t pv[] = { 5, 6, 7, 16, 17, 18 };
	for (int round = 0; round < 60; round++) {
		struct frule r[12];
		size_t n = 1 + rnd(12);
		for (size_t i = 0; i < n; i++) {
			memset(&r[i], 0, sizeof(r[i]));
			r[i].action = rnd(2) ? FA_PASS : FA_DENY;
			r[i].proto = rnd(2) ? PROTOS("*") : PROTOS("6");
			r[i].src = rnd_aset();
			r[i].dst = rnd_aset();
			if (rnd(4) == 0) {   /* a second, separate destination interval */
				struct aset more;
				unsigned lo = 30 + rnd(10);
				assert_int_equal(aset_range(&A, FAM_V4, V4(10, 0, 0, lo),
							    V4(10, 0, 0, lo), &more), 0);
				assert_int_equal(aset_union(&A, &r[i].dst, &more, &r[i].dst), 0);
			}
			r[i].sport = rnd_pset(7, true);
			r[i].dport = rnd_pset(7, true);
		}
		enum faction dflt = rnd(2) ? FA_PASS : FA_DENY;
		struct aset qd[6];
		size_t nq = 1 + rnd(6);
		for (size_t k = 0; k < nq; k++) {
			unsigned lo = rnd(40), hi = lo + (rnd(3) == 0 ? rnd(8) : 0);
			assert_int_equal(aset_range(&A, FAM_V4, V4(10, 0, 0, lo), V4(10, 0, 0, hi),
						    &qd[k]), 0);
		}
		struct fcand c[6];
		assert_int_equal(filter_candidates(&A, r, n, qd, nq, c), 0);
		for (size_t k = 0; k < nq; k++) {
			size_t want[12], nw = 0;
			for (size_t i = 0; i < n; i++) {
				struct aset x;
				assert_int_equal(aset_intersect(&A, &r[i].dst, &qd[k], &x), 0);
				if (!aset_is_empty(&x))
					want[nw++] = i;
			}
			assert_cand(&c[k], want, nw);
			struct fbox q = { .rule = -1 };
			q.proto = PROTOS("5-7,16-18");
			q.src = as(FAM_V4, "*");
			q.dst = qd[k];
			q.sport = PORTS("0-7");
			q.dport = PORTS("0-7");
			struct fbox_list full, some;
			assert_int_equal(filter_reach(&A, r, n, dflt, &q, &full), 0);
			assert_int_equal(filter_reach_in(&A, r, n, &c[k], dflt, &q, &some), 0);
			for (int t = 0; t < 300; t++) {
				struct pkt p = { pv[rnd(6)], V4(10, 0, 0, rnd(21)),
						 V4(10, 0, 0, rnd(48)), rnd(8), rnd(8) };
				assert_int_equal(passed_by(&some, &p), passed_by(&full, &p));
			}
		}
	}
}

/* ---- filter_lines: shadowed and redundant lines ------------------------------------ */

static void test_lines_manual_example(void **state)
{
	(void)state;
	/* 1 pass 192.168.0.0/24 * ; 2 reject 192.168.0.1 */
	struct frule r[] = {
		R(FA_PASS, "*", FAM_V4, "192.168.0.0/24", "*", "*", "*"),
		R(FA_DENY, "*", FAM_V4, "192.168.0.1", "*", "*", "*"),
		R(FA_DENY, "6", FAM_V4, "192.168.0.1", "*", "*", "22"),
		R(FA_PASS, "6", FAM_V4, "192.168.0.7", "*", "*", "22"),
	};
	struct fline *fl = lines_of(r, 4);
	LIVE(fl, 0);
	/* a reject that line 0's pass decides first: a bug */
	COVERED(fl, 1, FL_SHADOWED, 0);
	/* covered by line 0 only: line 1 never decided anything */
	COVERED(fl, 2, FL_SHADOWED, 0);
	/* a pass that line 0's pass already decides: removable */
	COVERED(fl, 3, FL_REDUNDANT, 0);
	assert_null(fl[0].by);
}

static void test_lines_partial_and_joint(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_PASS, "*", FAM_V4, "10.0.0.0/25", "*", "*", "*"),
		R(FA_DENY, "*", FAM_V4, "10.0.0.0/24", "*", "*", "*"),  /* partly */
		R(FA_PASS, "*", FAM_V4, "10.0.0.0/24", "*", "*", "*"),  /* 0 ∪ 1 */
		R(FA_PASS, "6", FAM_V4, "*", "*", "*", "*"),
		R(FA_PASS, "17", FAM_V4, "*", "*", "*", "*"),
		R(FA_DENY, "6,17", FAM_V4, "*", "*", "*", "22"),         /* 0 ∪ 1 ∪ 3 ∪ 4 */
		R(FA_DENY, "*", FAM_V4, "*", "*", "*", "22"),            /* not: GRE */
		R(FA_PASS, "6", FAM_V4, "*", "*", "*", "80"),            /* 0 ∪ 1 ∪ 3 */
		R(FA_PASS, "17", FAM_V4, "192.0.2.0/24", "*", "*", "*"), /* 4 alone */
		R(FA_DENY, "47", FAM_V4, "10.0.0.200", "*", "*", "*"),  /* 1 alone */
	};
	struct fline *fl = lines_of(r, 10);
	LIVE(fl, 0);
	LIVE(fl, 1);
	/* covered jointly by a pass and a reject: Batfish's rule, shadowed
	 * when any decider has another action */
	COVERED(fl, 2, FL_SHADOWED, 0, 1);
	LIVE(fl, 3);
	LIVE(fl, 4);
	/* from 10.0.0.0/24 lines 0 and 1 decide first, elsewhere 3 and 4 */
	COVERED(fl, 5, FL_SHADOWED, 0, 1, 3, 4);
	LIVE(fl, 6);
	COVERED(fl, 7, FL_SHADOWED, 0, 1, 3);
	COVERED(fl, 8, FL_REDUNDANT, 4);
	COVERED(fl, 9, FL_REDUNDANT, 1);
}

/* One index for filter_lines_in, then filter_denies_in (as exposure.c
 * uses it): a run must not take the marks an earlier run left for its own
 * lines (the last line, 2, marks what it met last). Line 2's reject is
 * covered by line 1's pass, so with the default pass no TCP packet is
 * denied; UDP to port 53 from 198.51.100.0/24 is (line 0). */
static void test_index_shared(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_DENY, "17", FAM_V4, "198.51.100.0/24", "*", "*", "53"),
		R(FA_PASS, "6", FAM_V4, "*", "*", "*", "*"),
		R(FA_DENY, "6", FAM_V4, "*", "*", "*", "*"),
	};
	struct filter_index *ix;
	assert_int_equal(filter_index_new(&A, r, 3, &ix), 0);
	struct fline fl[3];
	assert_int_equal(filter_lines_in(ix, FILTER_LINE_BUDGET, fl), 0);
	LIVE(fl, 0);
	LIVE(fl, 1);
	COVERED(fl, 2, FL_SHADOWED, 1);
	struct fbox tcp = Q("6", FAM_V4, "*", "*", "*"), udp = Q("17", FAM_V4, "*", "*", "*");
	for (int run = 0; run < 2; run++) {
		bool d = true;
		assert_int_equal(filter_denies_in(ix, FA_PASS, &tcp, FILTER_LINE_BUDGET, &d), 0);
		assert_false(d);
		d = false;
		assert_int_equal(filter_denies_in(ix, FA_PASS, &udp, FILTER_LINE_BUDGET, &d), 0);
		assert_true(d);
	}
	/* and what the one-off calls say */
	bool d = true;
	assert_int_equal(filter_denies(&A, r, 3, FA_PASS, &tcp, FILTER_LINE_BUDGET, &d), 0);
	assert_false(d);
}

/* An `established` rule matches only later packets of a connection, so
 * it decides nothing for later lines; it is itself covered when earlier
 * lines decide all it would match. A line matching nothing is "empty". */
static void test_lines_established(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_PASS, "6", FAM_V4, "*", "*", "*", "*"),
		R(FA_DENY, "6", FAM_V4, "*", "*", "*", "22"),
		R(FA_DENY, "6", FAM_V4, "*", "*", "*", "*"),
		R(FA_PASS, "6", FAM_V4, "*", "*", "*", "*"),
	};
	r[0].new_conn_never = true;
	r[2].proto.n = 0;                                          /* matches nothing */
	r[3].new_conn_never = true;
	struct fline *fl = lines_of(r, 4);
	LIVE(fl, 0);
	LIVE(fl, 1);          /* SYNs to port 22 pass line 0 by */
	assert_line(fl, 2, FL_EMPTY, NULL, 0);
	LIVE(fl, 3);          /* tcp other than 22 is still undecided */
	/* With a reject of all tcp first, the established pass is shadowed
	 * and an established reject after it is redundant. */
	struct frule q[] = {
		R(FA_DENY, "6", FAM_V4, "*", "*", "*", "*"),
		R(FA_PASS, "6", FAM_V4, "*", "*", "*", "*"),
		R(FA_DENY, "6", FAM_V4, "*", "*", "*", "80"),
	};
	q[1].new_conn_never = true;
	q[2].new_conn_never = true;
	fl = lines_of(q, 3);
	LIVE(fl, 0);
	COVERED(fl, 1, FL_SHADOWED, 0);
	COVERED(fl, 2, FL_REDUNDANT, 0);
}

/* A line narrower than its fields (an ICMP type, a time range) never
 * covers a later line; it can itself be covered by an exact one. */
static void test_lines_narrower(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_PASS, "1", FAM_V4, "*", "*", "*", "*"),   /* icmp … unreachable */
		R(FA_PASS, "1", FAM_V4, "*", "*", "*", "*"),   /* icmp … time-exceeded */
		R(FA_DENY, "0-255", FAM_V4, "*", "*", "*", "*"),
		R(FA_PASS, "1", FAM_V4, "*", "*", "*", "*"),   /* icmp … echo, after the deny */
	};
	r[0].narrower = true;
	r[1].narrower = true;
	r[3].narrower = true;
	struct fline *fl = lines_of(r, 4);
	LIVE(fl, 0);
	LIVE(fl, 1);          /* line 0 matches one ICMP type only */
	LIVE(fl, 2);
	COVERED(fl, 3, FL_SHADOWED, 2);   /* the exact deny of everything decides it */
	/* Without the flag, line 0 would cover line 1 (same fields). */
	r[0].narrower = false;
	fl = lines_of(r, 4);
	COVERED(fl, 1, FL_REDUNDANT, 0);
}

static void test_lines_mixed_families(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_PASS, "*", FAM_V4, "*", "*", "*", "*"),
		R(FA_PASS, "*", FAM_V6, "2001:db8::/32", "*", "*", "*"),
		R(FA_DENY, "*", FAM_V6, "2001:db8::1", "*", "*", "*"),
		R(FA_DENY, "*", FAM_V4, "10.0.0.1", "*", "*", "*"),
		R(FA_PASS, "*", FAM_V6, "2001:db8::2", "*", "*", "*"),
		R(FA_PASS, "*", FAM_V6, "2001:db9::2", "*", "*", "*"),
	};
	struct fline *fl = lines_of(r, 6);
	LIVE(fl, 0);
	LIVE(fl, 1);
	COVERED(fl, 2, FL_SHADOWED, 1);
	COVERED(fl, 3, FL_SHADOWED, 0);
	COVERED(fl, 4, FL_REDUNDANT, 1);
	LIVE(fl, 5);           /* the IPv4 pass-all does not cover IPv6 */
	/* a rule whose source and destination differ in family */
	struct frule bad = r[0];
	bad.dst = as(FAM_V6, "*");
	struct fline one;
	assert_int_equal(filter_lines(&A, &bad, 1, FILTER_LINE_BUDGET, &one), EL_EINVAL);
}

/* ---- the oracle: every packet class of a random list ------------------------------- */

/* The cut points of one dimension: every value where some rule's (or the
 * query's) set starts or stops. Between two cuts no set changes, so one
 * packet per class decides for all of its class: enumerating the classes
 * is exhaustive, and independent of the code under test. */
struct cuts {
	uint64_t v[256];
	size_t n;
};

static void cut_add(struct cuts *c, uint64_t v, uint64_t max)
{
	if (v > max)
		return;
	for (size_t k = 0; k < c->n; k++)
		if (c->v[k] == v)
			return;
	assert_true(c->n < 256);
	c->v[c->n++] = v;
}

static int u64_cmp(const void *pa, const void *pb)
{
	uint64_t x = *(const uint64_t *)pa, y = *(const uint64_t *)pb;
	return (x > y) - (x < y);
}

static void cuts_pset(struct cuts *c, const struct pset *s, uint64_t max)
{
	for (size_t k = 0; k < s->n; k++) {
		cut_add(c, s->iv[k].lo, max);
		cut_add(c, (uint64_t)s->iv[k].hi + 1, max);
	}
}

static void cuts_aset(struct cuts *c, const struct aset *s)
{
	for (size_t k = 0; k < s->n; k++) {
		cut_add(c, s->iv[k].lo.lo, UINT32_MAX);
		cut_add(c, s->iv[k].hi.lo + 1, UINT32_MAX);
	}
}

static bool rule_has(const struct frule *r, const struct pkt *p)
{
	bool ports = (p->proto != PROTO_TCP && p->proto != PROTO_UDP) ||
		     (pset_contains(&r->sport, p->sport) && pset_contains(&r->dport, p->dport));
	return pset_contains(&r->proto, p->proto) && oracle_has(&r->src, p->src) &&
	       oracle_has(&r->dst, p->dst) && ports;
}

/* What the oracle says of every line, and whether q has a denied packet. */
struct oracle {
	enum fline_verdict *v;
	unsigned char *dec;       /* dec[i * n + j]: line j decides a packet of line i */
	bool denies;
};

/* One packet: the first line that decides it; every line holding it is
 * live (nothing decided it before) or gets that line as a decider. */
static void oracle_packet(const struct frule *r, size_t n, enum faction dflt,
			  const struct aset *qsrc, const struct pkt *p, struct oracle *o, bool *live,
			  bool *hit)
{
	size_t fm = n;
	for (size_t i = 0; i < n; i++) {
		if (!rule_has(&r[i], p))
			continue;
		hit[i] = true;
		if (fm < i)
			o->dec[i * n + fm] = 1;
		else
			live[i] = true;
		if (fm == n && !r[i].new_conn_never)
			fm = i;
	}
	if (oracle_has(qsrc, p->src) && (fm < n ? r[fm].action == FA_DENY : dflt == FA_DENY))
		o->denies = true;
}

static void oracle_run(const struct frule *r, size_t n, enum faction dflt, const struct aset *qsrc,
		       struct oracle *o)
{
	struct cuts c[5] = {{{0}, 0}};          /* proto, src, dst, sport, dport */
	for (int d = 0; d < 5; d++)
		cut_add(&c[d], 0, UINT32_MAX);
	cut_add(&c[0], PROTO_TCP, 255);
	cut_add(&c[0], PROTO_UDP, 255);
	cuts_aset(&c[1], qsrc);
	for (size_t i = 0; i < n; i++) {
		cuts_pset(&c[0], &r[i].proto, 255);
		cuts_aset(&c[1], &r[i].src);
		cuts_aset(&c[2], &r[i].dst);
		cuts_pset(&c[3], &r[i].sport, 65535);
		cuts_pset(&c[4], &r[i].dport, 65535);
	}
	for (int d = 0; d < 5; d++)
		qsort(c[d].v, c[d].n, sizeof(uint64_t), u64_cmp);
	bool *live = calloc(n, sizeof(bool)), *hit = calloc(n, sizeof(bool));
	o->dec = calloc(n * n, 1);
	o->v = calloc(n, sizeof(*o->v));
	assert_non_null(live);
	assert_non_null(hit);
	assert_non_null(o->dec);
	assert_non_null(o->v);
	o->denies = false;
	struct pkt p;
	for (size_t a = 0; a < c[0].n; a++) {
		p.proto = (uint32_t)c[0].v[a];
		bool ports = p.proto == PROTO_TCP || p.proto == PROTO_UDP;
		size_t nsp = ports ? c[3].n : 1, ndp = ports ? c[4].n : 1;
		for (size_t k = 0; k < c[1].n * c[2].n * nsp * ndp; k++) {
			size_t x = k;
			p.dport = (uint32_t)c[4].v[x % ndp];
			x /= ndp;
			p.sport = (uint32_t)c[3].v[x % nsp];
			x /= nsp;
			p.dst = (struct u128){0, c[2].v[x % c[2].n]};
			x /= c[2].n;
			p.src = (struct u128){0, c[1].v[x]};
			oracle_packet(r, n, dflt, qsrc, &p, o, live, hit);
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (!hit[i]) {
			o->v[i] = FL_EMPTY;
			continue;
		}
		if (live[i]) {
			o->v[i] = FL_LIVE;
			continue;
		}
		bool other = false;
		for (size_t j = 0; j < n; j++)
			if (o->dec[i * n + j] && r[j].action != r[i].action)
				other = true;
		o->v[i] = other ? FL_SHADOWED : FL_REDUNDANT;
	}
	free(live);
	free(hit);
}

static struct aset rnd_addr(unsigned span)
{
	if (rnd(4) == 0)
		return as(FAM_V4, "*");
	struct aset r = { FAM_V4, NULL, 0 }, one;
	for (unsigned k = 0; k < 1 + (rnd(3) == 0); k++) {
		unsigned lo = rnd(span), hi = lo + rnd(3);
		assert_int_equal(aset_range(&A, FAM_V4, V4(10, 0, 0, lo), V4(10, 0, 0, hi), &one), 0);
		assert_int_equal(aset_union(&A, &r, &one, &r), 0);
	}
	return r;
}

/* A port set of up to 16 intervals over 0..max (a service group: more
 * intervals than a rule's outline holds, filter.c LX_SUM_PORTS), or all. */
static struct pset rnd_pset_wide(uint32_t max)
{
	if (rnd(4) == 0)
		return ps("*", max);
	struct pset r = { NULL, 0 }, one;
	unsigned k = 1 + rnd(16);
	for (unsigned i = 0; i < k; i++) {
		uint32_t lo = rnd(max + 1);
		assert_int_equal(pset_range(&A, lo, lo, &one), 0);
		assert_int_equal(pset_union(&A, &r, &one, &r), 0);
	}
	return r;
}

/* Random lists of n lines over addresses 10.0.0.0..span+2, ports
 * 0..pmax+2 and a few protocols; every verdict and every decider of
 * filter_lines, and filter_denies, against the oracle; and the same
 * through one shared index (filter_lines_in, filter_denies_in). wide:
 * protocol ranges that mix TCP, UDP, ICMP and others (1-17, 6-47,
 * 17-58, 0-255), destination ports of up to 16 intervals, and sets
 * shared by several lines as object-groups are (the same pointers). */
static void lines_random_in(size_t n, int rounds, unsigned span, uint32_t pmax, bool wide)
{
	static const uint32_t pv[] = { 1, 6, 17, 47 };
	static const uint32_t pr_lo[] = { 1, 6, 17, 0 }, pr_hi[] = { 17, 47, 58, 255 };
	struct frule *r = arena_alloc(&A, n * sizeof(*r));
	assert_non_null(r);
	size_t seen[5] = { 0 };
	for (int round = 0; round < rounds; round++) {
		struct aset gaddr[3];
		struct pset gport[3];
		for (int g = 0; g < 3; g++) {
			gaddr[g] = rnd_addr(span);
			gport[g] = rnd_pset_wide(pmax);
		}
		for (size_t i = 0; i < n; i++) {
			memset(&r[i], 0, sizeof(r[i]));
			r[i].action = rnd(2) ? FA_PASS : FA_DENY;
			struct pset pr = { NULL, 0 }, one;
			if (wide && rnd(3) == 0) {
				unsigned k = rnd(4);
				assert_int_equal(pset_range(&A, pr_lo[k], pr_hi[k], &pr), 0);
			} else if (rnd(4) == 0) {
				pr = PROTOS("*");
			} else if (rnd(60) != 0) {           /* else: matches nothing */
				for (unsigned k = 0; k < 1 + rnd(2); k++) {
					uint32_t v = pv[rnd(4)];
					assert_int_equal(pset_range(&A, v, v, &one), 0);
					assert_int_equal(pset_union(&A, &pr, &one, &pr), 0);
				}
			}
			r[i].proto = pr;
			r[i].src = rnd_addr(span);
			r[i].dst = rnd_addr(span);
			r[i].sport = rnd(3) ? PORTS("*") : rnd_pset(pmax, false);
			r[i].dport = rnd_pset(pmax, true);
			r[i].new_conn_never = rnd(10) == 0;
			if (wide) {
				r[i].dport = rnd(2) ? gport[rnd(3)] : rnd_pset_wide(pmax);
				if (rnd(3) == 0)
					r[i].src = gaddr[rnd(3)];
				if (rnd(3) == 0)
					r[i].dst = gaddr[rnd(3)];
			}
		}
		enum faction dflt = rnd(2) ? FA_PASS : FA_DENY;
		struct aset qsrc = rnd_addr(span);
		struct oracle o;
		oracle_run(r, n, dflt, &qsrc, &o);
		struct fline *fl = lines_of(r, n);
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(fl[i].verdict, o.v[i]);
			seen[o.v[i]]++;
			size_t nd = 0;
			for (size_t j = 0; j < n; j++)
				if (o.dec[i * n + j]) {
					if (fl[i].verdict == FL_SHADOWED || fl[i].verdict == FL_REDUNDANT) {
						assert_true(nd < fl[i].nby);
						assert_int_equal(fl[i].by[nd], (int)j);
					}
					nd++;
				}
			if (fl[i].verdict == FL_SHADOWED || fl[i].verdict == FL_REDUNDANT)
				assert_int_equal(fl[i].nby, nd);
			else
				assert_int_equal(fl[i].nby, 0);
		}
		/* and whether any packet from qsrc is denied */
		struct fbox q = Q("*", FAM_V4, "*", "*", "*");
		q.src = qsrc;
		bool denies;
		assert_int_equal(filter_denies(&A, r, n, dflt, &q, FILTER_LINE_BUDGET, &denies), 0);
		assert_int_equal(denies, o.denies);
		/* the same answers from one index shared by the runs, as
		 * exposure.c uses it: the marks of one run must not leak into
		 * the next (filter_denies_in twice after filter_lines_in) */
		struct filter_index *ix;
		assert_int_equal(filter_index_new(&A, r, n, &ix), 0);
		struct fline *fl2 = arena_alloc(&A, n * sizeof(*fl2));
		assert_non_null(fl2);
		assert_int_equal(filter_lines_in(ix, FILTER_LINE_BUDGET, fl2), 0);
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(fl2[i].verdict, fl[i].verdict);
			assert_int_equal(fl2[i].nby, fl[i].nby);
			for (size_t k = 0; k < fl[i].nby; k++)
				assert_int_equal(fl2[i].by[k], fl[i].by[k]);
		}
		for (int run = 0; run < 2; run++) {
			bool d2 = !o.denies;
			assert_int_equal(filter_denies_in(ix, dflt, &q, FILTER_LINE_BUDGET, &d2), 0);
			assert_int_equal(d2, o.denies);
		}
		free(o.v);
		free(o.dec);
		arena_free(&A);
		r = arena_alloc(&A, n * sizeof(*r));
		assert_non_null(r);
	}
	/* the lists exercise every verdict but "not analysed" */
	assert_true(seen[FL_LIVE] > 0);
	assert_true(seen[FL_SHADOWED] > 0);
	assert_true(seen[FL_REDUNDANT] > 0);
	assert_true(seen[FL_EMPTY] > 0);
	assert_int_equal(seen[FL_UNANALYSED], 0);
}

static void lines_random(size_t n, int rounds, unsigned span, uint32_t pmax)
{
	lines_random_in(n, rounds, span, pmax, false);
}

static void test_lines_random_10(void **state)
{
	(void)state;
	lines_random(10, 150, 20, 7);
}

static void test_lines_random_100(void **state)
{
	(void)state;
	lines_random(100, 12, 20, 7);
}

static void test_lines_random_1000(void **state)
{
	(void)state;
	lines_random(1000, 2, 8, 3);
}

/* Mixed protocol ranges, service groups of many ports, shared sets. */
static void test_lines_random_wide_10(void **state)
{
	(void)state;
	lines_random_in(10, 150, 20, 30, true);
}

static void test_lines_random_wide_100(void **state)
{
	(void)state;
	lines_random_in(100, 5, 12, 24, true);
}

static void test_lines_random_wide_1000(void **state)
{
	(void)state;
	lines_random_in(1000, 1, 5, 14, true);
}

/* ---- filter_summarise --------------------------------------------------------------- */

static void test_summarise_small(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_PASS, "6", FAM_V4, "203.0.113.0/24", "*", "*", "22"),
		R(FA_PASS, "6", FAM_V4, "*", "*", "*", "80,443"),
		R(FA_PASS, "6", FAM_V4, "198.51.100.0/24", "*", "*", "22"),
		R(FA_PASS, "1", FAM_V4, "*", "*", "*", "*"),
		R(FA_PASS, "50", FAM_V4, "*", "*", "*", "*"),
		R(FA_PASS, "47", FAM_V4, "192.0.2.1", "*", "*", "*"),
		R(FA_PASS, "51", FAM_V4, "*", "*", "*", "*"),
	};
	struct fbox q = Q("*", FAM_V4, "*", "192.168.1.10", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 7, FA_DENY, &q, &out), 0);
	struct freach *s;
	size_t n;
	assert_int_equal(filter_summarise(&A, &out, &s, &n), 0);
	assert_int_equal(n, 6);
	assert_pset(&s[0].proto, "1");
	assert_pset(&s[0].dport, "0-65535");
	assert_aset(&s[0].src, "any");
	assert_int_equal(s[0].nrules, 1);
	assert_int_equal(s[0].rules[0], 3);
	assert_pset(&s[1].proto, "6");
	assert_pset(&s[1].dport, "22");
	assert_aset(&s[1].src, "198.51.100.0/24, 203.0.113.0/24");
	assert_int_equal(s[1].nrules, 2);
	assert_int_equal(s[1].rules[0], 0);
	assert_int_equal(s[1].rules[1], 2);
	assert_pset(&s[2].proto, "6");
	assert_pset(&s[2].dport, "80, 443");
	assert_aset(&s[2].src, "any");
	assert_int_equal(s[2].rules[0], 1);
	assert_pset(&s[3].proto, "47");
	assert_aset(&s[3].src, "192.0.2.1");
	assert_int_equal(s[3].rules[0], 5);
	/* ESP and AH: adjacent, same sources, but different rules: apart */
	assert_pset(&s[4].proto, "50");
	assert_int_equal(s[4].rules[0], 4);
	assert_pset(&s[5].proto, "51");
	assert_int_equal(s[5].rules[0], 6);
	assert_aset(&s[5].src, "any");
}

static void test_summarise_default_and_merge(void **state)
{
	(void)state;
	struct frule r[] = {
		R(FA_DENY, "1", FAM_V4, "*", "*", "*", "*"),
		R(FA_DENY, "6", FAM_V4, "*", "*", "*", "0-1023"),
	};
	struct fbox q = Q("*", FAM_V4, "*", "192.168.1.10", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 2, FA_PASS, &q, &out), 0);
	struct freach *s;
	size_t n;
	assert_int_equal(filter_summarise(&A, &out, &s, &n), 0);
	assert_int_equal(n, 4);
	assert_pset(&s[0].proto, "0");
	assert_pset(&s[1].proto, "2-5, 7-16, 18-255");
	assert_pset(&s[2].proto, "6");
	assert_pset(&s[2].dport, "1024-65535");
	assert_pset(&s[3].proto, "17");
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(s[i].nrules, 1);
		assert_int_equal(s[i].rules[0], -1);
		assert_true(aset_is_all(&s[i].src));
	}
	/* nothing passed: nothing to say */
	out.n = 0;
	assert_int_equal(filter_summarise(&A, &out, &s, &n), 0);
	assert_int_equal(n, 0);
}

/* ---- growth ---------------------------------------------------------------------- */

static void test_growth_300_port_rejects(void **state)
{
	(void)state;
	enum { N = 300 };
	struct frule *r = arena_alloc(&A, (N + 1) * sizeof(*r));
	assert_non_null(r);
	struct pset want = PORTS("*");
	for (unsigned i = 0; i < N; i++) {
		char port[16];
		snprintf(port, sizeof(port), "%u", 1000 + 3 * i);
		r[i] = R(FA_DENY, "6", FAM_V4, "*", "*", "*", port);
		struct pset one = PORTS(port);
		assert_int_equal(pset_minus(&A, &want, &one, &want), 0);
	}
	r[N] = R(FA_PASS, "*", FAM_V4, "*", "*", "*", "*");
	struct fbox q = Q("*", FAM_V4, "*", "*", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, N + 1, FA_DENY, &q, &out), 0);
	assert_true(out.n <= 4);
	struct freach *s;
	size_t n;
	assert_int_equal(filter_summarise(&A, &out, &s, &n), 0);
	assert_int_equal(n, 3);
	assert_pset(&s[1].proto, "6");
	assert_int_equal(s[1].dport.n, N + 1);
	assert_int_equal(pset_minus(&A, &s[1].dport, &want, &want), 0);
	assert_true(pset_is_empty(&want));
	assert_int_equal(s[1].dport.iv[0].hi, 999);
	assert_pset(&s[2].dport, "0-65535");
	struct fline *fl = lines_of(r, N + 1);
	for (unsigned i = 0; i <= N; i++)
		LIVE(fl, i);
}

/* Two independent "diagonals": rules A_i (src i, dport i) leave N + 1
 * boxes (src not in 0..N-1; src i with dport not i); rules B_j (dst j,
 * sport j) then split every one of those N + 1 times, in dimensions no
 * merge can join: (N + 1)^2 boxes, past FILTER_MAX_BOXES for N = 450.
 * The walk must stop with EL_ETOOBIG. */
static void test_too_big(void **state)
{
	(void)state;
	enum { N = 450 };
	struct frule *r = arena_alloc(&A, 2 * N * sizeof(*r));
	assert_non_null(r);
	for (unsigned i = 0; i < 2 * N; i++) {
		unsigned v = i % N;
		struct u128 a = { 0, v };
		r[i].action = FA_DENY;
		r[i].proto = PROTOS("6");
		assert_int_equal(aset_range(&A, FAM_V4, a, a, i < N ? &r[i].src : &r[i].dst), 0);
		assert_int_equal(aset_all(&A, FAM_V4, i < N ? &r[i].dst : &r[i].src), 0);
		assert_int_equal(pset_range(&A, v, v, i < N ? &r[i].dport : &r[i].sport), 0);
		assert_int_equal(pset_all(&A, 65535, i < N ? &r[i].sport : &r[i].dport), 0);
	}
	struct fbox q = Q("6", FAM_V4, "*", "*", "*");
	struct fbox_list out;
	assert_int_equal(filter_reach(&A, r, 2 * N, FA_PASS, &q, &out), EL_ETOOBIG);
	/* with one diagonal fewer it fits, and is exact */
	assert_int_equal(filter_reach(&A, r, N + 20, FA_PASS, &q, &out), 0);
	assert_int_equal(out.n, (N + 1) * 21);
	struct pkt p = { PROTO_TCP, { 0, 7 }, { 0, 19 }, 19, 7 };
	assert_int_equal(passed_by(&out, &p), -99);
	p.sport = 20;
	assert_int_equal(passed_by(&out, &p), -99);  /* src 7 dport 7: A_7 */
	p.dport = 8;
	assert_int_equal(passed_by(&out, &p), -1);
	/* line by line each diagonal rule is plainly live: the list that is
	 * too big for one walk is no problem for filter_lines */
	struct fline *fl = lines_of(r, 2 * N);
	for (unsigned i = 0; i < 2 * N; i++)
		LIVE(fl, i);
}

/* A line covered only after the diagonals cut it into many pieces:
 * T = tcp src 0..N-1, dst 0..N-1, sport 0..N-1, dport 0..N-1 after A_i
 * (src i, dport i), B_j (dst j, sport j) and F (all tcp). Every corner
 * of what is left of T lies in F, a later candidate, so no quick answer:
 * with a budget of 16 boxes T is "not analysed" (and filter_denies says
 * EL_ETOOBIG); with the default budget T is redundant, decided by every
 * A_i, every B_j and F. */
static void test_lines_budget(void **state)
{
	(void)state;
	enum { N = 40 };
	struct frule *r = arena_alloc(&A, (2 * N + 2) * sizeof(*r));
	assert_non_null(r);
	for (unsigned i = 0; i < 2 * N; i++) {
		unsigned v = i % N;
		struct u128 a = { 0, v };
		r[i].action = FA_DENY;
		r[i].proto = PROTOS("6");
		assert_int_equal(aset_range(&A, FAM_V4, a, a, i < N ? &r[i].src : &r[i].dst), 0);
		assert_int_equal(aset_all(&A, FAM_V4, i < N ? &r[i].dst : &r[i].src), 0);
		assert_int_equal(pset_range(&A, v, v, i < N ? &r[i].dport : &r[i].sport), 0);
		assert_int_equal(pset_all(&A, 65535, i < N ? &r[i].sport : &r[i].dport), 0);
	}
	r[2 * N] = R(FA_DENY, "6", FAM_V4, "*", "*", "*", "*");
	struct u128 lo = { 0, 0 }, hi = { 0, N - 1 };
	struct frule *t = &r[2 * N + 1];
	*t = r[2 * N];
	assert_int_equal(aset_range(&A, FAM_V4, lo, hi, &t->src), 0);
	assert_int_equal(aset_range(&A, FAM_V4, lo, hi, &t->dst), 0);
	assert_int_equal(pset_range(&A, 0, N - 1, &t->sport), 0);
	assert_int_equal(pset_range(&A, 0, N - 1, &t->dport), 0);
	struct fline *fl = arena_alloc(&A, (2 * N + 2) * sizeof(*fl));
	assert_non_null(fl);
	assert_int_equal(filter_lines(&A, r, 2 * N + 2, 16, fl), 0);
	assert_line(fl, 2 * N + 1, FL_UNANALYSED, NULL, 0);
	for (unsigned i = 0; i <= 2 * N; i++)
		LIVE(fl, i);
	fl = lines_of(r, 2 * N + 2);
	int want[2 * N + 1];
	for (int i = 0; i <= 2 * N; i++)
		want[i] = i;
	assert_line(fl, 2 * N + 1, FL_REDUNDANT, want, 2 * N + 1);
	/* every line but T passes: whether T denies anything from its own
	 * sources needs the same cutting */
	for (unsigned i = 0; i <= 2 * N; i++)
		r[i].action = FA_PASS;
	struct fbox q = Q("6", FAM_V4, "0.0.0.0-0.0.0.39", "0.0.0.0-0.0.0.39", "0-39");
	q.sport = PORTS("0-39");
	bool denies = true;
	assert_int_equal(filter_denies(&A, r, 2 * N + 2, FA_PASS, &q, 16, &denies), EL_ETOOBIG);
	assert_int_equal(filter_denies(&A, r, 2 * N + 2, FA_PASS, &q, FILTER_LINE_BUDGET, &denies), 0);
	assert_false(denies);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_pset_ops, teardown),
		cmocka_unit_test_teardown(test_aset_ops_v4, teardown),
		cmocka_unit_test_teardown(test_aset_ops_v6_ends, teardown),
		cmocka_unit_test_teardown(test_addr_parse_v4, teardown),
		cmocka_unit_test_teardown(test_addr_parse_v6, teardown),
		cmocka_unit_test_teardown(test_aset_format, teardown),
		cmocka_unit_test_teardown(test_reach_empty_list, teardown),
		cmocka_unit_test_teardown(test_reach_reject_telnet_then_pass_all, teardown),
		cmocka_unit_test_teardown(test_reach_overlapping_ranges, teardown),
		cmocka_unit_test_teardown(test_reach_comma_lists, teardown),
		cmocka_unit_test_teardown(test_reach_partly_shadowed, teardown),
		cmocka_unit_test_teardown(test_reach_source_restricted, teardown),
		cmocka_unit_test_teardown(test_reach_established_ignored, teardown),
		cmocka_unit_test_teardown(test_reach_any_proto_with_port, teardown),
		cmocka_unit_test_teardown(test_reach_ipv6, teardown),
		cmocka_unit_test_teardown(test_reach_random_cross_check, teardown),
		cmocka_unit_test_teardown(test_candidates_exact, teardown),
		cmocka_unit_test_teardown(test_candidates_random_cross_check, teardown),
		cmocka_unit_test_teardown(test_lines_manual_example, teardown),
		cmocka_unit_test_teardown(test_lines_partial_and_joint, teardown),
		cmocka_unit_test_teardown(test_index_shared, teardown),
		cmocka_unit_test_teardown(test_lines_established, teardown),
		cmocka_unit_test_teardown(test_lines_mixed_families, teardown),
		cmocka_unit_test_teardown(test_lines_narrower, teardown),
		cmocka_unit_test_teardown(test_lines_random_10, teardown),
		cmocka_unit_test_teardown(test_lines_random_100, teardown),
		cmocka_unit_test_teardown(test_lines_random_1000, teardown),
		cmocka_unit_test_teardown(test_lines_random_wide_10, teardown),
		cmocka_unit_test_teardown(test_lines_random_wide_100, teardown),
		cmocka_unit_test_teardown(test_lines_random_wide_1000, teardown),
		cmocka_unit_test_teardown(test_lines_budget, teardown),
		cmocka_unit_test_teardown(test_summarise_small, teardown),
		cmocka_unit_test_teardown(test_summarise_default_and_merge, teardown),
		cmocka_unit_test_teardown(test_growth_300_port_rejects, teardown),
		cmocka_unit_test_teardown(test_too_big, teardown),
	};
	return cmocka_run_group_tests_name("filter", tests, NULL, NULL);
}
