/*
 * openwrt.c — OpenWrt (kind "openwrt"): UCI /etc/config/wireless,
 * /etc/config/firewall, /etc/config/upnpd, /etc/config/network,
 * /etc/config/uhttpd and /etc/config/dropbear (as files, `uci export` or
 * the flat `uci show` form), /etc/openwrt_release, /etc/os-release and the
 * JSON of `ubus call system board`. The files of one router given
 * together, an unpacked backup directory or a backup archive are one input
 * (src/bundle.c): in->parts says where each file starts, and each part is
 * read by its content with the input's (global) line numbers.
 *
 * Sources (research file home-routers.md §1.1, §1.2):
 *  - UCI syntax: openwrt/uci file.c (uci_parse_line, parse_str,
 *    parse_single_quote, parse_double_quote, parse_backslash): commands
 *    package/config/option/list (or p/c/o/l); words split at blanks;
 *    '…' and "…" quoting joined to neighbouring text ('\'' gives a quote);
 *    a backslash outside single quotes keeps the next character and before
 *    the end of a line joins the next line; '#' outside quotes starts a
 *    comment; ';' ends a command. A named section given twice is one
 *    section (uci_parse_config looks the name up), an option given twice
 *    keeps its last value, an empty value deletes the option.
 *    Not followed: uci lets a quoted value run over several lines; here a
 *    quote must close on its line (a line with an open quote is reported
 *    and skipped), so one stray quote cannot swallow the rest of a file.
 *  - encryption: openwrt/openwrt package/network/config/wifi-scripts
 *    files/lib/netifd/netifd-wireless.sh wireless_vif_parse_encryption()
 *    and files-ucode/usr/share/ucode/wifi/iface.uc parse_encryption();
 *    see openwrt_encryption() below.
 *  - interfaces: netifd attaches a wifi-iface to the wifi-device its
 *    `device` names; an iface without `device` is never brought up. A
 *    disabled radio takes its ifaces down.
 *  - firewall: fw3/fw4 zones, rules and redirects
 *    (openwrt.org/docs/guide-user/firewall/firewall_configuration).
 *  - upnpd: openwrt/packages net/miniupnpd/files/upnpd.config
 *    (`config upnpd 'config'`, `option enabled`).
 *
 * Length: one file per input format (docs/adding-a-vendor.md). OpenWrt's
 * UCI syntax (quoting, lists, continuation) and four files of one router
 * (wireless, firewall, network, release) share one parser state.
 */
#define _GNU_SOURCE
#include "openwrt.h"

#include <ctype.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers.h"

enum owrt_role {
	OR_NONE, OR_WIRELESS, OR_FIREWALL, OR_RELEASE, OR_OS_RELEASE, OR_BOARD, OR_UPNPD,
	OR_NETWORK, OR_UHTTPD, OR_DROPBEAR, OR_DDNS, OR_OPENVPN
};

/* ---- limits --------------------------------------------------------------- */

#define OWRT_MAX_BYTES (16u << 20)
/* Words of one command kept (a `uci show` list has one per value). */
#define OWRT_MAX_TOKENS 16
/* Sections kept per file; Wi-Fi networks per input. Real files have tens. */
#define OWRT_MAX_SECTIONS 65536
#define OWRT_MAX_WIFI 4096
#define OWRT_HASH 4096
/* Values longer than this are described by their length in messages. */
#define QUOTE_MAX 60
/* A board JSON larger than this is not `ubus call system board`. */
#define OWRT_MAX_JSON (1u << 20)
/* The router's own addresses and admin ports kept (/etc/config/network,
 * uhttpd, dropbear); real files have a handful. */
#define OWRT_MAX_SELF 1024
#define OWRT_MAX_ADMIN_PORTS 64

/* ---- encryption ------------------------------------------------------------ */

static bool glob(const char *pat, const char *s)
{
	return str_glob(pat, s);
}

static bool glob_any(const char *const *pats, const char *s)
{
	for (size_t i = 0; pats[i]; i++)
		if (glob(pats[i], s))
			return true;
	return false;
}

/*
 * netifd-wireless.sh wireless_vif_parse_encryption() (same logic as
 * iface.uc parse_encryption()):
 *  cipher: *tkip+aes|*tkip+ccmp|*aes+tkip|*ccmp+tkip -> "CCMP TKIP";
 *          *ccmp256, *gcmp, *gcmp256, *sae-ext-key, akm24*, wpa3-192*,
 *          *aes, *ccmp, psk2, wpa2, sae*, owe, dpp -> CCMP/GCMP (AES);
 *          *tkip, wpa, psk -> TKIP; anything else: CCMP (the default).
 *  wpa:    wpa2*|wpa3*|*psk2*|psk3*|*sae*|owe*|dpp -> 2 (RSN);
 *          wpa*mixed*|*psk*mixed* -> 3 (WPA + RSN); wpa*|*psk* -> 1;
 *          anything else -> 0 (no WPA).
 *  auth:   owe* -> OWE; wpa3-192*, wpa3-mixed*, wpa3* -> EAP (WPA3);
 *          psk3-mixed*|sae-mixed*|akm24-sae-mixed -> PSK + SAE;
 *          psk3*|sae* (and the sae-ext-key forms) -> SAE; *psk* -> PSK;
 *          *wpa* -> EAP; *8021x* -> 802.1X with dynamic WEP; *wep* -> WEP
 *          (shared/mixed pick the WEP auth algorithm); dpp -> DPP;
 *          anything else ("none", a missing option, or a value OpenWrt
 *          does not know such as "off") -> an open network.
 * The research table (home-routers.md §1.1) then maps these to 6-2:
 *  - psk, psk+ccmp, psk+tkip (WPA1-PSK) and wpa (WPA1-EAP) -> WPA;
 *  - psk-mixed, wpa-mixed and the legacy LuCI spelling mixed-psk (which
 *    today's pattern reads as WPA1: *psk* before *psk*mixed* can match)
 *    -> WPA + WPA2;
 *  - psk2+tkip and psk2+tkip+ccmp -> WPA2 with TKIP (warned). Newer
 *    scripts turn a TKIP-only cipher into "CCMP TKIP" with wpa=3; the
 *    research table keeps the WPA2 + TKIP reading.
 *  - wpa2 -> WPA2-Enterprise; wpa3, wpa3-192 -> WPA3-Enterprise; wpa3-mixed
 *    (WPA2-EAP + WPA3-EAP) -> WPA2-Enterprise, its weaker half;
 *  - dpp (per-device keys, no shared passphrase) -> read like enterprise:
 *    passes, no passphrase to judge.
 * Patterns are matched as the scripts do: case-sensitive.
 */
enum wifi_sec openwrt_encryption(const char *enc, enum wifi_cipher *cipher, bool *known)
{
	*cipher = WCIPH_UNSET;
	*known = true;
	if (!enc || !*enc || strcmp(enc, "none") == 0)
		return WSEC_OPEN;
	static const char *const c_both[] = {"*tkip+aes", "*tkip+ccmp", "*aes+tkip",
					     "*ccmp+tkip", NULL};
	static const char *const c_aes[] = {"*ccmp256", "*gcmp", "*gcmp256", "*sae-ext-key",
					    "akm24*", "wpa3-192*", "*aes", "*ccmp", "psk2",
					    "wpa2", "sae*", "owe", "dpp", NULL};
	static const char *const c_tkip[] = {"*tkip", "wpa", "psk", NULL};
	static const char *const w2[] = {"wpa2*", "wpa3*", "*psk2*", "psk3*", "*sae*",
					 "owe*", "dpp", NULL};
	static const char *const w3[] = {"wpa*mixed*", "*psk*mixed*", NULL};
	static const char *const w1[] = {"wpa*", "*psk*", NULL};
	enum wifi_cipher c = WCIPH_AES;
	if (glob_any(c_both, enc))
		c = WCIPH_TKIP_AES;
	else if (glob_any(c_aes, enc))
		c = WCIPH_AES;
	else if (glob_any(c_tkip, enc))
		c = WCIPH_TKIP;
	int wpa = glob_any(w2, enc) ? 2 : glob_any(w3, enc) ? 3 : glob_any(w1, enc) ? 1 : 0;

	if (glob("owe*", enc))
		return WSEC_OWE;
	if (glob("wpa3-mixed*", enc)) {
		*cipher = c;
		return WSEC_WPA2_ENT;
	}
	if (glob("wpa3*", enc)) {
		*cipher = c;
		return WSEC_WPA3_ENT;
	}
	if (glob("psk3-mixed*", enc) || glob("sae-mixed*", enc) ||
	    strcmp(enc, "akm24-sae-mixed") == 0) {
		*cipher = c;
		return WSEC_WPA2_WPA3;
	}
	if (glob("psk3*", enc) || glob("sae*", enc) || glob("ft-sae-ext-key*", enc)) {
		*cipher = c;
		return WSEC_WPA3;
	}
	if (glob("*psk*", enc)) {
		*cipher = c;
		if (glob("mixed-psk*", enc))
			return WSEC_WPA_WPA2;   /* old LuCI: WPA + WPA2 */
		return wpa == 3 ? WSEC_WPA_WPA2 : wpa == 2 ? WSEC_WPA2 : WSEC_WPA;
	}
	if (glob("*wpa*", enc)) {
		*cipher = c;
		return wpa == 3 ? WSEC_WPA_WPA2 : wpa == 2 ? WSEC_WPA2_ENT : WSEC_WPA;
	}
	if (glob("*8021x*", enc) || glob("*wep*", enc))
		return WSEC_WEP;
	if (strcmp(enc, "dpp") == 0)
		return WSEC_WPA3_ENT;
	*known = false;
	return WSEC_OPEN;
}

bool openwrt_is_release(const char *v)
{
	/* X.Y or X.Y.Z, then optionally -rcN. */
	size_t i = 0;
	int groups = 0;
	for (;;) {
		size_t d = 0;
		while (isdigit((unsigned char)v[i])) {
			i++;
			d++;
		}
		if (!d)
			return false;
		groups++;
		if (v[i] != '.')
			break;
		i++;
	}
	if (groups < 2 || groups > 3)
		return false;
	if (v[i] == '\0')
		return true;
	if (strncmp(v + i, "-rc", 3) != 0)
		return false;
	i += 3;
	size_t d = 0;
	while (isdigit((unsigned char)v[i])) {
		i++;
		d++;
	}
	return d > 0 && v[i] == '\0';
}

/* ---- the UCI reader -------------------------------------------------------- */

struct uopt {
	const char *name;
	const char *val;          /* "" when empty: the option is deleted */
	size_t vlen;
	unsigned line;
	struct uopt *next;
};

struct usec {
	const char *pkg;          /* `package` / `uci show` prefix, or NULL */
	const char *type;
	const char *name;         /* NULL: anonymous */
	unsigned line;
	struct uopt *opts, **otail;
	struct usec *next;        /* in file order */
	struct usec *hnext;       /* hash chain */
};

struct tokbuf {
	char *b;
	size_t n, cap;
};

struct stmt {
	unsigned line;
	size_t ntok;              /* words seen; the first OWRT_MAX_TOKENS are kept */
	struct tokbuf tok[OWRT_MAX_TOKENS];
	bool open_quote;
	bool oom;
};

/* Facts read from release files and the board JSON. */
struct ident {
	struct sval distrib_id, distrib_release, distrib_desc, distrib_codename;
	struct sval os_id, os_name, os_version, os_version_id;
	struct sval os_manufacturer, os_product, os_build_date;
	struct sval board_model, board_dist, board_version, board_builddate;
	struct sval wps_model;    /* a wifi-iface's WPS model_name (vendor firmware) */
};

/* A part holding firewall sections, judged once every part is read. */
struct fwpart {
	struct usec *secs;
	bool fw_marker;
	struct fwpart *next;
};

