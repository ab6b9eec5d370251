/*
 * tls.c — the TLS handshake reader of tls.h: the first handshake message
 * of each direction of a TCP flow (ClientHello, ServerHello), joined
 * across records, and the ClientHello body that QUIC's Initial packets
 * carry in CRYPTO frames (quic.c). Every byte through the cursor.
 */
#include "tls.h"

#include <stdio.h>
#include <string.h>

const char *cls_tls_version_name(uint16_t v, char *buf, size_t n)
{
	switch (v) {
	case 0x0200: return "SSL2.0";
	case 0x0300: return "SSL3.0";
	case 0x0301: return "TLS1.0";
	case 0x0302: return "TLS1.1";
	case 0x0303: return "TLS1.2";
	case 0x0304: return "TLS1.3";
	default:
		snprintf(buf, n, "0x%04x", v);
		return buf;
	}
}

/* ---- TLS -------------------------------------------------------------- */

#define TLS_HS_MAX 4096

static bool tls_version_ok(uint16_t v)
{
	return v >= 0x0300 && v <= 0x0304;
}

/* GREASE values (RFC 8701) are never real versions. */
static bool tls_grease(uint16_t v)
{
	return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
}

/* Joins the handshake bytes of the records at the start of c into hs
 * until the first handshake message is complete. Returns 1 (complete,
 * *n bytes), 0 (a plausible start, more needed), -1 (not a TLS handshake). */
static int tls_first_message(struct pktcur c, uint8_t *hs, size_t cap, size_t *n)
{
	*n = 0;
	for (;;) {
		uint8_t type;
		uint16_t ver, len;
		if (pc_u8(&c, &type))
			return 0;
		if (type != 22)
			return -1;
		if (pc_be16(&c, &ver))
			return 0;
		if ((ver >> 8) != 3 || (ver & 0xff) > 4)
			return -1;
		if (pc_be16(&c, &len))
			return 0;
		if (len == 0 || len > 16384 + 2048)
			return -1;
		size_t take = pc_left(&c) < len ? pc_left(&c) : len;
		if (*n + take > cap)
			take = cap - *n;
		if (pc_copy(&c, hs + *n, take))
			return 0;
		*n += take;
		if (*n >= 4) {
			size_t mlen = (size_t)hs[1] << 16 | (size_t)hs[2] << 8 | hs[3];
			if (*n >= 4 + mlen) {
				*n = 4 + mlen;
				return 1;
			}
			if (4 + mlen > cap)
				return 0;   /* larger than we keep: wait for final */
		} else if (*n >= 1 && hs[0] != 1 && hs[0] != 2) {
			return -1;
		}
		if (take < len)
			return 0;
	}
}

/* Extensions of a hello: SNI (ClientHello) and supported_versions. */
static void tls_extensions(struct pktcur *c, bool client, const struct cls_view *v,
			   struct cls_result *res)
{
	uint16_t total;
	struct pktcur exts;
	if (pc_be16(c, &total) || pc_sub(c, total, &exts))
		return;
	while (pc_left(&exts) >= 4) {
		uint16_t type, len;
		struct pktcur e;
		if (pc_be16(&exts, &type) || pc_be16(&exts, &len) || pc_sub(&exts, len, &e))
			return;
		if (type == 0 && client) {
			uint16_t list;
			uint8_t ntype;
			uint16_t nlen;
			char name[CLS_NAME_MAX + 1];
			if (pc_be16(&e, &list) || pc_u8(&e, &ntype) || pc_be16(&e, &nlen) || ntype != 0 ||
			    nlen == 0 || nlen > CLS_NAME_MAX || pc_copy(&e, name, nlen))
				continue;
			if (v->intern && res->host < 0)
				res->host = v->intern(v->intern_ctx, name, nlen, VIA_SNI);
		} else if (type == 43 && client) {
			uint8_t l;
			if (pc_u8(&e, &l))
				continue;
			for (unsigned i = 0; i + 2 <= l; i += 2) {
				uint16_t ver;
				if (pc_be16(&e, &ver))
					break;
				if (!tls_grease(ver) && tls_version_ok(ver) && ver > res->tls_offered)
					res->tls_offered = ver;
			}
		} else if (type == 43 && !client) {
			uint16_t ver;
			if (!pc_be16(&e, &ver) && tls_version_ok(ver))
				res->tls_version = ver;
		}
	}
}

void cls_tls_client_hello(struct pktcur *c, const struct cls_view *v, struct cls_result *res)
{
	uint16_t ver, cs;
	uint8_t sid, comp;
	if (pc_be16(c, &ver) || pc_skip(c, 32) || pc_u8(c, &sid) || pc_skip(c, sid) ||
	    pc_be16(c, &cs) || pc_skip(c, cs) || pc_u8(c, &comp) || pc_skip(c, comp))
		return;
	if (tls_version_ok(ver))
		res->tls_offered = ver;
	tls_extensions(c, true, v, res);
}

static void tls_server_hello(struct pktcur *c, const struct cls_view *v, struct cls_result *res)
{
	uint16_t ver, cipher;
	uint8_t sid, comp;
	if (pc_be16(c, &ver) || pc_skip(c, 32) || pc_u8(c, &sid) || pc_skip(c, sid) ||
	    pc_be16(c, &cipher) || pc_u8(c, &comp))
		return;
	if (tls_version_ok(ver))
		res->tls_version = ver;
	tls_extensions(c, false, v, res);
}

enum cls_verdict cls_tls(const struct cls_view *v, struct cls_result *res)
{
	uint8_t hs[TLS_HS_MAX];
	bool pending = false;
	for (int d = 0; d < 2; d++) {
		if (pc_left(&v->data[d]) == 0) {
			pending |= !v->final[d];
			continue;
		}
		size_t n;
		int r = tls_first_message(v->data[d], hs, sizeof(hs), &n);
		if (r < 0) {
			/* Not a handshake. Records of a session whose hellos
			 * were not captured are not claimed: such a flow
			 * counts as HTTPS only by the port-443 fallback (a TLS
			 * session on another port may be anything: push
			 * notifications, IMAPS…). */
			if (res->app == APP_TLS)
				continue;
			return CLS_NO;
		}
		if (n >= 1 && res->app == APP_NONE) {
			res->app = APP_TLS;
			res->packet = v->packet;
		}
		if (r == 0) {
			pending |= !v->final[d];
			continue;
		}
		struct pktcur m;
		pc_init(&m, hs, n);
		uint8_t type;
		uint32_t mlen;
		if (pc_u8(&m, &type) || pc_be24(&m, &mlen))
			continue;
		if (type == 1 && !(res->state & TLS_ST_CH)) {
			res->state |= TLS_ST_CH;
			cls_tls_client_hello(&m, v, res);
		} else if (type == 2 && !(res->state & TLS_ST_SH)) {
			res->state |= TLS_ST_SH;
			tls_server_hello(&m, v, res);
		}
	}
	if (res->app != APP_TLS)
		return pending ? CLS_MORE : CLS_NO;
	if ((res->state & (TLS_ST_CH | TLS_ST_SH)) == (TLS_ST_CH | TLS_ST_SH))
		return CLS_DONE;
	return pending ? CLS_MORE : CLS_DONE;
}
