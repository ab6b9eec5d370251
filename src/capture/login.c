/*
 * login.c — the shared part of the cleartext login readers (login.h):
 * the per-flow state, the line, SASL and base64 helpers, the reporting of
 * credentials and the driver the line protocols run on (lines in both
 * directions through the sliding window, literals skipped, the claim).
 */
#include "login.h"

#include <stdlib.h>
#include <string.h>

struct lg_state *lg_state(struct cls_result *res)
{
	if (!res->priv) {
		res->priv = calloc(1, sizeof(struct lg_state));
		if (res->priv) {
			struct lg_state *st = res->priv;
			st->lit_arg = 2;
			st->clen = -1;
			st->pending = -1;
		}
	}
	return res->priv;
}

/* ---- small helpers ---------------------------------------------------- */

uint8_t lg_lower(uint8_t c)
{
	return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

/* True when the n bytes of t equal word, ignoring ASCII case. */
bool lg_eq(const uint8_t *t, size_t n, const char *word)
{
	size_t wn = strlen(word);
	if (n != wn)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lg_lower(t[i]) != lg_lower((uint8_t)word[i]))
			return false;
	return true;
}

/* True when the line starts with word, ignoring case (line not moved). */
bool lg_starts(const struct pktcur *line, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i < n; i++) {
		uint8_t c;
		if (pc_peek(line, i, &c) || lg_lower(c) != lg_lower((uint8_t)word[i]))
			return false;
	}
	return true;
}

void lg_skip_sp(struct pktcur *c)
{
	uint8_t ch;
	while (!pc_peek(c, 0, &ch) && (ch == ' ' || ch == '\t'))
		pc_skip(c, 1);
}

/* The next space-delimited token into out (at most cap bytes kept, the
 * rest skipped); returns its length as kept. */
size_t lg_token(struct pktcur *c, uint8_t *out, size_t cap)
{
	lg_skip_sp(c);
	size_t n = 0;
	uint8_t ch;
	while (!pc_peek(c, 0, &ch) && ch != ' ' && ch != '\t') {
		pc_skip(c, 1);
		if (n < cap)
			out[n++] = ch;
	}
	return n;
}

/* The rest of the line after one space into out (bounded). */
size_t lg_rest(struct pktcur *c, uint8_t *out, size_t cap)
{
	uint8_t ch;
	if (!pc_peek(c, 0, &ch) && ch == ' ')
		pc_skip(c, 1);
	size_t n = pc_left(c) < cap ? pc_left(c) : cap;
	pc_copy(c, out, n);
	pc_skip(c, pc_left(c));
	return n;
}

/* The next complete line of c (without CR LF) in *line; 1, or 0 when no
 * line is complete yet. */
int lg_line(struct pktcur *c, struct pktcur *line)
{
	long eol = pc_find(c, '\n');
	if (eol < 0)
		return 0;
	struct pktcur l = PC_NONE;
	pc_sub(c, (size_t)eol + 1, &l);
	size_t n = (size_t)eol;
	uint8_t last;
	if (n && !pc_peek(&l, n - 1, &last) && last == '\r')
		n--;
	pc_sub(&l, n, line);
	return 1;
}

/* The first line of a direction (not moved), or false. */
bool lg_first_line(const struct pktcur *data, struct pktcur *line)
{
	struct pktcur c = *data;
	return lg_line(&c, line) == 1;
}

/* Base64 (RFC 4648 §4), padding optional, surrounding spaces ignored.
 * Returns the decoded length (at most cap bytes kept), or -1 when the
 * text is not base64. */
