/*
 * nec_ix_model.c — the second half of the NEC UNIVERGE IX parser: from the
 * state parsers/nec_ix.c read (parsers/nec_ix.h) to the vendor-neutral
 * model: which interfaces face the internet, what their inbound filters
 * and NAPT let through together, the router's own services with who may
 * reach them, and whether it is the teleworkers' VPN. Semantics and
 * sources: the header comment of parsers/nec_ix.c ([CR]).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nec_ix.h"

/* ---- the model ------------------------------------------------------------ */

static bool in_subnet(const struct ix_if *f, struct u128 ad)
{
	if (!f->has_addr4 || f->plen4 == 0)
		return false;
	uint64_t mask = f->plen4 >= 32 ? 0xffffffffu
				       : (0xffffffffu << (32 - f->plen4)) & 0xffffffffu;
	return (f->addr4.lo & mask) == (ad.lo & mask);
}

static void ix_mark_wan(struct ix_if *f, const char *how, const char *how_ja, unsigned line)
{
	if (f && !f->wan4 && !f->shutdown) {
		f->wan4 = true;
		f->how = how;
		f->how_ja = how_ja;
		f->wanline = line;
	}
}

static void ix_find_wans(struct ix *x)
{
	for (size_t g = 0; g < x->ngw; g++) {
		struct u128 ad;
		struct ix_if *f = ix_if_find(x, x->gw[g]);
		if (!f && addr_parse(FAM_V4, x->gw[g], strlen(x->gw[g]), &ad) == 0)
			for (size_t i = 0; i < x->nifs && !f; i++)
				if (in_subnet(x->ifs[i], ad))
					f = x->ifs[i];
		ix_mark_wan(f, "default route", "デフォルト経路", x->gwline[g]);
	}
	for (size_t g = 0; g < x->ngw6; g++) {
		struct ix_if *f = ix_if_find(x, x->gw6[g]);
		if (f && !f->v6wan && !f->shutdown) {
			f->v6wan = true;
			f->v6line = x->gw6line[g];
			f->v6how = "IPv6 default route";
			f->v6how_ja = "IPv6 のデフォルト経路";
		}
	}
	for (size_t i = 0; i < x->nifs; i++) {
		struct ix_if *f = x->ifs[i];
		if (f->dhcp_default)
			ix_mark_wan(f, "DHCP client that takes the default route (receive-default)",
				    "デフォルト経路を受け取る DHCP クライアント（receive-default）",
				    f->addr_line);
		if (f->pppoe && f->ipcp)
			ix_mark_wan(f, "PPPoE", "PPPoE", f->pppoe_line);
		if (f->mape)
			ix_mark_wan(f, "MAP-E tunnel to the ISP", "ISP への MAP-E トンネル", f->tline);
		/* DS-Lite (`tunnel mode 4-over-6` without NAPT of its own): the
		 * provider's AFTR translates, so no IPv4 connection from the
		 * internet can be addressed to the router or inside. */
		if (f->wan4 && f->tmode && tok_is(f->tmode, "4-over-6") && !f->napt)
			f->wan4 = false;
		if (f->shutdown)
			f->v6wan = false;
	}
}

