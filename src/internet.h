/*
 * internet.h — item 3-2: how much of the internet a source set is.
 *
 * The inbound analysis (src/filter.c) says from which source addresses a
 * new connection can cross a list. Whether that is "anyone" depends on what
 * counts as a source from the internet: only public addresses do
 * (rules/internet-sources.yaml, from the IANA special-purpose registries;
 * the registry loads it into struct internet_data). A list that rejects
 * private and reserved sources and then passes a service from `*` still
 * opens it to the whole internet.
 *
 * A source set, seen from one interface, is
 *   - any:        it holds every public address that can arrive there
 *                 (the public space minus the inside networks and the box);
 *   - broad:      not all of them, but more than one prefix of the broad
 *                 length holds (default /16 for IPv4, /32 for IPv6): judged
 *                 like any source, the message says which share can reach;
 *   - restricted: at most that many public addresses (it names partners;
 *                 a set of only non-public sources is restricted too).
 */
#ifndef EDGELINT_INTERNET_H
#define EDGELINT_INTERNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "filter.h"
#include "util.h"

/* rules/internet-sources.yaml, as loaded by the registry. */
struct internet_data {
	struct aset public4, public6;   /* sources from the internet */
	unsigned broad_prefix4, broad_prefix6;
	const char *as_of;
};

enum src_scope { SRC_RESTRICTED, SRC_BROAD, SRC_ANY };

struct src_judgement {
	enum src_scope scope;
	/* SRC_ANY: the set also holds every non-public outside source, so
	 * nothing at all is rejected (else only private and reserved sources
	 * are). */
	bool all_outside;
	struct u128 count;        /* public addresses in the set (of internet) */
	double share;             /* count / |internet|, 0..1 */
};

/* Number of addresses in s; saturates at 2^128-1 (all of IPv6). */
struct u128 aset_count(const struct aset *s);
/* -1, 0 or 1. */
int u128_cmp(struct u128 x, struct u128 y);
/* x as a double (rounded). */
double u128_to_double(struct u128 x);

/* Judges src against internet (the public sources that can arrive on the
 * interface) and outside (every source that can arrive: all addresses but
 * the inside networks and the box). broad_prefix: a set with more public
 * addresses than 2^(bits - broad_prefix) is broad. Returns 0 or EL_ENOMEM;
 * scratch sets live in a. */
int internet_judge(struct arena *a, const struct aset *src, const struct aset *internet,
		   const struct aset *outside, unsigned broad_prefix, struct src_judgement *out);

/* The sources that can arrive on an internet-facing interface of a box
 * whose inside networks are inside (and, for IPv4, whose own inside
 * addresses are box; NULL for none): *outside is every address but
 * those (a packet claiming to come from inside cannot complete a
 * connection from outside), *internet its public part (pub, from
 * rules/internet-sources.yaml; when pub is empty, as in a registry built
 * by hand, every outside source counts: never fewer findings than that).
 * The exposure check and `edgelint query` judge sources the same way.
 * Returns 0 or EL_ENOMEM; the sets live in a. */
int internet_sources(struct arena *a, enum fam fam, const struct aset *inside,
		     const struct aset *box, const struct aset *pub, struct aset *outside,
		     struct aset *internet);

/* What a finding about a reach from these sources adds to its target's
 * message variant ("box", "forward", "inside"): "" for any source at all,
 * "-all-public" for every public source (only private and reserved ones
 * rejected), "-broad" for a broad set; "" for restricted (EL106). */
const char *internet_variant_suffix(const struct src_judgement *j);

/* The share as a message shows it: "56.5", "0.2", never "100" unless the
 * set is the whole space and never "0" unless it is empty. Writes into
 * buf (n >= 16). */
void internet_share_text(double share, bool all, char *buf, size_t n);

#endif
