/*
 * nvram.c — Broadcom-style nvram settings (kind "nvram"): the text of
 * `nvram show` on ASUSWRT, Asuswrt-Merlin, FreshTomato/Tomato, DD-WRT and
 * Tenda routers, and the binary backups their web pages save (Tomato
 * .cfg HDR1/HDR2, DD-WRT nvrambak.bin; decoded by nvram_backup.c).
 *
 * Reading. A dump is "key=value" per line, unsorted, CRLF possible; a
 * value may hold '=', '<', '>' and spaces, and `nvram show` prints values
 * with newlines as they are, so a line that is not key=value right after
 * an entry continues that entry's value. "size: N bytes (M left)" is the
 * trailer `nvram show` prints. Other lines are noted and skipped. For a
 * binary backup, "lines" are entry numbers (1-based, in file order): the
 * diagnostics, the evidence lines and the coverage count entries.
 * When a key appears twice the later one wins (as `nvram set` would).
 *
 * Wi-Fi. Radios are wlN_ (Broadcom; DD-WRT Atheros builds use athN_ and
 * wlanN_), guest/virtual BSSes wlN.M_; the bare wl_* keys (and Tenda's
 * wl_conf_*) are the web UI's copy of the unit being edited and are
 * ignored (research §1.4) — except where no wlN_ssid exists at all:
 * single-radio firmware keeps that radio's settings in the bare wl_ keys
 * only, and they are read as its BSS. A BSS is a prefix with an `ssid` key. It is
 * enabled when its radio is on (wlN_radio not 0, wlN_net_mode not
 * "disabled" — DD-WRT/Tomato) and the BSS itself is on: wlN_bss_enabled
 * when present (ASUSWRT guests: the corpus guest wl0.1 has
 * wl0.1_bss_enabled=0 and is off), else the guest's own wlN.M_radio
 * (Tenda: wl0.2_radio=0 switches its guest off), else its presence in
 * wlN_vifs (DD-WRT lists the virtual interfaces that exist there).
 * is_ap: wlN_mode "ap" (or absent: the default), "wds"/"wdsap" (an AP
 * that also links by WDS) are access points; "sta", "wet", "psta",
 * "psr", "apsta", "apstawet", "wdssta" (client uplinks and repeaters'
 * client side), "infra"/"adhoc" and "mesh" are not the home Wi-Fi (the
 * research file: sta is not the home AP; mesh/ad-hoc links are not an
 * AP a family joins). An unknown mode is judged as an AP (so an open
 * network is never missed) with a note.
 *
 * Security, first key present wins (each is what the firmware acts on):
 *  1. ASUSWRT wlN_auth_mode_x (RMerl/asuswrt-merlin.ng shared/defaults.c
 *     and the web UI's auth-mode lists; research §1.4): open (WEP when
 *     wlN_wep_x is 1 or 2), shared, psk, psk2, pskpsk2, sae, psk2sae,
 *     wpa, wpa2, wpawpa2, wpa3, wpa2wpa3, suite-b, radius, owe, openowe.
 *  2. Tomato wlN_security_mode (Tomato/FreshTomato basic-network.asp /
 *     advanced-wireless option lists, seen in several forks): disabled,
 *     wep, wpa_personal, wpa2_personal, wpaX_personal, wpa_enterprise,
 *     wpa2_enterprise, wpaX_enterprise, radius. No WPA3 value of
 *     FreshTomato could be verified; others are unknown.
 *  3. wlN_akm, the Broadcom driver's list ("psk psk2", "psk2 sae"…),
 *     which DD-WRT (security_mode copied to akm; Atheros builds build it
 *     from the psk/psk2/psk3/wpa/wpa2/wpa3/owe flags — DD-WRT
 *     httpd/visuals save_secprefix), Tomato and Tenda also keep; then a
 *     DD-WRT-style token list in wlN_security_mode.
 *  4. Nothing said: Broadcom's default, open (WEP when wlN_wep=enabled).
 * Mapping (research §0.4, model.h): WPA1 anywhere fails — enterprise WPA1
 * ("wpa") is WSEC_WPA and WPA1+WPA2 enterprise ("wpawpa2", "wpaX_
 * enterprise", "wpa wpa2") is WSEC_WPA_WPA2, the same fail as personal;
 * WPA2/WPA3 enterprise ("wpa2wpa3") is WSEC_WPA2_ENT. "radius" is
 * legacy 802.1X with dynamic WEP keys, not WPA: Tomato's and DD-WRT's
 * save code set wl_auth_mode=radius and wl_wep=enabled for it (Tomato
 * basic-network.asp: `wl_wep = (sm2 == 'radius' || sm2 == 'wep') ?
 * 'enabled'`; DD-WRT save_secprefix the same), so it is WSEC_WEP here
 * (the research file lists it under Enterprise; judged differently).
 * OWE and OWE transition ("openowe") are WSEC_OWE.
 * Cipher: wlN_crypto aes / tkip / tkip+aes (DD-WRT Atheros: the ccmp
 * and tkip flags). Passphrase: wlN_wpa_psk (DD-WRT's sae_key for
 * SAE-only when set).
 *
 * Device. ASUSWRT: productid (odmpid when set is the marketed name),
 * firmver, buildno, extendno, buildinfo; a buildno with a dot is
 * Asuswrt-Merlin, named as Merlin names releases (3006.102.x, 3004.388.x,
 * 386.14_2, 380.59_X6.6.1), else stock "firmver.buildno_extendno".
 * DD-WRT sets os_version = SVN revision and os_date = __DATE__ at every
 * boot (DD-WRT sysinit: nvram_set("os_version", SVN_REVISION);
 * nvram_set("os_date", __DATE__)); DD_BOARD names the board. Tomato sets
 * os_version = tomato_version and os_date = tomato_buildtime (Tomato rc
 * init / nvram defaults); FreshTomato versions are YYYY.N; Tomato is told
 * by t_model_name / tomatoanon_* / t_features. Tenda: BOARD_NAME,
 * fw_info, os_date.
 *
 * Internet side (5-3 warnings): WPS wps_enable (ASUSWRT) or wps_mode
 * (Broadcom/Tenda); UPnP upnp_enable; remote admin ASUSWRT misc_http_x
 * (rc/firewall.c write_port_forwarding DNATs misc_httpsport_x, or
 * misc_httpport_x, to the web UI when misc_http_x is set), Tomato/DD-WRT
 * remote_management with http_wanport, Tenda rm_web_en with rm_web_port;
 * port forwards ASUSWRT vts_rulelist when vts_enable_x=1 (rc/firewall.c:
 * rules split at '<', fields at '>': desc>port>dstip>lport>proto[>srcip],
 * port "a,b" lists and "a:b" ranges, proto TCP/UDP/BOTH/OTHER), Tomato
 * portforward and DD-WRT forward_spec / forward_port (tomato_forwards(),
 * ddwrt_forwards(): the formats their firmware sources give), and the
 * DMZ host (ASUSWRT dmz_ip; Tomato/DD-WRT dmz_enable + dmz_ipaddr).
 *
 * Secrets: every value whose key names a password, passphrase, PSK,
 * secret, PIN or key is registered at once, whether or not a check uses
 * it; diagnostics never quote values.
 *
 * Length: one file per input format (docs/adding-a-vendor.md). nvram keys of
 * three firmware families (ASUS stock and Merlin, Tomato, DD-WRT) for the
 * radios, forwards, remote administration and firmware share one parser
 * state.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nvram_backup.h"
#include "parsers.h"

#define QUOTE_MAX 40

/* ---- entries ---------------------------------------------------------- */

struct ent {
	const char *k, *v;        /* not NUL-terminated */
	size_t kn, vn;
	unsigned line;
};

struct nv {
	struct input *in;
	struct ent *e;
	size_t n, cap;
	size_t *ix;               /* entries sorted by key, then input order */
	unsigned bad_keys;        /* backup entries whose name is not a key */
};

static bool key_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == ':' || c == '-';
}

static bool key_ok(const char *k, size_t kn)
{
	if (kn == 0)
		return false;
	for (size_t i = 0; i < kn; i++)
		if (!key_char((unsigned char)k[i]))
			return false;
	return true;
}

static int nv_push(struct nv *nv, const char *k, size_t kn, const char *v, size_t vn,
		   unsigned line)
{
	struct ent *ne = vec_grow(nv->e, &nv->cap, nv->n, sizeof(*ne));
	if (!ne)
		return input_nomem(nv->in, line);
	nv->e = ne;
	nv->e[nv->n++] = (struct ent){k, v, kn, vn, line};
	return 0;
}

static void not_understood(struct nv *nv, unsigned line)
{
	input_unknown(nv->in, line, "this line is not a key=value setting; ignored",
		      "この行は key=value 形式の設定ではないため無視します");
}

/* Callback for the backup decoders. */
static int nv_entry(void *ctx, const char *k, size_t kn, const char *v, size_t vn,
		    unsigned entry)
{
	struct nv *nv = ctx;
	if (!key_ok(k, kn)) {
		nv->bad_keys++;
		not_understood(nv, entry);
		return 0;
	}
	return nv_push(nv, k, kn, v, vn, entry);
}

/* "size: 34567 bytes (30969 left)", the last line of `nvram show`. */
static bool is_trailer(const char *s, size_t n)
{
	if (n < 7 || memcmp(s, "size: ", 6) != 0)
		return false;
	size_t i = 6, d = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		i++;
		d++;
	}
	return d > 0 && n - i >= 6 && memcmp(s + i, " bytes", 6) == 0;
}

