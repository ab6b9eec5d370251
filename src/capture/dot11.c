/*
 * dot11.c — the wireless and logging link types of decode.h (issue 16 §4):
 *
 *   - IEEE 802.11 (LINKTYPE_IEEE802_11, 105): the MAC header of IEEE Std
 *     802.11-2020 §9.2.4 — Frame Control (protocol version, type, subtype;
 *     To DS, From DS, Protected Frame, +HTC/Order flags), Duration,
 *     Address 1–3, Sequence Control, Address 4 when both DS bits are set,
 *     QoS Control for QoS data subtypes (subtype bit 3), HT Control when
 *     +HTC/Order is set on a QoS data frame. A data frame of an open (or
 *     already decrypted) network carries an LLC/SNAP header (RFC 1042:
 *     AA AA 03, OUI 00-00-00 or 00-00-F8 bridge-tunnel) and an EtherType,
 *     then IP as on Ethernet. A data frame with Protected Frame set is
 *     encrypted (WEP, TKIP, CCMP, GCMP): counted, not readable. Null data
 *     subtypes (bit 2) carry nothing; an A-MSDU (QoS Control bit 7) is not
 *     read (counted as not IP). Management and control frames are not IP.
 *   - Radiotap (LINKTYPE_IEEE802_11_RADIOTAP, 127): it_version 0, it_pad,
 *     it_len (little-endian, the whole radiotap header), then an 802.11
 *     frame (https://www.radiotap.org/, "Radiotap header"). A frame whose
 *     Flags field says "data padding" is not handled (rare: some Atheros
 *     drivers); a trailing FCS is cut off by the IP length.
 *   - PPI (LINKTYPE_PPI, 192): pph_version 0, pph_flags, pph_len (little-
 *     endian, the whole PPI header), pph_dlt (little-endian), then a frame
 *     of that link type (Per-Packet Information Header Specification 1.0.10,
 *     CACE Technologies, §3.1): 802.11 or Ethernet here.
 *   - NFLOG (LINKTYPE_NFLOG, 239): nflog_hdr (family, version 0, resource
 *     id), then TLVs of a 16-bit length (header included) and a 16-bit type
 *     in the capturing host's byte order — little-endian here, as on every
 *     Linux host that writes them but big-endian PowerPC/s390 — padded to
 *     4 bytes; type 9 (NFULA_PAYLOAD) is the IP packet
 *     (https://www.tcpdump.org/linktypes/LINKTYPE_NFLOG.html).
 * Every byte through the cursor of pktcur.h.
 */
#include "decode.h"

#include <stddef.h>

#include "hdr.h"

#define WLAN_TYPE_MGMT 0
#define WLAN_TYPE_DATA 2
#define WLAN_FC1_TODS 0x01
#define WLAN_FC1_FROMDS 0x02
#define WLAN_FC1_PROTECTED 0x40
#define WLAN_FC1_ORDER 0x80
#define WLAN_SUB_NULL 0x04           /* data subtypes without a body */
#define WLAN_SUB_QOS 0x08
#define WLAN_QOS_AMSDU 0x80          /* QoS Control, first byte */

/* Duration, Address 1–3, Sequence Control: after Frame Control. */
struct wlan_hdr_rest {
	nb_u16 duration;
	nb_u8 addr1[6];
	nb_u8 addr2[6];
	nb_u8 addr3[6];
	nb_u16 seq;
};
_Static_assert(sizeof(struct wlan_hdr_rest) == 22, "802.11 MAC header after Frame Control");

/* RFC 1042 LLC/SNAP header. */
struct llc_snap {
	nb_u8 dsap, ssap, ctrl;
	nb_u8 oui0, oui1, oui2;
	nb_u16 type;
};
_Static_assert(sizeof(struct llc_snap) == 8, "LLC/SNAP header");

struct radiotap_hdr {
	nb_u8 it_version, it_pad;
	nb_u16 it_len;               /* little-endian */
	nb_u32 it_present;
};

struct ppi_hdr {
	nb_u8 pph_version, pph_flags;
	nb_u16 pph_len;              /* little-endian */
	nb_u32 pph_dlt;              /* little-endian */
};

struct nflog_hdr {
	nb_u8 nflog_family, nflog_version;
	nb_u16 nflog_rid;
};

#define NFULA_PAYLOAD 9

#define GET_LE_U_2(f) (NB_WIDTH(f, 2), (uint16_t)((f)[0] | (unsigned)(f)[1] << 8))

