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
	bool lend = run->ninputs && !run->inputs[0].run_secrets;
	if (lend)
		findings_lend_secrets(run->inputs, run->ninputs, &set);
	int rc = r->begin(run);
	for (size_t i = 0; rc == 0 && i < run->ninputs; i++) {
		struct input *in = &run->inputs[i];
		rc = r->input(run, in);
		for (size_t j = 0; rc == 0 && j < in->nfindings; j++)
			rc = r->finding(run, in, &in->findings[j]);
	}
	int rc2 = r->end(run);
	if (lend)
		findings_return_secrets(run->inputs, run->ninputs, &set);
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

int report_dump_json(void *root, struct strbuf *out)
{
	json_t *j = root;
	char *text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	int rc = text ? sb_adds(out, text) : EL_ENOMEM;
	if (!rc)
		rc = sb_adds(out, "\n");
	free(text);
	json_decref(j);
	return rc;
}
