/*
 * reg_firmware.c — the support and firmware tables of items 5-3 and 5-4:
 * home routers (rules/firmware/home-routers.yaml), home-router firmware
 * distributions (rules/firmware/home-firmware.yaml) and VPN devices with
 * their advisories and software trains (rules/firmware/vpn-devices.yaml),
 * with their lookups (registry.h). Loaded from registry.c's {file,
 * loader} table; every problem of a file is reported (reg_load.h).
 */
#include "reg_load.h"
#include "version.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

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

/* The optional "makers" list of a firmware file: {vendor, page, source,
 * as_of, note}, added to the registry's (a vendor listed once across the
 * files; the page an http(s) address). */
static void load_makers(struct rload *L)
{
	static const char *const keys[] = {"vendor", "page", "source", "as_of", "note", NULL};
	struct registry *r = L->r;
	const struct ynode *list = ymap_get(L->f.root, "makers");
	if (!list || yscalar_is_null(list))
		return;
	if (list->kind != Y_SEQ) {
		rl_err(L, list, "'makers' must be a list of {vendor, page, source, as_of}");
		return;
	}
	struct maker_page *all = arena_alloc(&r->arena, (r->nmakers + list->n + 1) * sizeof(*all));
	if (!all) {
		rl_err(L, list, "out of memory");
		return;
	}
	if (r->nmakers)
		memcpy(all, r->makers, r->nmakers * sizeof(*all));
	r->makers = all;
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		int rc = 0;
		if (m->kind != Y_MAP) {
			rl_err(L, m, "each maker must be a mapping {vendor, page, source, as_of}");
			continue;
		}
		if (rl_check_keys(L, m, keys, "maker"))
			continue;
		struct maker_page e = {.line = m->line};
		e.vendor = rl_str(L, m, "vendor", true, &rc);
		e.page = rl_str(L, m, "page", true, &rc);
		e.source = rl_str(L, m, "source", true, &rc);
		if (rl_as_of(L, m, "maker", e.vendor, NULL) || rc || !e.vendor || !e.page)
			continue;
		if (strncmp(e.page, "https://", 8) != 0 && strncmp(e.page, "http://", 7) != 0) {
			rl_err(L, ymap_get(m, "page"), "maker %s: 'page' must be an http(s) address",
			       e.vendor);
			continue;
		}
		const struct maker_page *dup = registry_maker_page(r, e.vendor);
		if (dup) {
			rl_err(L, m, "maker %s is already listed (line %u)", e.vendor, dup->line);
			continue;
		}
		r->makers[r->nmakers++] = e;
	}
}

const struct maker_page *registry_maker_page(const struct registry *r, const char *vendor)
{
	for (size_t i = 0; vendor && i < r->nmakers; i++)
		if (strcmp(r->makers[i].vendor, vendor) == 0)
			return &r->makers[i];
	return NULL;
}

