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

/* A file a format reads from a backup (an unpacked directory, a tar or
 * tar.gz archive), named relative to the backup's root. The parser table
 * gives each format that reads backups a list of them (struct parser,
 * member backup), ending with {NULL}: only these are ever read, and they
 * are joined in this order. */
struct bundle_member {
	const char *path;         /* "etc/config/wireless" */
	/* The same file at another place as the next member (usr/lib/os-release,
	 * which etc/os-release links to): when this one is read the next is
	 * not, and messages name only the next. */
	bool or_next;
};

/* True when head starts a gzip stream or a tar archive. */
bool bundle_is_archive(const char *head, size_t n);
/* True when the directory rel (relative to dirfd, or a path with
 * AT_FDCWD) holds one of the files of the list members (of an unpacked
 * OpenWrt backup: etc/config/wireless, etc/config/firewall,
 * etc/openwrt_release…): it is then read as one input by bundle_dir(). */
bool bundle_dir_is_backup(int dirfd, const char *rel, const struct bundle_member *members);
/* Opens rel under dirfd for reading (O_NONBLOCK), never leaving dirfd: a
 * symbolic link that points out of it is refused (openat2
 * RESOLVE_BENEATH, else no link followed). fd, or -1 with errno (EXDEV or
 * ELOOP for such a link). */
int bundle_open_beneath(int dirfd, const char *rel);
/* Adds the files of the list members found under dir (an unpacked
 * backup) as parts of in, each at most max bytes. Returns 0, or negative
 * with why set (in English) and the input's error set in English and
 * Japanese (input_fail: a caller's input_fail() with why then keeps it). */
int bundle_dir(struct input *in, const char *dir, const struct bundle_member *members,
	       size_t max, char *why, size_t whyn);
/* The same for a tar or tar.gz archive held in data (named archive). */
int bundle_archive(struct input *in, const char *archive, const char *data, size_t len,
		   const struct bundle_member *members, size_t max, char *why, size_t whyn);

#endif
