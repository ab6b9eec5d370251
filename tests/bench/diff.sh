#!/usr/bin/env bash
# tests/bench/diff.sh BINARY — figures for `edgelint diff` (issue 17 §3;
# make bench). Generates a Cisco ASA running-config with 20k ACL lines with
# the generator of tests/bench/asa.sh (its gen function, read from that
# file so that both time the same shape: nested object-groups, 800 object
# NAT statics, 50 twice NAT forwards), and a copy in which 1% of the ACL
# lines (every 100th access-list line) has its action reversed (permit <->
# deny). Times `edgelint diff OLD NEW --format json` (best of 3, wall and
# CPU: on a shared machine wall time also counts waiting) and the full
# analysis of NEW alone beside it, and prints the number of changes found.
# Target: under 2 s for the diff. Figures, not a test: nothing here passes
# or fails. BENCH_DIFF_SIZES overrides the sizes (ACL lines).
set -eu
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# The generator: the gen() function of asa.sh, as it is there.
eval "$(sed -n '/^gen() {/,/^}/p' "$HERE/asa.sh")"

best3() { # CMD...: prints "wall cpu" of the fastest of 3 runs
	local best=999999 cpu=0
	for _ in 1 2 3; do
		/usr/bin/time -q -f '%e %U %S' -o "$TMP/t" "$@" >/dev/null 2>&1 || true
		read -r s us ss < <(tail -1 "$TMP/t")
		if awk -v a="$best" -v b="$s" 'BEGIN{exit !(b<a)}'; then
			best=$s; cpu=$(awk -v u="$us" -v y="$ss" 'BEGIN{printf "%.2f", u+y}')
		fi
	done
	echo "$best $cpu"
}

printf '| ACL lines | lines changed | changes found | diff s (best of 3) | diff CPU s | analysis of NEW alone s |\n|---|---|---|---|---|---|\n'
for n in ${BENCH_DIFF_SIZES:-20000}; do
	gen "$n"
	old=$TMP/a$n.cfg
	new=$TMP/b$n.cfg
	awk '/^access-list outside_in extended / && ++k % 100 == 0 {
		if (sub(/ extended permit /, " extended deny ")) { changed++ }
		else if (sub(/ extended deny /, " extended permit ")) { changed++ }
	} { print } END { print changed > "/dev/stderr" }' "$old" >"$new" 2>"$TMP/changed"
	"$BIN" diff --format json "$old" "$new" >"$TMP/d.json" 2>/dev/null || true
	found=$(jq '.changes | length' "$TMP/d.json" 2>/dev/null || echo "?")
	read -r dw dc < <(best3 "$BIN" diff --format json "$old" "$new")
	read -r aw _ < <(best3 "$BIN" --today 2026-11-21 --format json "$new")
	printf '| %d | %s | %s | %s | %s | %s |\n' "$n" "$(cat "$TMP/changed")" "$found" "$dw" "$dc" "$aw"
done
