/*
 * main.c — the edgelint command line: options, the run over every input
 * (read, detect, parse, check, settle), the report and the exit code.
 * Only this file prints to stderr and decides the exit status:
 *   0 no item failed · 1 an item failed (or a finding at --fail-on) ·
 *   2 usage error, or an input could not be read or parsed (2 wins).
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "../parsers/parsers.h"
#include "capture/capture.h"
#include "cli.h"
#include "finding.h"
#include "model.h"
#include "policy.h"
#include "registry.h"
#include "fix.h"
#include "report/report.h"
#include "run.h"
#include "util.h"
#include "walk.h"

#define REPORT_MAX ((size_t)1 << 30)

struct options {
	const char *kind;
	const char *format;
	const char *output;
	const char *lang;
	const char *policy;
	const char *rules;
	const char *today;
	int method;
	long max_flows;           /* 0: from the policy or the default */
	long max_memory;          /* MiB; 0: from the policy or the default */
	int fail_on;              /* severity, or -1: any failed item */
	bool fail_warn;           /* --fail-on warn / --strict: a warn item exits 1 */
	bool fail_unknown;        /* --fail-on unknown / --strict: an unknown item exits 1 */
	bool accept_partial;
	const char **select, **ignore;   /* rule ids, names or id prefixes */
	size_t nselect, nignore;
	bool list_rules;
	const char *explain;
	struct cap_live live;     /* --interface, --seconds, --packets */
	bool live_limit;          /* --seconds or --packets given */
	const char *apply_fix;    /* --apply-fix OUT: the config with the fixes merged */
};

/* The --kind lines of --help: the formats' names in help order
 * (parsers_shown[]), then what follows them, wrapped at HELP_WIDTH
 * columns under the options' descriptions (HELP_INDENT). */
#define HELP_WIDTH 78
#define HELP_INDENT 22

/* Prints piece after glue, or on a new line (without glue) when it would
 * pass HELP_WIDTH; *col is the column reached. */
static void help_piece(FILE *f, size_t *col, const char *glue, const char *piece)
{
	size_t w = display_width(piece, strlen(piece)), g = strlen(glue);
	if (*col > HELP_INDENT && *col + g + w > HELP_WIDTH) {
		fprintf(f, "\n%*s", HELP_INDENT, "");
		*col = HELP_INDENT;
	} else {
		fputs(glue, f);
		*col += g;
	}
	fputs(piece, f);
	*col += w;
}

static void usage_kinds(FILE *f, enum lang l)
{
	fprintf(f, "  %-*s", HELP_INDENT - 2, "--kind K");
	size_t col = HELP_INDENT;
	char name[64];
	for (size_t i = 0; i < nparsers; i++) {
		snprintf(name, sizeof(name), "%s%s", parsers_shown[i]->kind.name,
			 i + 1 < nparsers ? " |" : "");
		help_piece(f, &col, i ? " " : "", name);
	}
	if (l == LANG_JA) {
		/* Japanese breaks between pieces, not at spaces. */
		help_piece(f, &col, "", "（省略時は内容から判定。");
		help_piece(f, &col, "", "標準入力 \"-\" も内容から判定）");
	} else {
		static const char *const words[] = {"(default:", "detected", "from", "the",
						    "content,", "also", "of", "\"-\",",
						    "standard", "input)"};
		for (size_t i = 0; i < ARRAY_SIZE(words); i++)
			help_piece(f, &col, " ", words[i]);
	}
	fputc('\n', f);
}

