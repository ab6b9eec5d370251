/*
 * fuzz_harness.h — the body every parser's libFuzzer harness shares: every
 * format probe on the raw bytes, the parser named FUZZ_KIND, the checks
 * (src/run.c's run_parsed(), as in the CLI), and the text, JSON and SARIF
 * reporters, with the project's secret rule as the oracle besides the
 * sanitizers. A harness defines FUZZ_NAME, FUZZ_KIND and FUZZ_PATH, then
 * includes this file (see fuzz_facts.c).
 *
 * Oracle: every secret the input registered (SECRET_ORACLE_MIN bytes or
 * more: shorter ones are common words, kept out by construction only, see
 * src/finding.c) must be absent from every rendered report; the harness
 * aborts when one is found. The objects are built with -DEL_SECRET_ORACLE,
 * so a secret reaching a printed value already aborts inside
 * finding_scrub(); this search also covers whatever a reporter would
 * print without it. Three kinds of occurrence are not leaks and are
 * skipped:
 *  - a secret inside a value the report prints as itself (the path, an
 *    SSID, a captured user name: input_publics_build, model.h);
 *  - a secret that is a substring of text every report carries whatever
 *    the input says (UI words, rule and note texts, the path, the date:
 *    "pass" is both a status word and a 4-byte passphrase);
 *  - an occurrence touching a "****" mask, since masking one secret can
 *    spell another ("a***" next to a masked "zzzz").
 * JSON reports are also searched for the JSON-escaped form of the secret.
 *
 * Oracle too (issue 12 §4, §5): every report is valid UTF-8 with nothing a
 * terminal acts on (no C0 control but newline and tab, no DEL, no C1
 * control, no bidi embedding/override/isolate) — in JSON and SARIF also
 * inside every decoded string — and the JSON and SARIF reports parse and
 * have the shape tests/schema/edgelint-1.schema.json and GitHub require of
 * what an input feeds them (every finding with its message, fix and
 * evidence, every device field a string or null, every result with its
 * message and fingerprint). The full schema is checked end to end by
 * tests/e2e (ajv, SARIF Multitool); these are its parts an input decides.
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
#define SECRET_MIN_LEN SECRET_ORACLE_MIN   /* secrets.h: shorter ones are safe by construction only */

static struct registry reg;
static struct policy pol;
static const struct parser *fuzz_parser;
static const char *const formats[] = {"text", "json", "sarif", "fix"};
#define NFORMATS (ARRAY_SIZE(formats))
/* Whether report k is JSON (json, SARIF); text and fix scripts are not. */
static bool fmt_json(size_t k)
{
	return strcmp(formats[k], "json") == 0 || strcmp(formats[k], "sarif") == 0;
}
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
		ins[i].kind = &fuzz_parser->kind;
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

/* True when sec (n bytes) occurs in a value of in printed as itself. */
static bool in_public_value(const struct input *in, const char *sec, size_t n)
{
	if (memmem(in->path, strlen(in->path), sec, n))
		return true;
	for (const struct wifi_net *w = in->dev.wifi; w; w = w->next)
		if (w->ssid.s && wifi_net_shown_ssid(in, w) == w->ssid.s &&
		    memmem(w->ssid.s, strlen(w->ssid.s), sec, n))
			return true;
	const struct traffic *t = in->traffic;
	for (int k = 0; t && k < 2; k++) {
		const struct traffic_cred *list = k ? t->anon : t->creds;
		size_t nc = k ? t->nanon : t->ncreds;
		for (size_t i = 0; i < nc; i++)
			if (list[i].user && memmem(list[i].user, strlen(list[i].user), sec, n))
				return true;
	}
	return false;
}

static void check_secrets(const struct input *in, enum lang l,
			  struct strbuf reps[NFORMATS])
{
	for (size_t i = 0; i < in->nsecrets; i++) {
		const char *sec = in->secrets[i];
		size_t n = in->secret_lens[i];
		if (n < SECRET_MIN_LEN || in_public_value(in, sec, n))
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
			if (!fmt_json(k) || !escaped)
				assert_absent(&reps[k], formats[k], sec, n, "raw");
			if (fmt_json(k) && escaped)
				assert_absent(&reps[k], formats[k], esc + 1, en - 2,
					      "JSON-escaped");
		}
		free(esc);
	}
}

/* Decodes one UTF-8 character at s (n bytes left); its code point in *cp,
 * its length returned, 0 when not well formed (RFC 3629). */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c & 0xF0) == 0xE0 ? 3
		     : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
	if (len == 0 || len > n)
		return 0;
	uint32_t v = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[k] & 0x3F);
	}
	if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
	    (len == 4 && (v < 0x10000 || v > 0x10FFFF)))
		return 0;
	*cp = v;
	return len;
}

