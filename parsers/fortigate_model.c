/*
 * fortigate_model.c — the FortiGate model (part of the FortiGate parser,
 * parsers/fortigate.c, whose header comment gives the semantics and sources):
 * which interfaces face the internet, each one's inbound policy list, its
 * VIP forwards, what the box answers on it (allowaccess, trusthosts, deny
 * local-in policies, SSL-VPN, dial-up IPsec), per VDOM.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/filter.h"
#include "../src/registry.h"
#include "fortigate.h"

/* ---- interfaces and the internet side ----------------------------------------------- */

struct fg_wan {
	const struct fg_ent *ifc;
	const char *how, *how_ja;
	unsigned line;
	struct wan_if *w;
};

/* Whether an srcintf list names the interface: itself, "any", a zone or
 * SD-WAN zone holding it. */
static bool fg_intf_names(struct fg_vd *v, const struct fg_set *x, const char *ifname,
			  const struct fg_tab *sdwan_members)
{
	for (size_t i = 0; x && i < x->nv; i++) {
		const char *n = x->v[i];
		if (strcmp(n, ifname) == 0 || strcmp(n, "any") == 0)
			return true;
		const struct fg_ent *z = fg_tab_get(&v->zone, n, NULL);
		if (z && fg_has(fg_find(z, "interface"), ifname))
			return true;
		/* SD-WAN: "virtual-wan-link" (6.x) or a zone of config system
		 * sdwan; members name their zone (default virtual-wan-link). */
		for (size_t k = 0; k < sdwan_members->n; k++) {
			const struct fg_ent *m = sdwan_members->e[k];
			const char *zn = fg_val(m, "zone");
			if (fg_eq(fg_val(m, "interface"), ifname) &&
			    strcmp(n, zn ? zn : "virtual-wan-link") == 0)
				return true;
		}
	}
	return false;
}

/* The members of the SD-WAN (config system sdwan / virtual-wan-link >
 * config members) in the VDOM. */
static int fg_sdwan_members(struct fg *s, const char *vdom, struct fg_tab *t)
{
	memset(t, 0, sizeof(*t));
	strmap_init(&t->ix, s->a);
	for (struct fg_blk *b = s->blks; b; b = b->next) {
		if ((strcmp(b->path, "system sdwan") != 0 &&
		     strcmp(b->path, "system virtual-wan-link") != 0) ||
		    !fg_vdom_match(b, vdom))
			continue;
		const char *st = fg_val(&b->self, "status");
		if (st && strcmp(st, "disable") == 0)
			continue;
		for (struct fg_blk *sb = b->self.subs; sb; sb = sb->next) {
			if (strcmp(sb->path, "members") != 0)
				continue;
			for (struct fg_ent *e = sb->ents; e; e = e->next) {
				struct fg_ent **g = input_grow(s->in, t->e, &t->cap, t->n, sizeof(void *));
				if (!g)
					return EL_ENOMEM;
				t->e = g;
				t->e[t->n++] = e;
			}
		}
	}
	return 0;
}

static const char *fg_if_vdom(const struct fg_ent *ifc)
{
	const char *vd = fg_val(ifc, "vdom");
	return vd ? vd : "root";
}

/* ---- policies as a filter list ----------------------------------------------------- */

struct fg_rules {
	struct frule *r;
	size_t n, cap;
};

static int fg_rule_add(struct fg *s, struct fg_rules *rl, const struct frule *r)
{
	struct frule *g = input_grow(s->in, rl->r, &rl->cap, rl->n, sizeof(*g));
	if (!g)
		return EL_ENOMEM;
	rl->r = g;
	rl->r[rl->n++] = *r;
	return 0;
}

static void fg_unreadable(struct flist *l, unsigned line, const char *rule, const char *kind,
			  const char *value)
{
	if (l->unreadable)
		return;
	l->unreadable = true;
	l->unreadable_line = line;
	l->unreadable_rule = rule;
	l->unreadable_kind = kind;
	l->unreadable_value = value;
}

/* One policy as rules of the list: one rule per protocol part of its
 * services. */
