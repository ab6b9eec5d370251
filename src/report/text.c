/*
 * text.c — the report for people, in English or Japanese: per input a line
 * per checklist item (like the checklist's ✓/✗ columns, with why an item
 * was not assessed, and what of a warned or failed item was not checked),
 * then each finding, most severe first (report_group), as
 *   file:line: severity id name: message
 *       evidence: …
 *       occurrences: N (first: line a, last: line b); users: …   (a group)
 *       fix: …
 * then the input's verdict (docs/report.md); a run of several inputs ends
 * with a summary table, one row per input.
 * Colour only when allowed (a terminal, NO_COLOR unset, TERM not dumb).
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


enum ui { UI_LEGEND, UI_EVIDENCE, UI_FIX, UI_ERROR, UI_RULES_AS_OF, UI_EXCEPTED, UI_NO_FINDINGS, UI_UNKNOWN_KIND,
	  UI_FIRMWARE, UI_JC_STAR, UI_COUNT };

/* The report's own words (rule texts come from the registry). */
static const char *const ui_text[UI_COUNT][LANG_COUNT] = {
	[UI_LEGEND] = {"✓ pass  ✗ fail  ! warn  ? unknown  – not applicable",
		       "✓ 合格  ✗ 不合格  ! 要注意  ? 不明  – 対象外"},
	[UI_EVIDENCE] = {"evidence", "根拠"},
	[UI_FIX] = {"fix", "対処"},
	[UI_ERROR] = {"error", "エラー"},
	[UI_RULES_AS_OF] = {"rules data as of", "ルールデータ"},
	[UI_EXCEPTED] = {"accepted risk", "受容済みのリスク"},
	[UI_NO_FINDINGS] = {"no findings", "指摘なし"},
	[UI_UNKNOWN_KIND] = {"kind not detected", "種類を判別できません"},
	[UI_FIRMWARE] = {"firmware", "ファームウェア"},
	/* The scheme's own name (IPA writes it so in Japanese too). */
	[UI_JC_STAR] = {"JC-STAR", "JC-STAR"},
};

static const char *const status_word[IST_COUNT][LANG_COUNT] = {
	[IST_NA] = {"not applicable", "対象外"},
	[IST_PASS] = {"pass", "合格"},
	[IST_UNKNOWN] = {"unknown", "不明"},
	[IST_WARN] = {"warn", "要注意"},
	[IST_FAIL] = {"fail", "不合格"},
};
static const char *const status_mark[IST_COUNT] = {"–", "✓", "?", "!", "✗"};
static const char *const status_color[IST_COUNT] = {"\033[2m", "\033[32m", "\033[36m",
						    "\033[33m", "\033[1;31m"};
static const char *const sev_color[SEV_COUNT] = {"\033[2m", "\033[36m", "\033[33m",
						 "\033[31m", "\033[1;31m"};
#define RESET "\033[0m"

static const char *ui(const struct report_run *run, enum ui u)
{
	return ui_text[u][run->ctx->lang];
}

static int text_begin(struct report_run *run)
{
	char today[16], asof[16] = "?";
	date_format(run->ctx->today, today, sizeof(today));
	if (run->ctx->reg->data_as_of >= 0)
		date_format(run->ctx->reg->data_as_of, asof, sizeof(asof));
	int rc = sb_printf(run->out, "edgelint %s · %s · %s %s\n%s\n", EDGELINT_VERSION,
			   today, ui(run, UI_RULES_AS_OF), asof, ui(run, UI_LEGEND));
	if (!rc && run->stale && run->ctx->lang == LANG_JA)
		rc = sb_printf(run->out,
			       "警告: ファームウェアとサポート、脆弱性のデータは %s 時点のもので、%s より %d 日以上"
			       "古いため、5-3 と 5-4 の判定は最新の状況を反映していない可能性があります。"
			       "edgelint のルールデータを更新してください\n",
			       asof, today, RULES_STALE_DAYS);
	else if (!rc && run->stale)
		rc = sb_printf(run->out,
			       "warning: the firmware, support and vulnerability data is from %s, more "
			       "than %d days before %s, so the 5-3 and 5-4 verdicts may be out of date; "
			       "update edgelint's rules data\n",
			       asof, RULES_STALE_DAYS, today);
	return rc;
}

