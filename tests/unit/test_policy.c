/*
 * test_policy.c — cmocka tests for src/policy.c: the defaults of
 * policy_init, a policy file using every key of DESIGN.md's "Policy file"
 * section loaded with exact values, an empty (or comment-only) file giving
 * the defaults, and the errors, each reported as "path:line: reason" with
 * the line of the offending key or entry: unknown key, method 9,
 * passphrase_min_length 7, an exception without a reason, an 'until' that
 * is not a date, an allowed_inbound proto "xyz", and a few more bounds.
 *
 * Policy files are written with mkstemp under /tmp and removed after.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/policy.h"
#include "../../src/util.h"

struct fix {
	char path[64];
	struct policy p;
	char err[2048];
	bool ja;       /* problems in Japanese */
};

static int setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	policy_init(&f->p);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fix *f = *state;
	policy_free(&f->p);
	if (f->path[0])
		unlink(f->path);
	free(f);
	return 0;
}

/* Writes text to a new temporary file and loads it into f->p. */
static int load(struct fix *f, const char *text)
{
	if (f->path[0])
		unlink(f->path);
	snprintf(f->path, sizeof(f->path), "/tmp/el-policy-XXXXXX");
	int fd = mkstemp(f->path);
	assert_true(fd >= 0);
	size_t n = strlen(text);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	assert_int_equal(close(fd), 0);
	f->err[0] = '\0';
	return policy_load(&f->p, f->path, f->ja, f->err, sizeof(f->err));
}

/* Asserts err starts with "<path>:<line>: " and contains want. */
static void assert_err_at(const struct fix *f, unsigned line, const char *want)
{
	char prefix[100];
	snprintf(prefix, sizeof(prefix), "%s:%u: ", f->path, line);
	if (strncmp(f->err, prefix, strlen(prefix)) != 0)
		fail_msg("error \"%s\" does not start with \"%s\"", f->err, prefix);
	if (!strstr(f->err, want))
		fail_msg("error \"%s\" does not contain \"%s\"", f->err, want);
}

static void assert_defaults(const struct policy *p)
{
	assert_int_equal(p->method, 0);
	assert_int_equal(p->firmware_max_age_days, 365);
	assert_true(p->https_share_min == 0.95);
	assert_int_equal(p->passphrase_min_length, 0);
	assert_false(p->passphrase_min_length_set);
	assert_int_equal(p->napproved_domains, 0);
	assert_false(p->approved_domains_set);   /* the well-known services are checked */
	assert_int_equal(p->ninbound, 0);
	assert_int_equal(p->nexceptions, 0);
}

static void test_defaults(void **state)
{
	struct fix *f = *state;
	assert_defaults(&f->p);
	assert_null(f->p.path);
	assert_null(f->p.approved_domains);
	assert_null(f->p.inbound);
	assert_null(f->p.exceptions);
}

static const char full_policy[] =
	"# the organisation's choices\n"                                    /* 1 */
	"method: 1\n"                                                       /* 2 */
	"firmware_max_age_days: 180\n"                                      /* 3 */
	"allowed_inbound:\n"                                                /* 4 */
	"  - {proto: tcp, port: 443, to: 192.168.100.10, sources: [203.0.113.0/24], reason: \"branch office\"}\n" /* 5 */
	"  - proto: udp\n"                                                  /* 6 */
	"    port: 500\n"                                                   /* 7 */
	"    reason: IKE\n"                                                 /* 8 */
	"approved_domains: [office.com, microsoftonline.com, zoom.us]\n"    /* 9 */
	"https_share_min: 0.9\n"                                            /* 10 */
	"passphrase_min_length: 16\n"                                       /* 11 */
	"exceptions:\n"                                                     /* 12 */
	"  - {rule: EL105, file: \"office-*.conf\", reason: \"replaced in March\", until: 2027-03-31}\n" /* 13 */
	"  - rule: wifi-wep\n"                                              /* 14 */
	"    reason: lab only\n";                                           /* 15 */

