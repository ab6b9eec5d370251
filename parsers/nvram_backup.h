/*
 * nvram_backup.h — decoders for the binary nvram backups that routers'
 * web pages save: Tomato/FreshTomato (and, UNVERIFIED, ASUSWRT) ".cfg"
 * files with an HDR1 or HDR2 header, and DD-WRT "nvrambak.bin". Each
 * entry found is handed to a callback as key and value spans with its
 * 1-based entry number; problems are reported on the input.
 */
#ifndef EDGELINT_NVRAM_BACKUP_H
#define EDGELINT_NVRAM_BACKUP_H

#include <stddef.h>

#include "../src/model.h"

enum nvb_kind { NVB_NONE, NVB_HDR1, NVB_HDR2, NVB_DDWRT };

/* Which backup the first n bytes start like (NVB_NONE: not a backup). */
enum nvb_kind nvb_detect(const char *p, size_t n);
/* "Tomato .cfg (HDR2)"… for messages. */
const char *nvb_name(enum nvb_kind k);

/* Called once per entry; key and value are not NUL-terminated and live
 * as long as the input. Returns 0, or non-zero to stop (out of memory). */
typedef int (*nvb_entry_fn)(void *ctx, const char *k, size_t kn, const char *v,
			    size_t vn, unsigned entry);

/* Decodes in->data as a backup of kind k. *entries is set to the number
 * of entries seen (well-formed or not), *bad to those not understood.
 * Truncation and corruption are DIAG_ERROR diagnostics naming the entry
 * and byte offset; the entries before them are still delivered. Returns
 * 0, or negative when the header itself is unreadable or memory ran out
 * (input_fail called). */
int nvb_decode(struct input *in, enum nvb_kind k, nvb_entry_fn fn, void *ctx,
	       unsigned *entries, unsigned *bad);

#endif
