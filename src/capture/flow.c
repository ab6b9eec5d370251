/*
 * flow.c — the flow table of flow.h and capture.h: a chained hash over an
 * array of slots that grows (doubling, rehashed) up to max_flows while
 * the memory budget allows, an LRU list through the same slots for
 * eviction and a second one through the flows holding buffers (for the
 * budget), per-direction reassembly of the first bytes, and the
 * classifier calls. Host names are interned in a second small table
 * (open addressing, at most FT_MAX_NAMES names).
 */
#include "flow.h"
#include "../util.h"
#include "hdr.h"
#include "login.h"

#include <stdlib.h>
#include <string.h>

#define NIL UINT32_MAX
enum { L_ALL, L_BUF };

struct flow {
	uint8_t fam, proto;
	uint16_t port[2];         /* initiator, responder */
	uint8_t addr[2][16];
	uint32_t hash;
	uint32_t next;            /* hash chain */
	uint32_t lprev[2], lnext[2];   /* the lists L_ALL and L_BUF */
	uint32_t cls_mask;        /* classifiers still interested */
	bool payload;             /* carried any payload byte */
	bool in_blru;             /* on the list L_BUF */
	uint64_t packets, bytes, first_packet;
	struct cls_result res;
	struct ft_dir dir[2];
};

struct flow_table {
	struct flow *flows;
	size_t max, used, cap;    /* cap: slots allocated (grows up to max) */
	uint32_t *buckets;
	size_t nbuckets;          /* power of two */
	/* Most recently seen first: every live flow (L_ALL), and the flows
	 * holding a buffer (L_BUF, for the memory budget). */
	uint32_t head[2], tail[2];
	size_t live, buffers;
	size_t budget;            /* bytes for the slots, buckets and buffers */
	struct ft_totals tot;
	struct ft_name *names;
	size_t nnames;
	int32_t *name_slots;      /* open addressing over names, 2 * FT_MAX_NAMES */
	uint32_t all_tcp, all_udp;         /* the recognisers */
	uint32_t follow[APP_COUNT];        /* the readers of each app */
	ft_cred_fn sink;
	ft_again_fn again;
	ft_outcome_fn outcome;
	void *sink_ctx;
	const struct login_fields *fields;
	uint64_t packet;          /* the packet at hand (names' first packet) */
	struct ft_client *clients;
	size_t nclients, capclients;
	int32_t *client_slots;    /* open addressing over clients, 2 * FT_MAX_CLIENTS */
	/* PPPoE PAP requests reported lately (ft_ppp_auth): retransmissions
	 * are counted, not reported again */
	struct {
		uint64_t h;
		int64_t id;
	} ppp_seen[FT_PPP_SEEN];
	uint8_t nppp_seen;
	ft_cert_fn cert_sink;
	void *cert_ctx;
	bool has_time;            /* the packet at hand's time (ft_set_time) */
	struct cap_time time;
};

/* ---- reassembly ------------------------------------------------------- */

void ft_dir_free(struct ft_dir *d)
{
	free(d->buf);
	d->buf = NULL;
}

/* Merges out-of-order ranges that now touch the contiguous bytes. */
static void dir_merge(struct ft_dir *d)
{
	bool again = true;
	while (again) {
		again = false;
		for (uint8_t i = 0; i < d->nooo; i++) {
			if (d->ooo[i][0] <= d->len) {
				if (d->ooo[i][1] > d->len)
					d->len = d->ooo[i][1];
				d->ooo[i][0] = d->ooo[--d->nooo][0];
				d->ooo[i][1] = d->ooo[d->nooo][1];
				again = true;
				break;
			}
		}
	}
}

