#!/usr/bin/env bash
# tests/e2e/secrets-nec-ix.sh FILE… — prints, one per line, every secret
# written in NEC UNIVERGE IX configs: the word after `key`, `password`,
# `secret-password`, `pre-share` and `community` (past `plain`, `hash`,
# `secret`, `char`, `hex`), and in `authentication password USER PASS` the
# password (NEC UNIVERGE IX command reference: username, http-server, nm
# account, ppp profile authentication, ike policy … key, snmp-agent). Written
# apart from parsers/nec_ix.c; run.sh checks that none of them appears in any
# report.
set -u
for f in "$@"; do
	tr -d '\r' <"$f"
	echo
done | awk '
{
	n = split($0, t, /[ \t]+/)
	for (i = 1; i <= n; i++) {
		w = t[i]
		if (w != "key" && w != "password" && w != "secret-password" && w != "pre-share" && w != "community")
			continue
		k = i + 1
		if (t[k] == "plain" || t[k] == "hash" || t[k] == "secret" || t[k] == "char" || t[k] == "hex" || t[k] == "key")
			k++
		else if (w == "password" && i > 1 && t[i - 1] == "authentication" && k + 1 <= n)
			k++
		if (k <= n && t[k] != "") print t[k]
		i = k
	}
}'
