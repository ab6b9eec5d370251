/*
 * router_facts.c — parser for the router facts file (kind "router-facts").
 *
 * The file is YAML written by hand, so every mistake is reported with its
 * line and what was expected, and the rest of the file is still read.
 * Unknown keys and unreadable values are errors (exit 2): a typo such as
 * "pasphrase" must not silently turn a check into "not assessed".
 * Passphrases are registered as secrets of the input at once.
 */
#define _GNU_SOURCE   /* memmem */
#include "router_facts.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../src/secrets.h"
#include "../src/ytree.h"
#include "parsers.h"

/* ---- security labels ------------------------------------------------- *
 * The reading (documented in the README, "Security labels"); what each
 * token means and the whole labels seen on makers' admin pages are data,
 * rules/wifi-labels.yaml (struct wifi_labels):
 *  - the label is split into tokens at anything but letters and digits
 *    (full-width ASCII counts as ASCII; Japanese words are tokens too);
 *    "WPA2PSK" is read as WPA2 + PSK;
 *  - a label equal, token for token, to one seen on an admin page is read
 *    as the data says (ASUS "Shared Key" is WEP);
 *  - otherwise: WEP anywhere -> wep; OWE or "Enhanced Open" -> owe;
 *    open-words alone -> open; WPA/WPA1, WPA2, WPA3 (SAE counts as WPA3)
 *    give the versions allowed; MIXED without WPA3 means WPA + WPA2, and
 *    any mode that allows WPA1 is wpa-wpa2 (or wpa), never plain WPA2;
 *    the enterprise words give the enterprise variant; AES/TKIP name the
 *    ciphers; noise words carry no meaning;
 *  - any other token makes the label unknown (never guessed); the error
 *    then lists the nearest labels of the data.
 */

/* Labels longer than this (as tokens joined by blanks) are not labels. */
#define LABEL_KEY_MAX 128

/* The next token of s[0..n) from *pos into tok (cap bytes): upper-case
 * ASCII, or the bytes of a run of non-ASCII text. 1: a token (its length
 * in *tlen), 0: no more tokens, -1: a token longer than cap. */
static int label_next(const char *s, size_t n, size_t *pos, char *tok, size_t cap,
		      size_t *tlen)
{
	size_t tn = 0, i = *pos;
	bool tok_ascii = true;
	for (;;) {
		int c = -1;          /* ASCII character of this step, or -1 */
		size_t adv = 1;
		bool sep = false, multibyte = false;
		if (i >= n) {
			sep = true;
		} else {
			unsigned char b = (unsigned char)s[i];
			if (b < 0x80) {
				if (isalnum(b) || (b == '.' && tn && tok_ascii))
					c = toupper(b);
				else
					sep = true;
			} else if (b == 0xEF && i + 2 < n &&
				   (unsigned char)s[i + 1] == 0xBC &&
				   (unsigned char)s[i + 2] >= 0x81) {
				/* Full-width U+FF01..U+FF3F -> ASCII. */
				int a = 0x21 + ((unsigned char)s[i + 2] - 0x81);
				adv = 3;
				if (isalnum(a))
					c = toupper(a);
				else
					sep = true;
			} else if (b == 0xEF && i + 2 < n &&
				   (unsigned char)s[i + 1] == 0xBD &&
				   (unsigned char)s[i + 2] >= 0x80 &&
				   (unsigned char)s[i + 2] <= 0x9E) {
				int a = 0x60 + ((unsigned char)s[i + 2] - 0x80);
				adv = 3;
				if (isalnum(a))
					c = toupper(a);
				else
					sep = true;
			} else if (b == 0xE3 && i + 2 < n &&
				   (((unsigned char)s[i + 1] == 0x80 &&
				     (unsigned char)s[i + 2] == 0x80) ||
				    ((unsigned char)s[i + 1] == 0x83 &&
				     (unsigned char)s[i + 2] == 0xBB))) {
				adv = 3;   /* ideographic space, 「・」 */
				sep = true;
			} else {
				multibyte = true;
				adv = (b >= 0xF0) ? 4 : (b >= 0xE0) ? 3 : (b >= 0xC0) ? 2 : 1;
				if (i + adv > n)
					adv = n - i;
			}
		}
		bool kind_change = tn && ((c >= 0 && !tok_ascii) || (multibyte && tok_ascii));
		if (sep || kind_change) {
			if (tn) {
				/* A separator is used up; a change of script starts
				 * the next token. */
				*pos = (sep && i < n) ? i + adv : i;
				*tlen = tn;
				return 1;
			}
			if (i >= n) {
				*pos = n;
				return 0;
			}
			i += adv;
			continue;
		}
		if (tn + adv >= cap)
			return -1;
		if (c >= 0) {
			tok[tn++] = (char)c;
			tok_ascii = true;
		} else {
			memcpy(tok + tn, s + i, adv);
			tn += adv;
			tok_ascii = false;
		}
		i += adv;
	}
}

