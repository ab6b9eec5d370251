/*
 * cisco_asa.c — Cisco ASA running-config (kind "cisco-asa"): `show
 * running-config` and saved or Oxidized backups (": Saved", ": Hardware:",
 * "ASA Version 9.12(4)67 ", "! " preambles, no indentation, ": end").
 *
 * It translates the config into the vendor-neutral model; the reachability
 * itself is the shared filter analysis (src/filter.c). ASA semantics it
 * encodes, from Cisco's configuration guides (research/asa.md §4):
 *  - the internet-facing interface is `nameif outside`, else the one with
 *    the default route, else security-level 0;
 *  - through-the-box traffic: the interface's inbound ACL, then the global
 *    ACL, then an implicit deny; with no ACL at all, traffic goes only from
 *    a higher to a lower security level, and between equal levels only
 *    with `same-security-traffic permit inter-interface` (off by default);
 *  - an access-group naming an ACL the file does not hold, a policy
 *    static, or an ACE or static that cannot be read leaves 3-2 unknown;
 *  - ACLs match real (untranslated) addresses (8.3 and later), so a host is
 *    exposed when a static NAT maps it to the outside AND the ACLs permit
 *    it; dynamic PAT exposes nothing;
 *  - before 8.3 (`static (real,mapped) …`, `nat (if) ID` + `global`), ACLs
 *    name the MAPPED addresses and ports: each static is a forward judged
 *    against the inbound list rewritten for it (asa_static_acl);
 *  - a config pasted with every line indented is read without that
 *    common indentation;
 *  - traffic to the box itself is governed by the `http`/`ssh`/`telnet`
 *    lines, `webvpn enable`, `crypto … enable` and control-plane ACLs,
 *    not by the interface ACL;
 *  - `inactive` ACEs are skipped, `remark` lines match nothing, `time-range`
 *    ACEs count as active, `log` does not change matching.
 * Lines it does not know are counted and listed.
 *
 * Length: one file per input format (docs/adding-a-vendor.md). The ASA's
 * configuration language is large (interfaces and security levels, objects
 * and nested groups, ACLs and access-groups, pre- and post-8.3 NAT, the
 * management and VPN listeners, secrets), and its parts share one parser
 * state that splitting would have to make public.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "../src/filter.h"
#include "../src/registry.h"
#include "cisco_asa_fix.h"
#include "parsers.h"

#define ASA_MAX_TOKENS 256
#define ASA_MAX_DEPTH 16          /* nested object-groups */
#define ASA_UNDEFINED_NOTED 200   /* undefined names noted one by one; the rest are counted */

/* ---- state ------------------------------------------------------------------ */

enum asa_obj_kind { OBJ_NET, OBJ_SVC, OBJ_NETGROUP, OBJ_SVCGROUP, OBJ_PROTOGROUP, OBJ_ICMPGROUP };

struct asa_member {               /* one line inside an object or group */
	char **tok;
	size_t n;
	unsigned line;
};

struct asa_obj {
	const char *name;
	enum asa_obj_kind kind;
	char *svc_proto;              /* `object-group service G tcp|udp|tcp-udp` */
	struct asa_member *m;
	size_t nm, capm;
	unsigned line;
	bool resolving;               /* cycle detection */
	bool fqdn;
	/* Network members per family, once expanded: an ACL names the same
	 * groups on thousands of lines. Kept only when no cycle was met. */
	bool net_done[2];
	int net_rc[2];
	struct aset net[2];
	/* Its services, once expanded (the same reason and rule; kept only
	 * when they could all be read). */
	bool svc_done;
	struct asa_svc *svc;
	size_t nsvc;
};

struct asa_ace {
	const char *acl;
	char **tok;                   /* from "permit|deny" on */
	size_t n;
	unsigned line;
	bool diagnosed;               /* its "cannot read" note was given */
};

struct asa_if {
	/* Names are the input's, whole (arena copies; "" when not given):
	 * no length limit, so two names are never cut to the same one. */
	const char *hw;
	const char *nameif;
	int level;                    /* -1: not given */
	bool shutdown, mgmt_only;
	bool has_v4, has_v6;
	struct u128 addr4;
	unsigned plen4;
	bool dhcp;
	unsigned line;
	const char *acl_in;
	unsigned acl_in_line;
	const char *acl_cp;           /* control-plane ACL */
	unsigned acl_cp_line;
};

struct asa_mgmt {                 /* `http|ssh|telnet NET MASK IF` */
	int svc;                      /* 0 http, 1 ssh, 2 telnet */
	struct aset src;
	const char *ifname;
	const char *text;             /* the line's words, for evidence */
	unsigned line;
};

struct asa_nat {                  /* a static mapping that may forward inward */
	const char *real_if, *mapped_if;
	char **tok;                   /* from "source" or "static" on */
	size_t n;
	const char *object;           /* object NAT: the object it belongs to */
	unsigned line;
	bool twice;
};

struct asa_static {              /* pre-8.3 `static (real,mapped) …` */
	const char *real_if, *mapped_if;
	char **tok;                   /* after the interfaces */
	size_t n;
	unsigned line;
};

struct asa {
	struct input *in;
	const struct run_ctx *ctx;
	struct arena *a;
	unsigned long cycles_met;     /* group expansions cut by a cycle or depth */
	struct arena scratch;
	/* The service lists of one ACE while its rules are made (reset per
	 * ACE): the sets in them are s->a's, only the lists are thrown away. */
	struct arena ace_tmp;
	struct asa_obj *objs;
	size_t nobjs, capobjs;
	struct strmap objix;          /* object name -> index in objs */
	struct asa_obj *cur_obj;      /* the object/group whose lines follow */
	struct asa_ace *aces;
	size_t naces, capaces;
	struct asa_if *ifs;           /* any number (cur_if is set again on growth) */
	size_t nifs, capifs;
	struct asa_if *cur_if;
	struct asa_mgmt *mg;
	size_t nmg, capmg;
	struct asa_nat *nats;
	size_t nnats, capnats;
	struct asa_static *statics;
	size_t nstatics, capstatics;
	const char *global_acl;       /* "" when none */
	const char *default_route_if; /* "" when none */
	unsigned legacy_nat_line;     /* the first pre-8.3 static/nat/global line */
	unsigned global_line;
	struct strmap bad_acls;       /* ACL name -> first line of it that could not be read */
	unsigned default_route_line;
	bool http_server;
	unsigned http_server_line;
	long http_port;
	bool in_webvpn;
	const char **webvpn_if;       /* `webvpn` / `enable IF`, any number */
	size_t nwebvpn, capwebvpn;
	unsigned webvpn_line;
	bool anyconnect;
	const char **ike_if;          /* crypto … enable IF / map … interface IF */
	size_t nike, capike;
	unsigned ike_line;
	bool ra_tunnel_group;
	unsigned ra_line;
	struct strmap names;          /* `name A NAME` aliases: NAME -> index in names_addr */
	struct u128 *names_addr;
	size_t nnames, capnames;
	struct strmap reported;       /* names already reported as undefined */
	size_t undefined_more;        /* undefined names past ASA_UNDEFINED_NOTED */
	unsigned undefined_more_line; /* the line of the first of them */
	bool in_cert;                 /* certificate hex block until "quit" */
	bool in_block;                /* the last top-level line opened a block */
	bool same_sec_inter;          /* same-security-traffic permit inter-interface */
};

/* ---- helpers ---------------------------------------------------------------- */

static bool tk(const char *t, const char *w)
{
	return strcmp(t, w) == 0;
}

/* Appends a copy of name to a growable list of interface names (no
 * count or length limit: a VPN listener on any interface is seen). Out
 * of memory is an input error (sticky: no item passes). */
static bool asa_name_add(struct asa *s, const char ***list, size_t *n, size_t *cap,
			 const char *name)
{
	const char **l = input_grow(s->in, (void *)*list, cap, *n, sizeof(**list));
	const char *c = l ? arena_strdup(s->a, name) : NULL;
	if (!c) {
		input_nomem(s->in, 0);
		return false;
	}
	*list = l;
	l[(*n)++] = c;
	return true;
}

/* A copy of the n bytes of the input at w in the arena, whole. Out of
 * memory is the input's error (sticky: nothing passes) and gives "", never
 * a name cut or left out in silence. */
static const char *asa_strn(struct asa *s, const char *w, size_t n)
{
	const char *c = arena_strndup(s->a, w, n);
	if (!c) {
		input_nomem(s->in, 0);
		return "";
	}
	return c;
}

static const char *asa_str(struct asa *s, const char *w)
{
	return asa_strn(s, w, strlen(w));
}

/* "(real,mapped)" of a NAT or static line, read as sscanf's
 * "(%[^,],%[^)])" would read it but with no length limit: the fields read
 * (0-2); the ones not read are "". */
static int asa_if_pair(struct asa *s, const char *w, const char **real, const char **mapped)
{
	*real = *mapped = "";
	if (*w != '(')
		return 0;
	size_t a = strcspn(++w, ",");
	if (!a)
		return 0;
	*real = asa_strn(s, w, a);
	if (w[a] != ',')
		return 1;
	w += a + 1;
	size_t b = strcspn(w, ")");
	if (!b)
		return 1;
	*mapped = asa_strn(s, w, b);
	return 2;
}

static char **asa_keep(struct asa *s, char **t, size_t n)
{
	char **k = arena_alloc(s->a, (n + 1) * sizeof(char *));
	if (!k)
		return NULL;
	for (size_t i = 0; i < n; i++)
		k[i] = arena_strdup(s->a, t[i]);
	return k;
}

/* Objects by name (a hash, so a config with thousands of objects stays
 * linear). */
static struct asa_obj *asa_obj_find(struct asa *s, const char *name)
{
	size_t i;
	if (!s->objs || !strmap_get(&s->objix, name, &i) || i >= s->nobjs)
		return NULL;
	return &s->objs[i];
}

/* A `name` alias, when w is one. */
static bool asa_name_find(struct asa *s, const char *w, struct u128 *a)
{
	size_t i;
	if (!strmap_get(&s->names, w, &i))
		return false;
	*a = s->names_addr[i];
	return true;
}

static struct asa_if *asa_if_by_nameif(struct asa *s, const char *n)
{
	for (size_t i = 0; i < s->nifs; i++)
		if (s->ifs[i].nameif[0] && strcmp(s->ifs[i].nameif, n) == 0)
			return &s->ifs[i];
	return NULL;
}

/* A dotted netmask as a prefix length; -1 when not contiguous. */
static int mask_len(const struct u128 *m)
{
	int n = 0;
	while (n < 32 && ((m->lo >> (31 - n)) & 1))
		n++;
	return (uint32_t)(m->lo << n) == 0 || n == 32 ? n : -1;
}

static void asa_unresolved(struct asa *s, unsigned line, const char *what)
{
	/* Once per name: an undefined group used by 20,000 ACEs is one note,
	 * and 100,000 undefined names cost a hash lookup each (issue 12). */
	int r = strmap_put(&s->reported, what, 0);
	if (r == 0)
		return;
	if (r < 0) {
		input_diag(s->in, DIAG_ERROR, line, 1, "out of memory while listing undefined names",
			   "未定義の名前を記録中にメモリが不足しました");
		return;
	}
	if (s->reported.n > ASA_UNDEFINED_NOTED) {
		/* Past the first ones, counted and said once at the end. */
		if (!s->undefined_more++)
			s->undefined_more_line = line;
		return;
	}
	input_diag(s->in, DIAG_NOTE, line, 1,
		   "'%s' is not defined (or is a loop of groups): the line is treated as matching nothing",
		   "'%s' が定義されていない（またはグループが循環している）ため、この行は何にも一致しないものとして扱います",
		   utf8_sanitize(s->a, what, strnlen(what, 60)));
}

/* ---- addresses ---------------------------------------------------------------- */

static int asa_net_members(struct asa *s, struct asa_obj *o, enum fam f, struct aset *out,
			   unsigned depth);

