#!/usr/bin/env bash
# tests/e2e/html.sh BINARY — `--format html` (issue 20 §1) end to end:
#  - hostile values: `<script>`, both quotes and `&` in an SSID, a model, an
#    inside host name (an OpenWrt forward's dest_ip) and two file names come
#    out as HTML character references (the HTML standard's escapes of & < > "
#    '), in English and Japanese; no `<script` anywhere; the Wi-Fi passphrase
#    (holding < > & " ') is in the report neither raw nor escaped, and the
#    secret oracle (EDGELINT_SECRET_ORACLE=fatal) does not abort;
#  - every sample family, both languages: one self-contained document
#    (<!DOCTYPE html>, <html lang>, </html> at the end; no script, no
#    element or CSS that fetches anything: src=, <link>, url(, @import,
#    an http(s) href), every label found in rules/ (no "html-" id printed),
#    A4 print CSS; and it shows what the JSON of the same run says: one
#    section per input, one finding per JSON finding, the same five item
#    statuses per input.
# What the statuses and findings of each sample should be is checked
# against the intended TSVs in the browser (tests/browser/run.sh).
# Prints "html: N passed, M failed"; exit 1 when any failed.
set -u
BIN=${1:?usage: html.sh BINARY}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
TODAY=2026-11-21
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if [ "$2" = "$3" ]; then ok; else bad "$1: expected [$2], got [$3]"; fi; }
el() { "$BIN" --today "$TODAY" --rules "$ROOT/rules" "$@"; }
has() { if grep -qF -- "$2" "$3"; then ok; else bad "$1: [$2] missing"; fi; }
hasnt() { if grep -qiF -- "$2" "$3"; then bad "$1: [$2] printed"; else ok; fi; }

# ---- the labels: English and Japanese with the same placeholders ----------
check "html-* labels: same placeholders in en and ja" "" "$(python3 - <<'PY'
import re, yaml
w = yaml.safe_load(open("rules/report.yaml", encoding="utf-8"))["words"]
for k, v in sorted(w.items()):
    if k.startswith("html-") and sorted(re.findall(r"\{[a-z_]+\}", v["en"])) != sorted(re.findall(r"\{[a-z_]+\}", v["ja"])):
        print(k)
PY
)"

# ---- hostile values ---------------------------------------------------------
H=$TMP/hx
mkdir -p "$H"
sed "s/option dest_ip '192.168.1.20'/option dest_ip '<script>\"\&nas'/" \
	samples/openwrt/firewall-wan-ssh-redirect.uci >"$H/fw<script>&'x\".uci"
cat >"$H/facts<script>&'\".yaml" <<'EOF'
router:
  vendor: buffalo
  model: "WSR<script>&'\"X"
  firmware_version: "1.09"
wifi:
  - ssid: "<script>alert(\"ssid\")</script> & 'x'"
    security: wpa2-personal
    cipher: aes
    passphrase: "Zq<p>&\"9'L"
EOF
for lang in en ja; do
	o=$TMP/hostile.$lang.html
	(cd "$H" && EDGELINT_SECRET_ORACLE=fatal el --format html --lang "$lang" ./* >"$o" 2>"$TMP/err")
	check "hostile ($lang): exit (items fail, no oracle abort)" 1 "$?"
	if grep -qE 'runtime error|Sanitizer' "$TMP/err"; then bad "hostile ($lang): sanitizer: $(head -c 400 "$TMP/err")"; else ok; fi
	has "SSID escaped ($lang)" '&lt;script&gt;alert(&quot;ssid&quot;)&lt;/script&gt; &amp; &#39;x&#39;' "$o"
	has "host name escaped ($lang)" '&lt;script&gt;&quot;&amp;nas' "$o"
	has "model escaped ($lang)" 'WSR&lt;script&gt;&amp;&#39;&quot;X' "$o"
	has "file name escaped ($lang)" './fw&lt;script&gt;&amp;&#39;x&quot;.uci' "$o"
	has "file name escaped ($lang)" './facts&lt;script&gt;&amp;&#39;&quot;.yaml' "$o"
	hasnt "no script element ($lang)" '<script' "$o"
	for s in 'Zq<p>&"9'"'"'L' 'Zq&lt;p&gt;&amp;&quot;9&#39;L' 'Zq<p' 'Zq&lt;p' '9&#39;L' "9'L"; do
		hasnt "passphrase ($lang)" "$s" "$o"
	done
	has "lang attribute ($lang)" "<html lang=\"$lang\">" "$o"
done

# ---- every sample family: self-contained, and the same as the JSON ---------
for dir in samples/*/; do
	fam=$(basename "$dir")
	mapfile -t F < <(find "$dir" -type f ! -name SOURCES.md ! -name ANSWERS.tsv ! -name '*.md' | sort)
	[ "${#F[@]}" -gt 0 ] || continue
	el --format json "${F[@]}" >"$TMP/$fam.json" 2>/dev/null
	for lang in en ja; do
		o=$TMP/$fam.$lang.html
		el --format html --lang "$lang" "${F[@]}" >"$o" 2>"$TMP/err"
		rc=$?
		if grep -qE 'runtime error|Sanitizer' "$TMP/err"; then bad "$fam/$lang: sanitizer: $(head -c 400 "$TMP/err")"; else ok; fi
		[ "$rc" -le 2 ] && ok || bad "$fam/$lang: exit $rc"
		check "$fam/$lang: doctype" '<!DOCTYPE html>' "$(head -1 "$o")"
		check "$fam/$lang: ends the document" '</html>' "$(tail -1 "$o")"
		has "$fam/$lang: lang" "<html lang=\"$lang\">" "$o"
		for s in '<script' ' src=' '<link' '@import' 'href="http' "href='http" 'href="//' \
			'<iframe' '<object' '<embed' '<img' '>html-'; do
			hasnt "$fam/$lang: self-contained" "$s" "$o"
		done
		check "$fam/$lang: url() only of the document's own ids" "" "$(grep -o 'url([^)]*)' "$o" | grep -v '^url(#')"
		check "$fam/$lang: ids are unique" "" "$(grep -o ' id="[^"]*"' "$o" | sort | uniq -d)"
		has "$fam/$lang: A4" '@page{size:A4' "$o"
		has "$fam/$lang: a page per device" 'section.device{break-before:page}' "$o"
		check "$fam/$lang: a section per input" "$(jq '.inputs | length' "$TMP/$fam.json")" \
			"$(grep -c '<section class="device"' "$o")"
		check "$fam/$lang: a finding per JSON finding" "$(jq '[.inputs[].findings[]] | length' "$TMP/$fam.json")" \
			"$(grep -c '<article class="finding' "$o")"
		want=$(jq -r '.inputs | to_entries[] | .key as $k | .value.items | to_entries[] | "\($k + 1) \(.key) \(.value)"' "$TMP/$fam.json")
		got=$(grep -o '<tr data-input="[0-9]*">.*</tr>' "$o" |
			sed -E 's/<tr data-input="([0-9]+)">/\1\n/; s/data-item="([^"]+)" data-status="([^"]+)"/\n@\1 \2\n/g' |
			awk '/^[0-9]+$/ {i = $0} /^@/ {print i, substr($0, 2)}')
		check "$fam/$lang: checklist statuses" "$want" "$got"
	done
done
echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
