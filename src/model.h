/*
 * model.h — the vendor-neutral model every parser fills and every check
 * reads: device identity, Wi-Fi networks, home-router settings, plus the
 * per-input bookkeeping (diagnostics, coverage, item statuses, findings).
 *
 * Everything an input owns lives in its arena and is freed at once by
 * input_free(). Passphrases are kept in memory only for the checks; no
 * reporter ever reads them (see finding.c: masking).
 */
#ifndef EDGELINT_MODEL_H
#define EDGELINT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "filter.h"
#include "secrets.h"
#include "util.h"

/* The checklist items edgelint checks, in report order. */
enum item_id { ITEM_3_2, ITEM_5_3, ITEM_5_4, ITEM_6_1, ITEM_6_2, ITEM_COUNT };
#define ITEM_NONE (-1)

/* Item statuses, ordered so that merging two is taking the larger. */
enum item_status { IST_NA, IST_PASS, IST_UNKNOWN, IST_WARN, IST_FAIL, IST_COUNT };

/* "3-2"… ; returns the item or ITEM_NONE. */
const char *item_name(int item);
int item_from_name(const char *s);
/* "pass", "fail", "warn", "unknown", "not-applicable". */
const char *item_status_name(enum item_status st);

/* Tri-state for settings a file may or may not state. */
enum tri { TRI_UNSET = -1, TRI_NO = 0, TRI_YES = 1 };

/* A value with the 1-based input line it came from (0: not from a line). */
struct sval {
	const char *s;   /* NULL when absent */
	unsigned line;
};

/* Wi-Fi security modes, from worst to best (roughly). */
enum wifi_sec {
	WSEC_UNSET,       /* the input did not say */
	WSEC_UNKNOWN,     /* the input said something edgelint cannot read */
	WSEC_OPEN,
	WSEC_OWE,         /* Enhanced Open: encrypted but anyone may join */
	WSEC_WEP,
	WSEC_WPA,         /* WPA1 only */
	WSEC_WPA_WPA2,    /* WPA1 + WPA2 mixed */
	WSEC_WPA2,
	WSEC_WPA2_WPA3,   /* transition mode */
	WSEC_WPA3,
	WSEC_WPA2_ENT,
	WSEC_WPA3_ENT,
};
const char *wifi_sec_name(enum wifi_sec s);   /* "wpa2-personal"… */
bool wifi_sec_is_personal(enum wifi_sec s);   /* uses a shared passphrase */

enum wifi_cipher { WCIPH_UNSET, WCIPH_AES, WCIPH_TKIP, WCIPH_TKIP_AES };
const char *wifi_cipher_name(enum wifi_cipher c);

/* Protected management frames (802.11w) as the access point runs them:
 * not said, off, optional (capable), required. */
enum wifi_pmf { WPMF_UNSET, WPMF_OFF, WPMF_OPTIONAL, WPMF_REQUIRED };
/* Whether the passphrase is the factory key printed on the router's label,
 * as the admin says (0: not said, so a zeroed wifi_net says nothing). */
enum wifi_label_key { WLK_UNSET, WLK_NO, WLK_YES };

struct wifi_net {
	struct sval ssid;
	unsigned line;            /* where the network is described */
	bool enabled;
	bool is_ap;               /* an access point (not a client uplink) */
	enum wifi_sec sec;
	struct sval sec_label;    /* the text the input used, for evidence */
	const char *sec_label_ja; /* the same in Japanese when the parser added
				   * words of its own ("(static WEP)"); NULL:
				   * as sec_label */
	enum wifi_cipher cipher;
	unsigned cipher_line;
	const char *pass;         /* secret: never printed; NULL when absent */
	size_t pass_len;
	unsigned pass_line;
	struct sval band;
	/* PMF as the parser read it (the format's default when the file does
	 * not say and the default is documented); pmf_line where (0: the
	 * default). For SAE, "required" includes hostapd's sae_require_mfp. */
	enum wifi_pmf pmf;
	unsigned pmf_line;
	/* The admin says the passphrase is the key printed on the router's
	 * label (facts passphrase_from_label: yes), or not (no), or not said. */
	enum wifi_label_key label_key;
	unsigned label_key_line;
	struct wifi_net *next;
};

/* ---- office routers: the internet edge (item 3-2) -------------------- */

/* A filter list as a device applies it to one interface and direction. */
struct flist {
	bool present;             /* false: no list, everything passes */
	struct frule *rules;      /* in evaluation order */
	size_t n;
	enum faction dflt;        /* what packets matching no rule get */
	unsigned line;            /* where the list is applied */
	const char *text;         /* the applying command, for evidence */
	/* text is words of ours (a constant of the parser, "config firewall
	 * policy"), not bytes of the input: shown as it is, never searched for
	 * the input's secrets (a password "firewall" is not in it; see
	 * finding_evidence_ours). */
	bool text_ours;
	bool has_undefined;       /* names a filter that is not defined */
	bool unreadable;          /* a rule in it could not be read */
	unsigned unreadable_line;
	const char *unreadable_rule;  /* that rule's name ("200030"), or NULL */
	/* What was not read, when the parser says: a kind ("port", "protocol",
	 * "address", "action", "fields", "list-item") and the value as written;
	 * NULL otherwise. */
	const char *unreadable_kind, *unreadable_value;
	/* Per rule, the id of the vendor template line it is
	 * (rules/vendor-templates.yaml), or NULL; the array itself is NULL
	 * when no rule is one. */
	const char **tmpl;
	const char *missing;      /* the name of a list it applies that the input
				     does not hold (a partial paste): not assessed */
	unsigned *inactive;       /* lines of rules switched off (ASA `inactive`) */
	size_t ninactive;
};

