/*
 * pktcur.h — the bounds-checked cursor every captured byte is read
 * through (tcpdump's GET_U_1 / ND_TTEST_LEN discipline). A cursor is a
 * window [off, len) on bytes it does not own; every read checks that the
 * bytes are there and returns -1 (leaving the cursor where it was) when
 * they are not. No code outside this file does pointer arithmetic on
 * packet bytes: sub-windows are taken with pc_sub()/pc_rest(), copies out
 * with pc_copy(), fixed headers laid over the bytes with pc_take() /
 * pc_view() as the named layouts of hdr.h.
 */
#ifndef EDGELINT_CAPTURE_PKTCUR_H
#define EDGELINT_CAPTURE_PKTCUR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct pktcur {
	const uint8_t *p;         /* the bytes (not owned); NULL when len is 0 */
	size_t len;               /* bytes in the window */
	size_t off;               /* next byte to read */
};

/* A cursor on n bytes at p. */
static inline void pc_init(struct pktcur *c, const void *p, size_t n)
{
	c->p = (const uint8_t *)p;
	c->len = p ? n : 0;
	c->off = 0;
}

/* Bytes left to read. */
static inline size_t pc_left(const struct pktcur *c)
{
	return c->len - c->off;
}

/* 0 when n more bytes can be read, else -1. */
static inline int pc_need(const struct pktcur *c, size_t n)
{
	return n <= c->len - c->off ? 0 : -1;
}

static inline int pc_skip(struct pktcur *c, size_t n)
{
	if (pc_need(c, n))
		return -1;
	c->off += n;
	return 0;
}

static inline int pc_u8(struct pktcur *c, uint8_t *v)
{
	if (pc_need(c, 1))
		return -1;
	*v = c->p[c->off++];
	return 0;
}

static inline int pc_be16(struct pktcur *c, uint16_t *v)
{
	if (pc_need(c, 2))
		return -1;
	*v = (uint16_t)((unsigned)c->p[c->off] << 8 | c->p[c->off + 1]);
	c->off += 2;
	return 0;
}

static inline int pc_be24(struct pktcur *c, uint32_t *v)
{
	if (pc_need(c, 3))
		return -1;
	*v = (uint32_t)c->p[c->off] << 16 | (uint32_t)c->p[c->off + 1] << 8 | c->p[c->off + 2];
	c->off += 3;
	return 0;
}

static inline int pc_be32(struct pktcur *c, uint32_t *v)
{
	if (pc_need(c, 4))
		return -1;
	*v = (uint32_t)c->p[c->off] << 24 | (uint32_t)c->p[c->off + 1] << 16 |
	     (uint32_t)c->p[c->off + 2] << 8 | c->p[c->off + 3];
	c->off += 4;
	return 0;
}

static inline int pc_le32(struct pktcur *c, uint32_t *v)
{
	if (pc_need(c, 4))
		return -1;
	*v = (uint32_t)c->p[c->off + 3] << 24 | (uint32_t)c->p[c->off + 2] << 16 |
	     (uint32_t)c->p[c->off + 1] << 8 | c->p[c->off];
	c->off += 4;
	return 0;
}

/* The byte at offset at from the read position, without moving. */
static inline int pc_peek(const struct pktcur *c, size_t at, uint8_t *v)
{
	if (at >= c->len - c->off)
		return -1;
	*v = c->p[c->off + at];
	return 0;
}

/* Copies n bytes out to dst and moves past them. */
static inline int pc_copy(struct pktcur *c, void *dst, size_t n)
{
	if (pc_need(c, n))
		return -1;
	if (n)
		memcpy(dst, c->p + c->off, n);
	c->off += n;
	return 0;
}

/* Copies n bytes out to dst + at, where dst holds dstlen bytes, and moves
 * past them; -1 (nothing copied) when either side is too short. */
static inline int pc_copy_at(struct pktcur *c, uint8_t *dst, size_t dstlen, size_t at, size_t n)
{
	if (pc_need(c, n) || at > dstlen || n > dstlen - at)
		return -1;
	if (n)
		memcpy(dst + at, c->p + c->off, n);
	c->off += n;
	return 0;
}

/* The next n bytes (n > 0) as a header layout of hdr.h, without moving:
 * NULL unless all n are in the window. Fields of the layout are read
 * with hdr.h's accessors; only the n checked bytes may be read. */
static inline const void *pc_view(const struct pktcur *c, size_t n)
{
	return n && pc_need(c, n) == 0 ? c->p + c->off : NULL;
}

/* The same, moving past the n bytes. */
static inline const void *pc_take(struct pktcur *c, size_t n)
{
	const void *h = pc_view(c, n);
	if (h)
		c->off += n;
	return h;
}
#define PC_TAKE(c, type) ((const type *)pc_take((c), sizeof(type)))

/* Takes the next n bytes as their own cursor *sub and moves past them. */
static inline int pc_sub(struct pktcur *c, size_t n, struct pktcur *sub)
{
	if (pc_need(c, n))
		return -1;
	pc_init(sub, n ? c->p + c->off : NULL, n);
	c->off += n;
	return 0;
}

/* The unread bytes as their own cursor (c does not move). */
static inline void pc_rest(const struct pktcur *c, struct pktcur *sub)
{
	size_t n = c->len - c->off;
	pc_init(sub, n ? c->p + c->off : NULL, n);
}

/* Limits the unread bytes to at most n (an IP total length, say). */
static inline void pc_limit(struct pktcur *c, size_t n)
{
	if (n < c->len - c->off)
		c->len = c->off + n;
}

/* True when the next n bytes equal s (case-sensitive), without moving. */
static inline bool pc_match(const struct pktcur *c, const char *s, size_t n)
{
	return n <= c->len - c->off && memcmp(c->p + c->off, s, n) == 0;
}

/* Offset (from the read position) of the first byte ch, or -1. */
static inline long pc_find(const struct pktcur *c, uint8_t ch)
{
	size_t n = c->len - c->off;
	const void *q = n ? memchr(c->p + c->off, ch, n) : NULL;
	return q ? (long)((const uint8_t *)q - (c->p + c->off)) : -1;
}

#endif
