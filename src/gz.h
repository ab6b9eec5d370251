/*
 * gz.h — gzip-compressed inputs read by content (see gz.c).
 */
#ifndef EDGELINT_GZ_H
#define EDGELINT_GZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct input;
struct gz;

/* A streamed input (a capture, unbounded) is refused as a gzip bomb once
 * it has inflated past GZ_BOMB_MIN_BYTES to more than GZ_BOMB_RATIO times
 * the compressed bytes read (see gz.c for why these figures). */
#define GZ_BOMB_RATIO 1000u
#define GZ_BOMB_MIN_BYTES (64ull << 20)

/* True when head starts a gzip member (RFC 1952: 1f 8b, method 8). */
bool gz_is(const char *head, size_t n);

/* A reader inflating the gzip data that starts with raw[0..nraw) (copied)
 * and goes on in fd (-1: raw is all of it). fd is taken over (closed by
 * gz_close, also when this fails); a read of it waits at most timeout_ms
 * (-1: as long as it takes). bomb_guard: apply the GZ_BOMB_RATIO limit. NULL when out of
 * memory. */
struct gz *gz_open(int fd, const char *raw, size_t nraw, int timeout_ms, bool bomb_guard);
/* Up to n inflated bytes into buf: the count, 0 at the end of the data,
 * or -1 with gz_error() set (corrupt, truncated, a bomb, a read error).
 * Bytes given back by gz_peek() come first. */
ssize_t gz_read(struct gz *g, char *buf, size_t n);
/* The first inflated bytes (at most n), without consuming them: *out
 * points into g and stays valid until the next call. 0, or -1 with
 * gz_error() set. */
int gz_peek(struct gz *g, size_t n, const char **out, size_t *outn);
/* All the inflated data (after what was read) into a malloc'd,
 * NUL-terminated buffer of at most max bytes; past max, EL_ETOOBIG with
 * a message that names the limit. 0 or negative with gz_error() set. */
int gz_read_all(struct gz *g, size_t max, char **out, size_t *outn);
/* Why the last call failed, in English (the input's name is not in it);
 * "" when nothing failed. Owned by g. */
const char *gz_error(const struct gz *g);
/* The same in Japanese. */
const char *gz_error_ja(const struct gz *g);
/* Turns the GZ_BOMB_RATIO limit on or off (once the kind is known). */
void gz_set_bomb_guard(struct gz *g, bool on);
/* True when bytes that start no gzip member followed the data (ignored,
 * as gzip(1) does; the caller says so). */
bool gz_trailing(const struct gz *g);
/* Closes the reader and its descriptor. NULL is accepted. */
void gz_close(struct gz *g);
/* A FILE over the reader (taken over, also on failure) for a streaming
 * parser: a read that fails puts gz_error() on in as an input error
 * (exit 2) before the FILE reports the error. NULL when out of memory. */
FILE *gz_fopen(struct gz *g, struct input *in);
/* Inflates gzip data held in memory (an archive) into a malloc'd buffer
 * of at most max bytes: 0, or negative with why and why_ja (English and
 * Japanese, whyn bytes each) set. */
int gz_inflate_mem(const char *data, size_t len, size_t max, char **out, size_t *outn,
		   char *why, char *why_ja, size_t whyn);

#endif
