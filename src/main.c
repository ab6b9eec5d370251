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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../parsers/parsers.h"
#include "finding.h"
#include "model.h"
#include "policy.h"
#include "registry.h"
#include "report/report.h"
#include "run.h"
#include "util.h"

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
	bool list_rules;
	const char *explain;
};

static void usage(FILE *f)
{
	fputs("usage: edgelint [OPTIONS] FILE...\n"
	      "Audits router configs, home-router facts files and captures against the MIC\n"
	      "telework security checklist (items 3-2, 5-3, 5-4, 6-1, 6-2).\n\n"
	      "  --kind K            yamaha-rtx | cisco-asa | openwrt | hostapd | nvram |\n"
	      "                      routeros | router-facts | pcap (default: detected from\n"
	      "                      content; required for \"-\", standard input)\n"
	      "  --format F          text | json | sarif (default text)\n"
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
	      "  --fail-on S         exit 1 only for failed findings of severity S or more\n"
	      "                      (critical|high|medium|low|info; default: any failed item)\n"
	      "  --list-rules        list every rule\n"
	      "  --explain ID        explain a rule (id or name)\n"
	      "  --version, --help\n\n"
	      "Exit: 0 no item failed, 1 an item failed, 2 usage error or unreadable input.\n",
	      f);
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

static int list_rules(const struct registry *reg, enum lang l, const char *format,
		      struct strbuf *out)
{
	if (strcmp(format, "json") == 0) {
		json_t *arr = json_array();
		for (size_t i = 0; i < reg->nrules; i++) {
			const struct rule *ru = &reg->rules[i];
			json_t *items = json_array();
			for (size_t k = 0; k < ru->nitems; k++)
				json_array_append_new(items, json_string(item_name(ru->items[k])));
			json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:s, s:s}", "id", ru->id,
							     "name", ru->name, "items", items,
							     "severity", severity_name(ru->severity),
							     "title", ltext_get(&ru->title, l)));
		}
		return report_dump_json(arr, out);
	}
	for (size_t i = 0; i < reg->nrules; i++) {
		const struct rule *ru = &reg->rules[i];
		char items[32];
		rule_items(ru, items, sizeof(items));
		int rc = sb_printf(out, "%s  %-30s %-8s %-4s %s\n", ru->id, ru->name,
				   severity_name(ru->severity), items, ltext_get(&ru->title, l));
		if (rc)
			return rc;
	}
	return 0;
}

static int explain_rule(const struct rule *ru, enum lang l, struct strbuf *out)
{
	static const char *const hdr[][LANG_COUNT] = {
		{"checklist items", "チェックリスト項目"}, {"severity", "重要度"},
		{"why it matters", "なぜ問題か"}, {"how to fix", "対処"},
		{"messages", "メッセージ"}, {"on specific devices", "機種別の手がかり"}};
	char items[32];
	rule_items(ru, items, sizeof(items));
	int rc = sb_printf(out, "%s %s — %s\n%s: %s\n%s: %s\n\n%s:\n  %s\n\n%s:\n  %s\n\n%s:\n",
			   ru->id, ru->name, ltext_get(&ru->title, l), hdr[0][l], items,
			   hdr[1][l], severity_label(ru->severity, l), hdr[2][l],
			   ltext_get(&ru->rationale, l), hdr[3][l],
			   ltext_get(&ru->remediation, l), hdr[4][l]);
	for (size_t i = 0; !rc && i < ru->nmsgs; i++)
		rc = sb_printf(out, "  [%s] %s\n", ru->msgs[i].variant,
			       ltext_get(&ru->msgs[i].text, l));
	if (!rc && ru->nhints)
		rc = sb_printf(out, "\n%s:\n", hdr[5][l]);
	for (size_t i = 0; !rc && i < ru->nhints; i++)
		rc = sb_printf(out, "  %s: %s\n", ru->hints[i].vendor,
			       ltext_get(&ru->hints[i].text, l));
	return rc;
}

/* ---- progress ------------------------------------------------------------- */

/* Reading a large capture: percent of the file and packets per second on
 * stderr, only when stderr is a terminal and the file is over 64 MiB. */
#define PROGRESS_MIN_BYTES (64ull << 20)
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
	fprintf(stderr, "\r\033[Kedgelint: %s: %5.1f%%, %llu packets, %.0f packets/s", path,
		pct > 100 ? 100 : pct, (unsigned long long)packets,
		secs > 0 ? (double)packets / secs : 0.0);
}

/* ---- main ----------------------------------------------------------------- */

