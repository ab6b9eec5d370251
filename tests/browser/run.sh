#!/usr/bin/env bash
# tests/browser/run.sh BINARY — the HTML report in a real browser (issue 20
# §2): Debian's chromium, headless, driven by tests/browser/cdp.js (Node's
# own WebSocket, no npm package), with the network cut off. For every
# sample family, in English and Japanese, one report of all its files (an
# OpenWrt file alone: OpenWrt files given together are one router): no
# console message, no request, the DOM holds the statuses and findings of
# the intended TSVs (tests/browser/check.py says which), the PDF prints with
# the expected page count. A screenshot (PNG) and the PDF of each report are
# written under build/browser/ for people to look at. A planted page with a
# console error and a request shows that both are caught.
set -u
BIN=${1:?usage: run.sh BINARY}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
CHROMIUM=${CHROMIUM:-$(command -v chromium || true)}
[ -n "$CHROMIUM" ] || { echo "browser: chromium is missing (make test-deps)"; exit 1; }
OUT=build/browser
rm -rf "$OUT"
mkdir -p "$OUT"
TODAY=2026-11-21
el() { "$BIN" --today "$TODAY" --rules "$ROOT/rules" "$@"; }

jobs="["
add() {   # add HTML LANG INPUTS [PAGES]
	[ "$jobs" = "[" ] || jobs+=","
	local base=${1%.html}
	jobs+="{\"html\":\"$1\",\"lang\":\"$2\",\"inputs\":$3,\"png\":\"$base.png\",\"pdf\":\"$base.pdf\""
	[ -n "${4:-}" ] && jobs+=",\"pages\":$4"
	jobs+="}"
}
for dir in samples/*/; do
	fam=$(basename "$dir")
	mapfile -t F < <(find "$dir" -type f ! -name SOURCES.md ! -name ANSWERS.tsv ! -name '*.md' -printf '%P\n' | sort)
	for lang in en ja; do
		if [ "$fam" = openwrt ]; then
			for f in "${F[@]}"; do
				el --format html --lang "$lang" "samples/$fam/$f" >"$OUT/$fam-$f.$lang.html" 2>/dev/null
				add "$OUT/$fam-$f.$lang.html" "$lang" 1
			done
		else
			el --format html --lang "$lang" "${F[@]/#/samples/$fam/}" >"$OUT/$fam.$lang.html" 2>/dev/null
			add "$OUT/$fam.$lang.html" "$lang" "${#F[@]}"
		fi
	done
done
# One small input: the cover, then its page (A4).
el --format html samples/facts/buffalo-wpa3-strong.yaml >"$OUT/one.en.html"
add "$OUT/one.en.html" en 1 2
printf '<!DOCTYPE html><html lang="en"><title>planted</title><img src="http://example.invalid/x.png" alt=""><script>console.error("planted")</script></html>\n' >"$OUT/planted.html"
jobs+=",{\"html\":\"$OUT/planted.html\",\"lang\":\"en\",\"inputs\":0,\"planted\":true}]"
printf '%s\n' "$jobs" >"$OUT/jobs.json"
if ! timeout 900 node --experimental-websocket --no-warnings tests/browser/cdp.js "$CHROMIUM" \
	"$OUT/jobs.json" "$OUT/results.json"; then
	echo "browser: cdp.js failed"
	exit 1
fi
python3 tests/browser/check.py "$OUT/results.json" "$OUT/jobs.json"
