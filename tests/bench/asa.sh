#!/usr/bin/env bash
# tests/bench/asa.sh BINARY — figures for the Cisco ASA pipeline (make bench).
# Generates ASA running-configs with 5k, 20k and 100k ACL lines in a
# temporary directory: network object-groups of 20–50 hosts nested 2–3
# deep (leaf groups, mid groups of leaves and hosts, top groups of mids),
# typed and untyped service object-groups (nested too), a few hundred
# object NAT statics (with and without `service`) plus twice NAT port
# forwards, remarks, and the ACL on the outside interface with
# `access-group … in interface outside`. ACEs reference the groups on both
# sides. The groups' addresses grow with the list (leaf g holds hosts of
# 10.(1+g%200).(g/200).0/24), so that a line overlaps about as many others
# at every size, as in a real rule base where more lines mean more hosts.
# Each run is the full analysis: parsing, reachability of every forward
# and service, and every line checked for being shadowed or redundant
# (EL108/EL115), then the JSON report. Prints wall time (best of 3,
# --format json), the CPU time of that run (user + system: on a shared
# machine wall time also counts waiting), throughput and peak memory per
# size. `cat` is timed on the same file as the floor. Figures, not a
# test: nothing here passes or fails. A run longer than BENCH_TIMEOUT
# seconds (default 300) is stopped and shown as such; a size whose first
# run takes over 30 s is not repeated. BENCH_ASA_SIZES overrides the sizes.
set -eu
LIMIT=${BENCH_TIMEOUT:-300}
BIN=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
BENCH_TODAY=2026-11-21
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"

