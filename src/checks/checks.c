/*
 * checks.c — the table of check kinds built from checks.def.
 */
#include "checks.h"

const struct check checks[] = {
#define CHECK(sym) {#sym, check_##sym},
#include "checks.def"
#undef CHECK
};
const size_t nchecks = ARRAY_SIZE(checks);

void checks_run(struct input *in, const struct run_ctx *ctx)
{
	for (size_t i = 0; i < nchecks; i++)
		checks[i].run(in, ctx);
}
