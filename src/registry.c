/*
 * registry.c — loads and validates the rules directory (see registry.h).
 * Every problem is reported as "file:line: reason"; the first one stops
 * the load, since a run with half a registry would report wrong things.
 */
#define _GNU_SOURCE
#include "registry.h"
#include "capture/capture.h"
#include "version.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ytree.h"

#ifndef EDGELINT_RULES_DIR
#define EDGELINT_RULES_DIR "/usr/local/share/edgelint/rules"
#endif

#define RULES_FILE_MAX (4u << 20)

static const char *const sev_names[SEV_COUNT] = {"info", "low", "medium", "high", "critical"};

const char *severity_name(enum severity s)
{
	return (unsigned)s < SEV_COUNT ? sev_names[s] : "info";
}

const char *severity_label(enum severity s, enum lang l)
{
	static const char *const ja[SEV_COUNT] = {"情報", "低", "中", "高", "重大"};
	if ((unsigned)s >= SEV_COUNT)
		s = SEV_INFO;
	return l == LANG_JA ? ja[s] : sev_names[s];
}

int severity_from_name(const char *s)
{
	for (int i = 0; i < SEV_COUNT; i++)
		if (strcmp(s, sev_names[i]) == 0)
			return i;
	return -1;
}

/* ---- locating the directory ---------------------------------------- */

static bool is_rules_dir(const char *d)
{
	char p[PATH_MAX];
	struct stat st;
	if ((size_t)snprintf(p, sizeof(p), "%s/rules.yaml", d) >= sizeof(p))
		return false;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

int registry_find_dir(const char *argv0, char *buf, size_t n)
{
	const char *env = getenv("EDGELINT_RULES");
	if (env && *env) {
		snprintf(buf, n, "%s", env);
		return 0;
	}
	char exe[PATH_MAX];
	ssize_t k = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (k <= 0) {
		if (!argv0 || strlen(argv0) >= sizeof(exe))
			k = 0;
		else {
			snprintf(exe, sizeof(exe), "%s", argv0);
			k = (ssize_t)strlen(exe);
		}
	}
	if (k > 0) {
		exe[k] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			static const char *const rel[] = {"/rules", "/../share/edgelint/rules"};
			for (size_t i = 0; i < 2; i++) {
				char cand[PATH_MAX];
				if ((size_t)snprintf(cand, sizeof(cand), "%s%s", exe,
						     rel[i]) >= sizeof(cand))
					continue;
				if (is_rules_dir(cand)) {
					snprintf(buf, n, "%s", cand);
					return 0;
				}
			}
		}
	}
	if (is_rules_dir(EDGELINT_RULES_DIR)) {
		snprintf(buf, n, "%s", EDGELINT_RULES_DIR);
		return 0;
	}
	return -1;
}

/* ---- loading helpers --------------------------------------------------- */

struct rload {
	struct registry *r;
	const char *file;        /* path for messages */
	char path[PATH_MAX];     /* the file being read */
	struct ynode *root;      /* its document */
	char *err;
	size_t errn;
};

static int rl_err(struct rload *L, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int rl_err(struct rload *L, const struct ynode *at, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (at)
		snprintf(L->err, L->errn, "%s:%u: %s", L->file, at->line, msg);
	else
		snprintf(L->err, L->errn, "%s: %s", L->file, msg);
	return EL_EPARSE;
}

/* Reads and parses dir/name into *root. */
static int rl_open(struct rload *L, const char *name, struct ynode **root)
{
	char *pathbuf = L->path;
	snprintf(pathbuf, sizeof(L->path), "%s/%s", L->r->dir, name);
	L->file = pathbuf;
	char *buf = NULL;
	size_t n = 0;
	char why[200];
	if (file_read_all(pathbuf, RULES_FILE_MAX, &buf, &n, why, sizeof(why)) != 0)
		return rl_err(L, NULL, "cannot read: %s", why);
	char perr[300];
	int rc = ytree_parse(&L->r->arena, buf, n, root, perr, sizeof(perr));
	free(buf);
	if (rc)
		return rl_err(L, NULL, "%s", perr);
	if (!*root || (*root)->kind != Y_MAP)
		return rl_err(L, *root, "expected a mapping at the top");
	L->root = *root;
	return 0;
}

static const char *rl_str(struct rload *L, const struct ynode *m,
			  const char *key, bool required, int *rc)
{
	const struct ynode *v = ymap_get(m, key);
	if (!v || yscalar_is_null(v)) {
		if (required)
			*rc = rl_err(L, m, "'%s' is missing", key);
		return NULL;
	}
	if (v->kind != Y_SCALAR) {
		*rc = rl_err(L, v, "'%s' must be a single value, not %s", key,
			     ynode_kind_name(v));
		return NULL;
	}
	return v->str;
}

/* Reads {en: …, ja: …} (v, found in the mapping parent); both languages
 * are required. Errors point at v, or at parent when v is missing. */
static int rl_ltext(struct rload *L, const struct ynode *parent, const struct ynode *v,
		    const char *what, struct ltext *out)
{
	static const char *const langs[LANG_COUNT] = {"en", "ja"};
	if (!v || v->kind != Y_MAP)
		return rl_err(L, v ? v : parent, "%s must be a mapping with 'en' and 'ja'", what);
	for (size_t i = 0; i < v->n; i++) {
		const char *k = v->keys[i]->str;
		if (strcmp(k, "en") != 0 && strcmp(k, "ja") != 0)
			return rl_err(L, v->keys[i],
				      "%s: unknown language '%s' (expected en, ja)",
				      what, k);
	}
	for (int l = 0; l < LANG_COUNT; l++) {
		const struct ynode *t = ymap_get(v, langs[l]);
		if (!t || t->kind != Y_SCALAR || t->len == 0)
			return rl_err(L, v, "%s lacks the '%s' text", what, langs[l]);
		out->t[l] = t->str;
	}
	return 0;
}

static int rl_check_keys(struct rload *L, const struct ynode *m,
			 const char *const *allowed, const char *what)
{
	for (size_t i = 0; i < m->n; i++) {
		bool ok = false;
		for (size_t j = 0; allowed[j]; j++)
			if (strcmp(m->keys[i]->str, allowed[j]) == 0)
				ok = true;
		if (!ok)
			return rl_err(L, m->keys[i], "%s: unknown key '%s'", what,
				      m->keys[i]->str);
	}
	return 0;
}

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
					   "hints", NULL};
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each rule must be a mapping");
	int rc = rl_check_keys(L, m, keys, "rule");
	if (rc)
		return rc;
	ru->line = m->line;
	for (size_t i = 0; i <= ITEM_COUNT; i++)
		ru->items[i] = ITEM_NONE;
	ru->id = rl_str(L, m, "id", true, &rc);
	if (rc)
		return rc;
	if (!valid_rule_id(ru->id))
		return rl_err(L, m, "rule id '%s' is not of the form ELnnn", ru->id);
	ru->name = rl_str(L, m, "name", true, &rc);
	if (rc)
		return rc;
	if (!valid_slug(ru->name))
		return rl_err(L, m, "rule %s: name '%s' must be lower-case words joined by '-'",
			      ru->id, ru->name);
	const char *sev = rl_str(L, m, "severity", true, &rc);
	if (rc)
		return rc;
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

static int load_rules(struct rload *L)
{
	struct ynode *root = NULL;
	int rc = rl_open(L, "rules.yaml", &root);
	if (rc)
		return rc;
	const struct ynode *rules = ymap_get(root, "rules");
	if (!rules || rules->kind != Y_SEQ || rules->n == 0)
		return rl_err(L, root, "'rules' must be a non-empty list");
	struct registry *r = L->r;
	r->rules = arena_alloc(&r->arena, rules->n * sizeof(*r->rules));
	if (!r->rules)
		return rl_err(L, root, "out of memory");
	for (size_t i = 0; i < rules->n; i++) {
		struct rule *ru = &r->rules[i];
		if ((rc = load_rule(L, rules->vals[i], ru)))
			return rc;
		for (size_t j = 0; j < i; j++) {
			if (strcmp(r->rules[j].id, ru->id) == 0)
				return rl_err(L, rules->vals[i],
					      "rule id %s is already used on line %u",
					      ru->id, r->rules[j].line);
			if (strcmp(r->rules[j].name, ru->name) == 0)
				return rl_err(L, rules->vals[i],
					      "rule name %s is already used on line %u",
					      ru->name, r->rules[j].line);
		}
		r->nrules = i + 1;
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
		int rc = rl_ltext(L, m, m->vals[i], name, &(*out)[i].text);
		if (rc)
			return rc;
	}
	*n = m->n;
	return 0;
}

