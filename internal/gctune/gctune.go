// Package gctune holds the garbage collector settings answerlint's commands run under: each applies
// a setting unless GOGC or GOMEMLIMIT say otherwise, and returns a function that restores the
// previous one.
package gctune

import (
	"os"
	"runtime/debug"
)

// Garbage collection settings for streaming. A stream keeps little live data (the compiled rubrics,
// about 12 MB) but allocates fast, so collecting at three times the live heap rather than twice saves
// about 7% of the CPU; the soft memory limit keeps the process under about 64 MB all the same.
const (
	streamGCPercent   = 200
	streamMemoryLimit = 48 << 20
)

// Stream applies the streaming settings.
func Stream() (restore func()) {
	gcPercent, limit := -2, int64(-1)
	if _, set := os.LookupEnv("GOGC"); !set {
		gcPercent = debug.SetGCPercent(streamGCPercent)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		limit = debug.SetMemoryLimit(streamMemoryLimit)
	}
	return func() {
		if gcPercent != -2 {
			debug.SetGCPercent(gcPercent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}

// loadGCPercent is the garbage collector's setting while rubric files load. Parsing YAML allocates
// several times what it keeps: collecting at five times the live heap rather than twice while loading
// took a fifth off a short command ('rubric list', 13 ms to 10 ms, when the pack was parsed at start).
const loadGCPercent = 400

// Load applies the setting for loading rubrics.
func Load() (restore func()) {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	old := debug.SetGCPercent(loadGCPercent)
	return func() { debug.SetGCPercent(old) }
}
