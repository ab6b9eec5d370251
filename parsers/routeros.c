/*
 * routeros.c — MikroTik RouterOS `/export` (kind "routeros").
 *
 * The export is a RouterOS script: header comments, menu lines
 * ("/interface wireless"), then commands ("add", "set") with key=value
 * arguments. A line ending in '\' continues on the next, indented, line
 * (the indentation is not part of the text, even inside a quoted value:
 * the 6.48 corpus export splits "p\ / arent=LAN2" inside a script). Values
 * are quoted with "…" and \" \\ \n \r \t \_ \XX escapes. `/export terse`
 * puts the menu path in front of every command; RouterOS 7 may write it
 * with slashes ("/interface/wifi"). `/export verbose` writes every value,
 * default or not: both read the same.
 *
 * Only values that differ from RouterOS's defaults are exported
 * (help.mikrotik.com "Configuration Management"), so every default that
 * matters is applied here. The defaults used, from help.mikrotik.com:
 *
 * Legacy "wireless" package, page "Wireless Interface":
 *  - /interface wireless: disabled (Default: yes); mode (Default: station);
 *    security-profile (Default: default); ssid (Default: value of
 *    system/identity). Modes: station, station-wds, station-pseudobridge,
 *    station-pseudobridge-clone, station-bridge are client ("Station")
 *    modes; ap-bridge, bridge, wds-slave are the "AP modes";
 *    alignment-only and nstreme-dual-slave are "Special modes" (not an
 *    access point the family joins).
 *  - Virtual AP: "add mode=ap-bridge master-interface=wlan1 …"; it works
 *    only while its master is active. A virtual interface's default mode
 *    is taken as ap-bridge: the 6.48 corpus export has virtual APs with
 *    SSIDs and guest profiles and no mode= (so their mode is the default).
 *    Their `disabled` default is yes like every wireless interface (the
 *    same export writes disabled=no on the one it uses).
 *  - Security profiles: mode (none | static-keys-optional |
 *    static-keys-required | dynamic-keys; Default: none) — none is an
 *    open network, static-keys-* is WEP, dynamic-keys is WPA;
 *    authentication-types (wpa-psk | wpa2-psk | wpa-eap | wpa2-eap;
 *    Default: empty); unicast-ciphers and group-ciphers (tkip | aes-ccm;
 *    Default: aes-ccm); wpa-pre-shared-key / wpa2-pre-shared-key "only
 *    have effect when wpa-psk / wpa2-psk is added to
 *    authentication-types". The profile "default" always exists.
 *  - WPS: wps-mode (disabled | push-button | push-button-virtual-only),
 *    default depends on the board; the WPS server is push-button only
 *    (a 2-minute window after the physical or the WinBox button). There is
 *    no PIN method: the model records WPS on with push-button on and the
 *    PIN off (whether a rule warns about that is the rule's); wps-mode=
 *    disabled on every enabled AP is WPS off, an AP without wps-mode
 *    leaves WPS unknown (board default).
 *
 * Newer "wifi" package (RouterOS >= 7.13, "wifiwave2" before), page "WiFi"
 * (and "WifiWave2"):
 *  - configuration.mode (ap | station…; ap is the default);
 *    security.authentication-types (wpa-psk, wpa2-psk, wpa-eap, wpa2-eap,
 *    wpa3-psk, owe, wpa3-eap, wpa3-eap-192): "The default value is an
 *    empty list (no authentication, an open network). Configuring a
 *    passphrase adds to the default list the wpa2-psk authentication
 *    method (if the interface is an AP)"; encryption and group-encryption
 *    default to ccmp; wps (push-button default | disabled).
 *  - disabled: "Hardware interfaces are disabled by default. Virtual
 *    interfaces are not." A virtual interface is bound (works) only when
 *    it and its master are both enabled.
 *  - A value is taken from, in order: the interface itself
 *    (security.passphrase=…), the profile assigned to the interface
 *    (security=sec1), the configuration profile assigned to it
 *    (configuration=cfg1), a profile assigned to that configuration.
 *  - Exports abbreviate a repeated prefix: "security.authentication-types=…
 *    .passphrase=…" means security.passphrase.
 *
 * RouterOS 7's /export leaves keys and passwords out unless `show-sensitive`
 * is given: a PSK network without its key is reported as such (the
 * passphrase is then unknown, never guessed). In the wifi package a
 * network with no authentication-types and no passphrase is therefore open
 * only when the export shows other sensitive values (it was made with
 * show-sensitive); otherwise it may be wpa2-psk with the passphrase left
 * out, and its mode is not known (issue 14 §1). authentication-types=""
 * says no authentication outright: open.
 *
 * Whether the device faces the internet at all (device.wan), and partial
 * exports (`export` run in a submenu), are described where they are judged
 * ("does the device face the internet?", "partial exports").
 *
 * Internet side (warnings under 5-3). What is approximated:
 *  - /ip service: telnet 23, ftp 21, www 80, ssh 22, www-ssl 443
 *    (disabled by default: it needs a certificate), api 8728, winbox 8291,
 *    api-ssl 8729; enabled unless disabled=yes; address= restricts a
 *    service to those sources (0.0.0.0/0 does not).
 *  - /ip firewall filter, chain input, read in order: an accept rule that
 *    is not limited to the LAN side, to source addresses or by other
 *    matchers, and that covers an open service's port (or every port),
 *    exposes it; a drop/reject of new connections from the WAN side
 *    (in-interface-list=!LAN as in the default configuration's "defconf:
 *    drop all not coming from LAN", in-interface-list=WAN, a WAN
 *    interface, or everything) closes the rest. No such drop and an open
 *    service means remote administration from the internet. Jump chains,
 *    address lists and IPv6 (/ipv6 firewall) are not followed.
 *  - /ip firewall nat dst-nat/netmap rules not limited to the LAN side are
 *    port forwards from the internet; action=redirect and a to-addresses
 *    that is one of the router's /ip address entries lead to the router
 *    itself, remote administration when they reach an open /ip service
 *    through the input chain (issue 14 §2).
 *  - /ip upnp enabled (Default: no).
 *
 * Every key, password and secret in any menu is registered as a secret of
 * the input, and no diagnostic quotes a value of such a key.
 *
 * Length: one file per input format (docs/adding-a-vendor.md). A RouterOS
 * export has paths, items and continuation lines, the firewall filter and
 * NAT, two wireless packages (legacy and wifi/wifiwave2), the services,
 * the WAN signs and partial exports, all sharing one parser state.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers.h"
#include "../src/registry.h"

#define ROS_MAX_ARGS 512          /* arguments of one command */
#define ROS_MAX_PATH 160          /* a menu path */
#define ROS_QUOTE_MAX 60          /* longest value a diagnostic quotes */
#define ROS_MAX_FWD_PORTS 64      /* dst-port items made into forwards */
/* Wireless objects and forwards kept: far above any real router, low
 * enough that hostile inputs cannot make the name look-ups quadratic. */
#define ROS_MAX_OBJS 1024
#define ROS_MAX_FWDS 1024

/* ---- commands ------------------------------------------------------------ */

struct ros_arg {
	const char *key;          /* dotted prefix expanded ("security.passphrase") */
	const char *val;          /* decoded, NUL-terminated (scratch) */
	size_t vlen;              /* may hold NUL bytes */
};

struct ros_cmd {
	const char *path;         /* "interface wireless security-profiles" */
	const char *verb;         /* "add", "set"… */
	const char *target;       /* "wlan1", "telnet", "0" or NULL */
	struct ros_arg *args;
	size_t nargs;
	struct ros_arg *find;     /* inside [ find … ] */
	size_t nfind;
	bool has_find;
	unsigned line;            /* first line of the command */
};

static const char *arg_get(const struct ros_arg *a, size_t n, const char *key)
{
	const char *v = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i].key, key) == 0)
			v = a[i].val;    /* the last one wins, as in RouterOS */
	return v;
}

/* ---- the parser state ------------------------------------------------------ */

/* Legacy security profile. */
struct ros_prof {
	const char *name;
	bool is_default;
	struct sval mode, auth, ucipher, gcipher;
	const char *psk[2];       /* wpa, wpa2 */
	size_t psk_len[2];
	unsigned psk_line[2];
	unsigned line;
	struct ros_prof *next;
};

/* Legacy wireless interface. */
struct ros_wlan {
	const char *name, *default_name;
	struct sval master, ssid, mode, profile, band, wps;
	enum tri disabled;
	bool added;               /* made by add (a virtual interface) */
	bool capsman;
	unsigned line;
	struct ros_wlan *next;
};

/* Settings of the wifi package a value can come from. */
enum { WF_SSID, WF_MODE, WF_AUTH, WF_PASS, WF_ENC, WF_GENC, WF_WPS, WF_BAND, WF_MFP, WF_COUNT };

struct ros_fields {
	struct sval v[WF_COUNT];
	size_t pass_len;
};

/* A wifi security profile, configuration profile or interface. */
struct ros_wobj {
	const char *name, *default_name;
	struct ros_fields f;
	const char *cfg_ref, *sec_ref, *master;
	enum tri disabled;
	bool added;
	unsigned line;
	struct ros_wobj *next;
};

/* An input-chain filter rule, reduced to what the approximation needs. */
enum ros_side { SIDE_ANY, SIDE_WAN, SIDE_LAN, SIDE_OTHER };

struct ros_rule {
	unsigned line;
	const char *action;
	enum ros_side side;
	bool restricted;          /* sources or other matchers narrow it */
	bool only_established;    /* connection-state without "new" */
	const char *proto, *ports;
	struct ros_rule *next;
};

struct ros_nat {
	unsigned line;
	const char *iface, *iface_list, *proto, *ports, *to, *to_ports, *src, *name;
	bool redirect;            /* action=redirect: to the router itself */
	struct ros_nat *next;
};

/* Something that may lead to the internet, judged once the bridges and
 * their ports are known (wan_state): a DHCP client, a default route out of
 * an interface, a srcnat masquerade/src-nat. */
enum ros_up_kind { UP_DHCP, UP_ROUTE, UP_NAT };

struct ros_up {
	enum ros_up_kind kind;
	const char *iface;        /* interface, or NULL */
	const char *list;         /* NAT: out-interface-list, or NULL */
	unsigned line;
	struct ros_up *next;
};

struct ros_svc {
	const char *name;
	unsigned port;
	bool enabled;
	bool restricted;
	unsigned line;            /* 0: RouterOS default */
};

struct ros {
	struct input *in;
	struct arena *a;
	struct arena scratch;
	char path[ROS_MAX_PATH];
	struct ros_prof *profs, **profs_tail;
	struct ros_wlan *wlans, **wlans_tail;
	struct ros_wobj *wsecs, *wcfgs, *wifis;
	struct ros_wobj **wsecs_tail, **wcfgs_tail, **wifis_tail;
	struct ros_rule *rules, **rules_tail;
	struct ros_nat *nats, **nats_tail;
	struct ros_svc svcs[8];
	const char **self;           /* the router's own /ip address entries */
	size_t nself, capself;
	const char **wan_names;      /* interfaces in the WAN list, DHCP/PPPoE clients */
	size_t nwan, capwan;
	const char **lan_names;      /* any number of each */
	size_t nlan, caplan;
	struct sval identity;
	unsigned filter_line;        /* the first /ip firewall filter command */
	bool capsman_on;
	const char *capsman_ifaces;
	unsigned capsman_line;
	unsigned upnp_line;
	enum tri upnp;
	bool saw_header;
	bool noted_missing_key;
	size_t nobjs;                /* profiles and interfaces kept */
	const struct run_ctx *ctx;
	/* Whether the device faces the internet (issue 14 §1, wan_state): the
	 * first sure sign of it, and what is judged at the end. */
	const char *wan_sign, *wan_sign_ja;
	unsigned wan_sign_line;
	size_t wan_members;              /* interfaces added to the WAN list */
	const char **bridges, **bports;  /* bridges, and interfaces that are their ports */
	size_t nbridges, capbridges, nbports, capbports;
	size_t nbridge_cmds;             /* bridges and ports added (limit ROS_MAX_OBJS) */
	struct ros_up *ups, **ups_tail;
	size_t nups;
	/* Some sensitive value is in the export: it was made with
	 * show-sensitive, so a passphrase it does not hold was not set. */
	bool saw_secret;
	/* The menu every command is under, word by word ("interface wifi"),
	 * "" once commands span two top-level menus (a whole /export); see
	 * covered(). */
	char scope[ROS_MAX_PATH];
	bool scope_set;
	/* WireGuard interfaces (signs of a hijacked router), looked up by
	 * their peers: at most ROS_MAX_OBJS, so that the look-up stays
	 * linear in the input. */
	struct home_sign *wgs[ROS_MAX_OBJS];
	size_t nwgs;
	bool wgs_noted;
	struct home_sign *ppp_secrets;   /* the one sign of all /ppp secret entries */
};

