/*
 * finding.c — recording findings, rendering their text in a language with
 * secrets masked, sorting, policy exceptions and item statuses.
 */
#define _GNU_SOURCE
#include "finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *fstatus_name(enum fstatus s)
{
	switch (s) {
	case FST_PASS: return "pass";
	case FST_UNKNOWN: return "unknown";
	case FST_WARN: return "warn";
	case FST_FAIL: return "fail";
	case FST_EXCEPTED: return "excepted";
	}
	return "unknown";
}

/* The secrets to hide: the run's, or (outside a report, as in unit tests)
 * a set of the input's own of at least min bytes built into tmp, which
 * the caller frees. */
static struct secret_set *finding_secrets(const struct input *in, struct secret_set *tmp,
					  size_t min)
{
	secret_set_init_min(tmp, min);
	if (in->run_secrets)
		return in->run_secrets;
	input_secrets_add_to(in, tmp);   /* on failure tmp refuses to mask */
	return tmp;
}

/*
 * The last line of defence. Secrets are kept out of what is printed by
 * construction: a parser never copies a secret into a message argument,
 * a diagnostic or an evidence string, and where evidence quotes an input
 * line that holds one, the line is quoted with the secret's span
 * replaced where it is built (evidence_line_masked). So the matcher
 * below should never find anything but a secret inside a value printed
 * as itself (the file's path, an SSID, a captured user name: "admin" is
 * both a user name and, in a brute force, a password tried; input
 * publics, model.h). Anything else it finds is masked. When it is a
 * secret of the value's own input, it is a bug of ours (another input's
 * secret there, or a secret the input also holds elsewhere, is a
 * coincidence no parser can see: runs_are_bug), and with
 * the oracle fatal (builds with -DEL_SECRET_ORACLE: the ASan tests and
 * the fuzz harnesses, unless EDGELINT_SECRET_ORACLE=mask; or
 * EDGELINT_SECRET_ORACLE=fatal, which the end-to-end tests set) the
 * process aborts, naming the value with the secret masked; otherwise (a
 * release run) the mask is the defence in depth.
 *
 * Why secrets shorter than SECRET_ORACLE_MIN (8 bytes) are not looked
 * for at all: they are words and numbers that the input holds by chance
 * in values that are no secret. A PPPoE password "pass" is also the
 * action of every `ip filter N pass …` line quoted as evidence; a
 * pre-shared key "yamaha" is also a directory of the path; an SNMP
 * community "public" is also an interface name. Matching them would
 * either rewrite those values (the mask then tells the reader the secret:
 * "ip filter 200033 **** …") or, with the oracle fatal, abort on correct
 * reports. The global pass cannot tell a secret's own bytes from the same
 * bytes elsewhere; only the parser that reads the line can, so short
 * secrets are safe by construction alone: the secret token is never
 * copied into an argument, a diagnostic or evidence, and a quoted line
 * that holds one has its span replaced where it is built. 8 bytes is the
 * shortest WPA passphrase, so every valid Wi-Fi passphrase is still
 * looked for; the fuzz harnesses search every report for every secret of
 * this length or more as well.
 */
static int oracle_mode = -1;   /* -1: not read from the environment yet */

bool secret_oracle_fatal(void)
{
	if (oracle_mode < 0) {
		/* The build decides by default; the environment can say either
		 * way (the end-to-end tests make the release binary fatal on the
		 * samples, and check the masking of hostile inputs whose values
		 * hold a secret by chance with "mask" under ASan too). */
		const char *e = getenv("EDGELINT_SECRET_ORACLE");
#ifdef EL_SECRET_ORACLE
		oracle_mode = !(e && strcmp(e, "mask") == 0);
#else
		oracle_mode = e && strcmp(e, "fatal") == 0;
#endif
	}
	return oracle_mode == 1;
}

void secret_oracle_set_fatal(bool fatal)
{
	oracle_mode = fatal;
}

void findings_lend_secrets(struct input *ins, size_t n, struct secret_set *set)
{
	secret_set_init_min(set, SECRET_ORACLE_MIN);
	for (size_t i = 0; i < n; i++)
		input_secrets_add_to(&ins[i], set);   /* failure: set refuses to mask */
	for (size_t i = 0; i < n; i++) {
		ins[i].run_secrets = set;
		input_publics_build(&ins[i], set);   /* failure: publics cover nothing */
	}
}

