/*
 * reg_capture.c — the data of the capture checks (item 6-1): the field
 * names that carry a user name or password in cleartext logins
 * (rules/capture-login-fields.yaml, compiled into patterns; with it the
 * brute-force threshold of EL407) and the
 * look-alike character maps of EL404 (rules/lookalike.yaml, which also
 * opens the system's Public Suffix List) and the service domains grouped
 * by owner (rules/service-domains.yaml). Loaded from registry.c's {file, loader} table;
 * every problem of a file is reported (reg_load.h).
 */
#include "reg_load.h"
#include "capture/capture.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ---- capture-login-fields.yaml ---------------------------------------- */

/* One field pattern of kind k: compiled into r->login_fields when sound. */
static int load_login_field(struct rload *L, const struct ynode *m, int k, const char *kind)
{
	static const char *const keys[] = {"pattern", "for", "source", "as_of", NULL};
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "a %s entry must be a mapping", kind);
	if ((rc = rl_check_keys(L, m, keys, "a field pattern")))
		return rc;
	const char *pat = rl_str(L, m, "pattern", true, &rc);
	rl_str(L, m, "source", true, &rc);
	if (rl_as_of(L, m, NULL, NULL, NULL))
		rc = EL_EPARSE;
	if (rc || !pat)
		return EL_EPARSE;
	char why[200];
	if (lf_add(L->r->login_fields, (enum lf_kind)k, pat, why, sizeof(why)))
		return rl_err(L, m, "%s", why);
	return 0;
}

/* labels: [{en, ja}]: what a Japanese report calls a login. */
static void load_proto_labels(struct rload *L, const struct ynode *list)
{
	static const char *const keys[] = {"en", "ja", NULL};
	struct registry *r = L->r;
	r->proto_labels = rl_list(L, list, list, sizeof(*r->proto_labels), "labels", "{en, ja}");
	if (!r->proto_labels)
		return;
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		int rc = 0;
		if (!rl_entry(L, m, keys, "label", "{en, ja}"))
			continue;
		const char *en = rl_str(L, m, "en", true, &rc);
		const char *ja = rl_str(L, m, "ja", true, &rc);
		if (rc)
			continue;
		if (registry_proto_label(r, en, LANG_JA) != en) {
			rl_err(L, m, "label '%s' is given twice", en);
			continue;
		}
		r->proto_labels[r->nproto_labels++] = (struct proto_label){en, ja};
	}
}

const char *registry_proto_label(const struct registry *r, const char *en, enum lang l)
{
	for (size_t i = 0; l == LANG_JA && en && i < r->nproto_labels; i++)
		if (strcmp(r->proto_labels[i].en, en) == 0)
			return r->proto_labels[i].ja;
	return en;
}

