package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/schematest"
	"github.com/answerlint/answerlint/rubric"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleText is the file the sample report grades: curly quotes before the evidence make code-point and
// byte columns differ.
const sampleText = "Intro “quoted”. We run terraform apply from my laptop.\n" +
	"<!-- answerlint rubric=gitops -->\n" +
	"Argo CD syncs | from Git <main>.\n" +
	"<!-- answerlint-disable manual-kubectl -->\n"

// sampleReport covers every kind of finding: a passing answer with a suppressed mistake, a failing one
// in a section with caps, a warning and mistakes of each severity, a bad suppression, and a file that
// could not be graded.
func sampleReport() *Report {
	ev := func(line, col, endCol, off int, text string) grader.Evidence {
		return grader.Evidence{Line: line, Column: col, EndLine: line, EndColumn: endCol, Offset: off, EndOffset: off + len(text), Text: text, Phrasing: text}
	}
	pass := &grader.Result{
		File: "answers/terraform unsafe.md", Line: 1, Rubric: "terraform-unsafe-changes", Title: "Unsafe Terraform changes",
		Score: 72, Band: grader.BandPass, Passed: true, Pass: 60, Words: 10, Coverage: 72, Caps: []grader.Cap{},
		Concepts: []grader.ConceptResult{
			{ID: "remote-state", Name: "Remote state with locking", Weight: 1, Covered: true, Points: 72, MaxPoints: 72, Evidence: []grader.Evidence{ev(1, 17, 19, 20, "We")}},
			{ID: "policy-as-code", Name: "Policy as code", Weight: 1, MaxPoints: 28, Hint: "Name a policy gate (OPA, Sentinel).", Evidence: []grader.Evidence{}},
		},
		Mistakes: []grader.MistakeResult{
			{ID: "no-drift", Message: "Never checks for drift.", Severity: rubric.SeverityInfo, Penalty: 0, Evidence: []grader.Evidence{ev(1, 24, 39, 27, "terraform apply")}},
		},
		Suppressed: []grader.Suppressed{{Mistake: grader.MistakeResult{ID: "apply-from-laptop", Message: "Applies from a laptop.", Severity: rubric.SeverityError, Penalty: 25,
			Evidence: []grader.Evidence{ev(1, 24, 54, 27, "terraform apply from my laptop")}}, Reason: "sandbox account only, 100% of the time", Line: 1, Column: 60}},
		Rejected: []grader.Rejection{}, Warnings: []grader.Warning{},
	}
	fail := &grader.Result{
		File: "answers/terraform unsafe.md", Line: 2, Rubric: "gitops", Title: "GitOps, at scale",
		Score: 20, Band: grader.BandFail, Passed: false, Pass: 60, Words: 6, Coverage: 50, Penalty: 35,
		Caps: []grader.Cap{{Limit: 59, Reason: `required concept "source-of-truth" is missing`}},
		Concepts: []grader.ConceptResult{
			{ID: "operator", Name: "A pull-based controller", Weight: 1, Covered: true, Points: 50, MaxPoints: 50, Evidence: []grader.Evidence{ev(3, 1, 8, 93, "Argo CD")}},
			{ID: "source-of-truth", Name: "Git as the source of truth", Weight: 1, Required: true, MaxPoints: 50, Hint: "Say Git holds | the desired state.", Evidence: []grader.Evidence{}},
		},
		Mistakes: []grader.MistakeResult{
			{ID: "manual-kubectl", Message: "Changes clusters by hand: 100% <manual>, risky.", Advice: "Let the controller apply.", Severity: rubric.SeverityError, Penalty: 25, Evidence: []grader.Evidence{ev(3, 9, 14, 101, "syncs")}},
			{ID: "global/no-observability", Message: "Says nothing about observability.", Severity: rubric.SeverityWarning, Penalty: 10, Evidence: []grader.Evidence{ev(3, 26, 33, 118, "<main>.")}},
			{ID: "answerlint/bad-suppression", Message: "suppression of manual-kubectl has no reason, so it is ignored", Advice: "Give a reason.", Severity: rubric.SeverityWarning, Evidence: []grader.Evidence{ev(4, 1, 43, 126, "<!-- answerlint-disable manual-kubectl -->")}},
		},
		Rejected:   []grader.Rejection{},
		Warnings:   []grader.Warning{{Code: "too-short", Message: "the answer has 6 words; at least 40 are expected"}},
		Suppressed: []grader.Suppressed{},
	}
	return &Report{
		Tool:    Tool{Name: "answerlint", Version: "v1.2.3"},
		Results: []*grader.Result{pass, fail},
		Errors:  []FileError{{File: "answers/binary.md", Line: 3, Message: "binary content (NUL byte): not a text answer"}},
		FailOn:  rubric.SeverityError,
		Sources: map[string]string{"answers/terraform unsafe.md": sampleText},
	}
}