/* Service classes, from rules/ports.yaml. */
enum svc_class { SVC_MANAGEMENT, SVC_VPN, SVC_OTHER, SVC_INFRA };

/* Something on the box itself that listens (management, VPN). */
struct box_service {
	const char *name;         /* "telnet", "http", "ike" … */
	const char *name_ja;      /* the same in Japanese when it holds words
				   * of ours ("https (admin GUI)"); NULL: as name */
	enum svc_class cls;
	uint32_t proto;           /* PROTO_TCP … */
	uint32_t port;            /* 0 for protocols without ports */
	bool enabled;
	unsigned line;            /* the line that enables it; 0 = default */
	const char *why;          /* "telnetd service on (default)" … */
	const char *why_ja;       /* the same in Japanese when it holds words
				   * of ours ("（初期値）"); NULL: as why */
	struct aset allow4;       /* sources the service itself accepts */
	struct aset allow6;
	unsigned host_line;       /* the host-list line; 0 = default */
};

/* A port forward or static NAT on an internet-facing interface. */
struct nat_forward {
	enum fam fam;
	struct u128 inner;        /* the host it leads to */
	struct aset hosts;        /* or the hosts (a mapped subnet); empty: inner */
	struct aset from;         /* only for these sources (twice NAT); empty: any */
	struct pset proto;
	struct pset ports;        /* inner ports (all for 1:1 NAT or DMZ) */
	bool to_box;              /* the inner host is the router itself */
	bool dmz;                 /* every port not otherwise mapped */
	unsigned line;
	const char *text;
	/* The inbound list as it applies to this forward, rewritten to the
	 * inner address and ports, where the device's list names the mapped
	 * (outside) ones (Cisco ASA before 8.3); NULL: the interface's list. */
	const struct flist *acl4;
};

/* An internet-facing interface. */
struct wan_if {
	const char *name;         /* "pp 1", "lan2", "tunnel 1" */
	const char *how;          /* why it faces the internet */
	const char *how_ja;       /* the same in Japanese */
	unsigned line;            /* the line that shows it */
	bool v4, v6;              /* carries IPv4 / IPv6 from the internet */
	/* A private WAN: a session to a closed network whose peers are the
	 * organisation's own sites (NTT フレッツ・VPN ワイド …), not the
	 * internet. The exposure check notes it (info) instead of judging
	 * it as the internet; `how` says why it was taken as closed. */
	bool closed;
	struct flist in4, in6;    /* inbound filters */
	/* Where traffic to the box itself is not governed by the inbound
	 * filter (Cisco ASA: management lines and control-plane ACLs
	 * instead), box4/box6 are what governs it. */
	bool box_own_filter;
	struct flist box4, box6;
	int security_level;       /* Cisco ASA, or -1 */
	bool nat4;                /* IPv4 NAT: only forwards and the box reachable */
	bool nat_through;         /* masquerade incoming through */
	unsigned nat_through_line;
	struct u128 addr4;        /* its IPv4 address, or BOX_UNKNOWN_ADDR4 */
	struct nat_forward *fwds;
	size_t nfwds;
	struct wan_if *next;
};

/* Where the box's own WAN address is unknown (DHCP, PPPoE), it is stood
 * for by an address no real rule names, so only rules whose destination
 * is "any" apply to it. */
#define BOX_UNKNOWN_ADDR4 ((struct u128){0, 0x00000001u})
#define BOX_UNKNOWN_ADDR6 ((struct u128){0x0100000000000000ull, 1u})

