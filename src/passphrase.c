/*
 * passphrase.c — judges how guessable a Wi-Fi passphrase (WPA2/WPA3
 * personal) is, for MIC telework checklist item 6-2, and keeps the
 * blocklist of common passwords it is checked against.
 *
 * The passphrase never leaves pass_judge(): every copy made here (the
 * case-folded working copy, the stems tried against the blocklist, the
 * buffer handed to zxcvbn) lives on the stack and is wiped before return.
 * The result holds only a verdict, a reason, a length and a bit estimate.
 *
 * Order of checks (the first that matches decides; most specific first):
 *   1. empty                      -> unknown/empty
 *   2. encrypted or hashed blob   -> unknown/encrypted
 *        OpenSSL "Salted__" base64 ("U2FsdGVkX1…", QSDK/Dynalink backups),
 *        crypt(3) strings "$id$…" of 13+ characters in the crypt alphabet
 *        with a known id ($1$, $2a$, $5$, $6$, $y$, $apr1$, $argon2id$…);
 *        an unknown "$word$" prefix is judged as a passphrase, so a weak
 *        one cannot hide as "unknown"
 *   3. exactly 64 hex digits: a raw PSK, not a passphrase. Only a
 *      trivial whole-string shape fails: one char or a repeated block
 *      (-> repeat; a whole-string hex sequence "0123…ef0123…" is
 *      necessarily a repeated 16-char block). A short run inside a random
 *      key does not weaken it, so nothing else is checked: strong, bits 0.
 *   4. fewer than 8 code points   -> weak/invalid-short
 *      more than 63 bytes         -> weak/invalid-long (the WPA limit is
 *      63 octets, so a long UTF-8 phrase is invalid by bytes, not chars)
 *   5. blocklist: exact (case-folded), then stems with a leading run of
 *      punctuation (<= 4) or a leading year (19xx/20xx) removed and/or a
 *      trailing run of digits, punctuation or both (<= 6) removed; stems
 *      shorter than 3 bytes are not tried   -> weak/blocklist
 *   6. context words: contains a context word (>= 4 bytes) or a token of
 *      one (split on ASCII non-alphanumerics, tokens >= 4 bytes), or a
 *      vendor/product word from cfg->context_words -> weak/context-word
 *   7. patterns, whole-string shapes before looser ones:
 *        repeat      one char, or a block repeated 2+ times, optionally
 *                    with the same one-char separator between blocks
 *        sequence    an ascending/descending run (digits wrap 9->0)
 *                    of >= 8 characters anywhere
 *        keyboard    QWERTY walk: one adjacency run of >= 8 keys, or the
 *                    whole string made of adjacency runs of >= 4 keys
 *                    ("1qaz2wsx")
 *        phone       Japanese mobile 0[789]0+8 digits or landline 0+9
 *                    digits (hyphens, dots, spaces allowed)
 *        date        8 digits YYYYMMDD/DDMMYYYY/MMDDYYYY in 1900-2099,
 *                    10 digits containing one, or YYYY-MM-DD/DD-MM-YYYY
 *                    with one separator kind
 *        all-digits  only digits, 12 or fewer (a date or phone number
 *                    is reported as such first)
 *        word-digits 1-8 letters followed by 1-4 digits, nothing else
 *   8. shorter than cfg->min_length code points -> weak/short
 *   9. zxcvbn bits below cfg->fail_below_bits -> weak/low-entropy
 *  10. factory-label shape (13 lowercase alphanumerics with a letter and
 *      a digit, or 10/26 hex digits) -> factory-like. Checked last, so an
 *      8-digit label key is all-digits (weak), not factory-like.
 *  11. otherwise strong.
 *
 * zxcvbn is run (with the context words, their tokens and the vendor
 * words as user dictionary) for every passphrase of valid length, so
 * result.bits is also filled for pattern and list findings. zxcvbn-c
 * scores each byte of a multi-byte UTF-8 character as a random byte,
 * which wildly overstates Japanese phrases; the estimate is therefore
 * capped at (zxcvbn of the ASCII part) + 4 bits per non-ASCII code point.
 */
#include "passphrase.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zxcvbn.h>

