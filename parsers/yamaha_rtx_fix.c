/*
 * yamaha_rtx_fix.c — fixes for YAMAHA RTX/NVR/FWX configs (issue 17 §1),
 * the builder behind the kind's fix callback (src/fix.h): commands in
 * YAMAHA's syntax, built from the file, never from a template.
 *
 * Syntax and behaviour, from the YAMAHA command reference (Cmdref,
 * https://www.rtpro.yamaha.co.jp/RT/manual/rt-common/Cmdref.pdf; details
 * in ../shared/research/yamaha.md):
 *  - `ip filter N pass|reject SRC DST PROTO SPORT DPORT` [CR §8.1.1],
 *    `ipv6 filter …` the same for IPv6 [CR §30.7.1]; ports a number, a
 *    range a-b or a comma list of at most 10 [CR §8.1.10];
 *  - `ip lanN secure filter in|out LIST [dynamic LIST]`, `ip pp …` inside
 *    `pp select N`, `ip tunnel …` inside `tunnel select N` [CR §8.1.25]:
 *    the list is first match, ends in an implicit reject when it exists,
 *    and a new command replaces the whole list (the device keeps the last
 *    command per key), so a fix writes the list in full where it is bound;
 *  - `ip filter dynamic N SRC DST tcp|udp` [CR §8.1.14]: in the out list,
 *    opens the return path of what goes out (so an in list that rejects
 *    the rest does not cut the replies);
 *  - `nat descriptor masquerade static D N INNER PROTO PORT` [CR §23.x]:
 *    `no` with the same words removes that entry.
 * New filters take numbers free in the file and outside the ranges of
 * YAMAHA's own templates (rules/vendor-templates.yaml numbers), so a fix
 * never replaces a template's filter (issue 17: 200040 lets IKE in).
 *
 * What is fixed: EL101/EL103 (a new in list: the VPN the router
 * terminates, the policy's allowed_inbound; the out list with dynamic
 * filters when there is none), EL104/EL105 on the router or on inside
 * hosts (a reject placed just before the first filter that passes it;
 * the filters before it, VPN ones included, stay ahead), EL105 on a
 * forward (the exact static NAT entry removed), EL102 (the pass-all
 * filter taken out of the list). Anything else gets the reason.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/fix.h"
#include "../src/registry.h"
#include "parsers.h"
#include "yamaha_rtx_fix.h"

#define RFX_MAX_TOK 420          /* tokens of a list command (RTX_MAX_LIST + words) */
#define RFX_MAX_PORT_ITEMS 10    /* [CR §8.1.10]: a comma list of at most 10 */

/* One list being rewritten: an interface's in list of one family. */
struct rfx_list {
	const struct wan_if *w;
	bool v6;
	bool bound;               /* the file binds one (else a new one) */
	unsigned line;            /* the line that binds it, or where a new one goes */
	const char *indent;       /* that line's leading blanks */
	char *head;               /* "ip pp secure filter in" */
	long nums[RFX_MAX_TOK];
	size_t n;
	char *tail;               /* "dynamic …" as written, or "" */
	const struct finding *done_by;   /* EL101/EL103 wrote it new */
	/* Filters a block took out of the list, and the block's finding:
	 * a reach through one of them is fixed by that block. */
	long removed[64];
	unsigned removed_line[64];     /* the filter's line in the file */
	const struct finding *removed_by[64];
	size_t nremoved;
	struct rfx_list *next;
};

struct rfx {
	struct input *in;
	const struct run_ctx *ctx;
	struct fix_set *out;
	const struct vendor_numbers *vn;
	struct fix_text txt;      /* the file by lines */
	long *used;               /* numbers taken (file + fixes) */
	size_t nused, capused;
	unsigned last_filter4, last_filter6;   /* where new filters go (0: end) */
	struct rfx_list *lists;
	struct rfx_gone {              /* NAT entries removed, and by which block */
		const struct nat_forward *fw;
		const struct finding *by;
	} *gone;
	size_t ngone, capgone;
};

