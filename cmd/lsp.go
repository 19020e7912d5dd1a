package cmd

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/lsp"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/run"
)

type lspOptions struct {
	*globalOptions
	debounce time.Duration
	rubrics  []string // --rubrics, added to every configuration's
}

func newLSPCmd(g *globalOptions) *cobra.Command {
	o := &lspOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server for editors (Language Server Protocol on standard input and output)",
		Long: `Run answerlint's language server: an editor starts it and speaks the Language Server Protocol
on its standard input and output. Open answers are graded as they are written, each against the
rubric 'answerlint grade' would choose, with the configuration found from the answer's directory:
mistakes, missing required concepts and suppression problems show as diagnostics, a summary (score,
band, what is missing) at the top of each answer; hover a mistake for its advice, or the front matter
or section marker for the question and hints; quick fixes add a suppression comment or name a rubric.
Changes to the configuration or rubric files are picked up without a restart.

The README shows the set-up for VS Code, Neovim, Helix and Zed.

Exit codes: 0 after the editor's shutdown and exit, 1 when it exits without shutting down first, 2
when the connection fails.`,
		Args: cobra.NoArgs,
		// The configuration is read for each answer, from its directory, and a bad one is shown on the
		// answers under it: unlike other commands, lsp must not fail to start because of the one here.
		PersistentPreRunE: func(*cobra.Command, []string) error { return nil },
		RunE: func(cmd *cobra.Command, args []string) error {
			o.debounce, _ = cmd.Flags().GetDuration("debounce")
			o.rubrics, _ = cmd.Flags().GetStringSlice("rubrics")
			return o.run(cmd.Context())
		},
	}
	cmd.Flags().Duration("debounce", lsp.DefaultDebounce, "wait this long after the last change before grading")
	cmd.Flags().Bool("stdio", true, "speak on standard input and output (the only transport; accepted for editors that pass it)")
	return cmd
}

func (o *lspOptions) run(ctx context.Context) error {
	g := &lspGrader{base: o.globalOptions, rubrics: o.rubrics, graders: map[string]*configGrader{}}
	err := lsp.Serve(ctx, lsp.Options{Grader: g, Debounce: o.debounce, Version: version(), Log: o.errOut}, o.in, o.out, nil)
	switch {
	case errors.Is(err, lsp.ErrExitWithoutShutdown):
		return silent(ExitFailed)
	case err != nil:
		return withCode(ExitError, err)
	}
	return nil
}

// lspGrader grades an editor's text the way grade grades the file: it finds the configuration from
// the file's directory, and keeps one run.Grader per configuration file until that file or a rubric
// it loads changes.
type lspGrader struct {
	base    *globalOptions // the lsp command's --config and streams
	rubrics []string       // --rubrics

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

func (l *lspGrader) Grade(_ context.Context, path, text string) *lsp.Outcome {
	name := path
	if name == "" {
		name = "untitled"
	}
	g, err := l.grader(filepath.Dir(path))
	if err != nil {
		return &lsp.Outcome{Errors: []report.FileError{{File: name, Message: err.Error()}}}
	}
	return lsp.GradeDocument(g, name, text)
}

// grader is the grader for answers in dir: the configuration found from there (or named by --config
// or ANSWERLINT_CONFIG), made again when the configuration file or a rubric file changed.
func (l *lspGrader) grader(dir string) (*run.Grader, error) {
	file := l.base.configFile
	if file == "" {
		file = os.Getenv("ANSWERLINT_CONFIG")
	}
	if file == "" {
		file = findConfig(dir)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	cached := l.graders[file]
	if cached != nil && cached.stamp == stamp(file, l.rubricPaths(cached)) {
		return cached.g, cached.err
	}
	cg := l.load(file)
	cg.stamp = stamp(file, l.rubricPaths(cg))
	l.graders[file] = cg
	return cg.g, cg.err
}

// load reads a configuration file as grade reads it and makes its grader; a bad configuration is the
// error every answer under it shows.
func (l *lspGrader) load(file string) *configGrader {
	g := &globalOptions{streams: streams{in: strings.NewReader(""), out: io.Discard, errOut: l.base.errOut}, configFile: file}
	gradeCmd := newGradeCmd(g)
	o := &gradeOptions{globalOptions: g}
	if err := g.loadConfig(gradeCmd); err != nil {
		return &configGrader{err: err}
	}
	if len(l.rubrics) > 0 {
		g.v.Set("rubrics", l.rubrics)
	}
	if err := o.configure(gradeCmd); err != nil {
		return &configGrader{err: err}
	}
	rg, err := o.newRunGrader()
	return &configGrader{g: rg, err: err}
}

// rubricPaths are the rubric directories and files a grader loaded beyond the built-in pack.
func (l *lspGrader) rubricPaths(cg *configGrader) []string {
	var paths []string
	if cg.g != nil {
		for _, r := range cg.g.Rubrics().All() {
			if !strings.HasPrefix(r.File, "pack:") {
				paths = append(paths, filepath.Dir(r.File))
			}
		}
	}
	return append(paths, l.rubrics...)
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
