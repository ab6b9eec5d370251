/*
 * gz.c — gzip-compressed inputs (`config.gz`, `capture.pcap.gz`, a backup
 * `.tar.gz`), recognised by their first bytes and never by their name.
 *
 * The format is RFC 1952 (GZIP file format specification 4.3,
 * www.rfc-editor.org/rfc/rfc1952): a member starts 1f 8b, then the
 * compression method, 8 (deflate); "a gzip file consists of a series of
 * members" (§2.2), which gzip(1) inflates one after another (`cat a.gz
 * b.gz > c.gz`, pigz), so a member's end is followed by the next one.
 * Inflating is zlib's (zlib.net/manual.html: inflateInit2 with
 * windowBits 15 + 16 "to decode only the gzip format"; inflate returns
 * Z_STREAM_END at a member's end, Z_DATA_ERROR on corrupt data,
 * Z_BUF_ERROR when it needs more input; inflateReset starts the next
 * member).
 *
 * A reader inflates from a descriptor in 64 KiB slices, so a capture of
 * any size is streamed through a fopencookie(3) FILE to libpcap: no
 * thread, no pipe, no temporary file, and the memory used is the same
 * for 1 MB and 1 GB. Chosen over a decompressing thread writing to a
 * pipe: the FILE fails the read (and the input, with the reason) where
 * the gzip data fails, with nothing to join or drain. Config files are
 * read whole, and the kind's max_bytes bounds what is inflated: past it
 * the input is refused with the limit named, which is also where a gzip
 * bomb stops. A capture has no size limit (a plain one has none either),
 * so a streamed input is refused as a bomb when, past GZ_BOMB_MIN_BYTES,
 * it has inflated to more than GZ_BOMB_RATIO times the compressed bytes
 * read: deflate's best case is about 1032:1 (a run of one byte value,
 * zlib FAQ "What's the maximum compression ratio?"), and a real capture,
 * with a fresh timestamp and headers in every 16-byte record header and
 * packet, stays far below it.
 */
#define _GNU_SOURCE   /* fopencookie */
#include "gz.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "model.h"
#include "util.h"

#define GZ_IN_CHUNK (64u << 10)

struct gz {
	z_stream z;
	bool zinit;
	int fd;                   /* -1: raw is all the data */
	int timeout_ms;
	const unsigned char *raw; /* data before fd not yet given to zlib */
	size_t nraw;
	unsigned char *raw_copy;  /* what raw points into, when owned */
	unsigned char *inbuf;     /* GZ_IN_CHUNK bytes read from fd */
	char *peek;               /* inflated bytes handed back first */
	size_t npeek, peekoff;
	bool between;             /* at a member's end: another may follow */
	bool end;                 /* every member inflated */
	bool trailing;            /* bytes that start no member followed the last */
	bool failed;
	bool bomb_guard;
	uint64_t in_total, out_total;
	char why[384], why_ja[384];
};

bool gz_is(const char *head, size_t n)
{
	return n >= 3 && (unsigned char)head[0] == 0x1f && (unsigned char)head[1] == 0x8b &&
	       head[2] == 8;
}

/* Records why the reader stopped, in English and Japanese (both formats
 * take the same arguments, checked by the gz_fail() macro). */
static void gz_fail_l(struct gz *g, const char *en, const char *ja, ...)
	__attribute__((format(printf, 2, 4)));
