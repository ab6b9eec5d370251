/*
 * finding.h — findings (one observation by one rule at one place) and the
 * run context the checks and reporters share.
 *
 * A finding stores the rule, the message variant and its arguments; the
 * text is rendered in the report's language by finding_message().
 *
 * Secrets are kept out of what leaves by construction: no argument,
 * evidence string or diagnostic holds a secret (evidence quoting a line
 * that holds one is built with the secret's span replaced, by the parser
 * that knows where it is: evidence_line_masked). Arguments and evidence
 * are stored raw; when a report renders them, each goes through
 * finding_scrub(), the last line of defence: it sanitises the value for
 * printing, and a secret it still finds there (outside a value printed as
 * itself: a path, an SSID, a user name) is a bug that aborts under the
 * secret oracle (tests, fuzzing) and is masked otherwise. The text we
 * write around them — message and fix templates, vendor hints — is never
 * rewritten. The fuzz harnesses and the end-to-end tests also search every
 * finished report for every secret.
 */
#ifndef EDGELINT_FINDING_H
#define EDGELINT_FINDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model.h"
#include "policy.h"
#include "registry.h"

enum fstatus { FST_PASS, FST_UNKNOWN, FST_WARN, FST_FAIL, FST_EXCEPTED };
const char *fstatus_name(enum fstatus s);

/* Ends the key/value arguments of finding_add (a typed null pointer, as
 * variadic functions need). */
#define ARGS_END ((const char *)NULL)

#define FINDING_MAX_ARGS 20   /* an exposure finding has 15 (words of ours twice) */
#define FINDING_ARG_MAX 2048  /* bytes of an argument quoted in a message (above
                               * every input value limit, so no secret is cut) */
#define FINDING_EVIDENCE_MAX 4096 /* longer evidence is not quoted at all */

struct finding {
	const struct rule *rule;
	int item;                 /* ITEM_NONE when about the input itself */
	enum severity severity;
	enum fstatus status;
	unsigned line;            /* 1-based, 0 when about the whole input */
	bool is_packet;           /* line is a packet number */
	const char *variant;
	const char *arg_key[FINDING_MAX_ARGS];
	const char *arg_val[FINDING_MAX_ARGS];
	size_t nargs;
	const char *evidence;     /* raw (see above); NULL when none */
	size_t evidence_ours;     /* its first bytes that are our own words
				   * (finding_evidence_ours): never searched */
	const char *evidence_ja;  /* the same in Japanese where our words in it
				   * differ (finding_evidence_ja), or NULL */
	size_t evidence_ja_ours;  /* its first bytes that are our own words */
	const char *except_reason;
};

/* What a run shares: rules data, policy, date, language. */
struct cap_live;

struct run_ctx {
	const struct registry *reg;
	struct policy *pol;
	long today;               /* days since epoch */
	enum lang lang;
	/* Progress of a long read (captures), or NULL: done of total bytes,
	 * packets so far, seconds since the start. Called at most a few times
	 * a second; the caller decides whether to show it. */
	void (*progress)(const char *path, uint64_t done, uint64_t total, uint64_t packets,
			 double secs, bool end);
	/* --select / --ignore: rule tokens (rule_matches_token); a finding is
	 * kept when select is empty or names it, and ignore does not. */
	const char *const *select, *const *ignore;
	size_t nselect, nignore;
	/* --accept-partial: judge inputs under COVERAGE_MIN_PERCENT or whose
	 * content contradicts --kind instead of refusing them. */
	bool accept_partial;
	/* A live capture (--interface; capture.h): set only while run_live()
	 * runs that input, NULL for every file. */
	const struct cap_live *live;
	/* Build the model only, run no check (edgelint query and diff read
	 * the model, not the findings: src/cli.c). */
	bool model_only;
};

/* Below this share of lines understood, an input's verdicts are not
 * trusted: it is an input error unless --accept-partial. */
#define COVERAGE_MIN_PERCENT 90

/* Records a finding of rule id for item with status st at line.
 * Variadic arguments are key, value string pairs ending with NULL; they
 * fill the {key} placeholders of the message variant. A value our code
 * words itself (not a value of the input) comes with its Japanese twin
 * under the key "KEY_ja": a Japanese text's {key} takes it first (an empty
 * or NULL twin falls back to the value of "key"). JSON and SARIF print the
 * rendered texts only, never the arguments, and SARIF fingerprints do not
 * hash them. sev < 0 takes the
 * rule's default severity. evidence may be NULL. Values and evidence are
 * copied raw (values cut at FINDING_ARG_MAX, evidence over
 * FINDING_EVIDENCE_MAX dropped) and masked when rendered. An id or
 * variant missing from the registry is a bug: the function prints it and
 * aborts, so tests catch it.
 * Returns the finding (owned by the input), or NULL on OOM, which also
 * sets the input's error (sticky: the run reports it and nothing passes). */
