/*
 * pcap.c — packet captures (kind "pcap"): the adapter between the capture
 * engine (src/capture/, one header: capture.h) and the model. It probes
 * the magic, opens the capture, has the engine read every frame into a
 * flow table (classic pcap and pcapng, never loaded whole: memory is the
 * flow table's, whatever the size of the file), and turns what the engine
 * found into the input's struct traffic (hosts, TLS versions, counts) and
 * its cleartext credentials into traffic_cred entries whose secrets are
 * registered with the input, so no report prints them. src/checks/traffic.c
 * judges the result.
 *
 * Every diagnostic of a capture is written here, in both languages: the
 * link types edgelint does not read (traffic.link names the first
 * interface's link type; a note lists them when pcapng interfaces
 * differ), the record that ended the reading (what was read before it is
 * still analysed and reported, the error names the packet number, and
 * the input is marked in error: exit 2), and the limits the flow table
 * reached.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <arpa/inet.h>
#include <sys/socket.h>

#include "parsers.h"
#include "../src/capture/capture.h"
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
	for (size_t i = 0; i < ARRAY_SIZE(magics); i++)
		if (memcmp(head, magics[i], 4) == 0)
			return 100;
	return 0;
}

/* The link type edgelint does not read, as an error: nothing analysed. */
static void link_unsupported(struct input *in, int link)
{
	const char *dn = cap_dlt_name(link);
	input_diag(in, DIAG_ERROR, 0, 0,
		   "link type %s (%d) is not one edgelint reads (Ethernet, Linux cooked "
		   "v1/v2, raw IP, BSD loopback, 802.11 plain, radiotap or PPI, NFLOG); no "
		   "packet was analysed",
		   "リンク種別 %s（%d）は edgelint が読めない種類です（Ethernet、Linux cooked "
		   "v1/v2、raw IP、BSD loopback、802.11（そのまま、radiotap、PPI）、NFLOG に対応）。"
		   "パケットは解析していません",
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
			const char *dn = nm ? NULL : cap_dlt_name(l->v[i]);
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
		const char *dn = cap_dlt_name(skipped_link);
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%" PRIu64 " packets are on interfaces whose link type (such as %s, %d) "
			   "edgelint does not read; they were not analysed",
			   "%" PRIu64 " パケットは edgelint が読めないリンク種別（%s、%d など）の"
			   "インターフェースのもので、解析していません",
			   skipped, dn ? dn : "?", skipped_link);
	}
}

/* A packet time as ISO 8601 UTC: microseconds, or nanoseconds when the
 * capture gives them; NULL (out of memory, or a year gmtime cannot say). */
static const char *iso_time(struct input *in, const struct cap_time *t)
{
	time_t s = (time_t)t->sec;
	struct tm tm;
	char day[40];
	/* four-digit years only: ISO 8601's basic form, as JSON's schema says */
	if ((int64_t)s != t->sec || !gmtime_r(&s, &tm) || tm.tm_year < 1 - 1900 ||
	    tm.tm_year > 9999 - 1900 || !strftime(day, sizeof(day), "%Y-%m-%dT%H:%M:%S", &tm))
		return NULL;
	if (t->nsec % 1000 == 0)
		return arena_printf(&in->arena, "%s.%06uZ", day, (unsigned)(t->nsec / 1000));
	return arena_printf(&in->arena, "%s.%09uZ", day, (unsigned)t->nsec);
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
	struct cred_list leak, anon, hashes;
	bool nomem;
};
/* A credential's id for pcap_cred_again: its index in its list, times
 * CRED_LISTS, plus the list (0 leak, 1 anon, 2 hashes). */
#define CRED_LISTS 3

/* "192.0.2.1:21", "[2001:db8::1]:21"; fam 0 (a PPPoE session, capture.h
 * ft_cred): the MAC address, "02:00:00:00:10:20". */
static const char *endpoint(struct input *in, uint8_t fam, const uint8_t *addr, uint16_t port)
{
	if (fam == 0)
		return arena_printf(&in->arena, "%02x:%02x:%02x:%02x:%02x:%02x", addr[0], addr[1],
				    addr[2], addr[3], addr[4], addr[5]);
	char ip[INET6_ADDRSTRLEN];
	if (!inet_ntop(fam == 6 ? AF_INET6 : AF_INET, addr, ip, sizeof(ip)))
		snprintf(ip, sizeof(ip), "?");
	return arena_printf(&in->arena, fam == 6 ? "[%s]:%u" : "%s:%u", ip, (unsigned)port);
}

