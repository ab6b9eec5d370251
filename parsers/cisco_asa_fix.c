/*
 * cisco_asa_fix.c — fixes for Cisco ASA configs (issue 17 §1), the builder
 * behind the kind's fix callback (src/fix.h): commands in the ASA's
 * syntax, built from the ACL actually bound, never from a template name.
 *
 * Syntax and behaviour, from the Cisco ASA Series Command Reference
 * (A-H: "access-list extended", "access-group", "http"; S: "ssh"; T:
 * "telnet"; https://www.cisco.com/c/en/us/td/docs/security/asa/
 * asa-cli-reference/A-H/asa-command-ref-A-H.html; details and the
 * semantics in ../shared/research/asa.md §B-§D):
 *  - `access-list NAME line N extended deny PROTO SRC DST eq PORT` inserts
 *    the entry at line N of the list (its remarks are lines too); one port
 *    per `eq`, `range LO HI` for a range; the first match decides;
 *  - `no access-list NAME extended …` with the entry's words removes it;
 *  - `no http|ssh|telnet ADDR MASK IFNAME` removes that management line
 *    (to-the-box traffic is governed by these lines, not by the ACLs);
 *  - since 8.3 an ACL names the real (inside) address of a static NAT, so
 *    a deny names the host the finding names; a pre-8.3 config, whose ACLs
 *    name mapped addresses, gets the reason instead.
 * The list is the one bound by `access-group NAME in interface IF` or
 * `access-group NAME global`, as the analysis names it (the finding's rule
 * "NAME line L").
 *
 * What is fixed: EL104 on the firewall itself (the management line
 * removed), EL104/EL105 through an ACL (the entry removed when it permits
 * that service and nothing else, else a deny per port inserted just
 * before it), EL102 (the permit-everything entry removed). Anything else
 * gets the reason.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/fix.h"
#include "cisco_asa_fix.h"
#include "parsers.h"

#define AFX_MAX_TOK 64
#define AFX_MAX_PORTS 32         /* deny entries one block may insert */

/* A change to one ACL's line numbering: an entry inserted before orig
 * (delta +1) or the entry at orig removed (delta -1). */
struct afx_shift {
	const char *acl;
	unsigned orig;            /* position in the list as the file has it */
	int delta;
};

struct afx {
	struct input *in;
	const struct run_ctx *ctx;
	struct fix_text txt;
	struct afx_shift *sh;
	size_t nsh, capsh;
	/* File lines removed, and the finding whose block removed them. */
	struct afx_gone {
		unsigned line;
		const struct finding *by;
	} *gone;
	size_t ngone, capgone;
};

static int afx_shift(struct afx *x, const char *acl, unsigned orig, int delta)
{
	struct afx_shift *g = input_grow(x->in, x->sh, &x->capsh, x->nsh, sizeof(*x->sh));
	if (!g)
		return EL_ENOMEM;
	x->sh = g;
	x->sh[x->nsh++] = (struct afx_shift){acl, orig, delta};
	return 0;
}

/* Where the entry at orig is now, after the earlier blocks' changes. */
static unsigned afx_now(const struct afx *x, const char *acl, unsigned orig)
{
	long n = orig;
	for (size_t i = 0; i < x->nsh; i++)
		if (strcmp(x->sh[i].acl, acl) == 0 &&
		    (x->sh[i].delta > 0 ? x->sh[i].orig <= orig : x->sh[i].orig < orig))
			n += x->sh[i].delta;
	return n > 0 ? (unsigned)n : 1;
}

static int afx_gone(struct afx *x, unsigned line, const struct finding *f)
{
	struct afx_gone *g = input_grow(x->in, x->gone, &x->capgone, x->ngone, sizeof(*x->gone));
	if (!g)
		return EL_ENOMEM;
	x->gone = g;
	x->gone[x->ngone++] = (struct afx_gone){line, f};
	return 0;
}

static const struct finding *afx_gone_by(const struct afx *x, unsigned line)
{
	for (size_t i = 0; i < x->ngone; i++)
		if (x->gone[i].line == line)
			return x->gone[i].by;
	return NULL;
}

