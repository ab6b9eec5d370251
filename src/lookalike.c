/*
 * lookalike.c — look-alike host names (see lookalike.h). Names are
 * handled as code points so that punycode labels compare with ASCII
 * ones; every buffer is bounded by LOOKALIKE_NAME_MAX.
 */
#include "lookalike.h"

#include <string.h>

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
		uint32_t c = cps[i];
		uint8_t u[4];
		size_t l;
		if (c < 0x80) {
			u[0] = (uint8_t)c;
			l = 1;
		} else if (c < 0x800) {
			u[0] = (uint8_t)(0xc0 | c >> 6);
			u[1] = (uint8_t)(0x80 | (c & 0x3f));
			l = 2;
		} else if (c < 0x10000) {
			u[0] = (uint8_t)(0xe0 | c >> 12);
			u[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
			u[2] = (uint8_t)(0x80 | (c & 0x3f));
			l = 3;
		} else {
			u[0] = (uint8_t)(0xf0 | c >> 18);
			u[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
			u[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
			u[3] = (uint8_t)(0x80 | (c & 0x3f));
			l = 4;
		}
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
	/* the last label is the suffix, or the last two when listed */
	const char *last = strrchr(o->s, '.');
	o->suffix = last ? (size_t)(last - o->s) + 1 : 0;
	if (o->suffix >= 2) {
		size_t p = o->suffix - 1;
		while (p > 0 && o->s[p - 1] != '.')
			p--;
		for (size_t i = 0; d && i < d->nsuffixes2; i++)
			if (strcmp(o->s + p, d->suffixes2[i]) == 0) {
				o->suffix = p;
				break;
			}
	}
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

static enum lookalike_why la_compare(const struct lookalike_data *d, const struct la_name *h,
				     const struct la_name *a, unsigned *edits)
{
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
	/* extra words: a hyphenated main label with the approved one as a word */
	if (amain_len >= 5) {
		for (size_t s = 0; s < nhm;) {
			size_t e = s;
			while (e < nhm && hm[e] != '-')
				e++;
			if (!(s == 0 && e == nhm) && cps_equal(hm + s, e - s, am, nam))
				return LA_EXTRA_WORDS;
			s = e + 1;
		}
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
	/* the approved domains, their subdomains and siblings are genuine */
	for (size_t i = 0; i < n; i++) {
		if (!approved[i] || !la_split(d, approved[i], &a))
			continue;
		if (strcmp(h.s, a.s) == 0 ||
		    (h.n > a.n && h.s[h.n - a.n - 1] == '.' && strcmp(h.s + h.n - a.n, a.s) == 0) ||
		    strcmp(h.s + h.reg, a.s + a.reg) == 0)
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
	return -1;
}