/* Device identity and home-router settings. */
struct device {
	struct sval vendor;       /* canonical id: buffalo, nec, … */
	const char *vendor_display;  /* "Buffalo", "NEC"… for reports */
	struct sval model;
	struct sval firmware;
	struct sval firmware_date;   /* YYYY-MM-DD when known */
	struct sval latest_firmware; /* given by the admin (facts file) */
	struct sval support_end;     /* given by the admin (facts file) */
	int jc_star;                 /* JC-STAR level 1-4 given by the admin
				      * (facts file), 0 when not given */
	unsigned jc_star_line;
	enum tri auto_update;
	unsigned auto_update_line;
	/* WPS: on for some enabled access point (TRI_YES; wps_line the first
	 * place that says so), off on every one (TRI_NO), or not said. The
	 * methods it offers, over the access points with WPS on (device_wps_on):
	 * wps_pin a PIN (the AP's label or display PIN, a keypad), wps_push
	 * push-button; TRI_YES on, TRI_NO off (the firmware has no such method,
	 * or the configuration rules it out), TRI_UNSET not said. Which of them
	 * a rule warns about is the rule's (checks/wifi_security.c). */
	enum tri wps;
	unsigned wps_line;
	enum tri wps_pin, wps_push;
	enum tri remote_admin;
	unsigned remote_admin_line;
	enum tri upnp;
	unsigned upnp_line;
	/* Home routers: whether the device faces the internet at all. TRI_NO:
	 * the files show no internet-facing interface (a bridged access point:
	 * no NAT, no WAN DHCP client or PPPoE, no default route out of it), so
	 * remote administration and port forwards have nothing to expose
	 * (issue 14 §1); wan_why / wan_why_ja say what the parser saw, wan_line
	 * where (0: the whole input). TRI_YES: an internet-facing interface was
	 * found. TRI_UNSET: the files do not say. */
	enum tri wan;
	unsigned wan_line;
	const char *wan_why, *wan_why_ja;
	/* The router's own admin password is the maker's default, never
	 * changed (TRI_YES), was changed (TRI_NO), or not said (TRI_UNSET);
	 * the password itself is never kept here (issue 14 §3, issue 15 §2). */
	enum tri admin_pw_default;
	unsigned admin_pw_default_line;
	struct sval build_date;      /* from a config header, YYYY-MM-DD */
	/* Home routers whose firmware is a known distribution, judged by
	 * rules/firmware/home-firmware.yaml: "openwrt", "asuswrt-merlin",
	 * "dd-wrt", "freshtomato", "routeros"; NULL otherwise. */
	const char *distro;
	/* The branch of that distribution the firmware belongs to, as
	 * home-firmware.yaml keys it (Asuswrt-Merlin "388" for 3004.388.8_4,
	 * "3006" for 3006.102.1, "386" for 386.14_2), and the release within
	 * the branch as that file writes a branch's latest ("388.8_4",
	 * "102.1", "386.14_2"); NULL when the parser does not say. firmware
	 * stays the release as the maker names it (what reports print). */
	const char *fw_branch;
	const char *fw_release;
	bool snapshot;               /* a development build, not a release */
	const char *codename;        /* OpenWrt DISTRIB_CODENAME ("chaos_calmer"), or NULL */
	const char *remote_admin_why;   /* "wan zone input ACCEPT" … */
	const char *remote_admin_why_ja;  /* the same in Japanese */
	struct home_forward *hfwds;  /* port forwards from the internet */
	struct home_forward **hfwds_tail;
	size_t nhfwds;
	/* Office routers. */
	struct wan_if *wans;
	size_t nwans;
	struct box_service *svcs;
	size_t nsvcs;
	struct aset lan4, lan6;      /* inside networks */
	struct aset box4;            /* the router's own inside addresses */
	bool vpn_remote_access;      /* terminates VPN for teleworkers */
	const char *vpn_how;
	const char *vpn_how_ja;      /* the same in Japanese */
	unsigned vpn_line;
	bool pptp;
	unsigned pptp_line;
	struct wifi_net *wifi;    /* in input order */
	struct wifi_net **wifi_tail;  /* where the next network is linked */
	size_t nwifi;
	/* Accounts whose clear-text password equals their user name, in input
	 * order (input_add_same_login); the name and password are registered
	 * as secrets, never kept here. */
	struct same_login *same_logins;
	/* Home routers: settings the Tokyo Metropolitan Police Department
	 * (2023-03-28) tells users to check as signs that an attacker uses the
	 * router as a relay (a VPN server, DDNS, extra admin accounts), in
	 * input order (device_add_sign; issue 14 §3). */
	struct home_sign *signs;
	struct home_sign **signs_tail;
	size_t nsigns;
};

/* What a sign of a hijacked home router is. */
enum home_sign_kind {
	HSIGN_VPN_SERVER,         /* a VPN server (PPTP, L2TP, OpenVPN, WireGuard,
				   * IPsec responder, SSTP) is enabled on the router */
	HSIGN_VPN_ACCOUNTS,       /* VPN accounts exist with no server the file shows on */
	HSIGN_DDNS,               /* a dynamic DNS client is enabled */
	HSIGN_ADMIN_ACCOUNT,      /* an admin account other than the maker's default one */
};

/* One such setting. Names of accounts are public values (printed); their
 * passwords are registered as secrets by the parser and never kept here. */
struct home_sign {
	enum home_sign_kind kind;
	const char *what;         /* "PPTP server", "WireGuard interface wg0",
				   * "dyndns.org", the account's name; NULL:
				   * the input names no protocol or provider
				   * (a facts file's vpn_server: true) */
	const char *what_ja;      /* the same in Japanese; NULL: as what */
	unsigned line;            /* where the file says it; 0: the whole input */
	const char *evidence;     /* the setting as the file writes it (no
				   * secret), or NULL */
	const char **names;       /* VPN accounts' names, in input order */
	size_t nnames, capnames;
	size_t naccounts;         /* accounts counted (named or not) */
	const char *ref;          /* the parser's own name for it (an interface
				   * the file adds peers to later), or NULL */
	bool needs_accounts;      /* a sign only when it has accounts or peers
				   * (a WireGuard interface with no peer may be
				   * a client of a VPN service) */
	struct home_sign *next;
};