/* The next entry of a capture's credential list, zeroed; NULL past
 * TRAFFIC_CREDS_MAX (counted by the caller's totals) or when memory runs
 * out (s->nomem set). */
static struct traffic_cred *cred_slot(struct cred_sink *s, struct cred_list *l)
{
	if (l->n >= TRAFFIC_CREDS_MAX)
		return NULL;
	struct traffic_cred *nv = vec_grow(l->v, &l->cap, l->n, sizeof(*nv));
	if (!nv) {
		s->nomem = true;
		return NULL;
	}
	l->v = nv;
	memset(&l->v[l->n], 0, sizeof(l->v[l->n]));
	return &l->v[l->n];
}

/* A session that needed no secret (VNC security type None), or a
 * password the capture does not show (RADIUS PAP, hidden with the shared
 * secret): no secret to register; kept like a credential (EL403 no-auth,
 * hidden) with its user, if any. */
static int64_t pcap_cred_noauth(struct cred_sink *s, const struct ft_cred *fc,
				struct cred_list *l)
{
	struct input *in = s->in;
	struct traffic_cred *t = cred_slot(s, l);
	if (!t)
		return -1;
	t->protocol = fc->c->protocol;
	t->client = endpoint(in, fc->fam, fc->addr[0], fc->port[0]);
	t->server = endpoint(in, fc->fam, fc->addr[1], fc->port[1]);
	t->packet = fc->c->packet;
	t->count = 1;
	t->no_auth = fc->c->no_auth;
	t->hidden = fc->c->hidden;
	t->user = fc->c->user ? arena_strndup(&in->arena, (const char *)fc->c->user,
					      fc->c->user_len)
			      : NULL;
	if (!t->client || !t->server || (fc->c->user && !t->user)) {
		s->nomem = true;
		return -1;
	}
	return (int64_t)(l->n++) * CRED_LISTS;
}

/* The lowercase hex of n bytes (arena), how a hash would be printed: the
 * form registered as a secret besides the bytes. */
static char *hex_of(struct input *in, const uint8_t *b, size_t n)
{
	char *h = arena_alloc(&in->arena, n * 2 + 1);
	if (!h)
		return NULL;
	for (size_t i = 0; i < n; i++)
		snprintf(h + 2 * i, 3, "%02x", b[i]);
	h[n * 2] = '\0';
	return h;
}

static int64_t pcap_cred(void *ctx, const struct ft_cred *fc)
{
	struct cred_sink *s = ctx;
	const struct cls_cred *c = fc->c;
	struct cred_list *l = c->hash_type ? &s->hashes : c->anonymous ? &s->anon : &s->leak;
	int list = c->hash_type ? 2 : c->anonymous ? 1 : 0;
	struct input *in = s->in;
	l->total++;
	if (c->no_auth || c->hidden)
		return pcap_cred_noauth(s, fc, l);
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
	if (c->hash_type) {   /* a hash's bytes are binary: its hex is what could print */
		char *hex = hex_of(in, c->secret, c->secret_len);
		if (!hex || input_add_secret(in, hex, c->secret_len * 2)) {
			s->nomem = true;
			return -1;
		}
	}
	struct traffic_cred *t = cred_slot(s, l);
	if (!t)
		return -1;
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
	t->no_auth = false;
	t->hidden = false;
	t->ppp = c->ppp;
	t->hash_type = c->hash_type;
	t->hash_weak = c->hash_weak;
	t->hash_variant = c->hash_variant;
	if (!t->client || !t->server || (c->user && !t->user_is_password && !t->user)) {
		s->nomem = true;
		return -1;
	}
	return (int64_t)(l->n++) * CRED_LISTS + list;
}

/* The credential the sink's id names, or NULL. */
static struct traffic_cred *cred_of(struct cred_sink *s, int64_t id)
{
	int list = (int)(id % CRED_LISTS);
	struct cred_list *l = list == 2 ? &s->hashes : list == 1 ? &s->anon : &s->leak;
	size_t i = (size_t)(id / CRED_LISTS);
	return i < l->n ? &l->v[i] : NULL;
}

