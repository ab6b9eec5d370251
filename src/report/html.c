/*
 * html.c — `--format html`: one self-contained HTML5 document for people
 * who decide (issue 20 §1). A cover (what was checked, when, with which
 * rules data, the verdict per device in plain words), the checklist table
 * (inputs × items 3-2 … 6-2, mark and word, each row linking to the
 * device's section), then per input: its items with the reason for every
 * item not (fully) checked, pictures (open findings per severity; what the
 * internet reaches, internet → interface → NAT → host; for a capture the
 * HTTPS share and the cleartext logins per client), the findings most
 * severe first with evidence and place, and the fix block of --format fix.
 *
 * Self-contained by construction: inline CSS and inline SVG only, no
 * script, no URL the browser would fetch. Every label comes from
 * rules/report.yaml (words: html-*), in the report's language; every value
 * of an input goes through finding_scrub() (secrets, sanitising) and then
 * html_esc(), but the paths, printed as the user gave them (as the text and
 * JSON reports do: a path is never a secret), escaped only. Colour never carries meaning alone: marks (✓ ✗ ! ? –) and
 * words go with it, and the colours have a contrast of at least 4.5:1 on
 * white. Printing: A4, one device a page (docs/report.md).
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fix.h"

struct html_state {
	size_t index;        /* 1-based number of the input being rendered */
	size_t nfindings;    /* groups rendered for it */
};

/* A label of rules/report.yaml in the report's language. */
static const char *hw(const struct report_run *run, const char *id)
{
	return registry_word(run->ctx->reg, id, run->ctx->lang);
}

/* Appends s (n bytes) HTML-escaped: & < > " ' become references, so a
 * value is safe as text and inside a quoted attribute. */
static int html_esc_n(struct strbuf *o, const char *s, size_t n)
{
	int rc = 0;
	size_t run = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const char *r = s[i] == '&'   ? "&amp;"
				: s[i] == '<'  ? "&lt;"
				: s[i] == '>'  ? "&gt;"
				: s[i] == '"'  ? "&quot;"
				: s[i] == '\'' ? "&#39;"
					       : NULL;
		if (!r)
			continue;
		rc = sb_add(o, s + run, i - run);
		if (!rc)
			rc = sb_adds(o, r);
		run = i + 1;
	}
	return rc ? rc : sb_add(o, s + run, n - run);
}

static int html_esc(struct strbuf *o, const char *s)
{
	return html_esc_n(o, s, strlen(s));
}

/* A value of the input: scrubbed (finding_scrub), then escaped. */
static int html_val(struct strbuf *o, const struct input *in, const char *s)
{
	struct strbuf t;
	sb_init(&t, 1u << 20);
	int rc = finding_scrub(in, s, strlen(s), &t);
	if (!rc)
		rc = html_esc_n(o, t.buf ? t.buf : "", t.len);
	sb_free(&t);
	return rc;
}

/* A label with its {key} placeholders filled from keys[]/vals[] (our
 * numbers and dates, or values already scrubbed), escaped. */
static int html_fill(struct strbuf *o, const char *tmpl, const char *const *keys,
		     const char *const *vals, size_t n)
{
	int rc = 0;
	const char *t = tmpl;
	while (*t && rc == 0) {
		const char *open = strchr(t, '{');
		const char *close = open ? strchr(open, '}') : NULL;
		if (!open || !close) {
			rc = html_esc(o, t);
			break;
		}
		rc = html_esc_n(o, t, (size_t)(open - t));
		size_t k = 0;
		while (k < n && (strlen(keys[k]) != (size_t)(close - open - 1) ||
				 strncmp(keys[k], open + 1, (size_t)(close - open - 1)) != 0))
			k++;
		if (!rc)
			rc = k < n ? html_esc(o, vals[k]) : html_esc_n(o, open, (size_t)(close - open + 1));
		t = close + 1;
	}
	return rc;
}

static const char *const st_word[IST_COUNT] = {"html-not-applicable", "html-pass", "html-unknown",
					       "html-warn", "html-fail"};
static const char *const st_mark[IST_COUNT] = {"–", "✓", "?", "!", "✗"};
static const char *const st_class[IST_COUNT] = {"na", "pass", "unknown", "warn", "fail"};

/* "<span class="st st-fail">✗ fail</span>" */
static int html_status(struct report_run *run, enum item_status st)
{
	return sb_printf(run->out, "<span class=\"st st-%s\"><span aria-hidden=\"true\">%s</span> %s</span>",
			 st_class[st], st_mark[st], hw(run, st_word[st]));
}

/* The style sheet. Colours: text on white, each at least 4.5:1 (fail
 * #a4161a 7.1, warn #7a4b00 7.6, pass #1b5e20 7.9, unknown #0b4f8a 8.2,
 * n/a #4a4a4a 8.9); the pale backgrounds keep them above 4.5:1. */