bool ft_dir_add(struct ft_dir *d, uint32_t seq, bool syn, struct pktcur payload, bool *nomem)
{
	if (syn) {
		seq++;   /* the SYN takes one sequence number */
		if (!d->started) {
			d->base = seq;
			d->started = true;
		}
	}
	size_t plen = pc_left(&payload);
	if (plen == 0)
		return false;
	if (!d->started) {
		/* No handshake seen: the stream starts here. */
		d->base = seq;
		d->started = true;
	}
	uint32_t off = seq - d->base;
	if (off >= 0x80000000u) {
		/* Starts before the window: keep what is after its start. */
		uint32_t skip = d->base - seq;
		if (skip >= plen)
			return false;
		pc_skip(&payload, skip);
		plen -= skip;
		off = 0;
	}
	if (d->stream && off > d->len && (d->lost || off + plen > FT_BUF_MAX)) {
		/* A reader follows this stream and bytes before this segment
		 * will not come (lost by the capture, or cut off a full
		 * window): restart the window here and say so. */
		d->base = seq;
		d->len = 0;
		d->nooo = 0;
		d->lost = false;
		d->gap = true;
		off = 0;
	}
	if (off >= FT_BUF_MAX)
		return false;
	if (d->stream && off + plen > FT_BUF_MAX)
		d->lost = true;   /* the segment's tail does not fit */
	size_t n = plen < FT_BUF_MAX - off ? plen : FT_BUF_MAX - off;
	if (!d->buf) {
		d->buf = malloc(FT_BUF_MAX);
		if (!d->buf) {
			*nomem = true;
			return false;
		}
	}
	size_t end = off + n;
	if (off > d->len) {
		/* Out of order: remember the range, or drop it when full. */
		for (uint8_t i = 0; i < d->nooo; i++) {
			if (off <= d->ooo[i][1] && end >= d->ooo[i][0]) {
				pc_copy_at(&payload, d->buf, FT_BUF_MAX, off, n);
				if (off < d->ooo[i][0])
					d->ooo[i][0] = (uint16_t)off;
				if (end > d->ooo[i][1])
					d->ooo[i][1] = (uint16_t)end;
				return false;
			}
		}
		if (d->nooo == FT_OOO_MAX)
			return false;
		pc_copy_at(&payload, d->buf, FT_BUF_MAX, off, n);
		d->ooo[d->nooo][0] = (uint16_t)off;
		d->ooo[d->nooo][1] = (uint16_t)end;
		d->nooo++;
		return false;
	}
	if (end <= d->len)
		return false;   /* a retransmission of bytes we have */
	/* Bytes already contiguous are kept (first copy wins). */
	pc_skip(&payload, d->len - off);
	pc_copy_at(&payload, d->buf, FT_BUF_MAX, d->len, end - d->len);
	d->len = (uint16_t)end;
	dir_merge(d);
	return true;
}

void ft_dir_consume(struct ft_dir *d, size_t n)
{
	if (n > d->len)
		n = d->len;
	d->stream = true;
	if (n == 0)
		return;
	if (d->buf && n < d->len)
		memmove(d->buf, d->buf + n, d->len - n);
	d->len = (uint16_t)(d->len - n);
	d->base += (uint32_t)n;
	for (uint8_t i = 0; i < d->nooo; i++) {   /* ranges lie beyond len >= n */
		d->ooo[i][0] = (uint16_t)(d->ooo[i][0] - n);
		d->ooo[i][1] = (uint16_t)(d->ooo[i][1] - n);
	}
}

/* ---- names ------------------------------------------------------------ */

static uint32_t name_hash(const char *s, size_t n, uint8_t via)
{
	uint32_t h = 2166136261u ^ via;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

/* Host names as reported: printable, no spaces or quotes, lower case. */
static bool name_clean(const char *s, size_t n, char *out)
{
	if (n == 0 || n > CLS_NAME_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '/' || c == '<' ||
		    c == '>')
			return false;
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[n] = '\0';
	return true;
}

static int32_t ft_intern(void *ctx, const char *s, size_t n, enum cls_via via)
{
	struct flow_table *ft = ctx;
	char name[CLS_NAME_MAX + 1];
	if (!name_clean(s, n, name))
		return -1;
	size_t cap = (size_t)2 * FT_MAX_NAMES;
	if (!ft->name_slots) {
		ft->name_slots = malloc(cap * sizeof(*ft->name_slots));
		ft->names = calloc(FT_MAX_NAMES, sizeof(*ft->names));
		if (!ft->name_slots || !ft->names)
			return -1;
		for (size_t i = 0; i < cap; i++)
			ft->name_slots[i] = -1;
	}
	uint32_t h = name_hash(name, n, (uint8_t)via);
	for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		int32_t id = ft->name_slots[i];
		if (id < 0) {
			if (ft->nnames >= FT_MAX_NAMES) {
				ft->tot.names_dropped++;
				return -1;
			}
			char *copy = malloc(n + 1);
			if (!copy)
				return -1;
			memcpy(copy, name, n + 1);
			id = (int32_t)ft->nnames++;
			ft->names[id] = (struct ft_name){copy, (uint8_t)via, 0, ft->packet};
			ft->name_slots[i] = id;
			return id;
		}
		if (ft->names[id].via == via && strcmp(ft->names[id].name, name) == 0)
			return id;
	}
}

/* ---- table ------------------------------------------------------------ */

