/*
 * login_bin.c — the binary-protocol login readers of issue 16 (login.h):
 * SOCKS5 username/password, MSSQL TDS LOGIN7, VNC without
 * authentication or with VNC Authentication's DES response (EL406),
 * RADIUS PAP and PostgreSQL's md5 (EL406) and cleartext passwords (the text ones, IRC, Redis and XMPP, are
 * in login_misc.c). Each recognises its protocol by its framing on any
 * port; every read goes through the bounded cursor, user names and
 * secrets into fixed-size buffers on the stack, wiped once reported.
 *
 * Sources (the field layouts are theirs):
 *   RFC 1928 "SOCKS Protocol Version 5" §3 (method selection) and
 *   RFC 1929 "Username/Password Authentication for SOCKS V5" §2
 *   (https://datatracker.ietf.org/doc/rfc1929/).
 *   [MS-TDS] §2.2.3.1.1 (packet header: type, status, length big-endian),
 *   §2.2.6.4 LOGIN7 (OffsetLength: ibUserName/cchUserName at 40/42,
 *   ibPassword/cchPassword at 44/46, offsets from the start of LOGIN7,
 *   lengths in UTF-16 characters; the password's bytes are nibble-swapped
 *   then XORed with 0xA5; a LOGIN7 continued over several TDS packets,
 *   which only large SSPI data needs, is not read), §2.2.6.5 PRELOGIN
 *   (https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-tds/773a62b6-ee89-4c02-9e5e-344882630aac).
 *   RFC 6143 "The Remote Framebuffer Protocol" §7.1.1 (ProtocolVersion
 *   "RFB xxx.yyy\n"; versions other than 3.7 and 3.8 are read as 3.3),
 *   §7.1.2 (security types: 1 None, 2 VNC Authentication; in 3.3 the
 *   server sends the type as a U32), §7.2.2 (VNC Authentication: a
 *   16-byte random challenge, the client's 16-byte response, the
 *   challenge encrypted with DES keyed by the password, of which only
 *   the first 8 characters count: a crackable hash, EL406).
 *   RFC 2865 "RADIUS" §3 (Code 1 Access-Request, Length 20..4096, the
 *   16-octet Request Authenticator), §5 (attributes: Type, Length, Value),
 *   §5.1 User-Name, §5.2 User-Password (16 to 128 octets, the password
 *   XORed with MD5(shared secret + authenticator): unreadable here).
 */
#include "login.h"

#include <string.h>

#include "../util.h"

/* UTF-16LE (n bytes of c) as UTF-8 into out (at most cap bytes, whole
 * characters only); an unpaired surrogate becomes U+FFFD. Returns the
 * length written. */
static size_t utf16le_to_utf8(struct pktcur c, uint8_t *out, size_t cap)
{
	size_t o = 0;
	while (pc_left(&c) >= 2) {
		uint8_t lo = 0, hi = 0;
		if (pc_u8(&c, &lo) || pc_u8(&c, &hi))
			break;
		uint32_t u = (uint32_t)lo | (uint32_t)hi << 8;
		if (u >= 0xd800 && u < 0xdc00) {
			uint8_t l2, h2;
			uint32_t w = 0;
			if (!pc_peek(&c, 0, &l2) && !pc_peek(&c, 1, &h2))
				w = (uint32_t)l2 | (uint32_t)h2 << 8;
			if (w >= 0xdc00 && w < 0xe000) {
				pc_skip(&c, 2);
				u = 0x10000 + ((u - 0xd800) << 10) + (w - 0xdc00);
			} else {
				u = 0xfffd;
			}
		} else if (u >= 0xdc00 && u < 0xe000) {
			u = 0xfffd;
		}
		uint8_t b[4];
		size_t k = utf8_put(u, b);
		if (o + k > cap)
			break;
		memcpy(out + o, b, k);
		o += k;
	}
	return o;
}

/* ---- SOCKS5 (RFC 1928 §3, RFC 1929 §2) ---------------------------------- */

