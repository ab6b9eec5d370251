/*
 * pcap_decode.c — link, network and transport headers of one frame (see
 * pcap_decode.h). A chain of small functions, each reading its header
 * from the cursor and handing the rest on; any header cut short by the
 * capture ends the chain with PD_TRUNC.
 */
#include "pcap_decode.h"

#include <string.h>

#define ETH_IPV4 0x0800
#define ETH_IPV6 0x86dd
#define ETH_VLAN 0x8100
#define ETH_QINQ 0x88a8
#define ETH_QINQ_OLD 0x9100
#define ETH_MPLS 0x8847
#define ETH_MPLS_MC 0x8848
#define ETH_PPPOE 0x8864

static enum pd_result pd_ip(struct pktcur *c, struct pd_packet *pk);

bool pd_link_supported(int link)
{
	return pd_link_name(link) != NULL;
}

const char *pd_link_name(int link)
{
	switch (link) {
	case PD_LINK_NULL: return "BSD loopback";
	case PD_LINK_LOOP: return "OpenBSD loopback";
	case PD_LINK_EN10MB: return "Ethernet";
	case PD_LINK_RAW_DLT12:
	case PD_LINK_RAW_DLT14:
	case PD_LINK_RAW: return "raw IP";
	case PD_LINK_IPV4: return "raw IPv4";
	case PD_LINK_IPV6: return "raw IPv6";
	case PD_LINK_LINUX_SLL: return "Linux cooked v1";
	case PD_LINK_LINUX_SLL2: return "Linux cooked v2";
	default: return NULL;
	}
}

/* TCP or UDP header, then the payload (bounded by the IP payload). */
static enum pd_result pd_transport(struct pktcur *c, struct pd_packet *pk)
{
	if (pk->later_fragment)
		return PD_OK;
	if (pk->proto == 6) {
		uint32_t ack;
		uint8_t doff, flags;
		uint16_t win, sum, urg;
		if (pc_be16(c, &pk->sport) || pc_be16(c, &pk->dport) || pc_be32(c, &pk->seq) ||
		    pc_be32(c, &ack) || pc_u8(c, &doff) || pc_u8(c, &flags) || pc_be16(c, &win) ||
		    pc_be16(c, &sum) || pc_be16(c, &urg))
			return PD_TRUNC;
		size_t hlen = (size_t)(doff >> 4) * 4;
		if (hlen < 20)
			return PD_BAD;
		if (pc_skip(c, hlen - 20))
			return PD_TRUNC;
		pk->tcp_flags = flags;
		pk->has_ports = true;
		pc_rest(c, &pk->payload);
		return PD_OK;
	}
	if (pk->proto == 17) {
		uint16_t ulen, sum;
		if (pc_be16(c, &pk->sport) || pc_be16(c, &pk->dport) || pc_be16(c, &ulen) ||
		    pc_be16(c, &sum))
			return PD_TRUNC;
		pk->has_ports = true;
		if (ulen >= 8)
			pc_limit(c, ulen - 8u);
		pc_rest(c, &pk->payload);
		return PD_OK;
	}
	return PD_OK;
}

static enum pd_result pd_ipv4(struct pktcur *c, struct pd_packet *pk)
{
	uint8_t vihl, tos, ttl, proto;
	uint16_t tot, id, frag, sum;
	if (pc_u8(c, &vihl) || pc_u8(c, &tos) || pc_be16(c, &tot) || pc_be16(c, &id) ||
	    pc_be16(c, &frag) || pc_u8(c, &ttl) || pc_u8(c, &proto) || pc_be16(c, &sum))
		return PD_TRUNC;
	size_t ihl = (size_t)(vihl & 0x0f) * 4;
	if ((vihl >> 4) != 4 || ihl < 20)
		return PD_BAD;
	if (pc_copy(c, pk->src, 4) || pc_copy(c, pk->dst, 4))
		return PD_TRUNC;
	pk->fam = 4;
	pk->proto = proto;
	if (pc_skip(c, ihl - 20))   /* options */
		return PD_TRUNC;
	/* Total length bounds the payload (Ethernet padding, F5 trailers);
	 * 0 is TSO-offloaded output: trust the capture. */
	if (tot >= ihl)
		pc_limit(c, tot - ihl);
	else if (tot != 0)
		return PD_BAD;
	pk->fragment = (frag & 0x2000) || (frag & 0x1fff);
	pk->later_fragment = (frag & 0x1fff) != 0;
	return pd_transport(c, pk);
}

