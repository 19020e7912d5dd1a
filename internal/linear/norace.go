//go:build !race

package linear

// raceByteSlack is zero outside the race detector: a run reuses the pools' buffers (Measure warms
// them and keeps the least of five calls), so the bytes are held to limit exactly.
const raceByteSlack = 0
