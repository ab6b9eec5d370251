/*
 * util.c — arena, growable arrays, bounded string buffer, string cursor,
 * strings, dates and display width (see util.h for the contracts; the
 * file helpers are in fileio.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena ---------------------------------------------------------- */

#define ARENA_CHUNK 8192
/* Chunks grow with the arena, an eighth of what it has handed out, up to
 * this: a big arena (the sets of a 100,000-line ACL) takes 8 times fewer
 * mallocs, and a small one stays small. Kept under glibc's initial mmap
 * threshold (128 KiB, mallopt(3)): chunks of scratch arenas freed and made
 * again per query would otherwise be mapped and faulted in anew each time
 * (1 MiB chunks: 92,500 page faults on the 20k-line bench config against
 * 50,200). */
#define ARENA_CHUNK_MAX ((size_t)1 << 16)

struct arena_chunk {
	struct arena_chunk *next;
	size_t cap;
	size_t used;
	max_align_t data[];
};

static struct arena_chunk *arena_chunk_new(size_t cap)
{
	if (cap > SIZE_MAX - sizeof(struct arena_chunk))
		return NULL;
	struct arena_chunk *c = malloc(sizeof(*c) + cap);
	if (!c)
		return NULL;
	c->cap = cap;
	c->used = 0;
	c->next = NULL;
	return c;
}

void *arena_alloc_raw(struct arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	size_t need = (n + align - 1) / align * align;
	if (need < n)
		return NULL;
	struct arena_chunk *c = a->head;
	if (!c || c->cap - c->used < need) {
		size_t grow = a->used_total / 8;
		grow = grow < ARENA_CHUNK ? ARENA_CHUNK : grow > ARENA_CHUNK_MAX ? ARENA_CHUNK_MAX : grow;
		if (c && need > grow) {
			/* A block bigger than a chunk gets one of its own, behind
			 * the current chunk, whose free room stays in use. */
			struct arena_chunk *b = arena_chunk_new(need);
			if (!b)
				return NULL;
			b->used = need;
			b->next = c->next;
			c->next = b;
			a->used_total += need;
			return b->data;
		}
		struct arena_chunk *nc = arena_chunk_new(need > grow ? need : grow);
		if (!nc)
			return NULL;
		nc->next = c;
		a->head = c = nc;
	}
	void *p = (char *)c->data + c->used;
	c->used += need;
	a->used_total += need;
	return p;
}

void *arena_alloc(struct arena *a, size_t n)
{
	void *p = arena_alloc_raw(a, n);
	if (p)
		memset(p, 0, n);
	return p;
}

void arena_shrink(struct arena *a, void *p, size_t n, size_t keep)
{
	const size_t align = sizeof(max_align_t);
	struct arena_chunk *c = a->head;
	if (!p || !c || keep >= n)
		return;
	size_t had = (n + align - 1) / align * align, now = (keep + align - 1) / align * align;
	/* Only the newest block of the current chunk can give room back. */
	if ((char *)p + had != (char *)c->data + c->used || had - now > c->used)
		return;
	c->used -= had - now;
	a->used_total -= had - now;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (n == SIZE_MAX)
		return NULL;
	char *p = arena_alloc_raw(a, n + 1);   /* every byte is written below */
	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list ap2;
	/* First into the free room of the current chunk: one pass when the
	 * text fits (as arena_alloc_raw would place it there), else the text
	 * is measured and given its block below. */
	struct arena_chunk *c = a->head;
	if (c && c->cap - c->used > 1) {
		const size_t align = sizeof(max_align_t);
		size_t room = c->cap - c->used;
		char *p = (char *)c->data + c->used;
		va_copy(ap2, ap);
		int n = vsnprintf(p, room, fmt, ap2);
		va_end(ap2);
		if (n < 0)
			return NULL;
		size_t need = ((size_t)n + 1 + align - 1) / align * align;
		if (need <= room) {
			c->used += need;
			a->used_total += need;
			return p;
		}
	}
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	char *p = arena_alloc_raw(a, (size_t)n + 1);   /* vsnprintf writes all n + 1 */
	if (!p)
		return NULL;
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void arena_reset(struct arena *a)
{
	struct arena_chunk *keep = a->head;
	if (!keep)
		return;
	struct arena_chunk *c = keep->next;
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	keep->next = NULL;
	keep->used = 0;
	a->used_total = 0;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used_total = 0;
}

/* ---- growable arrays ---------------------------------------------------- */

/* The capacity after *cap that holds more than n elements of elem bytes,
 * or 0 when its size would overflow. */
static size_t vec_next_cap(size_t cap, size_t n, size_t elem)
{
	size_t nc = cap ? cap : 16;
	while (nc <= n) {
		if (nc > SIZE_MAX / 2)
			return 0;
		nc *= 2;
	}
	return elem && nc > SIZE_MAX / elem ? 0 : nc;
}

void *vec_grow(void *arr, size_t *cap, size_t n, size_t elem)
{
	if (arr && n < *cap)
		return arr;
	size_t nc = vec_next_cap(arr ? *cap : 0, n, elem);
	void *na = nc ? realloc(arr, nc * elem) : NULL;
	if (na)
		*cap = nc;
	return na;
}

void *arena_grow(struct arena *a, void *arr, size_t *cap, size_t n, size_t elem)
{
	if (arr && n < *cap)
		return arr;
	size_t nc = vec_next_cap(arr ? *cap : 0, n, elem);
	void *na = nc ? arena_alloc(a, nc * elem) : NULL;
	if (na && arr && n)
		memcpy(na, arr, n * elem);
	if (na)
		*cap = nc;
	return na;
}

/* ---- strbuf --------------------------------------------------------- */

void sb_init(struct strbuf *sb, size_t max)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
	sb->max = max;
}