/* One of the router's own addresses (an interface's ipaddr/ip6addr). */
struct oaddr {
	enum fam fam;
	struct u128 a;
};

/* A port an admin service of the router listens on, and the service. */
struct oport {
	unsigned port;
	const char *svc;
};

struct owrt {
	struct input *in;
	/* Read from every part, used once all are read (issue 14 §2): the
	 * firewall's redirects are judged against the router's addresses
	 * (network) and admin ports (uhttpd, dropbear), whatever the order
	 * the files come in. */
	struct fwpart *fw_parts, **fw_tail;
	const struct usec **ifaces;   /* network `interface` sections */
	size_t nifaces, capifaces;
	struct oaddr *self;
	size_t nself, capself;
	struct oport aports[OWRT_MAX_ADMIN_PORTS];
	size_t naports;
	const char **wan_nets;        /* networks of the firewall's WAN zones */
	size_t nwan_nets, capwan_nets;
	struct stmt st;
	struct ident id;
	unsigned first_content_line;
	size_t nwifi;
	bool wifi_capped;
	bool any_wireless;        /* a wireless file was read */
	bool wps_seen;            /* a WPS option was read on an enabled AP */
	bool learnt;              /* anything about the device */
	/* per part */
	struct usec *secs, **stail;
	size_t nsecs;
	bool secs_capped;
	struct usec **hash;
	bool fw_marker;           /* a zone/defaults/forwarding/redirect section */
	const char *cur_pkg;
	struct usec *cur;         /* the section options go to, or NULL */
	bool in_section;          /* inside a section (kept or not) */
	unsigned last_counted;    /* last line counted as understood */
};

static void oom(struct owrt *o)
{
	input_fail(o->in, "out of memory", "メモリが足りません");
}