struct input;
/* Adds a sign of kind to the device (what, what_ja and evidence copied
 * into the arena; each may be NULL, what not for an admin account). Returns it, or NULL
 * with input_nomem() done. */
struct home_sign *device_add_sign(struct input *in, enum home_sign_kind kind, const char *what,
				  const char *what_ja, unsigned line, const char *evidence);
/* Counts an account of a VPN sign, keeping its name (copied; NULL: counted
 * only). Returns 0 or EL_ENOMEM (input_nomem() done). */
int home_sign_account(struct input *in, struct home_sign *s, const char *name);
/* The name a report shows for an account of a sign: the name, or
 * SECRET_MASK when it equals (ignoring case) a secret of the input (a
 * password equal to its user name). Never NULL for a name. */
const char *home_sign_name(const struct input *in, const char *name);

/* What an account lets its user do. */
enum acct_kind {
	ACCT_VPN,                 /* a remote-access (PPP/L2TP) user */
	ACCT_LOCAL,               /* the firewall's local user database (ASA
				   * `username`: ASDM, SSH, VPN with local accounts) */
	ACCT_ROUTER_LOGIN,        /* a login of the router itself (YAMAHA
				   * `login user`: console, TELNET, SSH, web) */
};

/* An account of the device whose password is its own user name. */
struct same_login {
	unsigned line;
	enum acct_kind acct;
	const char *command;      /* the command's leading words ("pp auth username") */
	struct same_login *next;
};

enum diag_level { DIAG_NOTE, DIAG_ERROR };

/* A problem with the input itself, at a place in it. */
struct diag {
	enum diag_level level;
	unsigned line, col;       /* 1-based; 0 when not tied to a line */
	const char *msg;          /* in English; names the bad value and limit.
				   * Raw bytes of the input may be in it: print
				   * it only through finding_scrub() */
	const char *msg_ja;       /* the same in Japanese */
	struct diag *next;
};

struct finding;
struct run_ctx;
struct fix_set;

/* What kind of input an input is, as the checks and reporters see it: a
 * descriptor each format's entry in the parser table (parsers/parsers.h,
 * struct parser, member kind) fills. Checks and reporters read only this,
 * never the parser table: a new format is a new entry there, not a new
 * name compared here. */
struct input_kind {
	const char *name;         /* --kind value and JSON "kind": "router-facts" */
	const char *label;        /* "router facts file" */
	const char *label_ja;     /* the same in Japanese */
	bool feeds[ITEM_COUNT];   /* items this format can assess */
	bool home_router;         /* describes a home router (not an office edge) */
	bool firewall;            /* the device is a firewall (Cisco ASA): messages
				   * call it that, not a router */
	bool packets;             /* findings' lines are packet numbers (captures) */
	/* A form the administrator fills in by hand from the router's admin
	 * pages (the router facts file, docs/router-facts-template.yaml), not
	 * a file the device wrote: evidence quotes the form's own keys and
	 * values ("wps_enabled: true"), and a note about something missing
	 * says where in the form to add it ("add them under wifi:"). */
	bool hand_filled;
	/* The internet-side settings (remote administration) come from a
	 * file of their own that may be left out (OpenWrt's
	 * /etc/config/firewall): when the input does not say them, item 5-3
	 * has an unknown part (issue 14 §5). */
	bool exposure_in_own_file;
	/* Fixes built from the file (issue 17, src/fix.h): the format's
	 * builder, which fills out with one block per finding of in (sorted)
	 * in the device's own syntax, or NULL when the format builds none;
	 * fix_comment starts a comment line in the device's syntax. */
	int (*fix)(struct input *in, const struct run_ctx *ctx, struct fix_set *out);
	const char *fix_comment;
	/* The command that applies an inbound filter to an interface, per
	 * family (IPv4, IPv6), as the device writes it, "%IF" standing for
	 * the interface: the evidence of an internet-facing interface without
	 * one quotes it ("no \"access-group … in interface outside\" line").
	 * NULL: YAMAHA's "ip <if> secure filter in" (exposure.c). */
	const char *filter_in[2];
};

/* One file of an input made of several (the files of one router given
 * together, an unpacked backup directory, a backup archive). Their texts
 * are joined in input.data, each starting on a new line; lines are counted
 * across the join and mapped back to (file, line) by input_locate(). */
struct input_part {
	const char *display;      /* "wireless", "backup.tar.gz:etc/config/wireless" */
	const char *path;         /* the file to point tools at (the archive for a member) */
	unsigned first_line;      /* line of the join where the file starts */
	unsigned nlines;
	size_t off, len;          /* its bytes in input.data */
};

