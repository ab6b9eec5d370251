/*
 * firmware_support.c — items 5-3 (home router) and 5-4 (VPN device): is
 * the device still supported by its maker, free of vulnerabilities the
 * maker will not fix, and running the latest firmware? Facts come from
 * rules/firmware/ (each entry with its source and as_of date) and from
 * what the admin wrote in the input.
 */
#include "checks.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../../parsers/parsers.h"
#include "../version.h"

/* A short reference for a message: the text before the first ';', without
 * parenthesised parts ("NEC NV23-007 (https://…); CVE-…" -> "NEC NV23-007");
 * the full text stays in the rules data. */
static const char *short_ref(struct input *in, const char *s)
{
	if (!s)
		return "?";
	char buf[160];
	size_t o = 0;
	int depth = 0;
	bool url = strncmp(s, "http", 4) == 0;   /* a source: just its address */
	for (const char *p = s; *p && *p != ';' && o + 1 < sizeof(buf); p++) {
		if (url && (*p == ' ' || *p == '\t'))
			break;
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth)
			depth--;
		else if (!depth)
			buf[o++] = *p;
	}
	while (o && buf[o - 1] == ' ')
		o--;
	buf[o] = '\0';
	const char *r = o ? arena_strdup(&in->arena, buf) : NULL;
	return r ? r : s;
}

/* Days before the end of support from which it is reported as a warning. */
#define SUPPORT_WARN_DAYS 180

static void judge_support(struct input *in, const struct run_ctx *ctx, int item,
			  const struct router_support *rs)
{
	const struct device *d = &in->dev;
	const char *model = d->model.s ? d->model.s : "router";
	long end = -1;
	const char *end_text = NULL, *source = NULL;
	if (rs && rs->end_of_support >= 0) {
		end = rs->end_of_support;
		end_text = rs->end_of_support_text;
		source = short_ref(in, rs->source);
	} else if (d->support_end.s && date_parse(d->support_end.s, true, &end) == 0) {
		end_text = d->support_end.s;
		source = "support_end:";   /* the admin's own entry, named by its key */
	}
	unsigned line = d->model.s ? d->model.line : d->support_end.line;
	const char *ev = d->model.s ? arena_printf(&in->arena, "model: %s", model)
				    : arena_printf(&in->arena, "support_end: %s", d->support_end.s);
	if (rs && rs->unfixed_vulnerabilities)
		finding_add(in, ctx, "EL314", "default", item, -1, FST_FAIL, line, ev,
			    "model", model, "advisory",
			    short_ref(in, rs->advisory ? rs->advisory : rs->source), ARGS_END);
	if (end >= 0 && end < ctx->today) {
		finding_add(in, ctx, "EL310", "ended", item, -1, FST_FAIL, line, ev,
			    "model", model, "date", end_text, "source", source, ARGS_END);
	} else if (end >= 0 && end - ctx->today <= SUPPORT_WARN_DAYS) {
		char days[16];
		snprintf(days, sizeof(days), "%d", SUPPORT_WARN_DAYS);
		finding_add(in, ctx, "EL310", "ending-soon", item, -1, FST_WARN, line,
			    ev, "model", model, "date", end_text, "source", source, "days", days,
			    ARGS_END);
	} else if (!rs && end < 0) {
		finding_add(in, ctx, "EL312", "not-listed", item, -1, FST_UNKNOWN, line,
			    ev, "model", model, "as_of",
			    ctx->reg->routers_as_of ? ctx->reg->routers_as_of : "?", ARGS_END);
	}
}

