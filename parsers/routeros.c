/*
 * routeros.c — MikroTik RouterOS `/export` (kind "routeros"). Only the
 * probe is built so far.
 */
#define _GNU_SOURCE
#include <string.h>

#include "parsers.h"

static int routeros_probe(const char *head, size_t n)
{
	size_t pos = 0, len;
	const char *ls;
	int hits = 0;
	while (probe_line(head, n, &pos, &ls, &len)) {
		if (probe_starts(ls, len, "# software id =", false) ||
		    probe_starts(ls, len, "/interface wireless", false) ||
		    probe_starts(ls, len, "/interface wifi", false) ||
		    probe_starts(ls, len, "/ip firewall", false) ||
		    probe_starts(ls, len, "/system identity", false) ||
		    probe_starts(ls, len, "/interface bridge", false))
			hits++;
		if (len > 18 && probe_starts(ls, len, "# ", false) && memmem(ls, len, " by RouterOS ", 13))
			hits += 2;
	}
	return hits >= 2 ? 80 : 0;
}

const struct parser parser_routeros = {
	.name = "routeros",
	.label = "MikroTik RouterOS export",
	.label_ja = "MikroTik RouterOS のエクスポート",
	.probe = routeros_probe,
	.parse = NULL,
	.feeds = {[ITEM_5_3] = true, [ITEM_6_2] = true},
	.home_router = true,
	.max_bytes = 16u << 20,
};
