/*
 * test_pcapng.c — the pcapng reader (src/capture/pcapng.c) on files built
 * here byte by byte: interfaces of different link types and snaplens,
 * both byte orders (a new section resets the interfaces), the Simple and
 * obsolete Packet Blocks, unknown blocks skipped, and every error (cut
 * block, bad lengths, interface out of range, captured length over the
 * block); then whole captures through the parser table: the same HTTP and
 * TLS flows carried over an Ethernet and a raw-IP interface.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../parsers/parsers.h"
#include "../../src/capture/decode.h"
#include "../../src/capture/pcapng.h"
#include "../../src/model.h"
#include "../../src/run.h"
#include "pktbuild.h"
#include "testctx.h"

/* ---- building pcapng ---------------------------------------------------- */

static struct pb g_file;
static bool g_be;   /* the section being written is big-endian */

static void w16(struct pb *p, unsigned v)
{
	if (g_be) {
		pb_be16(p, v);
	} else {
		pb_u8(p, v);
		pb_u8(p, v >> 8);
	}
}

static void w32(struct pb *p, uint32_t v)
{
	if (g_be)
		pb_be32(p, v);
	else
		pb_le32(p, v);
}

static size_t blk_begin(struct pb *f, uint32_t type)
{
	size_t at = f->n;
	w32(f, type);
	w32(f, 0);   /* length, set by blk_end */
	return at;
}

static void blk_end(struct pb *f, size_t at)
{
	while ((f->n - at) % 4)
		pb_u8(f, 0);
	uint32_t len = (uint32_t)(f->n - at + 4);
	size_t end = f->n;
	f->n = at + 4;
	w32(f, len);
	f->n = end;
	w32(f, len);
}

static void shb(struct pb *f, bool be)
{
	g_be = be;
	size_t at = blk_begin(f, 0x0A0D0D0Au);
	w32(f, 0x1A2B3C4Du);
	w16(f, 1);
	w16(f, 0);
	w32(f, 0xffffffffu);   /* section length: unknown */
	w32(f, 0xffffffffu);
	blk_end(f, at);
}

static void idb(struct pb *f, unsigned link, uint32_t snaplen)
{
	size_t at = blk_begin(f, 1);
	w16(f, link);
	w16(f, 0);
	w32(f, snaplen);
	w16(f, 2);   /* if_name "eth0", then opt_endofopt */
	w16(f, 4);
	pb_str(f, "eth0");
	w16(f, 0);
	w16(f, 0);
	blk_end(f, at);
}

/* An interface with if_tsresol (res) and, when offset is not 0,
 * if_tsoffset (draft-ietf-opsawg-pcapng 4.2, options 9 and 14). */
static void idb_ts(struct pb *f, unsigned link, uint8_t res, int64_t offset)
{
	size_t at = blk_begin(f, 1);
	w16(f, link);
	w16(f, 0);
	w32(f, 0);
	w16(f, 9);   /* if_tsresol: 1 byte, padded to 4 */
	w16(f, 1);
	pb_u8(f, res);
	pb_u8(f, 0);
	pb_u8(f, 0);
	pb_u8(f, 0);
	if (offset) {
		uint64_t o = (uint64_t)offset;
		w16(f, 14);   /* if_tsoffset: 8 bytes, high half first when big-endian */
		w16(f, 8);
		w32(f, g_be ? (uint32_t)(o >> 32) : (uint32_t)o);
		w32(f, g_be ? (uint32_t)o : (uint32_t)(o >> 32));
	}
	w16(f, 0);
	w16(f, 0);
	blk_end(f, at);
}

static uint64_t g_stamp = 1000;   /* the next EPB's timestamp */

static void epb(struct pb *f, uint32_t iface, const void *d, size_t n)
{
	size_t at = blk_begin(f, 6);
	w32(f, iface);
	w32(f, (uint32_t)(g_stamp >> 32));
	w32(f, (uint32_t)g_stamp);
	w32(f, (uint32_t)n);
	w32(f, (uint32_t)n);
	pb_mem(f, d, n);
	blk_end(f, at);
}

