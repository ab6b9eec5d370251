/*
 * version.c — numeric comparison of firmware versions (see version.h).
 * Numbers are compared as digit strings, so neither their count nor their
 * length is limited ("build 2023081101" < "build 2023081102").
 */
#include "version.h"

#include <stddef.h>
#include <string.h>

/* Moves *s to the next run of digits; sets [*d, *d + *n) to it without
 * leading zeros ("0" stays "0"). Returns 0, or -1 when there is none. */
static int next_number(const char **s, const char **d, size_t *n)
{
	const char *p = *s;
	while (*p && (*p < '0' || *p > '9'))
		p++;
	if (!*p)
		return -1;
	const char *start = p;
	while (*p >= '0' && *p <= '9')
		p++;
	while (start + 1 < p && *start == '0')
		start++;
	*d = start;
	*n = (size_t)(p - start);
	*s = p;
	return 0;
}

int version_cmp(const char *a, const char *b, int *cmp)
{
	const char *da, *db;
	size_t na, nb;
	int ha = next_number(&a, &da, &na), hb = next_number(&b, &db, &nb);
	if (ha || hb)
		return -1;
	for (;;) {
		if (ha && hb) {
			*cmp = 0;
			return 0;
		}
		/* A missing part counts as 0: "1.0" == "1". */
		if (ha) {
			da = "0";
			na = 1;
		}
		if (hb) {
			db = "0";
			nb = 1;
		}
		if (na != nb) {
			*cmp = na < nb ? -1 : 1;
			return 0;
		}
		int c = memcmp(da, db, na);
		if (c) {
			*cmp = c < 0 ? -1 : 1;
			return 0;
		}
		ha = ha || next_number(&a, &da, &na);
		hb = hb || next_number(&b, &db, &nb);
	}
}
