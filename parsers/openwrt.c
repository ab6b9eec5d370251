/*
 * openwrt.c — OpenWrt (kind "openwrt"): UCI /etc/config/wireless and
 * /etc/config/firewall, /etc/openwrt_release, /etc/os-release and the JSON
 * of `ubus call system board`. The files of one router given together, an
 * unpacked backup directory or a backup archive are one input (see
 * src/bundle.c); the parser reads each part by its content.
 * Only the probe and the roles are built so far.
 */
#define _GNU_SOURCE
#include <string.h>

#include "parsers.h"

enum owrt_role { OR_NONE, OR_WIRELESS, OR_FIREWALL, OR_RELEASE, OR_OS_RELEASE, OR_BOARD };

static int openwrt_role(const char *head, size_t n)
{
	size_t pos = 0, len;
	const char *ls;
	bool json = false, board = false, release = false;
	while (probe_line(head, n, &pos, &ls, &len)) {
		if (probe_starts(ls, len, "config wifi-iface", true) ||
		    probe_starts(ls, len, "config wifi-device", true))
			return OR_WIRELESS;
		if (probe_starts(ls, len, "config zone", true) ||
		    probe_starts(ls, len, "config redirect", true) ||
		    probe_starts(ls, len, "config forwarding", true) ||
		    probe_starts(ls, len, "config defaults", true))
			return OR_FIREWALL;
		if (probe_starts(ls, len, "DISTRIB_ID=", false) ||
		    probe_starts(ls, len, "DISTRIB_RELEASE=", false))
			return OR_RELEASE;
		if (probe_starts(ls, len, "OPENWRT_RELEASE=", false) ||
		    probe_starts(ls, len, "ID=\"openwrt\"", false) ||
		    probe_starts(ls, len, "ID=openwrt", false) ||
		    probe_starts(ls, len, "ID='openwrt'", false))
			return OR_OS_RELEASE;
		if (probe_starts(ls, len, "{", true))
			json = true;
		if (json && memmem(ls, len, "\"board_name\"", 12))
			board = true;
		if (json && memmem(ls, len, "\"release\"", 9))
			release = true;
	}
	return board && release ? OR_BOARD : OR_NONE;
}

static int openwrt_probe(const char *head, size_t n)
{
	return openwrt_role(head, n) ? 85 : 0;
}

const struct parser parser_openwrt = {
	.name = "openwrt",
	.label = "OpenWrt configuration",
	.label_ja = "OpenWrt の設定",
	.probe = openwrt_probe,
	.role = openwrt_role,
	.parse = NULL,
	.feeds = {[ITEM_5_3] = true, [ITEM_6_2] = true},
	.home_router = true,
	.max_bytes = 16u << 20,
};