/* A value as a message may quote it: whole when short and printable. */
static const char *quotable(struct input *in, const char *s, size_t n)
{
	bool ok = n <= QUOTE_MAX;
	for (size_t i = 0; ok && i < n; i++)
		ok = (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f && s[i] != '\'';
	if (ok)
		return arena_strndup(&in->arena, s, n);
	const char *d = arena_printf(&in->arena, "(a value of %zu bytes)", n);
	return d ? d : "(a value)";
}

static int tb_add(struct tokbuf *t, char c)
{
	char *nb = vec_grow(t->b, &t->cap, t->n + 1, 1);   /* and its NUL */
	if (!nb)
		return EL_ENOMEM;
	t->b = nb;
	t->b[t->n++] = c;
	t->b[t->n] = '\0';
	return 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Skips to the end of the line (not past the newline). */
static size_t skip_line(const char *d, size_t end, size_t i)
{
	const char *nl = memchr(d + i, '\n', end - i);
	return nl ? (size_t)(nl - d) : end;
}

/*
 * Reads one command from [*pos, end): its words, unquoted as uci does.
 * Returns false at the end of the data. A command ends at the end of a
 * line (the newline is consumed and *line advanced) or at ';'.
 */
static bool next_stmt(const char *d, size_t end, size_t *pos, unsigned *line,
		      struct stmt *st)
{
	size_t i = *pos;
	if (i >= end)
		return false;
	st->line = *line;
	st->ntok = 0;
	st->open_quote = false;
	st->oom = false;
	for (;;) {
		while (i < end && is_blank(d[i]))
			i++;
		if (i >= end)
			break;
		if (d[i] == '\n') {
			i++;
			(*line)++;
			break;
		}
		if (d[i] == '#') {
			i = skip_line(d, end, i);
			continue;
		}
		if (d[i] == ';') {
			i++;
			break;
		}
		struct tokbuf *t = st->ntok < OWRT_MAX_TOKENS ? &st->tok[st->ntok] : NULL;
		if (t) {
			t->n = 0;
			if (tb_add(t, 'x'))   /* make sure b exists */
				st->oom = true;
			t->n = 0;
			if (t->b)
				t->b[0] = '\0';
		}
		st->ntok++;
#define ADD(ch)                                                 \
	do {                                                    \
		if (t && !st->oom && tb_add(t, (ch)))           \
			st->oom = true;                         \
	} while (0)
		while (i < end) {
			char c = d[i];
			if (c == '\'' || c == '"') {
				/* Single quotes keep every byte; in double quotes a
				 * backslash keeps the next one or joins the next line. */
				i++;
				while (i < end && d[i] != c && d[i] != '\n') {
					if (c == '"' && d[i] == '\\' && i + 1 < end) {
						if (d[i + 1] == '\n') {
							i += 2;
							(*line)++;
							continue;
						}
						if (d[i + 1] == '\r' && i + 2 < end && d[i + 2] == '\n') {
							i += 3;
							(*line)++;
							continue;
						}
						ADD(d[i + 1]);
						i += 2;
						continue;
					}
					ADD(d[i]);
					i++;
				}
				if (i < end && d[i] == c) {
					i++;
				} else {
					st->open_quote = true;
					break;
				}
			} else if (c == '\\') {
				if (i + 1 < end && d[i + 1] == '\n') {
					i += 2;
					(*line)++;
				} else if (i + 2 < end && d[i + 1] == '\r' && d[i + 2] == '\n') {
					i += 3;
					(*line)++;
				} else if (i + 1 < end) {
					ADD(d[i + 1]);
					i += 2;
				} else {
					i++;
				}
			} else if (c == '#') {
				i = skip_line(d, end, i);
				break;
			} else if (c == ';' || c == '\n' || is_blank(c)) {
				break;
			} else {
				ADD(c);
				i++;
			}
		}
#undef ADD
		if (st->open_quote) {
			/* The rest of the line belongs to the broken command. */
			i = skip_line(d, end, i);
		}
	}
	*pos = i;
	return true;
}

/* Counts the command's first line as understood (once per line). */
static void understood(struct owrt *o, unsigned line)
{
	if (line > o->last_counted) {
		o->in->lines_understood++;
		o->last_counted = line;
	}
}

static const char *tok(const struct stmt *st, size_t k)
{
	if (k >= st->ntok || k >= OWRT_MAX_TOKENS || !st->tok[k].b)
		return NULL;
	return st->tok[k].b;
}

static size_t tokn(const struct stmt *st, size_t k)
{
	return tok(st, k) ? st->tok[k].n : 0;
}

static bool word_is(const char *w, const char *longw, const char *shortw)
{
	return strcmp(w, longw) == 0 || strcmp(w, shortw) == 0;
}

/* Section types this parser reads; others are skipped. */
static bool kept_type(const char *t)
{
	static const char *const kept[] = {"wifi-device", "wifi-iface", "zone", "rule",
					   "redirect", "defaults", "upnpd", "interface",
					   "uhttpd", "dropbear", NULL};
	for (size_t i = 0; kept[i]; i++)
		if (strcmp(t, kept[i]) == 0)
			return true;
	/* Signs of a hijacked router: network interfaces (WireGuard) and
	 * their peers, DDNS services, OpenVPN instances. */
	return strcmp(t, "interface") == 0 || strncmp(t, "wireguard_", 10) == 0 ||
	       strcmp(t, "service") == 0 || strcmp(t, "openvpn") == 0;
}

static bool fw_marker_type(const char *t)
{
	return strcmp(t, "zone") == 0 || strcmp(t, "defaults") == 0 ||
	       strcmp(t, "forwarding") == 0 || strcmp(t, "redirect") == 0;
}

static size_t sec_hash(const char *pkg, const char *name)
{
	uint32_t h = 2166136261u;
	for (const char *p = pkg ? pkg : ""; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	h = (h ^ '.') * 16777619u;
	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h % OWRT_HASH;
}

static bool same_pkg(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static struct usec *sec_find(struct owrt *o, const char *pkg, const char *name)
{
	if (!o->hash || !name)
		return NULL;
	for (struct usec *s = o->hash[sec_hash(pkg, name)]; s; s = s->hnext)
		if (same_pkg(s->pkg, pkg) && strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

/* A section of a kept type: a new one, or the named one already read. */
static struct usec *sec_open(struct owrt *o, const char *pkg, const char *type,
			     const char *name, size_t namelen, unsigned line)
{
	struct input *in = o->in;
	if (fw_marker_type(type))
		o->fw_marker = true;
	if (!kept_type(type))
		return NULL;
	if (name && namelen == 0)
		name = NULL;
	if (name) {
		struct usec *s = sec_find(o, pkg, name);
		if (s && strcmp(s->type, type) == 0)
			return s;
	}
	if (o->nsecs >= OWRT_MAX_SECTIONS) {
		if (!o->secs_capped)
			input_diag(in, DIAG_NOTE, line, 0,
				   "more than %d sections of interest in one file; the rest are not read",
				   "関心のある節が 1 ファイルに %d 個を超えています。残りは読みません",
				   OWRT_MAX_SECTIONS);
		o->secs_capped = true;
		return NULL;
	}
	struct usec *s = arena_alloc(&in->arena, sizeof(*s));
	const char *t = arena_strdup(&in->arena, type);
	const char *nm = name ? arena_strndup(&in->arena, name, namelen) : NULL;
	if (!s || !t || (name && !nm)) {
		oom(o);
		return NULL;
	}
	s->pkg = pkg;
	s->type = t;
	s->name = nm;
	s->line = line;
	s->otail = &s->opts;
	*o->stail = s;
	o->stail = &s->next;
	o->nsecs++;
	if (nm) {
		if (!o->hash) {
			o->hash = arena_alloc(&in->arena, OWRT_HASH * sizeof(struct usec *));
			if (!o->hash) {
				oom(o);
				return s;
			}
		}
		size_t h = sec_hash(pkg, nm);
		s->hnext = o->hash[h];
		o->hash[h] = s;
	}
	return s;
}

/* Option names whose values are secrets: keys, passwords, shared secrets. */
static bool secret_name(const char *n)
{
	if (strstr(n, "rekey") || strstr(n, "key_holder") || strstr(n, "_file") ||
	    strstr(n, "retries") || strstr(n, "generate") || strcmp(n, "public_key") == 0)
		return false;
	return strstr(n, "key") || strstr(n, "secret") || strstr(n, "password") ||
	       strstr(n, "passwd") || strstr(n, "pwd") || strstr(n, "psk");
}

/* Stores an option of the current section; secrets are registered at once
 * whatever the section. */
static void opt_add(struct owrt *o, struct usec *s, const char *name, const char *val,
		    size_t vlen, unsigned line)
{
	struct input *in = o->in;
	bool secret = secret_name(name);
	if (!s && !secret)
		return;
	char *v = arena_strndup(&in->arena, val, vlen);
	if (!v) {
		oom(o);
		return;
	}
	if (secret) {
		input_add_secret(in, v, vlen);
		/* WEP keys: "s:" marks ASCII; the key itself is what follows. */
		if (vlen > 2 && v[0] == 's' && v[1] == ':')
			input_add_secret(in, v + 2, vlen - 2);
	}
	if (!s)
		return;
	struct uopt *u = arena_alloc(&in->arena, sizeof(*u));
	const char *nm = arena_strdup(&in->arena, name);
	if (!u || !nm) {
		oom(o);
		return;
	}
	u->name = nm;
	u->val = v;
	u->vlen = vlen;
	u->line = line;
	*s->otail = u;
	s->otail = &u->next;
}

/* The last value of an option (options given twice keep the last one);
 * NULL when absent or deleted (empty). */
static const struct uopt *get(const struct usec *s, const char *name)
{
	const struct uopt *r = NULL;
	if (!s)
		return NULL;
	for (const struct uopt *u = s->opts; u; u = u->next)
		if (strcmp(u->name, name) == 0)
			r = u;
	return r && r->vlen ? r : NULL;
}

static const char *getv(const struct usec *s, const char *name)
{
	const struct uopt *u = get(s, name);
	return u ? u->val : NULL;
}

/* UCI booleans (uci/libubox blobmsg: 1 yes on true enabled / 0 no off
 * false disabled). Returns TRI_UNSET for any other word (with a note). */
static enum tri ubool(struct owrt *o, const struct uopt *u)
{
	static const char *const yes[] = {"1", "yes", "on", "true", "enabled", NULL};
	static const char *const no[] = {"0", "no", "off", "false", "disabled", NULL};
	if (!u)
		return TRI_UNSET;
	for (size_t i = 0; yes[i]; i++)
		if (strcmp(u->val, yes[i]) == 0)
			return TRI_YES;
	for (size_t i = 0; no[i]; i++)
		if (strcmp(u->val, no[i]) == 0)
			return TRI_NO;
	input_diag(o->in, DIAG_NOTE, u->line, 0,
		   "option '%s' should be a boolean (1/0, yes/no, on/off, true/false); '%s' is ignored",
		   "オプション '%s' は真偽値（1/0、yes/no、on/off、true/false）のはずです。'%s' は無視します",
		   quotable(o->in, u->name, strlen(u->name)), quotable(o->in, u->val, u->vlen));
	return TRI_UNSET;
}

static void not_understood(struct owrt *o, unsigned line, const char *why_en, const char *why_ja)
{
	input_unknown(o->in, line, "line not understood: %1$s%2$.0s", "解釈できない行です: %2$s%1$.0s",
		      why_en, why_ja);
}

/* ---- release files ----------------------------------------------------------- */

static bool shell_key(const char *s, size_t n)
{
	if (n == 0 || !(isupper((unsigned char)s[0]) || s[0] == '_'))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
			return false;
	return true;
}

static void set_first(struct owrt *o, struct sval *dst, const char *v, size_t n, unsigned line)
{
	if (dst->s || n == 0)
		return;
	dst->s = arena_strndup(&o->in->arena, v, n);
	if (!dst->s)
		oom(o);
	dst->line = line;
}

/* KEY=value of /etc/openwrt_release or /etc/os-release. */
static void shell_assign(struct owrt *o, const char *key, size_t kn, const char *v, size_t vn,
			 unsigned line)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{"DISTRIB_ID", offsetof(struct ident, distrib_id)},
		{"DISTRIB_RELEASE", offsetof(struct ident, distrib_release)},
		{"DISTRIB_DESCRIPTION", offsetof(struct ident, distrib_desc)},
		{"DISTRIB_CODENAME", offsetof(struct ident, distrib_codename)},
		{"ID", offsetof(struct ident, os_id)},
		{"NAME", offsetof(struct ident, os_name)},
		{"VERSION", offsetof(struct ident, os_version)},
		{"VERSION_ID", offsetof(struct ident, os_version_id)},
		{"OPENWRT_DEVICE_MANUFACTURER", offsetof(struct ident, os_manufacturer)},
		{"OPENWRT_DEVICE_PRODUCT", offsetof(struct ident, os_product)},
		{"OPENWRT_BUILD_DATE", offsetof(struct ident, os_build_date)},
	};
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		if (strlen(keys[i].key) == kn && memcmp(keys[i].key, key, kn) == 0) {
			set_first(o, (struct sval *)(void *)((char *)&o->id + keys[i].off), v, vn,
				  line);
			o->learnt = true;
			return;
		}
	}
	/* DISTRIB_REVISION, DISTRIB_TARGET, BUILD_ID, OPENWRT_BOARD…: read,
	 * not needed. */
}

/* ---- one command ------------------------------------------------------------- */

/* pkg.section[.option]=value… (`uci show`). Returns false when the word is
 * not of that form. */
static bool uci_show_line(struct owrt *o, const struct stmt *st)
{
	struct input *in = o->in;
	const char *w = tok(st, 0);
	size_t wn = tokn(st, 0);
	const char *eq = memchr(w, '=', wn);
	if (!eq)
		return false;
	size_t left = (size_t)(eq - w);
	const char *dot1 = memchr(w, '.', left);
	if (!dot1 || dot1 == w)
		return false;
	for (const char *p = w; p < dot1; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_' ||
		      *p == '-'))
			return false;
	const char *secname = dot1 + 1;
	const char *dot2 = memchr(secname, '.', (size_t)(eq - secname));
	size_t sn = (size_t)((dot2 ? dot2 : eq) - secname);
	if (sn == 0 || (dot2 && dot2 + 1 == eq))
		return false;
	char *pkg = arena_strndup(&in->arena, w, (size_t)(dot1 - w));
	char *name = arena_strndup(&in->arena, secname, sn);
	if (!pkg || !name) {
		oom(o);
		return true;
	}
	const char *val = eq + 1;
	size_t vn = wn - left - 1;
	if (!dot2) {   /* a section: pkg.name=type */
		if (vn == 0)
			return false;
		char *type = arena_strndup(&in->arena, val, vn);
		if (!type) {
			oom(o);
			return true;
		}
		o->cur = sec_open(o, pkg, type, name, sn, st->line);
		o->in_section = true;
		return true;
	}
	/* An option: one value, or a list's values as separate words. */
	char *oname = arena_strndup(&in->arena, dot2 + 1, (size_t)(eq - dot2 - 1));
	if (!oname) {
		oom(o);
		return true;
	}
	struct usec *s = sec_find(o, pkg, name);
	if (!s && name[0] == '@') {
		/* "@wifi-iface[0]" without its section line: the type is in the name. */
		const char *br = strchr(name, '[');
		char *type = br ? arena_strndup(&in->arena, name + 1, (size_t)(br - name - 1)) : NULL;
		if (type && *type)
			s = sec_open(o, pkg, type, name, sn, st->line);
	}
	opt_add(o, s, oname, val, vn, st->line);
	for (size_t k = 1; k < st->ntok && k < OWRT_MAX_TOKENS; k++)
		opt_add(o, s, oname, tok(st, k), tokn(st, k), st->line);
	return true;
}

static void command(struct owrt *o, const struct stmt *st)
{
	struct input *in = o->in;
	if (st->ntok == 0)
		return;
	if (st->oom) {
		oom(o);
		return;
	}
	if (st->open_quote) {
		input_unknown(in, st->line, "a quote is not closed on this line; the line is skipped",
			      "この行で引用符が閉じていません。この行は読み飛ばします");
		return;
	}
	const char *w = tok(st, 0);
	if (word_is(w, "package", "p")) {
		if (!tok(st, 1) || !tokn(st, 1)) {
			not_understood(o, st->line, "'package' without a name", "package に名前がありません");
			return;
		}
		o->cur_pkg = arena_strndup(&in->arena, tok(st, 1), tokn(st, 1));
		o->cur = NULL;
		o->in_section = false;
		understood(o, st->line);
		return;
	}
	if (word_is(w, "config", "c")) {
		if (!tok(st, 1) || !tokn(st, 1)) {
			not_understood(o, st->line, "'config' without a section type",
				       "config に節の種類がありません");
			o->cur = NULL;
			o->in_section = false;
			return;
		}
		o->cur = sec_open(o, o->cur_pkg, tok(st, 1), tok(st, 2), tokn(st, 2), st->line);
		o->in_section = true;
		understood(o, st->line);
		return;
	}
	bool list = word_is(w, "list", "l");
	if (list || word_is(w, "option", "o")) {
		if (!tok(st, 1) || !tokn(st, 1)) {
			not_understood(o, st->line, "an option without a name",
				       "オプションに名前がありません");
			return;
		}
		if (!o->in_section) {
			not_understood(o, st->line, "an option before the first 'config' line",
				       "最初の config 行より前にオプションがあります");
			/* Still a secret if it names one. */
			opt_add(o, NULL, tok(st, 1), tok(st, 2) ? tok(st, 2) : "", tokn(st, 2),
				st->line);
			return;
		}
		opt_add(o, o->cur, tok(st, 1), tok(st, 2) ? tok(st, 2) : "", tokn(st, 2), st->line);
		understood(o, st->line);
		return;
	}
	const char *eq = memchr(w, '=', tokn(st, 0));
	if (eq && shell_key(w, (size_t)(eq - w))) {
		shell_assign(o, w, (size_t)(eq - w), eq + 1, tokn(st, 0) - (size_t)(eq - w) - 1,
			     st->line);
		understood(o, st->line);
		return;
	}
	if (eq && uci_show_line(o, st)) {
		understood(o, st->line);
		return;
	}
	not_understood(o, st->line,
		       "not a UCI command (package, config, option, list), a uci show line or "
		       "KEY=value",
		       "UCI のコマンド（package、config、option、list）でも uci show の行でも "
		       "KEY=value でもありません");
}

/* ---- wireless ------------------------------------------------------------------ */

static struct usec *radio_of(struct owrt *o, const struct usec *iface, const char *dev)
{
	struct usec *r = sec_find(o, iface->pkg, dev);
	return r && strcmp(r->type, "wifi-device") == 0 ? r : NULL;
}

/* How many options (or list entries) of s are called name. */
static size_t n_named(const struct usec *s, const char *name)
{
	size_t n = 0;
	for (const struct uopt *u = s->opts; u; u = u->next)
		n += strcmp(u->name, name) == 0;
	return n;
}

/* A wifi-iface over several radios (Wi-Fi 7 multi-link: `list device
 * 'radio0'` repeated, or the words of `option device 'radio1 radio2'`):
 * "netifd instantiates such a section once per member radio, producing
 * one BSS per band" (openwrt/luci pull request 8893). Returns the member
 * radio the 6-2 rules are strictest for (among the radios that are on, a
 * 6 GHz one, else the first found) and sets *on when some member radio is
 * on; NULL when no member is in the file. */
static struct usec *mlo_radio(struct owrt *o, const struct usec *s, bool *on)
{
	struct usec *pick = NULL;
	*on = false;
	for (const struct uopt *u = s->opts; u; u = u->next) {
		if (strcmp(u->name, "device") != 0)
			continue;
		size_t i = 0;
		while (i < u->vlen) {
			while (i < u->vlen && u->val[i] == ' ')
				i++;
			size_t b = i;
			while (i < u->vlen && u->val[i] != ' ')
				i++;
			char name[64];
			if (i == b || i - b >= sizeof(name))
				continue;
			memcpy(name, u->val + b, i - b);
			name[i - b] = '\0';
			struct usec *r = radio_of(o, s, name);
			if (!r)
				continue;
			bool r_on = ubool(o, get(r, "disabled")) != TRI_YES;
			const struct uopt *band = get(r, "band");
			bool six = band && strcmp(band->val, "6g") == 0;
			/* A radio that is on beats one that is off; then 6 GHz. */
			if (!pick || (r_on && !*on) || (r_on == *on && six))
				pick = r;
			*on = *on || r_on;
		}
	}
	return pick;
}

/* Band of a radio: `band` (2g/5g/6g/60g) or the older `hwmode`. */
static void radio_band(struct owrt *o, const struct usec *r, struct sval *band)
{
	const struct uopt *b = get(r, "band");
	const char *v = NULL;
	if (b) {
		v = strcmp(b->val, "2g") == 0 ? "2.4GHz" : strcmp(b->val, "5g") == 0 ? "5GHz"
			: strcmp(b->val, "6g") == 0 ? "6GHz" : strcmp(b->val, "60g") == 0 ? "60GHz"
			: NULL;
	} else if ((b = get(r, "hwmode")) != NULL) {
		static const struct {
			const char *hw, *band;
		} hw[] = {{"11b", "2.4GHz"}, {"11g", "2.4GHz"}, {"11ng", "2.4GHz"},
			  {"11axg", "2.4GHz"}, {"11a", "5GHz"}, {"11na", "5GHz"},
			  {"11ac", "5GHz"}, {"11axa", "5GHz"}, {"11ad", "60GHz"}};
		for (size_t i = 0; i < ARRAY_SIZE(hw); i++)
			if (strcmp(b->val, hw[i].hw) == 0)
				v = hw[i].band;
	}
	(void)o;
	if (v) {
		band->s = v;
		band->line = b->line;
	}
}

/* The key of a WEP network: `key` names slot 1-4 (key1..key4), or is the
 * key itself (hostapd.sh). */
static const struct uopt *wep_key(const struct usec *s)
{
	const struct uopt *k = get(s, "key");
	if (k && k->vlen == 1 && k->val[0] >= '1' && k->val[0] <= '4') {
		char slot[5] = {'k', 'e', 'y', k->val[0], '\0'};
		return get(s, slot);
	}
	return k;
}

/*
 * One wifi-iface. Decisions:
 *  - mode missing = ap (LuCI's and netifd's default); ap and ap-wds are the
 *    family's access points. adhoc and mesh are judged too: an enabled
 *    IBSS or 802.11s network is a network a neighbour can join (the corpus
 *    file with `encryption 'off'` on an adhoc iface is an open network
 *    next door), so their security counts for 6-2 like an AP's. sta,
 *    sta-wds, monitor and wds are clients or tools, not networks others
 *    join. The research table judges only ap*; this widens it on purpose.
 *  - enabled = the iface is not `disabled` (nor vendor `ath_enable '0'`),
 *    its radio is not disabled, and it names a device at all (netifd
 *    ignores an iface without one). A device not in the file (a partial
 *    file) leaves the iface judged by its own settings.
 */

/* PMF (option ieee80211w: 0 off, 1 optional, 2 required; research
 * home-routers.md §1.1). Without the option, OpenWrt's hostapd.sh
 * (package/network/services/hostapd/files/hostapd.sh, hostapd_set_bss_options,
 * openwrt-devel patch "set_default ieee80211w" by auth_type) sets 2 for
 * sae (psk3), owe and eap192 (wpa3-192), 1 for psk-sae (sae-mixed,
 * psk3-mixed, with sae_require_mfp 1), and nothing, hostapd's 0, else. */
static void wifi_pmf(struct owrt *o, const struct usec *s, struct wifi_net *w)
{
	const struct uopt *u = get(s, "ieee80211w");
	if (u && u->vlen == 1 && u->val[0] >= '0' && u->val[0] <= '2') {
		static const enum wifi_pmf v[] = {WPMF_OFF, WPMF_OPTIONAL, WPMF_REQUIRED};
		w->pmf = v[u->val[0] - '0'];
		w->pmf_line = u->line;
		return;
	}
	if (u) {
		/* hostapd.sh passes only "[012]" on: hostapd's own default, off. */
		input_diag(o->in, DIAG_NOTE, u->line, 0,
			   "ieee80211w '%s' is not 0, 1 or 2; OpenWrt's scripts then leave it out "
			   "and hostapd runs without management frame protection",
			   "ieee80211w '%s' は 0、1、2 のいずれでもありません。OpenWrt はこの値を渡さず、"
			   "hostapd は管理フレーム保護なしで動きます",
			   quotable(o->in, u->val, u->vlen));
		w->pmf = WPMF_OFF;
		w->pmf_line = u->line;
		return;
	}
	if (w->sec == WSEC_WPA3 || w->sec == WSEC_OWE)
		w->pmf = WPMF_REQUIRED;
	else if (w->sec == WSEC_WPA3_ENT)
		w->pmf = WPMF_UNSET;   /* wpa3-192 gets 2, plain wpa3 nothing: not told apart here */
	else if (w->sec == WSEC_WPA2_WPA3)
		w->pmf = WPMF_OPTIONAL;
	else
		w->pmf = WPMF_OFF;
}

static void wifi_iface(struct owrt *o, const struct usec *s)
{
	struct input *in = o->in;
	if (o->nwifi >= OWRT_MAX_WIFI) {
		if (!o->wifi_capped)
			input_diag(in, DIAG_NOTE, s->line, 0,
				   "more than %d wifi-iface sections; the rest are not judged",
				   "wifi-iface 節が %d 個を超えています。残りは判定しません",
				   OWRT_MAX_WIFI);
		o->wifi_capped = true;
		return;
	}
	struct wifi_net *w = arena_alloc(&in->arena, sizeof(*w));
	if (!w) {
		oom(o);
		return;
	}
	o->nwifi++;
	w->line = s->line;
	const struct uopt *dev = get(s, "device");
	const struct usec *radio = NULL;
	bool radio_on = true;
	if (!dev) {
		radio_on = false;
		input_diag(in, DIAG_NOTE, s->line, 0,
			   "this wifi-iface names no radio ('device'); OpenWrt does not bring it up",
			   "この wifi-iface は無線（'device'）を指定していないため、OpenWrt は起動しません");
	} else {
		bool mlo = strchr(dev->val, ' ') || n_named(s, "device") > 1;
		radio = mlo ? NULL : radio_of(o, s, dev->val);
		if (mlo) {
			radio = mlo_radio(o, s, &radio_on);
			if (radio)
				input_diag(in, DIAG_NOTE, dev->line, 0,
					   "this wifi-iface spans several radios (multi-link); it is judged "
					   "on the strictest band among them",
					   "この wifi-iface は複数の無線にまたがります（マルチリンク）。その中で"
					   "最も条件の厳しい帯域で判定します");
		}
		if (!radio)
			input_diag(in, DIAG_NOTE, dev->line, 0,
				   "radio '%s' is not in this file; the network is judged by its own settings",
				   "無線 '%s' はこのファイルにありません。ネットワーク自身の設定で判定します",
				   quotable(in, dev->val, dev->vlen));
		else if (!mlo && ubool(o, get(radio, "disabled")) == TRI_YES)
			radio_on = false;
	}
	bool off = ubool(o, get(s, "disabled")) == TRI_YES ||
		   ubool(o, get(s, "ath_enable")) == TRI_NO;
	w->enabled = radio_on && !off;

	const struct uopt *mode = get(s, "mode");
	const char *m = mode ? mode->val : "ap";
	if (strcmp(m, "ap") == 0 || strcmp(m, "ap-wds") == 0 || strcmp(m, "adhoc") == 0 ||
	    strcmp(m, "mesh") == 0) {
		w->is_ap = true;
	} else if (strcmp(m, "sta") != 0 && strcmp(m, "sta-wds") != 0 &&
		   strcmp(m, "monitor") != 0 && strcmp(m, "wds") != 0) {
		input_diag(in, DIAG_NOTE, mode->line, 0,
			   "mode '%s' is not one OpenWrt documents (ap, sta, adhoc, mesh, monitor); "
			   "the network is not judged as an access point",
			   "モード '%s' は OpenWrt の文書にない値です（ap、sta、adhoc、mesh、monitor）。"
			   "アクセスポイントとしては判定しません",
			   quotable(in, mode->val, mode->vlen));
	}

	const struct uopt *ssid = get(s, "ssid");
	if (ssid && ssid->vlen > 32) {
		/* IEEE 802.11 limits an SSID to 32 bytes; hostapd refuses more. */
		input_diag(in, DIAG_ERROR, ssid->line, 0,
			   "the SSID is %zu bytes long; Wi-Fi allows 1 to 32", "SSID が %zu バイトあります。Wi-Fi で使えるのは 1〜32 バイトです",
			   ssid->vlen);
	} else if (ssid) {
		w->ssid.s = ssid->val;
		w->ssid.line = ssid->line;
	}
	if (radio)
		radio_band(o, radio, &w->band);

	const struct uopt *enc = get(s, "encryption");
	bool known;
	w->sec = openwrt_encryption(enc ? enc->val : NULL, &w->cipher, &known);
	/* "# 802.11n requires CCMP for WPA": netifd-wireless.sh
	 * wireless_vif_parse_encryption() turns a TKIP-only cipher into
	 * "CCMP TKIP" when enable_ht is 1, which _wdev_prepare_channel() sets
	 * only for an "11n…" hwmode (11ng, 11na). Radios described by band and
	 * htmode keep TKIP alone (issue 15 §2: then it fails, EL207). */
	const struct uopt *hwm = radio ? get(radio, "hwmode") : NULL;
	if (w->cipher == WCIPH_TKIP && hwm && strncmp(hwm->val, "11n", 3) == 0)
		w->cipher = WCIPH_TKIP_AES;
	if (enc) {
		w->sec_label.s = arena_printf(&in->arena, "encryption '%s'",
					      quotable(in, enc->val, enc->vlen));
		w->sec_label.line = enc->line;
		if (w->cipher != WCIPH_UNSET)
			w->cipher_line = enc->line;
		if (!known)
			input_diag(in, DIAG_NOTE, enc->line, 0,
				   "encryption '%s' is not a value OpenWrt knows; its wifi scripts then "
				   "run the network without encryption",
				   "暗号化 '%s' は OpenWrt が知らない値です。この場合 OpenWrt は暗号化なしで"
				   "ネットワークを動かします",
				   quotable(in, enc->val, enc->vlen));
	} else {
		w->sec_label.s = "no encryption option (OpenWrt's default: none)";
		w->sec_label.line = s->line;
	}

	/* The passphrase. */
	const struct uopt *key = NULL;
	if (w->sec == WSEC_WEP) {
		key = wep_key(s);
	} else if (wifi_sec_is_personal(w->sec)) {
		key = get(s, "key");
		if (!key && (w->sec == WSEC_WPA3 || w->sec == WSEC_WPA2_WPA3))
			key = get(s, "sae_password");
		/* Without a key, keys in an external file (wpa_psk_file) are
		 * not judged here: pass stays NULL. */
	}
	if (key) {
		const char *p = key->val;
		size_t n = key->vlen;
		if (w->sec == WSEC_WEP && n > 2 && p[0] == 's' && p[1] == ':') {
			p += 2;
			n -= 2;
		}
		w->pass = p;
		w->pass_len = n;
		w->pass_line = key->line;
	}

	wifi_pmf(o, s, w);

	/* WPS (hostapd.sh: wps_pushbutton, wps_label; vendor QSDK: wps_enable,
	 * methods not said). OpenWrt "Wireless configuration", WPS options
	 * (openwrt.org/docs/guide-user/network/wifi/basic): wps_pushbutton
	 * "Enable push-button configuration method", wps_label "Enable label
	 * configuration method" (the page's WPS-PIN). Without wps_label the PIN
	 * is not ruled out: hostapd takes an AP PIN at run time (hostapd.conf,
	 * ap_pin: "can also be set at runtime with hostapd_cli wps_ap_pin"). */
	if (w->enabled && w->is_ap) {
		static const char *const wps[] = {"wps_pushbutton", "wps_label", "wps_enable", NULL};
		enum tri t[3];
		const struct uopt *on = NULL;
		for (size_t i = 0; wps[i]; i++) {
			const struct uopt *u = get(s, wps[i]);
			t[i] = ubool(o, u);
			if (t[i] == TRI_YES && !on)
				on = u;
		}
		if (on)
			device_wps_on(&in->dev, on->line, t[1] == TRI_YES ? TRI_YES : TRI_UNSET, t[0]);
	}
	/* A vendor build's WPS device data names the model. */
	const struct uopt *mn = get(s, "model_name");
	if (mn)
		set_first(o, &o->id.wps_model, mn->val, mn->vlen, mn->line);

	*in->dev.wifi_tail = w;
	in->dev.wifi_tail = &w->next;
	in->dev.nwifi++;
	o->learnt = true;
}

/* ---- firewall ------------------------------------------------------------------- */

/* Calls fn for every word of an option given as one value ("tcp udp") or
 * as a list. Stops when fn returns true; returns whether it did. */
static bool each_word(const struct usec *s, const char *name,
		      bool (*fn)(const char *w, size_t n, void *arg), void *arg)
{
	for (const struct uopt *u = s->opts; u; u = u->next) {
		if (strcmp(u->name, name) != 0)
			continue;
		size_t i = 0;
		while (i < u->vlen) {
			while (i < u->vlen && (u->val[i] == ' ' || u->val[i] == '\t' || u->val[i] == ','))
				i++;
			size_t b = i;
			while (i < u->vlen && !(u->val[i] == ' ' || u->val[i] == '\t' || u->val[i] == ','))
				i++;
			if (i > b && fn(u->val + b, i - b, arg))
				return true;
		}
	}
	return false;
}

static bool word_eq(const char *w, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

static bool is_wan_net(const char *w, size_t n, void *arg)
{
	(void)arg;
	return word_eq(w, n, "wan") || word_eq(w, n, "wan6");
}

static bool has_option(const struct usec *s, const char *name)
{
	for (const struct uopt *u = s->opts; u; u = u->next)
		if (strcmp(u->name, name) == 0 && u->vlen)
			return true;
	return false;
}

struct wanset {
	const char **names;      /* any number (arena) */
	size_t n, cap;
};

static bool is_wan_zone(const struct wanset *ws, const char *z)
{
	if (!z)
		return false;
	if (strcmp(z, "*") == 0)
		return ws->n > 0;   /* any zone, the WAN zone included */
	for (size_t i = 0; i < ws->n; i++)
		if (strcmp(ws->names[i], z) == 0)
			return true;
	return false;
}

static bool proto_tcp(const char *w, size_t n, void *arg)
{
	(void)arg;
	return str_ieq_n(w, n, "tcp") || str_ieq_n(w, n, "all") || str_ieq_n(w, n, "any") ||
	       word_eq(w, n, "6") || str_ieq_n(w, n, "tcpudp");
}

static bool proto_tcp_or_udp(const char *w, size_t n, void *arg)
{
	return proto_tcp(w, n, arg) || str_ieq_n(w, n, "udp") || word_eq(w, n, "17");
}

/* Parses "22", "8000-8100" or "8000:8100" (and the names ssh/telnet/http/https). */
static bool port_range(const char *w, size_t n, unsigned *lo, unsigned *hi)
{
	static const struct {
		const char *name;
		unsigned port;
	} names[] = {{"ssh", 22}, {"telnet", 23}, {"http", 80}, {"https", 443}};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (str_ieq_n(w, n, names[i].name)) {
			*lo = *hi = names[i].port;
			return true;
		}
	unsigned a = 0, b = 0;
	size_t i = 0, da = 0, db = 0;
	while (i < n && isdigit((unsigned char)w[i]) && a <= 65535) {
		a = a * 10 + (unsigned)(w[i++] - '0');
		da++;
	}
	if (!da || a > 65535)
		return false;
	b = a;
	if (i < n && (w[i] == '-' || w[i] == ':')) {
		i++;
		b = 0;
		while (i < n && isdigit((unsigned char)w[i]) && b <= 65535) {
			b = b * 10 + (unsigned)(w[i++] - '0');
			db++;
		}
		if (!db || b > 65535 || b < a)
			return false;
	}
	if (i != n)
		return false;
	*lo = a;
	*hi = b;
	return true;
}

struct admin_hit {
	unsigned port;            /* 0 none yet */
};

static bool admin_port(const char *w, size_t n, void *arg)
{
	static const unsigned admin[] = {22, 23, 80, 443};
	struct admin_hit *h = arg;
	unsigned lo, hi;
	if (!port_range(w, n, &lo, &hi))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(admin); i++)
		if (admin[i] >= lo && admin[i] <= hi) {
			h->port = admin[i];
			return true;
		}
	return false;
}

/* The admin service of the router a port range of it reaches, or NULL:
 * the ports admin_port() knows (SSH 22, Telnet 23, HTTP 80, HTTPS 443)
 * and those /etc/config/uhttpd and /etc/config/dropbear make the router
 * listen on (o->aports). lo = hi = 0: every port. */
static const char *admin_svc(const struct owrt *o, unsigned lo, unsigned hi)
{
	static const struct oport dflt[] = {
		{22, "SSH"}, {23, "Telnet"}, {80, "HTTP"}, {443, "HTTPS"}};
	bool all = lo == 0 && hi == 0;
	for (size_t i = 0; i < ARRAY_SIZE(dflt); i++)
		if (all || (dflt[i].port >= lo && dflt[i].port <= hi))
			return dflt[i].svc;
	for (size_t i = 0; i < o->naports; i++)
		if (o->aports[i].port >= lo && o->aports[i].port <= hi)
			return o->aports[i].svc;
	return NULL;
}

/* The rules a fresh OpenWrt firewall has: ICMP, DHCP, IGMP/MLD and IPsec
 * pass-through, none of them admin access. */
static bool default_rule(const char *name)
{
	static const char *const names[] = {
		"Allow-DHCP-Renew", "Allow-Ping", "Allow-IGMP", "Allow-DHCPv6", "Allow-MLD",
		"Allow-ICMPv6-Input", "Allow-ICMPv6-Forward", "Allow-IPSec-ESP", "Allow-ISAKMP",
		NULL};
	for (size_t i = 0; name && names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

static const char *proto_text(struct owrt *o, const struct usec *s)
{
	const struct uopt *p = get(s, "proto");
	if (!p)
		return "tcp+udp";   /* fw3/fw4 default: tcp udp */
	bool tcp = false, udp = false, other = false, all = false;
	for (const struct uopt *u = s->opts; u; u = u->next) {
		if (strcmp(u->name, "proto") != 0)
			continue;
		size_t i = 0;
		while (i < u->vlen) {
			while (i < u->vlen && u->val[i] == ' ')
				i++;
			size_t b = i;
			while (i < u->vlen && u->val[i] != ' ')
				i++;
			if (i == b)
				continue;
			const char *w = u->val + b;
			size_t n = i - b;
			if (str_ieq_n(w, n, "tcp") || word_eq(w, n, "6"))
				tcp = true;
			else if (str_ieq_n(w, n, "udp") || word_eq(w, n, "17"))
				udp = true;
			else if (str_ieq_n(w, n, "tcpudp"))
				tcp = udp = true;
			else if (str_ieq_n(w, n, "all") || str_ieq_n(w, n, "any"))
				all = true;
			else
				other = true;
		}
	}
	(void)o;
	if (all || (other && (tcp || udp)))
		return "any";
	if (tcp && udp)
		return "tcp+udp";
	if (tcp)
		return "tcp";
	if (udp)
		return "udp";
	return "any";
}

static bool first_word(const char *w, size_t n, void *arg)
{
	const char **out = arg;
	out[0] = w;
	out[1] = (const char *)(uintptr_t)n;
	return true;
}

static bool target_is(const struct usec *s, const char *want, bool dflt)
{
	const char *t = getv(s, "target");
	if (!t)
		return dflt;
	return strcasecmp(t, want) == 0;
}

/* Whether an address (as a redirect's dest_ip gives it, "/32" or "/128"
 * allowed) is one of the router's own (o->self). */
static bool is_self(const struct owrt *o, const char *v)
{
	size_t n = strlen(v);
	const char *sl = memchr(v, '/', n);
	if (sl) {
		if (strcmp(sl, "/32") != 0 && strcmp(sl, "/128") != 0)
			return false;
		n = (size_t)(sl - v);
	}
	struct u128 a;
	enum fam f = memchr(v, ':', n) ? FAM_V6 : FAM_V4;
	if (addr_parse(f, v, n, &a) != 0)
		return false;
	for (size_t i = 0; i < o->nself; i++)
		if (o->self[i].fam == f && o->self[i].a.hi == a.hi && o->self[i].a.lo == a.lo)
			return true;
	return false;
}

/*
 * A DNAT redirect that leads to the router itself (issue 14 §2): one
 * without dest_ip, or whose dest_ip is one of the router's addresses
 * from /etc/config/network. OpenWrt's firewall forwards a DNAT redirect
 * to "the specified internal host" dest_ip and needs dest_ip or
 * dest_port; without dest_ip the packet keeps the router's address and
 * only its port is rewritten, so it is accepted on the router's own input
 * chain (zone_<src>) instead of being forwarded (zone_<src>_forward):
 * openwrt.org/docs/guide-user/firewall/firewall_configuration
 * ("Redirects": dest_ip, dest_port) and openwrt/openwrt
 * package/firewall/files/lib/core_redirect.sh fw_load_redirect()
 * (fwdchain="zone_${redirect_src}${redirect_dest_ip:+_forward}"). A
 * redirect with neither option is not loaded by that script; it is left
 * as it was read (an ordinary forward). The router's port is dest_port,
 * else src_dport (the port is kept), else every port.
 */
static void redirect_to_router(struct owrt *o, const struct usec *s, struct home_forward *f)
{
	const char *dip = getv(s, "dest_ip");
	if (dip ? !is_self(o, dip) : !has_option(s, "dest_port"))
		return;
	f->to_router = true;
	const char *w[2] = {NULL, NULL};
	unsigned lo = 0, hi = 0;
	if (!each_word(s, "dest_port", first_word, w) && !each_word(s, "src_dport", first_word, w))
		lo = hi = 0;
	else if (!port_range(w[0], (size_t)(uintptr_t)w[1], &lo, &hi))
		return;   /* a port edgelint cannot read: not said to be admin */
	f->admin_svc = admin_svc(o, lo, hi);
}

static void home_forward(struct owrt *o, const struct usec *s, const char *port_opt,
			 const char *to_opt)
{
	struct input *in = o->in;
	struct home_forward *f = arena_alloc(&in->arena, sizeof(*f));
	if (!f) {
		oom(o);
		return;
	}
	const char *name = getv(s, "name");
	f->name = name ? quotable(in, name, strlen(name)) : NULL;
	f->proto = proto_text(o, s);
	const char *fw[2] = {NULL, NULL};
	unsigned lo = 0, hi = 0;
	if (each_word(s, port_opt, first_word, fw) && !port_range(fw[0], (size_t)(uintptr_t)fw[1], &lo, &hi))
		lo = hi = 0;
	f->port_lo = lo;
	f->port_hi = hi;
	const char *to = getv(s, to_opt);
	f->to = to ? quotable(in, to, strlen(to)) : NULL;
	fw[0] = NULL;
	if (each_word(s, "dest_port", first_word, fw) && port_range(fw[0], (size_t)(uintptr_t)fw[1], &lo, &hi))
		f->to_port = lo;
	const char *from = getv(s, "src_ip");
	f->from = from ? quotable(in, from, strlen(from)) : NULL;
	f->line = s->line;
	if (strcmp(s->type, "redirect") == 0)
		redirect_to_router(o, s, f);
	*in->dev.hfwds_tail = f;
	in->dev.hfwds_tail = &f->next;
	in->dev.nhfwds++;
}

/* why: what makes it reachable, in English and Japanese. */
static void set_remote_admin(struct owrt *o, unsigned line, const char *why, const char *why_ja)
{
	struct device *d = &o->in->dev;
	if (d->remote_admin == TRI_YES)
		return;
	d->remote_admin = TRI_YES;
	d->remote_admin_line = line;
	d->remote_admin_why = why;
	d->remote_admin_why_ja = why_ja;
}

/* Keeps a network of a WAN zone (o->wan_nets). */
static bool add_wan_net(const char *w, size_t n, void *arg)
{
	struct owrt *o = arg;
	const char **nn = input_grow(o->in, o->wan_nets, &o->capwan_nets, o->nwan_nets, sizeof(*nn));
	const char *c = nn ? arena_strndup(&o->in->arena, w, n) : NULL;
	if (!c) {
		oom(o);
		return true;
	}
	o->wan_nets = nn;
	o->wan_nets[o->nwan_nets++] = c;
	return false;
}

static void firewall(struct owrt *o, struct usec *secs)
{
	struct input *in = o->in;
	struct device *d = &in->dev;
	const struct uopt *def_input = NULL;
	struct wanset ws = {0};
	for (struct usec *s = secs; s; s = s->next) {
		if (strcmp(s->type, "defaults") == 0 && get(s, "input"))
			def_input = get(s, "input");
		if (strcmp(s->type, "zone") != 0)
			continue;
		const char *name = getv(s, "name");
		if (!name)
			continue;
		bool wan = strcmp(name, "wan") == 0 || ubool(o, get(s, "masq")) == TRI_YES ||
			   each_word(s, "network", is_wan_net, NULL);
		if (wan) {
			const char **nn = input_grow(in, ws.names, &ws.cap, ws.n, sizeof(*nn));
			if (!nn)
				return;
			ws.names = nn;
			ws.names[ws.n++] = name;
			each_word(s, "network", add_wan_net, o);
		}
	}
	if (ws.n == 0)
		return;   /* no WAN zone: whether the router is reachable is not known */
	o->learnt = true;
	/* The WAN zone's input policy (a zone without one takes the defaults'). */
	for (struct usec *s = secs; s; s = s->next) {
		if (strcmp(s->type, "zone") != 0 || !is_wan_zone(&ws, getv(s, "name")) ||
		    strcmp(getv(s, "name"), "*") == 0)
			continue;
		const struct uopt *inp = get(s, "input");
		if (!inp)
			inp = def_input;
		if (inp && strcasecmp(inp->val, "ACCEPT") == 0) {
			bool wan = strcmp(getv(s, "name"), "wan") == 0;
			const char *zn = wan ? "wan" : quotable(in, getv(s, "name"),
								strlen(getv(s, "name")));
			set_remote_admin(o, inp->line,
					 wan ? "wan zone input ACCEPT"
					     : arena_printf(&in->arena, "wan zone '%s' input ACCEPT", zn),
					 arena_printf(&in->arena, "WAN 側のゾーン '%s' の input が ACCEPT",
						      zn));
		}
	}
	for (struct usec *s = secs; s; s = s->next) {
		bool rule = strcmp(s->type, "rule") == 0, redirect = strcmp(s->type, "redirect") == 0;
		if (!rule && !redirect)
			continue;
		if (!same_pkg(s->pkg, "firewall") && !(s->pkg == NULL && o->fw_marker))
			continue;   /* e.g. network's ip rules */
		if (ubool(o, get(s, "enabled")) == TRI_NO)
			continue;
		const char *src = getv(s, "src");
		if (!is_wan_zone(&ws, src))
			continue;
		const char *name = getv(s, "name");
		if (redirect) {
			if (target_is(s, "DNAT", true))
				home_forward(o, s, "src_dport", "dest_ip");
			continue;
		}
		if (!target_is(s, "ACCEPT", false) || default_rule(name))
			continue;
		bool to_box = !has_option(s, "dest");
		if (!to_box) {
			/* Accepted from the internet to a home host (IPv6 pinholes). */
			if (!has_option(s, "proto") || each_word(s, "proto", proto_tcp_or_udp, NULL))
				home_forward(o, s, "dest_port", "dest_ip");
			continue;
		}
		if (has_option(s, "proto") && !each_word(s, "proto", proto_tcp, NULL))
			continue;
		struct admin_hit h = {0};
		bool all = !has_option(s, "dest_port");
		if (!all && !each_word(s, "dest_port", admin_port, &h))
			continue;
		const char *qn = name ? quotable(in, name, strlen(name)) : NULL;
		const char *who = qn ? arena_printf(&in->arena, "rule '%s'", qn) : "an unnamed rule";
		const char *who_ja = qn ? arena_printf(&in->arena, "ルール '%s' ", qn) : "名前のないルール";
		const char *why = all ? arena_printf(&in->arena, "%s accepts tcp on every port from wan", who)
				      : arena_printf(&in->arena, "%s accepts tcp %u from wan", who, h.port);
		const char *why_ja =
			all ? arena_printf(&in->arena, "%sが wan からの tcp をすべてのポートで許可", who_ja)
			    : arena_printf(&in->arena, "%sが wan からの tcp %u を許可", who_ja, h.port);
		set_remote_admin(o, s->line, why ? why : "a rule accepts admin access from wan",
				 why_ja ? why_ja : "ルールが wan からの管理用の接続を許可");
	}
	if (d->remote_admin == TRI_UNSET)
		d->remote_admin = TRI_NO;
}

/* ---- upnpd ------------------------------------------------------------------ */

static void upnpd(struct owrt *o, const struct usec *s)
{
	struct device *d = &o->in->dev;
	const struct uopt *u = get(s, "enabled");
	enum tri t = ubool(o, u);
	if (t == TRI_UNSET)
		return;
	o->learnt = true;
	if (d->upnp == TRI_YES)
		return;
	d->upnp = t;
	d->upnp_line = u->line;
}

/* ---- network, uhttpd, dropbear ------------------------------------------------ */

/*
 * /etc/config/network (openwrt.org/docs/guide-user/network/network_configuration,
 * "Protocol static": ipaddr as an address, a list of addresses or CIDR
 * "192.168.1.1/24", ip6addr likewise; gateway) gives the router's own
 * addresses and its interfaces; which of them faces the internet is
 * decided in wan_decide(). /etc/config/uhttpd (LuCI's web server:
 * openwrt.org/docs/guide-user/services/webserver/uhttpd, listen_http and
 * listen_https, "[address:]port") and /etc/config/dropbear (SSH:
 * openwrt.org/docs/guide-user/base-system/dropbear, Port, default 22;
 * enable) give the ports its admin services listen on.
 */

struct listen_arg {
	struct owrt *o;
	const char *svc;
	unsigned line;
};

/* One port an admin service listens on: "0.0.0.0:80", "[::]:443", "8080". */
static bool listen_port(const char *w, size_t n, void *arg)
{
	struct listen_arg *la = arg;
	struct owrt *o = la->o;
	size_t b = n;
	while (b > 0 && w[b - 1] != ':')
		b--;
	unsigned lo, hi;
	if (!port_range(w + b, n - b, &lo, &hi) || lo != hi) {
		input_diag(o->in, DIAG_NOTE, la->line, 0,
			   "'%s' is not a port edgelint can read; it is not counted as an admin port",
			   "'%s' は edgelint が読めるポートではありません。管理用のポートとして数えません",
			   quotable(o->in, w, n));
		return false;
	}
	o->learnt = true;
	if (o->naports >= OWRT_MAX_ADMIN_PORTS) {
		input_diag(o->in, DIAG_NOTE, la->line, 0,
			   "more than %d admin ports; port %u is not counted",
			   "管理用のポートが %d 個を超えています。ポート %u は数えません",
			   OWRT_MAX_ADMIN_PORTS, lo);
		return true;
	}
	o->aports[o->naports++] = (struct oport){lo, la->svc};
	return false;
}

/* Every port of an option (each value, each word of it), noted at its line. */
static void listen_ports(struct owrt *o, const struct usec *s, const char *name, const char *svc)
{
	for (const struct uopt *u = s->opts; u; u = u->next) {
		if (strcmp(u->name, name) != 0)
			continue;
		struct listen_arg la = {o, svc, u->line};
		size_t i = 0;
		while (i < u->vlen) {
			while (i < u->vlen && (u->val[i] == ' ' || u->val[i] == '\t'))
				i++;
			size_t b = i;
			while (i < u->vlen && u->val[i] != ' ' && u->val[i] != '\t')
				i++;
			if (i > b && listen_port(u->val + b, i - b, &la))
				return;
		}
	}
}

/* ---- signs of a hijacked router (issue 14 §3) ------------------------------------ */

static bool pkg_is(const struct usec *s, const char *pkg)
{
	return !s->pkg || strcmp(s->pkg, pkg) == 0;
}

static void sign_ev(struct owrt *o, const struct usec *s, enum home_sign_kind k, const char *what,
		    const char *what_ja, struct home_sign **out)
{
	struct input *in = o->in;
	const char *nm = s->name ? quotable(in, s->name, strlen(s->name)) : NULL;
	const char *ev = nm ? arena_printf(&in->arena, "config %s '%s'", s->type, nm)
			    : arena_printf(&in->arena, "config %s", s->type);
	if (!what || !ev) {
		oom(o);
		return;
	}
	struct home_sign *g = device_add_sign(in, k, what, what_ja, s->line, ev);
	if (out)
		*out = g;
	o->learnt = true;
}

/* WireGuard (openwrt.org/docs/guide-user/services/vpn/wireguard: an
 * `interface` of proto 'wireguard' in /etc/config/network, each peer a
 * section of type 'wireguard_<interface>'; `option disabled '1'` switches
 * a peer off): an interface that has peers accepts them, a sign when the
 * file shows at least one (the check skips one without). DDNS
 * (ddns-scripts, openwrt.org/docs/guide-user/services/ddns/client:
 * /etc/config/ddns, `config service` sections, `option enabled` default
 * 0, the provider in service_name or update_url). OpenVPN
 * (openwrt/packages net/openvpn files/openvpn.config: `config openvpn`
 * instances, `option enabled` default 0; a server has `option server`,
 * `option server_bridge`, `option mode 'server'` or `option tls_server`). */
static void hijack_sections(struct owrt *o)
{
	struct input *in = o->in;
	for (const struct usec *s = o->secs; s; s = s->next) {
		if (strcmp(s->type, "interface") == 0 && s->name && pkg_is(s, "network") &&
		    getv(s, "proto") && strcmp(getv(s, "proto"), "wireguard") == 0 &&
		    ubool(o, get(s, "disabled")) != TRI_YES) {
			const char *nm = quotable(in, s->name, strlen(s->name));
			struct home_sign *g = NULL;
			sign_ev(o, s, HSIGN_VPN_SERVER, arena_printf(&in->arena, "WireGuard interface %s", nm),
				arena_printf(&in->arena, "WireGuard インターフェース %s", nm), &g);
			if (!g)
				continue;
			g->needs_accounts = true;
			for (const struct usec *p = o->secs; p; p = p->next)
				if (strncmp(p->type, "wireguard_", 10) == 0 &&
				    strcmp(p->type + 10, s->name) == 0 &&
				    ubool(o, get(p, "disabled")) != TRI_YES)
					home_sign_account(in, g, NULL);
		} else if (strcmp(s->type, "service") == 0 && pkg_is(s, "ddns") &&
			   (get(s, "service_name") || get(s, "update_url") || get(s, "lookup_host")) &&
			   ubool(o, get(s, "enabled")) == TRI_YES) {
			const char *w = getv(s, "service_name") ? getv(s, "service_name")
				       : getv(s, "update_url") ? "update_url"
								: "ddns";
			sign_ev(o, s, HSIGN_DDNS, quotable(in, w, strlen(w)), NULL, NULL);
		} else if (strcmp(s->type, "openvpn") == 0 && pkg_is(s, "openvpn") &&
			   ubool(o, get(s, "enabled")) == TRI_YES &&
			   (get(s, "server") || get(s, "server_bridge") || ubool(o, get(s, "tls_server")) == TRI_YES ||
			    (getv(s, "mode") && strcmp(getv(s, "mode"), "server") == 0))) {
			const char *nm = s->name ? quotable(in, s->name, strlen(s->name)) : "?";
			sign_ev(o, s, HSIGN_VPN_SERVER, arena_printf(&in->arena, "OpenVPN server %s", nm),
				arena_printf(&in->arena, "OpenVPN サーバ %s", nm), NULL);
		}
	}
}

static void net_iface(struct owrt *o, const struct usec *s)
{
	o->learnt = true;
	const struct usec **nn = input_grow(o->in, o->ifaces, &o->capifaces, o->nifaces,
					    sizeof(void *));   /* an array of pointers */
	if (!nn)
		return;
	o->ifaces = nn;
	o->ifaces[o->nifaces++] = s;
}

/* One address of an interface ("192.168.1.1", "192.168.1.1/24",
 * "fd00::1/64") into o->self. */
static bool self_addr(const char *w, size_t n, void *arg)
{
	struct owrt *o = arg;
	const char *sl = memchr(w, '/', n);
	size_t an = sl ? (size_t)(sl - w) : n;
	enum fam f = memchr(w, ':', an) ? FAM_V6 : FAM_V4;
	struct u128 a;
	if (addr_parse(f, w, an, &a) != 0)
		return false;   /* not an address (a hostname, a typo): not the router's */
	if (o->nself >= OWRT_MAX_SELF) {
		input_diag(o->in, DIAG_NOTE, 0, 0,
			   "more than %d addresses of the router; the rest are not compared with "
			   "the forwards' targets",
			   "ルータのアドレスが %d 個を超えています。残りは転送先と比べません",
			   OWRT_MAX_SELF);
		return true;
	}
	struct oaddr *na = input_grow(o->in, o->self, &o->capself, o->nself, sizeof(*na));
	if (!na)
		return true;
	o->self = na;
	o->self[o->nself++] = (struct oaddr){f, a};
	return false;
}

/* Whether an interface can carry the router to the internet: a DHCP or
 * PPP client, a mobile modem, or a static address with a gateway
 * (network_configuration: proto dhcp, dhcpv6, pppoe, pppoa, ppp, 3g, qmi,
 * ncm, mbim, modemmanager, wwan, directip, pptp, l2tp; static + gateway). */
static bool uplink(const struct usec *s)
{
	static const char *const up[] = {"dhcp", "dhcpv6", "pppoe", "pppoa", "ppp", "3g",
					 "qmi", "ncm", "mbim", "modemmanager", "wwan",
					 "directip", "pptp", "l2tp", NULL};
	const char *p = getv(s, "proto");
	if (!p)
		return false;
	if (strcmp(p, "static") == 0)
		return getv(s, "gateway") != NULL;
	for (size_t i = 0; up[i]; i++)
		if (strcmp(p, up[i]) == 0)
			return true;
	return false;
}

/* An interface OpenWrt puts on the internet side: named wan or wan6 (the
 * names OpenWrt's default configuration gives it), or a network of one of
 * the firewall's WAN zones. */
static bool on_wan(const struct owrt *o, const char *name)
{
	if (strcmp(name, "wan") == 0 || strcmp(name, "wan6") == 0)
		return true;
	for (size_t i = 0; i < o->nwan_nets; i++)
		if (strcmp(o->wan_nets[i], name) == 0)
			return true;
	return false;
}

/* dev.wan from /etc/config/network: TRI_YES at the first enabled
 * internet-side interface with an uplink protocol; TRI_NO when the file
 * has none (a bridged access point, "dumb AP": openwrt.org/docs/
 * guide-user/network/wifi/dumbap removes wan and wan6 and gives lan a
 * DHCP or static address on the main router's network). */
static void wan_decide(struct owrt *o)
{
	struct input *in = o->in;
	struct device *d = &in->dev;
	for (size_t i = 0; i < o->nifaces; i++) {
		const struct usec *s = o->ifaces[i];
		if (!s->name || !on_wan(o, s->name) || !uplink(s) ||
		    ubool(o, get(s, "disabled")) == TRI_YES)
			continue;
		const char *nm = quotable(in, s->name, strlen(s->name));
		const char *pr = quotable(in, getv(s, "proto"), strlen(getv(s, "proto")));
		d->wan = TRI_YES;
		d->wan_line = s->line;
		d->wan_why = arena_printf(&in->arena, "interface '%s' (proto %s)", nm, pr);
		d->wan_why_ja = arena_printf(&in->arena, "インターフェース '%s'（proto %s）", nm, pr);
		if (!d->wan_why || !d->wan_why_ja)
			oom(o);
		return;
	}
	d->wan = TRI_NO;
	d->wan_line = 0;
	d->wan_why = "/etc/config/network has no wan interface using DHCP, PPPoE or a static "
		     "address with a gateway";
	d->wan_why_ja = "/etc/config/network に、DHCP、PPPoE、ゲートウェイのある静的アドレスの"
			"どれかを使う wan インターフェースがありません";
}

/* Once every part is read: the router's addresses, then the firewall
 * (its redirects compared with them), then whether a WAN exists (the
 * firewall's WAN zones name its networks). */
static void router_finish(struct owrt *o)
{
	for (size_t i = 0; i < o->nifaces && !o->in->error; i++) {
		if (each_word(o->ifaces[i], "ipaddr", self_addr, o) ||
		    each_word(o->ifaces[i], "ip6addr", self_addr, o))
			break;
	}
	for (struct fwpart *fp = o->fw_parts; fp && !o->in->error; fp = fp->next) {
		o->fw_marker = fp->fw_marker;
		firewall(o, fp->secs);
	}
	if (o->nifaces && !o->in->error)
		wan_decide(o);
}

/* ---- one part ------------------------------------------------------------------ */

static void part_reset(struct owrt *o)
{
	o->secs = NULL;
	o->stail = &o->secs;
	o->nsecs = 0;
	o->secs_capped = false;
	o->hash = NULL;
	o->fw_marker = false;
	o->cur_pkg = NULL;
	o->cur = NULL;
	o->in_section = false;
}

static void part_finish(struct owrt *o)
{
	bool fw = false;
	for (struct usec *s = o->secs; s; s = s->next) {
		if (strcmp(s->type, "wifi-iface") == 0) {
			o->any_wireless = true;
			wifi_iface(o, s);
		} else if (strcmp(s->type, "wifi-device") == 0) {
			o->any_wireless = true;
			o->learnt = true;
		} else if (strcmp(s->type, "upnpd") == 0) {
			upnpd(o, s);
		} else if (strcmp(s->type, "zone") == 0 || strcmp(s->type, "rule") == 0 ||
			   strcmp(s->type, "redirect") == 0) {
			fw = true;
		} else if (strcmp(s->type, "interface") == 0) {
			net_iface(o, s);
		} else if (strcmp(s->type, "uhttpd") == 0) {
			listen_ports(o, s, "listen_http", "HTTP");
			listen_ports(o, s, "listen_https", "HTTPS");
		} else if (strcmp(s->type, "dropbear") == 0 &&
			   ubool(o, get(s, "enable")) != TRI_NO) {
			/* dropbear's Port, 22 when not given (admin_svc() has 22). */
			const struct uopt *u = get(s, "Port");
			struct listen_arg ssh = {o, "SSH", u ? u->line : s->line};
			if (u)
				listen_port(u->val, u->vlen, &ssh);
		}
	}
	if (fw) {
		/* Judged once every part is read (router_finish()). */
		struct fwpart *fp = arena_alloc(&o->in->arena, sizeof(*fp));
		if (!fp) {
			oom(o);
			return;
		}
		fp->secs = o->secs;
		fp->fw_marker = o->fw_marker;
		*o->fw_tail = fp;
		o->fw_tail = &fp->next;
	}
	hijack_sections(o);
}

/* Content lines: not blank and not a comment. */
static unsigned content_lines(struct owrt *o, const char *d, size_t off, size_t end,
			      unsigned first)
{
	unsigned n = 0, line = first;
	size_t i = off;
	while (i < end) {
		size_t e = skip_line(d, end, i);
		size_t j = i;
		while (j < e && is_blank(d[j]))
			j++;
		if (j < e && d[j] != '#') {
			n++;
			if (!o->first_content_line)
				o->first_content_line = line;
		}
		i = e + 1;
		line++;
	}
	return n;
}

/* The line of the first "key" in the part (for evidence), else first. */
static unsigned json_key_line(const char *d, size_t off, size_t end, unsigned first,
			      const char *key)
{
	char pat[64];
	int pn = snprintf(pat, sizeof(pat), "\"%s\"", key);
	if (pn <= 0 || (size_t)pn >= sizeof(pat))
		return first;
	const char *hit = memmem(d + off, end - off, pat, (size_t)pn);
	if (!hit)
		return first;
	unsigned line = first;
	for (const char *p = d + off; p < hit; p++)
		line += *p == '\n';
	return line;
}

static void json_str(struct owrt *o, json_t *obj, const char *key, struct sval *dst,
		     const char *d, size_t off, size_t end, unsigned first)
{
	json_t *v = json_object_get(obj, key);
	if (!json_is_string(v))
		return;
	set_first(o, dst, json_string_value(v), json_string_length(v),
		  json_key_line(d, off, end, first, key));
}

/* `ubus call system board`. */
static void board_json(struct owrt *o, const char *d, size_t off, size_t end, unsigned first,
		       unsigned total)
{
	struct input *in = o->in;
	if (end - off > OWRT_MAX_JSON) {
		input_diag(in, DIAG_NOTE, first, 0,
			   "a JSON document of %zu bytes is too large for `ubus call system board`; "
			   "it is not read",
			   "%zu バイトの JSON は `ubus call system board` の出力としては大きすぎるため読みません",
			   end - off);
		return;
	}
	json_error_t err;
	json_t *root = json_loadb(d + off, end - off, 0, &err);
	if (!root || !json_is_object(root)) {
		unsigned line = first + (err.line > 0 ? (unsigned)err.line - 1 : 0);
		input_diag(in, DIAG_NOTE, root ? first : line, 0,
			   "not the JSON object `ubus call system board` prints; it is not read",
			   "`ubus call system board` が出力する JSON オブジェクトではないため読みません");
		json_decref(root);
		return;
	}
	json_str(o, root, "model", &o->id.board_model, d, off, end, first);
	json_t *rel = json_object_get(root, "release");
	if (json_is_object(rel)) {
		json_str(o, rel, "distribution", &o->id.board_dist, d, off, end, first);
		json_str(o, rel, "version", &o->id.board_version, d, off, end, first);
		json_t *bd = json_object_get(rel, "builddate");
		if (json_is_integer(bd)) {
			char num[32];
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(bd));
			set_first(o, &o->id.board_builddate, num, strlen(num),
				  json_key_line(d, off, end, first, "builddate"));
		} else {
			json_str(o, rel, "builddate", &o->id.board_builddate, d, off, end, first);
		}
	}
	json_decref(root);
	in->lines_understood += total;
	o->learnt = true;
}

static void read_part(struct owrt *o, size_t off, size_t len, unsigned first)
{
	const char *d = o->in->data;
	size_t end = off + len;
	if (end > o->in->len)
		end = o->in->len;
	unsigned total = content_lines(o, d, off, end, first);
	o->in->lines_total += total;
	size_t i = off;
	while (i < end && (is_blank(d[i]) || d[i] == '\n'))
		i++;
	if (i < end && d[i] == '{') {
		board_json(o, d, off, end, first, total);
		return;
	}
	part_reset(o);
	o->last_counted = first - 1;
	size_t pos = off;
	unsigned line = first;
	while (!o->in->error && next_stmt(d, end, &pos, &line, &o->st))
		command(o, &o->st);
	part_finish(o);
}

/* ---- device identity --------------------------------------------------------- */

static bool is_openwrt_name(const char *s)
{
	return strncasecmp(s, "openwrt", 7) == 0 || strncasecmp(s, "lede", 4) == 0;
}

/* A vendor fork's id: lower case, runs of other characters as '-'. */
static const char *slug(struct owrt *o, const char *s)
{
	size_t n = strlen(s);
	if (n > 40)
		n = 40;
	char *r = arena_alloc(&o->in->arena, n + 1);
	if (!r)
		return "other";
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalnum(c))
			r[k++] = (char)tolower(c);
		else if (k && r[k - 1] != '-')
			r[k++] = '-';
	}
	while (k && r[k - 1] == '-')
		k--;
	r[k] = '\0';
	return k ? r : "other";
}

/* Epoch seconds (text) as YYYY-MM-DD; NULL when not a plausible date. */
static const char *epoch_date(struct owrt *o, const char *s)
{
	long v;
	if (!s || str_to_long(s, 946684800L, 4102444800L, &v))   /* 2000 .. 2100 */
		return NULL;
	char buf[16];
	date_format(v / 86400, buf, sizeof(buf));
	return arena_strdup(&o->in->arena, buf);
}

static void identity(struct owrt *o)
{
	struct input *in = o->in;
	struct device *d = &in->dev;
	struct ident *id = &o->id;
	/* Who made the build: every name given must say OpenWrt (or LEDE);
	 * otherwise it is a vendor's build on an OpenWrt base, the vendor's to
	 * support (home-routers.md §1.2). */
	const struct sval *names[] = {&id->distrib_id, &id->os_id, &id->board_dist, &id->os_name};
	const struct sval *fork = NULL, *ow = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!names[i]->s)
			continue;
		if (is_openwrt_name(names[i]->s)) {
			if (!ow)
				ow = names[i];
		} else if (!fork) {
			fork = names[i];
		}
	}
	if (!id->distrib_id.s && id->distrib_desc.s && is_openwrt_name(id->distrib_desc.s) && !ow)
		ow = &id->distrib_desc;
	if (fork) {
		d->vendor.s = slug(o, fork->s);
		d->vendor.line = fork->line;
		d->vendor_display = quotable(in, fork->s, strlen(fork->s));
	} else {
		d->vendor.s = "openwrt";
		d->vendor.line = ow ? ow->line : o->first_content_line;
		d->vendor_display = "OpenWrt";
		if (ow)
			d->distro = "openwrt";
	}
	/* The release, as the firmware names it. */
	const struct sval *fw[] = {&id->distrib_release, &id->board_version, &id->os_version,
				   &id->os_version_id};
	for (size_t i = 0; i < ARRAY_SIZE(fw); i++)
		if (fw[i]->s && !d->firmware.s)
			d->firmware = *fw[i];
	if (d->firmware.s)
		d->snapshot = !openwrt_is_release(d->firmware.s);
	/* Old trunk builds ("Bleeding Edge") name the series they led to only
	 * by its codename; the 5-3 check maps it (home-firmware.yaml). */
	d->codename = id->distrib_codename.s;
	/* Files of two routers given together disagree on the release. */
	const struct sval *other[] = {&id->board_version, &id->os_version};
	for (size_t i = 0; d->firmware.s && i < ARRAY_SIZE(other); i++)
		if (other[i]->s && other[i] != fw[0] && strcasecmp(other[i]->s, d->firmware.s) != 0 &&
		    other[i]->line != d->firmware.line)
			input_diag(in, DIAG_NOTE, other[i]->line, 0,
				   "this file says release '%s' but another says '%s'; are they from the "
				   "same router? '%s' is used",
				   "このファイルのリリースは '%s' ですが、別のファイルは '%s' です。同じルータの"
				   "ファイルですか？ '%s' を使います",
				   quotable(in, other[i]->s, strlen(other[i]->s)),
				   quotable(in, d->firmware.s, strlen(d->firmware.s)),
				   quotable(in, d->firmware.s, strlen(d->firmware.s)));
	/* The model. */
	if (id->board_model.s) {
		d->model = id->board_model;
	} else if (id->os_product.s && strcmp(id->os_product.s, "Generic") != 0) {
		const char *m = id->os_manufacturer.s;
		if (m && strcmp(m, "OpenWrt") != 0 && strncmp(id->os_product.s, m, strlen(m)) != 0)
			d->model.s = arena_printf(&in->arena, "%s %s", m, id->os_product.s);
		else
			d->model.s = id->os_product.s;
		d->model.line = id->os_product.line;
	} else if (id->wps_model.s) {
		d->model = id->wps_model;
	}
	/* The build date. */
	const struct sval *bd = id->board_builddate.s ? &id->board_builddate : &id->os_build_date;
	const char *date = epoch_date(o, bd->s);
	if (date) {
		d->firmware_date.s = date;
		d->firmware_date.line = bd->line;
	}
}

