/*
 * testmodel.h — helpers the parser tests share to look into a parsed
 * model: a box service by name, findings by rule, finding arguments,
 * addresses, and exact checks of address and port sets written as text
 * ("10.0.0.0-10.0.0.255 10.1.1.1", "80 443"). Include after cmocka.h and
 * the project headers.
 */
#ifndef EDGELINT_TESTMODEL_H
#define EDGELINT_TESTMODEL_H

static inline const struct box_service *svc(const struct input *in, const char *name)
{
	for (size_t i = 0; i < in->dev.nsvcs; i++)
		if (strcmp(in->dev.svcs[i].name, name) == 0)
			return &in->dev.svcs[i];
	return NULL;
}

static inline const struct finding *find_rule(const struct input *in, const char *id,
				       const char *variant)
{
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		if (strcmp(f->rule->id, id) == 0 && (!variant || strcmp(f->variant, variant) == 0))
			return f;
	}
	return NULL;
}

static inline size_t count_rule(const struct input *in, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < in->nfindings; i++)
		n += strcmp(in->findings[i].rule->id, id) == 0;
	return n;
}

static inline const char *farg(const struct finding *f, const char *key)
{
	for (size_t i = 0; i < f->nargs; i++)
		if (strcmp(f->arg_key[i], key) == 0)
			return f->arg_val[i];
	return NULL;
}

static inline struct u128 ad(enum fam f, const char *s)
{
	struct u128 a;
	if (addr_parse(f, s, strlen(s), &a))
		fail_msg("bad test address %s", s);
	return a;
}

static inline struct u128 a4(const char *s)
{
	return ad(FAM_V4, s);
}

static inline bool u128_eq(struct u128 x, struct u128 y)
{
	return x.hi == y.hi && x.lo == y.lo;
}

/* Checks s against spec: intervals "A" or "A-B" separated by spaces, in
 * order ("" = empty). */
static inline void check_aset(struct input *in, const struct aset *s, enum fam f, const char *spec)
{
	char buf[512];
	snprintf(buf, sizeof(buf), "%s", spec);
	size_t k = 0;
	bool ok = s->fam == f;
	for (char *sv = NULL, *tok = strtok_r(buf, " ", &sv); ok && tok;
	     tok = strtok_r(NULL, " ", &sv), k++) {
		char *dash = strchr(tok, '-');
		struct u128 lo, hi;
		if (dash) {
			*dash = '\0';
			lo = ad(f, tok);
			hi = ad(f, dash + 1);
		} else {
			lo = hi = ad(f, tok);
		}
		ok = k < s->n && u128_eq(s->iv[k].lo, lo) && u128_eq(s->iv[k].hi, hi);
	}
	if (!ok || k != s->n)
		fail_msg("address set is \"%s\" (%zu intervals), want \"%s\"",
			 aset_format(&in->arena, s, 400), s->n, spec);
}

/* Checks p against spec: "N" or "N-M" separated by spaces ("" = empty). */
static inline void check_pset(struct input *in, const struct pset *p, const char *spec)
{
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", spec);
	size_t k = 0;
	bool ok = true;
	for (char *sv = NULL, *tok = strtok_r(buf, " ", &sv); ok && tok;
	     tok = strtok_r(NULL, " ", &sv), k++) {
		unsigned lo, hi;
		if (sscanf(tok, "%u-%u", &lo, &hi) != 2)
			hi = lo = (unsigned)strtoul(tok, NULL, 10);
		ok = k < p->n && p->iv[k].lo == lo && p->iv[k].hi == hi;
	}
	if (!ok || k != p->n)
		fail_msg("set is \"%s\" (%zu intervals), want \"%s\"",
			 pset_format(&in->arena, p, 200), p->n, spec);
}

#define ALL4 "0.0.0.0-255.255.255.255"
#define ALL6 "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"

/* True when s is one of the input's registered secrets. */
static inline bool secret_registered(const struct input *in, const char *s)
{
	for (size_t i = 0; i < in->nsecrets; i++)
		if (in->secret_lens[i] == strlen(s) && memcmp(in->secrets[i], s, strlen(s)) == 0)
			return true;
	return false;
}

/* The input's i-th Wi-Fi network (0-based, input order); fails the test
 * when there is none. */
static inline const struct wifi_net *wifi_nth(const struct input *in, size_t i)
{
	const struct wifi_net *w = in->dev.wifi;
	for (size_t k = 0; w && k < i; k++)
		w = w->next;
	if (!w)
		fail_msg("no network %zu (there are %zu)", i, in->dev.nwifi);
	return w;
}

/* The input's i-th home-router port forward (0-based, input order); fails
 * the test when there is none. */
static inline const struct home_forward *hfwd_nth(const struct input *in, size_t i)
{
	const struct home_forward *f = in->dev.hfwds;
	for (size_t k = 0; f && k < i; k++)
		f = f->next;
	if (!f)
		fail_msg("no forward %zu (there are %zu)", i, in->dev.nhfwds);
	return f;
}

#endif