static bool rfx_is_num(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static int rfx_use(struct rfx *x, long v)
{
	long *nu = input_grow(x->in, x->used, &x->capused, x->nused, sizeof(*x->used));
	if (!nu)
		return EL_ENOMEM;
	x->used = nu;
	x->used[x->nused++] = v;
	return 0;
}

/* Reads the file once: line starts, every number on a filter line (so a
 * new filter never takes one, static, dynamic, v4 or v6), and the last
 * filter definition of each family. */
static int rfx_scan(struct rfx *x)
{
	struct input *in = x->in;
	if (fix_text_init(in, &x->txt))
		return EL_ENOMEM;
	struct arena scratch = {0};
	char *t[RFX_MAX_TOK];
	int rc = 0;
	for (unsigned ln = 1; rc == 0 && ln <= x->txt.n; ln++) {
		arena_reset(&scratch);
		long ns = fix_text_split(in, &x->txt, &scratch, ln, t, RFX_MAX_TOK);
		if (ns < 0) {
			rc = input_nomem(in, ln);
			break;
		}
		size_t nt = (size_t)ns;
		if (nt < 3 || (strcmp(t[0], "ip") != 0 && strcmp(t[0], "ipv6") != 0))
			continue;
		bool filt = false;
		for (size_t i = 1; i < nt && !filt; i++)
			filt = strcmp(t[i], "filter") == 0;
		if (!filt)
			continue;
		for (size_t i = 1; rc == 0 && i < nt; i++)
			if (rfx_is_num(t[i]) && strlen(t[i]) <= 10)
				rc = rfx_use(x, strtol(t[i], NULL, 10));
		if (strcmp(t[1], "filter") == 0 && rfx_is_num(t[2]))
			*(t[0][2] ? &x->last_filter6 : &x->last_filter4) = ln;
		if (strcmp(t[1], "filter") == 0 && strcmp(t[2], "dynamic") == 0)
			*(t[0][2] ? &x->last_filter6 : &x->last_filter4) = ln;
	}
	arena_free(&scratch);
	return rc;
}

/* A new filter number, or -1 (none left: the block says so). */
static long rfx_number(struct rfx *x)
{
	if (!x->vn)
		return -1;
	long v = fix_free_number(x->used, x->nused, x->vn->reserved, x->vn->nreserved,
				 x->vn->first, x->vn->max);
	if (v >= 0 && rfx_use(x, v))
		return -1;
	return v;
}

/* "pp 1" -> "pp", "tunnel 2" -> "tunnel", "lan2" -> "lan2". */
static const char *rfx_ifword(const struct wan_if *w)
{
	if (strncmp(w->name, "pp ", 3) == 0)
		return "pp";
	if (strncmp(w->name, "tunnel ", 7) == 0)
		return "tunnel";
	return w->name;
}

/* "pp select 1" for a PP or tunnel interface, NULL for a LAN port. */
static const char *rfx_select(struct arena *a, const struct wan_if *w)
{
	if (strncmp(w->name, "pp ", 3) == 0)
		return arena_printf(a, "pp select %s", w->name + 3);
	if (strncmp(w->name, "tunnel ", 7) == 0)
		return arena_printf(a, "tunnel select %s", w->name + 7);
	return NULL;
}

/* The line of `pp select N` / `tunnel select N` for w (the block its
 * interface commands go in), 0 when the file has none. */
static unsigned rfx_select_line(struct rfx *x, const struct wan_if *w)
{
	const char *sel = rfx_select(&x->in->arena, w);
	char *t[4];
	char *want[4];
	size_t nw = sel ? fix_split(&x->in->arena, sel, want, 4) : 0;
	for (unsigned ln = 1; nw == 3 && ln <= x->txt.n; ln++) {
		const char *s = fix_text_line(x->in, &x->txt, ln);
		size_t nt = s ? fix_split(&x->in->arena, s, t, 4) : 0;
		if (nt == 3 && strcmp(t[0], want[0]) == 0 && strcmp(t[1], want[1]) == 0 &&
		    strcmp(t[2], want[2]) == 0)
			return ln;
	}
	return 0;
}

/* The list state of w's in list of one family, created from the file on
 * first use. NULL with *why set when it cannot be rewritten. */
static struct rfx_list *rfx_list_of(struct rfx *x, const struct wan_if *w, bool v6,
				    const char **why, const char **why_ja)
{
	for (struct rfx_list *l = x->lists; l; l = l->next)
		if (l->w == w && l->v6 == v6)
			return l;
	struct arena *a = &x->in->arena;
	const struct flist *fl = v6 ? &w->in6 : &w->in4;
	struct rfx_list *l = arena_alloc(a, sizeof(*l));
	if (!l) {
		input_nomem(x->in, 0);
		*why = "out of memory";
		*why_ja = "メモリが足りません";
		return NULL;
	}
	l->w = w;
	l->v6 = v6;
	l->tail = "";
	l->head = arena_printf(a, "%s %s secure filter in", v6 ? "ipv6" : "ip", rfx_ifword(w));
	l->indent = "";
	if (!fl->present) {
		l->line = w->line;
		if (rfx_select(a, w)) {
			/* Inside the interface's select block. */
			l->line = rfx_select_line(x, w);
			if (!l->line) {
				*why = "the file has no select block for the interface to put its list in";
				*why_ja = "リストを置くインターフェースの select のまとまりがファイルにありません";
				return NULL;
			}
		}
		const char *ws = fix_text_line(x->in, &x->txt, w->line);
		if (ws && (ws[0] == ' ' || ws[0] == '\t'))
			l->indent = arena_strndup(a, ws, strspn(ws, " \t"));
	} else {
		l->bound = true;
		l->line = fl->line;
		const char *phys = fix_text_line(x->in, &x->txt, fl->line);
		char *t[RFX_MAX_TOK];
		size_t nt = phys ? fix_split(a, phys, t, RFX_MAX_TOK) : 0;
		size_t at = 0;
		while (at < nt && strcmp(t[at], "in") != 0)
			at++;
		if (at == nt || at < 4 || strcmp(t[at - 1], "filter") != 0 ||
		    strcmp(t[at - 2], "secure") != 0) {
			*why = "the inbound list is not written on one line of its own (a filter set, or "
			       "a command the console wrapped over several lines); rewrite it by hand";
			*why_ja = "受信リストが 1 行に書かれていません（フィルタセット、またはコンソールが折り返した"
				  "コマンド）。手で書き直してください";
			return NULL;
		}
		size_t i = at + 1;
		for (; i < nt && rfx_is_num(t[i]) && l->n < RFX_MAX_TOK; i++)
			l->nums[l->n++] = strtol(t[i], NULL, 10);
		/* What follows the numbers (dynamic …) is kept as written; a
		 * token that is neither means the line is not what was read. */
		if (i < nt && strcmp(t[i], "dynamic") != 0) {
			*why = "the inbound list line holds words edgelint does not rewrite; change it by hand";
			*why_ja = "受信リストの行に edgelint が書き換えない語があります。手で変更してください";
			return NULL;
		}
		struct strbuf sb;
		sb_init(&sb, 1u << 16);
		for (size_t k = i; k < nt; k++)
			sb_printf(&sb, "%s%s", k > i ? " " : "", t[k]);
		l->tail = arena_strdup(a, sb_str(&sb));
		sb_free(&sb);
		if (phys[0] == ' ' || phys[0] == '\t')
			l->indent = arena_strndup(a, phys, strspn(phys, " \t"));
		/* The line's own text must be the list the model read (a
		 * wrapped command was joined, its first line is not the list). */
		if (fl->line && l->n != fl->n && !fl->has_undefined) {
			*why = "the inbound list continues on the next line (console wrapping); rewrite it by hand";
			*why_ja = "受信リストが次の行に続いています（コンソールの折り返し）。手で書き直してください";
			return NULL;
		}
	}
	if (!l->head || !l->indent || !l->tail) {
		input_nomem(x->in, 0);
		*why = "out of memory";
		*why_ja = "メモリが足りません";
		return NULL;
	}
	l->next = x->lists;
	x->lists = l;
	return l;
}

/* rfx_list_of() for block b: NULL with b saying why. */
static struct rfx_list *rfx_list_for(struct rfx *x, struct fix_block *b, const struct wan_if *w,
				     bool v6)
{
	const char *why = NULL, *why_ja = NULL;
	struct rfx_list *l = rfx_list_of(x, w, v6, &why, &why_ja);
	if (!l)
		fix_none(b, why, why_ja);
	return l;
}

/* The list command as it stands: "ip pp secure filter in 1 2 dynamic 3". */
static const char *rfx_list_cmd(struct rfx *x, const struct rfx_list *l)
{
	struct strbuf sb;
	sb_init(&sb, 1u << 16);
	int rc = sb_adds(&sb, l->head);
	for (size_t i = 0; rc == 0 && i < l->n; i++)
		rc = sb_printf(&sb, " %ld", l->nums[i]);
	if (rc == 0 && *l->tail)
		rc = sb_printf(&sb, " %s", l->tail);
	const char *s = rc == 0 ? arena_strdup(&x->in->arena, sb_str(&sb)) : NULL;
	sb_free(&sb);
	return s;
}

/* Adds cmd, an interface command of w, to b: inside `pp select N` …
 * `pp select none` (or tunnel) for a PP or tunnel interface. */
static int rfx_cmd_selected(struct rfx *x, struct fix_block *b, const struct wan_if *w,
			    const char *cmd)
{
	const char *sel = rfx_select(&x->in->arena, w);
	int rc = 0;
	if (sel)
		rc = fix_cmd(x->in, b, sel);
	if (rc == 0)
		rc = fix_cmd(x->in, b, cmd);
	if (rc == 0 && sel)
		rc = fix_cmd(x->in, b, strncmp(sel, "pp", 2) == 0 ? "pp select none" : "tunnel select none");
	return rc;
}

/* Adds to b the commands that write l in full (inside its select), and
 * the edit that puts it in the file. */
static int rfx_emit_list(struct rfx *x, struct fix_block *b, struct rfx_list *l)
{
	const char *cmd = rfx_list_cmd(x, l);
	if (!cmd)
		return input_nomem(x->in, 0);
	int rc = rfx_cmd_selected(x, b, l->w, cmd);
	const char *text = arena_printf(&x->in->arena, "%s%s", l->indent, cmd);
	if (rc == 0)
		rc = text ? fix_edit(x->in, b, l->bound ? FIX_REPLACE : FIX_INSERT_AFTER, l->line, text)
			  : input_nomem(x->in, 0);
	/* A bound list is replaced again by a later block (the last
	 * command wins, as on the device); a new one is the EL101/EL103
	 * block's, which the findings of that interface point to. */
	return rc;
}

/* Adds a filter definition: the command and its edit after the last
 * filter of its family (or at the end). */
static int rfx_emit_filter(struct rfx *x, struct fix_block *b, bool v6, const char *cmd)
{
	int rc = fix_cmd(x->in, b, cmd);
	unsigned at = v6 ? x->last_filter6 : x->last_filter4;
	if (!at)
		at = v6 ? x->last_filter4 : x->last_filter6;
	if (!at)
		at = x->txt.n;
	return rc ? rc : fix_edit(x->in, b, FIX_INSERT_AFTER, at, cmd);
}

/* Whether the file binds an out list of w's family (inside its select
 * for a PP or tunnel interface). */
static bool rfx_has_out(struct rfx *x, const struct wan_if *w, bool v6)
{
	struct arena scratch = {0};
	char *t[8];
	const char *cur = NULL;
	bool found = false;
	for (unsigned ln = 1; !found && ln <= x->txt.n; ln++) {
		arena_reset(&scratch);
		long ns = fix_text_split(x->in, &x->txt, &scratch, ln, t, 8);
		if (ns < 0)
			break;
		size_t nt = (size_t)ns;
		if (nt == 3 && strcmp(t[1], "select") == 0 &&
		    (strcmp(t[0], "pp") == 0 || strcmp(t[0], "tunnel") == 0)) {
			cur = strcmp(t[2], "none") == 0 ? NULL
							 : arena_printf(&x->in->arena, "%s %s", t[0], t[2]);
			continue;
		}
		if (nt < 5 || strcmp(t[0], v6 ? "ipv6" : "ip") != 0 || strcmp(t[2], "secure") != 0 ||
		    strcmp(t[3], "filter") != 0 || strcmp(t[4], "out") != 0)
			continue;
		if (strcmp(t[1], "pp") == 0 || strcmp(t[1], "tunnel") == 0)
			found = cur && strcmp(cur, w->name) == 0 && strncmp(cur, t[1], strlen(t[1])) == 0;
		else
			found = strcmp(t[1], w->name) == 0;
	}
	arena_free(&scratch);
	return found;
}

/* The filters a list of w must keep passing whatever a fix does, of one
 * family: the VPN the router terminates and the policy's
 * allowed_inbound (for IPv6 also what the line itself needs). Their
 * bodies ("pass * * esp * *") into defs (at most RFX_MAX_KEEP), *nd of
 * them; false with b's reason set when they cannot be written. */
#define RFX_MAX_KEEP 16

/* Whether the rules ahead decide every new connection of proto (port; 0:
 * every port) from anywhere to anywhere: a filter for it after them
 * would never match (EL108, EL115). */
static bool rfx_decided(struct arena *a, const struct frule *ahead, size_t n, bool v6,
			uint32_t proto, uint32_t port)
{
	enum fam f = v6 ? FAM_V6 : FAM_V4;
	struct fbox q = {.rule = -1};
	struct fbox_list passed = {0};
	if (!n || pset_range(a, proto, proto, &q.proto) || aset_all(a, f, &q.src) ||
	    aset_all(a, f, &q.dst) || pset_all(a, 65535, &q.sport) ||
	    (port ? pset_range(a, port, port, &q.dport) : pset_all(a, 65535, &q.dport)) ||
	    filter_reach(a, ahead, n, FA_PASS, &q, &passed))
		return false;
	for (size_t i = 0; i < passed.n; i++)
		if (passed.b[i].rule < 0)
			return false;   /* some packet reaches the end of them */
	return true;
}

/* ahead (nahead rules): the rules that stay ahead of the new filters; a
 * flow they decide in full gets no filter. */
static bool rfx_keep_defs(struct rfx *x, struct fix_block *b, const struct wan_if *w, bool v6,
			  const struct frule *ahead, size_t nahead, const char **defs,
			  size_t *ndefs)
{
	struct arena *a = &x->in->arena;
	size_t nd = 0;
	/* The VPN filters' protocol and port, and their destination. */
	uint32_t vpn_proto[RFX_MAX_KEEP], vpn_port[RFX_MAX_KEEP];
	size_t nv = 0;
	const char *vpn_to = "*";
	if (!v6) {
		/* The VPN the router terminates [CR §8.1.25 examples], to the
		 * router alone: behind NAT only the router (and forwards) can be
		 * reached, so "*" names it; without NAT, its own address. */
		const char *to = "*";
		bool known = !(w->addr4.hi == BOX_UNKNOWN_ADDR4.hi && w->addr4.lo == BOX_UNKNOWN_ADDR4.lo);
		if (!w->nat4 && known)
			to = arena_printf(a, "%u.%u.%u.%u", (unsigned)(w->addr4.lo >> 24) & 255,
					  (unsigned)(w->addr4.lo >> 16) & 255, (unsigned)(w->addr4.lo >> 8) & 255,
					  (unsigned)w->addr4.lo & 255);
		for (size_t i = 0; i < x->in->dev.nsvcs && nd < 8; i++) {
			const struct box_service *s = &x->in->dev.svcs[i];
			if (!s->enabled || s->cls != SVC_VPN || strcmp(s->name, "pptp") == 0 ||
			    rfx_decided(a, ahead, nahead, v6, s->proto, s->port))
				continue;
			if (!w->nat4 && !known) {
				fix_none(b, "the interface has no NAT and the file does not give its address, so "
					    "no filter can pass the VPN to the router alone; write the list by hand",
					 "インターフェースに NAT がなく、ファイルにそのアドレスもないため、VPN をルータ"
					 "だけに通すフィルタを作れません。リストを手で書いてください");
				return false;
			}
			if (s->proto == PROTO_ESP)
				defs[nd++] = arena_printf(a, "pass * %s esp * *", to);
			else if (s->proto == PROTO_UDP && s->port)
				defs[nd++] = arena_printf(a, "pass * %s udp * %u", to, (unsigned)s->port);
			else
				continue;
			vpn_proto[nv] = s->proto;
			vpn_port[nv++] = s->port;
			vpn_to = to;
		}
	} else {
		/* What the line needs (rules/ports.yaml infrastructure): ICMPv6
		 * and DHCPv6 client replies, as YAMAHA's IPoE example passes them. */
		if (!rfx_decided(a, ahead, nahead, v6, PROTO_ICMP6, 0))
			defs[nd++] = "pass * * icmp6 * *";
		if (!rfx_decided(a, ahead, nahead, v6, PROTO_UDP, 546))
			defs[nd++] = "pass * * udp * 546";
	}
	/* The policy's allowed_inbound of this family. */
	const struct policy *pol = x->ctx->pol;
	for (size_t i = 0; i < pol->ninbound && nd < RFX_MAX_KEEP; i++) {
		const struct policy_inbound *p = &pol->inbound[i];
		if (!p->nsources || (strchr(p->sources[0], ':') != NULL) != v6)
			continue;
		/* One the VPN filters above already pass (from every source)
		 * would be a filter that never matches (EL108). */
		bool covered = false;
		for (size_t k = 0; k < nv && !covered && p->proto && p->port >= 0; k++)
			covered = vpn_port[k] == (uint32_t)p->port &&
				  strcmp(p->proto, vpn_proto[k] == PROTO_UDP ? "udp" : "esp") == 0 &&
				  (strcmp(vpn_to, "*") == 0 || (p->to && strcmp(p->to, vpn_to) == 0));
		if (covered)
			continue;
		struct strbuf sb;
		sb_init(&sb, 4096);
		for (size_t k = 0; k < p->nsources; k++)
			sb_printf(&sb, "%s%s", k ? "," : "", p->sources[k]);
		char port[24] = "*";
		if (p->port >= 0)
			snprintf(port, sizeof(port), "%ld", p->port);
		defs[nd++] = arena_printf(a, "pass %s %s %s * %s", sb_str(&sb), p->to ? p->to : "*",
					  p->proto ? p->proto : "*", port);
		sb_free(&sb);
	}
	*ndefs = nd;
	return true;
}

/* Defines defs[0..nd) as new filters of l's family and puts them into l
 * at position at, in order. 0 or negative; 1 when b says why not (no
 * free number, the list full). */
static int rfx_add_defs(struct rfx *x, struct fix_block *b, struct rfx_list *l, const char **defs,
			size_t nd, size_t at)
{
	int rc = 0;
	if (l->n + nd > RFX_MAX_TOK) {
		fix_none(b, "the inbound list is full", "受信リストがいっぱいです");
		return 1;
	}
	for (size_t i = 0; rc == 0 && i < nd; i++) {
		long num = rfx_number(x);
		if (num < 0 || !defs[i]) {
			fix_none(b, "no free filter number is left outside the ranges of YAMAHA's templates",
				 "YAMAHA のテンプレートが使う範囲の外に、空いているフィルタ番号が残っていません");
			return 1;
		}
		const char *c = arena_printf(&x->in->arena, "%s filter %ld %s", l->v6 ? "ipv6" : "ip", num,
					     defs[i]);
		rc = c ? rfx_emit_filter(x, b, l->v6, c) : input_nomem(x->in, 0);
		memmove(&l->nums[at + i + 1], &l->nums[at + i], (l->n - at - i) * sizeof(l->nums[0]));
		l->nums[at + i] = num;
		l->n++;
	}
	return rc;
}

/* EL101 / EL103: a new in list (and an out list with dynamic filters
 * when the interface has none). */
static int rfx_new_list(struct rfx *x, struct fix_block *b, const struct wan_if *w, bool v6)
{
	struct rfx_list *l = rfx_list_for(x, b, w, v6);
	if (!l)
		return 0;
	struct arena *a = &x->in->arena;
	const char *fam = v6 ? "ipv6" : "ip";
	const char *defs[RFX_MAX_KEEP];
	size_t nd = 0;
	if (!rfx_keep_defs(x, b, w, v6, NULL, 0, defs, &nd))
		return 0;
	int rc = rfx_add_defs(x, b, l, defs, nd, l->n);
	if (rc > 0)
		return 0;
	if (rc == 0 && l->n == 0) {
		/* Nothing to pass: one explicit reject makes the list exist. */
		long num = rfx_number(x);
		if (num < 0) {
			fix_none(b, "no free filter number is left outside the ranges of YAMAHA's templates",
				 "YAMAHA のテンプレートが使う範囲の外に、空いているフィルタ番号が残っていません");
			return 0;
		}
		const char *c = arena_printf(a, "%s filter %ld reject * * * * *", fam, num);
		rc = c ? rfx_emit_filter(x, b, v6, c) : input_nomem(x->in, 0);
		l->nums[l->n++] = num;
	}
	/* The out list first: once the in list is bound, replies need it. */
	if (rc == 0 && !rfx_has_out(x, w, v6)) {
		/* Replies to what goes out: `dynamic` in the out list [CR §8.1.14]. */
		long np = rfx_number(x), nt = rfx_number(x), nu = rfx_number(x);
		if (np < 0 || nt < 0 || nu < 0) {
			fix_none(b, "no free filter number is left outside the ranges of YAMAHA's templates",
				 "YAMAHA のテンプレートが使う範囲の外に、空いているフィルタ番号が残っていません");
			return 0;
		}
		const char *c1 = arena_printf(a, "%s filter %ld pass * * * * *", fam, np);
		const char *c2 = arena_printf(a, "%s filter dynamic %ld * * tcp", fam, nt);
		const char *c3 = arena_printf(a, "%s filter dynamic %ld * * udp", fam, nu);
		const char *lo = arena_printf(a, "%s %s secure filter out %ld dynamic %ld %ld", fam,
					      rfx_ifword(w), np, nt, nu);
		if (!c1 || !c2 || !c3 || !lo)
			return input_nomem(x->in, 0);
		rc = rfx_emit_filter(x, b, v6, c1);
		if (rc == 0)
			rc = rfx_emit_filter(x, b, v6, c2);
		if (rc == 0)
			rc = rfx_emit_filter(x, b, v6, c3);
		if (rc == 0)
			rc = rfx_cmd_selected(x, b, w, lo);
		const char *text = arena_printf(a, "%s%s", l->indent, lo);
		if (rc == 0)
			rc = text ? fix_edit(x->in, b, FIX_INSERT_AFTER, l->line, text)
				  : input_nomem(x->in, 0);
	}
	if (rc == 0)
		rc = rfx_emit_list(x, b, l);
	if (rc == 0) {
		l->done_by = b->f;
		b->note = "The new list passes only the VPN the router terminates and the policy's "
			  "allowed_inbound, and rejects the rest; check after pasting that the line still "
			  "works (a DHCP lease renews, the VPN connects).";
		b->note_ja = "新しいリストは、ルータが終端する VPN とポリシーの allowed_inbound だけを通し、"
			     "残りを拒否します。貼り付けた後、回線が使えること（DHCP の更新、VPN の接続）を"
			     "確認してください。";
	}
	return rc;
}

/* Takes filter num out of l (the block of finding f does): 0, or -1 when
 * it is not in the list. */
static int rfx_remove(struct rfx_list *l, long num, unsigned line, const struct finding *f)
{
	size_t o = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->nums[i] != num)
			l->nums[o++] = l->nums[i];
	if (o == l->n)
		return -1;
	l->n = o;
	if (l->nremoved < ARRAY_SIZE(l->removed)) {
		l->removed[l->nremoved] = num;
		l->removed_line[l->nremoved] = line;
		l->removed_by[l->nremoved++] = f;
	}
	return 0;
}

