/*
 * reg_filter.c — the data of the inbound-filter check (item 3-2): known
 * services and vendors' port mnemonics (rules/ports.yaml), the filter
 * lines of vendors' standard templates (rules/vendor-templates.yaml) and
 * the special-purpose address ranges that make "the internet"
 * (rules/internet-sources.yaml), with their lookups (registry.h).
 * Loaded from registry.c's {file, loader} table; every problem of a file
 * is reported (reg_load.h).
 */
#include "reg_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* One service of ports.yaml. */
static int load_service(struct rload *L, const struct ynode *m, struct service_def *s)
{
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
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each service must be a mapping");
	s->name = rl_str(L, m, "name", true, &rc);
	const char *proto = rl_str(L, m, "proto", true, &rc);
	const char *cls = rl_str(L, m, "class", true, &rc);
	bool found = false;
	for (size_t k = 0; proto && k < ARRAY_SIZE(protos); k++)
		if (strcmp(proto, protos[k].name) == 0) {
			s->proto = protos[k].num;
			found = true;
		}
	if (proto && !found)
		rc = rl_err(L, m, "service %s: protocol '%s' is not one edgelint knows",
			    rl_name(s->name), proto);
	found = false;
	for (size_t k = 0; cls && k < ARRAY_SIZE(classes); k++)
		if (strcmp(cls, classes[k].name) == 0) {
			s->cls = classes[k].cls;
			s->critical = classes[k].critical;
			found = true;
		}
	if (cls && !found)
		rc = rl_err(L, m, "service %s: class '%s' is not one edgelint knows",
			    rl_name(s->name), cls);
	const struct ynode *pv = ymap_get(m, "ports");
	if (pv && rl_pset(L, pv, &s->ports))
		rc = EL_EPARSE;
	return rc;
}

int reg_load_ports(struct rload *L)
{
	const struct ynode *root = L->f.root;
	struct registry *r = L->r;
	int rc = 0;
	const struct ynode *svcs = ymap_get(root, "services");
	rl_str(L, root, "services_source", true, &rc);
	if (!svcs || svcs->kind != Y_SEQ) {
		rl_err(L, root, "'services' must be a list");
	} else {
		r->services = arena_alloc(&r->arena, (svcs->n + 1) * sizeof(*r->services));
		if (!r->services)
			return rl_err(L, root, "out of memory");
		for (size_t i = 0; i < svcs->n; i++) {
			struct service_def *s = &r->services[i];
			if (load_service(L, svcs->vals[i], s))
				continue;
			r->nservices = i + 1;
			if (s->proto == PROTO_TCP || s->proto == PROTO_UDP) {
				int k = s->proto == PROTO_UDP;
				struct pset u;
				if (s->ports.n == 0)
					r->service_portless[k] = true;
				else if (pset_union(&r->arena, &r->service_ports[k], &s->ports, &u))
					return rl_err(L, svcs->vals[i], "out of memory");
				else
					r->service_ports[k] = u;
			}
		}
	}
	const struct ynode *vendors = ymap_get(root, "vendors");
	if (!vendors || vendors->kind != Y_MAP)
		return rl_err(L, root, "'vendors' must map vendors to port tables");
	size_t total = 0;
	for (size_t i = 0; i < vendors->n; i++) {
		const struct ynode *pt = ymap_get(vendors->vals[i], "ports");
		rl_str(L, vendors->vals[i], "source", true, &rc);
		if (!pt || pt->kind != Y_MAP)
			rl_err(L, vendors->vals[i], "vendor %s: 'ports' must be a mapping",
			       vendors->keys[i]->str);
		else
			total += pt->n;
	}
	r->port_aliases = arena_alloc(&r->arena, (total + 1) * sizeof(*r->port_aliases));
	if (!r->port_aliases)
		return rl_err(L, root, "out of memory");
	for (size_t i = 0; i < vendors->n; i++) {
		const struct ynode *pt = ymap_get(vendors->vals[i], "ports");
		for (size_t k = 0; pt && pt->kind == Y_MAP && k < pt->n; k++) {
			struct port_alias *al = &r->port_aliases[r->nport_aliases];
			al->vendor = vendors->keys[i]->str;
			al->name = pt->keys[k]->str;
			if (rl_pset(L, pt->vals[k], &al->ports))
				continue;
			r->nport_aliases++;
		}
	}
	return 0;
}

