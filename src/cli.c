/*
 * cli.c — the shared part of the subcommands `edgelint query` and
 * `edgelint diff` (see cli.h).
 */
#define _GNU_SOURCE
#include "cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../parsers/parsers.h"
#include "filter.h"
#include "run.h"

void cli_error_l(enum lang l, const char *en, const char *ja, ...)
{
	va_list ap;
	va_start(ap, ja);
	fputs("edgelint: ", stderr);
	/* ja is checked at each call by the cli_error() macro. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vfprintf(stderr, l == LANG_JA ? ja : en, ap);
#pragma GCC diagnostic pop
	fputc('\n', stderr);
	va_end(ap);
}

/* Takes option c (getopt_long's answer) with arg when it is one of the
 * common ones (--format accepts "sarif" when sarif): 0 taken, 1 not one
 * of them, 2 a bad value (printed). *rules gets --rules. */
static int cli_common_option(struct cli_env *e, int c, const char *arg, bool sarif,
			     const char **rules)
{
	switch (c) {
	case CLI_O_FORMAT:
		if (strcmp(arg, "text") != 0 && strcmp(arg, "json") != 0 &&
		    !(sarif && strcmp(arg, "sarif") == 0)) {
			if (sarif)
				cli_error(e->lang, "--format %s: expected text, json or sarif",
					  "--format %s: text, json, sarif のいずれかを指定してください", arg);
			else
				cli_error(e->lang, "--format %s: expected text or json",
					  "--format %s: text か json を指定してください", arg);
			return 2;
		}
		e->format = arg;
		return 0;
	case 'o':
		e->output = arg;
		return 0;
	case CLI_O_LANG:
		if (strcmp(arg, "ja") != 0 && strcmp(arg, "en") != 0) {
			cli_error(e->lang, "--lang %s: expected ja or en", "--lang %s: ja か en を指定してください",
				  arg);
			return 2;
		}
		e->lang = strcmp(arg, "ja") == 0 ? LANG_JA : LANG_EN;
		return 0;
	case CLI_O_RULES:
		*rules = arg;
		return 0;
	case CLI_O_KIND:
		e->kind = arg;
		return 0;
	default:
		return 1;
	}
}

int cli_parse_opts(int argc, char **argv, const struct cli_cmd *cmd, struct cli_env *e,
		   const char **rules)
{
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", cmd->longopts, NULL)) != -1) {
		int rc = cli_common_option(e, c, optarg, cmd->sarif, rules);
		if (rc == 2)
			return 2;
		if (rc == 0 || (cmd->own && cmd->own(cmd->ctx, c, optarg) == 0))
			continue;
		if (c == 'h' || c == CLI_O_HELP) {
			cmd->usage(stdout, e->lang);
			return 1;
		}
		cli_error(e->lang, "%s: unknown or incomplete option %s",
			  "%s: 不明または不完全なオプション %s", cmd->name, argv[optind - 1]);
		return 2;
	}
	return 0;
}

int cli_setup(struct cli_env *e, const char *argv0, const char *rules)
{
	char dir[PATH_MAX];
	static char err[8192];
	policy_init(&e->pol);
	if (rules) {
		snprintf(dir, sizeof(dir), "%s", rules);
	} else if (registry_find_dir(argv0, dir, sizeof(dir))) {
		cli_error(e->lang, "cannot find the rules directory; give it with --rules DIR or "
				   "EDGELINT_RULES",
			  "ルールデータのディレクトリが見つかりません。--rules DIR か EDGELINT_RULES "
			  "で指定してください");
		return 2;
	}
	e->reg_loaded = true;
	if (registry_load(&e->reg, dir, err, sizeof(err))) {
		char *nl = strchr(err, '\n');
		if (nl)
			*nl = '\0';
		cli_error(e->lang, "invalid rules data: %s", "ルールデータが不正です: %s", err);
		return 2;
	}
	e->ctx = (struct run_ctx){.reg = &e->reg, .pol = &e->pol, .lang = e->lang,
				  .model_only = true};
	return 0;
}

void cli_free(struct cli_env *e)
{
	cli_lines_free();
	if (e->reg_loaded)
		registry_free(&e->reg);
	policy_free(&e->pol);
}

