/*
 * model.c — names of the model's enums and the input bookkeeping helpers
 * (diagnostics, lines not understood, secrets, item statuses). See model.h.
 */
#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "finding.h"

static const char *const item_names[ITEM_COUNT] = {"3-2", "5-3", "5-4", "6-1", "6-2"};

const char *item_name(int item)
{
	if (item < 0 || item >= ITEM_COUNT)
		return NULL;
	return item_names[item];
}

int item_from_name(const char *s)
{
	for (int i = 0; i < ITEM_COUNT; i++)
		if (strcmp(s, item_names[i]) == 0)
			return i;
	return ITEM_NONE;
}

const char *cred_outcome_name(uint8_t o)
{
	return o == 1 ? "succeeded" : o == 2 ? "failed" : "unknown";
}

const char *item_status_name(enum item_status st)
{
	static const char *const names[IST_COUNT] = {
		"not-applicable", "pass", "unknown", "warn", "fail"};
	return (unsigned)st < IST_COUNT ? names[st] : "unknown";
}

const char *wifi_sec_name(enum wifi_sec s)
{
	switch (s) {
	case WSEC_UNSET: return "unset";
	case WSEC_UNKNOWN: return "unknown";
	case WSEC_OPEN: return "open";
	case WSEC_OWE: return "owe";
	case WSEC_WEP: return "wep";
	case WSEC_WPA: return "wpa-personal";
	case WSEC_WPA_WPA2: return "wpa-wpa2-personal";
	case WSEC_WPA2: return "wpa2-personal";
	case WSEC_WPA2_WPA3: return "wpa2-wpa3-personal";
	case WSEC_WPA3: return "wpa3-personal";
	case WSEC_WPA2_ENT: return "wpa2-enterprise";
	case WSEC_WPA3_ENT: return "wpa3-enterprise";
	}
	return "unknown";
}

bool wifi_sec_is_personal(enum wifi_sec s)
{
	return s == WSEC_WPA || s == WSEC_WPA_WPA2 || s == WSEC_WPA2 ||
	       s == WSEC_WPA2_WPA3 || s == WSEC_WPA3;
}

const char *wifi_cipher_name(enum wifi_cipher c)
{
	switch (c) {
	case WCIPH_AES: return "aes";
	case WCIPH_TKIP: return "tkip";
	case WCIPH_TKIP_AES: return "tkip-aes";
	default: return "unset";
	}
}

void input_init(struct input *in, const char *path)
{
	memset(in, 0, sizeof(*in));
	in->path = path;
	/* File names are bytes too: show them as valid UTF-8. */
	in->display = utf8_sanitize(&in->arena, path, strlen(path));
	in->diags_tail = &in->diags;
	in->dev.wifi_tail = &in->dev.wifi;
	in->dev.hfwds_tail = &in->dev.hfwds;
	in->dev.signs_tail = &in->dev.signs;
	in->dev.auto_update = TRI_UNSET;
	in->dev.wps = TRI_UNSET;
	in->dev.wps_pin = in->dev.wps_push = TRI_UNSET;
	in->dev.remote_admin = TRI_UNSET;
	in->dev.upnp = TRI_UNSET;
	in->dev.wan = TRI_UNSET;
	in->dev.admin_pw_default = TRI_UNSET;
}

void input_free(struct input *in)
{
	if (in->data) {
		/* The text may hold passphrases: wipe before giving it back. */
		volatile char *p = in->data;
		for (size_t i = 0; i < in->len; i++)
			p[i] = 0;
	}
	free(in->data);
	if (in->stream)
		fclose(in->stream);
	free(in->findings);
	free(in->secrets);
	free(in->secret_lens);
	secret_set_free(&in->publics);
	secret_set_free(&in->own_secrets);
	arena_free(&in->arena);
	memset(in, 0, sizeof(*in));
}

