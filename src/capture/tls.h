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

#include <stdbool.h>
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

/* Progress bits of a TLS flow (cls_result.state), also read by tls_cert.c. */
#define TLS_ST_CH 0x01        /* ClientHello read */
#define TLS_ST_SH 0x02        /* ServerHello read */

/* Judges the body of a Certificate message (len bytes at msg, after the
 * 4-byte handshake header) into out (zeroed by the caller): the leaf at
 * the time when (has_time false: validity not judged) for sni (NULL: the
 * name is not judged). See tls_cert.c. */
void tls_cert_judge(const uint8_t *msg, size_t len, const char *sni, bool has_time,
		    const struct cap_time *when, struct cls_cert *out);

#endif