/* ---- checklist.yaml ---------------------------------------------------- */

static int load_checklist(struct rload *L)
{
	struct ynode *root = NULL;
	int rc = rl_open(L, "checklist.yaml", &root);
	if (rc)
		return rc;
	struct registry *r = L->r;
	const struct ynode *items = ymap_get(root, "items");
	if (!items || items->kind != Y_SEQ)
		return rl_err(L, root, "'items' must be a list");
	bool seen[ITEM_COUNT] = {false};
	for (size_t i = 0; i < items->n; i++) {
		const struct ynode *m = items->vals[i];
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
	}
	for (int i = 0; i < ITEM_COUNT; i++)
		if (!seen[i])
			return rl_err(L, root, "item %s is missing", item_name(i));
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
					   "input", "worst", "none", NULL};

static int load_report_groups(struct rload *L, const struct ynode *groups)
{
	struct registry *r = L->r;
	int rc = 0;
	if (!groups || groups->kind != Y_MAP)
		return rl_err(L, groups ? groups : L->root, "'groups' must map rule ids to groupings");
	r->groups = arena_alloc(&r->arena, (groups->n + 1) * sizeof(*r->groups));
	if (!r->groups)
		return rl_err(L, groups, "out of memory");
	for (size_t i = 0; i < groups->n; i++) {
		const struct ynode *k = groups->keys[i], *m = groups->vals[i];
		struct group_spec *g = &r->groups[i];
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
		if (rc)
			return rc;
	}
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

static int load_report(struct rload *L)
{
	struct ynode *root = NULL;
	int rc = rl_open(L, "report.yaml", &root);
	if (rc)
		return rc;
	struct registry *r = L->r;
	if ((rc = load_report_groups(L, ymap_get(root, "groups"))))
		return rc;
	const struct ynode *classes = ymap_get(root, "classes");
	if (!classes || classes->kind != Y_MAP || classes->n == 0 ||
	    classes->n > REPORT_CLASS_MAX)
		return rl_err(L, classes ? classes : root, "'classes' must map 1 to %d classes",
			      REPORT_CLASS_MAX);
	for (size_t i = 0; i < classes->n; i++)
		if ((rc = load_report_class(L, classes->keys[i], classes->vals[i], &r->classes[i])))
			return rc;
	r->nclasses = classes->n;
	if (!r->classes[r->nclasses - 1].any)
		return rl_err(L, classes, "the last class must have no items (it takes every other input)");
	if ((rc = rl_text_map(L, root, "words", "word", &r->words, &r->nwords)))
		return rc;
	const struct ynode *words = ymap_get(root, "words");
	for (size_t i = 0; report_words[i]; i++)
		if (registry_word(r, report_words[i], LANG_EN) == report_words[i])
			return rl_err(L, words, "word '%s' is missing", report_words[i]);
	return 0;
}

/* ---- firmware/home-routers.yaml --------------------------------------- */

void model_key(char *dst, size_t n, const char *model)
{
	size_t o = 0;
	if (!n)
		return;
	for (const char *p = model; *p && o + 1 < n; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '-' || c == '_' || c == '\t')
			continue;
		dst[o++] = (char)tolower(c);
	}
	dst[o] = '\0';
}

static int rl_date(struct rload *L, const struct ynode *m, const char *key,
		   long *days, const char **text)
{
	const struct ynode *v = ymap_get(m, key);
	*days = -1;
	if (text)
		*text = NULL;
	if (!v || yscalar_is_null(v))
		return 0;
	if (v->kind != Y_SCALAR || date_parse(v->str, true, days))
		return rl_err(L, v, "'%s' must be a date YYYY-MM-DD or YYYY-MM", key);
	if (text)
		*text = v->str;
	return 0;
}

/* Opens a dated data table: checks its top-level as_of (the review date,
 * which also dates every output's "rules data as of"), and returns the
 * list under list_key. */
static int rl_open_table(struct rload *L, const char *file, const char *list_key,
			 const char **as_of_text, const struct ynode **list)
{
	struct ynode *root = NULL;
	int rc = rl_open(L, file, &root);
	if (rc)
		return rc;
	struct registry *r = L->r;
	long asof;
	if ((rc = rl_date(L, root, "as_of", &asof, as_of_text)))
		return rc;
	if (asof < 0)
		return rl_err(L, root, "'as_of' (the date the file was last reviewed) is missing");
	if (r->data_as_of < 0 || asof < r->data_as_of)
		r->data_as_of = asof;
	*list = ymap_get(root, list_key);
	if (!*list || (*list)->kind != Y_SEQ)
		return rl_err(L, root, "'%s' must be a list", list_key);
	return 0;
}

/* An entry's optional aliases, normalised with model_key. */
static int rl_aliases(struct rload *L, const struct ynode *m, const char ***out, size_t *n)
{
	const struct ynode *al = ymap_get(m, "aliases");
	*out = NULL;
	*n = 0;
	if (!al || yscalar_is_null(al))
		return 0;
	if (al->kind != Y_SEQ)
		return rl_err(L, al, "'aliases' must be a list");
	*out = arena_alloc(&L->r->arena, (al->n + 1) * sizeof(char *));
	if (!*out)
		return rl_err(L, al, "out of memory");
	for (size_t j = 0; j < al->n; j++) {
		char k[64];
		if (al->vals[j]->kind != Y_SCALAR)
			return rl_err(L, al->vals[j], "each alias must be a name");
		model_key(k, sizeof(k), al->vals[j]->str);
		(*out)[j] = arena_strdup(&L->r->arena, k);
	}
	*n = al->n;
	return 0;
}

/* A device's optional "releases": version strings, oldest first, each
 * comparable (version_cmp) and increasing, the last equal to
 * latest_firmware when both are given. */
static int rl_releases(struct rload *L, const struct ynode *m, struct vpn_device *e)
{
	const struct ynode *rl = ymap_get(m, "releases");
	e->releases = NULL;
	e->nreleases = 0;
	if (!rl || yscalar_is_null(rl))
		return 0;
	if (rl->kind != Y_SEQ || rl->n == 0)
		return rl_err(L, rl, "device %s: 'releases' must be a list of versions", e->model);
	e->releases = arena_alloc(&L->r->arena, rl->n * sizeof(char *));
	if (!e->releases)
		return rl_err(L, rl, "out of memory");
	for (size_t j = 0; j < rl->n; j++) {
		const struct ynode *v = rl->vals[j];
		int c = -1;
		if (v->kind != Y_SCALAR)
			return rl_err(L, v, "device %s: each release must be a version", e->model);
		if (j && (version_cmp(e->releases[j - 1], v->str, &c) || c >= 0))
			return rl_err(L, v, "device %s: releases must be comparable and increasing "
					    "('%s' after '%s')", e->model, v->str, e->releases[j - 1]);
		e->releases[j] = v->str;
	}
	e->nreleases = rl->n;
	if (e->latest_firmware && strcmp(e->releases[rl->n - 1], e->latest_firmware) != 0)
		return rl_err(L, rl, "device %s: the last release '%s' is not latest_firmware '%s'",
			      e->model, e->releases[rl->n - 1], e->latest_firmware);
	return 0;
}