long lg_b64(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
	while (n && (in[n - 1] == ' ' || in[n - 1] == '\t'))
		n--;
	size_t i = 0;
	while (i < n && (in[i] == ' ' || in[i] == '\t'))
		i++;
	uint32_t acc = 0;
	int bits = 0;
	size_t o = 0, pad = 0;
	for (; i < n; i++) {
		uint8_t c = in[i];
		int v;
		if (c >= 'A' && c <= 'Z')
			v = c - 'A';
		else if (c >= 'a' && c <= 'z')
			v = c - 'a' + 26;
		else if (c >= '0' && c <= '9')
			v = c - '0' + 52;
		else if (c == '+')
			v = 62;
		else if (c == '/')
			v = 63;
		else if (c == '=') {
			pad++;
			continue;
		} else
			return -1;
		if (pad)
			return -1;   /* data after padding */
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o < cap)
				out[o] = (uint8_t)(acc >> bits);
			o++;
		}
	}
	if (pad > 2 || bits >= 6)
		return -1;   /* a lone sextet is not a byte */
	return (long)(o < cap ? o : cap);
}

/* SASL PLAIN (RFC 4616): [authzid] NUL authcid NUL passwd. Finds the
 * authcid and passwd; false when the message has not that shape. */
bool lg_sasl_plain(const uint8_t *m, size_t n, size_t *uo, size_t *un, size_t *po,
		   size_t *pn)
{
	size_t z1 = n, z2 = n;
	for (size_t i = 0; i < n; i++)
		if (m[i] == 0) {
			if (z1 == n)
				z1 = i;
			else if (z2 == n)
				z2 = i;
			else
				return false;   /* passwd holds no NUL */
		}
	if (z2 == n)
		return false;
	*uo = z1 + 1;
	*un = z2 - z1 - 1;
	*po = z2 + 1;
	*pn = n - z2 - 1;
	return true;
}

/* ---- BER (LDAP, SNMP, Kerberos) ---------------------------------------- */

/* A BER identifier and length (X.690 §8.1): single-byte tags only,
 * definite lengths in short or long form of at most 4 bytes. 0 and *tag
 * and *len set, 1 when more bytes are needed, -1 when not BER we read. */
int lg_ber_hdr(struct pktcur *c, uint8_t *tag, uint32_t *len)
{
	uint8_t t, l;
	if (pc_u8(c, &t) || pc_u8(c, &l))
		return 1;
	if ((t & 0x1f) == 0x1f)
		return -1;
	*tag = t;
	if (l < 0x80) {
		*len = l;
		return 0;
	}
	uint8_t nb = l & 0x7f;
	if (nb == 0 || nb > 4)
		return -1;   /* indefinite (not in LDAP, RFC 4511 §5.1) or too long */
	uint32_t v = 0;
	for (uint8_t i = 0; i < nb; i++) {
		uint8_t b;
		if (pc_u8(c, &b))
			return 1;
		v = v << 8 | b;
	}
	*len = v;
	return 0;
}

/* A primitive element of tag want: its content as a cursor. */
bool lg_ber_get(struct pktcur *c, uint8_t want, struct pktcur *content)
{
	uint8_t t;
	uint32_t l;
	return lg_ber_hdr(c, &t, &l) == 0 && t == want && !pc_sub(c, l, content);
}

bool lg_ber_int(struct pktcur *c, uint32_t *v)
{
	struct pktcur i = PC_NONE;
	uint8_t b;
	if (!lg_ber_get(c, 0x02, &i) || pc_left(&i) == 0 || pc_left(&i) > 4)
		return false;
	*v = 0;
	while (!pc_u8(&i, &b))
		*v = *v << 8 | b;
	return true;
}

/* ---- reporting -------------------------------------------------------- */

int64_t lg_report(const struct cls_view *v, const char *proto, const uint8_t *user,
		  size_t ulen, const uint8_t *secret, size_t slen, bool anon)
{
	if (slen == 0 || !v->cred)
		return -1;
	struct cls_cred c = {.protocol = proto, .user = ulen ? user : NULL, .user_len = ulen,
			     .secret = secret, .secret_len = slen, .anonymous = anon,
			     .packet = v->packet};
	return v->cred(v->cred_ctx, &c);
}

/* True when a message of hash h was already reported in this flow (kept
 * by lg_remember): then, when count, it is counted as another use of the
 * same secret (v->cred_again). */
