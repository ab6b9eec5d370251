/*
 * filter.c — the shared filter analysis (see filter.h): exact interval-list
 * sets of addresses, ports and protocols; address parsing and formatting;
 * and the first-match walk over product sets ("boxes") of the packet space
 * that answers what a new connection can reach; which lines can never
 * match (shadowed or redundant, per line against the earlier lines it
 * meets, found through per-dimension interval indexes); and a
 * per-protocol summary of what passed.
 *
 * Sets are sorted, disjoint, non-adjacent interval lists; union, intersect
 * and minus are linear merges of two lists. A box is protocol × dst ×
 * dport × src × sport; the walk subtracts each rule's region from every
 * box still undecided, keeping the difference as disjoint boxes.
 *
 * Storage: everything comes from the caller's arena. Public set operations
 * return fresh interval arrays; inside the walk, boxes share the (never
 * modified) interval arrays of their parents, so results in a
 * struct fbox_list must be treated as read-only.
 *
 * Families: a rule belongs to the family of its source (or destination
 * when the source is empty). filter_reach ignores rules of another family
 * than the query's (they cannot match its packets); filter_lines analyses
 * each family present in the list on its own. A rule whose non-empty
 * source and destination differ in family is a caller bug: EL_EINVAL.
 * Likewise set operations on two non-empty sets of different families,
 * a prefix length beyond the family, or a range with lo > hi give
 * EL_EINVAL.
 *
 * Length: one module on purpose: the address and port sets, the packet
 * boxes, the first-match semantics, the reachability walk and the shadowing
 * index share their representations and invariants, and the differential
 * test (tests/unit/test_filter.c) checks them against one evaluator; split,
 * the invariants would have to be public.
 */
#include "filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- 128-bit helpers ------------------------------------------------- */

static int u_cmp(struct u128 a, struct u128 b)
{
	if (a.hi != b.hi)
		return a.hi < b.hi ? -1 : 1;
	if (a.lo != b.lo)
		return a.lo < b.lo ? -1 : 1;
	return 0;
}

static bool u_eq(struct u128 a, struct u128 b)
{
	return a.hi == b.hi && a.lo == b.lo;
}

static struct u128 u_inc(struct u128 a)
{
	a.lo++;
	if (a.lo == 0)
		a.hi++;
	return a;
}

static struct u128 u_dec(struct u128 a)
{
	if (a.lo == 0)
		a.hi--;
	a.lo--;
	return a;
}

/* a - b for a >= b. */
static struct u128 u_sub(struct u128 a, struct u128 b)
{
	return (struct u128){ a.hi - b.hi - (a.lo < b.lo), a.lo - b.lo };
}

static struct u128 u_or(struct u128 a, struct u128 b)
{
	return (struct u128){ a.hi | b.hi, a.lo | b.lo };
}

static struct u128 u_and(struct u128 a, struct u128 b)
{
	return (struct u128){ a.hi & b.hi, a.lo & b.lo };
}

static struct u128 u_not(struct u128 a)
{
	return (struct u128){ ~a.hi, ~a.lo };
}

/* 2^k - 1 for k in 0..128. */
static struct u128 u_lowmask(unsigned k)
{
	if (k == 0)
		return (struct u128){ 0, 0 };
	if (k < 64)
		return (struct u128){ 0, (UINT64_C(1) << k) - 1 };
	if (k == 64)
		return (struct u128){ 0, UINT64_MAX };
	if (k < 128)
		return (struct u128){ (UINT64_C(1) << (k - 64)) - 1, UINT64_MAX };
	return (struct u128){ UINT64_MAX, UINT64_MAX };
}

static unsigned fam_bits(enum fam f)
{
	return f == FAM_V4 ? 32 : 128;
}

static struct u128 fam_max(enum fam f)
{
	return u_lowmask(fam_bits(f));
}

/* Trailing zero bits of a, at most bits. */
static unsigned u_ctz(struct u128 a, unsigned bits)
{
	unsigned k = 0;
	if (a.lo == 0) {
		if (a.hi == 0)
			return bits;
		k = 64;
		uint64_t h = a.hi;
		while (!(h & 1)) {
			h >>= 1;
			k++;
		}
	} else {
		uint64_t l = a.lo;
		while (!(l & 1)) {
			l >>= 1;
			k++;
		}
	}
	return k < bits ? k : bits;
}

/* ---- address sets ---------------------------------------------------- */

/* Appends [lo, hi] to iv[0..*n), merging with the last interval when they
 * overlap or touch; intervals must come in order of lo. */
static void aiv_push(struct aival *iv, size_t *n, struct u128 lo, struct u128 hi)
{
	if (*n > 0) {
		struct aival *last = &iv[*n - 1];
		if (u_cmp(lo, last->hi) <= 0 || u_eq(u_dec(lo), last->hi)) {
			if (u_cmp(hi, last->hi) > 0)
				last->hi = hi;
			return;
		}
	}
	iv[*n].lo = lo;
	iv[*n].hi = hi;
	(*n)++;
}

/* Room for n intervals, not zeroed (every result below is written
 * before it is read); aiv_fit gives back what a result did not use. */
static struct aival *aiv_alloc(struct arena *a, size_t n)
{
	if (n == 0)
		return NULL;
	if (n > SIZE_MAX / sizeof(struct aival))
		return NULL;
	return arena_alloc_raw(a, n * sizeof(struct aival));
}

static void aiv_fit(struct arena *a, struct aival *iv, size_t cap, size_t n)
{
	arena_shrink(a, iv, cap * sizeof(*iv), n * sizeof(*iv));
}

/* Checks that two sets may be combined; picks the family of the result. */
static int aset_pair_fam(const struct aset *x, const struct aset *y, enum fam *f)
{
	if (x->n && y->n && x->fam != y->fam)
		return EL_EINVAL;
	*f = x->n ? x->fam : y->n ? y->fam : x->fam;
	return 0;
}

int aset_empty(enum fam f, struct aset *out)
{
	out->fam = f;
	out->iv = NULL;
	out->n = 0;
	return 0;
}

int aset_range(struct arena *a, enum fam f, struct u128 lo, struct u128 hi, struct aset *out)
{
	if (u_cmp(lo, hi) > 0 || u_cmp(hi, fam_max(f)) > 0)
		return EL_EINVAL;
	struct aival *iv = aiv_alloc(a, 1);
	if (!iv)
		return EL_ENOMEM;
	iv[0].lo = lo;
	iv[0].hi = hi;
	out->fam = f;
	out->iv = iv;
	out->n = 1;
	return 0;
}

int aset_all(struct arena *a, enum fam f, struct aset *out)
{
	return aset_range(a, f, (struct u128){ 0, 0 }, fam_max(f), out);
}

int aset_prefix(struct arena *a, enum fam f, struct u128 addr, unsigned plen, struct aset *out)
{
	unsigned bits = fam_bits(f);
	if (plen > bits)
		return EL_EINVAL;
	struct u128 host = u_lowmask(bits - plen);
	struct u128 lo = u_and(u_and(addr, fam_max(f)), u_not(host));
	return aset_range(a, f, lo, u_or(lo, host), out);
}

int aset_union(struct arena *a, const struct aset *x, const struct aset *y, struct aset *out)
{
	enum fam f;
	if (aset_pair_fam(x, y, &f))
		return EL_EINVAL;
	struct aival *iv = aiv_alloc(a, x->n + y->n);
	if (!iv && x->n + y->n)
		return EL_ENOMEM;
	size_t i = 0, j = 0, n = 0;
	while (i < x->n || j < y->n) {
		const struct aival *v;
		if (j >= y->n || (i < x->n && u_cmp(x->iv[i].lo, y->iv[j].lo) <= 0))
			v = &x->iv[i++];
		else
			v = &y->iv[j++];
		aiv_push(iv, &n, v->lo, v->hi);
	}
	aiv_fit(a, iv, x->n + y->n, n);
	out->fam = f;
	out->iv = n ? iv : NULL;
	out->n = n;
	return 0;
}

int aset_intersect(struct arena *a, const struct aset *x, const struct aset *y, struct aset *out)
{
	enum fam f;
	if (aset_pair_fam(x, y, &f))
		return EL_EINVAL;
	size_t cap = x->n && y->n ? x->n + y->n - 1 : 0;
	struct aival *iv = aiv_alloc(a, cap);
	if (!iv && cap)
		return EL_ENOMEM;
	size_t i = 0, j = 0, n = 0;
	while (i < x->n && j < y->n) {
		const struct aival *p = &x->iv[i], *q = &y->iv[j];
		struct u128 lo = u_cmp(p->lo, q->lo) >= 0 ? p->lo : q->lo;
		struct u128 hi = u_cmp(p->hi, q->hi) <= 0 ? p->hi : q->hi;
		if (u_cmp(lo, hi) <= 0) {
			iv[n].lo = lo;
			iv[n].hi = hi;
			n++;
		}
		if (u_cmp(p->hi, q->hi) <= 0)
			i++;
		else
			j++;
	}
	aiv_fit(a, iv, cap, n);
	out->fam = f;
	out->iv = n ? iv : NULL;
	out->n = n;
	return 0;
}

/* x \ y into *minus and, unless inter is NULL, x ∩ y into *inter, in
 * one merge (box_sub needs both; the intersection is the same set
 * aset_intersect gives). */
static int aset_split(struct arena *a, const struct aset *x, const struct aset *y,
		      struct aset *minus, struct aset *inter)
{
	enum fam f;
	if (aset_pair_fam(x, y, &f))
		return EL_EINVAL;
	size_t mcap = x->n + y->n, icap = inter && x->n && y->n ? x->n + y->n - 1 : 0;
	struct aival *mv = aiv_alloc(a, mcap + icap);
	if (!mv && mcap + icap)
		return EL_ENOMEM;
	struct aival *iv = mv ? mv + mcap : NULL;
	size_t j = 0, nm = 0, ni = 0;
	for (size_t i = 0; i < x->n; i++) {
		struct u128 cur = x->iv[i].lo, hi = x->iv[i].hi;
		bool done = false;
		while (j < y->n && u_cmp(y->iv[j].hi, cur) < 0)
			j++;
		for (size_t k = j; k < y->n && u_cmp(y->iv[k].lo, hi) <= 0; k++) {
			struct u128 lo = cur;
			if (u_cmp(y->iv[k].lo, cur) > 0) {
				mv[nm].lo = cur;
				mv[nm].hi = u_dec(y->iv[k].lo);
				nm++;
				lo = y->iv[k].lo;
			}
			if (inter) {
				iv[ni].lo = lo;
				iv[ni].hi = u_cmp(y->iv[k].hi, hi) >= 0 ? hi : y->iv[k].hi;
				ni++;
			}
			if (u_cmp(y->iv[k].hi, hi) >= 0) {
				done = true;
				break;
			}
			cur = u_inc(y->iv[k].hi);
		}
		if (!done) {
			mv[nm].lo = cur;
			mv[nm].hi = hi;
			nm++;
		}
	}
	/* The intersection moves up to follow the difference; the rest of
	 * the block goes back to the arena. */
	if (ni && nm < mcap)
		memmove(mv + nm, iv, ni * sizeof(*iv));
	if (inter)
		iv = mv ? mv + nm : NULL;
	aiv_fit(a, mv, mcap + icap, nm + ni);
	minus->fam = f;
	minus->iv = nm ? mv : NULL;
	minus->n = nm;
	if (inter) {
		inter->fam = f;
		inter->iv = ni ? iv : NULL;
		inter->n = ni;
	}
	return 0;
}

int aset_minus(struct arena *a, const struct aset *x, const struct aset *y, struct aset *out)
{
	return aset_split(a, x, y, out, NULL);
}

bool aset_is_all(const struct aset *s)
{
	return s->n == 1 && u_eq(s->iv[0].lo, (struct u128){ 0, 0 }) &&
	       u_eq(s->iv[0].hi, fam_max(s->fam));
}

bool aset_is_empty(const struct aset *s)
{
	return s->n == 0;
}

bool aset_has(const struct aset *s, struct u128 a)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (u_cmp(a, s->iv[mid].lo) < 0)
			hi = mid;
		else if (u_cmp(a, s->iv[mid].hi) > 0)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

bool aset_eq(const struct aset *x, const struct aset *y)
{
	if (x->n != y->n)
		return false;
	if (x->n && x->fam != y->fam)
		return false;
	for (size_t i = 0; i < x->n; i++)
		if (!u_eq(x->iv[i].lo, y->iv[i].lo) || !u_eq(x->iv[i].hi, y->iv[i].hi))
			return false;
	return true;
}

