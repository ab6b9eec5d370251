#!/usr/bin/env bash
# tests/bench/hostile.sh BINARY — the hostile-shapes section of `make bench`
# (issue 12): for each parser, the worst input shape found so far, at 1x,
# 2x and 4x size, with wall time, CPU time (user + system: the steadier figure
# on a shared machine) and peak memory (GNU time: %e, %U+%S, %M), one
# run each, so that growth can be seen to stay near linear. Figures, not a
# test: nothing here passes or fails. A run longer than BENCH_TIMEOUT
# seconds (default 300) is stopped and shown as "timeout"; a run that
# ends with an error (exit 2) is shown as one, never as a figure.
#
# The shapes:
#   yamaha-rtx    many pre-shared keys sharing their first bytes (every
#                 secret in one masking bucket)
#   cisco-asa     ACL lines naming object-groups that are never defined
#                 (each checked against the unresolved list, asa_unresolved)
#   openwrt       many wifi-iface sections whose keys share their first bytes
#   hostapd       many BSSes whose passphrases share their first bytes
#   nvram         many wlN_wpa_psk keys sharing their first bytes
#   routeros      1,000 security profiles whose keys, set again and again,
#                 share their first bytes
#   router-facts  many Wi-Fi networks whose passphrases share their first bytes
#   pcap          65,536 x k one-byte TCP flows (each would hold a 4 KiB
#                 buffer: the memory budget), and 16,384 x k look-alike
#                 hosts against 1,000 approved domains (EL404)
set -eu
LIMIT=${BENCH_TIMEOUT:-300}
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
# The rules data of this tree unless the caller names one (a copied binary
# does not find it next to itself).
export EDGELINT_RULES=${EDGELINT_RULES:-$HERE/../../rules}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# shape N FILE: writes the shape at N units to FILE
yamaha() {
	awk -v N="$1" 'BEGIN {
		printf "# RTX1210 Rev.14.01.42 (Wed Jan 10 10:00:00 2024)\nip route default gateway pp 1\n"
		for (i = 1; i <= N; i++)
			printf "tunnel select %d\n ipsec tunnel %d\n  ipsec sa policy %d %d esp aes-cbc sha-hmac\n  ipsec ike pre-shared-key %d text AAAAkey%07d\n tunnel enable %d\n", i, i, i, i, i, i, i
	}' >"$2"
}
asa() {
	awk -v N="$1" 'BEGIN {
		printf "ASA Version 9.12(4)67 \n!\nhostname bench-fw\n"
		printf "interface GigabitEthernet1/1\n nameif outside\n security-level 0\n ip address 203.0.113.2 255.255.255.0\n!\n"
		for (i = 0; i < N; i++)
			printf "access-list outside_in extended permit tcp object-group UNDEF_SRC_%d object-group UNDEF_DST_%d eq 443\n", i, i
		printf "access-group outside_in in interface outside\n"
	}' >"$2"
}
openwrt() {
	awk -v N="$1" 'BEGIN {
		printf "config wifi-device radio0\n\toption band 5g\n\n"
		for (i = 0; i < N; i++)
			printf "config wifi-iface w%d\n\toption device radio0\n\toption mode ap\n\toption ssid net%d\n\toption encryption psk2\n\toption key AAAAkey%07d\n\n", i, i, i
	}' >"$2"
}
hostapd() {
	awk -v N="$1" 'BEGIN {
		printf "interface=wlan0\nssid=bench\nwpa=2\nwpa_key_mgmt=WPA-PSK\nrsn_pairwise=CCMP\nwpa_passphrase=AAAAkeymain0\n"
		for (i = 1; i < N; i++)
			printf "bss=wlan0_%d\nssid=net%d\nwpa=2\nwpa_key_mgmt=WPA-PSK\nrsn_pairwise=CCMP\nwpa_passphrase=AAAAkey%07d\n", i, i, i
	}' >"$2"
}
nvram() {
	awk -v N="$1" 'BEGIN {
		printf "productid=RT-AX86U\nfirmver=3.0.0.4\nbuildno=388.12\nextendno=2\n"
		for (i = 0; i < N; i++)
			printf "wl%d_ssid=net%d\nwl%d_radio=1\nwl%d_auth_mode_x=psk2\nwl%d_crypto=aes\nwl%d_wpa_psk=AAAAkey%07d\n", i, i, i, i, i, i, i
	}' >"$2"
}
routeros() {
	awk -v N="$1" 'BEGIN {
		printf "# 2026-11-21 10:00:00 by RouterOS 7.24.4\n# model = RB952Ui-5ac2nD\n/interface wireless security-profiles\n"
		# 1,000 profiles (under the parser'"'"'s limit of 1,024 objects), then
		# new keys set on them again and again: every key is a secret.
		for (i = 0; i < N; i++)
			if (i < 1000)
				printf "add authentication-types=wpa2-psk mode=dynamic-keys name=p%d wpa2-pre-shared-key=AAAAkey%07d\n", i, i
			else
				printf "set [ find name=p%d ] wpa2-pre-shared-key=AAAAkey%07d\n", i % 1000, i
	}' >"$2"
}
facts() {
	awk -v N="$1" 'BEGIN {
		printf "router:\n  vendor: buffalo\n  model: WSR-1800AX4S\n  firmware_version: \"1.11\"\nwifi:\n"
		for (i = 0; i < N; i++)
			printf "  - ssid: net%d\n    band: 5GHz\n    security: WPA2\n    passphrase: \"AAAAkey%07d\"\n", i, i
	}' >"$2"
}
flows() { python3 "$HERE/hostile-gen.py" flows "$1" "$2"; }
lookalike() { python3 "$HERE/hostile-gen.py" hosts "$1" "$2"; }

python3 "$HERE/hostile-gen.py" domains 1000 "$TMP/domains.yaml"
printf '| parser | shape | units | bytes | wall s | CPU s (user+sys) | peak RSS KiB |\n|---|---|---|---|---|---|---|\n'
# parser shape base-units extra-args
while read -r parser shape base extra; do
	for k in 1 2 4; do
		n=$((base * k))
		f=$TMP/$shape.$k
		"$shape" "$n" "$f"
		args=(--today 2026-11-21 --format json --kind "$parser")
		[ "$extra" = "-" ] || args+=(--policy "$TMP/$extra")
		rc=0
		timeout "$LIMIT" /usr/bin/time -q -f '%e %M %U %S' -o "$TMP/t" "$BIN" "${args[@]}" "$f" \
			>/dev/null 2>"$TMP/err" || rc=$?
		if [ "$rc" = 124 ]; then
			s=timeout; kib=-; cpu=-
		elif [ "$rc" -gt 1 ]; then
			# Exit 2 is an input error or a bad run: not a figure.
			s="error (exit $rc: $(grep -v '^Command exited' "$TMP/err" | head -c 120 | tr '\n|' '  '))"; kib=-; cpu=-
		else
			read -r s kib us ss < <(tail -1 "$TMP/t")
			cpu=$(awk -v u="$us" -v s="$ss" 'BEGIN { printf "%.2f", u + s }')
		fi
		printf '| %s | %s | %d | %d | %s | %s | %s |\n' "$parser" "$shape" "$n" "$(wc -c <"$f")" "$s" "$cpu" "$kib"
		rm -f "$f"
	done
done <<'SHAPES'
yamaha-rtx yamaha 5000 -
cisco-asa asa 2500 -
openwrt openwrt 5000 -
hostapd hostapd 5000 -
nvram nvram 5000 -
routeros routeros 5000 -
router-facts facts 2000 -
pcap flows 65536 -
pcap lookalike 16384 domains.yaml
SHAPES
