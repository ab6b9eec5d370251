/*
 * quic.c — the SNI of QUIC version 1 and 2 connections (see
 * quic.h). The Initial packets of a connection are protected with
 * keys anyone can derive from the client's Destination Connection ID
 * (RFC 9001 §5.2: their protection is against off-path tampering, not
 * confidentiality), so the ClientHello, and the server name in it, can be
 * read from a capture.
 *
 * Per flow, the state lives in the flow's scratch memory (cls_view):
 * the keys last derived, the largest packet number opened, and the first
 * QUIC_CRYPTO_MAX bytes of the Initial CRYPTO stream with the ranges
 * received so far (CRYPTO frames may come in any order, repeated, split
 * over several packets and datagrams: RFC 9000 §19.6).
 */
#include "quic.h"
#include "tls.h"

#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

/* RFC 9001 §5.2 and RFC 9369 §3.3.1. */
static const uint8_t salt_v1[20] = {0x38, 0x76, 0x2c, 0xf7, 0xf5, 0x59, 0x34, 0xb3, 0x4d, 0x17,
				    0x9a, 0xe6, 0xa4, 0xc8, 0x0c, 0xad, 0xcc, 0xbb, 0x7f, 0x0a};
static const uint8_t salt_v2[20] = {0x0d, 0xed, 0xe3, 0xde, 0xf7, 0x00, 0xa6, 0xdb, 0x81, 0x93,
				    0x81, 0xbe, 0x6e, 0x26, 0x9d, 0xcb, 0xf9, 0xbd, 0x2e, 0xd9};

#define QUIC_CRYPTO_MAX 3840      /* CRYPTO stream bytes kept: a ClientHello up to this size */
#define QUIC_RANGES_MAX 16        /* disjoint CRYPTO ranges remembered */

/* Long packet types in the order of version 1 (RFC 9000 §17.2). */
enum quic_ptype { QP_INITIAL, QP_0RTT, QP_HANDSHAKE, QP_RETRY };

struct quic_state {
	uint16_t datagrams;       /* datagrams read (QUIC_DATAGRAMS_MAX at most) */
	uint8_t client;           /* 1 + the direction whose Initials opened, 0: none yet */
	uint8_t keyed_len;        /* the DCID the cached keys belong to */
	bool keyed;
	uint32_t keyed_version;
	uint8_t keyed_dcid[QUIC_CID_MAX];
	struct quic_keys keys;
	uint64_t largest1;        /* largest packet number opened + 1, 0: none */
	uint8_t nranges;
	uint16_t ranges[QUIC_RANGES_MAX][2];   /* CRYPTO bytes held, [start, end) */
	uint8_t crypto[QUIC_CRYPTO_MAX];
};

_Static_assert(sizeof(struct quic_state) <= CLS_SCRATCH_MAX, "QUIC state must fit the scratch");

/* ---- key schedule ------------------------------------------------------ */

/* libcrypto objects fetched once: OpenSSL 3 looks algorithms up by name
 * at every implicit fetch, which would cost more than the work itself.
 * edgelint reads captures on one thread; the objects stay reachable
 * until exit. */
static struct {
	bool tried, ok;
	EVP_KDF_CTX *hkdf;        /* HKDF with SHA-256 set; each use sets mode, key,
				   * salt or info anew (OpenSSL 3.0 cannot duplicate it) */
	EVP_CIPHER *gcm, *ecb;
	EVP_CIPHER_CTX *c;
} lc;

static bool lc_init(void)
{
	if (lc.tried)
		return lc.ok;
	lc.tried = true;
	EVP_KDF *kdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
	lc.hkdf = kdf ? EVP_KDF_CTX_new(kdf) : NULL;
	EVP_KDF_free(kdf);
	OSSL_PARAM md[] = {OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, "SHA256", 0),
			   OSSL_PARAM_construct_end()};
	lc.gcm = EVP_CIPHER_fetch(NULL, "AES-128-GCM", NULL);
	lc.ecb = EVP_CIPHER_fetch(NULL, "AES-128-ECB", NULL);
	lc.c = EVP_CIPHER_CTX_new();
	lc.ok = lc.hkdf && EVP_KDF_CTX_set_params(lc.hkdf, md) > 0 && lc.gcm && lc.ecb && lc.c;
	return lc.ok;
}

