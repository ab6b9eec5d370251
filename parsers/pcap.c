/*
 * pcap.c — packet captures (kind "pcap"): classic pcap in either byte
 * order with micro- or nanosecond stamps, and pcapng, read with libpcap
 * one record at a time (pcap_next_ex), never loaded whole: memory is the
 * flow table's (pcap_flow.h), whatever the size of the file.
 *
 * Each frame goes through pcap_decode.c (link, IP, TCP/UDP, all through
 * the bounds-checked cursor) into the flow table, whose classifiers
 * (pcap_classify.c) recognise TLS, QUIC and HTTP by content. The result
 * is the input's struct traffic, which src/checks/traffic.c judges.
 *
 * Link types: libpcap 1.10 gives one link type per file (pcap_datalink);
 * it has no per-packet link type for pcapng, and it refuses a pcapng
 * whose interfaces differ in link type or snapshot length. So pcapng
 * (first 4 bytes 0x0A0D0D0A, whatever the file's name) is read by our own
 * reader, parsers/pcapng.c, which gives each packet its interface's link
 * type; libpcap reads classic pcap. traffic.link names the first
 * interface's link type; a note lists them when interfaces differ.
 *
 * A record that cannot be read (truncated file, caplen over the snapshot
 * length or over its pcapng block) ends the capture: what was read before
 * it is still analysed and reported, the error names the packet number,
 * and the input is marked in error (exit 2).
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "parsers.h"
#include "pcap_classify.h"
#include "pcap_decode.h"
#include "pcap_flow.h"
#include "pcapng.h"
#include "../src/registry.h"

static int pcap_probe(const char *head, size_t n)
{
	static const unsigned char magics[][4] = {
		{0xd4, 0xc3, 0xb2, 0xa1}, {0xa1, 0xb2, 0xc3, 0xd4},  /* µs */
		{0x4d, 0x3c, 0xb2, 0xa1}, {0xa1, 0xb2, 0x3c, 0x4d},  /* ns */
		{0x0a, 0x0d, 0x0d, 0x0a},                            /* pcapng SHB */
	};
	if (n < 4)
		return 0;
	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (memcmp(head, magics[i], 4) == 0)
			return 100;
	return 0;
}

static double mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A pcapng file starts with its Section Header Block's type. */
static bool is_pcapng(const uint8_t *h, size_t n)
{
	static const uint8_t shb[4] = {0x0a, 0x0d, 0x0d, 0x0a};
	return n >= 4 && memcmp(h, shb, 4) == 0;
}

/* A stream that cannot be rewound (standard input, a pipe such as
 * <(zcat f.pcap.gz)) with its first bytes, peeked for the magic, put back
 * in front, for libpcap. */
struct replay {
	FILE *src;            /* closed with the stream unless stdin */
	uint8_t head[4];
	size_t n, off;
};

static ssize_t replay_read(void *cookie, char *buf, size_t size)
{
	struct replay *r = cookie;
	size_t got = 0;
	while (got < size && r->off < r->n)
		buf[got++] = (char)r->head[r->off++];
	if (got < size)
		got += fread(buf + got, 1, size - got, r->src);
	return (ssize_t)got;
}

static int replay_close(void *cookie)
{
	struct replay *r = cookie;
	if (r->src != stdin)
		fclose(r->src);
	free(r);
	return 0;
}

/* libpcap on src after its first n bytes (head): NULL with errbuf set;
 * src is closed on failure unless stdin. */
static pcap_t *replay_open(FILE *src, const uint8_t *head, size_t n, char *errbuf)
{
	struct replay *r = calloc(1, sizeof(*r));
	cookie_io_functions_t io = {.read = replay_read, .close = replay_close};
	FILE *f = r ? fopencookie(r, "rb", io) : NULL;
	if (!f) {
		free(r);
		if (src != stdin)
			fclose(src);
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "out of memory");
		return NULL;
	}
	r->src = src;
	memcpy(r->head, head, n);
	r->n = n;
	pcap_t *p = pcap_fopen_offline_with_tstamp_precision(f, PCAP_TSTAMP_PRECISION_MICRO, errbuf);
	if (!p)
		fclose(f);
	return p;
}

/* The capture being read: libpcap (classic pcap) or our pcapng reader. */
struct capture {
	pcap_t *p;
	struct png_reader *ng;
	FILE *ngf;            /* the pcapng reader's stream, closed at the end unless stdin */
};

