//go:build !race

package linear

// raceBuild is false outside the race detector: a run reuses the pools' buffers (Measure warms them and
// keeps the least of five calls), so Check holds the bytes to its limit.
const raceBuild = false