static int hkdf(int mode, const uint8_t *salt, size_t sn, const uint8_t *key, size_t kn,
		const uint8_t *info, size_t in, uint8_t *out, size_t on)
{
	if (!lc_init())
		return -1;
	OSSL_PARAM ps[5], *p = ps;
	*p++ = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode);
	*p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, (void *)key, kn);
	if (salt)
		*p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, (void *)salt, sn);
	if (info)
		*p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, (void *)info, in);
	*p = OSSL_PARAM_construct_end();
	return EVP_KDF_derive(lc.hkdf, out, on, ps) > 0 ? 0 : -1;
}

/* HKDF-Expand-Label of TLS 1.3 (RFC 8446 §7.1) with an empty context. */
static int expand_label(const uint8_t secret[32], const char *label, uint8_t *out, size_t n)
{
	uint8_t info[2 + 1 + 6 + 32 + 1];
	size_t ll = strlen(label);
	if (ll > 32)
		return -1;
	info[0] = (uint8_t)(n >> 8);
	info[1] = (uint8_t)n;
	info[2] = (uint8_t)(6 + ll);
	memcpy(info + 3, "tls13 ", 6);
	memcpy(info + 9, label, ll);
	info[9 + ll] = 0;
	return hkdf(EVP_KDF_HKDF_MODE_EXPAND_ONLY, NULL, 0, secret, 32, info, 10 + ll, out, n);
}

int quic_initial_keys(uint32_t version, const uint8_t *dcid, size_t n, bool server,
		      struct quic_keys *k)
{
	bool v2 = version == QUIC_V2;
	if ((version != QUIC_V1 && !v2) || n == 0 || n > QUIC_CID_MAX)
		return -1;
	uint8_t initial[32], secret[32];
	if (hkdf(EVP_KDF_HKDF_MODE_EXTRACT_ONLY, v2 ? salt_v2 : salt_v1, 20, dcid, n, NULL, 0,
		 initial, sizeof(initial)) ||
	    expand_label(initial, server ? "server in" : "client in", secret, sizeof(secret)))
		return -1;
	/* Version 2 renames the labels (RFC 9369 §3.3.2). */
	if (expand_label(secret, v2 ? "quicv2 key" : "quic key", k->key, sizeof(k->key)) ||
	    expand_label(secret, v2 ? "quicv2 iv" : "quic iv", k->iv, sizeof(k->iv)) ||
	    expand_label(secret, v2 ? "quicv2 hp" : "quic hp", k->hp, sizeof(k->hp)))
		return -1;
	return 0;
}

/* ---- packet protection -------------------------------------------------- */

/* RFC 9000 Appendix A.3: the full packet number nearest to largest + 1. */
static uint64_t pn_decode(uint64_t largest1, uint64_t truncated, unsigned bits)
{
	uint64_t expected = largest1;   /* largest + 1 */
	uint64_t win = (uint64_t)1 << bits, hwin = win / 2, mask = win - 1;
	uint64_t cand = (expected & ~mask) | truncated;
	if (cand + hwin <= expected && cand < ((uint64_t)1 << 62) - win)
		return cand + win;
	if (cand > expected + hwin && cand >= win)
		return cand - win;
	return cand;
}

