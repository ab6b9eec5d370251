#!/usr/bin/env bash
# tests/bench/facts.sh BINARY — figures for the facts pipeline (make bench).
# Generates facts files of growing size (up to the 2 MiB limit) in a temporary
# directory, then prints wall time, throughput and peak memory per size, so
# that cost can be seen to grow linearly. `cat` is timed on the same file as
# the floor. Figures, not a test: nothing here passes or fails.
set -eu
BIN=$1
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
gen() { # N networks
	{
		printf 'router:\n  vendor: buffalo\n  model: WSR-1800AX4S\n  firmware_version: "1.11"\n'
		printf '  latest_firmware_version: "1.11"\nwifi:\n'
		for i in $(seq 1 "$1"); do
			printf '  - ssid: bench-%06d\n    security: WPA2-PSK(AES)\n    passphrase: "orbit-%06d-violet-lamp-%06d"\n' "$i" "$i" "$((i * 7919 % 1000003))"
		done
	} >"$TMP/f$1.yaml"
}
runs=3
printf '| networks | bytes | edgelint s (best of %d) | MB/s | peak RSS KiB | cat s |\n|---|---|---|---|---|---|\n' "$runs"
for n in 1000 4000 16000; do
	gen "$n"
	f=$TMP/f$n.yaml
	bytes=$(stat -c %s "$f")
	best=999999; rss=0
	for _ in $(seq 1 "$runs"); do
		timed "$TMP/t" "$BIN" --today 2026-11-21 --format json "$f"
		read -r s kib < <(tail -1 "$TMP/t")
		best=$(awk -v a="$best" -v b="$s" 'BEGIN{print (b<a)?b:a}')
		rss=$kib
	done
	/usr/bin/time -f '%e' -o "$TMP/c" cat "$f" >/dev/null
	mbps=$(awk -v b="$bytes" -v s="$best" 'BEGIN{ if (s>0) printf "%.1f", b/1048576/s; else print "inf" }')
	printf '| %d | %d | %s | %s | %s | %s |\n' "$n" "$bytes" "$best" "$mbps" "$rss" "$(cat "$TMP/c")"
done