/* Returns the meaning (WL_*) of one token, or 0 when the token is unknown. */
static unsigned label_token_flag(const struct wifi_labels *wl, const char *t, size_t n)
{
	for (size_t i = 0; i < wl->ntokens; i++)
		if (strlen(wl->tokens[i].tok) == n && memcmp(wl->tokens[i].tok, t, n) == 0)
			return wl->tokens[i].bits;
	/* "WPA2PSK", "WPA2AES": a version glued to another token. */
	if (n > 4 && memcmp(t, "WPA", 3) == 0 && t[3] >= '1' && t[3] <= '3') {
		unsigned rest = label_token_flag(wl, t + 4, n - 4);
		unsigned v = label_token_flag(wl, t, 4);
		return rest && v ? (rest | v) : 0;
	}
	if (n > 3 && memcmp(t, "WPA", 3) == 0 && !(t[3] >= '0' && t[3] <= '9')) {
		unsigned rest = label_token_flag(wl, t + 3, n - 3);
		unsigned v = label_token_flag(wl, t, 3);
		return rest && v ? (rest | v) : 0;
	}
	return 0;
}

/* ORs the meanings of the tokens of s; returns 0 on an unknown token
 * (and *unknown is set). */
static unsigned label_flags(const struct wifi_labels *wl, const char *s, size_t n,
			    bool *unknown)
{
	char tok[64];
	size_t pos = 0, tn = 0;
	unsigned flags = 0;
	int r;
	*unknown = false;
	while ((r = label_next(s, n, &pos, tok, sizeof(tok), &tn)) == 1) {
		unsigned f = label_token_flag(wl, tok, tn);
		if (!f)
			break;
		flags |= f;
	}
	if (r != 0) {
		*unknown = true;
		return 0;
	}
	return flags;
}

/* The tokens of s joined by single blanks ("WPA WPA2 PSK AES") into key
 * (LABEL_KEY_MAX bytes); its length, or -1 when it does not fit. */
static int label_key(const char *s, size_t n, char *key)
{
	char tok[64];
	size_t pos = 0, tn = 0, kn = 0;
	int r;
	while ((r = label_next(s, n, &pos, tok, sizeof(tok), &tn)) == 1) {
		if (kn + (kn > 0) + tn >= LABEL_KEY_MAX)
			return -1;
		if (kn)
			key[kn++] = ' ';
		memcpy(key + kn, tok, tn);
		kn += tn;
	}
	if (r != 0)
		return -1;
	key[kn] = '\0';
	return (int)kn;
}

/* The label of the data that s equals token for token, or NULL. */
static const struct wifi_label_seen *label_seen(const struct wifi_labels *wl, const char *s,
						size_t n)
{
	char key[LABEL_KEY_MAX], k2[LABEL_KEY_MAX];
	if (label_key(s, n, key) <= 0)
		return NULL;
	for (size_t i = 0; i < wl->nlabels; i++)
		if (label_key(wl->labels[i].label, strlen(wl->labels[i].label), k2) > 0 &&
		    strcmp(key, k2) == 0)
			return &wl->labels[i];
	return NULL;
}

static enum wifi_cipher cipher_from_flags(unsigned f)
{
	if ((f & WL_AES) && (f & WL_TKIP))
		return WCIPH_TKIP_AES;
	if (f & WL_TKIP)
		return WCIPH_TKIP;
	if (f & WL_AES)
		return WCIPH_AES;
	return WCIPH_UNSET;
}

/* The mode the meanings f allow (WSEC_UNKNOWN when they name none). */
static enum wifi_sec mode_from_flags(unsigned f)
{
	bool w1 = f & WL_W1, w2 = f & WL_W2, w3 = f & (WL_W3 | WL_SAE);
	if (f & WL_WEP)
		return WSEC_WEP;
	if ((f & WL_OWE) || ((f & WL_ENHANCED) && (f & WL_OPEN)))
		return WSEC_OWE;
	if (f & WL_ENHANCED)
		return WSEC_UNKNOWN;
	if (f & WL_OPEN)
		return (w1 || w2 || w3 || (f & WL_ENT)) ? WSEC_UNKNOWN : WSEC_OPEN;
	if ((f & WL_MIXED) && !w1 && !w3) {
		w1 = true;
		w2 = true;
	}
	if (!w1 && !w2 && !w3)
		return WSEC_UNKNOWN;   /* "PSK", "AES" or "Enterprise" alone */
	/* WPA1 allowed: judged as what it allows, whatever else is named. */
	if (w1)
		return (w2 || w3) ? WSEC_WPA_WPA2 : WSEC_WPA;
	if (f & WL_ENT)
		return w3 && !w2 ? WSEC_WPA3_ENT : WSEC_WPA2_ENT;
	if (w2 && w3)
		return WSEC_WPA2_WPA3;
	return w3 ? WSEC_WPA3 : WSEC_WPA2;
}

enum wifi_sec facts_security_label(const struct wifi_labels *wl, const char *s, size_t n,
				   enum wifi_cipher *cipher)
{
	const struct wifi_label_seen *seen = label_seen(wl, s, n);
	if (seen) {
		if (seen->cipher != WCIPH_UNSET && cipher)
			*cipher = seen->cipher;
		return seen->mode;
	}
	bool unknown;
	unsigned f = label_flags(wl, s, n, &unknown);
	if (unknown || !f)
		return WSEC_UNKNOWN;
	enum wifi_sec m = mode_from_flags(f);
	enum wifi_cipher c = cipher_from_flags(f);
	if (m != WSEC_UNKNOWN && c != WCIPH_UNSET && cipher)
		*cipher = c;
	return m;
}

