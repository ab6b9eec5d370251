/*
 * quic.h — the ClientHello inside a QUIC connection's client Initial
 * packets, for the SNI: the Initial keys derived from the client's
 * Destination Connection ID (RFC 9001 §5.2 for version 1, RFC 9369 §3.3
 * for version 2), header protection removed (RFC 9001 §5.4), the payload
 * opened with AES-128-GCM (§5.3), the frames walked (RFC 9000 §12.4,
 * §19) and the CRYPTO stream put back together across packets and
 * datagrams, out of order, in a bounded per-flow buffer. The ClientHello
 * then goes to the TLS reader of tls.c. All cryptography is
 * OpenSSL's libcrypto (HKDF, AES-128-ECB, AES-128-GCM).
 */
#ifndef EDGELINT_CAPTURE_QUIC_H
#define EDGELINT_CAPTURE_QUIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "classify.h"

#define QUIC_V1 0x00000001u
#define QUIC_V2 0x6b3343cfu
#define QUIC_CID_MAX 20           /* RFC 9000 §17.2: at most 20 bytes */
#define QUIC_PACKET_MAX 16384     /* larger Initial packets are not opened */
#define QUIC_DATAGRAMS_MAX 32     /* datagrams of a flow read before giving up */

/* The packet protection keys of one direction. */
struct quic_keys {
	uint8_t key[16];          /* AEAD_AES_128_GCM key */
	uint8_t iv[12];
	uint8_t hp[16];           /* header protection (AES-128-ECB) key */
};

/* The Initial keys of version (QUIC_V1 or QUIC_V2) for the client's
 * Destination Connection ID dcid[0..n), client side ("client in") or
 * server side ("server in"). Returns 0, or -1 for another version or a
 * libcrypto failure (k is then unspecified). */
int quic_initial_keys(uint32_t version, const uint8_t *dcid, size_t n, bool server,
		      struct quic_keys *k);

/* Removes the protection of one long-header packet, in place: pkt[0..len)
 * is a writable copy of the packet (its Length field's worth), pn_off the
 * offset of its packet number, largest the largest packet number opened
 * so far in that space (-1: none). On success returns the offset of the
 * plaintext frames in pkt, *plen their length and *pn the full packet
 * number; -1 when the packet is too short or does not authenticate (pkt
 * is then garbage). */
long quic_unprotect(const struct quic_keys *k, uint8_t *pkt, size_t len, size_t pn_off,
		    int64_t largest, size_t *plen, uint64_t *pn);

/* The inverse of quic_unprotect, for tests and the fuzz harness: pkt[0..len)
 * holds a long header whose first byte gives the packet number length,
 * the packet number at pn_off, the plaintext frames, and 16 bytes for the
 * tag at the end. Encrypts and protects it in place; 0, or -1. */
int quic_protect(const struct quic_keys *k, uint8_t *pkt, size_t len, size_t pn_off);

/* The classifier's part for a flow claimed as QUIC version 1 or 2: reads
 * the datagram of the view (every coalesced packet; Initial packets
 * opened with the client keys, 0-RTT, Handshake and Retry skipped), keeps
 * the CRYPTO bytes in the flow's scratch memory and, once the ClientHello
 * is complete, parses it into res (SNI, offered versions). CLS_DONE when
 * the ClientHello was read or the flow is given up (QUIC_DATAGRAMS_MAX
 * datagrams, no scratch memory), else CLS_MORE. */
enum cls_verdict quic_client_hello(const struct cls_view *v, struct cls_result *res);

#endif
