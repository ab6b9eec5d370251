/*
 * testctx.h — the run context unit tests share: the real rules directory
 * ($EDGELINT_RULES, set by the Makefile), the default policy and a fixed
 * date (2026-11-21), in English. Use group_setup/group_teardown as the
 * cmocka group fixtures; g_ctx is then ready for checks and findings.
 */
#ifndef EDGELINT_TESTCTX_H
#define EDGELINT_TESTCTX_H

#include <stdio.h>
#include <stdlib.h>

#include "../../src/finding.h"
#include "../../src/policy.h"
#include "../../src/registry.h"

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

#endif
