/*
 * cli_query.c — `edgelint query FILE --to ADDR[:PROTO[/PORT]] [--from
 * ADDR] [--in IFACE]` (issue 17 §4): the answer of query.c for one flow,
 * as text (ja/en) or JSON (schema edgelint-query/1,
 * tests/schema/edgelint-query-1.schema.json). Exit 0 whatever the answer,
 * 2 on bad input (an address, an interface the file does not have, a
 * file that is not an office router's config).
 *
 * Lines are quoted from the file with every secret of the input masked
 * (cli_line_text): a list line or a NAT line holds none, but a quoted
 * line never prints one whatever it holds.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "query.h"
#include "report/report.h"

static const char *const role_en[] = {
	[QR_INTERFACE] = "interface", [QR_NAT] = "NAT", [QR_SERVICE] = "service",
	[QR_LIST] = "list applied", [QR_RULE] = "rule", [QR_DEFAULT] = "default",
	[QR_NO_LIST] = "no inbound list"};
static const char *const role_names[] = {
	[QR_INTERFACE] = "interface", [QR_NAT] = "nat", [QR_SERVICE] = "service",
	[QR_LIST] = "list", [QR_RULE] = "rule", [QR_DEFAULT] = "default",
	[QR_NO_LIST] = "no-list"};
static const char *const role_ja[] = {
	[QR_INTERFACE] = "インターフェース", [QR_NAT] = "NAT", [QR_SERVICE] = "サービス",
	[QR_LIST] = "フィルタの適用", [QR_RULE] = "フィルタ", [QR_DEFAULT] = "既定の動作",
	[QR_NO_LIST] = "受信フィルタなし"};
static const char *const state_names[] = {[QS_ACCEPTED] = "accepted", [QS_DENIED] = "denied",
					  [QS_UNKNOWN] = "unknown"};
static const char *const target_names[] = {[QT_BOX] = "box", [QT_FORWARD] = "forward",
					   [QT_INSIDE] = "inside"};

struct qout {
	struct cli_env *e;
	struct input *in;
	struct arena *a;
	const struct query_req *rq;
	const struct query_result *res;
};

static const char *addr_text(struct arena *a, enum fam f, struct u128 v)
{
	struct aset s;
	if (aset_range(a, f, v, v, &s))
		return "?";
	const char *t = aset_format(a, &s, 64);
	return t ? t : "?";
}

/* "tcp/3389", "esp", or NULL for every protocol. */
static const char *flow_proto(const struct qout *o)
{
	char num[8];
	if (!o->rq->has_proto)
		return NULL;
	const char *p = cli_proto_name(o->rq->proto, num, sizeof(num));
	if (o->rq->has_port)
		return arena_printf(o->a, "%s/%u", p, o->rq->port);
	return arena_strdup(o->a, p);
}

/* The sources of a reach: "any source" when they are every source that
 * can arrive, "every public source" when they hold the whole internet
 * (only private and reserved ones are refused), else the set. */
static const char *sources_text(const struct qout *o, const struct aset *src, bool ja)
{
	if (!o->rq->has_from && aset_eq(src, &o->res->outside))
		return ja ? "すべての送信元" : "any source";
	struct aset rest;
	if (!o->rq->has_from && aset_minus(o->a, &o->res->internet, src, &rest) == 0 &&
	    aset_is_empty(&rest))
		return ja ? "すべての公開アドレス（一部のプライベート・予約済みの範囲だけを拒否）"
			  : "every public address (only some private or reserved ranges refused)";
	const char *t = aset_format(o->a, src, 300);
	return t ? t : "?";
}

/* What passes of a reach. */
static const char *reach_what(const struct qout *o, const struct freach *r, bool ja)
{
	return cli_proto_ports(o->a, &r->proto, &r->dport, ja);
}

/* The target of a path: "forward to 192.168.1.50", "service ssh of the
 * router". */
