/*
 * login_ppp.c — PPP PAP logins (login.h): the Authenticate-Request of
 * the Password Authentication Protocol carries the peer's name and its
 * password as they are (RFC 1334 §2.2.1), wherever the PPP frame
 * travels. Two carriers are read:
 *
 *   PPPoE  session frames (EtherType 0x8864, RFC 2516 §4, §7) whose PPP
 *          protocol is 0xc023: decode.c hands them over (pd_packet
 *          ppp_proto) and flow.c's ft_ppp_auth reports them with the
 *          two MAC addresses as client and server;
 *   L2TP   version 2 over UDP (RFC 2661 §3.1), recognised by its header
 *          on any port (cls_l2tp): data messages whose PPP frame
 *          (address and control 0xff 0x03 optional, RFC 1662 §3.1) is
 *          PAP; the client is the tunnel's initiator.
 *
 * A PAP request is retransmitted, with the same Identifier, until the
 * authenticator answers (RFC 1334 §2.2.1): a retransmission counts as
 * another use of the same secret, not another login.
 */
#include "login.h"

#include <string.h>

/* ---- PAP (RFC 1334 §2.2.1) ---------------------------------------------- */

#define PAP_AUTH_REQUEST 1

/* The PAP packet at info: on an Authenticate-Request (Code 1, Length at
 * least 6 and within the bytes), *user and *pw are its Peer-ID and
 * Password, *h a hash of the whole request (for retransmissions).
 * Returns false for anything else. */
bool ppp_pap_request(struct pktcur info, struct pktcur *user, struct pktcur *pw, uint64_t *h)
{
	uint8_t code, id, ulen, plen;
	uint16_t len;
	if (pc_u8(&info, &code) || pc_u8(&info, &id) || pc_be16(&info, &len) ||
	    code != PAP_AUTH_REQUEST || len < 6 || len - 4u > pc_left(&info))
		return false;
	pc_limit(&info, (size_t)len - 4);
	struct pktcur all = info;
	if (pc_u8(&info, &ulen) || pc_sub(&info, ulen, user) || pc_u8(&info, &plen) ||
	    pc_sub(&info, plen, pw))
		return false;
	*h = 1469598103934665603ULL ^ id;
	uint8_t b;
	while (!pc_u8(&all, &b))
		*h = (*h ^ b) * 1099511628211ULL;
	return true;
}

/* Fills *cr (protocol proto, the packet at hand) from a PAP request's
 * Peer-ID and Password: their bytes are copied into user[LG_USER_MAX]
 * and pw[LG_SECRET_MAX] (the caller wipes pw after reporting). False
 * when the password is empty (nothing crossed). */
bool ppp_pap_cred(struct pktcur u, struct pktcur p, const char *proto, uint64_t packet,
		  uint8_t *user, uint8_t *pw, struct cls_cred *cr)
{
	size_t un = pc_left(&u) < LG_USER_MAX ? pc_left(&u) : LG_USER_MAX;
	size_t pn = pc_left(&p) < LG_SECRET_MAX ? pc_left(&p) : LG_SECRET_MAX;
	if (pn == 0)
		return false;
	pc_copy(&u, user, un);
	pc_copy(&p, pw, pn);
	memset(cr, 0, sizeof(*cr));
	cr->protocol = proto;
	cr->user = un ? user : NULL;
	cr->user_len = un;
	cr->secret = pw;
	cr->secret_len = pn;
	cr->packet = packet;
	cr->ppp = true;
	return true;
}

/* ---- L2TP version 2 (RFC 2661 §3.1) ------------------------------------- */

#define L2TP_T 0x8000             /* a control message */
#define L2TP_L 0x4000             /* Length present (always in control messages) */
#define L2TP_S 0x0800             /* Ns and Nr present (always in control messages) */
#define L2TP_O 0x0200             /* Offset Size present (never in control messages) */
#define L2TP_P 0x0100             /* priority (never in control messages) */
#define L2TP_RESERVED 0x34f0      /* the x bits: sent as 0, ignored when read */
#define L2TP_VER_MASK 0x000f
#define L2TP_VER 2

