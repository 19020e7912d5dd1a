#!/usr/bin/env bash
# bench.sh measures answerlint against the floor of its job in one run, on one machine, and prints ratios:
#
#   - 'answerlint grade --jsonl' over N generated medium answers (about 200 words each, internal/corpus),
#     beside ripgrep searching the same answers for every phrasing of the pack in one multi-pattern pass:
#     'rg -c -F -f phrases.txt' on lower-cased text (the floor) and 'rg -c -i -F -f phrases.txt';
#   - the files path, 'answerlint grade --format json=FILE DIR/', one Markdown file per answer, and the
#     same with a SARIF report beside the JSON one (the formats printed whole at the end of a run);
#   - Vale with the same phrasings as an existence rule over the same files, when vale is installed;
#   - peak RSS of each, the time of 10×N answers against N (linear is 10×), one answer of 1 MB, and the
#     peak RSS of 1M answers streamed from the generator;
#   - the time of each linearity benchmark at 2N against N (linear is 2×): hostile text, rubric
#     compilation, an unknown rubric id, files of many sections, drafting, a batch of files;
#   - start-up: 'answerlint --version', 'answerlint rubric list' and grading one file, beside a bare Go
#     hello-world built in the same run, and beside a binary that only links cobra and viper (the floor
#     answerlint's dependencies set, testdata/depfloor), in paired runs. answerlint and the floor are
#     built as the README installs answerlint and the GitHub Action builds it, with CGO_ENABLED=0 (a
#     static binary, like the hello-world); the last two rows are a plain 'go build' of each, which links
#     the C library and starts through the dynamic loader.
#
#   scripts/bench.sh                  # from the repository root
#   RUNS=7 scripts/bench.sh           # median of 7 runs instead of 5
#   N=2000 HUGE=0 scripts/bench.sh    # a quick look: fewer answers, no 1M stream
#   LINEAR=0 scripts/bench.sh         # without the linearity benchmarks
#   ONLY=startup scripts/bench.sh     # the start-up section alone (it still builds the answer files)
#
# Ripgrep is installed with apt-get when missing (and the script runs as root); without it the rg rows
# are left out. GNU time (/usr/bin/time) gives CPU time and peak RSS. Every figure is the median of RUNS
# runs (start-up: of STARTS paired runs); a shared machine makes absolute times noisy, which is why the
# ratios, taken between runs interleaved in time, are what to quote. The script prints the CPU count and
# the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
starts=${STARTS:-30}
n=${N:-10000}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
bin=$work/answerlint
gen=$work/gen

only=${ONLY:-}
if [ -n "$only" ] && [ "$only" != startup ]; then
	echo "ONLY=$only: the only section that runs alone is startup" >&2
	exit 2
fi

if [ -z "$only" ] && ! command -v rg >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	echo "installing ripgrep…" >&2
	{ apt-get update -qq && apt-get install -y -qq ripgrep; } >/dev/null 2>&1 || echo "could not install ripgrep" >&2
fi
have_rg=0
if command -v rg >/dev/null; then have_rg=1; fi
have_vale=0
if command -v vale >/dev/null; then have_vale=1; fi
if ! /usr/bin/time -f %M true 2>/dev/null; then
	echo "bench.sh needs GNU time (/usr/bin/time)" >&2
	exit 1
fi

CGO_ENABLED=0 go build -o "$bin" .
go build -o "$gen" ./testdata/gen
mkdir -p "$work/hello"
cat >"$work/hello/main.go" <<'EOF'
package main

import "fmt"

func main() { fmt.Println("hello, world") }
EOF
(cd "$work/hello" && GO111MODULE=off go build -o "$work/hello-go" main.go)
CGO_ENABLED=0 go build -o "$work/depfloor" ./testdata/depfloor
# The same two from a plain 'go build' (on a machine with a C compiler, where cgo is on): the net
# package, which pflag and viper's dependencies link (and answerlint never uses), then takes the C
# resolver, so the binary links the C library and starts through the dynamic loader. answerlint
# calls no C.
go build -o "$bin-dynamic" .
go build -o "$work/depfloor-dynamic" ./testdata/depfloor

# The corpora: N and 10×N answers as JSON Lines, the N answers lower-cased for 'rg -F', the same N answers
# one file each, and the pack's phrasings.
jsonl=$work/medium-$n.jsonl
big=$work/medium-$((n * 10)).jsonl
lower=$work/lower-$n.jsonl
files=$work/files-$n
phrases=$work/phrases.txt
[ -d "$files" ] || "$gen" -n "$n" -words 200 -dir "$files"
if [ -z "$only" ]; then
	[ -s "$jsonl" ] || "$gen" -n "$n" -words 200 -o "$jsonl"
	[ -s "$big" ] || "$gen" -n $((n * 10)) -words 200 -o "$big"
	[ -s "$lower" ] || tr '[:upper:]' '[:lower:]' <"$jsonl" >"$lower"
	[ -s "$phrases" ] || "$gen" -phrases "$phrases"
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure RUNS CMD...: runs CMD RUNS times (exit codes 0 and 1 are results, not failures) and prints the
# median wall time (s), the median CPU time (user+system, s) and the largest peak RSS (KiB).
measure() {
	local k=$1 i t0 t1 code rss=0 kb u s
	shift
	: >"$work/wall"
	: >"$work/cpu"
	for i in $(seq "$k"); do
		code=0
		t0=$EPOCHREALTIME
		/usr/bin/time -f "%M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" || code=$?
		t1=$EPOCHREALTIME
		if [ "$code" -gt 1 ]; then
			echo "$* exited $code:" >&2
			head -5 "$work/err" >&2
			exit 1
		fi
		read -r kb u s < <(tail -1 "$work/time")
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }' >>"$work/wall"
		awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f\n", u + s }' >>"$work/cpu"
		if [ "$kb" -gt "$rss" ]; then rss=$kb; fi
	done
	echo "$(median <"$work/wall") $(median <"$work/cpu") $rss"
}