/* Reads one address spec at t[*i] (any, any4, any6, host A, A MASK, A/len,
 * object X, object-group X, interface IF, a `name`) into out for family f;
 * advances *i. Returns 0, 1 when the spec is valid but of the other family
 * (out empty), -1 when it cannot be read. */
static int asa_addr(struct asa *s, char **t, size_t n, size_t *i, enum fam f, struct aset *out,
		    unsigned line)
{
	aset_empty(f, out);
	if (*i >= n)
		return -1;
	const char *w = t[*i];
	if (tk(w, "any")) {
		(*i)++;
		return aset_all(s->a, f, out);
	}
	if (tk(w, "any4") || tk(w, "any6")) {
		(*i)++;
		if ((tk(w, "any4") && f == FAM_V4) || (tk(w, "any6") && f == FAM_V6))
			return aset_all(s->a, f, out);
		return 1;
	}
	if (tk(w, "host") && *i + 1 < n) {
		struct u128 a;
		const char *h = t[*i + 1];
		*i += 2;
		enum fam hf = strchr(h, ':') ? FAM_V6 : FAM_V4;
		if (hf != f)
			return 1;
		if (addr_parse(f, h, strlen(h), &a)) {
			if (!asa_name_find(s, h, &a))
				return -1;
			return f == FAM_V4 ? aset_range(s->a, f, a, a, out) : 1;
		}
		return aset_range(s->a, f, a, a, out);
	}
	if ((tk(w, "object") || tk(w, "object-group")) && *i + 1 < n) {
		struct asa_obj *o = asa_obj_find(s, t[*i + 1]);
		*i += 2;
		if (!o || (o->kind != OBJ_NET && o->kind != OBJ_NETGROUP)) {
			asa_unresolved(s, line, t[*i - 1]);
			return 0;   /* matches nothing */
		}
		return asa_net_members(s, o, f, out, 0) < 0 ? -1 : 0;
	}
	if (tk(w, "interface") && *i + 1 < n) {
		*i += 2;
		/* The box's own address on that interface: to-the-box traffic,
		 * which the access-group does not govern. */
		return f == FAM_V4 ? aset_range(s->a, f, BOX_UNKNOWN_ADDR4, BOX_UNKNOWN_ADDR4, out)
				   : aset_range(s->a, f, BOX_UNKNOWN_ADDR6, BOX_UNKNOWN_ADDR6, out);
	}
	const char *sl = strchr(w, '/');
	if (sl || strchr(w, ':')) {
		(*i)++;
		if (f != FAM_V6)
			return 1;
		struct u128 a;
		long plen = 128;
		if (addr_parse(FAM_V6, w, sl ? (size_t)(sl - w) : strlen(w), &a) ||
		    (sl && str_to_long(sl + 1, 0, 128, &plen)))
			return -1;
		return aset_prefix(s->a, FAM_V6, a, (unsigned)plen, out);
	}
	/* A.B.C.D MASK, or a name alias followed by a mask. */
	struct u128 a, m;
	if (addr_parse(FAM_V4, w, strlen(w), &a) && !asa_name_find(s, w, &a))
		return -1;
	if (*i + 1 >= n || addr_parse(FAM_V4, t[*i + 1], strlen(t[*i + 1]), &m))
		return -1;
	*i += 2;
	if (f != FAM_V4)
		return 1;
	int pl = mask_len(&m);
	if (pl < 0)
		return -1;
	return aset_prefix(s->a, FAM_V4, a, (unsigned)pl, out);
}

static int asa_net_members(struct asa *s, struct asa_obj *o, enum fam f, struct aset *out,
			   unsigned depth)
{
	aset_empty(f, out);
	if (o->net_done[f]) {
		*out = o->net[f];
		return o->net_rc[f];
	}
	if (o->resolving || depth > ASA_MAX_DEPTH) {
		s->cycles_met++;
		asa_unresolved(s, o->line, o->name);
		return 0;
	}
	unsigned long cycles_before = s->cycles_met;
	o->resolving = true;
	int rc = 0;
	for (size_t k = 0; k < o->nm && rc >= 0; k++) {
		struct asa_member *mb = &o->m[k];
		struct aset one, u;
		aset_empty(f, &one);
		if (mb->n == 0)
			continue;
		const char *w = mb->tok[0];
		size_t i = 1;
		if (o->kind == OBJ_NET) {
			/* host A | subnet A M | subnet A/len | range A B | fqdn X */
			if (tk(w, "host") || tk(w, "subnet")) {
				/* "host A" reads as an address spec as written; "subnet A
				 * MASK" and "subnet A/len" from the word after "subnet". */
				i = tk(w, "subnet") ? 1 : 0;
				int r = asa_addr(s, mb->tok, mb->n, &i, f, &one, mb->line);
				if (r < 0)
					rc = -1;
			} else if (tk(w, "range") && mb->n >= 3) {
				struct u128 lo, hi;
				enum fam rf = strchr(mb->tok[1], ':') ? FAM_V6 : FAM_V4;
				if (rf == f && addr_parse(f, mb->tok[1], strlen(mb->tok[1]), &lo) == 0 &&
				    addr_parse(f, mb->tok[2], strlen(mb->tok[2]), &hi) == 0)
					aset_range(s->a, f, lo, hi, &one);
			} else if (tk(w, "fqdn")) {
				/* Resolved by the ASA through DNS at run time: the
				 * addresses are unknown here. Said once per object. */
				if (!o->fqdn)
					input_diag(s->in, DIAG_NOTE, mb->line, 1,
						   "'%s' is an fqdn object, resolved by the firewall at run time: lines naming it are treated as matching nothing, so a permit naming it may let in more than reported",
						   "'%s' は実行時に DNS で解決される fqdn オブジェクトのため、これを使う行は何にも一致しないものとして扱います（これを使う permit は報告以上の通信を通す可能性があります）",
						   utf8_sanitize(s->a, o->name, strnlen(o->name, 60)));
				o->fqdn = true;
			}
		} else if (tk(w, "network-object")) {
			int r = asa_addr(s, mb->tok, mb->n, &i, f, &one, mb->line);
			if (r < 0)
				rc = -1;
		} else if (tk(w, "group-object") && mb->n >= 2) {
			struct asa_obj *g = asa_obj_find(s, mb->tok[1]);
			if (!g || g->kind != OBJ_NETGROUP)
				asa_unresolved(s, mb->line, mb->tok[1]);
			else if (asa_net_members(s, g, f, &one, depth + 1) < 0)
				rc = -1;
		}
		if (aset_union(s->a, out, &one, &u) == 0)
			*out = u;
	}
	o->resolving = false;
	if (s->cycles_met == cycles_before) {
		o->net_done[f] = true;
		o->net_rc[f] = rc;
		o->net[f] = *out;
	}
	return rc;
}

/* ---- services -------------------------------------------------------------------- */

/* ASA port: a number or one of ASA's own names (rules/ports.yaml). */
static int asa_port(struct asa *s, const char *w, uint32_t *p)
{
	long v;
	if (str_to_long(w, 0, 65535, &v) == 0) {
		*p = (uint32_t)v;
		return 0;
	}
	const struct pset *al = registry_port_alias(s->ctx->reg, "cisco", w, strlen(w));
	if (!al || al->n != 1 || al->iv[0].lo != al->iv[0].hi)
		return -1;
	*p = al->iv[0].lo;
	return 0;
}

/* A port operator at t[*i] (eq, neq, lt, gt, range); absent → all ports.
 * Returns 0 with *i advanced, or -1. */
static int asa_port_op(struct asa *s, char **t, size_t n, size_t *i, struct pset *out)
{
	if (*i >= n || !(tk(t[*i], "eq") || tk(t[*i], "neq") || tk(t[*i], "lt") ||
			 tk(t[*i], "gt") || tk(t[*i], "range")))
		return pset_all(s->a, 65535, out);
	const char *op = t[*i];
	uint32_t a, b;
	if (*i + 1 >= n || asa_port(s, t[*i + 1], &a))
		return -1;
	if (tk(op, "range")) {
		if (*i + 2 >= n || asa_port(s, t[*i + 2], &b) || b < a)
			return -1;
		*i += 3;
		return pset_range(s->a, a, b, out);
	}
	*i += 2;
	if (tk(op, "eq"))
		return pset_range(s->a, a, a, out);
	if (tk(op, "lt"))
		return a == 0 ? (out->n = 0, out->iv = NULL, 0) : pset_range(s->a, 0, a - 1, out);
	if (tk(op, "gt"))
		return a == 65535 ? (out->n = 0, out->iv = NULL, 0) : pset_range(s->a, a + 1, 65535, out);
	/* neq */
	struct pset all, one;
	if (pset_all(s->a, 65535, &all) || pset_range(s->a, a, a, &one))
		return -1;
	return pset_minus(s->a, &all, &one, out);
}

static int asa_proto_word(const char *w, uint32_t *lo, uint32_t *hi)
{
	static const struct {
		const char *n;
		uint32_t v;
	} p[] = {{"tcp", PROTO_TCP}, {"udp", PROTO_UDP}, {"icmp", PROTO_ICMP},
		 {"icmp6", PROTO_ICMP6}, {"esp", PROTO_ESP}, {"ah", PROTO_AH}, {"gre", PROTO_GRE},
		 {"igmp", 2}, {"ipinip", 4}, {"pim", 103}, {"ospf", 89}, {"eigrp", 88},
		 {"sctp", 132}, {"pcp", 108}, {"snp", 109}, {"nos", 94}, {"ipsec", PROTO_ESP},
		 {"pptp", PROTO_GRE}};
	if (tk(w, "ip")) {
		*lo = 0;
		*hi = 255;
		return 0;
	}
	for (size_t i = 0; i < ARRAY_SIZE(p); i++)
		if (tk(w, p[i].n)) {
			*lo = *hi = p[i].v;
			return 0;
		}
	long v;
	if (str_to_long(w, 0, 255, &v) == 0) {
		*lo = *hi = (uint32_t)v;
		return 0;
	}
	return -1;
}

/* One service: protocols and destination ports. ACEs keep source ports
 * as all (rare, and it can only widen what a permit opens); twice NAT
 * reads them, as there `service tcp source eq 23` names the server's port
 * when the server is the rule's source. */
struct asa_svc {
	struct pset proto, dport;
	struct pset sport;
	bool has_sport;               /* a `source OP` was written */
};

struct asa_svcs {
	struct asa_svc *v;
	size_t n, cap;
	struct arena *a;              /* of the list itself; NULL: s->a */
};

static int svcs_add(struct asa *s, struct asa_svcs *l, const struct pset *proto,
		    const struct pset *dport, const struct pset *sport)
{
	struct arena *a = l->a ? l->a : s->a;
	if (!l->cap) {
		/* Most ACEs name one service: start small (an ACL of 160k lines
		 * would otherwise keep 160k unused blocks of 16). */
		l->v = arena_alloc(a, 2 * sizeof(*l->v));
		if (!l->v)
			return input_nomem(s->in, 0);
		l->cap = 2;
	}
	void *grown = arena_grow(a, l->v, &l->cap, l->n, sizeof(*l->v));
	if (!grown)
		return input_nomem(s->in, 0);
	l->v = grown;
	memset(&l->v[l->n], 0, sizeof(l->v[l->n]));
	l->v[l->n].proto = *proto;
	l->v[l->n].dport = *dport;
	if (sport) {
		l->v[l->n].sport = *sport;
		l->v[l->n].has_sport = true;
	}
	l->n++;
	return 0;
}

static int asa_svc_members(struct asa *s, struct asa_obj *o, struct asa_svcs *out,
			   unsigned depth);

