/*
 * reg_wifi_labels.c — the data of the security-label reading of router
 * facts files (parsers/router_facts.c): rules/wifi-labels.yaml, the
 * tokens of admin-page labels and what each means, and the whole labels
 * seen in makers' admin pages and manuals with the mode each allows; and
 * rules/default-ssids.yaml, the network names routers ship with (the
 * factory-settings rules of issue 15 §2); rules/admin-defaults.yaml, the
 * admin passwords firmware ships with as its settings store them (EL324,
 * issue 14 §3).
 * Loaded from registry.c's {file, loader} table; every problem of the
 * file is reported with its line (reg_load.h).
 */
#include "reg_load.h"

#include <ctype.h>
#include <string.h>

static const struct {
	const char *name;
	unsigned bits;
} label_means[] = {
	{"wpa1", WL_W1},      {"wpa2", WL_W2},     {"wpa3", WL_W3},
	{"sae", WL_SAE},      {"wep", WL_WEP},     {"owe", WL_OWE},
	{"enhanced", WL_ENHANCED}, {"open", WL_OPEN}, {"enterprise", WL_ENT},
	{"mixed", WL_MIXED},  {"aes", WL_AES},     {"tkip", WL_TKIP},
	{"noise", WL_NOISE},
};

/* A token as the reading compares it: upper-case ASCII letters, digits
 * and '.', or Japanese (bytes >= 0x80); never empty. */
static bool token_ok(const char *t)
{
	if (!*t)
		return false;
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		bool ok = (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '.' ||
			  *p >= 0x80;
		if (!ok)
			return false;
	}
	return true;
}

static void load_tokens(struct rload *L, const struct ynode *list)
{
	static const char *const keys[] = {"token", "means", NULL};
	struct wifi_labels *wl = &L->r->wifi_labels;
	wl->tokens = rl_list(L, list, L->f.root, sizeof(*wl->tokens), "tokens", "{token, means}");
	if (!wl->tokens)
		return;
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		int rc = 0;
		if (!rl_entry(L, m, keys, "token", "{token, means}"))
			continue;
		const char *tok = rl_str(L, m, "token", true, &rc);
		const char *means = rl_str(L, m, "means", true, &rc);
		if (rc || !tok || !means)
			continue;
		if (!token_ok(tok)) {
			rl_err(L, m, "token '%s': write it as the reading sees it (upper-case "
				     "letters, digits, '.', or Japanese)", tok);
			continue;
		}
		unsigned bits = 0;
		for (size_t k = 0; k < ARRAY_SIZE(label_means); k++)
			if (strcmp(means, label_means[k].name) == 0)
				bits = label_means[k].bits;
		if (!bits) {
			rl_err(L, ymap_get(m, "means"),
			       "token '%s': unknown meaning '%s' (expected wpa1, wpa2, wpa3, sae, "
			       "wep, owe, enhanced, open, enterprise, mixed, aes, tkip, noise)",
			       tok, means);
			continue;
		}
		bool dup = false;
		for (size_t k = 0; k < wl->ntokens && !dup; k++)
			dup = strcmp(wl->tokens[k].tok, tok) == 0;
		if (dup) {
			rl_err(L, m, "token '%s' is listed twice", tok);
			continue;
		}
		wl->tokens[wl->ntokens++] = (struct wifi_label_token){tok, bits};
	}
}

static int mode_from_name(const char *s, enum wifi_sec *out)
{
	for (int m = WSEC_OPEN; m <= WSEC_WPA3_ENT; m++) {
		if (strcmp(s, wifi_sec_name((enum wifi_sec)m)) == 0) {
			*out = (enum wifi_sec)m;
			return 0;
		}
	}
	return -1;
}

static int cipher_from_name(const char *s, enum wifi_cipher *out)
{
	for (int c = WCIPH_AES; c <= WCIPH_TKIP_AES; c++) {
		if (strcmp(s, wifi_cipher_name((enum wifi_cipher)c)) == 0) {
			*out = (enum wifi_cipher)c;
			return 0;
		}
	}
	return -1;
}

static int load_label(struct rload *L, const struct ynode *m, struct wifi_label_seen *out)
{
	static const char *const keys[] = {"label", "maker", "mode", "cipher", "whole",
					   "source", "as_of", NULL};
	int rc = 0;
	if (!rl_entry(L, m, keys, "label", "{label, maker, mode, source, as_of}"))
		return EL_EPARSE;
	*out = (struct wifi_label_seen){.line = m->line};
	out->label = rl_str(L, m, "label", true, &rc);
	out->maker = rl_str(L, m, "maker", true, &rc);
	out->source = rl_str(L, m, "source", true, &rc);
	const char *mode = rl_str(L, m, "mode", true, &rc);
	const char *cipher = rl_str(L, m, "cipher", false, &rc);
	if (rl_as_of(L, m, "label", out->label, &out->as_of))
		rc = EL_EPARSE;
	if (rc)
		return rc;
	if (mode_from_name(mode, &out->mode))
		return rl_err(L, ymap_get(m, "mode"),
			      "label '%s': unknown mode '%s' (expected open, owe, wep, wpa-personal, "
			      "wpa-wpa2-personal, wpa2-personal, wpa2-wpa3-personal, wpa3-personal, "
			      "wpa2-enterprise, wpa3-enterprise)",
			      out->label, mode);
	if (cipher && cipher_from_name(cipher, &out->cipher))
		return rl_err(L, ymap_get(m, "cipher"),
			      "label '%s': unknown cipher '%s' (expected aes, tkip, tkip-aes)",
			      out->label, cipher);
	const struct ynode *w = ymap_get(m, "whole");
	if (w && yscalar_bool(w, &out->whole) != 0)
		return rl_err(L, w, "label '%s': 'whole' must be true or false", out->label);
	return 0;
}

