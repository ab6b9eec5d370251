/*
 * yamaha_rtx.c — YAMAHA RTX/NVR/FWX configuration (kind "yamaha-rtx"):
 * `show config` output and exported config files as they occur (header or
 * none, TFTP headers, CRLF, any indentation, console echoes, here-docs,
 * Shift_JIS/EUC-JP bytes in descriptions).
 *
 * It translates the config into the vendor-neutral model: device identity
 * from the header, internet-facing interfaces with their inbound filters
 * (struct frule, analysed by src/filter.c) and NAT forwards, the router's
 * own services with who they accept, and whether it terminates VPN for
 * teleworkers. Semantics and defaults follow the YAMAHA command reference
 * (cited as [CR §x]; research/yamaha.md has the details and sources):
 *  - a secure filter list is first-match with an implicit deny at its end;
 *    no list means nothing is filtered [CR §8.1.25];
 *  - inbound NAT applies before the inbound filter, so filters name inner
 *    addresses (third-party sources; consistent with YAMAHA's examples);
 *  - ports constrain only TCP/UDP [CR §8.1.10]; `established` admits
 *    only ACK segments, so it opens no new connection;
 *  - commands that are absent take their initial values [CR §1.4]
 *    (table in rtx_defaults()).
 * Lines it does not know are counted and listed; a line that matters for
 * a check and cannot be read makes that check unknown, naming the line.
 *
 * Length: one file per input format (docs/adding-a-vendor.md). YAMAHA's
 * language has filters and their lists on LAN, PP and tunnel interfaces,
 * NAT descriptors, listeners with initial values, secrets and the console's
 * line wrapping, all sharing one parser state.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/filter.h"
#include "../src/registry.h"
#include "parsers.h"
#include "yamaha_rtx_fix.h"

#define RTX_MAX_LINE 4095        /* [CR §1.5]: one command per line, ≤ 4095 */
#define RTX_MAX_TOKENS 400
#define RTX_MAX_LIST 400         /* filter numbers in one secure filter list */
#define RTX_WRAP_COLS 80         /* console width: `console columns` initial value */
/* Whether a line of w bytes fills the console: 80 columns, or 79 when the
 * terminal that logged it moved the 80th character to the next line (seen
 * in a real NVR510 `show config` paste: "… 200030" / " 200032" and
 * "… 20002" / "6 200027", each first piece 79 wide). */
#define RTX_FULL_WIDTH(w) ((w) == RTX_WRAP_COLS || (w) == RTX_WRAP_COLS - 1)

/* ---- state ------------------------------------------------------------- */

enum rtx_ctx { CTX_NONE, CTX_PP, CTX_TUNNEL };

struct rtx_filter {              /* one `ip filter` / `ipv6 filter` line */
	long num;
	struct frule rule;
	bool ok;                 /* read in full */
	bool used;
	const char *tmpl;        /* the vendor template line it is (id), or NULL */
	const char *bad_kind;    /* !ok: what was not read: "port", "protocol" … */
	const char *bad;         /* and the value as written */
};

struct rtx_list {                /* a `secure filter in` as written */
	bool present;
	const char *set_name;    /* `secure filter name SET`: resolved later */
	long nums[RTX_MAX_LIST];
	size_t n;
	unsigned line;
	const char *text;
	const char *bad;         /* a list item that is not a filter number */
};

struct rtx_set {                 /* `ip filter set NAME in N…` (its in part) */
	char name[32];
	bool v6;
	long nums[RTX_MAX_LIST];
	size_t n;
};

#define RTX_MAX_SETS 32

struct rtx_if {
	const char *name;        /* "lan2", "pp 1", "tunnel 1", "lan1.1" (whole) */
	bool is_pp, is_tunnel;
	bool dhcp4;
	bool has_addr4;
	struct u128 addr4;
	unsigned plen4;
	const char *pppoe_lan;   /* pp: the LAN port PPPoE runs on */
	unsigned pppoe_line;
	const char *encap;       /* tunnel: map-e, ipip, l2tp … */
	unsigned encap_line;
	bool v6wan;              /* IPv6 from the ISP arrives here */
	const char *v6how, *v6how_ja;   /* why it carries IPv6 from the ISP (en, ja) */
	unsigned v6line;
	struct rtx_list in4, in6;
	long nat[8];
	size_t nnat;
	unsigned nat_line;
	bool wan4;
	const char *wan4how, *wan4how_ja;
	unsigned wan4line;
	/* What says whether a PP session leads to the internet or to a
	 * closed network (rtx_closed_pp). */
	bool ipcp_addr;          /* `ppp ipcp ipaddress on`: the peer assigns it */
	bool route_public;       /* an `ip route` to public space leads here */
	unsigned nroutes;        /* `ip route` lines (not default) that lead here */
	unsigned route_line;
	unsigned addr_line;
	bool closed;             /* a PP session to a closed network */
};

struct rtx_nat {                 /* a NAT descriptor */
	long id;
	int type;                /* 0 none, 1 nat, 2 masquerade, 3 nat-masquerade */
	unsigned type_line;
	int incoming;            /* 0 reject (default), 1 through, 2 forward, 3 discard */
	struct u128 incoming_to;
	unsigned incoming_line;
	struct nat_forward *fw;
	size_t nfw, capfw;
};

struct rtx_svc_conf {            /* what the config says about a listener */
	int service;             /* -1 absent, 0 off, 1 on */
	unsigned service_line;
	const char *const *host; /* the host list tokens; NULL: absent */
	size_t nhost;
	unsigned host_line;
	long port;               /* -1: default */
};

struct rtx {
	struct input *in;
	const struct run_ctx *ctx;
	struct arena *a;
	struct arena scratch;    /* a line's tokens: reset after each line */
	long *f4_sorted, *f6_sorted;  /* filter indexes sorted by number */
	enum rtx_ctx cx;
	long cx_num;             /* pp/tunnel number; -1: anonymous */
	struct rtx_filter *f4, *f6;
	size_t nf4, nf6, capf4, capf6;
	struct rtx_if **ifs;     /* any number; each stays where it is */
	size_t nifs, capifs;
	struct rtx_nat *nats;
	size_t nnats, capnats;
	struct rtx_set sets[RTX_MAX_SETS];
	size_t nsets;
	struct rtx_svc_conf telnetd, httpd, sshd, sftpd, tftp, snmp, dns;
	/* Default route gateways. */
	const char **gw;         /* any number, whole */
	size_t ngw, capgw;
	unsigned gw_line;
	/* VPN. */
	bool ipsec;
	unsigned ipsec_line;
	bool natt;
	bool l2tp_on;
	unsigned l2tp_line;
	bool pptp_on;
	unsigned pptp_line;
	bool anon_pp;
	unsigned anon_line;
	bool anon_bound_tunnel;
	bool ike_any;
	unsigned ike_any_line;
	bool mode_cfg, xauth, ikev2;
	unsigned mode_cfg_line;
	bool in_heredoc;
	char heredoc_end[32];
	bool saw_header;
	/* The item a field reader could not read, for the diagnostic. */
	const char *bad_item;
};

static bool rtx_header_line(const char *ls, size_t len);

/* ---- small helpers -------------------------------------------------------- */

static bool tok_is(const char *t, const char *w)
{
	return strcmp(t, w) == 0;
}

static bool tok_prefix(const char *t, const char *p)
{
	return strncmp(t, p, strlen(p)) == 0;
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
	return str_to_long(s, lo, hi, out);
}

/* Text safe to quote in a diagnostic: valid UTF-8 kept, other bytes
 * (Shift_JIS, EUC-JP) shown as '?', at most max bytes. */
static const char *rtx_quote(struct rtx *r, const char *s, size_t n, size_t max)
{
	char *o = arena_alloc(r->a, max + 4);
	if (!o)
		return "";
	size_t w = 0, i = 0;
	while (i < n && w < max) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
			     : (c & 0xF8) == 0xF0 ? 4 : 0;
		bool ok = len > 0 && i + len <= n && w + len <= max;
		for (size_t k = 1; ok && k < len; k++)
			ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
		if (ok && c >= 0x20 && c != 0x7f) {
			memcpy(o + w, s + i, len);
			w += len;
			i += len;
		} else {
			o[w++] = c == '\t' ? ' ' : '?';
			i++;
		}
	}
	if (i < n) {
		memcpy(o + w, "…", 3);
		w += 3;
	}
	o[w] = '\0';
	return o;
}

static struct rtx_if *rtx_if_get(struct rtx *r, const char *name)
{
	for (size_t i = 0; i < r->nifs; i++)
		if (strcmp(r->ifs[i]->name, name) == 0)
			return r->ifs[i];
	struct rtx_if **ni = input_grow(r->in, r->ifs, &r->capifs, r->nifs, sizeof(struct rtx_if *));
	struct rtx_if *f = ni ? arena_alloc(r->a, sizeof(*f)) : NULL;
	const char *nm = f ? arena_strdup(r->a, name) : NULL;
	if (!nm) {
		input_nomem(r->in, 0);
		return NULL;
	}
	r->ifs = ni;
	r->ifs[r->nifs++] = f;
	f->name = nm;
	f->is_pp = strncmp(name, "pp ", 3) == 0;
	f->is_tunnel = strncmp(name, "tunnel ", 7) == 0;
	return f;
}

/* The interface a context-specific command (`ip pp …`) applies to. */
static struct rtx_if *rtx_ctx_if(struct rtx *r)
{
	char name[24];
	if (r->cx == CTX_PP && r->cx_num >= 0)
		snprintf(name, sizeof(name), "pp %ld", r->cx_num);
	else if (r->cx == CTX_PP)
		snprintf(name, sizeof(name), "pp anonymous");
	else if (r->cx == CTX_TUNNEL)
		snprintf(name, sizeof(name), "tunnel %ld", r->cx_num);
	else
		return NULL;
	return rtx_if_get(r, name);
}

/* "lan2", "lan1.1", "lan1/2", "bridge1", "vlan3", "wan1", "loopback1" */
static bool is_phys_if(const char *t)
{
	static const char *const pre[] = {"lan", "bridge", "vlan", "wan", "loopback",
					  "onu", "wwan", "null", NULL};
	for (size_t i = 0; pre[i]; i++) {
		size_t n = strlen(pre[i]);
		if (strncmp(t, pre[i], n) == 0 && t[n] >= '0' && t[n] <= '9')
			return true;
	}
	return strcmp(t, "null") == 0;
}

/* ---- addresses, protocols, ports ------------------------------------------ */

static int v4_from_octets(const long o[4], struct u128 *out)
{
	out->hi = 0;
	out->lo = ((uint64_t)o[0] << 24) | ((uint64_t)o[1] << 16) | ((uint64_t)o[2] << 8) |
		  (uint64_t)o[3];
	return 0;
}

/* One IPv4 address item without commas: '*', A.B.C.D with '*' octets,
 * a-b, -b, a-, A.B.C.D/mask (bits, dotted or 0x hex). */
