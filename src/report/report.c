/*
 * report.c — the reporter table and what every reporter shares.
 */
#include "report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../../parsers/parsers.h"

#define REPORTER(sym) extern const struct reporter reporter_##sym;
#include "reporters.def"
#undef REPORTER

const struct reporter *const reporters[] = {
#define REPORTER(sym) &reporter_##sym,
#include "reporters.def"
#undef REPORTER
};
const size_t nreporters = sizeof(reporters) / sizeof(reporters[0]);

const struct reporter *reporter_by_name(const char *name)
{
	for (size_t i = 0; i < nreporters; i++)
		if (strcmp(reporters[i]->name, name) == 0)
			return reporters[i];
	return NULL;
}

int report_render(const struct reporter *r, struct report_run *run)
{
	/* The secrets of every input are hidden in every input's part of the
	 * report: one set for the run, lent to each input while it renders
	 * (unless the caller lent one already). */
	struct secret_set set;
	secret_set_init(&set);
	bool lend = run->ninputs && !run->inputs[0].run_secrets;
	for (size_t i = 0; lend && i < run->ninputs; i++) {
		input_secrets_add_to(&run->inputs[i], &set);  /* failure: set refuses to mask */
		run->inputs[i].run_secrets = &set;
	}
	int rc = r->begin(run);
	for (size_t i = 0; rc == 0 && i < run->ninputs; i++) {
		struct input *in = &run->inputs[i];
		rc = r->input(run, in);
		for (size_t j = 0; rc == 0 && j < in->nfindings; j++)
			rc = r->finding(run, in, &in->findings[j]);
	}
	int rc2 = r->end(run);
	for (size_t i = 0; lend && i < run->ninputs; i++)
		run->inputs[i].run_secrets = NULL;
	secret_set_free(&set);
	return rc ? rc : rc2;
}

void report_item_counts(const struct report_run *run, unsigned counts[IST_COUNT])
{
	memset(counts, 0, sizeof(unsigned) * IST_COUNT);
	for (size_t i = 0; i < run->ninputs; i++)
		for (int it = 0; it < ITEM_COUNT; it++)
			counts[run->inputs[i].items[it]]++;
}

unsigned report_error_count(const struct report_run *run)
{
	unsigned n = 0;
	for (size_t i = 0; i < run->ninputs; i++)
		n += run->inputs[i].error != NULL;
	return n;
}

const char *report_kind_name(const struct input *in)
{
	return in->kind ? in->kind->name : NULL;
}

struct dump_to {
	struct strbuf *out;
	int rc;
};

static int dump_add(const char *buf, size_t n, void *data)
{
	struct dump_to *d = data;
	d->rc = sb_add(d->out, buf, n);
	return d->rc ? -1 : 0;
}

int report_dump_json(void *root, struct strbuf *out)
{
	/* Straight into out: a report of 100,000 findings is about 90 MB,
	 * which json_dumps would build once more before it is copied. */
	json_t *j = root;
	size_t len0 = out->len;
	struct dump_to d = {.out = out, .rc = 0};
	int rc = 0;
	if (json_dump_callback(j, dump_add, &d, JSON_INDENT(2) | JSON_PRESERVE_ORDER))
		rc = d.rc ? d.rc : EL_ENOMEM;
	if (!rc)
		rc = sb_adds(out, "\n");
	if (rc && out->buf) {   /* nothing of a failed report is kept */
		out->len = len0;
		out->buf[len0] = '\0';
	}
	json_decref(j);
	return rc;
}
