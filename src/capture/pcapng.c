/*
 * pcapng.c — see pcapng.h. Block layouts from draft-ietf-opsawg-pcapng
 * ("PCAP Now Generic (pcapng) Capture File Format"):
 *  - 3.1 general block: Block Type u32, Block Total Length u32 (a multiple
 *    of 4, at least 12: type, length, trailing length), body, then the
 *    Block Total Length again;
 *  - 4.1 SHB, type 0x0A0D0D0A (the same in both byte orders): Byte-Order
 *    Magic 0x1A2B3C4D written in the writer's order, which is the order of
 *    every field of the section; Major Version 1; a new SHB starts a new
 *    section whose interface ids start again at 0;
 *  - 4.2 IDB, type 1: LinkType u16, Reserved u16, SnapLen u32 (0: none),
 *    options (code u16, length u16, value padded to 32 bits; 0 ends them):
 *    if_tsresol (9, 1 byte: bit 7 clear, units of 10^-v s; set, 2^-v s;
 *    6, microseconds, when absent) and if_tsoffset (14, 8 bytes: seconds
 *    added to every timestamp of the interface) — section 4.2, table 6;
 *  - 4.3 EPB, type 6: Interface ID u32, Timestamp (High, Low) u32 u32,
 *    Captured Packet Length u32, Original Packet Length u32, Packet Data
 *    padded to 32 bits, options; a captured length over the interface's
 *    SnapLen (when not 0) is an error, as in libpcap;
 *  - 4.4 SPB, type 3: Original Packet Length u32, Packet Data; its packet
 *    is on interface 0 and its captured length is the minimum of the
 *    original length, interface 0's SnapLen and the room in the block;
 *  - Appendix A, Packet Block (obsolete), type 2: Interface ID u16, Drops
 *    Count u16, Timestamp u32 u32, Captured Packet Length u32, Original
 *    Packet Length u32, Packet Data, options.
 * Every other block type is skipped by its length. Every field is read
 * through the bounds-checked cursor (src/capture/pktcur.h) from a buffer holding
 * exactly the block; a block is read whole (at most PNG_BLOCK_MAX bytes)
 * before it is looked at, so a file cut inside a block is an error at
 * that block.
 */
#include "pcapng.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pktcur.h"
#include "../util.h"

#define PNG_BOM 0x1A2B3C4Du
#define PNG_IDB 1u
#define PNG_PB 2u
#define PNG_SPB 3u
#define PNG_EPB 6u

struct png_iface {
	int link;
	uint32_t snaplen;
	uint8_t tsresol;          /* if_tsresol as written (6 when absent) */
	bool ts_bad;              /* a resolution no 64-bit stamp can carry */
	int64_t tsoffset;         /* if_tsoffset, seconds */
};

struct png_reader {
	FILE *f;
	uint8_t head[16];
	size_t nhead, headoff;
	uint8_t *buf;              /* the current block */
	size_t cap;
	uint64_t off;              /* bytes consumed */
	bool le;                   /* the section's byte order */
	bool in_section;
	struct png_iface *ifs;     /* the section's interfaces */
	size_t nifs, capifs;
	struct png_links links;
	const char *err, *err_ja;   /* the last error (static text), en and ja */
};

struct png_reader *png_open(FILE *f, const uint8_t *head, size_t nhead)
{
	struct png_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->f = f;
	if (nhead > sizeof(r->head))
		nhead = sizeof(r->head);
	if (nhead)
		memcpy(r->head, head, nhead);
	r->nhead = nhead;
	return r;
}

void png_close(struct png_reader *r)
{
	if (!r)
		return;
	free(r->buf);
	free(r->ifs);
	free(r);
}

const char *png_error(const struct png_reader *r)
{
	return r->err ? r->err : "";
}

const char *png_error_ja(const struct png_reader *r)
{
	return r->err_ja ? r->err_ja : "";
}

