/*
 * test_pktcur.c — cmocka tests for src/capture/pktcur.h, the bounds-checked
 * cursor every captured byte is read through: exact values of each
 * reader, refusal (and no movement) one byte short, sub-windows, limits,
 * copies into a bounded destination, peeks and searches.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/capture/pktcur.h"

static const uint8_t bytes[] = {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 'a', '\n'};

static void test_readers(void **state)
{
	(void)state;
	struct pktcur c;
	pc_init(&c, bytes, sizeof(bytes));
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	assert_int_equal(pc_u8(&c, &u8), 0);
	assert_int_equal(u8, 0x12);
	assert_int_equal(pc_be16(&c, &u16), 0);
	assert_int_equal(u16, 0x3456);
	assert_int_equal(pc_be24(&c, &u32), 0);
	assert_int_equal(u32, 0x789abc);
	assert_int_equal(pc_left(&c), 4);
	pc_init(&c, bytes, sizeof(bytes));
	assert_int_equal(pc_be32(&c, &u32), 0);
	assert_int_equal(u32, 0x12345678u);
	assert_int_equal(pc_le32(&c, &u32), 0);
	assert_int_equal(u32, 0xf0debc9au);
}

static void test_short_reads_do_not_move(void **state)
{
	(void)state;
	struct pktcur c;
	pc_init(&c, bytes, 3);
	uint32_t u32;
	uint16_t u16;
	assert_int_equal(pc_be32(&c, &u32), -1);
	assert_int_equal(c.off, 0);
	assert_int_equal(pc_skip(&c, 2), 0);
	assert_int_equal(pc_be16(&c, &u16), -1);
	assert_int_equal(c.off, 2);
	assert_int_equal(pc_skip(&c, 2), -1);
	assert_int_equal(pc_skip(&c, 1), 0);
	uint8_t u8;
	assert_int_equal(pc_u8(&c, &u8), -1);
	/* An empty cursor on NULL reads nothing. */
	pc_init(&c, NULL, 100);
	assert_int_equal(pc_left(&c), 0);
	assert_int_equal(pc_u8(&c, &u8), -1);
}

static void test_sub_limit_copy(void **state)
{
	(void)state;
	struct pktcur c, s;
	pc_init(&c, bytes, sizeof(bytes));
	assert_int_equal(pc_sub(&c, 4, &s), 0);
	assert_int_equal(pc_left(&s), 4);
	assert_int_equal(pc_left(&c), 6);
	assert_int_equal(pc_sub(&c, 7, &s), -1);
	pc_limit(&c, 2);
	assert_int_equal(pc_left(&c), 2);
	pc_limit(&c, 50);   /* never widens */
	assert_int_equal(pc_left(&c), 2);
	uint8_t out[4] = {0};
	assert_int_equal(pc_copy_at(&c, out, sizeof(out), 3, 2), -1);   /* past dst */
	assert_int_equal(pc_copy_at(&c, out, sizeof(out), 2, 2), 0);
	assert_int_equal(out[2], 0x9a);
	assert_int_equal(out[3], 0xbc);
	assert_int_equal(pc_left(&c), 0);
	pc_init(&c, bytes, sizeof(bytes));
	pc_rest(&c, &s);
	assert_int_equal(pc_left(&s), sizeof(bytes));
	uint8_t b;
	assert_int_equal(pc_peek(&c, 8, &b), 0);
	assert_int_equal(b, 'a');
	assert_int_equal(pc_peek(&c, 10, &b), -1);
	assert_int_equal(pc_find(&c, '\n'), 9);
	assert_int_equal(pc_find(&c, 'z'), -1);
	assert_true(pc_match(&c, "\x12\x34", 2));
	assert_false(pc_match(&c, "\x12\x35", 2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readers),
		cmocka_unit_test(test_short_reads_do_not_move),
		cmocka_unit_test(test_sub_limit_copy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
