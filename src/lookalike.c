/*
 * lookalike.c — look-alike host names (see lookalike.h). Names are
 * handled as code points so that punycode labels compare with ASCII
 * ones; every buffer is bounded by LOOKALIKE_NAME_MAX.
 */
#include "lookalike.h"

#include <libpsl.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- the Public Suffix List (libpsl) -------------------------------------
 * libpsl's documentation (https://rockdaboot.github.io/libpsl/): psl_latest()
 * "loads the latest available PSL data from either fname, PSL_DISTFILE
 * (assumed to be kept up-to-date by the distribution) or builtin";
 * psl_registrable_domain() expects a lower-case name and returns NULL for a
 * public suffix. Debian ships the list in package publicsuffix
 * (/usr/share/publicsuffix/public_suffix_list.dafsa) and builds it into
 * libpsl5 as well. */

struct psl_ctx_st *lookalike_psl_open(const char **why)
{
	const char *file = getenv("EDGELINT_PSL");
	psl_ctx_t *p = file && *file ? psl_load_file(file) : psl_latest(NULL);
	if (!p)
		*why = file && *file ? "the file named by EDGELINT_PSL could not be read as a "
				       "Public Suffix List"
				     : "libpsl has no built-in list and the distribution's file "
				       "could not be read (install the package publicsuffix)";
	return p;
}

void lookalike_psl_free(struct psl_ctx_st *psl)
{
	psl_free(psl);
}

const char *lookalike_registrable(const struct psl_ctx_st *psl, const char *name)
{
	return psl ? psl_registrable_domain(psl, name) : NULL;
}

static int cmp_owned(const void *key, const void *el)
{
	return strcmp((const char *)key, ((const struct lookalike_owned *)el)->domain);
}

long lookalike_owner(const struct lookalike_data *d, const char *reg)
{
	if (!d || !d->nowned || !reg)
		return -1;
	const struct lookalike_owned *o = bsearch(reg, d->owned, d->nowned, sizeof(*d->owned),
						  cmp_owned);
	return o ? (long)o->owner : -1;
}

const char *lookalike_why_name(enum lookalike_why w)
{
	switch (w) {
	case LA_EXTRA_LABELS: return "extra-labels";
	case LA_EXTRA_WORDS: return "extra-words";
	case LA_CONFUSABLE: return "confusable";
	case LA_EDIT_DISTANCE: return "edit-distance";
	default: return "none";
	}
}

/* ---- punycode (RFC 3492) ------------------------------------------------ */

enum { PC_BASE = 36, PC_TMIN = 1, PC_TMAX = 26, PC_SKEW = 38, PC_DAMP = 700,
       PC_BIAS = 72, PC_N = 128 };

/* §6.1 */
static uint32_t pc_adapt(uint32_t delta, uint32_t numpoints, bool first)
{
	delta = first ? delta / PC_DAMP : delta / 2;
	delta += delta / numpoints;
	uint32_t k = 0;
	while (delta > ((PC_BASE - PC_TMIN) * PC_TMAX) / 2) {
		delta /= PC_BASE - PC_TMIN;
		k += PC_BASE;
	}
	return k + (PC_BASE - PC_TMIN + 1) * delta / (delta + PC_SKEW);
}

static int pc_digit(char c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= '0' && c <= '9')
		return c - '0' + 26;
	return -1;
}

