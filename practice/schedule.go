package practice

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/answerlint/answerlint/rubric"
)

// Pick is a question to practise and why it comes when it does.
type Pick struct {
	Rubric *rubric.Rubric
	// Urgency is how overdue the question is, weighted by how weak the answers to it were: 1 is exactly
	// due for an answer that scored 100; 0 for a question never practised (which has its own place).
	Urgency float64
	Reason  string
	tier    int
	latest  time.Time
}

// Tiers of the practice order.
const (
	tierFailedDue = iota // answered below the pass mark and due again: weak questions come back first
	tierNew              // never practised
	tierSeen             // everything else, most urgent first
)

// reviewInterval is how long an answer's memory is trusted before the question is due again: a day
// after a weak answer, up to a week after a strong one, doubling for each strong answer in a row.
func reviewInterval(score, strongRun int) time.Duration {
	day := 24 * time.Hour
	switch {
	case score < 50:
		return day
	case score < 70:
		return 2 * day
	case score < 85:
		return 4 * day
	}
	return min(7*day<<max(strongRun-1, 0), 60*day)
}

// Order ranks rubrics for practice at time now: questions answered below their pass mark that are due
// again, then questions never practised, then the rest by urgency, where urgency grows with the time
// since the latest attempt (over its review interval) and with the weakness of the answers: a low
// latest score and a concept missed again and again.
func Order(rubrics []*rubric.Rubric, hist []Attempt, now time.Time) []Pick {
	byRubric := attemptsByRubric(hist)
	picks := make([]Pick, 0, len(rubrics))
	for _, r := range rubrics {
		picks = append(picks, pick(r, byRubric[r.ID], now))
	}
	sort.SliceStable(picks, func(i, j int) bool {
		a, b := picks[i], picks[j]
		switch {
		case a.tier != b.tier:
			return a.tier < b.tier
		case a.Urgency != b.Urgency:
			return a.Urgency > b.Urgency
		case !a.latest.Equal(b.latest):
			return a.latest.Before(b.latest)
		}
		return a.Rubric.ID < b.Rubric.ID
	})
	return picks
}

// attemptsByRubric groups a history by rubric, each group in time order.
func attemptsByRubric(hist []Attempt) map[string][]Attempt {
	out := map[string][]Attempt{}
	for _, a := range hist {
		out[a.Rubric] = append(out[a.Rubric], a)
	}
	for _, as := range out {
		sort.SliceStable(as, func(i, j int) bool { return as[i].Time.Before(as[j].Time) })
	}
	return out
}

func pick(r *rubric.Rubric, attempts []Attempt, now time.Time) Pick {
	if len(attempts) == 0 {
		return Pick{Rubric: r, tier: tierNew, Reason: "never practised"}
	}
	latest := attempts[len(attempts)-1]
	strongRun := 0
	for i := len(attempts) - 1; i >= 0 && attempts[i].Score >= 85; i-- {
		strongRun++
	}
	elapsed := max(now.Sub(latest.Time), 0)
	overdue := float64(elapsed) / float64(reviewInterval(latest.Score, strongRun))
	weakest, missed, graded := weakestConcept(r, attempts)
	weakness := 1 - float64(latest.Score)/100
	if graded > 0 {
		weakness += 0.5 * float64(missed) / float64(graded)
	}
	p := Pick{Rubric: r, Urgency: round3(overdue * (1 + weakness)), latest: latest.Time, tier: tierSeen}
	if latest.Score < latest.Pass && overdue >= 1 {
		p.tier = tierFailedDue
	}
	p.Reason = fmt.Sprintf("scored %d %s", latest.Score, Ago(elapsed))
	if weakest != "" && missed > 1 {
		p.Reason += fmt.Sprintf("; missed %q in %d of %d attempts", weakest, missed, graded)
	}
	return p
}

// weakestConcept is the rubric's concept missed most often across attempts (ties: the rubric's order),
// with how many attempts missed it and how many were graded on it.
func weakestConcept(r *rubric.Rubric, attempts []Attempt) (name string, missed, graded int) {
	for _, c := range r.Concepts {
		m, g := 0, 0
		for _, a := range attempts {
			switch {
			case contains(a.Missed, c.ID):
				m++
				g++
			case contains(a.Covered, c.ID):
				g++
			}
		}
		if g > 0 && (name == "" || m*graded > missed*g) {
			name, missed, graded = c.Name, m, g
		}
	}
	if missed == 0 {
		return "", 0, graded
	}
	return name, missed, graded
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// Ago says how long ago something was, coarsely: "today", "yesterday", "3 days ago".
func Ago(d time.Duration) string {
	days := int(d / (24 * time.Hour))
	switch {
	case d < time.Hour:
		return "just now"
	case d < 2*time.Hour:
		return "an hour ago"
	case days == 0:
		return fmt.Sprintf("%d hours ago", int(d/time.Hour))
	case days == 1:
		return "yesterday"
	}
	return fmt.Sprintf("%d days ago", days)
}

// Filter keeps the rubrics that carry every tag.
func Filter(rubrics []*rubric.Rubric, tags []string) []*rubric.Rubric {
	var out []*rubric.Rubric
	for _, r := range rubrics {
		if r.HasAllTags(tags) {
			out = append(out, r)
		}
	}
	return out
}