static int text_traffic(struct report_run *run, struct input *in);

static const char *word(const struct report_run *run, const char *id)
{
	return registry_word(run->ctx->reg, id, run->ctx->lang);
}

/* "; not checked: …" after a warned or failed item with an unknown part
 * (Japanese: "（未確認: …）"); nothing when the item was checked in full. */
static int text_unchecked(struct report_run *run, struct input *in, int it)
{
	struct strbuf what;
	sb_init(&what, 1u << 16);
	int rc = report_unchecked_text(run->ctx->reg, in, it, run->ctx->lang, &what);
	if (!rc && what.len)
		rc = run->ctx->lang == LANG_JA
			     ? sb_printf(run->out, "（%s: %s）", word(run, "not-checked"), sb_str(&what))
			     : sb_printf(run->out, "; %s: %s", word(run, "not-checked"), sb_str(&what));
	sb_free(&what);
	return rc;
}

static int text_input(struct report_run *run, struct input *in)
{
	enum lang l = run->ctx->lang;
	struct strbuf *o = run->out;
	int rc = sb_printf(o, "\n%s%s", run->color ? "\033[1m" : "", input_display_path(in));
	/* An input of several files names them all (a directory or archive
	 * names the files read from it). */
	for (size_t i = 0; !rc && in->nparts > 1 && i < in->nparts; i++)
		if (i > 0 || strcmp(in->parts[i].display, input_display_path(in)) != 0)
			rc = sb_printf(o, " + %s", in->parts[i].display);
	if (!rc)
		rc = sb_printf(o, "%s — %s", run->color ? RESET : "",
			       in->kind ? (l == LANG_JA ? in->kind->label_ja : in->kind->label)
					: ui(run, UI_UNKNOWN_KIND));
	const struct device *d = &in->dev;
	/* The vendor, unless the input's label already names it. */
	const char *vend = d->vendor_display;
	if (vend && in->kind && strncmp(in->kind->label, vend, strlen(vend)) == 0)
		vend = NULL;
	/* Model and firmware are the input's words (a facts file's, an OpenWrt
	 * release file's): masked and sanitised like everything else. */
	if (!rc && in->has_device && (vend || d->model.s))
		rc = sb_printf(o, ": %s%s%s", vend ? finding_scrub_dup(in, vend) : "",
			       vend && d->model.s ? " " : "",
			       d->model.s ? finding_scrub_dup(in, d->model.s) : "");
	if (!rc && in->has_device && d->firmware.s)
		rc = sb_printf(o, l == LANG_JA ? "、%s %s" : ", %s %s", ui(run, UI_FIRMWARE),
			       finding_scrub_dup(in, d->firmware.s));
	/* The JC-STAR label the admin read off the box (facts file). */
	if (!rc && in->has_device && d->jc_star)
		rc = sb_printf(o, ", %s \xE2\x98\x85%d", ui(run, UI_JC_STAR), d->jc_star);   /* ★ */
	if (!rc && in->has_coverage) {
		if (l == LANG_JA)
			rc = sb_printf(o, "（%u 行中 %u 行を解釈）", in->lines_total,
				       in->lines_understood);
		else
			rc = sb_printf(o, " (%u of %u lines understood)", in->lines_understood,
				       in->lines_total);
	}
	if (!rc)
		rc = sb_adds(o, "\n");
	if (!rc && in->error)
		rc = sb_printf(o, "  %s%s%s: %s\n", run->color ? "\033[1;31m" : "",
			       ui(run, UI_ERROR), run->color ? RESET : "",
			       finding_scrub_dup(in, input_error_text(in, l == LANG_JA)));
	for (int it = 0; !rc && it < ITEM_COUNT; it++) {
		enum item_status st = in->items[it];
		const struct checklist_item *ci = &run->ctx->reg->items[it];
		rc = sb_printf(o, "  %s%s %s%s  %s — %s", run->color ? status_color[st] : "",
			       status_mark[st], item_name(it), run->color ? RESET : "",
			       ltext_get(&ci->title, l), status_word[st][l]);
		const char *note = in->item_note[it]
					   ? registry_note(run->ctx->reg, in->item_note[it], l)
					   : NULL;
		/* Japanese: full-width brackets, no space, as text_unchecked. */
		if (!rc && note && st != IST_PASS && st != IST_FAIL && st != IST_WARN)
			rc = l == LANG_JA ? sb_printf(o, "（%s）", note) : sb_printf(o, " (%s)", note);
		/* A warning never hides what was not checked. */
		if (!rc && (st == IST_WARN || st == IST_FAIL))
			rc = text_unchecked(run, in, it);
		if (!rc)
			rc = sb_adds(o, "\n");
	}
	if (!rc && in->traffic)
		rc = text_traffic(run, in);
	return rc;
}

