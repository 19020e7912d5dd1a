package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/rubric"
)

func pack(t *testing.T) *rubric.Set {
	t.Helper()
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestWriteKeepsWrittenAnswers runs init twice over one directory: the second run, with and without
// Force, must never replace an answer someone wrote, and Force refreshes everything else.
func TestWriteKeepsWrittenAnswers(t *testing.T) {
	set := pack(t)
	dir := t.TempDir()
	opts := Options{Dir: dir, Rubrics: []string{"gitops"}, Version: "dev"}
	sum, err := Write(set, opts, func(Step) {})
	if err != nil {
		t.Fatal(err)
	}
	if sum != (Summary{Created: 5}) {
		t.Fatalf("first run: %+v, want 5 created", sum)
	}
	written := filepath.Join(dir, "answers", "gitops.md")
	data, _ := os.ReadFile(written)
	answerText := string(data) + "GitOps keeps the desired state in Git and an agent reconciles the cluster.\n"
	if err := os.WriteFile(written, []byte(answerText), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		force bool
		want  Summary
		why   string
	}{
		{"without force every file is kept", false, Summary{Kept: 5}, "exists, kept"},
		{"force keeps the written answer", true, Summary{Replaced: 4, Kept: 1}, "kept, has an answer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := opts
			o.Force = tt.force
			var answerStep Step
			sum, err := Write(set, o, func(s Step) {
				if strings.HasSuffix(s.Path, "answers/gitops.md") {
					answerStep = s
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if sum != tt.want {
				t.Errorf("summary %+v, want %+v", sum, tt.want)
			}
			if answerStep.Action != Kept || !strings.HasPrefix(answerStep.Why, tt.why) {
				t.Errorf("answer: %s %q, want kept %q", answerStep.Action, answerStep.Why, tt.why)
			}
			if got, _ := os.ReadFile(written); string(got) != answerText {
				t.Errorf("the written answer changed:\n%s", got)
			}
		})
	}
}

func TestChoose(t *testing.T) {
	set := pack(t)
	tests := []struct {
		name    string
		tags    []string
		ids     []string
		want    int // rubrics chosen; -1: all
		wantErr string
	}{
		{"nothing chosen means all", nil, nil, -1, ""},
		{"one id", nil, []string{"gitops"}, 1, ""},
		{"unknown id names the closest", nil, []string{"gitop"}, 0, `unknown rubric "gitop" (closest: gitops`},
		{"unknown tag", []string{"no-such-tag"}, nil, 0, "no rubric has the tags no-such-tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Choose(set, tt.tags, tt.ids)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if want < 0 {
				want = len(set.All())
			}
			if len(got) != want {
				t.Errorf("%d rubrics, want %d", len(got), want)
			}
		})
	}
}

func TestCIFilesPinARelease(t *testing.T) {
	for _, tt := range []struct{ version, action, install string }{
		{"v1.2.3", "v1.2.3", "v1.2.3"},
		{"dev", "main", "latest"},
		{"v1.2.3-0.20260101-abcdef", "main", "latest"},
	} {
		if a, i := actionRef(tt.version), installRef(tt.version); a != tt.action || i != tt.install {
			t.Errorf("%s: action %s install %s, want %s %s", tt.version, a, i, tt.action, tt.install)
		}
	}
}

// init never writes through a symbolic link that leads outside the directory it scaffolds: not a
// linked answers/ directory, not a linked file with Force, not a link that leads nowhere yet. A link
// that stays inside is followed.
func TestWriteNeverFollowsALinkOutside(t *testing.T) {
	set := pack(t)
	tests := []struct {
		name  string
		link  string // made in the scaffolded directory
		to    string // "OUT" is a directory outside it
		force bool
		fails bool
	}{
		{"a linked answers directory", "answers", "OUT", false, true},
		{"a linked configuration, with force", ".answerlint.yaml", "OUT/config.yaml", true, true},
		{"a dangling link, with force", ".gitlab-ci.yml", "OUT/missing.yml", true, true},
		{"a linked directory on the way", ".github", "OUT", false, true},
		{"a link inside", "answers", "inside", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, out := t.TempDir(), t.TempDir()
			if err := os.WriteFile(filepath.Join(out, "config.yaml"), []byte("mine\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(filepath.Join(dir, "inside"), 0o755); err != nil {
				t.Fatal(err)
			}
			to := strings.Replace(tt.to, "OUT", out, 1)
			if !filepath.IsAbs(to) {
				to = filepath.Join(dir, to)
			}
			if err := os.Symlink(to, filepath.Join(dir, tt.link)); err != nil {
				t.Skip("no symbolic links:", err)
			}
			_, err := Write(set, Options{Dir: dir, Rubrics: []string{"gitops"}, Version: "dev", Force: tt.force}, func(Step) {})
			if (err != nil) != tt.fails {
				t.Errorf("error %v, want one: %v", err, tt.fails)
			}
			entries, _ := os.ReadDir(out)
			if len(entries) != 1 {
				t.Errorf("files written outside: %v", entries)
			}
			if data, _ := os.ReadFile(filepath.Join(out, "config.yaml")); string(data) != "mine\n" {
				t.Errorf("the file outside was overwritten: %q", data)
			}
		})
	}
}