/* ---- address text ---------------------------------------------------- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Exactly four decimal octets (1 to 3 digits each, 0..255) filling s[0..n). */
static int parse_v4(const char *s, size_t n, uint32_t *out)
{
	size_t i = 0;
	uint32_t v = 0;
	for (int part = 0; part < 4; part++) {
		if (part > 0) {
			if (i >= n || s[i] != '.')
				return -1;
			i++;
		}
		unsigned oct = 0, digits = 0;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			if (++digits > 3)
				return -1;
			oct = oct * 10 + (unsigned)(s[i] - '0');
			i++;
		}
		if (digits == 0 || oct > 255)
			return -1;
		v = v << 8 | oct;
	}
	if (i != n)
		return -1;
	*out = v;
	return 0;
}

/* RFC 4291 §2.2 text forms: eight groups, one "::", a trailing dotted quad
 * in place of the last two groups. No zone ids. */
static int parse_v6(const char *s, size_t n, struct u128 *out)
{
	uint16_t g[8];
	int ng = 0, dc = -1;
	size_t i = 0;
	if (n >= 2 && s[0] == ':' && s[1] == ':') {
		dc = 0;
		i = 2;
	} else if (n >= 1 && s[0] == ':') {
		return -1;
	}
	while (i < n) {
		if (ng >= 8)
			return -1;
		size_t j = i;
		bool dot = false;
		while (j < n && s[j] != ':') {
			if (s[j] == '.')
				dot = true;
			j++;
		}
		if (dot) {
			uint32_t v4;
			if (j != n || ng > 6 || parse_v4(s + i, j - i, &v4))
				return -1;
			g[ng++] = (uint16_t)(v4 >> 16);
			g[ng++] = (uint16_t)(v4 & 0xffff);
			break;
		}
		if (j == i || j - i > 4)
			return -1;
		unsigned v = 0;
		for (size_t k = i; k < j; k++) {
			int h = hexval(s[k]);
			if (h < 0)
				return -1;
			v = v << 4 | (unsigned)h;
		}
		g[ng++] = (uint16_t)v;
		i = j;
		if (i == n)
			break;
		i++;                      /* the ':' */
		if (i == n)
			return -1;        /* a trailing single ':' */
		if (s[i] == ':') {
			if (dc >= 0)
				return -1;
			dc = ng;
			i++;
		}
	}
	uint16_t full[8] = { 0 };
	if (dc >= 0) {
		if (ng > 7)
			return -1;        /* "::" stands for at least one group */
		for (int k = 0; k < dc; k++)
			full[k] = g[k];
		for (int k = dc; k < ng; k++)
			full[8 - (ng - k)] = g[k];
	} else {
		if (ng != 8)
			return -1;
		memcpy(full, g, sizeof(full));
	}
	out->hi = out->lo = 0;
	for (int k = 0; k < 4; k++) {
		out->hi = out->hi << 16 | full[k];
		out->lo = out->lo << 16 | full[k + 4];
	}
	return 0;
}

int addr_parse(enum fam f, const char *s, size_t n, struct u128 *out)
{
	if (!s)
		return -1;
	if (f == FAM_V4) {
		uint32_t v;
		if (parse_v4(s, n, &v))
			return -1;
		out->hi = 0;
		out->lo = v;
		return 0;
	}
	return parse_v6(s, n, out);
}

/* Writes one address: dotted quad, or RFC 5952 (lower case, no leading
 * zeros, the first longest run of two or more zero groups as "::",
 * ::ffff:a.b.c.d for IPv4-mapped addresses). buf holds at least 48 bytes. */
/* Decimal and hexadecimal digits of v at p (as %u and %x print them);
 * returns the end. No printf: a report formats thousands of addresses. */
static char *put_num(char *p, unsigned v, unsigned base)
{
	char t[12];
	size_t n = 0;
	do {
		t[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		*p++ = t[--n];
	return p;
}

static char *put_v4(char *p, uint32_t x)
{
	for (int k = 3; k >= 0; k--) {
		/* an octet as put_num writes it, without dividing */
		unsigned o = x >> (8 * k) & 255;
		if (o >= 100)
			*p++ = (char)('0' + o / 100);
		if (o >= 10)
			*p++ = (char)('0' + o / 10 % 10);
		*p++ = (char)('0' + o % 10);
		if (k)
			*p++ = '.';
	}
	return p;
}

/* The text of address v: dotted quad, or RFC 5952 IPv6 (the longest run
 * of two or more zero groups as "::", the first of equal runs;
 * ::ffff:a.b.c.d for mapped IPv4), into buf (cut at bufn - 1 bytes). */
static void addr_text(enum fam f, struct u128 v, char *buf, size_t bufn)
{
	char t[64], *p = t;
	if (f == FAM_V4) {
		p = put_v4(p, (uint32_t)v.lo);
	} else if (v.hi == 0 && (v.lo >> 32) == 0xffff) {
		memcpy(p, "::ffff:", 7);
		p = put_v4(p + 7, (uint32_t)v.lo);
	} else {
		unsigned g[8];
		for (int k = 0; k < 4; k++) {
			g[k] = (unsigned)(v.hi >> (48 - 16 * k) & 0xffff);
			g[k + 4] = (unsigned)(v.lo >> (48 - 16 * k) & 0xffff);
		}
		int best = -1, bestlen = 1;
		for (int k = 0; k < 8;) {
			if (g[k] != 0) {
				k++;
				continue;
			}
			int e = k;
			while (e < 8 && g[e] == 0)
				e++;
			if (e - k > bestlen) {
				best = k;
				bestlen = e - k;
			}
			k = e;
		}
		for (int k = 0; k < 8; k++) {
			if (k == best) {
				*p++ = ':';
				*p++ = ':';
				k += bestlen - 1;
				continue;
			}
			if (k > 0 && k != best + bestlen)
				*p++ = ':';
			p = put_num(p, g[k], 16);
		}
	}
	size_t n = (size_t)(p - t);
	if (bufn == 0)
		return;
	if (n >= bufn)
		n = bufn - 1;
	memcpy(buf, t, n);
	buf[n] = '\0';
}

/* A bounded text accumulator in the arena: keeps the first limit bytes
 * and remembers whether anything was dropped. */
struct abuf {
	struct arena *a;
	char *p;
	size_t len, cap, limit;
	bool over, oom;
};

static void ab_init(struct abuf *b, struct arena *a, size_t max)
{
	memset(b, 0, sizeof(*b));
	b->a = a;
	b->limit = max < SIZE_MAX / 4 ? max + 1 : SIZE_MAX / 4;
}

static void ab_add(struct abuf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->oom || b->over)
		return;
	if (n > b->limit - b->len) {
		n = b->limit - b->len;
		b->over = true;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = arena_alloc(b->a, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		if (b->len)
			memcpy(p, b->p, b->len);
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static bool ab_full(const struct abuf *b)
{
	return b->over || b->oom || b->len >= b->limit;
}

#define ELLIPSIS "\xe2\x80\xa6"   /* U+2026 */

/* The text so far, cut to max bytes with an ellipsis (on a UTF-8
 * character boundary) when it is longer. */
static const char *ab_finish(struct abuf *b, size_t max)
{
	if (b->oom)
		return NULL;
	if (b->len <= max && !b->over)
		return arena_strndup(b->a, b->p ? b->p : "", b->len);
	size_t el = strlen(ELLIPSIS);
	size_t cut = max >= el ? max - el : max;
	if (cut > b->len)
		cut = b->len;
	while (cut > 0 && ((unsigned char)b->p[cut] & 0xC0) == 0x80)
		cut--;
	char *r = arena_alloc(b->a, cut + el + 1);
	if (!r)
		return NULL;
	memcpy(r, b->p, cut);
	if (max >= el)
		memcpy(r + cut, ELLIPSIS, el + 1);
	else
		r[cut] = '\0';
	return r;
}

/* Splits [lo, hi] into its minimal list of CIDR blocks; returns their
 * count, or maxn + 1 when there are more than maxn. */
static size_t cidr_split(struct u128 lo, struct u128 hi, unsigned bits, struct u128 *blo,
			 unsigned *plen, size_t maxn)
{
	size_t n = 0;
	for (;;) {
		unsigned k = u_ctz(lo, bits);
		while (k > 0 && u_cmp(u_or(lo, u_lowmask(k)), hi) > 0)
			k--;
		if (n == maxn)
			return maxn + 1;
		blo[n] = lo;
		plen[n] = bits - k;
		n++;
		struct u128 end = u_or(lo, u_lowmask(k));
		if (u_eq(end, hi))
			return n;
		lo = u_inc(end);
	}
}

#define CIDR_MAX_BLOCKS 4

const char *aset_format(struct arena *a, const struct aset *s, size_t max)
{
	struct abuf b;
	ab_init(&b, a, max);
	size_t n = s->n;
	if (n == 0) {
		ab_add(&b, "none");
	} else if (aset_is_all(s)) {
		ab_add(&b, "any");
		n = 0;
	}
	unsigned bits = fam_bits(s->fam);
	for (size_t i = 0; i < n && !ab_full(&b); i++) {
		struct u128 blo[CIDR_MAX_BLOCKS];
		unsigned plen[CIDR_MAX_BLOCKS];
		char t1[64], t2[64], item[160];
		size_t nb = cidr_split(s->iv[i].lo, s->iv[i].hi, bits, blo, plen, CIDR_MAX_BLOCKS);
		if (i > 0)
			ab_add(&b, ", ");
		if (nb > CIDR_MAX_BLOCKS) {
			addr_text(s->fam, s->iv[i].lo, t1, sizeof(t1));
			addr_text(s->fam, s->iv[i].hi, t2, sizeof(t2));
			ab_add(&b, t1);
			ab_add(&b, "-");
			ab_add(&b, t2);
			continue;
		}
		for (size_t k = 0; k < nb; k++) {
			addr_text(s->fam, blo[k], t1, sizeof(t1));
			char *e = item;
			if (k) {
				memcpy(e, ", ", 2);
				e += 2;
			}
			size_t l1 = strlen(t1);
			memcpy(e, t1, l1);
			e += l1;
			if (plen[k] != bits) {
				*e++ = '/';
				e = put_num(e, plen[k], 10);
			}
			*e = '\0';
			ab_add(&b, item);
		}
	}
	return ab_finish(&b, max);
}

/* ---- port and protocol sets ------------------------------------------ */

static void piv_push(struct pival *iv, size_t *n, uint32_t lo, uint32_t hi)
{
	if (*n > 0) {
		struct pival *last = &iv[*n - 1];
		if (lo <= last->hi || lo - 1 == last->hi) {
			if (hi > last->hi)
				last->hi = hi;
			return;
		}
	}
	iv[*n].lo = lo;
	iv[*n].hi = hi;
	(*n)++;
}

static struct pival *piv_alloc(struct arena *a, size_t n)
{
	if (n == 0)
		return NULL;
	if (n > SIZE_MAX / sizeof(struct pival))
		return NULL;
	return arena_alloc_raw(a, n * sizeof(struct pival));
}

static void piv_fit(struct arena *a, struct pival *iv, size_t cap, size_t n)
{
	arena_shrink(a, iv, cap * sizeof(*iv), n * sizeof(*iv));
}

int pset_range(struct arena *a, uint32_t lo, uint32_t hi, struct pset *out)
{
	if (lo > hi)
		return EL_EINVAL;
	struct pival *iv = piv_alloc(a, 1);
	if (!iv)
		return EL_ENOMEM;
	iv[0].lo = lo;
	iv[0].hi = hi;
	out->iv = iv;
	out->n = 1;
	return 0;
}

int pset_all(struct arena *a, uint32_t max, struct pset *out)
{
	return pset_range(a, 0, max, out);
}

int pset_union(struct arena *a, const struct pset *x, const struct pset *y, struct pset *out)
{
	struct pival *iv = piv_alloc(a, x->n + y->n);
	if (!iv && x->n + y->n)
		return EL_ENOMEM;
	size_t i = 0, j = 0, n = 0;
	while (i < x->n || j < y->n) {
		const struct pival *v;
		if (j >= y->n || (i < x->n && x->iv[i].lo <= y->iv[j].lo))
			v = &x->iv[i++];
		else
			v = &y->iv[j++];
		piv_push(iv, &n, v->lo, v->hi);
	}
	piv_fit(a, iv, x->n + y->n, n);
	out->iv = n ? iv : NULL;
	out->n = n;
	return 0;
}

int pset_intersect(struct arena *a, const struct pset *x, const struct pset *y, struct pset *out)
{
	size_t cap = x->n && y->n ? x->n + y->n - 1 : 0;
	struct pival *iv = piv_alloc(a, cap);
	if (!iv && cap)
		return EL_ENOMEM;
	size_t i = 0, j = 0, n = 0;
	while (i < x->n && j < y->n) {
		const struct pival *p = &x->iv[i], *q = &y->iv[j];
		uint32_t lo = p->lo > q->lo ? p->lo : q->lo;
		uint32_t hi = p->hi < q->hi ? p->hi : q->hi;
		if (lo <= hi) {
			iv[n].lo = lo;
			iv[n].hi = hi;
			n++;
		}
		if (p->hi <= q->hi)
			i++;
		else
			j++;
	}
	piv_fit(a, iv, cap, n);
	out->iv = n ? iv : NULL;
	out->n = n;
	return 0;
}

int pset_minus(struct arena *a, const struct pset *x, const struct pset *y, struct pset *out)
{
	size_t cap = x->n + y->n;
	struct pival *iv = piv_alloc(a, cap);
	if (!iv && cap)
		return EL_ENOMEM;
	size_t j = 0, n = 0;
	for (size_t i = 0; i < x->n; i++) {
		uint32_t cur = x->iv[i].lo, hi = x->iv[i].hi;
		bool done = false;
		while (j < y->n && y->iv[j].hi < cur)
			j++;
		for (size_t k = j; k < y->n && y->iv[k].lo <= hi; k++) {
			if (y->iv[k].lo > cur) {
				iv[n].lo = cur;
				iv[n].hi = y->iv[k].lo - 1;
				n++;
			}
			if (y->iv[k].hi >= hi) {
				done = true;
				break;
			}
			cur = y->iv[k].hi + 1;
		}
		if (!done) {
			iv[n].lo = cur;
			iv[n].hi = hi;
			n++;
		}
	}
	piv_fit(a, iv, cap, n);
	out->iv = n ? iv : NULL;
	out->n = n;
	return 0;
}

bool pset_is_empty(const struct pset *s)
{
	return s->n == 0;
}

bool pset_contains(const struct pset *s, uint32_t v)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->iv[mid].hi < v)
			lo = mid + 1;
		else if (s->iv[mid].lo > v)
			hi = mid;
		else
			return true;
	}
	return false;
}

const char *pset_format(struct arena *a, const struct pset *s, size_t max)
{
	struct abuf b;
	ab_init(&b, a, max);
	if (s->n == 0)
		ab_add(&b, "none");
	for (size_t i = 0; i < s->n && !ab_full(&b); i++) {
		/* "%s%u" or "%s%u-%u" with ", " after the first, without printf */
		char item[40], *e = item;
		if (i) {
			memcpy(e, ", ", 2);
			e += 2;
		}
		e = put_num(e, (unsigned)s->iv[i].lo, 10);
		if (s->iv[i].lo != s->iv[i].hi) {
			*e++ = '-';
			e = put_num(e, (unsigned)s->iv[i].hi, 10);
		}
		*e = '\0';
		ab_add(&b, item);
	}
	return ab_finish(&b, max);
}

/* ---- relations between sets (no allocation) -------------------------- */

enum rel { REL_DISJOINT, REL_SUBSET, REL_PARTIAL };

/* The first k in [a, b) with iv[k].hi >= v, or b (ends ascend). */
static size_t aiv_first_end(const struct aival *iv, size_t a, size_t b, struct u128 v)
{
	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (u_cmp(iv[m].hi, v) < 0)
			a = m + 1;
		else
			b = m;
	}
	return a;
}

