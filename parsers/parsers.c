/*
 * parsers.c — the table of input formats built from parsers.def,
 * detection by content, and what --help and messages say of the formats.
 */
#include "parsers.h"

#include <string.h>

#define PARSER(sym, place) extern const struct parser parser_##sym;
#include "parsers.def"
#undef PARSER

const struct parser *const parsers[] = {
#define PARSER(sym, place) &parser_##sym,
#include "parsers.def"
#undef PARSER
};
const size_t nparsers = ARRAY_SIZE(parsers);

/* A place given twice is an initializer overridden (-Woverride-init,
 * part of -Wextra, an error with -Werror); a place left out makes the
 * array longer than the table or leaves a NULL in it (the assertion
 * below and tests/structure/check.sh). */
const struct parser *const parsers_shown[] = {
#define PARSER(sym, place) [(place) - 1] = &parser_##sym,
#include "parsers.def"
#undef PARSER
};
_Static_assert(sizeof(parsers_shown) == sizeof(parsers),
	       "parsers.def: the places must be 1, 2, ... (each once)");

int probe_count(const char *head, size_t n, bool (*header)(const char *ls, size_t len),
		const struct probe_start *starts, size_t nstarts)
{
	size_t pos = 0, len;
	const char *ls;
	int hits = 0;
	while (probe_line(head, n, &pos, &ls, &len)) {
		if (header(ls, len))
			return -1;
		for (size_t i = 0; i < nstarts; i++)
			if (probe_starts(ls, len, starts[i].prefix, starts[i].skip_blank)) {
				hits++;
				break;
			}
	}
	return hits;
}

void *parse_state_new(struct input *in, size_t size)
{
	void *s = arena_alloc(&in->arena, size);
	if (!s)
		input_fail(in, "out of memory", "メモリが足りません");
	return s;
}

bool parse_binary(struct input *in, const char *en, const char *ja)
{
	if (!memchr(in->data, '\0', in->len))
		return false;
	input_fail(in, "%s%.0s", "%.0s%s", en, ja);
	return true;
}

const struct parser *parser_by_name(const char *name)
{
	for (size_t i = 0; i < nparsers; i++)
		if (strcmp(parsers[i]->kind.name, name) == 0)
			return parsers[i];
	return NULL;
}

const struct input_kind *input_kind_named(const char *name)
{
	const struct parser *p = parser_by_name(name);
	return p ? &p->kind : NULL;
}

const struct parser *parser_of(const struct input_kind *kind)
{
	for (size_t i = 0; kind && i < nparsers; i++)
		if (&parsers[i]->kind == kind)
			return parsers[i];
	return NULL;
}

const struct parser *parser_detect(const char *head, size_t n)
{
	const struct parser *best = NULL;
	int best_score = 0;
	for (size_t i = 0; i < nparsers; i++) {
		int s = parsers[i]->probe(head, n);
		if (s > best_score) {
			best = parsers[i];
			best_score = s;
		}
	}
	return best;
}

const struct parser *parser_backup_dir(int dirfd, const char *rel)
{
	for (size_t i = 0; i < nparsers; i++)
		if (parsers[i]->backup && bundle_dir_is_backup(dirfd, rel, parsers[i]->backup))
			return parsers[i];
	return NULL;
}

const struct parser *parser_backup_default(void)
{
	for (size_t i = 0; i < nparsers; i++)
		if (parsers[i]->backup)
			return parsers[i];
	return NULL;
}

const struct parser *parser_live(void)
{
	for (size_t i = 0; i < nparsers; i++)
		if (parsers[i]->live)
			return parsers[i];
	return NULL;
}

/* The English article before word: "an" before a vowel letter. */
static const char *article(const char *word)
{
	return word[0] && strchr("AEIOUaeiou", word[0]) ? "an" : "a";
}

/* Appends item k of n to a list: English "A, B or C", Japanese "A か B"
 * for two and "A・B・C" for more. */
static int list_add(struct strbuf *en, struct strbuf *ja, size_t k, size_t n, const char *e,
		    const char *j)
{
	const char *sep_en = k == 0 ? "" : k + 1 == n ? " or " : ", ";
	const char *sep_ja = k == 0 ? "" : n == 2 ? " か " : "・";
	return sb_printf(en, "%s%s", sep_en, e) < 0 || sb_printf(ja, "%s%s", sep_ja, j) < 0
		       ? EL_ENOMEM
		       : 0;
}

int parsers_backups(struct strbuf *en, struct strbuf *ja, bool with_article)
{
	size_t n = 0, k = 0;
	for (size_t i = 0; i < nparsers; i++)
		n += parsers_shown[i]->backup != NULL;
	for (size_t i = 0; i < nparsers; i++) {
		const struct parser *p = parsers_shown[i];
		if (!p->backup)
			continue;
		if (k == 0 && with_article && sb_printf(en, "%s ", article(p->backup_label)) < 0)
			return EL_ENOMEM;
		if (list_add(en, ja, k++, n, p->backup_label, p->backup_label_ja))
			return EL_ENOMEM;
	}
	return 0;
}

/* Whether two formats are listed in one phrase ("a … config"). */
static bool same_what(const struct parser *a, const struct parser *b)
{
	return a->what && b->what && strcmp(a->what, b->what) == 0;
}

int parsers_expected(struct strbuf *en, struct strbuf *ja)
{
	size_t groups = 0;
	for (size_t i = 0; i < nparsers; i++)
		groups += i == 0 || !same_what(parsers_shown[i - 1], parsers_shown[i]);
	size_t g = 0;
	for (size_t i = 0; i < nparsers; g++) {
		size_t end = i + 1;
		while (end < nparsers && same_what(parsers_shown[end - 1], parsers_shown[end]))
			end++;
		const struct parser *first = parsers_shown[i];
		const char *sep_en = g == 0 ? "" : g + 1 == groups ? " or " : ", ";
		if (sb_printf(en, "%s%s ", sep_en, article(first->expect)) < 0 ||
		    sb_adds(ja, g == 0 ? "" : "、") < 0)
			return EL_ENOMEM;
		for (size_t k = i; k < end; k++)
			if (list_add(en, ja, k - i, end - i, parsers_shown[k]->expect,
				     parsers_shown[k]->expect_ja))
				return EL_ENOMEM;
		if (first->what && (sb_printf(en, " %s", first->what) < 0 ||
				    sb_printf(ja, " の%s", first->what_ja) < 0))
			return EL_ENOMEM;
		i = end;
	}
	return 0;
}
