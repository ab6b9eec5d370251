# tests/e2e/hostile-output.sh — sourced by run.sh (uses el, ok, bad, check,
# $TMP, $BIN, $VALIDATE_JSON, $VALIDATE_SARIF): what leaves edgelint when the
# input is hostile (issue 12 §1 secrets, §4 the terminal, §5 valid output).
# Every expectation here is written from the issue, not from the program's
# output: a secret never appears, in any format or language, raw or with its
# bytes sanitised; our own words and the file paths are never rewritten;
# nothing a terminal acts on is printed; every output is valid UTF-8 and the
# JSON/SARIF validate.
echo "-- hostile output: secrets, the terminal, valid output"
H=$TMP/hostile
mkdir -p "$H"
CHECK_PRINTABLE="python3 tests/e2e/check-printable.py"

# facts FILE SSID PASSPHRASE [MODEL] [FIRMWARE] — a router facts file; the
# values are YAML double-quoted scalars, so "\e", "\x01", "\u202e" escapes work.
facts() {
	printf 'router:\n  vendor: nec\n  model: "%s"\n  firmware_version: "%s"\nwifi:\n  - ssid: "%s"\n    security: wpa2-personal\n    passphrase: "%s"\n' \
		"${4:-WX3000HP}" "${5:-1.3.0}" "$2" "$3" >"$1"
}
# no_string NAME STRING FILE... — fails when STRING (bytes) is in a file.
no_string() {
	local name=$1 s=$2; shift 2
	if LC_ALL=C grep -qF -- "$s" "$@"; then bad "$name: [$s] is printed"; else ok; fi
}

# §1: the SARIF fingerprint is no oracle. The SSID equals the passphrase
# (EL255); an attacker who knows the code hashes candidate words the way the
# fingerprint is built. With fingerprints of masked fields only, every
# candidate of the same length gives the same fingerprints: none is singled out.
words="Kestrel-2291 Harbour-7731 Lantern-0042 Marigold-991 Vexmorant-51 Quietly-5566"
facts "$H/fp.yaml" "Marigold-991" "Marigold-991"
el --format sarif "$H/fp.yaml" 2>/dev/null | jq -r '[.runs[0].results[] | .partialFingerprints.primaryLocationLineHash] | join(" ")' >"$H/target"
no_string "fingerprint sample" "Marigold-991" "$H/target"
matches=0
for w in $words; do
	facts "$H/fp.yaml" "$w" "$w"
	el --format sarif "$H/fp.yaml" 2>/dev/null | jq -r '[.runs[0].results[] | .partialFingerprints.primaryLocationLineHash] | join(" ")' >"$H/cand"
	cmp -s "$H/target" "$H/cand" && matches=$((matches + 1))
done
check "SARIF fingerprints recover no passphrase (candidates matching)" 6 "$matches"
check "SARIF fingerprints: one per finding" 3 "$(wc -w <"$H/target")"

# §1: secrets are the run's: input A's passphrase is hidden in input B's
# section (B's SSID and model are A's passphrase). No parser can know that
# a value of B is a secret of A, so this is the last line of defence
# (finding_scrub), which masks it — also with the oracle fatal (the e2e
# default), since it is no bug of B's parser. B's SSID is printed as itself
# only when it holds no secret of another input (input_publics_build).
# The same for an input whose model repeats its own passphrase: the input
# holds those bytes twice, so the value is no copy of the secret (the
# oracle aborts only on a secret the input holds once, where it is
# defined: tests/unit/test_finding.c, test_issue11_oracle_fatal).
for fmt in text json sarif html; do
	for lang in en ja; do
		el --format "$fmt" --lang "$lang" "$H/a.yaml" "$H/b.yaml" >"$H/ab.$fmt.$lang" 2>&1
		no_string "secret of another input ($fmt/$lang)" "Quiet-Lantern-4471" "$H/ab.$fmt.$lang"
	done
done
grep -qF '(secret oracle' "$H/ab.text.en" && bad "the oracle aborted on another input's secret" || ok
facts "$H/own.yaml" "Own-net" "Quiet-Lantern-4471" "Quiet-Lantern-4471"
for mode in fatal mask; do
	EDGELINT_SECRET_ORACLE=$mode el "$H/own.yaml" >"$H/own.$mode" 2>&1
	check "model repeating the passphrase ($mode): exit (6-2 fails)" 1 "$?"
	no_string "model repeating the passphrase ($mode)" "Quiet-Lantern-4471" "$H/own.$mode"
done