long lookalike_punycode(const char *in, size_t n, uint32_t *out, size_t cap)
{
	size_t basic = 0, nout = 0;
	for (size_t j = 0; j < n; j++)
		if (in[j] == '-')
			basic = j;
	/* §6.2: the basic code points before the last delimiter */
	if (basic > 0 || (n && in[0] == '-')) {
		for (size_t j = 0; j < basic; j++) {
			unsigned char c = (unsigned char)in[j];
			if (c >= 0x80 || nout >= cap)
				return -1;
			out[nout++] = c;
		}
		basic++;
	}
	uint32_t cp = PC_N, i = 0, bias = PC_BIAS;
	for (size_t at = basic; at < n;) {
		uint32_t oldi = i, w = 1;
		for (uint32_t k = PC_BASE;; k += PC_BASE) {
			if (at >= n)
				return -1;
			int digit = pc_digit(in[at++]);
			if (digit < 0 || (uint32_t)digit > (UINT32_MAX - i) / w)
				return -1;
			i += (uint32_t)digit * w;
			uint32_t t = k <= bias ? PC_TMIN : k >= bias + PC_TMAX ? PC_TMAX : k - bias;
			if ((uint32_t)digit < t)
				break;
			if (w > UINT32_MAX / (PC_BASE - t))
				return -1;
			w *= PC_BASE - t;
		}
		bias = pc_adapt(i - oldi, (uint32_t)nout + 1, oldi == 0);
		if (i / (nout + 1) > UINT32_MAX - cp)
			return -1;
		cp += i / (uint32_t)(nout + 1);
		i %= (uint32_t)(nout + 1);
		if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || nout >= cap)
			return -1;
		memmove(out + i + 1, out + i, (nout - i) * sizeof(*out));
		out[i++] = cp;
		nout++;
	}
	return (long)nout;
}

/* ---- names as code points ------------------------------------------------ */

/* The name (lower case, final dot dropped) as code points, xn-- labels
 * decoded when map is false or true alike; *decoded set when one was. */
static size_t name_cps(const char *name, uint32_t *out, size_t cap, bool *decoded)
{
	size_t n = strlen(name), k = 0;
	if (n && name[n - 1] == '.')
		n--;
	if (decoded)
		*decoded = false;
	for (size_t s = 0; s < n && k < cap;) {
		size_t e = s;
		while (e < n && name[e] != '.')
			e++;
		bool done = false;
		if (e - s > 4 && strncmp(name + s, "xn--", 4) == 0) {
			uint32_t label[64];
			long got = lookalike_punycode(name + s + 4, e - s - 4, label, 64);
			if (got > 0 && (size_t)got <= cap - k) {
				for (long j = 0; j < got; j++) {
					uint32_t c = label[j];
					out[k++] = c >= 'A' && c <= 'Z' ? c + 32 : c;
				}
				done = true;
				if (decoded)
					*decoded = true;
			}
		}
		for (size_t j = s; !done && j < e && k < cap; j++) {
			unsigned char c = (unsigned char)name[j];
			out[k++] = c >= 'A' && c <= 'Z' ? (uint32_t)c + 32 : c;
		}
		if (e < n && k < cap)
			out[k++] = '.';
		s = e + 1;
	}
	return k;
}

/* One pass of the mappings over in[0..n) into out[0..cap). */
static size_t map_pass(const struct lookalike_data *d, const uint32_t *cps, size_t n, uint32_t *out,
		       size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k < cap;) {
		const struct lookalike_map *hit = NULL;
		for (size_t m = 0; d && m < d->nmaps && !hit; m++) {
			const struct lookalike_map *mp = &d->maps[m];
			if (mp->from[0] != cps[i] || mp->nfrom > n - i)
				continue;
			bool eq = true;
			for (uint8_t j = 1; j < mp->nfrom && eq; j++)
				eq = mp->from[j] == cps[i + j];
			if (eq)
				hit = mp;
		}
		if (!hit) {
			out[k++] = cps[i++];
			continue;
		}
		for (const char *t = hit->to; *t && k < cap; t++)
			out[k++] = (unsigned char)*t;
		i += hit->nfrom;
	}
	return k;
}

size_t lookalike_skeleton(const struct lookalike_data *d, const char *name, uint32_t *out,
			  size_t cap)
{
	uint32_t cps[LOOKALIKE_NAME_MAX], mid[LOOKALIKE_NAME_MAX];
	size_t n = name_cps(name, cps, LOOKALIKE_NAME_MAX, NULL);
	if (!d) {
		n = n < cap ? n : cap;
		memcpy(out, cps, n * sizeof(*out));
		return n;
	}
	/* Twice, so that a mapping's result may be another's source
	 * (Cyrillic і reads as i, and i as l). */
	size_t m = map_pass(d, cps, n, mid, LOOKALIKE_NAME_MAX);
	return map_pass(d, mid, m, out, cap);
}

