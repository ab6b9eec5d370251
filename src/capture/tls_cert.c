/*
 * tls_cert.c — the server's certificates of a TLS 1.2-or-older handshake
 * (issue 16 §5): a reader of flows claimed as TLS (classify.h) that
 * follows the server's handshake records after the ServerHello, joins the
 * Certificate message across records and TCP segments (at most
 * TLS_CERT_MSG_MAX bytes: a larger one is reported as not read, never cut),
 * parses each certificate with libcrypto (d2i_X509 on the message's own
 * bytes, each length checked against what is left) and judges the leaf at
 * the time of the packet that completed the message:
 *
 *   - validity: notBefore <= time <= notAfter (RFC 5280 §4.1.2.5);
 *   - issuer: self-signed (the leaf is its own issuer), or the chain the
 *     server sent does not lead to a CA of the trust store, the system's
 *     OpenSSL directory /etc/ssl/certs (Debian's ca-certificates; a
 *     private CA is an unknown issuer); checked without time (validity is
 *     the first point) and without OpenSSL's security level (key size and
 *     digest are the last point);
 *   - name: the SNI the client asked for against the SAN dNSNames (the
 *     CN only when there is no SAN) with RFC 6125 §6.4.3 rules: a wildcard
 *     is a whole left-most label and matches one label —
 *     X509_check_host() with X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS
 *     (https://docs.openssl.org/3.0/man3/X509_check_host/);
 *   - strength: an RSA key under 2048 bits (NIST SP 800-131A Rev. 2,
 *     table 2), a SHA-1 or MD5 signature on the leaf or an intermediate
 *     the server sent (a self-signed root's own signature is never
 *     checked by anyone, so it does not count).
 *
 * Message layout: RFC 5246 §7.4.2 — certificate_list<0..2^24-1>, each
 * ASN.1Cert<1..2^24-1>, the sender's certificate first; the record layer
 * of §6.2.1 (type 22, version, length at most 2^14 + 2048). TLS 1.3
 * (RFC 8446 §4.4.2) encrypts its Certificate: after a ServerHello that
 * selects 1.3 the reader stops (the flow's version says why).
 *
 * Nothing of a certificate is a secret; its texts are still the sender's
 * bytes: every character outside printable ASCII is written \xNN.
 */
#include "tls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#define TLS_REC_MAX (16384 + 2048)   /* RFC 5246 §6.2.3 */
#define TLS_HS_CERT 11
#define TLS_HS_DONE 14               /* ServerHelloDone */
#define TLS_HS_SERVER_HELLO 2

/* The reader's per-flow state (res->priv); buf grows with the message. */
struct tcert {
	uint32_t rec_left;        /* bytes of the current handshake record not read */
	uint8_t hdr[4];           /* the handshake header being joined */
	uint8_t nhdr;
	bool in_msg;              /* hdr complete: reading the body */
	uint8_t type;
	uint32_t len, got;        /* the message's length, bytes of it read */
	size_t cap;               /* bytes of buf */
	uint8_t buf[];            /* the Certificate message's body (type 11 only) */
};

/* ---- judging ------------------------------------------------------------ */

static X509_STORE *g_store;   /* loaded once; lives until the process ends */

/* The trust store: EDGELINT_CA_DIR when set (tests), else /etc/ssl/certs. */
static X509_STORE *cert_store(void)
{
	if (g_store)
		return g_store;
	X509_STORE *s = X509_STORE_new();
	const char *dir = getenv("EDGELINT_CA_DIR");
	if (!s || !X509_STORE_load_path(s, dir && *dir ? dir : TLS_CERT_STORE)) {
		X509_STORE_free(s);
		return NULL;
	}
	g_store = s;
	return g_store;
}

/* s (n bytes) into out, printable ASCII, the rest as \xNN. */
static void esc_copy(char *out, size_t cap, const unsigned char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n && o + 5 < cap; i++) {
		unsigned char c = s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			out[o++] = (char)c;
		else
			o += (size_t)snprintf(out + o, cap - o, "\\x%02x", c);
	}
	out[o] = '\0';
}

/* A name as one line in RFC 2253's order ("CN=…,O=…"), escaped. */
static void name_line(const X509_NAME *nm, char *out, size_t cap)
{
	out[0] = '\0';
	BIO *b = BIO_new(BIO_s_mem());
	if (!b)
		return;
	/* RFC 2253 order and names, without its backslash escapes (esc_copy
	 * does the escaping, one way for every byte) */
	unsigned long fl = XN_FLAG_RFC2253 & ~(ASN1_STRFLGS_ESC_MSB | ASN1_STRFLGS_ESC_2253);
	if (X509_NAME_print_ex(b, nm, 0, fl) >= 0) {
		char *p;
		long n = BIO_get_mem_data(b, &p);
		if (n > 0)
			esc_copy(out, cap, (const unsigned char *)p, (size_t)n);
	}
	BIO_free(b);
}