/* "tcp [source OP] [destination] OP" as in service objects. */
static int asa_svc_spec(struct asa *s, char **t, size_t n, size_t i, struct asa_svcs *out)
{
	uint32_t lo, hi;
	struct pset proto, dport, sport;
	if (i >= n)
		return -1;
	if (tk(t[i], "tcp-udp")) {
		struct pset a, b;
		if (pset_range(s->a, PROTO_TCP, PROTO_TCP, &a) ||
		    pset_range(s->a, PROTO_UDP, PROTO_UDP, &b) || pset_union(s->a, &a, &b, &proto))
			return -1;
	} else if (asa_proto_word(t[i], &lo, &hi) || pset_range(s->a, lo, hi, &proto)) {
		return -1;
	}
	i++;
	bool has_sport = false;
	if (i < n && tk(t[i], "source")) {
		i++;
		if (asa_port_op(s, t, n, &i, &sport))
			return -1;
		has_sport = true;
	}
	if (i < n && tk(t[i], "destination"))
		i++;
	if (asa_port_op(s, t, n, &i, &dport))
		return -1;
	return svcs_add(s, out, &proto, &dport, has_sport ? &sport : NULL);
}

static int asa_svc_members(struct asa *s, struct asa_obj *o, struct asa_svcs *out,
			   unsigned depth)
{
	if (o->svc_done) {
		for (size_t k = 0; k < o->nsvc; k++) {
			const struct asa_svc *v = &o->svc[k];
			if (svcs_add(s, out, &v->proto, &v->dport, v->has_sport ? &v->sport : NULL))
				return EL_ENOMEM;
		}
		return 0;
	}
	if (o->resolving || depth > ASA_MAX_DEPTH) {
		s->cycles_met++;
		asa_unresolved(s, o->line, o->name);
		return 0;
	}
	unsigned long cycles_before = s->cycles_met;
	size_t start = out->n;
	o->resolving = true;
	int rc = 0;
	for (size_t k = 0; k < o->nm && rc == 0; k++) {
		struct asa_member *mb = &o->m[k];
		if (mb->n == 0)
			continue;
		const char *w = mb->tok[0];
		if (o->kind == OBJ_SVC && tk(w, "service")) {
			rc = asa_svc_spec(s, mb->tok, mb->n, 1, out);
		} else if (tk(w, "service-object") && mb->n >= 2) {
			if (tk(mb->tok[1], "object") && mb->n >= 3) {
				struct asa_obj *g = asa_obj_find(s, mb->tok[2]);
				if (!g || g->kind != OBJ_SVC)
					asa_unresolved(s, mb->line, mb->tok[2]);
				else
					rc = asa_svc_members(s, g, out, depth + 1);
			} else {
				rc = asa_svc_spec(s, mb->tok, mb->n, 1, out);
			}
		} else if (tk(w, "port-object") && o->svc_proto) {
			/* `object-group service G tcp|udp|tcp-udp` + `port-object eq X` */
			char *spec[8];
			size_t sn = 0;
			spec[sn++] = o->svc_proto;
			for (size_t j = 1; j < mb->n && sn < 8; j++)
				spec[sn++] = mb->tok[j];
			rc = asa_svc_spec(s, spec, sn, 0, out);
		} else if (tk(w, "protocol-object") && mb->n >= 2) {
			char *spec[2] = {mb->tok[1], NULL};
			rc = asa_svc_spec(s, spec, 1, 0, out);
		} else if (tk(w, "group-object") && mb->n >= 2) {
			struct asa_obj *g = asa_obj_find(s, mb->tok[1]);
			if (!g || (g->kind != OBJ_SVCGROUP && g->kind != OBJ_PROTOGROUP))
				asa_unresolved(s, mb->line, mb->tok[1]);
			else
				rc = asa_svc_members(s, g, out, depth + 1);
		}
	}
	o->resolving = false;
	/* Kept as for network groups: an ACL names the same service groups on
	 * thousands of lines, each expanded once. Not when a loop was met
	 * (what is seen then depends on where the expansion began). */
	if (s->cycles_met == cycles_before && rc == 0) {
		size_t k = out->n - start;
		struct asa_svc *v = k ? arena_alloc_raw(s->a, k * sizeof(*v)) : NULL;
		if (v || !k) {
			if (k)
				memcpy(v, out->v + start, k * sizeof(*v));
			o->svc = v;
			o->nsvc = k;
			o->svc_done = true;
		}
	}
	return rc;
}

/* Joins the entries of l that have the same protocols (keeping order). */
static int svcs_merge(struct asa *s, struct asa_svcs *l)
{
	for (size_t k = 0; k < l->n; k++)
		for (size_t j = k + 1; j < l->n;) {
			if (!pset_eq(&l->v[k].proto, &l->v[j].proto)) {
				j++;
				continue;
			}
			struct pset u;
			if (pset_union(s->a, &l->v[k].dport, &l->v[j].dport, &u))
				return EL_ENOMEM;
			l->v[k].dport = u;
			memmove(&l->v[j], &l->v[j + 1], (l->n - j - 1) * sizeof(*l->v));
			l->n--;
		}
	return 0;
}

/* ---- ACEs to rules ------------------------------------------------------------------ */

struct asa_rules {
	struct frule *r;
	size_t n, cap;
	bool unreadable;
	unsigned unreadable_line;
};

static int rules_push(struct asa *s, struct asa_rules *l, const struct frule *r)
{
	void *grown = input_grow(s->in, l->r, &l->cap, l->n, sizeof(*l->r));
	if (!grown)
		return EL_ENOMEM;
	l->r = grown;
	l->r[l->n++] = *r;
	return 0;
}

/* Appends the rules of ACE e for family f:
 * permit|deny PROTO|object-group PG|object SVC SRC [SPORT] DST [DPORT|object-group SG]
 * [log …] [time-range T] [inactive] */
static void asa_ace_rules(struct asa *s, struct asa_ace *e, enum fam f,
			  struct asa_rules *out)
{
	char **t = e->tok;
	size_t n = e->n, i = 1;
	for (size_t k = 0; k < n; k++)
		if (tk(t[k], "inactive"))
			return;   /* skipped by the ASA; reported by the check */
	struct frule base = {.action = tk(t[0], "permit") ? FA_PASS : FA_DENY, .line = e->line,
			     .name = arena_printf(s->a, "%s line %u", e->acl, e->line)};
	arena_reset(&s->ace_tmp);
	struct asa_svcs svcs = {.a = &s->ace_tmp};
	bool ports_after = false;     /* a plain protocol: ports may follow addresses */
	uint32_t lo, hi;
	if (i >= n)
		goto bad;
	if ((tk(t[i], "object-group") || tk(t[i], "object")) && i + 1 < n) {
		struct asa_obj *o = asa_obj_find(s, t[i + 1]);
		i += 2;
		if (!o || (o->kind != OBJ_SVC && o->kind != OBJ_SVCGROUP && o->kind != OBJ_PROTOGROUP)) {
			asa_unresolved(s, e->line, t[i - 1]);
			return;
		}
		if (asa_svc_members(s, o, &svcs, 0))
			goto bad;
		ports_after = o->kind == OBJ_PROTOGROUP;
	} else {
		struct pset proto, all;
		if (asa_proto_word(t[i], &lo, &hi) || pset_range(s->a, lo, hi, &proto) ||
		    pset_all(s->a, 65535, &all) || svcs_add(s, &svcs, &proto, &all, NULL))
			goto bad;
		i++;
		ports_after = true;
	}
	struct aset src, dst;
	int r1 = asa_addr(s, t, n, &i, f, &src, e->line);
	if (r1 < 0)
		goto bad;
	struct pset sport, dport;
	bool dport_given = false;
	struct asa_svcs dgroup = {.a = &s->ace_tmp};
	if (ports_after && asa_port_op(s, t, n, &i, &sport))
		goto bad;
	int r2 = asa_addr(s, t, n, &i, f, &dst, e->line);
	if (r2 < 0)
		goto bad;
	if (r1 == 1 || r2 == 1)
		return;   /* an ACE of the other family */
	if (ports_after && i < n && (tk(t[i], "object-group") || tk(t[i], "object")) && i + 1 < n) {
		struct asa_obj *o = asa_obj_find(s, t[i + 1]);
		if (o && (o->kind == OBJ_SVCGROUP || o->kind == OBJ_SVC)) {
			if (asa_svc_members(s, o, &dgroup, 0))
				goto bad;
			i += 2;
		}
	} else if (ports_after) {
		size_t before = i;
		if (asa_port_op(s, t, n, &i, &dport))
			goto bad;
		dport_given = i != before;
	}
	if (aset_is_empty(&src) || aset_is_empty(&dst))
		return;   /* an object of the other family, or undefined: matches nothing */
	/* What follows the addresses and ports narrows the ACE beyond the
	 * packet space: an ICMP type (and code) after an icmp/icmp6 ACE, or a
	 * time-range (Cisco ASA command reference, "access-list extended":
	 * icmp_argument, time-range). Such an ACE never covers another. */
	bool icmp_only = svcs.n == 1 && svcs.v[0].proto.n == 1 &&
			 svcs.v[0].proto.iv[0].lo == svcs.v[0].proto.iv[0].hi &&
			 (svcs.v[0].proto.iv[0].lo == PROTO_ICMP ||
			  svcs.v[0].proto.iv[0].lo == PROTO_ICMP6);
	if (icmp_only && i < n && !tk(t[i], "log") && !tk(t[i], "inactive") &&
	    !tk(t[i], "time-range"))
		base.narrower = true;   /* an ICMP type */
	for (size_t k = i; k < n; k++)
		if (tk(t[k], "time-range"))
			base.narrower = true;

	/* Members of a service group with the same protocols become one rule
	 * (fewer rules, the same packets). */
	if (svcs_merge(s, &svcs) || svcs_merge(s, &dgroup))
		goto bad;
	for (size_t k = 0; k < svcs.n; k++) {
		struct frule ru = base;
		ru.proto = svcs.v[k].proto;
		ru.src = src;
		ru.dst = dst;
		if (pset_all(s->a, 65535, &ru.sport))
			goto bad;
		if (dgroup.n) {
			for (size_t g = 0; g < dgroup.n; g++) {
				struct frule rg = ru;
				if (pset_intersect(s->a, &ru.proto, &dgroup.v[g].proto, &rg.proto))
					goto bad;
				rg.dport = dgroup.v[g].dport;
				if (!pset_is_empty(&rg.proto) && rules_push(s, out, &rg))
					goto bad;
			}
			continue;
		}
		ru.dport = dport_given ? dport : svcs.v[k].dport;
		if (rules_push(s, out, &ru))
			goto bad;
	}
	return;
bad:
	if (!out->unreadable) {
		out->unreadable = true;
		out->unreadable_line = e->line;
	}
	if (!e->diagnosed) {
		e->diagnosed = true;
		input_diag(s->in, DIAG_NOTE, e->line, 1,
			   "this entry of access list %s cannot be read at '%s': what the list lets in is not assessed",
			   "アクセスリスト %s のこのエントリは '%s' の所で読み取れないため、このリストが何を通すかを判定していません",
			   utf8_sanitize(s->a, e->acl, strnlen(e->acl, 60)),
			   i < n ? utf8_sanitize(s->a, t[i], strnlen(t[i], 40)) : "(end of line)");
	}
}

/* The rules of ACL name for family f, in order. */
static void asa_acl_rules(struct asa *s, const char *name, enum fam f, struct asa_rules *out)
{
	for (size_t k = 0; k < s->naces; k++)
		if (strcmp(s->aces[k].acl, name) == 0)
			asa_ace_rules(s, &s->aces[k], f, out);
}

static bool asa_acl_exists(struct asa *s, const char *name)
{
	if (strmap_get(&s->bad_acls, name, NULL))
		return true;   /* present, with lines that could not be read */
	for (size_t k = 0; k < s->naces; k++)
		if (strcmp(s->aces[k].acl, name) == 0)
			return true;
	return false;
}

/* ---- lines ----------------------------------------------------------------------- */