/* ---- parse --------------------------------------------------------------------- */

static int openwrt_parse(struct input *in, const struct run_ctx *ctx)
{
	(void)ctx;
	struct owrt *o = calloc(1, sizeof(*o));
	if (!o) {
		input_fail(in, "out of memory", "メモリが足りません");
		return EL_ENOMEM;
	}
	o->in = in;
	o->fw_tail = &o->fw_parts;
	in->has_coverage = true;
	in->lines_total = 0;
	in->lines_understood = 0;
	if (in->nparts == 0) {
		read_part(o, 0, in->len, 1);
	} else {
		for (size_t p = 0; p < in->nparts && !in->error; p++)
			read_part(o, in->parts[p].off, in->parts[p].len, in->parts[p].first_line);
	}
	for (size_t k = 0; k < OWRT_MAX_TOKENS; k++)
		free(o->st.tok[k].b);
	if (!in->error)
		router_finish(o);
	if (in->error) {
		free(o);
		return EL_ENOMEM;
	}
	input_unknown_end(in);
	if (in->lines_understood > in->lines_total)
		in->lines_understood = in->lines_total;
	if (!o->learnt && in->lines_understood == 0) {
		free(o);
		input_fail(in, "nothing OpenWrt could be read: no UCI configuration "
			       "(config/option lines), release file (KEY=value) or "
			       "`ubus call system board` JSON",
			   "OpenWrt として読めるものがありません: UCI の設定（config/option の行）、"
			   "リリースファイル（KEY=value）、`ubus call system board` の JSON の"
			   "どれもありません");
		return EL_EPARSE;
	}
	identity(o);
	if (o->any_wireless && in->dev.wps == TRI_UNSET)
		in->dev.wps = TRI_NO;   /* OpenWrt's default: WPS off */
	in->has_device = true;
	free(o);
	return 0;
}