uint64_t png_offset(const struct png_reader *r)
{
	return r->off;
}

const struct png_links *png_links(const struct png_reader *r)
{
	return &r->links;
}

/* Reads n bytes (the peeked head first): n, or fewer at the end. */
static size_t png_read(struct png_reader *r, uint8_t *dst, size_t n)
{
	size_t got = 0;
	while (got < n && r->headoff < r->nhead)
		dst[got++] = r->head[r->headoff++];
	if (got < n)
		got += fread(dst + got, 1, n - got, r->f);
	r->off += got;
	return got;
}

static int rd16(struct png_reader *r, struct pktcur *c, uint16_t *v)
{
	if (pc_be16(c, v))
		return -1;
	if (r->le)
		*v = (uint16_t)((*v >> 8) | (*v << 8));
	return 0;
}

static int rd32(struct png_reader *r, struct pktcur *c, uint32_t *v)
{
	if (r->le)
		return pc_le32(c, v);
	return pc_be32(c, v);
}

static uint32_t get32(bool le, const uint8_t *p)
{
	return le ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24
		  : (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
}

/* why: what is wrong, in English and Japanese (png_error, png_error_ja). */
static int fail(struct png_reader *r, const char *why, const char *why_ja)
{
	r->err = why;
	r->err_ja = why_ja;
	return -1;
}

static void note_link(struct png_reader *r, int link)
{
	struct png_links *l = &r->links;
	l->ifaces++;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == link)
			return;
	if (l->n < PNG_LINKS_MAX)
		l->v[l->n++] = link;
	else
		l->more = true;
}

/* The IDB's options after its fixed fields: the timestamp resolution and
 * offset. An option list cut short ends the list (the interface keeps what
 * was read: its packets are still readable). */
static void png_idb_options(struct png_reader *r, struct pktcur *c, struct png_iface *f)
{
	for (;;) {
		uint16_t code, len;
		struct pktcur v;
		if (rd16(r, c, &code) || rd16(r, c, &len) || code == 0 || pc_sub(c, len, &v))
			return;
		pc_skip(c, (4 - len % 4) % 4);   /* padding; may be cut at the end */
		uint8_t res;
		uint32_t hi, lo;
		if (code == 9 && len == 1 && !pc_u8(&v, &res)) {
			f->tsresol = res;
			/* 10^19 is the largest power of ten under 2^64; 2^-63
			 * the finest power of two a 64-bit stamp can count */
			f->ts_bad = (res & 0x80) ? (res & 0x7f) > 63 : res > 19;
		} else if (code == 14 && len == 8) {
			/* a 64-bit field in the section's byte order */
			if (r->le ? (pc_le32(&v, &lo) || pc_le32(&v, &hi))
				  : (pc_be32(&v, &hi) || pc_be32(&v, &lo)))
				continue;
			f->tsoffset = (int64_t)((uint64_t)hi << 32 | lo);
		}
	}
}

bool png_time(uint64_t ts, uint8_t tsresol, int64_t offset, struct cap_time *t)
{
	unsigned e = tsresol & 0x7f;
	uint64_t sec, ns;
	if (tsresol & 0x80) {
		if (e > 63)
			return false;
		sec = e == 0 ? ts : ts >> e;
		uint64_t frac = e == 0 ? 0 : ts & ((UINT64_C(1) << e) - 1);
		/* frac < 2^e; keep frac * 10^9 under 2^64 */
		unsigned drop = e > 34 ? e - 34 : 0;
		ns = ((frac >> drop) * UINT64_C(1000000000)) >> (e - drop);
	} else {
		if (e > 19)
			return false;
		uint64_t unit = 1;
		for (unsigned i = 0; i < e; i++)
			unit *= 10;
		sec = ts / unit;
		uint64_t rem = ts % unit;
		if (e <= 9) {
			for (unsigned i = e; i < 9; i++)
				rem *= 10;
			ns = rem;
		} else {
			for (unsigned i = 9; i < e; i++)
				rem /= 10;
			ns = rem;
		}
	}
	/* both halves under 2^62: the sum fits */
	if (sec > (uint64_t)INT64_MAX / 2 || offset > INT64_MAX / 2 || offset < -(INT64_MAX / 2))
		return false;
	t->sec = (int64_t)sec + offset;
	t->nsec = (uint32_t)ns;
	return true;
}

