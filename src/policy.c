/*
 * policy.c — reads the organisation's policy file (see policy.h and the
 * README's "Policy file" section). Any problem stops the run with
 * "file:line: reason": a policy that is silently half-read would make
 * edgelint judge by rules the organisation did not choose.
 */
#include "policy.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ytree.h"

#define POLICY_FILE_MAX (1u << 20)

void policy_init(struct policy *p)
{
	memset(p, 0, sizeof(*p));
	p->firmware_max_age_days = 365;
	p->https_share_min = 0.95;
}

void policy_free(struct policy *p)
{
	arena_free(&p->arena);
	memset(p, 0, sizeof(*p));
}

struct pload {
	struct policy *p;
	const char *path;
	char *err;
	size_t errn;
};

static int perr(struct pload *L, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int perr(struct pload *L, const struct ynode *at, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(L->err, L->errn, "%s:%u: %s", L->path, at ? at->line : 1, msg);
	return EL_EPARSE;
}

static int pstr(struct pload *L, const struct ynode *m, const char *key,
		bool required, const char **out)
{
	const struct ynode *v = ymap_get(m, key);
	*out = NULL;
	if (!v || yscalar_is_null(v))
		return required ? perr(L, m, "'%s' is required here", key) : 0;
	if (v->kind != Y_SCALAR || v->len == 0)
		return perr(L, v, "'%s' must be a non-empty single value", key);
	*out = v->str;
	return 0;
}

static int pkeys(struct pload *L, const struct ynode *m, const char *const *ok,
		 const char *what)
{
	if (m->kind != Y_MAP)
		return perr(L, m, "%s must be a mapping", what);
	for (size_t i = 0; i < m->n; i++) {
		bool found = false;
		for (size_t j = 0; ok[j]; j++)
			found |= strcmp(m->keys[i]->str, ok[j]) == 0;
		if (!found) {
			char list[256] = "";
			for (size_t j = 0; ok[j]; j++) {
				strncat(list, j ? ", " : "", sizeof(list) - strlen(list) - 1);
				strncat(list, ok[j], sizeof(list) - strlen(list) - 1);
			}
			return perr(L, m->keys[i], "%s: unknown key '%s' (expected one of: %s)",
				    what, m->keys[i]->str, list);
		}
	}
	return 0;
}

static int load_inbound(struct pload *L, const struct ynode *seq)
{
	static const char *const keys[] = {"proto", "port", "to", "sources", "reason", NULL};
	struct policy *p = L->p;
	if (seq->kind != Y_SEQ)
		return perr(L, seq, "'allowed_inbound' must be a list");
	p->inbound = arena_alloc(&p->arena, (seq->n + 1) * sizeof(*p->inbound));
	if (!p->inbound)
		return perr(L, seq, "out of memory");
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *m = seq->vals[i];
		struct policy_inbound *e = &p->inbound[i];
		int rc = pkeys(L, m, keys, "allowed_inbound entry");
		if (!rc)
			rc = pstr(L, m, "proto", true, &e->proto);
		if (!rc)
			rc = pstr(L, m, "to", false, &e->to);
		if (!rc)
			rc = pstr(L, m, "reason", true, &e->reason);
		if (rc)
			return rc;
		static const char *const protos[] = {"tcp", "udp", "esp", "gre", "icmp", "any", NULL};
		bool known = false;
		for (size_t k = 0; e->proto && protos[k]; k++)
			known |= strcmp(e->proto, protos[k]) == 0;
		if (!known)
			return perr(L, m, "proto '%s' is not one of tcp, udp, esp, gre, icmp, any",
				    e->proto);
		e->port = -1;
		const struct ynode *port = ymap_get(m, "port");
		if (port && yscalar_long(port, 0, 65535, &e->port))
			return perr(L, port, "port must be a number from 0 to 65535");
		const struct ynode *src = ymap_get(m, "sources");
		if (src) {
			if (src->kind != Y_SEQ)
				return perr(L, src, "'sources' must be a list of addresses");
			e->sources = arena_alloc(&p->arena, (src->n + 1) * sizeof(char *));
			if (!e->sources)
				return perr(L, src, "out of memory");
			for (size_t j = 0; j < src->n; j++) {
				if (src->vals[j]->kind != Y_SCALAR)
					return perr(L, src->vals[j], "each source must be an address");
				e->sources[j] = src->vals[j]->str;
			}
			e->nsources = src->n;
		}
		e->line = m->line;
		p->ninbound = i + 1;
	}
	return 0;
}

static int load_exceptions(struct pload *L, const struct ynode *seq)
{
	static const char *const keys[] = {"rule", "file", "reason", "until", NULL};
	struct policy *p = L->p;
	if (seq->kind != Y_SEQ)
		return perr(L, seq, "'exceptions' must be a list");
	p->exceptions = arena_alloc(&p->arena, (seq->n + 1) * sizeof(*p->exceptions));
	if (!p->exceptions)
		return perr(L, seq, "out of memory");
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *m = seq->vals[i];
		struct policy_exception *e = &p->exceptions[i];
		int rc = pkeys(L, m, keys, "exception");
		if (!rc)
			rc = pstr(L, m, "rule", true, &e->rule);
		if (!rc)
			rc = pstr(L, m, "file", false, &e->file);
		if (!rc)
			rc = pstr(L, m, "reason", true, &e->reason);
		if (!rc)
			rc = pstr(L, m, "until", false, &e->until_text);
		if (rc)
			return rc;
		e->until = -1;
		if (e->until_text && date_parse(e->until_text, false, &e->until))
			return perr(L, ymap_get(m, "until"), "'until' must be a date YYYY-MM-DD");
		e->line = m->line;
		p->nexceptions = i + 1;
	}
	return 0;
}