/* ---- vendor-templates.yaml -------------------------------------------- */

/* One template line of vendor-templates.yaml. */
static int load_template(struct rload *L, const struct ynode *m, struct vendor_template *t)
{
	static const char *const keys[] = {"id", "vendor", "family", "line", "source", NULL};
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each template must be a mapping");
	if ((rc = rl_check_keys(L, m, keys, "template")))
		return rc;
	t->id = rl_str(L, m, "id", true, &rc);
	const char *fam = rl_str(L, m, "family", true, &rc);
	t->vendor = rl_str(L, m, "vendor", true, &rc);
	t->line = rl_str(L, m, "line", true, &rc);
	rl_str(L, m, "source", true, &rc);
	if (fam && strcmp(fam, "ip") != 0 && strcmp(fam, "ipv6") != 0)
		rc = rl_err(L, m, "template %s: 'family' must be ip or ipv6", rl_name(t->id));
	t->v6 = fam && fam[2] == 'v';
	if (t->line && (strstr(t->line, "  ") || t->line[0] == ' ' || !*t->line ||
			t->line[strlen(t->line) - 1] == ' '))
		rc = rl_err(L, m, "template %s: 'line' must hold fields joined by one blank",
			    rl_name(t->id));
	const struct rule *ru = registry_rule(L->r, "EL117");
	if (t->id && (!ru || !rule_msg(ru, t->id)))
		rc = rl_err(L, m, "template %s: rules.yaml EL117 has no message variant '%s'",
			    t->id, t->id);
	return rc;
}

/* One entry of numbers: (the filter numbers a fix may take). */
static int load_numbers(struct rload *L, const struct ynode *m, struct vendor_numbers *v)
{
	static const char *const keys[] = {"vendor", "first", "max", "reserved", "source", NULL};
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each numbers entry must be a mapping");
	if ((rc = rl_check_keys(L, m, keys, "numbers entry")))
		return rc;
	v->vendor = rl_str(L, m, "vendor", true, &rc);
	rl_str(L, m, "source", true, &rc);
	v->first = rl_num(L, m, "first", 1, 2147483647L, &rc);
	v->max = rl_num(L, m, "max", 1, 2147483647L, &rc);
	if (rc == 0 && v->first > v->max)
		rc = rl_err(L, m, "numbers %s: 'first' is above 'max'", rl_name(v->vendor));
	const struct ynode *res = ymap_get(m, "reserved");
	if (!res)
		return rc;
	v->reserved = rl_list(L, res, m, sizeof(*v->reserved), "reserved", "\"lo-hi\" ranges");
	if (!v->reserved)
		return EL_EPARSE;
	for (size_t i = 0; i < res->n; i++) {
		const struct ynode *e = res->vals[i];
		char *end = NULL;
		long lo = e->kind == Y_SCALAR ? strtol(e->str, &end, 10) : -1, hi = -1;
		if (end && *end == '-')
			hi = strtol(end + 1, &end, 10);
		if (!end || *end || lo < 1 || hi < lo) {
			rc = rl_err(L, e, "numbers %s: a reserved range must be \"lo-hi\" with 1 <= lo <= hi",
				    rl_name(v->vendor));
			continue;
		}
		v->reserved[v->nreserved++] = (struct fix_range){lo, hi};
	}
	return rc;
}

