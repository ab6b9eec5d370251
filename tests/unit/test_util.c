/*
 * test_util.c — cmocka tests for src/util.c: the arena (zeroed memory,
 * strndup/printf, many allocations across chunks, allocations larger than
 * a chunk, alignment, reuse after free), the bounded string buffer (the
 * maximum is enforced and leaves the buffer unchanged, printf past the
 * 256-byte fast path), the string cursor (cur_word, cur_char, cur_uint
 * limits), the string helpers (str_ieq_n, str_icontains, str_lower,
 * str_to_long, str_glob), the date helpers (date_days, date_parse with
 * leap years and month-only dates, date_format round trips) and the file
 * helpers (file_read_all limits and errors, file_write_atomic creating,
 * replacing and failing cleanly without leaving a temporary file).
 *
 * Temporary files live in a mkdtemp directory under /tmp, removed at the
 * end of each test.
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

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/util.h"

/* ---- helpers ------------------------------------------------------------ */

static char *make_tmpdir(void)
{
	char *d = strdup("/tmp/el-util-XXXXXX");
	assert_non_null(d);
	assert_non_null(mkdtemp(d));
	return d;
}

/* Removes every plain file in d, then d itself. */
static void remove_tmpdir(char *d)
{
	DIR *dir = opendir(d);
	if (dir) {
		struct dirent *e;
		while ((e = readdir(dir)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char p[PATH_MAX];
			snprintf(p, sizeof(p), "%s/%s", d, e->d_name);
			struct stat st;
			if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
				rmdir(p);
			else
				unlink(p);
		}
		closedir(dir);
	}
	rmdir(d);
	free(d);
}

/* Number of entries in d other than "." and "..". */
static int count_entries(const char *d)
{
	DIR *dir = opendir(d);
	assert_non_null(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(dir);
	return n;
}

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*n = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

/* ---- arena ----------------------------------------------------------- */

static void test_arena_alloc_zeroed_and_aligned(void **state)
{
	(void)state;
	struct arena a = {0};
	/* Dirty a chunk, free it, allocate again: memory must come back zeroed. */
	unsigned char *p = arena_alloc(&a, 100);
	assert_non_null(p);
	memset(p, 0xAB, 100);
	arena_free(&a);
	assert_null(a.head);
	assert_int_equal(a.used_total, 0);
	for (int k = 0; k < 50; k++) {
		unsigned char *q = arena_alloc(&a, 37);
		assert_non_null(q);
		assert_int_equal((uintptr_t)q % _Alignof(max_align_t), 0);
		for (int i = 0; i < 37; i++)
			assert_int_equal(q[i], 0);
		memset(q, 0xCD, 37);
	}
	/* 37 rounds up to a multiple of the alignment. */
	size_t al = sizeof(max_align_t);
	assert_int_equal(a.used_total, 50 * ((37 + al - 1) / al * al));
	arena_free(&a);
}

static void test_arena_strndup_strdup_printf(void **state)
{
	(void)state;
	struct arena a = {0};
	char *s = arena_strndup(&a, "hello world", 5);
	assert_string_equal(s, "hello");
	char *e = arena_strndup(&a, "xyz", 0);
	assert_non_null(e);
	assert_string_equal(e, "");
	char *d = arena_strdup(&a, "edgelint");
	assert_string_equal(d, "edgelint");
	/* Embedded NUL: n bytes are copied as they are. */
	char *z = arena_strndup(&a, "ab\0cd", 5);
	assert_memory_equal(z, "ab\0cd\0", 6);
	char *f = arena_printf(&a, "%s:%u: %d%%", "x.yaml", 12u, -3);
	assert_string_equal(f, "x.yaml:12: -3%");
	/* A formatted string longer than one chunk (8 KiB). */
	char *big = arena_printf(&a, "%020000d|", 7);
	assert_non_null(big);
	assert_int_equal(strlen(big), 20001);
	assert_int_equal(big[19999], '7');
	assert_int_equal(big[0], '0');
	assert_int_equal(big[20000], '|');
	/* Texts of every length up to past a chunk, formatted where the
	 * current chunk has room or not: each as snprintf writes it, none
	 * overwritten by a later one. */
	enum { NP = 3000 };
	static char *got[NP];
	for (int i = 0; i < NP; i++) {
		got[i] = arena_printf(&a, "%0*d|%s", (i * 7) % 9000, i, i % 2 ? "x" : "");
		assert_non_null(got[i]);
	}
	for (int i = 0; i < NP; i++) {
		char want[9100];
		snprintf(want, sizeof(want), "%0*d|%s", (i * 7) % 9000, i, i % 2 ? "x" : "");
		assert_string_equal(got[i], want);
	}
	/* Earlier strings are untouched by later allocations. */
	assert_string_equal(s, "hello");
	assert_string_equal(d, "edgelint");
	assert_string_equal(f, "x.yaml:12: -3%");
	arena_free(&a);
}

static void test_arena_many_allocations_span_chunks(void **state)
{
	(void)state;
	struct arena a = {0};
	enum { N = 2000, SZ = 100 };
	unsigned char *ptrs[N];
	for (int i = 0; i < N; i++) {
		ptrs[i] = arena_alloc(&a, SZ);
		assert_non_null(ptrs[i]);
		memset(ptrs[i], i & 0xFF, SZ);
	}
	/* 2000 rounded-up blocks: far more than one 8 KiB chunk holds. */
	size_t al = sizeof(max_align_t);
	assert_int_equal(a.used_total, (size_t)N * ((SZ + al - 1) / al * al));
	assert_true(a.used_total > 10 * 8192);
	for (int i = 0; i < N; i++)
		for (int j = 0; j < SZ; j++)
			assert_int_equal(ptrs[i][j], i & 0xFF);
	arena_free(&a);
}

/* arena_shrink gives back the end of the newest block only; a block too
 * big for a chunk goes behind the current chunk, whose room stays in use. */
static void test_arena_shrink_and_big_block_placement(void **state)
{
	(void)state;
	struct arena a = {0};
	size_t al = sizeof(max_align_t);
	unsigned char *p = arena_alloc_raw(&a, 10 * al);
	assert_non_null(p);
	memset(p, 0x11, 10 * al);
	assert_int_equal(a.used_total, 10 * al);
	arena_shrink(&a, p, 10 * al, 3 * al + 1);   /* keeps 4 aligned units */
	assert_int_equal(a.used_total, 4 * al);
	unsigned char *q = arena_alloc(&a, al);
	assert_ptr_equal(q, p + 4 * al);            /* the room given back is reused */
	assert_int_equal(q[0], 0);
	/* p is no longer the newest block: nothing is given back. */
	arena_shrink(&a, p, 4 * al, 0);
	assert_int_equal(a.used_total, 5 * al);
	/* Growing the kept part is not a shrink. */
	arena_shrink(&a, q, al, 2 * al);
	assert_int_equal(a.used_total, 5 * al);
	/* A 64 KiB block does not fit a chunk of this arena: it gets its own,
	 * and the next small block still comes from the current chunk. */
	unsigned char *big = arena_alloc_raw(&a, 65536);
	assert_non_null(big);
	unsigned char *r = arena_alloc(&a, al);
	assert_ptr_equal(r, q + al);
	assert_int_equal(a.used_total, 6 * al + 65536);
	arena_free(&a);
}

static void test_arena_big_allocation(void **state)
{
	(void)state;
	struct arena a = {0};
	char *small = arena_strdup(&a, "before");
	unsigned char *big = arena_alloc(&a, 1u << 20);
	assert_non_null(big);
	for (size_t i = 0; i < (1u << 20); i += 4093)
		assert_int_equal(big[i], 0);
	assert_int_equal(big[(1u << 20) - 1], 0);
	memset(big, 0xEE, 1u << 20);
	char *after = arena_strdup(&a, "after");
	assert_string_equal(small, "before");
	assert_string_equal(after, "after");
	assert_true(a.used_total >= (1u << 20) + 2 * sizeof(max_align_t));
	/* A request that cannot be rounded up fails instead of wrapping. */
	assert_null(arena_alloc(&a, SIZE_MAX - 2));
	assert_null(arena_strndup(&a, "x", SIZE_MAX));
	arena_free(&a);
	/* Reusable after free. */
	assert_string_equal(arena_strdup(&a, "again"), "again");
	arena_free(&a);
}

/* ---- strbuf ------------------------------------------------------------ */

static void test_strbuf_basic(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb, 100);
	assert_string_equal(sb_str(&sb), "");
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb_adds(&sb, "abc"), 0);
	assert_int_equal(sb_add(&sb, "defgh", 2), 0);
	assert_string_equal(sb_str(&sb), "abcde");
	assert_int_equal(sb.len, 5);
	assert_int_equal(sb_printf(&sb, "-%d-%s", 42, "x"), 0);
	assert_string_equal(sb_str(&sb), "abcde-42-x");
	sb_reset(&sb);
	assert_string_equal(sb_str(&sb), "");
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb_adds(&sb, "z"), 0);
	assert_string_equal(sb_str(&sb), "z");
	sb_free(&sb);
	assert_null(sb.buf);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb_str(&sb), "");
	/* Reusable after free, with the same maximum. */
	assert_int_equal(sb_adds(&sb, "again"), 0);
	assert_string_equal(sb_str(&sb), "again");
	sb_free(&sb);
}