static int rtx_addr4_item(struct rtx *r, const char *t, struct aset *out)
{
	struct arena *a = r->a;
	if (tok_is(t, "*"))
		return aset_all(a, FAM_V4, out);
	if (tok_is(t, "map-e") || tok_is(t, "hb46pp"))
		return aset_range(a, FAM_V4, BOX_UNKNOWN_ADDR4, BOX_UNKNOWN_ADDR4, out);
	const char *dash = strchr(t, '-');
	if (dash) {
		struct u128 lo = {0, 0}, hi = {0, 0xffffffffu};
		if (dash > t && addr_parse(FAM_V4, t, (size_t)(dash - t), &lo))
			return -1;
		if (dash[1] && addr_parse(FAM_V4, dash + 1, strlen(dash + 1), &hi))
			return -1;
		if (lo.lo > hi.lo)
			return -1;
		return aset_range(a, FAM_V4, lo, hi, out);
	}
	const char *slash = strchr(t, '/');
	size_t alen = slash ? (size_t)(slash - t) : strlen(t);
	if (memchr(t, '*', alen)) {
		/* Octets written '*' match any value; only trailing ones form a
		 * prefix, which is all configs use. */
		long o[4] = {0};
		int stars = 0, k = 0;
		const char *p = t;
		for (k = 0; k < 4; k++) {
			if (*p == '*') {
				stars++;
				p++;
			} else {
				if (stars)
					return -1;
				struct cursor c;
				unsigned long v;
				if ((size_t)(p - t) > alen)
					return -1;
				cur_init(&c, p, alen - (size_t)(p - t));
				if (cur_uint(&c, 255, &v))
					return -1;
				o[k] = (long)v;
				p = c.p;
			}
			if (k < 3 && *p++ != '.')
				return -1;
		}
		if ((size_t)(p - t) != alen || slash)
			return -1;
		struct u128 base;
		v4_from_octets(o, &base);
		return aset_prefix(a, FAM_V4, base, (unsigned)(32 - 8 * stars), out);
	}
	struct u128 addr;
	if (addr_parse(FAM_V4, t, alen, &addr))
		return -1;
	if (!slash)
		return aset_range(a, FAM_V4, addr, addr, out);
	const char *m = slash + 1;
	long bits;
	if (parse_long(m, 0, 32, &bits) == 0)
		return aset_prefix(a, FAM_V4, addr, (unsigned)bits, out);
	struct u128 mask;
	if (strncmp(m, "0x", 2) == 0) {
		char *end;
		unsigned long v = strtoul(m + 2, &end, 16);
		if (*end || end == m + 2 || v > 0xffffffffUL)
			return -1;
		mask.lo = v;
	} else if (addr_parse(FAM_V4, m, strlen(m), &mask)) {
		return -1;
	}
	/* A contiguous mask: count its bits. */
	unsigned n = 0;
	while (n < 32 && (mask.lo >> (31 - n) & 1))
		n++;
	if ((uint32_t)(mask.lo << n) != 0)
		return -1;
	return aset_prefix(a, FAM_V4, addr, n, out);
}

static int rtx_addr6_item(struct rtx *r, const char *t, struct aset *out)
{
	struct arena *a = r->a;
	if (tok_is(t, "*"))
		return aset_all(a, FAM_V6, out);
	if (strstr(t, "-prefix@")) {
		/* ra-prefix@lan2::/64: the delegated inside prefix, stood for by
		 * the same documentation block the IPv6 inside query uses. */
		struct u128 p;
		addr_parse(FAM_V6, "2001:db8:ffff::", 15, &p);
		return aset_prefix(a, FAM_V6, p, 48, out);
	}
	const char *dash = strchr(t, '-');
	if (dash) {
		struct u128 lo = {0, 0}, hi = {~0ull, ~0ull};
		if (dash > t && addr_parse(FAM_V6, t, (size_t)(dash - t), &lo))
			return -1;
		if (dash[1] && addr_parse(FAM_V6, dash + 1, strlen(dash + 1), &hi))
			return -1;
		return aset_range(a, FAM_V6, lo, hi, out);
	}
	const char *slash = strchr(t, '/');
	size_t alen = slash ? (size_t)(slash - t) : strlen(t);
	struct u128 addr;
	if (addr_parse(FAM_V6, t, alen, &addr))
		return -1;
	if (!slash)
		return aset_range(a, FAM_V6, addr, addr, out);
	long bits;
	if (parse_long(slash + 1, 0, 128, &bits))
		return -1;
	return aset_prefix(a, FAM_V6, addr, (unsigned)bits, out);
}

/* An address field: items joined by commas. */
static int rtx_addr(struct rtx *r, enum fam f, const char *t, struct aset *out)
{
	if (aset_empty(f, out))
		return -1;
	char item[128];
	const char *p = t;
	while (*p) {
		const char *c = strchr(p, ',');
		size_t n = c ? (size_t)(c - p) : strlen(p);
		if (n == 0 || n >= sizeof(item)) {
			r->bad_item = arena_strndup(r->a, p, n < 60 ? n : 60);
			return -1;
		}
		memcpy(item, p, n);
		item[n] = '\0';
		struct aset one, u;
		if (f == FAM_V4 ? rtx_addr4_item(r, item, &one) : rtx_addr6_item(r, item, &one)) {
			r->bad_item = arena_strdup(r->a, item);
			return -1;
		}
		if (aset_union(r->a, out, &one, &u))
			return -1;
		*out = u;
		p = c ? c + 1 : p + n;
	}
	return 0;
}

/* Protocol numbers by name [CR §8.1.10]. */
static const struct {
	const char *name;
	int num;
} rtx_protos[] = {
	{"icmp", PROTO_ICMP}, {"tcp", PROTO_TCP}, {"udp", PROTO_UDP}, {"ipv6", 41},
	{"gre", PROTO_GRE}, {"esp", PROTO_ESP}, {"ah", PROTO_AH}, {"icmp6", PROTO_ICMP6},
	{"icmp-error", PROTO_ICMP}, {"icmp-info", PROTO_ICMP}, {"tcpsyn", PROTO_TCP},
	{"ipip", 4},
};

/* A protocol field. *never: the rule cannot match a new connection. */
static int rtx_proto(struct rtx *r, const char *t, enum faction act, struct pset *out,
		     bool *never)
{
	*never = false;
	if (tok_is(t, "*"))
		return pset_all(r->a, 255, out);
	if (tok_is(t, "established") || tok_is(t, "tcpfin") || tok_is(t, "tcprst")) {
		*never = true;
		return pset_range(r->a, PROTO_TCP, PROTO_TCP, out);
	}
	if (tok_prefix(t, "tcpflag")) {
		/* Flag tests: as a pass, assume it may admit a new connection;
		 * as a reject, do not count on it to stop one. */
		*never = act == FA_DENY;
		return pset_range(r->a, PROTO_TCP, PROTO_TCP, out);
	}
	out->iv = NULL;
	out->n = 0;
	const char *p = t;
	while (*p) {
		const char *c = strchr(p, ',');
		size_t n = c ? (size_t)(c - p) : strlen(p);
		char w[24];
		if (n == 0 || n >= sizeof(w)) {
			r->bad_item = arena_strndup(r->a, p, n < 60 ? n : 60);
			return -1;
		}
		memcpy(w, p, n);
		w[n] = '\0';
		long num = -1;
		for (size_t i = 0; i < ARRAY_SIZE(rtx_protos); i++)
			if (strcmp(w, rtx_protos[i].name) == 0)
				num = rtx_protos[i].num;
		if (num < 0 && parse_long(w, 0, 255, &num)) {
			r->bad_item = arena_strdup(r->a, w);
			return -1;
		}
		struct pset one, u;
		if (pset_range(r->a, (uint32_t)num, (uint32_t)num, &one) ||
		    pset_union(r->a, out, &one, &u))
			return -1;
		*out = u;
		p = c ? c + 1 : p + n;
	}
	return 0;
}

/* One port: a number or a service name of rules/ports.yaml (vendor
 * "yamaha"), the whole of [t, t+n). Names may hold '-' (ms-rpc,
 * ipsec-nat-t), so a name is tried before a range is. */
static const struct pset *rtx_port1(struct rtx *r, const char *t, size_t n, struct pset *num)
{
	char w[32];
	if (n == 0 || n >= sizeof(w))
		return NULL;
	memcpy(w, t, n);
	w[n] = '\0';
	long v;
	if (parse_long(w, 0, 65535, &v) == 0)
		return pset_range(r->a, (uint32_t)v, (uint32_t)v, num) ? NULL : num;
	const struct pset *p = registry_port_alias(r->ctx->reg, "yamaha", w, n);
	return p && p->n ? p : NULL;
}

/* One item of a port field: a port, or a range a-b, -b, a- whose ends are
 * ports [CR §8.1.10]; a name that stands for several ports (ftp = 20,21)
 * gives a range end its lowest or highest. */
static int rtx_port_item(struct rtx *r, const char *t, size_t n, struct pset *out)
{
	struct pset num;
	const struct pset *one = rtx_port1(r, t, n, &num);
	if (one) {
		*out = *one;
		return 0;
	}
	for (const char *d = memchr(t, '-', n); d; d = memchr(d + 1, '-', (size_t)(t + n - d - 1))) {
		struct pset a, b;
		const struct pset *lo = d > t ? rtx_port1(r, t, (size_t)(d - t), &a) : NULL;
		const struct pset *hi = d + 1 < t + n ? rtx_port1(r, d + 1, (size_t)(t + n - d - 1), &b)
						      : NULL;
		if ((d > t && !lo) || (d + 1 < t + n && !hi))
			continue;
		uint32_t l = lo ? lo->iv[0].lo : 0, h = hi ? hi->iv[hi->n - 1].hi : 65535;
		if (l <= h && pset_range(r->a, l, h, out) == 0)
			return 0;
	}
	r->bad_item = arena_strndup(r->a, t, n < 60 ? n : 60);
	return -1;
}

/* A port field: '*', or items (see above) joined by commas. */
static int rtx_ports(struct rtx *r, const char *t, struct pset *out)
{
	if (tok_is(t, "*"))
		return pset_all(r->a, 65535, out);
	out->iv = NULL;
	out->n = 0;
	const char *p = t;
	while (*p) {
		const char *c = strchr(p, ',');
		size_t n = c ? (size_t)(c - p) : strlen(p);
		struct pset one, u;
		if (rtx_port_item(r, p, n, &one) || pset_union(r->a, out, &one, &u))
			return -1;
		*out = u;
		p = c ? c + 1 : p + n;
	}
	return 0;
}

/* ---- filters ------------------------------------------------------------------- */

static struct rtx_filter *rtx_filter_new(struct rtx *r, bool v6)
{
	struct rtx_filter **arr = v6 ? &r->f6 : &r->f4;
	size_t *n = v6 ? &r->nf6 : &r->nf4, *cap = v6 ? &r->capf6 : &r->capf4;
	struct rtx_filter *na = input_grow(r->in, *arr, cap, *n, sizeof(*na));
	if (!na)
		return NULL;
	*arr = na;
	struct rtx_filter *f = &(*arr)[(*n)++];
	memset(f, 0, sizeof(*f));
	return f;
}

/* Sorting filters by number (then by position) once makes each lookup a
 * binary search: the cost stays linear in the config however many lists
 * name however many filters. */
static const struct rtx_filter *sort_base;

static int rtx_filter_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	long nx = sort_base[x].num, ny = sort_base[y].num;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	return x < y ? -1 : x > y;
}

static long *rtx_filter_index(struct rtx *r, const struct rtx_filter *arr, size_t n)
{
	long *idx = arena_alloc(r->a, (n + 1) * sizeof(long));
	if (!idx)
		return NULL;
	for (size_t i = 0; i < n; i++)
		idx[i] = (long)i;
	sort_base = arr;
	qsort(idx, n, sizeof(long), rtx_filter_cmp);
	sort_base = NULL;
	return idx;
}

static struct rtx_filter *rtx_filter_find(struct rtx *r, bool v6, long num)
{
	struct rtx_filter *arr = v6 ? r->f6 : r->f4;
	size_t n = v6 ? r->nf6 : r->nf4;
	long **idxp = v6 ? &r->f6_sorted : &r->f4_sorted;
	if (!*idxp)
		*idxp = rtx_filter_index(r, arr, n);
	const long *idx = *idxp;
	if (!idx)
		return NULL;
	/* The last definition wins, as when the command is entered again:
	 * find the first index past num, then step back. */
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (arr[idx[mid]].num <= num)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || arr[idx[lo - 1]].num != num)
		return NULL;
	return &arr[idx[lo - 1]];
}

