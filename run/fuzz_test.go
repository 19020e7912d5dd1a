package run

import (
	"path/filepath"
	"strings"
	"testing"
)

// FuzzGlob compiles any glob, --exclude, exclude: or .gitignore pattern and matches it against paths:
// a pattern is compiled or refused with an error, never a crash, and a pattern with no special
// characters matches the path it spells.
func FuzzGlob(f *testing.F) {
	for _, seed := range []string{
		"*.md", "answers/**/*.md", "**/README.md", "drafts/", "/top.md", "!keep.md", "[!x]*.md", "a?.md",
		"[éè]*.md", "ünïcode-[ü].md", "[", "[]", "[]]", "[z-a]", `\*.md`, `\`, "**", "***", "a/**/b/**", "[^a]",
		"[[:alpha:]]", "[a-\u00e9]", "\xff[\xfe]",
	} {
		f.Add(seed, "answers/a.md", false)
	}
	base := filepath.FromSlash("/repo")
	f.Fuzz(func(t *testing.T, pat, path string, isDir bool) {
		p, err := compilePattern(base, pat)
		if err != nil {
			return
		}
		abs := filepath.Join(base, filepath.FromSlash(path))
		p.match(abs, isDir)
		p.match(filepath.FromSlash("/elsewhere/"+path), isDir)
		literal := strings.TrimPrefix(strings.TrimSuffix(pat, "/"), "/")
		if literal == "" || hasGlobMeta(pat) || strings.ContainsAny(pat, "\\!\x00") || strings.HasPrefix(literal, "./") ||
			strings.Contains(literal, "//") || strings.Contains(literal, "/./") || strings.Contains(literal, "/../") ||
			strings.HasSuffix(literal, "/.") || strings.HasSuffix(literal, "/..") || literal == "." || literal == ".." ||
			strings.HasPrefix(literal, "../") || strings.HasSuffix(literal, "/") {
			return
		}
		if !p.match(filepath.Join(base, filepath.FromSlash(literal)), true) {
			t.Errorf("pattern %q does not match the path it spells", pat)
		}
	})
}

// The hostile patterns of FuzzGlob's seeds, as a table: non-ASCII letters inside [...] crashed the
// matcher (a byte index used as a rune index) or cut the class in the wrong place.
func TestGlobClassesWithNonASCII(t *testing.T) {
	base := filepath.FromSlash("/repo")
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"[éè]*.md", "/repo/été.md", true},
		{"{a,b}.md", "/repo/{a,b}.md", true}, // .gitignore has no braces: they are characters
		{"{a,b}.md", "/repo/a.md", false},
		{"//top.md", "/repo/top.md", true},
		{"[éè]*.md", "/repo/abc.md", false},
		{"ünïcode-[ü].md", "/repo/ünïcode-ü.md", true},
		{"ünïcode-[ü].md", "/repo/ünïcode-u.md", false},
		{"[!é]x.md", "/repo/ax.md", true},
		{"[!é]x.md", "/repo/éx.md", false},
		{"日本[語]/*.md", "/repo/日本語/a.md", true},
	}
	for _, tt := range tests {
		p, err := compilePattern(base, tt.pattern)
		if err != nil {
			t.Errorf("%q: %v", tt.pattern, err)
			continue
		}
		if got := p.match(filepath.FromSlash(tt.path), false); got != tt.want {
			t.Errorf("%q on %s = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}
