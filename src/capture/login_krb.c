/*
 * login_krb.c — Kerberos 5 messages that hand an eavesdropper something
 * to crack offline (EL406, login_hash.c's kind), on any port, over UDP
 * or TCP (a 4-byte length before each message, RFC 4120 §7.2.2):
 *
 *   AS-REQ   [APPLICATION 10] with PA-ENC-TIMESTAMP (padata-type 2,
 *            RFC 4120 §5.2.7.2): a timestamp encrypted with the user's
 *            key; the user is cname@realm of the req-body (§5.4.1).
 *   AS-REP   [APPLICATION 11]: its enc-part is encrypted with the user's
 *            key (§5.4.2; "AS-REP roasting" when pre-authentication is
 *            off); the user is cname@crealm.
 *   TGS-REP  [APPLICATION 13]: the ticket's enc-part is encrypted with
 *            the service account's key ("Kerberoasting"); the user is the
 *            ticket's sname@realm, the account whose password it tests.
 *            A ticket for krbtgt is not one: its key is the KDC's own,
 *            random.
 *
 * The hash type names the message and the encryption type (RFC 3961
 * §8, RFC 8429): etype 23/24 (RC4-HMAC) and 1/3 (DES) are cracked far
 * faster than the AES ones (17, 18) and get EL406's variant "weak".
 */
#include "login.h"

#include <string.h>

#define KRB_AS_REQ 0x6a           /* [APPLICATION 10] */
#define KRB_AS_REP 0x6b           /* [APPLICATION 11] */
#define KRB_TGS_REP 0x6d          /* [APPLICATION 13] */
#define KRB_TICKET 0x61           /* [APPLICATION 1] */
#define KRB_PA_ENC_TIMESTAMP 2
#define KRB_MAX_MSG 65535

/* The next element of c if it is the context tag [n] (constructed):
 * its content in *in. */
static bool krb_ctx(struct pktcur *c, unsigned n, struct pktcur *in)
{
	struct pktcur k = *c;
	uint8_t t;
	uint32_t l;
	if (lg_ber_hdr(&k, &t, &l) || t != (0xa0 | n) || pc_sub(&k, l, in))
		return false;
	*c = k;
	return true;
}

/* Skips context-tagged elements of c until [n]: its content in *in. */
static bool krb_field(struct pktcur c, unsigned n, struct pktcur *in)
{
	for (;;) {
		uint8_t t;
		uint32_t l;
		struct pktcur k = c;
		if (lg_ber_hdr(&k, &t, &l) || (t & 0xe0) != 0xa0 || (t & 0x1f) > n)
			return false;
		if ((t & 0x1f) == n)
			return krb_ctx(&c, n, in);
		if (pc_skip(&k, l))
			return false;
		c = k;
	}
}

static bool krb_int(struct pktcur c, unsigned n, uint32_t *v)
{
	struct pktcur in = PC_NONE;
	return krb_field(c, n, &in) && lg_ber_int(&in, v);
}

/* PrincipalName (§5.2.2) and Realm into out as "a/b@REALM"; length. */
static size_t krb_principal(struct pktcur name, struct pktcur realm, uint8_t *out, size_t cap)
{
	size_t n = 0;
	struct pktcur seq = PC_NONE, strs = PC_NONE, one = PC_NONE;
	if (lg_ber_get(&name, 0x30, &seq) && krb_field(seq, 1, &strs) &&
	    lg_ber_get(&strs, 0x30, &seq)) {
		while (lg_ber_get(&seq, 0x1b, &one)) {   /* GeneralString */
			if (n && n < cap)
				out[n++] = '/';
			while (n < cap && !pc_u8(&one, &out[n]))
				n++;
		}
	}
	struct pktcur r = PC_NONE;
	if (n && n < cap && lg_ber_get(&realm, 0x1b, &r)) {
		out[n++] = '@';
		while (n < cap && !pc_u8(&r, &out[n]))
			n++;
	}
	return n;
}

/* EncryptedData (§5.2.9): etype and cipher. */
static bool krb_enc(struct pktcur c, uint32_t *etype, struct pktcur *cipher)
{
	struct pktcur seq = PC_NONE, wrapped = PC_NONE;
	return lg_ber_get(&c, 0x30, &seq) && krb_int(seq, 0, etype) && krb_field(seq, 2, &wrapped) &&
	       lg_ber_get(&wrapped, 0x04, cipher);
}

