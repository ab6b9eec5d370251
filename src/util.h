/*
 * util.h — small building blocks shared by every layer of edgelint:
 * an arena allocator (one per input, freed at once), a bounded string
 * buffer (curl's dynbuf idea: every buffer has a hard maximum), a string
 * cursor for line parsing, growable arrays, and date helpers.
 *
 * Conventions: functions return 0 on success or a negative EL_E* code;
 * nothing here prints.
 */
#ifndef EDGELINT_UTIL_H
#define EDGELINT_UTIL_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <stdarg.h>
#include <stdio.h>

enum el_err {
	EL_OK = 0,
	EL_ENOMEM = -1,   /* allocation failed */
	EL_ETOOBIG = -2,  /* a buffer or input hit its maximum */
	EL_EIO = -3,      /* read or write failed (errno tells why) */
	EL_EPARSE = -4,   /* input is not of the expected form */
	EL_EINVAL = -5,   /* bad argument */
};

/* ---- arena ---------------------------------------------------------- */

struct arena_chunk;
struct arena {
	struct arena_chunk *head;
	size_t used_total;  /* bytes handed out, for statistics */
};

/* Returns zeroed memory owned by the arena, or NULL when out of memory.
 * The memory lives until arena_free(). */
void *arena_alloc(struct arena *a, size_t n);
/* The same, not zeroed: for a block the caller fills before reading. */
void *arena_alloc_raw(struct arena *a, size_t n);
/* Gives back the end of block p of n bytes past its first keep bytes,
 * when p is the arena's newest block (else nothing happens): a result
 * allocated at its largest possible size, then cut to what it holds. */
void arena_shrink(struct arena *a, void *p, size_t n, size_t keep);
/* Copies n bytes of s plus a terminating NUL into the arena; NULL on OOM. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Formats into the arena (like asprintf); NULL on OOM or format error. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The same with a va_list (consumed). The whole text is kept, however long:
 * a message cut at a fixed size could cut a secret in two, and the half
 * left would no longer be recognised when the report masks it. */
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Forgets every allocation but keeps one chunk for reuse: cheap scratch
 * memory for per-line work. Pointers into the arena become invalid. */
void arena_reset(struct arena *a);
/* Frees every allocation of the arena at once; the arena may be reused. */
void arena_free(struct arena *a);

/* ---- growable arrays ------------------------------------------------ */

