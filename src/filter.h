/*
 * filter.h — the shared filter analysis (item 3-2), used by every vendor
 * parser: given an ordered list of rules with first-match semantics and a
 * default action, which packets that open a NEW connection from the
 * internet get through — to the box itself, to each forwarded host — and
 * from which sources; and which rules can never match (shadowed or
 * redundant).
 *
 * Everything is exact set arithmetic on the packet space
 *     protocol (0..255) × source address × destination address ×
 *     source port (0..65535) × destination port (0..65535)
 * for one address family at a time (IPv4 and IPv6 are analysed apart).
 * Vendor parsers only translate their syntax into struct frule.
 *
 * Semantics encoded here (vendor-neutral):
 *  - ports constrain only TCP and UDP packets; a rule whose protocol set
 *    holds other protocols matches those whatever its port fields say
 *    (YAMAHA [CR §8.1.10]; Cisco ACLs cannot give ports without tcp/udp);
 *  - a rule marked new_conn_never (YAMAHA `established`, tcpfin, tcprst,
 *    ASA "established" forms) cannot match the first packet of a new
 *    connection and is ignored by the reachability analysis;
 *  - the first rule that matches decides; packets no rule matches get the
 *    list's default action.
 *
 * Memory: every set and result lives in the caller's arena.
 */
#ifndef EDGELINT_FILTER_H
#define EDGELINT_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum fam { FAM_V4, FAM_V6 };

/* A 128-bit unsigned number: an address (IPv4 uses the low 32 bits). */
struct u128 {
	uint64_t hi, lo;
};

/* A closed interval [lo, hi] of addresses. */
struct aival {
	struct u128 lo, hi;
};

/* A set of addresses of one family: sorted, disjoint, non-adjacent
 * intervals (always kept normalised). n == 0 is the empty set. */
struct aset {
	enum fam fam;
	struct aival *iv;
	size_t n;
};

/* A closed interval of 0..65535 (ports) or 0..255 (protocols). */
struct pival {
	uint32_t lo, hi;
};

/* A set of ports or protocols: sorted, disjoint, non-adjacent. */
struct pset {
	struct pival *iv;
	size_t n;
};

#define PROTO_ICMP 1
#define PROTO_TCP 6
#define PROTO_UDP 17
#define PROTO_GRE 47
#define PROTO_ESP 50
#define PROTO_AH 51
#define PROTO_ICMP6 58

/* The name reports give a protocol number ("tcp", "udp", "icmp", "icmp6",
 * "esp", "ah", "gre"), or NULL for another number. */
const char *proto_name(uint32_t p);
/* The number of a protocol named as proto_name() names it (any letter
 * case; n bytes of s): 0, or -1 for another name. */
int proto_by_name(const char *s, size_t n, uint32_t *out);

enum faction { FA_PASS, FA_DENY };

/* One rule as the vendor wrote it. Empty sets match nothing; use the
 * *_all() constructors for "any". */
struct frule {
	enum faction action;
	struct pset proto;        /* 0..255 */
	struct aset src, dst;
	struct pset sport, dport; /* 0..65535; apply to TCP/UDP only */
	bool new_conn_never;      /* cannot match a connection's first packet */
	/* Matches only part of what its fields say, by a condition the packet
	 * space does not hold (an ICMP type, a time range): the analysis takes
	 * its fields for what it matches, but it never counts as covering a
	 * later line (filter_lines), so no line is called shadowed or
	 * redundant because of it. */
	bool narrower;
	unsigned line;            /* config line, for reports */
	const char *name;         /* the vendor's id of the rule ("200020") */
};

/* ---- constructors (all return 0, or EL_ENOMEM) ------------------------ */

