/*
 * test_registry.c — cmocka tests for src/registry.c against the real rules
 * directory ($EDGELINT_RULES):
 *  - every rule has en and ja text for its title, rationale, remediation,
 *    every message variant and every hint; ids and names are unique;
 *  - a few exact rules (EL201 wifi-open: critical, item 6-2, variants
 *    open and owe) and lookups by id, by name, of variants and hints;
 *  - the checklist's methods per item, exactly;
 *  - registry_router lookups (case, spaces, dashes, the "Aterm" prefix,
 *    vendor filter, unlisted models);
 *  - load failures on mutated copies of the rules directory (made with
 *    `cp -r` into a mkdtemp directory): a title without ja, a duplicated
 *    id, a bad severity, a message without en, a missing checklist item —
 *    each naming the file and the line;
 *  - every problem of a file, not only the first (pfctl style): broken
 *    rules.yaml, firmware/vpn-devices.yaml, lookalike.yaml and
 *    service-domains.yaml written by hand in tests/unit/data/registry/,
 *    each with several problems (wrong types, missing
 *    name/severity/source/as_of/title_ja, unknown keys, duplicate ids,
 *    names, maps and domains, domains the Public Suffix List does not
 *    make registrable), give exactly their list of
 *    "file:line: reason", in order; two broken files give both lists;
 *    a buffer too small for them gets whole lines and "… and N more";
 *  - consistency between code and data: every "ELnnn" string literal in
 *    src/ and parsers/ is a rule, and every (id, variant) pair given to
 *    finding_add exists; variants computed at run time (pass_reason_name)
 *    are checked for every reason that can reach them.
 *
 * Runs from the repository root (the source scan reads src/ and parsers/).
 *
 * Length: the tests of one module are one cmocka group in one file; each
 * test is short, and the file is long because the module has many cases.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/model.h"
#include "../../src/passphrase.h"
#include "../../src/registry.h"
#include "../../src/util.h"

static struct registry g_reg;
static const char *g_dir;

static int group_setup(void **state)
{
	(void)state;
	g_dir = getenv("EDGELINT_RULES");
	if (!g_dir) {
		fprintf(stderr, "EDGELINT_RULES is not set\n");
		return -1;
	}
	char err[600];
	if (registry_load(&g_reg, g_dir, err, sizeof(err)) != 0) {
		fprintf(stderr, "registry_load: %s\n", err);
		registry_free(&g_reg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	registry_free(&g_reg);
	return 0;
}

/* ---- the shipped rules ---------------------------------------------------- */

/* The {placeholders} of a text, sorted and joined by commas into out; a
 * key ending in "_ja" counts as the key without it (the Japanese text of
 * a value our code words in both languages: detail / detail_ja). */
static void placeholders(const char *t, char *out, size_t n)
{
	char keys[32][48];
	size_t nk = 0;
	for (const char *p = strchr(t, '{'); p; p = strchr(p + 1, '{')) {
		const char *e = strchr(p, '}');
		if (!e)
			break;
		size_t len = (size_t)(e - p - 1);
		if (len >= 3 && strncmp(e - 3, "_ja", 3) == 0)
			len -= 3;
		if (len == 0 || len >= sizeof(keys[0]) || nk == 32)
			continue;
		bool seen = false;
		for (size_t k = 0; k < nk; k++)
			seen |= strlen(keys[k]) == len && strncmp(keys[k], p + 1, len) == 0;
		if (!seen) {
			memcpy(keys[nk], p + 1, len);
			keys[nk++][len] = '\0';
		}
	}
	qsort(keys, nk, sizeof(keys[0]), (int (*)(const void *, const void *))strcmp);
	out[0] = '\0';
	for (size_t k = 0; k < nk; k++)
		snprintf(out + strlen(out), n - strlen(out), "%s%s", k ? "," : "", keys[k]);
}

static void assert_same_placeholders(const struct ltext *t, const char *id, const char *what)
{
	char en[512], ja[512];
	placeholders(t->t[LANG_EN], en, sizeof(en));
	placeholders(t->t[LANG_JA], ja, sizeof(ja));
	if (strcmp(en, ja) != 0)
		fail_msg("rule %s %s: en has {%s}, ja has {%s}", id, what, en, ja);
}

/* Every text of every rule and variant names the same placeholders in
 * Japanese and English (issue 11 §1: a ja-only {what} was printed as is). */
static void test_placeholders_match(void **state)
{
	(void)state;
	for (size_t i = 0; i < g_reg.nrules; i++) {
		const struct rule *ru = &g_reg.rules[i];
		assert_same_placeholders(&ru->title, ru->id, "title");
		assert_same_placeholders(&ru->rationale, ru->id, "rationale");
		assert_same_placeholders(&ru->remediation, ru->id, "remediation");
		for (size_t m = 0; m < ru->nmsgs; m++) {
			assert_same_placeholders(&ru->msgs[m].text, ru->id, ru->msgs[m].variant);
			if (ru->msgs[m].fix.t[LANG_EN])   /* a variant's own fix */
				assert_same_placeholders(&ru->msgs[m].fix, ru->id, ru->msgs[m].variant);
		}
		for (size_t h = 0; h < ru->nhints; h++)
			assert_same_placeholders(&ru->hints[h].text, ru->id, ru->hints[h].vendor);
	}
	/* The check itself tells a mismatch. */
	char a[64], b[64];
	placeholders("x {service}（{what}）{host}", a, sizeof(a));
	placeholders("{host} {service}", b, sizeof(b));
	assert_string_equal(a, "host,service,what");
	assert_string_equal(b, "host,service");
	placeholders("{detail_ja}", a, sizeof(a));
	assert_string_equal(a, "detail");
}

/* Every VPN advisory has its title in Japanese too (a Japanese EL302
 * message quotes it), and it is not the English one. */
static void test_advisory_titles_bilingual(void **state)
{
	(void)state;
	assert_true(g_reg.nadvisories >= 10);
	for (size_t i = 0; i < g_reg.nadvisories; i++) {
		const struct vpn_advisory *a = &g_reg.advisories[i];
		if (!a->title_ja || !a->title_ja[0] || strcmp(a->title_ja, a->title) == 0)
			fail_msg("advisory %s lacks its Japanese title", a->id);
	}
}

/* Rule texts read without a finding: placeholders become "…", other
 * braces stay. */
static void test_rule_text_plain(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb, 256);
	assert_int_equal(rule_text_plain("Use at least {min} characters.", &sb), 0);
	assert_string_equal(sb_str(&sb), "Use at least … characters.");
	sb_reset(&sb);
	assert_int_equal(rule_text_plain("{fixed} 以降 {a} {} {X} {open", &sb), 0);
	assert_string_equal(sb_str(&sb), "… 以降 … {} {X} {open");
	sb_free(&sb);
}

static void assert_ltext(const struct ltext *t, const char *what, const char *id)
{
	for (int l = 0; l < LANG_COUNT; l++)
		if (!t->t[l] || !t->t[l][0])
			fail_msg("rule %s: %s lacks its %s text", id, what, l == LANG_EN ? "en" : "ja");
}

static void test_every_rule_bilingual(void **state)
{
	(void)state;
	assert_true(g_reg.nrules >= 20);
	for (size_t i = 0; i < g_reg.nrules; i++) {
		const struct rule *ru = &g_reg.rules[i];
		assert_int_equal(strlen(ru->id), 5);
		assert_int_equal(strncmp(ru->id, "EL", 2), 0);
		assert_true(ru->name && ru->name[0]);
		assert_true(ru->line > 0);
		assert_true(ru->severity < SEV_COUNT);
		assert_ltext(&ru->title, "title", ru->id);
		assert_ltext(&ru->rationale, "rationale", ru->id);
		assert_ltext(&ru->remediation, "remediation", ru->id);
		assert_true(ru->nmsgs >= 1);
		for (size_t m = 0; m < ru->nmsgs; m++) {
			assert_true(ru->msgs[m].variant && ru->msgs[m].variant[0]);
			assert_ltext(&ru->msgs[m].text, ru->msgs[m].variant, ru->id);
			if (ru->msgs[m].fix.t[LANG_EN] || ru->msgs[m].fix.t[LANG_JA])
				assert_ltext(&ru->msgs[m].fix, ru->msgs[m].variant, ru->id);
		}
		for (size_t h = 0; h < ru->nhints; h++)
			assert_ltext(&ru->hints[h].text, ru->hints[h].vendor, ru->id);
		for (size_t k = 0; k < ru->nitems; k++)
			assert_in_range(ru->items[k], 0, ITEM_COUNT - 1);
		/* Unique ids and names; lookups find this very rule. */
		for (size_t j = 0; j < i; j++) {
			assert_true(strcmp(g_reg.rules[j].id, ru->id) != 0);
			assert_true(strcmp(g_reg.rules[j].name, ru->name) != 0);
		}
		assert_ptr_equal(registry_rule(&g_reg, ru->id), ru);
		assert_ptr_equal(registry_rule(&g_reg, ru->name), ru);
	}
}

