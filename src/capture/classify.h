/*
 * classify.h — what a flow carries, from its bytes each way, never
 * from its ports: TLS (ClientHello/ServerHello: SNI, offered and
 * negotiated version), QUIC (long header, versions 1 and 2, and Google
 * QUIC; for versions 1 and 2 the SNI from the Initial packets,
 * quic.h), HTTP/1.x (request line, Host), and the cleartext login
 * protocols of login*.c (FTP, Telnet, POP3, IMAP, SMTP, LDAP, SNMP,
 * SOCKS5, IRC, Redis, XMPP, MSSQL TDS, VNC, RADIUS PAP, PPP PAP in L2TP;
 * HTTP Basic and form logins; the NTLM hashes of HTTP, SMB and mail, the
 * Kerberos messages an eavesdropper can crack; HTTP and SIP Digest, VNC
 * Authentication, POP3 APOP, PostgreSQL md5 and cleartext), which report each credential they read.
 *
 * The hook: a classifier is one function plus one line in classifiers[]
 * (classify.c). The flow table (flow.c) calls every classifier
 * still interested in a flow each time that flow's in-order bytes grow in
 * either direction, with a view of all the bytes so far (at most
 * FT_BUF_MAX each way; for UDP, the datagram at hand). A classifier
 * answers CLS_NO (not mine: never call me again for this flow), CLS_MORE
 * (call me again when more bytes come) or CLS_DONE (finished). Setting
 * res->app claims the flow: the other classifiers are no longer called.
 * When no classifier is interested any more, the flow's buffers are
 * freed, so memory is spent only on flows still being classified.
 *
 * Recognisers and readers. A classifier with follows == APP_NONE is a
 * recogniser: it is called on every new flow until it answers CLS_NO or
 * another one claims the flow. A classifier with follows == APP_X is a
 * reader of flows claimed as X: it is never called before the claim and
 * is added to the flow's interested set when X claims it (a reader placed
 * after the claimant in classifiers[] runs in the same call). HTTP is
 * split this way: cls_http recognises HTTP and reads the first request's
 * Host (the web share, unchanged), and cls_http_login reads every request
 * of the connection for credentials; the login protocols that recognise
 * themselves by their own dialogue (FTP, POP3…) are recognisers that
 * claim and go on reading the same flow.
 *
 * Streams beyond the first bytes. Before a flow is claimed, data[d] holds
 * its first bytes (at most FT_BUF_MAX). A claimant or reader that reads a
 * whole conversation sets res->consumed[d] to the number of bytes at the
 * start of data[d] it is done with; after the call the flow table drops
 * them, so the next call's data[d] starts just after them and the window
 * (still at most FT_BUF_MAX bytes, reassembled in order) slides along an
 * arbitrarily long stream. A reader that consumed nothing from a full
 * window gets final[d]; when both directions are final the flow is
 * dropped from classification. res->mute bit d stops buffering direction
 * d for good (HTTP responses, say). When bytes were lost (a capture gap
 * a reassembly window cannot bridge), the window restarts at the next
 * segment and gap[d] tells the reader to resynchronise (drop a partial
 * line, say). A reader's per-flow state goes in res->priv (malloc'ed by
 * it, of a fixed size; the flow table frees it with the flow's buffers).
 *
 * Credentials go to v->cred (NULL in views without a sink, as in the
 * classifier unit tests): the protocol, the user and the secret as bytes
 * of the stream (the sink copies them), and the packet at hand — the
 * packet in which the secret became complete. A reader keeps a secret
 * only while it is being assembled (a Telnet password typed key by key,
 * an IMAP literal) and wipes it once reported.
 */
#ifndef EDGELINT_CAPTURE_CLASSIFY_H
#define EDGELINT_CAPTURE_CLASSIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture.h"
#include "pktcur.h"

/* Application protocols a flow can be claimed for. */
enum cls_app {
	APP_NONE, APP_TLS, APP_QUIC, APP_HTTP,
	APP_FTP, APP_TELNET, APP_POP3, APP_IMAP, APP_SMTP, APP_LDAP, APP_SNMP,
	APP_SOCKS, APP_IRC, APP_REDIS, APP_XMPP, APP_TDS, APP_VNC, APP_RADIUS,
	APP_L2TP, APP_SMB, APP_KRB,
	APP_SIP,                  /* hash16: SIP Digest (login_misc.c) */
	APP_PGSQL,                /* hash16: PostgreSQL (login_bin.c) */
	APP_COUNT
};

#define CLS_NAME_MAX 253      /* a DNS name; longer names are not hosts */
#define CLS_SCRATCH_MAX 4096  /* per-flow scratch memory of UDP classifiers */

