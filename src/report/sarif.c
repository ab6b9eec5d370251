/*
 * sarif.c — SARIF 2.1.0 shaped for GitHub code scanning: version first,
 * $schema, tool.driver.rules[] from the registry with help text, results
 * with ruleId/ruleIndex, level, message, a relative file URI, a region
 * with startLine >= 1 and partialFingerprints. Accepted risks become
 * suppressions; unreadable inputs become tool notifications.
 *
 * A group of repeated findings (report_group) stays one result per
 * occurrence: code scanning tracks an alert by its location and
 * partialFingerprints ("SARIF support for code scanning", GitHub Docs,
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning:
 * fingerprints match results across runs "to match alerts to the correct
 * line of code"), so each line keeps its own alert that closes when that
 * line is fixed. Each result names its group in properties
 * (edgelint-group: the first occurrence's fingerprint, edgelint-group-count).
 * The verdicts and the per-input summary are in run.properties.
 * What the SARIF Multitool demands: tests/tools/validate-sarif.sh.
 */
#include "report.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


struct sarif_state {
	json_t *root, *results, *notes;
};

static const char *sarif_level(enum severity s)
{
	return s >= SEV_HIGH ? "error" : s == SEV_MEDIUM ? "warning" : "note";
}

/* GitHub's security-severity scale: > 9 critical, 7-8.9 high, 4-6.9
 * medium, 0.1-3.9 low. */
static const char *sarif_security_severity(enum severity s)
{
	static const char *const v[SEV_COUNT] = {"0.0", "3.0", "5.5", "8.0", "9.5"};
	return v[s];
}

/* A relative, '/'-separated, percent-encoded URI for a path (report.h). */
void *report_sarif_uri(const char *path)
{
	if (strcmp(path, "-") == 0)
		return json_string("stdin");
	struct strbuf sb;
	sb_init(&sb, 16384);
	if (path[0] == '/')
		sb_adds(&sb, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			sb_add(&sb, (const char *)p, 1);
		else
			sb_printf(&sb, "%%%02X", *p);
	}
	json_t *s = json_string(sb_str(&sb));
	sb_free(&sb);
	return s;
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h ^ 0xff;
}