/* "12.3 MB" style sizes (decimal units, as throughput figures are). */
static void text_size(uint64_t b, char *buf, size_t n)
{
	if (b < 1000)
		snprintf(buf, n, "%llu B", (unsigned long long)b);
	else if (b < 1000000)
		snprintf(buf, n, "%.1f kB", (double)b / 1e3);
	else if (b < 1000000000ull)
		snprintf(buf, n, "%.1f MB", (double)b / 1e6);
	else
		snprintf(buf, n, "%.1f GB", (double)b / 1e9);
}

#define TEXT_CREDS_SHOWN 50

/* The cleartext logins (protocol, client → server, user, packet; never
 * the secret) and the anonymous ones, at most TEXT_CREDS_SHOWN each. */
static int text_creds(struct report_run *run, struct input *in)
{
	const struct traffic *t = in->traffic;
	bool ja = run->ctx->lang == LANG_JA;
	struct strbuf *o = run->out;
	int rc = ja ? sb_printf(o, "  平文のログイン: %llu 件\n", (unsigned long long)t->creds_total)
		    : sb_printf(o, "  cleartext logins: %llu\n", (unsigned long long)t->creds_total);
	for (int k = 0; k < 3 && !rc; k++) {
		const struct traffic_cred *list = k == 2 ? t->hashes : k ? t->anon : t->creds;
		size_t n = k == 2 ? t->nhashes : k ? t->nanon : t->ncreds;
		uint64_t total = k == 2 ? t->hashes_total : k ? t->anon_total : t->creds_total;
		if (k == 1 && total)
			rc = ja ? sb_printf(o, "  匿名ログイン（情報）: %llu 件\n", (unsigned long long)total)
				: sb_printf(o, "  anonymous logins (information): %llu\n",
					    (unsigned long long)total);
		if (k == 2 && total)   /* EL406: the hash type, never the hash */
			rc = ja ? sb_printf(o, "  解読できるパスワードのハッシュ: %llu 件\n",
					    (unsigned long long)total)
				: sb_printf(o, "  crackable password hashes: %llu\n",
					    (unsigned long long)total);
		size_t shown = n < TEXT_CREDS_SHOWN ? n : TEXT_CREDS_SHOWN;
		int col = 18;   /* the protocol column: as wide as its widest label */
		for (size_t i = 0; i < shown; i++) {
			const char *p = registry_proto_label(run->ctx->reg, list[i].protocol,
							     run->ctx->lang);
			size_t w = display_width(p, strlen(p));
			if (w > (size_t)col && w < 64)
				col = (int)w;
		}
		for (size_t i = 0; !rc && i < shown; i++) {
			const struct traffic_cred *c = &list[i];
			rc = sb_adds(o, "    ");
			if (!rc)
				rc = sb_pad(o, registry_proto_label(run->ctx->reg, c->protocol,
								    run->ctx->lang), col);
			if (!rc)
				rc = sb_printf(o, " %s → %s  %s %s  %s %llu", c->client,
				       c->server, ja ? "ユーザ" : "user",
				       c->user ? finding_scrub_dup(in, c->user) : "—",
				       ja ? "パケット" : "packet", (unsigned long long)c->packet);
			if (!rc && c->hash_type)
				rc = sb_printf(o, "  %s", c->hash_type);
			if (!rc && c->outcome)   /* the server's verdict, when its reply was seen */
				rc = sb_printf(o, "  %s", ja ? (c->outcome == 1 ? "成功" : "失敗")
							    : cred_outcome_name(c->outcome));
			if (!rc && c->count > 1)
				rc = sb_printf(o, ja ? "（%llu 回）" : " (%llu times)",
					       (unsigned long long)c->count);
			if (!rc)
				rc = sb_adds(o, "\n");
		}
		if (!rc && total > shown)
			rc = ja ? sb_printf(o, "    ほか %llu 件（JSON 出力と指摘を参照）\n",
					    (unsigned long long)(total - shown))
				: sb_printf(o, "    … %llu more (see the findings and the JSON output)\n",
					    (unsigned long long)(total - shown));
	}
	return rc;
}

