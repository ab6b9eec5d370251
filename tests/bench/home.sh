#!/usr/bin/env bash
# tests/bench/home.sh BINARY — figures for the home-router parsers (make bench).
# For each format, generates inputs of a quarter, a half and all of the
# largest size it accepts (16 MiB) in a temporary directory — a few Wi-Fi networks (each passphrase costs a zxcvbn
# estimate) among many lines of everything else a router holds: OpenWrt
# firewall rules and redirects, nvram keys, RouterOS firewall/NAT rules and
# DHCP leases, hostapd BSSes with settings — and prints wall time (best of
# 3, --format json), lines per second and peak memory, so that cost can be
# seen to grow linearly with the input. Figures, not a test.
set -eu
BIN=$1
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

gen_openwrt() { # N lines: /etc/config/firewall with N/8 rules, plus wireless
	awk -v N="$1" 'BEGIN {
		printf "config defaults\n\toption input REJECT\n\toption forward REJECT\n\n"
		printf "config zone\n\toption name wan\n\tlist network wan\n\toption input REJECT\n\toption masq 1\n\n"
		for (i = 0; i < N / 8; i++) {
			if (i % 2)
				printf "config rule\n\toption name r%d\n\toption src lan\n\toption dest wan\n\toption proto tcp\n\toption dest_port %d\n\toption target ACCEPT\n\n", i, 1024 + i % 60000
			else
				printf "config redirect\n\toption name fw%d\n\toption src lan\n\toption src_dport %d\n\toption dest_ip 192.168.1.%d\n\toption target DNAT\n\n", i, 1024 + i % 60000, 2 + i % 250
		}
	}' >"$TMP/firewall"
	printf "config wifi-device 'radio0'\n\toption band '5g'\n\nconfig wifi-iface 'default_radio0'\n\toption device 'radio0'\n\toption mode 'ap'\n\toption ssid 'bench'\n\toption encryption 'sae'\n\toption key 'orbit-maple-quietly-kettle-9'\n" >"$TMP/wireless"
	printf "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='25.12.5'\n" >"$TMP/openwrt_release"
	echo "$TMP/wireless $TMP/firewall $TMP/openwrt_release"
}

gen_nvram() { # N lines of nvram show, 3 networks
	awk -v N="$1" 'BEGIN {
		printf "productid=RT-AX86U\nfirmver=3.0.0.4\nbuildno=388.12\nextendno=2\n"
		for (u = 0; u < 3; u++)
			printf "wl%d_ssid=bench%d\nwl%d_radio=1\nwl%d_auth_mode_x=psk2\nwl%d_crypto=aes\nwl%d_wpa_psk=orbit-maple-quietly-kettle-%d\n", u, u, u, u, u, u, u
		for (i = 0; i < N; i++)
			printf "dhcp_staticlist_%d=<00:11:22:%02x:%02x:%02x>192.168.%d.%d\n", i, i % 256, int(i / 256) % 256, int(i / 65536) % 256, int(i / 250) % 250, 2 + i % 250
	}' >"$TMP/nvram.txt"
	echo "$TMP/nvram.txt"
}

gen_routeros() { # N lines of /export
	awk -v N="$1" 'BEGIN {
		printf "# 2026-11-21 10:00:00 by RouterOS 7.24.4\n# software id = ABCD-1234\n# model = RB952Ui-5ac2nD\n"
		printf "/interface wireless security-profiles\nadd authentication-types=wpa2-psk mode=dynamic-keys name=home wpa2-pre-shared-key=orbit-maple-quietly-kettle-9\n"
		printf "/interface wireless\nset [ find default-name=wlan1 ] disabled=no mode=ap-bridge security-profile=home ssid=bench\n"
		printf "/ip firewall filter\nadd action=drop chain=input comment=\"defconf: drop all not coming from LAN\" in-interface-list=!LAN\n"
		for (i = 0; i < N / 2; i++)
			printf "add action=accept chain=forward dst-address=10.%d.%d.0/24 dst-port=%d protocol=tcp\n", int(i / 256) % 256, i % 256, 1024 + i % 60000
		printf "/ip dhcp-server lease\n"
		for (i = 0; i < N / 2; i++)
			printf "add address=192.168.%d.%d mac-address=00:11:22:%02X:%02X:%02X server=defconf\n", int(i / 250) % 250, 2 + i % 250, i % 256, int(i / 256) % 256, int(i / 65536) % 256
	}' >"$TMP/export.rsc"
	echo "$TMP/export.rsc"
}

gen_hostapd() { # N lines: one main BSS and N/20 more, each with a dozen settings
	awk -v N="$1" 'BEGIN {
		printf "interface=wlan0\ndriver=nl80211\nhw_mode=g\nchannel=6\nssid=bench\nwpa=2\nwpa_key_mgmt=SAE\nrsn_pairwise=CCMP\nieee80211w=2\nsae_password=orbit-maple-quietly-kettle-9\n"
		for (i = 1; i < N / 20; i++) {
			printf "bss=wlan0_%d\nssid=bench%d\nwpa=2\nwpa_key_mgmt=SAE\nrsn_pairwise=CCMP\nieee80211w=2\nsae_password=orbit-maple-quietly-kettle-%d\n", i, i, i % 4
			for (k = 0; k < 13; k++)
				printf "wmm_ac_be_aifs=%d\n", 3 + k % 3
		}
	}' >"$TMP/hostapd.conf"
	echo "$TMP/hostapd.conf"
}

runs=3
# Lines that make about 15 MiB in each format.
declare -A MAXL=([openwrt]=880000 [nvram]=270000 [routeros]=190000 [hostapd]=860000)
for fmt in openwrt nvram routeros hostapd; do
	echo "$fmt:"
	printf '| lines | bytes | edgelint s (best of %d) | lines/s | peak RSS KiB |\n|---|---|---|---|---|\n' "$runs"
	for n in $((MAXL[$fmt] / 4)) $((MAXL[$fmt] / 2)) "${MAXL[$fmt]}"; do
		files=$("gen_$fmt" "$n")
		# shellcheck disable=SC2086
		lines=$(cat $files | wc -l)
		# shellcheck disable=SC2086
		bytes=$(cat $files | wc -c)
		best=999999; rss=0
		for _ in $(seq 1 "$runs"); do
			# shellcheck disable=SC2086
			timed "$TMP/t" "$BIN" --today 2026-11-21 --format json $files
			read -r s kib < <(tail -1 "$TMP/t")
			if awk -v a="$best" -v b="$s" 'BEGIN{exit !(b<a)}'; then best=$s; rss=$kib; fi
		done
		lps=$(awk -v l="$lines" -v s="$best" 'BEGIN{ if (s>0) printf "%.0f", l/s; else print "inf" }')
		printf '| %d | %d | %s | %s | %s |\n' "$lines" "$bytes" "$best" "$lps" "$rss"
	done
done
