/*
 * test_pcap_decode.c — cmocka tests for src/capture/decode.c on
 * hand-built frames: every link type (Ethernet, Linux cooked v1 and v2,
 * raw IP under its three numbers, BSD null in both byte orders, loop),
 * 802.1Q, QinQ, MPLS label stacks, PPPoE sessions, IPv4 options and
 * fragments, IPv6 extension headers (hop-by-hop, routing, destination
 * options, AH, fragment), TCP and UDP payload bounds, and every kind of
 * truncation ending in PD_TRUNC without reading past the captured bytes;
 * 802.11 (plain, radiotap, PPI) and NFLOG frames (dot11.c), laid out here
 * from IEEE 802.11-2020 §9.2.4, radiotap.org, the PPI specification and
 * LINKTYPE_NFLOG; tunnels unwrapped to the packet inside (IPv4/IPv6 in
 * IPv4/IPv6, GRE versions 0 and 1, ERSPAN I-III, VXLAN, GTP-U, Teredo),
 * laid out from RFC 2003, 4213, 2784, 2890, 2637, 7348, 4380, 3GPP TS
 * 29.281 and draft-foschiano-erspan-03, and the nesting limit.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../../src/capture/decode.h"
#include "pktbuild.h"

static const uint8_t A4[4] = {10, 0, 0, 1}, B4[4] = {192, 0, 2, 80};
static const uint8_t A6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
static const uint8_t B6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80};

/* IPv4 + TCP 40000 -> 80 carrying "GET" at the end of p. */
static void ipv4_tcp(struct pb *p)
{
	size_t ip = pb_ipv4(p, A4, B4, 6, 0);
	pb_tcp(p, 40000, 80, 1000, 0x18);
	pb_str(p, "GET");
	pb_ipv4_done(p, ip);
}

/* Decodes p and checks the 5-tuple of ipv4_tcp and its 3-byte payload. */
static void expect_ipv4_tcp(int link, const struct pb *p, struct pd_packet *pk)
{
	assert_int_equal(pd_decode(link, p->b, p->n, pk), PD_OK);
	assert_int_equal(pk->fam, 4);
	assert_int_equal(pk->proto, 6);
	assert_memory_equal(pk->src, A4, 4);
	assert_memory_equal(pk->dst, B4, 4);
	assert_true(pk->has_ports);
	assert_int_equal(pk->sport, 40000);
	assert_int_equal(pk->dport, 80);
	assert_int_equal(pk->seq, 1000);
	assert_int_equal(pk->tcp_flags, 0x18);
	assert_int_equal(pc_left(&pk->payload), 3);
	assert_true(pc_match(&pk->payload, "GET", 3));
}

static void test_ethernet_and_padding(void **state)
{
	(void)state;
	struct pb p = {.n = 0};
	struct pd_packet pk;
	pb_eth(&p, 0x0800);
	ipv4_tcp(&p);
	pb_mem(&p, "\0\0\0\0\xde\xad", 6);   /* Ethernet padding / trailer: not payload */
	expect_ipv4_tcp(PD_LINK_EN10MB, &p, &pk);
	assert_int_equal(pk.vlan_tags, 0);
	/* Every truncation inside the headers is PD_TRUNC, never a read past. */
	for (size_t cut = 0; cut < 14 + 20 + 20; cut++) {
		uint8_t *copy = malloc(cut ? cut : 1);
		memcpy(copy, p.b, cut);
		enum pd_result r = pd_decode(PD_LINK_EN10MB, copy, cut, &pk);
		assert_int_equal(r, PD_TRUNC);
		free(copy);
	}
	/* 802.3 length field: LLC, not IP. ARP: not IP. */
	struct pb q = {.n = 0};
	pb_eth(&q, 0x0026);
	pb_str(&q, "\x42\x42\x03");
	assert_int_equal(pd_decode(PD_LINK_EN10MB, q.b, q.n, &pk), PD_NOT_IP);
	q.n = 0;
	pb_eth(&q, 0x0806);
	pb_str(&q, "arp.....");
	assert_int_equal(pd_decode(PD_LINK_EN10MB, q.b, q.n, &pk), PD_NOT_IP);
	assert_int_equal(pd_decode(147, q.b, q.n, &pk), PD_LINK);
	assert_false(pd_link_supported(147));
	assert_string_equal(pd_link_name(PD_LINK_LINUX_SLL2), "Linux cooked v2");
}

static void test_vlan_qinq_mpls_pppoe(void **state)
{
	(void)state;
	struct pb p = {.n = 0};
	struct pd_packet pk;
	/* QinQ: 802.1ad outer, 802.1Q inner */
	pb_eth(&p, 0x88a8);
	pb_be16(&p, 100); pb_be16(&p, 0x8100);
	pb_be16(&p, 200); pb_be16(&p, 0x0800);
	ipv4_tcp(&p);
	expect_ipv4_tcp(PD_LINK_EN10MB, &p, &pk);
	assert_int_equal(pk.vlan_tags, 2);
	/* MPLS: two labels, the second bottom-of-stack */
	p.n = 0;
	pb_eth(&p, 0x8847);
	pb_be32(&p, (16u << 12) | 64);
	pb_be32(&p, (17u << 12) | 0x100 | 64);
	ipv4_tcp(&p);
	expect_ipv4_tcp(PD_LINK_EN10MB, &p, &pk);
	assert_int_equal(pk.mpls_labels, 2);
	/* VLAN then PPPoE session carrying IPv4 */
	p.n = 0;
	pb_eth(&p, 0x8100);
	pb_be16(&p, 7); pb_be16(&p, 0x8864);
	size_t ph = p.n;
	pb_u8(&p, 0x11); pb_u8(&p, 0); pb_be16(&p, 0x1234); pb_be16(&p, 0);
	pb_be16(&p, 0x0021);
	ipv4_tcp(&p);
	pb_put16(&p, ph + 4, (unsigned)(p.n - ph - 6));
	expect_ipv4_tcp(PD_LINK_EN10MB, &p, &pk);
	assert_true(pk.pppoe);
	assert_int_equal(pk.vlan_tags, 1);
	/* A label stack with no bottom within the limit is not read. */
	p.n = 0;
	pb_eth(&p, 0x8847);
	for (int i = 0; i < PD_MAX_TAGS + 1; i++)
		pb_be32(&p, 16u << 12);
	assert_int_equal(pd_decode(PD_LINK_EN10MB, p.b, p.n, &pk), PD_NOT_IP);
}