enum wifi_cipher facts_cipher(const struct wifi_labels *wl, const char *s, size_t n)
{
	bool unknown;
	unsigned f = label_flags(wl, s, n, &unknown);
	if (unknown || (f & ~(unsigned)(WL_AES | WL_TKIP | WL_NOISE)))
		return WCIPH_UNSET;
	return cipher_from_flags(f);
}

/* Edit distance of a[0..an) and b[0..bn) (bytes; both < LABEL_KEY_MAX). */
static size_t edit_distance(const char *a, size_t an, const char *b, size_t bn)
{
	size_t row[LABEL_KEY_MAX + 1];
	for (size_t j = 0; j <= bn; j++)
		row[j] = j;
	for (size_t i = 1; i <= an; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= bn; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[bn];
}

/* How many tokens of the key a (blank-separated) are tokens of b too. */
static size_t shared_tokens(const char *a, const char *b)
{
	size_t shared = 0;
	while (*a) {
		size_t an = strcspn(a, " ");
		for (const char *p = b; *p;) {
			size_t bn = strcspn(p, " ");
			if (bn == an && memcmp(p, a, an) == 0) {
				shared++;
				break;
			}
			p += bn + (p[bn] == ' ');
		}
		a += an + (a[an] == ' ');
	}
	return shared;
}

size_t facts_label_nearest(const struct wifi_labels *wl, const char *s, size_t n,
			   const char **out, size_t max)
{
	char key[LABEL_KEY_MAX], k2[LABEL_KEY_MAX];
	/* Nearest: most tokens in common, then the smallest edit distance
	 * (scored as one number: shared tokens weigh more than any distance). */
	size_t dist[FACTS_NEAREST_MAX];
	size_t kn = 0, got = 0;
	int r = label_key(s, n, key);
	if (r > 0)
		kn = (size_t)r;
	else
		key[0] = '\0';   /* unreadable: the labels in the data's order */
	if (max > FACTS_NEAREST_MAX)
		max = FACTS_NEAREST_MAX;
	for (size_t i = 0; i < wl->nlabels && max; i++) {
		const char *lab = wl->labels[i].label;
		int r2 = label_key(lab, strlen(lab), k2);
		if (r2 <= 0)
			continue;
		size_t d = edit_distance(key, kn, k2, (size_t)r2) +
			   (LABEL_KEY_MAX + 1) * (kn / 2 + 1 - shared_tokens(key, k2));
		/* One entry per spelling (two makers may print the same). */
		bool dup = false;
		for (size_t j = 0; j < got && !dup; j++) {
			char k3[LABEL_KEY_MAX];
			dup = label_key(out[j], strlen(out[j]), k3) == r2 && strcmp(k3, k2) == 0;
		}
		if (dup)
			continue;
		size_t at = got;
		while (at > 0 && dist[at - 1] > d)
			at--;
		if (at >= max)
			continue;
		size_t last = got < max ? got : max - 1;
		for (size_t j = last; j > at; j--) {
			out[j] = out[j - 1];
			dist[j] = dist[j - 1];
		}
		out[at] = lab;
		dist[at] = d;
		if (got < max)
			got++;
	}
	return got;
}

/* ---- the file --------------------------------------------------------- */

#define FACTS_MAX_BYTES (2u << 20)
/* No value an admin copies off a status page is longer than this. */
#define FACTS_MAX_VALUE 1024

static const struct {
	const char *id, *display;
	const char *const names[6];
} facts_vendors[] = {
	{"buffalo", "Buffalo", {"buffalo", "\xE3\x83\x90\xE3\x83\x83\xE3\x83\x95\xE3\x82\xA1\xE3\x83\xAD\xE3\x83\xBC", "airstation", NULL}},
	{"nec", "NEC", {"nec", "necaterm", "aterm", NULL}},
	{"iodata", "I-O DATA", {"iodata", "\xE3\x82\xA2\xE3\x82\xA4\xE3\x83\xBB\xE3\x82\xAA\xE3\x83\xBC\xE3\x83\xBB\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF", NULL}},
	{"elecom", "ELECOM", {"elecom", "\xE3\x82\xA8\xE3\x83\xAC\xE3\x82\xB3\xE3\x83\xA0", NULL}},
	{"tp-link", "TP-Link", {"tplink", NULL}},
	{"asus", "ASUS", {"asus", NULL}},
	{"openwrt", "OpenWrt", {"openwrt", NULL}},
	{"other", "other", {"other", NULL}},
};

struct fctx {
	struct input *in;
};

/* A value as diagnostics may quote it: whole, or not at all. A value cut
 * short could carry part of a passphrase past the masking, which matches
 * whole secrets only; so long values are described by their length. */
#define QUOTE_MAX 60
static const char *quotable(struct input *in, const char *s)
{
	size_t n = strnlen(s, QUOTE_MAX + 1);
	if (n <= QUOTE_MAX)
		return s;
	const char *d = arena_printf(&in->arena, "(a value of %zu bytes)", strlen(s));
	return d ? d : "(a long value)";
}

/* s with every occurrence of the network's passphrase sec (slen bytes)
 * replaced by SECRET_MASK, built here where both are known: a label the
 * admin typed (security:) that holds the passphrase — spelt with YAML
 * escapes, so its bytes never appear as such in the file — is quoted
 * without it by construction (found by fuzz_facts, 2026-12-07). s itself
 * when the passphrase is not in it; NULL only when out of memory. */
static const char *facts_without_pass(struct input *in, const char *s, const char *sec,
				      size_t slen)
{
	if (!s || !sec || slen == 0)
		return s;
	size_t n = strlen(s);
	struct secret_run spans[16];
	size_t ns = 0;
	for (const char *p = s; ns < ARRAY_SIZE(spans) &&
				(p = memmem(p, n - (size_t)(p - s), sec, slen)) != NULL;
	     p += slen)
		spans[ns++] = (struct secret_run){(size_t)(p - s), (size_t)(p - s) + slen};
	if (ns == 0)
		return s;
	if (ns == ARRAY_SIZE(spans))
		return "(a value that holds the passphrase)";   /* never quoted in part */
	return evidence_line_masked(&in->arena, s, n, spans, ns);
}

static bool key_known(const char *k, const char *const *allowed)
{
	for (size_t i = 0; allowed[i]; i++)
		if (strcmp(k, allowed[i]) == 0)
			return true;
	return false;
}

static void check_keys(struct input *in, const struct ynode *m,
		       const char *const *allowed, const char *where, const char *where_ja)
{
	for (size_t i = 0; i < m->n; i++) {
		if (key_known(m->keys[i]->str, allowed))
			continue;
		char list[300] = "";
		for (size_t j = 0; allowed[j]; j++) {
			strncat(list, j ? ", " : "", sizeof(list) - strlen(list) - 1);
			strncat(list, allowed[j], sizeof(list) - strlen(list) - 1);
		}
		input_diag(in, DIAG_ERROR, m->keys[i]->line, m->keys[i]->col,
			   "unknown key '%1$s' in %2$s (expected one of: %3$s)%4$.0s",
			   "%4$s に知らないキー '%1$s' があります（使えるキー: %3$s）%2$.0s",
			   quotable(in, m->keys[i]->str), where, list, where_ja);
	}
}

/* A scalar value as text; diagnoses other node kinds. */
static bool facts_text(struct input *in, const struct ynode *v, const char *key,
		       struct sval *out)
{
	if (!v || yscalar_is_null(v))
		return false;
	if (v->kind != Y_SCALAR) {
		input_diag(in, DIAG_ERROR, v->line, v->col,
			   "'%s' must be a single value, not %s",
			   "'%s' には一つの値を書いてください（%s ではなく）", key, ynode_kind_name(v));
		return false;
	}
	if (v->len > FACTS_MAX_VALUE) {
		input_diag(in, DIAG_ERROR, v->line, v->col,
			   "the value of '%s' is %zu bytes long; the limit is %d",
			   "'%s' の値が %zu バイトあります。上限は %d バイトです", key, v->len,
			   FACTS_MAX_VALUE);
		return false;
	}
	out->s = v->str;
	out->line = v->line;
	return true;
}

/* Booleans: YAML's words, plus 有効/無効 as admin pages write them. */
static bool facts_bool(struct input *in, const struct ynode *v, const char *key,
		       enum tri *out, unsigned *line)
{
	if (!v || yscalar_is_null(v))
		return false;
	bool b;
	if (yscalar_bool(v, &b) == 0) {
		*out = b ? TRI_YES : TRI_NO;
	} else if (v->kind == Y_SCALAR && (strcmp(v->str, "\xE6\x9C\x89\xE5\x8A\xB9") == 0 ||
					    strcmp(v->str, "\xE3\x82\xAA\xE3\x83\xB3") == 0)) {
		*out = TRI_YES;   /* 有効, オン */
	} else if (v->kind == Y_SCALAR && (strcmp(v->str, "\xE7\x84\xA1\xE5\x8A\xB9") == 0 ||
					    strcmp(v->str, "\xE3\x82\xAA\xE3\x83\x95") == 0)) {
		*out = TRI_NO;    /* 無効, オフ */
	} else {
		input_diag(in, DIAG_ERROR, v->line, v->col,
			   "'%s' must be true or false",
			   "'%s' は true か false（有効 か 無効）にしてください", key);
		return false;
	}
	if (line)
		*line = v->line;
	return true;
}

static void facts_vendor(struct input *in, const struct ynode *v)
{
	struct device *d = &in->dev;
	if (!facts_text(in, v, "vendor", &d->vendor))
		return;
	char key[64];
	model_key(key, sizeof(key), d->vendor.s);
	for (size_t i = 0; i < ARRAY_SIZE(facts_vendors); i++) {
		for (size_t j = 0; facts_vendors[i].names[j]; j++) {
			if (strcmp(key, facts_vendors[i].names[j]) == 0) {
				d->vendor.s = facts_vendors[i].id;
				d->vendor_display = facts_vendors[i].display;
				return;
			}
		}
	}
	input_diag(in, DIAG_NOTE, v->line, v->col,
		   "vendor '%s' is not one edgelint has data for; it is treated as 'other'",
		   "メーカー '%s' は edgelint のデータにないため 'other' として扱います",
		   quotable(in, v->str));
	d->vendor_display = d->vendor.s;
	d->vendor.s = "other";
}

/* JC-STAR, the IoT security labelling scheme run by IPA: levels ★1 (レベル1)
 * to ★4 (レベル4), https://www.ipa.go.jp/security/jc-star/index.html.
 * Accepted as the label prints it and as admins type it: "★1", "1",
 * "STAR1", "star 2", "レベル3", "level 4", "★★" (one star per level),
 * full-width digits too. 0 when not a level. */
static int jc_star_level(const char *s)
{
	static const char *const prefixes[] = {
		"\xE2\x98\x85", "\xE2\x98\x86",   /* ★ ☆ */
		"STAR", "LEVEL", "\xE3\x83\xAC\xE3\x83\x99\xE3\x83\xAB",  /* レベル */
		"JC-STAR", "JCSTAR", NULL};
	char t[64] = "";
	size_t n = 0;
	/* Upper case, without blanks and '-' between prefix and level. */
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		if (n + 1 >= sizeof(t))
			return 0;
		t[n++] = (char)toupper(*p);
	}
	t[n] = '\0';
	/* Stars only: one per level. */
	size_t stars = 0;
	while (stars * 3 + 3 <= n && memcmp(t + stars * 3, "\xE2\x98\x85", 3) == 0)
		stars++;
	if (stars >= 1 && stars <= 4 && stars * 3 == n)
		return (int)stars;
	const char *p = t;
	for (size_t i = 0; prefixes[i]; i++) {
		size_t k = strlen(prefixes[i]);
		if (strncmp(p, prefixes[i], k) == 0) {
			p += k;
			break;
		}
	}
	if (*p == '-')
		p++;
	if (p[0] >= '1' && p[0] <= '4' && p[1] == '\0')
		return p[0] - '0';
	/* Full-width １..４ (U+FF11..U+FF14). */
	if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
	    (unsigned char)p[2] >= 0x91 && (unsigned char)p[2] <= 0x94 && p[3] == '\0')
		return (unsigned char)p[2] - 0x90;
	return 0;
}

