/*
 * test_gz.c — cmocka tests for src/gz.c, gzip-compressed inputs:
 *  - gz_is on the RFC 1952 magic (1f 8b 08) and on text;
 *  - inflating from memory and from a descriptor (a pipe), in small reads,
 *    with gz_peek giving back the first bytes;
 *  - two members one after another (`cat a.gz b.gz`), read as one text;
 *  - bytes after the data: ignored and said (gz_trailing), zeros not said;
 *  - errors: truncated data, corrupt deflate data, a wrong CRC, past the
 *    max_bytes of gz_read_all (the limit named), the bomb guard (past
 *    GZ_BOMB_MIN_BYTES at more than GZ_BOMB_RATIO:1) on and off;
 *  - gz_fopen: a read that fails puts the reason on the input as an error.
 * The gzip data is made here with zlib's deflateInit2(windowBits 15+16).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "../../src/gz.h"
#include "../../src/model.h"

/* gzip of data[0..n) into a malloc'd buffer (*outn bytes). */
static unsigned char *gzip_mem(const void *data, size_t n, size_t *outn)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&z, n) + 64;
	unsigned char *out = malloc(cap);
	assert_non_null(out);
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*outn = cap - z.avail_out;
	deflateEnd(&z);
	return out;
}

static const char text[] =
	"# RTX830 Rev.15.02.30 (Fri Oct 11 12:00:00 2023)\n"
	"ip route default gateway pp 1\n"
	"pp select 1\n"
	" ip pp secure filter in 200030 200039\n";

/* Reads all of g in reads of step bytes. */
static size_t read_steps(struct gz *g, char *buf, size_t cap, size_t step)
{
	size_t n = 0;
	for (;;) {
		assert_true(n + step <= cap);
		ssize_t got = gz_read(g, buf + n, step);
		assert_true(got >= 0);
		if (got == 0)
			return n;
		n += (size_t)got;
	}
}

static void test_is(void **state)
{
	(void)state;
	assert_true(gz_is("\x1f\x8b\x08", 3));
	assert_false(gz_is("\x1f\x8b", 2));
	assert_false(gz_is("\x1f\x8b\x07", 3));   /* not deflate */
	assert_false(gz_is("config wifi-iface\n", 18));
	assert_false(gz_is("", 0));
}

static void test_memory_and_peek(void **state)
{
	(void)state;
	size_t zn;
	unsigned char *z = gzip_mem(text, strlen(text), &zn);
	struct gz *g = gz_open(-1, (const char *)z, zn, 0, false);
	assert_non_null(g);
	const char *h;
	size_t hn;
	assert_int_equal(gz_peek(g, 5, &h, &hn), 0);
	assert_int_equal(hn, 5);
	assert_memory_equal(h, "# RTX", 5);
	char buf[512];
	size_t n = read_steps(g, buf, sizeof(buf), 7);
	assert_int_equal(n, strlen(text));
	assert_memory_equal(buf, text, n);
	assert_false(gz_trailing(g));
	assert_string_equal(gz_error(g), "");
	gz_close(g);
	free(z);
}

static void test_pipe_two_members_trailing(void **state)
{
	(void)state;
	size_t an, bn;
	unsigned char *a = gzip_mem(text, 20, &an);
	unsigned char *b = gzip_mem(text + 20, strlen(text) - 20, &bn);
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	/* The first 3 bytes were read for the probe: given as raw. */
	assert_int_equal(write(fds[1], a + 3, an - 3), (ssize_t)(an - 3));
	assert_int_equal(write(fds[1], b, bn), (ssize_t)bn);
	assert_int_equal(write(fds[1], "junk", 4), 4);
	close(fds[1]);
	struct gz *g = gz_open(fds[0], (const char *)a, 3, 1000, false);
	assert_non_null(g);
	char buf[512];
	size_t n = read_steps(g, buf, sizeof(buf), 64);
	assert_int_equal(n, strlen(text));
	assert_memory_equal(buf, text, n);
	assert_true(gz_trailing(g));
	gz_close(g);
	/* Zeros after the data (tape padding) are not worth a note. */
	unsigned char *p = malloc(an + 16);
	assert_non_null(p);
	memcpy(p, a, an);
	memset(p + an, 0, 16);
	g = gz_open(-1, (const char *)p, an + 16, 0, false);
	n = read_steps(g, buf, sizeof(buf), 64);
	assert_int_equal(n, 20);
	assert_false(gz_trailing(g));
	gz_close(g);
	free(p);
	free(a);
	free(b);
}

/* gz_read_all over data, expecting rc and an error mentioning msg. */
static void expect_fail(const unsigned char *data, size_t n, size_t max, bool guard, int rc,
			const char *msg)
{
	struct gz *g = gz_open(-1, (const char *)data, n, 0, guard);
	assert_non_null(g);
	char *out = NULL;
	size_t on = 0;
	assert_int_equal(gz_read_all(g, max, &out, &on), rc);
	assert_null(out);
	if (!strstr(gz_error(g), msg))
		fail_msg("error is \"%s\", expected it to mention \"%s\"", gz_error(g), msg);
	gz_close(g);
}

