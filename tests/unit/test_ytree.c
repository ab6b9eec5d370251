/*
 * test_ytree.c — cmocka tests for src/ytree.c, the bounded YAML tree:
 * scalars, mappings and lists with their exact 1-based line/column, plain
 * versus quoted scalars (a quoted "null" is text, not null), the scalar
 * readers (yscalar_is_null/bool/long/double), ymap_get, and the refusals:
 * duplicate keys ("appears twice" with both lines), aliases, nesting
 * deeper than YTREE_MAX_DEPTH, more than YTREE_MAX_NODES nodes, truncated
 * YAML (EL_EPARSE with "line"), plus an empty stream (root NULL, rc 0),
 * only the first document of a stream, a 1 MB single-line scalar, and
 * the time a mapping with very many keys takes.
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

#include "../../src/util.h"
#include "../../src/ytree.h"

struct fix {
	struct arena a;
	struct ynode *root;
	char err[300];
};

static int setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fix *f = *state;
	arena_free(&f->a);
	free(f);
	return 0;
}

static int parse(struct fix *f, const char *text)
{
	f->err[0] = '\0';
	f->root = (struct ynode *)0x1;  /* must be overwritten */
	return ytree_parse(&f->a, text, strlen(text), &f->root, f->err, sizeof(f->err));
}

static void assert_scalar(const struct ynode *n, const char *s, unsigned line,
			  unsigned col, bool plain)
{
	assert_non_null(n);
	assert_int_equal(n->kind, Y_SCALAR);
	assert_string_equal(n->str, s);
	assert_int_equal(n->len, strlen(s));
	assert_int_equal(n->line, line);
	assert_int_equal(n->col, col);
	assert_int_equal(n->plain, plain);
}

/* ---- structure and positions ------------------------------------------ */

static const char doc1[] =
	"name: edgelint\n"          /* 1 */
	"count: 42\n"               /* 2 */
	"list:\n"                   /* 3 */
	"  - a\n"                   /* 4 */
	"  - \"b c\"\n"             /* 5 */
	"map: {x: 1, y: 'q'}\n"     /* 6 */
	"empty:\n"                  /* 7 */
	"quoted_null: \"null\"\n"   /* 8 */
	"tilde: ~\n"                /* 9 */
	"# a comment\n"             /* 10 */
	"nested:\n"                 /* 11 */
	"  inner:\n"                /* 12 */
	"    - [1, 2]\n";           /* 13 */

static void test_positions_and_kinds(void **state)
{
	struct fix *f = *state;
	assert_int_equal(parse(f, doc1), 0);
	struct ynode *r = f->root;
	assert_non_null(r);
	assert_int_equal(r->kind, Y_MAP);
	assert_int_equal(r->line, 1);
	assert_int_equal(r->col, 1);
	assert_int_equal(r->n, 8);
	assert_scalar(r->keys[0], "name", 1, 1, true);
	assert_scalar(r->vals[0], "edgelint", 1, 7, true);
	assert_scalar(r->keys[1], "count", 2, 1, true);
	assert_scalar(r->vals[1], "42", 2, 8, true);

	struct ynode *l = ymap_get(r, "list");
	assert_non_null(l);
	assert_int_equal(l->kind, Y_SEQ);
	assert_int_equal(l->line, 4);
	assert_int_equal(l->col, 3);
	assert_int_equal(l->n, 2);
	assert_null(l->keys);
	assert_scalar(l->vals[0], "a", 4, 5, true);
	assert_scalar(l->vals[1], "b c", 5, 5, false);

	struct ynode *m = ymap_get(r, "map");
	assert_non_null(m);
	assert_int_equal(m->kind, Y_MAP);
	assert_int_equal(m->line, 6);
	assert_int_equal(m->col, 6);
	assert_int_equal(m->n, 2);
	assert_scalar(m->keys[0], "x", 6, 7, true);
	assert_scalar(m->vals[0], "1", 6, 10, true);
	assert_scalar(m->keys[1], "y", 6, 13, true);
	assert_scalar(m->vals[1], "q", 6, 16, false);

	struct ynode *in = ymap_get(ymap_get(r, "nested"), "inner");
	assert_non_null(in);
	assert_int_equal(in->kind, Y_SEQ);
	assert_int_equal(in->line, 13);
	assert_int_equal(in->col, 5);
	assert_int_equal(in->n, 1);
	assert_int_equal(in->vals[0]->kind, Y_SEQ);
	assert_int_equal(in->vals[0]->line, 13);
	assert_int_equal(in->vals[0]->col, 7);
	assert_scalar(in->vals[0]->vals[1], "2", 13, 11, true);

	assert_string_equal(ynode_kind_name(r), "a mapping");
	assert_string_equal(ynode_kind_name(l), "a list");
	assert_string_equal(ynode_kind_name(r->vals[0]), "a single value");
	assert_string_equal(ynode_kind_name(NULL), "nothing");
}