long quic_unprotect(const struct quic_keys *k, uint8_t *pkt, size_t len, size_t pn_off,
		    int64_t largest, size_t *plen, uint64_t *pn)
{
	/* The sample starts 4 bytes after the packet number's start
	 * (RFC 9001 §5.4.2), whatever its length. */
	if (len > QUIC_PACKET_MAX || pn_off + 4 + 16 > len || !lc_init())
		return -1;
	EVP_CIPHER_CTX *c = lc.c;
	uint8_t mask[32];
	int ml = 0;
	if (EVP_EncryptInit_ex2(c, lc.ecb, k->hp, NULL, NULL) <= 0 ||
	    EVP_CIPHER_CTX_set_padding(c, 0) <= 0 ||
	    EVP_EncryptUpdate(c, mask, &ml, pkt + pn_off + 4, 16) <= 0 || ml != 16)
		return -1;
	/* Long header: the low 4 bits of the first byte are protected
	 * (RFC 9001 §5.4.1). */
	pkt[0] ^= mask[0] & 0x0f;
	unsigned pnlen = (pkt[0] & 3u) + 1;
	uint64_t trunc = 0;
	for (unsigned i = 0; i < pnlen; i++) {
		pkt[pn_off + i] ^= mask[1 + i];
		trunc = trunc << 8 | pkt[pn_off + i];
	}
	size_t hdr = pn_off + pnlen;
	if (len < hdr + 16)
		return -1;
	uint64_t full = pn_decode((uint64_t)(largest + 1), trunc, 8 * pnlen);
	/* The nonce: the IV XORed with the packet number (RFC 9001 §5.3). */
	uint8_t nonce[12];
	memcpy(nonce, k->iv, sizeof(nonce));
	for (unsigned i = 0; i < 8; i++)
		nonce[4 + i] ^= (uint8_t)(full >> (56 - 8 * i));
	size_t ctlen = len - hdr - 16;
	int ol = 0;
	if (EVP_DecryptInit_ex2(c, lc.gcm, k->key, nonce, NULL) <= 0 ||
	    EVP_DecryptUpdate(c, NULL, &ol, pkt, (int)hdr) <= 0 ||
	    EVP_DecryptUpdate(c, pkt + hdr, &ol, pkt + hdr, (int)ctlen) <= 0 ||
	    (size_t)ol != ctlen ||
	    EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, 16, pkt + hdr + ctlen) <= 0 ||
	    EVP_DecryptFinal_ex(c, mask, &ml) <= 0)
		return -1;
	*plen = ctlen;
	*pn = full;
	return (long)hdr;
}

int quic_protect(const struct quic_keys *k, uint8_t *pkt, size_t len, size_t pn_off)
{
	unsigned pnlen = (pkt[0] & 3u) + 1;
	size_t hdr = pn_off + pnlen;
	if (len > QUIC_PACKET_MAX || len < hdr + 16 || pn_off + 4 + 16 > len || !lc_init())
		return -1;
	uint64_t pn = 0;
	for (unsigned i = 0; i < pnlen; i++)
		pn = pn << 8 | pkt[pn_off + i];
	uint8_t nonce[12], mask[32];
	memcpy(nonce, k->iv, sizeof(nonce));
	for (unsigned i = 0; i < 8; i++)
		nonce[4 + i] ^= (uint8_t)(pn >> (56 - 8 * i));
	size_t ptlen = len - hdr - 16;
	int ol = 0;
	EVP_CIPHER_CTX *c = lc.c;
	if (EVP_EncryptInit_ex2(c, lc.gcm, k->key, nonce, NULL) <= 0 ||
	    EVP_EncryptUpdate(c, NULL, &ol, pkt, (int)hdr) <= 0 ||
	    EVP_EncryptUpdate(c, pkt + hdr, &ol, pkt + hdr, (int)ptlen) <= 0 ||
	    EVP_EncryptFinal_ex(c, mask, &ol) <= 0 ||
	    EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, 16, pkt + hdr + ptlen) <= 0 ||
	    EVP_EncryptInit_ex2(c, lc.ecb, k->hp, NULL, NULL) <= 0 ||
	    EVP_CIPHER_CTX_set_padding(c, 0) <= 0 ||
	    EVP_EncryptUpdate(c, mask, &ol, pkt + pn_off + 4, 16) <= 0 || ol != 16)
		return -1;
	pkt[0] ^= mask[0] & 0x0f;
	for (unsigned i = 0; i < pnlen; i++)
		pkt[pn_off + i] ^= mask[1 + i];
	return 0;
}

/* ---- frames ------------------------------------------------------------- */

/* A variable-length integer (RFC 9000 §16). */
static int varint(struct pktcur *c, uint64_t *v)
{
	uint8_t b;
	if (pc_u8(c, &b))
		return -1;
	unsigned n = 1u << (b >> 6);
	uint64_t x = b & 0x3f;
	for (unsigned i = 1; i < n; i++) {
		if (pc_u8(c, &b))
			return -1;
		x = x << 8 | b;
	}
	*v = x;
	return 0;
}

/* Keeps the CRYPTO bytes data at stream offset off (those below
 * QUIC_CRYPTO_MAX) and merges the ranges held. */
