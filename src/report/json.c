/*
 * json.c — the machine-readable report, schema "edgelint/1" exactly as in
 * the README's JSON contract (tests/schema/edgelint-1.schema.json).
 * The findings are written straight into the report (jsonw.c, exactly as
 * jansson prints them); the few other values are built with jansson and
 * printed by it.
 */
#include "report.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"

struct json_state {
	struct jw w;              /* the report, written as it goes */
	json_t *traffic;          /* the current input's, until its end */
	struct strbuf sb;         /* a finding's texts, one at a time (kept
				   * from finding to finding: no allocation
				   * per finding once it has grown) */
	struct strbuf msg, ev;    /* an occurrence's message and evidence
				   * (the first one's are written twice) */
};

static json_t *json_str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* A string of the input, secrets masked and sanitised (so always valid
 * UTF-8: jansson refuses anything else), or null. */
static json_t *json_masked_or_null(struct input *in, const char *s)
{
	return s ? json_string(finding_scrub_dup(in, s)) : json_null();
}

/* A share in [0, 1] rounded to 6 decimals, or null when whole is 0. */
static json_t *json_share(uint64_t part, uint64_t whole)
{
	if (!whole)
		return json_null();
	double v = (double)part / (double)whole;
	return json_real((double)(long long)(v * 1e6 + 0.5) / 1e6);
}

static json_int_t json_u64(uint64_t v)
{
	return v > (uint64_t)INT64_MAX ? (json_int_t)INT64_MAX : (json_int_t)v;
}