static void pcap_cred_again(void *ctx, int64_t id)
{
	struct traffic_cred *t = cred_of(ctx, id);
	if (t)
		t->count++;
}

/* traffic_cred.outcome holds enum cred_outcome (model.h cred_outcome_name). */
_Static_assert(CRED_UNKNOWN == 0 && CRED_SUCCEEDED == 1 && CRED_FAILED == 2,
	       "model.h cred_outcome_name");

/* The server's verdict on a login the sink kept (capture.h ft_outcome_fn). */
static void pcap_cred_outcome(void *ctx, int64_t id, enum cred_outcome o)
{
	struct traffic_cred *t = cred_of(ctx, id);
	if (t)
		t->outcome = (uint8_t)o;
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

/* ---- certificates ------------------------------------------------------ */

/* Where the servers' certificates go while the capture is read: those
 * with a problem, one entry per (server, name asked, subject, issuer,
 * expiry, problems), in a growing list (malloc) moved into the arena at
 * the end; the texts in the arena. */
struct cert_sink {
	struct input *in;
	struct traffic *t;
	struct traffic_cert *v;
	size_t n, cap;
	uint64_t dropped;         /* distinct ones past TRAFFIC_CERTS_MAX */
	bool nomem;
};

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void pcap_cert(void *ctx, const struct ft_cert *fc)
{
	struct cert_sink *s = ctx;
	struct traffic *t = s->t;
	const struct cls_cert *c = fc->c;
	if (c->problems & TLS_CERT_TOO_LARGE) {
		if (t->certs_too_large++ == 0)
			t->certs_too_large_packet = c->packet;
		return;
	}
	t->certs_read++;
	if (!c->problems)
		return;
	t->certs_total++;
	struct input *in = s->in;
	const char *server = endpoint(in, fc->fam, fc->addr[1], fc->port[1]);
	if (!server) {
		s->nomem = true;
		return;
	}
	for (size_t i = 0; i < s->n; i++) {
		struct traffic_cert *e = &s->v[i];
		if (e->problems == c->problems && strcmp(e->server, server) == 0 &&
		    same_str(e->sni, c->sni) && strcmp(e->subject, c->subject) == 0 &&
		    strcmp(e->issuer, c->issuer) == 0 && strcmp(e->not_after, c->not_after) == 0) {
			e->flows++;
			return;
		}
	}
	if (s->n >= TRAFFIC_CERTS_MAX) {
		s->dropped++;
		return;
	}
	struct traffic_cert *nv = vec_grow(s->v, &s->cap, s->n, sizeof(*nv));
	if (!nv) {
		s->nomem = true;
		return;
	}
	s->v = nv;
	struct traffic_cert *e = &s->v[s->n];
	*e = (struct traffic_cert){
		.server = server,
		.sni = c->sni ? arena_strdup(&in->arena, c->sni) : NULL,
		.subject = arena_strdup(&in->arena, c->subject),
		.issuer = arena_strdup(&in->arena, c->issuer),
		.names = arena_strdup(&in->arena, c->names),
		.not_before = arena_strdup(&in->arena, c->not_before),
		.not_after = arena_strdup(&in->arena, c->not_after),
		.problems = c->problems,
		.rsa_bits = c->rsa_bits,
		.weak_digest = c->weak_digest,
		.verify_error = c->verify_error,
		.verify_error_ja = c->verify_error_ja,
		.packet = c->packet,
		.flows = 1,
	};
	if ((c->sni && !e->sni) || !e->subject || !e->issuer || !e->names || !e->not_before ||
	    !e->not_after) {
		s->nomem = true;
		return;
	}
	s->n++;
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
/* ---- 802.11 networks (issue 16 §4) --------------------------------------- */

/* The security mode a network's beacons say (IEEE 802.11-2020 §9.4.2.24;
 * the Wi-Fi Alliance's WPA3 specification v3.1 §2-§3: WPA3-Personal is
 * SAE, transition mode SAE beside PSK; WPA3-Enterprise is 802.1X with PMF
 * required, or the 192-bit suite): an RSNE beside a WPA element is WPA/
 * WPA2 mixed; without either, Privacy is WEP, else open. */
static enum wifi_sec bss_sec(const struct cap_bss *b)
{
	if (b->rsn && b->wpa)
		return WSEC_WPA_WPA2;
	if (b->wpa)
		return WSEC_WPA;
	if (!b->rsn)
		return b->privacy ? WSEC_WEP : WSEC_OPEN;
	unsigned a = b->akm;
	if (a & CAP_AKM_SUITEB)
		return WSEC_WPA3_ENT;
	if (a & CAP_AKM_8021X)
		return b->mfpr ? WSEC_WPA3_ENT : WSEC_WPA2_ENT;
	if ((a & CAP_AKM_SAE) && (a & CAP_AKM_PSK))
		return WSEC_WPA2_WPA3;
	if (a & CAP_AKM_SAE)
		return WSEC_WPA3;
	if (a & CAP_AKM_PSK)
		return WSEC_WPA2;
	if (a == CAP_AKM_OWE)
		return WSEC_OWE;
	return WSEC_UNKNOWN;
}

/* An SSID's bytes as text: printable UTF-8 as it is (utf8_clean leaves
 * it unchanged), a backslash doubled, every other byte \xNN. NULL on OOM. */
static char *ssid_text(struct input *in, const uint8_t *s, size_t n)
{
	char out[CAP_SSID_MAX * 4 + 1], one[4];
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t len = s[i] < 0x80 ? 1 : (s[i] & 0xe0) == 0xc0 ? 2 : (s[i] & 0xf0) == 0xe0 ? 3
			   : (s[i] & 0xf8) == 0xf0 ? 4 : 0;
		if (len && i + len <= n && (s[i] >= 0x20 || len > 1) && s[i] != '\\' &&
		    utf8_clean(one, (const char *)s + i, len) == len && memcmp(one, s + i, len) == 0) {
			memcpy(out + o, s + i, len);
			o += len;
			i += len;
			continue;
		}
		o += (size_t)snprintf(out + o, sizeof(out) - o, s[i] == '\\' ? "\\\\" : "\\x%02x", s[i]);
		i++;
	}
	out[o] = '\0';
	return arena_strdup(&in->arena, out);
}

/* The networks of st into t; 0 or EL_ENOMEM. */
static int pcap_fill_wlans(struct input *in, struct traffic *t, const struct cap_stats *st)
{
	t->wlans_dropped = st->bss_dropped;
	if (!st->nbss)
		return 0;
	t->wlans = arena_alloc(&in->arena, st->nbss * sizeof(*t->wlans));
	if (!t->wlans)
		return EL_ENOMEM;
	for (size_t i = 0; i < st->nbss; i++) {
		const struct cap_bss *b = &st->bss[i];
		struct traffic_wlan *w = &t->wlans[i];
		memset(w, 0, sizeof(*w));
		const uint8_t *m = b->bssid;
		w->bssid = arena_printf(&in->arena, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2],
					m[3], m[4], m[5]);
		w->ssid = b->named ? ssid_text(in, b->ssid, b->ssid_len) : NULL;
		if (!w->bssid || (b->named && !w->ssid))
			return EL_ENOMEM;
		w->hidden = b->hidden;
		w->sec = bss_sec(b);
		w->tkip = (b->pairwise & CAP_CIPHER_TKIP) != 0;
		w->pmf = !b->rsn ? WPMF_UNSET : b->mfpr ? WPMF_REQUIRED : b->mfpc ? WPMF_OPTIONAL : WPMF_OFF;
		w->beacons = b->beacons;
		w->probe_resps = b->probe_resps;
		w->data_frames = b->data_frames;
		w->protected_frames = b->protected_frames;
		w->packet = b->first_packet;
	}
	t->nwlans = st->nbss;
	in->feeds_extra[ITEM_6_2] = true;
	return 0;
}

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