static int ix_apply_cmp(const void *a, const void *b)
{
	const struct ix_apply *x = a, *y = b;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The applied lists of one direction and family as one first-match list
 * (SEQ order, then the discard [CR]). */
static void ix_build_list(struct ix *x, struct ix_apply *ap, size_t na, bool v6,
			  struct flist *out)
{
	memset(out, 0, sizeof(*out));
	if (!na)
		return;
	qsort(ap, na, sizeof(*ap), ix_apply_cmp);
	out->present = true;
	out->line = ap[0].line;
	out->text = ap[0].text;
	out->dflt = FA_DENY;
	size_t total = 0;
	for (size_t i = 0; i < na; i++) {
		const struct ix_acl *l = ix_acl_find(x, v6, ap[i].list);
		if (l && l->dyn_of)
			l = ix_acl_find(x, v6, l->dyn_of);
		if (!l) {
			out->missing = ap[i].list;
			out->line = ap[i].line;
			out->text = ap[i].text;
			return;
		}
		total += l->n;
	}
	out->rules = arena_alloc(x->a, (total + 1) * sizeof(*out->rules));
	if (!out->rules) {
		input_nomem(x->in, out->line);
		out->unreadable = true;
		out->unreadable_line = out->line;
		return;
	}
	for (size_t i = 0; i < na; i++) {
		const struct ix_acl *l = ix_acl_find(x, v6, ap[i].list);
		if (l->dyn_of)
			l = ix_acl_find(x, v6, l->dyn_of);
		for (size_t k = 0; k < l->n; k++) {
			const struct ix_ace *e = &l->e[k];
			if (!e->ok) {
				if (!out->unreadable) {
					out->unreadable_line = e->rule.line;
					out->unreadable_rule = e->rule.name;
					out->unreadable_kind = e->bad_kind;
					out->unreadable_value = e->bad;
				}
				out->unreadable = true;
				continue;
			}
			out->rules[out->n++] = e->rule;
		}
	}
}

/* Whether two sets of ports or protocols share a value (sorted
 * intervals: one merge pass). */
static bool pset_meets(const struct pset *x, const struct pset *y)
{
	size_t i = 0, k = 0;
	while (i < x->n && k < y->n) {
		if (x->iv[i].hi < y->iv[k].lo)
			i++;
		else if (y->iv[k].hi < x->iv[i].lo)
			k++;
		else
			return true;
	}
	return false;
}

/* Whether the address set holds h (IPv4: the low word). */
static bool aset_holds4(const struct aset *s, struct u128 h)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->iv[i].lo.lo <= h.lo && h.lo <= s->iv[i].hi.lo)
			return true;
	return false;
}

/* The destination a static entry leads to. */
static struct u128 ix_static_dst(const struct ix_static *s, struct u128 boxaddr)
{
	return s->to_box ? boxaddr : s->inner;
}

/* Whether a pass rule and a static entry share packets. */
static bool ix_meets(const struct frule *r, const struct ix_static *s, struct u128 boxaddr)
{
	return pset_meets(&r->proto, &s->proto) && pset_meets(&r->dport, &s->ports) &&
	       aset_holds4(&r->dst, ix_static_dst(s, boxaddr));
}

/* What the inbound filter and NAPT let through together [CR]: NAPT admits
 * only the static entries, each a (protocol, inside port, destination)
 * region E; a pass rule R of the filter becomes R∩E for every E it meets,
 * then R as a discard (the rest of R is what NAPT drops); a discard stays.
 * Without a filter the entries alone, then the discard. First match still
 * decides. The pairs are counted first (interval tests), so the list is
 * as long as the pairs that meet. box_only: only the entries that lead to
 * the router itself. Returns false, with out the filter as it is, when
 * the list would pass IX_MAX_NAPT_RULES. */
