/*
 * fortigate.c — Fortinet FortiGate (FortiOS 5.x – 7.x) configuration (kind
 * "fortigate"): `show full-configuration` output and backup files.
 *
 * Grammar (FortiOS CLI reference, "CLI configuration commands" and each
 * command's page, docs.fortinet.com/document/fortigate/7.4.8/cli-reference):
 * nested `config <path>` … `end` blocks holding `edit <name>` … `next`
 * entries or, for settings tables (`config system global`, `config vpn ssl
 * settings`), `set` lines directly; `set <key> <values…>`, `unset <key>`
 * (back to the default), `append <key> <values…>` (adds to a list). Values
 * are words or quoted strings ("…" or '…', `\"`, `\'`, `\\` escapes) that may
 * span lines (comments, certificates, keys). Backups start with
 * `#config-version=<MODEL>-<VERSION>-FW-build<N>-<YYMMDD>:opmode=…:vdom=…`
 * (FortiOS 5 writes two-digit minors, `FG100D-5.04-FW-build1064-…`); other
 * `#` lines are comments. A copied terminal session may start and end with
 * the CLI prompt (`FGT60F # show full-configuration`). With VDOMs on,
 * `config global` holds interfaces and admins, and `config vdom` / `edit
 * <vdom>` holds each VDOM's firewall tables; each VDOM is judged and named.
 *
 * Semantics encoded (FortiOS Administration Guide 7.4, "Firewall policy",
 * "Virtual IPs", "Local-in policy", "Administrative access"; CLI reference):
 *  - policies are evaluated top to bottom in the order the file lists them
 *    (the id is a name, not a position); the first match decides; a policy
 *    without `set action` denies (the default of `action` is deny); a
 *    disabled one (`set status disable`) is skipped; traffic no policy
 *    matches is dropped (the implicit deny policy 0);
 *  - a policy's srcintf may name the interface, a zone (`config system
 *    zone`), the SD-WAN zone (`virtual-wan-link`, `config system sdwan`
 *    zones) or `any`; `internet-service-src enable` takes sources from the
 *    Internet Service Database instead of srcaddr (not readable offline:
 *    an accept policy with it leaves 3-2 unknown);
 *  - a policy whose dstaddr is a VIP admits the VIP's forward; the policy's
 *    service is matched against the mapped (internal) port; a deny policy
 *    whose dstaddr is not a VIP does not stop VIP traffic unless `set
 *    match-vip enable` ("match-vip" in the CLI reference of config firewall
 *    policy);
 *  - the interface is internet-facing when the default route leaves by it,
 *    it is a PPPoE or DHCP client (with the default gateway it learns), a
 *    member of the SD-WAN, or it has `role wan` and an address — `role`
 *    alone is a GUI label and may sit on unused ports;
 *  - traffic to the FortiGate itself is governed by the interface's
 *    `allowaccess` (https, http, ssh, telnet, snmp, fgfm), the admin
 *    `trusthost1..10` restrictions (no trusthost: anywhere), deny local-in
 *    policies, and the SSL-VPN's `source-interface` / `source-address`;
 *    ports from `config system global` admin-sport (443), admin-port (80),
 *    admin-ssh-port (22), admin-telnet-port (23); FGFM listens on tcp/541;
 *  - SSL-VPN (`config vpn ssl settings` with a source-interface that faces
 *    the internet; port default 443) and dial-up IPsec (`config vpn ipsec
 *    phase1-interface` with `set type dynamic`) are the teleworkers' VPN;
 *  - `ENC <base64>` values (passwords, pre-shared keys) are secrets: they
 *    are registered and never printed; FortiOS encrypted them with a key
 *    built into the firmware (CVE-2019-6693, FG-IR-19-007), so a backup that
 *    carries them gets a note.
 * Predefined services a file uses without defining them (a `show` of one
 * table) come from rules/ports.yaml vendors.fortigate ("HTTPS/tcp").
 *
 * Not read yet (left as unknown or not judged): IPv6 policies and the
 * interfaces' IPv6 admin access, the YAML backup format of FortiOS 7.x.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/filter.h"
#include "../src/registry.h"
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
	size_t n;
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

static bool fg_eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* ---- tokens ------------------------------------------------------------------ */