/* ---- clients (issue 16 §7) --------------------------------------------- */

static struct u128 addr_u128(uint8_t fam, const uint8_t a[16])
{
	struct u128 u = {0, 0};
	if (fam == 4) {
		u.lo = (uint64_t)a[0] << 24 | (uint64_t)a[1] << 16 | (uint64_t)a[2] << 8 | a[3];
		return u;
	}
	for (int i = 0; i < 8; i++) {
		u.hi = u.hi << 8 | a[i];
		u.lo = u.lo << 8 | a[8 + i];
	}
	return u;
}

/* Most cleartext logins first, then most bytes, then most flows; the
 * address decides ties, so the order never depends on the table's. */
static int client_cmp(const void *x, const void *y)
{
	const struct ft_client *a = x, *b = y;
	if (a->logins != b->logins)
		return a->logins > b->logins ? -1 : 1;
	if (a->bytes != b->bytes)
		return a->bytes > b->bytes ? -1 : 1;
	if (a->flows != b->flows)
		return a->flows > b->flows ? -1 : 1;
	if (a->fam != b->fam)
		return a->fam < b->fam ? -1 : 1;
	return memcmp(a->addr, b->addr, 16);
}

/* The clients of the capture: the first TRAFFIC_CLIENTS_MAX in
 * client_cmp's order, each marked internal when its address is not a
 * public one (rules/internet-sources.yaml, as item 3-2 reads it). */
