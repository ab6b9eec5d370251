/*
 * run.h — the pipeline for one input (see run.c).
 */
#ifndef EDGELINT_RUN_H
#define EDGELINT_RUN_H

#include <stdbool.h>
#include "finding.h"
#include "model.h"

struct parser;
struct walk_input;
struct cap_live;

/* Runs in (input_init'ed with its path; "-" is standard input) through the
 * whole pipeline. kind is the parser to use, or NULL to detect it from the
 * content. Every problem ends up in in->error, its diagnostics and its
 * findings; the function itself cannot fail. */
void run_input(struct input *in, const struct parser *kind, const struct run_ctx *ctx);
/* The kind of the regular file at path (kind when given, else detected)
 * and, for formats read together, its role (0: read it alone). NULL when
 * it cannot be read or recognised (run_input then says why). */
const struct parser *run_probe(const char *path, const struct parser *kind, int *role);
/* The same for the regular file open on fd (taken over and closed):
 * *archive is set for a backup archive (the kind returned reads it). */
const struct parser *run_probe_fd(int fd, const struct parser *kind, int *role, bool *archive);
/* Runs the files paths[0..n) of one router, all of kind (which has a
 * role function), through the pipeline as one input. */
void run_group(struct input *in, const char *const *paths, size_t n,
	       const struct parser *kind, const struct run_ctx *ctx);
/* The note input of a directory argument (walk.h): its notes as input
 * notes, its error (if any) as the input's error; no kind, nothing
 * judged. */
void run_notes(struct input *in, const struct walk_input *e, const struct run_ctx *ctx);
/* Runs a live capture (--interface; capture.h) through the pipeline as
 * the input in (input_init'ed with a name for the reports): the format
 * that reads live captures parses it with ctx->live set. */
void run_live(struct input *in, const struct cap_live *live, const struct run_ctx *ctx);
/* The pipeline from parsing on, for an input whose in->kind (with a parse
 * function), in->data (malloc'd, NUL-terminated, owned by in) and in->len
 * are set (a streaming parser, kind->streams, reads in->stream, a probed
 * pipe, or else in->path when in->data is NULL). Used by run_input and by the fuzz harnesses. */
void run_parsed(struct input *in, const struct run_ctx *ctx);
/* Settles the item statuses: the telework method, what the kind feeds,
 * what was assessed. fatal: nothing usable could be read. */
void run_settle(struct input *in, const struct run_ctx *ctx, bool fatal);

#endif
