/*
 * exposure.c — item 3-2: what the internet can reach.
 *
 * Office routers: for every internet-facing interface and address family,
 * the shared filter analysis (src/filter.c) answers which new connections
 * cross the inbound filter — to the router's own services, to each NAT
 * forward, and (where there is no NAT, as on IPv6) to inside hosts — and
 * from which sources. With no policy, only VPN termination is needed from
 * anywhere (DESIGN "Meaning of the items"); anything else reachable from
 * any source fails, reachable only from named sources is reported as info.
 *
 * "Any source" means the public internet, not every address: the sources
 * that can arrive on an interface are all addresses but its inside
 * networks and the box ("outside"); the internet is the public part of
 * that (rules/internet-sources.yaml: the IANA special-purpose registries,
 * RFC 6890/8190, multicast and reserved space; for IPv6 only 2000::/3).
 * A list that rejects private and reserved sources (YAMAHA's 200000-200002,
 * Cisco's `deny ip 10.0.0.0 255.0.0.0 any`) and then passes a service from
 * `*` opens it to the whole internet. A source set is judged by how much
 * of the internet it holds (src/internet.h):
 *   - any:        all of it (the message says "any internet address", or
 *                 "… except private and reserved ranges" when only those
 *                 are rejected): EL104/EL105 fail;
 *   - broad:      more public addresses than one prefix of the broad
 *                 length (default /16 for IPv4, /32 for IPv6; the policy's
 *                 broad_source_ipv4_prefix / broad_source_ipv6_prefix):
 *                 judged like any source, the message gives the share of
 *                 the internet that can reach the service;
 *   - restricted: at most that many (it names partners): EL106 info.
 * YAMAHA's own GUI writes the private-source rejects (200000-200002, and
 * 200003 for the LAN prefix) and explains them as discarding spoofed
 * sources, not as restricting who may connect ("FWX120 GUI「プロバイダ情報
 * の設定」で設定されるフィルターの解説", YMHRT-4516, jp.yamaha.com/products/
 * network/solution/security/wan_side/ …filter_wizard_explain-fwx120/:
 * "送信元アドレスが 192.168.100.0/24 のパケットを破棄します"); the GUI set
 * is in ../shared/research/yamaha.md "YAMAHA GUI default sets".
 *
 * Home routers (remote administration, UPnP, port forwards, under 5-3):
 * exposure_home.c.
 */
#include "checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../filter.h"
#include "../internet.h"


/* ---- office routers -------------------------------------------------------- */

struct xp {                      /* one interface and family being analysed */
	struct input *in;
	const struct run_ctx *ctx;
	struct arena *a;
	const struct wan_if *w;
	enum fam fam;
	const struct flist *l;
	const char *fam_name;        /* "IPv4" / "IPv6" */
	struct aset outside;         /* every source but the inside networks and the box */
	struct aset internet;        /* the public part of outside */
	unsigned broad_prefix;       /* more public sources than one such prefix: broad */
	/* registry_service's answer per TCP (0..65535) and UDP (65536 + port)
	 * port once asked (svc_none: no service), then per other protocol
	 * (131072 + protocol: its answer for every port, or svc_ported when
	 * some service of it names ports), or NULL: not kept. A list of
	 * thousands of reaches asks about the same ports again and again
	 * (an ICMP reach about 4096 "ports" of its full range), and each
	 * answer scans the service table. */
	const struct service_def **svc_memo;
};

static const struct service_def svc_none, svc_ported;
#define SVC_MEMO_PORTS ((size_t)2 * 65536)
#define SVC_MEMO_SIZE (SVC_MEMO_PORTS + 256)

/* Whether some service of protocol proto names ports: then its answer
 * depends on the port. */
static bool proto_has_ported_service(const struct registry *reg, uint32_t proto)
{
	for (size_t i = 0; i < reg->nservices; i++)
		if (reg->services[i].proto == proto && reg->services[i].ports.n)
			return true;
	return false;
}

/* registry_service, remembered per port (TCP, UDP) or per protocol (the
 * others, when the answer cannot depend on the port) for the interface
 * and family. */
static const struct service_def *xp_service(const struct xp *x, uint32_t proto, uint32_t port)
{
	const struct registry *reg = x->ctx->reg;
	if (!x->svc_memo || port > 65535 || proto > 255)
		return registry_service(reg, proto, port);
	const struct service_def **m;
	if (proto == PROTO_TCP || proto == PROTO_UDP) {
		m = &x->svc_memo[(proto == PROTO_UDP ? 65536u : 0u) + port];
	} else {
		m = &x->svc_memo[SVC_MEMO_PORTS + proto];
		if (!*m && proto_has_ported_service(reg, proto))
			*m = &svc_ported;
		if (*m == &svc_ported)
			return registry_service(reg, proto, port);
	}
	if (!*m) {
		const struct service_def *sd = registry_service(reg, proto, port);
		*m = sd ? sd : &svc_none;
	}
	return *m == &svc_none ? NULL : *m;
}

/* "tcp/80, 443", "tcp/any port", "protocols 0-5, 7-16"; in Japanese when
 * ja ("tcp/全ポート", "プロトコル 0-5, 7-16"). */