static int load_text(struct nv *nv)
{
	struct input *in = nv->in;
	const char *d = in->data;
	size_t n = in->len, pos = 0;
	unsigned line = 0;
	bool in_entry = false;        /* the last content line belonged to an entry */
	if (n >= 3 && (unsigned char)d[0] == 0xEF && (unsigned char)d[1] == 0xBB &&
	    (unsigned char)d[2] == 0xBF)
		pos = 3;
	while (pos < n) {
		const char *nl = memchr(d + pos, '\n', n - pos);
		size_t e = nl ? (size_t)(nl - d) : n;
		size_t ls = pos, le = e;
		pos = e + 1;
		line++;
		if (le > ls && d[le - 1] == '\r')
			le--;
		size_t j = ls;
		while (j < le && (d[j] == ' ' || d[j] == '\t' || d[j] == '\r'))
			j++;
		if (j == le)
			continue;
		in->lines_total++;
		if (is_trailer(d + ls, le - ls)) {
			in->lines_understood++;
			in_entry = false;
			continue;
		}
		const char *eq = memchr(d + ls, '=', le - ls);
		if (eq && key_ok(d + ls, (size_t)(eq - (d + ls)))) {
			if (nv_push(nv, d + ls, (size_t)(eq - (d + ls)), eq + 1,
				    (size_t)(d + le - (eq + 1)), line))
				return EL_ENOMEM;
			in->lines_understood++;
			in_entry = true;
		} else if (in_entry) {
			/* The value of the entry above goes on over this line. */
			struct ent *last = &nv->e[nv->n - 1];
			last->vn = (size_t)(d + le - last->v);
			in->lines_understood++;
		} else {
			not_understood(nv, line);
		}
	}
	return 0;
}

static const struct nv *sort_nv;

