#!/usr/bin/env bash
# tests/bench/pcap.sh BINARY — figures for the capture reader (make bench).
# Makes 256 MiB, 512 MiB and 1 GiB captures with
# ../shared/bench/make-bench-pcap.sh in a temporary directory (never in
# git) and, per size, in the same run: a bare libpcap read loop
# (tests/bench/pcap_loop.c, the ceiling for a libpcap tool) and edgelint
# --format json, each best of BENCH_RUNS (default 3) warm-cache runs,
# with wall time, MB/s (10^6 bytes per second), peak RSS (/usr/bin/time
# -f '%e %M') and edgelint's share of the loop's throughput. Then the
# HTTPS share edgelint reports is compared with the generator's answer
# file (OUT.pcap.answer.json, its "web" section): match or mismatch; and
# its planted cleartext logins (cleartext_logins, matched on client,
# server and packet) and decoys (not_cleartext: STARTTLS / AUTH TLS / STLS
# sessions and a 401 challenge, matched on client and server) against
# edgelint's credentials and anonymous logins: found / planted / missed
# per protocol, and false reports (none planted there; decoys among them).
# Figures, not a test: nothing here passes or fails. Targets: >= 70 % of
# the loop's throughput and < 64 MiB peak RSS on 1 GiB.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
GEN=${BENCH_PCAP_GEN:-$ROOT/../shared/bench/make-bench-pcap.sh}
RUNS=${BENCH_RUNS:-3}
SIZES=${BENCH_PCAP_SIZES:-256M 512M 1G}
if [ ! -f "$GEN" ]; then
	echo "pcap bench: $GEN not found; skipped"
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "pcap bench: /usr/bin/time is missing (apt-get install time); skipped"
	exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cc -O2 -o "$TMP/pcap_loop" "$ROOT/tests/bench/pcap_loop.c" -lpcap

best() { # CMD...: prints "seconds rss_kib" of the fastest of RUNS runs
	local b="" brss="" i
	for ((i = 0; i < RUNS; i++)); do
		/usr/bin/time -f '%e %M' -o "$TMP/t" "$@" >"$TMP/out" 2>/dev/null || true
		# the last line: /usr/bin/time first notes a non-zero exit (a
		# capture with cleartext logins fails 6-1: exit 1)
		read -r s rss < <(tail -n 1 "$TMP/t")
		if [ -z "$b" ] || awk -v a="$s" -v c="$b" 'BEGIN{exit !(a < c)}'; then b=$s; brss=$rss; fi
	done
	echo "$b $brss"
}

echo "== capture reader (pcap): best of $RUNS runs, warm cache"
printf '%-6s %-14s %8s %10s %9s %8s\n' size command "wall s" "MB/s" "RSS MiB" "of loop"
for size in $SIZES; do
	f=$TMP/bench-$size.pcap
	bash "$GEN" "$f" "$size" >/dev/null 2>&1 || { echo "pcap bench: generator failed for $size"; continue; }
	bytes=$(stat -c %s "$f")
	cat "$f" >/dev/null
	read -r ls lrss < <(best "$TMP/pcap_loop" "$f")
	read -r es erss < <(best "$BIN" --format json -o "$TMP/r.json" "$f")
	lmbs=$(awk -v b="$bytes" -v s="$ls" 'BEGIN{printf "%.0f", (s > 0 ? b / s / 1e6 : 0)}')
	embs=$(awk -v b="$bytes" -v s="$es" 'BEGIN{printf "%.0f", (s > 0 ? b / s / 1e6 : 0)}')
	printf '%-6s %-14s %8s %10s %9.1f %8s\n' "$size" "libpcap loop" "$ls" "$lmbs" \
		"$(awk -v k="$lrss" 'BEGIN{print k/1024}')" "100%"
	printf '%-6s %-14s %8s %10s %9.1f %7s%%\n' "$size" "edgelint" "$es" "$embs" \
		"$(awk -v k="$erss" 'BEGIN{print k/1024}')" \
		"$(awk -v a="$embs" -v b="$lmbs" 'BEGIN{printf "%.0f", (b > 0 ? 100 * a / b : 0)}')"
	ans=$f.answer.json
	if [ -f "$ans" ] && command -v jq >/dev/null; then
		got=$(jq -c '.inputs[0].traffic.web | [.https_flows, .http_flows, .https_bytes, .http_bytes]' "$TMP/r.json")
		want=$(jq -c '.web | [(.https_flows // .encrypted_flows), (.http_flows // .cleartext_flows), (.https_bytes // .encrypted_bytes), (.http_bytes // .cleartext_bytes)]' "$ans")
		if [ "$got" = "$want" ]; then echo "       web share vs answer file: match $got"
		else echo "       web share vs answer file: MISMATCH edgelint $got, answer $want"; fi
		jq -r --slurpfile a "$ans" -f "$ROOT/tests/bench/pcap-logins.jq" "$TMP/r.json"
	fi
	rm -f "$f" "$f.answer.json"
done
