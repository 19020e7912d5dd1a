package rubric

import (
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/wrap"
)

// A labelled line of the study sheet ("Question: ", "e.g. ", "Instead: ") wraps as a hanging indent:
// its continuation lines start under the label's text, and no line is broken before a word that would
// still have fitted on it (a ragged gap a candidate reads as a paragraph break).
func TestStudySheetHangsLabels(t *testing.T) {
	set, err := Pack()
	if err != nil {
		t.Fatal(err)
	}
	labels := []string{"Question: ", "Source: ", "      e.g. ", "      Instead: "}
	for _, width := range []int{60, 80, 100} {
		for _, r := range set.All() {
			whole := strings.Split(StudySheet(r, 0), "\n")
			wrapped := strings.Split(StudySheet(r, width), "\n")
			checked := 0
			for _, item := range whole {
				// Each unwrapped line is one or more wrapped ones holding the same words.
				want := len(strings.Fields(item))
				group := []string{wrapped[0]}
				got := len(strings.Fields(wrapped[0]))
				wrapped = wrapped[1:]
				for got < want && len(wrapped) > 0 {
					group = append(group, wrapped[0])
					got += len(strings.Fields(wrapped[0]))
					wrapped = wrapped[1:]
				}
				if got != want {
					t.Fatalf("%s at %d: %q wrapped into %d words, want %d", r.ID, width, item, got, want)
				}
				label := ""
				for _, l := range labels {
					if strings.HasPrefix(item, l) {
						label = l
					}
				}
				if label == "" || len(group) == 1 {
					continue
				}
				checked++
				indent := strings.Repeat(" ", len(label))
				for i, next := range group[1:] {
					if !strings.HasPrefix(next, indent) || next[len(indent)] == ' ' {
						t.Errorf("%s at %d: continuation of %q is not under its text: %q", r.ID, width, strings.TrimSpace(label), next)
					}
					word := strings.Fields(next)[0]
					if prev := group[i]; wrap.Columns(prev)+1+wrap.Columns(word) <= width {
						t.Errorf("%s at %d: %q broken before %q, which fits", r.ID, width, prev, word)
					}
				}
			}
			if width == 60 && checked == 0 {
				t.Errorf("%s at %d: no labelled line wrapped; the test checks nothing", r.ID, width)
			}
		}
	}
}
