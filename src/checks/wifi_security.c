/*
 * wifi_security.c — item 6-2, first half: the security mode of every
 * enabled access-point network, and WPS. Client (station) interfaces and
 * disabled networks are not the home Wi-Fi and are skipped.
 *
 * Item 6-2 as MIC's 無線LAN(Wi-Fi)のセキュリティに関するガイドライン reads
 * (home manual, 自宅Wi-Fi利用者向け簡易マニュアル, 2024/2025 editions,
 * https://www.soumu.go.jp/main_sosiki/cybersecurity/wifi/ ; its five
 * points as summarised in https://kannaikaikei.jp/news/14554: choose WPA2
 * or WPA3, a password hard to guess, a router within its support period,
 * current firmware, check the settings periodically) — issue 15 §2:
 *  - the mode: open, OWE, WEP and anything that still accepts WPA1 fail;
 *  - the cipher: only TKIP fails (EL207: the guideline and the police ask
 *    for AES); TKIP beside AES is a warning (EL204). Both are reported
 *    beside EL203 "mixed" too (the cipher is a separate setting to fix),
 *    not beside WPA1 alone (its fix is the mode);
 *  - WPA3: SAE needs PMF (802.11w). Off -> EL208 "pmf-off"; optional on a
 *    WPA3-only network -> EL208 "pmf-optional" (WPA3-Personal only mode
 *    requires it; optional is the transition-mode setting). Transition
 *    mode passes with an EL208 "transition" note (the WPA2 side stays open
 *    to offline guessing). A PMF the input does not state (WPMF_UNSET) is
 *    not reported;
 *  - 6 GHz: WPA3 only with PMF required (Wi-Fi Alliance; hostapd refuses
 *    otherwise): EL209 instead of the EL208 findings there.
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

/* Modes that fail item 6-2 on their own, and the rule and message for
 * each: for a router's own network, and for a network a capture saw
 * (judge_capture_net, below). */
static const struct {
	enum wifi_sec sec;
	const char *rule, *variant;
	const char *seen_rule, *seen_variant;
} failing_modes[] = {
	{WSEC_OPEN, "EL201", "open", "EL265", "open"},
	{WSEC_OWE, "EL201", "owe", "EL265", "owe"},
	{WSEC_WEP, "EL202", "default", "EL266", "wep"},
	{WSEC_WPA, "EL203", "wpa", "EL266", "wpa"},
	{WSEC_WPA_WPA2, "EL203", "mixed", "EL266", "mixed"},
};

/* EL207 (TKIP only: fail) or EL204 (TKIP beside AES: warning). */
static void judge_cipher(struct input *in, const struct run_ctx *ctx, const struct wifi_net *w,
			 unsigned line, const char *ssid)
{
	if (w->cipher != WCIPH_TKIP && w->cipher != WCIPH_TKIP_AES)
		return;
	bool only = w->cipher == WCIPH_TKIP;
	unsigned cl = w->cipher_line ? w->cipher_line : line;
	struct finding *f = finding_add(in, ctx, only ? "EL207" : "EL204", "default", ITEM_6_2, -1,
					only ? FST_FAIL : FST_WARN, cl,
					arena_printf(&in->arena, "cipher: %s",
						     wifi_cipher_name(w->cipher)),
					"ssid", ssid, "cipher", wifi_cipher_name(w->cipher), ARGS_END);
	finding_evidence_ours(f, SIZE_MAX);
	finding_evidence_ja(in, f,
			    arena_printf(&in->arena, "暗号方式: %s", wifi_cipher_name(w->cipher)),
			    SIZE_MAX);
}

/* Whether a band as the parsers keep it ("6GHz", OpenWrt "6g", RouterOS
 * "6ghz-ax", a facts file's "6 GHz") is the 6 GHz band (not "60GHz"). */
static bool band_is_6ghz(const char *b)
{
	if (!b || b[0] != '6')
		return false;
	size_t i = 1;
	while (b[i] == ' ')
		i++;
	return b[i] == 'g' || b[i] == 'G';
}

static const char *pmf_name(enum wifi_pmf p)
{
	return p == WPMF_OFF ? "off" : p == WPMF_OPTIONAL ? "optional" : "required";
}