/* The first k in (i, n) with iv[k].hi >= v, or n; iv[i].hi < v. */
static size_t aiv_gallop(const struct aival *iv, size_t i, size_t n, struct u128 v)
{
	size_t lo = i + 1, step = 1;
	while (lo < n && u_cmp(iv[lo].hi, v) < 0) {
		i = lo;
		lo = step < n - lo ? lo + step : n;
		step *= 2;
	}
	/* iv[i].hi < v, and lo == n or iv[lo].hi >= v */
	return aiv_first_end(iv, i + 1, lo, v);
}

/* How x lies in y: no common point, x within y (x non-empty), or neither. */
static enum rel pset_rel(const struct pset *x, const struct pset *y)
{
	bool meet = false, all = true;
	size_t j = 0;
	for (size_t i = 0; i < x->n; i++) {
		while (j < y->n && y->iv[j].hi < x->iv[i].lo)
			j++;
		if (j == y->n) {
			all = false;
			break;
		}
		if (y->iv[j].lo <= x->iv[i].hi)
			meet = true;
		if (!(y->iv[j].lo <= x->iv[i].lo && y->iv[j].hi >= x->iv[i].hi))
			all = false;
		if (meet && !all)
			return REL_PARTIAL;
	}
	if (!meet)
		return REL_DISJOINT;
	return all ? REL_SUBSET : REL_PARTIAL;
}

/* As pset_rel; runs of either list lying wholly between two intervals
 * of the other (the hosts of one group between those of another, a small
 * piece against a big group) are skipped by a gallop. */
static enum rel aset_rel(const struct aset *x, const struct aset *y)
{
	bool meet = false, all = true;
	size_t j = 0;
	for (size_t i = 0; i < x->n;) {
		if (j < y->n && u_cmp(y->iv[j].hi, x->iv[i].lo) < 0)
			j = aiv_gallop(y->iv, j, y->n, x->iv[i].lo);
		if (j == y->n) {
			all = false;
			break;
		}
		if (u_cmp(y->iv[j].lo, x->iv[i].hi) <= 0)
			meet = true;
		if (!(u_cmp(y->iv[j].lo, x->iv[i].lo) <= 0 && u_cmp(y->iv[j].hi, x->iv[i].hi) >= 0))
			all = false;
		if (meet && !all)
			return REL_PARTIAL;
		/* x[i] before y[j] (so all is false): the x intervals up to
		 * y[j] meet no interval of y either */
		if (u_cmp(x->iv[i].hi, y->iv[j].lo) < 0)
			i = aiv_gallop(x->iv, i, x->n, y->iv[j].lo);
		else
			i++;
	}
	if (!meet)
		return REL_DISJOINT;
	return all ? REL_SUBSET : REL_PARTIAL;
}

/* ---- boxes ----------------------------------------------------------- */

/* Dimensions in the order the difference is decomposed: the ones rules
 * constrain most first, so the pieces left over stay few. */
enum { D_PROTO, D_DST, D_DPORT, D_SRC, D_SPORT, D_N };

static bool dim_is_addr(int d)
{
	return d == D_DST || d == D_SRC;
}

static struct pset *box_pset(struct fbox *b, int d)
{
	return d == D_PROTO ? &b->proto : d == D_DPORT ? &b->dport : &b->sport;
}

static const struct pset *box_cpset(const struct fbox *b, int d)
{
	return d == D_PROTO ? &b->proto : d == D_DPORT ? &b->dport : &b->sport;
}

static struct aset *box_aset(struct fbox *b, int d)
{
	return d == D_DST ? &b->dst : &b->src;
}

static const struct aset *box_caset(const struct fbox *b, int d)
{
	return d == D_DST ? &b->dst : &b->src;
}

static enum rel dim_rel(const struct fbox *x, const struct fbox *y, int d)
{
	return dim_is_addr(d) ? aset_rel(box_caset(x, d), box_caset(y, d))
			      : pset_rel(box_cpset(x, d), box_cpset(y, d));
}

static bool box_is_empty(const struct fbox *b)
{
	return !b->proto.n || !b->src.n || !b->dst.n || !b->sport.n || !b->dport.n;
}

/* Whether two boxes share a packet. */
static bool box_meets(const struct fbox *x, const struct fbox *y)
{
	for (int d = 0; d < D_N; d++)
		if (dim_rel(x, y, d) == REL_DISJOINT)
			return false;
	return true;
}

/* Up to this many pieces come out of subtracting one rule (two boxes, each
 * leaving at most D_N pieces of every piece before it). */
#define PIECES_MAX (D_N + D_N * D_N)

/* Subtracts box g from box r. When they meet, *isect gets r ∩ g, pieces
 * gets the disjoint boxes of r \ g (*np of them) and *met is true; when
 * they do not, *met is false and nothing is written. Intervals are shared
 * with r and g where a dimension is unchanged. */
static int box_sub(struct arena *a, const struct fbox *r, const struct fbox *g,
		   struct fbox *isect, struct fbox *pieces, size_t *np, bool *met)
{
	enum rel rl[D_N];
	*met = false;
	*np = 0;
	for (int d = 0; d < D_N; d++) {
		rl[d] = dim_rel(r, g, d);
		if (rl[d] == REL_DISJOINT)
			return 0;
	}
	*met = true;
	struct fbox in = *r, cur = *r;
	for (int d = 0; d < D_N; d++) {
		if (rl[d] == REL_SUBSET)
			continue;
		int rc;
		struct fbox piece = cur;
		if (dim_is_addr(d)) {
			rc = aset_split(a, box_caset(r, d), box_caset(g, d), box_aset(&piece, d),
					box_aset(&in, d));
		} else {
			rc = pset_minus(a, box_cpset(r, d), box_cpset(g, d), box_pset(&piece, d));
			if (!rc)
				rc = pset_intersect(a, box_cpset(r, d), box_cpset(g, d), box_pset(&in, d));
		}
		if (rc)
			return rc;
		if (!box_is_empty(&piece))
			pieces[(*np)++] = piece;
		/* later pieces lie inside g in this dimension */
		if (dim_is_addr(d))
			*box_aset(&cur, d) = *box_aset(&in, d);
		else
			*box_pset(&cur, d) = *box_pset(&in, d);
	}
	*isect = in;
	return 0;
}

/* A rule's region as at most two disjoint boxes: its TCP/UDP part with the
 * port fields, and its other protocols with every port. */
struct region {
	struct fbox part[2];
	size_t n;
};

struct walk {
	struct arena *a;
	enum fam fam;
	struct pset tcpudp;       /* {6, 17} */
	struct pset allports;     /* 0..65535 */
	struct fbox_list rem;     /* undecided */
	struct fbox_list dec;     /* decided (passed, or all for shadowing) */
	bool keep_all;            /* dec collects denied boxes too */
	const struct fbox *query; /* what is asked about, or NULL: everything */
};

/* The family a rule belongs to; EL_EINVAL when source and destination
 * disagree. */
static int rule_fam(const struct frule *r, enum fam dflt, enum fam *f)
{
	if (r->src.n && r->dst.n && r->src.fam != r->dst.fam)
		return EL_EINVAL;
	*f = r->src.n ? r->src.fam : r->dst.n ? r->dst.fam : dflt;
	return 0;
}

static int region_make(struct walk *w, const struct frule *r, struct region *rg)
{
	rg->n = 0;
	struct fbox b = { .src = r->src, .dst = r->dst, .sport = r->sport, .dport = r->dport };
	int rc = pset_intersect(w->a, &r->proto, &w->tcpudp, &b.proto);
	if (rc)
		return rc;
	if (!box_is_empty(&b))
		rg->part[rg->n++] = b;
	rc = pset_minus(w->a, &r->proto, &w->tcpudp, &b.proto);
	if (rc)
		return rc;
	b.sport = w->allports;
	b.dport = w->allports;
	if (!box_is_empty(&b))
		rg->part[rg->n++] = b;
	return 0;
}

static int list_push(struct arena *a, struct fbox_list *l, const struct fbox *b)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct fbox *nb = arena_alloc(a, cap * sizeof(*nb));
		if (!nb)
			return EL_ENOMEM;
		if (l->n)
			memcpy(nb, l->b, l->n * sizeof(*nb));
		l->b = nb;
		l->cap = cap;
	}
	l->b[l->n++] = *b;
	return 0;
}

static bool walk_too_big(const struct walk *w)
{
	return w->rem.n + w->dec.n > FILTER_MAX_BOXES;
}

#define DEAD (-2)

/* Applies rule idx (region rg, deciding packets with action act) to every
 * undecided box; *hit tells whether it decided anything. */
static int walk_rule(struct walk *w, const struct region *rg, int idx, enum faction act, bool *hit)
{
	*hit = false;
	if (rg->n == 0)
		return 0;
	size_t n0 = w->rem.n;
	bool any_dead = false;
	for (size_t i = 0; i < n0; i++) {
		struct fbox cur[PIECES_MAX], next[PIECES_MAX];
		size_t ncur = 1;
		bool changed = false;
		cur[0] = w->rem.b[i];
		for (size_t p = 0; p < rg->n; p++) {
			size_t nnext = 0;
			for (size_t k = 0; k < ncur; k++) {
				struct fbox in, pieces[D_N];
				size_t np;
				bool met;
				int rc = box_sub(w->a, &cur[k], &rg->part[p], &in, pieces, &np, &met);
				if (rc)
					return rc;
				if (!met) {
					next[nnext++] = cur[k];
					continue;
				}
				changed = true;
				if (act == FA_PASS || w->keep_all) {
					in.rule = idx;
					if ((rc = list_push(w->a, &w->dec, &in)))
						return rc;
				}
				for (size_t q = 0; q < np; q++) {
					pieces[q].rule = -1;
					next[nnext++] = pieces[q];
				}
			}
			memcpy(cur, next, nnext * sizeof(cur[0]));
			ncur = nnext;
		}
		if (!changed)
			continue;
		*hit = true;
		if (ncur == 0) {
			w->rem.b[i].rule = DEAD;
			any_dead = true;
		} else {
			w->rem.b[i] = cur[0];
		}
		for (size_t k = 1; k < ncur; k++) {
			int rc = list_push(w->a, &w->rem, &cur[k]);
			if (rc)
				return rc;
		}
		if (walk_too_big(w))
			return EL_ETOOBIG;
	}
	if (any_dead) {
		size_t o = 0;
		for (size_t i = 0; i < w->rem.n; i++)
			if (w->rem.b[i].rule != DEAD)
				w->rem.b[o++] = w->rem.b[i];
		w->rem.n = o;
	}
	return 0;
}