static int parse_options(int argc, char **argv, struct options *o)
{
	enum { O_KIND = 256, O_FORMAT, O_LANG, O_POLICY, O_RULES, O_TODAY, O_METHOD,
	       O_FAIL_ON, O_MAX_FLOWS, O_MAX_MEMORY, O_LIST, O_EXPLAIN, O_VERSION, O_HELP };
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
		{"max-flows", required_argument, NULL, O_MAX_FLOWS},
		{"max-memory", required_argument, NULL, O_MAX_MEMORY},
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
				fprintf(stderr, "edgelint: --kind %s: expected one of", optarg);
				for (size_t i = 0; i < nparsers; i++)
					fprintf(stderr, " %s", parsers[i]->name);
				fputc('\n', stderr);
				return -1;
			}
			o->kind = optarg;
			break;
		case O_FORMAT:
			if (!reporter_by_name(optarg)) {
				fprintf(stderr, "edgelint: --format %s: expected text, json or sarif\n",
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
				fprintf(stderr, "edgelint: --lang %s: expected ja or en\n", optarg);
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
				fprintf(stderr, "edgelint: --today %s: expected a date YYYY-MM-DD\n",
					optarg);
				return -1;
			}
			o->today = optarg;
			break;
		}
		case O_METHOD:
			if (str_to_long(optarg, 1, 8, &v)) {
				fprintf(stderr, "edgelint: --method %s: expected a number from 1 to 8\n",
					optarg);
				return -1;
			}
			o->method = (int)v;
			break;
		case O_FAIL_ON:
			o->fail_on = severity_from_name(optarg);
			if (o->fail_on < 0) {
				fprintf(stderr,
					"edgelint: --fail-on %s: expected critical, high, medium, low or info\n",
					optarg);
				return -1;
			}
			break;
		case O_MAX_FLOWS:
			if (str_to_long(optarg, POLICY_MAX_FLOWS_MIN, POLICY_MAX_FLOWS_MAX, &v)) {
				fprintf(stderr, "edgelint: --max-flows %s: expected a number from %d to %d\n",
					optarg, POLICY_MAX_FLOWS_MIN, POLICY_MAX_FLOWS_MAX);
				return -1;
			}
			o->max_flows = v;
			break;
		case O_MAX_MEMORY:
			if (str_to_long(optarg, POLICY_MAX_MEMORY_MIN, POLICY_MAX_MEMORY_MAX, &v)) {
				fprintf(stderr, "edgelint: --max-memory %s: expected a number of MiB from %d to %d\n",
					optarg, POLICY_MAX_MEMORY_MIN, POLICY_MAX_MEMORY_MAX);
				return -1;
			}
			o->max_memory = v;
			break;
		case O_LIST:
			o->list_rules = true;
			break;
		case O_EXPLAIN:
			o->explain = optarg;
			break;
		case O_VERSION:
			printf("edgelint %s\n", EDGELINT_VERSION);
			exit(0);
		case 'h':
		case O_HELP:
			usage(stdout);
			exit(0);
		default:
			if (optopt && optopt < 256)
				fprintf(stderr, "edgelint: unknown option -%c\n", optopt);
			else
				fprintf(stderr, "edgelint: unknown or incomplete option %s\n",
					argv[optind - 1]);
			return -1;
		}
	}
	return 0;
}