/* The number of elements of a true array (not a pointer). */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Room for one more element in arr, an array of n elements of elem bytes
 * with capacity *cap: arr itself when n < *cap, else arr moved to twice
 * the capacity (16 at first) with *cap updated. NULL when memory runs out
 * or the size would overflow size_t; arr is then unchanged and still
 * valid (and still the caller's to free). Heap memory (realloc). Every
 * caller turns NULL into an error of its input (sticky: nothing passes),
 * never into a dropped element. */
void *vec_grow(void *arr, size_t *cap, size_t n, size_t elem);
/* The same in an arena: the new array is the arena's, the old one is left
 * to it (freed with the arena). */
void *arena_grow(struct arena *a, void *arr, size_t *cap, size_t n, size_t elem);

/* ---- bounded string buffer ------------------------------------------ */

struct strbuf {
	char *buf;     /* NUL-terminated when len > 0 or after any add */
	size_t len;
	size_t cap;
	size_t max;    /* hard maximum of len; adding past it fails */
};

/* Initialises an empty buffer that may grow to max bytes. */
void sb_init(struct strbuf *sb, size_t max);
/* Appends; EL_ETOOBIG past the maximum (buffer unchanged), EL_ENOMEM. */
int sb_add(struct strbuf *sb, const char *s, size_t n);
int sb_adds(struct strbuf *sb, const char *s);
/* Appends s padded with spaces to width terminal columns (display_width):
 * after s when width > 0 (left-aligned), before it when width < 0
 * (right-aligned). Text wider than the column is not cut. */
int sb_pad(struct strbuf *sb, const char *s, int width);
int sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Returns the contents ("" when empty); owned by sb. */
const char *sb_str(const struct strbuf *sb);
void sb_reset(struct strbuf *sb);
/* Frees the memory; the buffer is empty and reusable afterwards. */
void sb_free(struct strbuf *sb);

/* ---- string map ----------------------------------------------------- */

/* Strings to values in one open-addressing table (linear probing, a
 * power-of-two capacity kept at most half full), so a name table that
 * grows with the input costs near constant time per lookup. Slots and the
 * copies of the keys live in the arena given to strmap_init(); a zeroed
 * struct with .a set is a valid empty map. */
struct strmap {
	struct arena *a;
	const char **key;
	size_t *val;
	size_t cap, n;
};

void strmap_init(struct strmap *m, struct arena *a);
/* Returns true and sets *val (when val is not NULL) if key is present. */
bool strmap_get(const struct strmap *m, const char *key, size_t *val);
/* Adds key -> val (the key is copied). Returns 1 when added, 0 when the key
 * was already there (its value is kept), or EL_ENOMEM. */
int strmap_put(struct strmap *m, const char *key, size_t val);

/* ---- string cursor (curl's strparse idea) --------------------------- */

struct cursor {
	const char *p;
	const char *end;
};

static inline void cur_init(struct cursor *c, const char *p, size_t n)
{
	c->p = p;
	c->end = p + n;
}
static inline bool cur_eof(const struct cursor *c) { return c->p >= c->end; }
static inline size_t cur_left(const struct cursor *c)
{
	return (size_t)(c->end - c->p);
}
/* Skips spaces and tabs. */
void cur_skip_blank(struct cursor *c);
/* Takes a run of non-blank characters into (*w, *wn); -1 when none. */
int cur_word(struct cursor *c, const char **w, size_t *wn);
/* Consumes ch if it is next; returns 0 if consumed, -1 otherwise. */
int cur_char(struct cursor *c, char ch);
/* Parses an unsigned decimal number no larger than max; -1 otherwise. */
int cur_uint(struct cursor *c, unsigned long max, unsigned long *out);

/* ---- strings --------------------------------------------------------- */

/* ASCII case-insensitive comparison of a counted string with a C string. */
bool str_ieq_n(const char *a, size_t an, const char *b);
/* ASCII lower-case copy into dst (size dstsz, always NUL-terminated). */
void str_lower(char *dst, size_t dstsz, const char *src, size_t n);
/* True when s (length n) contains needle ignoring ASCII case. */
bool str_icontains(const char *s, size_t n, const char *needle, size_t nn);
/* Parses a decimal integer in [lo, hi] from the whole of s; -1 otherwise. */
int str_to_long(const char *s, long lo, long hi, long *out);
/* Simple glob: '*' any run, '?' one char. */
bool str_glob(const char *pattern, const char *s);

/* The one sanitiser every byte from an input passes through on its way
 * to any output. Writes to o (at least n bytes) the text s (n bytes) made
 * valid, inert UTF-8 and returns its length (never more than n): every
 * byte that does not start a well-formed sequence becomes '?'; control
 * characters but tab (C0, DEL, and C1 U+0080-U+009F) become ' '; the
 * bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069) become '?'. Mask secrets (secrets.h) before: a secret
 * is matched on its raw bytes. */
size_t utf8_clean(char *o, const char *s, size_t n);
/* The UTF-8 encoding of code point cp (at most U+10FFFF; the caller
 * replaces surrogates) into u; returns its length, 1 to 4. */
size_t utf8_put(uint32_t cp, uint8_t u[4]);
/* utf8_clean() into a copy in the arena; NULL on OOM. */
char *utf8_sanitize(struct arena *a, const char *s, size_t n);
/* Appends utf8_clean(s) to sb (s not inside sb): 0, EL_ENOMEM or EL_ETOOBIG. */
int sb_add_clean(struct strbuf *sb, const char *s, size_t n);

/* Columns a terminal gives the UTF-8 text s[0..n): East Asian Wide and
 * Fullwidth characters (UAX #11: CJK, kana, Hangul, fullwidth forms,
 * emoji) take two, combining marks none, the rest one. Invalid bytes
 * count one each. */
size_t display_width(const char *s, size_t n);

/* ---- dates ------------------------------------------------------------ */

/* Days since 1970-01-01 for a proleptic Gregorian date (no time zones). */
long date_days(int y, int m, int d);
/* Parses "YYYY-MM-DD" (or "YYYY-MM" when allow_month, taken as the last day
 * of that month, since a support end month runs to its end) into days.
 * Returns 0, or -1 when the text is not such a date. */
int date_parse(const char *s, bool allow_month, long *days);
/* Formats days as YYYY-MM-DD into buf (at least 11 bytes). */
void date_format(long days, char *buf, size_t n);

/* ---- files ------------------------------------------------------------ */

/* How long a pipe, FIFO or device given as an input may stay silent
 * (no writer yet, or no byte coming) before reading it fails: nothing
 * waits forever. Standard input waits as long as it takes. */
#define FILE_SILENCE_MS 30000

/* Why a file operation failed, in English and in Japanese (each
 * NUL-terminated, cut to fit): the report's language picks one. */
struct why {
	char en[256];
	char ja[384];
};
/* Sets both texts (the compiler checks both formats against the same
 * arguments through the why_set() macro). */
void why_set_l(struct why *w, const char *en, const char *ja, ...)
	__attribute__((format(printf, 2, 4)));
#define why_set(w, en, ja, ...) \
	((void)sizeof(printf(ja, ##__VA_ARGS__)), why_set_l(w, en, ja, ##__VA_ARGS__))
/* Sets both texts from a system error number: the C library's text
 * (strerror) in English, errno_ja() in Japanese. */
void why_errno(struct why *w, int err);
/* The Japanese of a system error number's meaning: a constant for the
 * errors a file read or write meets, else NULL (the caller says "system
 * error N"). */
const char *errno_ja(int err);

/* Opens path for reading without blocking on a FIFO that has no writer:
 * the descriptor (non-blocking unless a regular file; *regular tells),
 * or -1 with w set. A directory is refused. */
int file_open_read(const char *path, bool *regular, struct why *w);
/* read() that waits at most timeout_ms (-1: forever) for bytes on a
 * non-blocking fd: bytes read, 0 at the end, -1 with w set (errno
 * ETIMEDOUT when nothing came in time). */
ssize_t fd_read_wait(int fd, void *buf, size_t n, int timeout_ms, struct why *w);
/* head (nhead bytes already taken from fd, e.g. a probe) then the rest of
 * fd, into a malloc'd NUL-terminated buffer of at most max bytes: 0, or
 * EL_ETOOBIG (the limit), EL_ENOMEM, EL_EIO with w set. */
int fd_read_all(int fd, const char *head, size_t nhead, size_t max, int timeout_ms,
		char **out, size_t *outn, struct why *w);
/* Reads a whole file (or stdin for "-") into a malloc'd, NUL-terminated
 * buffer of at most max bytes. On failure returns negative and sets w
 * (the system error or the limit, in both languages). Caller frees *out.
 * A FIFO or device is read once, with FILE_SILENCE_MS as its limit. */
int file_read_whole(const char *path, size_t max, char **out, size_t *outn, struct why *w);
/* file_read_whole() with the reason in English only (why, whyn bytes),
 * for the rules and policy loaders, whose messages are English. */
int file_read_all(const char *path, size_t max, char **out, size_t *outn,
		  char *why, size_t whyn);
/* Writes data to path atomically: a temporary file beside it, fsync,
 * rename. "-" writes to stdout. A device, FIFO or socket (or a symbolic
 * link to one) is written in place, never replaced; a symbolic link to a
 * regular file stays a link (its target is replaced); an existing file
 * keeps its permission bits, a new one gets 0666 less the umask.
 * Returns 0 or negative with w set. */
int file_write_atomic(const char *path, const char *data, size_t n, struct why *w);

#endif