static int fg_policy_rules(struct fg_vd *v, const struct fg_ent *p, struct flist *l,
			   struct fg_rules *rl, unsigned *inactive, size_t *ninactive)
{
	struct fg *s = v->s;
	const char *status = fg_val(p, "status");
	if (status && strcmp(status, "disable") == 0) {
		inactive[(*ninactive)++] = p->line;
		return 0;
	}
	const char *act = fg_val(p, "action");
	enum faction fa = act && (strcmp(act, "accept") == 0 || strcmp(act, "ipsec") == 0)
				  ? FA_PASS : FA_DENY;
	if (act && fa == FA_DENY && strcmp(act, "deny") != 0) {
		fg_unreadable(l, fg_line(p, "action"), p->name, "action", act);
		return 0;
	}
	const char *rname = arena_printf(s->a, "policy %s", p->name);
	bool isdb_src = fg_eq(fg_val(p, "internet-service-src"), "enable");
	bool isdb_dst = fg_eq(fg_val(p, "internet-service"), "enable");
	if (isdb_src || isdb_dst) {
		/* Sources or destinations from the Internet Service Database:
		 * not in the file. A deny is left out (it denies less than it
		 * says, never more); an accept cannot be judged. */
		if (fa == FA_PASS)
			fg_unreadable(l, p->line, rname, "address",
				      isdb_src ? "internet-service-src" : "internet-service");
		return 0;
	}
	struct aset src, dst, u, one;
	bool bad = false;
	aset_empty(FAM_V4, &src);
	aset_empty(FAM_V4, &dst);
	const struct fg_set *sa = fg_find(p, "srcaddr"), *da = fg_find(p, "dstaddr");
	bool dst_vip = false;
	for (size_t i = 0; sa && i < sa->nv; i++) {
		if (fg_addr_name(v, sa->v[i], sa->line, 0, &one, &bad) ||
		    aset_union(s->a, &src, &one, &u))
			return EL_ENOMEM;
		src = u;
	}
	for (size_t i = 0; da && i < da->nv; i++) {
		dst_vip |= fg_tab_get(&v->vip, da->v[i], NULL) || fg_tab_get(&v->vipgrp, da->v[i], NULL);
		if (fg_addr_name(v, da->v[i], da->line, 0, &one, &bad) ||
		    aset_union(s->a, &dst, &one, &u))
			return EL_ENOMEM;
		dst = u;
	}
	if (bad) {
		fg_unreadable(l, p->line, rname, "address", v->bad_val);
		return 0;
	}
	if (fg_eq(fg_val(p, "srcaddr-negate"), "enable")) {
		struct aset all, c;
		if (aset_all(s->a, FAM_V4, &all) || aset_minus(s->a, &all, &src, &c))
			return EL_ENOMEM;
		src = c;
	}
	if (fg_eq(fg_val(p, "dstaddr-negate"), "enable")) {
		struct aset all, c;
		if (aset_all(s->a, FAM_V4, &all) || aset_minus(s->a, &all, &dst, &c))
			return EL_ENOMEM;
		dst = c;
	}
	/* A deny policy without match-vip does not stop VIP traffic. */
	if (fa == FA_DENY && !dst_vip && !fg_eq(fg_val(p, "match-vip"), "enable")) {
		struct aset d;
		if (aset_minus(s->a, &dst, &v->vip_inner, &d))
			return EL_ENOMEM;
		dst = d;
	}
	struct fg_svc svc = {0};
	const struct fg_set *sv = fg_find(p, "service");
	struct fg_svc all = {0};
	for (size_t i = 0; sv && i < sv->nv; i++) {
		if (fg_svc_name(v, sv->v[i], sv->line, 0, &svc))
			return EL_ENOMEM;
		all.bad |= svc.bad;
		for (size_t k = 0; k < svc.n; k++) {
			if (fg_comp_add(s, &all, 0, 0, &svc.c[k].dport, svc.c[k].narrower))
				return EL_ENOMEM;
			all.c[all.n - 1].proto = svc.c[k].proto;
		}
	}
	if (all.bad) {
		if (fa == FA_PASS)
			fg_unreadable(l, sv ? sv->line : p->line, rname, "port", v->bad_val);
		return 0;
	}
	for (size_t k = 0; k < all.n; k++) {
		struct frule r = {.action = fa, .src = src, .dst = dst, .proto = all.c[k].proto,
				  .dport = all.c[k].dport, .narrower = all.c[k].narrower,
				  .line = p->line, .name = rname};
		if (pset_all(s->a, 65535, &r.sport) || fg_rule_add(s, rl, &r))
			return EL_ENOMEM;
	}
	return 0;
}