#define TEXT_CLIENTS_SHOWN 10

/* The clients of a capture that has more than one (issue 16 §7): who sent
 * the cleartext logins and how much of each one's web traffic was HTTPS,
 * at most TEXT_CLIENTS_SHOWN, in the model's order (most logins, then
 * most bytes). */
static int text_clients(struct report_run *run, struct input *in)
{
	const struct traffic *t = in->traffic;
	if (t->clients_total < 2)
		return 0;
	bool ja = run->ctx->lang == LANG_JA;
	struct strbuf *o = run->out;
	size_t shown = t->nclients < TEXT_CLIENTS_SHOWN ? t->nclients : TEXT_CLIENTS_SHOWN;
	int rc = ja ? sb_printf(o, "  クライアント（平文ログインの多い順、次にバイト数、%zu / %zu）:\n",
				shown, t->clients_total)
		    : sb_printf(o, "  clients (most cleartext logins, then most bytes; %zu of %zu):\n",
				shown, t->clients_total);
	int col = 15;   /* the address column: as wide as the widest address shown */
	for (size_t i = 0; i < shown; i++) {
		size_t w = strlen(t->clients[i].addr);
		if (w > (size_t)col)
			col = (int)w;
	}
	for (size_t i = 0; !rc && i < shown; i++) {
		const struct traffic_client *c = &t->clients[i];
		char size[32], web[64];
		text_size(c->bytes, size, sizeof(size));
		uint64_t wb = c->https_bytes + c->http_bytes;
		if (!wb) {
			snprintf(web, sizeof(web), "%s", ja ? "Web なし" : "no web traffic");
		} else {
			char share[32];
			report_share(c->https_bytes, wb, share, sizeof(share));
			snprintf(web, sizeof(web), ja ? "Web のうち HTTPS %s（バイト）" : "web %s HTTPS by bytes",
				 share);
		}
		rc = sb_adds(o, "    ");
		if (!rc)
			rc = sb_pad(o, c->addr, col);
		if (!rc)
			rc = sb_pad(o, c->internal ? (ja ? "  内部" : "  internal") : (ja ? "  外部" : "  external"),
				    11);
		if (!rc)
			rc = ja ? sb_printf(o, " %llu フロー、%s、%s、平文ログイン %llu 件\n",
					    (unsigned long long)c->flows, size, web,
					    (unsigned long long)c->logins)
				: sb_printf(o, " %llu flow%s, %s, %s, %llu cleartext login%s\n",
					    (unsigned long long)c->flows, c->flows == 1 ? "" : "s", size,
					    web, (unsigned long long)c->logins, c->logins == 1 ? "" : "s");
	}
	return rc;
}

