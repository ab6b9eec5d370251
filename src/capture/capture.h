/*
 * capture.h — the capture engine, the one header the rest of edgelint
 * includes for it (parsers/pcap.c, the adapter to the model, and the
 * rules loader for the login-field patterns). Everything else under
 * src/capture/ is the engine's own:
 *
 *   reader.c    a capture file: classic pcap through libpcap, pcapng
 *               through pcapng.c, from a file, a pipe or memory; the loop
 *               that takes every frame through decode and the flow table
 *   pcapng.c    the pcapng reader (per-interface link types)
 *   decode.c    link, IPv4/IPv6 and TCP/UDP headers (layouts in hdr.h),
 *               every byte through the cursor of pktcur.h
 *   flow.c      the flow table: 5-tuple flows, reassembly, the classifiers
 *   classify.c  the table of classifiers; QUIC and HTTP recognisers
 *   tls.c       TLS handshakes (also the ClientHello inside QUIC)
 *   quic.c      QUIC Initial packets: keys, protection, CRYPTO frames
 *   login*.c    the cleartext login readers
 *   loginfields.c  the HTTP form field patterns (PCRE2)
 *
 * Calls go one way: reader → {pcapng, decode, flow}; flow → classify →
 * {tls, quic → tls, login* → loginfields}; nothing calls back up (the
 * readers report credentials through the sink the caller gave
 * ft_set_login, host names through the flow table's intern callback).
 *
 * Use: cap_open() a capture; ft_new() a flow table, ft_set_login() and
 * ft_set_budget() it; cap_read() every frame into it; ft_finish(); read
 * ft_totals(), ft_names() and the credentials the sink was given;
 * ft_free(), cap_close().
 */
#ifndef EDGELINT_CAPTURE_H
#define EDGELINT_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct why;   /* util.h: why something failed, in both languages */

/* ---- the capture file (reader.c) -------------------------------------- */

/* A packet's time: seconds since 1970-01-01 UTC and nanoseconds. */
struct cap_time {
	int64_t sec;
	uint32_t nsec;
};

#define CAP_ERRBUF_MAX 256        /* bytes of an error message (libpcap's PCAP_ERRBUF_SIZE) */

struct cap_reader;

/* Opens a capture: the len bytes at data when data is set; else stream
 * when set (a pipe or FIFO already opened and probed; taken over, closed
 * by cap_close unless stdin), else path ("-": standard input). The first
 * 4 bytes choose the reader: pcapng (0x0A0D0D0A) or libpcap. *size is the
 * file's size when it is a regular file (for progress), else 0. NULL with
 * w set when the capture cannot be opened (libpcap's own text is English
 * in both languages, the Japanese quoting it as libpcap's). */
struct cap_reader *cap_open(const void *data, size_t len, const char *path, FILE *stream,
			    uint64_t *size, struct why *w);
void cap_close(struct cap_reader *r);
/* A live capture (--interface): the interface and when to stop. The
 * limits of --seconds (a day) and --packets. */
#define CAP_LIVE_SECONDS_MAX 86400
#define CAP_LIVE_PACKETS_MAX 1000000000L
struct cap_live {
	const char *iface;
	double seconds;           /* 0: no time limit */
	uint64_t packets;         /* 0: no packet limit */
};
/* Opens live->iface through libpcap (whole packets, not promiscuous) for
 * a capture that ends after live->seconds, after live->packets packets,
 * or at SIGINT/SIGTERM (the handlers are ours until cap_close), whichever
 * comes first. NULL with w set: no such interface (the interfaces there
 * are listed), no privilege to capture (what it takes is said), or
 * libpcap's own error quoted. */
struct cap_reader *cap_open_live(const struct cap_live *live, struct why *w);
/* Packets the kernel dropped during a live capture (0 for a file). */
uint64_t cap_dropped(const struct cap_reader *r);
/* Classic pcap: the file's link type (LINKTYPE_ number). pcapng: -1 (each
 * packet has its interface's). */
int cap_file_link(const struct cap_reader *r);

/* pcapng: the interfaces seen (all sections) and their distinct link
 * types, first first; at most PNG_LINKS_MAX are kept. */
#define PNG_LINKS_MAX 8
struct png_links {
	uint64_t ifaces;
	size_t n;                 /* distinct link types kept in v[] (first first) */
	int v[PNG_LINKS_MAX];
	bool more;                /* more distinct link types than PNG_LINKS_MAX */
};
/* The pcapng links, or NULL for a classic pcap. */
const struct png_links *cap_links(const struct cap_reader *r);

/* Why reading stopped (after cap_read set error), in English; in
 * Japanese, or NULL when the message is libpcap's own (English: quote it). */