static void test_full_policy(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f, full_policy), 0);
	const struct policy *p = &f->p;
	assert_string_equal(p->path, f->path);
	assert_int_equal(p->method, 1);
	assert_int_equal(p->firmware_max_age_days, 180);
	assert_true(p->https_share_min == 0.9);
	assert_int_equal(p->passphrase_min_length, 16);
	assert_true(p->passphrase_min_length_set);

	assert_int_equal(p->napproved_domains, 3);
	assert_true(p->approved_domains_set);
	assert_string_equal(p->approved_domains[0], "office.com");
	assert_string_equal(p->approved_domains[1], "microsoftonline.com");
	assert_string_equal(p->approved_domains[2], "zoom.us");

	assert_int_equal(p->ninbound, 2);
	const struct policy_inbound *in = &p->inbound[0];
	assert_string_equal(in->proto, "tcp");
	assert_int_equal(in->port, 443);
	assert_string_equal(in->to, "192.168.100.10");
	assert_int_equal(in->nsources, 1);
	assert_string_equal(in->sources[0], "203.0.113.0/24");
	assert_string_equal(in->reason, "branch office");
	assert_int_equal(in->line, 5);
	in = &p->inbound[1];
	assert_string_equal(in->proto, "udp");
	assert_int_equal(in->port, 500);
	assert_null(in->to);
	assert_int_equal(in->nsources, 0);
	assert_string_equal(in->reason, "IKE");
	assert_int_equal(in->line, 6);

	assert_int_equal(p->nexceptions, 2);
	const struct policy_exception *e = &p->exceptions[0];
	assert_string_equal(e->rule, "EL105");
	assert_string_equal(e->file, "office-*.conf");
	assert_string_equal(e->reason, "replaced in March");
	assert_string_equal(e->until_text, "2027-03-31");
	assert_int_equal(e->until, date_days(2027, 3, 31));
	assert_int_equal(e->line, 13);
	assert_int_equal(e->used, 0);
	e = &p->exceptions[1];
	assert_string_equal(e->rule, "wifi-wep");
	assert_null(e->file);
	assert_string_equal(e->reason, "lab only");
	assert_null(e->until_text);
	assert_int_equal(e->until, -1);
	assert_int_equal(e->line, 14);
}

static void test_inbound_port_absent(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f, "allowed_inbound:\n  - {proto: esp, reason: VPN}\n"), 0);
	assert_int_equal(f->p.ninbound, 1);
	assert_string_equal(f->p.inbound[0].proto, "esp");
	assert_int_equal(f->p.inbound[0].port, -1);
	assert_int_equal(f->p.firmware_max_age_days, 365);
}

static void test_empty_file_is_defaults(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f, ""), 0);
	assert_defaults(&f->p);
	assert_string_equal(f->p.path, f->path);
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "# nothing chosen yet\n\n"), 0);
	assert_defaults(&f->p);
}

static void test_missing_file(void **state)
{
	struct fix *f = *state;
	char err[300] = "";
	assert_int_equal(policy_load(&f->p, "/nonexistent/policy.yaml", false, err, sizeof(err)),
			 EL_EIO);
	assert_string_equal(err, "/nonexistent/policy.yaml: cannot read the policy: "
				 "No such file or directory");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(policy_load(&f->p, "/nonexistent/policy.yaml", true, err, sizeof(err)),
			 EL_EIO);
	assert_string_equal(err, "/nonexistent/policy.yaml: ポリシーファイルを読めません: "
				 "そのようなファイルやディレクトリはありません");
}

static void test_error_unknown_key(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f, "method: 2\n\nfirmware_max_age: 30\n"), EL_EPARSE);
	assert_err_at(f, 3, "unknown key 'firmware_max_age'");
	assert_non_null(strstr(f->err, "firmware_max_age_days"));  /* the expected keys */
}