/* "2026-12-07" from an ASN1_TIME; "?" when it cannot be read. */
static void day_of(const ASN1_TIME *t, char *out, size_t cap)
{
	struct tm tm;
	if (!t || !ASN1_TIME_to_tm(t, &tm) || !strftime(out, cap, "%Y-%m-%d", &tm))
		snprintf(out, cap, "?");
}

/* The SAN dNSNames, comma-separated and escaped; the subject CN when
 * there is no SAN. */
static void names_of(X509 *x, char *out, size_t cap)
{
	out[0] = '\0';
	size_t o = 0;
	GENERAL_NAMES *gens = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
	for (int i = 0; gens && i < sk_GENERAL_NAME_num(gens); i++) {
		const GENERAL_NAME *g = sk_GENERAL_NAME_value(gens, i);
		if (g->type != GEN_DNS)
			continue;
		char one[CLS_NAME_MAX * 4 + 1];
		esc_copy(one, sizeof(one), ASN1_STRING_get0_data(g->d.dNSName),
			 (size_t)ASN1_STRING_length(g->d.dNSName));
		int w = snprintf(out + o, cap - o, "%s%s", o ? ", " : "", one);
		if (w < 0 || (size_t)w >= cap - o) {
			/* full: say so rather than cut a name */
			if (o + 4 < cap)
				snprintf(out + o, cap - o, ", …");
			break;
		}
		o += (size_t)w;
	}
	GENERAL_NAMES_free(gens);
	if (o)
		return;
	const X509_NAME *sub = X509_get_subject_name(x);
	int k = X509_NAME_get_index_by_NID(sub, NID_commonName, -1);
	const X509_NAME_ENTRY *e = k >= 0 ? X509_NAME_get_entry(sub, k) : NULL;
	const ASN1_STRING *cn = e ? X509_NAME_ENTRY_get_data(e) : NULL;
	if (cn)
		esc_copy(out, cap, ASN1_STRING_get0_data(cn), (size_t)ASN1_STRING_length(cn));
}

/* The digest of x's signature when it is SHA-1 or MD5, else NULL. */
static const char *weak_digest(const X509 *x)
{
	int md = NID_undef;
	if (!OBJ_find_sigid_algs(X509_get_signature_nid(x), &md, NULL))
		return NULL;
	return md == NID_sha1 ? "SHA-1" : md == NID_md5 ? "MD5" : NULL;
}

/* Why a chain does not lead to the trust store, in our words (en, ja),
 * from OpenSSL's verify error (openssl-verify(1), "Diagnostics"). */
static void issuer_why(int err, struct cls_cert *out)
{
	switch (err) {
	case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
		out->verify_error = "its root is a self-signed CA that is not in the trust store";
		out->verify_error_ja = "ルートが信頼ストアにない自己署名の認証局です";
		break;
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
	case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
		out->verify_error = "its issuer is neither in the trust store nor sent by the server";
		out->verify_error_ja = "発行者の証明書が信頼ストアにもサーバが送ったチェーンにもありません";
		break;
	case X509_V_ERR_CERT_SIGNATURE_FAILURE:
		out->verify_error = "a signature in the chain does not verify";
		out->verify_error_ja = "チェーンの署名が検証できません";
		break;
	default:
		out->verify_error = "the chain does not verify";
		out->verify_error_ja = "チェーンが検証できません";
		break;
	}
}

/* Issuer trust: 0 trusted, else TLS_CERT_UNKNOWN_ISSUER with why, or
 * TLS_CERT_CHAIN_INCOMPLETE when the chain stops at an issuer the server
 * did not send and the store does not hold: a public intermediate left
 * out by the server (browsers fetch or cache those) and a private CA look
 * the same, so the chain is not said to be untrusted. Seen on a real 2020
 * capture (corpus tls12-sni-firefox.pcap: ntop.org sent its Let's Encrypt
 * leaf without the "Let's Encrypt Authority X3" intermediate). */