static const char html_css[] =
	"*{box-sizing:border-box}"
	"body{font-family:\"Noto Sans CJK JP\",\"Hiragino Sans\",\"Yu Gothic\",\"Meiryo\",sans-serif;"
	"color:#1a1a1a;background:#fff;margin:0 auto;max-width:60rem;padding:1.5rem;line-height:1.55}"
	"h1{font-size:1.6rem;border-bottom:3px solid #1a1a1a;padding-bottom:.3rem}"
	"h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #888}"
	"h3{font-size:1.1rem;margin-top:1.4rem}"
	"table{border-collapse:collapse;width:100%;margin:.6rem 0}"
	"th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}"
	"thead th{background:#eee}"
	"code,pre{font-family:\"Noto Sans Mono CJK JP\",monospace;font-size:.9rem}"
	"pre{background:#f4f4f4;border:1px solid #767676;padding:.6rem;white-space:pre-wrap;"
	"overflow-wrap:anywhere}"
	".path{overflow-wrap:anywhere}"
	".checklist td{width:13%}"
	".st{white-space:nowrap;font-weight:bold}"
	".st-fail{color:#a4161a}.st-warn{color:#7a4b00}.st-pass{color:#1b5e20}"
	".st-unknown{color:#0b4f8a}.st-na{color:#4a4a4a;font-weight:normal}"
	"td.st-fail{background:#fdecec}td.st-warn{background:#fff4dc}td.st-pass{background:#eaf5ea}"
	"td.st-unknown{background:#e9f1fb}"
	".finding{border:1px solid #767676;border-left:6px solid #4a4a4a;padding:.4rem .8rem;margin:.8rem 0;"
	"break-inside:avoid}"
	".sev-critical,.sev-high{border-left-color:#a4161a}.sev-medium{border-left-color:#7a4b00}"
	".sev-low,.sev-info{border-left-color:#0b4f8a}"
	".finding h4{margin:.2rem 0;font-size:1rem}"
	".finding dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.4rem 0}"
	".finding dt{font-weight:bold}.finding dd{margin:0;overflow-wrap:anywhere}"
	".verdict{font-size:1.1rem;font-weight:bold;padding:.4rem .6rem;border:2px solid #1a1a1a}"
	".warning{border:2px solid #a4161a;padding:.5rem;color:#a4161a}"
	"figure{margin:.8rem 0}figcaption{font-weight:bold}"
	"svg{max-width:100%;height:auto}"
	"svg text{font-family:inherit;font-size:13px;fill:#1a1a1a}"
	"@page{size:A4;margin:15mm}"
	"@media print{body{max-width:none;padding:0;font-size:10.5pt}"
	"section.device{break-before:page}"
	"a{color:inherit;text-decoration:none}"
	"pre,.finding,figure,tr{break-inside:avoid}}";

