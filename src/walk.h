/*
 * walk.h — the command line's FILE arguments as the inputs they stand
 * for: a directory expanded to its files, files of one router joined
 * (see walk.c).
 */
#ifndef EDGELINT_WALK_H
#define EDGELINT_WALK_H

#include <stdbool.h>
#include <stddef.h>

struct parser;

/* Regular files examined (their heads read) in one directory argument,
 * directory levels gone down, and notes listed one by one per directory
 * argument. */
#define WALK_MAX_FILES 10000
#define WALK_MAX_DEPTH 16
#define WALK_MAX_NOTES 100

/* A file skipped (hidden, unreadable, not recognised, a FIFO…) or a
 * choice made, in English and Japanese. */
struct walk_note {
	char *en, *ja;
};

/* One input to run. */
struct walk_input {
	char **paths;             /* the files (one, or the files of one router);
				     for a note input, the directory argument */
	size_t n;
	const struct parser *kind;   /* for n > 1: the kind that reads them together */
	/* A note input: what a directory argument left out. It has no kind;
	 * error (or NULL) makes it an input error (exit 2): a limit left
	 * files unread, the directory cannot be read, or nothing in it was
	 * recognised. */
	bool is_notes;
	struct walk_note *notes;
	size_t nnotes, capnotes;
	size_t notes_dropped;     /* past WALK_MAX_NOTES: counted, not listed */
	char *error, *error_ja;   /* English and Japanese (malloc), or NULL */
};

struct walk {
	struct walk_input *inputs;
	size_t ninputs, capinputs;
};

/* The inputs of the arguments args[0..n) in order; kind: --kind or NULL.
 *  - "-" is standard input, an input of its own;
 *  - consecutive files of a kind read together (OpenWrt's wireless,
 *    firewall, release…), each of a different role, are one input;
 *  - an unpacked OpenWrt backup directory (bundle_dir_is_backup) is one
 *    input;
 *  - any other directory stands for the regular files below it, in name
 *    order, each probed: hidden names (a leading '.') are skipped; a
 *    symbolic link is followed only to a regular file inside the
 *    directory (openat2 RESOLVE_BENEATH, bundle_open_beneath), never to
 *    a directory, so a link loop is never entered; FIFOs, sockets and
 *    devices are never opened (nothing blocks); files not recognised are
 *    skipped, and so are, with --kind, files detected as another kind.
 *    Files of a kind read together in one directory are one
 *    input when each has a different role; when two have the same role,
 *    the directory holds more than one router and each file is read
 *    alone. Every file skipped and every such choice is a note of a note
 *    input (path: the directory) after the directory's inputs.
 * Returns 0 or EL_ENOMEM; plan is filled either way (walk_free). */
int walk_args(char *const *args, size_t n, const struct parser *kind, struct walk *plan);
void walk_free(struct walk *plan);

#endif