static void test_exact_rules(void **state)
{
	(void)state;
	const struct rule *ru = registry_rule(&g_reg, "EL201");
	assert_non_null(ru);
	assert_string_equal(ru->name, "wifi-open");
	assert_int_equal(ru->severity, SEV_CRITICAL);
	assert_int_equal(ru->nitems, 1);
	assert_int_equal(ru->items[0], ITEM_6_2);
	assert_int_equal(ru->nmsgs, 2);
	assert_non_null(rule_msg(ru, "open"));
	assert_non_null(rule_msg(ru, "owe"));
	assert_null(rule_msg(ru, "default"));
	assert_non_null(strstr(rule_msg(ru, "open")->text.t[LANG_EN], "{ssid}"));
	assert_ptr_equal(registry_rule(&g_reg, "wifi-open"), ru);
	assert_non_null(rule_hint(ru, "buffalo", LANG_JA));
	assert_null(rule_hint(ru, "no-such-vendor", LANG_EN));
	assert_null(rule_hint(ru, NULL, LANG_EN));

	ru = registry_rule(&g_reg, "EL001");
	assert_non_null(ru);
	assert_string_equal(ru->name, "input-not-understood");
	assert_int_equal(ru->nitems, 0);
	assert_non_null(rule_msg(ru, "default"));

	ru = registry_rule(&g_reg, "EL254");
	assert_non_null(ru);
	assert_int_equal(ru->items[0], ITEM_6_2);

	assert_null(registry_rule(&g_reg, "EL999"));
	assert_null(registry_rule(&g_reg, ""));

	assert_string_equal(severity_name(SEV_CRITICAL), "critical");
	assert_string_equal(severity_name(SEV_INFO), "info");
	assert_int_equal(severity_from_name("high"), SEV_HIGH);
	assert_int_equal(severity_from_name("severe"), -1);
	assert_int_equal(severity_from_name("HIGH"), -1);

	assert_true(g_reg.nnotes >= 1);
	assert_non_null(registry_note(&g_reg, "kind-does-not-feed", LANG_EN));
	assert_null(registry_note(&g_reg, "no-such-note", LANG_EN));
	assert_true(g_reg.data_as_of > 0);
	assert_true(g_reg.pass.min_length >= 8);
}

static void assert_methods(int item, const int *want, size_t n)
{
	const struct checklist_item *ci = &g_reg.items[item];
	assert_non_null(ci->id);
	assert_string_equal(ci->id, item_name(item));
	bool exp[9] = {false};
	for (size_t i = 0; i < n; i++)
		exp[want[i]] = true;
	for (int m = 0; m <= 8; m++)
		if (ci->methods[m] != exp[m])
			fail_msg("item %s method %d: got %d, want %d", ci->id, m,
				 ci->methods[m], exp[m]);
	assert_ltext(&ci->title, "title", ci->id);
	assert_ltext(&ci->summary, "summary", ci->id);
}

static void test_checklist_methods(void **state)
{
	(void)state;
	static const int m32[] = {1, 4, 5, 8};
	static const int all[] = {1, 2, 3, 4, 5, 6, 7, 8};
	static const int m54[] = {1, 5};
	static const int m61[] = {1, 2, 4, 5, 6, 8};
	assert_methods(ITEM_3_2, m32, 4);
	assert_methods(ITEM_5_3, all, 8);
	assert_methods(ITEM_5_4, m54, 2);
	assert_methods(ITEM_6_1, m61, 6);
	assert_methods(ITEM_6_2, all, 8);
}

/* Service lookup: spot values from rules/ports.yaml, and for every TCP and
 * UDP port the quick "no service" answer agrees with a scan of the table. */
static void test_service_lookup(void **state)
{
	(void)state;
	const struct service_def *sd = registry_service(&g_reg, PROTO_TCP, 3389);
	assert_non_null(sd);
	assert_string_equal(sd->name, "rdp");
	sd = registry_service(&g_reg, PROTO_TCP, 5901);
	assert_non_null(sd);
	assert_string_equal(sd->name, "vnc");
	sd = registry_service(&g_reg, PROTO_UDP, 161);
	assert_non_null(sd);
	assert_string_equal(sd->name, "snmp");
	assert_null(registry_service(&g_reg, PROTO_TCP, 4000));
	static const uint32_t protos[] = { PROTO_TCP, PROTO_UDP };
	for (int k = 0; k < 2; k++)
		for (uint32_t p = 0; p <= 65535; p++) {
			bool any = false;
			for (size_t i = 0; i < g_reg.nservices && !any; i++) {
				const struct service_def *s = &g_reg.services[i];
				any = s->proto == protos[k] &&
				      (s->ports.n == 0 || pset_contains(&s->ports, p));
			}
			assert_int_equal(registry_service(&g_reg, protos[k], p) != NULL, any);
		}
}

static void test_router_lookup(void **state)
{
	(void)state;
	const struct router_support *e = registry_router(&g_reg, NULL, "WSR-2533DHP2");
	assert_non_null(e);
	assert_string_equal(e->vendor, "buffalo");
	assert_string_equal(e->model, "WSR-2533DHP2");
	assert_string_equal(e->key, "wsr2533dhp2");
	assert_string_equal(e->end_of_support_text, "2025-02");
	assert_int_equal(e->end_of_support, date_days(2025, 2, 28));
	assert_null(e->latest_firmware);
	assert_false(e->unfixed_vulnerabilities);
	assert_non_null(e->source);
	assert_non_null(e->as_of);
	assert_ptr_equal(registry_router(&g_reg, NULL, "wsr 2533dhp2"), e);
	assert_ptr_equal(registry_router(&g_reg, NULL, "WSR_2533_DHP2"), e);
	assert_ptr_equal(registry_router(&g_reg, "buffalo", "WSR-2533DHP2"), e);
	assert_ptr_equal(registry_router(&g_reg, "other", "WSR-2533DHP2"), e);
	assert_null(registry_router(&g_reg, "nec", "WSR-2533DHP2"));

	const struct router_support *n = registry_router(&g_reg, NULL, "Aterm WG2600HP3");
	assert_non_null(n);
	assert_string_equal(n->vendor, "nec");
	assert_string_equal(n->model, "WG2600HP3");
	assert_ptr_equal(registry_router(&g_reg, "nec", "WG2600HP3"), n);
	assert_ptr_equal(registry_router(&g_reg, "nec", "aterm-wg2600hp3"), n);
	/* Close names are different models. */
	assert_ptr_not_equal(registry_router(&g_reg, NULL, "WG2600HP2"), n);
	assert_ptr_not_equal(registry_router(&g_reg, NULL, "WG2600HP"), n);

	assert_null(registry_router(&g_reg, NULL, "WSR-9999XYZ"));
	/* A prefix of a listed model is another model: WSR-2533DHP is an entry
	 * of its own (CVE-2024-23486), WSR-2533 none. */
	const struct router_support *p = registry_router(&g_reg, NULL, "WSR-2533DHP");
	assert_non_null(p);
	assert_string_equal(p->model, "WSR-2533DHP");
	assert_ptr_not_equal(p, e);
	assert_null(registry_router(&g_reg, NULL, "WSR-2533"));
	assert_null(registry_router(&g_reg, NULL, ""));
	assert_null(registry_router(&g_reg, NULL, "Aterm"));
	assert_null(registry_router(&g_reg, NULL, "  - "));

	char k[16];
	model_key(k, sizeof(k), "Aterm WG-2600_HP3 ");
	assert_string_equal(k, "atermwg2600hp3");
	model_key(k, 5, "ABCDEFG");
	assert_string_equal(k, "abcd");
}

/* ---- load failures on a mutated copy ----------------------------------------- */

struct copy {
	char dir[64];
	char rules[PATH_MAX];
	char checklist[PATH_MAX];
};

static void make_copy(struct copy *c)
{
	snprintf(c->dir, sizeof(c->dir), "/tmp/el-rules-XXXXXX");
	assert_non_null(mkdtemp(c->dir));
	char cmd[PATH_MAX * 2 + 32];
	snprintf(cmd, sizeof(cmd), "cp -r '%s/.' '%s/'", g_dir, c->dir);
	assert_int_equal(system(cmd), 0);
	snprintf(c->rules, sizeof(c->rules), "%s/rules.yaml", c->dir);
	snprintf(c->checklist, sizeof(c->checklist), "%s/checklist.yaml", c->dir);
}

static void remove_copy(struct copy *c)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", c->dir);
	assert_int_equal(system(cmd), 0);
}

