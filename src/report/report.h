/*
 * report.h — reporters. A reporter renders an already-settled run (inputs
 * in argument order, findings sorted) into a buffer; it never decides
 * anything. Whatever it prints from an input goes through finding_scrub()
 * (or finding_message/fix/evidence, which use it). One file per format plus one line in
 * reporters.def.
 */
#ifndef EDGELINT_REPORT_H
#define EDGELINT_REPORT_H

#include <stdbool.h>
#include "../finding.h"
#include "../model.h"
#include "../util.h"

#define EDGELINT_VERSION "0.1.0"
#define EDGELINT_URI "https://github.com/edgelint/edgelint"
/* Rules data older than this at run time is reported as stale. */
#define RULES_STALE_DAYS 180

struct report_run {
	const struct run_ctx *ctx;
	struct input *inputs;
	size_t ninputs;
	bool color;               /* text only: ANSI colour allowed */
	bool stale;               /* rules data older than RULES_STALE_DAYS */
	struct strbuf *out;       /* where the report goes */
	void *state;              /* the reporter's own */
};

struct reporter {
	const char *name;         /* --format value */
	int (*begin)(struct report_run *run);
	int (*input)(struct report_run *run, struct input *in);
	int (*finding)(struct report_run *run, struct input *in,
		       const struct finding *f);
	int (*end)(struct report_run *run);
};

extern const struct reporter *const reporters[];
extern const size_t nreporters;
const struct reporter *reporter_by_name(const char *name);

/* Renders the whole run with reporter r into run->out. Every input's
 * secrets are masked in every input's part (finding_scrub). 0 or
 * negative. */
int report_render(const struct reporter *r, struct report_run *run);

/* Item status counts over all inputs, in enum item_status order. */
void report_item_counts(const struct report_run *run, unsigned counts[IST_COUNT]);
/* Number of inputs with an error. */
unsigned report_error_count(const struct report_run *run);
/* Writes a jansson value (json_t *) to out as indented JSON in insertion
 * order and releases it. 0 or negative. */
int report_dump_json(void *root, struct strbuf *out);
/* Kind name for an input ("router-facts"), or NULL when undetected. */
const char *report_kind_name(const struct input *in);

#endif