#define PASS_WORD_MAX 128u           /* longer blocklist words are ignored */
#define PASS_BLOCKLIST_MAX (1u << 20) /* words per set: bounds memory */
#define PASS_LINE_MAX 512u            /* longer lines are skipped whole */
#define PASS_WPA_MIN 8u
#define PASS_WPA_MAX 63u
#define PASS_USER_WORDS 128u          /* user-dictionary words for zxcvbn */
#define PASS_CTX_COPIES 48u           /* context words/tokens kept per call */
#define PASS_DEFAULT_MIN_LENGTH 12u
#define PASS_DEFAULT_FAIL_BELOW 45.0
#define PASS_NONASCII_BITS 4.0        /* cap per non-ASCII code point */

/* ---- wiping ------------------------------------------------------------- */

static void wipe(void *p, size_t n)
{
	volatile unsigned char *v = p;
	while (n--)
		*v++ = 0;
}

/* ---- blocklist: open-addressing hash set --------------------------------- */

struct bl_slot {
	const char *word;  /* NUL-terminated, case-folded; NULL when empty */
	uint32_t hash;
	uint32_t len;
};

struct pass_blocklist {
	struct bl_slot *slots;
	size_t cap;        /* power of two, or 0 */
	size_t count;
	struct arena mem;  /* word storage */
};

static uint32_t bl_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;  /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static void fold(char *dst, const char *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = (char)tolower((unsigned char)src[i]);
}

/* Finds the slot of a folded word, or the empty slot where it would go. */
static struct bl_slot *bl_find(const struct pass_blocklist *bl,
			       const char *w, size_t n, uint32_t h)
{
	size_t mask = bl->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct bl_slot *s = &bl->slots[i];
		if (!s->word)
			return s;
		if (s->hash == h && s->len == n && memcmp(s->word, w, n) == 0)
			return s;
	}
}

static int bl_grow(struct pass_blocklist *bl)
{
	size_t ncap = bl->cap ? bl->cap * 2 : 1024;
	struct bl_slot *ns = calloc(ncap, sizeof(*ns));
	if (!ns)
		return EL_ENOMEM;
	struct bl_slot *old = bl->slots;
	size_t ocap = bl->cap;
	bl->slots = ns;
	bl->cap = ncap;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].word)
			*bl_find(bl, old[i].word, old[i].len, old[i].hash) = old[i];
	free(old);
	return 0;
}

/* 1 when added, 0 when already present or ignored, negative on error. */
static int bl_insert(struct pass_blocklist *bl, const char *w, size_t n)
{
	char f[PASS_WORD_MAX];
	if (n == 0 || n > PASS_WORD_MAX)
		return 0;
	if (bl->count >= PASS_BLOCKLIST_MAX)
		return EL_ETOOBIG;
	if ((bl->count + 1) * 2 > bl->cap) {
		int rc = bl_grow(bl);
		if (rc)
			return rc;
	}
	fold(f, w, n);
	uint32_t h = bl_hash(f, n);
	struct bl_slot *s = bl_find(bl, f, n, h);
	if (s->word)
		return 0;
	char *copy = arena_strndup(&bl->mem, f, n);
	if (!copy)
		return EL_ENOMEM;
	s->word = copy;
	s->hash = h;
	s->len = (uint32_t)n;
	bl->count++;
	return 1;
}

/* Looks up a word that is already case-folded. */
static bool bl_has_folded(const struct pass_blocklist *bl, const char *f,
			  size_t n)
{
	if (!bl || !bl->cap || n == 0 || n > PASS_WORD_MAX)
		return false;
	return bl_find(bl, f, n, bl_hash(f, n))->word != NULL;
}

/* Returns a new, empty set; NULL on OOM. The caller frees it with
 * pass_blocklist_free. */
struct pass_blocklist *pass_blocklist_new(void)
{
	return calloc(1, sizeof(struct pass_blocklist));
}

/* Adds w (n bytes, case-folded). Returns 0 (also when the word is empty,
 * longer than 128 bytes, or already present), EL_ENOMEM, or EL_ETOOBIG
 * once the set holds PASS_BLOCKLIST_MAX words. The set copies the word. */
int pass_blocklist_add(struct pass_blocklist *bl, const char *w, size_t n)
{
	if (!bl || (!w && n))
		return EL_EINVAL;
	int rc = bl_insert(bl, w, n);
	return rc < 0 ? rc : 0;
}