static const char *quotable(struct ros *r, const char *s)
{
	size_t n = strnlen(s, ROS_QUOTE_MAX + 1);
	if (n <= ROS_QUOTE_MAX)
		return utf8_sanitize(r->a, s, n);
	const char *d = arena_printf(r->a, "(a value of %zu bytes)", strlen(s));
	return d ? d : "(a long value)";
}

static const char *keep(struct ros *r, const char *s)
{
	return s ? utf8_sanitize(r->a, s, strlen(s)) : NULL;
}

static bool eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* ---- secrets ---------------------------------------------------------------- */

/* Keys whose values are secrets, in any menu (the last dotted part).
 * `/system ntp server auth-key=none` is the keyword for no key
 * (help.mikrotik.com "NTP": auth-key (none | key-id), the id of an entry
 * of /system ntp key): dispatch() does not take it for a secret (the
 * verbose export of a real 7.17.2 router among the samples writes it). */
static bool key_is_secret(const char *key)
{
	const char *k = strrchr(key, '.');
	k = k ? k + 1 : key;
	static const char *const exact[] = {
		"static-key-0", "static-key-1", "static-key-2", "static-key-3",
		"static-sta-private-key", "management-protection-key", "authentication-key",
		"tcp-md5-key", "private-key", "preshared-key", "psk", "key", "auth-key",
		"private-pre-shared-key", "nv2-preshared-key", "radius-secret", NULL,
	};
	for (size_t i = 0; exact[i]; i++)
		if (strcmp(k, exact[i]) == 0)
			return true;
	static const char *const suffix[] = {"password", "passphrase", "secret",
					     "pre-shared-key", NULL};
	size_t kn = strlen(k);
	for (size_t i = 0; suffix[i]; i++) {
		size_t sn = strlen(suffix[i]);
		if (kn >= sn && strcmp(k + kn - sn, suffix[i]) == 0)
			return true;
	}
	return false;
}

/* Copies a secret value into the input's arena and registers it. */
static const char *secret_copy(struct ros *r, const struct ros_arg *a)
{
	char *p = arena_alloc(r->a, a->vlen + 1);
	if (!p)
		return NULL;
	memcpy(p, a->val, a->vlen);
	if (a->vlen)
		input_add_secret(r->in, p, a->vlen);
	return p;
}

/* ---- tokenizer ------------------------------------------------------------------ */

static const char *const ros_verbs[] = {"add", "set", "remove", "enable", "disable",
					"unset", "comment", "move", "reset", NULL};

static bool is_verb(const char *w, size_t n)
{
	for (size_t i = 0; ros_verbs[i]; i++)
		if (strlen(ros_verbs[i]) == n && memcmp(ros_verbs[i], w, n) == 0)
			return true;
	return false;
}

static int hexv(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Reads a value starting at s[*i]: quoted (decoded) or up to a blank or
 * ']'. Returns false on an unterminated quote. */
static bool read_value(struct ros *r, const char *s, size_t n, size_t *i,
		       const char **out, size_t *outn)
{
	size_t p = *i;
	if (p < n && s[p] == '"') {
		p++;
		size_t st = p;
		while (p < n && s[p] != '"') {
			if (s[p] == '\\' && p + 1 < n)
				p++;
			p++;
		}
		if (p >= n)
			return false;
		char *d = arena_alloc(&r->scratch, p - st + 1);
		if (!d)
			return false;
		size_t w = 0;
		for (size_t k = st; k < p; k++) {
			if (s[k] != '\\') {
				d[w++] = s[k];
				continue;
			}
			char e = s[++k];
			int h1 = hexv((unsigned char)e), h2 = k + 1 < p ? hexv((unsigned char)s[k + 1]) : -1;
			if (h1 >= 0 && h2 >= 0) {
				d[w++] = (char)(h1 * 16 + h2);
				k++;
			} else {
				d[w++] = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t'
					 : e == '_' ? ' ' : e;
			}
		}
		d[w] = '\0';
		*out = d;
		*outn = w;
		*i = p + 1;
		return true;
	}
	size_t st = p;
	while (p < n && s[p] != ' ' && s[p] != '\t' && s[p] != ']')
		p++;
	char *d = arena_strndup(&r->scratch, s + st, p - st);
	if (!d)
		return false;
	*out = d;
	*outn = p - st;
	*i = p;
	return true;
}

/* Reads "key=value" or a bare word at s[*i] into *a (key NULL for a bare
 * word, whose text is then in val). prefix carries the last dotted
 * prefix. Returns false on a syntax error. */
static bool read_arg(struct ros *r, const char *s, size_t n, size_t *i, struct ros_arg *a,
		     char *prefix, size_t prefsz)
{
	size_t st = *i, p = st;
	while (p < n && s[p] != '=' && s[p] != ' ' && s[p] != '\t' && s[p] != ']' && s[p] != '"')
		p++;
	if (p < n && s[p] == '"' && p == st) {
		/* A quoted bare word ("name" of an item). */
		a->key = NULL;
		return read_value(r, s, n, i, &a->val, &a->vlen);
	}
	if (p >= n || s[p] != '=') {
		if (p == st)
			return false;
		a->key = NULL;
		a->val = arena_strndup(&r->scratch, s + st, p - st);
		a->vlen = p - st;
		*i = p;
		return a->val != NULL;
	}
	size_t kn = p - st;
	if (kn == 0)
		return false;
	const char *k = s + st;
	char *key;
	if (k[0] == '.' && prefix[0]) {
		key = arena_printf(&r->scratch, "%s%.*s", prefix, (int)kn, k);
	} else {
		key = arena_strndup(&r->scratch, k, kn);
		const char *dot = memchr(k, '.', kn);
		if (dot && dot != k && (size_t)(dot - k) < prefsz) {
			memcpy(prefix, k, (size_t)(dot - k));
			prefix[dot - k] = '\0';
		}
	}
	if (!key)
		return false;
	a->key = key;
	*i = p + 1;
	return read_value(r, s, n, i, &a->val, &a->vlen);
}

static void skip_blank(const char *s, size_t n, size_t *i)
{
	while (*i < n && (s[*i] == ' ' || s[*i] == '\t'))
		(*i)++;
}

/* Splits one logical command. Returns 1 for a command in c, 0 for a menu
 * line alone (the current path changed), -1 when it is not understood. */
static int tokenize(struct ros *r, const char *s, size_t n, unsigned line, struct ros_cmd *c)
{
	size_t i = 0;
	memset(c, 0, sizeof(*c));
	c->line = line;
	c->path = r->path;
	skip_blank(s, n, &i);
	if (i < n && s[i] == '/') {
		char path[ROS_MAX_PATH];
		size_t pn = 0;
		bool verb = false;
		while (i < n) {
			skip_blank(s, n, &i);
			if (i >= n)
				break;
			size_t st = i;
			while (i < n && s[i] != ' ' && s[i] != '\t')
				i++;
			const char *w = s + st;
			size_t wn = i - st;
			if (pn > 0 && is_verb(w, wn)) {
				i = st;
				verb = true;
				break;
			}
			if (pn > 0 && (memchr(w, '=', wn) || w[0] == '['))
				return -1;
			/* "/interface/wifi" or "/interface wifi": words joined by one space. */
			for (size_t k = 0; k < wn; k++) {
				char ch = w[k] == '/' ? ' ' : w[k];
				if (ch == ' ' && (pn == 0 || path[pn - 1] == ' '))
					continue;
				if (!(isalnum((unsigned char)ch) || ch == '-' || ch == '_' || ch == ' ' ||
				      ch == '.'))
					return -1;
				if (pn + 2 >= sizeof(path))
					return -1;
				path[pn++] = ch;
			}
			if (pn && path[pn - 1] != ' ')
				path[pn++] = ' ';
		}
		while (pn && path[pn - 1] == ' ')
			pn--;
		path[pn] = '\0';
		if (!verb) {
			memcpy(r->path, path, pn + 1);
			return 0;
		}
		c->path = arena_strdup(&r->scratch, path);
		if (!c->path)
			return -1;
	}
	skip_blank(s, n, &i);
	size_t st = i;
	while (i < n && s[i] != ' ' && s[i] != '\t')
		i++;
	if (!is_verb(s + st, i - st))
		return -1;
	c->verb = arena_strndup(&r->scratch, s + st, i - st);
	c->args = arena_alloc(&r->scratch, sizeof(*c->args) * ROS_MAX_ARGS);
	c->find = arena_alloc(&r->scratch, sizeof(*c->find) * ROS_MAX_ARGS);
	if (!c->verb || !c->args || !c->find)
		return -1;
	char prefix[64] = "";
	for (;;) {
		skip_blank(s, n, &i);
		if (i >= n)
			break;
		if (s[i] == '[') {
			if (c->has_find || c->nargs)
				return -1;
			c->has_find = true;
			i++;
			skip_blank(s, n, &i);
			if (n - i < 4 || memcmp(s + i, "find", 4) != 0)
				return -1;
			i += 4;
			char fprefix[64] = "";
			for (;;) {
				skip_blank(s, n, &i);
				if (i >= n)
					return -1;
				if (s[i] == ']') {
					i++;
					break;
				}
				struct ros_arg a;
				if (!read_arg(r, s, n, &i, &a, fprefix, sizeof(fprefix)))
					return -1;
				if (a.key) {
					if (c->nfind >= ROS_MAX_ARGS)
						return -1;
					c->find[c->nfind++] = a;
				}
			}
			continue;
		}
		struct ros_arg a;
		if (!read_arg(r, s, n, &i, &a, prefix, sizeof(prefix)))
			return -1;
		if (!a.key) {
			if (c->target || c->has_find || c->nargs)
				return -1;
			c->target = a.val;
			continue;
		}
		if (c->nargs >= ROS_MAX_ARGS)
			return -1;
		c->args[c->nargs++] = a;
	}
	return 1;
}

/* ---- header --------------------------------------------------------------------- */

static void header_line(struct ros *r, const char *s, size_t n, unsigned line)
{
	struct device *d = &r->in->dev;
	const char *by = memmem(s, n, " by RouterOS ", 13);
	if (by && !d->firmware.s) {
		size_t i = (size_t)(by - s) + 13, st = i;
		while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '.'))
			i++;
		if (i > st && isdigit((unsigned char)s[st])) {
			d->firmware.s = arena_strndup(r->a, s + st, i - st);
			d->firmware.line = line;
			d->snapshot = memmem(s + st, i - st, "beta", 4) ||
				      memmem(s + st, i - st, "rc", 2) ||
				      memmem(s + st, i - st, "alpha", 5);
			d->vendor.line = line;
			r->saw_header = true;
		}
		return;
	}
	size_t i = 1;
	while (i < n && s[i] == ' ')
		i++;
	if (n - i > 5 && memcmp(s + i, "model", 5) == 0) {
		i += 5;
		while (i < n && s[i] == ' ')
			i++;
		if (i < n && s[i] == '=') {
			i++;
			while (i < n && s[i] == ' ')
				i++;
			size_t e = n;
			while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t'))
				e--;
			if (e > i && !d->model.s) {
				d->model.s = utf8_sanitize(r->a, s + i, e - i);
				d->model.line = line;
				r->saw_header = true;
			}
		}
	}
}

/* ---- legacy wireless -------------------------------------------------------------- */

static struct ros_prof *prof_by_name(struct ros *r, const char *name)
{
	for (struct ros_prof *p = r->profs; p; p = p->next)
		if (eq(p->name, name))
			return p;
	return NULL;
}

/* A limit reached is an input error naming it (never a silent drop): what
 * was read is still reported, no item passes (run_parsed). */
static void ros_objs_limit(struct ros *r, unsigned line)
{
	input_fail(r->in,
		   "line %u: more than %d wireless interfaces, security profiles and configurations "
		   "(edgelint's limit): the ones after it are not read",
		   "%u 行目: 無線のインターフェース・セキュリティプロファイル・設定が %d 個を超えています"
		   "（edgelint の上限）。これ以降は読み込んでいません",
		   line, ROS_MAX_OBJS);
}

static struct ros_prof *prof_new(struct ros *r, const char *name, bool is_default,
				 unsigned line)
{
	if (r->nobjs >= ROS_MAX_OBJS) {
		ros_objs_limit(r, line);
		return NULL;
	}
	struct ros_prof *p = arena_alloc(r->a, sizeof(*p));
	if (!p)
		return NULL;
	r->nobjs++;
	p->name = keep(r, name);
	p->is_default = is_default;
	p->line = line;
	*r->profs_tail = p;
	r->profs_tail = &p->next;
	return p;
}

static struct ros_prof *prof_default(struct ros *r)
{
	for (struct ros_prof *p = r->profs; p; p = p->next)
		if (p->is_default)
			return p;
	return prof_new(r, "default", true, 0);
}

static void sval_set(struct ros *r, struct sval *v, const char *s, unsigned line)
{
	v->s = keep(r, s);
	v->line = line;
}