/* ---- merging undecided boxes ----------------------------------------- */

/* A total order on sets, to sort boxes. */
static int pset_cmp(const struct pset *p, const struct pset *q)
{
	size_t n = p->n < q->n ? p->n : q->n;
	for (size_t i = 0; i < n; i++) {
		if (p->iv[i].lo != q->iv[i].lo)
			return p->iv[i].lo < q->iv[i].lo ? -1 : 1;
		if (p->iv[i].hi != q->iv[i].hi)
			return p->iv[i].hi < q->iv[i].hi ? -1 : 1;
	}
	return p->n < q->n ? -1 : p->n > q->n;
}

static int aset_cmp(const struct aset *p, const struct aset *q)
{
	size_t n = p->n < q->n ? p->n : q->n;
	for (size_t i = 0; i < n; i++) {
		int c = u_cmp(p->iv[i].lo, q->iv[i].lo);
		if (!c)
			c = u_cmp(p->iv[i].hi, q->iv[i].hi);
		if (c)
			return c;
	}
	return p->n < q->n ? -1 : p->n > q->n;
}

static int set_cmp(const struct fbox *x, const struct fbox *y, int d)
{
	if (dim_is_addr(d))
		return aset_cmp(box_caset(x, d), box_caset(y, d));
	return pset_cmp(box_cpset(x, d), box_cpset(y, d));
}

/* Orders boxes by every dimension but skip, then by skip: boxes equal but
 * for skip end up next to each other. */
static int box_cmp_skip(const void *pa, const void *pb, int skip)
{
	const struct fbox *x = pa, *y = pb;
	for (int d = 0; d < D_N; d++) {
		if (d == skip)
			continue;
		int c = set_cmp(x, y, d);
		if (c)
			return c;
	}
	return set_cmp(x, y, skip);
}

static int cmp_skip0(const void *a, const void *b) { return box_cmp_skip(a, b, 0); }
static int cmp_skip1(const void *a, const void *b) { return box_cmp_skip(a, b, 1); }
static int cmp_skip2(const void *a, const void *b) { return box_cmp_skip(a, b, 2); }
static int cmp_skip3(const void *a, const void *b) { return box_cmp_skip(a, b, 3); }
static int cmp_skip4(const void *a, const void *b) { return box_cmp_skip(a, b, 4); }

static int (*const cmp_skip[D_N])(const void *, const void *) = {
	cmp_skip0, cmp_skip1, cmp_skip2, cmp_skip3, cmp_skip4,
};

static bool same_but(const struct fbox *x, const struct fbox *y, int skip)
{
	for (int d = 0; d < D_N; d++)
		if (d != skip && set_cmp(x, y, d))
			return false;
	return true;
}

/* Unites undecided boxes that differ in one dimension only (they are
 * disjoint, so the union of that dimension is exact). One sort per
 * dimension; called when the list has doubled since the last time. */
static int walk_merge(struct walk *w)
{
	for (int d = 0; d < D_N && w->rem.n > 1; d++) {
		qsort(w->rem.b, w->rem.n, sizeof(w->rem.b[0]), cmp_skip[d]);
		size_t o = 0;
		for (size_t i = 0; i < w->rem.n; i++) {
			if (o > 0 && same_but(&w->rem.b[o - 1], &w->rem.b[i], d)) {
				struct fbox *m = &w->rem.b[o - 1];
				int rc;
				if (dim_is_addr(d))
					rc = aset_union(w->a, box_aset(m, d), box_caset(&w->rem.b[i], d),
							box_aset(m, d));
				else
					rc = pset_union(w->a, box_pset(m, d), box_cpset(&w->rem.b[i], d),
							box_pset(m, d));
				if (rc)
					return rc;
				continue;
			}
			w->rem.b[o++] = w->rem.b[i];
		}
		w->rem.n = o;
	}
	return 0;
}

#define MERGE_MIN 256

static int walk_init(struct walk *w, struct arena *a, enum fam f)
{
	memset(w, 0, sizeof(*w));
	w->a = a;
	w->fam = f;
	int rc = pset_all(a, 65535, &w->allports);
	if (!rc)
		rc = pset_range(a, PROTO_TCP, PROTO_TCP, &w->tcpudp);
	if (!rc) {
		struct pset udp;
		rc = pset_range(a, PROTO_UDP, PROTO_UDP, &udp);
		if (!rc)
			rc = pset_union(a, &w->tcpudp, &udp, &w->tcpudp);
	}
	return rc;
}

/* Does the sorted interval list x contain a point of [lo, hi]? Binary
 * search for the first interval ending at or after lo. */
static bool aset_meets_iv(const struct aset *x, struct u128 lo, struct u128 hi)
{
	size_t a = aiv_first_end(x->iv, 0, x->n, lo);
	return a < x->n && u_cmp(x->iv[a].lo, hi) <= 0;
}

static bool aset_meets(const struct aset *x, const struct aset *y)
{
	/* One short list against a long one (a forwarded host against a rule
	 * naming a big object-group): binary search instead of a merge walk. */
	if (y->n * 8 < x->n || x->n * 8 < y->n) {
		const struct aset *s = y->n < x->n ? y : x, *l = s == y ? x : y;
		for (size_t k = 0; k < s->n; k++)
			if (aset_meets_iv(l, s->iv[k].lo, s->iv[k].hi))
				return true;
		return false;
	}
	/* A merge walk that gallops: runs of one list lying wholly between
	 * two intervals of the other (the hosts of one group between those of
	 * another) are skipped by exponential then binary search. */
	size_t i = 0, j = 0;
	while (i < x->n && j < y->n) {
		if (u_cmp(x->iv[i].hi, y->iv[j].lo) < 0)
			i = aiv_gallop(x->iv, i, x->n, y->iv[j].lo);
		else if (u_cmp(y->iv[j].hi, x->iv[i].lo) < 0)
			j = aiv_gallop(y->iv, j, y->n, x->iv[i].lo);
		else
			return true;
	}
	return false;
}

static bool pset_meets(const struct pset *x, const struct pset *y)
{
	size_t i = 0, j = 0;
	while (i < x->n && j < y->n) {
		if (x->iv[i].hi < y->iv[j].lo)
			i++;
		else if (y->iv[j].hi < x->iv[i].lo)
			j++;
		else
			return true;
	}
	return false;
}

static int walk_rules(struct walk *w, const struct frule *rules, size_t n,
		      const struct fcand *cand)
{
	size_t merged_at = w->rem.n;
	size_t steps = cand ? cand->n : n;
	for (size_t k = 0; k < steps; k++) {
		size_t i = cand ? cand->idx[k] : k;
		if (i >= n)
			return EL_EINVAL;
		const struct frule *r = &rules[i];
		enum fam f;
		int rc = rule_fam(r, w->fam, &f);
		if (rc)
			return rc;
		if (f != w->fam || r->new_conn_never)
			continue;
		/* Every undecided box lies inside the query: a rule that misses
		 * the query cannot touch any of them (the common case when one
		 * forwarded host is asked about against a long ACL). Tested on
		 * the rule's own sets first, without allocating. */
		if (w->query && (!aset_meets(&r->dst, &w->query->dst) ||
				 !aset_meets(&r->src, &w->query->src) ||
				 !pset_meets(&r->proto, &w->query->proto)))
			continue;
		struct region rg;
		if ((rc = region_make(w, r, &rg)))
			return rc;
		if (w->query) {
			bool meets = false;
			for (size_t p = 0; p < rg.n && !meets; p++)
				meets = box_meets(w->query, &rg.part[p]);
			if (!meets)
				continue;
		}
		bool h;
		if ((rc = walk_rule(w, &rg, (int)i, r->action, &h)))
			return rc;
		if (w->rem.n >= MERGE_MIN && w->rem.n >= 2 * merged_at) {
			if ((rc = walk_merge(w)))
				return rc;
			merged_at = w->rem.n;
		}
		if (w->rem.n == 0)
			break;
	}
	return 0;
}

/* ---- analysis -------------------------------------------------------- */

int filter_reach(struct arena *a, const struct frule *rules, size_t n,
		 enum faction dflt, const struct fbox *query, struct fbox_list *passed)
{
	return filter_reach_in(a, rules, n, NULL, dflt, query, passed);
}

/* One interval of a query's destination, for filter_candidates. */
struct qiv {
	struct u128 lo, hi;
	size_t q;
};

static int qiv_cmp(const void *pa, const void *pb)
{
	const struct qiv *x = pa, *y = pb;
	int c = u_cmp(x->lo, y->lo);
	if (c)
		return c;
	return (x->q > y->q) - (x->q < y->q);
}

/* Calls visit(q) for every query interval meeting [lo, hi]. The query
 * intervals are sorted by lo and none is longer than len (hi - lo), so
 * the ones that can meet start within [lo - len, hi]. */
/* Counts rule for query q; on the filling pass also stores it (within the
 * size the counting pass found). */
static void cand_put(struct fcand *out, size_t *count, size_t q, size_t rule, bool fill)
{
	if (fill && out[q].idx && count[q] < out[q].n)
		out[q].idx[count[q]] = rule;
	count[q]++;
}

static void qiv_visit(const struct qiv *v, size_t nv, struct u128 len, struct u128 lo,
		      struct u128 hi, struct fcand *out, size_t *count, bool fill, size_t *last,
		      size_t rule)
{
	struct u128 from = u_cmp(lo, len) > 0 ? u_sub(lo, len) : (struct u128){0, 0};
	size_t a = 0, b = nv;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (u_cmp(v[m].lo, from) < 0)
			a = m + 1;
		else
			b = m;
	}
	for (size_t k = a; k < nv && u_cmp(v[k].lo, hi) <= 0; k++) {
		size_t q = v[k].q;
		if (u_cmp(v[k].hi, lo) < 0 || last[q] == rule + 1)
			continue;
		last[q] = rule + 1;
		cand_put(out, count, q, rule, fill);
	}
}

int filter_candidates(struct arena *a, const struct frule *rules, size_t n,
		      const struct aset *qdst, size_t nq, struct fcand *out)
{
	size_t nv = 0;
	for (size_t q = 0; q < nq; q++) {
		out[q].idx = NULL;
		out[q].n = 0;
		if (nv > SIZE_MAX - qdst[q].n)
			return EL_ENOMEM;
		nv += qdst[q].n;
	}
	if (nq == 0)
		return 0;
	if (nv > SIZE_MAX / sizeof(struct qiv) || nq > SIZE_MAX / sizeof(size_t))
		return EL_ENOMEM;
	struct qiv *v = arena_alloc(a, (nv ? nv : 1) * sizeof(*v));
	size_t *count = arena_alloc(a, nq * sizeof(*count));
	size_t *last = arena_alloc(a, nq * sizeof(*last));
	if (!v || !count || !last)
		return EL_ENOMEM;
	struct u128 len = {0, 0};
	size_t k = 0;
	for (size_t q = 0; q < nq; q++)
		for (size_t i = 0; i < qdst[q].n; i++) {
			struct qiv e = {qdst[q].iv[i].lo, qdst[q].iv[i].hi, q};
			if (u_cmp(e.hi, e.lo) < 0)
				return EL_EINVAL;
			struct u128 d = u_sub(e.hi, e.lo);
			if (u_cmp(d, len) > 0)
				len = d;
			v[k++] = e;
		}
	if (nv)
		qsort(v, nv, sizeof(*v), qiv_cmp);
	/* Two passes: count, then fill arrays of the exact size. */
	for (int pass = 0; pass < 2; pass++) {
		memset(last, 0, nq * sizeof(*last));
		if (pass == 1) {
			for (size_t q = 0; q < nq; q++) {
				out[q].idx = count[q] ? arena_alloc(a, count[q] * sizeof(size_t)) : NULL;
				if (count[q] && !out[q].idx)
					return EL_ENOMEM;
				out[q].n = count[q];
				count[q] = 0;
			}
		}
		for (size_t r = 0; r < n; r++) {
			const struct frule *rl = &rules[r];
			if (rl->src.n && rl->dst.n && rl->src.fam != rl->dst.fam) {
				for (size_t q = 0; q < nq; q++) {
					cand_put(out, count, q, r, pass == 1);
					last[q] = r + 1;
				}
				continue;
			}
			for (size_t i = 0; i < rl->dst.n; i++)
				qiv_visit(v, nv, len, rl->dst.iv[i].lo, rl->dst.iv[i].hi, out,
					  count, pass == 1, last, r);
		}
	}
	return 0;
}