static void facts_jc_star(struct input *in, const struct ynode *v)
{
	struct sval t = {0};
	if (!facts_text(in, v, "jc_star", &t))
		return;
	int lv = jc_star_level(t.s);
	if (!lv) {
		input_diag(in, DIAG_ERROR, v->line, v->col,
			   "'jc_star' must be the JC-STAR level of the label: ★1, ★2, "
			   "★3 or ★4 (1-4 and STAR1-STAR4 are read too), not '%s'",
			   "'jc_star' はラベルの JC-STAR の段階（★1、★2、★3、"
			   "★4。1～4 も可）にしてください（'%s' ではなく）",
			   quotable(in, t.s));
		return;
	}
	in->dev.jc_star = lv;
	in->dev.jc_star_line = t.line;
}

static void facts_router(struct input *in, const struct ynode *m)
{
	static const char *const keys[] = {"vendor", "model", "firmware_version",
					   "firmware_date", "latest_firmware_version",
					   "support_end", "auto_update", "jc_star", NULL};
	struct device *d = &in->dev;
	if (m->kind != Y_MAP) {
		input_diag(in, DIAG_ERROR, m->line, m->col,
			   "'router' must be a mapping (vendor:, model:, firmware_version: …)",
			   "'router' の下には vendor:、model:、firmware_version: などを書いてください");
		return;
	}
	check_keys(in, m, keys, "'router'", "'router'");
	in->has_device = true;
	facts_vendor(in, ymap_get(m, "vendor"));
	facts_text(in, ymap_get(m, "model"), "model", &d->model);
	facts_text(in, ymap_get(m, "firmware_version"), "firmware_version", &d->firmware);
	facts_text(in, ymap_get(m, "latest_firmware_version"), "latest_firmware_version",
		   &d->latest_firmware);
	long days;
	if (facts_text(in, ymap_get(m, "firmware_date"), "firmware_date", &d->firmware_date) &&
	    date_parse(d->firmware_date.s, false, &days)) {
		input_diag(in, DIAG_ERROR, d->firmware_date.line, 0,
			   "'firmware_date' must be a date YYYY-MM-DD",
			   "'firmware_date' は YYYY-MM-DD 形式の日付にしてください");
		d->firmware_date.s = NULL;
	}
	if (facts_text(in, ymap_get(m, "support_end"), "support_end", &d->support_end) &&
	    date_parse(d->support_end.s, true, &days)) {
		input_diag(in, DIAG_ERROR, d->support_end.line, 0,
			   "'support_end' must be a date YYYY-MM-DD or YYYY-MM",
			   "'support_end' は YYYY-MM-DD か YYYY-MM 形式の日付にしてください");
		d->support_end.s = NULL;
	}
	facts_bool(in, ymap_get(m, "auto_update"), "auto_update", &d->auto_update,
		   &d->auto_update_line);
	facts_jc_star(in, ymap_get(m, "jc_star"));
}