gen() { # N: ACL lines
	awk -v N="$1" '
	BEGIN {
		srand(42)
		printf ": Saved\n:\n: Serial Number: JAD00000BEN\n"
		printf ": Hardware:   ASA5516, 8192 MB RAM, CPU Atom C2000 series 2416 MHz, 1 CPU (8 cores)\n:\n"
		printf "ASA Version 9.12(4)67 \n!\nhostname bench-fw\ndomain-name example.com\n"
		printf "enable password ***** pbkdf2\nnames\n!\n"
		printf "interface GigabitEthernet1/1\n nameif outside\n security-level 0\n ip address 203.0.113.2 255.255.255.0\n!\n"
		printf "interface GigabitEthernet1/2\n nameif inside\n security-level 100\n ip address 10.0.0.1 255.255.0.0\n!\n"
		printf "interface GigabitEthernet1/3\n nameif dmz\n security-level 50\n ip address 172.16.0.1 255.255.255.0\n!\n"
		printf "interface Management1/1\n management-only\n nameif management\n security-level 100\n ip address 192.168.99.1 255.255.255.0\n!\n"
		printf "ftp mode passive\nsame-security-traffic permit inter-interface\n"
		# Groups scale with the ACL: about one leaf per 25 ACL lines.
		nleaf = int(N / 25); if (nleaf < 40) nleaf = 40
		nmid = int(nleaf / 4); ntop = int(nmid / 3)
		nsvc = int(N / 200); if (nsvc < 20) nsvc = 20
		nnat = int(N / 25); if (nnat < 200) nnat = 200    # 200 / 400 / 800
		# Leaf network groups: 20-50 hosts each (some subnets and ranges).
		for (g = 0; g < nleaf; g++) {
			printf "object-group network LEAF-%d\n description leaf %d\n", g, g
			nh = 20 + int(rand() * 31)
			for (h = 0; h < nh; h++) {
				r = rand()
				if (r < 0.85)
					printf " network-object host 10.%d.%d.%d\n", 1 + (g % 200), int(g / 200) % 100, 1 + h
				else if (r < 0.95)
					printf " network-object 10.%d.%d.0 255.255.255.0\n", 1 + (g % 200), 100 + int(g / 200) % 100
				else
					printf " network-object object HOST-%d\n", int(rand() * nnat)
			}
		}
		# Mid groups: 3-5 leaves and a few hosts (2 deep); top groups: 2-4 mids (3 deep).
		for (g = 0; g < nmid; g++) {
			printf "object-group network MID-%d\n", g
			k = 3 + int(rand() * 3)
			for (j = 0; j < k; j++)
				printf " group-object LEAF-%d\n", int(rand() * nleaf)
			for (j = 0; j < 5; j++)
				printf " network-object host 198.%d.%d.%d\n", 51 + int(g / 256), g % 256, 1 + j
		}
		for (g = 0; g < ntop; g++) {
			printf "object-group network TOP-%d\n", g
			k = 2 + int(rand() * 3)
			for (j = 0; j < k; j++)
				printf " group-object MID-%d\n", int(rand() * nmid)
		}
		# Service groups: typed (port-object), untyped (service-object), nested.
		split("www https smtp ssh ftp domain 3389 8080 8443 445 imap4 pop3 ldap ldaps sqlnet", pn, " ")
		for (g = 0; g < nsvc; g++) {
			printf "object-group service TSVC-%d tcp\n", g
			k = 5 + int(rand() * 6)
			for (j = 0; j < k; j++) {
				if (rand() < 0.8)
					printf " port-object eq %s\n", pn[1 + int(rand() * 15)]
				else {
					lo = 1024 + int(rand() * 30000)
					printf " port-object range %d %d\n", lo, lo + int(rand() * 100)
				}
			}
			printf "object-group service USVC-%d\n", g
			printf " service-object tcp destination eq %s\n", pn[1 + int(rand() * 15)]
			printf " service-object udp destination eq %d\n", 1000 + g
			printf " service-object tcp-udp destination range %d %d\n", 5000 + g, 5010 + g
			printf " group-object TSVC-%d\n", int(rand() * (g + 1))
		}
		printf "object-group protocol TCPUDP\n protocol-object tcp\n protocol-object udp\n"
		# Servers with static NAT: object NAT (half with a service), some twice NAT.
		for (i = 0; i < nnat; i++) {
			printf "object network HOST-%d\n host 10.%d.%d.%d\n", i, 201 + int(i / 60000), int(i / 250) % 250, 1 + (i % 250)
		}
		for (i = 0; i < 50; i++)
			printf "object service FWD-%d\n service tcp destination eq %d\n", i, 20000 + i
		# Access list (the bulk).
		split("permit permit permit deny", act, " ")
		for (k = 0; k < N; k++) {
			r = int(rand() * 10)
			a = act[1 + int(rand() * 4)]
			if (r == 0)
				printf "access-list outside_in remark rule %d: change CHG%06d\n", k, k
			else if (r < 3)
				printf "access-list outside_in extended %s tcp object-group TOP-%d object-group LEAF-%d object-group TSVC-%d\n", a, int(rand() * ntop), int(rand() * nleaf), int(rand() * nsvc)
			else if (r < 5)
				printf "access-list outside_in extended %s object-group USVC-%d object-group MID-%d object-group LEAF-%d log\n", a, int(rand() * nsvc), int(rand() * nmid), int(rand() * nleaf)
			else if (r < 7)
				printf "access-list outside_in extended %s tcp any object HOST-%d eq %s\n", a, int(rand() * nnat), pn[1 + int(rand() * 15)]
			else if (r < 8)
				printf "access-list outside_in extended %s object-group TCPUDP any4 object-group MID-%d range %d %d\n", a, int(rand() * nmid), 1024 + k % 1000, 2048 + k % 1000
			else if (r < 9)
				printf "access-list outside_in extended %s ip 192.0.%d.0 255.255.255.0 host 10.%d.0.%d\n", a, k % 256, 1 + k % 200, 1 + k % 250
			else
				printf "access-list outside_in extended %s icmp any object-group LEAF-%d echo\n", a, int(rand() * nleaf)
		}
		printf "access-list outside_in extended deny ip any any log\n"
		printf "access-list inside_in extended permit ip any any\n"
		printf "pager lines 24\nlogging enable\nmtu outside 1500\nmtu inside 1500\nicmp unreachable rate-limit 1 burst-size 1\n"
		printf "no asdm history enable\narp timeout 14400\nno arp permit-nonconnected\n"
		# Twice NAT port forwards.
		for (i = 0; i < 50; i++)
			printf "nat (outside,inside) source static any interface destination static interface HOST-%d service FWD-%d FWD-%d\n", i, i, i
		printf "nat (inside,outside) after-auto source dynamic any interface\n"
		for (i = 0; i < nnat; i++) {
			printf "object network HOST-%d\n", i
			if (i % 2)
				printf " nat (inside,outside) static 203.0.113.%d service tcp %s %s\n", 10 + i % 240, pn[1 + i % 15], pn[1 + i % 15]
			else
				printf " nat (inside,outside) static 198.18.%d.%d\n", int(i / 250), 1 + i % 250
		}
		printf "access-group outside_in in interface outside\naccess-group inside_in in interface inside\n"
		printf "route outside 0.0.0.0 0.0.0.0 203.0.113.1 1\n"
		printf "timeout xlate 3:00:00\nuser-identity default-domain LOCAL\naaa authentication ssh console LOCAL\n"
		printf "http server enable\nhttp 192.168.99.0 255.255.255.0 management\n"
		printf "ssh 192.168.99.0 255.255.255.0 management\nssh version 2\n"
		printf "crypto ikev2 enable outside\n"
		printf "webvpn\n enable outside\n anyconnect enable\n tunnel-group-list enable\n"
		printf "group-policy GP-RA internal\ngroup-policy GP-RA attributes\n vpn-tunnel-protocol ssl-client\n"
		printf "tunnel-group RA type remote-access\ntunnel-group RA general-attributes\n default-group-policy GP-RA\n"
		printf "username admin password ***** pbkdf2 privilege 15\n"
		printf "Cryptochecksum:0123456789abcdef0123456789abcdef\n: end\n"
	}' >"$TMP/a$1.cfg"
}