/* What a filter field that was not read is called, per kind. */
static const struct {
	const char *kind, *en, *ja;
} rtx_bad_kinds[] = {
	{"port", "port", "ポート"},
	{"protocol", "protocol", "プロトコル"},
	{"address", "address", "アドレス"},
	{"action", "action", "動作"},
	{"fields", "number of fields", "項目の数"},
};

/* Marks a filter as not read: what was not understood is kept for the
 * finding of any list that uses it, and named now at its line. */
static bool rtx_filter_bad(struct rtx *r, struct rtx_filter *f, bool v6, const char *kind,
			   const char *item, unsigned line)
{
	size_t k = 0;
	while (k + 1 < ARRAY_SIZE(rtx_bad_kinds) &&
	       strcmp(rtx_bad_kinds[k].kind, kind) != 0)
		k++;
	f->bad_kind = rtx_bad_kinds[k].kind;
	f->bad = rtx_quote(r, item, strlen(item), 60);
	input_diag(r->in, DIAG_NOTE, line, 1,
		   "%s filter %s: %s%.0s '%s' not understood; a filter list that uses it cannot be judged",
		   "%s filter %s: %.0s%s「%s」を解釈できません。これを使うフィルタリストは判定できません",
		   v6 ? "ipv6" : "ip", f->rule.name, rtx_bad_kinds[k].en, rtx_bad_kinds[k].ja, f->bad);
	return false;
}

/* ip filter NUM ACTION SRC [DST [PROTO [SPORT [DPORT]]]]  [CR §8.1.10].
 * The line counts as understood only when every field was read: a
 * filter with one field not read is kept, marked, so that a list using
 * it is judged unknown rather than judged without it. */
static bool rtx_filter_line(struct rtx *r, bool v6, char **t, size_t n, unsigned line)
{
	long num;
	if (n < 3 || parse_long(t[2], 1, 2147483647L, &num))
		return false;
	struct rtx_filter *f = rtx_filter_new(r, v6);
	if (!f)
		return false;
	f->num = num;
	f->rule.line = line;
	f->rule.name = arena_strdup(r->a, t[2]);
	if (n < 5)
		return rtx_filter_bad(r, f, v6, "fields", t[n - 1], line);
	/* pass, reject, restrict, each also -log and -nolog [CR §8.1.10];
	 * restrict passes while the line is up: always, on always-on lines. */
	const char *act = t[3];
	static const char *const sfx[] = {"", "-log", "-nolog"};
	bool known = false;
	for (size_t i = 0; i < 3 && !known; i++) {
		char w[24];
		snprintf(w, sizeof(w), "pass%s", sfx[i]);
		bool pass = tok_is(act, w);
		snprintf(w, sizeof(w), "restrict%s", sfx[i]);
		pass |= tok_is(act, w);
		snprintf(w, sizeof(w), "reject%s", sfx[i]);
		known = pass || tok_is(act, w);
		f->rule.action = pass ? FA_PASS : FA_DENY;
	}
	if (!known)
		return rtx_filter_bad(r, f, v6, "action", act, line);
	enum fam fam = v6 ? FAM_V6 : FAM_V4;
	const char *fld[5] = {"*", "*", "*", "*", "*"};
	if (n > 9)
		return rtx_filter_bad(r, f, v6, "fields", t[9], line);
	for (size_t i = 4; i < n; i++)
		fld[i - 4] = t[i];
	struct frule *ru = &f->rule;
	r->bad_item = NULL;
	if (rtx_addr(r, fam, fld[0], &ru->src))
		return rtx_filter_bad(r, f, v6, "address", r->bad_item ? r->bad_item : fld[0], line);
	if (rtx_addr(r, fam, fld[1], &ru->dst))
		return rtx_filter_bad(r, f, v6, "address",
				      r->bad_item ? r->bad_item : fld[1], line);
	if (rtx_proto(r, fld[2], ru->action, &ru->proto, &ru->new_conn_never))
		return rtx_filter_bad(r, f, v6, "protocol", r->bad_item ? r->bad_item : fld[2], line);
	if (rtx_ports(r, fld[3], &ru->sport))
		return rtx_filter_bad(r, f, v6, "port", r->bad_item ? r->bad_item : fld[3], line);
	if (rtx_ports(r, fld[4], &ru->dport))
		return rtx_filter_bad(r, f, v6, "port",
				      r->bad_item ? r->bad_item : fld[4], line);
	f->ok = true;
	/* A line of YAMAHA's own templates (rules/vendor-templates.yaml),
	 * compared as the router prints it: fields after the number. */
	char txt[256];
	size_t tl = 0;
	for (size_t i = 3; i < n && tl < sizeof(txt); i++)
		tl += (size_t)snprintf(txt + tl, sizeof(txt) - tl, "%s%s", i > 3 ? " " : "", t[i]);
	const struct vendor_template *vt =
		tl < sizeof(txt) ? registry_template(r->ctx->reg, "yamaha", v6, txt) : NULL;
	f->tmpl = vt ? vt->id : NULL;
	return true;
}

/* ip IF secure filter in|out N… [dynamic N…]  [CR §8.1.25] */
static bool rtx_secure_line(struct rtx *r, struct rtx_if *f, bool v6, char **t, size_t n,
			    size_t at, unsigned line, const char *raw)
{
	/* t[at] == "secure", t[at+1] == "filter", t[at+2] == in|out|name */
	if (n < at + 3 || !tok_is(t[at + 1], "filter"))
		return false;
	if (tok_is(t[at + 2], "name") && n > at + 3) {
		/* A named set [CR §8.1.11, §8.1.25]: its in part filters what
		 * comes in; resolved once every set is read. */
		struct rtx_list *l = v6 ? &f->in6 : &f->in4;
		memset(l, 0, sizeof(*l));
		l->present = true;
		l->set_name = arena_strdup(r->a, t[at + 3]);
		l->line = line;
		l->text = arena_strdup(r->a, raw);
		return true;
	}
	if (!tok_is(t[at + 2], "in"))
		return tok_is(t[at + 2], "out");   /* outbound lists do not matter here */
	struct rtx_list *l = v6 ? &f->in6 : &f->in4;
	memset(l, 0, sizeof(*l));
	l->present = true;
	l->line = line;
	l->text = arena_strdup(r->a, raw);
	for (size_t i = at + 3; i < n; i++) {
		if (tok_is(t[i], "dynamic"))
			break;     /* dynamic filters only admit replies */
		long num;
		if (parse_long(t[i], 1, 2147483647L, &num) || l->n == RTX_MAX_LIST) {
			/* Not a filter number (or past the limit): the list cannot
			 * be read, and is judged unknown where it matters. */
			l->bad = rtx_quote(r, t[i], strlen(t[i]), 60);
			if (l->n == RTX_MAX_LIST)
				input_diag(r->in, DIAG_NOTE, line, 1,
					   "secure filter list of more than %d filters: not read",
					   "secure filter のリストが %d 個を超えるため読み取っていません",
					   RTX_MAX_LIST);
			else
				input_diag(r->in, DIAG_NOTE, line, 1,
					   "secure filter list: '%s' is not a filter number; the list cannot be judged",
					   "secure filter のリスト: 「%s」はフィルタ番号ではありません。このリストは判定できません",
					   l->bad);
			l->nums[0] = -1;
			l->n = 1;
			return false;
		}
		l->nums[l->n++] = num;
	}
	return true;
}

/* ip filter set NAME in|out N… [dynamic N…]  [CR §8.1.11]: the in part
 * of a named set, appended line by line. */
static bool rtx_set_line(struct rtx *r, bool v6, char **t, size_t n, unsigned line)
{
	if (n < 5 || strlen(t[3]) >= sizeof(r->sets[0].name))
		return false;
	if (!tok_is(t[4], "in"))
		return tok_is(t[4], "out");
	struct rtx_set *s = NULL;
	for (size_t i = 0; i < r->nsets; i++)
		if (r->sets[i].v6 == v6 && strcmp(r->sets[i].name, t[3]) == 0)
			s = &r->sets[i];
	if (!s) {
		if (r->nsets == RTX_MAX_SETS) {
			/* A limit reached is the input's error naming it (the set
			 * was left out as a line not understood). */
			input_fail(r->in,
				   "line %u: more than %d filter sets (edgelint's limit): the ones "
				   "after it are not read",
				   "%u 行目: フィルタセットが %d 個を超えています（edgelint の上限）。"
				   "これ以降は読み込んでいません",
				   line, RTX_MAX_SETS);
			return true;
		}
		s = &r->sets[r->nsets++];
		memset(s, 0, sizeof(*s));
		snprintf(s->name, sizeof(s->name), "%s", t[3]);
		s->v6 = v6;
	}
	for (size_t i = 5; i < n; i++) {
		long num;
		if (tok_is(t[i], "dynamic"))
			break;
		if (parse_long(t[i], 1, 2147483647L, &num))
			return false;
		if (s->n == RTX_MAX_LIST) {   /* the rest were dropped in silence */
			input_fail(r->in,
				   "line %u: filter set %s has more than %d filters (edgelint's "
				   "limit): the ones after it are not read",
				   "%u 行目: フィルタセット %s のフィルタが %d 個を超えています"
				   "（edgelint の上限）。これ以降は読み込んでいません",
				   line, s->name, RTX_MAX_LIST);
			return true;
		}
		s->nums[s->n++] = num;
	}
	return true;
}

/* ---- NAT ------------------------------------------------------------------------ */

static struct rtx_nat *rtx_nat_get(struct rtx *r, long id)
{
	for (size_t i = 0; i < r->nnats; i++)
		if (r->nats[i].id == id)
			return &r->nats[i];
	struct rtx_nat *na = input_grow(r->in, r->nats, &r->capnats, r->nnats, sizeof(*na));
	if (!na)
		return NULL;
	r->nats = na;
	struct rtx_nat *d = &r->nats[r->nnats++];
	memset(d, 0, sizeof(*d));
	d->id = id;
	return d;
}

static struct nat_forward *rtx_nat_fw(struct rtx *r, struct rtx_nat *d)
{
	struct nat_forward *na = input_grow(r->in, d->fw, &d->capfw, d->nfw, sizeof(*na));
	if (!na)
		return NULL;
	d->fw = na;
	struct nat_forward *f = &d->fw[d->nfw++];
	memset(f, 0, sizeof(*f));
	return f;
}