/* An unknown security label: an error that lists the nearest labels the
 * data knows (rules/wifi-labels.yaml), in both languages. */
static void facts_label_unknown(struct input *in, const struct ynode *sv, const char *shown,
				const struct wifi_labels *wl)
{
	const char *near[FACTS_NEAREST_MAX];
	size_t nn = facts_label_nearest(wl, sv->str, sv->len, near, FACTS_NEAREST_MAX);
	char en[600] = "", ja[600] = "";
	for (size_t i = 0; i < nn; i++) {
		size_t el = strlen(en), jl = strlen(ja);
		snprintf(en + el, sizeof(en) - el, "%s\"%s\"", i ? ", " : "", near[i]);
		snprintf(ja + jl, sizeof(ja) - jl, "\xE3\x80\x8C%s\xE3\x80\x8D", near[i]);  /* 「…」 */
	}
	input_diag(in, DIAG_ERROR, sv->line, sv->col,
		   "security label '%1$s' is not understood; the nearest labels edgelint knows: "
		   "%2$s (all of them: rules/wifi-labels.yaml; see the README, "
		   "\"Security labels\")%3$.0s",
		   "セキュリティ方式 '%1$s' を解釈できません。近い表記: %3$s"
		   "（一覧は rules/wifi-labels.yaml、README を参照）%2$.0s",
		   quotable(in, shown), en, ja);
}