static long asa_tokens(struct asa *s, const char *p, size_t n, char **t)
{
	long k = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i >= n)
			break;
		if (k == ASA_MAX_TOKENS)
			return -1;
		size_t st = i;
		while (i < n && p[i] != ' ' && p[i] != '\t')
			i++;
		t[k] = arena_strndup(&s->scratch, p + st, i - st);
		if (!t[k])
			return -1;
		k++;
	}
	return k;
}

static void asa_obj_line(struct asa *s, char **t, size_t n, unsigned line)
{
	struct asa_obj *o = s->cur_obj;
	void *grown = input_grow(s->in, o->m, &o->capm, o->nm, sizeof(*o->m));
	if (!grown)
		return;
	o->m = grown;
	o->m[o->nm].tok = asa_keep(s, t, n);
	o->m[o->nm].n = n;
	o->m[o->nm].line = line;
	o->nm++;
}

/* Secrets ASA configs may carry in clear (most are hashed or masked).
 * The login password is `{passwd | password} PASSWORD [encrypted]` and
 * the enable password `enable password PASSWORD [level N] [encrypted |
 * pbkdf2]` ("Cisco ASA Series General Operations CLI Configuration
 * Guide, 9.2", Basic Settings, Setting the Login Password / Changing the
 * Enable Password, https://cisco.com/c/en/us/td/docs/security/asa/asa92/
 * configuration/general/asa-general-cli/basic-hostname-pw.html): saved
 * encrypted, but "if you enter an unencrypted password in a text file,
 * the ASA does not automatically encrypt it" (ASA 5500 Series
 * Configuration Guide using the CLI, appendix A, Passwords), so a text
 * config may hold it in clear; either form is registered (a hash is
 * crackable offline). `password encryption aes` is another command. */
/* The ASA's "encrypted" (MD5) hash of a password of at most 12 bytes
 * given for user (the PIX/ASA scheme, documented with reference vectors
 * by Passlib, "passlib.hash.cisco_pix - Cisco PIX MD5 hash", Format &
 * Algorithm, https://passlib.readthedocs.io/en/stable/lib/passlib.hash.cisco_pix.html,
 * checked on an ASA 9.6): the password, then the first 4 bytes of the
 * user name, NUL-padded to 16 bytes; MD5; every fourth digest byte
 * dropped; the 12 bytes left in crypt's "./0-9A-Za-z" base 64, little
 * end first. Longer passwords are padded differently by release; not
 * computed (false). out: 17 bytes. */
static bool asa_md5_hash(const char *pass, const char *user, char *out)
{
	static const char b64[] =
		"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	unsigned char buf[16] = {0}, md[EVP_MAX_MD_SIZE], kept[12];
	size_t pn = strlen(pass), un = strlen(user);
	unsigned mdn = 0;
	if (pn > 12)
		return false;
	/* Bytes, not a string: the 16 bytes are hashed whole, NULs included. */
	for (size_t i = 0; i < pn; i++)
		buf[i] = (unsigned char)pass[i];
	for (size_t i = 0; i < un && i < 4; i++)
		buf[pn + i] = (unsigned char)user[i];
	if (!EVP_Digest(buf, sizeof(buf), md, &mdn, EVP_md5(), NULL) || mdn != 16)
		return false;
	for (size_t i = 0, k = 0; i < 16; i++)
		if ((i & 3) != 3)
			kept[k++] = md[i];
	for (size_t i = 0; i < 12; i += 3) {
		uint32_t v = kept[i] | (uint32_t)kept[i + 1] << 8 | (uint32_t)kept[i + 2] << 16;
		for (size_t k = 0; k < 4; k++, v >>= 6)
			*out++ = b64[v & 63];
	}
	*out = '\0';
	return true;
}

static void asa_secrets(struct asa *s, char **t, size_t n, unsigned line)
{
	/* `username NAME password PASSWORD [encrypted | nt-encrypted |
	 * pbkdf2] [privilege N]` (Cisco ASA Series Command Reference,
	 * username): with no hash keyword after it the password is the
	 * clear text of a text config (see above), which can be compared
	 * with the name; a hash cannot be, and is not. */
	if (n >= 4 && tk(t[0], "username") && tk(t[2], "password") &&
	    !(n >= 5 && (tk(t[4], "encrypted") || tk(t[4], "nt-encrypted") ||
			 tk(t[4], "pbkdf2"))))
		if (input_add_same_login(s->in, line, ACCT_LOCAL, "username", t[1], t[3]) < 0)
			input_diag(s->in, DIAG_ERROR, line, 0, "out of memory", "メモリが足りません");
	/* An MD5 "encrypted" one: the hash of the name itself (as the
	 * password) is computed and compared; the name is then registered
	 * as a secret like the clear-text case. */
	char h[17];
	if (n >= 5 && tk(t[0], "username") && tk(t[2], "password") && tk(t[4], "encrypted") &&
	    strlen(t[3]) == 16 && asa_md5_hash(t[1], t[1], h) && strcmp(h, t[3]) == 0 &&
	    input_add_same_login(s->in, line, ACCT_LOCAL, "username", t[1], t[1]) < 0)
		input_diag(s->in, DIAG_ERROR, line, 0, "out of memory", "メモリが足りません");
	size_t at = 0;
	if (n >= 2 && (tk(t[0], "passwd") || tk(t[0], "password")) && !tk(t[1], "encryption"))
		at = 1;
	else if (n >= 3 && ((tk(t[0], "enable") && tk(t[1], "password")) ||
			    (tk(t[0], "snmp-server") && tk(t[1], "community")) ||
			    (tk(t[0], "ikev1") && tk(t[1], "pre-shared-key"))))
		at = 2;
	else if (n >= 4 && ((tk(t[0], "ikev2") && tk(t[2], "pre-shared-key")) ||
			    (tk(t[0], "username") && tk(t[2], "password"))))
		at = 3;
	if (at && at < n && !tk(t[at], "*****") && strlen(t[at]) >= 4) {
		const char *keep = arena_strdup(s->a, t[at]);
		if (keep)
			input_add_secret(s->in, keep, strlen(keep));
	}
}

static bool asa_interface_sub(struct asa *s, char **t, size_t n, unsigned line)
{
	struct asa_if *f = s->cur_if;
	(void)line;
	if (tk(t[0], "nameif") && n >= 2) {
		f->nameif = asa_str(s, t[1]);
		/* Without a security-level line the ASA gives "inside" 100 and
		 * every other name 0 [research §4]. */
		if (f->level < 0)
			f->level = str_ieq_n(t[1], strlen(t[1]), "inside") ? 100 : 0;
		return true;
	}
	if (tk(t[0], "security-level") && n >= 2) {
		long v;
		if (str_to_long(t[1], 0, 100, &v) == 0)
			f->level = (int)v;
		return true;
	}
	if (tk(t[0], "ip") && n >= 3 && tk(t[1], "address")) {
		if (tk(t[2], "dhcp") || tk(t[2], "pppoe")) {
			f->dhcp = true;
			f->has_v4 = true;
			return true;
		}
		struct u128 a, m;
		if (n >= 4 && addr_parse(FAM_V4, t[2], strlen(t[2]), &a) == 0 &&
		    addr_parse(FAM_V4, t[3], strlen(t[3]), &m) == 0 && mask_len(&m) >= 0) {
			f->has_v4 = true;
			f->addr4 = a;
			f->plen4 = (unsigned)mask_len(&m);
		}
		return true;
	}
	if (tk(t[0], "ipv6") && n >= 2) {
		if (tk(t[1], "address") || tk(t[1], "enable"))
			f->has_v6 = true;
		return true;
	}
	if (tk(t[0], "shutdown")) {
		f->shutdown = true;
		return true;
	}
	if (tk(t[0], "management-only")) {
		f->mgmt_only = true;
		return true;
	}
	static const char *const known[] = {"description", "speed", "duplex", "vlan", "no",
					    "mtu", "member-interface", "channel-group", "pppoe",
					    "nve-only", "delay", "ddns", "dhcp", "dhcprelay", "lacp",
					    "mac-address", "flowcontrol", "authentication", NULL};
	for (size_t i = 0; known[i]; i++)
		if (tk(t[0], known[i]))
			return true;
	return false;
}

/* Words that, unindented, can only continue an interface block (flat
 * exports): top-level `ip`, `ipv6`, `mtu` … have other shapes. */
static bool asa_if_word(char **t, size_t n)
{
	static const char *const w[] = {"nameif", "security-level", "shutdown", "management-only",
					"speed", "duplex", "vlan", "switchport", "channel-group",
					"member-interface", "description", NULL};
	for (size_t i = 0; w[i]; i++)
		if (tk(t[0], w[i]))
			return true;
	if (n >= 2 && tk(t[0], "ip") && tk(t[1], "address"))
		return true;
	if (n >= 2 && tk(t[0], "ipv6") && (tk(t[1], "address") || tk(t[1], "enable") ||
					   tk(t[1], "nd")))
		return true;
	return n >= 2 && tk(t[0], "no") && (tk(t[1], "nameif") || tk(t[1], "ip") ||
					    tk(t[1], "security-level") || tk(t[1], "shutdown"));
}