/* One row of the web-share table: a label column and four right-aligned
 * columns, padded by display width. */
static int text_row(struct strbuf *o, const char *label, const char *c1, const char *c2,
		    const char *c3, const char *c4)
{
	int rc = sb_adds(o, "    ");
	if (!rc)
		rc = sb_pad(o, label, 16);
	const char *cols[4] = {c1, c2, c3, c4};
	static const int widths[4] = {-11, -9, -13, -9};
	for (int i = 0; !rc && i < 4; i++)
		rc = sb_pad(o, cols[i], widths[i]);
	return rc ? rc : sb_adds(o, "\n");
}

/* A capture's traffic: totals, the HTTPS share as a small table, TLS
 * versions, cleartext logins and the hosts most flows went to. */
static int text_traffic(struct report_run *run, struct input *in)
{
	const struct traffic *t = in->traffic;
	bool ja = run->ctx->lang == LANG_JA;
	struct strbuf *o = run->out;
	char b1[32], b2[32], b3[32], b4[32];
	text_size(t->bytes, b1, sizeof(b1));
	int rc = ja ? sb_printf(o, "  通信: %llu パケット、%s、%llu フロー（%s）\n",
				(unsigned long long)t->packets, b1, (unsigned long long)t->flows,
				t->link_name ? t->link_name : "?")
		    : sb_printf(o, "  traffic: %llu packets, %s, %llu flows (%s)\n",
				(unsigned long long)t->packets, b1, (unsigned long long)t->flows,
				t->link_name ? t->link_name : "?");
	if (!rc && t->time_first && t->time_last)
		rc = ja ? sb_printf(o, "  期間（UTC）: %s 〜 %s\n", t->time_first, t->time_last)
			: sb_printf(o, "  time (UTC): %s to %s\n", t->time_first, t->time_last);
	if (!rc && t->wlan_frames)
		rc = ja ? sb_printf(o, "  802.11: %llu フレーム、うち暗号化されたデータフレーム %llu（読めません）\n",
				    (unsigned long long)t->wlan_frames,
				    (unsigned long long)t->wlan_protected)
			: sb_printf(o, "  802.11: %llu frames, %llu encrypted data frames (not readable)\n",
				    (unsigned long long)t->wlan_frames,
				    (unsigned long long)t->wlan_protected);
	if (!rc && t->tunnel_packets)
		rc = ja ? sb_printf(o, "  トンネル: %llu パケットはトンネルの中のパケットとして解析しました"
				       "（IP in IP、GRE、VXLAN、GTP-U、Teredo）\n",
				    (unsigned long long)t->tunnel_packets)
			: sb_printf(o, "  tunnels: %llu packets analysed as the packet inside a tunnel "
				       "(IP in IP, GRE, VXLAN, GTP-U, Teredo)\n",
				    (unsigned long long)t->tunnel_packets);
	if (!rc && (t->budget_cut || t->budget_slots))
		rc = ja ? sb_printf(o, "  メモリ上限 %zu MiB に達し、%llu フローは内容を最後まで"
				       "読んでいません\n",
				    t->memory_budget >> 20, (unsigned long long)t->budget_cut)
			: sb_printf(o, "  memory budget of %zu MiB reached: %llu flows were not read "
				       "to the end\n",
				    t->memory_budget >> 20, (unsigned long long)t->budget_cut);
	uint64_t wf = t->https_flows + t->http_flows, wb = t->https_bytes + t->http_bytes;
	if (!rc && wf == 0) {
		rc = sb_adds(o, ja ? "  Web の通信はありません\n" : "  no web traffic\n");
		if (!rc)
			rc = text_creds(run, in);
		return rc ? rc : text_clients(run, in);
	}
	/* Columns by display width: Japanese headings are two columns a
	 * character. */
	if (!rc)
		rc = text_row(o, "", ja ? "フロー" : "flows", ja ? "割合" : "share",
			      ja ? "バイト" : "bytes", ja ? "割合" : "share");
	for (int k = 0; !rc && k < 2; k++) {
		uint64_t fl = k ? t->http_flows : t->https_flows;
		uint64_t by = k ? t->http_bytes : t->https_bytes;
		char n[24];
		snprintf(n, sizeof(n), "%llu", (unsigned long long)fl);
		report_share(fl, wf, b1, sizeof(b1));
		text_size(by, b2, sizeof(b2));
		report_share(by, wb, b3, sizeof(b3));
		rc = text_row(o, k ? (ja ? "HTTP（平文）" : "HTTP (clear)") : "HTTPS (TLS+QUIC)", n, b1,
			      b2, b3);
	}
	if (!rc && t->ntls) {
		rc = sb_adds(o, ja ? "  TLS バージョン:" : "  TLS versions:");
		for (size_t i = 0; !rc && i < t->ntls; i++)
			rc = sb_printf(o, "%s %s %llu", i ? "," : "", t->tls[i].name,
				       (unsigned long long)t->tls[i].flows);
		if (!rc)
			rc = sb_adds(o, "\n");
	}
	if (!rc)
		rc = text_creds(run, in);
	size_t shown = t->nhosts < 10 ? t->nhosts : 10;
	if (!rc && shown) {
		snprintf(b4, sizeof(b4), "%zu", t->hosts_total);
		rc = ja ? sb_printf(o, "  ホスト（フロー数の多い順、%zu / %s）:\n", shown, b4)
			: sb_printf(o, "  hosts (most flows first, %zu of %s):\n", shown, b4);
		for (size_t i = 0; !rc && i < shown; i++) {
			rc = sb_adds(o, "    ");
			if (!rc)
				rc = sb_pad(o, finding_scrub_dup(in, t->hosts[i].name), 41);
			if (!rc)
				rc = sb_printf(o, "%-9s %llu\n", t->hosts[i].via,
					       (unsigned long long)t->hosts[i].flows);
		}
	}
	return rc ? rc : text_clients(run, in);
}