const char *cap_error(const struct cap_reader *r);
const char *cap_error_ja(const struct cap_reader *r);

/* edgelint's short name for a link type it reads ("Ethernet", "Linux
 * cooked v2"…), or NULL when it does not read it. */
const char *pd_link_name(int link);
/* libpcap's name for any link type ("IEEE802_11"…), or NULL. */
const char *cap_dlt_name(int link);

/* ---- the flow table (flow.c) ------------------------------------------ */

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
#define FT_MAX_TLS_VERSIONS 8

/* How a host name was learnt. */
enum cls_via { VIA_SNI, VIA_HTTP_HOST };

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
	uint64_t clients_dropped_flows;   /* flows of clients past FT_MAX_CLIENTS */
	uint64_t clients_dropped_logins;  /* their cleartext logins */
	bool clients_nomem;               /* the client table could not grow */
	size_t budget;                  /* the budget in bytes (ft_set_budget) */
};

struct flow_table;

/* One client — the address that opened flows (a flow's initiator; the
 * other side when the capture began mid-flow from a web server's port
 * 80/443) — and what its flows carried. At most FT_MAX_CLIENTS are
 * kept; the flows of further clients are counted in ft_totals. */
#define FT_MAX_CLIENTS 4096
struct ft_client {
	uint8_t fam;              /* 4 or 6 */
	uint8_t addr[16];         /* IPv4 in the first 4 bytes */
	uint64_t flows, bytes;
	uint64_t https_flows, https_bytes, http_flows, http_bytes;
	uint64_t logins;          /* cleartext logins it sent (not anonymous ones) */
};

/* A credential a login reader found (bytes of the stream: not owned). */
struct cls_cred {
	const char *protocol;     /* "FTP", "SMTP AUTH LOGIN"… (static) */
	const uint8_t *user;      /* NULL when not known */
	size_t user_len;
	const uint8_t *secret;    /* password, community… (never empty) */
	size_t secret_len;
	bool anonymous;           /* anonymous FTP: information, not a leak */
	bool no_auth;             /* a session that needed no secret at all (VNC
				   * security type None): secret is NULL */
	bool hidden;              /* the password crossed hidden by a shared secret
				   * (RADIUS PAP User-Password): secret is NULL */
	bool ppp;                 /* a PPP PAP password (PPPoE, L2TP): the link's
				   * login to a provider or tunnel server */
	const char *hash_type;    /* not the password but a hash of it that can be
				   * cracked offline ("NetNTLMv2"…, static): secret
				   * holds the hash's bytes (EL406); NULL otherwise */
	bool hash_weak;           /* a hash cracked far faster than its kind's best
				   * (Kerberos RC4-HMAC or DES): EL406 weak */
	const char *hash_variant; /* the EL406 message and fix of this kind of hash
				   * ("vnc", "http-digest"…, static, a variant of
				   * rules/rules.yaml); NULL: default, no_user or weak */
	uint64_t packet;          /* packet in which the secret was complete */
};

/* A credential with the flow it was read from: addresses are 16 bytes
 * (IPv4 in the first 4) of the initiator (client, [0]) and responder.
 * fam 0: a PPPoE session's frame, no IP: the sender's and receiver's MAC
 * addresses in the first 6 bytes, the session id as both ports. */
struct ft_cred {
	const struct cls_cred *c;
	uint8_t fam;              /* 4 or 6; 0 for MAC addresses */
	const uint8_t *addr[2];
	uint16_t port[2];
};
typedef int64_t (*ft_cred_fn)(void *ctx, const struct ft_cred *c);

/* What tls_cert.c found in a server's Certificate message (TLS <= 1.2).
 * Texts are the certificate's, every byte outside printable ASCII written
 * \xNN. problems: TLS_CERT_* bits. */
#define TLS_CERT_EXPIRED        0x001u   /* notAfter before the packet's time */
#define TLS_CERT_NOT_YET_VALID  0x002u   /* notBefore after it */
#define TLS_CERT_SELF_SIGNED    0x004u
#define TLS_CERT_UNKNOWN_ISSUER 0x008u   /* no chain to the trust store */
#define TLS_CERT_NAME_MISMATCH  0x010u   /* the SNI is not one of its names */
#define TLS_CERT_WEAK_KEY       0x020u   /* RSA under TLS_CERT_RSA_MIN bits */
#define TLS_CERT_WEAK_SIGNATURE 0x040u   /* SHA-1 or MD5 (weak_digest) */
#define TLS_CERT_CHAIN_INCOMPLETE 0x080u /* the issuer neither sent nor in the store:
					  * public or private cannot be told */