static int sarif_begin(struct report_run *run)
{
	enum lang l = run->ctx->lang;
	const struct registry *reg = run->ctx->reg;
	struct sarif_state *st = calloc(1, sizeof(*st));
	if (!st)
		return EL_ENOMEM;
	run->state = st;
	st->root = json_object();
	json_object_set_new(st->root, "version", json_string("2.1.0"));
	json_object_set_new(st->root, "$schema",
			    json_string("https://json.schemastore.org/sarif-2.1.0.json"));
	json_t *rules = json_array();
	for (size_t i = 0; i < reg->nrules; i++) {
		const struct rule *ru = &reg->rules[i];
		json_t *tags = json_array();
		json_array_append_new(tags, json_string("security"));
		for (size_t k = 0; k < ru->nitems; k++) {
			char tag[32];
			snprintf(tag, sizeof(tag), "checklist-%s", item_name(ru->items[k]));
			json_array_append_new(tags, json_string(tag));
		}
		struct strbuf help, md;
		sb_init(&help, 1u << 16);
		sb_init(&md, 1u << 16);
		/* Rule texts without a finding: placeholders become "…". */
		struct strbuf rat, rem;
		sb_init(&rat, 1u << 16);
		sb_init(&rem, 1u << 16);
		rule_text_plain(ltext_get(&ru->rationale, l), &rat);
		rule_text_plain(ltext_get(&ru->remediation, l), &rem);
		sb_printf(&help, "%s\n\n%s", sb_str(&rat), sb_str(&rem));
		sb_printf(&md, "**%s**\n\n%s\n\n%s", ltext_get(&ru->title, l), sb_str(&rat),
			  sb_str(&rem));
		json_t *r = json_object();
		json_object_set_new(r, "id", json_string(ru->id));
		json_object_set_new(r, "name", json_string(ru->name));
		json_object_set_new(r, "shortDescription",
				    json_pack("{s:s}", "text", ltext_get(&ru->title, l)));
		json_object_set_new(r, "fullDescription", json_pack("{s:s}", "text", sb_str(&rat)));
		json_object_set_new(r, "help", json_pack("{s:s, s:s}", "text", sb_str(&help),
							 "markdown", sb_str(&md)));
		json_object_set_new(r, "defaultConfiguration",
				    json_pack("{s:s}", "level", sarif_level(ru->severity)));
		json_object_set_new(r, "properties",
				    json_pack("{s:o, s:s, s:s}", "tags", tags, "precision", "high",
					      "security-severity",
					      sarif_security_severity(ru->severity)));
		sb_free(&help);
		sb_free(&md);
		sb_free(&rat);
		sb_free(&rem);
		json_array_append_new(rules, r);
	}
	json_t *driver = json_pack("{s:s, s:s, s:s, s:o}", "name", "edgelint", "version",
				   EDGELINT_VERSION, "informationUri", EDGELINT_URI, "rules",
				   rules);
	st->results = json_array();
	st->notes = json_array();
	json_t *run0 = json_object();
	json_object_set_new(run0, "tool", json_pack("{s:o}", "driver", driver));
	json_object_set_new(run0, "results", st->results);
	json_t *runs = json_array();
	json_array_append_new(runs, run0);
	json_object_set_new(st->root, "runs", runs);
	if (run->stale) {
		char asof[16] = "?";
		date_format(reg->data_as_of, asof, sizeof(asof));
		char msg[400];
		if (run->ctx->lang == LANG_JA)
			snprintf(msg, sizeof(msg),
				 "ファームウェアとサポート、脆弱性のデータは %s 時点のもので、%d 日以上古いため、"
				 "5-3 と 5-4 の判定は最新の状況を反映していない可能性があります。"
				 "edgelint のルールデータを更新してください。",
				 asof, RULES_STALE_DAYS);
		else
			snprintf(msg, sizeof(msg),
				 "The firmware, support and vulnerability data is from %s, more than %d days "
				 "old, so the 5-3 and 5-4 verdicts may be out of date; update edgelint's "
				 "rules data.",
				 asof, RULES_STALE_DAYS);
		json_array_append_new(st->notes, json_pack("{s:s, s:{s:s}}", "level", "warning",
							   "message", "text", msg));
	}
	return 0;
}

static int sarif_input(struct report_run *run, struct input *in)
{
	struct sarif_state *st = run->state;
	if (!in->error)
		return 0;
	json_array_append_new(st->notes, json_pack("{s:s, s:{s:s}}", "level", "error",
						   "message", "text",
						   finding_scrub_dup(in, input_error_text(
							   in, run->ctx->lang == LANG_JA))));
	return 0;
}