/* pmf: protected management frames as the admin page shows them (Buffalo
 * "PMF", Aterm "PMF設定"): required/必須, optional/capable/任意, off/無効
 * (or true/false); issue 15 §2, rules EL208/EL209. */
static void facts_pmf(struct input *in, const struct ynode *v, struct wifi_net *w)
{
	static const struct {
		const char *word;
		enum wifi_pmf pmf;
	} words[] = {
		{"required", WPMF_REQUIRED}, {"\xE5\xBF\x85\xE9\xA0\x88", WPMF_REQUIRED}, /* 必須 */
		{"optional", WPMF_OPTIONAL}, {"capable", WPMF_OPTIONAL},
		{"\xE4\xBB\xBB\xE6\x84\x8F", WPMF_OPTIONAL},                          /* 任意 */
		{"off", WPMF_OFF},           {"disabled", WPMF_OFF},
		{"\xE7\x84\xA1\xE5\x8A\xB9", WPMF_OFF},                              /* 無効 */
	};
	struct sval t = {0};
	if (!facts_text(in, v, "pmf", &t))
		return;
	for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
		if (strcasecmp(t.s, words[i].word) == 0) {
			w->pmf = words[i].pmf;
			w->pmf_line = t.line;
			return;
		}
	}
	input_diag(in, DIAG_ERROR, v->line, v->col,
		   "pmf '%s' is not understood (expected required, optional or off)",
		   "pmf '%s' を解釈できません（required、optional、off のいずれか。必須・任意・無効も可）",
		   quotable(in, t.s));
}