static bool ix_napt_list(struct ix *x, const struct ix_if *f, struct u128 boxaddr,
			 const struct flist *filt, bool box_only, struct flist *out)
{
	*out = *filt;
	out->present = true;
	out->dflt = FA_DENY;
	if (!filt->present) {
		out->line = f->napt_line;
		out->text = "ip napt enable";
		out->text_ours = true;
	}
	if (filt->missing || filt->unreadable)
		return true;
	struct frule any;
	memset(&any, 0, sizeof(any));
	if (aset_all(x->a, FAM_V4, &any.src) || aset_all(x->a, FAM_V4, &any.dst) ||
	    pset_all(x->a, 255, &any.proto) || pset_all(x->a, 65535, &any.sport) ||
	    pset_all(x->a, 65535, &any.dport)) {
		input_nomem(x->in, f->napt_line);
		return true;
	}
	size_t nr = filt->present ? filt->n : 1;
	size_t need = 1;
	for (size_t i = 0; i < nr; i++) {
		const struct frule *r = filt->present ? &filt->rules[i] : &any;
		need++;
		for (size_t k = 0; r->action == FA_PASS && k < f->nst && need <= IX_MAX_NAPT_RULES; k++)
			need += (!box_only || f->st[k].to_box) && ix_meets(r, &f->st[k], boxaddr);
	}
	if (need > IX_MAX_NAPT_RULES) {
		*out = *filt;
		return false;
	}
	struct frule *rs = arena_alloc(x->a, need * sizeof(*rs));
	if (!rs) {
		input_nomem(x->in, f->napt_line);
		out->unreadable = true;
		out->unreadable_line = f->napt_line;
		return true;
	}
	size_t n = 0;
	for (size_t i = 0; i < nr; i++) {
		const struct frule *r = filt->present ? &filt->rules[i] : &any;
		if (r->action == FA_DENY) {
			rs[n++] = *r;
			continue;
		}
		for (size_t k = 0; k < f->nst; k++) {
			const struct ix_static *s = &f->st[k];
			if ((box_only && !s->to_box) || !ix_meets(r, s, boxaddr))
				continue;
			struct frule p = *r;
			struct aset host;
			struct u128 h = ix_static_dst(s, boxaddr);
			if (aset_range(x->a, FAM_V4, h, h, &host) ||
			    pset_intersect(x->a, &r->proto, &s->proto, &p.proto) ||
			    pset_intersect(x->a, &r->dport, &s->ports, &p.dport) ||
			    aset_intersect(x->a, &r->dst, &host, &p.dst)) {
				input_nomem(x->in, s->line);
				out->unreadable = true;
				out->unreadable_line = s->line;
				return true;
			}
			if (!filt->present) {
				p.line = s->line;
				p.name = arena_printf(x->a, "ip napt static line %u", s->line);
			}
			rs[n++] = p;
		}
		if (filt->present) {
			rs[n] = *r;
			rs[n++].action = FA_DENY;
		}
	}
	out->rules = rs;
	out->n = n;
	out->tmpl = NULL;
	return true;
}

/* Who a server's `ip access-list` lets connect: every source from which
 * some packet to proto/port passes the list. */
static void ix_svc_sources(struct ix *x, const struct ix_svc *s, enum fam fam, uint32_t proto,
			   uint32_t port, struct aset *out)
{
	aset_all(x->a, fam, out);
	const struct ix_acl *l = s->acl ? ix_acl_find(x, fam == FAM_V6, s->acl) : NULL;
	if (!l)
		return;   /* an absent list restricts nothing we can show */
	struct frule *rs = arena_alloc(x->a, (l->n + 1) * sizeof(*rs));
	size_t n = 0;
	if (!rs)
		return;
	for (size_t i = 0; i < l->n; i++)
		if (l->e[i].ok)
			rs[n++] = l->e[i].rule;
	struct fbox q = {.rule = -1};
	struct fbox_list passed = {0};
	if (pset_range(x->a, proto, proto, &q.proto) || aset_all(x->a, fam, &q.src) ||
	    aset_all(x->a, fam, &q.dst) || pset_all(x->a, 65535, &q.sport) ||
	    pset_range(x->a, port, port, &q.dport) ||
	    filter_reach(x->a, rs, n, FA_DENY, &q, &passed))
		return;
	aset_empty(fam, out);
	for (size_t i = 0; i < passed.n; i++) {
		struct aset u;
		if (aset_union(x->a, out, &passed.b[i].src, &u) == 0)
			*out = u;
	}
}

static void ix_add_svc(struct ix *x, struct box_service *v, const char *name, enum svc_class cls,
		       uint32_t proto, uint32_t port, unsigned line, const char *why,
		       const struct ix_svc *s)
{
	memset(v, 0, sizeof(*v));
	v->name = name;
	v->cls = cls;
	v->proto = proto;
	v->port = port;
	v->enabled = true;
	v->line = line;
	v->why = why;
	if (s) {
		ix_svc_sources(x, s, FAM_V4, proto, port, &v->allow4);
		ix_svc_sources(x, s, FAM_V6, proto, port, &v->allow6);
		v->host_line = s->acl_line;
	} else {
		aset_all(x->a, FAM_V4, &v->allow4);
		aset_all(x->a, FAM_V6, &v->allow6);
	}
}