static void capture_close(struct capture *c)
{
	if (c->p)
		pcap_close(c->p);
	png_close(c->ng);
	if (c->ngf && c->ngf != stdin)
		fclose(c->ngf);
}

/* Opens the capture: the bytes in in->data when set, else standard input
 * or the file. *size is the file's size when known (for progress).
 * 0, or -1 with errbuf set. */
static int pcap_open_input(struct input *in, char *errbuf, uint64_t *size, struct capture *c)
{
	*size = 0;
	memset(c, 0, sizeof(*c));
	if (in->data) {
		FILE *mem = fmemopen(in->data, in->len, "rb");
		if (!mem) {
			snprintf(errbuf, PCAP_ERRBUF_SIZE, "out of memory");
			return -1;
		}
		if (is_pcapng((const uint8_t *)in->data, in->len)) {
			c->ngf = mem;
			c->ng = png_open(mem, NULL, 0);
		} else {
			c->p = pcap_fopen_offline_with_tstamp_precision(mem, PCAP_TSTAMP_PRECISION_MICRO,
									errbuf);
			if (!c->p) {
				fclose(mem);
				return -1;
			}
			return 0;
		}
	} else {
		bool is_stdin = strcmp(in->path, "-") == 0;
		struct stat st;
		bool regular = !is_stdin && !in->stream && stat(in->path, &st) == 0 &&
			       S_ISREG(st.st_mode);
		if (regular)
			*size = (uint64_t)st.st_size;
		/* in->stream: a pipe or FIFO run.c has probed (see run_input). */
		FILE *f = in->stream ? in->stream : is_stdin ? stdin : fopen(in->path, "rb");
		in->stream = NULL;
		uint8_t head[4];
		size_t n = f ? fread(head, 1, sizeof(head), f) : 0;
		if (f && is_pcapng(head, n)) {
			c->ngf = f;
			c->ng = png_open(f, head, n);
		} else if (f && !regular && !ferror(f)) {
			c->p = replay_open(f, head, n, errbuf);
			return c->p ? 0 : -1;
		} else {
			/* A regular file (libpcap knows its offset, for progress),
			 * or one fopen could not open (libpcap says why). */
			if (f)
				fclose(f);
			c->p = pcap_open_offline_with_tstamp_precision(in->path,
								       PCAP_TSTAMP_PRECISION_MICRO, errbuf);
			return c->p ? 0 : -1;
		}
	}
	if (!c->ng) {
		capture_close(c);
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "out of memory");
		return -1;
	}
	return 0;
}

/* The next frame: 1, 0 at the end, -1 on an error (capture_error). */
static int capture_next(struct capture *c, int pcap_link, const uint8_t **data, uint32_t *caplen,
			int *link)
{
	if (c->ng) {
		struct png_packet pk;
		int rc = png_next(c->ng, &pk);
		if (rc == 1) {
			*data = pk.data;
			*caplen = pk.caplen;
			*link = pk.link;
		}
		return rc;
	}
	struct pcap_pkthdr *h;
	const u_char *d;
	int rc = pcap_next_ex(c->p, &h, &d);
	if (rc == 1) {
		*data = d;
		*caplen = h->caplen;
		*link = pcap_link;
		return 1;
	}
	return rc == -1 ? -1 : 0;   /* -2: end of file */
}

static const char *capture_error(struct capture *c)
{
	return c->ng ? png_error(c->ng) : pcap_geterr(c->p);
}

/* The same for a Japanese report: our pcapng reader says it in Japanese;
 * libpcap's own message is English, quoted as libpcap's. */
static const char *capture_error_ja(struct input *in, struct capture *c)
{
	const char *e = c->ng ? NULL : arena_printf(&in->arena, "libpcap のエラー「%s」",
						     pcap_geterr(c->p));
	return c->ng ? png_error_ja(c->ng) : e ? e : pcap_geterr(c->p);
}

static uint64_t capture_pos(struct capture *c)
{
	if (c->ng)
		return png_offset(c->ng);
	FILE *pf = pcap_file(c->p);
	long pos = pf ? ftell(pf) : -1;
	return pos > 0 ? (uint64_t)pos : 0;
}