static void spb(struct pb *f, uint32_t origlen, const void *d, size_t n)
{
	size_t at = blk_begin(f, 3);
	w32(f, origlen);
	pb_mem(f, d, n);
	blk_end(f, at);
}

static void opb(struct pb *f, unsigned iface, const void *d, size_t n)
{
	size_t at = blk_begin(f, 2);
	w16(f, iface);
	w16(f, 0);
	w32(f, 0);
	w32(f, 0);
	w32(f, (uint32_t)n);
	w32(f, (uint32_t)n);
	pb_mem(f, d, n);
	blk_end(f, at);
}

/* A block of a type the reader does not know (a Name Resolution Block
 * and a custom one): skipped by length. */
static void other(struct pb *f, uint32_t type)
{
	size_t at = blk_begin(f, type);
	pb_str(f, "\x01\x00\x0b\x00" "example.com");
	blk_end(f, at);
}

/* ---- the reader alone --------------------------------------------------- */

struct got {
	int rc[16];
	struct png_packet pk[16];
	uint8_t first[16];
	size_t n;
	char err[128], err_ja[256];
	struct png_links links;
};

/* Reads the first n bytes of g_file, the first `head` of them given to
 * png_open as peeked bytes. */
static void read_all(size_t n, size_t head, struct got *g)
{
	memset(g, 0, sizeof(*g));
	FILE *f = fmemopen(g_file.b + head, n - head, "rb");
	assert_non_null(f);
	struct png_reader *r = png_open(f, g_file.b, head);
	assert_non_null(r);
	for (;;) {
		struct png_packet pk;
		int rc = png_next(r, &pk);
		assert_true(g->n < 16);
		g->rc[g->n] = rc;
		if (rc == 1) {
			g->pk[g->n] = pk;
			g->first[g->n] = pk.caplen ? pk.data[0] : 0;
		}
		g->n++;
		if (rc != 1)
			break;
	}
	snprintf(g->err, sizeof(g->err), "%s", png_error(r));
	snprintf(g->err_ja, sizeof(g->err_ja), "%s", png_error_ja(r));
	g->links = *png_links(r);
	/* after the end or an error it stays there */
	struct png_packet pk;
	int again = png_next(r, &pk);
	assert_int_equal(again, g->rc[g->n - 1]);
	png_close(r);
	fclose(f);
}

static void test_reader(void **state)
{
	(void)state;
	uint8_t d[100];
	for (size_t i = 0; i < sizeof(d); i++)
		d[i] = (uint8_t)i;
	g_file.n = 0;
	shb(&g_file, false);
	idb(&g_file, 1, 64);          /* interface 0: Ethernet, snaplen 64 */
	idb(&g_file, 101, 0);         /* interface 1: raw IP, no snaplen */
	other(&g_file, 4);
	d[0] = 0xa1;
	epb(&g_file, 1, d, 5);        /* padded to 8 */
	other(&g_file, 0x40000BADu);
	d[0] = 0xa2;
	epb(&g_file, 0, d, 60);
	d[0] = 0xa3;
	spb(&g_file, 100, d, 64);     /* snaplen 64 of 100 */
	spb(&g_file, 10, d, 12);      /* 10 bytes and 2 of padding */
	spb(&g_file, 90, d, 20);      /* room in the block: 20 */
	d[0] = 0xa4;
	opb(&g_file, 1, d, 7);
	/* a big-endian section: one raw-IP interface, now interface 0 */
	shb(&g_file, true);
	idb(&g_file, 101, 128);
	d[0] = 0xa5;
	epb(&g_file, 0, d, 33);
	size_t whole = g_file.n;

	struct got g;
	for (size_t head = 0; head <= 4; head += 4) {
		read_all(whole, head, &g);
		assert_int_equal(g.n, 8);
		assert_int_equal(g.rc[7], 0);
		assert_string_equal(g.err, "");
		static const uint32_t caplen[] = {5, 60, 64, 10, 20, 7, 33};
		static const uint32_t origlen[] = {5, 60, 100, 10, 90, 7, 33};
		static const int link[] = {101, 1, 1, 1, 1, 101, 101};
		static const uint32_t iface[] = {1, 0, 0, 0, 0, 1, 0};
		static const uint8_t first[] = {0xa1, 0xa2, 0xa3, 0xa3, 0xa3, 0xa4, 0xa5};
		for (size_t i = 0; i < 7; i++) {
			assert_int_equal(g.rc[i], 1);
			assert_int_equal(g.pk[i].caplen, caplen[i]);
			assert_int_equal(g.pk[i].origlen, origlen[i]);
			assert_int_equal(g.pk[i].link, link[i]);
			assert_int_equal(g.pk[i].iface, iface[i]);
			assert_int_equal(g.first[i], first[i]);
		}
		assert_int_equal(g.links.ifaces, 3);
		assert_int_equal(g.links.n, 2);
		assert_int_equal(g.links.v[0], 1);
		assert_int_equal(g.links.v[1], 101);
		assert_false(g.links.more);
	}

	/* A new section resets the interfaces: interface 1 is gone. */
	epb(&g_file, 1, d, 4);
	read_all(g_file.n, 0, &g);
	assert_int_equal(g.n, 8);
	assert_int_equal(g.rc[7], -1);
	assert_string_equal(g.err, "a packet names an interface that was not described");
	assert_string_equal(g.err_ja, "パケットが、記述のないインターフェースを指しています");

	/* Empty section (SHB + IDB): no packet, no error. */
	g_file.n = 0;
	shb(&g_file, false);
	idb(&g_file, 113, 0);
	read_all(g_file.n, 0, &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.rc[0], 0);
	assert_int_equal(g.links.v[0], 113);
}