static bool do_profile(struct ros *r, const struct ros_cmd *c)
{
	struct ros_prof *p = NULL;
	const char *name = arg_get(c->args, c->nargs, "name");
	if (strcmp(c->verb, "add") == 0) {
		if (!name)
			return false;
		p = prof_new(r, name, false, c->line);
	} else if (strcmp(c->verb, "set") == 0) {
		const char *dflt = arg_get(c->find, c->nfind, "default");
		const char *fname = arg_get(c->find, c->nfind, "name");
		const char *t = c->target ? c->target : fname;
		if (eq(dflt, "yes") || eq(t, "default") || eq(t, "0")) {
			p = prof_default(r);
		} else if (t) {
			p = prof_by_name(r, t);
			if (!p)
				p = prof_new(r, t, false, c->line);
		} else {
			return false;
		}
		if (p && name)
			p->name = keep(r, name);
	} else {
		return true;
	}
	if (!p)
		return false;
	if (!p->line)
		p->line = c->line;
	for (size_t i = 0; i < c->nargs; i++) {
		const struct ros_arg *a = &c->args[i];
		if (strcmp(a->key, "mode") == 0)
			sval_set(r, &p->mode, a->val, c->line);
		else if (strcmp(a->key, "authentication-types") == 0)
			sval_set(r, &p->auth, a->val, c->line);
		else if (strcmp(a->key, "unicast-ciphers") == 0)
			sval_set(r, &p->ucipher, a->val, c->line);
		else if (strcmp(a->key, "group-ciphers") == 0)
			sval_set(r, &p->gcipher, a->val, c->line);
		else if (strcmp(a->key, "wpa-pre-shared-key") == 0 ||
			 strcmp(a->key, "wpa2-pre-shared-key") == 0) {
			int k = a->key[3] == '2' ? 1 : 0;
			p->psk[k] = secret_copy(r, a);
			p->psk_len[k] = a->vlen;
			p->psk_line[k] = c->line;
		}
	}
	return true;
}

static struct ros_wlan *wlan_by_name(struct ros *r, const char *name)
{
	for (struct ros_wlan *w = r->wlans; w; w = w->next)
		if (eq(w->name, name))
			return w;
	return NULL;
}

static struct ros_wlan *wlan_new(struct ros *r, const char *name, const char *dname,
				 unsigned line)
{
	if (r->nobjs >= ROS_MAX_OBJS) {
		ros_objs_limit(r, line);
		return NULL;
	}
	struct ros_wlan *w = arena_alloc(r->a, sizeof(*w));
	if (!w)
		return NULL;
	r->nobjs++;
	w->name = keep(r, name);
	w->default_name = keep(r, dname);
	w->disabled = TRI_UNSET;
	w->line = line;
	*r->wlans_tail = w;
	r->wlans_tail = &w->next;
	return w;
}

static bool do_wlan(struct ros *r, const struct ros_cmd *c)
{
	struct ros_wlan *w = NULL;
	const char *name = arg_get(c->args, c->nargs, "name");
	bool en = strcmp(c->verb, "enable") == 0, dis = strcmp(c->verb, "disable") == 0;
	if (strcmp(c->verb, "add") == 0) {
		w = wlan_new(r, name, NULL, c->line);
		if (w)
			w->added = true;
	} else if (strcmp(c->verb, "set") == 0 || en || dis) {
		const char *dn = arg_get(c->find, c->nfind, "default-name");
		const char *fname = arg_get(c->find, c->nfind, "name");
		if (dn) {
			for (struct ros_wlan *x = r->wlans; x && !w; x = x->next)
				if (eq(x->default_name, dn))
					w = x;
			if (!w)
				w = wlan_new(r, dn, dn, c->line);
		} else if (c->target || fname) {
			const char *t = c->target ? c->target : fname;
			if (isdigit((unsigned char)t[0]))
				return false;   /* an item number: which one is unknown */
			w = wlan_by_name(r, t);
			if (!w)
				w = wlan_new(r, t, t, c->line);
		} else {
			return false;
		}
		if (w && name)
			w->name = keep(r, name);
	} else {
		return true;
	}
	if (!w)
		return false;
	if (en || dis) {
		w->disabled = dis ? TRI_YES : TRI_NO;
		return true;
	}
	for (size_t i = 0; i < c->nargs; i++) {
		const struct ros_arg *a = &c->args[i];
		if (strcmp(a->key, "ssid") == 0)
			sval_set(r, &w->ssid, a->val, c->line);
		else if (strcmp(a->key, "mode") == 0)
			sval_set(r, &w->mode, a->val, c->line);
		else if (strcmp(a->key, "security-profile") == 0)
			sval_set(r, &w->profile, a->val, c->line);
		else if (strcmp(a->key, "master-interface") == 0)
			sval_set(r, &w->master, a->val, c->line);
		else if (strcmp(a->key, "band") == 0)
			sval_set(r, &w->band, a->val, c->line);
		else if (strcmp(a->key, "wps-mode") == 0)
			sval_set(r, &w->wps, a->val, c->line);
		else if (strcmp(a->key, "disabled") == 0) {
			if (strcmp(a->val, "yes") == 0 || strcmp(a->val, "true") == 0)
				w->disabled = TRI_YES;
			else if (strcmp(a->val, "no") == 0 || strcmp(a->val, "false") == 0)
				w->disabled = TRI_NO;
			else
				return false;
		}
	}
	return true;
}

/* ---- wifi package ------------------------------------------------------------------- */

static struct ros_wobj *wobj_find(struct ros_wobj *list, const char *name, bool by_default)
{
	for (struct ros_wobj *o = list; o; o = o->next)
		if (eq(by_default ? o->default_name : o->name, name))
			return o;
	return NULL;
}

static struct ros_wobj *wobj_new(struct ros *r, struct ros_wobj ***tail, const char *name,
				 const char *dname, unsigned line)
{
	if (r->nobjs >= ROS_MAX_OBJS) {
		ros_objs_limit(r, line);
		return NULL;
	}
	struct ros_wobj *o = arena_alloc(r->a, sizeof(*o));
	if (!o)
		return NULL;
	r->nobjs++;
	o->name = keep(r, name);
	o->default_name = keep(r, dname);
	o->disabled = TRI_UNSET;
	o->line = line;
	**tail = o;
	*tail = &o->next;
	return o;
}

/* Which field a key sets. kind: 0 interface, 1 configuration profile,
 * 2 security profile. */
static int wifi_field(const char *key, int kind)
{
	static const struct {
		const char *k;
		int f;
	} sec[] = {{"authentication-types", WF_AUTH}, {"passphrase", WF_PASS},
		   {"encryption", WF_ENC}, {"group-encryption", WF_GENC}, {"wps", WF_WPS},
		   {"management-protection", WF_MFP}};
	const char *k = key;
	if (kind == 0 || kind == 1) {
		if (kind == 0 && strncmp(k, "configuration.", 14) == 0)
			k += 14;
		if (kind == 0 && k == key && (strcmp(k, "ssid") == 0 || strcmp(k, "mode") == 0))
			return -1;   /* an interface's own keys are dotted */
		if (strcmp(k, "ssid") == 0)
			return WF_SSID;
		if (strcmp(k, "mode") == 0)
			return WF_MODE;
		if (strcmp(key, "channel.band") == 0)
			return WF_BAND;
		if (strncmp(key, "security.", 9) != 0)
			return -1;
		k = key + 9;
	}
	for (size_t i = 0; i < ARRAY_SIZE(sec); i++)
		if (strcmp(k, sec[i].k) == 0)
			return sec[i].f;
	return -1;
}

static bool do_wifi(struct ros *r, const struct ros_cmd *c, int kind)
{
	struct ros_wobj **list = kind == 0 ? &r->wifis : kind == 1 ? &r->wcfgs : &r->wsecs;
	struct ros_wobj ***tail = kind == 0 ? &r->wifis_tail : kind == 1 ? &r->wcfgs_tail
							   : &r->wsecs_tail;
	struct ros_wobj *o = NULL;
	const char *name = arg_get(c->args, c->nargs, "name");
	bool en = strcmp(c->verb, "enable") == 0, dis = strcmp(c->verb, "disable") == 0;
	if (strcmp(c->verb, "add") == 0) {
		o = wobj_new(r, tail, name, NULL, c->line);
		if (o)
			o->added = true;
	} else if (strcmp(c->verb, "set") == 0 || en || dis) {
		const char *dn = arg_get(c->find, c->nfind, "default-name");
		const char *fname = arg_get(c->find, c->nfind, "name");
		const char *t = c->target ? c->target : fname;
		if (dn) {
			o = wobj_find(*list, dn, true);
			if (!o)
				o = wobj_new(r, tail, dn, dn, c->line);
		} else if (t && !isdigit((unsigned char)t[0])) {
			o = wobj_find(*list, t, false);
			if (!o)
				o = wobj_new(r, tail, t, kind == 0 ? t : NULL, c->line);
		} else {
			return false;
		}
		if (o && name)
			o->name = keep(r, name);
	} else {
		return true;
	}
	if (!o)
		return false;
	if (en || dis) {
		o->disabled = dis ? TRI_YES : TRI_NO;
		return true;
	}
	for (size_t i = 0; i < c->nargs; i++) {
		const struct ros_arg *a = &c->args[i];
		int f = wifi_field(a->key, kind);
		if (f == WF_PASS) {
			o->f.v[WF_PASS].s = secret_copy(r, a);
			o->f.v[WF_PASS].line = c->line;
			o->f.pass_len = a->vlen;
		} else if (f >= 0) {
			sval_set(r, &o->f.v[f], a->val, c->line);
		} else if (kind != 2 && strcmp(a->key, "security") == 0) {
			o->sec_ref = keep(r, a->val);
		} else if (kind == 0 && strcmp(a->key, "configuration") == 0) {
			o->cfg_ref = keep(r, a->val);
		} else if (kind == 0 && strcmp(a->key, "master-interface") == 0) {
			o->master = keep(r, a->val);
		} else if (kind == 0 && strcmp(a->key, "disabled") == 0) {
			if (strcmp(a->val, "yes") == 0)
				o->disabled = TRI_YES;
			else if (strcmp(a->val, "no") == 0)
				o->disabled = TRI_NO;
			else
				return false;
		}
	}
	return true;
}

/* ---- internet side -------------------------------------------------------------------- */

static void names_add(struct ros *r, const char ***arr, size_t *n, size_t *cap,
		      const char *name)
{
	if (!name)
		return;
	const char **na = input_grow(r->in, *arr, cap, *n, sizeof(*na));
	const char *k = na ? keep(r, name) : NULL;
	if (!k) {
		input_nomem(r->in, 0);
		return;
	}
	*arr = na;
	na[(*n)++] = k;
}

static void wan_add(struct ros *r, const char *name, bool lan)
{
	if (lan)
		names_add(r, &r->lan_names, &r->nlan, &r->caplan, name);
	else
		names_add(r, &r->wan_names, &r->nwan, &r->capwan, name);
}

static bool name_in(const char *const *arr, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (eq(arr[i], name))
			return true;
	return false;
}

static enum ros_side side_of(struct ros *r, const char *iface, const char *list)
{
	if (list) {
		bool neg = list[0] == '!';
		const char *l = neg ? list + 1 : list;
		if (strcmp(l, "LAN") == 0)
			return neg ? SIDE_WAN : SIDE_LAN;
		if (strcmp(l, "WAN") == 0)
			return neg ? SIDE_LAN : SIDE_WAN;
		if (strcmp(l, "all") == 0 && !neg)
			return SIDE_ANY;
		return SIDE_OTHER;
	}
	if (iface) {
		bool neg = iface[0] == '!';
		const char *f = neg ? iface + 1 : iface;
		bool wan = name_in(r->wan_names, r->nwan, f);
		bool lan = name_in(r->lan_names, r->nlan, f) || strncmp(f, "bridge", 6) == 0;
		if (wan)
			return neg ? SIDE_LAN : SIDE_WAN;
		if (lan)
			return neg ? SIDE_WAN : SIDE_LAN;
		return SIDE_OTHER;
	}
	return SIDE_ANY;
}

/* ---- does the device face the internet? (issue 14 §1) ----------------------------
 *
 * A home router faces the internet through a PPPoE or LTE interface, a
 * DHCP client on its WAN port, a default route out of an interface, a
 * public address, and it masquerades the home network to it. RouterOS's
 * default configuration (help.mikrotik.com "First Time Configuration" and
 * the defconf script an export shows) puts ether1 in the WAN interface list
 * with a DHCP client and "defconf: masquerade" out-interface-list=WAN. An
 * access point bridges every port instead ("CAP" mode and the bridged APs of
 * the real exports in samples/routeros/SOURCES.md): its DHCP client is on
 * the bridge and takes an address from the router in front of it, so it is
 * no sign of a WAN, nor is a DHCP client on a bridge port (RouterOS itself
 * writes "DHCP client can not run on slave or passthrough interface!" into
 * such an export) or a masquerade to the WAN list when the list has no
 * member. No sign at all in a whole export is TRI_NO. */

static void wan_sign(struct ros *r, unsigned line, const char *en, const char *ja)
{
	if (r->wan_sign || !en || !ja)
		return;
	r->wan_sign = en;
	r->wan_sign_ja = ja;
	r->wan_sign_line = line;
}

