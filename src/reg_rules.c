/*
 * reg_rules.c — the rules themselves (rules/rules.yaml), the checklist
 * items and their notes (rules/checklist.yaml) and how reports group and
 * judge findings (rules/report.yaml), with their lookups (registry.h).
 * Loaded from registry.c's {file, loader} table; every problem of a file
 * is reported (reg_load.h).
 */
#define _GNU_SOURCE
#include "reg_load.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool valid_rule_id(const char *s)
{
	return strlen(s) == 5 && s[0] == 'E' && s[1] == 'L' &&
	       isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
	       isdigit((unsigned char)s[4]);
}

static bool valid_slug(const char *s)
{
	if (!*s || *s == '-')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* ---- rules.yaml ------------------------------------------------------ */

static int load_rule(struct rload *L, const struct ynode *m, struct rule *ru)
{
	static const char *const keys[] = {"id", "name", "items", "severity", "title",
					   "rationale", "remediation", "messages",
					   "fixes", "hints", "source", NULL};
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each rule must be a mapping");
	int rc = rl_check_keys(L, m, keys, "rule");
	if (rc)
		return rc;
	ru->line = m->line;
	for (size_t i = 0; i <= ITEM_COUNT; i++)
		ru->items[i] = ITEM_NONE;
	ru->id = rl_str(L, m, "id", true, &rc);
	ru->name = rl_str(L, m, "name", true, &rc);
	const char *sev = rl_str(L, m, "severity", true, &rc);
	/* Where the rule's advice comes from (an authority's notice), shown
	 * by --explain; optional. */
	ru->source = rl_str(L, m, "source", false, &rc);
	if (rc)
		return rc;
	if (!valid_rule_id(ru->id))
		return rl_err(L, m, "rule id '%s' is not of the form ELnnn", ru->id);
	if (!valid_slug(ru->name))
		return rl_err(L, m, "rule %s: name '%s' must be lower-case words joined by '-'",
			      ru->id, ru->name);
	int s = severity_from_name(sev);
	if (s < 0)
		return rl_err(L, m, "rule %s: severity '%s' is not one of critical, high, medium, low, info",
			      ru->id, sev);
	ru->severity = (enum severity)s;
	const struct ynode *items = ymap_get(m, "items");
	if (!items || items->kind != Y_SEQ)
		return rl_err(L, m, "rule %s: 'items' must be a list of checklist items ([] for none)",
			      ru->id);
	for (size_t i = 0; i < items->n; i++) {
		const struct ynode *it = items->vals[i];
		int id = it->kind == Y_SCALAR ? item_from_name(it->str) : ITEM_NONE;
		if (id == ITEM_NONE || ru->nitems >= ITEM_COUNT)
			return rl_err(L, it, "rule %s: '%s' is not a checklist item edgelint knows",
				      ru->id, it->kind == Y_SCALAR ? it->str : "?");
		ru->items[ru->nitems++] = id;
	}
	char what[64];
	snprintf(what, sizeof(what), "rule %s title", ru->id);
	if ((rc = rl_ltext(L, m, ymap_get(m, "title"), what, &ru->title)))
		return rc;
	snprintf(what, sizeof(what), "rule %s rationale", ru->id);
	if ((rc = rl_ltext(L, m, ymap_get(m, "rationale"), what, &ru->rationale)))
		return rc;
	snprintf(what, sizeof(what), "rule %s remediation", ru->id);
	if ((rc = rl_ltext(L, m, ymap_get(m, "remediation"), what, &ru->remediation)))
		return rc;
	const struct ynode *msgs = ymap_get(m, "messages");
	if (!msgs || msgs->kind != Y_MAP || msgs->n == 0)
		return rl_err(L, m, "rule %s: 'messages' must map variant names to texts",
			      ru->id);
	ru->msgs = arena_alloc(&L->r->arena, msgs->n * sizeof(*ru->msgs));
	if (!ru->msgs)
		return rl_err(L, m, "out of memory");
	for (size_t i = 0; i < msgs->n; i++) {
		ru->msgs[i].variant = msgs->keys[i]->str;
		snprintf(what, sizeof(what), "rule %s message '%.20s'", ru->id,
			 msgs->keys[i]->str);
		if ((rc = rl_ltext(L, msgs, msgs->vals[i], what, &ru->msgs[i].text)))
			return rc;
	}
	ru->nmsgs = msgs->n;
	/* fixes: variant -> {en, ja}, a remediation of its own for a variant
	 * whose case the rule's does not fit (EL403 no-auth: no password to
	 * change); each key a variant of messages. */
	const struct ynode *fixes = ymap_get(m, "fixes");
	if (fixes && !yscalar_is_null(fixes)) {
		if (fixes->kind != Y_MAP)
			return rl_err(L, fixes, "rule %s: 'fixes' must map variants to texts",
				      ru->id);
		for (size_t i = 0; i < fixes->n; i++) {
			const char *var = fixes->keys[i]->str;
			struct rule_msg *rm = (struct rule_msg *)rule_msg(ru, var);
			if (!rm)
				return rl_err(L, fixes->keys[i],
					      "rule %s: fixes: '%s' is not one of its message variants",
					      ru->id, var);
			snprintf(what, sizeof(what), "rule %s fix '%.20s'", ru->id, var);
			if ((rc = rl_ltext(L, fixes, fixes->vals[i], what, &rm->fix)))
				return rc;
		}
	}
	const struct ynode *hints = ymap_get(m, "hints");
	if (hints && !yscalar_is_null(hints)) {
		if (hints->kind != Y_MAP)
			return rl_err(L, hints, "rule %s: 'hints' must map vendors to texts",
				      ru->id);
		ru->hints = arena_alloc(&L->r->arena, (hints->n + 1) * sizeof(*ru->hints));
		if (!ru->hints)
			return rl_err(L, m, "out of memory");
		for (size_t i = 0; i < hints->n; i++) {
			ru->hints[i].vendor = hints->keys[i]->str;
			snprintf(what, sizeof(what), "rule %s hint '%.20s'", ru->id,
				 hints->keys[i]->str);
			if ((rc = rl_ltext(L, hints, hints->vals[i], what, &ru->hints[i].text)))
				return rc;
		}
		ru->nhints = hints->n;
	}
	return 0;
}

int reg_load_rules(struct rload *L)
{
	const struct ynode *root = L->f.root;
	const struct ynode *rules = ymap_get(root, "rules");
	if (!rules || rules->kind != Y_SEQ || rules->n == 0)
		return rl_err(L, root, "'rules' must be a non-empty list");
	struct registry *r = L->r;
	r->rules = arena_alloc(&r->arena, rules->n * sizeof(*r->rules));
	if (!r->rules)
		return rl_err(L, root, "out of memory");
	for (size_t i = 0; i < rules->n; i++) {
		struct rule *ru = &r->rules[i];
		r->nrules = i + 1;
		if (load_rule(L, rules->vals[i], ru))
			continue;   /* the next rule: every problem is reported */
		for (size_t j = 0; j < i; j++) {
			const struct rule *o = &r->rules[j];
			if (o->id && strcmp(o->id, ru->id) == 0)
				rl_err(L, rules->vals[i], "rule id %s is already used on line %u",
				       ru->id, o->line);
			if (o->name && strcmp(o->name, ru->name) == 0)
				rl_err(L, rules->vals[i], "rule name %s is already used on line %u",
				       ru->name, o->line);
		}
	}
	return 0;
}

/* Reads the mapping key of root from id to {en, ja} texts (checklist
 * notes, report words) into *out, *n; what names one ("note"). */
static int rl_text_map(struct rload *L, const struct ynode *root, const char *key,
		       const char *what, struct note **out, size_t *n)
{
	const struct ynode *m = ymap_get(root, key);
	if (!m || m->kind != Y_MAP)
		return rl_err(L, root, "'%s' must map %s ids to texts", key, what);
	*out = arena_alloc(&L->r->arena, (m->n + 1) * sizeof(**out));
	if (!*out)
		return rl_err(L, root, "out of memory");
	for (size_t i = 0; i < m->n; i++) {
		(*out)[i].id = m->keys[i]->str;
		char name[64];
		snprintf(name, sizeof(name), "%s '%.30s'", what, m->keys[i]->str);
		rl_ltext(L, m, m->vals[i], name, &(*out)[i].text);
	}
	*n = m->n;
	return 0;
}

/* ---- checklist.yaml ---------------------------------------------------- */

/* One item of checklist.yaml; seen[] marks the items listed. */
static int load_checklist_item(struct rload *L, const struct ynode *m, bool *seen)
{
	int rc = 0;
	struct registry *r = L->r;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each item must be a mapping");
	const char *id = rl_str(L, m, "id", true, &rc);
	if (rc)
		return rc;
	int it = item_from_name(id);
	if (it == ITEM_NONE)
		return rl_err(L, m, "'%s' is not an item edgelint checks", id);
	if (seen[it])
		return rl_err(L, m, "item %s is listed twice", id);
	seen[it] = true;
	struct checklist_item *ci = &r->items[it];
	ci->id = id;
	char what[48];
	snprintf(what, sizeof(what), "item %s title", id);
	if ((rc = rl_ltext(L, m, ymap_get(m, "title"), what, &ci->title)))
		return rc;
	snprintf(what, sizeof(what), "item %s summary", id);
	if ((rc = rl_ltext(L, m, ymap_get(m, "summary"), what, &ci->summary)))
		return rc;
	const struct ynode *meth = ymap_get(m, "methods");
	if (!meth || meth->kind != Y_SEQ || meth->n == 0)
		return rl_err(L, m, "item %s: 'methods' must list methods 1-8", id);
	for (size_t j = 0; j < meth->n; j++) {
		long v;
		if (yscalar_long(meth->vals[j], 1, 8, &v))
			return rl_err(L, meth->vals[j],
				      "item %s: method must be a number from 1 to 8", id);
		ci->methods[v] = true;
	}
	return 0;
}

int reg_load_checklist(struct rload *L)
{
	const struct ynode *root = L->f.root;
	struct registry *r = L->r;
	const struct ynode *items = ymap_get(root, "items");
	bool seen[ITEM_COUNT] = {false};
	if (!items || items->kind != Y_SEQ) {
		rl_err(L, root, "'items' must be a list");
	} else {
		unsigned before = L->f.errors;
		for (size_t i = 0; i < items->n; i++)
			load_checklist_item(L, items->vals[i], seen);
		/* An item whose entry was at fault is not also "missing". */
		for (int i = 0; i < ITEM_COUNT && L->f.errors == before; i++)
			if (!seen[i])
				rl_err(L, root, "item %s is missing", item_name(i));
	}
	return rl_text_map(L, root, "notes", "note", &r->notes, &r->nnotes);
}

/* ---- report.yaml -------------------------------------------------------- */

static const char *const verdict_names[VERDICT_COUNT] = {"approve", "fix", "replace",
							 "incomplete", "not-assessed"};

const char *verdict_name(enum verdict v)
{
	return (unsigned)v < VERDICT_COUNT ? verdict_names[v] : "not-assessed";
}

/* The words the reporters use (src/report/); each must be in words:. */
static const char *const report_words[] = {"verdict", "not-checked", "occurrences", "first",
					   "last", "line", "packet", "accounts", "summary",
					   "input", "worst", "none", "lookalike-approved",
					   "lookalike-well-known",
					   /* src/report/html.c */
					   "html-title", "html-checked-on", "html-inputs", "html-stale",
					   "html-verdicts", "html-checklist", "html-legend", "html-device",
					   "html-kind-unknown", "html-firmware", "html-coverage", "html-item",
					   "html-status", "html-reason", "html-pass", "html-fail", "html-warn",
					   "html-unknown", "html-not-applicable", "html-error", "html-findings",
					   "html-no-findings", "html-where", "html-evidence", "html-fix",
					   "html-excepted", "html-fix-block", "html-severity-counts",
					   "html-exposure", "html-internet", "html-device-itself", "html-traffic",
					   "html-https-share", "html-no-web", "html-logins-per-client",
					   "html-no-logins", "html-packet", "html-line", "html-logins",
					   "html-protocol", "html-client", "html-server", "html-packet-col",
					   "html-hosts", "html-host", "html-via", "html-flows", "html-wan", NULL};

/* The grouping of rule k: m. */
static int load_report_group(struct rload *L, const struct ynode *k, const struct ynode *m,
			     struct group_spec *g)
{
	struct registry *r = L->r;
	int rc = 0;
	static const char *const keys[] = {"by", "accounts", NULL};
	g->rule = registry_rule(r, k->str);
	if (!g->rule || strcmp(g->rule->id, k->str) != 0)
		return rl_err(L, k, "'%s' is not a rule id of rules.yaml", k->str);
	if (m->kind != Y_MAP)
		return rl_err(L, m, "%s: expected a mapping with 'by'", k->str);
	if ((rc = rl_check_keys(L, m, keys, k->str)))
		return rc;
	const struct ynode *by = ymap_get(m, "by");
	if (!by || by->kind != Y_SEQ || by->n == 0 || by->n > GROUP_BY_MAX)
		return rl_err(L, by ? by : m, "%s: 'by' must list 1 to %d arguments",
			      k->str, GROUP_BY_MAX);
	for (size_t j = 0; j < by->n; j++) {
		if (by->vals[j]->kind != Y_SCALAR)
			return rl_err(L, by->vals[j], "%s: 'by' lists argument names", k->str);
		g->by[j] = by->vals[j]->str;
	}
	g->nby = by->n;
	g->accounts = rl_str(L, m, "accounts", false, &rc);
	return rc;
}

static int load_report_groups(struct rload *L, const struct ynode *groups)
{
	struct registry *r = L->r;
	if (!groups || groups->kind != Y_MAP)
		return rl_err(L, groups ? groups : L->f.root,
			      "'groups' must map rule ids to groupings");
	r->groups = arena_alloc(&r->arena, (groups->n + 1) * sizeof(*r->groups));
	if (!r->groups)
		return rl_err(L, groups, "out of memory");
	for (size_t i = 0; i < groups->n; i++)
		load_report_group(L, groups->keys[i], groups->vals[i], &r->groups[i]);
	r->ngroups = groups->n;
	return 0;
}

static int load_report_class(struct rload *L, const struct ynode *k, const struct ynode *m,
			     struct report_class *c)
{
	struct registry *r = L->r;
	static const char *const keys[] = {"items", "replace_rules", "verdicts", NULL};
	int rc;
	c->id = k->str;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "class %s: expected a mapping", k->str);
	if ((rc = rl_check_keys(L, m, keys, k->str)))
		return rc;
	const struct ynode *items = ymap_get(m, "items");
	if (!items || items->kind != Y_SEQ)
		return rl_err(L, items ? items : m, "class %s: 'items' must be a list", k->str);
	for (size_t j = 0; j < items->n; j++) {
		int it = items->vals[j]->kind == Y_SCALAR ? item_from_name(items->vals[j]->str)
							   : ITEM_NONE;
		if (it == ITEM_NONE)
			return rl_err(L, items->vals[j], "class %s: not an item edgelint checks",
				      k->str);
		c->items[it] = true;
	}
	c->any = items->n == 0;
	const struct ynode *rep = ymap_get(m, "replace_rules");
	if (!rep || rep->kind != Y_SEQ)
		return rl_err(L, rep ? rep : m, "class %s: 'replace_rules' must be a list", k->str);
	c->replace = arena_alloc(&r->arena, (rep->n + 1) * sizeof(void *));
	if (!c->replace)
		return rl_err(L, rep, "out of memory");
	for (size_t j = 0; j < rep->n; j++) {
		const struct ynode *v = rep->vals[j];
		const struct rule *ru = v->kind == Y_SCALAR ? registry_rule(r, v->str) : NULL;
		if (!ru || strcmp(ru->id, v->str) != 0)
			return rl_err(L, v, "class %s: not a rule id of rules.yaml", k->str);
		c->replace[j] = ru;
	}
	c->nreplace = rep->n;
	const struct ynode *vs = ymap_get(m, "verdicts");
	if (!vs || vs->kind != Y_MAP)
		return rl_err(L, vs ? vs : m, "class %s: 'verdicts' must be a mapping", k->str);
	for (size_t j = 0; j < vs->n; j++) {
		bool known = false;
		for (int v = 0; v < VERDICT_COUNT; v++)
			known |= strcmp(vs->keys[j]->str, verdict_names[v]) == 0;
		if (!known)
			return rl_err(L, vs->keys[j], "class %s: unknown verdict '%s'", k->str,
				      vs->keys[j]->str);
	}
	for (int v = 0; v < VERDICT_COUNT; v++) {
		const struct ynode *t = ymap_get(vs, verdict_names[v]);
		if (!t && v == VERDICT_REPLACE && c->nreplace == 0)
			continue;   /* no rule can lead to it */
		char what[80];
		snprintf(what, sizeof(what), "class %.30s verdict %s", k->str, verdict_names[v]);
		if ((rc = rl_ltext(L, vs, t, what, &c->verdict[v])))
			return rc;
	}
	return 0;
}

