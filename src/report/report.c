/*
 * report.c — the reporter table and what every reporter shares.
 */
#include "report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#define REPORTER(sym) extern const struct reporter reporter_##sym;
#include "reporters.def"
#undef REPORTER

const struct reporter *const reporters[] = {
#define REPORTER(sym) &reporter_##sym,
#include "reporters.def"
#undef REPORTER
};
const size_t nreporters = ARRAY_SIZE(reporters);

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
		struct fgroup *groups = NULL;
		const struct finding **members = NULL;
		size_t ngroups = 0;
		if (rc == 0)
			rc = report_group(run->ctx->reg, in, &groups, &ngroups, &members);
		for (size_t j = 0; rc == 0 && j < ngroups; j++)
			rc = r->finding(run, in, &groups[j]);
		free(groups);
		free(members);
		if (rc == 0 && r->input_end) {
			struct report_verdict v;
			report_verdict(run->ctx->reg, in, &v);
			rc = r->input_end(run, in, &v);
		}
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

void *report_items_json(const struct input *in)
{
	json_t *items = json_object();
	for (int it = 0; it < ITEM_COUNT; it++)
		json_object_set_new(items, item_name(it), json_string(item_status_name(in->items[it])));
	return items;
}

void *report_row_json(const struct registry *reg, const struct input *in, enum lang l)
{
	struct report_verdict v;
	report_verdict(reg, in, &v);
	json_t *nc = json_array();
	for (int it = 0; it < ITEM_COUNT; it++)
		if (v.unchecked[it])
			json_array_append_new(nc, json_string(item_name(it)));
	return json_pack("{s:s, s:o, s:o, s:o, s:s, s:s, s:o}", "path", input_display_path(in),
			 "class", v.cls ? json_string(v.cls->id) : json_null(), "items",
			 report_items_json(in), "worst_severity",
			 v.worst >= 0 ? json_string(severity_name((enum severity)v.worst)) : json_null(),
			 "verdict", verdict_name(v.v), "text", report_verdict_text(&v, l), "not_checked",
			 nc);
}

