/*
 * diff.c — what changed in internet exposure between two configs of one
 * device (see diff.h for the targets, the exact comparison and the
 * classes of change).
 *
 * Source ports are not compared: a flow counts as reachable when it is
 * from some source port (a list that rejects source port 135 and passes
 * the rest still opens the service), as the exposure check counts it.
 */
#define _GNU_SOURCE
#include "diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

const char *diff_kind_name(enum diff_kind k)
{
	static const char *const names[] = {[DK_ADDED] = "added", [DK_WIDENED] = "widened",
					    [DK_REMOVED] = "removed", [DK_NARROWED] = "narrowed",
					    [DK_UNKNOWN] = "unknown"};
	return names[k];
}

bool diff_same_device(const struct input *a, const struct input *b)
{
	if (a->kind != b->kind)
		return false;
	const struct sval *va = &a->dev.vendor, *vb = &b->dev.vendor;
	const struct sval *ma = &a->dev.model, *mb = &b->dev.model;
	if (va->s && vb->s && strcasecmp(va->s, vb->s) != 0)
		return false;
	return !(ma->s && mb->s && strcasecmp(ma->s, mb->s) != 0);
}

/* ---- the reach of every target of one input ----------------------------- */

/* One target: what new connections from outside reach it on one
 * interface and family. Boxes have every source port (see above) and are
 * tagged with the config line that passes them (not a rule index). */
struct dtarget {
	const char *key;          /* interface, family, target, destination */
	const struct wan_if *w;
	enum fam fam;
	enum query_target t;
	const char *service;
	unsigned where;           /* the line that stands for the target */
	bool unknown;
	struct aset outside;      /* the sources that can arrive there */
	struct aset internet;     /* their public part */
	struct fbox_list boxes;
};

struct dside {
	struct arena *a;
	const struct input *in;
	const struct internet_data *id;
	struct dtarget *v;
	size_t n, cap;
};

static int box_push(struct arena *a, struct fbox_list *l, const struct fbox *b)
{
	struct fbox *v = arena_grow(a, l->b, &l->cap, l->n, sizeof(*v));
	if (!v)
		return EL_ENOMEM;
	l->b = v;
	l->b[l->n++] = *b;
	return 0;
}

static struct dtarget *target_new(struct dside *s, const struct wan_if *w, enum fam fam,
				  enum query_target t, const char *service, const char *dest,
				  unsigned where)
{
	struct dtarget *v = arena_grow(s->a, s->v, &s->cap, s->n, sizeof(*v));
	if (!v)
		return NULL;
	s->v = v;
	struct dtarget *d = &s->v[s->n++];
	memset(d, 0, sizeof(*d));
	d->w = w;
	d->fam = fam;
	d->t = t;
	d->service = service;
	d->where = where;
	/* \x1f separates the parts: no interface name or address holds it. */
	d->key = arena_printf(s->a, "%s\x1f%d\x1f%d\x1f%s", w->name, (int)fam, (int)t, dest);
	return d->key ? d : NULL;
}

/* Walks q through l (absent: everything passes) into d's boxes, tagged
 * with lines. cand: filter_candidates' rules for q, or NULL. */
static int target_reach(struct dside *s, struct dtarget *d, const struct flist *l,
			const struct fbox *q, const struct fcand *cand)
{
	if (l->unreadable || l->missing) {
		d->unknown = true;
		return 0;
	}
	struct fbox_list passed = {0};
	int rc = filter_reach_in(s->a, l->present ? l->rules : NULL, l->present ? l->n : 0,
				 l->present ? cand : NULL, l->present ? l->dflt : FA_PASS, q, &passed);
	if (rc == EL_ETOOBIG || rc == EL_EINVAL) {
		d->unknown = true;
		return 0;
	}
	if (rc)
		return rc;
	struct pset all;
	if (pset_all(s->a, 65535, &all))
		return EL_ENOMEM;
	for (size_t i = 0; i < passed.n; i++) {
		struct fbox b = passed.b[i];
		int r = b.rule;
		b.rule = (int)(r >= 0 && l->present ? l->rules[r].line : l->present ? l->line : d->w->line);
		b.sport = all;
		if (box_push(s->a, &d->boxes, &b))
			return EL_ENOMEM;
	}
	return 0;
}

