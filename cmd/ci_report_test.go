package cmd

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/schematest"
	"github.com/answerlint/answerlint/report"
)

// allFormats writes every format to a file under out/.
var allFormats = []string{
	"text=out/report.txt", "json=out/report.json", "line=out/report.line", "junit=out/junit.xml",
	"sarif=out/answers.sarif", "github=out/github.txt", "markdown=out/scorecard.md", "rdjson=out/rd.json",
	"rdjsonl=out/rd.jsonl", "codeclimate=out/codeclimate.json",
}

// prepRepo is the sample prep repository, found before any test changes directory.
var prepRepo, _ = filepath.Abs("../testdata/prep-repo")

// gradePrepRepo grades a fresh copy of testdata/prep-repo, as a Git checkout, in every format and
// returns the report files by name.
func gradePrepRepo(t *testing.T) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(prepRepo)); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	args := []string{"grade"}
	for _, f := range allFormats {
		args = append(args, "--format", f)
	}
	var stdout, stderr bytes.Buffer
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	if code := Main(args, strings.NewReader(""), &stdout, &stderr); code != ExitError {
		t.Fatalf("exit code %d, want %d (answers/misc/notes.md has no rubric); stderr:\n%s", code, ExitError, stderr.String())
	}
	files := map[string][]byte{}
	for _, f := range allFormats {
		name := strings.SplitN(f, "=", 2)[1]
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
	}
	leftovers, _ := filepath.Glob("out/.*.tmp")
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
	return files
}

// TestPrepRepoSARIFMatchesSchema validates the SARIF that grading the sample prep repo writes against
// the official SARIF 2.1.0 JSON Schema.
func TestPrepRepoSARIFMatchesSchema(t *testing.T) {
	schema := filepath.Join(filepath.Dir(prepRepo), "sarif-schema-2.1.0.json")
	files := gradePrepRepo(t)
	schematest.Validate(t, schema, files["out/answers.sarif"])
	for _, name := range []string{"out/report.json", "out/rd.json", "out/codeclimate.json"} {
		if !json.Valid(files[name]) {
			t.Errorf("%s is not valid JSON", name)
		}
	}
}

// TestPrepRepoJUnitReadsBack parses the JUnit report with encoding/xml: one suite per graded answer and
// one for the file that could not be graded, with totals that add up.
func TestPrepRepoJUnitReadsBack(t *testing.T) {
	var doc report.JUnitSuites
	if err := xml.Unmarshal(gradePrepRepo(t)["out/junit.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Suites) != 8 {
		t.Fatalf("%d suites, want 8 (seven answers and the file without a rubric)", len(doc.Suites))
	}
	failed := map[string]bool{}
	total, skipped := 0, 0
	for _, s := range doc.Suites {
		total += len(s.Cases)
		for _, c := range s.Cases {
			if c.Name == "score" && c.Failure != nil {
				failed[c.ClassName] = true
			}
			if c.Skipped != nil {
				skipped++
			}
		}
	}
	// Jenkins splits class names at dots, so the class is the location with its dots made underscores.
	if !failed["answers/terraform/terraform-unsafe-changes_md"] || len(failed) != 1 {
		t.Errorf("failing score cases: %v, want only answers/terraform/terraform-unsafe-changes_md", failed)
	}
	if skipped != 1 {
		t.Errorf("%d skipped cases, want 1 (the suppressed mistake)", skipped)
	}
	if doc.Tests != total {
		t.Errorf("tests=%d, but %d cases", doc.Tests, total)
	}
}

// TestReportsDoNotDependOnCoreCount grades the prep repo on one core and on two: every report must be
// byte for byte the same.
func TestReportsDoNotDependOnCoreCount(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := gradePrepRepo(t)
	runtime.GOMAXPROCS(2)
	two := gradePrepRepo(t)
	for name, data := range one {
		if !bytes.Equal(data, two[name]) {
			t.Errorf("%s differs between GOMAXPROCS=1 and 2", name)
		}
	}
}
