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

#include "../src/secrets.h"
#include "../src/ytree.h"
#include "parsers.h"

/* ---- security labels ------------------------------------------------- *
 * Token rules (documented in the README, "Security labels"):
 *  - the label is split into tokens at anything but letters and digits
 *    (full-width ASCII counts as ASCII; Japanese words are tokens too);
 *    "WPA2PSK" is read as WPA2 + PSK;
 *  - WEP anywhere -> wep; OWE or "Enhanced Open" -> owe;
 *  - なし/無効/OPEN/NONE/OFF/DISABLED alone -> open;
 *  - WPA/WPA1, WPA2, WPA3 (SAE counts as WPA3) give the versions allowed;
 *    MIXED without WPA3 means WPA + WPA2;
 *  - ENTERPRISE/EAP/802.1X/RADIUS -> the enterprise variant;
 *  - AES/CCMP/GCMP and TKIP name the ciphers;
 *  - PSK/PERSONAL/MODE/AUTO/SHA256/FT/TRANSITION carry no meaning here;
 *  - any other token makes the label unknown (never guessed).
 */

enum tok_flag {
	TF_W1 = 1 << 0, TF_W2 = 1 << 1, TF_W3 = 1 << 2, TF_SAE = 1 << 3,
	TF_WEP = 1 << 4, TF_OWE = 1 << 5, TF_OPEN = 1 << 6, TF_ENT = 1 << 7,
	TF_MIXED = 1 << 8, TF_AES = 1 << 9, TF_TKIP = 1 << 10,
	TF_NOISE = 1 << 11, TF_ENHANCED = 1 << 12,
};

static const struct {
	const char *tok;
	unsigned flag;
} label_tokens[] = {
	{"WPA", TF_W1}, {"WPA1", TF_W1}, {"WPA2", TF_W2}, {"WPA3", TF_W3},
	{"SAE", TF_SAE}, {"WEP", TF_WEP}, {"WEP64", TF_WEP}, {"WEP128", TF_WEP},
	{"OWE", TF_OWE}, {"ENHANCED", TF_ENHANCED},
	{"OPEN", TF_OPEN}, {"NONE", TF_OPEN}, {"OFF", TF_OPEN},
	{"DISABLED", TF_OPEN}, {"\xE3\x81\xAA\xE3\x81\x97", TF_OPEN}, /* なし */
	{"\xE7\x84\xA1\xE3\x81\x97", TF_OPEN},                       /* 無し */
	{"\xE7\x84\xA1\xE5\x8A\xB9", TF_OPEN},                       /* 無効 */
	{"\xE6\x9A\x97\xE5\x8F\xB7\xE5\x8C\x96\xE3\x81\xAA\xE3\x81\x97", TF_OPEN}, /* 暗号化なし */
	{"\xE3\x82\xAA\xE3\x83\xBC\xE3\x83\x97\xE3\x83\xB3", TF_OPEN}, /* オープン */
	{"ENTERPRISE", TF_ENT}, {"EAP", TF_ENT}, {"802.1X", TF_ENT},
	{"8021X", TF_ENT}, {"RADIUS", TF_ENT},
	{"\xE3\x82\xA8\xE3\x83\xB3\xE3\x82\xBF\xE3\x83\xBC\xE3\x83\x97\xE3\x83\xA9\xE3\x82\xA4\xE3\x82\xBA", TF_ENT}, /* エンタープライズ */
	{"MIXED", TF_MIXED}, {"MIXEDMODE", TF_MIXED}, {"MIX", TF_MIXED},
	{"\xE3\x83\x9F\xE3\x83\x83\xE3\x82\xAF\xE3\x82\xB9", TF_MIXED}, /* ミックス */
	{"\xE6\xB7\xB7\xE5\x9C\xA8", TF_MIXED},                         /* 混在 */
	{"AES", TF_AES}, {"CCMP", TF_AES}, {"GCMP", TF_AES}, {"TKIP", TF_TKIP},
	{"PSK", TF_NOISE}, {"PERSONAL", TF_NOISE}, {"MODE", TF_NOISE},
	{"AUTO", TF_NOISE}, {"SHA256", TF_NOISE}, {"FT", TF_NOISE},
	{"TRANSITION", TF_NOISE},
	{"\xE3\x83\x91\xE3\x83\xBC\xE3\x82\xBD\xE3\x83\x8A\xE3\x83\xAB", TF_NOISE}, /* パーソナル */
};

/* Returns the flag of one token, or 0 when the token is unknown. */
static unsigned label_token_flag(const char *t, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(label_tokens); i++)
		if (strlen(label_tokens[i].tok) == n &&
		    memcmp(label_tokens[i].tok, t, n) == 0)
			return label_tokens[i].flag;
	/* "WPA2PSK", "WPA2AES": a version glued to another token. */
	if (n > 4 && memcmp(t, "WPA", 3) == 0 && t[3] >= '1' && t[3] <= '3') {
		unsigned rest = label_token_flag(t + 4, n - 4);
		unsigned v = label_token_flag(t, 4);
		return rest ? (rest | v) : 0;
	}
	if (n > 3 && memcmp(t, "WPA", 3) == 0 && !(t[3] >= '0' && t[3] <= '9')) {
		unsigned rest = label_token_flag(t + 3, n - 3);
		return rest ? (rest | TF_W1) : 0;
	}
	return 0;
}

