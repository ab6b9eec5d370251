/*
 * jsonw.h — JSON written straight into the report's buffer, byte for byte
 * as jansson's json_dump_callback prints it with JSON_INDENT(2) |
 * JSON_PRESERVE_ORDER (jansson 2.14, dump.c): two spaces per level, ", "
 * never (a comma ends the line), ": " after a key, "{}" and "[]" for empty
 * containers, strings escaped as jansson does (\" \\ \b \f \n \r \t, other
 * control characters as \u00XX in capitals, nothing else; UTF-8 as is).
 * jansson refuses a string that is not valid UTF-8 (json_string returns
 * NULL and json_object_set_new then sets nothing); jw_str leaves such a
 * member out in the same way. A report of 100,000 findings no longer
 * builds a tree of objects it prints once and frees (issue 10 §4).
 */
#ifndef EDGELINT_JSONW_H
#define EDGELINT_JSONW_H

#include <stdbool.h>
#include <stddef.h>

#include "../util.h"

#define JW_MAX_DEPTH 32

struct jw {
	struct strbuf *out;
	size_t len0;              /* out->len when jw_init ran */
	int depth;                /* open containers */
	bool any[JW_MAX_DEPTH + 1];  /* whether container d holds a member */
	int rc;                   /* first failure; later writes do nothing */
};

/* Starts writing at the end of out, at depth 0 (the root value). */
void jw_init(struct jw *w, struct strbuf *out);
/* key is the member's name inside an object, NULL inside an array or at
 * the root. */
void jw_open(struct jw *w, const char *key, char bracket);   /* '{' or '[' */
void jw_close(struct jw *w, char bracket);                   /* '}' or ']' */
/* A string (s NULL: null). Not valid UTF-8: nothing at all (as jansson). */
void jw_str(struct jw *w, const char *key, const char *s);
void jw_int(struct jw *w, const char *key, long long v);
/* A jansson value (json_t *), printed by jansson and indented to its
 * depth, then released; NULL (a value jansson could not build): nothing. */
void jw_value(struct jw *w, const char *key, void *json);
/* Every member of a jansson object, in order, into the open object; the
 * object is released. */
void jw_members(struct jw *w, void *json_obj);
/* Ends the document with a new line (as report_dump_json): 0, or the
 * first failure, and then nothing written since jw_init is left in out. */
int jw_end(struct jw *w);

#endif