static char *read_text(const char *path)
{
	char *buf = NULL;
	size_t n;
	char why[200];
	if (file_read_all(path, 8u << 20, &buf, &n, why, sizeof(why)) != 0)
		fail_msg("cannot read %s: %s", path, why);
	return buf;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* 1-based line number of offset off in text. */
static unsigned line_of(const char *text, size_t off)
{
	unsigned line = 1;
	for (size_t i = 0; i < off; i++)
		line += text[i] == '\n';
	return line;
}

/* A copy of the rules (make_copy) and the text of its file name, whose
 * path is written to path. */
static char *copy_with_text(struct copy *c, const char *name, char *path, size_t n)
{
	make_copy(c);
	snprintf(path, n, "%s/%s", c->dir, name);
	return read_text(path);
}

/* Offset of needle at or after from; fails the test when absent. */
static size_t find_from(const char *text, size_t from, const char *needle)
{
	const char *p = strstr(text + from, needle);
	if (!p)
		fail_msg("\"%s\" not found in the rules copy", needle);
	return (size_t)(p - text);
}

/* Replaces n bytes at off with rep (returns a new malloc'd text). */
static char *splice(const char *text, size_t off, size_t n, const char *rep)
{
	size_t tl = strlen(text), rl = strlen(rep);
	char *out = malloc(tl - n + rl + 1);
	assert_non_null(out);
	memcpy(out, text, off);
	memcpy(out + off, rep, rl);
	memcpy(out + off + rl, text + off + n, tl - off - n + 1);
	return out;
}

/* Loads the copy and expects failure with err == "<file>:<line>: <msg>". */
static void expect_load_error(const struct copy *c, const char *file, unsigned line,
			      const char *msg)
{
	struct registry r;
	char err[600] = "";
	int rc = registry_load(&r, c->dir, err, sizeof(err));
	assert_true(rc < 0);
	assert_int_equal(r.nrules, 0);
	assert_int_equal(r.nrouters, 0);
	registry_free(&r);
	char want[900];
	if (line)
		snprintf(want, sizeof(want), "%s/%s:%u: %s", c->dir, file, line, msg);
	else
		snprintf(want, sizeof(want), "%s/%s:", c->dir, file);
	if (line ? strcmp(err, want) != 0 : strncmp(err, want, strlen(want)) != 0 || !strstr(err, msg))
		fail_msg("got error \"%s\"\nwant \"%s\"%s%s", err, want, line ? "" : " ... ",
			 line ? "" : msg);
}

/* The copy's file with find replaced by rep fails to load with msg, at
 * the line of line_at (NULL: of find; "": any line). */
static void expect_edit_error(const char *file, const char *find, const char *rep,
			      const char *line_at, const char *msg)
{
	struct copy c;
	make_copy(&c);
	char path[PATH_MAX + 64];
	snprintf(path, sizeof(path), "%s/%s", c.dir, file);
	char *t = read_text(path);
	size_t at = find_from(t, 0, find);
	char *m = splice(t, at, strlen(find), rep);
	write_text(path, m);
	unsigned line = !line_at ? line_of(t, at) : *line_at ? line_of(t, find_from(t, 0, line_at)) : 0;
	expect_load_error(&c, file, line, msg);
	free(m);
	free(t);
	remove_copy(&c);
}

/* rules/report.yaml: find replaced by rep fails at the line of line_at
 * (NULL: of find) with msg. */
static void expect_report_error(const char *find, const char *rep, const char *line_at,
				const char *msg)
{
	expect_edit_error("report.yaml", find, rep, line_at, msg);
}

static void test_report_yaml(void **state)
{
	(void)state;
	/* The real file: EL403 groups by protocol and server, with accounts;
	 * four classes, the last taking every other input; every word. */
	const struct group_spec *g = registry_group(&g_reg, registry_rule(&g_reg, "EL403"));
	assert_non_null(g);
	assert_int_equal(g->nby, 2);
	assert_string_equal(g->by[0], "protocol");
	assert_string_equal(g->by[1], "server");
	assert_string_equal(g->accounts, "user");
	assert_null(registry_group(&g_reg, registry_rule(&g_reg, "EL253")));
	assert_int_equal(g_reg.nclasses, 4);
	assert_string_equal(g_reg.classes[0].id, "home-router");
	assert_true(g_reg.classes[0].items[ITEM_5_3] && g_reg.classes[0].items[ITEM_6_2]);
	assert_int_equal(g_reg.classes[0].nreplace, 2);
	assert_string_equal(g_reg.classes[0].replace[0]->id, "EL310");
	assert_string_equal(g_reg.classes[0].replace[1]->id, "EL314");
	assert_true(g_reg.classes[3].any);
	assert_null(g_reg.classes[2].verdict[VERDICT_REPLACE].t[LANG_EN]);
	assert_string_equal(registry_word(&g_reg, "not-checked", LANG_JA), "未確認");
	assert_string_equal(registry_word(&g_reg, "no-such-word", LANG_EN), "no-such-word");
}

/* What a Japanese report calls a login (capture-login-fields.yaml,
 * labels): a label of ours in Japanese; a protocol name as it is; the
 * English report keeps the readers' names. */
static void test_proto_labels(void **state)
{
	(void)state;
	assert_string_equal(registry_proto_label(&g_reg, "SNMPv2c community", LANG_JA),
			    "SNMPv2c（コミュニティ名）");
	assert_string_equal(registry_proto_label(&g_reg, "HTTP form", LANG_JA), "HTTP（フォーム）");
	assert_string_equal(registry_proto_label(&g_reg, "HTTP form", LANG_EN), "HTTP form");
	assert_string_equal(registry_proto_label(&g_reg, "FTP", LANG_JA), "FTP");
	expect_edit_error("capture-login-fields.yaml", "  - {en: \"HTTP query\"",
			  "  - {en: \"HTTP form\"", NULL,
			  "label 'HTTP form' is given twice");
	expect_edit_error("capture-login-fields.yaml", "ja: \"HTTP（Basic 認証）\"}",
			  "jp: \"HTTP（Basic 認証）\"}", NULL,
			  "a label: unknown key 'jp'");
	/* the brute-force threshold of EL407 (issue 16 §2) */
	assert_int_equal(g_reg.brute_force_failed_min, 10);
	expect_edit_error("capture-login-fields.yaml", "  failed_min: 10", "  failed_min: 1", NULL,
			  "'failed_min' must be a whole number from 2 to 1000000");
	expect_edit_error("capture-login-fields.yaml", "  failed_min: 10", "  failed_min: ten", NULL,
			  "'failed_min' must be a whole number from 2 to 1000000");
	expect_edit_error("capture-login-fields.yaml", "  failed_min: 10", "  failed_min: 10\n  why: x",
			  "", "brute_force: unknown key 'why'");
}

/* A variant's own fix (rules.yaml fixes:): EL403 no-auth has one, its
 * default does not; a fixes key that is no message variant fails the
 * load at its line. */
static void test_rule_fixes(void **state)
{
	(void)state;
	const struct rule *ru = registry_rule(&g_reg, "EL403");
	assert_non_null(ru);
	assert_non_null(rule_msg(ru, "no-auth")->fix.t[LANG_JA]);
	assert_null(rule_msg(ru, "default")->fix.t[LANG_EN]);
	assert_string_equal(rule_fix(ru, "no-auth", LANG_EN), rule_msg(ru, "no-auth")->fix.t[LANG_EN]);
	assert_string_equal(rule_fix(ru, "default", LANG_EN), ru->remediation.t[LANG_EN]);
	expect_edit_error("rules.yaml", "      no-auth:\n        en: \"No password leaked",
			  "      no-auths:\n        en: \"No password leaked", NULL,
			  "rule EL403: fixes: 'no-auths' is not one of its message variants");
}

static void test_fail_report_yaml(void **state)
{
	(void)state;
	expect_report_error("  EL405:\n", "  EL999:\n", NULL, "'EL999' is not a rule id of rules.yaml");
	expect_report_error("    by: [protocol, server]\n    accounts: user\n  EL405", "    accounts: user\n  EL405", NULL,
			    "EL403: 'by' must list 1 to 8 arguments");
	expect_report_error("    replace_rules: [EL310, EL314]", "    replace_rules: [EL310, EL9]", NULL,
			    "class home-router: not a rule id of rules.yaml");
	expect_report_error("        en: \"ready\"\n        ja: \"運用してよい\"\n",
			    "        en: \"ready\"\n", NULL,
			    "class office-device verdict approve lacks the 'ja' text");
	expect_report_error("  none:\n", "  nothing:\n", "  verdict:\n    en:", "word 'none' is missing");
}

static void test_copy_loads_unchanged(void **state)
{
	(void)state;
	struct copy c;
	make_copy(&c);
	struct registry r;
	char err[600] = "";
	assert_int_equal(registry_load(&r, c.dir, err, sizeof(err)), 0);
	assert_int_equal(r.nrules, g_reg.nrules);
	assert_int_equal(r.nrouters, g_reg.nrouters);
	registry_free(&r);
	remove_copy(&c);
}

static void test_fail_title_without_ja(void **state)
{
	(void)state;
	struct copy c;
	make_copy(&c);
	char *t = read_text(c.rules);
	size_t rule = find_from(t, 0, "- id: EL201\n");
	size_t next = find_from(t, rule + 1, "- id: ");
	size_t title = find_from(t, rule, "\n    title:\n");
	size_t en = find_from(t, title + 1, "      en: ");
	size_t ja = find_from(t, title + 1, "\n      ja: ");
	size_t ja_end = find_from(t, ja + 1, "\n");
	assert_true(ja < next);
	unsigned title_line = line_of(t, en);
	char *m = splice(t, ja, ja_end - ja, "");
	write_text(c.rules, m);
	/* The line is that of the title mapping, inside rule EL201. */
	assert_true(title_line > line_of(t, rule) && title_line < line_of(t, next));
	expect_load_error(&c, "rules.yaml", title_line, "rule EL201 title lacks the 'ja' text");
	free(m);
	free(t);
	remove_copy(&c);
}

static void test_fail_rule_without_title(void **state)
{
	(void)state;
	/* Regression (found by these tests, fixed): registry.c rl_ltext reports a missing text block with
	 * rl_err(L, v, …) where v == NULL, so a rule with no 'title' at all
	 * gives "<dir>/rules.yaml: rule EL201 title must be a mapping with
	 * 'en' and 'ja'" with no line, breaking the "file:line: reason"
	 * contract of registry_load; expected the line of rule EL201. */

	struct copy c;
	make_copy(&c);
	char *t = read_text(c.rules);
	size_t rule = find_from(t, 0, "- id: EL201\n");
	size_t title = find_from(t, rule, "    title:\n");
	size_t rat = find_from(t, title, "    rationale:\n");
	char *m = splice(t, title, rat - title, "");
	write_text(c.rules, m);
	expect_load_error(&c, "rules.yaml", line_of(t, rule),
			  "rule EL201 title must be a mapping with 'en' and 'ja'");
	free(m);
	free(t);
	remove_copy(&c);
}

static void test_items_none_terminated(void **state)
{
	(void)state;
	/* Regression (found by these tests, fixed): registry.h documents rule.items as "ITEM_NONE-terminated", but
	 * registry.c never writes ITEM_NONE: the unused entries are 0 (the
	 * arena zeroes memory), which is ITEM_3_2. For EL201 (items ["6-2"])
	 * items[1] is 0, expected ITEM_NONE (-1). Code that walks items to
	 * ITEM_NONE instead of using nitems would see a phantom item 3-2. */

	const struct rule *ru = registry_rule(&g_reg, "EL201");
	assert_non_null(ru);
	assert_int_equal(ru->nitems, 1);
	assert_int_equal(ru->items[1], ITEM_NONE);
}

static void test_fail_message_without_en(void **state)
{
	(void)state;
	struct copy c;
	make_copy(&c);
	char *t = read_text(c.rules);
	size_t rule = find_from(t, 0, "- id: EL201\n");
	size_t owe = find_from(t, rule, "\n      owe:\n");
	size_t en = find_from(t, owe + 1, "\n        en: ");
	size_t en_end = find_from(t, en + 1, "\n");
	size_t ja = find_from(t, owe + 1, "        ja: ");
	unsigned ja_line = line_of(t, ja);  /* first key of the mapping after the cut */
	char *m = splice(t, en, en_end - en, "");
	write_text(c.rules, m);
	expect_load_error(&c, "rules.yaml", ja_line - 1,
			  "rule EL201 message 'owe' lacks the 'en' text");
	free(m);
	free(t);
	remove_copy(&c);
}

static void test_fail_duplicate_id(void **state)
{
	(void)state;
	struct copy c;
	make_copy(&c);
	char *t = read_text(c.rules);
	size_t first = find_from(t, 0, "- id: EL201\n");
	size_t dup = find_from(t, 0, "- id: EL202\n");
	char *m = splice(t, dup, strlen("- id: EL202"), "- id: EL201");
	write_text(c.rules, m);
	char msg[80];
	snprintf(msg, sizeof(msg), "rule id EL201 is already used on line %u", line_of(t, first));
	expect_load_error(&c, "rules.yaml", line_of(t, dup), msg);
	free(m);
	free(t);
	remove_copy(&c);
}

static void test_fail_duplicate_name(void **state)
{
	(void)state;
	struct copy c;
	make_copy(&c);
	char *t = read_text(c.rules);
	size_t first = find_from(t, 0, "- id: EL201\n");
	size_t rule = find_from(t, 0, "- id: EL202\n");
	size_t name = find_from(t, rule, "name: wifi-wep");
	char *m = splice(t, name, strlen("name: wifi-wep"), "name: wifi-open");
	write_text(c.rules, m);
	char msg[80];
	snprintf(msg, sizeof(msg), "rule name wifi-open is already used on line %u",
		 line_of(t, first));
	expect_load_error(&c, "rules.yaml", line_of(t, rule), msg);
	free(m);
	free(t);
	remove_copy(&c);
}

static void test_fail_bad_severity(void **state)
{
	(void)state;
	struct copy c;
	make_copy(&c);
	char *t = read_text(c.rules);
	size_t rule = find_from(t, 0, "- id: EL201\n");
	size_t sev = find_from(t, rule, "severity: critical");
	char *m = splice(t, sev, strlen("severity: critical"), "severity: severe");
	write_text(c.rules, m);
	expect_load_error(&c, "rules.yaml", line_of(t, rule),
			  "rule EL201: severity 'severe' is not one of critical, high, medium, low, info");
	free(m);
	free(t);
	remove_copy(&c);
}

/* rules/firmware/home-firmware.yaml: lines found by key, dates read,
 * models normalised. */
static void test_home_firmware(void **state)
{
	(void)state;
	const struct distro_data *dd = &g_reg.distros;
	assert_string_equal(dd->as_of, "2026-11-22");
	assert_int_equal(dd->nopenwrt, 11);
	assert_string_equal(dd->openwrt[0].key, "12.09");
	const struct distro_line *l = distro_find(dd->openwrt, dd->nopenwrt, "21.02");
	assert_non_null(l);
	assert_string_equal(l->latest, "21.02.7");
	assert_string_equal(l->end_of_life_text, "2023-05");
	assert_int_equal(l->end_of_life, date_days(2023, 5, 31));
	assert_null(distro_find(dd->openwrt, dd->nopenwrt, "21.0"));
	l = distro_find(dd->openwrt, dd->nopenwrt, "25.12");
	assert_non_null(l);
	assert_int_equal(l->end_of_life, -1);
	const struct distro_line *m = distro_find(dd->merlin, dd->nmerlin, "386");
	assert_non_null(m);
	assert_true(distro_has_model(m, "rt-ac68u"));
	assert_true(distro_has_model(m, "RT AC68U"));
	assert_false(distro_has_model(m, "RT-AX86U"));
	assert_int_equal(dd->nmerlin_dropped, 3);
	assert_string_equal(dd->merlin_dropped[0].last_branch, "380");
	assert_int_equal(dd->build_age_warn_days, 365);
	assert_int_equal(dd->build_age_fail_days, 730);
	assert_non_null(distro_find(dd->routeros, dd->nrouteros, "7"));
	assert_string_equal(dd->freshtomato.latest, "2026.3");
	/* The firmware lines: names, what each is a branch of, how judged. */
	assert_int_equal(dd->nlines, 6);
	const struct fw_line *fl = registry_fw_line(&g_reg, "asuswrt-merlin");
	assert_non_null(fl);
	assert_string_equal(fl->name, "Asuswrt-Merlin");
	assert_string_equal(fl->branch_of, "asuswrt");
	assert_int_equal(fl->judge, FWJ_MODEL_BRANCH);
	assert_null(fl->give.t[LANG_EN]);
	fl = registry_fw_line(&g_reg, "openwrt");
	assert_non_null(fl);
	assert_string_equal(fl->name, "OpenWrt");
	assert_null(fl->branch_of);
	assert_int_equal(fl->judge, FWJ_RELEASE_SERIES);
	assert_non_null(strstr(fl->give.t[LANG_EN], "/etc/openwrt_release"));
	assert_non_null(strstr(fl->give.t[LANG_JA], "/etc/openwrt_release"));
	assert_int_equal(registry_fw_line(&g_reg, "asuswrt")->judge, FWJ_MODEL);
	assert_int_equal(registry_fw_line(&g_reg, "routeros")->judge, FWJ_MAJOR_CHANNEL);
	assert_int_equal(registry_fw_line(&g_reg, "freshtomato")->judge, FWJ_NEWEST_RELEASE);
	assert_int_equal(registry_fw_line(&g_reg, "dd-wrt")->judge, FWJ_BUILD_AGE);
	assert_string_equal(registry_fw_line(&g_reg, "dd-wrt")->name, "DD-WRT");
	assert_null(registry_fw_line(&g_reg, "tomato"));
	assert_null(registry_fw_line(&g_reg, NULL));
}

/* The "lines" table with a fault in every entry but the first: each
 * problem reported with its line (written from the block, before the
 * loader ran on it), the branch_of check after the whole list. */
static void test_fail_firmware_lines(void **state)
{
	(void)state;
	static const char bad[] =
		"lines:\n"                                   /* +0 */
		"  - id: openwrt\n"                          /* +1 */
		"    name: OpenWrt\n"
		"    judge: release-series\n"
		"    source: \"s\"\n"
		"    as_of: 2026-11-22\n"
		"  - id: openwrt\n"                          /* +6: listed on +1 */
		"    name: OpenWrt again\n"
		"    judge: newest-release\n"
		"    source: \"s\"\n"
		"    as_of: 2026-11-22\n"
		"  - id: merlin\n"                           /* +11: no name */
		"    branch_of: stock\n"                     /* +12: not an id */
		"    judge: best-guess\n"                    /* +13: not a method */
		"    source: \"s\"\n"
		"    as_of: 2026-11-22\n"
		"  - id: x\n"                                /* +16 */
		"    name: X\n"
		"    judge: build-age\n"
		"    colour: red\n"                          /* +19: unknown key */
		"    source: \"s\"\n"
		"    as_of: 2026-11-22\n"
		"  - id: y\n"                                /* +22: no as_of */
		"    name: Y\n"
		"    judge: model\n"
		"    give: {en: \"give it\"}\n"              /* +25: no ja */
		"    source: \"s\"\n";
	struct copy c;
	char path[PATH_MAX + 64];
	char *t = copy_with_text(&c, "firmware/home-firmware.yaml", path, sizeof(path));
	size_t from = find_from(t, 0, "\nlines:\n") + 1;
	size_t to = find_from(t, from, "\nopenwrt:\n") + 1;
	char *m = splice(t, from, to - from, bad);
	write_text(path, m);
	unsigned l0 = line_of(t, from);
	const char *f = "firmware/home-firmware.yaml";
	struct registry r;
	static char err[8192], want[8192];
	assert_true(registry_load(&r, c.dir, err, sizeof(err)) < 0);
	registry_free(&r);
	snprintf(want, sizeof(want),
		 "%s/%s:%u: firmware line openwrt is already listed on line %u\n"
		 "%s/%s:%u: 'name' is missing\n"
		 "%s/%s:%u: firmware line merlin: judge 'best-guess' is not one of model, "
		 "release-series, model-branch, major-channel, newest-release, build-age\n"
		 "%s/%s:%u: firmware line: unknown key 'colour'\n"
		 "%s/%s:%u: firmware line y: 'as_of' is missing\n"
		 "%s/%s:%u: give lacks the 'ja' text\n"
		 "%s/%s:%u: firmware line merlin: branch_of 'stock' is not the id of another line",
		 c.dir, f, l0 + 6, l0 + 1, c.dir, f, l0 + 11, c.dir, f, l0 + 13, c.dir, f, l0 + 19,
		 c.dir, f, l0 + 22, c.dir, f, l0 + 25, c.dir, f, l0 + 12);
	assert_string_equal(err, want);
	free(m);
	free(t);
	remove_copy(&c);
}

static void test_fail_home_firmware_without_as_of(void **state)
{
	(void)state;
	struct copy c;
	make_copy(&c);
	char path[PATH_MAX + 64];
	snprintf(path, sizeof(path), "%s/firmware/home-firmware.yaml", c.dir);
	char *t = read_text(path);
	size_t from = find_from(t, 0, "    - series: \"22.03\"\n");
	size_t asof = find_from(t, from, "      as_of: ");
	size_t eol = find_from(t, asof, "\n");
	char *m = splice(t, asof, eol + 1 - asof, "");
	write_text(path, m);
	expect_load_error(&c, "firmware/home-firmware.yaml", line_of(t, from + 1), "'as_of' is missing");
	free(m);
	free(t);
	remove_copy(&c);
}

/* rules/internet-sources.yaml: each entry's values are checked, naming the
 * line of the entry. */
static void expect_internet_error(const char *find, const char *rep, const char *msg,
				  bool line_of_find)
{
	expect_edit_error("internet-sources.yaml", find, rep, line_of_find ? NULL : "", msg);
}

static void test_fail_internet_sources(void **state)
{
	(void)state;
	expect_internet_error("prefix: 10.0.0.0/8, name: Private-Use, rfc: \"RFC 1918\", "
			      "globally_reachable: false",
			      "prefix: 10.0.0.0/8, name: Private-Use, rfc: \"RFC 1918\", "
			      "globally_reachable: maybe",
			      "'globally_reachable' must be true, false or \"n/a\" (the registry's "
			      "column), not 'maybe'", true);
	expect_internet_error("prefix: 169.254.0.0/16", "prefix: 169.254.0.1/16",
			      "'169.254.0.1/16' has address bits set past the prefix length", true);
	expect_internet_error("prefix: 198.18.0.0/15", "prefix: 198.18.0.0/33",
			      "'198.18.0.0/33' is not an IPv4 prefix (address/length)", true);
	expect_internet_error("prefix: 192.0.0.171/32", "prefix: 192.0.0.170/32",
			      "this prefix is already listed on line", false);
	expect_internet_error("source: iana-v4}\n  - {prefix: 10.0.0.0/8",
			      "source: iana-v9}\n  - {prefix: 10.0.0.0/8",
			      "source 'iana-v9' is not one of 'sources'", false);
	expect_internet_error("  ipv4_prefix: 16\n", "  ipv4_prefix: 33\n",
			      "'ipv4_prefix' must be a prefix length from 0 to 32", true);
}

static void test_fail_missing_checklist_item(void **state)
{
	(void)state;
	struct copy c;
	make_copy(&c);
	char *t = read_text(c.checklist);
	size_t from = find_from(t, 0, "  - id: \"5-4\"\n");
	size_t to = find_from(t, from + 1, "  - id: ");
	size_t items = find_from(t, 0, "\nitems:\n");
	char *m = splice(t, from, to - from, "");
	write_text(c.checklist, m);
	/* The line is that of the file's top mapping (its first key): the
	 * first line that is neither a comment nor blank. */
	unsigned top = 0, ln = 1;
	for (const char *p = t; *p; ln++) {
		if (*p != '#' && *p != '\n') {
			top = ln;
			break;
		}
		const char *nl = strchr(p, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	assert_true(top > 0 && top <= line_of(t, items + 1));
	expect_load_error(&c, "checklist.yaml", top, "item 5-4 is missing");
	free(m);
	free(t);
	remove_copy(&c);
}

static void test_fail_unknown_item_in_rule(void **state)
{
	(void)state;
	struct copy c;
	make_copy(&c);
	char *t = read_text(c.rules);
	size_t rule = find_from(t, 0, "- id: EL201\n");
	size_t it = find_from(t, rule, "items: [\"6-2\"]");
	char *m = splice(t, it, strlen("items: [\"6-2\"]"), "items: [\"6-3\"]");
	write_text(c.rules, m);
	expect_load_error(&c, "rules.yaml", line_of(t, it),
			  "rule EL201: '6-3' is not a checklist item edgelint knows");
	free(m);
	free(t);
	remove_copy(&c);
}

/* ---- every problem of a file (pfctl style; yschema.h) ------------------- */

#define FIXTURES "tests/unit/data/registry"

/* Copies the fixture FIXTURES/name over the copy's file of that name. */
static void put_fixture(const struct copy *c, const char *name)
{
	char from[PATH_MAX], to[PATH_MAX + 64];
	snprintf(from, sizeof(from), FIXTURES "/%s", name);
	snprintf(to, sizeof(to), "%s/%s", c->dir, name);
	char *t = read_text(from);
	write_text(to, t);
	free(t);
}

/* want[0..n) as registry_load writes them: "<dir>/<want[i]>", one a line. */
static void join_problems(const struct copy *c, const char *const *want, size_t n, char *out,
			  size_t outn)
{
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t o = strlen(out);
		snprintf(out + o, outn - o, "%s%s/%s", i ? "\n" : "", c->dir, want[i]);
	}
}

/* A copy of the rules with fixtures[] put in fails to load with exactly
 * the problems want[0..n), in order. */
static void expect_problems(const char *const *fixtures, const char *const *want, size_t n)
{
	struct copy c;
	make_copy(&c);
	for (size_t i = 0; fixtures[i]; i++)
		put_fixture(&c, fixtures[i]);
	struct registry r;
	static char err[8192], all[8192];
	assert_true(registry_load(&r, c.dir, err, sizeof(err)) < 0);
	assert_int_equal(r.nrules, 0);
	registry_free(&r);
	join_problems(&c, want, n, all, sizeof(all));
	assert_string_equal(err, all);
	remove_copy(&c);
}


/* Written from the fixture, before the loader ran on it: one problem per
 * fault, the rest of the rule skipped after it (two when two fields are
 * missing, two for an id and a name both used before). */
static const char *const rules_problems[] = {
	"rules.yaml:14: 'name' is missing",
	"rules.yaml:14: 'severity' is missing",
	"rules.yaml:26: rule: unknown key 'colour'",
	"rules.yaml:33: rule EL004: severity 'urgent' is not one of critical, high, medium, low, "
	"info",
	"rules.yaml:48: rule EL005 title lacks the 'ja' text",
	"rules.yaml:54: rule id EL001 is already used on line 4",
	"rules.yaml:54: rule name input-not-understood is already used on line 4",
	"rules.yaml:64: each rule must be a mapping",
	"rules.yaml:68: rule EL006: '9-9' is not a checklist item edgelint knows",
};

/* Written from the fixture before the loader ran on it (the exploitation
 * facts of issue 18 §1: TEST-3 in the old schema, TEST-4 to TEST-6 with
 * each rule of kev / vendor_exploited broken once). */
static const char *const vpn_problems[] = {
	"firmware/vpn-devices.yaml:11: 'end_of_life' must be true or false",
	"firmware/vpn-devices.yaml:12: 'source' is missing",
	"firmware/vpn-devices.yaml:12: device RTX1210: 'as_of' is missing",
	"firmware/vpn-devices.yaml:17: device: unknown key 'sauce'",
	"firmware/vpn-devices.yaml:23: 'as_of' must be a date YYYY-MM-DD or YYYY-MM",
	"firmware/vpn-devices.yaml:24: device RTX1300: releases must be comparable and increasing "
	"('23.00.15' after '23.00.17')",
	"firmware/vpn-devices.yaml:26: 'title_ja' is missing",
	"firmware/vpn-devices.yaml:35: advisory TEST-2: severity 'severe' is not known",
	"firmware/vpn-devices.yaml:35: advisory TEST-2: 'fixed' must map models to revisions",
	"firmware/vpn-devices.yaml:48: advisory TEST-3: 'known_exploited' is replaced by 'kev' (in "
	"CISA's KEV catalog, with kev_date_added and kev_ransomware) and 'vendor_exploited' (with "
	"vendor_exploited_source)",
	"firmware/vpn-devices.yaml:44: advisory TEST-3: 'kev' is missing (true when CISA's KEV "
	"catalog lists the CVE, else false)",
	"firmware/vpn-devices.yaml:44: advisory TEST-3: 'vendor_exploited' is missing (true when "
	"the vendor says it was exploited, else false)",
	"firmware/vpn-devices.yaml:52: advisory TEST-4: 'kev_date_added' is missing (the catalog's "
	"dateAdded)",
	"firmware/vpn-devices.yaml:57: 'kev_ransomware' must be true or false",
	"firmware/vpn-devices.yaml:52: 'vendor_exploited_source' is missing",
	"firmware/vpn-devices.yaml:67: advisory TEST-5: 'kev_date_added' and 'kev_ransomware' "
	"belong to 'kev: true'",
	"firmware/vpn-devices.yaml:69: advisory TEST-5: 'vendor_exploited_source' belongs to "
	"'vendor_exploited: true'",
	"firmware/vpn-devices.yaml:70: advisory TEST-5: 'compromise_note' needs an exploited "
	"advisory (kev or vendor_exploited)",
	"firmware/vpn-devices.yaml:79: 'kev_date_added' must be a full date YYYY-MM-DD",
	"firmware/vpn-devices.yaml:86: train 9.12: 'as_of' is missing",
};

/* Writes m over path in the copy c, loads the copy and compares every
 * problem it reports with want; frees m and t and removes the copy. */
static void expect_copy_problems(struct copy *c, const char *path, char *m, char *t,
				 const char *want)
{
	write_text(path, m);
	struct registry r;
	static char err[4096];
	assert_true(registry_load(&r, c->dir, err, sizeof(err)) < 0);
	registry_free(&r);
	assert_string_equal(err, want);
	free(m);
	free(t);
	remove_copy(c);
}

/* The makers list (issue 18 §2: the page named for a model the data does
 * not know): written before the loader ran on it, every problem with its
 * line: a vendor listed twice, a page that is not an address, a missing
 * source and as_of, an unknown key. And the shipped data: the pages of
 * the makers whose notices were seen. */
static void test_makers_every_problem(void **state)
{
	(void)state;
	assert_string_equal(registry_maker_page(&g_reg, "nec")->page, "https://jpn.nec.com/security-info/");
	assert_string_equal(registry_maker_page(&g_reg, "cisco")->page,
			    "https://sec.cloudapps.cisco.com/security/center/");
	assert_null(registry_maker_page(&g_reg, "tp-link"));
	assert_null(registry_maker_page(&g_reg, NULL));
	struct copy c;
	char path[PATH_MAX + 64];
	char *t = copy_with_text(&c, "firmware/home-routers.yaml", path, sizeof(path));
	size_t at = find_from(t, 0, "\nmakers:\n") + 1;
	unsigned l0 = line_of(t, at);
	static const char bad[] = "makers:\n"
				  "  - vendor: nec\n"
				  "    page: \"https://example.jp/a/\"\n"
				  "    source: \"test\"\n"
				  "    as_of: 2026-12-07\n"
				  "  - vendor: nec\n"
				  "    page: \"https://example.jp/b/\"\n"
				  "    source: \"test\"\n"
				  "    as_of: 2026-12-07\n"
				  "  - vendor: elecom\n"
				  "    page: \"www.elecom.co.jp\"\n"
				  "    source: \"test\"\n"
				  "    as_of: 2026-12-07\n"
				  "  - vendor: buffalo\n"
				  "    page: \"https://example.jp/c/\"\n"
				  "  - vendor: iodata\n"
				  "    url: \"https://example.jp/\"\n";
	char *m = splice(t, at, strlen(t) - at, bad);
	static char want[4096];
	const char *f = "firmware/home-routers.yaml";
	snprintf(want, sizeof(want),
		 "%s/%s:%u: maker nec is already listed (line %u)\n"
		 "%s/%s:%u: maker elecom: 'page' must be an http(s) address\n"
		 "%s/%s:%u: 'source' is missing\n"
		 "%s/%s:%u: maker buffalo: 'as_of' is missing\n"
		 "%s/%s:%u: maker: unknown key 'url'",
		 c.dir, f, l0 + 5, l0 + 1, c.dir, f, l0 + 10, c.dir, f, l0 + 13, c.dir, f, l0 + 13,
		 c.dir, f, l0 + 16);
	expect_copy_problems(&c, path, m, t, want);
}

/* last_affected_firmware (a source naming only the last affected
 * release): needs its advisory, and never with min_fixed_firmware.
 * Written before the loader ran. */
static void test_last_affected_problems(void **state)
{
	(void)state;
	const struct router_support *rs = registry_router(&g_reg, "buffalo", "WSR-2533DHP3");
	assert_non_null(rs);
	assert_string_equal(rs->last_affected_firmware, "1.24");
	assert_null(rs->min_fixed_firmware);
	struct copy c;
	char path[PATH_MAX + 64];
	char *t = copy_with_text(&c, "firmware/home-routers.yaml", path, sizeof(path));
	size_t at = find_from(t, 0, "\nrouters:\n") + strlen("\nrouters:\n");
	unsigned l0 = line_of(t, at);   /* the line of the first entry below */
	static const char bad[] = "  - vendor: fxc\n"
				  "    model: \"TEST-1\"\n"
				  "    last_affected_firmware: \"2.0.9\"\n"
				  "    source: \"test\"\n"
				  "    as_of: 2026-12-07\n"
				  "  - vendor: fxc\n"
				  "    model: \"TEST-2\"\n"
				  "    advisory: \"test\"\n"
				  "    min_fixed_firmware: \"2.0.10\"\n"
				  "    last_affected_firmware: \"2.0.9\"\n"
				  "    source: \"test\"\n"
				  "    as_of: 2026-12-07\n";
	char *m = splice(t, at, 0, bad);
	static char want[4096];
	const char *f = "firmware/home-routers.yaml";
	snprintf(want, sizeof(want),
		 "%s/%s:%u: router TEST-1: 'last_affected_firmware' needs the 'advisory' it is "
		 "affected by\n"
		 "%s/%s:%u: router TEST-2: give 'min_fixed_firmware' or 'last_affected_firmware', "
		 "not both",
		 c.dir, f, l0, c.dir, f, l0 + 5);
	expect_copy_problems(&c, path, m, t, want);
}

static void test_rules_every_problem(void **state)
{
	(void)state;
	static const char *const files[] = {"rules.yaml", NULL};
	expect_problems(files, rules_problems, ARRAY_SIZE(rules_problems));
}

static void test_vpn_devices_every_problem(void **state)
{
	(void)state;
	static const char *const files[] = {"firmware/vpn-devices.yaml", NULL};
	expect_problems(files, vpn_problems, ARRAY_SIZE(vpn_problems));
}

static void test_lookalike_every_problem(void **state)
{
	(void)state;
	static const char *const files[] = {"lookalike.yaml", NULL};
	static const char *const want[] = {
		"lookalike.yaml:8: 'to' must be 1-3 lower-case ASCII letters or digits",
		"lookalike.yaml:9: '0' is mapped twice",
		"lookalike.yaml:10: source 'unicode' is not one of 'sources'",
	};
	expect_problems(files, want, ARRAY_SIZE(want));
}

/* Written from the fixture before the loader ran on it: a subdomain, a
 * public suffix (googleapis.com is one in the list's private section) and
 * upper case are not registrable domains; a well-known domain outside the
 * entry's domains, an unknown source, a domain of two owners, an unknown
 * key. */
static void test_service_domains_every_problem(void **state)
{
	(void)state;
	static const char *const files[] = {"service-domains.yaml", NULL};
#define NOT_REG "' is not a registrable domain by the Public Suffix List (a subdomain, a public " \
		"suffix, or upper case)"
	static const char *const want[] = {
		"service-domains.yaml:9: 'www.example.net" NOT_REG,
		"service-domains.yaml:9: 'googleapis.com" NOT_REG,
		"service-domains.yaml:9: 'Example.org" NOT_REG,
		"service-domains.yaml:10: well-known 'example.info' is not one of the entry's domains",
		"service-domains.yaml:11: source 'nowhere' is not one of 'sources'",
		"service-domains.yaml:13: 'example.com' is listed twice",
		"service-domains.yaml:16: a service owner: unknown key 'colour'",
	};
#undef NOT_REG
	expect_problems(files, want, ARRAY_SIZE(want));
}

/* Written from the fixture before the loader ran on it: every problem of
 * wifi-labels.yaml with its line, the rest of the entry skipped. */
static void test_wifi_labels_every_problem(void **state)
{
	(void)state;
	static const char *const files[] = {"wifi-labels.yaml", NULL};
	static const char *const want[] = {
		"wifi-labels.yaml:34: wifi-labels.yaml: unknown key 'wordz'",
		"wifi-labels.yaml:5: token 'wpa2': write it as the reading sees it (upper-case "
		"letters, digits, '.', or Japanese)",
		"wifi-labels.yaml:6: token 'WPA3': unknown meaning 'wpa4' (expected wpa1, wpa2, "
		"wpa3, sae, wep, owe, enhanced, open, enterprise, mixed, aes, tkip, noise)",
		"wifi-labels.yaml:7: token 'WPA' is listed twice",
		"wifi-labels.yaml:8: a token: unknown key 'colour'",
		"wifi-labels.yaml:10: label Shared Key: 'as_of' is missing",
		"wifi-labels.yaml:16: label 'WPA2-PSK(AES)': unknown mode 'wpa2' (expected open, owe, "
		"wep, wpa-personal, wpa-wpa2-personal, wpa2-personal, wpa2-wpa3-personal, "
		"wpa3-personal, wpa2-enterprise, wpa3-enterprise)",
		"wifi-labels.yaml:22: label 'WPA3-SAE': unknown cipher 'gcmp' (expected aes, tkip, "
		"tkip-aes)",
		"wifi-labels.yaml:28: label 'Open System': 'whole' must be true or false",
		"wifi-labels.yaml:31: 'maker' is missing",
		"wifi-labels.yaml:31: 'source' is missing",
	};
	expect_problems(files, want, ARRAY_SIZE(want));
}

/* Two broken files: the problems of each, in the order of the loader
 * table (rules.yaml first); report.yaml and vendor-templates.yaml, which
 * name rules, are not checked against a rules.yaml with problems. */
static void test_problems_of_two_files(void **state)
{
	(void)state;
	static const char *const files[] = {"firmware/vpn-devices.yaml", "rules.yaml", NULL};
	const char *want[ARRAY_SIZE(rules_problems) + ARRAY_SIZE(vpn_problems)];
	memcpy(want, rules_problems, sizeof(rules_problems));
	memcpy(want + ARRAY_SIZE(rules_problems), vpn_problems, sizeof(vpn_problems));
	expect_problems(files, want, ARRAY_SIZE(want));
}

/* What does not fit in the caller's buffer is counted, never dropped
 * silently: whole lines, then "… and N more problems". */
static void test_problems_past_the_buffer(void **state)
{
	(void)state;
	struct copy c;
	make_copy(&c);
	put_fixture(&c, "rules.yaml");
	struct registry r;
	char err[400];
	static char all[8192];
	assert_true(registry_load(&r, c.dir, err, sizeof(err)) < 0);
	registry_free(&r);
	join_problems(&c, rules_problems, ARRAY_SIZE(rules_problems), all, sizeof(all));
	assert_true(strlen(err) < sizeof(err) - 1);
	const char *last = strrchr(err, '\n');
	assert_non_null(last);
	size_t shown = 1;
	for (const char *p = err; p < last; p++)
		shown += *p == '\n';
	assert_true(shown >= 2 && shown < ARRAY_SIZE(rules_problems));
	/* The lines shown are the first ones, whole. */
	assert_int_equal(strncmp(err, all, (size_t)(last - err)), 0);
	assert_int_equal(all[last - err], '\n');
	char tail[64];
	snprintf(tail, sizeof(tail), "\n… and %zu more problems", ARRAY_SIZE(rules_problems) - shown);
	assert_string_equal(last, tail);
	remove_copy(&c);
}

static void test_fail_missing_dir(void **state)
{
	(void)state;
	struct registry r;
	char err[600] = "";
	assert_true(registry_load(&r, "/nonexistent/rules", err, sizeof(err)) < 0);
	static const char want[] = "/nonexistent/rules/rules.yaml: cannot read: ";
	assert_int_equal(strncmp(err, want, sizeof(want) - 1), 0);
	registry_free(&r);
}

/* ---- code and data agree ---------------------------------------------------- */

enum tok_kind { TK_IDENT, TK_STRING, TK_PUNCT };

struct tok {
	enum tok_kind kind;
	const char *s;     /* into the file text; for strings, the contents */
	size_t n;
	unsigned line;
};

struct scan {
	struct tok *toks;
	size_t n, cap;
};

static void push_tok(struct scan *sc, enum tok_kind k, const char *s, size_t n, unsigned line)
{
	if (sc->n == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 1024;
		sc->toks = realloc(sc->toks, sc->cap * sizeof(*sc->toks));
		assert_non_null(sc->toks);
	}
	sc->toks[sc->n++] = (struct tok){k, s, n, line};
}

/* A small C lexer: identifiers, string literals (contents, escapes left
 * as written), single punctuation; comments, character literals and
 * numbers are skipped. */
static void lex_c(const char *t, struct scan *sc)
{
	unsigned line = 1;
	size_t i = 0;
	while (t[i]) {
		char ch = t[i];
		if (ch == '\n') {
			line++;
			i++;
		} else if (ch == '/' && t[i + 1] == '/') {
			while (t[i] && t[i] != '\n')
				i++;
		} else if (ch == '/' && t[i + 1] == '*') {
			i += 2;
			while (t[i] && !(t[i] == '*' && t[i + 1] == '/')) {
				line += t[i] == '\n';
				i++;
			}
			if (t[i])
				i += 2;
		} else if (ch == '"' || ch == '\'') {
			size_t start = ++i;
			while (t[i] && t[i] != ch) {
				if (t[i] == '\\' && t[i + 1])
					i++;
				line += t[i] == '\n';
				i++;
			}
			if (ch == '"')
				push_tok(sc, TK_STRING, t + start, i - start, line);
			if (t[i])
				i++;
		} else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_') {
			size_t start = i;
			while ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
			       (t[i] >= '0' && t[i] <= '9') || t[i] == '_')
				i++;
			push_tok(sc, TK_IDENT, t + start, i - start, line);
		} else if (ch >= '0' && ch <= '9') {
			while ((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'z') ||
			       (t[i] >= 'A' && t[i] <= 'Z') || t[i] == '.')
				i++;
		} else if (ch == ' ' || ch == '\t' || ch == '\r') {
			i++;
		} else {
			push_tok(sc, TK_PUNCT, t + i, 1, line);
			i++;
		}
	}
}

