#!/usr/bin/env bash
# tests/bench/yamaha.sh BINARY — figures for the YAMAHA RTX pipeline (make bench).
# Generates YAMAHA configs of 10k, 20k and 50k lines in a temporary directory:
# thousands of `ip filter` lines, hundreds of `nat descriptor masquerade
# static` forwards, inbound secure filter lists of up to 129 entries (the
# YAMAHA limit on most models), several PPPoE pp, a LAN-port WAN, L2TP
# tunnels and an IPv6 WAN. Then prints wall time (best of 3, --format json),
# throughput and peak memory per size, so that cost can be seen to grow
# linearly. `cat` is timed on the same file as the floor. Then, on the 50k
# config, --apply-fix and the analysis of the merged config (issue 17).
# Figures, not a test: nothing here passes or fails.
set -eu
BIN=$1
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

gen() { # N: about N lines
	awk -v N="$1" '
	function pick(pool, n,    s, k, v, seen, c) {   # n distinct of 100000..+pool, sorted
		c = 0
		while (c < n) {
			v = int(rand() * pool)
			if (!(v in seen)) { seen[v] = 1; c++ }
		}
		s = ""
		for (k = 0; k < pool; k++)
			if (k in seen)
				s = s " " (100000 + k)
		return s
	}
	BEGIN {
		srand(42)
		printf "# RTX1220 Rev.15.04.07 (Tue Jun 24 14:20:31 2025)\n"
		printf "# MAC Address : 00:a0:de:00:99:01, 00:a0:de:00:99:02, 00:a0:de:00:99:03\n"
		printf "# Memory 256Mbytes, 3LAN\n"
		printf "# Reporting Date: Nov 21 10:00:00 2026\n"
		npp = 4                       # PPPoE WANs, one NAT descriptor each
		nfw = int(N / 50)             # masquerade static forwards: 200 / 400 / 1000
		ntun = 8                      # L2TP tunnels for remote access
		nlist = 129                   # entries per inbound list
		printf "ip route default gateway pp 1 filter 1 2 gateway pp 2\n"
		printf "ip lan1 address 192.168.0.1/16\n"
		printf "ip lan3 address 198.51.100.2/29\n"
		printf "ip lan3 nat descriptor 900\n"
		printf "ipv6 prefix 1 ra-prefix@lan2::/64\n"
		printf "ipv6 lan1 address ra-prefix@lan2::1/64\n"
		printf "ipv6 lan1 rtadv send 1 o_flag=on\n"
		printf "ipv6 lan2 dhcp service client ir=on\n"
		# The filter pool: everything below the fixed lines is ip filter.
		fixed = 241 + nfw          # every line below that is not in the pool
		nf = N - fixed; if (nf < 1000) nf = 1000
		nv6 = int(nf / 10); nf4 = nf - nv6
		# Inbound lists: 128 distinct filters from the pool, in ascending
		# order as YAMAHA users number them, plus the final reject.
		for (w = 0; w <= npp; w++)
			lst[w] = pick(nf4, nlist - 1) " 999999"
		printf "ipv6 lan2 secure filter in%s 999999\n", pick(nv6, nlist - 1)
		printf "ip lan3 secure filter in%s\n", lst[0]
		for (p = 1; p <= npp; p++) {
			printf "pp select %d\n", p
			printf " description pp isp-%d\n", p
			printf " pp always-on on\n"
			printf " pppoe use lan%d\n", (p % 2) ? 2 : 3
			printf " pppoe auto disconnect off\n"
			printf " pp auth accept pap chap\n"
			printf " pp auth myname bench%d@isp.example.jp FAKE-bench-pass-%d\n", p, p
			printf " ppp lcp mru on 1454\n"
			printf " ppp ipcp ipaddress on\n"
			printf " ppp ipcp msext on\n"
			printf " ip pp mtu 1454\n"
			printf " ip pp secure filter in%s\n", lst[p]
			printf " ip pp secure filter out 999998 dynamic 200080 200081 200098 200099\n"
			printf " ip pp nat descriptor %d\n", 1000 + p
			printf " pp enable %d\n", p
		}
		printf "pp select anonymous\n pp bind tunnel1-tunnel%d\n pp auth request mschap-v2\n", ntun
		for (u = 1; u <= 20; u++)
			printf " pp auth username bench-user%02d FAKE-bench-user-pass-%02d\n", u, u
		printf " ip pp remote address pool 192.168.250.1-192.168.250.99\n pp enable anonymous\n"
		for (t = 1; t <= ntun; t++) {
			printf "tunnel select %d\n tunnel encapsulation l2tp\n ipsec tunnel %d\n", t, t
			printf "  ipsec sa policy %d %d esp aes-cbc sha-hmac\n", t, t
			printf "  ipsec ike keepalive use %d off\n", t
			printf "  ipsec ike local address %d 192.168.0.1\n", t
			printf "  ipsec ike nat-traversal %d on\n", t
			printf "  ipsec ike pre-shared-key %d text FAKE-bench-psk\n", t
			printf "  ipsec ike remote address %d any\n", t
			printf " l2tp tunnel disconnect time off\n tunnel enable %d\n", t
			printf "ipsec transport %d %d udp 1701\n", t, t
		}
		printf "tunnel select none\n"
		# NAT: the VPN entries to the router, then forwards to inside hosts.
		split("tcp udp", pr, " ")
		split("www https smtp 3389 22 8080 5900 1194 25565 445 993 8443", po, " ")
		for (d = 0; d <= npp; d++) {
			id = d ? 1000 + d : 900
			printf "nat descriptor type %d masquerade\n", id
			printf "nat descriptor masquerade incoming %d reject\n", id
			printf "nat descriptor masquerade static %d 1 192.168.0.1 udp 500\n", id
			printf "nat descriptor masquerade static %d 2 192.168.0.1 esp\n", id
			printf "nat descriptor masquerade static %d 3 192.168.0.1 udp 4500\n", id
			printf "nat descriptor masquerade static %d 4 192.168.0.1 udp 1701\n", id
		}
		for (i = 0; i < nfw; i++) {
			id = 1001 + (i % npp)
			printf "nat descriptor masquerade static %d %d 192.168.%d.%d %s %s\n", id, 10 + i,
				1 + int(i / 200), 2 + (i % 200), pr[1 + (i % 2)],
				(i % 3) ? po[1 + (i % 12)] : (20000 + i) "=" po[1 + (i % 12)]
		}
		# The filter pool.
		split("pass pass-log reject reject-nolog restrict pass-nolog", ac, " ")
		for (k = 0; k < nf4; k++) {
			a = ac[1 + int(rand() * 6)]
			r = int(rand() * 10)
			if (r < 3)
				printf "ip filter %d %s * 192.168.%d.%d %s * %s\n", 100000 + k, a,
					1 + int(rand() * 5), 2 + int(rand() * 200), pr[1 + int(rand() * 2)],
					po[1 + int(rand() * 12)]
			else if (r < 5)
				printf "ip filter %d %s 203.0.%d.0/24 192.168.%d.0/24 tcp,udp 1024-65535 %d\n",
					100000 + k, a, int(rand() * 256), int(rand() * 256), 1 + int(rand() * 9000)
			else if (r < 6)
				printf "ip filter %d %s %d.%d.0.0/16 * * * *\n", 100000 + k, a,
					1 + int(rand() * 223), int(rand() * 256)
			else if (r < 7)
				printf "ip filter %d %s * 192.168.0.1 udp * 500,4500,1701\n", 100000 + k, a
			else if (r < 8)
				printf "ip filter %d %s * * udp,tcp netbios_ns-netbios_ssn *\n", 100000 + k, a
			else if (r < 9)
				printf "ip filter %d %s 198.51.%d.%d-198.51.%d.%d 192.168.*.* icmp\n",
					100000 + k, a, int(rand() * 100), int(rand() * 100),
					100 + int(rand() * 100), 100 + int(rand() * 100)
			else
				printf "ip filter %d %s * 192.168.%d.%d established * *\n", 100000 + k,
					a, int(rand() * 256), int(rand() * 256)
		}
		for (k = 0; k < nv6; k++) {
			a = ac[1 + int(rand() * 6)]
			r = int(rand() * 4)
			if (r == 0)
				printf "ipv6 filter %d %s * * icmp6 * *\n", 100000 + k, a
			else if (r == 1)
				printf "ipv6 filter %d %s * * udp * 546\n", 100000 + k, a
			else if (r == 2)
				printf "ipv6 filter %d %s 2001:db8:%x::/48 * tcp * %d\n", 100000 + k, a,
					int(rand() * 65536), 1 + int(rand() * 9000)
			else
				printf "ipv6 filter %d %s * * tcp * www,https\n", 100000 + k, a
		}
		printf "ip filter 999998 pass * * * * *\nip filter 999999 reject * * * * *\n"
		printf "ipv6 filter 999999 reject * * * * *\n"
		printf "ip filter dynamic 200080 * * ftp\nip filter dynamic 200081 * * domain\n"
		printf "ip filter dynamic 200098 * * tcp\nip filter dynamic 200099 * * udp\n"
		printf "l2tp service on\ntelnetd host lan\nhttpd host lan\nsshd service on\nsshd host lan1\n"
		printf "dns host lan1\ndhcp service server\ndhcp scope 1 192.168.0.2-192.168.0.200/16\n"
	}' >"$TMP/y$1.cfg"
}