/* Removes the entry or line at k with `no`; its block is f's. */
static int afx_remove_line(struct afx *x, struct fix_block *b, unsigned k, const char *acl,
			   unsigned pos)
{
	char *t[AFX_MAX_TOK];
	size_t nt;
	const char *cmd = fix_no_line(x->in, &x->txt, k, t, AFX_MAX_TOK, &nt);
	if (!cmd) {
		fix_none(b, "the line to remove could not be read back from the file",
			 "削除する行をファイルから読み直せませんでした");
		return 0;
	}
	int rc = fix_cmd(x->in, b, cmd);
	if (rc == 0)
		rc = fix_edit(x->in, b, FIX_DELETE, k, NULL);
	if (rc == 0)
		rc = afx_gone(x, k, b->f);
	if (rc == 0 && acl)
		rc = afx_shift(x, acl, pos, -1);
	return rc;
}

/* "NAME line L" (the analysis's name of an ACE): the ACL's name and L. */
static bool afx_rule(struct arena *a, const char *rule, const char **acl, unsigned *line)
{
	const char *sp = rule ? strstr(rule, " line ") : NULL;
	if (!sp || !isdigit((unsigned char)sp[6]))
		return false;
	*acl = arena_strndup(a, rule, (size_t)(sp - rule));
	*line = (unsigned)strtoul(sp + 6, NULL, 10);
	return *acl && *line;
}

/* The position of file line k in the ACL (its remarks count), 0 when k
 * is not a line of that list. */
static unsigned afx_position(struct afx *x, const char *acl, unsigned k)
{
	struct arena scratch = {0};
	char *t[3];
	unsigned pos = 0, at = 0;
	for (unsigned ln = 1; ln <= k && ln <= x->txt.n; ln++) {
		arena_reset(&scratch);
		long nt = fix_text_split(x->in, &x->txt, &scratch, ln, t, 3);
		if (nt < 0)
			break;
		if (nt >= 2 && strcmp(t[0], "access-list") == 0 && strcmp(t[1], acl) == 0) {
			pos++;
			if (ln == k)
				at = pos;
		}
	}
	arena_free(&scratch);
	return at;
}

/* Entries (not remarks) the ACL has now: the file's, with the earlier
 * blocks' insertions and removals. */
static long afx_entries(struct afx *x, const char *acl)
{
	struct arena scratch = {0};
	char *t[3];
	long n = 0;
	for (unsigned ln = 1; ln <= x->txt.n; ln++) {
		arena_reset(&scratch);
		long nt = fix_text_split(x->in, &x->txt, &scratch, ln, t, 3);
		if (nt < 0)
			break;
		if (nt == 3 && strcmp(t[0], "access-list") == 0 &&
		    strcmp(t[1], acl) == 0 && strcmp(t[2], "remark") != 0)
			n++;
	}
	arena_free(&scratch);
	for (size_t i = 0; i < x->nsh; i++)
		if (strcmp(x->sh[i].acl, acl) == 0)
			n += x->sh[i].delta;
	return n;
}

/* Removes the entry at file line k (position pos of acl). The ASA drops a
 * list whose last entry goes, and its access-group with it, which would
 * leave the interface unfiltered: when k holds the last entry, an
 * explicit `deny ip any any` (what the implicit deny does) is added to
 * the end of the list first. */
static int afx_remove_entry(struct afx *x, struct fix_block *b, unsigned k, const char *acl,
			    unsigned pos)
{
	int rc = 0;
	if (afx_entries(x, acl) <= 1) {
		const char *cmd = arena_printf(&x->in->arena, "access-list %s extended deny ip any any", acl);
		if (!cmd)
			return input_nomem(x->in, k);
		rc = fix_cmd(x->in, b, cmd);
		if (rc == 0)
			rc = fix_edit(x->in, b, FIX_INSERT_AFTER, k, cmd);
		if (rc == 0)
			rc = afx_shift(x, acl, pos + 1, 1);
	}
	return rc ? rc : afx_remove_line(x, b, k, acl, pos);
}

