/*
 * version.c — numeric comparison of firmware versions (see version.h).
 */
#include "version.h"

#include <stddef.h>

#define VERSION_MAX_PARTS 8

/* Splits s into up to VERSION_MAX_PARTS numbers; returns how many. */
static int version_parts(const char *s, unsigned long *parts)
{
	int n = 0;
	while (*s && (*s < '0' || *s > '9'))
		s++;
	while (*s && n < VERSION_MAX_PARTS) {
		if (*s >= '0' && *s <= '9') {
			unsigned long v = 0;
			while (*s >= '0' && *s <= '9') {
				if (v < 100000000UL)
					v = v * 10 + (unsigned long)(*s - '0');
				s++;
			}
			parts[n++] = v;
		} else {
			s++;
		}
	}
	return n;
}

int version_cmp(const char *a, const char *b, int *cmp)
{
	unsigned long pa[VERSION_MAX_PARTS], pb[VERSION_MAX_PARTS];
	int na = version_parts(a, pa), nb = version_parts(b, pb);
	if (na == 0 || nb == 0)
		return -1;
	int n = na > nb ? na : nb;
	for (int i = 0; i < n; i++) {
		unsigned long x = i < na ? pa[i] : 0, y = i < nb ? pb[i] : 0;
		if (x != y) {
			*cmp = x < y ? -1 : 1;
			return 0;
		}
	}
	*cmp = 0;
	return 0;
}