/* The policy is the admin's file: in a Japanese run its problems are
 * Japanese, every one of them, keys and values of the file as they are. */
static void test_errors_in_japanese(void **state)
{
	struct fix *f = *state;
	f->ja = true;
	assert_int_equal(load(f, "method: 9\n"                                  /* 1 */
				 "passphrase_min_length: 7\n"                    /* 2 */
				 "https_share_min: 2\n"                          /* 3 */
				 "foo: 1\n"                                      /* 4 */
				 "exceptions:\n"                                 /* 5 */
				 "  - rule: EL105\n"                             /* 6 */
				 "    until: soon\n"                             /* 7 */
				 "allowed_inbound:\n"                            /* 8 */
				 "  - {proto: sctp, port: 70000, reason: x}\n"), /* 9 */
			 EL_EPARSE);
	char want[2048];
	snprintf(want, sizeof(want),
		 "%1$s:4: ポリシー: 知らないキー「foo」です（使えるキー: method、firmware_max_age_days、"
		 "build_age_warn_days、build_age_fail_days、allowed_inbound、approved_domains、"
		 "https_share_min、passphrase_min_length、max_flows、max_memory_mib、"
		 "broad_source_ipv4_prefix、broad_source_ipv6_prefix、exceptions）\n"
		 "%1$s:1: 「method」は数（1 から 8 まで）で書いてください\n"
		 "%1$s:2: 「passphrase_min_length」は長さ（8 から 63 まで）で書いてください（WPA の決まり）\n"
		 "%1$s:3: https_share_min は 0 から 1 までの割合で書いてください\n"
		 "%1$s:9: proto「sctp」は tcp、udp、esp、gre、icmp、any のどれでもありません\n"
		 "%1$s:9: port は 0 から 65535 までの数で書いてください\n"
		 "%1$s:6: ここには「reason」が必要です\n"
		 "%1$s:7: until は YYYY-MM-DD 形式の日付で書いてください",
		 f->path);
	assert_string_equal(f->err, want);
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "method: [\n"), EL_EPARSE);
	assert_non_null(strstr(f->err, ": 2 行目 1 列: YAML として読めません（「"));
}

static void test_error_unknown_key_in_entry(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f, "exceptions:\n  - rule: EL105\n    reason: x\n    expires: 2027-01-01\n"),
			 EL_EPARSE);
	assert_err_at(f, 4, "unknown key 'expires'");
}

static void test_error_method(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f, "firmware_max_age_days: 30\nmethod: 9\n"), EL_EPARSE);
	assert_err_at(f, 2, "'method' must be a number from 1 to 8");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "method: 0\n"), EL_EPARSE);
	assert_err_at(f, 1, "'method'");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "method: one\n"), EL_EPARSE);
	assert_err_at(f, 1, "'method'");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "method: 8\n"), 0);
	assert_int_equal(f->p.method, 8);
}

static void test_error_passphrase_min_length(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f, "method: 1\n# comment\npassphrase_min_length: 7\n"), EL_EPARSE);
	assert_err_at(f, 3, "'passphrase_min_length' must be from 8 to 63");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "passphrase_min_length: 64\n"), EL_EPARSE);
	assert_err_at(f, 1, "passphrase_min_length");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "passphrase_min_length: 8\n"), 0);
	assert_int_equal(f->p.passphrase_min_length, 8);
	assert_true(f->p.passphrase_min_length_set);
}

static void test_broad_source_prefix(void **state)
{
	struct fix *f = *state;
	assert_false(f->p.broad_prefix4_set);
	assert_false(f->p.broad_prefix6_set);
	assert_int_equal(load(f, "broad_source_ipv4_prefix: 20\nbroad_source_ipv6_prefix: 0\n"), 0);
	assert_true(f->p.broad_prefix4_set);
	assert_int_equal(f->p.broad_prefix4, 20);
	assert_true(f->p.broad_prefix6_set);
	assert_int_equal(f->p.broad_prefix6, 0);
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "method: 1\nbroad_source_ipv4_prefix: 33\n"), EL_EPARSE);
	assert_err_at(f, 2, "'broad_source_ipv4_prefix' must be a prefix length from 0 to 32");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "broad_source_ipv6_prefix: /48\n"), EL_EPARSE);
	assert_err_at(f, 1, "'broad_source_ipv6_prefix' must be a prefix length from 0 to 128");
}