/* The inbound list of one internet-facing interface: the policies whose
 * srcintf names it, in file order; implicit deny. */
static int fg_inbound(struct fg_vd *v, const char *ifname, const struct fg_tab *members,
		      struct flist *l)
{
	struct fg *s = v->s;
	struct fg_rules rl = {0};
	unsigned *inactive = arena_alloc(s->a, (v->pol.n + 1) * sizeof(*inactive));
	size_t ninactive = 0;
	if (!inactive)
		return EL_ENOMEM;
	memset(l, 0, sizeof(*l));
	l->present = true;
	l->dflt = FA_DENY;
	l->text = "config firewall policy";
	l->text_ours = true;
	l->line = v->pol.n ? v->pol.e[0]->line : 0;
	for (size_t i = 0; i < v->pol.n; i++) {
		const struct fg_ent *p = v->pol.e[i];
		if (!fg_intf_names(v, fg_find(p, "srcintf"), ifname, members))
			continue;
		int rc = fg_policy_rules(v, p, l, &rl, inactive, &ninactive);
		if (rc)
			return rc;
	}
	if (v->undefined)
		l->has_undefined = true;
	l->rules = rl.r;
	l->n = rl.n;
	l->inactive = inactive;
	l->ninactive = ninactive;
	if (s->truncated)
		fg_unreadable(l, s->trunc_line, NULL, NULL, NULL);
	return 0;
}

/* ---- VIPs as forwards ------------------------------------------------------------ */

static int fg_forwards(struct fg_vd *v, const char *ifname, struct wan_if *w)
{
	struct fg *s = v->s;
	size_t cap = 0;
	for (size_t i = 0; i < v->vip.n; i++) {
		const struct fg_ent *e = v->vip.e[i];
		const struct fg_set *xi = fg_find(e, "extintf");
		if (xi && !fg_has(xi, ifname) && !fg_has(xi, "any"))
			continue;
		struct aset inner;
		bool bad = false;
		if (fg_addr_name(v, e->name, e->line, 0, &inner, &bad))
			return EL_ENOMEM;
		if (bad || aset_is_empty(&inner)) {
			fg_unreadable(&w->in4, e->line, e->name, "address", e->name);
			continue;
		}
		struct nat_forward *f = input_grow(s->in, w->fwds, &cap, w->nfwds, sizeof(*f));
		if (!f)
			return EL_ENOMEM;
		w->fwds = f;   /* grown: kept even when this VIP is not added */
		struct nat_forward *x = &f[w->nfwds];
		memset(x, 0, sizeof(*x));
		x->fam = FAM_V4;
		x->inner = inner.iv[0].lo;
		if (inner.n > 1 || inner.iv[0].lo.lo != inner.iv[0].hi.lo)
			x->hosts = inner;
		x->line = e->line;
		const char *mp = fg_val(e, "mappedport"), *xp = fg_val(e, "extport");
		const char *proto = fg_val(e, "protocol");
		bool pf = fg_eq(fg_val(e, "portforward"), "enable");
		if (pf) {
			uint32_t pn = !proto || strcmp(proto, "tcp") == 0 ? PROTO_TCP
				      : strcmp(proto, "udp") == 0 ? PROTO_UDP
				      : strcmp(proto, "sctp") == 0 ? 132 : PROTO_ICMP;
			bool nar = false;
			const char *ports = mp ? mp : xp;
			if (pset_range(s->a, pn, pn, &x->proto))
				return EL_ENOMEM;
			if (pn == PROTO_ICMP) {
				if (pset_all(s->a, 65535, &x->ports))
					return EL_ENOMEM;
			} else if (!ports || fg_portrange(s, ports, &x->ports, &nar)) {
				fg_unreadable(&w->in4, fg_line(e, ports == mp ? "mappedport" : "extport"),
					      e->name, "port", ports ? ports : "");
				continue;
			}
			x->text = arena_printf(s->a, "firewall vip %s: %s %s:%s -> %s:%s", e->name,
					       proto ? proto : "tcp", ifname, xp ? xp : "?",
					       fg_val(e, "mappedip"), ports);
		} else {
			/* 1:1 static NAT: every protocol and port */
			if (pset_all(s->a, 255, &x->proto) || pset_all(s->a, 65535, &x->ports))
				return EL_ENOMEM;
			x->text = arena_printf(s->a, "firewall vip %s: %s -> %s (static NAT)", e->name,
					       ifname, fg_val(e, "mappedip"));
		}
		w->nfwds++;
	}
	return 0;
}

