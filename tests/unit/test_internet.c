/*
 * test_internet.c — cmocka tests for src/internet.c and the public address
 * space the registry builds from rules/internet-sources.yaml
 * ($EDGELINT_RULES):
 *  - the public IPv4 and IPv6 space, exactly (counts computed by hand from
 *    the IANA registries' rows: 2^32 - 592,708,607 for IPv4; 2000::/3 minus
 *    the not-globally-reachable blocks inside it for IPv6), and the
 *    longest-match reading at the edges (192.0.0.9 public inside the
 *    non-public 192.0.0.0/24, 192.88.99.2 not public inside the public
 *    deprecated 6to4 relay /24, Teredo public inside 2001::/23);
 *  - any / all-public / broad / restricted, with the threshold at exactly
 *    one /16 (IPv4) and one /32 (IPv6), and a policy prefix of 0;
 *  - the share text and u128 counting (saturation on all of IPv6);
 *  - every message variant exposure.c can build from a judgement exists.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "testctx.h"
#include "../../src/internet.h"

static struct arena g_a;

static struct u128 v4(const char *s)
{
	struct u128 a;
	assert_int_equal(addr_parse(FAM_V4, s, strlen(s), &a), 0);
	return a;
}

static struct u128 v6(const char *s)
{
	struct u128 a;
	assert_int_equal(addr_parse(FAM_V6, s, strlen(s), &a), 0);
	return a;
}

/* "a/len" of family f as a set. */
static struct aset pfx(enum fam f, const char *s)
{
	const char *sl = strchr(s, '/');
	assert_non_null(sl);
	char addr[64];
	snprintf(addr, sizeof(addr), "%.*s", (int)(sl - s), s);
	struct aset out;
	assert_int_equal(aset_prefix(&g_a, f, f == FAM_V4 ? v4(addr) : v6(addr),
				     (unsigned)atoi(sl + 1), &out), 0);
	return out;
}

static struct aset uni(struct aset x, struct aset y)
{
	struct aset out;
	assert_int_equal(aset_union(&g_a, &x, &y, &out), 0);
	return out;
}

static struct aset minus(struct aset x, struct aset y)
{
	struct aset out;
	assert_int_equal(aset_minus(&g_a, &x, &y, &out), 0);
	return out;
}

static bool holds(const struct aset *s, struct u128 a)
{
	struct aset one, in;
	assert_int_equal(aset_range(&g_a, s->fam, a, a, &one), 0);
	assert_int_equal(aset_intersect(&g_a, s, &one, &in), 0);
	return !aset_is_empty(&in);
}

static void test_public_ipv4_exact(void **state)
{
	(void)state;
	const struct aset *p = &g_reg.internet.public4;
	struct u128 c = aset_count(p);
	assert_int_equal(c.hi, 0);
	assert_int_equal(c.lo, 3702258689u);   /* 4294967296 - 592708607 */
	assert_true(holds(p, v4("8.8.8.8")));
	assert_false(holds(p, v4("10.1.2.3")));
	assert_false(holds(p, v4("100.64.0.1")));
	assert_false(holds(p, v4("172.31.255.255")));
	assert_true(holds(p, v4("172.32.0.0")));
	assert_false(holds(p, v4("192.0.0.8")));
	assert_true(holds(p, v4("192.0.0.9")));    /* PCP anycast: true inside false /24 */
	assert_true(holds(p, v4("192.0.0.10")));
	assert_false(holds(p, v4("192.0.0.11")));
	assert_true(holds(p, v4("192.88.99.1")));  /* n/a: public */
	assert_false(holds(p, v4("192.88.99.2")));
	assert_false(holds(p, v4("203.0.113.7")));
	assert_false(holds(p, v4("224.0.0.1")));
	assert_false(holds(p, v4("255.255.255.255")));
	assert_true(holds(p, v4("223.255.255.255")));
}

static void test_public_ipv6_exact(void **state)
{
	(void)state;
	const struct aset *p = &g_reg.internet.public6;
	struct u128 c = aset_count(p);
	/* 2^125 - 361201191693605295474337694875645 */
	assert_true(c.hi == 0x1fffee3100010000ull);
	assert_true(c.lo == 3);
	assert_true(holds(p, v6("2400:4050::1")));
	assert_true(holds(p, v6("2001::1")));       /* Teredo (n/a) inside 2001::/23 */
	assert_true(holds(p, v6("2001:1::3")));
	assert_false(holds(p, v6("2001:1::4")));
	assert_false(holds(p, v6("2001:2::1")));
	assert_false(holds(p, v6("2001:db8::1")));
	assert_true(holds(p, v6("2002:c000:204::1")));   /* 6to4 */
	assert_false(holds(p, v6("3fff::1")));
	assert_false(holds(p, v6("fc00::1")));
	assert_false(holds(p, v6("fe80::1")));
	assert_false(holds(p, v6("ff02::1")));
	assert_false(holds(p, v6("64:ff9b::808:808")));   /* true, but outside 2000::/3 */
	assert_false(holds(p, v6("4000::1")));
}