unsigned lookalike_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
			    unsigned limit)
{
	if (na > LOOKALIKE_NAME_MAX || nb > LOOKALIKE_NAME_MAX)
		return limit + 1;
	if ((na > nb ? na - nb : nb - na) > limit)
		return limit + 1;
	/* three rows of the optimal string alignment table */
	uint16_t r0[LOOKALIKE_NAME_MAX + 1], r1[LOOKALIKE_NAME_MAX + 1], r2[LOOKALIKE_NAME_MAX + 1];
	uint16_t *pp = r0, *p = r1, *c = r2;
	for (size_t j = 0; j <= nb; j++)
		p[j] = (uint16_t)j;
	for (size_t i = 1; i <= na; i++) {
		c[0] = (uint16_t)i;
		uint16_t rowmin = c[0];
		for (size_t j = 1; j <= nb; j++) {
			uint16_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			uint16_t v = (uint16_t)(p[j - 1] + cost);
			if (p[j] + 1 < v)
				v = (uint16_t)(p[j] + 1);
			if (c[j - 1] + 1 < v)
				v = (uint16_t)(c[j - 1] + 1);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < v)
				v = (uint16_t)(pp[j - 2] + 1);
			c[j] = v;
			if (v < rowmin)
				rowmin = v;
		}
		if (rowmin > limit)
			return limit + 1;
		uint16_t *t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[nb] > limit ? limit + 1 : p[nb];
}

/* ---- UTF-8 ---------------------------------------------------------------- */

const char *lookalike_unicode(const char *name, char *buf, size_t n)
{
	uint32_t cps[LOOKALIKE_NAME_MAX];
	bool decoded;
	size_t k = name_cps(name, cps, LOOKALIKE_NAME_MAX, &decoded);
	if (!decoded || n == 0)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < k; i++) {
		uint8_t u[4];
		size_t l = utf8_put(cps[i], u);
		if (o + l >= n)
			break;
		memcpy(buf + o, u, l);
		o += l;
	}
	buf[o] = '\0';
	return buf;
}

/* ---- matching --------------------------------------------------------------- */

/* A name split for comparison. */
struct la_name {
	char s[LOOKALIKE_NAME_MAX + 1];   /* lower case, no final dot */
	size_t n;
	size_t reg;               /* start of the registrable part */
	size_t suffix;            /* start of the public suffix */
};

static bool la_split(const struct lookalike_data *d, const char *name, struct la_name *o)
{
	size_t n = strlen(name);
	if (n && name[n - 1] == '.')
		n--;
	if (n == 0 || n > LOOKALIKE_NAME_MAX)
		return false;
	memset(o->s, 0, sizeof(o->s));
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		o->s[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	o->s[n] = '\0';
	o->n = n;
	/* the registrable part by the Public Suffix List; without it (or for
	 * a name that is a public suffix itself) the last label is the suffix */
	const char *reg = lookalike_registrable(d ? d->psl : NULL, o->s);
	const char *dot = reg ? strchr(reg, '.') : NULL;
	if (dot) {
		o->reg = (size_t)(reg - o->s);
		o->suffix = (size_t)(dot - o->s) + 1;
		return true;
	}
	const char *last = strrchr(o->s, '.');
	o->suffix = last ? (size_t)(last - o->s) + 1 : 0;
	o->reg = 0;
	if (o->suffix >= 2) {
		size_t p = o->suffix - 1;
		while (p > 0 && o->s[p - 1] != '.')
			p--;
		o->reg = p;
	}
	return true;
}

/* An IP address (v4 dotted digits, or anything with a colon). */
static bool la_is_ip(const char *s)
{
	if (strchr(s, ':'))
		return true;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || *s == '.'))
			return false;
	return true;
}