bool lg_seen(const struct cls_view *v, const struct lg_state *st, uint64_t h, bool count)
{
	for (uint8_t i = 0; i < st->ncomm; i++)
		if (st->comm[i].h == h) {
			if (count && v->cred_again)
				v->cred_again(v->cred_ctx, st->comm[i].id);
			return true;
		}
	return false;
}

/* Remembers a reported message (hash h, the sink's id) for lg_seen. Past
 * LG_COMM_MAX in one flow a new one is still reported (so registered as a
 * secret: no count stops a secret from being protected), only no longer
 * remembered for its repeats. */
void lg_remember(struct lg_state *st, uint64_t h, int64_t id)
{
	if (st->ncomm == LG_COMM_MAX)
		return;
	st->comm[st->ncomm].h = h;
	st->comm[st->ncomm].id = id;
	st->ncomm++;
}

/* The password held in the state, reported and wiped. */
void lg_report_pass(struct lg *x, const char *proto, bool anon)
{
	struct lg_state *st = x->st;
	st->pending = lg_report(x->v, proto, st->have_user ? st->user : NULL,
				st->have_user ? st->user_len : 0, st->pass, st->pass_len, anon);
	memset(st->pass, 0, sizeof(st->pass));
	st->pass_len = 0;
}

/* The server's verdict on the login waiting for it (st->pending), given
 * by the reader that recognised the reply; forgotten after, so that only
 * the first reply to a login counts. CRED_UNKNOWN: a reply that says
 * neither (the login is left unknown). */
void lg_outcome(struct lg *x, enum cred_outcome o)
{
	struct lg_state *st = x->st;
	if (st->pending < 0)
		return;
	if (o != CRED_UNKNOWN && x->v->cred_outcome)
		x->v->cred_outcome(x->v->cred_ctx, st->pending, o);
	st->pending = -1;
}

/* A base64 SASL PLAIN message (a response line or an initial response). */
void lg_plain(struct lg *x, const char *proto, const uint8_t *b64, size_t n)
{
	uint8_t m[LG_USER_MAX + LG_SECRET_MAX + 64];
	if (n == 1 && (b64[0] == '=' || b64[0] == '*'))
		return;   /* empty response, or cancelled */
	long dn = lg_b64(b64, n, m, sizeof(m));
	size_t uo, un, po, pn;
	if (dn > 0 && lg_sasl_plain(m, (size_t)dn, &uo, &un, &po, &pn) && pn > 0 &&
	    un <= LG_USER_MAX) {
		uint8_t user[LG_USER_MAX], pass[LG_SECRET_MAX];
		struct pktcur mc = PC_NONE;
		pc_init(&mc, m, (size_t)dn);
		size_t pk = pn < sizeof(pass) ? pn : sizeof(pass);
		if (!pc_skip(&mc, uo) && !pc_copy(&mc, user, un) && !pc_skip(&mc, po - uo - un) &&
		    !pc_copy(&mc, pass, pk))
			x->st->pending = lg_report(x->v, proto, user, un, pass, pk, false);
		memset(pass, 0, sizeof(pass));
	}
	memset(m, 0, sizeof(m));
}

