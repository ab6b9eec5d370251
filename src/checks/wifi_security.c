/*
 * wifi_security.c — item 6-2, first half: the security mode of every
 * enabled access-point network, and WPS. Client (station) interfaces and
 * disabled networks are not the home Wi-Fi and are skipped.
 */
#include "checks.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>


/* Evidence line: what the input said about the mode. */
static const char *sec_evidence(struct input *in, const struct wifi_net *w)
{
	if (w->sec_label.s)
		return arena_printf(&in->arena, "security: %s", w->sec_label.s);
	return arena_printf(&in->arena, "security: %s", wifi_sec_name(w->sec));
}

/* Marks the words of sec_evidence() that are ours (all of it when the
 * label is our name for the mode), and says them in Japanese. */
static void sec_evidence_ours(struct input *in, struct finding *f, const struct wifi_net *w)
{
	static const char ja[] = "セキュリティ: ";
	finding_evidence_ours(f, w->sec_label.s ? strlen("security: ") : SIZE_MAX);
	finding_evidence_ja(in, f,
			    arena_printf(&in->arena, "%s%s", ja,
					 w->sec_label_ja  ? w->sec_label_ja
					 : w->sec_label.s ? w->sec_label.s
							  : wifi_sec_name(w->sec)),
			    w->sec_label.s ? strlen(ja) : SIZE_MAX);
}

/* Modes that fail item 6-2 on their own, and the rule and message for each. */
static const struct {
	enum wifi_sec sec;
	const char *rule, *variant;
} failing_modes[] = {
	{WSEC_OPEN, "EL201", "open"},   {WSEC_OWE, "EL201", "owe"},
	{WSEC_WEP, "EL202", "default"}, {WSEC_WPA, "EL203", "wpa"},
	{WSEC_WPA_WPA2, "EL203", "mixed"},
};

static void judge_net(struct input *in, const struct run_ctx *ctx,
		      const struct wifi_net *w)
{
	unsigned line = w->sec_label.line ? w->sec_label.line : w->line;
	const char *ev = sec_evidence(in, w);
	/* Not an SSID equal to a passphrase (model.h). */
	const char *ssid = wifi_net_shown_ssid(in, w);
	if (w->sec == WSEC_UNSET || w->sec == WSEC_UNKNOWN) {
		bool unset = w->sec == WSEC_UNSET;
		sec_evidence_ours(in, finding_add(in, ctx, "EL206", unset ? "missing" : "unreadable",
					      ITEM_6_2, -1, FST_UNKNOWN, unset ? w->line : line,
					      unset ? NULL : ev, "ssid", ssid, ARGS_END),
				  w);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(failing_modes); i++) {
		if (failing_modes[i].sec == w->sec) {
			sec_evidence_ours(in, finding_add(in, ctx, failing_modes[i].rule,
						      failing_modes[i].variant, ITEM_6_2, -1,
						      FST_FAIL, line, ev, "ssid", ssid, ARGS_END),
					  w);
			return;
		}
	}
	input_item(in, ITEM_6_2, IST_PASS, NULL);
	if (w->cipher == WCIPH_TKIP || w->cipher == WCIPH_TKIP_AES) {
		unsigned cl = w->cipher_line ? w->cipher_line : line;
		struct finding *f =
			finding_add(in, ctx, "EL204", "default", ITEM_6_2, -1, FST_WARN, cl,
				    arena_printf(&in->arena, "cipher: %s",
						 wifi_cipher_name(w->cipher)),
				    "ssid", ssid, "cipher", wifi_cipher_name(w->cipher), ARGS_END);
		finding_evidence_ours(f, SIZE_MAX);
		finding_evidence_ja(in, f,
				    arena_printf(&in->arena, "暗号方式: %s", wifi_cipher_name(w->cipher)),
				    SIZE_MAX);
	}
}

void check_wifi_security(struct input *in, const struct run_ctx *ctx)
{
	if (!in->kind || !in->kind->feeds[ITEM_6_2])
		return;
	size_t active = 0;
	for (const struct wifi_net *w = in->dev.wifi; w; w = w->next) {
		if (!w->enabled || !w->is_ap)
			continue;
		active++;
		judge_net(in, ctx, w);
	}
	/* EL205 is about the WPS PIN (its rationale: a PIN can be guessed):
	 * WPS known to offer no PIN (RouterOS: push-button only) is not
	 * reported; a PIN on, or not ruled out, is. */
	if (in->dev.wps == TRI_YES && in->dev.wps_pin != TRI_NO) {
		bool facts = in->kind->hand_filled;
		struct finding *f = finding_add(in, ctx, "EL205", "default", ITEM_6_2, -1, FST_WARN,
						in->dev.wps_line,
						facts ? "wps_enabled: true" : "WPS: on", ARGS_END);
		if (!facts)   /* the facts file's own key and value stay as they are */
			finding_evidence_ja(in, f, "WPS: 有効", SIZE_MAX);
	}
	if (active == 0) {
		bool facts = in->kind->hand_filled;
		input_item(in, ITEM_6_2, in->dev.nwifi ? IST_NA : IST_UNKNOWN,
			   in->dev.nwifi ? "no-enabled-wifi"
			   : facts       ? "no-wifi-listed"
					 : "no-wifi-in-input");
	}
}