static bool cps_equal(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	return na == nb && memcmp(a, b, na * sizeof(*a)) == 0;
}

/* Skeleton of part of a name (s[from, to)). */
static size_t part_skeleton(const struct lookalike_data *d, const struct la_name *nm, size_t from,
			    size_t to, uint32_t *out)
{
	char tmp[LOOKALIKE_NAME_MAX + 1];
	memcpy(tmp, nm->s + from, to - from);
	tmp[to - from] = '\0';
	return lookalike_skeleton(d, tmp, out, LOOKALIKE_NAME_MAX);
}

/* Whether w[0..nw) is one hyphenated word of the label m[0..nm), the
 * label not being that word alone. */
static bool has_word(const uint32_t *m, size_t nm, const uint32_t *w, size_t nw)
{
	for (size_t s = 0; s < nm;) {
		size_t e = s;
		while (e < nm && m[e] != '-')
			e++;
		if (!(s == 0 && e == nm) && cps_equal(m + s, e - s, w, nw))
			return true;
		s = e + 1;
	}
	return false;
}

static enum lookalike_why la_compare(const struct lookalike_data *d, const struct la_name *h,
				     const struct la_name *a, unsigned *edits)
{
	*edits = 0;   /* only an edit-distance hit says how many */
	/* extra labels: the approved name followed by more labels */
	for (const char *p = strstr(h->s, a->s); p; p = strstr(p + 1, a->s)) {
		size_t at = (size_t)(p - h->s);
		if ((at == 0 || h->s[at - 1] == '.') && h->s[at + a->n] == '.')
			return LA_EXTRA_LABELS;
	}
	uint32_t hs[LOOKALIKE_NAME_MAX], as[LOOKALIKE_NAME_MAX];
	uint32_t hm[LOOKALIKE_NAME_MAX], am[LOOKALIKE_NAME_MAX];
	size_t amain_end = a->suffix ? a->suffix - 1 : a->n;
	size_t hmain_end = h->suffix ? h->suffix - 1 : h->n;
	size_t nam = part_skeleton(d, a, a->reg, amain_end, am);
	size_t nhm = part_skeleton(d, h, h->reg, hmain_end, hm);
	uint32_t araw[LOOKALIKE_NAME_MAX];
	size_t amain_len = part_skeleton(NULL, a, a->reg, amain_end, araw);
	/* extra words: a hyphenated main label with the approved one as a
	 * word; a word that reads as it only through the mapping is a
	 * confusable (g00gle-login.com) */
	if (amain_len >= 5 && has_word(hm, nhm, am, nam)) {
		uint32_t hraw[LOOKALIKE_NAME_MAX];
		size_t nhraw = part_skeleton(NULL, h, h->reg, hmain_end, hraw);
		return has_word(hraw, nhraw, araw, amain_len) ? LA_EXTRA_WORDS : LA_CONFUSABLE;
	}
	size_t nas = part_skeleton(d, a, a->reg, a->n, as);
	size_t nhs = part_skeleton(d, h, h->reg, h->n, hs);
	if (cps_equal(hs, nhs, as, nas))
		return LA_CONFUSABLE;
	if (amain_len >= 5) {
		unsigned limit = amain_len >= 10 ? 2 : 1;
		uint32_t hr[LOOKALIKE_NAME_MAX], ar[LOOKALIKE_NAME_MAX];
		size_t nhr = part_skeleton(NULL, h, h->reg, h->n, hr);
		size_t nar = part_skeleton(NULL, a, a->reg, a->n, ar);
		unsigned e1 = lookalike_distance(hs, nhs, as, nas, limit);
		unsigned e2 = lookalike_distance(hr, nhr, ar, nar, limit);
		*edits = e1 < e2 ? e1 : e2;
		if (*edits <= limit)
			return LA_EDIT_DISTANCE;
	}
	return LA_NONE;
}

