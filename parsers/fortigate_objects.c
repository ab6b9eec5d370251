/*
 * fortigate_objects.c — FortiGate address and service objects (part of the
 * FortiGate parser, parsers/fortigate.c): `config firewall address|addrgrp|
 * vip|vipgrp` as IPv4 sets, `config firewall service custom|group` (and the
 * predefined services of rules/ports.yaml vendors.fortigate) as protocol and
 * port parts, nested groups memoised per VDOM, loops and undefined names
 * reported. FortiOS CLI reference 7.4.8: config firewall address (type ipmask
 * default, subnet 0.0.0.0 0.0.0.0 = all), addrgrp (member, exclude,
 * exclude-member), vip (mappedip ranges), service custom (tcp-portrange
 * "dst[-dst][:src[-src]]", protocol IP with protocol-number 0 = any).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/filter.h"
#include "../src/registry.h"
#include "fortigate.h"

/* ---- addresses and services ------------------------------------------------------ */


static void fg_bad(struct fg_vd *v, const char *what, const char *val, unsigned line)
{
	if (v->bad_what)
		return;
	v->bad_what = what;
	v->bad_val = val;
	v->bad_line = line;
}

/* "a.b.c.d m.m.m.m", "a.b.c.d/len" or "a.b.c.d-e.f.g.h" as a set. */
int fg_v4(struct fg *s, const char *const *v, size_t nv, struct aset *out)
{
	struct u128 a, m;
	if (nv >= 2 && addr_parse(FAM_V4, v[0], strlen(v[0]), &a) == 0 &&
	    addr_parse(FAM_V4, v[1], strlen(v[1]), &m) == 0) {
		unsigned plen = 0;
		uint32_t mm = (uint32_t)m.lo;
		while (plen < 32 && (mm & (0x80000000u >> plen)))
			plen++;
		if (plen < 32 && (uint32_t)(mm << plen) != 0)
			return -1;   /* not a contiguous mask */
		return aset_prefix(s->a, FAM_V4, a, plen, out) ? -2 : 0;
	}
	if (nv < 1)
		return -1;
	const char *t = v[0];
	const char *sl = strchr(t, '/'), *dash = strchr(t, '-');
	if (sl) {
		long plen;
		if (addr_parse(FAM_V4, t, (size_t)(sl - t), &a) ||
		    str_to_long(sl + 1, 0, 32, &plen))
			return -1;
		return aset_prefix(s->a, FAM_V4, a, (unsigned)plen, out) ? -2 : 0;
	}
	if (dash) {
		struct u128 b;
		if (addr_parse(FAM_V4, t, (size_t)(dash - t), &a) ||
		    addr_parse(FAM_V4, dash + 1, strlen(dash + 1), &b) || b.lo < a.lo)
			return -1;
		return aset_range(s->a, FAM_V4, a, b, out) ? -2 : 0;
	}
	if (addr_parse(FAM_V4, t, strlen(t), &a))
		return -1;
	return aset_range(s->a, FAM_V4, a, a, out) ? -2 : 0;
}

/* A `config firewall address` entry. */
static int fg_addr_ent(struct fg_vd *v, const struct fg_ent *e, struct aset *out, bool *bad)
{
	struct fg *s = v->s;
	const char *type = fg_val(e, "type");
	if (!type || strcmp(type, "ipmask") == 0) {
		const struct fg_set *x = fg_find(e, "subnet");
		if (!x)   /* default subnet 0.0.0.0 0.0.0.0: everything ("all") */
			return aset_all(s->a, FAM_V4, out);
		int rc = fg_v4(s, x->v, x->nv, out);
		if (rc == -1) {
			*bad = true;
			fg_bad(v, "address", e->name, x->line);
			return aset_empty(FAM_V4, out);
		}
		return rc ? EL_ENOMEM : 0;
	}
	if (strcmp(type, "iprange") == 0) {
		const char *lo = fg_val(e, "start-ip"), *hi = fg_val(e, "end-ip");
		struct u128 a, b;
		if (lo && hi && addr_parse(FAM_V4, lo, strlen(lo), &a) == 0 &&
		    addr_parse(FAM_V4, hi, strlen(hi), &b) == 0 && a.lo <= b.lo)
			return aset_range(s->a, FAM_V4, a, b, out);
	}
	/* fqdn, geography, dynamic, interface-subnet, wildcard, mac: their
	 * addresses are not in the file. */
	*bad = true;
	fg_bad(v, "address", e->name, e->line);
	return aset_empty(FAM_V4, out);
}