static int load_routers(struct rload *L)
{
	struct registry *r = L->r;
	const struct ynode *list = NULL;
	int rc = rl_open_table(L, "firmware/home-routers.yaml", "routers", &r->routers_as_of, &list);
	if (rc || !list)
		return rc ? rc : EL_EPARSE;
	r->routers = arena_alloc(&r->arena, (list->n + 1) * sizeof(*r->routers));
	if (!r->routers)
		return rl_err(L, list, "out of memory");
	static const char *const keys[] = {"vendor", "model", "aliases", "end_of_sale",
					   "end_of_support", "latest_firmware",
					   "latest_firmware_date", "unfixed_vulnerabilities",
					   "min_fixed_firmware",
					   "advisory", "source", "as_of", "note", NULL};
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		struct router_support *e = &r->routers[i];
		if (m->kind != Y_MAP)
			return rl_err(L, m, "each router must be a mapping");
		if ((rc = rl_check_keys(L, m, keys, "router")))
			return rc;
		e->line = m->line;
		e->vendor = rl_str(L, m, "vendor", true, &rc);
		if (!rc)
			e->model = rl_str(L, m, "model", true, &rc);
		if (!rc)
			e->source = rl_str(L, m, "source", true, &rc);
		if (!rc)
			e->latest_firmware = rl_str(L, m, "latest_firmware", false, &rc);
		if (!rc)
			e->advisory = rl_str(L, m, "advisory", false, &rc);
		if (!rc)
			e->min_fixed_firmware = rl_str(L, m, "min_fixed_firmware", false, &rc);
		if (!rc && e->min_fixed_firmware && !e->advisory)
			rc = rl_err(L, m, "router %s: 'min_fixed_firmware' needs the 'advisory' it fixes",
				    e->model);
		if (rc)
			return rc;
		long d;
		if ((rc = rl_date(L, m, "as_of", &d, &e->as_of)))
			return rc;
		if (d < 0)
			return rl_err(L, m, "router %s: 'as_of' is missing", e->model);
		if ((rc = rl_date(L, m, "end_of_support", &e->end_of_support,
				  &e->end_of_support_text)))
			return rc;
		long dummy;
		if ((rc = rl_date(L, m, "end_of_sale", &dummy, NULL)) ||
		    (rc = rl_date(L, m, "latest_firmware_date", &dummy, NULL)))
			return rc;
		const struct ynode *uv = ymap_get(m, "unfixed_vulnerabilities");
		if (uv && yscalar_bool(uv, &e->unfixed_vulnerabilities))
			return rl_err(L, uv, "'unfixed_vulnerabilities' must be true or false");
		model_key(e->key, sizeof(e->key), e->model);
		if ((rc = rl_aliases(L, m, &e->aliases, &e->naliases)))
			return rc;
		r->nrouters = i + 1;
	}
	return 0;
}

/* ---- firmware/home-firmware.yaml --------------------------------------- */

/* One release line; keyname names its key ("series", "branch", "major"),
 * NULL for a single entry (FreshTomato). */
static int rl_distro_line(struct rload *L, const struct ynode *m, const char *keyname,
			  const char *const *keys, struct distro_line *e)
{
	int rc;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each entry must be a mapping");
	if ((rc = rl_check_keys(L, m, keys, keyname ? keyname : "entry")))
		return rc;
	if (keyname)
		e->key = rl_str(L, m, keyname, true, &rc);
	if (!rc)
		e->latest = rl_str(L, m, "latest", false, &rc);
	if (!rc)
		e->source = rl_str(L, m, "source", true, &rc);
	if (!rc)
		e->last_branch = rl_str(L, m, "last_branch", false, &rc);
	if (!rc)
		e->codename = rl_str(L, m, "codename", false, &rc);
	if (rc)
		return rc;
	long d;
	if ((rc = rl_date(L, m, "as_of", &d, &e->as_of)))
		return rc;
	if (d < 0)
		return rl_err(L, m, "'as_of' is missing");
	if ((rc = rl_date(L, m, "end_of_life", &e->end_of_life, &e->end_of_life_text)) ||
	    (rc = rl_date(L, m, "latest_date", &d, &e->latest_date)) ||
	    (rc = rl_date(L, m, "first_release", &d, NULL)))
		return rc;
	const struct ynode *ms = ymap_get(m, "models");
	if (ms && !yscalar_is_null(ms)) {
		if (ms->kind != Y_SEQ)
			return rl_err(L, ms, "'models' must be a list");
		e->models = arena_alloc(&L->r->arena, (ms->n + 1) * sizeof(char *));
		if (!e->models)
			return rl_err(L, ms, "out of memory");
		for (size_t j = 0; j < ms->n; j++) {
			char k[64];
			if (ms->vals[j]->kind != Y_SCALAR)
				return rl_err(L, ms->vals[j], "each model must be a name");
			model_key(k, sizeof(k), ms->vals[j]->str);
			if (!(e->models[j] = arena_strdup(&L->r->arena, k)))
				return rl_err(L, ms, "out of memory");
		}
		e->nmodels = ms->n;
	}
	return 0;
}

static int rl_distro_list(struct rload *L, const struct ynode *parent, const char *listkey,
			  const char *keyname, struct distro_line **out, size_t *n)
{
	static const char *const keys[] = {"series", "branch", "major", "codename", "first_release",
					   "end_of_life", "latest", "latest_date", "models",
					   "last_branch", "source", "as_of", "note", NULL};
	const struct ynode *list = parent ? ymap_get(parent, listkey) : NULL;
	if (!list || list->kind != Y_SEQ)
		return rl_err(L, parent, "'%s' must be a list", listkey);
	*out = arena_alloc(&L->r->arena, (list->n + 1) * sizeof(**out));
	if (!*out)
		return rl_err(L, list, "out of memory");
	memset(*out, 0, (list->n + 1) * sizeof(**out));
	for (size_t i = 0; i < list->n; i++) {
		int rc = rl_distro_line(L, list->vals[i], keyname, keys, &(*out)[i]);
		if (rc)
			return rc;
		*n = i + 1;
	}
	return 0;
}

static int load_home_firmware(struct rload *L)
{
	static const char *const one_keys[] = {"latest", "latest_date", "source", "as_of",
					       "note", NULL};
	struct ynode *root = NULL;
	int rc = rl_open(L, "firmware/home-firmware.yaml", &root);
	if (rc)
		return rc;
	struct registry *r = L->r;
	struct distro_data *dd = &r->distros;
	long asof;
	if ((rc = rl_date(L, root, "as_of", &asof, &dd->as_of)))
		return rc;
	if (asof < 0)
		return rl_err(L, root, "'as_of' (the date the file was last reviewed) is missing");
	if (r->data_as_of < 0 || asof < r->data_as_of)
		r->data_as_of = asof;
	const struct ynode *ow = ymap_get(root, "openwrt");
	const struct ynode *am = ymap_get(root, "asuswrt_merlin");
	const struct ynode *ros = ymap_get(root, "routeros");
	const struct ynode *ft = ymap_get(root, "freshtomato");
	const struct ynode *ba = ymap_get(root, "build_age");
	if ((rc = rl_distro_list(L, ow ? ow : root, "releases", "series", &dd->openwrt,
				 &dd->nopenwrt)) ||
	    (rc = rl_distro_list(L, am ? am : root, "branches", "branch", &dd->merlin,
				 &dd->nmerlin)) ||
	    (rc = rl_distro_list(L, am ? am : root, "dropped_models", NULL, &dd->merlin_dropped,
				 &dd->nmerlin_dropped)) ||
	    (rc = rl_distro_list(L, ros ? ros : root, "channels", "major", &dd->routeros,
				 &dd->nrouteros)))
		return rc;
	if (!ft || ft->kind != Y_MAP)
		return rl_err(L, root, "'freshtomato' must be a mapping");
	if ((rc = rl_distro_line(L, ft, NULL, one_keys, &dd->freshtomato)))
		return rc;
	static const char *const ba_keys[] = {"warn_days", "fail_days", "source", "as_of",
					      "note", NULL};
	if (!ba || ba->kind != Y_MAP)
		return rl_err(L, root, "'build_age' must be a mapping");
	if ((rc = rl_check_keys(L, ba, ba_keys, "build_age")))
		return rc;
	const struct ynode *w = ymap_get(ba, "warn_days"), *f = ymap_get(ba, "fail_days");
	if (!w || yscalar_long(w, 1, 36500, &dd->build_age_warn_days) || !f ||
	    yscalar_long(f, 1, 36500, &dd->build_age_fail_days) ||
	    dd->build_age_fail_days < dd->build_age_warn_days)
		return rl_err(L, ba, "'warn_days' and 'fail_days' must be days, warn <= fail");
	dd->build_age_source = rl_str(L, ba, "source", true, &rc);
	return rc;
}

