/*
 * policy.c — reads the organisation's policy file (see policy.h and the
 * README's "Policy file" section). Any problem stops the run, and every
 * problem of the file is named, each as "file:line: reason" (yschema.h,
 * pfctl style): a policy that is silently half-read would make edgelint
 * judge by rules the organisation did not choose.
 */
#include "policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yschema.h"

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
	struct yfile f;           /* the file and its problems (line_one) */
};

/* A problem in the admin's language (en or ja; both formats checked). */
#define perr(L, at, en_, ja_, ...) yf_err_l(&(L)->f, (at), en_, ja_, ##__VA_ARGS__)
/* The word for what in the admin's language. */
#define PW(L, en_, ja_) ((L)->f.ja ? (ja_) : (en_))

static int pstr(struct pload *L, const struct ynode *m, const char *key,
		bool required, const char **out)
{
	const struct ynode *v = ymap_get(m, key);
	*out = NULL;
	if (!v || yscalar_is_null(v))
		return required ? perr(L, m, "'%s' is required here", "ここには「%s」が必要です", key) : 0;
	if (v->kind != Y_SCALAR || v->len == 0)
		return perr(L, v, "'%s' must be a non-empty single value", "「%s」には空でない値をひとつ書いてください", key);
	*out = v->str;
	return 0;
}

static int pkeys(struct pload *L, const struct ynode *m, const char *const *ok,
		 const char *what)
{
	if (m->kind != Y_MAP)
		return perr(L, m, "%s must be a mapping", "%s はマッピング（キー: 値）で書いてください", what);
	return yf_keys(&L->f, m, ok, what, true);
}

/* One entry of allowed_inbound. */
static int load_inbound_entry(struct pload *L, const struct ynode *m, struct policy_inbound *e)
{
	static const char *const keys[] = {"proto", "port", "to", "sources", "reason", NULL};
	static const char *const protos[] = {"tcp", "udp", "esp", "gre", "icmp", "any", NULL};
	struct policy *p = L->p;
	int rc = pkeys(L, m, keys, PW(L, "allowed_inbound entry", "allowed_inbound の項目"));
	if (rc)
		return rc;
	if (pstr(L, m, "proto", true, &e->proto))
		rc = EL_EPARSE;
	if (pstr(L, m, "to", false, &e->to))
		rc = EL_EPARSE;
	if (pstr(L, m, "reason", true, &e->reason))
		rc = EL_EPARSE;
	bool known = false;
	for (size_t k = 0; e->proto && protos[k]; k++)
		known |= strcmp(e->proto, protos[k]) == 0;
	if (e->proto && !known)
		rc = perr(L, m, "proto '%s' is not one of tcp, udp, esp, gre, icmp, any",
			  "proto「%s」は tcp、udp、esp、gre、icmp、any のどれでもありません", e->proto);
	e->port = -1;
	const struct ynode *port = ymap_get(m, "port");
	if (port && yscalar_long(port, 0, 65535, &e->port))
		rc = perr(L, port, "port must be a number from 0 to 65535",
			  "port は 0 から 65535 までの数で書いてください");
	const struct ynode *src = ymap_get(m, "sources");
	if (src) {
		if (src->kind != Y_SEQ)
			return perr(L, src, "'sources' must be a list of addresses",
				    "sources はアドレスのリストで書いてください");
		e->sources = arena_alloc(&p->arena, (src->n + 1) * sizeof(char *));
		if (!e->sources)
			return perr(L, src, "out of memory", "メモリが足りません");
		for (size_t j = 0; j < src->n; j++) {
			if (src->vals[j]->kind != Y_SCALAR) {
				rc = perr(L, src->vals[j], "each source must be an address",
					  "sources の各項目はアドレスで書いてください");
				continue;
			}
			e->sources[e->nsources++] = src->vals[j]->str;
		}
	}
	e->line = m->line;
	return rc;
}