enum pd_result pd_dot11(struct pktcur *c, struct pd_packet *pk)
{
	uint8_t fc0, fc1;
	if (pc_u8(c, &fc0) || pc_u8(c, &fc1))
		return PD_TRUNC;
	pk->wlan = true;
	if ((fc0 & 3) != 0)   /* protocol version 0 only */
		return PD_NOT_IP;
	unsigned type = (fc0 >> 2) & 3, sub = fc0 >> 4;
	if (type == WLAN_TYPE_MGMT)
		pk->wlan_mgmt = true;
	if (type != WLAN_TYPE_DATA)
		return PD_NOT_IP;
	const struct wlan_hdr_rest *h = PC_TAKE(c, struct wlan_hdr_rest);
	if (!h)
		return PD_TRUNC;
	if ((fc1 & (WLAN_FC1_TODS | WLAN_FC1_FROMDS)) == (WLAN_FC1_TODS | WLAN_FC1_FROMDS) &&
	    pc_skip(c, 6))   /* Address 4 */
		return PD_TRUNC;
	bool amsdu = false;
	if (sub & WLAN_SUB_QOS) {
		uint8_t qos0, qos1;
		if (pc_u8(c, &qos0) || pc_u8(c, &qos1))
			return PD_TRUNC;
		amsdu = (qos0 & WLAN_QOS_AMSDU) != 0;
		if ((fc1 & WLAN_FC1_ORDER) && pc_skip(c, 4))   /* HT Control */
			return PD_TRUNC;
	}
	if (sub & WLAN_SUB_NULL)
		return PD_NOT_IP;
	if (fc1 & WLAN_FC1_PROTECTED) {
		pk->wlan_protected = true;
		return PD_NOT_IP;
	}
	if (amsdu)
		return PD_NOT_IP;
	const struct llc_snap *l = PC_TAKE(c, struct llc_snap);
	if (!l)
		return PD_TRUNC;
	if (GET_U_1(l->dsap) != 0xaa || GET_U_1(l->ssap) != 0xaa || GET_U_1(l->ctrl) != 0x03 ||
	    GET_U_1(l->oui0) != 0 || GET_U_1(l->oui1) != 0 ||
	    (GET_U_1(l->oui2) != 0 && GET_U_1(l->oui2) != 0xf8))
		return PD_NOT_IP;
	return pd_ethertype(c, GET_BE_U_2(l->type), pk);
}

enum pd_result pd_radiotap(struct pktcur *c, struct pd_packet *pk)
{
	const struct radiotap_hdr *rt = PC_TAKE(c, struct radiotap_hdr);
	if (!rt)
		return PD_TRUNC;
	size_t len = GET_LE_U_2(rt->it_len);
	if (GET_U_1(rt->it_version) != 0 || len < sizeof(*rt))
		return PD_BAD;
	if (pc_skip(c, len - sizeof(*rt)))
		return PD_TRUNC;
	return pd_dot11(c, pk);
}

enum pd_result pd_ppi(struct pktcur *c, struct pd_packet *pk)
{
	const struct ppi_hdr *ph = PC_TAKE(c, struct ppi_hdr);
	if (!ph)
		return PD_TRUNC;
	size_t len = GET_LE_U_2(ph->pph_len);
	if (GET_U_1(ph->pph_version) != 0 || len < sizeof(*ph))
		return PD_BAD;
	if (pc_skip(c, len - sizeof(*ph)))
		return PD_TRUNC;
	uint32_t dlt = GET_LE_U_4(ph->pph_dlt);
	if (dlt == PD_LINK_IEEE802_11)
		return pd_dot11(c, pk);
	if (dlt == PD_LINK_EN10MB)
		return pd_ether(c, pk);
	return PD_NOT_IP;
}

enum pd_result pd_nflog(struct pktcur *c, struct pd_packet *pk)
{
	const struct nflog_hdr *nh = PC_TAKE(c, struct nflog_hdr);
	if (!nh)
		return PD_TRUNC;
	if (GET_U_1(nh->nflog_version) != 0)
		return PD_BAD;
	while (pc_left(c) >= 4) {
		uint8_t b[4];
		if (pc_copy(c, b, 4))
			return PD_TRUNC;
		size_t len = (size_t)b[0] | (size_t)b[1] << 8;
		unsigned type = ((unsigned)b[2] | (unsigned)b[3] << 8) & 0x7fff;   /* NLA_F_ flags off */
		if (len < 4)
			return PD_BAD;
		struct pktcur v;
		if (pc_sub(c, len - 4, &v))
			return PD_TRUNC;
		if (type == NFULA_PAYLOAD)
			return pd_ip(&v, pk);
		pc_skip(c, (4 - len % 4) % 4);   /* padding; the last TLV's may be absent */
	}
	return PD_NOT_IP;
}