const struct distro_line *distro_find(const struct distro_line *list, size_t n,
				      const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].key && key && strcmp(list[i].key, key) == 0)
			return &list[i];
	return NULL;
}

bool distro_has_model(const struct distro_line *line, const char *model)
{
	char k[64];
	model_key(k, sizeof(k), model);
	for (size_t i = 0; i < line->nmodels; i++)
		if (strcmp(line->models[i], k) == 0)
			return true;
	return false;
}

/* ---- ports.yaml ------------------------------------------------------- */

/* "20,21", "137-138", "443": a port set. */
static int rl_pset(struct rload *L, const struct ynode *v, struct pset *out)
{
	if (!v || v->kind != Y_SCALAR)
		return rl_err(L, v, "ports must be a quoted list such as \"20,21\" or \"137-138\"");
	out->iv = NULL;
	out->n = 0;
	const char *p = v->str;
	while (*p) {
		char *end;
		long lo = strtol(p, &end, 10), hi = lo;
		if (end == p || lo < 0 || lo > 65535)
			return rl_err(L, v, "'%s' is not a port list", v->str);
		p = end;
		if (*p == '-') {
			hi = strtol(p + 1, &end, 10);
			if (end == p + 1 || hi < lo || hi > 65535)
				return rl_err(L, v, "'%s' is not a port list", v->str);
			p = end;
		}
		struct pset one, u;
		if (pset_range(&L->r->arena, (uint32_t)lo, (uint32_t)hi, &one) ||
		    pset_union(&L->r->arena, out, &one, &u))
			return rl_err(L, v, "out of memory");
		*out = u;
		if (*p == ',')
			p++;
		else if (*p)
			return rl_err(L, v, "'%s' is not a port list", v->str);
	}
	return 0;
}