runs=3
md_head "ACL lines"
for n in ${BENCH_ASA_SIZES:-5000 20000 100000}; do
	gen "$n"
	md_row "$n" "$TMP/a$n.cfg"
done

# Hostile shape (issue 12 §2): an ACL whose every line names a different
# undefined object-group. Each name is noted once; before the names were
# hashed, each was compared with every name noted so far (160k lines took
# 89.7 s and 730 MB). Figures, not a test.
undef() { # N: ACL lines, each with its own undefined group
	awk -v N="$1" 'BEGIN {
		printf "ASA Version 9.12(4)67 \n!\nhostname bench-undef\n"
		printf "interface GigabitEthernet1/1\n nameif outside\n security-level 0\n ip address 203.0.113.2 255.255.255.0\n!\n"
		printf "interface GigabitEthernet1/2\n nameif inside\n security-level 100\n ip address 10.0.0.1 255.255.0.0\n!\n"
		for (k = 0; k < N; k++)
			printf "access-list outside_in extended permit tcp any object-group UNDEFINED-%d eq https\n", k
		printf "access-group outside_in in interface outside\n"
	}' >"$TMP/u$1.cfg"
}
printf '\n| undefined group names | edgelint s | peak RSS KiB |\n|---|---|---|\n'
for n in 40000 80000 160000; do
	undef "$n"
	rc=0
	/usr/bin/time -q -f '%e %M' -o "$TMP/t" timeout "$LIMIT" "$BIN" --today 2026-11-21 \
		--format json "$TMP/u$n.cfg" >/dev/null || rc=$?
	read -r s kib < <(tail -1 "$TMP/t")
	[ "$rc" = 124 ] && s="> $LIMIT (stopped)"
	printf '| %d | %s | %s |\n' "$n" "$s" "$kib"
	rm -f "$TMP/u$n.cfg"
done
