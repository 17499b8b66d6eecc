#!/usr/bin/env bash
# Fuzzes the bundle reader, the engines and the renderers with generated bundles of extreme numbers:
#   scripts/fuzz.sh [CASES] [START]      (default 1,000,000 cases from 0)
# Builds jixiao-fuzz in release (no server dependencies), runs the cases in chunks on every core, and when a chunk
# ends by a signal narrows it down to the case and writes that bundle to out/fuzz-crash-N.json. Exits 1 on any crash
# or violated invariant.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}
start=${2:-0}
chunk=20000
workers=$(nproc)
swift build -c release --scratch-path .build-fuzz --product jixiao-fuzz >&2
fuzz="$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/jixiao-fuzz"
mkdir -p out
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

# Runs [from, from+count); on a signal, halves the range until one case is left and saves it.
run() {
  local from=$1 count=$2 status=0
  "$fuzz" --start "$from" --count "$count" > "$log/$from.out" 2>&1 || status=$?
  if [ "$status" -gt 128 ]; then
    if [ "$count" -eq 1 ]; then
      "$fuzz" --dump "$from" > "out/fuzz-crash-$from.json"
      echo "CRASH case $from (signal $((status - 128))): out/fuzz-crash-$from.json" >> "$log/crashes"
      return
    fi
    local half=$((count / 2))
    run "$from" "$half"
    run $((from + half)) $((count - half))
  elif [ "$status" -ne 0 ]; then
    grep '^case ' "$log/$from.out" >> "$log/violations" || true
  fi
}

began=$(date +%s)
next=$start
end=$((start + cases))
while [ "$next" -lt "$end" ]; do
  for _ in $(seq "$workers"); do
    [ "$next" -lt "$end" ] || break
    count=$(( end - next < chunk ? end - next : chunk ))
    run "$next" "$count" &
    next=$((next + count))
  done
  wait
  echo "fuzz: $((next - start)) of $cases cases, $(( $(date +%s) - began )) s" >&2
done
touch "$log/crashes" "$log/violations"
accepted=$(cat "$log"/*.out | sed -n 's/.* run, \([0-9]*\) accepted.*/\1/p' | awk '{ sum += $1 } END { print sum + 0 }')
crashes=$(wc -l < "$log/crashes")
violations=$(wc -l < "$log/violations")
echo "fuzz: $cases cases from $start, $accepted accepted by the reader, $crashes crashes, $violations violations," \
  "$(( $(date +%s) - began )) s"
cat "$log/crashes"
head -20 "$log/violations"
[ "$crashes" -eq 0 ] && [ "$violations" -eq 0 ]