static void test_error_exception_without_reason(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f,
			      "exceptions:\n"
			      "  - {rule: EL201, reason: ok}\n"
			      "  - {rule: EL105, file: \"a.conf\"}\n"),
			 EL_EPARSE);
	assert_err_at(f, 3, "'reason' is required");
	policy_free(&f->p);
	policy_init(&f->p);
	/* Block style: the entry's line is the line of its first key. */
	assert_int_equal(load(f,
			      "method: 1\n"
			      "exceptions:\n"
			      "  - rule: EL105\n"
			      "    file: a.conf\n"),
			 EL_EPARSE);
	assert_err_at(f, 3, "'reason' is required");
	policy_free(&f->p);
	policy_init(&f->p);
	/* An empty or null reason is no reason. */
	assert_int_equal(load(f, "exceptions:\n  - {rule: EL105, reason: ~}\n"), EL_EPARSE);
	assert_err_at(f, 2, "'reason'");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "exceptions:\n  - {rule: EL105, reason: \"\"}\n"), EL_EPARSE);
	assert_err_at(f, 2, "'reason'");
}

static void test_error_until_not_a_date(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f,
			      "exceptions:\n"
			      "  - rule: EL105\n"
			      "    reason: accepted\n"
			      "    until: next spring\n"),
			 EL_EPARSE);
	assert_err_at(f, 4, "'until' must be a date YYYY-MM-DD");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "exceptions:\n  - {rule: EL1, reason: x, until: 2027-02-30}\n"),
			 EL_EPARSE);
	assert_err_at(f, 2, "'until'");
	policy_free(&f->p);
	policy_init(&f->p);
	/* A month alone is not enough for an exception's end. */
	assert_int_equal(load(f, "exceptions:\n  - {rule: EL1, reason: x, until: 2027-02}\n"),
			 EL_EPARSE);
	assert_err_at(f, 2, "'until'");
}

static void test_error_inbound_proto(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f,
			      "allowed_inbound:\n"
			      "  - {proto: tcp, port: 22, reason: admin}\n"
			      "\n"
			      "  - {proto: xyz, port: 1, reason: test}\n"),
			 EL_EPARSE);
	assert_err_at(f, 4, "proto 'xyz' is not one of tcp, udp, esp, gre, icmp, any");
}

static void test_error_other_bounds(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f, "allowed_inbound:\n  - {proto: tcp, port: 65536, reason: x}\n"),
			 EL_EPARSE);
	assert_err_at(f, 2, "port must be a number from 0 to 65535");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "https_share_min: 1.5\n"), EL_EPARSE);
	assert_err_at(f, 1, "'https_share_min' must be a fraction from 0 to 1");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "x: 1\n"), EL_EPARSE);
	assert_err_at(f, 1, "unknown key 'x'");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "firmware_max_age_days: 0\n"), EL_EPARSE);
	assert_err_at(f, 1, "'firmware_max_age_days'");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "build_age_warn_days: 400\nbuild_age_fail_days: 900\n"), 0);
	assert_int_equal(f->p.build_age_warn_days, 400);
	assert_int_equal(f->p.build_age_fail_days, 900);
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "build_age_fail_days: 100\nbuild_age_warn_days: 200\n"), EL_EPARSE);
	assert_err_at(f, 2, "'build_age_warn_days' must not be more than 'build_age_fail_days'");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "build_age_fail_days: -1\n"), EL_EPARSE);
	assert_err_at(f, 1, "'build_age_fail_days' must be a number of days from 1 to 36500");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "approved_domains: office.com\n"), EL_EPARSE);
	assert_err_at(f, 1, "'approved_domains' must be a list");
	assert_false(f->p.approved_domains_set);
	policy_free(&f->p);
	policy_init(&f->p);
	/* an empty list is given: it turns the look-alike check off */
	assert_int_equal(load(f, "approved_domains: []\n"), 0);
	assert_true(f->p.approved_domains_set);
	assert_int_equal(f->p.napproved_domains, 0);
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "- method: 1\n"), EL_EPARSE);
	assert_err_at(f, 1, "policy must be a mapping");
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "allowed_inbound:\n  - {port: 1, reason: x}\n"), EL_EPARSE);
	assert_err_at(f, 2, "'proto' is required");
}

