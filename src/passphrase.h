/*
 * passphrase.h — judges how guessable a Wi-Fi passphrase is, without ever
 * putting the passphrase (or any part of it) into a result.
 *
 * The checks run in a fixed order and the first that matches decides
 * the verdict: not assessable (empty, encrypted blob) -> raw 64-hex PSK
 * -> invalid length -> blocklist -> context words (SSID, vendor, model)
 * -> patterns -> short -> zxcvbn entropy -> factory-label shape (only a
 * key that passed every weak check can be factory-like).
 * Thresholds and list files come from rules/passphrase.yaml.
 */
#ifndef EDGELINT_PASSPHRASE_H
#define EDGELINT_PASSPHRASE_H

#include <stdbool.h>
#include <stddef.h>

enum pass_verdict {
	PASS_STRONG,       /* nothing found; entropy above the bar */
	PASS_WEAK,         /* a third party could guess it: fail */
	PASS_FACTORY_LIKE, /* shaped like a factory label key: warn */
	PASS_UNKNOWN,      /* cannot be judged (empty, encrypted) */
};

/* Why; each value is one message variant of a rule in rules/rules.yaml. */
enum pass_reason {
	PR_NONE,
	PR_EMPTY,          /* unknown: no passphrase given */
	PR_ENCRYPTED,      /* unknown: an encrypted or hashed blob */
	PR_INVALID_SHORT,  /* weak: fewer than 8 characters (WPA minimum) */
	PR_INVALID_LONG,   /* weak: over 63 characters and not 64 hex digits */
	PR_BLOCKLIST,      /* weak: on a common-password list */
	PR_CONTEXT_WORD,   /* weak: contains the SSID, vendor or model name */
	PR_ALL_DIGITS,     /* weak: only digits (12 or fewer) */
	PR_DATE,           /* weak: a date such as 19871207 */
	PR_PHONE,          /* weak: a Japanese phone number */
	PR_REPEAT,         /* weak: one character or block repeated */
	PR_SEQUENCE,       /* weak: an ascending or descending run */
	PR_KEYBOARD,       /* weak: a keyboard row or walk */
	PR_WORD_DIGITS,    /* weak: a word followed by a few digits */
	PR_SHORT,          /* weak: shorter than the policy minimum */
	PR_LOW_ENTROPY,    /* weak: zxcvbn estimate below the bar */
	PR_FACTORY_LABEL,  /* factory-like: 13 lowercase alphanumerics, 10/26 hex */
	PR_COUNT
};

struct pass_blocklist;  /* opaque: a hashed set of lower-case words */

struct pass_config {
	unsigned min_length;        /* policy passphrase_min_length (default 12) */
	double fail_below_bits;     /* zxcvbn bits below which -> weak */
	const struct pass_blocklist *blocklist;  /* may be NULL */
	/* Vendor/product words (rules/passphrase-context-words.txt) that no
	 * passphrase may contain; loaded with pass_blocklist_load. May be NULL. */
	const struct pass_blocklist *context_words;
};

struct pass_result {
	enum pass_verdict verdict;
	enum pass_reason reason;
	size_t length;              /* characters (UTF-8 code points) */
	double bits;                /* zxcvbn estimate; 0 when not computed */
};

/* Creates an empty blocklist; NULL on OOM. Free with pass_blocklist_free. */
struct pass_blocklist *pass_blocklist_new(void);
/* Adds the words of a text file (one per line; lines starting with '#' and
 * blank lines skipped; "#!comment" as in john's list too). Returns the number
 * of words added, or a negative EL_E* code (errno is kept for EL_EIO). */
long pass_blocklist_load(struct pass_blocklist *bl, const char *path);
/* Adds one word (case-folded); 0 or EL_ENOMEM, or EL_ETOOBIG when the set
 * already holds its maximum number of words. Empty words and words longer
 * than 128 bytes are ignored (0). */
int pass_blocklist_add(struct pass_blocklist *bl, const char *w, size_t n);
/* True when the word (case-folded) is in the list. */
bool pass_blocklist_has(const struct pass_blocklist *bl, const char *w, size_t n);
size_t pass_blocklist_size(const struct pass_blocklist *bl);
void pass_blocklist_free(struct pass_blocklist *bl);

/* Judges pw (n bytes, may contain any byte). context is a NULL-terminated
 * list of words the owner is likely to reuse (SSID, vendor, model); may be
 * NULL. Never stores pw beyond the call. */
void pass_judge(const char *pw, size_t n, const char *const *context,
		const struct pass_config *cfg, struct pass_result *out);

/* Stable name of a reason ("blocklist", "all-digits"…), used as the
 * message variant in the rule registry. */
const char *pass_reason_name(enum pass_reason r);

#endif
