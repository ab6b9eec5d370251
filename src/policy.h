/*
 * policy.h — the organisation's choices (--policy FILE, YAML): telework
 * method, thresholds, what it needs open, approved domains and accepted
 * risks (exceptions). Every key is optional; defaults are documented in
 * the README.
 */
#ifndef EDGELINT_POLICY_H
#define EDGELINT_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include "util.h"

struct policy_inbound {
	const char *proto;        /* tcp | udp | … */
	long port;                /* -1 when absent */
	const char *to;           /* host, or NULL */
	const char **sources;     /* CIDR strings */
	size_t nsources;
	const char *reason;
	unsigned line;
};

struct policy_exception {
	const char *rule;         /* id or name */
	const char *file;         /* glob on the input path; NULL: any */
	const char *reason;       /* required */
	long until;               /* days since epoch, or -1 */
	const char *until_text;
	unsigned line;
	unsigned used;            /* findings it excepted in this run */
};

struct policy {
	struct arena arena;
	const char *path;         /* NULL when no policy was given */
	int method;               /* 0: not given, else 1..8 */
	long firmware_max_age_days;
	/* Firmware judged by build age (DD-WRT, FreshTomato, snapshots):
	 * warn/fail past these many days; 0 = the rules data's values. */
	long build_age_warn_days, build_age_fail_days;
	unsigned passphrase_min_length;
	bool passphrase_min_length_set;
	double https_share_min;
	/* Item 3-2: a source set holding more public addresses than one
	 * prefix of this length is broad, judged like any source; unset: the
	 * rules data's value (rules/internet-sources.yaml). */
	unsigned broad_prefix4, broad_prefix6;
	bool broad_prefix4_set, broad_prefix6_set;
	/* Captures: flows tracked at once (0: the default, 65536), and the
	 * flow table's memory budget in MiB (0: the default, 64). */
	long max_flows;
	long max_memory_mib;
	const char **approved_domains;
	size_t napproved_domains;
	/* approved_domains was given (even empty: `[]` turns the look-alike
	 * check off); unset: the well-known services of
	 * rules/service-domains.yaml are checked */
	bool approved_domains_set;
	struct policy_inbound *inbound;
	size_t ninbound;
	struct policy_exception *exceptions;
	size_t nexceptions;
};

/* Limits of max_flows (policy key and --max-flows). */
#define POLICY_MAX_FLOWS_MIN 16
#define POLICY_MAX_FLOWS_MAX 16777216
/* Limits of max_memory_mib (policy key and --max-memory). */
#define POLICY_MAX_MEMORY_MIN 8
#define POLICY_MAX_MEMORY_MAX 65536

/* Sets the defaults (no file). */
void policy_init(struct policy *p);
/* Loads path into p (after policy_init). Returns 0, or negative with
 * "path:line: reason" in err, one problem per line, in Japanese when ja
 * (the policy is the admin's file: its problems are in the report's
 * language). */
int policy_load(struct policy *p, const char *path, bool ja, char *err, size_t errn);
void policy_free(struct policy *p);

#endif