/* The client's method selection: 05 NMETHODS METHODS. 1 when complete and
 * it offers X'02' (username/password), 0 incomplete, -1 not SOCKS5 or
 * no password offered. *len: its length. */
static int socks_greeting(const struct pktcur *c, size_t *len)
{
	uint8_t ver, n, m;
	if (pc_peek(c, 0, &ver))
		return 0;
	if (ver != 5)
		return -1;
	if (pc_peek(c, 1, &n))
		return 0;
	if (n == 0)
		return -1;
	bool pw = false;
	for (size_t i = 0; i < n; i++) {
		if (pc_peek(c, 2 + i, &m))
			return 0;
		pw |= m == 2;
	}
	*len = 2u + n;
	return pw ? 1 : -1;
}

static int socks_recognise(const struct cls_view *v)
{
	size_t glen;
	if (pc_left(&v->data[0]) == 0)
		return pc_left(&v->data[1]) ? -1 : 0;   /* the client speaks first */
	int g = socks_greeting(&v->data[0], &glen);
	if (g < 0)
		return -1;
	uint8_t ver, method;
	if (!pc_peek(&v->data[1], 0, &ver)) {
		if (ver != 5)
			return -1;
		if (pc_left(&v->data[1]) == 1 && !v->final[1])
			return 0;
		if (pc_peek(&v->data[1], 1, &method) || method != 2)
			return -1;   /* no password asked for (tunnels: not here) */
		return g == 1 ? 1 : 0;
	}
	return v->final[0] || v->final[1] ? -1 : 0;
}

enum cls_verdict cls_socks(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, socks_recognise, APP_SOCKS, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	/* The whole exchange is in the first bytes: read from the start. */
	struct pktcur c = v->data[0];
	size_t glen = 0;
	uint8_t ver, ulen, plen;
	if (socks_greeting(&c, &glen) != 1 || pc_skip(&c, glen))
		return CLS_DONE;
	if (pc_peek(&c, 0, &ver))
		return v->final[0] ? CLS_DONE : CLS_MORE;
	if (ver != 1)
		return CLS_DONE;   /* not the sub-negotiation of RFC 1929 */
	uint8_t user[255], pass[255];
	struct pktcur k = c;
	if (pc_skip(&k, 1) || pc_u8(&k, &ulen) || pc_copy(&k, user, ulen) || pc_u8(&k, &plen) ||
	    pc_copy(&k, pass, plen))
		return v->final[0] ? CLS_DONE : CLS_MORE;
	lg_report(v, "SOCKS5", user, ulen, pass, plen, false);
	memset(pass, 0, sizeof(pass));
	return CLS_DONE;
}

/* ---- MSSQL TDS LOGIN7 ([MS-TDS] §2.2.6.4) ------------------------------- */

#define TDS_PRELOGIN 0x12
#define TDS_LOGIN7 0x10
#define TDS_REPLY 0x04
#define TDS_HDR 8
#define TDS_LOGIN7_FIXED 94       /* the fixed part up to the variable data */

/* A packet header at the read position: 1 (type and length out), 0
 * incomplete, -1 not a TDS packet from a client. */
static int tds_header(const struct pktcur *c, uint8_t *type, uint16_t *len)
{
	uint8_t h[TDS_HDR];
	for (size_t i = 0; i < TDS_HDR; i++)
		if (pc_peek(c, i, &h[i]))
			return 0;
	*type = h[0];
	*len = (uint16_t)(h[2] << 8 | h[3]);
	/* status: EOM (0x01), ignore (0x02), reset (0x08, 0x10) */
	if ((h[1] & ~0x1bu) != 0 || *len <= TDS_HDR)
		return -1;
	return 1;
}