/* Reads one command from *pp (which may run over several physical lines
 * when a quoted value is open) into s->tok. *line is the line of its first
 * physical line on entry and is advanced past the command's last one.
 * Returns false at the end of the data. Unquoted `#` after a blank starts
 * a comment; a token list longer than FG_MAX_TOKENS is cut (noted). */
static bool fg_command(struct fg *s, const char **pp, const char *end, unsigned *nlines)
{
	const char *p = *pp;
	if (p >= end)
		return false;
	s->ntok = 0;
	*nlines = 1;
	bool cut = false;
	struct strbuf sb;
	sb_init(&sb, 1u << 24);
	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		if (p >= end || *p == '\n')
			break;
		if (*p == '#' && s->ntok > 0)   /* inline comment */
			break;
		sb_reset(&sb);
		bool quoted = false;
		while (p < end && *p != ' ' && *p != '\t' && *p != '\n' &&
		       !(*p == '\r' && (p + 1 >= end || p[1] == '\n'))) {
			if (*p == '"' || *p == '\'') {
				char q = *p++;
				quoted = true;
				while (p < end && *p != q) {
					if (*p == '\\' && p + 1 < end) {
						p++;
					} else if (*p == '\n') {
						(*nlines)++;
					}
					if (*p == '\r' && p + 1 < end && p[1] == '\n') {
						p++;
						continue;
					}
					if (sb_add(&sb, p, 1))
						break;
					p++;
				}
				if (p < end)
					p++;   /* the closing quote */
				continue;
			}
			if (sb_add(&sb, p, 1))
				break;
			p++;
		}
		if (s->ntok < FG_MAX_TOKENS) {
			const char *t = arena_strndup(s->a, sb_str(&sb), sb.len);
			if (!t) {
				sb_free(&sb);
				input_nomem(s->in, 0);
				return false;
			}
			s->tok[s->ntok++] = t;
		} else
			cut = true;
		(void)quoted;
	}
	sb_free(&sb);
	while (p < end && *p != '\n')
		p++;
	*pp = p < end ? p + 1 : end;
	if (cut)
		s->ntok = FG_MAX_TOKENS;
	return true;
}

/* Keys whose values are secrets even when not ENC-encrypted. */
static bool fg_secret_key(const char *k)
{
	static const char *const words[] = {"passw", "secret", "psk", "private-key", "passphrase",
					    "auth-pwd", "community"};
	if (strcmp(k, "key") == 0 || strcmp(k, "passwd") == 0)
		return true;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(k, words[i]))
			return true;
	return false;
}

static void fg_secrets(struct fg *s, size_t from, unsigned line)
{
	bool key_secret = from >= 1 && fg_secret_key(s->tok[from - 1]);
	for (size_t i = from; i < s->ntok; i++) {
		const char *t = s->tok[i];
		if (strcmp(t, "ENC") == 0 && i + 1 < s->ntok) {
			if (!s->enc_line)
				s->enc_line = line;
			const char *sec = s->tok[++i];
			if (*sec)
				input_add_secret(s->in, sec, strlen(sec));
			continue;
		}
		/* "[REDACTED]"-style placeholders are still treated as secrets:
		 * harmless, and the rule stays one rule. */
		if (key_secret && *t)
			input_add_secret(s->in, t, strlen(t));
	}
}

/* ---- building the tree -------------------------------------------------------- */

static struct fg_set *fg_find(const struct fg_ent *e, const char *key)
{
	for (struct fg_set *x = e ? e->sets : NULL; x; x = x->next)
		if (strcmp(x->key, key) == 0)
			return x;
	return NULL;
}

static const char *fg_val(const struct fg_ent *e, const char *key)
{
	const struct fg_set *x = fg_find(e, key);
	return x && x->nv ? x->v[0] : NULL;
}

static unsigned fg_line(const struct fg_ent *e, const char *key)
{
	const struct fg_set *x = fg_find(e, key);
	return x ? x->line : 0;
}

static struct fg_ent *fg_cur_ent(struct fg *s)
{
	if (!s->depth)
		return NULL;
	struct fg_frame *f = &s->st[s->depth - 1];
	return f->e ? f->e : &f->b->self;
}

