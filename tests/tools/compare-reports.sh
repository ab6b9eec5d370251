#!/usr/bin/env bash
# tests/tools/compare-reports.sh — byte-identity of two edgelint binaries:
# for a structure move (a pure refactoring) every report must stay the same.
#
#   bash tests/tools/compare-reports.sh BASE NEW FILE...
#
# Runs BASE and NEW on every FILE, one file per run, in every report format
# (text, json, sarif, and ndjson when both binaries accept it) and both
# languages (--lang ja, --lang en), with a fixed --today, once per option
# set of OPTS (default: none, then "--max-flows 16 --max-memory 8" to reach
# the flow table's eviction and budget paths on captures). Compares
# standard output, standard error (the binary's path edited out) and the
# exit code byte for byte; prints each difference (a diff of the first
# lines) and a summary. Exit 0 when everything is identical, 1 otherwise,
# 2 on a usage error.
#
# Environment: FORMATS, LANGS (space-separated) narrow the runs; OPTS holds
# option sets separated by ';' (OPTS="": no option only); TODAY
# (default 2026-11-21, the date of tests/e2e/run.sh); EDGELINT_RULES
# (default: rules/ of this repository).
#
# Build BASE from the commit before the move, e.g.
#   git stash; make edgelint && cp edgelint /tmp/edgelint-base; git stash pop
#   make edgelint
#   bash tests/tools/compare-reports.sh /tmp/edgelint-base ./edgelint \
#     $(find samples tests ../shared/corpus -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.gz' \) | sort)
set -u
if [ $# -lt 3 ]; then
	echo "usage: compare-reports.sh BASE NEW FILE..." >&2
	exit 2
fi
BASE=$1 NEW=$2
shift 2
for b in "$BASE" "$NEW"; do
	[ -x "$b" ] || { echo "compare-reports: $b is not an executable" >&2; exit 2; }
done
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export EDGELINT_RULES=${EDGELINT_RULES:-$ROOT/rules}
TODAY=${TODAY:-2026-11-21}
LANGS=${LANGS:-ja en}
OPTS=${OPTS-";--max-flows 16 --max-memory 8"}
if [ -z "${FORMATS:-}" ]; then
	FORMATS="text json sarif"
	# ndjson only when both binaries know it (it is newer than some bases).
	if "$BASE" --format ndjson --version >/dev/null 2>&1 &&
	   "$NEW" --format ndjson --version >/dev/null 2>&1; then
		FORMATS="$FORMATS ndjson"
	fi
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run BIN TAG FILE FORMAT LANG OPTS...: stdout, stderr (binary path
# replaced by BIN) and exit code into $TMP/TAG.{out,err,rc}.
run() {
	local bin=$1 tag=$2 file=$3 fmt=$4 lang=$5
	shift 5
	"$bin" --today "$TODAY" --format "$fmt" --lang "$lang" "$@" "$file" \
		>"$TMP/$tag.out" 2>"$TMP/$tag.err"
	echo $? >"$TMP/$tag.rc"
	sed -i "s#$bin#BIN#g" "$TMP/$tag.err"
}

runs=0 diffs=0
# The option sets: the fields of OPTS between ';' (OPTS="": one, empty).
optsets=()
rest=$OPTS
while :; do
	optsets+=("${rest%%;*}")
	[ "$rest" = "${rest#*;}" ] && break
	rest=${rest#*;}
done
for f in "$@"; do
	for opts in "${optsets[@]}"; do
		# shellcheck disable=SC2206
		o=($opts)
		for fmt in $FORMATS; do
			for lang in $LANGS; do
				run "$BASE" base "$f" "$fmt" "$lang" "${o[@]}"
				run "$NEW" new "$f" "$fmt" "$lang" "${o[@]}"
				runs=$((runs + 1))
				same=1
				for x in out err rc; do
					cmp -s "$TMP/base.$x" "$TMP/new.$x" || same=0
				done
				if [ $same = 0 ]; then
					diffs=$((diffs + 1))
					echo "DIFFERS: $f --format $fmt --lang $lang ${opts}"
					for x in rc out err; do
						diff "$TMP/base.$x" "$TMP/new.$x" | head -20
					done
				fi
			done
		done
	done
done
echo "compare-reports: $# files, formats: $FORMATS, languages: $LANGS, $runs runs, $diffs differ"
[ $diffs = 0 ]
