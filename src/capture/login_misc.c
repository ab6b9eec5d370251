/*
 * login_misc.c — the text-protocol login readers of issue 16 (login.h):
 * IRC, Redis, XMPP SASL PLAIN and SIP Digest (the binary ones, SOCKS5, MSSQL TDS,
 * VNC and RADIUS, are in login_bin.c). Each recognises its protocol by
 * the dialogue on any port; every read goes through the bounded cursor,
 * user names and secrets into the fixed-size buffers of the state or the
 * stack, wiped once reported.
 *
 * Sources (the words and the framing are theirs):
 *   RFC 1459 §4.1.1 PASS, §4.1.5 OPER; RFC 2812 §3.1.1, §3.1.4; IRCv3
 *   "sasl-3.1" (AUTHENTICATE) and "tls" (STARTTLS, numerics 670/691).
 *   Redis "AUTH" (https://redis.io/commands/auth: AUTH [username]
 *   password, the two-argument form since Redis 6 ACLs), "HELLO"
 *   (HELLO protover AUTH username password) and the protocol spec
 *   (RESP arrays of bulk strings, inline commands).
 *   RFC 6120 "XMPP Core" §5.4 (STARTTLS), §6.4.2 (<auth mechanism=…>
 *   with the initial response as base64 text, "=" for an empty one),
 *   RFC 4616 (PLAIN: [authzid] NUL authcid NUL passwd).
 *   RFC 3261 "SIP" §7.1, §7.2 (start lines), §18.1 (UDP: one message
 *   per datagram), §20.7 Authorization, §20.28 Proxy-Authorization,
 *   §22.4 (Digest as RFC 2617, qop optional for RFC 2069 compatibility;
 *   RFC 8760 adds SHA-256 and SHA-512-256): the response is a crackable
 *   hash (EL406, login_hash.c's lg_digest).
 */
#include "login.h"

#include <string.h>

/* The byte sequence s at the read position of c, or further on: its
 * offset from the read position, or -1. */
static long find_str(const struct pktcur *c, const char *s)
{
	size_t n = strlen(s);
	struct pktcur k = *c;
	for (;;) {
		long at = pc_find(&k, (uint8_t)s[0]);
		if (at < 0)
			return -1;
		pc_skip(&k, (size_t)at);
		if (pc_left(&k) < n)
			return -1;
		if (pc_match(&k, s, n))
			return (long)(k.off - c->off);
		pc_skip(&k, 1);
	}
}

/* ---- IRC (RFC 1459, RFC 2812, IRCv3) ------------------------------------ */

/* The line after an optional ":prefix " (RFC 2812 §2.3.1). */
static struct pktcur irc_unprefix(struct pktcur line)
{
	uint8_t ch;
	if (!pc_peek(&line, 0, &ch) && ch == ':') {
		uint8_t t[64];
		lg_token(&line, t, sizeof(t));
		lg_skip_sp(&line);
	}
	return line;
}

/* A server line as IRC sends it: ":prefix COMMAND …", "NOTICE …",
 * "PING …" or "ERROR …". */
static bool irc_server_line(const struct pktcur *s)
{
	uint8_t ch;
	if (pc_peek(s, 0, &ch))
		return false;
	if (ch == ':') {
		struct pktcur c = *s;
		uint8_t t[64];
		size_t n = lg_token(&c, t, sizeof(t));
		lg_skip_sp(&c);
		return n > 1 && pc_left(&c) > 0;
	}
	return lg_starts(s, "NOTICE ") || lg_starts(s, "PING ") || lg_starts(s, "ERROR ");
}

