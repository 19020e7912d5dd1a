package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Names are the configuration files looked for, in this order in each directory.
var Names = []string{".answerlint.yaml", ".answerlint.yml", ".answerlint.toml", ".answerlint.json"}

// MaxFileSize is the largest configuration file read.
const MaxFileSize = 1 << 20

// Discovery is where a configuration file was looked for and what was found.
type Discovery struct {
	// Path is the configuration file to use, or "" when there is none.
	Path string
	// Outside is true when Path is not in the directory searched from: the file then applies to a
	// directory it is not in, which the user should be told.
	Outside bool
	// Skipped are the files passed over because another user owns them, for warnings.
	Skipped []Skipped
}

// Skipped is a configuration file passed over.
type Skipped struct {
	Path   string
	Reason string
}

// Warning is what to tell the user about a skipped file.
func (s Skipped) Warning() string {
	return fmt.Sprintf("ignoring configuration %s: %s", s.Path, s.Reason)
}

// Discover looks for the configuration file that applies in dir: in dir and then each parent, up to
// and including the first that is the root of a Git repository (holds .git) or the home directory,
// then in home. A configuration is a project's, so it is not looked for above the project: a file in
// /tmp or a shared parent directory, which anyone may have written, does not configure a checkout
// below it. A file owned by another user is skipped, as Git skips repositories owned by others
// (safe.directory): it could name rubric directories and report paths. home may be "".
func Discover(dir, home string) Discovery {
	var d Discovery
	dir = absOrSelf(dir)
	if home != "" {
		home = absOrSelf(home)
	}
	for cur := dir; ; {
		if p, ok := d.lookIn(cur); ok {
			d.Path, d.Outside = p, cur != dir
			return d
		}
		if cur == home || isRepoRoot(cur) {
			break
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			break
		}
		cur = parent
	}
	if home != "" {
		if p, ok := d.lookIn(home); ok {
			d.Path, d.Outside = p, home != dir
		}
	}
	return d
}

// lookIn finds a configuration file in dir that may be used, noting those that may not.
func (d *Discovery) lookIn(dir string) (string, bool) {
	for _, n := range Names {
		p := filepath.Join(dir, n)
		st, err := os.Stat(p)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		if owner, ok := fileOwner(st); ok && owner != os.Getuid() {
			d.Skipped = append(d.Skipped, Skipped{Path: p, Reason: fmt.Sprintf("it is owned by user %d, not by you (%d)", owner, os.Getuid())})
			continue
		}
		return p, true
	}
	return "", false
}

// isRepoRoot reports whether dir is the root of a Git working tree: it holds .git, a directory or,
// in a linked worktree or a submodule, a file.
func isRepoRoot(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

func absOrSelf(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}