static int query_box(struct arena *a, enum fam fam, const struct pset *proto,
		     const struct pset *dport, const struct aset *dst, const struct aset *src,
		     struct fbox *q)
{
	memset(q, 0, sizeof(*q));
	q->rule = -1;
	q->proto = *proto;
	q->dst = *dst;
	q->src = *src;
	if (pset_all(a, 65535, &q->sport))
		return EL_ENOMEM;
	if (dport)
		q->dport = *dport;
	else if (pset_all(a, 65535, &q->dport))
		return EL_ENOMEM;
	(void)fam;
	return 0;
}

static int side_family(struct dside *s, const struct wan_if *w, enum fam fam)
{
	struct arena *a = s->a;
	const struct device *d = &s->in->dev;
	struct aset outside, internet;
	if (internet_sources(a, fam, fam == FAM_V4 ? &d->lan4 : &d->lan6,
			     fam == FAM_V4 ? &d->box4 : NULL,
			     fam == FAM_V4 ? &s->id->public4 : &s->id->public6, &outside, &internet))
		return EL_ENOMEM;
	const struct flist *l = fam == FAM_V4 ? &w->in4 : &w->in6;
	const struct flist *lb = w->box_own_filter ? (fam == FAM_V4 ? &w->box4 : &w->box6) : l;
	unsigned lline = l->present ? l->line : w->line;
	/* 1. The box's own services. */
	struct aset box;
	struct u128 boxaddr = fam == FAM_V4 ? w->addr4 : BOX_UNKNOWN_ADDR6;
	if (aset_range(a, fam, boxaddr, boxaddr, &box))
		return EL_ENOMEM;
	for (size_t i = 0; i < d->nsvcs; i++) {
		const struct box_service *sv = &d->svcs[i];
		if (!sv->enabled)
			continue;
		bool ported = sv->proto == PROTO_TCP || sv->proto == PROTO_UDP;
		struct pset proto, port;
		struct aset src;
		struct fbox q;
		if (pset_range(a, sv->proto, sv->proto, &proto) ||
		    (ported && pset_range(a, sv->port, sv->port, &port)) ||
		    aset_intersect(a, &outside, fam == FAM_V4 ? &sv->allow4 : &sv->allow6, &src) ||
		    query_box(a, fam, &proto, ported ? &port : NULL, &box, &src, &q))
			return EL_ENOMEM;
		const char *dest = arena_printf(a, "service %s %u/%u", sv->name, sv->proto, sv->port);
		unsigned where = sv->host_line ? sv->host_line : sv->line ? sv->line : lline;
		struct dtarget *t = dest ? target_new(s, w, fam, QT_BOX, sv->name, dest, where) : NULL;
		if (!t)
			return EL_ENOMEM;
		t->outside = src;
		t->internet = internet;
		int rc = target_reach(s, t, lb, &q, NULL);
		if (rc)
			return rc;
	}
	/* 2. Forwards (IPv4), with the rules that can touch each found in
	 * one pass over the list, as the exposure check does. */
	if (fam == FAM_V4 && w->nfwds) {
		struct fbox *qs = arena_alloc(a, w->nfwds * sizeof(*qs));
		struct aset *dsts = arena_alloc(a, w->nfwds * sizeof(*dsts));
		struct fcand *cand = arena_alloc(a, w->nfwds * sizeof(*cand));
		if (!qs || !dsts || !cand)
			return EL_ENOMEM;
		for (size_t i = 0; i < w->nfwds; i++) {
			const struct nat_forward *f = &w->fwds[i];
			struct aset src = outside;
			if (f->hosts.n)
				dsts[i] = f->hosts;
			else if (aset_range(a, FAM_V4, f->inner, f->inner, &dsts[i]))
				return EL_ENOMEM;
			if ((f->from.n && aset_intersect(a, &outside, &f->from, &src)) ||
			    query_box(a, fam, &f->proto, &f->ports, &dsts[i], &src, &qs[i]))
				return EL_ENOMEM;
		}
		bool indexed = l->present && filter_candidates(a, l->rules, l->n, dsts, w->nfwds, cand) == 0;
		for (size_t i = 0; i < w->nfwds; i++) {
			const struct nat_forward *f = &w->fwds[i];
			const char *host = aset_format(a, &dsts[i], 200);
			const char *dest = host ? arena_printf(a, "%s %s", f->to_box ? "box" : "host", host) : NULL;
			struct dtarget *t = dest ? target_new(s, w, fam, f->to_box ? QT_BOX : QT_FORWARD,
							      NULL, dest, f->line)
						 : NULL;
			if (!t)
				return EL_ENOMEM;
			t->outside = qs[i].src;
			t->internet = internet;
			int rc = target_reach(s, t, f->acl4 ? f->acl4 : l, &qs[i],
					      indexed && !f->acl4 ? &cand[i] : NULL);
			if (rc)
				return rc;
		}
	}
	/* 3. Inside hosts addressed directly (no NAT). */
	const struct aset *inside = fam == FAM_V4 ? &d->lan4 : &d->lan6;
	if ((fam == FAM_V6 || !w->nat4) && !aset_is_empty(inside)) {
		struct pset proto;
		struct fbox q;
		if (pset_all(a, 255, &proto) || query_box(a, fam, &proto, NULL, inside, &outside, &q))
			return EL_ENOMEM;
		struct dtarget *t = target_new(s, w, fam, QT_INSIDE, NULL, "inside", lline);
		if (!t)
			return EL_ENOMEM;
		t->outside = outside;
		t->internet = internet;
		int rc = target_reach(s, t, l, &q, NULL);
		if (rc)
			return rc;
	}
	return 0;
}