static int irc_recognise(const struct cls_view *v)
{
	uint8_t b0;
	/* cheap refusals first: a client line starts with a command word or
	 * ":prefix", a server line with ":prefix", NOTICE, PING or ERROR */
	if (!pc_peek(&v->data[0], 0, &b0) && b0 != ':' && !(b0 >= 'A' && b0 <= 'Z') &&
	    !(b0 >= 'a' && b0 <= 'z'))
		return -1;
	if (!pc_peek(&v->data[1], 0, &b0) && b0 != ':' && b0 != 'N' && b0 != 'P' && b0 != 'E')
		return -1;
	struct pktcur s = PC_NONE, c = PC_NONE;
	bool hs = lg_first_line(&v->data[1], &s), hc = lg_first_line(&v->data[0], &c);
	if (hs && !irc_server_line(&s))
		return -1;
	if (!hc) {
		if (pc_left(&v->data[0]) && !lg_starts(&v->data[0], "PASS") &&
		    !lg_starts(&v->data[0], "NICK") && !lg_starts(&v->data[0], "USER") &&
		    !lg_starts(&v->data[0], "CAP") && !lg_starts(&v->data[0], ":") &&
		    pc_left(&v->data[0]) >= 4)
			return -1;
		return v->final[0] ? -1 : 0;
	}
	c = irc_unprefix(c);
	char w[16];
	lg_verb(c, w, sizeof(w));
	if (strcmp(w, "NICK") == 0 || strcmp(w, "CAP") == 0)
		return 1;
	if (strcmp(w, "USER") == 0) {
		/* USER user mode unused :realname: four parameters */
		uint8_t t[64];
		size_t k = 0;
		struct pktcur cc = c;
		while (lg_token(&cc, t, sizeof(t)))
			k++;
		if (k >= 5)
			return 1;
	}
	if (strcmp(w, "PASS") == 0 || strcmp(w, "USER") == 0)
		return hs ? 1 : v->final[0] || v->final[1] ? -1 : 0;
	return -1;
}

/* A parameter: the rest of the line when it is the trailing one (":…"),
 * else the next token. */
static size_t irc_param(struct pktcur *c, uint8_t *out, size_t cap)
{
	lg_skip_sp(c);
	uint8_t ch;
	if (!pc_peek(c, 0, &ch) && ch == ':') {
		pc_skip(c, 1);
		size_t n = pc_left(c) < cap ? pc_left(c) : cap;
		pc_copy(c, out, n);
		pc_skip(c, pc_left(c));
		return n;
	}
	return lg_token(c, out, cap);
}

static void irc_line(struct lg *x, int d, struct pktcur line)
{
	struct lg_state *st = x->st;
	if (d == 1) {
		if (st->tls_wait) {
			/* ":server 670 nick :STARTTLS successful" */
			struct pktcur c = irc_unprefix(line);
			char w[16];
			lg_verb(c, w, sizeof(w));
			if (strcmp(w, "670") == 0)
				x->encrypted = true;
			else if (strcmp(w, "691") == 0)
				st->tls_wait = false;
		}
		return;
	}
	struct pktcur c = irc_unprefix(line);
	char w[16];
	lg_verb(c, w, sizeof(w));
	uint8_t t[16];
	lg_token(&c, t, sizeof(t));
	if (strcmp(w, "PASS") == 0) {
		st->have_user = false;
		st->pass_len = (uint16_t)irc_param(&c, st->pass, sizeof(st->pass));
		lg_report_pass(x, "IRC PASS", false);
	} else if (strcmp(w, "OPER") == 0) {
		st->user_len = (uint16_t)irc_param(&c, st->user, sizeof(st->user));
		st->have_user = st->user_len > 0;
		st->pass_len = (uint16_t)irc_param(&c, st->pass, sizeof(st->pass));
		lg_report_pass(x, "IRC OPER", false);
	} else if (strcmp(w, "AUTHENTICATE") == 0) {
		uint8_t a[LG_SECRET_MAX * 2];
		size_t n = irc_param(&c, a, sizeof(a));
		if (st->sasl == SASL_PLAIN) {
			st->sasl = SASL_NONE;
			if (!(n == 1 && (a[0] == '*' || a[0] == '+')))
				lg_plain(x, "IRC SASL PLAIN", a, n);
		} else if (lg_eq(a, n, "PLAIN")) {
			st->sasl = SASL_PLAIN;
		}
		memset(a, 0, sizeof(a));
	} else if (strcmp(w, "STARTTLS") == 0) {
		st->tls_wait = true;
	}
}

