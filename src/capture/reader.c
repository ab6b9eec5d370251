/*
 * reader.c — a capture file, one record at a time, never loaded whole
 * (capture.h): classic pcap in either byte order with micro- or
 * nanosecond stamps through libpcap (pcap_next_ex), pcapng through our
 * own reader (pcapng.c), from a regular file, a stream that cannot be
 * rewound (standard input, a pipe, a FIFO) or bytes in memory, or a live
 * capture on a network interface (cap_open_live: libpcap, non-blocking,
 * stopped by time, packet count or an interrupt); and the loop that takes
 * every frame through decode.c into the flow table.
 *
 * Link types: libpcap 1.10 gives one link type per file (pcap_datalink);
 * it has no per-packet link type for pcapng, and it refuses a pcapng
 * whose interfaces differ in link type or snapshot length. So pcapng
 * (first 4 bytes 0x0A0D0D0A, whatever the file's name) is read by
 * pcapng.c, which gives each packet its interface's link type; libpcap
 * reads classic pcap.
 *
 * A record that cannot be read (truncated file, caplen over the snapshot
 * length or over its pcapng block) ends the reading: what was read before
 * it stays counted, and cap_stats.error says so.
 */
#define _GNU_SOURCE
#include "capture.h"
#include "../util.h"

#include <pcap/pcap.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sys/stat.h>

#include "decode.h"
#include "flow.h"
#include "pcapng.h"

_Static_assert(CAP_ERRBUF_MAX >= PCAP_ERRBUF_SIZE, "libpcap's messages must fit");

/* The capture being read: libpcap (classic pcap) or our pcapng reader. */
struct cap_reader {
	pcap_t *p;
	struct png_reader *ng;
	FILE *ngf;            /* the pcapng reader's stream, closed at the end unless stdin */
	uint64_t size;        /* the file's size when known (for progress), else 0 */
	/* A live capture (cap_open_live): when it stops, and the signal
	 * handlers it replaced until cap_close. */
	bool live;
	double deadline;      /* mono_now() seconds; 0: no time limit */
	uint64_t max_packets, got;
	int fd;               /* pcap_get_selectable_fd(), polled between reads */
	struct sigaction old_int, old_term;
};

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
		*errbuf = '\0';   /* out of memory */
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

void cap_close(struct cap_reader *c)
{
	if (!c)
		return;
	if (c->live) {
		sigaction(SIGINT, &c->old_int, NULL);
		sigaction(SIGTERM, &c->old_term, NULL);
	}
	if (c->p)
		pcap_close(c->p);
	png_close(c->ng);
	if (c->ngf && c->ngf != stdin)
		fclose(c->ngf);
	free(c);
}

/* Opens c (zeroed): 0, or -1 with errbuf set. */
static int open_into(struct cap_reader *c, const void *data, size_t len, const char *path,
		     FILE *stream, char *errbuf)
{
	if (data) {
		FILE *mem = fmemopen((void *)data, len, "rb");
		if (!mem) {
			*errbuf = '\0';   /* out of memory */
			return -1;
		}
		if (is_pcapng((const uint8_t *)data, len)) {
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
		bool is_stdin = strcmp(path, "-") == 0;
		struct stat st;
		bool regular = !is_stdin && !stream && stat(path, &st) == 0 && S_ISREG(st.st_mode);
		if (regular)
			c->size = (uint64_t)st.st_size;
		/* stream: a pipe or FIFO the caller has probed (run.c, run_input). */
		FILE *f = stream ? stream : is_stdin ? stdin : fopen(path, "rb");
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
			c->p = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_MICRO,
								       errbuf);
			return c->p ? 0 : -1;
		}
	}
	if (!c->ng) {
		*errbuf = '\0';   /* out of memory */
		return -1;
	}
	return 0;
}

struct cap_reader *cap_open(const void *data, size_t len, const char *path, FILE *stream,
			    uint64_t *size, struct why *w)
{
	*size = 0;
	struct cap_reader *c = calloc(1, sizeof(*c));
	if (!c) {
		/* The stream is ours to close, as on every other failure. */
		if (stream && stream != stdin)
			fclose(stream);
		why_set(w, "out of memory", "メモリが足りません");
		return NULL;
	}
	/* errbuf: libpcap's own text (English, quoted as libpcap's in
	 * Japanese), or "" when the failure was ours (out of memory). */
	char errbuf[PCAP_ERRBUF_SIZE] = "";
	if (open_into(c, data, len, path, stream, errbuf)) {
		cap_close(c);
		if (*errbuf)
			why_set(w, "%s", "libpcap のエラー「%s」", errbuf);
		else
			why_set(w, "out of memory", "メモリが足りません");
		return NULL;
	}
	*size = c->size;
	return c;
}