/* ---- probe and roles ------------------------------------------------------------ */

/* `uci show` lines: "wireless.radio0=wifi-device" and the like. */
static bool show_line(const char *ls, size_t len, const char *pkg, const char *const *types)
{
	size_t pn = strlen(pkg);
	if (len <= pn || memcmp(ls, pkg, pn) != 0)
		return false;
	const char *eq = memchr(ls, '=', len);
	if (!eq)
		return false;
	size_t rest = len - (size_t)(eq + 1 - ls);
	for (size_t i = 0; types[i]; i++)
		if (strlen(types[i]) == rest && memcmp(eq + 1, types[i], rest) == 0)
			return true;
	return false;
}

static int openwrt_role(const char *head, size_t n)
{
	static const char *const wtypes[] = {"wifi-device", "wifi-iface", NULL};
	static const char *const ftypes[] = {"zone", "redirect", "forwarding", "defaults", NULL};
	static const char *const utypes[] = {"upnpd", NULL};
	static const char *const ntypes[] = {"interface", NULL};
	static const char *const htypes[] = {"uhttpd", NULL};
	static const char *const dtypes[] = {"dropbear", NULL};
	static const char *const ddtypes[] = {"ddns", "service", NULL};
	static const char *const vtypes[] = {"openvpn", NULL};
	size_t pos = 0, len;
	const char *ls;
	bool json = false, board = false, release = false;
	while (probe_line(head, n, &pos, &ls, &len)) {
		if (probe_starts(ls, len, "config wifi-iface", true) ||
		    probe_starts(ls, len, "config wifi-device", true) ||
		    probe_starts(ls, len, "config 'wifi-iface'", true) ||
		    probe_starts(ls, len, "config 'wifi-device'", true) ||
		    show_line(ls, len, "wireless.", wtypes))
			return OR_WIRELESS;
		if (probe_starts(ls, len, "config zone", true) ||
		    probe_starts(ls, len, "config redirect", true) ||
		    probe_starts(ls, len, "config forwarding", true) ||
		    probe_starts(ls, len, "config defaults", true) ||
		    show_line(ls, len, "firewall.", ftypes))
			return OR_FIREWALL;
		if (probe_starts(ls, len, "config upnpd", true) || show_line(ls, len, "upnpd.", utypes))
			return OR_UPNPD;
		if (probe_starts(ls, len, "config interface", true) ||
		    probe_starts(ls, len, "config 'interface'", true) ||
		    show_line(ls, len, "network.", ntypes))
			return OR_NETWORK;
		if (probe_starts(ls, len, "config uhttpd", true) ||
		    probe_starts(ls, len, "config 'uhttpd'", true) ||
		    show_line(ls, len, "uhttpd.", htypes))
			return OR_UHTTPD;
		if (probe_starts(ls, len, "config dropbear", true) ||
		    probe_starts(ls, len, "config 'dropbear'", true) ||
		    show_line(ls, len, "dropbear.", dtypes))
			return OR_DROPBEAR;
		if (probe_starts(ls, len, "config ddns", true) || show_line(ls, len, "ddns.", ddtypes))
			return OR_DDNS;
		if (probe_starts(ls, len, "config openvpn", true) ||
		    show_line(ls, len, "openvpn.", vtypes))
			return OR_OPENVPN;
		if (probe_starts(ls, len, "DISTRIB_ID=", false) ||
		    probe_starts(ls, len, "DISTRIB_RELEASE=", false))
			return OR_RELEASE;
		if (probe_starts(ls, len, "OPENWRT_RELEASE=", false) ||
		    probe_starts(ls, len, "ID=\"openwrt\"", false) ||
		    probe_starts(ls, len, "ID=openwrt", false) ||
		    probe_starts(ls, len, "ID='openwrt'", false))
			return OR_OS_RELEASE;
		if (probe_starts(ls, len, "{", true))
			json = true;
		if (json && memmem(ls, len, "\"board_name\"", 12))
			board = true;
		if (json && memmem(ls, len, "\"release\"", 9))
			release = true;
	}
	return board && release ? OR_BOARD : OR_NONE;
}

