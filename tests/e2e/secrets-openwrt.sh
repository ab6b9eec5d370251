#!/usr/bin/env bash
# tests/e2e/secrets-openwrt.sh FILE… — prints, one per line, every secret
# written in OpenWrt UCI files (option/list lines and the `uci show` form):
# Wi-Fi keys (key, key1..key4, and the same without a WEP "s:" prefix),
# SAE passwords, RADIUS and other shared secrets, passwords, private and
# pre-shared keys, vendor wpapsk. run.sh checks none of them is printed.
names='(key[0-9]?|wpakey|wpapsk|wpa_psk|sae_password|auth_secret|acct_secret|dae_secret|password|passwd|priv_key_pwd|priv_key2_pwd|private_key|preshared_key|psk)'
for f in "$@"; do
	tr -d '\r' <"$f" | sed -n -E \
		-e "s/^[[:space:]]*(option|list)[[:space:]]+$names[[:space:]]+'([^']*)'.*/\3/p" \
		-e "s/^[[:space:]]*(option|list)[[:space:]]+$names[[:space:]]+\"([^\"]*)\".*/\3/p" \
		-e "s/^[[:space:]]*(option|list)[[:space:]]+$names[[:space:]]+([^'\"[:space:]#]+).*/\3/p" \
		-e "s/^[a-z0-9_-]+\.[^.=]+\.$names='([^']*)'.*/\2/p"
done | sed -E 'p; s/^s://' | awk 'length($0) > 0' | sort -u