int input_add_part(struct input *in, const char *display, const char *path,
		   const char *data, size_t len, size_t max)
{
	bool nl = len == 0 || data[len - 1] != '\n';
	if (len + nl > max || in->len > max - len - nl)
		return EL_ETOOBIG;
	struct input_part *np = arena_grow(&in->arena, in->parts, &in->capparts, in->nparts,
					   sizeof(*np));
	if (!np)
		return EL_ENOMEM;
	in->parts = np;
	char *nd = realloc(in->data, in->len + len + nl + 1);
	if (!nd)
		return EL_ENOMEM;
	in->data = nd;
	struct input_part *pt = &in->parts[in->nparts];
	pt->display = utf8_sanitize(&in->arena, display, strlen(display));
	pt->path = arena_strdup(&in->arena, path);
	if (!pt->display || !pt->path)
		return EL_ENOMEM;
	pt->off = in->len;
	pt->len = len;
	unsigned first = 1;
	if (in->nparts)
		first = in->parts[in->nparts - 1].first_line + in->parts[in->nparts - 1].nlines;
	pt->first_line = first;
	if (len)
		memcpy(nd + in->len, data, len);
	in->len += len;
	if (nl)
		nd[in->len++] = '\n';
	nd[in->len] = '\0';
	unsigned lines = 0;
	for (size_t i = pt->off; i < in->len; i++)
		lines += nd[i] == '\n';
	pt->nlines = lines;
	in->nparts++;
	return 0;
}

const struct input_part *input_part_of(const struct input *in, unsigned line)
{
	if (in->nparts == 0)
		return NULL;
	size_t lo = 0, hi = in->nparts;   /* last part with first_line <= line */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (in->parts[mid].first_line <= line)
			lo = mid;
		else
			hi = mid;
	}
	return &in->parts[lo];
}

const char *input_locate(const struct input *in, unsigned line, unsigned *local)
{
	*local = line;
	const struct input_part *p = input_part_of(in, line);
	if (!p)
		return NULL;
	*local = line >= p->first_line ? line - p->first_line + 1 : line;
	return p->display;
}

const char *input_display_path(const struct input *in)
{
	if (strcmp(in->path, "-") == 0)
		return "<stdin>";
	return in->display ? in->display : in->path;
}

/* An error message that could not be built: said so in both languages. */
static void input_error_oom(struct input *in)
{
	in->error = "out of memory";
	in->error_ja = "メモリが足りません";
}

static int input_diag_v(struct input *in, enum diag_level lvl, unsigned line, unsigned col,
			const char *fmt_en, const char *fmt_ja, va_list ap)
	__attribute__((format(printf, 5, 0)));
static int input_diag_v(struct input *in, enum diag_level lvl, unsigned line, unsigned col,
			const char *fmt_en, const char *fmt_ja, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	/* Formatted at full length into the arena (never cut: see
	 * arena_vprintf). Kept as written: the secrets of the run are masked
	 * out of the raw bytes when a report prints them, and only then is the
	 * text made printable (a secret with a control byte must still match). */
	char *msg = arena_vprintf(&in->arena, fmt_en, ap);
	/* fmt_ja is checked at each call by the input_diag() macro. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	char *msg_ja = arena_vprintf(&in->arena, fmt_ja, ap2);
#pragma GCC diagnostic pop
	va_end(ap2);
	struct diag *d = arena_alloc(&in->arena, sizeof(*d));
	if (!d || !msg || !msg_ja)
		return EL_ENOMEM;
	d->level = lvl;
	d->line = line;
	d->col = col;
	d->msg = msg;
	d->msg_ja = msg_ja;
	*in->diags_tail = d;
	in->diags_tail = &d->next;
	if (lvl == DIAG_ERROR) {
		in->ndiag_errors++;
		if (!in->error) {
			unsigned local = line;
			const char *file = line ? input_locate(in, line, &local) : NULL;
			const char *where = file ? file : input_display_path(in);
			/* A capture's message names the packet itself. */
			if (line && !(in->kind && in->kind->packets)) {
				in->error = arena_printf(&in->arena, "%s:%u: %s", where, local, msg);
				in->error_ja = arena_printf(&in->arena, "%s:%u: %s", where, local,
							    msg_ja);
			} else {
				in->error = arena_printf(&in->arena, "%s: %s",
							 input_display_path(in), msg);
				in->error_ja = arena_printf(&in->arena, "%s: %s",
							    input_display_path(in), msg_ja);
			}
			if (!in->error || !in->error_ja)
				input_error_oom(in);
		}
	}
	return 0;
}