static void crypto_add(struct quic_state *st, uint64_t off, struct pktcur data)
{
	size_t n = pc_left(&data);
	if (off >= QUIC_CRYPTO_MAX || n == 0)
		return;
	if (n > QUIC_CRYPTO_MAX - off)
		n = QUIC_CRYPTO_MAX - (size_t)off;
	uint16_t s = (uint16_t)off, e = (uint16_t)(off + n);
	/* Overlaps and neighbours join the new range. */
	for (uint8_t i = 0; i < st->nranges;) {
		if (st->ranges[i][0] <= e && st->ranges[i][1] >= s) {
			if (st->ranges[i][0] < s)
				s = st->ranges[i][0];
			if (st->ranges[i][1] > e)
				e = st->ranges[i][1];
			st->nranges--;
			st->ranges[i][0] = st->ranges[st->nranges][0];
			st->ranges[i][1] = st->ranges[st->nranges][1];
		} else {
			i++;
		}
	}
	if (st->nranges == QUIC_RANGES_MAX)
		return;   /* too scattered: these bytes are dropped (and counted as missing) */
	pc_copy_at(&data, st->crypto, sizeof(st->crypto), (size_t)off, n);
	st->ranges[st->nranges][0] = s;
	st->ranges[st->nranges][1] = e;
	st->nranges++;
}

/* Walks the frames of an Initial packet (only those RFC 9000 §12.4
 * allows there); stops at anything else. */
static void initial_frames(struct quic_state *st, struct pktcur f)
{
	while (pc_left(&f)) {
		uint64_t type, a, b, n;
		if (varint(&f, &type))
			return;
		switch (type) {
		case 0x00:   /* PADDING */
		case 0x01:   /* PING */
			break;
		case 0x02:   /* ACK: largest, delay, range count, first range, ranges */
		case 0x03:   /* ACK with ECN counts */
			if (varint(&f, &a) || varint(&f, &a) || varint(&f, &n) || varint(&f, &a))
				return;
			for (uint64_t i = 0; i < n; i++)
				if (varint(&f, &a) || varint(&f, &b))
					return;
			if (type == 0x03 && (varint(&f, &a) || varint(&f, &a) || varint(&f, &a)))
				return;
			break;
		case 0x06: { /* CRYPTO: offset, length, data */
			struct pktcur data;
			if (varint(&f, &a) || varint(&f, &n) || n > pc_left(&f) ||
			    pc_sub(&f, (size_t)n, &data))
				return;
			crypto_add(st, a, data);
			break;
		}
		case 0x1c:   /* CONNECTION_CLOSE: code, frame type, reason */
			if (varint(&f, &a) || varint(&f, &a) || varint(&f, &n) || n > pc_left(&f) ||
			    pc_skip(&f, (size_t)n))
				return;
			break;
		default:
			return;
		}
	}
}

/* Opens an Initial packet (its bytes in p, pn_off where the packet
 * number starts) with the cached keys, else with keys derived from its
 * own DCID, and reads its frames. True when it opened. */
static bool initial_packet(struct quic_state *st, struct pktcur p, size_t len, size_t pn_off,
			   uint32_t ver, const uint8_t *dcid, uint8_t dcil)
{
	static uint8_t buf[QUIC_PACKET_MAX];
	if (len > sizeof(buf))
		return false;
	bool same = st->keyed && st->keyed_version == ver && st->keyed_len == dcil &&
		    memcmp(st->keyed_dcid, dcid, dcil) == 0;
	/* Later client Initials keep the keys of the first DCID even when
	 * they carry the server's connection ID (RFC 9001 §5.2), so the
	 * cached keys come first; new keys replace them only when they open
	 * the packet (a Retry changes the DCID, RFC 9001 §5.2). */
	for (int attempt = 0; attempt < 2; attempt++) {
		struct quic_keys k;
		if (attempt == 0) {
			if (!st->keyed)
				continue;
			k = st->keys;
		} else {
			if (same || quic_initial_keys(ver, dcid, dcil, false, &k))
				return false;
		}
		struct pktcur c = p;
		if (pc_copy(&c, buf, len))
			return false;
		size_t plen;
		uint64_t pn;
		long off = quic_unprotect(&k, buf, len, pn_off, (int64_t)st->largest1 - 1, &plen,
					  &pn);
		if (off < 0)
			continue;
		if (attempt == 1) {
			st->keys = k;
			st->keyed = true;
			st->keyed_version = ver;
			st->keyed_len = dcil;
			memcpy(st->keyed_dcid, dcid, dcil);
		}
		if (pn + 1 > st->largest1)
			st->largest1 = pn + 1;
		struct pktcur f;
		pc_init(&f, buf + off, plen);
		initial_frames(st, f);
		return true;
	}
	return false;
}

