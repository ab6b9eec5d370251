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
#define ETH_TEB 0x6558            /* transparent Ethernet bridging (GRE, RFC 1701 §3.3; NVGRE) */
#define ETH_PPP 0x880b            /* PPP in PPTP's enhanced GRE (RFC 2637 §4.1) */
#define ETH_ERSPAN 0x88be         /* ERSPAN types I and II */
#define ETH_ERSPAN3 0x22eb        /* ERSPAN type III */
#define IPPROTO_IPIP 4            /* IPv4 in IP (RFC 2003) */
#define IPPROTO_IPV6IN 41         /* IPv6 in IP (RFC 4213 §3.5) */
#define IPPROTO_GRE 47
#define UDP_VXLAN 4789            /* RFC 7348 §5: the destination port */
#define UDP_GTPU 2152             /* 3GPP TS 29.281 §4.4.2.3 */
#define UDP_TEREDO 3544           /* RFC 4380 §5.1: the Teredo server port */

static enum pd_result pd_ipv4(struct pktcur *c, struct pd_packet *pk);
static enum pd_result pd_ipv6(struct pktcur *c, struct pd_packet *pk);


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

/* ---- tunnels (issue 16 §4) --------------------------------------------------
 * An IP packet or Ethernet frame carried inside another is decoded like an
 * outer one, and the packet becomes the inner one (addresses, ports,
 * payload): flows are the tunnelled conversations, not the tunnel. Up to
 * PD_MAX_TUNNELS layers; a deeper one stays the packet of the last layer
 * read, tunnel_cut says so (the reader counts it, the report says it). A
 * tunnel whose inner IP header was read but whose transport header was cut
 * short is PD_TRUNC like any such packet; one whose inner packet cannot be
 * read (cut short before its IP header, not IP, a header that is not the
 * tunnel's after all) stays the outer packet, so that a UDP flow on one of
 * these ports that is something else is still a flow.
 * A fragment of the outer packet is not unwrapped (its inner packet is
 * incomplete). */

/* PPP in PPTP's GRE (RFC 2637 §4.1): address and control (FF 03) may be
 * left out (ACFC, RFC 1661 §6.6), the protocol may be one byte (PFC,
 * §6.5: an odd first byte). MPPE-encrypted (0x00fd) and compressed PPP
 * is not IP. */
static enum pd_result pd_gre_ppp(struct pktcur *c, struct pd_packet *pk)
{
	uint8_t b0, b1;
	if (pc_peek(c, 0, &b0) || pc_peek(c, 1, &b1))
		return PD_TRUNC;
	if (b0 == 0xff && b1 == 0x03)
		pc_skip(c, 2);
	uint8_t p0;
	if (pc_u8(c, &p0))
		return PD_TRUNC;
	unsigned proto = p0;
	if (!(p0 & 1)) {
		uint8_t p1;
		if (pc_u8(c, &p1))
			return PD_TRUNC;
		proto = (unsigned)p0 << 8 | p1;
	}
	if (proto == 0x0021)
		return pd_ipv4(c, pk);
	if (proto == 0x0057)
		return pd_ipv6(c, pk);
	return PD_NOT_IP;
}

/* ERSPAN (draft-foschiano-erspan-03 §4; GRE protocol 0x88BE, 0x22EB):
 * type I is GRE without a sequence number and the mirrored Ethernet frame
 * right after it; type II has a sequence number and an 8-byte header
 * (version 1); type III a 12-byte header (version 2) whose last bit (O)
 * says an 8-byte platform-specific subheader follows, and whose frame
 * type (5 bits of its 11th byte) is 0 for Ethernet, 2 for IP. */
