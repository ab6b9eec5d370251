/*
 * hostapd.c — hostapd.conf (kind "hostapd"). Only the probe is built so
 * far; the parser comes with its own issue.
 */
#include <string.h>

#include "parsers.h"

static int hostapd_probe(const char *head, size_t n)
{
	static const char *const keys[] = {
		"interface=", "driver=", "ssid=", "hw_mode=", "channel=", "wpa=",
		"wpa_passphrase=", "wpa_key_mgmt=", "rsn_pairwise=", "wpa_pairwise=",
		"ctrl_interface=", "auth_algs=", "sae_password=", "ieee80211n=",
		"ieee80211w=", "macaddr_acl=", NULL};
	size_t pos = 0, len;
	const char *ls;
	int hits = 0;
	while (probe_line(head, n, &pos, &ls, &len))
		for (size_t k = 0; keys[k]; k++)
			if (probe_starts(ls, len, keys[k], false))
				hits++;
	return hits >= 2 ? 65 : 0;
}

const struct parser parser_hostapd = {
	.name = "hostapd",
	.label = "hostapd.conf",
	.label_ja = "hostapd.conf",
	.probe = hostapd_probe,
	.parse = NULL,
	.feeds = {[ITEM_6_2] = true},
	.home_router = true,
	.max_bytes = 16u << 20,
};