struct check_stats {
	size_t ids;            /* ELnnn literals checked */
	size_t pairs;          /* literal (id, variant) pairs checked */
	size_t computed;       /* finding_add calls with a computed id or variant */
	size_t files;
};

static bool tok_is(const struct tok *k, enum tok_kind kind, const char *s)
{
	return k->kind == kind && k->n == strlen(s) && memcmp(k->s, s, k->n) == 0;
}

/* Every ELnnn inside the string literals must be a rule. */
static void check_literal_ids(const char *path, const struct scan *sc, struct check_stats *st)
{
	for (size_t i = 0; i < sc->n; i++) {
		const struct tok *k = &sc->toks[i];
		if (k->kind != TK_STRING)
			continue;
		for (size_t j = 0; j + 5 <= k->n; j++) {
			const char *p = k->s + j;
			if (p[0] != 'E' || p[1] != 'L' || p[2] < '0' || p[2] > '9' || p[3] < '0' ||
			    p[3] > '9' || p[4] < '0' || p[4] > '9')
				continue;
			if (j + 5 < k->n && p[5] >= '0' && p[5] <= '9')
				continue;
			if (j > 0 && ((p[-1] >= 'A' && p[-1] <= 'Z') || (p[-1] >= 'a' && p[-1] <= 'z')))
				continue;
			char id[6];
			memcpy(id, p, 5);
			id[5] = '\0';
			if (!registry_rule(&g_reg, id))
				fail_msg("%s:%u: rule id %s is not in rules.yaml", path, k->line, id);
			st->ids++;
		}
	}
}

