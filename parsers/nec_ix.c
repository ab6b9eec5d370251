/*
 * nec_ix.c — NEC UNIVERGE IX configuration (kind "nec-ix"): the output of
 * `show running-config` / `show config` (IX2105/2106/2207/2215/2235/3110,
 * IX-R/IX-V and the older IX2025/IX3010), with the `! IX Series …` header
 * or without it, recognised by its content.
 *
 * The language is block structured: a command at column 0 opens a block
 * (`interface GigaEthernet0.1`, `ppp profile NAME`, `device …`) and the
 * indented lines after it are its settings. Grammar and meaning follow NEC,
 * UNIVERGE IX シリーズ コマンドリファレンスマニュアル and 機能説明書
 * (https://jpn.nec.com/univerge/ix/Manual/index.html), cited [CR]:
 *  - `ip access-list NAME permit|deny PROTO src A [sport P] dest A [dport P]`
 *    adds an entry to the list NAME, in the order written; `ip filter NAME
 *    SEQ in|out` applies lists to an interface in the order of SEQ, first
 *    match decides, and a packet that matches no entry of the applied lists
 *    is discarded (the real J:COM configuration in samples/nec-ix adds
 *    `ip filter permit-all 999` after its own lists for that reason);
 *    IPv6 the same with `ipv6 access-list` / `ipv6 filter`;
 *  - `ip napt enable` on an interface lets in from outside only replies and
 *    the `ip napt static` (older: `ip napt service`) entries; an entry that
 *    names an interface instead of an inside address admits the traffic to
 *    the router itself (NEC's IPsec examples on NAPT interfaces map IKE, ESP
 *    and NAT-T that way, as every real IPsec file in samples/nec-ix does).
 *    The inbound filter is taken to see the inside (translated) address of
 *    a static entry, as YAMAHA's does; a filter that names the outside
 *    address would be read as matching nothing for the forward;
 *  - `telnet-server ip enable`, `ssh-server ip enable`, `http-server ip
 *    enable`, `snmp-agent ip enable` switch the router's servers on; absent,
 *    they are off; `… ip access-list NAME` limits who may connect;
 *  - IKE/IPsec (`ike policy … peer any`, `ipsec dynamic-map`, IKEv2
 *    profiles, `tunnel mode ipsec`, `tunnel mode l2tp-lns ipsec`): with
 *    mode-cfg, an L2TP LNS or an address pool for clients it is the
 *    teleworkers' VPN (item 5-4), not an exposure.
 *
 * What the checks see: the internet-facing interfaces (default route,
 * DHCP client with receive-default, PPPoE with ipcp, MAP-E tunnels) with
 * their inbound lists; on a NAPT interface the list is what the filter and
 * NAPT let through together (lists_napt()), for the router itself too.
 * Secrets (`password`, `secret-password`, pre-shared `key`, PPP
 * `authentication password`, SNMP communities) are registered and never
 * printed. Lines not understood are counted and listed; an applied list the
 * file does not hold makes item 3-2 unknown, naming it.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nec_ix.h"


/* ---- small readers ------------------------------------------------------ */

static bool tok_prefix(const char *t, const char *p)
{
	return strncmp(t, p, strlen(p)) == 0;
}

/* An interface name: a letter first, a digit later ("GigaEthernet0.1",
 * "Tunnel0.0", "GigaEthernet2:1.0", "BVI1"). */
static bool is_ifname(const char *t)
{
	if (!isalpha((unsigned char)t[0]))
		return false;
	for (const char *p = t; *p; p++)
		if (isdigit((unsigned char)*p))
			return true;
	return false;
}

struct ix_if *ix_if_find(const struct ix *x, const char *name)
{
	size_t i;
	return strmap_get(&x->ifmap, name, &i) ? x->ifs[i] : NULL;
}

static struct ix_if *ix_if_get(struct ix *x, const char *name, unsigned line)
{
	struct ix_if *have = ix_if_find(x, name);
	if (have)
		return have;
	struct ix_if **g = input_grow(x->in, x->ifs, &x->capifs, x->nifs, sizeof(struct ix_if *));
	struct ix_if *f = arena_alloc(x->a, sizeof(*f));
	if (!g || !f) {
		if (!f)
			input_nomem(x->in, line);
		return NULL;
	}
	x->ifs = g;
	f->name = arena_strdup(x->a, name);
	f->line = line;
	if (!f->name) {
		input_nomem(x->in, line);
		return NULL;
	}
	if (strmap_put(&x->ifmap, name, x->nifs) < 0) {
		input_nomem(x->in, line);
		return NULL;
	}
	x->ifs[x->nifs++] = f;
	return f;
}

