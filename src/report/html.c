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
 * The pictures and a capture's tables are in html_svg.c (html.h).
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
#include "html.h"

/* A label of rules/report.yaml in the report's language. */
const char *html_word(const struct report_run *run, const char *id)
{
	return registry_word(run->ctx->reg, id, run->ctx->lang);
}

/* Appends s (n bytes) HTML-escaped: & < > " ' become references, so a
 * value is safe as text and inside a quoted attribute. */
int html_esc_n(struct strbuf *o, const char *s, size_t n)
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

int html_esc(struct strbuf *o, const char *s)
{
	return html_esc_n(o, s, strlen(s));
}

/* A value of the input: scrubbed (finding_scrub), then escaped. */
int html_val(struct strbuf *o, const struct input *in, const char *s)
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
int html_fill(struct strbuf *o, const char *tmpl, const char *const *keys,
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

const char *const html_st_word[IST_COUNT] = {"html-not-applicable", "html-pass", "html-unknown",
					       "html-warn", "html-fail"};
const char *const html_st_mark[IST_COUNT] = {"–", "✓", "?", "!", "✗"};
const char *const html_st_class[IST_COUNT] = {"na", "pass", "unknown", "warn", "fail"};

/* "<span class="st st-fail">✗ fail</span>" */
static int html_status(struct report_run *run, enum item_status st)
{
	return sb_printf(run->out, "<span class=\"st st-%s\"><span aria-hidden=\"true\">%s</span> %s</span>",
			 html_st_class[st], html_st_mark[st], html_word(run, html_st_word[st]));
}

/* The style sheet. Colours: WCAG 2 contrast ratios (relative luminance,
 * "contrast-ratio" of WCAG 2.1 §1.4.3: at least 4.5:1 for text), on white
 * and on the cell's pale background: fail #a4161a 7.75 / 6.79, warn
 * #7a4b00 7.41 / 6.78, pass #1b5e20 7.87 / 7.03, unknown #0b4f8a 8.40 /
 * 7.38, n/a #4a4a4a 8.86; body text #1a1a1a on the grey heads 15.0. */
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
		rc = html_esc(o, html_word(run, "html-title"));
	if (!rc)
		rc = sb_printf(o, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>", html_css);
	if (!rc)
		rc = html_esc(o, html_word(run, "html-title"));
	if (!rc)
		rc = sb_adds(o, "</h1>\n<p>");
	static const char *const dk[] = {"today", "version", "as_of", "days", "n", "errors"};
	const char *dv[] = {today, EDGELINT_VERSION, asof, days, n, errors};
	if (!rc)
		rc = html_fill(o, html_word(run, "html-checked-on"), dk, dv, 6);
	if (!rc)
		rc = sb_adds(o, " ");
	if (!rc)
		rc = html_fill(o, html_word(run, "html-inputs"), dk, dv, 6);
	if (!rc)
		rc = sb_adds(o, "</p>\n");
	if (!rc && run->stale) {
		rc = sb_adds(o, "<p class=\"warning\" role=\"note\">");
		if (!rc)
			rc = html_fill(o, html_word(run, "html-stale"), dk, dv, 6);
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
						  : html_word(run, "html-kind-unknown"));
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
		rc = html_esc(o, html_word(run, "html-verdicts"));
	if (!rc)
		rc = sb_adds(o, "</h2>\n<table>\n<thead><tr><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, html_word(run, "html-device"));
	if (!rc)
		rc = sb_adds(o, "</th><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, html_word(run, "verdict"));
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
		rc = html_esc(o, html_word(run, "html-checklist"));
	if (!rc)
		rc = sb_adds(o, "</h2>\n<p>");
	if (!rc)
		rc = html_esc(o, html_word(run, "html-legend"));
	if (!rc)
		rc = sb_adds(o, "</p>\n<table class=\"checklist\">\n<thead><tr><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, html_word(run, "html-device"));
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
				       html_st_class[st], item_name(it), item_status_name(st));
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
				rc = sb_printf(&what, "%s: ", html_word(run, "not-checked"));
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
		rc = html_esc(o, html_word(run, "html-firmware"));
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
		rc = html_fill(o, html_word(run, "html-coverage"), k, vv, 2);
	}
	if (!rc)
		rc = sb_printf(o, "</p>\n<p class=\"verdict\" data-verdict=\"%s\">", verdict_name(v.v));
	if (!rc)
		rc = html_esc(o, html_word(run, "verdict"));
	if (!rc)
		rc = sb_adds(o, l == LANG_JA ? "：" : ": ");
	if (!rc)
		rc = html_esc(o, report_verdict_text(&v, l));
	if (!rc)
		rc = sb_adds(o, "</p>\n");
	if (!rc && in->error) {
		rc = sb_adds(o, "<p class=\"warning\" role=\"alert\">");
		if (!rc)
			rc = html_esc(o, html_word(run, "html-error"));
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
		rc = html_esc(o, html_word(run, "html-item"));
	if (!rc)
		rc = sb_adds(o, "</th><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, html_word(run, "html-status"));
	if (!rc)
		rc = sb_adds(o, "</th><th scope=\"col\">");
	if (!rc)
		rc = html_esc(o, html_word(run, "html-reason"));
	if (!rc)
		rc = sb_adds(o, "</th></tr></thead>\n<tbody>\n");
	for (int it = 0; !rc && it < ITEM_COUNT; it++) {
		enum item_status st = in->items[it];
		rc = sb_printf(o, "<tr><th scope=\"row\">%s ", item_name(it));
		if (!rc)
			rc = html_esc(o, ltext_get(&run->ctx->reg->items[it].title, l));
		if (!rc)
			rc = sb_printf(o, "</th><td class=\"st-%s\" data-item=\"%s\" data-status=\"%s\">",
				       html_st_class[st], item_name(it), item_status_name(st));
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
		rc = html_esc(o, html_word(run, "html-findings"));
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
	return html_fill(run->out, html_word(run, f->is_packet ? "html-packet" : "html-line"), k, v, 1);
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
			rc = html_esc(o, html_word(run, "html-excepted"));
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
		rc = html_esc(o, html_word(run, "html-where"));
	if (!rc)
		rc = sb_adds(o, "</dt><dd>");
	if (!rc)
		rc = html_where(run, in, f);
	if (!rc && g->n > 1) {
		rc = sb_printf(o, l == LANG_JA ? "（%s %zu" : " (%s: %zu", html_word(run, "occurrences"), g->n);
		if (!rc && g->f[g->n - 1]->line && g->f[g->n - 1]->line != f->line) {
			rc = sb_printf(o, l == LANG_JA ? "、%s " : ", %s: ", html_word(run, "last"));
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
			rc = html_esc(o, html_word(run, "html-evidence"));
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
			rc = html_esc(o, html_word(run, "accounts"));
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
			rc = html_esc(o, html_word(run, "html-excepted"));
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
			rc = html_esc(o, html_word(run, "html-fix"));
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
			rc = html_esc(o, html_word(run, "html-no-findings"));
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
				rc = html_esc(o, html_word(run, "html-fix-block"));
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
