/*
 * reg_capture.c — the data of the capture checks (item 6-1): the field
 * names that carry a user name or password in cleartext logins
 * (rules/capture-login-fields.yaml, compiled into patterns) and the
 * look-alike character maps and public suffixes of EL404
 * (rules/lookalike.yaml). Loaded from registry.c's {file, loader} table;
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
	const char *ss = rl_str(L, root, "suffixes_source", true, &rc);
	if (ss && sources && !ymap_get(sources, ss))
		rl_err(L, root, "suffixes_source '%s' is not one of 'sources'", ss);
	const struct ynode *suf = ymap_get(root, "suffixes");
	if (!suf || suf->kind != Y_SEQ)
		return rl_err(L, root, "'suffixes' must be a list of two-label public suffixes");
	d->suffixes2 = arena_alloc(&r->arena, (suf->n ? suf->n : 1) * sizeof(char *));
	if (!d->suffixes2)
		return rl_err(L, root, "out of memory");
	for (size_t i = 0; i < suf->n; i++) {
		const struct ynode *v = suf->vals[i];
		const char *dot = v->kind == Y_SCALAR ? strchr(v->str, '.') : NULL;
		if (!dot || dot == v->str || !dot[1] || strchr(dot + 1, '.')) {
			rl_err(L, v, "each suffix must be two labels, as in co.jp");
			continue;
		}
		d->suffixes2[d->nsuffixes2++] = v->str;
	}
	return 0;
}