struct ix_acl *ix_acl_find(const struct ix *x, bool v6, const char *name)
{
	size_t i;
	return strmap_get(v6 ? &x->acl6 : &x->acl4, name, &i) ? &x->acls[i] : NULL;
}

static struct ix_acl *ix_acl_get(struct ix *x, bool v6, const char *name, unsigned line)
{
	struct ix_acl *l = ix_acl_find(x, v6, name);
	if (l)
		return l;
	struct ix_acl *g = input_grow(x->in, x->acls, &x->capacls, x->nacls, sizeof(*g));
	if (!g)
		return NULL;
	x->acls = g;
	l = &x->acls[x->nacls];
	memset(l, 0, sizeof(*l));
	l->name = arena_strdup(x->a, name);
	l->v6 = v6;
	if (!l->name || strmap_put(v6 ? &x->acl6 : &x->acl4, name, x->nacls) < 0) {
		input_nomem(x->in, line);
		return NULL;
	}
	x->nacls++;
	return l;
}

/* "any", "A.B.C.D", "A.B.C.D/N", IPv6 the same. */
static int ix_addr(struct ix *x, enum fam fam, const char *t, struct aset *out)
{
	if (tok_is(t, "any"))
		return aset_all(x->a, fam, out);
	const char *sl = strchr(t, '/');
	size_t an = sl ? (size_t)(sl - t) : strlen(t);
	struct u128 ad;
	if (addr_parse(fam, t, an, &ad))
		return -1;
	long plen = fam == FAM_V4 ? 32 : 128;
	if (sl && str_to_long(sl + 1, 0, plen, &plen))
		return -1;
	return aset_prefix(x->a, fam, ad, (unsigned)plen, out) ? -1 : 0;
}

/* A port condition after sport/dport: "any", "eq N", "range A B", "gt N",
 * "lt N", "ge N", "le N", "ne N". Returns the tokens used, 0 when not read. */
static size_t ix_ports(struct ix *x, char **t, size_t n, struct pset *out)
{
	long a = 0, b = 0;
	if (n >= 1 && tok_is(t[0], "any"))
		return pset_all(x->a, 65535, out) ? 0 : 1;
	if (n < 2 || str_to_long(t[1], 0, 65535, &a))
		return 0;
	if (tok_is(t[0], "range")) {
		if (n < 3 || str_to_long(t[2], 0, 65535, &b) || b < a)
			return 0;
		return pset_range(x->a, (uint32_t)a, (uint32_t)b, out) ? 0 : 3;
	}
	uint32_t lo = (uint32_t)a, hi = (uint32_t)a;
	if (tok_is(t[0], "gt") || tok_is(t[0], "ge")) {
		lo = tok_is(t[0], "gt") ? (uint32_t)a + 1 : (uint32_t)a;
		hi = 65535;
	} else if (tok_is(t[0], "lt") || tok_is(t[0], "le")) {
		if (tok_is(t[0], "lt") && a == 0)
			return 0;
		lo = 0;
		hi = tok_is(t[0], "lt") ? (uint32_t)a - 1 : (uint32_t)a;
	} else if (tok_is(t[0], "ne")) {
		struct pset all, one;
		if (pset_all(x->a, 65535, &all) || pset_range(x->a, lo, hi, &one) ||
		    pset_minus(x->a, &all, &one, out))
			return 0;
		return 2;
	} else if (!tok_is(t[0], "eq")) {
		return 0;
	}
	if (lo > hi)
		return 0;
	return pset_range(x->a, lo, hi, out) ? 0 : 2;
}

/* "ip" (all), "tcp", "udp", "icmp", or a protocol number. */
static int ix_proto(struct ix *x, bool v6, const char *t, struct pset *out)
{
	long p;
	if (tok_is(t, "ip") || tok_is(t, "ipv6"))
		return pset_all(x->a, 255, out);
	if (tok_is(t, "tcp"))
		p = PROTO_TCP;
	else if (tok_is(t, "udp"))
		p = PROTO_UDP;
	else if (tok_is(t, "icmp"))
		p = v6 ? PROTO_ICMP6 : PROTO_ICMP;
	else if (str_to_long(t, 0, 255, &p))
		return -1;
	return pset_range(x->a, (uint32_t)p, (uint32_t)p, out);
}

/* ---- access lists -------------------------------------------------------- */

/* `ip access-list NAME permit|deny PROTO [type N [code M]] [src A [sport P]]
 * [dest A [dport P]]` [CR]; src and dest default to any (the real IX2025
 * file has `ip access-list icmp permit icmp type 8`). */