static void irc_literal(struct lg *x, int d, struct pktcur *c)
{
	lg_skip_literal(x, d, c);
}

enum cls_verdict cls_irc(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, irc_recognise, APP_IRC, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	return lg_run(&x, irc_line, irc_literal);
}

/* ---- Redis (AUTH, HELLO … AUTH; RESP and inline) ------------------------ */

enum { RC_OTHER, RC_AUTH, RC_HELLO };

static const char *const redis_inline_cmds[] = {"AUTH", "PING", "HELLO", "SELECT", "INFO",
						"ECHO", "CLIENT", "CONFIG", "KEYS", NULL};

/* "*N" or "$N" line value; -2 when not that shape. */
static long resp_num(struct pktcur line, uint8_t lead)
{
	uint8_t ch;
	if (pc_u8(&line, &ch) || ch != lead)
		return -2;
	if (pc_match(&line, "-1", 2) && pc_left(&line) == 2)
		return -1;
	long n = 0;
	size_t digits = 0;
	while (!pc_u8(&line, &ch)) {
		if (ch < '0' || ch > '9' || ++digits > 9)
			return -2;
		n = n * 10 + (ch - '0');
	}
	return digits ? n : -2;
}

static int redis_recognise(const struct cls_view *v)
{
	const struct pktcur *c = &v->data[0];
	if (pc_left(c) == 0)
		return pc_left(&v->data[1]) ? -1 : 0;   /* the server never speaks first */
	uint8_t b0;
	pc_peek(c, 0, &b0);
	struct pktcur line = PC_NONE, s = PC_NONE;
	if (b0 == '*') {
		/* "*N\r\n$M\r\n": an array of bulk strings */
		struct pktcur k = *c;
		if (!lg_line(&k, &line))
			return v->final[0] ? -1 : 0;
		if (resp_num(line, '*') < 1)
			return -1;
		if (pc_left(&k) == 0)
			return v->final[0] ? -1 : 0;
		return pc_match(&k, "$", 1) ? 1 : -1;
	}
	/* Inline: a Redis command answered by a RESP reply that is no POP3
	 * greeting (which comes first and has text after "+OK"). */
	if (!((b0 >= 'A' && b0 <= 'Z') || (b0 >= 'a' && b0 <= 'z')))
		return -1;   /* a command word starts every inline command */
	if (!lg_first_line(c, &line))
		return v->final[0] ? -1 : 0;
	char w[16];
	lg_verb(line, w, sizeof(w));
	if (!lg_in(w, redis_inline_cmds))
		return -1;
	if (strcmp(w, "AUTH") == 0) {
		uint8_t t[16], m[24];
		struct pktcur k = line;
		lg_token(&k, t, sizeof(t));
		size_t mn = lg_token(&k, m, sizeof(m));
		static const char *const sasl[] = {"PLAIN", "LOGIN", "CRAM-MD5", "DIGEST-MD5",
						   "GSSAPI", "XOAUTH2", "OAUTHBEARER", "NTLM",
						   "EXTERNAL", "ANONYMOUS", "TLS", "SSL", "TLS-C",
						   "TLS-P", NULL};
		char mw[24];
		size_t ml = mn < sizeof(mw) - 1 ? mn : sizeof(mw) - 1;
		for (size_t i = 0; i < ml; i++)
			mw[i] = (char)(m[i] >= 'a' && m[i] <= 'z' ? m[i] - 32 : m[i]);
		mw[ml] = '\0';
		if (mn == 0 || lg_in(mw, sasl) || strncmp(mw, "SCRAM-", 6) == 0)
			return -1;   /* a mail AUTH */
		/* Mail and FTP servers greet first; a Redis server never
		 * speaks first: AUTH before any server byte is Redis, claimed
		 * at the packet that carried it. */
		if (pc_left(&v->data[1]) == 0)
			return 1;
		return -1;
	}
	if (!lg_first_line(&v->data[1], &s))
		return v->final[0] || v->final[1] ? -1 : 0;
	if ((lg_starts(&s, "+OK") && pc_left(&s) == 3) || lg_starts(&s, "+PONG") ||
	    lg_starts(&s, "-NOAUTH") || lg_starts(&s, "-WRONGPASS") ||
	    lg_starts(&s, "-ERR") || lg_starts(&s, "$") || lg_starts(&s, "%") ||
	    lg_starts(&s, "*"))
		return 1;
	return -1;
}

