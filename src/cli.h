/*
 * cli.h — what the subcommands `edgelint query` and `edgelint diff`
 * (issue 17 §3-§4) share: their options, the rules data and policy, one
 * office router's config read through the whole pipeline, errors on
 * stderr, a config line quoted safely. Like main.c, the subcommands'
 * files (cli_query.c, cli_diff.c) print and decide the exit status; the
 * analyses they print are query.c and diff.c, which print nothing.
 */
#ifndef EDGELINT_CLI_H
#define EDGELINT_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "finding.h"
#include "model.h"
#include "policy.h"
#include "registry.h"
#include "util.h"

struct option;

/* The options every subcommand takes. */
struct cli_env {
	enum lang lang;
	const char *format;       /* "text", "json" (diff: "sarif" too) */
	const char *output;       /* NULL: stdout */
	const char *kind;         /* --kind, or NULL */
	struct registry reg;
	struct policy pol;
	struct run_ctx ctx;
	bool reg_loaded;
};

/* A line on stderr: "edgelint: " and the message in lang l. */
void cli_error_l(enum lang l, const char *en, const char *ja, ...)
	__attribute__((format(printf, 2, 4)));
#define cli_error(l, en, ja, ...) \
	((void)sizeof(printf(ja, ##__VA_ARGS__)), cli_error_l(l, en, ja, ##__VA_ARGS__))

/* The options every subcommand takes, for its getopt_long table (its own
 * option codes start at CLI_O_OWN). */
enum { CLI_O_FORMAT = 256, CLI_O_LANG, CLI_O_RULES, CLI_O_KIND, CLI_O_HELP, CLI_O_OWN };
#define CLI_COMMON_LONGOPTS                                                   \
	{"format", required_argument, NULL, CLI_O_FORMAT},                    \
	{"output", required_argument, NULL, 'o'},                             \
	{"lang", required_argument, NULL, CLI_O_LANG},                        \
	{"rules", required_argument, NULL, CLI_O_RULES},                      \
	{"kind", required_argument, NULL, CLI_O_KIND},                        \
	{"help", no_argument, NULL, CLI_O_HELP}
/* A subcommand's options: its name ("query", "diff"), its getopt_long
 * table (its own options, then CLI_COMMON_LONGOPTS), whether --format
 * takes "sarif", its usage text, and its own options' handler: own(ctx,
 * c, arg) with getopt_long's answer c, 0 taken, 1 not one of them (NULL:
 * it has none). */
struct cli_cmd {
	const char *name;
	const struct option *longopts;
	bool sarif;
	void (*usage)(FILE *f, enum lang l);
	int (*own)(void *ctx, int c, const char *arg);
	void *ctx;
};
/* Reads argv's options with getopt_long: the common ones into e (and
 * --rules into *rules), the subcommand's own through cmd->own. 0 with
 * optind at the first operand; 1 when --help printed the usage on
 * stdout; 2 on an unknown option or a bad value (printed). */
int cli_parse_opts(int argc, char **argv, const struct cli_cmd *cmd, struct cli_env *e,
		   const char **rules);

/* Loads the rules data (rules: --rules, or NULL to find it from argv0)
 * and an empty policy into e; lang, format, output already set. 0, or 2
 * with the problem printed. */
int cli_setup(struct cli_env *e, const char *argv0, const char *rules);
void cli_free(struct cli_env *e);

/* Reads path (input_init'ed into in) through the pipeline and checks
 * that it is an office router's or firewall's config (a kind that feeds
 * item 3-2 and is not a home router). 0, or 2 with the problem printed
 * (the input's own error, or "not an office router config"). in is
 * always to be input_free'd. */
int cli_read_office(struct cli_env *e, struct input *in, const char *path);

/* "FILE" as reports name the file holding a line of in, and the line in
 * it (*local). */
const char *cli_line_file(const struct input *in, unsigned line, unsigned *local);
/* Appends the text of line (1-based) of in to sb, without its line end
 * and leading blanks, every secret of the input masked (****) and made
 * safe to print (finding_scrub): never a secret. 0 or negative. */
int cli_line_text(const struct input *in, unsigned line, struct strbuf *sb);

/* Frees what cli_line_text keeps (cli_free does it). */
void cli_lines_free(void);
/* Writes out to e->output (atomically) or stdout. 0, or 2 printed. */
int cli_write(const struct cli_env *e, const struct strbuf *out);

/* "tcp/3389", "tcp/any port" ("tcp/全ポート" when ja), "esp",
 * "protocols 0-5" ("プロトコル 0-5"): a protocol set and its ports, in
 * arena a. */
const char *cli_proto_ports(struct arena *a, const struct pset *proto, const struct pset *dport,
			    bool ja);
/* "tcp", "udp", "icmp"…, or the number as text in buf (n >= 8). */
const char *cli_proto_name(uint32_t p, char *buf, size_t n);

/* The subcommands: argv[0] is the subcommand's name, argv0 the
 * program's, lang the language main() found (--lang, else the
 * environment). Exit status. */
int cli_query_main(int argc, char **argv, const char *argv0, enum lang lang);
int cli_diff_main(int argc, char **argv, const char *argv0, enum lang lang);

#endif
