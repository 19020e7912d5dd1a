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
	"unicode/utf8"

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
// in a section with caps, a warning and mistakes of each severity, a bad suppression, an answer still
// to do (an untouched template), and a file that could not be graded.
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
	todo := &grader.Result{
		File: "answers/gitops.md", Line: 4, Rubric: "gitops", Title: "GitOps, at scale", Score: 0, Band: grader.BandFail, Pass: 60, Todo: true,
		Caps: []grader.Cap{{Limit: 0, Reason: "empty answer"}},
		Concepts: []grader.ConceptResult{
			{ID: "source-of-truth", Name: "Git as the source of truth", Weight: 1, Required: true, MaxPoints: 100, Hint: "Say Git holds the desired state.", Evidence: []grader.Evidence{}},
		},
		Mistakes: []grader.MistakeResult{}, Rejected: []grader.Rejection{}, Suppressed: []grader.Suppressed{},
		Warnings: []grader.Warning{{Code: "empty", Message: "the answer is empty"}},
	}
	return &Report{
		Tool:    Tool{Name: "answerlint", Version: "v1.2.3"},
		Results: []*grader.Result{pass, fail, todo},
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
	if len(doc.Suites) != 4 {
		t.Fatalf("%d suites, want 4 (three answers, one for inputs not graded)", len(doc.Suites))
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
	// Passing answer: score, 2 concepts (1 missing), 1 mistake below --fail-on, 1 suppressed: nothing
	// fails. Failing answer: score, 2 concepts (1 missing), 3 mistakes: 5 fail. The answer to do: one
	// skipped case. One input error.
	if tests != 13 || failures != 5 || errs != 1 || skipped != 2 {
		t.Errorf("tests %d failures %d errors %d skipped %d; want 13, 5, 1, 2", tests, failures, errs, skipped)
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

// TestJUnitAgreesWithTheGate: a suite has failures exactly when its answer fails the run, whatever the
// fail-on severity and to-do policy; no class name has a dot for Jenkins to split it at.
func TestJUnitAgreesWithTheGate(t *testing.T) {
	for _, tt := range []struct {
		failOn    rubric.Severity
		todoFails bool
	}{{rubric.SeverityError, false}, {rubric.SeverityInfo, false}, {"none", false}, {rubric.SeverityError, true}} {
		t.Run(fmt.Sprintf("fail-on %s todo-fails %v", tt.failOn, tt.todoFails), func(t *testing.T) {
			r := sampleReport()
			r.FailOn, r.TodoFails = tt.failOn, tt.todoFails
			var doc JUnitSuites
			if err := xml.Unmarshal(render(t, JUnit{}, r), &doc); err != nil {
				t.Fatal(err)
			}
			for i, res := range r.Results {
				if got, want := doc.Suites[i].Failures > 0, r.Failing(res); got != want {
					t.Errorf("%s: suite has failures %v, answer failing %v", location(res), got, want)
				}
			}
			for _, s := range doc.Suites {
				for _, c := range s.Cases {
					if strings.Contains(c.ClassName, ".") {
						t.Errorf("class name %q has a dot", c.ClassName)
					}
				}
			}
		})
	}
}

// TestSARIFListsUngradedFilesAsResults: code scanning shows results, not notifications, so a file that
// could not be graded must be an error result.
func TestSARIFListsUngradedFilesAsResults(t *testing.T) {
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID, Level string
				Locations     []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(render(t, SARIF{PathPrefix: "prep"}, sampleReport()), &log); err != nil {
		t.Fatal(err)
	}
	levels := map[string]string{}
	for _, res := range log.Runs[0].Results {
		levels[res.RuleID+" "+res.Locations[0].PhysicalLocation.ArtifactLocation.URI] = res.Level
	}
	if got := levels[InputCheck+" prep/answers/binary.md"]; got != "error" {
		t.Errorf("ungraded file: level %q, want an error result (results: %v)", got, levels)
	}
	if got := levels[TodoCheck+" prep/answers/gitops.md"]; got != "note" {
		t.Errorf("answer to do: level %q, want a note", got)
	}
}

func TestSummaryCountsTodo(t *testing.T) {
	r := sampleReport()
	s := r.Summarize()
	if s.Graded != 3 || s.Passed != 1 || s.Failed != 1 || s.Todo != 1 || s.MeanScore != 46 {
		t.Errorf("summary %+v; want 3 graded, 1 passed, 1 failed, 1 to do, mean 46 (of the written answers)", s)
	}
	if want := "graded 3 answers: 1 passed, 1 failed, 1 to do, mean score 46.0; 1 error"; s.Line() != want {
		t.Errorf("line %q, want %q", s.Line(), want)
	}
	r.TodoFails = true
	if s := r.Summarize(); s.Failed != 2 || s.Todo != 1 {
		t.Errorf("todo fails: failed %d to do %d, want 2 and 1", s.Failed, s.Todo)
	}
	blank := &Report{Results: []*grader.Result{{File: "a.md", Todo: true}, {File: "b.md", Todo: true}}}
	if want := "graded 2 answers: 0 passed, 0 failed, 2 to do"; blank.Summarize().Line() != want {
		t.Errorf("only templates: %q, want %q", blank.Summarize().Line(), want)
	}
}

// TestWrittenAnswersComeFirst: sorting and findings put the answers still to do after the written
// ones, so the first finding of every format is about an answer someone wrote.
func TestWrittenAnswersComeFirst(t *testing.T) {
	r := &Report{Results: []*grader.Result{
		{File: "answers/a.md", Line: 1, Rubric: "a", Todo: true, Concepts: []grader.ConceptResult{{ID: "c", Name: "C"}}},
		{File: "answers/z.md", Line: 1, Rubric: "z", Score: 10, Pass: 60, Concepts: []grader.ConceptResult{{ID: "c", Name: "C"}}},
	}}
	r.Sort()
	if r.Results[0].File != "answers/z.md" {
		t.Errorf("first result %s, want the written answer", r.Results[0].File)
	}
	fs := r.Findings()
	if fs[0].File != "answers/z.md" || fs[len(fs)-1].Kind != KindTodo {
		t.Errorf("findings start with %s and end with %s", fs[0].File, fs[len(fs)-1].Kind)
	}
	for _, f := range fs {
		if f.File == "answers/a.md" && f.Kind == KindConcept {
			t.Error("an answer to do lists its missing concepts")
		}
	}
}

// TestMarkdownFitsAComment: a report too long for a pull-request comment keeps the most important
// parts, in order, and says how much it left out and where the rest is.
func TestMarkdownFitsAComment(t *testing.T) {
	r := &Report{Errors: []FileError{{File: "answers/broken.md", Message: "not UTF-8"}}}
	hint := strings.Repeat("Explain the why as well as the what. ", 20)
	for i := range 300 {
		res := &grader.Result{File: fmt.Sprintf("answers/%03d.md", i), Line: 1, Rubric: "gitops", Score: 90, Band: grader.BandStrong, Passed: true, Pass: 60}
		if i%3 == 0 {
			res.Score, res.Band, res.Passed = 20, grader.BandFail, false
			for c := range 5 {
				res.Concepts = append(res.Concepts, grader.ConceptResult{ID: fmt.Sprint(c), Name: fmt.Sprintf("Concept %d", c), Hint: hint})
			}
		}
		r.Results = append(r.Results, res)
	}
	r.Results = append(r.Results, &grader.Result{File: "answers/zz-template.md", Rubric: "gitops", Todo: true})
	out := render(t, Markdown{FullReport: "answerlint-report.md"}, r)
	if len(out) > CommentLimit {
		t.Fatalf("%d bytes, over the %d limit", len(out), CommentLimit)
	}
	md := string(out)
	if !strings.Contains(md, "`answers/broken.md`: not UTF-8") {
		t.Error("the file that could not be graded was left out")
	}
	if !strings.Contains(md, "| ❌ | `answers/000.md`") {
		t.Error("the first failing answer was left out")
	}
	if strings.Contains(md, "| ✅ |") && strings.Index(md, "| ✅ |") < strings.LastIndex(md, "| ❌ |") {
		t.Error("a passing answer comes before a failing one")
	}
	if !regexpMatch(`_\d+ of 402 entries are left out to fit a pull-request comment \(65536 characters\); the full report is in `+"`answerlint-report.md`"+`\._\n$`, md) {
		t.Errorf("no note on what was left out:\n%s", md[max(0, len(md)-300):])
	}
	if short := string(render(t, Markdown{}, sampleReport())); strings.Contains(short, "left out") {
		t.Errorf("a short report has the note:\n%s", short)
	}
	if full := render(t, Markdown{Limit: -1}, r); len(full) <= CommentLimit || strings.Contains(string(full), "left out") {
		t.Errorf("no limit: %d bytes", len(full))
	}
}

func regexpMatch(pattern, s string) bool { return regexp.MustCompile(pattern).MatchString(s) }

// TestTextWrapsAtTheWidth: no line of the text report is wider than its width, and words are not
// broken.
func TestTextWrapsAtTheWidth(t *testing.T) {
	r := sampleReport()
	r.Results[1].Concepts[1].Hint = strings.Repeat("Say which repository holds the desired state and how it reaches the cluster. ", 3)
	for _, width := range []int{0, 60, 100} {
		out := string(render(t, Text{Width: width}, r))
		limit := width
		if width == 0 {
			limit = 80
		}
		for _, line := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(line); n > limit {
				t.Errorf("width %d: line of %d columns: %q", width, n, line)
			}
		}
		if !strings.Contains(strings.Join(strings.Fields(out), " "), "Say which repository holds the desired state and how it reaches the cluster.") {
			t.Errorf("width %d: the hint's words were broken or lost:\n%s", width, out)
		}
	}
}