/* The outside/internet pair of an interface whose inside is lan. */
static void sides(enum fam f, const char *lan, struct aset *outside, struct aset *internet)
{
	struct aset all;
	assert_int_equal(aset_all(&g_a, f, &all), 0);
	*outside = minus(all, pfx(f, lan));
	assert_int_equal(aset_intersect(&g_a, outside,
					f == FAM_V4 ? &g_reg.internet.public4 : &g_reg.internet.public6,
					internet), 0);
}

static struct src_judgement judge(enum fam f, struct aset src, unsigned broad)
{
	struct aset out, inet;
	sides(f, f == FAM_V4 ? "192.168.100.0/24" : "2001:db8:1:100::/64", &out, &inet);
	struct src_judgement j;
	assert_int_equal(internet_judge(&g_a, &src, &inet, &out, broad, &j), 0);
	return j;
}

static void test_judge_any_ipv4(void **state)
{
	(void)state;
	struct aset all;
	assert_int_equal(aset_all(&g_a, FAM_V4, &all), 0);
	struct src_judgement j = judge(FAM_V4, all, 16);
	assert_int_equal(j.scope, SRC_ANY);
	assert_true(j.all_outside);
	assert_string_equal(internet_variant_suffix(&j), "");
	/* YAMAHA's 200000-200002: every public source still passes. */
	struct aset rfc1918 = uni(uni(pfx(FAM_V4, "10.0.0.0/8"), pfx(FAM_V4, "172.16.0.0/12")),
				  pfx(FAM_V4, "192.168.0.0/16"));
	j = judge(FAM_V4, minus(all, rfc1918), 16);
	assert_int_equal(j.scope, SRC_ANY);
	assert_false(j.all_outside);
	assert_string_equal(internet_variant_suffix(&j), "-all-public");
	/* Rejecting one public address makes it broad, not any. */
	j = judge(FAM_V4, minus(minus(all, rfc1918), pfx(FAM_V4, "8.8.8.8/32")), 16);
	assert_int_equal(j.scope, SRC_BROAD);
	assert_int_equal(j.count.lo, 3702258688u);
	assert_string_equal(internet_variant_suffix(&j), "-broad");
}

static void test_judge_broad_and_restricted_ipv4(void **state)
{
	(void)state;
	char txt[32];
	/* 0.0.0.0/1: 2,092,957,696 public addresses, about 57%. */
	struct src_judgement j = judge(FAM_V4, pfx(FAM_V4, "0.0.0.0/1"), 16);
	assert_int_equal(j.scope, SRC_BROAD);
	assert_int_equal(j.count.lo, 2092957696u);
	internet_share_text(j.share, false, txt, sizeof(txt));
	assert_string_equal(txt, "57");
	/* Exactly one /16 of public space: restricted; one more address: broad. */
	j = judge(FAM_V4, pfx(FAM_V4, "11.0.0.0/16"), 16);
	assert_int_equal(j.scope, SRC_RESTRICTED);
	assert_int_equal(j.count.lo, 65536);
	j = judge(FAM_V4, uni(pfx(FAM_V4, "11.0.0.0/16"), pfx(FAM_V4, "11.1.0.0/32")), 16);
	assert_int_equal(j.scope, SRC_BROAD);
	assert_int_equal(j.count.lo, 65537);
	/* A partner /24. */
	j = judge(FAM_V4, pfx(FAM_V4, "198.51.99.0/24"), 16);
	assert_int_equal(j.scope, SRC_RESTRICTED);
	assert_int_equal(j.count.lo, 256);
	assert_string_equal(internet_variant_suffix(&j), "");
	/* Only non-public sources (documentation): restricted, none public. */
	j = judge(FAM_V4, pfx(FAM_V4, "203.0.113.0/24"), 16);
	assert_int_equal(j.scope, SRC_RESTRICTED);
	assert_int_equal(j.count.lo, 0);
	/* 172.0.0.0/10 holds 172.16.0.0/12 (private): 2^22 - 2^20 public. */
	j = judge(FAM_V4, pfx(FAM_V4, "172.0.0.0/10"), 16);
	assert_int_equal(j.scope, SRC_BROAD);
	assert_int_equal(j.count.lo, (1u << 22) - (1u << 20));
	/* Policy prefix 8: a /9 of public space is restricted; 0: nothing is broad. */
	j = judge(FAM_V4, pfx(FAM_V4, "0.0.0.0/1"), 8);
	assert_int_equal(j.scope, SRC_BROAD);
	j = judge(FAM_V4, pfx(FAM_V4, "11.0.0.0/9"), 8);
	assert_int_equal(j.scope, SRC_RESTRICTED);
	j = judge(FAM_V4, pfx(FAM_V4, "0.0.0.0/1"), 0);
	assert_int_equal(j.scope, SRC_RESTRICTED);
	/* Prefix 32: two public addresses are broad. */
	j = judge(FAM_V4, pfx(FAM_V4, "8.8.8.8/31"), 32);
	assert_int_equal(j.scope, SRC_BROAD);
}