int aset_all(struct arena *a, enum fam f, struct aset *out);
int aset_empty(enum fam f, struct aset *out);
/* The single interval [lo, hi]. */
int aset_range(struct arena *a, enum fam f, struct u128 lo, struct u128 hi, struct aset *out);
/* addr/prefix_len (bits beyond the prefix are ignored). */
int aset_prefix(struct arena *a, enum fam f, struct u128 addr, unsigned plen, struct aset *out);
/* Union of two sets of the same family. */
int aset_union(struct arena *a, const struct aset *x, const struct aset *y, struct aset *out);
int aset_intersect(struct arena *a, const struct aset *x, const struct aset *y, struct aset *out);
int aset_minus(struct arena *a, const struct aset *x, const struct aset *y, struct aset *out);
bool aset_is_all(const struct aset *s);
bool aset_is_empty(const struct aset *s);
bool aset_eq(const struct aset *x, const struct aset *y);
/* Whether address a is in s (binary search over its intervals). */
bool aset_has(const struct aset *s, struct u128 a);
/* "192.0.2.0/24, 198.51.100.7, 10.0.0.1-10.0.0.200": an interval that
 * splits into at most 4 CIDR blocks is printed as those blocks, a longer
 * one as a range; "any" for everything, "none" for nothing; at most max
 * bytes with "…" when cut.
 * Returns an arena string or NULL on OOM. */
const char *aset_format(struct arena *a, const struct aset *s, size_t max);
/* Parses an IPv4 or IPv6 address text into *out; 0 or -1. */
int addr_parse(enum fam f, const char *s, size_t n, struct u128 *out);

int pset_all(struct arena *a, uint32_t max, struct pset *out);   /* 0..max */
int pset_range(struct arena *a, uint32_t lo, uint32_t hi, struct pset *out);
int pset_union(struct arena *a, const struct pset *x, const struct pset *y, struct pset *out);
int pset_intersect(struct arena *a, const struct pset *x, const struct pset *y, struct pset *out);
int pset_minus(struct arena *a, const struct pset *x, const struct pset *y, struct pset *out);
bool pset_is_empty(const struct pset *s);
bool pset_eq(const struct pset *x, const struct pset *y);
bool pset_contains(const struct pset *s, uint32_t v);
/* "22, 80-443" */
const char *pset_format(struct arena *a, const struct pset *s, size_t max);

/* ---- analysis -------------------------------------------------------- */

/* A product set in the packet space, tagged with the rule that decided it
 * (-1: the list's default action). */
struct fbox {
	struct pset proto;
	struct aset src, dst;
	struct pset sport, dport;
	int rule;                 /* index into the rule array, or -1 */
};

struct fbox_list {
	struct fbox *b;
	size_t n, cap;
};

/* Hard limit on the boxes an analysis may hold; past it the analysis
 * returns EL_ETOOBIG and the caller reports the item as unknown. */
#define FILTER_MAX_BOXES 200000

/* Computes the part of query (a region of the packet space, e.g. one
 * destination host and the ports a NAT entry forwards) that a new
 * connection can cross: walks rules in order, first match wins, dflt for
 * the rest. Boxes in *passed are disjoint, each tagged with the pass rule
 * (or -1 when the default action passed it). Returns 0, EL_ENOMEM or
 * EL_ETOOBIG. */
int filter_reach(struct arena *a, const struct frule *rules, size_t n,
		 enum faction dflt, const struct fbox *query, struct fbox_list *passed);

/* Rule indexes, ascending: the rules worth walking for one query. */
struct fcand {
	size_t *idx;
	size_t n;
};

/* For many queries against one list at once (the forwards of a NAT table):
 * out[q] lists the rules whose destination meets qdst[q], plus every rule
 * whose source and destination differ in family (so the walk still
 * reports EL_EINVAL). A rule that misses a query's destination cannot
 * decide any of its packets, so filter_reach_in with out[q] answers as
 * filter_reach does, without looking at the rest of a long list. Cost:
 * sorting the query intervals, then a binary search per rule interval
 * plus one step per hit. Returns 0, EL_ENOMEM or EL_EINVAL. */
