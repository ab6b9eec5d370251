/*
 * ytree.c — builds a bounded YAML tree from libyaml events (see ytree.h).
 */
#include "ytree.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct ybuild {
	struct arena *a;
	yaml_parser_t parser;
	size_t nodes;
	char *err, *err_ja;   /* err_ja: NULL when not wanted */
	size_t errn;
};

/* Writes the error in English and, when wanted, in Japanese (both formats
 * checked against the arguments by the yb_fail() macro). */
static void yb_fail_l(struct ybuild *b, const char *en, const char *ja, ...)
	__attribute__((format(printf, 2, 4)));
static void yb_fail_l(struct ybuild *b, const char *en, const char *ja, ...)
{
	va_list ap, ap2;
	va_start(ap, ja);
	va_copy(ap2, ap);
	vsnprintf(b->err, b->errn, en, ap);
	if (b->err_ja) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		vsnprintf(b->err_ja, b->errn, ja, ap2);
#pragma GCC diagnostic pop
	}
	va_end(ap2);
	va_end(ap);
}
#define yb_fail(b, en, ja, ...)                                                \
	((void)sizeof(printf(ja, ##__VA_ARGS__)), yb_fail_l(b, en, ja, ##__VA_ARGS__))

static void yb_error(struct ybuild *b, const yaml_mark_t *m, const char *what,
		     const char *what_ja)
{
	yb_fail(b, "line %zu, column %zu: %s%.0s", "%zu 行目 %zu 列: %.0s%s", m->line + 1,
		m->column + 1, what, what_ja);
}

static int yb_next(struct ybuild *b, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&b->parser, ev)) {
		const char *prob = b->parser.problem ? b->parser.problem
						     : "not valid YAML";
		/* libyaml's own text: quoted as it is in Japanese. */
		yb_fail(b, "line %zu, column %zu: %s%s%s", "%zu 行目 %zu 列: YAML として読めません（「%s%s%s」）",
			b->parser.problem_mark.line + 1,
			b->parser.problem_mark.column + 1, prob,
			b->parser.context ? " " : "",
			b->parser.context ? b->parser.context : "");
		return EL_EPARSE;
	}
	return 0;
}

/* Grows a node's child arrays (arena memory: the old arrays are simply
 * abandoned, which is fine for small config files). */
static int yb_push(struct ybuild *b, struct ynode *n, struct ynode *k,
		   struct ynode *v, size_t *cap)
{
	size_t capv = *cap, capk = *cap;
	struct ynode **nv = arena_grow(b->a, n->vals, &capv, n->n, sizeof(struct ynode *));
	struct ynode **nk = n->kind == Y_MAP && nv
				    ? arena_grow(b->a, n->keys, &capk, n->n, sizeof(struct ynode *))
				    : NULL;
	if (!nv || (n->kind == Y_MAP && !nk))
		return EL_ENOMEM;
	n->vals = nv;
	n->keys = nk;
	*cap = capv;
	if (n->kind == Y_MAP)
		n->keys[n->n] = k;
	n->vals[n->n++] = v;
	return 0;
}

static int yb_node(struct ybuild *b, yaml_event_t *ev, unsigned depth,
		   struct ynode **out);

static struct ynode *yb_new(struct ybuild *b, enum ynode_kind kind,
			    const yaml_mark_t *m)
{
	if (++b->nodes > YTREE_MAX_NODES) {
		yb_error(b, m, "too many YAML nodes (limit 200000)",
			 "YAML のノードが多すぎます（上限 200000 個）");
		return NULL;
	}
	struct ynode *n = arena_alloc(b->a, sizeof(*n));
	if (!n) {
		yb_error(b, m, "out of memory", "メモリが足りません");
		return NULL;
	}
	n->kind = kind;
	n->line = (unsigned)m->line + 1;
	n->col = (unsigned)m->column + 1;
	return n;
}

static int yb_key_cmp(const void *a, const void *b)
{
	const struct ynode *x = *(const struct ynode *const *)a;
	const struct ynode *y = *(const struct ynode *const *)b;
	int c = strcmp(x->str, y->str);
	if (c)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Reports a key that appears twice in a mapping. Sorting a copy of the keys
 * keeps this O(n log n) for mappings with very many keys. */
static int yb_check_duplicates(struct ybuild *b, const struct ynode *m)
{
	if (m->n < 2)
		return 0;
	const struct ynode **keys = malloc(m->n * sizeof(const struct ynode *));
	if (!keys) {
		yb_fail(b, "out of memory", "メモリが足りません");
		return EL_ENOMEM;
	}
	memcpy(keys, m->keys, m->n * sizeof(const struct ynode *));
	qsort(keys, m->n, sizeof(const struct ynode *), yb_key_cmp);
	int rc = 0;
	for (size_t i = 1; i < m->n; i++) {
		if (strcmp(keys[i - 1]->str, keys[i]->str) == 0) {
			yb_fail(b, "line %u, column %u: key \"%.40s\" appears twice (first on line %u)",
				"%u 行目 %u 列: キー「%.40s」が二度あります（最初は %u 行目）",
				keys[i]->line, keys[i]->col, keys[i]->str, keys[i - 1]->line);
			rc = EL_EPARSE;
			break;
		}
	}
	free(keys);
	return rc;
}

/* Consumes the children of a collection until its end event. */
static int yb_children(struct ybuild *b, struct ynode *n, unsigned depth,
		       yaml_event_type_t end)
{
	size_t cap = 0;
	for (;;) {
		yaml_event_t ev;
		int rc = yb_next(b, &ev);
		if (rc)
			return rc;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			return n->kind == Y_MAP ? yb_check_duplicates(b, n) : 0;
		}
		struct ynode *k = NULL, *v = NULL;
		rc = yb_node(b, &ev, depth + 1, n->kind == Y_MAP ? &k : &v);
		yaml_event_delete(&ev);
		if (rc)
			return rc;
		if (n->kind == Y_MAP) {
			if (k->kind != Y_SCALAR) {
				yb_fail(b, "line %u, column %u: a mapping key must be a plain value",
					"%u 行目 %u 列: マッピングのキーは単純な値でなければなりません",
					k->line, k->col);
				return EL_EPARSE;
			}
			rc = yb_next(b, &ev);
			if (rc)
				return rc;
			rc = yb_node(b, &ev, depth + 1, &v);
			yaml_event_delete(&ev);
			if (rc)
				return rc;
		}
		rc = yb_push(b, n, k, v, &cap);
		if (rc)
			return rc;
	}
}

static int yb_node(struct ybuild *b, yaml_event_t *ev, unsigned depth,
		   struct ynode **out)
{
	if (depth >= YTREE_MAX_DEPTH) {   /* depth counts from 0 at the root */
		yb_error(b, &ev->start_mark, "nested too deeply (limit 32 levels)",
			 "入れ子が深すぎます（上限 32 段）");
		return EL_EPARSE;
	}
	struct ynode *n;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = yb_new(b, Y_SCALAR, &ev->start_mark);
		if (!n)
			return EL_EPARSE;
		n->str = arena_strndup(b->a, (const char *)ev->data.scalar.value,
				       ev->data.scalar.length);
		if (!n->str) {
			yb_error(b, &ev->start_mark, "out of memory", "メモリが足りません");
			return EL_ENOMEM;
		}
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		*out = n;
		return 0;
	case YAML_SEQUENCE_START_EVENT:
		n = yb_new(b, Y_SEQ, &ev->start_mark);
		if (!n)
			return EL_EPARSE;
		*out = n;
		return yb_children(b, n, depth, YAML_SEQUENCE_END_EVENT);
	case YAML_MAPPING_START_EVENT:
		n = yb_new(b, Y_MAP, &ev->start_mark);
		if (!n)
			return EL_EPARSE;
		*out = n;
		return yb_children(b, n, depth, YAML_MAPPING_END_EVENT);
	case YAML_ALIAS_EVENT:
		yb_error(b, &ev->start_mark,
			 "aliases (*name) are not accepted in edgelint files",
			 "エイリアス（*name）は edgelint のファイルでは使えません");
		return EL_EPARSE;
	default:
		yb_error(b, &ev->start_mark, "unexpected YAML structure",
			 "想定していない YAML の構造です");
		return EL_EPARSE;
	}
}