static void test_judge_ipv6(void **state)
{
	(void)state;
	char txt[32];
	/* 2000::/3 is every public source: any, though ULA and link-local
	 * sources are not in it. */
	struct src_judgement j = judge(FAM_V6, pfx(FAM_V6, "2000::/3"), 32);
	assert_int_equal(j.scope, SRC_ANY);
	assert_false(j.all_outside);
	/* APNIC's 2400::/12: broad, 0.2% of the public space. */
	j = judge(FAM_V6, pfx(FAM_V6, "2400::/12"), 32);
	assert_int_equal(j.scope, SRC_BROAD);
	internet_share_text(j.share, false, txt, sizeof(txt));
	assert_string_equal(txt, "0.2");
	/* One /32: restricted (2^96 addresses); a /31: broad. */
	j = judge(FAM_V6, pfx(FAM_V6, "2400:4000::/32"), 32);
	assert_int_equal(j.scope, SRC_RESTRICTED);
	assert_true(j.count.hi == (1ull << 32) && j.count.lo == 0);
	j = judge(FAM_V6, pfx(FAM_V6, "2400:4000::/31"), 32);
	assert_int_equal(j.scope, SRC_BROAD);
	/* Documentation only: restricted, nothing public. */
	j = judge(FAM_V6, pfx(FAM_V6, "2001:db8::/32"), 32);
	assert_int_equal(j.scope, SRC_RESTRICTED);
	assert_true(j.count.hi == 0 && j.count.lo == 0);
}

static void test_counts_and_share_text(void **state)
{
	(void)state;
	struct aset all6;
	assert_int_equal(aset_all(&g_a, FAM_V6, &all6), 0);
	struct u128 c = aset_count(&all6);   /* 2^128 saturates */
	assert_true(c.hi == UINT64_MAX && c.lo == UINT64_MAX);
	struct aset none;
	assert_int_equal(aset_empty(FAM_V4, &none), 0);
	c = aset_count(&none);
	assert_true(c.hi == 0 && c.lo == 0);
	c = aset_count(&(struct aset){0});
	assert_true(c.hi == 0 && c.lo == 0);
	assert_int_equal(u128_cmp((struct u128){1, 0}, (struct u128){0, UINT64_MAX}), 1);
	assert_int_equal(u128_cmp((struct u128){0, 5}, (struct u128){0, 5}), 0);
	char t[32];
	internet_share_text(1, true, t, sizeof(t));
	assert_string_equal(t, "100");
	internet_share_text(0.999999, false, t, sizeof(t));
	assert_string_equal(t, "99.9999");
	internet_share_text(0.87, false, t, sizeof(t));
	assert_string_equal(t, "87");
	internet_share_text(0.05, false, t, sizeof(t));
	assert_string_equal(t, "5.0");
	internet_share_text(0, false, t, sizeof(t));
	assert_string_equal(t, "0");
	internet_share_text(1e-14, false, t, sizeof(t));
	assert_string_equal(t, "0.000000001");
}

/* exposure.c builds EL104/EL105 variants as target + suffix. */
static void test_variants_exist(void **state)
{
	(void)state;
	static const char *const suffixes[] = {"", "-all-public", "-broad"};
	static const char *const el105[] = {"box", "forward", "inside"};
	static const char *const el104[] = {"box", "forward"};
	const struct rule *r104 = registry_rule(&g_reg, "EL104");
	const struct rule *r105 = registry_rule(&g_reg, "EL105");
	const struct rule *r102 = registry_rule(&g_reg, "EL102");
	assert_non_null(r104);
	assert_non_null(r105);
	for (size_t s = 0; s < 3; s++) {
		char v[64];
		for (size_t i = 0; i < 3; i++) {
			snprintf(v, sizeof(v), "%s%s", el105[i], suffixes[s]);
			if (!rule_msg(r105, v))
				fail_msg("EL105 lacks the variant \"%s\"", v);
		}
		for (size_t i = 0; i < 2; i++) {
			snprintf(v, sizeof(v), "%s%s", el104[i], suffixes[s]);
			if (!rule_msg(r104, v))
				fail_msg("EL104 lacks the variant \"%s\"", v);
		}
	}
	assert_non_null(rule_msg(r102, "public"));
	assert_int_equal(g_reg.internet.broad_prefix4, 16);
	assert_int_equal(g_reg.internet.broad_prefix6, 32);
	assert_string_equal(g_reg.internet.as_of, "2026-12-07");
}

static int setup(void **state)
{
	memset(&g_a, 0, sizeof(g_a));
	return group_setup(state);
}

static int teardown(void **state)
{
	arena_free(&g_a);
	return group_teardown(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_public_ipv4_exact),
		cmocka_unit_test(test_public_ipv6_exact),
		cmocka_unit_test(test_judge_any_ipv4),
		cmocka_unit_test(test_judge_broad_and_restricted_ipv4),
		cmocka_unit_test(test_judge_ipv6),
		cmocka_unit_test(test_counts_and_share_text),
		cmocka_unit_test(test_variants_exist),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
