/*
 * test_jsonw.c — cmocka tests for src/report/jsonw.c: every document it
 * writes is compared byte for byte with what jansson prints for the same
 * tree (json_dump_callback, JSON_INDENT(2) | JSON_PRESERVE_ORDER, then a
 * new line, as report_dump_json): every byte value and control character
 * in strings, valid and invalid UTF-8 (overlong, surrogates, past
 * U+10FFFF, cut sequences: jansson builds no string and the member is
 * left out), empty and nested containers, jansson values printed inside
 * (jw_value, jw_members) at every depth, and random documents. A write past
 * the buffer's maximum fails and leaves the buffer as it was.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/report/jsonw.h"

static int dump_add(const char *buf, size_t n, void *data)
{
	return sb_add(data, buf, n) ? -1 : 0;
}

/* jansson's text of j (released) with the final new line. */
static char *jansson_text(json_t *j)
{
	struct strbuf sb;
	sb_init(&sb, 1u << 26);
	assert_int_equal(json_dump_callback(j, dump_add, &sb, JSON_INDENT(2) | JSON_PRESERVE_ORDER), 0);
	assert_int_equal(sb_adds(&sb, "\n"), 0);
	json_decref(j);
	char *r = strdup(sb_str(&sb));
	sb_free(&sb);
	return r;
}

static void assert_same(struct strbuf *ours, json_t *theirs)
{
	char *t = jansson_text(theirs);
	assert_string_equal(sb_str(ours), t);
	free(t);
}

/* Strings: each one as a member and as an array element, both ways. */
static void check_strings(const char *const *s, size_t n)
{
	struct strbuf sb;
	sb_init(&sb, 1u << 20);
	struct jw w;
	jw_init(&w, &sb);
	json_t *o = json_object(), *a = json_array();
	jw_open(&w, NULL, '{');
	for (size_t i = 0; i < n; i++) {
		char key[32];
		snprintf(key, sizeof(key), "k%zu", i);
		jw_str(&w, key, s[i]);
		json_object_set_new(o, key, s[i] ? json_string(s[i]) : json_null());
	}
	jw_open(&w, "list", '[');
	for (size_t i = 0; i < n; i++) {
		jw_str(&w, NULL, s[i]);
		json_array_append_new(a, s[i] ? json_string(s[i]) : json_null());
	}
	jw_close(&w, ']');
	json_object_set_new(o, "list", a);
	jw_close(&w, '}');
	assert_int_equal(jw_end(&w), 0);
	assert_same(&sb, o);
	sb_free(&sb);
}

static void test_every_byte(void **state)
{
	(void)state;
	char all[256];
	for (int c = 1; c < 256; c++)
		all[c - 1] = (char)c;
	all[255] = '\0';
	const char *s[300];
	char one[256][2];
	size_t n = 0;
	for (int c = 1; c < 256; c++) {
		one[c][0] = (char)c;
		one[c][1] = '\0';
		s[n++] = one[c];
	}
	s[n++] = all;   /* invalid UTF-8 as a whole: left out */
	s[n++] = "";
	s[n++] = NULL;
	s[n++] = "\"quoted\" \\ back/slash\ttab\r\n";
	check_strings(s, n);
}

static void test_utf8(void **state)
{
	(void)state;
	static const char *const s[] = {
		"ルーター 設定", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xef\xbf\xbf",
		"\xe2\x80\xa8", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf",
		"\xc0\x80",             /* overlong NUL */
		"\xc1\xbf",             /* overlong */
		"\xe0\x80\x80",         /* overlong 3 bytes */
		"\xf0\x80\x80\x80",     /* overlong 4 bytes */
		"\xed\xa0\x80",         /* surrogate */
		"\xed\x9f\xbf",         /* last before the surrogates */
		"\xf4\x90\x80\x80",     /* past U+10FFFF */
		"\xf5\x80\x80\x80", "\xff", "\x80", "abc\xe3\x81", "\xe3\x81\x82\xe3",
		"\xc3\x28", "ok \xe3\x81\x82 ok",
	};
	check_strings(s, ARRAY_SIZE(s));
}

/* Every byte jw escapes or judges (controls, '"', '\\', DEL, a lone
 * continuation byte, a lead byte cut short, a whole é) at every offset of
 * runs of plain ASCII from 1 to 24 bytes: the eight-bytes-at-a-time scans
 * of jw_quoted and jw_utf8_ok meet it at every position of a word. */
static void test_runs(void **state)
{
	(void)state;
	static const char *const odd[] = {"\x01", "\x1f", "\n", "\"", "\\", "\x7f", "\x80",
					  "\xe3", "\xc3\xa9", "\xe3\x81\x82"};
	enum { MAXLEN = 24 };
	static char buf[ARRAY_SIZE(odd)][MAXLEN + 1][MAXLEN][MAXLEN + 8];
	const char *s[ARRAY_SIZE(odd) * (MAXLEN + 1) * MAXLEN];
	size_t n = 0;
	for (size_t k = 0; k < ARRAY_SIZE(odd); k++)
		for (size_t len = 1; len <= MAXLEN; len++)
			for (size_t at = 0; at < len; at++) {
				char *b = buf[k][len][at];
				memset(b, 'a', len);
				size_t ol = strlen(odd[k]);
				memcpy(b + at, odd[k], ol);
				memset(b + at + ol, 'b', len - at);
				b[len + ol] = '\0';
				s[n++] = b;
			}
	check_strings(s, n);
}

