package rubric

import (
	"reflect"
	"sync"
	"testing"
)

// TestPackGenerated holds pack_gen.go to the YAML it was generated from: after editing pack/*.yaml,
// checks/global.yaml or the types they decode into, the generated file must be written again.
func TestPackGenerated(t *testing.T) {
	const fix = "pack_gen.go is stale: run `go generate ./rubric` and commit rubric/pack_gen.go"
	want, wantChecks, err := ParsePack()
	if err != nil {
		t.Fatalf("parsing the pack's YAML: %v", err)
	}
	byID := map[string]*packEntry{}
	for i, e := range packIndex {
		byID[e.summary.ID] = &packIndex[i]
		if i > 0 && packIndex[i-1].summary.ID >= e.summary.ID {
			t.Errorf("%s: the index is not in id order at %s", fix, e.summary.ID)
		}
	}
	if len(packIndex) != len(want) {
		t.Errorf("%s: it holds %d rubrics, pack/ has %d", fix, len(packIndex), len(want))
	}
	for _, w := range want {
		e, ok := byID[w.ID]
		switch {
		case !ok:
			t.Errorf("%s: rubric %s (%s) is missing", fix, w.ID, w.File)
		case !reflect.DeepEqual(e.build(), w):
			t.Errorf("%s: rubric %s differs from %s", fix, w.ID, w.File)
		case !reflect.DeepEqual(e.summary, w.Summarize()):
			t.Errorf("%s: the summary of rubric %s differs from %s", fix, w.ID, w.File)
		}
	}
	if !reflect.DeepEqual(packChecks(), wantChecks) {
		t.Errorf("%s: the checks differ from checks/global.yaml", fix)
	}
}

// TestPackFresh makes sure Pack hands out its own copy: a caller that changes a rubric must not change
// what the next caller gets.
func TestPackFresh(t *testing.T) {
	a, _ := Pack()
	b, _ := Pack()
	ra, _ := a.Get("gitops")
	rb, _ := b.Get("gitops")
	if ra == nil || rb == nil {
		t.Fatal("the pack has no gitops rubric")
	}
	ra.Concepts[0].Match[0].Text = "changed"
	if rb.Concepts[0].Match[0].Text == "changed" {
		t.Error("two calls of Pack share a rubric")
	}
}

// TestPackBuiltOnce: a set builds each rubric of the pack once, however many goroutines ask for it at
// the same time, and each set builds its own.
func TestPackBuiltOnce(t *testing.T) {
	set, _ := Pack()
	got := make([]*Rubric, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i], _ = set.Get("gitops") })
	}
	wg.Wait()
	for _, r := range got {
		if r != got[0] || !set.Embedded(r) {
			t.Fatalf("Get built gitops more than once, or not as the pack's (%p, %p)", r, got[0])
		}
	}
	other, _ := Pack()
	if r, _ := other.Get("gitops"); r == got[0] || set.Embedded(r) {
		t.Error("two sets share a rubric of the pack")
	}
}

// TestPackRubrics: the set a list or a study sheet is made from holds the pack's rubrics, the same as
// Pack's, and none of the built-in checks, which only grading runs.
func TestPackRubrics(t *testing.T) {
	full, _ := Pack()
	shown := PackRubrics()
	if !reflect.DeepEqual(shown.IDs(), full.IDs()) {
		t.Errorf("PackRubrics has rubrics %v, Pack %v", shown.IDs(), full.IDs())
	}
	if !reflect.DeepEqual(shown.Summaries(nil), full.Summaries(nil)) {
		t.Error("PackRubrics's summaries differ from Pack's")
	}
	if len(shown.Checks) != 0 || len(full.Checks) == 0 {
		t.Errorf("PackRubrics has %d checks, Pack %d: want none and some", len(shown.Checks), len(full.Checks))
	}
}