/* The addresses a VIP maps to (its mappedip ranges). */
static int fg_vip_inner(struct fg_vd *v, const struct fg_ent *e, struct aset *out, bool *bad)
{
	struct fg *s = v->s;
	const struct fg_set *x = fg_find(e, "mappedip");
	aset_empty(FAM_V4, out);
	const char *type = fg_val(e, "type");
	if (!x || !x->nv || (type && strcmp(type, "static-nat") != 0)) {
		*bad = true;
		fg_bad(v, "address", e->name, e->line);
		return 0;
	}
	for (size_t i = 0; i < x->nv; i++) {
		struct aset one, u;
		int rc = fg_v4(s, &x->v[i], 1, &one);
		if (rc == -1) {
			*bad = true;
			fg_bad(v, "address", e->name, x->line);
			continue;
		}
		if (rc || aset_union(s->a, out, &one, &u))
			return EL_ENOMEM;
		*out = u;
	}
	return 0;
}

static int fg_memo(struct fg_vd *v, struct fg_addr *r, const struct fg_ent *e, int depth,
		   int kind, struct aset *out, bool *bad)
{
	if (r->state == 2) {
		*out = r->set;
		*bad |= r->bad;
		return 0;
	}
	if (r->state == 1 || depth > FG_MAX_NEST) {   /* a group containing itself */
		*bad = true;
		fg_bad(v, "address", e->name, e->line);
		return aset_empty(FAM_V4, out);
	}
	r->state = 1;
	bool b = false;
	int rc = 0;
	if (kind == 0)
		rc = fg_addr_ent(v, e, &r->set, &b);
	else if (kind == 2)
		rc = fg_vip_inner(v, e, &r->set, &b);
	else {
		/* a group: the union of its members (kind 1 addresses, 3 VIPs),
		 * less exclude-member when exclude is enabled */
		aset_empty(FAM_V4, &r->set);
		const struct fg_set *m = fg_find(e, "member");
		for (size_t i = 0; m && i < m->nv && !rc; i++) {
			struct aset one, u;
			rc = fg_addr_name(v, m->v[i], m->line, depth + 1, &one, &b);
			if (!rc && aset_union(v->s->a, &r->set, &one, &u) == 0)
				r->set = u;
		}
		const char *ex = fg_val(e, "exclude");
		const struct fg_set *xm = fg_find(e, "exclude-member");
		if (ex && strcmp(ex, "enable") == 0 && xm) {
			struct aset xs, one, u, d;
			aset_empty(FAM_V4, &xs);
			for (size_t i = 0; i < xm->nv && !rc; i++) {
				rc = fg_addr_name(v, xm->v[i], xm->line, depth + 1, &one, &b);
				if (!rc && aset_union(v->s->a, &xs, &one, &u) == 0)
					xs = u;
			}
			if (!rc && aset_minus(v->s->a, &r->set, &xs, &d) == 0)
				r->set = d;
		}
	}
	r->bad = b;
	r->state = 2;
	*out = r->set;
	*bad |= b;
	return rc;
}

/* An address, address group, VIP or VIP group name as the set of IPv4
 * addresses it stands for (a VIP: its mapped, inside addresses). An
 * undefined name matches nothing (noted once per VDOM, EL109). */
int fg_addr_name(struct fg_vd *v, const char *name, unsigned line, int depth,
			struct aset *out, bool *bad)
{
	size_t at;
	struct fg_ent *e;
	if ((e = fg_tab_get(&v->addr, name, &at)))
		return fg_memo(v, &v->raddr[at], e, depth, 0, out, bad);
	if ((e = fg_tab_get(&v->grp, name, &at)))
		return fg_memo(v, &v->rgrp[at], e, depth, 1, out, bad);
	if ((e = fg_tab_get(&v->vip, name, &at)))
		return fg_memo(v, &v->rvip[at], e, depth, 2, out, bad);
	if ((e = fg_tab_get(&v->vipgrp, name, &at)))
		return fg_memo(v, &v->rvipgrp[at], e, depth, 3, out, bad);
	/* Built in objects a `show` of one table leaves out. */
	if (strcmp(name, "all") == 0)
		return aset_all(v->s->a, FAM_V4, out);
	if (strcmp(name, "none") == 0)
		return aset_empty(FAM_V4, out);
	if (!v->undefined) {
		v->undefined = true;
		v->undefined_line = line;
		input_diag(v->s->in, DIAG_NOTE, line, 1,
			   "'%s' is not defined in this file: policies naming it are taken to match nothing",
			   "「%s」はこのファイルで定義されていません。これを使うポリシーは何にも一致しないものとして扱います",
			   utf8_sanitize(v->s->a, name, strlen(name)));
	}
	return aset_empty(FAM_V4, out);
}