enum cls_verdict { CLS_NO, CLS_MORE, CLS_DONE };

/* What a classifier sees. Direction 0 is the flow's initiator (the SYN
 * sender, else the sender of the first packet seen), 1 the responder. */
struct cls_view {
	struct pktcur data[2];    /* in-order bytes from the start of each direction */
	bool final[2];            /* no more bytes will be added in that direction */
	bool udp;                 /* data is one datagram (the other side is empty) */
	uint16_t port[2];         /* initiator's and responder's ports */
	uint64_t packet;          /* 1-based number of the packet at hand */
	/* Records a host name (copied) and returns its id, or -1 when the
	 * name is not a valid host name or the table of names is full. */
	int32_t (*intern)(void *ctx, const char *name, size_t n, enum cls_via via);
	void *intern_ctx;
	bool gap[2];              /* bytes were lost before data[d]: resynchronise */
	/* Reports a credential; returns an id for cred_again (another use of
	 * the same secret in this flow, e.g. an SNMP request), or -1. */
	int64_t (*cred)(void *ctx, const struct cls_cred *c);
	void (*cred_again)(void *ctx, int64_t id);
	/* The server's verdict on the login reported as id (login.c
	 * lg_outcome); NULL in views without a sink. */
	void (*cred_outcome)(void *ctx, int64_t id, enum cred_outcome o);
	void *cred_ctx;
	const struct login_fields *fields;   /* HTTP form field names, or NULL */
	/* UDP flows: CLS_SCRATCH_MAX bytes of per-flow memory kept across
	 * datagrams for a classifier that reassembles (QUIC CRYPTO frames),
	 * zeroed when first asked for, freed with the flow's buffers; NULL
	 * (the function or its result) when there is none. */
	void *(*scratch)(void *ctx);
	void *scratch_ctx;
	/* Reports a server's certificates (tls_cert.c), with cred_ctx; NULL
	 * when nobody reads them. */
	void (*cert)(void *ctx, const struct cls_cert *c);
	/* The name interned as id (NUL-terminated, lower case), or NULL. */
	const char *(*name_of)(void *ctx, int32_t id);
	bool has_time;            /* the packet at hand has a time: */
	struct cap_time time;     /* its time (certificates' validity, tls_cert.c) */
};

/* What classifiers learnt about a flow. */
struct cls_result {
	uint8_t app;              /* enum cls_app */
	uint8_t state;            /* classifier-private progress bits */
	uint16_t tls_version;     /* negotiated (ServerHello), 0 when not seen */
	uint16_t tls_offered;     /* highest version the ClientHello offered */
	int32_t host;             /* id from intern(), or -1 */
	uint64_t packet;          /* packet at which the flow was recognised */
	uint16_t consumed[2];     /* set by a reader: bytes of data[d] it is done with */
	uint8_t mute;             /* bit d: never buffer direction d again */
	void *priv;               /* a reader's per-flow state (malloc; freed by the table) */
};

typedef enum cls_verdict (*cls_fn)(const struct cls_view *v, struct cls_result *res);

struct classifier {
	const char *name;
	bool tcp, udp;            /* the transports it reads */
	cls_fn run;
	uint8_t follows;          /* APP_NONE: a recogniser; else a reader of that app */
};

extern const struct classifier classifiers[];
extern const size_t nclassifiers;

/* The individual classifiers (also for tests); cls_tls is in tls.h. */
enum cls_verdict cls_quic(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_http(const struct cls_view *v, struct cls_result *res);
/* login*.c: the login readers. */
enum cls_verdict cls_http_login(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_ftp(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_pop3(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_imap(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_smtp(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_telnet(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_ldap(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_snmp(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_socks(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_irc(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_redis(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_xmpp(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_tds(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_vnc(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_radius(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_l2tp(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_smb(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_krb(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_sip(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_pgsql(const struct cls_view *v, struct cls_result *res);
/* tls_cert.c: the server's Certificate message of a TLS flow. */
enum cls_verdict cls_tls_cert(const struct cls_view *v, struct cls_result *res);

/* HTTP helpers shared by cls_http and cls_http_login. http_request_line:
 * 1 when c starts with a complete request line (c moves past it), 0 a
 * possible start (more needed), -1 not a request. */
int cls_http_request_line(struct pktcur *c);
#define HTTP_ST_REQ 0x01      /* a request line was read … */
#define HTTP_ST_DIR1 0x02     /* … from the responder */
#define HTTP_ST_WEB_DONE 0x04 /* cls_http needs no more bytes: readers may consume */

#endif
