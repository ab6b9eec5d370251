#!/usr/bin/env bash
# tests/docs/run.sh BINARY — the documentation tests (part of make test):
#   tests/docs/examples.py    every example block of README.md, README.ja.md and
#                             docs/*.md is what BINARY prints (make docs-examples
#                             rewrites them on purpose)
#   tests/docs/check-docs.py  README.ja.md keeps README.md's headings and example
#                             blocks; docs/json.md names every JSON field; the
#                             command-line block names every option of --help
set -u
BIN=${1:?usage: run.sh BINARY}
HERE=$(cd "$(dirname "$0")" && pwd)
rc=0
python3 "$HERE/examples.py" "$BIN" || rc=1
if [ -f "$HERE/check-docs.py" ]; then python3 "$HERE/check-docs.py" "$BIN" || rc=1; fi
exit $rc
