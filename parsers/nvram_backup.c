/*
 * nvram_backup.c — bounds-checked decoders for binary nvram backups.
 *
 * Tomato / FreshTomato ".cfg" ("Administration > Configuration > Backup"),
 * as read by niieani/freshtomato-config-compare-and-edit
 * src/nvram/nvram-cfg.ts (@ef21be45), which models Broadcom's cfg utility:
 *  - bytes 0-3 "HDR1": bytes 4-7 are a u32 LE payload length, then the
 *    plain payload "key=value\0key=value\0…\0\0";
 *  - bytes 0-3 "HDR2": bytes 4-6 are a 24-bit LE length (the payload
 *    padded to a multiple of 1024), byte 7 a salt; each payload byte b is
 *    stored as (0xFF + salt - b) & 0xFF, and NUL bytes (separators and
 *    padding) as a random 0xFD-0xFF. Any stored byte above 0xFC therefore
 *    decodes to NUL, as the firmware's own restore does.
 * ASUSWRT "Settings_<model>.CFG" is said to use the same HDR2 container
 * (research notes: UNVERIFIED); if it does, it is read the same way.
 *
 * DD-WRT "nvrambak.bin" ("Administration > Backup"), as read by
 * 0ki/ddwrt-nvram-tool nvram2txt (@70ec2157): "DD-WRT" (6 bytes), a u16
 * LE entry count, then per entry a u8 name length, the name, a u16 LE
 * value length and the value (values may hold newlines). Newer builds
 * may differ (UNVERIFIED); anything that does not fit is reported.
 */
#include "nvram_backup.h"

#include <string.h>

#define HDR_SIZE 8

enum nvb_kind nvb_detect(const char *p, size_t n)
{
	if (n >= HDR_SIZE && memcmp(p, "HDR1", 4) == 0)
		return NVB_HDR1;
	if (n >= HDR_SIZE && memcmp(p, "HDR2", 4) == 0)
		return NVB_HDR2;
	if (n >= HDR_SIZE && memcmp(p, "DD-WRT", 6) == 0)
		return NVB_DDWRT;
	return NVB_NONE;
}

const char *nvb_name(enum nvb_kind k)
{
	switch (k) {
	case NVB_HDR1:
		return "Tomato .cfg backup (HDR1)";
	case NVB_HDR2:
		return "Tomato .cfg backup (HDR2)";
	case NVB_DDWRT:
		return "DD-WRT nvrambak.bin backup";
	default:
		return "nvram dump";
	}
}

static unsigned rd16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* Splits a decoded "key=value\0…" payload into entries; base is the file
 * offset of payload[0], for messages. */
static int split_payload(struct input *in, const char *pl, size_t n, size_t base,
			 nvb_entry_fn fn, void *ctx, unsigned *entries, unsigned *bad)
{
	size_t i = 0;
	while (i < n) {
		if (pl[i] == '\0') {
			i++;
			continue;
		}
		size_t s = i;
		const char *nul = memchr(pl + s, '\0', n - s);
		size_t e = nul ? (size_t)(nul - pl) : n;
		unsigned no = ++*entries;
		if (!nul) {
			++*bad;
			input_diag(in, DIAG_ERROR, no, 0,
				   "the backup is truncated: entry %u (byte offset %zu) has no end",
				   "バックアップが途中で切れています: エントリ %u（バイト位置 %zu）が終わっていません",
				   no, base + s);
			return 0;
		}
		const char *eq = memchr(pl + s, '=', e - s);
		if (!eq || eq == pl + s) {
			++*bad;
			input_unknown(in, no, "entry %u (byte offset %zu) is not key=value; ignored",
				      "エントリ %u（バイト位置 %zu）は key=value の形ではないため無視します",
				      no, base + s);
		} else if (fn(ctx, pl + s, (size_t)(eq - (pl + s)), eq + 1,
			      (size_t)(pl + e - (eq + 1)), no)) {
			return -1;
		}
		i = e + 1;
	}
	return 0;
}