/* The "traffic" object of a capture (DESIGN.md, JSON contract). */
static json_t *json_traffic(struct input *in)
{
	const struct traffic *t = in->traffic;
	json_t *o = json_object();
	json_object_set_new(o, "packets", json_integer(json_u64(t->packets)));
	json_object_set_new(o, "bytes", json_integer(json_u64(t->bytes)));
	json_object_set_new(o, "flows", json_integer(json_u64(t->flows)));
	uint64_t wf = t->https_flows + t->http_flows, wb = t->https_bytes + t->http_bytes;
	json_t *web = json_object();
	json_object_set_new(web, "https_flows", json_integer(json_u64(t->https_flows)));
	json_object_set_new(web, "http_flows", json_integer(json_u64(t->http_flows)));
	json_object_set_new(web, "https_bytes", json_integer(json_u64(t->https_bytes)));
	json_object_set_new(web, "http_bytes", json_integer(json_u64(t->http_bytes)));
	json_object_set_new(web, "https_share_flows", json_share(t->https_flows, wf));
	json_object_set_new(web, "https_share_bytes", json_share(t->https_bytes, wb));
	json_object_set_new(web, "tls_flows", json_integer(json_u64(t->tls_flows)));
	json_object_set_new(web, "quic_flows", json_integer(json_u64(t->quic_flows)));
	json_object_set_new(web, "by_port_only", json_integer(json_u64(t->port_fallback_flows)));
	json_object_set_new(o, "web", web);
	json_t *creds = json_array();
	for (size_t i = 0; i < t->ncreds; i++) {
		const struct traffic_cred *c = &t->creds[i];
		/* A session without authentication (VNC None) or a password
		 * hidden by a shared secret (RADIUS PAP) shows no secret:
		 * "secret" is null, "authentication" says "none" or "hidden". */
		json_t *e = json_pack("{s:s, s:s, s:s, s:o, s:o, s:I, s:I}", "protocol",
				      c->protocol, "client", c->client, "server", c->server,
				      "user", json_masked_or_null(in, c->user), "secret",
				      c->no_auth || c->hidden ? json_null() : json_string("****"),
				      "packet",
				      json_u64(c->packet), "count", json_u64(c->count));
		if (e && (c->no_auth || c->hidden))
			json_object_set_new(e, "authentication",
					    json_string(c->no_auth ? "none" : "hidden"));
		if (e)
			json_object_set_new(e, "outcome", json_string(cred_outcome_name(c->outcome)));
		json_array_append_new(creds, e);
	}
	json_object_set_new(o, "credentials", creds);
	json_object_set_new(o, "credentials_total", json_integer(json_u64(t->creds_total)));
	json_t *anon = json_array();
	for (size_t i = 0; i < t->nanon; i++) {
		const struct traffic_cred *c = &t->anon[i];
		json_array_append_new(anon, json_pack("{s:s, s:s, s:s, s:o, s:I, s:s}", "protocol",
						      c->protocol, "client", c->client, "server",
						      c->server, "user", json_masked_or_null(in, c->user),
						      "packet", json_u64(c->packet), "outcome",
						      cred_outcome_name(c->outcome)));
	}
	json_object_set_new(o, "anonymous_logins", anon);
	json_t *clients = json_array();
	for (size_t i = 0; i < t->nclients; i++) {
		const struct traffic_client *c = &t->clients[i];
		json_array_append_new(
			clients,
			json_pack("{s:s, s:b, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "address", c->addr,
				  "internal", c->internal, "flows", json_u64(c->flows), "bytes",
				  json_u64(c->bytes), "https_flows", json_u64(c->https_flows),
				  "https_bytes", json_u64(c->https_bytes), "http_flows",
				  json_u64(c->http_flows), "http_bytes", json_u64(c->http_bytes),
				  "cleartext_logins", json_u64(c->logins)));
	}
	json_object_set_new(o, "clients", clients);
	json_object_set_new(o, "clients_total", json_integer((json_int_t)t->clients_total));
	json_object_set_new(o, "clients_dropped_flows",
			    json_integer(json_u64(t->clients_dropped_flows)));
	/* Password hashes crackable offline (EL406): the hash type, never the hash. */
	json_t *hashes = json_array();
	for (size_t i = 0; i < t->nhashes; i++) {
		const struct traffic_cred *c = &t->hashes[i];
		json_array_append_new(hashes,
				      json_pack("{s:s, s:s, s:s, s:o, s:s, s:I, s:I}", "protocol",
						c->protocol, "client", c->client, "server", c->server,
						"user", json_masked_or_null(in, c->user), "hash_type",
						c->hash_type, "packet", json_u64(c->packet), "count",
						json_u64(c->count)));
	}
	json_object_set_new(o, "crackable_hashes", hashes);
	json_object_set_new(o, "crackable_hashes_total", json_integer(json_u64(t->hashes_total)));
	json_t *hosts = json_array();
	for (size_t i = 0; i < t->nhosts; i++)
		json_array_append_new(hosts, json_pack("{s:o, s:s, s:I}", "name",
						       json_masked_or_null(in, t->hosts[i].name),
						       "via", t->hosts[i].via, "flows",
						       json_u64(t->hosts[i].flows)));
	json_object_set_new(o, "hosts", hosts);
	json_object_set_new(o, "hosts_total", json_integer((json_int_t)t->hosts_total));
	json_t *tls = json_object();
	for (size_t i = 0; i < t->ntls; i++)
		json_object_set_new(tls, t->tls[i].name, json_integer(json_u64(t->tls[i].flows)));
	json_object_set_new(o, "tls_versions", tls);
	json_object_set_new(o, "link", json_str_or_null(t->link_name));
	json_object_set_new(o, "wlan_frames", json_integer(json_u64(t->wlan_frames)));
	json_object_set_new(o, "wlan_protected_frames", json_integer(json_u64(t->wlan_protected)));
	json_t *wl = json_array();
	for (size_t i = 0; i < t->nwlans; i++) {
		const struct traffic_wlan *w = &t->wlans[i];
		static const char *const pmf[] = {NULL, "off", "optional", "required"};
		json_array_append_new(
			wl, json_pack("{s:s, s:o, s:b, s:s, s:b, s:o, s:I, s:I, s:I, s:I, s:I}", "bssid",
				      w->bssid, "ssid", json_masked_or_null(in, w->ssid), "hidden",
				      w->hidden, "security", wifi_sec_name(w->sec), "tkip", w->tkip,
				      "pmf", json_str_or_null(pmf[w->pmf]), "beacons",
				      json_u64(w->beacons), "probe_responses", json_u64(w->probe_resps),
				      "data_frames", json_u64(w->data_frames), "protected_frames",
				      json_u64(w->protected_frames), "packet", json_u64(w->packet)));
	}
	json_object_set_new(o, "wlan_networks", wl);
	json_object_set_new(o, "time_range",
			    t->time_first && t->time_last
				    ? json_pack("{s:s, s:s}", "first", t->time_first, "last",
						t->time_last)
				    : json_null());
	json_object_set_new(o, "max_flows", json_integer((json_int_t)t->max_flows));
	json_object_set_new(o, "evicted_flows", json_integer(json_u64(t->evicted)));
	json_object_set_new(o, "memory_budget_bytes",
			    json_integer((json_int_t)t->memory_budget));
	json_object_set_new(o, "budget_cut_flows", json_integer(json_u64(t->budget_cut)));
	json_object_set_new(o, "fragments", json_integer(json_u64(t->fragments)));
	json_object_set_new(o, "truncated_packets", json_integer(json_u64(t->truncated)));
	json_object_set_new(o, "tunnel_packets", json_integer(json_u64(t->tunnel_packets)));
	json_object_set_new(o, "tunnel_cut_packets", json_integer(json_u64(t->tunnel_cut)));
	return o;
}