int reg_load_report(struct rload *L)
{
	const struct ynode *root = L->f.root;
	struct registry *r = L->r;
	load_report_groups(L, ymap_get(root, "groups"));
	const struct ynode *classes = ymap_get(root, "classes");
	if (!classes || classes->kind != Y_MAP || classes->n == 0 ||
	    classes->n > REPORT_CLASS_MAX) {
		rl_err(L, classes ? classes : root, "'classes' must map 1 to %d classes",
		       REPORT_CLASS_MAX);
	} else {
		bool ok = true;
		for (size_t i = 0; i < classes->n; i++)
			ok &= load_report_class(L, classes->keys[i], classes->vals[i],
						&r->classes[i]) == 0;
		r->nclasses = classes->n;
		if (ok && !r->classes[r->nclasses - 1].any)
			rl_err(L, classes, "the last class must have no items (it takes every other input)");
	}
	if (rl_text_map(L, root, "words", "word", &r->words, &r->nwords))
		return EL_EPARSE;
	const struct ynode *words = ymap_get(root, "words");
	for (size_t i = 0; report_words[i]; i++)
		if (registry_word(r, report_words[i], LANG_EN) == report_words[i])
			rl_err(L, words, "word '%s' is missing", report_words[i]);
	return 0;
}

const struct rule *registry_rule(const struct registry *r, const char *id)
{
	/* The ids the checks pass are spelt as in rules.yaml: an exact
	 * comparison finds them first (finding_add asks once per finding, so
	 * on a rule base of 100k lines this loop ran millions of times). */
	for (size_t i = 0; i < r->nrules; i++)
		if (strcmp(r->rules[i].id, id) == 0)
			return &r->rules[i];
	for (size_t i = 0; i < r->nrules; i++)
		if (strcasecmp(r->rules[i].id, id) == 0 || strcasecmp(r->rules[i].name, id) == 0)
			return &r->rules[i];
	return NULL;
}