/* Each finding_add(in, ctx, ID, VARIANT, …) call: when ID and VARIANT
 * hold string literals (one, or two in a ?: expression), every pair must
 * exist in the registry. */
static void check_finding_calls(const char *path, const struct scan *sc,
				struct check_stats *st)
{
	for (size_t i = 0; i + 1 < sc->n; i++) {
		if (!tok_is(&sc->toks[i], TK_IDENT, "finding_add") ||
		    !tok_is(&sc->toks[i + 1], TK_PUNCT, "("))
			continue;
		/* Split the arguments at top-level commas. */
		const struct tok *lits[4][4];
		size_t nlits[4] = {0};
		bool other[4] = {false};
		int depth = 0;
		size_t arg = 0, j;
		for (j = i + 1; j < sc->n; j++) {
			const struct tok *k = &sc->toks[j];
			if (k->kind == TK_PUNCT && (*k->s == '(' || *k->s == '[' || *k->s == '{')) {
				if (depth++ == 0)
					continue;
			} else if (k->kind == TK_PUNCT && (*k->s == ')' || *k->s == ']' || *k->s == '}')) {
				if (--depth == 0)
					break;
			} else if (depth == 1 && tok_is(k, TK_PUNCT, ",")) {
				arg++;
				continue;
			}
			if (arg < 2 || arg > 3)
				continue;
			if (k->kind == TK_STRING && nlits[arg - 2] < 4)
				lits[arg - 2][nlits[arg - 2]++] = k;
			else if (k->kind == TK_IDENT && !tok_is(k, TK_IDENT, "NULL"))
				other[arg - 2] = true;
		}
		/* A call whose id or variant is computed (an identifier that is
		 * not just the condition of a ?:) is checked separately. */
		bool id_lit = nlits[0] > 0, var_lit = nlits[1] > 0;
		if (!id_lit || !var_lit || (other[0] && nlits[0] < 2) || (other[1] && nlits[1] < 2)) {
			st->computed++;
			continue;
		}
		for (size_t a = 0; a < nlits[0]; a++) {
			char id[16];
			snprintf(id, sizeof(id), "%.*s", (int)lits[0][a]->n, lits[0][a]->s);
			const struct rule *ru = registry_rule(&g_reg, id);
			if (!ru)
				fail_msg("%s:%u: finding_add with rule %s, not in rules.yaml", path,
					 lits[0][a]->line, id);
			for (size_t b = 0; b < nlits[1]; b++) {
				char var[64];
				snprintf(var, sizeof(var), "%.*s", (int)lits[1][b]->n, lits[1][b]->s);
				if (!rule_msg(ru, var))
					fail_msg("%s:%u: finding_add(%s, \"%s\"): rule %s has no message "
						 "variant \"%s\"",
						 path, lits[1][b]->line, id, var, id, var);
				st->pairs++;
			}
		}
		i = j;
	}
}