static void test_cooked_raw_null(void **state)
{
	(void)state;
	struct pb p = {.n = 0};
	struct pd_packet pk;
	/* SLL v1: type, ARPHRD, addr len, 8 addr bytes, protocol */
	pb_be16(&p, 0); pb_be16(&p, 1); pb_be16(&p, 6);
	pb_mem(&p, "\2\0\0\0\0\1\0\0", 8);
	pb_be16(&p, 0x0800);
	ipv4_tcp(&p);
	expect_ipv4_tcp(PD_LINK_LINUX_SLL, &p, &pk);
	/* SLL v2: protocol, reserved, ifindex, ARPHRD, type, addr len, 8 bytes */
	p.n = 0;
	pb_be16(&p, 0x0800); pb_be16(&p, 0); pb_be32(&p, 2); pb_be16(&p, 1);
	pb_u8(&p, 0); pb_u8(&p, 6);
	pb_mem(&p, "\2\0\0\0\0\1\0\0", 8);
	ipv4_tcp(&p);
	expect_ipv4_tcp(PD_LINK_LINUX_SLL2, &p, &pk);
	/* raw IP under DLT_RAW 12 and 14, LINKTYPE_RAW and LINKTYPE_IPV4 */
	p.n = 0;
	ipv4_tcp(&p);
	expect_ipv4_tcp(PD_LINK_RAW_DLT12, &p, &pk);
	expect_ipv4_tcp(PD_LINK_RAW_DLT14, &p, &pk);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	expect_ipv4_tcp(PD_LINK_IPV4, &p, &pk);
	assert_int_equal(pd_decode(PD_LINK_IPV6, p.b, p.n, &pk), PD_BAD);
	/* BSD null: AF_INET little-endian and big-endian; loop: network order */
	p.n = 0;
	pb_le32(&p, 2);
	ipv4_tcp(&p);
	expect_ipv4_tcp(PD_LINK_NULL, &p, &pk);
	p.n = 0;
	pb_be32(&p, 2);
	ipv4_tcp(&p);
	expect_ipv4_tcp(PD_LINK_NULL, &p, &pk);
	expect_ipv4_tcp(PD_LINK_LOOP, &p, &pk);
	/* BSD null with AF_INET6 = 30 (macOS) */
	p.n = 0;
	pb_le32(&p, 30);
	size_t ip = pb_ipv6(&p, A6, B6, 17);
	size_t u = pb_udp(&p, 5353, 53);
	pb_str(&p, "q");
	pb_udp_done(&p, u);
	pb_ipv6_done(&p, ip);
	assert_int_equal(pd_decode(PD_LINK_NULL, p.b, p.n, &pk), PD_OK);
	assert_int_equal(pk.fam, 6);
	assert_int_equal(pk.dport, 53);
	assert_int_equal(pc_left(&pk.payload), 1);
	/* An unknown address family is not IP. */
	p.n = 0;
	pb_le32(&p, 7);
	assert_int_equal(pd_decode(PD_LINK_NULL, p.b, p.n, &pk), PD_NOT_IP);
}

static void test_ipv4_options_fragments(void **state)
{
	(void)state;
	struct pb p = {.n = 0};
	struct pd_packet pk;
	/* IHL 6: one 4-byte option (NOPs) */
	size_t ip = p.n;
	pb_u8(&p, 0x46); pb_u8(&p, 0); pb_be16(&p, 0); pb_be16(&p, 1); pb_be16(&p, 0);
	pb_u8(&p, 64); pb_u8(&p, 17); pb_be16(&p, 0);
	pb_mem(&p, A4, 4); pb_mem(&p, B4, 4);
	pb_be32(&p, 0x01010101u);
	size_t u = pb_udp(&p, 1234, 443);
	pb_str(&p, "abcd");
	pb_udp_done(&p, u);
	pb_ipv4_done(&p, ip);
	assert_int_equal(pd_decode(PD_LINK_RAW, p.b, p.n, &pk), PD_OK);
	assert_int_equal(pk.dport, 443);
	assert_int_equal(pc_left(&pk.payload), 4);
	assert_false(pk.fragment);
	/* First fragment (MF): ports read, counted as a fragment */
	p.n = 0;
	ip = pb_ipv4(&p, A4, B4, 17, 0x2000);
	u = pb_udp(&p, 1234, 443);
	pb_str(&p, "abcd");
	pb_udp_done(&p, u);
	pb_ipv4_done(&p, ip);
	assert_int_equal(pd_decode(PD_LINK_RAW, p.b, p.n, &pk), PD_OK);
	assert_true(pk.fragment);
	assert_false(pk.later_fragment);
	assert_true(pk.has_ports);
	/* A later fragment: no transport header */
	p.n = 0;
	ip = pb_ipv4(&p, A4, B4, 17, 185);
	pb_str(&p, "continued data");
	pb_ipv4_done(&p, ip);
	assert_int_equal(pd_decode(PD_LINK_RAW, p.b, p.n, &pk), PD_OK);
	assert_true(pk.fragment);
	assert_true(pk.later_fragment);
	assert_false(pk.has_ports);
	/* Bad header length and version */
	p.b[0] = 0x44;
	assert_int_equal(pd_decode(PD_LINK_IPV4, p.b, p.n, &pk), PD_BAD);
	p.b[0] = 0x55;
	assert_int_equal(pd_decode(PD_LINK_IPV4, p.b, p.n, &pk), PD_BAD);
	p.b[0] = 0x75;
	assert_int_equal(pd_decode(PD_LINK_RAW, p.b, p.n, &pk), PD_NOT_IP);
	/* TCP data offset below 5 */
	p.n = 0;
	ip = pb_ipv4(&p, A4, B4, 6, 0);
	pb_tcp(&p, 1, 2, 3, 0x02);
	p.b[p.n - 8] = 0x40;
	pb_ipv4_done(&p, ip);
	assert_int_equal(pd_decode(PD_LINK_RAW, p.b, p.n, &pk), PD_BAD);
}

