package rubric

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/wrap"
)

// The rubric table fits the width it is given, and the JSON list names every concept and mistake.
func TestListFormats(t *testing.T) {
	set, err := Pack()
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{60, 80} {
		for i, line := range strings.Split(Table(set.Summaries(nil), width), "\n") {
			if n := wrap.Columns(line); n > width {
				t.Errorf("width %d: line %d is %d columns: %q", width, i+1, n, line)
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteList(&buf, set.Summaries(nil)); err != nil {
		t.Fatal(err)
	}
	var got []summary
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(set.All()) {
		t.Fatalf("%d rubrics listed, want %d", len(got), len(set.All()))
	}
	for i, r := range set.All() {
		if got[i].ID != r.ID || len(got[i].Concepts) != len(r.Concepts) || len(got[i].Mistakes) != len(r.Mistakes) {
			t.Errorf("%s listed as %+v", r.ID, got[i])
		}
	}
}

func TestWithTags(t *testing.T) {
	set, err := Pack()
	if err != nil {
		t.Fatal(err)
	}
	if got := set.WithTags(nil); len(got) != len(set.All()) {
		t.Errorf("no tags: %d rubrics, want all %d", len(got), len(set.All()))
	}
	if got := set.WithTags([]string{"no-such-tag"}); len(got) != 0 {
		t.Errorf("an unknown tag matched %d rubrics", len(got))
	}
	tagged := set.WithTags([]string{"security", " kubernetes"})
	if len(tagged) == 0 {
		t.Fatal("no rubric of the pack is tagged security and kubernetes")
	}
	for _, r := range tagged {
		if !r.HasTag("security") || !r.HasTag("kubernetes") {
			t.Errorf("%s listed for security and kubernetes, tagged %v", r.ID, r.Tags)
		}
	}
}

// TestSummariesBuildNothing: listing a set summarises the pack from the generated index, building no
// rubric, and shows a rubric of the set as it is once built or replaced.
func TestSummariesBuildNothing(t *testing.T) {
	set, _ := Pack()
	sums := set.Summaries(nil)
	for _, e := range set.byID {
		if e.r != nil {
			t.Errorf("listing built rubric %s", e.r.ID)
		}
	}
	if len(sums) != set.Len() {
		t.Fatalf("%d summaries, %d rubrics", len(sums), set.Len())
	}
	sums[0].Tags = append(sums[0].Tags[:0], "changed")
	if again := set.Summaries(nil); slices.Contains(again[0].Tags, "changed") {
		t.Error("a caller's change to a summary changed the pack's index")
	}
	r, _ := set.Get("gitops")
	r.Title = "Edited"
	override, err := Parse("mine/ci-vs-delivery-vs-deployment.yaml", []byte(strings.Replace(goodRubric, "id: ok", "id: ci-vs-delivery-vs-deployment", 1)))
	if err != nil {
		t.Fatal(err)
	}
	set.Add(override)
	for _, s := range set.Summaries(nil) {
		switch s.ID {
		case "gitops":
			if s.Title != "Edited" {
				t.Errorf("gitops listed as %q, not as the set holds it", s.Title)
			}
		case override.ID:
			if !reflect.DeepEqual(s, override.Summarize()) {
				t.Errorf("the rubric added listed as %+v", s)
			}
		}
	}
}
