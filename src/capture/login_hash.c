/*
 * login_hash.c — logins whose password does not cross as it is but as a
 * hash an eavesdropper can crack offline (EL406, issue 16 §1): the
 * readers report them through the same sink as the cleartext ones, with
 * cls_cred.hash_type naming the hash and the hash bytes as the secret
 * (registered by the sink, never printed).
 *
 *   NTLM  the NTLMSSP AUTHENTICATE_MESSAGE ([MS-NLMP] §2.2.1.3), found by
 *         its signature "NTLMSSP\0" and MessageType 3 anywhere in a
 *         token (raw, or inside a SPNEGO wrapper): the user (domain\user,
 *         UTF-16LE when NTLMSSP_NEGOTIATE_UNICODE is set, §2.2.2.5 flag
 *         A), and the NtChallengeResponse: 24 bytes is NTLMv1 (§3.3.1;
 *         with NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY, flag P, the
 *         "ESS" variant), longer is NTLMv2 (§2.2.2.8). An empty user with
 *         an empty or one-byte LM response is an anonymous
 *         authentication (§3.2.5.1.2): no hash. Read from HTTP
 *         Authorization / Proxy-Authorization NTLM and Negotiate
 *         (RFC 4559 §4, login_http.c).
 */
#include "login.h"

#include <string.h>

#define NTLMSSP_SIG "NTLMSSP\0"
#define NTLMSSP_SIG_LEN 8
#define NTLM_AUTHENTICATE 3
#define NTLM_FLAG_UNICODE 0x00000001u      /* [MS-NLMP] §2.2.2.5 A */
#define NTLM_FLAG_ESS 0x00080000u          /* §2.2.2.5 P */
#define NTLM_V1_RESPONSE 24                /* §2.2.2.6 */
#define NTLM_V2_RESPONSE_MIN 48            /* NTProofStr 16, the client challenge's 28 fixed bytes,
					    * MsvAvEOL 4 (§2.2.2.7) */

/* A field descriptor (§2.2.1.3: Len, MaxLen, BufferOffset, little-endian)
 * at msg, as a cursor on the field's bytes within msg; -1 when it points
 * outside. */
static int ntlm_field(const struct pktcur *msg, size_t at, struct pktcur *out)
{
	struct pktcur c = *msg;
	uint8_t b[8];
	if (pc_skip(&c, at) || pc_copy(&c, b, sizeof(b)))
		return -1;
	size_t len = (size_t)b[0] | (size_t)b[1] << 8;
	size_t off = (size_t)b[4] | (size_t)b[5] << 8 | (size_t)b[6] << 16 | (size_t)b[7] << 24;
	c = *msg;
	if (pc_skip(&c, off) || pc_sub(&c, len, out))
		return -1;
	return 0;
}

/* The text of a name field into out (UTF-16LE narrowed: a character
 * outside ASCII becomes '?'); returns the bytes written. */
static size_t ntlm_name(struct pktcur f, bool unicode, uint8_t *out, size_t cap)
{
	size_t n = 0;
	uint8_t lo, hi = 0;
	while (n < cap && !pc_u8(&f, &lo) && (!unicode || !pc_u8(&f, &hi)))
		out[n++] = hi || lo >= 0x80 ? '?' : lo;
	return n;
}

/* Reports the NTLMSSP AUTHENTICATE_MESSAGE in the n bytes at m, if there
 * is one, as protocol proto. Returns the sink's id, or -1. */
int64_t lg_ntlm(const struct cls_view *v, const char *proto, const uint8_t *m, size_t n)
{
	struct pktcur all = PC_NONE;
	pc_init(&all, m, n);
	for (;;) {
		long at = pc_find(&all, 'N');
		if (at < 0)
			return -1;
		pc_skip(&all, (size_t)at);
		if (pc_match(&all, NTLMSSP_SIG, NTLMSSP_SIG_LEN))
			break;
		pc_skip(&all, 1);
	}
	struct pktcur msg = all, c = all;
	uint32_t type, flags;
	struct pktcur lm = PC_NONE, nt = PC_NONE, dom = PC_NONE, usr = PC_NONE;
	if (pc_skip(&c, NTLMSSP_SIG_LEN) || pc_le32(&c, &type) || type != NTLM_AUTHENTICATE ||
	    ntlm_field(&msg, 12, &lm) || ntlm_field(&msg, 20, &nt) || ntlm_field(&msg, 28, &dom) ||
	    ntlm_field(&msg, 36, &usr))
		return -1;
	c = msg;
	if (pc_skip(&c, 60) || pc_le32(&c, &flags))
		return -1;
	size_t ntlen = pc_left(&nt);
	if (pc_left(&usr) == 0 && ntlen == 0)
		return -1;   /* anonymous (§3.2.5.1.2) */
	const char *type_name;
	if (ntlen == NTLM_V1_RESPONSE)
		type_name = (flags & NTLM_FLAG_ESS) ? "NetNTLMv1-ESS" : "NetNTLMv1";
	else if (ntlen >= NTLM_V2_RESPONSE_MIN)
		type_name = "NetNTLMv2";
	else
		return -1;
	bool uni = (flags & NTLM_FLAG_UNICODE) != 0;
	uint8_t user[LG_USER_MAX];
	size_t un = ntlm_name(dom, uni, user, sizeof(user) / 2);
	if (un && un < sizeof(user))
		user[un++] = '\\';
	un += ntlm_name(usr, uni, user + un, sizeof(user) - un);
	uint8_t hash[LG_SECRET_MAX];
	size_t hn = ntlen < sizeof(hash) ? ntlen : sizeof(hash);
	pc_copy(&nt, hash, hn);
	int64_t id = -1;
	if (v->cred) {
		struct cls_cred cr = {.protocol = proto, .user = un ? user : NULL, .user_len = un,
				      .secret = hash, .secret_len = hn, .hash_type = type_name,
				      .packet = v->packet};
		id = v->cred(v->cred_ctx, &cr);
	}
	memset(hash, 0, sizeof(hash));
	return id;
}