static bool asa_line(struct asa *s, char **t, size_t n, unsigned line, bool indented)
{
	const char *h = t[0];
	/* Sub-commands of the current block: indented, or in a flat export
	 * recognised by their words. */
	if (s->cur_if && (indented || asa_if_word(t, n)) && asa_interface_sub(s, t, n, line))
		return true;
	/* A twice NAT ("nat (a,b) source …") is always top-level, even right
	 * after an object in a flat export; an object's own NAT has no
	 * "source". */
	bool twice_nat = tk(h, "nat") && n >= 3 &&
			 (tk(t[2], "source") || tk(t[2], "after-auto") || tk(t[2], "after-object"));
	if (s->cur_obj && !twice_nat &&
	    (indented || tk(h, "network-object") || tk(h, "port-object") ||
	     tk(h, "service-object") || tk(h, "group-object") || tk(h, "protocol-object") ||
	     tk(h, "icmp-object") || tk(h, "host") || tk(h, "subnet") || tk(h, "range") ||
	     tk(h, "fqdn") || tk(h, "service") || tk(h, "nat") || tk(h, "description"))) {
		if (tk(h, "nat") && n >= 3) {
			/* object NAT: ` nat (real,mapped) static X [service …]` */
			struct asa_nat *nn = input_grow(s->in, s->nats, &s->capnats, s->nnats,
							sizeof(*s->nats));
			if (nn) {
				s->nats = nn;
				struct asa_nat *na = &s->nats[s->nnats++];
				memset(na, 0, sizeof(*na));
				asa_if_pair(s, t[1], &na->real_if, &na->mapped_if);
				na->tok = asa_keep(s, t + 2, n - 2);
				na->n = n - 2;
				na->object = arena_strdup(s->a, s->cur_obj->name);
				na->line = line;
			}
			return true;
		}
		asa_obj_line(s, t, n, line);
		return true;
	}
	if (s->in_webvpn && indented) {
		if (tk(h, "enable") && n >= 2) {
			if (!asa_name_add(s, &s->webvpn_if, &s->nwebvpn, &s->capwebvpn, t[1]))
				return false;
			s->webvpn_line = line;
		}
		if (tk(h, "anyconnect") && n >= 2 && tk(t[1], "enable"))
			s->anyconnect = true;
		return true;
	}
	/* Lines inside other blocks (group-policy attributes, crypto policies,
	 * class and policy maps): nothing for these checks. */
	if (indented && s->in_block)
		return true;
	/* A top-level command ends the blocks. */
	s->cur_if = NULL;
	s->cur_obj = NULL;
	s->in_webvpn = false;
	if (tk(h, "interface") && n >= 2) {
		struct asa_if *ni = input_grow(s->in, s->ifs, &s->capifs, s->nifs, sizeof(*ni));
		if (!ni)
			return false;
		s->ifs = ni;
		struct asa_if *f = &s->ifs[s->nifs++];
		memset(f, 0, sizeof(*f));
		f->hw = asa_str(s, t[1]);
		f->nameif = f->acl_in = f->acl_cp = "";
		f->level = -1;
		f->line = line;
		s->cur_if = f;
		return true;
	}
	if ((tk(h, "object") || tk(h, "object-group")) && n >= 3) {
		enum asa_obj_kind k;
		if (tk(h, "object"))
			k = tk(t[1], "network") ? OBJ_NET : OBJ_SVC;
		else
			k = tk(t[1], "network") ? OBJ_NETGROUP : tk(t[1], "service") ? OBJ_SVCGROUP
			    : tk(t[1], "protocol") ? OBJ_PROTOGROUP : OBJ_ICMPGROUP;
		/* `object network X` again (e.g. to add its NAT) continues X. */
		struct asa_obj *o = asa_obj_find(s, t[2]);
		if (o && o->kind == k) {
			s->cur_obj = o;
			return true;
		}
		struct asa_obj *no = input_grow(s->in, s->objs, &s->capobjs, s->nobjs, sizeof(*no));
		if (!no)
			return false;
		s->objs = no;
		o = &s->objs[s->nobjs++];
		memset(o, 0, sizeof(*o));
		o->name = asa_str(s, t[2]);
		if (strmap_put(&s->objix, o->name, s->nobjs - 1) < 0)
			return false;
		o->kind = k;
		o->line = line;
		if (k == OBJ_SVCGROUP && n >= 4)
			o->svc_proto = arena_strdup(s->a, t[3]);
		s->cur_obj = o;
		return true;
	}
	if (tk(h, "access-list") && n >= 3) {
		size_t i = 2;
		if (tk(t[i], "line") && n >= 5)
			i += 2;
		if (tk(t[i], "remark") || tk(t[i], "standard") || tk(t[i], "webtype") ||
		    tk(t[i], "ethertype"))
			return true;   /* comments; split tunnelling, web and L2 ACLs */
		if (tk(t[i], "extended"))
			i++;
		if (i >= n || !(tk(t[i], "permit") || tk(t[i], "deny")))
			return false;
		struct asa_ace *na = input_grow(s->in, s->aces, &s->capaces, s->naces, sizeof(*na));
		if (!na)
			return false;
		s->aces = na;
		struct asa_ace *e = &s->aces[s->naces++];
		e->acl = asa_str(s, t[1]);
		e->tok = asa_keep(s, t + i, n - i);
		e->n = n - i;
		e->line = line;
		return true;
	}
	if (tk(h, "access-group") && n >= 3) {
		if (tk(t[2], "global")) {
			s->global_acl = asa_str(s, t[1]);
			s->global_line = line;
			return true;
		}
		if (n >= 5 && tk(t[2], "in") && tk(t[3], "interface")) {
			struct asa_if *f = asa_if_by_nameif(s, t[4]);
			if (!f)
				return false;
			bool cp = n >= 6 && tk(t[5], "control-plane");
			if (cp) {
				f->acl_cp = asa_str(s, t[1]);
				f->acl_cp_line = line;
			} else {
				f->acl_in = asa_str(s, t[1]);
				f->acl_in_line = line;
			}
			return true;
		}
		return n >= 5 && tk(t[2], "out");
	}
	if ((tk(h, "route") || tk(h, "ipv6")) && n >= 4) {
		bool v6 = tk(h, "ipv6");
		if (v6 && !tk(t[1], "route"))
			return true;
		size_t o = v6 ? 1 : 0;
		const char *ifn = t[1 + o];
		bool dflt = v6 ? tk(t[2 + o], "::/0")
			       : n >= 4 && (tk(t[2], "0.0.0.0") || tk(t[2], "0")) &&
					 (tk(t[3], "0.0.0.0") || tk(t[3], "0"));
		if (dflt && !s->default_route_if[0]) {
			s->default_route_if = asa_str(s, ifn);
			s->default_route_line = line;
		}
		return true;
	}
	/* Pre-8.3 NAT (Cisco ASA 5500 Migration to Version 8.3 and Later,
	 * "NAT Migration", http://www.cisco.com/c/en/us/td/docs/security/asa/asa83/upgrading/migrating.html):
	 * `static (real_ifc,mapped_ifc) …` maps hosts or ports inward;
	 * `nat (ifc) ID …` + `global (ifc) ID …` is dynamic NAT/PAT, which lets
	 * nothing in; `nat (ifc) 0 access-list ACL` exempts traffic to the
	 * ACL's destinations (VPN peers) from NAT. */
	if ((tk(h, "static") || tk(h, "global") || tk(h, "nat")) && n >= 3 && t[1][0] == '(' &&
	    (tk(h, "global") || tk(h, "static") || !strchr(t[1], ','))) {
		if (!s->legacy_nat_line) {
			s->legacy_nat_line = line;
			input_diag(s->in, DIAG_NOTE, line, 1,
				   "NAT in the form used before ASA 8.3: access lists are read as naming the translated (outside) addresses and ports, as those versions do",
				   "ASA 8.3 より前の形式の NAT です。当時の版と同じく、アクセスリストは変換後（外側）のアドレスとポートを指すものとして読みます");
		}
		if (tk(h, "nat") && tk(t[2], "0") && n >= 5 && tk(t[3], "access-list"))
			input_diag(s->in, DIAG_NOTE, line, 1,
				   "NAT exemption (nat 0 access-list %s) is not modelled: hosts it exempts may be reachable from that list's destinations",
				   "NAT 除外（nat 0 access-list %s）はモデル化していません。除外したホストにはそのリストの宛先から到達できる可能性があります",
				   utf8_sanitize(s->a, t[4], strnlen(t[4], 60)));
		if (!tk(h, "static"))
			return true;
		struct asa_static *ns = input_grow(s->in, s->statics, &s->capstatics, s->nstatics,
						   sizeof(*ns));
		if (!ns)
			return false;
		s->statics = ns;
		struct asa_static *st = &s->statics[s->nstatics++];
		memset(st, 0, sizeof(*st));
		if (asa_if_pair(s, t[1], &st->real_if, &st->mapped_if) != 2) {
			s->nstatics--;
			return false;
		}
		st->tok = asa_keep(s, t + 2, n - 2);
		st->n = n - 2;
		st->line = line;
		return st->tok != NULL;
	}
	if (tk(h, "nat") && n >= 3 && t[1][0] == '(') {
		struct asa_nat *nn = input_grow(s->in, s->nats, &s->capnats, s->nnats, sizeof(*nn));
		if (!nn)
			return false;
		s->nats = nn;
		struct asa_nat *na = &s->nats[s->nnats++];
		memset(na, 0, sizeof(*na));
		asa_if_pair(s, t[1], &na->real_if, &na->mapped_if);
		size_t i = 2;
		if (i < n && (tk(t[i], "after-auto") || tk(t[i], "after-object")))
			i++;
		na->tok = asa_keep(s, t + i, n - i);
		na->n = n - i;
		na->line = line;
		na->twice = true;
		return true;
	}
	if ((tk(h, "http") || tk(h, "ssh") || tk(h, "telnet")) && n >= 2) {
		if (tk(h, "http") && tk(t[1], "server") && n >= 3 && tk(t[2], "enable")) {
			s->http_server = true;
			s->http_server_line = line;
			long p;
			if (n >= 4 && str_to_long(t[3], 1, 65535, &p) == 0)
				s->http_port = p;
			return true;
		}
		if (n == 4) {
			/* NET MASK IF ("0 0" is shorthand for any) */
			struct u128 a = {0, 0}, m = {0, 0};
			bool zero = tk(t[1], "0") && tk(t[2], "0");
			if (!zero && (addr_parse(FAM_V4, t[1], strlen(t[1]), &a) ||
				      addr_parse(FAM_V4, t[2], strlen(t[2]), &m) || mask_len(&m) < 0))
				return true;   /* `ssh version 2`, `telnet timeout 5` … */
			struct asa_mgmt *nm = input_grow(s->in, s->mg, &s->capmg, s->nmg, sizeof(*nm));
			if (!nm)
				return false;
			s->mg = nm;
			struct asa_mgmt *g = &s->mg[s->nmg++];
			g->svc = tk(h, "http") ? 0 : tk(h, "ssh") ? 1 : 2;
			aset_prefix(s->a, FAM_V4, a, zero ? 0 : (unsigned)mask_len(&m), &g->src);
			g->ifname = asa_str(s, t[3]);
			/* These lines hold no secret: quoted as they are. */
			g->text = arena_printf(s->a, "%s %s %s %s", t[0], t[1], t[2], t[3]);
			g->line = line;
			return true;
		}
		return true;
	}
	if (tk(h, "same-security-traffic") && n >= 3 && tk(t[1], "permit")) {
		s->same_sec_inter |= tk(t[2], "inter-interface");
		return tk(t[2], "inter-interface") || tk(t[2], "intra-interface");
	}
	if (tk(h, "webvpn") && n == 1) {
		s->in_webvpn = true;
		return true;
	}
	if (tk(h, "crypto") && n >= 4 && (tk(t[1], "ikev1") || tk(t[1], "ikev2") ||
					  tk(t[1], "isakmp")) && tk(t[2], "enable")) {
		if (!asa_name_add(s, &s->ike_if, &s->nike, &s->capike, t[3]))
			return false;
		s->ike_line = line;
		return true;
	}
	if (tk(h, "crypto") && n >= 5 && tk(t[1], "map") && tk(t[3], "interface")) {
		if (!asa_name_add(s, &s->ike_if, &s->nike, &s->capike, t[4]))
			return false;
		if (!s->ike_line)
			s->ike_line = line;
		return true;
	}
	if (tk(h, "tunnel-group") && n >= 4 && tk(t[2], "type")) {
		if (tk(t[3], "remote-access")) {
			s->ra_tunnel_group = true;
			s->ra_line = line;
		}
		return true;
	}
	if (tk(h, "name") && n >= 3) {
		struct u128 a;
		if (addr_parse(FAM_V4, t[1], strlen(t[1]), &a) == 0) {
			void *grown = input_grow(s->in, s->names_addr, &s->capnames, s->nnames,
					     sizeof(struct u128));
			if (!grown)
				return false;
			s->names_addr = grown;
			int r = strmap_put(&s->names, t[2], s->nnames);
			if (r < 0)
				return false;
			if (r == 1)   /* the first definition of a name counts */
				s->names_addr[s->nnames++] = a;
		}
		return true;
	}
	/* Known commands with nothing for 3-2 or 5-4. */
	static const char *const known[] = {
		"hostname", "domain-name", "enable", "passwd", "names", "no", "dns", "ftp",
		"pager", "logging", "mtu", "icmp", "asdm", "arp", "timeout", "user-identity",
		"aaa", "snmp-server", "service", "sysopt", "crypto", "telnet", "ssh", "ntp",
		"dhcpd", "threat-detection", "class-map", "policy-map", "service-policy",
		"prompt", "call-home", "profile", "username", "group-policy", "tunnel-group",
		"ssl", "dynamic-access-policy-record", "license", "same-security-traffic",
		"xlate", "failover", "monitor-interface", "boot", "console", "banner", "clock",
		"firewall", "mac-address", "route", "ipv6", "router", "vpn-addr-assign",
		"ip", "management-access", "webvpn", "anyconnect", "global", "flow-export",
		"object-group-search", "access-group", "nat", "terminal", "quit", "end",
		"Cryptochecksum", "jumbo-frame", "http", "vpdn", "dhcprelay", "wccp", "scansafe",
		"context", "admin-context", "allocate-interface", "config-url", "mode",
		"description", "inspect", "parameters", "match", "class", "message-length",
		"tls-proxy", "dns-guard", "tcp-map", "pim", "igmp", "multicast-routing",
		"service-module", "eou", "auth-prompt", "virtual", "quota", "aaa-server",
		"crashinfo", "group-delimiter", "ldap", "smtp-server", "priority-queue",
		"time-range", "ipsec", "isakmp", "vpn", "certificate", "smart-tunnel",
		"tftp-server", "track", "sla", "rest-api", "fips", "regex", "email", "dynamic-filter",
		"connection", "deny", "permit", "ASA", "ASDM", "clear", "fragment", "hpm",
		"ssh", "ipv6", "snmp-map", "object-group", "object", "interface", "dns-guard",
		"resource", "limit-resource", "remote-access", "user", "storage", NULL};
	for (size_t i = 0; known[i]; i++)
		if (tk(h, known[i]))
			return true;
	return strncmp(h, "Cryptochecksum:", 15) == 0;
}