static int json_begin(struct report_run *run)
{
	struct json_state *st = calloc(1, sizeof(*st));
	if (!st)
		return EL_ENOMEM;
	run->state = st;
	sb_init(&st->sb, 1u << 16);
	sb_init(&st->msg, 1u << 16);
	sb_init(&st->ev, 1u << 16);
	struct jw *w = &st->w;
	jw_init(w, run->out);
	char today[16], asof[16];
	date_format(run->ctx->today, today, sizeof(today));
	jw_open(w, NULL, '{');
	jw_str(w, "schema", "edgelint/1");
	jw_value(w, "tool", json_pack("{s:s, s:s}", "name", "edgelint", "version", EDGELINT_VERSION));
	jw_str(w, "today", today);
	json_t *rules = json_object();
	if (run->ctx->reg->data_as_of >= 0) {
		date_format(run->ctx->reg->data_as_of, asof, sizeof(asof));
		json_object_set_new(rules, "as_of", json_string(asof));
	} else {
		json_object_set_new(rules, "as_of", json_null());
	}
	json_object_set_new(rules, "stale", json_boolean(run->stale));
	jw_value(w, "rules", rules);
	jw_open(w, "inputs", '[');
	return w->rc;
}

static int json_input(struct report_run *run, struct input *in)
{
	struct json_state *st = run->state;
	json_t *o = json_object();
	json_object_set_new(o, "path", json_string(input_display_path(in)));
	if (in->nparts) {
		json_t *files = json_array();
		for (size_t i = 0; i < in->nparts; i++)
			json_array_append_new(files, json_string(in->parts[i].display));
		json_object_set_new(o, "files", files);
	}
	json_object_set_new(o, "kind", json_str_or_null(report_kind_name(in)));
	json_object_set_new(o, "error", json_masked_or_null(in, input_error_text(in, run->ctx->lang == LANG_JA)));
	if (in->has_coverage)
		json_object_set_new(o, "coverage",
				    json_pack("{s:i, s:i}", "lines", (json_int_t)in->lines_total,
					      "understood", (json_int_t)in->lines_understood));
	else
		json_object_set_new(o, "coverage", json_null());
	if (in->has_device) {
		const struct device *d = &in->dev;
		json_t *dev = json_object();
		json_object_set_new(dev, "vendor", json_masked_or_null(in, d->vendor_display));
		json_object_set_new(dev, "model", json_masked_or_null(in, d->model.s));
		json_object_set_new(dev, "firmware", json_masked_or_null(in, d->firmware.s));
		json_object_set_new(dev, "firmware_date", json_masked_or_null(in, d->firmware_date.s));
		/* Only when the input gives it (router facts files). */
		if (d->jc_star)
			json_object_set_new(dev, "jc_star", json_integer(d->jc_star));
		json_object_set_new(o, "device", dev);
	} else {
		json_object_set_new(o, "device", json_null());
	}
	json_object_set_new(o, "items", report_items_json(in));
	/* built here, printed after the findings (json_input_end) */
	st->traffic = in->traffic ? json_traffic(in) : json_null();
	jw_open(&st->w, NULL, '{');
	jw_members(&st->w, o);
	jw_open(&st->w, "findings", '[');
	return st->w.rc;
}

/* Writes "file" (an input of several files) and "line" or "packet" of
 * one occurrence. */
static void json_where(struct jw *w, struct input *in, const struct finding *f)
{
	unsigned line = f->line;
	const char *file = f->line && !f->is_packet ? input_locate(in, f->line, &line) : NULL;
	if (file)
		jw_str(w, "file", file);
	if (f->line)
		jw_int(w, f->is_packet ? "packet" : "line", line);
}

/* The message and evidence of one occurrence, rendered into st->msg and
 * st->ev. */
static void json_text_render(struct json_state *st, struct input *in, const struct finding *f,
			     enum lang l)
{
	sb_reset(&st->msg);
	finding_message(in, f, l, &st->msg);
	sb_reset(&st->ev);
	finding_evidence_l(in, f, l, &st->ev);
}

/* The message and evidence of occurrence f as json_text_render left them. */
static void json_text_write(struct json_state *st, const struct finding *f)
{
	jw_str(&st->w, "message", sb_str(&st->msg));
	jw_str(&st->w, "evidence", f->evidence ? sb_str(&st->ev) : NULL);
}

/* A group of findings (report.h): the first occurrence's fields as one
 * finding had them, then count, first, last, accounts and every
 * occurrence (README, JSON contract). Written straight into the report
 * (jsonw.h): no tree of 100,000 objects. */