static bool ix_acl_line(struct ix *x, bool v6, char **t, size_t n, unsigned line)
{
	if (n < 3)
		return false;
	if (tok_is(t[2], "dynamic")) {
		/* `ipv6 access-list dynamic NAME access LIST …`; timers. */
		if (n >= 4 && tok_is(t[3], "timer"))
			return true;
		if (n >= 6 && tok_is(t[4], "access")) {
			struct ix_acl *l = ix_acl_get(x, v6, t[3], line);
			if (l)
				l->dyn_of = arena_strdup(x->a, t[5]);
			return l != NULL;
		}
		return false;
	}
	if (n >= 4 && (tok_is(t[3], "option") || tok_is(t[3], "remark")))
		return true;
	if (n < 5 || !(tok_is(t[3], "permit") || tok_is(t[3], "deny")))
		return false;
	struct ix_acl *l = ix_acl_get(x, v6, t[2], line);
	if (!l)
		return true;
	struct ix_ace *g = input_grow(x->in, l->e, &l->cap, l->n, sizeof(*g));
	if (!g)
		return true;
	l->e = g;
	struct ix_ace *e = &l->e[l->n++];
	memset(e, 0, sizeof(*e));
	struct frule *r = &e->rule;
	enum fam fam = v6 ? FAM_V6 : FAM_V4;
	r->action = tok_is(t[3], "permit") ? FA_PASS : FA_DENY;
	r->line = line;
	r->name = arena_printf(x->a, "%s line %u", l->name, line);
	if (aset_all(x->a, fam, &r->src) || aset_all(x->a, fam, &r->dst) ||
	    pset_all(x->a, 65535, &r->sport) || pset_all(x->a, 65535, &r->dport))
		return true;
	if (ix_proto(x, v6, t[4], &r->proto)) {
		e->bad_kind = "protocol";
		e->bad = arena_strdup(x->a, t[4]);
		return true;
	}
	size_t i = 5;
	if (i + 1 < n && tok_is(t[i], "type")) {
		/* An ICMP type: the packet space does not hold it. */
		r->narrower = true;
		i += 2;
		if (i + 1 < n && tok_is(t[i], "code"))
			i += 2;
	}
	while (i < n) {
		size_t used = 0;
		if (i + 1 < n && (tok_is(t[i], "src") || tok_is(t[i], "dest"))) {
			if (ix_addr(x, fam, t[i + 1], tok_is(t[i], "src") ? &r->src : &r->dst)) {
				e->bad_kind = "address";
				e->bad = arena_strdup(x->a, t[i + 1]);
				return true;
			}
			used = 2;
		} else if (tok_is(t[i], "sport") || tok_is(t[i], "dport")) {
			used = ix_ports(x, t + i + 1, n - i - 1,
					tok_is(t[i], "sport") ? &r->sport : &r->dport);
			if (!used) {
				e->bad_kind = "port";
				/* the value after the operator ("eq www"), else the operator */
				size_t b = i + 2 < n && !tok_is(t[i + 1], "any") ? i + 2
					   : i + 1 < n ? i + 1 : i;
				e->bad = arena_strdup(x->a, t[b]);
				return true;
			}
			used++;
		} else {
			e->bad_kind = "fields";
			e->bad = arena_strdup(x->a, t[i]);
			return true;
		}
		i += used;
	}
	e->ok = true;
	return true;
}

/* ---- interface settings -------------------------------------------------- */

/* `ip napt static TARGET PROTO [PORT [PORT2]]` and the older `ip napt
 * service NAME TARGET GLOBAL|none PROTO PORT|any`: TARGET an inside address
 * or an interface (the router itself). With two ports the first is taken as
 * the inside one, as the command names the inside side first [CR]. */
static bool ix_static_line(struct ix *x, struct ix_if *f, char **t, size_t n, unsigned line,
			   const char *raw)
{
	size_t k = tok_is(t[2], "service") ? 4 : 3;   /* TARGET */
	if (n < k + 2)
		return false;
	struct ix_static s = {.line = line};
	if (is_ifname(t[k])) {
		s.to_box = true;
	} else if (addr_parse(FAM_V4, t[k], strlen(t[k]), &s.inner)) {
		return false;
	}
	size_t pi = k + 1;
	if (tok_is(t[2], "service"))
		pi++;   /* the global address, or none */
	if (pi >= n || ix_proto(x, false, t[pi], &s.proto) || pset_all(x->a, 65535, &s.ports))
		return false;
	bool ports = pset_contains(&s.proto, PROTO_TCP) || pset_contains(&s.proto, PROTO_UDP);
	if (ports && pi + 1 < n && !tok_is(t[pi + 1], "any")) {
		long p;
		if (str_to_long(t[pi + 1], 0, 65535, &p) ||
		    pset_range(x->a, (uint32_t)p, (uint32_t)p, &s.ports))
			return false;
	}
	s.text = arena_strdup(x->a, raw);
	struct ix_static *g = input_grow(x->in, f->st, &f->capst, f->nst, sizeof(*g));
	if (!g)
		return true;
	f->st = g;
	f->st[f->nst++] = s;
	return true;
}

