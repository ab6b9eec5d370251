/*
 * test_yschema.c — cmocka tests for src/yschema.c, the list of every
 * problem of a data file: messages joined one a line in the caller's
 * buffer; the first one always written (cut to fit); later ones only
 * whole, the rest counted in "… and N more problems"; "file:line: reason"
 * with the node's line, "file: reason" or "file:1: reason" (line_one)
 * without one; every unknown key of a mapping, with or without the
 * expected keys; a file that cannot be read and one that is not YAML,
 * each one file-wide problem.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/util.h"
#include "../../src/yschema.h"

static void test_diag_joins_lines(void **state)
{
	(void)state;
	char buf[200];
	struct ydiag d;
	ydiag_init(&d, buf, sizeof(buf));
	assert_string_equal(buf, "");
	ydiag_add(&d, "one");
	ydiag_add(&d, "two");
	ydiag_finish(&d);
	assert_string_equal(buf, "one\ntwo");
	assert_int_equal(d.count, 2);
	assert_int_equal(d.dropped, 0);
}

static void test_diag_counts_what_does_not_fit(void **state)
{
	(void)state;
	char buf[80];
	struct ydiag d;
	ydiag_init(&d, buf, sizeof(buf));
	ydiag_add(&d, "first problem, 20 ch");
	ydiag_add(&d, "second problem, 21 ch");  /* 20 + 1 + 21 + 48 room >= 80 */
	ydiag_add(&d, "x");                      /* 20 + 1 + 1 + 48 < 80: fits */
	ydiag_add(&d, "fourth problem, 21 ch");
	ydiag_finish(&d);
	assert_string_equal(buf, "first problem, 20 ch\nx\n… and 2 more problems");
	assert_int_equal(d.count, 4);
	assert_int_equal(d.dropped, 2);
}

static void test_diag_first_is_cut_to_fit(void **state)
{
	(void)state;
	char buf[8];
	struct ydiag d;
	ydiag_init(&d, buf, sizeof(buf));
	ydiag_add(&d, "a long first problem");
	ydiag_add(&d, "second");
	ydiag_finish(&d);
	/* Nothing is written past the buffer; the count stays exact. */
	assert_int_equal(strncmp(buf, "a long ", 7), 0);
	assert_true(strlen(buf) < sizeof(buf));
	assert_int_equal(d.count, 2);
	assert_int_equal(d.dropped, 1);
}

struct fix {
	struct arena a;
	struct ydiag d;
	struct yfile f;
	char buf[1024];
	char path[64];
};

static int setup(void **state)
{
	struct fix *x = calloc(1, sizeof(*x));
	if (!x)
		return -1;
	ydiag_init(&x->d, x->buf, sizeof(x->buf));
	x->f.a = &x->a;
	x->f.d = &x->d;
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fix *x = *state;
	if (x->path[0])
		unlink(x->path);
	arena_free(&x->a);
	free(x);
	return 0;
}

/* Writes text to a temporary file and opens it with yf_open. */
static int open_text(struct fix *x, const char *text)
{
	snprintf(x->path, sizeof(x->path), "/tmp/el-yschema-XXXXXX");
	int fd = mkstemp(x->path);
	assert_true(fd >= 0);
	size_t n = strlen(text);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	assert_int_equal(close(fd), 0);
	return yf_open(&x->f, x->path, 1u << 20, "cannot read the data");
}

static void test_every_unknown_key(void **state)
{
	struct fix *x = *state;
	static const char *const ok[] = {"name", "source", NULL};
	assert_int_equal(open_text(x, "name: a\ncolour: red\nsource: b\nsize: 3\n"), 0);
	assert_int_equal(yf_keys(&x->f, x->f.root, ok, "entry", false), EL_EPARSE);
	assert_int_equal(yf_keys(&x->f, x->f.root, ok, "entry", true), EL_EPARSE);
	char want[600];
	snprintf(want, sizeof(want),
		 "%s:2: entry: unknown key 'colour'\n%s:4: entry: unknown key 'size'\n"
		 "%s:2: entry: unknown key 'colour' (expected one of: name, source)\n"
		 "%s:4: entry: unknown key 'size' (expected one of: name, source)",
		 x->path, x->path, x->path, x->path);
	assert_string_equal(x->buf, want);
	assert_int_equal(x->f.errors, 4);
}

static void test_known_keys_pass(void **state)
{
	struct fix *x = *state;
	static const char *const ok[] = {"name", "source", NULL};
	assert_int_equal(open_text(x, "source: b\nname: a\n"), 0);
	assert_int_equal(yf_keys(&x->f, x->f.root, ok, "entry", true), 0);
	assert_string_equal(x->buf, "");
	assert_int_equal(x->f.errors, 0);
}

static void test_err_lines(void **state)
{
	struct fix *x = *state;
	assert_int_equal(open_text(x, "a: 1\n\nb:\n  - 2\n"), 0);
	const struct ynode *b = ymap_get(x->f.root, "b");
	assert_int_equal(yf_err(&x->f, b->vals[0], "bad %s", "two"), EL_EPARSE);
	assert_int_equal(yf_err(&x->f, NULL, "no %d line", 1), EL_EPARSE);
	x->f.line_one = true;
	assert_int_equal(yf_err(&x->f, NULL, "line one"), EL_EPARSE);
	char want[400];
	snprintf(want, sizeof(want), "%s:4: bad two\n%s: no 1 line\n%s:1: line one", x->path,
		 x->path, x->path);
	assert_string_equal(x->buf, want);
}

static void test_open_unreadable(void **state)
{
	struct fix *x = *state;
	x->f.line_one = true;   /* a file-wide problem all the same */
	assert_int_equal(yf_open(&x->f, "/nonexistent/data.yaml", 1u << 20, "cannot read the data"),
			 EL_EIO);
	assert_string_equal(x->buf, "/nonexistent/data.yaml: cannot read the data: "
				    "No such file or directory");
	assert_null(x->f.root);
	assert_int_equal(x->f.errors, 1);
}

static void test_open_not_yaml(void **state)
{
	struct fix *x = *state;
	x->f.line_one = true;
	assert_int_equal(open_text(x, "a: 1\nb: [2\n"), EL_EPARSE);
	assert_null(x->f.root);
	assert_int_equal(x->f.errors, 1);
	char want[100];
	snprintf(want, sizeof(want), "%s: line ", x->path);
	assert_int_equal(strncmp(x->buf, want, strlen(want)), 0);
	assert_null(strchr(x->buf, '\n'));
}

static void test_open_empty(void **state)
{
	struct fix *x = *state;
	assert_int_equal(open_text(x, "# only a comment\n"), 0);
	assert_null(x->f.root);
	assert_int_equal(x->f.errors, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diag_joins_lines),
		cmocka_unit_test(test_diag_counts_what_does_not_fit),
		cmocka_unit_test(test_diag_first_is_cut_to_fit),
		cmocka_unit_test_setup_teardown(test_every_unknown_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_known_keys_pass, setup, teardown),
		cmocka_unit_test_setup_teardown(test_err_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_unreadable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_not_yaml, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_empty, setup, teardown),
	};
	return cmocka_run_group_tests_name("yschema", tests, NULL, NULL);
}