static void facts_wifi_one(struct input *in, const struct ynode *m,
			   const struct wifi_labels *wl)
{
	static const char *const keys[] = {"ssid", "band", "enabled", "security",
					   "cipher", "passphrase", "guest",
					   "passphrase_from_label", "pmf", NULL};
	if (m->kind != Y_MAP) {
		input_diag(in, DIAG_ERROR, m->line, m->col,
			   "each 'wifi' entry must be a mapping (ssid:, security:, …)",
			   "'wifi' の各項目には ssid:、security: などを書いてください");
		return;
	}
	check_keys(in, m, keys, "a 'wifi' entry", "'wifi' の項目");
	struct wifi_net *w = arena_alloc(&in->arena, sizeof(*w));
	if (!w) {
		input_fail(in, "out of memory", "メモリが足りません");
		return;
	}
	w->line = m->line;
	w->enabled = true;
	w->is_ap = true;
	const struct ynode *pv = ymap_get(m, "passphrase");
	if (pv && !yscalar_is_null(pv)) {
		if (pv->kind != Y_SCALAR) {
			input_diag(in, DIAG_ERROR, pv->line, pv->col,
				   "'passphrase' must be a single value (quote it)",
				   "'passphrase' には一つの値を書いてください（\"\" で囲んでください）");
		} else if (pv->len > FACTS_MAX_VALUE) {
			input_diag(in, DIAG_ERROR, pv->line, pv->col,
				   "the value of 'passphrase' is %zu bytes long; the limit is %d",
				   "'passphrase' の値が %zu バイトあります。上限は %d バイトです",
				   pv->len, FACTS_MAX_VALUE);
		} else {
			w->pass = pv->str;
			w->pass_len = pv->len;
			w->pass_line = pv->line;
			input_add_secret(in, pv->str, pv->len);
		}
	}
	facts_text(in, ymap_get(m, "ssid"), "ssid", &w->ssid);
	facts_text(in, ymap_get(m, "band"), "band", &w->band);
	enum tri en = TRI_UNSET;
	if (facts_bool(in, ymap_get(m, "enabled"), "enabled", &en, NULL))
		w->enabled = en == TRI_YES;
	enum tri guest;
	facts_bool(in, ymap_get(m, "guest"), "guest", &guest, NULL);
	/* passphrase_from_label: the key in use is the one printed on the
	 * router's label (issue 15 §2; rules EL259, EL257). */
	enum tri lk = TRI_UNSET;
	if (facts_bool(in, ymap_get(m, "passphrase_from_label"), "passphrase_from_label", &lk,
		       &w->label_key_line))
		w->label_key = lk == TRI_YES ? WLK_YES : WLK_NO;
	facts_pmf(in, ymap_get(m, "pmf"), w);
	const struct ynode *cv = ymap_get(m, "cipher");
	struct sval tmp = {0};
	if (facts_text(in, cv, "cipher", &tmp)) {
		w->cipher = facts_cipher(wl, cv->str, cv->len);
		w->cipher_line = cv->line;
		if (w->cipher == WCIPH_UNSET)
			input_diag(in, DIAG_ERROR, cv->line, cv->col,
				   "cipher '%s' is not understood (expected aes, tkip or tkip-aes)",
				   "暗号方式 '%s' を解釈できません（aes、tkip、tkip-aes のいずれか）",
				   quotable(in, cv->str));
	}
	const struct ynode *sv = ymap_get(m, "security");
	if (facts_text(in, sv, "security", &w->sec_label)) {
		/* The label is quoted (evidence, the note below) without the
		 * passphrase, read above for this reason. */
		const char *shown = facts_without_pass(in, w->sec_label.s, w->pass, w->pass_len);
		if (!shown) {
			input_fail(in, "out of memory", "メモリが足りません");
			return;
		}
		w->sec_label.s = shown;
		enum wifi_cipher lc = WCIPH_UNSET;
		w->sec = facts_security_label(wl, sv->str, sv->len, &lc);
		if (lc != WCIPH_UNSET) {
			/* The label names ciphers: keep the union with cipher:. */
			if (w->cipher == WCIPH_UNSET) {
				w->cipher = lc;
				w->cipher_line = sv->line;
			} else if (w->cipher != lc) {
				w->cipher = WCIPH_TKIP_AES;
			}
		}
		if (w->sec == WSEC_UNKNOWN)
			facts_label_unknown(in, sv, shown, wl);
	}
	*in->dev.wifi_tail = w;
	in->dev.wifi_tail = &w->next;
	in->dev.nwifi++;
}

/* ---- signs of a hijacked router (issue 14 §3) ------------------------- */

/* A list of names (vpn_accounts:, admin_accounts:), or NULL after a
 * diagnostic; an empty or absent key is an empty list. */
static bool facts_names(struct input *in, const struct ynode *v, const char *key)
{
	if (!v || yscalar_is_null(v))
		return false;
	if (v->kind != Y_SEQ) {
		input_diag(in, DIAG_ERROR, v->line, v->col,
			   "'%s' must be a list of names (each starting with '- '), or []",
			   "'%s' は名前の一覧（各項目は '- ' で始めます）か [] にしてください", key);
		return false;
	}
	for (size_t i = 0; i < v->n; i++) {
		struct sval t = {0};
		if (!facts_text(in, v->vals[i], key, &t))
			return false;
	}
	return true;
}

/* The keys the admin copies from the admin page: a VPN server on
 * (vpn_server: true, or the list of protocols shown on), its accounts
 * (vpn_accounts: names, never passwords), DDNS (ddns: true), login
 * accounts besides the maker's default one (admin_accounts:). An admin
 * password never changed is admin_password_changed: no (facts_parse). */
static void facts_signs(struct input *in, const struct ynode *root)
{
	struct arena *a = &in->arena;
	const struct ynode *v = ymap_get(root, "vpn_server");
	enum tri t = TRI_UNSET;
	if (v && v->kind == Y_SEQ) {
		for (size_t i = 0; i < v->n; i++) {
			struct sval p = {0};
			if (facts_text(in, v->vals[i], "vpn_server", &p))
				device_add_sign(in, HSIGN_VPN_SERVER, p.s, NULL, p.line,
						arena_printf(a, "vpn_server: %s", p.s));
		}
	} else if (v && facts_bool(in, v, "vpn_server", &t, NULL) && t == TRI_YES) {
		device_add_sign(in, HSIGN_VPN_SERVER, NULL, NULL, v->line, "vpn_server: true");
	}
	v = ymap_get(root, "vpn_accounts");
	if (v && facts_names(in, v, "vpn_accounts") && v->n) {
		struct home_sign *g = device_add_sign(in, HSIGN_VPN_ACCOUNTS, "vpn_accounts", NULL,
						      v->line, "vpn_accounts");
		for (size_t i = 0; g && i < v->n; i++)
			home_sign_account(in, g, v->vals[i]->str);
	}
	t = TRI_UNSET;
	v = ymap_get(root, "ddns");
	if (v && facts_bool(in, v, "ddns", &t, NULL) && t == TRI_YES)
		device_add_sign(in, HSIGN_DDNS, NULL, NULL, v->line, "ddns: true");
	v = ymap_get(root, "admin_accounts");
	if (v && facts_names(in, v, "admin_accounts"))
		for (size_t i = 0; i < v->n; i++)
			device_add_sign(in, HSIGN_ADMIN_ACCOUNT, v->vals[i]->str, NULL, v->vals[i]->line,
					"admin_accounts");
}