static const char *proto_port_text(struct arena *a, const struct pset *proto,
				   const struct pset *ports, bool ja)
{
	if (proto->n == 1 && proto->iv[0].lo == proto->iv[0].hi) {
		uint32_t p = proto->iv[0].lo;
		const char *pn = proto_name(p);
		char num[16];
		if (!pn) {
			snprintf(num, sizeof(num), ja ? "プロトコル %u" : "protocol %u", p);
			pn = num;
		}
		if (p == PROTO_TCP || p == PROTO_UDP) {
			bool all = ports->n == 1 && ports->iv[0].lo == 0 && ports->iv[0].hi == 65535;
			return arena_printf(a, "%s/%s", pn,
					    all ? (ja ? "全ポート" : "any port") : pset_format(a, ports, 80));
		}
		return arena_strdup(a, pn);
	}
	return arena_printf(a, ja ? "プロトコル %s" : "protocols %s", pset_format(a, proto, 60));
}

/* Text our code writes, in English and in Japanese: the two values of a
 * finding argument "k" and its twin "k_ja" (finding.h). */
struct twin {
	const char *en, *ja;
};

/* What messages call the box: an ASA is a firewall, not a router. */
static struct twin box_noun(const struct input *in)
{
	return in->kind && in->kind->firewall ? (struct twin){"firewall", "ファイアウォール"}
					      : (struct twin){"router", "ルータ"};
}

/* A filter's name in a message. A YAMAHA filter is its number; the ASA
 * parser names an ACE "<access-list> line <config line>", which reads in
 * Japanese as "<access-list>（<n> 行目）". */
static struct twin rule_label(struct arena *a, const struct frule *r)
{
	const char *at = NULL;
	for (const char *p = strstr(r->name, " line "); p; p = strstr(p + 1, " line "))
		at = p;
	if (!at)
		return (struct twin){r->name, r->name};
	const char *ja = arena_printf(a, "%.*s（%s 行目）", (int)(at - r->name), r->name,
				      at + strlen(" line "));
	return (struct twin){r->name, ja ? ja : r->name};
}

/* Deciding rules as text: "filter 200020 (line 40), no filter matches
 * (list default)"; ASA ACEs "OUTSIDE_IN line 87". */
static struct twin rules_text(const struct xp *x, const int *rules, size_t n)
{
	struct strbuf sb[2];
	for (int l = 0; l < 2; l++)
		sb_init(&sb[l], 600);
	for (size_t i = 0; i < n && i < 6; i++) {
		if (i) {
			sb_adds(&sb[0], ", ");
			sb_adds(&sb[1], "、");
		}
		if (rules[i] < 0 || !x->l->present) {
			sb_adds(&sb[0], x->l->present ? "no filter matches (list default)"
						      : "no inbound filter");
			sb_adds(&sb[1], x->l->present ? "どのフィルタにも一致しない（リストの既定の動作）"
						      : "受信フィルタなし");
			continue;
		}
		const struct frule *r = &x->l->rules[rules[i]];
		struct twin lb = rule_label(x->a, r);
		if (lb.en != lb.ja) {   /* an ACE: its label holds the line */
			sb_adds(&sb[0], lb.en);
			sb_adds(&sb[1], lb.ja);
		} else {
			sb_printf(&sb[0], "filter %s (line %u)", r->name, r->line);
			sb_printf(&sb[1], "フィルタ %s（%u 行目）", r->name, r->line);
		}
	}
	if (n > 6) {
		sb_adds(&sb[0], ", …");
		sb_adds(&sb[1], "、…");
	}
	struct twin t;
	t.en = arena_strdup(x->a, sb_str(&sb[0]));
	t.ja = arena_strdup(x->a, sb_str(&sb[1]));
	for (int l = 0; l < 2; l++)
		sb_free(&sb[l]);
	if (!t.en)
		t.en = "";
	if (!t.ja)
		t.ja = t.en;
	return t;
}

/* Where a finding about this reach points: the pass rule, else the list,
 * else the interface. */
static unsigned reach_line(const struct xp *x, const int *rules, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (rules[i] >= 0 && x->l->present)
			return x->l->rules[rules[i]].line;
	return x->l->present ? x->l->line : x->w->line;
}

/* The vendor template line (its id) that every deciding rule of a reach
 * is, or NULL when any is not one (or the list default decides). */
static const char *template_of(const struct xp *x, const int *rules, size_t n)
{
	const char *id = NULL;
	if (!x->l->present || !x->l->tmpl)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (rules[i] < 0 || !x->l->tmpl[rules[i]])
			return NULL;
		if (id && strcmp(id, x->l->tmpl[rules[i]]) != 0)
			return NULL;
		id = x->l->tmpl[rules[i]];
	}
	return id;
}

/* Whether the policy's allowed_inbound covers this reach. */
static const struct policy_inbound *policy_allows(const struct xp *x, uint32_t proto,
						  const struct pset *ports, const struct aset *src,
						  const struct u128 *host)
{
	const struct policy *p = x->ctx->pol;
	for (size_t i = 0; i < p->ninbound; i++) {
		const struct policy_inbound *e = &p->inbound[i];
		uint32_t ep = strcmp(e->proto, "tcp") == 0 ? PROTO_TCP
			      : strcmp(e->proto, "udp") == 0 ? PROTO_UDP
			      : strcmp(e->proto, "esp") == 0 ? PROTO_ESP
			      : strcmp(e->proto, "gre") == 0 ? PROTO_GRE
			      : strcmp(e->proto, "icmp") == 0 ? PROTO_ICMP : 256;
		if (ep != 256 && ep != proto)
			continue;
		if (e->port >= 0 && (ports->n != 1 || ports->iv[0].lo != (uint32_t)e->port ||
				     ports->iv[0].hi != (uint32_t)e->port))
			continue;
		if (e->to) {
			struct u128 t;
			if (!host || addr_parse(x->fam, e->to, strlen(e->to), &t) ||
			    t.hi != host->hi || t.lo != host->lo)
				continue;
		}
		if (e->nsources) {
			struct aset allowed, u, rest;
			aset_empty(x->fam, &allowed);
			for (size_t k = 0; k < e->nsources; k++) {
				struct aset one;
				const char *s = e->sources[k];
				const char *sl = strchr(s, '/');
				struct u128 ad;
				long plen = x->fam == FAM_V4 ? 32 : 128;
				if (addr_parse(x->fam, s, sl ? (size_t)(sl - s) : strlen(s), &ad) ||
				    (sl && str_to_long(sl + 1, 0, plen, &plen)) ||
				    aset_prefix(x->a, x->fam, ad, (unsigned)plen, &one) ||
				    aset_union(x->a, &allowed, &one, &u))
					continue;
				allowed = u;
			}
			if (aset_minus(x->a, src, &allowed, &rest) || !aset_is_empty(&rest))
				continue;
		}
		return e;
	}
	return NULL;
}