/* "lo[-hi][:slo[-shi]]" ports of a service. */
int fg_portrange(struct fg *s, const char *t, struct pset *dport, bool *narrower)
{
	const char *colon = strchr(t, ':');
	size_t dn = colon ? (size_t)(colon - t) : strlen(t);
	char buf[32];
	if (dn == 0 || dn >= sizeof(buf))
		return -1;
	memcpy(buf, t, dn);
	buf[dn] = '\0';
	char *dash = strchr(buf, '-');
	long lo, hi;
	if (dash)
		*dash = '\0';
	if (str_to_long(buf, 0, 65535, &lo) || (dash && str_to_long(dash + 1, 0, 65535, &hi)))
		return -1;
	if (!dash)
		hi = lo;
	if (hi < lo)
		return -1;
	if (colon)
		*narrower = true;   /* source ports: matches fewer packets */
	if (lo == 0)
		lo = 1;
	return pset_range(s->a, (uint32_t)lo, (uint32_t)hi, dport) ? -2 : 0;
}

int fg_comp_add(struct fg *s, struct fg_svc *r, uint32_t plo, uint32_t phi,
		       const struct pset *ports, bool narrower)
{
	struct fg_comp *c = input_grow(s->in, r->c, &r->cap, r->n, sizeof(*c));
	if (!c)
		return EL_ENOMEM;
	r->c = c;
	struct fg_comp *x = &c[r->n];
	memset(x, 0, sizeof(*x));
	if (pset_range(s->a, plo, phi, &x->proto))
		return EL_ENOMEM;
	if (ports)
		x->dport = *ports;
	else if (pset_all(s->a, 65535, &x->dport))
		return EL_ENOMEM;
	x->narrower = narrower;
	r->n++;
	return 0;
}

static int fg_svc_custom(struct fg_vd *v, const struct fg_ent *e, struct fg_svc *r)
{
	struct fg *s = v->s;
	const char *proto = fg_val(e, "protocol");
	if (!proto || strcmp(proto, "TCP/UDP/SCTP") == 0 || strcmp(proto, "TCP/UDP/UDP-Lite/SCTP") == 0) {
		static const char *const keys[] = {"tcp-portrange", "udp-portrange", "sctp-portrange",
						   "udplite-portrange"};
		static const uint32_t nums[] = {PROTO_TCP, PROTO_UDP, 132, 136};
		for (int k = 0; k < 4; k++) {
			const struct fg_set *x = fg_find(e, keys[k]);
			for (size_t i = 0; x && i < x->nv; i++) {
				struct pset p;
				bool nar = false;
				int rc = fg_portrange(s, x->v[i], &p, &nar);
				if (rc == -1) {
					r->bad = true;
					fg_bad(v, "port", e->name, x->line);
					continue;
				}
				if (rc || fg_comp_add(s, r, nums[k], nums[k], &p, nar))
					return EL_ENOMEM;
			}
		}
		if (!r->n && !fg_find(e, "iprange") && !fg_find(e, "fqdn")) {
			/* no port range at all: FortiOS refuses it; not guessed */
			r->bad = true;
			fg_bad(v, "port", e->name, e->line);
		}
		if (fg_find(e, "iprange") || fg_find(e, "fqdn"))
			for (size_t i = 0; i < r->n; i++)
				r->c[i].narrower = true;
		return 0;
	}
	if (strcmp(proto, "IP") == 0) {
		const char *num = fg_val(e, "protocol-number");
		long n = 0;
		if (num && str_to_long(num, 0, 255, &n)) {
			r->bad = true;
			fg_bad(v, "protocol", e->name, fg_line(e, "protocol-number"));
			return 0;
		}
		return n == 0 ? fg_comp_add(s, r, 0, 255, NULL, false)
			      : fg_comp_add(s, r, (uint32_t)n, (uint32_t)n, NULL, false);
	}
	if (strcmp(proto, "ICMP") == 0 || strcmp(proto, "ICMP6") == 0) {
		uint32_t p = proto[4] ? PROTO_ICMP6 : PROTO_ICMP;
		return fg_comp_add(s, r, p, p, NULL, fg_find(e, "icmptype") != NULL);
	}
	if (strcmp(proto, "ALL") == 0)
		return fg_comp_add(s, r, 0, 255, NULL, false);
	r->bad = true;   /* HTTP, FTP, CONNECT, SOCKS-*: explicit proxy services */
	fg_bad(v, "protocol", e->name, fg_line(e, "protocol"));
	return 0;
}