/* A client line while a SASL PLAIN or LOGIN exchange runs. */
void lg_sasl_line(struct lg *x, struct pktcur line)
{
	struct lg_state *st = x->st;
	if (st->sasl == SASL_NTLM) {
		/* NEGOTIATE, then (after the server's CHALLENGE) AUTHENTICATE:
		 * the exchange goes on until a message other than NEGOTIATE
		 * (login_hash.c reads the AUTHENTICATE; [MS-NLMP] §2.2.1). */
		size_t bn = pc_left(&line);
		const uint8_t *b64 = pc_view(&line, bn);
		uint8_t dec[FT_BUF_MAX];
		long dl = b64 ? lg_b64(b64, bn, dec, sizeof(dec)) : -1;
		bool negotiate = dl >= 12 && memcmp(dec, "NTLMSSP\0\x01", 9) == 0;
		if (dl > 0 && !negotiate)
			lg_ntlm(x->v, st->sasl_proto, dec, (size_t)dl);
		if (!negotiate)
			st->sasl = SASL_NONE;
		memset(dec, 0, sizeof(dec));
		return;
	}
	uint8_t b[LG_SECRET_MAX * 2];
	size_t n = pc_left(&line) < sizeof(b) ? pc_left(&line) : sizeof(b);
	pc_copy(&line, b, n);
	uint8_t s = st->sasl;
	st->sasl = SASL_NONE;
	if (n == 1 && b[0] == '*')
		return;   /* the client cancelled */
	if (s == SASL_PLAIN) {
		lg_plain(x, st->sasl_proto, b, n);
	} else if (s == SASL_LOGIN_USER) {
		long dn = lg_b64(b, n, st->user, sizeof(st->user));
		st->have_user = dn > 0;
		st->user_len = dn > 0 ? (uint16_t)dn : 0;
		st->sasl = SASL_LOGIN_PASS;
	} else if (s == SASL_LOGIN_PASS) {
		long dn = lg_b64(b, n, st->pass, sizeof(st->pass));
		if (dn > 0) {
			st->pass_len = (uint16_t)dn;
			lg_report_pass(x, st->sasl_proto, false);
		}
	}
	memset(b, 0, sizeof(b));
}

/* "AUTH <mech> [initial-response]" (SMTP, POP3) or "AUTHENTICATE …"
 * (IMAP) with line after the command word: starts the exchange. */
void lg_auth(struct lg *x, struct pktcur *line, const char *plain, const char *login,
	     const char *ntlm)
{
	struct lg_state *st = x->st;
	uint8_t mech[24], ir[LG_SECRET_MAX * 2];
	size_t mn = lg_token(line, mech, sizeof(mech));
	size_t in = lg_token(line, ir, sizeof(ir));
	if (lg_eq(mech, mn, "PLAIN")) {
		st->sasl_proto = plain;
		if (in)
			lg_plain(x, plain, ir, in);
		else
			st->sasl = SASL_PLAIN;
	} else if (lg_eq(mech, mn, "LOGIN")) {
		st->sasl_proto = login;
		st->sasl = SASL_LOGIN_USER;
		if (in && !(in == 1 && ir[0] == '=')) {
			struct pktcur c = PC_NONE;
			pc_init(&c, ir, in);
			lg_sasl_line(x, c);   /* the initial response is the user */
		}
	} else if (lg_eq(mech, mn, "NTLM")) {
		st->sasl_proto = ntlm;   /* a crackable hash, not a password (EL406) */
		st->sasl = SASL_NTLM;
		if (in && !(in == 1 && ir[0] == '=')) {
			struct pktcur c = PC_NONE;
			pc_init(&c, ir, in);
			lg_sasl_line(x, c);   /* an initial response (RFC 4954 §4) */
		}
	}
	memset(ir, 0, sizeof(ir));
}

/* ---- the line-protocol driver ----------------------------------------- */


/* Skips literal bytes (IMAP) or BDAT chunks (SMTP) of direction d. */
void lg_skip_literal(struct lg *x, int d, struct pktcur *c)
{
	uint32_t n = x->st->lit_left[d];
	size_t take = pc_left(c) < n ? pc_left(c) : n;
	pc_skip(c, take);
	x->st->lit_left[d] -= (uint32_t)take;
}

/* Reads the complete lines of direction d with fn, consuming them. A
 * line longer than the window is dropped; after a gap, the partial line
 * is dropped. The client direction pauses while a STARTTLS-like command
 * waits for its reply. */