/* "22, 80-443" (pset_format) as a YAMAHA port field "22,80-443"; NULL
 * when it has more items than a filter holds. */
static const char *rfx_ports(struct arena *a, const char *p)
{
	if (!p || !*p || strcmp(p, "*") == 0)
		return "*";
	char *o = arena_alloc(a, strlen(p) + 1);
	size_t n = 0, items = 1;
	if (!o)
		return NULL;
	for (const char *c = p; *c; c++) {
		if (*c == ' ')
			continue;
		if (*c == ',')
			items++;
		if (!isdigit((unsigned char)*c) && *c != ',' && *c != '-')
			return NULL;   /* "…" of a cut list, or words */
		o[n++] = *c;
	}
	o[n] = '\0';
	return items <= RFX_MAX_PORT_ITEMS ? o : NULL;
}

/* EL104 / EL105 on the router or on inside hosts: a reject just before
 * the first filter that lets it in. */
/* The finding's host: a forward's inside host, else its destination. */
static const char *rfx_host(const struct finding *f)
{
	const char *h = fix_arg(f, "host");
	return h ? h : fix_arg(f, "dst");
}

static int rfx_reject(struct rfx *x, struct fix_block *b, const struct wan_if *w, bool v6)
{
	const struct finding *f = b->f;
	struct rfx_list *l = rfx_list_for(x, b, w, v6);
	if (!l)
		return 0;
	if (l->done_by) {
		b->by = l->done_by;
		return 0;
	}
	const char *rule0 = fix_arg(f, "rule_name");
	long rn0 = rule0 && rfx_is_num(rule0) ? strtol(rule0, NULL, 10) : -1;
	for (size_t i = 0; i < l->nremoved; i++)
		if (l->removed[i] == rn0) {
			b->by = l->removed_by[i];
			return 0;
		}
	const char *proto = fix_arg(f, "proto"), *ports = fix_arg(f, "ports");
	const char *dst = fix_arg(f, "dst"), *rule = fix_arg(f, "rule_name");
	struct arena *a = &x->in->arena;
	const char *yp = rfx_ports(a, ports);
	if (!proto || (strcmp(proto, "tcp") != 0 && strcmp(proto, "udp") != 0)) {
		fix_none(b, "what is reachable is not one TCP or UDP service; narrow the filter that passes it by hand",
			 "到達できるのは 1 つの TCP・UDP のサービスではありません。それを通すフィルタを手で絞ってください");
		return 0;
	}
	if (!yp) {
		fix_none(b, "the ports do not fit one YAMAHA filter (at most 10 items); narrow the filter that passes them by hand",
			 "ポートが YAMAHA のフィルタ 1 つに収まりません（10 項目まで）。それを通すフィルタを手で絞ってください");
		return 0;
	}
	if (!dst || strchr(dst, ' ') || strchr(dst, ','))
		dst = "*";
	long num = rfx_number(x);
	if (num < 0) {
		fix_none(b, "no free filter number is left outside the ranges of YAMAHA's templates",
			 "YAMAHA のテンプレートが使う範囲の外に、空いているフィルタ番号が残っていません");
		return 0;
	}
	if (l->n >= RFX_MAX_TOK) {
		fix_none(b, "the inbound list is full", "受信リストがいっぱいです");
		return 0;
	}
	/* Before the filter that passes it (the first one the analysis
	 * names): every filter ahead of that one, VPN ones included, stays
	 * ahead, and what it passes besides this service is untouched. */
	size_t at = l->n;
	long rn = rule && rfx_is_num(rule) ? strtol(rule, NULL, 10) : -1;
	for (size_t i = 0; i < l->n; i++)
		if (l->nums[i] == rn) {
			at = i;
			break;
		}
	/* The partners the policy names keep it: a pass for them goes
	 * first, where the filter that let everyone in was. */
	const struct policy_inbound *pt = v6 ? NULL : fix_partner(x->ctx, proto, ports, rfx_host(f));
	if (pt) {
		struct strbuf sb;
		sb_init(&sb, 4096);
		for (size_t k = 0; k < pt->nsources; k++)
			sb_printf(&sb, "%s%s", k ? "," : "", pt->sources[k]);
		const char *def = arena_printf(a, "pass %s %s %s * %s", sb_str(&sb), pt->to, proto, yp);
		sb_free(&sb);
		int prc = rfx_add_defs(x, b, l, &def, 1, at);
		if (prc)
			return prc > 0 ? 0 : prc;
		at++;
		fix_note_narrowed(b);
	}
	/* A filter that passes this service and nothing else is taken out
	 * instead: a reject ahead of it would leave a filter that can never
	 * match (EL108). */
	const struct flist *fl = v6 ? &w->in6 : &w->in4;
	for (size_t i = 0; at < l->n && i < fl->n; i++) {
		const struct frule *r = &fl->rules[i];
		if (!r->name || !rfx_is_num(r->name) || strtol(r->name, NULL, 10) != rn)
			continue;
		uint32_t pn = strcmp(proto, "tcp") == 0 ? PROTO_TCP : PROTO_UDP;
		const char *rp = r->dport.n ? pset_format(a, &r->dport, 60) : NULL;
		/* The reject's destination covers the filter's: "*", or the one
		 * host the filter names. */
		struct u128 dh;
		struct aset ds;
		bool same_dst = strcmp(dst, "*") == 0 || aset_is_all(&r->dst) ||
				(!v6 && addr_parse(FAM_V4, dst, strlen(dst), &dh) == 0 &&
				 aset_range(a, FAM_V4, dh, dh, &ds) == 0 && aset_eq(&ds, &r->dst));
		if (r->action == FA_PASS && r->proto.n == 1 && r->proto.iv[0].lo == pn &&
		    r->proto.iv[0].hi == pn && rp && ports && strcmp(rp, ports) == 0 && same_dst) {
			rfx_remove(l, rn, r->line, f);
			/* Later filters that pass part of the same service were
			 * redundant behind it (EL115) and would let it in once it
			 * is gone: they go too. */
			for (size_t k = i + 1; k < fl->n; k++) {
				const struct frule *q = &fl->rules[k];
				struct pset rest;
				if (q->action != FA_PASS || q->new_conn_never || q->proto.n != 1 ||
				    q->proto.iv[0].lo != pn || q->proto.iv[0].hi != pn || !q->name ||
				    !rfx_is_num(q->name) || pset_minus(a, &q->dport, &r->dport, &rest) ||
				    !pset_is_empty(&rest) || pset_is_empty(&q->dport))
					continue;
				rfx_remove(l, strtol(q->name, NULL, 10), q->line, f);
			}
			return rfx_emit_list(x, b, l);
		}
		break;
	}
	memmove(&l->nums[at + 1], &l->nums[at], (l->n - at) * sizeof(l->nums[0]));
	l->nums[at] = num;
	l->n++;
	const char *c = arena_printf(a, "%s filter %ld reject * %s %s * %s", v6 ? "ipv6" : "ip", num,
				     dst, proto, yp);
	int rc = c ? rfx_emit_filter(x, b, v6, c) : input_nomem(x->in, 0);
	return rc ? rc : rfx_emit_list(x, b, l);
}