static bool ix_apply_line(struct ix *x, struct ix_if *f, bool v6, char **t, size_t n,
			  unsigned line, const char *raw)
{
	long seq;
	if (n < 5 || str_to_long(t[3], 0, 2147483647L, &seq))
		return false;
	if (tok_is(t[4], "out"))
		return true;
	if (!tok_is(t[4], "in"))
		return false;
	struct ix_apply *a = v6 ? f->in6 : f->in4;
	size_t *na = v6 ? &f->nin6 : &f->nin4;
	if (*na >= IX_MAX_APPLY) {
		input_diag(x->in, DIAG_ERROR, line, 1,
			   "more than %d filters applied in on %s; the rest are not read",
			   "in で適用したフィルタが %d 個を超えたため（%s）、残りは読んでいません",
			   IX_MAX_APPLY, f->name);
		return true;
	}
	a[*na] = (struct ix_apply){.list = arena_strdup(x->a, t[2]), .seq = seq, .line = line,
				   .text = arena_strdup(x->a, raw)};
	(*na)++;
	return true;
}

/* Sub-commands of `interface …` that hold nothing the checks use. */
static const char *const ix_if_plain[] = {
	"description", "auto-connect", "ppp", "bridge-group", "service-policy", "proxy-dns",
	"keepalive", "mtu", "speed", "duplex", "lcp", "ipcp", "ipsec", "l2tp", "vlan-id",
	"link-state", "tunnel", "ip", "ipv6", "encapsulation", "nm", "vrrp", "qos", "bandwidth",
	"flow", "netflow", "ppp-auth", "snmp", "arp", "mac-address", "rate-limit",
};

static bool ix_if_line(struct ix *x, struct ix_if *f, char **t, size_t n, unsigned line,
		       const char *raw)
{
	if (tok_is(t[0], "shutdown")) {
		f->shutdown = true;
		return true;
	}
	if (tok_is(t[0], "no")) {
		if (n >= 2 && tok_is(t[1], "shutdown"))
			f->shutdown = false;
		return n >= 2;
	}
	if (tok_is(t[0], "encapsulation") && n >= 2 && tok_is(t[1], "pppoe")) {
		f->pppoe = true;
		f->pppoe_line = line;
		return true;
	}
	if (tok_is(t[0], "tunnel") && n >= 3 && tok_is(t[1], "mode")) {
		f->tmode = arena_strdup(x->a, t[2]);
		f->tline = line;
		if (tok_is(t[2], "map-e"))
			f->mape = true;
		if (tok_is(t[2], "l2tp-lns")) {
			x->l2tp_lns = true;
			x->l2tp_line = line;
		}
		if (tok_prefix(t[2], "ipsec") || (n >= 4 && tok_is(t[3], "ipsec"))) {
			if (!x->ipsec)
				x->ipsec_line = line;
			x->ipsec = true;
			if (tok_is(t[2], "ipsec-ikev2"))
				x->natt = true;
		}
		return true;
	}
	if (tok_is(t[0], "ip") && n >= 3 && tok_is(t[1], "address")) {
		if (tok_is(t[2], "dhcp")) {
			f->dhcp_default = n >= 4 && tok_is(t[3], "receive-default");
			f->addr_line = line;
			return true;
		}
		if (tok_is(t[2], "ipcp")) {
			f->ipcp = true;
			f->addr_line = line;
			return true;
		}
		if (tok_is(t[2], "map-e"))
			return true;
		const char *sl = strchr(t[2], '/');
		long plen;
		if (!sl || addr_parse(FAM_V4, t[2], (size_t)(sl - t[2]), &f->addr4) ||
		    str_to_long(sl + 1, 0, 32, &plen))
			return false;
		f->has_addr4 = true;
		f->plen4 = (unsigned)plen;
		f->addr_line = line;
		return true;
	}
	if (tok_is(t[0], "ip") && n >= 3 && tok_is(t[1], "napt")) {
		if (tok_is(t[2], "enable")) {
			f->napt = true;
			f->napt_line = line;
			return true;
		}
		if (tok_is(t[2], "static") || tok_is(t[2], "service"))
			return ix_static_line(x, f, t, n, line, raw);
		return true;   /* hairpinning, translation timers, inside list … */
	}
	if ((tok_is(t[0], "ip") || tok_is(t[0], "ipv6")) && n >= 2 && tok_is(t[1], "filter"))
		return ix_apply_line(x, f, tok_is(t[0], "ipv6"), t, n, line, raw);
	if (tok_is(t[0], "ipv6") && n >= 3) {
		bool pd = tok_is(t[1], "dhcp") && tok_is(t[2], "client");
		bool ra = tok_is(t[1], "address") && tok_is(t[2], "autoconfig") && n >= 4 &&
			  tok_is(t[3], "receive-default");
		if ((pd || ra) && !f->v6wan) {
			f->v6wan = true;
			f->v6line = line;
			f->v6how = pd ? "DHCPv6 client (prefix from the ISP)"
				      : "IPv6 address and default route from router advertisements";
			f->v6how_ja = pd ? "DHCPv6 クライアント（ISP からのプレフィックス）"
					 : "ルータ広告によるアドレスとデフォルト経路";
		}
	}
	for (size_t i = 0; i < ARRAY_SIZE(ix_if_plain); i++)
		if (tok_is(t[0], ix_if_plain[i]))
			return true;
	return false;
}