static int load_ports(struct rload *L)
{
	struct ynode *root = NULL;
	int rc = rl_open(L, "ports.yaml", &root);
	if (rc)
		return rc;
	struct registry *r = L->r;
	const struct ynode *svcs = ymap_get(root, "services");
	if (!svcs || svcs->kind != Y_SEQ)
		return rl_err(L, root, "'services' must be a list");
	if (!rl_str(L, root, "services_source", true, &rc) || rc)
		return rc ? rc : rl_err(L, root, "'services_source' is missing");
	r->services = arena_alloc(&r->arena, (svcs->n + 1) * sizeof(*r->services));
	if (!r->services)
		return rl_err(L, root, "out of memory");
	static const struct {
		const char *name;
		uint32_t num;
	} protos[] = {{"tcp", PROTO_TCP}, {"udp", PROTO_UDP}, {"esp", PROTO_ESP},
		      {"ah", PROTO_AH}, {"gre", PROTO_GRE}, {"icmp", PROTO_ICMP},
		      {"icmp6", PROTO_ICMP6}, {"ipip", 4}};
	static const struct {
		const char *name;
		enum svc_class cls;
		bool critical;
	} classes[] = {{"management", SVC_MANAGEMENT, true}, {"remote-desktop", SVC_OTHER, true},
		       {"file-sharing", SVC_OTHER, true}, {"database", SVC_OTHER, true},
		       {"vpn", SVC_VPN, false}, {"web", SVC_OTHER, false},
		       {"mail", SVC_OTHER, false}, {"dns", SVC_OTHER, false},
		       {"other", SVC_OTHER, false}, {"infrastructure", SVC_INFRA, false}};
	for (size_t i = 0; i < svcs->n; i++) {
		const struct ynode *m = svcs->vals[i];
		struct service_def *s = &r->services[i];
		if (m->kind != Y_MAP)
			return rl_err(L, m, "each service must be a mapping");
		s->name = rl_str(L, m, "name", true, &rc);
		const char *proto = rc ? NULL : rl_str(L, m, "proto", true, &rc);
		const char *cls = rc ? NULL : rl_str(L, m, "class", true, &rc);
		if (rc)
			return rc;
		bool found = false;
		for (size_t k = 0; k < sizeof(protos) / sizeof(protos[0]); k++)
			if (strcmp(proto, protos[k].name) == 0) {
				s->proto = protos[k].num;
				found = true;
			}
		if (!found)
			return rl_err(L, m, "service %s: protocol '%s' is not one edgelint knows",
				      s->name, proto);
		found = false;
		for (size_t k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
			if (strcmp(cls, classes[k].name) == 0) {
				s->cls = classes[k].cls;
				s->critical = classes[k].critical;
				found = true;
			}
		if (!found)
			return rl_err(L, m, "service %s: class '%s' is not one edgelint knows",
				      s->name, cls);
		const struct ynode *pv = ymap_get(m, "ports");
		if (pv && (rc = rl_pset(L, pv, &s->ports)))
			return rc;
		r->nservices = i + 1;
		if (s->proto == PROTO_TCP || s->proto == PROTO_UDP) {
			int k = s->proto == PROTO_UDP;
			struct pset u;
			if (s->ports.n == 0)
				r->service_portless[k] = true;
			else if (pset_union(&r->arena, &r->service_ports[k], &s->ports, &u))
				return EL_ENOMEM;
			else
				r->service_ports[k] = u;
		}
	}
	const struct ynode *vendors = ymap_get(root, "vendors");
	if (!vendors || vendors->kind != Y_MAP)
		return rl_err(L, root, "'vendors' must map vendors to port tables");
	size_t total = 0;
	for (size_t i = 0; i < vendors->n; i++) {
		const struct ynode *pt = ymap_get(vendors->vals[i], "ports");
		if (!pt || pt->kind != Y_MAP)
			return rl_err(L, vendors->vals[i], "vendor %s: 'ports' must be a mapping",
				      vendors->keys[i]->str);
		if (!rl_str(L, vendors->vals[i], "source", true, &rc) || rc)
			return rc ? rc : rl_err(L, vendors->vals[i], "'source' is missing");
		total += pt->n;
	}
	r->port_aliases = arena_alloc(&r->arena, (total + 1) * sizeof(*r->port_aliases));
	if (!r->port_aliases)
		return rl_err(L, root, "out of memory");
	for (size_t i = 0; i < vendors->n; i++) {
		const struct ynode *pt = ymap_get(vendors->vals[i], "ports");
		for (size_t k = 0; k < pt->n; k++) {
			struct port_alias *al = &r->port_aliases[r->nport_aliases];
			al->vendor = vendors->keys[i]->str;
			al->name = pt->keys[k]->str;
			if ((rc = rl_pset(L, pt->vals[k], &al->ports)))
				return rc;
			r->nport_aliases++;
		}
	}
	return 0;
}

/* ---- firmware/vpn-devices.yaml ---------------------------------------- */

static int load_vpn_devices(struct rload *L)
{
	struct registry *r = L->r;
	const struct ynode *list = NULL;
	int rc = rl_open_table(L, "firmware/vpn-devices.yaml", "devices", &r->vpns_as_of, &list);
	if (rc || !list)
		return rc ? rc : EL_EPARSE;
	struct ynode *root = L->root;
	r->vpns = arena_alloc(&r->arena, (list->n + 1) * sizeof(*r->vpns));
	if (!r->vpns)
		return rl_err(L, list, "out of memory");
	static const char *const keys[] = {"vendor", "model", "aliases", "revision_family",
					   "end_of_support", "end_of_life", "latest_firmware",
					   "latest_firmware_date", "releases", "source", "as_of",
					   "note", NULL};
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		struct vpn_device *e = &r->vpns[i];
		if (m->kind != Y_MAP)
			return rl_err(L, m, "each device must be a mapping");
		if ((rc = rl_check_keys(L, m, keys, "device")))
			return rc;
		e->line = m->line;
		e->vendor = rl_str(L, m, "vendor", true, &rc);
		if (!rc)
			e->model = rl_str(L, m, "model", true, &rc);
		if (!rc)
			e->source = rl_str(L, m, "source", true, &rc);
		if (!rc)
			e->family = rl_str(L, m, "revision_family", false, &rc);
		if (!rc)
			e->latest_firmware = rl_str(L, m, "latest_firmware", false, &rc);
		if (rc)
			return rc;
		long d;
		if ((rc = rl_date(L, m, "as_of", &d, &e->as_of)))
			return rc;
		if (d < 0)
			return rl_err(L, m, "device %s: 'as_of' is missing", e->model);
		if ((rc = rl_date(L, m, "end_of_support", &e->end_of_support,
				  &e->end_of_support_text)) ||
		    (rc = rl_date(L, m, "latest_firmware_date", &d, NULL)))
			return rc;
		const struct ynode *eol = ymap_get(m, "end_of_life");
		if (eol && yscalar_bool(eol, &e->end_of_life))
			return rl_err(L, eol, "'end_of_life' must be true or false");
		model_key(e->key, sizeof(e->key), e->model);
		if ((rc = rl_aliases(L, m, &e->aliases, &e->naliases)) ||
		    (rc = rl_releases(L, m, e)))
			return rc;
		r->nvpns = i + 1;
	}
	const struct ynode *adv = ymap_get(root, "advisories");
	if (!adv || adv->kind != Y_SEQ)
		return rl_err(L, root, "'advisories' must be a list");
	r->advisories = arena_alloc(&r->arena, (adv->n + 1) * sizeof(*r->advisories));
	if (!r->advisories)
		return rl_err(L, root, "out of memory");
	for (size_t i = 0; i < adv->n; i++) {
		const struct ynode *m = adv->vals[i];
		struct vpn_advisory *e = &r->advisories[i];
		if (m->kind != Y_MAP)
			return rl_err(L, m, "each advisory must be a mapping");
		e->line = m->line;
		e->id = rl_str(L, m, "id", true, &rc);
		if (!rc)
			e->title = rl_str(L, m, "title", true, &rc);
		if (!rc)
			e->title_ja = rl_str(L, m, "title_ja", true, &rc);
		if (!rc)
			e->source = rl_str(L, m, "source", true, &rc);
		const char *sev = rc ? NULL : rl_str(L, m, "severity", true, &rc);
		if (rc)
			return rc;
		int s = severity_from_name(sev);
		if (s < 0)
			return rl_err(L, m, "advisory %s: severity '%s' is not known", e->id, sev);
		e->severity = (enum severity)s;
		const struct ynode *ke = ymap_get(m, "known_exploited");
		if (ke && yscalar_bool(ke, &e->known_exploited))
			return rl_err(L, ke, "'known_exploited' must be true or false");
		long d;
		if ((rc = rl_date(L, m, "as_of", &d, NULL)))
			return rc;
		if (d < 0)
			return rl_err(L, m, "advisory %s: 'as_of' is missing", e->id);
		e->vendor = rl_str(L, m, "vendor", false, &rc);
		if (rc)
			return rc;
		const struct ynode *cn = ymap_get(m, "compromise_note");
		if (cn && yscalar_bool(cn, &e->compromise_note))
			return rl_err(L, cn, "'compromise_note' must be true or false");
		/* Per software train: fixed_trains {train: release}, no_fix_trains [train]. */
		const struct ynode *ft = ymap_get(m, "fixed_trains");
		const struct ynode *nf = ymap_get(m, "no_fix_trains");
		size_t nt = (ft && ft->kind == Y_MAP ? ft->n : 0) + (nf && nf->kind == Y_SEQ ? nf->n : 0);
		if ((ft && ft->kind != Y_MAP && !yscalar_is_null(ft)) ||
		    (nf && nf->kind != Y_SEQ && !yscalar_is_null(nf)))
			return rl_err(L, m, "advisory %s: 'fixed_trains' maps trains to releases, 'no_fix_trains' lists trains",
				      e->id);
		e->trains = arena_alloc(&r->arena, (nt + 1) * sizeof(*e->trains));
		if (!e->trains)
			return rl_err(L, m, "out of memory");
		for (size_t j = 0; ft && ft->kind == Y_MAP && j < ft->n; j++) {
			if (ft->vals[j]->kind != Y_SCALAR)
				return rl_err(L, ft->vals[j], "a fixed release must be a value");
			e->trains[e->ntrains].train = ft->keys[j]->str;
			e->trains[e->ntrains++].fixed = ft->vals[j]->str;
		}
		for (size_t j = 0; nf && nf->kind == Y_SEQ && j < nf->n; j++) {
			if (nf->vals[j]->kind != Y_SCALAR)
				return rl_err(L, nf->vals[j], "a train must be a value");
			e->trains[e->ntrains].train = nf->vals[j]->str;
			e->trains[e->ntrains++].fixed = NULL;
		}
		const struct ynode *fx = ymap_get(m, "fixed");
		if (fx && yscalar_is_null(fx))
			fx = NULL;
		if ((!fx && !e->ntrains) || (fx && fx->kind != Y_MAP))
			return rl_err(L, m, "advisory %s: 'fixed' must map models to revisions", e->id);
		if (!fx) {
			r->nadvisories = i + 1;
			continue;
		}
		e->fixed = arena_alloc(&r->arena, (fx->n + 1) * sizeof(*e->fixed));
		if (!e->fixed)
			return rl_err(L, m, "out of memory");
		for (size_t j = 0; j < fx->n; j++) {
			if (fx->vals[j]->kind != Y_SCALAR)
				return rl_err(L, fx->vals[j], "a fixed revision must be a value");
			model_key(e->fixed[j].key, sizeof(e->fixed[j].key), fx->keys[j]->str);
			e->fixed[j].fixed = fx->vals[j]->str;
		}
		e->nfixed = fx->n;
		r->nadvisories = i + 1;
	}
	const struct ynode *tr = ymap_get(root, "trains");
	if (tr && !yscalar_is_null(tr)) {
		if (tr->kind != Y_SEQ)
			return rl_err(L, tr, "'trains' must be a list");
		r->trains = arena_alloc(&r->arena, (tr->n + 1) * sizeof(*r->trains));
		if (!r->trains)
			return rl_err(L, tr, "out of memory");
		for (size_t i = 0; i < tr->n; i++) {
			const struct ynode *m = tr->vals[i];
			struct vpn_train *e = &r->trains[i];
			if (m->kind != Y_MAP)
				return rl_err(L, m, "each train must be a mapping");
			e->line = m->line;
			e->vendor = rl_str(L, m, "vendor", true, &rc);
			if (!rc)
				e->train = rl_str(L, m, "train", true, &rc);
			if (!rc)
				e->latest = rl_str(L, m, "latest", false, &rc);
			if (!rc)
				e->source = rl_str(L, m, "source", true, &rc);
			if (rc)
				return rc;
			long d;
			if ((rc = rl_date(L, m, "as_of", &d, NULL)))
				return rc;
			if (d < 0)
				return rl_err(L, m, "train %s: 'as_of' is missing", e->train);
			if ((rc = rl_date(L, m, "end_of_support", &e->end_of_support,
					  &e->end_of_support_text)))
				return rc;
			r->ntrains = i + 1;
		}
	}
	return 0;
}

/* ---- passphrase.yaml ------------------------------------------------- */

static const char *rl_path(struct rload *L, const char *p)
{
	if (p[0] == '/')
		return p;
	return arena_printf(&L->r->arena, "%s/%s", L->r->dir, p);
}

