/*
 * flow.h — the bidirectional flow table of the capture reader: TCP
 * and UDP conversations keyed on the full 5-tuple (whole IPv6
 * addresses), at most max_flows at once; when full, the least recently
 * seen flow is evicted and its results folded into the totals first, so
 * memory is bounded by flows and never by packets. Per flow: packets,
 * bytes (captured bytes of whole frames, both directions), a window of at
 * most FT_BUF_MAX bytes each way (in-order TCP reassembly tolerant of
 * retransmissions, out-of-order segments and missing handshakes): the
 * first bytes, and for flows a login reader follows, a window that slides
 * along the whole stream as the reader consumes it (classify.h), and
 * what the classifiers found. Credentials the readers find go to the sink
 * set with ft_set_login(), with the flow's endpoints.
 */
#ifndef EDGELINT_CAPTURE_FLOW_H
#define EDGELINT_CAPTURE_FLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture.h"
#include "classify.h"
#include "decode.h"

#define FT_BUF_MAX 4096           /* bytes kept per direction for the classifiers */
#define FT_OOO_MAX 4              /* out-of-order byte ranges remembered per direction */
#define FT_SLOTS_FIRST 1024
#define FT_MAX_NAMES 16384        /* distinct host names remembered */

/* One direction's first bytes. */
struct ft_dir {
	uint8_t *buf;             /* FT_BUF_MAX bytes, or NULL */
	uint32_t base;            /* sequence number of buf[0] */
	uint16_t len;             /* contiguous bytes from base */
	uint8_t nooo;
	bool started;             /* base is set */
	bool stream;              /* a reader consumes it: restart after a gap */
	bool muted;               /* no longer buffered */
	bool gap;                 /* restarted after lost bytes (until the next call) */
	bool lost;                /* a segment's tail did not fit: the next one restarts */
	uint16_t ooo[FT_OOO_MAX][2];   /* [start, end) received beyond len */
};

/* Adds a TCP segment (seq, syn, its payload) to a direction. Returns true
 * when the contiguous bytes grew. Allocates the buffer on first need;
 * *nomem is set when that fails. Exposed for tests. */
bool ft_dir_add(struct ft_dir *d, uint32_t seq, bool syn, struct pktcur payload, bool *nomem);
/* Drops the first n contiguous bytes (n <= len): the window slides on. */
void ft_dir_consume(struct ft_dir *d, size_t n);
void ft_dir_free(struct ft_dir *d);

/* Accounts one decoded packet (PD_OK with has_ports) of caplen bytes,
 * packet number pktno. Returns 0, or EL_ENOMEM-like -1 when a buffer
 * could not be allocated (the packet is still counted). */
int ft_packet(struct flow_table *ft, const struct pd_packet *pk, uint32_t caplen, uint64_t pktno);
/* Reads a frame decode.c handed over as PPP authentication in a PPPoE
 * session (pk->ppp_proto set, PD_NOT_IP): a PAP request goes to the
 * login sink (login_ppp.c). */
#define FT_PPP_SEEN 8             /* PPPoE PAP requests remembered for retransmissions */
void ft_ppp_auth(struct flow_table *ft, const struct pd_packet *pk, uint64_t pktno);
/* Flows live now, and buffers held now (for tests). The rest of the
 * table's interface is in capture.h. */
size_t ft_live(const struct flow_table *ft);
size_t ft_buffers(const struct flow_table *ft);

#endif
