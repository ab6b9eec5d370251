/*
 * test_lookalike.c — cmocka tests for src/lookalike.c with the real
 * rules/lookalike.yaml: punycode decoding (RFC 3492 §7.1 sample, an IDNA
 * label, invalid inputs), the optimal string alignment distance, the
 * skeleton, and lookalike_match on exact cases — each kind of look-alike
 * named with the domain it imitates, and the false-positive guards: the
 * approved domains themselves, their subdomains and siblings under the
 * same registrable domain, unrelated names, office365.com and office.net
 * next to office.com, IP addresses, short names.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/lookalike.h"
#include "testctx.h"
#include "testlookalike.h"

static const char *const approved[] = {"office.com", "microsoftonline.com", "zoom.us",
				       "example.co.jp"};
#define NAPPROVED (ARRAY_SIZE(approved))

static void test_punycode(void **state)
{
	(void)state;
	uint32_t out[64];
	/* RFC 3492 §7.1 (B), Chinese (simplified) */
	static const uint32_t zh[] = {0x4ed6, 0x4eec, 0x4e3a, 0x4ec0, 0x4e48,
				      0x4e0d, 0x8bf4, 0x4e2d, 0x6587};
	assert_int_equal(lookalike_punycode("ihqwcrb4cv8a8dqg056pqjye", 24, out, 64), 9);
	assert_memory_equal(out, zh, sizeof(zh));
	/* bücher: basic code points, then one insertion */
	static const uint32_t bu[] = {'b', 0xfc, 'c', 'h', 'e', 'r'};
	assert_int_equal(lookalike_punycode("bcher-kva", 9, out, 64), 6);
	assert_memory_equal(out, bu, sizeof(bu));
	/* mi<Cyrillic es>rosoftonline */
	assert_int_equal(lookalike_punycode("mirosoftonline-60l", 18, out, 64), 15);
	assert_int_equal(out[2], 0x441);
	assert_int_equal(out[3], 'r');
	/* invalid: a non-digit, a cut-off number, a non-ASCII basic part, too small a buffer */
	assert_int_equal(lookalike_punycode("bcher-kv!", 9, out, 64), -1);
	assert_int_equal(lookalike_punycode("bcher-k", 7, out, 64), -1);
	assert_int_equal(lookalike_punycode("b\xc3\xbc-kva", 7, out, 64), -1);
	assert_int_equal(lookalike_punycode("bcher-kva", 9, out, 3), -1);
	/* overflow: a huge delta */
	assert_int_equal(lookalike_punycode("99999999999999", 14, out, 64), -1);
}

static size_t cps(const char *s, uint32_t *out)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		out[i] = (unsigned char)s[i];
	return n;
}

static unsigned dist(const char *a, const char *b, unsigned limit)
{
	uint32_t x[LOOKALIKE_NAME_MAX], y[LOOKALIKE_NAME_MAX];
	size_t nx = cps(a, x), ny = cps(b, y);
	return lookalike_distance(x, nx, y, ny, limit);
}

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(dist("office", "office", 2), 0);
	assert_int_equal(dist("office", "offcie", 2), 1);    /* swap of neighbours */
	assert_int_equal(dist("office", "offices", 2), 1);   /* insertion */
	assert_int_equal(dist("office", "ofice", 2), 1);     /* deletion */
	assert_int_equal(dist("office", "offlce", 2), 1);    /* substitution */
	assert_int_equal(dist("ca", "abc", 5), 3);           /* OSA, not full Damerau (2) */
	assert_int_equal(dist("office.com", "office365.com", 5), 3);
	assert_int_equal(dist("office.com", "office365.com", 2), 3);   /* limit + 1 */
	assert_int_equal(dist("", "abc", 5), 3);
}

