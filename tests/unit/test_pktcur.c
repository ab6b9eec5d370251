/*
 * test_pktcur.c — cmocka tests for src/capture/pktcur.h, the bounds-checked
 * cursor every captured byte is read through: exact values of each
 * reader, refusal (and no movement) one byte short, sub-windows, limits,
 * copies into a bounded destination, peeks and searches; the named
 * header layouts of src/capture/hdr.h laid over the bytes with pc_take()
 * and pc_view(), and their field accessors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/capture/hdr.h"
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

/* A UDP header (RFC 768) and 2 bytes of payload: sport 53, dport 1234,
 * length 10, checksum 0xbeef. */
static void test_layouts(void **state)
{
	(void)state;
	static const uint8_t udp[] = {0x00, 0x35, 0x04, 0xd2, 0x00, 0x0a, 0xbe, 0xef, 'h', 'i'};
	struct pktcur c;
	pc_init(&c, udp, 7);   /* one byte short of the header */
	assert_null(pc_view(&c, sizeof(struct udp_hdr)));
	assert_null(PC_TAKE(&c, struct udp_hdr));
	assert_int_equal(c.off, 0);
	pc_init(&c, udp, sizeof(udp));
	assert_null(pc_view(&c, 0));
	assert_non_null(pc_view(&c, sizeof(struct udp_hdr)));
	assert_int_equal(c.off, 0);   /* a view does not move */
	const struct udp_hdr *uh = PC_TAKE(&c, struct udp_hdr);
	assert_non_null(uh);
	assert_int_equal(c.off, 8);
	assert_int_equal(GET_BE_U_2(uh->uh_sport), 53);
	assert_int_equal(GET_BE_U_2(uh->uh_dport), 1234);
	assert_int_equal(GET_BE_U_2(uh->uh_ulen), 10);
	assert_int_equal(GET_BE_U_2(uh->uh_sum), 0xbeef);
	assert_int_equal(pc_left(&c), 2);
	/* 32-bit fields both ways, a byte field, a copied address */
	static const uint8_t ip[20] = {0x45, 0, 0x00, 0x54, 0, 0, 0x20, 0x01, 64, 6, 0, 0,
				       192, 0, 2, 1, 198, 51, 100, 7};
	pc_init(&c, ip, sizeof(ip));
	const struct ip4_hdr *h = PC_TAKE(&c, struct ip4_hdr);
	assert_non_null(h);
	assert_int_equal(IP_V(h), 4);
	assert_int_equal(IP_HL(h), 5);
	assert_int_equal(GET_BE_U_2(h->ip_len), 84);
	assert_int_equal(GET_BE_U_2(h->ip_off) & IP_OFFMASK, 1);
	assert_true(GET_BE_U_2(h->ip_off) & IP_MF);
	assert_int_equal(GET_U_1(h->ip_p), 6);
	uint8_t dst[4];
	GET_CPY_BYTES(dst, h->ip_dst);
	assert_memory_equal(dst, "\xc6\x33\x64\x07", 4);
	const struct null_hdr *nh = (const struct null_hdr *)pc_view(&(struct pktcur){bytes, 4, 0}, 4);
	assert_non_null(nh);
	assert_int_equal(GET_BE_U_4(nh->null_family), 0x12345678u);
	assert_int_equal(GET_LE_U_4(nh->null_family), 0x78563412u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readers),
		cmocka_unit_test(test_short_reads_do_not_move),
		cmocka_unit_test(test_sub_limit_copy),
		cmocka_unit_test(test_layouts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
