/*
 * wifi_security.c — item 6-2, first half: the security mode of every
 * enabled access-point network, and WPS. Client (station) interfaces and
 * disabled networks are not the home Wi-Fi and are skipped.
 */
#include "checks.h"

#include <stdio.h>

#include "../../parsers/parsers.h"

/* Evidence line: what the input said about the mode. */
static const char *sec_evidence(struct input *in, const struct wifi_net *w)
{
	if (w->sec_label.s)
		return arena_printf(&in->arena, "security: %.80s", w->sec_label.s);
	return arena_printf(&in->arena, "security: %s", wifi_sec_name(w->sec));
}

static const char *ssid_of(const struct wifi_net *w)
{
	return w->ssid.s ? w->ssid.s : "?";
}

static void judge_net(struct input *in, const struct run_ctx *ctx,
		      const struct wifi_net *w)
{
	unsigned line = w->sec_label.line ? w->sec_label.line : w->line;
	const char *ev = sec_evidence(in, w);
	const char *ssid = ssid_of(w);
	switch (w->sec) {
	case WSEC_UNSET:
		finding_add(in, ctx, "EL206", "missing", ITEM_6_2, -1, FST_UNKNOWN,
			    w->line, NULL, "ssid", ssid, ARGS_END);
		return;
	case WSEC_UNKNOWN:
		finding_add(in, ctx, "EL206", "unreadable", ITEM_6_2, -1, FST_UNKNOWN,
			    line, ev, "ssid", ssid, ARGS_END);
		return;
	case WSEC_OPEN:
		finding_add(in, ctx, "EL201", "open", ITEM_6_2, -1, FST_FAIL, line, ev,
			    "ssid", ssid, ARGS_END);
		return;
	case WSEC_OWE:
		finding_add(in, ctx, "EL201", "owe", ITEM_6_2, -1, FST_FAIL, line, ev,
			    "ssid", ssid, ARGS_END);
		return;
	case WSEC_WEP:
		finding_add(in, ctx, "EL202", "default", ITEM_6_2, -1, FST_FAIL, line, ev,
			    "ssid", ssid, ARGS_END);
		return;
	case WSEC_WPA:
		finding_add(in, ctx, "EL203", "wpa", ITEM_6_2, -1, FST_FAIL, line, ev,
			    "ssid", ssid, ARGS_END);
		return;
	case WSEC_WPA_WPA2:
		finding_add(in, ctx, "EL203", "mixed", ITEM_6_2, -1, FST_FAIL, line, ev,
			    "ssid", ssid, ARGS_END);
		return;
	default:
		break;
	}
	input_item(in, ITEM_6_2, IST_PASS, NULL);
	if (w->cipher == WCIPH_TKIP || w->cipher == WCIPH_TKIP_AES) {
		unsigned cl = w->cipher_line ? w->cipher_line : line;
		finding_add(in, ctx, "EL204", "default", ITEM_6_2, -1, FST_WARN, cl,
			    arena_printf(&in->arena, "cipher: %s", wifi_cipher_name(w->cipher)),
			    "ssid", ssid, "cipher", wifi_cipher_name(w->cipher), ARGS_END);
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
	if (in->dev.wps == TRI_YES)
		finding_add(in, ctx, "EL205", "default", ITEM_6_2, -1, FST_WARN,
			    in->dev.wps_line, "wps_enabled: true", ARGS_END);
	if (active == 0)
		input_item(in, ITEM_6_2, in->dev.nwifi ? IST_NA : IST_UNKNOWN,
			   in->dev.nwifi ? "no-enabled-wifi" : "no-wifi-listed");
}
