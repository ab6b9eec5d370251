/*
 * test_model.c — cmocka tests for the input bookkeeping of src/model.c
 * that every parser shares: input_unknown(), the one way a line not
 * understood is reported (issue 13 §2). The first INPUT_UNKNOWN_LISTED
 * lines get a note of their own at their line with the parser's text in
 * both languages; the rest are counted into one "N more" note at the
 * first of them, added once by input_unknown_end() (exactly at the cap:
 * none); every call is counted in lines_unknown. Expected texts are the
 * ones the helper's contract names (src/model.h), written here by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../src/model.h"

static size_t count_diags(const struct input *in)
{
	size_t n = 0;
	for (const struct diag *d = in->diags; d; d = d->next)
		n++;
	return n;
}

static const struct diag *nth_diag(const struct input *in, size_t k)
{
	const struct diag *d = in->diags;
	while (d && k--)
		d = d->next;
	assert_non_null(d);
	return d;
}

/* Calls input_unknown() for lines 10, 12, 14, …: n calls. */
static void unknown_lines(struct input *in, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		assert_int_equal(input_unknown(in, 10 + 2 * i, "this '%s' line is not understood (%u)",
					       "この '%s' の行は解釈できません（%u）", "zz", i + 1),
				 0);
}

/* Under the cap: one note per line, at that line, in both languages, and
 * no "N more" note. */
static void test_unknown_few(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.cfg");
	unknown_lines(&in, 3);
	assert_int_equal(in.lines_unknown, 3);
	assert_int_equal(input_unknown_end(&in), 0);
	assert_int_equal(count_diags(&in), 3);
	for (size_t k = 0; k < 3; k++) {
		const struct diag *d = nth_diag(&in, k);
		char en[64], ja[64];
		snprintf(en, sizeof(en), "this 'zz' line is not understood (%zu)", k + 1);
		snprintf(ja, sizeof(ja), "この 'zz' の行は解釈できません（%zu）", k + 1);
		assert_int_equal(d->level, DIAG_NOTE);
		assert_int_equal(d->line, 10 + 2 * k);
		assert_string_equal(d->msg, en);
		assert_string_equal(d->msg_ja, ja);
	}
	assert_int_equal(in.ndiag_errors, 0);
	assert_null(in.error);
	input_free(&in);
}

/* Exactly at the cap: every line named, no "N more" note. */
static void test_unknown_at_cap(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.cfg");
	unknown_lines(&in, INPUT_UNKNOWN_LISTED);
	assert_int_equal(input_unknown_end(&in), 0);
	assert_int_equal(count_diags(&in), INPUT_UNKNOWN_LISTED);
	assert_int_equal(nth_diag(&in, INPUT_UNKNOWN_LISTED - 1)->line,
			 10 + 2 * (INPUT_UNKNOWN_LISTED - 1));
	input_free(&in);
}

/* Past the cap: the cap's notes, then one note at the first line past
 * it counting the rest; a second input_unknown_end() adds nothing. */
static void test_unknown_past_cap(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.cfg");
	unknown_lines(&in, INPUT_UNKNOWN_LISTED + 4);
	assert_int_equal(in.lines_unknown, INPUT_UNKNOWN_LISTED + 4);
	assert_int_equal(count_diags(&in), INPUT_UNKNOWN_LISTED);
	assert_int_equal(input_unknown_end(&in), 0);
	assert_int_equal(input_unknown_end(&in), 0);
	assert_int_equal(count_diags(&in), INPUT_UNKNOWN_LISTED + 1);
	const struct diag *d = nth_diag(&in, INPUT_UNKNOWN_LISTED);
	assert_int_equal(d->level, DIAG_NOTE);
	assert_int_equal(d->line, 10 + 2 * INPUT_UNKNOWN_LISTED);   /* the 31st line */
	assert_string_equal(d->msg, "4 more line(s) not understood and not used by any check "
				    "(the first at this line)");
	assert_string_equal(d->msg_ja, "ほかに解釈できず、どの判定にも使っていない行が 4 行あります"
				       "（最初はこの行）");
	assert_null(d->next);
	assert_int_equal(in.ndiag_errors, 0);
	input_free(&in);
}

/* input_unknown_listed() says whether the next call gets a note. */
static void test_unknown_listed(void **state)
{
	(void)state;
	struct input in;
	input_init(&in, "f.cfg");
	assert_true(input_unknown_listed(&in));
	unknown_lines(&in, INPUT_UNKNOWN_LISTED - 1);
	assert_true(input_unknown_listed(&in));
	unknown_lines(&in, 1);
	assert_false(input_unknown_listed(&in));
	input_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_few),
		cmocka_unit_test(test_unknown_at_cap),
		cmocka_unit_test(test_unknown_past_cap),
		cmocka_unit_test(test_unknown_listed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
