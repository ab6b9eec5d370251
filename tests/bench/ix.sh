#!/usr/bin/env bash
# tests/bench/ix.sh BINARY — figures for the NEC UNIVERGE IX pipeline (make
# bench, issue 19 "Speed"). Generates `show running-config` files of about
# 5k, 20k and 50k lines in a temporary directory: an IX2215 header, a
# PPPoE WAN (GigaEthernet0.1, NAPT) with a few hundred `ip napt static`
# entries to inside servers and to the router itself, a fixed-address WAN
# without NAPT, the bulk as `ip access-list` entries in a few dozen lists
# (tcp/udp with eq/range ports, icmp with a type, host and subnet
# addresses), applied in on both WANs with several `ip filter LIST SEQ in`
# lines each, VLAN sub-interfaces (GigaEthernet2:1.N) with their own
# lists, servers with access lists, IKE remote access and an IPv6 side
# with ipv6 filters. Each run is the whole analysis (parse, the filter
# combined with NAPT, reachability of every forward and service, every
# line checked for being shadowed or redundant) and the JSON report.
# Prints wall time (best of 3), CPU time, lines/s and peak memory per
# size; `cat` on the same file is the floor. Figures, not a test.
# BENCH_IX_SIZES overrides the sizes (lines of access lists).
set -eu
LIMIT=${BENCH_TIMEOUT:-300}
BIN=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
BENCH_TODAY=2026-11-21
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"

gen() { # N: access-list lines
	awk -v N="$1" '
	BEGIN {
		srand(19)
		printf "! NEC Portable Internetwork Core Operating System Software\n"
		printf "! IX Series IX2215 (magellan-sec) Software, Version 10.7.18, RELEASE SOFTWARE\n"
		printf "! Compiled Oct 25-Tue-2022 12:37:13 JST #2\n!\nhostname bench-ix\ntimezone +09 00\n!\n"
		printf "username admin password hash 0123456789abcdef administrator\n!\n"
		printf "ip ufs-cache enable\nip route default GigaEthernet0.1\nip route 198.18.0.0/15 203.0.113.1\n"
		nl = int(N / 500); if (nl < 8) nl = 8
		for (k = 0; k < N; k++) {
			l = int(rand() * nl); r = rand()
			a = rand() < 0.7 ? "permit" : "deny"
			if (r < 0.45)
				printf "ip access-list L%d %s tcp src %s sport any dest 192.168.%d.%d/32 dport eq %d\n", l, a, rand() < 0.3 ? "any" : sprintf("198.51.%d.0/24", k % 256), k % 200, 1 + k % 250, 1 + int(rand() * 9000)
			else if (r < 0.75)
				printf "ip access-list L%d %s udp src any sport any dest 192.168.%d.0/24 dport range %d %d\n", l, a, k % 200, 1000 + k % 5000, 1010 + k % 5000
			else if (r < 0.85)
				printf "ip access-list L%d %s icmp type 8 src any dest 192.168.%d.0/24\n", l, a, k % 200
			else
				printf "ip access-list L%d %s ip src 203.0.%d.0/24 dest any\n", l, a, k % 256
		}
		printf "ip access-list mgmt permit tcp src 192.0.2.0/24 sport any dest any dport eq 22\n"
		for (k = 0; k < 200; k++)
			printf "ipv6 access-list V6 %s tcp src 2001:db8:%x::/48 sport any dest any dport eq %d\n", k % 5 ? "permit" : "deny", k, 1 + k
		printf "ipv6 access-list V6 permit icmp type 2 src any dest any\n!\n"
		printf "ike nat-traversal\nike proposal p encryption aes-256 hash sha2-256 group 2048-bit\n"
		printf "ike policy ra peer any key FAKE-bench-psk p\nike mode-cfg ra\n"
		printf "ipsec autokey-proposal s esp-aes-256 esp-sha\nipsec dynamic-map m L0 s\n!\n"
		printf "ssh-server ip enable\nssh-server ip access-list mgmt\nhttp-server ip enable\ntelnet-server ip enable\n!\n"
		printf "ppp profile isp\n  authentication myname u@example.jp\n  authentication password u@example.jp FAKE-bench-ppp\n!\n"
		printf "interface GigaEthernet0.1\n  encapsulation pppoe\n  auto-connect\n  ppp binding isp\n  ip address ipcp\n  ip napt enable\n"
		ns = int(N / 50); if (ns < 50) ns = 50
		for (k = 0; k < ns; k++)
			printf "  ip napt static 192.168.%d.%d tcp %d\n", k % 200, 1 + k % 250, 1 + int(rand() * 9000)
		printf "  ip napt static GigaEthernet0.1 udp 500\n  ip napt static GigaEthernet0.1 udp 4500\n  ip napt static GigaEthernet0.1 50\n"
		for (l = 0; l < 4; l++)
			printf "  ip filter L%d %d in\n", l, 10 * (l + 1)
		printf "  no shutdown\n!\n"
		printf "interface GigaEthernet0.0\n  ip address 203.0.113.2/29\n  ipv6 enable\n  ipv6 dhcp client pd\n"
		for (l = 4; l < 8; l++)
			printf "  ip filter L%d %d in\n", l, 10 * l
		printf "  ipv6 filter V6 1 in\n  no shutdown\n!\n"
		for (v = 1; v <= 40; v++) {
			printf "interface GigaEthernet2:1.%d\n  description vlan%d\n  encapsulation dot1q %d tpid 8100\n", v, v, v
			printf "  ip address 192.168.%d.1/24\n  ip filter L%d 1 in\n  no shutdown\n!\n", v, v % nl
		}
		printf "interface Tunnel0.0\n  tunnel mode ipsec\n  ip unnumbered GigaEthernet2:1.1\n  ipsec policy tunnel m out\n  no shutdown\n!\n"
	}' >"$TMP/ix$1.cfg"
}

runs=3
md_head "access-list lines"
for n in ${BENCH_IX_SIZES:-5000 20000 50000}; do
	gen "$n"
	md_row "$n" "$TMP/ix$n.cfg"
done
