/*
 * test_diff.c — cmocka tests of src/diff.c (edgelint diff, issue 17 §3):
 * a 12-line YAMAHA config against versions of it with one thing changed,
 * each answer worked out by hand:
 *  - filter definitions moved (same meaning): no change;
 *  - the partner range cut to its half: narrowed, at OLD's filter line;
 *  - the partner range grown to a /16: widened by exactly the new part, at
 *    NEW's filter line;
 *  - the forward removed: removed (no NEW line);
 *  - a forward and a filter for https added: added, from every outside
 *    source but the 10/8 filter 10 rejects;
 *  - diff_same_device: the same kind and model, or not.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "testctx.h"
#include "../../src/diff.h"

#define HEAD                                                                   \
	"ip route default gateway pp 1\n"                    /* 1 */           \
	"ip lan1 address 192.168.1.1/24\n"                   /* 2 */           \
	"pp select 1\n"                                      /* 3 */           \
	" pppoe use lan2\n"                                  /* 4 */           \
	" ip pp secure filter in 10 20 30 40\n"              /* 5 */           \
	" ip pp nat descriptor 1\n"                          /* 6 */           \
	" pp enable 1\n"                                     /* 7 */           \
	"ip filter 10 reject 10.0.0.0/8 * * * *\n"           /* 8 */
#define F20(src) "ip filter 20 pass " src " 192.168.1.10 tcp * www\n" /* 9 */
#define F30 "ip filter 30 reject * 192.168.1.10 tcp * 22\n"
#define NAT "nat descriptor type 1 masquerade\n"
#define FWD "nat descriptor masquerade static 1 1 192.168.1.10 tcp www\n"

static const char OLD[] = HEAD F20("198.51.100.0/24") F30 NAT FWD;
/* Filter 30 defined before 20: lines move, the list does not change. */
static const char MOVED[] = HEAD F30 F20("198.51.100.0/24") NAT FWD;
static const char HALF[] = HEAD F20("198.51.100.0/25") F30 NAT FWD;
static const char WIDE[] = HEAD F20("198.51.0.0/16") F30 NAT FWD;
static const char NOFWD[] = HEAD F20("198.51.100.0/24") F30 NAT;
static const char HTTPS[] = HEAD F20("198.51.100.0/24") F30 NAT FWD
	"ip filter 40 pass * 192.168.1.10 tcp * https\n"                   /* 13 */
	"nat descriptor masquerade static 1 2 192.168.1.10 tcp https\n";   /* 14 */

static struct arena A;
static struct input IO;

static int setup(void **state)
{
	if (group_setup(state))
		return -1;
	return parse_as(&IO, "yamaha-rtx", "old.cfg", OLD, sizeof(OLD) - 1) ? -1 : 0;
}

static int teardown(void **state)
{
	arena_free(&A);
	input_free(&IO);
	return group_teardown(state);
}

/* Diffs OLD against text into *r (the NEW input is freed by the caller). */
static void run(const char *text, struct input *in, struct diff_result *r)
{
	assert_int_equal(parse_as(in, "yamaha-rtx", "new.cfg", text, strlen(text)), 0);
	assert_true(diff_same_device(&IO, in));
	assert_int_equal(diff_exposure(&A, &IO, in, &g_reg.internet, r), 0);
}

static struct aset set(const char *cidr)
{
	struct aset s;
	struct u128 v;
	const char *sl = strchr(cidr, '/');
	assert_non_null(sl);
	assert_int_equal(addr_parse(FAM_V4, cidr, (size_t)(sl - cidr), &v), 0);
	assert_int_equal(aset_prefix(&A, FAM_V4, v, (unsigned)strtoul(sl + 1, NULL, 10), &s), 0);
	return s;
}