/* Room for n more bytes and the NUL: 0, EL_ETOOBIG past the maximum,
 * EL_ENOMEM; the contents are unchanged. */
static int sb_room(struct strbuf *sb, size_t n)
{
	if (n > sb->max || sb->len > sb->max - n)
		return EL_ETOOBIG;
	if (sb->len + n + 1 > sb->cap) {
		size_t cap = sb->cap ? sb->cap : 64;
		while (cap < sb->len + n + 1)
			cap *= 2;
		if (cap > sb->max + 1)
			cap = sb->max + 1;
		char *nb = realloc(sb->buf, cap);
		if (!nb)
			return EL_ENOMEM;
		sb->buf = nb;
		sb->cap = cap;
	}
	return 0;
}

int sb_add(struct strbuf *sb, const char *s, size_t n)
{
	int rc = sb_room(sb, n);
	if (rc)
		return rc;
	if (n)
		memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
	return 0;
}

int sb_adds(struct strbuf *sb, const char *s)
{
	return sb_add(sb, s, strlen(s));
}

int sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return EL_EINVAL;
	if ((size_t)n < sizeof(small))
		return sb_add(sb, small, (size_t)n);
	char *big = malloc((size_t)n + 1);
	if (!big)
		return EL_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	int rc = sb_add(sb, big, (size_t)n);
	free(big);
	return rc;
}

const char *sb_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

/* ---- cursor ----------------------------------------------------------- */

/* ---- string map ----------------------------------------------------- */

void strmap_init(struct strmap *m, struct arena *a)
{
	memset(m, 0, sizeof(*m));
	m->a = a;
}

/* FNV-1a, 64 bits folded to size_t. */
static size_t strmap_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ull;
	}
	return (size_t)(h ^ (h >> 32));
}

/* The slot of key, or of the empty slot where it would go. */
static size_t strmap_slot(const struct strmap *m, const char *key)
{
	size_t h = strmap_hash(key) & (m->cap - 1);
	while (m->key[h] && strcmp(m->key[h], key) != 0)
		h = (h + 1) & (m->cap - 1);
	return h;
}

bool strmap_get(const struct strmap *m, const char *key, size_t *val)
{
	if (!m->cap)
		return false;
	size_t h = strmap_slot(m, key);
	if (!m->key[h])
		return false;
	if (val)
		*val = m->val[h];
	return true;
}

int strmap_put(struct strmap *m, const char *key, size_t val)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 16;
		struct strmap g = {.a = m->a, .cap = nc};
		g.key = arena_alloc(m->a, nc * sizeof(*g.key));
		g.val = arena_alloc(m->a, nc * sizeof(*g.val));
		if (!g.key || !g.val)
			return EL_ENOMEM;
		for (size_t i = 0; i < m->cap; i++)
			if (m->key[i]) {
				size_t h = strmap_slot(&g, m->key[i]);
				g.key[h] = m->key[i];
				g.val[h] = m->val[i];
			}
		g.n = m->n;
		*m = g;
	}
	size_t h = strmap_slot(m, key);
	if (m->key[h])
		return 0;
	const char *k = arena_strdup(m->a, key);
	if (!k)
		return EL_ENOMEM;
	m->key[h] = k;
	m->val[h] = val;
	m->n++;
	return 1;
}

