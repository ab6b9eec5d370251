/*
 * bundle.c — the files of one home router read as one input: an unpacked
 * backup directory, or the backup archive itself (OpenWrt `sysupgrade -b`
 * and LuCI "Generate archive" make a gzip'd tar of relative etc/...
 * members; see openwrt/openwrt package/base-files/files/sbin/sysupgrade).
 *
 * Only the members named in bundle_members[] are ever read: a backup also
 * holds /etc/shadow and private keys, which edgelint has no reason to
 * touch. The tar reader follows POSIX ustar (IEEE Std 1003.1, "pax"
 * ustar header: name[100] at 0, size[12] octal at 124, typeflag at 156,
 * magic "ustar" at 257, prefix[155] at 345) plus GNU long names (typeflag
 * 'L'); every offset is checked against the bytes actually read.
 * In an unpacked directory every member is opened beneath it
 * (bundle_open_beneath): a link that leaves it is refused, never followed.
 */
#define _GNU_SOURCE   /* syscall */
#include "bundle.h"
#include "gz.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifdef SYS_openat2
#include <linux/openat2.h>
#endif

/* The members edgelint reads, in the order they are joined. */
/* Writes why (English) and sets the input's error in both languages (the
 * compiler checks both formats against the arguments). */
#define bundle_fail(in, why, whyn, en, ja, ...)                                \
	(snprintf(why, whyn, en, ##__VA_ARGS__), input_fail(in, en, ja, ##__VA_ARGS__))

static const char *const bundle_members[] = {
	"etc/config/wireless", "etc/config/firewall", "etc/openwrt_release",
	"usr/lib/os-release", "etc/os-release", "etc/config/upnpd", NULL,
};
#define BUNDLE_NMEMBERS (ARRAY_SIZE(bundle_members))

/* Index of a member name (after "./" and "/" are stripped), or -1. */
static int member_index(const char *name, size_t n)
{
	while (n >= 2 && name[0] == '.' && name[1] == '/') {
		name += 2;
		n -= 2;
	}
	while (n && name[0] == '/') {
		name++;
		n--;
	}
	for (int i = 0; bundle_members[i]; i++)
		if (strlen(bundle_members[i]) == n && memcmp(bundle_members[i], name, n) == 0)
			return i;
	return -1;
}

/* Frees a buffer that held a router's files (keys, password hashes) after
 * overwriting it, as run_group() does. */
static void wipe_free(char *p, size_t n)
{
	if (p) {
		volatile char *v = p;
		for (size_t i = 0; i < n; i++)
			v[i] = 0;
	}
	free(p);
}

bool bundle_is_archive(const char *head, size_t n)
{
	if (n >= 2 && (unsigned char)head[0] == 0x1f && (unsigned char)head[1] == 0x8b)
		return true;
	return n >= 262 && memcmp(head + 257, "ustar", 5) == 0;
}

/* os-release is found in two places; the second copy adds nothing. */
static bool is_os_release(int idx)
{
	return idx >= 0 && strstr(bundle_members[idx], "os-release") != NULL;
}

/* Opens rel under the directory dirfd for reading, never leaving it: a
 * symbolic link that points out of it (`etc/config/wireless ->
 * /etc/shadow`, `etc -> /etc`) would make the report describe, and read,
 * the host's own files. openat2(2) with RESOLVE_BENEATH (Linux 5.6,
 * man7.org/linux/man-pages/man2/openat2.2.html: "EXDEV ... escape") lets
 * a link stay inside; without it every component is opened O_NOFOLLOW
 * and no link is followed. fd, or -1 with errno (EXDEV, ELOOP: a link). */
int bundle_open_beneath(int dirfd, const char *rel)
{
	int flags = O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC;
#ifdef SYS_openat2
	struct open_how how = {.flags = (uint64_t)flags,
			       .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS};
	long r = syscall(SYS_openat2, dirfd, rel, &how, sizeof(how));
	if (r >= 0 || (errno != ENOSYS && errno != EPERM))
		return (int)r;
#endif
	int cur = dup(dirfd);
	const char *p = rel;
	while (cur >= 0) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		char part[NAME_MAX + 1];
		if (n > NAME_MAX) {
			close(cur);
			errno = ENAMETOOLONG;
			return -1;
		}
		memcpy(part, p, n);
		part[n] = '\0';
		int nfd = openat(cur, part, (slash ? O_RDONLY | O_DIRECTORY | O_CLOEXEC : flags) |
					    O_NOFOLLOW);
		int e = errno;
		close(cur);
		errno = e;
		if (nfd < 0 || !slash)
			return nfd;
		cur = nfd;
		p = slash + 1;
	}
	return -1;
}

bool bundle_dir_is_backup(int dirfd, const char *rel)
{
	for (int i = 0; bundle_members[i]; i++) {
		char path[4096];
		struct stat st;
		int pn = snprintf(path, sizeof(path), "%s/%s", rel, bundle_members[i]);
		/* Links followed: a member that is a link is still a member (and
		 * bundle_dir refuses it when it leads out). */
		if (pn > 0 && (size_t)pn < sizeof(path) && fstatat(dirfd, path, &st, 0) == 0)
			return true;
	}
	return false;
}

int bundle_dir(struct input *in, const char *dir, size_t max, char *why, size_t whyn)
{
	bool have_os = false;
	size_t dn = strlen(dir);
	while (dn > 1 && dir[dn - 1] == '/')
		dn--;   /* "backup/" names its files "backup/etc/…" */
	int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		struct why e = {{0}, {0}};
		why_errno(&e, errno);
		bundle_fail(in, why, whyn, "cannot read: %s%.0s", "読み込めません: %.0s%s", e.en, e.ja);
		return EL_EIO;
	}
	int rc = 0;
	for (int i = 0; bundle_members[i] && !rc; i++) {
		if (is_os_release(i) && have_os)
			continue;
		char path[4096];
		int pn = snprintf(path, sizeof(path), "%.*s/%s", (int)dn, dir, bundle_members[i]);
		if (pn < 0 || (size_t)pn >= sizeof(path))
			continue;
		int fd = bundle_open_beneath(dirfd, bundle_members[i]);
		if (fd < 0) {
			if (errno == ENOENT)
				continue;
			rc = EL_EIO;
			int err = errno;
			struct why e = {{0}, {0}};
			why_errno(&e, err);
			if (err == EXDEV || err == ELOOP)
				bundle_fail(in, why, whyn,
					    "%s is a symbolic link that leads out of the backup "
					    "directory (or cannot be followed safely); it is not read",
					    "%s はバックアップのディレクトリの外を指す（または安全にたどれない）"
					    "シンボリックリンクなので、読んでいません", path);
			else
				bundle_fail(in, why, whyn, "%s: %s%.0s", "%s: %.0s%s", path, e.en, e.ja);
			break;
		}
		struct stat st;
		char *data = NULL;
		size_t len = 0;
		struct why fwhy = {{0}, {0}};
		if (fstat(fd, &st) != 0) {
			why_errno(&fwhy, errno);
			bundle_fail(in, why, whyn, "%s: %s%.0s", "%s: %.0s%s", path, fwhy.en, fwhy.ja);
			rc = EL_EIO;
		} else if (!S_ISREG(st.st_mode)) {
			bundle_fail(in, why, whyn, "%s is not a regular file; it is not read",
				    "%s は通常のファイルではないので、読んでいません", path);
			rc = EL_EIO;
		} else if ((rc = fd_read_all(fd, NULL, 0, max, FILE_SILENCE_MS, &data, &len,
					     &fwhy)) != 0) {
			bundle_fail(in, why, whyn, "%s: %s%.0s", "%s: %.0s%s", bundle_members[i],
				    fwhy.en, fwhy.ja);
		}
		close(fd);
		if (rc)
			break;
		rc = input_add_part(in, path, path, data, len, max);
		wipe_free(data, len);
		if (rc)
			bundle_fail(in, why, whyn, "the files are larger than the limit of %zu bytes",
				    "ファイルが上限の %zu バイトを超えています", max);
		have_os |= is_os_release(i);
	}
	close(dirfd);
	if (rc)
		return rc;
	if (in->nparts == 0) {
		bundle_fail(in, why, whyn, "the directory holds none of the files edgelint reads "
					   "(etc/config/wireless, etc/config/firewall, etc/openwrt_release, "
					   "etc/os-release, etc/config/upnpd)",
			    "ディレクトリに edgelint が読むファイル（etc/config/wireless、"
			    "etc/config/firewall、etc/openwrt_release、etc/os-release、"
			    "etc/config/upnpd）が一つもありません");
		return EL_EPARSE;
	}
	return 0;
}

