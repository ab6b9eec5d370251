#!/usr/bin/env bash
# tests/e2e/query.sh BINARY — `edgelint query` (issue 17 §4) end to end:
#  - every case of tests/e2e/query/cases.tsv prints exactly
#    tests/e2e/query/NAME.txt (answers written by hand from the configs:
#    tests/e2e/query/README.md says how each was read) and exits 0;
#  - its JSON (edgelint-query/1) is valid against
#    tests/schema/edgelint-query-1.schema.json and says the same
#    `accepted` and the same deciding lines as the text;
#  - bad input exits 2 with a message naming what is wrong.
# Prints "query: N passed, M failed"; exit 1 when any failed.
set -u
BIN=${1:?usage: query.sh BINARY}
SUBCMD=query
# shellcheck source=tests/e2e/subcommand-lib.sh
. "$(dirname "$0")/subcommand-lib.sh"
VALIDATE="node tests/tools/validate-json.js tests/schema/edgelint-query-1.schema.json"

while IFS=$'\t' read -r name file rest; do
	case $name in '#'* | '') continue ;; esac
	IFS=$'\t' read -r -a args <<<"$rest"
	"$BIN" query "$file" "${args[@]}" >"$TMP/out" 2>"$TMP/err"
	check "query $name: exit" 0 $?
	if diff -u "tests/e2e/query/$name.txt" "$TMP/out" >"$TMP/diff"; then ok; else
		bad "query $name: output differs"; cat "$TMP/diff"; fi
	"$BIN" query "$file" "${args[@]}" --format json >"$TMP/$name.json" 2>/dev/null
	if $VALIDATE "$TMP/$name.json" >"$TMP/v" 2>&1; then ok; else bad "query $name: schema"; cat "$TMP/v"; fi
	# The JSON says what the text says: the answer and the deciding lines.
	want=$(sed -n '1s/.*: \([^:]*\)$/\1/p' "tests/e2e/query/$name.txt")
	case $want in accepted | 受け付ける) want=true ;; *) want=false ;; esac
	check "query $name: JSON accepted" "$want" "$(jq -r .accepted "$TMP/$name.json")"
	check "query $name: JSON rule lines" \
		"$(grep -E '^    .*:[0-9]+: (pass|deny|通過|破棄): ' "tests/e2e/query/$name.txt" | sed -E 's/^    .*:([0-9]+): .*/\1/' | paste -sd' ')" \
		"$(jq -r '[.paths[].lines[] | select(.role == "rule") | .line] | map(tostring) | join(" ")' "$TMP/$name.json")"
done <tests/e2e/query/cases.tsv

# Bad input: exit 2 and a message naming the problem.
Y=samples/yamaha/rtx1210-rdp-forward-partner24-antispoof.cfg
bad_case address "--to 192.168.100.500: not an IPv4 or IPv6 address" "$Y" --to 192.168.100.500
bad_case port "the port is not a number from 0 to 65535" "$Y" --to 192.168.100.5:tcp/70000
bad_case proto "unknown protocol" "$Y" --to 192.168.100.5:foo/1
bad_case port-no-tcp "a port is given only with tcp or udp" "$Y" --to 192.168.100.5:esp/1
bad_case family "--from 2001:db8::1: not an IPv4 address" "$Y" --to 192.168.100.5 --from 2001:db8::1
bad_case iface 'has no internet-facing interface of that name; it has "pp 1"' "$Y" --in lan9 --to 192.168.100.5
bad_case kind "not the config of an office router or firewall (cisco-asa, yamaha-rtx, nec-ix, fortigate)" \
	samples/hostapd/two-bss-open-guest.conf --to 192.168.1.5
bad_case missing "/nonexistent.cfg" /nonexistent.cfg --to 192.168.1.5
bad_case no-to "give one FILE and --to" "$Y"
bad_case ja-iface 'その名前のインターネット側インターフェースはありません。あるのは "pp 1" です' \
	--lang ja "$Y" --in lan9 --to 192.168.100.5

# A quoted line holding a secret of the input is masked: the PPPoE password
# made equal to the partner range of filter 200050 (line 114).
sed 's|pp auth myname branch02@isp.example.jp FAKE-isp-pass-0002|pp auth myname branch02@isp.example.jp 203.0.113.0/24|' "$Y" >"$TMP/secret.cfg"
for fmt in text json; do
	EDGELINT_SECRET_ORACLE=fatal "$BIN" query "$TMP/secret.cfg" --to 192.168.100.50:tcp/3389 --from 203.0.113.9 \
		--format "$fmt" >"$TMP/out" 2>"$TMP/err"
	check "query secret ($fmt): exit" 0 $?
	if grep -qF '203.0.113.0/24' "$TMP/out"; then bad "query secret ($fmt): the password is printed"; else ok; fi
	if grep -qF 'ip filter 200050 pass **** 192.168.100.50 tcp * 3389' "$TMP/out"; then ok; else bad "query secret ($fmt): line 114 not quoted masked"; fi
done

# Options before the subcommand go to it: the same answer as after it
# (getopt must not read --to as an abbreviation of --today).
"$BIN" query --lang ja --today 2026-11-21 "$Y" --to 192.168.100.50:tcp/3389 >"$TMP/after" 2>&1
a=$?
"$BIN" --lang ja --today 2026-11-21 query "$Y" --to 192.168.100.50:tcp/3389 >"$TMP/before" 2>&1
check "query after options: exit" "$a" $?
if cmp -s "$TMP/after" "$TMP/before"; then ok; else bad "query after options differs: $(diff "$TMP/after" "$TMP/before" | head -3)"; fi
"$BIN" --lang en diff "$Y" "$Y" >"$TMP/before" 2>&1
check "diff after options: exit (no change)" 0 $?

echo "query: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