static void test_strbuf_max_enforced(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb, 10);
	assert_int_equal(sb_adds(&sb, "hello"), 0);
	/* 5 + 6 = 11 > 10: refused, contents unchanged. */
	assert_int_equal(sb_adds(&sb, "world!"), EL_ETOOBIG);
	assert_string_equal(sb_str(&sb), "hello");
	assert_int_equal(sb.len, 5);
	/* Exactly up to the maximum is fine. */
	assert_int_equal(sb_adds(&sb, "world"), 0);
	assert_string_equal(sb_str(&sb), "helloworld");
	assert_int_equal(sb.len, 10);
	assert_true(sb.cap <= 11);
	/* Full: even one more byte is refused; an empty add is not. */
	assert_int_equal(sb_adds(&sb, "x"), EL_ETOOBIG);
	assert_int_equal(sb_add(&sb, "", 0), 0);
	assert_string_equal(sb_str(&sb), "helloworld");
	/* A huge n must not wrap around the check. */
	assert_int_equal(sb_add(&sb, "x", SIZE_MAX), EL_ETOOBIG);
	assert_int_equal(sb_printf(&sb, "%d", 1), EL_ETOOBIG);
	assert_string_equal(sb_str(&sb), "helloworld");
	assert_int_equal(sb.len, 10);
	sb_free(&sb);

	sb_init(&sb, 0);
	assert_int_equal(sb_adds(&sb, "a"), EL_ETOOBIG);
	assert_string_equal(sb_str(&sb), "");
	sb_free(&sb);
}

static void test_strbuf_printf_long(void **state)
{
	(void)state;
	char longs[1001];
	for (int i = 0; i < 1000; i++)
		longs[i] = (char)('a' + i % 26);
	longs[1000] = '\0';
	struct strbuf sb;
	sb_init(&sb, 4096);
	assert_int_equal(sb_adds(&sb, "<"), 0);
	assert_int_equal(sb_printf(&sb, "%s|%s", longs, "end"), 0);
	assert_int_equal(sb.len, 1 + 1000 + 4);
	assert_memory_equal(sb.buf + 1, longs, 1000);
	assert_string_equal(sb.buf + 1001, "|end");
	/* Exactly 256 characters: the first size that misses the fast path. */
	sb_reset(&sb);
	assert_int_equal(sb_printf(&sb, "%.256s", longs), 0);
	assert_int_equal(sb.len, 256);
	assert_memory_equal(sb.buf, longs, 256);
	assert_int_equal(sb.buf[256], '\0');
	/* A long printf past the maximum is refused and changes nothing. */
	sb_reset(&sb);
	assert_int_equal(sb_adds(&sb, "keep"), 0);
	struct strbuf small;
	sb_init(&small, 300);
	assert_int_equal(sb_adds(&small, "keep"), 0);
	assert_int_equal(sb_printf(&small, "%s", longs), EL_ETOOBIG);
	assert_string_equal(sb_str(&small), "keep");
	assert_int_equal(small.len, 4);
	sb_free(&small);
	sb_free(&sb);
}

/* ---- cursor ------------------------------------------------------------- */