/* EL302's variant is computed (firmware_support.c exploited_variant): a
 * base and the exploitation fact the message states. Every pair is a
 * message of EL302, except "compromise" alone, which the loader forbids
 * (compromise_note needs kev or vendor_exploited). */
static void test_el302_exploited_variants(void **state)
{
	(void)state;
	static const char *const want[] = {
		"default", "kev", "kev-ransomware", "vendor",
		"compromise-kev", "compromise-kev-ransomware", "compromise-vendor",
		"no-fix", "no-fix-kev", "no-fix-kev-ransomware", "no-fix-vendor",
		"affected", "affected-kev", "affected-kev-ransomware", "affected-vendor",
	};
	/* Where no fixed release is named, the variant has its own fix text
	 * (the rule's quotes {fixed}), in both languages, without {fixed}. */
	static const char *const own_fix[] = {
		"no-fix", "no-fix-kev", "no-fix-kev-ransomware", "no-fix-vendor",
		"affected", "affected-kev", "affected-kev-ransomware", "affected-vendor",
	};
	const struct rule *ru = registry_rule(&g_reg, "EL302");
	assert_non_null(ru);
	for (size_t i = 0; i < ARRAY_SIZE(want); i++)
		if (!rule_msg(ru, want[i]))
			fail_msg("EL302 has no message variant \"%s\"", want[i]);
	assert_null(rule_msg(ru, "compromise"));
	for (size_t i = 0; i < ARRAY_SIZE(own_fix); i++)
		for (int l = 0; l < LANG_COUNT; l++) {
			const char *fx = rule_fix(ru, own_fix[i], (enum lang)l);
			if (fx == ltext_get(&ru->remediation, (enum lang)l) || strstr(fx, "{fixed}"))
				fail_msg("EL302 %s has no fix text of its own", own_fix[i]);
		}
	/* The shipped data: no advisory says known_exploited (the loader
	 * refuses it), CVE-2018-0101's advisory is the vendor's word only
	 * (not in CISA KEV, issue 18 §1), CVE-2020-3259's is KEV with known
	 * ransomware use. */
	bool saw_0101 = false, saw_3259 = false, saw_20269 = false;
	for (size_t i = 0; i < g_reg.nadvisories; i++) {
		const struct vpn_advisory *a = &g_reg.advisories[i];
		if (strcmp(a->id, "cisco-sa-20180129-asa1") == 0) {
			saw_0101 = true;
			assert_false(a->kev);
			assert_null(a->kev_date_added);
			assert_true(a->vendor_exploited);
			assert_non_null(a->vendor_exploited_source);
		}
		if (strcmp(a->id, "cisco-sa-asaftd-info-disclose-9eJtycMB") == 0) {
			saw_3259 = true;
			assert_true(a->kev);
			assert_string_equal(a->kev_date_added, "2024-02-15");
			assert_true(a->kev_ransomware);
			assert_false(a->vendor_exploited);
		}
		/* CVE-2023-20269: Cisco's record lists affected builds only. */
		if (strcmp(a->id, "cisco-sa-asaftd-ravpn-auth-8LyfCkeC") == 0) {
			saw_20269 = true;
			assert_true(a->kev && a->kev_ransomware);
			assert_string_equal(a->kev_date_added, "2023-09-13");
			assert_int_equal(a->ntrains, 8);
			assert_string_equal(a->trains[2].train, "9.16");
			assert_string_equal(a->trains[2].last_affected, "9.16.4.38");
			assert_null(a->trains[2].fixed);
			assert_string_equal(a->trains[7].train, "9.15");
			assert_null(a->trains[7].fixed);
			assert_null(a->trains[7].last_affected);
		}
	}
	assert_true(saw_0101 && saw_3259 && saw_20269);
	/* A train in two of the three keys is refused. */
	expect_edit_error("firmware/vpn-devices.yaml",
			  "\"9.19.1.18\"\n    no_fix_trains: [\"9.8\", \"9.15\"]",
			  "\"9.19.1.18\"\n    no_fix_trains: [\"9.8\", \"9.16\"]",
			  "id: \"cisco-sa-asaftd-ravpn-auth-8LyfCkeC\"",
			  "advisory cisco-sa-asaftd-ravpn-auth-8LyfCkeC: train 9.16 is named twice in its "
			  "fixed_trains, last_affected_trains and no_fix_trains");
}

