/*
 * parsers.h — the table of input formats. A format is one file in
 * parsers/ plus one line in parsers/parsers.def (libpcap's check_headers[]
 * idea): a probe that sniffs the first bytes (never the file name) and a
 * parse function that fills the model. A format whose parser is not built
 * yet keeps its probe, so edgelint can say what it recognised.
 *
 * The entry carries everything the core asks of a format (size limit,
 * streaming, files read together, backups, how --help and messages name
 * it), so the core, the checks and the reporters never name a format.
 * Checks and reporters do not include this header: they read the input's
 * kind (struct input_kind, model.h), which the entry embeds.
 * docs/adding-a-vendor.md is the recipe for a new format.
 */
#ifndef EDGELINT_PARSERS_H
#define EDGELINT_PARSERS_H

#include <stdbool.h>
#include <stddef.h>
#include "../src/bundle.h"
#include "../src/finding.h"
#include "../src/model.h"
#include "../src/util.h"

/* Bytes handed to probes: the start of the input. */
#define PROBE_BYTES 65536

struct parser {
	/* What the checks and reporters see of the format (model.h): its
	 * name, labels, the items it feeds and its capabilities. An input
	 * read as this format points to it (in->kind). */
	struct input_kind kind;
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
	 * every file is read alone. */
	int (*role)(const char *head, size_t n);
	size_t max_bytes;         /* largest input accepted */
	/* The parser reads the input itself, streaming: run.c hands it the
	 * path (in->path; "-" is standard input) and reads nothing, so
	 * max_bytes does not apply. When in->data/in->len are set anyway
	 * (fuzzing, tests), it reads those bytes instead. */
	bool streams;
	/* Reads a live capture from a network interface (--interface) when
	 * ctx->live is set: run_live() gives the input to the first such
	 * format. */
	bool live;
	/* Backups read as one input of this format: an unpacked directory
	 * holding one of these files, or a tar or tar.gz archive, of which
	 * only these members are read (src/bundle.c), joined in this order;
	 * the list ends with {NULL}. NULL: a directory is walked file by file
	 * and an archive is not read as this format. */
	const struct bundle_member *backup;
	/* How messages name such a backup: "only an unpacked OpenWrt backup
	 * is read that way" ("展開した OpenWrt のバックアップ"). */
	const char *backup_label, *backup_label_ja;
	/* How the message for an input no probe recognises names the format
	 * (parsers_expected()): "YAMAHA RTX/NVR", with what it is, "config"
	 * (Japanese "設定"); NULL when expect says it all ("router facts
	 * file"). Formats next to each other in help order with the same
	 * `what` are listed together: "a YAMAHA RTX/NVR or Cisco ASA config";
	 * the English article is "an" before a vowel letter. */
	const char *expect, *expect_ja;
	const char *what, *what_ja;
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

/* A line a probe counts: it starts with prefix (after leading blanks
 * when skip_blank), as probe_starts() says. */
struct probe_start {
	const char *prefix;
	bool skip_blank;
};
/* Scans the lines of head: -1 as soon as a line is the format's own
 * header (header() true), else how many lines start with one of the
 * nstarts starts (each line counted once). */
int probe_count(const char *head, size_t n, bool (*header)(const char *ls, size_t len),
		const struct probe_start *starts, size_t nstarts);

/* The start a parser of a text config shares: its state of size bytes,
 * zeroed, in the input's arena, or NULL with the input's error "out of
 * memory" set. */
void *parse_state_new(struct input *in, size_t size);
/* True, with the input's error set to en / ja (what the file is instead,
 * how to export it), when the text holds a NUL byte: binary data, not a
 * config. */
bool parse_binary(struct input *in, const char *en, const char *ja);

/* The table, in parsers.def order (the probes' tie-break order). */
extern const struct parser *const parsers[];
extern const size_t nparsers;
/* The same formats in the order --help and messages list them (the
 * second argument of PARSER() in parsers.def). */
extern const struct parser *const parsers_shown[];

/* The parser named name, or NULL. */
const struct parser *parser_by_name(const char *name);
/* The kind named name (the descriptor of parser_by_name(name)), or NULL. */
const struct input_kind *input_kind_named(const char *name);
/* The parser whose descriptor kind is, or NULL (NULL, or a descriptor
 * not from the table). */
const struct parser *parser_of(const struct input_kind *kind);
/* The best-scoring parser for head, or NULL when none recognises it. */
const struct parser *parser_detect(const char *head, size_t n);
/* The format whose backup the directory rel (under dirfd, or a path with
 * AT_FDCWD) is: the first in the table that reads backups and whose
 * files are found in it; NULL when none. */
const struct parser *parser_backup_dir(int dirfd, const char *rel);
/* The format a backup is read as when neither --kind nor its files say
 * (an archive; a directory holding none of the files): the first in the
 * table that reads backups, or NULL. */
const struct parser *parser_backup_default(void);
/* The format that reads a live capture (parser.live), or NULL. */
const struct parser *parser_live(void);
/* Appends to en and ja the list of what a backup is read as, for
 * messages: "OpenWrt" (several: "A or B"; "A か B"), in English after
 * its article when with_article ("an OpenWrt"). 0 or EL_ENOMEM. */
int parsers_backups(struct strbuf *en, struct strbuf *ja, bool with_article);
/* Appends to en and ja what the message for an input not recognised says
 * edgelint expects, built from the table in help order: "a YAMAHA
 * RTX/NVR or Cisco ASA config, an OpenWrt, hostapd, nvram or RouterOS
 * file, a router facts file or a pcap/pcapng capture" and "YAMAHA
 * RTX/NVR か Cisco ASA の設定、OpenWrt・hostapd・nvram・RouterOS のファイル、
 * ルータ事実ファイル、pcap/pcapng のキャプチャ". 0 or EL_ENOMEM. */
int parsers_expected(struct strbuf *en, struct strbuf *ja);

#endif
