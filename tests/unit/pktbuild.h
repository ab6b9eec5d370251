/*
 * pktbuild.h — hand-built packet bytes for the capture tests: a growable
 * byte buffer with big-endian writers, IPv4/IPv6/TCP/UDP headers whose
 * length fields are patched once the payload is known, TLS hellos with
 * SNI and supported_versions, and classic pcap files in memory.
 */
#ifndef EDGELINT_PKTBUILD_H
#define EDGELINT_PKTBUILD_H

#include <stdint.h>
#include <string.h>

struct pb {
	uint8_t b[16384];
	size_t n;
};

static inline void pb_u8(struct pb *p, unsigned v) { p->b[p->n++] = (uint8_t)v; }
static inline void pb_be16(struct pb *p, unsigned v) { pb_u8(p, v >> 8); pb_u8(p, v); }
static inline void pb_be24(struct pb *p, unsigned v) { pb_u8(p, v >> 16); pb_be16(p, v); }
static inline void pb_be32(struct pb *p, uint32_t v) { pb_be16(p, v >> 16); pb_be16(p, v); }
static inline void pb_le32(struct pb *p, uint32_t v)
{
	pb_u8(p, v); pb_u8(p, v >> 8); pb_u8(p, v >> 16); pb_u8(p, v >> 24);
}
static inline void pb_mem(struct pb *p, const void *s, size_t n)
{
	memcpy(p->b + p->n, s, n);
	p->n += n;
}
static inline void pb_str(struct pb *p, const char *s) { pb_mem(p, s, strlen(s)); }
static inline void pb_put16(struct pb *p, size_t at, unsigned v)
{
	p->b[at] = (uint8_t)(v >> 8);
	p->b[at + 1] = (uint8_t)v;
}
static inline void pb_put24(struct pb *p, size_t at, unsigned v)
{
	p->b[at] = (uint8_t)(v >> 16);
	pb_put16(p, at + 1, v);
}

static inline void pb_eth(struct pb *p, unsigned type)
{
	static const uint8_t macs[12] = {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2};
	pb_mem(p, macs, 12);
	pb_be16(p, type);
}

/* IPv4 header at the end of p; returns its offset for pb_ip_done. */
static inline size_t pb_ipv4(struct pb *p, const uint8_t src[4], const uint8_t dst[4],
			     unsigned proto, unsigned frag)
{
	size_t at = p->n;
	pb_u8(p, 0x45); pb_u8(p, 0); pb_be16(p, 0); pb_be16(p, 1); pb_be16(p, frag);
	pb_u8(p, 64); pb_u8(p, proto); pb_be16(p, 0);
	pb_mem(p, src, 4);
	pb_mem(p, dst, 4);
	return at;
}
static inline void pb_ipv4_done(struct pb *p, size_t at) { pb_put16(p, at + 2, (unsigned)(p->n - at)); }

static inline size_t pb_ipv6(struct pb *p, const uint8_t src[16], const uint8_t dst[16],
			     unsigned nh)
{
	size_t at = p->n;
	pb_be32(p, 0x60000000u); pb_be16(p, 0); pb_u8(p, nh); pb_u8(p, 64);
	pb_mem(p, src, 16);
	pb_mem(p, dst, 16);
	return at;
}
static inline void pb_ipv6_done(struct pb *p, size_t at) { pb_put16(p, at + 4, (unsigned)(p->n - at - 40)); }

static inline void pb_tcp(struct pb *p, unsigned sport, unsigned dport, uint32_t seq, unsigned flags)
{
	pb_be16(p, sport); pb_be16(p, dport); pb_be32(p, seq); pb_be32(p, 0);
	pb_u8(p, 0x50); pb_u8(p, flags); pb_be16(p, 65535); pb_be16(p, 0); pb_be16(p, 0);
}

static inline size_t pb_udp(struct pb *p, unsigned sport, unsigned dport)
{
	size_t at = p->n;
	pb_be16(p, sport); pb_be16(p, dport); pb_be16(p, 0); pb_be16(p, 0);
	return at;
}
static inline void pb_udp_done(struct pb *p, size_t at) { pb_put16(p, at + 4, (unsigned)(p->n - at)); }

/* A TLS handshake record carrying a ClientHello with SNI name (NULL:
 * none) and supported_versions (nvers entries; 0: no extension). */
static inline void pb_client_hello(struct pb *p, const char *name, const uint16_t *vers,
				   size_t nvers, unsigned legacy)
{
	size_t rec = p->n;
	pb_u8(p, 22); pb_be16(p, 0x0301); pb_be16(p, 0);
	size_t hs = p->n;
	pb_u8(p, 1); pb_be24(p, 0);
	pb_be16(p, legacy);
	for (int i = 0; i < 32; i++)
		pb_u8(p, i);
	pb_u8(p, 0);                       /* session id */
	pb_be16(p, 4); pb_be16(p, 0x1301); pb_be16(p, 0xc02f);
	pb_u8(p, 1); pb_u8(p, 0);          /* compression */
	size_t ext = p->n;
	pb_be16(p, 0);
	pb_be16(p, 0x0a0a); pb_be16(p, 0); /* a GREASE extension */
	if (name) {
		size_t nl = strlen(name);
		pb_be16(p, 0); pb_be16(p, (unsigned)nl + 5);
		pb_be16(p, (unsigned)nl + 3); pb_u8(p, 0); pb_be16(p, (unsigned)nl);
		pb_str(p, name);
	}
	if (nvers) {
		pb_be16(p, 43); pb_be16(p, (unsigned)(1 + 2 * nvers)); pb_u8(p, (unsigned)(2 * nvers));
		for (size_t i = 0; i < nvers; i++)
			pb_be16(p, vers[i]);
	}
	pb_put16(p, ext, (unsigned)(p->n - ext - 2));
	pb_put24(p, hs + 1, (unsigned)(p->n - hs - 4));
	pb_put16(p, rec + 3, (unsigned)(p->n - rec - 5));
}

/* A ServerHello record: legacy version, and supported_versions when sv. */
static inline void pb_server_hello(struct pb *p, unsigned legacy, unsigned sv)
{
	size_t rec = p->n;
	pb_u8(p, 22); pb_be16(p, 0x0303); pb_be16(p, 0);
	size_t hs = p->n;
	pb_u8(p, 2); pb_be24(p, 0);
	pb_be16(p, legacy);
	for (int i = 0; i < 32; i++)
		pb_u8(p, 0x40 + i);
	pb_u8(p, 0);
	pb_be16(p, 0x1301);
	pb_u8(p, 0);
	if (sv) {
		pb_be16(p, 6);
		pb_be16(p, 43); pb_be16(p, 2); pb_be16(p, sv);
	}
	pb_put24(p, hs + 1, (unsigned)(p->n - hs - 4));
	pb_put16(p, rec + 3, (unsigned)(p->n - rec - 5));
}

/* ---- classic pcap files --------------------------------------------------- */

static inline void pcapf_begin(struct pb *f, unsigned link)
{
	f->n = 0;
	pb_le32(f, 0xa1b2c3d4u); pb_u8(f, 2); pb_u8(f, 0); pb_u8(f, 4); pb_u8(f, 0);
	pb_le32(f, 0); pb_le32(f, 0); pb_le32(f, 65535); pb_le32(f, link);
}

static inline void pcapf_add(struct pb *f, const struct pb *pkt)
{
	pb_le32(f, 1700000000u); pb_le32(f, 0);
	pb_le32(f, (uint32_t)pkt->n); pb_le32(f, (uint32_t)pkt->n);
	pb_mem(f, pkt->b, pkt->n);
}

#endif