static void test_skeleton(void **state)
{
	(void)state;
	const struct lookalike_data *d = &g_reg.lookalike;
	uint32_t a[LOOKALIKE_NAME_MAX], b[LOOKALIKE_NAME_MAX];
	size_t na = lookalike_skeleton(d, "microsoftonline.com", a, LOOKALIKE_NAME_MAX);
	/* rn -> m, 0 -> o, Cyrillic es (xn--) -> c: all read the same */
	static const char *const same[] = {"rnicrosoftonline.com", "micros0ftonline.com",
					   "xn--mirosoftonline-60l.com", "MICROSOFTONLINE.COM.",
					   "rnicr0s0ftonIine.com"};
	for (size_t i = 0; i < ARRAY_SIZE(same); i++) {
		size_t nb = lookalike_skeleton(d, same[i], b, LOOKALIKE_NAME_MAX);
		assert_int_equal(nb, na);
		assert_memory_equal(a, b, na * sizeof(*a));
	}
	/* i and 1 read as l: "office" becomes "offlce" */
	na = lookalike_skeleton(d, "office", a, LOOKALIKE_NAME_MAX);
	assert_int_equal(na, 6);
	assert_int_equal(a[3], 'l');
	/* the cap is respected */
	assert_int_equal(lookalike_skeleton(d, "microsoftonline.com", a, 4), 4);
	char buf[80];
	assert_string_equal(lookalike_unicode("login.xn--mirosoftonline-60l.com", buf, sizeof(buf)),
			    "login.mi\xd1\x81rosoftonline.com");
	assert_null(lookalike_unicode("microsoftonline.com", buf, sizeof(buf)));
}

/* The approved domain host imitates ("" for none), and why. */
static void expect(const char *host, const char *domain, enum lookalike_why why)
{
	expect_in(approved, NAPPROVED, host, domain, why);
}

static void test_true_positives(void **state)
{
	(void)state;
	/* extra labels */
	expect("microsoftonline.com.evil.example", "microsoftonline.com", LA_EXTRA_LABELS);
	expect("login.microsoftonline.com.evil.example", "microsoftonline.com", LA_EXTRA_LABELS);
	expect("office.com.example.net", "office.com", LA_EXTRA_LABELS);
	/* extra words */
	expect("login-microsoftonline.com", "microsoftonline.com", LA_EXTRA_WORDS);
	expect("microsoftonline-secure.net", "microsoftonline.com", LA_EXTRA_WORDS);
	expect("office-365.com", "office.com", LA_EXTRA_WORDS);
	/* a word that reads as the main label only through the mapping is a
	 * confusable (a failure), not an added word (a warning) */
	expect("www.login-rnicrosoftonline.com", "microsoftonline.com", LA_CONFUSABLE);
	/* confusable characters */
	expect("rnicrosoftonline.com", "microsoftonline.com", LA_CONFUSABLE);
	expect("login.rnicrosoftonline.com", "microsoftonline.com", LA_CONFUSABLE);
	expect("micros0ftonline.com", "microsoftonline.com", LA_CONFUSABLE);
	expect("0ffice.com", "office.com", LA_CONFUSABLE);
	expect("offlce.com", "office.com", LA_CONFUSABLE);
	expect("off1ce.com", "office.com", LA_CONFUSABLE);
	expect("zoorn.us", "zoom.us", LA_CONFUSABLE);
	expect("xn--mirosoftonline-60l.com", "microsoftonline.com", LA_CONFUSABLE);
	expect("xn--micrsoftonline-jgk.com", "microsoftonline.com", LA_CONFUSABLE);   /* Greek omicron */
	expect("exarnple.co.jp", "example.co.jp", LA_CONFUSABLE);
	/* edit distance: 1 for office (6), 2 for microsoftonline (15) */
	expect("offices.com", "office.com", LA_EDIT_DISTANCE);
	expect("offcie.com", "office.com", LA_EDIT_DISTANCE);
	expect("office.co", "office.com", LA_EDIT_DISTANCE);
	expect("microsoftonlnie.com", "microsoftonline.com", LA_EDIT_DISTANCE);
	expect("microsoftonlin.cm", "microsoftonline.com", LA_EDIT_DISTANCE);
	expect("examp1e-jp.co.jp", "example.co.jp", LA_CONFUSABLE);   /* 1 -> l, then a word */
	expect("exarnpel.co.jp", "example.co.jp", LA_EDIT_DISTANCE);   /* rn -> m, then a swap */
	expect("exanple-shop.co.jp", "", LA_NONE);   /* a near-miss word plus a word: 6 edits */
	expect("exmple.co.jp", "example.co.jp", LA_EDIT_DISTANCE);
	/* the number of edits comes back */
	enum lookalike_why w;
	unsigned edits;
	assert_int_equal(lookalike_match(&g_reg.lookalike, "microsoftonlin.cm", approved, NAPPROVED,
					 &w, &edits), 1);
	assert_int_equal(edits, 2);
}