/* What a reach is: the target (router, a forward, inside hosts). */
struct target {
	const char *variant;         /* "box", "forward", "inside" */
	const char *host;            /* forward: inner host text */
	const struct u128 *host_addr;
	const char *svc_name;        /* a box service's own name */
	const char *svc_name_ja;     /* the same in Japanese; NULL: as svc_name */
	enum svc_class svc_cls;
	bool from_box_service;
	unsigned line;               /* NAT or service line, 0 if none */
	const char *evidence;
	const char *evidence_ja;     /* the same in Japanese when it holds
				      * words of ours; NULL: as evidence */
};

static bool vpn_needed(const struct xp *x, const char *name)
{
	const struct device *d = &x->in->dev;
	if (strcmp(name, "ike") == 0 || strcmp(name, "ipsec-nat-t") == 0 ||
	    strcmp(name, "esp") == 0 || strcmp(name, "nat-t") == 0)
		return true;
	if (strcmp(name, "ssl-vpn") == 0 || strcmp(name, "ssl-vpn-dtls") == 0)
		return true;   /* AnyConnect / clientless SSL VPN listener */
	if (strcmp(name, "gre") == 0 && d->pptp)
		return true;   /* PPTP's data channel: EL107 covers PPTP */
	if (strcmp(name, "l2tp") == 0) {
		for (size_t i = 0; i < d->nsvcs; i++)
			if (strcmp(d->svcs[i].name, "l2tp") == 0 && d->svcs[i].enabled)
				return true;
	}
	return false;
}

/* "http/https (tcp/80, 443)", or "tcp/25565" when no port has a name;
 * in English and, with the protocol and port words in Japanese, in
 * Japanese. */
static struct twin service_text(const struct xp *x, uint32_t proto, const struct pset *proto_set,
				const struct pset *ports, const char *own_name, const char *own_name_ja)
{
	/* The names are the same in both languages: looked up once. */
	const char *what = proto_port_text(x->a, proto_set, ports, false);
	const char *what_ja = proto_port_text(x->a, proto_set, ports, true);
	struct strbuf sb;
	sb_init(&sb, 200);
	if (own_name) {
		sb_adds(&sb, own_name);
	} else {
		/* Name up to 8 single ports of the set; ranges by their start. */
		size_t named = 0;
		for (size_t i = 0; i < ports->n && named < 8; i++) {
			uint32_t lo = ports->iv[i].lo, hi = ports->iv[i].hi;
			for (uint32_t p = lo; p <= hi && named < 8 && (hi - lo) < 16; p++) {
				const struct service_def *sd = xp_service(x, proto, p);
				if (!sd || strstr(sb_str(&sb), sd->name))
					continue;
				sb_printf(&sb, "%s%s", sb.len ? "/" : "", sd->name);
				named++;
			}
		}
		if (ports->n == 0) {
			const struct service_def *sd = xp_service(x, proto, 0);
			if (sd)
				sb_adds(&sb, sd->name);
		}
	}
	const char *en = sb.len ? arena_printf(x->a, "%s (%s)", sb_str(&sb), what) : what;
	const char *ja = own_name && own_name_ja ? arena_printf(x->a, "%s (%s)", own_name_ja, what_ja)
			 : sb.len ? arena_printf(x->a, "%s (%s)", sb_str(&sb), what_ja)
				  : what_ja;
	sb_free(&sb);
	return (struct twin){.en = en ? en : "", .ja = ja ? ja : ""};
}

/* The service class of a reach: its own (a router service), else the
 * most critical class among its ports. */