/* One router of home-routers.yaml: every problem of its fields. */
static int load_router(struct rload *L, const struct ynode *m, struct router_support *e)
{
	static const char *const keys[] = {"vendor", "model", "aliases", "end_of_sale",
					   "end_of_support", "latest_firmware",
					   "latest_firmware_date", "unfixed_vulnerabilities",
					   "min_fixed_firmware", "last_affected_firmware",
					   "advisory", "source", "as_of", "note", NULL};
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each router must be a mapping");
	if ((rc = rl_check_keys(L, m, keys, "router")))
		return rc;
	e->line = m->line;
	e->vendor = rl_str(L, m, "vendor", true, &rc);
	e->model = rl_str(L, m, "model", true, &rc);
	e->source = rl_str(L, m, "source", true, &rc);
	e->latest_firmware = rl_str(L, m, "latest_firmware", false, &rc);
	e->advisory = rl_str(L, m, "advisory", false, &rc);
	e->min_fixed_firmware = rl_str(L, m, "min_fixed_firmware", false, &rc);
	if (e->min_fixed_firmware && !e->advisory)
		rc = rl_err(L, m, "router %s: 'min_fixed_firmware' needs the 'advisory' it fixes",
			    rl_name(e->model));
	/* A source that gives only the last affected release ("2.0.9 and
	 * earlier"): kept as such, never turned into a guessed fixed one. */
	e->last_affected_firmware = rl_str(L, m, "last_affected_firmware", false, &rc);
	if (e->last_affected_firmware && !e->advisory)
		rc = rl_err(L, m, "router %s: 'last_affected_firmware' needs the 'advisory' it is "
			    "affected by", rl_name(e->model));
	if (e->last_affected_firmware && e->min_fixed_firmware)
		rc = rl_err(L, m, "router %s: give 'min_fixed_firmware' or 'last_affected_firmware', "
			    "not both", rl_name(e->model));
	if (rl_as_of(L, m, "router", e->model, &e->as_of))
		rc = EL_EPARSE;
	long dummy;
	if (rl_date(L, m, "end_of_support", &e->end_of_support, &e->end_of_support_text) |
	    rl_date(L, m, "end_of_sale", &dummy, NULL) |
	    rl_date(L, m, "latest_firmware_date", &dummy, NULL))
		rc = EL_EPARSE;
	const struct ynode *uv = ymap_get(m, "unfixed_vulnerabilities");
	if (uv && yscalar_bool(uv, &e->unfixed_vulnerabilities))
		rc = rl_err(L, uv, "'unfixed_vulnerabilities' must be true or false");
	if (rl_aliases(L, m, &e->aliases, &e->naliases))
		rc = EL_EPARSE;
	if (e->model)
		model_key(e->key, sizeof(e->key), e->model);
	return rc;
}

int reg_load_routers(struct rload *L)
{
	struct registry *r = L->r;
	const struct ynode *list = NULL;
	rl_table(L, "routers", &r->routers_as_of, &list);
	if (!list)
		return EL_EPARSE;
	r->routers = arena_alloc(&r->arena, (list->n + 1) * sizeof(*r->routers));
	if (!r->routers)
		return rl_err(L, list, "out of memory");
	for (size_t i = 0; i < list->n; i++)
		load_router(L, list->vals[i], &r->routers[i]);
	r->nrouters = list->n;
	load_makers(L);
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
	e->latest = rl_str(L, m, "latest", false, &rc);
	e->source = rl_str(L, m, "source", true, &rc);
	e->last_branch = rl_str(L, m, "last_branch", false, &rc);
	e->codename = rl_str(L, m, "codename", false, &rc);
	if (rl_as_of(L, m, NULL, NULL, &e->as_of))
		rc = EL_EPARSE;
	long d;
	if (rl_date(L, m, "end_of_life", &e->end_of_life, &e->end_of_life_text) |
	    rl_date(L, m, "latest_date", &d, &e->latest_date) |
	    rl_date(L, m, "first_release", &d, NULL))
		rc = EL_EPARSE;
	if (rc)
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
	for (size_t i = 0; i < list->n; i++)
		rl_distro_line(L, list->vals[i], keyname, keys, &(*out)[i]);
	*n = list->n;
	return 0;
}

/* The judge methods by their names in the data. */
static const struct {
	const char *name;
	enum fw_judge judge;
} fw_judges[] = {
	{"model", FWJ_MODEL}, {"release-series", FWJ_RELEASE_SERIES},
	{"model-branch", FWJ_MODEL_BRANCH}, {"major-channel", FWJ_MAJOR_CHANNEL},
	{"newest-release", FWJ_NEWEST_RELEASE}, {"build-age", FWJ_BUILD_AGE},
};

