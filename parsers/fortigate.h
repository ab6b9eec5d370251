/*
 * fortigate.h — what the three files of the FortiGate parser share
 * (parsers/fortigate.c: reading the configuration into a tree of config
 * blocks and entries; fortigate_objects.c: addresses and services;
 * fortigate_model.c: the internet side, policies, forwards and the box).
 * Everything lives in the input's arena. Sources and semantics: the header
 * comment of parsers/fortigate.c.
 */
#ifndef EDGELINT_FORTIGATE_H
#define EDGELINT_FORTIGATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../src/filter.h"
#include "parsers.h"

#define FG_MAX_TOKENS 512
#define FG_MAX_DEPTH 32           /* nested config/edit frames */
#define FG_MAX_NEST 16            /* nested address and service groups */
#define FG_MAX_VDOMS 256

/* ---- the configuration tree --------------------------------------------- */

struct fg_set {                   /* one `set key values…` */
	const char *key;
	const char **v;
	size_t nv;
	unsigned line;
	struct fg_set *next;
};

struct fg_blk;

struct fg_ent {                   /* `edit name` … `next`, or a settings table */
	const char *name;
	unsigned line;
	struct fg_set *sets;
	struct fg_blk *subs;          /* nested config blocks */
	struct fg_ent *next;
};

struct fg_blk {                   /* `config path` … `end` */
	const char *path;             /* "firewall policy" */
	const char *vdom;             /* the VDOM it belongs to, NULL: global or no VDOMs */
	unsigned line;
	struct fg_ent *ents, **tail;
	size_t nents;
	struct fg_ent self;           /* `set` lines directly in the block */
	struct fg_blk *next;
};

struct fg_frame {
	struct fg_blk *b;             /* set for a config frame */
	struct fg_ent *e;             /* set for an edit frame */
};

/* A table of entries of one path in one VDOM, by name. */
struct fg_tab {
	struct strmap ix;
	struct fg_ent **e;
	size_t n, cap;
};

/* What an address or service name resolved to (memoised per table row). */
struct fg_addr {
	int state;                    /* 0 not yet, 1 busy, 2 done */
	bool bad;                     /* not readable offline (fqdn, geography…) */
	struct aset set;
};

struct fg_comp {                  /* one protocol/port part of a service */
	struct pset proto, dport;
	bool narrower;                /* ICMP type, source ports: matches less */
};

struct fg_svc {
	int state;
	bool bad;
	struct fg_comp *c;
	size_t n, cap;
};

struct fg {
	struct input *in;
	const struct run_ctx *ctx;
	struct arena *a;
	struct fg_blk *blks, **blks_tail;
	struct fg_frame st[FG_MAX_DEPTH];
	size_t depth;
	const char *vdom;             /* inside `config vdom` / `edit X` */
	bool vdom_mode;
	bool truncated;
	unsigned trunc_line;
	unsigned enc_line;            /* first ENC secret */
	const char *tok[FG_MAX_TOKENS];
	size_t ntok;
	struct arena scratch;
};

static inline bool fg_eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* One VDOM being translated (fortigate_objects.c, fortigate_model.c). */
struct fg_vd {                    /* one VDOM being translated */
	struct fg *s;
	const char *name;             /* NULL: no VDOMs */
	struct fg_tab addr, grp, vip, vipgrp, svc, svcgrp, zone, pol, localin, route, iface;
	struct fg_addr *raddr, *rgrp, *rvip, *rvipgrp;
	struct fg_svc *rsvc, *rsvcgrp;
	struct aset vip_inner;        /* every VIP's mapped addresses */
	bool undefined;               /* a policy names an object not in the file */
	unsigned undefined_line;
	const char *bad_what, *bad_val;   /* the first object not readable offline */
	unsigned bad_line;
};

/* The `set` of key in entry e (NULL e: none), or NULL. */
struct fg_set *fg_find(const struct fg_ent *e, const char *key);
/* Its first value, or NULL. */
const char *fg_val(const struct fg_ent *e, const char *key);
/* Its line, or 0. */
unsigned fg_line(const struct fg_ent *e, const char *key);
/* Whether block b belongs to vdom (NULL: any; a global block: every one). */
bool fg_vdom_match(const struct fg_blk *b, const char *vdom);
/* Every entry of path in vdom (NULL: anywhere) by name into t (a later entry
 * of a name replaces an earlier one). 0 or EL_ENOMEM (input_nomem done). */
int fg_tab_build(struct fg *s, const char *vdom, const char *path, struct fg_tab *t);
/* The entry named name (its row in *at when at is not NULL), or NULL. */
struct fg_ent *fg_tab_get(const struct fg_tab *t, const char *name, size_t *at);
/* The last settings table (`config vpn ssl settings`) of path in vdom, or NULL. */
struct fg_ent *fg_settings(struct fg *s, const char *vdom, const char *path);
/* Whether the set x (may be NULL) has the value v. */
bool fg_has(const struct fg_set *x, const char *v);
/* "a.b.c.d m.m.m.m", "a.b.c.d/len", "a-b" or one address as a set: 0, -1 (not
 * an address), -2 (no memory). */
int fg_v4(struct fg *s, const char *const *v, size_t nv, struct aset *out);
/* An address, group, VIP or VIP group name of the VDOM as the IPv4 set it
 * stands for (a VIP: its mapped addresses); *bad set when part of it is not
 * in the file; an undefined name is empty and noted. 0 or EL_ENOMEM. */
int fg_addr_name(struct fg_vd *v, const char *name, unsigned line, int depth,
		 struct aset *out, bool *bad);
/* "lo[-hi][:src]" as destination ports; *narrower when source ports are
 * given. 0, -1 (not a range) or -2 (no memory). */
int fg_portrange(struct fg *s, const char *t, struct pset *dport, bool *narrower);
/* Appends a protocol range and ports (NULL: all) to r. 0 or EL_ENOMEM. */
int fg_comp_add(struct fg *s, struct fg_svc *r, uint32_t plo, uint32_t phi,
		const struct pset *ports, bool narrower);
/* A service or service group name (or a predefined service from
 * rules/ports.yaml) as its protocol/port parts. 0 or EL_ENOMEM. */
int fg_svc_name(struct fg_vd *v, const char *name, unsigned line, int depth,
		struct fg_svc *out);
/* Fills the model (interfaces facing the internet, their lists, forwards,
 * the box's services, the VPN) from the tree. 0 or EL_ENOMEM. */
int fg_model(struct fg *s);

#endif