static int tds_recognise(const struct cls_view *v)
{
	const struct pktcur *c = &v->data[0];
	uint8_t type;
	uint16_t len;
	if (pc_left(c) == 0)
		return pc_left(&v->data[1]) ? -1 : 0;
	int h = tds_header(c, &type, &len);
	if (h == 0)
		return v->final[0] ? -1 : 0;
	if (h < 0 || (type != TDS_PRELOGIN && type != TDS_LOGIN7))
		return -1;
	uint8_t b;
	if (type == TDS_PRELOGIN) {
		/* the first option token: VERSION (0x00), offset, length 6 */
		uint8_t t[5];
		for (size_t i = 0; i < 5; i++)
			if (pc_peek(c, TDS_HDR + i, &t[i]))
				return v->final[0] ? -1 : 0;
		if (t[0] != 0 || t[3] != 0 || t[4] != 6)
			return -1;
	} else {
		/* LOGIN7 Length (LE32) at least the fixed part, within 128K */
		uint8_t l[4];
		for (size_t i = 0; i < 4; i++)
			if (pc_peek(c, TDS_HDR + i, &l[i]))
				return v->final[0] ? -1 : 0;
		uint32_t ll = (uint32_t)l[0] | (uint32_t)l[1] << 8 | (uint32_t)l[2] << 16 |
			      (uint32_t)l[3] << 24;
		if (ll < TDS_LOGIN7_FIXED || ll >= 128 * 1024)
			return -1;
	}
	if (!pc_peek(&v->data[1], 0, &b) && b != TDS_REPLY)
		return -1;
	return 1;
}

/* Reads LOGIN7 (the packet's data) and reports its user and password. */
static void tds_login7(struct lg *x, struct pktcur p)
{
	uint8_t f[48];
	struct pktcur k = p;
	if (pc_copy(&k, f, sizeof(f)))
		return;
	uint32_t total = (uint32_t)f[0] | (uint32_t)f[1] << 8 | (uint32_t)f[2] << 16 |
			 (uint32_t)f[3] << 24;
	if (total > pc_left(&p))
		total = (uint32_t)pc_left(&p);
	size_t uo = (size_t)(f[40] | f[41] << 8), un = 2u * (size_t)(f[42] | f[43] << 8);
	size_t po = (size_t)(f[44] | f[45] << 8), pn = 2u * (size_t)(f[46] | f[47] << 8);
	if (pn == 0 || uo + un > total || po + pn > total)
		return;   /* integrated security (SSPI) or a bad offset: no password */
	struct pktcur u = PC_NONE, pw = PC_NONE;
	k = p;
	pc_skip(&k, uo);
	pc_sub(&k, un, &u);
	k = p;
	pc_skip(&k, po);
	/* Nibble-swapped then XORed with 0xA5 (§2.2.6.4): undone into a
	 * local copy, wiped after use. */
	uint8_t raw[LG_SECRET_MAX * 2];
	size_t rn = pn < sizeof(raw) ? pn : sizeof(raw);
	if (pc_copy(&k, raw, rn))
		return;
	for (size_t i = 0; i < rn; i++) {
		uint8_t b = raw[i] ^ 0xa5;
		raw[i] = (uint8_t)(b << 4 | b >> 4);
	}
	pc_init(&pw, raw, rn);
	uint8_t user[LG_USER_MAX], pass[LG_SECRET_MAX];
	size_t ul = utf16le_to_utf8(u, user, sizeof(user));
	size_t pl = utf16le_to_utf8(pw, pass, sizeof(pass));
	lg_report(x->v, "MSSQL TDS login", user, ul, pass, pl, false);
	memset(raw, 0, sizeof(raw));
	memset(pass, 0, sizeof(pass));
}