static void judge_version(struct input *in, const struct run_ctx *ctx, int item,
			  const struct router_support *rs)
{
	const struct device *d = &in->dev;
	const char *model = d->model.s ? d->model.s : "?";
	if (!d->firmware.s) {
		finding_add(in, ctx, "EL315", "no-version", item, -1, FST_UNKNOWN,
			    d->model.line, NULL, ARGS_END);
		return;
	}
	const char *latest = d->latest_firmware.s;
	if (!latest && rs)
		latest = rs->latest_firmware;
	const char *ev = arena_printf(&in->arena, "firmware_version: %s", d->firmware.s);
	int cmp;
	if (rs && rs->min_fixed_firmware &&
	    version_cmp(d->firmware.s, rs->min_fixed_firmware, &cmp) == 0 && cmp < 0)
		finding_add(in, ctx, "EL316", "default", item, -1, FST_FAIL, d->firmware.line, ev,
			    "firmware", d->firmware.s, "fixed", rs->min_fixed_firmware,
			    "advisory", short_ref(in, rs->advisory), ARGS_END);
	if (latest) {
		if (version_cmp(d->firmware.s, latest, &cmp)) {
			finding_add(in, ctx, "EL315", "not-comparable", item, -1, FST_UNKNOWN,
				    d->firmware.line, ev, "firmware", d->firmware.s, "latest",
				    latest, ARGS_END);
		} else if (cmp < 0) {
			finding_add(in, ctx, "EL311", "older", item, -1, FST_FAIL,
				    d->firmware.line, ev, "firmware", d->firmware.s, "latest",
				    latest, ARGS_END);
		}
		return;
	}
	long built;
	if (d->firmware_date.s && date_parse(d->firmware_date.s, false, &built) == 0 &&
	    ctx->today - built > ctx->pol->firmware_max_age_days) {
		char days[24];
		snprintf(days, sizeof(days), "%ld", ctx->pol->firmware_max_age_days);
		finding_add(in, ctx, "EL311", "old-build", item, -1, FST_WARN,
			    d->firmware_date.line, ev, "firmware", d->firmware.s, "date",
			    d->firmware_date.s, "days", days, ARGS_END);
		return;
	}
	if (d->model.s)   /* without one, EL312 "no-model" already says what is missing */
		finding_add(in, ctx, "EL315", "no-latest", item, -1, FST_UNKNOWN,
			    d->firmware.line, ev, "firmware", d->firmware.s, "model", model,
			    ARGS_END);
}

/* ---- item 5-4: the device that terminates the VPN ----------------------- */

/* "Rev.15.02.30" -> "15.02.30" */
static const char *bare_revision(const char *fw)
{
	const char *p = fw;
	while (*p && (*p < '0' || *p > '9'))
		p++;
	return p;
}

