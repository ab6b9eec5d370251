/*
 * parsers.c — the table of input formats built from parsers.def, and
 * detection by content.
 */
#include "parsers.h"

#include <string.h>

#define PARSER(sym) extern const struct parser parser_##sym;
#include "parsers.def"
#undef PARSER

const struct parser *const parsers[] = {
#define PARSER(sym) &parser_##sym,
#include "parsers.def"
#undef PARSER
};
const size_t nparsers = ARRAY_SIZE(parsers);

const struct parser *parser_by_name(const char *name)
{
	for (size_t i = 0; i < nparsers; i++)
		if (strcmp(parsers[i]->name, name) == 0)
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