static const char *pmf_name_ja(enum wifi_pmf p)
{
	return p == WPMF_OFF ? "無効" : p == WPMF_OPTIONAL ? "任意" : "必須";
}

/* A finding about PMF, its evidence "PMF: off" in our words. */
static void pmf_finding(struct input *in, const struct run_ctx *ctx, const struct wifi_net *w,
			const char *rule, const char *variant, enum fstatus st, unsigned line,
			const char *ssid)
{
	unsigned pl = w->pmf_line ? w->pmf_line : line;
	struct finding *f = finding_add(in, ctx, rule, variant, ITEM_6_2, -1, st, pl,
					arena_printf(&in->arena, "PMF: %s", pmf_name(w->pmf)),
					"ssid", ssid, ARGS_END);
	finding_evidence_ours(f, SIZE_MAX);
	finding_evidence_ja(in, f, arena_printf(&in->arena, "PMF: %s", pmf_name_ja(w->pmf)),
			    SIZE_MAX);
}

static bool sae_modes(enum wifi_sec s)
{
	return s == WSEC_WPA3 || s == WSEC_WPA2_WPA3;
}

/* SAE without PMF, and the transition-mode note (outside 6 GHz). */
static void judge_wpa3(struct input *in, const struct run_ctx *ctx, const struct wifi_net *w,
		       unsigned line, const char *ssid)
{
	if (!sae_modes(w->sec))
		return;
	if (w->pmf == WPMF_OFF)
		pmf_finding(in, ctx, w, "EL208", "pmf-off", FST_WARN, line, ssid);
	else if (w->pmf == WPMF_OPTIONAL && w->sec == WSEC_WPA3)
		pmf_finding(in, ctx, w, "EL208", "pmf-optional", FST_WARN, line, ssid);
	if (w->sec == WSEC_WPA2_WPA3)
		sec_evidence_ours(in, finding_add(in, ctx, "EL208", "transition", ITEM_6_2, SEV_INFO,
						  FST_PASS, line, sec_evidence(in, w), "ssid", ssid,
						  ARGS_END),
				  w);
}

/* 6 GHz: WPA3 (or WPA3-Enterprise) only, PMF required. Modes that fail on
 * their own (open, OWE, WEP, WPA1) were reported already. */
static void judge_6ghz(struct input *in, const struct run_ctx *ctx, const struct wifi_net *w,
		       unsigned line, const char *ssid)
{
	if (w->sec == WSEC_WPA2 || w->sec == WSEC_WPA2_WPA3 || w->sec == WSEC_WPA2_ENT) {
		sec_evidence_ours(in, finding_add(in, ctx, "EL209", "not-wpa3", ITEM_6_2, -1,
						  FST_FAIL, line, sec_evidence(in, w), "ssid", ssid,
						  ARGS_END),
				  w);
		return;
	}
	if ((w->sec == WSEC_WPA3 || w->sec == WSEC_WPA3_ENT) &&
	    (w->pmf == WPMF_OFF || w->pmf == WPMF_OPTIONAL))
		pmf_finding(in, ctx, w, "EL209", "pmf", FST_FAIL, line, ssid);
}

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
			if (w->sec == WSEC_WPA_WPA2)
				judge_cipher(in, ctx, w, line, ssid);
			return;
		}
	}
	input_item(in, ITEM_6_2, IST_PASS, NULL);
	judge_cipher(in, ctx, w, line, ssid);
	if (band_is_6ghz(w->band.s)) {
		judge_6ghz(in, ctx, w, line, ssid);
		return;
	}
	judge_wpa3(in, ctx, w, line, ssid);
}

/* ---- networks a capture saw (issue 16 §4) ----------------------------------
 * A capture's beacons and probe responses say how each network nearby is
 * protected; item 6-2 also covers the public Wi-Fi a teleworker joins
 * (MIC's telework security guideline, 6-2; the Wi-Fi guideline's advice
 * for public hotspots: no open or WEP networks, a VPN on any other). The
 * same modes fail as for a router's own networks (failing_modes above,
 * its seen_ columns):
 * open (EL265), OWE — encrypted, but no one is authenticated, the access
 * point included (EL265 owe) — WEP, WPA1, WPA/WPA2 mixed and TKIP
 * (EL266). WPA2 and WPA3 pass and are said as such (EL267: WPA2 without
 * PMF, WPA2 with it, transition mode, WPA3, Enterprise); suites edgelint
 * does not know leave the item unknown (EL268). The networks the
 * capture's data frames belong to (by BSSID) are named (EL269). */