enum cls_verdict cls_tds(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open_client(v, res, tds_recognise, APP_TDS, &x);   /* replies unread */
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	struct lg_state *st = x.st;
	struct pktcur c = v->data[0];
	enum cls_verdict r = CLS_MORE;
	if (v->gap[0])
		return CLS_DONE;   /* packets cannot be found again */
	while (pc_left(&c)) {
		if (st->lit_left[0]) {
			lg_skip_literal(&x, 0, &c);   /* a packet larger than the window */
			continue;
		}
		uint8_t type;
		uint16_t len;
		int h = tds_header(&c, &type, &len);
		if (h == 0)
			break;
		if (h < 0 || (type != TDS_PRELOGIN && type != TDS_LOGIN7)) {
			r = CLS_DONE;   /* TLS records or other traffic: done */
			break;
		}
		if (type == TDS_LOGIN7) {
			struct pktcur pk = PC_NONE, k = c;
			if (pc_sub(&k, len, &pk)) {
				if (v->final[0])
					r = CLS_DONE;   /* longer than the window: not read */
				break;
			}
			pc_skip(&pk, TDS_HDR);
			tds_login7(&x, pk);
			r = CLS_DONE;   /* the login is the last thing read */
			break;
		}
		if (pc_left(&c) < len) {
			st->lit_left[0] = len;
			continue;
		}
		pc_skip(&c, len);
	}
	res->consumed[0] = (uint16_t)(c.off - v->data[0].off);
	return r;
}

/* ---- VNC without authentication (RFC 6143 §7.1) -------------------------- */

#define RFB_VERSION_LEN 12        /* "RFB xxx.yyy\n" */
#define RFB_NONE 1                /* security type None */
#define RFB_VNC_AUTH 2            /* security type VNC Authentication (§7.2.2) */
#define RFB_CHALLENGE 16          /* its challenge and response */

/* A ProtocolVersion at the start of c: 1 (major, minor out), 0
 * incomplete, -1 not one. */
static int rfb_version(const struct pktcur *c, unsigned *major, unsigned *minor)
{
	uint8_t b[RFB_VERSION_LEN];
	size_t have = pc_left(c) < RFB_VERSION_LEN ? pc_left(c) : RFB_VERSION_LEN;
	for (size_t i = 0; i < have; i++)
		pc_peek(c, i, &b[i]);
	static const char pat[] = "RFB ddd.ddd\n";
	for (size_t i = 0; i < have; i++)
		if (pat[i] == 'd' ? b[i] < '0' || b[i] > '9' : b[i] != (uint8_t)pat[i])
			return -1;
	if (have < RFB_VERSION_LEN)
		return 0;
	*major = (unsigned)((b[4] - '0') * 100 + (b[5] - '0') * 10 + (b[6] - '0'));
	*minor = (unsigned)((b[8] - '0') * 100 + (b[9] - '0') * 10 + (b[10] - '0'));
	return 1;
}

static int vnc_recognise(const struct cls_view *v)
{
	unsigned ma, mi;
	if (pc_left(&v->data[1])) {
		int r = rfb_version(&v->data[1], &ma, &mi);
		return r == 0 && v->final[1] ? -1 : r;
	}
	if (pc_left(&v->data[0]))
		return rfb_version(&v->data[0], &ma, &mi) < 0 || v->final[0] ? -1 : 0;
	return 0;
}

/* Reports the session when it settled on security type None (EL403) or
 * on VNC Authentication (the client's DES response, EL406 vnc): the U32
 * the server chose (3.3) or the byte the client chose (3.7, 3.8 and the
 * later versions of other makers). */
