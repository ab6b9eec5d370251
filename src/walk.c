/*
 * walk.c — the command line's FILE arguments as the inputs they stand
 * for. An admin points edgelint at a folder of exported configs and
 * captures: each file there is detected by its content and read as its
 * own input, and no two routers' files are ever joined without saying
 * so (a joined input lists its files in the report, text " + " and JSON
 * "files"). An unpacked OpenWrt backup (an etc/config/... tree) stays one
 * input, read by bundle.c.
 *
 * The directory is untrusted (an unpacked archive from a customer):
 * nothing below it is opened except regular files, each through
 * bundle_open_beneath() (openat2 RESOLVE_BENEATH: a symbolic link that
 * leads out of the directory is refused, man7.org/linux/man-pages/man2/
 * openat2.2.html); a link to a directory is never followed, so a link
 * loop is never entered; a FIFO, socket or device is never opened, so
 * nothing blocks; WALK_MAX_FILES and WALK_MAX_DEPTH bound the work.
 * Whatever is skipped is said, as a note of a note input that follows
 * the directory's inputs: hidden names (a leading '.', as ls(1) and
 * shell globs skip them: .git, .DS_Store, editor swap files), files that
 * cannot be read (permission denied), files not recognised. A skipped
 * file is a note, not an error: a folder of configs usually also holds
 * a README or a screenshot. An explicit FILE argument that is not
 * recognised stays an input error, as before. Hitting a limit, a
 * directory that cannot be read at all, or a directory where nothing was
 * recognised is an input error (exit 2): something asked for was not
 * checked.
 */
#define _GNU_SOURCE   /* fdopendir, fstatat, openat */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../parsers/parsers.h"
#include "bundle.h"
#include "run.h"
#include "util.h"

static struct walk_input *plan_add(struct walk *plan)
{
	struct walk_input *ni = vec_grow(plan->inputs, &plan->capinputs, plan->ninputs,
				     sizeof(*plan->inputs));
	if (!ni)
		return NULL;
	plan->inputs = ni;
	struct walk_input *e = &plan->inputs[plan->ninputs++];
	memset(e, 0, sizeof(*e));
	return e;
}

/* Adds an input of the n paths (malloc'd array of malloc'd strings, taken
 * over, also on failure) at index at. */
static int plan_place(struct walk *plan, size_t at, char **paths, size_t n,
		      const struct parser *kind)
{
	struct walk_input *e = plan_add(plan);
	if (!e) {
		for (size_t i = 0; i < n; i++)
			free(paths[i]);
		free(paths);
		return EL_ENOMEM;
	}
	if (at < plan->ninputs - 1) {
		memmove(&plan->inputs[at + 1], &plan->inputs[at],
			(plan->ninputs - 1 - at) * sizeof(*e));
		e = &plan->inputs[at];
		memset(e, 0, sizeof(*e));
	}
	e->paths = paths;
	e->n = n;
	e->kind = kind;
	return 0;
}

/* Adds an input of the n paths (copied) at the end. */
static int plan_append(struct walk *plan, char *const *paths, size_t n,
		       const struct parser *kind)
{
	char **copy = calloc(n, sizeof(*copy));
	bool ok = copy != NULL;
	for (size_t i = 0; ok && i < n; i++)
		ok = (copy[i] = strdup(paths[i])) != NULL;
	if (!ok) {
		for (size_t i = 0; copy && i < n; i++)
			free(copy[i]);
		free(copy);
		return EL_ENOMEM;
	}
	return plan_place(plan, plan->ninputs, copy, n, kind);
}

/* A note of the note input e, in both languages (the same arguments,
 * checked by the walk_note() macro). Past WALK_MAX_NOTES it is counted. */
static int walk_note_l(struct walk_input *e, const char *en, const char *ja, ...)
	__attribute__((format(printf, 2, 4)));
