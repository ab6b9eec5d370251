/*
 * test_version.c — cmocka tests for src/version.c (version_cmp): numbers
 * compared in order and numerically ("1.09" < "1.10"), vendor prefixes
 * ignored ("V5.110.27.21" == "5.110.27.21", "Rev.15.02.30"), bracketed
 * parts ("9.12(4)67"), missing trailing parts count as zero ("1.0" ==
 * "1"), symmetry, and strings without digits (-1, *cmp untouched).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/version.h"

/* version_cmp(a, b) and version_cmp(b, a) must both succeed and agree. */
static void check(const char *a, const char *b, int want)
{
	int c = 99;
	assert_int_equal(version_cmp(a, b, &c), 0);
	assert_int_equal(c, want);
	c = 99;
	assert_int_equal(version_cmp(b, a, &c), 0);
	assert_int_equal(c, -want);
}

static void test_numeric_not_lexical(void **state)
{
	(void)state;
	check("1.09", "1.10", -1);
	check("1.9", "1.10", -1);
	check("1.09", "1.9", 0);    /* leading zeros do not count */
	check("2.0", "10.0", -1);
	check("1.10", "1.10", 0);
}

static void test_vendor_formats(void **state)
{
	(void)state;
	check("Rev.15.02.30", "Rev.15.02.17", 1);
	check("Rev.15.02.30", "Rev.15.02.30", 0);
	check("Rev.15.2.30", "Rev.15.02.30", 0);
	check("Rev.14.01.42", "Rev.15.02.17", -1);
	check("V5.110.27.21", "5.110.27.21", 0);
	check("V5.110.27.21", "5.110.27.22", -1);
	check("9.12(4)67", "9.12(4)5", 1);
	check("9.12(4)67", "9.12(4)67", 0);
	check("9.8(4)", "9.12(1)", -1);
	check("3.0.0.4.386_51665", "3.0.0.4.388_22068", -1);
	check("1.0.1 Build 20230811", "1.0.1 Build 20230601", 1);
}

static void test_missing_parts_are_zero(void **state)
{
	(void)state;
	check("1.0", "1", 0);
	check("1.0.0.0", "1", 0);
	check("1.0.1", "1", 1);
	check("2", "1.99", 1);
}

static void test_no_digits(void **state)
{
	(void)state;
	int c = 42;
	assert_int_equal(version_cmp("abc", "1.0", &c), -1);
	assert_int_equal(version_cmp("1.0", "latest", &c), -1);
	assert_int_equal(version_cmp("", "", &c), -1);
	assert_int_equal(version_cmp("Rev.", "Rev.1", &c), -1);
	assert_int_equal(c, 42);
}

static void test_many_parts(void **state)
{
	(void)state;
	check("1.2.3.4.5.6.7.8", "1.2.3.4.5.6.7.9", -1);
	/* Regression (found by these tests, fixed): version.c keeps at most 8 numbers (VERSION_MAX_PARTS) and
	 * silently drops the rest, so versions that differ only in a ninth
	 * number compare equal: "1.2.3.4.5.6.7.8.9" vs "1.2.3.4.5.6.7.8.10"
	 * gives 0, expected -1. */

	check("1.2.3.4.5.6.7.8.9", "1.2.3.4.5.6.7.8.10", -1);
}

static void test_huge_numbers(void **state)
{
	(void)state;
	/* Numbers are clamped, never overflowed; order among normal sizes holds. */
	check("99999999999999999999999", "1", 1);
	check("1.123456789", "1.123456788", 1);
}

static void test_ten_digit_numbers(void **state)
{
	(void)state;
	/* Regression (found by these tests, fixed): version.c stops accumulating a number once it reaches 10^8,
	 * so numbers of ten or more digits that differ after the ninth digit
	 * compare equal: build stamps "2023081101" vs "2023081102" give 0,
	 * expected -1. */

	check("1.0 build 2023081101", "1.0 build 2023081102", -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numeric_not_lexical),
		cmocka_unit_test(test_vendor_formats),
		cmocka_unit_test(test_missing_parts_are_zero),
		cmocka_unit_test(test_no_digits),
		cmocka_unit_test(test_many_parts),
		cmocka_unit_test(test_huge_numbers),
		cmocka_unit_test(test_ten_digit_numbers),
	};
	return cmocka_run_group_tests_name("version", tests, NULL, NULL);
}