static int pcap_fill_clients(struct input *in, struct traffic *t, const struct flow_table *ft,
			     const struct run_ctx *ctx)
{
	size_t n;
	const struct ft_client *cl = ft_clients(ft, &n);
	const struct ft_totals *tot = ft_totals(ft);
	t->clients_total = n;
	t->clients_dropped_flows = tot->clients_dropped_flows;
	if (tot->clients_nomem)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "out of memory for the per-client table: some clients are not listed",
			   "クライアント別の表のメモリが不足し、一部のクライアントを一覧にできませんでした");
	else if (tot->clients_dropped_flows)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "more than %d clients opened flows: the %" PRIu64 " flows (%" PRIu64
			   " cleartext logins) of the others are in the totals, not in the per-client list",
			   "フローを開いたクライアントが %d を超えました。それ以外のクライアントの %" PRIu64
			   " フロー（平文ログイン %" PRIu64 " 件）は合計には含めていますが、"
			   "クライアント別の一覧にはありません",
			   FT_MAX_CLIENTS, tot->clients_dropped_flows, tot->clients_dropped_logins);
	if (!n)
		return 0;
	struct ft_client *order = malloc(n * sizeof(*order));   /* a sorted copy */
	if (!order)
		return EL_ENOMEM;
	memcpy(order, cl, n * sizeof(*order));
	qsort(order, n, sizeof(*order), client_cmp);
	t->nclients = n < TRAFFIC_CLIENTS_MAX ? n : TRAFFIC_CLIENTS_MAX;
	t->clients = arena_alloc(&in->arena, t->nclients * sizeof(*t->clients));
	if (!t->clients) {
		free(order);
		return EL_ENOMEM;
	}
	const struct internet_data *net = ctx->reg ? &ctx->reg->internet : NULL;
	for (size_t i = 0; i < t->nclients; i++) {
		const struct ft_client *c = &order[i];
		struct traffic_client *o = &t->clients[i];
		char ip[INET6_ADDRSTRLEN];
		if (!inet_ntop(c->fam == 6 ? AF_INET6 : AF_INET, c->addr, ip, sizeof(ip)))
			snprintf(ip, sizeof(ip), "?");
		o->addr = arena_strdup(&in->arena, ip);
		if (!o->addr) {
			free(order);
			return EL_ENOMEM;
		}
		o->internal = net && !aset_has(c->fam == 6 ? &net->public6 : &net->public4,
					       addr_u128(c->fam, c->addr));
		o->flows = c->flows;
		o->bytes = c->bytes;
		o->https_flows = c->https_flows;
		o->https_bytes = c->https_bytes;
		o->http_flows = c->http_flows;
		o->http_bytes = c->http_bytes;
		o->logins = c->logins;
	}
	free(order);
	return 0;
}

/* The engine's progress, for run.c's progress line. */
struct progress_ctx {
	struct input *in;
	const struct run_ctx *ctx;
	uint64_t size;
};

static void pcap_progress(void *pctx, uint64_t pos, uint64_t packets, double seconds, bool done)
{
	const struct progress_ctx *p = pctx;
	p->ctx->progress(input_display_path(p->in), pos, p->size, packets, seconds, done);
}

