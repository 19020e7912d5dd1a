package rubric

import (
	"reflect"
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
	got := packRubrics()
	byID := map[string]*Rubric{}
	for _, r := range got {
		byID[r.ID] = r
	}
	if len(got) != len(want) {
		t.Errorf("%s: it holds %d rubrics, pack/ has %d", fix, len(got), len(want))
	}
	for _, w := range want {
		g, ok := byID[w.ID]
		switch {
		case !ok:
			t.Errorf("%s: rubric %s (%s) is missing", fix, w.ID, w.File)
		case !reflect.DeepEqual(g, w):
			t.Errorf("%s: rubric %s differs from %s", fix, w.ID, w.File)
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