static const char *target_text(const struct qout *o, const struct query_path *p, bool ja)
{
	const char *dev = o->in->kind->firewall ? (ja ? "ファイアウォール" : "firewall")
						 : (ja ? "ルータ" : "router");
	const char *to = addr_text(o->a, o->rq->fam, o->rq->to);
	if (p->svc)
		return ja ? arena_printf(o->a, "%sのサービス %s", dev, p->svc->name)
			  : arena_printf(o->a, "the %s's service %s", dev, p->svc->name);
	if (p->fwd && p->target == QT_BOX)
		return ja ? arena_printf(o->a, "%s自身への転送（%s）", dev, to)
			  : arena_printf(o->a, "forward to the %s itself (%s)", dev, to);
	if (p->fwd)
		return ja ? arena_printf(o->a, "%s へのポート転送・静的 NAT", to)
			  : arena_printf(o->a, "port forward / static NAT to %s", to);
	return ja ? arena_printf(o->a, "内側のホスト %s（NAT なし）", to)
		  : arena_printf(o->a, "inside host %s (no NAT)", to);
}

static const char *unknown_text(const char *why, bool ja)
{
	if (strcmp(why, "missing") == 0)
		return ja ? "適用されているリストがファイルにありません" : "the list it applies is not in the file";
	if (strcmp(why, "too-complex") == 0)
		return ja ? "リストが複雑すぎて解析の上限を超えました" : "the list is past the analysis limit";
	return ja ? "リストに読めない行があります" : "a line of the list could not be read";
}

static int render_text(const struct qout *o, struct strbuf *sb)
{
	bool ja = o->e->lang == LANG_JA;
	const struct query_result *r = o->res;
	const char *path = input_display_path(o->in);
	const char *proto = flow_proto(o);
	const char *to = addr_text(o->a, o->rq->fam, o->rq->to);
	const char *from = o->rq->has_from ? addr_text(o->a, o->rq->fam, o->rq->from) : NULL;
	const char *answer = r->accepted ? (ja ? "受け付ける" : "accepted")
			     : r->unknown ? (ja ? "不明" : "not known")
					  : (ja ? "受け付けない" : "not accepted");
	struct strbuf clean;
	sb_init(&clean, 4096);
	sb_add_clean(&clean, path, strlen(path));
	if (ja)
		sb_printf(sb, "%s: %s への%s（送信元: %s）: %s\n", sb_str(&clean), to,
			  proto ? arena_printf(o->a, " %s", proto) : "すべての通信",
			  from ? from : "インターネット", answer);
	else
		sb_printf(sb, "%s: %s to %s from %s: %s\n", sb_str(&clean),
			  proto ? proto : "every protocol", to, from ? from : "the internet", answer);
	if (o->rq->iface)
		sb_printf(sb, ja ? "  （インターフェース %s のみ）\n" : "  (interface %s only)\n",
			  o->rq->iface);
	if (r->npaths == 0)
		sb_adds(sb, ja ? "  インターネット側のインターフェースから、この宛先に届く経路（ルータの"
				 "サービス、ポート転送・静的 NAT、NAT なしの内側ネットワーク）はありません。\n"
			       : "  No internet-facing interface leads there (no service of the router, "
				 "port forward, static NAT or routed inside network matches).\n");
	for (size_t i = 0; i < r->npaths; i++) {
		const struct query_path *p = &r->paths[i];
		const char *fam = p->fam == FAM_V4 ? "IPv4" : "IPv6";
		sb_printf(sb, ja ? "  %s（%s）、%s: " : "  %s (%s), %s: ", p->w->name, fam,
			  target_text(o, p, ja));
		if (p->state == QS_UNKNOWN) {
			sb_printf(sb, ja ? "不明（%s）\n" : "not known (%s)\n",
				  unknown_text(p->unknown_why, ja));
		} else if (p->state == QS_DENIED) {
			sb_adds(sb, ja ? "受け付けない\n" : "not accepted\n");
		} else {
			for (size_t k = 0; k < p->nreach; k++) {
				const struct freach *fr = &p->reach[k];
				const char *src = ja ? sources_text(o, &fr->src, true) : NULL;
				/* "203.0.113.0/24 から", but "すべての送信元から" */
				if (ja)
					sb_printf(sb, "%s%s%sから受け付ける（%s）", k ? "、" : "", src,
						  (unsigned char)src[0] >= 0x80 ? "" : " ",
						  reach_what(o, fr, true));
				else
					sb_printf(sb, "%saccepted from %s (%s)", k ? "; " : "",
						  sources_text(o, &fr->src, false), reach_what(o, fr, false));
			}
			sb_adds(sb, "\n");
		}
		for (size_t k = 0; k < p->nlines; k++) {
			const struct query_line *ql = &p->lines[k];
			unsigned local = ql->line;
			const char *file = cli_line_file(o->in, ql->line, &local);
			sb_reset(&clean);
			sb_add_clean(&clean, file, strlen(file));
			const char *role = ja ? role_ja[ql->role] : role_en[ql->role];
			if (ql->role == QR_RULE || ql->role == QR_DEFAULT)
				role = ql->action == FA_PASS ? (ja ? "通過" : "pass")
							      : (ja ? "破棄" : "deny");
			if (ql->role == QR_DEFAULT)
				role = ql->action == FA_PASS ? (ja ? "既定で通過" : "default pass")
							      : (ja ? "既定で破棄" : "default deny");
			if (ql->line)
				sb_printf(sb, "    %s:%u: %s: ", sb_str(&clean), local, role);
			else
				sb_printf(sb, "    %s: %s: ", sb_str(&clean), role);
			if (ql->role == QR_DEFAULT)
				sb_adds(sb, ja ? "（どのフィルタにも一致しない）" : "(no filter matches)");
			else if (ql->role == QR_SERVICE && !ql->line)
				sb_adds(sb, ja ? "（初期値）" : "(default)");
			else
				cli_line_text(o->in, ql->line, sb);
			sb_adds(sb, "\n");
		}
	}
	sb_free(&clean);
	return 0;
}