/* Adds the words of the text file at path, one per line. Lines that are
 * blank or start with '#' (john's "#!comment:" too) are skipped; CR, LF
 * and trailing blanks are removed; lines over 128 bytes are ignored.
 * Returns how many new words were added, or EL_EIO (errno kept) when the
 * file cannot be opened or read, EL_ENOMEM, EL_ETOOBIG, EL_EINVAL. On an
 * error the words read so far stay in the set. */
long pass_blocklist_load(struct pass_blocklist *bl, const char *path)
{
	if (!bl || !path)
		return EL_EINVAL;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return EL_EIO;
	char line[PASS_LINE_MAX] = {0};
	size_t len = 0;
	bool overlong = false, done = false;
	long added = 0;
	int rc = 0;
	while (!done) {
		int c = fgetc(fp);
		if (c != EOF && c != '\n') {
			if (len < sizeof(line))
				line[len++] = (char)c;
			else
				overlong = true;
			continue;
		}
		if (c == EOF)
			done = true;
		while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' ||
				   line[len - 1] == '\t'))
			len--;
		if (!overlong && len > 0 && line[0] != '#') {
			rc = bl_insert(bl, line, len);
			if (rc < 0)
				break;
			added += rc;
		}
		len = 0;
		overlong = false;
	}
	if (rc >= 0 && ferror(fp)) {
		int e = errno;
		fclose(fp);
		errno = e;
		return EL_EIO;
	}
	fclose(fp);
	return rc < 0 ? rc : added;
}

/* True when w (n bytes, any case) is in the set; false for a NULL set. */
bool pass_blocklist_has(const struct pass_blocklist *bl, const char *w, size_t n)
{
	char f[PASS_WORD_MAX];
	if (!w || n == 0 || n > PASS_WORD_MAX)
		return false;
	fold(f, w, n);
	bool hit = bl_has_folded(bl, f, n);
	wipe(f, n);
	return hit;
}

/* Number of distinct words in the set (0 for NULL). */
size_t pass_blocklist_size(const struct pass_blocklist *bl)
{
	return bl ? bl->count : 0;
}

/* Frees the set and every word in it; NULL is allowed. */
void pass_blocklist_free(struct pass_blocklist *bl)
{
	if (!bl)
		return;
	free(bl->slots);
	arena_free(&bl->mem);
	free(bl);
}

/* ---- character helpers --------------------------------------------------- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_hexc(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static bool is_alnum_ascii(char c) { return is_digit(c) || is_lower(c) ||
					    (c >= 'A' && c <= 'Z'); }
static bool is_punct_ascii(char c) { return ispunct((unsigned char)c) &&
					    (unsigned char)c < 0x80; }

static bool all_of(const char *s, size_t n, bool (*pred)(char))
{
	for (size_t i = 0; i < n; i++)
		if (!pred(s[i]))
			return false;
	return n > 0;
}

static size_t utf8_length(const char *s, size_t n)
{
	size_t cp = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cp++;
	return cp;
}

static int num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* ---- not assessable ------------------------------------------------------ */

static bool looks_encrypted(const char *s, size_t n)
{
	static const char salted[] = "U2FsdGVkX1";  /* base64("Salted__") */
	/* crypt(3) scheme ids (glibc, libxcrypt, BSD, Apache) */
	static const char *const ids[] = {
		"1", "2", "2a", "2b", "2x", "2y", "3", "5", "6", "7", "y", "gy",
		"md5", "sha1", "apr1", "argon2i", "argon2d", "argon2id",
	};
	if (n >= sizeof(salted) - 1 && memcmp(s, salted, sizeof(salted) - 1) == 0)
		return true;
	/* "$id$" then salt/hash in the crypt alphabet; real ones are 13+ long */
	if (n < 13 || s[0] != '$')
		return false;
	const char *end = memchr(s + 1, '$', n - 1);
	if (!end)
		return false;
	size_t idn = (size_t)(end - (s + 1));
	bool known = false;
	for (size_t k = 0; k < ARRAY_SIZE(ids); k++)
		if (strlen(ids[k]) == idn && memcmp(ids[k], s + 1, idn) == 0)
			known = true;
	if (!known)
		return false;
	for (size_t i = idn + 2; i < n; i++) {
		char c = s[i];
		if (!is_alnum_ascii(c) && c != '.' && c != '/' && c != '$' &&
		    c != '=' && c != ',' && c != '+' && c != '-')
			return false;
	}
	return true;
}