long lookalike_match(const struct lookalike_data *d, const char *host,
		     const char *const *approved, size_t n, enum lookalike_why *why, unsigned *edits)
{
	*why = LA_NONE;
	*edits = 0;
	struct la_name h, a;
	if (!host || !la_split(d, host, &h) || la_is_ip(h.s))
		return -1;
	/* the approved domains, their subdomains, siblings and their
	 * owner's other domains are genuine */
	long howner = lookalike_owner(d, h.s + h.reg);
	for (size_t i = 0; i < n; i++) {
		if (!approved[i] || !la_split(d, approved[i], &a))
			continue;
		if (strcmp(h.s, a.s) == 0 ||
		    (h.n > a.n && h.s[h.n - a.n - 1] == '.' && strcmp(h.s + h.n - a.n, a.s) == 0) ||
		    strcmp(h.s + h.reg, a.s + a.reg) == 0 ||
		    (howner >= 0 && lookalike_owner(d, a.s + a.reg) == howner))
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (!approved[i] || !la_split(d, approved[i], &a))
			continue;
		enum lookalike_why w = la_compare(d, &h, &a, edits);
		if (w != LA_NONE) {
			*why = w;
			return (long)i;
		}
	}
	*edits = 0;
	return -1;
}

/* ---- the index: every host against many approved domains -------------------
 *
 * lookalike_match compares a host with every approved domain: hosts ×
 * domains comparisons (16,384 × 1,000 took 135 s). The index keeps, for
 * each approved domain, the keys a matching host must share with it, and
 * a host looks its own keys up; only the domains found (candidates) are
 * compared with la_compare, in their order, so the first hit is the same
 * domain lookalike_match returns:
 *   genuine        the name, each of its label suffixes, its registrable
 *                  part — exactly lookalike_match's first loop;
 *   extra labels   every run of whole labels of the host before a dot;
 *   extra words    each hyphenated word of the host's main-label skeleton;
 *   confusable     the skeleton of the registrable part;
 *   edit distance  an optimal string alignment distance d <= 2 means that
 *                  deleting at most d characters from each side leaves the
 *                  same string (a substitution or a swap of neighbours is
 *                  one deletion on each side, an insertion one on one
 *                  side), so both sides index every string left after
 *                  deleting up to 2 characters (of the skeleton and of
 *                  the raw registrable part).
 * Keys are 61-bit polynomial hashes: a collision only adds a candidate,
 * which la_compare then rejects, so the result is identical. */

#define LX_MOD ((1ull << 61) - 1)
#define LX_BASE 1000003ull
enum { LX_NAME = 1, LX_REG, LX_WORD, LX_SKEL, LX_DEL };

static uint64_t lx_mul(uint64_t a, uint64_t b)
{
	unsigned __int128 p = (unsigned __int128)a * b;
	uint64_t r = (uint64_t)(p & LX_MOD) + (uint64_t)(p >> 61);
	return r >= LX_MOD ? r - LX_MOD : r;
}

static uint64_t lx_add(uint64_t a, uint64_t b)
{
	uint64_t r = a + b;
	return r >= LX_MOD ? r - LX_MOD : r;
}

static uint64_t lx_sub(uint64_t a, uint64_t b)
{
	return a >= b ? a - b : a + LX_MOD - b;
}

/* Prefix hashes of s[0..n): p[k] is the hash of s[0..k). pw[k] = BASE^k. */
struct lx_str {
	uint64_t p[LOOKALIKE_NAME_MAX + 1];
	size_t n;
};

static uint64_t g_pw[LOOKALIKE_NAME_MAX + 2];

static void lx_powers(void)
{
	if (g_pw[0])
		return;
	g_pw[0] = 1;
	for (size_t i = 1; i < ARRAY_SIZE(g_pw); i++)
		g_pw[i] = lx_mul(g_pw[i - 1], LX_BASE);
}

static void lx_prefix(struct lx_str *h, const uint32_t *s, size_t n)
{
	h->n = n;
	h->p[0] = 0;
	for (size_t i = 0; i < n; i++)
		h->p[i + 1] = lx_add(lx_mul(h->p[i], LX_BASE), (uint64_t)s[i] + 1);
}