/* A packet's stamp (high and low halves) in its interface's units. */
static void png_stamp(const struct png_iface *f, uint32_t hi, uint32_t lo, struct png_packet *pk)
{
	pk->has_time = !f->ts_bad &&
		       png_time((uint64_t)hi << 32 | lo, f->tsresol, f->tsoffset, &pk->time);
}

/* The IDB body in c. */
static int png_idb(struct png_reader *r, struct pktcur *c)
{
	uint16_t link, reserved;
	uint32_t snaplen;
	if (rd16(r, c, &link) || rd16(r, c, &reserved) || rd32(r, c, &snaplen))
		return fail(r, "an interface description block is too short", "インターフェース記述ブロックが短すぎます");
	if (r->nifs >= PNG_IFACES_MAX)
		return fail(r, "too many interfaces in one section", "1 つのセクションのインターフェースが多すぎます");
	struct png_iface *v = vec_grow(r->ifs, &r->capifs, r->nifs, sizeof(*v));
	if (!v)
		return fail(r, "out of memory", "メモリが不足しました");
	r->ifs = v;
	struct png_iface *f = &r->ifs[r->nifs];
	*f = (struct png_iface){.link = link, .snaplen = snaplen, .tsresol = 6};
	png_idb_options(r, c, f);
	r->nifs++;
	note_link(r, link);
	return 0;
}

/* A packet of captured length caplen at the cursor on interface id. */
static int png_pkt(struct png_reader *r, struct pktcur *c, uint32_t id, uint32_t caplen,
		   uint32_t origlen, struct png_packet *pk)
{
	if (id >= r->nifs)
		return fail(r, "a packet names an interface that was not described", "パケットが、記述のないインターフェースを指しています");
	if (pc_need(c, caplen))
		return fail(r, "a packet's captured length is larger than its block", "パケットの取り込み長がそのブロックより長くなっています");
	/* SnapLen 0 is "no limit" (draft-ietf-opsawg-pcapng 4.2); over a set
	 * one the record is damaged, and libpcap ends the capture there too
	 * (the-tcpdump-group/libpcap sf-pcapng.c, pcap_ng_next_packet:
	 * "invalid packet capture length %u, bigger than snaplen of %d"). */
	if (r->ifs[id].snaplen && caplen > r->ifs[id].snaplen)
		return fail(r, "a packet's captured length is larger than its interface's "
			       "snapshot length", "パケットの取り込み長がそのインターフェースのスナップショット長より長くなっています");
	pk->data = caplen ? c->p + c->off : NULL;
	pk->caplen = caplen;
	pk->origlen = origlen;
	pk->iface = id;
	pk->link = r->ifs[id].link;
	pk->has_time = false;   /* the SPB has no stamp; EPB and PB set it */
	return 1;
}

