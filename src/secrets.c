/*
 * secrets.c — the run's secrets as an Aho–Corasick automaton (see
 * secrets.h). The trie keeps each node's children as a list (the root's
 * as a 256-entry table, since nearly every scan step starts there); the
 * failure links and, per node, the length of the longest secret that ends
 * there (the node's own, or the longest reached through its failure chain)
 * are computed once, breadth first, before the first scan after an
 * insertion. A scan then reports at each byte the longest secret ending
 * there, which is all that hiding the union of the occurrences needs: any
 * shorter one ending at the same byte lies inside it.
 * Also evidence_line_masked(): a line quoted with known secret spans
 * replaced.
 */
#include "secrets.h"

#include <stdlib.h>
#include <string.h>

struct secret_node {
	uint32_t child;      /* first child, 0 when none */
	uint32_t sibling;    /* next child of the same parent, 0 when none */
	uint32_t fail;       /* longest proper suffix that is a trie node */
	uint32_t term_len;   /* longest secret ending here (0: none) */
	uint8_t byte;        /* the edge from the parent */
};

void secret_set_init_min(struct secret_set *set, size_t min)
{
	memset(set, 0, sizeof(*set));
	set->min = min < 1 ? 1 : min;
}

void secret_set_init(struct secret_set *set)
{
	secret_set_init_min(set, SECRET_MASK_MIN);
}

void secret_set_free(struct secret_set *set)
{
	size_t min = set->min;
	free(set->nodes);
	secret_set_init_min(set, min);
}

static uint32_t node_next(const struct secret_set *set, uint32_t u, uint8_t c)
{
	if (u == 0)
		return set->root_next[c];
	for (uint32_t v = set->nodes[u].child; v; v = set->nodes[v].sibling)
		if (set->nodes[v].byte == c)
			return v;
	return 0;
}

static int node_new(struct secret_set *set, uint32_t parent, uint8_t c, uint32_t *out)
{
	if (set->nnodes == set->capnodes) {
		if (set->capnodes >= UINT32_MAX / 2)
			return EL_ENOMEM;
		uint32_t cap = set->capnodes ? set->capnodes * 2 : 64;
		struct secret_node *nn = realloc(set->nodes, (size_t)cap * sizeof(*nn));
		if (!nn)
			return EL_ENOMEM;
		set->nodes = nn;
		set->capnodes = cap;
	}
	if (set->nnodes == 0)   /* the root */
		memset(&set->nodes[set->nnodes++], 0, sizeof(struct secret_node));
	uint32_t v = set->nnodes++;
	struct secret_node *n = &set->nodes[v];
	memset(n, 0, sizeof(*n));
	n->byte = c;
	if (parent == 0) {
		set->root_next[c] = v;
	} else {
		n->sibling = set->nodes[parent].child;
		set->nodes[parent].child = v;
	}
	*out = v;
	return 0;
}

int secret_set_add(struct secret_set *set, const char *s, size_t n)
{
	if (n < set->min)
		return 0;
	if (n > UINT32_MAX) {
		set->nomem = true;
		return EL_ENOMEM;
	}
	uint32_t u = 0;
	for (size_t i = 0; i < n; i++) {
		uint8_t c = (uint8_t)s[i];
		uint32_t v = set->nnodes ? node_next(set, u, c) : 0;
		if (!v && node_new(set, u, c, &v)) {
			set->nomem = true;
			return EL_ENOMEM;
		}
		u = v;
	}
	set->nodes[u].term_len = (uint32_t)n;
	set->built = false;
	return 0;
}

/* Failure links and longest-secret lengths, breadth first. */
static int set_build(struct secret_set *set)
{
	if (set->built || set->nnodes == 0)
		return set->nomem ? EL_ENOMEM : 0;
	uint32_t *queue = malloc((size_t)set->nnodes * sizeof(*queue));
	if (!queue)
		return EL_ENOMEM;
	size_t head = 0, tail = 0;
	for (unsigned c = 0; c < 256; c++) {
		uint32_t v = set->root_next[c];
		if (v) {
			set->nodes[v].fail = 0;
			queue[tail++] = v;
		}
	}
	while (head < tail) {
		uint32_t u = queue[head++];
		for (uint32_t v = set->nodes[u].child; v; v = set->nodes[v].sibling) {
			uint8_t c = set->nodes[v].byte;
			uint32_t f = set->nodes[u].fail, t;
			while ((t = node_next(set, f, c)) == 0 && f != 0)
				f = set->nodes[f].fail;
			set->nodes[v].fail = t;
			if (set->nodes[v].term_len == 0)
				set->nodes[v].term_len = set->nodes[t].term_len;
			queue[tail++] = v;
		}
	}
	free(queue);
	set->built = true;
	return set->nomem ? EL_ENOMEM : 0;
}

