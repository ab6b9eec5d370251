# shellcheck shell=bash
# tests/bench/lib.sh — sourced by the bench scripts.
#
# timed OUT CMD...: runs CMD once under GNU time, writing "wall-seconds
# peak-KiB" to OUT (stdout discarded, stderr kept in OUT.err). edgelint
# exits 0 or 1 on a run that went through (1: an item failed); anything
# above is an input or usage error, or a crash: the bench stops and says
# so, so that a run that did nothing is never printed as a figure.
timed() {
	local out=$1
	shift
	local rc=0
	/usr/bin/time -q -f '%e %M' -o "$out" "$@" >/dev/null 2>"$out.err" || rc=$?
	if [ "$rc" -gt 1 ]; then
		echo "bench: $* exited $rc: $(head -c 400 "$out.err")" >&2
		exit 1
	fi
}

# best_of FILE: runs "$BIN" --today "$BENCH_TODAY" --format json FILE up
# to $runs times under GNU time and `timeout $LIMIT` (asa.sh, ix.sh,
# fortigate.sh). Sets best (wall seconds of the fastest run, or "> LIMIT
# (stopped)"), cpu (user + system seconds of that run, "-" when stopped),
# rss (its peak KiB) and note (" (1 run)" when the first run took over
# 30 s and was not repeated). A run that exits above 1 stops the bench
# with its standard error: a run that did nothing is never a figure.
# (runs comes from the caller; best, cpu, rss and note are for it.)
# shellcheck disable=SC2034,SC2154
best_of() {
	local f=$1 r rc s kib us ss
	best=999999; rss=0; cpu=0; note=""
	for r in $(seq 1 "$runs"); do
		rc=0
		/usr/bin/time -q -f '%e %M %U %S' -o "$TMP/t" timeout "$LIMIT" "$BIN" --today "$BENCH_TODAY" \
			--format json "$f" >/dev/null 2>"$TMP/err" || rc=$?
		read -r s kib us ss < <(tail -1 "$TMP/t")
		if [ "$rc" = 124 ]; then best="> $LIMIT (stopped)"; rss="> $kib"; cpu="-"; break; fi
		if [ "$rc" -gt 1 ]; then
			echo "bench: $BIN exited $rc on $f: $(head -c 400 "$TMP/err")" >&2
			exit 1
		fi
		if awk -v a="$best" -v b="$s" 'BEGIN{exit !(b<a)}'; then
			best=$s; rss=$kib; cpu=$(awk -v u="$us" -v y="$ss" 'BEGIN{printf "%.2f", u+y}')
		fi
		if awk -v b="$s" 'BEGIN{exit !(b>30)}'; then [ "$r" = 1 ] && note=" (1 run)"; break; fi
	done
}

# md_head WHAT: the head of that table, WHAT naming N ("ACL lines").
md_head() {
	printf '| %s | lines | bytes | edgelint s (best of %d) | CPU s (user+sys) | lines/s | peak RSS KiB | cat s |\n|---|---|---|---|---|---|---|---|\n' "$1" "$runs"
}

# md_row N FILE: best_of FILE, then the markdown row of the table asa.sh
# and ix.sh print: N, lines, bytes, best wall s (and note), CPU s,
# lines/s, peak KiB and the seconds `cat` takes on FILE (the floor).
md_row() {
	local n=$1 f=$2 lines bytes lps
	lines=$(wc -l <"$f")
	bytes=$(stat -c %s "$f")
	best_of "$f"
	/usr/bin/time -f '%e' -o "$TMP/c" cat "$f" >/dev/null
	lps=$(awk -v l="$lines" -v s="$best" 'BEGIN{ if (s+0>0 && s !~ />/) printf "%.0f", l/s; else print "-" }')
	printf '| %d | %d | %d | %s%s | %s | %s | %s | %s |\n' "$n" "$lines" "$bytes" "$best" "$note" "$cpu" "$lps" "$rss" "$(cat "$TMP/c")"
}
