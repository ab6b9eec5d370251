/*
 * login_http.c — the HTTP login reader (login.h), the reader of
 * flows cls_http claimed: Authorization / Proxy-Authorization Basic (RFC
 * 7617), NTLM / Negotiate (RFC 4559: the NTLM hash, login_hash.c) and
 * Digest (RFC 7616: the response, a hash, login_hash.c),
 * form fields of POST bodies and query strings whose names match
 * the patterns of loginfields.c, bodies delimited by Content-Length (RFC
 * 9112 §6).
 */
#include "login.h"

#include <stdlib.h>
#include <string.h>

/* ---- HTTP logins ------------------------------------------------------ */

/* Percent-decodes (and '+' to space) n bytes of c into out; returns the
 * decoded length (bounded by cap). */
static size_t http_unescape(struct pktcur c, uint8_t *out, size_t cap)
{
	size_t o = 0;
	uint8_t ch;
	if (!c.p)   /* an empty cursor (says so to clang-analyzer, which loses len) */
		return 0;
	while (!pc_u8(&c, &ch) && o < cap) {
		if (ch == '+') {
			ch = ' ';
		} else if (ch == '%') {
			uint8_t h[2];
			int v = 0;
			bool ok = !pc_peek(&c, 0, &h[0]) && !pc_peek(&c, 1, &h[1]);
			for (int i = 0; ok && i < 2; i++) {
				uint8_t k = lg_lower(h[i]);
				if (k >= '0' && k <= '9')
					v = v * 16 + (k - '0');
				else if (k >= 'a' && k <= 'f')
					v = v * 16 + (k - 'a' + 10);
				else
					ok = false;
			}
			if (ok) {
				pc_skip(&c, 2);
				ch = (uint8_t)v;
			}
		}
		out[o++] = ch;
	}
	return o;
}

/* Form fields name=value&… (a body or a query string): reports the first
 * password-like field with a value, and the first user-like field. */
static void http_form(struct lg *x, struct pktcur f, const char *proto)
{
	const struct login_fields *lf = x->v->fields;
	if (!lf)
		return;
	uint8_t user[LG_USER_MAX], pass[LG_SECRET_MAX];
	size_t un = 0, pn = 0;
	bool have_user = false, have_pass = false;
	while (pc_left(&f)) {
		long amp = pc_find(&f, '&');
		struct pktcur field = PC_NONE;
		pc_sub(&f, amp < 0 ? pc_left(&f) : (size_t)amp, &field);
		if (amp >= 0)
			pc_skip(&f, 1);
		long eq = pc_find(&field, '=');
		if (eq <= 0 || eq > 256)
			continue;
		struct pktcur name = PC_NONE;
		pc_sub(&field, (size_t)eq, &name);
		pc_skip(&field, 1);
		/* trailing CR LF of a body are not part of the value */
		uint8_t last;
		while (pc_left(&field) && !pc_peek(&field, pc_left(&field) - 1, &last) &&
		       (last == '\r' || last == '\n'))
			pc_limit(&field, pc_left(&field) - 1);
		char dn[256];
		size_t dl = http_unescape(name, (uint8_t *)dn, sizeof(dn));
		if (!have_pass && lf_match(lf, LF_PASSWORD, dn, dl)) {
			pn = http_unescape(field, pass, sizeof(pass));
			have_pass = pn > 0;
		} else if (!have_user && lf_match(lf, LF_USER, dn, dl)) {
			un = http_unescape(field, user, sizeof(user));
			have_user = true;
		}
	}
	if (have_pass)
		lg_report(x->v, proto, have_user ? user : NULL, have_user ? un : 0, pass, pn, false);
	memset(pass, 0, sizeof(pass));
}