static void test_errors(void **state)
{
	(void)state;
	size_t zn;
	unsigned char *z = gzip_mem(text, strlen(text), &zn);
	expect_fail(z, zn - 9, 1u << 20, false, EL_EPARSE,
		    "the gzip data is truncated: it ends after");
	unsigned char bad[64];
	memcpy(bad, z, 10);
	memset(bad + 10, 0xff, sizeof(bad) - 10);
	expect_fail(bad, sizeof(bad), 1u << 20, false, EL_EPARSE, "the gzip data is corrupt (");
	/* The CRC-32 of the member (its last 8 bytes: CRC, size) is wrong. */
	unsigned char *c = malloc(zn);
	assert_non_null(c);
	memcpy(c, z, zn);
	c[zn - 8] ^= 0x01;
	expect_fail(c, zn, 1u << 20, false, EL_EPARSE, "incorrect data check");
	struct gz *gc = gz_open(-1, (const char *)c, zn, 0, false);
	char *cout = NULL;
	size_t con = 0;
	assert_int_equal(gz_read_all(gc, 1u << 20, &cout, &con), EL_EPARSE);
	assert_string_equal(gz_error_ja(gc), "gzip のデータが壊れています（データのチェックサムが一致しません。"
					     "展開できたのは 129 バイト）");
	gz_close(gc);
	/* Cut: its Japanese names the bytes that came out, nothing English. */
	gc = gz_open(-1, (const char *)z, zn - 9, 0, false);
	assert_int_equal(gz_read_all(gc, 1u << 20, &cout, &con), EL_EPARSE);
	assert_non_null(strstr(gz_error_ja(gc), "gzip のデータが途中で終わっています（展開できたのは "));
	gz_close(gc);
	/* Past max_bytes (the text is 129 bytes): the limit is named; exactly
	 * max is fine. */
	expect_fail(z, zn, strlen(text) - 1, false, EL_ETOOBIG,
		    "decompresses to more than the limit of 128 bytes");
	struct gz *g = gz_open(-1, (const char *)z, zn, 0, false);
	char *out = NULL;
	size_t on = 0;
	assert_int_equal(gz_read_all(g, strlen(text), &out, &on), 0);
	assert_int_equal(on, strlen(text));
	assert_string_equal(out, text);
	free(out);
	gz_close(g);
	free(c);
	free(z);
}

/* A pipe that gives the first bytes and then stays silent (its writer
 * open): the read gives up after the timeout, in both languages. */
static void test_silent_pipe(void **state)
{
	(void)state;
	size_t zn;
	unsigned char *z = gzip_mem(text, strlen(text), &zn);
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], z + 3, 7), 7);
	struct gz *g = gz_open(fds[0], (const char *)z, 3, 100, false);
	assert_non_null(g);
	char *out = NULL;
	size_t on = 0;
	assert_int_equal(gz_read_all(g, 1u << 20, &out, &on), EL_EPARSE);
	assert_string_equal(gz_error(g),
			    "cannot read: nothing came for 0 seconds (a pipe or FIFO no one writes to?)");
	assert_string_equal(gz_error_ja(g), "読み込めません: 0 秒待っても何も届きませんでした"
					    "（書き込む側のいないパイプか FIFO ですか？）");
	gz_close(g);
	close(fds[1]);
	free(z);
}

static void test_bomb_guard(void **state)
{
	(void)state;
	/* Zeros: deflate's best ratio, about 1030:1. */
	size_t n = (size_t)GZ_BOMB_MIN_BYTES + (4u << 20);
	unsigned char *zeros = calloc(1, n);
	assert_non_null(zeros);
	size_t zn;
	unsigned char *z = gzip_mem(zeros, n, &zn);
	free(zeros);
	assert_true(zn * GZ_BOMB_RATIO < n);
	expect_fail(z, zn, SIZE_MAX / 4, true, EL_EPARSE, "times its compressed size");
	expect_fail(z, zn, SIZE_MAX / 4, true, EL_EPARSE, "refused as a gzip bomb");
	/* Off, the same data inflates whole. */
	struct gz *g = gz_open(-1, (const char *)z, zn, 0, true);
	gz_set_bomb_guard(g, false);
	char *out = NULL;
	size_t on = 0;
	assert_int_equal(gz_read_all(g, n, &out, &on), 0);
	assert_int_equal(on, n);
	free(out);
	gz_close(g);
	free(z);
}

static void test_fopen_error_on_input(void **state)
{
	(void)state;
	size_t zn;
	unsigned char *z = gzip_mem(text, strlen(text), &zn);
	struct input in;
	input_init(&in, "cut.pcap.gz");
	struct gz *g = gz_open(-1, (const char *)z, zn / 2, 0, true);
	FILE *f = gz_fopen(g, &in);
	assert_non_null(f);
	char buf[512];
	size_t got = fread(buf, 1, sizeof(buf), f);
	assert_true(got < strlen(text));
	assert_true(ferror(f));
	fclose(f);
	assert_non_null(in.error);
	if (strncmp(in.error, "cut.pcap.gz: the gzip data is truncated", 39) != 0)
		fail_msg("error is \"%s\"", in.error);
	assert_int_equal(in.ndiag_errors, 1);
	assert_non_null(strstr(in.diags->msg_ja, "gzip のデータが途中で終わっています"));
	input_free(&in);
	free(z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is),
		cmocka_unit_test(test_memory_and_peek),
		cmocka_unit_test(test_pipe_two_members_trailing),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_bomb_guard),
		cmocka_unit_test(test_silent_pipe),
		cmocka_unit_test(test_fopen_error_on_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