/* The static hash type names: the sink keeps the pointer. */
static const char *krb_static(const char *msg, uint32_t etype)
{
	static const char *const t[][6] = {
		{"krb5pa-rc4-hmac (etype 23)", "krb5pa-aes128 (etype 17)", "krb5pa-aes256 (etype 18)",
		 "krb5pa-des (etype 1 or 3)", "krb5pa-rc4-hmac-exp (etype 24)", "krb5pa (other etype)"},
		{"krb5asrep-rc4-hmac (etype 23)", "krb5asrep-aes128 (etype 17)",
		 "krb5asrep-aes256 (etype 18)", "krb5asrep-des (etype 1 or 3)",
		 "krb5asrep-rc4-hmac-exp (etype 24)", "krb5asrep (other etype)"},
		{"krb5tgs-rc4-hmac (etype 23)", "krb5tgs-aes128 (etype 17)", "krb5tgs-aes256 (etype 18)",
		 "krb5tgs-des (etype 1 or 3)", "krb5tgs-rc4-hmac-exp (etype 24)", "krb5tgs (other etype)"},
	};
	int m = strcmp(msg, "krb5pa") == 0 ? 0 : strcmp(msg, "krb5asrep") == 0 ? 1 : 2;
	int e = etype == 23 ? 0 : etype == 17 ? 1 : etype == 18 ? 2 : etype == 1 || etype == 3 ? 3
	      : etype == 24 ? 4 : 5;
	return t[m][e];
}

/* One Kerberos message m: reported when it carries something to crack. */
static void krb_message(const struct cls_view *v, struct lg_state *st, struct pktcur m)
{
	uint8_t app;
	uint32_t l;
	struct pktcur body = PC_NONE, seq = PC_NONE;
	if (lg_ber_hdr(&m, &app, &l) || pc_sub(&m, l, &body) || !lg_ber_get(&body, 0x30, &seq))
		return;
	const char *msg = NULL;
	uint32_t etype = 0;
	struct pktcur cipher = PC_NONE, name = PC_NONE, realm = PC_NONE;
	if (app == KRB_AS_REQ) {
		struct pktcur pa = PC_NONE, list = PC_NONE, req = PC_NONE;
		if (!krb_field(seq, 3, &pa) || !lg_ber_get(&pa, 0x30, &list) || !krb_field(seq, 4, &req))
			return;
		struct pktcur one = PC_NONE;
		while (!msg && lg_ber_get(&list, 0x30, &one)) {
			uint32_t type;
			struct pktcur val = PC_NONE;
			struct pktcur octets = PC_NONE;
			if (krb_int(one, 1, &type) && type == KRB_PA_ENC_TIMESTAMP &&
			    krb_field(one, 2, &val) && lg_ber_get(&val, 0x04, &octets) &&
			    krb_enc(octets, &etype, &cipher))
				msg = "krb5pa";
		}
		struct pktcur rb = PC_NONE;
		if (!msg || !lg_ber_get(&req, 0x30, &rb))
			return;
		krb_field(rb, 1, &name);
		krb_field(rb, 2, &realm);
	} else if (app == KRB_AS_REP) {
		struct pktcur enc = PC_NONE;
		if (!krb_field(seq, 6, &enc) || !krb_enc(enc, &etype, &cipher))
			return;
		msg = "krb5asrep";
		krb_field(seq, 3, &realm);
		krb_field(seq, 4, &name);
	} else if (app == KRB_TGS_REP) {
		struct pktcur tk = PC_NONE, tkt = PC_NONE, tseq = PC_NONE, enc = PC_NONE;
		uint8_t t;
		if (!krb_field(seq, 5, &tk) || lg_ber_hdr(&tk, &t, &l) || t != KRB_TICKET ||
		    pc_sub(&tk, l, &tkt) || !lg_ber_get(&tkt, 0x30, &tseq) ||
		    !krb_field(tseq, 3, &enc) || !krb_enc(enc, &etype, &cipher))
			return;
		msg = "krb5tgs";
		krb_field(tseq, 1, &realm);
		krb_field(tseq, 2, &name);
	} else {
		return;
	}
	size_t cn = pc_left(&cipher);
	uint8_t user[LG_USER_MAX];
	size_t un = krb_principal(name, realm, user, sizeof(user));
	/* A ticket for krbtgt (a TGT renewed or referred) is encrypted with
	 * the KDC's own key, which is random, not a password. */
	if (cn == 0 || (app == KRB_TGS_REP && un >= 7 && memcmp(user, "krbtgt", 6) == 0 &&
			(user[6] == '/' || user[6] == '@')))
		return;
	uint64_t h = 1469598103934665603ULL ^ app;
	uint8_t hash[LG_SECRET_MAX];
	size_t hn = cn < sizeof(hash) ? cn : sizeof(hash);
	pc_copy(&cipher, hash, hn);
	for (size_t i = 0; i < hn; i++)
		h = (h ^ hash[i]) * 1099511628211ULL;
	if (!lg_seen(v, st, h, true)) {
		int64_t id = -1;
		if (v->cred) {
			struct cls_cred cr = {.protocol = "Kerberos", .user = un ? user : NULL,
					      .user_len = un, .secret = hash, .secret_len = hn,
					      .hash_type = krb_static(msg, etype),
					      .hash_weak = etype == 23 || etype == 24 || etype == 1 ||
							   etype == 3,
					      .packet = v->packet};
			id = v->cred(v->cred_ctx, &cr);
		}
		lg_remember(st, h, id);
	}
	memset(hash, 0, sizeof(hash));
}

