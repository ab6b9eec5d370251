/*
 * fix.c — the vendor-neutral half of fixes (issue 17 §1–§2, fix.h): the
 * blocks, free numbers outside reserved ranges, the script (--format
 * fix) and the merge of the edits into the file (--apply-fix). The
 * commands themselves are built by the format's builder (parsers/).
 */
#include "fix.h"

#include "policy.h"

#include <stdlib.h>
#include <string.h>

struct fix_block *fix_block_new(struct input *in, struct fix_set *s, const struct finding *f)
{
	struct fix_block *nb = input_grow(in, s->b, &s->cap, s->n, sizeof(*s->b));
	if (!nb)
		return NULL;
	s->b = nb;
	struct fix_block *b = &s->b[s->n++];
	memset(b, 0, sizeof(*b));
	b->f = f;
	return b;
}

int fix_cmd(struct input *in, struct fix_block *b, const char *cmd)
{
	const char **nc = input_grow(in, b->cmds, &b->capcmds, b->ncmds, sizeof(*b->cmds));
	if (!nc)
		return EL_ENOMEM;
	b->cmds = nc;
	const char *c = arena_strdup(&in->arena, cmd);
	if (!c)
		return input_nomem(in, 0);
	b->cmds[b->ncmds++] = c;
	return 0;
}

int fix_edit(struct input *in, struct fix_block *b, enum fix_op op, unsigned line,
	     const char *text)
{
	struct fix_edit *ne = input_grow(in, b->edits, &b->capedits, b->nedits, sizeof(*b->edits));
	if (!ne)
		return EL_ENOMEM;
	b->edits = ne;
	const char *t = NULL;
	if (text && !(t = arena_strdup(&in->arena, text)))
		return input_nomem(in, line);
	b->edits[b->nedits++] = (struct fix_edit){.op = op, .line = line, .text = t};
	return 0;
}

void fix_none(struct fix_block *b, const char *why, const char *why_ja)
{
	b->why = why;
	b->why_ja = why_ja;
	b->ncmds = 0;
	b->nedits = 0;
}

int fix_text_init(struct input *in, struct fix_text *t)
{
	size_t n = 1;
	for (size_t i = 0; i < in->len; i++)
		n += in->data[i] == '\n';
	t->ls = arena_alloc(&in->arena, (n + 1) * sizeof(*t->ls));
	if (!t->ls)
		return input_nomem(in, 0);
	unsigned k = 0;
	for (size_t i = 0; i < in->len; i++)
		if (in->data[i] == '\n')
			t->ls[++k] = i + 1;
	if (in->len && t->ls[k] < in->len)
		t->ls[++k] = in->len;
	t->n = k;
	return 0;
}

const char *fix_text_line(struct input *in, const struct fix_text *t, unsigned k)
{
	if (k < 1 || k > t->n)
		return NULL;
	size_t a = t->ls[k - 1], b = t->ls[k];
	while (b > a && (in->data[b - 1] == '\n' || in->data[b - 1] == '\r'))
		b--;
	return arena_strndup(&in->arena, in->data + a, b - a);
}

long fix_text_split(const struct input *in, const struct fix_text *t, struct arena *scratch,
		    unsigned k, char **tok, size_t max)
{
	if (k < 1 || k > t->n)
		return 0;
	size_t a = t->ls[k - 1], e = t->ls[k];
	char *s = arena_strndup(scratch, in->data + a, e - a);
	if (!s)
		return -1;
	s[strcspn(s, "\r\n")] = '\0';
	return (long)fix_split(scratch, s, tok, max);
}

const char *fix_no_line(struct input *in, const struct fix_text *t, unsigned k, char **tok,
			size_t max, size_t *nt)
{
	const char *s = fix_text_line(in, t, k);
	*nt = s ? fix_split(&in->arena, s, tok, max) : 0;
	if (!*nt || *nt == max)
		return NULL;
	struct strbuf sb;
	sb_init(&sb, 1u << 16);
	int rc = sb_adds(&sb, "no");
	for (size_t i = 0; rc == 0 && i < *nt; i++)
		rc = sb_printf(&sb, " %s", tok[i]);
	const char *r = rc == 0 ? arena_strdup(&in->arena, sb_str(&sb)) : NULL;
	sb_free(&sb);
	return r;
}