/* ---- the model ------------------------------------------------------------------------ */

static void asa_build_list(struct asa *s, const struct asa_if *f, enum fam fam,
			   struct flist *out)
{
	memset(out, 0, sizeof(*out));
	bool has_in = f->acl_in[0] && asa_acl_exists(s, f->acl_in);
	bool has_global = s->global_acl[0] && asa_acl_exists(s, s->global_acl);
	struct asa_rules r = {0};
	if (has_in)
		asa_acl_rules(s, f->acl_in, fam, &r);
	if (has_global)
		asa_acl_rules(s, s->global_acl, fam, &r);
	out->dflt = FA_DENY;
	if (has_in || has_global) {
		out->present = true;
		out->line = has_in ? f->acl_in_line : s->global_line;
		out->text = has_in ? arena_printf(s->a, "access-group %s in interface %s",
						  f->acl_in, f->nameif)
				   : arena_printf(s->a, "access-group %s global", s->global_acl);
	} else if (f->level >= 0) {
		/* No ACL: traffic goes only from a higher to a lower security
		 * level; between interfaces of the same level only with
		 * `same-security-traffic permit inter-interface` ("This command
		 * is disabled by default": Cisco Security Appliance Command
		 * Reference 8.1, same-security-traffic,
		 * https://www.cisco.com/en/US/docs/security/asa/asa81/command/reference/s1.html).
		 * So the internet side is open through the box only when another
		 * interface in use sits below it, or at its level with that
		 * command. */
		bool open = false;
		for (size_t i = 0; i < s->nifs && !open; i++) {
			const struct asa_if *g = &s->ifs[i];
			if (g == f || !g->nameif[0] || g->shutdown || g->mgmt_only || g->level < 0)
				continue;
			open = g->level < f->level || (g->level == f->level && s->same_sec_inter);
		}
		if (!open) {
			out->present = true;
			out->line = f->line;
			out->text = arena_printf(s->a, "security-level %d (no access-group)", f->level);
		}
	}
	/* An access-group naming a list the file does not hold: the ASA
	 * refuses that, so the copy is incomplete and the list unknown. */
	if (f->acl_in[0] && !has_in) {
		out->missing = arena_strdup(s->a, f->acl_in);
		out->line = f->acl_in_line;
		out->text = arena_printf(s->a, "access-group %s in interface %s", f->acl_in, f->nameif);
	} else if (s->global_acl[0] && !has_global) {
		out->missing = arena_strdup(s->a, s->global_acl);
		out->line = s->global_line;
		out->text = arena_printf(s->a, "access-group %s global", s->global_acl);
	}
	/* Lines of an applied list that could not be read. */
	size_t bad;
	if (!out->unreadable && ((has_in && strmap_get(&s->bad_acls, f->acl_in, &bad)) ||
				 (has_global && strmap_get(&s->bad_acls, s->global_acl, &bad)))) {
		out->unreadable = true;
		out->unreadable_line = (unsigned)bad;
	}
	out->rules = r.r;
	out->n = r.n;
	if (r.unreadable && !out->unreadable) {
		out->unreadable = true;
		out->unreadable_line = r.unreadable_line;
	}
	/* ACEs switched off with `inactive`, for an info finding (IPv4 list
	 * only, so each is reported once). */
	if (fam != FAM_V4)
		return;
	size_t cap = 0;
	for (size_t k = 0; k < s->naces; k++) {
		const struct asa_ace *e = &s->aces[k];
		if (!((has_in && strcmp(e->acl, f->acl_in) == 0) ||
		      (has_global && strcmp(e->acl, s->global_acl) == 0)))
			continue;
		bool inactive = false;
		for (size_t j = 0; j < e->n; j++)
			inactive |= tk(e->tok[j], "inactive");
		if (!inactive)
			continue;
		void *grown = input_grow(s->in, out->inactive, &cap, out->ninactive, sizeof(unsigned));
		if (!grown)
			return;
		out->inactive = grown;
		out->inactive[out->ninactive++] = e->line;
	}
}

/* Static NAT entries that map inside hosts to the WAN interface. */
static void asa_forwards(struct asa *s, const char *wan, struct wan_if *w)
{
	size_t cap = 0;
	for (size_t k = 0; k < s->nnats; k++) {
		const struct asa_nat *na = &s->nats[k];
		char **t = na->tok;
		size_t n = na->n;
		struct aset hosts, from;
		aset_empty(FAM_V4, &hosts);
		aset_empty(FAM_V4, &from);
		const char *svc_obj = NULL;
		bool is_static = false;
		bool src_static = false;      /* twice NAT with the server as source */
		if (!na->twice) {
			/* object NAT: `static MAPPED [service tcp REAL MAPPED]` */
			if (n < 1 || !tk(t[0], "static") ||
			    (strcmp(na->mapped_if, wan) != 0 && strcmp(na->mapped_if, "any") != 0))
				continue;
			struct asa_obj *o = asa_obj_find(s, na->object);
			if (!o || asa_net_members(s, o, FAM_V4, &hosts, 0) < 0)
				continue;
			is_static = true;
			for (size_t i = 0; i + 3 < n; i++)
				if (tk(t[i], "service")) {
					/* service PROTO REAL MAPPED: the ACL sees REAL */
					struct nat_forward fw = {.fam = FAM_V4, .line = na->line};
					uint32_t lo, hi, p;
					if (asa_proto_word(t[i + 1], &lo, &hi) ||
					    pset_range(s->a, lo, hi, &fw.proto) || asa_port(s, t[i + 2], &p) ||
					    pset_range(s->a, p, p, &fw.ports))
						break;
					for (size_t h = 0; h < hosts.n; h++) {
						fw.inner = hosts.iv[h].lo;   /* one host per object here */
						void *grown = input_grow(s->in, w->fwds, &cap, w->nfwds, sizeof(*w->fwds));
						if (!grown)
							return;
						w->fwds = grown;
						fw.text = arena_printf(s->a, "object %s: nat (%s,%s) static … service %s %s %s",
								       na->object, na->real_if, na->mapped_if,
								       t[i + 1], t[i + 2], t[i + 3]);
						w->fwds[w->nfwds++] = fw;
					}
					is_static = false;   /* handled */
					break;
				}
		} else {
			/* twice NAT */
			size_t i = 0;
			if (n >= 3 && tk(t[0], "source") && tk(t[1], "static") &&
			    (strcmp(na->mapped_if, wan) == 0 || strcmp(na->mapped_if, "any") == 0)) {
				/* source static REAL MAPPED [destination …] [service REAL MAPPED] */
				struct asa_obj *o = asa_obj_find(s, t[2]);
				if (!o || asa_net_members(s, o, FAM_V4, &hosts, 0) < 0)
					continue;
				/* `source static X X destination static P P` is the usual
				 * "no NAT" for VPN traffic: nothing is exposed by it. */
				if (n >= 4 && strcmp(t[2], t[3]) == 0)
					continue;
				is_static = true;
				src_static = true;
				for (i = 3; i + 1 < n; i++)
					if (tk(t[i], "service")) {
						svc_obj = t[i + 1];
						break;
					}
				/* With `destination static D …` the mapping applies only to
				 * traffic with D. */
				for (i = 3; i + 2 < n; i++)
					if (tk(t[i], "destination") && tk(t[i + 1], "static")) {
						struct asa_obj *dob = asa_obj_find(s, t[i + 2]);
						if (dob)
							asa_net_members(s, dob, FAM_V4, &from, 0);
						break;
					}
			} else if (strcmp(na->real_if, wan) == 0) {
				/* from the WAN: `destination static MAPPED REAL [service MAPPED REAL]` */
				for (i = 0; i + 2 < n; i++)
					if (tk(t[i], "destination") && tk(t[i + 1], "static") && i + 3 < n) {
						struct asa_obj *o = asa_obj_find(s, t[i + 3]);
						if (o && asa_net_members(s, o, FAM_V4, &hosts, 0) == 0)
							is_static = true;
						break;
					}
				for (i = 0; i + 2 < n && is_static; i++)
					if (tk(t[i], "service")) {
						svc_obj = t[i + 2];
						break;
					}
			}
		}
		if (!is_static || aset_is_empty(&hosts))
			continue;
		struct asa_svcs svcs = {0};
		if (svc_obj) {
			struct asa_obj *o = asa_obj_find(s, svc_obj);
			if (!o || asa_svc_members(s, o, &svcs, 0))
				continue;
		}
		{
			/* One forward for all the mapped hosts. */
			{
				size_t nv = svcs.n ? svcs.n : 1;
				for (size_t v = 0; v < nv; v++) {
					struct nat_forward fw = {.fam = FAM_V4, .inner = hosts.iv[0].lo,
								 .hosts = hosts, .from = from,
								 .line = na->line};
					if (svcs.n) {
						fw.proto = svcs.v[v].proto;
						/* Cisco, "Configuring Twice NAT" (ASA 8.4
						 * guide): with the server as the source, the
						 * service's source ports are its ports. */
						fw.ports = src_static && svcs.v[v].has_sport
							? svcs.v[v].sport : svcs.v[v].dport;
					} else if (pset_all(s->a, 255, &fw.proto) ||
						   pset_all(s->a, 65535, &fw.ports)) {
						return;
					}
					fw.text = na->twice
						? arena_printf(s->a, "nat (%s,%s) … (line %u)", na->real_if,
							       na->mapped_if, na->line)
						: arena_printf(s->a, "object %s: nat (%s,%s) static", na->object,
							       na->real_if, na->mapped_if);
					void *grown = input_grow(s->in, w->fwds, &cap, w->nfwds, sizeof(*w->fwds));
					if (!grown)
						return;
					w->fwds = grown;
					w->fwds[w->nfwds++] = fw;
				}
			}
		}
	}
}

/* An IPv4 address or a `name` alias. */
static int asa_v4(struct asa *s, const char *w, struct u128 *a)
{
	if (addr_parse(FAM_V4, w, strlen(w), a) == 0)
		return 0;
	return asa_name_find(s, w, a) ? 0 : -1;
}

/* The inbound list l rewritten for one pre-8.3 static: before 8.3 the ACL
 * names the mapped addresses and ports (Cisco, "Cisco ASA 5500 Migration
 * to Version 8.3 and Later": "you used to have to specify the mapped
 * addresses and ports in an access list"). Each rule keeps what it says
 * about packets to the mapping (mapped set, and mapped port for a PAT
 * static), moved to the real host and port; the rest of the rule cannot
 * touch this forward. Returns NULL when out of memory. */