/* ---- patterns (on the case-folded copy) ----------------------------------- */

static bool pat_repeat(const char *s, size_t n)
{
	for (size_t b = 1; b <= n / 2; b++) {
		if (n % b == 0) {
			size_t i = b;
			while (i < n && s[i] == s[i - b])
				i++;
			if (i == n)
				return true;
		}
		/* B sep B [sep B …]: period b+1, n = k(b+1) - 1, k >= 2 */
		size_t p = b + 1;
		if ((n + 1) % p == 0 && (n + 1) / p >= 2) {
			char sep = s[b];
			if (is_alnum_ascii(sep) || (unsigned char)sep >= 0x80)
				continue;
			size_t i;
			for (i = 0; i < n; i++) {
				if (i % p == b ? s[i] != sep : s[i] != s[i % p])
					break;
			}
			if (i == n)
				return true;
		}
	}
	return false;
}

/* +1 / -1 when b follows / precedes a in 0-9 (wrapping) or a-z, else 0. */
static int seq_step(char a, char b)
{
	if (is_digit(a) && is_digit(b)) {
		int d = (b - a + 10) % 10;
		return d == 1 ? 1 : d == 9 ? -1 : 0;
	}
	if (is_lower(a) && is_lower(b))
		return b - a == 1 ? 1 : a - b == 1 ? -1 : 0;
	return 0;
}

static bool pat_sequence(const char *s, size_t n)
{
	size_t run = 1;
	int dir = 0;
	for (size_t i = 1; i < n; i++) {
		int st = seq_step(s[i - 1], s[i]);
		if (st != 0 && (st == dir || run == 1)) {
			run++;
			dir = st;
		} else if (st != 0) {
			run = 2;
			dir = st;
		} else {
			run = 1;
			dir = 0;
		}
		if (run >= 8)
			return true;
	}
	return false;
}

/* QWERTY key position: row 0-3 and x in quarter key widths. */
static bool key_pos(char c, int *row, int *x)
{
	static const char *const rows[2][4] = {
		{"`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./"},
		{"~!@#$%^&*()_+", "QWERTYUIOP{}|", "ASDFGHJKL:\"", "ZXCVBNM<>?"},
	};
	static const int off[4] = {0, 6, 7, 9};
	if (c == '\0')
		return false;
	for (int sh = 0; sh < 2; sh++)
		for (int r = 0; r < 4; r++) {
			const char *p = strchr(rows[sh][r], c);
			if (p) {
				*row = r;
				*x = (int)(p - rows[sh][r]) * 4 + off[r];
				return true;
			}
		}
	return false;
}

static bool keys_adjacent(char a, char b)
{
	int ra, xa, rb, xb;
	if (!key_pos(a, &ra, &xa) || !key_pos(b, &rb, &xb))
		return false;
	int dx = xa > xb ? xa - xb : xb - xa;
	if (ra == rb)
		return dx == 4;
	return (ra - rb == 1 || rb - ra == 1) && dx < 4;
}

static bool pat_keyboard(const char *s, size_t n)
{
	size_t run = 1;
	bool all_long = true;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && keys_adjacent(s[i - 1], s[i])) {
			run++;
			if (run >= 8)
				return true;
			continue;
		}
		if (run < 4)
			all_long = false;
		run = 1;
	}
	return all_long && n >= PASS_WPA_MIN;
}

static bool pat_phone(const char *s, size_t n)
{
	char d[16];
	size_t dn = 0;
	for (size_t i = 0; i < n; i++) {
		if (is_digit(s[i])) {
			if (dn == sizeof(d))
				return false;
			d[dn++] = s[i];
		} else if (s[i] != '-' && s[i] != ' ' && s[i] != '.') {
			return false;
		}
	}
	if (dn == 11)
		return d[0] == '0' && d[1] >= '7' && d[1] <= '9' && d[2] == '0';
	return dn == 10 && d[0] == '0';
}

static bool valid_ymd(int y, int m, int d)
{
	static const int len[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > len[m - 1])
		return false;
	if (m == 2 && d == 29)
		return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return true;
}

