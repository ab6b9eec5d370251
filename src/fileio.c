/*
 * fileio.c — the file helpers of util.h: why an operation failed in both
 * languages, opening and reading files, FIFOs and standard input within a
 * size and a silence limit, and writing a report atomically (see util.h
 * for the contracts). Moved out of util.c as it is.
 */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700   /* realpath */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- files ---------------------------------------------------------------- */

void why_set_l(struct why *w, const char *en, const char *ja, ...)
{
	va_list ap, ap2;
	va_start(ap, ja);
	va_copy(ap2, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(w->en, sizeof(w->en), en, ap);
	vsnprintf(w->ja, sizeof(w->ja), ja, ap2);
#pragma GCC diagnostic pop
	va_end(ap2);
	va_end(ap);
}

const char *errno_ja(int err)
{
	/* The meanings of the errors open(2), read(2), poll(2), write(2),
	 * rename(2) and mkstemp(3) document (Linux man-pages), as glibc's
	 * Japanese message catalogue words them where it has them. */
	switch (err) {
	case EPERM: return "操作は許可されていません";
	case ENOENT: return "そのようなファイルやディレクトリはありません";
	case EIO: return "入出力エラーです";
	case ENXIO: return "そのようなデバイスやアドレスはありません";
	case EBADF: return "ファイル記述子が不正です";
	case EAGAIN: return "リソースが一時的に利用できません";
	case ENOMEM: return "メモリが足りません";
	case EACCES: return "許可がありません";
	case EFAULT: return "アドレスが不正です";
	case EBUSY: return "デバイスまたはリソースが使用中です";
	case EEXIST: return "ファイルが存在します";
	case EXDEV: return "別のファイルシステムをまたぐリンクです";
	case ENODEV: return "そのようなデバイスはありません";
	case ENOTDIR: return "ディレクトリではありません";
	case EISDIR: return "ディレクトリです";
	case EINVAL: return "引数が不正です";
	case ENFILE: return "システム全体で開いているファイルが多すぎます";
	case EMFILE: return "開いているファイルが多すぎます";
	case ETXTBSY: return "テキストファイルが使用中です";
	case EFBIG: return "ファイルが大きすぎます";
	case ENOSPC: return "デバイスに空き領域がありません";
	case ESPIPE: return "シークできません";
	case EROFS: return "読み込み専用のファイルシステムです";
	case EPIPE: return "パイプが切断されました";
	case ENAMETOOLONG: return "ファイル名が長すぎます";
	case ELOOP: return "シンボリックリンクの階層が多すぎます";
	case EOVERFLOW: return "値がデータ型に対して大きすぎます";
	case ETIMEDOUT: return "接続がタイムアウトしました";
	case EDQUOT: return "ディスク使用量の制限を超えました";
	case ESTALE: return "古いファイルハンドルです";
	default: return NULL;
	}
}

void why_errno(struct why *w, int err)
{
	const char *ja = errno_ja(err);
	snprintf(w->en, sizeof(w->en), "%s", strerror(err));
	if (ja)
		snprintf(w->ja, sizeof(w->ja), "%s", ja);
	else
		snprintf(w->ja, sizeof(w->ja), "システムエラー（番号 %d）", err);
}

int file_open_read(const char *path, bool *regular, struct why *w)
{
	/* O_NONBLOCK: opening a FIFO no one writes to returns at once. */
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		why_errno(w, errno);
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		why_errno(w, errno);
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		why_errno(w, EISDIR);
		close(fd);
		return -1;
	}
	*regular = S_ISREG(st.st_mode);
	if (*regular) {
		int fl = fcntl(fd, F_GETFL);
		if (fl >= 0)
			fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	}
	return fd;
}

ssize_t fd_read_wait(int fd, void *buf, size_t n, int timeout_ms, struct why *w)
{
	for (;;) {
		/* Wait for bytes first, but not forever: a FIFO whose writer
		 * has not come reads as the end at once (0) yet polls as
		 * nothing (Linux reports no POLLHUP before a first writer,
		 * pipe_poll in fs/pipe.c), so the wait tells the two apart. */
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		int rc = poll(&pfd, 1, timeout_ms);
		if (rc == 0) {
			why_set(w, "nothing came for %d seconds (a pipe or FIFO no one writes to?)",
				"%d 秒待っても何も届きませんでした（書き込む側のいないパイプか FIFO ですか？）",
				timeout_ms / 1000);
			errno = ETIMEDOUT;
			return -1;
		}
		if (rc < 0) {
			if (errno == EINTR)
				continue;
			why_errno(w, errno);
			return -1;
		}
		ssize_t got = read(fd, buf, n);
		if (got >= 0)
			return got;
		if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
			why_errno(w, errno);
			return -1;
		}
	}
}

/* The reason of an input over its kind's limit of max bytes. */
static void why_too_big(struct why *w, size_t max)
{
	why_set(w, "larger than the limit of %zu bytes for this kind of input",
		"この種類の入力の上限 %zu バイトを超えています", max);
}

static void why_nomem(struct why *w)
{
	why_set(w, "out of memory", "メモリが足りません");
}