/* The link type edgelint does not read, as an error: nothing analysed. */
static void link_unsupported(struct input *in, int link)
{
	const char *dn = pcap_datalink_val_to_name(link);
	input_diag(in, DIAG_ERROR, 0, 0,
		   "link type %s (%d) is not one edgelint reads (Ethernet, Linux cooked "
		   "v1/v2, raw IP, BSD loopback); no packet was analysed",
		   "リンク種別 %s（%d）は edgelint が読めない種類です（Ethernet、Linux cooked "
		   "v1/v2、raw IP、BSD loopback に対応）。パケットは解析していません",
		   dn ? dn : "?", link);
}

/* pcapng: the first interface's link type in t, and a note when the
 * interfaces have several; packets on unread link types counted. */
static void pcapng_links(struct input *in, struct traffic *t, const struct png_links *l,
			 uint64_t packets, uint64_t skipped, int skipped_link)
{
	if (l->n) {
		t->link = l->v[0];
		t->link_name = pd_link_name(t->link);
	}
	if (l->n > 1 || l->more) {
		char names[256] = "";
		size_t o = 0;
		for (size_t i = 0; i < l->n && o < sizeof(names); i++) {
			const char *nm = pd_link_name(l->v[i]);
			const char *dn = nm ? NULL : pcap_datalink_val_to_name(l->v[i]);
			int w = nm ? snprintf(names + o, sizeof(names) - o, "%s%s", i ? ", " : "", nm)
				   : snprintf(names + o, sizeof(names) - o, "%s%s (%d)", i ? ", " : "",
					      dn ? dn : "?", l->v[i]);
			if (w < 0)
				break;
			o += (size_t)w;
		}
		input_diag(in, DIAG_NOTE, 0, 0,
			   "the capture's %" PRIu64 " interfaces have several link types (%s%s); "
			   "\"link\" names the first, each packet is decoded by its own",
			   "キャプチャの %" PRIu64 " 個のインターフェースのリンク種別は複数です（%s%s）。"
			   "\"link\" は最初のもので、各パケットはそれぞれのリンク種別で解析しました",
			   l->ifaces, names, l->more ? ", …" : "");
	}
	if (skipped && skipped == packets && l->n && !t->link_name) {
		link_unsupported(in, skipped_link);
	} else if (skipped) {
		const char *dn = pcap_datalink_val_to_name(skipped_link);
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%" PRIu64 " packets are on interfaces whose link type (such as %s, %d) "
			   "edgelint does not read; they were not analysed",
			   "%" PRIu64 " パケットは edgelint が読めないリンク種別（%s、%d など）の"
			   "インターフェースのもので、解析していません",
			   skipped, dn ? dn : "?", skipped_link);
	}
}

/* ---- credentials ------------------------------------------------------ */

/* Where the login readers' credentials go while the capture is read:
 * growing lists (malloc) copied into the input's arena at the end. Each
 * kept secret is copied into the arena and registered with
 * input_add_secret, so no report prints it. */
struct cred_list {
	struct traffic_cred *v;
	size_t n, cap;
	uint64_t total;
};
struct cred_sink {
	struct input *in;
	struct cred_list leak, anon;
	bool nomem;
};

/* "192.0.2.1:21", "[2001:db8::1]:21" */
static const char *endpoint(struct input *in, uint8_t fam, const uint8_t *addr, uint16_t port)
{
	char ip[INET6_ADDRSTRLEN];
	if (!inet_ntop(fam == 6 ? AF_INET6 : AF_INET, addr, ip, sizeof(ip)))
		snprintf(ip, sizeof(ip), "?");
	return arena_printf(&in->arena, fam == 6 ? "[%s]:%u" : "%s:%u", ip, (unsigned)port);
}