static const struct flist *asa_static_acl(struct asa *s, const struct flist *l,
					  const struct aset *mapped, bool to_one,
					  uint32_t delta, uint32_t proto, uint32_t mport,
					  uint32_t rport, const struct aset *real)
{
	struct flist *o = arena_alloc(s->a, sizeof(*o));
	if (!o)
		return NULL;
	*o = *l;
	o->rules = NULL;
	o->n = 0;
	o->inactive = NULL;
	o->ninactive = 0;
	struct asa_rules r = {0};
	for (size_t k = 0; k < l->n; k++) {
		const struct frule *ru = &l->rules[k];
		struct frule nr = *ru;
		struct aset d;
		if (aset_intersect(s->a, &ru->dst, mapped, &d))
			return NULL;
		if (aset_is_empty(&d))
			continue;
		if (to_one) {
			nr.dst = *real;
		} else {
			aset_empty(FAM_V4, &nr.dst);
			for (size_t j = 0; j < d.n; j++) {
				struct aset one, u;
				struct u128 lo = {0, (uint32_t)(d.iv[j].lo.lo + delta)};
				struct u128 hi = {0, (uint32_t)(d.iv[j].hi.lo + delta)};
				if (aset_range(s->a, FAM_V4, lo, hi, &one) ||
				    aset_union(s->a, &nr.dst, &one, &u))
					return NULL;
				nr.dst = u;
			}
		}
		if (proto) {
			struct pset pp;
			if (pset_range(s->a, proto, proto, &pp) ||
			    pset_intersect(s->a, &ru->proto, &pp, &nr.proto))
				return NULL;
			if (pset_is_empty(&nr.proto) || !pset_contains(&ru->dport, mport))
				continue;
			if (pset_range(s->a, rport, rport, &nr.dport))
				return NULL;
		}
		if (rules_push(s, &r, &nr))
			return NULL;
	}
	o->rules = r.r;
	o->n = r.n;
	return o;
}

/* Pre-8.3 statics to the internet side as forwards:
 *   static (real,mapped) {tcp|udp} {MAPPED|interface} MPORT REAL RPORT [netmask M] [options]
 *   static (real,mapped) {MAPPED|interface} REAL [netmask M] [options]
 * (options: dns, norandomseq, nailed, tcp/udp limits, max_conns). A
 * policy static (`access-list` instead of REAL) is not assessed: the list
 * becomes unreadable, so 3-2 cannot pass on a guess. */
static void asa_statics(struct asa *s, const struct asa_if *wan, struct wan_if *w)
{
	size_t cap = w->nfwds;
	for (size_t k = 0; k < s->nstatics; k++) {
		const struct asa_static *st = &s->statics[k];
		if (strcmp(st->mapped_if, wan->nameif) != 0)
			continue;
		char **t = st->tok;
		size_t n = st->n, i = 0;
		uint32_t proto = 0, mport = 0, rport = 0;
		struct u128 ma = {0, 0}, ra, m;
		if (i < n && (tk(t[i], "tcp") || tk(t[i], "udp")))
			proto = tk(t[i++], "tcp") ? PROTO_TCP : PROTO_UDP;
		if (i >= n)
			goto bad;
		bool mif = tk(t[i], "interface");
		if (!mif && asa_v4(s, t[i], &ma))
			goto bad;
		i++;
		if (proto && (i >= n || asa_port(s, t[i], &mport)))
			goto bad;
		i += proto ? 1 : 0;
		if (i < n && tk(t[i], "access-list")) {
			input_diag(s->in, DIAG_NOTE, st->line, 1,
				   "policy static NAT (static … access-list) is not assessed: what the inbound list lets in is not judged",
				   "ポリシースタティック NAT（static … access-list）は判定していません。受信リストが何を通すかを判定していません");
			if (!w->in4.unreadable) {
				w->in4.unreadable = true;
				w->in4.unreadable_line = st->line;
			}
			continue;
		}
		if (i >= n || asa_v4(s, t[i], &ra))
			goto bad;
		i++;
		if (proto && (i >= n || asa_port(s, t[i], &rport)))
			goto bad;
		i += proto ? 1 : 0;
		int plen = 32;
		if (i + 1 < n && (tk(t[i], "netmask") || tk(t[i], "mask"))) {
			if (addr_parse(FAM_V4, t[i + 1], strlen(t[i + 1]), &m) || (plen = mask_len(&m)) < 0)
				goto bad;
		}
		if (mif && plen != 32)
			goto bad;
		struct aset mapped, real, u;
		uint32_t mask = plen ? 0xffffffffu << (32 - plen) : 0;
		ra.lo &= mask;
		ma.lo &= mask;
		if (aset_prefix(s->a, FAM_V4, ra, (unsigned)plen, &real))
			return;
		if (mif) {
			struct u128 wa = w->addr4;
			if (aset_range(s->a, FAM_V4, BOX_UNKNOWN_ADDR4, BOX_UNKNOWN_ADDR4, &mapped) ||
			    aset_range(s->a, FAM_V4, wa, wa, &u) || aset_union(s->a, &mapped, &u, &mapped))
				return;
		} else if (aset_prefix(s->a, FAM_V4, ma, (unsigned)plen, &mapped)) {
			return;
		}
		struct nat_forward fw = {.fam = FAM_V4, .inner = ra, .line = st->line};
		if (plen < 32)
			fw.hosts = real;
		else
			aset_empty(FAM_V4, &fw.hosts);
		aset_empty(FAM_V4, &fw.from);
		if (proto ? pset_range(s->a, proto, proto, &fw.proto) || pset_range(s->a, rport, rport, &fw.ports)
			  : pset_all(s->a, 255, &fw.proto) || pset_all(s->a, 65535, &fw.ports))
			return;
		struct strbuf sb;
		sb_init(&sb, 200);
		sb_printf(&sb, "static (%s,%s)", st->real_if, st->mapped_if);
		for (size_t j = 0; j < n && j < 12; j++)
			sb_printf(&sb, " %s", t[j]);
		fw.text = utf8_sanitize(s->a, sb_str(&sb), strlen(sb_str(&sb)));
		sb_free(&sb);
		if (w->in4.present && !w->in4.unreadable && !w->in4.missing) {
			fw.acl4 = asa_static_acl(s, &w->in4, &mapped, mif,
						 (uint32_t)(ra.lo - ma.lo), proto, mport, rport, &real);
			if (!fw.acl4)
				return;
		}
		void *grown = input_grow(s->in, w->fwds, &cap, w->nfwds, sizeof(*w->fwds));
		if (!grown)
			return;
		w->fwds = grown;
		w->fwds[w->nfwds++] = fw;
		continue;
bad:
		input_diag(s->in, DIAG_NOTE, st->line, 1,
			   "this static NAT line cannot be read at '%s': what it forwards is not assessed",
			   "この static NAT の行は '%s' の所で読み取れないため、何を転送するかを判定していません",
			   i < n ? utf8_sanitize(s->a, t[i], strnlen(t[i], 40)) : "(end of line)");
		if (!w->in4.unreadable) {
			w->in4.unreadable = true;
			w->in4.unreadable_line = st->line;
		}
	}
}

static void asa_box_services(struct asa *s, struct device *d)
{
	struct box_service *sv = arena_alloc(s->a, 8 * sizeof(*sv));
	if (!sv)
		return;
	size_t n = 0;
	static const char *const names[] = {"https (ASDM)", "ssh", "telnet"};
	for (int k = 0; k < 3; k++) {
		struct box_service *b = &sv[n];
		memset(b, 0, sizeof(*b));
		b->name = names[k];
		b->cls = SVC_MANAGEMENT;
		b->proto = PROTO_TCP;
		b->port = k == 0 ? (uint32_t)(s->http_port > 0 ? s->http_port : 443) : k == 1 ? 22 : 23;
		b->enabled = k != 0 || s->http_server;
		b->line = k == 0 ? s->http_server_line : 0;
		b->why = k == 0 ? "http server enable" : k == 1 ? "ssh" : "telnet";
		aset_empty(FAM_V4, &b->allow4);
		aset_empty(FAM_V6, &b->allow6);
		/* Sources of the lines that name an internet-facing interface. */
		for (size_t i = 0; i < s->nmg; i++) {
			if (s->mg[i].svc != k)
				continue;
			/* An interface that is shut down carries nothing: noted,
			 * not judged (it is open again once brought up). */
			const struct asa_if *mf = asa_if_by_nameif(s, s->mg[i].ifname);
			if (mf && mf->shutdown) {
				input_diag(s->in, DIAG_NOTE, s->mg[i].line, 1,
					   "%s access is allowed on %s, which is shut down: not reachable while it stays down",
					   "%s による管理アクセスが %s で許可されていますが、このインターフェースは停止中（shutdown）のため、停止している間は到達できません",
					   names[k], utf8_sanitize(s->a, mf->nameif, strlen(mf->nameif)));
				continue;
			}
			for (const struct wan_if *w = d->wans; w; w = w->next) {
				if (strcmp(w->name, s->mg[i].ifname) != 0)
					continue;
				struct aset u;
				if (aset_union(s->a, &b->allow4, &s->mg[i].src, &u) == 0)
					b->allow4 = u;
				b->host_line = s->mg[i].line;
				/* The evidence is the line that opens the service
				 * to the interface (with `http server enable`, which
				 * turns ASDM on, for https). */
				const char *ev = !s->mg[i].text ? NULL
						 : k == 0 && s->http_server
							 ? arena_printf(s->a, "http server enable; %s",
									s->mg[i].text)
							 : s->mg[i].text;
				if (ev)
					b->why = ev;
			}
		}
		n++;
	}
	/* VPN listeners on an internet-facing interface. */
	bool web = false, ike = false;
	for (const struct wan_if *w = d->wans; w; w = w->next) {
		for (size_t i = 0; i < s->nwebvpn; i++)
			web |= strcmp(s->webvpn_if[i], w->name) == 0;
		for (size_t i = 0; i < s->nike; i++)
			ike |= strcmp(s->ike_if[i], w->name) == 0;
	}
	if (web) {
		struct box_service *b = &sv[n++];
		memset(b, 0, sizeof(*b));
		b->name = "ssl-vpn";
		b->cls = SVC_VPN;
		b->proto = PROTO_TCP;
		b->port = 443;
		b->enabled = true;
		b->line = s->webvpn_line;
		b->why = "webvpn enable";
		aset_all(s->a, FAM_V4, &b->allow4);
		aset_all(s->a, FAM_V6, &b->allow6);
	}
	if (ike) {
		const char *nm[2] = {"ike", "ipsec-nat-t"};
		for (int k = 0; k < 2; k++) {
			struct box_service *b = &sv[n++];
			memset(b, 0, sizeof(*b));
			b->name = nm[k];
			b->cls = SVC_VPN;
			b->proto = PROTO_UDP;
			b->port = k == 0 ? 500 : 4500;
			b->enabled = true;
			b->line = s->ike_line;
			b->why = "crypto … enable";
			aset_all(s->a, FAM_V4, &b->allow4);
			aset_all(s->a, FAM_V6, &b->allow6);
		}
	}
	d->svcs = sv;
	d->nsvcs = n;
	if ((web && (s->anyconnect || s->ra_tunnel_group)) || (ike && s->ra_tunnel_group)) {
		d->vpn_remote_access = true;
		d->vpn_how = web ? "AnyConnect / SSL VPN (webvpn enable on the internet side)"
				 : "IPsec remote access (crypto enable with a remote-access tunnel-group)";
		d->vpn_how_ja = web ? "AnyConnect / SSL VPN（インターネット側で webvpn enable）"
				    : "IPsec リモートアクセス（crypto … enable と remote-access の "
				      "tunnel-group）";
		d->vpn_line = web ? s->webvpn_line : s->ra_line;
	}
}

