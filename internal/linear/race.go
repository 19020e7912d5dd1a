//go:build race

package linear

// raceBuild: under the race detector, sync.Pool drops a share of what is put back, at random, so a call
// may allocate anew a pooled buffer (a document's arrays, an index's build buffer, sized by the input)
// that other calls reuse, and the least of five calls can still count one. Bytes are then no measure
// of the work: Check holds them to the limit in ordinary builds (the test run CI makes without -race)
// and counts only allocations, with their slack, under the race detector.
const raceBuild = true