/* The reader on g_file's bytes: its single outcome after `ok` packets. */
static void expect_error(size_t n, size_t ok, const char *why)
{
	struct got g;
	read_all(n, 0, &g);
	assert_int_equal(g.n, ok + 1);
	assert_int_equal(g.rc[ok], -1);
	assert_string_equal(g.err, why);
	/* Every error has its own Japanese text (no English in a Japanese report). */
	assert_true(g.err_ja[0] != '\0');
	assert_string_not_equal(g.err_ja, g.err);
}

static void put_le32(size_t at, uint32_t v)
{
	g_file.b[at] = (uint8_t)v;
	g_file.b[at + 1] = (uint8_t)(v >> 8);
	g_file.b[at + 2] = (uint8_t)(v >> 16);
	g_file.b[at + 3] = (uint8_t)(v >> 24);
}

static void test_reader_errors(void **state)
{
	(void)state;
	static const uint8_t d[16] = {1, 2, 3, 4, 5, 6, 7, 8};
	g_file.n = 0;
	shb(&g_file, false);
	idb(&g_file, 1, 0);
	epb(&g_file, 0, d, 8);
	size_t last = g_file.n;
	epb(&g_file, 0, d, 8);        /* 20 + 8 + 12 = 40 bytes */
	size_t whole = g_file.n;
	assert_int_equal(whole - last, 40);

	/* cut anywhere inside the last block; at its start: a clean end */
	for (size_t cut = last + 1; cut < whole; cut++)
		expect_error(cut, 1, "the file ends inside a block");
	struct got g;
	read_all(last, 0, &g);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.rc[1], 0);

	/* lengths: not a multiple of 4, under 12, over the maximum, the two differ */
	static const uint32_t bad_len[] = {42, 8, 0, PNG_BLOCK_MAX + 4, 0xfffffffcu};
	for (size_t i = 0; i < ARRAY_SIZE(bad_len); i++) {
		put_le32(last + 4, bad_len[i]);
		expect_error(whole, 1, "a block has an impossible length");
	}
	put_le32(last + 4, 40);
	put_le32(whole - 4, 44);
	expect_error(whole, 1, "a block's two lengths differ");
	put_le32(whole - 4, 40);
	/* a block longer than what is left of the file */
	put_le32(last + 4, 44);
	put_le32(whole - 4, 44);
	expect_error(whole, 1, "the file ends inside a block");
	put_le32(last + 4, 40);
	put_le32(whole - 4, 40);

	/* interface id out of range; captured length over the block */
	put_le32(last + 8, 1);
	expect_error(whole, 1, "a packet names an interface that was not described");
	put_le32(last + 8, 0);
	put_le32(last + 20, 9);
	expect_error(whole, 1, "a packet's captured length is larger than its block");
	put_le32(last + 20, 8);
	read_all(whole, 0, &g);
	assert_int_equal(g.n, 3);

	/* captured length over the interface's snapshot length (8 of 7 and
	 * of 8: only the first is an error; SnapLen 0 above: no limit), in an
	 * EPB and in an obsolete Packet Block */
	for (uint32_t snap = 7; snap <= 8; snap++) {
		for (int kind = 0; kind < 2; kind++) {
			g_file.n = 0;
			shb(&g_file, false);
			idb(&g_file, 1, snap);
			if (kind)
				opb(&g_file, 0, d, 8);
			else
				epb(&g_file, 0, d, 8);
			if (snap == 7) {
				expect_error(g_file.n, 0, "a packet's captured length is larger than "
							  "its interface's snapshot length");
			} else {
				read_all(g_file.n, 0, &g);
				assert_int_equal(g.n, 2);
				assert_int_equal(g.rc[0], 1);
				assert_int_equal(g.pk[0].caplen, 8);
			}
		}
	}

	/* an EPB too short for its fields; SPB before any interface */
	g_file.n = 0;
	shb(&g_file, false);
	idb(&g_file, 1, 0);
	size_t at = blk_begin(&g_file, 6);
	w32(&g_file, 0);
	blk_end(&g_file, at);
	expect_error(g_file.n, 0, "a packet block is too short");
	g_file.n = 0;
	shb(&g_file, false);
	spb(&g_file, 4, d, 4);
	expect_error(g_file.n, 0, "a packet names an interface that was not described");

	/* no SHB first; an SHB without its byte-order magic; version 2 */
	g_file.n = 0;
	g_be = false;
	idb(&g_file, 1, 0);
	expect_error(g_file.n, 0, "no section header block");
	g_file.n = 0;
	shb(&g_file, false);
	put_le32(8, 0x12345678u);
	expect_error(g_file.n, 0, "a section header block has no byte-order magic");
	g_file.n = 0;
	shb(&g_file, false);
	g_file.b[12] = 2;
	expect_error(g_file.n, 0, "a section has a pcapng major version other than 1");
	/* an SHB of 16 bytes (byte-order magic, no room for the version) */
	g_file.n = 0;
	pb_le32(&g_file, 0x0A0D0D0Au);
	pb_le32(&g_file, 16);
	pb_le32(&g_file, 0x1A2B3C4Du);
	pb_le32(&g_file, 16);
	expect_error(g_file.n, 0, "a section header block is too short");
}