static bool cmd_off(const struct ros_cmd *c)
{
	return eq(arg_get(c->args, c->nargs, "disabled"), "yes");
}

static void up_add(struct ros *r, enum ros_up_kind k, const char *iface, const char *list,
		   unsigned line)
{
	if (r->nups >= ROS_MAX_FWDS) {
		if (r->nups++ == ROS_MAX_FWDS)
			input_fail(r->in,
				   "line %u: more than %d DHCP clients, default routes and source NAT "
				   "rules (edgelint's limit): the ones after it are not read",
				   "%u 行目: DHCP クライアント・デフォルトルート・送信元 NAT が %d 個を"
				   "超えています（edgelint の上限）。これ以降は読み込んでいません",
				   line, ROS_MAX_FWDS);
		return;
	}
	struct ros_up *u = arena_alloc(r->a, sizeof(*u));
	if (!u) {
		input_nomem(r->in, line);
		return;
	}
	u->kind = k;
	u->iface = keep(r, iface);
	u->list = keep(r, list);
	u->line = line;
	*r->ups_tail = u;
	r->ups_tail = &u->next;
	r->nups++;
}

/* Is "a.b.c.d/len" a public IPv4 address (rules/internet-sources.yaml)? */
static bool addr_public(const struct ros *r, const char *v)
{
	struct u128 a;
	if (!v || !r->ctx || !r->ctx->reg || addr_parse(FAM_V4, v, strcspn(v, "/"), &a))
		return false;
	const struct aset *pub = &r->ctx->reg->internet.public4;
	for (size_t i = 0; i < pub->n; i++)
		if (u128_cmp(pub->iv[i].lo, a) <= 0 && u128_cmp(a, pub->iv[i].hi) <= 0)
			return true;
	return false;
}

/* /ip route add: a default route (dst-address 0.0.0.0/0, the default)
 * whose gateway is an interface ("pppoe-out1", "10.0.0.1%ether1"). A
 * gateway address alone says nothing about which side it is on. */
static void route_cmd(struct ros *r, const struct ros_cmd *c)
{
	const char *dst = arg_get(c->args, c->nargs, "dst-address");
	const char *gw = arg_get(c->args, c->nargs, "gateway");
	if (cmd_off(c) || !gw || (dst && strcmp(dst, "0.0.0.0/0") != 0))
		return;
	const char *pct = strchr(gw, '%');
	struct u128 a;
	if (pct)
		up_add(r, UP_ROUTE, pct + 1, NULL, c->line);
	else if (addr_parse(FAM_V4, gw, strlen(gw), &a) != 0 && !strchr(gw, ','))
		up_add(r, UP_ROUTE, gw, NULL, c->line);
}

static void wan_state(struct ros *r)
{
	struct device *d = &r->in->dev;
	unsigned br_line = 0;
	const char *br = NULL;
	for (const struct ros_up *u = r->ups; u && !r->wan_sign; u = u->next) {
		const char *f = u->iface;
		bool bridge = f && name_in(r->bridges, r->nbridges, f);
		bool port = f && name_in(r->bports, r->nbports, f);
		if (u->kind == UP_DHCP && bridge && !br) {
			br = f;
			br_line = u->line;
		}
		if (u->kind == UP_NAT && u->list) {
			if (!(strcmp(u->list, "WAN") == 0 && r->wan_members == 0))
				wan_sign(r, u->line,
					 arena_printf(r->a, "source NAT to the interface list %s",
						      quotable(r, u->list)),
					 arena_printf(r->a, "インターフェースリスト %s への送信元 NAT",
						      quotable(r, u->list)));
		} else if (u->kind == UP_NAT && !port) {
			wan_sign(r, u->line,
				 f ? arena_printf(r->a, "source NAT to %s", quotable(r, f))
				   : "source NAT of all traffic",
				 f ? arena_printf(r->a, "%s への送信元 NAT", quotable(r, f))
				   : "すべての通信の送信元 NAT");
		} else if (u->kind != UP_NAT && f && !bridge && !port) {
			bool dhcp = u->kind == UP_DHCP;
			wan_sign(r, u->line,
				 arena_printf(r->a, dhcp ? "DHCP client on %s" : "default route out of %s",
					      quotable(r, f)),
				 arena_printf(r->a, dhcp ? "%s の DHCP クライアント"
							 : "%s へのデフォルトルート",
					      quotable(r, f)));
		}
	}
	if (r->wan_sign) {
		d->wan = TRI_YES;
		d->wan_line = r->wan_sign_line;
		d->wan_why = r->wan_sign;
		d->wan_why_ja = r->wan_sign_ja;
		return;
	}
	d->wan = TRI_NO;
	d->wan_line = br_line;
	const char *en = "no PPPoE or LTE interface, no member of the WAN interface list, no "
			 "public address, no source NAT that applies, and no DHCP client or default "
			 "route on an interface outside the bridges";
	const char *ja = "PPPoE・LTE のインターフェースも、WAN インターフェースリストのメンバーも、"
			 "グローバルアドレスも、働く送信元 NAT も、ブリッジ外のインターフェースの "
			 "DHCP クライアントやデフォルトルートもありません";
	d->wan_why = br ? arena_printf(r->a, "%s; the DHCP client on the bridge '%s' takes its "
					     "address from the router in front of this one",
				       en, quotable(r, br))
			: en;
	d->wan_why_ja = br ? arena_printf(r->a, "%s。ブリッジ '%s' の DHCP クライアントは、この機器の"
						"手前のルータからアドレスを受け取ります",
					  ja, quotable(r, br))
			   : ja;
	if (!d->wan_why || !d->wan_why_ja)
		input_nomem(r->in, br_line);
}

/* Matchers that do not narrow who can reach the router. */
static bool neutral_key(const char *k)
{
	static const char *const ok[] = {"action", "chain", "comment", "log", "log-prefix",
					 "in-interface", "in-interface-list", "protocol",
					 "dst-port", "connection-state", "connection-nat-state",
					 "disabled", "place-before", "reject-with", "dst-address-type",
					 NULL};
	for (size_t i = 0; ok[i]; i++)
		if (strcmp(k, ok[i]) == 0)
			return true;
	return false;
}

static bool do_filter(struct ros *r, const struct ros_cmd *c)
{
	if (strcmp(c->verb, "add") != 0)
		return true;
	if (!r->filter_line)
		r->filter_line = c->line;
	const char *chain = arg_get(c->args, c->nargs, "chain");
	const char *action = arg_get(c->args, c->nargs, "action");
	if (!chain)
		return false;
	if (strcmp(chain, "input") != 0 || eq(arg_get(c->args, c->nargs, "disabled"), "yes"))
		return true;
	struct ros_rule *u = arena_alloc(r->a, sizeof(*u));
	if (!u)
		return false;
	u->line = c->line;
	u->action = keep(r, action ? action : "accept");
	u->proto = keep(r, arg_get(c->args, c->nargs, "protocol"));
	u->ports = keep(r, arg_get(c->args, c->nargs, "dst-port"));
	u->side = side_of(r, arg_get(c->args, c->nargs, "in-interface"),
			  arg_get(c->args, c->nargs, "in-interface-list"));
	const char *cs = arg_get(c->args, c->nargs, "connection-state");
	u->only_established = cs && !strstr(cs, "new");
	const char *dat = arg_get(c->args, c->nargs, "dst-address-type");
	for (size_t i = 0; i < c->nargs; i++)
		if (!neutral_key(c->args[i].key))
			u->restricted = true;
	if (dat && strcmp(dat, "local") != 0)
		u->restricted = true;
	if (u->ports && strchr(u->ports, '!'))
		u->restricted = true;
	*r->rules_tail = u;
	r->rules_tail = &u->next;
	return true;
}

static bool do_nat(struct ros *r, const struct ros_cmd *c)
{
	if (strcmp(c->verb, "add") != 0)
		return true;
	const char *action = arg_get(c->args, c->nargs, "action");
	const char *chain = arg_get(c->args, c->nargs, "chain");
	if (!chain)
		return false;
	if (strcmp(chain, "srcnat") == 0 && !cmd_off(c) &&
	    (eq(action, "masquerade") || eq(action, "src-nat")))
		up_add(r, UP_NAT, arg_get(c->args, c->nargs, "out-interface"),
		       arg_get(c->args, c->nargs, "out-interface-list"), c->line);
	/* action=redirect sends the packet to the router itself (the
	 * netfilter REDIRECT target: "redirects the packet to the machine
	 * itself by changing the destination IP to the primary address of the
	 * incoming interface", iptables-extensions REDIRECT; RouterOS NAT,
	 * help.mikrotik.com/docs/display/ROS/NAT, action redirect). */
	bool redirect = eq(action, "redirect");
	if (!action ||
	    (strcmp(action, "dst-nat") != 0 && strcmp(action, "netmap") != 0 && !redirect) ||
	    strcmp(chain, "dstnat") != 0 || eq(arg_get(c->args, c->nargs, "disabled"), "yes"))
		return true;
	struct ros_nat *f = arena_alloc(r->a, sizeof(*f));
	if (!f)
		return false;
	f->line = c->line;
	f->redirect = redirect;
	f->iface = keep(r, arg_get(c->args, c->nargs, "in-interface"));
	f->iface_list = keep(r, arg_get(c->args, c->nargs, "in-interface-list"));
	f->proto = keep(r, arg_get(c->args, c->nargs, "protocol"));
	f->ports = keep(r, arg_get(c->args, c->nargs, "dst-port"));
	f->to = keep(r, arg_get(c->args, c->nargs, "to-addresses"));
	f->to_ports = keep(r, arg_get(c->args, c->nargs, "to-ports"));
	const char *src = arg_get(c->args, c->nargs, "src-address");
	if (!src)
		src = arg_get(c->args, c->nargs, "src-address-list");
	f->src = keep(r, src);
	f->name = keep(r, arg_get(c->args, c->nargs, "comment"));
	*r->nats_tail = f;
	r->nats_tail = &f->next;
	return true;
}

static bool do_service(struct ros *r, const struct ros_cmd *c)
{
	if (strcmp(c->verb, "set") != 0)
		return true;
	const char *t = c->target ? c->target : arg_get(c->find, c->nfind, "name");
	if (!t)
		return false;
	struct ros_svc *s = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(r->svcs); i++)
		if (eq(r->svcs[i].name, t))
			s = &r->svcs[i];
	if (!s)
		return !isdigit((unsigned char)t[0]);   /* another service: not management */
	s->line = c->line;
	const char *d = arg_get(c->args, c->nargs, "disabled");
	if (d)
		s->enabled = strcmp(d, "yes") != 0;
	const char *addr = arg_get(c->args, c->nargs, "address");
	if (addr)
		s->restricted = addr[0] && !strstr(addr, "0.0.0.0/0") && !strstr(addr, "::/0");
	const char *port = arg_get(c->args, c->nargs, "port");
	long p;
	if (port && str_to_long(port, 1, 65535, &p) == 0)
		s->port = (unsigned)p;
	return true;
}

/* ---- signs of a hijacked router (issue 14 §3) ------------------------------------------------ */

/* RouterOS values for "on": `yes` (exports), `true` (RouterOS 7 verbose
 * exports write booleans so: the l2tp-server line of a public 7.x export,
 * "set default-profile=… enabled=true"). */
static bool ros_on(const char *v)
{
	return eq(v, "yes") || eq(v, "true");
}

static struct home_sign *ros_sign(struct ros *r, const struct ros_cmd *c, enum home_sign_kind k,
				  const char *what, const char *what_ja, const char *key,
				  const char *val)
{
	const char *ev = arena_printf(r->a, "/%s %s %s=%s", c->path, c->verb, key, val);
	return device_add_sign(r->in, k, what, what_ja, c->line, ev);
}

/* The VPN servers of RouterOS (help.mikrotik.com "PPTP", "L2TP", "SSTP",
 * "OpenVPN": `/interface pptp-server server set enabled=yes`, the same
 * for l2tp-server, sstp-server and ovpn-server; RouterOS 7.17 and later
 * may hold several OpenVPN servers, `/interface ovpn-server server add`,
 * each on unless disabled=yes); WireGuard ("WireGuard":
 * `/interface wireguard add` and `/interface wireguard peers add
 * interface=…`): an interface with peers accepts them; the accounts of
 * PPP-based servers are `/ppp secret` entries (name=, password=,
 * service= any | pptp | l2tp | sstp | ovpn | pppoe …); the DDNS of
 * MikroTik's IP Cloud ("IP Cloud": `/ip cloud set ddns-enabled=yes`);
 * the router's users (`/user add name=… group=…`; "admin" is the user
 * RouterOS is shipped with, help.mikrotik.com "User"). Passwords are
 * registered as secrets by dispatch() (key_is_secret) before this runs. */
