/*
 * cli_diff.c — `edgelint diff OLD NEW` (issue 17 §3): the changes of
 * diff.c as text (ja/en), JSON (schema edgelint-diff/1,
 * tests/schema/edgelint-diff-1.schema.json) or SARIF (results at the NEW
 * file's lines, so that a config repository's code scanning shows them on
 * the change). Exit 1 when exposure was added or widened (or could not be
 * compared), 0 otherwise, 2 on bad input: a file that is not an office
 * router's config, or two files of different kinds or devices (the error
 * names both).
 *
 * SARIF results use the diff's own ids (exposure-added …), not rule ids of
 * the registry: a change is not a finding of one config.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diff.h"
#include "report/report.h"

static const char *const kind_ja[] = {[DK_ADDED] = "追加", [DK_WIDENED] = "拡大",
				      [DK_REMOVED] = "削除", [DK_NARROWED] = "縮小",
				      [DK_UNKNOWN] = "比較できず"};
static const char *const target_names[] = {[QT_BOX] = "box", [QT_FORWARD] = "forward",
					   [QT_INSIDE] = "inside"};

struct dctx {
	struct cli_env *e;
	struct input *old_in, *new_in;
	struct arena *a;
	const struct diff_result *res;
};

static const char *dest_text(const struct dctx *d, const struct diff_change *c, bool ja)
{
	const struct input *in = d->new_in;
	const char *dev = in->kind->firewall ? (ja ? "ファイアウォール" : "firewall")
					     : (ja ? "ルータ" : "router");
	const char *dst = aset_format(d->a, &c->dst, 200);
	if (!dst || aset_is_empty(&c->dst))
		dst = "";
	if (c->target == QT_BOX && c->service)
		return ja ? arena_printf(d->a, "%sのサービス %s", dev, c->service)
			  : arena_printf(d->a, "the %s's service %s", dev, c->service);
	if (c->target == QT_BOX)
		return ja ? arena_printf(d->a, "%s自身への転送（%s）", dev, dst)
			  : arena_printf(d->a, "forward to the %s itself (%s)", dev, dst);
	if (c->target == QT_FORWARD)
		return ja ? arena_printf(d->a, "%s へのポート転送・静的 NAT", dst)
			  : arena_printf(d->a, "port forward / static NAT to %s", dst);
	return ja ? arena_printf(d->a, "内側のホスト %s（NAT なし）", dst)
		  : arena_printf(d->a, "inside hosts %s (no NAT)", dst);
}

static const char *src_text(const struct dctx *d, const struct diff_change *c, bool ja)
{
	if (c->src_any)
		return ja ? "すべての送信元" : "any source";
	if (c->src_public)
		return ja ? "すべての公開アドレス" : "every public address";
	const char *t = aset_format(d->a, &c->src, 300);
	return t ? t : "?";
}

/* What the change says, after "interface (family), target: ". */
static void change_sentence(const struct dctx *d, const struct diff_change *c, bool ja,
			    struct strbuf *sb)
{
	const char *what = cli_proto_ports(d->a, &c->proto, &c->dport, ja);
	const char *src = src_text(d, c, ja);
	switch (c->kind) {
	case DK_ADDED:
		sb_printf(sb, ja ? "%s が %s から届くようになった" : "%s now reachable from %s", what, src);
		break;
	case DK_WIDENED:
		sb_printf(sb, ja ? "%s の送信元が増えた: %s からも届く" : "%s reachable from more sources: now also from %s",
			  what, src);
		break;
	case DK_REMOVED:
		sb_printf(sb, ja ? "%s に届かなくなった（これまでの送信元: %s）"
				 : "%s no longer reachable (was from %s)", what, src);
		break;
	case DK_NARROWED:
		sb_printf(sb, ja ? "%s の送信元が減った: %s からは届かない"
				 : "%s reachable from fewer sources: no longer from %s", what, src);
		break;
	case DK_UNKNOWN:
		sb_adds(sb, ja ? "比較できません（どちらかのリストが読めないか、解析の上限を超えました）"
			       : "not compared (a list of either file could not be read or analysed)");
		break;
	}
}