/* ---- whole captures ----------------------------------------------------- */

static void run_capture(struct input *in, size_t n)
{
	input_init(in, "mem.pcapng");
	in->kind = input_kind_named("pcap");
	in->data = malloc(n + 1);
	memcpy(in->data, g_file.b, n);
	in->data[n] = '\0';
	in->len = n;
	run_parsed(in, &g_ctx);
}

/* One TCP segment, over Ethernet (eth) or raw IPv4, as interface iface. */
static void add_tcp(uint32_t iface, bool eth, unsigned sport, unsigned dport, const void *data,
		    size_t n, bool reply)
{
	static const uint8_t a[4] = {192, 168, 1, 10}, b[4] = {203, 0, 113, 5};
	static struct pb p;
	p.n = 0;
	if (eth)
		pb_eth(&p, 0x0800);
	size_t ip = pb_ipv4(&p, reply ? b : a, reply ? a : b, 6, 0);
	pb_tcp(&p, reply ? dport : sport, reply ? sport : dport, 1, PD_TCP_ACK);
	pb_mem(&p, data, n);
	pb_ipv4_done(&p, ip);
	epb(&g_file, iface, p.b, p.n);
}

static bool has_diag(const struct input *in, const char *s)
{
	for (const struct diag *d = in->diags; d; d = d->next)
		if (strstr(d->msg, s))
			return true;
	return false;
}