static unsigned count_content_lines(const char *s, size_t n)
{
	unsigned lines = 0;
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && s[e] != '\n')
			e++;
		size_t j = i;
		while (j < e && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
			j++;
		if (j < e && s[j] != '#')
			lines++;
		i = e + 1;
	}
	return lines;
}

static int facts_parse(struct input *in, const struct run_ctx *ctx)
{
	struct ynode *root = NULL;
	char err[300], err_ja[sizeof(err)];
	in->has_coverage = true;
	in->lines_total = count_content_lines(in->data, in->len);
	if (ytree_parse_ja(&in->arena, in->data, in->len, &root, err, err_ja, sizeof(err))) {
		input_fail(in, "not a valid facts file: %s%.0s",
			   "ルータ事実ファイルとして正しくありません: %.0s%s", err, err_ja);
		in->lines_understood = 0;
		return EL_EPARSE;
	}
	if (!root || root->kind != Y_MAP) {
		input_fail(in, "a facts file must be a YAML mapping with 'router:' and 'wifi:'",
			   "ルータ事実ファイルは 'router:' と 'wifi:' を持つ YAML のマッピングでなければなりません");
		return EL_EPARSE;
	}
	static const char *const keys[] = {"router", "wifi", "wps_enabled", "remote_admin",
					   "upnp", "vpn_server", "vpn_accounts", "ddns",
					   "admin_accounts", "admin_password_changed", NULL};
	check_keys(in, root, keys, "the facts file", "事実ファイル");
	const struct ynode *r = ymap_get(root, "router");
	if (r)
		facts_router(in, r);
	else
		input_diag(in, DIAG_ERROR, root->line, root->col,
			   "the 'router:' section (vendor, model, firmware_version) is missing",
			   "'router:' の節（vendor、model、firmware_version）がありません");
	const struct ynode *w = ymap_get(root, "wifi");
	if (w && !yscalar_is_null(w)) {
		if (w->kind != Y_SEQ)
			input_diag(in, DIAG_ERROR, w->line, w->col,
				   "'wifi' must be a list of networks (each starting with '- ssid:')",
				   "'wifi' はネットワークの一覧にしてください（各項目は '- ssid:' で始めます）");
		else
			for (size_t i = 0; i < w->n; i++)
				facts_wifi_one(in, w->vals[i], &ctx->reg->wifi_labels);
	}
	struct device *d = &in->dev;
	/* wps_enabled: on or off as the admin read it; the facts format does
	 * not say which methods, so wps_pin and wps_push stay unknown. */
	facts_bool(in, ymap_get(root, "wps_enabled"), "wps_enabled", &d->wps, &d->wps_line);
	facts_bool(in, ymap_get(root, "remote_admin"), "remote_admin", &d->remote_admin,
		   &d->remote_admin_line);
	facts_bool(in, ymap_get(root, "upnp"), "upnp", &d->upnp, &d->upnp_line);
	facts_signs(in, root);
	/* admin_password_changed: no = the router's admin password is still the
	 * maker's default (device.admin_pw_default, issue 14 §3 / 15 §2). */
	enum tri changed = TRI_UNSET;
	if (facts_bool(in, ymap_get(root, "admin_password_changed"), "admin_password_changed",
		       &changed, &d->admin_pw_default_line))
		d->admin_pw_default = changed == TRI_YES ? TRI_NO : TRI_YES;
	/* Coverage: content lines minus the distinct lines that drew an error
	 * (diagnostics are not in line order: top-level keys come last). */
	unsigned bad = 0;
	for (const struct diag *dg = in->diags; dg; dg = dg->next) {
		if (!dg->line || dg->level != DIAG_ERROR)
			continue;
		bool seen = false;
		for (const struct diag *e = in->diags; e != dg && !seen; e = e->next)
			seen = e->line == dg->line && e->level == DIAG_ERROR;
		bad += !seen;
	}
	in->lines_understood = in->lines_total > bad ? in->lines_total - bad : 0;
	return 0;
}

/* Recognises a YAML document with a top-level "router:" key. */
static int facts_probe(const char *head, size_t n)
{
	size_t i = 0;
	if (n >= 3 && (unsigned char)head[0] == 0xEF && (unsigned char)head[1] == 0xBB &&
	    (unsigned char)head[2] == 0xBF)
		i = 3;
	while (i < n) {
		size_t e = i;
		while (e < n && head[e] != '\n')
			e++;
		size_t len = e - i;
		if (len >= 7 && memcmp(head + i, "router:", 7) == 0)
			return 85;
		i = e + 1;
	}
	return 0;
}

const struct parser parser_router_facts = {
	.kind = {
		.name = "router-facts",
		.label = "router facts file",
		.label_ja = "ルータ事実ファイル",
		.feeds = {[ITEM_5_3] = true, [ITEM_6_2] = true},
		.home_router = true,
		.hand_filled = true,
	},
	.probe = facts_probe,
	.parse = facts_parse,
	.max_bytes = FACTS_MAX_BYTES,
	.expect = "router facts file",
	.expect_ja = "ルータ事実ファイル",
};
