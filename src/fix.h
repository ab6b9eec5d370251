/*
 * fix.h — fixes built from the file (issue 17 §1–§2): per finding, zero
 * or one block of commands to type on the device, in pasting order, with
 * a comment naming the rule and the line; or the reason why no command
 * can be built (then no command at all, never a partial one).
 *
 * The vendor's syntax is the parser side's: a format that can build
 * fixes sets the fix callback of its kind (struct input_kind, model.h),
 * which fills a fix_set from the model, the findings and the file. This
 * module holds what is the same for every vendor: the blocks, the choice
 * of a free number outside reserved ranges, the rendering as a script
 * (--format fix) and the merge into the file (--apply-fix), where the
 * builder's edits name lines of the input.
 *
 * Secrets: a builder writes commands from filter lines, addresses and
 * ports, never from a line that holds a secret; what leaves still goes
 * through finding_scrub() (the secret oracle aborts on a leak).
 */
#ifndef EDGELINT_FIX_H
#define EDGELINT_FIX_H

#include <stdbool.h>
#include <stddef.h>
#include "finding.h"
#include "model.h"
#include "util.h"

/* One change to the file as the device would store it after the
 * commands: the line's text replaced (the last replacement of a line
 * wins, as the device keeps the last command per key), new lines after
 * a line (0: at the start), or the line deleted. */
enum fix_op { FIX_REPLACE, FIX_INSERT_AFTER, FIX_DELETE };

struct fix_edit {
	enum fix_op op;
	unsigned line;            /* 1-based line of the input */
	const char *text;         /* the new line (REPLACE, INSERT_AFTER) */
};

struct fix_block {
	const struct finding *f;  /* the finding it fixes */
	const char **cmds;        /* in pasting order (configuration mode) */
	size_t ncmds, capcmds;
	/* No command could be built: why (en, ja); cmds is then empty. */
	const char *why, *why_ja;
	/* What a person must confirm before pasting (the partners kept, a
	 * reply path), or NULL. */
	const char *note, *note_ja;
	/* The finding is fixed by the commands of an earlier block (the same
	 * list rewritten, the same NAT entry removed): that block's finding. */
	const struct finding *by;
	struct fix_edit *edits;
	size_t nedits, capedits;
};

struct fix_set {
	struct fix_block *b;
	size_t n, cap;
	/* Set by the builder: commands that leave configuration sub-modes at
	 * the end of the script, or NULL. */
	const char *tail;
};

/* A new block for finding f in s (in the input's arena). NULL with
 * input_nomem() done. */
struct fix_block *fix_block_new(struct input *in, struct fix_set *s, const struct finding *f);
/* Appends a command (copied). 0 or EL_ENOMEM. */
int fix_cmd(struct input *in, struct fix_block *b, const char *cmd);
/* Appends an edit (text copied; NULL for FIX_DELETE). 0 or EL_ENOMEM. */
int fix_edit(struct input *in, struct fix_block *b, enum fix_op op, unsigned line,
	     const char *text);
/* Sets the block's reason for having no command (en, ja: constants or
 * arena strings); drops any command and edit already added. */
void fix_none(struct fix_block *b, const char *why, const char *why_ja);

/* The smallest number (ranges: struct fix_range, registry.h) >= first and <= max that is not in used (n numbers,
 * any order) nor in one of the reserved ranges; -1 when there is none
 * (exhausted). used is not changed. */
long fix_free_number(const long *used, size_t n, const struct fix_range *reserved,
		     size_t nreserved, long first, long max);

/* The input's text by lines, for builders that quote or rewrite a line. */
struct fix_text {
	size_t *ls;               /* line k (1-based) spans ls[k-1] .. ls[k] */
	unsigned n;               /* lines */
};
/* Indexes in->data (in the input's arena). 0 or EL_ENOMEM (input_nomem done). */
int fix_text_init(struct input *in, struct fix_text *t);
/* Line k without its line end, copied into the arena; NULL when k is out
 * of range or memory runs out. */
const char *fix_text_line(struct input *in, const struct fix_text *t, unsigned k);
/* Line k as the file has it up to its first CR or LF, copied into
 * scratch (the caller resets it), split at blanks into at most max
 * tokens: the count, or -1 when scratch memory runs out. */
long fix_text_split(const struct input *in, const struct fix_text *t, struct arena *scratch,
		    unsigned k, char **tok, size_t max);
/* "no" and the words of line k, one blank between them, in the input's
 * arena: the command that removes that line on ASA and YAMAHA alike; its
 * words in tok (*nt of them). NULL when the line is empty, out of range,
 * has max words or more, or memory runs out. */
const char *fix_no_line(struct input *in, const struct fix_text *t, unsigned k, char **tok,
			size_t max, size_t *nt);
/* Splits s (copied into a) at blanks into at most max tokens; the count. */
size_t fix_split(struct arena *a, const char *s, char **tok, size_t max);
/* The argument k of finding f, or NULL. */
const char *fix_arg(const struct finding *f, const char *k);
/* The internet-facing interface a finding of item 3-2 names (its
 * "interface" argument, "lan2" or "outside (IPv4)"), and *v6 whether it
 * is about IPv6 (the suffix, the "family" argument, EL103); NULL when none. */
const struct wan_if *fix_wan(const struct input *in, const struct finding *f, bool *v6);

/* A builder's blocks: one per open (fail or warn) finding whose rule id
 * is one of ids (NULL-terminated), made in finding order. An array in
 * the input's arena indexed like in->findings: finding i's block, or
 * NULL; NULL itself when memory runs out (input_nomem done). */
struct fix_block **fix_blocks_open(struct input *in, struct fix_set *s, const char *const *ids);
/* fix_wan() of b's finding; when the interface is not found, b says so
 * (fix_none) and NULL is returned. */
const struct wan_if *fix_block_wan(const struct input *in, struct fix_block *b, bool *v6);

/* The policy's allowed_inbound entry for proto ("tcp") and ports (one
 * port, as findings write it) to host that names IPv4 partners, or NULL.
 * A person named them: a fix keeps the flow for them and cuts it for the
 * rest (issue 17 §1); with none named it cuts the flow. */
struct policy_inbound;
const struct policy_inbound *fix_partner(const struct run_ctx *ctx, const char *proto,
					 const char *ports, const char *host);
/* Sets b's note for a fix narrowed to fix_partner()'s partners. */
void fix_note_narrowed(struct fix_block *b);

/* Builds the fixes of the input's findings (sorted) with its kind's
 * builder; an input whose kind has none gets a block per open finding
 * saying so. 0, or negative (out of memory: the input's error is set). */
int fix_build(struct input *in, const struct run_ctx *ctx, struct fix_set *out);

/* Renders the fix script of one input into sb: a header comment, then
 * each block (its comment, its commands or the reason there are none) in
 * the order of the findings; comments start with the kind's fix_comment
 * ("#", "!"). Everything from the input goes through finding_scrub().
 * 0 or negative. */
int fix_render(const struct input *in, const struct fix_set *s, enum lang l,
	       struct strbuf *sb);

/* Writes into sb the input's text with the edits of every block merged
 * (in->data; line ends kept as the file has them). 0 or negative. */
int fix_apply(const struct input *in, const struct fix_set *s, struct strbuf *sb);

#endif