static void test_cursor_words(void **state)
{
	(void)state;
	const char *line = "  ip filter\t10 pass\r\n";
	struct cursor c;
	cur_init(&c, line, strlen(line));
	const char *w;
	size_t wn;
	assert_int_equal(cur_word(&c, &w, &wn), 0);
	assert_int_equal(wn, 2);
	assert_memory_equal(w, "ip", 2);
	assert_int_equal(cur_word(&c, &w, &wn), 0);
	assert_int_equal(wn, 6);
	assert_memory_equal(w, "filter", 6);
	cur_skip_blank(&c);
	unsigned long v = 0;
	assert_int_equal(cur_uint(&c, 65535, &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(cur_word(&c, &w, &wn), 0);
	assert_int_equal(wn, 4);
	assert_memory_equal(w, "pass", 4);
	/* Only "\r\n" is left: no more words; the cursor stays at '\r'. */
	assert_int_equal(cur_word(&c, &w, &wn), -1);
	assert_int_equal(cur_left(&c), 2);
	assert_int_equal(cur_char(&c, '\n'), -1);
	assert_int_equal(cur_char(&c, '\r'), 0);
	assert_int_equal(cur_char(&c, '\n'), 0);
	assert_true(cur_eof(&c));
	assert_int_equal(cur_char(&c, '\n'), -1);
	assert_int_equal(cur_word(&c, &w, &wn), -1);

	/* The cursor never reads past its end, even without a NUL there. */
	char buf[3] = {'a', 'b', 'c'};
	cur_init(&c, buf, 2);
	assert_int_equal(cur_word(&c, &w, &wn), 0);
	assert_int_equal(wn, 2);
	assert_true(cur_eof(&c));
}

static void test_cursor_uint_limits(void **state)
{
	(void)state;
	struct cursor c;
	unsigned long v = 777;
	cur_init(&c, "65535x", 6);
	assert_int_equal(cur_uint(&c, 65535, &v), 0);
	assert_int_equal(v, 65535);
	assert_int_equal(cur_left(&c), 1);
	assert_int_equal(*c.p, 'x');

	/* One past the maximum: refused, cursor and output untouched. */
	v = 777;
	cur_init(&c, "65536", 5);
	assert_int_equal(cur_uint(&c, 65535, &v), -1);
	assert_int_equal(v, 777);
	assert_int_equal(cur_left(&c), 5);

	cur_init(&c, "255", 3);
	assert_int_equal(cur_uint(&c, 255, &v), 0);
	assert_int_equal(v, 255);
	cur_init(&c, "256", 3);
	assert_int_equal(cur_uint(&c, 255, &v), -1);
	cur_init(&c, "300", 3);
	assert_int_equal(cur_uint(&c, 255, &v), -1);
	cur_init(&c, "0007", 4);
	assert_int_equal(cur_uint(&c, 9, &v), 0);
	assert_int_equal(v, 7);

	/* The full range of unsigned long, and one more. */
	char maxs[32], over[32];
	snprintf(maxs, sizeof(maxs), "%lu", ULONG_MAX);
	snprintf(over, sizeof(over), "%lu0", ULONG_MAX / 10 + 1);
	cur_init(&c, maxs, strlen(maxs));
	assert_int_equal(cur_uint(&c, ULONG_MAX, &v), 0);
	assert_true(v == ULONG_MAX);
	assert_true(cur_eof(&c));
	cur_init(&c, "18446744073709551616", 20);
	assert_int_equal(cur_uint(&c, ULONG_MAX, &v), -1);
	cur_init(&c, over, strlen(over));
	assert_int_equal(cur_uint(&c, ULONG_MAX, &v), -1);
	assert_int_equal(cur_left(&c), strlen(over));

	/* No digits at all. */
	cur_init(&c, "-1", 2);
	assert_int_equal(cur_uint(&c, 100, &v), -1);
	assert_int_equal(cur_left(&c), 2);
	cur_init(&c, "", 0);
	assert_int_equal(cur_uint(&c, 100, &v), -1);
}

static void test_cursor_uint_digit_above_small_max(void **state)
{
	(void)state;
	/* Regression (found by these tests, fixed): util.c cur_uint computes (max - d) / 10 in unsigned arithmetic;
	 * when the first digit d is larger than max, max - d wraps around and
	 * the check passes, so "7" is accepted with max 5 (out = 7 > max). */

	struct cursor c;
	unsigned long v = 0;
	cur_init(&c, "7", 1);
	assert_int_equal(cur_uint(&c, 5, &v), -1);
	cur_init(&c, "9", 1);
	assert_int_equal(cur_uint(&c, 0, &v), -1);
}

/* ---- strings ------------------------------------------------------------ */

static void test_str_ieq_n(void **state)
{
	(void)state;
	assert_true(str_ieq_n("HeLLo", 5, "hello"));
	assert_true(str_ieq_n("hello world", 5, "HELLO"));
	assert_false(str_ieq_n("hell", 4, "hello"));
	assert_false(str_ieq_n("hello!", 6, "hello"));
	assert_false(str_ieq_n("hellp", 5, "hello"));
	assert_true(str_ieq_n("", 0, ""));
	assert_false(str_ieq_n("", 0, "a"));
	/* Only ASCII folds: bytes >= 0x80 compare as they are. */
	assert_true(str_ieq_n("\xE3\x81\xAA", 3, "\xE3\x81\xAA"));
	assert_false(str_ieq_n("\xC3\xA9", 2, "\xC3\x89"));
}

static void test_str_icontains_lower(void **state)
{
	(void)state;
	const char *s = "Buffalo-G-1234";
	assert_true(str_icontains(s, strlen(s), "buffalo", 7));
	assert_true(str_icontains(s, strlen(s), "G-12", 4));
	assert_true(str_icontains(s, strlen(s), "1234", 4));  /* at the very end */
	assert_false(str_icontains(s, strlen(s), "12345", 5));
	assert_false(str_icontains(s, 7, "G", 1));  /* outside the counted length */
	assert_true(str_icontains(s, strlen(s), "", 0));
	assert_false(str_icontains("ab", 2, "abc", 3));
	assert_false(str_icontains("aab", 3, "abb", 3));
	assert_true(str_icontains("aaab", 4, "AAB", 3));

	char out[8];
	str_lower(out, sizeof(out), "ABCdefGHIJ", 10);
	assert_string_equal(out, "abcdefg");  /* truncated, NUL-terminated */
	str_lower(out, sizeof(out), "XY", 1);
	assert_string_equal(out, "x");
	out[0] = 'q';
	str_lower(out, 0, "AB", 2);  /* size 0: nothing written */
	assert_int_equal(out[0], 'q');
}

static void test_str_to_long(void **state)
{
	(void)state;
	long v = 99;
	assert_int_equal(str_to_long("42", 0, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(str_to_long("-5", -10, 10, &v), 0);
	assert_int_equal(v, -5);
	assert_int_equal(str_to_long("0", 0, 0, &v), 0);
	assert_int_equal(v, 0);
	/* Range ends are inclusive; one past is refused. */
	assert_int_equal(str_to_long("8", 8, 63, &v), 0);
	assert_int_equal(str_to_long("63", 8, 63, &v), 0);
	assert_int_equal(v, 63);
	v = 99;
	assert_int_equal(str_to_long("7", 8, 63, &v), -1);
	assert_int_equal(str_to_long("64", 8, 63, &v), -1);
	assert_int_equal(v, 99);
	/* Garbage and partial numbers. */
	assert_int_equal(str_to_long("", 0, 100, &v), -1);
	assert_int_equal(str_to_long(NULL, 0, 100, &v), -1);
	assert_int_equal(str_to_long("12abc", 0, 100, &v), -1);
	assert_int_equal(str_to_long("12 ", 0, 100, &v), -1);
	assert_int_equal(str_to_long("1.5", 0, 100, &v), -1);
	assert_int_equal(str_to_long("abc", 0, 100, &v), -1);
	assert_int_equal(str_to_long("0x10", 0, 100, &v), -1);
	assert_int_equal(str_to_long("-", 0, 100, &v), -1);
	/* Overflow of long itself. */
	assert_int_equal(str_to_long("99999999999999999999", LONG_MIN, LONG_MAX, &v), -1);
	assert_int_equal(str_to_long("-99999999999999999999", LONG_MIN, LONG_MAX, &v), -1);
	char buf[32];
	snprintf(buf, sizeof(buf), "%ld", LONG_MAX);
	assert_int_equal(str_to_long(buf, LONG_MIN, LONG_MAX, &v), 0);
	assert_true(v == LONG_MAX);
}

static void test_str_to_long_leading_space(void **state)
{
	(void)state;
	/* Regression (found by these tests, fixed): util.c str_to_long promises "a decimal integer ... from the
	 * whole of s" but strtol skips leading white space, so " 12" and
	 * "\t12" are accepted as 12 (a quoted policy value " 12" passes). */

	long v = 0;
	assert_int_equal(str_to_long(" 12", 0, 100, &v), -1);
	assert_int_equal(str_to_long("\n12", 0, 100, &v), -1);
}

static void test_str_glob(void **state)
{
	(void)state;
	assert_true(str_glob("*", ""));
	assert_true(str_glob("*", "anything at all"));
	assert_true(str_glob("", ""));
	assert_false(str_glob("", "a"));
	assert_true(str_glob("a?c", "abc"));
	assert_false(str_glob("a?c", "ac"));
	assert_false(str_glob("a?c", "abbc"));
	assert_true(str_glob("???", "xyz"));
	assert_false(str_glob("???", "xy"));
	assert_true(str_glob("samples/*.yaml", "samples/x.yaml"));
	assert_true(str_glob("samples/*.yaml", "samples/.yaml"));
	assert_false(str_glob("samples/*.yaml", "samples/x.yml"));
	assert_false(str_glob("samples/*.yaml", "other/x.yaml"));
	assert_false(str_glob("samples/*.yaml", "samples/x.yaml.bak"));
	assert_true(str_glob("office-*.conf", "office-tokyo.conf"));
	assert_false(str_glob("office-*.conf", "branch-office-tokyo.conf"));
	/* Backtracking: the star has to give back characters. */
	assert_true(str_glob("*a", "banana"));
	assert_true(str_glob("a*b*c", "aXbYbZc"));
	assert_false(str_glob("a*b*c", "aXbYbZ"));
	assert_true(str_glob("*.*", "a.b.c"));
	assert_true(str_glob("**x", "abx"));
	assert_true(str_glob("x**", "x"));
	/* Case matters. */
	assert_false(str_glob("*.YAML", "a.yaml"));
}

static void test_str_glob_literal_star_in_subject(void **state)
{
	(void)state;
	/* Regression (found by these tests, fixed): util.c str_glob tries "*pat == *s" before "*pat == '*'", so a
	 * '*' in the subject is matched literally by a '*' in the pattern
	 * without remembering the star for backtracking: "*a" does not match
	 * "*ba" (it should: the star covers "*b"). */

	assert_true(str_glob("*a", "*ba"));
	assert_true(str_glob("*.conf", "*x.conf"));
}

/* ---- dates ---------------------------------------------------------------- */

static void test_date_days(void **state)
{
	(void)state;
	assert_int_equal(date_days(1970, 1, 1), 0);
	assert_int_equal(date_days(1969, 12, 31), -1);
	assert_int_equal(date_days(2000, 3, 1), 11017);
	assert_int_equal(date_days(2024, 2, 29), 19782);
	assert_int_equal(date_days(2024, 3, 1), 19783);
	assert_int_equal(date_days(2025, 2, 28), 20147);
	assert_int_equal(date_days(2026, 11, 21), 20778);
	assert_int_equal(date_days(2100, 3, 1), 47541);
	assert_int_equal(date_days(9999, 12, 31), 2932896);
}

static void test_date_parse(void **state)
{
	(void)state;
	long d = -7;
	assert_int_equal(date_parse("2024-02-29", false, &d), 0);
	assert_int_equal(d, 19782);
	assert_int_equal(date_parse("1970-01-01", false, &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(date_parse("2000-02-29", false, &d), 0);  /* div by 400 */
	assert_int_equal(d, 11016);
	d = -7;
	assert_int_equal(date_parse("2023-02-29", false, &d), -1);
	assert_int_equal(date_parse("2100-02-29", false, &d), -1);  /* div by 100 */
	assert_int_equal(date_parse("2024-02-30", false, &d), -1);
	assert_int_equal(date_parse("2024-04-31", false, &d), -1);
	assert_int_equal(date_parse("2024-13-01", false, &d), -1);
	assert_int_equal(date_parse("2024-00-10", false, &d), -1);
	assert_int_equal(date_parse("2024-01-00", false, &d), -1);
	assert_int_equal(date_parse("1969-12-31", false, &d), -1);
	assert_int_equal(date_parse("2024/01/01", false, &d), -1);
	assert_int_equal(date_parse("2024-1-01", false, &d), -1);
	assert_int_equal(date_parse("2024-01-1x", false, &d), -1);
	assert_int_equal(date_parse("2024-01-01 ", false, &d), -1);
	assert_int_equal(date_parse("", false, &d), -1);
	assert_int_equal(date_parse("yesterday!", false, &d), -1);
	assert_int_equal(d, -7);

	/* Month only: the last day of the month, and only when allowed. */
	assert_int_equal(date_parse("2025-02", false, &d), -1);
	assert_int_equal(d, -7);
	assert_int_equal(date_parse("2025-02", true, &d), 0);
	assert_int_equal(d, date_days(2025, 2, 28));
	assert_int_equal(date_parse("2024-02", true, &d), 0);
	assert_int_equal(d, date_days(2024, 2, 29));
	assert_int_equal(date_parse("2026-12", true, &d), 0);
	assert_int_equal(d, date_days(2026, 12, 31));
	assert_int_equal(date_parse("2026-04", true, &d), 0);
	assert_int_equal(d, date_days(2026, 4, 30));
	assert_int_equal(date_parse("2026-13", true, &d), -1);
	assert_int_equal(date_parse("2026-1", true, &d), -1);
	/* A full date is still fine with allow_month. */
	assert_int_equal(date_parse("2027-03-31", true, &d), 0);
	assert_int_equal(d, date_days(2027, 3, 31));
}

static void test_date_format_round_trip(void **state)
{
	(void)state;
	char buf[16];
	date_format(0, buf, sizeof(buf));
	assert_string_equal(buf, "1970-01-01");
	date_format(19782, buf, sizeof(buf));
	assert_string_equal(buf, "2024-02-29");
	date_format(20778, buf, sizeof(buf));
	assert_string_equal(buf, "2026-11-21");
	date_format(2932896, buf, sizeof(buf));
	assert_string_equal(buf, "9999-12-31");
	/* Every day from 1999 to 2031 survives format -> parse unchanged. */
	for (long d = date_days(1999, 1, 1); d <= date_days(2031, 12, 31); d++) {
		long back = -1;
		date_format(d, buf, sizeof(buf));
		assert_int_equal(strlen(buf), 10);
		assert_int_equal(date_parse(buf, false, &back), 0);
		assert_int_equal(back, d);
	}
	/* A short buffer is truncated, never overrun. */
	char small[5] = "zzzz";
	date_format(0, small, sizeof(small));
	assert_string_equal(small, "1970");
}

/* ---- files ------------------------------------------------------------- */

static void test_file_read_all(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/in.txt", dir);

	/* Exactly max bytes: read, NUL-terminated. */
	char data[10001];
	for (int i = 0; i < 10000; i++)
		data[i] = (char)('A' + i % 23);
	write_file(path, data, 10000);
	char *out = NULL;
	size_t n = 0;
	struct why w = {{0}, {0}};
	assert_int_equal(file_read_whole(path, 10000, &out, &n, &w), 0);
	assert_int_equal(n, 10000);
	assert_memory_equal(out, data, 10000);
	assert_int_equal(out[10000], '\0');
	free(out);

	/* max + 1 bytes: EL_ETOOBIG naming the limit; *out untouched. */
	out = (char *)0x1;
	assert_int_equal(file_read_whole(path, 9999, &out, &n, &w), EL_ETOOBIG);
	assert_ptr_equal(out, (char *)0x1);
	assert_string_equal(w.en, "larger than the limit of 9999 bytes for this kind of input");
	assert_string_equal(w.ja, "この種類の入力の上限 9999 バイトを超えています");

	/* Small limits too (below the first 4 KiB read). */
	write_file(path, "abcdef", 6);
	assert_int_equal(file_read_whole(path, 5, &out, &n, &w), EL_ETOOBIG);
	assert_int_equal(file_read_whole(path, 6, &out, &n, &w), 0);
	assert_int_equal(n, 6);
	assert_string_equal(out, "abcdef");
	free(out);

	/* An empty file is an empty string. */
	write_file(path, "", 0);
	assert_int_equal(file_read_whole(path, 100, &out, &n, &w), 0);
	assert_int_equal(n, 0);
	assert_string_equal(out, "");
	free(out);

	/* Missing file: EL_EIO with errno's text. */
	char missing[PATH_MAX];
	snprintf(missing, sizeof(missing), "%s/nope.txt", dir);
	assert_int_equal(file_read_whole(missing, 100, &out, &n, &w), EL_EIO);
	assert_string_equal(w.en, strerror(ENOENT));
	assert_string_equal(w.ja, "そのようなファイルやディレクトリはありません");
	/* An error number without a Japanese text is named by its number. */
	why_errno(&w, 9999);
	assert_string_equal(w.en, strerror(9999));
	assert_string_equal(w.ja, "システムエラー（番号 9999）");
	/* The English-only form the rules and policy loaders use. */
	char why[200] = "";
	assert_int_equal(file_read_all(missing, 100, &out, &n, why, sizeof(why)), EL_EIO);
	assert_string_equal(why, strerror(ENOENT));

	/* A directory cannot be read as a file. */
	assert_int_equal(file_read_whole(dir, 100, &out, &n, &w), EL_EIO);
	assert_string_equal(w.en, strerror(EISDIR));
	assert_string_equal(w.ja, "ディレクトリです");

	/* A file that may not be read (unless root, who may read anything). */
	if (geteuid() != 0) {
		write_file(path, "x", 1);
		assert_int_equal(chmod(path, 0), 0);
		assert_int_equal(file_read_whole(path, 100, &out, &n, &w), EL_EIO);
		assert_string_equal(w.en, strerror(EACCES));
		assert_string_equal(w.ja, "許可がありません");
	}

	unlink(path);
	remove_tmpdir(dir);
}

/* A FIFO no one writes to: opening it does not wait, and reading gives up
 * after the timeout (nothing waits forever); with a writer, the probed
 * head and the rest come back as one buffer. */
static void test_fifo_read(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char fifo[PATH_MAX];
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	struct why w = {{0}, {0}};
	bool regular = true;
	int fd = file_open_read(fifo, &regular, &w);
	assert_true(fd >= 0);
	assert_false(regular);
	char buf[16];
	errno = 0;
	assert_int_equal(fd_read_wait(fd, buf, sizeof(buf), 200, &w), -1);
	assert_int_equal(errno, ETIMEDOUT);
	assert_string_equal(w.en, "nothing came for 0 seconds (a pipe or FIFO no one writes to?)");
	assert_string_equal(w.ja,
			    "0 秒待っても何も届きませんでした（書き込む側のいないパイプか FIFO ですか？）");
	int wfd = open(fifo, O_WRONLY | O_NONBLOCK);
	assert_true(wfd >= 0);
	assert_int_equal(write(wfd, "HEADrest", 8), 8);
	close(wfd);
	assert_int_equal(fd_read_wait(fd, buf, 4, 1000, &w), 4);
	char *out = NULL;
	size_t n = 0;
	assert_int_equal(fd_read_all(fd, buf, 4, 100, 1000, &out, &n, &w), 0);
	assert_int_equal(n, 8);
	assert_string_equal(out, "HEADrest");
	free(out);
	/* over the limit, head included */
	assert_int_equal(fd_read_all(fd, "12345", 5, 4, 1000, &out, &n, &w),
			 EL_ETOOBIG);
	close(fd);
	unlink(fifo);
	remove_tmpdir(dir);
}

static void test_file_write_atomic(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/out.json", dir);
	struct why w = {{0}, {0}};

	assert_int_equal(file_write_atomic(path, "first\n", 6, &w), 0);
	size_t n;
	char *got = slurp(path, &n);
	assert_int_equal(n, 6);
	assert_memory_equal(got, "first\n", 6);
	free(got);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(count_entries(dir), 1);  /* no temporary file left */

	/* Replacing a longer file with a shorter one leaves no tail. */
	static char big[100000];
	memset(big, 'x', sizeof(big));
	assert_int_equal(file_write_atomic(path, big, sizeof(big), &w), 0);
	got = slurp(path, &n);
	assert_int_equal(n, sizeof(big));
	free(got);
	assert_int_equal(file_write_atomic(path, "2", 1, &w), 0);
	got = slurp(path, &n);
	assert_int_equal(n, 1);
	assert_int_equal(got[0], '2');
	free(got);
	assert_int_equal(count_entries(dir), 1);

	/* Zero bytes: an empty file. */
	assert_int_equal(file_write_atomic(path, "", 0, &w), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 0);

	/* A directory that does not exist: fails cleanly with a reason. */
	char bad[PATH_MAX];
	snprintf(bad, sizeof(bad), "%s/no/such/dir/out.json", dir);
	assert_int_equal(file_write_atomic(bad, "x", 1, &w), EL_EIO);
	assert_string_equal(w.en, strerror(ENOENT));
	assert_string_equal(w.ja, "そのようなファイルやディレクトリはありません");

	/* The target is a directory: rename fails, the temporary file beside
	 * it is removed and the directory is untouched. */
	char sub[PATH_MAX];
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	assert_int_equal(file_write_atomic(sub, "x", 1, &w), EL_EIO);
	assert_string_equal(w.en, strerror(EISDIR));
	assert_string_equal(w.ja, "ディレクトリです");
	assert_int_equal(count_entries(dir), 2);  /* out.json and sub only */
	assert_int_equal(stat(sub, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(count_entries(sub), 0);
	rmdir(sub);

	/* The umask is honoured for a new file; an existing file keeps its
	 * mode (a 0600 report stays 0600). */
	mode_t old_mask = umask(027);
	char fresh[PATH_MAX];
	snprintf(fresh, sizeof(fresh), "%s/fresh.txt", dir);
	assert_int_equal(file_write_atomic(fresh, "a", 1, &w), 0);
	assert_int_equal(stat(fresh, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	umask(old_mask);
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(file_write_atomic(path, "secret\n", 7, &w), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	unlink(fresh);

	/* A symbolic link to a device is written through, not replaced. */
	char lnk[PATH_MAX];
	snprintf(lnk, sizeof(lnk), "%s/null", dir);
	assert_int_equal(symlink("/dev/null", lnk), 0);
	assert_int_equal(file_write_atomic(lnk, "x", 1, &w), 0);
	assert_int_equal(lstat(lnk, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	unlink(lnk);

	/* A symbolic link to a regular file stays a link; its target changes. */
	assert_int_equal(symlink("out.json", lnk), 0);
	assert_int_equal(file_write_atomic(lnk, "via\n", 4, &w), 0);
	assert_int_equal(lstat(lnk, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	got = slurp(path, &n);
	assert_int_equal(n, 4);
	assert_memory_equal(got, "via\n", 4);
	free(got);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	unlink(lnk);

	/* A FIFO is written in place (it stays a FIFO and its reader gets
	 * the bytes); one nobody reads fails at once instead of waiting. */
	char fifo[PATH_MAX];
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(file_write_atomic(fifo, "x", 1, &w), EL_EIO);
	assert_string_equal(w.en, "nothing reads this FIFO");
	assert_string_equal(w.ja, "この FIFO を読む側がいません");
	int rfd = open(fifo, O_RDONLY | O_NONBLOCK);
	assert_true(rfd >= 0);
	assert_int_equal(file_write_atomic(fifo, "pipe", 4, &w), 0);
	char pb[8];
	assert_int_equal(read(rfd, pb, sizeof(pb)), 4);
	assert_memory_equal(pb, "pipe", 4);
	close(rfd);
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	unlink(fifo);

	unlink(path);
	remove_tmpdir(dir);
}

/* Display width (UAX #11): wide CJK and fullwidth forms are 2 columns,
 * combining marks 0, ASCII 1; broken UTF-8 counts a column a byte. */
static void test_display_width(void **state)
{
	(void)state;
	assert_int_equal(display_width("", 0), 0);
	assert_int_equal(display_width("flows", 5), 5);
	assert_int_equal(display_width("フロー", strlen("フロー")), 6);
	assert_int_equal(display_width("HTTP（平文）", strlen("HTTP（平文）")), 12);
	assert_int_equal(display_width("한국", strlen("한국")), 4);
	assert_int_equal(display_width("e\xcc\x81", 3), 1);        /* e + U+0301 */
	assert_int_equal(display_width("\xef\xbd\xa1", 3), 1);     /* U+FF61 halfwidth 。 */
	assert_int_equal(display_width("\xf0\x9f\x98\x80", 4), 2); /* U+1F600 */
	assert_int_equal(display_width("\xe3\x81", 2), 2);           /* cut sequence */
	assert_int_equal(display_width("\xff\xfe", 2), 2);
	assert_int_equal(display_width("\xe2\x9c\x93", 3), 1);     /* U+2713 check mark */
}

static void test_sb_pad(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb, 256);
	assert_int_equal(sb_pad(&sb, "割合", 6), 0);
	assert_string_equal(sb_str(&sb), "割合  ");
	assert_int_equal(sb_pad(&sb, "割合", -7), 0);
	assert_string_equal(sb_str(&sb), "割合     割合");
	assert_int_equal(sb_pad(&sb, "toolong", 3), 0);
	assert_string_equal(sb_str(&sb), "割合     割合toolong");
	sb_free(&sb);
}

/* ---- utf8_clean / utf8_sanitize / sb_add_clean ------------------------ */

#define CLEAN(lit, want) expect_clean(lit, sizeof(lit) - 1, want)
static void expect_clean(const char *in, size_t n, const char *want)
{
	char out[256];
	assert_true(n < sizeof(out));
	size_t w = utf8_clean(out, in, n);
	out[w] = '\0';
	if (w != strlen(want) || memcmp(out, want, w) != 0)
		fail_msg("clean: got \"%s\", want \"%s\"", out, want);
}

/* What reaches a terminal is inert: C0 controls (ESC of CSI, OSC 8
 * links, title changes, ESC[2J, device status requests) and DEL become
 * spaces, C1 controls (U+0080-U+009F, e.g. U+009B CSI) become spaces, the
 * bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069)
 * become '?', invalid UTF-8 becomes '?' (issue 12 §4). */
static void test_utf8_clean(void **state)
{
	(void)state;
	CLEAN("plain ascii\tand tab", "plain ascii\tand tab");
	CLEAN("\x1b[2J\x1b]8;;http://x\x07link\x1b]8;;\x07", " [2J ]8;;http://x link ]8;; ");
	CLEAN("\x1b]0;title\x07\x1b[6n\x7f", " ]0;title  [6n ");
	CLEAN("a\xc2\x9b" "31mb\xc2\x85" "c\xc2\x80\xc2\x9f", "a 31mb c  ");
	CLEAN("x\xe2\x80\xae" "evil\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9y", "x?evil???y");
	/* Next to them, what is printable stays: U+00A0, U+2029, U+2065, U+206A. */
	CLEAN("\xc2\xa0\xe2\x80\xa9\xe2\x81\xa5\xe2\x81\xaa",
	      "\xc2\xa0\xe2\x80\xa9\xe2\x81\xa5\xe2\x81\xaa");
	CLEAN("日本語", "日本語");
	/* Invalid: a lone continuation, a cut sequence, overlong, surrogate. */
	CLEAN("\x80z\xe3\x81", "?z??");
	CLEAN("\xc0\xaf\xe0\x80\xaf\xed\xa0\x80", "????????");
	CLEAN("a\0b", "a b");
	struct arena a;
	memset(&a, 0, sizeof(a));
	assert_string_equal(utf8_sanitize(&a, "\xc2\x9b" "x", 3), " x");
	arena_free(&a);
	struct strbuf sb;
	sb_init(&sb, 64);
	assert_int_equal(sb_add_clean(&sb, "\x1b" "ok", 3), 0);
	assert_string_equal(sb_str(&sb), " ok");
	assert_int_equal(sb_add_clean(&sb, "", 0), 0);
	assert_int_equal(sb.len, 3);
	sb_free(&sb);
	/* Near the maximum what counts is the clean length: two C1 controls
	 * (4 bytes) become 2 spaces, which fit in the 2 bytes left. */
	sb_init(&sb, 5);
	assert_int_equal(sb_adds(&sb, "abc"), 0);
	assert_int_equal(sb_add_clean(&sb, "\xc2\x9b\xc2\x85", 4), 0);
	assert_string_equal(sb_str(&sb), "abc  ");
	assert_int_equal(sb_add_clean(&sb, "x", 1), EL_ETOOBIG);
	assert_string_equal(sb_str(&sb), "abc  ");
	sb_free(&sb);
}

/* utf8_clean as it was written first, one character at a time: the
 * reference for the version that copies runs of printable ASCII. */
static size_t clean_ref(char *o, const char *s, size_t n)
{
	size_t i = 0, w = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c & 0xF0) == 0xE0 ? 3
			     : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
		bool ok = len > 0 && i + len <= n;
		for (size_t k = 1; ok && k < len; k++)
			ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
		unsigned char d = ok && len > 1 ? (unsigned char)s[i + 1] : 0;
		if (ok && len == 3)
			ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0);
		if (ok && len == 4)
			ok = !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d >= 0x90);
		bool control = ok && ((len == 1 && (c < 0x20 || c == 0x7f) && c != '\t') ||
				      (len == 2 && c == 0xC2 && d <= 0x9F));
		bool bidi = ok && len == 3 && c == 0xE2 &&
			    ((d == 0x80 && (unsigned char)s[i + 2] >= 0xAA &&
			      (unsigned char)s[i + 2] <= 0xAE) ||
			     (d == 0x81 && (unsigned char)s[i + 2] >= 0xA6 &&
			      (unsigned char)s[i + 2] <= 0xA9));
		if (!ok) {
			o[w++] = '?';
			i++;
		} else if (control || bidi) {
			o[w++] = control ? ' ' : '?';
			i += len;
		} else {
			memcpy(o + w, s + i, len);
			w += len;
			i += len;
		}
	}
	return w;
}

/* Random texts of ASCII runs, controls, DEL, valid and invalid UTF-8,
 * C1 controls and bidi controls: the same bytes as the reference. */
static void test_utf8_clean_random(void **state)
{
	(void)state;
	static const char *const bits[] = {
		"a", "plain text ", "\t", "\x1b", "\x7f", " ", "~", "\x01", "\xc2\x9b",
		"\xc2\xa0", "\xe2\x80\xae", "\xe2\x81\xa6", "\xe3\x81\x82", "\xf0\x9f\x98\x80",
		"\x80", "\xe3\x81", "\xed\xa0\x80", "\xc0\xaf", "\xff", "\0",
	};
	uint64_t r = 88172645463325252u;
	for (int t = 0; t < 20000; t++) {
		char in[200], a[200], b[200];
		size_t n = 0;
		r ^= r << 13;
		r ^= r >> 7;
		r ^= r << 17;
		size_t parts = r % 24;
		for (size_t p = 0; p < parts; p++) {
			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			const char *bit = bits[r % ARRAY_SIZE(bits)];
			size_t l = *bit ? strlen(bit) : 1;
			if (n + l > sizeof(in))
				break;
			memcpy(in + n, bit, l);
			n += l;
		}
		size_t wa = utf8_clean(a, in, n), wb = clean_ref(b, in, n);
		assert_int_equal(wa, wb);
		assert_memory_equal(a, b, wa);
	}
}

/* The growable array: room for one more, doubling from 16, the old array
 * kept when it fits; a size that would overflow is refused with the array
 * left as it was. */
static void test_vec_grow(void **state)
{
	(void)state;
	int *v = NULL;
	size_t cap = 0, n = 0;
	for (int i = 0; i < 100; i++) {
		int *nv = vec_grow(v, &cap, n, sizeof(*v));
		assert_non_null(nv);
		v = nv;
		v[n++] = i;
	}
	assert_int_equal(cap, 128);
	for (int i = 0; i < 100; i++)
		assert_int_equal(v[i], i);
	int *same = vec_grow(v, &cap, n, sizeof(*v));
	assert_ptr_equal(same, v);
	assert_int_equal(cap, 128);
	/* Full at a capacity whose double would not fit in size_t. */
	size_t big = SIZE_MAX / 2 + 1;
	assert_null(vec_grow(v, &big, big, 1));
	assert_int_equal(big, SIZE_MAX / 2 + 1);
	size_t c8 = 128;
	assert_null(vec_grow(v, &c8, 128, SIZE_MAX / 128));   /* 256 x that overflows */
	assert_int_equal(c8, 128);
	assert_int_equal(v[99], 99);   /* still valid */
	free(v);

	struct arena a = {0};
	const char **l = NULL;
	size_t lcap = 0, ln = 0;
	for (int i = 0; i < 40; i++) {
		const char **nl = arena_grow(&a, l, &lcap, ln, sizeof(*l));
		assert_non_null(nl);
		l = nl;
		l[ln++] = i % 2 ? "odd" : "even";
	}
	assert_int_equal(lcap, 64);
	assert_string_equal(l[0], "even");
	assert_string_equal(l[39], "odd");
	size_t lbig = SIZE_MAX / 2 + 1;
	assert_null(arena_grow(&a, l, &lbig, lbig, 1));
	arena_free(&a);

	int fixed[7];
	assert_int_equal(ARRAY_SIZE(fixed), 7);
}

/* The map keeps every key through its growths, answers present and absent
 * keys exactly, keeps the first value of a key, and copies keys. */
static void test_strmap(void **state)
{
	(void)state;
	struct arena a = {0};
	struct strmap m;
	strmap_init(&m, &a);
	size_t v = 99;
	assert_false(strmap_get(&m, "x", &v));
	assert_int_equal(v, 99);
	char key[32];
	for (size_t i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "name-%zu", i);
		assert_int_equal(strmap_put(&m, key, i * 3), 1);
	}
	key[0] = '\0';   /* the map holds its own copies */
	assert_int_equal(m.n, 5000);
	assert_true(m.cap >= 2 * m.n);
	assert_int_equal(m.cap & (m.cap - 1), 0);
	for (size_t i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "name-%zu", i);
		assert_true(strmap_get(&m, key, &v));
		assert_int_equal(v, i * 3);
	}
	assert_int_equal(strmap_put(&m, "name-7", 1), 0);
	assert_true(strmap_get(&m, "name-7", &v));
	assert_int_equal(v, 21);
	assert_false(strmap_get(&m, "name-5000", NULL));
	assert_false(strmap_get(&m, "", NULL));
	assert_int_equal(strmap_put(&m, "", 4), 1);
	assert_true(strmap_get(&m, "", &v));
	assert_int_equal(v, 4);
	assert_int_equal(m.n, 5001);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena_alloc_zeroed_and_aligned),
		cmocka_unit_test(test_arena_strndup_strdup_printf),
		cmocka_unit_test(test_arena_many_allocations_span_chunks),
		cmocka_unit_test(test_arena_big_allocation),
		cmocka_unit_test(test_arena_shrink_and_big_block_placement),
		cmocka_unit_test(test_strbuf_basic),
		cmocka_unit_test(test_strbuf_max_enforced),
		cmocka_unit_test(test_strbuf_printf_long),
		cmocka_unit_test(test_cursor_words),
		cmocka_unit_test(test_cursor_uint_limits),
		cmocka_unit_test(test_cursor_uint_digit_above_small_max),
		cmocka_unit_test(test_str_ieq_n),
		cmocka_unit_test(test_str_icontains_lower),
		cmocka_unit_test(test_str_to_long),
		cmocka_unit_test(test_str_to_long_leading_space),
		cmocka_unit_test(test_str_glob),
		cmocka_unit_test(test_str_glob_literal_star_in_subject),
		cmocka_unit_test(test_date_days),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_format_round_trip),
		cmocka_unit_test(test_file_read_all),
		cmocka_unit_test(test_file_write_atomic),
		cmocka_unit_test(test_display_width),
		cmocka_unit_test(test_sb_pad),
		cmocka_unit_test(test_utf8_clean),
		cmocka_unit_test(test_utf8_clean_random),
		cmocka_unit_test(test_strmap),
		cmocka_unit_test(test_vec_grow),
		cmocka_unit_test(test_fifo_read),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
