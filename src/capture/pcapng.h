/*
 * pcapng.h — a small bounds-checked pcapng reader (draft-ietf-opsawg-pcapng,
 * "PCAP Now Generic (pcapng) Capture File Format"), streamed block by block
 * from a FILE with fread into one bounded buffer: never the whole file.
 *
 * Why our own: libpcap 1.10 gives one link type per file and refuses a
 * pcapng whose Interface Description Blocks differ in link type or snapshot
 * length. This reader gives every packet its own interface's link type.
 * libpcap stays the reader for classic pcap (parsers/pcap.c).
 *
 * Read: SHB (byte order per section; a new SHB resets the interfaces), IDB
 * (link type, snaplen, and the options if_tsresol and if_tsoffset that give
 * timestamps their meaning; other options ignored), EPB and OPB (obsolete
 * packet block) with their timestamps, SPB (interface 0, no timestamp).
 * Every other block is skipped by its length.
 */
#ifndef EDGELINT_CAPTURE_PCAPNG_H
#define EDGELINT_CAPTURE_PCAPNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "capture.h"

#define PNG_BLOCK_MAX (16u << 20)    /* larger blocks are an error */
#define PNG_IFACES_MAX 65536u        /* interfaces per section */

/* The pcapng Section Header Block's type, also the file's first 4 bytes. */
#define PNG_SHB_MAGIC 0x0A0D0D0Au

struct png_reader;

struct png_packet {
	const uint8_t *data;      /* caplen bytes, valid until the next png_next */
	uint32_t caplen, origlen;
	uint32_t iface;           /* interface id within its section */
	int link;                 /* the interface's LINKTYPE_ value */
	bool has_time;            /* time is set (EPB, PB: not SPB, nor a
				   * resolution a 64-bit stamp cannot carry) */
	struct cap_time time;
};

/* A 64-bit pcapng timestamp in units of if_tsresol (bit 7 clear: 10^-v s,
 * set: 2^-v s) plus if_tsoffset seconds, as seconds and nanoseconds since
 * 1970 (UTC). false when it cannot be represented (an exponent over 19 for
 * powers of ten, over 63 for powers of two, or an offset out of range).
 * Exposed for tests. */
bool png_time(uint64_t ts, uint8_t tsresol, int64_t offset, struct cap_time *t);

/* A reader on f (not closed by png_close). head: nhead bytes already read
 * from f (a peeked magic), read again before f; may be NULL. NULL when out
 * of memory. */
struct png_reader *png_open(FILE *f, const uint8_t *head, size_t nhead);
/* The next packet: 1, 0 at the end of the file, -1 on an error (png_error
 * says why; reading stops there). */
int png_next(struct png_reader *r, struct png_packet *pk);
const char *png_error(const struct png_reader *r);
/* The same in Japanese. */
const char *png_error_ja(const struct png_reader *r);
/* Bytes consumed so far (for progress). */
uint64_t png_offset(const struct png_reader *r);
/* Interfaces seen (all sections) and their distinct link types
 * (struct png_links, capture.h). */
const struct png_links *png_links(const struct png_reader *r);
void png_close(struct png_reader *r);

#endif