/* "Authorization: Basic …" (RFC 7617 §2): user-id ":" password. */
static void http_basic(struct lg *x, struct pktcur value, const char *proto)
{
	uint8_t scheme[16], b64[(LG_USER_MAX + LG_SECRET_MAX) * 2];
	size_t sn = lg_token(&value, scheme, sizeof(scheme));
	if (!lg_eq(scheme, sn, "Basic"))
		return;
	size_t bn = lg_token(&value, b64, sizeof(b64));
	uint8_t dec[LG_USER_MAX + LG_SECRET_MAX + 1];
	long dl = lg_b64(b64, bn, dec, sizeof(dec));
	if (dl > 0) {
		struct pktcur d = PC_NONE;
		pc_init(&d, dec, (size_t)dl);
		long colon = pc_find(&d, ':');
		if (colon >= 0 && (size_t)colon <= LG_USER_MAX) {
			uint8_t user[LG_USER_MAX], pass[LG_SECRET_MAX];
			pc_copy(&d, user, (size_t)colon);
			pc_skip(&d, 1);
			size_t pn = pc_left(&d) < sizeof(pass) ? pc_left(&d) : sizeof(pass);
			pc_copy(&d, pass, pn);
			lg_report(x->v, proto, user, (size_t)colon, pass, pn, false);
			memset(pass, 0, sizeof(pass));
		}
	}
	memset(dec, 0, sizeof(dec));
	memset(b64, 0, sizeof(b64));
}

/* "Authorization: NTLM …" or "Negotiate …" (RFC 4559 §4; the token
 * base64, NTLMSSP raw or inside SPNEGO): the NTLM AUTHENTICATE message,
 * a crackable hash (login_hash.c). */
static void http_ntlm(struct lg *x, struct pktcur value, const char *proto)
{
	uint8_t scheme[16];
	size_t sn = lg_token(&value, scheme, sizeof(scheme));
	if (!lg_eq(scheme, sn, "NTLM") && !lg_eq(scheme, sn, "Negotiate"))
		return;
	lg_skip_sp(&value);
	size_t bn = pc_left(&value);
	const uint8_t *b64 = pc_view(&value, bn);
	uint8_t dec[FT_BUF_MAX];
	long dl = b64 ? lg_b64(b64, bn, dec, sizeof(dec)) : -1;
	if (dl > 0)
		lg_ntlm(x->v, proto, dec, (size_t)dl);
	memset(dec, 0, sizeof(dec));
}

/* The request line: the method (POST-like or not) and the query. */
static void http_request(struct lg *x, struct pktcur line)
{
	struct lg_state *st = x->st;
	char w[16];
	lg_verb(line, w, sizeof(w));
	st->post = strcmp(w, "POST") == 0 || strcmp(w, "PUT") == 0 || strcmp(w, "PATCH") == 0;
	st->form = true;   /* no Content-Type: read as a form */
	st->chunked = false;
	st->clen = -1;
	uint8_t t[16];
	lg_token(&line, t, sizeof(t));
	lg_skip_sp(&line);
	long sp = pc_find(&line, ' ');
	struct pktcur target = PC_NONE;
	pc_sub(&line, sp < 0 ? pc_left(&line) : (size_t)sp, &target);
	long q = pc_find(&target, '?');
	if (q >= 0) {
		pc_skip(&target, (size_t)q + 1);
		long hash = pc_find(&target, '#');
		if (hash >= 0)
			pc_limit(&target, (size_t)hash);
		http_form(x, target, "HTTP query");
	}
}

static void http_header(struct lg *x, struct pktcur line)
{
	struct lg_state *st = x->st;
	long colon = pc_find(&line, ':');
	if (colon <= 0)
		return;
	struct pktcur name = PC_NONE, value = PC_NONE;
	pc_sub(&line, (size_t)colon, &name);
	pc_skip(&line, 1);
	value = line;
	lg_skip_sp(&value);
	size_t nn = pc_left(&name);
	uint8_t nb[24];
	if (nn >= sizeof(nb))
		return;
	pc_copy(&name, nb, nn);
	if (lg_eq(nb, nn, "authorization")) {
		http_basic(x, value, "HTTP Basic");
		http_ntlm(x, value, "HTTP NTLM");
		lg_digest(x->v, value, "HTTP Digest", "http-digest", "http-digest-replay");
	} else if (lg_eq(nb, nn, "proxy-authorization")) {
		http_basic(x, value, "HTTP proxy Basic");
		http_ntlm(x, value, "HTTP proxy NTLM");
		lg_digest(x->v, value, "HTTP proxy Digest", "http-digest", "http-digest-replay");
	} else if (lg_eq(nb, nn, "content-length")) {
		uint8_t d[24];
		size_t dn = lg_token(&value, d, sizeof(d));
		int64_t n = 0;
		for (size_t i = 0; i < dn; i++) {
			if (d[i] < '0' || d[i] > '9' || n > ((int64_t)1 << 50)) {
				n = -1;
				break;
			}
			n = n * 10 + (d[i] - '0');
		}
		st->clen = dn ? n : -1;
	} else if (lg_eq(nb, nn, "content-type")) {
		st->form = lg_starts(&value, "application/x-www-form-urlencoded");
	} else if (lg_eq(nb, nn, "transfer-encoding")) {
		uint8_t te[64];
		size_t tn = pc_left(&value) < sizeof(te) ? pc_left(&value) : sizeof(te);
		pc_copy(&value, te, tn);
		for (size_t i = 0; i + 7 <= tn; i++)
			if (lg_eq(te + i, 7, "chunked"))
				st->chunked = true;
	}
}

