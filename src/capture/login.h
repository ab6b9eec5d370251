/*
 * login.h — the cleartext login readers of classify.h. Each
 * recognises its protocol by the dialogue (server greeting, client
 * commands, BER framing), never by the port, then reads the whole
 * conversation through the sliding window and reports every credential
 * it sees with the packet in which the secret became complete:
 *
 *   FTP   USER/PASS (RFC 959); anonymous and "ftp" users (RFC 1635) are
 *         information, not a leak; AUTH TLS/SSL (RFC 4217, RFC 2228)
 *         accepted with 234 (or 334) ends the cleartext.
 *   POP3  USER/PASS (RFC 1939), APOP's MD5 digest (§7, EL406 apop),
 *         AUTH PLAIN / LOGIN with the response on
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
 *
 *   SOCKS5 username/password sub-negotiation (RFC 1929) after the method
 *         selection of RFC 1928 §3 chose X'02'.
 *   IRC   PASS (the connection password, no user), OPER name password
 *         (RFC 1459 §4.1.1, §4.1.5; RFC 2812 §3.1.1, §3.1.4) and
 *         IRCv3 AUTHENTICATE PLAIN; STARTTLS answered 670 ends the
 *         cleartext.
 *   Redis AUTH [user] password (redis.io/commands/auth), also HELLO …
 *         AUTH user password, in RESP arrays of bulk strings and inline
 *         commands (redis.io/docs/reference/protocol-spec).
 *   XMPP  SASL PLAIN (RFC 6120 §6.4.2, RFC 4616) in <auth
 *         mechanism='PLAIN'> or the <response> after it; <starttls/>
 *         followed by a TLS record ends the cleartext (RFC 6120 §5.4).
 *   MSSQL TDS LOGIN7 (MS-TDS §2.2.6.4): UserName is the user, Password
 *         is only obfuscated (each byte nibble-swapped and XORed with
 *         0xA5): read back, reported as the secret.
 *   VNC   RFB security type None (RFC 6143 §7.1.2, §7.2.1): a session
 *         that crossed with no authentication at all (no secret); VNC
 *         Authentication (§7.2.2): the client's DES response to the
 *         challenge, a crackable hash (EL406 vnc).
 *   PgSQL PostgreSQL protocol 3.0: the StartupMessage's user, then the
 *         PasswordMessage after AuthenticationMD5Password ("md5" and a
 *         salted MD5: EL406 pgsql-md5) or AuthenticationCleartextPassword
 *         (the password as it is); an SSLRequest accepted ends it.
 *   SIP   Authorization / Proxy-Authorization Digest of REGISTER,
 *         INVITE… over UDP and TCP (RFC 3261 §22.4): the response, a
 *         crackable hash (EL406 sip-digest), retransmissions counted.
 *   RADIUS Access-Request with User-Password (RFC 2865 §5.2, PAP): the
 *         user, and that a PAP password crossed hidden only with the
 *         shared secret (not readable here: no secret).
 *   PPP   PAP Authenticate-Request (RFC 1334 §2.2.1): Peer-ID and
 *         Password as they are, in PPPoE session frames (handed over by
 *         decode.c, reported by flow.c's ft_ppp_auth with MAC addresses)
 *         and in L2TPv2 data messages over UDP (cls_l2tp).
 *
 * Files: login.c (the per-flow state, the line and SASL helpers, the
 * reporting, the line-protocol driver), login_line.c (FTP, POP3, IMAP,
 * SMTP), login_telnet.c, login_http.c, login_ber.c (LDAP, SNMP),
 * login_misc.c (IRC, Redis, XMPP, SIP), login_bin.c (SOCKS5, MSSQL TDS, VNC,
 * RADIUS, PostgreSQL), login_ppp.c (PPP PAP in PPPoE and L2TP), login_hash.c (the
 * crackable hashes of EL406: NTLM, HTTP Digest), login_krb.c (Kerberos, EL406). This
 * header is theirs alone; the readers themselves are declared in
 * classify.h, the table that calls them.
 */
#ifndef EDGELINT_CAPTURE_LOGIN_H
#define EDGELINT_CAPTURE_LOGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "classify.h"
#include "flow.h"
#include "pktcur.h"

#define PC_NONE {NULL, 0, 0}     /* an empty cursor (initialised for the analyzers) */
#define LG_USER_MAX 256
#define LG_SECRET_MAX 256
#define LG_TAG_MAX 32
#define LG_TAIL 32
#define LG_COMM_MAX 8
#define LG_FORM_MAX 3072          /* form bodies longer than this are not logins */