static int load_passphrase(struct rload *L)
{
	struct ynode *root = NULL;
	int rc = rl_open(L, "passphrase.yaml", &root);
	if (rc)
		return rc;
	struct registry *r = L->r;
	long v;
	if (yscalar_long(ymap_get(root, "min_length_default"), 8, 63, &v))
		return rl_err(L, root, "'min_length_default' must be a number from 8 to 63");
	r->pass.min_length = (unsigned)v;
	double bits;
	if (yscalar_double(ymap_get(root, "fail_below_bits"), &bits) || bits < 0 ||
	    bits > 256)
		return rl_err(L, root, "'fail_below_bits' must be a number from 0 to 256");
	r->pass.fail_below_bits = bits;
	r->blocklist = pass_blocklist_new();
	if (!r->blocklist)
		return rl_err(L, root, "out of memory");
	r->pass.blocklist = r->blocklist;
	const struct ynode *lists = ymap_get(root, "blocklists");
	if (!lists || lists->kind != Y_SEQ)
		return rl_err(L, root, "'blocklists' must be a list");
	for (size_t i = 0; i < lists->n; i++) {
		const struct ynode *m = lists->vals[i];
		const char *p = rl_str(L, m, "path", true, &rc);
		if (rc)
			return rc;
		if (!rl_str(L, m, "source", true, &rc) || rc)
			return rc ? rc : rl_err(L, m, "'source' is missing");
		bool required = true;
		const struct ynode *req = ymap_get(m, "required");
		if (req && yscalar_bool(req, &required))
			return rl_err(L, req, "'required' must be true or false");
		const char *full = rl_path(L, p);
		long got = full ? pass_blocklist_load(r->blocklist, full) : EL_ENOMEM;
		if (got < 0) {
			if (required)
				return rl_err(L, m, "cannot read the blocklist %s: %s", full,
					      got == EL_EIO ? strerror(errno) : "bad file");
			snprintf(r->blocklist_note, sizeof(r->blocklist_note),
				 "%s could not be read; install it for a stronger passphrase check",
				 p);
		}
	}
	const char *cw = rl_str(L, root, "context_words", true, &rc);
	if (rc)
		return rc;
	const char *full = rl_path(L, cw);
	r->context_words = pass_blocklist_new();
	if (!full || !r->context_words)
		return rl_err(L, root, "out of memory");
	long got = pass_blocklist_load(r->context_words, full);
	if (got < 0)
		return rl_err(L, root, "cannot read the context words %s: %s", full,
			      got == EL_EIO ? strerror(errno) : "bad file");
	r->pass.context_words = r->context_words;
	return 0;
}

/* ---- capture-login-fields.yaml ---------------------------------------- */

static int load_login_fields(struct rload *L)
{
	struct ynode *root = NULL;
	int rc = rl_open(L, "capture-login-fields.yaml", &root);
	if (rc)
		return rc;
	long asof;
	if ((rc = rl_date(L, root, "as_of", &asof, NULL)))
		return rc;
	if (asof < 0)
		return rl_err(L, root, "'as_of' (the date the file was last reviewed) is missing");
	L->r->login_fields = lf_new();
	if (!L->r->login_fields)
		return rl_err(L, root, "out of memory");
	static const char *const kinds[LF_KINDS] = {"user", "password"};
	static const char *const keys[] = {"pattern", "for", "source", "as_of", NULL};
	for (int k = 0; k < LF_KINDS; k++) {
		const struct ynode *list = ymap_get(root, kinds[k]);
		if (!list || list->kind != Y_SEQ || list->n == 0)
			return rl_err(L, root, "'%s' must be a non-empty list of patterns", kinds[k]);
		for (size_t i = 0; i < list->n; i++) {
			const struct ynode *m = list->vals[i];
			if (m->kind != Y_MAP)
				return rl_err(L, m, "a %s entry must be a mapping", kinds[k]);
			if ((rc = rl_check_keys(L, m, keys, "a field pattern")))
				return rc;
			const char *pat = rl_str(L, m, "pattern", true, &rc);
			if (rc)
				return rc;
			if (!rl_str(L, m, "source", true, &rc) || rc)
				return rc ? rc : rl_err(L, m, "'source' is missing");
			long d;
			if ((rc = rl_date(L, m, "as_of", &d, NULL)))
				return rc;
			if (d < 0)
				return rl_err(L, m, "'as_of' is missing");
			char why[200];
			if (lf_add(L->r->login_fields, (enum lf_kind)k, pat, why, sizeof(why)))
				return rl_err(L, m, "%s", why);
		}
	}
	return 0;
}

/* ---- lookalike.yaml --------------------------------------------------- */

/* "U+0430" or 1-3 ASCII characters into code points. */
static int rl_lookalike_from(const char *s, struct lookalike_map *m)
{
	m->nfrom = 0;
	if (strncmp(s, "U+", 2) == 0) {
		char *end;
		errno = 0;
		unsigned long v = strtoul(s + 2, &end, 16);
		if (errno || *end || end == s + 2 || v < 0x80 || v > 0x10ffff)
			return -1;
		m->from[m->nfrom++] = (uint32_t)v;
		return 0;
	}
	size_t n = strlen(s);
	if (n == 0 || n > LOOKALIKE_FROM_MAX)
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return -1;
		m->from[m->nfrom++] = c;
	}
	return 0;
}

static int load_lookalike(struct rload *L)
{
	const struct ynode *list = NULL;
	const char *as_of;
	int rc = rl_open_table(L, "lookalike.yaml", "maps", &as_of, &list);
	if (rc || !list)
		return rc ? rc : EL_EPARSE;
	struct registry *r = L->r;
	const struct ynode *root = L->root;
	const struct ynode *sources = ymap_get(root, "sources");
	if (!sources || sources->kind != Y_MAP || sources->n == 0)
		return rl_err(L, root, "'sources' must be a mapping of source keys to descriptions");
	struct lookalike_data *d = &r->lookalike;
	d->maps = arena_alloc(&r->arena, (list->n ? list->n : 1) * sizeof(*d->maps));
	if (!d->maps)
		return rl_err(L, root, "out of memory");
	static const char *const keys[] = {"from", "to", "source", "name", NULL};
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		if (m->kind != Y_MAP)
			return rl_err(L, m, "each map must be a mapping");
		if ((rc = rl_check_keys(L, m, keys, "map")))
			return rc;
		const char *from = rl_str(L, m, "from", true, &rc);
		const char *to = rc ? NULL : rl_str(L, m, "to", true, &rc);
		const char *src = rc ? NULL : rl_str(L, m, "source", true, &rc);
		if (rc)
			return rc;
		struct lookalike_map mp = {0};
		if (rl_lookalike_from(from, &mp))
			return rl_err(L, m, "'from' must be \"U+XXXX\" (a non-ASCII code point) or "
				      "1-%d lower-case ASCII letters, digits or '-'", LOOKALIKE_FROM_MAX);
		size_t tn = strlen(to);
		bool ok = tn >= 1 && tn <= LOOKALIKE_TO_MAX;
		for (size_t k = 0; ok && k < tn; k++)
			ok = (to[k] >= 'a' && to[k] <= 'z') || (to[k] >= '0' && to[k] <= '9');
		if (!ok)
			return rl_err(L, m, "'to' must be 1-%d lower-case ASCII letters or digits",
				      LOOKALIKE_TO_MAX);
		memcpy(mp.to, to, tn + 1);
		if (!ymap_get(sources, src))
			return rl_err(L, m, "source '%s' is not one of 'sources'", src);
		for (size_t k = 0; k < d->nmaps; k++)
			if (d->maps[k].nfrom == mp.nfrom &&
			    memcmp(d->maps[k].from, mp.from, mp.nfrom * sizeof(uint32_t)) == 0)
				return rl_err(L, m, "'%s' is mapped twice", from);
		/* longest source first, so "rn" is tried before "r" */
		size_t at = d->nmaps;
		while (at > 0 && d->maps[at - 1].nfrom < mp.nfrom) {
			d->maps[at] = d->maps[at - 1];
			at--;
		}
		d->maps[at] = mp;
		d->nmaps++;
	}
	const char *ss = rl_str(L, root, "suffixes_source", true, &rc);
	if (rc)
		return rc;
	if (!ymap_get(sources, ss))
		return rl_err(L, root, "suffixes_source '%s' is not one of 'sources'", ss);
	const struct ynode *suf = ymap_get(root, "suffixes");
	if (!suf || suf->kind != Y_SEQ)
		return rl_err(L, root, "'suffixes' must be a list of two-label public suffixes");
	d->suffixes2 = arena_alloc(&r->arena, (suf->n ? suf->n : 1) * sizeof(char *));
	if (!d->suffixes2)
		return rl_err(L, root, "out of memory");
	for (size_t i = 0; i < suf->n; i++) {
		const struct ynode *v = suf->vals[i];
		const char *dot = v->kind == Y_SCALAR ? strchr(v->str, '.') : NULL;
		if (!dot || dot == v->str || !dot[1] || strchr(dot + 1, '.'))
			return rl_err(L, v, "each suffix must be two labels, as in co.jp");
		d->suffixes2[d->nsuffixes2++] = v->str;
	}
	return 0;
}

/* ---- vendor-templates.yaml -------------------------------------------- */