static int ent_cmp(const void *a, const void *b)
{
	const struct ent *x = &sort_nv->e[*(const size_t *)a];
	const struct ent *y = &sort_nv->e[*(const size_t *)b];
	size_t m = x->kn < y->kn ? x->kn : y->kn;
	int c = memcmp(x->k, y->k, m);
	if (c)
		return c;
	if (x->kn != y->kn)
		return x->kn < y->kn ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static int nv_index(struct nv *nv)
{
	nv->ix = malloc((nv->n ? nv->n : 1) * sizeof(*nv->ix));
	if (!nv->ix)
		return EL_ENOMEM;
	for (size_t i = 0; i < nv->n; i++)
		nv->ix[i] = i;
	sort_nv = nv;
	qsort(nv->ix, nv->n, sizeof(*nv->ix), ent_cmp);
	sort_nv = NULL;
	return 0;
}

static int key_cmp(const struct ent *x, const char *k, size_t kn)
{
	size_t m = x->kn < kn ? x->kn : kn;
	int c = memcmp(x->k, k, m);
	if (c)
		return c;
	return x->kn == kn ? 0 : (x->kn < kn ? -1 : 1);
}

/* The entry for key (the last one when repeated), or NULL. */
static const struct ent *nv_getn(const struct nv *nv, const char *k, size_t kn)
{
	size_t lo = 0, hi = nv->n;   /* first index whose key is > k */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (key_cmp(&nv->e[nv->ix[mid]], k, kn) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || key_cmp(&nv->e[nv->ix[lo - 1]], k, kn) != 0)
		return NULL;
	return &nv->e[nv->ix[lo - 1]];
}

static const struct ent *nv_get(const struct nv *nv, const char *k)
{
	return nv_getn(nv, k, strlen(k));
}

/* prefix + name ("wl0.1_" + "ssid"). */
static const struct ent *nv_getp(const struct nv *nv, const char *prefix, const char *name)
{
	char k[96];
	int r = snprintf(k, sizeof(k), "%s%s", prefix, name);
	if (r < 0 || (size_t)r >= sizeof(k))
		return NULL;
	return nv_getn(nv, k, (size_t)r);
}

static bool val_is(const struct ent *e, const char *s)
{
	return e && e->vn == strlen(s) && memcmp(e->v, s, e->vn) == 0;
}

/* A non-empty value made of digits and up to one dot, whole. */
static bool val_digits(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* A copy of the value as valid UTF-8, in the arena. */
static const char *val_str(struct nv *nv, const struct ent *e)
{
	const char *s = utf8_sanitize(&nv->in->arena, e->v, e->vn);
	if (!s)   /* the input's error (sticky), not a value read as "" */
		input_nomem(nv->in, e->line);
	return s ? s : "";
}

/* "key=value" for evidence; a long value is described by its length. */
static const char *label(struct nv *nv, const struct ent *e)
{
	struct arena *a = &nv->in->arena;
	const char *k = utf8_sanitize(a, e->k, e->kn);
	if (e->vn > QUOTE_MAX || memchr(e->v, '\0', e->vn) || memchr(e->v, '\n', e->vn))
		return arena_printf(a, "%s=(a value of %zu bytes)", k ? k : "?", e->vn);
	const char *v = utf8_sanitize(a, e->v, e->vn);
	return arena_printf(a, "%s=%s", k ? k : "?", v ? v : "");
}

/* ---- secrets ---------------------------------------------------------- */

static bool has_sub(const char *s, size_t n, const char *sub)
{
	return str_icontains(s, n, sub, strlen(sub));
}

/* Whether the value of key k is a secret. */
static bool secret_key(const char *k, size_t kn, const char *v, size_t vn)
{
	static const char *const strong[] = {
		"passwd", "password", "passphrase", "secret", "psk", "_pin", "wep_buf",
		"acc_list", "token", "privkey", "private", "authkey", "hostkey", "dsskey",
		"radius_key", "sae_key", "_crt_key", "pppoe_pass", "_key1", "_key2", "_key3",
		"_key4",
	};
	if (vn == 0)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(strong); i++)
		if (has_sub(k, kn, strong[i]))
			return true;
	/* Other "key" settings: only values that look like one (a number such
	 * as a rekey interval or a key index is not). */
	if (has_sub(k, kn, "key") && !has_sub(k, kn, "rekey") && vn >= 8 && !val_digits(v, vn))
		return true;
	return false;
}

static int register_secrets(struct nv *nv)
{
	for (size_t i = 0; i < nv->n; i++) {
		const struct ent *e = &nv->e[i];
		if (!secret_key(e->k, e->kn, e->v, e->vn))
			continue;
		char *p = arena_strndup(&nv->in->arena, e->v, e->vn);
		if (!p || input_add_secret(nv->in, p, e->vn))
			return EL_ENOMEM;
		/* A value with CRs or NULs is also masked as its lines show it. */
		size_t sn = strnlen(p, e->vn);
		if (sn != e->vn && sn >= SECRET_MASK_MIN && input_add_secret(nv->in, p, sn))
			return EL_ENOMEM;
	}
	return 0;
}

/* ---- security --------------------------------------------------------- */

struct sec_map {
	const char *v;
	enum wifi_sec sec;
};

/* ASUSWRT wlN_auth_mode_x. */
static const struct sec_map asus_modes[] = {
	{"open", WSEC_OPEN},          {"shared", WSEC_WEP},       {"psk", WSEC_WPA},
	{"psk2", WSEC_WPA2},          {"pskpsk2", WSEC_WPA_WPA2}, {"sae", WSEC_WPA3},
	{"psk2sae", WSEC_WPA2_WPA3},  {"wpa", WSEC_WPA},          {"wpa2", WSEC_WPA2_ENT},
	{"wpawpa2", WSEC_WPA_WPA2},   {"wpa3", WSEC_WPA3_ENT},    {"wpa2wpa3", WSEC_WPA2_ENT},
	{"suite-b", WSEC_WPA3_ENT},   {"radius", WSEC_WEP},       {"owe", WSEC_OWE},
	{"openowe", WSEC_OWE},
};

/* Tomato / FreshTomato wlN_security_mode. */
static const struct sec_map tomato_modes[] = {
	{"disabled", WSEC_OPEN},          {"wep", WSEC_WEP},
	{"wpa_personal", WSEC_WPA},       {"wpa2_personal", WSEC_WPA2},
	{"wpaX_personal", WSEC_WPA_WPA2}, {"wpa_enterprise", WSEC_WPA},
	{"wpa2_enterprise", WSEC_WPA2_ENT}, {"wpaX_enterprise", WSEC_WPA_WPA2},
	{"radius", WSEC_WEP},
};

static bool map_find(const struct sec_map *m, size_t n, const struct ent *e,
		     enum wifi_sec *out)
{
	for (size_t i = 0; i < n; i++)
		if (val_is(e, m[i].v)) {
			*out = m[i].sec;
			return true;
		}
	return false;
}

enum akm_flag {
	AK_P1 = 1 << 0, AK_P2 = 1 << 1, AK_P3 = 1 << 2, AK_E1 = 1 << 3, AK_E2 = 1 << 4,
	AK_E3 = 1 << 5, AK_OWE = 1 << 6, AK_WEP = 1 << 7, AK_OPEN = 1 << 8, AK_EAP = 1 << 9,
};

static const struct {
	const char *t;
	unsigned f;
} akm_tokens[] = {
	{"psk", AK_P1},        {"psk2", AK_P2},         {"psk2-sha256", AK_P2},
	{"psk2ft", AK_P2},     {"psk3", AK_P3},         {"sae", AK_P3},
	{"wpa", AK_E1},        {"wpa2", AK_E2},         {"wpa2-sha256", AK_E2},
	{"wpa2ft", AK_E2},     {"wpa3", AK_E3},         {"wpa3-192", AK_E3},
	{"wpa3-128", AK_E3},   {"suite-b", AK_E3},      {"owe", AK_OWE},
	{"wep", AK_WEP},       {"radius", AK_WEP},      {"disabled", AK_OPEN},
	{"none", AK_OPEN},     {"open", AK_OPEN},       {"802.1x", AK_EAP},
	{"leap", AK_EAP},      {"peap", AK_EAP},        {"tls", AK_EAP},
	{"ttls", AK_EAP},
};

/* A space-separated AKM list ("psk psk2"); false on an unknown token.
 * An empty list is AK_OPEN with *empty set. */
static bool akm_parse(const struct ent *e, enum wifi_sec *out, bool *empty)
{
	unsigned f = 0;
	size_t i = 0;
	*empty = true;
	while (i < e->vn) {
		while (i < e->vn && (e->v[i] == ' ' || e->v[i] == '\t' || e->v[i] == '\r'))
			i++;
		size_t s = i;
		while (i < e->vn && e->v[i] != ' ' && e->v[i] != '\t' && e->v[i] != '\r')
			i++;
		if (i == s)
			break;
		unsigned tf = 0;
		for (size_t t = 0; t < ARRAY_SIZE(akm_tokens); t++)
			if (strlen(akm_tokens[t].t) == i - s &&
			    memcmp(akm_tokens[t].t, e->v + s, i - s) == 0)
				tf = akm_tokens[t].f;
		if (!tf)
			return false;
		f |= tf;
		*empty = false;
	}
	bool w1 = f & (AK_P1 | AK_E1), p = f & (AK_P2 | AK_P3), ent = f & (AK_E2 | AK_E3);
	if (f & AK_WEP)
		*out = WSEC_WEP;
	else if (w1)
		*out = (p || ent) ? WSEC_WPA_WPA2 : WSEC_WPA;
	else if (p)
		*out = (f & AK_P2) && (f & AK_P3) ? WSEC_WPA2_WPA3
		       : (f & AK_P3)              ? WSEC_WPA3
						  : WSEC_WPA2;
	else if (ent)
		*out = (f & AK_E3) && !(f & AK_E2) ? WSEC_WPA3_ENT : WSEC_WPA2_ENT;
	else if (f & AK_OWE)
		*out = WSEC_OWE;
	else if (f & AK_EAP)
		return false;   /* 802.1X without WPA: not known well enough */
	else
		*out = WSEC_OPEN;
	return true;
}

/* WEP switched on by the Broadcom or ASUSWRT key. */
static const struct ent *wep_on(const struct nv *nv, const char *p)
{
	const struct ent *w = nv_getp(nv, p, "wep_x");
	if (w && w->vn && !val_is(w, "0"))
		return w;
	w = nv_getp(nv, p, "wep");
	if (val_is(w, "enabled"))
		return w;
	return NULL;
}

static void unknown_mode_note(struct nv *nv, const struct ent *e)
{
	input_diag(nv->in, DIAG_NOTE, e->line, 0,
		   "the security mode in %s is not one edgelint knows",
		   "%s のセキュリティ方式は edgelint の知らない値です", label(nv, e));
}

/* Sets w->sec and w->sec_label for the BSS of prefix p. */
static void bss_security(struct nv *nv, const char *p, struct wifi_net *w)
{
	const struct ent *am = nv_getp(nv, p, "auth_mode_x");
	const struct ent *sm = nv_getp(nv, p, "security_mode");
	const struct ent *akm = nv_getp(nv, p, "akm");
	const struct ent *used = NULL, *unknown = NULL;
	enum wifi_sec sec = WSEC_UNSET;
	bool empty = false;
	if (am && am->vn) {
		if (map_find(asus_modes, ARRAY_SIZE(asus_modes), am, &sec)) {
			used = am;
			const struct ent *wx;
			if (sec == WSEC_OPEN && (wx = wep_on(nv, p))) {
				sec = WSEC_WEP;
				used = wx;
			}
		} else {
			unknown = am;
		}
	}
	if (!used && sm && sm->vn &&
	    map_find(tomato_modes, ARRAY_SIZE(tomato_modes), sm, &sec))
		used = sm;
	if (!used && akm) {
		if (akm_parse(akm, &sec, &empty)) {
			used = akm;
		} else if (!unknown) {
			unknown = akm;
		}
	}
	if (!used && sm && sm->vn) {
		if (akm_parse(sm, &sec, &empty))
			used = sm;
		else if (!unknown)
			unknown = sm;
	}
	if (used && sec == WSEC_OPEN && used != am) {
		const struct ent *we = wep_on(nv, p);
		if (we) {
			sec = WSEC_WEP;
			used = we;
		}
	}
	if (unknown) {
		unknown_mode_note(nv, unknown);
		if (!used) {
			w->sec = WSEC_UNKNOWN;
			w->sec_label = (struct sval){label(nv, unknown), unknown->line};
			return;
		}
	}
	if (!used) {
		/* Nothing said: the Broadcom default is open, or WEP when on. */
		const struct ent *we = wep_on(nv, p);
		w->sec = we ? WSEC_WEP : WSEC_OPEN;
		if (we)
			w->sec_label = (struct sval){label(nv, we), we->line};
		return;
	}
	w->sec = sec;
	w->sec_label = (struct sval){label(nv, used), used->line};
}

static void bss_cipher(struct nv *nv, const char *p, struct wifi_net *w)
{
	switch (w->sec) {
	case WSEC_WPA: case WSEC_WPA_WPA2: case WSEC_WPA2: case WSEC_WPA2_WPA3:
	case WSEC_WPA2_ENT:
		break;
	default:
		return;   /* SAE-only and WPA3-Enterprise use CCMP/GCMP whatever crypto says */
	}
	const struct ent *c = nv_getp(nv, p, "crypto");
	if (c && c->vn) {
		if (val_is(c, "aes"))
			w->cipher = WCIPH_AES;
		else if (val_is(c, "tkip"))
			w->cipher = WCIPH_TKIP;
		else if (val_is(c, "tkip+aes") || val_is(c, "aes+tkip"))
			w->cipher = WCIPH_TKIP_AES;
		else
			input_diag(nv->in, DIAG_NOTE, c->line, 0,
				   "the cipher in %s is not one edgelint knows",
				   "%s の暗号方式は edgelint の知らない値です", label(nv, c));
		if (w->cipher != WCIPH_UNSET)
			w->cipher_line = c->line;
		return;
	}
	/* DD-WRT Atheros builds: one flag per cipher. */
	const struct ent *cc = nv_getp(nv, p, "ccmp"), *tk = nv_getp(nv, p, "tkip");
	bool a = val_is(cc, "1"), t = val_is(tk, "1");
	if (a || t) {
		w->cipher = a && t ? WCIPH_TKIP_AES : t ? WCIPH_TKIP : WCIPH_AES;
		w->cipher_line = t ? tk->line : cc->line;
	}
}

/* PMF: wlN_mfp "Protected Management Frames: 0 - Disable, 1 - Capable,
 * 2 - Required" (FreshTomato nvram validation table, wl_mfp V_RANGE(0, 2);
 * Asuswrt defaults.c "wl_mfp" "0"). Not said (absent, or Broadcom's "-1")
 * stays unset: firmware may set it at run time from the mode. */
static void bss_pmf(struct nv *nv, const char *p, struct wifi_net *w)
{
	const struct ent *m = nv_getp(nv, p, "mfp");
	static const char *const vals[] = {"0", "1", "2"};
	static const enum wifi_pmf pmf[] = {WPMF_OFF, WPMF_OPTIONAL, WPMF_REQUIRED};
	for (size_t i = 0; m && i < ARRAY_SIZE(vals); i++) {
		if (val_is(m, vals[i])) {
			w->pmf = pmf[i];
			w->pmf_line = m->line;
		}
	}
}

static int bss_pass(struct nv *nv, const char *p, struct wifi_net *w)
{
	if (!wifi_sec_is_personal(w->sec))
		return 0;
	const struct ent *k = NULL;
	if (w->sec == WSEC_WPA3) {
		k = nv_getp(nv, p, "sae_key");
		if (k && k->vn == 0)
			k = NULL;
	}
	if (!k)
		k = nv_getp(nv, p, "wpa_psk");
	if (!k)
		return 0;
	char *s = arena_strndup(&nv->in->arena, k->v, k->vn);
	if (!s)
		return EL_ENOMEM;
	w->pass = s;
	w->pass_len = strnlen(s, k->vn);
	w->pass_line = k->line;
	return input_add_secret(nv->in, s, w->pass_len);
}

/* ---- BSSes ------------------------------------------------------------ */

struct bss {
	int fam;                 /* 0 wl, 1 wlan, 2 ath */
	int radio, sub;          /* sub -1: the radio's primary BSS; radio -1:
				  * the bare wl_ keys of a single radio */
	const struct ent *ssid;
};

static const char *const fam_names[] = {"wl", "wlan", "ath"};

/* Reads "wl0_", "wl0.1_", "wlan1_", "ath0.2_" at the start of k; returns
 * the prefix length (with the '_') or 0. */
static size_t bss_prefix(const char *k, size_t kn, struct bss *b)
{
	size_t i;
	if (kn > 4 && memcmp(k, "wlan", 4) == 0) {
		b->fam = 1;
		i = 4;
	} else if (kn > 3 && memcmp(k, "ath", 3) == 0) {
		b->fam = 2;
		i = 3;
	} else if (kn > 2 && memcmp(k, "wl", 2) == 0) {
		b->fam = 0;
		i = 2;
	} else {
		return 0;
	}
	int num[2] = {0, -1};
	for (int part = 0; part < 2; part++) {
		size_t s = i;
		int v = 0;
		while (i < kn && k[i] >= '0' && k[i] <= '9' && i - s < 3)
			v = v * 10 + (k[i++] - '0');
		if (i == s)
			return 0;
		num[part] = v;
		if (i < kn && k[i] == '.' && part == 0) {
			i++;
			continue;
		}
		break;
	}
	if (i >= kn || k[i] != '_')
		return 0;
	b->radio = num[0];
	b->sub = num[1];
	return i + 1;
}

static void prefix_str(char *buf, size_t n, const struct bss *b, bool parent)
{
	if (b->radio < 0)
		snprintf(buf, n, "%s_", fam_names[b->fam]);
	else if (b->sub < 0 || parent)
		snprintf(buf, n, "%s%d_", fam_names[b->fam], b->radio);
	else
		snprintf(buf, n, "%s%d.%d_", fam_names[b->fam], b->radio, b->sub);
}

static int bss_cmp(const void *a, const void *b)
{
	const struct bss *x = a, *y = b;
	if (x->fam != y->fam)
		return x->fam - y->fam;
	if (x->radio != y->radio)
		return x->radio - y->radio;
	return x->sub - y->sub;
}

/* Whether the word w appears in the space-separated list of e. */
static bool list_has(const struct ent *e, const char *w)
{
	size_t wn = strlen(w), i = 0;
	while (e && i < e->vn) {
		while (i < e->vn && e->v[i] == ' ')
			i++;
		size_t s = i;
		while (i < e->vn && e->v[i] != ' ')
			i++;
		if (i - s == wn && memcmp(e->v + s, w, wn) == 0)
			return true;
	}
	return false;
}

static bool bss_enabled(struct nv *nv, const struct bss *b, const char *p, const char *pp)
{
	const struct ent *r = nv_getp(nv, pp, "radio");
	if (r && val_is(r, "0"))
		return false;
	if (val_is(nv_getp(nv, pp, "net_mode"), "disabled"))
		return false;
	const struct ent *be = nv_getp(nv, p, "bss_enabled");
	if (be)
		return !val_is(be, "0") && be->vn > 0;
	if (b->sub < 0)
		return true;
	const struct ent *own = nv_getp(nv, p, "radio");
	if (own)
		return !val_is(own, "0");
	const struct ent *vifs = nv_getp(nv, pp, "vifs");
	if (vifs) {
		char name[32];
		snprintf(name, sizeof(name), "%s%d.%d", fam_names[b->fam], b->radio, b->sub);
		return list_has(vifs, name);
	}
	return true;
}

static bool bss_is_ap(struct nv *nv, const char *p)
{
	static const char *const ap[] = {"ap", "wds", "wdsap"};
	static const char *const not_ap[] = {"sta", "wet", "psta", "psr", "apsta", "apstawet",
					     "wdssta", "wdssta_mtik", "infra", "adhoc", "mesh"};
	const struct ent *m = nv_getp(nv, p, "mode");
	if (!m || m->vn == 0)
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(ap); i++)
		if (val_is(m, ap[i]))
			return true;
	for (size_t i = 0; i < ARRAY_SIZE(not_ap); i++)
		if (val_is(m, not_ap[i]))
			return false;
	input_diag(nv->in, DIAG_NOTE, m->line, 0,
		   "the wireless mode in %s is not one edgelint knows; the network is judged "
		   "as an access point",
		   "%s の無線モードは edgelint の知らない値です。アクセスポイントとして判定します",
		   label(nv, m));
	return true;
}

