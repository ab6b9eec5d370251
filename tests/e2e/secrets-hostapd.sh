#!/usr/bin/env bash
# tests/e2e/secrets-hostapd.sh FILE... — prints, one per line, every secret
# written in the hostapd.conf files given: WPA passphrases and PSKs, SAE
# passwords (whole, and the password before the first '|'), WEP keys (as
# written and without quotes), RADIUS and DAS shared secrets, the WPS AP PIN,
# key passwords and the multi-AP backhaul passphrase. run.sh checks that no
# output format prints any of them.
set -u
for f in "$@"; do
	tr -d '\r' <"$f" | awk '
	/^[ \t]*#/ { next }
	{
		i = index($0, "=")
		if (!i) next
		name = substr($0, 1, i - 1); val = substr($0, i + 1)
		sub(/^[ \t]+/, "", name); sub(/[ \t]+$/, "", name)
		if (name ~ /^(wpa_passphrase|wpa_psk|auth_server_shared_secret|acct_server_shared_secret|ap_pin|private_key_passwd2?|auth_server_private_key_passwd|acct_server_private_key_passwd|pac_opaque_encr_key|multi_ap_backhaul_wpa_passphrase|multi_ap_backhaul_wpa_psk|wps_nfc_dev_pw|wps_nfc_dh_privkey|dpp_netaccesskey|mka_cak)$/) {
			print val
		} else if (name == "sae_password") {
			print val
			j = index(val, "|"); if (j) print substr(val, 1, j - 1)
		} else if (name ~ /^wep_key[0-3]$/) {
			print val
			if (val ~ /^".*"$/) print substr(val, 2, length(val) - 2)
		} else if (name == "radius_das_client") {
			j = index(val, " "); if (j) print substr(val, j + 1)
		}
	}'
done
