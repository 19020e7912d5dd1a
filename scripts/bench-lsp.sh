#!/usr/bin/env bash
# bench-lsp.sh fails when the language server's median time from a didChange of a 1,000-word answer to
# its published diagnostics (BenchmarkDidChange, over the protocol, debounce excluded) is over CEILING
# milliseconds. The target is well under 50 ms on 2 cores; a 2-core machine measures about 1 ms, so a
# busy CI machine passes while a regression of the kind that matters (grading every open file on each
# keystroke, an accidental quadratic) does not.
#
#   scripts/bench-lsp.sh                # ceiling 50 ms
#   CEILING=10 scripts/bench-lsp.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ceiling=${CEILING:-50}
out=$(go test ./lsp -run '^$' -bench '^BenchmarkDidChange$' -benchtime 200x -count 1)
echo "$out" | grep '^Benchmark'
median=$(echo "$out" | awk '/^BenchmarkDidChange/ { for (i = 1; i < NF; i++) if ($(i+1) == "ms-median") print $i }')
if [ -z "$median" ]; then
	echo "bench-lsp: no ms-median figure in the benchmark output" >&2
	exit 1
fi
if awk -v m="$median" -v c="$ceiling" 'BEGIN { exit !(m > c) }'; then
	echo "bench-lsp: median $median ms from didChange to diagnostics is over the ceiling of $ceiling ms" >&2
	exit 1
fi
echo "bench-lsp: median $median ms from didChange to diagnostics (ceiling $ceiling ms)"