static void test_ipv6_extension_headers(void **state)
{
	(void)state;
	struct pb p = {.n = 0};
	struct pd_packet pk;
	pb_eth(&p, 0x86dd);
	size_t ip = pb_ipv6(&p, A6, B6, 0);
	/* hop-by-hop (8 bytes) -> routing (8) -> AH (16) -> dest opts (8) -> TCP */
	pb_u8(&p, 43); pb_u8(&p, 0); pb_mem(&p, "\1\4\0\0\0\0", 6);
	pb_u8(&p, 51); pb_u8(&p, 0); pb_mem(&p, "\0\0\0\0\0\0", 6);
	pb_u8(&p, 60); pb_u8(&p, 2); pb_mem(&p, "\0\0", 2); pb_be32(&p, 1); pb_be32(&p, 2); pb_be32(&p, 3);
	pb_u8(&p, 6); pb_u8(&p, 0); pb_mem(&p, "\1\4\0\0\0\0", 6);
	pb_tcp(&p, 50000, 443, 77, 0x02);
	pb_ipv6_done(&p, ip);
	assert_int_equal(pd_decode(PD_LINK_EN10MB, p.b, p.n, &pk), PD_OK);
	assert_int_equal(pk.fam, 6);
	assert_int_equal(pk.proto, 6);
	assert_memory_equal(pk.src, A6, 16);
	assert_memory_equal(pk.dst, B6, 16);
	assert_int_equal(pk.sport, 50000);
	assert_int_equal(pk.dport, 443);
	assert_int_equal(pk.seq, 77);
	assert_int_equal(pc_left(&pk.payload), 0);
	/* cut inside the AH header */
	assert_int_equal(pd_decode(PD_LINK_EN10MB, p.b, 14 + 40 + 8 + 8 + 4, &pk), PD_TRUNC);
	/* fragment header: first fragment has ports, a later one not */
	p.n = 0;
	ip = pb_ipv6(&p, A6, B6, 44);
	pb_u8(&p, 17); pb_u8(&p, 0); pb_be16(&p, 0x0001); pb_be32(&p, 99);
	size_t u = pb_udp(&p, 4433, 443);
	pb_str(&p, "x");
	pb_udp_done(&p, u);
	pb_ipv6_done(&p, ip);
	assert_int_equal(pd_decode(PD_LINK_IPV6, p.b, p.n, &pk), PD_OK);
	assert_true(pk.fragment);
	assert_false(pk.later_fragment);
	assert_int_equal(pk.sport, 4433);
	p.b[40 + 2] = 0x01;   /* offset 32 */
	p.b[40 + 3] = 0x00;
	assert_int_equal(pd_decode(PD_LINK_IPV6, p.b, p.n, &pk), PD_OK);
	assert_true(pk.later_fragment);
	assert_false(pk.has_ports);
	/* payload length bounds the payload (trailing bytes ignored) */
	p.n = 0;
	ip = pb_ipv6(&p, A6, B6, 17);
	u = pb_udp(&p, 1, 2);
	pb_str(&p, "ab");
	pb_udp_done(&p, u);
	pb_ipv6_done(&p, ip);
	pb_str(&p, "trailer");
	assert_int_equal(pd_decode(PD_LINK_RAW, p.b, p.n, &pk), PD_OK);
	assert_int_equal(pc_left(&pk.payload), 2);
}

/* An 802.11 data frame header: fc0 (type/subtype), fc1 (flags), the 22
 * bytes after Frame Control, Address 4 when both DS bits are set, QoS
 * Control (qos0) for QoS subtypes, HT Control with +HTC on QoS. */
static void wlan_hdr(struct pb *p, unsigned fc0, unsigned fc1, unsigned qos0)
{
	pb_u8(p, fc0);
	pb_u8(p, fc1);
	for (int i = 0; i < 22; i++)
		pb_u8(p, (unsigned)i);
	if ((fc1 & 3) == 3)
		pb_mem(p, "\x02\0\0\0\0\x04", 6);
	if (fc0 & 0x80) {   /* QoS subtype (bit 3 of the subtype) */
		pb_u8(p, qos0);
		pb_u8(p, 0);
		if (fc1 & 0x80)
			pb_mem(p, "\0\0\0\0", 4);
	}
}

static void snap_ipv4(struct pb *p)
{
	pb_mem(p, "\xaa\xaa\x03\0\0\0\x08\x00", 8);
	ipv4_tcp(p);
}