#define gz_fail(g, en, ja, ...) \
	((void)sizeof(printf(ja, ##__VA_ARGS__)), gz_fail_l(g, en, ja, ##__VA_ARGS__))
static void gz_fail_l(struct gz *g, const char *en, const char *ja, ...)
{
	if (g->failed)
		return;
	g->failed = true;
	va_list ap, ap2;
	va_start(ap, ja);
	va_copy(ap2, ap);
	vsnprintf(g->why, sizeof(g->why), en, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(g->why_ja, sizeof(g->why_ja), ja, ap2);
#pragma GCC diagnostic pop
	va_end(ap2);
	va_end(ap);
}

static struct gz *gz_new(int fd, const char *raw, size_t nraw, bool copy, int timeout_ms,
			 bool bomb_guard)
{
	struct gz *g = calloc(1, sizeof(*g));
	unsigned char *inbuf = fd >= 0 ? malloc(GZ_IN_CHUNK) : NULL;
	unsigned char *rawc = copy && nraw ? malloc(nraw) : NULL;
	if (!g || (fd >= 0 && !inbuf) || (copy && nraw && !rawc) ||
	    inflateInit2(&g->z, 15 + 16) != Z_OK) {
		free(g);
		free(inbuf);
		free(rawc);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	g->zinit = true;
	if (rawc)
		memcpy(rawc, raw, nraw);
	g->raw = copy ? rawc : (const unsigned char *)raw;
	g->raw_copy = rawc;
	g->nraw = nraw;
	g->fd = fd;
	g->inbuf = inbuf;
	g->timeout_ms = timeout_ms;
	g->bomb_guard = bomb_guard;
	return g;
}

struct gz *gz_open(int fd, const char *raw, size_t nraw, int timeout_ms, bool bomb_guard)
{
	return gz_new(fd, raw, nraw, true, timeout_ms, bomb_guard);
}

void gz_close(struct gz *g)
{
	if (!g)
		return;
	if (g->zinit)
		inflateEnd(&g->z);
	if (g->fd >= 0)
		close(g->fd);
	free(g->raw_copy);
	free(g->inbuf);
	free(g->peek);
	free(g);
}

const char *gz_error(const struct gz *g)
{
	return g->failed ? g->why : "";
}

const char *gz_error_ja(const struct gz *g)
{
	return g->failed ? g->why_ja : "";
}

/* More compressed bytes for zlib: 1, 0 at the end of the data, -1. */
static int gz_fill(struct gz *g)
{
	if (g->nraw) {
		size_t k = g->nraw > UINT_MAX ? UINT_MAX : g->nraw;
		g->z.next_in = (Bytef *)(uintptr_t)g->raw;
		g->z.avail_in = (uInt)k;
		g->raw += k;
		g->nraw -= k;
		return 1;
	}
	if (g->fd < 0)
		return 0;
	struct why w = {{0}, {0}};
	ssize_t got = fd_read_wait(g->fd, g->inbuf, GZ_IN_CHUNK, g->timeout_ms, &w);
	if (got < 0) {
		gz_fail(g, "cannot read: %s%.0s", "読み込めません: %.0s%s", w.en, w.ja);
		return -1;
	}
	g->z.next_in = g->inbuf;
	g->z.avail_in = (uInt)got;
	return got > 0;
}

/* At a member's end: the next member, or the end of the data. 1: a
 * member follows; 0: the end; -1: failed. */
static int gz_next_member(struct gz *g)
{
	if (g->z.avail_in == 0) {
		int r = gz_fill(g);
		if (r <= 0)
			return r;
	}
	if (g->z.next_in[0] != 0x1f) {
		/* Not a member: ignored, as gzip(1) does ("trailing garbage
		 * ignored"), and said (zeros of tape padding are not). */
		for (uInt i = 0; i < g->z.avail_in && !g->trailing; i++)
			g->trailing = g->z.next_in[i] != 0;
		return 0;
	}
	if (inflateReset(&g->z) != Z_OK) {
		gz_fail(g, "cannot restart decompression", "展開を再開できません");
		return -1;
	}
	return 1;
}

/* The Japanese of zlib's message on corrupt data (z_stream.msg, set by
 * inflate.c in zlib 1.2/1.3: "incorrect header check", "invalid block
 * type", "incorrect data check", ...): the kind of damage it names. */
static const char *gz_zmsg_ja(const char *msg)
{
	if (!msg)
		return "展開に失敗しました";
	if (strcmp(msg, "incorrect data check") == 0)
		return "データのチェックサムが一致しません";
	if (strcmp(msg, "incorrect length check") == 0)
		return "データの長さが一致しません";
	if (strcmp(msg, "header crc mismatch") == 0)
		return "ヘッダーのチェックサムが一致しません";
	if (strcmp(msg, "incorrect header check") == 0 || strcmp(msg, "unknown header flags set") == 0 ||
	    strcmp(msg, "unknown compression method") == 0 || strcmp(msg, "invalid window size") == 0)
		return "ヘッダーが不正です";
	return "圧縮されたデータの中身が不正です";
}

/* Inflates up to n bytes into buf: the count (0: the end), or -1. */
static ssize_t gz_inflate(struct gz *g, char *buf, size_t n)
{
	size_t done = 0;
	if (n > UINT_MAX)
		n = UINT_MAX;
	while (done < n && !g->end) {
		if (g->failed)
			return -1;
		if (g->between) {
			int r = gz_next_member(g);
			if (r < 0)
				return -1;
			if (r == 0) {
				g->end = true;
				break;
			}
			g->between = false;
		}
		if (g->z.avail_in == 0) {
			int r = gz_fill(g);
			if (r < 0)
				return -1;
			if (r == 0) {
				gz_fail(g,
					"the gzip data is truncated: it ends after %llu bytes were "
					"decompressed (an incomplete download or copy?)",
					"gzip のデータが途中で終わっています（展開できたのは %llu バイト。"
					"ダウンロードやコピーが途中で止まった可能性があります）",
					(unsigned long long)g->out_total);
				return -1;
			}
		}
		uInt in_before = g->z.avail_in;
		g->z.next_out = (Bytef *)(buf + done);
		g->z.avail_out = (uInt)(n - done);
		int rc = inflate(&g->z, Z_NO_FLUSH);
		size_t made = (n - done) - g->z.avail_out;
		done += made;
		g->out_total += made;
		g->in_total += in_before - g->z.avail_in;
		if (rc == Z_STREAM_END) {
			g->between = true;
		} else if (rc == Z_MEM_ERROR) {
			gz_fail(g, "out of memory while decompressing", "展開中にメモリが不足しました");
			return -1;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			gz_fail(g,
				"the gzip data is corrupt (%s%.0s) after %llu bytes were decompressed",
				"gzip のデータが壊れています（%.0s%s。展開できたのは %llu バイト）",
				g->z.msg ? g->z.msg : "inflate failed", gz_zmsg_ja(g->z.msg),
				(unsigned long long)g->out_total);
			return -1;
		}
		if (g->bomb_guard && g->out_total > GZ_BOMB_MIN_BYTES &&
		    g->out_total / GZ_BOMB_RATIO > g->in_total) {
			gz_fail(g,
				"the gzip data decompresses to more than %u times its compressed size "
				"(%llu bytes from %llu): refused as a gzip bomb",
				"gzip のデータが圧縮時の %u 倍を超える大きさに展開されます（%llu バイト、"
				"元は %llu バイト）。圧縮爆弾とみなして読みません",
				GZ_BOMB_RATIO, (unsigned long long)g->out_total,
				(unsigned long long)g->in_total);
			return -1;
		}
	}
	return (ssize_t)done;
}

ssize_t gz_read(struct gz *g, char *buf, size_t n)
{
	if (g->failed)
		return -1;
	if (g->peekoff < g->npeek) {
		size_t k = g->npeek - g->peekoff < n ? g->npeek - g->peekoff : n;
		memcpy(buf, g->peek + g->peekoff, k);
		g->peekoff += k;
		return (ssize_t)k;
	}
	return gz_inflate(g, buf, n);
}

int gz_peek(struct gz *g, size_t n, const char **out, size_t *outn)
{
	if (g->peekoff || (g->npeek == 0 && g->out_total)) {
		gz_fail(g, "internal error: peek after read", "内部エラー: 読んだ後の先読み");
		return EL_EINVAL;
	}
	if (g->npeek < n && !g->end && !g->failed) {
		char *np = realloc(g->peek, n);
		if (!np) {
			gz_fail(g, "out of memory", "メモリが不足しました");
			return EL_ENOMEM;
		}
		g->peek = np;
		while (g->npeek < n && !g->end) {
			ssize_t got = gz_inflate(g, g->peek + g->npeek, n - g->npeek);
			if (got < 0)
				return EL_EPARSE;
			g->npeek += (size_t)got;
		}
	}
	if (g->failed)
		return EL_EPARSE;
	*out = g->peek ? g->peek : "";
	*outn = g->npeek < n ? g->npeek : n;
	return 0;
}

/* The limit message of gz_read_all(). */
static int gz_too_big(struct gz *g, size_t max)
{
	gz_fail(g, "decompresses to more than the limit of %zu bytes for this kind of input",
		"展開するとこの種類の入力の上限 %zu バイトを超えます", max);
	return EL_ETOOBIG;
}

int gz_read_all(struct gz *g, size_t max, char **out, size_t *outn)
{
	size_t cap = max < (1u << 16) ? max + 2 : (1u << 16), n = 0;
	char *buf = malloc(cap);
	if (!buf) {
		gz_fail(g, "out of memory", "メモリが不足しました");
		return EL_ENOMEM;
	}
	for (;;) {
		if (n + 1 == cap) {   /* full: one byte is kept for the NUL */
			size_t ncap = cap > (max + 2) / 2 ? max + 2 : cap * 2;
			char *nb = realloc(buf, ncap);
			if (!nb) {
				free(buf);
				gz_fail(g, "out of memory", "メモリが不足しました");
				return EL_ENOMEM;
			}
			buf = nb;
			cap = ncap;
		}
		ssize_t got = gz_read(g, buf + n, cap - 1 - n);
		if (got < 0) {
			free(buf);
			return EL_EPARSE;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > max) {
			free(buf);
			return gz_too_big(g, max);
		}
	}
	buf[n] = '\0';
	*out = buf;
	*outn = n;
	return 0;
}

void gz_set_bomb_guard(struct gz *g, bool on)
{
	g->bomb_guard = on;
}

bool gz_trailing(const struct gz *g)
{
	return g->trailing;
}

/* ---- a FILE for streaming parsers ------------------------------------------ */

struct gz_cookie {
	struct gz *g;
	struct input *in;
	bool told;
};

static ssize_t gz_cookie_read(void *cookie, char *buf, size_t size)
{
	struct gz_cookie *c = cookie;
	ssize_t got = gz_read(c->g, buf, size);
	if (got < 0) {
		/* Each language prints its own text and skips the other's. */
		if (!c->told)
			input_diag(c->in, DIAG_ERROR, 0, 0, "%s%.0s", "%.0s%s", c->g->why,
				   c->g->why_ja);
		c->told = true;
		errno = EIO;
		return -1;
	}
	if (got == 0 && c->g->trailing && !c->told) {
		c->told = true;
		input_diag(c->in, DIAG_NOTE, 0, 0,
			   "bytes after the end of the gzip data were ignored",
			   "gzip のデータの終わりの後にあるバイトは無視しました");
	}
	return got;
}

static int gz_cookie_close(void *cookie)
{
	struct gz_cookie *c = cookie;
	gz_close(c->g);
	free(c);
	return 0;
}

FILE *gz_fopen(struct gz *g, struct input *in)
{
	struct gz_cookie *c = calloc(1, sizeof(*c));
	cookie_io_functions_t io = {.read = gz_cookie_read, .close = gz_cookie_close};
	FILE *f = c ? fopencookie(c, "rb", io) : NULL;
	if (!f) {
		free(c);
		gz_close(g);
		return NULL;
	}
	c->g = g;
	c->in = in;
	return f;
}

/* ---- archives held in memory ------------------------------------------------- */

int gz_inflate_mem(const char *data, size_t len, size_t max, char **out, size_t *outn,
		   char *why, char *why_ja, size_t whyn)
{
	struct gz *g = gz_new(-1, data, len, false, 0, false);
	if (!g) {
		snprintf(why, whyn, "out of memory");
		snprintf(why_ja, whyn, "メモリが足りません");
		return EL_ENOMEM;
	}
	int rc = gz_read_all(g, max, out, outn);
	if (rc == EL_ETOOBIG) {
		snprintf(why, whyn, "the archive unpacks to more than the limit of %zu bytes", max);
		snprintf(why_ja, whyn, "アーカイブを展開すると上限の %zu バイトを超えます", max);
	} else if (rc) {
		snprintf(why, whyn, "%s", g->why);
		snprintf(why_ja, whyn, "%s", g->why_ja);
	}
	gz_close(g);
	return rc;
}
