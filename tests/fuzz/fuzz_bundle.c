/*
 * fuzz_bundle.c — libFuzzer harness for src/bundle.c: the bytes as a
 * router backup archive (gzip'd or plain tar), the members edgelint reads
 * joined into one input of several parts, then the OpenWrt parser, the
 * checks and the three reporters, as the CLI does for `edgelint
 * backup.tar.gz`. Oracle: the sanitizers, the part bookkeeping (parts in
 * order, inside the data, lines adding up) and input_locate() on every
 * line. Seeds: tests/fuzz/seeds/fuzz_bundle/ (small backups).
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../parsers/parsers.h"
#include "../../src/bundle.h"
#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/policy.h"
#include "../../src/registry.h"
#include "../../src/run.h"
#include "../../src/report/report.h"
#include "../../src/util.h"

static struct registry reg;
static struct policy pol;
static const struct parser *owrt;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("EDGELINT_RULES");
	char err[512];
	if (registry_load(&reg, dir && *dir ? dir : "rules", err, sizeof(err))) {
		fprintf(stderr, "fuzz_bundle: cannot load the rules: %s\n", err);
		exit(1);
	}
	policy_init(&pol);
	owrt = parser_by_name("openwrt");
	if (!owrt || !owrt->parse)
		abort();
	return 0;
}

static void check_parts(const struct input *in)
{
	unsigned line = 1;
	size_t off = 0;
	for (size_t i = 0; i < in->nparts; i++) {
		const struct input_part *p = &in->parts[i];
		if (p->first_line != line || p->off < off || p->off + p->len > in->len)
			abort();
		line += p->nlines;
		off = p->off + p->len;
	}
	for (unsigned l = 1; l < line; l++) {
		unsigned local = 0;
		if (!input_locate(in, l, &local) || local == 0)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run_ctx ctx = {.reg = &reg, .pol = &pol, .today = date_days(2025, 6, 1),
			      .lang = (size & 1) ? LANG_JA : LANG_EN};
	struct input in;
	input_init(&in, "fuzz.tar.gz");
	in.kind = &owrt->kind;
	char why[512];
	/* A small limit per input so that members over it are exercised too. */
	if (bundle_archive(&in, "fuzz.tar.gz", (const char *)data, size, owrt->backup, 1u << 16, why,
			   sizeof(why)) == 0) {
		check_parts(&in);
		run_parsed(&in, &ctx);
		static const char *const formats[] = {"text", "json", "sarif"};
		for (size_t k = 0; k < 3; k++) {
			struct strbuf out;
			sb_init(&out, 16u << 20);
			struct report_run run = {.ctx = &ctx, .inputs = &in, .ninputs = 1, .out = &out};
			report_render(reporter_by_name(formats[k]), &run);
			sb_free(&out);
		}
	}
	input_free(&in);
	return 0;
}
