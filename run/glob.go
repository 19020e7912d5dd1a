package run

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// pathPattern is a glob over slash paths relative to a base directory, with .gitignore semantics: `*`
// and `?` stay within a name, `**` spans directories, a pattern with no slash (other than a trailing
// one) matches a name at any depth, a trailing slash matches only directories, and a leading `!`
// re-includes what an earlier pattern excluded.
type pathPattern struct {
	src      string
	base     string // absolute directory the pattern is relative to
	re       *regexp.Regexp
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
	expr := globRegexp(pat)
	if !p.anchored {
		expr = "(?:.*/)?" + expr
	}
	re, err := regexp.Compile("^" + expr + "$")
	if err != nil {
		return p, fmt.Errorf("pattern %q: %v", p.src, err)
	}
	p.re = re
	return p, nil
}

// globRegexp translates a glob to a regular expression.
func globRegexp(g string) string {
	var b strings.Builder
	rs := []rune(g)
	for i := 0; i < len(rs); i++ {
		rest := string(rs[i:])
		switch {
		case strings.HasPrefix(rest, "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(rest, "**"):
			b.WriteString(".*")
			i++
		case rs[i] == '*':
			b.WriteString("[^/]*")
		case rs[i] == '?':
			b.WriteString("[^/]")
		case rs[i] == '[' && strings.ContainsRune(string(rs[i+1:]), ']'):
			end := i + 1 + strings.IndexRune(string(rs[i+1:]), ']')
			class := string(rs[i+1 : end])
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i = end
		case rs[i] == '\\' && i+1 < len(rs):
			i++
			b.WriteString(regexp.QuoteMeta(string(rs[i])))
		default:
			b.WriteString(regexp.QuoteMeta(string(rs[i])))
		}
	}
	return b.String()
}

// match reports whether the pattern matches an absolute path.
func (p pathPattern) match(abs string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	rel, err := filepath.Rel(p.base, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return !p.anchored && p.re.MatchString(filepath.ToSlash(abs))
	}
	return p.re.MatchString(filepath.ToSlash(rel))
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

// gitignore answers whether Git ignores a path, from the .gitignore files of the directories between
// the repository root (or the walk's start, outside a repository) and the path, and .git/info/exclude.
type gitignore struct {
	root  string
	rules map[string][]pathPattern // by directory, loaded on first use
}

func newGitignore(start string) *gitignore {
	gi := &gitignore{root: start, rules: map[string][]pathPattern{}}
	if root := GitRoot(start); root != "" {
		gi.root = root
		gi.rules[root] = append(readIgnoreFile(root, filepath.Join(root, ".git", "info", "exclude")), readIgnoreFile(root, filepath.Join(root, ".gitignore"))...)
	}
	return gi
}

// ignored reports whether a path is ignored. Its parent directories are taken as not ignored: the walk
// does not enter ignored directories.
func (gi *gitignore) ignored(abs string, isDir bool) bool {
	if !strings.HasPrefix(abs, gi.root) {
		return false
	}
	var dirs []string
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if d == gi.root || filepath.Dir(d) == d {
			break
		}
	}
	ignored := false
	for i := len(dirs) - 1; i >= 0; i-- {
		for _, p := range gi.dirRules(dirs[i]) {
			if p.match(abs, isDir) {
				ignored = !p.negate
			}
		}
	}
	return ignored
}

func (gi *gitignore) dirRules(dir string) []pathPattern {
	rules, ok := gi.rules[dir]
	if !ok {
		rules = readIgnoreFile(dir, filepath.Join(dir, ".gitignore"))
		gi.rules[dir] = rules
	}
	return rules
}

// readIgnoreFile reads gitignore patterns; a missing or unreadable file has none, as for Git.
func readIgnoreFile(base, file string) []pathPattern {
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []pathPattern
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if p, err := compilePattern(base, line); err == nil {
			out = append(out, p)
		}
	}
	return out
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