/* ---- the box itself ---------------------------------------------------------------- */

enum { FG_HTTPS, FG_HTTP, FG_SSH, FG_TELNET, FG_SNMP, FG_FGFM, FG_SSLVPN, FG_IKE, FG_NATT,
       FG_NSVC };

struct fg_box {                   /* what the device listens on, device-wide */
	struct box_service svc[FG_NSVC];
	struct aset admin_from;       /* trusthosts of every admin (any admin without: all) */
	unsigned trust_line;
};

static const struct {
	const char *word;             /* allowaccess word */
	const char *name, *name_ja;   /* the service in reports (name_ja NULL: as name) */
	uint32_t proto, port;
	const char *port_key;         /* config system global key for the port */
} fg_access[] = {
	[FG_HTTPS] = {"https", "https (admin GUI)", "https 管理画面", PROTO_TCP, 443, "admin-sport"},
	[FG_HTTP] = {"http", "http (admin GUI)", "http 管理画面", PROTO_TCP, 80, "admin-port"},
	[FG_SSH] = {"ssh", "ssh", NULL, PROTO_TCP, 22, "admin-ssh-port"},
	[FG_TELNET] = {"telnet", "telnet", NULL, PROTO_TCP, 23, "admin-telnet-port"},
	[FG_SNMP] = {"snmp", "snmp", NULL, PROTO_UDP, 161, NULL},
	[FG_FGFM] = {"fgfm", "fgfm (FortiManager)", NULL, PROTO_TCP, 541, NULL},
};

/* trusthost1..10 of every admin: where admins may log in from. */
static int fg_trusthosts(struct fg *s, struct fg_box *bx)
{
	struct fg_tab admins;
	if (fg_tab_build(s, NULL, "system admin", &admins))
		return EL_ENOMEM;
	aset_empty(FAM_V4, &bx->admin_from);
	bool any = admins.n == 0;
	for (size_t i = 0; i < admins.n; i++) {
		const struct fg_ent *e = admins.e[i];
		bool some = false;
		for (int k = 1; k <= 10; k++) {
			char key[32];
			snprintf(key, sizeof(key), "trusthost%d", k);
			const struct fg_set *x = fg_find(e, key);
			if (!x)
				continue;
			struct aset one, u;
			int rc = fg_v4(s, x->v, x->nv, &one);
			if (rc == -2)
				return EL_ENOMEM;
			if (rc == -1)
				continue;
			if (aset_is_all(&one))
				continue;   /* 0.0.0.0 0.0.0.0 is the default: anywhere */
			some = true;
			if (aset_union(s->a, &bx->admin_from, &one, &u))
				return EL_ENOMEM;
			bx->admin_from = u;
			bx->trust_line = x->line;
		}
		if (!some)
			any = true;
	}
	if (any) {
		bx->trust_line = 0;
		return aset_all(s->a, FAM_V4, &bx->admin_from);
	}
	return 0;
}

/* ---- the model ----------------------------------------------------------------------- */

static const char *fg_wan_name(struct fg_vd *v, const char *ifname)
{
	if (!v->s->vdom_mode || !v->name)
		return arena_strdup(v->s->a, ifname);
	return arena_printf(v->s->a, "%s (VDOM %s)", ifname, v->name);
}

