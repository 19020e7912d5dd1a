package practice

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// TestSessionWrapsToWidth holds every line a session prints within the terminal's width: the
// question, the report, the model points and the recap, which would otherwise run off the screen.
func TestSessionWrapsToWidth(t *testing.T) {
	long := strings.Repeat("How do several engineers share one environment safely? ", 4)
	r := testRubric("q1")
	r.Title = strings.Repeat("A long title ", 5)
	r.Question = long
	r.Concepts[1].Hint = strings.Repeat("Say what the second concept is and why it matters here. ", 3)
	for _, width := range []int{60, 100} {
		var out bytes.Buffer
		s := &Session{Out: &out, In: strings.NewReader("An answer.\n"), Now: func() time.Time { return now }, Width: width,
			Rubrics: []*rubric.Rubric{r}, HistoryPath: filepath.Join(t.TempDir(), "history", "h.jsonl"),
			Grade: func(r *rubric.Rubric, text string) (*grader.Result, error) {
				return &grader.Result{File: "your answer", Rubric: r.ID, Score: 10, Pass: 60, Band: grader.BandFail,
					Concepts: []grader.ConceptResult{{ID: "a", Name: "Concept A"}, {ID: "b", Name: "Concept B", Hint: r.Concepts[1].Hint}}}, nil
			}}
		if _, err := s.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(out.String(), "\n") {
			if n := len([]rune(line)); n > width {
				t.Errorf("width %d: line %d has %d columns: %q", width, i+1, n, line)
			}
		}
		if got := strings.Join(strings.Fields(out.String()), " "); !strings.Contains(got, strings.TrimSpace(long)) {
			t.Errorf("width %d: the question is not printed whole:\n%s", width, out.String())
		}
	}
}

// now is the fixed clock of these tests.
var now = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

func daysAgo(d float64) time.Time { return now.Add(-time.Duration(d * float64(24*time.Hour))) }

func testRubric(id string, tags ...string) *rubric.Rubric {
	return &rubric.Rubric{ID: id, Title: "Title of " + id, Question: "What is " + id + "?", Tags: tags, Pass: 60,
		Concepts: []rubric.Concept{{ID: "a", Name: "Concept A", Weight: 1}, {ID: "b", Name: "Concept B", Weight: 1}}}
}

func attempt(id string, when time.Time, score int, missed ...string) Attempt {
	a := Attempt{Time: when, Rubric: id, Score: score, Pass: 60, Passed: score >= 60}
	for _, c := range []string{"a", "b"} {
		if contains(missed, c) {
			a.Missed = append(a.Missed, c)
		} else {
			a.Covered = append(a.Covered, c)
		}
	}
	return a
}

func ids(picks []Pick) string {
	var out []string
	for _, p := range picks {
		out = append(out, p.Rubric.ID)
	}
	return strings.Join(out, " ")
}

