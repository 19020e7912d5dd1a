package cmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/run"
)

// watchSettle is how long a burst of file events is gathered before grading again: an editor's save
// is several events (write, rename, chmod) within a few milliseconds.
const watchSettle = 100 * time.Millisecond

// clearScreen moves the cursor home and clears the terminal, so each report replaces the last.
const clearScreen = "\x1b[H\x1b[2J"

// runWatch grades the paths, then grades them again whenever an answer, rubric or configuration file
// under them changes, clearing the terminal and drawing the new report, until interrupted (Ctrl-C
// exits 130, as any interrupted run does).
func (o *gradeOptions) runWatch(ctx context.Context, cmd *cobra.Command, args []string) error {
	if hasArg(args, "-") || o.filesFrom == "-" {
		return usagef("--watch grades files as they change: it cannot read standard input")
	}
	if o.jsonl {
		return usagef("--watch and --jsonl cannot be used together")
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return withCode(ExitError, fmt.Errorf("--watch: %v", err))
	}
	defer w.Close()
	for {
		o.redraw(ctx, args)
		for _, dir := range o.watchedDirs(args) {
			_ = w.Add(dir) // a directory removed meanwhile is simply not watched
		}
		fmt.Fprintln(o.errOut, "answerlint: watching for changes (Ctrl-C to stop)")
		if err := o.waitForChange(ctx, w); err != nil {
			return err
		}
		// The configuration may be what changed: read it again, as a new run would.
		if err := o.loadConfig(cmd); err == nil {
			err = o.configure(cmd)
		}
		if err != nil {
			fmt.Fprintf(o.errOut, "answerlint: %v\n", err)
		}
	}
}

// redraw runs one grading and prints its report, after clearing the terminal. The run's verdict is
// not the command's: a failing answer is what the writer is working on.
func (o *gradeOptions) redraw(ctx context.Context, args []string) {
	if f, ok := osFile(o.out); ok && isatty.IsTerminal(f.Fd()) && os.Getenv("TERM") != "dumb" {
		fmt.Fprint(o.out, clearScreen)
	}
	err := o.runGrade(ctx, args)
	var ee *exitError
	switch {
	case err == nil || ctx.Err() != nil:
	case errors.As(err, &ee):
		if ee.err != nil {
			fmt.Fprintf(o.errOut, "answerlint: %v\n", ee.err)
		}
	default:
		fmt.Fprintf(o.errOut, "answerlint: %v\n", err)
	}
}

// waitForChange returns when a file that can change a report changes (after letting the burst of
// events of one save settle), or with the context's error when interrupted.
func (o *gradeOptions) waitForChange(ctx context.Context, w *fsnotify.Watcher) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err, ok := <-w.Errors:
			if !ok {
				return errors.New("--watch: the file watcher stopped")
			}
			fmt.Fprintf(o.errOut, "answerlint: --watch: %v\n", err)
		case ev, ok := <-w.Events:
			if !ok {
				return errors.New("--watch: the file watcher stopped")
			}
			if ev.Op == fsnotify.Chmod || !o.affectsReport(ev.Name) {
				continue
			}
			settle := time.NewTimer(watchSettle)
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

// affectsReport reports whether a changed file can change the report: an answer (by its extension), a
// rubric, or the configuration file. Editors' swap and backup files are none of these.
func (o *gradeOptions) affectsReport(name string) bool {
	if strings.HasPrefix(filepath.Base(name), ".") && !o.isConfig(name) {
		return false
	}
	// The reports this run writes (--format markdown=report.md, or standard output sent to a file) are
	// not answers: grading again because one was written would never stop.
	for _, out := range o.outputs {
		if out.Path != "" && sameFile(out.Path, name) {
			return false
		}
	}
	if f, ok := osFile(o.out); ok { // standard output redirected into a watched directory
		if a, err := f.Stat(); err == nil {
			if b, err := os.Stat(name); err == nil && os.SameFile(a, b) {
				return false
			}
		}
	}
	exts := o.cfg.Extensions
	if len(exts) == 0 {
		exts = run.DefaultExtensions
	}
	lower := strings.ToLower(name)
	for _, ext := range exts {
		if strings.HasSuffix(lower, strings.ToLower(ext)) {
			return true
		}
	}
	return rubric.IsRubricFile(name) || o.isConfig(name)
}

func sameFile(a, b string) bool {
	a, errA := filepath.Abs(a)
	b, errB := filepath.Abs(b)
	return errA == nil && errB == nil && a == b
}

func (o *gradeOptions) isConfig(name string) bool {
	for _, n := range configNames {
		if filepath.Base(name) == n {
			return true
		}
	}
	return false
}

// watchedDirs are the directories whose files can change the report: every directory below the paths
// given (fsnotify watches one directory, not a tree), the directory of each file given, of the
// configuration file and of the configured rubrics. Hidden directories are skipped, as grade skips
// them.
func (o *gradeOptions) watchedDirs(args []string) []string {
	paths, listed, err := o.inputPaths(args)
	if err != nil {
		paths = args
	}
	paths = append(paths, listed...)
	if o.usedConfig != "" {
		paths = append(paths, filepath.Dir(o.usedConfig))
	}
	paths = append(paths, o.v.GetStringSlice("rubrics")...)
	seen := map[string]bool{}
	var dirs []string
	add := func(d string) {
		if abs, err := filepath.Abs(d); err == nil && !seen[abs] {
			seen[abs] = true
			dirs = append(dirs, abs)
		}
	}
	for _, p := range paths {
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