int reg_load_login_fields(struct rload *L)
{
	const struct ynode *root = L->f.root;
	long asof;
	if (!rl_date(L, root, "as_of", &asof, NULL) && asof < 0)
		rl_err(L, root, "'as_of' (the date the file was last reviewed) is missing");
	L->r->login_fields = lf_new();
	if (!L->r->login_fields)
		return rl_err(L, root, "out of memory");
	static const char *const kinds[LF_KINDS] = {"user", "password"};
	for (int k = 0; k < LF_KINDS; k++) {
		const struct ynode *list = ymap_get(root, kinds[k]);
		if (!list || list->kind != Y_SEQ || list->n == 0) {
			rl_err(L, root, "'%s' must be a non-empty list of patterns", kinds[k]);
			continue;
		}
		for (size_t i = 0; i < list->n; i++)
			load_login_field(L, list->vals[i], k, kinds[k]);
	}
	const struct ynode *labels = ymap_get(root, "labels");
	if (labels)
		load_proto_labels(L, labels);
	/* brute_force: {failed_min, reason, source, as_of}: how many refused
	 * logins from one client to one server make a brute force (EL407). */
	static const char *const bf_keys[] = {"failed_min", "reason", "source", "as_of", NULL};
	const struct ynode *bf = ymap_get(root, "brute_force");
	int rc = 0;
	if (!bf || bf->kind != Y_MAP)
		return rl_err(L, bf ? bf : root, "'brute_force' must be a mapping {failed_min, reason, "
				"source, as_of}");
	if (rl_check_keys(L, bf, bf_keys, "brute_force"))
		return EL_EPARSE;
	long min = rl_num(L, bf, "failed_min", 2, 1000000, &rc);
	rl_str(L, bf, "reason", true, &rc);
	rl_str(L, bf, "source", true, &rc);
	if (rl_as_of(L, bf, "brute_force", "failed_min", NULL))
		rc = EL_EPARSE;
	if (!rc)
		L->r->brute_force_failed_min = (unsigned)min;
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

/* One map of lookalike.yaml: put into d (longest source first) when sound. */
static int load_lookalike_map(struct rload *L, const struct ynode *m,
			      const struct ynode *sources, struct lookalike_data *d)
{
	static const char *const keys[] = {"from", "to", "source", "name", NULL};
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each map must be a mapping");
	if ((rc = rl_check_keys(L, m, keys, "map")))
		return rc;
	const char *from = rl_str(L, m, "from", true, &rc);
	const char *to = rl_str(L, m, "to", true, &rc);
	const char *src = rl_str(L, m, "source", true, &rc);
	struct lookalike_map mp = {0};
	if (from && rl_lookalike_from(from, &mp))
		rc = rl_err(L, m, "'from' must be \"U+XXXX\" (a non-ASCII code point) or "
			    "1-%d lower-case ASCII letters, digits or '-'", LOOKALIKE_FROM_MAX);
	size_t tn = to ? strlen(to) : 0;
	bool ok = tn >= 1 && tn <= LOOKALIKE_TO_MAX;
	for (size_t k = 0; ok && k < tn; k++)
		ok = (to[k] >= 'a' && to[k] <= 'z') || (to[k] >= '0' && to[k] <= '9');
	if (to && !ok)
		rc = rl_err(L, m, "'to' must be 1-%d lower-case ASCII letters or digits",
			    LOOKALIKE_TO_MAX);
	if (src && sources && !ymap_get(sources, src))
		rc = rl_err(L, m, "source '%s' is not one of 'sources'", src);
	if (rc || !from || !to)   /* (a missing one set rc) */
		return EL_EPARSE;
	memcpy(mp.to, to, tn + 1);
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
	return 0;
}

int reg_load_lookalike(struct rload *L)
{
	const struct ynode *list = NULL;
	const char *as_of;
	rl_table(L, "maps", &as_of, &list);
	struct registry *r = L->r;
	const struct ynode *root = L->f.root;
	int rc = 0;
	const struct ynode *sources = ymap_get(root, "sources");
	if (!sources || sources->kind != Y_MAP || sources->n == 0) {
		rl_err(L, root, "'sources' must be a mapping of source keys to descriptions");
		sources = NULL;
	}
	struct lookalike_data *d = &r->lookalike;
	if (list) {
		d->maps = arena_alloc(&r->arena, (list->n ? list->n : 1) * sizeof(*d->maps));
		if (!d->maps)
			return rl_err(L, root, "out of memory");
		for (size_t i = 0; i < list->n; i++)
			load_lookalike_map(L, list->vals[i], sources, d);
	}
	/* registrable domains: the Public Suffix List of the system (libpsl),
	 * not a list of ours (lookalike.h) */
	const char *why = NULL;
	d->psl = lookalike_psl_open(&why);
	if (!d->psl)
		return rl_err(L, root, "the Public Suffix List is needed to compare host names: %s",
			      why);
	return rc;
}

/* ---- service-domains.yaml --------------------------------------------- */

static int cmp_owned_sort(const void *a, const void *b)
{
	return strcmp(((const struct lookalike_owned *)a)->domain,
		      ((const struct lookalike_owned *)b)->domain);
}

/* Whether s is a registrable domain (lower case, exactly what the Public
 * Suffix List gives for it). */
static bool rl_registrable(const struct lookalike_data *d, const char *s)
{
	for (const char *c = s; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			return false;
	const char *reg = lookalike_registrable(d->psl, s);
	return reg && reg == s;
}

/* One owner entry: its domains into d->owned, well_known into d->well_known. */
static void load_owner(struct rload *L, const struct ynode *m, const struct ynode *sources,
		       struct lookalike_data *d, size_t cap_owned, size_t cap_well)
{
	static const char *const keys[] = {"owner", "source", "domains", "well_known", NULL};
	if (!rl_entry(L, m, keys, "service owner", "{owner, source, domains, well_known}"))
		return;
	int rc = 0;
	const char *name = rl_str(L, m, "owner", true, &rc);
	const char *src = rl_str(L, m, "source", true, &rc);
	if (src && sources && !ymap_get(sources, src))
		rl_err(L, m, "source '%s' is not one of 'sources'", src);
	const struct ynode *doms = ymap_get(m, "domains");
	if (!doms || doms->kind != Y_SEQ || doms->n == 0) {
		rl_err(L, m, "owner %s: 'domains' must be a list of registrable domains",
		       rl_name(name));
		return;
	}
	if (rc || !name)
		return;
	size_t owner = d->nowners;
	for (size_t k = 0; k < d->nowners; k++)
		if (strcmp(d->owners[k], name) == 0)
			owner = k;   /* one owner in several entries (one per source) */
	if (owner == d->nowners)
		d->owners[d->nowners++] = name;
	for (size_t i = 0; i < doms->n; i++) {
		const struct ynode *v = doms->vals[i];
		if (v->kind != Y_SCALAR || !rl_registrable(d, v->str)) {
			rl_err(L, v, "'%s' is not a registrable domain by the Public Suffix List "
				     "(a subdomain, a public suffix, or upper case)",
			       v->kind == Y_SCALAR ? v->str : "?");
			continue;
		}
		bool twice = false;
		for (size_t k = 0; k < d->nowned && !twice; k++)
			twice = strcmp(d->owned[k].domain, v->str) == 0;
		if (twice)
			rl_err(L, v, "'%s' is listed twice", v->str);
		else if (d->nowned < cap_owned)
			d->owned[d->nowned++] = (struct lookalike_owned){v->str, (unsigned)owner};
	}
	const struct ynode *wk = ymap_get(m, "well_known");
	if (!wk)
		return;
	if (wk->kind != Y_SEQ) {
		rl_err(L, wk, "owner %s: 'well_known' must be a list of its domains", name);
		return;
	}
	for (size_t i = 0; i < wk->n; i++) {
		const struct ynode *v = wk->vals[i];
		bool listed = false;
		for (size_t k = 0; v->kind == Y_SCALAR && k < doms->n; k++)
			listed = listed || (doms->vals[k]->kind == Y_SCALAR &&
					    strcmp(doms->vals[k]->str, v->str) == 0);
		if (!listed)
			rl_err(L, v, "well-known '%s' is not one of the entry's domains",
			       v->kind == Y_SCALAR ? v->str : "?");
		else if (d->nwell_known < cap_well)
			d->well_known[d->nwell_known++] = v->str;
	}
}

int reg_load_service_domains(struct rload *L)
{
	const struct ynode *list = NULL;
	const char *as_of;
	rl_table(L, "owners", &as_of, &list);
	struct registry *r = L->r;
	struct lookalike_data *d = &r->lookalike;
	const struct ynode *root = L->f.root;
	const struct ynode *sources = ymap_get(root, "sources");
	if (!sources || sources->kind != Y_MAP || sources->n == 0) {
		rl_err(L, root, "'sources' must be a mapping of source keys to descriptions");
		sources = NULL;
	}
	if (!list || list->kind != Y_SEQ)
		return rl_err(L, list ? list : root, "'owners' must be a list of owners");
	if (!d->psl)   /* lookalike.yaml said why */
		return 0;
	size_t cap_owned = 0, cap_well = 0;
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->vals[i];
		const struct ynode *v = m->kind == Y_MAP ? ymap_get(m, "domains") : NULL;
		cap_owned += v && v->kind == Y_SEQ ? v->n : 0;
		v = m->kind == Y_MAP ? ymap_get(m, "well_known") : NULL;
		cap_well += v && v->kind == Y_SEQ ? v->n : 0;
	}
	d->owners = arena_alloc(&r->arena, (list->n + 1) * sizeof(*d->owners));
	d->owned = arena_alloc(&r->arena, (cap_owned + 1) * sizeof(*d->owned));
	d->well_known = arena_alloc(&r->arena, (cap_well + 1) * sizeof(*d->well_known));
	if (!d->owners || !d->owned || !d->well_known)
		return rl_err(L, root, "out of memory");
	for (size_t i = 0; i < list->n; i++)
		load_owner(L, list->vals[i], sources, d, cap_owned, cap_well);
	qsort(d->owned, d->nowned, sizeof(*d->owned), cmp_owned_sort);
	return 0;
}
