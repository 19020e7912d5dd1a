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
	"strings"

	"github.com/answerlint/answerlint/internal/plural"

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
	notes      []string
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

// listed adds the paths of a list such as --files-from, which usually comes from 'git diff
// --name-only' and so names whatever changed: a listed file passes the same extension, exclude and
// .gitignore filters as a file found by walking a directory, and a listed file that no longer exists
// (deleted in the diff) is skipped. Both are told in a note, never silently.
func (ff *fileFinder) listed(paths []string) {
	var filtered, gone []string
	for _, arg := range paths {
		abs := ff.abs(arg)
		st, err := os.Stat(abs)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			gone = append(gone, displayName(arg))
		case err != nil:
			ff.errs = append(ff.errs, report.FileError{File: displayName(arg), Message: oserr.Describe(err)})
		case st.IsDir():
			ff.walk(arg, abs, nil)
		case !st.Mode().IsRegular() || !ff.hasAnswerExt(abs) || ff.exclude.excludes(abs, false) || ff.gitignore(ff.cwd).isIgnored(abs, false):
			filtered = append(filtered, displayName(arg))
		default:
			ff.add(File{Name: displayName(arg), Path: abs})
		}
	}
	if len(filtered) > 0 {
		ff.notes = append(ff.notes, fmt.Sprintf("skipped %d listed %s that %s not an answer (extension, exclude or .gitignore): %s",
			len(filtered), plural.Of(len(filtered), "file", "files"), plural.Of(len(filtered), "is", "are"), strings.Join(filtered, ", ")))
	}
	if len(gone) > 0 {
		ff.notes = append(ff.notes, fmt.Sprintf("skipped %d listed %s that no longer %s: %s",
			len(gone), plural.Of(len(gone), "file", "files"), plural.Of(len(gone), "exists", "exist"), strings.Join(gone, ", ")))
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
// paths the way the user wrote them. Symbolic links are followed, to files and to directories; a link
// back to a directory being walked is skipped with a note rather than looped through.
func (ff *fileFinder) walk(name, root string, only *pathPattern) {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		ff.errs = append(ff.errs, report.FileError{File: displayName(name), Message: oserr.Describe(err)})
		return
	}
	ff.walkDir(name, root, root, real, only, map[string]bool{})
}

// walkDir walks dir, the real directory behind at (the path it is seen at, below root), within one walk
// from root; inside holds the real directories being walked, to stop at a loop.
func (ff *fileFinder) walkDir(name, root, at, dir string, only *pathPattern, inside map[string]bool) {
	inside[dir] = true
	defer delete(inside, dir)
	gi := ff.gitignore(root)
	seen := func(p string) string { // the path as seen through the links followed
		if at == dir {
			return p // no link followed: filepath.Rel and Join would give p back
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return p
		}
		return filepath.Join(at, rel)
	}
	err := filepath.WalkDir(dir, func(real string, d fs.DirEntry, err error) error {
		p := seen(real)
		if err != nil {
			ff.errs = append(ff.errs, report.FileError{File: ff.relName(name, root, p), Message: oserr.Describe(err)})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if real == dir {
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".")
		isDir, isFile := d.IsDir(), d.Type().IsRegular()
		target := real
		if d.Type()&fs.ModeSymlink != 0 {
			if target, err = filepath.EvalSymlinks(real); err != nil {
				ff.errs = append(ff.errs, report.FileError{File: ff.relName(name, root, p), Message: "broken symbolic link: " + oserr.Describe(err)})
				return nil
			}
			st, err := os.Stat(target)
			if err != nil {
				ff.errs = append(ff.errs, report.FileError{File: ff.relName(name, root, p), Message: oserr.Describe(err)})
				return nil
			}
			isDir, isFile = st.IsDir(), st.Mode().IsRegular()
		}
		if isDir {
			linked := real != target
			switch {
			case hidden || ff.exclude.excludes(p, true) || gi.isIgnored(p, true):
				if !linked {
					return filepath.SkipDir
				}
			case linked && inside[target]:
				ff.notes = append(ff.notes, ff.relName(name, root, p)+": symbolic link loop (it leads back to a directory already being searched): skipped")
			case linked:
				ff.walkDir(name, root, p, target, only, inside)
			}
			return nil // for a link, SkipDir would skip the rest of the directory holding it
		}
		if hidden || !isFile || !ff.hasAnswerExt(p) || (only != nil && !only.match(p, false)) ||
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
	// A path the walk found below root (both clean) is root, a separator and the rest, which is what
	// filepath.Rel would work out, at a cost a directory of thousands of answers notices.
	if len(p) > len(root)+1 && p[len(root)] == filepath.Separator && p[:len(root)] == root {
		return displayName(filepath.Join(name, p[len(root)+1:]))
	}
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
// A list longer than MaxPathListSize bytes is an error, whatever gives it (a file, a FIFO, a command
// that never stops), and so is a line longer than 1 MiB.
func ReadPathList(r io.Reader) ([]string, error) { return readPathList(r, MaxPathListSize) }

func readPathList(r io.Reader, limit int64) ([]string, error) {
	var out []string
	lr := &io.LimitedReader{R: r, N: limit + 1}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			out = append(out, line)
		}
	}
	if lr.N == 0 {
		return nil, fmt.Errorf("the list of paths is longer than %d bytes", limit)
	}
	return out, sc.Err()
}

// MaxPathListSize is the longest list of paths read (--files-from): a million paths of 60 bytes.
const MaxPathListSize = 64 << 20

// ChangedSince lists the files Git sees as changed since a revision (committed, staged or not, and new
// untracked files) as absolute paths with symbolic links resolved.
func ChangedSince(ctx context.Context, dir, rev string) (map[string]bool, error) {
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	top = strings.TrimSpace(top)
	commit, err := resolveRevision(ctx, dir, rev)
	if err != nil {
		return nil, err
	}
	diff, err := git(ctx, dir, "diff", "--name-only", "-z", "--no-renames", commit, "--")
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

// resolveRevision turns a revision into the commit it names. The revision comes from a flag, the
// configuration, the environment or a CI input: one that starts with "-" would be read by git as an
// option ("--output=FILE" writes a file), so it is refused, and git is told where options end besides.
func resolveRevision(ctx context.Context, dir, rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, "\x00\r\n") {
		return "", fmt.Errorf("%q is not a git revision", rev)
	}
	out, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("%q is not a commit in this repository", rev)
	}
	return strings.TrimSpace(out), nil
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
