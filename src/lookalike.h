/*
 * lookalike.h — host names that look like an approved domain without
 * being it or one of its subdomains (item 6-1, rule EL404). A name is
 * compared with each approved domain four ways, first hit wins:
 *
 *   extra labels   the approved name inside a longer one that is not
 *                  its subdomain: microsoftonline.com.evil.example
 *   extra words    the approved name's main label as one word of a
 *                  hyphenated label: login-microsoftonline.com (only
 *                  for main labels of 5 characters or more: shorter
 *                  words are too common inside other names)
 *   confusable     the same after mapping look-alike characters to one
 *                  form (rules/lookalike.yaml: 0/o, 1/l/i, rn/m, vv/w,
 *                  Cyrillic and Greek letters…), xn-- labels decoded
 *                  from punycode (RFC 3492) first: rnicrosoftonline.com
 *   edit distance  the registrable parts (the label before the public
 *                  suffix, with the suffix) at most 1 edit apart (2 when
 *                  the approved main label has 10 characters or more),
 *                  counting a swap of neighbours as one edit (optimal
 *                  string alignment distance), before or after the
 *                  mapping; only for main labels of 5 characters or
 *                  more (4-letter names have too many real neighbours)
 *
 * A word added to the approved name (extra words) only asks to verify
 * the owner (EL404 warns): google-analytics.com is Google's, amazon-
 * support.net need not be. When the word reads as the approved main
 * label only after the mapping (g00gle-login.com), it is a confusable.
 *
 * Registrable domains come from the Public Suffix List (libpsl, the
 * system's copy: lookalike_psl_open), both its ICANN and its private
 * section: on a hosting suffix such as github.io every customer's name
 * is its own registrable domain.
 *
 * Never flagged: the approved domain itself, its subdomains, any name
 * with the same registrable domain (login.microsoftonline.com and
 * microsoftonline.com share an owner), any name whose registrable
 * domain belongs to the owner of an approved one (rules/
 * service-domains.yaml: www.google-analytics.com when google.com is
 * approved), IP addresses, and the same name under another suffix
 * (office.net is Microsoft's too).
 */
#ifndef EDGELINT_LOOKALIKE_H
#define EDGELINT_LOOKALIKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LOOKALIKE_FROM_MAX 3      /* code points a mapping replaces */
#define LOOKALIKE_TO_MAX 3        /* ASCII characters it gives */
#define LOOKALIKE_NAME_MAX 253    /* code points of a name compared */

/* One look-alike mapping: from[0..nfrom) reads as the ASCII text to. */
struct lookalike_map {
	uint32_t from[LOOKALIKE_FROM_MAX];
	uint8_t nfrom;
	char to[LOOKALIKE_TO_MAX + 1];
};

/* A domain of rules/service-domains.yaml and the index of its owner. */
struct lookalike_owned {
	const char *domain;           /* registrable, lower case */
	unsigned owner;               /* into lookalike_data.owners */
};

struct psl_ctx_st;                /* libpsl's context */

/* What rules/lookalike.yaml and rules/service-domains.yaml say, and the
 * Public Suffix List (loaded by the registry). */
struct lookalike_data {
	struct lookalike_map *maps;   /* longest 'from' first */
	size_t nmaps;
	struct psl_ctx_st *psl;       /* NULL: the last label is the suffix */
	const char **owners;          /* owner names (one entry per owner) */
	size_t nowners;
	struct lookalike_owned *owned; /* sorted by domain */
	size_t nowned;
	const char **well_known;      /* checked when the policy names none */
	size_t nwell_known;
};

/* The system's Public Suffix List: the file named by the environment
 * variable EDGELINT_PSL when set, else the newest of libpsl's built-in
 * list and the distribution's file (Debian: package publicsuffix,
 * /usr/share/publicsuffix). NULL with *why set when none can be read. */
struct psl_ctx_st *lookalike_psl_open(const char **why);
void lookalike_psl_free(struct psl_ctx_st *psl);
/* The registrable domain of name (lower case) by the list, or NULL when
 * name is a public suffix itself (or psl is NULL). */
const char *lookalike_registrable(const struct psl_ctx_st *psl, const char *name);
/* The index of the owner of the registrable domain reg, or -1. */
long lookalike_owner(const struct lookalike_data *d, const char *reg);

enum lookalike_why {
	LA_NONE,
	LA_EXTRA_LABELS,
	LA_EXTRA_WORDS,
	LA_CONFUSABLE,
	LA_EDIT_DISTANCE,
};

/* "extra-labels", "extra-words", "confusable", "edit-distance". */
const char *lookalike_why_name(enum lookalike_why w);

/* The index in approved[0..n) of the domain host imitates, with *why
 * and, for LA_EDIT_DISTANCE, the number of *edits; -1 when host is none's
 * look-alike (or is one of them, or a subdomain of one). host and
 * approved names: ASCII, compared case-insensitively, a final dot
 * ignored. */
long lookalike_match(const struct lookalike_data *d, const char *host,
		     const char *const *approved, size_t n, enum lookalike_why *why,
		     unsigned *edits);

/* The same answer as lookalike_match for many hosts against one list of
 * approved domains, at a cost near linear in hosts + domains (see
 * lookalike.c). approved must outlive the index. NULL: out of memory. */
struct lookalike_index;
struct lookalike_index *lookalike_index_new(const struct lookalike_data *d,
					    const char *const *approved, size_t n);
long lookalike_index_match(struct lookalike_index *ix, const char *host, enum lookalike_why *why,
			   unsigned *edits);
void lookalike_index_free(struct lookalike_index *ix);

/* Decodes the punycode of an xn-- label (the part after "xn--",
 * in[0..n)) into out[0..cap) code points (RFC 3492 §6.2). Returns the
 * count, or -1 when the input is not valid punycode or does not fit. */
long lookalike_punycode(const char *in, size_t n, uint32_t *out, size_t cap);

/* The name as code points (xn-- labels decoded) mapped to its look-alike
 * skeleton, into out[0..cap). Returns the count (truncated at cap). */
size_t lookalike_skeleton(const struct lookalike_data *d, const char *name, uint32_t *out,
			  size_t cap);

/* Optimal string alignment distance of a[0..na) and b[0..nb) (insert,
 * delete, substitute, swap of neighbours: each 1), or limit + 1 when it
 * exceeds limit. */
unsigned lookalike_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
			    unsigned limit);

/* The name's Unicode form (xn-- labels decoded) as UTF-8 into buf, or
 * NULL when it has no xn-- label (or one that does not decode). */
const char *lookalike_unicode(const char *name, char *buf, size_t n);

#endif
