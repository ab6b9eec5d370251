/*
 * hijack.c — item 5-3: signs that a home router is used by an attacker as
 * a relay (issue 14 §3).
 *
 * On 2023-03-28 the Tokyo Metropolitan Police Department (警視庁) warned
 * that attackers take over home routers and use them to hide the origin
 * of attacks, and added to the usual advice (change the initial ID and
 * password, keep the firmware current, replace routers out of support):
 * check the admin page regularly for VPN settings (「VPN機能設定」) and VPN
 * accounts, DDNS settings (「DDNS機能設定」) and remote access to the admin
 * page you did not make; if there is one, reset the router, update its
 * firmware and change its password ("家庭用ルーターの不正利用に関する
 * 注意喚起", www.keishicho.metro.tokyo.lg.jp/kurashi/cyber/joho/router.html;
 * reported the same day by Impress INTERNET Watch, "警視庁が家庭用ルーター
 * の使用に注意喚起、「見覚えのない設定変更」がないか定期的に確認を",
 * internet.watch.impress.co.jp/docs/news/1488918.html, and PHILE WEB
 * 2023/03/28). The remote-access part is EL110 (exposure_home.c); this check
 * reports the rest from what the parsers put in device.signs and
 * device.admin_pw_default: each is a warning, since the owner may well
 * have set it up, and the message asks them to make sure.
 */
#include "checks.h"

#include <stdio.h>
#include <string.h>

#define SIGN_NAMES_SHOWN 10     /* account names listed in a message */

/* "a, b, c" or "a, b, c and 4 more" (ja: "a、b、c ほか 4 個"); names
 * equal to a secret of the input show as the mask. */
static const char *names_text(struct input *in, const struct home_sign *g, bool ja)
{
	struct strbuf sb;
	sb_init(&sb, FINDING_ARG_MAX);
	size_t shown = g->nnames < SIGN_NAMES_SHOWN ? g->nnames : SIGN_NAMES_SHOWN;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < shown; i++)
		rc = sb_printf(&sb, "%s%s", i ? (ja ? "、" : ", ") : "", home_sign_name(in, g->names[i]));
	if (rc == 0 && g->naccounts > shown)
		rc = ja ? sb_printf(&sb, " ほか %zu 個", g->naccounts - shown)
			: sb_printf(&sb, " and %zu more", g->naccounts - shown);
	const char *r = rc == 0 ? arena_strdup(&in->arena, sb_str(&sb)) : NULL;
	sb_free(&sb);
	return r;
}

static void sign_finding(struct input *in, const struct run_ctx *ctx, const struct home_sign *g)
{
	char count[32];
	snprintf(count, sizeof(count), "%zu", g->naccounts);
	const char *what_ja = g->what_ja ? g->what_ja : g->what;
	switch (g->kind) {
	case HSIGN_VPN_SERVER:
		if (g->needs_accounts && g->naccounts == 0)
			return;
		if (g->nnames) {
			const char *n = names_text(in, g, false), *nj = names_text(in, g, true);
			if (!n || !nj) {
				input_nomem(in, g->line);
				return;
			}
			finding_add(in, ctx, "EL320", "accounts", ITEM_5_3, -1, FST_WARN, g->line,
				    g->evidence, "what", g->what, "what_ja", what_ja, "count", count,
				    "names", n, "names_ja", nj, ARGS_END);
		} else if (g->naccounts) {
			finding_add(in, ctx, "EL320", "peers", ITEM_5_3, -1, FST_WARN, g->line,
				    g->evidence, "what", g->what, "what_ja", what_ja, "count", count,
				    ARGS_END);
		} else if (g->what) {
			finding_add(in, ctx, "EL320", "default", ITEM_5_3, -1, FST_WARN, g->line,
				    g->evidence, "what", g->what, "what_ja", what_ja, ARGS_END);
		} else {
			finding_add(in, ctx, "EL320", "plain", ITEM_5_3, -1, FST_WARN, g->line,
				    g->evidence, ARGS_END);
		}
		return;
	case HSIGN_VPN_ACCOUNTS: {
		if (!g->what)
			return;   /* parsers name where the accounts are */
		const char *n = names_text(in, g, false), *nj = names_text(in, g, true);
		if (!n || !nj) {
			input_nomem(in, g->line);
			return;
		}
		finding_add(in, ctx, "EL321", "default", ITEM_5_3, -1, FST_WARN, g->line, g->evidence,
			    "what", g->what, "what_ja", what_ja, "count", count, "names", n,
			    "names_ja", nj, ARGS_END);
		return;
	}
	case HSIGN_DDNS:
		if (g->what)
			finding_add(in, ctx, "EL322", "default", ITEM_5_3, -1, FST_WARN, g->line,
				    g->evidence, "what", g->what, "what_ja", what_ja, ARGS_END);
		else
			finding_add(in, ctx, "EL322", "plain", ITEM_5_3, -1, FST_WARN, g->line,
				    g->evidence, ARGS_END);
		return;
	case HSIGN_ADMIN_ACCOUNT:
		if (!g->what)
			return;   /* parsers name the account */
		finding_add(in, ctx, "EL323", "default", ITEM_5_3, -1, FST_WARN, g->line, g->evidence,
			    "name", home_sign_name(in, g->what), ARGS_END);
		return;
	}
}

void check_hijack(struct input *in, const struct run_ctx *ctx)
{
	if (!in->kind || !in->kind->home_router || !in->has_device)
		return;
	for (const struct home_sign *g = in->dev.signs; g; g = g->next)
		sign_finding(in, ctx, g);
	/* Remote access to the admin page is the notice's third point
	 * (EL110, exposure_home.c). Where the input leaves it unsaid — an OpenWrt
	 * release or Wi-Fi file without /etc/config/firewall, a facts file
	 * without remote_admin: ("a missing value is reported as unknown",
	 * the template) — 5-3 has an unknown part, so a firmware pass or a
	 * warning does not hide it (issue 14 §5). Other kinds say it or
	 * have a firmware default the parser applies (input_kind
	 * exposure_in_own_file says which). */
	const struct device *d = &in->dev;
	if (d->remote_admin == TRI_UNSET && d->wan != TRI_NO &&
	    (in->kind->hand_filled || in->kind->exposure_in_own_file))
		input_item(in, ITEM_5_3, IST_UNKNOWN, "no-admin-access-setting");
	if (in->dev.admin_pw_default == TRI_YES)
		finding_add(in, ctx, "EL324", "default", ITEM_5_3, -1, FST_WARN,
			    in->dev.admin_pw_default_line, NULL, ARGS_END);
}