static void test_dot11(void **state)
{
	(void)state;
	struct pb p = {.n = 0};
	struct pd_packet pk;
	/* data (type 2, subtype 0), To DS */
	wlan_hdr(&p, 0x08, 0x01, 0);
	snap_ipv4(&p);
	expect_ipv4_tcp(PD_LINK_IEEE802_11, &p, &pk);
	assert_true(pk.wlan);
	assert_false(pk.wlan_protected);
	for (size_t cut = 0; cut < 24 + 8 + 20 + 20; cut++)
		assert_int_equal(pd_decode(PD_LINK_IEEE802_11, p.b, cut, &pk), PD_TRUNC);
	/* QoS data (subtype 8) with +HTC, both DS bits (4 addresses) */
	p.n = 0;
	wlan_hdr(&p, 0x88, 0x83, 0);
	assert_int_equal(p.n, 24 + 6 + 2 + 4);
	snap_ipv4(&p);
	expect_ipv4_tcp(PD_LINK_IEEE802_11, &p, &pk);
	/* bridge-tunnel OUI 00-00-F8 is read too; another OUI is not IP */
	p.n = 0;
	wlan_hdr(&p, 0x08, 0x02, 0);
	pb_mem(&p, "\xaa\xaa\x03\0\0\xf8\x08\x00", 8);
	ipv4_tcp(&p);
	expect_ipv4_tcp(PD_LINK_IEEE802_11, &p, &pk);
	p.b[24 + 5] = 0x01;
	assert_int_equal(pd_decode(PD_LINK_IEEE802_11, p.b, p.n, &pk), PD_NOT_IP);
	/* protected: counted, never read (the body would look like IP) */
	p.n = 0;
	wlan_hdr(&p, 0x88, 0x41, 0);
	snap_ipv4(&p);
	assert_int_equal(pd_decode(PD_LINK_IEEE802_11, p.b, p.n, &pk), PD_NOT_IP);
	assert_true(pk.wlan_protected);
	/* A-MSDU, null data (subtype 4 and 12): not read */
	p.n = 0;
	wlan_hdr(&p, 0x88, 0x01, 0x80);
	snap_ipv4(&p);
	assert_int_equal(pd_decode(PD_LINK_IEEE802_11, p.b, p.n, &pk), PD_NOT_IP);
	assert_false(pk.wlan_protected);
	p.n = 0;
	wlan_hdr(&p, 0x48, 0x01, 0);
	assert_int_equal(pd_decode(PD_LINK_IEEE802_11, p.b, p.n, &pk), PD_NOT_IP);
	/* a beacon (management, subtype 8), an ACK (control), version 1 */
	static const uint8_t beacon[] = {0x80, 0, 0, 0};
	assert_int_equal(pd_decode(PD_LINK_IEEE802_11, beacon, 4, &pk), PD_NOT_IP);
	assert_true(pk.wlan_mgmt);
	static const uint8_t ack[] = {0xd4, 0, 0, 0};
	assert_int_equal(pd_decode(PD_LINK_IEEE802_11, ack, 4, &pk), PD_NOT_IP);
	assert_false(pk.wlan_mgmt);
	static const uint8_t v1[] = {0x09, 0x01};
	assert_int_equal(pd_decode(PD_LINK_IEEE802_11, v1, 2, &pk), PD_NOT_IP);

	/* radiotap: version 0, length 12 (8 + a 4-byte field), then the frame */
	struct pb r = {.n = 0};
	pb_mem(&r, "\0\0\x0c\0\x02\0\0\0\x10\0\0\0", 12);
	wlan_hdr(&r, 0x08, 0x01, 0);
	snap_ipv4(&r);
	expect_ipv4_tcp(PD_LINK_RADIOTAP, &r, &pk);
	assert_int_equal(pd_decode(PD_LINK_RADIOTAP, r.b, 11, &pk), PD_TRUNC);
	r.b[0] = 1;   /* version 1 */
	assert_int_equal(pd_decode(PD_LINK_RADIOTAP, r.b, r.n, &pk), PD_BAD);
	r.b[0] = 0;
	r.b[2] = 4;   /* shorter than its own fixed part */
	assert_int_equal(pd_decode(PD_LINK_RADIOTAP, r.b, r.n, &pk), PD_BAD);

	/* PPI: 8-byte header, DLT 105 (802.11) or 1 (Ethernet) */
	struct pb q = {.n = 0};
	pb_mem(&q, "\0\0\x08\0\x69\0\0\0", 8);
	wlan_hdr(&q, 0x08, 0x01, 0);
	snap_ipv4(&q);
	expect_ipv4_tcp(PD_LINK_PPI, &q, &pk);
	q.n = 0;
	pb_mem(&q, "\0\0\x08\0\x01\0\0\0", 8);
	pb_eth(&q, 0x0800);
	ipv4_tcp(&q);
	expect_ipv4_tcp(PD_LINK_PPI, &q, &pk);
	q.b[4] = 0xc0;   /* DLT 192 inside PPI: not followed */
	assert_int_equal(pd_decode(PD_LINK_PPI, q.b, q.n, &pk), PD_NOT_IP);

	/* NFLOG: header, a prefix TLV (type 10, "ab" padded to 8), the
	 * payload TLV (type 9) */
	struct pb n = {.n = 0};
	pb_mem(&n, "\x02\0\0\x14", 4);
	pb_mem(&n, "\x06\0\x0a\0ab\0\0", 8);
	pb_mem(&n, "\x2f\0\x09\0", 4);   /* 4 + 20 + 20 + 3 = 47 */
	ipv4_tcp(&n);
	expect_ipv4_tcp(PD_LINK_NFLOG, &n, &pk);
	for (size_t cut = 0; cut < 4 + 8 + 4 + 40; cut++) {
		enum pd_result res = pd_decode(PD_LINK_NFLOG, n.b, cut, &pk);
		assert_true(res == PD_TRUNC || res == PD_NOT_IP);
	}
	n.b[4] = 2;   /* a TLV shorter than its header */
	assert_int_equal(pd_decode(PD_LINK_NFLOG, n.b, n.n, &pk), PD_BAD);
	n.b[4] = 6;
	n.b[1] = 1;   /* version 1 */
	assert_int_equal(pd_decode(PD_LINK_NFLOG, n.b, n.n, &pk), PD_BAD);
	assert_string_equal(pd_link_name(PD_LINK_RADIOTAP), "802.11 radiotap");
	assert_string_equal(pd_link_name(PD_LINK_NFLOG), "NFLOG");
}

/* ---- 802.11 networks (beacons, probe responses) --------------------------- */

/* A beacon (probe: a probe response) of BSSID 02:00:00:00:0a:01 whose
 * Capability Information has Privacy when privacy, then the elements in
 * ies (n bytes). */