int ytree_parse(struct arena *a, const char *buf, size_t n,
		struct ynode **root, char *err, size_t errn)
{
	return ytree_parse_ja(a, buf, n, root, err, NULL, errn);
}

int ytree_parse_ja(struct arena *a, const char *buf, size_t n,
		   struct ynode **root, char *err, char *err_ja, size_t errn)
{
	struct ybuild b = {.a = a, .err = err, .err_ja = err_ja, .errn = errn};
	*root = NULL;
	if (!yaml_parser_initialize(&b.parser)) {
		yb_fail(&b, "out of memory", "メモリが足りません");
		return EL_ENOMEM;
	}
	yaml_parser_set_input_string(&b.parser, (const unsigned char *)buf, n);
	int rc = 0;
	bool in_doc = false;
	for (;;) {
		yaml_event_t ev;
		rc = yb_next(&b, &ev);
		if (rc)
			break;
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (t == YAML_DOCUMENT_START_EVENT) {
			if (in_doc || *root) {
				/* Only the first document is read. */
				yaml_event_delete(&ev);
				break;
			}
			in_doc = true;
		} else if (t == YAML_DOCUMENT_END_EVENT) {
			in_doc = false;
		} else if (t != YAML_STREAM_START_EVENT) {
			rc = yb_node(&b, &ev, 0, root);
		}
		yaml_event_delete(&ev);
		if (rc)
			break;
	}
	yaml_parser_delete(&b.parser);
	if (rc)
		*root = NULL;
	return rc;
}

struct ynode *ymap_get(const struct ynode *m, const char *key)
{
	if (!m || m->kind != Y_MAP)
		return NULL;
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->keys[i]->str, key) == 0)
			return m->vals[i];
	return NULL;
}

bool yscalar_is_null(const struct ynode *n)
{
	if (!n || n->kind != Y_SCALAR || !n->plain)
		return false;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	       str_ieq_n(n->str, n->len, "null");
}

int yscalar_bool(const struct ynode *n, bool *out)
{
	static const char *const yes[] = {"true", "yes", "on"};
	static const char *const no[] = {"false", "no", "off"};
	if (!n || n->kind != Y_SCALAR || !n->plain)
		return -1;
	for (size_t i = 0; i < 3; i++) {
		if (str_ieq_n(n->str, n->len, yes[i])) {
			*out = true;
			return 0;
		}
		if (str_ieq_n(n->str, n->len, no[i])) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

int yscalar_long(const struct ynode *n, long lo, long hi, long *out)
{
	if (!n || n->kind != Y_SCALAR)
		return -1;
	return str_to_long(n->str, lo, hi, out);
}

int yscalar_double(const struct ynode *n, double *out)
{
	if (!n || n->kind != Y_SCALAR || n->len == 0)
		return -1;
	char *end = NULL;
	double v = strtod(n->str, &end);
	if (!end || *end != '\0' || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

const char *ynode_kind_name(const struct ynode *n)
{
	if (!n)
		return "nothing";
	switch (n->kind) {
	case Y_MAP:
		return "a mapping";
	case Y_SEQ:
		return "a list";
	default:
		return "a single value";
	}
}
