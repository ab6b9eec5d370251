/*
 * decode.c — link, network and transport headers of one frame (see
 * decode.h). A chain of small functions, each laying its header's named
 * layout (hdr.h) over the cursor and handing the rest on; any header cut
 * short by the capture ends the chain with PD_TRUNC.
 */
#include "decode.h"

#include <stddef.h>
#include <string.h>

#include "hdr.h"

#define ETH_IPV4 0x0800
#define ETH_IPV6 0x86dd
#define ETH_VLAN 0x8100
#define ETH_QINQ 0x88a8
#define ETH_QINQ_OLD 0x9100
#define ETH_MPLS 0x8847
#define ETH_MPLS_MC 0x8848
#define ETH_PPPOE 0x8864
#define PPP_PAP 0xc023            /* RFC 1334 §2.2 (PPP protocol numbers: RFC 1661 §2) */


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
	case PD_LINK_IEEE802_11: return "802.11";
	case PD_LINK_RADIOTAP: return "802.11 radiotap";
	case PD_LINK_PPI: return "PPI";
	case PD_LINK_NFLOG: return "NFLOG";
	default: return NULL;
	}
}

/* TCP or UDP header, then the payload (bounded by the IP payload). */
static enum pd_result pd_transport(struct pktcur *c, struct pd_packet *pk)
{
	if (pk->later_fragment)
		return PD_OK;
	if (pk->proto == 6) {
		const struct tcp_hdr *th = PC_TAKE(c, struct tcp_hdr);
		if (!th)
			return PD_TRUNC;
		pk->sport = GET_BE_U_2(th->th_sport);
		pk->dport = GET_BE_U_2(th->th_dport);
		pk->seq = GET_BE_U_4(th->th_seq);
		size_t hlen = (size_t)TH_OFF(th) * 4;
		if (hlen < sizeof(*th))
			return PD_BAD;
		if (pc_skip(c, hlen - sizeof(*th)))   /* options */
			return PD_TRUNC;
		pk->tcp_flags = GET_U_1(th->th_flags);
		pk->has_ports = true;
		pc_rest(c, &pk->payload);
		return PD_OK;
	}
	if (pk->proto == 17) {
		const struct udp_hdr *uh = PC_TAKE(c, struct udp_hdr);
		if (!uh)
			return PD_TRUNC;
		pk->sport = GET_BE_U_2(uh->uh_sport);
		pk->dport = GET_BE_U_2(uh->uh_dport);
		uint16_t ulen = GET_BE_U_2(uh->uh_ulen);
		pk->has_ports = true;
		if (ulen >= sizeof(*uh))
			pc_limit(c, ulen - sizeof(*uh));
		pc_rest(c, &pk->payload);
		return PD_OK;
	}
	return PD_OK;
}

static enum pd_result pd_ipv4(struct pktcur *c, struct pd_packet *pk)
{
	/* The fields before the addresses first: a header cut short after
	 * them with a wrong version or length is PD_BAD, not PD_TRUNC. */
	const struct ip4_hdr *ip = pc_view(c, offsetof(struct ip4_hdr, ip_src));
	if (!ip)
		return PD_TRUNC;
	size_t ihl = (size_t)IP_HL(ip) * 4;
	if (IP_V(ip) != 4 || ihl < sizeof(*ip))
		return PD_BAD;
	if (!pc_take(c, sizeof(*ip)))   /* now the whole header, addresses too */
		return PD_TRUNC;
	GET_CPY_BYTES(pk->src, ip->ip_src);
	GET_CPY_BYTES(pk->dst, ip->ip_dst);
	pk->fam = 4;
	pk->proto = GET_U_1(ip->ip_p);
	if (pc_skip(c, ihl - sizeof(*ip)))   /* options */
		return PD_TRUNC;
	/* Total length bounds the payload (Ethernet padding, F5 trailers);
	 * 0 is TSO-offloaded output: trust the capture. */
	uint16_t tot = GET_BE_U_2(ip->ip_len);
	if (tot >= ihl)
		pc_limit(c, tot - ihl);
	else if (tot != 0)
		return PD_BAD;
	uint16_t off = GET_BE_U_2(ip->ip_off);
	pk->fragment = (off & IP_MF) || (off & IP_OFFMASK);
	pk->later_fragment = (off & IP_OFFMASK) != 0;
	return pd_transport(c, pk);
}

