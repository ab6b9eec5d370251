/*
 * reg_passphrase.c — the passphrase settings of item 6-2
 * (rules/passphrase.yaml): the default minimum length, the strength
 * below which a passphrase fails, the blocklists (password lists) and
 * the vendor/product context words. Loaded from registry.c's {file,
 * loader} table; every problem of the file is reported (reg_load.h).
 */
#include "reg_load.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* A path of the file, relative to the rules directory unless absolute. */
static const char *rl_path(struct rload *L, const char *p)
{
	if (p[0] == '/')
		return p;
	return arena_printf(&L->r->arena, "%s/%s", L->r->dir, p);
}

/* One entry of blocklists: read into r->blocklist when sound. */
static int load_blocklist(struct rload *L, const struct ynode *m)
{
	struct registry *r = L->r;
	int rc = 0;
	const char *p = rl_str(L, m, "path", true, &rc);
	rl_str(L, m, "source", true, &rc);
	bool required = true;
	const struct ynode *req = ymap_get(m, "required");
	if (req && yscalar_bool(req, &required))
		rc = rl_err(L, req, "'required' must be true or false");
	if (rc)
		return rc;
	const char *full = rl_path(L, p);
	long got = full ? pass_blocklist_load(r->blocklist, full) : EL_ENOMEM;
	if (got < 0) {
		if (required)
			return rl_err(L, m, "cannot read the blocklist %s: %s", full ? full : p,
				      got == EL_EIO ? strerror(errno) : "bad file");
		snprintf(r->blocklist_note, sizeof(r->blocklist_note),
			 "%s could not be read; install it for a stronger passphrase check", p);
	}
	return 0;
}

int reg_load_passphrase(struct rload *L)
{
	const struct ynode *root = L->f.root;
	struct registry *r = L->r;
	int rc = 0;
	long v;
	if (yscalar_long(ymap_get(root, "min_length_default"), 8, 63, &v))
		rl_err(L, root, "'min_length_default' must be a number from 8 to 63");
	else
		r->pass.min_length = (unsigned)v;
	double bits;
	if (yscalar_double(ymap_get(root, "fail_below_bits"), &bits) || bits < 0 ||
	    bits > 256)
		rl_err(L, root, "'fail_below_bits' must be a number from 0 to 256");
	else
		r->pass.fail_below_bits = bits;
	r->blocklist = pass_blocklist_new();
	if (!r->blocklist)
		return rl_err(L, root, "out of memory");
	r->pass.blocklist = r->blocklist;
	const struct ynode *lists = ymap_get(root, "blocklists");
	if (!lists || lists->kind != Y_SEQ)
		rl_err(L, root, "'blocklists' must be a list");
	for (size_t i = 0; lists && lists->kind == Y_SEQ && i < lists->n; i++)
		load_blocklist(L, lists->vals[i]);
	const char *cw = rl_str(L, root, "context_words", true, &rc);
	if (rc)
		return rc;
	const char *full = rl_path(L, cw);
	r->context_words = pass_blocklist_new();
	if (!full || !r->context_words)
		return rl_err(L, root, "out of memory");
	long got = pass_blocklist_load(r->context_words, full);
	if (got < 0)
		return rl_err(L, root, "cannot read the context words %s: %s", full,
			      got == EL_EIO ? strerror(errno) : "bad file");
	r->pass.context_words = r->context_words;
	return 0;
}