static void ix_services(struct ix *x)
{
	struct device *d = &x->in->dev;
	struct box_service *s = arena_alloc(x->a, 10 * sizeof(*s));
	size_t n = 0;
	if (!s)
		return;
	if (x->telnet.on)
		ix_add_svc(x, &s[n++], "telnet", SVC_MANAGEMENT, PROTO_TCP, 23, x->telnet.line,
			   "telnet-server ip enable", &x->telnet);
	if (x->ssh.on)
		ix_add_svc(x, &s[n++], "ssh", SVC_MANAGEMENT, PROTO_TCP, 22, x->ssh.line,
			   "ssh-server ip enable", &x->ssh);
	if (x->http.on)
		ix_add_svc(x, &s[n++], "http", SVC_MANAGEMENT, PROTO_TCP, 80, x->http.line,
			   "http-server ip enable", &x->http);
	if (x->snmp.on)
		ix_add_svc(x, &s[n++], "snmp", SVC_MANAGEMENT, PROTO_UDP, 161, x->snmp.line,
			   "snmp-agent ip enable", &x->snmp);
	if (x->ipsec) {
		ix_add_svc(x, &s[n++], "ike", SVC_VPN, PROTO_UDP, 500, x->ipsec_line, "ipsec", NULL);
		ix_add_svc(x, &s[n++], "esp", SVC_VPN, PROTO_ESP, 0, x->ipsec_line, "ipsec", NULL);
		if (x->natt)
			ix_add_svc(x, &s[n++], "ipsec-nat-t", SVC_VPN, PROTO_UDP, 4500,
				   x->ipsec_line, "ike nat-traversal", NULL);
	}
	if (x->l2tp_lns)
		ix_add_svc(x, &s[n++], "l2tp", SVC_VPN, PROTO_UDP, 1701, x->l2tp_line,
			   "tunnel mode l2tp-lns", NULL);
	d->svcs = s;
	d->nsvcs = n;
}