/* EL267's variant for a mode that passes. */
static const char *capture_pass_variant(const struct traffic_wlan *w)
{
	switch (w->sec) {
	case WSEC_WPA2: return w->pmf == WPMF_OFF ? "wpa2-no-pmf" : "wpa2-pmf";
	case WSEC_WPA2_WPA3: return "transition";
	case WSEC_WPA3: return "wpa3";
	default: return "enterprise";
	}
}

/* "security: wpa2-personal, PMF: off" and its Japanese, ours. */
static void capture_evidence(struct input *in, struct finding *f, const struct traffic_wlan *w)
{
	finding_evidence_ours(f, SIZE_MAX);
	if (w->pmf == WPMF_UNSET)
		finding_evidence_ja(in, f,
				    arena_printf(&in->arena, "セキュリティ: %s", wifi_sec_name(w->sec)),
				    SIZE_MAX);
	else
		finding_evidence_ja(in, f,
				    arena_printf(&in->arena, "セキュリティ: %s、PMF: %s",
						 wifi_sec_name(w->sec), pmf_name_ja(w->pmf)),
				    SIZE_MAX);
}

static void judge_capture_net(struct input *in, const struct run_ctx *ctx,
			      const struct traffic_wlan *w)
{
	/* A hidden network: said as such, with the name a probe response gave */
	const char *ssid = !w->ssid    ? "(hidden)"
			   : w->hidden ? arena_printf(&in->arena, "%s (hidden in its beacons)", w->ssid)
				       : w->ssid;
	const char *ssid_ja = !w->ssid    ? "（非公開）"
			      : w->hidden ? arena_printf(&in->arena, "%s（ビーコンでは非公開）", w->ssid)
					  : NULL;
	const char *ev = w->pmf == WPMF_UNSET
				 ? arena_printf(&in->arena, "security: %s", wifi_sec_name(w->sec))
				 : arena_printf(&in->arena, "security: %s, PMF: %s", wifi_sec_name(w->sec),
						pmf_name(w->pmf));
	unsigned line = (unsigned)w->packet;
	const char *rule = NULL, *variant = NULL;
	enum fstatus st = FST_PASS;
	int sev = SEV_INFO;
	for (size_t i = 0; i < ARRAY_SIZE(failing_modes); i++)
		if (failing_modes[i].sec == w->sec) {
			rule = failing_modes[i].seen_rule;
			variant = failing_modes[i].seen_variant;
			st = FST_FAIL;
			sev = -1;
		}
	if (!rule && w->tkip) {
		rule = "EL266";
		variant = "tkip";
		st = FST_FAIL;
		sev = -1;
	}
	if (!rule && w->sec == WSEC_UNKNOWN) {
		rule = "EL268";
		variant = "default";
		st = FST_UNKNOWN;
		sev = -1;
	}
	if (!rule) {
		rule = "EL267";
		variant = capture_pass_variant(w);
		input_item(in, ITEM_6_2, IST_PASS, NULL);
	}
	capture_evidence(in,
			 check_at_packet(finding_add(in, ctx, rule, variant, ITEM_6_2, sev, st, line,
						     ev, "ssid", ssid, "ssid_ja", ssid_ja, "bssid",
						     w->bssid, ARGS_END)),
			 w);
	if (w->data_frames)
		check_at_packet(finding_add(in, ctx, "EL269",
					    w->protected_frames ? "encrypted" : "readable", ITEM_6_2, -1,
					    FST_PASS, line, NULL, "ssid", ssid, "ssid_ja", ssid_ja,
					    "bssid", w->bssid, "frames",
					    check_u64s(in, w->data_frames), "encrypted",
					    check_u64s(in, w->protected_frames), ARGS_END));
}

static void check_capture_wifi(struct input *in, const struct run_ctx *ctx)
{
	const struct traffic *t = in->traffic;
	for (size_t i = 0; t && i < t->nwlans; i++)
		judge_capture_net(in, ctx, &t->wlans[i]);
}

void check_wifi_security(struct input *in, const struct run_ctx *ctx)
{
	check_capture_wifi(in, ctx);
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