int filter_reach_in(struct arena *a, const struct frule *rules, size_t n,
		    const struct fcand *cand, enum faction dflt, const struct fbox *query,
		    struct fbox_list *passed)
{
	struct walk w;
	passed->b = NULL;
	passed->n = passed->cap = 0;
	enum fam f = query->src.n ? query->src.fam : query->dst.fam;
	if (query->src.n && query->dst.n && query->src.fam != query->dst.fam)
		return EL_EINVAL;
	int rc = walk_init(&w, a, f);
	if (rc)
		return rc;
	struct fbox q = *query;
	q.rule = -1;
	if (box_is_empty(&q))
		return 0;
	w.query = &q;
	if ((rc = list_push(a, &w.rem, &q)))
		return rc;
	if ((rc = walk_rules(&w, rules, n, cand)))
		return rc;
	if (dflt == FA_PASS) {
		for (size_t i = 0; i < w.rem.n; i++) {
			w.rem.b[i].rule = -1;
			if ((rc = list_push(a, &w.dec, &w.rem.b[i])))
				return rc;
		}
		if (w.dec.n > FILTER_MAX_BOXES)
			return EL_ETOOBIG;
	}
	*passed = w.dec;
	return 0;
}

static int int_cmp(const void *pa, const void *pb)
{
	int x = *(const int *)pa, y = *(const int *)pb;
	return (x > y) - (x < y);
}

/* Sorts ints in place and drops repeats; returns the new count. */
static size_t int_uniq(int *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(int), int_cmp);
	size_t o = 1;
	for (size_t i = 1; i < n; i++)
		if (v[i] != v[o - 1])
			v[o++] = v[i];
	return o;
}

/* ---- shadowed and redundant lines ------------------------------------ */

/*
 * Which lines of a list can never match, and why (filter_lines). A line i
 * is *covered* when every packet of its region is decided by earlier
 * lines; the lines that decide them are its deciders, in list order.
 * Covered lines are classified as Batfish's filterLineReachability does
 * (batfish/batfish docs/question_development/filterLineReachability.md,
 * "Output Schema": Different_Action is "True if any blocking line has
 * different action than blocked line"): *shadowed* when any decider has
 * another action than line i (the line was meant to act and does not: a
 * bug), *redundant* when all of them have its action (removable). Unlike
 * Batfish, which picks a small covering set, every decider is named.
 *
 * Cost. The old walk subtracted every rule from every undecided box of
 * the whole list (rules x boxes). Here each line is compared only with
 * the earlier lines whose region meets its own:
 *  - an index per dimension (destination, source, destination port):
 *    rules with the same set (an object-group on many lines) form one
 *    group whose intervals are indexed once; the intervals are sorted by
 *    start, with a max-of-ends tree over that order, so those meeting
 *    [a, b] are found in O((k + 1) log E); how many rules lie behind them
 *    is W - W(end < a) - W(start > b), two binary searches over prefix
 *    sums, so each line uses the dimension where it meets the fewest;
 *    what that dimension finds is ruled out first by a one-cache-line
 *    outline of each rule (protocols, ports: struct lx_sum), then by
 *    its address sets (whether a group's set meets the line's is worked
 *    out once per line: lx_set_meets);
 *  - before any of that, a point query per corner of the line's boxes
 *    (lx_corner_free): a corner that no earlier rule holds makes the
 *    line live at once, as it would lx_cover's witness; most lines of a
 *    long list end there, without collecting their candidates;
 *  - the line's region minus those candidates, in list order (the
 *    candidates that remove something are the deciders), stops as soon as
 *    nothing is left (covered) or a point of what is left lies in no later
 *    candidate (live: the corners of the line's own boxes are tried first,
 *    then those of what is left each time its box count doubles);
 *  - past `budget` boxes for one line the line is FL_UNANALYSED, never
 *    guessed. Each line's boxes live in a scratch arena reset after it.
 * The regions, outlines and index are built once per list
 * (filter_index_new) and shared by filter_lines_in and filter_denies_in;
 * each run marks what it has taken with tags above those of every earlier
 * run (lx->tag0), so no run sees another's marks.
 */

/* One interval of one distinct set (a group of rules) in one dimension. */
struct lx_ent {
	struct u128 lo, hi;
	size_t grp;
};

/* An end and the number of rules behind it, for counting. */
struct lx_end {
	struct u128 v;
	size_t w;
};

struct lx_dim {
	struct lx_ent *e;         /* sorted by lo */
	struct u128 *mx;          /* mx[cap + k] = e[k].hi; inner nodes: max */
	size_t *wlo;              /* wlo[k]: rules behind e[0..k) */
	struct lx_end *his;       /* every hi with its weight, sorted */
	size_t *whi;              /* whi[k]: rules behind his[0..k) */
	size_t *gstart, *grule;   /* rules of group g: grule[gstart[g]..gstart[g+1]) */
	size_t *gstamp;           /* per group: tag of the last line that took it */
	size_t *gof;              /* per rule of the index: its group */
	size_t n, cap, ng, wtot;
};

enum { LX_DST, LX_SRC, LX_DPORT, LX_N };

/* A rule's intervals in one dimension, for grouping. */
struct lx_key {
	const struct aival *iv;
	size_t n, rule;
};

static int lx_key_cmp(const void *pa, const void *pb)
{
	const struct lx_key *x = pa, *y = pb;
	size_t n = x->n < y->n ? x->n : y->n;
	if (x->iv == y->iv)
		n = 0;   /* one set (a group's, shared by its lines): equal */
	for (size_t i = 0; i < n; i++) {
		int c = u_cmp(x->iv[i].lo, y->iv[i].lo);
		if (!c)
			c = u_cmp(x->iv[i].hi, y->iv[i].hi);
		if (c)
			return c;
	}
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return (x->rule > y->rule) - (x->rule < y->rule);
}

static bool lx_key_same(const struct lx_key *x, const struct lx_key *y)
{
	if (x->n != y->n)
		return false;
	if (x->iv == y->iv)
		return true;
	for (size_t i = 0; i < x->n; i++)
		if (!u_eq(x->iv[i].lo, y->iv[i].lo) || !u_eq(x->iv[i].hi, y->iv[i].hi))
			return false;
	return true;
}

/* A port set as address intervals (into the arena). */
static const struct aival *lx_ports(struct arena *a, const struct pset *p)
{
	struct aival *v = aiv_alloc(a, p->n);
	for (size_t k = 0; v && k < p->n; k++) {
		v[k].lo = (struct u128){0, p->iv[k].lo};
		v[k].hi = (struct u128){0, p->iv[k].hi};
	}
	return v;
}

/* The destination ports a region may hold: every port when a part has
 * them all (its protocols have no ports), else the TCP/UDP part's. */
static const struct pset *lx_region_ports(const struct region *rg)
{
	const struct pset *p = &rg->part[0].dport;
	for (size_t k = 0; k < rg->n; k++)
		if (rg->part[k].dport.n == 1 && rg->part[k].dport.iv[0].lo == 0 &&
		    rg->part[k].dport.iv[0].hi == 65535)
			p = &rg->part[k].dport;
	return p;
}

static int lx_ent_cmp(const void *pa, const void *pb)
{
	const struct lx_ent *x = pa, *y = pb;
	int c = u_cmp(x->lo, y->lo);
	if (c)
		return c;
	return (x->grp > y->grp) - (x->grp < y->grp);
}

static int lx_end_cmp(const void *pa, const void *pb)
{
	const struct lx_end *x = pa, *y = pb;
	return u_cmp(x->v, y->v);
}

/* Builds the index of dimension d over the rules use[i] marks: rules with
 * the same set (an object-group used by many lines) share one group and
 * its intervals are indexed once. */
static int lx_build(struct arena *a, const struct region *rg, const bool *use, size_t n, int d,
		    struct lx_dim *x)
{
	memset(x, 0, sizeof(*x));
	struct lx_key *key = arena_alloc(a, (n ? n : 1) * sizeof(*key));
	if (!key)
		return EL_ENOMEM;
	size_t nk = 0;
	for (size_t i = 0; i < n; i++) {
		if (!use[i])
			continue;
		struct lx_key *k = &key[nk++];
		k->rule = i;
		if (d == LX_DPORT) {
			const struct pset *p = lx_region_ports(&rg[i]);
			k->n = p->n;
			k->iv = lx_ports(a, p);
			if (!k->iv && p->n)
				return EL_ENOMEM;
		} else {
			const struct aset *s = d == LX_DST ? &rg[i].part[0].dst : &rg[i].part[0].src;
			k->iv = s->iv;
			k->n = s->n;
		}
	}
	if (nk)
		qsort(key, nk, sizeof(*key), lx_key_cmp);
	x->gstart = arena_alloc(a, (nk + 1) * sizeof(size_t));
	x->grule = arena_alloc(a, (nk ? nk : 1) * sizeof(size_t));
	if (!x->gstart || !x->grule)
		return EL_ENOMEM;
	size_t tot = 0;
	for (size_t k = 0; k < nk; k++) {
		if (k == 0 || !lx_key_same(&key[k - 1], &key[k])) {
			x->gstart[x->ng++] = k;
			if (tot > SIZE_MAX / 2 - key[k].n)
				return EL_ENOMEM;
			tot += key[k].n;
		}
		x->grule[k] = key[k].rule;
	}
	x->gstart[x->ng] = nk;
	x->gof = arena_alloc(a, (n ? n : 1) * sizeof(size_t));
	if (!x->gof)
		return EL_ENOMEM;
	for (size_t g = 0; g < x->ng; g++)
		for (size_t k = x->gstart[g]; k < x->gstart[g + 1]; k++)
			x->gof[x->grule[k]] = g;
	x->gstamp = arena_alloc(a, (x->ng ? x->ng : 1) * sizeof(size_t));
	size_t cap = 1;
	while (cap < tot)
		cap *= 2;
	if (cap > SIZE_MAX / (2 * sizeof(struct u128)) || tot > SIZE_MAX / sizeof(struct lx_ent) - 1)
		return EL_ENOMEM;
	x->e = arena_alloc(a, (tot ? tot : 1) * sizeof(*x->e));
	x->his = arena_alloc(a, (tot ? tot : 1) * sizeof(*x->his));
	x->wlo = arena_alloc(a, (tot + 1) * sizeof(size_t));
	x->whi = arena_alloc(a, (tot + 1) * sizeof(size_t));
	x->mx = arena_alloc(a, 2 * cap * sizeof(*x->mx));
	if (!x->gstamp || !x->e || !x->his || !x->wlo || !x->whi || !x->mx)
		return EL_ENOMEM;
	size_t m = 0;
	for (size_t g = 0; g < x->ng; g++) {
		const struct lx_key *k = &key[x->gstart[g]];
		size_t w = x->gstart[g + 1] - x->gstart[g];
		for (size_t j = 0; j < k->n; j++) {
			x->e[m].lo = k->iv[j].lo;
			x->e[m].hi = k->iv[j].hi;
			x->e[m].grp = g;
			x->his[m].v = k->iv[j].hi;
			x->his[m].w = w;
			m++;
		}
	}
	x->n = tot;
	x->cap = cap;
	if (tot) {
		qsort(x->e, tot, sizeof(*x->e), lx_ent_cmp);
		qsort(x->his, tot, sizeof(*x->his), lx_end_cmp);
	}
	for (size_t j = 0; j < tot; j++) {
		size_t g = x->e[j].grp;
		x->wlo[j + 1] = x->wlo[j] + (x->gstart[g + 1] - x->gstart[g]);
		x->whi[j + 1] = x->whi[j] + x->his[j].w;
		x->mx[cap + j] = x->e[j].hi;
	}
	x->wtot = x->wlo[tot];
	for (size_t j = cap; j-- > 1;)
		x->mx[j] = u_cmp(x->mx[2 * j], x->mx[2 * j + 1]) >= 0 ? x->mx[2 * j] : x->mx[2 * j + 1];
	return 0;
}

/* Number of entries with lo <= v (or < v when strict). */
static size_t lx_lo_upto(const struct lx_dim *x, struct u128 v, bool strict)
{
	size_t a = 0, b = x->n;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		int c = u_cmp(x->e[m].lo, v);
		if (c < 0 || (c == 0 && !strict))
			a = m + 1;
		else
			b = m;
	}
	return a;
}

