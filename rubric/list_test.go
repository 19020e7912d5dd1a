package rubric

import (
	"bytes"
	"encoding/json"
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
		for i, line := range strings.Split(Table(set.All(), width), "\n") {
			if n := wrap.Columns(line); n > width {
				t.Errorf("width %d: line %d is %d columns: %q", width, i+1, n, line)
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteList(&buf, set.All()); err != nil {
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
}