static int decode_hdr(struct input *in, enum nvb_kind k, nvb_entry_fn fn, void *ctx,
		      unsigned *entries, unsigned *bad)
{
	const unsigned char *u = (const unsigned char *)in->data;
	size_t avail = in->len - HDR_SIZE;
	size_t len;
	if (k == NVB_HDR1)
		len = (size_t)u[4] | (size_t)u[5] << 8 | (size_t)u[6] << 16 | (size_t)u[7] << 24;
	else
		len = (size_t)u[4] | (size_t)u[5] << 8 | (size_t)u[6] << 16;
	if (len > avail) {
		input_diag(in, DIAG_ERROR, 0, 0,
			   "the backup is truncated: its header says %zu bytes of settings but "
			   "the file ends at byte offset %zu, %zu bytes short",
			   "バックアップが途中で切れています: ヘッダには設定が %zu バイトとありますが、"
			   "ファイルはバイト位置 %zu で終わり、%zu バイト足りません",
			   len, in->len, len - avail);
		len = avail;
	}
	if (k == NVB_HDR1)
		return split_payload(in, in->data + HDR_SIZE, len, HDR_SIZE, fn, ctx, entries,
				     bad);
	char *pl = arena_alloc(&in->arena, len + 1);
	if (!pl) {
		input_fail(in, "out of memory", "メモリが足りません");
		return EL_ENOMEM;
	}
	unsigned salt = u[7];
	for (size_t i = 0; i < len; i++) {
		unsigned b = u[HDR_SIZE + i];
		pl[i] = b > 0xFC ? '\0' : (char)((0xFFu + salt - b) & 0xFFu);
	}
	return split_payload(in, pl, len, HDR_SIZE, fn, ctx, entries, bad);
}

static int decode_ddwrt(struct input *in, nvb_entry_fn fn, void *ctx, unsigned *entries,
			unsigned *bad)
{
	const unsigned char *u = (const unsigned char *)in->data;
	size_t n = in->len;
	unsigned count = rd16(u + 6);
	size_t pos = HDR_SIZE;
	for (unsigned e = 1; e <= count; e++) {
		size_t start = pos;
		++*entries;
		size_t kn = 0, vn = 0;
		bool ok = pos < n;
		if (ok) {
			kn = u[pos++];
			ok = n - pos >= kn;
		}
		size_t ko = pos;
		if (ok) {
			pos += kn;
			ok = n - pos >= 2;
		}
		if (ok) {
			vn = rd16(u + pos);
			pos += 2;
			ok = n - pos >= vn;
		}
		if (!ok) {
			++*bad;
			input_diag(in, DIAG_ERROR, e, 0,
				   "the backup is truncated: it says %u entries but ends inside entry "
				   "%u (which starts at byte offset %zu; the file has %zu bytes)",
				   "バックアップが途中で切れています: エントリは %u 個のはずですが、"
				   "エントリ %u（バイト位置 %zu から）の途中で終わっています（ファイルは %zu バイト）",
				   count, e, start, n);
			return 0;
		}
		size_t vo = pos;
		pos += vn;
		if (kn == 0) {
			++*bad;
			input_unknown(in, e, "entry %u (byte offset %zu) has an empty name; ignored",
				      "エントリ %u（バイト位置 %zu）は名前が空のため無視します", e, start);
			continue;
		}
		if (fn(ctx, in->data + ko, kn, in->data + vo, vn, e))
			return -1;
	}
	if (pos < n)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%zu bytes after the last of the %u entries (byte offset %zu) are ignored",
			   "%zu バイト（%u 個のエントリの後ろ、バイト位置 %zu 以降）は無視します",
			   n - pos, count, pos);
	return 0;
}

int nvb_decode(struct input *in, enum nvb_kind k, nvb_entry_fn fn, void *ctx,
	       unsigned *entries, unsigned *bad)
{
	*entries = 0;
	*bad = 0;
	if (in->len < HDR_SIZE || nvb_detect(in->data, in->len) != k) {
		input_fail(in, "not a %s: the %d-byte header is missing",
			   "%s ではありません: %d バイトのヘッダーがありません", nvb_name(k), HDR_SIZE);
		return EL_EPARSE;
	}
	if (k == NVB_DDWRT)
		return decode_ddwrt(in, fn, ctx, entries, bad);
	return decode_hdr(in, k, fn, ctx, entries, bad);
}