/* Parses an IPv4 address text. */
static bool rfx_addr4(const char *s, struct u128 *out)
{
	return s && addr_parse(FAM_V4, s, strlen(s), out) == 0;
}

/* EL105 / EL104 on a forward: the static NAT entry removed. */
static int rfx_unforward(struct rfx *x, struct fix_block *b, const struct wan_if *w)
{
	const struct finding *f = b->f;
	const char *host = fix_arg(f, "host"), *proto = fix_arg(f, "proto");
	const char *ports = fix_arg(f, "ports");
	struct u128 h;
	uint32_t pr = proto && strcmp(proto, "tcp") == 0 ? PROTO_TCP
		      : proto && strcmp(proto, "udp") == 0 ? PROTO_UDP : 0;
	uint32_t port = ports && isdigit((unsigned char)ports[0]) ? (uint32_t)strtoul(ports, NULL, 10) : 0;
	const struct nat_forward *fw = NULL;
	if (rfx_addr4(host, &h))
		for (size_t i = 0; i < w->nfwds && !fw; i++) {
			const struct nat_forward *c = &w->fwds[i];
			if (c->fam != FAM_V4 || c->inner.lo != h.lo || c->inner.hi != h.hi || c->dmz ||
			    c->hosts.n)
				continue;
			if (pr && !pset_contains(&c->proto, pr))
				continue;
			if (port && c->ports.n && !pset_contains(&c->ports, port))
				continue;
			fw = c;
		}
	if (!fw || !fw->line) {
		fix_none(b, "the forward could not be matched to one static NAT entry of the file; remove it by hand",
			 "転送をファイルの static NAT の 1 項目に対応づけられませんでした。手で削除してください");
		return 0;
	}
	for (size_t i = 0; i < x->ngone; i++)
		if (x->gone[i].fw == fw) {
			b->by = x->gone[i].by;
			return 0;
		}
	char *t[32];
	size_t nt;
	const char *cmd = fix_no_line(x->in, &x->txt, fw->line, t, 32, &nt);
	if (!cmd || nt < 5 || strcmp(t[0], "nat") != 0 || strcmp(t[1], "descriptor") != 0) {
		fix_none(b, "the static NAT entry is not written on one line of its own; remove it by hand",
			 "static NAT の項目が 1 行に書かれていません。手で削除してください");
		return 0;
	}
	int rc = fix_cmd(x->in, b, cmd);
	if (rc == 0)
		rc = fix_edit(x->in, b, FIX_DELETE, fw->line, NULL);
	struct rfx_gone *ng = input_grow(x->in, x->gone, &x->capgone, x->ngone, sizeof(*x->gone));
	if (!ng)
		return EL_ENOMEM;
	x->gone = ng;
	x->gone[x->ngone++] = (struct rfx_gone){fw, f};
	b->note = "Removes the forward: reach the service over the VPN. If partners must reach it from "
		  "the internet, that is a choice to make: name them in the policy's allowed_inbound and "
		  "narrow the filter instead.";
	b->note_ja = "転送を削除します。サービスには VPN 経由で接続してください。取引先がインターネットから"
		     "接続する必要があるなら、それは判断が必要です。ポリシーの allowed_inbound に相手を記載し、"
		     "代わりにフィルタを絞ってください。";
	return rc;
}