static int fg_set_cmd(struct fg *s, unsigned line, bool append)
{
	struct fg_ent *e = fg_cur_ent(s);
	if (!e || s->ntok < 2)
		return 1;   /* not understood */
	const char *key = s->tok[1];
	size_t nv = s->ntok - 2;
	struct fg_set *x = fg_find(e, key);
	if (!x) {
		x = arena_alloc(s->a, sizeof(*x));
		if (!x)
			return input_nomem(s->in, line);
		x->key = key;
		x->next = e->sets;
		e->sets = x;
		append = false;
	}
	size_t keep = append ? x->nv : 0;
	const char **v = arena_alloc(s->a, (keep + nv + 1) * sizeof(*v));
	if (!v)
		return input_nomem(s->in, line);
	for (size_t i = 0; i < keep; i++)
		v[i] = x->v[i];
	for (size_t i = 0; i < nv; i++)
		v[keep + i] = s->tok[2 + i];
	x->v = v;
	x->nv = keep + nv;
	x->line = line;
	fg_secrets(s, 2, line);
	return 0;
}

static void fg_unset_cmd(struct fg *s)
{
	struct fg_ent *e = fg_cur_ent(s);
	if (!e || s->ntok < 2)
		return;
	for (struct fg_set **pp = &e->sets; *pp; pp = &(*pp)->next)
		if (strcmp((*pp)->key, s->tok[1]) == 0) {
			*pp = (*pp)->next;
			return;
		}
}

static int fg_config_cmd(struct fg *s, unsigned line)
{
	if (s->depth >= FG_MAX_DEPTH) {
		input_diag(s->in, DIAG_ERROR, line, 1,
			   "config blocks nested deeper than %d: the rest of this block is not read",
			   "config ブロックの入れ子が %d 段を超えています。このブロックの残りは読んでいません",
			   FG_MAX_DEPTH);
		return 0;   /* said: not also a line not understood */
	}
	struct fg_blk *b = arena_alloc(s->a, sizeof(*b));
	if (!b)
		return input_nomem(s->in, line);
	struct strbuf sb;
	sb_init(&sb, 4096);
	for (size_t i = 1; i < s->ntok; i++) {
		if (i > 1)
			sb_adds(&sb, " ");
		sb_adds(&sb, s->tok[i]);
	}
	b->path = arena_strdup(s->a, sb_str(&sb));
	sb_free(&sb);
	if (!b->path)
		return input_nomem(s->in, line);
	b->line = line;
	b->tail = &b->ents;
	b->self.line = line;
	struct fg_frame *top = s->depth ? &s->st[s->depth - 1] : NULL;
	/* A table at the top, or directly inside `config vdom` / `edit X`. */
	bool toplevel = !top || (top->e && s->depth == 2 && fg_eq(s->st[0].b->path, "vdom")) ||
			(top->b && s->depth == 1 && fg_eq(top->b->path, "global"));
	if (toplevel) {
		b->vdom = s->depth ? s->vdom : NULL;
		*s->blks_tail = b;
		s->blks_tail = &b->next;
	} else {
		struct fg_ent *e = top->e ? top->e : top->b ? &top->b->self : NULL;
		if (!e)
			return 1;
		b->vdom = s->vdom;
		b->next = e->subs;
		e->subs = b;
	}
	s->st[s->depth++] = (struct fg_frame){.b = b};
	return 0;
}

static int fg_edit_cmd(struct fg *s, unsigned line)
{
	struct fg_frame *top = s->depth ? &s->st[s->depth - 1] : NULL;
	if (!top || !top->b || s->ntok < 2 || s->depth >= FG_MAX_DEPTH)
		return 1;   /* not understood */
	struct fg_ent *e = arena_alloc(s->a, sizeof(*e));
	if (!e)
		return input_nomem(s->in, line);
	e->name = s->tok[1];
	e->line = line;
	*top->b->tail = e;
	top->b->tail = &e->next;
	top->b->nents++;
	if (s->depth == 1 && fg_eq(top->b->path, "vdom")) {
		s->vdom = e->name;
		s->vdom_mode = true;
	}
	s->st[s->depth++] = (struct fg_frame){.e = e};
	return 0;
}

