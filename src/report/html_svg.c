/*
 * html_svg.c — the pictures of `--format html` (html.c): inline SVG only,
 * every value of the input scrubbed and escaped (html_val), every label
 * from rules/report.yaml, and no colour without a mark or a word beside
 * it (the report is printed in black and white too):
 *  - open findings per severity, as bars with their counts;
 *  - what the internet reaches on a router, one row per finding whose
 *    arguments say so (the exposure checks' interface/service/host/sources,
 *    the home-router checks' what/to/from): internet → interface → NAT
 *    (when the packet goes on to an inside host) → host · service, marked
 *    and worded with the finding's status;
 *  - for a capture: the HTTPS share of web bytes as a bar, the cleartext
 *    logins per client as bars, and the tables of logins (never the
 *    secret) and hosts.
 */
#include "html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const sev_fill[SEV_COUNT] = {"#4a4a4a", "#0b4f8a", "#7a4b00", "#a4161a",
						"#6b0f12"};

/* Open findings per severity as a bar chart: label, bar, count. */
int html_svg_severity(struct report_run *run, const struct input *in)
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
		rc = html_esc(o, html_word(run, "html-severity-counts"));
	if (!rc)
		rc = sb_printf(o, "</figcaption>\n<svg role=\"img\" viewBox=\"0 0 560 %d\" width=\"560\" "
				  "height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\"><title>",
			       SEV_COUNT * 24 + 4, SEV_COUNT * 24 + 4);
	if (!rc)
		rc = html_esc(o, html_word(run, "html-severity-counts"));
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

/* An argument in the report's language: "KEY_ja" first in Japanese. */
static const char *html_arg_l(const struct report_run *run, const struct finding *f,
			      const char *key)
{
	if (run->ctx->lang == LANG_JA) {
		char k[64];
		snprintf(k, sizeof(k), "%s_ja", key);
		const char *v = report_arg(f, k);
		if (v && *v)
			return v;
	}
	return report_arg(f, key);
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
	return (report_arg(f, "interface") && report_arg(f, "service") && report_arg(f, "host")) ||
	       (report_arg(f, "what") && report_arg(f, "to") && report_arg(f, "from"));
}

/* The exposure diagram of a router: one row per reach finding,
 * internet (sources) → interface → NAT → host: service, each row with its
 * mark and status word as well as its colour. */
int html_svg_exposure(struct report_run *run, const struct input *in)
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
		rc = html_esc(o, html_word(run, "html-exposure"));
	if (!rc)
		rc = sb_printf(o, "</figcaption>\n<svg role=\"img\" viewBox=\"0 0 940 %d\" width=\"940\" "
				  "height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\"><title>",
			       h, h);
	if (!rc)
		rc = html_esc(o, html_word(run, "html-exposure"));
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
		bool office = report_arg(f, "interface") != NULL;
		const char *src = office ? html_arg_l(run, f, "sources") : html_arg_l(run, f, "from");
		const char *iface = office ? report_arg(f, "interface") : NULL;
		const char *host = office ? report_arg(f, "host") : html_arg_l(run, f, "to");
		const char *svc = office ? html_arg_l(run, f, "service") : html_arg_l(run, f, "what");
		bool nat = host && *host;
		enum item_status st = f->status == FST_FAIL ? IST_FAIL
				      : f->status == FST_WARN ? IST_WARN
				      : f->status == FST_UNKNOWN ? IST_UNKNOWN
								  : IST_PASS;
		/* internet (sources) */
		rc = html_box(o, 2, y, 200, "inet");
		if (!rc)
			rc = html_esc(o, html_word(run, "html-internet"));
		if (!rc && src && *src) {
			rc = sb_adds(o, run->ctx->lang == LANG_JA ? "：" : ": ");
			if (!rc)
				rc = html_box_text(o, in, src);
		}
		if (!rc)
			rc = sb_adds(o, "</text>");
		/* interface */
		if (!rc)
			rc = html_box(o, 226, y, 190, "iface");
		if (!rc)
			rc = iface ? html_box_text(o, in, iface) : html_esc(o, html_word(run, "html-wan"));
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
			rc = nat ? html_box_text(o, in, host) : html_esc(o, html_word(run, "html-device-itself"));
		if (!rc && svc && *svc) {
			rc = sb_adds(o, " · ");
			if (!rc)
				rc = html_box_text(o, in, svc);
		}
		if (!rc)
			rc = sb_printf(o, "</text><text x=\"842\" y=\"%d\" class=\"st-%s\" data-rule=\"%s\" "
					  "font-weight=\"bold\">%s ",
				       y + 20, html_st_class[st], f->rule->id, html_st_mark[st]);
		if (!rc)
			rc = html_esc(o, html_word(run, html_st_word[st]));
		if (!rc)
			rc = sb_adds(o, "</text>");
	}
	return rc ? rc : sb_adds(o, "</svg></figure>\n");
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
			rc = html_esc(run->out, html_word(run, ids[i]));
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
		rc = html_esc(o, html_word(run, "html-logins"));
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
		rc = html_esc(o, html_word(run, "html-hosts"));
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
int html_traffic(struct report_run *run, const struct input *in)
{
	const struct traffic *t = in->traffic;
	struct strbuf *o = run->out;
	char packets[24], flows[24], share[32];
	snprintf(packets, sizeof(packets), "%llu", (unsigned long long)t->packets);
	snprintf(flows, sizeof(flows), "%llu", (unsigned long long)t->flows);
	uint64_t wb = t->https_bytes + t->http_bytes;
	report_share(t->https_bytes, wb, share, sizeof(share));
	static const char *const k[] = {"packets", "flows", "share"};
	const char *v[] = {packets, flows, share};
	int rc = sb_adds(o, "<h3>");
	if (!rc)
		rc = html_fill(o, html_word(run, "html-traffic"), k, v, 3);
	if (!rc)
		rc = sb_adds(o, "</h3>\n<figure class=\"https-share\"><figcaption>");
	if (!rc)
		rc = wb ? html_fill(o, html_word(run, "html-https-share"), k, v, 3)
			: html_esc(o, html_word(run, "html-no-web"));
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
		rc = html_esc(o, html_word(run, "html-logins-per-client"));
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
			rc = html_esc(o, html_word(run, "html-no-logins"));
		if (!rc)
			rc = sb_adds(o, "</p>");
	}
	if (!rc && nl) {
		int h = (int)nl * 24 + 4;
		rc = sb_printf(o, "<svg role=\"img\" viewBox=\"0 0 620 %d\" width=\"620\" height=\"%d\" "
				  "xmlns=\"http://www.w3.org/2000/svg\"><title>",
			       h, h);
		if (!rc)
			rc = html_esc(o, html_word(run, "html-logins-per-client"));
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