void findings_return_secrets(struct input *ins, size_t n, struct secret_set *set)
{
	for (size_t i = 0; i < n; i++) {
		ins[i].run_secrets = NULL;
		secret_set_free(&ins[i].publics);
		secret_set_free(&ins[i].own_secrets);
		ins[i].publics_built = false;
	}
	secret_set_free(set);
}

void finding_mask(const struct input *in, struct strbuf *sb)
{
	if (!sb->buf || sb->len < SECRET_MASK_MIN)
		return;
	struct secret_set tmp;
	struct secret_set *set = finding_secrets(in, &tmp, SECRET_MASK_MIN);
	struct strbuf o;
	sb_init(&o, sb->max);
	if (secret_set_mask(set, sb->buf, sb->len, &o) == 0 && o.len <= sb->len) {
		memcpy(sb->buf, sb_str(&o), o.len + 1);
		sb->len = o.len;
	} else {
		/* Cannot tell where the secrets are: print none of it. */
		sb->buf[0] = '\0';
		sb->len = 0;
	}
	sb_free(&o);
	secret_set_free(&tmp);
}

/* Drops from runs (*nruns of them) those lying inside a run of the
 * input's public values; 0 or EL_ENOMEM. */
static int runs_uncovered(const struct input *in, const char *s, size_t n,
			  struct secret_run *runs, size_t *nruns)
{
	struct secret_set tmp;
	secret_set_init_min(&tmp, SECRET_ORACLE_MIN);
	struct secret_set *pub = (struct secret_set *)&in->publics;
	if (!in->publics_built) {
		input_publics_add_to(in, in->run_secrets, &tmp);
		pub = &tmp;
	}
	struct secret_run *p = NULL;
	size_t np = 0;
	int rc = pub->nomem ? 0 : secret_set_runs(pub, s, n, &p, &np);
	size_t o = 0, j = 0;
	for (size_t k = 0; rc == 0 && k < *nruns; k++) {
		while (j < np && p[j].e <= runs[k].s)
			j++;
		if (!(j < np && p[j].s <= runs[k].s && runs[k].e <= p[j].e))
			runs[o++] = runs[k];
	}
	if (rc == 0)
		*nruns = o;
	free(p);
	secret_set_free(&tmp);
	return rc;
}

/* Whether a run of runs (found in s) can only be there because we copied a
 * secret: it holds a secret of the input itself (not only of another
 * input of the run), and its bytes occur in the input at most once —
 * where the secret is defined. A parser keeps its own input's secrets out
 * by construction, so such a run is a bug. A run whose bytes the input
 * holds elsewhere too (a facts file whose model repeats the passphrase)
 * or that holds only another input's secret (an ASA command word
 * "password" that is a hostapd passphrase given in the same run) is a
 * coincidence no parser can see, for which the mask is the defence. */
static bool runs_are_bug(const struct input *in, const char *s, size_t n,
			 const struct secret_run *runs, size_t nruns)
{
	struct secret_run *o = NULL;
	size_t no = 0;
	bool lent = in->publics_built && !in->own_secrets.nomem;
	if (lent && secret_set_runs((struct secret_set *)&in->own_secrets, s, n, &o, &no))
		return true;
	bool bug = false;
	for (size_t k = 0, j = 0; !bug && k < nruns; k++) {
		while (j < no && o[j].e <= runs[k].s)
			j++;
		if (lent && !(j < no && o[j].s < runs[k].e))
			continue;   /* another input's secret only */
		const char *r = s + runs[k].s;
		size_t rn = runs[k].e - runs[k].s;
		const char *d = in->data;
		const char *first = d ? memmem(d, in->len, r, rn) : NULL;
		bug = !first || !memmem(first + 1, in->len - (size_t)(first + 1 - d), r, rn);
	}
	free(o);
	return bug;
}