static void test_false_positive_guards(void **state)
{
	(void)state;
	/* the approved domains, their subdomains, and names sharing the registrable part */
	expect("office.com", "", LA_NONE);
	expect("OFFICE.COM.", "", LA_NONE);
	expect("www.office.com", "", LA_NONE);
	expect("login.microsoftonline.com", "", LA_NONE);
	expect("aadcdn.msftauth.microsoftonline.com", "", LA_NONE);
	expect("us04web.zoom.us", "", LA_NONE);
	expect("mail.example.co.jp", "", LA_NONE);
	/* Microsoft's own other domains: 3 edits away, or another suffix */
	expect("office365.com", "", LA_NONE);
	expect("office.net", "", LA_NONE);
	expect("microsoft.com", "", LA_NONE);
	expect("microsoftonline.us", "", LA_NONE);
	/* unrelated names */
	expect("www.google.com", "", LA_NONE);
	expect("example.org", "", LA_NONE);
	expect("officedepot.com", "", LA_NONE);
	expect("zoominfo.com", "", LA_NONE);
	expect("test", "", LA_NONE);
	/* 4-letter names: no edit-distance match (room.us is a real neighbour of zoom.us) */
	expect("room.us", "", LA_NONE);
	expect("zoom-video.us", "", LA_NONE);   /* "zoom" is under 5 letters: no extra-words match */
	/* a subdomain label equal to an approved main label is not an imitation */
	expect("office.mycompany.example", "", LA_NONE);
	/* other Japanese companies under co.jp are not example.co.jp */
	expect("sample.co.jp", "", LA_NONE);
	/* IP addresses and empty or invalid names */
	expect("192.0.2.1", "", LA_NONE);
	expect("[2001:db8::1]", "", LA_NONE);
	expect("", "", LA_NONE);
	expect(".", "", LA_NONE);
	/* no approved domains: nothing is flagged */
	enum lookalike_why w;
	unsigned edits;
	assert_int_equal(lookalike_match(&g_reg.lookalike, "rnicrosoftonline.com", approved, 0, &w,
					 &edits), -1);
}

/* ---- the index against the plain comparison ------------------------------ */

static uint32_t g_rnd = 12345;
static uint32_t rnd(uint32_t n)
{
	g_rnd = g_rnd * 1103515245u + 12345u;
	return (g_rnd >> 8) % n;
}

/* host: a mutation of an approved name (each way a look-alike is made,
 * and the genuine ones), or a random name. */
