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
