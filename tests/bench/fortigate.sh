#!/usr/bin/env bash
# tests/bench/fortigate.sh BINARY — figures for the FortiGate pipeline (make bench).
# Generates FortiOS backups of about 12.5k, 25k and 50k lines in a temporary
# directory (issue 19 "Speed"): VDOM mode with three VDOMs (config vdom /
# config global), each with its own internet-facing interface (PPPoE, DHCP,
# default route), address objects (subnets and ranges), address groups
# nested three deep, custom services and nested service groups, VIP port
# forwards and thousands of policies from the WAN whose source and
# destination name the groups and VIPs, plus ENC secrets. Each run is the
# full analysis (parsing, every VIP forward and admin service, every policy
# line checked for being shadowed or redundant) and the JSON report. Prints
# wall time (best of 3), CPU time and peak memory per size; `cat` of the
# same file is the floor. Figures, not a test. BENCH_FGT_SIZES overrides
# the sizes (policies per VDOM).
set -eu
LIMIT=${BENCH_TIMEOUT:-300}
BIN=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
BENCH_TODAY=2026-12-07
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"

gen() { # P: policies per VDOM
	awk -v P="$1" '
	function q(s) { return "\"" s "\"" }
	BEGIN {
		srand(19)
		printf "#config-version=FGT100F-7.2.11-FW-build1740-250226:opmode=0:vdom=1:user=admin\n"
		printf "#conf_file_ver=1\n#buildno=1740\n#global_vdom=1\n"
		split("root branch lab", vd, " ")
		printf "config vdom\n"
		for (v = 1; v <= 3; v++) printf "edit %s\nnext\n", vd[v]
		printf "end\nconfig global\nconfig system global\n    set hostname \"bench-fgt\"\nend\n"
		printf "config system interface\n"
		for (v = 1; v <= 3; v++) {
			printf "    edit \"wan%d\"\n        set vdom %s\n", v, q(vd[v])
			if (v == 1) printf "        set mode pppoe\n        set password ENC QmVuY2hTZWNyZXRCbG9iMQ==\n"
			else if (v == 2) printf "        set mode dhcp\n"
			else printf "        set ip 203.0.113.2 255.255.255.0\n"
			printf "        set allowaccess ping%s\n        set role wan\n    next\n", v == 3 ? " https" : ""
			printf "    edit \"lan%d\"\n        set vdom %s\n        set ip 10.%d.0.1 255.255.0.0\n", v, q(vd[v]), v
			printf "        set allowaccess ping https ssh\n        set role lan\n    next\n"
		}
		printf "end\nconfig system admin\n    edit \"admin\"\n        set trusthost1 10.1.0.0 255.255.0.0\n"
		printf "        set password ENC QmVuY2hTZWNyZXRCbG9iMg==\n    next\nend\nend\n"
		printf "config vdom\n"
		nleaf = int(P / 10); if (nleaf < 20) nleaf = 20
		nmid = int(nleaf / 4); ntop = int(nmid / 3)
		nsvc = int(P / 50); if (nsvc < 10) nsvc = 10
		nvip = int(P / 20); if (nvip < 20) nvip = 20
		for (v = 1; v <= 3; v++) {
			printf "edit %s\n", vd[v]
			printf "config firewall address\n    edit \"all\"\n    next\n"
			for (a = 0; a < nleaf * 4; a++) {
				printf "    edit \"H-%d\"\n", a
				if (a % 7 == 0)
					printf "        set type iprange\n        set start-ip 198.%d.%d.1\n        set end-ip 198.%d.%d.20\n    next\n", 18 + a % 2, a % 250, 18 + a % 2, a % 250
				else
					printf "        set subnet %d.%d.%d.0 255.255.255.%s\n    next\n", 100 + a % 100, int(a / 250) % 250, a % 250, a % 3 ? "0" : "240"
			}
			printf "end\nconfig firewall addrgrp\n"
			for (g = 0; g < nleaf; g++) {
				printf "    edit \"LEAF-%d\"\n        set member", g
				for (j = 0; j < 4; j++) printf " \"H-%d\"", (g * 4 + j) % (nleaf * 4)
				printf "\n    next\n"
			}
			for (g = 0; g < nmid; g++) {
				printf "    edit \"MID-%d\"\n        set member", g
				for (j = 0; j < 4; j++) printf " \"LEAF-%d\"", (g * 4 + j) % nleaf
				printf "\n    next\n"
			}
			for (g = 0; g < ntop; g++) {
				printf "    edit \"TOP-%d\"\n        set member \"MID-%d\" \"MID-%d\" \"MID-%d\"\n    next\n", g, g * 3 % nmid, (g * 3 + 1) % nmid, (g * 3 + 2) % nmid
			}
			printf "end\nconfig firewall service custom\n"
			for (s = 0; s < nsvc; s++) {
				lo = 1024 + int(rand() * 40000)
				printf "    edit \"SVC-%d\"\n        set tcp-portrange %d-%d %d\n", s, lo, lo + int(rand() * 50), 20 + s % 1000
				if (s % 3 == 0) printf "        set udp-portrange %d\n", lo
				printf "    next\n"
			}
			printf "end\nconfig firewall service group\n"
			for (s = 0; s < nsvc / 2; s++)
				printf "    edit \"SG-%d\"\n        set member \"SVC-%d\" \"SVC-%d\" \"HTTPS\"\n    next\n", s, 2 * s, 2 * s + 1
			printf "end\nconfig firewall vip\n"
			for (i = 0; i < nvip; i++) {
				printf "    edit \"VIP-%d\"\n        set extintf \"wan%d\"\n        set portforward enable\n", i, v
				printf "        set mappedip \"10.%d.%d.%d\"\n        set extport %d\n        set mappedport %d\n    next\n", v, int(i / 250), 1 + i % 250, 10000 + i, i % 2 ? 443 : 3389
			}
			printf "end\nconfig firewall policy\n"
			split("accept accept accept deny", act, " ")
			for (k = 1; k <= P; k++) {
				r = int(rand() * 10)
				printf "    edit %d\n        set name \"p%d\"\n        set srcintf \"wan%d\"\n        set dstintf \"lan%d\"\n", k, k, v, v
				if (rand() < 0.9) printf "        set action %s\n", act[1 + int(rand() * 4)]
				if (r < 3) printf "        set srcaddr \"TOP-%d\"\n", int(rand() * ntop)
				else if (r < 6) printf "        set srcaddr \"MID-%d\" \"H-%d\"\n", int(rand() * nmid), int(rand() * nleaf * 4)
				else if (r < 9) printf "        set srcaddr \"LEAF-%d\"\n", int(rand() * nleaf)
				else printf "        set srcaddr \"all\"\n"
				printf "        set dstaddr \"VIP-%d\"\n", int(rand() * nvip)
				printf "        set schedule \"always\"\n"
				if (r < 5) printf "        set service \"SG-%d\"\n", int(rand() * (nsvc / 2))
				else printf "        set service \"SVC-%d\" \"RDP\"\n", int(rand() * nsvc)
				if (k % 50 == 0) printf "        set status disable\n"
				printf "        set comments \x27bench policy %d\nsecond line\x27\n    next\n", k
			}
			printf "    edit %d\n        set srcintf \"lan%d\"\n        set dstintf \"wan%d\"\n        set action accept\n", P + 1, v, v
			printf "        set srcaddr \"all\"\n        set dstaddr \"all\"\n        set service \"ALL\"\n        set nat enable\n    next\nend\n"
			printf "config vpn ssl settings\n    set port 10443\n    set source-interface \"wan%d\"\n    set source-address \"all\"\nend\n", v
			printf "config router static\n    edit 1\n        set gateway 203.0.113.1\n        set device \"wan%d\"\n    next\nend\n", v
			printf "next\n"
		}
		printf "end\n"
	}' >"$TMP/f$1.conf"
}

echo "FortiGate configs (3 VDOMs; nested address and service groups, VIPs, policies from the WAN):"
printf '%-9s %-9s %-10s %-9s %-8s %-10s %-9s\n' policies lines bytes "wall s" "cpu s" "lines/s" "peak KiB"
runs=3
for p in ${BENCH_FGT_SIZES:-300 600 1200}; do
	gen "$p"
	f=$TMP/f$p.conf
	lines=$(wc -l <"$f")
	bytes=$(stat -c %s "$f")
	best_of "$f"
	lps=$(awk -v l="$lines" -v s="$best" 'BEGIN{ if (s+0>0) printf "%.0f", l/s; else print "-" }')
	printf '%-9s %-9s %-10s %-9s %-8s %-10s %-9s\n' "$((3 * p))" "$lines" "$bytes" "$best" "$cpu" "$lps" "$rss"
	rm -f "$f"
done