int finding_scrub(const struct input *in, const char *s, size_t n, struct strbuf *out)
{
	struct secret_set tmp;
	struct secret_set *set = finding_secrets(in, &tmp, SECRET_ORACLE_MIN);
	struct secret_run *runs = NULL;
	size_t nruns = 0;
	int rc = secret_set_runs(set, s, n, &runs, &nruns);
	if (rc == 0 && nruns)
		rc = runs_uncovered(in, s, n, runs, &nruns);
	struct strbuf m;
	sb_init(&m, n + 64);
	size_t done = 0;
	for (size_t k = 0; rc == 0 && k < nruns; k++) {
		rc = sb_add(&m, s + done, runs[k].s - done);
		if (rc == 0)
			rc = sb_adds(&m, SECRET_MASK);
		done = runs[k].e;
	}
	if (rc == 0)
		rc = sb_add(&m, s + done, n - done);
	if (rc == 0 && nruns && secret_oracle_fatal() && runs_are_bug(in, s, n, runs, nruns)) {
		struct strbuf shown;
		sb_init(&shown, 1024);
		sb_add_clean(&shown, sb_str(&m), m.len < 600 ? m.len : 600);
		fprintf(stderr,
			"edgelint: internal error: a secret of the input reached a printed value "
			"(shown masked): \"%s\"; secrets must be kept out where values are built "
			"(secret oracle, EDGELINT_SECRET_ORACLE)\n",
			sb_str(&shown));
		abort();
	}
	if (rc == 0)
		rc = sb_add_clean(out, sb_str(&m), m.len);
	sb_free(&m);
	free(runs);
	secret_set_free(&tmp);
	return rc;
}

const char *finding_scrub_dup(struct input *in, const char *s)
{
	if (!s)
		return NULL;
	struct strbuf sb;
	sb_init(&sb, strlen(s) + 64);
	const char *r = finding_scrub(in, s, strlen(s), &sb) == 0
				? arena_strndup(&in->arena, sb_str(&sb), sb.len)
				: NULL;
	sb_free(&sb);
	return r ? r : "?";
}

/* Memory that ran out while recording a finding: the input's error
 * (sticky: nothing passes for want of memory; run_parsed). */
static void finding_nomem(struct input *in)
{
	input_fail(in, "out of memory while recording findings",
		   "指摘を記録する途中でメモリが足りなくなりました");
}

struct finding *finding_add(struct input *in, const struct run_ctx *ctx,
			    const char *id, const char *variant, int item,
			    int sev, enum fstatus st, unsigned line,
			    const char *evidence, ...)
{
	const struct rule *ru = registry_rule(ctx->reg, id);
	if (!ru || !rule_msg(ru, variant)) {
		fprintf(stderr,
			"edgelint: internal error: rule %s message \"%s\" is not in the registry\n",
			id, variant);
		abort();
	}
	struct finding *nf = vec_grow(in->findings, &in->capfindings, in->nfindings, sizeof(*nf));
	if (!nf) {
		/* Sticky: a finding that cannot be kept makes the input an
		 * input error, so nothing passes for want of memory
		 * (run_parsed). */
		finding_nomem(in);
		return NULL;
	}
	in->findings = nf;
	struct finding *f = &in->findings[in->nfindings];
	memset(f, 0, sizeof(*f));
	f->rule = ru;
	f->item = item;
	f->severity = sev < 0 ? ru->severity : (enum severity)sev;
	f->status = st;
	f->line = line;
	f->variant = variant;
	va_list ap;
	va_start(ap, evidence);
	for (;;) {
		const char *k = va_arg(ap, const char *);
		if (!k)
			break;
		const char *v = va_arg(ap, const char *);
		if (f->nargs < FINDING_MAX_ARGS) {
			f->arg_key[f->nargs] = k;
			/* Arguments come from hostile input: bound what a message quotes. */
			size_t vn = v ? strnlen(v, FINDING_ARG_MAX + 1) : 0;
			int cut = FINDING_ARG_MAX;
			/* Cut at a character boundary, not inside a UTF-8 sequence. */
			while (v && vn > FINDING_ARG_MAX && cut > 0 &&
			       ((unsigned char)v[cut] & 0xC0) == 0x80)
				cut--;
			const char *copy = !v ? ""
				: vn > FINDING_ARG_MAX
					? arena_printf(&in->arena, "%.*s…", cut, v)
					: arena_strndup(&in->arena, v, vn);
			/* Kept raw: masked, then sanitised, when rendered. A copy
			 * that could not be made is the input's error (sticky: a
			 * finding quoting "" would pass for a complete one). */
			if (!copy)
				finding_nomem(in);
			f->arg_val[f->nargs++] = copy ? copy : "";
		}
	}
	va_end(ap);
	/* Raw as well (a longer line is not quoted: cutting it could cut a
	 * secret in two). */
	if (evidence && strnlen(evidence, FINDING_EVIDENCE_MAX + 1) <= FINDING_EVIDENCE_MAX) {
		f->evidence = arena_strndup(&in->arena, evidence, strlen(evidence));
		if (!f->evidence)
			finding_nomem(in);
	}
	in->nfindings++;
	return f;
}