static void scan_tree(const char *dir, struct check_stats *st)
{
	DIR *d = opendir(dir);
	if (!d)
		fail_msg("cannot open %s (run from the repository root)", dir);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[PATH_MAX];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		struct stat sb;
		if (stat(path, &sb) != 0)
			continue;
		if (S_ISDIR(sb.st_mode)) {
			scan_tree(path, st);
			continue;
		}
		size_t nl = strlen(e->d_name);
		if (nl < 3 || strcmp(e->d_name + nl - 2, ".c") != 0)
			continue;
		char *text = read_text(path);
		struct scan sc = {0};
		lex_c(text, &sc);
		check_literal_ids(path, &sc, st);
		check_finding_calls(path, &sc, st);
		free(sc.toks);
		free(text);
		st->files++;
	}
	closedir(d);
}

static void test_code_ids_and_variants_exist(void **state)
{
	(void)state;
	struct check_stats st = {0};
	scan_tree("src", &st);
	scan_tree("parsers", &st);
	print_message("scanned %zu files: %zu rule ids, %zu (id, variant) pairs, "
		      "%zu calls with a computed id or variant\n",
		      st.files, st.ids, st.pairs, st.computed);
	/* The scanner did find the code: the checks alone make dozens of calls. */
	assert_true(st.files >= 10);
	assert_true(st.ids >= 20);
	assert_true(st.pairs >= 20);
	/* The finding_add definition and the passphrase check's computed call
	 * at least. */
	assert_true(st.computed >= 2);
}