/* A random tree, written by jw and built for jansson at once. */
static uint64_t rng = 88172645463325252u;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void rnd_string(char *buf, size_t cap)
{
	size_t n = rnd((unsigned)cap - 1);
	static const char *const bits[] = {"a", "\n", "\"", "\\", "\x01", "\x1f", "\x7f", "/",
					   "é", "\xe3\x81\x82", "\xf0\x9f\x98\x80", " ", "\t"};
	size_t k = 0;
	while (k < n) {
		const char *b = bits[rnd(ARRAY_SIZE(bits))];
		size_t l = strlen(b);
		if (k + l >= cap)
			break;
		memcpy(buf + k, b, l);
		k += l;
	}
	if (rnd(20) == 0 && k + 1 < cap)
		buf[k++] = (char)(0x80 + rnd(0x80));   /* sometimes invalid */
	buf[k] = '\0';
}

static json_t *rnd_json(int depth);

static json_t *rnd_json(int depth)
{
	char s[40];
	switch (depth > 3 ? rnd(4) : rnd(7)) {
	case 0:
		rnd_string(s, sizeof(s));
		return json_string(s);
	case 1:
		return json_integer((json_int_t)rnd(2000000) - 1000000);
	case 2:
		return json_null();
	case 3:
		return json_real((double)rnd(1000000) / 1e6);
	case 4: {
		json_t *a = json_array();
		for (unsigned i = rnd(4); i; i--)
			json_array_append_new(a, rnd_json(depth + 1));
		return a;
	}
	default: {
		json_t *o = json_object();
		for (unsigned i = rnd(5); i; i--) {
			char k[24];
			rnd_string(k, sizeof(k));
			json_object_set_new(o, k, rnd_json(depth + 1));
		}
		return o;
	}
	}
}

/* Writes v (built by jansson) with jw's own functions where it can. */
static void write_tree(struct jw *w, const char *key, json_t *v)
{
	if (json_is_object(v)) {
		jw_open(w, key, '{');
		for (void *it = json_object_iter(v); it; it = json_object_iter_next(v, it))
			write_tree(w, json_object_iter_key(it), json_object_iter_value(it));
		jw_close(w, '}');
	} else if (json_is_array(v)) {
		jw_open(w, key, '[');
		for (size_t i = 0; i < json_array_size(v); i++)
			write_tree(w, NULL, json_array_get(v, i));
		jw_close(w, ']');
	} else if (json_is_string(v)) {
		jw_str(w, key, json_string_value(v));
	} else if (json_is_integer(v)) {
		jw_int(w, key, (long long)json_integer_value(v));
	} else if (json_is_null(v)) {
		jw_str(w, key, NULL);
	} else {
		jw_value(w, key, json_incref(v));
	}
}

static void test_random_documents(void **state)
{
	(void)state;
	for (int round = 0; round < 2000; round++) {
		json_t *doc = json_object();
		for (unsigned i = 1 + rnd(5); i; i--) {
			char k[32];
			snprintf(k, sizeof(k), "m%u", i);
			json_object_set_new(doc, k, rnd_json(0));
		}
		struct strbuf sb;
		sb_init(&sb, 1u << 20);
		assert_int_equal(sb_adds(&sb, "kept"), 0);   /* written after what is there */
		struct jw w;
		jw_init(&w, &sb);
		if (round % 3 == 0) {
			write_tree(&w, NULL, doc);
		} else if (round % 3 == 1) {
			jw_open(&w, NULL, '{');
			jw_members(&w, json_incref(doc));   /* jansson prints the members */
			jw_close(&w, '}');
		} else {
			jw_value(&w, NULL, json_incref(doc));
		}
		assert_int_equal(jw_end(&w), 0);
		char *t = jansson_text(doc);
		assert_memory_equal(sb.buf, "kept", 4);
		assert_string_equal(sb.buf + 4, t);
		free(t);
		sb_free(&sb);
	}
}

static void test_empty_and_failure(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb, 1u << 10);
	struct jw w;
	jw_init(&w, &sb);
	jw_open(&w, NULL, '[');
	jw_open(&w, NULL, '{');
	jw_close(&w, '}');
	jw_open(&w, NULL, '[');
	jw_close(&w, ']');
	jw_int(&w, NULL, -9223372036854775807LL - 1);
	jw_int(&w, NULL, 9223372036854775807LL);
	jw_int(&w, NULL, 0);
	jw_int(&w, NULL, -1);
	jw_int(&w, NULL, 1000);
	jw_close(&w, ']');
	assert_int_equal(jw_end(&w), 0);
	assert_string_equal(sb_str(&sb), "[\n  {},\n  [],\n  -9223372036854775808,\n"
					 "  9223372036854775807,\n  0,\n  -1,\n  1000\n]\n");
	/* past the maximum: the buffer is left as it was */
	struct strbuf small;
	sb_init(&small, 40);
	assert_int_equal(sb_adds(&small, "before"), 0);
	jw_init(&w, &small);
	jw_open(&w, NULL, '{');
	jw_str(&w, "long", "a string that does not fit in forty bytes at all");
	jw_int(&w, "n", 1);
	jw_close(&w, '}');
	assert_int_equal(jw_end(&w), EL_ETOOBIG);
	assert_string_equal(sb_str(&small), "before");
	/* deeper than JW_MAX_DEPTH fails too; closing what is not open as well */
	jw_init(&w, &sb);
	for (int i = 0; i <= JW_MAX_DEPTH; i++)
		jw_open(&w, NULL, '[');
	assert_int_equal(jw_end(&w), EL_ETOOBIG);
	jw_init(&w, &sb);
	jw_close(&w, ']');
	assert_int_equal(jw_end(&w), EL_EINVAL);
	assert_string_equal(sb_str(&sb), "[\n  {},\n  [],\n  -9223372036854775808,\n"
					 "  9223372036854775807,\n  0,\n  -1,\n  1000\n]\n");
	sb_free(&sb);
	sb_free(&small);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_random_documents),
		cmocka_unit_test(test_empty_and_failure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