static uint32_t set_step(const struct secret_set *set, uint32_t u, uint8_t c)
{
	uint32_t t;
	while ((t = node_next(set, u, c)) == 0 && u != 0)
		u = set->nodes[u].fail;
	return t;
}

bool secret_set_found(struct secret_set *set, const char *s, size_t n)
{
	if (set->nomem)
		return true;
	if (set->nnodes == 0)
		return false;
	if (set_build(set))
		return true;
	uint32_t u = 0;
	for (size_t i = 0; i < n; i++) {
		u = set_step(set, u, (uint8_t)s[i]);
		if (set->nodes[u].term_len)
			return true;
	}
	return false;
}

int secret_set_runs(struct secret_set *set, const char *s, size_t n,
		    struct secret_run **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (set->nomem)
		return EL_ENOMEM;
	if (set->nnodes == 0 || n < set->min)
		return 0;
	int rc = set_build(set);
	if (rc)
		return rc;
	/* At each byte the longest secret ending there; a match that reaches
	 * back into earlier runs swallows them (matches arrive by end, so
	 * only the last runs can be reached). */
	struct secret_run *runs = NULL;
	size_t nruns = 0, cap = 0;
	uint32_t u = 0;
	for (size_t i = 0; i < n; i++) {
		u = set_step(set, u, (uint8_t)s[i]);
		uint32_t len = set->nodes[u].term_len;
		if (!len)
			continue;
		size_t ms = i + 1 - len;
		while (nruns && runs[nruns - 1].e > ms) {
			if (runs[nruns - 1].s < ms)
				ms = runs[nruns - 1].s;
			nruns--;
		}
		struct secret_run *nr = vec_grow(runs, &cap, nruns, sizeof(*nr));
		if (!nr) {
			free(runs);
			return EL_ENOMEM;
		}
		runs = nr;
		runs[nruns++] = (struct secret_run){ms, i + 1};
	}
	*out = runs;
	*nout = nruns;
	return 0;
}

int secret_set_mask(struct secret_set *set, const char *s, size_t n, struct strbuf *out)
{
	struct secret_run *runs;
	size_t nruns;
	int rc = secret_set_runs(set, s, n, &runs, &nruns);
	if (rc)
		return rc;
	size_t start = out->len, done = 0;
	for (size_t k = 0; k < nruns && rc == 0; k++) {
		rc = sb_add(out, s + done, runs[k].s - done);
		if (rc == 0)
			rc = sb_adds(out, SECRET_MASK);
		done = runs[k].e;
	}
	if (rc == 0)
		rc = sb_add(out, s + done, n - done);
	free(runs);
	if (rc) {
		out->len = start;
		if (out->buf)
			out->buf[start] = '\0';
	}
	return rc;
}

char *evidence_line_masked(struct arena *a, const char *s, size_t n,
			   const struct secret_run *spans, size_t nspans)
{
	size_t len = n + 1;
	for (size_t k = 0; k < nspans; k++)
		len += sizeof(SECRET_MASK) - 1;
	char *o = arena_alloc(a, len);
	if (!o)
		return NULL;
	size_t w = 0, done = 0;
	for (size_t k = 0; k < nspans; k++) {
		size_t st = spans[k].s < done ? done : spans[k].s > n ? n : spans[k].s;
		size_t en = spans[k].e < st ? st : spans[k].e > n ? n : spans[k].e;
		memcpy(o + w, s + done, st - done);
		w += st - done;
		memcpy(o + w, SECRET_MASK, sizeof(SECRET_MASK) - 1);
		w += sizeof(SECRET_MASK) - 1;
		done = en;
	}
	memcpy(o + w, s + done, n - done);
	w += n - done;
	o[w] = '\0';
	return o;
}