void lg_lines(struct lg *x, int d, lg_line_fn fn,
	      void (*literal)(struct lg *, int, struct pktcur *))
{
	const struct cls_view *v = x->v;
	struct lg_state *st = x->st;
	struct pktcur c = v->data[d];
	if (v->gap[d]) {
		st->skip_line[d] = true;
		st->lit_left[d] = 0;
	}
	while (!x->stop && !x->encrypted && pc_left(&c)) {
		if (d == 0 && st->tls_wait) {
			/* A TLS record from the client: the switch happened
			 * even if the reply was not captured. */
			uint8_t b0, b1;
			if (!pc_peek(&c, 0, &b0) && !pc_peek(&c, 1, &b1) && b0 == 0x16 && b1 == 0x03)
				x->encrypted = true;
			break;
		}
		if (st->lit_left[d]) {
			literal(x, d, &c);
			continue;
		}
		struct pktcur line = PC_NONE;
		if (!lg_line(&c, &line)) {
			if (v->final[d] && pc_left(&c) == v->data[d].len - v->data[d].off) {
				/* a line longer than the window: drop it */
				pc_skip(&c, pc_left(&c));
				st->skip_line[d] = true;
			}
			break;
		}
		if (st->skip_line[d]) {
			st->skip_line[d] = false;
			continue;
		}
		fn(x, d, line);
	}
	x->res->consumed[d] = (uint16_t)(c.off - v->data[d].off);
}

enum cls_verdict lg_run(struct lg *x, lg_line_fn fn,
			void (*literal)(struct lg *, int, struct pktcur *))
{
	lg_lines(x, 1, fn, literal);
	lg_lines(x, 0, fn, literal);
	if (x->encrypted || x->stop)
		return CLS_DONE;
	return CLS_MORE;
}

/* A reply's code: the three digits of "ddd " or "ddd" (a final line);
 * -1 for continuation lines ("ddd-") and anything else. */
int lg_code(const struct pktcur *line)
{
	uint8_t b[4];
	for (int i = 0; i < 3; i++)
		if (pc_peek(line, (size_t)i, &b[i]) || b[i] < '0' || b[i] > '9')
			return -1;
	if (!pc_peek(line, 3, &b[3]) && b[3] != ' ')
		return -1;
	return (b[0] - '0') * 100 + (b[1] - '0') * 10 + (b[2] - '0');
}

/* A reply line of either kind ("ddd " or "ddd-"). */
bool lg_reply_line(const struct pktcur *line)
{
	uint8_t b;
	for (int i = 0; i < 3; i++)
		if (pc_peek(line, (size_t)i, &b) || b < '0' || b > '9')
			return false;
	return pc_peek(line, 3, &b) || b == ' ' || b == '-';
}

/* The first token of a line, upper-cased into w (NUL-terminated). */
size_t lg_verb(struct pktcur line, char *w, size_t cap)
{
	uint8_t t[16];
	size_t n = lg_token(&line, t, sizeof(t));
	if (n >= cap)
		n = 0;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)(t[i] >= 'a' && t[i] <= 'z' ? t[i] - 32 : t[i]);
	w[n] = '\0';
	return n;
}

bool lg_in(const char *w, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(w, list[i]) == 0)
			return true;
	return false;
}

enum cls_verdict lg_claim(const struct cls_view *v, struct cls_result *res, uint8_t app)
{
	res->app = app;
	res->packet = v->packet;
	return CLS_MORE;
}

/* The start every dialogue reader shares: until the flow is claimed, ask
 * recognise (1 yes, 0 cannot tell yet, -1 no) and claim it for app; then
 * set up *x. Returns -1 when the reader should go on reading, else the
 * verdict to return. */
int lg_open(const struct cls_view *v, struct cls_result *res,
	    int (*recognise)(const struct cls_view *), uint8_t app, struct lg *x)
{
	if (res->app == APP_NONE) {
		int r = recognise(v);
		if (r < 0)
			return CLS_NO;
		if (r == 0)
			return CLS_MORE;
		lg_claim(v, res, app);
	}
	*x = (struct lg){v, res, lg_state(res), false, false};
	return x->st ? -1 : CLS_DONE;
}

/* lg_open() for a reader of the client's bytes alone: the server's
 * direction is no longer buffered once the flow is claimed. */
int lg_open_client(const struct cls_view *v, struct cls_result *res,
		   int (*recognise)(const struct cls_view *), uint8_t app, struct lg *x)
{
	int r = lg_open(v, res, recognise, app, x);
	if (r < 0)
		res->mute |= 2;
	return r;
}