/* ---- the router's servers, VPN, routes ---------------------------------- */

static struct ix_svc *ix_svc_of(struct ix *x, const char *w)
{
	if (tok_is(w, "telnet-server"))
		return &x->telnet;
	if (tok_is(w, "ssh-server"))
		return &x->ssh;
	if (tok_is(w, "http-server"))
		return &x->http;
	if (tok_is(w, "snmp-agent"))
		return &x->snmp;
	return NULL;
}

static bool ix_svc_line(struct ix *x, struct ix_svc *s, char **t, size_t n, unsigned line)
{
	if (n >= 3 && tok_is(t[1], "ip") && tok_is(t[2], "enable")) {
		s->on = true;
		s->line = line;
		return true;
	}
	for (size_t i = 1; i + 1 < n; i++)
		if (tok_is(t[i], "access-list")) {
			s->acl = arena_strdup(x->a, t[i + 1]);
			s->acl_line = line;
			return true;
		}
	return true;   /* user names, ports, authentication methods, communities */
}

static void ix_route_line(struct ix *x, bool v6, char **t, size_t n, unsigned line)
{
	if (n < 4)
		return;
	bool dflt = tok_is(t[2], "default") || tok_is(t[2], v6 ? "::/0" : "0.0.0.0/0");
	size_t *ng = v6 ? &x->ngw6 : &x->ngw;
	if (!dflt || *ng >= IX_MAX_GW)
		return;
	const char *g = arena_strdup(x->a, t[3]);
	if (!g)
		return;
	(v6 ? x->gw6 : x->gw)[*ng] = g;
	(v6 ? x->gw6line : x->gwline)[*ng] = line;
	(*ng)++;
}

static void ix_vpn_words(struct ix *x, char **t, size_t n, unsigned line)
{
	for (size_t i = 0; i < n; i++) {
		if (tok_is(t[i], "mode-cfg") && !x->mode_cfg) {
			x->mode_cfg = true;
			x->mode_cfg_line = line;
		}
		if (i + 1 < n && tok_is(t[i], "peer") && tok_is(t[i + 1], "any") && !x->peer_any) {
			x->peer_any = true;
			x->peer_any_line = line;
		}
	}
}

/* ---- secrets ------------------------------------------------------------ */

/* Registers the secrets on a line: the word after `key`, `password`,
 * `secret-password`, `pre-share`, `community` (past `plain`, `hash`,
 * `secret`, `char`, `hex`; in `authentication password USER PASS` the
 * password). */
static void ix_secrets(struct ix *x, char **t, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		const char *w = t[i];
		if (!(tok_is(w, "key") || tok_is(w, "password") || tok_is(w, "secret-password") ||
		      tok_is(w, "pre-share") || tok_is(w, "community")))
			continue;
		size_t k = i + 1;
		bool form = tok_is(t[k], "plain") || tok_is(t[k], "hash") || tok_is(t[k], "secret") ||
			    tok_is(t[k], "char") || tok_is(t[k], "hex") || tok_is(t[k], "key");
		/* `authentication password USER PASS`: the password is second. */
		bool user = tok_is(w, "password") && i >= 1 && tok_is(t[i - 1], "authentication") &&
			    k + 1 < n;
		if (form || user)
			k++;
		if (k < n) {
			const char *keep = arena_strdup(x->a, t[k]);
			if (keep)
				input_add_secret(x->in, keep, strlen(keep));
		}
		i = k;
	}
}

/* ---- the header ---------------------------------------------------------- */

/* "! IX Series IX2215 (magellan-sec) Software, Version 10.7.18, RELEASE
 * SOFTWARE" and "! Compiled Oct 25-Tue-2022 12:37:13 JST #2". */