void *report_not_checked_json(const struct registry *reg, const struct input *in,
			      const struct report_verdict *v, enum lang l)
{
	json_t *nc = json_object();
	struct strbuf sb;
	sb_init(&sb, 1u << 16);
	for (int it = 0; it < ITEM_COUNT; it++) {
		if (!v->unchecked[it])
			continue;
		sb_reset(&sb);
		report_unchecked_text(reg, in, it, l, &sb);
		json_object_set_new(nc, item_name(it), json_string(sb_str(&sb)));
	}
	sb_free(&sb);
	return nc;
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

/* ---- groups --------------------------------------------------------------- */

void report_share(uint64_t part, uint64_t whole, char *buf, size_t n)
{
	if (!whole)
		snprintf(buf, n, "—");
	else
		snprintf(buf, n, "%.1f%%", 100.0 * (double)part / (double)whole);
}

const char *report_arg(const struct finding *f, const char *key)
{
	for (size_t i = 0; i < f->nargs; i++)
		if (strcmp(f->arg_key[i], key) == 0)
			return f->arg_val[i];
	return NULL;
}

static int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

struct gent {
	const struct finding *f;
	const struct group_spec *spec;   /* NULL: every argument must be equal */
	size_t pos;                      /* in the input's (line) order */
};

/* Whether two findings belong to one group: 0 when they do. */
static int gent_key_cmp(const struct gent *x, const struct gent *y)
{
	const struct finding *a = x->f, *b = y->f;
	int c = strcmp(a->rule->id, b->rule->id);
	if (!c)
		c = strcmp(a->variant, b->variant);
	if (!c && a->status != b->status)
		c = a->status < b->status ? -1 : 1;
	if (!c && a->severity != b->severity)
		c = a->severity < b->severity ? -1 : 1;
	if (!c && a->item != b->item)
		c = a->item < b->item ? -1 : 1;
	if (!c)
		c = strcmp_null(a->except_reason, b->except_reason);
	if (c)
		return c;
	if (x->spec) {
		for (size_t i = 0; !c && i < x->spec->nby; i++)
			c = strcmp_null(report_arg(a, x->spec->by[i]), report_arg(b, x->spec->by[i]));
		return c;
	}
	if (a->nargs != b->nargs)
		return a->nargs < b->nargs ? -1 : 1;
	for (size_t i = 0; !c && i < a->nargs; i++) {
		c = strcmp(a->arg_key[i], b->arg_key[i]);
		if (!c)
			c = strcmp_null(a->arg_val[i], b->arg_val[i]);
	}
	return c;
}

static int gent_cmp(const void *p, const void *q)
{
	const struct gent *x = p, *y = q;
	int c = gent_key_cmp(x, y);
	if (c)
		return c;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Report order: severity (critical first), first line or packet, rule
 * id, variant; the input's order breaks the remaining ties. */
static int fgroup_cmp(const void *p, const void *q)
{
	const struct finding *a = ((const struct fgroup *)p)->f[0];
	const struct finding *b = ((const struct fgroup *)q)->f[0];
	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	int c = strcmp(a->rule->id, b->rule->id);
	if (!c)
		c = strcmp(a->variant, b->variant);
	if (!c && a != b)
		c = a < b ? -1 : 1;   /* same array: input order */
	return c;
}

int report_group(const struct registry *reg, const struct input *in,
		 struct fgroup **groups, size_t *ngroups, const struct finding ***members)
{
	size_t n = in->nfindings;
	*groups = NULL;
	*ngroups = 0;
	*members = NULL;
	if (!n)
		return 0;
	struct gent *e = malloc(n * sizeof(*e));
	const struct finding **m = malloc(n * sizeof(void *));
	struct fgroup *g = malloc(n * sizeof(*g));
	if (!e || !m || !g) {
		free(e);
		free(m);
		free(g);
		return EL_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		e[i].f = &in->findings[i];
		e[i].spec = registry_group(reg, in->findings[i].rule);
		e[i].pos = i;
	}
	qsort(e, n, sizeof(*e), gent_cmp);
	size_t ng = 0;
	for (size_t i = 0; i < n; i++) {
		m[i] = e[i].f;
		if (i == 0 || gent_key_cmp(&e[i - 1], &e[i]) != 0)
			g[ng++] = (struct fgroup){.f = &m[i], .n = 0};
		g[ng - 1].n++;
	}
	free(e);
	qsort(g, ng, sizeof(*g), fgroup_cmp);
	*groups = g;
	*ngroups = ng;
	*members = m;
	return 0;
}

static int str_ptr_cmp(const void *p, const void *q)
{
	return strcmp(*(const char *const *)p, *(const char *const *)q);
}

int report_group_accounts(const struct registry *reg, const struct fgroup *g,
			  const char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	const struct group_spec *spec = registry_group(reg, g->f[0]->rule);
	if (!spec || !spec->accounts)
		return 0;
	const char **a = malloc(g->n * sizeof(*a));
	if (!a)
		return EL_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < g->n; i++) {
		const char *u = report_arg(g->f[i], spec->accounts);
		if (u && *u)
			a[k++] = u;
	}
	if (k)
		qsort(a, k, sizeof(*a), str_ptr_cmp);
	size_t o = 0;
	for (size_t i = 0; i < k; i++)
		if (o == 0 || strcmp(a[o - 1], a[i]) != 0)
			a[o++] = a[i];
	if (!o) {
		free(a);
		return 0;
	}
	*out = a;
	*n = o;
	return 0;
}

/* ---- verdicts --------------------------------------------------------------- */

/* A finding still to act on or to check: failing, warning or unknown, and
 * not an accepted risk. */
static bool finding_open(const struct finding *f)
{
	return f->status == FST_FAIL || f->status == FST_WARN || f->status == FST_UNKNOWN;
}

void report_verdict(const struct registry *reg, const struct input *in,
		    struct report_verdict *v)
{
	memset(v, 0, sizeof(*v));
	v->worst = -1;
	for (size_t c = 0; c < reg->nclasses && !v->cls; c++) {
		const struct report_class *cl = &reg->classes[c];
		bool take = cl->any;
		for (int it = 0; !take && in->kind && it < ITEM_COUNT; it++)
			take = cl->items[it] && in->kind->feeds[it];
		if (take)
			v->cls = cl;
	}
	bool replace = false;
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		if (!finding_open(f))
			continue;
		if ((int)f->severity > v->worst)
			v->worst = (int)f->severity;
		if (f->status == FST_UNKNOWN && f->item >= 0)
			v->unchecked[f->item] = true;
		for (size_t k = 0; f->status == FST_FAIL && v->cls && k < v->cls->nreplace; k++)
			replace |= v->cls->replace[k] == f->rule;
	}
	bool assessed = false, act = false, unknown = false;
	for (int it = 0; it < ITEM_COUNT; it++) {
		enum item_status st = in->items[it];
		if (st == IST_NA) {
			v->unchecked[it] = false;
			continue;
		}
		assessed = true;
		act |= st == IST_WARN || st == IST_FAIL;
		unknown |= st == IST_UNKNOWN;
		if (st == IST_UNKNOWN || (st != IST_PASS && in->item_unknown_note[it]))
			v->unchecked[it] = true;
	}
	if (in->error || !assessed)
		v->v = VERDICT_NOT_ASSESSED;
	else if (replace)
		v->v = VERDICT_REPLACE;
	else if (act)
		v->v = VERDICT_FIX;
	else if (unknown)
		v->v = VERDICT_INCOMPLETE;
	else
		v->v = VERDICT_APPROVE;
}

const char *report_verdict_text(const struct report_verdict *v, enum lang l)
{
	const char *t = v->cls ? ltext_get(&v->cls->verdict[v->v], l) : NULL;
	return t ? t : verdict_name(v->v);
}

int report_unchecked_text(const struct registry *reg, const struct input *in, int it,
			  enum lang l, struct strbuf *sb)
{
	enum item_status st = in->items[it];
	if (st == IST_NA || st == IST_PASS)
		return 0;
	const char *note = st == IST_UNKNOWN ? in->item_note[it] : in->item_unknown_note[it];
	const char *nt = note ? registry_note(reg, note, l) : NULL;
	bool any = false;
	int rc = 0;
	if (nt) {
		rc = sb_adds(sb, nt);
		any = true;
	}
	/* One title per rule, in the order the findings come: a rule's index
	 * in the registry marks it seen (linear in the findings). */
	bool *seen = calloc(reg->nrules + 1, sizeof(bool));
	if (!seen)
		return EL_ENOMEM;
	for (size_t i = 0; rc == 0 && i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		size_t k = (size_t)(f->rule - reg->rules);
		if (f->item != it || f->status != FST_UNKNOWN || k >= reg->nrules || seen[k])
			continue;
		seen[k] = true;
		/* Japanese: 、 between the parts, full-width brackets. */
		rc = l == LANG_JA ? sb_printf(sb, "%s%s（%s）", any ? "、" : "",
					      ltext_get(&f->rule->title, l), f->rule->id)
				  : sb_printf(sb, "%s%s (%s)", any ? "; " : "",
					      ltext_get(&f->rule->title, l), f->rule->id);
		any = true;
	}
	free(seen);
	return rc;
}