static void reach_class(const struct xp *x, uint32_t proto, const struct pset *ports,
			enum svc_class *cls, bool *critical, const char **vpn_name)
{
	*cls = SVC_OTHER;
	*critical = false;
	*vpn_name = NULL;
	size_t seen = 0, count = 0;
	for (size_t i = 0; i < ports->n; i++)
		count += ports->iv[i].hi - ports->iv[i].lo + 1;
	if ((proto == PROTO_TCP || proto == PROTO_UDP) && count > 1024) {
		/* A broad range (a 1:1 NAT, "any port"): it holds critical
		 * services whatever they are called. */
		*critical = true;
		return;
	}
	/* Only the ports some service of the registry names can give a class
	 * (registry_service answers NULL for the others): a forwarded range
	 * of a few hundred ports is looked at where the registry has ports. */
	const struct registry *reg = x->ctx->reg;
	const struct pset *scan = ports;
	struct pset named;
	if ((proto == PROTO_TCP || proto == PROTO_UDP) && ports->n &&
	    !reg->service_portless[proto == PROTO_UDP] &&
	    pset_intersect(x->a, ports, &reg->service_ports[proto == PROTO_UDP], &named) == 0) {
		if (!named.n)
			return;
		scan = &named;
	}
	for (size_t i = 0; i < scan->n || (scan->n == 0 && i == 0); i++) {
		uint32_t lo = scan->n ? scan->iv[i].lo : 0, hi = scan->n ? scan->iv[i].hi : 0;
		for (uint32_t p = lo; p <= hi && seen < 4096; p++, seen++) {
			const struct service_def *sd = xp_service(x, proto, p);
			if (!sd)
				continue;
			if (sd->cls == SVC_INFRA && *cls == SVC_OTHER && !*critical)
				*cls = SVC_INFRA;
			else if (sd->cls == SVC_MANAGEMENT)
				*cls = SVC_MANAGEMENT;
			else if (sd->cls == SVC_VPN && *cls == SVC_OTHER && !*vpn_name)
				*vpn_name = sd->name;
			*critical |= sd->critical;
		}
	}
	/* All of it VPN: e.g. udp 500 forwarded to the router. */
	if (*vpn_name && *cls == SVC_OTHER && !*critical) {
		bool only_vpn = true;
		seen = 0;
		for (size_t i = 0; i < ports->n && only_vpn; i++)
			for (uint32_t p = ports->iv[i].lo; p <= ports->iv[i].hi && seen < 4096; p++, seen++) {
				const struct service_def *sd = xp_service(x, proto, p);
				if (!sd || sd->cls != SVC_VPN)
					only_vpn = false;
			}
		if (only_vpn)
			*cls = SVC_VPN;
	}
}

/* Reports one reachable (protocol, ports) from src. */
static void report_reach(const struct xp *x, const struct target *t, uint32_t proto,
			 const struct pset *proto_set, const struct pset *ports,
			 const struct aset *src_in, const int *rules, size_t nrules)
{
	struct aset src;
	if (aset_intersect(x->a, src_in, &x->outside, &src) || aset_is_empty(&src))
		return;   /* nothing from outside the inside networks */
	enum svc_class cls;
	bool critical;
	const char *vpn_name;
	reach_class(x, proto, ports, &cls, &critical, &vpn_name);
	const char *name = NULL, *name_ja = NULL;
	if (t->from_box_service) {
		name = t->svc_name;
		name_ja = t->svc_name_ja;
		cls = t->svc_cls;
		critical = cls == SVC_MANAGEMENT;
		vpn_name = cls == SVC_VPN ? name : NULL;
	}
	if (cls == SVC_INFRA)
		return;   /* what the line itself needs (rules/ports.yaml) */
	bool to_box = strcmp(t->variant, "box") == 0;
	if (cls == SVC_VPN && vpn_name && strcmp(vpn_name, "pptp") == 0 && to_box)
		return;   /* PPTP has its own rule, EL107 */
	if (cls == SVC_VPN && vpn_name && to_box && vpn_needed(x, vpn_name))
		return;   /* VPN termination: what telework needs */
	struct twin st = service_text(x, proto, proto_set, ports, name, name_ja);
	const char *svc = st.en, *svc_ja = st.ja;
	struct twin dv = box_noun(x->in);
	unsigned line = reach_line(x, rules, nrules);
	if (!x->l->present && t->line)
		line = t->line;
	const char *iface = arena_printf(x->a, "%s (%s)", x->w->name, x->fam_name);
	struct src_judgement j;
	if (internet_judge(x->a, &src, &x->internet, &x->outside, x->broad_prefix, &j)) {
		/* Out of memory: never let that turn a reach into a pass. */
		j = (struct src_judgement){.scope = SRC_ANY, .all_outside = true, .share = 1};
	}
	bool any = j.scope == SRC_ANY && j.all_outside;
	const char *srcs = any ? "any" : aset_format(x->a, &src, 300);
	const char *srcs_ja = any ? "すべての送信元" : srcs;
	const struct policy_inbound *pe = policy_allows(x, proto, ports, &src, t->host_addr);
	const char *host = t->host ? t->host : "";
	if (pe) {
		/* The box, forward or inside wording, as without the policy. */
		const char *variant = to_box ? "policy"
				      : strcmp(t->variant, "inside") == 0 ? "policy-inside"
									   : "policy-forward";
		finding_evidence_ja(x->in, finding_add(x->in, x->ctx, "EL106", variant, ITEM_3_2, -1, FST_PASS, line,
			    t->evidence, "service", svc, "service_ja", svc_ja, "interface", iface,
			    "sources", srcs, "sources_ja", srcs_ja, "reason", pe->reason, "host", host,
			    "device", dv.en, "device_ja", dv.ja, ARGS_END), t->evidence_ja, 0);
		return;
	}
	if (j.scope == SRC_RESTRICTED) {
		finding_evidence_ja(x->in, finding_add(x->in, x->ctx, "EL106", t->variant, ITEM_3_2, -1, FST_PASS, line,
			    t->evidence, "service", svc, "service_ja", svc_ja, "interface", iface,
			    "sources", srcs, "sources_ja", srcs_ja, "host", host, "device", dv.en,
			    "device_ja", dv.ja, ARGS_END), t->evidence_ja, 0);
		return;
	}
	/* What only a failure or a template's line says (most reaches of a
	 * long list are restricted ones, and end above). */
	struct twin rt = rules_text(x, rules, nrules);
	char share[32], prefix[8];
	internet_share_text(j.share, j.scope == SRC_ANY, share, sizeof(share));
	snprintf(prefix, sizeof(prefix), "%u", x->broad_prefix);
	/* For the vendor hint: the filter that lets it in, and what to narrow. */
	const char *rule_name = "N";
	for (size_t i = 0; i < nrules; i++)
		if (rules[i] >= 0 && x->l->present) {
			rule_name = x->l->rules[rules[i]].name;
			break;
		}
	const char *pname = proto == PROTO_TCP ? "tcp" : proto == PROTO_UDP ? "udp" : "*";
	const char *pports = ports->n ? pset_format(x->a, ports, 60) : "*";
	const char *dst = t->host && *t->host ? t->host : "*";
	/* Let in only by a line of the vendor's own template (EL117): judged
	 * a warning when it opens an ordinary service on inside hosts. */
	const char *tid = template_of(x, rules, nrules);
	if (tid && strcmp(t->variant, "inside") == 0 && !critical && cls != SVC_MANAGEMENT) {
		finding_evidence_ja(x->in, finding_add(x->in, x->ctx, "EL117", tid, ITEM_3_2, -1, FST_WARN, line, t->evidence,
			    "service", svc, "service_ja", svc_ja, "interface", iface, "rules", rt.en,
			    "rules_ja", rt.ja, "host", host, "rule_name", rule_name, ARGS_END), t->evidence_ja, 0);
		return;
	}
	/* Any source, every public source, or a broad share of them. */
	/* Kept by the finding (not copied): in the input's arena, not x->a,
	 * which is analyse_query's scratch. */
	const char *variant = arena_printf(&x->in->arena, "%s%s", t->variant,
					   internet_variant_suffix(&j));
	if (!variant)
		variant = t->variant;
	if (cls == SVC_MANAGEMENT && strcmp(t->variant, "inside") != 0) {
		finding_evidence_ja(x->in, finding_add(x->in, x->ctx, "EL104", variant, ITEM_3_2, -1, FST_FAIL, line,
			    t->evidence, "service", svc, "service_ja", svc_ja, "interface", iface,
			    "rules", rt.en, "rules_ja", rt.ja, "host", host, "rule_name", rule_name,
			    "proto", pname, "ports", pports, "dst", dst, "share", share, "family",
			    x->fam_name, "prefix", prefix, "device", dv.en, "device_ja", dv.ja, ARGS_END), t->evidence_ja, 0);
		return;
	}
	finding_evidence_ja(x->in, finding_add(x->in, x->ctx, "EL105", variant, ITEM_3_2,
		    critical ? SEV_CRITICAL : SEV_HIGH, FST_FAIL, line, t->evidence, "service", svc,
		    "service_ja", svc_ja, "interface", iface, "rules", rt.en, "rules_ja", rt.ja,
		    "host", host, "rule_name", rule_name, "proto", pname, "ports", pports, "dst", dst,
		    "share", share, "family", x->fam_name, "prefix", prefix, "device", dv.en,
		    "device_ja", dv.ja, ARGS_END), t->evidence_ja, 0);
}

