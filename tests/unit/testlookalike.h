/*
 * testlookalike.h — the check the look-alike unit tests share: which
 * domain of a list a host imitates, and why, by lookalike_match and by
 * the index alike (needs testctx.h's g_reg).
 */
#ifndef EDGELINT_TESTLOOKALIKE_H
#define EDGELINT_TESTLOOKALIKE_H

#include "../../src/lookalike.h"

/* The domain of list[0..n) host imitates ("" for none), and why; the
 * index gives the same answer (domain, why and edits). */
static void expect_in(const char *const *list, size_t n, const char *host, const char *domain,
		      enum lookalike_why why)
{
	enum lookalike_why w, w2;
	unsigned edits, edits2;
	long k = lookalike_match(&g_reg.lookalike, host, list, n, &w, &edits);
	struct lookalike_index *ix = lookalike_index_new(&g_reg.lookalike, list, n);
	assert_non_null(ix);
	assert_int_equal(lookalike_index_match(ix, host, &w2, &edits2), k);
	assert_int_equal(w2, w);
	assert_int_equal(edits2, edits);
	lookalike_index_free(ix);
	if (!*domain) {
		if (k >= 0)
			fail_msg("%s flagged as imitating %s (%s)", host, list[k],
				 lookalike_why_name(w));
		assert_int_equal(w, LA_NONE);
		return;
	}
	if (k < 0)
		fail_msg("%s not flagged (expected %s)", host, domain);
	assert_string_equal(list[k], domain);
	assert_string_equal(lookalike_why_name(w), lookalike_why_name(why));
}

#endif
