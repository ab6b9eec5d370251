#!/usr/bin/env bash
# tests/docs/run.sh BINARY — the documentation tests (part of make test):
#   tests/docs/examples.py    every example block of README.md, README.ja.md and
#                             docs/*.md is what BINARY prints (make docs-examples
#                             rewrites them on purpose)
#   tests/docs/check-docs.py  README.ja.md keeps README.md's headings and example
#                             blocks; docs/json.md names every JSON field; the
#                             command-line block names every option of --help
#   the man pages render (groff -ww, man ./edgelint.1)
set -u
BIN=${1:?usage: run.sh BINARY}
HERE=$(cd "$(dirname "$0")" && pwd)
rc=0
python3 "$HERE/examples.py" "$BIN" || rc=1
python3 "$HERE/check-docs.py" "$BIN" || rc=1
# The Japanese man page renders without a warning: CJK line breaking (ja.tmac,
# loaded by the page) and no justification. (tests/e2e/run.sh checks edgelint.1.)
# `man ./edgelint.1` and `man ./man/ja/edgelint.1` work in the source tree.
ROOT=$(cd "$HERE/../.." && pwd)
if command -v groff >/dev/null; then
	err=$(LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z "$ROOT/man/ja/edgelint.1" 2>&1)
	if [ -n "$err" ]; then echo "FAIL: man/ja/edgelint.1 renders with warnings:"; echo "$err" | head; rc=1
	else echo "docs: man/ja/edgelint.1 renders without warnings"; fi
fi
if command -v man >/dev/null; then
	for page in edgelint.1 man/ja/edgelint.1; do
		out=$(cd "$ROOT" && LC_ALL=C.UTF-8 MANWIDTH=80 MANPAGER=cat PAGER=cat man "./$page" 2>/dev/null | head -1)
		case $out in
		EDGELINT\(1\)*) echo "docs: man ./$page works" ;;
		*) echo "FAIL: man ./$page printed [$out]"; rc=1 ;;
		esac
	done
fi
exit $rc