/* s: 8 digits as YYYYMMDD, DDMMYYYY or MMDDYYYY. */
static bool date8(const char *s)
{
	return valid_ymd(num(s, 4), num(s + 4, 2), num(s + 6, 2)) ||
	       valid_ymd(num(s + 4, 4), num(s + 2, 2), num(s, 2)) ||
	       valid_ymd(num(s + 4, 4), num(s, 2), num(s + 2, 2));
}

static bool pat_date(const char *s, size_t n)
{
	if (n == 8 && all_of(s, n, is_digit))
		return date8(s);
	if (n == 10 && all_of(s, n, is_digit))
		return date8(s) || date8(s + 1) || date8(s + 2);
	if (n == 10) {
		char d[8];
		if (s[4] != '\0' && s[4] == s[7] && strchr("-/.", s[4])) {
			/* YYYY-MM-DD */
			memcpy(d, s, 4);
			memcpy(d + 4, s + 5, 2);
			memcpy(d + 6, s + 8, 2);
		} else if (s[2] != '\0' && s[2] == s[5] && strchr("-/.", s[2])) {
			/* DD-MM-YYYY or MM-DD-YYYY */
			memcpy(d, s, 2);
			memcpy(d + 2, s + 3, 2);
			memcpy(d + 4, s + 6, 4);
		} else {
			return false;
		}
		return all_of(d, 8, is_digit) && date8(d);
	}
	return false;
}

static bool pat_word_digits(const char *s, size_t n)
{
	size_t l = 0;
	while (l < n && is_lower(s[l]))
		l++;
	size_t d = n - l;
	return l >= 1 && l <= 8 && d >= 1 && d <= 4 && all_of(s + l, d, is_digit);
}

/* ---- blocklist with stems ------------------------------------------------- */

static bool blocklist_hit(const struct pass_blocklist *bl, const char *s,
			  size_t n)
{
	if (!bl || bl->count == 0)
		return false;
	if (bl_has_folded(bl, s, n))
		return true;
	size_t leads[3], nl = 0;
	leads[nl++] = 0;
	size_t p = 0;
	while (p < n && p < 4 && is_punct_ascii(s[p]))
		p++;
	if (p > 0 && (p == n || !is_punct_ascii(s[p])))
		leads[nl++] = p;
	if (n > 4 && all_of(s, 4, is_digit) && !is_digit(s[4]) &&
	    num(s, 4) >= 1900 && num(s, 4) <= 2099)
		leads[nl++] = 4;
	for (size_t li = 0; li < nl; li++) {
		const char *b = s + leads[li];
		size_t m = n - leads[li];
		size_t tails[3], nt = 0;
		size_t t = 0;
		while (t < m && is_punct_ascii(b[m - 1 - t]))
			t++;
		tails[nt++] = t;
		t = 0;
		while (t < m && is_digit(b[m - 1 - t]))
			t++;
		tails[nt++] = t;
		t = 0;
		while (t < m && (is_digit(b[m - 1 - t]) || is_punct_ascii(b[m - 1 - t])))
			t++;
		tails[nt++] = t;
		for (size_t ti = 0; ti < nt; ti++) {
			size_t k = tails[ti];
			if (k > 6 || m - k < 3 || (k == 0 && li == 0))
				continue;
			if (bl_has_folded(bl, b, m - k))
				return true;
		}
	}
	return false;
}

/* ---- context words -------------------------------------------------------- */

/* Needles: case-folded, NUL-terminated words that the passphrase must not
 * contain; also the zxcvbn user dictionary (ptr is NULL-terminated). */
struct needles {
	char buf[PASS_CTX_COPIES][PASS_WORD_MAX + 1];
	size_t ncopies;
	const char *ptr[PASS_USER_WORDS + 1];
	size_t len[PASS_USER_WORDS];
	size_t n;
};

static bool needle_known(const struct needles *nd, const char *f, size_t n)
{
	for (size_t i = 0; i < nd->n; i++)
		if (nd->len[i] == n && memcmp(nd->ptr[i], f, n) == 0)
			return true;
	return false;
}

/* Adds a word that is already folded and NUL-terminated (kept by pointer). */
static void needle_add_folded(struct needles *nd, const char *f, size_t n)
{
	if (n < 4 || nd->n >= PASS_USER_WORDS || needle_known(nd, f, n))
		return;
	nd->ptr[nd->n] = f;
	nd->len[nd->n] = n;
	nd->n++;
	nd->ptr[nd->n] = NULL;
}

