/*
 * internet.c — item 3-2: how much of the internet a source set is (see
 * internet.h for the three scopes and rules/internet-sources.yaml for
 * what is public).
 */
#include "internet.h"

#include <stdio.h>
#include <string.h>

int u128_cmp(struct u128 x, struct u128 y)
{
	if (x.hi != y.hi)
		return x.hi < y.hi ? -1 : 1;
	if (x.lo != y.lo)
		return x.lo < y.lo ? -1 : 1;
	return 0;
}

static struct u128 u128_add(struct u128 x, struct u128 y, bool *overflow)
{
	struct u128 r = {x.hi + y.hi, x.lo + y.lo};
	if (r.lo < x.lo)
		r.hi++;
	if (u128_cmp(r, x) < 0 || (u128_cmp(r, x) == 0 && (y.hi || y.lo)))
		*overflow = true;   /* unsigned: the sum wrapped */
	return r;
}

double u128_to_double(struct u128 x)
{
	return (double)x.hi * 18446744073709551616.0 + (double)x.lo;
}

struct u128 aset_count(const struct aset *s)
{
	struct u128 total = {0, 0};
	bool overflow = false;
	for (size_t i = 0; i < s->n && !overflow; i++) {
		/* hi - lo + 1; [0, 2^128-1] overflows: saturate. */
		struct u128 lo = s->iv[i].lo, hi = s->iv[i].hi;
		struct u128 d = {hi.hi - lo.hi - (hi.lo < lo.lo), hi.lo - lo.lo};
		d = u128_add(d, (struct u128){0, 1}, &overflow);
		total = u128_add(total, d, &overflow);
	}
	if (overflow)
		total = (struct u128){UINT64_MAX, UINT64_MAX};
	return total;
}

int internet_judge(struct arena *a, const struct aset *src, const struct aset *internet,
		   const struct aset *outside, unsigned broad_prefix, struct src_judgement *out)
{
	memset(out, 0, sizeof(*out));
	struct aset pub, missing;
	if (aset_intersect(a, src, internet, &pub) || aset_minus(a, internet, &pub, &missing))
		return EL_ENOMEM;
	out->count = aset_count(&pub);
	double total = u128_to_double(aset_count(internet));
	out->share = total > 0 ? u128_to_double(out->count) / total : 0;
	if (aset_is_empty(&missing) && !aset_is_empty(internet)) {
		struct aset rest;
		if (aset_minus(a, outside, src, &rest))
			return EL_ENOMEM;
		out->scope = SRC_ANY;
		out->all_outside = aset_is_empty(&rest);
		out->share = 1;
		return 0;
	}
	/* Broad: more public addresses than 2^(bits - broad_prefix). */
	unsigned bits = src->fam == FAM_V4 ? 32 : 128;
	unsigned e = broad_prefix >= bits ? 0 : bits - broad_prefix;
	struct u128 limit = e >= 128 ? (struct u128){UINT64_MAX, UINT64_MAX}
			    : e >= 64  ? (struct u128){(uint64_t)1 << (e - 64), 0}
				       : (struct u128){0, (uint64_t)1 << e};
	out->scope = e < 128 && u128_cmp(out->count, limit) > 0 ? SRC_BROAD : SRC_RESTRICTED;
	return 0;
}

void internet_share_text(double share, bool all, char *buf, size_t n)
{
	double pct = share * 100;
	if (all) {
		snprintf(buf, n, "100");
		return;
	}
	if (pct <= 0) {
		snprintf(buf, n, "0");
		return;
	}
	/* Enough digits that a partial set never reads 100 or 0. */
	for (int d = pct >= 10 ? 0 : 1; d <= 9; d++) {
		snprintf(buf, n, "%.*f", d, pct);
		double shown = 0;
		if (sscanf(buf, "%lf", &shown) == 1 && shown > 0 && shown < 100)
			return;
	}
	snprintf(buf, n, pct >= 50 ? "99.999999999" : "0.000000001");
}

const char *internet_variant_suffix(const struct src_judgement *j)
{
	if (j->scope == SRC_BROAD)
		return "-broad";
	if (j->scope == SRC_ANY && !j->all_outside)
		return "-all-public";
	return "";
}

int internet_sources(struct arena *a, enum fam fam, const struct aset *inside,
		     const struct aset *box, const struct aset *pub, struct aset *outside,
		     struct aset *internet)
{
	struct aset all, in = *inside, u;
	if (aset_all(a, fam, &all))
		return EL_ENOMEM;
	if (box && aset_union(a, &in, box, &u) == 0)
		in = u;
	if (aset_minus(a, &all, &in, outside))
		return EL_ENOMEM;
	if (aset_is_empty(pub)) {
		*internet = *outside;
		return 0;
	}
	return aset_intersect(a, outside, pub, internet) ? EL_ENOMEM : 0;
}