/* The argument named k (kn bytes), followed by suffix sfx when not NULL. */
static const char *finding_arg_sfx(const struct finding *f, const char *k, size_t kn,
				   const char *sfx)
{
	size_t sn = sfx ? strlen(sfx) : 0;
	for (size_t i = 0; i < f->nargs; i++)
		if (strlen(f->arg_key[i]) == kn + sn && memcmp(f->arg_key[i], k, kn) == 0 &&
		    memcmp(f->arg_key[i] + kn, sfx ? sfx : "", sn) == 0)
			return f->arg_val[i];
	return NULL;
}

/* The value of {k} in language l: an argument our code words itself
 * (why an interface faces the internet, which filter decides) comes with
 * a Japanese twin "k_ja", which a Japanese text takes first; values of
 * the input have no twin and read the same in both languages. */
static const char *finding_arg(const struct finding *f, const char *k, size_t kn, enum lang l)
{
	const char *v = l == LANG_JA ? finding_arg_sfx(f, k, kn, "_ja") : NULL;
	return v && *v ? v : finding_arg_sfx(f, k, kn, NULL);   /* NULL twin: "" */
}

#define JA_OPEN "\xEF\xBC\x88"   /* （ U+FF08 */
#define JA_CLOSE "\xEF\xBC\x89"  /* ） U+FF09 */

/* Renders template t with the finding's {key} arguments into sb. Only
 * the arguments (bytes of the input) are masked and sanitised: our own
 * words are never rewritten, so no mask can spell a secret over them. */
static int finding_render(const struct input *in, const struct finding *f,
			  const char *t, enum lang l, struct strbuf *sb)
{
	int rc = 0;
	while (*t && rc == 0) {
		const char *open = strchr(t, '{');
		const char *close = open ? strchr(open, '}') : NULL;
		if (!open || !close) {
			rc = sb_adds(sb, t);
			break;
		}
		const char *v = finding_arg(f, open + 1, (size_t)(close - open - 1), l);
		size_t vn = v ? strlen(v) : 0;
		/* Japanese: a full-width bracket carries its own spacing, so the
		 * template's space next to a value that starts with （ or ends
		 * with ） is dropped ("フィルタ 90（3 行目）は", not "） は"). Only
		 * our words lose a space; the value is printed as it is. */
		size_t pre = (size_t)(open - t);
		if (l == LANG_JA && v && pre && t[pre - 1] == ' ' && vn >= 3 &&
		    memcmp(v, JA_OPEN, 3) == 0)
			pre--;
		rc = sb_add(sb, t, pre);
		if (rc == 0)
			rc = v ? finding_scrub(in, v, vn, sb)
			       : sb_add(sb, open, (size_t)(close - open + 1));
		t = close + 1;
		if (l == LANG_JA && v && *t == ' ' && vn >= 3 && memcmp(v + vn - 3, JA_CLOSE, 3) == 0)
			t++;
	}
	return rc;
}

void finding_evidence_ours(struct finding *f, size_t n)
{
	if (f)
		f->evidence_ours = n;
}

void finding_evidence_ja(struct input *in, struct finding *f, const char *ja, size_t ours)
{
	if (!f || !f->evidence || !ja)
		return;
	f->evidence_ja = arena_strndup(&in->arena, ja, strlen(ja));
	f->evidence_ja_ours = ours;
}

/* Our words (the first ours bytes of ev) as they are, the rest scrubbed. */
static int evidence_render(const struct input *in, const char *ev, size_t ours,
			   struct strbuf *sb)
{
	size_t n = strlen(ev);
	if (ours > n)
		ours = n;
	int rc = sb_add_clean(sb, ev, ours);
	return rc ? rc : finding_scrub(in, ev + ours, n - ours, sb);
}