/* ---- the header --------------------------------------------------------------- */

/* "#config-version=FGT60F-7.2.5-FW-build1517-230606:opmode=0:…" */
static void fg_header(struct fg *s, const char *l, size_t n, unsigned line)
{
	static const char pre[] = "#config-version=";
	if (n < sizeof(pre) - 1 || memcmp(l, pre, sizeof(pre) - 1) != 0)
		return;
	const char *v = l + sizeof(pre) - 1, *e = l + n;
	const char *colon = memchr(v, ':', (size_t)(e - v));
	if (colon)
		e = colon;
	const char *fw = memmem(v, (size_t)(e - v), "-FW-", 4);
	if (!fw)
		return;
	const char *dash = fw;
	while (dash > v && dash[-1] != '-')
		dash--;
	if (dash <= v + 1)
		return;
	struct device *d = &s->in->dev;
	d->model.s = utf8_sanitize(s->a, v, (size_t)(dash - 1 - v));
	d->model.line = line;
	/* "7.2.5"; FortiOS 5 writes "5.04" for 5.4 (the patch is in the build). */
	char ver[32];
	size_t vn = (size_t)(fw - dash);
	if (vn == 0 || vn >= sizeof(ver))
		return;
	memcpy(ver, dash, vn);
	ver[vn] = '\0';
	unsigned long maj, mnr, pat;
	char tail;
	if (sscanf(ver, "%lu.%lu.%lu%c", &maj, &mnr, &pat, &tail) == 3)
		d->firmware.s = arena_printf(s->a, "%lu.%lu.%lu", maj, mnr, pat);
	else if (sscanf(ver, "%lu.%lu%c", &maj, &mnr, &tail) == 2)
		d->firmware.s = arena_printf(s->a, "%lu.%lu", maj, mnr);
	d->firmware.line = line;
	/* "-build1517-230606": the build date, YYMMDD. */
	const char *b = fw + 4;
	const char *bd = memchr(b, '-', (size_t)(e - b));
	if (bd && e - bd == 7) {
		int yy = (bd[1] - '0') * 10 + (bd[2] - '0');
		int mm = (bd[3] - '0') * 10 + (bd[4] - '0');
		int dd = (bd[5] - '0') * 10 + (bd[6] - '0');
		bool digits = true;
		for (int i = 1; i <= 6; i++)
			digits &= bd[i] >= '0' && bd[i] <= '9';
		if (digits && mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) {
			d->build_date.s = arena_printf(s->a, "%04d-%02d-%02d", 2000 + yy, mm, dd);
			d->build_date.line = line;
		}
	}
}

/* A terminal prompt echoed before or after the output: "FGT60F # show
 * full-configuration", "FGT60F (root) # ", "FGT60F #". */
static bool fg_prompt(const char *l, size_t n)
{
	if (!n || l[0] == ' ' || l[0] == '\t' || l[0] == '#')
		return false;
	static const char *const cmds[] = {"config ", "edit ", "set ", "unset ", "append ", "next", "end"};
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (probe_starts(l, n, cmds[i], false))
			return false;
	const char *h = memchr(l, '#', n);
	if (!h || h == l || h[-1] != ' ')
		return false;
	size_t rest = n - (size_t)(h - l) - 1;
	const char *r = h + 1;
	while (rest && (*r == ' ' || *r == '\t')) {
		r++;
		rest--;
	}
	return rest == 0 || (rest >= 5 && (memcmp(r, "show", 4) == 0 || memcmp(r, "get ", 4) == 0));
}

/* ---- tables ------------------------------------------------------------------- */

static bool fg_vdom_match(const struct fg_blk *b, const char *vdom)
{
	return !vdom || !b->vdom || strcmp(b->vdom, vdom) == 0;
}

/* Every entry of path in vdom (or anywhere when vdom is NULL), by name; a
 * later entry of the same name replaces an earlier one, as a second `edit`
 * of the name edits the same entry. */