/* Where an occurrence is: "packet 10", "line 24", "wireless:24". */
static int text_where(struct report_run *run, struct input *in, const struct finding *f)
{
	unsigned line = f->line;
	const char *file = f->line && !f->is_packet ? input_locate(in, f->line, &line) : NULL;
	if (file)
		return sb_printf(run->out, "%s:%u", file, line);
	if (run->ctx->lang == LANG_JA && !f->is_packet)
		return sb_printf(run->out, "%u %s目", line, word(run, "line"));   /* 12 行目 */
	return sb_printf(run->out, "%s %u", word(run, f->is_packet ? "packet" : "line"), line);
}

#define TEXT_ACCOUNTS_SHOWN 20

/* The group line: how many, the first and last place, the accounts. */
static int text_group(struct report_run *run, struct input *in, const struct fgroup *g)
{
	bool ja = run->ctx->lang == LANG_JA;
	struct strbuf *o = run->out;
	const struct finding *first = g->f[0], *last = g->f[g->n - 1];
	int rc = sb_printf(o, "    %s: %zu", word(run, "occurrences"), g->n);
	if (!rc && first->line && first->line == last->line) {
		/* Every occurrence at one place (one setting shared by several
		 * networks): that place. */
		rc = sb_adds(o, ja ? "（" : " (");
		if (!rc)
			rc = text_where(run, in, first);
		if (!rc)
			rc = sb_adds(o, ja ? "）" : ")");
	} else if (!rc && first->line && last->line) {
		rc = sb_printf(o, ja ? "（%s: " : " (%s: ", word(run, "first"));
		if (!rc)
			rc = text_where(run, in, first);
		if (!rc)
			rc = sb_printf(o, ja ? "、%s: " : ", %s: ", word(run, "last"));
		if (!rc)
			rc = text_where(run, in, last);
		if (!rc)
			rc = sb_adds(o, ja ? "）" : ")");
	}
	const char **acc = NULL;
	size_t nacc = 0;
	if (!rc)
		rc = report_group_accounts(run->ctx->reg, g, &acc, &nacc);
	if (!rc && nacc)
		rc = sb_printf(o, ja ? "、%s: " : "; %s: ", word(run, "accounts"));
	size_t shown = nacc < TEXT_ACCOUNTS_SHOWN ? nacc : TEXT_ACCOUNTS_SHOWN;
	for (size_t i = 0; !rc && i < shown; i++)
		rc = sb_printf(o, "%s%s", i ? (ja ? "、" : ", ") : "", finding_scrub_dup(in, acc[i]));
	if (!rc && nacc > shown)
		rc = sb_printf(o, ja ? " ほか %zu" : " … %zu more", nacc - shown);
	free(acc);
	return rc ? rc : sb_adds(o, "\n");
}

