#!/bin/bash
# tests/refresh/run.sh — tools/refresh-data on the fixture feeds (SOURCES.md): the exact diff and
# notes written by hand (expected.diff, expected.stderr), nothing written to the rules, bad feeds
# refused with exit 2 and the file named, and README's data table equal to `--table` on the
# shipped data. Prints "refresh: N passed, M failed"; exit 1 on a failure.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
T=tests/refresh
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
RD=tools/refresh-data
before=$(cat $T/rules/firmware/*.yaml | sha256sum)
$RD --rules $T/rules --kev $T/feeds/kev.json --cve $T/feeds/CVE-2024-28015.json $T/feeds/CVE-2024-52564.json \
	--myjvn $T/feeds/myjvn-overview.xml --openwrt $T/feeds/versions.json --mikrotik $T/feeds/NEWEST7.stable $T/feeds/NEWEST6.long-term \
	>"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" -eq 0 ] && ok || bad "exit $rc"
if diff -u $T/expected.diff "$TMP/out" >"$TMP/d"; then ok; else bad "diff differs"; cat "$TMP/d"; fi
if diff -u $T/expected.stderr "$TMP/err" >"$TMP/d"; then ok; else bad "notes differ"; cat "$TMP/d"; fi
[ "$(cat $T/rules/firmware/*.yaml | sha256sum)" = "$before" ] && ok || bad "the tool wrote to the rules"
# The diff applies to the fixture rules (a copy) as it is.
cp -r $T/rules "$TMP/rules"
(cd "$TMP" && patch -s -p1 <"$TMP/out") && ok || bad "the diff does not apply"
# No feed: no diff.
[ -z "$($RD --rules $T/rules)" ] && ok || bad "a diff without feeds"
# Bad feeds: exit 2, the file named.
echo '{"vulnerabilities": 3}' >"$TMP/kev.json"
$RD --rules $T/rules --kev "$TMP/kev.json" >/dev/null 2>"$TMP/e"
[ $? -eq 2 ] && grep -q "no 'vulnerabilities' list" "$TMP/e" && ok || bad "bad KEV file"
echo 'not json' >"$TMP/x.json"
$RD --rules $T/rules --cve "$TMP/x.json" >/dev/null 2>"$TMP/e"
[ $? -eq 2 ] && grep -q "x.json" "$TMP/e" && ok || bad "unreadable CVE record"
printf '<rdf:RDF><item>\n' >"$TMP/cut.xml"
$RD --rules $T/rules --myjvn "$TMP/cut.xml" >/dev/null 2>"$TMP/e"
[ $? -eq 2 ] && grep -q "cut.xml" "$TMP/e" && ok || bad "a cut MyJVN file"
printf '%s\n' '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:status="http://jvndb.jvn.jp/myjvn/Status">' \
	'<status:Status version="3.3" method="getVulnOverviewList" retCd="1" errCd="XX00000001" errMsg="feed error"/></rdf:RDF>' >"$TMP/err.xml"
$RD --rules $T/rules --myjvn "$TMP/err.xml" >/dev/null 2>"$TMP/e"
[ $? -eq 2 ] && grep -q "err.xml: MyJVN answered an error: retCd 1, errCd XX00000001: feed error" "$TMP/e" && ok || bad "a MyJVN error answer"
printf '7.20.2\n' >"$TMP/NEWEST7.stable"
$RD --rules $T/rules --mikrotik "$TMP/NEWEST7.stable" >/dev/null 2>"$TMP/e"
[ $? -eq 2 ] && grep -q "expected '<version> <unix time>'" "$TMP/e" && ok || bad "bad NEWEST file"
cp $T/feeds/NEWEST7.stable "$TMP/latest.txt"
$RD --rules $T/rules --mikrotik "$TMP/latest.txt" >/dev/null 2>"$TMP/e"
[ $? -eq 2 ] && grep -q "not a MikroTik NEWEST" "$TMP/e" && ok || bad "bad NEWEST file name"
# The table on the fixture rules, written by hand: nec 2 models without an advisory, iodata 1
# with one, cisco 1 device and 4 advisories; every source "test".
$RD --rules $T/rules --table >"$TMP/ft"
if diff -u $T/expected-table.md "$TMP/ft" >"$TMP/d"; then ok; else bad "table of the fixture rules"; cat "$TMP/d"; fi
# README's data table is the one computed from the shipped data.
$RD --table >"$TMP/table"
sed -n '/^<!-- refresh-data --table -->$/,/^<!-- end -->$/p' README.md | sed '1d;$d' >"$TMP/readme-table"
if [ -s "$TMP/readme-table" ] && diff -u "$TMP/table" "$TMP/readme-table" >"$TMP/d"; then ok
else bad "README data table differs from tools/refresh-data --table"; cat "$TMP/d"; fi
echo "refresh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
