/*
 * login_line.c — the line-protocol login readers (login.h): FTP
 * (RFC 959, anonymous per RFC 1635, AUTH TLS per RFC 4217), POP3 (RFC
 * 1939 with APOP's MD5 digest as a crackable hash, RFC 5034, STLS per
 * RFC 2595), IMAP (RFC 9051, literals per RFC
 * 7888, AUTHENTICATE per RFC 4959) and SMTP (AUTH per RFC 4954, STARTTLS
 * per RFC 3207, DATA and BDAT per RFC 3030 skipped).
 */
#include "login.h"

#include <stdlib.h>
#include <string.h>

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
		/* The reply to PASS (RFC 959 §5.4): 230 logged in, 202 not
		 * needed (superfluous: the user is in), 530 not logged in;
		 * 332 asks for ACCT (the verdict comes after it). */
		if (code >= 200 && code != 332)
			lg_outcome(x, code == 230 || code == 202 ? CRED_SUCCEEDED
				      : code == 530		 ? CRED_FAILED
							 : CRED_UNKNOWN);
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

/* "APOP name digest" (RFC 1939 §7): the digest is the MD5 of the
 * server greeting's timestamp followed by the shared secret, 16 octets
 * in hex: the user and a crackable hash (EL406 apop), never the
 * password itself. */
#define APOP_DIGEST_HEX 32

static void pop3_apop(struct lg *x, struct pktcur line)
{
	uint8_t name[LG_USER_MAX], digest[APOP_DIGEST_HEX + 1];
	size_t nn = lg_token(&line, name, sizeof(name));
	size_t dn = lg_token(&line, digest, sizeof(digest));
	if (nn && dn == APOP_DIGEST_HEX && x->v->cred) {
		struct cls_cred cr = {.protocol = "POP3 APOP", .user = name, .user_len = nn,
				      .secret = digest, .secret_len = dn, .hash_type = "APOP MD5",
				      .hash_variant = "apop", .packet = x->v->packet};
		x->v->cred(x->v->cred_ctx, &cr);
	}
	memset(digest, 0, sizeof(digest));
}

static void pop3_line(struct lg *x, int d, struct pktcur line)
{
	struct lg_state *st = x->st;
	if (d == 1) {
		/* The reply to PASS (RFC 1939 §7) or to the last SASL response
		 * (RFC 5034 §4): +OK the user is in, -ERR refused. */
		if (lg_starts(&line, "+OK"))
			lg_outcome(x, CRED_SUCCEEDED);
		else if (lg_starts(&line, "-ERR"))
			lg_outcome(x, CRED_FAILED);
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
	} else if (strcmp(w, "APOP") == 0) {
		pop3_apop(x, line);
	} else if (strcmp(w, "AUTH") == 0) {
		lg_auth(x, &line, "POP3 AUTH PLAIN", "POP3 AUTH LOGIN", "POP3 AUTH NTLM");
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
		if (tagged && tn == st->ltag_len && memcmp(t, st->ltag, tn) == 0)
			/* The tagged reply to LOGIN (RFC 9051 §6.2.3) or
			 * AUTHENTICATE (§6.2.2): OK in, NO refused; BAD is a
			 * malformed command, no verdict on the password. */
			lg_outcome(x, lg_eq(s, sn, "OK")   ? CRED_SUCCEEDED
				      : lg_eq(s, sn, "NO") ? CRED_FAILED
							   : CRED_UNKNOWN);
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
	if ((strcmp(w, "LOGIN") == 0 || strcmp(w, "AUTHENTICATE") == 0) && tn < sizeof(st->ltag)) {
		memcpy(st->ltag, t, tn);
		st->ltag_len = (uint8_t)tn;
	}
	if (strcmp(w, "LOGIN") == 0) {
		st->nargs = 0;
		st->user_len = 0;
		st->have_user = false;
		st->pass_len = 0;
		imap_login_args(x, &c);
		return;
	}
	if (strcmp(w, "AUTHENTICATE") == 0) {
		lg_auth(x, &c, "IMAP AUTHENTICATE PLAIN", "IMAP AUTHENTICATE LOGIN",
			"IMAP AUTHENTICATE NTLM");
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
		/* The reply to the last AUTH response (RFC 4954 §6): 235
		 * authenticated, 535 credentials invalid; other final codes
		 * (454 temporary, 534 mechanism too weak…) say nothing of
		 * the password. 334 asks for the next response. */
		if (code >= 200 && code != 334)
			lg_outcome(x, code == 235   ? CRED_SUCCEEDED
				      : code == 535 ? CRED_FAILED
						    : CRED_UNKNOWN);
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
		lg_auth(x, &line, "SMTP AUTH PLAIN", "SMTP AUTH LOGIN", "SMTP AUTH NTLM");
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