/* Rules behind the entries meeting [lo, hi]: all but those ending before
 * lo and those starting after hi (no entry does both). */
static size_t lx_count(const struct lx_dim *x, struct u128 lo, struct u128 hi)
{
	size_t a = 0, b = x->n;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (u_cmp(x->his[m].v, lo) < 0)
			a = m + 1;
		else
			b = m;
	}
	size_t before = x->whi[a], after = x->wtot - x->wlo[lx_lo_upto(x, hi, false)];
	return x->wtot - before - after;
}

/* A compact outline of one box (one cache line), to rule out most
 * candidates without reading their interval arrays: its protocols as a
 * bitmap, its destination ports (exactly when they are at most
 * LX_SUM_PORTS intervals, else their span) and whether it holds every
 * source port. Disjoint outlines mean disjoint boxes; meeting outlines
 * prove nothing (box_meets_fast decides). */
#define LX_SUM_PORTS 11     /* two cache lines; a service group of 10 ports fits */
struct lx_sum {
	uint64_t proto[4];
	/* next to the protocols: one cache line for most candidates */
	uint8_t nd;               /* dport intervals held; LX_SUM_PORTS + 1: the span only */
	bool sport_all;
	uint8_t np;               /* in a region's first outline: its parts */
	struct pival dport[LX_SUM_PORTS];
};

/* Protocol classes, a byte per rule read before its outline: a candidate
 * whose classes miss the line's cannot meet it (the classes partition the
 * protocols), and most are ruled out without a cache miss. */
enum { LX_TCP = 1, LX_UDP = 2, LX_ICMP = 4, LX_OTHER = 8 };

static uint8_t lx_classes(const struct pset *p)
{
	static const struct {
		uint32_t proto;
		uint8_t cls;
	} named[] = {{PROTO_ICMP, LX_ICMP}, {PROTO_TCP, LX_TCP}, {PROTO_UDP, LX_UDP},
		     {PROTO_ICMP6, LX_ICMP}};
	uint8_t m = 0;
	for (size_t k = 0; k < p->n; k++) {
		uint32_t lo = p->iv[k].lo, hi = p->iv[k].hi, inside = 0;
		for (size_t j = 0; j < ARRAY_SIZE(named); j++)
			if (lo <= named[j].proto && named[j].proto <= hi) {
				m |= named[j].cls;
				inside++;
			}
		if (hi - lo + 1 > inside)
			m |= LX_OTHER;
	}
	return m;
}

static void lx_sum_make(const struct fbox *b, struct lx_sum *o)
{
	memset(o, 0, sizeof(*o));
	for (size_t k = 0; k < b->proto.n; k++)
		for (uint32_t v = b->proto.iv[k].lo; v <= b->proto.iv[k].hi && v < 256; v++)
			o->proto[v >> 6] |= UINT64_C(1) << (v & 63);
	const struct pset *d = &b->dport;
	if (d->n <= LX_SUM_PORTS) {
		o->nd = (uint8_t)d->n;
		for (size_t k = 0; k < d->n; k++)
			o->dport[k] = d->iv[k];
	} else {
		o->nd = LX_SUM_PORTS + 1;
		o->dport[0].lo = d->iv[0].lo;
		o->dport[0].hi = d->iv[d->n - 1].hi;
	}
	o->sport_all = b->sport.n == 1 && b->sport.iv[0].lo == 0 && b->sport.iv[0].hi == 65535;
}

static bool lx_sum_meets(const struct lx_sum *x, const struct lx_sum *y)
{
	if (!((x->proto[0] & y->proto[0]) | (x->proto[1] & y->proto[1]) |
	      (x->proto[2] & y->proto[2]) | (x->proto[3] & y->proto[3])))
		return false;
	size_t nx = x->nd > LX_SUM_PORTS ? 1 : x->nd, ny = y->nd > LX_SUM_PORTS ? 1 : y->nd;
	size_t i = 0, j = 0;   /* both sorted: a merge walk */
	while (i < nx && j < ny) {
		if (x->dport[i].hi < y->dport[j].lo)
			i++;
		else if (y->dport[j].hi < x->dport[i].lo)
			j++;
		else
			return true;
	}
	return false;
}

/* Whether the outlines alone prove that the boxes meet in protocols and
 * in both port dimensions (then only the addresses are left to test). */
static bool lx_sum_exact(const struct lx_sum *x, const struct lx_sum *y)
{
	return x->nd <= LX_SUM_PORTS && y->nd <= LX_SUM_PORTS && x->sport_all && y->sport_all;
}

/* Per-line state of filter_lines. */
struct lx {
	struct arena *a;          /* results */
	struct arena scratch;     /* one line's boxes, reset after it */
	const struct frule *rules;
	const struct region *rg;  /* every rule's region */
	struct lx_sum (*sum)[2];  /* the outline of each part of each region */
	uint8_t *cls;             /* per rule: lx_classes of its region */
	const bool *cover;        /* rules that may decide packets for later ones */
	struct lx_dim dim[LX_N];
	size_t *stamp;            /* per rule: target index + 1 when collected */
	size_t *cand, ncand;      /* candidates of the current line */
	struct aival *pbuf;       /* port intervals of the current line */
	struct walk proto;        /* tcpudp and allports, for walk_init copies */
	struct fbox_list rem0;    /* undecided boxes: the first 64 slots, reused */
	/* per group of dim[LX_DST] and dim[LX_SRC]: whether its set meets
	 * the current targets' one, valid when mtag[d][g] is the line's tag */
	size_t *mtag[2];
	bool *mmeets[2];
	size_t budget;
	size_t n;                 /* rules */
	int indexed;              /* the family dim[] holds, or -1 */
	size_t tag0;              /* tags of earlier runs lie at or below it */
};

/* Takes the rules of group g below before (once per line). */
static void lx_put(struct lx *lx, const struct lx_dim *x, size_t g, size_t before, size_t tag)
{
	if (x->gstamp[g] == tag)
		return;
	x->gstamp[g] = tag;
	for (size_t k = x->gstart[g]; k < x->gstart[g + 1] && x->grule[k] < before; k++) {
		size_t r = x->grule[k];
		if (lx->stamp[r] != tag) {
			lx->stamp[r] = tag;
			lx->cand[lx->ncand++] = r;
		}
	}
}

/* Takes the groups of entries ending at or after lo among e[nl..nr) with
 * index below upto: the max-of-ends tree, pruned where every end lies
 * before lo. */
static void lx_visit(struct lx *lx, const struct lx_dim *x, size_t node, size_t nl, size_t nr,
		     size_t upto, struct u128 lo, size_t before, size_t tag)
{
	if (nl >= upto || u_cmp(x->mx[node], lo) < 0)
		return;
	if (nr - nl == 1) {
		lx_put(lx, x, x->e[nl].grp, before, tag);
		return;
	}
	size_t mid = nl + (nr - nl) / 2;
	lx_visit(lx, x, 2 * node, nl, mid, upto, lo, before, tag);
	lx_visit(lx, x, 2 * node + 1, mid, nr, upto, lo, before, tag);
}

/* The rules (below before) of the entries meeting [lo, hi], into
 * lx->cand once each: entries starting before lo that end at or after it
 * (the tree), then every one starting within [lo, hi] (a run). */
static void lx_query(struct lx *lx, const struct lx_dim *x, struct u128 lo, struct u128 hi,
		     size_t before, size_t tag)
{
	size_t below = lx_lo_upto(x, lo, true);
	lx_visit(lx, x, 1, 0, x->cap, below, lo, before, tag);
	for (size_t k = below; k < x->n && u_cmp(x->e[k].lo, hi) <= 0; k++)
		lx_put(lx, x, x->e[k].grp, before, tag);
}

/* Whether two boxes share a packet; cheap tests first, no allocation. */
static bool box_meets_fast(const struct fbox *x, const struct fbox *y)
{
	return pset_meets(&x->proto, &y->proto) && pset_meets(&x->dport, &y->dport) &&
	       pset_meets(&x->sport, &y->sport) && aset_meets(&x->dst, &y->dst) &&
	       aset_meets(&x->src, &y->src);
}

static int size_cmp(const void *pa, const void *pb)
{
	size_t x = *(const size_t *)pa, y = *(const size_t *)pb;
	return (x > y) - (x < y);
}

/* The query intervals of target boxes t[0..nt) in dimension d. */
static void lx_target_ivs(struct lx *lx, const struct fbox *t, size_t nt, int d, size_t k,
			  const struct aival **iv, size_t *niv)
{
	if (d == LX_DST || d == LX_SRC) {
		const struct aset *s = d == LX_DST ? &t[k].dst : &t[k].src;
		*iv = s->iv;
		*niv = s->n;
		return;
	}
	(void)nt;
	const struct pset *p = &t[k].dport;
	for (size_t j = 0; j < p->n; j++) {
		lx->pbuf[j].lo = (struct u128){0, p->iv[j].lo};
		lx->pbuf[j].hi = (struct u128){0, p->iv[j].hi};
	}
	*iv = lx->pbuf;
	*niv = p->n;
}

/* Whether the set s of rule r in dimension d (LX_DST or LX_SRC) meets
 * the targets' one, ts. Many candidates of one line name the same
 * object-group: with memo (every target has the set ts), the answer is
 * kept per group of dim[d] for the line's tag. */
static bool lx_set_meets(struct lx *lx, int d, size_t r, const struct aset *s,
			 const struct aset *ts, bool memo, size_t tag)
{
	if (!memo)
		return aset_meets(s, ts);
	size_t g = lx->dim[d].gof[r];
	if (lx->mtag[d][g] != tag) {
		lx->mtag[d][g] = tag;
		lx->mmeets[d][g] = aset_meets(s, ts);
	}
	return lx->mmeets[d][g];
}

/* The earlier rules (index < before, allowed by lx->cover) whose region
 * meets one of the target boxes, ascending, in lx->cand. */
static int lx_candidates(struct lx *lx, const struct fbox *t, size_t nt, size_t before, size_t tag)
{
	lx->ncand = 0;
	size_t pmax = 0;
	for (size_t k = 0; k < nt; k++)
		if (t[k].dport.n > pmax)
			pmax = t[k].dport.n;
	lx->pbuf = arena_alloc(&lx->scratch, (pmax ? pmax : 1) * sizeof(*lx->pbuf));
	if (!lx->pbuf)
		return EL_ENOMEM;
	/* the dimension where the target meets the fewest entries */
	int best = LX_DST;
	size_t bestn = SIZE_MAX;
	for (int d = 0; d < LX_N; d++) {
		size_t c = 0;
		for (size_t k = 0; k < nt && c < bestn; k++) {
			const struct aival *iv;
			size_t niv;
			lx_target_ivs(lx, t, nt, d, k, &iv, &niv);
			for (size_t j = 0; j < niv && c < bestn; j++)
				c += lx_count(&lx->dim[d], iv[j].lo, iv[j].hi);
		}
		if (c < bestn) {
			bestn = c;
			best = d;
		}
	}
	const struct lx_dim *x = &lx->dim[best];
	if (x->n == 0)
		return 0;
	for (size_t k = 0; k < nt; k++) {
		const struct aival *iv;
		size_t niv;
		lx_target_ivs(lx, t, nt, best, k, &iv, &niv);
		for (size_t j = 0; j < niv; j++)
			lx_query(lx, x, iv[j].lo, iv[j].hi, before, tag);
	}
	struct lx_sum ts[2];
	for (size_t k = 0; k < nt && k < 2; k++)
		lx_sum_make(&t[k], &ts[k]);
	/* Found by destination for targets that share one destination set:
	 * every candidate meets it there (lx_query is exact), and each part of
	 * a region has the rule's destination (region_make). */
	bool dst_met = best == LX_DST;
	for (size_t k = 1; k < nt && dst_met; k++)
		dst_met = aset_eq(&t[k].dst, &t[0].dst);
	uint8_t tcls = 0;
	for (size_t k = 0; k < nt; k++)
		tcls |= lx_classes(&t[k].proto);
	bool dmemo = true, smemo = true;
	for (size_t k = 1; k < nt; k++) {
		dmemo = dmemo && aset_eq(&t[k].dst, &t[0].dst);
		smemo = smemo && aset_eq(&t[k].src, &t[0].src);
	}
	size_t o = 0;
	for (size_t c = 0; c < lx->ncand; c++) {
		size_t r = lx->cand[c];
		if (!(lx->cls[r] & tcls))
			continue;
		const struct region *g = &lx->rg[r];
		bool meets = false;
		for (size_t p = 0; p < lx->sum[r][0].np && !meets; p++)
			for (size_t k = 0; k < nt && !meets; k++)
				if (k < 2 && !lx_sum_meets(&lx->sum[r][p], &ts[k]))
					meets = false;
				else if (k < 2 && lx_sum_exact(&lx->sum[r][p], &ts[k]))
					meets = (dst_met || lx_set_meets(lx, LX_DST, r, &g->part[p].dst,
									     &t[k].dst, dmemo, tag)) &&
						lx_set_meets(lx, LX_SRC, r, &g->part[p].src, &t[k].src,
							     smemo, tag);
				else
					meets = box_meets_fast(&g->part[p], &t[k]);
		if (meets)
			lx->cand[o++] = r;
	}
	lx->ncand = o;
	qsort(lx->cand, lx->ncand, sizeof(size_t), size_cmp);
	return 0;
}