static void test_capture_two_links(void **state)
{
	(void)state;
	static const char get[] = "GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n";
	static struct pb ch, sh;
	ch.n = 0;
	sh.n = 0;
	pb_client_hello(&ch, "tls.example.com", NULL, 0, 0x0303);
	pb_server_hello(&sh, 0x0303, 0x0304);
	g_file.n = 0;
	shb(&g_file, false);
	idb(&g_file, 1, 262144);     /* Ethernet */
	idb(&g_file, 101, 1500);     /* raw IP, another snaplen: libpcap refuses this */
	add_tcp(0, true, 40000, 80, get, sizeof(get) - 1, false);     /* 1: HTTP over Ethernet */
	add_tcp(1, false, 40001, 443, ch.b, ch.n, false);             /* 2: hello over raw IP */
	add_tcp(0, true, 40001, 443, sh.b, sh.n, true);               /* 3: reply over Ethernet */
	add_tcp(1, false, 40000, 80, "HTTP/1.1 200 OK\r\n\r\n", 19, true);   /* 4 */
	size_t before4 = g_file.n - (12 + 20 + 20 + 20 + 20);
	size_t whole = g_file.n;

	struct input in;
	run_capture(&in, whole);
	assert_null(in.error);
	const struct traffic *t = in.traffic;
	assert_non_null(t);
	assert_int_equal(t->packets, 4);
	assert_int_equal(t->flows, 2);
	assert_int_equal(t->http_flows, 1);
	assert_int_equal(t->https_flows, 1);
	assert_int_equal(t->tls_flows, 1);
	assert_int_equal(t->truncated, 0);
	assert_int_equal(t->link, 1);
	assert_string_equal(t->link_name, "Ethernet");
	assert_true(has_diag(&in, "the capture's 2 interfaces have several link types (Ethernet, "
				  "raw IP); \"link\" names the first"));
	assert_int_equal(t->nhosts, 2);
	assert_int_equal(t->ntls, 1);
	assert_string_equal(t->tls[0].name, "TLS1.3");
	/* every EPB's stamp is 1000 µs (the default if_tsresol, 10^-6 s) */
	assert_string_equal(t->time_first, "1970-01-01T00:00:00.001000Z");
	assert_string_equal(t->time_last, "1970-01-01T00:00:00.001000Z");
	input_free(&in);

	/* Cut inside packet 4: the first three are analysed, the error names 4. */
	run_capture(&in, before4 + 30);
	assert_non_null(in.error);
	assert_non_null(strstr(in.error, "mem.pcapng: packet 4: the file ends inside a block; "
					 "the 3 packets before it were analysed"));
	assert_int_equal(in.traffic->packets, 3);
	assert_int_equal(in.traffic->http_flows, 1);
	assert_int_equal(in.traffic->https_flows, 1);
	input_free(&in);

	/* Packet 4 on interface 7: an error naming packet 4. */
	put_le32(before4 + 8, 7);
	run_capture(&in, whole);
	assert_non_null(in.error);
	assert_non_null(strstr(in.error, "packet 4: a packet names an interface that was not "
					 "described"));
	assert_int_equal(in.traffic->packets, 3);
	input_free(&in);

	/* One interface only: same link type, no note. */
	g_file.n = 0;
	shb(&g_file, true);
	idb(&g_file, 101, 0);
	add_tcp(0, false, 40001, 443, ch.b, ch.n, false);
	run_capture(&in, g_file.n);
	assert_null(in.error);
	assert_string_equal(in.traffic->link_name, "raw IP");
	assert_int_equal(in.traffic->https_flows, 1);
	assert_false(has_diag(&in, "several link types"));
	input_free(&in);

	/* An interface of a link type edgelint does not read: its packets are
	 * counted, not analysed; only such packets: the error of classic pcap. */
	g_file.n = 0;
	shb(&g_file, false);
	idb(&g_file, 101, 0);
	idb(&g_file, 147, 0);
	add_tcp(0, false, 40001, 443, ch.b, ch.n, false);
	add_tcp(1, false, 40001, 443, ch.b, ch.n, false);
	run_capture(&in, g_file.n);
	assert_null(in.error);
	assert_int_equal(in.traffic->packets, 2);
	assert_int_equal(in.traffic->https_flows, 1);
	assert_true(has_diag(&in, "1 packets are on interfaces whose link type (such as "));
	input_free(&in);
	g_file.n = 0;
	shb(&g_file, false);
	idb(&g_file, 147, 0);
	add_tcp(0, false, 40001, 443, ch.b, ch.n, false);
	run_capture(&in, g_file.n);
	assert_non_null(in.error);
	assert_non_null(strstr(in.error, "is not one edgelint reads"));
	input_free(&in);
}