static void beacon(struct pb *p, bool probe, bool privacy, const void *ies, size_t n)
{
	p->n = 0;
	pb_u8(p, probe ? 0x50 : 0x80);
	pb_u8(p, 0);
	pb_mem(p, "\0\0", 2);                                   /* duration */
	pb_mem(p, "\xff\xff\xff\xff\xff\xff", 6);               /* Address 1 */
	pb_mem(p, "\x02\0\0\0\x0a\x01", 6);                     /* Address 2 */
	pb_mem(p, "\x02\0\0\0\x0a\x01", 6);                     /* Address 3: BSSID */
	pb_mem(p, "\0\0", 2);                                   /* sequence */
	pb_mem(p, "\1\2\3\4\5\6\7\x08", 8);                     /* timestamp */
	pb_mem(p, "\x64\0", 2);                                 /* beacon interval */
	pb_u8(p, privacy ? 0x11 : 0x01);                        /* ESS, Privacy */
	pb_u8(p, 0x04);
	pb_mem(p, ies, n);
}

/* Decodes the frame in p and reads its network into *b. */
static int bss_of(const struct pb *p, struct cap_bss *b)
{
	struct pd_packet pk;
	assert_int_equal(pd_decode(PD_LINK_IEEE802_11, p->b, p->n, &pk), PD_NOT_IP);
	assert_true(pk.wlan_mgmt);
	assert_true(pk.wlan_bss_info);
	assert_non_null(pk.wlan_bssid);
	assert_memory_equal(pk.wlan_bssid, "\x02\0\0\0\x0a\x01", 6);
	memset(b, 0, sizeof(*b));
	return pd_dot11_bss(&pk.payload, b);
}

#define SSID_CAFE "\x00\x04" "cafe"
/* RSNE: version 1, group CCMP, 1 pairwise CCMP, AKMs as given, capabilities */
#define RSN_HDR "\x01\x00" "\x00\x0f\xac\x04" "\x01\x00" "\x00\x0f\xac\x04"

static void test_dot11_networks(void **state)
{
	(void)state;
	struct pb p = {.n = 0};
	struct cap_bss b;
	/* open: no Privacy, no RSNE */
	beacon(&p, false, false, SSID_CAFE, 6);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_true(b.named);
	assert_false(b.hidden);
	assert_int_equal(b.ssid_len, 4);
	assert_memory_equal(b.ssid, "cafe", 4);
	assert_false(b.privacy);
	assert_false(b.rsn);
	assert_false(b.wpa);
	/* WEP: Privacy without an RSNE or WPA element */
	beacon(&p, false, true, SSID_CAFE, 6);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_true(b.privacy);
	assert_false(b.rsn);
	/* WPA1: the vendor element 00-50-F2 type 1, TKIP, PSK */
	static const uint8_t wpa1[] = SSID_CAFE "\xdd\x16" "\x00\x50\xf2\x01" "\x01\x00"
		"\x00\x50\xf2\x02" "\x01\x00" "\x00\x50\xf2\x02" "\x01\x00" "\x00\x50\xf2\x02";
	beacon(&p, false, true, wpa1, sizeof(wpa1) - 1);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_true(b.wpa);
	assert_false(b.rsn);
	assert_int_equal(b.pairwise, CAP_CIPHER_TKIP);
	assert_int_equal(b.akm, CAP_AKM_PSK);
	/* WPA2-Personal without PMF: PSK, CCMP, capabilities 0 */
	static const uint8_t wpa2[] = SSID_CAFE "\x30\x14" RSN_HDR "\x01\x00" "\x00\x0f\xac\x02"
		"\x00\x00";
	beacon(&p, false, true, wpa2, sizeof(wpa2) - 1);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_true(b.rsn);
	assert_int_equal(b.akm, CAP_AKM_PSK);
	assert_int_equal(b.pairwise, CAP_CIPHER_CCMP);
	assert_false(b.mfpc);
	assert_false(b.mfpr);
	/* WPA2/WPA3 transition: PSK and SAE, MFPC; a probe response */
	static const uint8_t trans[] = SSID_CAFE "\x30\x18" RSN_HDR "\x02\x00"
		"\x00\x0f\xac\x02" "\x00\x0f\xac\x08" "\x80\x00";
	beacon(&p, true, true, trans, sizeof(trans) - 1);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_int_equal(b.akm, CAP_AKM_PSK | CAP_AKM_SAE);
	assert_true(b.mfpc);
	assert_false(b.mfpr);
	/* WPA3-Personal: SAE-EXT-KEY (24), GCMP-256, MFPR and MFPC */
	static const uint8_t wpa3[] = SSID_CAFE "\x30\x14" "\x01\x00" "\x00\x0f\xac\x09" "\x01\x00"
		"\x00\x0f\xac\x09" "\x01\x00" "\x00\x0f\xac\x18" "\xc0\x00";
	beacon(&p, false, true, wpa3, sizeof(wpa3) - 1);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_int_equal(b.akm, CAP_AKM_SAE);
	assert_int_equal(b.pairwise, CAP_CIPHER_GCMP);
	assert_true(b.mfpr);
	/* OWE (18); 802.1X (1) with TKIP and CCMP pairwise */
	static const uint8_t owe[] = SSID_CAFE "\x30\x14" RSN_HDR "\x01\x00" "\x00\x0f\xac\x12"
		"\xc0\x00";
	beacon(&p, false, true, owe, sizeof(owe) - 1);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_int_equal(b.akm, CAP_AKM_OWE);
	static const uint8_t ent[] = SSID_CAFE "\x30\x18" "\x01\x00" "\x00\x0f\xac\x02" "\x02\x00"
		"\x00\x0f\xac\x02" "\x00\x0f\xac\x04" "\x01\x00" "\x00\x0f\xac\x01" "\x00\x00";
	beacon(&p, false, true, ent, sizeof(ent) - 1);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_int_equal(b.akm, CAP_AKM_8021X);
	assert_int_equal(b.pairwise, CAP_CIPHER_TKIP | CAP_CIPHER_CCMP);
	/* an RSNE of version and group cipher only: the defaults (CCMP,
	 * 802.1X, §9.4.2.24.1) */
	static const uint8_t short_rsn[] = SSID_CAFE "\x30\x06" "\x01\x00" "\x00\x0f\xac\x04";
	beacon(&p, false, true, short_rsn, sizeof(short_rsn) - 1);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_int_equal(b.akm, CAP_AKM_8021X);
	assert_int_equal(b.pairwise, CAP_CIPHER_CCMP);
	/* hidden: empty, or zero bytes */
	beacon(&p, false, true, "\x00\x00", 2);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_true(b.hidden);
	assert_false(b.named);
	beacon(&p, false, true, "\x00\x03\0\0\0", 5);
	assert_int_equal(bss_of(&p, &b), 0);
	assert_true(b.hidden);
	/* an element past the body: -1, what came before kept; an SSID
	 * longer than 32 bytes is not an SSID */
	beacon(&p, false, true, SSID_CAFE "\x30\x14\x01\x00", 10);
	assert_int_equal(bss_of(&p, &b), -1);
	assert_true(b.named);
	assert_false(b.rsn);
	for (size_t cut = 24; cut < p.n; cut++) {
		struct pd_packet pk;
		assert_int_equal(pd_decode(PD_LINK_IEEE802_11, p.b, cut, &pk), PD_NOT_IP);
		memset(&b, 0, sizeof(b));
		/* whole elements (none, the SSID), or a lone byte after them */
		bool whole = cut == 36 || cut == 37 || cut == 42 || cut == 43;
		assert_int_equal(pd_dot11_bss(&pk.payload, &b), whole ? 0 : -1);
	}
	static uint8_t longssid[2 + 33];
	longssid[1] = 33;
	memset(longssid + 2, 'a', 33);
	beacon(&p, false, false, longssid, sizeof(longssid));
	assert_int_equal(bss_of(&p, &b), 0);
	assert_false(b.has_ssid);

	/* the BSSID of data frames: Address 3 (no DS bit), 1 (To DS), 2
	 * (From DS), none (both) */
	struct pd_packet pk;
	static const unsigned fc1s[] = {0x00, 0x01, 0x02, 0x03};
	for (size_t i = 0; i < 4; i++) {
		p.n = 0;
		wlan_hdr(&p, 0x08, fc1s[i], 0);
		snap_ipv4(&p);
		expect_ipv4_tcp(PD_LINK_IEEE802_11, &p, &pk);
		if (i == 3)
			assert_null(pk.wlan_bssid);
		else   /* wlan_hdr's addresses: bytes 2..7, 8..13, 14..19 of its count */
			assert_ptr_equal(pk.wlan_bssid, p.b + 4 + (i == 0 ? 12 : i == 1 ? 0 : 6));
	}
}

