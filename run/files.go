package run

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/answerlint/answerlint/internal/oserr"
	"github.com/answerlint/answerlint/report"
)

// File is one answer file to grade: its name as shown in reports and its absolute path.
type File struct {
	Name string
	Path string // absolute; "" for standard input
}

// fileFinder expands path arguments into answer files.
type fileFinder struct {
	ctx        context.Context
	cwd        string
	extensions []string
	exclude    excludeSet
	ignores    map[string]*gitignore // by walk root
	seen       map[string]bool
	files      []File
	errs       []report.FileError
}

// find expands files, directories (recursively) and globs. A directory or glob yields the files with an
// answer extension that are neither excluded nor ignored by Git; a file named outright is graded
// whatever its extension, unless excluded.
func (ff *fileFinder) find(args []string) {
	for _, arg := range args {
		switch {
		case arg == "-":
			ff.add(File{Name: "-"})
		case hasGlobMeta(arg):
			if _, err := os.Lstat(arg); err == nil {
				ff.addPath(arg)
			} else {
				ff.glob(arg)
			}
		default:
			ff.addPath(arg)
		}
	}
	sort.SliceStable(ff.files, func(i, j int) bool { return ff.files[i].Name < ff.files[j].Name })
}

func (ff *fileFinder) add(f File) {
	key := f.Path
	if key == "" {
		key = "-"
	}
	if ff.seen[key] {
		return
	}
	ff.seen[key] = true
	ff.files = append(ff.files, f)
}

func (ff *fileFinder) abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(ff.cwd, p)
}

func (ff *fileFinder) addPath(arg string) {
	abs := ff.abs(arg)
	st, err := os.Stat(abs)
	if err != nil {
		ff.errs = append(ff.errs, report.FileError{File: displayName(arg), Message: oserr.Describe(err)})
		return
	}
	if st.IsDir() {
		ff.walk(arg, abs, nil)
		return
	}
	if !ff.exclude.excludes(abs, false) {
		ff.add(File{Name: displayName(arg), Path: abs})
	}
}

// glob walks from the glob's fixed leading directories and keeps the files the rest matches.
func (ff *fileFinder) glob(arg string) {
	slash := filepath.ToSlash(arg)
	segs := strings.Split(slash, "/")
	fixed := 0
	for fixed < len(segs)-1 && !hasGlobMeta(segs[fixed]) {
		fixed++
	}
	dir := strings.Join(segs[:fixed], "/")
	if dir == "" && strings.HasPrefix(slash, "/") {
		dir = "/"
	}
	rest := strings.Join(segs[fixed:], "/")
	if dir == "" {
		dir = "."
	}
	abs := ff.abs(filepath.FromSlash(dir))
	pat, err := compilePattern(abs, "/"+rest)
	if err != nil {
		ff.errs = append(ff.errs, report.FileError{File: arg, Message: err.Error()})
		return
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return
	}
	ff.walk(dir, abs, &pat)
}

// walk adds the answer files under a directory; name is how the directory was given, so reports show
// paths the way the user wrote them.
func (ff *fileFinder) walk(name, root string, only *pathPattern) {
	gi := ff.gitignore(root)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			ff.errs = append(ff.errs, report.FileError{File: ff.relName(name, root, p), Message: oserr.Describe(err)})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p == root {
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".")
		if d.IsDir() {
			if hidden || ff.exclude.excludes(p, true) || gi.isIgnored(p, true) {
				return filepath.SkipDir
			}
			return nil
		}
		if hidden || !d.Type().IsRegular() || !ff.hasAnswerExt(p) || (only != nil && !only.match(p, false)) ||
			ff.exclude.excludes(p, false) || gi.isIgnored(p, false) {
			return nil
		}
		ff.add(File{Name: ff.relName(name, root, p), Path: p})
		return nil
	})
	if err != nil {
		ff.errs = append(ff.errs, report.FileError{File: displayName(name), Message: oserr.Describe(err)})
	}
}

func (ff *fileFinder) gitignore(root string) *gitignore {
	if gi, ok := ff.ignores[root]; ok {
		return gi
	}
	gi := newGitignore(ff.ctx, root)
	ff.ignores[root] = gi
	return gi
}

func (ff *fileFinder) relName(name, root, p string) string {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return displayName(p)
	}
	return displayName(filepath.Join(name, rel))
}

func (ff *fileFinder) hasAnswerExt(p string) bool {
	name := strings.ToLower(filepath.Base(p))
	for _, ext := range ff.extensions {
		if strings.HasSuffix(name, strings.ToLower(ext)) {
			return true
		}
	}
	return false
}

// displayName is a path as reports show it: cleaned, with forward slashes.
func displayName(p string) string { return filepath.ToSlash(filepath.Clean(p)) }

// ReadPathList reads a list of paths, one a line (--files-from); blank lines are skipped.
func ReadPathList(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			out = append(out, line)
		}
	}
	return out, sc.Err()
}

// ChangedSince lists the files Git sees as changed since a revision (committed, staged or not, and new
// untracked files) as absolute paths with symbolic links resolved.
func ChangedSince(ctx context.Context, dir, rev string) (map[string]bool, error) {
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	top = strings.TrimSpace(top)
	diff, err := git(ctx, dir, "diff", "--name-only", "-z", "--no-renames", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("%w (in a shallow CI clone, fetch the base revision first, e.g. fetch-depth: 0)", err)
	}
	untracked, err := git(ctx, dir, "ls-files", "-z", "--others", "--exclude-standard", "--full-name")
	if err != nil {
		return nil, err
	}
	changed := map[string]bool{}
	for _, p := range strings.Split(diff+untracked, "\x00") {
		if p != "" {
			changed[Resolved(filepath.Join(top, filepath.FromSlash(p)))] = true
		}
	}
	return changed, nil
}

func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errOut.String())
		var ee *exec.ExitError
		if msg == "" || !errors.As(err, &ee) {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out.String(), nil
}

// Resolved is a path made absolute, with symbolic links resolved when it exists.
func Resolved(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}