struct flow_table *ft_new(size_t max_flows)
{
	if (max_flows == 0 || max_flows > FT_MAX_FLOWS_LIMIT)
		return NULL;
	struct flow_table *ft = calloc(1, sizeof(*ft));
	if (!ft)
		return NULL;
	ft->max = max_flows;
	ft->budget = FT_MEM_DEFAULT;
	ft->tot.budget = FT_MEM_DEFAULT;
	ft->cap = max_flows < FT_SLOTS_FIRST ? max_flows : FT_SLOTS_FIRST;
	ft->nbuckets = 1024;
	while (ft->nbuckets < ft->cap * 2)
		ft->nbuckets <<= 1;
	ft->flows = calloc(ft->cap, sizeof(*ft->flows));
	ft->buckets = malloc(ft->nbuckets * sizeof(*ft->buckets));
	if (!ft->flows || !ft->buckets) {
		ft_free(ft);
		return NULL;
	}
	for (size_t i = 0; i < ft->nbuckets; i++)
		ft->buckets[i] = NIL;
	ft->head[L_ALL] = ft->tail[L_ALL] = ft->head[L_BUF] = ft->tail[L_BUF] = NIL;
	for (size_t i = 0; i < nclassifiers; i++) {
		if (classifiers[i].follows != APP_NONE) {
			if (classifiers[i].follows < APP_COUNT)
				ft->follow[classifiers[i].follows] |= 1u << i;
			continue;
		}
		if (classifiers[i].tcp)
			ft->all_tcp |= 1u << i;
		if (classifiers[i].udp)
			ft->all_udp |= 1u << i;
	}
	return ft;
}

void ft_set_certs(struct flow_table *ft, ft_cert_fn sink, void *ctx)
{
	ft->cert_sink = sink;
	ft->cert_ctx = ctx;
}

void ft_set_time(struct flow_table *ft, bool has, struct cap_time t)
{
	ft->has_time = has;
	ft->time = t;
}

void ft_set_budget(struct flow_table *ft, size_t bytes)
{
	ft->budget = bytes;
	ft->tot.budget = bytes;
}

/* Bytes the slots and buckets take now. */
static size_t table_bytes(const struct flow_table *ft)
{
	return ft->cap * sizeof(struct flow) + ft->nbuckets * sizeof(uint32_t);
}

size_t ft_memory(const struct flow_table *ft)
{
	return table_bytes(ft) + ft->buffers * (size_t)FT_BUF_MAX;
}

void ft_set_login(struct flow_table *ft, ft_cred_fn sink, ft_again_fn again, void *ctx,
		  const struct login_fields *fields)
{
	ft->sink = sink;
	ft->again = again;
	ft->sink_ctx = ctx;
	ft->fields = fields;
}