/* The device's command applying an inbound filter (input_kind.filter_in)
 * with "%IF" replaced by the interface's name. */
static const char *filter_in_text(struct arena *a, const char *cmd, const char *ifname)
{
	const char *at = strstr(cmd, "%IF");
	if (!at)
		return cmd;
	return arena_printf(a, "%.*s%s%s", (int)(at - cmd), cmd, ifname, at + 3);
}

/* f, whose evidence is l's applying command, with that evidence marked as
 * our own words when the parser wrote it (flist.text_ours: FortiGate's
 * "config firewall policy", NEC IX's "ip napt enable"), so that a
 * password "firewall" is not taken for a leak of it. */
static void list_ev(struct finding *f, const struct flist *l)
{
	if (l->text_ours)
		finding_evidence_ours(f, SIZE_MAX);
}

/* Runs the analysis for a query and reports what passed. */
static void analyse_query(const struct xp *x, const struct target *t, const struct fbox *q,
			  const struct aset *allow, const struct fcand *cand)
{
	/* The walk's boxes live in a scratch arena freed on return: a config
	 * with hundreds of forwards against a long ACL would otherwise keep
	 * every intermediate box. What is reported is copied by finding_add
	 * into the input's arena. */
	struct arena scratch = {0};
	struct fbox_list passed = {0};
	int rc = filter_reach_in(&scratch, x->l->present ? x->l->rules : NULL,
				 x->l->present ? x->l->n : 0, x->l->present ? cand : NULL,
				 x->l->present ? x->l->dflt : FA_PASS, q, &passed);
	if (rc) {
		list_ev(finding_add(x->in, x->ctx, "EL100", "too-complex", ITEM_3_2, -1, FST_UNKNOWN,
				    x->l->line, x->l->text, "interface", x->w->name, ARGS_END),
			x->l);
		arena_free(&scratch);
		return;
	}
	struct freach *r = NULL;
	size_t nr = 0;
	if (filter_summarise(&scratch, &passed, &r, &nr))
		nr = 0;
	/* What report_reach computes on the way (source sets, texts) is
	 * scratch too: finding_add copies what it keeps. */
	struct xp xs = *x;
	xs.a = &scratch;
	for (size_t i = 0; i < nr; i++) {
		struct aset src = r[i].src;
		if (allow) {
			struct aset s2;
			if (aset_intersect(&scratch, &src, allow, &s2))
				continue;
			src = s2;
		}
		uint32_t proto = r[i].proto.n ? r[i].proto.iv[0].lo : 0;
		report_reach(&xs, t, proto, &r[i].proto, &r[i].dport, &src, r[i].rules, r[i].nrules);
	}
	arena_free(&scratch);
}