static int add_bss(struct nv *nv, const struct bss *b)
{
	struct input *in = nv->in;
	char p[32], pp[32];
	prefix_str(p, sizeof(p), b, false);
	prefix_str(pp, sizeof(pp), b, true);
	struct wifi_net *w = arena_alloc(&in->arena, sizeof(*w));
	if (!w)
		return EL_ENOMEM;
	w->ssid = (struct sval){val_str(nv, b->ssid), b->ssid->line};
	w->line = b->ssid->line;
	w->is_ap = bss_is_ap(nv, p);
	w->enabled = bss_enabled(nv, b, p, pp);
	const struct ent *nb = nv_getp(nv, pp, "nband");
	if (val_is(nb, "2"))
		w->band = (struct sval){"2.4GHz", nb->line};
	else if (val_is(nb, "1"))
		w->band = (struct sval){"5GHz", nb->line};
	else if (val_is(nb, "4"))
		w->band = (struct sval){"6GHz", nb->line};
	bss_security(nv, p, w);
	bss_cipher(nv, p, w);
	bss_pmf(nv, p, w);
	if (bss_pass(nv, p, w))
		return EL_ENOMEM;
	*in->dev.wifi_tail = w;
	in->dev.wifi_tail = &w->next;
	in->dev.nwifi++;
	return 0;
}

static int find_bsses(struct nv *nv)
{
	struct bss *list = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	for (size_t i = 0; i < nv->n; i++) {
		const struct ent *e = &nv->e[i];
		struct bss b;
		size_t pl = bss_prefix(e->k, e->kn, &b);
		if (!pl || e->kn - pl != 4 || memcmp(e->k + pl, "ssid", 4) != 0)
			continue;
		if (nv_getn(nv, e->k, e->kn) != e)
			continue;   /* a repeated key: the later one counts */
		struct bss *nl = vec_grow(list, &cap, n, sizeof(*nl));
		if (!nl) {
			free(list);
			return input_nomem(nv->in, 0);
		}
		list = nl;
		b.ssid = e;
		list[n++] = b;
	}
	if (n)
		qsort(list, n, sizeof(*list), bss_cmp);
	/* No radio of its own (no wlN_ssid): on single-radio firmware (Linksys
	 * WRT54G-era stock firmware and the DD-WRT/Tomato builds for it) the
	 * bare wl_ keys are the radio's settings, not a copy of another
	 * unit's (issue 14 §2). */
	const struct ent *bare = n ? NULL : nv_get(nv, "wl_ssid");
	if (bare) {
		list = vec_grow(list, &cap, n, sizeof(*list));
		if (!list)
			return input_nomem(nv->in, 0);
		list[n++] = (struct bss){.fam = 0, .radio = -1, .sub = -1, .ssid = bare};
	}
	for (size_t i = 0; i < n && !rc; i++)
		rc = add_bss(nv, &list[i]);
	free(list);
	return rc;
}

/* ---- device identity -------------------------------------------------- */

/* The date in C __DATE__ ("Jan 13 2016"), `date` ("Sat Dec 28 20:00:00
 * CET 2024") or RFC 2822 ("Sat, 28 Dec 2024 …") form: a month name, a
 * day and a 4-digit year, in any order. Returns "YYYY-MM-DD" or NULL. */
static const char *text_date(struct nv *nv, const struct ent *e)
{
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	int mon = 0, day = 0, year = 0;
	size_t i = 0;
	while (e && i < e->vn) {
		while (i < e->vn && (e->v[i] == ' ' || e->v[i] == ',' || e->v[i] == '\t'))
			i++;
		size_t s = i;
		while (i < e->vn && e->v[i] != ' ' && e->v[i] != ',' && e->v[i] != '\t')
			i++;
		size_t tn = i - s;
		const char *t = e->v + s;
		if (tn == 3 && !mon) {
			for (int m = 0; m < 12; m++)
				if (memcmp(t, months[m], 3) == 0)
					mon = m + 1;
		} else if ((tn == 1 || tn == 2) && !day && val_digits(t, tn)) {
			day = (t[0] - '0') * (tn == 2 ? 10 : 1) + (tn == 2 ? t[1] - '0' : 0);
		} else if (tn == 4 && !year && val_digits(t, tn)) {
			year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 +
			       (t[3] - '0');
		}
	}
	if (!mon || !day || day > 31 || year < 1990 || year > 2999)
		return NULL;
	char buf[16];
	date_format(date_days(year, mon, day), buf, sizeof(buf));
	return arena_strdup(&nv->in->arena, buf);
}

static void set_date(struct nv *nv, const struct ent *e)
{
	const char *d = text_date(nv, e);
	if (d)
		nv->in->dev.firmware_date = (struct sval){d, e->line};
	else if (e && e->vn)
		input_diag(nv->in, DIAG_NOTE, e->line, 0,
			   "the build date in %s is not a date edgelint can read",
			   "%s のビルド日付を読み取れません", label(nv, e));
}

static bool nonempty(const struct ent *e)
{
	return e && e->vn > 0;
}

/* Up to the first space (FreshTomato's "2024.3 K26ARM USB AIO-64K"). */
static size_t first_word(const struct ent *e)
{
	size_t i = 0;
	while (i < e->vn && e->v[i] != ' ')
		i++;
	return i;
}

/* The number before the first '.' of a Merlin buildno ("388.2" -> 388),
 * or 0 with a note at its line when it is not a number. */
static unsigned long nv_buildno_major(struct nv *nv, const struct ent *bn, const char *b)
{
	struct cursor c;
	unsigned long v;
	cur_init(&c, b, strcspn(b, "."));
	if (cur_uint(&c, 999999, &v) == 0 && cur_eof(&c))
		return v;
	input_diag(nv->in, DIAG_NOTE, bn->line, 1,
		   "buildno '%s' does not start with a number: its firmware line is not known",
		   "buildno '%s' が数字で始まっていないため、ファームウェアの系列が分かりません",
		   utf8_sanitize(&nv->in->arena, b, strnlen(b, 40)));
	return 0;
}