/* Adds a copy of w folded. */
static void needle_add_copy(struct needles *nd, const char *w, size_t n)
{
	if (n < 4 || n > PASS_WORD_MAX || nd->ncopies >= PASS_CTX_COPIES ||
	    nd->n >= PASS_USER_WORDS)
		return;
	char *d = nd->buf[nd->ncopies];
	fold(d, w, n);
	d[n] = '\0';
	if (needle_known(nd, d, n))
		return;
	nd->ncopies++;
	needle_add_folded(nd, d, n);
}

/* Context words whole, then their tokens split on ASCII non-alphanumerics
 * (bytes >= 0x80 count as letters, so Japanese SSIDs stay whole), then
 * the vendor/product words of the set. */
static void needles_build(struct needles *nd, const char *const *context,
			  const struct pass_blocklist *vendor)
{
	nd->n = 0;
	nd->ncopies = 0;
	nd->ptr[0] = NULL;
	for (size_t i = 0; context && context[i]; i++) {
		const char *c = context[i];
		size_t cn = strlen(c);
		needle_add_copy(nd, c, cn);
		size_t j = 0;
		while (j < cn) {
			while (j < cn && is_alnum_ascii(c[j]) == false &&
			       (unsigned char)c[j] < 0x80)
				j++;
			size_t st = j;
			while (j < cn && (is_alnum_ascii(c[j]) ||
					  (unsigned char)c[j] >= 0x80))
				j++;
			needle_add_copy(nd, c + st, j - st);  /* dups dropped */
		}
	}
	if (vendor)
		for (size_t i = 0; i < vendor->cap; i++)
			if (vendor->slots[i].word)
				needle_add_folded(nd, vendor->slots[i].word,
						  vendor->slots[i].len);
}

static bool context_hit(const struct needles *nd, const char *s, size_t n)
{
	for (size_t i = 0; i < nd->n; i++)
		if (str_icontains(s, n, nd->ptr[i], nd->len[i]))
			return true;
	return false;
}

/* ---- zxcvbn ---------------------------------------------------------------- */

/* zxcvbn bits for s (n <= 63 bytes, may hold NUL: mapped to 0x01). For
 * text with non-ASCII code points the result is capped, see the top. */
static double entropy_bits(const char *s, size_t n, struct needles *nd)
{
	char z[PASS_WPA_MAX + 1];
	char a[PASS_WPA_MAX + 1];
	size_t an = 0, nonascii = 0;
	const char **dict = nd->ptr;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		z[i] = c ? (char)c : '\x01';
		if (c < 0x80)
			a[an++] = z[i];
		else if ((c & 0xC0) != 0x80)
			nonascii++;
	}
	z[n] = '\0';
	a[an] = '\0';
	double bits = ZxcvbnMatch(z, dict, NULL);
	if (nonascii) {
		double cap = (an ? ZxcvbnMatch(a, dict, NULL) : 0.0) +
			     PASS_NONASCII_BITS * (double)nonascii;
		if (cap < bits)
			bits = cap;
	}
	wipe(z, sizeof(z));
	wipe(a, sizeof(a));
	return bits;
}

/* ---- factory label shape ---------------------------------------------------- */

static bool factory_like(const char *orig, size_t n)
{
	if (n == 13) {
		bool letter = false, digit = false;
		for (size_t i = 0; i < n; i++) {
			if (is_lower(orig[i]))
				letter = true;
			else if (is_digit(orig[i]))
				digit = true;
			else
				return false;
		}
		return letter && digit;
	}
	return (n == 10 || n == 26) && all_of(orig, n, is_hexc);
}

/* ---- judge -------------------------------------------------------------- */

static void set(struct pass_result *out, enum pass_verdict v,
		enum pass_reason r)
{
	out->verdict = v;
	out->reason = r;
}

static enum pass_reason first_pattern(const char *f, size_t n)
{
	if (pat_repeat(f, n))
		return PR_REPEAT;
	if (pat_sequence(f, n))
		return PR_SEQUENCE;
	if (pat_keyboard(f, n))
		return PR_KEYBOARD;
	if (pat_phone(f, n))
		return PR_PHONE;
	if (pat_date(f, n))
		return PR_DATE;
	if (n <= 12 && all_of(f, n, is_digit))
		return PR_ALL_DIGITS;
	if (pat_word_digits(f, n))
		return PR_WORD_DIGITS;
	return PR_NONE;
}