static int query_init(const struct xp *x, struct fbox *q, uint32_t proto_lo, uint32_t proto_hi,
		      const struct aset *dst, const struct pset *dport)
{
	memset(q, 0, sizeof(*q));
	q->rule = -1;
	if (pset_range(x->a, proto_lo, proto_hi, &q->proto) || aset_all(x->a, x->fam, &q->src) ||
	    pset_all(x->a, 65535, &q->sport))
		return EL_ENOMEM;
	q->dst = *dst;
	if (dport)
		q->dport = *dport;
	else if (pset_all(x->a, 65535, &q->dport))
		return EL_ENOMEM;
	return 0;
}

static bool pset_is_full(const struct pset *p, uint32_t max)
{
	return p->n == 1 && p->iv[0].lo == 0 && p->iv[0].hi == max;
}

/* The list's effect is pass-all: "default" when it denies no new
 * connection from the internet, "public" when what it denies comes only
 * from private and reserved sources (anti-spoofing rejects, then nothing
 * else: every connection from the internet gets through); "ends-in-pass"
 * when a reachable filter passes every internet source left, so the
 * list's implicit reject is never reached and only the filters before it
 * block anything. NULL otherwise. Exact at any size (filter_denies_in over
 * the list's index ix, NULL when it could not be built); past the per-line
 * budget no claim is made. */
static const char *list_passes_all(const struct xp *x, const struct fline *lines,
				   struct filter_index *ix)
{
	const struct flist *l = x->l;
	struct aset all;
	struct fbox q;
	bool denies = true;
	if (aset_all(x->a, x->fam, &all) || query_init(x, &q, 0, 255, &all, NULL))
		return NULL;
	q.src = x->internet;
	if (ix && filter_denies_in(ix, l->dflt, &q, FILTER_LINE_BUDGET, &denies) == 0 && !denies) {
		bool denies_out = true;
		q.src = x->outside;
		if (filter_denies_in(ix, l->dflt, &q, FILTER_LINE_BUDGET, &denies_out) == 0 &&
		    !denies_out)
			return "default";
		return "public";
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct frule *r = &l->rules[i];
		struct aset rest;
		if (r->action != FA_PASS || r->new_conn_never ||
		    (lines && lines[i].verdict != FL_LIVE) ||
		    !aset_is_all(&r->dst) || !pset_is_full(&r->proto, 255) ||
		    !pset_is_full(&r->sport, 65535) || !pset_is_full(&r->dport, 65535) ||
		    aset_minus(x->a, &x->internet, &r->src, &rest) || !aset_is_empty(&rest))
			continue;
		return "ends-in-pass";
	}
	return NULL;
}

/* EL108 / EL115 for one line of the list: shadowed (a decider has the
 * other action), redundant (all of them have its action), matching
 * nothing, or not analysed (past the budget: no claim either way). */
static void report_line(const struct xp *x, const struct frule *r, const struct fline *f)
{
	const char *ifname = x->w->name;
	if (f->verdict == FL_LIVE)
		return;
	struct twin lb = rule_label(x->a, r);
	if (f->verdict == FL_EMPTY) {
		finding_add(x->in, x->ctx, "EL115", "empty", ITEM_3_2, -1, FST_PASS, r->line, NULL,
			    "rule", lb.en, "rule_ja", lb.ja, "interface", ifname, ARGS_END);
		return;
	}
	if (f->verdict == FL_UNANALYSED) {
		char budget[24];
		snprintf(budget, sizeof(budget), "%d", FILTER_LINE_BUDGET);
		finding_add(x->in, x->ctx, "EL108", "not-analysed", ITEM_3_2, -1, FST_PASS, r->line,
			    NULL, "rule", lb.en, "rule_ja", lb.ja, "interface", ifname, "budget", budget,
			    ARGS_END);
		return;
	}
	struct strbuf sb, sbj;
	sb_init(&sb, 400);
	sb_init(&sbj, 400);
	for (size_t k = 0; k < f->nby && k < 8; k++) {
		struct twin b = rule_label(x->a, &x->l->rules[f->by[k]]);
		sb_printf(&sb, "%s%s", k ? ", " : "", b.en);
		sb_printf(&sbj, "%s%s", k ? "、" : "", b.ja);
	}
	if (f->nby > 8) {
		sb_adds(&sb, ", …");
		sb_adds(&sbj, "、…");
	}
	finding_add(x->in, x->ctx, f->verdict == FL_SHADOWED ? "EL108" : "EL115", "default",
		    ITEM_3_2, -1, FST_PASS, r->line, NULL, "rule", lb.en, "rule_ja", lb.ja, "by",
		    sb_str(&sb), "by_ja", sb_str(&sbj), "interface", ifname, ARGS_END);
	sb_free(&sb);
	sb_free(&sbj);
}