/* Splits s into tokens and ORs their flags; returns 0 on an unknown token
 * (and *unknown is set). */
static unsigned label_flags(const char *s, size_t n, bool *unknown)
{
	char tok[64];
	size_t tn = 0;
	bool tok_ascii = true;
	unsigned flags = 0;
	*unknown = false;
	size_t i = 0;
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
				unsigned f = label_token_flag(tok, tn);
				if (!f) {
					*unknown = true;
					return 0;
				}
				flags |= f;
				tn = 0;
			}
			if (i >= n)
				break;
			if (sep) {
				i += adv;
				continue;
			}
		}
		if (tn + adv >= sizeof(tok)) {
			*unknown = true;
			return 0;
		}
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
	return flags;
}

static enum wifi_cipher cipher_from_flags(unsigned f)
{
	if ((f & TF_AES) && (f & TF_TKIP))
		return WCIPH_TKIP_AES;
	if (f & TF_TKIP)
		return WCIPH_TKIP;
	if (f & TF_AES)
		return WCIPH_AES;
	return WCIPH_UNSET;
}

enum wifi_sec facts_security_label(const char *s, size_t n, enum wifi_cipher *cipher)
{
	bool unknown;
	unsigned f = label_flags(s, n, &unknown);
	if (unknown || !f)
		return WSEC_UNKNOWN;
	enum wifi_cipher c = cipher_from_flags(f);
	if (c != WCIPH_UNSET && cipher)
		*cipher = c;
	bool w1 = f & TF_W1, w2 = f & TF_W2, w3 = f & (TF_W3 | TF_SAE);
	if (f & TF_WEP)
		return WSEC_WEP;
	if ((f & TF_OWE) || ((f & TF_ENHANCED) && (f & TF_OPEN)))
		return WSEC_OWE;
	if (f & TF_ENHANCED)
		return WSEC_UNKNOWN;
	if (f & TF_OPEN)
		return (w1 || w2 || w3 || (f & TF_ENT)) ? WSEC_UNKNOWN : WSEC_OPEN;
	if ((f & TF_MIXED) && !w1 && !w3) {
		w1 = true;
		w2 = true;
	}
	if (!w1 && !w2 && !w3)
		return WSEC_UNKNOWN;   /* "PSK", "AES" or "Enterprise" alone */
	if (f & TF_ENT) {
		if (w1)
			return w2 || w3 ? WSEC_WPA_WPA2 : WSEC_WPA;
		return w3 && !w2 ? WSEC_WPA3_ENT : WSEC_WPA2_ENT;
	}
	if (w1)
		return (w2 || w3) ? WSEC_WPA_WPA2 : WSEC_WPA;
	if (w2 && w3)
		return WSEC_WPA2_WPA3;
	return w3 ? WSEC_WPA3 : WSEC_WPA2;
}

enum wifi_cipher facts_cipher(const char *s, size_t n)
{
	bool unknown;
	unsigned f = label_flags(s, n, &unknown);
	if (unknown || (f & ~(unsigned)(TF_AES | TF_TKIP | TF_NOISE)))
		return WCIPH_UNSET;
	return cipher_from_flags(f);
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

static void facts_router(struct input *in, const struct ynode *m)
{
	static const char *const keys[] = {"vendor", "model", "firmware_version",
					   "firmware_date", "latest_firmware_version",
					   "support_end", "auto_update", NULL};
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
}

static void facts_wifi_one(struct input *in, const struct ynode *m)
{
	static const char *const keys[] = {"ssid", "band", "enabled", "security",
					   "cipher", "passphrase", "guest", NULL};
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
	const struct ynode *cv = ymap_get(m, "cipher");
	struct sval tmp = {0};
	if (facts_text(in, cv, "cipher", &tmp)) {
		w->cipher = facts_cipher(cv->str, cv->len);
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
		w->sec = facts_security_label(sv->str, sv->len, &lc);
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
			input_diag(in, DIAG_ERROR, sv->line, sv->col,
				   "security label '%s' is not understood (write e.g. wpa2-personal, "
				   "\"WPA2-PSK(AES)\", \"WPA2/WPA3\", \"WPA3-SAE\", open; see the README)",
				   "セキュリティ方式 '%s' を解釈できません（例: wpa2-personal、"
				   "「WPA2-PSK(AES)」「WPA2/WPA3」「WPA3-SAE」、open。README を参照）",
				   quotable(in, shown));
	}
	*in->dev.wifi_tail = w;
	in->dev.wifi_tail = &w->next;
	in->dev.nwifi++;
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
	(void)ctx;
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
					   "upnp", NULL};
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
				facts_wifi_one(in, w->vals[i]);
	}
	struct device *d = &in->dev;
	/* wps_enabled: on or off as the admin read it; the facts format does
	 * not say which methods, so wps_pin and wps_push stay unknown. */
	facts_bool(in, ymap_get(root, "wps_enabled"), "wps_enabled", &d->wps, &d->wps_line);
	facts_bool(in, ymap_get(root, "remote_admin"), "remote_admin", &d->remote_admin,
		   &d->remote_admin_line);
	facts_bool(in, ymap_get(root, "upnp"), "upnp", &d->upnp, &d->upnp_line);
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