/* Parses an octal tar number field; false when it is not one. */
static bool tar_octal(const unsigned char *f, size_t n, uint64_t *v)
{
	size_t i = 0;
	uint64_t r = 0;
	while (i < n && f[i] == ' ')
		i++;
	size_t digits = 0;
	for (; i < n && f[i] >= '0' && f[i] <= '7'; i++, digits++) {
		if (r > (UINT64_MAX >> 3))
			return false;
		r = (r << 3) | (uint64_t)(f[i] - '0');
	}
	for (; i < n; i++)
		if (f[i] != ' ' && f[i] != '\0')
			return false;
	*v = r;
	return digits > 0;
}

static size_t field_len(const unsigned char *f, size_t max)
{
	size_t n = 0;
	while (n < max && f[n])
		n++;
	return n;
}

/* Walks the tar in [t, t+n) and adds the wanted members as parts. */
static int tar_walk(struct input *in, const char *archive, const unsigned char *t, size_t n,
		    size_t max, char *why, size_t whyn)
{
	size_t off = 0;
	char longname[4096];
	size_t longlen = 0;
	bool have_long = false;
	const unsigned char *found[BUNDLE_NMEMBERS] = {0};
	size_t found_len[BUNDLE_NMEMBERS] = {0};
	unsigned long member = 0;
	while (off + 512 <= n) {
		const unsigned char *h = t + off;
		bool zero = true;
		for (size_t i = 0; i < 512 && zero; i++)
			zero = h[i] == 0;
		if (zero)
			break;   /* end-of-archive blocks */
		member++;
		/* The header checksum: the sum of its bytes with the field as
		 * spaces; some old tars summed signed bytes, which POSIX readers
		 * such as GNU tar also accept. */
		uint64_t sum = 0, want;
		int64_t ssum = 0;
		for (size_t i = 0; i < 512; i++) {
			unsigned char b = (i >= 148 && i < 156) ? ' ' : h[i];
			sum += b;
			ssum += (signed char)b;
		}
		if (!tar_octal(h + 148, 8, &want) || (want != sum && (int64_t)want != ssum)) {
			bundle_fail(in, why, whyn,
				    "tar member %lu (byte %zu): the header checksum is wrong",
				    "tar の %lu 番目のメンバー（%zu バイト目）: ヘッダーのチェックサムが"
				    "合いません", member, off);
			return EL_EPARSE;
		}
		uint64_t size;
		if (!tar_octal(h + 124, 12, &size)) {
			bundle_fail(in, why, whyn,
				    "tar member %lu (byte %zu): the size field is not a number",
				    "tar の %lu 番目のメンバー（%zu バイト目）: サイズの欄が数値では"
				    "ありません", member, off);
			return EL_EPARSE;
		}
		off += 512;
		if (size > n - off) {
			bundle_fail(in, why, whyn,
				    "tar member %lu: %llu bytes announced, %zu left: the archive is truncated",
				    "tar の %lu 番目のメンバー: %llu バイトとあるのに残りは %zu バイトです。"
				    "アーカイブが途中で切れています",
				    member, (unsigned long long)size, n - off);
			return EL_EPARSE;
		}
		const unsigned char *body = t + off;
		size_t padded = (size_t)((size + 511) / 512 * 512);
		off = padded > n - off ? n : off + padded;
		char type = (char)h[156];
		if (type == 'L') {   /* GNU: the next member's long name */
			longlen = size < sizeof(longname) ? (size_t)size : sizeof(longname) - 1;
			memcpy(longname, body, longlen);
			longlen = field_len((const unsigned char *)longname, longlen);
			have_long = true;
			continue;
		}
		if (type == 'x' || type == 'g')   /* pax headers: names used here fit ustar */
			continue;
		char name[4096];
		size_t nl;
		if (have_long) {
			memcpy(name, longname, longlen);
			nl = longlen;
			have_long = false;
		} else {
			size_t pl = memcmp(h + 257, "ustar", 5) == 0 ? field_len(h + 345, 155) : 0;
			size_t bl = field_len(h, 100);
			nl = 0;
			if (pl) {
				memcpy(name, h + 345, pl);
				name[pl] = '/';
				nl = pl + 1;
			}
			memcpy(name + nl, h, bl);
			nl += bl;
		}
		if (type != '0' && type != '\0' && type != '7')
			continue;   /* directories, links, devices */
		int idx = member_index(name, nl);
		if (idx < 0 || (size_t)idx >= BUNDLE_NMEMBERS)
			continue;
		found[idx] = body;
		found_len[idx] = (size_t)size;
	}
	bool have_os = false;
	for (size_t i = 0; i < BUNDLE_NMEMBERS && bundle_members[i]; i++) {
		if (!found[i] || (is_os_release((int)i) && have_os))
			continue;
		char display[4200];
		snprintf(display, sizeof(display), "%s:%s", archive, bundle_members[i]);
		int rc = input_add_part(in, display, archive, (const char *)found[i], found_len[i], max);
		if (rc) {
			bundle_fail(in, why, whyn,
				    "the members read are larger than the limit of %zu bytes",
				    "読んだメンバーが上限の %zu バイトを超えています", max);
			return rc;
		}
		have_os |= is_os_release((int)i);
	}
	if (in->nparts == 0) {
		bundle_fail(in, why, whyn, "the archive holds none of the files edgelint reads "
					   "(etc/config/wireless, etc/config/firewall, etc/openwrt_release, "
					   "etc/os-release, etc/config/upnpd)",
			    "アーカイブに edgelint が読むファイル（etc/config/wireless、"
			    "etc/config/firewall、etc/openwrt_release、etc/os-release、"
			    "etc/config/upnpd）が一つもありません");
		return EL_EPARSE;
	}
	return 0;
}

int bundle_archive(struct input *in, const char *archive, const char *data, size_t len,
		   size_t max, char *why, size_t whyn)
{
	if (len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b) {
		char *tar = NULL;
		size_t tn = 0;
		char why_ja[512];
		int rc = gz_inflate_mem(data, len, BUNDLE_MAX_UNPACKED, &tar, &tn, why, why_ja,
					whyn < sizeof(why_ja) ? whyn : sizeof(why_ja));
		if (rc) {
			input_fail(in, "%s%.0s", "%.0s%s", why, why_ja);
			return rc;
		}
		rc = tar_walk(in, archive, (const unsigned char *)tar, tn, max, why, whyn);
		wipe_free(tar, tn);
		return rc;
	}
	return tar_walk(in, archive, (const unsigned char *)data, len, max, why, whyn);
}
