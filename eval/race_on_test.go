//go:build race

package eval

// raceDetector is true when the tests run with -race: the benchmark floors measure figures, which the
// race detector cannot change, at ten times the cost, so they are skipped there.
const raceDetector = true