/* EL104 on the firewall: the management line that opens it. */
static int afx_box(struct afx *x, struct fix_block *b, const struct wan_if *w)
{
	const struct finding *f = b->f;
	const struct finding *by = afx_gone_by(x, f->line);
	if (by) {
		b->by = by;
		return 0;
	}
	char *t[AFX_MAX_TOK];
	size_t nt;
	const char *cmd = fix_no_line(x->in, &x->txt, f->line, t, AFX_MAX_TOK, &nt);
	if (!cmd || nt != 4 ||
	    (strcmp(t[0], "http") != 0 && strcmp(t[0], "ssh") != 0 && strcmp(t[0], "telnet") != 0) ||
	    strcmp(t[3], w->name) != 0) {
		fix_none(b, "the management access is not given by one `http`, `ssh` or `telnet` line for "
			    "the interface; change it by hand",
			 "管理用のアクセスが、そのインターフェースの `http`・`ssh`・`telnet` の 1 行で許可されて"
			 "いません。手で変更してください");
		return 0;
	}
	int rc = afx_remove_line(x, b, f->line, NULL, 0);
	b->note = "Manage the firewall from the inside, or over the VPN (the lines for the inside "
		  "interface stay).";
	b->note_ja = "ファイアウォールの管理は内部か VPN 経由で行ってください（内部インターフェースの行は"
		     "残ります）。";
	return rc;
}

/* The frules of the list that come from file line k. */
static bool afx_only_service(const struct flist *l, unsigned k, uint32_t proto, const char *ports,
			     struct arena *a)
{
	struct pset all = {0};
	bool any = false;
	for (size_t i = 0; i < l->n; i++) {
		const struct frule *r = &l->rules[i];
		if (r->line != k)
			continue;
		if (r->action != FA_PASS || r->proto.n != 1 || r->proto.iv[0].lo != proto ||
		    r->proto.iv[0].hi != proto)
			return false;
		struct pset u;
		if (pset_union(a, &all, &r->dport, &u))
			return false;
		all = u;
		any = true;
	}
	const char *txt = any ? pset_format(a, &all, 200) : NULL;
	return txt && ports && strcmp(txt, ports) == 0;
}

/* "203.0.113.0 255.255.255.0" or "host 198.51.100.7" for a policy
 * source (IPv4 CIDR or address), or NULL. */
static const char *afx_src(struct arena *a, const char *cidr)
{
	const char *sl = strchr(cidr, '/');
	size_t n = sl ? (size_t)(sl - cidr) : strlen(cidr);
	struct u128 v;
	if (addr_parse(FAM_V4, cidr, n, &v))
		return NULL;
	if (!sl)
		return arena_printf(a, "host %.*s", (int)n, cidr);
	char *end;
	long bits = strtol(sl + 1, &end, 10);
	if (*end || bits < 0 || bits > 32 || end == sl + 1)
		return NULL;
	uint32_t m = bits ? 0xffffffffu << (32 - bits) : 0;
	return arena_printf(a, "%.*s %u.%u.%u.%u", (int)n, cidr, m >> 24, (m >> 16) & 255,
			    (m >> 8) & 255, m & 255);
}

