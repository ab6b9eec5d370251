/*
 * passphrase_strength.c — item 6-2, second half: whether an outsider could
 * guess the passphrase of each enabled access point that uses one.
 * The judging itself is src/passphrase.c; this file maps its verdict to
 * rules. Messages say why, never what the passphrase is.
 */
#include "checks.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../passphrase.h"

#define CONTEXT_MAX 4

/* The evidence of a passphrase finding is all our words ("passphrase:
 * (hidden, 12 characters)"): never searched for secrets, and said in
 * Japanese too. f may be NULL. */
static void pass_evidence(struct input *in, size_t length, struct finding *f)
{
	finding_evidence_ours(f, SIZE_MAX);
	finding_evidence_ja(in, f, arena_printf(&in->arena, "パスフレーズ: （非表示、%zu 文字）", length),
			    SIZE_MAX);
}

/* Maps a weak reason to its rule id. */
static const char *weak_rule(enum pass_reason r)
{
	switch (r) {
	case PR_INVALID_SHORT:
	case PR_INVALID_LONG:
		return "EL251";
	case PR_SHORT:
		return "EL252";
	case PR_BLOCKLIST:
		return "EL253";
	case PR_CONTEXT_WORD:
		return "EL255";
	case PR_LOW_ENTROPY:
		return "EL256";
	default:
		return "EL254";   /* the patterns: one variant each */
	}
}

/* EL259: the admin says the key in use is the one on the router's label
 * (facts passphrase_from_label: yes). MIC's Wi-Fi guideline (home manual)
 * warns against a router used with its factory settings: a warning; with
 * the maker's factory network name (rules/default-ssids.yaml) and an admin
 * password never changed (device.admin_pw_default), the router runs on its
 * factory settings: a failure. The evidence is the facts file's own key. */
static void label_key_finding(struct input *in, const struct run_ctx *ctx,
			      const struct wifi_net *w, const char *ssid,
			      const struct default_ssid *ds)
{
	unsigned line = w->label_key_line ? w->label_key_line : w->line;
	if (ds && in->dev.admin_pw_default == TRI_YES)
		finding_add(in, ctx, "EL259", "factory-settings", ITEM_6_2, SEV_HIGH, FST_FAIL, line,
			    "passphrase_from_label: yes", "ssid", ssid, "maker", ds->maker, ARGS_END);
	else
		finding_add(in, ctx, "EL259", "label", ITEM_6_2, -1, FST_WARN, line,
			    "passphrase_from_label: yes", "ssid", ssid, ARGS_END);
}