static void check_vpn_device(struct input *in, const struct run_ctx *ctx)
{
	const int item = ITEM_5_4;
	const struct device *d = &in->dev;
	if (!d->vpn_remote_access) {
		input_item(in, item, IST_NA, "not-a-vpn-device");
		return;
	}
	input_item(in, item, IST_PASS, NULL);
	finding_add(in, ctx, "EL306", "default", item, -1, FST_PASS, d->vpn_line, NULL, "how",
		    d->vpn_how, ARGS_END);
	if (!d->model.s || !d->firmware.s) {
		finding_add(in, ctx, "EL304", "no-header", item, -1, FST_UNKNOWN, d->vpn_line, NULL,
			    ARGS_END);
		return;
	}
	const char *model = d->model.s;
	const char *rev = bare_revision(d->firmware.s);
	unsigned line = d->firmware.line;
	const char *ev = arena_printf(&in->arena, "%s %s", model, d->firmware.s);
	const struct vpn_device *v = registry_vpn_device(ctx->reg, d->vendor.s, model);
	if (!v) {
		finding_add(in, ctx, "EL304", "not-listed", item, -1, FST_UNKNOWN, line, ev, "model",
			    model, "as_of", ctx->reg->vpns_as_of ? ctx->reg->vpns_as_of : "?",
			    ARGS_END);
		return;
	}
	if (v->end_of_life || (v->end_of_support >= 0 && v->end_of_support < ctx->today))
		finding_add(in, ctx, "EL303", v->end_of_support >= 0 ? "ended" : "end-of-life",
			    item, -1, FST_FAIL, line, ev, "model", model, "date",
			    v->end_of_support_text ? v->end_of_support_text : "",
			    "source", short_ref(in, v->source), ARGS_END);
	/* Advisories whose first fixed revision is above the running one. */
	char key[64] = "";
	model_key(key, sizeof(key), model);
	const struct vpn_train *train = registry_train(ctx->reg, d->vendor.s, rev);
	char mine[32];   /* the running release's train */
	registry_release_train(rev, mine, sizeof(mine));
	for (size_t i = 0; i < ctx->reg->nadvisories; i++) {
		const struct vpn_advisory *a = &ctx->reg->advisories[i];
		if (a->vendor && strcmp(a->vendor, d->vendor.s) != 0)
			continue;
		/* Per software train (Cisco): the train's first fixed release,
		 * or no fix at all ("migrate"). */
		for (size_t j = 0; j < a->ntrains; j++) {
			const char *want = a->trains[j].train;
			if (strcmp(mine, want) != 0)
				continue;
			int c;
			if (a->trains[j].fixed && (version_cmp(rev, a->trains[j].fixed, &c) || c >= 0))
				continue;
			int sev = a->known_exploited ? SEV_CRITICAL : (int)a->severity;
			if (sev < SEV_HIGH)
				sev = SEV_HIGH;
			const char *variant = !a->trains[j].fixed ? "no-fix"
					      : a->compromise_note ? "compromise" : "default";
			finding_add(in, ctx, "EL302", variant, item, sev, FST_FAIL, line, ev,
				    "firmware", d->firmware.s, "fixed",
				    a->trains[j].fixed ? a->trains[j].fixed : "", "advisory", a->id,
				    "title", a->title, "train", want, ARGS_END);
		}
		for (size_t j = 0; j < a->nfixed; j++) {
			int cmp;
			if (strcmp(a->fixed[j].key, key) != 0 ||
			    version_cmp(rev, a->fixed[j].fixed, &cmp) || cmp >= 0)
				continue;
			int sev = a->known_exploited ? SEV_CRITICAL : (int)a->severity;
			if (sev < SEV_HIGH)
				sev = SEV_HIGH;
			finding_add(in, ctx, "EL302", "default", item, sev, FST_FAIL, line, ev,
				    "firmware", d->firmware.s, "fixed", a->fixed[j].fixed,
				    "advisory", a->id, "title", a->title, ARGS_END);
		}
	}
	int cmp;
	/* The newest known release: per model, else per software train. */
	const char *latest_fw = v->latest_firmware ? v->latest_firmware
			      : train ? train->latest : NULL;
	if (train && train->end_of_support >= 0 && train->end_of_support < ctx->today)
		finding_add(in, ctx, "EL303", "train-ended", item, -1, FST_FAIL, line, ev, "model",
			    model, "train", train->train, "date", train->end_of_support_text,
			    "source", short_ref(in, train->source), ARGS_END);
	if (latest_fw && version_cmp(rev, latest_fw, &cmp) == 0 && cmp < 0) {
		/* How far behind: releases of the same line differ in their last
		 * number ("15.02.10" -> "15.02.33" is 23 releases). */
		const char *ld = strrchr(rev, '.'), *lv = strrchr(latest_fw, '.');
		long a, b;
		char behind[24];
		bool same_line = ld && lv && ld - rev == lv - latest_fw &&
				 strncmp(rev, latest_fw, (size_t)(ld - rev)) == 0 &&
				 str_to_long(ld + 1, 0, 1000000, &a) == 0 &&
				 str_to_long(lv + 1, 0, 1000000, &b) == 0 && b > a;
		if (same_line)
			snprintf(behind, sizeof(behind), "%ld", b - a);
		finding_add(in, ctx, "EL301", same_line ? "behind" : "default", item, -1, FST_FAIL,
			    line, ev, "firmware", d->firmware.s, "latest", latest_fw,
			    "model", model, "behind", same_line ? behind : "", ARGS_END);
	} else if (!latest_fw) {
		finding_add(in, ctx, "EL304", "no-latest", item, -1, FST_UNKNOWN, line, ev, "model",
			    model, ARGS_END);
	}
	/* The build age matters only when the newest release is not known
	 * (as for item 5-3): the newest release may itself be old. */
	long built;
	if (!latest_fw && d->build_date.s &&
	    date_parse(d->build_date.s, false, &built) == 0 &&
	    ctx->today - built > ctx->pol->firmware_max_age_days) {
		char days[24];
		snprintf(days, sizeof(days), "%ld", ctx->pol->firmware_max_age_days);
		finding_add(in, ctx, "EL305", "default", item, -1, FST_WARN, d->build_date.line, ev,
			    "firmware", d->firmware.s, "date", d->build_date.s, "days", days,
			    ARGS_END);
	}
}

void check_firmware_support(struct input *in, const struct run_ctx *ctx)
{
	if (!in->kind)
		return;
	if (in->kind->feeds[ITEM_5_4])
		check_vpn_device(in, ctx);
	if (!in->kind->feeds[ITEM_5_3])
		return;
	int item = ITEM_5_3;
	if (!in->has_device) {
		input_item(in, item, IST_UNKNOWN, "no-device");
		return;
	}
	const struct device *d = &in->dev;
	input_item(in, item, IST_PASS, NULL);
	const struct router_support *rs = NULL;
	if (!d->model.s)
		finding_add(in, ctx, "EL312", "no-model", item, -1, FST_UNKNOWN, d->vendor.line,
			    NULL, ARGS_END);
	else
		rs = registry_router(ctx->reg, d->vendor.s, d->model.s);
	/* Without a model, a support_end the admin wrote is still judged. */
	if (d->model.s || d->support_end.s)
		judge_support(in, ctx, item, rs);
	judge_version(in, ctx, item, rs);
	if (d->auto_update == TRI_NO)
		finding_add(in, ctx, "EL313", "default", item, -1, FST_WARN,
			    d->auto_update_line, "auto_update: false", ARGS_END);
}
