#!/usr/bin/env bash
# tests/e2e/secrets-routeros.sh FILE… — prints, one per line, every secret
# written in MikroTik RouterOS exports: the values of keys named like the
# parser's secret keys (parsers/routeros.c key_is_secret: *password,
# *passphrase, *secret, *pre-shared-key, static-key-N, private-key…), after
# joining '\' continuation lines and decoding "…" quoting. run.sh checks that
# none of them appears in any report.
set -u
for f in "$@"; do
	tr -d '\r' <"$f"
	echo
done | awk '
function secret(k,   n) {
	n = split(k, parts, ".")
	k = parts[n]
	if (k ~ /(password|passphrase|secret|pre-shared-key)$/) return 1
	if (k ~ /^static-key-[0-3]$/) return 1
	return k ~ /^(static-sta-private-key|management-protection-key|authentication-key|tcp-md5-key|private-key|preshared-key|psk|key|auth-key|private-pre-shared-key|nv2-preshared-key|radius-secret)$/
}
function scan(s,   i, n, c, k, v, q) {
	n = length(s); i = 1
	while (i <= n) {
		while (i <= n && substr(s, i, 1) ~ /[ \t]/) i++
		k = ""
		while (i <= n && (c = substr(s, i, 1)) !~ /[ \t="]/) { k = k c; i++ }
		if (i > n) break
		if (substr(s, i, 1) == "\"") {          # a quoted bare word
			i++; while (i <= n && substr(s, i, 1) != "\"") { if (substr(s, i, 1) == "\\") i++; i++ }
			i++; continue
		}
		if (substr(s, i, 1) != "=") { i++; continue }
		i++; v = ""
		if (substr(s, i, 1) == "\"") {
			i++
			while (i <= n && (c = substr(s, i, 1)) != "\"") {
				if (c == "\\") { i++; c = substr(s, i, 1) }
				v = v c; i++
			}
			i++
		} else {
			while (i <= n && (c = substr(s, i, 1)) !~ /[ \t\]]/) { v = v c; i++ }
		}
		if (k ~ /^\./ && prefix != "") k = prefix k
		else if (index(k, ".") > 1) prefix = substr(k, 1, index(k, ".") - 1)
		# /system ntp server auth-key=none: the keyword for no key (parsers/routeros.c).
		if (v != "" && secret(k) && !(k == "auth-key" && v == "none" && menu ~ /^\/?system ntp server/)) print v
	}
}
{
	line = $0
	if (cont) { sub(/^[ \t]+/, "", line); buf = buf line } else { buf = line }
	n = 0; while (substr(buf, length(buf) - n, 1) == "\\") n++
	if (n % 2 == 1) { cont = 1; buf = substr(buf, 1, length(buf) - 1); next }
	cont = 0
	if (buf ~ /^\//) menu = buf
	if (buf !~ /^[ \t]*#/) { prefix = ""; scan(buf) }
}
END { if (cont && buf !~ /^[ \t]*#/) scan(buf) }
' | sort -u
