/*
 * openwrt.c — OpenWrt UCI wireless configuration (kind "openwrt"). Only
 * the probe is built so far; the parser comes with its own issue.
 */
#include <string.h>

#include "parsers.h"

static int openwrt_probe(const char *head, size_t n)
{
	size_t pos = 0, len;
	const char *ls;
	while (probe_line(head, n, &pos, &ls, &len))
		if (probe_starts(ls, len, "config wifi-iface", true) ||
		    probe_starts(ls, len, "config wifi-device", true))
			return 85;
	return 0;
}

const struct parser parser_openwrt = {
	.name = "openwrt",
	.label = "OpenWrt UCI",
	.label_ja = "OpenWrt UCI",
	.probe = openwrt_probe,
	.parse = NULL,
	.feeds = {[ITEM_5_3] = true, [ITEM_6_2] = true},
	.home_router = true,
	.max_bytes = 16u << 20,
};