static json_t *jstr_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int render_json(const struct qout *o, struct strbuf *sb)
{
	const struct query_result *r = o->res;
	struct strbuf t;
	sb_init(&t, 1u << 16);
	char num[8];
	const char *path = input_display_path(o->in);
	sb_add_clean(&t, path, strlen(path));
	json_t *root = json_object();
	json_object_set_new(root, "schema", json_string("edgelint-query/1"));
	json_object_set_new(root, "tool", json_pack("{s:s, s:s}", "name", "edgelint", "version",
						    EDGELINT_VERSION));
	json_object_set_new(root, "input", json_pack("{s:s, s:s}", "path", sb_str(&t), "kind",
						     o->in->kind->name));
	json_t *flow = json_object();
	json_object_set_new(flow, "to", json_string(addr_text(o->a, o->rq->fam, o->rq->to)));
	json_object_set_new(flow, "family", json_string(o->rq->fam == FAM_V4 ? "IPv4" : "IPv6"));
	json_object_set_new(flow, "proto", o->rq->has_proto
						   ? json_string(cli_proto_name(o->rq->proto, num, sizeof(num)))
						   : json_null());
	json_object_set_new(flow, "port", o->rq->has_port ? json_integer(o->rq->port) : json_null());
	json_object_set_new(flow, "from", o->rq->has_from
						  ? json_string(addr_text(o->a, o->rq->fam, o->rq->from))
						  : json_null());
	json_object_set_new(flow, "interface", jstr_or_null(o->rq->iface));
	json_object_set_new(root, "flow", flow);
	json_object_set_new(root, "accepted", json_boolean(r->accepted));
	json_object_set_new(root, "unknown", json_boolean(r->unknown));
	json_t *paths = json_array();
	for (size_t i = 0; i < r->npaths; i++) {
		const struct query_path *p = &r->paths[i];
		json_t *jp = json_object();
		json_object_set_new(jp, "interface", json_string(p->w->name));
		json_object_set_new(jp, "family", json_string(p->fam == FAM_V4 ? "IPv4" : "IPv6"));
		json_object_set_new(jp, "target", json_string(target_names[p->target]));
		json_object_set_new(jp, "service", p->svc ? json_string(p->svc->name) : json_null());
		json_object_set_new(jp, "state", json_string(state_names[p->state]));
		json_object_set_new(jp, "unknown_why", jstr_or_null(p->state == QS_UNKNOWN ? p->unknown_why
											 : NULL));
		json_t *acc = json_array();
		for (size_t k = 0; k < p->nreach; k++) {
			const struct freach *fr = &p->reach[k];
			bool one = fr->proto.n == 1 && fr->proto.iv[0].lo == fr->proto.iv[0].hi;
			uint32_t pv = one ? fr->proto.iv[0].lo : 0;
			bool ported = one && (pv == PROTO_TCP || pv == PROTO_UDP);
			json_array_append_new(
				acc, json_pack("{s:s, s:o, s:s, s:b}", "proto",
					       one ? cli_proto_name(pv, num, sizeof(num))
						   : pset_format(o->a, &fr->proto, 200),
					       "ports",
					       ported ? json_string(pset_format(o->a, &fr->dport, 400))
						      : json_null(),
					       "sources", aset_format(o->a, &fr->src, 400), "any_source",
					       !o->rq->has_from && aset_eq(&fr->src, &r->outside)));
		}
		json_object_set_new(jp, "accepted", acc);
		json_t *lines = json_array();
		for (size_t k = 0; k < p->nlines; k++) {
			const struct query_line *ql = &p->lines[k];
			unsigned local = ql->line;
			const char *file = cli_line_file(o->in, ql->line, &local);
			json_t *jl = json_object();
			sb_reset(&t);
			sb_add_clean(&t, file, strlen(file));
			json_object_set_new(jl, "file", json_string(sb_str(&t)));
			json_object_set_new(jl, "line", ql->line ? json_integer(local) : json_null());
			json_object_set_new(jl, "role", json_string(role_names[ql->role]));
			json_object_set_new(jl, "action",
					    ql->role == QR_RULE || ql->role == QR_DEFAULT
						    ? json_string(ql->action == FA_PASS ? "pass" : "deny")
						    : json_null());
			sb_reset(&t);
			if (ql->line && ql->role != QR_DEFAULT)
				cli_line_text(o->in, ql->line, &t);
			json_object_set_new(jl, "text", ql->line && ql->role != QR_DEFAULT
								? json_string(sb_str(&t))
								: json_null());
			json_array_append_new(lines, jl);
		}
		json_object_set_new(jp, "lines", lines);
		json_array_append_new(paths, jp);
	}
	json_object_set_new(root, "paths", paths);
	sb_free(&t);
	return report_dump_json(root, sb);
}

