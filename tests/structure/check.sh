#!/usr/bin/env bash
# tests/structure/check.sh — the layering rules of issue 13, checked on the
# sources (part of make test; a second at most):
#  1. checks, reporters and the model read the model only: no file under
#     src/checks/, src/report/ nor src/model.[ch] includes a header of
#     parsers/ or names struct parser (they read in->kind, struct
#     input_kind, model.h);
#  2. no file outside parsers/ compares a kind name ("router-facts",
#     "openwrt"…, the names in the parser table) on a line about a kind,
#     nor looks a parser up by a name written in the code
#     (parser_by_name("openwrt")): what the core asks of a format is a
#     field of its entry in the table;
#  3. every format of parsers/parsers.def has its file parsers/<sym>.c
#     defining parser_<sym>;
#  4. a .c or .h file over 1,000 lines says why in its header comment (the
#     comment that opens the file), on a line starting "Length:".
# Usage: tests/structure/check.sh [ROOT] (default: the repository this
# script is in). Prints each offending file and exits 1 when any.
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 2
fail=0
bad() { printf 'structure: %s\n' "$*"; fail=1; }

# Files over MAX_LINES known before the rule, to be given their "Length:"
# line (or split) by their owners; the lead empties this list.
MAX_LINES=1000
LONG_ALLOWED=""

# 1. The model, the checks and the reporters (code lines, not comments).
model_side=$(ls src/checks/*.[ch] src/report/*.[ch] src/model.c src/model.h 2>/dev/null)
grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]*/)?parsers/' $model_side |
	sed 's/^/includes a parser header: /' | grep . && fail=1
grep -nE '\bstruct[[:space:]]+parser\b' $model_side | grep -vE '^[^:]*:[0-9]+:[[:space:]]*(\*|/\*|//)' |
	sed 's/^/names struct parser: /' | grep . && fail=1

# 2. Kind names compared, or looked up by a literal, outside parsers/.
syms=$(sed -n 's/^PARSER(\([a-z0-9_]*\)[,)].*/\1/p' parsers/parsers.def)
kinds=$(for sym in $syms; do
	awk '/^const struct parser parser_/ { on = 1 } on && /\.name = "/ { print; exit }' \
		"parsers/$sym.c" | sed 's/.*\.name = "\([^"]*\)".*/\1/'
done)
[ -n "$kinds" ] || bad "no kind name found in parsers/*.c (.name = \"…\" in the table entries)"
alt=$(printf '%s\n' $kinds | sed 's/[.[\*^$]/\\&/g' | paste -sd'|')
src_files=$(find src -name '*.[ch]' | sort)
grep -nE "(str(n|case|ncase)?cmp|memcmp)[[:space:]]*\(.*\"($alt)\"" $src_files | grep -iE 'kind' |
	sed 's/^/compares a kind name: /' | grep . && fail=1
grep -nE '(parser_by_name|input_kind_named)[[:space:]]*\([[:space:]]*"' $src_files |
	sed 's/^/looks a format up by a name in the code: /' | grep . && fail=1

# 3. One file per format.
for sym in $syms; do
	grep -q "^const struct parser parser_$sym = {" "parsers/$sym.c" 2>/dev/null ||
		bad "parsers.def names $sym, but parsers/$sym.c does not define parser_$sym"
done

# 3b. One way to count an array (issue 13 §3): ARRAY_SIZE, never the
# division by hand; no atoi/atol on input (checked number readers instead).
grep -nE 'sizeof[[:space:]]*\(?[[:space:]]*([A-Za-z_][A-Za-z_0-9]*)[[:space:]]*\)?[[:space:]]*/[[:space:]]*sizeof[[:space:]]*\(?[[:space:]]*\1[[:space:]]*\[0\]' \
	$(find src parsers tests/unit tests/fuzz -name '*.[ch]' | sort) | grep -v 'define ARRAY_SIZE' |
	sed 's/^/counts an array by hand (use ARRAY_SIZE): /' | grep . && fail=1
grep -nE '(^|[^_[:alnum:]])ato(i|l|ll)[[:space:]]*\(' $(find src parsers -name '*.[ch]' | sort) |
	sed 's/^/reads a number with atoi (use a checked reader): /' | grep . && fail=1

# 4. Long files say why.
while read -r n f; do
	[ "$f" != total ] && [ "$n" -gt "$MAX_LINES" ] || continue
	# The header comment: from the first line to the first "*/".
	if awk 'NR == 1 && !/^\/\*/ { exit 1 } { if ($0 ~ /^[[:space:]]*\*?[[:space:]]*Length:/) found = 1 }
		/\*\// { exit found ? 0 : 1 }' "$f"; then
		continue
	fi
	if printf '%s\n' $LONG_ALLOWED | grep -qxF "$f"; then
		continue
	fi
	bad "$f: $n lines (over $MAX_LINES) and its header comment has no \"Length:\" line saying why"
done < <(find src parsers tests -name '*.[ch]' -not -path '*/node_modules/*' -print0 | sort -z |
	 xargs -0 wc -l)
for f in $LONG_ALLOWED; do
	[ -f "$f" ] && [ "$(wc -l <"$f")" -gt "$MAX_LINES" ] ||
		echo "structure: note: $f is no longer over $MAX_LINES lines; take it off LONG_ALLOWED"
done

if [ "$fail" = 0 ]; then
	echo "structure: checks, reporters and model read the model only; no kind name compared" \
		"outside parsers/; long files listed ($(printf '%s\n' $LONG_ALLOWED | grep -c .) still" \
		"to give a reason)"
fi
exit "$fail"
