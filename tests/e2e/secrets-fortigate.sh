#!/usr/bin/env bash
# tests/e2e/secrets-fortigate.sh FILE… — prints, one per line, every secret
# written in FortiOS configurations: the word after `ENC` on any `set` line
# (FortiOS's encrypted passwords and keys) and the plain value of a
# password-like key (`set passwd "…"`, `set psksecret …`, `set password …`
# without ENC). Written apart from parsers/fortigate.c, from the CLI
# reference's password fields; run.sh checks that none appears in any report.
set -u
for f in "$@"; do
	tr -d '\r' <"$f"
	echo
done | awk '
/^[ \t]*set[ \t]/ {
	for (i = 3; i <= NF; i++) {
		if ($i == "ENC" && i < NF) { print $(i + 1); i++; continue }
	}
	if ($2 ~ /(passw|secret|psk|passphrase)/ && $3 != "ENC" && NF >= 3) {
		v = $3; gsub(/^["\x27]|["\x27]$/, "", v); print v
	}
}' | awk 'length($0) >= 4' | sort -u