/* ---- tunnels ------------------------------------------------------------ */

static const uint8_t C4[4] = {198, 51, 100, 1}, D4[4] = {203, 0, 113, 2};

/* IPv6 + TCP 40000 -> 443 with "hi" at the end of p. */
static void ipv6_tcp(struct pb *p)
{
	size_t ip = pb_ipv6(p, A6, B6, 6);
	pb_tcp(p, 40000, 443, 7, 0x02);
	pb_str(p, "hi");
	pb_ipv6_done(p, ip);
}

static void expect_ipv6_tcp(const struct pb *p, struct pd_packet *pk)
{
	assert_int_equal(pd_decode(PD_LINK_RAW, p->b, p->n, pk), PD_OK);
	assert_int_equal(pk->fam, 6);
	assert_int_equal(pk->proto, 6);
	assert_memory_equal(pk->src, A6, 16);
	assert_memory_equal(pk->dst, B6, 16);
	assert_int_equal(pk->sport, 40000);
	assert_int_equal(pk->dport, 443);
	assert_int_equal(pc_left(&pk->payload), 2);
	assert_true(pc_match(&pk->payload, "hi", 2));
}

/* An outer IPv4 packet C4 -> D4 of protocol proto whose payload body()
 * writes; raw IP. */
static void outer4(struct pb *p, unsigned proto, void (*body)(struct pb *))
{
	p->n = 0;
	size_t ip = pb_ipv4(p, C4, D4, proto, 0);
	body(p);
	pb_ipv4_done(p, ip);
}

/* The outer packet kept: C4 -> D4, protocol proto, no layer unwrapped. */
static void expect_outer4(const struct pb *p, unsigned proto, struct pd_packet *pk)
{
	assert_int_equal(pd_decode(PD_LINK_RAW, p->b, p->n, pk), PD_OK);
	assert_int_equal(pk->proto, proto);
	assert_memory_equal(pk->src, C4, 4);
	assert_memory_equal(pk->dst, D4, 4);
	assert_int_equal(pk->tunnels, 0);
}

static void eth_ipv4_tcp(struct pb *p)
{
	pb_eth(p, 0x0800);
	ipv4_tcp(p);
}

