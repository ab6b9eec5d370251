/*
 * version.h — comparing firmware version strings such as "1.09",
 * "Rev.15.02.30", "V5.110.27.21" or "9.12(4)67": the numbers are compared
 * in order, anything before the first digit is ignored.
 */
#ifndef EDGELINT_VERSION_H
#define EDGELINT_VERSION_H

/* Sets *cmp to <0, 0 or >0 as a is older than, equal to or newer than b.
 * Returns 0, or -1 when either string holds no number (not comparable). */
int version_cmp(const char *a, const char *b, int *cmp);

#endif
