/*
 * fuzz_gz.c — libFuzzer harness for src/gz.c, a gzip-compressed input:
 * the bytes inflated three ways — in reads of a size taken from the
 * first byte after a gz_peek, whole by gz_read_all under a small limit,
 * and through gz_fopen as a streaming parser reads it — with the bomb
 * guard on. Oracle: the sanitizers, and the three ways agree: the same
 * bytes, or all three fail (gz_read_all may also stop at its limit, and
 * then the others have read more than the limit); a failure always has a
 * message, on the input for gz_fopen. Seeds: tests/fuzz/seeds/fuzz_gz/
 * (small gzip files: one member, two members, trailing bytes).
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/gz.h"
#include "../../src/model.h"

#define FUZZ_GZ_MAX (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t step = size ? (size_t)data[0] % 97 + 1 : 1;
	/* 1: in steps after a peek. */
	struct gz *g = gz_open(-1, (const char *)data, size, 0, true);
	if (!g)
		return 0;
	char *a = malloc(FUZZ_GZ_MAX + 256);
	size_t an = 0;
	bool afail = false;
	const char *h;
	size_t hn;
	if (gz_peek(g, 64, &h, &hn) != 0) {
		afail = true;
	} else {
		for (;;) {
			if (an + step > FUZZ_GZ_MAX + 256)
				break;
			ssize_t got = gz_read(g, a + an, step);
			if (got < 0) {
				afail = true;
				break;
			}
			if (got == 0)
				break;
			if (an == 0 && (size_t)got > hn && hn == 64)
				abort();   /* the peeked bytes come first */
			an += (size_t)got;
		}
	}
	if (afail && !*gz_error(g))
		abort();
	gz_close(g);
	/* 2: whole, under the limit. */
	g = gz_open(-1, (const char *)data, size, 0, true);
	char *b = NULL;
	size_t bn = 0;
	int brc = g ? gz_read_all(g, FUZZ_GZ_MAX, &b, &bn) : EL_ENOMEM;
	if (brc && g && !*gz_error(g))
		abort();
	gz_close(g);
	/* 3: as a streaming parser reads it. */
	struct input in;
	input_init(&in, "fuzz.gz");
	g = gz_open(-1, (const char *)data, size, 0, true);
	FILE *f = g ? gz_fopen(g, &in) : NULL;
	char *c = malloc(FUZZ_GZ_MAX + 256);
	size_t cn = 0;
	bool cfail = false;
	if (f && c) {
		cn = fread(c, 1, FUZZ_GZ_MAX + 256, f);
		cfail = ferror(f) != 0;
		fclose(f);
		if (cfail && !in.error)
			abort();
	}
	if (brc == 0) {
		if (afail || cfail || an != bn || cn != bn || memcmp(a, b, bn) != 0 ||
		    memcmp(c, b, bn) != 0)
			abort();
	} else if (brc != EL_ETOOBIG && brc != EL_ENOMEM && an < FUZZ_GZ_MAX && !afail) {
		abort();   /* a failure the step reader did not see */
	}
	input_free(&in);
	free(a);
	free(b);
	free(c);
	return 0;
}