/* EL102: the pass-all filter taken out of the list, so that its implicit
 * reject applies. */
static int rfx_no_pass_all(struct rfx *x, struct fix_block *b, const struct wan_if *w, bool v6)
{
	struct rfx_list *l = rfx_list_for(x, b, w, v6);
	if (!l)
		return 0;
	const struct flist *fl = v6 ? &w->in6 : &w->in4;
	/* The filters that pass every protocol to every destination and
	 * port from every source; the first is what makes the list pass all. */
	long rm = -1;
	size_t rm_at = 0;   /* its first rule: the rules before it stay ahead */
	for (size_t i = 0; i < fl->n && rm < 0; i++) {
		const struct frule *r = &fl->rules[i];
		bool all = r->action == FA_PASS && !r->new_conn_never && r->proto.n == 1 &&
			   r->proto.iv[0].lo == 0 && r->proto.iv[0].hi == 255 && aset_is_all(&r->dst) &&
			   aset_is_all(&r->src) && r->dport.n == 1 && r->dport.iv[0].lo == 0 &&
			   r->dport.iv[0].hi == 65535 && r->name && rfx_is_num(r->name);
		if (all) {
			rm = strtol(r->name, NULL, 10);
			rm_at = i;
		}
	}
	size_t o = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->nums[i] != rm)
			o++;
	unsigned rm_line = 0;
	for (size_t i = 0; i < fl->n; i++)
		if (fl->rules[i].name && rfx_is_num(fl->rules[i].name) &&
		    strtol(fl->rules[i].name, NULL, 10) == rm)
			rm_line = fl->rules[i].line;
	if (rm < 0 || o == l->n || o == 0) {
		fix_none(b, "no single pass-all filter to remove (the list passes everything through several "
			    "filters); rewrite it by hand",
			 "外せば済む「すべて許可」のフィルタが 1 つではありません（複数のフィルタで全体を通しています）。"
			 "手で書き直してください");
		return 0;
	}
	size_t at = 0;
	while (at < l->n && l->nums[at] != rm)
		at++;
	/* The VPN the router terminates and the policy's allowed_inbound
	 * were let in by the filter removed: they get filters of their own
	 * in its place (the filters ahead of it stay ahead), so the fix
	 * does not cut them (issue 17 §2: the proof asks `query`). */
	const char *defs[RFX_MAX_KEEP];
	size_t nd = 0;
	if (!rfx_keep_defs(x, b, w, v6, fl->rules, rm_at, defs, &nd))
		return 0;
	rfx_remove(l, rm, rm_line, b->f);
	int rc = rfx_add_defs(x, b, l, defs, nd, at);
	if (rc)
		return rc > 0 ? 0 : rc;
	b->note = "The VPN the router terminates and the policy's allowed_inbound get filters of their "
		  "own in place of the removed one; anything else it let in that is still needed must be "
		  "passed by a filter of its own, placed before the list ends.";
	b->note_ja = "ルータが終端する VPN とポリシーの allowed_inbound には、外したフィルタの位置に専用の"
		     "フィルタを置きます。それ以外に外したフィルタが通していたもので今も必要なものは、専用の"
		     "フィルタを作ってリストの終わりより前に置いてください。";
	return rfx_emit_list(x, b, l);
}