static int load_templates(struct rload *L)
{
	const struct ynode *list = NULL;
	const char *as_of;
	int rc = rl_open_table(L, "vendor-templates.yaml", "templates", &as_of, &list);
	if (rc || !list)
		return rc ? rc : EL_EPARSE;
	struct registry *r = L->r;
	r->templates = arena_alloc(&r->arena, (list->n ? list->n : 1) * sizeof(*r->templates));
	if (!r->templates)
		return rl_err(L, L->root, "out of memory");
	static const char *const keys[] = {"id", "vendor", "family", "line", "source", NULL};
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		if (m->kind != Y_MAP)
			return rl_err(L, m, "each template must be a mapping");
		if ((rc = rl_check_keys(L, m, keys, "template")))
			return rc;
		struct vendor_template *t = &r->templates[r->ntemplates];
		t->id = rl_str(L, m, "id", true, &rc);
		const char *fam = rc ? NULL : rl_str(L, m, "family", true, &rc);
		t->vendor = rc ? NULL : rl_str(L, m, "vendor", true, &rc);
		t->line = rc ? NULL : rl_str(L, m, "line", true, &rc);
		if (!rc)
			rl_str(L, m, "source", true, &rc);
		if (rc)
			return rc;
		if (strcmp(fam, "ip") != 0 && strcmp(fam, "ipv6") != 0)
			return rl_err(L, m, "template %s: 'family' must be ip or ipv6", t->id);
		t->v6 = fam[2] == 'v';
		if (strstr(t->line, "  ") || t->line[0] == ' ' || !*t->line ||
		    t->line[strlen(t->line) - 1] == ' ')
			return rl_err(L, m, "template %s: 'line' must hold fields joined by one blank",
				      t->id);
		const struct rule *ru = registry_rule(r, "EL117");
		if (!ru || !rule_msg(ru, t->id))
			return rl_err(L, m, "template %s: rules.yaml EL117 has no message variant '%s'",
				      t->id, t->id);
		r->ntemplates++;
	}
	return 0;
}

/* ---- internet-sources.yaml ---------------------------------------------- */

/* "10.0.0.0/8", "2001:db8::/32": an address and prefix length, with no bit
 * set past the prefix. */
static int rl_prefix(struct rload *L, const struct ynode *v, enum fam f, struct u128 *addr,
		     unsigned *plen)
{
	const char *fname = f == FAM_V4 ? "an IPv4" : "an IPv6";
	if (!v || v->kind != Y_SCALAR)
		return rl_err(L, v, "'prefix' must be %s prefix such as %s", fname,
			      f == FAM_V4 ? "10.0.0.0/8" : "2001:db8::/32");
	const char *sl = strchr(v->str, '/');
	long n = -1;
	if (!sl || addr_parse(f, v->str, (size_t)(sl - v->str), addr) ||
	    str_to_long(sl + 1, 0, f == FAM_V4 ? 32 : 128, &n))
		return rl_err(L, v, "'%s' is not %s prefix (address/length)", v->str, fname);
	*plen = (unsigned)n;
	struct aset one;
	if (aset_prefix(&L->r->arena, f, *addr, *plen, &one))
		return rl_err(L, v, "out of memory");
	if (one.iv[0].lo.hi != addr->hi || one.iv[0].lo.lo != addr->lo)
		return rl_err(L, v, "'%s' has address bits set past the prefix length", v->str);
	return 0;
}

struct special_entry {
	enum fam fam;
	struct u128 addr;
	unsigned plen;
	bool public_;             /* Globally Reachable true or n/a */
	const struct ynode *at;
};

/* Reads the entries of one family into es[*n...]. */
static int rl_special_list(struct rload *L, const struct ynode *list, enum fam f,
			   const struct ynode *sources, struct special_entry *es, size_t *n)
{
	static const char *const keys[] = {"prefix", "name", "rfc", "globally_reachable",
					   "source", NULL};
	const char *fname = f == FAM_V4 ? "ipv4" : "ipv6";
	if (!list || list->kind != Y_SEQ || list->n == 0)
		return rl_err(L, list ? list : L->root, "'%s' must be a non-empty list of ranges",
			      fname);
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		int rc;
		if (m->kind != Y_MAP)
			return rl_err(L, m, "each %s range must be a mapping", fname);
		if ((rc = rl_check_keys(L, m, keys, "range")))
			return rc;
		/* name and rfc are for the reader; both are required. */
		if (!rl_str(L, m, "name", true, &rc) || rc || !rl_str(L, m, "rfc", true, &rc) || rc)
			return rc ? rc : EL_EPARSE;
		const char *gr = rl_str(L, m, "globally_reachable", true, &rc);
		const char *src = rc ? NULL : rl_str(L, m, "source", true, &rc);
		if (rc)
			return rc;
		struct special_entry *e = &es[*n];
		e->fam = f;
		e->at = m;
		if ((rc = rl_prefix(L, ymap_get(m, "prefix"), f, &e->addr, &e->plen)))
			return rc;
		if (strcmp(gr, "false") == 0)
			e->public_ = false;
		else if (strcmp(gr, "true") == 0 || strcmp(gr, "n/a") == 0)
			e->public_ = true;
		else
			return rl_err(L, m, "'globally_reachable' must be true, false or \"n/a\" "
				      "(the registry's column), not '%s'", gr);
		if (!ymap_get(sources, src))
			return rl_err(L, m, "source '%s' is not one of 'sources'", src);
		for (size_t k = 0; k < *n; k++)
			if (es[k].fam == f && es[k].plen == e->plen && es[k].addr.hi == e->addr.hi &&
			    es[k].addr.lo == e->addr.lo)
				return rl_err(L, m, "this prefix is already listed on line %u",
					      es[k].at->line);
		(*n)++;
	}
	return 0;
}

/* The public space of family f: every address, then each entry from the
 * least to the most specific prefix (false removes, true/n/a puts back). */
static int special_public(struct registry *r, const struct special_entry *es, size_t n,
			  enum fam f, struct aset *out)
{
	if (aset_all(&r->arena, f, out))
		return EL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		if (es[i].fam != f)
			continue;
		struct aset one, next;
		if (aset_prefix(&r->arena, f, es[i].addr, es[i].plen, &one) ||
		    (es[i].public_ ? aset_union(&r->arena, out, &one, &next)
				   : aset_minus(&r->arena, out, &one, &next)))
			return EL_ENOMEM;
		*out = next;
	}
	return 0;
}