/* "FILE:LINE" of line of in into sb (sanitised). */
static void place(const struct input *in, unsigned line, struct strbuf *sb)
{
	unsigned local = line;
	const char *f = cli_line_file(in, line, &local);
	sb_add_clean(sb, f, strlen(f));
	if (line)
		sb_printf(sb, ":%u", local);
}

static void count_kinds(const struct diff_result *r, size_t n[5])
{
	memset(n, 0, 5 * sizeof(*n));
	for (size_t i = 0; i < r->n; i++)
		n[r->v[i].kind]++;
}

static int render_text(const struct dctx *d, struct strbuf *sb)
{
	bool ja = d->e->lang == LANG_JA;
	const struct diff_result *r = d->res;
	struct strbuf t;
	sb_init(&t, 1u << 16);
	sb_adds(&t, "");
	place(d->old_in, 0, &t);
	sb_adds(&t, " → ");
	place(d->new_in, 0, &t);
	sb_printf(sb, ja ? "%s: インターネットからの到達性の変化\n" : "%s: changes in internet exposure\n",
		  sb_str(&t));
	for (size_t i = 0; i < r->n; i++) {
		const struct diff_change *c = &r->v[i];
		sb_reset(&t);
		place(d->new_in, c->new_line ? c->new_line : 0, &t);
		sb_printf(sb, ja ? "%s: %s: %s（%s）、%s: " : "%s: %s: %s (%s), %s: ", sb_str(&t),
			  ja ? kind_ja[c->kind] : diff_kind_name(c->kind), c->iface,
			  c->fam == FAM_V4 ? "IPv4" : "IPv6", dest_text(d, c, ja));
		change_sentence(d, c, ja, sb);
		sb_adds(sb, "\n");
		if (c->new_line) {
			sb_reset(&t);
			cli_line_text(d->new_in, c->new_line, &t);
			sb_printf(sb, ja ? "    新: %s\n" : "    new: %s\n", sb_str(&t));
		}
		if (c->old_line) {
			sb_reset(&t);
			place(d->old_in, c->old_line, &t);
			sb_adds(&t, ": ");
			cli_line_text(d->old_in, c->old_line, &t);
			sb_printf(sb, ja ? "    旧 %s\n" : "    old %s\n", sb_str(&t));
		}
	}
	size_t n[5];
	count_kinds(r, n);
	if (!r->n)
		sb_adds(sb, ja ? "変化なし\n" : "no change\n");
	else if (ja)
		sb_printf(sb, "変化 %zu 件: 追加 %zu、拡大 %zu、削除 %zu、縮小 %zu、比較できず %zu\n", r->n,
			  n[DK_ADDED], n[DK_WIDENED], n[DK_REMOVED], n[DK_NARROWED], n[DK_UNKNOWN]);
	else
		sb_printf(sb, "%zu change(s): %zu added, %zu widened, %zu removed, %zu narrowed, %zu not compared\n",
			  r->n, n[DK_ADDED], n[DK_WIDENED], n[DK_REMOVED], n[DK_NARROWED], n[DK_UNKNOWN]);
	sb_free(&t);
	return 0;
}

static json_t *jplace(const struct input *in, unsigned line)
{
	if (!line)
		return json_null();
	struct strbuf t;
	sb_init(&t, 1u << 16);
	unsigned local = line;
	const char *f = cli_line_file(in, line, &local);
	sb_add_clean(&t, f, strlen(f));
	json_t *o = json_object();
	json_object_set_new(o, "file", json_string(sb_str(&t)));
	json_object_set_new(o, "line", json_integer(local));
	sb_reset(&t);
	cli_line_text(in, line, &t);
	json_object_set_new(o, "text", json_string(sb_str(&t)));
	sb_free(&t);
	return o;
}