/* A port forward on a home router (item 5-3 warns about each). */
struct home_forward {
	const char *name;         /* the rule's name, or NULL */
	const char *proto;        /* "tcp", "udp", "tcp+udp", "any" */
	unsigned port_lo, port_hi;   /* external ports; 0-0 = all */
	const char *to;           /* the inside host, or NULL */
	unsigned to_port;         /* 0 = same as external */
	const char *from;         /* allowed internet sources, NULL = any */
	unsigned line;
	struct home_forward *next;
	/* The forward leads to the router itself (issue 14 §2): its target is
	 * one of the router's own addresses, or no address at all (an OpenWrt
	 * redirect without dest_ip, RouterOS action=redirect). admin_svc names
	 * the router's admin service its port reaches ("ssh", "web admin
	 * (uhttpd)"…): such a forward is remote administration (EL110), not
	 * an ordinary port forward; NULL for a port of no admin service. */
	bool to_router;
	const char *admin_svc;
};

/* ---- captures (item 6-1) ------------------------------------------------ */

/* A host name seen in the capture and how many flows named it. */
struct traffic_host {
	const char *name;
	const char *via;          /* "sni" | "http-host" */
	uint64_t flows;
	uint64_t first_packet;    /* packet at which the name was first seen */
};

/* Flows that used one TLS version (negotiated, else the highest offered). */
struct traffic_tls {
	uint16_t version;         /* 0x0303 … */
	const char *name;         /* "TLS1.2" … */
	uint64_t flows;
	uint64_t first_packet;    /* first packet of the first such flow */
	const char *host;         /* a host such a flow named, or NULL */
};

/* A cleartext login (filled by the login classifiers; none yet). */
struct traffic_cred {
	const char *protocol;
	const char *client, *server;   /* "ip:port", "[v6]:port" */
	const char *user;              /* NULL when not known */
	uint64_t packet;               /* the packet that completed the secret */
	uint64_t count;                /* messages of the flow that carried it (SNMP requests), else 1 */
	bool anonymous;                /* anonymous FTP: information, not a leak */
	bool user_is_password;         /* the password equals the user name: the
					* user is not printed (EL403 user-as-password) */
	bool no_auth;                  /* a session without any authentication
					* (VNC security type None): no secret,
					* EL403 no-auth */
	bool hidden;                   /* a password hidden only by a shared
					* secret (RADIUS PAP): no secret read,
					* EL403 hidden */
	bool ppp;                      /* a PPP PAP password (PPPoE, L2TP):
					* EL403 ppp */
	const char *hash_type;         /* traffic.hashes: the crackable hash
					* ("NetNTLMv2"…, EL406); NULL otherwise */
	bool hash_weak;                /* RC4-HMAC or DES Kerberos: EL406 weak */
	const char *hash_variant;      /* EL406's variant for this kind of hash
					* (cls_cred.hash_variant), or NULL */
	uint8_t outcome;               /* the server's verdict: enum cred_outcome of
					* src/capture/capture.h (0 unknown, 1
					* succeeded, 2 failed) */
};
#define TRAFFIC_CREDS_MAX 10000        /* credentials kept (and reported) per capture */
/* traffic_cred.outcome as JSON and the reports say it: "unknown",
 * "succeeded", "failed". */
const char *cred_outcome_name(uint8_t o);

/* A server certificate with a problem (TLS <= 1.2; src/capture/tls_cert.c):
 * the same certificate from the same server for the same name is one
 * entry, its flows counted. Texts are the certificate's, escaped. */
struct traffic_cert {
	const char *server;            /* "ip:port" */
	const char *sni;               /* the name asked for, or NULL */
	const char *subject, *issuer, *names, *not_before, *not_after;
	unsigned problems;             /* TLS_CERT_* bits (src/capture/capture.h) */
	int rsa_bits;
	const char *weak_digest;       /* "SHA-1", "MD5" or NULL */
	const char *verify_error;      /* why the issuer is unknown (static, en) … */
	const char *verify_error_ja;   /* … and ja */
	uint64_t packet;               /* the first flow's Certificate packet */
	uint64_t flows;
};
#define TRAFFIC_CERTS_MAX 1000         /* certificates with problems kept per capture */

#define TRAFFIC_HOSTS_MAX 50      /* hosts listed, most flows first */

/* An 802.11 network a capture's beacons or probe responses described
 * (issue 16 §4; item 6-2: checks/wifi_security.c). */
struct traffic_wlan {
	const char *bssid;        /* "02:00:00:00:0a:01" */
	const char *ssid;         /* escaped: bytes that are not printable UTF-8
				   * as \xNN, a backslash as \\; NULL: hidden
				   * and never named */
	bool hidden;              /* its beacons hide the SSID */
	enum wifi_sec sec;        /* WSEC_UNKNOWN: suites edgelint does not know */
	bool tkip;                /* TKIP allowed for unicast */
	enum wifi_pmf pmf;        /* with an RSNE; WPMF_UNSET without */
	uint64_t beacons, probe_resps;
	uint64_t data_frames;     /* data frames with its BSSID … */
	uint64_t protected_frames;   /* … of which encrypted (not readable) */
	uint64_t packet;          /* its first beacon or probe response */
};