static void test_error_yaml_syntax(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f, "method: 1\napproved_domains: [a.com, b.com\n"), EL_EPARSE);
	char prefix[80];
	snprintf(prefix, sizeof(prefix), "%s: line ", f->path);
	assert_int_equal(strncmp(f->err, prefix, strlen(prefix)), 0);
	policy_free(&f->p);
	policy_init(&f->p);
	assert_int_equal(load(f, "method: 1\nmethod: 2\n"), EL_EPARSE);
	assert_non_null(strstr(f->err, f->path));
	assert_non_null(strstr(f->err, "appears twice"));
}

/* Every problem of a policy is reported, in the order the loader meets
 * them (the keys of the top mapping first, then each key), each with its
 * line — not only the first (pfctl style; yschema.h). */
static void test_every_problem(void **state)
{
	struct fix *f = *state;
	assert_int_equal(load(f, "method: 9\n"
				 "firmware_max_age_days: 0\n"
				 "colour: red\n"
				 "passphrase_min_length: 7\n"
				 "allowed_inbound:\n"
				 "  - proto: xyz\n"
				 "    port: 70000\n"
				 "    reason: \"vpn\"\n"
				 "  - proto: udp\n"
				 "    port: 500\n"
				 "exceptions:\n"
				 "  - rule: EL105\n"
				 "    until: tomorrow\n"
				 "    reason: \"accepted\"\n"
				 "  - reason: \"no rule\"\n"),
			 EL_EPARSE);
	static const char *const want[] = {
		"3: policy: unknown key 'colour' (expected one of: method, firmware_max_age_days, "
		"build_age_warn_days, build_age_fail_days, allowed_inbound, approved_domains, "
		"https_share_min, passphrase_min_length, max_flows, max_memory_mib, "
		"broad_source_ipv4_prefix, broad_source_ipv6_prefix, exceptions)",
		"1: 'method' must be a number from 1 to 8",
		"2: 'firmware_max_age_days' must be a number of days from 1 to 36500",
		"4: 'passphrase_min_length' must be from 8 to 63 (the WPA limits)",
		"6: proto 'xyz' is not one of tcp, udp, esp, gre, icmp, any",
		"7: port must be a number from 0 to 65535",
		"9: 'reason' is required here",
		"13: 'until' must be a date YYYY-MM-DD",
		"15: 'rule' is required here",
	};
	char all[2048] = "";
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		size_t o = strlen(all);
		snprintf(all + o, sizeof(all) - o, "%s%s:%s", i ? "\n" : "", f->path, want[i]);
	}
	assert_string_equal(f->err, all);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_every_problem),
		T(test_defaults),
		T(test_full_policy),
		T(test_inbound_port_absent),
		T(test_empty_file_is_defaults),
		T(test_missing_file),
		T(test_error_unknown_key),
		T(test_error_unknown_key_in_entry),
		T(test_errors_in_japanese),
		T(test_error_method),
		T(test_broad_source_prefix),
		T(test_error_passphrase_min_length),
		T(test_error_exception_without_reason),
		T(test_error_until_not_a_date),
		T(test_error_inbound_proto),
		T(test_error_other_bounds),
		T(test_error_yaml_syntax),
	};
#undef T
	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
