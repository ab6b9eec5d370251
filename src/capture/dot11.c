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
 *     read (counted as not IP). Management and control frames are not IP;
 *     beacons and probe responses describe their network (BSS): the
 *     Privacy bit, the SSID, RSN and WPA elements (pd_dot11_bss, below).
 *     The BSSID of a frame is Address 3 of a management frame, and of a
 *     data frame the address its DS bits say (§9.3.2.1, Table 9-26:
 *     Address 3 with neither, Address 1 To DS, Address 2 From DS, none
 *     with both).
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
#include <string.h>

#include "hdr.h"

#define WLAN_TYPE_MGMT 0
#define WLAN_SUB_PROBE_RESP 5        /* management subtypes, §9.2.4.1.3 Table 9-1 */
#define WLAN_SUB_BEACON 8
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
	if (type == WLAN_TYPE_MGMT) {
		pk->wlan_mgmt = true;
		const struct wlan_hdr_rest *mh = PC_TAKE(c, struct wlan_hdr_rest);
		if (!mh || ((fc1 & WLAN_FC1_ORDER) && pc_skip(c, 4)))   /* HT Control */
			return PD_NOT_IP;
		pk->wlan_bssid = (const uint8_t *)mh->addr3;
		if ((sub == WLAN_SUB_BEACON || sub == WLAN_SUB_PROBE_RESP) &&
		    !(fc1 & WLAN_FC1_PROTECTED)) {
			pk->wlan_bss_info = true;
			pk->wlan_bss_info_probe = sub == WLAN_SUB_PROBE_RESP;
			pc_rest(c, &pk->payload);
		}
		return PD_NOT_IP;
	}
	if (type != WLAN_TYPE_DATA)
		return PD_NOT_IP;
	const struct wlan_hdr_rest *h = PC_TAKE(c, struct wlan_hdr_rest);
	if (!h)
		return PD_TRUNC;
	switch (fc1 & (WLAN_FC1_TODS | WLAN_FC1_FROMDS)) {
	case 0: pk->wlan_bssid = (const uint8_t *)h->addr3; break;
	case WLAN_FC1_TODS: pk->wlan_bssid = (const uint8_t *)h->addr1; break;
	case WLAN_FC1_FROMDS: pk->wlan_bssid = (const uint8_t *)h->addr2; break;
	default: break;   /* a mesh or WDS frame: no BSSID */
	}
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

/* ---- the network a beacon or probe response describes ------------------
 * IEEE Std 802.11-2020: the Beacon and Probe Response bodies (§9.3.3.2,
 * §9.3.3.10) begin with Timestamp (8), Beacon Interval (2), Capability
 * Information (2, little-endian; Privacy is bit 4, §9.4.1.4), then
 * elements of an ID, a length and that many bytes (§9.4.2.1): SSID (ID 0,
 * 0–32 bytes, §9.4.2.2; a hidden network sends it empty or zeroed), RSNE
 * (ID 48, §9.4.2.24: version 1, group data cipher suite, pairwise cipher
 * suite count and list, AKM suite count and list, RSN Capabilities, every
 * field from the group cipher on optional; left out, the pairwise default
 * is CCMP-128 and the AKM default 802.1X, §9.4.2.24.1), and the WPA
 * element of WPA1 (vendor-specific, ID 221, OUI 00-50-F2 type 1; not in
 * the standard: Wi-Fi Alliance WPA, laid out as the RSNE without the
 * capabilities, its suites under 00-50-F2, as Wireshark's
 * epan/dissectors/packet-ieee80211.c dissect_vendor_ie_wpa reads it).
 * Suites: cipher (Table 9-149) 1 WEP-40, 2 TKIP, 4 CCMP-128, 5 WEP-104,
 * 8 GCMP-128, 9 GCMP-256, 10 CCMP-256, 0 "use the group cipher"; AKM
 * (Table 9-151) 1, 3, 5, 11, 13, 14–17, 22, 23 802.1X (with FT, SHA-256,
 * SHA-384, FILS), 2, 4, 6, 19, 20 PSK, 8, 9, 24, 25 SAE, 12 Suite B
 * 192-bit, 18 OWE. RSN Capabilities (§9.4.2.24.4): bit 6 MFPR, bit 7 MFPC. */

#define EID_SSID 0
#define EID_RSN 48
#define EID_VENDOR 221

static const uint8_t oui_ieee[3] = {0x00, 0x0f, 0xac}, oui_ms[3] = {0x00, 0x50, 0xf2};