static json_t *jinput(const struct input *in)
{
	struct strbuf t;
	sb_init(&t, 1u << 16);
	const char *p = input_display_path(in);
	sb_add_clean(&t, p, strlen(p));
	json_t *o = json_pack("{s:s, s:s}", "path", sb_str(&t), "kind", in->kind->name);
	sb_free(&t);
	return o;
}

static json_t *jprotos(const struct dctx *d, const struct diff_change *c)
{
	char num[8];
	if (c->proto.n == 1 && c->proto.iv[0].lo == c->proto.iv[0].hi)
		return json_string(cli_proto_name(c->proto.iv[0].lo, num, sizeof(num)));
	return json_string(pset_format(d->a, &c->proto, 200));
}

static bool ported(const struct diff_change *c)
{
	return c->proto.n == 1 && c->proto.iv[0].lo == c->proto.iv[0].hi &&
	       (c->proto.iv[0].lo == PROTO_TCP || c->proto.iv[0].lo == PROTO_UDP);
}

static int render_json(const struct dctx *d, struct strbuf *sb)
{
	const struct diff_result *r = d->res;
	json_t *root = json_object();
	json_object_set_new(root, "schema", json_string("edgelint-diff/1"));
	json_object_set_new(root, "tool", json_pack("{s:s, s:s}", "name", "edgelint", "version",
						    EDGELINT_VERSION));
	json_object_set_new(root, "old", jinput(d->old_in));
	json_object_set_new(root, "new", jinput(d->new_in));
	json_object_set_new(root, "risky", json_boolean(r->risky));
	size_t n[5];
	count_kinds(r, n);
	json_t *counts = json_object();
	for (int k = DK_ADDED; k <= DK_UNKNOWN; k++)
		json_object_set_new(counts, diff_kind_name((enum diff_kind)k), json_integer((json_int_t)n[k]));
	json_object_set_new(root, "counts", counts);
	json_t *arr = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct diff_change *c = &r->v[i];
		json_t *o = json_object();
		bool unk = c->kind == DK_UNKNOWN;
		json_object_set_new(o, "kind", json_string(diff_kind_name(c->kind)));
		json_object_set_new(o, "interface", json_string(c->iface));
		json_object_set_new(o, "family", json_string(c->fam == FAM_V4 ? "IPv4" : "IPv6"));
		json_object_set_new(o, "target", json_string(target_names[c->target]));
		json_object_set_new(o, "service", c->service ? json_string(c->service) : json_null());
		json_object_set_new(o, "destination",
				    unk ? json_null() : json_string(aset_format(d->a, &c->dst, 400)));
		json_object_set_new(o, "proto", unk ? json_null() : jprotos(d, c));
		json_object_set_new(o, "ports", !unk && ported(c)
							? json_string(pset_format(d->a, &c->dport, 400))
							: json_null());
		json_object_set_new(o, "sources",
				    unk ? json_null() : json_string(aset_format(d->a, &c->src, 400)));
		json_object_set_new(o, "any_source", json_boolean(c->src_any));
		json_object_set_new(o, "every_public_source", json_boolean(c->src_public));
		json_object_set_new(o, "new", jplace(d->new_in, c->new_line));
		json_object_set_new(o, "old", jplace(d->old_in, c->old_line));
		json_array_append_new(arr, o);
	}
	json_object_set_new(root, "changes", arr);
	return report_dump_json(root, sb);
}

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h ^ 0xff;
}