#define walk_note(e, en, ja, ...) \
	((void)sizeof(printf(ja, ##__VA_ARGS__)), walk_note_l(e, en, ja, ##__VA_ARGS__))
static int walk_note_l(struct walk_input *e, const char *en, const char *ja, ...)
{
	if (e->nnotes >= WALK_MAX_NOTES) {
		e->notes_dropped++;
		return 0;
	}
	struct walk_note *nn = vec_grow(e->notes, &e->capnotes, e->nnotes, sizeof(*e->notes));
	if (!nn)
		return EL_ENOMEM;
	e->notes = nn;
	va_list ap, ap2;
	va_start(ap, ja);
	va_copy(ap2, ap);
	char *m = NULL, *mj = NULL;
	int a = vasprintf(&m, en, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	int b = vasprintf(&mj, ja, ap2);
#pragma GCC diagnostic pop
	va_end(ap2);
	va_end(ap);
	if (a < 0 || b < 0) {
		if (a >= 0)
			free(m);
		if (b >= 0)
			free(mj);
		return EL_ENOMEM;
	}
	e->notes[e->nnotes].en = m;
	e->notes[e->nnotes].ja = mj;
	e->nnotes++;
	return 0;
}

/* The walk of one directory argument. */
struct walker {
	struct walk *plan;
	struct walk_input notes;   /* moved to the plan at the end */
	int rootfd;
	const char *root;          /* the argument, without trailing slashes */
	size_t rootlen;
	const struct parser *kind;
	size_t files;
	bool stop;
	int rc;
};

/* The input error of the note input, in English and Japanese (the first
 * one is kept). Use walk_error(), which has the compiler check both
 * formats against the arguments. */
static void walk_error_l(struct walker *k, const char *en, const char *ja, ...)
	__attribute__((format(printf, 2, 4)));
static void walk_error_l(struct walker *k, const char *en, const char *ja, ...)
{
	if (k->notes.error)
		return;
	va_list ap, ap2;
	va_start(ap, ja);
	va_copy(ap2, ap);
	if (vasprintf(&k->notes.error, en, ap) < 0)
		k->notes.error = NULL;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	if (vasprintf(&k->notes.error_ja, ja, ap2) < 0)
		k->notes.error_ja = NULL;
#pragma GCC diagnostic pop
	if (!k->notes.error) {   /* tried again by the next error */
		free(k->notes.error_ja);
		k->notes.error_ja = NULL;
	}
	va_end(ap2);
	va_end(ap);
}
#define walk_error(k, en, ja, ...)                                             \
	((void)sizeof(printf(ja, ##__VA_ARGS__)), walk_error_l(k, en, ja, ##__VA_ARGS__))

/* A file or directory skipped because it cannot be read (system error
 * err), said in both languages. */
static void walk_note_unreadable(struct walk_input *e, const char *disp, int err)
{
	struct why w = {{0}, {0}};
	why_errno(&w, err);
	walk_note(e, "%s: cannot be read (%s%.0s); skipped", "%s: 読めないため飛ばしました（%.0s%s）",
		  disp, w.en, w.ja);
}

/* A file of a kind read together, waiting for the rest of its directory. */
struct walk_role {
	char *path;
	const struct parser *kind;
	int role;
};

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in the directory dfd (taken over), sorted; NULL when it
 * cannot be read (errno). */
static char **read_names(int dfd, size_t *n)
{
	*n = 0;
	DIR *d = fdopendir(dfd);
	if (!d) {
		int e = errno;
		close(dfd);
		errno = e;
		return NULL;
	}
	size_t cap = 0;
	char **names = vec_grow(NULL, &cap, 0, sizeof(char *));
	struct dirent *de;
	bool nomem = names == NULL;
	while (!nomem && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		char **nn = vec_grow(names, &cap, *n, sizeof(*names));
		if (nn)
			names = nn;
		char *name = nn ? strdup(de->d_name) : NULL;
		nomem = name == NULL;
		if (name)
			names[(*n)++] = name;
	}
	closedir(d);
	if (nomem) {
		for (size_t i = 0; i < *n; i++)
			free(names[i]);
		free(names);
		*n = 0;
		errno = ENOMEM;
		return NULL;
	}
	qsort(names, *n, sizeof(*names), name_cmp);
	return names;
}

/* The files of a kind read together found in one directory: one input
 * at index at when each has its own role, else one input each. */
static void settle_roles(struct walker *k, const char *dirdisp, struct walk_role *roles,
			 size_t n, size_t at)
{
	bool unique = true;
	for (size_t i = 0; i < n && unique; i++)
		for (size_t j = i + 1; j < n && unique; j++)
			if (roles[i].kind != roles[j].kind || roles[i].role == roles[j].role) {
				unique = false;
				if (roles[i].kind == roles[j].kind)
					walk_note(&k->notes,
						  "%s: %s and %s are the same part of a router's %s%.0s, so "
						  "they come from more than one router: each file of the "
						  "directory is read as its own input",
						  "%s: %s と %s は、どちらも%.0s%sの同じ部分で、複数のルータの"
						  "ものです。このディレクトリのファイルは 1 つずつ別の入力として読みます",
						  dirdisp, roles[i].path, roles[j].path, roles[i].kind->kind.label,
						  roles[i].kind->kind.label_ja);
				else
					walk_note(&k->notes,
						  "%s: files of more than one kind to join (%s, %s): each is "
						  "read as its own input",
						  "%s: 複数の種類のファイル（%s、%s）があるため、1 つずつ別の入力"
						  "として読みます",
						  dirdisp, roles[i].path, roles[j].path);
			}
	size_t groups = unique ? 1 : n;
	for (size_t g = 0; g < groups; g++) {
		size_t m = unique ? n : 1;
		char **paths = malloc(m * sizeof(*paths));
		if (!paths) {
			k->rc = EL_ENOMEM;
			return;
		}
		for (size_t i = 0; i < m; i++) {
			paths[i] = roles[g + i].path;   /* taken over */
			roles[g + i].path = NULL;
		}
		if (plan_place(k->plan, at + g, paths, m, m > 1 ? roles[g].kind : NULL))
			k->rc = EL_ENOMEM;
	}
}

static void walk_level(struct walker *k, const char *rel, int depth);

/* One entry name of the directory dfd (rel below the root). */
static void walk_entry(struct walker *k, int dfd, const char *rel, const char *name,
		       struct walk_role **roles, size_t *nroles, size_t *group_at, int depth)
{
	char relp[4096], disp[8192];
	int rn = rel[0] ? snprintf(relp, sizeof(relp), "%s/%s", rel, name)
			: snprintf(relp, sizeof(relp), "%s", name);
	snprintf(disp, sizeof(disp), "%.*s/%s", (int)k->rootlen, k->root, relp);
	if (rn < 0 || (size_t)rn >= sizeof(relp)) {
		walk_note(&k->notes, "%s: the path is too long; skipped",
			  "%s: パスが長すぎるため飛ばしました", disp);
		return;
	}
	if (name[0] == '.') {
		walk_note(&k->notes, "%s: a hidden file or directory; skipped",
			  "%s: 隠しファイルまたは隠しディレクトリのため飛ばしました", disp);
		return;
	}
	struct stat st;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		walk_note_unreadable(&k->notes, disp, errno);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		const struct parser *bk = parser_backup_dir(dfd, name);
		if (bk && k->kind && k->kind != bk) {
			walk_note(&k->notes, "%s: detected as %s%.0s, not as %s%.0s (--kind); skipped",
				  "%s: %.0s%sで、%.0s%sではない（--kind）ため飛ばしました", disp,
				  bk->kind.label, bk->kind.label_ja, k->kind->kind.label,
				  k->kind->kind.label_ja);
		} else if (bk) {
			char *p = disp;
			if (plan_append(k->plan, &p, 1, NULL))
				k->rc = EL_ENOMEM;
		} else if (depth + 1 > WALK_MAX_DEPTH) {
			walk_error(k, "%s: deeper than %d directory levels; what is below was not read",
				   "%s: ディレクトリの階層が %d 段より深いため、その下は読んでいません",
				   disp, WALK_MAX_DEPTH);
		} else {
			walk_level(k, relp, depth + 1);
		}
		return;
	}
	if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
		walk_note(&k->notes, "%s: not a regular file (a FIFO, socket or device); skipped "
				     "without opening it",
			  "%s: 通常のファイルではない（FIFO、ソケット、デバイス）ため、開かずに飛ばしました",
			  disp);
		return;
	}
	int fd = bundle_open_beneath(k->rootfd, relp);
	if (fd < 0) {
		if (S_ISLNK(st.st_mode) && (errno == EXDEV || errno == ELOOP))
			walk_note(&k->notes, "%s: a symbolic link that leads out of %.*s (or cannot be "
					     "followed safely); not followed",
				  "%s: %.*s の外を指す（または安全にたどれない）シンボリックリンクのため、"
				  "たどりませんでした",
				  disp, (int)k->rootlen, k->root);
		else
			walk_note_unreadable(&k->notes, disp, errno);
		return;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		bool dir = S_ISDIR(st.st_mode);
		close(fd);
		if (dir)
			walk_note(&k->notes, "%s: a symbolic link to a directory; not followed",
				  "%s: ディレクトリへのシンボリックリンクのため、たどりませんでした", disp);
		else
			walk_note(&k->notes, "%s: not a regular file (a FIFO, socket or device); "
					     "skipped without reading it",
				  "%s: 通常のファイルではない（FIFO、ソケット、デバイス）ため、読まずに飛ばしました",
				  disp);
		return;
	}
	if (++k->files > WALK_MAX_FILES) {
		close(fd);
		k->stop = true;
		walk_error(k, "holds more than %d files; only the first %d (in name order) were "
			      "examined",
			   "ファイルが %d 個を超えています。調べたのは名前順で最初の %d 個だけです",
			   WALK_MAX_FILES, WALK_MAX_FILES);
		return;
	}
	int role;
	bool archive;
	/* Detected even with --kind: in a directory, --kind picks the files
	 * of that kind (a README beside the captures is not read as one). */
	const struct parser *p = run_probe_fd(fd, NULL, &role, &archive);
	if (p && k->kind && p != k->kind) {
		walk_note(&k->notes, "%s: detected as %s%.0s, not as %s%.0s (--kind); skipped",
			  "%s: %.0s%sで、%.0s%sではない（--kind）ため飛ばしました", disp, p->kind.label,
			  p->kind.label_ja, k->kind->kind.label, k->kind->kind.label_ja);
		return;
	}
	if (!p) {
		walk_note(&k->notes, "%s: not an input edgelint reads (a router config, facts "
				     "file or capture); skipped",
			  "%s: edgelint が読む形式（ルータの設定、情報ファイル、キャプチャ）ではないため"
			  "飛ばしました", disp);
		return;
	}
	if (role <= 0) {
		char *pp = disp;
		if (plan_append(k->plan, &pp, 1, NULL))
			k->rc = EL_ENOMEM;
		return;
	}
	struct walk_role *nr = realloc(*roles, (*nroles + 1) * sizeof(**roles));
	char *copy = nr ? strdup(disp) : NULL;
	if (!copy) {
		if (nr)
			*roles = nr;
		k->rc = EL_ENOMEM;
		return;
	}
	*roles = nr;
	if (*nroles == 0)
		*group_at = k->plan->ninputs;
	nr[(*nroles)++] = (struct walk_role){.path = copy, .kind = p, .role = role};
}

/* The directory rel ("" for the root) and everything below it. */
static void walk_level(struct walker *k, const char *rel, int depth)
{
	char disp[8192];
	snprintf(disp, sizeof(disp), "%.*s%s%s", (int)k->rootlen, k->root, rel[0] ? "/" : "", rel);
	int dfd = rel[0] ? bundle_open_beneath(k->rootfd, rel) : dup(k->rootfd);
	struct stat st;
	if (dfd >= 0 && (fstat(dfd, &st) != 0 || !S_ISDIR(st.st_mode))) {
		close(dfd);
		dfd = -1;
		errno = ENOTDIR;
	}
	/* The listing takes dfd; the entries are looked at through lfd. */
	int lfd = dfd >= 0 ? dup(dfd) : -1;
	size_t n = 0;
	char **names = lfd >= 0 ? read_names(dfd, &n) : NULL;
	if (!names) {
		walk_note_unreadable(&k->notes, disp, errno);
		if (lfd >= 0)
			close(lfd);
		else if (dfd >= 0)
			close(dfd);
		return;
	}
	struct walk_role *roles = NULL;
	size_t nroles = 0, group_at = 0;
	for (size_t i = 0; i < n && !k->stop && !k->rc; i++)
		walk_entry(k, lfd, rel, names[i], &roles, &nroles, &group_at, depth);
	close(lfd);
	if (nroles)
		settle_roles(k, disp, roles, nroles, group_at);
	for (size_t i = 0; i < nroles; i++)
		free(roles[i].path);
	free(roles);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* A directory argument that is not an unpacked backup. */
static int walk_dir(struct walk *plan, const char *dir, const struct parser *kind)
{
	struct walker k = {.plan = plan, .root = dir, .kind = kind};
	k.rootlen = strlen(dir);
	while (k.rootlen > 1 && dir[k.rootlen - 1] == '/')
		k.rootlen--;   /* "configs/" names its files "configs/…" */
	size_t first = plan->ninputs;
	k.rootfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (k.rootfd < 0) {
		struct why e = {{0}, {0}};
		why_errno(&e, errno);
		walk_error(&k, "cannot read the directory: %s%.0s", "ディレクトリを読み込めません: %.0s%s",
			   e.en, e.ja);
	} else {
		walk_level(&k, "", 0);
		close(k.rootfd);
	}
	if (plan->ninputs == first)
		walk_error(&k, "no file in the directory is an input edgelint reads%s%.0s",
			   "ディレクトリに edgelint が読める入力ファイルがありません%.0s%s",
			   k.notes.nnotes ? " (the notes say what was skipped)" : "",
			   k.notes.nnotes ? "（飛ばしたものは注記にあります）" : "");
	if (k.notes.nnotes || k.notes.error) {
		char *d = strndup(dir, k.rootlen);
		char **paths = d ? malloc(sizeof(*paths)) : NULL;
		struct walk_input *e = paths ? plan_add(plan) : NULL;
		if (!e) {
			free(d);
			free(paths);
			free(k.notes.error);
			free(k.notes.error_ja);
			for (size_t i = 0; i < k.notes.nnotes; i++) {
				free(k.notes.notes[i].en);
				free(k.notes.notes[i].ja);
			}
			free(k.notes.notes);
			return EL_ENOMEM;
		}
		*e = k.notes;
		paths[0] = d;
		e->paths = paths;
		e->n = 1;
		e->is_notes = true;
	}
	return k.rc;
}

int walk_args(char *const *args, size_t n, const struct parser *kind, struct walk *plan)
{
	memset(plan, 0, sizeof(*plan));
	int rc = 0;
	for (size_t i = 0; i < n && !rc;) {
		struct stat st;
		if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode) &&
		    !parser_backup_dir(AT_FDCWD, args[i])) {
			rc = walk_dir(plan, args[i], kind);
			i++;
			continue;
		}
		/* Files of one router given one after another (OpenWrt's
		 * wireless, firewall, openwrt_release…) are one input: the group
		 * ends at a file of another kind or a second file of a role
		 * already seen. */
		int role = 0;
		const struct parser *p = strcmp(args[i], "-") == 0 ? NULL : run_probe(args[i], kind, &role);
		size_t j = i + 1;
		if (role > 0) {
			unsigned seen = 1u << (role & 31);
			for (; j < n; j++) {
				int r2;
				const struct parser *p2 = run_probe(args[j], kind, &r2);
				if (p2 != p || r2 <= 0 || (seen & (1u << (r2 & 31))))
					break;
				seen |= 1u << (r2 & 31);
			}
		}
		rc = plan_append(plan, args + i, j - i, j - i > 1 ? p : NULL);
		i = j;
	}
	return rc;
}

void walk_free(struct walk *plan)
{
	for (size_t i = 0; i < plan->ninputs; i++) {
		struct walk_input *e = &plan->inputs[i];
		for (size_t j = 0; j < e->n; j++)
			free(e->paths[j]);
		free(e->paths);
		for (size_t j = 0; j < e->nnotes; j++) {
			free(e->notes[j].en);
			free(e->notes[j].ja);
		}
		free(e->notes);
		free(e->error);
		free(e->error_ja);
	}
	free(plan->inputs);
	memset(plan, 0, sizeof(*plan));
}