static void gre_ks(struct pb *p)   /* GRE with key and sequence number, IPv4 */
{
	pb_u8(p, 0x30); pb_u8(p, 0); pb_be16(p, 0x0800);
	pb_be32(p, 0x1234); pb_be32(p, 1);
	ipv4_tcp(p);
}
static void gre_csum(struct pb *p)   /* GRE with checksum, IPv4 */
{
	pb_u8(p, 0x80); pb_u8(p, 0); pb_be16(p, 0x0800);
	pb_be32(p, 0);
	ipv4_tcp(p);
}
static void gre_teb(struct pb *p)   /* transparent Ethernet bridging */
{
	pb_u8(p, 0x20); pb_u8(p, 0); pb_be16(p, 0x6558);
	pb_be32(p, 0x100);
	eth_ipv4_tcp(p);
}
static void gre_route(struct pb *p)   /* RFC 1701 routing: not read */
{
	pb_u8(p, 0x40); pb_u8(p, 0); pb_be16(p, 0x0800);
	ipv4_tcp(p);
}
static void erspan1(struct pb *p)
{
	pb_u8(p, 0); pb_u8(p, 0); pb_be16(p, 0x88be);
	eth_ipv4_tcp(p);
}
static void erspan2(struct pb *p)   /* S set, version 1 header: VLAN 10, session 5 */
{
	pb_u8(p, 0x10); pb_u8(p, 0); pb_be16(p, 0x88be);
	pb_be32(p, 77);
	pb_be32(p, 0x100a0005u); pb_be32(p, 3);
	eth_ipv4_tcp(p);
}
static void erspan3(struct pb *p)   /* version 2, O set: platform subheader */
{
	pb_u8(p, 0x10); pb_u8(p, 0); pb_be16(p, 0x22eb);
	pb_be32(p, 78);
	pb_be32(p, 0x200a0005u); pb_be32(p, 0x01020304u); pb_be16(p, 0);
	pb_u8(p, 0x00); pb_u8(p, 0x01);          /* FT 0 Ethernet, O */
	pb_be32(p, 0x04000000u); pb_be32(p, 0);  /* platform-specific */
	eth_ipv4_tcp(p);
}
static void pptp_ip(struct pb *p)   /* version 1: K, S, A; PPP FF 03 0021 */
{
	pb_u8(p, 0x30); pb_u8(p, 0x81); pb_be16(p, 0x880b);
	pb_be16(p, 47); pb_be16(p, 9); pb_be32(p, 2); pb_be32(p, 1);
	pb_mem(p, "\xff\x03\x00\x21", 4);
	ipv4_tcp(p);
}
static void pptp_mppe(struct pb *p)   /* compressed PPP (PFC) MPPE: not IP */
{
	pb_u8(p, 0x30); pb_u8(p, 0x01); pb_be16(p, 0x880b);
	pb_be16(p, 20); pb_be16(p, 9); pb_be32(p, 3);
	pb_mem(p, "\xfd\x90\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11", 20);
}

/* UDP sport -> dport carrying body. */
static void udp_body(struct pb *p, unsigned sport, unsigned dport, void (*body)(struct pb *))
{
	size_t u = pb_udp(p, sport, dport);
	body(p);
	pb_udp_done(p, u);
}
static void vxlan_ok(struct pb *p) { pb_mem(p, "\x08\0\0\0\0\x10\0\0", 8); eth_ipv4_tcp(p); }
static void vxlan_noi(struct pb *p) { pb_mem(p, "\x00\0\0\0\0\x10\0\0", 8); eth_ipv4_tcp(p); }
static void gtpu_plain(struct pb *p)
{
	size_t at = p->n;
	pb_u8(p, 0x30); pb_u8(p, 255); pb_be16(p, 0); pb_be32(p, 0xdeadbeefu);
	ipv4_tcp(p);
	pb_put16(p, at + 2, (unsigned)(p->n - at - 8));
	pb_str(p, "trailer");   /* beyond the GTP length: not part of the packet */
}
static void gtpu_ext(struct pb *p)   /* E: a PDU session container (0x85), then none */
{
	size_t at = p->n;
	pb_u8(p, 0x34); pb_u8(p, 255); pb_be16(p, 0); pb_be32(p, 1);
	pb_be16(p, 0); pb_u8(p, 0); pb_u8(p, 0x85);
	pb_u8(p, 1); pb_u8(p, 0x10); pb_u8(p, 0x09); pb_u8(p, 0);
	ipv4_tcp(p);
	pb_put16(p, at + 2, (unsigned)(p->n - at - 8));
}
static void gtpu_echo(struct pb *p)   /* echo request (type 1): no user packet */
{
	pb_u8(p, 0x32); pb_u8(p, 1); pb_be16(p, 4); pb_be32(p, 0);
	pb_be32(p, 0x00010000u);
}
static void teredo_origin(struct pb *p)   /* origin indication, then IPv6 */
{
	pb_mem(p, "\0\0\x3f\xff\x3c\xcd\x9b\xfe", 8);
	ipv6_tcp(p);
}
static void teredo_auth(struct pb *p)   /* authentication (id 2, value 3), origin, IPv6 */
{
	pb_mem(p, "\0\x01\x02\x03" "ab" "xyz" "12345678" "\0", 4 + 2 + 3 + 8 + 1);
	pb_mem(p, "\0\0\x3f\xff\x3c\xcd\x9b\xfe", 8);
	ipv6_tcp(p);
}
static void teredo_v4(struct pb *p) { ipv4_tcp(p); }   /* not IPv6: not Teredo */

static void udp_vxlan(struct pb *p) { udp_body(p, 51000, 4789, vxlan_ok); }
static void udp_vxlan_noi(struct pb *p) { udp_body(p, 51000, 4789, vxlan_noi); }
static void udp_vxlan_src(struct pb *p) { udp_body(p, 4789, 51000, vxlan_ok); }
static void udp_gtpu(struct pb *p) { udp_body(p, 2152, 2152, gtpu_plain); }
static void udp_gtpu_ext(struct pb *p) { udp_body(p, 40000, 2152, gtpu_ext); }
static void udp_gtpu_echo(struct pb *p) { udp_body(p, 2152, 2152, gtpu_echo); }
static void udp_teredo(struct pb *p) { udp_body(p, 3544, 50000, teredo_origin); }
static void udp_teredo_auth(struct pb *p) { udp_body(p, 50000, 3544, teredo_auth); }
static void udp_teredo_v4(struct pb *p) { udp_body(p, 3544, 50000, teredo_v4); }