echo "machine: $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || uname -m)), $(go version | cut -d' ' -f3)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "$only" ]; then
	echo "corpus: $n medium answers ($(wc -c <"$jsonl") bytes), $(wc -l <"$phrases") phrasings; median of $runs runs"
	echo

	declare -A wall cpu rss
	row() { # row KEY RUNS CMD...
		local key=$1
		shift
		read -r "wall[$key]" "cpu[$key]" "rss[$key]" < <(measure "$@")
	}
	row jsonl "$runs" "$bin" grade --jsonl "$jsonl"
	if [ $have_rg = 1 ]; then
		row rg "$runs" rg -c -F -f "$phrases" "$lower"
		row rgi "$runs" rg -c -i -F -f "$phrases" "$jsonl"
	fi
	row files "$runs" "$bin" grade --format "json=$work/report.json" "$files"
	row sarif "$runs" "$bin" grade --format "json=$work/report.json" --format "sarif=$work/report.sarif" "$files"
	if [ $have_vale = 1 ]; then
		mkdir -p "$work/vale/styles/Bench"
		printf 'StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Bench\n' >"$work/vale/.vale.ini"
		{
			printf 'extends: existence\nmessage: "%%s"\nlevel: suggestion\nignorecase: true\nnonword: false\ntokens:\n'
			sed -e 's/[][\\.*+?(){}|^$]/\\&/g' -e "s/'/''/g" -e "s/.*/  - '&'/" "$phrases"
		} >"$work/vale/styles/Bench/Phrases.yml"
		row vale 1 vale --config "$work/vale/.vale.ini" --output line --no-exit "$files"
	fi
	row big "$runs" "$bin" grade --jsonl "$big"

	rate() { awk -v n="$n" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
	mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
	line() { # line LABEL KEY WALL-RATIO CPU-RATIO TARGET
		printf '| %s | %s | %.2f s | %s | %s | %s | %s |\n' "$1" "$(rate "${wall[$2]}")" "${cpu[$2]}" "$(mib "${rss[$2]}")" "$3" "$4" "$5"
	}

	# Each ratio is given twice: by wall time (what a user waits for; answerlint grades on every core, the
	# tools it is compared with on one) and by CPU time (the work done, which other programs on a busy
	# machine disturb far less).
	echo "| command | answers/s | CPU time | peak RSS | ratio (wall) | ratio (CPU) | target (wall) |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
	line "answerlint grade --jsonl" jsonl "1" "1" ""
	if [ $have_rg = 1 ]; then
		line "rg -c -F -f phrases.txt, lower-cased text (the floor)" rg \
			"--jsonl takes $(ratio "${wall[jsonl]}" "${wall[rg]}")×" "$(ratio "${cpu[jsonl]}" "${cpu[rg]}")×" "within 3×"
		line "rg -c -i -F -f phrases.txt" rgi \
			"--jsonl $(ratio "${wall[rgi]}" "${wall[jsonl]}")× faster" "$(ratio "${cpu[rgi]}" "${cpu[jsonl]}")× faster" "at least 2× faster"
	fi
	line "answerlint grade --format json=FILE DIR/ (a file per answer)" files \
		"$(ratio "${wall[jsonl]}" "${wall[files]}")× the --jsonl rate" "$(ratio "${cpu[jsonl]}" "${cpu[files]}")×" "at least 0.5×, under 100 MiB"
	line "the same with --format sarif=FILE as well" sarif \
		"$(ratio "${wall[jsonl]}" "${wall[sarif]}")× the --jsonl rate" "$(ratio "${cpu[jsonl]}" "${cpu[sarif]}")×" "under 100 MiB"
	if [ $have_vale = 1 ]; then
		line "vale, the phrasings as an existence rule, over the files" vale \
			"files path $(ratio "${wall[vale]}" "${wall[files]}")× faster" "$(ratio "${cpu[vale]}" "${cpu[files]}")× faster" "at least 100× faster"
	fi
	echo
	echo "$((n * 10)) answers take $(ratio "${wall[big]}" "${wall[jsonl]}")× the wall time of $n and $(ratio "${cpu[big]}" "${cpu[jsonl]}")× the CPU time (linear is 10×, target at most 10.5×); peak RSS $(mib "${rss[big]}")"

	# One answer of about 1 MB (target: under 200 ms in all).
	onemb=$work/one-mb.jsonl
	[ -s "$onemb" ] || "$gen" -n 1 -words 170000 -o "$onemb"
	row onemb "$runs" "$bin" grade --jsonl "$onemb"
	awk -v b="$(wc -c <"$onemb")" -v s="${wall[onemb]}" -v c="${cpu[onemb]}" -v r="$(mib "${rss[onemb]}")" \
		'BEGIN { printf "one %.2f MB answer: %.0f ms in all (%.2f s CPU), peak RSS %s (target under 200 ms)\n", b / 1e6, s * 1000, c, r }'

	# Linearity: each benchmark that doubles its input, at N and 2N; the time at 2N against N should be 2×
	# (1× where the work does not depend on the size, as for an unknown rubric id).
	if [ "${LINEAR:-1}" = 1 ]; then
		echo
		echo "| linearity benchmark | time at 2N / time at N (linear is 2×) |"
		echo "| --- | ---: |"
		go test -run '^$' -benchtime 3x -count 1 \
			-bench '^(BenchmarkAnalyzeHostile|BenchmarkCompileHostile|BenchmarkClosest|BenchmarkParseSections|BenchmarkGradeDocumentSections|BenchmarkDraftDistinctWords|BenchmarkGradeFiles|BenchmarkSpillPass)$' \
			./text ./grader ./rubric ./answer ./run ./draft ./report ./cmd 2>/dev/null |
			awk '/^Benchmark/ && / ns\/op/ {
				name = $1; sub(/-[0-9]+$/, "", name)
				base = name; sub(/=[0-9]+$/, "", base)
				ns = $3
				if (base in first) printf "| %s | %.2f× |\n", base, ns / first[base]
				else first[base] = ns
			}'
	fi