/* A Kerberos message's first bytes: the [APPLICATION n] of a KDC request
 * or reply (10 to 13, 30 KRB-ERROR) around a SEQUENCE whose first field
 * is pvno [0] or [1] INTEGER 5. */
static bool krb_is(struct pktcur c)
{
	uint8_t app, t;
	uint32_t l;
	if (lg_ber_hdr(&c, &app, &l) || !((app >= 0x6a && app <= 0x6d) || app == 0x7e) ||
	    lg_ber_hdr(&c, &t, &l) || t != 0x30)
		return false;
	pc_limit(&c, l);
	uint32_t pvno = 0;
	struct pktcur in = PC_NONE;
	return (krb_ctx(&c, 0, &in) || krb_ctx(&c, 1, &in)) && lg_ber_int(&in, &pvno) && pvno == 5;
}

enum cls_verdict cls_krb(const struct cls_view *v, struct cls_result *res)
{
	if (v->udp) {
		int d = pc_left(&v->data[0]) ? 0 : 1;
		if (!krb_is(v->data[d]))
			return res->app == APP_KRB ? CLS_MORE : CLS_NO;
		if (res->app == APP_NONE)
			lg_claim(v, res, APP_KRB);
		struct lg_state *st = lg_state(res);
		if (st)
			krb_message(v, st, v->data[d]);
		return CLS_MORE;
	}
	/* TCP: each message after its 4-byte length (RFC 4120 §7.2.2) */
	if (res->app == APP_NONE) {
		struct pktcur c = v->data[0];
		uint32_t len;
		if (pc_be32(&c, &len))
			return pc_left(&v->data[1]) || v->final[0] ? CLS_NO : CLS_MORE;
		if (len == 0 || len > KRB_MAX_MSG || pc_left(&c) < 4)
			return len == 0 || len > KRB_MAX_MSG ? CLS_NO : CLS_MORE;
		if (!krb_is(c))
			return CLS_NO;
		lg_claim(v, res, APP_KRB);
	}
	struct lg_state *st = lg_state(res);
	if (!st)
		return CLS_DONE;
	for (int d = 0; d < 2; d++) {
		if (v->gap[d])
			return CLS_DONE;
		struct pktcur c = v->data[d];
		for (;;) {
			struct pktcur k = c, m = PC_NONE;
			uint32_t len;
			if (pc_be32(&k, &len) || len > KRB_MAX_MSG)
				break;
			if (pc_sub(&k, len, &m)) {
				if ((size_t)len + 4 > FT_BUF_MAX)
					return CLS_DONE;   /* never fits the window */
				break;
			}
			krb_message(v, st, m);
			c = k;
		}
		res->consumed[d] = (uint16_t)(c.off - v->data[d].off);
	}
	return CLS_MORE;
}