/* Keeps bulk string i of the command being read (RESP or inline). */
static void redis_arg(struct lg *x, const uint8_t *a, size_t n)
{
	struct lg_state *st = x->st;
	uint8_t i = st->resp_idx;
	if (i == 0) {
		st->resp_cmd = lg_eq(a, n, "AUTH") ? RC_AUTH : lg_eq(a, n, "HELLO") ? RC_HELLO
										  : RC_OTHER;
		st->have_user = false;
		st->pass_len = 0;
		return;
	}
	bool user = (st->resp_cmd == RC_AUTH && st->resp_total == 3 && i == 1) ||
		    (st->resp_cmd == RC_HELLO && i == 3);
	bool pass = (st->resp_cmd == RC_AUTH && (st->resp_total == 2 || st->resp_total == 3) &&
		     i == st->resp_total - 1) ||
		    (st->resp_cmd == RC_HELLO && i == 4);
	if (st->resp_cmd == RC_HELLO && i == 2 && !lg_eq(a, n, "AUTH"))
		st->resp_cmd = RC_OTHER;
	if (user && n <= sizeof(st->user)) {
		memcpy(st->user, a, n);
		st->user_len = (uint16_t)n;
		st->have_user = true;
	} else if (pass && n <= sizeof(st->pass)) {
		memcpy(st->pass, a, n);
		st->pass_len = (uint16_t)n;
		lg_report_pass(x, "Redis AUTH", false);
	}
}

/* An inline command line: its words as the bulk strings. */
static void redis_inline(struct lg *x, struct pktcur line)
{
	struct lg_state *st = x->st;
	uint8_t w[LG_SECRET_MAX];
	size_t k = 0;
	struct pktcur c = line;
	while (lg_token(&c, w, sizeof(w)))
		k++;
	st->resp_total = (uint32_t)k;
	st->resp_idx = 0;
	for (size_t i = 0; i < k && i < 8; i++) {
		size_t n = lg_token(&line, w, sizeof(w));
		redis_arg(x, w, n);
		st->resp_idx++;
	}
	memset(w, 0, sizeof(w));
	st->resp_cmd = RC_OTHER;
}

