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
 * Never flagged: the approved domain itself, its subdomains, any name
 * with the same registrable domain (login.microsoftonline.com and
 * microsoftonline.com share an owner), IP addresses, and the same name
 * under another suffix (office.net is Microsoft's too; listing every
 * such suffix would be needed otherwise).
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

/* What rules/lookalike.yaml says (loaded by the registry). */
struct lookalike_data {
	struct lookalike_map *maps;   /* longest 'from' first */
	size_t nmaps;
	const char **suffixes2;       /* public suffixes of two labels: "co.jp" */
	size_t nsuffixes2;
};

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
