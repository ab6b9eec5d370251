# tests/e2e/subcommand-lib.sh — sourced by query.sh and diff.sh (issue 17
# §3-§4), the end-to-end tests of `edgelint SUBCMD`: with SUBCMD and BIN
# set, it moves to the repository root and gives them a temporary folder
# ($TMP, removed on exit), the pass/fail counts and their helpers:
#   ok, bad MESSAGE, check NAME EXPECTED GOT,
#   bad_case NAME EXPECTED-STDERR-SUBSTRING ARGS...  ("$BIN" SUBCMD ARGS
#     exits 2, prints nothing on stdout and says EXPECTED on stderr).
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if [ "$2" = "$3" ]; then ok; else bad "$1: expected [$2], got [$3]"; fi; }
bad_case() {
	local n=$1 want=$2
	shift 2
	"$BIN" "$SUBCMD" "$@" >"$TMP/out" 2>"$TMP/err"
	check "$SUBCMD bad $n: exit" 2 $?
	if grep -qF -- "$want" "$TMP/err"; then ok; else bad "$SUBCMD bad $n: stderr lacks [$want]: $(cat "$TMP/err")"; fi
	check "$SUBCMD bad $n: nothing on stdout" "" "$(cat "$TMP/out")"
}