# §1: secrets are matched on raw bytes, then sanitised: a passphrase with a
# control byte (YAML "\x01"), used as the SSID too, is printed neither raw
# nor with the byte turned into a space or '?'. The same for a raw invalid
# UTF-8 byte in an OpenWrt key.
facts "$H/ctl.yaml" 'Ctl\x01Secret-99' 'Ctl\x01Secret-99'
printf "config wifi-iface 'w0'\n\toption device 'radio0'\n\toption mode 'ap'\n\toption ssid 'Inv\377alid-Key-77'\n\toption encryption 'psk2'\n\toption key 'Inv\377alid-Key-77'\n" >"$H/wireless"
for fmt in text json sarif html; do
	for lang in en ja; do
		el --format "$fmt" --lang "$lang" "$H/ctl.yaml" "$H/wireless" >"$H/ctl.out" 2>&1
		for s in 'Ctl Secret-99' 'Ctl?Secret-99' 'Secret-99' 'Inv?alid-Key-77' 'alid-Key-77' \
			"$(printf 'Ctl\001Secret-99')" "$(printf 'Inv\377alid-Key-77')"; do
			no_string "sanitised secret ($fmt/$lang)" "$s" "$H/ctl.out"
		done
	done
done

# §1: our own words and the file's path are never rewritten, whatever the
# secret: a passphrase "passphrase" left "The **** of" (which tells it).
mkdir -p "$H/passphrase"
facts "$H/passphrase/f.yaml" "Home" "passphrase"
el --lang en "$H/passphrase/f.yaml" >"$H/own.en" 2>&1
el --lang ja "$H/passphrase/f.yaml" >"$H/own.ja" 2>&1
grep -qF 'The passphrase of "Home"' "$H/own.en" && ok || bad "our text rewritten: $(grep -m1 'EL25' "$H/own.en")"
no_string "mask over our text" 'The **** of' "$H/own.en"
grep -qF "$H/passphrase/f.yaml:8:" "$H/own.en" && ok || bad "the path was rewritten"
grep -qF '「Home」のパスフレーズ' "$H/own.ja" && ok || bad "our Japanese text rewritten"

# §1: no count stops secrets from being protected: 10,000 captured SNMP
# communities, then an 10,001st that is also the HTTP Host of a later
# request (host names are listed). Before: printed as a host.
# (A host name holding a secret by chance is the last line of defence's
# case: masking mode.)
python3 tests/e2e/gen-hostile-capture.py "$H/many.pcap" 10000 late-community-zeta9
for fmt in text json sarif html; do
	EDGELINT_SECRET_ORACLE=mask el --format "$fmt" "$H/many.pcap" >"$H/many.$fmt" 2>&1
	no_string "credential past the list's limit ($fmt)" "late-community-zeta9" "$H/many.$fmt"
done
check "credentials past the limit still counted" "10001 10000" \
	"$(jq -r '.inputs[0].traffic | "\(.credentials_total) \(.credentials | length)"' "$H/many.json")"

# §4: nothing a terminal acts on reaches any output: escape sequences (CSI,
# OSC 8 link, OSC 0 title, ESC[2J, a device status request), C1 U+009B and
# bidi overrides in every field edgelint prints: the facts file's vendor
# label, model, firmware, SSID and a key (a diagnostic), the OpenWrt release,
# board model and a diagnostic, and the policy's exception reason and
# warnings (rule, until date).
E='\e[2J\e]8;;http://evil.example/\a\e]0;pwned\a\e[6n\u009b31m\u202eevil\u2066'
printf 'router:\n  vendor: other\n  model: "M%s"\n  firmware_version: "1.0%s"\n  "k%s": 1\nwifi:\n  - ssid: "S%s"\n    security: "WPA9%s"\n    passphrase: "orbit-maple-quietly-kettle-9"\n' \
	"$E" "$E" "$E" "$E" "$E" >"$H/esc.yaml"
ESC=$(printf '\033')
mkdir -p "$H/esc-owrt"
printf "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='24.10.4${ESC}[2J${ESC}]0;t\a\302\233x\342\200\256'\nDISTRIB_TARGET='x${ESC}[6n'\n" >"$H/esc-owrt/openwrt_release"
printf '{"model": "R%s[2J\\u001b]8;;http://e/\\u0007\\u009b\\u202e", "release": {"version": "24.10.4", "target": "a/b"}}\n' "\\u001b" >"$H/esc-owrt/board.json"
printf "config wifi-iface 'w0'\n\toption device 'radio0'\n\toption mode 'ap'\n\toption ssid 'W${ESC}]0;t\a'\n\toption encryption 'psk2${ESC}[2J'\n\toption key 'orbit-maple-quietly-kettle-9'\n\toption bad${ESC}[6n 'x'\n" >"$H/esc-owrt/wireless"
printf 'exceptions:\n  - {rule: EL315, reason: "R%s", until: 2030-01-01}\n  - {rule: EL101, reason: "unused", until: 2030-01-01}\n  - {rule: EL312, reason: "old", until: 2020-01-01}\n' "$E" >"$H/esc-policy.yaml"
for fmt in text json sarif html; do
	for lang in en ja; do
		el --format "$fmt" --lang "$lang" --policy "$H/esc-policy.yaml" "$H/esc.yaml" \
			"$H/esc-owrt/openwrt_release" "$H/esc-owrt/board.json" "$H/esc-owrt/wireless" \
			>"$H/esc.$fmt.$lang" 2>"$H/esc.err.$fmt.$lang"
		if $CHECK_PRINTABLE "$H/esc.$fmt.$lang" "$H/esc.err.$fmt.$lang" >"$H/v" 2>&1; then ok; else
			bad "terminal control in $fmt/$lang output: $(head -c 600 "$H/v")"; fi
	done
