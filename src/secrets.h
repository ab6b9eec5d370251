/*
 * secrets.h — the set of secrets a run knows (every passphrase, key and
 * captured password of every input), and the one matcher that finds them
 * in a value about to be printed: an Aho–Corasick automaton (Aho and
 * Corasick, "Efficient string matching", CACM 18(6), 1975), so a text of n
 * bytes costs O(n) whatever the number and the shape of the secrets
 * (secrets that share a prefix, or that are suffixes of one another, cost
 * nothing more).
 *
 * What is hidden is the union of every occurrence of every secret: each
 * maximal run of bytes covered by some occurrence becomes one "****", so an
 * occurrence is hidden even when it overlaps another. Secrets shorter than
 * SECRET_MASK_MIN bytes are not matched (masking "abc" would mangle words
 * while hiding nothing useful).
 */
#ifndef EDGELINT_SECRETS_H
#define EDGELINT_SECRETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Secrets shorter than this are not matched by a set made with
 * secret_set_init() (masking "abc" would mangle words while hiding
 * nothing useful). */
#define SECRET_MASK_MIN 4
/* Secrets shorter than this are not looked for in printed values by the
 * last line of defence (finding_scrub; src/finding.c says why): 8, the
 * shortest WPA passphrase (IEEE 802.11i-2004, H.4.1: 8 to 63 characters).
 * Shorter secrets ("pass", "yamaha", "public") are common words that
 * values of the input hold by chance; they are kept out by construction
 * only. */
#define SECRET_ORACLE_MIN 8
/* What replaces a run of secret bytes. */
#define SECRET_MASK "****"

struct secret_node;

struct secret_set {
	struct secret_node *nodes;   /* node 0 is the root */
	uint32_t nnodes, capnodes;
	uint32_t root_next[256];     /* the root's transitions (0: none) */
	bool built;                  /* failure links are up to date */
	bool nomem;                  /* an insertion failed: see secret_set_add */
	size_t min;                  /* shorter secrets are ignored */
};

/* An empty set that ignores secrets shorter than SECRET_MASK_MIN, or
 * than min. */
void secret_set_init(struct secret_set *set);
void secret_set_init_min(struct secret_set *set, size_t min);
/* Frees what the set holds; it is empty and reusable afterwards. */
void secret_set_free(struct secret_set *set);
/* Adds a secret (n bytes, any bytes; copied into the automaton). A
 * secret shorter than the set's minimum is ignored. Returns 0 or EL_ENOMEM;
 * after EL_ENOMEM the set is marked (set->nomem) and secret_set_mask
 * refuses to mask, so nothing is printed unmasked by mistake. */
int secret_set_add(struct secret_set *set, const char *s, size_t n);
/* A run [s, e) of bytes of a text covered by occurrences of secrets. */
struct secret_run {
	size_t s, e;
};
/* The maximal runs of s (n bytes) covered by occurrences of secrets of
 * the set, in order, into *out (malloc'd, the caller frees; NULL when
 * none) and their number into *nout. Returns 0 or EL_ENOMEM (also when
 * the set is incomplete: the caller must assume the worst). */
int secret_set_runs(struct secret_set *set, const char *s, size_t n,
		    struct secret_run **out, size_t *nout);
/* Appends s (n bytes) to out with every run of secret bytes replaced by
 * SECRET_MASK. The bytes are compared raw: call it before any
 * sanitising. Returns 0, EL_ENOMEM (also when the set is incomplete) or
 * EL_ETOOBIG (out's maximum); on failure nothing of s is appended. */
int secret_set_mask(struct secret_set *set, const char *s, size_t n, struct strbuf *out);
/* True when s (n bytes) holds an occurrence of a secret of the set (also
 * when the set is incomplete after EL_ENOMEM: the caller must assume the
 * worst). */
bool secret_set_found(struct secret_set *set, const char *s, size_t n);

/* A copy of the input line s (n bytes) in arena a, with each span of
 * spans (nspans of them, in order, not overlapping; offsets into s) that
 * holds a secret replaced by SECRET_MASK: evidence that quotes a line
 * carrying a secret is built this way by the parser that knows where the
 * secret is, whatever its length (issue 11 §2). The bytes are kept raw
 * (sanitised when printed). NULL when out of memory. */
char *evidence_line_masked(struct arena *a, const char *s, size_t n,
			   const struct secret_run *spans, size_t nspans);

#endif