static int load_inbound(struct pload *L, const struct ynode *seq)
{
	struct policy *p = L->p;
	if (seq->kind != Y_SEQ)
		return perr(L, seq, "'allowed_inbound' must be a list",
			    "allowed_inbound はリストで書いてください");
	p->inbound = arena_alloc(&p->arena, (seq->n + 1) * sizeof(*p->inbound));
	if (!p->inbound)
		return perr(L, seq, "out of memory", "メモリが足りません");
	for (size_t i = 0; i < seq->n; i++)
		load_inbound_entry(L, seq->vals[i], &p->inbound[i]);
	p->ninbound = seq->n;
	return 0;
}

/* One entry of exceptions. */
static int load_exception(struct pload *L, const struct ynode *m, struct policy_exception *e)
{
	static const char *const keys[] = {"rule", "file", "reason", "until", NULL};
	int rc = pkeys(L, m, keys, PW(L, "exception", "exceptions の項目"));
	if (rc)
		return rc;
	if (pstr(L, m, "rule", true, &e->rule))
		rc = EL_EPARSE;
	if (pstr(L, m, "file", false, &e->file))
		rc = EL_EPARSE;
	if (pstr(L, m, "reason", true, &e->reason))
		rc = EL_EPARSE;
	if (pstr(L, m, "until", false, &e->until_text))
		rc = EL_EPARSE;
	e->until = -1;
	if (e->until_text && date_parse(e->until_text, false, &e->until))
		rc = perr(L, ymap_get(m, "until"), "'until' must be a date YYYY-MM-DD",
			  "until は YYYY-MM-DD 形式の日付で書いてください");
	e->line = m->line;
	return rc;
}

static int load_exceptions(struct pload *L, const struct ynode *seq)
{
	struct policy *p = L->p;
	if (seq->kind != Y_SEQ)
		return perr(L, seq, "'exceptions' must be a list",
			    "exceptions はリストで書いてください");
	p->exceptions = arena_alloc(&p->arena, (seq->n + 1) * sizeof(*p->exceptions));
	if (!p->exceptions)
		return perr(L, seq, "out of memory", "メモリが足りません");
	for (size_t i = 0; i < seq->n; i++)
		load_exception(L, seq->vals[i], &p->exceptions[i]);
	p->nexceptions = seq->n;
	return 0;
}

/* What a number of the policy counts, in both languages. */
struct unit {
	const char *what, *what_ja;   /* "a number of days ", "日数" */
	const char *tail, *tail_ja;   /* after the range: " (the WPA limits)" */
};

/* A whole number of [lo, hi] under key into *out (and *set), unchanged
 * when absent; else "'key' must be <what>from lo to hi<tail>". */
static void plong(struct pload *L, const struct ynode *root, const char *key, long lo, long hi,
		  long *out, bool *set, const struct unit *u)
{
	const struct ynode *v = ymap_get(root, key);
	long num;
	if (!v)
		return;
	if (yscalar_long(v, lo, hi, &num)) {
		perr(L, v, "'%s' must be %sfrom %ld to %ld%s", "「%s」は%s（%ld から %ld まで）で書いてください%s", key,
		     PW(L, u->what, u->what_ja), lo, hi, PW(L, u->tail, u->tail_ja));
		return;
	}
	*out = num;
	if (set)
		*set = true;
}