/* Timestamps: the units of if_tsresol, powers of ten and of two, the
 * offset, and the resolutions no 64-bit stamp can carry. Values worked
 * out by hand from draft-ietf-opsawg-pcapng 4.2 (if_tsresol, if_tsoffset)
 * and 4.3 (the EPB's 64-bit stamp, high half first). */
static void test_time(void **state)
{
	(void)state;
	struct cap_time t;
	assert_true(png_time(UINT64_C(1500000000123456789), 9, 0, &t));   /* ns */
	assert_int_equal(t.sec, 1500000000);
	assert_int_equal(t.nsec, 123456789);
	assert_true(png_time(UINT64_C(1500000000123456), 6, 0, &t));      /* µs */
	assert_int_equal(t.sec, 1500000000);
	assert_int_equal(t.nsec, 123456000);
	assert_true(png_time(1234, 3, 100, &t));                          /* ms, +100 s */
	assert_int_equal(t.sec, 101);
	assert_int_equal(t.nsec, 234000000);
	assert_true(png_time(64 * 10 + 32, 0x86, 0, &t));                 /* 2^-6 s */
	assert_int_equal(t.sec, 10);
	assert_int_equal(t.nsec, 500000000);
	assert_true(png_time(UINT64_C(3) << 62, 0x3f | 0x80, -5, &t));    /* 2^-63 s, -5 s */
	assert_int_equal(t.sec, -4);
	assert_int_equal(t.nsec, 500000000);
	assert_true(png_time(7, 0, 0, &t));                               /* seconds */
	assert_int_equal(t.sec, 7);
	assert_int_equal(t.nsec, 0);
	assert_true(png_time(UINT64_C(12345678901234567890), 19, 0, &t)); /* 10^-19 s */
	assert_int_equal(t.sec, 1);
	assert_int_equal(t.nsec, 234567890);
	assert_false(png_time(1, 20, 0, &t));
	assert_false(png_time(1, 0x80 | 64, 0, &t));
	assert_false(png_time(1, 0, INT64_MAX, &t));

	/* Through the reader, in both byte orders: the interface's units. */
	static const uint8_t d[4] = {1, 2, 3, 4};
	for (int be = 0; be < 2; be++) {
		g_file.n = 0;
		shb(&g_file, be);
		idb_ts(&g_file, 1, 9, 0);
		idb_ts(&g_file, 1, 0x8a, -3600);   /* 2^-10 s, an hour back */
		g_stamp = UINT64_C(1765143000000000001);
		epb(&g_file, 0, d, 4);
		g_stamp = (UINT64_C(1765143000) << 10) | 512;
		epb(&g_file, 1, d, 4);
		spb(&g_file, 4, d, 4);
		struct got g;
		read_all(g_file.n, 0, &g);
		assert_int_equal(g.n, 4);
		assert_true(g.pk[0].has_time);
		assert_int_equal(g.pk[0].time.sec, 1765143000);
		assert_int_equal(g.pk[0].time.nsec, 1);
		assert_true(g.pk[1].has_time);
		assert_int_equal(g.pk[1].time.sec, 1765143000 - 3600);
		assert_int_equal(g.pk[1].time.nsec, 500000000);
		assert_false(g.pk[2].has_time);   /* an SPB has no stamp */
	}
	g_stamp = 1000;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_reader_errors),
		cmocka_unit_test(test_capture_two_links),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