static void ix_header(struct ix *x, const char *s, size_t n, unsigned line)
{
	struct device *d = &x->in->dev;
	const char *ser = memmem(s, n, "Series ", 7);
	const char *ver = memmem(s, n, "Version ", 8);
	if (ser && ver && !x->saw_header) {
		const char *m = ser + 7;
		size_t mn = strcspn(m, " ,(\r");
		const char *v = ver + 8;
		size_t vn = strcspn(v, " ,\r");
		if (mn && mn <= 24 && m + mn <= s + n && vn && vn <= 24 && v + vn <= s + n) {
			x->saw_header = true;
			x->in->has_device = true;
			d->vendor.s = "nec";
			d->vendor_display = "NEC";
			d->vendor.line = line;
			d->model.s = utf8_sanitize(x->a, m, mn);
			d->model.line = line;
			d->firmware.s = utf8_sanitize(x->a, v, vn);
			d->firmware.line = line;
		}
		return;
	}
	const char *c = memmem(s, n, "Compiled ", 9);
	if (!c || d->firmware_date.s)
		return;
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char buf[48];
	size_t bl = (size_t)(s + n - c);
	if (bl >= sizeof(buf))
		bl = sizeof(buf) - 1;
	memcpy(buf, c, bl);
	buf[bl] = '\0';
	char mo[8], wd[8];
	int day, year;
	/* Widths one past the largest valid value: no number can overflow. */
	if (sscanf(buf, "Compiled %7s %3d-%7[A-Za-z]-%5d", mo, &day, wd, &year) != 4)
		return;
	for (int k = 0; k < 12; k++)
		if (strcmp(mo, mon[k]) == 0 && day >= 1 && day <= 31 && year >= 1990 &&
		    year <= 2100) {
			d->firmware_date.s = arena_printf(x->a, "%04d-%02d-%02d", year, k + 1, day);
			d->firmware_date.line = line;
			d->build_date = d->firmware_date;
		}
}

/* ---- one line ------------------------------------------------------------ */

/* Top-level commands that hold nothing the checks use (first word, or
 * first two). */
static const char *const ix_top_plain[] = {
	"hostname", "timezone", "logging", "ntp", "proxy-dns", "dns", "syslog", "terminal",
	"ddns", "nm", "bridge", "watch-group", "network-monitor", "username", "clock", "sntp",
	"banner", "end", "lldp", "auto-config", "supervisor", "ipsec", "ike", "ikev2",
	"aaa", "radius", "vrrp", "track", "mac", "ppp", "spanning-tree",
	"l2tp", "system", "ssh-server", "telnet-server", "http-server", "snmp-agent",
	"web-console", "zero-touch", "ztp", "ntp-server", "netconf-server", "tftp-server",
};

static const char *const ix_blocks[] = {
	"interface", "device", "class-map", "policy-map", "route-map", "ikev2", "watch-group",
	"network-monitor", "ip dhcp profile", "ipv6 dhcp client-profile",
	"ipv6 dhcp server-profile", "ppp profile", "router", "ipsec ike", "vrrp", "aaa",
};

static bool ix_block_head(const char *s)
{
	for (size_t i = 0; i < ARRAY_SIZE(ix_blocks); i++) {
		size_t k = strlen(ix_blocks[i]);
		if (strncmp(s, ix_blocks[i], k) == 0 && (s[k] == ' ' || s[k] == '\0'))
			return true;
	}
	return false;
}

/* `ip …` / `ipv6 …` commands at the top that hold nothing checked. */
static const char *const ix_ip_plain[] = {
	"ufs-cache", "dhcp", "name-server", "host", "domain-name", "multicast", "router",
	"keepalive", "tcp", "pim", "igmp", "icmp", "fragment", "option", "arp", "nat",
	"napt", "ddns", "mtu", "redirect", "source-route", "local", "default-gateway",
};

