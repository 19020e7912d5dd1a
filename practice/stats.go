package practice

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/answerlint/answerlint/internal/plural"

	"github.com/answerlint/answerlint/rubric"
)

// Progress is one line of the stats: a rubric's or a tag's attempts.
type Progress struct {
	Name     string
	Attempts int
	Best     int
	Latest   int
	Scores   []int // in time order
	Last     time.Time
}

// WeakConcept is a concept missed across attempts.
type WeakConcept struct {
	Rubric, ID, Name string
	Missed, Graded   int
}

// Stats sums a history up.
type Stats struct {
	Attempts  int
	Days      int // distinct days with an attempt
	ByRubric  []Progress
	ByTag     []Progress
	Weakest   []WeakConcept
	Next      []Pick
	FirstTime time.Time
}

// maxWeakest and maxNext bound the stats' lists.
const (
	maxWeakest = 5
	maxNext    = 3
)

// Summarize computes the stats of a history at time now. Rubrics no longer in the set still count in
// the progress lines; concepts are named from the set when they are in it.
func Summarize(hist []Attempt, rubrics []*rubric.Rubric, now time.Time) Stats {
	sorted := append([]Attempt(nil), hist...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Time.Before(sorted[j].Time) })
	s := Stats{Attempts: len(sorted)}
	days := map[string]bool{}
	byRubric, byTag := map[string]*Progress{}, map[string]*Progress{}
	for _, a := range sorted {
		days[a.Time.Local().Format(time.DateOnly)] = true
		addProgress(byRubric, a.Rubric, a)
		for _, t := range a.Tags {
			addProgress(byTag, t, a)
		}
	}
	if len(sorted) > 0 {
		s.FirstTime = sorted[0].Time
	}
	s.Days = len(days)
	s.ByRubric, s.ByTag = progressList(byRubric), progressList(byTag)
	s.Weakest = weakestConcepts(sorted, rubrics)
	if next := Order(rubrics, sorted, now); len(next) > maxNext {
		s.Next = next[:maxNext]
	} else {
		s.Next = next
	}
	return s
}

func addProgress(m map[string]*Progress, name string, a Attempt) {
	p, ok := m[name]
	if !ok {
		p = &Progress{Name: name}
		m[name] = p
	}
	p.Attempts++
	p.Best = max(p.Best, a.Score)
	p.Latest = a.Score
	p.Last = a.Time
	p.Scores = append(p.Scores, a.Score)
}

func progressList(m map[string]*Progress) []Progress {
	out := make([]Progress, 0, len(m))
	for _, p := range m {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// weakestConcepts ranks concepts by how often attempts missed them: the highest share first, then the
// most misses. Concepts never missed are left out.
func weakestConcepts(hist []Attempt, rubrics []*rubric.Rubric) []WeakConcept {
	names := map[string]string{}
	for _, r := range rubrics {
		for _, c := range r.Concepts {
			names[r.ID+"\x00"+c.ID] = c.Name
		}
	}
	counts := map[string]*WeakConcept{}
	get := func(a Attempt, id string) *WeakConcept {
		key := a.Rubric + "\x00" + id
		w, ok := counts[key]
		if !ok {
			name := names[key]
			if name == "" {
				name = id
			}
			w = &WeakConcept{Rubric: a.Rubric, ID: id, Name: name}
			counts[key] = w
		}
		return w
	}
	for _, a := range hist {
		for _, id := range a.Missed {
			w := get(a, id)
			w.Missed++
			w.Graded++
		}
		for _, id := range a.Covered {
			get(a, id).Graded++
		}
	}
	var out []WeakConcept
	for _, w := range counts {
		if w.Missed > 0 {
			out = append(out, *w)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if x, y := a.Missed*b.Graded, b.Missed*a.Graded; x != y {
			return x > y
		}
		if a.Missed != b.Missed {
			return a.Missed > b.Missed
		}
		if a.Rubric != b.Rubric {
			return a.Rubric < b.Rubric
		}
		return a.ID < b.ID
	})
	if len(out) > maxWeakest {
		out = out[:maxWeakest]
	}
	return out
}

// sparkBlocks are the eight heights of a sparkline, lowest first.
var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// maxSpark is how many of the latest scores a sparkline shows.
const maxSpark = 20

// Sparkline draws scores out of 100 as a row of blocks, one per score, on a fixed scale so that lines
// compare: ▁ is 0–12, █ is 88–100. Only the latest 20 scores are drawn.
func Sparkline(scores []int) string {
	if len(scores) > maxSpark {
		scores = scores[len(scores)-maxSpark:]
	}
	var b strings.Builder
	for _, s := range scores {
		i := min(max(s, 0)*len(sparkBlocks)/100, len(sparkBlocks)-1)
		b.WriteRune(sparkBlocks[i])
	}
	return b.String()
}

// Write prints the stats for a terminal.
func (s Stats) Write(w io.Writer, now time.Time) error {
	var b strings.Builder
	if s.Attempts == 0 {
		b.WriteString("No practice yet: run 'answerlint practice' to answer a first question.\n")
	} else {
		fmt.Fprintf(&b, "%d %s on %d %s since %s\n", s.Attempts, plural.Of(s.Attempts, "attempt", "attempts"), s.Days, plural.Of(s.Days, "day", "days"), s.FirstTime.Local().Format(time.DateOnly))
		progressTable(&b, "Question", s.ByRubric, now)
		progressTable(&b, "Tag", s.ByTag, now)
	}
	if len(s.Weakest) > 0 {
		b.WriteString("\nWeakest concepts\n")
		for _, c := range s.Weakest {
			fmt.Fprintf(&b, "  missed %d of %d  %s (%s)\n", c.Missed, c.Graded, c.Name, c.Rubric)
		}
	}
	if len(s.Next) > 0 {
		b.WriteString("\nPractise next\n")
		for i, p := range s.Next {
			fmt.Fprintf(&b, "  %d. %s: %s\n     answerlint practice --rubric %s\n", i+1, p.Rubric.ID, p.Reason, p.Rubric.ID)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func progressTable(b *strings.Builder, heading string, rows []Progress, now time.Time) {
	if len(rows) == 0 {
		return
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(b, 0, 2, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tattempts\tbest\tlatest\tlast practised\ttrend\n", heading)
	for _, p := range rows {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%s\t%s\n", p.Name, p.Attempts, p.Best, p.Latest, Ago(now.Sub(p.Last)), Sparkline(p.Scores))
	}
	tw.Flush()
}