static void usage(FILE *f, enum lang l)
{
	if (l == LANG_JA) {
		fputs("使い方: edgelint [オプション] ファイル...\n"
		      "ルータの設定、自宅ルータの情報ファイル、通信のキャプチャを、総務省の\n"
		      "テレワークセキュリティのチェックリスト（項目 3-2, 5-3, 5-4, 6-1, 6-2）に照らして点検します。\n"
		      "ファイルには \"-\"（標準入力）、ディレクトリ（その下のファイルをそれぞれ判定）、\n"
		      "gzip で圧縮したファイルも渡せます。\n\n",
		      f);
		usage_kinds(f, l);
		fputs("  --format F          text | json | sarif | fix | html（既定は text。fix は修正コマンド、\n"
		      "                      html は印刷できる 1 ファイルのレポート）\n"
		      "  -o, --output F      レポートを F に書き出す（一時ファイル経由。既定は標準出力）\n"
		      "  --lang L            ja | en（既定は LC_ALL/LC_MESSAGES/LANG から）\n"
		      "  --policy F          組織の方針ファイル（YAML。README 参照）\n"
		      "  --rules DIR         ルールデータのディレクトリ\n"
		      "  --today YYYY-MM-DD  期限や経過日数の判定に使う日付\n"
		      "  --method N          テレワーク方式 1〜8: 該当しない項目は「対象外」\n"
		      "  --max-flows N       キャプチャ: 同時に追跡するフロー数（既定 65536。\n"
		      "                      超えると最も古いフローを追い出します）\n"
		      "  --max-memory MIB    キャプチャ: フロー表のメモリ上限（既定 64。超えると\n"
		      "                      最も古いフローのバッファを手放し、レポートにそう書きます）\n"
		      "  --interface IF      ネットワークインターフェース IF の通信をその場でキャプチャして\n"
		      "                      判定（6-1。libpcap が必要とする権限が要ります。ファイルは\n"
		      "                      なくてもよい）\n"
		      "  --seconds N         ライブキャプチャを N 秒で止める（既定は Ctrl-C まで）\n"
		      "  --packets N         ライブキャプチャを N パケットで止める\n"
		      "  --fail-on S[,S…]    終了コード 1 にする条件: 重要度（critical|high|medium|\n"
		      "                      low|info。その重要度以上の不合格の指摘）、warn（要注意の\n"
		      "                      項目）、unknown（不明の項目）。既定は不合格の項目があるとき\n"
		      "  --strict            --fail-on warn,unknown と同じ（不合格・要注意・不明で 1）\n"
		      "  --select ID[,ID…]   これらのルールだけを報告（ID、名前、または EL1 のような接頭辞）\n"
		      "  --ignore ID[,ID…]   これらのルールを報告しない（同上）\n"
		      "  --accept-partial    解釈できた行が 90% 未満の入力や、--kind と内容が食い違う入力\n"
		      "                      も、エラーにせず判定する\n"
		      "  --apply-fix OUT     修正を取り込んだ設定を OUT に書き出す（入力は 1 つ）\n"
		      "  --list-rules        すべてのルールを一覧表示（--format json で JSON）\n"
		      "  --explain ID        ルールの説明（ID または名前。大文字小文字は問わない）\n"
		      "  --version, --help\n\n"
		      "終了コード: 0 条件に当たる項目なし、1 条件に当たる項目あり、\n"
		      "2 使い方の誤り、または読めない入力がある（2 が優先）。\n",
		      f);
		return;
	}
	fputs("usage: edgelint [OPTIONS] FILE...\n"
	      "Audits router configs, home-router facts files and captures against the MIC\n"
	      "telework security checklist (items 3-2, 5-3, 5-4, 6-1, 6-2).\n"
	      "FILE may be \"-\" (standard input), a directory (each file below it is\n"
	      "detected on its own) or a gzip-compressed file.\n\n",
	      f);
	usage_kinds(f, l);
	fputs("  --format F          text | json | sarif | fix | html (default text; fix: the\n"
	      "                      commands that fix the findings; html: one printable\n"
	      "                      self-contained report)\n"
	      "  -o, --output F      write the report to F atomically (a device or FIFO\n"
	      "                      in place; default stdout)\n"
	      "  --lang L            ja | en (default from LC_ALL/LC_MESSAGES/LANG)\n"
	      "  --policy F          the organisation's choices (YAML; see README)\n"
	      "  --rules DIR         rules data directory\n"
	      "  --today YYYY-MM-DD  the date for every age and support check\n"
	      "  --method N          telework method 1-8: items that do not apply are\n"
	      "                      reported not-applicable\n"
	      "  --max-flows N       captures: flows tracked at once (default 65536; the\n"
	      "                      least recently seen flow is evicted beyond it)\n"
	      "  --max-memory MIB    captures: memory budget of the flow table (default\n"
	      "                      64; past it the least recently seen flow's buffers\n"
	      "                      are given up and the report says so)\n"
	      "  --interface IF      capture on network interface IF and judge the traffic\n"
	      "                      (6-1; needs the privilege libpcap needs; FILE may\n"
	      "                      then be left out)\n"
	      "  --seconds N         stop the live capture after N seconds (default: Ctrl-C)\n"
	      "  --packets N         stop the live capture after N packets\n"
	      "  --fail-on S[,S...]  what makes exit code 1: a severity (critical|high|\n"
	      "                      medium|low|info: a failed finding of that severity or\n"
	      "                      more), warn (an item with status warn), unknown (an\n"
	      "                      item with status unknown); default: any failed item\n"
	      "  --strict            the same as --fail-on warn,unknown: exit 1 on any\n"
	      "                      failed, warn or unknown item\n"
	      "  --select ID[,ID...] report only these rules (id, name or id prefix: EL1)\n"
	      "  --ignore ID[,ID...] do not report these rules (id, name or id prefix)\n"
	      "  --accept-partial    judge an input even when under 90% of its lines were\n"
	      "                      understood or its content contradicts --kind\n"
	      "  --apply-fix OUT     write the config with the fixes merged to OUT (one\n"
	      "                      input)\n"
	      "  --list-rules        list every rule (--format json: as JSON)\n"
	      "  --explain ID        explain a rule (id or name, any letter case)\n"
	      "  --version, --help\n\n"
	      "Exit: 0 nothing the exit condition counts, 1 an item failed (or what\n"
	      "--fail-on counts), 2 usage error or unreadable input (2 wins).\n",
	      f);
}

/* A line on stderr ("edgelint: " and a usage error, an input's error or
 * a warning), in the report's language. */
static void usage_error_l(enum lang l, const char *en, const char *ja, ...)
	__attribute__((format(printf, 2, 4)));
