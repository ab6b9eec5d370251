/*
 * query.h — item 3-2, one flow at a time: the packet-tracer question
 * "is a new connection to this address (protocol, port) accepted from
 * the internet, or from this source, and which config lines decide it?"
 * (issue 17 §4; `edgelint query`, and the proof of the fixes of §2).
 *
 * It reads the vendor-neutral model only (struct device: internet-facing
 * interfaces, their inbound lists, NAT forwards, the box's services) and
 * asks the shared filter analysis (filter.h) exactly what the exposure
 * check asks (src/checks/exposure.c), for one destination:
 *  - the box itself (the address is one of its own): each enabled
 *    service of the box, through the list that governs traffic to the box
 *    (the interface's inbound list, or the box's own filter where the
 *    device has one), from the sources the service itself accepts; and
 *    each forward that leads to that address of the box;
 *  - a forwarded host (IPv4 with NAT): each port forward or static NAT
 *    whose inside host is the address, through the list as it applies to
 *    that forward;
 *  - an inside host without NAT (IPv6, IPv4 routed): the list itself.
 * The address is the one the connection reaches after NAT (the inside
 * host, the router), and the port the port there, as the exposure
 * findings name them.
 *
 * Deciding lines: every list line that decides at least one packet of
 * the flow (the first match, new-connection packets only), in list order,
 * with its action, plus the list default when it decides some. Pass
 * deciders come from filter_reach over the list; deny deciders from the
 * same walk over the list with every action reversed (what the reversed
 * list passes is exactly what the list denies, tagged with the same
 * deciding line). Both are exact.
 *
 * Memory: everything lives in the caller's arena.
 */
#ifndef EDGELINT_QUERY_H
#define EDGELINT_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "filter.h"
#include "internet.h"
#include "model.h"

/* The flow asked about. */
struct query_req {
	enum fam fam;
	struct u128 to;           /* the destination after NAT */
	bool has_proto;           /* false: every protocol */
	uint32_t proto;
	bool has_port;            /* false: every port (only with tcp/udp) */
	uint32_t port;
	bool has_from;            /* false: every source from outside (internet_sources) */
	struct u128 from;
	const char *iface;        /* an interface's model name ("pp 1",
				   * "outside"), or NULL: every one */
};

/* Parses "ADDR", "ADDR:PROTO", "ADDR:PROTO/PORT" (IPv6 as "[ADDR]:…" when
 * a protocol follows; PROTO a name — tcp, udp, icmp, icmp6, esp, ah, gre —
 * or a number 0-255; PORT 0-65535, only after tcp or udp) into rq's fam,
 * to, proto and port. Returns 0, or -1 with *why a constant English text
 * and *why_ja its Japanese. */
int query_parse_to(const char *s, struct query_req *rq, const char **why, const char **why_ja);
/* Parses a source address of family fam into rq->from. 0 or -1. */
int query_parse_from(const char *s, struct query_req *rq);

/* What leads the flow to its destination on one interface. */
enum query_target {
	QT_BOX,                   /* a service of the box itself */
	QT_FORWARD,               /* a port forward / static NAT */
	QT_INSIDE,                /* an inside host, no NAT */
};

/* The role of a line in a path. */
enum query_role {
	QR_INTERFACE,             /* the line that makes the interface face the internet */
	QR_NAT,                   /* the forward or static NAT */
	QR_SERVICE,               /* the box service (or its host list) */
	QR_LIST,                  /* where the list is applied */
	QR_RULE,                  /* a list line that decides some packet of the flow */
	QR_DEFAULT,               /* the list default decides some (line: the list's) */
	QR_NO_LIST,               /* no inbound list: everything passes (line: the interface's) */
};

struct query_line {
	enum query_role role;
	unsigned line;            /* 1-based, 0 when the model has none (a default) */
	enum faction action;      /* QR_RULE, QR_DEFAULT */
	const char *name;         /* QR_RULE: the vendor's id of the rule ("200020") */
};

/* How a path is answered. */
enum query_state {
	QS_ACCEPTED,              /* some packet of the flow gets through */
	QS_DENIED,                /* none does */
	QS_UNKNOWN,               /* the list could not be read or analysed: no answer */
};

struct query_path {
	const struct wan_if *w;
	enum fam fam;
	enum query_target target;
	const struct box_service *svc;   /* QT_BOX by a service, else NULL */
	const struct nat_forward *fwd;   /* QT_FORWARD, or QT_BOX by a forward to the box */
	enum query_state state;
	/* QS_UNKNOWN: "unreadable", "missing" (the list it names is not in
	 * the input) or "too-complex" (past FILTER_MAX_BOXES). */
	const char *unknown_why;
	/* QS_ACCEPTED: what gets through (protocol, ports, sources), from
	 * filter_summarise. */
	struct freach *reach;
	size_t nreach;
	struct query_line *lines;        /* by role, then line (list order) */
	size_t nlines;
};

struct query_result {
	bool accepted;            /* some path is QS_ACCEPTED */
	bool unknown;             /* some path is QS_UNKNOWN */
	struct query_path *paths; /* interfaces in model order, then box, forwards, inside */
	size_t npaths;
	/* The sources of the first interface asked about: every one that
	 * can arrive there (all addresses but the inside networks and the
	 * box: what is asked without rq->has_from) and its public part
	 * (internet_sources), for reports to say "any source" or "every
	 * public source". */
	struct aset outside, internet;
};

/* Whether the model names an internet-facing interface name (closed WANs
 * included). */
bool query_iface_known(const struct device *d, const char *name);

/* Answers rq on the model of in (an office router's input: parsed, with
 * no fatal error). internet: the public sources (registry data). Returns
 * 0, EL_ENOMEM, EL_ETOOBIG (too many paths) or EL_EINVAL (rq->iface is not
 * an interface of the model). */
int query_run(struct arena *a, const struct input *in, const struct internet_data *internet,
	      const struct query_req *rq, struct query_result *out);

#endif