/* A client of a capture (issue 16 §7): an address that opened flows, and
 * what they carried; internal when the address is private or local
 * (rules/internet-sources.yaml's private-use, shared, link-local and
 * loopback ranges: the organisation's own hosts). */
struct traffic_client {
	const char *addr;         /* "192.168.1.10", "2001:db8::1" */
	bool internal;
	uint64_t flows, bytes;
	uint64_t https_flows, https_bytes, http_flows, http_bytes;
	uint64_t logins;          /* cleartext logins it sent */
};
#define TRAFFIC_CLIENTS_MAX 50    /* clients listed: most logins, then most bytes */

/* What a capture showed (kind pcap). Web = HTTPS (TLS or QUIC) plus
 * cleartext HTTP, recognised by content; bytes are captured bytes of
 * whole frames, both directions. */
struct traffic {
	uint64_t packets, bytes, flows;
	uint64_t https_flows, http_flows, https_bytes, http_bytes;
	uint64_t tls_flows, quic_flows;
	uint64_t port_fallback_flows;   /* web by port alone: content not recognised */
	uint64_t first_http_packet;     /* first packet of the first HTTP flow, 0: none */
	uint64_t evicted;               /* flows evicted from the full table */
	uint64_t fragments, not_ip, truncated;
	size_t max_flows;
	size_t memory_budget;           /* bytes (src/capture/capture.h, FT_MEM_DEFAULT) */
	uint64_t budget_cut;            /* flows the budget stopped reading */
	bool budget_slots;              /* the budget kept the table under max_flows */
	int link;                       /* link type (LINKTYPE_ number) */
	const char *link_name;
	struct traffic_client *clients; /* at most TRAFFIC_CLIENTS_MAX */
	size_t nclients;
	size_t clients_total;           /* distinct clients kept (at most FT_MAX_CLIENTS) */
	uint64_t clients_dropped_flows; /* flows of clients past that limit */
	/* The first and the last packet's time, UTC, ISO 8601 with the
	 * fraction the capture gives ("2026-12-07T21:30:00.123456Z"); NULL
	 * when no packet had a time (pcapng Simple Packet Blocks only). */
	const char *time_first, *time_last;
	uint64_t wlan_frames;           /* 802.11 frames (radiotap, PPI, plain) */
	uint64_t wlan_protected;        /* of which encrypted data frames: not readable */
	uint64_t tunnel_packets;        /* packets read inside a tunnel (IP in IP, GRE,
					 * VXLAN, GTP-U, Teredo): flows are the inner ones */
	uint64_t tunnel_cut;            /* of which nested deeper than the limit */
	struct traffic_host *hosts;     /* at most TRAFFIC_HOSTS_MAX */
	size_t nhosts;
	size_t hosts_total;             /* distinct (name, via) pairs seen */
	struct traffic_host *seen;      /* all hosts_total of them, in order of first sight
					 * (for the look-alike check, EL404) */
	struct traffic_tls *tls;        /* by version, newest first */
	size_t ntls;
	struct traffic_cred *creds;     /* cleartext credentials, at most TRAFFIC_CREDS_MAX */
	size_t ncreds;
	uint64_t creds_total;           /* all seen, kept or not */
	struct traffic_cred *anon;      /* anonymous logins, at most TRAFFIC_CREDS_MAX */
	size_t nanon;
	uint64_t anon_total;
	struct traffic_cred *hashes;    /* password hashes crackable offline (EL406),
					 * at most TRAFFIC_CREDS_MAX */
	size_t nhashes;
	uint64_t hashes_total;
	uint64_t certs_read;            /* Certificate messages judged (TLS <= 1.2) */
	struct traffic_cert *certs;     /* those with a problem, at most TRAFFIC_CERTS_MAX */
	size_t ncerts;
	uint64_t certs_total;           /* with a problem, kept or not */
	uint64_t certs_too_large;       /* over the message limit: not read */
	uint64_t certs_too_large_packet;   /* the first such */
	uint32_t certs_msg_max;         /* the limit (bytes) */
	struct traffic_wlan *wlans;     /* 802.11 networks seen, in order of first sight */
	size_t nwlans;
	uint64_t wlans_dropped;         /* beacons/probe responses of networks past the limit */
};