static int sarif_result(struct report_run *run, struct input *in, const struct finding *f,
			const struct fgroup *g, char *group_fp, size_t group_fp_n)
{
	struct sarif_state *st = run->state;
	const struct registry *reg = run->ctx->reg;
	struct strbuf msg;
	sb_init(&msg, 1u << 16);
	finding_message(in, f, run->ctx->lang, &msg);
	json_t *r = json_object();
	json_object_set_new(r, "ruleId", json_string(f->rule->id));
	json_object_set_new(r, "ruleIndex", json_integer((json_int_t)(f->rule - reg->rules)));
	json_object_set_new(r, "level", json_string(sarif_level(f->severity)));
	json_object_set_new(r, "message", json_pack("{s:s}", "text", sb_str(&msg)));
	sb_free(&msg);
	unsigned line = f->line;
	const char *uri_path = in->path;
	const struct input_part *part = f->line && !f->is_packet ? input_part_of(in, f->line) : NULL;
	if (part) {
		input_locate(in, f->line, &line);
		uri_path = part->path;
	}
	/* A capture has no lines: its findings point at line 1 and name the
	 * packet in the result's properties. */
	json_t *region = json_pack("{s:i}", "startLine",
				   (json_int_t)(line && !f->is_packet ? line : 1));
	json_t *loc = json_pack("{s:{s:{s:o}, s:o}}", "physicalLocation", "artifactLocation",
				"uri", report_sarif_uri(uri_path), "region", region);
	json_t *locs = json_array();
	json_array_append_new(locs, loc);
	json_object_set_new(r, "locations", locs);
	/* From stable fields that hold no secret: rule, message variant,
	 * file, line and the evidence as printed (masked). Never from the
	 * arguments: an SSID that is also the passphrase (EL255) would make
	 * the hash an offline oracle for it. */
	uint64_t h = 14695981039346656037ULL;
	char lbuf[16];
	snprintf(lbuf, sizeof(lbuf), "%u", line);
	h = fnv1a(h, f->rule->id);
	h = fnv1a(h, f->variant);
	h = fnv1a(h, uri_path);
	h = fnv1a(h, lbuf);   /* the line, or for a capture the packet */
	struct strbuf ev;
	sb_init(&ev, 1u << 16);
	if (finding_evidence(in, f, &ev) == 0)
		h = fnv1a(h, sb_str(&ev));
	sb_free(&ev);
	char fp[40];
	snprintf(fp, sizeof(fp), "%016llx:1", (unsigned long long)h);
	if (!group_fp[0])
		snprintf(group_fp, group_fp_n, "%s", fp);
	json_object_set_new(r, "partialFingerprints",
			    json_pack("{s:s}", "primaryLocationLineHash", fp));
	if (f->status == FST_EXCEPTED) {
		json_t *sup = json_array();
		json_array_append_new(sup, json_pack("{s:s, s:s}", "kind", "external",
						     "justification",
						     finding_scrub_dup(in, f->except_reason)));
		json_object_set_new(r, "suppressions", sup);
	}
	json_object_set_new(r, "properties",
			    json_pack("{s:s, s:s, s:s?}", "edgelint-status", fstatus_name(f->status),
				      "severity", severity_name(f->severity), "checklist-item",
				      item_name(f->item)));
	if (f->is_packet && f->line)
		json_object_set_new(json_object_get(r, "properties"), "packet",
				    json_integer((json_int_t)f->line));
	if (g->n > 1) {
		json_object_set_new(json_object_get(r, "properties"), "edgelint-group",
				    json_string(group_fp));
		json_object_set_new(json_object_get(r, "properties"), "edgelint-group-count",
				    json_integer((json_int_t)g->n));
	}
	return json_array_append_new(st->results, r) ? EL_ENOMEM : 0;
}

static int sarif_finding(struct report_run *run, struct input *in, const struct fgroup *g)
{
	char group_fp[40] = "";
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < g->n; i++)
		rc = sarif_result(run, in, g->f[i], g, group_fp, sizeof(group_fp));
	return rc;
}

static int sarif_end(struct report_run *run)
{
	struct sarif_state *st = run->state;
	if (!st)
		return EL_ENOMEM;
	json_t *run0 = json_array_get(json_object_get(st->root, "runs"), 0);
	/* The verdict of each input and the worst severity, as the text
	 * report's summary table (docs/report.md). */
	json_t *rows = json_array();
	for (size_t i = 0; i < run->ninputs; i++) {
		/* And what was not checked of each item (issue 14 §5: an
		 * unknown part under a warning is said in every format). */
		json_t *row = report_row_json(run->ctx->reg, &run->inputs[i], run->ctx->lang);
		struct report_verdict v;
		report_verdict(run->ctx->reg, &run->inputs[i], &v);
		const struct traffic *t = run->inputs[i].traffic;
		if (t && t->time_first && t->time_last)
			json_object_set_new(row, "capture_time",
					    json_pack("{s:s, s:s}", "first", t->time_first, "last",
						      t->time_last));
		json_object_set_new(row, "not_checked_why",
				    report_not_checked_json(run->ctx->reg, &run->inputs[i], &v,
							    run->ctx->lang));
		json_array_append_new(rows, row);
	}
	json_object_set_new(run0, "properties", json_pack("{s:o}", "edgelint-inputs", rows));
	json_t *inv = json_object();
	json_object_set_new(inv, "executionSuccessful",
			    json_boolean(report_error_count(run) == 0));
	if (json_array_size(st->notes))
		json_object_set(inv, "toolExecutionNotifications", st->notes);
	json_t *invs = json_array();
	json_array_append_new(invs, inv);
	json_object_set_new(run0, "invocations", invs);
	json_decref(st->notes);
	int rc = report_dump_json(st->root, run->out);
	free(st);
	run->state = NULL;
	return rc;
}

const struct reporter reporter_sarif = {
	.name = "sarif",
	.begin = sarif_begin,
	.input = sarif_input,
	.finding = sarif_finding,
	.end = sarif_end,
};
