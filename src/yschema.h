/*
 * yschema.h — reading a YAML data file (ytree.h) against what its loader
 * expects, and reporting EVERY problem of the file, each as
 * "file:line: reason", instead of stopping at the first one.
 *
 * The model is OpenBSD pfctl's parse.y: yyerror() prints the problem
 * with its file and line, counts it (errors++), and parsing resumes at
 * the next line (findeol()); only at the end does the load fail when
 * errors > 0. Here a loader records a problem with yf_err(), skips the
 * rest of the entry it is reading, and goes on with the next entry; the
 * caller fails the load when yf errors were recorded. Used by the rules
 * data loaders (registry.c and its reg_*.c modules) and the policy file
 * (policy.c).
 *
 * The messages go into the caller's buffer (the error buffer of
 * registry_load and policy_load), one per line, in the order found;
 * what does not fit is counted and named in a last line, never dropped
 * silently.
 */
#ifndef EDGELINT_YSCHEMA_H
#define EDGELINT_YSCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include "util.h"
#include "ytree.h"

/* The problems of one load (several files may share it). */
struct ydiag {
	char *buf;               /* the caller's buffer: messages joined by '\n' */
	size_t n;                /* its size */
	size_t len;              /* bytes used */
	unsigned count;          /* problems recorded */
	unsigned dropped;        /* of which did not fit in buf */
};

/* Starts an empty list writing into buf (n bytes, n > 0). */
void ydiag_init(struct ydiag *d, char *buf, size_t n);
/* Appends one message (a line without '\n'). The first message is always
 * written (cut to fit, as snprintf cuts); a later one only when it fits
 * whole with room left for the closing line; otherwise it is counted. */
void ydiag_add(struct ydiag *d, const char *msg);
/* Ends the list: when messages did not fit, adds the line
 * "… and N more problems". */
void ydiag_finish(struct ydiag *d);

/* One data file being read. */
struct yfile {
	struct arena *a;         /* where the tree and its strings live */
	struct ydiag *d;         /* where problems go */
	const char *file;        /* the path messages name */
	struct ynode *root;      /* the document; NULL when empty */
	unsigned errors;         /* problems recorded for this file */
	bool line_one;           /* a problem without a node is on line 1
				  * (policy), not file-wide ("file: reason") */
	bool ja;                 /* problems in Japanese (the policy, which the
				  * admin writes; the rules data is ours and
				  * its problems stay in English) */
};

/* Reads path (at most max bytes) and parses it into f->root, after
 * setting f->file = path. On a read failure records "path: cannot: why"
 * and returns EL_EIO; on a YAML error records "path: line L, column C:
 * reason" and returns EL_EPARSE. An empty file gives root NULL and 0. */
int yf_open(struct yfile *f, const char *path, size_t max, const char *cannot);
/* The same with the Japanese of cannot (used when f->ja). */
int yf_open_l(struct yfile *f, const char *path, size_t max, const char *cannot,
	      const char *cannot_ja);
/* Records "file:line: message" (the line of at; see line_one when at is
 * NULL) and returns EL_EPARSE. */
int yf_err(struct yfile *f, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* yf_err() in the file's language: en, or ja when f->ja (the compiler
 * checks both formats against the same arguments). */
#define yf_err_l(f, at, en_, ja_, ...) \
	((void)sizeof(printf(ja_, ##__VA_ARGS__)), yf_err((f), (at), (f)->ja ? (ja_) : (en_), ##__VA_ARGS__))
/* Checks every key of the mapping m against allowed (NULL-terminated)
 * and records one problem per unknown key: "what: unknown key 'k'", with
 * " (expected one of: a, b)" when list_expected (in Japanese when f->ja;
 * what is then Japanese too). 0, or EL_EPARSE when a
 * key was unknown. */
int yf_keys(struct yfile *f, const struct ynode *m, const char *const *allowed,
	    const char *what, bool list_expected);

#endif