// printers are every format, as the command builds them, under the names of their golden files.
func printers(t *testing.T) map[string]Printer {
	return map[string]Printer{
		"text.golden":        Text{},
		"json.golden":        JSON{},
		"line.golden":        Line{},
		"junit.golden":       JUnit{},
		"sarif.golden":       SARIF{PathPrefix: "prep"},
		"github.golden":      GitHub{PathPrefix: "prep", StepSummary: filepath.Join(t.TempDir(), "summary.md")},
		"markdown.golden":    Markdown{},
		"rdjson.golden":      RDJSON{},
		"rdjsonl.golden":     RDJSON{Lines: true},
		"codeclimate.golden": CodeClimate{PathPrefix: "prep"},
		"html.golden":        HTML{},
	}
}

func render(t *testing.T, p Printer, r *Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := p.Print(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden prints the sample report in every format and compares it with testdata/*.golden;
// go test -update rewrites them. Review a golden file's diff like code.
func TestGolden(t *testing.T) {
	for name, p := range printers(t) {
		t.Run(name, func(t *testing.T) {
			got := render(t, p, sampleReport())
			file := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
			}
		})
	}
}

func TestJSONFormatsAreJSON(t *testing.T) {
	for _, name := range []string{"json.golden", "sarif.golden", "rdjson.golden", "codeclimate.golden"} {
		var v any
		if err := json.Unmarshal(render(t, printers(t)[name], sampleReport()), &v); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for i, line := range strings.Split(strings.TrimSpace(string(render(t, RDJSON{Lines: true}, sampleReport()))), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Errorf("rdjsonl line %d: %v", i+1, err)
		}
	}
}

// TestSARIFMatchesSchema validates the SARIF output against the official SARIF 2.1.0 JSON Schema.
func TestSARIFMatchesSchema(t *testing.T) {
	for name, r := range map[string]*Report{"sample": sampleReport(), "empty": {Tool: Tool{Name: "answerlint", Version: "dev"}}} {
		t.Run(name, func(t *testing.T) {
			schematest.Validate(t, "../testdata/sarif-schema-2.1.0.json", render(t, SARIF{}, r))
		})
	}
}

func TestSARIFEveryResultHasALocationAndARule(t *testing.T) {
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string            `json:"ruleId"`
				RuleIndex int               `json:"ruleIndex"`
				Locations []map[string]any  `json:"locations"`
				Prints    map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, SARIF{PathPrefix: "prep"}, sampleReport()), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	prints := map[string]bool{}
	for _, r := range run.Results {
		if len(r.Locations) == 0 {
			t.Errorf("%s has no location", r.RuleID)
		}
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("%s: ruleIndex %d names %s", r.RuleID, r.RuleIndex, run.Tool.Driver.Rules[r.RuleIndex].ID)
		}
		fp := r.Prints["answerlintFinding/v1"]
		if fp == "" || prints[fp] {
			t.Errorf("%s: fingerprint %q missing or repeated", r.RuleID, fp)
		}
		prints[fp] = true
	}
}

// TestJUnitReadsBack parses the JUnit output with encoding/xml and checks its counts and that no two
// cases share a class name and name.
func TestJUnitReadsBack(t *testing.T) {
	var doc JUnitSuites
	if err := xml.Unmarshal(render(t, JUnit{}, sampleReport()), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Suites) != 3 {
		t.Fatalf("%d suites, want 3 (two answers, one for inputs not graded)", len(doc.Suites))
	}
	tests, failures, errs, skipped := 0, 0, 0, 0
	seen := map[string]bool{}
	for _, s := range doc.Suites {
		if s.Tests != len(s.Cases) {
			t.Errorf("suite %q: tests=%d but %d cases", s.Name, s.Tests, len(s.Cases))
		}
		for _, c := range s.Cases {
			key := c.ClassName + "\x00" + c.Name
			if seen[key] {
				t.Errorf("two cases are %s / %s", c.ClassName, c.Name)
			}
			seen[key] = true
			tests++
			switch {
			case c.Failure != nil:
				failures++
			case c.Error != nil:
				errs++
			case c.Skipped != nil:
				skipped++
			}
		}
	}
	// Passing answer: score, 2 concepts (1 missing), 1 mistake, 1 suppressed. Failing answer: score,
	// 2 concepts (1 missing), 3 mistakes. One input error.
	if tests != 12 || failures != 7 || errs != 1 || skipped != 1 {
		t.Errorf("tests %d failures %d errors %d skipped %d; want 12, 7, 1, 1", tests, failures, errs, skipped)
	}
	if doc.Tests != tests || doc.Failures != failures || doc.Errors != errs || doc.Skipped != skipped {
		t.Errorf("document totals %d/%d/%d/%d do not add up", doc.Tests, doc.Failures, doc.Errors, doc.Skipped)
	}
}

func TestGitHubStaysWithinAnnotationLimits(t *testing.T) {
	r := &Report{Tool: Tool{Name: "answerlint"}}
	for i := range 15 {
		r.Errors = append(r.Errors, FileError{File: fmt.Sprintf("answers/%02d.md", i), Message: "unreadable"})
	}
	out := string(render(t, GitHub{}, r))
	if n := strings.Count(out, "::error "); n != MaxAnnotationsPerLevel {
		t.Errorf("%d error annotations, want %d", n, MaxAnnotationsPerLevel)
	}
	if !strings.Contains(out, "answerlint: 5 more findings not annotated") || !strings.Contains(out, "  answers/14.md:1:1: error: unreadable [answerlint/input]") {
		t.Errorf("the findings past the limit are not listed:\n%s", out)
	}
}

func TestGitHubAppendsTheJobSummary(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(summary, []byte("earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	render(t, GitHub{StepSummary: summary}, sampleReport())
	got, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	want := "earlier step\n" + string(render(t, Markdown{}, sampleReport()))
	if string(got) != want {
		t.Errorf("job summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestRDJSONCountsColumnsInBytes(t *testing.T) {
	var d struct {
		Diagnostics []struct {
			Code     struct{ Value string }
			Location struct {
				Range struct{ Start, End struct{ Line, Column int } }
			}
		}
	}
	if err := json.Unmarshal(render(t, RDJSON{}, sampleReport()), &d); err != nil {
		t.Fatal(err)
	}
	for _, diag := range d.Diagnostics {
		if diag.Code.Value == "terraform-unsafe-changes/no-drift" {
			// "terraform apply" starts at code point column 24 but byte column 28: 27 bytes precede it,
			// as the curly quotes take 3 bytes each.
			if got := diag.Location.Range.Start.Column; got != 28 {
				t.Errorf("start column %d, want 28", got)
			}
			return
		}
	}
	t.Error("no-drift diagnostic not found")
}

func TestSummaryCountsGates(t *testing.T) {
	r := sampleReport()
	if s := r.Summarize(); s.Passed != 1 || s.Failed != 1 {
		t.Errorf("passed %d failed %d, want 1 and 1", s.Passed, s.Failed)
	}
	r.FailOn = rubric.SeverityInfo // the passing answer's info mistake now fails it
	if s := r.Summarize(); s.Passed != 0 || s.Failed != 2 {
		t.Errorf("with fail-on info: passed %d failed %d, want 0 and 2", s.Passed, s.Failed)
	}
	r.FailOn = "none"
	if r.Failing(r.Results[0]) {
		t.Error("fail-on none: a passing score with mistakes must pass")
	}
}

// A file name, rubric id or message with a line break or a leading "::" must not become a workflow
// command of its own: in annotations, in the score table of the log group, or in the lines past the
// annotation limit. Every line that starts with "::" is one answerlint meant to write.
func TestGitHubEscapesEverything(t *testing.T) {
	hostile := []string{
		"a.md\n::error file=x.md,line=1::injected",
		"::warning::b.md",
		"c.md\r\n  ::notice::injected",
		"  ::error::d.md",
	}
	r := &Report{Tool: Tool{Name: "answerlint"}}
	for _, name := range hostile {
		r.Results = append(r.Results, &grader.Result{File: name, Line: 1, Rubric: "gitops\n::error::rubric", Score: 10, Pass: 60,
			Mistakes: []grader.MistakeResult{{ID: "m", Message: "bad\n::error::message", Severity: rubric.SeverityError, Evidence: []grader.Evidence{{Line: 1, Column: 1}}}}})
	}
	for i := range 12 {
		r.Errors = append(r.Errors, FileError{File: hostile[i%len(hostile)], Message: "unreadable\n::error::x"})
	}
	out := string(render(t, GitHub{}, r))
	commands := 0
	for _, line := range strings.Split(out, "\n") {
		t := strings.TrimLeft(line, " \t")
		if !strings.HasPrefix(t, "::") {
			continue
		}
		commands++
		if !ghCommand.MatchString(t) {
			// Report it below with the whole output.
			commands += 1000
		}
	}
	want := 2 + MaxAnnotationsPerLevel // the group, its end, and the error annotations
	if commands != want {
		t.Errorf("%d lines start workflow commands, want %d:\n%s", commands, want, out)
	}
	if !strings.Contains(out, "more findings not annotated") {
		t.Errorf("no overflow lines:\n%s", out)
	}
}

// ghCommand is the shape of the commands answerlint writes.
var ghCommand = regexp.MustCompile(`^::(group::answerlint scores|endgroup::|(error|warning|notice) file=[^,:]*,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=[^,:]*::.*)$`)

// A file name with a line break cannot add a finding of its own to the line format.
func TestLineFormatOneFindingALine(t *testing.T) {
	r := &Report{Tool: Tool{Name: "answerlint"}, Errors: []FileError{{File: "a.md\nb.md:1:1: error: injected [x]", Message: "unreadable"}}}
	out := string(render(t, Line{}, r))
	if n := strings.Count(out, "\n"); n != 1 {
		t.Errorf("%d lines for one finding:\n%s", n, out)
	}
}