static int html_begin(struct report_run *run)
{
	struct strbuf *o = run->out;
	char today[16], asof[16] = "?", days[16], n[24], errors[24];
	date_format(run->ctx->today, today, sizeof(today));
	if (run->ctx->reg->data_as_of >= 0)
		date_format(run->ctx->reg->data_as_of, asof, sizeof(asof));
	snprintf(days, sizeof(days), "%d", RULES_STALE_DAYS);
	snprintf(n, sizeof(n), "%zu", run->ninputs);
	snprintf(errors, sizeof(errors), "%u", report_error_count(run));
	int rc = sb_printf(o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
			      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			      "<meta name=\"generator\" content=\"edgelint %s\">\n<title>",
			   run->ctx->lang == LANG_JA ? "ja" : "en", EDGELINT_VERSION);
	if (!rc)
		rc = html_esc(o, hw(run, "html-title"));
	if (!rc)
		rc = sb_printf(o, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>", html_css);
	if (!rc)
		rc = html_esc(o, hw(run, "html-title"));
	if (!rc)
		rc = sb_adds(o, "</h1>\n<p>");
	static const char *const dk[] = {"today", "version", "as_of", "days", "n", "errors"};
	const char *dv[] = {today, EDGELINT_VERSION, asof, days, n, errors};
	if (!rc)
		rc = html_fill(o, hw(run, "html-checked-on"), dk, dv, 6);
	if (!rc)
		rc = sb_adds(o, " ");
	if (!rc)
		rc = html_fill(o, hw(run, "html-inputs"), dk, dv, 6);
	if (!rc)
		rc = sb_adds(o, "</p>\n");
	if (!rc && run->stale) {
		rc = sb_adds(o, "<p class=\"warning\" role=\"note\">");
		if (!rc)
			rc = html_fill(o, hw(run, "html-stale"), dk, dv, 6);
		if (!rc)
			rc = sb_adds(o, "</p>\n");
	}
	return rc;
}

/* The device's name: path, kind, vendor model, firmware (all scrubbed). */
static int html_device_name(struct report_run *run, const struct input *in, bool with_kind)
{
	struct strbuf *o = run->out;
	struct input *mi = (struct input *)in;   /* finding_scrub_dup allocates in its arena */
	int rc = sb_adds(o, "<span class=\"path\">");
	if (!rc)
		rc = html_esc(o, input_display_path(in));
	if (!rc)
		rc = sb_adds(o, "</span>");
	if (!rc && with_kind) {
		rc = sb_adds(o, " — ");
		if (!rc)
			rc = html_esc(o, in->kind ? (run->ctx->lang == LANG_JA ? in->kind->label_ja
										 : in->kind->label)
						  : hw(run, "html-kind-unknown"));
	}
	const struct device *d = &in->dev;
	if (!rc && in->has_device && (d->vendor_display || d->model.s)) {
		rc = sb_adds(o, run->ctx->lang == LANG_JA ? "：" : ": ");
		if (!rc && d->vendor_display)
			rc = html_esc(o, finding_scrub_dup(mi, d->vendor_display));
		if (!rc && d->vendor_display && d->model.s)
			rc = sb_adds(o, " ");
		if (!rc && d->model.s)
			rc = html_val(o, in, d->model.s);
	}
	return rc;
}

/* The cover: one row per input with its verdict in words. */
static int html_cover(struct report_run *run)
{
	struct strbuf *o = run->out;
	int rc = sb_adds(o, "<h2 id=\"verdicts\">");
	if (!rc)
		rc = html_esc(o, hw(run, "html-verdicts"));
	if (!rc)
		rc = sb_adds(o, "</h2>\n<table>\n<thead><tr><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, hw(run, "html-device"));
	if (!rc)
		rc = sb_adds(o, "</th><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, hw(run, "verdict"));
	if (!rc)
		rc = sb_adds(o, "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; !rc && i < run->ninputs; i++) {
		struct input *in = &run->inputs[i];
		struct report_verdict v;
		report_verdict(run->ctx->reg, in, &v);
		rc = sb_printf(o, "<tr><th scope=\"row\"><a href=\"#dev-%zu\">", i + 1);
		if (!rc)
			rc = html_device_name(run, in, true);
		if (!rc)
			rc = sb_printf(o, "</a></th><td class=\"verdict-%s\">", verdict_name(v.v));
		if (!rc)
			rc = html_esc(o, report_verdict_text(&v, run->ctx->lang));
		if (!rc)
			rc = sb_adds(o, "</td></tr>\n");
	}
	return rc ? rc : sb_adds(o, "</tbody>\n</table>\n");
}

/* The checklist table: one row per input, one column per item. */
static int html_checklist(struct report_run *run)
{
	struct strbuf *o = run->out;
	enum lang l = run->ctx->lang;
	int rc = sb_adds(o, "<h2 id=\"checklist\">");
	if (!rc)
		rc = html_esc(o, hw(run, "html-checklist"));
	if (!rc)
		rc = sb_adds(o, "</h2>\n<p>");
	if (!rc)
		rc = html_esc(o, hw(run, "html-legend"));
	if (!rc)
		rc = sb_adds(o, "</p>\n<table class=\"checklist\">\n<thead><tr><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, hw(run, "html-device"));
	if (!rc)
		rc = sb_adds(o, "</th>");
	for (int it = 0; !rc && it < ITEM_COUNT; it++) {
		rc = sb_printf(o, "<th scope=\"col\">%s<br>", item_name(it));
		if (!rc)
			rc = html_esc(o, ltext_get(&run->ctx->reg->items[it].title, l));
		if (!rc)
			rc = sb_adds(o, "</th>");
	}
	if (!rc)
		rc = sb_adds(o, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; !rc && i < run->ninputs; i++) {
		struct input *in = &run->inputs[i];
		rc = sb_printf(o, "<tr data-input=\"%zu\"><th scope=\"row\"><a href=\"#dev-%zu\">", i + 1,
			       i + 1);
		if (!rc)
			rc = html_device_name(run, in, false);
		if (!rc)
			rc = sb_adds(o, "</a></th>");
		for (int it = 0; !rc && it < ITEM_COUNT; it++) {
			enum item_status st = in->items[it];
			rc = sb_printf(o, "<td class=\"st-%s\" data-item=\"%s\" data-status=\"%s\">",
				       st_class[st], item_name(it), item_status_name(st));
			if (!rc)
				rc = html_status(run, st);
			if (!rc)
				rc = sb_adds(o, "</td>");
		}
		if (!rc)
			rc = sb_adds(o, "</tr>\n");
	}
	return rc ? rc : sb_adds(o, "</tbody>\n</table>\n</header>\n");
}

/* ---- pictures -------------------------------------------------------------- */

static const char *const sev_fill[SEV_COUNT] = {"#4a4a4a", "#0b4f8a", "#7a4b00", "#a4161a",
						"#6b0f12"};

/* Open findings per severity as a bar chart: label, bar, count. */
static int html_svg_severity(struct report_run *run, const struct input *in)
{
	struct strbuf *o = run->out;
	unsigned n[SEV_COUNT] = {0}, max = 0;
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		if (f->status == FST_FAIL || f->status == FST_WARN || f->status == FST_UNKNOWN)
			n[f->severity]++;
	}
	for (int s = 0; s < SEV_COUNT; s++)
		if (n[s] > max)
			max = n[s];
	int rc = sb_adds(o, "<figure class=\"severity\"><figcaption>");
	if (!rc)
		rc = html_esc(o, hw(run, "html-severity-counts"));
	if (!rc)
		rc = sb_printf(o, "</figcaption>\n<svg role=\"img\" viewBox=\"0 0 560 %d\" width=\"560\" "
				  "height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\"><title>",
			       SEV_COUNT * 24 + 4, SEV_COUNT * 24 + 4);
	if (!rc)
		rc = html_esc(o, hw(run, "html-severity-counts"));
	if (!rc)
		rc = sb_adds(o, "</title>");
	for (int k = 0; !rc && k < SEV_COUNT; k++) {
		int s = SEV_COUNT - 1 - k;   /* critical first */
		int y = k * 24 + 4;
		unsigned w = max ? (unsigned)(360.0 * n[s] / max) : 0;
		rc = sb_printf(o, "<text x=\"0\" y=\"%d\">", y + 14);
		if (!rc)
			rc = html_esc(o, severity_label((enum severity)s, run->ctx->lang));
		if (!rc)
			rc = sb_printf(o, "</text><rect x=\"130\" y=\"%d\" width=\"%u\" height=\"18\" "
					  "fill=\"%s\"/><text x=\"%u\" y=\"%d\" data-severity=\"%s\">%u</text>",
				       y, w, sev_fill[s], 136 + w, y + 14,
				       severity_name((enum severity)s), n[s]);
	}
	return rc ? rc : sb_adds(o, "</svg></figure>\n");
}

/* The value of argument key of f, or NULL. */
static const char *html_arg(const struct finding *f, const char *key)
{
	for (size_t i = 0; i < f->nargs; i++)
		if (strcmp(f->arg_key[i], key) == 0)
			return f->arg_val[i];
	return NULL;
}

/* An argument in the report's language: "KEY_ja" first in Japanese. */
static const char *html_arg_l(const struct report_run *run, const struct finding *f,
			      const char *key)
{
	if (run->ctx->lang == LANG_JA) {
		char k[64];
		snprintf(k, sizeof(k), "%s_ja", key);
		const char *v = html_arg(f, k);
		if (v && *v)
			return v;
	}
	return html_arg(f, key);
}

#define HTML_BOX_CHARS 34   /* characters of a value shown in a diagram box */
#define HTML_REACH_ROWS 40  /* rows of the exposure diagram */

/* A value in a diagram box: scrubbed, cut at HTML_BOX_CHARS characters
 * (on a UTF-8 boundary, "…" after), escaped. */
static int html_box_text(struct strbuf *o, const struct input *in, const char *s)
{
	struct strbuf t;
	sb_init(&t, 1u << 16);
	int rc = finding_scrub(in, s, strlen(s), &t);
	size_t cut = 0, chars = 0;
	const char *b = t.buf ? t.buf : "";
	while (cut < t.len && chars < HTML_BOX_CHARS) {
		cut++;
		while (cut < t.len && ((unsigned char)b[cut] & 0xC0) == 0x80)
			cut++;
		chars++;
	}
	if (!rc)
		rc = html_esc_n(o, b, cut);
	if (!rc && cut < t.len)
		rc = sb_adds(o, "…");
	sb_free(&t);
	return rc;
}

/* One box of the diagram with its text. */
static int html_box(struct strbuf *o, int x, int y, int w, const char *cls)
{
	return sb_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"30\" rx=\"4\" class=\"%s\" "
			    "fill=\"#fff\" stroke=\"#1a1a1a\"/><text x=\"%d\" y=\"%d\">",
			 x, y, w, cls, x + 6, y + 20);
}

/* What a finding says the internet reaches, as the checks worded it:
 * office devices (interface, service, host, sources) or home routers
 * (what, to, from). Other findings reach nothing. */
static bool html_reach(const struct finding *f)
{
	if (f->status == FST_EXCEPTED)
		return false;
	return (html_arg(f, "interface") && html_arg(f, "service") && html_arg(f, "host")) ||
	       (html_arg(f, "what") && html_arg(f, "to") && html_arg(f, "from"));
}

/* The exposure diagram of a router: one row per reach finding,
 * internet (sources) → interface → NAT → host: service, each row with its
 * mark and status word as well as its colour. */
static int html_svg_exposure(struct report_run *run, const struct input *in)
{
	struct strbuf *o = run->out;
	size_t rows = 0;
	for (size_t i = 0; i < in->nfindings; i++)
		rows += html_reach(&in->findings[i]);
	if (!rows)
		return 0;
	size_t shown = rows < HTML_REACH_ROWS ? rows : HTML_REACH_ROWS;
	size_t ix = ((const struct html_state *)run->state)->index;   /* ids unique per section */
	int h = (int)shown * 40 + 8;
	int rc = sb_adds(o, "<figure class=\"exposure\"><figcaption>");
	if (!rc)
		rc = html_esc(o, hw(run, "html-exposure"));
	if (!rc)
		rc = sb_printf(o, "</figcaption>\n<svg role=\"img\" viewBox=\"0 0 940 %d\" width=\"940\" "
				  "height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\"><title>",
			       h, h);
	if (!rc)
		rc = html_esc(o, hw(run, "html-exposure"));
	if (!rc)
		rc = sb_printf(o, "</title><defs><marker id=\"arr-%zu\" viewBox=\"0 0 10 10\" refX=\"10\" "
				"refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path "
				"d=\"M0,0L10,5L0,10z\" fill=\"#1a1a1a\"/></marker></defs>",
			       ix);
	size_t row = 0;
	for (size_t i = 0; !rc && i < in->nfindings && row < shown; i++) {
		const struct finding *f = &in->findings[i];
		if (!html_reach(f))
			continue;
		int y = (int)row * 40 + 4;
		row++;
		bool office = html_arg(f, "interface") != NULL;
		const char *src = office ? html_arg_l(run, f, "sources") : html_arg_l(run, f, "from");
		const char *iface = office ? html_arg(f, "interface") : NULL;
		const char *host = office ? html_arg(f, "host") : html_arg_l(run, f, "to");
		const char *svc = office ? html_arg_l(run, f, "service") : html_arg_l(run, f, "what");
		bool nat = host && *host;
		enum item_status st = f->status == FST_FAIL ? IST_FAIL
				      : f->status == FST_WARN ? IST_WARN
				      : f->status == FST_UNKNOWN ? IST_UNKNOWN
								  : IST_PASS;
		/* internet (sources) */
		rc = html_box(o, 2, y, 200, "inet");
		if (!rc)
			rc = html_esc(o, hw(run, "html-internet"));
		if (!rc && src && *src) {
			rc = sb_adds(o, ": ");
			if (!rc)
				rc = html_box_text(o, in, src);
		}
		if (!rc)
			rc = sb_adds(o, "</text>");
		/* interface */
		if (!rc)
			rc = html_box(o, 226, y, 190, "iface");
		if (!rc)
			rc = iface ? html_box_text(o, in, iface) : html_esc(o, hw(run, "html-device"));
		if (!rc)
			rc = sb_printf(o, "</text><line x1=\"202\" x2=\"224\" y1=\"%d\" y2=\"%d\" "
					  "stroke=\"#1a1a1a\" marker-end=\"url(#arr-%zu)\"/>",
				       y + 15, y + 15, ix);
		/* NAT, when the packet goes on to an inside host */
		if (!rc && nat)
			rc = sb_printf(o, "<rect x=\"440\" y=\"%d\" width=\"50\" height=\"30\" rx=\"15\" "
					  "fill=\"#fff\" stroke=\"#1a1a1a\"/><text x=\"452\" y=\"%d\">NAT</text>"
					  "<line x1=\"416\" x2=\"438\" y1=\"%d\" y2=\"%d\" stroke=\"#1a1a1a\" "
					  "marker-end=\"url(#arr-%zu)\"/>",
				       y, y + 20, y + 15, y + 15, ix);
		/* host: service */
		if (!rc)
			rc = sb_printf(o, "<line x1=\"%d\" x2=\"512\" y1=\"%d\" y2=\"%d\" stroke=\"#1a1a1a\" "
					  "marker-end=\"url(#arr-%zu)\"/>",
				       nat ? 490 : 416, y + 15, y + 15, ix);
		if (!rc)
			rc = sb_printf(o, "<rect x=\"514\" y=\"%d\" width=\"320\" height=\"30\" rx=\"4\" "
					  "fill=\"#fff\" stroke=\"%s\" stroke-width=\"%d\"/><text x=\"520\" y=\"%d\">",
				       y, sev_fill[st == IST_PASS ? SEV_INFO : SEV_HIGH],
				       st == IST_PASS ? 1 : 3, y + 20);
		if (!rc)
			rc = nat ? html_box_text(o, in, host) : html_esc(o, hw(run, "html-device-itself"));
		if (!rc && svc && *svc) {
			rc = sb_adds(o, " · ");
			if (!rc)
				rc = html_box_text(o, in, svc);
		}
		if (!rc)
			rc = sb_printf(o, "</text><text x=\"842\" y=\"%d\" class=\"st-%s\" data-rule=\"%s\" "
					  "font-weight=\"bold\">%s ",
				       y + 20, st_class[st], f->rule->id, st_mark[st]);
		if (!rc)
			rc = html_esc(o, hw(run, st_word[st]));
		if (!rc)
			rc = sb_adds(o, "</text>");
	}
	return rc ? rc : sb_adds(o, "</svg></figure>\n");
}

/* "83.2%" of part in whole, "—" for none. */
static void html_share(uint64_t part, uint64_t whole, char *buf, size_t n)
{
	if (!whole)
		snprintf(buf, n, "—");
	else
		snprintf(buf, n, "%.1f%%", 100.0 * (double)part / (double)whole);
}

#define HTML_CLIENTS_SHOWN 20
#define HTML_ROWS_SHOWN 50   /* rows of the logins and hosts tables */

/* A table head: the words of ids[], each a column. */
static int html_thead(struct report_run *run, const char *cls, const char *const *ids, size_t n)
{
	int rc = sb_printf(run->out, "<table class=\"%s\">\n<thead><tr>", cls);
	for (size_t i = 0; !rc && i < n; i++) {
		rc = sb_adds(run->out, "<th scope=\"col\">");
		if (!rc)
			rc = html_esc(run->out, hw(run, ids[i]));
		if (!rc)
			rc = sb_adds(run->out, "</th>");
	}
	return rc ? rc : sb_adds(run->out, "</tr></thead>\n<tbody>\n");
}

/* The cleartext logins: protocol, client, server, user, packet (never
 * the secret), at most HTML_ROWS_SHOWN. */
static int html_creds(struct report_run *run, const struct input *in)
{
	const struct traffic *t = in->traffic;
	struct strbuf *o = run->out;
	static const char *const cols[] = {"html-protocol", "html-client", "html-server",
					   "accounts", "html-packet-col"};
	int rc = sb_adds(o, "<h4>");
	if (!rc)
		rc = html_esc(o, hw(run, "html-logins"));
	if (!rc)
		rc = sb_printf(o, " (%llu)</h4>\n", (unsigned long long)t->creds_total);
	if (!rc)
		rc = html_thead(run, "creds", cols, 5);
	for (size_t i = 0; !rc && i < t->ncreds && i < HTML_ROWS_SHOWN; i++) {
		const struct traffic_cred *c = &t->creds[i];
		rc = sb_adds(o, "<tr><td>");
		if (!rc)
			rc = html_esc(o, registry_proto_label(run->ctx->reg, c->protocol, run->ctx->lang));
		if (!rc)
			rc = sb_adds(o, "</td><td>");
		if (!rc)
			rc = html_val(o, in, c->client);
		if (!rc)
			rc = sb_adds(o, "</td><td>");
		if (!rc)
			rc = html_val(o, in, c->server);
		if (!rc)
			rc = sb_adds(o, "</td><td>");
		if (!rc)
			rc = c->user ? html_val(o, in, c->user) : sb_adds(o, "—");
		if (!rc)
			rc = sb_printf(o, "</td><td>%llu</td></tr>\n", (unsigned long long)c->packet);
	}
	return rc ? rc : sb_adds(o, "</tbody>\n</table>\n");
}

/* The hosts most flows went to: name, how it was named, flows. */
static int html_hosts(struct report_run *run, const struct input *in)
{
	const struct traffic *t = in->traffic;
	struct strbuf *o = run->out;
	static const char *const cols[] = {"html-host", "html-via", "html-flows"};
	int rc = sb_adds(o, "<h4>");
	if (!rc)
		rc = html_esc(o, hw(run, "html-hosts"));
	if (!rc)
		rc = sb_adds(o, "</h4>\n");
	if (!rc)
		rc = html_thead(run, "hosts", cols, 3);
	for (size_t i = 0; !rc && i < t->nhosts && i < HTML_ROWS_SHOWN; i++) {
		rc = sb_adds(o, "<tr><td>");
		if (!rc)
			rc = html_val(o, in, t->hosts[i].name);
		if (!rc)
			rc = sb_adds(o, "</td><td>");
		if (!rc)
			rc = html_esc(o, t->hosts[i].via);
		if (!rc)
			rc = sb_printf(o, "</td><td>%llu</td></tr>\n", (unsigned long long)t->hosts[i].flows);
	}
	return rc ? rc : sb_adds(o, "</tbody>\n</table>\n");
}

/* A capture: totals, the HTTPS share as a bar, cleartext logins per client. */
static int html_traffic(struct report_run *run, const struct input *in)
{
	const struct traffic *t = in->traffic;
	struct strbuf *o = run->out;
	char packets[24], flows[24], share[32];
	snprintf(packets, sizeof(packets), "%llu", (unsigned long long)t->packets);
	snprintf(flows, sizeof(flows), "%llu", (unsigned long long)t->flows);
	uint64_t wb = t->https_bytes + t->http_bytes;
	html_share(t->https_bytes, wb, share, sizeof(share));
	static const char *const k[] = {"packets", "flows", "share"};
	const char *v[] = {packets, flows, share};
	int rc = sb_adds(o, "<h3>");
	if (!rc)
		rc = html_fill(o, hw(run, "html-traffic"), k, v, 3);
	if (!rc)
		rc = sb_adds(o, "</h3>\n<figure class=\"https-share\"><figcaption>");
	if (!rc)
		rc = wb ? html_fill(o, hw(run, "html-https-share"), k, v, 3)
			: html_esc(o, hw(run, "html-no-web"));
	if (!rc)
		rc = sb_adds(o, "</figcaption>\n");
	if (!rc && wb) {
		unsigned w = (unsigned)(500.0 * (double)t->https_bytes / (double)wb);
		rc = sb_printf(o, "<svg role=\"img\" viewBox=\"0 0 620 30\" width=\"620\" height=\"30\" "
				  "xmlns=\"http://www.w3.org/2000/svg\"><title>HTTPS %s</title>"
				  "<rect x=\"0\" y=\"2\" width=\"500\" height=\"24\" fill=\"#fff\" "
				  "stroke=\"#1a1a1a\"/><rect x=\"0\" y=\"2\" width=\"%u\" height=\"24\" "
				  "fill=\"#1b5e20\"/><text x=\"510\" y=\"19\" data-https-share=\"%s\">HTTPS %s"
				  "</text></svg>",
			       share, w, share, share);
	}
	if (!rc)
		rc = sb_adds(o, "</figure>\n<figure class=\"logins\"><figcaption>");
	if (!rc)
		rc = html_esc(o, hw(run, "html-logins-per-client"));
	if (!rc)
		rc = sb_adds(o, "</figcaption>\n");
	size_t nl = 0;
	uint64_t max = 0;
	for (size_t i = 0; i < t->nclients && nl < HTML_CLIENTS_SHOWN; i++)
		if (t->clients[i].logins) {
			nl++;
			if (t->clients[i].logins > max)
				max = t->clients[i].logins;
		}
	if (!rc && !nl) {
		rc = sb_adds(o, "<p>");
		if (!rc)
			rc = html_esc(o, hw(run, "html-no-logins"));
		if (!rc)
			rc = sb_adds(o, "</p>");
	}
	if (!rc && nl) {
		int h = (int)nl * 24 + 4;
		rc = sb_printf(o, "<svg role=\"img\" viewBox=\"0 0 620 %d\" width=\"620\" height=\"%d\" "
				  "xmlns=\"http://www.w3.org/2000/svg\"><title>",
			       h, h);
		if (!rc)
			rc = html_esc(o, hw(run, "html-logins-per-client"));
		if (!rc)
			rc = sb_adds(o, "</title>");
		size_t row = 0;
		for (size_t i = 0; !rc && i < t->nclients && row < nl; i++) {
			const struct traffic_client *c = &t->clients[i];
			if (!c->logins)
				continue;
			int y = (int)row++ * 24 + 4;
			unsigned w = (unsigned)(300.0 * (double)c->logins / (double)max);
			rc = sb_printf(o, "<text x=\"0\" y=\"%d\">", y + 14);
			if (!rc)
				rc = html_box_text(o, in, c->addr);
			if (!rc)
				rc = sb_printf(o, "</text><rect x=\"260\" y=\"%d\" width=\"%u\" height=\"18\" "
						  "fill=\"#a4161a\"/><text x=\"%u\" y=\"%d\" "
						  "data-logins=\"%llu\">✗ %llu</text>",
					       y, w, 266 + w, y + 14, (unsigned long long)c->logins,
					       (unsigned long long)c->logins);
		}
		if (!rc)
			rc = sb_adds(o, "</svg>");
	}
	if (!rc)
		rc = sb_adds(o, "</figure>\n");
	if (!rc && t->ncreds)
		rc = html_creds(run, in);
	if (!rc && t->nhosts)
		rc = html_hosts(run, in);
	return rc;
}

/* ---- per input ------------------------------------------------------------- */

/* The reason an item was not (fully) checked, or nothing. */
static int html_item_reason(struct report_run *run, struct input *in, int it)
{
	enum item_status st = in->items[it];
	enum lang l = run->ctx->lang;
	struct strbuf what;
	sb_init(&what, 1u << 16);
	int rc = 0;
	if (st == IST_NA || st == IST_UNKNOWN) {
		const char *note = in->item_note[it] ? registry_note(run->ctx->reg, in->item_note[it], l)
						     : NULL;
		if (note)
			rc = sb_adds(&what, note);
	}
	if (!rc && st != IST_NA && st != IST_PASS) {
		size_t before = what.len;
		struct strbuf more;
		sb_init(&more, 1u << 16);
		rc = report_unchecked_text(run->ctx->reg, in, it, l, &more);
		/* The note is its first part when the status is unknown. */
		const char *m = more.buf ? more.buf : "";
		if (!rc && more.len && (!before || strncmp(m, what.buf, before) != 0)) {
			if (before)
				rc = sb_adds(&what, l == LANG_JA ? "、" : "; ");
			if (!rc && st != IST_UNKNOWN)
				rc = sb_printf(&what, "%s: ", hw(run, "not-checked"));
			if (!rc)
				rc = sb_add(&what, m, more.len);
		} else if (!rc && more.len > before) {
			rc = sb_add(&what, m + before, more.len - before);
		}
		sb_free(&more);
	}
	if (!rc && what.len)
		rc = html_esc_n(run->out, what.buf, what.len);
	sb_free(&what);
	return rc;
}

static int html_input(struct report_run *run, struct input *in)
{
	struct html_state *s = run->state;
	struct strbuf *o = run->out;
	enum lang l = run->ctx->lang;
	if (s->index == 0) {   /* the first input: the cover and the checklist first */
		int rc = html_cover(run);
		if (!rc)
			rc = html_checklist(run);
		if (!rc)
			rc = sb_adds(o, "<main>\n");
		if (rc)
			return rc;
	}
	s->index++;
	s->nfindings = 0;
	struct report_verdict v;
	report_verdict(run->ctx->reg, in, &v);
	int rc = sb_printf(o, "<section class=\"device\" id=\"dev-%zu\" aria-labelledby=\"dev-%zu-h\" "
			      "data-path=\"",
			   s->index, s->index);
	if (!rc)
		rc = html_esc(o, input_display_path(in));
	if (!rc)
		rc = sb_printf(o, "\">\n<h2 id=\"dev-%zu-h\">", s->index);
	if (!rc)
		rc = html_device_name(run, in, true);
	if (!rc)
		rc = sb_adds(o, "</h2>\n<p>");
	const struct device *d = &in->dev;
	if (!rc && in->has_device && d->firmware.s) {
		rc = html_esc(o, hw(run, "html-firmware"));
		if (!rc)
			rc = sb_adds(o, l == LANG_JA ? "：" : ": ");
		if (!rc)
			rc = html_val(o, in, d->firmware.s);
		if (!rc)
			rc = sb_adds(o, in->has_coverage ? (l == LANG_JA ? "。" : ". ") : "");
	}
	if (!rc && in->has_coverage) {
		char lines[16], und[16];
		snprintf(lines, sizeof(lines), "%u", in->lines_total);
		snprintf(und, sizeof(und), "%u", in->lines_understood);
		static const char *const k[] = {"lines", "understood"};
		const char *vv[] = {lines, und};
		rc = html_fill(o, hw(run, "html-coverage"), k, vv, 2);
	}
	if (!rc)
		rc = sb_printf(o, "</p>\n<p class=\"verdict\" data-verdict=\"%s\">", verdict_name(v.v));
	if (!rc)
		rc = html_esc(o, hw(run, "verdict"));
	if (!rc)
		rc = sb_adds(o, l == LANG_JA ? "：" : ": ");
	if (!rc)
		rc = html_esc(o, report_verdict_text(&v, l));
	if (!rc)
		rc = sb_adds(o, "</p>\n");
	if (!rc && in->error) {
		rc = sb_adds(o, "<p class=\"warning\" role=\"alert\">");
		if (!rc)
			rc = html_esc(o, hw(run, "html-error"));
		if (!rc)
			rc = sb_adds(o, l == LANG_JA ? "：" : ": ");
		if (!rc)
			rc = html_val(o, in, input_error_text(in, l == LANG_JA));
		if (!rc)
			rc = sb_adds(o, "</p>\n");
	}
	/* The items. */
	if (!rc)
		rc = sb_adds(o, "<table class=\"items\">\n<thead><tr><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, hw(run, "html-item"));
	if (!rc)
		rc = sb_adds(o, "</th><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, hw(run, "html-status"));
	if (!rc)
		rc = sb_adds(o, "</th><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, hw(run, "html-reason"));
	if (!rc)
		rc = sb_adds(o, "</th></tr></thead>\n<tbody>\n");
	for (int it = 0; !rc && it < ITEM_COUNT; it++) {
		enum item_status st = in->items[it];
		rc = sb_printf(o, "<tr><th scope=\"row\">%s ", item_name(it));
		if (!rc)
			rc = html_esc(o, ltext_get(&run->ctx->reg->items[it].title, l));
		if (!rc)
			rc = sb_printf(o, "</th><td class=\"st-%s\" data-item=\"%s\" data-status=\"%s\">",
				       st_class[st], item_name(it), item_status_name(st));
		if (!rc)
			rc = html_status(run, st);
		if (!rc)
			rc = sb_adds(o, "</td><td>");
		if (!rc)
			rc = html_item_reason(run, in, it);
		if (!rc)
			rc = sb_adds(o, "</td></tr>\n");
	}
	if (!rc)
		rc = sb_adds(o, "</tbody>\n</table>\n");
	if (!rc && in->nfindings)
		rc = html_svg_severity(run, in);
	if (!rc)
		rc = html_svg_exposure(run, in);
	if (!rc && in->traffic)
		rc = html_traffic(run, in);
	if (!rc)
		rc = sb_adds(o, "<h3>");
	if (!rc)
		rc = html_esc(o, hw(run, "html-findings"));
	if (!rc)
		rc = sb_adds(o, "</h3>\n");
	return rc;
}

/* Where an occurrence is: "wireless:24", "line 24", "packet 10". */
static int html_where(struct report_run *run, const struct input *in, const struct finding *f)
{
	unsigned line = f->line;
	const char *file = f->line && !f->is_packet ? input_locate(in, f->line, &line) : NULL;
	char n[16];
	snprintf(n, sizeof(n), "%u", line);
	static const char *const k[] = {"n"};
	const char *v[] = {n};
	if (file) {
		int rc = html_esc(run->out, file);
		return rc ? rc : sb_printf(run->out, ":%u", line);
	}
	if (!f->line)
		return html_esc(run->out, input_display_path(in));
	return html_fill(run->out, hw(run, f->is_packet ? "html-packet" : "html-line"), k, v, 1);
}

static int html_finding(struct report_run *run, struct input *in, const struct fgroup *g)
{
	struct html_state *s = run->state;
	struct strbuf *o = run->out;
	enum lang l = run->ctx->lang;
	const struct finding *f = g->f[0];
	s->nfindings++;
	int rc = sb_printf(o, "<article class=\"finding sev-%s\" data-rule=\"%s\" data-status=\"%s\" "
			      "data-severity=\"%s\"",
			   severity_name(f->severity), f->rule->id, fstatus_name(f->status),
			   severity_name(f->severity));
	if (!rc && f->item >= 0)
		rc = sb_printf(o, " data-item=\"%s\"", item_name(f->item));
	if (!rc && f->line)
		rc = sb_printf(o, " data-%s=\"%u\"", f->is_packet ? "packet" : "line", f->line);
	if (!rc)
		rc = sb_adds(o, ">\n<h4>");
	if (!rc && f->status == FST_EXCEPTED) {
		rc = sb_adds(o, "[");
		if (!rc)
			rc = html_esc(o, hw(run, "html-excepted"));
		if (!rc)
			rc = sb_adds(o, "] ");
	}
	if (!rc)
		rc = html_esc(o, severity_label(f->severity, l));
	if (!rc)
		rc = sb_printf(o, " · %s %s", f->rule->id, f->rule->name);
	if (!rc && f->item >= 0)
		rc = sb_printf(o, " · %s", item_name(f->item));
	if (!rc)
		rc = sb_adds(o, "</h4>\n<p class=\"message\">");
	struct strbuf t;
	sb_init(&t, 1u << 24);
	if (!rc)
		rc = finding_message(in, f, l, &t);
	if (!rc)
		rc = html_esc_n(o, t.buf ? t.buf : "", t.len);
	if (!rc)
		rc = sb_adds(o, "</p>\n<dl>\n<dt>");
	if (!rc)
		rc = html_esc(o, hw(run, "html-where"));
	if (!rc)
		rc = sb_adds(o, "</dt><dd>");
	if (!rc)
		rc = html_where(run, in, f);
	if (!rc && g->n > 1) {
		rc = sb_printf(o, l == LANG_JA ? "（%s %zu" : " (%s: %zu", hw(run, "occurrences"), g->n);
		if (!rc && g->f[g->n - 1]->line && g->f[g->n - 1]->line != f->line) {
			rc = sb_printf(o, l == LANG_JA ? "、%s " : ", %s: ", hw(run, "last"));
			if (!rc)
				rc = html_where(run, in, g->f[g->n - 1]);
		}
		if (!rc)
			rc = sb_adds(o, l == LANG_JA ? "）" : ")");
	}
	if (!rc)
		rc = sb_adds(o, "</dd>\n");
	if (!rc && f->evidence) {
		rc = sb_adds(o, "<dt>");
		if (!rc)
			rc = html_esc(o, hw(run, "html-evidence"));
		if (!rc)
			rc = sb_adds(o, "</dt><dd><code>");
		sb_reset(&t);
		if (!rc)
			rc = finding_evidence_l(in, f, l, &t);
		if (!rc)
			rc = html_esc_n(o, t.buf ? t.buf : "", t.len);
		if (!rc)
			rc = sb_adds(o, "</code></dd>\n");
	}
	const char **acc = NULL;
	size_t nacc = 0;
	if (!rc)
		rc = report_group_accounts(run->ctx->reg, g, &acc, &nacc);
	if (!rc && nacc) {
		rc = sb_adds(o, "<dt>");
		if (!rc)
			rc = html_esc(o, hw(run, "accounts"));
		if (!rc)
			rc = sb_adds(o, "</dt><dd>");
		for (size_t i = 0; !rc && i < nacc; i++) {
			if (i)
				rc = sb_adds(o, l == LANG_JA ? "、" : ", ");
			if (!rc)
				rc = html_val(o, in, acc[i]);
		}
		if (!rc)
			rc = sb_adds(o, "</dd>\n");
	}
	free(acc);
	if (!rc && f->status == FST_EXCEPTED) {
		rc = sb_adds(o, "<dt>");
		if (!rc)
			rc = html_esc(o, hw(run, "html-excepted"));
		if (!rc)
			rc = sb_adds(o, "</dt><dd>");
		if (!rc)
			rc = html_val(o, in, f->except_reason ? f->except_reason : "");
		if (!rc)
			rc = sb_adds(o, "</dd>\n");
	}
	if (!rc) {
		rc = sb_adds(o, "<dt>");
		if (!rc)
			rc = html_esc(o, hw(run, "html-fix"));
		if (!rc)
			rc = sb_adds(o, "</dt><dd>");
		sb_reset(&t);
		if (!rc)
			rc = finding_fix(in, f, l, &t);
		if (!rc)
			rc = html_esc_n(o, t.buf ? t.buf : "", t.len);
		if (!rc)
			rc = sb_adds(o, "</dd>\n");
	}
	sb_free(&t);
	return rc ? rc : sb_adds(o, "</dl>\n</article>\n");
}

/* After the findings: the fix block (what --format fix prints). */
static int html_input_end(struct report_run *run, struct input *in,
			  const struct report_verdict *v)
{
	(void)v;
	struct html_state *s = run->state;
	struct strbuf *o = run->out;
	int rc = 0;
	if (!s->nfindings) {
		rc = sb_adds(o, "<p>");
		if (!rc)
			rc = html_esc(o, hw(run, "html-no-findings"));
		if (!rc)
			rc = sb_adds(o, "</p>\n");
	}
	struct fix_set fs;
	struct strbuf t;
	sb_init(&t, 1u << 24);
	if (!rc && !in->error && in->nfindings) {
		rc = fix_build(in, run->ctx, &fs);
		if (!rc)
			rc = fix_render(in, &fs, run->ctx->lang, &t);
		if (!rc && fs.n) {
			rc = sb_adds(o, "<h3>");
			if (!rc)
				rc = html_esc(o, hw(run, "html-fix-block"));
			if (!rc)
				rc = sb_adds(o, "</h3>\n<pre class=\"fix\">");
			if (!rc)
				rc = html_esc_n(o, t.buf ? t.buf : "", t.len);
			if (!rc)
				rc = sb_adds(o, "</pre>\n");
		}
	}
	sb_free(&t);
	return rc ? rc : sb_adds(o, "</section>\n");
}

static int html_end(struct report_run *run)
{
	struct html_state *s = run->state;
	int rc = 0;
	if (s && s->index == 0) {   /* no input: the cover still says so */
		rc = html_cover(run);
		if (!rc)
			rc = html_checklist(run);
		if (!rc)
			rc = sb_adds(run->out, "<main>\n");
	}
	free(s);
	run->state = NULL;
	return rc ? rc : sb_adds(run->out, "</main>\n</body>\n</html>\n");
}

static int html_begin_state(struct report_run *run)
{
	run->state = calloc(1, sizeof(struct html_state));
	if (!run->state)
		return EL_ENOMEM;
	return html_begin(run);
}

const struct reporter reporter_html = {
	.name = "html",
	.begin = html_begin_state,
	.input = html_input,
	.finding = html_finding,
	.input_end = html_input_end,
	.end = html_end,
};