/* nat descriptor … [CR §23] */
static bool rtx_nat_line(struct rtx *r, char **t, size_t n, unsigned line, const char *raw)
{
	long id;
	if (n < 4)
		return false;
	const char *what = t[2];
	if (tok_is(what, "type") && n >= 5 && parse_long(t[3], 1, 2147483647L, &id) == 0) {
		struct rtx_nat *d = rtx_nat_get(r, id);
		if (!d)
			return false;
		d->type = tok_is(t[4], "nat") ? 1 : tok_is(t[4], "masquerade") ? 2
			  : tok_is(t[4], "nat-masquerade") ? 3 : 0;
		d->type_line = line;
		return true;
	}
	if (tok_is(what, "masquerade") && n >= 6 && tok_is(t[3], "incoming") &&
	    parse_long(t[4], 1, 2147483647L, &id) == 0) {
		struct rtx_nat *d = rtx_nat_get(r, id);
		if (!d)
			return false;
		d->incoming = tok_is(t[5], "through") ? 1 : tok_is(t[5], "forward") ? 2
			      : tok_is(t[5], "discard") ? 3 : 0;
		d->incoming_line = line;
		if (d->incoming == 2 && (n < 7 || addr_parse(FAM_V4, t[6], strlen(t[6]),
							     &d->incoming_to)))
			d->incoming = 0, d->incoming_line = 0;
		if (d->incoming == 2) {
			struct nat_forward *fw = rtx_nat_fw(r, d);
			if (!fw)
				return false;
			fw->fam = FAM_V4;
			fw->inner = d->incoming_to;
			fw->dmz = true;
			pset_all(r->a, 255, &fw->proto);
			pset_all(r->a, 65535, &fw->ports);
			fw->line = line;
			fw->text = arena_strdup(r->a, raw);
		}
		return true;
	}
	/* nat descriptor masquerade static D ID INNER PROTO [OUTER=]INNER_PORT */
	if (tok_is(what, "masquerade") && n >= 7 && tok_is(t[3], "static") &&
	    parse_long(t[4], 1, 2147483647L, &id) == 0) {
		struct rtx_nat *d = rtx_nat_get(r, id);
		struct u128 inner;
		if (!d || addr_parse(FAM_V4, t[6], strlen(t[6]), &inner) || n < 8)
			return false;
		struct nat_forward *fw = rtx_nat_fw(r, d);
		if (!fw)
			return false;
		fw->fam = FAM_V4;
		fw->inner = inner;
		fw->line = line;
		fw->text = arena_strdup(r->a, raw);
		bool never;
		if (rtx_proto(r, t[7], FA_PASS, &fw->proto, &never)) {
			d->nfw--;
			return false;
		}
		if (n >= 9) {
			const char *pt = t[8];
			const char *eq = strchr(pt, '=');
			if (eq)
				pt = eq + 1;   /* OUTER=INNER: the filter sees INNER */
			if (rtx_ports(r, pt, &fw->ports)) {
				d->nfw--;
				return false;
			}
		} else {
			pset_all(r->a, 65535, &fw->ports);
		}
		return true;
	}
	/* nat descriptor static D ID OUTER=INNER [count]: 1:1, every port */
	if (tok_is(what, "static") && n >= 6 && parse_long(t[3], 1, 2147483647L, &id) == 0) {
		struct rtx_nat *d = rtx_nat_get(r, id);
		const char *eq = strchr(t[5], '=');
		struct u128 inner;
		if (!d || !eq || addr_parse(FAM_V4, eq + 1, strlen(eq + 1), &inner))
			return false;
		struct nat_forward *fw = rtx_nat_fw(r, d);
		if (!fw)
			return false;
		fw->fam = FAM_V4;
		fw->inner = inner;
		pset_all(r->a, 255, &fw->proto);
		pset_all(r->a, 65535, &fw->ports);
		fw->line = line;
		fw->text = arena_strdup(r->a, raw);
		return true;
	}
	/* address outer/inner, timers, logs, port ranges: not about exposure */
	return tok_is(what, "address") || tok_is(what, "timer") || tok_is(what, "log") ||
	       tok_is(what, "masquerade") || tok_is(what, "sip") || tok_is(what, "ftp");
}

/* ---- services -------------------------------------------------------------------- */

static void rtx_svc_host(struct rtx *r, struct rtx_svc_conf *c, char **t, size_t n,
			 size_t from, unsigned line)
{
	const char **h = arena_alloc(r->a, (n - from + 1) * sizeof(char *));
	if (!h)
		return;
	for (size_t i = from; i < n; i++)
		h[i - from] = arena_strdup(r->a, t[i]);
	c->host = h;
	c->nhost = n - from;
	c->host_line = line;
}

static bool rtx_svc_line(struct rtx *r, struct rtx_svc_conf *c, char **t, size_t n,
			 unsigned line)
{
	if (n >= 3 && tok_is(t[1], "service")) {
		c->service = tok_is(t[2], "on") ? 1 : 0;
		c->service_line = line;
		return true;
	}
	if (n >= 3 && tok_is(t[1], "host")) {
		if (tok_is(t[2], "key"))
			return true;   /* sshd host key generate */
		rtx_svc_host(r, c, t, n, 2, line);
		return true;
	}
	if (n >= 3 && tok_is(t[1], "listen")) {
		long p;
		if (parse_long(t[2], 1, 65535, &p) == 0)
			c->port = p;
		return true;
	}
	return n >= 2;   /* other sub-commands (user, encoding …) */
}

/* ---- the line dispatcher ------------------------------------------------------- */

/* Commands edgelint knows and deliberately ignores: none of them opens or
 * closes anything from the internet. */
static const char *const rtx_ignored[] = {
	"administrator", "login", "console", "timezone", "description", "dhcp", "dns",
	"syslog", "schedule", "statistics", "switch", "security", "set", "lua", "ntpdate",
	"ppp", "pppoe", "ipsec", "l2tp", "bridge", "provider", "heartbeat", "alarm",
	"operation", "mail", "upnp", "url", "netvolante-dns", "sip", "analog", "isdn",
	"line", "vlan", "lan", "wins", "external-memory", "usbhost", "user", "rip",
	"ospf", "bgp", "tunnel", "pp", "auth", "radius", "show", "save", "cold", "no",
	"ethernet", "routing", "snmpv2c", "snmpv3", "snmp", "wlan", "airlink", "nat",
	"queue", "speed", "sshd", "telnetd", "httpd", "sftpd", "tftp", "ip", "ipv6",
	"ngn", "embedded", "macro", "clear", "date", "time", "interface", "loopback",
	"keepalive", "mobile", "wwan", "account", "sntpd", "packet-buffer",
	"remote", "sngw", "cloud", "dashboard", "l2ms", "lan-map", "yno", "wireless-lan",
	"vrrp", "track", "firewall", "ethernet", "bootp", "mdns", "pptp", "fast",
	"config", "save", "restart", "quit", "exit", "copy", "delete", "clear", "system",
	"alias", "switching-hub", "ntp", "ntpd", "tcp", "udp", "icmp", "ethernet", "nsd",
	NULL,
};

static bool rtx_known_head(const char *t)
{
	for (size_t i = 0; rtx_ignored[i]; i++)
		if (strcmp(t, rtx_ignored[i]) == 0)
			return true;
	return false;
}

/* Whether a line starts with a word some command starts with. */
static bool rtx_known_head_word(const char *s, size_t n)
{
	char w[24];
	size_t k = 0;
	while (k < n && k + 1 < sizeof(w) && s[k] != ' ' && s[k] != '\t') {
		w[k] = s[k];
		k++;
	}
	w[k] = '\0';
	return rtx_known_head(w);
}

/* ip|ipv6 IF … lines (IF a physical interface, or pp/tunnel in context). */
static bool rtx_ip_if_line(struct rtx *r, bool v6, char **t, size_t n, unsigned line,
			   const char *raw)
{
	struct rtx_if *f;
	size_t at = 2;
	if (tok_is(t[1], "pp") || tok_is(t[1], "tunnel")) {
		f = rtx_ctx_if(r);
		if (!f)
			return true;   /* outside a select: nothing it applies to */
	} else if (is_phys_if(t[1])) {
		f = rtx_if_get(r, t[1]);
	} else {
		return false;
	}
	if (!f || n < 3)
		return f != NULL;
	const char *w = t[at];
	if (tok_is(w, "secure"))
		return rtx_secure_line(r, f, v6, t, n, at, line, raw);
	if (!v6 && tok_is(w, "address") && n >= 4) {
		if (tok_is(t[3], "dhcp")) {
			f->dhcp4 = true;
			if (!f->wan4) {
				f->wan4 = true;
				f->wan4how = "address from DHCP";
				f->wan4how_ja = "DHCP でアドレスを取得";
				f->wan4line = line;
			}
			return true;
		}
		const char *sl = strchr(t[3], '/');
		long plen = 32;
		struct u128 ad;
		if (!sl || addr_parse(FAM_V4, t[3], (size_t)(sl - t[3]), &ad) ||
		    parse_long(sl + 1, 0, 32, &plen))
			return true;   /* other address forms are not needed */
		f->has_addr4 = true;
		f->addr4 = ad;
		f->plen4 = (unsigned)plen;
		f->addr_line = line;
		return true;
	}
	if (!v6 && tok_is(w, "nat") && n >= 5 && tok_is(t[3], "descriptor")) {
		f->nnat = 0;
		for (size_t i = 4; i < n && f->nnat < 8; i++) {
			long id;
			if (parse_long(t[i], 1, 2147483647L, &id) == 0)
				f->nat[f->nnat++] = id;
		}
		f->nat_line = line;
		return true;
	}
	if (v6 && tok_is(w, "dhcp") && n >= 5 && tok_is(t[3], "service") &&
	    tok_is(t[4], "client")) {
		f->v6wan = true;
		f->v6how = "DHCPv6 client towards the ISP";
		f->v6how_ja = "ISP に対する DHCPv6 クライアント";
		f->v6line = line;
		return true;
	}
	return true;   /* mtu, proxyarp, rtadv, tcp mss …: known, not needed */
}

static void rtx_header(struct rtx *r, const char *s, size_t n, unsigned line)
{
	/* "# RTX1210 Rev.14.01.42 (Fri Jul  5 11:17:45 2024)" or without '#' */
	size_t i = 0;
	while (i < n && (s[i] == '#' || s[i] == ' ' || s[i] == '\t'))
		i++;
	size_t ms = i;
	while (i < n && s[i] != ' ')
		i++;
	size_t me = i;
	if (me - ms < 3 || me - ms > 20 || n - i < 6 || memcmp(s + i, " Rev.", 5) != 0)
		return;
	i += 5;
	size_t rs = i;
	while (i < n && (isdigit((unsigned char)s[i]) || s[i] == '.'))
		i++;
	size_t re = i;
	if (re == rs)
		return;
	struct device *d = &r->in->dev;
	if (r->saw_header) {
		/* A second, different header: a collage of configs. */
		if (d->model.s && (strlen(d->model.s) != me - ms ||
				   memcmp(d->model.s, s + ms, me - ms) != 0))
			input_diag(r->in, DIAG_NOTE, line, 1,
				   "a second config header for another model: this file mixes configs, "
				   "so the first header is used",
				   "別機種の設定ヘッダーがあります。複数の設定が混ざっているため、最初のヘッダーを使います");
		return;
	}
	r->saw_header = true;
	r->in->has_device = true;
	d->vendor.s = "yamaha";
	d->vendor_display = "YAMAHA";
	d->vendor.line = line;
	d->model.s = utf8_sanitize(r->a, s + ms, me - ms);
	d->model.line = line;
	d->firmware.s = arena_printf(r->a, "Rev.%.*s", (int)(re - rs), s + rs);
	d->firmware.line = line;
	/* "(Fri Jul  5 11:17:45 2024)" */
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	const char *lp = memchr(s + re, '(', n - re);
	if (!lp)
		return;
	char buf[64];
	size_t bl = (size_t)(s + n - lp);
	if (bl >= sizeof(buf))
		bl = sizeof(buf) - 1;
	memcpy(buf, lp, bl);
	buf[bl] = '\0';
	char wd[8], mo[8];
	int day, hh, mm, ss, year;
	/* Widths one past the largest valid value: no number can overflow an
	 * int (undefined for sscanf), and a longer one is still refused. */
	if (sscanf(buf, "(%7s %7s %3d %3d:%3d:%3d %5d)", wd, mo, &day, &hh, &mm, &ss, &year) != 7)
		return;
	for (int k = 0; k < 12; k++) {
		if (strcmp(mo, mon[k]) == 0 && day >= 1 && day <= 31 && year >= 1990 &&
		    year <= 2100) {
			d->firmware_date.s = arena_printf(r->a, "%04d-%02d-%02d", year, k + 1, day);
			d->firmware_date.line = line;
			d->build_date = d->firmware_date;
		}
	}
}