enum cls_verdict cls_redis(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open_client(v, res, redis_recognise, APP_REDIS, &x);   /* replies unread */
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	struct lg_state *st = x.st;
	struct pktcur c = v->data[0];
	if (v->gap[0]) {
		st->resp_left = 0;
		st->lit_left[0] = 0;
		st->skip_line[0] = true;
	}
	while (pc_left(&c)) {
		if (st->lit_left[0]) {
			lg_skip_literal(&x, 0, &c);
			continue;
		}
		struct pktcur k = c, line = PC_NONE;
		if (!lg_line(&k, &line)) {
			if (v->final[0] && c.off == v->data[0].off) {
				pc_skip(&c, pc_left(&c));   /* longer than the window */
				st->skip_line[0] = true;
				st->resp_left = 0;
			}
			break;
		}
		if (st->skip_line[0]) {
			st->skip_line[0] = false;
			c = k;
			continue;
		}
		if (st->resp_left == 0) {
			long n = resp_num(line, '*');
			if (n >= 1) {
				st->resp_left = (uint32_t)n;
				st->resp_total = (uint32_t)n;
				st->resp_idx = 0;
				st->resp_cmd = RC_OTHER;
			} else if (n == -2) {
				redis_inline(&x, line);
			}
			c = k;
			continue;
		}
		long n = resp_num(line, '$');
		if (n == -2) {
			st->resp_left = 0;   /* not RESP: resynchronise */
			c = k;
			continue;
		}
		if (n == -1) {
			st->resp_left--;
			if (st->resp_idx < 255)
				st->resp_idx++;
			c = k;
			continue;
		}
		bool wanted = st->resp_idx == 0 || st->resp_cmd != RC_OTHER;
		uint8_t a[LG_SECRET_MAX];
		struct pktcur b = k;
		bool small = wanted && (size_t)n <= LG_SECRET_MAX;
		bool whole = small && pc_left(&b) >= (size_t)n + 2;
		if (whole) {
			pc_copy(&b, a, (size_t)n);
			pc_skip(&b, 2);
			redis_arg(&x, a, (size_t)n);
			memset(a, 0, sizeof(a));
			c = b;
		} else if (small && !v->final[0]) {
			break;   /* wait for the rest of the string */
		} else {
			st->lit_left[0] = (uint32_t)n + 2;   /* skipped, never read */
			c = k;
		}
		st->resp_left--;
		if (st->resp_idx < 255)
			st->resp_idx++;
		if (st->resp_left == 0)
			st->resp_cmd = RC_OTHER;
	}
	res->consumed[0] = (uint16_t)(c.off - v->data[0].off);
	return CLS_MORE;
}

/* ---- XMPP SASL PLAIN (RFC 6120 §6.4.2, RFC 4616) ------------------------ */

static int xmpp_recognise(const struct cls_view *v)
{
	const struct pktcur *c = &v->data[0];
	uint8_t b0;
	if (pc_peek(c, 0, &b0))
		return pc_left(&v->data[1]) && !lg_starts(&v->data[1], "<") ? -1
		       : v->final[0]					      ? -1
										      : 0;
	if (b0 != '<')
		return -1;
	if (!lg_starts(c, "<?xml") && !lg_starts(c, "<stream:stream"))
		return -1;
	long at = find_str(c, "<stream:stream");
	if (at >= 0 && at < 512)
		return 1;
	return v->final[0] || pc_left(c) >= 512 ? -1 : 0;
}

/* The value of attribute name in the tag (bytes of c up to the '>'),
 * into out; its length, or -1. */
static long xml_attr(struct pktcur tag, const char *name, uint8_t *out, size_t cap)
{
	long at = find_str(&tag, name);
	if (at < 0)
		return -1;
	pc_skip(&tag, (size_t)at + strlen(name));
	uint8_t q;
	if (pc_u8(&tag, &q) || (q != '\'' && q != '"'))
		return -1;
	long end = pc_find(&tag, q);
	if (end < 0 || (size_t)end > cap)
		return -1;
	pc_copy(&tag, out, (size_t)end);
	return end;
}

/* An element <auth …>text</auth> or <response …>text</response> at the
 * read position: 1 read (c moved past it), 0 incomplete. *text: its
 * text (a cursor on c's bytes), *mech: the mechanism attribute. */