static int pcap_parse(struct input *in, const struct run_ctx *ctx)
{
	struct why w = {{0}, {0}};
	uint64_t size;
	/* in->stream: a pipe or FIFO run.c has probed (see run_input); the
	 * engine takes it over. */
	FILE *stream = in->data ? NULL : in->stream;
	if (!in->data)
		in->stream = NULL;
	struct cap_reader *cap = NULL;
	if (ctx->live) {
		size = 0;
		cap = cap_open_live(ctx->live, &w);
		if (!cap) {
			input_fail(in, "cannot capture: %s%.0s", "キャプチャできません: %.0s%s", w.en,
				   w.ja);
			return EL_EPARSE;
		}
	} else {
		cap = cap_open(in->data, in->len, in->path, stream, &size, &w);
	}
	if (!cap) {
		input_fail(in, "cannot read the capture: %s%.0s", "キャプチャを読み込めません: %.0s%s",
			   w.en, w.ja);
		return EL_EPARSE;
	}
	struct traffic *t = arena_alloc(&in->arena, sizeof(*t));
	size_t max_flows = ctx->pol && ctx->pol->max_flows > 0 ? (size_t)ctx->pol->max_flows
							       : FT_MAX_FLOWS_DEFAULT;
	struct flow_table *ft = ft_new(max_flows);
	if (!t || !ft) {
		ft_free(ft);
		cap_close(cap);
		input_fail(in, "out of memory", "メモリが足りません");
		return EL_ENOMEM;
	}
	memset(t, 0, sizeof(*t));
	in->traffic = t;
	struct cred_sink sink = {.in = in};
	ft_set_login(ft, pcap_cred, pcap_cred_again, &sink, ctx->reg ? ctx->reg->login_fields : NULL);
	ft_set_outcome(ft, pcap_cred_outcome);
	struct cert_sink csink = {.in = in, .t = t};
	ft_set_certs(ft, pcap_cert, &csink);
	t->certs_msg_max = TLS_CERT_MSG_MAX;
	t->max_flows = max_flows;
	if (ctx->pol && ctx->pol->max_memory_mib > 0)
		ft_set_budget(ft, (size_t)ctx->pol->max_memory_mib << 20);
	const struct png_links *links = cap_links(cap);
	if (!links) {
		/* Classic pcap: one link type for the whole file. */
		t->link = cap_file_link(cap);
		t->link_name = pd_link_name(t->link);
		if (!t->link_name) {
			link_unsupported(in, t->link);
			ft_free(ft);
			cap_close(cap);
			return 0;
		}
	}
	struct progress_ctx pctx = {.in = in, .ctx = ctx, .size = size};
	struct cap_stats st;
	cap_read(cap, ft, &st, ctx->progress ? pcap_progress : NULL, &pctx);
	uint64_t n = st.packets;
	uint64_t dropped = cap_dropped(cap);
	if (dropped)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "the kernel dropped %" PRIu64 " packets the capture could not take in time: "
			   "their content was not analysed",
			   "取り込みが間に合わず、カーネルが %" PRIu64 " パケットを捨てました。"
			   "その内容は解析していません",
			   dropped);
	t->bytes = st.bytes;
	t->not_ip = st.not_ip;
	t->truncated = st.truncated;
	t->fragments = st.fragments;
	if (links)
		pcapng_links(in, t, links, n, st.skipped, st.skipped_link);
	t->packets = n;
	t->wlan_frames = st.wlan;
	t->wlan_protected = st.wlan_protected;
	if (st.wlan_protected)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%" PRIu64 " of the %" PRIu64 " 802.11 frames are encrypted data frames (WEP, "
			   "TKIP, CCMP or GCMP): not readable, their content was not analysed",
			   "暗号化されたデータフレーム %" PRIu64 " 個（802.11 のフレーム %" PRIu64
			   " 個のうち。WEP、TKIP、CCMP、GCMP）は読めないため、内容を解析していません",
			   st.wlan_protected, st.wlan);
	t->tunnel_packets = st.tunneled;
	t->tunnel_cut = st.tunnel_cut;
	if (st.tunnel_cut)
		input_diag(in, DIAG_NOTE, (unsigned)st.tunnel_cut_packet, 0,
			   "%" PRIu64 " packets are nested in more than %d tunnels (the limit): each was "
			   "analysed as the packet inside the first %d, the tunnels within it left unopened",
			   "%" PRIu64 " パケットはトンネルが %d 重を超えて入れ子になっています（上限）。"
			   "外側から %d 重目までを開いたパケットとして解析し、その内側のトンネルは開いていません",
			   st.tunnel_cut, CAP_MAX_TUNNELS, CAP_MAX_TUNNELS);
	if (st.has_time) {
		t->time_first = iso_time(in, &st.first_time);
		t->time_last = iso_time(in, &st.last_time);
	}
	if (st.error) {
		/* Each language its own reason: "%.0s" consumes the other one;
		 * libpcap's own message is English, quoted as libpcap's. */
		const char *ja = cap_error_ja(cap);
		if (!ja) {
			ja = arena_printf(&in->arena, "libpcap のエラー「%s」", cap_error(cap));
			if (!ja)
				ja = cap_error(cap);
		}
		input_diag(in, DIAG_ERROR, (unsigned)(n + 1), 0,
			   "packet %" PRIu64 ": %s%.0s; the %" PRIu64 " packets before it were analysed",
			   "パケット %" PRIu64 ": %.0s%s。それより前の %" PRIu64 " パケットは解析しました",
			   n + 1, cap_error(cap), ja, n);
	}
	if (st.nomem)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "out of memory for flow buffers: some flows were not classified",
			   "フローのバッファ用のメモリが不足し、一部のフローを分類できませんでした");
	ft_finish(ft);
	int frc = pcap_fill_traffic(in, t, ft);
	if (!frc)
		frc = pcap_fill_clients(in, t, ft, ctx);
	int crc = cred_keep(in, &sink.leak, &t->creds, &t->ncreds, &t->creds_total);
	int arc = cred_keep(in, &sink.anon, &t->anon, &t->nanon, &t->anon_total);
	int hrc = cred_keep(in, &sink.hashes, &t->hashes, &t->nhashes, &t->hashes_total);
	if (!frc)
		frc = crc ? crc : arc ? arc : hrc;
	if (csink.n) {
		t->certs = arena_alloc(&in->arena, csink.n * sizeof(*t->certs));
		if (t->certs) {
			memcpy(t->certs, csink.v, csink.n * sizeof(*t->certs));
			t->ncerts = csink.n;
		} else if (!frc) {
			frc = EL_ENOMEM;
		}
	}
	free(csink.v);
	if (csink.nomem)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "out of memory for the list of certificates: some were not kept",
			   "証明書の一覧用のメモリが不足し、一部を保持できませんでした");
	if (csink.dropped)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%" PRIu64 " more distinct server certificates with a problem were seen; "
			   "only the first %d are reported",
			   "問題のあるサーバ証明書がほかに %" PRIu64 " 件ありました。指摘は最初の"
			   " %d 件だけです",
			   csink.dropped, TRAFFIC_CERTS_MAX);
	if (!frc)
		frc = pcap_fill_wlans(in, t, &st);
	if (st.bss_nomem)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "out of memory for the list of 802.11 networks: some were not kept",
			   "802.11 のネットワークの一覧用のメモリが不足し、一部を保持できませんでした");
	else if (st.bss_dropped)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%" PRIu64 " beacons and probe responses of 802.11 networks past the first %zu "
			   "were not read (the limit)",
			   "ビーコンとプローブ応答 %" PRIu64 " 個は、最初の %zu 個より後の 802.11 の"
			   "ネットワークのものなので読んでいません（上限）",
			   st.bss_dropped, (size_t)CAP_BSS_MAX);
	cap_stats_free(&st);
	ft_free(ft);
	cap_close(cap);
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
	if (t->hashes_total > t->nhashes)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%" PRIu64 " crackable password hashes were seen; only the first %d are "
			   "listed and reported",
			   "オフラインで解読できるパスワードのハッシュを %" PRIu64 " 件検出しました。"
			   "一覧と指摘は最初の %d 件だけです",
			   t->hashes_total, TRAFFIC_CREDS_MAX);
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
	.kind = {
		.name = "pcap",
		.label = "packet capture (pcap/pcapng)",
		.label_ja = "パケットキャプチャ（pcap/pcapng）",
		.feeds = {[ITEM_6_1] = true},
		.packets = true,
	},
	.probe = pcap_probe,
	.parse = pcap_parse,
	.max_bytes = 0,
	.streams = true,
	.live = true,
	.expect = "pcap/pcapng",
	.expect_ja = "pcap/pcapng",
	.what = "capture",
	.what_ja = "キャプチャ",
};