int input_diag_l(struct input *in, enum diag_level lvl, unsigned line,
		 unsigned col, const char *fmt_en, const char *fmt_ja, ...)
{
	va_list ap;
	va_start(ap, fmt_ja);
	int rc = input_diag_v(in, lvl, line, col, fmt_en, fmt_ja, ap);
	va_end(ap);
	return rc;
}

int input_unknown_l(struct input *in, unsigned line, const char *fmt_en, const char *fmt_ja, ...)
{
	if (++in->lines_unknown > INPUT_UNKNOWN_LISTED) {
		if (in->lines_unknown == INPUT_UNKNOWN_LISTED + 1)
			in->unknown_more_line = line;
		return 0;
	}
	va_list ap;
	va_start(ap, fmt_ja);
	int rc = input_diag_v(in, DIAG_NOTE, line, 0, fmt_en, fmt_ja, ap);
	va_end(ap);
	return rc;
}

int input_unknown_end(struct input *in)
{
	if (in->lines_unknown <= INPUT_UNKNOWN_LISTED || in->unknown_more_said)
		return 0;
	in->unknown_more_said = true;
	return input_diag(in, DIAG_NOTE, in->unknown_more_line, 0,
			  "%u more line(s) not understood and not used by any check (the first at this line)",
			  "ほかに解釈できず、どの判定にも使っていない行が %u 行あります（最初はこの行）",
			  in->lines_unknown - INPUT_UNKNOWN_LISTED);
}

void input_fail_l(struct input *in, const char *fmt_en, const char *fmt_ja, ...)
{
	if (in->error)
		return;
	va_list ap, ap2;
	va_start(ap, fmt_ja);
	va_copy(ap2, ap);
	const char *msg = arena_vprintf(&in->arena, fmt_en, ap);
	/* fmt_ja is checked at each call by the input_fail() macro. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	const char *msg_ja = arena_vprintf(&in->arena, fmt_ja, ap2);
#pragma GCC diagnostic pop
	va_end(ap2);
	va_end(ap);
	if (msg && msg_ja) {
		/* raw: masked, then sanitised, when printed */
		in->error = arena_printf(&in->arena, "%s: %s", input_display_path(in), msg);
		in->error_ja = arena_printf(&in->arena, "%s: %s", input_display_path(in), msg_ja);
	}
	if (!in->error || !in->error_ja)
		input_error_oom(in);
}

int input_nomem(struct input *in, unsigned line)
{
	if (line)
		input_fail(in, "line %u: out of memory", "%u 行目: メモリが足りません", line);
	else
		input_fail(in, "out of memory", "メモリが足りません");
	return EL_ENOMEM;
}

void *input_grow(struct input *in, void *arr, size_t *cap, size_t n, size_t elem)
{
	void *na = arena_grow(&in->arena, arr, cap, n, elem);
	if (!na)
		input_nomem(in, 0);
	return na;
}