/* SASL exchanges in progress (client side). */
enum { SASL_NONE, SASL_PLAIN, SASL_LOGIN_USER, SASL_LOGIN_PASS, SASL_NTLM };
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
	uint32_t bind_msgid;      /* the BindRequest of st->pending */
	/* SNMP */
	struct {
		uint64_t h;
		int64_t id;
	} comm[LG_COMM_MAX];
	uint8_t ncomm;
	/* Redis (login_misc.c): the RESP array being read */
	uint32_t resp_left;       /* bulk strings still to come in this command */
	uint32_t resp_total;      /* bulk strings of the command */
	uint8_t resp_cmd;         /* RC_* */
	uint8_t resp_idx;         /* index of the next bulk string */
	/* The login reported last, waiting for the server's verdict (the
	 * sink's id, -1: none; lg_outcome), and the IMAP tag of its command. */
	int64_t pending;
	char ltag[LG_TAG_MAX];
	uint8_t ltag_len;
};

/* What a reader call works with. */
struct lg {
	const struct cls_view *v;
	struct cls_result *res;
	struct lg_state *st;
	bool encrypted;           /* the flow switched to TLS: stop */
	bool stop;                /* nothing more to read in this flow */
};

/* A line reader of lg_lines: one complete line of direction d. */
typedef void (*lg_line_fn)(struct lg *x, int d, struct pktcur line);

/* The shared helpers (login.c, where each one's contract is written at
 * its definition). None allocates except lg_state (the flow's state,
 * freed by the flow table with res->priv); none reads outside its
 * cursor. */
struct lg_state *lg_state(struct cls_result *res);
uint8_t lg_lower(uint8_t c);
bool lg_eq(const uint8_t *t, size_t n, const char *word);
bool lg_starts(const struct pktcur *line, const char *word);
void lg_skip_sp(struct pktcur *c);
size_t lg_token(struct pktcur *c, uint8_t *out, size_t cap);
size_t lg_rest(struct pktcur *c, uint8_t *out, size_t cap);
int lg_line(struct pktcur *c, struct pktcur *line);
bool lg_first_line(const struct pktcur *data, struct pktcur *line);
long lg_b64(const uint8_t *in, size_t n, uint8_t *out, size_t cap);
bool lg_sasl_plain(const uint8_t *m, size_t n, size_t *uo, size_t *un, size_t *po,
		   size_t *pn);
int64_t lg_report(const struct cls_view *v, const char *proto, const uint8_t *user,
		  size_t ulen, const uint8_t *secret, size_t slen, bool anon);
void lg_report_pass(struct lg *x, const char *proto, bool anon);
void lg_outcome(struct lg *x, enum cred_outcome o);
int lg_ber_hdr(struct pktcur *c, uint8_t *tag, uint32_t *len);
bool lg_ber_get(struct pktcur *c, uint8_t want, struct pktcur *content);
bool lg_ber_int(struct pktcur *c, uint32_t *v);
bool lg_seen(const struct cls_view *v, const struct lg_state *st, uint64_t h, bool count);
void lg_remember(struct lg_state *st, uint64_t h, int64_t id);
void lg_plain(struct lg *x, const char *proto, const uint8_t *b64, size_t n);
void lg_sasl_line(struct lg *x, struct pktcur line);
void lg_auth(struct lg *x, struct pktcur *line, const char *plain, const char *login,
	     const char *ntlm);
void lg_skip_literal(struct lg *x, int d, struct pktcur *c);
void lg_lines(struct lg *x, int d, lg_line_fn fn,
	      void (*literal)(struct lg *, int, struct pktcur *));
enum cls_verdict lg_run(struct lg *x, lg_line_fn fn,
			void (*literal)(struct lg *, int, struct pktcur *));
int lg_code(const struct pktcur *line);
bool lg_reply_line(const struct pktcur *line);
size_t lg_verb(struct pktcur line, char *w, size_t cap);
bool lg_in(const char *w, const char *const *list);
enum cls_verdict lg_claim(const struct cls_view *v, struct cls_result *res, uint8_t app);
int lg_open(const struct cls_view *v, struct cls_result *res,
	    int (*recognise)(const struct cls_view *), uint8_t app, struct lg *x);
int64_t lg_ntlm(const struct cls_view *v, const char *proto, const uint8_t *m, size_t n);
int64_t lg_digest(const struct cls_view *v, struct pktcur value, const char *proto,
		  const char *variant, const char *replay_variant);
bool ppp_pap_request(struct pktcur info, struct pktcur *user, struct pktcur *pw, uint64_t *h);
bool ppp_pap_cred(struct pktcur u, struct pktcur p, const char *proto, uint64_t packet,
		  uint8_t *user, uint8_t *pw, struct cls_cred *cr);
int lg_open_client(const struct cls_view *v, struct cls_result *res,
		   int (*recognise)(const struct cls_view *), uint8_t app, struct lg *x);

#endif
