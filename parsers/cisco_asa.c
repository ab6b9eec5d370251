/*
 * cisco_asa.c — Cisco ASA running-config (kind "cisco-asa"). Only the
 * probe is built so far; the parser comes with its own issue.
 */
#include <string.h>

#include "parsers.h"

static int asa_probe(const char *head, size_t n)
{
	size_t pos = 0, len;
	const char *ls;
	int hits = 0;
	while (probe_line(head, n, &pos, &ls, &len)) {
		if (probe_starts(ls, len, "ASA Version ", false) ||
		    probe_starts(ls, len, ": ASA Version ", false) ||
		    probe_starts(ls, len, ": Saved", false))
			return 95;
		if (probe_starts(ls, len, "access-list ", false) ||
		    probe_starts(ls, len, " nameif ", false) ||
		    probe_starts(ls, len, "object network ", false) ||
		    probe_starts(ls, len, "object-group ", false) ||
		    probe_starts(ls, len, "access-group ", false) ||
		    probe_starts(ls, len, "same-security-traffic ", false))
			hits++;
	}
	return hits >= 2 ? 60 : 0;
}

const struct parser parser_cisco_asa = {
	.name = "cisco-asa",
	.label = "Cisco ASA",
	.label_ja = "Cisco ASA",
	.probe = asa_probe,
	.parse = NULL,
	.feeds = {[ITEM_3_2] = true, [ITEM_5_4] = true},
	.max_bytes = 64u << 20,
};
