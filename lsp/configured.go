package lsp

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/run"
)

// Configured grades an editor's text the way 'answerlint grade' grades the file: with the
// configuration found from the file's directory. It keeps one run.Grader per configuration file until
// that file or a rubric file it loads changes, so edits to either are picked up without a restart.
type Configured struct {
	// Find names the configuration file that applies in a directory ("" for none).
	Find func(dir string) string
	// Load makes the grader of a configuration file; its error is shown on every answer under it.
	Load func(file string) (*run.Grader, error)
	// Rubrics are rubric directories every configuration loads besides its own.
	Rubrics []string

	mu      sync.Mutex
	graders map[string]*configGrader // by configuration file ("" for none)
}

// configGrader is a grader for one configuration, or the error that configuration gives, with the
// stamp of the files it was read from.
type configGrader struct {
	stamp string
	g     *run.Grader
	err   error
}

// Grade grades the text of the file at path ("" for a buffer never saved).
func (c *Configured) Grade(_ context.Context, path, text string) *Outcome {
	name := path
	if name == "" {
		name = "untitled"
	}
	g, err := c.grader(filepath.Dir(path))
	if err != nil {
		return &Outcome{Errors: []report.FileError{{File: name, Message: err.Error()}}}
	}
	return GradeDocument(g, name, text)
}

// grader is the grader for answers in dir, made again when the configuration file or a rubric file
// changed.
func (c *Configured) grader(dir string) (*run.Grader, error) {
	file := c.Find(dir)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.graders == nil {
		c.graders = map[string]*configGrader{}
	}
	cached := c.graders[file]
	if cached != nil && cached.stamp == stamp(file, c.rubricPaths(cached)) {
		return cached.g, cached.err
	}
	cg := &configGrader{}
	cg.g, cg.err = c.Load(file)
	cg.stamp = stamp(file, c.rubricPaths(cg))
	c.graders[file] = cg
	return cg.g, cg.err
}

// rubricPaths are the rubric directories and files a grader loaded beyond the built-in pack.
func (c *Configured) rubricPaths(cg *configGrader) []string {
	var paths []string
	if cg.g != nil {
		for _, r := range cg.g.Rubrics().All() {
			if !strings.HasPrefix(r.File, "pack:") {
				paths = append(paths, filepath.Dir(r.File))
			}
		}
	}
	return append(paths, c.Rubrics...)
}

// stamp sums the names, sizes and modification times of a configuration file and of the rubric files
// in the given directories: a change to any of them gives a new stamp. Statting a few files on each
// grading costs far less than grading, and works in editors that do not report changed files.
func stamp(file string, dirs []string) string {
	h := sha256.New()
	add := func(p string, info fs.FileInfo) {
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", p, info.Size(), info.ModTime().UnixNano())
	}
	if st, err := os.Stat(file); err == nil {
		add(file, st)
	}
	seen := map[string]bool{}
	for _, d := range dirs {
		if seen[d] {
			continue
		}
		seen[d] = true
		filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && rubric.IsRubricFile(p) {
				if info, err := e.Info(); err == nil {
					add(p, info)
				}
			}
			return nil
		})
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