/* ---- live capture ------------------------------------------------------ */

/* libpcap's own guidance (pcap_set_snaplen(3PCAP)): 262144 bytes keep
 * whole packets on every link type; the timeout (pcap_set_timeout(3PCAP))
 * bounds how long a read waits, so the clock and an interrupt are looked
 * at at least that often; the kernel buffer holds bursts while a packet
 * is analysed (pcap_set_buffer_size(3PCAP)). */
#define LIVE_SNAPLEN 262144
#define LIVE_TIMEOUT_MS 100
#define LIVE_BUFFER (8 << 20)

static volatile sig_atomic_t live_stop;

static void live_on_signal(int sig)
{
	(void)sig;
	live_stop = 1;
}

/* The interfaces libpcap can open, "lo, eth0, …", into buf (n bytes). */
static void live_ifaces(char *buf, size_t n)
{
	pcap_if_t *all = NULL;
	char eb[PCAP_ERRBUF_SIZE];
	size_t used = 0;
	buf[0] = '\0';
	if (pcap_findalldevs(&all, eb) != 0)
		return;
	for (const pcap_if_t *d = all; d; d = d->next) {
		char name[64];
		name[utf8_clean(name, d->name, strnlen(d->name, sizeof(name) - 1))] = '\0';
		int k = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", name);
		if (k < 0 || (size_t)k >= n - used) {
			buf[used] = '\0';
			break;
		}
		used += (size_t)k;
	}
	pcap_freealldevs(all);
}

struct cap_reader *cap_open_live(const struct cap_live *live, struct why *w)
{
	char name[64];   /* the name as given, sanitised for the message */
	name[utf8_clean(name, live->iface, strnlen(live->iface, sizeof(name) - 1))] = '\0';
	struct cap_reader *c = calloc(1, sizeof(*c));
	if (!c) {
		why_set(w, "out of memory", "メモリが足りません");
		return NULL;
	}
	char eb[PCAP_ERRBUF_SIZE] = "";
	c->p = pcap_create(live->iface, eb);
	if (!c->p) {
		why_set(w, "%s: %s", "%s: libpcap のエラー「%s」", name, eb);
		free(c);
		return NULL;
	}
	int rc = pcap_set_snaplen(c->p, LIVE_SNAPLEN);
	if (rc == 0)
		rc = pcap_set_promisc(c->p, 0);
	if (rc == 0)
		rc = pcap_set_timeout(c->p, LIVE_TIMEOUT_MS);
	if (rc == 0)
		rc = pcap_set_buffer_size(c->p, LIVE_BUFFER);
	if (rc == 0)
		rc = pcap_activate(c->p);
	if (rc < 0) {
		char list[512];
		switch (rc) {
		case PCAP_ERROR_NO_SUCH_DEVICE:
			live_ifaces(list, sizeof(list));
			why_set(w, "there is no network interface named %s here (interfaces: %s)",
				"%s という名前のネットワークインターフェースはありません（あるもの: %s）",
				name, *list ? list : "-");
			break;
		case PCAP_ERROR_PERM_DENIED:
			why_set(w,
				"capturing on %s needs the privilege libpcap needs: run edgelint as "
				"root, or give it CAP_NET_RAW and CAP_NET_ADMIN (sudo setcap "
				"cap_net_raw,cap_net_admin=eip edgelint)",
				"%s でキャプチャするには libpcap が必要とする権限が要ります。root で"
				"実行するか、edgelint に CAP_NET_RAW と CAP_NET_ADMIN を与えてください"
				"（sudo setcap cap_net_raw,cap_net_admin=eip edgelint）",
				name);
			break;
		case PCAP_ERROR_IFACE_NOT_UP:
			why_set(w, "the interface %s is down", "インターフェース %s が停止しています",
				name);
			break;
		default:
			why_set(w, "%s: %s", "%s: libpcap のエラー「%s」", name, pcap_geterr(c->p));
			break;
		}
		pcap_close(c->p);
		free(c);
		return NULL;
	}
	char nb[PCAP_ERRBUF_SIZE];
	c->fd = pcap_get_selectable_fd(c->p);
	if (c->fd < 0 || pcap_setnonblock(c->p, 1, nb) != 0) {
		why_set(w, "%s: libpcap cannot wait for packets on it without blocking",
			"%s: libpcap がこのインターフェースでパケットを待てません（非ブロッキング不可）",
			name);
		pcap_close(c->p);
		free(c);
		return NULL;
	}
	c->live = true;
	c->max_packets = live->packets;
	c->deadline = live->seconds > 0 ? mono_now() + live->seconds : 0;
	live_stop = 0;
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = live_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &c->old_int);
	sigaction(SIGTERM, &sa, &c->old_term);
	return c;
}