static int64_t pcap_cred(void *ctx, const struct ft_cred *fc)
{
	struct cred_sink *s = ctx;
	const struct cls_cred *c = fc->c;
	struct cred_list *l = c->anonymous ? &s->anon : &s->leak;
	struct input *in = s->in;
	l->total++;
	/* Every secret is registered, kept in the list or not: past the list's
	 * limit credentials stop being printed, never being protected (a later
	 * password may be another login's user name or a host name). */
	char *secret = arena_alloc(&in->arena, c->secret_len + 1);
	if (!secret) {
		s->nomem = true;
		return -1;
	}
	memcpy(secret, c->secret, c->secret_len);
	secret[c->secret_len] = '\0';
	if (input_add_secret(in, secret, c->secret_len)) {
		s->nomem = true;   /* never kept without its mask */
		return -1;
	}
	if (l->n >= TRAFFIC_CREDS_MAX)
		return -1;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct traffic_cred *nv = realloc(l->v, cap * sizeof(*nv));
		if (!nv) {
			s->nomem = true;
			return -1;
		}
		l->v = nv;
		l->cap = cap;
	}
	struct traffic_cred *t = &l->v[l->n];
	t->protocol = c->protocol;
	t->client = endpoint(in, fc->fam, fc->addr[0], fc->port[0]);
	t->server = endpoint(in, fc->fam, fc->addr[1], fc->port[1]);
	/* A user name equal to its own password (ignoring case) is the
	 * password: it is never copied, and the login is reported as that
	 * weakness (EL403 user-as-password). Any other user name is printed
	 * as itself, even when it was also tried as a password in another
	 * login (a brute force): input publics, model.h. */
	t->user_is_password = c->user && c->user_len == c->secret_len &&
			      strncasecmp((const char *)c->user, (const char *)c->secret,
					  c->user_len) == 0;
	t->user = c->user && !t->user_is_password
			  ? arena_strndup(&in->arena, (const char *)c->user, c->user_len)
			  : NULL;
	t->packet = c->packet;
	t->count = 1;
	t->anonymous = c->anonymous;
	if (!t->client || !t->server || (c->user && !t->user_is_password && !t->user)) {
		s->nomem = true;
		return -1;
	}
	return (int64_t)(l->n++) * 2 + (c->anonymous ? 1 : 0);
}

static void pcap_cred_again(void *ctx, int64_t id)
{
	struct cred_sink *s = ctx;
	struct cred_list *l = (id & 1) ? &s->anon : &s->leak;
	size_t i = (size_t)(id / 2);
	if (i < l->n)
		l->v[i].count++;
}

/* Moves a list into the arena. */
static int cred_keep(struct input *in, struct cred_list *l, struct traffic_cred **out, size_t *n,
		     uint64_t *total)
{
	*out = NULL;
	*n = l->n;
	*total = l->total;
	if (l->n) {
		*out = arena_alloc(&in->arena, l->n * sizeof(**out));
		if (!*out)
			return EL_ENOMEM;
		memcpy(*out, l->v, l->n * sizeof(**out));
	}
	free(l->v);
	l->v = NULL;
	return 0;
}

/* A name to sort (a struct, so the array's element size is plain). */
struct host_ref {
	const struct ft_name *name;
};

static int host_cmp(const void *a, const void *b)
{
	const struct ft_name *x = ((const struct host_ref *)a)->name;
	const struct ft_name *y = ((const struct host_ref *)b)->name;
	if (x->flows != y->flows)
		return x->flows < y->flows ? 1 : -1;
	int c = strcmp(x->name, y->name);
	return c ? c : (int)x->via - (int)y->via;
}