/* Hash of s[a..b). */
static uint64_t lx_range(const struct lx_str *h, size_t a, size_t b)
{
	return lx_sub(h->p[b], lx_mul(h->p[a], g_pw[b - a]));
}

/* The key of a tagged string of length n whose hash is v. */
static uint64_t lx_key(int tag, size_t n, uint64_t v)
{
	return lx_add(lx_mul((uint64_t)tag * 7919u + n, g_pw[LOOKALIKE_NAME_MAX + 1]), v);
}

/* Hash of s without positions i and j (i < j <= n; j == n or i == j: fewer). */
static uint64_t lx_without(const struct lx_str *h, size_t i, size_t j)
{
	size_t n = h->n;
	uint64_t v = lx_range(h, 0, i);
	if (j > i) {
		v = lx_add(lx_mul(v, g_pw[j - i - 1]), lx_range(h, i + 1, j));
		v = lx_add(lx_mul(v, g_pw[n - j - 1]), lx_range(h, j + 1, n));
	} else if (i < n) {
		v = lx_add(lx_mul(v, g_pw[n - i - 1]), lx_range(h, i + 1, n));
	}
	return v;
}

struct lx_entry {
	uint64_t key;   /* 0: empty */
	uint32_t idx;
};

struct lookalike_index {
	const struct lookalike_data *d;
	const char *const *approved;
	size_t n;
	struct la_name *names;    /* split approved names (ok[i]: it split) */
	bool *ok;
	bool *owner_ok;           /* [d->nowners]: an approved domain is the owner's */
	struct lx_entry *tab;
	size_t cap, used;
	size_t maxlen;            /* longest string indexed for edit distance */
	size_t *cand;             /* scratch: candidates of one host */
	size_t ncand, capcand;
};

static int lx_put(struct lookalike_index *ix, uint64_t key, size_t idx)
{
	key += !key;   /* never 0 (the empty slot) */
	if ((ix->used + 1) * 2 > ix->cap) {
		size_t ncap = ix->cap ? ix->cap * 2 : 1024;
		struct lx_entry *nt = calloc(ncap, sizeof(*nt));
		if (!nt)
			return -1;
		for (size_t i = 0; i < ix->cap; i++) {
			if (!ix->tab[i].key)
				continue;
			size_t s = (size_t)(ix->tab[i].key % ncap);
			while (nt[s].key)
				s = (s + 1) % ncap;
			nt[s] = ix->tab[i];
		}
		free(ix->tab);
		ix->tab = nt;
		ix->cap = ncap;
	}
	size_t s = (size_t)(key % ix->cap);
	for (; ix->tab[s].key; s = (s + 1) % ix->cap)
		if (ix->tab[s].key == key && ix->tab[s].idx == idx)
			return 0;   /* already there */
	ix->tab[s].key = key;
	ix->tab[s].idx = (uint32_t)idx;
	ix->used++;
	return 0;
}

/* Adds the domains stored under key to the candidates. */
static int lx_get(struct lookalike_index *ix, uint64_t key)
{
	key += !key;
	for (size_t s = (size_t)(key % ix->cap); ix->tab[s].key; s = (s + 1) % ix->cap) {
		if (ix->tab[s].key != key)
			continue;
		size_t *nc = vec_grow(ix->cand, &ix->capcand, ix->ncand, sizeof(*nc));
		if (!nc)
			return -1;
		ix->cand = nc;
		ix->cand[ix->ncand++] = ix->tab[s].idx;
	}
	return 0;
}

static bool lx_has(const struct lookalike_index *ix, uint64_t key)
{
	key += !key;
	for (size_t s = (size_t)(key % ix->cap); ix->tab[s].key; s = (s + 1) % ix->cap)
		if (ix->tab[s].key == key)
			return true;
	return false;
}