/* Splits a line into tokens (quotes keep spaces), with where each is in
 * the line (quotes included) in sp. Returns the count, or -1 when there
 * are too many. */
static long rtx_tokens(struct rtx *r, const char *s, size_t n, char **t, struct secret_run *sp)
{
	long k = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n)
			break;
		if (k == RTX_MAX_TOKENS)
			return -1;
		size_t st = i;
		char q = 0;
		if (s[i] == '"' || s[i] == '\'')
			q = s[i++];
		while (i < n && (q ? s[i] != q : (s[i] != ' ' && s[i] != '\t')))
			i++;
		size_t en = i;
		if (q && i < n)
			i++;
		t[k] = arena_strndup(&r->scratch, s + st + (q ? 1 : 0), en - st - (q ? 1 : 0));
		if (!t[k])
			return -1;
		sp[k] = (struct secret_run){st, i};
		k++;
	}
	return k;
}

/* Secrets YAMAHA configs carry in clear text, by the words a command
 * starts with and the position of the secret; registered so that no
 * output shows them. */
static const struct {
	const char *w[3];         /* leading words; NULL: any word */
	size_t at;                /* token index of the secret */
} rtx_secret_cmds[] = {
	{{"ipsec", "ike", "pre-shared-key"}, 4},  /* … GW [text|hex] KEY: fixed below */
	{{"pp", "auth", "username"}, 4},          /* pp auth username USER PASS */
	{{"pp", "auth", "myname"}, 4},
	{{"l2tp", "tunnel", "auth"}, 4},          /* l2tp tunnel auth on SECRET */
	{{"auth", "user", NULL}, 4},              /* auth user ID NAME PASS */
	{{"snmp", "community", NULL}, 3},         /* snmp community read-only NAME */
	{{"snmpv2c", "community", NULL}, 3},
	{{"login", "password", NULL}, 2},         /* plain, not "encrypted" */
	/* login user NAME PASS | NAME encrypted HASH | NAME * (an export that
	 * hides it), as real exports show (shared/corpus/yamaha rtx1210 and
	 * rtx1100 files): the password in clear is the fourth word. */
	{{"login", "user", NULL}, 3},
	{{"administrator", "password", NULL}, 2},
};

/* Registers the secret of a line (tokens t), if it carries one, and
 * returns its token index (-1: none). */
static long rtx_secrets(struct rtx *r, char **t, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(rtx_secret_cmds); i++) {
		bool match = n >= 3;
		for (size_t k = 0; k < 3 && match; k++)
			match = !rtx_secret_cmds[i].w[k] || tok_is(t[k], rtx_secret_cmds[i].w[k]);
		if (!match)
			continue;
		size_t at = rtx_secret_cmds[i].at;
		if (i == 0 && n >= 6 && (tok_is(t[4], "text") || tok_is(t[4], "hex")))
			at = 5;
		if (at < n && !tok_is(t[at], "*") && !tok_is(t[at], "encrypted")) {
			const char *keep = arena_strdup(r->a, t[at]);   /* tokens are scratch */
			if (keep)
				input_add_secret(r->in, keep, strlen(keep));
			return (long)at;
		}
		return -1;
	}
	return -1;
}

/* Whether [lo, hi] lies in the private or shared address space a closed
 * network uses: 10/8, 172.16/12, 192.168/16 (RFC 1918), 100.64/10
 * (RFC 6598). */
static bool rtx_private4(uint64_t lo, uint64_t hi)
{
	static const struct {
		uint32_t base;
		unsigned plen;
	} priv[] = {{0x0a000000u, 8}, {0xac100000u, 12}, {0xc0a80000u, 16}, {0x64400000u, 10}};
	for (size_t i = 0; i < ARRAY_SIZE(priv); i++) {
		uint64_t mask = (0xffffffffu << (32 - priv[i].plen)) & 0xffffffffu;
		if ((lo & mask) == priv[i].base && (hi & mask) == priv[i].base)
			return true;
	}
	return false;
}

/* ip route DEST gateway pp N | tunnel N | ADDR …  [CR §8.1.3]: remembers,
 * for the PP or tunnel it leads to, whether it leads to public space. */
static void rtx_route_line(struct rtx *r, char **t, size_t n, unsigned line)
{
	if (tok_is(t[2], "default"))
		return;
	struct u128 ad;
	const char *d = t[2];
	const char *sl = strchr(d, '/');
	long plen = 32;
	bool parsed = addr_parse(FAM_V4, d, sl ? (size_t)(sl - d) : strlen(d), &ad) == 0 &&
		      (!sl || parse_long(sl + 1, 0, 32, &plen) == 0);
	uint64_t mask = plen ? (0xffffffffu << (32 - plen)) & 0xffffffffu : 0;
	bool priv = parsed && rtx_private4(ad.lo & mask, (ad.lo & mask) | (~mask & 0xffffffffu));
	for (size_t i = 3; i + 2 < n; i++) {
		if (!tok_is(t[i], "gateway") || !tok_is(t[i + 1], "pp"))
			continue;
		char name[24];
		snprintf(name, sizeof(name), "pp %s", t[i + 2]);
		struct rtx_if *f = rtx_if_get(r, name);
		if (!f)
			continue;
		f->nroutes++;
		f->route_public |= !priv;   /* an address not read counts as public */
		if (!f->route_line)
			f->route_line = line;
	}
}

/* Handles one logical line; returns whether it was understood. */
static bool rtx_line(struct rtx *r, const char *s, size_t n, unsigned line)
{
	char *t[RTX_MAX_TOKENS];
	struct secret_run sp[RTX_MAX_TOKENS];
	long k = rtx_tokens(r, s, n, t, sp);
	if (k <= 0)
		return k == 0;
	size_t nt = (size_t)k;
	long sec = rtx_secrets(r, t, nt);
	/* `pp auth username USERNAME PASSWORD …` [CR §11.1, "相手の名前と
	 * パスワードの設定"]: the remote-access (L2TP/PPTP/PPP) users, the
	 * password in clear; '*' as the name is a wildcard, not a name. A
	 * password equal to the name is found by trying the name. */
	if (nt >= 5 && tok_is(t[0], "pp") && tok_is(t[1], "auth") && tok_is(t[2], "username") &&
	    !tok_is(t[3], "*") &&
	    input_add_same_login(r->in, line, ACCT_VPN, "pp auth username", t[3], t[4]) < 0)
		input_diag(r->in, DIAG_ERROR, line, 0, "out of memory", "メモリが足りません");
	/* `login user NAME PASS`: a console/TELNET/SSH/web login of the
	 * router itself; a password equal to the name, likewise. */
	if (nt >= 4 && tok_is(t[0], "login") && tok_is(t[1], "user") && sec == 3 &&
	    input_add_same_login(r->in, line, ACCT_ROUTER_LOGIN, "login user", t[2], t[3]) < 0)
		input_diag(r->in, DIAG_ERROR, line, 0, "out of memory", "メモリが足りません");
	const char *h = t[0];
	/* The line as evidence, only for the commands that keep it, with the
	 * secret it carries (if any) replaced where it is quoted (issue 11
	 * §2: secrets are kept out by construction). */
	const char *raw = "";
	if (tok_is(h, "ip") || tok_is(h, "ipv6") || tok_is(h, "nat")) {
		const char *m = evidence_line_masked(&r->scratch, s, n, sec >= 0 ? &sp[sec] : NULL,
						     sec >= 0);
		raw = m ? rtx_quote(r, m, strlen(m), 200) : "";
		if (!m)   /* the input's error (sticky), not evidence left out */
			input_nomem(r->in, line);
	}

	/* Here-documents: `embedded file X <<EOF`, `macro … <<EOM`. */
	const char *last = t[nt - 1];
	if (strncmp(last, "<<", 2) == 0 && strlen(last) > 2 && strlen(last) < 32) {
		r->in_heredoc = true;
		snprintf(r->heredoc_end, sizeof(r->heredoc_end), "%s", last + 2);
		return true;
	}
	if (tok_is(h, "pp") && nt >= 3 && tok_is(t[1], "select")) {
		r->cx = CTX_PP;
		if (tok_is(t[2], "anonymous")) {
			r->cx_num = -1;
			r->anon_pp = true;
			r->anon_line = line;
		} else if (tok_is(t[2], "none")) {
			r->cx = CTX_NONE;
		} else if (parse_long(t[2], 1, 100000, &r->cx_num)) {
			r->cx = CTX_NONE;
			return false;
		}
		return true;
	}
	if (tok_is(h, "tunnel") && nt >= 3 && tok_is(t[1], "select")) {
		r->cx = CTX_TUNNEL;
		if (tok_is(t[2], "none"))
			r->cx = CTX_NONE;
		else if (parse_long(t[2], 1, 100000, &r->cx_num)) {
			r->cx = CTX_NONE;
			return false;
		}
		return true;
	}
	if (tok_is(h, "pppoe") && nt >= 3 && tok_is(t[1], "use") && r->cx == CTX_PP) {
		struct rtx_if *f = rtx_ctx_if(r);
		if (f) {
			f->pppoe_lan = arena_strdup(r->a, t[2]);
			f->pppoe_line = line;
		}
		return true;
	}
	if (tok_is(h, "pp") && nt >= 3 && tok_is(t[1], "bind") && r->cx == CTX_PP &&
	    r->cx_num < 0 && tok_prefix(t[2], "tunnel"))
		r->anon_bound_tunnel = true;
	if (tok_is(h, "tunnel") && nt >= 3 && tok_is(t[1], "encapsulation") &&
	    r->cx == CTX_TUNNEL) {
		struct rtx_if *f = rtx_ctx_if(r);
		if (f) {
			f->encap = arena_strdup(r->a, t[2]);
			f->encap_line = line;
		}
		return true;
	}
	if ((tok_is(h, "ip") || tok_is(h, "ipv6")) && nt >= 3 && tok_is(t[1], "filter")) {
		bool v6 = tok_is(h, "ipv6");
		if (tok_is(t[2], "set"))
			return rtx_set_line(r, v6, t, nt, line);
		if (tok_is(t[2], "dynamic") || tok_is(t[2], "source-route") ||
		    tok_is(t[2], "directed-broadcast"))
			return true;   /* replies only, router options */
		return rtx_filter_line(r, v6, t, nt, line);
	}
	if (tok_is(h, "ip") && nt >= 4 && tok_is(t[1], "route") && tok_is(t[2], "default")) {
		/* ip route default gateway X [filter …] [gateway Y …] */
		r->ngw = 0;
		r->gw_line = line;
		for (size_t i = 3; i + 1 < nt; i++) {
			if (!tok_is(t[i], "gateway"))
				continue;
			const char *g = t[i + 1];
			const char **ng = input_grow(r->in, r->gw, &r->capgw, r->ngw, sizeof(*ng));
			if (!ng)
				break;
			r->gw = ng;
			if ((tok_is(g, "pp") || tok_is(g, "tunnel") || tok_is(g, "dhcp")) && i + 2 < nt)
				g = arena_printf(r->a, "%s %s", g, t[i + 2]);
			else
				g = arena_strdup(r->a, g);
			if (!g) {
				input_nomem(r->in, line);
				break;
			}
			r->gw[r->ngw++] = g;
		}
		return true;
	}
	if (tok_is(h, "ip") && nt >= 5 && tok_is(t[1], "route")) {
		rtx_route_line(r, t, nt, line);
		return true;
	}
	if (tok_is(h, "ppp") && nt >= 4 && tok_is(t[1], "ipcp") && tok_is(t[2], "ipaddress") &&
	    r->cx == CTX_PP) {
		struct rtx_if *f = rtx_ctx_if(r);
		if (f)
			f->ipcp_addr = tok_is(t[3], "on");
		return true;
	}
	if ((tok_is(h, "ip") || tok_is(h, "ipv6")) && nt >= 3 &&
	    (tok_is(t[1], "pp") || tok_is(t[1], "tunnel") || is_phys_if(t[1])))
		return rtx_ip_if_line(r, tok_is(h, "ipv6"), t, nt, line, raw);
	if (tok_is(h, "ipv6") && nt >= 3 && tok_is(t[1], "prefix")) {
		/* ipv6 prefix N ra-prefix@lan2::/64 | dhcp-prefix@lan2::/64 */
		const char *at = strchr(t[3 < nt ? 3 : 2], '@');
		if (at) {
			char ifn[16];
			size_t l = strcspn(at + 1, ":/");
			if (l > 0 && l < sizeof(ifn)) {
				memcpy(ifn, at + 1, l);
				ifn[l] = '\0';
				struct rtx_if *f = is_phys_if(ifn) ? rtx_if_get(r, ifn) : NULL;
				if (f && !f->v6wan) {
					f->v6wan = true;
					f->v6how = "IPv6 prefix delegated by the ISP";
					f->v6how_ja = "ISP から委任された IPv6 プレフィックス";
					f->v6line = line;
				}
			}
		}
		return true;
	}
	if (tok_is(h, "ngn") && nt >= 3 && tok_is(t[1], "type")) {
		struct rtx_if *f = is_phys_if(t[2]) ? rtx_if_get(r, t[2]) : NULL;
		if (f && !f->v6wan) {
			f->v6wan = true;
			f->v6how = "NTT NGN (IPoE) line";
			f->v6how_ja = "NTT NGN（IPoE）回線";
			f->v6line = line;
		}
		return true;
	}
	if (tok_is(h, "nat") && nt >= 2 && tok_is(t[1], "descriptor"))
		return rtx_nat_line(r, t, nt, line, raw);
	if (tok_is(h, "telnetd"))
		return rtx_svc_line(r, &r->telnetd, t, nt, line);
	if (tok_is(h, "httpd"))
		return rtx_svc_line(r, &r->httpd, t, nt, line);
	if (tok_is(h, "sshd"))
		return rtx_svc_line(r, &r->sshd, t, nt, line);
	if (tok_is(h, "sftpd"))
		return rtx_svc_line(r, &r->sftpd, t, nt, line);
	if (tok_is(h, "tftp") && nt >= 3 && tok_is(t[1], "host")) {
		rtx_svc_host(r, &r->tftp, t, nt, 2, line);
		return true;
	}
	if (tok_is(h, "dns") && nt >= 3 && tok_is(t[1], "host")) {
		rtx_svc_host(r, &r->dns, t, nt, 2, line);
		return true;
	}
	if ((tok_is(h, "snmp") || tok_is(h, "snmpv2c") || tok_is(h, "snmpv1")) && nt >= 3) {
		if (tok_is(t[1], "community")) {
			r->snmp.service = 1;
			if (!r->snmp.service_line)
				r->snmp.service_line = line;
		} else if (tok_is(t[1], "host")) {
			rtx_svc_host(r, &r->snmp, t, nt, 2, line);
		}
		return true;
	}
	if (tok_is(h, "l2tp") && nt >= 3 && tok_is(t[1], "service")) {
		r->l2tp_on = tok_is(t[2], "on");
		r->l2tp_line = line;
		return true;
	}
	if (tok_is(h, "pptp") && nt >= 3 && tok_is(t[1], "service")) {
		r->pptp_on = tok_is(t[2], "on");
		r->pptp_line = line;
		return true;
	}
	if (tok_is(h, "ipsec") && nt >= 2) {
		if (!r->ipsec && (tok_is(t[1], "ike") || tok_is(t[1], "tunnel") ||
				  tok_is(t[1], "transport") || tok_is(t[1], "sa"))) {
			r->ipsec = true;
			r->ipsec_line = line;
		}
		if (nt >= 4 && tok_is(t[1], "ike")) {
			if (tok_is(t[2], "nat-traversal") && nt >= 5 && tok_is(t[4], "on"))
				r->natt = true;
			if (tok_is(t[2], "remote") && nt >= 5 && tok_is(t[3], "address") &&
			    tok_is(t[nt - 1], "any") && !r->ike_any) {
				r->ike_any = true;
				r->ike_any_line = line;
			}
			if (tok_is(t[2], "mode-cfg") && !r->mode_cfg) {
				r->mode_cfg = true;
				r->mode_cfg_line = line;
			}
			if (tok_is(t[2], "xauth"))
				r->xauth = true;
			if (tok_is(t[2], "version") && nt >= 5 && tok_is(t[4], "2"))
				r->ikev2 = true;
		}
		return true;
	}
	return rtx_known_head(h);
}

