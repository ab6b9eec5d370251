/*
 * pcap_login.c — the cleartext login readers of pcap_classify.h. Each
 * recognises its protocol by the dialogue (server greeting, client
 * commands, BER framing), never by the port, then reads the whole
 * conversation through the sliding window and reports every credential
 * it sees with the packet in which the secret became complete:
 *
 *   FTP   USER/PASS (RFC 959); anonymous and "ftp" users (RFC 1635) are
 *         information, not a leak; AUTH TLS/SSL (RFC 4217, RFC 2228)
 *         accepted with 234 (or 334) ends the cleartext.
 *   POP3  USER/PASS (RFC 1939), AUTH PLAIN / LOGIN with the response on
 *         the command line or the next one (RFC 5034); STLS accepted
 *         with +OK (RFC 2595) ends the cleartext.
 *   IMAP  LOGIN with atoms, quoted strings (backslash escapes) and
 *         literals {n} / {n+} (RFC 9051 §4.3, RFC 7888), AUTHENTICATE
 *         PLAIN / LOGIN with or without an initial response (RFC 4959);
 *         STARTTLS answered "tag OK" ends the cleartext (RFC 9051 §6.2.1).
 *   SMTP  AUTH PLAIN / AUTH LOGIN, the responses base64 on the command
 *         line or the following lines (RFC 4954); STARTTLS answered 220
 *         ends the cleartext (RFC 3207); DATA bodies and BDAT chunks
 *         (RFC 3030) are skipped, never read as commands.
 *   SASL PLAIN messages are [authzid] NUL authcid NUL passwd (RFC 4616):
 *         the user is the authcid.
 *   Telnet prompt/echo aware (RFC 854): IAC commands and subnegotiations
 *         are skipped (RFC 855), the server's output is watched for a
 *         login or password prompt, the client's keystrokes (one per
 *         segment or a line at once, backspace/DEL/IAC EC/IAC EL
 *         honoured) after it are the user or the password, ended by CR
 *         or LF.
 *   HTTP  (reader of flows cls_http claimed) every request of the
 *         connection: Authorization / Proxy-Authorization Basic (RFC
 *         7617: user-id ':' password, the password may hold ':'), form
 *         fields of POST bodies (application/x-www-form-urlencoded, or no
 *         Content-Type at all) and of query strings whose names match
 *         rules/capture-login-fields.yaml. Bodies are delimited by
 *         Content-Length (RFC 9112 §6); a chunked body ends the reading.
 *   LDAP  BindRequest with simple authentication (RFC 4511 §4.2): the
 *         name is the user; an empty password is an anonymous or
 *         unauthenticated bind (RFC 4513 §5.1), not a credential.
 *         StartTLS (extended request 1.3.6.1.4.1.1466.20037, RFC 4511
 *         §4.14) answered with success ends the cleartext.
 *   SNMP  v1 (RFC 1157) and v2c (RFC 1901) messages: the community of
 *         each distinct value once per flow, with the number of
 *         requests that carried it.
 *
 * All bytes are read through the bounded cursor; user names and secrets
 * are copied into fixed-size buffers, and a secret is wiped once
 * reported.
 */
#include "classify.h"
#include "flow.h"

#include <stdlib.h>
#include <string.h>

#define PC_NONE {NULL, 0, 0}     /* an empty cursor (initialised for the analyzers) */
#define LG_USER_MAX 256
#define LG_SECRET_MAX 256
#define LG_TAG_MAX 32
#define LG_TAIL 32
#define LG_COMM_MAX 8
#define LG_FORM_MAX 3072          /* form bodies longer than this are not logins */

/* SASL exchanges in progress (client side). */
enum { SASL_NONE, SASL_PLAIN, SASL_LOGIN_USER, SASL_LOGIN_PASS };
/* Telnet fields being typed. */
enum { TN_NONE, TN_USER, TN_PASS };
/* HTTP reader phases. */
enum { HP_LINE, HP_HEADERS, HP_FORM, HP_SKIP };

struct lg_state {
	bool skip_line[2];        /* discarding the rest of an over-long line */
	bool tls_wait;            /* a STARTTLS-like command waits for its reply */
	bool data;                /* SMTP: inside DATA */
	uint8_t sasl;             /* SASL_* */
	const char *sasl_proto;
	uint16_t user_len;
	bool have_user;
	uint8_t user[LG_USER_MAX];
	uint16_t pass_len;
	uint8_t pass[LG_SECRET_MAX];
	/* IMAP */
	uint32_t lit_left[2];     /* literal bytes still to come */
	uint8_t lit_arg;          /* LOGIN argument the client literal fills; 2: none */
	bool login_cont;          /* LOGIN continues after the literal */
	uint8_t nargs;
	char tag[LG_TAG_MAX];
	uint8_t tag_len;
	/* Telnet */
	uint8_t iac[2];           /* IAC parser state per direction */
	uint8_t field;            /* TN_* */
	uint8_t tail[LG_TAIL];    /* the server's latest output, lower case */
	uint8_t tail_len;
	/* HTTP */
	uint8_t hphase;
	bool post, form, chunked, maybe_body, basic_proxy;
	int64_t clen;             /* Content-Length, -1 when absent */
	/* LDAP */
	uint32_t skip[2];
	uint32_t tls_msgid;
	/* SNMP */
	struct {
		uint64_t h;
		int64_t id;
	} comm[LG_COMM_MAX];
	uint8_t ncomm;
};