static void mutate(const char *a, char *out, size_t cap)
{
	static const char alpha[] = "abcdefghijklmnopqrstuvwxyz0123456789-";
	static const char *const conf[][2] = {{"m", "rn"}, {"o", "0"}, {"l", "1"}, {"i", "l"},
					      {"w", "vv"}};
	char b[300];
	snprintf(b, sizeof(b), "%s", a);
	size_t n = strlen(b);
	int kind = (int)rnd(11);
	size_t at = n ? rnd((uint32_t)n) : 0;
	switch (kind) {
	case 0: b[at] = alpha[rnd(sizeof(alpha) - 1)]; break;          /* substitute */
	case 1: memmove(b + at, b + at + 1, n - at); break;            /* delete */
	case 2: memmove(b + at + 1, b + at, n - at + 1);               /* insert */
		b[at] = alpha[rnd(sizeof(alpha) - 1)]; break;
	case 3: if (at + 1 < n) { char t = b[at]; b[at] = b[at + 1]; b[at + 1] = t; } break;
	case 4: snprintf(out, cap, "%s.evil%u.example", a, rnd(9)); return;   /* extra labels */
	case 5: snprintf(out, cap, "login-%s", a); return;                     /* extra words */
	case 6: snprintf(out, cap, "www%u.%s", rnd(3), a); return;             /* subdomain */
	case 7: {                                                              /* confusable */
		const char *const *c = conf[rnd(5)];
		char *p = strstr(b, c[0]);
		if (p) {
			snprintf(out, cap, "%.*s%s%s", (int)(p - b), b, c[1], p + strlen(c[0]));
			return;
		}
		break;
	}
	case 8: /* two edits */
		b[at] = alpha[rnd(sizeof(alpha) - 1)];
		b[rnd((uint32_t)n)] = alpha[rnd(sizeof(alpha) - 1)];
		break;
	case 9: { /* random */
		size_t len = 3 + rnd(20);
		for (size_t i = 0; i < len; i++)
			b[i] = alpha[rnd(26)];
		snprintf(b + len, sizeof(b) - len, ".%s", rnd(2) ? "com" : "co.jp");
		break;
	}
	default: break;   /* the approved name itself */
	}
	snprintf(out, cap, "%s", b);
}

static void test_index_same_answer(void **state)
{
	(void)state;
	static const char *const words[] = {"microsoft", "office", "zoom", "example", "salesforce",
					    "google", "cybozu", "sakura", "rakuten", "dropbox",
					    "box", "line", "amazonaws", "cloudflare", "github"};
	static const char *const tlds[] = {"com", "net", "co.jp", "jp", "us", "ne.jp"};
	enum { NA = 120, NH = 6000 };
	static char abuf[NA][64];
	static const char *appr[NA];
	for (size_t i = 0; i < NA; i++) {
		snprintf(abuf[i], sizeof(abuf[i]), "%s%s%s.%s", words[rnd(15)],
			 rnd(2) ? "" : words[rnd(15)], rnd(4) ? "" : "-online", tlds[rnd(6)]);
		appr[i] = abuf[i];
	}
	appr[7] = "xn--mirosoftonline-60l.com";
	struct lookalike_index *ix = lookalike_index_new(&g_reg.lookalike, appr, NA);
	assert_non_null(ix);
	unsigned seen[5] = {0};
	for (size_t h = 0; h < NH; h++) {
		char host[300];
		mutate(appr[rnd(NA)], host, sizeof(host));
		enum lookalike_why w1, w2;
		unsigned e1, e2;
		long k1 = lookalike_match(&g_reg.lookalike, host, appr, NA, &w1, &e1);
		long k2 = lookalike_index_match(ix, host, &w2, &e2);
		if (k1 != k2 || w1 != w2 || e1 != e2)
			fail_msg("%s: plain %ld %s %u (%s), index %ld %s %u", host, k1, lookalike_why_name(w1),
				 e1, k1 >= 0 ? appr[k1] : "-", k2, lookalike_why_name(w2), e2);
		seen[w1]++;
	}
	/* every kind of answer was exercised */
	for (int w = 0; w < 5; w++)
		if (seen[w] < 50)
			fail_msg("only %u hosts answered %s", seen[w], lookalike_why_name(w));
	lookalike_index_free(ix);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_punycode),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_skeleton),
		cmocka_unit_test(test_true_positives),
		cmocka_unit_test(test_false_positive_guards),
		cmocka_unit_test(test_index_same_answer),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