#define TLS_CERT_TOO_LARGE      0x100u   /* over TLS_CERT_MSG_MAX: not read */
#define TLS_CERT_UNREADABLE     0x200u   /* no certificate could be parsed */
#define TLS_CERT_RSA_MIN 2048
#define TLS_CERT_MSG_MAX (64u << 10)      /* bytes of a Certificate message read */
#define TLS_CERT_CHAIN_MAX 10             /* certificates of a message parsed */
#define TLS_CERT_STORE "/etc/ssl/certs"   /* the trust store (EDGELINT_CA_DIR overrides) */
struct cls_cert {
	uint64_t packet;          /* the packet that completed the message */
	const char *sni;          /* the name the client asked for, or NULL */
	unsigned problems;
	unsigned certs;           /* certificates parsed */
	uint32_t msg_len;         /* bytes of the message */
	int rsa_bits;             /* the leaf's RSA key size, 0 for other keys */
	const char *weak_digest;  /* "SHA-1", "MD5" (static) or NULL */
	const char *verify_error; /* why the issuer is unknown (static, en) … */
	const char *verify_error_ja;   /* … and ja */
	char subject[256], issuer[256];
	char names[512];          /* SAN dNSNames, or the CN */
	char not_before[16], not_after[16];   /* "2026-12-07" */
};
struct ft_cert {
	const struct cls_cert *c;
	uint8_t fam;
	const uint8_t *addr[2];
	uint16_t port[2];
};
typedef void (*ft_cert_fn)(void *ctx, const struct ft_cert *c);
typedef void (*ft_again_fn)(void *ctx, int64_t id);
/* A login's outcome as the server's reply told it (issue 16 §2). */
enum cred_outcome { CRED_UNKNOWN, CRED_SUCCEEDED, CRED_FAILED };
typedef void (*ft_outcome_fn)(void *ctx, int64_t id, enum cred_outcome o);

struct login_fields;

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
/* Where the outcome of a reported login goes (the id the sink returned
 * for it, with the sink's ctx); NULL: nowhere. Set after ft_set_login. */
void ft_set_outcome(struct flow_table *ft, ft_outcome_fn outcome);
/* The time of the packet about to be given (cap_read sets it before each
 * one; has false: the packet has none). Classifiers see it (cls_view). */
void ft_set_time(struct flow_table *ft, bool has, struct cap_time t);
/* Where the servers' certificates go (NULL: nowhere; they are not read). */
void ft_set_certs(struct flow_table *ft, ft_cert_fn sink, void *ctx);
/* Folds every live flow into the totals (call once, at the end). */
void ft_finish(struct flow_table *ft);
const struct ft_totals *ft_totals(const struct flow_table *ft);
/* The clients (after ft_finish: every flow folded), their count. */
const struct ft_client *ft_clients(const struct flow_table *ft, size_t *n);
/* The names (index = id), their count. */
const struct ft_name *ft_names(const struct flow_table *ft, size_t *n);

/* "TLS1.2", "SSL3.0"… for a TLS version number; buf receives "0x…" for
 * unknown ones (tls.c). */
const char *cls_tls_version_name(uint16_t v, char *buf, size_t n);

/* ---- every frame of a capture into a flow table (reader.c) ------------- */

/* An 802.11 network (BSS) a capture saw (issue 16 §4): from its beacons
 * and probe responses (dot11.c, pd_dot11_bss), and the data frames whose
 * BSSID is its. The SSID is the element's bytes, unescaped (input: print
 * it only through an escaping function). */
#define CAP_SSID_MAX 32           /* IEEE 802.11-2020 §9.4.2.2 */
#define CAP_BSS_MAX 256           /* networks kept per capture; more are counted */
enum {   /* AKM suites (RSNE, WPA element) */
	CAP_AKM_8021X = 1u << 0,  /* 802.1X (Enterprise), with or without FT/SHA-256 */
	CAP_AKM_PSK = 1u << 1,    /* pre-shared key (WPA/WPA2-Personal) */
	CAP_AKM_SAE = 1u << 2,    /* SAE (WPA3-Personal) */
	CAP_AKM_OWE = 1u << 3,    /* Opportunistic Wireless Encryption (Enhanced Open) */
	CAP_AKM_SUITEB = 1u << 4, /* Suite B 192-bit (WPA3-Enterprise 192) */
	CAP_AKM_OTHER = 1u << 5,
};
enum {   /* pairwise cipher suites */
	CAP_CIPHER_WEP = 1u << 0,
	CAP_CIPHER_TKIP = 1u << 1,
	CAP_CIPHER_CCMP = 1u << 2,   /* CCMP-128 or -256 */
	CAP_CIPHER_GCMP = 1u << 3,   /* GCMP-128 or -256 */
	CAP_CIPHER_OTHER = 1u << 4,
};
struct cap_bss {
	uint8_t bssid[6];
	uint8_t ssid[CAP_SSID_MAX];
	uint8_t ssid_len;
	bool has_ssid;            /* an SSID element was read */
	bool hidden;              /* an SSID empty or all zero bytes was seen
				   * (a hidden network's beacons) */
	bool named;               /* ssid holds a name (a hidden network's
				   * probe responses name it) */
	bool privacy;             /* Capability Information: Privacy */
	bool rsn, wpa;            /* an RSNE, a WPA (vendor) element */
	unsigned akm;             /* CAP_AKM_* of both elements */
	unsigned pairwise;        /* CAP_CIPHER_* of both elements */
	bool mfpc, mfpr;          /* RSN Capabilities: PMF capable, required */
	uint64_t beacons, probe_resps;
	uint64_t data_frames;     /* data frames with this BSSID … */
	uint64_t protected_frames;   /* … of which encrypted */
	uint64_t first_packet;    /* the first beacon or probe response (1-based) */
};