/* EL104/EL105 through an ACL: the entry removed, or a deny per port before it. */
static int afx_acl(struct afx *x, struct fix_block *b, const struct wan_if *w)
{
	const struct finding *f = b->f;
	struct arena *a = &x->in->arena;
	const char *acl;
	unsigned k;
	if (!afx_rule(a, fix_arg(f, "rule_name"), &acl, &k)) {
		fix_none(b, "no access-list entry lets it in (the security levels or the default do); "
			    "bind an inbound ACL by hand",
			 "通しているのは access-list のエントリではありません（セキュリティレベルか既定の動作）。"
			 "受信 ACL を手で適用してください");
		return 0;
	}
	const struct finding *by = afx_gone_by(x, k);
	if (by) {
		b->by = by;
		return 0;
	}
	for (size_t i = 0; i < w->nfwds; i++)
		if (w->fwds[i].acl4) {
			fix_none(b, "the ACLs of this config name mapped (outside) addresses, as before ASA "
				    "8.3; change the entry by hand",
				 "この設定の ACL は（ASA 8.3 より前のように）変換後の外側アドレスを指定しています。"
				 "エントリを手で変更してください");
			return 0;
		}
	unsigned pos = afx_position(x, acl, k);
	const char *proto = fix_arg(f, "proto"), *ports = fix_arg(f, "ports");
	const char *dst = fix_arg(f, "dst");
	if (!pos || !proto || (strcmp(proto, "tcp") != 0 && strcmp(proto, "udp") != 0)) {
		fix_none(b, "what is reachable is not one TCP or UDP service of one access-list entry; "
			    "narrow the entry by hand",
			 "到達できるのは 1 つの access-list エントリによる TCP・UDP のサービスではありません。"
			 "エントリを手で絞ってください");
		return 0;
	}
	const struct flist *l = &w->in4;
	uint32_t pn = strcmp(proto, "tcp") == 0 ? PROTO_TCP : PROTO_UDP;
	b->note = "If partners must still reach it from the internet, that is a choice: name them in "
		  "the policy's allowed_inbound and permit an object-group of them ahead of this.";
	b->note_ja = "取引先がインターネットから引き続き接続する必要があるなら、それは判断が必要です。"
		     "ポリシーの allowed_inbound に相手を記載し、その object-group を許可するエントリを"
		     "これより前に置いてください。";
	/* The partners the policy names keep it: a permit from each, just
	 * before the entry (first match), then the entry goes or is denied. */
	const struct policy_inbound *pt = fix_partner(x->ctx, proto, ports, dst);
	for (size_t i = 0; pt && i < pt->nsources; i++) {
		const char *src = afx_src(a, pt->sources[i]);
		if (!src) {
			fix_none(b, "a source the policy names for it is not an IPv4 address or range; "
				    "narrow the entry by hand",
				 "ポリシーが記載する送信元が IPv4 のアドレスや範囲ではありません。エントリを手で"
				 "絞ってください");
			return 0;
		}
		unsigned at = afx_now(x, acl, pos);
		const char *cmd = arena_printf(a, "access-list %s line %u extended permit %s %s host %s eq %s",
					       acl, at, proto, src, dst, ports);
		const char *text = arena_printf(a, "access-list %s extended permit %s %s host %s eq %s", acl,
						proto, src, dst, ports);
		if (!cmd || !text)
			return input_nomem(x->in, k);
		int rc = fix_cmd(x->in, b, cmd);
		if (rc == 0)
			rc = fix_edit(x->in, b, FIX_INSERT_AFTER, k - 1, text);
		if (rc == 0)
			rc = afx_shift(x, acl, pos, 1);
		if (rc)
			return rc;
	}
	if (pt)
		fix_note_narrowed(b);
	if (afx_only_service(l, k, pn, ports, a))
		return afx_remove_entry(x, b, k, acl, pos);
	struct u128 h;
	if (!dst || addr_parse(FAM_V4, dst, strlen(dst), &h)) {
		fix_none(b, "the destination is not one address; narrow the entry by hand",
			 "宛先が 1 つのアドレスではありません。エントリを手で絞ってください");
		return 0;
	}
	/* One deny per port item: "eq P" or "range LO HI". */
	char *items[AFX_MAX_PORTS];
	size_t ni = ports ? fix_split(a, ports, items, AFX_MAX_PORTS) : 0;
	if (!ni || ni == AFX_MAX_PORTS) {
		fix_none(b, "too many ports for deny entries of their own; narrow the entry by hand",
			 "ポートが多すぎて個別の deny エントリにできません。エントリを手で絞ってください");
		return 0;
	}
	unsigned at = afx_now(x, acl, pos);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < ni; i++) {
		char *it = items[i];
		size_t n = strlen(it);
		if (n && it[n - 1] == ',')
			it[--n] = '\0';
		char *dash = strchr(it, '-');
		const char *spec;
		if (!n || strspn(it, "0123456789-") != n) {
			fix_none(b, "the ports could not be written as ASA port operators; narrow the entry by hand",
				 "ポートを ASA のポート指定に書けません。エントリを手で絞ってください");
			return 0;
		}
		if (dash) {
			*dash = '\0';
			spec = arena_printf(a, "range %s %s", it, dash + 1);
		} else {
			spec = arena_printf(a, "eq %s", it);
		}
		const char *cmd = arena_printf(a, "access-list %s line %u extended deny %s any host %s %s",
					       acl, at + (unsigned)i, proto, dst, spec);
		const char *text = arena_printf(a, "access-list %s extended deny %s any host %s %s", acl,
						proto, dst, spec);
		if (!spec || !cmd || !text)
			return input_nomem(x->in, k);
		rc = fix_cmd(x->in, b, cmd);
		if (rc == 0)
			rc = fix_edit(x->in, b, FIX_INSERT_AFTER, k - 1, text);
		if (rc == 0)
			rc = afx_shift(x, acl, pos, 1);
	}
	return rc;
}