static void test_ymap_get_and_nulls(void **state)
{
	struct fix *f = *state;
	assert_int_equal(parse(f, doc1), 0);
	struct ynode *r = f->root;
	assert_null(ymap_get(r, "absent"));
	assert_null(ymap_get(r, "Name"));  /* keys are case-sensitive */
	assert_null(ymap_get(NULL, "name"));
	assert_null(ymap_get(ymap_get(r, "list"), "a"));  /* not a mapping */

	struct ynode *e = ymap_get(r, "empty");
	assert_non_null(e);
	assert_int_equal(e->kind, Y_SCALAR);
	assert_int_equal(e->len, 0);
	assert_true(e->plain);
	assert_true(yscalar_is_null(e));
	assert_true(yscalar_is_null(ymap_get(r, "tilde")));

	/* A quoted "null" is the word null, not a null. */
	struct ynode *q = ymap_get(r, "quoted_null");
	assert_scalar(q, "null", 8, 14, false);
	assert_false(yscalar_is_null(q));

	assert_false(yscalar_is_null(NULL));
	assert_false(yscalar_is_null(ymap_get(r, "list")));
	assert_false(yscalar_is_null(ymap_get(r, "name")));

	assert_int_equal(parse(f, "a: NULL\nb: Null\nc: ''\nd: nul\n"), 0);
	assert_true(yscalar_is_null(ymap_get(f->root, "a")));
	assert_true(yscalar_is_null(ymap_get(f->root, "b")));
	assert_false(yscalar_is_null(ymap_get(f->root, "c")));  /* quoted empty */
	assert_false(yscalar_is_null(ymap_get(f->root, "d")));
}