static int fg_tab_build(struct fg *s, const char *vdom, const char *path, struct fg_tab *t)
{
	memset(t, 0, sizeof(*t));
	strmap_init(&t->ix, s->a);
	for (struct fg_blk *b = s->blks; b; b = b->next) {
		if (strcmp(b->path, path) != 0 || !fg_vdom_match(b, vdom))
			continue;
		for (struct fg_ent *e = b->ents; e; e = e->next) {
			size_t at;
			if (strmap_get(&t->ix, e->name, &at)) {
				t->e[at] = e;
				continue;
			}
			struct fg_ent **g = input_grow(s->in, t->e, &t->cap, t->n, sizeof(void *));
			if (!g)
				return EL_ENOMEM;
			t->e = g;
			if (strmap_put(&t->ix, e->name, t->n) < 0)
				return input_nomem(s->in, e->line);
			t->e[t->n++] = e;
		}
	}
	return 0;
}

static struct fg_ent *fg_tab_get(const struct fg_tab *t, const char *name, size_t *at)
{
	size_t i;
	if (!strmap_get(&t->ix, name, &i))
		return NULL;
	if (at)
		*at = i;
	return t->e[i];
}

/* The settings table (`config vpn ssl settings`) of vdom, or NULL. */
static struct fg_ent *fg_settings(struct fg *s, const char *vdom, const char *path)
{
	struct fg_ent *last = NULL;
	for (struct fg_blk *b = s->blks; b; b = b->next)
		if (strcmp(b->path, path) == 0 && fg_vdom_match(b, vdom))
			last = &b->self;
	return last;
}

static bool fg_has(const struct fg_set *x, const char *v)
{
	for (size_t i = 0; x && i < x->nv; i++)
		if (strcmp(x->v[i], v) == 0)
			return true;
	return false;
}

/* ---- addresses and services ------------------------------------------------------ */

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

static void fg_bad(struct fg_vd *v, const char *what, const char *val, unsigned line)
{
	if (v->bad_what)
		return;
	v->bad_what = what;
	v->bad_val = val;
	v->bad_line = line;
}

/* "a.b.c.d m.m.m.m", "a.b.c.d/len" or "a.b.c.d-e.f.g.h" as a set. */
static int fg_v4(struct fg *s, const char *const *v, size_t nv, struct aset *out)
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