/* What a reader call works with. */
struct lg {
	const struct cls_view *v;
	struct cls_result *res;
	struct lg_state *st;
	bool encrypted;           /* the flow switched to TLS: stop */
	bool stop;                /* nothing more to read in this flow */
};

static struct lg_state *lg_state(struct cls_result *res)
{
	if (!res->priv) {
		res->priv = calloc(1, sizeof(struct lg_state));
		if (res->priv) {
			struct lg_state *st = res->priv;
			st->lit_arg = 2;
			st->clen = -1;
		}
	}
	return res->priv;
}

/* ---- small helpers ---------------------------------------------------- */

static uint8_t lc(uint8_t c)
{
	return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

/* True when the n bytes of t equal word, ignoring ASCII case. */
static bool lg_eq(const uint8_t *t, size_t n, const char *word)
{
	size_t wn = strlen(word);
	if (n != wn)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lc(t[i]) != lc((uint8_t)word[i]))
			return false;
	return true;
}

/* True when the line starts with word, ignoring case (line not moved). */
static bool lg_starts(const struct pktcur *line, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i < n; i++) {
		uint8_t c;
		if (pc_peek(line, i, &c) || lc(c) != lc((uint8_t)word[i]))
			return false;
	}
	return true;
}

static void lg_skip_sp(struct pktcur *c)
{
	uint8_t ch;
	while (!pc_peek(c, 0, &ch) && (ch == ' ' || ch == '\t'))
		pc_skip(c, 1);
}

/* The next space-delimited token into out (at most cap bytes kept, the
 * rest skipped); returns its length as kept. */
static size_t lg_token(struct pktcur *c, uint8_t *out, size_t cap)
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
static size_t lg_rest(struct pktcur *c, uint8_t *out, size_t cap)
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
static int lg_line(struct pktcur *c, struct pktcur *line)
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
static bool lg_first_line(const struct pktcur *data, struct pktcur *line)
{
	struct pktcur c = *data;
	return lg_line(&c, line) == 1;
}

/* Base64 (RFC 4648 §4), padding optional, surrounding spaces ignored.
 * Returns the decoded length (at most cap bytes kept), or -1 when the
 * text is not base64. */
static long lg_b64(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
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
static bool lg_sasl_plain(const uint8_t *m, size_t n, size_t *uo, size_t *un, size_t *po,
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

/* ---- reporting -------------------------------------------------------- */

static int64_t lg_report(const struct cls_view *v, const char *proto, const uint8_t *user,
			 size_t ulen, const uint8_t *secret, size_t slen, bool anon)
{
	if (slen == 0 || !v->cred)
		return -1;
	struct cls_cred c = {.protocol = proto, .user = ulen ? user : NULL, .user_len = ulen,
			     .secret = secret, .secret_len = slen, .anonymous = anon,
			     .packet = v->packet};
	return v->cred(v->cred_ctx, &c);
}

/* The password held in the state, reported and wiped. */
static void lg_report_pass(struct lg *x, const char *proto, bool anon)
{
	struct lg_state *st = x->st;
	lg_report(x->v, proto, st->have_user ? st->user : NULL, st->have_user ? st->user_len : 0,
		  st->pass, st->pass_len, anon);
	memset(st->pass, 0, sizeof(st->pass));
	st->pass_len = 0;
}

/* A base64 SASL PLAIN message (a response line or an initial response). */
static void lg_plain(struct lg *x, const char *proto, const uint8_t *b64, size_t n)
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
			lg_report(x->v, proto, user, un, pass, pk, false);
		memset(pass, 0, sizeof(pass));
	}
	memset(m, 0, sizeof(m));
}

/* A client line while a SASL PLAIN or LOGIN exchange runs. */
static void lg_sasl_line(struct lg *x, struct pktcur line)
{
	struct lg_state *st = x->st;
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
static void lg_auth(struct lg *x, struct pktcur *line, const char *plain, const char *login)
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
	}
	memset(ir, 0, sizeof(ir));
}

/* ---- the line-protocol driver ----------------------------------------- */

typedef void (*lg_line_fn)(struct lg *x, int d, struct pktcur line);