static void test_tunnels(void **state)
{
	(void)state;
	struct pb p = {.n = 0};
	struct pd_packet pk;
	/* 4in4 (RFC 2003): the inner 5-tuple and payload */
	outer4(&p, 4, ipv4_tcp);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	assert_int_equal(pk.tunnels, 1);
	assert_false(pk.tunnel_cut);
	/* every cut: never past the bytes; the outer header whole and the
	 * inner one not: the outer packet; the inner IP header whole and its
	 * TCP header not: truncated, with the inner addresses */
	for (size_t cut = 0; cut < p.n; cut++) {
		enum pd_result r = pd_decode(PD_LINK_RAW, p.b, cut, &pk);
		if (cut < 20) {
			assert_int_equal(r, PD_TRUNC);
			continue;
		}
		assert_int_equal(r, cut < 40 || cut >= 60 ? PD_OK : PD_TRUNC);
		assert_int_equal(pk.tunnels, cut >= 40 ? 1 : 0);
		assert_int_equal(pk.proto, cut >= 40 ? 6 : 4);
		assert_memory_equal(pk.src, cut >= 40 ? A4 : C4, 4);
	}
	/* 6in4 (RFC 4213 §3.5), 4in6 */
	outer4(&p, 41, ipv6_tcp);
	expect_ipv6_tcp(&p, &pk);
	assert_int_equal(pk.tunnels, 1);
	p.n = 0;
	size_t ip6 = pb_ipv6(&p, B6, A6, 4);
	ipv4_tcp(&p);
	pb_ipv6_done(&p, ip6);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	assert_int_equal(pk.tunnels, 1);
	/* a later fragment of the outer packet: not unwrapped */
	outer4(&p, 4, ipv4_tcp);
	p.b[6] = 0x00; p.b[7] = 0x10;   /* offset 16 × 8 */
	expect_outer4(&p, 4, &pk);
	p.b[6] = 0x20; p.b[7] = 0x00;   /* first fragment (MF): not either */
	expect_outer4(&p, 4, &pk);

	/* GRE: key + sequence, checksum, transparent Ethernet bridging */
	outer4(&p, 47, gre_ks);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	outer4(&p, 47, gre_csum);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	outer4(&p, 47, gre_teb);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	assert_int_equal(pk.tunnels, 1);
	outer4(&p, 47, gre_route);
	expect_outer4(&p, 47, &pk);
	assert_int_equal(pc_left(&pk.payload), 4 + 43);
	/* ERSPAN I, II, III */
	outer4(&p, 47, erspan1);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	outer4(&p, 47, erspan2);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	p.b[20 + 8] = 0x20;   /* version 2 under 0x88BE: not ERSPAN II */
	expect_outer4(&p, 47, &pk);
	outer4(&p, 47, erspan3);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	p.b[20 + 8 + 11] = 0x08;   /* frame type 2 (IP) but an Ethernet frame follows */
	expect_outer4(&p, 47, &pk);
	/* PPTP: PPP carrying IPv4; MPPE-encrypted PPP stays the GRE packet */
	outer4(&p, 47, pptp_ip);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	outer4(&p, 47, pptp_mppe);
	expect_outer4(&p, 47, &pk);

	/* VXLAN: to port 4789, I flag set */
	outer4(&p, 17, udp_vxlan);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	assert_int_equal(pk.tunnels, 1);
	outer4(&p, 17, udp_vxlan_noi);
	expect_outer4(&p, 17, &pk);
	assert_int_equal(pk.dport, 4789);
	assert_int_equal(pc_left(&pk.payload), 8 + 14 + 43);
	outer4(&p, 17, udp_vxlan_src);   /* from 4789: another protocol's reply */
	expect_outer4(&p, 17, &pk);
	/* GTP-U: plain (its length ends the packet), with an extension
	 * header, an echo request */
	outer4(&p, 17, udp_gtpu);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	outer4(&p, 17, udp_gtpu_ext);
	expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	p.b[20 + 8 + 12] = 0;   /* an extension header of length 0 */
	expect_outer4(&p, 17, &pk);
	outer4(&p, 17, udp_gtpu_echo);
	expect_outer4(&p, 17, &pk);
	assert_int_equal(pk.sport, 2152);
	/* Teredo: origin indication; authentication and origin; IPv4 inside
	 * is not Teredo */
	outer4(&p, 17, udp_teredo);
	expect_ipv6_tcp(&p, &pk);
	assert_int_equal(pk.tunnels, 1);
	outer4(&p, 17, udp_teredo_auth);
	expect_ipv6_tcp(&p, &pk);
	outer4(&p, 17, udp_teredo_v4);
	expect_outer4(&p, 17, &pk);
	assert_int_equal(pk.sport, 3544);

	/* nesting: PD_MAX_TUNNELS layers of 4in4 are read, one more is not */
	for (int layers = PD_MAX_TUNNELS; layers <= PD_MAX_TUNNELS + 1; layers++) {
		p.n = 0;
		size_t at[PD_MAX_TUNNELS + 1];
		for (int i = 0; i < layers; i++)
			at[i] = pb_ipv4(&p, C4, D4, 4, 0);
		ipv4_tcp(&p);
		for (int i = layers - 1; i >= 0; i--)
			pb_ipv4_done(&p, at[i]);
		assert_int_equal(pd_decode(PD_LINK_RAW, p.b, p.n, &pk), PD_OK);
		assert_int_equal(pk.tunnels, PD_MAX_TUNNELS);
		assert_int_equal(pk.tunnel_cut, layers > PD_MAX_TUNNELS);
		assert_int_equal(pk.proto, layers > PD_MAX_TUNNELS ? 4 : 6);
		if (layers == PD_MAX_TUNNELS)
			expect_ipv4_tcp(PD_LINK_RAW, &p, &pk);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ethernet_and_padding),
		cmocka_unit_test(test_vlan_qinq_mpls_pppoe),
		cmocka_unit_test(test_cooked_raw_null),
		cmocka_unit_test(test_ipv4_options_fragments),
		cmocka_unit_test(test_ipv6_extension_headers),
		cmocka_unit_test(test_dot11),
		cmocka_unit_test(test_tunnels),
		cmocka_unit_test(test_dot11_networks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