enum cls_verdict cls_vnc(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, vnc_recognise, APP_VNC, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	struct pktcur s = v->data[1], c = v->data[0];
	unsigned sma, smi, cma, cmi;
	int rs = rfb_version(&s, &sma, &smi), rc = rfb_version(&c, &cma, &cmi);
	if (rs < 0 || rc < 0 || v->gap[0] || v->gap[1])
		return CLS_DONE;
	bool more = !v->final[0] && !v->final[1];
	if (rs == 0 || rc == 0)
		return more ? CLS_MORE : CLS_DONE;
	pc_skip(&s, RFB_VERSION_LEN);
	pc_skip(&c, RFB_VERSION_LEN);
	bool v33 = cma == 3 && cmi < 7;   /* §7.1.1: other 3.x are 3.3 */
	uint32_t type;
	if (v33) {
		if (pc_be32(&s, &type))
			return more ? CLS_MORE : CLS_DONE;
	} else {
		uint8_t n, t;
		if (pc_u8(&s, &n))
			return more ? CLS_MORE : CLS_DONE;
		if (n == 0)
			return CLS_DONE;   /* the server refused the connection */
		if (pc_u8(&c, &t))
			return more ? CLS_MORE : CLS_DONE;
		type = t;
	}
	if (type == RFB_NONE && v->cred) {
		struct cls_cred cr = {.protocol = "VNC without authentication", .no_auth = true,
				      .packet = v->packet};
		v->cred(v->cred_ctx, &cr);
	}
	if (type != RFB_VNC_AUTH)
		return CLS_DONE;
	/* §7.2.2: the server's 16-byte challenge, the client's 16-byte
	 * response (the challenge DES-encrypted with the password, at most
	 * 8 characters, as the key): the response is the secret. In 3.3 the
	 * client sends nothing before it; in 3.7 and 3.8 its choice byte. */
	uint8_t resp[RFB_CHALLENGE];
	if (pc_copy(&c, resp, sizeof(resp)))
		return more ? CLS_MORE : CLS_DONE;
	if (v->cred) {
		struct cls_cred cr = {.protocol = "VNC", .secret = resp, .secret_len = sizeof(resp),
				      .hash_type = "VNC DES", .hash_variant = "vnc",
				      .packet = v->packet};
		v->cred(v->cred_ctx, &cr);
	}
	memset(resp, 0, sizeof(resp));
	return CLS_DONE;
}

/* ---- RADIUS PAP (RFC 2865) ----------------------------------------------- */

#define RADIUS_HDR 20             /* Code, Identifier, Length, Authenticator */
#define RADIUS_ACCESS_REQUEST 1
#define RADIUS_USER_NAME 1
#define RADIUS_USER_PASSWORD 2

/* A RADIUS packet (RFC 2865 §3: Length 20..4096, at most the datagram;
 * attributes §5: Type, Length >= 2, laid end to end up to Length). On an
 * Access-Request with User-Password, *user / *pw are its User-Name and
 * User-Password (16 to 128 octets, §5.2). Returns the code, or -1. */
static int radius_parse(struct pktcur c, struct pktcur *user, bool *pw, uint64_t *h)
{
	uint8_t code, id;
	uint16_t len;
	if (pc_u8(&c, &code) || pc_u8(&c, &id) || pc_be16(&c, &len) || len < RADIUS_HDR ||
	    len > 4096 || len > pc_left(&c) + 4 || code == 0 || code > 55)
		return -1;
	pc_limit(&c, (size_t)len - 4);
	/* the Request Authenticator tells a retransmission from a new request */
	*h = 1469598103934665603ULL ^ id;
	for (int i = 0; i < 16; i++) {
		uint8_t b = 0;
		if (pc_u8(&c, &b))
			return -1;
		*h = (*h ^ b) * 1099511628211ULL;
	}
	*pw = false;
	pc_init(user, NULL, 0);
	while (pc_left(&c)) {
		uint8_t t, l;
		struct pktcur val = PC_NONE;
		if (pc_u8(&c, &t) || pc_u8(&c, &l) || l < 2 || pc_sub(&c, (size_t)l - 2, &val))
			return -1;
		if (t == RADIUS_USER_NAME && l > 2)
			*user = val;
		else if (t == RADIUS_USER_PASSWORD)
			*pw = l - 2 >= 16 && l - 2 <= 128 && (l - 2) % 16 == 0;
	}
	return code;
}

/* Each Access-Request with a User-Password: reported once (its
 * retransmissions, same authenticator, counted), with its user. */
