package run

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// pathPattern is a glob over slash paths relative to a base directory, written as in .gitignore and
// matched by doublestar: `*` and `?` stay within a name, `**` spans directories, `[...]` is a class
// (`[!...]` its complement), a pattern with no slash (other than a trailing one) matches a name at any
// depth, a trailing slash matches only directories, and a leading `!` re-includes what an earlier
// pattern excluded.
type pathPattern struct {
	src      string
	base     string // absolute directory the pattern is relative to
	glob     string // the doublestar pattern, over slash paths relative to base
	negate   bool
	dirOnly  bool
	anchored bool // relative to base; otherwise a name at any depth, even outside base
}

func compilePattern(base, pat string) (pathPattern, error) {
	p := pathPattern{src: pat, base: base}
	if strings.HasPrefix(pat, "!") {
		p.negate, pat = true, pat[1:]
	}
	if strings.HasSuffix(pat, "/") {
		p.dirOnly, pat = true, strings.TrimRight(pat, "/")
	}
	pat = strings.TrimPrefix(filepath.ToSlash(pat), "./")
	p.anchored = strings.Contains(pat, "/")
	pat = strings.TrimPrefix(pat, "/")
	if pat == "" {
		return p, fmt.Errorf("empty pattern %q", p.src)
	}
	if !p.anchored {
		pat = "**/" + pat
	}
	if !doublestar.ValidatePattern(pat) {
		return p, fmt.Errorf("pattern %q: %w", p.src, doublestar.ErrBadPattern)
	}
	p.glob = pat
	return p, nil
}

// match reports whether the pattern matches an absolute path.
func (p pathPattern) match(abs string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	rel, err := filepath.Rel(p.base, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return !p.anchored && doublestar.MatchUnvalidated(p.glob, strings.TrimPrefix(filepath.ToSlash(abs), "/"))
	}
	return doublestar.MatchUnvalidated(p.glob, filepath.ToSlash(rel))
}

// hasGlobMeta reports whether a path argument is a glob rather than a file name.
func hasGlobMeta(s string) bool { return strings.ContainsAny(s, "*?[") }

// excludeSet is the --exclude and config exclude patterns.
type excludeSet []pathPattern

func newExcludeSet(globs []Glob) (excludeSet, error) {
	var out excludeSet
	for _, g := range globs {
		pat := strings.TrimSpace(g.Pattern)
		if pat == "" {
			continue
		}
		p, err := compilePattern(g.Dir, pat)
		if err != nil {
			return nil, fmt.Errorf("exclude: %v", err)
		}
		out = append(out, p)
	}
	return out, nil
}

// excludes reports whether a path, or a directory it is in, matches a pattern. Excluding a
// directory excludes everything below it; the last matching pattern wins, so `!` can re-include.
func (s excludeSet) excludes(abs string, isDir bool) bool {
	excluded := false
	for _, p := range s {
		for dir, d := abs, isDir; ; dir, d = filepath.Dir(dir), true {
			if p.match(dir, d) {
				excluded = !p.negate
				break
			}
			if filepath.Dir(dir) == dir || (p.anchored && !strings.HasPrefix(dir, p.base)) {
				break
			}
		}
	}
	return excluded
}

// gitignore answers whether Git ignores a path below a walk's root, as Git itself says: every
// .gitignore, .git/info/exclude and core.excludesFile, with Git's escapes and negations. Outside a
// repository (or without git) nothing is ignored.
type gitignore struct {
	root    string
	ignored map[string]bool // slash paths relative to root; directories end in "/"
}

// newGitignore asks git for the untracked paths it ignores below root: an ignored directory is listed
// once, not its content (--directory).
func newGitignore(ctx context.Context, root string) *gitignore {
	gi := &gitignore{root: root, ignored: map[string]bool{}}
	if GitRoot(root) == "" {
		return gi
	}
	out, err := git(ctx, root, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory", "--", ".")
	if err != nil {
		return gi
	}
	for _, p := range strings.Split(out, "\x00") {
		if p != "" {
			gi.ignored[p] = true
		}
	}
	return gi
}

// isIgnored reports whether a path below the root is ignored. Its parent directories are taken as not
// ignored: the walk does not enter ignored directories.
func (gi *gitignore) isIgnored(abs string, isDir bool) bool {
	if len(gi.ignored) == 0 {
		return false
	}
	rel, err := filepath.Rel(gi.root, abs)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	if isDir {
		rel += "/"
	}
	return gi.ignored[rel]
}

// GitRoot is the directory holding .git at or above dir, or "" outside a repository.
func GitRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
