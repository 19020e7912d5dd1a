// Package linear checks that the work a function does grows in proportion to its input, without timing
// anything: it counts the bytes and the allocations the function makes on an input of size n and on
// one of size 2n. Work that rebuilds or copies something for each part of the input (a line index per
// section, a string per typo of a long word, a reading per combination of synonyms) allocates in
// proportion to that work, so its ratio goes well past 2; the benchmarks that double their input
// measure the time beside it, for work that allocates nothing.
package linear

import (
	"runtime"
	"testing"
)

// Work is what one call allocated.
type Work struct {
	Bytes, Allocs uint64
}

// Measure is what f(size) allocates: the least of five calls, after two to warm caches and pools, so
// that a collection emptying a pool in the middle of a call, or the runtime allocating at the same
// time, does not count.
func Measure(size int, f func(size int)) Work {
	f(size)
	f(size)
	best := Work{^uint64(0), ^uint64(0)}
	var before, after runtime.MemStats
	for range 5 {
		runtime.ReadMemStats(&before)
		f(size)
		runtime.ReadMemStats(&after)
		best.Bytes = min(best.Bytes, after.TotalAlloc-before.TotalAlloc)
		best.Allocs = min(best.Allocs, after.Mallocs-before.Mallocs)
	}
	return best
}

// slack is the number of allocations f(2n) may make beyond limit times those of f(n). Buffers that grow
// by doubling, pools that keep them (the race detector makes sync.Pool drop a share of what is put back,
// at random) and the runtime's own allocations add a handful either way, which only matters when the
// counts are that small; work done per part of the input allocates in the thousands.
const slack = 32

// Ratio is the work of f(2n) against f(n), in bytes and in allocations.
func Ratio(n int, f func(size int)) (bytes, allocs float64) {
	small, large := Measure(n, f), Measure(2*n, f)
	return ratios(small, large)
}

func ratios(small, large Work) (bytes, allocs float64) {
	return float64(large.Bytes) / float64(max(small.Bytes, 1)), float64(large.Allocs) / float64(max(small.Allocs, 1))
}

// Check fails t when f(2n) allocates more than limit times what f(n) does, in bytes, or in number beyond
// a small slack: 2 is linear, and limit leaves room for buffers that grow by doubling.
func Check(t testing.TB, name string, n int, limit float64, f func(size int)) {
	t.Helper()
	small, large := Measure(n, f), Measure(2*n, f)
	bytes, allocs := ratios(small, large)
	if (!raceBuild && bytes > limit) || float64(large.Allocs) > limit*float64(small.Allocs)+slack {
		t.Errorf("%s: doubling the input from %d multiplies the bytes allocated by %.2f and the allocations by %.2f (%d to %d; linear is 2, limit %g)", name, n, bytes, allocs, small.Allocs, large.Allocs, limit)
	}
	t.Logf("%s: ×%.2f bytes (%d to %d), ×%.2f allocations (%d to %d) from %d to %d", name, bytes, small.Bytes, large.Bytes, allocs, small.Allocs, large.Allocs, n, 2*n)
}