/* Skips literal bytes (IMAP) or BDAT chunks (SMTP) of direction d. */
static void lg_skip_literal(struct lg *x, int d, struct pktcur *c)
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
static void lg_lines(struct lg *x, int d, lg_line_fn fn,
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

static enum cls_verdict lg_run(struct lg *x, lg_line_fn fn,
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
static int lg_code(const struct pktcur *line)
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
static bool lg_reply_line(const struct pktcur *line)
{
	uint8_t b;
	for (int i = 0; i < 3; i++)
		if (pc_peek(line, (size_t)i, &b) || b < '0' || b > '9')
			return false;
	return pc_peek(line, 3, &b) || b == ' ' || b == '-';
}

/* The first token of a line, upper-cased into w (NUL-terminated). */
static size_t lg_verb(struct pktcur line, char *w, size_t cap)
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

static bool lg_in(const char *w, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(w, list[i]) == 0)
			return true;
	return false;
}

static enum cls_verdict lg_claim(const struct cls_view *v, struct cls_result *res, uint8_t app)
{
	res->app = app;
	res->packet = v->packet;
	return CLS_MORE;
}

/* The start every dialogue reader shares: until the flow is claimed, ask
 * recognise (1 yes, 0 cannot tell yet, -1 no) and claim it for app; then
 * set up *x. Returns -1 when the reader should go on reading, else the
 * verdict to return. */
static int lg_open(const struct cls_view *v, struct cls_result *res,
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

/* ---- FTP -------------------------------------------------------------- */

static const char *const ftp_cmds[] = {"USER", "PASS", "AUTH", "FEAT", "SYST", "OPTS", "HOST",
				       "PWD", "PASV", "EPSV", "TYPE", "CWD", "ACCT", NULL};

/* 1: FTP, 0: cannot tell yet, -1: not FTP. */
static int ftp_recognise(const struct cls_view *v)
{
	struct pktcur s = PC_NONE, c = PC_NONE;
	bool hs = lg_first_line(&v->data[1], &s), hc = lg_first_line(&v->data[0], &c);
	if (hs && !lg_reply_line(&s))
		return -1;
	if (hc) {
		char w[16];
		lg_verb(c, w, sizeof(w));
		if (!lg_in(w, ftp_cmds))
			return -1;
		if (strcmp(w, "AUTH") == 0) {
			/* FTP's AUTH names a security mechanism, SMTP's a SASL one */
			uint8_t t[16], m[16];
			struct pktcur cc = c;
			lg_token(&cc, t, sizeof(t));
			size_t mn = lg_token(&cc, m, sizeof(m));
			if (!lg_eq(m, mn, "TLS") && !lg_eq(m, mn, "SSL") && !lg_eq(m, mn, "TLS-C") &&
			    !lg_eq(m, mn, "TLS-P") && !lg_eq(m, mn, "GSSAPI"))
				return -1;
		}
		/* With the server's reply or greeting; USER or PASS alone may
		 * also be POP3: wait for the reply (331, 530… against +OK). */
		if (hs)
			return 1;
	}
	return v->final[0] || v->final[1] ? -1 : 0;
}

static void ftp_line(struct lg *x, int d, struct pktcur line)
{
	struct lg_state *st = x->st;
	if (d == 1) {
		int code = lg_code(&line);
		if (st->tls_wait && code >= 100) {
			if (code == 234 || code == 334)
				x->encrypted = true;
			else if (code >= 200)
				st->tls_wait = false;
		}
		return;
	}
	char w[16];
	lg_verb(line, w, sizeof(w));
	uint8_t t[16];
	lg_token(&line, t, sizeof(t));
	if (strcmp(w, "USER") == 0) {
		st->user_len = (uint16_t)lg_rest(&line, st->user, sizeof(st->user));
		st->have_user = st->user_len > 0;
	} else if (strcmp(w, "PASS") == 0) {
		st->pass_len = (uint16_t)lg_rest(&line, st->pass, sizeof(st->pass));
		bool anon = st->have_user && (lg_eq(st->user, st->user_len, "anonymous") ||
					      lg_eq(st->user, st->user_len, "ftp"));
		lg_report_pass(x, "FTP", anon);
	} else if (strcmp(w, "AUTH") == 0) {
		st->tls_wait = true;
	}
}

static void no_literal(struct lg *x, int d, struct pktcur *c)
{
	lg_skip_literal(x, d, c);
}

enum cls_verdict cls_ftp(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, ftp_recognise, APP_FTP, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	return lg_run(&x, ftp_line, no_literal);
}

/* ---- POP3 ------------------------------------------------------------- */

static const char *const pop3_cmds[] = {"USER", "PASS", "APOP", "AUTH", "STLS", "CAPA", "STAT",
					"LIST", "RETR", "UIDL", "TOP", "QUIT", "NOOP", "DELE",
					"RSET", "UTF8", NULL};

static int pop3_recognise(const struct cls_view *v)
{
	struct pktcur s = PC_NONE, c = PC_NONE;
	bool hs = lg_first_line(&v->data[1], &s), hc = lg_first_line(&v->data[0], &c);
	char w[16];
	if (hc) {
		lg_verb(c, w, sizeof(w));
		if (!lg_in(w, pop3_cmds))
			return -1;
	}
	if (hs)
		return lg_starts(&s, "+OK") || lg_starts(&s, "-ERR") ? 1 : -1;
	return v->final[0] ? -1 : 0;
}

static void pop3_line(struct lg *x, int d, struct pktcur line)
{
	struct lg_state *st = x->st;
	if (d == 1) {
		if (st->tls_wait) {
			if (lg_starts(&line, "+OK"))
				x->encrypted = true;
			else if (lg_starts(&line, "-ERR"))
				st->tls_wait = false;
		} else if (st->sasl != SASL_NONE && lg_starts(&line, "-ERR")) {
			st->sasl = SASL_NONE;   /* the exchange was refused */
		}
		return;
	}
	if (st->sasl != SASL_NONE) {
		lg_sasl_line(x, line);
		return;
	}
	char w[16];
	lg_verb(line, w, sizeof(w));
	uint8_t t[16];
	lg_token(&line, t, sizeof(t));
	if (strcmp(w, "USER") == 0) {
		st->user_len = (uint16_t)lg_rest(&line, st->user, sizeof(st->user));
		st->have_user = st->user_len > 0;
	} else if (strcmp(w, "PASS") == 0) {
		st->pass_len = (uint16_t)lg_rest(&line, st->pass, sizeof(st->pass));
		lg_report_pass(x, "POP3", false);
	} else if (strcmp(w, "AUTH") == 0) {
		lg_auth(x, &line, "POP3 AUTH PLAIN", "POP3 AUTH LOGIN");
	} else if (strcmp(w, "STLS") == 0) {
		st->tls_wait = true;
	}
}

enum cls_verdict cls_pop3(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, pop3_recognise, APP_POP3, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	return lg_run(&x, pop3_line, no_literal);
}

/* ---- IMAP ------------------------------------------------------------- */

static int imap_recognise(const struct cls_view *v)
{
	struct pktcur s = PC_NONE, c = PC_NONE;
	bool hs = lg_first_line(&v->data[1], &s), hc = lg_first_line(&v->data[0], &c);
	if (hs && (lg_starts(&s, "* OK") || lg_starts(&s, "* PREAUTH")))
		return 1;
	if (hc) {
		uint8_t t[LG_TAG_MAX];
		char w[16];
		struct pktcur cc = c;
		size_t tn = lg_token(&cc, t, sizeof(t));
		lg_verb(cc, w, sizeof(w));
		static const char *const cmds[] = {"LOGIN", "AUTHENTICATE", "CAPABILITY", "STARTTLS",
						   "ID", NULL};
		if (tn && t[0] != '*' && t[0] != '+' && lg_in(w, cmds))
			return hs || v->final[1] ? 1 : 0;
		return -1;
	}
	if (hs)
		return -1;
	return v->final[0] ? -1 : 0;
}

/* "{n}" or "{n+}" at the end of the line: the literal's length, or -1. */
static long imap_literal_len(struct pktcur line)
{
	size_t n = pc_left(&line);
	uint8_t ch;
	if (n < 3 || pc_peek(&line, n - 1, &ch) || ch != '}')
		return -1;
	size_t i = n - 1;
	if (!pc_peek(&line, i - 1, &ch) && ch == '+')
		i--;
	long len = 0;
	size_t digits = 0;
	while (i > 0 && !pc_peek(&line, i - 1, &ch) && ch >= '0' && ch <= '9') {
		i--;
		digits++;
	}
	if (digits == 0 || digits > 9 || i == 0 || pc_peek(&line, i - 1, &ch) || ch != '{')
		return -1;
	for (size_t k = 0; k < digits; k++) {
		pc_peek(&line, i + k, &ch);
		len = len * 10 + (ch - '0');
	}
	return len;
}

/* Appends a byte to LOGIN argument k (0 user, 1 password), bounded. */
static void imap_arg_byte(struct lg_state *st, uint8_t k, uint8_t ch)
{
	if (k == 0 && st->user_len < sizeof(st->user))
		st->user[st->user_len++] = ch;
	else if (k == 1 && st->pass_len < sizeof(st->pass))
		st->pass[st->pass_len++] = ch;
}

/* An argument is complete: the password ends the command. */
static void imap_arg_done(struct lg *x)
{
	struct lg_state *st = x->st;
	if (st->nargs == 0)
		st->have_user = true;
	st->nargs++;
	if (st->nargs == 2) {
		lg_report_pass(x, "IMAP", false);
		st->login_cont = false;
	}
}

/* Reads LOGIN arguments (astrings) from line: atoms, quoted strings with
 * \\ and \" escapes, and a literal announced at the end of the line. */
static void imap_login_args(struct lg *x, struct pktcur *line)
{
	struct lg_state *st = x->st;
	while (st->nargs < 2) {
		lg_skip_sp(line);
		uint8_t ch;
		if (pc_peek(line, 0, &ch))
			break;
		if (ch == '"') {
			pc_skip(line, 1);
			bool esc = false;
			bool closed = false;
			while (!pc_u8(line, &ch)) {
				if (esc) {
					imap_arg_byte(st, st->nargs, ch);
					esc = false;
				} else if (ch == '\\') {
					esc = true;
				} else if (ch == '"') {
					closed = true;
					break;
				} else {
					imap_arg_byte(st, st->nargs, ch);
				}
			}
			if (!closed)
				break;   /* an unterminated string: not a valid command */
			imap_arg_done(x);
		} else if (ch == '{') {
			long n = imap_literal_len(*line);
			if (n < 0)
				break;
			pc_skip(line, pc_left(line));
			st->lit_left[0] = (uint32_t)n;
			st->lit_arg = st->nargs;
			st->login_cont = true;
			if (n == 0) {
				st->lit_arg = 2;
				imap_arg_done(x);
			}
			return;
		} else {
			while (!pc_peek(line, 0, &ch) && ch != ' ') {
				pc_skip(line, 1);
				imap_arg_byte(st, st->nargs, ch);
			}
			imap_arg_done(x);
		}
	}
	if (st->nargs < 2) {
		/* incomplete: forget it */
		st->login_cont = false;
		memset(st->pass, 0, sizeof(st->pass));
		st->pass_len = 0;
	}
	st->nargs = 0;
}

static void imap_literal(struct lg *x, int d, struct pktcur *c)
{
	struct lg_state *st = x->st;
	if (d == 0 && st->lit_arg < 2) {
		uint8_t ch;
		while (st->lit_left[0] && !pc_u8(c, &ch)) {
			imap_arg_byte(st, st->lit_arg, ch);
			st->lit_left[0]--;
		}
		if (st->lit_left[0] == 0) {
			st->lit_arg = 2;
			imap_arg_done(x);
		}
		return;
	}
	lg_skip_literal(x, d, c);
}

static void imap_line(struct lg *x, int d, struct pktcur line)
{
	struct lg_state *st = x->st;
	long lit = imap_literal_len(line);
	if (d == 1) {
		uint8_t t[LG_TAG_MAX], s[8];
		struct pktcur c = line;
		size_t tn = lg_token(&c, t, sizeof(t));
		size_t sn = lg_token(&c, s, sizeof(s));
		bool tagged = tn && t[0] != '*' && t[0] != '+';
		if (st->tls_wait && tagged && tn == st->tag_len && memcmp(t, st->tag, tn) == 0) {
			if (lg_eq(s, sn, "OK"))
				x->encrypted = true;
			else
				st->tls_wait = false;
		} else if (st->sasl != SASL_NONE && tagged) {
			st->sasl = SASL_NONE;   /* the exchange ended */
		}
		if (lit >= 0)
			st->lit_left[1] = (uint32_t)lit;
		return;
	}
	if (st->login_cont) {
		/* the LOGIN command goes on after a literal */
		imap_login_args(x, &line);
		if (!st->login_cont)
			st->nargs = 0;
		return;
	}
	if (st->sasl != SASL_NONE) {
		lg_sasl_line(x, line);
		return;
	}
	uint8_t t[LG_TAG_MAX];
	struct pktcur c = line;
	size_t tn = lg_token(&c, t, sizeof(t));
	char w[16];
	lg_verb(c, w, sizeof(w));
	uint8_t cmd[16];
	lg_token(&c, cmd, sizeof(cmd));
	if (strcmp(w, "LOGIN") == 0) {
		st->nargs = 0;
		st->user_len = 0;
		st->have_user = false;
		st->pass_len = 0;
		imap_login_args(x, &c);
		return;
	}
	if (strcmp(w, "AUTHENTICATE") == 0) {
		lg_auth(x, &c, "IMAP AUTHENTICATE PLAIN", "IMAP AUTHENTICATE LOGIN");
	} else if (strcmp(w, "STARTTLS") == 0 && tn < sizeof(st->tag)) {
		memcpy(st->tag, t, tn);
		st->tag_len = (uint8_t)tn;
		st->tls_wait = true;
	}
	if (lit >= 0)
		st->lit_left[0] = (uint32_t)lit;   /* APPEND and the like: skipped */
}

enum cls_verdict cls_imap(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, imap_recognise, APP_IMAP, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	return lg_run(&x, imap_line, imap_literal);
}

/* ---- SMTP ------------------------------------------------------------- */

static int smtp_recognise(const struct cls_view *v)
{
	struct pktcur s = PC_NONE, c = PC_NONE;
	bool hs = lg_first_line(&v->data[1], &s), hc = lg_first_line(&v->data[0], &c);
	if (hs && !lg_reply_line(&s))
		return -1;
	if (hc) {
		char w[16];
		lg_verb(c, w, sizeof(w));
		static const char *const cmds[] = {"EHLO", "HELO", "LHLO", "MAIL", "RCPT", "STARTTLS",
						   "AUTH", NULL};
		if (!lg_in(w, cmds))
			return -1;
		return hs || v->final[1] ? 1 : 0;
	}
	if (hs)
		return v->final[0] ? -1 : 0;
	return v->final[0] ? -1 : 0;
}

static void smtp_line(struct lg *x, int d, struct pktcur line)
{
	struct lg_state *st = x->st;
	if (d == 1) {
		int code = lg_code(&line);
		if (st->tls_wait && code >= 200) {
			if (code == 220)
				x->encrypted = true;
			else
				st->tls_wait = false;
		} else if (code == 235) {
			x->stop = true;   /* authenticated: no further AUTH (RFC 4954 §4) */
		} else if (code >= 400 && st->sasl != SASL_NONE) {
			st->sasl = SASL_NONE;
		}
		return;
	}
	if (st->data) {
		if (pc_left(&line) == 1 && pc_match(&line, ".", 1))
			st->data = false;
		return;
	}
	if (st->sasl != SASL_NONE) {
		lg_sasl_line(x, line);
		return;
	}
	char w[16];
	lg_verb(line, w, sizeof(w));
	uint8_t t[16];
	lg_token(&line, t, sizeof(t));
	if (strcmp(w, "AUTH") == 0) {
		lg_auth(x, &line, "SMTP AUTH PLAIN", "SMTP AUTH LOGIN");
	} else if (strcmp(w, "STARTTLS") == 0) {
		st->tls_wait = true;
	} else if (strcmp(w, "DATA") == 0) {
		st->data = true;
	} else if (strcmp(w, "BDAT") == 0) {
		uint8_t n[12];
		size_t nn = lg_token(&line, n, sizeof(n));
		uint32_t len = 0;
		for (size_t i = 0; i < nn && i < 9 && n[i] >= '0' && n[i] <= '9'; i++)
			len = len * 10 + (uint32_t)(n[i] - '0');
		st->lit_left[0] = len;
	}
}

enum cls_verdict cls_smtp(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, smtp_recognise, APP_SMTP, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	return lg_run(&x, smtp_line, no_literal);
}

/* ---- Telnet ----------------------------------------------------------- */

#define IAC 255
#define TN_SE 240
#define TN_EC 247
#define TN_EL 248
#define TN_SB 250
/* IAC parser states */
enum { IS_DATA, IS_IAC, IS_OPT, IS_SB, IS_SB_IAC };

static bool tn_prompt(const struct lg_state *st, const char *const *words)
{
	size_t n = st->tail_len;
	while (n && (st->tail[n - 1] == ' ' || st->tail[n - 1] == '\t'))
		n--;
	for (size_t i = 0; words[i]; i++) {
		size_t wn = strlen(words[i]);
		if (n >= wn && memcmp(st->tail + n - wn, words[i], wn) == 0)
			return true;
	}
	return false;
}

static const char *const tn_user_prompts[] = {"login:", "username:", "user name:", "user:", NULL};
static const char *const tn_pass_prompts[] = {"password:", "passcode:", "passwd:", NULL};

static void tn_server_byte(struct lg_state *st, uint8_t ch)
{
	if (ch == 0)
		return;
	if (st->tail_len == LG_TAIL) {
		memmove(st->tail, st->tail + 1, LG_TAIL - 1);
		st->tail_len--;
	}
	st->tail[st->tail_len++] = ch == '\r' ? '\n' : lc(ch);
}

static void tn_erase(struct lg_state *st, bool line)
{
	if (st->field == TN_USER && st->user_len)
		st->user_len = line ? 0 : (uint16_t)(st->user_len - 1);
	else if (st->field == TN_PASS && st->pass_len)
		st->pass_len = line ? 0 : (uint16_t)(st->pass_len - 1);
}

static void tn_client_byte(struct lg *x, uint8_t ch)
{
	struct lg_state *st = x->st;
	if (st->field == TN_NONE) {
		if (ch == '\r' || ch == '\n' || ch == 0)
			return;
		if (tn_prompt(st, tn_pass_prompts)) {
			st->field = TN_PASS;
			st->pass_len = 0;
		} else if (tn_prompt(st, tn_user_prompts)) {
			st->field = TN_USER;
			st->user_len = 0;
			st->have_user = false;
		} else {
			return;
		}
	}
	if (ch == '\r' || ch == '\n') {
		if (st->field == TN_USER) {
			st->have_user = st->user_len > 0;
		} else {
			lg_report_pass(x, "Telnet", false);
			st->have_user = false;
		}
		st->field = TN_NONE;
		st->tail_len = 0;   /* the next prompt is new output */
		return;
	}
	if (ch == 8 || ch == 127) {
		tn_erase(st, false);
		return;
	}
	if (ch == 0x15) {      /* ^U: kill line */
		tn_erase(st, true);
		return;
	}
	if (ch == 3 || ch == 4) {   /* ^C, ^D: abandoned */
		st->field = TN_NONE;
		st->pass_len = 0;
		return;
	}
	if (ch < 0x20)
		return;
	if (st->field == TN_USER && st->user_len < sizeof(st->user))
		st->user[st->user_len++] = ch;
	else if (st->field == TN_PASS && st->pass_len < sizeof(st->pass))
		st->pass[st->pass_len++] = ch;
}

/* Runs the bytes of direction d through the IAC parser (RFC 854: IAC
 * IAC is a data 255; IAC WILL/WONT/DO/DONT take an option byte; IAC SB …
 * IAC SE is a subnegotiation; IAC EC / IAC EL erase). */
static void tn_bytes(struct lg *x, int d)
{
	struct lg_state *st = x->st;
	struct pktcur c = x->v->data[d];
	uint8_t ch;
	while (!pc_u8(&c, &ch)) {
		uint8_t *s = &st->iac[d];
		switch (*s) {
		case IS_DATA:
			if (ch == IAC) {
				*s = IS_IAC;
				continue;
			}
			break;
		case IS_IAC:
			*s = IS_DATA;
			if (ch == IAC)
				break;   /* an escaped 255 */
			if (ch >= 251)
				*s = IS_OPT;
			else if (ch == TN_SB)
				*s = IS_SB;
			else if (d == 0 && (ch == TN_EC || ch == TN_EL))
				tn_erase(st, ch == TN_EL);
			continue;
		case IS_OPT:
			*s = IS_DATA;
			continue;
		case IS_SB:
			if (ch == IAC)
				*s = IS_SB_IAC;
			continue;
		default:   /* IS_SB_IAC */
			*s = ch == TN_SE ? IS_DATA : IS_SB;
			continue;
		}
		if (d == 1)
			tn_server_byte(st, ch);
		else
			tn_client_byte(x, ch);
	}
	x->res->consumed[d] = (uint16_t)(c.off - x->v->data[d].off);
}

/* Telnet by content: option negotiation at the start of either side, or
 * a server whose first output is text ending in a login prompt. */
static int tn_recognise(const struct cls_view *v)
{
	for (int d = 0; d < 2; d++) {
		uint8_t a, b;
		if (!pc_peek(&v->data[d], 0, &a) && a == IAC) {
			if (pc_peek(&v->data[d], 1, &b))
				return v->final[d] ? -1 : 0;   /* IAC alone so far */
			return b >= TN_SB && b != IAC ? 1 : -1;
		}
	}
	struct pktcur s = v->data[1];
	size_t n = pc_left(&s);
	if (n == 0 || n > 512 || pc_left(&v->data[0]))
		return v->final[1] || pc_left(&v->data[0]) ? -1 : 0;
	struct lg_state tmp;
	memset(&tmp, 0, sizeof(tmp));
	uint8_t ch;
	while (!pc_u8(&s, &ch)) {
		if (ch < 0x20 && ch != '\r' && ch != '\n' && ch != '\t' && ch != 0)
			return -1;
		tn_server_byte(&tmp, ch);
	}
	return tn_prompt(&tmp, tn_user_prompts) ? 1 : 0;
}

enum cls_verdict cls_telnet(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, tn_recognise, APP_TELNET, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	for (int d = 0; d < 2; d++) {
		if (v->gap[d]) {
			x.st->iac[d] = IS_DATA;
			if (d == 0)
				x.st->field = TN_NONE;
		}
	}
	/* the server's output first: its prompt precedes what is typed */
	tn_bytes(&x, 1);
	tn_bytes(&x, 0);
	return CLS_MORE;
}

/* ---- HTTP logins ------------------------------------------------------ */

/* Percent-decodes (and '+' to space) n bytes of c into out; returns the
 * decoded length (bounded by cap). */
static size_t http_unescape(struct pktcur c, uint8_t *out, size_t cap)
{
	size_t o = 0;
	uint8_t ch;
	while (!pc_u8(&c, &ch) && o < cap) {
		if (ch == '+') {
			ch = ' ';
		} else if (ch == '%') {
			uint8_t h[2];
			int v = 0;
			bool ok = !pc_peek(&c, 0, &h[0]) && !pc_peek(&c, 1, &h[1]);
			for (int i = 0; ok && i < 2; i++) {
				uint8_t k = lc(h[i]);
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
	} else if (lg_eq(nb, nn, "proxy-authorization")) {
		http_basic(x, value, "HTTP proxy Basic");
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

/* ---- BER (LDAP, SNMP) ------------------------------------------------- */

/* A BER identifier and length (X.690 §8.1): single-byte tags only,
 * definite lengths in short or long form of at most 4 bytes. 0 and *tag
 * and *len set, 1 when more bytes are needed, -1 when not BER we read. */
static int ber_hdr(struct pktcur *c, uint8_t *tag, uint32_t *len)
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
static bool ber_get(struct pktcur *c, uint8_t want, struct pktcur *content)
{
	uint8_t t;
	uint32_t l;
	return ber_hdr(c, &t, &l) == 0 && t == want && !pc_sub(c, l, content);
}

static bool ber_int(struct pktcur *c, uint32_t *v)
{
	struct pktcur i = PC_NONE;
	uint8_t b;
	if (!ber_get(c, 0x02, &i) || pc_left(&i) == 0 || pc_left(&i) > 4)
		return false;
	*v = 0;
	while (!pc_u8(&i, &b))
		*v = *v << 8 | b;
	return true;
}

/* ---- LDAP ------------------------------------------------------------- */

#define LDAP_STARTTLS_OID "1.3.6.1.4.1.1466.20037"

static bool ldap_op(uint8_t t)
{
	/* protocolOp tags of RFC 4511 §4.2–4.14: [APPLICATION n] */
	static const uint8_t ops[] = {0x60, 0x61, 0x42, 0x63, 0x64, 0x65, 0x73, 0x66, 0x67,
				      0x68, 0x69, 0x4a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x50,
				      0x77, 0x78, 0x79};
	for (size_t i = 0; i < sizeof(ops); i++)
		if (ops[i] == t)
			return true;
	return false;
}

/* The header of an LDAPMessage at c: 1 complete message of *total bytes
 * (c unmoved), 0 more needed, -1 not LDAP. */
static int ldap_msg(const struct pktcur *c, size_t *total)
{
	*total = 0;
	struct pktcur k = *c;
	uint8_t t;
	uint32_t l;
	int r = ber_hdr(&k, &t, &l);
	if (r)
		return r > 0 ? 0 : -1;
	if (t != 0x30 || l < 5 || l > (1u << 24))
		return -1;
	*total = k.off - c->off + l;
	return pc_left(c) >= *total ? 1 : 0;
}

static void ldap_message(struct lg *x, int d, struct pktcur m)
{
	struct lg_state *st = x->st;
	uint8_t t;
	uint32_t l, id;
	struct pktcur op = PC_NONE;
	if (ber_hdr(&m, &t, &l) || !ber_int(&m, &id) || ber_hdr(&m, &t, &l) || pc_sub(&m, l, &op))
		return;
	if (d == 0 && t == 0x60) {
		/* BindRequest: version, name, authentication */
		uint32_t ver;
		struct pktcur name = PC_NONE, pw = PC_NONE;
		if (!ber_int(&op, &ver) || !ber_get(&op, 0x04, &name) || !ber_get(&op, 0x80, &pw))
			return;   /* SASL or malformed */
		uint8_t user[LG_USER_MAX], pass[LG_SECRET_MAX];
		size_t un = pc_left(&name) < sizeof(user) ? pc_left(&name) : sizeof(user);
		size_t pn = pc_left(&pw) < sizeof(pass) ? pc_left(&pw) : sizeof(pass);
		pc_copy(&name, user, un);
		pc_copy(&pw, pass, pn);
		lg_report(x->v, "LDAP simple bind", user, un, pass, pn, false);
		memset(pass, 0, sizeof(pass));
	} else if (d == 0 && t == 0x77) {
		struct pktcur oid = PC_NONE;
		if (ber_get(&op, 0x80, &oid) && pc_left(&oid) == strlen(LDAP_STARTTLS_OID) &&
		    pc_match(&oid, LDAP_STARTTLS_OID, strlen(LDAP_STARTTLS_OID))) {
			st->tls_wait = true;
			st->tls_msgid = id;
		}
	} else if (d == 1 && t == 0x78 && st->tls_wait && id == st->tls_msgid) {
		struct pktcur rc = PC_NONE;
		uint8_t code;
		if (ber_get(&op, 0x0a, &rc) && pc_left(&rc) == 1 && !pc_u8(&rc, &code)) {
			if (code == 0)
				x->encrypted = true;   /* success: TLS starts */
			else
				st->tls_wait = false;
		}
	}
}

static void ldap_dir(struct lg *x, int d)
{
	const struct cls_view *v = x->v;
	struct lg_state *st = x->st;
	struct pktcur c = v->data[d];
	if (v->gap[d]) {
		x->stop = true;   /* no way to find the next message's start */
		return;
	}
	while (!x->encrypted && pc_left(&c)) {
		if (st->skip[d]) {
			size_t take = pc_left(&c) < st->skip[d] ? pc_left(&c) : st->skip[d];
			pc_skip(&c, take);
			st->skip[d] -= (uint32_t)take;
			continue;
		}
		if (d == 0 && st->tls_wait) {
			uint8_t b0, b1;
			if (!pc_peek(&c, 0, &b0) && !pc_peek(&c, 1, &b1) && b0 == 0x16 && b1 == 0x03)
				x->encrypted = true;
			break;
		}
		size_t total;
		int r = ldap_msg(&c, &total);
		if (r < 0) {
			x->stop = true;
			break;
		}
		if (r == 0) {
			if (total > FT_BUF_MAX / 2 && total > pc_left(&c)) {
				/* larger than the window will hold: skip it */
				st->skip[d] = (uint32_t)(total - pc_left(&c));
				pc_skip(&c, pc_left(&c));
			}
			break;
		}
		struct pktcur m = PC_NONE;
		pc_sub(&c, total, &m);
		ldap_message(x, d, m);
	}
	x->res->consumed[d] = (uint16_t)(c.off - v->data[d].off);
}

enum cls_verdict cls_ldap(const struct cls_view *v, struct cls_result *res)
{
	if (res->app == APP_NONE) {
		/* the client's first LDAPMessage: SEQUENCE, messageID, protocolOp */
		struct pktcur k = v->data[0];
		if (pc_left(&k) == 0)
			return pc_left(&v->data[1]) ? CLS_NO : CLS_MORE;
		uint8_t t;
		uint32_t l;
		int r = ber_hdr(&k, &t, &l);
		if (r < 0 || (r == 0 && (t != 0x30 || l < 5 || l > (1u << 24))))
			return CLS_NO;
		if (r == 0)
			r = ber_hdr(&k, &t, &l);
		if (r < 0 || (r == 0 && (t != 0x02 || l == 0 || l > 4)))
			return CLS_NO;
		if (r == 0)
			r = pc_skip(&k, l) ? 1 : ber_hdr(&k, &t, &l);
		if (r < 0 || (r == 0 && !ldap_op(t)))
			return CLS_NO;
		if (r > 0)
			return v->final[0] ? CLS_NO : CLS_MORE;
		lg_claim(v, res, APP_LDAP);
	}
	struct lg x = {v, res, lg_state(res), false, false};
	if (!x.st)
		return CLS_DONE;
	ldap_dir(&x, 1);
	ldap_dir(&x, 0);
	return x.encrypted || x.stop ? CLS_DONE : CLS_MORE;
}

/* ---- SNMP ------------------------------------------------------------- */

/* An SNMPv1/v2c message: version and community; *pdu its PDU tag. */
static bool snmp_parse(struct pktcur c, uint32_t *ver, struct pktcur *comm, uint8_t *pdu)
{
	uint8_t t;
	uint32_t l;
	struct pktcur msg = PC_NONE;
	if (ber_hdr(&c, &t, &l) || t != 0x30 || pc_sub(&c, l, &msg))
		return false;
	if (!ber_int(&msg, ver) || *ver > 1 || !ber_get(&msg, 0x04, comm))
		return false;
	if (ber_hdr(&msg, pdu, &l) || *pdu < 0xa0 || *pdu > 0xa8 || (*ver == 0 && *pdu > 0xa4))
		return false;
	return true;
}

static uint64_t snmp_hash(struct pktcur c)
{
	uint64_t h = 1469598103934665603ULL ^ pc_left(&c);
	uint8_t b;
	while (!pc_u8(&c, &b))
		h = (h ^ b) * 1099511628211ULL;
	return h;
}

enum cls_verdict cls_snmp(const struct cls_view *v, struct cls_result *res)
{
	int d = pc_left(&v->data[0]) ? 0 : 1;
	uint32_t ver;
	struct pktcur comm = PC_NONE;
	uint8_t pdu;
	if (!snmp_parse(v->data[d], &ver, &comm, &pdu))
		return res->app == APP_SNMP ? CLS_MORE : CLS_NO;
	if (res->app == APP_NONE)
		lg_claim(v, res, APP_SNMP);
	struct lg_state *st = lg_state(res);
	if (!st || pc_left(&comm) == 0)
		return CLS_MORE;
	bool request = pdu != 0xa2 && pdu != 0xa8;   /* not Response, not Report */
	uint64_t h = snmp_hash(comm);
	for (uint8_t i = 0; i < st->ncomm; i++)
		if (st->comm[i].h == h) {
			if (request && v->cred_again)
				v->cred_again(v->cred_ctx, st->comm[i].id);
			return CLS_MORE;
		}
	/* Past LG_COMM_MAX communities in one flow each new one is still
	 * reported (so registered as a secret: no count stops a secret from
	 * being protected), only no longer remembered for its repeats. */
	uint8_t secret[LG_SECRET_MAX];
	size_t n = pc_left(&comm) < sizeof(secret) ? pc_left(&comm) : sizeof(secret);
	pc_copy(&comm, secret, n);
	int64_t id = lg_report(v, ver == 0 ? "SNMPv1 community" : "SNMPv2c community", NULL, 0,
			       secret, n, false);
	memset(secret, 0, sizeof(secret));
	if (st->ncomm == LG_COMM_MAX)
		return CLS_MORE;
	st->comm[st->ncomm].h = h;
	st->comm[st->ncomm].id = id;
	st->ncomm++;
	return CLS_MORE;
}
