/*
 * hdr.h — named layouts of the packet headers decode.c reads, and the
 * accessors that read their fields: Ethernet and its 802.1Q/802.1ad tags,
 * Linux cooked capture v1 and v2, BSD loopback, MPLS, PPPoE, IPv4, IPv6
 * and its extension headers, TCP and UDP; the tunnel headers decode.c
 * unwraps (GRE, ERSPAN, VXLAN, GTP-U).
 *
 * tcpdump's approach (the-tcpdump-group/tcpdump: netdissect.h declares
 * header fields as byte arrays, nd_uint16_t is unsigned char[2]; ip.h's
 * struct ip uses them; extract.h's GET_BE_U_2(p) reads a big-endian
 * field after checking, ND_TTEST_LEN, that its bytes were captured, and
 * longjmps out of the dissector when they were not). Here a layout is a
 * struct of byte arrays only (alignment 1, no padding: the sizes are
 * asserted below), laid over the packet by pc_take() / pc_view() of
 * pktcur.h, which check once that all of the header's bytes are in the
 * cursor's window and return NULL when they are not; the accessors then
 * read fields of that checked header, so no field is read outside the
 * captured bytes and no offset is written as a number. Variable parts
 * (IPv4 and TCP options, extension header bodies) are skipped through the
 * cursor as before.
 */
#ifndef EDGELINT_CAPTURE_HDR_H
#define EDGELINT_CAPTURE_HDR_H

#include <stdint.h>
#include <string.h>

/* Field types: wire bytes, any alignment. */
typedef uint8_t nb_u8[1];
typedef uint8_t nb_u16[2];
typedef uint8_t nb_u32[4];

/* Accessors on a field of a checked layout (the sizeof test rejects, at
 * compile time, a field of the wrong width). */
#define NB_WIDTH(f, n) ((void)sizeof(char[sizeof(f) == (n) ? 1 : -1]))
#define GET_U_1(f) (NB_WIDTH(f, 1), (uint8_t)(f)[0])
#define GET_BE_U_2(f) (NB_WIDTH(f, 2), (uint16_t)((unsigned)(f)[0] << 8 | (f)[1]))
#define GET_BE_U_4(f) \
	(NB_WIDTH(f, 4), (uint32_t)(f)[0] << 24 | (uint32_t)(f)[1] << 16 | \
				 (uint32_t)(f)[2] << 8 | (f)[3])
#define GET_LE_U_4(f) \
	(NB_WIDTH(f, 4), (uint32_t)(f)[3] << 24 | (uint32_t)(f)[2] << 16 | \
				 (uint32_t)(f)[1] << 8 | (f)[0])
/* Copies a whole field (an address) out. */
#define GET_CPY_BYTES(dst, f) memcpy((dst), (f), sizeof(f))

/* Ethernet II (IEEE 802.3 clause 3.1.1). */
struct ether_hdr {
	uint8_t ether_dhost[6];
	uint8_t ether_shost[6];
	nb_u16 ether_type;        /* an EtherType, or an 802.3 length below 0x0600 */
};

/* An IEEE 802.1Q / 802.1ad tag after the TPID: TCI, then the next type. */
struct vlan_tag {
	nb_u16 vlan_tci;
	nb_u16 vlan_type;
};

/* Linux cooked capture v1 (LINKTYPE_LINUX_SLL, tcpdump.org/linktypes). */
struct sll_hdr {
	nb_u16 sll_pkttype;
	nb_u16 sll_hatype;        /* ARPHRD_ */
	nb_u16 sll_halen;
	uint8_t sll_addr[8];
	nb_u16 sll_protocol;      /* an EtherType */
};

/* Linux cooked capture v2 (LINKTYPE_LINUX_SLL2). */
struct sll2_hdr {
	nb_u16 sll2_protocol;     /* an EtherType */
	nb_u16 sll2_reserved;
	nb_u32 sll2_if_index;
	nb_u16 sll2_hatype;
	nb_u8 sll2_pkttype;
	nb_u8 sll2_halen;
	uint8_t sll2_addr[8];
};

/* BSD loopback (LINKTYPE_NULL: host byte order; LINKTYPE_LOOP: network). */
struct null_hdr {
	nb_u32 null_family;       /* AF_ value of the capturing host */
};

/* An MPLS label stack entry (RFC 3032 §2.1). */
struct mpls_lse {
	nb_u32 mpls_entry;        /* label 20, TC 3, S 1, TTL 8 */
};
#define MPLS_BOTTOM 0x100u        /* S: the bottom of the stack */

/* PPPoE session header (RFC 2516 §4), then the PPP protocol (2 bytes). */
struct pppoe_hdr {
	nb_u8 pppoe_ver_type;
	nb_u8 pppoe_code;
	nb_u16 pppoe_session;
	nb_u16 pppoe_length;      /* of the PPP payload, protocol included */
};

/* IPv4 (RFC 791 §3.1), without options. */
struct ip4_hdr {
	nb_u8 ip_vhl;             /* version << 4 | header length in 32-bit words */
	nb_u8 ip_tos;
	nb_u16 ip_len;            /* total length */
	nb_u16 ip_id;
	nb_u16 ip_off;            /* flags and fragment offset */
	nb_u8 ip_ttl;
	nb_u8 ip_p;               /* protocol */
	nb_u16 ip_sum;
	uint8_t ip_src[4];
	uint8_t ip_dst[4];
};
#define IP_V(ip) (GET_U_1((ip)->ip_vhl) >> 4)
#define IP_HL(ip) (GET_U_1((ip)->ip_vhl) & 0x0f)
#define IP_MF 0x2000u             /* more fragments */
#define IP_OFFMASK 0x1fffu        /* fragment offset, 8-byte units */

