/*
 * classify.c — the table of classifiers (classify.h) and the QUIC and
 * HTTP/1.x recognisers. TLS is read by tls.c, the QUIC Initial packets by
 * quic.c, the logins by login*.c: this file calls them, none of them calls
 * back. Each reads only through the view's cursors; a classifier that
 * needs bytes not there yet answers CLS_MORE, unless the direction is
 * final.
 */
#include "classify.h"
#include "quic.h"
#include "tls.h"

#include <string.h>
#include <strings.h>

#include "../util.h"

const struct classifier classifiers[] = {
	{"tls", true, false, cls_tls, APP_NONE},
	{"tls-cert", true, false, cls_tls_cert, APP_TLS},   /* after "tls" */
	{"http", true, false, cls_http, APP_NONE},
	{"http-login", true, false, cls_http_login, APP_HTTP},   /* after "http" */
	{"quic", false, true, cls_quic, APP_NONE},
	/* login protocols (login*.c), by their dialogue on any port */
	{"ftp", true, false, cls_ftp, APP_NONE},
	{"redis", true, false, cls_redis, APP_NONE},   /* before "pop3": "+OK" alone */
	{"pop3", true, false, cls_pop3, APP_NONE},
	{"imap", true, false, cls_imap, APP_NONE},
	{"smtp", true, false, cls_smtp, APP_NONE},
	{"telnet", true, false, cls_telnet, APP_NONE},
	{"ldap", true, false, cls_ldap, APP_NONE},
	{"snmp", false, true, cls_snmp, APP_NONE},
	{"socks", true, false, cls_socks, APP_NONE},
	{"irc", true, false, cls_irc, APP_NONE},
	{"xmpp", true, false, cls_xmpp, APP_NONE},
	{"tds", true, false, cls_tds, APP_NONE},
	{"vnc", true, false, cls_vnc, APP_NONE},
	{"radius", false, true, cls_radius, APP_NONE},
	{"l2tp", false, true, cls_l2tp, APP_NONE},
	{"smb", true, false, cls_smb, APP_NONE},
	{"kerberos", true, true, cls_krb, APP_NONE},
	{"sip", true, true, cls_sip, APP_NONE},   /* hash16: SIP Digest */
	{"pgsql", true, false, cls_pgsql, APP_NONE},   /* hash16: PostgreSQL md5, cleartext */
};
const size_t nclassifiers = ARRAY_SIZE(classifiers);

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
		for (size_t i = 0; i < ARRAY_SIZE(http_methods); i++)
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
	for (size_t i2 = 0; i2 < ARRAY_SIZE(http_methods); i2++)
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