static int target_cmp(const void *x, const void *y)
{
	const struct dtarget *a = x, *b = y;
	return strcmp(a->key, b->key);
}

/* Every target of in, sorted by key, those of one key merged (several
 * forwards to one host). */
static int side_build(struct dside *s)
{
	for (const struct wan_if *w = s->in->dev.wans; w; w = w->next) {
		if (w->closed)
			continue;
		int rc = 0;
		if (w->v4 && (rc = side_family(s, w, FAM_V4)) != 0)
			return rc;
		if (w->v6 && (rc = side_family(s, w, FAM_V6)) != 0)
			return rc;
	}
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), target_cmp);
	size_t o = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (o && strcmp(s->v[o - 1].key, s->v[i].key) == 0) {
			struct dtarget *m = &s->v[o - 1];
			m->unknown |= s->v[i].unknown;
			for (size_t k = 0; k < s->v[i].boxes.n; k++)
				if (box_push(s->a, &m->boxes, &s->v[i].boxes.b[k]))
					return EL_ENOMEM;
			continue;
		}
		s->v[o++] = s->v[i];
	}
	s->n = o;
	return 0;
}

/* ---- comparing two reaches ------------------------------------------------- */

static bool box_eq(const struct fbox *x, const struct fbox *y)
{
	return pset_eq(&x->proto, &y->proto) && pset_eq(&x->dport, &y->dport) &&
	       aset_eq(&x->src, &y->src) && aset_eq(&x->dst, &y->dst);
}

static bool boxes_eq(const struct fbox_list *x, const struct fbox_list *y)
{
	if (x->n != y->n)
		return false;
	for (size_t i = 0; i < x->n; i++)
		if (!box_eq(&x->b[i], &y->b[i]))
			return false;
	return true;
}

/* The packets of pass not in deny (with src_all: not meeting the
 * protocol, port and destination of any box of deny, whatever its
 * sources), into out, each box tagged as the box of pass it came from.
 * It is the first-match walk itself over a list of deny's boxes as
 * rejects then pass's as passes. */
