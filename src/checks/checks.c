/*
 * checks.c — the table of check kinds built from checks.def.
 */
#include "checks.h"

#include <inttypes.h>

const struct check checks[] = {
#define CHECK(sym) {#sym, check_##sym},
#include "checks.def"
#undef CHECK
};
const size_t nchecks = ARRAY_SIZE(checks);

struct finding *check_at_packet(struct finding *f)
{
	if (f)
		f->is_packet = true;
	return f;
}

const char *check_u64s(struct input *in, uint64_t v)
{
	return arena_printf(&in->arena, "%" PRIu64, v);
}

void checks_run(struct input *in, const struct run_ctx *ctx)
{
	for (size_t i = 0; i < nchecks; i++)
		checks[i].run(in, ctx);
}