static int text_finding(struct report_run *run, struct input *in, const struct fgroup *g)
{
	enum lang l = run->ctx->lang;
	struct strbuf *o = run->out;
	const struct finding *f = g->f[0];
	int rc;
	unsigned line = f->line;
	const char *file = f->line && !f->is_packet ? input_locate(in, f->line, &line) : NULL;
	if (f->line && f->is_packet)
		rc = sb_printf(o, "%s: %s %u: ", input_display_path(in),
			       l == LANG_JA ? "パケット" : "packet", f->line);
	else if (f->line)
		rc = sb_printf(o, "%s:%u: ", file ? file : input_display_path(in), line);
	else
		rc = sb_printf(o, "%s: ", input_display_path(in));
	if (!rc && f->status == FST_EXCEPTED)
		rc = sb_printf(o, "[%s] ", ui(run, UI_EXCEPTED));
	if (!rc)
		rc = sb_printf(o, "%s%s%s %s %s: ", run->color ? sev_color[f->severity] : "",
			       severity_label(f->severity, l), run->color ? RESET : "", f->rule->id,
			       f->rule->name);
	if (!rc)
		rc = finding_message(in, f, l, o);
	if (!rc && f->item >= 0)
		rc = sb_printf(o, " [%s]", item_name(f->item));
	if (!rc)
		rc = sb_adds(o, "\n");
	if (!rc && f->evidence) {
		rc = sb_printf(o, "    %s: ", ui(run, UI_EVIDENCE));
		if (!rc)
			rc = finding_evidence_l(in, f, l, o);
		if (!rc)
			rc = sb_adds(o, "\n");
	}
	if (!rc && g->n > 1)
		rc = text_group(run, in, g);
	/* The policy file's words: sanitised too. */
	if (!rc && f->status == FST_EXCEPTED)
		rc = sb_printf(o, "    %s: %s\n", ui(run, UI_EXCEPTED),
			       finding_scrub_dup(in, f->except_reason));
	if (!rc) {
		rc = sb_printf(o, "    %s: ", ui(run, UI_FIX));
		if (!rc)
			rc = finding_fix(in, f, l, o);
		if (!rc)
			rc = sb_adds(o, "\n");
	}
	return rc;
}

/* "verdict: approve after these fixes; not checked: 5-3". */
static int text_input_end(struct report_run *run, struct input *in,
			  const struct report_verdict *v)
{
	(void)in;
	bool ja = run->ctx->lang == LANG_JA;
	struct strbuf *o = run->out;
	int rc = sb_printf(o, "%s%s: %s", run->color ? "\033[1m" : "", word(run, "verdict"),
			   report_verdict_text(v, run->ctx->lang));
	bool first = true;
	for (int it = 0; !rc && it < ITEM_COUNT; it++) {
		if (!v->unchecked[it] || v->v == VERDICT_NOT_ASSESSED)
			continue;
		if (first)
			rc = sb_printf(o, ja ? "（%s: " : "; %s: ", word(run, "not-checked"));
		if (!rc)
			rc = sb_printf(o, "%s%s", first ? "" : (ja ? "、" : ", "), item_name(it));
		first = false;
	}
	if (!rc && !first && ja)
		rc = sb_adds(o, "）");
	return rc ? rc : sb_printf(o, "%s\n", run->color ? RESET : "");
}