/* Why the interface faces the internet, or false. */
static bool fg_is_wan(struct fg_vd *v, const struct fg_ent *ifc, const struct fg_tab *members,
		      const char **how, const char **how_ja, unsigned *line)
{
	if (fg_eq(fg_val(ifc, "status"), "down"))
		return false;
	for (size_t i = 0; i < v->route.n; i++) {
		const struct fg_ent *r = v->route.e[i];
		if (fg_eq(fg_val(r, "status"), "disable"))
			continue;
		const struct fg_set *dst = fg_find(r, "dst");
		struct aset d;
		if (dst && (fg_v4(v->s, dst->v, dst->nv, &d) || !aset_is_all(&d)))
			continue;
		if (fg_eq(fg_val(r, "device"), ifc->name)) {
			*how = "default route (config router static)";
			*how_ja = "デフォルト経路（config router static）";
			*line = r->line;
			return true;
		}
	}
	const char *mode = fg_val(ifc, "mode");
	if (fg_eq(mode, "pppoe")) {
		*how = "PPPoE client (set mode pppoe)";
		*how_ja = "PPPoE クライアント（set mode pppoe）";
		*line = fg_line(ifc, "mode");
		return true;
	}
	if (fg_eq(mode, "dhcp") && !fg_eq(fg_val(ifc, "defaultgw"), "disable")) {
		*how = "DHCP client taking the default gateway (set mode dhcp)";
		*how_ja = "デフォルトゲートウェイを受け取る DHCP クライアント（set mode dhcp）";
		*line = fg_line(ifc, "mode");
		return true;
	}
	for (size_t k = 0; k < members->n; k++)
		if (fg_eq(fg_val(members->e[k], "interface"), ifc->name)) {
			*how = "SD-WAN member";
			*how_ja = "SD-WAN のメンバー";
			*line = members->e[k]->line;
			return true;
		}
	if (fg_eq(fg_val(ifc, "role"), "wan") && fg_find(ifc, "ip")) {
		struct aset a;
		const struct fg_set *ip = fg_find(ifc, "ip");
		if (fg_v4(v->s, ip->v, ip->nv, &a) == 0 && !aset_is_all(&a)) {
			*how = "role wan with an address";
			*how_ja = "role wan でアドレスあり";
			*line = fg_line(ifc, "role");
			return true;
		}
	}
	return false;
}