int reg_load_wifi_labels(struct rload *L)
{
	struct wifi_labels *wl = &L->r->wifi_labels;
	const struct ynode *list;
	static const char *const keys[] = {"as_of", "tokens_source", "tokens", "labels", NULL};
	rl_check_keys(L, L->f.root, keys, "wifi-labels.yaml");
	int rc = 0;
	rl_str(L, L->f.root, "tokens_source", true, &rc);
	load_tokens(L, ymap_get(L->f.root, "tokens"));
	if (rl_table(L, "labels", &wl->as_of, &list) || !list)
		return EL_EPARSE;
	wl->labels = rl_list(L, list, list, sizeof(*wl->labels), "labels",
			     "{label, maker, mode, source, as_of}");
	if (!wl->labels)
		return EL_EPARSE;
	for (size_t i = 0; i < list->n; i++)
		if (load_label(L, list->vals[i], &wl->labels[wl->nlabels]) == 0)
			wl->nlabels++;
	return rc;
}

/* ---- default-ssids.yaml ------------------------------------------------ */

/* Whether s matches the pattern p: '#' one hexadecimal digit, '*' any run
 * (also none), anything else itself, upper and lower case alike. */
static bool ssid_match(const char *p, const char *s)
{
	const char *star = NULL, *ss = NULL;
	while (*s) {
		unsigned char c = (unsigned char)*s;
		if (*p == '*') {
			star = p++;
			ss = s;
		} else if ((*p == '#' && isxdigit(c)) ||
			   (*p && *p != '#' && tolower((unsigned char)*p) == tolower(c))) {
			p++;
			s++;
		} else if (star) {
			p = star + 1;
			s = ++ss;
		} else {
			return false;
		}
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

const struct default_ssid *default_ssid_find(const struct registry *r, const char *ssid)
{
	if (!ssid)
		return NULL;
	for (size_t i = 0; i < r->ndefault_ssids; i++)
		if (ssid_match(r->default_ssids[i].pattern, ssid))
			return &r->default_ssids[i];
	return NULL;
}

int reg_load_default_ssids(struct rload *L)
{
	struct registry *r = L->r;
	const struct ynode *list;
	static const char *const keys[] = {"as_of", "ssids", NULL};
	static const char *const ekeys[] = {"maker", "pattern", "source", "as_of", NULL};
	rl_check_keys(L, L->f.root, keys, "default-ssids.yaml");
	if (rl_table(L, "ssids", &r->default_ssids_as_of, &list) || !list)
		return EL_EPARSE;
	r->default_ssids = rl_list(L, list, list, sizeof(*r->default_ssids), "ssids",
				   "{maker, pattern, source, as_of}");
	if (!r->default_ssids)
		return EL_EPARSE;
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		int rc = 0;
		if (!rl_entry(L, m, ekeys, "ssid", "{maker, pattern, source, as_of}"))
			continue;
		struct default_ssid d = {.line = m->line};
		d.maker = rl_str(L, m, "maker", true, &rc);
		d.pattern = rl_str(L, m, "pattern", true, &rc);
		d.source = rl_str(L, m, "source", true, &rc);
		if (rl_as_of(L, m, "ssid", d.pattern, &d.as_of) || rc)
			continue;
		if (!*d.pattern || strlen(d.pattern) > 32) {
			rl_err(L, ymap_get(m, "pattern"),
			       "pattern '%s': an SSID pattern has 1 to 32 characters", d.pattern);
			continue;
		}
		r->default_ssids[r->ndefault_ssids++] = d;
	}
	return 0;
}

/* ---- admin-defaults.yaml ----------------------------------------------- */

const struct admin_default *admin_default_is(const struct registry *r, const char *firmware,
					     const char *key, const char *v, size_t n)
{
	if (!r || !firmware || !key || !v)
		return NULL;
	for (size_t i = 0; i < r->nadmin_defaults; i++) {
		const struct admin_default *d = &r->admin_defaults[i];
		if (strcmp(d->firmware, firmware) == 0 && strcmp(d->key, key) == 0 &&
		    d->nstored == n && memcmp(d->stored, v, n) == 0)
			return d;
	}
	return NULL;
}

int reg_load_admin_defaults(struct rload *L)
{
	struct registry *r = L->r;
	const struct ynode *list;
	static const char *const keys[] = {"as_of", "defaults", NULL};
	static const char *const ekeys[] = {"firmware", "key",	  "stored",
					    "means",	"source", "as_of", NULL};
	static const char shape[] = "{firmware, key, stored, means, source, as_of}";
	rl_check_keys(L, L->f.root, keys, "admin-defaults.yaml");
	if (rl_table(L, "defaults", &r->admin_defaults_as_of, &list) || !list)
		return EL_EPARSE;
	r->admin_defaults = rl_list(L, list, list, sizeof(*r->admin_defaults), "defaults", shape);
	if (!r->admin_defaults)
		return EL_EPARSE;
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		int rc = 0;
		if (!rl_entry(L, m, ekeys, "default", shape))
			continue;
		struct admin_default d = {.line = m->line};
		d.firmware = rl_str(L, m, "firmware", true, &rc);
		d.key = rl_str(L, m, "key", true, &rc);
		d.stored = rl_str(L, m, "stored", true, &rc);
		(void)rl_str(L, m, "means", true, &rc);
		d.source = rl_str(L, m, "source", true, &rc);
		if (rl_as_of(L, m, "default", d.key, &d.as_of) || rc)
			continue;
		d.nstored = strlen(d.stored);
		r->admin_defaults[r->nadmin_defaults++] = d;
	}
	return 0;
}