static int xml_element(struct pktcur *c, const char *close, struct pktcur *text, uint8_t *mech,
		       long *mn)
{
	long gt = pc_find(c, '>');
	if (gt < 0)
		return 0;
	struct pktcur tag = PC_NONE, k = *c;
	pc_sub(&k, (size_t)gt + 1, &tag);
	*mn = xml_attr(tag, "mechanism=", mech, 24);
	uint8_t slash = 0;
	pc_peek(&tag, (size_t)gt - 1, &slash);
	if (slash == '/') {
		pc_init(text, NULL, 0);
		*c = k;
		return 1;
	}
	long lt = pc_find(&k, '<');
	if (lt < 0)
		return 0;
	pc_sub(&k, (size_t)lt, text);
	if (pc_left(&k) < strlen(close))
		return 0;
	if (pc_match(&k, close, strlen(close)))
		pc_skip(&k, strlen(close));
	*c = k;
	return 1;
}

/* The base64 text of a PLAIN response (bounded). */
static void xmpp_plain(struct lg *x, struct pktcur text)
{
	uint8_t b[(LG_USER_MAX + LG_SECRET_MAX + 64) * 4 / 3 + 8];
	size_t n = pc_left(&text);
	if (n == 0 || n > sizeof(b))
		return;
	pc_copy(&text, b, n);
	lg_plain(x, "XMPP SASL PLAIN", b, n);
	memset(b, 0, sizeof(b));
}

enum cls_verdict cls_xmpp(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open_client(v, res, xmpp_recognise, APP_XMPP, &x);   /* replies unread */
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	struct lg_state *st = x.st;
	struct pktcur c = v->data[0];
	if (v->gap[0])
		st->sasl = SASL_NONE;
	if (st->tls_wait && pc_left(&c)) {
		/* after <starttls/>: a TLS record, or the stream goes on */
		uint8_t b0, b1;
		if (!pc_peek(&c, 0, &b0) && !pc_peek(&c, 1, &b1) && b0 == 0x16 && b1 == 0x03)
			return CLS_DONE;
		st->tls_wait = false;
	}
	while (pc_left(&c)) {
		long lt = pc_find(&c, '<');
		if (lt < 0) {
			pc_skip(&c, pc_left(&c));
			break;
		}
		pc_skip(&c, (size_t)lt);
		bool auth = lg_starts(&c, "<auth ") || lg_starts(&c, "<auth>");
		bool resp = lg_starts(&c, "<response ") || lg_starts(&c, "<response>") ||
			    lg_starts(&c, "<response/");
		if (lg_starts(&c, "<starttls")) {
			st->tls_wait = true;
			long gt = pc_find(&c, '>');
			pc_skip(&c, gt < 0 ? pc_left(&c) : (size_t)gt + 1);
			break;
		}
		if (!auth && !resp) {
			if (pc_left(&c) < 12 && !v->final[0])
				break;   /* maybe the start of one */
			pc_skip(&c, 1);
			continue;
		}
		struct pktcur text = PC_NONE;
		uint8_t mech[24];
		long mn = -1;
		if (!xml_element(&c, auth ? "</auth>" : "</response>", &text, mech, &mn)) {
			if (v->final[0])
				pc_skip(&c, 1);   /* never complete in the window */
			else
				break;
			continue;
		}
		if (auth) {
			st->sasl = SASL_NONE;
			if (mn == 5 && memcmp(mech, "PLAIN", 5) == 0) {
				if (pc_left(&text) == 0 ||
				    (pc_left(&text) == 1 && pc_match(&text, "=", 1)))
					st->sasl = SASL_PLAIN;   /* the response follows */
				else
					xmpp_plain(&x, text);
			}
		} else if (st->sasl == SASL_PLAIN) {
			st->sasl = SASL_NONE;
			xmpp_plain(&x, text);
		}
	}
	res->consumed[0] = (uint16_t)(c.off - v->data[0].off);
	return st->tls_wait && pc_left(&c) ? CLS_DONE : CLS_MORE;
}


/* ---- SIP Digest (RFC 3261) ----------------------------------------------- */

#define SIP_LINE_MAX 512          /* a first line longer than this is not SIP's */

/* 1 when line is a SIP start line (RFC 3261 §7.1 Request-Line "Method SP
 * Request-URI SP SIP/2.0", §7.2 Status-Line "SIP/2.0 SP Status-Code"),
 * else 0. */