static void ident_asus(struct nv *nv, const struct ent *pid)
{
	struct input *in = nv->in;
	struct device *d = &in->dev;
	struct arena *a = &in->arena;
	const struct ent *odm = nv_get(nv, "odmpid");
	const struct ent *fv = nv_get(nv, "firmver"), *bn = nv_get(nv, "buildno");
	const struct ent *ex = nv_get(nv, "extendno");
	d->vendor = (struct sval){"asus", pid->line};
	d->vendor_display = "ASUS";
	if (nonempty(odm))
		d->model = (struct sval){val_str(nv, odm), odm->line};
	else
		d->model = (struct sval){val_str(nv, pid), pid->line};
	if (nonempty(bn)) {
		const char *b = val_str(nv, bn);
		const char *f = nonempty(fv) ? val_str(nv, fv) : "";
		const char *x = nonempty(ex) && !val_is(ex, "0") ? val_str(nv, ex) : NULL;
		const char *fw;
		if (strchr(b, '.')) {
			/* Merlin names its releases 3006.102.x, 3004.388.x, 386.x:
			 * the branch is 3006 for firmver 3.0.0.6, else buildno's
			 * leading number; the release within it is buildno[_extendno]
			 * (home-firmware.yaml asuswrt_merlin, its notes). */
			d->distro = "asuswrt-merlin";
			const char *lead = "";
			const char *rel = x ? arena_printf(a, "%s_%s", b, x) : b;
			size_t nd = 0;
			while (b[nd] >= '0' && b[nd] <= '9' && nd < 15)
				nd++;
			bool known = true;
			if (strncmp(f, "3.0.0.6", 7) == 0) {
				lead = "3006.";
				d->fw_branch = "3006";
			} else {
				/* A buildno not starting with a number ("388x.2")
				 * has no known line (noted at its line). */
				unsigned long major = nv_buildno_major(nv, bn, b);
				if (major >= 388)
					lead = "3004.";
				known = major > 0;
				d->fw_branch = known ? arena_strndup(a, b, nd) : NULL;
			}
			d->fw_release = known ? rel : NULL;
			fw = rel ? arena_printf(a, "%s%s", lead, rel) : NULL;
		} else {
			d->distro = "asuswrt";
			fw = x ? arena_printf(a, "%s.%s_%s", f, b, x) : arena_printf(a, "%s.%s", f, b);
		}
		d->firmware = (struct sval){fw, bn->line};
		if (x && (str_icontains(x, strlen(x), "alpha", 5) ||
			  str_icontains(x, strlen(x), "beta", 4)))
			d->snapshot = true;
	}
	const struct ent *bi = nv_get(nv, "buildinfo");
	if (nonempty(bi))
		set_date(nv, bi);
}

static bool is_tomato(const struct nv *nv)
{
	static const char *const marks[] = {"t_model_name", "tomatoanon_enable",
					    "tomatoanon_answer", "t_features"};
	for (size_t i = 0; i < ARRAY_SIZE(marks); i++)
		if (nv_get(nv, marks[i]))
			return true;
	return false;
}

static void ident(struct nv *nv)
{
	struct input *in = nv->in;
	struct device *d = &in->dev;
	const struct ent *pid = nv_get(nv, "productid");
	const struct ent *osv = nv_get(nv, "os_version"), *osd = nv_get(nv, "os_date");
	const struct ent *e;
	if (nonempty(pid) && (nv_get(nv, "firmver") || nv_get(nv, "buildno"))) {
		ident_asus(nv, pid);
	} else if (is_tomato(nv)) {
		size_t vn = nonempty(osv) ? first_word(osv) : 0;
		/* FreshTomato's calendar versions: YYYY.N. */
		bool fresh = vn >= 6 && osv->v[0] == '2' && osv->v[4] == '.' &&
			     val_digits(osv->v, 4) && val_digits(osv->v + 5, vn - 5);
		d->vendor = (struct sval){fresh ? "freshtomato" : "tomato", osv ? osv->line : 0};
		d->vendor_display = fresh ? "FreshTomato" : "Tomato";
		d->distro = fresh ? "freshtomato" : NULL;
		if (vn)
			d->firmware = (struct sval){arena_strndup(&in->arena, osv->v, vn), osv->line};
		if ((e = nv_get(nv, "t_model_name")) && e->vn)
			d->model = (struct sval){val_str(nv, e), e->line};
		if (nonempty(osd))
			set_date(nv, osd);
	} else if ((e = nv_get(nv, "DD_BOARD")) ||
		   (nonempty(osv) && val_digits(osv->v, osv->vn) && nonempty(osd) &&
		    !nv_get(nv, "BOARD_NAME") && !nv_get(nv, "fw_info"))) {
		d->vendor = (struct sval){"dd-wrt", e ? e->line : osv->line};
		d->vendor_display = "DD-WRT";
		d->distro = "dd-wrt";
		if (nonempty(e))
			d->model = (struct sval){val_str(nv, e), e->line};
		if (nonempty(osv) && val_digits(osv->v, osv->vn))
			d->firmware = (struct sval){arena_printf(&in->arena, "r%s", val_str(nv, osv)),
						    osv->line};
		if (nonempty(osd))
			set_date(nv, osd);
	} else if (nonempty(e = nv_get(nv, "BOARD_NAME")) || nonempty(nv_get(nv, "fw_info"))) {
		const struct ent *fw = nv_get(nv, "fw_info");
		d->vendor = (struct sval){"tenda", e ? e->line : fw->line};
		d->vendor_display = "Tenda";
		if (nonempty(e))
			d->model = (struct sval){val_str(nv, e), e->line};
		if (nonempty(fw))
			d->firmware = (struct sval){val_str(nv, fw), fw->line};
		if (nonempty(osd))
			set_date(nv, osd);
	}
	/* A model named by one of the keys firmware families keep it in
	 * (ASUSWRT odmpid/productid, model, Tomato t_model_name), whatever
	 * the firmware; router_name only where no firmware family was told
	 * (on Linksys stock firmware it is the model, "WRP400"; DD-WRT and
	 * Tomato keep the host name there). */
	static const char *const mkeys[] = {"odmpid", "productid", "model", "t_model_name",
					    "router_name"};
	for (size_t i = 0; i < ARRAY_SIZE(mkeys) && !d->model.s; i++) {
		if (i == ARRAY_SIZE(mkeys) - 1 && d->vendor.s)
			break;
		if (nonempty(e = nv_get(nv, mkeys[i])))
			d->model = (struct sval){val_str(nv, e), e->line};
	}
	if (d->vendor.s || d->model.s)
		in->has_device = true;
}

/* ---- internet side ---------------------------------------------------- */

static void tri_set(const struct ent *e, const char *on, enum tri *t, unsigned *line)
{
	if (!e || e->vn == 0)
		return;
	*t = val_is(e, "0") || val_is(e, "disabled") ? TRI_NO
	     : (on ? val_is(e, on) : true)          ? TRI_YES
						   : TRI_NO;
	*line = e->line;
}

static void exposure_switches(struct nv *nv)
{
	struct device *d = &nv->in->dev;
	const struct ent *e;
	/* WPS on or off only: these keys do not say which methods (PIN,
	 * push-button) the firmware offers, so wps_pin and wps_push stay
	 * unknown. */
	/* The first key present decides (wps_mode even when empty). After
	 * them, single-radio firmware keeps WPS with the radio's bare wl_
	 * keys: wl_wps_mode (enabled/disabled) and, on Linksys/Cybertan
	 * firmware (WRP400: samples/nvram/SOURCES.md), wl_wsc_enable (1/0). */
	static const struct {
		const char *key, *on;
		bool even_empty;
	} wps_keys[] = {{"wps_enable", NULL, false},
			{"wps_mode", "enabled", true},
			{"wl_wps_mode", "enabled", false},
			{"wl_wsc_enable", "1", false}};
	for (size_t i = 0; i < ARRAY_SIZE(wps_keys); i++) {
		if ((e = nv_get(nv, wps_keys[i].key)) && (e->vn || wps_keys[i].even_empty)) {
			tri_set(e, wps_keys[i].on, &d->wps, &d->wps_line);
			break;
		}
	}
	tri_set(nv_get(nv, "upnp_enable"), NULL, &d->upnp, &d->upnp_line);

	struct arena *a = &nv->in->arena;
	if (nonempty(e = nv_get(nv, "misc_http_x"))) {
		tri_set(e, "1", &d->remote_admin, &d->remote_admin_line);
		if (d->remote_admin == TRI_YES) {
			const struct ent *he = nv_get(nv, "http_enable");
			bool https = nonempty(he) && !val_is(he, "0");
			const struct ent *pe = nv_get(nv, https ? "misc_httpsport_x" : "misc_httpport_x");
			const char *port = nonempty(pe) ? val_str(nv, pe) : (https ? "8443" : "8080");
			d->remote_admin_why = arena_printf(
				a, "misc_http_x=1: the web admin page answers from the WAN on %s port %s",
				https ? "HTTPS" : "HTTP", port);
			d->remote_admin_why_ja = arena_printf(
				a, "misc_http_x=1：Web の管理画面が WAN 側の %s ポート %s で応答します",
				https ? "HTTPS" : "HTTP", port);
		}
	} else if (nonempty(e = nv_get(nv, "remote_management"))) {
		tri_set(e, "1", &d->remote_admin, &d->remote_admin_line);
		if (d->remote_admin == TRI_YES) {
			const struct ent *pe = nv_get(nv, "http_wanport");
			d->remote_admin_why =
				nonempty(pe) ? arena_printf(a, "remote_management=1: the web admin page "
							       "answers from the WAN on port %s",
							    val_str(nv, pe))
					     : "remote_management=1: the web admin page answers from the WAN";
			d->remote_admin_why_ja =
				nonempty(pe) ? arena_printf(a, "remote_management=1：Web の管理画面が "
							       "WAN 側のポート %s で応答します",
							    val_str(nv, pe))
					     : "remote_management=1：Web の管理画面が WAN 側から応答します";
		}
	} else if (nonempty(e = nv_get(nv, "rm_web_en"))) {
		tri_set(e, "1", &d->remote_admin, &d->remote_admin_line);
		if (d->remote_admin == TRI_YES) {
			const struct ent *pe = nv_get(nv, "rm_web_port");
			d->remote_admin_why =
				nonempty(pe) ? arena_printf(a, "rm_web_en=1: the web admin page answers "
							       "from the WAN on port %s",
							    val_str(nv, pe))
					     : "rm_web_en=1: the web admin page answers from the WAN";
			d->remote_admin_why_ja =
				nonempty(pe) ? arena_printf(a, "rm_web_en=1：Web の管理画面が WAN 側の"
							       "ポート %s で応答します",
							    val_str(nv, pe))
					     : "rm_web_en=1：Web の管理画面が WAN 側から応答します";
		}
	}
}

