/*
 * query.c — one flow through the model (see query.h for what is asked
 * and how the deciding lines are found).
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- the flow's text ----------------------------------------------------- */

static int proto_parse(const char *s, size_t n, uint32_t *out)
{
	if (proto_by_name(s, n, out) == 0)
		return 0;
	char num[8];
	long v;
	if (n == 0 || n >= sizeof(num))
		return -1;
	memcpy(num, s, n);
	num[n] = '\0';
	if (str_to_long(num, 0, 255, &v))
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int query_parse_to(const char *s, struct query_req *rq, const char **why, const char **why_ja)
{
	const char *addr = s, *rest = NULL;
	size_t an;
	*why = "expected ADDR, ADDR:PROTO or ADDR:PROTO/PORT (IPv6 as [ADDR]:PROTO/PORT)";
	*why_ja = "ADDR、ADDR:PROTO、ADDR:PROTO/PORT のいずれかで指定してください"
		  "（IPv6 は [ADDR]:PROTO/PORT）";
	if (*s == '[') {
		const char *e = strchr(s, ']');
		if (!e || (e[1] && e[1] != ':'))
			return -1;
		addr = s + 1;
		an = (size_t)(e - addr);
		rest = e[1] ? e + 2 : NULL;
	} else {
		const char *c = strchr(s, ':');
		/* An IPv4 address holds no colon; an IPv6 one without brackets
		 * is the whole text. */
		if (c && !strchr(c + 1, ':')) {
			an = (size_t)(c - s);
			rest = c + 1;
		} else {
			an = strlen(s);
		}
	}
	if (addr_parse(FAM_V4, addr, an, &rq->to) == 0) {
		rq->fam = FAM_V4;
	} else if (addr_parse(FAM_V6, addr, an, &rq->to) == 0) {
		rq->fam = FAM_V6;
	} else {
		*why = "not an IPv4 or IPv6 address";
		*why_ja = "IPv4 または IPv6 のアドレスではありません";
		return -1;
	}
	rq->has_proto = rq->has_port = false;
	if (!rest)
		return 0;
	const char *sl = strchr(rest, '/');
	size_t pn = sl ? (size_t)(sl - rest) : strlen(rest);
	if (proto_parse(rest, pn, &rq->proto)) {
		*why = "unknown protocol (tcp, udp, icmp, icmp6, esp, ah, gre or a number 0-255)";
		*why_ja = "プロトコルが不明です（tcp, udp, icmp, icmp6, esp, ah, gre か 0〜255 の番号）";
		return -1;
	}
	rq->has_proto = true;
	if (!sl)
		return 0;
	long v;
	if (rq->proto != PROTO_TCP && rq->proto != PROTO_UDP) {
		*why = "a port is given only with tcp or udp";
		*why_ja = "ポートは tcp か udp のときだけ指定できます";
		return -1;
	}
	if (str_to_long(sl + 1, 0, 65535, &v)) {
		*why = "the port is not a number from 0 to 65535";
		*why_ja = "ポートが 0〜65535 の数ではありません";
		return -1;
	}
	rq->has_port = true;
	rq->port = (uint32_t)v;
	return 0;
}

int query_parse_from(const char *s, struct query_req *rq)
{
	size_t n = strlen(s);
	if (n > 2 && s[0] == '[' && s[n - 1] == ']') {
		s++;
		n -= 2;
	}
	if (addr_parse(rq->fam, s, n, &rq->from))
		return -1;
	rq->has_from = true;
	return 0;
}

bool query_iface_known(const struct device *d, const char *name)
{
	for (const struct wan_if *w = d->wans; w; w = w->next)
		if (strcmp(w->name, name) == 0)
			return true;
	return false;
}

/* ---- one path ---------------------------------------------------------------- */

struct qctx {
	struct arena *a;
	const struct input *in;
	const struct query_req *rq;
	struct query_result *out;
	size_t cap;
	bool have_sources;
};

static struct query_path *path_new(struct qctx *c, const struct wan_if *w, enum fam fam,
				   enum query_target t)
{
	if (c->out->npaths >= 100000)
		return NULL;
	struct query_path *p = arena_grow(c->a, c->out->paths, &c->cap, c->out->npaths,
					  sizeof(*p));
	if (!p)
		return NULL;
	c->out->paths = p;
	p = &c->out->paths[c->out->npaths++];
	memset(p, 0, sizeof(*p));
	p->w = w;
	p->fam = fam;
	p->target = t;
	return p;
}

struct lines {
	struct query_line *v;
	size_t n, cap;
};

static int line_add(struct arena *a, struct lines *ls, enum query_role role, unsigned line,
		    enum faction act, const char *name)
{
	struct query_line *v = arena_grow(a, ls->v, &ls->cap, ls->n, sizeof(*v));
	if (!v)
		return EL_ENOMEM;
	ls->v = v;
	ls->v[ls->n++] = (struct query_line){.role = role, .line = line, .action = act, .name = name};
	return 0;
}

static int idx_cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* The rule indexes (-1: the default) tagging the boxes of l, sorted and
 * unique, appended to *idx (n of them, room for cap). */
static int collect(struct arena *a, const struct fbox_list *l, int **idx, size_t *n, size_t *cap)
{
	for (size_t i = 0; i < l->n; i++) {
		int *v = arena_grow(a, *idx, cap, *n, sizeof(int));
		if (!v)
			return EL_ENOMEM;
		*idx = v;
		(*idx)[(*n)++] = l->b[i].rule;
	}
	return 0;
}

/* Walks q through list l (NULL or absent: everything passes) and fills p:
 * state, what passes, the deciding lines. */
static int path_walk(struct qctx *c, struct query_path *p, const struct flist *l,
		     const struct fbox *q, struct lines *ls)
{
	struct arena *a = c->a;
	if (l && (l->unreadable || l->missing)) {
		p->state = QS_UNKNOWN;
		p->unknown_why = l->unreadable ? "unreadable" : "missing";
		return line_add(a, ls, QR_LIST, l->line, FA_PASS, NULL);
	}
	bool present = l && l->present;
	const struct frule *rules = present ? l->rules : NULL;
	size_t n = present ? l->n : 0;
	enum faction dflt = present ? l->dflt : FA_PASS;
	struct fbox_list passed = {0}, denied = {0};
	int rc = filter_reach(a, rules, n, dflt, q, &passed);
	struct frule *rev = NULL;
	if (rc == 0 && n) {
		rev = arena_alloc(a, n * sizeof(*rev));
		if (!rev)
			return EL_ENOMEM;
		for (size_t i = 0; i < n; i++) {
			rev[i] = rules[i];
			rev[i].action = rules[i].action == FA_PASS ? FA_DENY : FA_PASS;
		}
	}
	if (rc == 0 && present)
		rc = filter_reach(a, rev, n, dflt == FA_PASS ? FA_DENY : FA_PASS, q, &denied);
	if (rc == EL_ETOOBIG || rc == EL_EINVAL) {
		p->state = QS_UNKNOWN;
		p->unknown_why = "too-complex";
		return present ? line_add(a, ls, QR_LIST, l->line, FA_PASS, NULL) : 0;
	}
	if (rc)
		return rc;
	p->state = passed.n ? QS_ACCEPTED : QS_DENIED;
	if (passed.n && filter_summarise(a, &passed, &p->reach, &p->nreach))
		return EL_ENOMEM;
	if (!present)
		return line_add(a, ls, QR_NO_LIST, p->w->line, FA_PASS, NULL);
	if ((rc = line_add(a, ls, QR_LIST, l->line, FA_PASS, NULL)))
		return rc;
	int *idx = NULL;
	size_t ni = 0, cap = 0;
	if (collect(a, &passed, &idx, &ni, &cap) || collect(a, &denied, &idx, &ni, &cap))
		return EL_ENOMEM;
	if (ni)
		qsort(idx, ni, sizeof(int), idx_cmp);
	bool dflt_decides = false;
	for (size_t i = 0; i < ni; i++) {
		if (i && idx[i] == idx[i - 1])
			continue;
		if (idx[i] < 0) {
			dflt_decides = true;
			continue;
		}
		const struct frule *r = &rules[idx[i]];
		if ((rc = line_add(a, ls, QR_RULE, r->line, r->action, r->name)))
			return rc;
	}
	if (dflt_decides)
		rc = line_add(a, ls, QR_DEFAULT, l->line, dflt, NULL);
	return rc;
}

/* Builds the query box: the flow's protocols and ports within proto and
 * ports (NULL: all), to dst, from src. false when nothing of the flow is
 * left (the service or forward is about other protocols or ports). */
static bool flow_box(struct qctx *c, const struct pset *proto, const struct pset *ports,
		     const struct aset *dst, const struct aset *src, struct fbox *q, int *rc)
{
	struct arena *a = c->a;
	const struct query_req *rq = c->rq;
	struct pset want;
	memset(q, 0, sizeof(*q));
	q->rule = -1;
	*rc = EL_ENOMEM;
	if (rq->has_proto ? pset_range(a, rq->proto, rq->proto, &want) : pset_all(a, 255, &want))
		return false;
	if (proto) {
		if (pset_intersect(a, &want, proto, &q->proto))
			return false;
	} else {
		q->proto = want;
	}
	if (rq->has_port ? pset_range(a, rq->port, rq->port, &want) : pset_all(a, 65535, &want))
		return false;
	if (ports) {
		if (pset_intersect(a, &want, ports, &q->dport))
			return false;
	} else {
		q->dport = want;
	}
	if (pset_all(a, 65535, &q->sport))
		return false;
	q->dst = *dst;
	q->src = *src;
	*rc = 0;
	if (pset_is_empty(&q->proto) || aset_is_empty(&q->src))
		return false;
	/* Ports constrain only TCP and UDP: a port left over matters only
	 * when the flow is one of them. */
	bool ported = pset_contains(&q->proto, PROTO_TCP) || pset_contains(&q->proto, PROTO_UDP);
	if (ported && pset_is_empty(&q->dport)) {
		struct pset tu, t, u, rest;
		if (pset_range(a, PROTO_TCP, PROTO_TCP, &t) || pset_range(a, PROTO_UDP, PROTO_UDP, &u) ||
		    pset_union(a, &t, &u, &tu) || pset_minus(a, &q->proto, &tu, &rest)) {
			*rc = EL_ENOMEM;
			return false;
		}
		if (pset_is_empty(&rest))
			return false;
		q->proto = rest;
		if (pset_all(a, 65535, &q->dport)) {
			*rc = EL_ENOMEM;
			return false;
		}
	}
	return true;
}

static int path_finish(struct qctx *c, struct query_path *p, struct lines *ls)
{
	(void)c;
	p->lines = ls->v;
	p->nlines = ls->n;
	return 0;
}

static bool is_box(const struct device *d, const struct wan_if *w, const struct query_req *rq)
{
	if (rq->fam != FAM_V4)
		return false;
	if (u128_cmp(w->addr4, BOX_UNKNOWN_ADDR4) != 0 && u128_cmp(w->addr4, rq->to) == 0)
		return true;
	return aset_has(&d->box4, rq->to);
}

/* The box's services on w (family fam). */
static int query_box(struct qctx *c, const struct wan_if *w, enum fam fam, const struct aset *src)
{
	struct arena *a = c->a;
	const struct device *d = &c->in->dev;
	struct aset box;
	struct u128 boxaddr = fam == FAM_V4 ? w->addr4 : BOX_UNKNOWN_ADDR6;
	if (aset_range(a, fam, boxaddr, boxaddr, &box))
		return EL_ENOMEM;
	const struct flist *l = fam == FAM_V4 ? (w->box_own_filter ? &w->box4 : &w->in4)
					      : (w->box_own_filter ? &w->box6 : &w->in6);
	for (size_t i = 0; i < d->nsvcs; i++) {
		const struct box_service *s = &d->svcs[i];
		if (!s->enabled)
			continue;
		bool has_ports = s->proto == PROTO_TCP || s->proto == PROTO_UDP;
		struct pset proto, port;
		struct aset from;
		const struct aset *allow = fam == FAM_V4 ? &s->allow4 : &s->allow6;
		if (pset_range(a, s->proto, s->proto, &proto) ||
		    (has_ports ? pset_range(a, s->port, s->port, &port) : pset_all(a, 65535, &port)) ||
		    aset_intersect(a, src, allow, &from))
			return EL_ENOMEM;
		struct fbox q;
		int rc;
		if (!flow_box(c, &proto, has_ports ? &port : NULL, &box, &from, &q, &rc)) {
			if (rc)
				return rc;
			/* The service refuses every source asked about: say so. */
			if (!aset_is_empty(src) && aset_is_empty(&from)) {
				struct aset all;
				if (aset_all(a, fam, &all) ||
				    !flow_box(c, &proto, has_ports ? &port : NULL, &box, &all, &q, &rc)) {
					if (rc)
						return rc;
					continue;
				}
				struct query_path *p = path_new(c, w, fam, QT_BOX);
				struct lines ls = {0};
				if (!p || line_add(a, &ls, QR_INTERFACE, w->line, FA_PASS, NULL) ||
				    line_add(a, &ls, QR_SERVICE, s->host_line ? s->host_line : s->line,
					     FA_DENY, NULL))
					return EL_ENOMEM;
				p->svc = s;
				p->state = QS_DENIED;
				path_finish(c, p, &ls);
			}
			continue;
		}
		struct query_path *p = path_new(c, w, fam, QT_BOX);
		struct lines ls = {0};
		if (!p || line_add(a, &ls, QR_INTERFACE, w->line, FA_PASS, NULL))
			return EL_ENOMEM;
		p->svc = s;
		if (s->line && line_add(a, &ls, QR_SERVICE, s->line, FA_PASS, NULL))
			return EL_ENOMEM;
		if (s->host_line && s->host_line != s->line &&
		    line_add(a, &ls, QR_SERVICE, s->host_line, FA_PASS, NULL))
			return EL_ENOMEM;
		if ((rc = path_walk(c, p, l, &q, &ls)))
			return rc;
		path_finish(c, p, &ls);
	}
	return 0;
}

/* The forwards of w that lead to the address (IPv4). */
static int query_forwards(struct qctx *c, const struct wan_if *w, const struct aset *src,
			  bool to_box)
{
	struct arena *a = c->a;
	for (size_t i = 0; i < w->nfwds; i++) {
		const struct nat_forward *f = &w->fwds[i];
		if (f->fam != c->rq->fam)
			continue;
		bool hit = f->hosts.n ? aset_has(&f->hosts, c->rq->to)
				      : u128_cmp(f->inner, c->rq->to) == 0;
		if (!hit && !(to_box && f->to_box))
			continue;
		struct aset dst, from = *src;
		if (aset_range(a, c->rq->fam, c->rq->to, c->rq->to, &dst))
			return EL_ENOMEM;
		if (!hit && aset_range(a, c->rq->fam, f->inner, f->inner, &dst))
			return EL_ENOMEM;
		if (f->from.n && aset_intersect(a, src, &f->from, &from))
			return EL_ENOMEM;
		struct fbox q;
		int rc;
		if (!flow_box(c, &f->proto, &f->ports, &dst, &from, &q, &rc)) {
			if (rc)
				return rc;
			continue;
		}
		struct query_path *p = path_new(c, w, c->rq->fam, f->to_box ? QT_BOX : QT_FORWARD);
		struct lines ls = {0};
		if (!p || line_add(a, &ls, QR_INTERFACE, w->line, FA_PASS, NULL) ||
		    line_add(a, &ls, QR_NAT, f->line, FA_PASS, NULL))
			return EL_ENOMEM;
		p->fwd = f;
		if ((rc = path_walk(c, p, f->acl4 ? f->acl4 : &w->in4, &q, &ls)))
			return rc;
		path_finish(c, p, &ls);
	}
	return 0;
}

static int query_iface(struct qctx *c, const struct wan_if *w, const struct internet_data *id)
{
	struct arena *a = c->a;
	const struct query_req *rq = c->rq;
	const struct device *d = &c->in->dev;
	enum fam fam = rq->fam;
	if ((fam == FAM_V4 && !w->v4) || (fam == FAM_V6 && !w->v6))
		return 0;
	struct aset outside, internet, src;
	if (internet_sources(a, fam, fam == FAM_V4 ? &d->lan4 : &d->lan6,
			     fam == FAM_V4 ? &d->box4 : NULL,
			     fam == FAM_V4 ? &id->public4 : &id->public6, &outside, &internet))
		return EL_ENOMEM;
	if (!c->have_sources) {
		c->out->internet = internet;
		c->out->outside = outside;
		c->have_sources = true;
	}
	/* Every source that can arrive, as the exposure check asks: a list
	 * that passes only a documentation or private range still lets it
	 * in from there. */
	if (rq->has_from) {
		if (aset_range(a, fam, rq->from, rq->from, &src))
			return EL_ENOMEM;
	} else {
		src = outside;
	}
	bool box = is_box(d, w, rq);
	int rc = 0;
	if (box && (rc = query_box(c, w, fam, &src)) != 0)
		return rc;
	if (fam == FAM_V4 && (rc = query_forwards(c, w, &src, box)) != 0)
		return rc;
	if (!box && (fam == FAM_V6 || !w->nat4)) {
		const struct flist *l = fam == FAM_V4 ? &w->in4 : &w->in6;
		struct aset dst;
		struct fbox q;
		if (aset_range(a, fam, rq->to, rq->to, &dst))
			return EL_ENOMEM;
		if (!flow_box(c, NULL, NULL, &dst, &src, &q, &rc))
			return rc;
		struct query_path *p = path_new(c, w, fam, QT_INSIDE);
		struct lines ls = {0};
		if (!p || line_add(a, &ls, QR_INTERFACE, w->line, FA_PASS, NULL))
			return EL_ENOMEM;
		if ((rc = path_walk(c, p, l, &q, &ls)))
			return rc;
		path_finish(c, p, &ls);
	}
	return 0;
}

int query_run(struct arena *a, const struct input *in, const struct internet_data *internet,
	      const struct query_req *rq, struct query_result *out)
{
	memset(out, 0, sizeof(*out));
	aset_empty(rq->fam, &out->internet);
	aset_empty(rq->fam, &out->outside);
	if (rq->iface && !query_iface_known(&in->dev, rq->iface))
		return EL_EINVAL;
	struct qctx c = {.a = a, .in = in, .rq = rq, .out = out};
	for (const struct wan_if *w = in->dev.wans; w; w = w->next) {
		if (rq->iface ? strcmp(w->name, rq->iface) != 0 : w->closed)
			continue;
		int rc = query_iface(&c, w, internet);
		if (rc)
			return rc;
	}
	for (size_t i = 0; i < out->npaths; i++) {
		out->accepted |= out->paths[i].state == QS_ACCEPTED;
		out->unknown |= out->paths[i].state == QS_UNKNOWN;
	}
	return 0;
}
