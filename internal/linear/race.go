//go:build race

package linear

// raceByteSlack: under the race detector, sync.Pool drops a share of what is put back, at random, so
// a call may allocate a pooled buffer (a document's arrays, an index's build buffer) anew that other
// calls reuse. The bytes of f(2n) may then exceed limit times those of f(n) by that much, which
// only matters when the input is small; work done per part of the input runs to megabytes.
const raceByteSlack = 256 << 10