static void test_lexer_finds_calls(void **state)
{
	(void)state;
	/* The scanner itself: comments and character literals are skipped;
	 * ternaries give both ids. */
	static const char src[] =
		"/* finding_add(in, ctx, \"EL999\", \"x\") */\n"
		"// finding_add(in, ctx, \"EL998\", \"x\")\n"
		"char q = '\"';\n"
		"finding_add(in, ctx, a ? \"EL001\" : \"EL002\", \"default\", f(1, 2), NULL);\n"
		"finding_add(in, ctx, \"EL201\", \"open\", ITEM_6_2, -1);\n";
	struct scan sc = {0};
	lex_c(src, &sc);
	struct check_stats st = {0};
	check_literal_ids("src", &sc, &st);
	check_finding_calls("src", &sc, &st);
	assert_int_equal(st.ids, 3);
	assert_int_equal(st.pairs, 3);
	assert_int_equal(st.computed, 0);
	free(sc.toks);
}

static void test_computed_variants_exist(void **state)
{
	(void)state;
	/* passphrase_strength.c: the pattern reasons are variants of EL254,
	 * the invalid lengths variants of EL251 (pass_reason_name). */
	const struct rule *el254 = registry_rule(&g_reg, "EL254");
	const struct rule *el251 = registry_rule(&g_reg, "EL251");
	assert_non_null(el254);
	assert_non_null(el251);
	for (int r = PR_ALL_DIGITS; r <= PR_WORD_DIGITS; r++) {
		const char *v = pass_reason_name((enum pass_reason)r);
		assert_string_not_equal(v, "unknown");
		if (!rule_msg(el254, v))
			fail_msg("EL254 lacks the message variant \"%s\"", v);
	}
	assert_non_null(rule_msg(el251, pass_reason_name(PR_INVALID_SHORT)));
	assert_non_null(rule_msg(el251, pass_reason_name(PR_INVALID_LONG)));
	assert_string_equal(pass_reason_name(PR_INVALID_SHORT), "invalid-short");
	assert_string_equal(pass_reason_name(PR_INVALID_LONG), "invalid-long");
	/* exposure.c: a reach the policy allows is worded as the box, a
	 * forward or inside hosts, as without the policy. */
	const struct rule *el106 = registry_rule(&g_reg, "EL106");
	assert_non_null(el106);
	static const char *const pol[] = {"policy", "policy-forward", "policy-inside", "box",
					  "forward", "inside"};
	for (size_t i = 0; i < ARRAY_SIZE(pol); i++)
		if (!rule_msg(el106, pol[i]))
			fail_msg("EL106 lacks the message variant \"%s\"", pol[i]);
	/* The other weak reasons use their rule's "default" variant. */
	static const char *const dflt[] = {"EL252", "EL253", "EL255", "EL256"};
	for (size_t i = 0; i < ARRAY_SIZE(dflt); i++) {
		const struct rule *ru = registry_rule(&g_reg, dflt[i]);
		assert_non_null(ru);
		assert_non_null(rule_msg(ru, "default"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_rule_bilingual),
		cmocka_unit_test(test_placeholders_match),
		cmocka_unit_test(test_rule_text_plain),
		cmocka_unit_test(test_advisory_titles_bilingual),
		cmocka_unit_test(test_el302_exploited_variants),
		cmocka_unit_test(test_makers_every_problem),
		cmocka_unit_test(test_last_affected_problems),
		cmocka_unit_test(test_exact_rules),
		cmocka_unit_test(test_checklist_methods),
		cmocka_unit_test(test_service_lookup),
		cmocka_unit_test(test_router_lookup),
		cmocka_unit_test(test_home_firmware),
		cmocka_unit_test(test_fail_home_firmware_without_as_of),
		cmocka_unit_test(test_fail_firmware_lines),
		cmocka_unit_test(test_report_yaml),
		cmocka_unit_test(test_fail_report_yaml),
		cmocka_unit_test(test_copy_loads_unchanged),
		cmocka_unit_test(test_fail_title_without_ja),
		cmocka_unit_test(test_fail_rule_without_title),
		cmocka_unit_test(test_items_none_terminated),
		cmocka_unit_test(test_fail_message_without_en),
		cmocka_unit_test(test_fail_duplicate_id),
		cmocka_unit_test(test_fail_duplicate_name),
		cmocka_unit_test(test_fail_bad_severity),
		cmocka_unit_test(test_fail_missing_checklist_item),
		cmocka_unit_test(test_fail_unknown_item_in_rule),
		cmocka_unit_test(test_fail_missing_dir),
		cmocka_unit_test(test_rules_every_problem),
		cmocka_unit_test(test_vpn_devices_every_problem),
		cmocka_unit_test(test_lookalike_every_problem),
		cmocka_unit_test(test_service_domains_every_problem),
		cmocka_unit_test(test_wifi_labels_every_problem),
		cmocka_unit_test(test_problems_of_two_files),
		cmocka_unit_test(test_problems_past_the_buffer),
		cmocka_unit_test(test_lexer_finds_calls),
		cmocka_unit_test(test_fail_internet_sources),
		cmocka_unit_test(test_code_ids_and_variants_exist),
		cmocka_unit_test(test_computed_variants_exist),
		cmocka_unit_test(test_proto_labels),
		cmocka_unit_test(test_rule_fixes),
	};
	return cmocka_run_group_tests_name("registry", tests, group_setup, group_teardown);
}
