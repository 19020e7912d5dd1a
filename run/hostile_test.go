package run

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

const namedRubric = `id: named
title: Named
question: How do you keep Terraform state?
concepts:
  - id: remote
    name: Remote state
    hint: h
    match: [remote state]
`

// What an answer says must not choose what answerlint reads: its front matter, a section marker or a
// JSON Lines record may name a rubric id, or a rubric file inside the configured rubric directories.
// Anything else is refused before it is opened, so a device or a FIFO cannot hang the run or fill memory.
func TestAnswerCannotChooseWhatIsRead(t *testing.T) {
	// Answers name rubric files by relative paths below the working directory.
	dir := t.TempDir()
	t.Chdir(dir)
	rubrics, outside := "rubrics", "outside"
	for _, d := range []string{rubrics, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	inside := filepath.Join(rubrics, "named.yaml")
	for _, f := range []string{inside, filepath.Join(outside, "named.yaml"), filepath.Join(filepath.Dir(dir), "elsewhere.yaml")} {
		if err := os.WriteFile(f, []byte(namedRubric), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(rubrics, "link.yaml")
	if err := os.Symlink(filepath.Join(filepath.Dir(dir), "elsewhere.yaml"), link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	fifo := filepath.Join(rubrics, "fifo.yaml")
	hasFIFO := runtime.GOOS != "windows" && syscall.Mkfifo(fifo, 0o600) == nil
	g := packGrader(t, Config{RubricDirs: []string{rubrics}})
	tests := []struct {
		name, ref string
		ok        bool
		want      string // in the error
	}{
		{"a rubric id", "gitops", true, ""},
		{"a file inside the rubric directory", inside, true, ""},
		{"the same file by a relative path with ..", filepath.Join(rubrics, "..", "rubrics", "named.yaml"), true, ""},
		{"a file outside the rubric directory, below the working directory", filepath.Join(outside, "named.yaml"), true, ""},
		{"a file inside by an absolute path", filepath.Join(dir, inside), false, "relative path"},
		{"climbing out", "../../../../named.yaml", false, "relative path"},
		{"a link inside leading outside", link, false, "links followed, outside the working directory"},
		{"/dev/zero", "/dev/zero", false, "relative path"},
		{"/dev/stdin", "/dev/stdin", false, "relative path"},
		{"/etc/passwd", "../../../../../../../../etc/passwd", false, "relative path"},
		{"a FIFO inside the rubric directory", fifo, false, "not a regular file"},
		{"an unknown id of megabytes", strings.Repeat("x", 5<<20), false, "unknown rubric"},
	}
	for _, tt := range tests {
		if tt.ref == fifo && !hasFIFO {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			for _, via := range []string{"front matter", "marker", "json lines"} {
				var err error
				done := make(chan struct{})
				go func() {
					defer close(done)
					switch via {
					case "front matter":
						err = outcomeErr(g.GradeDocument("a.md", []byte("---\nrubric: "+tt.ref+"\n---\nWe keep remote state in S3.\n")))
					case "marker":
						err = outcomeErr(g.GradeDocument("a.md", []byte("<!-- answerlint rubric="+tt.ref+" -->\nWe keep remote state in S3.\n")))
					default:
						_, err = g.GradeText("a", tt.ref, "We keep remote state in S3.")
					}
				}()
				select {
				case <-done:
				case <-time.After(20 * time.Second):
					t.Fatalf("%s: still reading %s", via, tt.ref)
				}
				switch {
				case tt.ok && err != nil:
					t.Errorf("%s: %v", via, err)
				case !tt.ok && err == nil:
					t.Errorf("%s: %s was read", via, tt.ref)
				case !tt.ok && !strings.Contains(err.Error(), tt.want):
					t.Errorf("%s: error %q, want it to contain %q", via, err, tt.want)
				case !tt.ok && len(err.Error()) > 1000:
					t.Errorf("%s: an error of %d bytes: the reference is quoted whole", via, len(err.Error()))
				}
			}
		})
	}
}

// outcomeErr is the first error grading a document gave, as an error.
func outcomeErr(out *Outcome, err error) error {
	if err != nil {
		return err
	}
	if len(out.Errors) > 0 {
		return errors.New(out.Errors[0].Message)
	}
	return nil
}

// BenchmarkGradeDocumentSections grades a file of N and 2N answers, each with a suppression comment:
// the time per answer must stay the same. Each answer used to index the whole file's lines again, and
// to look through every suppression of the file (10,000 answers: 14 s).
func BenchmarkGradeDocumentSections(b *testing.B) {
	g := packGrader(b, Config{})
	for _, n := range []int{2500, 5000} {
		var sb strings.Builder
		for i := range n {
			fmt.Fprintf(&sb, "<!-- answerlint rubric=gitops -->\nArgo CD syncs from Git, answer %d. <!-- answerlint-disable manual-kubectl break-glass -->\n", i)
		}
		data := []byte(sb.String())
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			for b.Loop() {
				out, err := g.GradeDocument("a.md", data)
				if err != nil || len(out.Results) != n {
					b.Fatalf("%v, %d results", err, len(out.Results))
				}
			}
		})
	}
}

// endlessLines is a list of paths that never ends, as `yes` gives.
type endlessLines struct{ n int }

func (e *endlessLines) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "a\n"[e.n%2]
		e.n++
	}
	return len(p), nil
}

// A list of paths that never ends (--files-from with a command that does not stop) is refused once it
// passes the limit, rather than read until memory runs out.
func TestPathListIsBounded(t *testing.T) {
	_, err := readPathList(&endlessLines{}, 1<<20)
	if err == nil || !strings.Contains(err.Error(), "longer than") {
		t.Fatalf("error %v, want the list refused as too long", err)
	}
	paths, err := ReadPathList(strings.NewReader("a.md\n\n  b.md  \n"))
	if err != nil || fmt.Sprint(paths) != "[a.md b.md]" {
		t.Errorf("a short list reads %v, %v", paths, err)
	}
}