static int render_sarif(const struct dctx *d, struct strbuf *sb)
{
	static const struct {
		const char *id, *text, *help, *level;
	} kinds[] = {
		[DK_ADDED] = {"exposure-added", "Exposure added",
			      "A service, host or port is reachable from the internet in the new config and from no source in the old one. Check that the change meant to open it, and to whom.",
			      "error"},
		[DK_WIDENED] = {"exposure-widened", "Exposure widened",
				"More sources can reach a service, host or port than before. Check that the new sources are the partners who need it.",
				"error"},
		[DK_REMOVED] = {"exposure-removed", "Exposure removed",
				"A service, host or port reachable before is reachable from no source now. Check that no one who needs it (a VPN, a partner) is cut off.",
				"note"},
		[DK_NARROWED] = {"exposure-narrowed", "Exposure narrowed",
				 "Fewer sources can reach a service, host or port than before. Check that no one who needs it is cut off.",
				 "note"},
		[DK_UNKNOWN] = {"exposure-not-compared", "Exposure not compared",
				"A list of either config could not be read or analysed, so what it lets in was not compared. Fix what the edgelint report of that file says.",
				"warning"},
	};
	const struct diff_result *r = d->res;
	json_t *rules = json_array();
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
		json_array_append_new(
			rules, json_pack("{s:s, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}}", "id", kinds[k].id,
					 "shortDescription", "text", kinds[k].text,
					 "fullDescription", "text", kinds[k].help, "help", "text",
					 kinds[k].help, "defaultConfiguration", "level", kinds[k].level));
	json_t *results = json_array();
	struct strbuf m;
	sb_init(&m, 1u << 16);
	const char *uri_path = d->new_in->path;
	for (size_t i = 0; i < r->n; i++) {
		const struct diff_change *c = &r->v[i];
		sb_reset(&m);
		sb_printf(&m, "%s (%s), %s: ", c->iface, c->fam == FAM_V4 ? "IPv4" : "IPv6",
			  dest_text(d, c, false));
		change_sentence(d, c, false, &m);
		unsigned local = c->new_line ? c->new_line : 1;
		if (c->new_line)
			(void)cli_line_file(d->new_in, c->new_line, &local);
		uint64_t h = 1469598103934665603ULL;
		h = fnv(h, diff_kind_name(c->kind));
		h = fnv(h, c->iface);
		h = fnv(h, sb_str(&m));
		char fp[40];
		snprintf(fp, sizeof(fp), "%016llx:1", (unsigned long long)h);
		json_t *res = json_pack(
			"{s:s, s:i, s:s, s:{s:s}, s:[{s:{s:{s:o}, s:{s:i}}}], s:{s:s}}", "ruleId",
			kinds[c->kind].id, "ruleIndex", (int)c->kind, "level", kinds[c->kind].level,
			"message", "text", sb_str(&m), "locations", "physicalLocation",
			"artifactLocation", "uri", (json_t *)report_sarif_uri(uri_path), "region",
			"startLine", (int)local, "partialFingerprints", "primaryLocationLineHash", fp);
		json_array_append_new(results, res);
	}
	sb_free(&m);
	json_t *root = json_object();
	json_object_set_new(root, "version", json_string("2.1.0"));
	json_object_set_new(root, "$schema", json_string("https://json.schemastore.org/sarif-2.1.0.json"));
	json_t *run = json_pack("{s:{s:{s:s, s:s, s:s, s:o}}, s:o, s:{s:s}}", "tool", "driver", "name",
				"edgelint", "version", EDGELINT_VERSION, "informationUri", EDGELINT_URI,
				"rules", rules, "results", results, "automationDetails", "id",
				"edgelint/diff/");
	json_object_set_new(root, "runs", json_pack("[o]", run));
	return report_dump_json(root, sb);
}

static void diff_usage(FILE *f, enum lang l)
{
	if (l == LANG_JA)
		fputs("使い方: edgelint diff 旧ファイル 新ファイル\n"
		      "同じ機器の二つの設定の間で、インターネットからの到達性（サービス・宛先・送信元・\n"
		      "インターフェース・IPv4/IPv6 ごと）がどう変わったか（追加・拡大・削除・縮小）を示します。\n"
		      "意味の変わらない行の移動は変化ではありません。\n"
		      "  --format F          text | json | sarif（既定は text。SARIF の位置は新ファイルの行）\n"
		      "  -o, --output F, --lang L, --rules DIR, --kind K  edgelint と同じ\n"
		      "終了コード: 0 到達性の追加・拡大なし、1 追加・拡大（または比較できない部分）あり、\n"
		      "2 入力の誤り（種類や機種の違う二つのファイルなど）。\n",
		      f);
	else
		fputs("usage: edgelint diff OLD NEW\n"
		      "What changed in internet exposure between two configs of one device, per\n"
		      "service, destination, sources, interface and family: added, widened,\n"
		      "removed, narrowed. A line that moved without changing meaning is no change.\n"
		      "  --format F          text | json | sarif (default text; SARIF results at\n"
		      "                      the NEW file's lines)\n"
		      "  -o, --output F, --lang L, --rules DIR, --kind K  as for edgelint\n"
		      "Exit: 0 nothing added or widened, 1 exposure added or widened (or a part\n"
		      "not compared), 2 bad input (files of different kinds or devices…).\n",
		      f);
}