static int boxes_minus(struct arena *a, enum fam fam, const struct fbox_list *deny, bool src_all,
		       const struct fbox_list *pass, struct fbox_list *out)
{
	memset(out, 0, sizeof(*out));
	if (!pass->n)
		return 0;
	size_t n = deny->n + pass->n;
	struct frule *r = arena_alloc(a, n * sizeof(*r));
	struct aset all;
	struct fbox q;
	if (!r || aset_all(a, fam, &all))
		return EL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const struct fbox *b = i < deny->n ? &deny->b[i] : &pass->b[i - deny->n];
		r[i] = (struct frule){.action = i < deny->n ? FA_DENY : FA_PASS, .proto = b->proto,
				      .src = i < deny->n && src_all ? all : b->src, .dst = b->dst,
				      .sport = b->sport, .dport = b->dport, .line = 0, .name = ""};
	}
	memset(&q, 0, sizeof(q));
	q.rule = -1;
	q.src = q.dst = all;
	if (pset_all(a, 255, &q.proto) || pset_all(a, 65535, &q.sport) || pset_all(a, 65535, &q.dport))
		return EL_ENOMEM;
	int rc = filter_reach(a, r, n, FA_DENY, &q, out);
	if (rc)
		return rc;
	for (size_t i = 0; i < out->n; i++) {
		int k = out->b[i].rule - (int)deny->n;
		out->b[i].rule = k >= 0 && (size_t)k < pass->n ? pass->b[k].rule : 0;
	}
	return 0;
}

struct dout {
	struct arena *a;
	struct diff_result *res;
	size_t cap;
};

static int change_add(struct dout *o, const struct diff_change *c)
{
	if (o->res->n >= DIFF_MAX_CHANGES)
		return EL_ETOOBIG;
	struct diff_change *v = arena_grow(o->a, o->res->v, &o->cap, o->res->n, sizeof(*v));
	if (!v)
		return EL_ENOMEM;
	o->res->v = v;
	o->res->v[o->res->n++] = *c;
	if (c->kind == DK_ADDED || c->kind == DK_WIDENED || c->kind == DK_UNKNOWN)
		o->res->risky = true;
	return 0;
}

/* One change per (protocol, ports, destination) of boxes, sources
 * united, at the smallest line. */
static int emit(struct dout *o, const struct fbox_list *boxes, enum diff_kind kind,
		const struct dtarget *old_t, const struct dtarget *new_t)
{
	const struct dtarget *t = new_t ? new_t : old_t;
	bool *done = boxes->n ? arena_alloc(o->a, boxes->n * sizeof(*done)) : NULL;
	if (boxes->n && !done)
		return EL_ENOMEM;
	for (size_t i = 0; i < boxes->n; i++) {
		if (done[i])
			continue;
		const struct fbox *b = &boxes->b[i];
		struct diff_change c = {.kind = kind, .iface = t->w->name, .fam = t->fam, .target = t->t,
					.service = t->service, .proto = b->proto, .dport = b->dport,
					.dst = b->dst, .src = b->src};
		unsigned line = (unsigned)b->rule;
		for (size_t k = i + 1; k < boxes->n; k++) {
			const struct fbox *x = &boxes->b[k];
			if (done[k] || !pset_eq(&x->proto, &b->proto) || !pset_eq(&x->dport, &b->dport) ||
			    !aset_eq(&x->dst, &b->dst))
				continue;
			struct aset u;
			if (aset_union(o->a, &c.src, &x->src, &u))
				return EL_ENOMEM;
			c.src = u;
			if ((unsigned)x->rule && (!line || (unsigned)x->rule < line))
				line = (unsigned)x->rule;
			done[k] = true;
		}
		c.src_any = aset_eq(&c.src, &t->outside);
		struct aset rest;
		c.src_public = aset_minus(o->a, &t->internet, &c.src, &rest) == 0 && aset_is_empty(&rest);
		bool gained = kind == DK_ADDED || kind == DK_WIDENED;
		c.new_line = gained ? line : new_t ? new_t->where : 0;
		c.old_line = kind == DK_ADDED ? 0 : gained ? (old_t ? old_t->where : 0) : line;
		int rc = change_add(o, &c);
		if (rc)
			return rc;
	}
	return 0;
}