/* Both formats checked against the arguments, as input_diag() does. */
#define usage_error(l, en, ja, ...) \
	((void)sizeof(printf(ja, ##__VA_ARGS__)), usage_error_l(l, en, ja, ##__VA_ARGS__))
static void usage_error_l(enum lang l, const char *en, const char *ja, ...)
{
	va_list ap;
	va_start(ap, ja);
	fputs("edgelint: ", stderr);
	if (l == LANG_JA) {
		/* ja is checked at each call by the usage_error() macro. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		vfprintf(stderr, ja, ap);
#pragma GCC diagnostic pop
	} else {
		vfprintf(stderr, en, ap);
	}
	fputc('\n', stderr);
	va_end(ap);
}

/* The next line of a loader's list of problems (registry_load and
 * policy_load write one per line), cut in place; NULL after the last. */
static char *next_problem(char **rest)
{
	char *line = *rest;
	if (!line)
		return NULL;
	char *nl = strchr(line, '\n');
	if (nl)
		*nl++ = '\0';
	*rest = nl;
	return line;
}

static enum lang lang_from_env(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "ja", 2) == 0 ? LANG_JA : LANG_EN;
	}
	return LANG_EN;
}

static long today_local(void)
{
	time_t t = time(NULL);
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return 0;
	return date_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* ---- rule listing ------------------------------------------------------- */

static void rule_items(const struct rule *ru, char *buf, size_t n)
{
	buf[0] = '\0';
	for (size_t i = 0; i < ru->nitems; i++) {
		strncat(buf, i ? "," : "", n - strlen(buf) - 1);
		strncat(buf, item_name(ru->items[i]), n - strlen(buf) - 1);
	}
	if (!ru->nitems)
		snprintf(buf, n, "-");
}

static int rule_id_cmp(const void *a, const void *b)
{
	const struct rule *const *x = a, *const *y = b;
	return strcmp((*x)->id, (*y)->id);
}

/* Every rule, sorted by id. */
static int list_rules(const struct registry *reg, enum lang l, const char *format,
		      struct strbuf *out)
{
	const struct rule **sorted = malloc((reg->nrules + 1) * sizeof(void *));
	if (!sorted)
		return EL_ENOMEM;
	for (size_t i = 0; i < reg->nrules; i++)
		sorted[i] = &reg->rules[i];
	qsort(sorted, reg->nrules, sizeof(void *), rule_id_cmp);
	int rc = 0;
	if (strcmp(format, "json") == 0) {
		json_t *arr = json_array();
		for (size_t i = 0; i < reg->nrules; i++) {
			const struct rule *ru = sorted[i];
			json_t *items = json_array();
			for (size_t k = 0; k < ru->nitems; k++)
				json_array_append_new(items, json_string(item_name(ru->items[k])));
			json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:s, s:s}", "id", ru->id,
							     "name", ru->name, "items", items,
							     "severity", severity_name(ru->severity),
							     "title", ltext_get(&ru->title, l)));
		}
		rc = report_dump_json(arr, out);
		free(sorted);
		return rc;
	}
	for (size_t i = 0; !rc && i < reg->nrules; i++) {
		const struct rule *ru = sorted[i];
		char items[32];
		rule_items(ru, items, sizeof(items));
		/* The severity column is padded by display width: Japanese
		 * labels are two columns a character. */
		const char *sev = severity_label(ru->severity, l);
		int pad = 9 - (int)display_width(sev, strlen(sev));
		rc = sb_printf(out, "%s  %-30s %s%*s%-4s %s\n", ru->id, ru->name, sev,
			       pad > 1 ? pad : 1, "", items, ltext_get(&ru->title, l));
	}
	free(sorted);
	return rc;
}

static int explain_rule(const struct rule *ru, enum lang l, struct strbuf *out)
{
	static const char *const hdr[][LANG_COUNT] = {
		{"checklist items", "チェックリスト項目"}, {"severity", "重要度"},
		{"why it matters", "なぜ問題か"}, {"how to fix", "対処"},
		{"messages", "メッセージ"}, {"on specific devices", "機種別の手がかり"},
		{"source", "出典"}};
	char items[32];
	rule_items(ru, items, sizeof(items));
	/* Read without a finding: placeholders of the texts become "…"; the
	 * message variants below are shown as the templates they are. */
	struct strbuf rat, rem;
	sb_init(&rat, 1u << 16);
	sb_init(&rem, 1u << 16);
	rule_text_plain(ltext_get(&ru->rationale, l), &rat);
	rule_text_plain(ltext_get(&ru->remediation, l), &rem);
	int rc = sb_printf(out, "%s %s — %s\n%s: %s\n%s: %s\n\n%s:\n  %s\n\n%s:\n  %s\n\n%s:\n",
			   ru->id, ru->name, ltext_get(&ru->title, l), hdr[0][l], items,
			   hdr[1][l], severity_label(ru->severity, l), hdr[2][l], sb_str(&rat),
			   hdr[3][l], sb_str(&rem), hdr[4][l]);
	sb_free(&rat);
	for (size_t i = 0; !rc && i < ru->nmsgs; i++) {
		rc = sb_printf(out, "  [%s] %s\n", ru->msgs[i].variant,
			       ltext_get(&ru->msgs[i].text, l));
		if (!rc && ru->msgs[i].fix.t[LANG_EN]) {   /* the variant's own fix */
			sb_reset(&rem);
			rule_text_plain(ltext_get(&ru->msgs[i].fix, l), &rem);
			rc = sb_printf(out, "      %s: %s\n", hdr[3][l], sb_str(&rem));
		}
	}
	sb_free(&rem);
	if (!rc && ru->nhints)
		rc = sb_printf(out, "\n%s:\n", hdr[5][l]);
	for (size_t i = 0; !rc && i < ru->nhints; i++)
		rc = sb_printf(out, "  %s: %s\n", ru->hints[i].vendor,
			       ltext_get(&ru->hints[i].text, l));
	if (!rc && ru->source)
		rc = sb_printf(out, "\n%s: %s\n", hdr[6][l], ru->source);
	return rc;
}

/* ---- progress ------------------------------------------------------------- */

/* Reading a large capture: percent of the file and packets per second on
 * stderr, only when stderr is a terminal and the file is over 64 MiB. */
#define PROGRESS_MIN_BYTES (64ull << 20)
static enum lang progress_lang;   /* the report's language, set by main */
static void show_progress(const char *path, uint64_t done, uint64_t total, uint64_t packets,
			  double secs, bool end)
{
	static int tty = -1;
	if (tty < 0)
		tty = isatty(STDERR_FILENO);
	if (!tty || total < PROGRESS_MIN_BYTES)
		return;
	if (end) {
		fputs("\r\033[K", stderr);
		return;
	}
	double pct = total ? 100.0 * (double)done / (double)total : 0;
	fprintf(stderr,
		progress_lang == LANG_JA ? "\r\033[Kedgelint: %s: %5.1f%%、%llu パケット、毎秒 %.0f パケット"
					 : "\r\033[Kedgelint: %s: %5.1f%%, %llu packets, %.0f packets/s",
		path, pct > 100 ? 100 : pct, (unsigned long long)packets,
		secs > 0 ? (double)packets / secs : 0.0);
}

/* ---- main ----------------------------------------------------------------- */

/* The language of messages before the options are read: --lang when
 * given (even after other options), else the environment. */
static enum lang lang_early(int argc, char **argv)
{
	for (int i = 1; i < argc && argv[i]; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		const char *v = NULL;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc && argv[i + 1])
			v = argv[i + 1];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			v = argv[i] + 7;
		if (v && (strcmp(v, "ja") == 0 || strcmp(v, "en") == 0))
			return strcmp(v, "ja") == 0 ? LANG_JA : LANG_EN;
	}
	return lang_from_env();
}

