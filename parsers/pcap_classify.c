/*
 * pcap_classify.c — the classifiers of pcap_classify.h and their table.
 * Each reads only through the view's cursors; a classifier that needs
 * bytes not there yet answers CLS_MORE, unless the direction is final.
 */
#include "pcap_classify.h"
#include "pcap_quic.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const struct classifier classifiers[] = {
	{"tls", true, false, cls_tls, APP_NONE},
	{"http", true, false, cls_http, APP_NONE},
	{"http-login", true, false, cls_http_login, APP_HTTP},   /* after "http" */
	{"quic", false, true, cls_quic, APP_NONE},
	/* login protocols (pcap_login.c), by their dialogue on any port */
	{"ftp", true, false, cls_ftp, APP_NONE},
	{"pop3", true, false, cls_pop3, APP_NONE},
	{"imap", true, false, cls_imap, APP_NONE},
	{"smtp", true, false, cls_smtp, APP_NONE},
	{"telnet", true, false, cls_telnet, APP_NONE},
	{"ldap", true, false, cls_ldap, APP_NONE},
	{"snmp", false, true, cls_snmp, APP_NONE},
};
const size_t nclassifiers = sizeof(classifiers) / sizeof(classifiers[0]);

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
#define TLS_ST_CH 0x01        /* ClientHello read */
#define TLS_ST_SH 0x02        /* ServerHello read */

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

/* ---- QUIC ------------------------------------------------------------- */

static bool quic_gquic_tag(uint32_t ver)
{
	/* Google QUIC "Q0nn" (Q043…Q050) and "T0nn" */
	uint8_t a = ver >> 24, b = (ver >> 16) & 0xff, c = (ver >> 8) & 0xff, d = ver & 0xff;
	return (a == 'Q' || a == 'T') && b == '0' && c >= '0' && c <= '9' && d >= '0' && d <= '9';
}

enum cls_verdict cls_quic(const struct cls_view *v, struct cls_result *res)
{
	if (res->app == APP_QUIC)
		return quic_client_hello(v, res);   /* an IETF QUIC flow, ClientHello pending */
	for (int d = 0; d < 2; d++) {
		struct pktcur c = v->data[d];
		uint8_t b0, dl, sl;
		uint32_t ver;
		if (pc_u8(&c, &b0))
			continue;
		if (b0 & 0x80) {
			/* IETF long header: version, DCID, SCID (each at most 20 bytes) */
			if (pc_be32(&c, &ver) || pc_u8(&c, &dl) || dl > 20 || pc_skip(&c, dl) ||
			    pc_u8(&c, &sl) || sl > 20 || pc_skip(&c, sl))
				continue;
			if (ver == QUIC_V1 || ver == QUIC_V2 || quic_gquic_tag(ver)) {
				res->app = APP_QUIC;
				res->packet = v->packet;
				/* versions 1 and 2: the SNI from the Initial packets */
				return quic_gquic_tag(ver) ? CLS_DONE : quic_client_hello(v, res);
			}
		} else if ((b0 & 0x09) == 0x09 && !(b0 & 0x80)) {
			/* Google QUIC public header (Q043 and older): flags,
			 * 8-byte connection id, version tag */
			if (pc_skip(&c, 8) || pc_be32(&c, &ver))
				continue;
			if (quic_gquic_tag(ver)) {
				res->app = APP_QUIC;
				res->packet = v->packet;
				return CLS_DONE;
			}
		}
	}
	return CLS_NO;
}

/* ---- HTTP/1.x --------------------------------------------------------- */

static const char *const http_methods[] = {
	"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "CONNECT", "TRACE", "PATCH",
	"PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "REPORT",
	"SEARCH", "NOTIFY", "SUBSCRIBE", "M-SEARCH",
};

/* 1: c starts with a complete request line (c moves past it), 0: a
 * possible start, more needed, -1: not a request. */
int cls_http_request_line(struct pktcur *c)
{
	char tok[12];
	size_t n = 0;
	uint8_t ch;
	for (;;) {
		if (pc_peek(c, n, &ch))
			goto partial_method;
		if (ch == ' ')
			break;
		if (n >= sizeof(tok) - 1 || !((ch >= 'A' && ch <= 'Z') || ch == '-'))
			return -1;
		tok[n++] = (char)ch;
	}
	tok[n] = '\0';
	{
		bool known = false;
		for (size_t i = 0; i < sizeof(http_methods) / sizeof(http_methods[0]); i++)
			known |= strcmp(tok, http_methods[i]) == 0;
		if (!known)
			return -1;
	}
	/* target: no control bytes, no spaces; then " HTTP/1.d" and EOL */
	size_t i = n + 1;
	size_t tstart = i;
	for (;; i++) {
		if (pc_peek(c, i, &ch))
			return 0;
		if (ch == ' ' || ch == '\r' || ch == '\n')
			break;
		if (ch < 0x21 || ch == 0x7f)
			return -1;
	}
	if (i == tstart)
		return -1;
	if (ch == '\r' || ch == '\n') {
		/* HTTP/0.9: "GET target" and the end of the line */
		if (strcmp(tok, "GET") != 0)
			return -1;
		if (ch == '\r') {
			i++;
			if (pc_peek(c, i, &ch))
				return 0;
			if (ch != '\n')
				return -1;
		}
		pc_skip(c, i + 1);
		return 1;
	}
	static const char ver[] = " HTTP/1.";
	for (size_t k = 0; k < sizeof(ver) - 1; k++) {
		if (pc_peek(c, i + k, &ch))
			return 0;
		if (ch != (uint8_t)ver[k])
			return -1;
	}
	i += sizeof(ver) - 1;
	if (pc_peek(c, i, &ch))
		return 0;
	if (ch < '0' || ch > '9')
		return -1;
	i++;
	if (pc_peek(c, i, &ch))
		return 0;
	if (ch == '\r') {
		i++;
		if (pc_peek(c, i, &ch))
			return 0;
	}
	if (ch != '\n')
		return -1;
	pc_skip(c, i + 1);
	return 1;
partial_method:
	for (size_t i2 = 0; i2 < sizeof(http_methods) / sizeof(http_methods[0]); i2++)
		if (n <= strlen(http_methods[i2]) && memcmp(tok, http_methods[i2], n) == 0)
			return 0;
	return -1;
}

