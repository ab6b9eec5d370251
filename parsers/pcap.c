/*
 * pcap.c — packet captures (kind "pcap"): classic pcap in either byte
 * order and with micro- or nanosecond stamps, and pcapng. Only the probe
 * is built so far; the capture audit (item 6-1) comes with its own issue.
 */
#include <stdint.h>
#include <string.h>

#include "parsers.h"

static int pcap_probe(const char *head, size_t n)
{
	static const unsigned char magics[][4] = {
		{0xd4, 0xc3, 0xb2, 0xa1}, {0xa1, 0xb2, 0xc3, 0xd4},  /* µs */
		{0x4d, 0x3c, 0xb2, 0xa1}, {0xa1, 0xb2, 0x3c, 0x4d},  /* ns */
		{0x0a, 0x0d, 0x0d, 0x0a},                            /* pcapng SHB */
	};
	if (n < 4)
		return 0;
	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (memcmp(head, magics[i], 4) == 0)
			return 100;
	return 0;
}

const struct parser parser_pcap = {
	.name = "pcap",
	.label = "packet capture (pcap/pcapng)",
	.label_ja = "パケットキャプチャ（pcap/pcapng）",
	.probe = pcap_probe,
	.parse = NULL,
	.feeds = {[ITEM_6_1] = true},
	.max_bytes = 0,
};