static int json_finding(struct report_run *run, struct input *in, const struct fgroup *g)
{
	struct json_state *st = run->state;
	struct jw *w = &st->w;
	enum lang l = run->ctx->lang;
	const struct finding *f = g->f[0];
	jw_open(w, NULL, '{');
	jw_str(w, "rule", f->rule->id);
	jw_str(w, "name", f->rule->name);
	jw_str(w, "item", item_name(f->item));
	jw_str(w, "severity", severity_name(f->severity));
	jw_str(w, "status", fstatus_name(f->status));
	json_where(w, in, f);
	struct strbuf *sb = &st->sb;
	json_text_render(st, in, f, l);
	json_text_write(st, f);
	sb_reset(sb);
	finding_fix(in, f, l, sb);
	jw_str(w, "fix", sb_str(sb));
	if (f->status == FST_EXCEPTED)
		jw_str(w, "reason", f->except_reason ? finding_scrub_dup(in, f->except_reason) : NULL);
	jw_int(w, "count", (long long)g->n);
	jw_open(w, "first", '{');
	json_where(w, in, f);
	jw_close(w, '}');
	jw_open(w, "last", '{');
	json_where(w, in, g->f[g->n - 1]);
	jw_close(w, '}');
	const char **acc = NULL;
	size_t nacc = 0;
	int rc = report_group_accounts(run->ctx->reg, g, &acc, &nacc);
	jw_open(w, "accounts", '[');
	for (size_t i = 0; i < nacc; i++)
		jw_str(w, NULL, finding_scrub_dup(in, acc[i]));
	jw_close(w, ']');
	free(acc);
	jw_open(w, "occurrences", '[');
	for (size_t i = 0; i < g->n; i++) {
		jw_open(w, NULL, '{');
		json_where(w, in, g->f[i]);
		if (i)   /* the first one's are still in st->msg and st->ev */
			json_text_render(st, in, g->f[i], l);
		json_text_write(st, g->f[i]);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_close(w, '}');
	return rc ? rc : w->rc;
}

/* The verdict object of an input (docs/report.md). */
static json_t *json_verdict(struct report_run *run, struct input *in,
			    const struct report_verdict *v)
{
	json_t *o = json_object();
	json_object_set_new(o, "class", json_str_or_null(v->cls ? v->cls->id : NULL));
	json_object_set_new(o, "verdict", json_string(verdict_name(v->v)));
	json_object_set_new(o, "text", json_string(report_verdict_text(v, run->ctx->lang)));
	json_object_set_new(o, "worst_severity",
			    v->worst >= 0 ? json_string(severity_name((enum severity)v->worst))
					  : json_null());
	json_object_set_new(o, "not_checked",
			    report_not_checked_json(run->ctx->reg, in, v, run->ctx->lang));
	return o;
}

static int json_input_end(struct report_run *run, struct input *in,
			  const struct report_verdict *v)
{
	struct json_state *st = run->state;
	jw_close(&st->w, ']');
	jw_value(&st->w, "traffic", st->traffic);
	st->traffic = NULL;
	jw_value(&st->w, "verdict", json_verdict(run, in, v));
	jw_close(&st->w, '}');
	return st->w.rc;
}

static int json_end(struct report_run *run)
{
	struct json_state *st = run->state;
	if (!st)
		return EL_ENOMEM;
	struct jw *w = &st->w;
	unsigned counts[IST_COUNT];
	report_item_counts(run, counts);
	json_t *items = json_object();
	static const enum item_status order[] = {IST_FAIL, IST_PASS, IST_WARN, IST_UNKNOWN, IST_NA};
	for (size_t i = 0; i < 5; i++)
		json_object_set_new(items, item_status_name(order[i]),
				    json_integer(counts[order[i]]));
	/* One row per input, as the text report's summary table. */
	json_t *rows = json_array();
	for (size_t i = 0; i < run->ninputs; i++)
		json_array_append_new(rows, report_row_json(run->ctx->reg, &run->inputs[i],
							    run->ctx->lang));
	if (w->depth != 2 && !w->rc)
		w->rc = EL_EINVAL;   /* an input was left open: the run failed */
	jw_close(w, ']');
	jw_value(w, "summary",
		 json_pack("{s:i, s:i, s:o, s:o}", "inputs", (json_int_t)run->ninputs,
			   "errors", (json_int_t)report_error_count(run), "items", items,
			   "per_input", rows));
	jw_close(w, '}');
	json_decref(st->traffic);
	int rc = jw_end(w);
	sb_free(&st->sb);
	sb_free(&st->msg);
	sb_free(&st->ev);
	free(st);
	run->state = NULL;
	return rc;
}

const struct reporter reporter_json = {
	.name = "json",
	.begin = json_begin,
	.input = json_input,
	.finding = json_finding,
	.input_end = json_input_end,
	.end = json_end,
};
