/*
 * fuzz_harness.h — the body every parser's libFuzzer harness shares: every
 * format probe on the raw bytes, the parser named FUZZ_KIND, the checks
 * (src/run.c's run_parsed(), as in the CLI), and the text, JSON and SARIF
 * reporters, with the project's secret rule as the oracle besides the
 * sanitizers. A harness defines FUZZ_NAME, FUZZ_KIND and FUZZ_PATH, then
 * includes this file (see fuzz_facts.c).
 *
 * Oracle: every secret the input registered (4 bytes or more, the length
 * below which finding_mask() does not mask) must be absent from every
 * rendered report; the harness aborts when one is found. Two kinds of
 * occurrence are not leaks and are skipped:
 *  - a secret that is a substring of text every report carries whatever
 *    the input says (UI words, rule and note texts, the path, the date:
 *    "pass" is both a status word and a 4-byte passphrase);
 *  - an occurrence touching a "****" mask, since masking one secret can
 *    spell another ("a***" next to a masked "zzzz").
 * JSON reports are also searched for the JSON-escaped form of the secret.
 * Run: make fuzz (EDGELINT_RULES names the rules directory, default
 * "rules"). Language: the input's length picks en (even) or ja (odd).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../parsers/parsers.h"
#include "../../src/finding.h"
#include "../../src/model.h"
#include "../../src/policy.h"
#include "../../src/registry.h"
#include "../../src/run.h"
#include "../../src/report/report.h"
#include "../../src/util.h"

#define FUZZ_REPORT_MAX (16u << 20)
#define SECRET_MIN_LEN SECRET_MASK_MIN   /* model.h */

static struct registry reg;
static struct policy pol;
static const struct parser *fuzz_parser;
static const char *const formats[] = {"text", "json", "sarif"};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))
/* Per language: what every report says whatever the input is. */
static struct strbuf baseline[LANG_COUNT];

static void die(const char *what)
{
	fprintf(stderr, "%s: %s\n", FUZZ_NAME, what);
	abort();
}

static long fuzz_today(void)
{
	return date_days(2025, 6, 1);
}

/* Renders inputs with every reporter, appending to sb. */
static void render_all(const struct run_ctx *ctx, struct input *ins, size_t n,
		       struct strbuf *sb)
{
	for (size_t k = 0; k < NFORMATS; k++) {
		struct strbuf out;
		sb_init(&out, FUZZ_REPORT_MAX);
		struct report_run run = {.ctx = ctx, .inputs = ins, .ninputs = n, .out = &out};
		if (report_render(reporter_by_name(formats[k]), &run) == 0 &&
		    sb_add(sb, out.buf ? out.buf : "", out.len))
			die("baseline too large");
		sb_free(&out);
	}
}

/* Static text of the reports in language l: inputs that carry every rule
 * message template, every item status and every note, but nothing read
 * from a file. */
static void build_baseline(enum lang l)
{
	struct run_ctx ctx = {.reg = &reg, .pol = &pol, .today = fuzz_today(), .lang = l};
	size_t n = reg.nnotes + IST_COUNT + 1;
	struct input *ins = calloc(n, sizeof(*ins));
	if (!ins)
		die("out of memory");
	for (size_t i = 0; i < n; i++) {
		input_init(&ins[i], FUZZ_PATH);
		ins[i].kind = fuzz_parser;
		ins[i].has_coverage = true;
	}
	/* Every note, with an NA and an unknown item. */
	for (size_t i = 0; i < reg.nnotes; i++) {
		ins[i].items[0] = IST_NA;
		ins[i].item_note[0] = reg.notes[i].id;
		ins[i].items[1] = IST_UNKNOWN;
		ins[i].item_note[1] = reg.notes[i].id;
	}
	/* Every status on every item. */
	for (size_t s = 0; s < IST_COUNT; s++)
		for (int it = 0; it < ITEM_COUNT; it++)
			ins[reg.nnotes + s].items[it] = (enum item_status)s;
	/* Every rule and message variant, placeholders left unfilled. */
	struct input *all = &ins[n - 1];
	for (size_t i = 0; i < reg.nrules; i++) {
		const struct rule *ru = &reg.rules[i];
		for (size_t m = 0; m < ru->nmsgs; m++)
			finding_add(all, &ctx, ru->id, ru->msgs[m].variant,
				    ru->nitems ? ru->items[0] : ITEM_NONE, -1, FST_FAIL, 1,
				    "evidence", ARGS_END);
	}
	sb_init(&baseline[l], FUZZ_REPORT_MAX);
	render_all(&ctx, ins, n, &baseline[l]);
	render_all(&ctx, ins, 1, &baseline[l]);
	for (size_t i = 0; i < n; i++)
		input_free(&ins[i]);
	free(ins);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("EDGELINT_RULES");
	char err[512];
	if (registry_load(&reg, dir && *dir ? dir : "rules", err, sizeof(err))) {
		fprintf(stderr, "%s: cannot load the rules: %s\n", FUZZ_NAME, err);
		exit(1);
	}
	policy_init(&pol);
	fuzz_parser = parser_by_name(FUZZ_KIND);
	if (!fuzz_parser || !fuzz_parser->parse)
		die("no parser for " FUZZ_KIND);
	for (int l = 0; l < LANG_COUNT; l++)
		build_baseline((enum lang)l);
	return 0;
}