static unsigned cipher_bit(const uint8_t s[4], const uint8_t *oui, unsigned group)
{
	if (memcmp(s, oui, 3) != 0)
		return CAP_CIPHER_OTHER;
	switch (s[3]) {
	case 0: return group;
	case 1: case 5: return CAP_CIPHER_WEP;
	case 2: return CAP_CIPHER_TKIP;
	case 4: case 10: return CAP_CIPHER_CCMP;
	case 8: case 9: return CAP_CIPHER_GCMP;
	default: return CAP_CIPHER_OTHER;
	}
}

static unsigned akm_bit(const uint8_t s[4], bool wpa1)
{
	if (wpa1) {
		if (memcmp(s, oui_ms, 3) != 0)
			return CAP_AKM_OTHER;
		return s[3] == 1 ? CAP_AKM_8021X : s[3] == 2 ? CAP_AKM_PSK : CAP_AKM_OTHER;
	}
	if (memcmp(s, oui_ieee, 3) != 0)
		return CAP_AKM_OTHER;
	switch (s[3]) {
	case 1: case 3: case 5: case 11: case 13: case 14: case 15: case 16: case 17:
	case 22: case 23:
		return CAP_AKM_8021X;
	case 2: case 4: case 6: case 19: case 20:
		return CAP_AKM_PSK;
	case 8: case 9: case 24: case 25:
		return CAP_AKM_SAE;
	case 12:
		return CAP_AKM_SUITEB;
	case 18:
		return CAP_AKM_OWE;
	default:
		return CAP_AKM_OTHER;
	}
}

/* A little-endian count, then that many 4-byte suites; *bits gets each
 * one's bit through cipher (akm false) or AKM. -1: cut short. */
static int suite_list(struct pktcur *c, bool akm, bool wpa1, unsigned group, unsigned *bits)
{
	uint8_t n2[2];
	if (pc_copy(c, n2, 2))
		return -1;
	size_t n = (size_t)n2[0] | (size_t)n2[1] << 8;
	for (size_t i = 0; i < n; i++) {
		uint8_t s[4];
		if (pc_copy(c, s, 4))
			return -1;
		*bits |= akm ? akm_bit(s, wpa1) : cipher_bit(s, wpa1 ? oui_ms : oui_ieee, group);
	}
	return 0;
}

/* The RSNE (wpa1 false) or the WPA element after its OUI and type. */
static void security_element(struct pktcur *c, bool wpa1, struct cap_bss *b)
{
	uint8_t ver[2], g[4];
	if (pc_copy(c, ver, 2) || ver[0] != 1 || ver[1] != 0)
		return;
	if (wpa1)
		b->wpa = true;
	else
		b->rsn = true;
	unsigned group = CAP_CIPHER_CCMP, pairwise = 0, akm = 0;
	if (!pc_copy(c, g, 4))
		group = cipher_bit(g, wpa1 ? oui_ms : oui_ieee, CAP_CIPHER_OTHER);
	if (pc_left(c) < 2 || suite_list(c, false, wpa1, group, &pairwise))
		pairwise = pairwise ? pairwise : wpa1 ? CAP_CIPHER_TKIP : CAP_CIPHER_CCMP;
	if (pc_left(c) < 2 || suite_list(c, true, wpa1, group, &akm))
		akm = akm ? akm : wpa1 ? CAP_AKM_PSK : CAP_AKM_8021X;
	b->pairwise |= pairwise;
	b->akm |= akm;
	uint8_t cap[2];
	if (!wpa1 && !pc_copy(c, cap, 2)) {
		b->mfpr = (cap[0] & 0x40) != 0;
		b->mfpc = (cap[0] & 0x80) != 0;
	}
}

int pd_dot11_bss(const struct pktcur *body, struct cap_bss *b)
{
	struct pktcur c = *body;
	uint8_t fixed[12];
	if (pc_copy(&c, fixed, sizeof(fixed)))
		return -1;
	b->privacy = (fixed[10] & 0x10) != 0;
	while (pc_left(&c) >= 2) {
		uint8_t id, len;
		struct pktcur v;
		if (pc_u8(&c, &id) || pc_u8(&c, &len) || pc_sub(&c, len, &v))
			return -1;
		if (id == EID_SSID && !b->has_ssid && len <= CAP_SSID_MAX) {
			b->has_ssid = true;
			b->ssid_len = len;
			pc_copy(&v, b->ssid, len);
			for (size_t i = 0; i < len; i++)
				if (b->ssid[i])
					b->named = true;
			b->hidden = !b->named;
		} else if (id == EID_RSN && !b->rsn) {
			security_element(&v, false, b);
		} else if (id == EID_VENDOR && !b->wpa) {
			uint8_t h[4];
			if (!pc_copy(&v, h, 4) && memcmp(h, oui_ms, 3) == 0 && h[3] == 1)
				security_element(&v, true, b);
		}
	}
	return 0;
}