uint64_t cap_dropped(const struct cap_reader *c)
{
	struct pcap_stat ps;
	if (!c->live || pcap_stats(c->p, &ps) != 0)
		return 0;
	return (uint64_t)ps.ps_drop + ps.ps_ifdrop;
}

/* The next packet of a live capture, or 0 when it is time to stop. */
static int live_next(struct cap_reader *c, int pcap_link, const uint8_t **data,
		     uint32_t *caplen, int *link)
{
	for (;;) {
		if (live_stop || (c->max_packets && c->got >= c->max_packets) ||
		    (c->deadline > 0 && mono_now() >= c->deadline))
			return 0;
		struct pcap_pkthdr *h;
		const u_char *d;
		int rc = pcap_next_ex(c->p, &h, &d);
		if (rc == 1) {
			c->got++;
			*data = d;
			*caplen = h->caplen;
			*link = pcap_link;
			return 1;
		}
		if (rc == PCAP_ERROR_BREAK)
			return 0;
		if (rc != 0)
			return -1;
		/* Nothing to read (non-blocking): wait for the next packet at
		 * most LIVE_TIMEOUT_MS, then look at the clock and for an
		 * interrupt again (poll returns early on a signal). libpcap's own
		 * timeout cannot do it: with TPACKET_V3 an idle interface can
		 * keep pcap_next_ex waiting for ever (pcap_set_timeout(3PCAP):
		 * "the read timeout ... will not necessarily return when the
		 * timeout expires"). */
		struct pollfd pf = {.fd = c->fd, .events = POLLIN};
		if (poll(&pf, 1, LIVE_TIMEOUT_MS) < 0 && errno != EINTR)
			return -1;
	}
}

int cap_file_link(const struct cap_reader *c)
{
	return c->p ? pcap_datalink(c->p) : -1;
}

const struct png_links *cap_links(const struct cap_reader *c)
{
	return c->ng ? png_links(c->ng) : NULL;
}

/* The next frame: 1, 0 at the end, -1 on an error (cap_error). */
static int cap_next(struct cap_reader *c, int pcap_link, const uint8_t **data, uint32_t *caplen,
		    int *link, bool *has_time, struct cap_time *t)
{
	if (c->ng) {
		struct png_packet pk;
		int rc = png_next(c->ng, &pk);
		if (rc == 1) {
			*data = pk.data;
			*caplen = pk.caplen;
			*link = pk.link;
			*has_time = pk.has_time;
			*t = pk.time;
		}
		return rc;
	}
	if (c->live)
		return live_next(c, pcap_link, data, caplen, link);
	struct pcap_pkthdr *h;
	const u_char *d;
	int rc = pcap_next_ex(c->p, &h, &d);
	if (rc == 1) {
		*data = d;
		*caplen = h->caplen;
		*link = pcap_link;
		/* opened with PCAP_TSTAMP_PRECISION_MICRO: tv_usec is µs,
		 * whatever the file's own precision */
		*has_time = true;
		/* a damaged record's µs may be a second or more: carried over */
		uint64_t us = (uint64_t)(uint32_t)h->ts.tv_usec;
		t->sec = (int64_t)h->ts.tv_sec + (int64_t)(us / 1000000u);
		t->nsec = (uint32_t)(us % 1000000u) * 1000u;
		return 1;
	}
	return rc == -1 ? -1 : 0;   /* -2: end of file */
}

const char *cap_error(const struct cap_reader *c)
{
	return c->ng ? png_error(c->ng) : pcap_geterr(c->p);
}

const char *cap_error_ja(const struct cap_reader *c)
{
	return c->ng ? png_error_ja(c->ng) : NULL;
}

static uint64_t cap_pos(const struct cap_reader *c)
{
	if (c->ng)
		return png_offset(c->ng);
	FILE *pf = pcap_file(c->p);
	long pos = pf ? ftell(pf) : -1;
	return pos > 0 ? (uint64_t)pos : 0;
}

const char *cap_dlt_name(int link)
{
	return pcap_datalink_val_to_name(link);
}

/* The network of BSSID bssid in st's table; with add, a new entry when
 * there is none (NULL past CAP_BSS_MAX or without memory: counted). */