static bool sip_start_line(struct pktcur line)
{
	if (lg_starts(&line, "SIP/2.0 "))
		return true;
	static const char v[] = " SIP/2.0";
	size_t n = pc_left(&line), k = sizeof(v) - 1;
	uint8_t ch = 0;
	if (n <= k || pc_peek(&line, 0, &ch) || ch < 'A' || ch > 'Z')
		return false;
	struct pktcur t = line;
	pc_skip(&t, n - k);
	if (!pc_match(&t, v, k))
		return false;
	while (!pc_u8(&line, &ch) && ch != ' ')   /* the method: a token (§25.1) */
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '-' || ch == '.' ||
		      ch == '!' || ch == '%' || ch == '*' || ch == '_' || ch == '+' || ch == '`' ||
		      ch == '\'' || ch == '~' || (ch >= '0' && ch <= '9')))
			return false;
	return lg_starts(&line, "sip:") || lg_starts(&line, "sips:") || lg_starts(&line, "tel:");
}

/* 1 SIP, 0 cannot tell yet, -1 not SIP: the first line of either side. */
static int sip_recognise(const struct cls_view *v)
{
	for (int d = 0; d < 2; d++) {
		if (!pc_left(&v->data[d]))
			continue;
		struct pktcur line = PC_NONE;
		if (lg_first_line(&v->data[d], &line))
			return sip_start_line(line) ? 1 : -1;
		if (v->udp || v->final[d] || pc_left(&v->data[d]) > SIP_LINE_MAX)
			return -1;
		return 0;
	}
	return 0;
}

/* A header line: Authorization / Proxy-Authorization Digest (RFC 3261
 * §20.7, §20.28, §22.4) reported once per flow, a retransmission of the
 * same credentials (§17.1.1.2 over UDP) counted. */
static void sip_line(struct lg *x, int d, struct pktcur line)
{
	(void)d;
	long colon = pc_find(&line, ':');
	if (colon <= 0 || colon > 24)
		return;
	uint8_t name[24];
	struct pktcur c = line;
	pc_copy(&c, name, (size_t)colon);
	size_t nn = (size_t)colon;
	while (nn && (name[nn - 1] == ' ' || name[nn - 1] == '\t'))
		nn--;
	bool proxy = lg_eq(name, nn, "proxy-authorization");
	if (!proxy && !lg_eq(name, nn, "authorization"))
		return;
	pc_skip(&c, 1);
	uint64_t h = 1469598103934665603ULL;
	uint8_t b;
	for (struct pktcur k = c; !pc_u8(&k, &b);)
		h = (h ^ b) * 1099511628211ULL;
	if (lg_seen(x->v, x->st, h, true))
		return;
	int64_t id = lg_digest(x->v, c, proxy ? "SIP proxy Digest" : "SIP Digest", "sip-digest",
			       "sip-digest-replay");
	if (id >= 0)
		lg_remember(x->st, h, id);
}

static void sip_no_literal(struct lg *x, int d, struct pktcur *c)
{
	(void)x;
	(void)d;
	pc_skip(c, pc_left(c));
}

/* SIP over UDP (each datagram a message, RFC 3261 §18.1.1) or TCP (lines
 * of the stream; message bodies, SDP, hold no such header line). */
enum cls_verdict cls_sip(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, sip_recognise, APP_SIP, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	if (!v->udp)
		return lg_run(&x, sip_line, sip_no_literal);
	for (int d = 0; d < 2; d++) {
		struct pktcur c = v->data[d], line = PC_NONE;
		if (!lg_line(&c, &line) || !sip_start_line(line))
			continue;   /* not a SIP message (a keep-alive CRLF, say) */
		while (lg_line(&c, &line) && pc_left(&line))
			sip_line(&x, d, line);
	}
	return CLS_MORE;
}