int reg_load_templates(struct rload *L)
{
	const struct ynode *list = NULL;
	const char *as_of;
	rl_table(L, "templates", &as_of, &list);
	if (!list)
		return EL_EPARSE;
	struct registry *r = L->r;
	r->templates = arena_alloc(&r->arena, (list->n ? list->n : 1) * sizeof(*r->templates));
	if (!r->templates)
		return rl_err(L, L->f.root, "out of memory");
	for (size_t i = 0; i < list->n; i++)
		if (load_template(L, list->vals[i], &r->templates[r->ntemplates]) == 0)
			r->ntemplates++;
	const struct ynode *nums = ymap_get(L->f.root, "numbers");
	if (nums) {
		r->numbers = rl_list(L, nums, L->f.root, sizeof(*r->numbers), "numbers",
				     "vendor entries");
		for (size_t i = 0; r->numbers && i < nums->n; i++)
			if (load_numbers(L, nums->vals[i], &r->numbers[r->nnumbers]) == 0)
				r->nnumbers++;
	}
	return 0;
}

const struct vendor_numbers *registry_numbers(const struct registry *r, const char *vendor)
{
	for (size_t i = 0; vendor && i < r->nnumbers; i++)
		if (strcmp(r->numbers[i].vendor, vendor) == 0)
			return &r->numbers[i];
	return NULL;
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

/* One range of family f (fname) into es[*n], counted when sound. */
static int rl_special_entry(struct rload *L, const struct ynode *m, enum fam f,
			    const char *fname, const struct ynode *sources,
			    struct special_entry *es, size_t *n)
{
	static const char *const keys[] = {"prefix", "name", "rfc", "globally_reachable",
					   "source", NULL};
	int rc = 0;
	if (m->kind != Y_MAP)
		return rl_err(L, m, "each %s range must be a mapping", fname);
	if ((rc = rl_check_keys(L, m, keys, "range")))
		return rc;
	/* name and rfc are for the reader; both are required. */
	rl_str(L, m, "name", true, &rc);
	rl_str(L, m, "rfc", true, &rc);
	const char *gr = rl_str(L, m, "globally_reachable", true, &rc);
	const char *src = rl_str(L, m, "source", true, &rc);
	struct special_entry *e = &es[*n];
	e->fam = f;
	e->at = m;
	bool prefix_ok = rl_prefix(L, ymap_get(m, "prefix"), f, &e->addr, &e->plen) == 0;
	if (!prefix_ok)
		rc = EL_EPARSE;
	if (gr && strcmp(gr, "false") == 0)
		e->public_ = false;
	else if (gr && (strcmp(gr, "true") == 0 || strcmp(gr, "n/a") == 0))
		e->public_ = true;
	else if (gr)
		rc = rl_err(L, m, "'globally_reachable' must be true, false or \"n/a\" "
			    "(the registry's column), not '%s'", gr);
	if (src && sources && !ymap_get(sources, src))
		rc = rl_err(L, m, "source '%s' is not one of 'sources'", src);
	for (size_t k = 0; prefix_ok && k < *n; k++)
		if (es[k].fam == f && es[k].plen == e->plen && es[k].addr.hi == e->addr.hi &&
		    es[k].addr.lo == e->addr.lo)
			rc = rl_err(L, m, "this prefix is already listed on line %u",
				    es[k].at->line);
	if (!rc)
		(*n)++;
	return rc;
}

/* Reads the entries of one family into es[*n...]. */
static int rl_special_list(struct rload *L, const struct ynode *list, enum fam f,
			   const struct ynode *sources, struct special_entry *es, size_t *n)
{
	const char *fname = f == FAM_V4 ? "ipv4" : "ipv6";
	if (!list || list->kind != Y_SEQ || list->n == 0)
		return rl_err(L, list ? list : L->f.root, "'%s' must be a non-empty list of ranges",
			      fname);
	for (size_t i = 0; i < list->n; i++)
		rl_special_entry(L, list->vals[i], f, fname, sources, es, n);
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

int reg_load_internet(struct rload *L)
{
	static const char *const top[] = {"as_of", "sources", "ipv6_global_unicast",
					  "ipv6_global_unicast_source", "broad", "ipv4", "ipv6",
					  NULL};
	static const char *const broad_keys[] = {"ipv4_prefix", "ipv6_prefix", "source", NULL};
	struct registry *r = L->r;
	struct internet_data *d = &r->internet;
	const struct ynode *root = L->f.root;
	const struct ynode *v4 = NULL;
	int rc = 0;
	rl_table(L, "ipv4", &d->as_of, &v4);
	rl_check_keys(L, root, top, "internet-sources.yaml");
	const struct ynode *sources = ymap_get(root, "sources");
	if (!sources || sources->kind != Y_MAP || sources->n == 0) {
		rl_err(L, root, "'sources' must be a mapping of source keys to descriptions");
		sources = NULL;
	}
	const struct ynode *v6 = ymap_get(root, "ipv6");
	size_t cap = (v4 ? v4->n : 0) + (v6 && v6->kind == Y_SEQ ? v6->n : 0);
	struct special_entry *es = arena_alloc(&r->arena, (cap + 1) * sizeof(*es));
	if (!es)
		return rl_err(L, root, "out of memory");
	size_t n = 0;
	if (v4)
		rl_special_list(L, v4, FAM_V4, sources, es, &n);
	rl_special_list(L, v6, FAM_V6, sources, es, &n);
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
		rl_err(L, root, "'ipv6_global_unicast' (the IPv6 space IANA allocates "
		       "unicast from) is missing");
	else
		rl_prefix(L, gu, FAM_V6, &ga, &gl);
	const char *gs = rl_str(L, root, "ipv6_global_unicast_source", true, &rc);
	if (gs && sources && !ymap_get(sources, gs))
		rl_err(L, root, "ipv6_global_unicast_source '%s' is not one of 'sources'", gs);
	/* The public space only from sound ranges (else it would mislead). */
	if (!L->f.errors) {
		struct aset all6, global, p6;
		if (special_public(r, es, n, FAM_V4, &d->public4) ||
		    special_public(r, es, n, FAM_V6, &all6) ||
		    aset_prefix(&r->arena, FAM_V6, ga, gl, &global) ||
		    aset_intersect(&r->arena, &all6, &global, &p6))
			return rl_err(L, root, "out of memory");
		d->public6 = p6;
		if (aset_is_empty(&d->public4) || aset_is_empty(&d->public6))
			rl_err(L, root, "the ranges leave no public %s address",
			       aset_is_empty(&d->public4) ? "IPv4" : "IPv6");
	}
	const struct ynode *b = ymap_get(root, "broad");
	if (!b || b->kind != Y_MAP)
		return rl_err(L, root, "'broad' must give ipv4_prefix, ipv6_prefix and source");
	if ((rc = rl_check_keys(L, b, broad_keys, "broad")))
		return rc;
	long p4 = -1, p6l = -1;
	const struct ynode *x4 = ymap_get(b, "ipv4_prefix"), *x6 = ymap_get(b, "ipv6_prefix");
	if (!x4 || yscalar_long(x4, 0, 32, &p4))
		rl_err(L, x4 ? x4 : b, "'ipv4_prefix' must be a prefix length from 0 to 32");
	if (!x6 || yscalar_long(x6, 0, 128, &p6l))
		rl_err(L, x6 ? x6 : b, "'ipv6_prefix' must be a prefix length from 0 to 128");
	const char *bs = rl_str(L, b, "source", true, &rc);
	if (bs && sources && !ymap_get(sources, bs))
		rl_err(L, b, "source '%s' is not one of 'sources'", bs);
	d->broad_prefix4 = (unsigned)p4;
	d->broad_prefix6 = (unsigned)p6l;
	return 0;
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