static enum pd_result pd_erspan(struct pktcur *c, bool type3, bool seq, struct pd_packet *pk)
{
	if (!type3 && !seq)
		return pd_ether(c, pk);
	uint8_t h[12];
	size_t hlen = type3 ? 12 : 8;
	if (pc_copy(c, h, hlen))
		return PD_TRUNC;
	if ((h[0] >> 4) != (type3 ? 2 : 1))
		return PD_NOT_IP;
	if (!type3)
		return pd_ether(c, pk);
	if ((h[11] & 1) && pc_skip(c, 8))
		return PD_TRUNC;
	unsigned ft = (h[10] >> 2) & 0x1f;
	if (ft == 0)
		return pd_ether(c, pk);
	if (ft == 2)
		return pd_ip(c, pk);
	return PD_NOT_IP;
}

/* GRE (hdr.h): versions 0 and 1, without RFC 1701 source routing. */
static enum pd_result pd_gre(struct pktcur *c, struct pd_packet *pk)
{
	const struct gre_hdr *g = PC_TAKE(c, struct gre_hdr);
	if (!g)
		return PD_TRUNC;
	unsigned fl = GET_U_1(g->gre_flags), ver = GRE_VER(g);
	uint16_t proto = GET_BE_U_2(g->gre_proto);
	if (fl & GRE_R)
		return PD_NOT_IP;
	if (ver == 1) {   /* PPTP: the key (payload length, call id) is always there */
		if (proto != ETH_PPP || !(fl & GRE_K))
			return PD_NOT_IP;
		size_t opt = 4 + ((fl & GRE_S) ? 4 : 0) + ((GET_U_1(g->gre_ver) & GRE_A) ? 4 : 0);
		if (pc_skip(c, opt))
			return PD_TRUNC;
		return pd_gre_ppp(c, pk);
	}
	if (ver != 0)
		return PD_NOT_IP;
	size_t opt = ((fl & GRE_C) ? 4 : 0) + ((fl & GRE_K) ? 4 : 0) + ((fl & GRE_S) ? 4 : 0);
	if (pc_skip(c, opt))
		return PD_TRUNC;
	switch (proto) {
	case ETH_TEB: return pd_ether(c, pk);
	case ETH_ERSPAN: return pd_erspan(c, false, (fl & GRE_S) != 0, pk);
	case ETH_ERSPAN3: return pd_erspan(c, true, (fl & GRE_S) != 0, pk);
	default: return pd_ethertype(c, proto, pk);
	}
}

/* VXLAN (hdr.h): the I flag set, then an Ethernet frame. */
static enum pd_result pd_vxlan(struct pktcur *c, struct pd_packet *pk)
{
	const struct vxlan_hdr *v = PC_TAKE(c, struct vxlan_hdr);
	if (!v)
		return PD_TRUNC;
	if (!(GET_U_1(v->vx_flags) & VXLAN_I))
		return PD_NOT_IP;
	return pd_ether(c, pk);
}

/* GTP-U (hdr.h): version 1, a G-PDU, its length bounding it, the optional
 * fields and extension headers (TS 29.281 §5.2: a length in 4-byte units
 * that counts the length byte, then the next type in the last byte), then
 * the user's IP packet. */
static enum pd_result pd_gtpu(struct pktcur *c, struct pd_packet *pk)
{
	const struct gtpu_hdr *g = PC_TAKE(c, struct gtpu_hdr);
	if (!g)
		return PD_TRUNC;
	unsigned fl = GET_U_1(g->gtp_flags);
	if (GTP_VERSION(g) != 1 || !(fl & GTP_PT) || GET_U_1(g->gtp_type) != GTP_GPDU)
		return PD_NOT_IP;
	pc_limit(c, GET_BE_U_2(g->gtp_len));
	if (!(fl & (GTP_E | GTP_S | GTP_PN)))
		return pd_ip(c, pk);
	uint8_t opt[4];
	if (pc_copy(c, opt, 4))
		return PD_TRUNC;
	unsigned next = (fl & GTP_E) ? opt[3] : 0;
	for (int i = 0; next; i++) {
		uint8_t len;
		if (i == PD_MAX_TAGS)
			return PD_NOT_IP;
		if (pc_u8(c, &len))
			return PD_TRUNC;
		if (len == 0)
			return PD_BAD;
		if (pc_skip(c, (size_t)len * 4 - 2) || pc_u8(c, &len))
			return PD_TRUNC;
		next = len;
	}
	return pd_ip(c, pk);
}