static void asa_model(struct asa *s)
{
	struct device *d = &s->in->dev;
	/* The internet-facing interface [research §4.A]. */
	struct asa_if *wan = NULL;
	const char *how = NULL, *how_ja = NULL;
	unsigned line = 0;
	for (size_t i = 0; i < s->nifs && !wan; i++)
		if (str_ieq_n(s->ifs[i].nameif, strlen(s->ifs[i].nameif), "outside") &&
		    !s->ifs[i].shutdown) {
			wan = &s->ifs[i];
			how = how_ja = "nameif outside";
			line = wan->line;
		}
	if (!wan && s->default_route_if[0]) {
		wan = asa_if_by_nameif(s, s->default_route_if);
		how = "default route";
		how_ja = "デフォルト経路";
		line = s->default_route_line;
	}
	for (size_t i = 0; i < s->nifs && !wan; i++)
		if (s->ifs[i].level == 0 && s->ifs[i].nameif[0] && !s->ifs[i].shutdown &&
		    !s->ifs[i].mgmt_only) {
			wan = &s->ifs[i];
			how = how_ja = "security-level 0";
			line = wan->line;
		}
	/* Last, the name admins give it [research §4.A]. */
	static const char *const wan_words[] = {"outside", "wan", "internet"};
	for (size_t i = 0; i < s->nifs && !wan; i++)
		for (size_t k = 0; k < 3 && !wan; k++)
			if (s->ifs[i].nameif[0] && !s->ifs[i].shutdown && !s->ifs[i].mgmt_only &&
			    str_icontains(s->ifs[i].nameif, strlen(s->ifs[i].nameif), wan_words[k],
					  strlen(wan_words[k]))) {
				wan = &s->ifs[i];
				how = "its name";
				how_ja = "インターフェース名";
				line = wan->line;
			}
	aset_empty(FAM_V4, &d->lan4);
	aset_empty(FAM_V4, &d->box4);
	struct u128 v6lan;
	addr_parse(FAM_V6, "2001:db8:ffff::", 15, &v6lan);
	aset_prefix(s->a, FAM_V6, v6lan, 48, &d->lan6);
	for (size_t i = 0; i < s->nifs; i++) {
		struct asa_if *f = &s->ifs[i];
		if (f == wan || !f->has_v4 || f->dhcp)
			continue;
		struct aset p, u;
		if (aset_prefix(s->a, FAM_V4, f->addr4, f->plen4, &p) == 0 &&
		    aset_union(s->a, &d->lan4, &p, &u) == 0)
			d->lan4 = u;
		if (aset_range(s->a, FAM_V4, f->addr4, f->addr4, &p) == 0 &&
		    aset_union(s->a, &d->box4, &p, &u) == 0)
			d->box4 = u;
	}
	if (wan) {
		struct wan_if *w = arena_alloc(s->a, sizeof(*w));
		if (!w)
			return;
		w->name = arena_strdup(s->a, wan->nameif);
		w->how = how;
		w->how_ja = how_ja;
		w->line = line;
		w->v4 = true;
		w->v6 = wan->has_v6;
		w->nat4 = true;   /* ACLs see real addresses; only static NAT exposes inside */
		w->addr4 = wan->has_v4 && !wan->dhcp ? wan->addr4 : BOX_UNKNOWN_ADDR4;
		w->security_level = wan->level;
		asa_build_list(s, wan, FAM_V4, &w->in4);
		asa_build_list(s, wan, FAM_V6, &w->in6);
		/* To-the-box: control-plane ACL, else nothing but the lines. */
		w->box_own_filter = true;
		if (wan->acl_cp[0]) {
			struct asa_rules r4 = {0}, r6 = {0};
			asa_acl_rules(s, wan->acl_cp, FAM_V4, &r4);
			asa_acl_rules(s, wan->acl_cp, FAM_V6, &r6);
			w->box4 = (struct flist){.present = true, .rules = r4.r, .n = r4.n,
						 .dflt = FA_PASS, .line = wan->acl_cp_line};
			w->box6 = (struct flist){.present = true, .rules = r6.r, .n = r6.n,
						 .dflt = FA_PASS, .line = wan->acl_cp_line};
		}
		asa_forwards(s, wan->nameif, w);
		asa_statics(s, wan, w);
		d->wans = w;
		d->nwans = 1;
	}
	asa_box_services(s, d);
}

/* ": Hardware:   ASA5516, 8192 MB RAM, …" and "ASA Version 9.12(4)67 " */
static void asa_identity(struct asa *s, const char *l, size_t n, unsigned line)
{
	struct device *d = &s->in->dev;
	const char *p;
	if ((p = memmem(l, n, "Hardware:", 9)) != NULL) {
		p += 9;
		while (p < l + n && *p == ' ')
			p++;
		const char *e = p;
		while (e < l + n && *e != ',' && *e != ' ')
			e++;
		if (e > p) {
			d->model.s = utf8_sanitize(s->a, p, (size_t)(e - p));
			d->model.line = line;
			s->in->has_device = true;
		}
		return;
	}
	if ((p = memmem(l, n, "ASA Version ", 12)) != NULL) {
		p += 12;
		const char *e = p;
		while (e < l + n && *e != ' ')
			e++;
		if (e > p) {
			d->firmware.s = utf8_sanitize(s->a, p, (size_t)(e - p));
			d->firmware.line = line;
			s->in->has_device = true;
		}
	}
}

/* The indentation every non-blank line has (0 for a normal config). */
static size_t asa_common_indent(const char *p, size_t len)
{
	size_t base = SIZE_MAX;
	const char *end = p + len;
	while (p < end && base) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		size_t i = 0, n = (size_t)(e - p);
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i < n && p[i] != '\r' && i < base)
			base = i;
		p = e + 1;
	}
	return base == SIZE_MAX ? 0 : base;
}

/* A line not understood: named with its first word (input_unknown); a
 * line of an access list makes that list unreadable, so the item it feeds
 * cannot pass on it. */
static void asa_not_understood(struct asa *s, const char *l, size_t n, unsigned line)
{
	size_t w = 0;
	while (w < n && l[w] != ' ' && l[w] != '\t')
		w++;
	if (w == 11 && memcmp(l, "access-list", 11) == 0) {
		size_t a = w;
		while (a < n && (l[a] == ' ' || l[a] == '\t'))
			a++;
		size_t b = a;
		while (b < n && l[b] != ' ' && l[b] != '\t')
			b++;
		if (b > a) {   /* whole: a list with a long name is still unreadable */
			const char *name = asa_strn(s, l + a, b - a);
			if (*name && strmap_put(&s->bad_acls, name, line) < 0)
				input_nomem(s->in, line);
		}
	}
	input_unknown(s->in, line, "this '%s' line is not understood; no check uses it",
		      "この '%s' の行は解釈できないため、どの判定にも使っていません",
		      utf8_sanitize(&s->scratch, l, w < 40 ? w : 40));   /* copied by the note */
}

static int asa_parse(struct input *in, const struct run_ctx *ctx)
{
	struct asa *s = parse_state_new(in, sizeof(*s));
	if (!s)
		return EL_ENOMEM;
	s->in = in;
	s->ctx = ctx;
	s->a = &in->arena;
	strmap_init(&s->objix, s->a);
	strmap_init(&s->names, s->a);
	strmap_init(&s->reported, s->a);
	strmap_init(&s->bad_acls, s->a);
	s->global_acl = s->default_route_if = "";
	in->has_coverage = true;
	in->has_device = true;
	in->dev.vendor.s = "cisco";
	in->dev.vendor_display = "Cisco";
	if (parse_binary(in, "this file holds binary data, not a running-config",
			 "このファイルはバイナリデータで、running-config ではありません"))
		return EL_EPARSE;
	const char *p = in->data, *end = in->data + in->len;
	unsigned line = 0;
	/* A config pasted into a mail, wiki or ticket often has every line
	 * indented: the indentation all lines share is not the config's. */
	size_t base = asa_common_indent(in->data, in->len);
	if (base)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "every line is indented by %zu or more blanks (a pasted copy?): read as if that indentation were not there",
			   "すべての行が %zu 文字以上字下げされています（貼り付けた写しでしょうか）。その字下げがないものとして読みました",
			   base);
	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		size_t n = (size_t)(e - p);
		const char *l = p;
		p = e + 1;
		line++;
		while (n && (l[n - 1] == '\r' || l[n - 1] == ' ' || l[n - 1] == '\t'))
			n--;
		size_t lead = 0;
		while (lead < n && (l[lead] == ' ' || l[lead] == '\t'))
			lead++;
		if (n == lead)
			continue;
		bool indented = lead > base;
		/* Comments and markers: ": …", "!", "! …" (Oxidized). */
		if (l[lead] == ':' || l[lead] == '!') {
			asa_identity(s, l, n, line);
			continue;
		}
		if (s->in_cert) {
			if (n - lead == 4 && memcmp(l + lead, "quit", 4) == 0)
				s->in_cert = false;
			continue;
		}
		in->lines_total++;
		if (memmem(l, n, "ASA Version ", 12))
			asa_identity(s, l, n, line);
		/* A CLI prompt echo: "fw# show running-config", "fw(config)#". */
		const char *hs = memchr(l + lead, '#', n - lead);
		if (hs && (size_t)(hs - l) < n &&
		    (memmem(l, n, "# show ", 7) || memmem(l, n, "# Show ", 7) || hs == l + n - 1)) {
			in->lines_understood++;
			continue;
		}
		char *t[ASA_MAX_TOKENS];
		long k = asa_tokens(s, l + lead, n - lead, t);
		bool ok = false;
		if (k > 0) {
			asa_secrets(s, t, (size_t)k, line);
			ok = asa_line(s, t, (size_t)k, line, indented);
			if (!indented)
				s->in_block = ok;
			/* `crypto ca certificate chain X` is followed by hex blocks
			 * that end in "quit" (not `… certificate map`). */
			if (k >= 4 && tk(t[0], "crypto") && tk(t[1], "ca") && tk(t[2], "certificate") &&
			    tk(t[3], "chain"))
				s->in_cert = true;
		}
		if (ok)
			in->lines_understood++;
		else
			asa_not_understood(s, l + lead, n - lead, line);
		arena_reset(&s->scratch);
	}
	arena_free(&s->scratch);
	if (in->lines_total == 0) {
		input_fail(in, "no Cisco ASA configuration lines found", "Cisco ASA の設定行が見つかりません");
		return EL_EPARSE;
	}
	input_unknown_end(in);
	asa_model(s);
	arena_free(&s->ace_tmp);
	if (s->undefined_more)
		input_diag(in, DIAG_NOTE, s->undefined_more_line, 1,
			   "%zu more names are not defined (the first at this line); lines naming them are treated as matching nothing",
			   "ほかに %zu 個の名前が定義されていません（最初はこの行）。これらを使う行は何にも一致しないものとして扱います",
			   s->undefined_more);
	return 0;
}

static int asa_probe(const char *head, size_t n)
{
	size_t pos = 0, len;
	const char *ls;
	int hits = 0;
	while (probe_line(head, n, &pos, &ls, &len)) {
		/* After leading blanks: a config pasted into a mail, wiki or
		 * ticket often has every line indented. */
		if (probe_starts(ls, len, "ASA Version ", true) ||
		    probe_starts(ls, len, ": ASA Version ", true) ||
		    probe_starts(ls, len, ": Saved", true))
			return 95;
		if (probe_starts(ls, len, "access-list ", true) ||
		    probe_starts(ls, len, "nameif ", true) ||
		    probe_starts(ls, len, "object network ", true) ||
		    probe_starts(ls, len, "object-group ", true) ||
		    probe_starts(ls, len, "access-group ", true) ||
		    probe_starts(ls, len, "same-security-traffic ", true))
			hits++;
	}
	return hits >= 2 ? 60 : 0;
}

const struct parser parser_cisco_asa = {
	.kind = {
		.name = "cisco-asa",
		.label = "Cisco ASA",
		.label_ja = "Cisco ASA",
		.feeds = {[ITEM_3_2] = true, [ITEM_5_4] = true},
		.fix = asa_fix_build,
		.fix_comment = "!",
		.firewall = true,
		/* `access-group NAME in interface IF` (research/asa.md, access-group: in/out
		 * set the interface's filters; one ACL holds both families). */
		.filter_in = {"access-group … in interface %IF", "access-group … in interface %IF"},
	},
	.probe = asa_probe,
	.parse = asa_parse,
	.max_bytes = 64u << 20,
	.expect = "Cisco ASA",
	.expect_ja = "Cisco ASA",
	.what = "config",
	.what_ja = "設定",
};