int policy_load(struct policy *p, const char *path, char *err, size_t errn)
{
	static const char *const keys[] = {"method", "firmware_max_age_days",
					   "build_age_warn_days", "build_age_fail_days",
					   "allowed_inbound", "approved_domains",
					   "https_share_min", "passphrase_min_length",
					   "max_flows", "max_memory_mib", "broad_source_ipv4_prefix",
					   "broad_source_ipv6_prefix", "exceptions", NULL};
	struct pload L = {.p = p, .path = path, .err = err, .errn = errn};
	char *buf = NULL;
	size_t n = 0;
	char why[200];
	if (file_read_all(path, POLICY_FILE_MAX, &buf, &n, why, sizeof(why))) {
		snprintf(err, errn, "%s: cannot read the policy: %s", path, why);
		return EL_EIO;
	}
	struct ynode *root = NULL;
	char yerr[300];
	int rc = ytree_parse(&p->arena, buf, n, &root, yerr, sizeof(yerr));
	free(buf);
	if (rc) {
		snprintf(err, errn, "%s: %s", path, yerr);
		return rc;
	}
	p->path = arena_strdup(&p->arena, path);
	if (!root)
		return 0;  /* an empty policy is all defaults */
	if ((rc = pkeys(&L, root, keys, "policy")))
		return rc;
	const struct ynode *v;
	long num;
	if ((v = ymap_get(root, "method"))) {
		if (yscalar_long(v, 1, 8, &num))
			return perr(&L, v, "'method' must be a number from 1 to 8");
		p->method = (int)num;
	}
	if ((v = ymap_get(root, "firmware_max_age_days"))) {
		if (yscalar_long(v, 1, 36500, &p->firmware_max_age_days))
			return perr(&L, v, "'firmware_max_age_days' must be a number of days from 1 to 36500");
	}
	if ((v = ymap_get(root, "build_age_warn_days")) &&
	    yscalar_long(v, 1, 36500, &p->build_age_warn_days))
		return perr(&L, v, "'build_age_warn_days' must be a number of days from 1 to 36500");
	if ((v = ymap_get(root, "build_age_fail_days")) &&
	    yscalar_long(v, 1, 36500, &p->build_age_fail_days))
		return perr(&L, v, "'build_age_fail_days' must be a number of days from 1 to 36500");
	if (p->build_age_warn_days && p->build_age_fail_days &&
	    p->build_age_warn_days > p->build_age_fail_days)
		return perr(&L, ymap_get(root, "build_age_warn_days"),
			    "'build_age_warn_days' must not be more than 'build_age_fail_days'");
	if ((v = ymap_get(root, "passphrase_min_length"))) {
		if (yscalar_long(v, 8, 63, &num))
			return perr(&L, v, "'passphrase_min_length' must be from 8 to 63 (the WPA limits)");
		p->passphrase_min_length = (unsigned)num;
		p->passphrase_min_length_set = true;
	}
	if ((v = ymap_get(root, "https_share_min"))) {
		if (yscalar_double(v, &p->https_share_min) || p->https_share_min < 0 ||
		    p->https_share_min > 1)
			return perr(&L, v, "'https_share_min' must be a fraction from 0 to 1");
	}
	if ((v = ymap_get(root, "max_flows")) &&
	    yscalar_long(v, POLICY_MAX_FLOWS_MIN, POLICY_MAX_FLOWS_MAX, &p->max_flows))
		return perr(&L, v, "'max_flows' must be a number from %d to %d",
			    POLICY_MAX_FLOWS_MIN, POLICY_MAX_FLOWS_MAX);
	/* Item 3-2: a source set with more public addresses than one prefix
	 * of this length is broad (rules/internet-sources.yaml). */
	if ((v = ymap_get(root, "broad_source_ipv4_prefix"))) {
		if (yscalar_long(v, 0, 32, &num))
			return perr(&L, v, "'broad_source_ipv4_prefix' must be a prefix length from 0 to 32");
		p->broad_prefix4 = (unsigned)num;
		p->broad_prefix4_set = true;
	}
	if ((v = ymap_get(root, "broad_source_ipv6_prefix"))) {
		if (yscalar_long(v, 0, 128, &num))
			return perr(&L, v, "'broad_source_ipv6_prefix' must be a prefix length from 0 to 128");
		p->broad_prefix6 = (unsigned)num;
		p->broad_prefix6_set = true;
	}
	if ((v = ymap_get(root, "max_memory_mib")) &&
	    yscalar_long(v, POLICY_MAX_MEMORY_MIN, POLICY_MAX_MEMORY_MAX, &p->max_memory_mib))
		return perr(&L, v, "'max_memory_mib' must be a number from %d to %d",
			    POLICY_MAX_MEMORY_MIN, POLICY_MAX_MEMORY_MAX);
	if ((v = ymap_get(root, "approved_domains"))) {
		if (v->kind != Y_SEQ)
			return perr(&L, v, "'approved_domains' must be a list of domain names");
		p->approved_domains = arena_alloc(&p->arena, (v->n + 1) * sizeof(char *));
		if (!p->approved_domains)
			return perr(&L, v, "out of memory");
		for (size_t i = 0; i < v->n; i++) {
			if (v->vals[i]->kind != Y_SCALAR || v->vals[i]->len == 0)
				return perr(&L, v->vals[i], "each approved domain must be a name");
			p->approved_domains[i] = v->vals[i]->str;
		}
		p->napproved_domains = v->n;
	}
	if ((v = ymap_get(root, "allowed_inbound")) && (rc = load_inbound(&L, v)))
		return rc;
	if ((v = ymap_get(root, "exceptions")) && (rc = load_exceptions(&L, v)))
		return rc;
	return 0;
}
