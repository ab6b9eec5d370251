/*
 * tls.h — TLS handshakes (RFC 8446 §4, RFC 5246 §7.4): the recogniser of
 * TLS flows, which reads the first ClientHello and ServerHello (SNI,
 * offered and negotiated version), and the ClientHello body reader that
 * QUIC uses for the ClientHello of its Initial packets (quic.c).
 *
 * Layering: classify.c (the table) calls tls.c and quic.c; quic.c calls
 * tls.c; tls.c calls neither, so the capture engine's calls go one way.
 */
#ifndef EDGELINT_CAPTURE_TLS_H
#define EDGELINT_CAPTURE_TLS_H

#include <stddef.h>
#include <stdint.h>

#include "classify.h"
#include "pktcur.h"

/* The TLS recogniser: claims a flow whose first bytes each way are TLS
 * handshake records and reads its ClientHello and ServerHello. */
enum cls_verdict cls_tls(const struct cls_view *v, struct cls_result *res);

/* Reads a ClientHello body (after the 4-byte handshake header) into res:
 * SNI (interned, VIA_SNI) and the highest version offered. Also for the
 * ClientHello carried in QUIC CRYPTO frames (quic.c). */
void cls_tls_client_hello(struct pktcur *c, const struct cls_view *v, struct cls_result *res);

#endif
