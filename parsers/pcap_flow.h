/*
 * pcap_flow.h — the bidirectional flow table of the capture reader: TCP
 * and UDP conversations keyed on the full 5-tuple (whole IPv6
 * addresses), at most max_flows at once; when full, the least recently
 * seen flow is evicted and its results folded into the totals first, so
 * memory is bounded by flows and never by packets. Per flow: packets,
 * bytes (captured bytes of whole frames, both directions), a window of at
 * most FT_BUF_MAX bytes each way (in-order TCP reassembly tolerant of
 * retransmissions, out-of-order segments and missing handshakes): the
 * first bytes, and for flows a login reader follows, a window that slides
 * along the whole stream as the reader consumes it (pcap_classify.h), and
 * what the classifiers found. Credentials the readers find go to the sink
 * set with ft_set_login(), with the flow's endpoints.
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
/* Memory budget of the table: slots, buckets and the 4 KiB direction
 * buffers together (the names, at most FT_MAX_NAMES, and the readers'
 * small per-flow state come on top). Slots are allocated as flows come
 * (FT_SLOTS_FIRST at first, doubling, at most half the budget); a buffer
 * is allocated when a flow's payload first needs it and released when
 * its readers are done. When a new buffer would pass the budget, the
 * least recently seen flow holding one gives its buffers up and is no
 * longer read (ft_totals.budget_cut). */
#define FT_MEM_DEFAULT ((size_t)64 << 20)
#define FT_SLOTS_FIRST 1024
#define FT_MAX_NAMES 16384        /* distinct host names remembered */
#define FT_MAX_TLS_VERSIONS 8

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
	uint64_t budget_cut;            /* flows the memory budget stopped reading */
	bool budget_slots;              /* the budget kept the slots under max_flows */
	size_t budget;                  /* the budget in bytes (ft_set_budget) */
};

struct flow_table;

/* A credential with the flow it was read from: addresses are 16 bytes
 * (IPv4 in the first 4) of the initiator (client, [0]) and responder. */
struct ft_cred {
	const struct cls_cred *c;
	uint8_t fam;              /* 4 or 6 */
	const uint8_t *addr[2];
	uint16_t port[2];
};
typedef int64_t (*ft_cred_fn)(void *ctx, const struct ft_cred *c);
typedef void (*ft_again_fn)(void *ctx, int64_t id);

/* A table for at most max_flows flows (1..FT_MAX_FLOWS_LIMIT). NULL on
 * out of memory. */
struct flow_table *ft_new(size_t max_flows);
void ft_free(struct flow_table *ft);
/* The memory budget in bytes (default FT_MEM_DEFAULT); set before the
 * first packet. */
void ft_set_budget(struct flow_table *ft, size_t bytes);
/* Bytes of slots, buckets and buffers held now. */
size_t ft_memory(const struct flow_table *ft);
/* Where credentials go (NULL: nowhere) and the HTTP form field patterns
 * (NULL: form logins are not read). */
void ft_set_login(struct flow_table *ft, ft_cred_fn sink, ft_again_fn again, void *ctx,
		  const struct login_fields *fields);
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
