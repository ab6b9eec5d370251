/*
 * decode.h — one captured frame to its IP 5-tuple and transport
 * payload: the link layers edgelint reads (Ethernet with 802.1Q/802.1ad/
 * QinQ tags, MPLS label stacks and PPPoE sessions; Linux cooked v1 and v2;
 * raw IPv4/IPv6; BSD null/loopback; 802.11 plain, with radiotap or PPI,
 * and NFLOG in dot11.c), IPv4 (options, fragments) and IPv6
 * (hop-by-hop, routing, fragment, destination options, AH), then TCP or
 * UDP; tunnels unwrapped to the packet inside (IPv4/IPv6 in IPv4/IPv6,
 * GRE with ERSPAN and PPTP, VXLAN, GTP-U, Teredo). Every byte is read
 * through src/capture/pktcur.h.
 */
#ifndef EDGELINT_CAPTURE_DECODE_H
#define EDGELINT_CAPTURE_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "capture.h"
#include "pktcur.h"

struct ether_hdr;

/* Link types, as LINKTYPE_ values in the file (libpcap maps the on-disk
 * values to DLT_ values; the two differ only for RAW on some systems,
 * which pd_decode accepts under both numbers). */
enum {
	PD_LINK_NULL = 0,
	PD_LINK_EN10MB = 1,
	PD_LINK_RAW_DLT12 = 12,      /* DLT_RAW on most systems */
	PD_LINK_RAW_DLT14 = 14,      /* DLT_RAW on OpenBSD */
	PD_LINK_RAW = 101,           /* LINKTYPE_RAW */
	PD_LINK_LOOP = 108,
	PD_LINK_LINUX_SLL = 113,
	PD_LINK_IPV4 = 228,
	PD_LINK_IPV6 = 229,
	PD_LINK_LINUX_SLL2 = 276,
	PD_LINK_IEEE802_11 = 105,    /* dot11.c */
	PD_LINK_RADIOTAP = 127,      /* dot11.c */
	PD_LINK_PPI = 192,           /* dot11.c */
	PD_LINK_NFLOG = 239,         /* dot11.c */
};

/* Outcome of decoding a frame. */
enum pd_result {
	PD_OK,          /* an IPv4/IPv6 packet: addresses and protocol are set */
	PD_NOT_IP,      /* ARP, STP, LLC… or an IP version edgelint does not read */
	PD_TRUNC,       /* the captured bytes end inside a header */
	PD_BAD,         /* a header that cannot be (bad version, length) */
	PD_LINK,        /* a link type edgelint does not read */
};

#define PD_MAX_TAGS 8        /* VLAN tags / MPLS labels / IPv6 extension headers */
#define PD_MAX_TUNNELS CAP_MAX_TUNNELS   /* tunnel layers unwrapped (capture.h) */

struct pd_packet {
	uint8_t fam;              /* 4 or 6 */
	uint8_t proto;            /* IP protocol of the payload (6 TCP, 17 UDP…) */
	uint8_t src[16], dst[16]; /* IPv4 in the first 4 bytes, rest zero */
	bool fragment;            /* part of a fragmented datagram */
	bool later_fragment;      /* not the first fragment: no transport header */
	bool has_ports;           /* TCP or UDP header read: ports below are set */
	uint16_t sport, dport;
	uint8_t tcp_flags;        /* TCP only */
	uint32_t seq;             /* TCP only */
	struct pktcur payload;    /* the transport payload (TCP/UDP data) */
	uint8_t vlan_tags, mpls_labels;
	bool pppoe;
	/* A PPPoE session frame carrying PPP authentication (PD_NOT_IP):
	 * its PPP protocol (0xc023 PAP), its session id, and the PPP
	 * information field in payload; 0 otherwise. */
	uint16_t ppp_proto;
	uint16_t pppoe_session;
	const struct ether_hdr *eth;   /* Ethernet frames: the header, in the
					* frame's bytes (valid while they are) */
	bool wlan;                /* an 802.11 frame (dot11.c) … */
	bool wlan_mgmt;           /* … a management frame … */
	bool wlan_protected;      /* … an encrypted data frame: not readable */
	bool wlan_bss_info_probe; /* … a probe response (else a beacon) */
	bool wlan_bss_info;       /* … a beacon or probe response: its body
				   * (fixed fields, elements) in payload, for
				   * pd_dot11_bss */
	const uint8_t *wlan_bssid;   /* the frame's BSSID (6 bytes, in the
				      * frame's bytes), NULL when it has none
				      * (both DS bits) or was cut short */
	/* Tunnels (decode.c): the layers unwrapped (the fields above are
	 * the innermost packet's), and whether more were left wrapped
	 * (deeper than PD_MAX_TUNNELS: the packet is the last one read). */
	uint8_t tunnels;
	bool tunnel_cut;
};

#define PD_TCP_FIN 0x01
#define PD_TCP_SYN 0x02
#define PD_TCP_RST 0x04
#define PD_TCP_ACK 0x10

/* Decodes the captured bytes of one frame of link type link into *pk.
 * Never reads outside [data, data + caplen). Returns a pd_result; for
 * PD_TRUNC the fields decoded before the end are kept (an IP header
 * without its TCP header still gives addresses, has_ports false). */
enum pd_result pd_decode(int link, const uint8_t *data, size_t caplen, struct pd_packet *pk);

/* The steps of the chain that dot11.c continues: an EtherType's payload
 * (VLAN tags, MPLS, PPPoE, IP), IP by its version nibble, an Ethernet
 * frame. Each as pd_decode, from the cursor on. */
enum pd_result pd_ethertype(struct pktcur *c, uint16_t type, struct pd_packet *pk);
enum pd_result pd_ip(struct pktcur *c, struct pd_packet *pk);
enum pd_result pd_ether(struct pktcur *c, struct pd_packet *pk);
/* dot11.c: 802.11, radiotap + 802.11, PPI + 802.11 or Ethernet, NFLOG. */
enum pd_result pd_dot11(struct pktcur *c, struct pd_packet *pk);
enum pd_result pd_radiotap(struct pktcur *c, struct pd_packet *pk);
enum pd_result pd_ppi(struct pktcur *c, struct pd_packet *pk);
enum pd_result pd_nflog(struct pktcur *c, struct pd_packet *pk);

/* The network a beacon or probe response body (pk->payload of a frame
 * with wlan_bss_info) describes, into *b (its bssid and counters are the
 * caller's, left as they are): SSID, Privacy, the RSNE and the WPA
 * element. 0, or -1 when an element runs past the body (what came before
 * it is kept). */
int pd_dot11_bss(const struct pktcur *body, struct cap_bss *b);

/* True when edgelint reads frames of this link type. */
bool pd_link_supported(int link);

#endif
