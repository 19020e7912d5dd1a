// Package practice is answerlint's practice mode for candidates: it picks the question to practise
// next (spaced repetition over a history of attempts), takes an answer from an editor or the terminal,
// grades it, keeps the attempt in a history file, and sums the history up as progress.
package practice

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// HistoryVersion is written in every attempt ("v"); it changes only if a field changes meaning.
const HistoryVersion = 1

// Attempt is one practised answer, one line of the history file.
type Attempt struct {
	Version  int       `json:"v"`
	Time     time.Time `json:"time"`
	Rubric   string    `json:"rubric"`
	Tags     []string  `json:"tags,omitempty"`
	Score    int       `json:"score"`
	Pass     int       `json:"pass"`
	Passed   bool      `json:"passed"`
	Words    int       `json:"words"`
	Covered  []string  `json:"covered"`            // concept ids
	Missed   []string  `json:"missed"`             // concept ids
	Mistakes []string  `json:"mistakes,omitempty"` // mistake ids
	Seconds  int       `json:"seconds"`            // time spent answering
	Limit    int       `json:"limit,omitempty"`    // the time allowed, in seconds, for a timed attempt
}

// DefaultHistoryPath is where the history lives: $XDG_DATA_HOME/answerlint/history.jsonl, else the
// operating system's per-user data directory (~/.local/share on Linux and other Unix systems,
// ~/Library/Application Support on macOS, %LocalAppData% on Windows).
func DefaultHistoryPath() (string, error) {
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "answerlint", "history.jsonl"), nil
}

// dataDir mirrors os.UserConfigDir for data rather than configuration.
func dataDir() (string, error) {
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return dir, nil
	}
	switch runtime.GOOS {
	case "windows":
		if dir := os.Getenv("LocalAppData"); dir != "" {
			return dir, nil
		}
		return "", errors.New("%LocalAppData% is not set")
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share"), nil
}

// Append adds an attempt to the history file, creating it and its directory if needed. The line goes
// out in one write to a file opened for appending and is synced before Append returns, so a crash
// loses at most this line and never touches earlier ones. A file whose last line a crash cut short
// gets a newline first, so that the broken line stays one line and is skipped on reading.
func Append(path string, a Attempt) error {
	a.Version = HistoryVersion
	line, err := json.Marshal(a)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if cut, err := endsMidLine(path); err != nil {
		f.Close()
		return err
	} else if cut {
		line = append([]byte{'\n'}, line...)
	}
	line = append(line, '\n')
	if _, err := f.Write(line); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// endsMidLine reports whether a file is not empty and does not end with a newline.
func endsMidLine(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return false, err
	}
	last := make([]byte, 1)
	if _, err := f.ReadAt(last, st.Size()-1); err != nil {
		return false, err
	}
	return last[0] != '\n', nil
}

// Warning is a line of the history that was skipped.
type Warning struct {
	File string
	Line int
	Msg  string
}

func (w Warning) Error() string { return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg) }

// Load reads a history file. A missing file is an empty history. A line that is not an attempt (cut
// short by a crash, or edited by hand) is skipped with a warning naming it; the others still count.
func Load(path string) ([]Attempt, []Warning, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return Parse(path, bytes.NewReader(data))
}

// Parse reads a history from r; name is used in warnings.
func Parse(name string, r io.Reader) ([]Attempt, []Warning, error) {
	var out []Attempt
	var warns []Warning
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var a Attempt
		if err := json.Unmarshal(line, &a); err != nil || a.Rubric == "" || a.Time.IsZero() {
			warns = append(warns, Warning{File: name, Line: n, Msg: "not a practice attempt (cut short by a crash?): skipped"})
			continue
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return out, warns, fmt.Errorf("%s: %w", name, err)
	}
	return out, warns, nil
}