/* Aborts unless s (n bytes) is valid UTF-8 with nothing a terminal acts on. */
static void assert_printable(const char *what, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t len = utf8_next(u + i, n - i, &cp);
		bool bad = len == 0 || (cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F ||
			   (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
			   (cp >= 0x2066 && cp <= 0x2069);
		if (bad) {
			size_t from = i > 60 ? i - 60 : 0;
			fprintf(stderr, "%s: %s: %s at byte %zu (U+%04X):\n---\n%.*s\n---\n",
				FUZZ_NAME, what, len ? "a terminal control" : "invalid UTF-8", i,
				(unsigned)cp, (int)(i + 20 < n ? i + 20 - from : n - from), s + from);
			abort();
		}
		i += len;
	}
}

/* Every string of a JSON document, decoded. */
static void assert_json_strings(const char *what, const json_t *j)
{
	const char *k;
	const json_t *v;
	size_t i;
	switch (json_typeof(j)) {
	case JSON_STRING:
		assert_printable(what, json_string_value(j), json_string_length(j));
		break;
	case JSON_ARRAY:
		json_array_foreach(j, i, v) assert_json_strings(what, v);
		break;
	case JSON_OBJECT:
		json_object_foreach((json_t *)j, k, v) {
			assert_printable(what, k, strlen(k));
			assert_json_strings(what, v);
		}
		break;
	default:
		break;
	}
}

static void shape(bool ok, const char *what)
{
	if (!ok)
		die(what);
}

static bool is_str_or_null(const json_t *j)
{
	return j && (json_is_string(j) || json_is_null(j));
}

/* The parts of the edgelint/1 shape an input decides. */
static void assert_json_shape(const json_t *root)
{
	const json_t *ins = json_object_get(root, "inputs"), *in;
	size_t i, k;
	shape(json_is_array(ins) && json_array_size(ins) == 1, "json: inputs");
	json_array_foreach(ins, i, in) {
		shape(json_is_string(json_object_get(in, "path")), "json: input.path");
		shape(is_str_or_null(json_object_get(in, "kind")), "json: input.kind");
		const json_t *err = json_object_get(in, "error");
		shape(json_is_null(err) || (json_is_string(err) && json_string_length(err) > 0),
		      "json: input.error");
		const json_t *dev = json_object_get(in, "device");
		shape(dev && (json_is_null(dev) || json_is_object(dev)), "json: input.device");
		if (json_is_object(dev)) {
			static const char *const fields[] = {"vendor", "model", "firmware",
							     "firmware_date"};
			for (size_t d = 0; d < 4; d++)
				shape(is_str_or_null(json_object_get(dev, fields[d])),
				      "json: a device field is missing");
			shape(json_object_size(dev) == 4, "json: device has other keys");
		}
		const json_t *items = json_object_get(in, "items");
		shape(json_is_object(items) && json_object_size(items) == 5, "json: items");
		const json_t *fs = json_object_get(in, "findings"), *f;
		shape(json_is_array(fs), "json: findings");
		json_array_foreach(fs, k, f) {
			static const char *const strs[] = {"rule", "name", "severity", "status",
							   "message", "fix"};
			for (size_t q = 0; q < ARRAY_SIZE(strs); q++)
				shape(json_is_string(json_object_get(f, strs[q])),
				      "json: a finding lacks a string field (message, fix…)");
			shape(is_str_or_null(json_object_get(f, "evidence")), "json: finding.evidence");
			shape(is_str_or_null(json_object_get(f, "item")), "json: finding.item");
			const json_t *ln = json_object_get(f, "line");
			if (!ln)
				ln = json_object_get(f, "packet");
			shape(!ln || (json_is_integer(ln) && json_integer_value(ln) >= 1),
			      "json: finding.line");
			/* A group keeps every occurrence (docs/report.md). */
			const json_t *cnt = json_object_get(f, "count");
			const json_t *occ = json_object_get(f, "occurrences");
			shape(json_is_integer(cnt) && json_integer_value(cnt) >= 1 && json_is_array(occ) &&
				      json_array_size(occ) == (size_t)json_integer_value(cnt),
			      "json: finding.count is not the number of occurrences");
		}
		const json_t *verdict = json_object_get(in, "verdict");
		shape(json_is_object(verdict) &&
			      json_is_string(json_object_get(verdict, "verdict")) &&
			      json_is_string(json_object_get(verdict, "text")),
		      "json: input.verdict");
		const json_t *t = json_object_get(in, "traffic");
		shape(t && (json_is_null(t) || json_is_object(t)), "json: input.traffic");
	}
}

/* What GitHub code scanning needs of each result. */
static void assert_sarif_shape(const json_t *root)
{
	const json_t *runs = json_object_get(root, "runs");
	const json_t *res = json_object_get(json_array_get(runs, 0), "results"), *r;
	size_t i;
	shape(json_is_array(res), "sarif: results");
	json_array_foreach(res, i, r) {
		shape(json_is_string(json_object_get(json_object_get(r, "message"), "text")),
		      "sarif: result.message.text");
		shape(json_is_string(json_object_get(json_object_get(r, "partialFingerprints"),
						     "primaryLocationLineHash")),
		      "sarif: result.partialFingerprints");
	}
}

/* Valid, printable, well-shaped reports. */
static void check_outputs(struct strbuf reps[NFORMATS])
{
	for (size_t k = 0; k < NFORMATS; k++) {
		const struct strbuf *r = &reps[k];
		if (!r->buf)
			die("a report is empty");
		assert_printable(formats[k], r->buf, r->len);
		if (!fmt_json(k))
			continue;
		json_error_t jerr;
		json_t *root = json_loadb(r->buf, r->len, 0, &jerr);
		if (!root) {
			fprintf(stderr, "%s: the %s report does not parse: %s (line %d)\n", FUZZ_NAME,
				formats[k], jerr.text, jerr.line);
			abort();
		}
		assert_json_strings(formats[k], root);
		if (strcmp(formats[k], "json") == 0)
			assert_json_shape(root);
		else
			assert_sarif_shape(root);
		json_decref(root);
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
	in.kind = &fuzz_parser->kind;
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
	check_outputs(reps);
	for (size_t k = 0; k < NFORMATS; k++)
		sb_free(&reps[k]);
	input_free(&in);
	return 0;
}