static bool parse_port(const char *s, size_t n, unsigned *out)
{
	if (n == 0 || n > 5 || !val_digits(s, n))
		return false;
	unsigned v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	if (v == 0 || v > 65535)
		return false;
	*out = v;
	return true;
}

/* The admin service of the router a forward to its own LAN address
 * (lan_ipaddr) reaches on ports lo-hi (0-0: every port), or NULL: SSH 22,
 * Telnet 23, HTTP 80, HTTPS 443, and the ports the router's own web page
 * and SSH server use (ASUSWRT/Tomato/DD-WRT http_lanport, https_lanport,
 * sshd_port; Tomato/DD-WRT telnet_port). */
static const char *nv_admin_svc(const struct nv *nv, unsigned lo, unsigned hi)
{
	static const struct {
		unsigned port;
		const char *key, *svc;
	} ports[] = {{22, NULL, "SSH"},	       {23, NULL, "Telnet"},
		     {80, NULL, "HTTP"},       {443, NULL, "HTTPS"},
		     {0, "http_lanport", "HTTP"}, {0, "https_lanport", "HTTPS"},
		     {0, "sshd_port", "SSH"},  {0, "telnet_port", "Telnet"}};
	for (size_t i = 0; i < ARRAY_SIZE(ports); i++) {
		unsigned p = ports[i].port;
		const struct ent *e = ports[i].key ? nv_get(nv, ports[i].key) : NULL;
		if (ports[i].key && !(nonempty(e) && parse_port(e->v, e->vn, &p)))
			continue;
		if ((lo == 0 && hi == 0) || (p >= lo && p <= hi))
			return ports[i].svc;
	}
	return NULL;
}

static int add_fwd(struct nv *nv, const char *name, const char *proto, unsigned lo,
		   unsigned hi, const char *to, unsigned to_port, const char *from, unsigned line)
{
	struct input *in = nv->in;
	struct home_forward *f = arena_alloc(&in->arena, sizeof(*f));
	if (!f)
		return EL_ENOMEM;
	*f = (struct home_forward){.name = name, .proto = proto, .port_lo = lo, .port_hi = hi,
				   .to = to, .to_port = to_port, .from = from, .line = line};
	/* A forward to the router's own LAN address reaches the router itself
	 * (issue 14 §2): on an admin port, remote administration. The
	 * router's ports are the inside port when given, else the outside ones. */
	const struct ent *lan = nv_get(nv, "lan_ipaddr");
	if (to && nonempty(lan) && strlen(to) == lan->vn && memcmp(to, lan->v, lan->vn) == 0) {
		f->to_router = true;
		f->admin_svc = to_port ? nv_admin_svc(nv, to_port, to_port) : nv_admin_svc(nv, lo, hi);
	}
	*in->dev.hfwds_tail = f;
	in->dev.hfwds_tail = &f->next;
	in->dev.nhfwds++;
	return 0;
}


/* Splits [s, s+n) at c into at most max fields; returns the count. */
static size_t split(const char *s, size_t n, char c, const char **f, size_t *fn, size_t max)
{
	size_t k = 0, st = 0;
	for (size_t i = 0; i <= n && k < max; i++) {
		if (i == n || s[i] == c) {
			f[k] = s + st;
			fn[k++] = i - st;
			st = i + 1;
		}
	}
	return k;
}

static const char *dup_or_null(struct nv *nv, const char *s, size_t n)
{
	if (n == 0)
		return NULL;
	return utf8_sanitize(&nv->in->arena, s, n);
}

/* External ports "30,40-45", "1000:2000" (Tomato; DD-WRT "from"-"to"
 * given apart): one forward per item, through add_fwd(); an item edgelint
 * cannot read is a forward of every port, with a note. */
static int fwd_ports(struct nv *nv, const struct ent *e, const char *key, const char *name,
		     const char *proto, const char *ports, size_t pn, const char *to,
		     unsigned to_port, const char *from)
{
	const char *pf[64];
	size_t pfn[64];
	size_t np = split(ports, pn, ',', pf, pfn, 64);
	size_t items = 1;
	for (size_t i = 0; i < pn; i++)
		items += ports[i] == ',';
	if (items > np)
		input_diag(nv->in, DIAG_NOTE, e->line, 0,
			   "a port forwarding rule in %s lists %zu port items; only the first %zu "
			   "are read (edgelint's limit)",
			   "%s のポート転送ルールにポートが %zu 個あります。読むのは最初の %zu 個だけです"
			   "（edgelint の上限）",
			   key, items, np);
	for (size_t i = 0; i < np; i++) {
		size_t cut = 0;
		while (cut < pfn[i] && pf[i][cut] != '-' && pf[i][cut] != ':')
			cut++;
		unsigned lo = 0, hi = 0;
		bool ok = parse_port(pf[i], cut, &lo);
		if (ok && cut < pfn[i])
			ok = parse_port(pf[i] + cut + 1, pfn[i] - cut - 1, &hi) && hi >= lo;
		else
			hi = lo;
		if (!ok) {
			input_diag(nv->in, DIAG_NOTE, e->line, 0,
				   "a port forwarding rule in %s has external ports edgelint cannot "
				   "read; it is reported as forwarding every port",
				   "%s のポート転送ルールの外部ポートを読み取れないため、"
				   "全ポートの転送として報告します",
				   key);
			lo = hi = 0;
		}
		if (add_fwd(nv, name, proto, lo, hi, to, to_port, from, e->line))
			return EL_ENOMEM;
	}
	return 0;
}

/* One ASUSWRT vts_rulelist rule: desc>port>dstip>lport>proto[>srcip]. */
static int vts_rule(struct nv *nv, const struct ent *e, const char *r, size_t rn)
{
	const char *f[7];
	size_t fn[7];
	size_t k = split(r, rn, '>', f, fn, 7);
	if (k < 5) {
		input_diag(nv->in, DIAG_NOTE, e->line, 0,
			   "a port forwarding rule in vts_rulelist has %zu fields, not 5 or 6; ignored",
			   "vts_rulelist のポート転送ルールの項目数が %zu で、5 か 6 ではないため無視します",
			   k);
		return 0;
	}
	const char *proto = NULL;
	if (fn[4] == 3 && memcmp(f[4], "TCP", 3) == 0)
		proto = "tcp";
	else if (fn[4] == 3 && memcmp(f[4], "UDP", 3) == 0)
		proto = "udp";
	else if (fn[4] == 4 && memcmp(f[4], "BOTH", 4) == 0)
		proto = "tcp+udp";
	else if (fn[4] == 5 && memcmp(f[4], "OTHER", 5) == 0)
		proto = "any";
	const char *name = dup_or_null(nv, f[0], fn[0]);
	const char *to = dup_or_null(nv, f[2], fn[2]);
	const char *from = k >= 6 ? dup_or_null(nv, f[5], fn[5]) : NULL;
	unsigned to_port = 0;
	if (fn[3] && !parse_port(f[3], fn[3], &to_port))
		to_port = 0;
	if (!proto) {
		input_diag(nv->in, DIAG_NOTE, e->line, 0,
			   "a port forwarding rule in vts_rulelist has an unknown protocol; it is "
			   "reported as forwarding every protocol",
			   "vts_rulelist のポート転送ルールのプロトコルが不明なため、全プロトコルの転送として報告します");
		proto = "any";
	}
	if (strcmp(proto, "any") == 0)
		return add_fwd(nv, name, proto, 0, 0, to, 0, from, e->line);
	/* "21,8000:8010": one forward per list item. */
	return fwd_ports(nv, e, "vts_rulelist", name, proto, f[1], fn[1], to, to_port, from);
}

/* The inside host of a forward: an address, or (Tomato before 1.01, the
 * Linksys firmware DD-WRT comes from) only its last number, on the
 * router's LAN (lan_ipaddr's first three numbers). */
static const char *fwd_host(struct nv *nv, const char *s, size_t n)
{
	if (n == 0)
		return NULL;
	if (memchr(s, '.', n) || !val_digits(s, n) || n > 3)
		return dup_or_null(nv, s, n);
	const struct ent *lan = nv_get(nv, "lan_ipaddr");
	if (!nonempty(lan))
		return dup_or_null(nv, s, n);
	size_t k = lan->vn;
	while (k > 0 && lan->v[k - 1] != '.')
		k--;
	return k ? arena_printf(&nv->in->arena, "%.*s%.*s", (int)k, lan->v, (int)n, s) : NULL;
}

/* Tomato and FreshTomato portforward (Tomato rc/forward.c ipt_forward(),
 * whose comment gives the format): rules split at '>', fields at '<':
 * on<proto<src<ext ports<int port<int addr<desc, and before 1.07 without
 * src (six fields); on "1"; proto 1 TCP, 2 UDP, 3 both; ext ports
 * "30,40-45" (later releases write ranges "1000:2000"); int port empty:
 * the same as the external ones. */