static void judge_one(struct input *in, const struct run_ctx *ctx,
		      const struct wifi_net *w, const struct pass_config *cfg)
{
	/* An SSID equal to a passphrase is not printed (model.h). */
	const char *ssid = wifi_net_shown_ssid(in, w);
	/* The factory network name is supporting evidence (issue 15 §2). */
	const struct default_ssid *ds = default_ssid_find(ctx->reg, w->ssid.s);
	if (w->label_key == WLK_YES)
		label_key_finding(in, ctx, w, ssid, ds);
	if (!w->pass) {
		finding_add(in, ctx, "EL258", "missing", ITEM_6_2, -1, FST_UNKNOWN, w->line,
			    NULL, "ssid", ssid, ARGS_END);
		return;
	}
	const char *context[CONTEXT_MAX];
	size_t nc = 0;
	if (w->ssid.s)
		context[nc++] = w->ssid.s;
	if (in->dev.vendor_display)
		context[nc++] = in->dev.vendor_display;
	if (in->dev.model.s)
		context[nc++] = in->dev.model.s;
	context[nc] = NULL;

	struct pass_result res;
	pass_judge(w->pass, w->pass_len, context, cfg, &res);
	char len[24], minb[24], bits[24], minl[24];
	snprintf(len, sizeof(len), "%zu", res.length);
	snprintf(minl, sizeof(minl), "%u", cfg->min_length);
	snprintf(bits, sizeof(bits), "%.0f", res.bits);
	snprintf(minb, sizeof(minb), "%.0f", cfg->fail_below_bits);
	const char *ev = arena_printf(&in->arena, "passphrase: (hidden, %zu characters)",
				      res.length);
	unsigned line = w->pass_line ? w->pass_line : w->line;
	/* The passphrase is the network's own name, which the network
	 * broadcasts: that is the weakness to report, whatever else the
	 * judge found, and neither is printed (issue 11 §2). */
	if (w->ssid.s && strlen(w->ssid.s) == w->pass_len &&
	    strncasecmp(w->ssid.s, w->pass, w->pass_len) == 0) {
		pass_evidence(in, res.length, finding_add(in, ctx, "EL255", "equals-ssid", ITEM_6_2, -1,
						  FST_FAIL, line, ev, ARGS_END));
		return;
	}
	switch (res.verdict) {
	case PASS_STRONG:
		input_item(in, ITEM_6_2, IST_PASS, NULL);
		return;
	case PASS_UNKNOWN:
		pass_evidence(in, res.length, finding_add(in, ctx, "EL258",
						  res.reason == PR_ENCRYPTED ? "encrypted" : "empty",
						  ITEM_6_2, -1, FST_UNKNOWN, line, ev, "ssid", ssid,
						  ARGS_END));
		return;
	case PASS_FACTORY_LIKE:
		/* EL257 guesses from the shape what the admin can say: with
		 * passphrase_from_label given, EL259 (yes) or nothing (no: the
		 * key was changed, and is judged strong otherwise) replaces it,
		 * so the same key is never reported twice. */
		if (w->label_key == WLK_NO)
			input_item(in, ITEM_6_2, IST_PASS, NULL);
		if (w->label_key != WLK_UNSET)
			return;
		pass_evidence(in, res.length,
			      finding_add(in, ctx, "EL257", ds ? "default-ssid" : "default", ITEM_6_2,
					  -1, FST_WARN, line, ev, "ssid", ssid, "maker",
					  ds ? ds->maker : "", ARGS_END));
		return;
	case PASS_WEAK: {
		const char *rule = weak_rule(res.reason);
		const char *variant = "default";
		if (strcmp(rule, "EL251") == 0 || strcmp(rule, "EL254") == 0)
			variant = pass_reason_name(res.reason);
		pass_evidence(in, res.length, finding_add(in, ctx, rule, variant, ITEM_6_2, -1, FST_FAIL,
						  line, ev, "ssid", ssid, "length", len, "min",
						  minl, "bits", bits, "min_bits", minb, ARGS_END));
		return;
	}
	}
}

/* EL118: an account of an office router or firewall whose clear-text
 * password is its own user name (the parsers compare them: YAMAHA `pp
 * auth username`, ASA `username … password` not hashed). Neither is
 * printed: the evidence names the command only. */
static void same_logins(struct input *in, const struct run_ctx *ctx)
{
	static const char *const variant[] = {[ACCT_VPN] = "vpn-user", [ACCT_LOCAL] = "local-user",
					      [ACCT_ROUTER_LOGIN] = "router-login"};
	for (const struct same_login *l = in->dev.same_logins; l; l = l->next) {
		struct finding *f = finding_add(
			in, ctx, "EL118", variant[l->acct], ITEM_3_2, -1,
			FST_FAIL, l->line,
			arena_printf(&in->arena, "%s (user name and password hidden)", l->command),
			ARGS_END);
		finding_evidence_ours(f, SIZE_MAX);
		finding_evidence_ja(in, f,
				    arena_printf(&in->arena, "%s（ユーザー名とパスワードは非表示）",
						 l->command),
				    SIZE_MAX);
	}
}

void check_passphrase_strength(struct input *in, const struct run_ctx *ctx)
{
	same_logins(in, ctx);
	if (!in->kind || !in->kind->feeds[ITEM_6_2])
		return;
	struct pass_config cfg = ctx->reg->pass;
	if (ctx->pol->passphrase_min_length_set)
		cfg.min_length = ctx->pol->passphrase_min_length;
	for (const struct wifi_net *w = in->dev.wifi; w; w = w->next) {
		if (!w->enabled || !w->is_ap || !wifi_sec_is_personal(w->sec))
			continue;
		judge_one(in, ctx, w, &cfg);
	}
}