static int write_report(const struct options *opt, struct strbuf *out)
{
	char why[256];
	const char *dest = opt->output ? opt->output : "-";
	if (file_write_atomic(dest, sb_str(out), out->len, why, sizeof(why))) {
		fprintf(stderr, "edgelint: cannot write %s: %s\n", dest, why);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options opt = {.format = "text", .fail_on = -1};
	if (parse_options(argc, argv, &opt)) {
		fputs("Try 'edgelint --help'.\n", stderr);
		return 2;
	}
	enum lang lang = opt.lang ? (strcmp(opt.lang, "ja") == 0 ? LANG_JA : LANG_EN)
				  : lang_from_env();
	char dir[PATH_MAX];
	if (opt.rules) {
		snprintf(dir, sizeof(dir), "%s", opt.rules);
	} else if (registry_find_dir(argv[0], dir, sizeof(dir))) {
		fprintf(stderr, "edgelint: cannot find the rules directory; give it with --rules DIR "
				"or EDGELINT_RULES\n");
		return 2;
	}
	static struct registry reg;
	char err[512];
	if (registry_load(&reg, dir, err, sizeof(err))) {
		fprintf(stderr, "edgelint: invalid rules data: %s\n", err);
		registry_free(&reg);
		return 2;
	}
	int status = 0;
	struct strbuf out;
	sb_init(&out, REPORT_MAX);
	if (opt.list_rules || opt.explain) {
		if (opt.explain) {
			const struct rule *ru = registry_rule(&reg, opt.explain);
			if (!ru) {
				fprintf(stderr, "edgelint: --explain %s: no such rule (see --list-rules)\n",
					opt.explain);
				status = 2;
			} else {
				explain_rule(ru, lang, &out);
			}
		} else {
			list_rules(&reg, lang, opt.format, &out);
		}
		if (!status && write_report(&opt, &out))
			status = 2;
		sb_free(&out);
		registry_free(&reg);
		return status;
	}
	if (optind >= argc) {
		fputs("edgelint: no input files (use - for standard input with --kind)\n", stderr);
		usage(stderr);
		registry_free(&reg);
		return 2;
	}
	static struct policy pol;
	policy_init(&pol);
	if (opt.policy && policy_load(&pol, opt.policy, err, sizeof(err))) {
		fprintf(stderr, "edgelint: invalid policy: %s\n", err);
		policy_free(&pol);
		registry_free(&reg);
		return 2;
	}
	if (opt.method)
		pol.method = opt.method;
	if (opt.max_flows)
		pol.max_flows = opt.max_flows;
	if (opt.max_memory)
		pol.max_memory_mib = opt.max_memory;
	long today = today_local();
	if (opt.today)
		date_parse(opt.today, false, &today);
	struct run_ctx ctx = {.reg = &reg, .pol = &pol, .today = today, .lang = lang,
			      .progress = show_progress};

	size_t ninputs = (size_t)(argc - optind);
	struct input *inputs = calloc(ninputs, sizeof(*inputs));
	if (!inputs) {
		fputs("edgelint: out of memory\n", stderr);
		return 2;
	}
	int nstdin = 0;
	const struct parser *kind = opt.kind ? parser_by_name(opt.kind) : NULL;
	char **args = argv + optind;
	size_t nargs = ninputs;
	ninputs = 0;
	for (size_t i = 0; i < nargs;) {
		struct input *in = &inputs[ninputs++];
		input_init(in, args[i]);
		if (strcmp(in->path, "-") == 0) {
			i++;
			if (!opt.kind || ++nstdin > 1) {
				input_fail(in, nstdin > 1 ? "standard input can be read only once"
							  : "standard input needs --kind to say what it is");
				run_settle(in, &ctx, true);
				continue;
			}
			run_input(in, kind, &ctx);
			continue;
		}
		/* Files of one router given one after another (OpenWrt's wireless,
		 * firewall, openwrt_release…) are one input: the group ends at a
		 * file of another kind or a second file of a role already seen. */
		int role;
		const struct parser *p = run_probe(args[i], kind, &role);
		size_t j = i + 1;
		if (role > 0) {
			unsigned seen = 1u << (role & 31);
			for (; j < nargs; j++) {
				int r2;
				const struct parser *p2 = run_probe(args[j], kind, &r2);
				if (p2 != p || r2 <= 0 || (seen & (1u << (r2 & 31))))
					break;
				seen |= 1u << (r2 & 31);
			}
		}
		if (j - i > 1)
			run_group(in, (const char *const *)(args + i), j - i, p, &ctx);
		else
			run_input(in, kind, &ctx);
		i = j;
	}

	bool stale = reg.data_as_of >= 0 && today - reg.data_as_of > RULES_STALE_DAYS;
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	bool color = strcmp(opt.format, "text") == 0 && !opt.output && isatty(STDOUT_FILENO) &&
		     !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
	struct report_run run = {.ctx = &ctx, .inputs = inputs, .ninputs = ninputs,
				 .color = color, .stale = stale, .out = &out};
	if (report_render(reporter_by_name(opt.format), &run)) {
		fputs("edgelint: the report could not be built (out of memory or too large)\n",
		      stderr);
		status = 2;
	} else if (write_report(&opt, &out)) {
		status = 2;
	}

	/* Errors go to stderr too, so they are seen whatever the format. */
	bool any_error = false, any_fail = false;
	for (size_t i = 0; i < ninputs; i++) {
		const struct input *in = &inputs[i];
		if (in->error) {
			any_error = true;
			struct strbuf e;
			sb_init(&e, 4096);
			sb_adds(&e, in->error);
			finding_mask(in, &e);
			fprintf(stderr, "edgelint: %s\n", sb_str(&e));
			sb_free(&e);
		}
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
		if (e->until >= 0 && today > e->until)
			fprintf(stderr, "edgelint: %s:%u: warning: the exception for %s expired on %s\n",
				pol.path, e->line, e->rule, e->until_text);
		else if (!e->used)
			fprintf(stderr, "edgelint: %s:%u: warning: the exception for %s matched no finding\n",
				pol.path, e->line, e->rule);
	}
	if (status == 0)
		status = any_error ? 2 : any_fail ? 1 : 0;

	for (size_t i = 0; i < ninputs; i++)
		input_free(&inputs[i]);
	free(inputs);
	sb_free(&out);
	policy_free(&pol);
	registry_free(&reg);
	return status;
}