/* One firmware line of "lines": every problem of its fields. */
static int load_fw_line(struct rload *L, const struct ynode *m, struct fw_line *e)
{
	static const char *const keys[] = {"id", "name", "branch_of", "judge", "give", "source",
					   "as_of", "note", NULL};
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each firmware line must be a mapping");
	if ((rc = rl_check_keys(L, m, keys, "firmware line")))
		return rc;
	e->line = m->line;
	e->id = rl_str(L, m, "id", true, &rc);
	e->name = rl_str(L, m, "name", true, &rc);
	e->branch_of = rl_str(L, m, "branch_of", false, &rc);
	e->source = rl_str(L, m, "source", true, &rc);
	const char *judge = rl_str(L, m, "judge", true, &rc);
	if (rl_as_of(L, m, "firmware line", rl_name(e->id), &e->as_of))
		rc = EL_EPARSE;
	const struct ynode *give = ymap_get(m, "give");
	if (give && rl_ltext(L, m, give, "give", &e->give))
		rc = EL_EPARSE;
	if (!judge)
		return EL_EPARSE;
	char names[160] = "";
	for (size_t i = 0; i < ARRAY_SIZE(fw_judges); i++) {
		if (strcmp(fw_judges[i].name, judge) == 0) {
			e->judge = fw_judges[i].judge;
			return rc;
		}
		size_t o = strlen(names);
		snprintf(names + o, sizeof(names) - o, "%s%s", i ? ", " : "", fw_judges[i].name);
	}
	return rl_err(L, ymap_get(m, "judge"), "firmware line %s: judge '%s' is not one of %s",
		      rl_name(e->id), judge, names);
}

/* The "lines" list: each line read, ids unique, branch_of an id of the list. */
static void load_fw_lines(struct rload *L, struct distro_data *dd)
{
	const struct ynode *list = ymap_get(L->f.root, "lines");
	if (!list || list->kind != Y_SEQ || list->n == 0) {
		rl_err(L, list ? list : L->f.root, "'lines' must be a list of firmware lines");
		return;
	}
	dd->lines = arena_alloc(&L->r->arena, list->n * sizeof(*dd->lines));
	if (!dd->lines) {
		rl_err(L, list, "out of memory");
		return;
	}
	memset(dd->lines, 0, list->n * sizeof(*dd->lines));
	for (size_t i = 0; i < list->n; i++) {
		struct fw_line *e = &dd->lines[i];
		if (load_fw_line(L, list->vals[i], e) || !e->id)
			continue;
		for (size_t j = 0; j < i; j++)
			if (dd->lines[j].id && strcmp(dd->lines[j].id, e->id) == 0)
				rl_err(L, list->vals[i], "firmware line %s is already listed on line %u",
				       e->id, dd->lines[j].line);
	}
	dd->nlines = list->n;
	for (size_t i = 0; i < list->n; i++) {
		const struct fw_line *e = &dd->lines[i];
		bool found = false;
		for (size_t j = 0; e->branch_of && j < list->n; j++)
			found |= j != i && dd->lines[j].id && strcmp(dd->lines[j].id, e->branch_of) == 0;
		if (e->branch_of && !found)
			rl_err(L, ymap_get(list->vals[i], "branch_of"),
			       "firmware line %s: branch_of '%s' is not the id of another line",
			       rl_name(e->id), e->branch_of);
	}
}

const struct fw_line *registry_fw_line(const struct registry *r, const char *id)
{
	for (size_t i = 0; id && i < r->distros.nlines; i++)
		if (r->distros.lines[i].id && strcmp(r->distros.lines[i].id, id) == 0)
			return &r->distros.lines[i];
	return NULL;
}