/* Splits a comma list into tokens (in place) appended to *list. */
static int add_tokens(char *arg, const char ***list, size_t *n)
{
	for (char *save = NULL, *t = strtok_r(arg, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		if (!*t)
			continue;
		const char **nl = realloc(*list, (*n + 1) * sizeof(*nl));
		if (!nl)
			return -1;
		*list = nl;
		(*list)[(*n)++] = t;
	}
	return 0;
}

static int parse_fail_on(struct options *o, char *arg, enum lang l)
{
	char *orig = strdup(arg);
	int rc = 0;
	for (char *save = NULL, *t = strtok_r(arg, ",", &save); t && !rc;
	     t = strtok_r(NULL, ",", &save)) {
		if (strcasecmp(t, "warn") == 0) {
			o->fail_warn = true;
		} else if (strcasecmp(t, "unknown") == 0) {
			o->fail_unknown = true;
		} else if (strcasecmp(t, "fail") == 0) {
			o->fail_on = -1;
		} else {
			int sev = severity_from_name(t);
			if (sev < 0) {
				usage_error(l,
					    "--fail-on %s: expected critical, high, medium, low, info, "
					    "warn or unknown (several joined by commas)",
					    "--fail-on %s: critical, high, medium, low, info, warn, unknown "
					    "のいずれか（カンマ区切りで複数可）を指定してください",
					    orig ? orig : t);
				rc = -1;
			} else {
				o->fail_on = sev;
			}
		}
	}
	free(orig);
	return rc;
}

static int parse_options(int argc, char **argv, struct options *o, enum lang l)
{
	enum { O_KIND = 256, O_FORMAT, O_LANG, O_POLICY, O_RULES, O_TODAY, O_METHOD,
	       O_FAIL_ON, O_STRICT, O_SELECT, O_IGNORE, O_ACCEPT_PARTIAL, O_MAX_FLOWS,
	       O_MAX_MEMORY, O_LIST, O_EXPLAIN, O_VERSION, O_HELP, O_INTERFACE, O_SECONDS,
	       O_PACKETS, O_APPLY_FIX };
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, O_KIND},
		{"format", required_argument, NULL, O_FORMAT},
		{"output", required_argument, NULL, 'o'},
		{"lang", required_argument, NULL, O_LANG},
		{"policy", required_argument, NULL, O_POLICY},
		{"rules", required_argument, NULL, O_RULES},
		{"today", required_argument, NULL, O_TODAY},
		{"method", required_argument, NULL, O_METHOD},
		{"fail-on", required_argument, NULL, O_FAIL_ON},
		{"strict", no_argument, NULL, O_STRICT},
		{"select", required_argument, NULL, O_SELECT},
		{"ignore", required_argument, NULL, O_IGNORE},
		{"accept-partial", no_argument, NULL, O_ACCEPT_PARTIAL},
		{"apply-fix", required_argument, NULL, O_APPLY_FIX},
		{"max-flows", required_argument, NULL, O_MAX_FLOWS},
		{"max-memory", required_argument, NULL, O_MAX_MEMORY},
		{"interface", required_argument, NULL, O_INTERFACE},
		{"seconds", required_argument, NULL, O_SECONDS},
		{"packets", required_argument, NULL, O_PACKETS},
		{"list-rules", no_argument, NULL, O_LIST},
		{"explain", required_argument, NULL, O_EXPLAIN},
		{"version", no_argument, NULL, O_VERSION},
		{"help", no_argument, NULL, O_HELP},
		{NULL, 0, NULL, 0},
	};
	int c;
	long v;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case O_KIND:
			if (!parser_by_name(optarg)) {
				struct strbuf kinds;
				sb_init(&kinds, 512);
				for (size_t i = 0; i < nparsers; i++)
					sb_printf(&kinds, " %s", parsers[i]->kind.name);
				usage_error(l, "--kind %s: expected one of%s",
					    "--kind %s: 次のいずれかを指定してください:%s", optarg,
					    sb_str(&kinds));
				sb_free(&kinds);
				return -1;
			}
			o->kind = optarg;
			break;
		case O_FORMAT:
			if (!reporter_by_name(optarg)) {
				usage_error(l, "--format %s: expected text, json, sarif, fix or html",
					    "--format %s: text, json, sarif, fix, html のいずれかを指定してください",
					    optarg);
				return -1;
			}
			o->format = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case O_LANG:
			if (strcmp(optarg, "ja") != 0 && strcmp(optarg, "en") != 0) {
				usage_error(l, "--lang %s: expected ja or en",
					    "--lang %s: ja か en を指定してください", optarg);
				return -1;
			}
			o->lang = optarg;
			break;
		case O_POLICY:
			o->policy = optarg;
			break;
		case O_RULES:
			o->rules = optarg;
			break;
		case O_TODAY: {
			long d;
			if (date_parse(optarg, false, &d)) {
				usage_error(l, "--today %s: expected a date YYYY-MM-DD",
					    "--today %s: 日付を YYYY-MM-DD で指定してください", optarg);
				return -1;
			}
			o->today = optarg;
			break;
		}
		case O_METHOD:
			if (str_to_long(optarg, 1, 8, &v)) {
				usage_error(l, "--method %s: expected a number from 1 to 8",
					    "--method %s: 1 から 8 の数字を指定してください", optarg);
				return -1;
			}
			o->method = (int)v;
			break;
		case O_FAIL_ON:
			if (parse_fail_on(o, optarg, l))
				return -1;
			break;
		case O_STRICT:
			o->fail_warn = o->fail_unknown = true;
			break;
		case O_SELECT:
		case O_IGNORE:
			if (add_tokens(optarg, c == O_SELECT ? &o->select : &o->ignore,
				       c == O_SELECT ? &o->nselect : &o->nignore)) {
				usage_error(l, "out of memory", "メモリが足りません");
				return -1;
			}
			break;
		case O_ACCEPT_PARTIAL:
			o->accept_partial = true;
			break;
		case O_MAX_FLOWS:
			if (str_to_long(optarg, POLICY_MAX_FLOWS_MIN, POLICY_MAX_FLOWS_MAX, &v)) {
				usage_error(l, "--max-flows %s: expected a number from %d to %d",
					    "--max-flows %s: %d から %d の数を指定してください", optarg,
					    POLICY_MAX_FLOWS_MIN, POLICY_MAX_FLOWS_MAX);
				return -1;
			}
			o->max_flows = v;
			break;
		case O_MAX_MEMORY:
			if (str_to_long(optarg, POLICY_MAX_MEMORY_MIN, POLICY_MAX_MEMORY_MAX, &v)) {
				usage_error(l, "--max-memory %s: expected a number of MiB from %d to %d",
					    "--max-memory %s: %d から %d の MiB 数を指定してください", optarg,
					    POLICY_MAX_MEMORY_MIN, POLICY_MAX_MEMORY_MAX);
				return -1;
			}
			o->max_memory = v;
			break;
		case O_INTERFACE:
			if (!*optarg) {
				usage_error(l, "--interface: give the name of a network interface",
					    "--interface: ネットワークインターフェースの名前を指定してください");
				return -1;
			}
			o->live.iface = optarg;
			break;
		case O_SECONDS:
			if (str_to_long(optarg, 1, CAP_LIVE_SECONDS_MAX, &v)) {
				usage_error(l, "--seconds %s: expected a number of seconds from 1 to %d",
					    "--seconds %s: 1 から %d の秒数を指定してください", optarg,
					    CAP_LIVE_SECONDS_MAX);
				return -1;
			}
			o->live.seconds = (double)v;
			o->live_limit = true;
			break;
		case O_PACKETS:
			if (str_to_long(optarg, 1, CAP_LIVE_PACKETS_MAX, &v)) {
				usage_error(l, "--packets %s: expected a number of packets from 1 to %ld",
					    "--packets %s: 1 から %ld のパケット数を指定してください", optarg,
					    CAP_LIVE_PACKETS_MAX);
				return -1;
			}
			o->live.packets = (uint64_t)v;
			o->live_limit = true;
			break;
		case O_LIST:
			o->list_rules = true;
			break;
		case O_EXPLAIN:
			o->explain = optarg;
			break;
		case O_APPLY_FIX:
			o->apply_fix = optarg;
			break;
		case O_VERSION:
			printf("edgelint %s\n", EDGELINT_VERSION);
			exit(0);
		case 'h':
		case O_HELP:
			usage(stdout, l);
			exit(0);
		default:
			if (optopt && optopt < 256)
				usage_error(l, "unknown option -%c", "不明なオプション -%c", optopt);
			else
				usage_error(l, "unknown or incomplete option %s",
					    "不明または不完全なオプション %s", argv[optind - 1]);
			return -1;
		}
	}
	if (o->live_limit && !o->live.iface) {
		usage_error(l, "--seconds and --packets limit a live capture: give --interface IF too",
			    "--seconds と --packets はライブキャプチャの上限です。--interface IF も"
			    "指定してください");
		return -1;
	}
	return 0;
}