enum cls_verdict cls_radius(const struct cls_view *v, struct cls_result *res)
{
	int d = pc_left(&v->data[0]) ? 0 : 1;
	struct pktcur user = PC_NONE;
	bool pw;
	uint64_t h;
	int code = radius_parse(v->data[d], &user, &pw, &h);
	if (code < 0)
		return res->app == APP_RADIUS ? CLS_MORE : CLS_NO;
	if (res->app == APP_NONE) {
		/* Only a request opens a RADIUS flow: other codes are too
		 * short a signature on their own. */
		if (code != RADIUS_ACCESS_REQUEST)
			return CLS_NO;
		lg_claim(v, res, APP_RADIUS);
	}
	struct lg_state *st = lg_state(res);
	if (!st || code != RADIUS_ACCESS_REQUEST || !pw)
		return CLS_MORE;
	if (lg_seen(v, st, h, true))
		return CLS_MORE;
	uint8_t name[LG_USER_MAX];
	size_t n = pc_left(&user) < sizeof(name) ? pc_left(&user) : sizeof(name);
	pc_copy(&user, name, n);
	int64_t id = -1;
	if (v->cred) {
		struct cls_cred cr = {.protocol = "RADIUS PAP", .user = n ? name : NULL,
				      .user_len = n, .hidden = true, .packet = v->packet};
		id = v->cred(v->cred_ctx, &cr);
	}
	lg_remember(st, h, id);
	return CLS_MORE;
}

/* ---- PostgreSQL (frontend/backend protocol 3.0) ------------------------- */

#define PG_SSL_REQUEST 80877103u     /* SSLRequest code */
#define PG_GSSENC_REQUEST 80877104u  /* GSSENCRequest code */
#define PG_PROTOCOL_3 196608u        /* StartupMessage protocol 3.0 */
#define PG_STARTUP_MAX 10000u        /* the server's own limit on a startup packet */
#define PG_AUTH_OK 0
#define PG_AUTH_CLEARTEXT 3
#define PG_AUTH_MD5 5
#define PG_MD5_LEN 35                /* "md5" and 32 hex digits */

/* The client's first message: 1 an SSLRequest, GSSENCRequest or
 * StartupMessage 3.0, 0 incomplete, -1 not PostgreSQL. */
static int pg_first(struct pktcur c)
{
	uint32_t len, code;
	if (pc_be32(&c, &len) || pc_be32(&c, &code))
		return 0;
	if (len == 8 && (code == PG_SSL_REQUEST || code == PG_GSSENC_REQUEST))
		return 1;
	return code == PG_PROTOCOL_3 && len > 8 && len <= PG_STARTUP_MAX ? 1 : -1;
}

static int pg_recognise(const struct cls_view *v)
{
	if (!pc_left(&v->data[0]))
		return pc_left(&v->data[1]) ? -1 : 0;   /* the client speaks first */
	int r = pg_first(v->data[0]);
	return r == 0 && v->final[0] ? -1 : r;
}

/* The user parameter of a StartupMessage's body (name/value C strings,
 * ended by an empty name) into *user; false when there is none. */
static bool pg_startup_user(struct pktcur body, struct pktcur *user)
{
	for (;;) {
		long nul = pc_find(&body, 0);
		if (nul <= 0)
			return false;
		bool is_user = nul == 4 && pc_match(&body, "user", 4);
		pc_skip(&body, (size_t)nul + 1);
		long vn = pc_find(&body, 0);
		if (vn < 0)
			return false;
		if (is_user)
			return pc_sub(&body, (size_t)vn, user) == 0;
		pc_skip(&body, (size_t)vn + 1);
	}
}

/* The login of a PostgreSQL connection (PostgreSQL documentation,
 * "Frontend/Backend Protocol": Message Flow, Start-up; Message Formats;
 * the PasswordMessage for MD5 is concat('md5', md5(concat(md5(concat(
 * password, username)), random-salt))) as that chapter writes it): an SSLRequest or GSSENCRequest answered 'S' / 'G' ends the
 * reading (the rest is encrypted), 'N' goes on; the StartupMessage
 * names the user; the server's AuthenticationMD5Password (R, 5, a
 * 4-byte salt) or AuthenticationCleartextPassword (R, 3) asks for the
 * client's PasswordMessage ('p'): "md5" followed by the hex of
 * MD5(MD5(password + user) + salt), a crackable hash (EL406
 * pgsql-md5), or the password as it is (EL403). SCRAM-SHA-256 (R, 10)
 * is not read. */
