/*
 * pcap_flow.h — the bidirectional flow table of the capture reader: TCP
 * and UDP conversations keyed on the full 5-tuple (whole IPv6
 * addresses), at most max_flows at once; when full, the least recently
 * seen flow is evicted and its results folded into the totals first, so
 * memory is bounded by flows and never by packets. Per flow: packets,
 * bytes (captured bytes of whole frames, both directions), the first
 * bytes each way (FT_BUF_MAX, in-order TCP reassembly tolerant of
 * retransmissions, out-of-order segments and missing handshakes) for the
 * classifiers of pcap_classify.h, and what they found.
 */
#ifndef EDGELINT_PCAP_FLOW_H
#define EDGELINT_PCAP_FLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pcap_classify.h"
#include "pcap_decode.h"

#define FT_BUF_MAX 4096           /* bytes kept per direction for the classifiers */
#define FT_OOO_MAX 4              /* out-of-order byte ranges remembered per direction */
#define FT_MAX_FLOWS_DEFAULT 65536
#define FT_MAX_FLOWS_LIMIT (1u << 24)
#define FT_MAX_NAMES 16384        /* distinct host names remembered */
#define FT_MAX_TLS_VERSIONS 8

/* One direction's first bytes. */
struct ft_dir {
	uint8_t *buf;             /* FT_BUF_MAX bytes, or NULL */
	uint32_t base;            /* sequence number of buf[0] */
	uint16_t len;             /* contiguous bytes from base */
	uint8_t nooo;
	bool started;             /* base is set */
	uint16_t ooo[FT_OOO_MAX][2];   /* [start, end) received beyond len */
};

/* Adds a TCP segment (seq, syn, its payload) to a direction. Returns true
 * when the contiguous bytes grew. Allocates the buffer on first need;
 * *nomem is set when that fails. Exposed for tests. */
bool ft_dir_add(struct ft_dir *d, uint32_t seq, bool syn, struct pktcur payload, bool *nomem);
void ft_dir_free(struct ft_dir *d);

/* A host name and the flows that named it. */
struct ft_name {
	char *name;
	uint8_t via;              /* enum cls_via */
	uint64_t flows;
	uint64_t first_packet;    /* packet at which it was first seen */
};

struct ft_tls {
	uint16_t version;
	uint64_t flows;
	uint64_t first_packet;    /* first packet of the first such flow */
	int32_t host;             /* a host of such a flow, or -1 */
};

/* Totals over every flow, evicted or not. */
struct ft_totals {
	uint64_t flows;           /* flows created (an evicted flow seen again counts anew) */
	uint64_t evicted;
	uint64_t https_flows, http_flows, https_bytes, http_bytes;
	uint64_t tls_flows, quic_flows;
	uint64_t port_fallback_flows;   /* web by port only: payload not recognised */
	uint64_t first_http_packet;     /* 0: none */
	struct ft_tls tls[FT_MAX_TLS_VERSIONS];
	size_t ntls;
	uint64_t names_dropped;         /* names not remembered (table full) */
};

struct flow_table;

/* A table for at most max_flows flows (1..FT_MAX_FLOWS_LIMIT). NULL on
 * out of memory. */
struct flow_table *ft_new(size_t max_flows);
void ft_free(struct flow_table *ft);
/* Accounts one decoded packet (PD_OK with has_ports) of caplen bytes,
 * packet number pktno. Returns 0, or EL_ENOMEM-like -1 when a buffer
 * could not be allocated (the packet is still counted). */
int ft_packet(struct flow_table *ft, const struct pd_packet *pk, uint32_t caplen, uint64_t pktno);
/* Folds every live flow into the totals (call once, at the end). */
void ft_finish(struct flow_table *ft);
const struct ft_totals *ft_totals(const struct flow_table *ft);
/* The names (index = id), their count. */
const struct ft_name *ft_names(const struct flow_table *ft, size_t *n);
/* Flows live now, and buffers held now (for tests). */
size_t ft_live(const struct flow_table *ft);
size_t ft_buffers(const struct flow_table *ft);

#endif