static void query_usage(FILE *f, enum lang l)
{
	if (l == LANG_JA)
		fputs("使い方: edgelint query ファイル --to ADDR[:PROTO[/PORT]] [--from ADDR] [--in IF]\n"
		      "ある通信（宛先は NAT の後のアドレスとポート）がインターネット（または --from の送信元）\n"
		      "から受け付けられるか、どのインターフェース・NAT・設定行で決まるかを答えます。\n"
		      "  --to ADDR[:PROTO[/PORT]]  宛先（例 192.168.1.50:tcp/3389、[2001:db8::5]:tcp/443）\n"
		      "  --from ADDR         送信元（既定はインターネットのすべての送信元）\n"
		      "  --in IF             このインターフェースだけ（例 \"pp 1\"、outside）\n"
		      "  --format F          text | json（既定は text）\n"
		      "  -o, --output F, --lang L, --rules DIR, --kind K  edgelint と同じ\n"
		      "終了コード: 0 答えが出た（受け付けるかどうかによらない）、2 入力の誤り。\n",
		      f);
	else
		fputs("usage: edgelint query FILE --to ADDR[:PROTO[/PORT]] [--from ADDR] [--in IF]\n"
		      "Whether one flow (its address and port after NAT) is accepted from the\n"
		      "internet (or from --from), on which interface, through which NAT, and\n"
		      "which config lines decide it.\n"
		      "  --to ADDR[:PROTO[/PORT]]  destination (192.168.1.50:tcp/3389,\n"
		      "                      [2001:db8::5]:tcp/443)\n"
		      "  --from ADDR         source (default: every internet source)\n"
		      "  --in IF             only this interface (\"pp 1\", outside)\n"
		      "  --format F          text | json (default text)\n"
		      "  -o, --output F, --lang L, --rules DIR, --kind K  as for edgelint\n"
		      "Exit: 0 answered (accepted or not), 2 bad input.\n",
		      f);
}

/* --to, --from, --in: query's own options. */
enum { O_TO = CLI_O_OWN, O_FROM, O_IN };
struct query_opts {
	const char *to, *from, *iface;
};