static bool ix_top_line(struct ix *x, char **t, size_t n, unsigned line, const char *raw)
{
	x->blk = ix_block_head(raw) ? BLK_OTHER : BLK_NONE;
	x->cur = NULL;
	if (tok_is(t[0], "interface")) {
		if (n != 2)
			return false;
		x->blk = BLK_IF;
		x->cur = ix_if_get(x, t[1], line);
		return true;
	}
	if (tok_is(t[0], "ppp") && n >= 3 && tok_is(t[1], "profile")) {
		x->blk = BLK_PPP;
		return true;
	}
	if (tok_is(t[0], "ikev2") && n >= 3 && tok_is(t[1], "profile")) {
		x->blk = BLK_IKEV2;
		if (!x->ipsec)
			x->ipsec_line = line;
		x->ipsec = x->natt = true;
		return true;
	}
	if ((tok_is(t[0], "ip") || tok_is(t[0], "ipv6")) && n >= 2 &&
	    tok_is(t[1], "access-list"))
		return ix_acl_line(x, tok_is(t[0], "ipv6"), t, n, line);
	if ((tok_is(t[0], "ip") || tok_is(t[0], "ipv6")) && n >= 2 && tok_is(t[1], "route")) {
		ix_route_line(x, tok_is(t[0], "ipv6"), t, n, line);
		return true;
	}
	struct ix_svc *sv = ix_svc_of(x, t[0]);
	if (sv)
		return ix_svc_line(x, sv, t, n, line);
	if (tok_is(t[0], "ike") || tok_is(t[0], "ipsec") || tok_is(t[0], "ikev2")) {
		ix_vpn_words(x, t, n, line);
		if (tok_is(t[0], "ike") && n >= 2 && tok_is(t[1], "nat-traversal"))
			x->natt = true;
		if ((tok_is(t[0], "ike") && n >= 2 && tok_is(t[1], "policy")) ||
		    (tok_is(t[0], "ipsec") && n >= 2 &&
		     (tok_is(t[1], "autokey-map") || tok_is(t[1], "dynamic-map")))) {
			if (!x->ipsec)
				x->ipsec_line = line;
			x->ipsec = true;
		}
		if (tok_is(t[0], "ipsec") && n >= 2 && tok_is(t[1], "dynamic-map") && !x->peer_any) {
			x->peer_any = true;   /* accepts any peer */
			x->peer_any_line = line;
		}
		return true;
	}
	if (x->blk == BLK_OTHER)
		return true;
	if ((tok_is(t[0], "ip") || tok_is(t[0], "ipv6")) && n >= 2) {
		for (size_t i = 0; i < ARRAY_SIZE(ix_ip_plain); i++)
			if (tok_is(t[1], ix_ip_plain[i]))
				return true;
		return false;
	}
	for (size_t i = 0; i < ARRAY_SIZE(ix_top_plain); i++)
		if (tok_is(t[0], ix_top_plain[i]))
			return true;
	return false;
}

static bool ix_sub_line(struct ix *x, char **t, size_t n, unsigned line, const char *raw)
{
	switch (x->blk) {
	case BLK_IF:
		return x->cur ? ix_if_line(x, x->cur, t, n, line, raw) : true;
	case BLK_PPP:
		if (n >= 2 && tok_is(t[0], "ipcp") && tok_is(t[1], "provide-ip-address"))
			x->pool = true;
		return true;
	case BLK_IKEV2:
		ix_vpn_words(x, t, n, line);
		if (n >= 2 && tok_is(t[0], "mode-cfg") && !x->mode_cfg) {
			x->mode_cfg = true;
			x->mode_cfg_line = line;
		}
		return true;
	case BLK_OTHER:
		return true;   /* the settings of a block that holds nothing checked */
	case BLK_NONE:
	default:
		return false;
	}
}

/* Splits into tokens (blank separated) in the scratch arena; -1 past the
 * maximum. */
static long ix_tokens(struct arena *a, const char *s, size_t n, char **t)
{
	long k = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n)
			break;
		size_t b = i;
		while (i < n && s[i] != ' ' && s[i] != '\t')
			i++;
		if (k >= IX_MAX_TOKENS)
			return -1;
		t[k] = arena_strndup(a, s + b, i - b);
		if (!t[k])
			return -1;
		k++;
	}
	return k;
}

/* ---- the parser entry ------------------------------------------------------ */

/* Console output around a pasted config: a prompt with a command
 * ("Router(config)# show running-config", "ix# show config") and the
 * router's "Using N out of M bytes" line. */
static bool ix_console_line(const char *s, size_t n)
{
	const char *h = memchr(s, '#', n);
	if (h && h > s && (size_t)(h - s) + 1 <= n &&
	    (memmem(h, (size_t)(s + n - h), "show ", 5) || (size_t)(h - s) + 1 == n))
		return !memchr(s, ' ', (size_t)(h - s));
	return n > 6 && memcmp(s, "Using ", 6) == 0 && memmem(s, n, " bytes", 6);
}