static int text_width(const char *s)
{
	return (int)display_width(s, strlen(s));
}

/* One row per input: name, item marks, worst severity, verdict. */
static int text_summary(struct report_run *run)
{
	enum lang l = run->ctx->lang;
	struct strbuf *o = run->out;
	int w = text_width(word(run, "input"));
	for (size_t i = 0; i < run->ninputs; i++) {
		int pw = text_width(input_display_path(&run->inputs[i]));
		if (pw > w)
			w = pw;
	}
	if (w > 60)
		w = 60;
	int ww = text_width(word(run, "worst"));
	if (text_width(word(run, "none")) > ww)
		ww = text_width(word(run, "none"));
	for (int s = 0; s < SEV_COUNT; s++)
		if (text_width(severity_label((enum severity)s, l)) > ww)
			ww = text_width(severity_label((enum severity)s, l));
	int rc = sb_printf(o, "\n%s\n  ", word(run, "summary"));
	if (!rc)
		rc = sb_pad(o, word(run, "input"), w + 2);
	for (int it = 0; !rc && it < ITEM_COUNT; it++)
		rc = sb_pad(o, item_name(it), 4);
	if (!rc)
		rc = sb_adds(o, " ");
	if (!rc)
		rc = sb_pad(o, word(run, "worst"), ww + 2);
	if (!rc)
		rc = sb_printf(o, "%s\n", word(run, "verdict"));
	for (size_t i = 0; !rc && i < run->ninputs; i++) {
		struct input *in = &run->inputs[i];
		struct report_verdict v;
		report_verdict(run->ctx->reg, in, &v);
		rc = sb_adds(o, "  ");
		if (!rc)
			rc = sb_pad(o, input_display_path(in), w + 2);
		for (int it = 0; !rc && it < ITEM_COUNT; it++)
			rc = sb_pad(o, status_mark[in->items[it]], 4);
		if (!rc)
			rc = sb_adds(o, " ");
		if (!rc)
			rc = sb_pad(o, v.worst >= 0 ? severity_label((enum severity)v.worst, l)
						   : word(run, "none"),
				    ww + 2);
		if (!rc)
			rc = sb_printf(o, "%s\n", report_verdict_text(&v, l));
	}
	return rc;
}

static int text_end(struct report_run *run)
{
	enum lang l = run->ctx->lang;
	unsigned counts[IST_COUNT];
	report_item_counts(run, counts);
	int rc = run->ninputs > 1 ? text_summary(run) : 0;
	if (!rc)
		rc = sb_adds(run->out, "\n");
	if (!rc && l == LANG_JA)
		rc = sb_printf(run->out, "入力 %zu 件（読めなかったもの %u 件）、項目:", run->ninputs,
			       report_error_count(run));
	else if (!rc)
		rc = sb_printf(run->out, "%zu input(s), %u could not be read; items:",
			       run->ninputs, report_error_count(run));
	static const enum item_status order[] = {IST_FAIL, IST_WARN, IST_UNKNOWN, IST_PASS, IST_NA};
	for (size_t i = 0; !rc && i < 5; i++)
		rc = sb_printf(run->out, "%s%s %u%s", l == LANG_JA && i ? "" : " ",
			       status_word[order[i]][l], counts[order[i]],
			       i + 1 < 5 ? (l == LANG_JA ? "、" : ",") : "\n");
	return rc;
}

const struct reporter reporter_text = {
	.name = "text",
	.begin = text_begin,
	.input = text_input,
	.finding = text_finding,
	.input_end = text_input_end,
	.end = text_end,
};