int reg_load_home_firmware(struct rload *L)
{
	static const char *const one_keys[] = {"latest", "latest_date", "source", "as_of",
					       "note", NULL};
	const struct ynode *root = L->f.root;
	struct registry *r = L->r;
	struct distro_data *dd = &r->distros;
	int rc = 0;
	long asof;
	if (!rl_date(L, root, "as_of", &asof, &dd->as_of) && asof < 0)
		rl_err(L, root, "'as_of' (the date the file was last reviewed) is missing");
	if (asof >= 0 && (r->data_as_of < 0 || asof < r->data_as_of))
		r->data_as_of = asof;
	load_fw_lines(L, dd);
	const struct ynode *ow = ymap_get(root, "openwrt");
	const struct ynode *am = ymap_get(root, "asuswrt_merlin");
	const struct ynode *ros = ymap_get(root, "routeros");
	const struct ynode *ft = ymap_get(root, "freshtomato");
	const struct ynode *ba = ymap_get(root, "build_age");
	rl_distro_list(L, ow ? ow : root, "releases", "series", &dd->openwrt, &dd->nopenwrt);
	rl_distro_list(L, am ? am : root, "branches", "branch", &dd->merlin, &dd->nmerlin);
	rl_distro_list(L, am ? am : root, "dropped_models", NULL, &dd->merlin_dropped,
		       &dd->nmerlin_dropped);
	rl_distro_list(L, ros ? ros : root, "channels", "major", &dd->routeros, &dd->nrouteros);
	if (!ft || ft->kind != Y_MAP)
		rl_err(L, root, "'freshtomato' must be a mapping");
	else
		rl_distro_line(L, ft, NULL, one_keys, &dd->freshtomato);
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

/* ---- firmware/vpn-devices.yaml ---------------------------------------- */

/* One device of vpn-devices.yaml: every problem of its fields. */
static int load_vpn_device(struct rload *L, const struct ynode *m, struct vpn_device *e)
{
	static const char *const keys[] = {"vendor", "model", "aliases", "revision_family",
					   "end_of_support", "end_of_life", "latest_firmware",
					   "latest_firmware_date", "releases", "source", "as_of",
					   "note", NULL};
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each device must be a mapping");
	if ((rc = rl_check_keys(L, m, keys, "device")))
		return rc;
	e->line = m->line;
	e->vendor = rl_str(L, m, "vendor", true, &rc);
	e->model = rl_str(L, m, "model", true, &rc);
	e->source = rl_str(L, m, "source", true, &rc);
	e->family = rl_str(L, m, "revision_family", false, &rc);
	e->latest_firmware = rl_str(L, m, "latest_firmware", false, &rc);
	if (rl_as_of(L, m, "device", e->model, &e->as_of))
		rc = EL_EPARSE;
	long d;
	if (rl_date(L, m, "end_of_support", &e->end_of_support, &e->end_of_support_text) |
	    rl_date(L, m, "latest_firmware_date", &d, NULL))
		rc = EL_EPARSE;
	const struct ynode *eol = ymap_get(m, "end_of_life");
	if (eol && yscalar_bool(eol, &e->end_of_life))
		rc = rl_err(L, eol, "'end_of_life' must be true or false");
	if (rl_aliases(L, m, &e->aliases, &e->naliases))
		rc = EL_EPARSE;
	if (!e->model)
		return EL_EPARSE;
	model_key(e->key, sizeof(e->key), e->model);
	if (rl_releases(L, m, e))
		rc = EL_EPARSE;
	return rc;
}

/* The releases of one per-train map of an advisory (fixed_trains or
 * last_affected_trains) into e->trains; last says which field they fill. */
static int advisory_train_map(struct rload *L, const struct ynode *map, struct vpn_advisory *e,
			      bool last)
{
	int rc = 0;
	for (size_t j = 0; map && map->kind == Y_MAP && j < map->n; j++) {
		if (map->vals[j]->kind != Y_SCALAR) {
			rc = rl_err(L, map->vals[j], last ? "a last affected release must be a value"
							  : "a fixed release must be a value");
			continue;
		}
		struct vpn_train_fix *t = &e->trains[e->ntrains++];
		t->train = map->keys[j]->str;
		t->fixed = last ? NULL : map->vals[j]->str;
		t->last_affected = last ? map->vals[j]->str : NULL;
	}
	return rc;
}

/* An advisory's per-train facts: fixed_trains {train: first fixed
 * release}, last_affected_trains {train: last affected release} (where
 * the source lists affected builds and names no fix), no_fix_trains
 * [train]. A train is named in one of them only. */
static int load_advisory_trains(struct rload *L, const struct ynode *m, struct vpn_advisory *e)
{
	const struct ynode *ft = ymap_get(m, "fixed_trains");
	const struct ynode *lt = ymap_get(m, "last_affected_trains");
	const struct ynode *nf = ymap_get(m, "no_fix_trains");
	size_t nt = (ft && ft->kind == Y_MAP ? ft->n : 0) + (lt && lt->kind == Y_MAP ? lt->n : 0) +
		    (nf && nf->kind == Y_SEQ ? nf->n : 0);
	if ((ft && ft->kind != Y_MAP && !yscalar_is_null(ft)) ||
	    (lt && lt->kind != Y_MAP && !yscalar_is_null(lt)) ||
	    (nf && nf->kind != Y_SEQ && !yscalar_is_null(nf)))
		return rl_err(L, m, "advisory %s: 'fixed_trains' and 'last_affected_trains' map trains "
			      "to releases, 'no_fix_trains' lists trains", e->id);
	e->trains = arena_alloc(&L->r->arena, (nt + 1) * sizeof(*e->trains));
	if (!e->trains)
		return rl_err(L, m, "out of memory");
	int rc = advisory_train_map(L, ft, e, false);
	if (advisory_train_map(L, lt, e, true))
		rc = EL_EPARSE;
	for (size_t j = 0; nf && nf->kind == Y_SEQ && j < nf->n; j++) {
		if (nf->vals[j]->kind != Y_SCALAR) {
			rc = rl_err(L, nf->vals[j], "a train must be a value");
			continue;
		}
		e->trains[e->ntrains].train = nf->vals[j]->str;
		e->trains[e->ntrains].fixed = NULL;
		e->trains[e->ntrains++].last_affected = NULL;
	}
	for (size_t j = 1; j < e->ntrains; j++)
		for (size_t k = 0; k < j; k++)
			if (strcmp(e->trains[j].train, e->trains[k].train) == 0) {
				rc = rl_err(L, m, "advisory %s: train %s is named twice in its "
					    "fixed_trains, last_affected_trains and no_fix_trains",
					    e->id, e->trains[j].train);
				break;
			}
	return rc;
}

/* An advisory's exploitation facts (issue 18 §1), every problem reported:
 * kev (CISA KEV) with kev_date_added (the catalog's dateAdded, a full
 * date) and kev_ransomware (its knownRansomwareCampaignUse, "Known" =
 * true), both only with kev: true; vendor_exploited with
 * vendor_exploited_source, the source only with vendor_exploited: true.
 * Both flags are required, so an entry says what was checked. The old
 * known_exploited mixed the two and is refused with a pointer to them. */
/* A required true/false field of advisory id: "advisory <id>: '<key>' is
 * missing (<meaning>)" when absent. 0 or EL_EPARSE. */
static int adv_flag(struct rload *L, const struct ynode *m, const char *id, const char *key,
		    const char *meaning, bool *out)
{
	const struct ynode *v = ymap_get(m, key);
	if (!v)
		return rl_err(L, m, "advisory %s: '%s' is missing (%s)", id, key, meaning);
	if (yscalar_bool(v, out))
		return rl_err(L, v, "'%s' must be true or false", key);
	return 0;
}

static int load_advisory_exploited(struct rload *L, const struct ynode *m, struct vpn_advisory *e)
{
	const char *id = rl_name(e->id);
	int rc = 0;
	if (ymap_get(m, "known_exploited"))
		rc = rl_err(L, ymap_get(m, "known_exploited"),
			    "advisory %s: 'known_exploited' is replaced by 'kev' (in CISA's KEV catalog, "
			    "with kev_date_added and kev_ransomware) and 'vendor_exploited' (with "
			    "vendor_exploited_source)", id);
	const struct ynode *k = ymap_get(m, "kev");
	if (adv_flag(L, m, id, "kev", "true when CISA's KEV catalog lists the CVE, else false",
		     &e->kev))
		rc = EL_EPARSE;
	const struct ynode *kd = ymap_get(m, "kev_date_added");
	const struct ynode *kr = ymap_get(m, "kev_ransomware");
	if (e->kev) {
		long d;
		if (!kd || yscalar_is_null(kd))
			rc = rl_err(L, m, "advisory %s: 'kev_date_added' is missing (the catalog's "
				    "dateAdded)", id);
		else if (rl_date(L, m, "kev_date_added", &d, &e->kev_date_added))
			rc = EL_EPARSE;
		else if (strlen(e->kev_date_added) != 10)
			rc = rl_err(L, kd, "'kev_date_added' must be a full date YYYY-MM-DD");
		if (adv_flag(L, m, id, "kev_ransomware", "the catalog's knownRansomwareCampaignUse: "
			     "true for Known, false for Unknown", &e->kev_ransomware))
			rc = EL_EPARSE;
	} else if (k && (kd || kr)) {
		rc = rl_err(L, kd ? kd : kr, "advisory %s: 'kev_date_added' and 'kev_ransomware' "
			    "belong to 'kev: true'", id);
	}
	const struct ynode *v = ymap_get(m, "vendor_exploited");
	const struct ynode *vs = ymap_get(m, "vendor_exploited_source");
	if (adv_flag(L, m, id, "vendor_exploited", "true when the vendor says it was exploited, "
		     "else false", &e->vendor_exploited))
		rc = EL_EPARSE;
	if (e->vendor_exploited)
		e->vendor_exploited_source = rl_str(L, m, "vendor_exploited_source", true, &rc);
	else if (v && vs)
		rc = rl_err(L, vs, "advisory %s: 'vendor_exploited_source' belongs to "
			    "'vendor_exploited: true'", id);
	const struct ynode *cn = ymap_get(m, "compromise_note");
	if (cn && yscalar_bool(cn, &e->compromise_note))
		rc = rl_err(L, cn, "'compromise_note' must be true or false");
	else if (e->compromise_note && !e->kev && !e->vendor_exploited)
		rc = rl_err(L, cn, "advisory %s: 'compromise_note' needs an exploited advisory "
			    "(kev or vendor_exploited)", id);
	return rc;
}

/* One advisory of vpn-devices.yaml. */
static int load_advisory(struct rload *L, const struct ynode *m, struct vpn_advisory *e)
{
	static const char *const keys[] = {"id", "vendor", "cves", "title", "title_ja", "severity",
					   "kev", "kev_date_added", "kev_ransomware",
					   "vendor_exploited", "vendor_exploited_source",
					   "known_exploited", "compromise_note", "published",
					   "source", "as_of", "fixed", "fixed_trains",
					   "last_affected_trains", "no_fix_trains", "note", NULL};
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each advisory must be a mapping");
	if ((rc = rl_check_keys(L, m, keys, "advisory")))
		return rc;
	e->line = m->line;
	e->id = rl_str(L, m, "id", true, &rc);
	e->title = rl_str(L, m, "title", true, &rc);
	e->title_ja = rl_str(L, m, "title_ja", true, &rc);
	e->source = rl_str(L, m, "source", true, &rc);
	const char *sev = rl_str(L, m, "severity", true, &rc);
	e->vendor = rl_str(L, m, "vendor", false, &rc);
	int s = sev ? severity_from_name(sev) : 0;
	if (s < 0)
		rc = rl_err(L, m, "advisory %s: severity '%s' is not known", rl_name(e->id), sev);
	e->severity = s < 0 ? SEV_INFO : (enum severity)s;
	if (load_advisory_exploited(L, m, e))
		rc = EL_EPARSE;
	if (rl_as_of(L, m, "advisory", e->id, NULL))
		rc = EL_EPARSE;
	long pub;
	if (rl_date(L, m, "published", &pub, NULL))
		rc = EL_EPARSE;
	if (!e->id)
		return EL_EPARSE;
	int trc = load_advisory_trains(L, m, e);
	if (trc == EL_EPARSE && !e->trains)
		return trc;
	if (trc)
		rc = trc;
	const struct ynode *fx = ymap_get(m, "fixed");
	if (fx && yscalar_is_null(fx))
		fx = NULL;
	if ((!fx && !e->ntrains && !trc) || (fx && fx->kind != Y_MAP))
		return rl_err(L, m, "advisory %s: 'fixed' must map models to revisions", e->id);
	if (!fx)
		return rc;
	e->fixed = arena_alloc(&L->r->arena, (fx->n + 1) * sizeof(*e->fixed));
	if (!e->fixed)
		return rl_err(L, m, "out of memory");
	for (size_t j = 0; j < fx->n; j++) {
		if (fx->vals[j]->kind != Y_SCALAR) {
			rc = rl_err(L, fx->vals[j], "a fixed revision must be a value");
			continue;
		}
		model_key(e->fixed[j].key, sizeof(e->fixed[j].key), fx->keys[j]->str);
		e->fixed[j].fixed = fx->vals[j]->str;
	}
	e->nfixed = fx->n;
	return rc;
}

/* One software train of vpn-devices.yaml. */
static int load_train(struct rload *L, const struct ynode *m, struct vpn_train *e)
{
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each train must be a mapping");
	e->line = m->line;
	e->vendor = rl_str(L, m, "vendor", true, &rc);
	e->train = rl_str(L, m, "train", true, &rc);
	e->latest = rl_str(L, m, "latest", false, &rc);
	e->source = rl_str(L, m, "source", true, &rc);
	if (rl_as_of(L, m, "train", e->train, NULL))
		rc = EL_EPARSE;
	if (rl_date(L, m, "end_of_support", &e->end_of_support, &e->end_of_support_text))
		rc = EL_EPARSE;
	return rc;
}

int reg_load_vpn_devices(struct rload *L)
{
	struct registry *r = L->r;
	const struct ynode *root = L->f.root;
	const struct ynode *list = NULL;
	rl_table(L, "devices", &r->vpns_as_of, &list);
	load_makers(L);
	if (list) {
		r->vpns = arena_alloc(&r->arena, (list->n + 1) * sizeof(*r->vpns));
		if (!r->vpns)
			return rl_err(L, list, "out of memory");
		for (size_t i = 0; i < list->n; i++)
			load_vpn_device(L, list->vals[i], &r->vpns[i]);
		r->nvpns = list->n;
	}
	const struct ynode *adv = ymap_get(root, "advisories");
	if (!adv || adv->kind != Y_SEQ) {
		rl_err(L, root, "'advisories' must be a list");
	} else {
		r->advisories = arena_alloc(&r->arena, (adv->n + 1) * sizeof(*r->advisories));
		if (!r->advisories)
			return rl_err(L, root, "out of memory");
		for (size_t i = 0; i < adv->n; i++)
			load_advisory(L, adv->vals[i], &r->advisories[i]);
		r->nadvisories = adv->n;
	}
	const struct ynode *tr = ymap_get(root, "trains");
	if (tr && !yscalar_is_null(tr)) {
		if (tr->kind != Y_SEQ)
			return rl_err(L, tr, "'trains' must be a list");
		r->trains = arena_alloc(&r->arena, (tr->n + 1) * sizeof(*r->trains));
		if (!r->trains)
			return rl_err(L, tr, "out of memory");
		for (size_t i = 0; i < tr->n; i++)
			load_train(L, tr->vals[i], &r->trains[i]);
		r->ntrains = tr->n;
	}
	return 0;
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