int rtx_fix_build(struct input *in, const struct run_ctx *ctx, struct fix_set *out)
{
	struct rfx x = {.in = in, .ctx = ctx, .out = out,
			.vn = registry_numbers(ctx->reg, "yamaha")};
	int rc = rfx_scan(&x);
	if (rc)
		return rc;
	/* One block per open finding of 3-2 this builder knows, in finding
	 * order; EL101/EL103 first (a new list that later findings of the
	 * interface point to, whatever their lines). */
	static const char *const ids[] = {"EL101", "EL103", "EL102", "EL104", "EL105", NULL};
	struct fix_block **bl = fix_blocks_open(in, out, ids);
	if (!bl)
		return EL_ENOMEM;
	for (int pass = 0; rc == 0 && pass < 2; pass++)
		for (size_t i = 0; rc == 0 && i < in->nfindings; i++) {
			struct fix_block *b = bl[i];
			if (!b)
				continue;
			const char *id = b->f->rule->id;
			bool first = strcmp(id, "EL101") == 0 || strcmp(id, "EL103") == 0;
			if (first != (pass == 0))
				continue;
			bool v6 = false;
			const struct wan_if *w = fix_block_wan(in, b, &v6);
			if (!w)
				continue;
			const char *variant = b->f->variant;
			if (first)
				rc = rfx_new_list(&x, b, w, v6);
			else if (strcmp(id, "EL102") == 0)
				rc = rfx_no_pass_all(&x, b, w, v6);
			else if (strncmp(variant, "forward", 7) == 0 &&
				 !(w->in4.present && !v6 &&
				   fix_partner(ctx, fix_arg(b->f, "proto"), fix_arg(b->f, "ports"),
					       rfx_host(b->f))))
				rc = rfx_unforward(&x, b, w);
			else if (!(v6 ? w->in6.present : w->in4.present)) {
				struct rfx_list *l = NULL;
				for (l = x.lists; l && !(l->w == w && l->v6 == v6); l = l->next)
					;
				if (l && l->done_by)
					b->by = l->done_by;
				else
					fix_none(b, "the interface has no inbound list to add a reject to",
						 "拒否を加える受信リストがインターフェースにありません");
			} else
				rc = rfx_reject(&x, b, w, v6);
		}
	/* A finding about a filter a block took out of its list (redundant,
	 * never matches) is settled by that block. */
	for (size_t i = 0; rc == 0 && i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		if (strcmp(f->rule->id, "EL108") != 0 && strcmp(f->rule->id, "EL115") != 0)
			continue;
		const struct finding *by = NULL;
		for (const struct rfx_list *l = x.lists; l && !by; l = l->next)
			for (size_t k = 0; k < l->nremoved && !by; k++)
				if (l->removed_line[k] == f->line)
					by = l->removed_by[k];
		if (!by)
			continue;
		struct fix_block *nb = fix_block_new(in, out, f);
		if (!nb)
			return EL_ENOMEM;
		nb->by = by;
	}
	return rc;
}