/* PPP protocols that open a data message of a tunnel not yet recognised
 * (RFC 1661 §2; "PPP DLL Protocol Numbers", IANA): LCP, PAP, CHAP, IPCP,
 * IPV6CP, IPv4, IPv6. */
static bool l2tp_ppp_known(uint16_t proto)
{
	switch (proto) {
	case 0xc021: case 0xc023: case 0xc223: case 0x8021: case 0x8057: case 0x0021:
	case 0x0057:
		return true;
	default:
		return false;
	}
}

/* An L2TPv2 message: 1 a control message (header as §3.1 requires of
 * them, Length equal to the datagram's), 0 a data message whose PPP
 * frame (after the optional 0xff 0x03) starts with a protocol number in
 * *proto and its information field in *info, -1 not L2TPv2. strict: the
 * reserved bits must be 0 (recognising a flow, §3.1 sends them as 0;
 * afterwards they are ignored, as §3.1 asks of a receiver). */
static int l2tp_parse(struct pktcur c, bool strict, uint16_t *proto, struct pktcur *info)
{
	size_t total = pc_left(&c);
	uint16_t flags, len, tunnel, session;
	if (pc_be16(&c, &flags) || (flags & L2TP_VER_MASK) != L2TP_VER ||
	    (strict && (flags & L2TP_RESERVED)))
		return -1;
	if (flags & L2TP_T) {
		if ((flags & (L2TP_L | L2TP_S | L2TP_O | L2TP_P)) != (L2TP_L | L2TP_S) ||
		    pc_be16(&c, &len) || len != total)
			return -1;
		return 1;
	}
	if ((flags & L2TP_L) && (pc_be16(&c, &len) || len < 6 || len > total))
		return -1;
	if (flags & L2TP_L)
		pc_limit(&c, (size_t)len - 4);
	if (pc_be16(&c, &tunnel) || pc_be16(&c, &session))
		return -1;
	if ((flags & L2TP_S) && pc_skip(&c, 4))
		return -1;
	uint16_t off;
	if ((flags & L2TP_O) && (pc_be16(&c, &off) || pc_skip(&c, off)))
		return -1;
	if (pc_match(&c, "\xff\x03", 2))
		pc_skip(&c, 2);
	if (pc_be16(&c, proto))
		return -1;
	pc_rest(&c, info);
	return 0;
}

/* Every PAP request in the data messages of an L2TPv2 tunnel: reported
 * once (retransmissions counted), with its Peer-ID as the user. */
enum cls_verdict cls_l2tp(const struct cls_view *v, struct cls_result *res)
{
	int d = pc_left(&v->data[0]) ? 0 : 1;
	uint16_t proto = 0;
	struct pktcur info = PC_NONE;
	int kind = l2tp_parse(v->data[d], res->app == APP_NONE, &proto, &info);
	if (res->app == APP_NONE) {
		if (kind < 0 || (kind == 0 && !l2tp_ppp_known(proto)))
			return CLS_NO;
		lg_claim(v, res, APP_L2TP);
	}
	struct pktcur user = PC_NONE, pw = PC_NONE;
	uint64_t h;
	if (kind != 0 || proto != 0xc023 || !ppp_pap_request(info, &user, &pw, &h))
		return CLS_MORE;
	struct lg_state *st = lg_state(res);
	if (!st)
		return CLS_MORE;
	if (lg_seen(v, st, h, true))
		return CLS_MORE;
	uint8_t name[LG_USER_MAX], secret[LG_SECRET_MAX];
	struct cls_cred cr;
	int64_t id = -1;
	if (ppp_pap_cred(user, pw, "L2TP PAP", v->packet, name, secret, &cr) && v->cred)
		id = v->cred(v->cred_ctx, &cr);
	memset(secret, 0, sizeof(secret));
	lg_remember(st, h, id);
	return CLS_MORE;
}