/* Copies the flow table's results into the input's struct traffic. */
static int pcap_fill_traffic(struct input *in, struct traffic *t, const struct flow_table *ft)
{
	const struct ft_totals *tot = ft_totals(ft);
	t->flows = tot->flows;
	t->evicted = tot->evicted;
	t->memory_budget = tot->budget;
	t->budget_cut = tot->budget_cut;
	t->budget_slots = tot->budget_slots;
	t->https_flows = tot->https_flows;
	t->http_flows = tot->http_flows;
	t->https_bytes = tot->https_bytes;
	t->http_bytes = tot->http_bytes;
	t->tls_flows = tot->tls_flows;
	t->quic_flows = tot->quic_flows;
	t->port_fallback_flows = tot->port_fallback_flows;
	t->first_http_packet = tot->first_http_packet;
	size_t nn;
	const struct ft_name *names = ft_names(ft, &nn);
	/* Hosts: names that some flow kept, most flows first, then by name. */
	struct host_ref *order = nn ? malloc(nn * sizeof(*order)) : NULL;
	if (nn && !order)
		return EL_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < nn; i++)
		if (names[i].flows)
			order[k++].name = &names[i];
	if (k)
		qsort(order, k, sizeof(*order), host_cmp);
	t->hosts_total = k;
	t->nhosts = k < TRAFFIC_HOSTS_MAX ? k : TRAFFIC_HOSTS_MAX;
	t->hosts = t->nhosts ? arena_alloc(&in->arena, t->nhosts * sizeof(*t->hosts)) : NULL;
	for (size_t i = 0; t->hosts && i < t->nhosts; i++) {
		const char *nm = order[i].name->name;
		t->hosts[i].name = utf8_sanitize(&in->arena, nm, strlen(nm));
		t->hosts[i].via = order[i].name->via == VIA_SNI ? "sni" : "http-host";
		t->hosts[i].flows = order[i].name->flows;
		t->hosts[i].first_packet = order[i].name->first_packet;
	}
	free(order);
	/* Every host, in the order names were first seen (ids are that order). */
	t->seen = k ? arena_alloc(&in->arena, k * sizeof(*t->seen)) : NULL;
	for (size_t i = 0, j = 0; t->seen && i < nn; i++) {
		if (!names[i].flows)
			continue;
		t->seen[j].name = utf8_sanitize(&in->arena, names[i].name, strlen(names[i].name));
		t->seen[j].via = names[i].via == VIA_SNI ? "sni" : "http-host";
		t->seen[j].flows = names[i].flows;
		t->seen[j].first_packet = names[i].first_packet;
		j++;
	}
	/* TLS versions, newest first. */
	t->ntls = tot->ntls;
	t->tls = t->ntls ? arena_alloc(&in->arena, t->ntls * sizeof(*t->tls)) : NULL;
	for (size_t i = 0; t->tls && i < t->ntls; i++) {
		char buf[16];
		const struct ft_tls *v = &tot->tls[i];
		t->tls[i].version = v->version;
		t->tls[i].name = arena_strdup(&in->arena, cls_tls_version_name(v->version, buf,
										sizeof(buf)));
		t->tls[i].flows = v->flows;
		t->tls[i].first_packet = v->first_packet;
		t->tls[i].host = v->host >= 0 && (size_t)v->host < nn
					 ? utf8_sanitize(&in->arena, names[v->host].name,
							 strlen(names[v->host].name))
					 : NULL;
	}
	for (size_t i = 1; t->tls && i < t->ntls; i++)
		for (size_t j = i; j > 0 && t->tls[j - 1].version < t->tls[j].version; j--) {
			struct traffic_tls x = t->tls[j];
			t->tls[j] = t->tls[j - 1];
			t->tls[j - 1] = x;
		}
	return 0;
}

#define PROGRESS_EVERY 16384      /* packets between clock checks */
#define PROGRESS_SECONDS 0.25