static int query_option(void *ctx, int c, const char *arg)
{
	struct query_opts *q = ctx;
	if (c == O_TO)
		q->to = arg;
	else if (c == O_FROM)
		q->from = arg;
	else if (c == O_IN)
		q->iface = arg;
	else
		return 1;
	return 0;
}

int cli_query_main(int argc, char **argv, const char *argv0, enum lang lang)
{
	struct cli_env e = {.format = "text", .lang = lang};
	static const struct option longopts[] = {
		{"to", required_argument, NULL, O_TO},
		{"from", required_argument, NULL, O_FROM},
		{"in", required_argument, NULL, O_IN},
		CLI_COMMON_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct query_opts q = {0};
	const struct cli_cmd cmd = {.name = "query", .longopts = longopts, .usage = query_usage,
				    .own = query_option, .ctx = &q};
	const char *rules = NULL;
	int rc = cli_parse_opts(argc, argv, &cmd, &e, &rules);
	const char *to = q.to, *from = q.from, *iface = q.iface;
	if (rc)
		return rc == 1 ? 0 : 2;
	if (optind != argc - 1 || !to) {
		cli_error(e.lang, "query: give one FILE and --to ADDR[:PROTO[/PORT]]",
			  "query: ファイルを一つと --to ADDR[:PROTO[/PORT]] を指定してください");
		query_usage(stderr, e.lang);
		return 2;
	}
	const char *file = argv[optind];
	struct query_req rq = {0};
	const char *why, *why_ja;
	if (query_parse_to(to, &rq, &why, &why_ja)) {
		cli_error(e.lang, "--to %s: %s%.0s", "--to %s: %.0s%s", to, why, why_ja);
		return 2;
	}
	if (from && query_parse_from(from, &rq)) {
		cli_error(e.lang, "--from %s: not an %s address (the family of --to)",
			  "--from %s: %s のアドレスではありません（--to と同じ種類で指定してください）",
			  from, rq.fam == FAM_V4 ? "IPv4" : "IPv6");
		return 2;
	}
	rq.iface = iface;
	if ((rc = cli_setup(&e, argv0, rules)) != 0) {
		cli_free(&e);
		return rc;
	}
	struct input in;
	rc = cli_read_office(&e, &in, file);
	if (rc == 0 && iface && !query_iface_known(&in.dev, iface)) {
		struct strbuf known;
		sb_init(&known, 4096);
		for (const struct wan_if *w = in.dev.wans; w; w = w->next)
			sb_printf(&known, "%s\"%s\"", known.len ? ", " : "", w->name);
		const char *p = input_display_path(&in);
		struct strbuf cp;
		sb_init(&cp, 4096);
		sb_add_clean(&cp, p, strlen(p));
		if (known.len)
			cli_error(e.lang, "--in %s: %s has no internet-facing interface of that name; it has %s",
				  "--in %s: %s にその名前のインターネット側インターフェースはありません。"
				  "あるのは %s です",
				  iface, sb_str(&cp), sb_str(&known));
		else
			cli_error(e.lang, "--in %s: %s has no internet-facing interface at all",
				  "--in %s: %s にはインターネット側のインターフェースがありません", iface,
				  sb_str(&cp));
		sb_free(&known);
		sb_free(&cp);
		rc = 2;
	}
	struct arena a = {0};
	struct query_result res;
	if (rc == 0) {
		int qrc = query_run(&a, &in, &e.reg.internet, &rq, &res);
		if (qrc) {
			cli_error(e.lang, "query: the analysis failed (out of memory or too large)",
				  "query: 解析できませんでした（メモリ不足か、大きすぎます）");
			rc = 2;
		}
	}
	if (rc == 0) {
		struct strbuf out;
		sb_init(&out, (size_t)1 << 28);
		struct qout o = {.e = &e, .in = &in, .a = &a, .rq = &rq, .res = &res};
		if (strcmp(e.format, "json") == 0 ? render_json(&o, &out) : render_text(&o, &out)) {
			cli_error(e.lang, "query: the answer could not be written (out of memory)",
				  "query: 答えを書き出せませんでした（メモリ不足）");
			rc = 2;
		} else {
			rc = cli_write(&e, &out);
		}
		sb_free(&out);
	}
	arena_free(&a);
	input_free(&in);
	cli_free(&e);
	return rc;
}