/* Bytes s[0..n) as code points (for exact comparisons of names). */
static size_t lx_bytes(const char *s, size_t n, uint32_t *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = (unsigned char)s[i];
	return n;
}

/* The key of a whole string. */
static uint64_t lx_whole(int tag, const uint32_t *s, size_t n)
{
	struct lx_str h;
	lx_prefix(&h, s, n);
	return lx_key(tag, n, h.p[n]);
}

/* Every string left after deleting up to 2 of s[0..n): stored for idx
 * (put) or looked up into the candidates. */
static int lx_deletions(struct lookalike_index *ix, const uint32_t *s, size_t n, size_t idx,
			bool put)
{
	struct lx_str h;
	lx_prefix(&h, s, n);
	for (size_t i = 0; i <= n; i++) {
		for (size_t j = i; j <= n; j++) {
			if (j > i && j == n)
				break;
			size_t gone = (i < n) + (j > i);
			uint64_t key = lx_key(LX_DEL, n - gone, lx_without(&h, i, j));
			if (put ? lx_put(ix, key, idx) : lx_get(ix, key))
				return -1;
		}
	}
	return 0;
}

/* The parts of a name la_compare looks at, as code points. */
struct lx_parts {
	uint32_t main[LOOKALIKE_NAME_MAX];   /* skeleton of the main label */
	size_t nmain, main_raw;              /* main_raw: its raw length */
	uint32_t skel[LOOKALIKE_NAME_MAX];   /* skeleton of the registrable part */
	size_t nskel;
	uint32_t raw[LOOKALIKE_NAME_MAX];    /* the registrable part, decoded */
	size_t nraw;
};

static void lx_parts(const struct lookalike_data *d, const struct la_name *a, struct lx_parts *p)
{
	size_t main_end = a->suffix ? a->suffix - 1 : a->n;
	p->nmain = part_skeleton(d, a, a->reg, main_end, p->main);
	uint32_t tmp[LOOKALIKE_NAME_MAX];
	p->main_raw = part_skeleton(NULL, a, a->reg, main_end, tmp);
	p->nskel = part_skeleton(d, a, a->reg, a->n, p->skel);
	p->nraw = part_skeleton(NULL, a, a->reg, a->n, p->raw);
}

void lookalike_index_free(struct lookalike_index *ix)
{
	if (!ix)
		return;
	free(ix->names);
	free(ix->ok);
	free(ix->owner_ok);
	free(ix->tab);
	free(ix->cand);
	free(ix);
}