static int tomato_forwards(struct nv *nv, const struct ent *e)
{
	size_t i = 0;
	while (i < e->vn) {
		const char *gt = memchr(e->v + i, '>', e->vn - i);
		size_t end = gt ? (size_t)(gt - e->v) : e->vn;
		const char *f[8];
		size_t fn[8];
		size_t k = end > i ? split(e->v + i, end - i, '<', f, fn, 8) : 0;
		i = end + 1;
		if (k == 0)
			continue;
		if (k < 6) {
			input_diag(nv->in, DIAG_NOTE, e->line, 0,
				   "a port forwarding rule in portforward has %zu fields, not 6 or 7; ignored",
				   "portforward のポート転送ルールの項目数が %zu で、6 か 7 ではないため無視します",
				   k);
			continue;
		}
		if (fn[0] != 1 || f[0][0] != '1')
			continue;   /* switched off */
		size_t o = k == 6 ? 0 : 1;   /* before 1.07: no source field */
		const char *proto = fn[1] == 1 && f[1][0] == '1'   ? "tcp"
				    : fn[1] == 1 && f[1][0] == '2' ? "udp"
								   : "tcp+udp";
		const char *from = o ? dup_or_null(nv, f[2], fn[2]) : NULL;
		unsigned to_port = 0;
		if (fn[3 + o] && !parse_port(f[3 + o], fn[3 + o], &to_port))
			to_port = 0;
		const char *to = fwd_host(nv, f[4 + o], fn[4 + o]);
		const char *name = dup_or_null(nv, f[5 + o], fn[5 + o]);
		if (fwd_ports(nv, e, "portforward", name, proto, f[2 + o], fn[2 + o], to, to_port,
			      from))
			return EL_ENOMEM;
	}
	return 0;
}

/* DD-WRT forward_spec and forward_port (DD-WRT rc/firewall.c
 * parse_spec_forward() and parse_port_forward(), whose comments give the
 * formats): rules split at spaces, fields at ':', '>' and '<';
 * forward_spec name:on:proto:ext port>ip:int port[<src], forward_port (a
 * port range) name:on:proto:from:to>ip; "off" switches a rule off; proto
 * tcp, udp or both. */
static int ddwrt_forwards(struct nv *nv, const struct ent *e, bool range)
{
	const char *key = range ? "forward_port" : "forward_spec";
	size_t i = 0;
	while (i < e->vn) {
		while (i < e->vn && e->v[i] == ' ')
			i++;
		size_t st = i;
		while (i < e->vn && e->v[i] != ' ')
			i++;
		if (i == st)
			continue;
		const char *f[8];
		size_t fn[8], k = 0, fs = st;
		for (size_t j = st; j <= i && k < 8; j++) {
			if (j == i || e->v[j] == ':' || e->v[j] == '>' || e->v[j] == '<') {
				f[k] = e->v + fs;
				fn[k++] = j - fs;
				fs = j + 1;
			}
		}
		if (k < 6) {
			input_diag(nv->in, DIAG_NOTE, e->line, 0,
				   "a port forwarding rule in %s has %zu fields, not 6 or 7; ignored",
				   "%s のポート転送ルールの項目数が %zu で、6 か 7 ではないため無視します",
				   key, k);
			continue;
		}
		if (fn[1] == 3 && memcmp(f[1], "off", 3) == 0)
			continue;
		const char *proto = fn[2] == 3 && memcmp(f[2], "tcp", 3) == 0   ? "tcp"
				    : fn[2] == 3 && memcmp(f[2], "udp", 3) == 0 ? "udp"
										: "tcp+udp";
		const char *name = dup_or_null(nv, f[0], fn[0]);
		int rc;
		if (range) {
			/* from:to>ip: the same ports inside. */
			const char *ports = arena_printf(&nv->in->arena, "%.*s-%.*s", (int)fn[3], f[3],
							 (int)fn[4], f[4]);
			if (!ports)
				return EL_ENOMEM;
			rc = fwd_ports(nv, e, key, name, proto, ports, strlen(ports),
				       fwd_host(nv, f[5], fn[5]), 0, NULL);
		} else {
			unsigned to_port = 0;
			if (!parse_port(f[5], fn[5], &to_port))
				to_port = 0;
			const char *from = k >= 7 ? dup_or_null(nv, f[6], fn[6]) : NULL;
			rc = fwd_ports(nv, e, key, name, proto, f[3], fn[3], fwd_host(nv, f[4], fn[4]),
				       to_port, from);
		}
		if (rc)
			return rc;
	}
	return 0;
}

static int forwards(struct nv *nv)
{
	const struct ent *e;
	bool nat = !val_is(nv_get(nv, "wan_nat_x"), "0");
	if (nat && val_is(nv_get(nv, "vts_enable_x"), "1") && (e = nv_get(nv, "vts_rulelist"))) {
		size_t i = 0;
		while (i < e->vn) {
			const char *lt = memchr(e->v + i, '<', e->vn - i);
			size_t end = lt ? (size_t)(lt - e->v) : e->vn;
			if (end > i && vts_rule(nv, e, e->v + i, end - i))
				return EL_ENOMEM;
			i = end + 1;
		}
	}
	/* Tomato and DD-WRT forward only in gateway mode (wk_mode "gateway":
	 * DD-WRT has_gateway(); "router" mode has no NAT; an absent key is the
	 * default, gateway). */
	const struct ent *wk = nv_get(nv, "wk_mode");
	bool gw = !nonempty(wk) || val_is(wk, "gateway");
	if (nat && gw && nonempty(e = nv_get(nv, "portforward")) && tomato_forwards(nv, e))
		return EL_ENOMEM;
	if (nat && gw && nonempty(e = nv_get(nv, "forward_spec")) && ddwrt_forwards(nv, e, false))
		return EL_ENOMEM;
	if (nat && gw && nonempty(e = nv_get(nv, "forward_port")) && ddwrt_forwards(nv, e, true))
		return EL_ENOMEM;
	/* The DMZ host: every port not otherwise forwarded. */
	if (nat && nonempty(e = nv_get(nv, "dmz_ip")))
		return add_fwd(nv, "DMZ", "any", 0, 0, val_str(nv, e), 0, NULL, e->line);
	const struct ent *de = nv_get(nv, "dmz_enable");
	if (val_is(de, "1") && nonempty(e = nv_get(nv, "dmz_ipaddr")))
		return add_fwd(nv, "DMZ", "any", 0, 0, val_str(nv, e), 0, NULL, de->line);
	return 0;
}

/* ---- the parser ------------------------------------------------------- */

/* ---- signs of a hijacked router (issue 14 §3) -------------------------- */

/* A key set to something other than "0", "" or "disabled". */
static bool nv_on(const struct ent *e)
{
	return nonempty(e) && !val_is(e, "0") && !val_is(e, "disabled");
}

static struct home_sign *nv_sign(struct nv *nv, const struct ent *e, enum home_sign_kind k,
				 const char *what, const char *what_ja, bool quote)
{
	const char *ev = quote ? label(nv, e) : utf8_sanitize(&nv->in->arena, e->k, e->kn);
	return device_add_sign(nv->in, k, what, what_ja, e->line, ev ? ev : "?");
}

/* The accounts of an ASUSWRT client list, "<user>password<user2>password2"
 * (asuswrt-merlin httpd: pptpd_clientlist, vpn_serverx_clientlist split
 * at '<', then user and password at '>'): each name counted and kept,
 * each password registered as a secret. */
static int client_list(struct nv *nv, const struct ent *e, const char *what, const char *what_ja)
{
	if (!nonempty(e))
		return 0;
	struct home_sign *g = nv_sign(nv, e, HSIGN_VPN_ACCOUNTS, what, what_ja, false);
	if (!g)
		return EL_ENOMEM;
	struct arena *a = &nv->in->arena;
	size_t i = 0;
	while (i < e->vn) {
		size_t j = i;
		while (j < e->vn && e->v[j] != '<')
			j++;
		const char *gt = memchr(e->v + i, '>', j - i);
		if (gt && gt > e->v + i) {
			size_t un = (size_t)(gt - (e->v + i));
			const char *pw = gt + 1;
			const char *pe = memchr(pw, '>', (size_t)(e->v + j - pw));
			size_t pn = (size_t)((pe ? pe : e->v + j) - pw);
			char *p = pn ? arena_strndup(a, pw, pn) : NULL;
			if (pn && (!p || input_add_secret(nv->in, p, pn)))
				return EL_ENOMEM;
			const char *u = utf8_sanitize(a, e->v + i, un);
			if (!u || home_sign_account(nv->in, g, u))
				return EL_ENOMEM;
		}
		i = j + 1;
	}
	return 0;
}

/* Tomato's DDNS services ddnsx0, ddnsx1: "service<user:password<host<…"
 * (Tomato www/basic-ddns.asp); the credentials are secrets. Returns the
 * service's name, or NULL when the entry is empty. */
static const char *tomato_ddns(struct nv *nv, const struct ent *e, int *rc)
{
	if (!nonempty(e))
		return NULL;
	const char *lt = memchr(e->v, '<', e->vn);
	size_t sn = lt ? (size_t)(lt - e->v) : e->vn;
	if (lt) {
		const char *cs = lt + 1, *end = e->v + e->vn;
		const char *ce = memchr(cs, '<', (size_t)(end - cs));
		size_t cn = (size_t)((ce ? ce : end) - cs);
		const char *colon = memchr(cs, ':', cn);
		struct arena *a = &nv->in->arena;
		char *c = cn ? arena_strndup(a, cs, cn) : NULL;
		if (cn && (!c || input_add_secret(nv->in, c, cn)))
			*rc = EL_ENOMEM;
		size_t pn = colon ? cn - (size_t)(colon + 1 - cs) : 0;
		char *p = pn ? arena_strndup(a, colon + 1, pn) : NULL;
		if (pn && (!p || input_add_secret(nv->in, p, pn)))
			*rc = EL_ENOMEM;
	}
	return sn ? utf8_sanitize(&nv->in->arena, e->v, sn) : NULL;
}