int input_add_secret(struct input *in, const char *s, size_t n)
{
	if (n == 0)
		return 0;
	/* Two arrays of one capacity: the second grows from a copy of it. */
	size_t cap = in->capsecrets;
	/* A secret that cannot be kept could not be masked: the input's
	 * error (sticky), whatever the caller does. */
	const char **ns = vec_grow(in->secrets, &cap, in->nsecrets, sizeof(*ns));
	if (!ns)
		return input_nomem(in, 0);
	in->secrets = ns;
	size_t capl = in->capsecrets;
	size_t *nl = vec_grow(in->secret_lens, &capl, in->nsecrets, sizeof(*nl));
	if (!nl)
		return input_nomem(in, 0);
	in->secret_lens = nl;
	in->capsecrets = cap;
	in->secrets[in->nsecrets] = s;
	in->secret_lens[in->nsecrets++] = n;
	return 0;
}

int input_add_same_login(struct input *in, unsigned line, enum acct_kind acct, const char *command,
			 const char *user, const char *pass)
{
	if (!user || !pass || !*user || strcasecmp(user, pass) != 0)
		return 0;
	const char *u = arena_strdup(&in->arena, user);
	const char *p = arena_strdup(&in->arena, pass);
	struct same_login *l = arena_alloc(&in->arena, sizeof(*l));
	if (!u || !p || !l || input_add_secret(in, u, strlen(u)) ||
	    input_add_secret(in, p, strlen(p)))
		return EL_ENOMEM;
	l->line = line;
	l->acct = acct;
	l->command = command;
	struct same_login **tail = &in->dev.same_logins;
	while (*tail)
		tail = &(*tail)->next;
	*tail = l;
	return 1;
}

struct home_sign *device_add_sign(struct input *in, enum home_sign_kind kind, const char *what,
				  const char *what_ja, unsigned line, const char *evidence)
{
	struct home_sign *s = arena_alloc(&in->arena, sizeof(*s));
	if (s) {
		memset(s, 0, sizeof(*s));
		s->what = what ? arena_strdup(&in->arena, what) : NULL;
		s->what_ja = what_ja ? arena_strdup(&in->arena, what_ja) : NULL;
		s->evidence = evidence ? arena_strdup(&in->arena, evidence) : NULL;
	}
	if (!s || (what && !s->what) || (what_ja && !s->what_ja) || (evidence && !s->evidence)) {
		input_nomem(in, line);
		return NULL;
	}
	s->kind = kind;
	s->line = line;
	*in->dev.signs_tail = s;
	in->dev.signs_tail = &s->next;
	in->dev.nsigns++;
	return s;
}

int home_sign_account(struct input *in, struct home_sign *s, const char *name)
{
	if (name) {
		const char **a = input_grow(in, (void *)s->names, &s->capnames, s->nnames,
					    sizeof(*s->names));
		if (!a)
			return EL_ENOMEM;
		s->names = a;
		const char *n = arena_strdup(&in->arena, name);
		if (!n)
			return input_nomem(in, s->line);
		a[s->nnames++] = n;
	}
	s->naccounts++;
	return 0;
}

const char *home_sign_name(const struct input *in, const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < in->nsecrets; i++)
		if (in->secret_lens[i] == n && strncasecmp(in->secrets[i], name, n) == 0)
			return SECRET_MASK;
	return name;
}

int input_secrets_add_to(const struct input *in, struct secret_set *set)
{
	for (size_t i = 0; i < in->nsecrets; i++)
		if (secret_set_add(set, in->secrets[i], in->secret_lens[i]))
			return EL_ENOMEM;
	return 0;
}

const char *wifi_net_shown_ssid(const struct input *in, const struct wifi_net *w)
{
	if (!w->ssid.s)
		return "?";
	size_t n = strlen(w->ssid.s);
	if (w->pass && w->pass_len == n && strncasecmp(w->pass, w->ssid.s, n) == 0)
		return SECRET_MASK;
	/* Equal to another secret of the input (another network's
	 * passphrase in a multi-SSID config, a PPPoE password): printing the
	 * name would print that secret. */
	for (size_t i = 0; i < in->nsecrets; i++)
		if (in->secret_lens[i] == n && strncasecmp(in->secrets[i], w->ssid.s, n) == 0)
			return SECRET_MASK;
	return w->ssid.s;
}