enum cls_verdict cls_pgsql(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, pg_recognise, APP_PGSQL, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	struct pktcur c = v->data[0], s = v->data[1];
	bool more = !v->final[0] && !v->final[1];
	if (v->gap[0] || v->gap[1])
		return CLS_DONE;
	uint32_t len, code;
	struct pktcur k = c;
	if (pc_be32(&k, &len) || pc_be32(&k, &code))
		return more ? CLS_MORE : CLS_DONE;
	if (len == 8 && (code == PG_SSL_REQUEST || code == PG_GSSENC_REQUEST)) {
		uint8_t answer;
		if (pc_u8(&s, &answer))
			return more ? CLS_MORE : CLS_DONE;
		if (answer != 'N')
			return CLS_DONE;   /* encrypted from here on */
		pc_skip(&c, 8);
		k = c;
		if (pc_be32(&k, &len) || pc_be32(&k, &code))
			return more ? CLS_MORE : CLS_DONE;
	}
	struct pktcur startup = PC_NONE, user = PC_NONE;
	if (code != PG_PROTOCOL_3 || len <= 8 || len > PG_STARTUP_MAX)
		return CLS_DONE;
	if (pc_skip(&c, 8) || pc_sub(&c, len - 8, &startup))
		return more ? CLS_MORE : CLS_DONE;
	bool has_user = pg_startup_user(startup, &user);
	/* the server's messages up to its authentication request */
	uint32_t auth = UINT32_MAX;
	while (auth == UINT32_MAX) {
		uint8_t type;
		struct pktcur body = PC_NONE;
		if (pc_u8(&s, &type) || pc_be32(&s, &len) || len < 4 || pc_sub(&s, len - 4, &body))
			return more ? CLS_MORE : CLS_DONE;
		if (type == 'E')
			return CLS_DONE;   /* refused before any password */
		if (type == 'R' && pc_be32(&body, &auth))
			return CLS_DONE;
	}
	if (auth != PG_AUTH_MD5 && auth != PG_AUTH_CLEARTEXT)
		return CLS_DONE;   /* trust (0), SCRAM (10), GSS, SSPI…: no password here */
	uint8_t type;
	struct pktcur pw = PC_NONE;
	if (pc_u8(&c, &type) || pc_be32(&c, &len) || len < 5 || pc_sub(&c, len - 4, &pw))
		return more ? CLS_MORE : CLS_DONE;
	if (type != 'p')
		return CLS_DONE;
	long nul = pc_find(&pw, 0);
	if (nul >= 0)
		pc_limit(&pw, (size_t)nul);
	uint8_t name[LG_USER_MAX], secret[LG_SECRET_MAX];
	size_t un = has_user ? (pc_left(&user) < sizeof(name) ? pc_left(&user) : sizeof(name)) : 0;
	size_t pn = pc_left(&pw) < sizeof(secret) ? pc_left(&pw) : sizeof(secret);
	pc_copy(&user, name, un);
	pc_copy(&pw, secret, pn);
	if (auth == PG_AUTH_CLEARTEXT && pn) {
		lg_report(v, "PostgreSQL", has_user ? name : NULL, un, secret, pn, false);
	} else if (auth == PG_AUTH_MD5 && pn == PG_MD5_LEN && memcmp(secret, "md5", 3) == 0 &&
		   v->cred) {
		struct cls_cred cr = {.protocol = "PostgreSQL", .user = has_user ? name : NULL,
				      .user_len = un, .secret = secret + 3, .secret_len = pn - 3,
				      .hash_type = "PostgreSQL md5", .hash_variant = "pgsql-md5",
				      .packet = v->packet};
		v->cred(v->cred_ctx, &cr);
	}
	memset(secret, 0, sizeof(secret));
	return CLS_DONE;
}
