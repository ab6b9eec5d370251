/*
 * nvram.c — Broadcom-style `nvram show` dumps (kind "nvram": ASUSWRT,
 * Merlin, Tenda, DD-WRT, Tomato). Only the probe is built so far; the
 * parser comes with its own issue.
 */
#include <string.h>

#include "parsers.h"

/* A line "key=value" whose key is made of [A-Za-z0-9_.:]. */
static bool nvram_pair(const char *ls, size_t len)
{
	size_t i = 0;
	while (i < len && ls[i] != '=') {
		char c = ls[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '.' || c == ':'))
			return false;
		i++;
	}
	return i > 0 && i < len;
}

static int nvram_probe(const char *head, size_t n)
{
	size_t pos = 0, len;
	const char *ls;
	int pairs = 0, wl = 0, other = 0;
	while (probe_line(head, n, &pos, &ls, &len)) {
		if (len == 0)
			continue;
		if (nvram_pair(ls, len)) {
			pairs++;
			if (probe_starts(ls, len, "wl", false) || probe_starts(ls, len, "lan_", false) ||
			    probe_starts(ls, len, "wan_", false) || probe_starts(ls, len, "productid=", false))
				wl++;
		} else {
			other++;
		}
	}
	if (wl >= 3 && pairs >= 10 && pairs > other * 4)
		return 60;
	return 0;
}

const struct parser parser_nvram = {
	.name = "nvram",
	.label = "nvram dump",
	.label_ja = "nvram ダンプ",
	.probe = nvram_probe,
	.parse = NULL,
	.feeds = {[ITEM_5_3] = true, [ITEM_6_2] = true},
	.home_router = true,
	.max_bytes = 16u << 20,
};