struct lookalike_index *lookalike_index_new(const struct lookalike_data *d,
					    const char *const *approved, size_t n)
{
	lx_powers();
	struct lookalike_index *ix = calloc(1, sizeof(*ix));
	if (!ix)
		return NULL;
	ix->d = d;
	ix->approved = approved;
	ix->n = n;
	ix->names = calloc(n ? n : 1, sizeof(*ix->names));
	ix->ok = calloc(n ? n : 1, sizeof(*ix->ok));
	ix->owner_ok = calloc(d && d->nowners ? d->nowners : 1, sizeof(*ix->owner_ok));
	ix->cap = 1024;
	ix->tab = calloc(ix->cap, sizeof(*ix->tab));
	if (!ix->names || !ix->ok || !ix->owner_ok || !ix->tab) {
		lookalike_index_free(ix);
		return NULL;
	}
	struct lx_parts p;
	uint32_t b[LOOKALIKE_NAME_MAX];
	for (size_t i = 0; i < n; i++) {
		struct la_name *a = &ix->names[i];
		if (!approved[i] || !la_split(d, approved[i], a))
			continue;
		ix->ok[i] = true;
		long own = lookalike_owner(d, a->s + a->reg);
		if (own >= 0)
			ix->owner_ok[own] = true;
		lx_parts(d, a, &p);
		size_t nb = lx_bytes(a->s, a->n, b);
		int rc = lx_put(ix, lx_whole(LX_NAME, b, nb), i);
		nb = lx_bytes(a->s + a->reg, a->n - a->reg, b);
		rc |= lx_put(ix, lx_whole(LX_REG, b, nb), i);
		rc |= lx_put(ix, lx_whole(LX_SKEL, p.skel, p.nskel), i);
		if (p.main_raw >= 5) {
			rc |= lx_put(ix, lx_whole(LX_WORD, p.main, p.nmain), i);
			rc |= lx_deletions(ix, p.skel, p.nskel, i, true);
			rc |= lx_deletions(ix, p.raw, p.nraw, i, true);
			size_t m = p.nskel > p.nraw ? p.nskel : p.nraw;
			if (m > ix->maxlen)
				ix->maxlen = m;
		}
		if (rc) {
			lookalike_index_free(ix);
			return NULL;
		}
	}
	return ix;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

long lookalike_index_match(struct lookalike_index *ix, const char *host, enum lookalike_why *why,
			   unsigned *edits)
{
	*why = LA_NONE;
	*edits = 0;
	struct la_name h;
	if (!host || !la_split(ix->d, host, &h) || la_is_ip(h.s))
		return -1;
	uint32_t b[LOOKALIKE_NAME_MAX];
	struct lx_str hb;
	size_t nb = lx_bytes(h.s, h.n, b);
	lx_prefix(&hb, b, nb);
	/* genuine: the name itself, a subdomain (each label suffix), a
	 * sibling, a domain of an approved domain's owner */
	long own = lookalike_owner(ix->d, h.s + h.reg);
	if ((own >= 0 && ix->owner_ok[own]) || lx_has(ix, lx_key(LX_NAME, h.n, hb.p[h.n])) ||
	    lx_has(ix, lx_key(LX_REG, h.n - h.reg, lx_range(&hb, h.reg, h.n))))
		return -1;
	for (size_t k = 1; k < h.n; k++)
		if (h.s[k - 1] == '.' && lx_has(ix, lx_key(LX_NAME, h.n - k, lx_range(&hb, k, h.n))))
			return -1;
	ix->ncand = 0;
	int rc = 0;
	/* extra labels: whole labels of the host followed by a dot */
	for (size_t at = 0; at < h.n && !rc; at++) {
		if (at > 0 && h.s[at - 1] != '.')
			continue;
		for (size_t e = at + 1; e < h.n && !rc; e++)
			if (h.s[e] == '.')
				rc = lx_get(ix, lx_key(LX_NAME, e - at, lx_range(&hb, at, e)));
	}
	struct lx_parts p;
	lx_parts(ix->d, &h, &p);
	/* extra words: each hyphenated word of the main label's skeleton */
	for (size_t s = 0; s < p.nmain && !rc;) {
		size_t e = s;
		while (e < p.nmain && p.main[e] != '-')
			e++;
		rc = lx_get(ix, lx_whole(LX_WORD, p.main + s, e - s));
		s = e + 1;
	}
	if (!rc)
		rc = lx_get(ix, lx_whole(LX_SKEL, p.skel, p.nskel));
	/* edit distance: only strings within 2 of an indexed length */
	if (!rc && p.nskel <= ix->maxlen + 2)
		rc = lx_deletions(ix, p.skel, p.nskel, 0, false);
	if (!rc && p.nraw <= ix->maxlen + 2)
		rc = lx_deletions(ix, p.raw, p.nraw, 0, false);
	if (rc) {
		/* out of memory for the candidates: compare with every domain */
		return lookalike_match(ix->d, host, ix->approved, ix->n, why, edits);
	}
	if (ix->ncand)
		qsort(ix->cand, ix->ncand, sizeof(*ix->cand), cmp_size);
	for (size_t c = 0; c < ix->ncand; c++) {
		size_t i = ix->cand[c];
		if ((c > 0 && ix->cand[c - 1] == i) || !ix->ok[i])
			continue;
		enum lookalike_why w = la_compare(ix->d, &h, &ix->names[i], edits);
		if (w != LA_NONE) {
			*why = w;
			return (long)i;
		}
	}
	*edits = 0;
	return -1;
}
