/*
 * bundle.h — several files of one home router as one input (see bundle.c).
 */
#ifndef EDGELINT_BUNDLE_H
#define EDGELINT_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include "model.h"

/* Largest archive content unpacked in memory. */
#define BUNDLE_MAX_UNPACKED (64u << 20)

/* True when head starts a gzip stream or a tar archive. */
bool bundle_is_archive(const char *head, size_t n);
/* Adds the router files found under dir (an unpacked backup) as parts of
 * in, each at most max bytes. Returns 0, or negative with why set. */
int bundle_dir(struct input *in, const char *dir, size_t max, char *why, size_t whyn);
/* The same for a tar or tar.gz archive held in data (named archive). */
int bundle_archive(struct input *in, const char *archive, const char *data, size_t len,
		   size_t max, char *why, size_t whyn);

#endif