static void analyse_family_memo(struct input *in, const struct run_ctx *ctx,
			       const struct wan_if *w, enum fam fam,
			       const struct service_def **svc_memo)
{
	struct xp x = {.in = in, .ctx = ctx, .a = &in->arena, .w = w, .fam = fam,
		       .l = fam == FAM_V4 ? &w->in4 : &w->in6,
		       .fam_name = fam == FAM_V4 ? "IPv4" : "IPv6", .svc_memo = svc_memo};
	const struct flist *l = x.l;
	const struct device *d = &in->dev;
	/* Outside sources: everything but the inside networks and the box (a
	 * packet claiming to come from inside cannot complete a connection
	 * from outside). Internet sources: the public part of them. */
	{
		const struct internet_data *id = &ctx->reg->internet;
		const struct policy *pol = ctx->pol;
		if (internet_sources(x.a, fam, fam == FAM_V4 ? &d->lan4 : &d->lan6,
				     fam == FAM_V4 ? &d->box4 : NULL,
				     fam == FAM_V4 ? &id->public4 : &id->public6, &x.outside,
				     &x.internet))
			return;
		x.broad_prefix = fam == FAM_V4
			? (pol->broad_prefix4_set ? pol->broad_prefix4 : id->broad_prefix4)
			: (pol->broad_prefix6_set ? pol->broad_prefix6 : id->broad_prefix6);
	}
	const char *cmd = fam == FAM_V4 ? "ip" : "ipv6";
	bool pass_all = false;
	const char *ifname = w->name;
	if (l->unreadable) {
		/* Judging the list without the filter would be a guess: unknown,
		 * naming the filter and what in it was not read. */
		if (l->unreadable_kind) {
			const char *v = arena_printf(x.a, "unreadable-%s", l->unreadable_kind);
			list_ev(finding_add(in, ctx, "EL100", v ? v : "unreadable", ITEM_3_2, -1,
					    FST_UNKNOWN, l->unreadable_line, l->text, "interface", ifname,
					    "family", x.fam_name, "filter",
					    l->unreadable_rule ? l->unreadable_rule : "", "value",
					    l->unreadable_value ? l->unreadable_value : "", ARGS_END),
				l);
		}
		else
			list_ev(finding_add(in, ctx, "EL100", "unreadable", ITEM_3_2, -1, FST_UNKNOWN,
					    l->unreadable_line, l->text, "interface", ifname, "family",
					    x.fam_name, ARGS_END),
				l);
		return;
	}
	if (l->missing) {
		list_ev(finding_add(in, ctx, "EL100", "missing", ITEM_3_2, -1, FST_UNKNOWN, l->line,
				    l->text, "interface", ifname, "family", x.fam_name, "list",
				    l->missing, ARGS_END),
			l);
		return;
	}
	if (!l->present) {
		const char *cmdif = strncmp(ifname, "pp ", 3) == 0       ? "pp"
				    : strncmp(ifname, "tunnel ", 7) == 0 ? "tunnel"
									 : ifname;
		const char *own = in->kind ? in->kind->filter_in[fam == FAM_V6] : NULL;
		const char *applied = own ? filter_in_text(x.a, own, ifname)
					  : arena_printf(x.a, "%s %s secure filter in", cmd, cmdif);
		if (!applied)
			applied = "";
		const char *ev = arena_printf(x.a, "no \"%s\" line", applied);
		finding_evidence_ja(in,
				    finding_add(in, ctx, fam == FAM_V4 ? "EL101" : "EL103", "default",
						ITEM_3_2, -1, FST_FAIL, w->line, ev, "interface",
						ifname, "how", w->how, "how_ja", w->how_ja, "device",
						box_noun(in).en, "device_ja", box_noun(in).ja,
						ARGS_END),
				    arena_printf(x.a, "「%s」の行がありません", applied),
				    0);
	} else {
		if (l->has_undefined)
			list_ev(finding_add(in, ctx, "EL109", "default", ITEM_3_2, -1, FST_WARN, l->line,
					    l->text, "interface", ifname, ARGS_END),
				l);
		for (size_t i = 0; i < l->ninactive; i++)
			finding_add(in, ctx, "EL113", "default", ITEM_3_2, -1, FST_PASS, l->inactive[i],
				    NULL, "interface", ifname, ARGS_END);
		/* Filters in the list that can never match (any list size). */
		struct fline *fl = arena_alloc(x.a, (l->n + 1) * sizeof(*fl));
		/* one index of the list for both (built once) */
		struct filter_index *ix;
		if (filter_index_new(x.a, l->rules, l->n, &ix))
			ix = NULL;
		bool have_fl = fl && ix && filter_lines_in(ix, FILTER_LINE_BUDGET, fl) == 0;
		const char *pa = list_passes_all(&x, have_fl ? fl : NULL, ix);
		if (pa) {
			pass_all = true;
			list_ev(finding_add(in, ctx, "EL102", pa, ITEM_3_2, -1, FST_FAIL, l->line,
					    l->text, "interface", ifname, "family", x.fam_name, ARGS_END),
				l);
		}
		for (size_t i = 0; have_fl && i < l->n; i++)
			report_line(&x, &l->rules[i], &fl[i]);
	}
	/* 1. The router's own services. */
	struct aset box;
	struct u128 boxaddr = fam == FAM_V4 ? w->addr4 : BOX_UNKNOWN_ADDR6;
	if (aset_range(x.a, fam, boxaddr, boxaddr, &box))
		return;
	/* Some devices do not apply the interface filter to traffic for the
	 * box itself (Cisco ASA); their own box filter governs it then. */
	struct xp xb = x;
	if (w->box_own_filter)
		xb.l = fam == FAM_V4 ? &w->box4 : &w->box6;
	for (size_t i = 0; i < d->nsvcs; i++) {
		const struct box_service *s = &d->svcs[i];
		if (!s->enabled)
			continue;
		struct pset port;
		struct fbox q;
		bool has_ports = s->proto == PROTO_TCP || s->proto == PROTO_UDP;
		if ((has_ports ? pset_range(x.a, s->port, s->port, &port) : pset_all(x.a, 65535, &port)) ||
		    query_init(&x, &q, s->proto, s->proto, &box, &port))
			return;
		unsigned sl = s->host_line ? s->host_line : s->line;
		struct target t = {.variant = "box", .svc_name = s->name,
				   .svc_name_ja = s->name_ja, .svc_cls = s->cls,
				   .from_box_service = true, .line = sl,
				   .evidence = arena_printf(x.a, "%s", s->why),
				   .evidence_ja = s->why_ja ? arena_printf(x.a, "%s", s->why_ja) : NULL};
		analyse_query(&xb, &t, &q, fam == FAM_V4 ? &s->allow4 : &s->allow6, NULL);
	}
	/* 2. NAT forwards (IPv4). The queries are built first so that one
	 * pass over the list finds, for each, the rules that can touch it. */
	if (fam == FAM_V4 && w->nfwds) {
		struct arena fa = {0};
		struct fbox *qs = arena_alloc(&fa, w->nfwds * sizeof(*qs));
		struct aset *dsts = arena_alloc(&fa, w->nfwds * sizeof(*dsts));
		struct fcand *cand = arena_alloc(&fa, w->nfwds * sizeof(*cand));
		const char **hs = arena_alloc(&fa, w->nfwds * sizeof(*hs));
		if (!qs || !dsts || !cand || !hs) {
			arena_free(&fa);
			return;
		}
		for (size_t i = 0; i < w->nfwds; i++) {
			const struct nat_forward *f = &w->fwds[i];
			struct aset host;
			if (f->hosts.n)
				host = f->hosts;
			else if (aset_range(x.a, FAM_V4, f->inner, f->inner, &host)) {
				arena_free(&fa);
				return;
			}
			hs[i] = aset_format(x.a, &host, 60);
			struct fbox *q = &qs[i];
			q->rule = -1;
			q->proto = f->proto;
			q->dst = host;
			q->dport = f->ports;
			if (aset_all(x.a, FAM_V4, &q->src) || pset_all(x.a, 65535, &q->sport)) {
				arena_free(&fa);
				return;
			}
			if (f->from.n)
				q->src = f->from;   /* a mapping that applies to these peers only */
			dsts[i] = host;
		}
		bool indexed = l->present &&
			       filter_candidates(&fa, l->rules, l->n, dsts, w->nfwds, cand) == 0;
		for (size_t i = 0; i < w->nfwds; i++) {
			const struct nat_forward *f = &w->fwds[i];
			if (f->dmz)
				finding_add(in, ctx, "EL112", "dmz", ITEM_3_2, -1, FST_FAIL, f->line,
					    f->text, "host", hs[i], "interface", ifname, ARGS_END);
			struct target t = {.variant = f->to_box ? "box" : "forward", .host = hs[i],
					   .host_addr = &f->inner, .line = f->line,
					   .evidence = f->text};
			struct xp xf = x;
			if (f->acl4)
				xf.l = f->acl4;   /* the list rewritten for this forward */
			analyse_query(&xf, &t, &qs[i], NULL, indexed && !f->acl4 ? &cand[i] : NULL);
		}
		arena_free(&fa);
	}
	if (fam == FAM_V4) {
		if (w->nat_through)
			finding_add(in, ctx, "EL112", "through", ITEM_3_2, -1, FST_FAIL,
				    w->nat_through_line, NULL, "interface", ifname, ARGS_END);
	}
	/* 3. Without NAT, inside hosts are addressed directly. A missing list
	 * is already reported as a whole (EL101/EL103). */
	if (l->present && !pass_all && (fam == FAM_V6 || !w->nat4)) {
		const struct aset *inside = fam == FAM_V4 ? &d->lan4 : &d->lan6;
		if (!aset_is_empty(inside)) {
			struct fbox q;
			if (query_init(&x, &q, 0, 255, inside, NULL))
				return;
			struct target t = {.variant = "inside", .host = aset_format(x.a, inside, 100)};
			analyse_query(&x, &t, &q, NULL, NULL);
		}
	}
}

