/*
 * fuzz_quic.c — libFuzzer harness for what lies behind QUIC packet
 * protection (src/capture/quic.c): the frames of Initial packets, the
 * CRYPTO reassembly across packets and datagrams, and the ClientHello
 * parser. Mutated captures almost never get past the AEAD tag, so this
 * harness protects the fuzzer's bytes itself (quic_protect, the keys of
 * a fixed Destination Connection ID) and feeds the packets to cls_quic.
 *
 * Input: records of [flags][length, 2 bytes big-endian][frames]. Each
 * record becomes one version-1 client Initial (packet number = record
 * index); flags bit 0 starts a new datagram, bit 1 adds garbage after the
 * packet (coalesced junk), bit 2 sends the datagram from the server side.
 * Seeds: tests/fuzz/seeds/fuzz_quic/ (made by tests/fuzz/make-quic-seeds.py).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/capture/classify.h"
#include "../../src/capture/quic.h"

static uint8_t scratch[CLS_SCRATCH_MAX];
static int names;

static void *fz_scratch(void *ctx)
{
	(void)ctx;
	return scratch;
}

static int32_t fz_intern(void *ctx, const char *name, size_t n, enum cls_via via)
{
	(void)ctx;
	(void)via;
	(void)name;
	return n == 0 || n > CLS_NAME_MAX ? -1 : names++;
}

static enum cls_verdict feed(const uint8_t *d, size_t n, int dir, struct cls_result *r)
{
	struct cls_view v = {.udp = true, .packet = 1, .intern = fz_intern, .scratch = fz_scratch};
	pc_init(&v.data[dir], d, n);
	pc_init(&v.data[!dir], NULL, 0);
	return cls_quic(&v, r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t dcid[8] = {0x83, 0x94, 0xc8, 0xf0, 0x3e, 0x51, 0x57, 0x08};
	static uint8_t dg[QUIC_PACKET_MAX];
	struct quic_keys k;
	if (quic_initial_keys(QUIC_V1, dcid, sizeof(dcid), false, &k))
		return 0;
	memset(scratch, 0, sizeof(scratch));
	names = 0;
	struct cls_result r = {.host = -1};
	size_t dn = 0;
	int dir = 0;
	enum cls_verdict vd = CLS_MORE;
	for (unsigned pn = 0; size >= 3 && vd != CLS_DONE && vd != CLS_NO; pn++) {
		uint8_t flags = data[0];
		size_t fl = (size_t)data[1] << 8 | data[2];
		data += 3;
		size -= 3;
		if (fl > size)
			fl = size;
		if ((flags & 1) && dn) {
			vd = feed(dg, dn, dir, &r);
			dn = 0;
		}
		dir = (flags & 4) ? 1 : 0;
		/* header (24 bytes), frames, tag (16) and junk (8) must fit */
		if (dn + 24 + 16 + 8 + 2 > sizeof(dg))
			break;
		if (fl > sizeof(dg) - dn - 24 - 16 - 8)
			fl = sizeof(dg) - dn - 24 - 16 - 8;
		size_t take = fl;
		if (fl < 2)
			fl = 2;   /* the header-protection sample needs 2 bytes after the number */
		size_t at = dn;
		dg[dn++] = 0xc1;
		dg[dn++] = 0; dg[dn++] = 0; dg[dn++] = 0; dg[dn++] = 1;
		dg[dn++] = sizeof(dcid);
		memcpy(dg + dn, dcid, sizeof(dcid));
		dn += sizeof(dcid);
		dg[dn++] = 0;
		dg[dn++] = 0;
		size_t len = 2 + fl + 16;
		dg[dn++] = (uint8_t)(0x40 | len >> 8);
		dg[dn++] = (uint8_t)len;
		size_t pn_off = dn - at;
		dg[dn++] = (uint8_t)(pn >> 8);
		dg[dn++] = (uint8_t)pn;
		memcpy(dg + dn, data, take);
		memset(dg + dn + take, 0, fl - take);
		dn += fl + 16;
		if (quic_protect(&k, dg + at, dn - at, pn_off))
			return 0;
		data += take;
		size -= take;
		if (flags & 2 && dn + 8 <= sizeof(dg)) {
			memcpy(dg + dn, "\x40junkjun", 8);
			dn += 8;
		}
	}
	if (dn && vd == CLS_MORE)
		feed(dg, dn, dir, &r);
	return 0;
}