static int ix_parse(struct input *in, const struct run_ctx *ctx)
{
	(void)ctx;
	struct ix *x = parse_state_new(in, sizeof(*x));
	if (!x)
		return EL_ENOMEM;
	x->in = in;
	x->a = &in->arena;
	strmap_init(&x->acl4, x->a);
	strmap_init(&x->acl6, x->a);
	strmap_init(&x->ifmap, x->a);
	in->has_coverage = true;
	if (parse_binary(in, "this file holds binary data; export the config as text with "
			     "`show running-config`",
			 "このファイルはバイナリデータです。`show running-config` でテキストとして"
			 "書き出してください"))
		return EL_EPARSE;
	struct arena scratch = {0};
	char *t[IX_MAX_TOKENS];
	const char *p = in->data, *end = in->data + in->len;
	unsigned line = 0;
	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		const char *s = p;
		size_t n = (size_t)(e - p);
		p = e + 1;
		line++;
		while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		size_t lead = 0;
		while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
			lead++;
		if (lead == n)
			continue;
		if (s[lead] == '!') {
			ix_header(x, s + lead, n - lead, line);
			continue;
		}
		if (lead == 0 && ix_console_line(s, n))
			continue;
		in->lines_total++;
		if (n > IX_MAX_LINE) {
			input_unknown(in, line, "line of %zu bytes is longer than an IX command can be "
					       "(%d); skipped",
				      "%zu バイトの行は IX のコマンドの上限（%d）を超えるため読み飛ばしました",
				      n, IX_MAX_LINE);
			continue;
		}
		char *raw = arena_strndup(&scratch, s + lead, n - lead);
		long k = raw ? ix_tokens(&scratch, s + lead, n - lead, t) : -1;
		bool ok = false;
		if (k > 0) {
			ix_secrets(x, t, (size_t)k);
			ok = lead ? ix_sub_line(x, t, (size_t)k, line, raw)
				  : ix_top_line(x, t, (size_t)k, line, raw);
		}
		if (ok) {
			in->lines_understood++;
		} else {
			const char *what = "";
			if (k > 0 && input_unknown_listed(in))
				what = utf8_sanitize(x->a, t[0], strlen(t[0]) > 40 ? 40 : strlen(t[0]));
			input_unknown(in, line, "this '%s' line is not understood; no check uses it",
				      "この '%s' の行は解釈できないため、どの判定にも使っていません",
				      what ? what : "");
			/* An indented line after an unknown command is not read
			 * as part of the block before it. */
			if (!lead)
				x->blk = BLK_NONE;
		}
		arena_reset(&scratch);
	}
	arena_free(&scratch);
	if (in->lines_total == 0 && !x->saw_header) {
		input_fail(in, "no NEC IX configuration lines found",
			   "NEC IX の設定行が見つかりません");
		return EL_EPARSE;
	}
	/* A header and nothing after it: a copy or an export cut short (the
	 * report would otherwise read "0 of 0 lines understood" and judge an
	 * empty router). What the header said is still reported (5-4); the
	 * error keeps every item from passing and the exit status 2. */
	if (in->lines_total == 0)
		input_fail(in, "only the '!' header was read (%u lines) and no configuration line "
			       "follows: the file may be cut short; nothing in it can pass",
			   "'!' のヘッダ（%u 行）しかなく、設定の行がありません。ファイルが途中で"
			   "切れている可能性があります。合格とは判定しません",
			   line);
	input_unknown_end(in);
	ix_model(x);
	in->has_device = true;
	return 0;
}

/* "! IX Series IX2215 (…) Software, Version 10.7.18, …" */
static bool ix_header_line(const char *ls, size_t len)
{
	return len > 12 && ls[0] == '!' && memmem(ls, len, "Series IX", 9) &&
	       memmem(ls, len, "Version ", 8);
}

static int ix_probe(const char *head, size_t n)
{
	static const struct probe_start starts[] = {
		{"interface GigaEthernet", false}, {"interface FastEthernet", false},
		{"interface Tunnel", false}, {"ip napt ", true}, {"ppp binding ", true},
		{"ip access-list ", false}, {"ipv6 access-list ", false}, {"ppp profile ", false},
		{"ike proposal ", false}, {"ip ufs-cache ", false},
		{"ip address dhcp receive-default", true}, {"ssh-server ip enable", false},
		{"http-server ip enable", false}, {"telnet-server ip enable", false},
	};
	int hits = probe_count(head, n, ix_header_line, starts, ARRAY_SIZE(starts));
	if (hits < 0)
		return 95;
	return hits >= 3 ? 75 : hits == 2 ? 45 : 0;
}

const struct parser parser_nec_ix = {
	.kind = {
		.name = "nec-ix",
		.label = "NEC UNIVERGE IX",
		.label_ja = "NEC UNIVERGE IX",
		.feeds = {[ITEM_3_2] = true, [ITEM_5_4] = true},
		/* `ip filter NAME SEQ in` / `ipv6 filter …` under the interface
		 * ([CR], the head of this file). */
		.filter_in = {"interface %IF / ip filter … in", "interface %IF / ipv6 filter … in"},
	},
	.probe = ix_probe,
	.parse = ix_parse,
	.max_bytes = 64u << 20,
	.expect = "NEC UNIVERGE IX",
	.expect_ja = "NEC UNIVERGE IX",
	.what = "config",
	.what_ja = "設定",
};