static int fg_vd_tables(struct fg_vd *v)
{
	struct fg *s = v->s;
	const char *vd = v->name;
	struct {
		struct fg_tab *t;
		const char *path;
	} tabs[] = {
		{&v->addr, "firewall address"}, {&v->grp, "firewall addrgrp"},
		{&v->vip, "firewall vip"}, {&v->vipgrp, "firewall vipgrp"},
		{&v->svc, "firewall service custom"}, {&v->svcgrp, "firewall service group"},
		{&v->zone, "system zone"}, {&v->pol, "firewall policy"},
		{&v->localin, "firewall local-in-policy"}, {&v->route, "router static"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(tabs); i++)
		if (fg_tab_build(s, vd, tabs[i].path, tabs[i].t))
			return EL_ENOMEM;
	/* Policies keep every entry in file order (names are unique anyway). */
	v->raddr = arena_alloc(s->a, (v->addr.n + 1) * sizeof(*v->raddr));
	v->rgrp = arena_alloc(s->a, (v->grp.n + 1) * sizeof(*v->rgrp));
	v->rvip = arena_alloc(s->a, (v->vip.n + 1) * sizeof(*v->rvip));
	v->rvipgrp = arena_alloc(s->a, (v->vipgrp.n + 1) * sizeof(*v->rvipgrp));
	v->rsvc = arena_alloc(s->a, (v->svc.n + 1) * sizeof(*v->rsvc));
	v->rsvcgrp = arena_alloc(s->a, (v->svcgrp.n + 1) * sizeof(*v->rsvcgrp));
	if (!v->raddr || !v->rgrp || !v->rvip || !v->rvipgrp || !v->rsvc || !v->rsvcgrp)
		return EL_ENOMEM;
	aset_empty(FAM_V4, &v->vip_inner);
	for (size_t i = 0; i < v->vip.n; i++) {
		struct aset one, u;
		bool bad = false;
		if (fg_addr_name(v, v->vip.e[i]->name, v->vip.e[i]->line, 0, &one, &bad) ||
		    aset_union(s->a, &v->vip_inner, &one, &u))
			return EL_ENOMEM;
		v->vip_inner = u;
	}
	v->bad_what = NULL;   /* a VIP not read is reported at its forward */
	return 0;
}

static void fg_box_pass(struct fg *s, struct fg_rules *rl, uint32_t proto, uint32_t port,
			const struct aset *from, unsigned line, const char *name)
{
	struct frule r = {.action = FA_PASS, .line = line, .name = name};
	if (pset_range(s->a, proto, proto, &r.proto) || aset_all(s->a, FAM_V4, &r.dst) ||
	    pset_all(s->a, 65535, &r.sport))
		return;
	if (from)
		r.src = *from;
	else if (aset_all(s->a, FAM_V4, &r.src))
		return;
	if (proto == PROTO_TCP || proto == PROTO_UDP ? pset_range(s->a, port, port, &r.dport)
						      : pset_all(s->a, 65535, &r.dport))
		return;
	fg_rule_add(s, rl, &r);
}

/* One VDOM: its internet-facing interfaces with their lists, forwards and
 * what the box answers on them. */
static int fg_vdom(struct fg *s, const char *vdname, struct fg_box *bx, struct fg_tab *ifs)
{
	struct fg_vd *v = arena_alloc(s->a, sizeof(*v));
	if (!v)
		return EL_ENOMEM;
	v->s = s;
	v->name = vdname;
	if (fg_vd_tables(v))
		return EL_ENOMEM;
	struct fg_tab members;
	if (fg_sdwan_members(s, vdname, &members))
		return EL_ENOMEM;
	struct device *d = &s->in->dev;
	/* SSL-VPN of this VDOM [CLI reference, config vpn ssl settings]. */
	const struct fg_ent *ssl = fg_settings(s, vdname, "vpn ssl settings");
	const struct fg_set *ssl_if = ssl ? fg_find(ssl, "source-interface") : NULL;
	bool ssl_on = ssl_if && ssl_if->nv && !fg_eq(fg_val(ssl, "status"), "disable");
	long ssl_port = 443;
	if (ssl && fg_val(ssl, "port") && str_to_long(fg_val(ssl, "port"), 1, 65535, &ssl_port))
		ssl_port = 443;
	struct aset ssl_from;
	if (aset_all(s->a, FAM_V4, &ssl_from))
		return EL_ENOMEM;
	const struct fg_set *ssl_src = ssl ? fg_find(ssl, "source-address") : NULL;
	if (ssl_src && ssl_src->nv) {
		aset_empty(FAM_V4, &ssl_from);
		bool bad = false;
		for (size_t i = 0; i < ssl_src->nv; i++) {
			struct aset one, u;
			if (fg_addr_name(v, ssl_src->v[i], ssl_src->line, 0, &one, &bad) ||
			    aset_union(s->a, &ssl_from, &one, &u))
				return EL_ENOMEM;
			ssl_from = u;
		}
		if (bad && aset_all(s->a, FAM_V4, &ssl_from))
			return EL_ENOMEM;   /* not readable: judged as from anywhere */
	}
	if (fg_eq(fg_val(ssl, "source-address-negate"), "enable")) {
		struct aset all, c;
		if (aset_all(s->a, FAM_V4, &all) || aset_minus(s->a, &all, &ssl_from, &c))
			return EL_ENOMEM;
		ssl_from = c;
	}
	/* Dial-up IPsec: a phase 1 of type dynamic. */
	struct fg_tab p1, p1b;
	if (fg_tab_build(s, vdname, "vpn ipsec phase1-interface", &p1) ||
	    fg_tab_build(s, vdname, "vpn ipsec phase1", &p1b))
		return EL_ENOMEM;
	for (size_t i = 0; i < ifs->n; i++) {
		const struct fg_ent *ifc = ifs->e[i];
		if (vdname && !fg_eq(fg_if_vdom(ifc), vdname))
			continue;
		const char *how, *how_ja;
		unsigned line;
		if (!fg_is_wan(v, ifc, &members, &how, &how_ja, &line)) {
			/* inside networks and the box's own inside addresses */
			const struct fg_set *ip = fg_find(ifc, "ip");
			struct aset p, u;
			struct u128 a;
			if (ip && fg_v4(s, ip->v, ip->nv, &p) == 0 && !aset_is_all(&p) &&
			    addr_parse(FAM_V4, ip->v[0], strlen(ip->v[0]), &a) == 0) {
				if (aset_union(s->a, &d->lan4, &p, &u) == 0)
					d->lan4 = u;
				if (aset_range(s->a, FAM_V4, a, a, &p) == 0 &&
				    aset_union(s->a, &d->box4, &p, &u) == 0)
					d->box4 = u;
			}
			continue;
		}
		struct wan_if *w = arena_alloc(s->a, sizeof(*w));
		if (!w)
			return EL_ENOMEM;
		w->name = fg_wan_name(v, ifc->name);
		w->how = how;
		w->how_ja = how_ja;
		w->line = line;
		w->v4 = true;
		w->nat4 = true;   /* only VIPs reach inside hosts */
		w->security_level = -1;
		w->addr4 = BOX_UNKNOWN_ADDR4;
		const struct fg_set *ip = fg_find(ifc, "ip");
		struct u128 a;
		if (ip && !fg_eq(fg_val(ifc, "mode"), "dhcp") && !fg_eq(fg_val(ifc, "mode"), "pppoe") &&
		    addr_parse(FAM_V4, ip->v[0], strlen(ip->v[0]), &a) == 0 && a.lo != 0)
			w->addr4 = a;
		if (fg_inbound(v, ifc->name, &members, &w->in4) || fg_forwards(v, ifc->name, w))
			return EL_ENOMEM;
		/* To the box: deny local-in policies, then what allowaccess,
		 * the SSL-VPN and dial-up IPsec open; the rest is dropped. */
		struct fg_rules rl = {0};
		for (size_t k = 0; k < v->localin.n; k++) {
			const struct fg_ent *p = v->localin.e[k];
			const char *act = fg_val(p, "action");
			if (!fg_has(fg_find(p, "intf"), ifc->name) && !fg_has(fg_find(p, "intf"), "any"))
				continue;
			if (act && strcmp(act, "deny") != 0)
				continue;   /* accept local-in policies open nothing allowaccess does not */
			struct flist tmp = {0};
			struct fg_rules one = {0};
			unsigned dummy[1];
			size_t nd = 0;
			struct fg_ent copy = *p;
			struct fg_set act_deny = {.key = "action", .v = (const char *[]){"deny"},
						  .nv = 1, .line = p->line, .next = p->sets};
			copy.sets = &act_deny;
			if (fg_policy_rules(v, &copy, &tmp, &one, dummy, &nd))
				return EL_ENOMEM;
			for (size_t r = 0; r < one.n; r++) {
				if (aset_all(s->a, FAM_V4, &one.r[r].dst) || fg_rule_add(s, &rl, &one.r[r]))
					return EL_ENOMEM;
			}
		}
		const struct fg_set *acc = fg_find(ifc, "allowaccess");
		for (int k = 0; k < FG_FGFM + 1; k++) {
			if (!fg_has(acc, fg_access[k].word))
				continue;
			struct box_service *b = &bx->svc[k];
			if (!b->enabled) {
				b->enabled = true;
				b->line = acc->line;
				b->why = arena_printf(s->a, "set allowaccess %s (interface %s)",
						      fg_access[k].word, w->name);
				b->why_ja = arena_printf(s->a, "set allowaccess %s（インターフェース %s）",
							 fg_access[k].word, w->name);
			}
			fg_box_pass(s, &rl, b->proto, b->port, NULL, acc->line, "allowaccess");
		}
		if (ssl_on && fg_has(ssl_if, ifc->name)) {
			struct box_service *b = &bx->svc[FG_SSLVPN];
			b->enabled = true;
			b->port = (uint32_t)ssl_port;
			b->line = ssl_if->line;
			b->why = arena_printf(s->a, "config vpn ssl settings: set source-interface %s",
					      ifc->name);
			b->allow4 = ssl_from;
			fg_box_pass(s, &rl, PROTO_TCP, (uint32_t)ssl_port, NULL, ssl_if->line, "ssl-vpn");
			if (!d->vpn_remote_access) {
				d->vpn_remote_access = true;
				d->vpn_how = arena_printf(s->a, "SSL-VPN on %s (config vpn ssl settings)", w->name);
				d->vpn_how_ja = arena_printf(s->a, "%s で SSL-VPN（config vpn ssl settings）",
							     w->name);
				d->vpn_line = ssl_if->line;
			}
		}
		for (int t = 0; t < 2; t++) {
			const struct fg_tab *pt = t ? &p1b : &p1;
			for (size_t k = 0; k < pt->n; k++) {
				const struct fg_ent *e = pt->e[k];
				if (!fg_eq(fg_val(e, "type"), "dynamic") || !fg_eq(fg_val(e, "interface"), ifc->name))
					continue;
				for (int q = FG_IKE; q <= FG_NATT; q++) {
					struct box_service *b = &bx->svc[q];
					b->enabled = true;
					b->line = e->line;
					b->why = arena_printf(s->a, "vpn ipsec phase1 %s: type dynamic", e->name);
					fg_box_pass(s, &rl, PROTO_UDP, b->port, NULL, e->line, e->name);
				}
				if (!d->vpn_remote_access) {
					d->vpn_remote_access = true;
					d->vpn_how = arena_printf(s->a, "dial-up IPsec %s on %s", e->name, w->name);
					d->vpn_how_ja = arena_printf(s->a, "%s でダイヤルアップ IPsec %s", w->name,
								     e->name);
					d->vpn_line = e->line;
				}
			}
		}
		w->box_own_filter = true;
		w->box4 = (struct flist){.present = true, .rules = rl.r, .n = rl.n, .dflt = FA_DENY,
					 .line = acc ? acc->line : ifc->line,
					 .text = "allowaccess / local-in-policy", .text_ours = true};
		if (s->truncated)
			fg_unreadable(&w->box4, s->trunc_line, NULL, NULL, NULL);
		/* append, keeping input order */
		struct wan_if **tail = &d->wans;
		while (*tail)
			tail = &(*tail)->next;
		*tail = w;
		d->nwans++;
	}
	return 0;
}

int fg_model(struct fg *s)
{
	struct device *d = &s->in->dev;
	aset_empty(FAM_V4, &d->lan4);
	aset_empty(FAM_V4, &d->box4);
	aset_empty(FAM_V6, &d->lan6);
	struct fg_box *bx = arena_alloc(s->a, sizeof(*bx));
	struct fg_tab ifs;
	if (!bx || fg_tab_build(s, NULL, "system interface", &ifs) || fg_trusthosts(s, bx))
		return EL_ENOMEM;
	const struct fg_ent *glob = fg_settings(s, NULL, "system global");
	for (int k = 0; k < FG_NSVC; k++) {
		struct box_service *b = &bx->svc[k];
		aset_empty(FAM_V6, &b->allow6);
		if (k <= FG_FGFM) {
			b->name = fg_access[k].name;
			b->name_ja = fg_access[k].name_ja;
			b->proto = fg_access[k].proto;
			b->port = fg_access[k].port;
			long port;
			const char *pv = fg_access[k].port_key ? fg_val(glob, fg_access[k].port_key) : NULL;
			if (pv && str_to_long(pv, 1, 65535, &port) == 0)
				b->port = (uint32_t)port;
			b->cls = SVC_MANAGEMENT;
			if (k <= FG_TELNET) {
				b->allow4 = bx->admin_from;
				b->host_line = bx->trust_line;
			} else if (aset_all(s->a, FAM_V4, &b->allow4))
				return EL_ENOMEM;
		} else {
			b->name = k == FG_SSLVPN ? "ssl-vpn" : k == FG_IKE ? "ike" : "ipsec-nat-t";
			b->proto = k == FG_SSLVPN ? PROTO_TCP : PROTO_UDP;
			b->port = k == FG_SSLVPN ? 443 : k == FG_IKE ? 500 : 4500;
			b->cls = SVC_VPN;
			if (aset_all(s->a, FAM_V4, &b->allow4))
				return EL_ENOMEM;
		}
	}
	/* The VDOMs, in the order the file names them. */
	const char *names[FG_MAX_VDOMS];
	size_t nn = 0;
	for (struct fg_blk *b = s->blks; b; b = b->next) {
		if (!b->vdom)
			continue;
		bool seen = false;
		for (size_t i = 0; i < nn && !seen; i++)
			seen = strcmp(names[i], b->vdom) == 0;
		if (!seen && nn < FG_MAX_VDOMS)
			names[nn++] = b->vdom;
	}
	if (nn == 0)
		names[nn++] = NULL;
	for (size_t i = 0; i < nn; i++)
		if (fg_vdom(s, names[i], bx, &ifs))
			return EL_ENOMEM;
	d->svcs = bx->svc;
	d->nsvcs = FG_NSVC;
	return 0;
}

