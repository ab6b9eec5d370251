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

#include "../version.h"

/* A short reference for a message: the text before the first ';', without
 * parenthesised parts ("NEC NV23-007 (https://…); CVE-…" -> "NEC NV23-007");
 * the full text stays in the rules data. */
/* The Japanese of a model-judging finding's evidence: "<ja>: value" when
 * the English starts with a word of ours (ja not NULL), else as it is. */
static void ev_ja_model(struct input *in, struct finding *f, const char *ja)
{
	if (!f || !ja || !f->evidence)
		return;
	const char *colon = strchr(f->evidence, ':');
	if (colon && colon[1] == ' ')
		finding_evidence_ja(in, f, arena_printf(&in->arena, "%s%s", ja, colon),
				    strlen(ja) + 2);
}

/* Evidence "<our word>: value" in both languages (the value scrubbed). */
static void ev_word(struct input *in, struct finding *f, const char *ja, const char *value)
{
	if (f && value)
		finding_evidence_ja(in, f, arena_printf(&in->arena, "%s: %s", ja, value),
				    strlen(ja) + 2);
}

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
	/* A facts file's key is the input's own word; elsewhere "model" is ours. */
	const char *ev_ja = d->model.s && !in->kind->hand_filled ? "機種" : NULL;
	if (rs && rs->unfixed_vulnerabilities)
		ev_ja_model(in, finding_add(in, ctx, "EL314", "default", item, -1, FST_FAIL, line, ev,
			    "model", model, "advisory",
			    short_ref(in, rs->advisory ? rs->advisory : rs->source), ARGS_END), ev_ja);
	if (end >= 0 && end < ctx->today) {
		ev_ja_model(in, finding_add(in, ctx, "EL310", "ended", item, -1, FST_FAIL, line, ev,
			    "model", model, "date", end_text, "source", source, ARGS_END), ev_ja);
	} else if (end >= 0 && end - ctx->today <= SUPPORT_WARN_DAYS) {
		char days[16];
		snprintf(days, sizeof(days), "%d", SUPPORT_WARN_DAYS);
		ev_ja_model(in, finding_add(in, ctx, "EL310", "ending-soon", item, -1, FST_WARN, line,
			    ev, "model", model, "date", end_text, "source", source, "days", days,
			    ARGS_END), ev_ja);
	} else if (!rs && end < 0) {
		/* The maker's own page to check, when the data has one. */
		const struct maker_page *mp = registry_maker_page(ctx->reg, d->vendor.s);
		const char *variant = mp ? "not-listed-page" : "not-listed";
		ev_ja_model(in, finding_add(in, ctx, "EL312", variant, item, -1, FST_UNKNOWN, line,
			    ev, "model", model, "as_of",
			    ctx->reg->routers_as_of ? ctx->reg->routers_as_of : "?",
			    "page", mp ? mp->page : "", ARGS_END), ev_ja);
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
	const char *ev_ja = in->kind->hand_filled ? NULL : "ファームウェア";
	int cmp;
	if (rs && rs->min_fixed_firmware &&
	    version_cmp(d->firmware.s, rs->min_fixed_firmware, &cmp) == 0 && cmp < 0)
		ev_ja_model(in, finding_add(in, ctx, "EL316", "default", item, -1, FST_FAIL, d->firmware.line, ev,
			    "firmware", d->firmware.s, "fixed", rs->min_fixed_firmware,
			    "advisory", short_ref(in, rs->advisory), ARGS_END), ev_ja);
	if (rs && rs->last_affected_firmware &&
	    version_cmp(d->firmware.s, rs->last_affected_firmware, &cmp) == 0 && cmp <= 0)
		ev_ja_model(in, finding_add(in, ctx, "EL318", "default", item, -1, FST_FAIL,
			    d->firmware.line, ev, "firmware", d->firmware.s, "last",
			    rs->last_affected_firmware, "advisory", short_ref(in, rs->advisory),
			    ARGS_END), ev_ja);
	if (latest) {
		if (version_cmp(d->firmware.s, latest, &cmp)) {
			ev_ja_model(in, finding_add(in, ctx, "EL315", "not-comparable", item, -1, FST_UNKNOWN,
				    d->firmware.line, ev, "firmware", d->firmware.s, "latest",
				    latest, ARGS_END), ev_ja);
		} else if (cmp < 0) {
			ev_ja_model(in, finding_add(in, ctx, "EL311", "older", item, -1, FST_FAIL,
				    d->firmware.line, ev, "firmware", d->firmware.s, "latest",
				    latest, ARGS_END), ev_ja);
		}
		return;
	}
	long built;
	if (d->firmware_date.s && date_parse(d->firmware_date.s, false, &built) == 0 &&
	    ctx->today - built > ctx->pol->firmware_max_age_days) {
		char days[24];
		snprintf(days, sizeof(days), "%ld", ctx->pol->firmware_max_age_days);
		ev_ja_model(in, finding_add(in, ctx, "EL311", "old-build", item, -1, FST_WARN,
			    d->firmware_date.line, ev, "firmware", d->firmware.s, "date",
			    d->firmware_date.s, "days", days, ARGS_END), ev_ja);
		return;
	}
	if (d->model.s)   /* without one, EL312 "no-model" already says what is missing */
		ev_ja_model(in, finding_add(in, ctx, "EL315", "no-latest", item, -1, FST_UNKNOWN,
			    d->firmware.line, ev, "firmware", d->firmware.s, "model", model,
			    ARGS_END), ev_ja);
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

/* An advisory's EL302 severity: critical when exploited (CISA KEV or the
 * vendor's word), else its own, and never below high. */
static int advisory_severity(const struct vpn_advisory *a)
{
	int sev = a->kev || a->vendor_exploited ? SEV_CRITICAL : (int)a->severity;
	return sev < SEV_HIGH ? SEV_HIGH : sev;
}

/* The EL302 message variant: base ("default", "compromise", "no-fix",
 * "affected": at or below the train's last affected release)
 * and which exploitation fact the message states: "-kev" (CISA KEV, its
 * date added), "-kev-ransomware" (KEV, known ransomware use), "-vendor"
 * (the vendor's report, its source); KEV first, as the public catalog.
 * "default" alone is the unexploited one; every pair is in rules.yaml
 * (test_registry.c checks them). */
static const char *exploited_variant(struct input *in, const struct vpn_advisory *a,
				     const char *base)
{
	const char *how = a->kev ? (a->kev_ransomware ? "kev-ransomware" : "kev")
			  : a->vendor_exploited ? "vendor" : NULL;
	if (!how)
		return base;
	if (strcmp(base, "default") == 0)
		return how;
	const char *v = arena_printf(&in->arena, "%s-%s", base, how);
	return v ? v : base;   /* out of memory: the message without the fact */
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
		    d->vpn_how, "how_ja", d->vpn_how_ja, ARGS_END);
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
		const struct maker_page *mp = registry_maker_page(ctx->reg, d->vendor.s);
		const char *variant = mp ? "not-listed-page" : "not-listed";
		finding_add(in, ctx, "EL304", variant, item, -1, FST_UNKNOWN, line, ev, "model",
			    model, "as_of", ctx->reg->vpns_as_of ? ctx->reg->vpns_as_of : "?",
			    "page", mp ? mp->page : "", ARGS_END);
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
		 * its last affected one, or no fix at all ("migrate"). */
		for (size_t j = 0; j < a->ntrains; j++) {
			const struct vpn_train_fix *t = &a->trains[j];
			if (strcmp(mine, t->train) != 0)
				continue;
			int c;
			if (t->fixed && (version_cmp(rev, t->fixed, &c) || c >= 0))
				continue;
			if (t->last_affected && (version_cmp(rev, t->last_affected, &c) || c > 0))
				continue;
			const char *base = t->last_affected ? "affected"
					   : !t->fixed ? "no-fix"
					   : a->compromise_note ? "compromise" : "default";
			finding_add(in, ctx, "EL302", exploited_variant(in, a, base), item,
				    advisory_severity(a), FST_FAIL, line, ev,
				    "firmware", d->firmware.s, "fixed", t->fixed ? t->fixed : "",
				    "last", t->last_affected ? t->last_affected : "",
				    "advisory", a->id,
				    "title", a->title, "title_ja", a->title_ja, "train", t->train,
				    "kev_date", a->kev_date_added ? a->kev_date_added : "",
				    "exploited_source", short_ref(in, a->vendor_exploited_source),
				    ARGS_END);
		}
		for (size_t j = 0; j < a->nfixed; j++) {
			int cmp;
			if (strcmp(a->fixed[j].key, key) != 0 ||
			    version_cmp(rev, a->fixed[j].fixed, &cmp) || cmp >= 0)
				continue;
			const char *base = a->compromise_note ? "compromise" : "default";
			finding_add(in, ctx, "EL302", exploited_variant(in, a, base),
				    item, advisory_severity(a), FST_FAIL, line, ev,
				    "firmware", d->firmware.s, "fixed", a->fixed[j].fixed,
				    "advisory", a->id, "title", a->title, "title_ja", a->title_ja,
				    "kev_date", a->kev_date_added ? a->kev_date_added : "",
				    "exploited_source", short_ref(in, a->vendor_exploited_source),
				    ARGS_END);
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
		/* How far behind: the releases the data lists between the one
		 * running and the newest (never the difference of two version
		 * numbers: revisions skip numbers). Without a list, no count. */
		size_t nb = 0;
		for (size_t k = 0; v->releases && k < v->nreleases; k++) {
			int c1, c2;
			if (version_cmp(rev, v->releases[k], &c1) == 0 && c1 < 0 &&
			    version_cmp(v->releases[k], latest_fw, &c2) == 0 && c2 <= 0)
				nb++;
		}
		bool same_line = nb > 0;
		char behind[24];
		snprintf(behind, sizeof(behind), "%zu", nb);
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

/* ---- item 5-3: firmware distributions (rules/firmware/home-firmware.yaml) -- */

struct dctx {                    /* one device judged against distribution data */
	struct input *in;
	const struct run_ctx *ctx;
	const char *distro;          /* display name */
	const char *fw;
	unsigned line;               /* the firmware line */
	const char *ev;
	const char *ev_ja;           /* ev in Japanese (our word before the value) */
	const char *as_of;
};

/* The evidence of x's findings in Japanese: "ファームウェア: 7.11.2" (the
 * value of the input scrubbed like every value). */
static void d_ev_ja(const struct dctx *x, struct finding *f)
{
	finding_evidence_ja(x->in, f, x->ev_ja, strlen("ファームウェア: "));
}


/* The leading "N.N" of a version ("21.02.3", "19.07-SNAPSHOT" -> "21.02",
 * "19.07"), or false. */
static bool openwrt_series(const char *fw, char *out, size_t n)
{
	size_t i = 0;
	while (fw[i] >= '0' && fw[i] <= '9')
		i++;
	if (i == 0 || fw[i] != '.')
		return false;
	size_t j = i + 1;
	while (fw[j] >= '0' && fw[j] <= '9')
		j++;
	if (j == i + 1 || j >= n)
		return false;
	memcpy(out, fw, j);
	out[j] = '\0';
	return true;
}

static void d_ended(struct dctx *x, const struct distro_line *l, const char *line_name)
{
	long today = x->ctx->today;
	if (l->end_of_life < 0)
		return;
	if (l->end_of_life < today) {
		d_ev_ja(x, finding_add(x->in, x->ctx, "EL317", "distro-ended", ITEM_5_3, -1, FST_FAIL, x->line,
			    x->ev, "distro", x->distro, "line", line_name, "date",
			    l->end_of_life_text, "source", short_ref(x->in, l->source), "as_of",
			    x->as_of, ARGS_END));
	} else if (l->end_of_life - today <= SUPPORT_WARN_DAYS) {
		char days[16];
		snprintf(days, sizeof(days), "%d", SUPPORT_WARN_DAYS);
		d_ev_ja(x, finding_add(x->in, x->ctx, "EL317", "distro-ending-soon", ITEM_5_3, -1, FST_WARN,
			    x->line, x->ev, "distro", x->distro, "line", line_name, "date",
			    l->end_of_life_text, "days", days, "source", short_ref(x->in, l->source),
			    "as_of", x->as_of, ARGS_END));
	}
}

/* Fails when fw is older than latest (compared as versions). */
static void d_older(struct dctx *x, const char *fw, const char *latest, const char *line_name)
{
	int cmp;
	if (!latest || version_cmp(fw, latest, &cmp) || cmp >= 0)
		return;
	d_ev_ja(x, finding_add(x->in, x->ctx, "EL311", "distro-older", ITEM_5_3, -1, FST_FAIL, x->line, x->ev,
		    "distro", x->distro, "firmware", x->fw, "latest", latest, "line", line_name,
		    "as_of", x->as_of, ARGS_END));
}

/* Builds without release support: judged by their age. */
static void d_build_age(struct dctx *x)
{
	const struct device *d = &x->in->dev;
	const struct distro_data *dd = &x->ctx->reg->distros;
	long warn = x->ctx->pol->build_age_warn_days ? x->ctx->pol->build_age_warn_days
						      : dd->build_age_warn_days;
	long fail = x->ctx->pol->build_age_fail_days ? x->ctx->pol->build_age_fail_days
						      : dd->build_age_fail_days;
	long built;
	if (!d->firmware_date.s || date_parse(d->firmware_date.s, false, &built)) {
		d_ev_ja(x, finding_add(x->in, x->ctx, "EL315", "no-build-date", ITEM_5_3, -1, FST_UNKNOWN,
			    x->line, x->ev, "distro", x->distro, "firmware", x->fw, ARGS_END));
		return;
	}
	long age = x->ctx->today - built;
	if (age <= warn)
		return;
	char a[24], lim[24];
	snprintf(a, sizeof(a), "%ld", age);
	snprintf(lim, sizeof(lim), "%ld", age > fail ? fail : warn);
	ev_word(x->in, finding_add(x->in, x->ctx, "EL311", "build-age", ITEM_5_3, -1,
		    age > fail ? FST_FAIL : FST_WARN,
		    d->firmware_date.line ? d->firmware_date.line : x->line,
		    arena_printf(&x->in->arena, "build date: %s", d->firmware_date.s), "distro",
		    x->distro, "firmware", x->fw, "date", d->firmware_date.s, "age", a, "limit", lim,
		    "as_of", x->as_of, ARGS_END), "ビルド日", d->firmware_date.s);
}

static void d_not_listed(struct dctx *x, const char *line_name)
{
	d_ev_ja(x, finding_add(x->in, x->ctx, "EL315", "distro-not-listed", ITEM_5_3, -1, FST_UNKNOWN,
		    x->line, x->ev, "distro", x->distro, "firmware", x->fw, "line", line_name,
		    "as_of", x->as_of, ARGS_END));
}

static void judge_release_series(struct dctx *x)
{
	const struct distro_data *dd = &x->ctx->reg->distros;
	char series[32];
	if (!openwrt_series(x->fw, series, sizeof(series))) {
		/* SNAPSHOT, "Bleeding Edge": a development build. Old ones name
		 * the series they led to by its codename; if that series has
		 * ended, so has the build. */
		const char *cn = x->in->dev.codename;
		for (size_t i = 0; cn && i < dd->nopenwrt; i++) {
			const struct distro_line *l = &dd->openwrt[i];
			if (l->codename && strcmp(l->codename, cn) == 0 && l->end_of_life >= 0 &&
			    l->end_of_life < x->ctx->today) {
				d_ended(x, l, l->key);
				return;
			}
		}
		d_build_age(x);
		return;
	}
	const struct distro_line *l = distro_find(dd->openwrt, dd->nopenwrt, series);
	if (!l) {
		int cmp;
		if (dd->nopenwrt && version_cmp(series, dd->openwrt[0].key, &cmp) == 0 && cmp < 0)
			d_ev_ja(x, finding_add(x->in, x->ctx, "EL317", "distro-older-than-data", ITEM_5_3, -1,
				    FST_FAIL, x->line, x->ev, "distro", x->distro, "firmware", x->fw,
				    "as_of", x->as_of, ARGS_END));
		else
			d_not_listed(x, series);
		return;
	}
	d_ended(x, l, series);
	if (x->in->dev.snapshot) {
		if (!(l->end_of_life >= 0 && l->end_of_life < x->ctx->today))
			d_build_age(x);
		return;
	}
	d_older(x, x->fw, l->latest, series);
}

/* The Merlin branch and the part to compare with the branch's latest, as
 * the parser recorded them (model fields fw_branch, fw_release); without
 * them, the leading number of the version ("386.14_2" -> 386). */
static void merlin_branch(const struct device *d, char *branch, size_t n, const char **cmp_part)
{
	*cmp_part = d->fw_release ? d->fw_release : d->firmware.s;
	if (d->fw_branch) {
		snprintf(branch, n, "%s", d->fw_branch);
		return;
	}
	size_t i = 0;
	while ((*cmp_part)[i] >= '0' && (*cmp_part)[i] <= '9' && i + 1 < n) {
		branch[i] = (*cmp_part)[i];
		i++;
	}
	branch[i] = '\0';
}

static void judge_model_branch(struct dctx *x)
{
	const struct distro_data *dd = &x->ctx->reg->distros;
	const char *model = x->in->dev.model.s;
	if (model) {
		for (size_t i = 0; i < dd->nmerlin_dropped; i++) {
			const struct distro_line *l = &dd->merlin_dropped[i];
			if (!distro_has_model(l, model))
				continue;
			ev_word(x->in, finding_add(x->in, x->ctx, "EL317", "distro-dropped", ITEM_5_3, -1, FST_FAIL,
				    x->in->dev.model.line ? x->in->dev.model.line : x->line,
				    arena_printf(&x->in->arena, "model: %s", model), "distro",
				    x->distro, "model", model, "branch",
				    l->last_branch ? l->last_branch : "?", "source",
				    short_ref(x->in, l->source), "as_of", x->as_of, ARGS_END), "機種", model);
			return;
		}
	}
	char branch[16];
	const char *part;
	merlin_branch(&x->in->dev, branch, sizeof(branch), &part);
	const struct distro_line *mine = distro_find(dd->merlin, dd->nmerlin, branch);
	const struct distro_line *newest = NULL;   /* the newest branch for this model */
	for (size_t i = 0; model && i < dd->nmerlin; i++)
		if (distro_has_model(&dd->merlin[i], model))
			newest = &dd->merlin[i];
	const struct distro_line *target = newest ? newest : mine;
	if (!target) {
		d_not_listed(x, branch[0] ? branch : x->fw);
		return;
	}
	d_ended(x, target, target->key);
	if (target != mine) {
		/* An older branch than the model's newest: behind whatever its
		 * own branch says. */
		const char *latest = target->latest ? target->latest : target->key;
		d_ev_ja(x, finding_add(x->in, x->ctx, "EL311", "distro-older", ITEM_5_3, -1, FST_FAIL, x->line,
			    x->ev, "distro", x->distro, "firmware", x->fw, "latest", latest, "line",
			    target->key, "as_of", x->as_of, ARGS_END));
		return;
	}
	d_older(x, part, target->latest, target->key);
}

static void judge_major_channel(struct dctx *x)
{
	const struct distro_data *dd = &x->ctx->reg->distros;
	char major[16];
	size_t i = 0;
	while (x->fw[i] >= '0' && x->fw[i] <= '9' && i + 1 < sizeof(major)) {
		major[i] = x->fw[i];
		i++;
	}
	major[i] = '\0';
	const struct distro_line *l = distro_find(dd->routeros, dd->nrouteros, major);
	if (!l) {
		d_not_listed(x, major[0] ? major : x->fw);
		return;
	}
	d_ended(x, l, l->key);
	d_older(x, x->fw, l->latest, l->key);
}

/* Judges a device whose firmware is a known distribution (a line of
 * home-firmware.yaml whose judge is not "model"); false when the device
 * has none (the per-model data applies instead). */
static bool judge_distro(struct input *in, const struct run_ctx *ctx)
{
	const struct device *d = &in->dev;
	const struct fw_line *fl = d->distro ? registry_fw_line(ctx->reg, d->distro) : NULL;
	if (!fl || fl->judge == FWJ_MODEL)
		return false;
	struct dctx x = {.in = in, .ctx = ctx, .distro = fl->name, .fw = d->firmware.s,
			 .line = d->firmware.line ? d->firmware.line
				 : d->model.line   ? d->model.line
						   : d->vendor.line,
			 .as_of = ctx->reg->distros.as_of ? ctx->reg->distros.as_of : "?"};
	if (!x.fw) {
		finding_add(in, ctx, "EL315", "distro-no-version", ITEM_5_3, -1, FST_UNKNOWN, x.line,
			    NULL, "distro", fl->name, "what",
			    fl->give.t[LANG_EN] ? fl->give.t[LANG_EN]
						: "give the whole configuration dump",
			    "what_ja",
			    fl->give.t[LANG_JA] ? fl->give.t[LANG_JA] : "設定の全体を与えてください",
			    ARGS_END);
		return true;
	}
	x.ev = arena_printf(&in->arena, "firmware: %s", x.fw);
	x.ev_ja = arena_printf(&in->arena, "ファームウェア: %s", x.fw);
	const struct distro_data *dd = &ctx->reg->distros;
	switch (fl->judge) {
	case FWJ_RELEASE_SERIES:
		judge_release_series(&x);
		break;
	case FWJ_MODEL_BRANCH:
		judge_model_branch(&x);
		break;
	case FWJ_MAJOR_CHANNEL:
		judge_major_channel(&x);
		break;
	case FWJ_NEWEST_RELEASE:
		/* With a build date, its age says more than the newest release. */
		if (dd->freshtomato.latest && !d->firmware_date.s)
			d_older(&x, x.fw, dd->freshtomato.latest, fl->name);
		else
			d_build_age(&x);
		break;
	case FWJ_BUILD_AGE:
		d_build_age(&x);   /* no releases, only builds */
		break;
	case FWJ_MODEL:   /* returned above */
		break;
	}
	return true;
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
	if (judge_distro(in, ctx)) {
		if (d->auto_update == TRI_NO)
			finding_add(in, ctx, "EL313", "default", item, -1, FST_WARN,
				    d->auto_update_line, "auto_update: false", ARGS_END);
		return;
	}
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