int finding_evidence(const struct input *in, const struct finding *f, struct strbuf *sb)
{
	if (!f->evidence)
		return 0;
	return evidence_render(in, f->evidence, f->evidence_ours, sb);
}

int finding_evidence_l(const struct input *in, const struct finding *f, enum lang l,
		       struct strbuf *sb)
{
	if (l == LANG_JA && f->evidence && f->evidence_ja)
		return evidence_render(in, f->evidence_ja, f->evidence_ja_ours, sb);
	return finding_evidence(in, f, sb);
}

int finding_message(const struct input *in, const struct finding *f,
		    enum lang l, struct strbuf *sb)
{
	const struct rule_msg *m = rule_msg(f->rule, f->variant);
	return finding_render(in, f, m ? ltext_get(&m->text, l) : f->rule->name, l, sb);
}

int finding_fix(const struct input *in, const struct finding *f,
		enum lang l, struct strbuf *sb)
{
	int rc = finding_render(in, f, rule_fix(f->rule, f->variant, l), l, sb);
	const char *hint = rule_hint(f->rule, in->dev.vendor.s, l);
	if (rc == 0 && hint) {
		rc = sb_adds(sb, l == LANG_JA ? "" : " ");   /* no space after 。 */
		if (rc == 0)
			rc = finding_render(in, f, hint, l, sb);
	}
	return rc;
}

static int finding_cmp(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	int c = strcmp(x->rule->id, y->rule->id);
	if (c)
		return c;
	return strcmp(x->variant, y->variant);
}

struct finding_pos {
	struct finding f;
	size_t pos;               /* original position: makes qsort stable */
};

static int finding_pos_cmp(const void *a, const void *b)
{
	const struct finding_pos *x = a, *y = b;
	int c = finding_cmp(&x->f, &y->f);
	if (c)
		return c;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

void findings_sort(struct input *in)
{
	size_t n = in->nfindings;
	if (n < 2)
		return;
	struct finding_pos *tmp = malloc(n * sizeof(*tmp));
	if (!tmp)
		return;   /* unsorted but complete: better than nothing */
	for (size_t i = 0; i < n; i++) {
		tmp[i].f = in->findings[i];
		tmp[i].pos = i;
	}
	qsort(tmp, n, sizeof(*tmp), finding_pos_cmp);
	for (size_t i = 0; i < n; i++)
		in->findings[i] = tmp[i].f;
	free(tmp);
}

void findings_apply_exceptions(struct input *in, const struct run_ctx *ctx)
{
	struct policy *p = ctx->pol;
	for (size_t i = 0; i < in->nfindings; i++) {
		struct finding *f = &in->findings[i];
		for (size_t j = 0; j < p->nexceptions; j++) {
			struct policy_exception *e = &p->exceptions[j];
			if (strcmp(e->rule, f->rule->id) != 0 &&
			    strcmp(e->rule, f->rule->name) != 0)
				continue;
			if (e->file && !str_glob(e->file, in->path))
				continue;
			if (e->until >= 0 && ctx->today > e->until)
				continue;  /* expired: reported by main */
			f->status = FST_EXCEPTED;
			f->except_reason = e->reason;
			e->used++;
			break;
		}
	}
}

void findings_select(struct input *in, const struct run_ctx *ctx)
{
	if (!ctx->nselect && !ctx->nignore)
		return;
	size_t o = 0;
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct rule *ru = in->findings[i].rule;
		bool keep = ctx->nselect == 0;
		for (size_t k = 0; !keep && k < ctx->nselect; k++)
			keep = rule_matches_token(ru, ctx->select[k]);
		for (size_t k = 0; keep && k < ctx->nignore; k++)
			keep = !rule_matches_token(ru, ctx->ignore[k]);
		if (keep)
			in->findings[o++] = in->findings[i];
	}
	in->nfindings = o;
}

void findings_settle_items(struct input *in)
{
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		if (f->item < 0)
			continue;
		enum item_status st;
		switch (f->status) {
		case FST_FAIL: st = IST_FAIL; break;
		case FST_WARN: st = IST_WARN; break;
		case FST_UNKNOWN: st = IST_UNKNOWN; break;
		default: st = IST_PASS; break;  /* pass, or an accepted risk */
		}
		input_item(in, f->item, st, NULL);
	}
}
