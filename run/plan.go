package run

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/answerlint/answerlint/internal/oserr"
	"github.com/answerlint/answerlint/report"
)

// Request is a run over answer files as a command line asks for it, before anything is read: the
// paths given, or a --files-from list, or else the configuration's paths.
type Request struct {
	Dir          string   // the working directory
	Args         []string // paths given; "-" is standard input
	Configured   []string // the configuration's paths:, used when no path or list is given
	FilesFrom    string   // a file listing paths, one a line ("-": standard input)
	StdinName    string   // standard input stands for this file (an editor's buffer)
	Stdin        io.Reader
	ChangedSince string
	ConfigFile   string
}

// Plan is what a request grades: its source, the files found, and every input, which no report may
// overwrite. Empty, when set, says why there is nothing to grade (not an error).
type Plan struct {
	Source FileSource
	Found  Found
	Inputs []report.Input
	Paths  []string
	Empty  string
}

// UsageError is a request that cannot be carried out as asked: the command line is wrong.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// NoFilesError is a run whose paths matched no answer file.
type NoFilesError struct {
	Paths, Extensions []string
}

func (e *NoFilesError) Error() string {
	return fmt.Sprintf("no answer files matched %s (looking for %s)", strings.Join(e.Paths, " "), strings.Join(e.Extensions, ", "))
}

// NoFiles is the error of a run over paths that matched nothing, naming the extensions looked for.
func (g *Grader) NoFiles(paths []string) error {
	exts := g.cfg.Extensions
	if len(exts) == 0 {
		exts = DefaultExtensions
	}
	return &NoFilesError{Paths: paths, Extensions: exts}
}

// Plan finds the files a request grades, and checks that no report is written over one of its
// inputs (a *report.ClashError, wrapped in a *UsageError).
func (g *Grader) Plan(ctx context.Context, req Request, outs []report.Output) (*Plan, error) {
	paths, listed, err := req.Paths()
	if err != nil {
		return nil, err
	}
	if req.FilesFrom != "" && len(paths)+len(listed) == 0 {
		return &Plan{Empty: fmt.Sprintf("--files-from %s lists no paths: nothing to grade", req.FilesFrom)}, nil
	}
	if req.StdinName != "" && len(req.Args) == 0 && req.FilesFrom == "" {
		paths = []string{"-"} // an editor piping its buffer: the buffer is the only input
	}
	src := FileSource{Dir: req.Dir, Paths: paths, Listed: listed, Stdin: req.Stdin, StdinName: req.StdinName,
		ChangedSince: req.ChangedSince, ConfigFile: req.ConfigFile}
	p := &Plan{Source: src, Found: g.Find(ctx, src), Paths: paths}
	files := p.Found.Files
	if req.StdinName != "" {
		path := req.StdinName
		if !filepath.IsAbs(path) {
			path = filepath.Join(req.Dir, path)
		}
		files = append(files[:len(files):len(files)], File{Name: req.StdinName, Path: path})
	}
	p.Inputs = g.Inputs(src, files)
	if req.FilesFrom != "" && req.FilesFrom != "-" {
		p.Inputs = append(p.Inputs, report.Input{Path: req.FilesFrom, Name: req.FilesFrom, What: "the --files-from list"})
	}
	if err := CheckOutputs(outs, req.Dir, p.Inputs); err != nil {
		return nil, &UsageError{Msg: err.Error()}
	}
	if len(paths) == 0 && len(p.Found.Files) == 0 && len(p.Found.Errors) == 0 {
		p.Empty = fmt.Sprintf("--files-from %s lists no answer files: nothing to grade", req.FilesFrom)
	}
	return p, nil
}

// Paths joins the arguments and the --files-from list; with neither, the configuration's paths or ".".
func (req Request) Paths() (paths, listed []string, err error) {
	paths = append([]string(nil), req.Args...)
	if req.FilesFrom == "" {
		if len(paths) == 0 {
			paths = req.Configured
			if len(paths) == 0 {
				paths = []string{"."}
			}
		}
		return paths, nil, nil
	}
	if req.FilesFrom == "-" && slices.Contains(req.Args, "-") {
		return nil, nil, &UsageError{Msg: "--files-from - and the path - both read standard input"}
	}
	if listed, err = ReadPathFile(req.FilesFrom, req.Stdin); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, nil, fmt.Errorf("--files-from %s: %s", req.FilesFrom, oserr.Describe(err))
		}
		return nil, nil, fmt.Errorf("--files-from: %v", err)
	}
	return paths, listed, nil
}

// WatchSet is what a watch over the request looks at: the paths it grades, the configuration file's
// directory and the rubric directories, with the reports outs writes, which are not answers.
func (req Request) WatchSet(cfg Config, outs []report.Output) WatchSet {
	paths, listed, err := req.Paths()
	if err != nil {
		paths = req.Args
	}
	paths = append(paths, listed...)
	if req.ConfigFile != "" {
		paths = append(paths, filepath.Dir(req.ConfigFile))
	}
	set := WatchSet{Paths: append(paths, cfg.RubricDirs...), Extensions: cfg.Extensions}
	for _, out := range outs {
		if out.Path != "" {
			set.Reports = append(set.Reports, out.Path)
		}
	}
	return set
}