/* One input file and everything edgelint learnt from it. */
struct input {
	const char *path;         /* as given; "-" shows as "<stdin>" */
	const char *display;      /* path as valid UTF-8, for reports */
	struct input_part *parts; /* several files read as one input, or NULL */
	size_t nparts, capparts;
	const struct input_kind *kind;   /* NULL when not detected */
	bool kind_forced;         /* the kind came from --kind, not the content */
	struct arena arena;
	char *data;               /* whole text for config kinds (malloc) */
	size_t len;
	FILE *stream;             /* a pipe or FIFO read once, for a streaming
				   * kind: its parser takes it (sets NULL) */
	const char *error;        /* first fatal problem (arena), or NULL; raw bytes
				   * of the input may be in it: print it only
				   * through finding_scrub() */
	const char *error_ja;     /* the same in Japanese (arena); set with error */
	struct diag *diags, **diags_tail;
	size_t ndiag_errors;
	bool has_coverage;
	unsigned lines_total, lines_understood;
	/* Lines not understood, as input_unknown() counted them (the first
	 * INPUT_UNKNOWN_LISTED named one by one, the rest in one note at the
	 * first of them, unknown_more_line). */
	unsigned lines_unknown, unknown_more_line;
	bool unknown_more_said;
	bool has_device;
	struct device dev;
	struct traffic *traffic;  /* captures only (arena), else NULL */
	enum item_status items[ITEM_COUNT];
	/* Items this input feeds beyond its kind's (a capture that saw
	 * 802.11 networks feeds 6-2): set by the parser. */
	bool feeds_extra[ITEM_COUNT];
	const char *item_note[ITEM_COUNT]; /* checklist.yaml note id for NA/unknown */
	/* The note of an unknown part a worse status (warn, fail) overrode:
	 * the report still says what was not checked. NULL when none. */
	const char *item_unknown_note[ITEM_COUNT];
	bool item_touched[ITEM_COUNT];
	struct finding *findings;
	size_t nfindings, capfindings;
	/* Secrets seen in the input (in its arena), in the order found. What
	 * leaves the process is matched against the secrets of the whole run
	 * (secrets.h), which report_render() builds from every input's list
	 * and lends through run_secrets while it renders. */
	const char **secrets;
	size_t *secret_lens;
	size_t nsecrets, capsecrets;
	struct secret_set *run_secrets;   /* borrowed, or NULL */
	/* Values printed as themselves although a secret may equal them or
	 * occur in them (the file's path, SSIDs, captured user names): built
	 * by input_publics_build() while a report renders (finding_scrub). */
	struct secret_set publics;
	struct secret_set own_secrets;  /* its own secrets, for the same time */
	bool publics_built;
};

/* Initialises an input for path. */
void input_init(struct input *in, const char *path);
/* Appends a file to an input made of several: its bytes are copied to
 * the end of in->data (a newline is added when it has none). display is
 * copied. Returns 0, EL_ENOMEM, or EL_ETOOBIG past max total bytes. */
int input_add_part(struct input *in, const char *display, const char *path,
		   const char *data, size_t len, size_t max);
/* The file a line of the input is in (its display name, NULL for a
 * single-file input) and the line within it (*local). */
const char *input_locate(const struct input *in, unsigned line, unsigned *local);
/* The part a line is in, or NULL for a single-file input. */
const struct input_part *input_part_of(const struct input *in, unsigned line);
/* Frees everything the input owns. */
void input_free(struct input *in);
/* Display name of the input's path. */
const char *input_display_path(const struct input *in);

/* Adds a diagnostic in English and Japanese (both formatted with the same
 * arguments, copied into the arena). Error-level diagnostics make the run
 * exit 2; the first one also becomes in->error (and in->error_ja) when
 * no fatal error is set yet. Returns 0 or EL_ENOMEM. Use the input_diag() macro,
 * which has the compiler check both formats against the arguments. */
int input_diag_l(struct input *in, enum diag_level lvl, unsigned line,
		 unsigned col, const char *fmt_en, const char *fmt_ja, ...)
	__attribute__((format(printf, 5, 7)));