static enum pd_result pd_ipv6(struct pktcur *c, struct pd_packet *pk)
{
	uint32_t vtcfl;
	uint16_t plen;
	uint8_t nh, hlim;
	if (pc_be32(c, &vtcfl) || pc_be16(c, &plen) || pc_u8(c, &nh) || pc_u8(c, &hlim))
		return PD_TRUNC;
	if ((vtcfl >> 28) != 6)
		return PD_BAD;
	if (pc_copy(c, pk->src, 16) || pc_copy(c, pk->dst, 16))
		return PD_TRUNC;
	pk->fam = 6;
	if (plen)   /* 0: a jumbogram or offloaded output */
		pc_limit(c, plen);
	for (int i = 0; i <= PD_MAX_TAGS; i++) {
		uint8_t next, len8;
		switch (nh) {
		case 0:    /* hop-by-hop */
		case 43:   /* routing */
		case 60:   /* destination options */
			if (pc_u8(c, &next) || pc_u8(c, &len8) || pc_skip(c, (size_t)len8 * 8 + 6))
				return PD_TRUNC;
			nh = next;
			continue;
		case 51:   /* AH: length in 4-byte units, minus 2 */
			if (pc_u8(c, &next) || pc_u8(c, &len8) || pc_skip(c, (size_t)len8 * 4 + 6))
				return PD_TRUNC;
			nh = next;
			continue;
		case 44: { /* fragment */
			uint8_t res;
			uint16_t offm;
			uint32_t ident;
			if (pc_u8(c, &next) || pc_u8(c, &res) || pc_be16(c, &offm) || pc_be32(c, &ident))
				return PD_TRUNC;
			pk->fragment = true;
			if (offm & 0xfff8)
				pk->later_fragment = true;
			nh = next;
			continue;
		}
		default:
			pk->proto = nh;
			return pd_transport(c, pk);
		}
	}
	pk->proto = nh;   /* too many extension headers: give up on ports */
	return PD_OK;
}

/* An IP packet whose version the first nibble says. */
static enum pd_result pd_ip(struct pktcur *c, struct pd_packet *pk)
{
	uint8_t v;
	if (pc_peek(c, 0, &v))
		return PD_TRUNC;
	if ((v >> 4) == 4)
		return pd_ipv4(c, pk);
	if ((v >> 4) == 6)
		return pd_ipv6(c, pk);
	return PD_NOT_IP;
}

static enum pd_result pd_ethertype(struct pktcur *c, uint16_t type, struct pd_packet *pk);

/* MPLS label stack down to the bottom label, then IP by its version
 * nibble (a pseudowire control word, nibble 0, is not read). */
static enum pd_result pd_mpls(struct pktcur *c, struct pd_packet *pk)
{
	for (int i = 0; i < PD_MAX_TAGS; i++) {
		uint32_t lse;
		if (pc_be32(c, &lse))
			return PD_TRUNC;
		pk->mpls_labels++;
		if (lse & 0x100)
			return pd_ip(c, pk);
	}
	return PD_NOT_IP;
}