static bool do_signs(struct ros *r, const struct ros_cmd *c)
{
	static const struct {
		const char *path, *what, *what_ja;
	} servers[] = {
		{"interface pptp-server server", "PPTP server", "PPTP サーバ"},
		{"interface l2tp-server server", "L2TP server", "L2TP サーバ"},
		{"interface sstp-server server", "SSTP server", "SSTP サーバ"},
		{"interface ovpn-server server", "OpenVPN server", "OpenVPN サーバ"},
	};
	bool set = strcmp(c->verb, "set") == 0, add = strcmp(c->verb, "add") == 0;
	for (size_t i = 0; i < ARRAY_SIZE(servers); i++) {
		if (strcmp(c->path, servers[i].path) != 0)
			continue;
		const char *en = arg_get(c->args, c->nargs, "enabled");
		const char *dis = arg_get(c->args, c->nargs, "disabled");
		if (set && ros_on(en))
			ros_sign(r, c, HSIGN_VPN_SERVER, servers[i].what, servers[i].what_ja, "enabled",
				 en);
		else if (add && !ros_on(dis))
			ros_sign(r, c, HSIGN_VPN_SERVER, servers[i].what, servers[i].what_ja, "disabled",
				 dis ? dis : "no");
		return true;
	}
	if (strcmp(c->path, "interface wireguard") == 0 && add) {
		const char *nm = arg_get(c->args, c->nargs, "name");
		if (ros_on(arg_get(c->args, c->nargs, "disabled")) || !nm)
			return true;
		if (r->nwgs >= ROS_MAX_OBJS) {
			if (!r->wgs_noted)
				input_diag(r->in, DIAG_NOTE, c->line, 0,
					   "more than %d WireGuard interfaces; the rest are not read",
					   "WireGuard のインターフェースが %d 個を超えています。残りは読みません",
					   ROS_MAX_OBJS);
			r->wgs_noted = true;
			return true;
		}
		const char *what = arena_printf(r->a, "WireGuard interface %s", quotable(r, nm));
		const char *what_ja = arena_printf(r->a, "WireGuard インターフェース %s",
						   quotable(r, nm));
		struct home_sign *g = what && what_ja
				      ? device_add_sign(r->in, HSIGN_VPN_SERVER, what, what_ja, c->line,
							arena_printf(r->a, "/interface wireguard add name=%s",
								     quotable(r, nm)))
				      : NULL;
		if (g) {
			g->ref = keep(r, nm);
			g->needs_accounts = true;
			r->wgs[r->nwgs++] = g;
		}
		return true;
	}
	if (strcmp(c->path, "interface wireguard peers") == 0 && add) {
		const char *iface = arg_get(c->args, c->nargs, "interface");
		if (ros_on(arg_get(c->args, c->nargs, "disabled")) || !iface)
			return true;
		for (size_t i = 0; i < r->nwgs; i++)
			if (eq(r->wgs[i]->ref, iface)) {
				home_sign_account(r->in, r->wgs[i], NULL);
				break;
			}
		return true;
	}
	if (strcmp(c->path, "ppp secret") == 0 && add) {
		const char *nm = arg_get(c->args, c->nargs, "name");
		const char *svc = arg_get(c->args, c->nargs, "service");
		/* PPPoE accounts are for a PPPoE server on the LAN side, not
		 * a way in from the internet. */
		if (!nm || ros_on(arg_get(c->args, c->nargs, "disabled")) || eq(svc, "pppoe"))
			return true;
		if (!r->ppp_secrets)
			r->ppp_secrets = device_add_sign(r->in, HSIGN_VPN_ACCOUNTS, "PPP secrets",
							 "PPP のシークレット", c->line, "/ppp secret add");
		if (r->ppp_secrets)
			home_sign_account(r->in, r->ppp_secrets, keep(r, nm));
		return true;
	}
	if (strcmp(c->path, "ip cloud") == 0 && set) {
		const char *d = arg_get(c->args, c->nargs, "ddns-enabled");
		if (ros_on(d))
			ros_sign(r, c, HSIGN_DDNS, "MikroTik IP Cloud", NULL, "ddns-enabled", d);
		return true;
	}
	if (strcmp(c->path, "user") == 0 && add) {
		const char *nm = arg_get(c->args, c->nargs, "name");
		if (nm && !eq(nm, "admin") && !ros_on(arg_get(c->args, c->nargs, "disabled"))) {
			const char *k = keep(r, nm);
			/* The evidence leaves the name out: a name equal to a
			 * password is a secret (home_sign_name). */
			const char *grp = arg_get(c->args, c->nargs, "group");
			if (k)
				device_add_sign(r->in, HSIGN_ADMIN_ACCOUNT, k, NULL, c->line,
						arena_printf(r->a, "/user add group=%s",
							     grp ? quotable(r, grp) : "(default)"));
		}
		return true;
	}
	return false;
}

/* ---- dispatch ----------------------------------------------------------------------------- */

static bool dispatch(struct ros *r, const struct ros_cmd *c)
{
	/* Secrets first, whatever the menu. */
	for (size_t i = 0; i < c->nargs; i++)
		if (c->args[i].vlen && key_is_secret(c->args[i].key) &&
		    !(strcmp(c->path, "system ntp server") == 0 && eq(c->args[i].val, "none"))) {
			secret_copy(r, &c->args[i]);
			r->saw_secret = true;
		}
	const char *p = c->path;
	bool set = strcmp(c->verb, "set") == 0, add = strcmp(c->verb, "add") == 0;
	if (strcmp(p, "interface wireless security-profiles") == 0)
		return do_profile(r, c);
	if (strcmp(p, "interface wireless") == 0)
		return do_wlan(r, c);
	if (strcmp(p, "interface wireless cap") == 0) {
		if (set && eq(arg_get(c->args, c->nargs, "enabled"), "yes")) {
			r->capsman_on = true;
			r->capsman_ifaces = keep(r, arg_get(c->args, c->nargs, "interfaces"));
			r->capsman_line = c->line;
		}
		return true;
	}
	if (strcmp(p, "interface wifi") == 0 || strcmp(p, "interface wifiwave2") == 0)
		return do_wifi(r, c, 0);
	if (strcmp(p, "interface wifi configuration") == 0 ||
	    strcmp(p, "interface wifiwave2 configuration") == 0)
		return do_wifi(r, c, 1);
	if (strcmp(p, "interface wifi security") == 0 ||
	    strcmp(p, "interface wifiwave2 security") == 0)
		return do_wifi(r, c, 2);
	if (strcmp(p, "ip firewall filter") == 0)
		return do_filter(r, c);
	if (strcmp(p, "ip firewall nat") == 0)
		return do_nat(r, c);
	if (strcmp(p, "ip service") == 0)
		return do_service(r, c);
	if (strcmp(p, "ip address") == 0 && add) {
		/* address=192.168.88.1/24: the router's own address (issue 14 §2). */
		const char *a = arg_get(c->args, c->nargs, "address");
		if (a && *a) {
			const char **nn = input_grow(r->in, r->self, &r->capself, r->nself, sizeof(*nn));
			const char *k = nn ? arena_strndup(r->a, a, strcspn(a, "/")) : NULL;
			if (!k)
				return false;
			r->self = nn;
			r->self[r->nself++] = k;
		}
		/* A public address on an interface is a sign of a WAN (issue
		 * 14 §1). */
		if (a && *a && !cmd_off(c) && addr_public(r, a))
			wan_sign(r, c->line, arena_printf(r->a, "the public address %s", quotable(r, a)),
				 arena_printf(r->a, "グローバルアドレス %s", quotable(r, a)));
		return true;
	}
	if (do_signs(r, c))
		return true;
	if (strcmp(p, "ip upnp") == 0 && set) {
		const char *e = arg_get(c->args, c->nargs, "enabled");
		if (e) {
			r->upnp = strcmp(e, "yes") == 0 ? TRI_YES : TRI_NO;
			r->upnp_line = c->line;
		}
		return true;
	}
	if (strcmp(p, "system identity") == 0 && set) {
		const char *nm = arg_get(c->args, c->nargs, "name");
		if (nm)
			sval_set(r, &r->identity, nm, c->line);
		return true;
	}
	if ((strcmp(p, "interface bridge") == 0 || strcmp(p, "interface bridge port") == 0) &&
	    add) {
		bool port = strcmp(p, "interface bridge port") == 0;
		if (port && cmd_off(c))
			return true;
		/* Kept up to a limit, so that the look-ups of wan_state() stay
		 * linear in what hostile input can add. */
		if (r->nbridge_cmds++ >= ROS_MAX_OBJS) {
			if (r->nbridge_cmds == ROS_MAX_OBJS + 1)
				input_fail(r->in,
					   "line %u: more than %d bridges and bridge ports (edgelint's "
					   "limit): the ones after it are not read",
					   "%u 行目: ブリッジとブリッジのポートが %d 個を超えています"
					   "（edgelint の上限）。これ以降は読み込んでいません",
					   c->line, ROS_MAX_OBJS);
			return true;
		}
		if (port)
			names_add(r, &r->bports, &r->nbports, &r->capbports,
				  arg_get(c->args, c->nargs, "interface"));
		else
			names_add(r, &r->bridges, &r->nbridges, &r->capbridges,
				  arg_get(c->args, c->nargs, "name"));
		return true;
	}
	if (strcmp(p, "interface lte") == 0 && (add || set) && !cmd_off(c)) {
		wan_sign(r, c->line, "an LTE interface", "LTE のインターフェース");
		return true;
	}
	if (strcmp(p, "ip route") == 0 && add) {
		route_cmd(r, c);
		return true;
	}
	if (strcmp(p, "ipv6 dhcp-client") == 0 && add && !cmd_off(c)) {
		up_add(r, UP_DHCP, arg_get(c->args, c->nargs, "interface"), NULL, c->line);
		return true;
	}
	if (strcmp(p, "interface list member") == 0 && add) {
		const char *l = arg_get(c->args, c->nargs, "list");
		const char *f = arg_get(c->args, c->nargs, "interface");
		if (eq(l, "WAN") && f && r->wan_members++ == 0)
			wan_sign(r, c->line,
				 arena_printf(r->a, "%s is in the WAN interface list", quotable(r, f)),
				 arena_printf(r->a, "%s が WAN インターフェースリストにあります",
					      quotable(r, f)));
		if (eq(l, "WAN"))
			wan_add(r, f, false);
		else if (eq(l, "LAN"))
			wan_add(r, f, true);
		return true;
	}
	if ((strcmp(p, "ip dhcp-client") == 0 && add) ||
	    (strcmp(p, "interface pppoe-client") == 0 && add)) {
		bool dhcp = strcmp(p, "ip dhcp-client") == 0;
		const char *f = arg_get(c->args, c->nargs, dhcp ? "interface" : "name");
		wan_add(r, f, false);
		if (dhcp && !cmd_off(c))
			up_add(r, UP_DHCP, f, NULL, c->line);
		else if (!cmd_off(c))
			wan_sign(r, c->line,
				 arena_printf(r->a, "the PPPoE client %s", f ? quotable(r, f) : "?"),
				 arena_printf(r->a, "PPPoE クライアント %s", f ? quotable(r, f) : "?"));
		return true;
	}
	return true;
}

/* ---- security mapping ------------------------------------------------------------------------ */

enum {
	AT_WPA_PSK = 1, AT_WPA2_PSK = 2, AT_WPA3_PSK = 4, AT_WPA_EAP = 8, AT_WPA2_EAP = 16,
	AT_WPA3_EAP = 32, AT_OWE = 64, AT_UNKNOWN = 128,
};

static unsigned auth_flags(const char *s)
{
	static const struct {
		const char *t;
		unsigned f;
	} map[] = {{"wpa-psk", AT_WPA_PSK}, {"wpa2-psk", AT_WPA2_PSK}, {"wpa3-psk", AT_WPA3_PSK},
		   {"wpa-eap", AT_WPA_EAP}, {"wpa2-eap", AT_WPA2_EAP}, {"wpa3-eap", AT_WPA3_EAP},
		   {"wpa3-eap-192", AT_WPA3_EAP}, {"owe", AT_OWE}};
	unsigned f = 0;
	const char *p = s;
	while (p && *p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		bool known = n == 0;
		for (size_t i = 0; i < ARRAY_SIZE(map) && !known; i++)
			if (strlen(map[i].t) == n && memcmp(map[i].t, p, n) == 0) {
				f |= map[i].f;
				known = true;
			}
		if (!known)
			f |= AT_UNKNOWN;
		p = e ? e + 1 : NULL;
	}
	return f;
}

/* The security mode of a set of authentication types (0: none). A
 * network offering both a passphrase and 802.1X is judged by its
 * passphrase, the weaker way in. */
static enum wifi_sec sec_of_auth(unsigned f)
{
	if (f & AT_UNKNOWN)
		return WSEC_UNKNOWN;
	bool w1 = f & (AT_WPA_PSK | AT_WPA_EAP);
	bool w23 = f & (AT_WPA2_PSK | AT_WPA3_PSK | AT_WPA2_EAP | AT_WPA3_EAP);
	if (f & AT_OWE)
		return f == AT_OWE ? WSEC_OWE : WSEC_UNKNOWN;
	if (w1)
		return w23 ? WSEC_WPA_WPA2 : WSEC_WPA;
	if (f & (AT_WPA2_PSK | AT_WPA3_PSK)) {
		if ((f & AT_WPA2_PSK) && (f & AT_WPA3_PSK))
			return WSEC_WPA2_WPA3;
		return (f & AT_WPA3_PSK) ? WSEC_WPA3 : WSEC_WPA2;
	}
	if (f & AT_WPA2_EAP)
		return WSEC_WPA2_ENT;
	if (f & AT_WPA3_EAP)
		return WSEC_WPA3_ENT;
	return WSEC_OPEN;
}