// TestOrder is the spaced-repetition order, at a fixed time: each row is a history and the order the
// questions come back in.
func TestOrder(t *testing.T) {
	rubrics := []*rubric.Rubric{testRubric("q1"), testRubric("q2"), testRubric("q3")}
	tests := []struct {
		name string
		hist []Attempt
		want string
	}{
		{"nothing practised: the rubrics' order", nil, "q1 q2 q3"},
		{"never practised before practised and passed",
			[]Attempt{attempt("q1", daysAgo(30), 90)}, "q2 q3 q1"},
		{"a failed answer that is due comes before new questions",
			[]Attempt{attempt("q3", daysAgo(2), 30, "a", "b")}, "q3 q1 q2"},
		{"a failed answer not yet due waits behind new questions",
			[]Attempt{attempt("q3", daysAgo(0.2), 30, "a", "b")}, "q1 q2 q3"},
		{"same score: the one not seen for longest first",
			[]Attempt{attempt("q1", daysAgo(3), 75), attempt("q2", daysAgo(9), 75), attempt("q3", daysAgo(5), 75)}, "q2 q3 q1"},
		{"same day: the lowest score first",
			[]Attempt{attempt("q1", daysAgo(3), 95), attempt("q2", daysAgo(3), 70), attempt("q3", daysAgo(3), 80)}, "q2 q3 q1"},
		{"same score and day: the concept missed every time first",
			[]Attempt{
				attempt("q1", daysAgo(10), 70, "a"), attempt("q1", daysAgo(3), 70, "b"),
				attempt("q2", daysAgo(10), 70, "a"), attempt("q2", daysAgo(3), 70, "a"),
				attempt("q3", daysAgo(10), 100), attempt("q3", daysAgo(3), 70)},
			"q2 q1 q3"},
		{"strong answers in a row push a question back",
			[]Attempt{
				attempt("q1", daysAgo(20), 90), attempt("q1", daysAgo(8), 90),
				attempt("q2", daysAgo(8), 90)},
			"q3 q2 q1"},
		{"the latest attempt counts, not the first",
			[]Attempt{attempt("q1", daysAgo(3), 95), attempt("q1", daysAgo(5), 20), attempt("q2", daysAgo(3), 50), attempt("q3", daysAgo(3), 50)},
			"q2 q3 q1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(Order(rubrics, tt.hist, now)); got != tt.want {
				t.Errorf("order %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOrderReasons(t *testing.T) {
	rubrics := []*rubric.Rubric{testRubric("q1"), testRubric("q2")}
	hist := []Attempt{attempt("q1", daysAgo(4), 40, "b"), attempt("q1", daysAgo(2), 55, "b")}
	got := Order(rubrics, hist, now)
	want := []string{`scored 55 2 days ago; missed "Concept B" in 2 of 2 attempts`, "never practised"}
	for i, p := range got {
		if p.Reason != want[i] {
			t.Errorf("%s: reason %q, want %q", p.Rubric.ID, p.Reason, want[i])
		}
	}
}

// TestHistoryAppendAndLoad: each attempt is one JSON line; a line cut short by a crash is skipped with a
// warning, and the next attempt starts a line of its own.
func TestHistoryAppendAndLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "answerlint", "history.jsonl")
	if err := Append(path, attempt("q1", daysAgo(2), 40, "a")); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"v":1,"time":"2026-03-09T10:00:00Z","rubric":"q2","sco`) // the crash
	f.Close()
	if err := Append(path, attempt("q3", daysAgo(1), 80)); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), data)
	}
	for _, i := range []int{0, 2} {
		var v map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &v); err != nil {
			t.Errorf("line %d is not JSON: %v", i+1, err)
		}
	}
	hist, warns, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Rubric != "q1" || hist[1].Rubric != "q3" || hist[1].Version != HistoryVersion {
		t.Errorf("loaded %+v", hist)
	}
	if len(warns) != 1 || warns[0].Line != 2 || !strings.Contains(warns[0].Error(), "history.jsonl:2: ") {
		t.Errorf("warnings %v, want one for line 2", warns)
	}
}

func TestLoadMissingFileIsEmpty(t *testing.T) {
	hist, warns, err := Load(filepath.Join(t.TempDir(), "none.jsonl"))
	if err != nil || len(hist) != 0 || len(warns) != 0 {
		t.Errorf("got %v, %v, %v; want an empty history", hist, warns, err)
	}
}

func TestDefaultHistoryPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	if p, _ := DefaultHistoryPath(); p != filepath.FromSlash("/data/answerlint/history.jsonl") {
		t.Errorf("with XDG_DATA_HOME: %s", p)
	}
	if runtime.GOOS != "linux" {
		return
	}
	for _, xdg := range []string{"", "relative"} { // the XDG spec says to ignore a relative path
		t.Setenv("XDG_DATA_HOME", xdg)
		t.Setenv("HOME", "/home/me")
		if p, _ := DefaultHistoryPath(); p != "/home/me/.local/share/answerlint/history.jsonl" {
			t.Errorf("XDG_DATA_HOME=%q: %s, want the default under ~/.local/share", xdg, p)
		}
	}
}