int policy_load(struct policy *p, const char *path, bool ja, char *err, size_t errn)
{
	static const char *const keys[] = {"method", "firmware_max_age_days",
					   "build_age_warn_days", "build_age_fail_days",
					   "allowed_inbound", "approved_domains",
					   "https_share_min", "passphrase_min_length",
					   "max_flows", "max_memory_mib", "broad_source_ipv4_prefix",
					   "broad_source_ipv6_prefix", "exceptions", NULL};
	struct ydiag d;
	ydiag_init(&d, err, errn);
	struct pload L = {.p = p, .f = {.a = &p->arena, .d = &d, .line_one = true, .ja = ja}};
	int rc = yf_open_l(&L.f, path, POLICY_FILE_MAX, "cannot read the policy",
			   "ポリシーファイルを読めません");
	if (rc) {
		ydiag_finish(&d);
		return rc;
	}
	const struct ynode *root = L.f.root;
	p->path = arena_strdup(&p->arena, path);
	if (!root)
		return 0;  /* an empty policy is all defaults */
	if (pkeys(&L, root, keys, PW(&L, "policy", "ポリシー")) && root->kind != Y_MAP) {
		ydiag_finish(&d);
		return EL_EPARSE;
	}
	static const struct unit days = {"a number of days ", "日数", "", ""},
				 number = {"a number ", "数", "", ""},
				 plen = {"a prefix length ", "プレフィックス長", "", ""},
				 wpa = {"", "長さ", " (the WPA limits)", "（WPA の決まり）"};
	long num = 0;
	bool set = false;
	plong(&L, root, "method", 1, 8, &num, &set, &number);
	if (set)
		p->method = (int)num;
	plong(&L, root, "firmware_max_age_days", 1, 36500, &p->firmware_max_age_days, NULL, &days);
	plong(&L, root, "build_age_warn_days", 1, 36500, &p->build_age_warn_days, NULL, &days);
	plong(&L, root, "build_age_fail_days", 1, 36500, &p->build_age_fail_days, NULL, &days);
	if (p->build_age_warn_days && p->build_age_fail_days &&
	    p->build_age_warn_days > p->build_age_fail_days)
		perr(&L, ymap_get(root, "build_age_warn_days"),
		     "'build_age_warn_days' must not be more than 'build_age_fail_days'",
		     "build_age_warn_days は build_age_fail_days 以下にしてください");
	set = false;
	plong(&L, root, "passphrase_min_length", 8, 63, &num, &set, &wpa);
	if (set) {
		p->passphrase_min_length = (unsigned)num;
		p->passphrase_min_length_set = true;
	}
	const struct ynode *v;
	if ((v = ymap_get(root, "https_share_min"))) {
		if (yscalar_double(v, &p->https_share_min) || p->https_share_min < 0 ||
		    p->https_share_min > 1)
			perr(&L, v, "'https_share_min' must be a fraction from 0 to 1",
			     "https_share_min は 0 から 1 までの割合で書いてください");
	}
	plong(&L, root, "max_flows", POLICY_MAX_FLOWS_MIN, POLICY_MAX_FLOWS_MAX, &p->max_flows,
	      NULL, &number);
	/* Item 3-2: a source set with more public addresses than one prefix
	 * of this length is broad (rules/internet-sources.yaml). */
	set = false;
	plong(&L, root, "broad_source_ipv4_prefix", 0, 32, &num, &set, &plen);
	if (set) {
		p->broad_prefix4 = (unsigned)num;
		p->broad_prefix4_set = true;
	}
	set = false;
	plong(&L, root, "broad_source_ipv6_prefix", 0, 128, &num, &set, &plen);
	if (set) {
		p->broad_prefix6 = (unsigned)num;
		p->broad_prefix6_set = true;
	}
	plong(&L, root, "max_memory_mib", POLICY_MAX_MEMORY_MIN, POLICY_MAX_MEMORY_MAX,
	      &p->max_memory_mib, NULL, &number);
	if ((v = ymap_get(root, "approved_domains"))) {
		if (v->kind != Y_SEQ) {
			perr(&L, v, "'approved_domains' must be a list of domain names",
			     "approved_domains はドメイン名のリストで書いてください");
		} else {
			p->approved_domains_set = true;
			p->approved_domains = arena_alloc(&p->arena, (v->n + 1) * sizeof(char *));
			if (!p->approved_domains)
				perr(&L, v, "out of memory", "メモリが足りません");
			for (size_t i = 0; p->approved_domains && i < v->n; i++) {
				if (v->vals[i]->kind != Y_SCALAR || v->vals[i]->len == 0) {
					perr(&L, v->vals[i], "each approved domain must be a name",
					     "approved_domains の各項目はドメイン名で書いてください");
					continue;
				}
				p->approved_domains[p->napproved_domains++] = v->vals[i]->str;
			}
		}
	}
	if ((v = ymap_get(root, "allowed_inbound")))
		load_inbound(&L, v);
	if ((v = ymap_get(root, "exceptions")))
		load_exceptions(&L, v);
	ydiag_finish(&d);
	return L.f.errors ? EL_EPARSE : 0;
}
