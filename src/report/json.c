/*
 * json.c — the machine-readable report, schema "edgelint/1" exactly as in
 * the README's JSON contract (tests/schema/edgelint-1.schema.json).
 * Written with jansson, which escapes every control character correctly.
 */
#include "report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../../parsers/parsers.h"

struct json_state {
	json_t *root, *inputs, *cur_findings;
};

static json_t *json_str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* A string of the input with its secrets masked (the model or firmware
 * text may be a passphrase too), or null. */
static json_t *json_masked_or_null(const struct input *in, const char *s)
{
	if (!s)
		return json_null();
	struct strbuf sb;
	sb_init(&sb, strlen(s));
	if (sb_adds(&sb, s))
		return json_null();   /* out of memory: never the unmasked text */
	finding_mask(in, &sb);
	json_t *j = json_string(sb_str(&sb));
	sb_free(&sb);
	return j;
}

static int json_begin(struct report_run *run)
{
	struct json_state *st = calloc(1, sizeof(*st));
	if (!st)
		return EL_ENOMEM;
	run->state = st;
	char today[16], asof[16];
	date_format(run->ctx->today, today, sizeof(today));
	st->root = json_object();
	json_object_set_new(st->root, "schema", json_string("edgelint/1"));
	json_object_set_new(st->root, "tool", json_pack("{s:s, s:s}", "name", "edgelint",
							  "version", EDGELINT_VERSION));
	json_object_set_new(st->root, "today", json_string(today));
	json_t *rules = json_object();
	if (run->ctx->reg->data_as_of >= 0) {
		date_format(run->ctx->reg->data_as_of, asof, sizeof(asof));
		json_object_set_new(rules, "as_of", json_string(asof));
	} else {
		json_object_set_new(rules, "as_of", json_null());
	}
	json_object_set_new(rules, "stale", json_boolean(run->stale));
	json_object_set_new(st->root, "rules", rules);
	st->inputs = json_array();
	json_object_set_new(st->root, "inputs", st->inputs);
	return st->root && st->inputs ? 0 : EL_ENOMEM;
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
	if (in->error) {
		struct strbuf e;
		sb_init(&e, 4096);
		sb_adds(&e, in->error);
		finding_mask(in, &e);
		json_object_set_new(o, "error", json_string(sb_str(&e)));
		sb_free(&e);
	} else {
		json_object_set_new(o, "error", json_null());
	}
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
		json_object_set_new(o, "device", dev);
	} else {
		json_object_set_new(o, "device", json_null());
	}
	json_t *items = json_object();
	for (int it = 0; it < ITEM_COUNT; it++)
		json_object_set_new(items, item_name(it),
				    json_string(item_status_name(in->items[it])));
	json_object_set_new(o, "items", items);
	st->cur_findings = json_array();
	json_object_set_new(o, "findings", st->cur_findings);
	json_object_set_new(o, "traffic", json_null());
	return json_array_append_new(st->inputs, o) ? EL_ENOMEM : 0;
}

static int json_finding(struct report_run *run, struct input *in, const struct finding *f)
{
	struct json_state *st = run->state;
	enum lang l = run->ctx->lang;
	json_t *o = json_object();
	json_object_set_new(o, "rule", json_string(f->rule->id));
	json_object_set_new(o, "name", json_string(f->rule->name));
	json_object_set_new(o, "item", json_str_or_null(item_name(f->item)));
	json_object_set_new(o, "severity", json_string(severity_name(f->severity)));
	json_object_set_new(o, "status", json_string(fstatus_name(f->status)));
	unsigned line = f->line;
	const char *file = f->line && !f->is_packet ? input_locate(in, f->line, &line) : NULL;
	if (file)
		json_object_set_new(o, "file", json_string(file));
	if (f->line)
		json_object_set_new(o, f->is_packet ? "packet" : "line",
				    json_integer((json_int_t)line));
	struct strbuf sb;
	sb_init(&sb, 1u << 16);
	finding_message(in, f, l, &sb);
	json_object_set_new(o, "message", json_string(sb_str(&sb)));
	json_object_set_new(o, "evidence", json_str_or_null(f->evidence));
	sb_reset(&sb);
	finding_fix(in, f, l, &sb);
	json_object_set_new(o, "fix", json_string(sb_str(&sb)));
	sb_free(&sb);
	if (f->status == FST_EXCEPTED)
		json_object_set_new(o, "reason", json_string(f->except_reason));
	return json_array_append_new(st->cur_findings, o) ? EL_ENOMEM : 0;
}

static int json_end(struct report_run *run)
{
	struct json_state *st = run->state;
	if (!st)
		return EL_ENOMEM;
	unsigned counts[IST_COUNT];
	report_item_counts(run, counts);
	json_t *items = json_object();
	static const enum item_status order[] = {IST_FAIL, IST_PASS, IST_WARN, IST_UNKNOWN, IST_NA};
	for (size_t i = 0; i < 5; i++)
		json_object_set_new(items, item_status_name(order[i]),
				    json_integer(counts[order[i]]));
	json_object_set_new(st->root, "summary",
			    json_pack("{s:i, s:i, s:o}", "inputs", (json_int_t)run->ninputs,
				      "errors", (json_int_t)report_error_count(run), "items", items));
	int rc = report_dump_json(st->root, run->out);
	free(st);
	run->state = NULL;
	return rc;
}

const struct reporter reporter_json = {
	.name = "json",
	.begin = json_begin,
	.input = json_input,
	.finding = json_finding,
	.end = json_end,
};