static unsigned judge_issuer(X509 *leaf, STACK_OF(X509) *chain, struct cls_cert *out)
{
	X509_STORE *store = cert_store();
	X509_STORE_CTX *ctx = store ? X509_STORE_CTX_new() : NULL;
	if (!ctx || !X509_STORE_CTX_init(ctx, store, leaf, chain)) {
		X509_STORE_CTX_free(ctx);
		out->verify_error = "the trust store could not be read";
		out->verify_error_ja = "信頼ストアを読めませんでした";
		return TLS_CERT_UNKNOWN_ISSUER;
	}
	X509_VERIFY_PARAM *p = X509_STORE_CTX_get0_param(ctx);
	X509_VERIFY_PARAM_set_flags(p, X509_V_FLAG_NO_CHECK_TIME);
	X509_VERIFY_PARAM_set_auth_level(p, 0);
	unsigned r = 0;
	if (X509_verify_cert(ctx) != 1) {
		int err = X509_STORE_CTX_get_error(ctx);
		r = err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT ||
				    err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY ||
				    err == X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE
			    ? TLS_CERT_CHAIN_INCOMPLETE
			    : TLS_CERT_UNKNOWN_ISSUER;
		issuer_why(err, out);
	}
	X509_STORE_CTX_free(ctx);
	return r;
}

void tls_cert_judge(const uint8_t *msg, size_t len, const char *sni, bool has_time,
		    const struct cap_time *when, struct cls_cert *out)
{
	struct pktcur c;
	uint32_t total;
	pc_init(&c, msg, len);
	out->problems = 0;
	if (pc_be24(&c, &total) || total != pc_left(&c)) {
		out->problems = TLS_CERT_UNREADABLE;
		return;
	}
	STACK_OF(X509) *chain = sk_X509_new_null();
	X509 *leaf = NULL;
	while (chain && pc_left(&c) && sk_X509_num(chain) < TLS_CERT_CHAIN_MAX) {
		uint32_t n;
		const unsigned char *der;
		if (pc_be24(&c, &n) || n == 0 || !(der = pc_take(&c, n)))
			break;
		const unsigned char *p = der;
		X509 *x = d2i_X509(NULL, &p, (long)n);
		if (!x || p != der + n) {   /* trailing bytes: not one certificate */
			X509_free(x);
			break;
		}
		if (!sk_X509_push(chain, x)) {
			X509_free(x);
			break;
		}
	}
	out->certs = chain ? (unsigned)sk_X509_num(chain) : 0;
	if (out->certs == 0) {
		sk_X509_free(chain);
		out->problems = TLS_CERT_UNREADABLE;
		return;
	}
	leaf = sk_X509_value(chain, 0);
	name_line(X509_get_subject_name(leaf), out->subject, sizeof(out->subject));
	name_line(X509_get_issuer_name(leaf), out->issuer, sizeof(out->issuer));
	names_of(leaf, out->names, sizeof(out->names));
	day_of(X509_get0_notBefore(leaf), out->not_before, sizeof(out->not_before));
	day_of(X509_get0_notAfter(leaf), out->not_after, sizeof(out->not_after));
	if (has_time) {
		time_t t = (time_t)when->sec;
		if (X509_cmp_time(X509_get0_notAfter(leaf), &t) < 0)
			out->problems |= TLS_CERT_EXPIRED;
		else if (X509_cmp_time(X509_get0_notBefore(leaf), &t) > 0)
			out->problems |= TLS_CERT_NOT_YET_VALID;
	}
	if (X509_self_signed(leaf, 0) == 1)
		out->problems |= TLS_CERT_SELF_SIGNED;
	else
		out->problems |= judge_issuer(leaf, chain, out);
	if (sni && X509_check_host(leaf, sni, strlen(sni), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS,
				   NULL) != 1)
		out->problems |= TLS_CERT_NAME_MISMATCH;
	EVP_PKEY *pk = X509_get0_pubkey(leaf);
	if (pk && EVP_PKEY_get_base_id(pk) == EVP_PKEY_RSA) {
		out->rsa_bits = EVP_PKEY_get_bits(pk);
		if (out->rsa_bits > 0 && out->rsa_bits < TLS_CERT_RSA_MIN)
			out->problems |= TLS_CERT_WEAK_KEY;
	}
	for (int i = 0; i < sk_X509_num(chain); i++) {
		X509 *x = sk_X509_value(chain, i);
		if (i > 0 && X509_self_signed(x, 0) == 1)
			continue;   /* a root's own signature is never checked */
		const char *d = weak_digest(x);
		if (d) {
			out->problems |= TLS_CERT_WEAK_SIGNATURE;
			out->weak_digest = d;
			break;
		}
	}
	sk_X509_pop_free(chain, X509_free);
}

/* ---- the reader --------------------------------------------------------- */