/* A status line "HTTP/1.d ddd" (a capture started after the request). */
static bool http_status_line(struct pktcur c)
{
	uint8_t b[12];
	if (pc_copy(&c, b, sizeof(b)))
		return false;
	return memcmp(b, "HTTP/1.", 7) == 0 && b[7] >= '0' && b[7] <= '9' && b[8] == ' ' &&
	       b[9] >= '1' && b[9] <= '5' && b[10] >= '0' && b[10] <= '9';
}

/* Reads header lines after the request line for Host. Returns true when
 * the header block ended (or Host was found). */
static bool http_headers(struct pktcur *c, const struct cls_view *v, struct cls_result *res)
{
	for (;;) {
		long eol = pc_find(c, '\n');
		if (eol < 0)
			return false;
		struct pktcur line;
		if (pc_sub(c, (size_t)eol + 1, &line))
			return false;
		size_t len = (size_t)eol;
		uint8_t last;
		if (len && !pc_peek(&line, len - 1, &last) && last == '\r')
			len--;
		if (len == 0)
			return true;   /* end of headers */
		char h[5 + 1 + CLS_NAME_MAX + 8];
		if (len < 5 || len >= sizeof(h))
			continue;
		pc_copy(&line, h, len);
		h[len] = '\0';
		if (strncasecmp(h, "host:", 5) != 0)
			continue;
		size_t s = 5, e = len;
		while (s < e && (h[s] == ' ' || h[s] == '\t'))
			s++;
		while (e > s && (h[e - 1] == ' ' || h[e - 1] == '\t'))
			e--;
		/* drop the port: host:port, [v6]:port */
		size_t colon = e;
		for (size_t k = s; k < e; k++)
			if (h[k] == ':' || h[k] == ']')
				colon = h[k] == ']' ? e : k;
		if (h[s] == '[') {
			colon = e;
			for (size_t k = s; k < e; k++)
				if (h[k] == ']') {
					colon = k + 1;
					break;
				}
		}
		e = colon;
		if (e > s && v->intern && res->host < 0)
			res->host = v->intern(v->intern_ctx, h + s, e - s, VIA_HTTP_HOST);
		return true;
	}
}

enum cls_verdict cls_http(const struct cls_view *v, struct cls_result *res)
{
	if (!(res->state & HTTP_ST_REQ)) {
		/* An empty direction keeps the question open only while
		 * nothing at all has been seen. */
		bool maybe = pc_left(&v->data[0]) == 0 && pc_left(&v->data[1]) == 0;
		for (int d = 0; d < 2; d++) {
			struct pktcur c = v->data[d];
			if (pc_left(&c) == 0)
				continue;
			int r = cls_http_request_line(&c);
			if (r == 1) {
				res->app = APP_HTTP;
				res->packet = v->packet;
				res->state |= HTTP_ST_REQ | (d ? HTTP_ST_DIR1 : 0);
				break;
			}
			if (r == 0 && !v->final[d]) {
				maybe = true;
			} else if (http_status_line(c) && res->app == APP_NONE) {
				res->app = APP_HTTP;
				res->packet = v->packet;
				maybe = true;   /* the request may still come the other way */
			}
		}
		if (!(res->state & HTTP_ST_REQ)) {
			if (res->app == APP_HTTP) {
				if (maybe && !v->final[0] && !v->final[1])
					return CLS_MORE;
				res->state |= HTTP_ST_WEB_DONE;
				return CLS_DONE;
			}
			return maybe ? CLS_MORE : CLS_NO;
		}
	}
	int d = (res->state & HTTP_ST_DIR1) ? 1 : 0;
	struct pktcur c = v->data[d];
	if (cls_http_request_line(&c) != 1 || http_headers(&c, v, res) || v->final[d]) {
		res->state |= HTTP_ST_WEB_DONE;
		return CLS_DONE;
	}
	return CLS_MORE;
}