static struct cap_bss *bss_of(struct cap_stats *st, const uint8_t *bssid, bool add, size_t *room)
{
	for (size_t i = st->nbss; i-- > 0;)
		if (memcmp(st->bss[i].bssid, bssid, 6) == 0)
			return &st->bss[i];
	if (!add)
		return NULL;
	if (st->nbss == CAP_BSS_MAX) {
		st->bss_dropped++;
		return NULL;
	}
	if (st->nbss == *room) {
		size_t n = *room ? *room * 2 : 8;
		struct cap_bss *b = realloc(st->bss, n * sizeof(*b));
		if (!b) {
			st->bss_nomem = true;
			st->bss_dropped++;
			return NULL;
		}
		st->bss = b;
		*room = n;
	}
	struct cap_bss *b = &st->bss[st->nbss++];
	memset(b, 0, sizeof(*b));
	memcpy(b->bssid, bssid, 6);
	return b;
}

/* An 802.11 frame with a BSSID: a beacon or probe response describes its
 * network (what each says is merged: a hidden network's probe response
 * names it); a data frame is counted to its network when one was seen. */
static void bss_frame(struct cap_stats *st, const struct pd_packet *pk, uint64_t n, size_t *room)
{
	struct cap_bss *b = bss_of(st, pk->wlan_bssid, pk->wlan_bss_info, room);
	if (!b)
		return;
	if (!pk->wlan_bss_info) {
		b->data_frames++;
		b->protected_frames += pk->wlan_protected;
		return;
	}
	struct cap_bss t;
	memset(&t, 0, sizeof(t));
	pd_dot11_bss(&pk->payload, &t);   /* cut short: what was read */
	if (!b->first_packet)
		b->first_packet = n;
	if (pk->wlan_bss_info_probe)
		b->probe_resps++;
	else
		b->beacons++;
	if (t.named && !b->named) {
		memcpy(b->ssid, t.ssid, sizeof(b->ssid));
		b->ssid_len = t.ssid_len;
		b->named = true;
	}
	b->hidden |= t.hidden;
	b->has_ssid |= t.has_ssid;
	b->privacy |= t.privacy;
	b->rsn |= t.rsn;
	b->wpa |= t.wpa;
	b->akm |= t.akm;
	b->pairwise |= t.pairwise;
	b->mfpc |= t.mfpc;
	b->mfpr |= t.mfpr;
}

void cap_stats_free(struct cap_stats *st)
{
	free(st->bss);
	st->bss = NULL;
	st->nbss = 0;
}

#define PROGRESS_EVERY 16384      /* packets between clock checks */
#define PROGRESS_SECONDS 0.25

void cap_read(struct cap_reader *c, struct flow_table *ft, struct cap_stats *st,
	      cap_progress_fn progress, void *pctx)
{
	memset(st, 0, sizeof(*st));
	int file_link = cap_file_link(c);
	double start = mono_now(), last = start;
	if (c->size == 0)
		progress = NULL;
	const uint8_t *data;
	uint32_t caplen;
	int link;
	uint64_t n = 0;
	size_t bss_room = 0;
	int rc;
	bool has_time = false;
	struct cap_time t = {0, 0};
	while ((rc = cap_next(c, file_link, &data, &caplen, &link, &has_time, &t)) == 1) {
		n++;
		st->bytes += caplen;
		if (has_time) {
			if (!st->has_time)
				st->first_time = t;
			st->last_time = t;
			st->has_time = true;
		}
		ft_set_time(ft, has_time, t);
		struct pd_packet pk;
		enum pd_result r = pd_decode(link, data, caplen, &pk);
		if (r == PD_NOT_IP) {
			st->not_ip++;
			if (pk.ppp_proto)   /* PPPoE PAP: a login, not a flow */
				ft_ppp_auth(ft, &pk, n);
		}
		else if (r == PD_TRUNC || r == PD_BAD)
			st->truncated++;
		else if (r == PD_LINK && st->skipped++ == 0)
			st->skipped_link = link;
		if (pk.fragment)
			st->fragments++;
		if (pk.wlan) {
			st->wlan++;
			st->wlan_protected += pk.wlan_protected;
			if (pk.wlan_bssid)
				bss_frame(st, &pk, n, &bss_room);
		}
		if (pk.tunnels) {
			st->tunneled++;
			if (pk.tunnel_cut && st->tunnel_cut++ == 0)
				st->tunnel_cut_packet = n;
		}
		if (r == PD_OK && ft_packet(ft, &pk, caplen, n))
			st->nomem = true;
		if (progress && (n % PROGRESS_EVERY) == 0) {
			double now = mono_now();
			if (now - last >= PROGRESS_SECONDS) {
				last = now;
				progress(pctx, cap_pos(c), n, now - start, false);
			}
		}
	}
	if (progress)
		progress(pctx, c->size, n, mono_now() - start, true);
	st->packets = n;
	st->error = rc == -1;
}