enum cls_verdict cls_http_login(const struct cls_view *v, struct cls_result *res)
{
	if (!(res->state & HTTP_ST_WEB_DONE))
		return CLS_MORE;   /* cls_http still reads the first request */
	if (!(res->state & HTTP_ST_REQ))
		return CLS_DONE;   /* claimed from a response: no requests to read */
	int d = (res->state & HTTP_ST_DIR1) ? 1 : 0;
	res->mute |= (uint8_t)(1u << !d);   /* responses are not read */
	struct lg x = {v, res, lg_state(res), false, false};
	struct lg_state *st = x.st;
	if (!st)
		return CLS_DONE;
	struct pktcur c = v->data[d];
	if (v->gap[d]) {
		st->hphase = HP_LINE;
		st->skip_line[d] = true;
		st->maybe_body = false;
	}
	for (;;) {
		if (st->hphase == HP_SKIP) {
			size_t take = pc_left(&c) < (uint64_t)st->clen ? pc_left(&c) : (size_t)st->clen;
			pc_skip(&c, take);
			st->clen -= (int64_t)take;
			if (st->clen > 0)
				break;
			st->hphase = HP_LINE;
			continue;
		}
		if (st->hphase == HP_FORM) {
			if (pc_left(&c) < (size_t)st->clen)
				break;
			struct pktcur body = PC_NONE;
			pc_sub(&c, (size_t)st->clen, &body);
			http_form(&x, body, "HTTP form");
			st->hphase = HP_LINE;
			continue;
		}
		if (!pc_left(&c))
			break;
		if (st->hphase == HP_LINE && !st->skip_line[d]) {
			struct pktcur t = c;
			int r = cls_http_request_line(&t);
			if (r == 0 && !v->final[d])
				break;
			if (r == 1) {
				struct pktcur line = PC_NONE;
				lg_line(&c, &line);
				st->maybe_body = false;
				http_request(&x, line);
				st->hphase = HP_HEADERS;
				continue;
			}
			if (st->maybe_body) {
				/* a POST without Content-Length: its body is what
				 * follows, up to the end of the line */
				st->maybe_body = false;
				struct pktcur body = PC_NONE;
				if (!lg_line(&c, &body))
					pc_sub(&c, pc_left(&c), &body);
				http_form(&x, body, "HTTP form");
				continue;
			}
		}
		struct pktcur line = PC_NONE;
		if (!lg_line(&c, &line)) {
			if (v->final[d] && c.off == v->data[d].off) {
				pc_skip(&c, pc_left(&c));
				st->skip_line[d] = true;
			}
			break;
		}
		if (st->skip_line[d]) {
			st->skip_line[d] = false;
			continue;
		}
		if (st->hphase == HP_LINE)
			continue;   /* not a request: skip the line */
		if (pc_left(&line)) {
			http_header(&x, line);
			continue;
		}
		/* end of the header block */
		if (st->chunked) {
			x.stop = true;   /* chunked bodies are not followed */
			break;
		}
		st->hphase = HP_LINE;
		if (st->clen > 0) {
			bool readable = st->post && st->form && st->clen <= LG_FORM_MAX;
			st->hphase = readable ? HP_FORM : HP_SKIP;
		} else if (st->clen < 0 && st->post) {
			st->maybe_body = true;
		}
	}
	res->consumed[d] = (uint16_t)(c.off - v->data[d].off);
	if (st->hphase == HP_LINE && !st->maybe_body && !st->skip_line[d]) {
		/* between requests: nothing to remember, so a keep-alive
		 * connection holds no state while idle */
		free(res->priv);
		res->priv = NULL;
	}
	return x.stop ? CLS_DONE : CLS_MORE;
}