/* The VPN servers, their accounts and DDNS, from the keys the firmware
 * acts on:
 *  - PPTP: pptpd_enable=1 (ASUSWRT, Tomato and DD-WRT start pptpd on it;
 *    asuswrt-merlin shared/defaults.c "pptpd_enable", DD-WRT
 *    services/pptpd), accounts pptpd_clientlist (ASUSWRT);
 *  - OpenVPN, ASUSWRT-Merlin and Tomato: vpn_serverx_start (Merlin 378
 *    and later; before, vpn_serverx_eas — Merlin's upgrade script sets
 *    vpn_serverx_start from vpn_serverx_eas) or Tomato's vpn_server_eas:
 *    the list of server units started with the router ("1,2,"); a unit's
 *    vpn_serverN_state 1 (starting) or 2 (running) is on too; accounts
 *    vpn_serverx_clientlist (ASUSWRT, shared by the servers);
 *  - OpenVPN, DD-WRT: openvpn_enable=1;
 *  - IPsec responder (ASUSWRT "IPSec VPN" server): ipsec_server_enable=1;
 *  - DDNS: ASUSWRT ddns_enable_x=1 (provider ddns_server_x), Tomato
 *    ddnsx0 / ddnsx1 (a service configured), DD-WRT ddns_enable=N (the
 *    number of the provider; 0 is off). */
static int hijack_signs(struct nv *nv)
{
	const struct ent *e;
	int rc = 0;
	if (nv_on(e = nv_get(nv, "pptpd_enable")) && !nv_sign(nv, e, HSIGN_VPN_SERVER, "PPTP server",
							      "PPTP サーバ", true))
		return EL_ENOMEM;
	bool unit[10] = {0};
	const char *lists[] = {"vpn_serverx_start", "vpn_serverx_eas", "vpn_server_eas"};
	/* The first of these keys present decides, even empty: Merlin 378
	 * and later start what vpn_serverx_start lists and leave an older
	 * vpn_serverx_eas behind (the real RT-AC68U 380.59 dump of the corpus
	 * has vpn_serverx_eas=1, and vpn_serverx_start empty with
	 * vpn_server1_state=0: no server runs). */
	const struct ent *list = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(lists) && !list; i++)
		list = nv_get(nv, lists[i]);
	for (size_t i = 0; list && i < list->vn; i++)
		if (list->v[i] >= '1' && list->v[i] <= '9' &&
		    (i + 1 == list->vn || list->v[i + 1] == ',') && (i == 0 || list->v[i - 1] == ','))
			unit[list->v[i] - '0'] = true;
	for (int u = 1; u <= 9; u++) {
		char k[32];
		snprintf(k, sizeof(k), "vpn_server%d_state", u);
		const struct ent *st = nv_get(nv, k);
		bool running = val_is(st, "1") || val_is(st, "2");
		if (!unit[u] && !running)
			continue;
		char w[32], wj[40];
		snprintf(w, sizeof(w), "OpenVPN server %d", u);
		snprintf(wj, sizeof(wj), "OpenVPN サーバ %d", u);
		if (!nv_sign(nv, unit[u] ? list : st, HSIGN_VPN_SERVER, w, wj, true))
			return EL_ENOMEM;
	}
	if (nv_on(e = nv_get(nv, "openvpn_enable")) &&
	    !nv_sign(nv, e, HSIGN_VPN_SERVER, "OpenVPN server", "OpenVPN サーバ", true))
		return EL_ENOMEM;
	if (nv_on(e = nv_get(nv, "ipsec_server_enable")) &&
	    !nv_sign(nv, e, HSIGN_VPN_SERVER, "IPsec VPN server", "IPsec VPN サーバ", true))
		return EL_ENOMEM;
	if ((rc = client_list(nv, nv_get(nv, "pptpd_clientlist"), "PPTP, pptpd_clientlist",
			      "PPTP、pptpd_clientlist")) ||
	    (rc = client_list(nv, nv_get(nv, "vpn_serverx_clientlist"),
			      "OpenVPN, vpn_serverx_clientlist", "OpenVPN、vpn_serverx_clientlist")))
		return rc;
	if (val_is(e = nv_get(nv, "ddns_enable_x"), "1")) {
		const struct ent *sv = nv_get(nv, "ddns_server_x");
		const char *w = nonempty(sv) ? val_str(nv, sv) : "ddns_enable_x=1";
		if (!nv_sign(nv, e, HSIGN_DDNS, w, NULL, true))
			return EL_ENOMEM;
	}
	for (int x = 0; x < 2; x++) {
		e = nv_get(nv, x ? "ddnsx1" : "ddnsx0");
		const char *svc = tomato_ddns(nv, e, &rc);
		if (rc)
			return rc;
		if (svc && !nv_sign(nv, e, HSIGN_DDNS, svc, NULL, false))
			return EL_ENOMEM;
	}
	if (nv_on(e = nv_get(nv, "ddns_enable")) && !nv_sign(nv, e, HSIGN_DDNS, label(nv, e), NULL, true))
		return EL_ENOMEM;
	return 0;
}

/* The admin password of the web UI (http_passwd) still the one the
 * firmware ships with, from rules/admin-defaults.yaml for the firmware
 * ident() recognised (EL324, issue 14 §3). The value is compared where it
 * is and only the answer is kept: the password is never copied, and as a
 * "passwd" setting it is a secret of the input already (register_secrets).
 * A password that differs is "changed"; a firmware the data does not
 * know, or an empty or missing http_passwd, leaves it unsaid. */
static void admin_password(struct nv *nv, const struct run_ctx *ctx)
{
	struct device *d = &nv->in->dev;
	const struct ent *e = nv_get(nv, "http_passwd");
	/* An empty value says nothing the defaults tables give. */
	if (!nonempty(e) || !ctx || !ctx->reg || !d->vendor.s)
		return;
	bool known = false;
	for (size_t i = 0; i < ctx->reg->nadmin_defaults; i++)
		if (strcmp(ctx->reg->admin_defaults[i].firmware, d->vendor.s) == 0 &&
		    strcmp(ctx->reg->admin_defaults[i].key, "http_passwd") == 0)
			known = true;
	if (!known)
		return;
	d->admin_pw_default =
		admin_default_is(ctx->reg, d->vendor.s, "http_passwd", e->v, e->vn) ? TRI_YES : TRI_NO;
	d->admin_pw_default_line = e->line;
}

static int nvram_parse(struct input *in, const struct run_ctx *ctx)
{
	struct nv nv = {.in = in};
	int rc = 0;
	in->has_coverage = true;
	in->lines_total = 0;
	in->lines_understood = 0;
	enum nvb_kind bk = nvb_detect(in->data, in->len);
	if (bk != NVB_NONE) {
		/* Binary backups: "lines" are entry numbers. */
		unsigned entries = 0, bad = 0;
		rc = nvb_decode(in, bk, nv_entry, &nv, &entries, &bad);
		in->lines_total = entries;
		in->lines_understood = entries - bad - nv.bad_keys;
	} else {
		rc = load_text(&nv);
		if (rc)
			input_fail(in, "out of memory", "メモリが足りません");
	}
	input_unknown_end(in);
	if (!rc && nv.n == 0) {
		input_fail(in, "no nvram settings (key=value) found", "nvram の設定（key=value）が見つかりません");
		rc = EL_EPARSE;
	}
	if (!rc)
		rc = nv_index(&nv);
	if (!rc)
		rc = register_secrets(&nv);
	if (!rc) {
		ident(&nv);
		admin_password(&nv, ctx);
		rc = find_bsses(&nv);
	}
	if (!rc) {
		exposure_switches(&nv);
		rc = forwards(&nv);
	}
	if (!rc)
		rc = hijack_signs(&nv);
	if (rc == EL_ENOMEM && !in->error)
		input_fail(in, "out of memory", "メモリが足りません");
	if (!rc && (in->dev.nwifi || in->dev.wps != TRI_UNSET || in->dev.upnp != TRI_UNSET ||
		    in->dev.remote_admin != TRI_UNSET || in->dev.nsigns ||
		    in->dev.admin_pw_default == TRI_YES))
		in->has_device = true;
	free(nv.e);
	free(nv.ix);
	return rc ? (rc < 0 ? rc : EL_EPARSE) : 0;
}

/* ---- probe ------------------------------------------------------------ */

/* A line "key=value" whose key is made of nvram key characters. */
static bool nvram_pair(const char *ls, size_t len)
{
	const char *eq = memchr(ls, '=', len);
	return eq && key_ok(ls, (size_t)(eq - ls));
}

static int nvram_probe(const char *head, size_t n)
{
	enum nvb_kind bk = nvb_detect(head, n);
	if (bk == NVB_DDWRT)
		return 90;
	if (bk == NVB_HDR1 || bk == NVB_HDR2)
		return 85;
	size_t pos = 0, len;
	const char *ls;
	int pairs = 0, wl = 0, other = 0;
	while (probe_line(head, n, &pos, &ls, &len)) {
		if (len == 0)
			continue;
		if (nvram_pair(ls, len)) {
			pairs++;
			if (probe_starts(ls, len, "wl", false) || probe_starts(ls, len, "lan_", false) ||
			    probe_starts(ls, len, "wan_", false) || probe_starts(ls, len, "productid=", false))
				wl++;
		} else {
			other++;
		}
	}
	if (wl >= 3 && pairs >= 10 && pairs > other * 4)
		return 60;
	return 0;
}

const struct parser parser_nvram = {
	.kind = {
		.name = "nvram",
		.label = "nvram dump",
		.label_ja = "nvram ダンプ",
		.feeds = {[ITEM_5_3] = true, [ITEM_6_2] = true},
		.home_router = true,
	},
	.probe = nvram_probe,
	.parse = nvram_parse,
	.max_bytes = 16u << 20,
	.expect = "nvram",
	.expect_ja = "nvram",
	.what = "file",
	.what_ja = "ファイル",
};