int rule_text_plain(const char *t, struct strbuf *sb)
{
	int rc = 0;
	while (*t && rc == 0) {
		const char *open = strchr(t, '{');
		size_t k = 1;
		while (open && (islower((unsigned char)open[k]) || open[k] == '_'))
			k++;
		if (!open || k == 1 || open[k] != '}') {
			size_t n = open ? (size_t)(open - t) + 1 : strlen(t);
			rc = sb_add(sb, t, n);
			t += n;
			continue;
		}
		rc = sb_add(sb, t, (size_t)(open - t));
		if (rc == 0)
			rc = sb_adds(sb, "…");
		t = open + k + 1;
	}
	return rc;
}

bool rule_matches_token(const struct rule *ru, const char *tok)
{
	size_t n = strlen(tok);
	return strcasecmp(ru->name, tok) == 0 || (n >= 2 && strncasecmp(ru->id, tok, n) == 0);
}

const struct rule_msg *rule_msg(const struct rule *ru, const char *variant)
{
	for (size_t i = 0; i < ru->nmsgs; i++)
		if (strcmp(ru->msgs[i].variant, variant) == 0)
			return &ru->msgs[i];
	return NULL;
}

const char *rule_fix(const struct rule *ru, const char *variant, enum lang l)
{
	const struct rule_msg *m = variant ? rule_msg(ru, variant) : NULL;
	return m && m->fix.t[LANG_EN] ? ltext_get(&m->fix, l) : ltext_get(&ru->remediation, l);
}

const char *rule_hint(const struct rule *ru, const char *vendor, enum lang l)
{
	if (!vendor)
		return NULL;
	for (size_t i = 0; i < ru->nhints; i++)
		if (strcmp(ru->hints[i].vendor, vendor) == 0)
			return ltext_get(&ru->hints[i].text, l);
	return NULL;
}

const char *registry_note(const struct registry *r, const char *id, enum lang l)
{
	for (size_t i = 0; i < r->nnotes; i++)
		if (strcmp(r->notes[i].id, id) == 0)
			return ltext_get(&r->notes[i].text, l);
	return NULL;
}

const char *registry_word(const struct registry *r, const char *id, enum lang l)
{
	for (size_t i = 0; i < r->nwords; i++)
		if (strcmp(r->words[i].id, id) == 0)
			return ltext_get(&r->words[i].text, l);
	return id;
}

const struct group_spec *registry_group(const struct registry *r, const struct rule *ru)
{
	for (size_t i = 0; i < r->ngroups; i++)
		if (r->groups[i].rule == ru)
			return &r->groups[i];
	return NULL;
}