void ft_free(struct flow_table *ft)
{
	if (!ft)
		return;
	if (ft->flows)
		for (size_t i = 0; i < ft->used; i++) {
			ft_dir_free(&ft->flows[i].dir[0]);
			ft_dir_free(&ft->flows[i].dir[1]);
			free(ft->flows[i].res.priv);
		}
	for (size_t i = 0; i < ft->nnames; i++)
		free(ft->names[i].name);
	free(ft->names);
	free(ft->name_slots);
	free(ft->clients);
	free(ft->client_slots);
	free(ft->flows);
	free(ft->buckets);
	free(ft);
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static uint64_t endpoint_hash(const uint8_t addr[16], uint16_t port)
{
	uint64_t a, b;
	memcpy(&a, addr, 8);
	memcpy(&b, addr + 8, 8);
	return mix64(a * 0x9e3779b97f4a7c15ULL ^ b) ^ ((uint64_t)port * 0x2545f4914f6cdd1dULL);
}

/* Direction-independent: the two endpoints combine commutatively. */
static uint32_t flow_hash(const struct pd_packet *pk)
{
	uint64_t h = endpoint_hash(pk->src, pk->sport) + endpoint_hash(pk->dst, pk->dport);
	return (uint32_t)mix64(h ^ ((uint64_t)pk->proto << 8 | pk->fam));
}

/* 0 or 1: the packet's direction in f; -1 when it is not f's. */
static int flow_match(const struct flow *f, const struct pd_packet *pk)
{
	if (f->proto != pk->proto || f->fam != pk->fam)
		return -1;
	if (f->port[0] == pk->sport && f->port[1] == pk->dport &&
	    memcmp(f->addr[0], pk->src, 16) == 0 && memcmp(f->addr[1], pk->dst, 16) == 0)
		return 0;
	if (f->port[1] == pk->sport && f->port[0] == pk->dport &&
	    memcmp(f->addr[1], pk->src, 16) == 0 && memcmp(f->addr[0], pk->dst, 16) == 0)
		return 1;
	return -1;
}

static void list_unlink(struct flow_table *ft, int l, uint32_t i)
{
	struct flow *f = &ft->flows[i];
	if (f->lprev[l] != NIL)
		ft->flows[f->lprev[l]].lnext[l] = f->lnext[l];
	else
		ft->head[l] = f->lnext[l];
	if (f->lnext[l] != NIL)
		ft->flows[f->lnext[l]].lprev[l] = f->lprev[l];
	else
		ft->tail[l] = f->lprev[l];
}

static void list_push(struct flow_table *ft, int l, uint32_t i)
{
	struct flow *f = &ft->flows[i];
	f->lprev[l] = NIL;
	f->lnext[l] = ft->head[l];
	if (ft->head[l] != NIL)
		ft->flows[ft->head[l]].lprev[l] = i;
	ft->head[l] = i;
	if (ft->tail[l] == NIL)
		ft->tail[l] = i;
}

/* The list of flows holding a buffer: under the memory budget, the least
 * recently seen one gives its buffers up. */
static void blru_unlink(struct flow_table *ft, uint32_t i)
{
	if (!ft->flows[i].in_blru)
		return;
	list_unlink(ft, L_BUF, i);
	ft->flows[i].in_blru = false;
}

static void blru_push(struct flow_table *ft, uint32_t i)
{
	list_push(ft, L_BUF, i);
	ft->flows[i].in_blru = true;
}

/* Puts the flow on the buffer list (at its head) when it holds a buffer,
 * takes it off when it holds none. */
static void blru_sync(struct flow_table *ft, struct flow *f)
{
	uint32_t i = (uint32_t)(f - ft->flows);
	blru_unlink(ft, i);
	if (f->dir[0].buf || f->dir[1].buf)
		blru_push(ft, i);
}

static void flow_release_buffers(struct flow_table *ft, struct flow *f)
{
	for (int d = 0; d < 2; d++)
		if (f->dir[d].buf) {
			ft_dir_free(&f->dir[d]);
			ft->buffers--;
		}
	free(f->res.priv);
	f->res.priv = NULL;
	blru_unlink(ft, (uint32_t)(f - ft->flows));
}

/* The memory budget takes a flow's buffers before its content was read to
 * the end: it is no longer read (its packets and bytes still count). */
static void flow_cut(struct flow_table *ft, struct flow *f)
{
	flow_release_buffers(ft, f);
	f->cls_mask = 0;
	ft->tot.budget_cut++;
}

/* Room for one more buffer for flow keep: other flows' buffers are taken,
 * least recently seen first. false when none is left to take. */
static bool make_room(struct flow_table *ft, const struct flow *keep)
{
	while (ft_memory(ft) + FT_BUF_MAX > ft->budget) {
		uint32_t v = ft->tail[L_BUF];
		if (v == NIL || &ft->flows[v] == keep) {
			if (v != NIL && ft->flows[v].lprev[L_BUF] != NIL)
				v = ft->flows[v].lprev[L_BUF];   /* keep is last: the one before it */
			else
				return false;
		}
		flow_cut(ft, &ft->flows[v]);
	}
	return true;
}

/* ---- clients ---------------------------------------------------------- */

#define CLIENT_SLOTS ((size_t)2 * FT_MAX_CLIENTS)

/* The client of address addr (family fam), added when new; NULL when
 * FT_MAX_CLIENTS are kept already or memory ran out (the caller counts
 * what it could not add). */
static struct ft_client *client_get(struct flow_table *ft, uint8_t fam, const uint8_t addr[16])
{
	if (!ft->client_slots) {
		ft->client_slots = malloc(CLIENT_SLOTS * sizeof(*ft->client_slots));
		if (!ft->client_slots) {
			ft->tot.clients_nomem = true;
			return NULL;
		}
		for (size_t i = 0; i < CLIENT_SLOTS; i++)
			ft->client_slots[i] = -1;
	}
	size_t s = (size_t)(endpoint_hash(addr, fam) & (CLIENT_SLOTS - 1));
	for (; ft->client_slots[s] >= 0; s = (s + 1) & (CLIENT_SLOTS - 1)) {
		struct ft_client *c = &ft->clients[ft->client_slots[s]];
		if (c->fam == fam && memcmp(c->addr, addr, 16) == 0)
			return c;
	}
	if (ft->nclients >= FT_MAX_CLIENTS)
		return NULL;
	struct ft_client *nv = vec_grow(ft->clients, &ft->capclients, ft->nclients, sizeof(*nv));
	if (!nv) {
		ft->tot.clients_nomem = true;
		return NULL;
	}
	ft->clients = nv;
	struct ft_client *c = &ft->clients[ft->nclients];
	memset(c, 0, sizeof(*c));
	c->fam = fam;
	memcpy(c->addr, addr, 16);
	ft->client_slots[s] = (int32_t)ft->nclients++;
	return c;
}

const struct ft_client *ft_clients(const struct flow_table *ft, size_t *n)
{
	*n = ft->nclients;
	return ft->clients;
}

/* Adds a flow's results to the totals. */
static void flow_fold(struct flow_table *ft, struct flow *f)
{
	struct ft_totals *t = &ft->tot;
	uint8_t app = f->res.app;
	/* The client: the initiator, unless the capture began mid-flow and
	 * the first packet seen came from a web server's port. */
	uint16_t sp = f->port[1], cp = f->port[0];
	bool from_server = (cp == 443 || cp == 80) && sp != 443 && sp != 80;
	if (app == APP_NONE) {
		/* Nothing recognised in the payload (or no payload at all):
		 * the only evidence left is the port. */
		if (from_server)
			sp = cp;   /* seen from the server side first */
		if (sp == 443)
			app = f->proto == 17 ? APP_QUIC : APP_TLS;
		else if (sp == 80 && f->proto == 6)
			app = APP_HTTP;
		if (app != APP_NONE)
			t->port_fallback_flows++;
	}
	struct ft_client *cl = client_get(ft, f->fam, f->addr[from_server ? 1 : 0]);
	if (cl) {
		cl->flows++;
		cl->bytes += f->bytes;
		if (app == APP_TLS || app == APP_QUIC) {
			cl->https_flows++;
			cl->https_bytes += f->bytes;
		} else if (app == APP_HTTP) {
			cl->http_flows++;
			cl->http_bytes += f->bytes;
		}
	} else {
		t->clients_dropped_flows++;
	}
	if (app == APP_TLS || app == APP_QUIC) {
		t->https_flows++;
		t->https_bytes += f->bytes;
		if (app == APP_TLS)
			t->tls_flows++;
		else
			t->quic_flows++;
	} else if (app == APP_HTTP) {
		t->http_flows++;
		t->http_bytes += f->bytes;
		if (!t->first_http_packet || f->first_packet < t->first_http_packet)
			t->first_http_packet = f->first_packet;
	}
	if (f->res.host >= 0 && (size_t)f->res.host < ft->nnames)
		ft->names[f->res.host].flows++;
	uint16_t v = f->res.tls_version ? f->res.tls_version : f->res.tls_offered;
	/* QUIC flows whose ClientHello was read count too: QUIC runs TLS 1.3
	 * and nothing older (RFC 9001 §4.2), which the ClientHello offers. */
	if ((f->res.app == APP_TLS || f->res.app == APP_QUIC) && v) {
		size_t k = 0;
		while (k < t->ntls && t->tls[k].version != v)
			k++;
		if (k == t->ntls && k < FT_MAX_TLS_VERSIONS)
			t->tls[t->ntls++] = (struct ft_tls){v, 0, 0, -1};
		if (k < t->ntls) {
			struct ft_tls *e = &t->tls[k];
			e->flows++;
			if (!e->first_packet || f->first_packet < e->first_packet) {
				e->first_packet = f->first_packet;
				e->host = f->res.host;
			}
		}
	}
}

static void flow_evict(struct flow_table *ft, uint32_t i)
{
	struct flow *f = &ft->flows[i];
	flow_fold(ft, f);
	flow_release_buffers(ft, f);
	uint32_t *pp = &ft->buckets[f->hash & (ft->nbuckets - 1)];
	while (*pp != NIL && *pp != i)
		pp = &ft->flows[*pp].next;
	if (*pp == i)
		*pp = f->next;
	list_unlink(ft, L_ALL, i);
	ft->live--;
	ft->tot.evicted++;
}

/* UDP flows keep no stream bytes, so direction 0's buffer serves as the
 * classifiers' scratch memory (cls_view.scratch). */
_Static_assert(FT_BUF_MAX >= CLS_SCRATCH_MAX, "the scratch is a direction buffer");

struct scratch_ctx {
	struct flow_table *ft;
	struct flow *f;
};

static void *flow_scratch(void *ctx)
{
	struct scratch_ctx *s = ctx;
	struct ft_dir *d = &s->f->dir[0];
	if (!d->buf) {
		if (!make_room(s->ft, s->f))
			return NULL;
		d->buf = calloc(1, FT_BUF_MAX);
		if (!d->buf)
			return NULL;
		s->ft->buffers++;
		blru_sync(s->ft, s->f);
	}
	return d->buf;
}


/* The sink's view of a credential: the flow's endpoints added. */
struct cred_ctx {
	struct flow_table *ft;
	const struct flow *f;
};

static int64_t ft_cred(void *ctx, const struct cls_cred *c)
{
	const struct cred_ctx *cc = ctx;
	if (!c->anonymous && !c->hash_type) {
		/* A cleartext login (not an anonymous one, not a crackable
		 * hash: EL406 counts those): its client is the flow's
		 * initiator, as in the credential itself (struct ft_cred). */
		struct ft_client *cl = client_get(cc->ft, cc->f->fam, cc->f->addr[0]);
		if (cl)
			cl->logins++;
		else
			cc->ft->tot.clients_dropped_logins++;
	}
	if (!cc->ft->sink)
		return -1;
	struct ft_cred fc = {.c = c, .fam = cc->f->fam};
	for (int d = 0; d < 2; d++) {
		fc.addr[d] = cc->f->addr[d];
		fc.port[d] = cc->f->port[d];
	}
	return cc->ft->sink(cc->ft->sink_ctx, &fc);
}

static void ft_cert(void *ctx, const struct cls_cert *c)
{
	const struct cred_ctx *cc = ctx;
	struct ft_cert fc = {.c = c, .fam = cc->f->fam};
	for (int d = 0; d < 2; d++) {
		fc.addr[d] = cc->f->addr[d];
		fc.port[d] = cc->f->port[d];
	}
	cc->ft->cert_sink(cc->ft->cert_ctx, &fc);
}

static const char *ft_name_of(void *ctx, int32_t id)
{
	const struct flow_table *ft = ctx;
	return id >= 0 && (size_t)id < ft->nnames ? ft->names[id].name : NULL;
}

void ft_set_outcome(struct flow_table *ft, ft_outcome_fn outcome)
{
	ft->outcome = outcome;
}

static void ft_cred_outcome(void *ctx, int64_t id, enum cred_outcome o)
{
	const struct cred_ctx *cc = ctx;
	if (cc->ft->outcome && id >= 0)
		cc->ft->outcome(cc->ft->sink_ctx, id, o);
}

static void ft_cred_again(void *ctx, int64_t id)
{
	const struct cred_ctx *cc = ctx;
	if (cc->ft->again && id >= 0)
		cc->ft->again(cc->ft->sink_ctx, id);
}

/* Runs the interested classifiers on the flow's bytes so far, then slides
 * the windows by what the readers consumed. */
static void flow_classify(struct flow_table *ft, struct flow *f, const struct pd_packet *pk,
			  int dir, uint64_t pktno)
{
	struct cred_ctx cc = {ft, f};
	struct cls_view v = {.udp = f->proto == 17, .packet = pktno, .intern = ft_intern,
			     .intern_ctx = ft, .cred = ft_cred, .cred_again = ft_cred_again,
			     .cred_outcome = ft_cred_outcome,
			     .cred_ctx = &cc, .fields = ft->fields, .has_time = ft->has_time,
			     .time = ft->time, .cert = ft->cert_sink ? ft_cert : NULL,
			     .name_of = ft_name_of};
	v.port[0] = f->port[0];
	v.port[1] = f->port[1];
	struct scratch_ctx sc = {ft, f};
	if (v.udp) {
		v.scratch = flow_scratch;
		v.scratch_ctx = &sc;
		v.data[dir] = pk->payload;
		pc_init(&v.data[!dir], NULL, 0);
		v.final[0] = v.final[1] = false;
	} else {
		for (int d = 0; d < 2; d++) {
			pc_init(&v.data[d], f->dir[d].buf, f->dir[d].len);
			v.final[d] = f->dir[d].muted || f->dir[d].len >= FT_BUF_MAX;
			v.gap[d] = f->dir[d].gap;
			f->dir[d].gap = false;
		}
	}
	for (size_t i = 0; i < nclassifiers && f->cls_mask; i++) {
		uint32_t bit = 1u << i;
		if (!(f->cls_mask & bit))
			continue;
		uint8_t before = f->res.app;
		enum cls_verdict r = classifiers[i].run(&v, &f->res);
		if (r != CLS_MORE)
			f->cls_mask &= ~bit;
		if (before == APP_NONE && f->res.app != APP_NONE) {
			/* claimed: the claimant (when it wants more) and the
			 * app's readers go on, nobody else */
			f->cls_mask &= r == CLS_MORE ? bit : 0;
			if (f->res.app < APP_COUNT)
				f->cls_mask |= ft->follow[f->res.app];
		}
	}
	if (v.udp) {
		if (!f->cls_mask)
			flow_release_buffers(ft, f);
		return;
	}
	bool fin[2];
	for (int d = 0; d < 2; d++) {
		struct ft_dir *fd = &f->dir[d];
		if (f->res.consumed[d]) {
			ft_dir_consume(fd, f->res.consumed[d]);
			f->res.consumed[d] = 0;
			if (fd->len == 0 && fd->nooo == 0 && fd->buf) {
				ft_dir_free(fd);   /* nothing pending: no buffer held */
				ft->buffers--;
			}
		}
		if ((f->res.mute & (1u << d)) && !fd->muted) {
			fd->muted = true;
			if (fd->buf) {
				ft_dir_free(fd);
				ft->buffers--;
			}
		}
		fin[d] = fd->muted || fd->len >= FT_BUF_MAX;
	}
	if (fin[0] && fin[1])
		f->cls_mask = 0;
	if (!f->cls_mask)
		flow_release_buffers(ft, f);
	else
		blru_sync(ft, f);
}

/* Doubles the slots (up to max) when the budget allows the slots and
 * buckets to take at most half of it; the buckets follow (2 per slot).
 * false: the table stays as it is (the least recently seen flow goes). */
static bool ft_grow(struct flow_table *ft)
{
	if (ft->cap >= ft->max)
		return false;
	size_t ncap = ft->cap * 2 < ft->max ? ft->cap * 2 : ft->max;
	size_t nb = ft->nbuckets;
	while (nb < ncap * 2)
		nb <<= 1;
	if (ncap * sizeof(struct flow) + nb * sizeof(uint32_t) > ft->budget / 2) {
		ft->tot.budget_slots = true;
		return false;
	}
	struct flow *nf = realloc(ft->flows, ncap * sizeof(*nf));
	if (!nf)
		return false;
	ft->flows = nf;
	memset(nf + ft->cap, 0, (ncap - ft->cap) * sizeof(*nf));
	ft->cap = ncap;
	if (nb != ft->nbuckets) {
		uint32_t *b = malloc(nb * sizeof(*b));
		if (!b)
			return true;   /* more slots, the same buckets: still correct */
		for (size_t i = 0; i < nb; i++)
			b[i] = NIL;
		for (uint32_t i = 0; i < ft->used; i++) {   /* every used slot is live */
			uint32_t *head = &b[ft->flows[i].hash & (nb - 1)];
			ft->flows[i].next = *head;
			*head = i;
		}
		free(ft->buckets);
		ft->buckets = b;
		ft->nbuckets = nb;
	}
	return true;
}

int ft_packet(struct flow_table *ft, const struct pd_packet *pk, uint32_t caplen, uint64_t pktno)
{
	if (!pk->has_ports || (pk->proto != 6 && pk->proto != 17))
		return 0;
	uint32_t h = flow_hash(pk);
	uint32_t *bucket = &ft->buckets[h & (ft->nbuckets - 1)];
	uint32_t i = *bucket;
	int dir = -1;
	while (i != NIL) {
		struct flow *f = &ft->flows[i];
		if (f->hash == h && (dir = flow_match(f, pk)) >= 0)
			break;
		i = f->next;
	}
	if (i == NIL) {
		if (ft->used < ft->cap || ft_grow(ft)) {
			i = (uint32_t)ft->used++;
			bucket = &ft->buckets[h & (ft->nbuckets - 1)];
		} else {
			i = ft->tail[L_ALL];
			flow_evict(ft, i);
		}
		struct flow *f = &ft->flows[i];
		memset(f, 0, sizeof(*f));
		f->fam = pk->fam;
		f->proto = pk->proto;
		/* The initiator: the sender, unless this is a SYN-ACK, or
		 * (no SYN seen: the capture started mid-conversation) it is
		 * sent from a well-known port (< 1024) to a port that is not
		 * one: then it is the server's, as a greeting often is. */
		bool syn = pk->proto == 6 && (pk->tcp_flags & PD_TCP_SYN);
		int s = (pk->proto == 6 && (pk->tcp_flags & (PD_TCP_SYN | PD_TCP_ACK)) ==
						   (PD_TCP_SYN | PD_TCP_ACK)) ||
				(!syn && pk->sport < 1024 && pk->dport >= 1024)
			? 1
			: 0;
		memcpy(f->addr[s], pk->src, 16);
		memcpy(f->addr[!s], pk->dst, 16);
		f->port[s] = pk->sport;
		f->port[!s] = pk->dport;
		dir = s;
		f->hash = h;
		f->first_packet = pktno;
		f->res.host = -1;
		f->cls_mask = pk->proto == 6 ? ft->all_tcp : ft->all_udp;
		f->next = *bucket;
		*bucket = i;
		list_push(ft, L_ALL, i);
		ft->live++;
		ft->tot.flows++;
	} else if (ft->head[L_ALL] != i) {
		list_unlink(ft, L_ALL, i);
		list_push(ft, L_ALL, i);
	}
	if (ft->flows[i].in_blru && ft->head[L_BUF] != i) {
		blru_unlink(ft, i);
		blru_push(ft, i);
	}
	struct flow *f = &ft->flows[i];
	ft->packet = pktno;
	f->packets++;
	f->bytes += caplen;
	size_t plen = pc_left(&pk->payload);
	if (plen)
		f->payload = true;
	if (!f->cls_mask)
		return 0;
	if (pk->proto == 17) {
		if (plen)
			flow_classify(ft, f, pk, dir, pktno);
		return 0;
	}
	if (f->dir[dir].muted)
		return 0;
	bool nomem = false;
	bool had = f->dir[dir].buf != NULL;
	if (!had && plen && !make_room(ft, f)) {
		flow_cut(ft, f);   /* no other flow's buffer left to take */
		return 0;
	}
	bool grew = ft_dir_add(&f->dir[dir], pk->seq, (pk->tcp_flags & PD_TCP_SYN) != 0,
			       pk->payload, &nomem);
	if (!had && f->dir[dir].buf) {
		ft->buffers++;
		blru_sync(ft, f);
	}
	if (grew)
		flow_classify(ft, f, pk, dir, pktno);
	return nomem ? -1 : 0;
}

/* A PPPoE session frame carrying PPP authentication (pk->ppp_proto, from
 * decode.c): a PAP Authenticate-Request is reported with the frame's MAC
 * addresses (fam 0, the MAC in the first 6 bytes; the session id as both
 * ports), the sender as the client. Frames without an Ethernet header
 * (Linux cooked captures) have no receiver's address: not reported. */
void ft_ppp_auth(struct flow_table *ft, const struct pd_packet *pk, uint64_t pktno)
{
	struct pktcur user = PC_NONE, pw = PC_NONE;
	uint64_t h;
	if (!ft->sink || !pk->eth || pk->ppp_proto != 0xc023 ||
	    !ppp_pap_request(pk->payload, &user, &pw, &h))
		return;
	uint8_t addr[2][16] = {{0}};
	GET_CPY_BYTES(addr[0], pk->eth->ether_shost);
	GET_CPY_BYTES(addr[1], pk->eth->ether_dhost);
	for (int k = 0; k < 12; k++)
		h = (h ^ addr[k / 6][k % 6]) * 1099511628211ULL;
	h ^= (uint64_t)pk->pppoe_session << 48;
	for (uint8_t i = 0; i < ft->nppp_seen; i++)
		if (ft->ppp_seen[i].h == h) {
			if (ft->again && ft->ppp_seen[i].id >= 0)
				ft->again(ft->sink_ctx, ft->ppp_seen[i].id);
			return;
		}
	uint8_t name[LG_USER_MAX], secret[LG_SECRET_MAX];
	struct cls_cred cr;
	int64_t id = -1;
	if (ppp_pap_cred(user, pw, "PPPoE PAP", pktno, name, secret, &cr)) {
		struct ft_cred fc = {.c = &cr, .fam = 0, .addr = {addr[0], addr[1]},
				     .port = {pk->pppoe_session, pk->pppoe_session}};
		id = ft->sink(ft->sink_ctx, &fc);
	}
	memset(secret, 0, sizeof(secret));
	/* when the list is full, a slot the hash picks is reused */
	uint8_t slot = ft->nppp_seen < FT_PPP_SEEN ? ft->nppp_seen++ : (uint8_t)(h % FT_PPP_SEEN);
	ft->ppp_seen[slot].h = h;
	ft->ppp_seen[slot].id = id;
}

void ft_finish(struct flow_table *ft)
{
	for (uint32_t i = ft->head[L_ALL]; i != NIL; i = ft->flows[i].lnext[L_ALL]) {
		flow_fold(ft, &ft->flows[i]);
		flow_release_buffers(ft, &ft->flows[i]);
	}
	ft->head[L_ALL] = ft->tail[L_ALL] = NIL;
	ft->live = 0;
}

const struct ft_totals *ft_totals(const struct flow_table *ft)
{
	return &ft->tot;
}

const struct ft_name *ft_names(const struct flow_table *ft, size_t *n)
{
	*n = ft->nnames;
	return ft->names;
}

size_t ft_live(const struct flow_table *ft)
{
	return ft->live;
}

size_t ft_buffers(const struct flow_table *ft)
{
	return ft->buffers;
}