int fd_read_all(int fd, const char *head, size_t nhead, size_t max, int timeout_ms,
		char **out, size_t *outn, struct why *w)
{
	size_t cap = nhead + 4096, n = 0;
	if (cap > max + 2)
		cap = max + 2;
	if (nhead > max) {
		why_too_big(w, max);
		return EL_ETOOBIG;
	}
	char *buf = malloc(cap);
	if (!buf) {
		why_nomem(w);
		return EL_ENOMEM;
	}
	if (nhead)
		memcpy(buf, head, nhead);
	n = nhead;
	int rc = 0;
	for (;;) {
		if (n + 1 >= cap) {
			size_t ncap = cap * 2;
			if (ncap > max + 2)
				ncap = max + 2;
			char *nb = realloc(buf, ncap);
			if (!nb) {
				rc = EL_ENOMEM;
				why_nomem(w);
				break;
			}
			buf = nb;
			cap = ncap;
		}
		ssize_t got = fd_read_wait(fd, buf + n, cap - 1 - n, timeout_ms, w);
		if (got < 0) {
			rc = EL_EIO;
			break;
		}
		n += (size_t)got;
		if (n > max) {
			rc = EL_ETOOBIG;
			why_too_big(w, max);
			break;
		}
		if (got == 0)
			break;
	}
	if (rc) {
		volatile char *v = buf;
		for (size_t k = 0; k < n; k++)
			v[k] = 0;
		free(buf);
		return rc;
	}
	buf[n] = '\0';
	*out = buf;
	*outn = n;
	return 0;
}

int file_read_whole(const char *path, size_t max, char **out, size_t *outn, struct why *w)
{
	if (strcmp(path, "-") == 0)
		return fd_read_all(STDIN_FILENO, NULL, 0, max, -1, out, outn, w);
	bool regular;
	int fd = file_open_read(path, &regular, w);
	if (fd < 0)
		return EL_EIO;
	int rc = fd_read_all(fd, NULL, 0, max, FILE_SILENCE_MS, out, outn, w);
	close(fd);
	return rc;
}

int file_read_all(const char *path, size_t max, char **out, size_t *outn,
		  char *why, size_t whyn)
{
	struct why w = {{0}, {0}};
	int rc = file_read_whole(path, max, out, outn, &w);
	if (rc)
		snprintf(why, whyn, "%s", w.en);
	return rc;
}

/* Writes all of data to fd: 0, or -1 with errno set. */
static int write_full(int fd, const char *data, size_t n)
{
	size_t off = 0;
	while (off < n) {
		ssize_t w = write(fd, data + off, n - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

/* A device, FIFO or socket named by -o (/dev/stdout, /dev/null, a pipe,
 * or a symbolic link to one) is written in place, never replaced by a
 * file: renaming over it would change the system (as root, /dev/null). */
static int write_in_place(const char *path, const char *data, size_t n, struct why *w)
{
	/* O_NONBLOCK: a FIFO nobody reads fails (ENXIO) instead of waiting. */
	int fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENXIO)
			why_set(w, "nothing reads this FIFO", "この FIFO を読む側がいません");
		else
			why_errno(w, errno);
		return EL_EIO;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 || write_full(fd, data, n) != 0) {
		why_errno(w, errno);
		close(fd);
		return EL_EIO;
	}
	if (close(fd) != 0) {
		why_errno(w, errno);
		return EL_EIO;
	}
	return 0;
}

int file_write_atomic(const char *path, const char *data, size_t n, struct why *w)
{
	if (strcmp(path, "-") == 0) {
		if (fwrite(data, 1, n, stdout) != n || fflush(stdout) != 0) {
			why_errno(w, errno);
			return EL_EIO;
		}
		return 0;
	}
	/* What path is now, through any symbolic link: a device or FIFO is
	 * written in place; a regular file is replaced (temporary file beside
	 * the link's target, so the link stays) keeping its permission bits;
	 * a new file gets 0666 less the umask, as any tool's output. */
	struct stat st;
	mode_t mode;
	char *real = NULL;
	if (stat(path, &st) == 0) {
		if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
		    S_ISBLK(st.st_mode))
			return write_in_place(path, data, n, w);
		if (S_ISDIR(st.st_mode)) {
			why_errno(w, EISDIR);
			return EL_EIO;
		}
		mode = st.st_mode & 07777;
		real = realpath(path, NULL);
		if (!real) {
			why_errno(w, errno);
			return EL_EIO;
		}
		path = real;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	size_t pn = strlen(path);
	char *tmp = malloc(pn + 16);
	if (!tmp) {
		why_nomem(w);
		free(real);
		return EL_ENOMEM;
	}
	snprintf(tmp, pn + 16, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		why_errno(w, errno);
		free(tmp);
		free(real);
		return EL_EIO;
	}
	if (write_full(fd, data, n) != 0 || fchmod(fd, mode) != 0 || fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	free(real);
	return 0;
fail:
	why_errno(w, errno);
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	free(real);
	return EL_EIO;
}