#define input_diag(in, lvl, line, col, en, ja, ...)                            \
	((void)sizeof(printf(ja, ##__VA_ARGS__)),                              \
	 input_diag_l(in, lvl, line, col, en, ja, ##__VA_ARGS__))
/* A content line the parser did not understand (a word or token it does
 * not know anywhere on it; the parser counted it in in->lines_total and
 * not in in->lines_understood, see docs/json.md "coverage"): counted in
 * in->lines_unknown. Every parser reports such a line here and nowhere
 * else, one way for all kinds (issue 13 §2): the first
 * INPUT_UNKNOWN_LISTED get a note at their line with the parser's own
 * text (en and ja, formatted with the same arguments, as for input_diag:
 * what was not understood), and the rest are counted into one "N more
 * line(s) not understood" note at the first of them, which
 * input_unknown_end() adds (each parser calls it after its loop, and the
 * run again before the notes become findings, for a parser that stopped
 * early). A command over several physical lines is one call, at its first
 * line. Returns 0 or EL_ENOMEM. */
#define INPUT_UNKNOWN_LISTED 30
int input_unknown_l(struct input *in, unsigned line, const char *fmt_en, const char *fmt_ja, ...)
	__attribute__((format(printf, 3, 5)));
#define input_unknown(in, line, en, ja, ...)                                   \
	((void)sizeof(printf(ja, ##__VA_ARGS__)),                              \
	 input_unknown_l(in, line, en, ja, ##__VA_ARGS__))
/* Whether the next input_unknown() names its line in a note of its own
 * (false past INPUT_UNKNOWN_LISTED): a caller can skip building its text. */
static inline bool input_unknown_listed(const struct input *in)
{
	return in->lines_unknown < INPUT_UNKNOWN_LISTED;
}
/* Adds the one "N more line(s) not understood" note when more than
 * INPUT_UNKNOWN_LISTED lines were; once per input. Returns 0 or EL_ENOMEM. */
int input_unknown_end(struct input *in);
/* Marks the input as unreadable: sets in->error and in->error_ja (both
 * formatted with the same arguments, copied, after "<display path>: ")
 * if no error is set yet. Use
 * the input_fail() macro, which has the compiler check both formats. */
void input_fail_l(struct input *in, const char *fmt_en, const char *fmt_ja, ...)
	__attribute__((format(printf, 2, 4)));
#define input_fail(in, en, ja, ...)                                            \
	((void)sizeof(printf(ja, ##__VA_ARGS__)),                              \
	 input_fail_l(in, en, ja, ##__VA_ARGS__))
/* Memory ran out while reading the input: its error (sticky: the run
 * reports it, exit 2, no item passes), naming the line when not 0.
 * Returns EL_ENOMEM. */
int input_nomem(struct input *in, unsigned line);
/* arena_grow() in the input's arena: room for one more element, or NULL
 * with input_nomem() done (never a dropped element). */
void *input_grow(struct input *in, void *arr, size_t *cap, size_t n, size_t elem);
/* The input's error in the report's language (Japanese when ja), or NULL:
 * raw, like in->error (print it only through finding_scrub()). */
/* One access point with WPS on, said at line, offering pin and push
 * (TRI_UNSET: not said): the device's WPS is on, the first line kept; a
 * method is on when one such access point has it on, off when all have
 * it off, else not said. */
static inline enum tri wps_method_merge(enum tri have, enum tri add)
{
	if (have == TRI_YES || add == TRI_YES)
		return TRI_YES;
	return have == TRI_NO && add == TRI_NO ? TRI_NO : TRI_UNSET;
}

static inline void device_wps_on(struct device *d, unsigned line, enum tri pin, enum tri push)
{
	if (d->wps != TRI_YES) {
		d->wps = TRI_YES;
		d->wps_line = line;
		d->wps_pin = pin;
		d->wps_push = push;
		return;
	}
	d->wps_pin = wps_method_merge(d->wps_pin, pin);
	d->wps_push = wps_method_merge(d->wps_push, push);
}

static inline const char *input_error_text(const struct input *in, bool ja)
{
	return ja && in->error_ja ? in->error_ja : in->error;
}
/* Remembers a secret (not copied: it must live in the input's arena)
 * so that every output is scrubbed of it. */
int input_add_secret(struct input *in, const char *s, size_t n);
/* Records, at line, an account whose clear-text password pass equals its
 * user name user (ignoring case), and registers both as secrets: the
 * name is then a secret too and never printed. command: the words the
 * line starts with (a constant), quoted as evidence. Returns 1 when they
 * are equal (recorded), 0 when not, EL_ENOMEM. */
int input_add_same_login(struct input *in, unsigned line, enum acct_kind acct, const char *command,
			 const char *user, const char *pass);
/* Adds the input's secrets to set: 0 or EL_ENOMEM. */
int input_secrets_add_to(const struct input *in, struct secret_set *set);
/* Builds in->own_secrets (the input's secrets, as finding_scrub looks
 * for them) and in->publics: the values of the input a report prints as
 * themselves even when a secret occurs in them (its path and display
 * names, the SSIDs of its networks, the user names of its captured
 * logins), except a value that holds a secret of another input of the
 * run (set: the run's secrets, or NULL) and a value equal to a secret
 * it names (an SSID equal to a passphrase, a user name equal to its own
 * password: wifi_net_shown_ssid(), traffic_cred.user_is_password).
 * Returns 0 or EL_ENOMEM (then publics refuse to cover anything). */
int input_publics_build(struct input *in, struct secret_set *run);
/* The same values added to out (not in->publics). */
int input_publics_add_to(const struct input *in, struct secret_set *run, struct secret_set *out);
/* The SSID a report shows for w: the SSID, or SECRET_MASK when it
 * equals (ignoring case) the network's own passphrase, since printing it
 * would print the passphrase (EL255 equals-ssid says so), or any other
 * secret of the input (another network's passphrase in a multi-SSID
 * config, a PPPoE password): the reader of a report must not learn a
 * secret by reading a name. Never NULL. (An SSID equal to a secret of
 * another input of the run is not a public value either
 * (input_publics_build), so the last line of defence masks it.) */
const char *wifi_net_shown_ssid(const struct input *in, const struct wifi_net *w);
/* Raises an item's status to at least st (statuses merge by maximum);
 * note is a checklist.yaml note id explaining NA/unknown, or NULL. */
void input_item(struct input *in, int item, enum item_status st,
		const char *note);

#endif
