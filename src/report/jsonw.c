/*
 * jsonw.c — JSON streamed into a strbuf exactly as jansson prints it (see
 * jsonw.h). tests/unit/test_jsonw.c compares every function with jansson.
 */
#include "jsonw.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void jw_init(struct jw *w, struct strbuf *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->len0 = out->len;
}

static void jw_add(struct jw *w, const char *s, size_t n)
{
	struct strbuf *o = w->out;
	if (w->rc)
		return;
	/* What sb_add does when the bytes fit, without a call per piece. */
	if (n < o->cap - o->len && n <= o->max && o->len <= o->max - n) {
		memcpy(o->buf + o->len, s, n);
		o->len += n;
		o->buf[o->len] = '\0';
		return;
	}
	w->rc = sb_add(o, s, n);
}

/* A new line indented to depth d (two spaces a level). */
static void jw_newline(struct jw *w, int d)
{
	static const char sp[] = "\n                                                                ";
	size_t n = (size_t)d * 2;
	jw_add(w, sp, 1);
	while (n) {
		size_t k = n < sizeof(sp) - 2 ? n : sizeof(sp) - 2;
		jw_add(w, sp + 1, k);
		n -= k;
	}
}

/* Eight bytes of s at once (C11: a copy, no aliasing or alignment). */
#define JW_ONES ((uint64_t)0x0101010101010101u)
#define JW_HIGHS ((uint64_t)0x8080808080808080u)
static uint64_t jw_word(const void *s)
{
	uint64_t v;
	memcpy(&v, s, sizeof(v));
	return v;
}

/* Whether the word has a byte below 0x20, a '"' or a '\\' (what jw_quoted
 * escapes): the zero-byte test of each (Hacker's Delight 6-1; exact as a
 * yes or no). */
static bool jw_word_special(uint64_t v)
{
	uint64_t q = v ^ (JW_ONES * '"'), b = v ^ (JW_ONES * '\\');
	return (((v - JW_ONES * 0x20) & ~v) | ((q - JW_ONES) & ~q) | ((b - JW_ONES) & ~b)) &
	       JW_HIGHS;
}

/* Whether s is valid UTF-8 as jansson's utf8_check_string judges it:
 * no overlong form, no surrogate, nothing past U+10FFFF. */
static bool jw_utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			/* ASCII, eight bytes at a time where it goes on */
			while (n - i > 8 && !(jw_word(s + i + 1) & JW_HIGHS))
				i += 8;
			i++;
			continue;
		}
		size_t len;
		unsigned v;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			v = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			v = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			v = c & 0x07;
		} else {
			return false;
		}
		if (n - i < len)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			v = (v << 6) | (s[i + k] & 0x3F);
		}
		if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (len == 3 && v < 0x800) ||
		    (len == 4 && v < 0x10000))
			return false;
		i += len;
	}
	return true;
}

/* s quoted and escaped as jansson's dump_string does without flags. */
static void jw_quoted(struct jw *w, const char *s, size_t n)
{
	jw_add(w, "\"", 1);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		/* eight bytes with nothing to escape at a time */
		while (n - i >= 8 && !jw_word_special(jw_word(s + i)))
			i += 8;
		if (i == n)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		jw_add(w, s + run, i - run);
		run = i + 1;
		char seq[8];
		switch (c) {
		case '"': jw_add(w, "\\\"", 2); break;
		case '\\': jw_add(w, "\\\\", 2); break;
		case '\b': jw_add(w, "\\b", 2); break;
		case '\f': jw_add(w, "\\f", 2); break;
		case '\n': jw_add(w, "\\n", 2); break;
		case '\r': jw_add(w, "\\r", 2); break;
		case '\t': jw_add(w, "\\t", 2); break;
		default:
			snprintf(seq, sizeof(seq), "\\u%04X", c);
			jw_add(w, seq, 6);
		}
	}
	jw_add(w, s + run, n - run);
	jw_add(w, "\"", 1);
}

/* What comes before a value: a comma after an earlier member, the new
 * line and the key. */
static void jw_sep(struct jw *w, const char *key)
{
	if (w->depth == 0)
		return;
	if (w->any[w->depth])
		jw_add(w, ",", 1);
	w->any[w->depth] = true;
	jw_newline(w, w->depth);
	if (key) {
		jw_quoted(w, key, strlen(key));
		jw_add(w, ": ", 2);
	}
}

void jw_open(struct jw *w, const char *key, char bracket)
{
	jw_sep(w, key);
	jw_add(w, &bracket, 1);
	if (w->depth >= JW_MAX_DEPTH) {
		if (!w->rc)
			w->rc = EL_ETOOBIG;
		return;
	}
	w->any[++w->depth] = false;
}

void jw_close(struct jw *w, char bracket)
{
	if (w->depth == 0) {
		if (!w->rc)
			w->rc = EL_EINVAL;
		return;
	}
	if (w->any[w->depth--])
		jw_newline(w, w->depth);
	jw_add(w, &bracket, 1);
}

void jw_str(struct jw *w, const char *key, const char *s)
{
	if (!s) {
		jw_sep(w, key);
		jw_add(w, "null", 4);
		return;
	}
	size_t n = strlen(s);
	if (!jw_utf8_ok((const unsigned char *)s, n))
		return;
	jw_sep(w, key);
	jw_quoted(w, s, n);
}

void jw_int(struct jw *w, const char *key, long long v)
{
	/* As "%lld" prints it, without printf (a report has a line number
	 * or two per finding). */
	char num[24], *p = num + sizeof(num);
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	jw_sep(w, key);
	jw_add(w, p, (size_t)(num + sizeof(num) - p));
}

struct jw_dump {
	struct jw *w;
	int depth;
};

/* jansson's output of a nested value, each new line indented to the
 * value's depth (a JSON string never holds a raw new line). */
static int jw_dump_add(const char *buf, size_t n, void *data)
{
	struct jw_dump *d = data;
	size_t run = 0;
	for (size_t i = 0; i < n; i++)
		if (buf[i] == '\n') {
			jw_add(d->w, buf + run, i - run);
			jw_newline(d->w, d->depth);
			run = i + 1;
		}
	jw_add(d->w, buf + run, n - run);
	return d->w->rc ? -1 : 0;
}

void jw_value(struct jw *w, const char *key, void *json)
{
	json_t *j = json;
	if (!j)
		return;
	jw_sep(w, key);
	struct jw_dump d = {.w = w, .depth = w->depth};
	if (json_dump_callback(j, jw_dump_add, &d,
			       JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY) &&
	    !w->rc)
		w->rc = EL_ENOMEM;
	json_decref(j);
}

void jw_members(struct jw *w, void *json_obj)
{
	json_t *o = json_obj;
	if (!o) {
		if (!w->rc)
			w->rc = EL_ENOMEM;
		return;
	}
	for (void *it = json_object_iter(o); it; it = json_object_iter_next(o, it))
		jw_value(w, json_object_iter_key(it), json_incref(json_object_iter_value(it)));
	json_decref(o);
}

int jw_end(struct jw *w)
{
	jw_add(w, "\n", 1);
	if (w->rc && w->out->buf) {   /* nothing of a failed report is kept */
		w->out->len = w->len0;
		w->out->buf[w->len0] = '\0';
	}
	return w->rc;
}