/* Cipher of a list of cipher names; *unknown set on a name not known. */
static unsigned cipher_bits(const char *s, bool *unknown)
{
	unsigned b = 0;   /* 1 aes, 2 tkip */
	const char *p = s;
	while (p && *p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if ((n == 4 && memcmp(p, "tkip", 4) == 0))
			b |= 2;
		else if ((n == 7 && memcmp(p, "aes-ccm", 7) == 0) || (n >= 4 && memcmp(p, "ccmp", 4) == 0) ||
			 (n >= 4 && memcmp(p, "gcmp", 4) == 0))
			b |= 1;
		else if (n)
			*unknown = true;
		p = e ? e + 1 : NULL;
	}
	return b;
}

static enum wifi_cipher cipher_of(unsigned b)
{
	return b == 3 ? WCIPH_TKIP_AES : b == 2 ? WCIPH_TKIP : b == 1 ? WCIPH_AES : WCIPH_UNSET;
}

static struct wifi_net *net_new(struct ros *r, unsigned line)
{
	struct wifi_net *w = arena_alloc(r->a, sizeof(*w));
	if (!w) {
		input_fail(r->in, "out of memory", "メモリが足りません");
		return NULL;
	}
	w->line = line;
	*r->in->dev.wifi_tail = w;
	r->in->dev.wifi_tail = &w->next;
	r->in->dev.nwifi++;
	return w;
}

static void note_missing_key(struct ros *r, unsigned line, const char *where)
{
	if (r->noted_missing_key)
		return;
	r->noted_missing_key = true;
	input_diag(r->in, DIAG_NOTE, line, 0,
		   "%s uses a pre-shared key but the export has no key (RouterOS 7 leaves keys out "
		   "unless you run '/export show-sensitive'); the passphrase cannot be judged",
		   "%s は事前共有鍵を使いますが、エクスポートに鍵がありません（RouterOS 7 は "
		   "'/export show-sensitive' としない限り鍵を出力しません）。パスフレーズは判定できません",
		   where);
}

/* Is a legacy mode an access point? Unknown modes count as one, with a
 * note, so that an unreadable network is judged rather than skipped. */
static bool legacy_is_ap(struct ros *r, const struct sval *mode, bool virt)
{
	const char *m = mode->s ? mode->s : virt ? "ap-bridge" : "station";
	if (strcmp(m, "ap-bridge") == 0 || strcmp(m, "bridge") == 0 || strcmp(m, "wds-slave") == 0)
		return true;
	if (strncmp(m, "station", 7) == 0 || strcmp(m, "alignment-only") == 0 ||
	    strcmp(m, "nstreme-dual-slave") == 0)
		return false;
	input_diag(r->in, DIAG_NOTE, mode->line, 0,
		   "wireless mode '%s' is not known; the interface is judged as an access point",
		   "無線モード '%s' を知らないため、アクセスポイントとして判定します",
		   quotable(r, m));
	return true;
}

static bool in_list(const char *list, const char *name)
{
	if (!list || !name)
		return false;
	size_t n = strlen(name);
	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ',');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && memcmp(p, name, n) == 0)
			return true;
		p = e ? e + 1 : NULL;
	}
	return false;
}

static void legacy_nets(struct ros *r)
{
	for (struct ros_wlan *x = r->wlans; x; x = x->next) {
		struct wifi_net *w = net_new(r, x->line);
		if (!w)
			return;
		bool virt = x->added || x->master.s;
		const struct ros_wlan *m = NULL;
		if (virt)
			m = x->master.s ? wlan_by_name(r, x->master.s) : NULL;
		w->enabled = x->disabled == TRI_NO && (!virt || (m && m->disabled == TRI_NO));
		w->is_ap = legacy_is_ap(r, &x->mode, virt);
		if (x->ssid.s)
			w->ssid = x->ssid;
		else if (r->identity.s)
			w->ssid = r->identity;
		else
			w->ssid.s = "MikroTik";   /* RouterOS's default identity */
		w->band = x->band.s ? x->band : (m ? m->band : x->band);
		if (r->capsman_on && (!r->capsman_ifaces || in_list(r->capsman_ifaces, x->name))) {
			w->sec = WSEC_UNKNOWN;
			w->sec_label.s = "managed by CAPsMAN: the controller's settings apply";
			w->sec_label.line = r->capsman_line;
			continue;
		}
		const char *pname = x->profile.s ? x->profile.s : "default";
		struct ros_prof *p = x->profile.s ? prof_by_name(r, pname) : NULL;
		if (!p && (!x->profile.s || strcmp(pname, "default") == 0))
			p = prof_default(r);
		if (!p) {
			w->sec = WSEC_UNKNOWN;
			w->sec_label.s = arena_printf(r->a, "security-profile=%s (not in the export)",
						      quotable(r, pname));
			w->sec_label.line = x->profile.line;
			input_diag(r->in, DIAG_NOTE, x->profile.line, 0,
				   "security profile '%s' is not defined in the export",
				   "セキュリティプロファイル '%s' がエクスポートにありません",
				   quotable(r, pname));
			continue;
		}
		const char *mode = p->mode.s ? p->mode.s : "none";
		unsigned lline = p->mode.line ? p->mode.line : p->line ? p->line : x->line;
		const char *pn = p->name ? quotable(r, p->name) : "?";
		if (strcmp(mode, "none") == 0) {
			w->sec = WSEC_OPEN;
			w->sec_label.s = arena_printf(r->a, "security-profile %s: mode=none%s", pn,
						      p->mode.s ? "" : " (RouterOS default)");
		} else if (strncmp(mode, "static-keys-", 12) == 0) {
			w->sec = WSEC_WEP;
			w->sec_label.s = arena_printf(r->a, "security-profile %s: mode=%s (WEP)", pn,
						      quotable(r, mode));
		} else if (strcmp(mode, "dynamic-keys") == 0) {
			unsigned f = p->auth.s ? auth_flags(p->auth.s) : 0;
			if (f & (AT_WPA3_PSK | AT_WPA3_EAP | AT_OWE))
				f |= AT_UNKNOWN;   /* not in the legacy package */
			w->sec = f ? sec_of_auth(f) : WSEC_UNKNOWN;
			if (p->auth.line)
				lline = p->auth.line;
			w->sec_label.s = arena_printf(r->a,
						      "security-profile %s: mode=dynamic-keys "
						      "authentication-types=%s",
						      pn, p->auth.s ? quotable(r, p->auth.s) : "(none)");
			if (w->sec == WSEC_UNKNOWN)
				input_diag(r->in, DIAG_NOTE, lline, 0,
					   "security profile %s: authentication-types '%s' is not understood",
					   "セキュリティプロファイル %s: authentication-types '%s' を解釈できません",
					   pn, p->auth.s ? quotable(r, p->auth.s) : "");
			bool unk = false;
			unsigned b = cipher_bits(p->ucipher.s ? p->ucipher.s : "aes-ccm", &unk) |
				     cipher_bits(p->gcipher.s ? p->gcipher.s : "aes-ccm", &unk);
			w->cipher = cipher_of(b);
			w->cipher_line = p->ucipher.line ? p->ucipher.line : p->gcipher.line;
			int k = (f & AT_WPA2_PSK) ? 1 : (f & AT_WPA_PSK) ? 0 : -1;
			if (k >= 0 && p->psk[k]) {
				w->pass = p->psk[k];
				w->pass_len = p->psk_len[k];
				w->pass_line = p->psk_line[k];
			} else if (k >= 0 && w->enabled && w->is_ap) {
				note_missing_key(r, lline, arena_printf(r->a, "security profile %s", pn));
			}
		} else {
			w->sec = WSEC_UNKNOWN;
			w->sec_label.s = arena_printf(r->a, "security-profile %s: mode=%s", pn,
						      quotable(r, mode));
			input_diag(r->in, DIAG_NOTE, lline, 0,
				   "security profile %s: mode '%s' is not known",
				   "セキュリティプロファイル %s: モード '%s' を知りません", pn,
				   quotable(r, mode));
		}
		w->sec_label.line = lline;
	}
}

/* The value of field f for interface o, and where it came from. */
static const struct sval *wifi_value(struct ros *r, const struct ros_wobj *o, int f,
				     const char **from, size_t *plen)
{
	const struct ros_wobj *isec = o->sec_ref ? wobj_find(r->wsecs, o->sec_ref, false) : NULL;
	const struct ros_wobj *cfg = o->cfg_ref ? wobj_find(r->wcfgs, o->cfg_ref, false) : NULL;
	const struct ros_wobj *csec = cfg && cfg->sec_ref ? wobj_find(r->wsecs, cfg->sec_ref, false)
							  : NULL;
	const struct ros_wobj *chain[4] = {o, isec, cfg, csec};
	static const char *const names[4] = {"interface", "security profile",
					     "configuration", "security profile"};
	for (int i = 0; i < 4; i++) {
		if (chain[i] && chain[i]->f.v[f].s) {
			if (from)
				*from = names[i];
			if (plen)
				*plen = chain[i]->f.pass_len;
			return &chain[i]->f.v[f];
		}
	}
	return NULL;
}


/* PMF of a "wifi" interface: security.management-protection (disabled,
 * allowed, required; MikroTik "WiFi" manual, security properties, and
 * mikrotikdocs.fyi "Security Profiles": "management-protection: Frame
 * protection: disabled, allowed, required"). RouterOS's default for it
 * depends on the authentication types and is not read here: not said
 * stays unset. */
static void wifi_pmf(struct ros *r, const struct ros_wobj *o, struct wifi_net *w)
{
	const struct sval *v = wifi_value(r, o, WF_MFP, NULL, NULL);
	if (!v || !v->s)
		return;
	if (strcmp(v->s, "disabled") == 0)
		w->pmf = WPMF_OFF;
	else if (strcmp(v->s, "allowed") == 0)
		w->pmf = WPMF_OPTIONAL;
	else if (strcmp(v->s, "required") == 0)
		w->pmf = WPMF_REQUIRED;
	else
		input_diag(r->in, DIAG_NOTE, v->line, 0,
			   "management-protection '%s' is not known (disabled, allowed, required)",
			   "management-protection '%s' を知りません（disabled、allowed、required のいずれか）",
			   quotable(r, v->s));
	if (w->pmf != WPMF_UNSET)
		w->pmf_line = v->line;
}

