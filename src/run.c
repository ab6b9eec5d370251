/*
 * run.c — one input from bytes to a settled result: detect its kind from
 * the content, read it (within the kind's size limit), parse, run every
 * check, turn diagnostics into findings, apply the policy's exceptions,
 * settle the item statuses and sort the findings. main.c and the fuzz
 * harnesses share it, so both see the same pipeline.
 */
#define _GNU_SOURCE
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "../parsers/parsers.h"
#include "bundle.h"
#include "checks/checks.h"

/* A UTF-8 byte-order mark (Notepad writes one) is not part of the
 * content: it would hide a YAMAHA header or a first key from the probe
 * and the parser. Removed in place; the line numbers do not change. */
static void strip_bom(char *buf, size_t *n)
{
	if (*n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		memmove(buf, buf + 3, *n - 3);
		*n -= 3;
		buf[*n] = '\0';
	}
}

/* Reads the first bytes of a file for probing. */
static int read_head(const char *path, char *buf, size_t max, size_t *n, char *why,
		     size_t whyn)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(why, whyn, "%s", strerror(errno));
		return EL_EIO;
	}
	*n = fread(buf, 1, max - 1, f);
	int err = ferror(f);
	fclose(f);
	if (err) {
		snprintf(why, whyn, "read error");
		return EL_EIO;
	}
	buf[*n] = '\0';
	strip_bom(buf, n);
	return 0;
}

static void diags_to_findings(struct input *in, const struct run_ctx *ctx)
{
	bool packets = in->kind && in->kind->packets;
	for (const struct diag *d = in->diags; d; d = d->next) {
		struct finding *f =
			finding_add(in, ctx, d->level == DIAG_ERROR ? "EL001" : "EL002", "default",
				    ITEM_NONE, -1, d->level == DIAG_ERROR ? FST_UNKNOWN : FST_PASS,
				    d->line, NULL, "detail", d->msg, "detail_ja", d->msg_ja, ARGS_END);
		if (f && packets)
			f->is_packet = true;
	}
}

/* Final item statuses: method, what the kind feeds, what was assessed. */
static void run_finish(struct input *in, const struct run_ctx *ctx, bool fatal);
static void run_archive(struct input *in, const struct parser *p, const struct run_ctx *ctx);

const struct parser *run_probe(const char *path, const struct parser *kind, int *role)
{
	char why[64];
	*role = 0;
	struct stat st;
	if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	char *head = malloc(PROBE_BYTES);
	size_t n = 0;
	if (!head || read_head(path, head, PROBE_BYTES, &n, why, sizeof(why)) || n == 0) {
		free(head);
		return NULL;
	}
	const struct parser *p = kind;
	if (!p && !bundle_is_archive(head, n))
		p = parser_detect(head, n);
	if (p && p->role && p->parse)
		*role = p->role(head, n);
	free(head);
	return p;
}

void run_settle(struct input *in, const struct run_ctx *ctx, bool fatal)
{
	findings_settle_items(in);
	for (int it = 0; it < ITEM_COUNT; it++) {
		bool feeds = in->kind && in->kind->feeds[it];
		if (ctx->pol->method && !ctx->reg->items[it].methods[ctx->pol->method]) {
			in->items[it] = IST_NA;
			in->item_note[it] = "method";
		} else if (fatal) {
			bool unknown = feeds || !in->kind;
			in->items[it] = unknown ? IST_UNKNOWN : IST_NA;
			in->item_note[it] = unknown ? (in->kind && !in->kind->parse
							       ? "parser-not-built"
							       : "input-error")
						    : "kind-does-not-feed";
		} else if (!feeds) {
			in->items[it] = IST_NA;
			in->item_note[it] = "kind-does-not-feed";
		} else if (!in->item_touched[it]) {
			in->items[it] = IST_UNKNOWN;
			in->item_note[it] = "not-assessed";
		}
	}
	/* Findings for items that do not apply to the method are dropped. */
	size_t o = 0;
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		if (f->item >= 0 && in->item_note[f->item] &&
		    strcmp(in->item_note[f->item], "method") == 0)
			continue;
		in->findings[o++] = *f;
	}
	in->nfindings = o;
}