static int pcap_parse(struct input *in, const struct run_ctx *ctx)
{
	char errbuf[PCAP_ERRBUF_SIZE] = "";
	uint64_t size;
	struct capture cap;
	if (pcap_open_input(in, errbuf, &size, &cap)) {
		input_fail(in, "cannot read the capture: %s", "キャプチャを読み込めません: %s", errbuf);
		return EL_EPARSE;
	}
	struct traffic *t = arena_alloc(&in->arena, sizeof(*t));
	size_t max_flows = ctx->pol && ctx->pol->max_flows > 0 ? (size_t)ctx->pol->max_flows
							       : FT_MAX_FLOWS_DEFAULT;
	struct flow_table *ft = ft_new(max_flows);
	if (!t || !ft) {
		ft_free(ft);
		capture_close(&cap);
		input_fail(in, "out of memory", "メモリが足りません");
		return EL_ENOMEM;
	}
	memset(t, 0, sizeof(*t));
	in->traffic = t;
	struct cred_sink sink = {.in = in};
	ft_set_login(ft, pcap_cred, pcap_cred_again, &sink, ctx->reg ? ctx->reg->login_fields : NULL);
	t->max_flows = max_flows;
	if (ctx->pol && ctx->pol->max_memory_mib > 0)
		ft_set_budget(ft, (size_t)ctx->pol->max_memory_mib << 20);
	if (cap.p) {
		/* Classic pcap: one link type for the whole file. */
		t->link = pcap_datalink(cap.p);
		t->link_name = pd_link_name(t->link);
		if (!t->link_name) {
			link_unsupported(in, t->link);
			ft_free(ft);
			capture_close(&cap);
			return 0;
		}
	}
	double start = mono_now(), last = start;
	bool progress = ctx->progress && size > 0;
	const uint8_t *data;
	uint32_t caplen;
	int link;
	uint64_t n = 0, skipped = 0;
	int skipped_link = 0;
	int rc;
	bool nomem = false;
	while ((rc = capture_next(&cap, t->link, &data, &caplen, &link)) == 1) {
		n++;
		t->bytes += caplen;
		struct pd_packet pk;
		enum pd_result r = pd_decode(link, data, caplen, &pk);
		if (r == PD_NOT_IP)
			t->not_ip++;
		else if (r == PD_TRUNC || r == PD_BAD)
			t->truncated++;
		else if (r == PD_LINK && skipped++ == 0)
			skipped_link = link;
		if (pk.fragment)
			t->fragments++;
		if (r == PD_OK && ft_packet(ft, &pk, caplen, n))
			nomem = true;
		if (progress && (n % PROGRESS_EVERY) == 0) {
			double now = mono_now();
			if (now - last >= PROGRESS_SECONDS) {
				last = now;
				ctx->progress(input_display_path(in), capture_pos(&cap), size, n,
					      now - start, false);
			}
		}
	}
	if (progress)
		ctx->progress(input_display_path(in), size, size, n, mono_now() - start, true);
	if (cap.ng)
		pcapng_links(in, t, png_links(cap.ng), n, skipped, skipped_link);
	t->packets = n;
	if (rc == -1) {
		/* Each language its own reason: "%.0s" consumes the other one. */
		input_diag(in, DIAG_ERROR, (unsigned)(n + 1), 0,
			   "packet %" PRIu64 ": %s%.0s; the %" PRIu64 " packets before it were analysed",
			   "パケット %" PRIu64 ": %.0s%s。それより前の %" PRIu64 " パケットは解析しました",
			   n + 1, capture_error(&cap), capture_error_ja(in, &cap), n);
	}
	if (nomem)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "out of memory for flow buffers: some flows were not classified",
			   "フローのバッファ用のメモリが不足し、一部のフローを分類できませんでした");
	ft_finish(ft);
	int frc = pcap_fill_traffic(in, t, ft);
	int crc = cred_keep(in, &sink.leak, &t->creds, &t->ncreds, &t->creds_total);
	int arc = cred_keep(in, &sink.anon, &t->anon, &t->nanon, &t->anon_total);
	if (!frc)
		frc = crc ? crc : arc;
	ft_free(ft);
	capture_close(&cap);
	if (sink.nomem)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "out of memory for the list of credentials: some were not kept",
			   "認証情報の一覧用のメモリが不足し、一部を保持できませんでした");
	if (t->creds_total > t->ncreds || t->anon_total > t->nanon)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%" PRIu64 " cleartext credentials and %" PRIu64 " anonymous logins were seen; "
			   "only the first %d of each are listed and reported",
			   "平文の認証情報 %" PRIu64 " 件と匿名ログイン %" PRIu64 " 件を検出しました。"
			   "一覧と指摘はそれぞれ最初の %d 件だけです",
			   t->creds_total, t->anon_total, TRAFFIC_CREDS_MAX);
	if (frc) {
		input_fail(in, "out of memory", "メモリが足りません");
		return frc;
	}
	if (t->evicted)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%" PRIu64 " flows were evicted from the flow table (max_flows %zu); their "
			   "counts are included, but a flow seen again after eviction counts twice",
			   "フロー表から %" PRIu64 " フローを追い出しました（max_flows %zu）。集計には含めていますが、"
			   "追い出し後に再び現れたフローは 2 回数えています",
			   t->evicted, t->max_flows);
	if (t->budget_cut)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "the flow table's memory budget (%zu MiB, --max-memory) was reached: %" PRIu64
			   " flows gave their buffers up before their content was read to the end "
			   "(their packets and bytes are counted, their content no more)",
			   "フロー表のメモリ上限（%zu MiB、--max-memory）に達しました。%" PRIu64
			   " フローは内容を最後まで読む前にバッファを手放しました（パケット数とバイト数は"
			   "数えていますが、内容はそれ以上読んでいません）",
			   t->memory_budget >> 20, t->budget_cut);
	if (t->budget_slots)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "the flow table stayed under max_flows (%zu) to fit the memory budget (%zu MiB, "
			   "--max-memory); the least recently seen flows were evicted",
			   "フロー表は max_flows（%zu）より小さくして、メモリ上限（%zu MiB、--max-memory）"
			   "に収めました。最も長く見ていないフローから追い出しています",
			   t->max_flows, t->memory_budget >> 20);
	return 0;
}

const struct parser parser_pcap = {
	.name = "pcap",
	.label = "packet capture (pcap/pcapng)",
	.label_ja = "パケットキャプチャ（pcap/pcapng）",
	.probe = pcap_probe,
	.parse = pcap_parse,
	.feeds = {[ITEM_6_1] = true},
	.max_bytes = 0,
	.streams = true,
	.packets = true,
};