static void analyse_family(struct input *in, const struct run_ctx *ctx, const struct wan_if *w,
			   enum fam fam)
{
	/* calloc: pages of the memo no port is asked about are never touched.
	 * Without it (no memory), every question goes to the registry. */
	const struct service_def **memo = calloc(SVC_MEMO_SIZE, sizeof(const struct service_def *));
	analyse_family_memo(in, ctx, w, fam, memo);
	free(memo);
}

static void exposure_office(struct input *in, const struct run_ctx *ctx)
{
	const struct device *d = &in->dev;
	if (!d->wans) {
		input_item(in, ITEM_3_2, IST_UNKNOWN, "no-wan-found");
		return;
	}
	input_item(in, ITEM_3_2, IST_PASS, NULL);
	for (const struct wan_if *w = d->wans; w; w = w->next) {
		if (w->closed) {
			/* A private WAN: noted, not judged as the internet. */
			bool none = w->v4 && !w->in4.present;
			finding_add(in, ctx, "EL116", none ? "no-filter" : "default", ITEM_3_2, -1,
				    FST_PASS, w->line, NULL, "interface", w->name, "family", "IPv4",
				    ARGS_END);
			continue;
		}
		if (w->v4)
			analyse_family(in, ctx, w, FAM_V4);
		if (w->v6)
			analyse_family(in, ctx, w, FAM_V6);
	}
	if (d->pptp)
		finding_add(in, ctx, "EL107", "default", ITEM_3_2, -1, FST_FAIL, d->pptp_line,
			    "pptp service on", ARGS_END);
}

void check_exposure(struct input *in, const struct run_ctx *ctx)
{
	if (!in->kind)
		return;
	if (in->kind->home_router)
		exposure_home(in, ctx);
	else if (in->kind->feeds[ITEM_3_2])
		exposure_office(in, ctx);
}