int png_next(struct png_reader *r, struct png_packet *pk)
{
	if (r->err)
		return -1;
	for (;;) {
		uint8_t h[12];
		size_t got = png_read(r, h, sizeof(h));
		if (got == 0)
			return r->in_section ? 0 : fail(r, "no section header block", "セクションヘッダブロックがありません");
		if (got < sizeof(h))
			return fail(r, "the file ends inside a block", "ブロックの途中でファイルが終わっています");
		uint32_t type = get32(true, h);
		if (type == PNG_SHB_MAGIC) {
			/* Byte order first: it decides how the length is read. */
			uint32_t bom = get32(true, h + 8);
			if (bom == PNG_BOM)
				r->le = true;
			else if (get32(false, h + 8) == PNG_BOM)
				r->le = false;
			else
				return fail(r, "a section header block has no byte-order magic", "セクションヘッダブロックにバイト順のマジックナンバーがありません");
			r->in_section = true;
			r->nifs = 0;
		} else {
			if (!r->in_section)
				return fail(r, "no section header block", "セクションヘッダブロックがありません");
			type = get32(r->le, h);
		}
		uint32_t len = get32(r->le, h + 4);
		if (len < 12 || len % 4 != 0 || len > PNG_BLOCK_MAX)
			return fail(r, "a block has an impossible length", "ブロックの長さがあり得ない値です");
		size_t rest = len - 12;   /* after type, length, and 4 more bytes read */
		if (rest + 4 > r->cap) {
			size_t cap = r->cap ? r->cap : 4096;
			while (cap < rest + 4)
				cap *= 2;
			uint8_t *nb = realloc(r->buf, cap);
			if (!nb)
				return fail(r, "out of memory", "メモリが不足しました");
			r->buf = nb;
			r->cap = cap;
		}
		memcpy(r->buf, h + 8, 4);
		if (png_read(r, r->buf + 4, rest) < rest)
			return fail(r, "the file ends inside a block", "ブロックの途中でファイルが終わっています");
		/* buf: body (len - 12 bytes), then the trailing length. */
		size_t body = len - 12;
		if (get32(r->le, r->buf + body) != len)
			return fail(r, "a block's two lengths differ", "ブロックの 2 つの長さが一致しません");
		struct pktcur c;
		pc_init(&c, r->buf, body);
		uint32_t id, caplen, origlen, tshi, tslo;
		uint16_t id16, drops;
		int rc;
		switch (type) {
		case PNG_SHB_MAGIC: {
			uint16_t major;
			if (pc_skip(&c, 4) || rd16(r, &c, &major))
				return fail(r, "a section header block is too short", "セクションヘッダブロックが短すぎます");
			if (major != 1)
				return fail(r, "a section has a pcapng major version other than 1", "セクションの pcapng メジャーバージョンが 1 ではありません");
			break;
		}
		case PNG_IDB:
			if (png_idb(r, &c))
				return -1;
			break;
		case PNG_EPB:
			if (rd32(r, &c, &id) || rd32(r, &c, &tshi) || rd32(r, &c, &tslo) ||
			    rd32(r, &c, &caplen) || rd32(r, &c, &origlen))
				return fail(r, "a packet block is too short", "パケットブロックが短すぎます");
			rc = png_pkt(r, &c, id, caplen, origlen, pk);
			if (rc == 1)
				png_stamp(&r->ifs[id], tshi, tslo, pk);
			return rc;
		case PNG_PB:
			if (rd16(r, &c, &id16) || rd16(r, &c, &drops) || rd32(r, &c, &tshi) ||
			    rd32(r, &c, &tslo) || rd32(r, &c, &caplen) || rd32(r, &c, &origlen))
				return fail(r, "a packet block is too short", "パケットブロックが短すぎます");
			rc = png_pkt(r, &c, id16, caplen, origlen, pk);
			if (rc == 1)
				png_stamp(&r->ifs[id16], tshi, tslo, pk);
			return rc;
		case PNG_SPB:
			if (rd32(r, &c, &origlen))
				return fail(r, "a packet block is too short", "パケットブロックが短すぎます");
			if (r->nifs == 0)
				return fail(r, "a packet names an interface that was not described", "パケットが、記述のないインターフェースを指しています");
			caplen = origlen;
			if (r->ifs[0].snaplen && r->ifs[0].snaplen < caplen)
				caplen = r->ifs[0].snaplen;
			if (pc_left(&c) < caplen)
				caplen = (uint32_t)pc_left(&c);
			return png_pkt(r, &c, 0, caplen, origlen, pk);
		default:
			break;   /* NRB, ISB, DSB, custom… : skipped */
		}
	}
}