/* PPPoE session header, then the PPP protocol. */
static enum pd_result pd_pppoe(struct pktcur *c, struct pd_packet *pk)
{
	uint8_t vt, code;
	uint16_t sess, len, proto;
	if (pc_u8(c, &vt) || pc_u8(c, &code) || pc_be16(c, &sess) || pc_be16(c, &len))
		return PD_TRUNC;
	pk->pppoe = true;
	if (len >= 2)
		pc_limit(c, len);
	if (pc_be16(c, &proto))
		return PD_TRUNC;
	if (proto == 0x0021)
		return pd_ipv4(c, pk);
	if (proto == 0x0057)
		return pd_ipv6(c, pk);
	return PD_NOT_IP;
}

static enum pd_result pd_ethertype(struct pktcur *c, uint16_t type, struct pd_packet *pk)
{
	for (int i = 0; i <= PD_MAX_TAGS; i++) {
		switch (type) {
		case ETH_IPV4: return pd_ipv4(c, pk);
		case ETH_IPV6: return pd_ipv6(c, pk);
		case ETH_MPLS:
		case ETH_MPLS_MC: return pd_mpls(c, pk);
		case ETH_PPPOE: return pd_pppoe(c, pk);
		case ETH_VLAN:
		case ETH_QINQ:
		case ETH_QINQ_OLD: {
			uint16_t tci;
			if (pc_be16(c, &tci) || pc_be16(c, &type))
				return PD_TRUNC;
			pk->vlan_tags++;
			continue;
		}
		default:
			return PD_NOT_IP;
		}
	}
	return PD_NOT_IP;
}

/* BSD null/loopback: the address family in the capturing host's byte
 * order (null) or in network order (loop). AF_INET is 2 everywhere;
 * AF_INET6 is 10 (Linux), 24 (NetBSD/OpenBSD), 28 (FreeBSD), 30 (macOS). */
static enum pd_result pd_null(struct pktcur *c, bool net_order, struct pd_packet *pk)
{
	uint32_t af;
	if (net_order ? pc_be32(c, &af) : pc_le32(c, &af))
		return PD_TRUNC;
	if (!net_order && (af & 0xffff) == 0 && af)
		af = (af >> 24) | ((af >> 8) & 0xff00);   /* written big-endian */
	switch (af) {
	case 2: return pd_ipv4(c, pk);
	case 10: case 24: case 28: case 30: return pd_ipv6(c, pk);
	default: return PD_NOT_IP;
	}
}

enum pd_result pd_decode(int link, const uint8_t *data, size_t caplen, struct pd_packet *pk)
{
	memset(pk, 0, sizeof(*pk));
	struct pktcur c;
	pc_init(&c, data, caplen);
	uint16_t type;
	switch (link) {
	case PD_LINK_EN10MB:
		if (pc_skip(&c, 12) || pc_be16(&c, &type))
			return PD_TRUNC;
		if (type < 0x0600)   /* an 802.3 length: LLC, not IP */
			return PD_NOT_IP;
		return pd_ethertype(&c, type, pk);
	case PD_LINK_LINUX_SLL:
		/* packet type, ARPHRD, address length, 8 address bytes, protocol */
		if (pc_skip(&c, 14) || pc_be16(&c, &type))
			return PD_TRUNC;
		return pd_ethertype(&c, type, pk);
	case PD_LINK_LINUX_SLL2:
		/* protocol, reserved, ifindex, ARPHRD, packet type, address length, 8 bytes */
		if (pc_be16(&c, &type) || pc_skip(&c, 18))
			return PD_TRUNC;
		return pd_ethertype(&c, type, pk);
	case PD_LINK_RAW_DLT12:
	case PD_LINK_RAW_DLT14:
	case PD_LINK_RAW:
		return pd_ip(&c, pk);
	case PD_LINK_IPV4:
		return pd_ipv4(&c, pk);
	case PD_LINK_IPV6:
		return pd_ipv6(&c, pk);
	case PD_LINK_NULL:
		return pd_null(&c, false, pk);
	case PD_LINK_LOOP:
		return pd_null(&c, true, pk);
	default:
		return PD_LINK;
	}
}
