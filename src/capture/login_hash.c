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
 *         (RFC 4559 §4, login_http.c), SMTP / IMAP / POP3 AUTH NTLM (the
 *         SASL exchange of login.c's lg_sasl_line, [MS-SMTPNTLM] §3.1.5)
 *         and SMB (cls_smb below).
 *   SMB   recognised by the client's first message on any port: the
 *         Direct TCP transport header (a zero byte, a 24-bit length;
 *         [MS-SMB2] §2.1) and the protocol id 0xFE "SMB" or 0xFF "SMB"
 *         (SMB1, the NEGOTIATE most clients open with). Every client
 *         message is read: an SMB2 SESSION_SETUP request (§2.2.1.2
 *         header, Command 1, §2.2.5 SecurityBufferOffset/Length) or an
 *         SMB1 SESSION_SETUP_ANDX request ([MS-CIFS] §2.2.4.53, command
 *         0x73) hands its security blob to the NTLM reader. A message
 *         longer than the window is skipped; after lost bytes the reading
 *         resumes at the next protocol id. SMB over NetBIOS port 139
 *         (a SESSION REQUEST first) is not read.
 *   Digest the Authorization / Proxy-Authorization "Digest" credentials
 *         of HTTP (RFC 7616 §3.4, RFC 2617 §3.2.2; login_http.c): the
 *         response, a hash of the password with the server's nonce, is
 *         the secret; its algorithm the hash type (lg_digest below).
 */
#include "login.h"

#include <string.h>

#include "../util.h"

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

/* ---- SMB ---------------------------------------------------------------- */

#define SMB_NB_HDR 4              /* Direct TCP transport: zero, 24-bit length */
#define SMB2_HDR 64               /* [MS-SMB2] §2.2.1.2 */
#define SMB2_SESSION_SETUP 1
#define SMB2_FLAGS_SERVER_TO_REDIR 0x00000001u
#define SMB2_SETUP_SIZE 25        /* §2.2.5 StructureSize */
#define SMB1_SESSION_SETUP_ANDX 0x73
#define SMB1_FLAGS_REPLY 0x80     /* [MS-CIFS] §2.2.3.1 Flags */

/* 1 when c starts with an SMB message over Direct TCP, 0 when more
 * bytes are needed to tell, -1 when it does not. */
static int smb_recognise(struct pktcur c)
{
	uint8_t z, id[4];
	uint32_t len;
	if (pc_u8(&c, &z) || pc_be24(&c, &len))
		return 0;
	if (z != 0 || len < 32)
		return -1;
	if (pc_copy(&c, id, sizeof(id)))
		return 0;
	return (id[0] == 0xfe || id[0] == 0xff) && memcmp(id + 1, "SMB", 3) == 0 ? 1 : -1;
}

static uint16_t smb_le16(struct pktcur c, size_t at)
{
	uint8_t lo = 0, hi = 0;
	if (pc_peek(&c, at, &lo) || pc_peek(&c, at + 1, &hi))
		return 0;
	return (uint16_t)(lo | hi << 8);
}

/* One client message m (from its protocol id): a session setup's NTLM
 * AUTHENTICATE, if any, reported. */
static void smb_message(const struct cls_view *v, struct pktcur m)
{
	uint8_t b = 0, flags1 = 0;
	if (pc_match(&m, "\xffSMB", 4)) {
		if (!pc_peek(&m, 4, &b) && b == SMB1_SESSION_SETUP_ANDX && !pc_peek(&m, 9, &flags1) &&
		    !(flags1 & SMB1_FLAGS_REPLY))
			lg_ntlm(v, "SMB1 NTLM", pc_view(&m, pc_left(&m)), pc_left(&m));
		return;
	}
	if (!pc_match(&m, "\xfeSMB", 4) || smb_le16(m, 4) != SMB2_HDR ||
	    smb_le16(m, 12) != SMB2_SESSION_SETUP || pc_peek(&m, 16, &b) ||
	    (b & SMB2_FLAGS_SERVER_TO_REDIR) || smb_le16(m, SMB2_HDR) != SMB2_SETUP_SIZE)
		return;
	size_t off = smb_le16(m, SMB2_HDR + 12), len = smb_le16(m, SMB2_HDR + 14);
	struct pktcur blob = PC_NONE;
	if (off < SMB2_HDR + 24 || pc_skip(&m, off) || pc_sub(&m, len, &blob) || len == 0)
		return;
	lg_ntlm(v, "SMB NTLM", pc_view(&blob, len), len);
}

/* The client's messages of an SMB connection, each session setup's NTLM
 * hash reported; the server's side is not buffered. */
enum cls_verdict cls_smb(const struct cls_view *v, struct cls_result *res)
{
	if (res->app == APP_NONE) {
		int r = smb_recognise(v->data[0]);
		if (r < 0 || (r == 0 && (v->final[0] || pc_left(&v->data[1]))))
			return CLS_NO;
		if (r == 0)
			return CLS_MORE;
		lg_claim(v, res, APP_SMB);
		res->mute |= 2;
	}
	struct lg_state *st = lg_state(res);
	if (!st)
		return CLS_DONE;
	struct pktcur c = v->data[0];
	if (v->gap[0]) {   /* bytes lost (a segment longer than the window): resynchronise */
		st->skip[0] = 0;
		st->skip_line[0] = true;
	}
	if (st->skip_line[0]) {
		/* the next message starts 4 bytes before a protocol id */
		long at = -1;
		for (long p = pc_find(&c, 'S'); p >= 0 && at < 0;) {
			struct pktcur k = c;
			pc_skip(&k, (size_t)p);
			if (p >= 5 && pc_match(&k, "SMB", 3)) {
				uint8_t id = 0;
				pc_peek(&c, (size_t)p - 1, &id);
				if (id == 0xfe || id == 0xff)
					at = p - 5;
			}
			pc_skip(&k, 1);
			long q = pc_find(&k, 'S');
			p = q < 0 ? -1 : p + 1 + q;
		}
		if (at < 0) {   /* keep the last 7 bytes: a header may straddle */
			size_t keep = pc_left(&c) < 7 ? pc_left(&c) : 7;
			pc_skip(&c, pc_left(&c) - keep);
			res->consumed[0] = (uint16_t)(c.off - v->data[0].off);
			return CLS_MORE;
		}
		pc_skip(&c, (size_t)at);
		st->skip_line[0] = false;
	}
	while (pc_left(&c)) {
		if (st->skip[0]) {
			size_t take = pc_left(&c) < st->skip[0] ? pc_left(&c) : st->skip[0];
			pc_skip(&c, take);
			st->skip[0] -= (uint32_t)take;
			continue;
		}
		struct pktcur h = c;
		uint8_t z;
		uint32_t len;
		if (pc_u8(&h, &z) || pc_be24(&h, &len))
			break;
		if (z != 0)
			return CLS_DONE;   /* not Direct TCP any more */
		if (len > pc_left(&h)) {
			if ((size_t)len + SMB_NB_HDR > FT_BUF_MAX) {   /* never fits: skip it */
				st->skip[0] = (uint32_t)(len + SMB_NB_HDR - pc_left(&c));
				pc_skip(&c, pc_left(&c));
			}
			break;
		}
		struct pktcur m = PC_NONE;
		pc_skip(&c, SMB_NB_HDR);
		pc_sub(&c, len, &m);
		smb_message(v, m);
	}
	res->consumed[0] = (uint16_t)(c.off - v->data[0].off);
	return v->final[0] && res->consumed[0] == 0 ? CLS_DONE : CLS_MORE;
}

/* ---- Digest (HTTP, SIP) ------------------------------------------------- */

#define DIGEST_VALUE_MAX 256      /* longer parameter values are cut */

/* One auth-param (RFC 9110 §11.2: token "=" ( token / quoted-string ),
 * quoted-pair escapes honoured) from c, after optional spaces and
 * commas: its name and value into the buffers (cut at their size).
 * Returns false at the end of the list. */
static bool digest_param(struct pktcur *c, uint8_t *name, size_t *nn, uint8_t *val, size_t *vn)
{
	uint8_t ch;
	while (!pc_peek(c, 0, &ch) && (ch == ' ' || ch == '\t' || ch == ','))
		pc_skip(c, 1);
	*nn = *vn = 0;
	while (!pc_peek(c, 0, &ch) && ch != '=' && ch != ',' && ch != ' ' && ch != '\t') {
		pc_skip(c, 1);
		if (*nn < DIGEST_VALUE_MAX)
			name[(*nn)++] = ch;
	}
	lg_skip_sp(c);
	if (pc_peek(c, 0, &ch))
		return *nn > 0;
	if (ch != '=')
		return *nn > 0;   /* a name without a value (tolerated, ignored) */
	pc_skip(c, 1);
	lg_skip_sp(c);
	bool quoted = !pc_peek(c, 0, &ch) && ch == '"';
	if (quoted)
		pc_skip(c, 1);
	while (!pc_u8(c, &ch)) {
		if (quoted && ch == '"')
			break;
		if (!quoted && (ch == ',' || ch == ' ' || ch == '\t'))
			break;
		if (quoted && ch == '\\' && pc_u8(c, &ch))
			break;
		if (*vn < DIGEST_VALUE_MAX)
			val[(*vn)++] = ch;
	}
	return true;
}

/* The algorithms of RFC 7616 §3.4 (and §6.1's registry), as hash types;
 * an absent algorithm is MD5 (§3.4). */
static const char *digest_algorithm(const uint8_t *a, size_t n)
{
	static const char *const names[] = {"MD5", "MD5-sess", "SHA-256", "SHA-256-sess",
					    "SHA-512-256", "SHA-512-256-sess"};
	static const char *const types[] = {"Digest MD5", "Digest MD5-sess", "Digest SHA-256",
					    "Digest SHA-256-sess", "Digest SHA-512-256",
					    "Digest SHA-512-256-sess"};
	if (n == 0)
		return types[0];
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (lg_eq(a, n, names[i]))
			return types[i];
	return "Digest (other algorithm)";
}

/* Digest credentials (RFC 7616 §3.4; RFC 2617 §3.2.2; SIP: RFC 3261
 * §22.4, RFC 8760) in value, the part of an Authorization or
 * Proxy-Authorization header after its name: when the scheme is Digest
 * and a response is present, reported as protocol proto with the user
 * ("name (realm …)") and the algorithm; the response (a hash of the
 * password, the nonce and the request) is the secret. Without qop, the
 * RFC 2069 form that RFC 2617 §3.2.2.1 keeps for compatibility, there is
 * no client nonce nor count: the response can be replayed for as long as
 * the server accepts that nonce (RFC 2617 §4.5), variant replay_variant;
 * with qop, variant variant. userhash=true (RFC 7616 §3.4.4) hides the
 * user: none named. Returns the sink's id, or -1. */
int64_t lg_digest(const struct cls_view *v, struct pktcur value, const char *proto,
		  const char *variant, const char *replay_variant)
{
	uint8_t scheme[16];
	size_t sn = lg_token(&value, scheme, sizeof(scheme));
	if (!lg_eq(scheme, sn, "Digest"))
		return -1;
	uint8_t name[DIGEST_VALUE_MAX], val[DIGEST_VALUE_MAX];
	uint8_t user[DIGEST_VALUE_MAX], realm[DIGEST_VALUE_MAX], alg[32];
	uint8_t resp[DIGEST_VALUE_MAX];
	size_t nn, vn, un = 0, rn = 0, an = 0, pn = 0;
	bool qop = false, userhash = false, have_user = false;
	while (digest_param(&value, name, &nn, val, &vn)) {
		if (lg_eq(name, nn, "username")) {
			memcpy(user, val, vn);
			un = vn;
			have_user = true;
		} else if (lg_eq(name, nn, "realm")) {
			memcpy(realm, val, vn);
			rn = vn;
		} else if (lg_eq(name, nn, "algorithm")) {
			an = vn < sizeof(alg) ? vn : sizeof(alg);
			memcpy(alg, val, an);
		} else if (lg_eq(name, nn, "qop")) {
			qop = vn > 0;
		} else if (lg_eq(name, nn, "userhash")) {
			userhash = lg_eq(val, vn, "true");
		} else if (lg_eq(name, nn, "response")) {
			memcpy(resp, val, vn);
			pn = vn;
		}
	}
	memset(val, 0, sizeof(val));
	int64_t id = -1;
	if (pn > 0 && v->cred) {
		uint8_t who[LG_USER_MAX];
		size_t wn = 0;
		if (have_user && !userhash) {
			wn = un < sizeof(who) ? un : sizeof(who);
			memcpy(who, user, wn);
			static const char pre[] = " (realm ";
			if (rn && wn + sizeof(pre) - 1 + rn + 1 <= sizeof(who)) {
				memcpy(who + wn, pre, sizeof(pre) - 1);
				wn += sizeof(pre) - 1;
				memcpy(who + wn, realm, rn);
				wn += rn;
				who[wn++] = ')';
			}
		}
		struct cls_cred cr = {.protocol = proto, .user = wn ? who : NULL, .user_len = wn,
				      .secret = resp, .secret_len = pn,
				      .hash_type = digest_algorithm(alg, an),
				      .hash_variant = !wn ? NULL : qop ? variant : replay_variant,
				      .packet = v->packet};
		id = v->cred(v->cred_ctx, &cr);
	}
	memset(resp, 0, sizeof(resp));
	return id;
}