void ix_model(struct ix *x)
{
	struct device *d = &x->in->dev;
	ix_find_wans(x);
	aset_empty(FAM_V4, &d->lan4);
	aset_empty(FAM_V4, &d->box4);
	struct u128 v6lan;
	/* The inside IPv6 prefix is delegated at run time: a documentation
	 * prefix stands for it, as for the other vendors. */
	addr_parse(FAM_V6, "2001:db8:ffff::", 15, &v6lan);
	aset_prefix(x->a, FAM_V6, v6lan, 48, &d->lan6);
	for (size_t i = 0; i < x->nifs; i++) {
		struct ix_if *f = x->ifs[i];
		struct aset p, u;
		if (!f->has_addr4 || f->wan4 || f->shutdown)
			continue;
		if (aset_prefix(x->a, FAM_V4, f->addr4, f->plen4, &p) == 0 &&
		    aset_union(x->a, &d->lan4, &p, &u) == 0)
			d->lan4 = u;
		if (aset_range(x->a, FAM_V4, f->addr4, f->addr4, &p) == 0 &&
		    aset_union(x->a, &d->box4, &p, &u) == 0)
			d->box4 = u;
	}
	ix_services(x);
	struct wan_if **tail = &d->wans;
	for (size_t i = 0; i < x->nifs; i++) {
		struct ix_if *f = x->ifs[i];
		if (!f->wan4 && !f->v6wan)
			continue;
		struct wan_if *w = arena_alloc(x->a, sizeof(*w));
		if (!w) {
			input_nomem(x->in, f->line);
			return;
		}
		w->name = f->name;
		w->v4 = f->wan4;
		w->v6 = f->v6wan;
		w->how = f->wan4 ? f->how : f->v6how;
		w->how_ja = f->wan4 ? f->how_ja : f->v6how_ja;
		w->line = f->wan4 ? f->wanline : f->v6line;
		w->security_level = -1;
		w->addr4 = f->has_addr4 ? f->addr4 : BOX_UNKNOWN_ADDR4;
		struct flist filt;
		ix_build_list(x, f->in4, f->nin4, false, &filt);
		ix_build_list(x, f->in6, f->nin6, true, &w->in6);
		if (f->napt && f->wan4) {
			w->nat4 = true;
			/* NAPT governs the router itself too. */
			w->box_own_filter = true;
			w->box6 = w->in6;
			if (ix_napt_list(x, f, w->addr4, &filt, false, &w->in4)) {
				w->box4 = w->in4;
			} else if (ix_napt_list(x, f, w->addr4, &filt, true, &w->box4)) {
				/* Too many pairs: the filter alone is the list (each
				 * forward is one static entry, so its reach through the
				 * filter is still exact; the router is judged with NAPT);
				 * what is said of the list as a whole is the filter's. */
				input_diag(x->in, DIAG_NOTE, f->napt_line, 1,
					   "%s: the filter (%zu entries) and the NAPT static entries (%zu) "
					   "give more than %d combined rules; forwards and the router are "
					   "judged exactly, but what is said of the list as a whole (passes "
					   "everything, lines that never match) is said of the filter alone",
					   "%s: フィルタ（%zu 件）と NAPT の静的エントリ（%zu 件）の組み合わせは "
					   "%d 件を超えます。転送先とルータ自身は正確に判定しますが、リスト全体に"
					   "ついての判定（すべて通す、一致しない行）はフィルタだけについてのものです",
					   f->name, filt.n, f->nst, IX_MAX_NAPT_RULES);
			} else {
				input_diag(x->in, DIAG_NOTE, f->napt_line, 1,
					   "%s: the filter and the NAPT static entries to the router give more "
					   "than %d combined rules; the filter is judged alone, which may report "
					   "more than NAPT lets in",
					   "%s: フィルタとルータ自身への NAPT の静的エントリの組み合わせは %d 件を"
					   "超えるため、フィルタだけで判定しました。NAPT が通す以上のものを報告する"
					   "ことがあります",
					   f->name, IX_MAX_NAPT_RULES);
			}
		} else {
			w->in4 = filt;
		}
		w->fwds = arena_alloc(x->a, (f->nst + 1) * sizeof(*w->fwds));
		for (size_t k = 0; w->fwds && f->napt && k < f->nst; k++) {
			const struct ix_static *s = &f->st[k];
			if (s->to_box)
				continue;   /* judged with the router's own services */
			struct nat_forward *fw = &w->fwds[w->nfwds++];
			memset(fw, 0, sizeof(*fw));
			fw->fam = FAM_V4;
			fw->inner = s->inner;
			fw->proto = s->proto;
			fw->ports = s->ports;
			fw->line = s->line;
			fw->text = s->text;
		}
		*tail = w;
		tail = &w->next;
		d->nwans++;
	}
	/* The teleworkers' VPN: IKE from any peer with addresses handed out
	 * (mode-cfg, a PPP address pool) or an L2TP network server. */
	if (x->ipsec && x->peer_any && (x->mode_cfg || x->l2tp_lns || x->pool)) {
		d->vpn_remote_access = true;
		if (x->l2tp_lns) {
			d->vpn_how = "L2TP/IPsec for remote clients (tunnel mode l2tp-lns ipsec, "
				     "IKE from any peer)";
			d->vpn_how_ja = "リモートの端末向けの L2TP/IPsec（tunnel mode l2tp-lns ipsec、"
					"任意のピアからの IKE）";
			d->vpn_line = x->l2tp_line;
		} else {
			d->vpn_how = "IPsec remote access (IKE from any peer with mode-cfg or an "
				     "address pool)";
			d->vpn_how_ja = "IPsec のリモートアクセス（任意のピアからの IKE と mode-cfg "
					"またはアドレスプール）";
			d->vpn_line = x->mode_cfg ? x->mode_cfg_line : x->peer_any_line;
		}
	}
}

