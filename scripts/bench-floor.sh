#!/usr/bin/env bash
# bench-floor.sh fails when 'answerlint grade --jsonl' (BenchmarkJSONL: 2,000 generated medium answers
# per run, start-up included) grades fewer answers per second than FLOOR. The floor sits far below what
# a 2-core machine does (about 18,000/s) so that a slow or busy CI machine passes, while a regression of
# the kind that matters (an accidental quadratic, a lock on the hot path) does not.
#
#   scripts/bench-floor.sh              # floor 4000 answers/s
#   FLOOR=10000 scripts/bench-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."

floor=${FLOOR:-4000}
out=$(go test ./cmd -run '^$' -bench '^BenchmarkJSONL$' -benchtime 5x -count 1)
echo "$out" | grep '^Benchmark'
rate=$(echo "$out" | awk '/^BenchmarkJSONL/ { for (i = 1; i < NF; i++) if ($(i+1) == "answers/s") print $i }')
if [ -z "$rate" ]; then
	echo "bench-floor: no answers/s figure in the benchmark output" >&2
	exit 1
fi
if awk -v r="$rate" -v f="$floor" 'BEGIN { exit !(r < f) }'; then
	echo "bench-floor: $rate answers/s is under the floor of $floor" >&2
	exit 1
fi
echo "bench-floor: $rate answers/s (floor $floor)"
