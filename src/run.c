/*
 * run.c — one input from bytes to a settled result: detect its kind from
 * the content, read it (within the kind's size limit), parse, run every
 * check, turn diagnostics into findings, apply the policy's exceptions,
 * settle the item statuses and sort the findings. main.c and the fuzz
 * harnesses share it, so both see the same pipeline. A pipe, FIFO or
 * device is opened once and read through one descriptor (its probe
 * included), never waiting more than FILE_SILENCE_MS for a byte.
 */
#define _GNU_SOURCE
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../parsers/parsers.h"
#include "bundle.h"
#include "checks/checks.h"
#include "gz.h"
#include "walk.h"

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
static int read_head(const char *path, char *buf, size_t max, size_t *n, struct why *w)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		why_errno(w, errno);
		return EL_EIO;
	}
	*n = fread(buf, 1, max - 1, f);
	int err = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	if (err) {
		why_errno(w, err);
		return EL_EIO;
	}
	buf[*n] = '\0';
	strip_bom(buf, n);
	return 0;
}

static void diags_to_findings(struct input *in, const struct run_ctx *ctx)
{
	bool packets = in->kind && in->kind->packets;
	input_unknown_end(in);   /* the "N more" note, if the parser did not add it */
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
static void run_archive_data(struct input *in, char *data, size_t len, const struct run_ctx *ctx);
static void run_gzip(struct input *in, const struct parser *p, char *head, size_t n, int fd,
		     int tmo, const struct run_ctx *ctx);
static int fd_head(int fd, char *buf, size_t max, int timeout_ms, size_t *n, struct why *w);

/* The input is read as the format p (NULL: none): in->kind is its
 * descriptor. */
static void kind_set(struct input *in, const struct parser *p)
{
	in->kind = p ? &p->kind : NULL;
}

/* The input's error when no probe recognises it (after gzip
 * decompression when gz): what edgelint expects, from the parser table. */
static void not_recognised(struct input *in, bool gz)
{
	struct strbuf en, ja;
	sb_init(&en, 4096);
	sb_init(&ja, 4096);
	if (parsers_expected(&en, &ja))
		input_fail(in, "out of memory", "メモリが足りません");
	else if (gz)
		input_fail(in, "not a recognised input: expected %s%.0s (--kind says which) (after "
			       "gzip decompression)",
			   "gzip を展開した内容を入力として認識できません: %.0s%sのいずれかを想定して"
			   "います（--kind で種類を指定できます）",
			   sb_str(&en), sb_str(&ja));
	else
		input_fail(in, "not a recognised input: expected %s%.0s (--kind says which)",
			   "入力として認識できません: %.0s%sのいずれかを想定しています（--kind で種類を"
			   "指定できます）",
			   sb_str(&en), sb_str(&ja));
	sb_free(&en);
	sb_free(&ja);
}

/* The input's error when a directory (dir) or an archive is given as a
 * format that does not read backups: which formats do (the table). */
static void not_backup(struct input *in, bool dir)
{
	struct strbuf en, ja;
	sb_init(&en, 1024);
	sb_init(&ja, 1024);
	if (parsers_backups(&en, &ja, !dir))
		input_fail(in, "out of memory", "メモリが足りません");
	else if (dir)
		input_fail(in, "is a directory; only an unpacked %s%.0s backup is read that way",
			   "ディレクトリです。ディレクトリとして読むのは展開した %.0s%s のバックアップ"
			   "だけです",
			   sb_str(&en), sb_str(&ja));
	else
		input_fail(in, "is an archive; only %s%.0s backup archive is read",
			   "アーカイブです。アーカイブで読めるのは %.0s%s のバックアップだけです",
			   sb_str(&en), sb_str(&ja));
	sb_free(&en);
	sb_free(&ja);
}

/* An input that could not be read, and why (in both languages). */
static void read_fail(struct input *in, const struct why *w)
{
	input_fail(in, "cannot read: %s%.0s", "読み込めません: %.0s%s", w->en, w->ja);
}

const struct parser *run_probe_fd(int fd, const struct parser *kind, int *role, bool *archive)
{
	struct why why = {{0}, {0}};
	*role = 0;
	*archive = false;
	char *head = malloc(PROBE_BYTES);
	size_t n = 0;
	if (!head || fd_head(fd, head, PROBE_BYTES - 1, FILE_SILENCE_MS, &n, &why)) {
		free(head);
		close(fd);
		return NULL;
	}
	/* A gzip'd file is detected from its decompressed head and read
	 * alone (role 0). */
	bool gz = gz_is(head, n);
	if (gz) {
		struct gz *g = gz_open(fd, head, n, FILE_SILENCE_MS, false);
		const char *dh;
		size_t dn = 0;
		if (!g || gz_peek(g, PROBE_BYTES - 1, &dh, &dn)) {
			gz_close(g);
			free(head);
			return NULL;
		}
		memcpy(head, dh, dn);
		n = dn;
		gz_close(g);
	} else {
		close(fd);
	}
	head[n] = '\0';
	strip_bom(head, &n);
	const struct parser *p = kind;
	if (n == 0) {
		p = NULL;
	} else if (bundle_is_archive(head, n) && (!p || p->backup)) {
		*archive = true;
		p = p ? p : parser_backup_default();
	} else if (!p) {
		p = parser_detect(head, n);
	}
	if (p && p->role && p->parse && !gz && !*archive)
		*role = p->role(head, n);
	free(head);
	return p;
}

const struct parser *run_probe(const char *path, const struct parser *kind, int *role)
{
	struct why why = {{0}, {0}};
	bool regular = false, archive;
	*role = 0;
	struct stat st;
	if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	int fd = file_open_read(path, &regular, &why);
	if (fd < 0)
		return NULL;
	const struct parser *p = run_probe_fd(fd, kind, role, &archive);
	return archive ? NULL : p;
}

void run_settle(struct input *in, const struct run_ctx *ctx, bool fatal)
{
	findings_settle_items(in);
	for (int it = 0; it < ITEM_COUNT; it++) {
		bool feeds = in->kind && (in->kind->feeds[it] || in->feeds_extra[it]);
		if (ctx->pol->method && !ctx->reg->items[it].methods[ctx->pol->method]) {
			in->items[it] = IST_NA;
			in->item_note[it] = "method";
		} else if (fatal) {
			bool unknown = feeds || !in->kind;
			in->items[it] = unknown ? IST_UNKNOWN : IST_NA;
			const struct parser *kp = parser_of(in->kind);
			in->item_note[it] = unknown ? (kp && !kp->parse ? "parser-not-built"
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

/* A pipe, FIFO or device (`<(zcat f.pcap.gz)`, a named FIFO), or
 * standard input, is read once: its probed head, then the rest of its
 * descriptor. For a streaming parser (pcap) this is the FILE it reads;
 * each read waits at most timeout_ms (FILE_SILENCE_MS; standard input:
 * -1, as long as it takes). */
struct fd_stream {
	int fd;
	int timeout_ms;
	char *head;
	size_t n, off;
};

static ssize_t fd_stream_read(void *cookie, char *buf, size_t size)
{
	struct fd_stream *s = cookie;
	if (s->off < s->n) {
		size_t k = s->n - s->off < size ? s->n - s->off : size;
		memcpy(buf, s->head + s->off, k);
		s->off += k;
		return (ssize_t)k;
	}
	struct why why = {{0}, {0}};
	return fd_read_wait(s->fd, buf, size, s->timeout_ms, &why);
}

static int fd_stream_close(void *cookie)
{
	struct fd_stream *s = cookie;
	close(s->fd);
	free(s->head);
	free(s);
	return 0;
}

/* The FILE over fd after its head (both taken over, also on failure). */
static FILE *fd_stream_open(int fd, char *head, size_t n, int timeout_ms)
{
	struct fd_stream *s = calloc(1, sizeof(*s));
	cookie_io_functions_t io = {.read = fd_stream_read, .close = fd_stream_close};
	FILE *f = s ? fopencookie(s, "rb", io) : NULL;
	if (!f) {
		free(s);
		free(head);
		close(fd);
		return NULL;
	}
	s->fd = fd;
	s->timeout_ms = timeout_ms;
	s->head = head;
	s->n = n;
	return f;
}

/* The first bytes of a pipe, FIFO or device, read from fd. */
static int fd_head(int fd, char *buf, size_t max, int timeout_ms, size_t *n, struct why *w)
{
	*n = 0;
	while (*n < max) {
		ssize_t got = fd_read_wait(fd, buf + *n, max - *n, timeout_ms, w);
		if (got < 0)
			return EL_EIO;
		if (got == 0)
			break;
		*n += (size_t)got;
	}
	return 0;
}

void run_input(struct input *in, const struct parser *kind, const struct run_ctx *ctx)
{
	char why[256];   /* an unpacked backup's reason (bundle_dir) */
	struct why w = {{0}, {0}};
	const struct parser *p = kind;
	in->kind_forced = kind != NULL;
	bool is_stdin = strcmp(in->path, "-") == 0;
	struct stat st;
	bool have_st = !is_stdin && stat(in->path, &st) == 0;
	char *head = NULL;
	size_t n = 0;
	int fd = -1;   /* a pipe, FIFO or device: read once, through fd */
	if (have_st && S_ISDIR(st.st_mode)) {
		/* An unpacked router backup: of the format whose files it holds
		 * (when none, the error names the files looked for). */
		if (!p)
			p = parser_backup_dir(AT_FDCWD, in->path);
		if (!p)
			p = parser_backup_default();
		kind_set(in, p);
		if (!p || !p->parse || !p->backup) {
			not_backup(in, true);
			goto out;
		}
		if (bundle_dir(in, in->path, p->backup, p->max_bytes, why, sizeof(why))) {
			input_fail(in, "%s", "%s", why);
			goto out;
		}
		run_parsed(in, ctx);
		return;
	}
	/* Standard input without --kind is detected from its content like a
	 * file: its head is read from the descriptor and given back to the
	 * parser. It waits as long as it takes (timeout -1). */
	int tmo = is_stdin ? -1 : FILE_SILENCE_MS;
	if (!is_stdin || !p) {
		head = malloc(PROBE_BYTES);
		if (!head) {
			input_fail(in, "out of memory", "メモリが足りません");
			goto out;
		}
		int rc;
		if (is_stdin || (have_st && !S_ISREG(st.st_mode))) {
			bool regular = false;
			fd = is_stdin ? dup(STDIN_FILENO) : file_open_read(in->path, &regular, &w);
			if (is_stdin && fd < 0)
				why_errno(&w, errno);
			rc = fd < 0 ? EL_EIO : fd_head(fd, head, PROBE_BYTES - 1, tmo, &n, &w);
			if (rc == 0) {
				head[n] = '\0';
				strip_bom(head, &n);
			}
		} else {
			rc = read_head(in->path, head, PROBE_BYTES, &n, &w);
		}
		if (rc) {
			read_fail(in, &w);
			goto out;
		}
		if (n == 0) {
			input_fail(in, "the file is empty", "ファイルが空です");
			goto out;
		}
		if (gz_is(head, n)) {
			run_gzip(in, p, head, n, fd, tmo, ctx);
			return;
		}
		if (bundle_is_archive(head, n) && (!p || p->backup)) {
			p = p ? p : parser_backup_default();
			if (fd < 0) {
				free(head);
				run_archive(in, p, ctx);
				return;
			}
			kind_set(in, p);
			char *data = NULL;
			size_t len = 0;
			if (!p || !p->parse) {
				not_backup(in, false);
				goto out;
			}
			if (fd_read_all(fd, head, n, BUNDLE_MAX_UNPACKED, tmo, &data, &len, &w)) {
				read_fail(in, &w);
				goto out;
			}
			close(fd);
			free(head);
			run_archive_data(in, data, len, ctx);
			return;
		}
		if (!p)
			p = parser_detect(head, n);
		if (!p) {
			not_recognised(in, false);
			goto out;
		}
	}
	kind_set(in, p);
	if (!p) {
		input_fail(in, "internal error: no input kind", "内部エラー: 入力の種類が決まっていません");
		goto out;
	}
	if (!p->parse) {
		input_fail(in, "recognised as %s%.0s; this build cannot read it yet",
			   "%.0s%s と認識しましたが、このビルドではまだ読めません", p->kind.label,
			   p->kind.label_ja);
		goto out;
	}
	if (p->streams) {
		/* The parser reads the file (or standard input) itself; a pipe
		 * through the stream that gives its probed head back first. */
		if (fd >= 0) {
			in->stream = fd_stream_open(fd, head, n, tmo);
			fd = -1;
			head = NULL;
			if (!in->stream) {
				input_fail(in, "out of memory", "メモリが足りません");
				goto out;
			}
		}
		free(head);
		run_parsed(in, ctx);
		return;
	}
	int rc = fd >= 0 ? fd_read_all(fd, head, n, p->max_bytes, tmo, &in->data, &in->len, &w)
			 : file_read_whole(in->path, p->max_bytes, &in->data, &in->len, &w);
	if (rc) {
		read_fail(in, &w);
		goto out;
	}
	if (in->data)
		strip_bom(in->data, &in->len);
	if (fd >= 0)
		close(fd);
	free(head);
	run_parsed(in, ctx);
	return;
out:
	if (fd >= 0)
		close(fd);
	free(head);
	run_finish(in, ctx, true);
}

/* A router backup archive held in data (len bytes, malloc'd; wiped and
 * freed here): the files edgelint reads are taken out of it. */
static void run_archive_data(struct input *in, char *data, size_t len, const struct run_ctx *ctx)
{
	char why[512];
	/* Its kind reads backups: an archive is given to no other. */
	const struct parser *p = parser_of(in->kind);
	int rc = EL_EINVAL;
	snprintf(why, sizeof(why), "internal error: the input's kind reads no backup");
	if (p && p->backup)
		rc = bundle_archive(in, input_display_path(in), data, len, p->backup, p->max_bytes,
				    why, sizeof(why));
	/* An uncompressed backup holds password hashes and keys in clear. */
	volatile char *v = data;
	for (size_t k = 0; k < len; k++)
		v[k] = 0;
	free(data);
	if (rc) {
		input_fail(in, "%s", "%s", why);
		run_finish(in, ctx, true);
		return;
	}
	run_parsed(in, ctx);
}

/* A router backup archive: the files edgelint reads are taken out of it. */
static void run_archive(struct input *in, const struct parser *p, const struct run_ctx *ctx)
{
	struct why w = {{0}, {0}};
	char *data = NULL;
	size_t len = 0;
	kind_set(in, p);
	if (!p || !p->parse) {
		not_backup(in, false);
		run_finish(in, ctx, true);
		return;
	}
	if (file_read_whole(in->path, BUNDLE_MAX_UNPACKED, &data, &len, &w)) {
		read_fail(in, &w);
		run_finish(in, ctx, true);
		return;
	}
	run_archive_data(in, data, len, ctx);
}

/* A gzip'd input (RFC 1952 magic, whatever its name): its decompressed
 * head is probed like a file's, then a capture is streamed through a FILE
 * that inflates as libpcap reads (gz.c), a config is inflated within its
 * kind's max_bytes and a backup .tar.gz is unpacked. fd is the pipe or
 * FIFO the raw head (n bytes) came from, or -1 for a regular file, which
 * is opened again from its start; head and fd are taken over. */
static void run_gzip(struct input *in, const struct parser *p, char *head, size_t n, int fd,
		     int tmo, const struct run_ctx *ctx)
{
	if (fd < 0) {
		struct why w = {{0}, {0}};
		bool regular;
		fd = file_open_read(in->path, &regular, &w);
		n = 0;
		if (fd < 0) {
			free(head);
			read_fail(in, &w);
			run_finish(in, ctx, true);
			return;
		}
	}
	/* The bomb guard is for the unbounded (streamed) kinds; the others
	 * stop at their max_bytes (set below, once the kind is known). */
	struct gz *g = gz_open(fd, head, n, tmo, true);
	free(head);
	const char *dh = NULL;
	size_t dn = 0;
	char *probe = NULL;
	if (!g) {
		input_fail(in, "out of memory", "メモリが足りません");
		goto fail;
	}
	if (gz_peek(g, PROBE_BYTES - 1, &dh, &dn)) {
		input_fail(in, "%s%.0s", "%.0s%s", gz_error(g), gz_error_ja(g));
		goto fail;
	}
	if (dn == 0) {
		input_fail(in, "the file is empty (after gzip decompression)", "gzip を展開すると空のファイルでした");
		goto fail;
	}
	probe = malloc(dn + 1);
	if (!probe) {
		input_fail(in, "out of memory", "メモリが足りません");
		goto fail;
	}
	memcpy(probe, dh, dn);
	probe[dn] = '\0';
	strip_bom(probe, &dn);
	if (bundle_is_archive(probe, dn) && (!p || p->backup)) {
		/* A backup .tar.gz: the tar, unpacked within the archive limit. */
		free(probe);
		p = p ? p : parser_backup_default();
		kind_set(in, p);
		if (!p || !p->parse) {
			not_backup(in, false);
			goto fail_noprobe;
		}
		char *data = NULL;
		size_t len = 0;
		gz_set_bomb_guard(g, false);
		int rc = gz_read_all(g, BUNDLE_MAX_UNPACKED, &data, &len);
		if (rc == EL_ETOOBIG)
			input_fail(in, "the archive unpacks to more than the limit of %u bytes",
				   "アーカイブを展開すると上限の %u バイトを超えます", BUNDLE_MAX_UNPACKED);
		else if (rc)
			input_fail(in, "%s%.0s", "%.0s%s", gz_error(g), gz_error_ja(g));
		gz_close(g);
		if (rc) {
			run_finish(in, ctx, true);
			return;
		}
		run_archive_data(in, data, len, ctx);
		return;
	}
	if (!p)
		p = parser_detect(probe, dn);
	free(probe);
	kind_set(in, p);
	if (!p) {
		not_recognised(in, true);
		goto fail_noprobe;
	}
	if (!p->parse) {
		input_fail(in, "recognised as %s%.0s; this build cannot read it yet",
			   "%.0s%s と認識しましたが、このビルドではまだ読めません", p->kind.label,
			   p->kind.label_ja);
		goto fail_noprobe;
	}
	gz_set_bomb_guard(g, p->streams);
	if (p->streams) {
		in->stream = gz_fopen(g, in);
		if (!in->stream) {
			input_fail(in, "out of memory", "メモリが足りません");
			run_finish(in, ctx, true);
			return;
		}
		run_parsed(in, ctx);
		return;
	}
	if (gz_read_all(g, p->max_bytes, &in->data, &in->len)) {
		input_fail(in, "%s%.0s", "%.0s%s", gz_error(g), gz_error_ja(g));
		goto fail_noprobe;
	}
	if (gz_trailing(g))
		input_diag(in, DIAG_NOTE, 0, 0, "bytes after the end of the gzip data were ignored",
			   "gzip のデータの終わりの後にあるバイトは無視しました");
	gz_close(g);
	strip_bom(in->data, &in->len);
	run_parsed(in, ctx);
	return;
fail:
	free(probe);
fail_noprobe:
	gz_close(g);
	run_finish(in, ctx, true);
}

void run_group(struct input *in, const char *const *paths, size_t n,
	       const struct parser *kind, const struct run_ctx *ctx)
{
	struct why w = {{0}, {0}};
	kind_set(in, kind);
	for (size_t i = 0; i < n; i++) {
		char *data = NULL;
		size_t len = 0;
		if (file_read_whole(paths[i], kind->max_bytes, &data, &len, &w)) {
			input_fail(in, "%s: cannot read: %s%.0s", "%s: 読み込めません: %.0s%s", paths[i],
				   w.en, w.ja);
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
				   "ファイルの合計が上限の %zu バイトを超えています", kind->max_bytes);
			run_finish(in, ctx, true);
			return;
		}
	}
	run_parsed(in, ctx);
}

void run_notes(struct input *in, const struct walk_input *e, const struct run_ctx *ctx)
{
	/* Each language prints its own text and skips the other's. */
	for (size_t i = 0; i < e->nnotes; i++)
		input_diag(in, DIAG_NOTE, 0, 0, "%s%.0s", "%.0s%s", e->notes[i].en, e->notes[i].ja);
	if (e->notes_dropped)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%zu more files were skipped (the first %d are listed)",
			   "ほかに %zu 個のファイルを飛ばしました（一覧は最初の %d 個だけです）",
			   e->notes_dropped, WALK_MAX_NOTES);
	if (e->error)
		input_fail(in, "%s%.0s", "%.0s%s", e->error, e->error_ja ? e->error_ja : e->error);
	diags_to_findings(in, ctx);
	run_finish(in, ctx, e->error != NULL);
}

/* An input read as a kind it is not: --kind names one format, and the
 * content is recognised as another (and not as the one named). */
static const struct parser *kind_contradicted(const struct input *in, const struct parser *p)
{
	if (!in->kind_forced || !in->data || !p->probe)
		return NULL;
	size_t n = in->len < PROBE_BYTES ? in->len : PROBE_BYTES;
	if (p->probe(in->data, n) > 0)
		return NULL;
	const struct parser *q = parser_detect(in->data, n);
	return q != p ? q : NULL;
}

/* Whether the parsed input can be judged as its kind: its content is
 * what --kind says. */
static bool input_kind_ok(struct input *in, const struct parser *p, const struct run_ctx *ctx)
{
	const struct parser *q = ctx->accept_partial ? NULL : kind_contradicted(in, p);
	if (q) {
		input_fail(in, "given as --kind %s, but the content is a %s%.0s; --accept-partial "
			       "judges it as %s anyway",
			   "--kind %s と指定されましたが、内容は %.0s%s です。--accept-partial を付けると"
			   "それでも %s として判定します",
			   in->kind->name, q->kind.label, q->kind.label_ja, in->kind->name);
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
	input_fail(in, "only %u of %u lines (%u%%) were understood as %s%.0s, under the %d%% needed "
		       "to trust a pass; --accept-partial judges it anyway",
		   "%u / %u 行（%u%%）しか %.0s%s として解釈できませんでした。合格と判定するには "
		   "%d%% 以上が必要です。--accept-partial を付けるとそれでも判定します",
		   in->lines_understood, in->lines_total,
		   (unsigned)((uint64_t)in->lines_understood * 100 / in->lines_total),
		   in->kind->label, in->kind->label_ja, COVERAGE_MIN_PERCENT);
	return true;
}

void run_live(struct input *in, const struct cap_live *live, const struct run_ctx *ctx)
{
	const struct parser *p = parser_live();
	kind_set(in, p);
	in->kind_forced = true;
	struct run_ctx lctx = *ctx;
	lctx.live = live;
	run_parsed(in, &lctx);
}

void run_parsed(struct input *in, const struct run_ctx *ctx)
{
	bool fatal = true;
	const struct parser *p = parser_of(in->kind);
	if (!p || !p->parse) {
		input_fail(in, "internal error: no input kind", "内部エラー: 入力の種類が決まっていません");
	} else if (in->len == 0 && !p->streams) {
		input_fail(in, "the input is empty", "入力が空です");
	} else if (p->parse(in, ctx) == 0 && input_kind_ok(in, p, ctx)) {
		fatal = false;
		if (!ctx->model_only)
			checks_run(in, ctx);
	}
	diags_to_findings(in, ctx);
	/* An error the parser or a check raised without stopping (a limit
	 * reached, memory that ran out) is sticky: what was found is reported,
	 * but no item passes and the run exits 2 (docs/json.md). */
	bool failed = !fatal && in->error;
	bool partial = !fatal && !failed && input_partly_understood(in, ctx);
	run_finish(in, ctx, fatal);
	for (int it = 0; (partial || failed) && it < ITEM_COUNT; it++)
		if (in->items[it] == IST_PASS) {
			in->items[it] = IST_UNKNOWN;
			in->item_note[it] = partial ? "partly-understood" : "input-error-partial";
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