/* IPv6 (RFC 8200 §3). */
struct ip6_hdr {
	nb_u32 ip6_flow;          /* version 4, traffic class 8, flow label 20 */
	nb_u16 ip6_plen;          /* payload length */
	nb_u8 ip6_nxt;
	nb_u8 ip6_hlim;
	uint8_t ip6_src[16];
	uint8_t ip6_dst[16];
};

/* The start of an IPv6 extension header (RFC 8200 §4: hop-by-hop,
 * routing, destination options; AH, RFC 4302 §2, counts differently). */
struct ip6_ext {
	nb_u8 ip6e_nxt;
	nb_u8 ip6e_len;           /* 8-byte units beyond the first 8 (AH: 4-byte units minus 2) */
};

/* The IPv6 fragment header (RFC 8200 §4.5). */
struct ip6_frag {
	nb_u8 ip6f_nxt;
	nb_u8 ip6f_reserved;
	nb_u16 ip6f_offlg;        /* offset 13, reserved 2, M 1 */
	nb_u32 ip6f_ident;
};
#define IP6F_OFF_MASK 0xfff8u

/* TCP (RFC 9293 §3.1), without options. */
struct tcp_hdr {
	nb_u16 th_sport;
	nb_u16 th_dport;
	nb_u32 th_seq;
	nb_u32 th_ack;
	nb_u8 th_offx2;           /* data offset in 32-bit words << 4 */
	nb_u8 th_flags;
	nb_u16 th_win;
	nb_u16 th_sum;
	nb_u16 th_urp;
};
#define TH_OFF(th) (GET_U_1((th)->th_offx2) >> 4)

/* UDP (RFC 768). */
struct udp_hdr {
	nb_u16 uh_sport;
	nb_u16 uh_dport;
	nb_u16 uh_ulen;           /* header and data */
	nb_u16 uh_sum;
};

/* GRE (RFC 2784 §2.1; Key and Sequence Number: RFC 2890 §2; version 1,
 * PPTP's enhanced GRE: RFC 2637 §4.1). The optional fields follow in the
 * order checksum+reserved (C), key (K), sequence (S), acknowledgment (A,
 * version 1), 4 bytes each. */
struct gre_hdr {
	nb_u8 gre_flags;          /* C R K S s Recur(3) */
	nb_u8 gre_ver;            /* A(version 1) Flags(4) Ver(3) */
	nb_u16 gre_proto;         /* an EtherType */
};
#define GRE_C 0x80u
#define GRE_R 0x40u               /* RFC 1701 routing: source route entries follow */
#define GRE_K 0x20u
#define GRE_S 0x10u
#define GRE_A 0x80u               /* in gre_ver, version 1 only */
#define GRE_VER(g) (GET_U_1((g)->gre_ver) & 7u)

/* VXLAN (RFC 7348 §5): flags (I, 0x08, says the VNI is valid), 24
 * reserved bits, the 24-bit VNI, 8 reserved bits; an Ethernet frame
 * follows. */
struct vxlan_hdr {
	nb_u8 vx_flags;
	nb_u8 vx_rsvd1[3];
	nb_u8 vx_vni[3];
	nb_u8 vx_rsvd2;
};
#define VXLAN_I 0x08u

/* GTP-U (3GPP TS 29.281 §5.1): version (3 bits, 1), PT (1: GTP), a spare
 * bit, E, S, PN; message type (255 G-PDU carries a user packet); length
 * of what follows these 8 bytes; TEID. With any of E, S, PN, 4 more
 * bytes: sequence number (2), N-PDU number (1), next extension header
 * type (1). */
struct gtpu_hdr {
	nb_u8 gtp_flags;
	nb_u8 gtp_type;
	nb_u16 gtp_len;
	nb_u32 gtp_teid;
};
#define GTP_VERSION(g) (GET_U_1((g)->gtp_flags) >> 5)
#define GTP_PT 0x10u
#define GTP_E 0x04u
#define GTP_S 0x02u
#define GTP_PN 0x01u
#define GTP_GPDU 255u

_Static_assert(sizeof(struct ether_hdr) == 14, "Ethernet header");
_Static_assert(sizeof(struct vlan_tag) == 4, "802.1Q tag");
_Static_assert(sizeof(struct sll_hdr) == 16, "Linux cooked v1 header");
_Static_assert(sizeof(struct sll2_hdr) == 20, "Linux cooked v2 header");
_Static_assert(sizeof(struct null_hdr) == 4, "BSD loopback header");
_Static_assert(sizeof(struct mpls_lse) == 4, "MPLS label stack entry");
_Static_assert(sizeof(struct pppoe_hdr) == 6, "PPPoE session header");
_Static_assert(sizeof(struct ip4_hdr) == 20, "IPv4 header");
_Static_assert(sizeof(struct ip6_hdr) == 40, "IPv6 header");
_Static_assert(sizeof(struct ip6_ext) == 2, "IPv6 extension header start");
_Static_assert(sizeof(struct ip6_frag) == 8, "IPv6 fragment header");
_Static_assert(sizeof(struct tcp_hdr) == 20, "TCP header");
_Static_assert(sizeof(struct udp_hdr) == 8, "UDP header");
_Static_assert(sizeof(struct gre_hdr) == 4, "GRE header");
_Static_assert(sizeof(struct vxlan_hdr) == 8, "VXLAN header");
_Static_assert(sizeof(struct gtpu_hdr) == 8, "GTP-U header");

#endif