void run_input(struct input *in, const struct parser *kind, const struct run_ctx *ctx)
{
	char why[256];
	const struct parser *p = kind;
	in->kind_forced = kind != NULL;
	bool is_stdin = strcmp(in->path, "-") == 0;
	struct stat st;
	if (!is_stdin && stat(in->path, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* An unpacked router backup. */
		in->kind = p ? p : parser_by_name("openwrt");
		if (!in->kind || !in->kind->parse || !in->kind->role) {
			input_fail(in, "is a directory; only an unpacked OpenWrt backup is read that way");
			goto out;
		}
		if (bundle_dir(in, in->path, in->kind->max_bytes, why, sizeof(why))) {
			input_fail(in, "%s", why);
			goto out;
		}
		run_parsed(in, ctx);
		return;
	}
	if (!is_stdin) {
		char *head = malloc(PROBE_BYTES);
		size_t n = 0;
		if (!head) {
			input_fail(in, "out of memory");
			goto out;
		}
		if (read_head(in->path, head, PROBE_BYTES, &n, why, sizeof(why))) {
			free(head);
			input_fail(in, "cannot read: %s", why);
			goto out;
		}
		if (n == 0) {
			free(head);
			input_fail(in, "the file is empty");
			goto out;
		}
		if (bundle_is_archive(head, n) && (!p || p->role)) {
			free(head);
			run_archive(in, p ? p : parser_by_name("openwrt"), ctx);
			return;
		}
		if (!p)
			p = parser_detect(head, n);
		free(head);
		if (!p) {
			input_fail(in, "not a recognised input: expected a YAMAHA RTX/NVR or Cisco ASA "
				       "config, an OpenWrt, hostapd, nvram or RouterOS file, a router facts file "
				       "or a pcap/pcapng capture (--kind says which)");
			goto out;
		}
	}
	in->kind = p;
	if (!p) {
		input_fail(in, "internal error: no input kind");
		goto out;
	}
	if (!p->parse) {
		input_fail(in, "recognised as %s; this build cannot read it yet", p->label);
		goto out;
	}
	if (p->streams) {
		/* The parser reads the file (or standard input) itself. */
		run_parsed(in, ctx);
		return;
	}
	int rc = file_read_all(in->path, p->max_bytes, &in->data, &in->len, why, sizeof(why));
	if (rc) {
		input_fail(in, "cannot read: %s", why);
		goto out;
	}
	if (in->data)
		strip_bom(in->data, &in->len);
	run_parsed(in, ctx);
	return;
out:
	run_finish(in, ctx, true);
}

/* A router backup archive: the files edgelint reads are taken out of it. */
static void run_archive(struct input *in, const struct parser *p, const struct run_ctx *ctx)
{
	char why[512];
	char *data = NULL;
	size_t len = 0;
	in->kind = p;
	if (!p || !p->parse) {
		input_fail(in, "is an archive; only an OpenWrt backup archive is read");
		run_finish(in, ctx, true);
		return;
	}
	if (file_read_all(in->path, BUNDLE_MAX_UNPACKED, &data, &len, why, sizeof(why))) {
		input_fail(in, "cannot read: %s", why);
		run_finish(in, ctx, true);
		return;
	}
	int rc = bundle_archive(in, input_display_path(in), data, len, p->max_bytes, why,
				sizeof(why));
	/* An uncompressed backup holds password hashes and keys in clear. */
	volatile char *v = data;
	for (size_t k = 0; k < len; k++)
		v[k] = 0;
	free(data);
	if (rc) {
		input_fail(in, "%s", why);
		run_finish(in, ctx, true);
		return;
	}
	run_parsed(in, ctx);
}

void run_group(struct input *in, const char *const *paths, size_t n,
	       const struct parser *kind, const struct run_ctx *ctx)
{
	char why[256];
	in->kind = kind;
	for (size_t i = 0; i < n; i++) {
		char *data = NULL;
		size_t len = 0;
		if (file_read_all(paths[i], kind->max_bytes, &data, &len, why, sizeof(why))) {
			input_fail(in, "%s: cannot read: %s", paths[i], why);
			run_finish(in, ctx, true);
			return;
		}
		if (data)
			strip_bom(data, &len);
		int rc = input_add_part(in, paths[i], paths[i], data, len, kind->max_bytes);
		if (data) {
			volatile char *v = data;
			for (size_t k = 0; k < len; k++)
				v[k] = 0;
		}
		free(data);
		if (rc) {
			input_fail(in, "the files together are larger than the limit of %zu bytes",
				   kind->max_bytes);
			run_finish(in, ctx, true);
			return;
		}
	}
	run_parsed(in, ctx);
}

/* An input read as a kind it is not: --kind names one format, and the
 * content is recognised as another (and not as the one named). */
static const struct parser *kind_contradicted(const struct input *in)
{
	if (!in->kind_forced || !in->data || !in->kind->probe)
		return NULL;
	size_t n = in->len < PROBE_BYTES ? in->len : PROBE_BYTES;
	if (in->kind->probe(in->data, n) > 0)
		return NULL;
	const struct parser *q = parser_detect(in->data, n);
	return q != in->kind ? q : NULL;
}

/* Whether the parsed input can be judged as its kind: its content is
 * what --kind says. */
static bool input_kind_ok(struct input *in, const struct run_ctx *ctx)
{
	const struct parser *q = ctx->accept_partial ? NULL : kind_contradicted(in);
	if (q) {
		input_fail(in, "given as --kind %s, but the content is a %s; --accept-partial "
			       "judges it as %s anyway", in->kind->name, q->label, in->kind->name);
		return false;
	}
	return true;
}

/* Under COVERAGE_MIN_PERCENT of the lines understood, the input is an
 * input error (exit 2) naming the share; what was found on the lines that
 * were understood is still reported, but no item may pass: the lines not
 * understood could hold what fails it. */
static bool input_partly_understood(struct input *in, const struct run_ctx *ctx)
{
	if (ctx->accept_partial || !in->has_coverage || !in->lines_total ||
	    (uint64_t)in->lines_understood * 100 >= (uint64_t)in->lines_total * COVERAGE_MIN_PERCENT)
		return false;
	input_fail(in, "only %u of %u lines (%u%%) were understood as %s, under the %d%% needed "
		       "to trust a pass; --accept-partial judges it anyway",
		   in->lines_understood, in->lines_total,
		   (unsigned)((uint64_t)in->lines_understood * 100 / in->lines_total),
		   in->kind->label, COVERAGE_MIN_PERCENT);
	return true;
}

void run_parsed(struct input *in, const struct run_ctx *ctx)
{
	bool fatal = true;
	if (in->len == 0 && !in->kind->streams) {
		input_fail(in, "the input is empty");
	} else if (in->kind->parse(in, ctx) == 0 && input_kind_ok(in, ctx)) {
		fatal = false;
		checks_run(in, ctx);
	}
	diags_to_findings(in, ctx);
	bool partial = !fatal && input_partly_understood(in, ctx);
	run_finish(in, ctx, fatal);
	for (int it = 0; partial && it < ITEM_COUNT; it++)
		if (in->items[it] == IST_PASS) {
			in->items[it] = IST_UNKNOWN;
			in->item_note[it] = "partly-understood";
		}
}

/* Exceptions, item statuses, order: the last steps for every input. */
static void run_finish(struct input *in, const struct run_ctx *ctx, bool fatal)
{
	findings_select(in, ctx);
	findings_apply_exceptions(in, ctx);
	run_settle(in, ctx, fatal);
	findings_sort(in);
}
