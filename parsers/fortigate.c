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
 *
 * Files: this one reads the text into a tree of config blocks and entries
 * (and holds the parser's table entry); fortigate_objects.c resolves
 * addresses and services; fortigate_model.c builds the model; fortigate.h
 * is what they share.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/filter.h"
#include "../src/registry.h"
#include "fortigate.h"

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
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (strstr(k, words[i]))
			return true;
	return false;
}

static void fg_secrets(struct fg *s, size_t from, unsigned line)
{
	bool key_secret = from >= 1 && fg_secret_key(s->tok[from - 1]);
	/* `set password ENC <blob>`: the blob is the secret; words after it
	 * are not FortiOS syntax and not registered (a word of our own texts
	 * such as "firewall" would otherwise count as a secret). */
	if (key_secret && from < s->ntok && strcmp(s->tok[from], "ENC") == 0)
		key_secret = false;
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
		/* A password is one value (quoted when it has blanks); words
		 * after it are not FortiOS syntax. "[REDACTED]"-style
		 * placeholders are still treated as secrets. */
		if (key_secret && i == from && *t)
			input_add_secret(s->in, t, strlen(t));
	}
}

/* ---- building the tree -------------------------------------------------------- */

struct fg_set *fg_find(const struct fg_ent *e, const char *key)
{
	for (struct fg_set *x = e ? e->sets : NULL; x; x = x->next)
		if (strcmp(x->key, key) == 0)
			return x;
	return NULL;
}

const char *fg_val(const struct fg_ent *e, const char *key)
{
	const struct fg_set *x = fg_find(e, key);
	return x && x->nv ? x->v[0] : NULL;
}

unsigned fg_line(const struct fg_ent *e, const char *key)
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
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++)
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

bool fg_vdom_match(const struct fg_blk *b, const char *vdom)
{
	return !vdom || !b->vdom || strcmp(b->vdom, vdom) == 0;
}

/* Every entry of path in vdom (or anywhere when vdom is NULL), by name; a
 * later entry of the same name replaces an earlier one, as a second `edit`
 * of the name edits the same entry. */
int fg_tab_build(struct fg *s, const char *vdom, const char *path, struct fg_tab *t)
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

struct fg_ent *fg_tab_get(const struct fg_tab *t, const char *name, size_t *at)
{
	size_t i;
	if (!strmap_get(&t->ix, name, &i))
		return NULL;
	if (at)
		*at = i;
	return t->e[i];
}

/* The settings table (`config vpn ssl settings`) of vdom, or NULL. */
struct fg_ent *fg_settings(struct fg *s, const char *vdom, const char *path)
{
	struct fg_ent *last = NULL;
	for (struct fg_blk *b = s->blks; b; b = b->next)
		if (strcmp(b->path, path) == 0 && fg_vdom_match(b, vdom))
			last = &b->self;
	return last;
}

bool fg_has(const struct fg_set *x, const char *v)
{
	for (size_t i = 0; x && i < x->nv; i++)
		if (strcmp(x->v[i], v) == 0)
			return true;
	return false;
}

/* ---- the parse loop ------------------------------------------------------------------- */

static int fg_parse(struct input *in, const struct run_ctx *ctx)
{
	struct fg *s = parse_state_new(in, sizeof(*s));
	if (!s)
		return EL_ENOMEM;
	s->in = in;
	s->ctx = ctx;
	s->a = &in->arena;
	s->blks_tail = &s->blks;
	in->has_coverage = true;
	in->has_device = true;
	in->dev.vendor.s = "fortinet";
	in->dev.vendor_display = "Fortinet";
	if (parse_binary(in, "this file holds binary data, not a FortiGate configuration",
			 "このファイルはバイナリデータで、FortiGate の設定ではありません"))
		return EL_EPARSE;
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
			   "the file ends inside 'config %s' opened here (a truncated copy?): its policies are not judged",
			   "ここで始まる「config %s」の途中でファイルが終わっています（途中で切れた写しでしょうか）。ポリシーは判定していません",
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
		/* A policy whose srcintf is the interface (fortigate_model.c). */
		.filter_in = {"config firewall policy / set srcintf %IF",
			      "config firewall policy / set srcintf %IF"},
	},
	.probe = fg_probe,
	.parse = fg_parse,
	.max_bytes = 64u << 20,
	.expect = "FortiGate",
	.expect_ja = "FortiGate",
	.what = "config",
	.what_ja = "設定",
};