/* "samples/x.cfg (yamaha-rtx, RTX1210)" for the different-device error. */
static const char *device_text(struct arena *a, const struct input *in)
{
	const char *p = input_display_path(in);
	char *clean = utf8_sanitize(a, p, strlen(p));
	const char *model = in->dev.model.s ? utf8_sanitize(a, in->dev.model.s, strlen(in->dev.model.s))
					    : NULL;
	return arena_printf(a, "%s (%s%s%s)", clean ? clean : "?", in->kind->name, model ? ", " : "",
			    model ? model : "");
}

int cli_diff_main(int argc, char **argv, const char *argv0, enum lang lang)
{
	struct cli_env e = {.format = "text", .lang = lang};
	const char *rules = NULL;
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	const struct cli_cmd cmd = {.name = "diff", .longopts = longopts, .sarif = true,
				    .usage = diff_usage};
	int rc = cli_parse_opts(argc, argv, &cmd, &e, &rules);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (optind != argc - 2) {
		cli_error(e.lang, "diff: give two files, OLD and NEW", "diff: 旧と新の二つのファイルを指定してください");
		diff_usage(stderr, e.lang);
		return 2;
	}
	if ((rc = cli_setup(&e, argv0, rules)) != 0) {
		cli_free(&e);
		return rc;
	}
	struct input ins[2];
	struct input *old_in = &ins[0], *new_in = &ins[1];
	int ro = cli_read_office(&e, old_in, argv[optind]);
	int rn = cli_read_office(&e, new_in, argv[optind + 1]);
	rc = ro ? ro : rn;
	struct arena a = {0};
	if (rc == 0 && !diff_same_device(old_in, new_in)) {
		cli_error(e.lang, "diff: %s and %s are not configs of the same kind of device",
			  "diff: %s と %s は同じ種類の機器の設定ではありません",
			  device_text(&a, old_in), device_text(&a, new_in));
		rc = 2;
	}
	struct diff_result res;
	if (rc == 0 && diff_exposure(&a, old_in, new_in, &e.reg.internet, &res)) {
		cli_error(e.lang, "diff: the comparison failed (out of memory or too large)",
			  "diff: 比較できませんでした（メモリ不足か、大きすぎます）");
		rc = 2;
	}
	if (rc == 0) {
		/* Secrets of both files are hidden from what either prints. */
		struct secret_set secrets;
		findings_lend_secrets(ins, 2, &secrets);
		struct dctx d = {.e = &e, .old_in = old_in, .new_in = new_in, .a = &a, .res = &res};
		struct strbuf out;
		sb_init(&out, (size_t)1 << 28);
		int w = strcmp(e.format, "json") == 0    ? render_json(&d, &out)
			: strcmp(e.format, "sarif") == 0 ? render_sarif(&d, &out)
							 : render_text(&d, &out);
		findings_return_secrets(ins, 2, &secrets);
		if (w) {
			cli_error(e.lang, "diff: the report could not be written (out of memory)",
				  "diff: 結果を書き出せませんでした（メモリ不足）");
			rc = 2;
		} else {
			rc = cli_write(&e, &out);
		}
		sb_free(&out);
		if (rc == 0)
			rc = res.risky ? 1 : 0;
	}
	arena_free(&a);
	input_free(old_in);
	input_free(new_in);
	cli_free(&e);
	return rc;
}