/* ---- after the last line: the model --------------------------------------------- */

static struct rtx_if *rtx_if_find(struct rtx *r, const char *name)
{
	for (size_t i = 0; i < r->nifs; i++)
		if (strcmp(r->ifs[i]->name, name) == 0)
			return r->ifs[i];
	return NULL;
}

/* Marks the internet-facing interfaces [research §6]. */
static void rtx_find_wans(struct rtx *r)
{
	for (size_t g = 0; g < r->ngw; g++) {
		const char *gw = r->gw[g];
		struct rtx_if *f = NULL;
		if (strncmp(gw, "dhcp ", 5) == 0)
			f = rtx_if_get(r, gw + 5);
		else if (strncmp(gw, "pp ", 3) == 0 || strncmp(gw, "tunnel ", 7) == 0)
			f = rtx_if_get(r, gw);
		else {
			struct u128 ad;
			if (addr_parse(FAM_V4, gw, strlen(gw), &ad) == 0) {
				for (size_t i = 0; i < r->nifs && !f; i++) {
					struct rtx_if *c = r->ifs[i];
					if (!c->has_addr4 || c->plen4 == 0)
						continue;
					uint64_t mask = c->plen4 >= 32 ? 0xffffffffu
						: (0xffffffffu << (32 - c->plen4)) & 0xffffffffu;
					if ((c->addr4.lo & mask) == (ad.lo & mask))
						f = c;
				}
			}
		}
		if (f && !f->wan4) {
			f->wan4 = true;
			f->wan4how = "default route";
			f->wan4how_ja = "デフォルト経路";
			f->wan4line = r->gw_line;
		}
	}
	for (size_t i = 0; i < r->nifs; i++) {
		struct rtx_if *f = r->ifs[i];
		if (f->is_pp && f->pppoe_lan && !f->wan4) {
			f->wan4 = true;
			f->wan4how = f->wan4how_ja = "PPPoE";
			f->wan4line = f->pppoe_line;
			/* A PPPoE session to a closed network (NTT フレッツ・VPN
			 * ワイド and similar closed-area services) gives the router a
			 * fixed private /32 (`ip pp address`, not `ppp ipcp ipaddress
			 * on`), and only routes to the other sites' private networks
			 * lead to it; no default route does (checked above: a default
			 * route makes it internet-facing first). Its peers are the
			 * organisation's own sites, not the internet [research §6;
			 * the idiom seen in real NVR510/RTX1210 configs that are not
			 * kept for privacy]. */
			if (f->has_addr4 && f->plen4 == 32 && rtx_private4(f->addr4.lo, f->addr4.lo) &&
			    !f->ipcp_addr && !f->route_public) {
				f->closed = true;
				f->wan4how = "PPPoE to a closed network (a fixed private /32 address, no "
					     "default route, routes to private networks only)";
				f->wan4how_ja = "閉域網への PPPoE（固定のプライベート /32 アドレス、"
						"デフォルト経路なし、経路はプライベートのネットワーク宛てだけ）";
				f->wan4line = f->addr_line;
			}
		}
		if (f->is_tunnel && f->encap && !f->wan4 &&
		    (strcmp(f->encap, "map-e") == 0 || strcmp(f->encap, "ipip") == 0 ||
		     strcmp(f->encap, "hb46pp") == 0)) {
			f->wan4 = true;
			f->wan4how = "IPv4-over-IPv6 tunnel to the ISP";
			f->wan4how_ja = "ISP への IPv4 over IPv6 トンネル";
			f->wan4line = f->encap_line;
		}
	}
}

/* Resolves a list's filter numbers into rules. */
static void rtx_build_list(struct rtx *r, const struct rtx_list *l, bool v6, struct flist *out)
{
	memset(out, 0, sizeof(*out));
	if (!l->present)
		return;
	if (l->set_name) {
		const struct rtx_set *s = NULL;
		for (size_t i = 0; i < r->nsets; i++)
			if (r->sets[i].v6 == v6 && strcmp(r->sets[i].name, l->set_name) == 0)
				s = &r->sets[i];
		if (!s) {
			/* An undefined set filters nothing [research §4]. */
			input_diag(r->in, DIAG_NOTE, l->line, 1,
				   "filter set '%s' is not defined, so this interface is not filtered",
				   "フィルタセット '%s' が定義されていないため、このインターフェースはフィルタされません",
				   rtx_quote(r, l->set_name, strlen(l->set_name), 40));
			return;
		}
		struct rtx_list *rl = arena_alloc(r->a, sizeof(*rl));
		if (!rl)
			return;
		*rl = *l;
		memcpy(rl->nums, s->nums, s->n * sizeof(long));
		rl->n = s->n;
		rl->set_name = NULL;
		l = rl;
	}
	out->present = true;
	out->line = l->line;
	out->text = l->text;
	out->dflt = FA_DENY;   /* [CR §8.1.25]: no match -> discarded */
	out->rules = arena_alloc(r->a, (l->n + 1) * sizeof(*out->rules));
	if (!out->rules) {
		out->unreadable = true;
		out->unreadable_line = l->line;
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		if (l->nums[i] < 0) {
			out->unreadable = true;
			out->unreadable_line = l->line;
			out->unreadable_kind = "list-item";
			out->unreadable_value = l->bad;
			continue;
		}
		struct rtx_filter *f = rtx_filter_find(r, v6, l->nums[i]);
		if (!f) {
			out->has_undefined = true;   /* matches nothing [research §4] */
			continue;
		}
		f->used = true;
		if (!f->ok) {
			if (!out->unreadable) {   /* the first one is named */
				out->unreadable_line = f->rule.line;
				out->unreadable_rule = f->rule.name;
				out->unreadable_kind = f->bad_kind;
				out->unreadable_value = f->bad;
			}
			out->unreadable = true;
			continue;
		}
		if (f->tmpl && !out->tmpl)
			out->tmpl = arena_alloc(r->a, (l->n + 1) * sizeof(*out->tmpl));
		if (out->tmpl)   /* zeroed: earlier rules are not template lines */
			out->tmpl[out->n] = f->tmpl;
		out->rules[out->n++] = f->rule;
	}
}

/* A host list (`telnetd host …`) as a source set; def is the initial
 * value's words when the line is absent. */