/* One packet, a box's corner. */
struct fpoint {
	uint32_t proto, sport, dport;
	struct u128 src, dst;
};

static bool box_has_point(const struct fbox *b, const struct fpoint *p)
{
	return pset_contains(&b->proto, p->proto) && pset_contains(&b->dport, p->dport) &&
	       pset_contains(&b->sport, p->sport) && aset_has(&b->dst, p->dst) &&
	       aset_has(&b->src, p->src);
}

static void box_corner(const struct fbox *b, bool high, struct fpoint *p)
{
	if (high) {
		p->proto = b->proto.iv[b->proto.n - 1].hi;
		p->sport = b->sport.iv[b->sport.n - 1].hi;
		p->dport = b->dport.iv[b->dport.n - 1].hi;
		p->src = b->src.iv[b->src.n - 1].hi;
		p->dst = b->dst.iv[b->dst.n - 1].hi;
	} else {
		p->proto = b->proto.iv[0].lo;
		p->sport = b->sport.iv[0].lo;
		p->dport = b->dport.iv[0].lo;
		p->src = b->src.iv[0].lo;
		p->dst = b->dst.iv[0].lo;
	}
}

/* Whether a corner of one of the boxes lies in no candidate from cand[from]
 * on: then that packet is decided by none of the earlier rules. */
static bool lx_witness(const struct lx *lx, const struct fbox *b, size_t nb, size_t from)
{
	for (size_t k = 0; k < nb; k++)
		for (int h = 0; h < 2; h++) {
			struct fpoint p;
			box_corner(&b[k], h == 1, &p);
			bool in = false;
			for (size_t c = from; c < lx->ncand && !in; c++) {
				const struct region *g = &lx->rg[lx->cand[c]];
				for (size_t q = 0; q < g->n && !in; q++)
					in = box_has_point(&g->part[q], &p);
			}
			if (!in)
				return true;
		}
	return false;
}

/* Whether an earlier rule (below before) of the index holds packet p,
 * found through the entries of x that hold v, p's value in x's
 * dimension: those starting at or before v (a prefix of the order by
 * start) whose end is at or after v (the max-of-ends tree). A group's
 * intervals are disjoint, so each rule is looked at once at most; its
 * rules ascend, so those from before on are never read. */
static bool lx_stab_visit(const struct lx *lx, const struct lx_dim *x, size_t node, size_t nl,
			  size_t nr, size_t upto, struct u128 v, const struct fpoint *p,
			  size_t before)
{
	if (nl >= upto || u_cmp(x->mx[node], v) < 0)
		return false;
	if (nr - nl == 1) {
		size_t g = x->e[nl].grp;
		for (size_t k = x->gstart[g]; k < x->gstart[g + 1] && x->grule[k] < before; k++) {
			const struct region *rg = &lx->rg[x->grule[k]];
			for (size_t q = 0; q < rg->n; q++)
				if (box_has_point(&rg->part[q], p))
					return true;
		}
		return false;
	}
	size_t mid = nl + (nr - nl) / 2;
	return lx_stab_visit(lx, x, 2 * node, nl, mid, upto, v, p, before) ||
	       lx_stab_visit(lx, x, 2 * node + 1, mid, nr, upto, v, p, before);
}

/* Whether a corner of one of the target boxes lies in no earlier rule of
 * the index: then the targets are live, and lx_cover would say so (its
 * candidates are the earlier rules that meet the targets, and a rule
 * holding a corner meets them). Each corner is looked up by a point query
 * in the dimension where the fewest rules hold it, without collecting the
 * candidates of the whole targets (most lines of a long list are live). */
static bool lx_corner_free(const struct lx *lx, const struct fbox *t, size_t nt, size_t before)
{
	for (size_t k = 0; k < nt; k++)
		for (int h = 0; h < 2; h++) {
			struct fpoint p;
			box_corner(&t[k], h == 1, &p);
			struct u128 val[LX_N] = {[LX_DST] = p.dst, [LX_SRC] = p.src,
						 [LX_DPORT] = {0, p.dport}};
			int best = LX_DST;
			size_t bestn = SIZE_MAX;
			for (int d = 0; d < LX_N; d++) {
				size_t c = lx_count(&lx->dim[d], val[d], val[d]);
				if (c < bestn) {
					bestn = c;
					best = d;
				}
			}
			const struct lx_dim *x = &lx->dim[best];
			if (bestn == 0 || x->n == 0)
				return true;
			size_t upto = lx_lo_upto(x, val[best], false);
			if (!lx_stab_visit(lx, x, 1, 0, x->cap, upto, val[best], &p, before))
				return true;
		}
	return false;
}

enum lx_res { LX_LIVE, LX_COVERED, LX_OVER };

/* The scratch arena is emptied once it holds this much (not after every
 * line: most lines need a few hundred bytes). */
#define LX_SCRATCH_MAX (1u << 20)

/* Whether the target boxes are covered by lx->cand; the candidates that
 * decide part of them are kept, in order, in lx->cand[0..*ndec). */
static int lx_cover(struct lx *lx, const struct fbox *t, size_t nt, enum lx_res *res,
		    size_t *ndec)
{
	*ndec = 0;
	*res = LX_LIVE;
	if (lx->ncand == 0 || lx_witness(lx, t, nt, 0))
		return 0;
	struct walk w = lx->proto;
	w.a = &lx->scratch;
	w.query = NULL;
	w.keep_all = false;
	w.rem = lx->rem0;          /* a buffer kept from line to line */
	w.rem.n = 0;
	memset(&w.dec, 0, sizeof(w.dec));
	for (size_t k = 0; k < nt; k++) {
		int rc = list_push(w.a, &w.rem, &t[k]);
		if (rc)
			return rc;
	}
	size_t check_at = 64, work = 0;
	for (size_t c = 0; c < lx->ncand; c++) {
		bool hit;
		size_t r = lx->cand[c];
		/* time, not only memory: box subtractions for this line */
		work += w.rem.n;
		if (work / 64 > lx->budget) {
			*res = LX_OVER;
			return 0;
		}
		/* FA_DENY with keep_all unset: nothing is collected in w.dec */
		int rc = walk_rule(&w, &lx->rg[r], (int)r, FA_DENY, &hit);
		if (rc == EL_ETOOBIG) {
			*res = LX_OVER;
			return 0;
		}
		if (rc)
			return rc;
		if (hit)
			lx->cand[(*ndec)++] = r;
		if (w.rem.n == 0) {
			*res = LX_COVERED;
			return 0;
		}
		if (w.rem.n >= check_at) {
			if ((rc = walk_merge(&w)))
				return rc;
			if (lx_witness(lx, w.rem.b, w.rem.n, c + 1))
				return 0;
			if (w.rem.n > lx->budget) {
				*res = LX_OVER;
				return 0;
			}
			check_at = 2 * (w.rem.n > check_at ? w.rem.n : check_at);
		}
	}
	return 0;   /* something is left: live */
}

/* Whether the target boxes are covered by the earlier rules (below
 * before) of the index: live at once when a corner lies in none of them,
 * else lx_cover over their candidates. */
static int lx_decide(struct lx *lx, const struct fbox *t, size_t nt, size_t before, size_t tag,
		     enum lx_res *res, size_t *ndec)
{
	*ndec = 0;
	*res = LX_LIVE;
	if (lx_corner_free(lx, t, nt, before))
		return 0;
	int rc = lx_candidates(lx, t, nt, before, tag);
	return rc ? rc : lx_cover(lx, t, nt, res, ndec);
}

static int lx_init(struct lx *lx, struct arena *a, const struct frule *rules, size_t n,
		   size_t budget)
{
	memset(lx, 0, sizeof(*lx));
	lx->a = a;
	lx->rules = rules;
	lx->budget = budget;
	lx->n = n;
	lx->indexed = -1;
	if (n > SIZE_MAX / sizeof(struct region))
		return EL_ENOMEM;
	int rc = walk_init(&lx->proto, a, FAM_V4);
	if (rc)
		return rc;
	/* Not zeroed where every entry read is written first: the regions
	 * (region_make sets n and the parts below it), the candidates and
	 * the outlines (np and the parts below it). */
	struct region *rg = arena_alloc_raw(a, (n ? n : 1) * sizeof(*rg));
	bool *cover = arena_alloc(a, (n ? n : 1) * sizeof(*cover));
	lx->stamp = arena_alloc(a, (n ? n : 1) * sizeof(*lx->stamp));
	lx->cand = arena_alloc_raw(a, (n ? n : 1) * sizeof(*lx->cand));
	if (!rg || !cover || !lx->stamp || !lx->cand)
		return EL_ENOMEM;
	if (n > SIZE_MAX / sizeof(*lx->sum))
		return EL_ENOMEM;
	lx->sum = arena_alloc_raw(a, (n ? n : 1) * sizeof(*lx->sum));
	lx->cls = arena_alloc(a, (n ? n : 1) * sizeof(*lx->cls));
	if (!lx->sum || !lx->cls)
		return EL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		enum fam f;
		if ((rc = rule_fam(&rules[i], FAM_V4, &f)) || (rc = region_make(&lx->proto, &rules[i], &rg[i])))
			return rc;
		for (size_t p = 0; p < rg[i].n; p++) {
			lx_sum_make(&rg[i].part[p], &lx->sum[i][p]);
			lx->cls[i] |= lx_classes(&rg[i].part[p].proto);
		}
		lx->sum[i][0].np = (uint8_t)rg[i].n;
	}
	lx->rg = rg;
	lx->cover = cover;
	lx->rem0.cap = 64;
	lx->rem0.b = arena_alloc(a, lx->rem0.cap * sizeof(*lx->rem0.b));
	return lx->rem0.b ? 0 : EL_ENOMEM;
}

/* Indexes the rules of family f that decide packets (not new_conn_never). */
static int lx_index(struct lx *lx, size_t n, enum fam f)
{
	if (lx->indexed == (int)f)
		return 0;   /* built by an earlier run over the same rules */
	lx->indexed = -1;
	bool *cover = (bool *)lx->cover;
	for (size_t i = 0; i < n; i++) {
		enum fam rf;
		int rc = rule_fam(&lx->rules[i], f, &rf);
		if (rc)
			return rc;
		cover[i] = rf == f && !lx->rules[i].new_conn_never && !lx->rules[i].narrower &&
			   lx->rg[i].n > 0;
		lx->stamp[i] = 0;
	}
	for (int d = 0; d < LX_N; d++) {
		int rc = lx_build(lx->a, lx->rg, lx->cover, n, d, &lx->dim[d]);
		if (rc)
			return rc;
	}
	for (int d = LX_DST; d <= LX_SRC; d++) {
		size_t ng = lx->dim[d].ng ? lx->dim[d].ng : 1;
		lx->mtag[d] = arena_alloc(lx->a, ng * sizeof(*lx->mtag[d]));
		lx->mmeets[d] = arena_alloc(lx->a, ng * sizeof(*lx->mmeets[d]));
		if (!lx->mtag[d] || !lx->mmeets[d])
			return EL_ENOMEM;
	}
	lx->indexed = (int)f;
	return 0;
}

int filter_index_new(struct arena *a, const struct frule *rules, size_t n,
		     struct filter_index **out)
{
	*out = NULL;
	struct lx *lx = arena_alloc(a, sizeof(*lx));
	if (!lx)
		return EL_ENOMEM;
	int rc = lx_init(lx, a, rules, n, FILTER_LINE_BUDGET);
	if (rc)
		return rc;
	*out = (struct filter_index *)lx;
	return 0;
}

/* Whether some rule belongs to family f; EL_EINVAL as rule_fam. */
static int lx_has_fam(const struct lx *lx, enum fam f, bool *has)
{
	*has = false;
	for (size_t i = 0; i < lx->n; i++) {
		enum fam rf;
		int rc = rule_fam(&lx->rules[i], f, &rf);
		if (rc)
			return rc;
		*has |= rf == f;
	}
	return 0;
}