struct finding *finding_add(struct input *in, const struct run_ctx *ctx,
			    const char *id, const char *variant, int item,
			    int sev, enum fstatus st, unsigned line,
			    const char *evidence, ...)
	__attribute__((sentinel));

/* Renders the message of f in language l into sb (appended), secrets
 * masked. 0 or negative. */
int finding_message(const struct input *in, const struct finding *f,
		    enum lang l, struct strbuf *sb);
/* Renders the fix text (rule remediation + vendor hint) into sb. */
int finding_fix(const struct input *in, const struct finding *f,
		enum lang l, struct strbuf *sb);
/* Marks the first n bytes of f's evidence (SIZE_MAX: all of it) as our
 * own words ("passphrase: (hidden, 12 characters)", the "security: " of
 * "security: WPA2"): printed as they are, never searched for secrets, so
 * a secret that is one of our words cannot make them abort or be masked.
 * f may be NULL (finding_add out of memory). */
void finding_evidence_ours(struct finding *f, size_t n);
/* Gives f's evidence its Japanese (ja, copied into the input's arena),
 * whose first ours bytes (SIZE_MAX: all) are our own words, as
 * finding_evidence_ours() says of the English. Only the words we write
 * differ; the input's bytes quoted in it are the same. f may be NULL;
 * nothing is done when f has no evidence. */
void finding_evidence_ja(struct input *in, struct finding *f, const char *ja, size_t ours);
/* Renders the evidence of f (nothing when it has none) into sb: the
 * canonical (English) text, the one SARIF fingerprints hash, so that a
 * result's fingerprint does not depend on the report's language. */
int finding_evidence(const struct input *in, const struct finding *f, struct strbuf *sb);
/* The evidence of f in language l (the Japanese of finding_evidence_ja()
 * when there is one, else the canonical text) into sb. */
int finding_evidence_l(const struct input *in, const struct finding *f, enum lang l,
		       struct strbuf *sb);
/* Appends s (n bytes from an input) to out, sanitised. s should hold no
 * secret of the run (kept out by construction) except inside a value of
 * the input printed as itself (input_publics_build: its path, an SSID, a
 * captured user name). Any other occurrence of a secret (the run's
 * secrets are in->run_secrets, lent by report_render; without them, the
 * input's own) is a bug: with the secret oracle fatal the process aborts,
 * otherwise the secret's bytes are masked (matched on the raw bytes, then
 * sanitised). Returns 0 or negative; on failure nothing of s is appended. */
int finding_scrub(const struct input *in, const char *s, size_t n, struct strbuf *out);
/* finding_scrub() of a C string into the input's arena; NULL for NULL,
 * "?" when out of memory (never the unmasked text). */
const char *finding_scrub_dup(struct input *in, const char *s);
/* The raw matcher: replaces every run of secret bytes in sb (in place)
 * with "****", public values or not, no sanitising, never fatal. When
 * the secrets cannot be searched (out of memory) sb is emptied. */
void finding_mask(const struct input *in, struct strbuf *sb);
/* Whether a secret found by finding_scrub() aborts the process (the
 * secret oracle): in builds with -DEL_SECRET_ORACLE unless
 * EDGELINT_SECRET_ORACLE=mask, in others when EDGELINT_SECRET_ORACLE=fatal;
 * secret_oracle_set_fatal() overrides both (unit tests of both). */
bool secret_oracle_fatal(void);
void secret_oracle_set_fatal(bool fatal);
/* Builds the run's secret set from every input into set and lends it to
 * each input (run_secrets), with each input's public values
 * (input_publics_build); findings_return_secrets() undoes it and frees
 * set. */
void findings_lend_secrets(struct input *ins, size_t n, struct secret_set *set);
void findings_return_secrets(struct input *ins, size_t n, struct secret_set *set);

/* Sorts findings by line, then rule id, then variant (stable). */
void findings_sort(struct input *in);
/* Applies the policy's exceptions to the input's findings. */
void findings_apply_exceptions(struct input *in, const struct run_ctx *ctx);
/* Recomputes item statuses from the findings plus what checks recorded. */
/* Drops the findings --select/--ignore leave out (before the item
 * statuses are settled, so a left-out rule does not decide an item). */
void findings_select(struct input *in, const struct run_ctx *ctx);
void findings_settle_items(struct input *in);

#endif
