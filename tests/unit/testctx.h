/*
 * testctx.h — the run context unit tests share: the real rules directory
 * ($EDGELINT_RULES, set by the Makefile), the default policy and a fixed
 * date (2026-11-21), in English. Use group_setup/group_teardown as the
 * cmocka group fixtures; g_ctx is then ready for checks and findings.
 * parse_as() runs one parser on bytes, as run_parsed() hands them over.
 */
#ifndef EDGELINT_TESTCTX_H
#define EDGELINT_TESTCTX_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/finding.h"
#include "../../src/policy.h"
#include "../../src/registry.h"
#include "../../parsers/parsers.h"

static struct registry g_reg;
static struct policy g_pol;
static struct run_ctx g_ctx;

static inline int group_setup(void **state)
{
	(void)state;
	const char *dir = getenv("EDGELINT_RULES");
	char err[600];
	if (!dir) {
		fprintf(stderr, "EDGELINT_RULES is not set\n");
		return -1;
	}
	if (registry_load(&g_reg, dir, err, sizeof(err)) != 0) {
		fprintf(stderr, "registry_load: %s\n", err);
		registry_free(&g_reg);
		return -1;
	}
	policy_init(&g_pol);
	g_ctx = (struct run_ctx){.reg = &g_reg, .pol = &g_pol,
				 .today = date_days(2026, 11, 21), .lang = LANG_EN};
	return 0;
}

static inline int group_teardown(void **state)
{
	(void)state;
	registry_free(&g_reg);
	policy_free(&g_pol);
	return 0;
}

/* Parses n bytes as kind into a fresh input named path (the bytes are
 * copied, NUL-terminated, owned by the input); returns parse's result. */
static inline int parse_as(struct input *in, const char *kind, const char *path,
			   const char *data, size_t n)
{
	input_init(in, path);
	in->kind = input_kind_named(kind);
	assert_non_null(in->kind);
	assert_non_null(parser_of(in->kind)->parse);
	in->len = n;
	in->data = malloc(n + 1);
	assert_non_null(in->data);
	if (n)
		memcpy(in->data, data, n);
	in->data[n] = '\0';
	return parser_of(in->kind)->parse(in, &g_ctx);
}

#endif