/* Teredo (RFC 4380 §5.1.1): IPv6 in UDP, after an optional
 * authentication encapsulation (00 01, client id length, authentication
 * value length, the two, an 8-byte nonce, a confirmation byte) and an
 * optional origin indication (00 00, port, IPv4 address: 8 bytes). */
static enum pd_result pd_teredo(struct pktcur *c, struct pd_packet *pk)
{
	uint8_t b0, b1;
	if (pc_peek(c, 0, &b0) || pc_peek(c, 1, &b1))
		return PD_TRUNC;
	if (b0 == 0 && b1 == 1) {
		uint8_t h[4];
		if (pc_copy(c, h, 4) || pc_skip(c, (size_t)h[2] + h[3] + 8 + 1))
			return PD_TRUNC;
		if (pc_peek(c, 0, &b0) || pc_peek(c, 1, &b1))
			return PD_TRUNC;
	}
	if (b0 == 0 && b1 == 0 && pc_skip(c, 8))
		return PD_TRUNC;
	if (pc_peek(c, 0, &b0))
		return PD_TRUNC;
	if ((b0 >> 4) != 6)
		return PD_NOT_IP;
	return pd_ipv6(c, pk);
}

/* The inner packet at c, through dec; pk becomes it, or stays as it was
 * (with its payload, c) when it cannot be read (above). */
static enum pd_result pd_unwrap(const struct pktcur *c, struct pd_packet *pk,
				enum pd_result (*dec)(struct pktcur *, struct pd_packet *))
{
	if (pk->tunnels >= PD_MAX_TUNNELS) {
		pk->tunnel_cut = true;
		return PD_OK;
	}
	struct pd_packet outer = *pk;
	struct pktcur in = *c;
	pk->fam = 0;
	pk->proto = 0;
	memset(pk->src, 0, sizeof(pk->src));
	memset(pk->dst, 0, sizeof(pk->dst));
	pk->fragment = pk->later_fragment = pk->has_ports = false;
	pk->sport = pk->dport = 0;
	pk->tcp_flags = 0;
	pk->seq = 0;
	memset(&pk->payload, 0, sizeof(pk->payload));
	pk->tunnels++;
	enum pd_result r = dec(&in, pk);
	if (r == PD_OK || (r == PD_TRUNC && pk->fam))
		return r;
	*pk = outer;
	return PD_OK;
}

/* The tunnel an IP protocol or UDP port says, or NULL. */
static enum pd_result (*pd_tunnel_of(const struct pd_packet *pk))(struct pktcur *,
								  struct pd_packet *)
{
	if (pk->proto == IPPROTO_IPIP)
		return pd_ipv4;
	if (pk->proto == IPPROTO_IPV6IN)
		return pd_ipv6;
	if (pk->proto == IPPROTO_GRE)
		return pd_gre;
	if (pk->proto != 17)
		return NULL;
	if (pk->dport == UDP_VXLAN)
		return pd_vxlan;
	if (pk->sport == UDP_GTPU || pk->dport == UDP_GTPU)
		return pd_gtpu;
	if (pk->sport == UDP_TEREDO || pk->dport == UDP_TEREDO)
		return pd_teredo;
	return NULL;
}

/* TCP or UDP header, then the payload (bounded by the IP payload); a
 * tunnel's inner packet. */
static enum pd_result pd_transport(struct pktcur *c, struct pd_packet *pk)
{
	if (pk->later_fragment)
		return PD_OK;
	if (pk->proto == IPPROTO_IPIP || pk->proto == IPPROTO_IPV6IN || pk->proto == IPPROTO_GRE) {
		pc_rest(c, &pk->payload);
		return pk->fragment ? PD_OK : pd_unwrap(c, pk, pd_tunnel_of(pk));
	}
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
		enum pd_result (*dec)(struct pktcur *, struct pd_packet *) = pd_tunnel_of(pk);
		return dec && !pk->fragment ? pd_unwrap(c, pk, dec) : PD_OK;
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