size_t fix_split(struct arena *a, const char *s, char **tok, size_t max)
{
	char *c = arena_strdup(a, s);
	size_t n = 0;
	if (!c)
		return 0;
	/* Each token ends in a NUL of its own, the last one kept too. */
	for (char *p = c; *p && n < max;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		tok[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return n;
}

const char *fix_arg(const struct finding *f, const char *k)
{
	for (size_t i = 0; i < f->nargs; i++)
		if (strcmp(f->arg_key[i], k) == 0)
			return f->arg_val[i];
	return NULL;
}

const struct wan_if *fix_wan(const struct input *in, const struct finding *f, bool *v6)
{
	const char *iface = fix_arg(f, "interface"), *fam = fix_arg(f, "family");
	if (!iface)
		return NULL;
	size_t n = strlen(iface);
	*v6 = strcmp(f->rule->id, "EL103") == 0 || (fam && strcmp(fam, "IPv6") == 0);
	if (n > 7 && strcmp(iface + n - 7, " (IPv4)") == 0) {
		n -= 7;
	} else if (n > 7 && strcmp(iface + n - 7, " (IPv6)") == 0) {
		n -= 7;
		*v6 = true;
	}
	for (const struct wan_if *w = in->dev.wans; w; w = w->next)
		if (strlen(w->name) == n && memcmp(w->name, iface, n) == 0)
			return w;
	return NULL;
}

struct fix_block **fix_blocks_open(struct input *in, struct fix_set *s, const char *const *ids)
{
	size_t first = s->n;
	struct fix_block **bl = arena_alloc(&in->arena, (in->nfindings + 1) * sizeof(void *));
	if (!bl) {
		input_nomem(in, 0);
		return NULL;
	}
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		bl[i] = NULL;
		if (f->status != FST_FAIL && f->status != FST_WARN)
			continue;
		bool known = false;
		for (size_t k = 0; ids[k] && !known; k++)
			known = strcmp(f->rule->id, ids[k]) == 0;
		if (known && !(bl[i] = fix_block_new(in, s, f)))
			return NULL;
	}
	/* fix_block_new may move the blocks: take pointers afterwards. */
	for (size_t i = 0, k = first; i < in->nfindings; i++)
		if (bl[i])
			bl[i] = &s->b[k++];
	return bl;
}

const struct wan_if *fix_block_wan(const struct input *in, struct fix_block *b, bool *v6)
{
	const struct wan_if *w = fix_wan(in, b->f, v6);
	if (!w)
		fix_none(b, "the interface named in the finding was not found",
			 "指摘が示すインターフェースが見つかりません");
	return w;
}

const struct policy_inbound *fix_partner(const struct run_ctx *ctx, const char *proto,
					 const char *ports, const char *host)
{
	const struct policy *pol = ctx ? ctx->pol : NULL;
	if (!pol || !proto || !ports || !host || !*ports || strlen(ports) > 5 ||
	    strspn(ports, "0123456789") != strlen(ports))
		return NULL;
	long port = strtol(ports, NULL, 10);
	for (size_t i = 0; i < pol->ninbound; i++) {
		const struct policy_inbound *p = &pol->inbound[i];
		if (p->nsources && !strchr(p->sources[0], ':') && p->proto &&
		    strcmp(p->proto, proto) == 0 && p->port == port && p->to && strcmp(p->to, host) == 0)
			return p;
	}
	return NULL;
}

void fix_note_narrowed(struct fix_block *b)
{
	b->note = "Narrowed to the partners the policy's allowed_inbound names for it: a person chose "
		  "them; to cut them too, take that entry out of the policy.";
	b->note_ja = "ポリシーの allowed_inbound が記載する取引先からだけ通すように絞ります。相手は人が"
		     "選んだものです。その相手も止めるなら、ポリシーからその項目を外してください。";
}

static int long_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

long fix_free_number(const long *used, size_t n, const struct fix_range *reserved,
		     size_t nreserved, long first, long max)
{
	long *u = NULL;
	if (n) {
		u = malloc(n * sizeof(*u));
		if (!u)
			return -1;   /* no number rather than a taken one */
		memcpy(u, used, n * sizeof(*u));
		qsort(u, n, sizeof(*u), long_cmp);
	}
	long c = first;
	size_t i = 0;
	for (bool moved = true; moved && c <= max;) {
		moved = false;
		while (i < n && u[i] < c)
			i++;
		if (i < n && u[i] == c) {
			c++;
			moved = true;
			continue;
		}
		for (size_t k = 0; k < nreserved; k++)
			if (c >= reserved[k].lo && c <= reserved[k].hi) {
				if (reserved[k].hi >= max) {
					c = max + 1;
					break;
				}
				c = reserved[k].hi + 1;
				moved = true;
				break;
			}
	}
	free(u);
	return c <= max ? c : -1;
}

static int fix_block_cmp(const void *a, const void *b)
{
	const struct fix_block *x = a, *y = b;
	return (x->f > y->f) - (x->f < y->f);   /* findings are one array */
}

int fix_build(struct input *in, const struct run_ctx *ctx, struct fix_set *out)
{
	memset(out, 0, sizeof(*out));
	if (in->error || !in->kind)
		return 0;
	int rc = in->kind->fix ? in->kind->fix(in, ctx, out) : 0;
	/* In the order of the findings (a builder may add blocks late). */
	if (rc == 0 && out->n > 1)
		qsort(out->b, out->n, sizeof(*out->b), fix_block_cmp);
	return rc;
}

/* Whether a finding calls for a change (open, not a pass or excepted). */
static bool fix_open(const struct finding *f)
{
	return f->status == FST_FAIL || f->status == FST_WARN;
}

/* "# " + text scrubbed + "\n". */
static int fix_comment_line(const struct input *in, const char *mark, const char *text,
			    struct strbuf *sb)
{
	int rc = sb_adds(sb, mark);
	if (rc == 0)
		rc = sb_adds(sb, " ");
	if (rc == 0)
		rc = finding_scrub(in, text, strlen(text), sb);
	return rc ? rc : sb_adds(sb, "\n");
}

/* A comment line whose text finding_message() or finding_fix() rendered:
 * those mask the input's values as they place them, and the rest is our
 * own words, so it is not scrubbed again (a secret equal to one of our
 * words, "password", would otherwise be masked inside our sentence, or
 * stop the secret oracle: the text reporter prints them the same way). */
static int fix_rendered_line(const char *mark, const char *text, struct strbuf *sb)
{
	int rc = sb_adds(sb, mark);
	if (rc == 0)
		rc = sb_adds(sb, " ");
	if (rc == 0)
		rc = sb_adds(sb, text);
	return rc ? rc : sb_adds(sb, "\n");
}

int fix_render(const struct input *in, const struct fix_set *s, enum lang l,
	       struct strbuf *sb)
{
	bool ja = l == LANG_JA;
	const char *mark = in->kind && in->kind->fix_comment ? in->kind->fix_comment : "#";
	struct strbuf t;
	sb_init(&t, 1u << 20);
	int rc = sb_printf(&t, ja ? "edgelint の修正: %s" : "edgelint fixes: %s",
			   input_display_path(in));
	if (rc == 0)
		rc = fix_comment_line(in, mark, sb_str(&t), sb);
	if (rc == 0 && in->error) {
		sb_reset(&t);
		const char *e = input_error_text(in, ja);
		rc = sb_adds(&t, ja ? "入力を読めなかったため、修正はありません: "
				    : "no fixes: the input could not be read: ");
		if (rc == 0)
			rc = sb_adds(&t, e);
		if (rc == 0)
			rc = fix_comment_line(in, mark, sb_str(&t), sb);
	}
	bool builds = in->kind && in->kind->fix;
	size_t open = 0;
	for (size_t i = 0; rc == 0 && i < in->nfindings; i++)
		open += fix_open(&in->findings[i]);
	if (rc == 0 && !in->error && builds && open == 0)
		rc = fix_comment_line(in, mark, ja ? "直すべき指摘はありません。"
						   : "nothing to fix.", sb);
	/* Every open finding in order: its block, or the advice in words
	 * (the builders make blocks in finding order). */
	size_t j = 0;
	for (size_t i = 0; rc == 0 && i < in->nfindings; i++) {
		const struct finding *f = &in->findings[i];
		const struct fix_block *b = j < s->n && s->b[j].f == f ? &s->b[j++] : NULL;
		if (!b && !fix_open(f))
			continue;
		sb_reset(&t);
		rc = sb_adds(sb, "\n");
		if (rc == 0)
			rc = sb_printf(&t, ja ? "%s %s（%u 行目）: " : "%s %s (line %u): ", f->rule->id,
				       f->rule->name, f->line);
		if (rc == 0)
			rc = finding_message(in, f, l, &t);
		if (rc == 0)
			rc = fix_rendered_line(mark, sb_str(&t), sb);
		if (rc == 0 && !b) {
			sb_reset(&t);
			rc = sb_adds(&t, ja ? "修正コマンドは作れません。対処: " : "no fix command; what to do: ");
			if (rc == 0)
				rc = finding_fix(in, f, l, &t);
			if (rc == 0)
				rc = fix_rendered_line(mark, sb_str(&t), sb);
			continue;
		}
		if (rc == 0 && b->by) {
			sb_reset(&t);
			rc = sb_printf(&t, ja ? "→ %s（%u 行目）の修正で直ります。"
					      : "-> fixed by the commands for %s (line %u).",
				       b->by->rule->id, b->by->line);
			if (rc == 0)
				rc = fix_comment_line(in, mark, sb_str(&t), sb);
		}
		if (rc == 0 && b->why) {
			sb_reset(&t);
			rc = sb_adds(&t, ja ? "修正コマンドは作れません: " : "no fix command: ");
			if (rc == 0)
				rc = sb_adds(&t, ja && b->why_ja ? b->why_ja : b->why);
			if (rc == 0)
				rc = fix_comment_line(in, mark, sb_str(&t), sb);
		}
		if (rc == 0 && b->note)
			rc = fix_comment_line(in, mark, ja && b->note_ja ? b->note_ja : b->note, sb);
		for (size_t k = 0; rc == 0 && k < b->ncmds; k++) {
			rc = finding_scrub(in, b->cmds[k], strlen(b->cmds[k]), sb);
			if (rc == 0)
				rc = sb_adds(sb, "\n");
		}
	}
	if (rc == 0 && s->tail)
		rc = sb_printf(sb, "%s\n", s->tail);
	sb_free(&t);
	return rc;
}

/* An insertion of the merge, in the order the blocks made it. */
struct fix_ins {
	unsigned line;
	size_t seq;
	const char *text;
};

static int fix_ins_cmp(const void *a, const void *b)
{
	const struct fix_ins *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

int fix_apply(const struct input *in, const struct fix_set *s, struct strbuf *sb)
{
	size_t nl = 1, nedits = 0;
	for (size_t i = 0; i < in->len; i++)
		nl += in->data[i] == '\n';
	for (size_t i = 0; i < s->n; i++)
		nedits += s->b[i].nedits;
	/* Per line: its last replacement (the device keeps the last command
	 * per key) or deletion; insertions sorted by line, then order made. */
	const char **repl = calloc(nl + 1, sizeof(void *));
	bool *del = calloc(nl + 1, sizeof(*del));
	struct fix_ins *ins = calloc(nedits + 1, sizeof(*ins));
	if (!repl || !del || !ins) {
		free(repl);
		free(del);
		free(ins);
		return EL_ENOMEM;
	}
	size_t nins = 0;
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < s->b[i].nedits; k++) {
			const struct fix_edit *e = &s->b[i].edits[k];
			if (e->line > nl)
				continue;
			if (e->op == FIX_INSERT_AFTER) {
				ins[nins] = (struct fix_ins){e->line, nins, e->text};
				nins++;
			} else if (e->op == FIX_REPLACE) {
				repl[e->line] = e->text;
			} else {
				del[e->line] = true;
			}
		}
	qsort(ins, nins, sizeof(*ins), fix_ins_cmp);
	/* The file's own line end ("\r\n" when its first line has one). */
	const char *eol = "\n";
	const char *nlp = in->len ? memchr(in->data, '\n', in->len) : NULL;
	if (nlp && nlp > in->data && nlp[-1] == '\r')
		eol = "\r\n";
	int rc = 0;
	size_t q = 0;
	for (; rc == 0 && q < nins && ins[q].line == 0; q++)
		rc = sb_printf(sb, "%s%s", ins[q].text, eol);
	size_t pos = 0;
	for (unsigned ln = 1; rc == 0 && pos < in->len; ln++) {
		const char *e = memchr(in->data + pos, '\n', in->len - pos);
		size_t end = e ? (size_t)(e - in->data) + 1 : in->len;
		if (ln <= nl && repl[ln] && !del[ln]) {
			rc = sb_printf(sb, "%s%s", repl[ln], eol);
		} else if (ln > nl || !del[ln]) {
			rc = sb_add(sb, in->data + pos, end - pos);
			if (rc == 0 && !e)
				rc = sb_adds(sb, eol);
		}
		for (; rc == 0 && q < nins && ins[q].line == ln; q++)
			rc = sb_printf(sb, "%s%s", ins[q].text, eol);
		pos = end;
	}
	free(repl);
	free(del);
	free(ins);
	return rc;
}
