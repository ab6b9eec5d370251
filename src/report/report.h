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
/* Rules data older than this at run time is reported as stale: every
 * output warns that the 5-3/5-4 verdicts may be out of date (issue 18
 * §4: the support and advisory data changes monthly; CISA adds KEV
 * entries every week). */
#define RULES_STALE_DAYS 90

struct report_run {
	const struct run_ctx *ctx;
	struct input *inputs;
	size_t ninputs;
	bool color;               /* text only: ANSI colour allowed */
	bool stale;               /* rules data older than RULES_STALE_DAYS */
	struct strbuf *out;       /* where the report goes */
	void *state;              /* the reporter's own */
};

/* One finding as reports show it: the occurrences of one rule's repeated
 * observation (rules/report.yaml groups:), in line (or packet) order. A
 * finding that does not repeat is a group of one. */
struct fgroup {
	const struct finding *const *f;  /* f[0] is the first occurrence */
	size_t n;
};

/* The verdict that ends an input (docs/report.md). */
struct report_verdict {
	const struct report_class *cls;
	enum verdict v;
	int worst;                    /* worst severity of an open finding, or -1 */
	/* Items not checked, or checked only in part (an unknown part under
	 * a warn or fail). */
	bool unchecked[ITEM_COUNT];
};

struct reporter {
	const char *name;         /* --format value */
	int (*begin)(struct report_run *run);
	int (*input)(struct report_run *run, struct input *in);
	/* Each group of the input, most severe first (report_group). */
	int (*finding)(struct report_run *run, struct input *in,
		       const struct fgroup *g);
	/* After the input's findings; v is its verdict. */
	int (*input_end)(struct report_run *run, struct input *in,
			 const struct report_verdict *v);
	int (*end)(struct report_run *run);
};

extern const struct reporter *const reporters[];
extern const size_t nreporters;
const struct reporter *reporter_by_name(const char *name);

/* Renders the whole run with reporter r into run->out. Every input's
 * secrets are masked in every input's part (finding_scrub). 0 or
 * negative. */
int report_render(const struct reporter *r, struct report_run *run);

/* Groups the input's findings (sorted by line, findings_sort) as
 * rules/report.yaml says and orders the groups by severity (critical
 * first), then by the line (or packet) of their first occurrence, rule id
 * and message variant. *groups and *members are one malloc'd block each
 * (free both); the groups point into *members. 0 or EL_ENOMEM. */
int report_group(const struct registry *reg, const struct input *in,
		 struct fgroup **groups, size_t *ngroups,
		 const struct finding ***members);
/* The distinct accounts (user names) of a group, sorted, into out
 * (malloc'd, free it; entries point into the findings); none when the
 * rule's grouping names no accounts argument. 0 or EL_ENOMEM. */
int report_group_accounts(const struct registry *reg, const struct fgroup *g,
			  const char ***out, size_t *n);
/* The verdict of an input: its class, the verdict, the worst severity of
 * its open findings and the items not (fully) checked. */
void report_verdict(const struct registry *reg, const struct input *in,
		    struct report_verdict *v);
/* The verdict's text in language l (rules/report.yaml). */
const char *report_verdict_text(const struct report_verdict *v, enum lang l);
/* What of item it was not checked, in language l, into sb: the item's
 * note and the titles of its open findings of status unknown, "; "
 * between them. Nothing when the item was checked in full. 0 or
 * negative. */
int report_unchecked_text(const struct registry *reg, const struct input *in, int it,
			  enum lang l, struct strbuf *sb);
/* Item status counts over all inputs, in enum item_status order. */
void report_item_counts(const struct report_run *run, unsigned counts[IST_COUNT]);
/* Number of inputs with an error. */
unsigned report_error_count(const struct report_run *run);
/* The five item statuses of an input as a JSON object (json_t *). */
void *report_items_json(const struct input *in);
/* The summary row of an input as a JSON object (json_t *): path, class,
 * items, worst_severity, verdict, text (language l), not_checked (item
 * names). The JSON summary.per_input and SARIF run.properties hold it. */
void *report_row_json(const struct registry *reg, const struct input *in, enum lang l);
/* What was not checked of each item not (fully) checked, as a JSON object
 * (json_t *) item -> report_unchecked_text(): the JSON verdict's
 * not_checked and SARIF's edgelint-inputs[].not_checked_why. */
void *report_not_checked_json(const struct registry *reg, const struct input *in,
			      const struct report_verdict *v, enum lang l);
/* Writes a jansson value (json_t *) to out as indented JSON in insertion
 * order and releases it. 0 or negative. */
int report_dump_json(void *root, struct strbuf *out);
/* A SARIF artifact URI for a path (json_t *): relative and '/'-separated
 * as given, percent-encoded; "stdin" for "-". */
void *report_sarif_uri(const char *path);
/* The value of argument key of finding f (the raw value, to be scrubbed
 * when printed), or NULL when it has none. */
const char *report_arg(const struct finding *f, const char *key);
/* "83.2%" of part in whole into buf (n bytes), "—" when whole is 0. */
void report_share(uint64_t part, uint64_t whole, char *buf, size_t n);
/* Kind name for an input ("router-facts"), or NULL when undetected. */
const char *report_kind_name(const struct input *in);

#endif