static void assert_change(const struct diff_change *c, enum diff_kind k, unsigned port,
			  const struct aset *src, unsigned new_line, unsigned old_line)
{
	assert_int_equal(c->kind, k);
	assert_string_equal(c->iface, "pp 1");
	assert_int_equal(c->fam, FAM_V4);
	assert_int_equal(c->target, QT_FORWARD);
	assert_string_equal(pset_format(&A, &c->proto, 40), "6");
	char p[8];
	snprintf(p, sizeof(p), "%u", port);
	assert_string_equal(pset_format(&A, &c->dport, 40), p);
	assert_string_equal(aset_format(&A, &c->dst, 40), "192.168.1.10");
	assert_true(aset_eq(&c->src, src));
	assert_int_equal(c->new_line, new_line);
	assert_int_equal(c->old_line, old_line);
}

static void test_moved(void **state)
{
	(void)state;
	struct input in;
	struct diff_result r;
	run(MOVED, &in, &r);
	assert_int_equal(r.n, 0);
	assert_false(r.risky);
	input_free(&in);
}

static void test_narrowed(void **state)
{
	(void)state;
	struct input in;
	struct diff_result r;
	run(HALF, &in, &r);
	assert_int_equal(r.n, 1);
	assert_false(r.risky);
	struct aset lost = set("198.51.100.128/25");
	/* At NEW's forward (no NEW line passes what was lost); OLD's 20. */
	assert_change(&r.v[0], DK_NARROWED, 80, &lost, 12, 9);
	input_free(&in);
}

static void test_widened(void **state)
{
	(void)state;
	struct input in;
	struct diff_result r;
	run(WIDE, &in, &r);
	assert_int_equal(r.n, 1);
	assert_true(r.risky);
	struct aset s16 = set("198.51.0.0/16"), s24 = set("198.51.100.0/24"), gained;
	assert_int_equal(aset_minus(&A, &s16, &s24, &gained), 0);
	assert_change(&r.v[0], DK_WIDENED, 80, &gained, 9, 12);
	assert_false(r.v[0].src_any);
	input_free(&in);
}

static void test_removed(void **state)
{
	(void)state;
	struct input in;
	struct diff_result r;
	run(NOFWD, &in, &r);
	assert_int_equal(r.n, 1);
	assert_false(r.risky);
	struct aset was = set("198.51.100.0/24");
	assert_change(&r.v[0], DK_REMOVED, 80, &was, 0, 9);
	input_free(&in);
}

/* https forwarded and passed from `*`: every outside source (all but the
 * LAN 192.168.1.0/24) except 10/8, which filter 10 rejects first. */
static void test_added(void **state)
{
	(void)state;
	struct input in;
	struct diff_result r;
	run(HTTPS, &in, &r);
	assert_int_equal(r.n, 1);
	assert_true(r.risky);
	struct aset all, lan = set("192.168.1.0/24"), ten = set("10.0.0.0/8"), x, want;
	assert_int_equal(aset_all(&A, FAM_V4, &all), 0);
	assert_int_equal(aset_minus(&A, &all, &lan, &x), 0);
	assert_int_equal(aset_minus(&A, &x, &ten, &want), 0);
	assert_change(&r.v[0], DK_ADDED, 443, &want, 13, 0);
	assert_true(r.v[0].src_public);
	input_free(&in);
}

static void test_same_device(void **state)
{
	(void)state;
	struct input a, b;
	input_init(&a, "a");
	input_init(&b, "b");
	a.kind = b.kind = IO.kind;
	a.dev.model.s = "RTX1210";
	b.dev.model.s = "rtx1210";
	assert_true(diff_same_device(&a, &b));
	b.dev.model.s = "RTX830";
	assert_false(diff_same_device(&a, &b));
	b.dev.model.s = NULL;   /* a file that does not say: not refused */
	assert_true(diff_same_device(&a, &b));
	b.kind = input_kind_named("cisco-asa");
	assert_false(diff_same_device(&a, &b));
	input_free(&a);
	input_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moved),    cmocka_unit_test(test_narrowed),
		cmocka_unit_test(test_widened),  cmocka_unit_test(test_removed),
		cmocka_unit_test(test_added),    cmocka_unit_test(test_same_device),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