static void rtx_host_set(struct rtx *r, const struct rtx_svc_conf *c, const char *def,
			 enum fam fam, struct aset *out)
{
	struct device *d = &r->in->dev;
	const char *const *h = c->host;
	size_t n = c->nhost;
	const char *dl[1] = {def};
	if (!h) {
		h = dl;
		n = 1;
	}
	aset_empty(fam, out);
	for (size_t i = 0; i < n; i++) {
		struct aset one, u;
		const char *w = h[i];
		if (strcmp(w, "none") == 0)
			continue;
		if (strcmp(w, "any") == 0) {
			aset_all(r->a, fam, &one);
		} else if (strcmp(w, "lan") == 0 || strncmp(w, "bridge", 6) == 0 ||
			   strncmp(w, "vlan", 4) == 0) {
			one = fam == FAM_V4 ? d->lan4 : d->lan6;
		} else if (is_phys_if(w)) {
			const struct rtx_if *f = rtx_if_find(r, w);
			if (fam == FAM_V6) {
				one = d->lan6;
			} else if (f && f->has_addr4 && !f->dhcp4) {
				if (aset_prefix(r->a, FAM_V4, f->addr4, f->plen4, &one))
					continue;
			} else if (f && (f->dhcp4 || f->wan4)) {
				/* The ISP-side subnet of a WAN port is not known: it may
				 * hold any number of strangers, so count it as any. */
				aset_all(r->a, fam, &one);
			} else {
				continue;
			}
		} else if (rtx_addr(r, fam, w, &one)) {
			continue;   /* an address of the other family */
		}
		if (aset_union(r->a, out, &one, &u) == 0)
			*out = u;
	}
}

static void rtx_add_svc(struct rtx *r, struct box_service *s, size_t *n, const char *name,
			enum svc_class cls, uint32_t proto, uint32_t port, bool enabled,
			unsigned line, const char *why, const struct rtx_svc_conf *c,
			const char *host_default)
{
	struct box_service *v = &s[(*n)++];
	memset(v, 0, sizeof(*v));
	v->name = name;
	v->cls = cls;
	v->proto = proto;
	v->port = port;
	v->enabled = enabled;
	v->line = line;
	v->why = why;
	if (c) {
		rtx_host_set(r, c, host_default, FAM_V4, &v->allow4);
		rtx_host_set(r, c, host_default, FAM_V6, &v->allow6);
		v->host_line = c->host_line;
	} else {
		aset_all(r->a, FAM_V4, &v->allow4);
		aset_all(r->a, FAM_V6, &v->allow6);
	}
}

/* The router's own listeners, with YAMAHA's initial values where the
 * config is silent [CR §4.38-4.40, §4.54, §4.65-4.67, §4.78, §33.1-33.2]. */
static void rtx_services(struct rtx *r)
{
	struct device *d = &r->in->dev;
	struct box_service *s = arena_alloc(r->a, 16 * sizeof(*s));
	size_t n = 0;
	if (!s)
		return;
	long tport = r->telnetd.port > 0 ? r->telnetd.port : 23;
	bool tel = r->telnetd.service != 0;   /* initial: on */
	rtx_add_svc(r, s, &n, "telnet", SVC_MANAGEMENT, PROTO_TCP, (uint32_t)tport, tel,
		    r->telnetd.service_line,
		    r->telnetd.host ? "telnetd host" : "telnetd host any (initial value)",
		    &r->telnetd, "any");
	/* The command's initial value (no line sets it), in both languages. */
	if (!r->telnetd.host && n)
		s[n - 1].why_ja = "telnetd host any（初期値）";
	bool http = r->httpd.service != 0;    /* initial: on, host lan */
	long hport = r->httpd.port > 0 ? r->httpd.port : 80;   /* httpd listen [CR §33.4] */
	rtx_add_svc(r, s, &n, "http", SVC_MANAGEMENT, PROTO_TCP, (uint32_t)hport, http,
		    r->httpd.service_line,
		    r->httpd.host ? "httpd host" : "httpd host lan (initial value)", &r->httpd, "lan");
	if (!r->httpd.host && n)
		s[n - 1].why_ja = "httpd host lan（初期値）";
	bool ssh = r->sshd.service == 1;      /* initial: off, host any */
	long sport = r->sshd.port > 0 ? r->sshd.port : 22;
	rtx_add_svc(r, s, &n, "ssh", SVC_MANAGEMENT, PROTO_TCP, (uint32_t)sport, ssh,
		    r->sshd.service_line, "sshd service on", &r->sshd, "any");
	/* sftpd: initial host none; it also needs sshd to accept the host. */
	if (ssh && r->sftpd.host)
		rtx_add_svc(r, s, &n, "sftp", SVC_MANAGEMENT, PROTO_TCP, (uint32_t)sport, true,
			    r->sftpd.host_line, "sftpd host", &r->sftpd, "none");
	if (r->tftp.host)   /* initial: none */
		rtx_add_svc(r, s, &n, "tftp", SVC_MANAGEMENT, PROTO_UDP, 69, true,
			    r->tftp.host_line, "tftp host", &r->tftp, "none");
	if (r->snmp.service == 1)   /* `snmp host`: initial value none [CR §21.1] */
		rtx_add_svc(r, s, &n, "snmp", SVC_MANAGEMENT, PROTO_UDP, 161, true,
			    r->snmp.service_line, "snmp community", &r->snmp, "none");
	if (r->dns.host)
		rtx_add_svc(r, s, &n, "dns", SVC_OTHER, PROTO_UDP, 53, true, r->dns.host_line,
			    "dns host", &r->dns, "lan");
	if (r->ipsec) {
		rtx_add_svc(r, s, &n, "ike", SVC_VPN, PROTO_UDP, 500, true, r->ipsec_line, "ipsec",
			    NULL, NULL);
		rtx_add_svc(r, s, &n, "esp", SVC_VPN, PROTO_ESP, 0, true, r->ipsec_line, "ipsec",
			    NULL, NULL);
		if (r->natt)
			rtx_add_svc(r, s, &n, "ipsec-nat-t", SVC_VPN, PROTO_UDP, 4500, true,
				    r->ipsec_line, "ipsec ike nat-traversal", NULL, NULL);
	}
	if (r->l2tp_on)
		rtx_add_svc(r, s, &n, "l2tp", SVC_VPN, PROTO_UDP, 1701, true, r->l2tp_line,
			    "l2tp service on", NULL, NULL);
	if (r->pptp_on)
		rtx_add_svc(r, s, &n, "pptp", SVC_VPN, PROTO_TCP, 1723, true, r->pptp_line,
			    "pptp service on", NULL, NULL);
	d->svcs = s;
	d->nsvcs = n;
}

static void rtx_model(struct rtx *r)
{
	struct input *in = r->in;
	struct device *d = &in->dev;
	rtx_find_wans(r);
	/* Inside networks and the router's own inside addresses. */
	aset_empty(FAM_V4, &d->lan4);
	aset_empty(FAM_V4, &d->box4);
	struct u128 v6lan;
	addr_parse(FAM_V6, "2001:db8:ffff::", 15, &v6lan);
	aset_prefix(r->a, FAM_V6, v6lan, 48, &d->lan6);
	for (size_t i = 0; i < r->nifs; i++) {
		struct rtx_if *f = r->ifs[i];
		if (!f->has_addr4 || f->wan4 || f->is_pp || f->is_tunnel)
			continue;
		struct aset p, u;
		if (aset_prefix(r->a, FAM_V4, f->addr4, f->plen4, &p) == 0 &&
		    aset_union(r->a, &d->lan4, &p, &u) == 0)
			d->lan4 = u;
		if (aset_range(r->a, FAM_V4, f->addr4, f->addr4, &p) == 0 &&
		    aset_union(r->a, &d->box4, &p, &u) == 0)
			d->box4 = u;
	}
	rtx_services(r);
	/* Internet-facing interfaces, in the order they appear. */
	struct wan_if **tail = &d->wans;
	for (size_t i = 0; i < r->nifs; i++) {
		struct rtx_if *f = r->ifs[i];
		if (!f->wan4 && !f->v6wan)
			continue;
		/* An IPIP tunnel without NAT of its own is DS-Lite: the provider's
		 * AFTR translates, and no IPv4 connection from the internet can
		 * be addressed to the router or the private inside. */
		if (f->wan4 && f->is_tunnel && f->encap && strcmp(f->encap, "ipip") == 0 &&
		    f->nnat == 0)
			f->wan4 = false;
		if (!f->wan4 && !f->v6wan)
			continue;
		struct wan_if *w = arena_alloc(r->a, sizeof(*w));
		if (!w)
			return;
		w->name = f->name;
		w->closed = f->closed;
		w->v4 = f->wan4;
		w->v6 = f->v6wan;
		w->how = f->wan4 ? f->wan4how : f->v6how;
		w->how_ja = f->wan4 ? f->wan4how_ja : f->v6how_ja;
		w->line = f->wan4 ? f->wan4line : f->v6line;
		w->addr4 = f->has_addr4 && !f->dhcp4 ? f->addr4 : BOX_UNKNOWN_ADDR4;
		rtx_build_list(r, &f->in4, false, &w->in4);
		rtx_build_list(r, &f->in6, true, &w->in6);
		size_t nfw = 0;
		for (size_t k = 0; k < f->nnat; k++)
			for (size_t j = 0; j < r->nnats; j++)
				if (r->nats[j].id == f->nat[k]) {
					if (r->nats[j].type != 0)
						w->nat4 = true;
					nfw += r->nats[j].nfw;
					if (r->nats[j].incoming == 1) {
						w->nat_through = true;
						w->nat_through_line = r->nats[j].incoming_line;
					}
				}
		w->fwds = arena_alloc(r->a, (nfw + 1) * sizeof(*w->fwds));
		for (size_t k = 0; w->fwds && k < f->nnat; k++)
			for (size_t j = 0; j < r->nnats; j++)
				if (r->nats[j].id == f->nat[k])
					for (size_t q = 0; q < r->nats[j].nfw; q++) {
						struct nat_forward fw = r->nats[j].fw[q];
						struct aset one, x;
						aset_range(r->a, FAM_V4, fw.inner, fw.inner, &one);
						fw.to_box = aset_intersect(r->a, &one, &d->box4, &x) == 0 &&
							    !aset_is_empty(&x);
						w->fwds[w->nfwds++] = fw;
					}
		*tail = w;
		tail = &w->next;
		d->nwans++;
	}
	/* VPN for teleworkers [research §9]. */
	if (r->l2tp_on && r->anon_pp) {
		d->vpn_remote_access = true;
		d->vpn_how = "L2TP/IPsec for remote clients (l2tp service on, pp select anonymous)";
		d->vpn_how_ja = "リモートの端末向けの L2TP/IPsec（l2tp service on、pp select anonymous）";
		d->vpn_line = r->anon_line;
	} else if (r->ike_any && (r->mode_cfg || r->xauth)) {
		d->vpn_remote_access = true;
		d->vpn_how = "IPsec/IKE remote access (remote address any with mode-cfg or XAUTH)";
		d->vpn_how_ja = "IPsec/IKE のリモートアクセス（remote address any と mode-cfg または "
				"XAUTH）";
		d->vpn_line = r->ike_any_line;
	} else if (r->ikev2 && r->mode_cfg) {
		d->vpn_remote_access = true;
		d->vpn_how = "IKEv2 remote access (mode-cfg address pool)";
		d->vpn_how_ja = "IKEv2 のリモートアクセス（mode-cfg のアドレスプール）";
		d->vpn_line = r->mode_cfg_line;
	} else if (r->pptp_on) {
		d->vpn_remote_access = true;
		d->vpn_how = d->vpn_how_ja = "PPTP (pptp service on)";
		d->vpn_line = r->pptp_line;
	}
	d->pptp = r->pptp_on;
	d->pptp_line = r->pptp_line;
}

/* ---- console wraps ------------------------------------------------------------ */

/* Whether a line can be the rest of a command the console wrapped: it
 * cannot start a command. Commands start with a lower-case word that
 * some command starts with; a wrap leaves the rest of a number ("011
 * 3020"), of a list ("*,445"), of a word ("ess=…", "cp * 445") at the
 * start of the next line. Blank lines, comments and bytes outside ASCII
 * (Japanese prose in pasted notes) are never continuations. A line of
 * exactly 80 columns followed by an unknown command word is joined too:
 * the joined line is then not understood, and the note says so. */