runs=3
printf '| lines | bytes | edgelint s (best of %d) | lines/s | peak RSS KiB | cat s |\n|---|---|---|---|---|---|\n' "$runs"
for n in 10000 20000 50000; do
	gen "$n"
	f=$TMP/y$n.cfg
	lines=$(wc -l <"$f")
	bytes=$(stat -c %s "$f")
	best=999999; rss=0
	for _ in $(seq 1 "$runs"); do
		timed "$TMP/t" "$BIN" --today 2026-11-21 --format json "$f"
		read -r s kib < <(tail -1 "$TMP/t")
		if awk -v a="$best" -v b="$s" 'BEGIN{exit !(b<a)}'; then best=$s; rss=$kib; fi
	done
	/usr/bin/time -f '%e' -o "$TMP/c" cat "$f" >/dev/null
	lps=$(awk -v l="$lines" -v s="$best" 'BEGIN{ if (s>0) printf "%.0f", l/s; else print "inf" }')
	printf '| %d | %d | %s | %s | %s | %s |\n' "$lines" "$bytes" "$best" "$lps" "$rss" "$(cat "$TMP/c")"
done

# Fixes (issue 17): --apply-fix on the 50k-line config, then the analysis
# of the merged config (best of 3 each), and how many blocks had commands.
f=$TMP/y50000.cfg
bf=999999; ba=999999
for _ in $(seq 1 "$runs"); do
	timed "$TMP/t" "$BIN" --today 2026-11-21 -o /dev/null --apply-fix "$TMP/fixed.cfg" "$f"
	read -r s _ < <(tail -1 "$TMP/t")
	if awk -v a="$bf" -v b="$s" 'BEGIN{exit !(b<a)}'; then bf=$s; fi
	timed "$TMP/t" "$BIN" --today 2026-11-21 --format json "$TMP/fixed.cfg"
	read -r s _ < <(tail -1 "$TMP/t")
	if awk -v a="$ba" -v b="$s" 'BEGIN{exit !(b<a)}'; then ba=$s; fi
done
cmds=$("$BIN" --today 2026-11-21 --format fix "$f" | grep -cv '^#\|^$' || true)
printf '\n| 50k-line config | --apply-fix s (best of %d) | re-analysis of the merged config s | fix commands |\n|---|---|---|---|\n| %d lines | %s | %s | %s |\n' \
	"$runs" "$(wc -l <"$f")" "$bf" "$ba" "$cmds"