/* Judges pw (n bytes; NUL and any other byte allowed) and fills *out
 * (verdict, reason, length in UTF-8 code points, zxcvbn bits or 0).
 * context: NULL-terminated list of owner words (SSID, model…) or NULL.
 * cfg may be NULL (min length 12, 45 bits, no lists). No part of pw is
 * kept: the working copies are wiped before return. */
void pass_judge(const char *pw, size_t n, const char *const *context,
		const struct pass_config *cfg, struct pass_result *out)
{
	unsigned min_len = cfg ? cfg->min_length : PASS_DEFAULT_MIN_LENGTH;
	double bar = cfg ? cfg->fail_below_bits : PASS_DEFAULT_FAIL_BELOW;
	const struct pass_blocklist *bl = cfg ? cfg->blocklist : NULL;
	const struct pass_blocklist *vendor = cfg ? cfg->context_words : NULL;

	out->verdict = PASS_STRONG;
	out->reason = PR_NONE;
	out->length = pw ? utf8_length(pw, n) : 0;
	out->bits = 0;
	if (!pw || n == 0) {
		set(out, PASS_UNKNOWN, PR_EMPTY);
		return;
	}
	if (looks_encrypted(pw, n)) {
		set(out, PASS_UNKNOWN, PR_ENCRYPTED);
		return;
	}

	char f[PASS_WPA_MAX + 1 + 1];  /* folded copy; 64 for the raw PSK */
	if (n == 64 && all_of(pw, n, is_hexc)) {
		fold(f, pw, n);
		if (pat_repeat(f, n))
			set(out, PASS_WEAK, PR_REPEAT);
		wipe(f, n);
		return;
	}
	if (out->length < PASS_WPA_MIN) {
		set(out, PASS_WEAK, PR_INVALID_SHORT);
		return;
	}
	if (n > PASS_WPA_MAX) {
		set(out, PASS_WEAK, PR_INVALID_LONG);
		return;
	}

	fold(f, pw, n);
	struct needles nd;
	needles_build(&nd, context, vendor);
	out->bits = entropy_bits(pw, n, &nd);

	enum pass_reason r = PR_NONE;
	if (blocklist_hit(bl, f, n))
		r = PR_BLOCKLIST;
	else if (context_hit(&nd, f, n))
		r = PR_CONTEXT_WORD;
	else if ((r = first_pattern(f, n)) != PR_NONE)
		;
	else if (out->length < min_len)
		r = PR_SHORT;
	else if (out->bits < bar)
		r = PR_LOW_ENTROPY;

	if (r != PR_NONE)
		set(out, PASS_WEAK, r);
	else if (factory_like(pw, n))
		set(out, PASS_FACTORY_LIKE, PR_FACTORY_LABEL);
	wipe(f, sizeof(f));
}

/* One table gives every reason its stable name (kebab-case). */
static const char *const reason_names[PR_COUNT] = {
	[PR_NONE] = "none",
	[PR_EMPTY] = "empty",
	[PR_ENCRYPTED] = "encrypted",
	[PR_INVALID_SHORT] = "invalid-short",
	[PR_INVALID_LONG] = "invalid-long",
	[PR_BLOCKLIST] = "blocklist",
	[PR_CONTEXT_WORD] = "context-word",
	[PR_ALL_DIGITS] = "all-digits",
	[PR_DATE] = "date",
	[PR_PHONE] = "phone",
	[PR_REPEAT] = "repeat",
	[PR_SEQUENCE] = "sequence",
	[PR_KEYBOARD] = "keyboard",
	[PR_WORD_DIGITS] = "word-digits",
	[PR_SHORT] = "short",
	[PR_LOW_ENTROPY] = "low-entropy",
	[PR_FACTORY_LABEL] = "factory-label",
};

/* Returns the stable name of r, or "unknown" for a value out of range.
 * The string is static. */
const char *pass_reason_name(enum pass_reason r)
{
	if ((unsigned)r >= PR_COUNT || !reason_names[r])
		return "unknown";
	return reason_names[r];
}
