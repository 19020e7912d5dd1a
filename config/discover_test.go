package config

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Discovery looks from the working directory up to the repository root or home, then in home; what
// it finds outside the working directory is flagged for a note, and a file another user owns is skipped.
func TestDiscover(t *testing.T) {
	// top/                      the search never goes above top: it holds .git in every case
	//   .answerlint.yaml       (only in some cases)
	//   home/                   $HOME
	//   repo/.git  repo/sub/    a repository inside top
	tests := []struct {
		name    string
		files   []string // created, relative to top; a name ending in / is a directory
		from    string
		want    string // relative to top; "" for none
		outside bool
	}{
		{"in the working directory", []string{"repo/.git/", "repo/sub/.answerlint.yaml"}, "repo/sub", "repo/sub/.answerlint.yaml", false},
		{"at the repository root, from below", []string{"repo/.git/", "repo/.answerlint.yml", "repo/sub/"}, "repo/sub", "repo/.answerlint.yml", true},
		{"above the repository root: not used", []string{"repo/.git/", "repo/sub/", ".answerlint.yaml"}, "repo/sub", "", false},
		{"a worktree's .git file ends the search too", []string{"repo/.git", "repo/sub/", ".answerlint.yaml"}, "repo/sub", "", false},
		{"above the repository root, but home's is used", []string{"repo/.git/", "repo/sub/", "home/.answerlint.json"}, "repo/sub", "home/.answerlint.json", true},
		{"below home with no repository: up to home", []string{"home/a/b/", "home/a/.answerlint.toml"}, "home/a/b", "home/a/.answerlint.toml", true},
		{"nothing up to home: home's", []string{"home/a/", "home/.answerlint.yaml"}, "home/a", "home/.answerlint.yaml", true},
		{"above home: not used", []string{"home/a/", ".answerlint.yaml"}, "home/a", "", false},
		{"a directory named like a configuration is not one", []string{"repo/.git/", "repo/.answerlint.yaml/"}, "repo", "", false},
		{"first name first", []string{"repo/.git/", "repo/.answerlint.json", "repo/.answerlint.yaml"}, "repo", "repo/.answerlint.yaml", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := t.TempDir()
			for _, f := range append([]string{".git/", "home/"}, tt.files...) {
				p := filepath.Join(top, filepath.FromSlash(f))
				if f[len(f)-1] == '/' {
					mustMkdir(t, p)
					continue
				}
				mustMkdir(t, filepath.Dir(p))
				if err := os.WriteFile(p, []byte("color: never\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			d := Discover(filepath.Join(top, tt.from), filepath.Join(top, "home"))
			want := ""
			if tt.want != "" {
				want = filepath.Join(top, filepath.FromSlash(tt.want))
			}
			if d.Path != want || d.Outside != tt.outside {
				t.Errorf("found %q (outside %v), want %q (outside %v)", d.Path, d.Outside, want, tt.outside)
			}
		})
	}
}

// A configuration file owned by another user is skipped with a reason, and the search goes on.
func TestDiscoverSkipsAnotherUsersFile(t *testing.T) {
	if runtime.GOOS == "windows" || os.Getuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	top := t.TempDir()
	mustMkdir(t, filepath.Join(top, ".git"))
	sub := filepath.Join(top, "sub")
	mustMkdir(t, sub)
	foreign, own := filepath.Join(sub, ".answerlint.yaml"), filepath.Join(top, ".answerlint.yaml")
	for _, f := range []string{foreign, own} {
		if err := os.WriteFile(f, []byte("color: never\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chown(foreign, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	d := Discover(sub, "")
	if d.Path != own || !d.Outside {
		t.Errorf("found %q (outside %v), want %q, outside", d.Path, d.Outside, own)
	}
	if len(d.Skipped) != 1 || d.Skipped[0].Path != foreign {
		t.Fatalf("skipped %v, want %s", d.Skipped, foreign)
	}
	if w := d.Skipped[0].Warning(); w != "ignoring configuration "+foreign+": it is owned by user 4242, not by you (0)" {
		t.Errorf("warning %q", w)
	}
}

func mustMkdir(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestChoose: a named file (--config, then $ANSWERLINT_CONFIG) wins over discovery and must exist; a
// missing one is an error that still names it; a file found above the directory searched is a note.
func TestChoose(t *testing.T) {
	top := t.TempDir()
	t.Setenv("HOME", filepath.Join(top, "home"))
	for _, d := range []string{".git", "sub", "home"} {
		if err := os.MkdirAll(filepath.Join(top, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	found, named := filepath.Join(top, ".answerlint.yaml"), filepath.Join(top, "named.yaml")
	for _, f := range []string{found, named} {
		if err := os.WriteFile(f, []byte("color: never\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sub := filepath.Join(top, "sub")

	t.Setenv("ANSWERLINT_CONFIG", "")
	if c, err := Choose("", sub); err != nil || c.Path != found || len(c.Notes) != 1 || c.Notes[0] != "using configuration "+found {
		t.Errorf("discovered: %+v, %v", c, err)
	}
	if c, err := Choose(named, sub); err != nil || c.Path != named || len(c.Notes) != 0 {
		t.Errorf("--config: %+v, %v", c, err)
	}
	t.Setenv("ANSWERLINT_CONFIG", named)
	if c, err := Choose("", sub); err != nil || c.Path != named {
		t.Errorf("$ANSWERLINT_CONFIG: %+v, %v", c, err)
	}
	missing := filepath.Join(top, "missing.yaml")
	if c, err := Choose(missing, sub); err == nil || c.Path != missing {
		t.Errorf("a missing named file: %+v, %v", c, err)
	}
}