int cli_read_office(struct cli_env *e, struct input *in, const char *path)
{
	input_init(in, path);
	const struct parser *kind = NULL;
	if (e->kind && !(kind = parser_by_name(e->kind))) {
		cli_error(e->lang, "--kind %s: not a kind of input", "--kind %s: 入力の種類ではありません",
			  e->kind);
		return 2;
	}
	run_input(in, kind, &e->ctx);
	if (in->error) {
		struct strbuf sb;
		sb_init(&sb, 1u << 16);
		const char *text = input_error_text(in, e->lang == LANG_JA);
		finding_scrub(in, text, strlen(text), &sb);
		cli_error(e->lang, "%s", "%s", sb_str(&sb));
		sb_free(&sb);
		return 2;
	}
	if (!in->kind || in->kind->home_router || !in->kind->feeds[ITEM_3_2]) {
		struct strbuf sb;
		sb_init(&sb, 4096);
		const char *p = input_display_path(in);
		sb_add_clean(&sb, p, strlen(p));
		const char *label = !in->kind ? NULL
				    : e->lang == LANG_JA ? in->kind->label_ja : in->kind->label;
		/* The kinds that can be asked, from the parser table. */
		struct strbuf kinds;
		sb_init(&kinds, 1024);
		for (size_t i = 0; i < nparsers; i++) {
			const struct input_kind *k = &parsers[i]->kind;
			if (k->feeds[ITEM_3_2] && !k->home_router && !k->packets)
				sb_printf(&kinds, "%s%s", kinds.len ? ", " : "", k->name);
		}
		if (label)
			cli_error(e->lang,
				  "%s: a %s, not the config of an office router or firewall (%s): "
				  "nothing to ask about internet exposure",
				  "%s: %sです。事業所のルータやファイアウォールの設定（%s）ではないので、"
				  "インターネットからの到達性を調べられません",
				  sb_str(&sb), label, sb_str(&kinds));
		else
			cli_error(e->lang,
				  "%s: not recognised as the config of an office router or firewall (%s)",
				  "%s: 事業所のルータやファイアウォールの設定（%s）として認識できません",
				  sb_str(&sb), sb_str(&kinds));
		sb_free(&kinds);
		sb_free(&sb);
		return 2;
	}
	return 0;
}

const char *cli_line_file(const struct input *in, unsigned line, unsigned *local)
{
	const char *f = input_locate(in, line, local);
	return f ? f : input_display_path(in);
}

/* The start of every line of the inputs a subcommand prints lines of
 * (at most two: OLD and NEW), built once per input: a diff of a long
 * config quotes hundreds of its lines. */
static struct line_index {
	const struct input *in;
	const char *data;
	size_t *off;              /* off[k]: where line k+1 starts */
	size_t n;
} line_ix[2];

static const struct line_index *line_index_of(const struct input *in)
{
	for (size_t i = 0; i < ARRAY_SIZE(line_ix); i++)
		if (line_ix[i].in == in && line_ix[i].data == in->data)
			return &line_ix[i];
	struct line_index *x = line_ix[0].in ? &line_ix[1] : &line_ix[0];
	free(x->off);
	memset(x, 0, sizeof(*x));
	size_t n = 1;
	for (const char *p = in->data; (p = memchr(p, '\n', (size_t)(in->data + in->len - p))); p++)
		n++;
	if (!(x->off = malloc(n * sizeof(*x->off))))
		return NULL;
	x->in = in;
	x->data = in->data;
	x->off[x->n++] = 0;
	for (size_t i = 0; i < in->len; i++)
		if (in->data[i] == '\n' && x->n < n)
			x->off[x->n++] = i + 1;
	return x;
}

void cli_lines_free(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(line_ix); i++) {
		free(line_ix[i].off);
		memset(&line_ix[i], 0, sizeof(line_ix[i]));
	}
}

int cli_line_text(const struct input *in, unsigned line, struct strbuf *sb)
{
	if (!in->data || line == 0)
		return 0;
	const struct line_index *x = line_index_of(in);
	if (!x)
		return EL_ENOMEM;
	if (line > x->n)
		return 0;
	const char *p = in->data + x->off[line - 1], *end = in->data + in->len;
	const char *e = memchr(p, '\n', (size_t)(end - p));
	if (!e)
		e = end;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
		e--;
	/* Masked where a secret of the input is, then made printable; the
	 * scrub then finds no secret left. */
	struct strbuf m;
	sb_init(&m, (size_t)(e - p) + 64);
	int rc = sb_add(&m, p, (size_t)(e - p));
	if (rc == 0) {
		finding_mask(in, &m);
		rc = finding_scrub(in, sb_str(&m), m.len, sb);
	}
	sb_free(&m);
	return rc;
}

int cli_write(const struct cli_env *e, const struct strbuf *out)
{
	struct why w = {{0}, {0}};
	const char *dest = e->output ? e->output : "-";
	if (file_write_atomic(dest, sb_str(out), out->len, &w)) {
		cli_error(e->lang, "cannot write %s: %s%.0s", "%s に書き込めません: %.0s%s", dest, w.en,
			  w.ja);
		return 2;
	}
	return 0;
}

const char *cli_proto_name(uint32_t p, char *buf, size_t n)
{
	const char *name = proto_name(p);
	if (name)
		return name;
	snprintf(buf, n, "%u", p);
	return buf;
}

const char *cli_proto_ports(struct arena *a, const struct pset *proto, const struct pset *dport,
			    bool ja)
{
	char num[8];
	if (proto->n == 1 && proto->iv[0].lo == proto->iv[0].hi) {
		uint32_t p = proto->iv[0].lo;
		const char *pn = cli_proto_name(p, num, sizeof(num));
		if (p != PROTO_TCP && p != PROTO_UDP)
			return arena_strdup(a, pn);
		bool all = dport->n == 1 && dport->iv[0].lo == 0 && dport->iv[0].hi == 65535;
		return arena_printf(a, "%s/%s", pn,
				    all ? (ja ? "全ポート" : "any port") : pset_format(a, dport, 80));
	}
	if (proto->n == 1 && proto->iv[0].lo == 0 && proto->iv[0].hi == 255)
		return ja ? "すべてのプロトコル" : "every protocol";
	return arena_printf(a, ja ? "プロトコル %s" : "protocols %s", pset_format(a, proto, 60));
}