fi

# Start-up, in paired runs: each round runs the bare Go binary and then each answerlint command, so that a
# change in the machine's load touches all of them alike. Each run is a subshell of its own, whose
# 'times' gives the command's CPU time (to the millisecond: the mean over the runs is what counts).
one=$(find "$files" -name '*.md' | sort | sed -n 1p) # sed reads on: head would end the pipe early
keys="hello floor version list one dfloor dlist"
for k in $keys; do
	: >"$work/s-$k"
	: >"$work/c-$k"
done
for _ in $(seq "$starts"); do
	for k in $keys; do
		case $k in
		hello) set -- "$work/hello-go" ;;
		floor) set -- "$work/depfloor" --version ;;
		version) set -- "$bin" --version ;;
		list) set -- "$bin" rubric list ;;
		one) set -- "$bin" grade "$one" ;;
		dfloor) set -- "$work/depfloor-dynamic" --version ;;
		dlist) set -- "$bin-dynamic" rubric list ;;
		esac
		out=$(
			t0=$EPOCHREALTIME
			"$@" >/dev/null 2>&1 || true
			t1=$EPOCHREALTIME
			echo "$t0 $t1"
			times
		)
		awk 'NR == 1 { printf "%.6f\n", $2 - $1 }' <<<"$out" >>"$work/s-$k"
		# The last line of 'times' is the children's user and system time, as 0m0.012s 0m0.004s.
		awk 'END { gsub(/[ms]/, " "); printf "%.4f\n", $1 * 60 + $2 + $3 * 60 + $4 }' <<<"$out" >>"$work/c-$k"
	done
done
mean() { awk '{ s += $1 } END { print s / NR }'; }
h=$(median <"$work/s-hello")
hc=$(mean <"$work/c-hello")
startup() { # startup LABEL KEY TARGET
	echo "| $1 | $(ratio "$(median <"$work/s-$2")" "$h") | $(ratio "$(mean <"$work/c-$2")" "$hc") | $3 |"
}
echo
echo "| start-up, $starts paired runs | × a bare Go binary (median wall) | × (mean CPU) | target |"
echo "| --- | ---: | ---: | --- |"
echo "| Go hello-world | 1 | 1 | |"
startup "cobra + viper alone, --version (testdata/depfloor)" floor ""
startup "answerlint --version" version ""
startup "answerlint rubric list" list "within 2×"
startup "answerlint grade ONE.md" one "within 4×"
startup "cobra + viper alone, plain go build (dynamic: the C library and its loader)" dfloor ""
startup "answerlint rubric list, plain go build (dynamic)" dlist ""
awk -v h="$h" -v c="$hc" 'BEGIN { printf "(the bare Go binary: %.1f ms wall, %.1f ms CPU)\n", h * 1000, c * 1000 }'

if [ -z "$only" ] && [ "${HUGE:-1}" = 1 ]; then
	code=0
	"$gen" -n 1000000 -words 200 | /usr/bin/time -f %M -o "$work/time" "$bin" grade --jsonl >/dev/null 2>"$work/err" || code=$?
	if [ "$code" -gt 1 ]; then
		echo "answerlint exited $code:" >&2
		head -5 "$work/err" >&2
		exit 1
	fi
	echo
	echo "1,000,000 answers streamed from the generator: peak RSS $(mib "$(tail -1 "$work/time")") (target under 64 MB)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
