#!/usr/bin/env bash
# tests/bench/pcap.sh BINARY — figures for the capture reader (make bench).
# Makes 256 MiB, 512 MiB and 1 GiB captures with
# ../shared/bench/make-bench-pcap.sh (or BENCH_PCAP_GEN; not part of this
# repository: without it the script says so and skips) in a temporary
# directory (never in git) and, per size, in the same run: a bare libpcap read loop
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
# The peer tools run in the same run on the same files, as
# ../shared/bench/measure-peers.sh runs them, each under `timeout`
# (BENCH_PEER_TIMEOUT seconds, default 600): tcpdump -r FILE -w /dev/null,
# ndpiReader -i FILE, tshark -r FILE -q -z io,phs and dsniff -n -m -p FILE.
# `make bench` installs the missing ones (apt-get); a peer still missing
# is skipped with a note. BENCH_PEERS=0 leaves them out.
# Figures, not a test: nothing here passes or fails. Targets: >= 70 % of
# the loop's throughput and < 64 MiB peak RSS on 1 GiB.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
GEN=${BENCH_PCAP_GEN:-$ROOT/../shared/bench/make-bench-pcap.sh}
RUNS=${BENCH_RUNS:-3}
PEER_TIMEOUT=${BENCH_PEER_TIMEOUT:-600}
SIZES=${BENCH_PCAP_SIZES:-256M 512M 1G}
if [ ! -f "$GEN" ]; then
	# The capture generator is not part of this repository: it lives in the
	# project's shared workspace beside it (../shared/bench). Say so plainly.
	echo "pcap bench: skipped — it needs the capture generator make-bench-pcap.sh, which is not"
	echo "  part of this repository (looked for $GEN)."
	echo "  Give its path with BENCH_PCAP_GEN=/path/to/make-bench-pcap.sh make bench (the default is"
	echo "  ../shared/bench/ beside the repository; it needs python3 with numpy and cryptography)."
	echo "  The other benchmarks generate their inputs themselves and need nothing else."
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "pcap bench: /usr/bin/time is missing (apt-get install time); skipped"
	exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cc -O2 -o "$TMP/pcap_loop" "$ROOT/tests/bench/pcap_loop.c" -lpcap

best() { # CMD...: prints "seconds rss_kib" of the fastest of RUNS runs ("timeout -" if one timed out)
	local b="" brss="" i rc
	for ((i = 0; i < RUNS; i++)); do
		rc=0
		/usr/bin/time -f '%e %M' -o "$TMP/t" timeout "$PEER_TIMEOUT" "$@" >"$TMP/out" 2>/dev/null || rc=$?
		if [ "$rc" = 124 ]; then echo "timeout -"; return; fi
		# the last line: /usr/bin/time first notes a non-zero exit (a
		# capture with cleartext logins fails 6-1: exit 1)
		read -r s rss < <(tail -n 1 "$TMP/t")
		if [ -z "$b" ] || awk -v a="$s" -v c="$b" 'BEGIN{exit !(a < c)}'; then b=$s; brss=$rss; fi
	done
	echo "$b $brss"
}

# row SIZE NAME SECONDS RSS_KIB LOOP_MBS: one line of the table
row() {
	if [ "$3" = timeout ]; then
		printf '%-6s %-22s %8s %10s %9s %8s\n' "$1" "$2" ">$PEER_TIMEOUT" - - -
		return
	fi
	local mbs
	mbs=$(awk -v b="$bytes" -v s="$3" 'BEGIN{printf "%.0f", (s > 0 ? b / s / 1e6 : 0)}')
	printf '%-6s %-22s %8s %10s %9.1f %7s%%\n' "$1" "$2" "$3" "$mbs" \
		"$(awk -v k="$4" 'BEGIN{print k/1024}')" \
		"$(awk -v a="$mbs" -v b="$5" 'BEGIN{printf "%.0f", (b > 0 ? 100 * a / b : 0)}')"
}

# The peers, as NAME|COMMAND (FILE is replaced), and what is missing.
PEERS=(
	"tcpdump -r -w /dev/null|tcpdump -r FILE -w /dev/null"
	"ndpiReader -i|ndpiReader -i FILE"
	"tshark -q -z io,phs|tshark -r FILE -q -z io,phs"
	"dsniff -n -m -p|dsniff -n -m -p FILE"
)
[ "${BENCH_PEERS:-1}" = 0 ] && PEERS=()
for p in "${PEERS[@]}"; do
	tool=${p#*|}; tool=${tool%% *}
	command -v "$tool" >/dev/null || echo "pcap bench: $tool is not installed (make bench installs it); skipped"
done

echo "== capture reader (pcap): best of $RUNS runs, warm cache"
printf '%-6s %-22s %8s %10s %9s %8s\n' size command "wall s" "MB/s" "RSS MiB" "of loop"
for size in $SIZES; do
	f=$TMP/bench-$size.pcap
	bash "$GEN" "$f" "$size" >/dev/null 2>&1 || { echo "pcap bench: generator failed for $size"; continue; }
	bytes=$(stat -c %s "$f")
	cat "$f" >/dev/null
	read -r ls lrss < <(best "$TMP/pcap_loop" "$f")
	read -r es erss < <(best "$BIN" --format json -o "$TMP/r.json" "$f")
	lmbs=$(awk -v b="$bytes" -v s="$ls" 'BEGIN{printf "%.0f", (s > 0 ? b / s / 1e6 : 0)}')
	row "$size" "libpcap loop" "$ls" "$lrss" "$lmbs"
	row "$size" "edgelint" "$es" "$erss" "$lmbs"
	for p in "${PEERS[@]}"; do
		name=${p%%|*}; cmd=${p#*|}
		command -v "${cmd%% *}" >/dev/null || continue
		# shellcheck disable=SC2086 # the command's words (temporary paths have no spaces)
		read -r ps prss < <(best ${cmd//FILE/$f})
		row "$size" "$name" "$ps" "$prss" "$lmbs"
	done
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
