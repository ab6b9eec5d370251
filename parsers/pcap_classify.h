/*
 * pcap_classify.h — what a flow carries, from its first bytes each way,
 * never from its ports: TLS (ClientHello/ServerHello: SNI, offered and
 * negotiated version), QUIC (long header, versions 1 and 2, and Google
 * QUIC; for versions 1 and 2 the SNI from the Initial packets,
 * pcap_quic.h), HTTP/1.x (request line, Host).
 *
 * The hook: a classifier is one function plus one line in classifiers[]
 * (pcap_classify.c). The flow table (pcap_flow.c) calls every classifier
 * still interested in a flow each time that flow's in-order bytes grow in
 * either direction, with a view of all the bytes so far (at most
 * FT_BUF_MAX each way; for UDP, the datagram at hand). A classifier
 * answers CLS_NO (not mine: never call me again for this flow), CLS_MORE
 * (call me again when more bytes come) or CLS_DONE (finished). Setting
 * res->app claims the flow: the other classifiers are no longer called.
 * When no classifier is interested any more, the flow's buffers are
 * freed, so memory is spent only on flows still being classified.
 */
#ifndef EDGELINT_PCAP_CLASSIFY_H
#define EDGELINT_PCAP_CLASSIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../src/pktcur.h"

/* Application protocols a flow can be claimed for. */
enum cls_app { APP_NONE, APP_TLS, APP_QUIC, APP_HTTP, APP_COUNT };

/* How a host name was learnt. */
enum cls_via { VIA_SNI, VIA_HTTP_HOST };

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
	/* UDP flows: CLS_SCRATCH_MAX bytes of per-flow memory kept across
	 * datagrams for a classifier that reassembles (QUIC CRYPTO frames),
	 * zeroed when first asked for, freed with the flow's buffers; NULL
	 * (the function or its result) when there is none. */
	void *(*scratch)(void *ctx);
	void *scratch_ctx;
};

/* What classifiers learnt about a flow. */
struct cls_result {
	uint8_t app;              /* enum cls_app */
	uint8_t state;            /* classifier-private progress bits */
	uint16_t tls_version;     /* negotiated (ServerHello), 0 when not seen */
	uint16_t tls_offered;     /* highest version the ClientHello offered */
	int32_t host;             /* id from intern(), or -1 */
	uint64_t packet;          /* packet at which the flow was recognised */
};

typedef enum cls_verdict (*cls_fn)(const struct cls_view *v, struct cls_result *res);

struct classifier {
	const char *name;
	bool tcp, udp;            /* the transports it reads */
	cls_fn run;
};

extern const struct classifier classifiers[];
extern const size_t nclassifiers;

/* The individual classifiers (also for tests). */
enum cls_verdict cls_tls(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_quic(const struct cls_view *v, struct cls_result *res);
enum cls_verdict cls_http(const struct cls_view *v, struct cls_result *res);

/* Reads a ClientHello body (after the 4-byte handshake header) into res:
 * SNI (interned, VIA_SNI) and the highest version offered. Also for the
 * ClientHello carried in QUIC CRYPTO frames (pcap_quic.c). */
void cls_tls_client_hello(struct pktcur *c, const struct cls_view *v, struct cls_result *res);

/* "TLS1.2", "SSL3.0"… for a TLS version number; buf receives "0x…" for
 * unknown ones. */
const char *cls_tls_version_name(uint16_t v, char *buf, size_t n);

#endif
