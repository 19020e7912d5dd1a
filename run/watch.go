package run

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/answerlint/answerlint/rubric"
)

// WatchSettle is how long a burst of file events is gathered before grading again: an editor's save
// is several events (write, rename, chmod) within a few milliseconds.
const WatchSettle = 100 * time.Millisecond

// WatchSet is what one round of watching looks at: the inputs whose directories are watched, and how
// to tell a change that can change the report from one that cannot.
type WatchSet struct {
	// Paths are files, directories and globs graded, the configuration file's directory and the rubric
	// directories: every directory below them is watched (fsnotify watches one directory, not a tree).
	Paths []string
	// Extensions are the endings of answer files; nil means DefaultExtensions.
	Extensions []string
	// ConfigNames are the names of configuration files, which change the report too.
	ConfigNames []string
	// Reports are the files the run writes, and Stdout the file standard output goes to when it is one:
	// grading again because a report was written would never stop.
	Reports []string
	Stdout  fs.FileInfo
}

// Watch calls round, then calls it again whenever a file that can change the report changes, until
// the context ends (its error is returned). round grades once and says what to watch next; notify
// hears what a watcher says between rounds.
func Watch(ctx context.Context, round func() WatchSet, notify func(msg string)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return errors.New("--watch: " + err.Error())
	}
	defer w.Close()
	for {
		set := round()
		for _, dir := range set.dirs() {
			_ = w.Add(dir) // a directory removed meanwhile is simply not watched
		}
		notify("watching for changes (Ctrl-C to stop)")
		if err := set.wait(ctx, w, notify); err != nil {
			return err
		}
	}
}

// wait returns when a file that can change a report changes (after letting the burst of events of one
// save settle), or with the context's error when interrupted.
func (s WatchSet) wait(ctx context.Context, w *fsnotify.Watcher, notify func(string)) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err, ok := <-w.Errors:
			if !ok {
				return errors.New("--watch: the file watcher stopped")
			}
			notify("--watch: " + err.Error())
		case ev, ok := <-w.Events:
			if !ok {
				return errors.New("--watch: the file watcher stopped")
			}
			if ev.Op == fsnotify.Chmod || !s.AffectsReport(ev.Name) {
				continue
			}
			settle := time.NewTimer(WatchSettle)
			for drained := false; !drained; {
				select {
				case <-w.Events:
				case <-settle.C:
					drained = true
				case <-ctx.Done():
					settle.Stop()
					return ctx.Err()
				}
			}
			return nil
		}
	}
}

// AffectsReport reports whether a changed file can change the report: an answer (by its extension), a
// rubric, or the configuration file. Editors' swap and backup files, and the run's own reports, are
// none of these.
func (s WatchSet) AffectsReport(name string) bool {
	isConfig := slices.Contains(s.ConfigNames, filepath.Base(name))
	if strings.HasPrefix(filepath.Base(name), ".") && !isConfig {
		return false
	}
	for _, out := range s.Reports {
		if sameFile(out, name) {
			return false
		}
	}
	if s.Stdout != nil {
		if b, err := os.Stat(name); err == nil && os.SameFile(s.Stdout, b) {
			return false
		}
	}
	exts := s.Extensions
	if len(exts) == 0 {
		exts = DefaultExtensions
	}
	lower := strings.ToLower(name)
	for _, ext := range exts {
		if strings.HasSuffix(lower, strings.ToLower(ext)) {
			return true
		}
	}
	return rubric.IsRubricFile(name) || isConfig
}

func sameFile(a, b string) bool {
	a, errA := filepath.Abs(a)
	b, errB := filepath.Abs(b)
	return errA == nil && errB == nil && a == b
}

// dirs are the directories whose files can change the report: every directory below the paths, and
// the directory of each file. Hidden directories are skipped, as grading skips them.
func (s WatchSet) dirs() []string {
	seen := map[string]bool{}
	var dirs []string
	add := func(d string) {
		if abs, err := filepath.Abs(d); err == nil && !seen[abs] {
			seen[abs] = true
			dirs = append(dirs, abs)
		}
	}
	for _, p := range s.Paths {
		p = globRoot(p)
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			add(filepath.Dir(p))
			continue
		}
		filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if q != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			add(q)
			return nil
		})
	}
	return dirs
}

// globRoot is the directory a glob's fixed leading part names ("answers" for "answers/**/*.md"), or
// the path itself when it is not a glob.
func globRoot(p string) string {
	if !strings.ContainsAny(p, "*?[{") {
		return p
	}
	segs := strings.Split(filepath.ToSlash(p), "/")
	fixed := 0
	for fixed < len(segs) && !strings.ContainsAny(segs[fixed], "*?[{") {
		fixed++
	}
	if fixed == 0 {
		return "."
	}
	return filepath.FromSlash(strings.Join(segs[:fixed], "/"))
}