static int write_report(const struct options *opt, struct strbuf *out, enum lang l)
{
	struct why w = {{0}, {0}};
	const char *dest = opt->output ? opt->output : "-";
	if (file_write_atomic(dest, sb_str(out), out->len, &w)) {
		usage_error(l, "cannot write %s: %s%.0s", "%s に書き込めません: %.0s%s", dest, w.en,
			    w.ja);
		return -1;
	}
	return 0;
}

/* --apply-fix OUT: the one input's text with its fixes merged (src/fix.h),
 * written atomically. Several inputs, an input that could not be read or
 * a format without fixes are usage errors. 0 or -1 (said on stderr). */
static int apply_fixes(const struct options *opt, struct input *inputs, size_t n,
		       const struct run_ctx *ctx, enum lang l)
{
	if (n != 1) {
		usage_error(l, "--apply-fix %s: give exactly one input (%zu given)",
			    "--apply-fix %s: 入力は 1 つだけ指定してください（%zu 個あります）",
			    opt->apply_fix, n);
		return -1;
	}
	struct input *in = &inputs[0];
	if (in->error || !in->kind || !in->kind->fix || !in->data || in->parts) {
		usage_error(l, "--apply-fix %s: no fixes can be merged into %s (not read, or a format "
			       "edgelint builds no fix commands for)",
			    "--apply-fix %s: %s には修正を取り込めません（読めなかったか、修正コマンドを"
			    "作れない形式です）",
			    opt->apply_fix, input_display_path(in));
		return -1;
	}
	struct fix_set s;
	struct strbuf out;
	sb_init(&out, REPORT_MAX);
	int rc = fix_build(in, ctx, &s);
	if (rc == 0)
		rc = fix_apply(in, &s, &out);
	struct why w = {{0}, {0}};
	if (rc) {
		usage_error(l, "--apply-fix %s: out of memory", "--apply-fix %s: メモリが足りません",
			    opt->apply_fix);
	} else if (file_write_atomic(opt->apply_fix, sb_str(&out), out.len, &w)) {
		usage_error(l, "cannot write %s: %s%.0s", "%s に書き込めません: %.0s%s",
			    opt->apply_fix, w.en, w.ja);
		rc = -1;
	}
	sb_free(&out);
	return rc ? -1 : 0;
}