static enum pd_result pd_ipv6(struct pktcur *c, struct pd_packet *pk)
{
	/* The fields before the addresses first, as for IPv4. */
	const struct ip6_hdr *ip6 = pc_view(c, offsetof(struct ip6_hdr, ip6_src));
	if (!ip6)
		return PD_TRUNC;
	if ((GET_BE_U_4(ip6->ip6_flow) >> 28) != 6)
		return PD_BAD;
	if (!pc_take(c, sizeof(*ip6)))
		return PD_TRUNC;
	GET_CPY_BYTES(pk->src, ip6->ip6_src);
	GET_CPY_BYTES(pk->dst, ip6->ip6_dst);
	pk->fam = 6;
	uint16_t plen = GET_BE_U_2(ip6->ip6_plen);
	if (plen)   /* 0: a jumbogram or offloaded output */
		pc_limit(c, plen);
	uint8_t nh = GET_U_1(ip6->ip6_nxt);
	for (int i = 0; i <= PD_MAX_TAGS; i++) {
		const struct ip6_ext *ext;
		switch (nh) {
		case 0:    /* hop-by-hop */
		case 43:   /* routing */
		case 60:   /* destination options */
			ext = PC_TAKE(c, struct ip6_ext);
			if (!ext || pc_skip(c, ((size_t)GET_U_1(ext->ip6e_len) + 1) * 8 - sizeof(*ext)))
				return PD_TRUNC;
			nh = GET_U_1(ext->ip6e_nxt);
			continue;
		case 51:   /* AH: length in 4-byte units, minus 2 */
			ext = PC_TAKE(c, struct ip6_ext);
			if (!ext || pc_skip(c, ((size_t)GET_U_1(ext->ip6e_len) + 2) * 4 - sizeof(*ext)))
				return PD_TRUNC;
			nh = GET_U_1(ext->ip6e_nxt);
			continue;
		case 44: { /* fragment */
			const struct ip6_frag *fh = PC_TAKE(c, struct ip6_frag);
			if (!fh)
				return PD_TRUNC;
			pk->fragment = true;
			if (GET_BE_U_2(fh->ip6f_offlg) & IP6F_OFF_MASK)
				pk->later_fragment = true;
			nh = GET_U_1(fh->ip6f_nxt);
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
enum pd_result pd_ip(struct pktcur *c, struct pd_packet *pk)
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


/* MPLS label stack down to the bottom label, then IP by its version
 * nibble (a pseudowire control word, nibble 0, is not read). */
static enum pd_result pd_mpls(struct pktcur *c, struct pd_packet *pk)
{
	for (int i = 0; i < PD_MAX_TAGS; i++) {
		const struct mpls_lse *lse = PC_TAKE(c, struct mpls_lse);
		if (!lse)
			return PD_TRUNC;
		pk->mpls_labels++;
		if (GET_BE_U_4(lse->mpls_entry) & MPLS_BOTTOM)
			return pd_ip(c, pk);
	}
	return PD_NOT_IP;
}

/* PPPoE session header, then the PPP protocol. */
static enum pd_result pd_pppoe(struct pktcur *c, struct pd_packet *pk)
{
	const struct pppoe_hdr *ph = PC_TAKE(c, struct pppoe_hdr);
	if (!ph)
		return PD_TRUNC;
	pk->pppoe = true;
	uint16_t len = GET_BE_U_2(ph->pppoe_length);
	if (len >= 2)
		pc_limit(c, len);
	uint16_t proto;
	if (pc_be16(c, &proto))   /* the PPP protocol, first bytes of the payload */
		return PD_TRUNC;
	if (proto == 0x0021)
		return pd_ipv4(c, pk);
	if (proto == 0x0057)
		return pd_ipv6(c, pk);
	if (proto == PPP_PAP) {
		/* Not IP, but a login: the packet at hand is handed to
		 * ft_ppp_auth (login_ppp.c) with the session's endpoints. */
		pk->ppp_proto = proto;
		pk->pppoe_session = GET_BE_U_2(ph->pppoe_session);
		pc_rest(c, &pk->payload);
	}
	return PD_NOT_IP;
}

enum pd_result pd_ethertype(struct pktcur *c, uint16_t type, struct pd_packet *pk)
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
			const struct vlan_tag *tag = PC_TAKE(c, struct vlan_tag);
			if (!tag)
				return PD_TRUNC;
			type = GET_BE_U_2(tag->vlan_type);
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
	const struct null_hdr *nh = PC_TAKE(c, struct null_hdr);
	if (!nh)
		return PD_TRUNC;
	uint32_t af = net_order ? GET_BE_U_4(nh->null_family) : GET_LE_U_4(nh->null_family);
	if (!net_order && (af & 0xffff) == 0 && af)
		af = (af >> 24) | ((af >> 8) & 0xff00);   /* written big-endian */
	switch (af) {
	case 2: return pd_ipv4(c, pk);
	case 10: case 24: case 28: case 30: return pd_ipv6(c, pk);
	default: return PD_NOT_IP;
	}
}

enum pd_result pd_ether(struct pktcur *c, struct pd_packet *pk)
{
	const struct ether_hdr *eh = PC_TAKE(c, struct ether_hdr);
	if (!eh)
		return PD_TRUNC;
	pk->eth = eh;   /* PPPoE PAP endpoints are the MAC addresses */
	uint16_t type = GET_BE_U_2(eh->ether_type);
	if (type < 0x0600)   /* an 802.3 length: LLC, not IP */
		return PD_NOT_IP;
	return pd_ethertype(c, type, pk);
}

enum pd_result pd_decode(int link, const uint8_t *data, size_t caplen, struct pd_packet *pk)
{
	memset(pk, 0, sizeof(*pk));
	struct pktcur c;
	pc_init(&c, data, caplen);
	switch (link) {
	case PD_LINK_EN10MB:
		return pd_ether(&c, pk);
	case PD_LINK_LINUX_SLL: {
		const struct sll_hdr *sh = PC_TAKE(&c, struct sll_hdr);
		if (!sh)
			return PD_TRUNC;
		return pd_ethertype(&c, GET_BE_U_2(sh->sll_protocol), pk);
	}
	case PD_LINK_LINUX_SLL2: {
		const struct sll2_hdr *sh = PC_TAKE(&c, struct sll2_hdr);
		if (!sh)
			return PD_TRUNC;
		return pd_ethertype(&c, GET_BE_U_2(sh->sll2_protocol), pk);
	}
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
	case PD_LINK_IEEE802_11:
		return pd_dot11(&c, pk);
	case PD_LINK_RADIOTAP:
		return pd_radiotap(&c, pk);
	case PD_LINK_PPI:
		return pd_ppi(&c, pk);
	case PD_LINK_NFLOG:
		return pd_nflog(&c, pk);
	default:
		return PD_LINK;
	}
}