/* Reports what was found (when the view has a sink). */
static void cert_report(const struct cls_view *v, const struct cls_result *res,
			struct cls_cert *cc)
{
	cc->packet = v->packet;
	cc->sni = v->name_of && res->host >= 0 ? v->name_of(v->intern_ctx, res->host) : NULL;
	if (v->cert)
		v->cert(v->cred_ctx, cc);
}

/* Room for the whole message in the state (grown; res->priv follows). */
static struct tcert *cert_room(struct cls_result *res, size_t need)
{
	struct tcert *st = res->priv;
	if (st->cap >= need)
		return st;
	struct tcert *n = realloc(st, sizeof(*st) + need);
	if (!n)
		return NULL;
	n->cap = need;
	res->priv = n;
	return n;
}

/* Takes handshake bytes (the body of records) into the state. 1: the
 * reader is done (a Certificate judged, ServerHelloDone, TLS 1.3, or a
 * message too large), 0: more wanted, -1: out of memory. */
static int cert_bytes(const struct cls_view *v, struct cls_result *res, struct pktcur *c)
{
	while (pc_left(c)) {
		struct tcert *st = res->priv;
		if (!st->in_msg) {
			if (pc_u8(c, &st->hdr[st->nhdr]))
				return 0;
			if (++st->nhdr < 4)
				continue;
			st->nhdr = 0;
			st->in_msg = true;
			st->type = st->hdr[0];
			st->len = (uint32_t)st->hdr[1] << 16 | (uint32_t)st->hdr[2] << 8 | st->hdr[3];
			st->got = 0;
			if (st->type == TLS_HS_CERT) {
				if (st->len > TLS_CERT_MSG_MAX) {
					struct cls_cert cc = {.problems = TLS_CERT_TOO_LARGE,
							      .msg_len = st->len};
					cert_report(v, res, &cc);
					return 1;
				}
				if (!cert_room(res, st->len))
					return -1;
				st = res->priv;
			}
		}
		size_t take = st->len - st->got;
		if (take > pc_left(c))
			take = pc_left(c);
		if (st->type == TLS_HS_CERT)
			pc_copy(c, st->buf + st->got, take);
		else
			pc_skip(c, take);
		st->got += (uint32_t)take;
		if (st->got < st->len)
			return 0;
		st->in_msg = false;
		if (st->type == TLS_HS_CERT) {
			struct cls_cert cc = {.msg_len = st->len};
			const char *sni = v->name_of && res->host >= 0
						  ? v->name_of(v->intern_ctx, res->host)
						  : NULL;
			tls_cert_judge(st->buf, st->len, sni, v->has_time, &v->time, &cc);
			cert_report(v, res, &cc);
			return 1;
		}
		if (st->type == TLS_HS_DONE)
			return 1;
		if (st->type == TLS_HS_SERVER_HELLO && res->tls_version >= 0x0304)
			return 1;   /* TLS 1.3: the certificate is encrypted */
	}
	return 0;
}

enum cls_verdict cls_tls_cert(const struct cls_view *v, struct cls_result *res)
{
	if (!v->cert || v->udp || v->gap[1])
		return CLS_NO;   /* nobody reads them; bytes lost: the message cannot be joined */
	if (!res->priv) {
		res->priv = calloc(1, sizeof(struct tcert));
		if (!res->priv)
			return CLS_NO;
	}
	if (res->state & TLS_ST_CH)
		res->mute |= 1u;   /* the client's side is read: no more of it */
	struct pktcur c = v->data[1];
	size_t start = pc_left(&c);
	int done = 0;
	while (!done && pc_left(&c)) {
		struct tcert *st = res->priv;
		if (st->rec_left == 0) {
			uint8_t type;
			uint16_t ver, len;
			if (pc_left(&c) < 5)
				break;
			if (pc_u8(&c, &type) || pc_be16(&c, &ver) || pc_be16(&c, &len))
				break;
			if (type != 22 || (ver >> 8) != 3 || len == 0 || len > TLS_REC_MAX) {
				done = 1;   /* ChangeCipherSpec, alert, data: no certificate */
				break;
			}
			st->rec_left = len;
			continue;
		}
		struct pktcur body;
		size_t take = st->rec_left < pc_left(&c) ? st->rec_left : pc_left(&c);
		if (pc_sub(&c, take, &body))
			break;
		st->rec_left -= (uint32_t)take;
		done = cert_bytes(v, res, &body);
		if (done < 0)
			return CLS_NO;
	}
	size_t used = start - pc_left(&c);
	res->consumed[1] = (uint16_t)(used > UINT16_MAX ? UINT16_MAX : used);
	if (done)
		return CLS_DONE;
	return v->final[1] && used == 0 ? CLS_DONE : CLS_MORE;
}
