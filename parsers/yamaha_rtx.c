/*
 * yamaha_rtx.c — YAMAHA RTX/NVR configuration (kind "yamaha-rtx"). Only
 * the probe is built so far; the parser comes with its own issue.
 */
#include <string.h>

#include "parsers.h"

/* "# RTX830 Rev.15.02.30 (…)" or "RTX1500 Rev.8.03.90 (…)" */
static bool rtx_header(const char *ls, size_t len)
{
	size_t i = 0;
	while (i < len && (ls[i] == '#' || ls[i] == ' ' || ls[i] == '\t'))
		i++;
	if (len - i < 3)
		return false;
	bool family = (memcmp(ls + i, "RTX", 3) == 0 || memcmp(ls + i, "NVR", 3) == 0 ||
		       memcmp(ls + i, "RT", 2) == 0 || memcmp(ls + i, "FWX", 3) == 0);
	if (!family)
		return false;
	while (i < len && ls[i] != ' ')
		i++;
	return len - i >= 5 && memcmp(ls + i, " Rev.", 5) == 0;
}

static int rtx_probe(const char *head, size_t n)
{
	size_t pos = 0, len;
	const char *ls;
	int hits = 0;
	while (probe_line(head, n, &pos, &ls, &len)) {
		if (rtx_header(ls, len))
			return 90;
		if (probe_starts(ls, len, "ip filter ", false) ||
		    probe_starts(ls, len, "pp select ", false) ||
		    probe_starts(ls, len, "ip lan1 address ", false) ||
		    probe_starts(ls, len, "ip lan2 address ", false) ||
		    probe_starts(ls, len, "ipv6 filter ", false) ||
		    probe_starts(ls, len, "nat descriptor ", false) ||
		    probe_starts(ls, len, "tunnel select ", false))
			hits++;
	}
	return hits >= 2 ? 70 : hits ? 40 : 0;
}

const struct parser parser_yamaha_rtx = {
	.name = "yamaha-rtx",
	.label = "YAMAHA RTX/NVR",
	.label_ja = "YAMAHA RTX/NVR",
	.probe = rtx_probe,
	.parse = NULL,
	.feeds = {[ITEM_3_2] = true, [ITEM_5_4] = true},
	.max_bytes = 64u << 20,
};