static void test_yscalar_readers(void **state)
{
	struct fix *f = *state;
	assert_int_equal(parse(f,
			       "t1: true\nt2: Yes\nt3: ON\nf1: false\nf2: no\nf3: Off\n"
			       "qt: \"true\"\nnum: 1\nword: maybe\n"
			       "i1: 42\ni2: -7\ni3: 4.2\ni4: 12abc\ni5: \"17\"\n"
			       "d1: 0.95\nd2: 1e-1\nd3: 3\nd4: abc\nd5: inf\nd6: nan\nd7: ''\n"
			       "seq: [1]\n"),
			 0);
	struct ynode *r = f->root;
	bool b;
	b = false;
	assert_int_equal(yscalar_bool(ymap_get(r, "t1"), &b), 0);
	assert_true(b);
	b = false;
	assert_int_equal(yscalar_bool(ymap_get(r, "t2"), &b), 0);
	assert_true(b);
	b = false;
	assert_int_equal(yscalar_bool(ymap_get(r, "t3"), &b), 0);
	assert_true(b);
	b = true;
	assert_int_equal(yscalar_bool(ymap_get(r, "f1"), &b), 0);
	assert_false(b);
	b = true;
	assert_int_equal(yscalar_bool(ymap_get(r, "f2"), &b), 0);
	assert_false(b);
	b = true;
	assert_int_equal(yscalar_bool(ymap_get(r, "f3"), &b), 0);
	assert_false(b);
	/* Quoted words, numbers and other words are not booleans. */
	b = true;
	assert_int_equal(yscalar_bool(ymap_get(r, "qt"), &b), -1);
	assert_int_equal(yscalar_bool(ymap_get(r, "num"), &b), -1);
	assert_int_equal(yscalar_bool(ymap_get(r, "word"), &b), -1);
	assert_int_equal(yscalar_bool(ymap_get(r, "seq"), &b), -1);
	assert_int_equal(yscalar_bool(NULL, &b), -1);
	assert_true(b);

	long v = 0;
	assert_int_equal(yscalar_long(ymap_get(r, "i1"), 0, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(yscalar_long(ymap_get(r, "i2"), -10, 10, &v), 0);
	assert_int_equal(v, -7);
	v = 5;
	assert_int_equal(yscalar_long(ymap_get(r, "i1"), 0, 41, &v), -1);
	assert_int_equal(yscalar_long(ymap_get(r, "i1"), 43, 100, &v), -1);
	assert_int_equal(yscalar_long(ymap_get(r, "i3"), 0, 100, &v), -1);
	assert_int_equal(yscalar_long(ymap_get(r, "i4"), 0, 100, &v), -1);
	assert_int_equal(yscalar_long(ymap_get(r, "seq"), 0, 100, &v), -1);
	assert_int_equal(yscalar_long(NULL, 0, 100, &v), -1);
	assert_int_equal(v, 5);
	assert_int_equal(yscalar_long(ymap_get(r, "i5"), 0, 100, &v), 0);
	assert_int_equal(v, 17);

	double d = 0;
	assert_int_equal(yscalar_double(ymap_get(r, "d1"), &d), 0);
	assert_true(d == 0.95);
	assert_int_equal(yscalar_double(ymap_get(r, "d2"), &d), 0);
	assert_true(d == 0.1);
	assert_int_equal(yscalar_double(ymap_get(r, "d3"), &d), 0);
	assert_true(d == 3.0);
	d = -1;
	assert_int_equal(yscalar_double(ymap_get(r, "d4"), &d), -1);
	assert_int_equal(yscalar_double(ymap_get(r, "d5"), &d), -1);
	assert_int_equal(yscalar_double(ymap_get(r, "d6"), &d), -1);
	assert_int_equal(yscalar_double(ymap_get(r, "d7"), &d), -1);
	assert_int_equal(yscalar_double(ymap_get(r, "seq"), &d), -1);
	assert_int_equal(yscalar_double(NULL, &d), -1);
	assert_true(d == -1);
}

static void test_root_scalar_and_list(void **state)
{
	struct fix *f = *state;
	assert_int_equal(parse(f, "just text\n"), 0);
	assert_scalar(f->root, "just text", 1, 1, true);
	assert_int_equal(parse(f, "\n\n- one\n- two\n"), 0);
	assert_non_null(f->root);
	assert_int_equal(f->root->kind, Y_SEQ);
	assert_int_equal(f->root->line, 3);
	assert_int_equal(f->root->col, 1);
	assert_int_equal(f->root->n, 2);
	assert_scalar(f->root->vals[1], "two", 4, 3, true);
	/* Many children: the child arrays grow past their first size. */
	char buf[4096] = "";
	for (int i = 0; i < 100; i++) {
		char line[32];
		snprintf(line, sizeof(line), "k%d: %d\n", i, i * 3);
		strcat(buf, line);
	}
	assert_int_equal(parse(f, buf), 0);
	assert_int_equal(f->root->n, 100);
	long v;
	assert_int_equal(yscalar_long(ymap_get(f->root, "k99"), 0, 1000, &v), 0);
	assert_int_equal(v, 297);
	assert_int_equal(f->root->keys[57]->line, 58);
}

static void test_empty_input(void **state)
{
	struct fix *f = *state;
	assert_int_equal(parse(f, ""), 0);
	assert_null(f->root);
	assert_int_equal(parse(f, "# only a comment\n\n"), 0);
	assert_null(f->root);
	assert_int_equal(parse(f, "---\n...\n"), 0);
	assert_true(f->root == NULL || yscalar_is_null(f->root));
}

static void test_first_document_only(void **state)
{
	struct fix *f = *state;
	assert_int_equal(parse(f, "a: 1\n---\nb: 2\n"), 0);
	assert_non_null(f->root);
	assert_int_equal(f->root->n, 1);
	assert_non_null(ymap_get(f->root, "a"));
	assert_null(ymap_get(f->root, "b"));
}

/* ---- refusals ------------------------------------------------------------- */

static void test_duplicate_key(void **state)
{
	struct fix *f = *state;
	assert_int_equal(parse(f, "router:\n  model: A\n  vendor: x\n  model: B\n"), EL_EPARSE);
	assert_null(f->root);
	assert_string_equal(f->err,
			    "line 4, column 3: key \"model\" appears twice (first on line 2)");
	/* The same key in different mappings is fine. */
	assert_int_equal(parse(f, "a: {k: 1}\nb: {k: 2}\n"), 0);
	/* In a flow mapping too. */
	assert_int_equal(parse(f, "x: 1\ny: {p: 1, p: 2}\n"), EL_EPARSE);
	assert_non_null(strstr(f->err, "appears twice"));
	assert_non_null(strstr(f->err, "line 2"));
}

/* The Japanese reason: ours translated, libyaml's own text quoted as is. */
static void test_error_in_japanese(void **state)
{
	struct fix *f = *state;
	char ja[300];
	const char *dup = "router:\n  model: A\n  model: B\n";
	assert_int_equal(ytree_parse_ja(&f->a, dup, strlen(dup), &f->root, f->err, ja, sizeof(ja)),
			 EL_EPARSE);
	assert_string_equal(f->err, "line 3, column 3: key \"model\" appears twice (first on line 2)");
	assert_string_equal(ja, "3 行目 3 列: キー「model」が二度あります（最初は 2 行目）");
	const char *alias = "a: &x 1\nb: *x\n";
	assert_int_equal(ytree_parse_ja(&f->a, alias, strlen(alias), &f->root, f->err, ja,
					sizeof(ja)), EL_EPARSE);
	assert_string_equal(ja, "2 行目 4 列: エイリアス（*name）は edgelint のファイルでは使えません");
	const char *bad = "router:\n  - [\n";
	assert_int_equal(ytree_parse_ja(&f->a, bad, strlen(bad), &f->root, f->err, ja, sizeof(ja)),
			 EL_EPARSE);
	assert_string_equal(f->err, "line 3, column 1: did not find expected node content "
				    "while parsing a flow node");
	assert_string_equal(ja, "3 行目 1 列: YAML として読めません（「did not find expected node "
				"content while parsing a flow node」）");
}

static void test_alias_refused(void **state)
{
	struct fix *f = *state;
	assert_int_equal(parse(f, "a: &x 1\nb: *x\n"), EL_EPARSE);
	assert_null(f->root);
	assert_non_null(strstr(f->err, "line 2, column 4"));
	assert_non_null(strstr(f->err, "aliases"));
	/* A billion-laughs shape is refused at its first alias. */
	assert_int_equal(parse(f, "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"), EL_EPARSE);
	assert_non_null(strstr(f->err, "line 2"));
}

static void test_non_scalar_key_refused(void **state)
{
	struct fix *f = *state;
	assert_int_equal(parse(f, "ok: 1\n? [a, b]\n: 1\n"), EL_EPARSE);
	assert_null(f->root);
	assert_non_null(strstr(f->err, "line 2"));
	assert_non_null(strstr(f->err, "mapping key"));
}

/* depth nested flow lists around nothing, e.g. 2 -> "[[]]". */
static char *nested_lists(int depth, const char *inner)
{
	size_t n = (size_t)depth * 2 + strlen(inner) + 1;
	char *s = malloc(n);
	assert_non_null(s);
	size_t o = 0;
	for (int i = 0; i < depth; i++)
		s[o++] = '[';
	memcpy(s + o, inner, strlen(inner));
	o += strlen(inner);
	for (int i = 0; i < depth; i++)
		s[o++] = ']';
	s[o] = '\0';
	return s;
}

static void test_depth_limit(void **state)
{
	struct fix *f = *state;
	/* 32 levels: accepted. */
	char *ok = nested_lists(32, "");
	assert_int_equal(parse(f, ok), 0);
	assert_non_null(f->root);
	int depth = 0;
	for (struct ynode *n = f->root; n; n = n->n ? n->vals[0] : NULL)
		depth++;
	assert_int_equal(depth, 32);
	free(ok);
	/* Far too deep: refused with the limit named. */
	char *deep = nested_lists(200, "x");
	assert_int_equal(parse(f, deep), EL_EPARSE);
	assert_null(f->root);
	assert_non_null(strstr(f->err, "nested too deeply"));
	assert_non_null(strstr(f->err, "line 1"));
	free(deep);
}

static void test_depth_limit_33_lists(void **state)
{
	struct fix *f = *state;
	/* Regression (found by these tests, fixed): ytree.c yb_node checks depth > YTREE_MAX_DEPTH with the root at
	 * depth 0, so 33 nested (empty) lists are accepted although the limit
	 * is "32 levels"; only a 34th level is refused. */

	char *s = nested_lists(33, "");
	int rc = parse(f, s);
	free(s);
	assert_int_equal(rc, EL_EPARSE);
	assert_non_null(strstr(f->err, "nested too deeply"));
}

static void test_node_limit(void **state)
{
	struct fix *f = *state;
	/* One list of YTREE_MAX_NODES scalars is one node too many. */
	size_t count = YTREE_MAX_NODES;
	char *s = malloc(count * 2 + 3);
	assert_non_null(s);
	size_t o = 0;
	s[o++] = '[';
	for (size_t i = 0; i < count; i++) {
		s[o++] = '1';
		s[o++] = ',';
	}
	s[o - 1] = ']';
	s[o] = '\0';
	assert_int_equal(parse(f, s), EL_EPARSE);
	assert_null(f->root);
	assert_non_null(strstr(f->err, "too many YAML nodes"));
	/* One fewer element fits exactly. */
	s[o - 3] = ']';
	s[o - 2] = '\0';
	arena_free(&f->a);
	assert_int_equal(parse(f, s), 0);
	assert_non_null(f->root);
	assert_int_equal(f->root->n, YTREE_MAX_NODES - 1);
	free(s);
}

static void test_truncated_yaml(void **state)
{
	struct fix *f = *state;
	assert_int_equal(parse(f, "a: [1, 2"), EL_EPARSE);
	assert_null(f->root);
	assert_non_null(strstr(f->err, "line "));
	assert_non_null(strstr(f->err, "column "));
	assert_int_equal(parse(f, "a: 1\nb: \"open\n"), EL_EPARSE);
	assert_null(f->root);
	assert_non_null(strstr(f->err, "line "));
	assert_int_equal(parse(f, "a: 1\n  b: 2\nc\n"), EL_EPARSE);
	assert_non_null(strstr(f->err, "line 2"));
	/* A NUL-free but invalid UTF-8 byte is refused too, not crashed on. */
	assert_int_equal(parse(f, "a: \xff\xfe\n"), EL_EPARSE);
	assert_non_null(strstr(f->err, "line "));
}

static void test_megabyte_scalar(void **state)
{
	struct fix *f = *state;
	size_t big = 1u << 20;
	char *s = malloc(big + 16);
	assert_non_null(s);
	memcpy(s, "key: ", 5);
	memset(s + 5, 'x', big);
	memcpy(s + 5 + big, "\n", 2);
	/* libyaml reads a long plain value; so does the tree. */
	assert_int_equal(parse(f, s), 0);
	struct ynode *v = ymap_get(f->root, "key");
	assert_non_null(v);
	assert_int_equal(v->len, big);
	assert_int_equal(strlen(v->str), big);
	assert_int_equal(v->str[big - 1], 'x');
	assert_int_equal(v->line, 1);
	assert_int_equal(v->col, 6);
	/* As a 1 MB key it is refused cleanly (libyaml limits simple keys to
	 * 1024 characters). */
	memset(s, 'k', big);
	memcpy(s + big, ": 1\n", 5);
	assert_int_equal(parse(f, s), EL_EPARSE);
	assert_null(f->root);
	assert_non_null(strstr(f->err, "line 1"));
	free(s);
}

/* A mapping with very many keys, and a duplicate far apart, is handled
 * exactly (the duplicate check sorts the keys instead of comparing every
 * pair; its speed is a benchmark matter, not asserted here). */
static void test_many_keys(void **state)
{
	struct fix *f = *state;
	enum { N = 99000 };
	char *s = malloc((size_t)N * 16 + 32);
	assert_non_null(s);
	size_t o = 0;
	for (int i = 0; i < N; i++)
		o += (size_t)snprintf(s + o, 16, "k%d: 1\n", i);
	assert_int_equal(parse(f, s), 0);
	assert_int_equal(f->root->n, N);
	assert_string_equal(f->root->keys[N - 1]->str, "k98999");
	assert_int_equal(f->root->keys[N - 1]->line, N);
	/* The same key again on the last line: reported with both lines. */
	snprintf(s + o, 32, "k7: 2\n");
	assert_int_equal(parse(f, s), EL_EPARSE);
	assert_non_null(strstr(f->err, "line 99001"));
	assert_non_null(strstr(f->err, "\"k7\" appears twice (first on line 8)"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_positions_and_kinds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ymap_get_and_nulls, setup, teardown),
		cmocka_unit_test_setup_teardown(test_yscalar_readers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_root_scalar_and_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_input, setup, teardown),
		cmocka_unit_test_setup_teardown(test_first_document_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_in_japanese, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alias_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_non_scalar_key_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_depth_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_depth_limit_33_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_node_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated_yaml, setup, teardown),
		cmocka_unit_test_setup_teardown(test_megabyte_scalar, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_keys, setup, teardown),
	};
	return cmocka_run_group_tests_name("ytree", tests, NULL, NULL);
}