/* True when [p, p + n) of s overlaps a "****" mask. */
static bool touches_mask(const char *s, size_t slen, size_t p, size_t n)
{
	size_t lo = p >= 3 ? p - 3 : 0;
	size_t hi = p + n + 3 < slen ? p + n + 3 : slen;
	for (size_t i = lo; i + 4 <= hi; i++)
		if (memcmp(s + i, "****", 4) == 0 && i + 4 > p && i < p + n)
			return true;
	return false;
}

/* True when [p, p + n) of s lies inside a SARIF primaryLocationLineHash
 * value: a hash of hex digits that may spell a short hex secret by chance
 * (a 4-digit wpa_psk "0123" inside "10123e0f…"), which reveals nothing. */
static bool in_line_hash(const char *s, size_t p, size_t n)
{
	static const char key[] = "\"primaryLocationLineHash\": \"";
	size_t kl = sizeof(key) - 1, b = p;
	while (b > 0 && (isxdigit((unsigned char)s[b - 1]) || s[b - 1] == ':'))
		b--;
	for (size_t i = b; i < p + n; i++)
		if (!isxdigit((unsigned char)s[i]) && s[i] != ':')
			return false;
	return b >= kl && memcmp(s + b - kl, key, kl) == 0;
}

/* Aborts when needle (nn bytes) occurs in the report other than at a mask. */
static void assert_absent(const struct strbuf *rep, const char *format,
			  const char *needle, size_t nn, const char *form)
{
	const char *s = rep->buf;
	size_t slen = rep->len;
	if (!s || nn == 0)
		return;
	for (const char *p = s; (p = memmem(p, slen - (size_t)(p - s), needle, nn)) != NULL;
	     p++) {
		size_t off = (size_t)(p - s);
		if (touches_mask(s, slen, off, nn) || in_line_hash(s, off, nn))
			continue;
		size_t from = off > 80 ? off - 80 : 0;
		size_t to = off + nn + 80 < slen ? off + nn + 80 : slen;
		fprintf(stderr,
			"%s: secret (%zu bytes, %s) leaked into the %s report at "
			"byte %zu:\n---\n%.*s\n---\n",
			FUZZ_NAME, nn, form, format, off, (int)(to - from), s + from);
		abort();
	}
}

static void check_secrets(const struct input *in, enum lang l,
			  struct strbuf reps[NFORMATS])
{
	for (size_t i = 0; i < in->nsecrets; i++) {
		const char *sec = in->secrets[i];
		size_t n = in->secret_lens[i];
		if (n < SECRET_MIN_LEN)
			continue;
		if (memmem(baseline[l].buf, baseline[l].len, sec, n))
			continue;   /* the reports say it whatever the input is */
		/* The JSON-escaped form, without the quotes. */
		char *esc = NULL;
		json_t *js = json_stringn(sec, n);
		if (js)
			esc = json_dumps(js, JSON_ENCODE_ANY);
		json_decref(js);
		/* A secret that JSON must escape (a quote, a backslash, a
		 * control byte) cannot appear raw in a JSON report as content;
		 * a raw match there is JSON syntax next to text (the quote
		 * opening a string, then words that happen to follow the
		 * secret's quote), so only the escaped form is searched. */
		size_t en = esc ? strlen(esc) : 0;
		bool escaped = en > 2 && (en - 2 != n || memcmp(esc + 1, sec, n) != 0);
		for (size_t k = 0; k < NFORMATS; k++) {
			if (k == 0 || !escaped)
				assert_absent(&reps[k], formats[k], sec, n, "raw");
			if (k > 0 && escaped)
				assert_absent(&reps[k], formats[k], esc + 1, en - 2,
					      "JSON-escaped");
		}
		free(esc);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Every probe sees the raw bytes, as for an undetected file. */
	parser_detect((const char *)data, size < PROBE_BYTES ? size : PROBE_BYTES);

	enum lang l = (size & 1) ? LANG_JA : LANG_EN;
	struct run_ctx ctx = {.reg = &reg, .pol = &pol, .today = fuzz_today(), .lang = l};
	struct input in;
	input_init(&in, FUZZ_PATH);
	in.kind = fuzz_parser;
	in.data = malloc(size + 1);
	if (!in.data)
		return 0;
	if (size)
		memcpy(in.data, data, size);
	in.data[size] = '\0';
	in.len = size;

	/* parse; if that succeeded checks_run; then diagnostics to findings,
	 * exceptions, item statuses and order, exactly as the CLI does. */
	run_parsed(&in, &ctx);

	struct strbuf reps[NFORMATS];
	for (size_t k = 0; k < NFORMATS; k++) {
		sb_init(&reps[k], FUZZ_REPORT_MAX);
		struct report_run run = {.ctx = &ctx, .inputs = &in, .ninputs = 1,
					 .out = &reps[k]};
		report_render(reporter_by_name(formats[k]), &run);
	}
	check_secrets(&in, l, reps);
	for (size_t k = 0; k < NFORMATS; k++)
		sb_free(&reps[k]);
	input_free(&in);
	return 0;
}