/* Tunnel layers unwrapped per packet (IP in IP, GRE, VXLAN, GTP-U,
 * Teredo; decode.c); a packet nested deeper is read as the packet inside
 * the first CAP_MAX_TUNNELS and counted in tunnel_cut. */
#define CAP_MAX_TUNNELS 4

struct cap_stats {
	uint64_t packets;         /* frames read */
	uint64_t bytes;           /* their captured bytes */
	uint64_t not_ip;          /* ARP, STP, LLC… */
	uint64_t truncated;       /* a header cut short or impossible */
	uint64_t fragments;       /* IP fragments */
	uint64_t skipped;         /* frames on a link type edgelint does not read */
	uint64_t wlan;            /* 802.11 frames (dot11.c) */
	uint64_t wlan_protected;  /* encrypted 802.11 data frames: not readable */
	uint64_t tunneled;        /* packets read inside a tunnel (decode.c) */
	uint64_t tunnel_cut;      /* of which nested deeper than PD_MAX_TUNNELS */
	uint64_t tunnel_cut_packet;   /* the first such (1-based), 0: none */
	int skipped_link;         /* the first such link type */
	/* 802.11 networks seen, in order of first sight (at most CAP_BSS_MAX;
	 * malloc'ed, freed by cap_stats_free); bss_dropped: beacons and
	 * probe responses of networks past that limit; bss_nomem: the table
	 * could not grow. */
	struct cap_bss *bss;
	size_t nbss;
	uint64_t bss_dropped;
	bool bss_nomem;
	bool nomem;               /* a flow buffer could not be allocated */
	/* The first and the last packet's time (pcap: the record header;
	 * pcapng: the EPB's stamp in its interface's if_tsresol units, plus
	 * if_tsoffset); has_time false when no packet had one (pcapng SPBs
	 * only). Packets without a time are left out of both. */
	bool has_time;
	struct cap_time first_time, last_time;
	bool error;               /* a record could not be read: reading stopped (cap_error) */
};

/* Progress of cap_read: bytes of the file read so far (pos; the file's
 * size with done), frames, seconds since the start. */
typedef void (*cap_progress_fn)(void *ctx, uint64_t pos, uint64_t packets, double seconds,
				bool done);

/* Reads every frame of r (until the end, or the first record that cannot
 * be read: st->error) through decode into ft, counting into *st (zeroed
 * first). progress (may be NULL) is called about every quarter second
 * when the file's size is known, and once at the end. A classic pcap
 * whose link type pd_link_name() does not know need not be read: none of
 * its frames can be decoded. */
void cap_read(struct cap_reader *r, struct flow_table *ft, struct cap_stats *st,
	      cap_progress_fn progress, void *pctx);
/* Frees what cap_read allocated in *st (the network table). */
void cap_stats_free(struct cap_stats *st);

/* ---- HTTP form field names (loginfields.c) ------------------------------ */

/* The HTTP form field names that carry a user or a password
 * (rules/capture-login-fields.yaml): PCRE2 patterns compiled once, at
 * rules load, and matched against percent-decoded field names of POST
 * bodies and query strings (login_http.c). */
enum lf_kind { LF_USER, LF_PASSWORD, LF_KINDS };

struct login_fields *lf_new(void);
void lf_free(struct login_fields *lf);
/* Compiles one pattern of a kind; on error writes why into err and
 * returns -1. */
int lf_add(struct login_fields *lf, enum lf_kind k, const char *pattern, char *err, size_t errn);
/* Patterns of a kind (for tests). */
size_t lf_count(const struct login_fields *lf, enum lf_kind k);
/* True when a pattern of kind k matches the name (n bytes, not
 * NUL-terminated). */
bool lf_match(const struct login_fields *lf, enum lf_kind k, const char *name, size_t n);

#endif
