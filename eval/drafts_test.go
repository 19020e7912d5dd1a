package eval

import (
	"strings"
	"testing"
)

// Questions whose ids read alike once made into rubric ids — by case alone (Q1, q1: one file on a file
// system that ignores case), by punctuation (Q 1, q-1), empty, or like another question's alternative —
// each get drafts of their own: no saved draft replaces another.
func TestDraftsNeverShareAnID(t *testing.T) {
	ref := "Keep remote state in S3 with DynamoDB locking and review every plan."
	other := "Store state remotely, lock it, and never edit it by hand."
	var rows []Row
	for i, q := range []string{"Q1", "q1", "Q 1", "q-1", "", "!!", "multi", "multi-alt-2"} {
		r := Row{Line: i + 2, QuestionID: q, Question: "How do you keep Terraform state?", References: []string{ref}, Answer: ref, Score: 1}
		if q == "multi" {
			r.References = []string{ref, other}
		}
		rows = append(rows, r)
	}
	saved := map[string]string{} // lower-cased id → the id saved
	var order []string
	save := func(id string, yaml []byte) error {
		if prev, ok := saved[strings.ToLower(id)]; ok {
			t.Errorf("draft %s saved over draft %s", id, prev)
		}
		saved[strings.ToLower(id)] = id
		order = append(order, id)
		if !strings.Contains(string(yaml), "id: "+id+"\n") {
			t.Errorf("draft saved as %s has another id inside:\n%s", id, yaml)
		}
		return nil
	}
	_, errs := GradeAll(rows, DraftSource(save))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(order) != 9 { // eight questions, one of them with two reference answers
		t.Errorf("%d drafts saved, want 9: %v", len(order), order)
	}
}