func TestSparkline(t *testing.T) {
	for _, tt := range []struct {
		scores []int
		want   string
	}{
		{nil, ""},
		{[]int{0, 12, 13, 50, 87, 88, 100}, "▁▁▂▅▇██"},
		{[]int{-5, 140}, "▁█"},
	} {
		if got := Sparkline(tt.scores); got != tt.want {
			t.Errorf("Sparkline(%v) = %q, want %q", tt.scores, got, tt.want)
		}
	}
	long := make([]int, 30)
	long[29] = 100
	if got := []rune(Sparkline(long)); len(got) != maxSpark || got[maxSpark-1] != '█' {
		t.Errorf("a long history draws %q; want the latest %d scores", string(got), maxSpark)
	}
}

func TestStripTemplate(t *testing.T) {
	r := testRubric("q1")
	for _, tt := range []struct{ name, file, want string }{
		{"answer above the template", "# Heading\nMy answer.\n" + editorTemplate(r, 5*time.Minute), "# Heading\nMy answer.\n"},
		{"scissors removed: comment lines go", "My answer.\n# a comment\nmore\n", "My answer.\nmore\n"},
		{"untouched template: empty", editorTemplate(r, 0), "\n"},
	} {
		if got := stripTemplate(tt.file); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestSummarize shows progress per rubric and tag in time order, and the concepts missed most.
func TestSummarize(t *testing.T) {
	rubrics := []*rubric.Rubric{testRubric("q1", "k8s"), testRubric("q2", "k8s", "cloud")}
	hist := []Attempt{
		attempt("q1", daysAgo(1), 80),
		attempt("q1", daysAgo(5), 20, "a", "b"),
		attempt("q1", daysAgo(3), 50, "b"),
		attempt("q2", daysAgo(2), 65, "b"),
	}
	for i := range hist {
		hist[i].Tags = map[string][]string{"q1": {"k8s"}, "q2": {"k8s", "cloud"}}[hist[i].Rubric]
	}
	s := Summarize(hist, rubrics, now)
	if s.Attempts != 4 || s.Days != 4 {
		t.Errorf("%d attempts on %d days, want 4 on 4", s.Attempts, s.Days)
	}
	q1 := s.ByRubric[0]
	if q1.Name != "q1" || q1.Best != 80 || q1.Latest != 80 || Sparkline(q1.Scores) != "▂▅▇" {
		t.Errorf("q1 progress %+v", q1)
	}
	if k8s := s.ByTag[1]; k8s.Name != "k8s" || k8s.Attempts != 4 || k8s.Latest != 80 {
		t.Errorf("k8s progress %+v", k8s)
	}
	if w := s.Weakest[0]; w.Rubric != "q2" || w.ID != "b" || w.Missed != 1 || w.Graded != 1 {
		t.Errorf("weakest %+v, want q2's concept B missed 1 of 1", w)
	}
	if w := s.Weakest[1]; w.Rubric != "q1" || w.Name != "Concept B" || w.Missed != 2 || w.Graded != 3 {
		t.Errorf("second weakest %+v, want q1's Concept B missed 2 of 3", w)
	}
	var out bytes.Buffer
	if err := s.Write(&out, now); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"4 attempts on 4 days", "q1", "▂▅▇", "missed 2 of 3  Concept B (q1)", "Practise next"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stats lack %q:\n%s", want, out.String())
		}
	}
}

// TestSessionTyped runs a whole round with a typed answer: question shown, answer graded, attempt saved.
func TestSessionTyped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	var out bytes.Buffer
	var graded string
	s := &Session{
		Out: &out, In: strings.NewReader("My answer\nhas two lines.\n"), Now: func() time.Time { return now },
		Rubrics: []*rubric.Rubric{testRubric("q1", "k8s"), testRubric("q2", "cloud")}, Tags: []string{"cloud"}, HistoryPath: path,
		Grade: func(r *rubric.Rubric, text string) (*grader.Result, error) {
			graded = r.ID + ": " + text
			return &grader.Result{File: "your answer", Rubric: r.ID, Score: 50, Pass: 60, Band: grader.BandWeak,
				Concepts: []grader.ConceptResult{{ID: "a", Name: "Concept A", Covered: true, Evidence: []grader.Evidence{{Line: 1, Column: 1, Text: "My answer"}}}, {ID: "b", Name: "Concept B", Hint: "Say B."}}}, nil
		},
	}
	a, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if graded != "q2: My answer\nhas two lines.\n" {
		t.Errorf("graded %q", graded)
	}
	for _, want := range []string{"What is q2?", "Ctrl-D", "your answer  q2  50/100", "✓ Concept A", "✗ Concept B", "hint: Say B.", "Model points", "You scored 50/100 (pass mark 60); missed: Concept B.\nSaved: attempt 1"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the session does not show %q:\n%s", want, out.String())
		}
	}
	hist, _, _ := Load(path)
	if len(hist) != 1 || hist[0].Rubric != "q2" || hist[0].Score != 50 || strings.Join(hist[0].Missed, ",") != "b" || !hist[0].Time.Equal(now) {
		t.Errorf("history %+v, want the attempt", hist)
	}
	if a.Tags[0] != "cloud" {
		t.Errorf("attempt tags %v", a.Tags)
	}
}

func TestSessionEmptyAnswerSavesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	s := &Session{Out: &bytes.Buffer{}, In: strings.NewReader("  \n"), Now: func() time.Time { return now },
		Rubrics: []*rubric.Rubric{testRubric("q1")}, HistoryPath: path,
		Grade: func(*rubric.Rubric, string) (*grader.Result, error) {
			t.Fatal("an empty answer was graded")
			return nil, nil
		}}
	if _, err := s.Run(context.Background()); err != ErrNoAnswer {
		t.Errorf("error %v, want ErrNoAnswer", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("an empty answer wrote the history")
	}
}

// TestSessionTimedStopsTyping: when the time allowed runs out, what was typed so far is graded.
func TestSessionTimedStopsTyping(t *testing.T) {
	in, typing := io.Pipe()
	defer typing.Close()
	go typing.Write([]byte("The first line is typed in time.\n")) // and then nothing more, nor Ctrl-D
	var out bytes.Buffer
	var graded string
	clock := now
	s := &Session{Out: &out, In: in, Limit: 50 * time.Millisecond, Now: func() time.Time { clock = clock.Add(40 * time.Second); return clock },
		Rubrics: []*rubric.Rubric{testRubric("q1")}, HistoryPath: filepath.Join(t.TempDir(), "h.jsonl"),
		Grade: func(r *rubric.Rubric, text string) (*grader.Result, error) {
			graded = text
			return &grader.Result{File: "your answer", Rubric: r.ID, Score: 10, Pass: 60}, nil
		}}
	a, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if graded != "The first line is typed in time.\n" {
		t.Errorf("graded %q, want the line typed in time", graded)
	}
	for _, want := range []string{"You have 0s.", "Time is up: grading what you wrote.", "Time: 40s, over the 0s allowed by 40s"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the session does not show %q:\n%s", want, out.String())
		}
	}
	if a.Seconds != 40 || a.Limit != 0 {
		t.Errorf("attempt took %ds of %ds, want 40 of 0 (the limit rounds down to whole seconds)", a.Seconds, a.Limit)
	}
}

// TestSessionEditor: the editor gets a file with the question below a scissors line, and what the
// candidate writes above it is graded.
func TestSessionEditor(t *testing.T) {
	var seen, graded string
	s := &Session{Out: &bytes.Buffer{}, Now: func() time.Time { return now }, Limit: 5 * time.Minute,
		Rubrics: []*rubric.Rubric{testRubric("q1")}, HistoryPath: filepath.Join(t.TempDir(), "h.jsonl"),
		Editor: func(_ context.Context, path string) error {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			seen = string(data)
			return os.WriteFile(path, append([]byte("## My answer\nIt is q1.\n"), data...), 0o600)
		},
		Grade: func(r *rubric.Rubric, text string) (*grader.Result, error) {
			graded = text
			return &grader.Result{File: "your answer", Rubric: r.ID, Score: 70, Pass: 60}, nil
		}}
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{scissors, "#   What is q1?", "# You have 5m."} {
		if !strings.Contains(seen, want) {
			t.Errorf("the editor's file lacks %q:\n%s", want, seen)
		}
	}
	if graded != "## My answer\nIt is q1.\n" {
		t.Errorf("graded %q, want the answer with its heading and without the template", graded)
	}
}
