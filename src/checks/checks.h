/*
 * checks.h — the check kinds. A kind is one file in src/checks/ plus one
 * line in checks.def; it reads the model, the rules data and the policy,
 * records findings and raises item statuses. Checks never print.
 */
#ifndef EDGELINT_CHECKS_H
#define EDGELINT_CHECKS_H

#include "../finding.h"
#include "../model.h"

struct check {
	const char *name;
	void (*run)(struct input *in, const struct run_ctx *ctx);
};

#define CHECK(sym) void check_##sym(struct input *in, const struct run_ctx *ctx);
#include "checks.def"
#undef CHECK

extern const struct check checks[];
extern const size_t nchecks;

/* The home-router half of check_exposure() (exposure_home.c). */
void exposure_home(struct input *in, const struct run_ctx *ctx);

/* Marks f (may be NULL) as placed at a capture's packet (its line is the
 * packet number); returns f. */
struct finding *check_at_packet(struct finding *f);
/* v in decimal, in the input's arena (NULL on OOM). */
const char *check_u64s(struct input *in, uint64_t v);

/* Runs every check on a parsed input. */
void checks_run(struct input *in, const struct run_ctx *ctx);

#endif