static int fg_addr_name(struct fg_vd *v, const char *name, unsigned line, int depth,
			struct aset *out, bool *bad);

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
static int fg_addr_name(struct fg_vd *v, const char *name, unsigned line, int depth,
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
static int fg_portrange(struct fg *s, const char *t, struct pset *dport, bool *narrower)
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

static int fg_comp_add(struct fg *s, struct fg_svc *r, uint32_t plo, uint32_t phi,
		       const struct pset *ports, bool narrower)
{
	struct fg_comp *c = arena_alloc(s->a, (r->n + 1) * sizeof(*c));
	if (!c)
		return EL_ENOMEM;
	if (r->n)
		memcpy(c, r->c, r->n * sizeof(*c));
	struct fg_comp *x = &c[r->n];
	if (pset_range(s->a, plo, phi, &x->proto))
		return EL_ENOMEM;
	if (ports)
		x->dport = *ports;
	else if (pset_all(s->a, 65535, &x->dport))
		return EL_ENOMEM;
	x->narrower = narrower;
	r->c = c;
	r->n++;
	return 0;
}

static int fg_svc_name(struct fg_vd *v, const char *name, unsigned line, int depth,
		       struct fg_svc *out);

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

static int fg_svc_name(struct fg_vd *v, const char *name, unsigned line, int depth,
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
		struct nat_forward *f = arena_alloc(s->a, (w->nfwds + 1) * sizeof(*f));
		if (!f)
			return EL_ENOMEM;
		if (w->nfwds)
			memcpy(f, w->fwds, w->nfwds * sizeof(*f));
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
		w->fwds = f;
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
	const char *name;
	uint32_t proto, port;
	const char *port_key;         /* config system global key for the port */
} fg_access[] = {
	[FG_HTTPS] = {"https", "https (admin GUI)", PROTO_TCP, 443, "admin-sport"},
	[FG_HTTP] = {"http", "http (admin GUI)", PROTO_TCP, 80, "admin-port"},
	[FG_SSH] = {"ssh", "ssh", PROTO_TCP, 22, "admin-ssh-port"},
	[FG_TELNET] = {"telnet", "telnet", PROTO_TCP, 23, "admin-telnet-port"},
	[FG_SNMP] = {"snmp", "snmp", PROTO_UDP, 161, NULL},
	[FG_FGFM] = {"fgfm", "fgfm (FortiManager)", PROTO_TCP, 541, NULL},
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
			char key[16];
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
	for (size_t i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++)
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
					 .text = "allowaccess / local-in-policy"};
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

static int fg_model(struct fg *s)
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

/* ---- the parse loop ------------------------------------------------------------------- */

static int fg_parse(struct input *in, const struct run_ctx *ctx)
{
	struct fg *s = arena_alloc(&in->arena, sizeof(*s));
	if (!s) {
		input_fail(in, "out of memory", "メモリが足りません");
		return EL_ENOMEM;
	}
	s->in = in;
	s->ctx = ctx;
	s->a = &in->arena;
	s->blks_tail = &s->blks;
	in->has_coverage = true;
	in->has_device = true;
	in->dev.vendor.s = "fortinet";
	in->dev.vendor_display = "Fortinet";
	if (memchr(in->data, '\0', in->len)) {
		input_fail(in, "this file holds binary data, not a FortiGate configuration",
			   "このファイルはバイナリデータで、FortiGate の設定ではありません");
		return EL_EPARSE;
	}
	const char *p = in->data, *end = in->data + in->len;
	unsigned line = 1;
	bool seen_config = false;
	while (p < end) {
		/* the physical line, for comments, headers and prompts */
		const char *e = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((e ? e : end) - p);
		size_t lead = 0;
		while (lead < n && (p[lead] == ' ' || p[lead] == '\t'))
			lead++;
		size_t tn = n;
		while (tn > lead && (p[tn - 1] == '\r' || p[tn - 1] == ' ' || p[tn - 1] == '\t'))
			tn--;
		if (tn == lead) {
			p = e ? e + 1 : end;
			line++;
			continue;
		}
		if (p[lead] == '#') {
			fg_header(s, p + lead, tn - lead, line);
			p = e ? e + 1 : end;
			line++;
			continue;
		}
		in->lines_total++;
		if (fg_prompt(p, tn)) {
			in->lines_understood++;
			p = e ? e + 1 : end;
			line++;
			continue;
		}
		unsigned first = line, nl = 1;
		if (!fg_command(s, &p, end, &nl))
			break;
		line += nl;
		if (s->ntok == 0)
			continue;
		const char *cmd = s->tok[0];
		int rc = 1;   /* 0 understood, 1 not understood, < 0 an error */
		if (strcmp(cmd, "config") == 0 && s->ntok >= 2) {
			rc = fg_config_cmd(s, first);
			seen_config = true;
		} else if (strcmp(cmd, "edit") == 0) {
			rc = fg_edit_cmd(s, first);
		} else if (strcmp(cmd, "set") == 0 || strcmp(cmd, "append") == 0) {
			rc = fg_set_cmd(s, first, cmd[0] == 'a');
		} else if (strcmp(cmd, "unset") == 0 && s->ntok >= 2 && s->depth) {
			fg_unset_cmd(s);
			rc = 0;
		} else if (strcmp(cmd, "next") == 0 || strcmp(cmd, "end") == 0) {
			bool isnext = cmd[0] == 'n';
			struct fg_frame *top = s->depth ? &s->st[s->depth - 1] : NULL;
			if (!top) {
				input_diag(in, DIAG_ERROR, first, 1,
					   "'%s' with no open config block: the file's config/end lines do not balance",
					   "開いている config ブロックがないのに「%s」があります。config と end の対応が取れていません",
					   cmd);
				rc = 0;
			} else if (isnext) {
				if (top->e)
					s->depth--;
				else
					input_diag(in, DIAG_ERROR, first, 1,
						   "'next' outside an edit entry (config %s, line %u)",
						   "edit の外に「next」があります（config %s、%u 行目）",
						   utf8_sanitize(&s->scratch, top->b->path, strlen(top->b->path)),
						   top->b->line);
				rc = 0;
			} else {
				if (top->e)   /* `end` closing an entry and its block */
					s->depth--;
				if (s->depth)
					s->depth--;
				rc = 0;
			}
			/* back at the top, or in `config vdom` between entries */
			if (s->depth <= 1)
				s->vdom = NULL;
		} else if (strcmp(cmd, "show") == 0 || strcmp(cmd, "get") == 0) {
			rc = 0;   /* the command echoed without a prompt */
		}
		if (rc == 0)
			in->lines_understood++;
		else if (rc < 0)
			break;
		else
			input_unknown(in, first, "this '%s' line is not a FortiOS config command; no check uses it",
				      "この「%s」の行は FortiOS の設定コマンドではないため、どの判定にも使っていません",
				      utf8_sanitize(&s->scratch, cmd, strlen(cmd) < 40 ? strlen(cmd) : 40));
		arena_reset(&s->scratch);
	}
	if (s->depth) {
		/* innermost open config block */
		unsigned at = 0;
		const char *path = "";
		for (size_t i = s->depth; i-- > 0;)
			if (s->st[i].b) {
				at = s->st[i].b->line;
				path = s->st[i].b->path;
				break;
			}
		s->truncated = true;
		s->trunc_line = at;
		input_diag(in, DIAG_ERROR, at, 1,
			   "the file ends inside 'config %s' opened here (a truncated copy?): the firewall tables are not judged",
			   "ここで始まる「config %s」の途中でファイルが終わっています（途中で切れた写しでしょうか）。ファイアウォールの表は判定していません",
			   utf8_sanitize(&s->scratch, path, strlen(path)));
	}
	if (!seen_config) {
		arena_free(&s->scratch);
		input_fail(in, "no FortiGate configuration blocks (config … end) found",
			   "FortiGate の設定ブロック（config … end）が見つかりません");
		return EL_EPARSE;
	}
	input_unknown_end(in);
	if (s->enc_line)
		input_diag(in, DIAG_NOTE, s->enc_line, 1,
			   "this file holds ENC-encrypted secrets (passwords, keys): FortiOS encrypts them with a key built into the firmware (CVE-2019-6693), so anyone who has the file can decrypt them; keep the file as safe as the passwords, and set private-data-encryption to use a key of your own",
			   "このファイルには ENC で暗号化された秘密情報（パスワードや鍵）が含まれます。FortiOS はファームウェアに組み込まれた鍵で暗号化しているため（CVE-2019-6693）、ファイルを手にした人は誰でも復号できます。ファイルはパスワードと同じように厳重に保管し、private-data-encryption で独自の鍵を使うよう設定してください");
	int rc = fg_model(s);
	arena_free(&s->scratch);
	if (rc == EL_ENOMEM)
		return input_nomem(in, 0);
	return 0;
}

static int fg_probe(const char *head, size_t n)
{
	size_t pos = 0, len;
	const char *ls;
	int config = 0, edit = 0, set = 0, next = 0;
	while (probe_line(head, n, &pos, &ls, &len)) {
		if (probe_starts(ls, len, "#config-version=F", false))
			return 98;
		if (probe_starts(ls, len, "config system ", true) ||
		    probe_starts(ls, len, "config firewall ", true) ||
		    probe_starts(ls, len, "config vpn ", true) ||
		    probe_starts(ls, len, "config router ", true))
			config++;
		else if (probe_starts(ls, len, "edit ", true))
			edit++;
		else if (probe_starts(ls, len, "set ", true))
			set++;
		else if (probe_starts(ls, len, "next", true))
			next++;
	}
	if (config && set && (edit && next))
		return 70;
	return config && set ? 40 : 0;
}

const struct parser parser_fortigate = {
	.kind = {
		.name = "fortigate",
		.label = "FortiGate",
		.label_ja = "FortiGate",
		.feeds = {[ITEM_3_2] = true, [ITEM_5_4] = true},
		.firewall = true,
	},
	.probe = fg_probe,
	.parse = fg_parse,
	.max_bytes = 64u << 20,
	.expect = "FortiGate",
	.expect_ja = "FortiGate",
	.what = "config",
	.what_ja = "設定",
};