done
# The fields are there (sanitised), not dropped.
grep -qF ', firmware 1.0 [2J ]8;;http://evil.example/  ]0;pwned  [6n 31m?evil?' "$H/esc.text.en" && ok ||
	bad "facts firmware not printed sanitised: $(grep -m1 'facts file' "$H/esc.text.en" | head -c 300)"
grep -qF 'R [2J ]8;;http://evil.example/  ]0;pwned  [6n 31m?evil?' "$H/esc.text.en" && ok ||
	bad "exception reason not printed sanitised"
grep -qF 'exception for EL312 expired' "$H/esc.err.text.en" && ok || bad "policy warning missing"
printf 'exceptions:\n  - {rule: EL315, reason: "x", until: "2030\\e[2J"}\n' >"$H/esc-policy2.yaml"
el --policy "$H/esc-policy2.yaml" "$H/esc.yaml" >/dev/null 2>"$H/esc.err2"
check "invalid policy exit" 2 "$?"
if $CHECK_PRINTABLE "$H/esc.err2" >"$H/v" 2>&1; then ok; else bad "terminal control in a policy error: $(cat "$H/v")"; fi
for x in "$H"/esc.json.* ; do
	if $VALIDATE_JSON "$x" >"$H/v" 2>&1; then ok; else bad "JSON schema (escapes, ${x##*/})"; cat "$H/v"; fi
done
if $VALIDATE_SARIF "$H/esc.sarif.en" "$H/esc.sarif.ja" >"$H/v" 2>&1; then ok; else bad "SARIF (escapes)"; cat "$H/v"; fi

# §5: output stays valid. A Shift_JIS DISTRIB_RELEASE ("テスト") keeps
# device.firmware (sanitised: each lead byte 0x83 becomes '?', the ASCII
# trail bytes stay); an nvram key of bytes cut from our own
# Japanese words ("のパ" without its first byte; EL251 says "「net」のパスフレーズは…") leaves every Japanese
# message and fix whole and valid.
mkdir -p "$H/sjis"
printf "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='\203e\203X\203g'\n" >"$H/sjis/openwrt_release"
printf "config wifi-iface 'w0'\n\toption device 'radio0'\n\toption mode 'ap'\n\toption ssid 'net'\n\toption encryption 'psk2'\n\toption key 'orbit-maple-quietly-kettle-9'\n" >"$H/sjis/wireless"
el --format json "$H/sjis/openwrt_release" "$H/sjis/wireless" >"$H/sjis.json" 2>/dev/null
check "Shift_JIS release kept as device.firmware" '"?e?X?g"' "$(jq -c '.inputs[0].device.firmware' "$H/sjis.json")"
printf 'DD_BOARD=Linksys E4200 V1\nrouter_name=DD-WRT\nos_version=33555\nlan_ipaddr=192.168.1.1\nwan_proto=dhcp\nwl0_ssid=net\nwl0_mode=ap\nwl0_security_mode=psk2\nwl0_akm=psk2\nwl0_crypto=aes\nwl0_nband=2\nwl0_wpa_psk=\201\256\343\203\221\n' >"$H/cut.txt"
for fmt in text json sarif html; do
	el --format "$fmt" --lang ja "$H/cut.txt" >"$H/cut.$fmt" 2>"$H/cut.err.$fmt"
	if $CHECK_PRINTABLE "$H/cut.$fmt" "$H/cut.err.$fmt" >"$H/v" 2>&1; then ok; else bad "cut key ($fmt): $(cat "$H/v")"; fi
done
$VALIDATE_JSON "$H/cut.json" >"$H/v" 2>&1 && ok || { bad "JSON schema (cut key)"; cat "$H/v"; }
check "cut key: every finding has a message and a fix" 0 \
	"$(jq '[.inputs[].findings[] | select((.message | type) != "string" or (.fix | type) != "string")] | length' "$H/cut.json")"
grep -qF 'のパスフレーズ' "$H/cut.text" && ok || bad "cut key: our Japanese text was rewritten"