int filter_candidates(struct arena *a, const struct frule *rules, size_t n,
		      const struct aset *qdst, size_t nq, struct fcand *out);

/* filter_reach over the rules listed in cand only (all of them when cand
 * is NULL). */
int filter_reach_in(struct arena *a, const struct frule *rules, size_t n,
		    const struct fcand *cand, enum faction dflt, const struct fbox *query,
		    struct fbox_list *passed);

/* What filter_lines says of one line. */
enum fline_verdict {
	FL_LIVE,         /* some packet is decided by this line */
	FL_SHADOWED,     /* covered; some decider has the other action */
	FL_REDUNDANT,    /* covered; every decider has this line's action */
	FL_EMPTY,        /* the line matches no packet at all */
	FL_UNANALYSED,   /* past the budget: neither answer is claimed */
};

struct fline {
	enum fline_verdict verdict;
	int *by;          /* SHADOWED/REDUNDANT: the deciders, ascending (arena) */
	size_t nby;
};

/* Boxes one line's analysis may hold (time is bounded to 64 times as
 * many box subtractions); past it the line is FL_UNANALYSED. */
#define FILTER_LINE_BUDGET 8192

/* For each rule, whether it can match any packet given the rules before it
 * (each family apart), exactly. A line is covered when every packet of its
 * region is decided by earlier lines; its deciders are the earlier lines
 * that decide at least one of those packets, all of them, in list order.
 * A covered line is shadowed when any decider has the other action, else
 * redundant. A new_conn_never rule never decides packets for later rules
 * (the first packet of a connection passes it by), but is itself covered
 * when everything it would match is decided before it. Each line is
 * compared only with the earlier lines its region meets (see filter.c);
 * a line whose analysis needs more than budget boxes is FL_UNANALYSED.
 * out has n entries. Returns 0, EL_ENOMEM or EL_EINVAL (a rule whose
 * source and destination differ in family). */
int filter_lines(struct arena *a, const struct frule *rules, size_t n, size_t budget,
		 struct fline *out);

/* Whether any packet of q (one family) is denied by the list: decided by
 * a deny rule, or by the default dflt == FA_DENY. new_conn_never rules
 * are left out as in filter_reach. Exact, at any list size; EL_ETOOBIG
 * when one line needs more than budget boxes (then *denies is not an
 * answer), EL_ENOMEM, EL_EINVAL. */
int filter_denies(struct arena *a, const struct frule *rules, size_t n, enum faction dflt,
		  const struct fbox *q, size_t budget, bool *denies);

/* One list's rules prepared once for several filter_lines_in and
 * filter_denies_in runs (regions, outlines and the index of the family
 * last asked about), in the arena a; the rules must outlive it and stay
 * unchanged. filter_lines and filter_denies build one each time. Returns
 * 0 or EL_ENOMEM. */
struct filter_index;
int filter_index_new(struct arena *a, const struct frule *rules, size_t n,
		     struct filter_index **out);
/* filter_lines and filter_denies over the rules of ix: the same answers. */
int filter_lines_in(struct filter_index *ix, size_t budget, struct fline *out);
int filter_denies_in(struct filter_index *ix, enum faction dflt, const struct fbox *q,
		     size_t budget, bool *denies);

/* A summary line of what passed: one protocol value (or a run of
 * protocols without ports), destination ports, sources, the rules that let
 * it through. */
struct freach {
	struct pset proto;        /* usually one protocol */
	struct pset dport;        /* all ports when the protocol has none */
	struct aset src;
	int *rules;               /* deciding rule indexes (-1: default), sorted */
	size_t nrules;
};

/* Groups passed boxes by protocol and destination ports, uniting their
 * sources and rules; deterministic order (protocol, then first port).
 * Returns 0 or EL_ENOMEM. */
int filter_summarise(struct arena *a, const struct fbox_list *passed,
		     struct freach **out, size_t *nout);

#endif
