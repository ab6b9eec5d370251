/*
 * registry.c — finds the rules directory and loads it (see registry.h)
 * from a {file, loader} table: each data file is read here and handed to
 * the loader of the module that uses it (reg_load.h lists them). Every
 * problem of every file is reported as "file:line: reason" (yschema.h,
 * pfctl style); any problem fails the load, since a run with half a
 * registry would report wrong things.
 */
#define _GNU_SOURCE
#include "registry.h"
#include "capture/capture.h"
#include "reg_load.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* ---- loading helpers (reg_load.h) ---------------------------------------- */

int rl_check_keys(struct rload *L, const struct ynode *m, const char *const *allowed,
		  const char *what)
{
	return yf_keys(&L->f, m, allowed, what, false);
}

const char *rl_str(struct rload *L, const struct ynode *m, const char *key, bool required,
		   int *rc)
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

/* A whole number from min to max under key of m (required). */
long rl_num(struct rload *L, const struct ynode *m, const char *key, long min, long max,
		   int *rc)
{
	const char *v = rl_str(L, m, key, true, rc);
	char *end = NULL;
	long x = v ? strtol(v, &end, 10) : -1;
	if (v && (!*v || *end || x < min || x > max)) {
		*rc = rl_err(L, m, "'%s' must be a whole number from %ld to %ld", key, min, max);
		return -1;
	}
	return x;
}

int rl_ltext(struct rload *L, const struct ynode *parent, const struct ynode *v,
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

int rl_date(struct rload *L, const struct ynode *m, const char *key, long *days,
	    const char **text)
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

int rl_as_of(struct rload *L, const struct ynode *m, const char *what, const char *name,
	     const char **text)
{
	long d;
	int rc = rl_date(L, m, "as_of", &d, text);
	if (rc || d >= 0)
		return rc;
	if (what)
		return rl_err(L, m, "%s %s: 'as_of' is missing", what, rl_name(name));
	return rl_err(L, m, "'as_of' is missing");
}

int rl_table(struct rload *L, const char *list_key, const char **as_of_text,
	     const struct ynode **list)
{
	struct registry *r = L->r;
	const struct ynode *root = L->f.root;
	long asof;
	int rc = rl_date(L, root, "as_of", &asof, as_of_text);
	if (!rc && asof < 0)
		rc = rl_err(L, root, "'as_of' (the date the file was last reviewed) is missing");
	if (!rc && (r->data_as_of < 0 || asof < r->data_as_of))
		r->data_as_of = asof;
	*list = ymap_get(root, list_key);
	if (!*list || (*list)->kind != Y_SEQ) {
		*list = NULL;
		return rl_err(L, root, "'%s' must be a list", list_key);
	}
	return rc;
}

void *rl_list(struct rload *L, const struct ynode *list, const struct ynode *at, size_t size,
	      const char *key, const char *shape)
{
	if (!list || list->kind != Y_SEQ) {
		rl_err(L, list ? list : at, "'%s' must be a list of %s", key, shape);
		return NULL;
	}
	void *a = arena_alloc(&L->r->arena, (list->n + 1) * size);
	if (!a)
		rl_err(L, list, "out of memory");
	return a;
}

bool rl_entry(struct rload *L, const struct ynode *m, const char *const *allowed,
	      const char *what, const char *shape)
{
	if (m->kind != Y_MAP) {
		rl_err(L, m, "a %s must be a mapping %s", what, shape);
		return false;
	}
	char w[64];
	snprintf(w, sizeof(w), "a %s", what);
	return rl_check_keys(L, m, allowed, w) == 0;
}

/* ---- the {file, loader} table ------------------------------------------- */

static const struct reg_file {
	const char *file;             /* under the rules directory */
	int (*load)(struct rload *L);
	bool needs_rules;             /* names rules of rules.yaml: not read when
				       * that file had problems (they would only
				       * repeat them) */
} reg_files[] = {
	{"rules.yaml", reg_load_rules, false},
	{"checklist.yaml", reg_load_checklist, false},
	{"firmware/home-routers.yaml", reg_load_routers, false},
	{"firmware/home-firmware.yaml", reg_load_home_firmware, false},
	{"passphrase.yaml", reg_load_passphrase, false},
	{"capture-login-fields.yaml", reg_load_login_fields, false},
	{"ports.yaml", reg_load_ports, false},
	{"firmware/vpn-devices.yaml", reg_load_vpn_devices, false},
	{"lookalike.yaml", reg_load_lookalike, false},
	{"service-domains.yaml", reg_load_service_domains, false},
	{"wifi-labels.yaml", reg_load_wifi_labels, false},
	{"default-ssids.yaml", reg_load_default_ssids, false},
	{"admin-defaults.yaml", reg_load_admin_defaults, false},
	{"vendor-templates.yaml", reg_load_templates, true},
	{"internet-sources.yaml", reg_load_internet, false},
	{"report.yaml", reg_load_report, true},
};

/* Reads one file of the table and runs its loader; the number of
 * problems it had. *unreadable: the file could not be read at all. */
static unsigned reg_load_file(struct registry *r, struct ydiag *d, const struct reg_file *rf,
			      bool *unreadable)
{
	struct rload L = {.r = r, .f = {.a = &r->arena, .d = d}};
	snprintf(L.path, sizeof(L.path), "%s/%s", r->dir, rf->file);
	int orc = yf_open(&L.f, L.path, RULES_FILE_MAX, "cannot read");
	*unreadable = orc == EL_EIO;
	if (orc != 0)
		return L.f.errors;
	if (!L.f.root || L.f.root->kind != Y_MAP) {
		rl_err(&L, L.f.root, "expected a mapping at the top");
		return L.f.errors;
	}
	int rc = rf->load(&L);
	/* A loader that stopped without saying why (memory): never silent. */
	if (rc && !L.f.errors)
		rl_err(&L, NULL, "%s", rc == EL_ENOMEM ? "out of memory" : "cannot be loaded");
	return L.f.errors;
}

int registry_load(struct registry *r, const char *dir, char *err, size_t errn)
{
	memset(r, 0, sizeof(*r));
	r->data_as_of = -1;
	r->dir = arena_strdup(&r->arena, dir);
	struct ydiag d;
	ydiag_init(&d, err, errn);
	if (!r->dir) {
		ydiag_add(&d, "out of memory");
		return EL_ENOMEM;
	}
	bool rules_ok = true;
	for (size_t i = 0; i < ARRAY_SIZE(reg_files); i++) {
		if (reg_files[i].needs_rules && !rules_ok)
			continue;
		bool unreadable;
		unsigned n = reg_load_file(r, &d, &reg_files[i], &unreadable);
		if (reg_files[i].load == reg_load_rules) {
			rules_ok = n == 0;
			/* No rules.yaml: not a rules directory (is_rules_dir); one
			 * problem, not one per file. */
			if (unreadable)
				break;
		}
	}
	ydiag_finish(&d);
	if (d.count) {
		r->nrules = 0;
		r->nrouters = 0;
		r->nnotes = 0;
		r->ngroups = 0;
		r->nclasses = 0;
		r->nwords = 0;
		return EL_EPARSE;
	}
	return 0;
}

void registry_free(struct registry *r)
{
	pass_blocklist_free(r->blocklist);
	pass_blocklist_free(r->context_words);
	lf_free(r->login_fields);
	lookalike_psl_free(r->lookalike.psl);
	arena_free(&r->arena);
	memset(r, 0, sizeof(*r));
}