/* The options of edgelint's own that take a value (parse_options), for
 * finding a subcommand after them. */
static bool option_takes_value(const char *a)
{
	static const char *const with_value[] = {
		"--kind", "--format", "--output", "-o", "--lang", "--policy", "--rules", "--today",
		"--method", "--fail-on", "--select", "--ignore", "--max-flows", "--max-memory",
		"--explain", "--interface", "--seconds", "--packets", "--apply-fix",
	};
	for (size_t i = 0; i < ARRAY_SIZE(with_value); i++)
		if (strcmp(a, with_value[i]) == 0)
			return true;
	return false;
}

/* The position of the subcommand (query, diff) when it is the first
 * operand, also after options ("edgelint --lang ja query F …"), else 0.
 * Without this, getopt would read --to after it as an abbreviation of
 * --today. */
static int subcommand_at(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			return 0;
		if (a[0] == '-' && a[1]) {
			if (!strchr(a, '=') && option_takes_value(a))
				i++;
			continue;
		}
		return strcmp(a, "query") == 0 || strcmp(a, "diff") == 0 ? i : 0;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options opt = {.format = "text", .fail_on = -1};
	enum lang lang = lang_early(argc, argv);
	/* Subcommands (issue 17 §3-§4): their own options (src/cli*.c); the
	 * options given before the subcommand go to it, after its name. */
	int sub = subcommand_at(argc, argv);
	if (sub > 1) {
		char *name = argv[sub];
		memmove(argv + 2, argv + 1, (size_t)(sub - 1) * sizeof(*argv));
		argv[1] = name;
	}
	if (sub && strcmp(argv[1], "query") == 0)
		return cli_query_main(argc - 1, argv + 1, argv[0], lang);
	if (sub && strcmp(argv[1], "diff") == 0)
		return cli_diff_main(argc - 1, argv + 1, argv[0], lang);
	if (parse_options(argc, argv, &opt, lang)) {
		fputs(lang == LANG_JA ? "詳しくは 'edgelint --help' を参照してください。\n"
				      : "Try 'edgelint --help'.\n", stderr);
		free(opt.select);
		free(opt.ignore);
		return 2;
	}
	char dir[PATH_MAX];
	if (opt.rules) {
		snprintf(dir, sizeof(dir), "%s", opt.rules);
	} else if (registry_find_dir(argv[0], dir, sizeof(dir))) {
		usage_error(lang, "cannot find the rules directory; give it with --rules DIR or "
				  "EDGELINT_RULES",
			    "ルールデータのディレクトリが見つかりません。--rules DIR か EDGELINT_RULES "
			    "で指定してください");
		free(opt.select);
		free(opt.ignore);
		return 2;
	}
	static struct registry reg;
	static char err[8192];   /* every problem of the rules data, one per line */
	if (registry_load(&reg, dir, err, sizeof(err))) {
		char *rest = err;
		for (const char *ln; (ln = next_problem(&rest));)
			usage_error(lang, "invalid rules data: %s", "ルールデータが不正です: %s", ln);
		registry_free(&reg);
		free(opt.select);
		free(opt.ignore);
		return 2;
	}
	int status = 0;
	/* Every --select/--ignore token must name at least one rule: a typo
	 * would otherwise silently select nothing or ignore nothing. */
	for (int pass = 0; pass < 2 && !status; pass++) {
		const char **toks = pass ? opt.ignore : opt.select;
		size_t nt = pass ? opt.nignore : opt.nselect;
		for (size_t k = 0; k < nt && !status; k++) {
			bool any = false;
			for (size_t i = 0; i < reg.nrules && !any; i++)
				any = rule_matches_token(&reg.rules[i], toks[k]);
			if (!any) {
				usage_error(lang, "--%s %s: no rule has that id, name or id prefix "
						  "(see --list-rules)",
					    "--%s %s: その ID・名前・ID の接頭辞のルールはありません"
					    "（--list-rules を参照）",
					    pass ? "ignore" : "select", toks[k]);
				status = 2;
			}
		}
	}
	if (!status && opt.list_rules && strcmp(opt.format, "sarif") == 0) {
		usage_error(lang, "--list-rules: the list is given as text or JSON (--format text "
				  "or json); SARIF carries the rules of a run in its report",
			    "--list-rules: 一覧は text か json（--format text / json）で出力します。"
			    "SARIF では実行結果のレポートにルールが含まれます");
		status = 2;
	}
	if (status) {
		registry_free(&reg);
		free(opt.select);
		free(opt.ignore);
		return status;
	}
	struct strbuf out;
	sb_init(&out, REPORT_MAX);
	if (opt.list_rules || opt.explain) {
		if (opt.explain) {
			const struct rule *ru = registry_rule(&reg, opt.explain);
			if (!ru) {
				usage_error(lang, "--explain %s: no such rule (see --list-rules)",
					    "--explain %s: そのようなルールはありません（--list-rules を参照）",
					    opt.explain);
				status = 2;
			} else {
				explain_rule(ru, lang, &out);
			}
		} else {
			list_rules(&reg, lang, opt.format, &out);
		}
		if (!status && write_report(&opt, &out, lang))
			status = 2;
		sb_free(&out);
		registry_free(&reg);
		free(opt.select);
		free(opt.ignore);
		return status;
	}
	if (optind >= argc && !opt.live.iface) {
		usage_error(lang, "no input files (use - for standard input)",
			    "入力ファイルがありません（標準入力は - で指定します）");
		usage(stderr, lang);
		registry_free(&reg);
		free(opt.select);
		free(opt.ignore);
		return 2;
	}
	static struct policy pol;
	policy_init(&pol);
	if (opt.policy && policy_load(&pol, opt.policy, lang == LANG_JA, err, sizeof(err))) {
		static char clean[sizeof(err)];
		char *rest = err;
		for (const char *ln; (ln = next_problem(&rest));) {
			clean[utf8_clean(clean, ln, strlen(ln))] = '\0';
			usage_error(lang, "invalid policy: %s", "ポリシーファイルが不正です: %s", clean);
		}
		policy_free(&pol);
		registry_free(&reg);
		free(opt.select);
		free(opt.ignore);
		return 2;
	}
	if (opt.method)
		pol.method = opt.method;
	if (opt.max_flows)
		pol.max_flows = opt.max_flows;
	if (opt.max_memory)
		pol.max_memory_mib = opt.max_memory;
	progress_lang = lang;
	long today = today_local();
	if (opt.today)
		date_parse(opt.today, false, &today);
	struct run_ctx ctx = {.reg = &reg, .pol = &pol, .today = today, .lang = lang,
			      .progress = show_progress, .select = opt.select, .nselect = opt.nselect,
			      .ignore = opt.ignore, .nignore = opt.nignore,
			      .accept_partial = opt.accept_partial};

	/* The inputs the arguments stand for: a directory expanded to its
	 * files, the files of one router joined (walk.c). */
	const struct parser *kind = opt.kind ? parser_by_name(opt.kind) : NULL;
	struct walk plan;
	struct input *inputs = NULL;
	if (walk_args(argv + optind, (size_t)(argc - optind), kind, &plan) ||
	    !(inputs = calloc(plan.ninputs + 1, sizeof(*inputs)))) {
		usage_error(lang, "out of memory", "メモリが足りません");
		walk_free(&plan);
		return 2;
	}
	size_t ninputs = plan.ninputs;
	int nstdin = 0;
	for (size_t i = 0; i < ninputs; i++) {
		const struct walk_input *e = &plan.inputs[i];
		struct input *in = &inputs[i];
		input_init(in, e->paths[0]);
		if (e->is_notes) {
			run_notes(in, e, &ctx);
		} else if (strcmp(in->path, "-") == 0 && ++nstdin > 1) {
			input_fail(in, "standard input can be read only once", "標準入力は一度しか読めません");
			run_settle(in, &ctx, true);
		} else if (e->n > 1) {
			run_group(in, (const char *const *)e->paths, e->n, e->kind, &ctx);
		} else {
			run_input(in, kind, &ctx);
		}
	}
	/* The live capture, after the files: its report comes last. */
	char live_name[sizeof("interface:") + 64];
	if (opt.live.iface) {
		snprintf(live_name, sizeof(live_name), "interface:%s", opt.live.iface);
		input_init(&inputs[ninputs], live_name);
		run_live(&inputs[ninputs], &opt.live, &ctx);
		ninputs++;
	}

	bool stale = reg.data_as_of >= 0 && today - reg.data_as_of > RULES_STALE_DAYS;
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	bool color = strcmp(opt.format, "text") == 0 && !opt.output && isatty(STDOUT_FILENO) &&
		     !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
	/* The secrets of every input, hidden everywhere: in every input's part
	 * of the report and in the errors below. */
	struct secret_set secrets;
	findings_lend_secrets(inputs, ninputs, &secrets);
	struct report_run run = {.ctx = &ctx, .inputs = inputs, .ninputs = ninputs,
				 .color = color, .stale = stale, .out = &out};
	if (report_render(reporter_by_name(opt.format), &run)) {
		usage_error(lang, "the report could not be built (out of memory or too large)",
			    "レポートを作れませんでした（メモリ不足か、大きすぎます）");
		status = 2;
	} else if (write_report(&opt, &out, lang)) {
		status = 2;
	}

	if (status == 0 && opt.apply_fix && apply_fixes(&opt, inputs, ninputs, &ctx, lang))
		status = 2;

	/* Errors go to stderr too, so they are seen whatever the format. */
	bool any_error = false, any_fail = false;
	for (size_t i = 0; i < ninputs; i++) {
		const struct input *in = &inputs[i];
		if (in->error) {
			any_error = true;
			struct strbuf e;
			sb_init(&e, 1u << 16);
			const char *text = input_error_text(in, lang == LANG_JA);
			finding_scrub(in, text, strlen(text), &e);
			fprintf(stderr, "edgelint: %s\n", sb_str(&e));
			sb_free(&e);
		}
		for (int it = 0; it < ITEM_COUNT; it++)
			any_fail |= (opt.fail_warn && in->items[it] == IST_WARN) ||
				    (opt.fail_unknown && in->items[it] == IST_UNKNOWN);
		if (opt.fail_on < 0) {
			for (int it = 0; it < ITEM_COUNT; it++)
				any_fail |= in->items[it] == IST_FAIL;
		} else {
			for (size_t j = 0; j < in->nfindings; j++)
				any_fail |= in->findings[j].status == FST_FAIL &&
					    (int)in->findings[j].severity >= opt.fail_on;
		}
	}
	for (size_t j = 0; j < pol.nexceptions; j++) {
		const struct policy_exception *e = &pol.exceptions[j];
		/* The policy file's words reach a terminal: sanitised. */
		char path[1024], rule[256], until[64];
		path[utf8_clean(path, pol.path, strnlen(pol.path, sizeof(path) - 1))] = '\0';
		rule[utf8_clean(rule, e->rule, strnlen(e->rule, sizeof(rule) - 1))] = '\0';
		until[0] = '\0';
		if (e->until_text)
			until[utf8_clean(until, e->until_text,
					 strnlen(e->until_text, sizeof(until) - 1))] = '\0';
		if (e->until >= 0 && today > e->until)
			usage_error(lang, "%s:%u: warning: the exception for %s expired on %s",
				    "%s:%u: 警告: %s の例外は %s に期限が切れています", path, e->line,
				    rule, until);
		else if (!e->used)
			usage_error(lang, "%s:%u: warning: the exception for %s matched no finding",
				    "%s:%u: 警告: %s の例外に当てはまる指摘はありませんでした", path,
				    e->line, rule);
	}
	findings_return_secrets(inputs, ninputs, &secrets);
	if (status == 0)
		status = any_error ? 2 : any_fail ? 1 : 0;

	for (size_t i = 0; i < ninputs; i++)
		input_free(&inputs[i]);
	free(inputs);
	walk_free(&plan);
	free(opt.select);
	free(opt.ignore);
	sb_free(&out);
	policy_free(&pol);
	registry_free(&reg);
	return status;
}
