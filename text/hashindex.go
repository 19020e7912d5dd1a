package text

import (
	"cmp"
	"math/bits"
	"slices"
	"sync"
)

// hashIndex maps 64-bit hashes of strings to runs of numbers (of words, in a list its user keeps). It
// holds no pointers, so the garbage collector need not scan it, and costs a third of a map's memory.
// A hash stands for its string only up to collisions: whoever reads a run checks each word it names.
type hashIndex struct {
	keys  []uint64 // the distinct hashes, ascending
	at    []int32  // cands[at[k]:at[k+1]] are the numbers with hash keys[k]
	cands []int32  // numbers, grouped by hash, ascending within a group
}

// keyed is a number with a hash, while a hashIndex is built.
type keyed struct {
	key uint64
	n   int32
}

func compareKeyed(a, b keyed) int {
	if c := cmp.Compare(a.key, b.key); c != 0 {
		return c
	}
	return cmp.Compare(a.n, b.n)
}

// keyedBuffers holds the arrays hash indexes are built and sorted in, for the next rubric compiled:
// each is a few hundred kilobytes, thrown away once its entries are indexed.
var keyedBuffers = sync.Pool{New: func() any { return new(keyedBuffer) }}

type keyedBuffer struct {
	entries, scratch []keyed
	counts           []int32
}

// newHashIndex indexes entries, each number under its hash; a number given twice with one hash is
// kept once. It reorders entries.
func newHashIndex(entries []keyed, buf *keyedBuffer) hashIndex {
	sorted := sortKeyed(entries, buf)
	keys, cands := 0, 0
	for i := range sorted {
		if i == 0 || sorted[i].key != sorted[i-1].key {
			keys++
			cands++
		} else if sorted[i].n != sorted[i-1].n {
			cands++
		}
	}
	ix := hashIndex{keys: make([]uint64, 0, keys), at: make([]int32, 0, keys+1), cands: make([]int32, 0, cands)}
	for i := range sorted {
		if i == 0 || sorted[i].key != sorted[i-1].key {
			ix.keys = append(ix.keys, sorted[i].key)
			ix.at = append(ix.at, int32(len(ix.cands)))
			ix.cands = append(ix.cands, sorted[i].n)
		} else if sorted[i].n != sorted[i-1].n {
			ix.cands = append(ix.cands, sorted[i].n)
		}
	}
	ix.at = append(ix.at, int32(len(ix.cands)))
	return ix
}

// sortKeyed sorts entries by hash, then number, into entries or buf.scratch, and returns the sorted
// array. The hashes are uniform, so their top bits spread the entries over about as many buckets as
// there are entries (a counting sort), and each bucket holds a few to put in order: linear, where a
// comparison sort of every entry was a tenth of compiling a rubric.
func sortKeyed(entries []keyed, buf *keyedBuffer) []keyed {
	const (
		minBucketed  = 64 // fewer entries: a comparison sort is as quick
		maxBucketLog = 16 // at most 65,536 buckets
		smallBucket  = 12 // a bucket of at most this many is put in order by insertion
		perBucketLog = 2  // about four entries a bucket
		maxBuckets   = 1 << maxBucketLog
	)
	if len(entries) < minBucketed {
		slices.SortFunc(entries, compareKeyed)
		return entries
	}
	b := min(max(bits.Len(uint(len(entries)))-perBucketLog, 1), maxBucketLog)
	shift := 64 - b
	counts := slices.Grow(buf.counts[:0], 1<<b+1)[:1<<b+1]
	clear(counts)
	buf.counts = counts
	for _, e := range entries {
		counts[e.key>>shift+1]++
	}
	for k := 1; k < len(counts); k++ {
		counts[k] += counts[k-1]
	}
	out := slices.Grow(buf.scratch[:0], len(entries))[:len(entries)]
	buf.scratch = out
	for _, e := range entries {
		k := e.key >> shift
		out[counts[k]] = e
		counts[k]++
	}
	// counts[k] is now where bucket k ends.
	start := int32(0)
	for _, end := range counts[:1<<b] {
		if bucket := out[start:end]; len(bucket) > smallBucket {
			slices.SortFunc(bucket, compareKeyed)
		} else {
			insertionSort(bucket)
		}
		start = end
	}
	return out
}

func insertionSort(s []keyed) {
	for i := 1; i < len(s); i++ {
		e := s[i]
		j := i
		for ; j > 0 && compareKeyed(s[j-1], e) > 0; j-- {
			s[j] = s[j-1]
		}
		s[j] = e
	}
}

// find returns the number of the run of hash h.
func (ix *hashIndex) find(h uint64) (int, bool) {
	return slices.BinarySearch(ix.keys, h)
}

// run returns the numbers of run k.
func (ix *hashIndex) run(k int) []int32 { return ix.cands[ix.at[k]:ix.at[k+1]] }

// lookup returns the numbers with hash h.
func (ix *hashIndex) lookup(h uint64) []int32 {
	k, ok := ix.find(h)
	if !ok {
		return nil
	}
	return ix.run(k)
}