/* Packets gained (in to, not in from) split into those whose protocol,
 * port and destination from let in from no source (first kind) and the
 * rest (second kind). */
static int gained(struct dout *o, enum fam fam, const struct fbox_list *from,
		  const struct fbox_list *to, enum diff_kind none_kind, enum diff_kind more_kind,
		  const struct dtarget *old_t, const struct dtarget *new_t)
{
	struct fbox_list g, fresh, more;
	int rc = boxes_minus(o->a, fam, from, false, to, &g);
	if (rc || !g.n)
		return rc;
	if ((rc = boxes_minus(o->a, fam, from, true, &g, &fresh)) != 0 ||
	    (rc = boxes_minus(o->a, fam, &fresh, false, &g, &more)) != 0)
		return rc;
	if ((rc = emit(o, &fresh, none_kind, old_t, new_t)) != 0)
		return rc;
	return emit(o, &more, more_kind, old_t, new_t);
}

static int compare_targets(struct dout *o, const struct dtarget *ot, const struct dtarget *nt)
{
	const struct dtarget *t = nt ? nt : ot;
	if (!t)
		return 0;
	if ((ot && ot->unknown) || (nt && nt->unknown)) {
		struct diff_change c = {.kind = DK_UNKNOWN, .iface = t->w->name, .fam = t->fam,
					.target = t->t, .service = t->service,
					.new_line = nt ? nt->where : 0, .old_line = ot ? ot->where : 0};
		aset_empty(t->fam, &c.src);
		aset_empty(t->fam, &c.dst);
		if (pset_all(o->a, 255, &c.proto) || pset_all(o->a, 65535, &c.dport))
			return EL_ENOMEM;
		return change_add(o, &c);
	}
	static const struct fbox_list none;
	const struct fbox_list *ob = ot ? &ot->boxes : &none, *nb = nt ? &nt->boxes : &none;
	if (boxes_eq(ob, nb))
		return 0;
	int rc = gained(o, t->fam, ob, nb, DK_ADDED, DK_WIDENED, ot, nt);
	if (rc)
		return rc;
	/* Lost: the same the other way, tagged with OLD's lines. */
	struct fbox_list l, gone, fewer;
	if ((rc = boxes_minus(o->a, t->fam, nb, false, ob, &l)) != 0 || !l.n)
		return rc;
	if ((rc = boxes_minus(o->a, t->fam, nb, true, &l, &gone)) != 0 ||
	    (rc = boxes_minus(o->a, t->fam, &gone, false, &l, &fewer)) != 0)
		return rc;
	if ((rc = emit(o, &gone, DK_REMOVED, ot, nt)) != 0)
		return rc;
	return emit(o, &fewer, DK_NARROWED, ot, nt);
}

int diff_exposure(struct arena *a, const struct input *old_in, const struct input *new_in,
		  const struct internet_data *internet, struct diff_result *out)
{
	memset(out, 0, sizeof(*out));
	struct dside so = {.a = a, .in = old_in, .id = internet};
	struct dside sn = {.a = a, .in = new_in, .id = internet};
	int rc = side_build(&so);
	if (rc == 0)
		rc = side_build(&sn);
	struct dout o = {.a = a, .res = out};
	size_t i = 0, k = 0;
	while (rc == 0 && (i < so.n || k < sn.n)) {
		int c = i >= so.n ? 1 : k >= sn.n ? -1 : strcmp(so.v[i].key, sn.v[k].key);
		if (c == 0)
			rc = compare_targets(&o, &so.v[i++], &sn.v[k++]);
		else if (c < 0)
			rc = compare_targets(&o, &so.v[i++], NULL);
		else
			rc = compare_targets(&o, NULL, &sn.v[k++]);
	}
	return rc;
}