/* EL102: the entry that permits everything removed. */
static int afx_pass_all(struct afx *x, struct fix_block *b, const struct wan_if *w, bool v6)
{
	const struct flist *l = v6 ? &w->in6 : &w->in4;
	struct arena *a = &x->in->arena;
	for (size_t i = 0; i < l->n; i++) {
		const struct frule *r = &l->rules[i];
		bool all = r->action == FA_PASS && !r->new_conn_never && r->proto.n == 1 &&
			   r->proto.iv[0].lo == 0 && r->proto.iv[0].hi == 255 && aset_is_all(&r->src) &&
			   aset_is_all(&r->dst) && r->dport.n == 1 && r->dport.iv[0].lo == 0 &&
			   r->dport.iv[0].hi == 65535;
		const char *acl;
		unsigned k;
		if (!all || !afx_rule(a, r->name, &acl, &k))
			continue;
		unsigned pos = afx_position(x, acl, k);
		if (!pos)
			break;
		b->note = "What the removed entry let in that is still needed must be permitted by an "
			  "entry of its own, from the sources that need it.";
		b->note_ja = "削除したエントリが通していたもののうち今も必要なものは、必要な送信元からだけ"
			     "許可するエントリを別に作ってください。";
		return afx_remove_entry(x, b, k, acl, pos);
	}
	fix_none(b, "no single access-list entry permits everything; rewrite the list by hand",
		 "すべてを許可する access-list のエントリが 1 つではありません。リストを手で書き直してください");
	return 0;
}

int asa_fix_build(struct input *in, const struct run_ctx *ctx, struct fix_set *out)
{
	struct afx x = {.in = in, .ctx = ctx};
	if (fix_text_init(in, &x.txt))
		return EL_ENOMEM;
	/* EL102 first (its removal fixes the reaches through that entry),
	 * the blocks in finding order. */
	static const char *const ids[] = {"EL102", "EL104", "EL105", NULL};
	struct fix_block **bl = fix_blocks_open(in, out, ids);
	if (!bl)
		return EL_ENOMEM;
	int rc = 0;
	for (int pass = 0; rc == 0 && pass < 2; pass++)
		for (size_t i = 0; rc == 0 && i < in->nfindings; i++) {
			struct fix_block *b = bl[i];
			if (!b || (strcmp(b->f->rule->id, "EL102") == 0) != (pass == 0))
				continue;
			bool v6 = false;
			const struct wan_if *w = fix_block_wan(in, b, &v6);
			if (!w)
				continue;
			if (pass == 0)
				rc = afx_pass_all(&x, b, w, v6);
			else if (strncmp(b->f->variant, "box", 3) == 0)
				rc = afx_box(&x, b, w);
			else if (v6)
				fix_none(b, "IPv6 entries are not built yet; change the entry by hand",
					 "IPv6 のエントリはまだ作れません。エントリを手で変更してください");
			else
				rc = afx_acl(&x, b, w);
		}
	return rc;
}
