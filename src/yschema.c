/*
 * yschema.c — every problem of a YAML data file, with file:line (see
 * yschema.h).
 */
#include "yschema.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room kept for the closing "… and N more problems" line. */
#define YDIAG_TAIL 48

void ydiag_init(struct ydiag *d, char *buf, size_t n)
{
	memset(d, 0, sizeof(*d));
	d->buf = buf;
	d->n = n;
	if (n)
		buf[0] = '\0';
}

void ydiag_add(struct ydiag *d, const char *msg)
{
	size_t ml = strlen(msg);
	d->count++;
	if (!d->n)
		return;
	if (d->len == 0 && d->count == 1) {
		snprintf(d->buf, d->n, "%s", msg);
		d->len = strlen(d->buf);
		return;
	}
	if (d->len + 1 + ml + YDIAG_TAIL >= d->n) {
		d->dropped++;
		return;
	}
	d->buf[d->len++] = '\n';
	memcpy(d->buf + d->len, msg, ml + 1);
	d->len += ml;
}

void ydiag_finish(struct ydiag *d)
{
	if (!d->dropped || !d->n)
		return;
	int k = snprintf(d->buf + d->len, d->n - d->len, "\n… and %u more problems",
			 d->dropped);
	if (k > 0)
		d->len += (size_t)k < d->n - d->len ? (size_t)k : d->n - d->len - 1;
}

static void yf_verr(struct yfile *f, const struct ynode *at, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
static void yf_verr(struct yfile *f, const struct ynode *at, const char *fmt, va_list ap)
{
	char msg[400], line[4608];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (at || f->line_one)
		snprintf(line, sizeof(line), "%s:%u: %s", f->file, at ? at->line : 1, msg);
	else
		snprintf(line, sizeof(line), "%s: %s", f->file, msg);
	f->errors++;
	ydiag_add(f->d, line);
}

int yf_err(struct yfile *f, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	yf_verr(f, at, fmt, ap);
	va_end(ap);
	return EL_EPARSE;
}

/* A problem of the file as a whole ("file: reason"). */
static void yf_file_err(struct yfile *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void yf_file_err(struct yfile *f, const char *fmt, ...)
{
	bool one = f->line_one;
	va_list ap;
	f->line_one = false;
	va_start(ap, fmt);
	yf_verr(f, NULL, fmt, ap);
	va_end(ap);
	f->line_one = one;
}

int yf_open(struct yfile *f, const char *path, size_t max, const char *cannot)
{
	return yf_open_l(f, path, max, cannot, cannot);
}

int yf_open_l(struct yfile *f, const char *path, size_t max, const char *cannot,
	      const char *cannot_ja)
{
	f->file = path;
	f->root = NULL;
	char *buf = NULL;
	size_t n = 0;
	struct why w;
	if (file_read_whole(path, max, &buf, &n, &w) != 0) {
		yf_file_err(f, "%s: %s", f->ja ? cannot_ja : cannot, f->ja ? w.ja : w.en);
		return EL_EIO;
	}
	char perr[300], perr_ja[400];
	int rc = ytree_parse_ja(f->a, buf, n, &f->root, perr, perr_ja,
				sizeof(perr) < sizeof(perr_ja) ? sizeof(perr) : sizeof(perr_ja));
	free(buf);
	if (rc) {
		/* A YAML syntax error: the parser cannot resume, so this is the
		 * file's only problem; its text carries line and column. */
		yf_file_err(f, "%s", f->ja ? perr_ja : perr);
		f->root = NULL;
		return rc;
	}
	return 0;
}

int yf_keys(struct yfile *f, const struct ynode *m, const char *const *allowed,
	    const char *what, bool list_expected)
{
	int rc = 0;
	for (size_t i = 0; i < m->n; i++) {
		bool ok = false;
		for (size_t j = 0; allowed[j] && !ok; j++)
			ok = strcmp(m->keys[i]->str, allowed[j]) == 0;
		if (ok)
			continue;
		char list[512] = "";   /* the policy's 13 keys take 277 bytes */
		for (size_t j = 0; list_expected && allowed[j]; j++) {
			strncat(list, j ? (f->ja ? "、" : ", ")
				      : (f->ja ? "（使えるキー: " : " (expected one of: "),
				sizeof(list) - strlen(list) - 1);
			strncat(list, allowed[j], sizeof(list) - strlen(list) - 1);
		}
		if (list_expected)
			strncat(list, f->ja ? "）" : ")", sizeof(list) - strlen(list) - 1);
		rc = yf_err_l(f, m->keys[i], "%s: unknown key '%s'%s", "%s: 知らないキー「%s」です%s",
			      what, m->keys[i]->str, list);
	}
	return rc;
}