static int load_internet(struct rload *L)
{
	static const char *const top[] = {"as_of", "sources", "ipv6_global_unicast",
					  "ipv6_global_unicast_source", "broad", "ipv4", "ipv6",
					  NULL};
	static const char *const broad_keys[] = {"ipv4_prefix", "ipv6_prefix", "source", NULL};
	struct registry *r = L->r;
	struct internet_data *d = &r->internet;
	const struct ynode *v4 = NULL;
	int rc = rl_open_table(L, "internet-sources.yaml", "ipv4", &d->as_of, &v4);
	if (rc || !v4)
		return rc ? rc : EL_EPARSE;
	const struct ynode *root = L->root;
	if ((rc = rl_check_keys(L, root, top, "internet-sources.yaml")))
		return rc;
	const struct ynode *sources = ymap_get(root, "sources");
	if (!sources || sources->kind != Y_MAP || sources->n == 0)
		return rl_err(L, root, "'sources' must be a mapping of source keys to descriptions");
	const struct ynode *v6 = ymap_get(root, "ipv6");
	size_t cap = v4->n + (v6 && v6->kind == Y_SEQ ? v6->n : 0);
	struct special_entry *es = arena_alloc(&r->arena, (cap + 1) * sizeof(*es));
	if (!es)
		return rl_err(L, root, "out of memory");
	size_t n = 0;
	if ((rc = rl_special_list(L, v4, FAM_V4, sources, es, &n)) ||
	    (rc = rl_special_list(L, v6, FAM_V6, sources, es, &n)))
		return rc;
	/* Stable order by prefix length: insertion sort keeps equal lengths
	 * in file order (they cannot overlap: equal prefixes are refused). */
	for (size_t i = 1; i < n; i++) {
		struct special_entry e = es[i];
		size_t k = i;
		while (k > 0 && es[k - 1].plen > e.plen) {
			es[k] = es[k - 1];
			k--;
		}
		es[k] = e;
	}
	/* IPv6: only the global unicast space is public. */
	const struct ynode *gu = ymap_get(root, "ipv6_global_unicast");
	struct u128 ga = {0, 0};
	unsigned gl = 0;
	if (!gu)
		return rl_err(L, root, "'ipv6_global_unicast' (the IPv6 space IANA allocates "
			      "unicast from) is missing");
	if ((rc = rl_prefix(L, gu, FAM_V6, &ga, &gl)))
		return rc;
	const char *gs = rl_str(L, root, "ipv6_global_unicast_source", true, &rc);
	if (rc)
		return rc;
	if (!ymap_get(sources, gs))
		return rl_err(L, root, "ipv6_global_unicast_source '%s' is not one of 'sources'", gs);
	struct aset all6, global, p6;
	if (special_public(r, es, n, FAM_V4, &d->public4) ||
	    special_public(r, es, n, FAM_V6, &all6) ||
	    aset_prefix(&r->arena, FAM_V6, ga, gl, &global) ||
	    aset_intersect(&r->arena, &all6, &global, &p6))
		return rl_err(L, root, "out of memory");
	d->public6 = p6;
	if (aset_is_empty(&d->public4) || aset_is_empty(&d->public6))
		return rl_err(L, root, "the ranges leave no public %s address",
			      aset_is_empty(&d->public4) ? "IPv4" : "IPv6");
	const struct ynode *b = ymap_get(root, "broad");
	if (!b || b->kind != Y_MAP)
		return rl_err(L, root, "'broad' must give ipv4_prefix, ipv6_prefix and source");
	if ((rc = rl_check_keys(L, b, broad_keys, "broad")))
		return rc;
	long p4 = -1, p6l = -1;
	const struct ynode *x4 = ymap_get(b, "ipv4_prefix"), *x6 = ymap_get(b, "ipv6_prefix");
	if (!x4 || yscalar_long(x4, 0, 32, &p4))
		return rl_err(L, x4 ? x4 : b, "'ipv4_prefix' must be a prefix length from 0 to 32");
	if (!x6 || yscalar_long(x6, 0, 128, &p6l))
		return rl_err(L, x6 ? x6 : b, "'ipv6_prefix' must be a prefix length from 0 to 128");
	const char *bs = rl_str(L, b, "source", true, &rc);
	if (rc)
		return rc;
	if (!ymap_get(sources, bs))
		return rl_err(L, b, "source '%s' is not one of 'sources'", bs);
	d->broad_prefix4 = (unsigned)p4;
	d->broad_prefix6 = (unsigned)p6l;
	return 0;
}

/* ---- public ----------------------------------------------------------- */

int registry_load(struct registry *r, const char *dir, char *err, size_t errn)
{
	memset(r, 0, sizeof(*r));
	r->data_as_of = -1;
	r->dir = arena_strdup(&r->arena, dir);
	struct rload L = {.r = r, .file = dir, .err = err, .errn = errn};
	int rc = r->dir ? 0 : EL_ENOMEM;
	if (!rc)
		rc = load_rules(&L);
	if (!rc)
		rc = load_checklist(&L);
	if (!rc)
		rc = load_routers(&L);
	if (!rc)
		rc = load_home_firmware(&L);
	if (!rc)
		rc = load_passphrase(&L);
	if (!rc)
		rc = load_login_fields(&L);
	if (!rc)
		rc = load_ports(&L);
	if (!rc)
		rc = load_vpn_devices(&L);
	if (!rc)
		rc = load_lookalike(&L);
	if (!rc)
		rc = load_templates(&L);
	if (!rc)
		rc = load_internet(&L);
	if (!rc)
		rc = load_report(&L);
	if (rc) {
		r->nrules = 0;
		r->nrouters = 0;
		r->nnotes = 0;
		r->ngroups = 0;
		r->nclasses = 0;
		r->nwords = 0;
	}
	return rc;
}

void registry_free(struct registry *r)
{
	pass_blocklist_free(r->blocklist);
	pass_blocklist_free(r->context_words);
	lf_free(r->login_fields);
	arena_free(&r->arena);
	memset(r, 0, sizeof(*r));
}

const struct rule *registry_rule(const struct registry *r, const char *id)
{
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

const struct router_support *registry_router(const struct registry *r,
					     const char *vendor, const char *model)
{
	char full[64] = "";
	model_key(full, sizeof(full), model);
	/* NEC models are listed without the "Aterm" series name. */
	const char *key = strncmp(full, "aterm", 5) == 0 && full[5] ? full + 5 : full;
	if (!key[0])
		return NULL;
	for (size_t i = 0; i < r->nrouters; i++) {
		const struct router_support *e = &r->routers[i];
		if (vendor && strcmp(vendor, "other") != 0 && strcmp(e->vendor, vendor) != 0)
			continue;
		if (strcmp(e->key, key) == 0)
			return e;
		for (size_t j = 0; j < e->naliases; j++)
			if (strcmp(e->aliases[j], key) == 0)
				return e;
	}
	return NULL;
}

const struct vendor_template *registry_template(const struct registry *r, const char *vendor,
					      bool v6, const char *text)
{
	for (size_t i = 0; i < r->ntemplates; i++) {
		const struct vendor_template *t = &r->templates[i];
		if (t->v6 == v6 && strcmp(t->vendor, vendor) == 0 && strcmp(t->line, text) == 0)
			return t;
	}
	return NULL;
}

const struct pset *registry_port_alias(const struct registry *r, const char *vendor,
				       const char *name, size_t n)
{
	for (size_t i = 0; i < r->nport_aliases; i++) {
		const struct port_alias *al = &r->port_aliases[i];
		if (strcmp(al->vendor, vendor) == 0 && str_ieq_n(name, n, al->name))
			return &al->ports;
	}
	return NULL;
}

const struct service_def *registry_service(const struct registry *r, uint32_t proto,
					   uint32_t port)
{
	const struct service_def *best = NULL;
	if ((proto == PROTO_TCP || proto == PROTO_UDP) &&
	    !r->service_portless[proto == PROTO_UDP] &&
	    !pset_contains(&r->service_ports[proto == PROTO_UDP], port))
		return NULL;   /* most ports of a forwarded range name no service */
	for (size_t i = 0; i < r->nservices; i++) {
		const struct service_def *s = &r->services[i];
		if (s->proto != proto)
			continue;
		if (s->ports.n == 0) {
			if (!best)
				best = s;
			continue;
		}
		if (pset_contains(&s->ports, port)) {
			/* A one-port entry beats a range that also holds the port. */
			if (!best || best->ports.n == 0 ||
			    (s->ports.iv[0].hi - s->ports.iv[0].lo) <
				    (best->ports.iv[0].hi - best->ports.iv[0].lo))
				best = s;
		}
	}
	return best;
}

const struct vpn_device *registry_vpn_device(const struct registry *r, const char *vendor,
					     const char *model)
{
	char key[64] = "";
	model_key(key, sizeof(key), model);
	if (!key[0])
		return NULL;
	for (size_t i = 0; i < r->nvpns; i++) {
		const struct vpn_device *e = &r->vpns[i];
		if (vendor && strcmp(e->vendor, vendor) != 0)
			continue;
		if (strcmp(e->key, key) == 0)
			return e;
		for (size_t j = 0; j < e->naliases; j++)
			if (strcmp(e->aliases[j], key) == 0)
				return e;
	}
	return NULL;
}

void registry_release_train(const char *rel, char *out, size_t n)
{
	size_t o = 0;
	int dots = 0;
	for (const char *p = rel; *p && o + 1 < n; p++) {
		if (*p == '.' && ++dots == 2)
			break;
		if (*p == '(' || *p == ' ')
			break;
		out[o++] = *p;
	}
	out[o] = '\0';
}

const struct vpn_train *registry_train(const struct registry *r, const char *vendor,
				       const char *release)
{
	char t[32];
	registry_release_train(release, t, sizeof(t));
	for (size_t i = 0; i < r->ntrains; i++)
		if (strcmp(r->trains[i].vendor, vendor) == 0 && strcmp(r->trains[i].train, t) == 0)
			return &r->trains[i];
	return NULL;
}
