/*
 * parsers.h — the table of input formats. A format is one file in
 * parsers/ plus one line in parsers/parsers.def (libpcap's check_headers[]
 * idea): a probe that sniffs the first bytes (never the file name) and a
 * parse function that fills the model. A format whose parser is not built
 * yet keeps its probe, so edgelint can say what it recognised.
 */
#ifndef EDGELINT_PARSERS_H
#define EDGELINT_PARSERS_H

#include <stdbool.h>
#include <stddef.h>
#include "../src/finding.h"
#include "../src/model.h"

/* Bytes handed to probes: the start of the input. */
#define PROBE_BYTES 65536

struct parser {
	const char *name;         /* --kind value: "router-facts" */
	const char *label;        /* "router facts file" */
	const char *label_ja;     /* the same in Japanese */
	/* Confidence 0..100 that head (n bytes, the start of the input) is
	 * this format; 0 means no. */
	int (*probe)(const char *head, size_t n);
	/* Parses in->data/in->len into in->dev etc. Problems go on the
	 * input's diagnostics; returns 0, or negative when nothing usable
	 * could be read (in->error set). NULL: not built yet. */
	int (*parse)(struct input *in, const struct run_ctx *ctx);
	/* Formats whose files of one router are read together (OpenWrt's
	 * wireless, firewall, openwrt_release…): the file's role, a small
	 * non-zero number per kind of file, or 0 when head is none of them.
	 * Consecutive arguments with different roles are one router; NULL:
	 * every file is read alone. Such a format also reads backup
	 * directories and archives. */
	int (*role)(const char *head, size_t n);
	bool feeds[ITEM_COUNT];   /* items this format can assess */
	bool home_router;         /* describes a home router (not an office edge) */
	bool firewall;            /* the device is a firewall (Cisco ASA): messages
				   * call it that, not a router */
	size_t max_bytes;         /* largest input accepted */
	/* The parser reads the input itself, streaming: run.c hands it the
	 * path (in->path; "-" is standard input) and reads nothing, so
	 * max_bytes does not apply. When in->data/in->len are set anyway
	 * (fuzzing, tests), it reads those bytes instead. */
	bool streams;
	/* Findings' lines are packet numbers (captures). */
	bool packets;
};

/* Iterates over the lines of a probe buffer: sets [*ls, *le) to the next
 * line without its end-of-line and returns true, or false at the end. */
static inline bool probe_line(const char *head, size_t n, size_t *pos,
			      const char **ls, size_t *len)
{
	if (*pos >= n)
		return false;
	size_t i = *pos, e = i;
	while (e < n && head[e] != '\n')
		e++;
	*ls = head + i;
	*len = e - i;
	if (*len && head[e - 1] == '\r')
		(*len)--;
	*pos = e + 1;
	return true;
}

/* True when the line starts with prefix (after leading blanks when
 * skip_blank). */
static inline bool probe_starts(const char *ls, size_t len, const char *prefix,
				bool skip_blank)
{
	size_t i = 0, pn = 0;
	while (skip_blank && i < len && (ls[i] == ' ' || ls[i] == '\t'))
		i++;
	while (prefix[pn])
		pn++;
	if (len - i < pn)
		return false;
	for (size_t k = 0; k < pn; k++)
		if (ls[i + k] != prefix[k])
			return false;
	return true;
}

extern const struct parser *const parsers[];
extern const size_t nparsers;

/* The parser named name, or NULL. */
const struct parser *parser_by_name(const char *name);
/* The best-scoring parser for head, or NULL when none recognises it. */
const struct parser *parser_detect(const char *head, size_t n);

#endif