static int openwrt_probe(const char *head, size_t n)
{
	return openwrt_role(head, n) ? 85 : 0;
}

/* The files of a backup (`sysupgrade -b`, LuCI "Generate archive": a
 * gzip'd tar of relative etc/... members; openwrt/openwrt
 * package/base-files/files/sbin/sysupgrade) this parser reads, in the
 * order they are joined. /etc/os-release is a link to
 * /usr/lib/os-release; a backup may hold either. */
static const struct bundle_member openwrt_backup[] = {
	{"etc/config/wireless", false}, {"etc/config/firewall", false},
	{"etc/openwrt_release", false}, {"usr/lib/os-release", true},
	{"etc/os-release", false},      {"etc/config/upnpd", false},
	{"etc/config/network", false},  {"etc/config/uhttpd", false},
	{"etc/config/dropbear", false}, {"etc/config/ddns", false},
	{"etc/config/openvpn", false},  {NULL, false},
};

const struct parser parser_openwrt = {
	.kind = {
		.name = "openwrt",
		.label = "OpenWrt configuration",
		.label_ja = "OpenWrt の設定",
		.feeds = {[ITEM_5_3] = true, [ITEM_6_2] = true},
		.home_router = true,
		.exposure_in_own_file = true,
	},
	.probe = openwrt_probe,
	.role = openwrt_role,
	.parse = openwrt_parse,
	.max_bytes = OWRT_MAX_BYTES,
	.backup = openwrt_backup,
	.backup_label = "OpenWrt",
	.backup_label_ja = "OpenWrt",
	.expect = "OpenWrt",
	.expect_ja = "OpenWrt",
	.what = "file",
	.what_ja = "ファイル",
};