/* Adds v to in->publics unless a secret of another input of the run
 * occurs in it: the runs of the run's secrets in v must be the runs of
 * the input's own (own). */
static int public_add(struct secret_set *out, struct secret_set *run, struct secret_set *own,
		      const char *v)
{
	if (!v)
		return 0;
	size_t n = strlen(v);
	if (run) {
		struct secret_run *a = NULL, *b = NULL;
		size_t na = 0, nb = 0;
		int rc = secret_set_runs(run, v, n, &a, &na);
		if (rc == 0 && na)
			rc = secret_set_runs(own, v, n, &b, &nb);
		bool same = rc == 0 && na == nb && (na == 0 || memcmp(a, b, na * sizeof(*a)) == 0);
		free(a);
		free(b);
		if (rc)
			return rc;
		if (!same)
			return 0;
	}
	return secret_set_add(out, v, n);
}

int input_publics_add_to(const struct input *in, struct secret_set *run, struct secret_set *out)
{
	struct secret_set own;
	secret_set_init_min(&own, run ? run->min : SECRET_ORACLE_MIN);
	int rc = run ? input_secrets_add_to(in, &own) : 0;
	if (rc == 0)
		rc = public_add(out, run, &own, in->path);
	if (rc == 0)
		rc = public_add(out, run, &own, input_display_path(in));
	for (size_t i = 0; rc == 0 && i < in->nparts; i++)
		rc = public_add(out, run, &own, in->parts[i].display) ? EL_ENOMEM
		     : public_add(out, run, &own, in->parts[i].path);
	for (const struct wifi_net *w = in->dev.wifi; rc == 0 && w; w = w->next)
		if (w->ssid.s && wifi_net_shown_ssid(in, w) == w->ssid.s)
			rc = public_add(out, run, &own, w->ssid.s);
	/* Account names of the signs of a hijacked router, unless one is a
	 * secret of the input (its own password): home_sign_name(). */
	for (const struct home_sign *g = in->dev.signs; rc == 0 && g; g = g->next) {
		for (size_t i = 0; rc == 0 && i < g->nnames; i++)
			if (home_sign_name(in, g->names[i]) == g->names[i])
				rc = public_add(out, run, &own, g->names[i]);
		if (rc == 0 && g->kind == HSIGN_ADMIN_ACCOUNT && home_sign_name(in, g->what) == g->what)
			rc = public_add(out, run, &own, g->what);
	}
	const struct traffic *t = in->traffic;
	for (int k = 0; t && k < 3; k++) {
		const struct traffic_cred *list = k == 2 ? t->hashes : k ? t->anon : t->creds;
		size_t n = k == 2 ? t->nhashes : k ? t->nanon : t->ncreds;
		for (size_t i = 0; rc == 0 && i < n; i++)
			if (!list[i].user_is_password)
				rc = public_add(out, run, &own, list[i].user);
	}
	secret_set_free(&own);
	if (rc)
		out->nomem = true;
	return rc;
}

int input_publics_build(struct input *in, struct secret_set *run)
{
	secret_set_free(&in->publics);
	secret_set_init_min(&in->publics, SECRET_ORACLE_MIN);
	secret_set_free(&in->own_secrets);
	secret_set_init_min(&in->own_secrets, SECRET_ORACLE_MIN);
	in->publics_built = true;
	input_secrets_add_to(in, &in->own_secrets);   /* failure: all its secrets count as own */
	return input_publics_add_to(in, run, &in->publics);
}

void input_item(struct input *in, int item, enum item_status st,
		const char *note)
{
	if (item < 0 || item >= ITEM_COUNT)
		return;
	if (st == IST_UNKNOWN && note && !in->item_unknown_note[item])
		in->item_unknown_note[item] = note;
	if (!in->item_touched[item] || st > in->items[item]) {
		in->items[item] = st;
		if (note || st != IST_PASS)
			in->item_note[item] = note;
	}
	in->item_touched[item] = true;
}