/* A predefined service the file uses without defining it, from
 * rules/ports.yaml vendors.fortigate ("HTTPS/tcp", "DNS/udp", "ALL/ip"). */
static int fg_svc_builtin(struct fg_vd *v, const char *name, struct fg_svc *r, bool *found)
{
	struct fg *s = v->s;
	static const char *const sfx[] = {"tcp", "udp", "ip"};
	static const uint32_t nums[] = {PROTO_TCP, PROTO_UDP, 0};
	*found = false;
	for (int k = 0; k < 3; k++) {
		char key[128];
		int n = snprintf(key, sizeof(key), "%s/%s", name, sfx[k]);
		if (n < 0 || (size_t)n >= sizeof(key))
			return 0;
		const struct pset *p = registry_port_alias(s->ctx->reg, "fortigate", key, (size_t)n);
		if (!p)
			continue;
		*found = true;
		if (k < 2) {
			if (fg_comp_add(s, r, nums[k], nums[k], p, false))
				return EL_ENOMEM;
		} else {
			/* protocol numbers; 0 stands for every protocol */
			for (size_t i = 0; i < p->n; i++) {
				int rc = p->iv[i].lo == 0 ? fg_comp_add(s, r, 0, 255, NULL, false)
							  : fg_comp_add(s, r, p->iv[i].lo, p->iv[i].hi,
									NULL, false);
				if (rc)
					return rc;
			}
		}
	}
	return 0;
}

static int fg_svc_memo(struct fg_vd *v, struct fg_svc *r, const struct fg_ent *e, int depth,
		       bool group, struct fg_svc *out)
{
	if (r->state == 2) {
		*out = *r;
		return 0;
	}
	if (r->state == 1 || depth > FG_MAX_NEST) {
		out->bad = true;
		fg_bad(v, "service", e->name, e->line);
		return 0;
	}
	r->state = 1;
	int rc = 0;
	if (!group)
		rc = fg_svc_custom(v, e, r);
	else {
		const struct fg_set *m = fg_find(e, "member");
		for (size_t i = 0; m && i < m->nv && !rc; i++) {
			struct fg_svc one = {0};
			rc = fg_svc_name(v, m->v[i], m->line, depth + 1, &one);
			r->bad |= one.bad;
			for (size_t k = 0; !rc && k < one.n; k++) {
				const struct fg_comp *c = &one.c[k];
				rc = fg_comp_add(v->s, r, 0, 0, &c->dport, c->narrower);
				if (!rc)
					r->c[r->n - 1].proto = c->proto;
			}
		}
	}
	r->state = 2;
	*out = *r;
	return rc;
}

int fg_svc_name(struct fg_vd *v, const char *name, unsigned line, int depth,
		       struct fg_svc *out)
{
	size_t at;
	struct fg_ent *e;
	memset(out, 0, sizeof(*out));
	if ((e = fg_tab_get(&v->svc, name, &at)))
		return fg_svc_memo(v, &v->rsvc[at], e, depth, false, out);
	if ((e = fg_tab_get(&v->svcgrp, name, &at)))
		return fg_svc_memo(v, &v->rsvcgrp[at], e, depth, true, out);
	bool found;
	int rc = fg_svc_builtin(v, name, out, &found);
	if (rc || found)
		return rc;
	out->bad = true;
	fg_bad(v, "service", name, line);
	return 0;
}