/* Reads the coalesced packets of one datagram (RFC 9000 §12.2). */
static void quic_datagram(struct quic_state *st, struct pktcur c, int dir)
{
	while (pc_left(&c)) {
		struct pktcur start = c;
		size_t at = c.off;
		uint8_t b0, dcil, scil;
		uint8_t dcid[QUIC_CID_MAX];
		uint32_t ver;
		if (pc_u8(&c, &b0) || !(b0 & 0x80))
			return;   /* a short header takes the rest of the datagram; or padding */
		if (pc_be32(&c, &ver) || (ver != QUIC_V1 && ver != QUIC_V2))
			return;   /* Version Negotiation or unknown: its length is unknown */
		if (pc_u8(&c, &dcil) || dcil > QUIC_CID_MAX || pc_copy(&c, dcid, dcil) ||
		    pc_u8(&c, &scil) || scil > QUIC_CID_MAX || pc_skip(&c, scil))
			return;
		unsigned bits = (b0 >> 4) & 3u;
		/* Version 2 permutes the type bits (RFC 9369 §3.2). */
		enum quic_ptype t = ver == QUIC_V2 ? (enum quic_ptype)((bits + 3) & 3u)
						   : (enum quic_ptype)bits;
		if (t == QP_RETRY)
			return;   /* no Length field: the rest of the datagram */
		uint64_t tl, len;
		if (t == QP_INITIAL && (varint(&c, &tl) || tl > pc_left(&c) || pc_skip(&c, (size_t)tl)))
			return;
		if (varint(&c, &len) || len > pc_left(&c))
			return;
		size_t pn_off = c.off - at;
		if (t == QP_INITIAL)
			if (initial_packet(st, start, pn_off + (size_t)len, pn_off, ver, dcid, dcil))
				st->client = (uint8_t)(dir + 1);
		pc_skip(&c, (size_t)len);   /* 0-RTT and Handshake: skipped */
	}
}

/* Bytes of the CRYPTO stream held contiguously from offset 0. */
static size_t crypto_contiguous(const struct quic_state *st)
{
	for (uint8_t i = 0; i < st->nranges; i++)
		if (st->ranges[i][0] == 0)
			return st->ranges[i][1];
	return 0;
}

enum cls_verdict quic_client_hello(const struct cls_view *v, struct cls_result *res)
{
	struct quic_state *st = v->scratch ? v->scratch(v->scratch_ctx) : NULL;
	if (!st)
		return CLS_DONE;
	st->datagrams++;
	/* Once the client's Initials opened, the other side's (protected
	 * with the server keys) are not tried. */
	for (int d = 0; d < 2; d++)
		if (pc_left(&v->data[d]) && (!st->client || st->client == d + 1))
			quic_datagram(st, v->data[d], d);
	enum cls_verdict more = st->datagrams >= QUIC_DATAGRAMS_MAX ? CLS_DONE : CLS_MORE;
	size_t have = crypto_contiguous(st);
	if (have < 4)
		return more;
	/* A Handshake message: type 1 (ClientHello), 24-bit length. */
	uint32_t mlen = (uint32_t)st->crypto[1] << 16 | (uint32_t)st->crypto[2] << 8 | st->crypto[3];
	if (st->crypto[0] != 1 || mlen > QUIC_CRYPTO_MAX - 4)
		return CLS_DONE;   /* not a ClientHello, or one larger than we keep */
	if (have < 4 + mlen)
		return more;
	struct pktcur m;
	pc_init(&m, st->crypto + 4, mlen);
	cls_tls_client_hello(&m, v, res);
	return CLS_DONE;
}