static bool rtx_continues(const char *s, size_t n)
{
	while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	/* A wrap just before a blank leaves it first: " * www"; an indented
	 * command (" ip pp mtu 1454") still starts with a command word. */
	while (n && (s[0] == ' ' || s[0] == '\t')) {
		s++;
		n--;
	}
	if (n == 0 || s[0] == '#' || (unsigned char)s[0] >= 0x80 || (unsigned char)s[0] < 0x21)
		return false;
	size_t k = 0;
	while (k < n && s[k] != ' ' && s[k] != '\t')
		k++;
	for (size_t i = 0; i < k; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return true;   /* "ess=…", "*,445", "1.2/24" */
	}
	if (!(s[0] >= 'a' && s[0] <= 'z'))
		return true;           /* "011 3020", "6 200027" */
	return !rtx_known_head_word(s, n);
}

/* When the line [s, s+n) is exactly as wide as the console and the lines
 * after it continue it (rtx_continues), returns them joined (arena text,
 * *jn bytes), advances *p past them and sets *extra to their number.
 * Console captures wrap long commands at 80 columns, sometimes inside a
 * number [research §2.1]; reading the pieces apart would misread both.
 * Returns NULL when there is nothing to join. */
static const char *rtx_wrapped(struct rtx *r, const char *s, size_t n, const char **p,
			       const char *end, size_t *jn, unsigned *extra)
{
	*extra = 0;
	size_t w = n;
	if (w && s[w - 1] == '\r')
		w--;
	if (!RTX_FULL_WIDTH(w) || memchr(s, '#', w) == s)
		return NULL;
	/* A here-document opener ends in "<<EOF": what follows is its body. */
	size_t lt = w;
	while (lt && s[lt - 1] == ' ')
		lt--;
	while (lt && s[lt - 1] != ' ' && s[lt - 1] != '\t')
		lt--;
	if (w - lt >= 2 && s[lt] == '<' && s[lt + 1] == '<')
		return NULL;
	struct strbuf sb;
	sb_init(&sb, RTX_MAX_LINE);
	if (sb_add(&sb, s, w)) {
		sb_free(&sb);
		return NULL;
	}
	const char *q = *p;
	while (q < end) {
		const char *e = memchr(q, '\n', (size_t)(end - q));
		if (!e)
			e = end;
		size_t m = (size_t)(e - q);
		if (!rtx_continues(q, m))
			break;
		size_t mw = m && q[m - 1] == '\r' ? m - 1 : m;
		if (sb_add(&sb, q, mw))
			break;   /* past a command's length: the rest is read as its own line */
		(*extra)++;
		q = e + 1;
		if (!RTX_FULL_WIDTH(mw))
			break;
	}
	const char *out = NULL;
	if (*extra) {
		out = arena_strndup(r->a, sb_str(&sb), sb.len);
		*jn = sb.len;
		*p = q;
	}
	sb_free(&sb);
	if (!out)
		*extra = 0;
	return out;
}

/* ---- the parser entry ------------------------------------------------------------ */

static int rtx_parse(struct input *in, const struct run_ctx *ctx)
{
	struct rtx *r = arena_alloc(&in->arena, sizeof(*r));
	if (!r) {
		input_fail(in, "out of memory", "メモリが足りません");
		return EL_ENOMEM;
	}
	r->in = in;
	r->ctx = ctx;
	r->a = &in->arena;
	r->telnetd.service = r->httpd.service = r->sshd.service = -1;
	r->sftpd.service = r->tftp.service = r->snmp.service = r->dns.service = -1;
	r->telnetd.port = r->httpd.port = r->sshd.port = -1;
	in->has_coverage = true;
	/* Encrypted or binary exports are not configs. */
	if (parse_binary(in, "this file holds binary data (an encrypted config export?); "
			     "export it as text with `show config` or TFTP",
			 "このファイルはバイナリデータです（暗号化して書き出した設定でしょうか）。"
			 "`show config` か TFTP でテキストとして書き出してください"))
		return EL_EPARSE;
	const char *p = in->data, *end = in->data + in->len;
	unsigned line = 0;
	size_t prev_comment_len = 0;
	/* Console captures start with boot banners and echoes: everything
	 * before the first "# MODEL Rev." header is not config. */
	unsigned header_at = 0;
	{
		size_t pos = 0, len;
		const char *ls;
		unsigned ln = 0;
		while (probe_line(in->data, in->len, &pos, &ls, &len)) {
			ln++;
			if (len && ls[0] == '#' && rtx_header_line(ls, len)) {
				header_at = ln;
				break;
			}
		}
	}
	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		size_t n = (size_t)(e - p);
		line++;
		const char *s = p;
		p = e + 1;
		/* A command the console wrapped at its width: join the lines
		 * that continue it before reading it (rtx_wrapped). */
		unsigned extra = 0;
		if (!r->in_heredoc && line >= header_at) {
			size_t jn;
			const char *j = rtx_wrapped(r, s, n, &p, end, &jn, &extra);
			if (j) {
				s = j;
				n = jn;
			}
		}
		unsigned first = line;
		line += extra;
		while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		size_t lead = 0;
		while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
			lead++;
		if (r->in_heredoc) {
			if (n - lead == strlen(r->heredoc_end) &&
			    memcmp(s + lead, r->heredoc_end, n - lead) == 0)
				r->in_heredoc = false;
			continue;
		}
		if (n == lead)
			continue;
		if (line < header_at) {
			/* A boot banner line may still name the model. */
			if (memmem(s, n, " Rev.", 5))
				rtx_header(r, s + lead, n - lead, line);
			continue;
		}
		if (s[lead] == '#') {
			rtx_header(r, s + lead, n - lead, first);
			/* "# main: …" lines are wrapped at 80 columns even when
			 * masking later shortened them. */
			prev_comment_len = memmem(s, n, "# main:", 7) ? 80 : n;
			continue;
		}
		/* The rest of a comment wrapped at 80 columns ("# main: …"). */
		if (prev_comment_len >= 78 && !rtx_known_head_word(s + lead, n - lead)) {
			prev_comment_len = 0;
			continue;
		}
		prev_comment_len = 0;
		/* A bare prompt: "YAMAHA-SUDOU#", "(RTX1210) >". */
		if ((s[n - 1] == '#' || s[n - 1] == '>') &&
		    (!memchr(s + lead, ' ', n - lead - 1) ||
		     (s[lead] == '(' && memchr(s + lead, ')', n - lead))))
			continue;
		in->lines_total += 1 + extra;
		if (extra)
			input_diag(in, DIAG_NOTE, first, 1,
				   "lines %u-%u are one command that the console wrapped at %d columns; "
				   "they were joined and read as one line",
				   "%u〜%u 行目はコンソールが %d 桁で折り返した 1 つのコマンドのため、"
				   "つなげて 1 行として読みました",
				   first, line, RTX_WRAP_COLS);
		if (n > RTX_MAX_LINE) {
			input_unknown(in, first,
				      "line of %zu bytes is longer than a YAMAHA command can be (%d); skipped",
				      "%zu バイトの行は YAMAHA のコマンドの上限（%d）を超えるため読み飛ばしました",
				      n, RTX_MAX_LINE);
			continue;
		}
		/* Console echoes and boot banners: "(RTX1210) > show config",
		 * "YAMAHA-SUDOU# show config", "RTX1500 Rev.8.03.90 (…)". */
		const char *gt = memchr(s, '>', n);
		const char *hs = memchr(s, '#', n);
		if ((gt && (size_t)(gt - s) + 1 < n && memmem(gt, (size_t)(s + n - gt), "show", 4)) ||
		    (hs && memmem(hs, (size_t)(s + n - hs), "show config", 11)) ||
		    memmem(s, n, " Rev.", 5) || memmem(s, n, "Starting with", 13)) {
			if (memmem(s, n, " Rev.", 5))
				rtx_header(r, s + lead, n - lead, first);
			in->lines_understood += 1 + extra;
			continue;
		}
		bool ok = rtx_line(r, s + lead, n - lead, first);
		if (ok) {
			in->lines_understood += 1 + extra;
		} else {
			/* Named by the words that were not understood: the first,
			 * or the first two of a command edgelint knows. */
			const char *what = "";
			const char *w = s + lead, *we = s + n;
			size_t k = strcspn(w, " \t");
			if (k > (size_t)(we - w))
				k = (size_t)(we - w);
			char head[32];
			snprintf(head, sizeof(head), "%.*s", (int)(k < 31 ? k : 31), w);
			if (rtx_known_head(head) && k < (size_t)(we - w)) {
				size_t k2 = k;
				while (k2 < (size_t)(we - w) && (w[k2] == ' ' || w[k2] == '\t'))
					k2++;
				k = k2 + strcspn(w + k2, " \t");
				if (k > (size_t)(we - w))
					k = (size_t)(we - w);
			}
			if (input_unknown_listed(in))
				what = rtx_quote(r, w, k, 40);
			input_unknown(in, first, "this '%s' line is not understood; no check uses it",
				      "この '%s' の行は解釈できないため、どの判定にも使っていません", what);
		}
		arena_reset(&r->scratch);
	}
	arena_free(&r->scratch);
	if (in->lines_total == 0 && !r->saw_header) {
		input_fail(in, "no YAMAHA configuration lines found", "YAMAHA の設定行が見つかりません");
		return EL_EPARSE;
	}
	input_unknown_end(in);
	/* Filters defined but unreadable in a way that matters are reported
	 * by the checks through the lists that use them. */
	rtx_model(r);
	if (!r->saw_header)
		in->has_device = true;   /* settings are known; identity is not */
	return 0;
}

/* "# RTX830 Rev.15.02.30 (…)" or "RTX1500 Rev.8.03.90 (…)" */
static bool rtx_header_line(const char *ls, size_t len)
{
	size_t i = 0;
	while (i < len && (ls[i] == '#' || ls[i] == ' ' || ls[i] == '\t'))
		i++;
	if (len - i < 3)
		return false;
	bool family = (memcmp(ls + i, "RTX", 3) == 0 || memcmp(ls + i, "NVR", 3) == 0 ||
		       memcmp(ls + i, "RT", 2) == 0 || memcmp(ls + i, "FWX", 3) == 0 ||
		       memcmp(ls + i, "vRX", 3) == 0 || memcmp(ls + i, "SRT", 3) == 0);
	if (!family)
		return false;
	while (i < len && ls[i] != ' ')
		i++;
	return len - i >= 5 && memcmp(ls + i, " Rev.", 5) == 0;
}

static int rtx_probe(const char *head, size_t n)
{
	static const struct probe_start starts[] = {
		{"ip filter ", false}, {"pp select ", false}, {"ip lan1 address ", false},
		{"ip lan2 address ", false}, {"ipv6 filter ", false}, {"nat descriptor ", false},
		{"tunnel select ", false},
	};
	int hits = probe_count(head, n, rtx_header_line, starts, ARRAY_SIZE(starts));
	if (hits < 0)
		return 90;
	return hits >= 2 ? 70 : hits ? 40 : 0;
}

const struct parser parser_yamaha_rtx = {
	.kind = {
		.name = "yamaha-rtx",
		.label = "YAMAHA RTX/NVR",
		.label_ja = "YAMAHA RTX/NVR",
		.feeds = {[ITEM_3_2] = true, [ITEM_5_4] = true},
		.fix = rtx_fix_build,
		.fix_comment = "#",
	},
	.probe = rtx_probe,
	.parse = rtx_parse,
	.max_bytes = 64u << 20,
	.expect = "YAMAHA RTX/NVR",
	.expect_ja = "YAMAHA RTX/NVR",
	.what = "config",
	.what_ja = "設定",
};