static void wifi_nets(struct ros *r)
{
	for (struct ros_wobj *o = r->wifis; o; o = o->next) {
		struct wifi_net *w = net_new(r, o->line);
		if (!w)
			return;
		bool virt = o->added || o->master;
		const struct ros_wobj *m = o->master ? wobj_find(r->wifis, o->master, false) : NULL;
		bool self_on = virt ? o->disabled != TRI_YES : o->disabled == TRI_NO;
		bool master_on = m && (m->added || m->master ? m->disabled != TRI_YES
							     : m->disabled == TRI_NO);
		w->enabled = self_on && (!virt || master_on);
		if (o->sec_ref && !wobj_find(r->wsecs, o->sec_ref, false))
			input_diag(r->in, DIAG_NOTE, o->line, 0,
				   "security profile '%s' is not defined in the export",
				   "セキュリティプロファイル '%s' がエクスポートにありません",
				   quotable(r, o->sec_ref));
		if (o->cfg_ref && !wobj_find(r->wcfgs, o->cfg_ref, false))
			input_diag(r->in, DIAG_NOTE, o->line, 0,
				   "configuration profile '%s' is not defined in the export",
				   "構成プロファイル '%s' がエクスポートにありません",
				   quotable(r, o->cfg_ref));
		const struct sval *v = wifi_value(r, o, WF_SSID, NULL, NULL);
		if (v)
			w->ssid = *v;
		v = wifi_value(r, o, WF_BAND, NULL, NULL);
		if (v)
			w->band = *v;
		v = wifi_value(r, o, WF_MODE, NULL, NULL);
		const char *mode = v ? v->s : "ap";
		if (strcmp(mode, "ap") == 0) {
			w->is_ap = true;
		} else if (strncmp(mode, "station", 7) == 0) {
			w->is_ap = false;
		} else {
			w->is_ap = true;
			input_diag(r->in, DIAG_NOTE, v ? v->line : o->line, 0,
				   "wifi mode '%s' is not known; the interface is judged as an access point",
				   "wifi のモード '%s' を知らないため、アクセスポイントとして判定します",
				   quotable(r, mode));
		}
		const char *from = NULL;
		size_t plen = 0;
		const struct sval *pass = wifi_value(r, o, WF_PASS, NULL, &plen);
		const struct sval *auth = wifi_value(r, o, WF_AUTH, &from, NULL);
		unsigned f;
		if (auth && auth->s[0]) {
			f = auth_flags(auth->s);
			w->sec_label.s = arena_printf(r->a, "authentication-types=%s (%s)",
						      quotable(r, auth->s), from);
			w->sec_label.line = auth->line;
		} else if (auth) {
			/* authentication-types="": no authentication, said outright. */
			f = 0;
			w->sec_label.s = arena_printf(r->a, "authentication-types=\"\" (%s): open", from);
			w->sec_label.line = auth->line;
		} else if (pass && plen) {
			f = AT_WPA2_PSK;
			w->sec_label.s = "authentication-types not set, passphrase set: wpa2-psk (RouterOS default)";
			w->sec_label_ja = "authentication-types の指定なし、パスフレーズあり: wpa2-psk（RouterOS の初期値）";
			w->sec_label.line = pass->line;
		} else if (r->saw_secret) {
			/* The export holds sensitive values (show-sensitive): no
			 * passphrase means none was set, and the default list is
			 * empty, an open network. */
			f = 0;
			w->sec_label.s = "authentication-types not set, no passphrase: open (RouterOS default)";
			w->sec_label_ja = "authentication-types の指定なし、パスフレーズなし: オープン（RouterOS の初期値）";
			w->sec_label.line = o->line;
		} else {
			/* Open, or wpa2-psk with a passphrase the export left out
			 * (issue 14 §1): not known, never guessed. */
			w->sec = WSEC_UNSET;
			w->sec_label.line = o->line;
			if (w->enabled && w->is_ap)
				input_diag(r->in, DIAG_NOTE, o->line, 0,
					   "wifi interface %s has no authentication-types and the export has "
					   "no passphrase: it is an open network, or a wpa2-psk one whose "
					   "passphrase RouterOS 7 left out (it exports keys only with "
					   "'/export show-sensitive'); its security mode is not known",
					   "wifi インターフェース %s には authentication-types の指定がなく、"
					   "エクスポートにパスフレーズもありません。オープンなネットワークか、"
					   "パスフレーズが出力されていない wpa2-psk のネットワークです（RouterOS 7 "
					   "は '/export show-sensitive' としない限り鍵を出力しません）。"
					   "セキュリティ方式は不明です",
					   o->name ? quotable(r, o->name) : "?");
			continue;
		}
		w->sec = sec_of_auth(f);
		if (w->sec == WSEC_UNKNOWN)
			input_diag(r->in, DIAG_NOTE, w->sec_label.line, 0,
				   "authentication-types '%s' is not understood",
				   "authentication-types '%s' を解釈できません",
				   auth ? quotable(r, auth->s) : "");
		if (w->sec != WSEC_OPEN && w->sec != WSEC_OWE && w->sec != WSEC_UNKNOWN) {
			bool unk = false;
			const struct sval *enc = wifi_value(r, o, WF_ENC, NULL, NULL);
			const struct sval *genc = wifi_value(r, o, WF_GENC, NULL, NULL);
			unsigned b = cipher_bits(enc ? enc->s : "ccmp", &unk) |
				     cipher_bits(genc ? genc->s : "ccmp", &unk);
			w->cipher = cipher_of(b);
			w->cipher_line = enc ? enc->line : genc ? genc->line : 0;
		}
		wifi_pmf(r, o, w);
		if (f & (AT_WPA_PSK | AT_WPA2_PSK | AT_WPA3_PSK)) {
			if (pass && plen) {
				w->pass = pass->s;
				w->pass_len = plen;
				w->pass_line = pass->line;
			} else if (w->enabled && w->is_ap) {
				note_missing_key(r, w->sec_label.line,
						 arena_printf(r->a, "wifi interface %s",
							      o->name ? quotable(r, o->name) : "?"));
			}
		}
	}
}

/* WPS (see the top comment): on, push-button only, when an enabled access
 * point has push-button (the "wifi" package's default); off when every
 * enabled access point says disabled; else unknown. RouterOS has no PIN
 * method, so the PIN is off whatever WPS is. */
static void wps_state(struct ros *r)
{
	struct device *d = &r->in->dev;
	unsigned line = 0;
	bool any = false, all_off = true;
	const struct wifi_net *w = d->wifi;
	for (struct ros_wlan *x = r->wlans; x && w; x = x->next, w = w->next) {
		if (!w->enabled || !w->is_ap)
			continue;
		any = true;
		if (eq(x->wps.s, "disabled")) {
			line = line ? line : x->wps.line;
			continue;
		}
		all_off = false;
		if (eq(x->wps.s, "push-button") || eq(x->wps.s, "push-button-virtual-only"))
			device_wps_on(d, x->wps.line, TRI_NO, TRI_YES);
	}
	for (struct ros_wobj *o = r->wifis; o && w; o = o->next, w = w->next) {
		if (!w->enabled || !w->is_ap)
			continue;
		any = true;
		const struct sval *v = wifi_value(r, o, WF_WPS, NULL, NULL);
		if (v && (strcmp(v->s, "disable") == 0 || strcmp(v->s, "disabled") == 0)) {
			line = line ? line : v->line;
			continue;
		}
		all_off = false;
		if (!v || strcmp(v->s, "push-button") == 0)
			device_wps_on(d, v ? v->line : o->line, TRI_NO, TRI_YES);
	}
	if (any && all_off) {
		d->wps = TRI_NO;
		d->wps_line = line;
	}
	d->wps_pin = TRI_NO;
}

/* One item of a port list ("80", "8000-8080"; help.mikrotik.com "Filter -
 * RouterOS - MikroTik Documentation", pageId=48660574, property dst-port:
 * a list of port numbers or port ranges, 0..65535; NAT takes the same), read
 * whole: 0, or -1 when it is not a port or a range of ports. */
static int ros_port_item(const char *s, size_t n, unsigned long *lo, unsigned long *hi)
{
	struct cursor c;
	cur_init(&c, s, n);
	if (cur_uint(&c, 65535, lo))
		return -1;
	*hi = *lo;
	if (cur_char(&c, '-') == 0 && cur_uint(&c, 65535, hi))
		return -1;
	return cur_eof(&c) && *hi >= *lo ? 0 : -1;
}

/* Does a dst-port list cover port? An item that is not a port does not. */
static bool ports_cover(const char *list, unsigned port)
{
	for (const char *p = list; p && *p;) {
		size_t n = strcspn(p, ",");
		unsigned long lo, hi;
		if (ros_port_item(p, n, &lo, &hi) == 0 && port >= lo && port <= hi)
			return true;
		p = p[n] ? p + n + 1 : NULL;
	}
	return false;
}

/* A port or range of a NAT rule that is not one: noted at its line, and
 * the rule taken as forwarding every port (never dropped). */
static void ros_bad_port(struct ros *r, unsigned line, const char *what, const char *v, size_t n)
{
	input_diag(r->in, DIAG_NOTE, line, 1,
		   "%s '%s' is not a port or a range of ports: taken as every port",
		   "%s '%s' はポート番号でも範囲でもありません。すべてのポートとして扱います",
		   what, utf8_sanitize(r->a, v, n < 40 ? n : 40));
}

/* An input rule that applies to new connections from the internet side. */
static bool from_internet(const struct ros_rule *u)
{
	return (u->side == SIDE_ANY || u->side == SIDE_WAN) && !u->restricted && !u->only_established;
}

/* An accept rule for tcp (or every protocol). */
static bool accepts_tcp(const struct ros_rule *u)
{
	return strcmp(u->action, "accept") == 0 &&
	       (!u->proto || strcmp(u->proto, "tcp") == 0 || strcmp(u->proto, "6") == 0);
}

/* A drop, reject or tarpit of everything (no protocol, no port). */
static bool drops_all(const struct ros_rule *u)
{
	return (strcmp(u->action, "drop") == 0 || strcmp(u->action, "reject") == 0 ||
		strcmp(u->action, "tarpit") == 0) &&
	       !u->proto && !u->ports;
}

static void remote_admin(struct ros *r)
{
	struct device *d = &r->in->dev;
	const struct ros_svc *open[8];
	size_t nopen = 0;
	unsigned svc_line = 0;
	for (size_t i = 0; i < ARRAY_SIZE(r->svcs); i++) {
		const struct ros_svc *s = &r->svcs[i];
		if (s->line > svc_line)
			svc_line = s->line;
		if (s->enabled && !s->restricted)
			open[nopen++] = s;
	}
	if (nopen == 0) {
		d->remote_admin = TRI_NO;
		d->remote_admin_line = svc_line;
		return;
	}
	for (const struct ros_rule *u = r->rules; u; u = u->next) {
		if (!from_internet(u))
			continue;
		if (accepts_tcp(u)) {
			for (size_t i = 0; i < nopen; i++) {
				if (u->ports && !ports_cover(u->ports, open[i]->port))
					continue;
				d->remote_admin = TRI_YES;
				d->remote_admin_line = u->line;
				d->remote_admin_why = arena_printf(
					r->a, "the input rule at line %u accepts tcp %u (%s) from %s", u->line,
					open[i]->port, open[i]->name,
					u->side == SIDE_WAN ? "the WAN side" : "any interface");
				d->remote_admin_why_ja = arena_printf(
					r->a, "%u 行目の input ルールが%sからの tcp %u（%s）を許可", u->line,
					u->side == SIDE_WAN ? " WAN 側" : "すべてのインターフェース",
					open[i]->port, open[i]->name);
				return;
			}
		} else if (drops_all(u)) {
			d->remote_admin = TRI_NO;
			d->remote_admin_line = u->line;
			return;
		}
	}
	/* No drop: every open service is reachable. The finding points at the
	 * first /ip firewall filter command, or at the file as a whole. */
	char list[200] = "";
	bool all_default = true;
	for (size_t i = 0; i < nopen; i++) {
		size_t l = strlen(list);
		snprintf(list + l, sizeof(list) - l, "%s%s %u", i ? ", " : "", open[i]->name,
			 open[i]->port);
		all_default = all_default && !open[i]->line;
	}
	d->remote_admin = TRI_YES;
	d->remote_admin_line = r->filter_line;
	d->remote_admin_why = arena_printf(
		r->a, "no input-chain rule drops what comes from the internet side, and %s %s enabled for any address%s",
		list, nopen > 1 ? "are" : "is", all_default ? " (RouterOS defaults)" : "");
	d->remote_admin_why_ja = arena_printf(
		r->a, "インターネット側からの通信を落とす input チェーンのルールがなく、%s がすべての"
		      "アドレスに対して有効%s",
		list, all_default ? "（RouterOS の初期設定）" : "");
}

/* Whether a new tcp connection from the internet side to the router's
 * port passes the input chain, read as remote_admin() reads it: the
 * first accept covering the port lets it in, an unconditional drop
 * stops it, no such rule lets it in. A forward to the router itself is
 * judged by the input chain (the packet is for the router). */
static bool input_lets(const struct ros *r, unsigned port)
{
	for (const struct ros_rule *u = r->rules; u; u = u->next) {
		if (!from_internet(u))
			continue;
		if (accepts_tcp(u) && (!u->ports || ports_cover(u->ports, port)))
			return true;
		if (drops_all(u))
			return false;
	}
	return true;
}

/* A forward to the router itself (action=redirect, or to-addresses one of
 * its /ip address entries) reaching an enabled /ip service open to any
 * source through the input chain: remote administration (issue 14 §2). */
static void forward_to_router(const struct ros *r, const struct ros_nat *n,
			      struct home_forward *f)
{
	bool self = n->redirect;
	for (size_t i = 0; !self && f->to && i < r->nself; i++)
		self = strcmp(f->to, r->self[i]) == 0;
	if (!self)
		return;
	f->to_router = true;
	if (n->redirect)
		f->to = NULL;
	if (strcmp(f->proto, "udp") == 0 || strcmp(f->proto, "17") == 0)
		return;   /* the services are tcp */
	unsigned lo = f->to_port ? f->to_port : f->port_lo, hi = f->to_port ? f->to_port : f->port_hi;
	for (size_t i = 0; i < ARRAY_SIZE(r->svcs); i++) {
		const struct ros_svc *s = &r->svcs[i];
		if (!s->enabled || s->restricted || !((lo == 0 && hi == 0) || (s->port >= lo && s->port <= hi)))
			continue;
		if (input_lets(r, s->port)) {
			f->admin_svc = s->name;
			return;
		}
	}
}

