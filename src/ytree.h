/*
 * ytree.h — a small YAML tree built from libyaml's event stream, for the
 * files edgelint reads as YAML (rules data, policy, router facts).
 *
 * Why not libyaml's document loader: we want hard limits (depth, node
 * count), no alias expansion at all (an alias in a file from a stranger
 * is refused), and 1-based line/column on every node for diagnostics.
 * Every node and string lives in the caller's arena.
 */
#ifndef EDGELINT_YTREE_H
#define EDGELINT_YTREE_H

#include <stdbool.h>
#include <stddef.h>
#include "util.h"

enum ynode_kind { Y_SCALAR, Y_MAP, Y_SEQ };

struct ynode {
	enum ynode_kind kind;
	unsigned line, col;      /* 1-based position of the node */
	const char *str;         /* Y_SCALAR: the value, NUL-terminated */
	size_t len;              /* Y_SCALAR: its length in bytes */
	bool plain;              /* Y_SCALAR: unquoted (so `null`, `true` are words) */
	/* Y_MAP: keys[i] -> vals[i]; Y_SEQ: vals[i]. */
	struct ynode **keys;
	struct ynode **vals;
	size_t n;
};

#define YTREE_MAX_DEPTH 32
#define YTREE_MAX_NODES 200000

/* Parses the first YAML document of buf (length n) into a tree in arena.
 * *root is NULL for an empty stream. On error returns EL_EPARSE and writes
 * "line L, column C: reason" into err. */
int ytree_parse(struct arena *a, const char *buf, size_t n,
		struct ynode **root, char *err, size_t errn);
/* The same, also writing the reason in Japanese into err_ja (errn bytes
 * too); libyaml's own text of a syntax error stays as it is, quoted. */
int ytree_parse_ja(struct arena *a, const char *buf, size_t n,
		   struct ynode **root, char *err, char *err_ja, size_t errn);

/* Looks a key up in a mapping; NULL when absent or m is not a mapping. */
struct ynode *ymap_get(const struct ynode *m, const char *key);
/* True when the scalar is an unquoted null (`~`, `null`, or empty). */
bool yscalar_is_null(const struct ynode *n);
/* Parses a YAML 1.1/1.2 boolean scalar (true/false/yes/no/on/off);
 * returns 0, or -1 when the node is not one. */
int yscalar_bool(const struct ynode *n, bool *out);
/* Parses an integer scalar within [lo, hi]; 0 or -1. */
int yscalar_long(const struct ynode *n, long lo, long hi, long *out);
/* Parses a number scalar (integer or decimal); 0 or -1. */
int yscalar_double(const struct ynode *n, double *out);
/* Human name of a node kind ("a mapping", "a list", "a value"). */
const char *ynode_kind_name(const struct ynode *n);

#endif