int filter_lines_in(struct filter_index *ix, size_t budget, struct fline *out)
{
	struct lx *lx = (struct lx *)ix;
	const struct frule *rules = lx->rules;
	struct arena *a = lx->a;
	size_t n = lx->n;
	for (size_t i = 0; i < n; i++) {
		out[i].verdict = FL_LIVE;
		out[i].by = NULL;
		out[i].nby = 0;
	}
	lx->budget = budget;
	size_t tag0 = lx->tag0;
	lx->tag0 += n + 2;
	int rc = 0;
	for (int f = FAM_V4; rc == 0 && f <= FAM_V6; f++) {
		bool has;
		/* a family no rule has is not indexed (the index of the other
		 * one is kept for filter_denies_in) */
		if ((rc = lx_has_fam(lx, (enum fam)f, &has)) || !has)
			continue;
		if ((rc = lx_index(lx, n, (enum fam)f)))
			break;
		for (size_t i = 0; i < n && rc == 0; i++) {
			enum fam rf;
			if ((rc = rule_fam(&rules[i], (enum fam)f, &rf)))
				break;
			if ((int)rf != f)
				continue;
			const struct region *g = &lx->rg[i];
			if (g->n == 0) {
				out[i].verdict = FL_EMPTY;   /* matches no packet at all */
				continue;
			}
			enum lx_res res;
			size_t ndec;
			if ((rc = lx_decide(lx, g->part, g->n, i, tag0 + i + 1, &res, &ndec)))
				break;
			if (res == LX_OVER) {
				out[i].verdict = FL_UNANALYSED;
			} else if (res == LX_COVERED) {
				bool other = false;
				int *by = arena_alloc(a, ndec * sizeof(int));
				if (!by) {
					rc = EL_ENOMEM;
					break;
				}
				for (size_t k = 0; k < ndec; k++) {
					by[k] = (int)lx->cand[k];
					other |= rules[lx->cand[k]].action != rules[i].action;
				}
				out[i].verdict = other ? FL_SHADOWED : FL_REDUNDANT;
				out[i].by = by;
				out[i].nby = ndec;
			}
			if (lx->scratch.used_total > LX_SCRATCH_MAX)
				arena_reset(&lx->scratch);
		}
	}
	arena_free(&lx->scratch);
	return rc;
}

int filter_lines(struct arena *a, const struct frule *rules, size_t n, size_t budget,
		 struct fline *out)
{
	struct filter_index *ix;
	int rc = filter_index_new(a, rules, n, &ix);
	if (rc) {
		for (size_t i = 0; i < n; i++)
			out[i] = (struct fline){.verdict = FL_LIVE};
		return rc;
	}
	return filter_lines_in(ix, budget, out);
}

/* b ∩ q, dimension by dimension, into *out; false when empty. */
static int box_intersect(struct arena *a, const struct fbox *b, const struct fbox *q,
			 struct fbox *out, bool *nonempty)
{
	*out = *b;
	int rc = pset_intersect(a, &b->proto, &q->proto, &out->proto);
	if (!rc)
		rc = aset_intersect(a, &b->src, &q->src, &out->src);
	if (!rc)
		rc = aset_intersect(a, &b->dst, &q->dst, &out->dst);
	if (!rc)
		rc = pset_intersect(a, &b->sport, &q->sport, &out->sport);
	if (!rc)
		rc = pset_intersect(a, &b->dport, &q->dport, &out->dport);
	*nonempty = rc == 0 && !box_is_empty(out);
	return rc;
}

int filter_denies_in(struct filter_index *ix, enum faction dflt, const struct fbox *q,
		     size_t budget, bool *denies)
{
	struct lx *lx = (struct lx *)ix;
	const struct frule *rules = lx->rules;
	size_t n = lx->n;
	*denies = false;
	enum fam f = q->src.n ? q->src.fam : q->dst.fam;
	if (box_is_empty(q))
		return 0;
	lx->budget = budget;
	size_t tag0 = lx->tag0;
	lx->tag0 += n + 2;
	int rc = lx_index(lx, n, f);
	/* every deny rule, then the default (a rule past the last) */
	for (size_t i = 0; i <= n && rc == 0 && !*denies; i++) {
		struct fbox t[2];
		size_t nt = 0;
		if (i < n) {
			if (!lx->cover[i] || rules[i].action != FA_DENY)
				continue;
			for (size_t p = 0; p < lx->rg[i].n && rc == 0; p++) {
				bool ne;
				rc = box_intersect(&lx->scratch, &lx->rg[i].part[p], q, &t[nt], &ne);
				if (ne)
					nt++;
			}
		} else if (dflt == FA_DENY) {
			t[nt++] = *q;
		}
		if (rc || nt == 0)
			continue;
		enum lx_res res;
		size_t ndec;
		if ((rc = lx_decide(lx, t, nt, i, tag0 + i + 1, &res, &ndec)))
			break;
		if (res == LX_OVER)
			rc = EL_ETOOBIG;
		else if (res == LX_LIVE)
			*denies = true;
		if (lx->scratch.used_total > LX_SCRATCH_MAX)
			arena_reset(&lx->scratch);
	}
	arena_free(&lx->scratch);
	return rc;
}

int filter_denies(struct arena *a, const struct frule *rules, size_t n, enum faction dflt,
		  const struct fbox *q, size_t budget, bool *denies)
{
	*denies = false;
	if (box_is_empty(q))
		return 0;
	struct filter_index *ix;
	int rc = filter_index_new(a, rules, n, &ix);
	return rc ? rc : filter_denies_in(ix, dflt, q, budget, denies);
}

/* ---- summary --------------------------------------------------------- */

/* Sources and rules of the boxes idx[0..n) united into *e. Each box's
 * source set is sorted already: they are united two by two, level by
 * level (tot intervals in log n linear merges, not a sort of all tot). */
static int reach_fill(struct arena *a, const struct fbox_list *pl, const size_t *idx, size_t n,
		      struct freach *e)
{
	struct aset *s = arena_alloc(a, (n ? n : 1) * sizeof(*s));
	int *rl = arena_alloc(a, (n ? n : 1) * sizeof(int));
	if (!s || !rl)
		return EL_ENOMEM;
	enum fam f = n ? pl->b[idx[0]].src.fam : FAM_V4;
	for (size_t k = 0; k < n; k++) {
		s[k] = pl->b[idx[k]].src;
		rl[k] = pl->b[idx[k]].rule;
	}
	for (size_t m = n; m > 1;) {
		size_t o = 0;
		for (size_t k = 0; k + 1 < m; k += 2) {
			int rc = aset_union(a, &s[k], &s[k + 1], &s[o++]);
			if (rc)
				return rc;
		}
		if (m % 2)
			s[o++] = s[m - 1];
		m = o;
	}
	e->src.fam = f;
	e->src.iv = n && s[0].n ? s[0].iv : NULL;
	e->src.n = n ? s[0].n : 0;
	e->rules = rl;
	e->nrules = int_uniq(rl, n);
	return 0;
}

/* A TCP/UDP box by its destination ports, for grouping. */
struct didx {
	const struct pset *dport;
	size_t i;
};

static int didx_cmp(const void *pa, const void *pb)
{
	const struct didx *x = pa, *y = pb;
	int c = pset_cmp(x->dport, y->dport);
	if (c)
		return c;
	return (x->i > y->i) - (x->i < y->i);
}

static bool ints_eq(const int *x, size_t nx, const int *y, size_t ny)
{
	if (nx != ny)
		return false;
	for (size_t i = 0; i < nx; i++)
		if (x[i] != y[i])
			return false;
	return true;
}

static int freach_cmp(const void *pa, const void *pb)
{
	const struct freach *x = pa, *y = pb;
	uint32_t px = x->proto.n ? x->proto.iv[0].lo : 0, py = y->proto.n ? y->proto.iv[0].lo : 0;
	if (px != py)
		return px < py ? -1 : 1;
	uint32_t qx = x->dport.n ? x->dport.iv[0].lo : 0, qy = y->dport.n ? y->dport.iv[0].lo : 0;
	if (qx != qy)
		return qx < qy ? -1 : 1;
	return pset_cmp(&x->dport, &y->dport);
}

int filter_summarise(struct arena *a, const struct fbox_list *passed,
		     struct freach **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	size_t nb = passed->n;
	if (nb == 0)
		return 0;
	/* protocol breakpoints: the protocols where some box's set starts or
	 * stops, and TCP and UDP on their own */
	bool cut[257] = { false };
	cut[0] = cut[256] = true;
	cut[PROTO_TCP] = cut[PROTO_TCP + 1] = cut[PROTO_UDP] = cut[PROTO_UDP + 1] = true;
	for (size_t i = 0; i < nb; i++)
		for (size_t k = 0; k < passed->b[i].proto.n; k++) {
			const struct pival *v = &passed->b[i].proto.iv[k];
			if (v->lo <= 255)
				cut[v->lo] = true;
			if (v->hi < 256)
				cut[v->hi + 1] = true;
		}
	size_t *idx = arena_alloc(a, nb * sizeof(size_t));
	struct didx *di = arena_alloc(a, nb * sizeof(*di));
	/* at most 256 protocol pieces, plus one line per box for TCP and UDP */
	size_t cap = 256 + 2 * nb;
	struct freach *res = arena_alloc(a, cap * sizeof(*res));
	struct pset allports;
	if (!idx || !di || !res || pset_all(a, 65535, &allports))
		return EL_ENOMEM;
	size_t nres = 0;
	for (uint32_t lo = 0; lo < 256;) {
		uint32_t hi = lo;
		while (!cut[hi + 1])
			hi++;
		size_t m = 0;
		for (size_t i = 0; i < nb; i++)
			if (pset_contains(&passed->b[i].proto, lo))
				idx[m++] = i;
		if (m == 0) {
			lo = hi + 1;
			continue;
		}
		if (lo == PROTO_TCP || lo == PROTO_UDP) {
			for (size_t k = 0; k < m; k++) {
				di[k].dport = &passed->b[idx[k]].dport;
				di[k].i = idx[k];
			}
			qsort(di, m, sizeof(*di), didx_cmp);
			for (size_t k = 0; k < m; k++)
				idx[k] = di[k].i;
			for (size_t s = 0; s < m;) {
				size_t e = s + 1;
				while (e < m && !pset_cmp(di[s].dport, di[e].dport))
					e++;
				struct freach *r = &res[nres++];
				int rc = pset_range(a, lo, lo, &r->proto);
				if (!rc)
					rc = reach_fill(a, passed, idx + s, e - s, r);
				if (rc)
					return rc;
				r->dport = passed->b[idx[s]].dport;
				s = e;
			}
		} else {
			struct freach *r = &res[nres++];
			int rc = pset_range(a, lo, hi, &r->proto);
			if (!rc)
				rc = reach_fill(a, passed, idx, m, r);
			if (rc)
				return rc;
			r->dport = allports;
			/* unite with the previous protocols when only TCP/UDP
			 * lie between and sources and rules are the same */
			for (size_t p = nres - 1; p-- > 0;) {
				struct freach *q = &res[p];
				uint32_t qlast = q->proto.iv[q->proto.n - 1].hi;
				if (qlast == PROTO_TCP || qlast == PROTO_UDP)
					continue;
				bool gap_ok = true;
				for (uint32_t v = qlast + 1; v < lo; v++)
					if (v != PROTO_TCP && v != PROTO_UDP)
						gap_ok = false;
				if (gap_ok && aset_eq(&q->src, &r->src) &&
				    ints_eq(q->rules, q->nrules, r->rules, r->nrules)) {
					if ((rc = pset_union(a, &q->proto, &r->proto, &q->proto)))
						return rc;
					nres--;
				}
				break;
			}
		}
		lo = hi + 1;
	}
	qsort(res, nres, sizeof(*res), freach_cmp);
	*out = res;
	*nout = nres;
	return 0;
}

static const struct {
	uint32_t n;
	const char *name;
} proto_names[] = {{PROTO_TCP, "tcp"}, {PROTO_UDP, "udp"}, {PROTO_ICMP, "icmp"},
		   {PROTO_ESP, "esp"}, {PROTO_GRE, "gre"}, {PROTO_AH, "ah"},
		   {PROTO_ICMP6, "icmp6"}};

const char *proto_name(uint32_t p)
{
	for (size_t i = 0; i < ARRAY_SIZE(proto_names); i++)
		if (proto_names[i].n == p)
			return proto_names[i].name;
	return NULL;
}

int proto_by_name(const char *s, size_t n, uint32_t *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(proto_names); i++)
		if (str_ieq_n(s, n, proto_names[i].name)) {
			*out = proto_names[i].n;
			return 0;
		}
	return -1;
}

bool pset_eq(const struct pset *x, const struct pset *y)
{
	if (x->n != y->n)
		return false;
	for (size_t i = 0; i < x->n; i++)
		if (x->iv[i].lo != y->iv[i].lo || x->iv[i].hi != y->iv[i].hi)
			return false;
	return true;
}