static void forwards(struct ros *r)
{
	struct device *d = &r->in->dev;
	for (const struct ros_nat *n = r->nats; n; n = n->next) {
		enum ros_side side = side_of(r, n->iface, n->iface_list);
		if (side == SIDE_LAN)
			continue;
		const char *proto = n->proto ? n->proto : "any";
		const char *p = n->ports;
		unsigned count = 0;
		do {
			unsigned long lo = 0, hi = 0;
			if (count == ROS_MAX_FWD_PORTS) {
				input_fail(r->in,
					   "line %u: more than %d dst-port items in one rule (edgelint's "
					   "limit): the ones after it are not read",
					   "%u 行目: 1 つのルールの dst-port が %d 個を超えています"
					   "（edgelint の上限）。これ以降は読み込んでいません",
					   n->line, ROS_MAX_FWD_PORTS);
				return;
			}
			if (p && *p) {
				size_t pn = strcspn(p, ",");
				if (ros_port_item(p, pn, &lo, &hi)) {
					ros_bad_port(r, n->line, "dst-port", p, pn);
					lo = hi = 0;
				}
				p = p[pn] ? p + pn + 1 : NULL;
			} else {
				p = NULL;
			}
			if (d->nhfwds >= ROS_MAX_FWDS) {
				input_fail(r->in,
					   "line %u: more than %d port forwards (edgelint's limit): the "
					   "ones after it are not read",
					   "%u 行目: ポート転送が %d 個を超えています（edgelint の上限）。"
					   "これ以降は読み込んでいません",
					   n->line, ROS_MAX_FWDS);
				return;
			}
			struct home_forward *f = arena_alloc(r->a, sizeof(*f));
			if (!f) {
				input_nomem(r->in, n->line);
				return;
			}
			f->name = n->name;
			f->proto = proto;
			f->port_lo = (unsigned)lo;
			f->port_hi = (unsigned)hi;
			if (n->to) {
				const char *c = strchr(n->to, ',');
				f->to = c ? arena_strndup(r->a, n->to, (size_t)(c - n->to)) : n->to;
			}
			unsigned long tlo, thi;
			if (n->to_ports && ros_port_item(n->to_ports, strlen(n->to_ports), &tlo, &thi))
				ros_bad_port(r, n->line, "to-ports", n->to_ports, strlen(n->to_ports));
			else if (n->to_ports)
				f->to_port = (unsigned)tlo;   /* a range: its first port */
			f->from = n->src;
			f->line = n->line;
			forward_to_router(r, n, f);
			*d->hfwds_tail = f;
			d->hfwds_tail = &f->next;
			d->nhfwds++;
		} while (p && *p && ++count);
	}
}

/* ---- partial exports (issue 14 §1) --------------------------------------------------
 *
 * `export` "can be invoked at any menu level, and it acts recursively":
 * run in /interface wifi it prints that menu and its submenus only
 * (help.mikrotik.com "Configuration Management", Exporting Configuration).
 * Such a file holds nothing of the menus outside it, and a missing menu
 * there is not a default (as it is in a whole export) but unknown. A whole
 * export spans several top-level menus; when every command is under one
 * menu, that menu is the export's scope. */

/* Narrows the scope to the words path has in common with it. */
static void scope_add(struct ros *r, const char *path)
{
	if (!r->scope_set) {
		snprintf(r->scope, sizeof(r->scope), "%s", path);
		r->scope_set = true;
		return;
	}
	size_t i = 0, cut = 0;
	while (r->scope[i] && r->scope[i] == path[i])
		i++;
	if (!r->scope[i] && (path[i] == ' ' || !path[i]))
		return;                  /* path is under the scope */
	for (size_t k = 0; k < i; k++)
		if (r->scope[k] == ' ')
			cut = k;
	r->scope[cut] = '\0';
}

static bool partial(const struct ros *r)
{
	return !r->scope_set || r->scope[0];
}

/* Does the file hold what the export prints of menu (absent: defaults)? */
static bool covered(const struct ros *r, const char *menu)
{
	if (!partial(r))
		return true;
	size_t n = strlen(r->scope);
	return r->scope_set && strncmp(menu, r->scope, n) == 0 && (menu[n] == ' ' || !menu[n]);
}

/* Names the menus the checks need that a partial export lacks, marks the
 * items that depend on them unknown, and drops what was taken from
 * RouterOS's defaults in their place. */
static void partial_export(struct ros *r)
{
	struct device *d = &r->in->dev;
	if (!partial(r))
		return;
	static const char *const ip[] = {"ip firewall filter", "ip service", "ip firewall nat",
					 "ip upnp"};
	/* The menus in English and in Japanese (menu names in backquotes:
	 * RouterOS's words, not ours). */
	char miss[256] = "", miss_ja[320] = "";
	bool item53 = false;
	for (size_t i = 0; i < ARRAY_SIZE(ip); i++) {
		if (covered(r, ip[i]))
			continue;
		item53 = true;
		size_t l = strlen(miss), lj = strlen(miss_ja);
		snprintf(miss + l, sizeof(miss) - l, "%s/%s", l ? ", " : "", ip[i]);
		snprintf(miss_ja + lj, sizeof(miss_ja) - lj, "%s`/%s`", lj ? "、" : "", ip[i]);
	}
	bool wifi = covered(r, "interface wireless") || covered(r, "interface wifi") ||
		    covered(r, "interface wifiwave2");
	if (!wifi) {
		size_t l = strlen(miss), lj = strlen(miss_ja);
		snprintf(miss + l, sizeof(miss) - l, "%s/interface wireless and /interface wifi",
			 l ? ", " : "");
		snprintf(miss_ja + lj, sizeof(miss_ja) - lj, "%s`/interface wireless` と "
			 "`/interface wifi`", lj ? "、" : "");
	}
	if (!d->firmware.s) {
		size_t l = strlen(miss), lj = strlen(miss_ja);
		snprintf(miss + l, sizeof(miss) - l, "%sthe version header", l ? ", " : "");
		snprintf(miss_ja + lj, sizeof(miss_ja) - lj, "%s版を示す見出し行", lj ? "、" : "");
	}
	/* A space between a menu name and the Japanese that follows it. */
	size_t lj = strlen(miss_ja);
	if (lj && miss_ja[lj - 1] == '`' && lj + 1 < sizeof(miss_ja)) {
		miss_ja[lj] = ' ';
		miss_ja[lj + 1] = '\0';
	}
	/* The lists differ between the languages: each text is made whole,
	 * and the other language's argument printed with no characters. */
	const char *en, *ja;
	if (!r->scope_set) {
		en = arena_printf(r->a, "the export holds no command, so %s are not in it; what "
				  "depends on them is not judged (run '/export' in the root menu for "
				  "the whole configuration)", miss);
		ja = arena_printf(r->a, "エクスポートにコマンドがないため、%sがありません。これに依存"
				  "する項目は判定していません（全体の設定はルートメニューで '/export' を"
				  "実行して得られます）", miss_ja);
	} else {
		en = arena_printf(r->a, "this is a partial export (every command is under /%s), so %s "
				  "are not in it; what depends on them is not judged (run '/export' in "
				  "the root menu for the whole configuration)", r->scope, miss);
		ja = arena_printf(r->a, "部分的なエクスポート（すべてのコマンドが `/%s` の下）のため、"
				  "%sがありません。これに依存する項目は判定していません（全体の設定は"
				  "ルートメニューで '/export' を実行して得られます）", r->scope, miss_ja);
	}
	if (en && ja)
		input_diag(r->in, DIAG_NOTE, 0, 0, "%s%.0s", "%.0s%s", en, ja);
	else
		input_nomem(r->in, 0);
	if (d->remote_admin == TRI_YES &&
	    (!covered(r, "ip service") || !covered(r, "ip firewall filter"))) {
		/* Taken from the default services or an absent filter. */
		d->remote_admin = TRI_UNSET;
		d->remote_admin_line = 0;
		d->remote_admin_why = d->remote_admin_why_ja = NULL;
	}
	if (!covered(r, "ip upnp"))
		d->upnp = TRI_UNSET;
	if (item53)
		input_item(r->in, ITEM_5_3, IST_UNKNOWN, "partial-export");
	if (!wifi)
		input_item(r->in, ITEM_6_2, IST_UNKNOWN, "partial-export");
}

/* ---- main loop ---------------------------------------------------------------------- */

static int ros_parse(struct input *in, const struct run_ctx *ctx)
{
	struct ros *r = calloc(1, sizeof(*r));
	if (!r) {
		input_fail(in, "out of memory", "メモリが足りません");
		return EL_ENOMEM;
	}
	r->in = in;
	r->a = &in->arena;
	r->profs_tail = &r->profs;
	r->wlans_tail = &r->wlans;
	r->wsecs_tail = &r->wsecs;
	r->wcfgs_tail = &r->wcfgs;
	r->wifis_tail = &r->wifis;
	r->rules_tail = &r->rules;
	r->nats_tail = &r->nats;
	r->ups_tail = &r->ups;
	r->ctx = ctx;
	r->upnp = TRI_NO;   /* /ip upnp enabled: Default no */
	static const struct {
		const char *n;
		unsigned port;
		bool on;
	} svc[8] = {{"telnet", 23, true}, {"ftp", 21, true},    {"www", 80, true},
		    {"ssh", 22, true},    {"www-ssl", 443, false}, {"api", 8728, true},
		    {"winbox", 8291, true}, {"api-ssl", 8729, true}};
	for (size_t i = 0; i < 8; i++)
		r->svcs[i] = (struct ros_svc){.name = svc[i].n, .port = svc[i].port, .enabled = svc[i].on};
	in->has_coverage = true;
	struct strbuf cmd;
	sb_init(&cmd, in->len + 16);
	const char *s = in->data;
	size_t n = in->len, pos = 0;
	unsigned line = 0;
	while (pos < n) {
		/* One physical line. */
		size_t e = pos;
		while (e < n && s[e] != '\n')
			e++;
		line++;
		size_t ls = pos, le = e;
		pos = e + 1;
		if (le > ls && s[le - 1] == '\r')
			le--;
		size_t t = ls;
		while (t < le && (s[t] == ' ' || s[t] == '\t'))
			t++;
		if (t == le)
			continue;
		if (s[t] == '#') {
			header_line(r, s + t, le - t, line);
			continue;
		}
		/* A command and its continuation lines. */
		unsigned first = line, nphys = 1;
		sb_reset(&cmd);
		bool ok = true;
		for (;;) {
			size_t bs = 0;
			while (bs < le - t && s[le - 1 - bs] == '\\')
				bs++;
			bool cont = bs & 1;
			if (sb_add(&cmd, s + t, le - t - (cont ? 1 : 0)))
				ok = false;
			if (!cont || pos >= n)
				break;
			e = pos;
			while (e < n && s[e] != '\n')
				e++;
			line++;
			nphys++;
			t = pos;
			le = e;
			pos = e + 1;
			if (le > t && s[le - 1] == '\r')
				le--;
			while (t < le && (s[t] == ' ' || s[t] == '\t'))
				t++;
		}
		in->lines_total += nphys;
		if (ok) {
			struct ros_cmd c;
			int k = tokenize(r, cmd.buf ? cmd.buf : "", cmd.len, first, &c);
			if (k == 1)
				scope_add(r, c.path);
			ok = k == 0 || (k == 1 && dispatch(r, &c));
		}
		if (ok)
			in->lines_understood += nphys;
		else
			input_unknown(in, first, "this command is not understood; no check uses it",
				      "このコマンドは解釈できないため、どの判定にも使っていません");
		arena_reset(&r->scratch);
	}
	sb_free(&cmd);
	arena_free(&r->scratch);
	if (in->lines_total == 0 && !r->saw_header) {
		free(r);
		input_fail(in, "no RouterOS export commands found",
			   "RouterOS のエクスポートのコマンドが見つかりません");
		return EL_EPARSE;
	}
	input_unknown_end(in);
	struct device *d = &in->dev;
	in->has_device = true;
	d->vendor.s = "mikrotik";
	d->vendor_display = "MikroTik";
	d->distro = "routeros";
	legacy_nets(r);
	wifi_nets(r);
	wps_state(r);
	remote_admin(r);
	forwards(r);
	d->upnp = r->upnp;
	d->upnp_line = r->upnp_line;
	if (partial(r))
		partial_export(r);
	else
		wan_state(r);
	free(r);
	return in->error ? EL_ENOMEM : 0;
}

static int routeros_probe(const char *head, size_t n)
{
	size_t pos = 0, len;
	const char *ls;
	int hits = 0;
	while (probe_line(head, n, &pos, &ls, &len)) {
		if (probe_starts(ls, len, "# software id =", false) ||
		    probe_starts(ls, len, "/interface wireless", false) ||
		    probe_starts(ls, len, "/interface wifi", false) ||
		    probe_starts(ls, len, "/ip firewall", false) ||
		    probe_starts(ls, len, "/system identity", false) ||
		    probe_starts(ls, len, "/interface bridge", false))
			hits++;
		if (len > 18 && probe_starts(ls, len, "# ", false) && memmem(ls, len, " by RouterOS ", 13))
			hits += 2;
	}
	return hits >= 2 ? 80 : 0;
}

const struct parser parser_routeros = {
	.kind = {
		.name = "routeros",
		.label = "MikroTik RouterOS export",
		.label_ja = "MikroTik RouterOS のエクスポート",
		.feeds = {[ITEM_5_3] = true, [ITEM_6_2] = true},
		.home_router = true,
	},
	.probe = routeros_probe,
	.parse = ros_parse,
	.max_bytes = 16u << 20,
	.expect = "RouterOS",
	.expect_ja = "RouterOS",
	.what = "file",
	.what_ja = "ファイル",
};
