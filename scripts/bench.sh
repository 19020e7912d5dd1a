#!/usr/bin/env bash
# bench.sh measures 'answerlint grade --jsonl' end to end (reading, grading, writing JSON) on generated
# corpora of 1k, 10k and 100k medium answers (about 200 words each), a single 1 MB answer, and
# 'answerlint rubric list'. It prints a Markdown table: answers/s, MB/s of input, CPU time (user+system, all
# cores) and peak RSS.
#
#   scripts/bench.sh            # from the repository root
#   RUNS=5 scripts/bench.sh     # best of 5 runs instead of 3
#   HUGE=1 scripts/bench.sh     # also stream 1M answers (generated on the fly) to check peak RSS
#
# Needs Go and GNU time (/usr/bin/time) for peak RSS. Figures depend on the machine and on what else it
# runs: the script prints the CPU count and load average next to them.
set -euo pipefail

runs=${RUNS:-3}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
bin=$work/answerlint
gen=$work/gen

go build -o "$bin" .
go build -o "$gen" ./testdata/gen

have_time=0
if /usr/bin/time -f %M true 2>/dev/null; then have_time=1; fi

# run FILE: the best wall time over $runs runs and that run's CPU time (user+system), in seconds, and
# the largest peak RSS (KiB) of grading FILE.
run() {
	local best="" cpu=0 rss=0 t0 t1 secs kb used code
	for _ in $(seq "$runs"); do
		t0=$(date +%s%N)
		code=0
		if [ $have_time = 1 ]; then
			/usr/bin/time -f "%M %U %S" -o "$work/rss" "$bin" grade --jsonl "$1" >/dev/null 2>"$work/err" || code=$?
		else
			"$bin" grade --jsonl "$1" >/dev/null 2>"$work/err" || code=$?
		fi
		t1=$(date +%s%N)
		if [ "$code" -gt 1 ]; then
			echo "answerlint exited $code:" >&2
			cat "$work/err" >&2
			exit 1
		fi
		secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
		used=0
		if [ $have_time = 1 ]; then
			read -r kb u s < <(tail -1 "$work/rss")
			used=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
			if [ "$kb" -gt "$rss" ]; then rss=$kb; fi
		fi
		if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$secs cpu=$used; fi
	done
	echo "$best $cpu $rss"
}

mib() { if [ "$1" = 0 ]; then echo "n/a"; else awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; fi; }

echo "machine: $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || uname -m)), $(go version | cut -d' ' -f3)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
echo
echo "| answers | input | best of $runs | answers/s | MB/s | CPU time | peak RSS |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
declare -A secs_for
for n in 1000 10000 100000; do
	f=$work/medium-$n.jsonl
	[ -s "$f" ] || "$gen" -n "$n" -words 200 -o "$f"
	bytes=$(wc -c <"$f")
	read -r secs cpu rss < <(run "$f")
	secs_for[$n]=$secs
	awk -v n="$n" -v b="$bytes" -v s="$secs" -v c="$cpu" -v r="$(mib "$rss")" \
		'BEGIN { printf "| %d | %.1f MB | %.3f s | %.0f | %.1f | %.2f s | %s |\n", n, b / 1e6, s, n / s, b / 1e6 / s, c, r }'
done
echo
awk -v a="${secs_for[10000]}" -v b="${secs_for[100000]}" 'BEGIN { printf "100k / 10k time: %.1f× (linear is 10×)\n", b / a }'

# One answer of about 1 MB, and the cost of starting up (loading the pack) on an empty input.
big=$work/one-mb.jsonl
[ -s "$big" ] || "$gen" -n 1 -words 170000 -o "$big"
: >"$work/empty.jsonl"
read -r big_secs _ big_rss < <(run "$big")
read -r start_secs _ _ < <(run "$work/empty.jsonl")
awk -v b="$(wc -c <"$big")" -v s="$big_secs" -v z="$start_secs" -v r="$(mib "$big_rss")" \
	'BEGIN { printf "one %.2f MB answer: %.0f ms in all, %.0f ms of it start-up (empty input), peak RSS %s\n", b / 1e6, s * 1000, z * 1000, r }'

# 'rubric list': process start, loading the embedded pack, output.
t0=$(date +%s%N)
for _ in $(seq 20); do "$bin" rubric list >/dev/null; done
t1=$(date +%s%N)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "rubric list: %.1f ms (mean of 20)\n", (b - a) / 20 / 1e6 }'

if [ "${HUGE:-0}" = 1 ] && [ $have_time = 1 ]; then
	t0=$(date +%s%N)
	"$gen" -n 1000000 -words 200 | /usr/bin/time -f %M -o "$work/rss" "$bin" grade --jsonl >/dev/null 2>"$work/err" || true
	t1=$(date +%s%N)
	awk -v a="$t0" -v b="$t1" -v k="$(tail -1 "$work/rss")" \
		'BEGIN { printf "1M answers streamed from the generator: %.0f s, peak RSS %.0f MiB\n", (b - a) / 1e9, k / 1024 }'
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
