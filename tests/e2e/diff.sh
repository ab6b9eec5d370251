#!/usr/bin/env bash
# tests/e2e/diff.sh BINARY — `edgelint diff` (issue 17 §3) end to end:
#  - every case of tests/e2e/diff/cases.tsv (pairs made by editing one line
#    of a sample; tests/e2e/diff/README.md says what was edited and the
#    answer) prints exactly tests/e2e/diff/NAME.txt and exits as written;
#  - its JSON (edgelint-diff/1) is valid against
#    tests/schema/edgelint-diff-1.schema.json and counts the same changes;
#    its SARIF passes tests/tools/validate-sarif.sh, with every result at a
#    line of the NEW file;
#  - files of different kinds or devices, and a file that is not an
#    office router's config, exit 2 with a message naming them.
# Prints "diff: N passed, M failed"; exit 1 when any failed.
set -u
BIN=${1:?usage: diff.sh BINARY}
SUBCMD=diff
# shellcheck source=tests/e2e/subcommand-lib.sh
. "$(dirname "$0")/subcommand-lib.sh"
VALIDATE="node tests/tools/validate-json.js tests/schema/edgelint-diff-1.schema.json"

sarifs=()
while IFS=$'\t' read -r name old new status rest; do
	case $name in '#'* | '') continue ;; esac
	args=()
	[ -n "$rest" ] && IFS=$'\t' read -r -a args <<<"$rest"
	"$BIN" diff "${args[@]}" "$old" "$new" >"$TMP/out" 2>"$TMP/err"
	check "diff $name: exit" "$status" $?
	if diff -u "tests/e2e/diff/$name.txt" "$TMP/out" >"$TMP/diff"; then ok; else
		bad "diff $name: output differs"; cat "$TMP/diff" "$TMP/err"; fi
	"$BIN" diff "$old" "$new" --format json >"$TMP/$name.json" 2>/dev/null
	check "diff $name: JSON exit" "$status" $?
	if $VALIDATE "$TMP/$name.json" >"$TMP/v" 2>&1; then ok; else bad "diff $name: schema"; cat "$TMP/v"; fi
	check "diff $name: JSON changes = text changes" \
		"$(grep -cE '^[^ ].*:[0-9]+: [a-z]+: |^[^ ].*: [^:]+: .*（IPv[46]）' "tests/e2e/diff/$name.txt")" \
		"$(jq '.changes | length' "$TMP/$name.json")"
	check "diff $name: JSON risky" "$([ "$status" = 1 ] && echo true || echo false)" "$(jq .risky "$TMP/$name.json")"
	"$BIN" diff "$old" "$new" --format sarif >"$TMP/$name.sarif" 2>/dev/null
	sarifs+=("$TMP/$name.sarif")
	# Every result is at a line of NEW that the JSON names (or line 1 when
	# the target is gone from NEW).
	check "diff $name: SARIF results at NEW's lines" \
		"$(jq -r '[.changes[] | (.new.line // 1)] | map(tostring) | join(" ")' "$TMP/$name.json")" \
		"$(jq -r '[.runs[0].results[].locations[0].physicalLocation.region.startLine] | map(tostring) | join(" ")' "$TMP/$name.sarif")"
	check "diff $name: SARIF uri is NEW" "$new" \
		"$(jq -r '[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri] | unique | if length == 0 then "'"$new"'" else .[0] end' "$TMP/$name.sarif")"
done <tests/e2e/diff/cases.tsv
if sh tests/tools/validate-sarif.sh "${sarifs[@]}" >"$TMP/v" 2>&1; then ok; else bad "diff: SARIF"; cat "$TMP/v"; fi

Y=samples/yamaha/rtx1210-rdp-forward-partner24-antispoof.cfg
bad_case kinds "samples/asa/asa-rdp-forward-any.cfg (cisco-asa, ASA5508) and $Y (yamaha-rtx, RTX1210) are not configs of the same kind of device" \
	samples/asa/asa-rdp-forward-any.cfg "$Y"
bad_case models "samples/yamaha/rtx830-pass-all-inbound.cfg (yamaha-rtx, RTX830) and $Y (yamaha-rtx, RTX1210) are not configs" \
	samples/yamaha/rtx830-pass-all-inbound.cfg "$Y"
bad_case not-office "samples/hostapd/two-bss-open-guest.conf: a hostapd.conf, not the config of an office router" \
	samples/hostapd/two-bss-open-guest.conf "$Y"
bad_case one-file "diff: give two files, OLD and NEW" "$Y"
bad_case missing "/nonexistent.cfg" "$Y" /nonexistent.cfg

echo "diff: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