void cur_skip_blank(struct cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

int cur_word(struct cursor *c, const char **w, size_t *wn)
{
	cur_skip_blank(c);
	const char *s = c->p;
	while (c->p < c->end && *c->p != ' ' && *c->p != '\t' &&
	       *c->p != '\r' && *c->p != '\n')
		c->p++;
	if (c->p == s)
		return -1;
	*w = s;
	*wn = (size_t)(c->p - s);
	return 0;
}

int cur_char(struct cursor *c, char ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return 0;
	}
	return -1;
}

int cur_uint(struct cursor *c, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;
	const char *s = c->p;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		unsigned d = (unsigned)(*c->p - '0');
		if (d > max || v > (max - d) / 10) {
			c->p = s;
			return -1;
		}
		v = v * 10 + d;
		c->p++;
	}
	if (c->p == s)
		return -1;
	*out = v;
	return 0;
}

/* ---- strings ------------------------------------------------------------ */

bool str_ieq_n(const char *a, size_t an, const char *b)
{
	size_t bn = strlen(b);
	if (an != bn)
		return false;
	for (size_t i = 0; i < an; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return false;
	return true;
}

void str_lower(char *dst, size_t dstsz, const char *src, size_t n)
{
	if (!dstsz)
		return;
	size_t i;
	for (i = 0; i < n && i + 1 < dstsz; i++)
		dst[i] = (char)tolower((unsigned char)src[i]);
	dst[i] = '\0';
}

bool str_icontains(const char *s, size_t n, const char *needle, size_t nn)
{
	if (nn == 0)
		return true;
	if (nn > n)
		return false;
	for (size_t i = 0; i + nn <= n; i++) {
		size_t j = 0;
		while (j < nn && tolower((unsigned char)s[i + j]) ==
				 tolower((unsigned char)needle[j]))
			j++;
		if (j == nn)
			return true;
	}
	return false;
}

int str_to_long(const char *s, long lo, long hi, long *out)
{
	/* The whole string: strtol would also take leading blanks and '+'. */
	if (!s || !((*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' && s[1] <= '9')))
		return -1;
	errno = 0;
	char *end = NULL;
	long v = strtol(s, &end, 10);
	if (errno || !end || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

bool str_glob(const char *pat, const char *s)
{
	const char *star = NULL, *ss = NULL;
	while (*s) {
		if (*pat == '*') {   /* a wildcard, even when the subject has a '*' */
			star = pat++;
			ss = s;
		} else if (*pat == '?' || *pat == *s) {
			pat++;
			s++;
		} else if (star) {
			pat = star + 1;
			s = ++ss;
		} else {
			return false;
		}
	}
	while (*pat == '*')
		pat++;
	return *pat == '\0';
}

size_t utf8_put(uint32_t c, uint8_t u[4])
{
	if (c < 0x80) {
		u[0] = (uint8_t)c;
		return 1;
	}
	if (c < 0x800) {
		u[0] = (uint8_t)(0xc0 | c >> 6);
		u[1] = (uint8_t)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		u[0] = (uint8_t)(0xe0 | c >> 12);
		u[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (uint8_t)(0x80 | (c & 0x3f));
		return 3;
	}
	u[0] = (uint8_t)(0xf0 | c >> 18);
	u[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
	u[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
	u[3] = (uint8_t)(0x80 | (c & 0x3f));
	return 4;
}

size_t utf8_clean(char *o, const char *s, size_t n)
{
	size_t i = 0, w = 0;
	while (i < n) {
		/* A run of printable ASCII (most of every text) is kept as it is. */
		size_t j = i;
		while (j < n && (unsigned char)(s[j] - 0x20) < 0x5f)
			j++;
		if (j > i) {
			memmove(o + w, s + i, j - i);
			w += j - i;
			i = j;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c & 0xF0) == 0xE0 ? 3
			     : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
		bool ok = len > 0 && i + len <= n;
		for (size_t k = 1; ok && k < len; k++)
			ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
		unsigned char d = ok && len > 1 ? (unsigned char)s[i + 1] : 0;
		/* No overlong 3-byte forms, no surrogates, nothing past U+10FFFF. */
		if (ok && len == 3)
			ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0);
		if (ok && len == 4)
			ok = !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d >= 0x90);
		/* What a terminal acts on: C0 controls and DEL (ESC starts CSI,
		 * OSC and title sequences), C1 controls U+0080-U+009F (ECMA-48
		 * 5th ed. §5.3 and §8.3.16: U+009B is a one-character CSI, which
		 * xterm honours in UTF-8), and the bidirectional embeddings,
		 * overrides and isolates U+202A-U+202E, U+2066-U+2069, which
		 * reorder what the reader sees (Unicode UAX #9; CVE-2021-42574,
		 * "Trojan Source"). */
		bool control = ok && ((len == 1 && (c < 0x20 || c == 0x7f) && c != '\t') ||
				      (len == 2 && c == 0xC2 && d <= 0x9F));
		bool bidi = ok && len == 3 && c == 0xE2 &&
			    ((d == 0x80 && (unsigned char)s[i + 2] >= 0xAA &&
			      (unsigned char)s[i + 2] <= 0xAE) ||
			     (d == 0x81 && (unsigned char)s[i + 2] >= 0xA6 &&
			      (unsigned char)s[i + 2] <= 0xA9));
		if (!ok) {
			o[w++] = '?';
			i++;
		} else if (control || bidi) {
			o[w++] = control ? ' ' : '?';
			i += len;
		} else {
			memcpy(o + w, s + i, len);
			w += len;
			i += len;
		}
	}
	return w;
}

char *utf8_sanitize(struct arena *a, const char *s, size_t n)
{
	char *o = arena_alloc(a, n + 1);
	if (!o)
		return NULL;
	o[utf8_clean(o, s, n)] = '\0';
	return o;
}

int sb_add_clean(struct strbuf *sb, const char *s, size_t n)
{
	/* The clean text is never longer than s: written in place when s
	 * fits (s is never sb's own buffer). */
	if (sb_room(sb, n) == 0) {
		sb->len += utf8_clean(sb->buf + sb->len, s, n);
		sb->buf[sb->len] = '\0';
		return 0;
	}
	char stack[512];
	char *o = n <= sizeof(stack) ? stack : malloc(n);
	if (!o)
		return EL_ENOMEM;
	int rc = sb_add(sb, o, utf8_clean(o, s, n));
	if (o != stack)
		free(o);
	return rc;
}

/* ---- dates --------------------------------------------------------------- */

long date_days(int y, int m, int d)
{
	/* Howard Hinnant's days_from_civil. */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int month_len(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return len[m - 1];
}

static int parse_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, bool allow_month, long *days)
{
	int y, m, d;
	size_t n = strlen(s);
	if (n != 10 && !(allow_month && n == 7))
		return -1;
	if (parse_digits(s, 4, &y) || s[4] != '-' || parse_digits(s + 5, 2, &m))
		return -1;
	if (y < 1970 || y > 9999 || m < 1 || m > 12)
		return -1;
	if (n == 7) {
		d = month_len(y, m);
	} else {
		if (s[7] != '-' || parse_digits(s + 8, 2, &d))
			return -1;
		if (d < 1 || d > month_len(y, m))
			return -1;
	}
	*days = date_days(y, m, d);
	return 0;
}

void date_format(long days, char *buf, size_t n)
{
	/* Howard Hinnant's civil_from_days. */
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	snprintf(buf, n, "%04ld-%02ld-%02ld", y, m, d);
}

/* ---- display width ------------------------------------------------------ */

/* Code points of East Asian Width W or F (Unicode 15 EastAsianWidth.txt,
 * folded into ranges as Markus Kuhn's wcwidth does), and the combining
 * ranges that take no column. Sorted. */
static const uint32_t wide_ranges[][2] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
	{0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
	{0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
	{0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4},
	{0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
	{0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
	{0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
	{0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};
static const uint32_t zero_ranges[][2] = {
	{0x0300, 0x036F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
	{0x20D0, 0x20FF}, {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
	{0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

static bool cp_in(uint32_t c, const uint32_t (*t)[2], size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < t[mid][0])
			hi = mid;
		else if (c > t[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

size_t display_width(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c = u[i];
		size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
		if (len == 0 || i + len > n) {
			w++;
			i++;
			continue;
		}
		if (len > 1) {
			c &= 0x7Fu >> len;
			bool ok = true;
			for (size_t k = 1; k < len; k++) {
				if ((u[i + k] & 0xC0) != 0x80)
					ok = false;
				c = (c << 6) | (u[i + k] & 0x3F);
			}
			if (!ok) {
				w++;
				i++;
				continue;
			}
		}
		i += len;
		if (cp_in(c, zero_ranges, ARRAY_SIZE(zero_ranges)))
			continue;
		w += cp_in(c, wide_ranges, ARRAY_SIZE(wide_ranges)) ? 2 : 1;
	}
	return w;
}

int sb_pad(struct strbuf *sb, const char *s, int width)
{
	size_t w = display_width(s, strlen(s));
	size_t col = (size_t)(width < 0 ? -(long)width : width);
	size_t fill = w < col ? col - w : 0;
	int rc = 0;
	for (size_t i = 0; !rc && width < 0 && i < fill; i++)
		rc = sb_adds(sb, " ");
	if (!rc)
		rc = sb_adds(sb, s);
	for (size_t i = 0; !rc && width > 0 && i < fill; i++)
		rc = sb_adds(sb, " ");
	return rc;
}
