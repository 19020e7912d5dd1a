package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/text"
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
	_, errs := GradeAll(rows, DraftSource(save, nil))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(order) != 9 { // eight questions, one of them with two reference answers
		t.Errorf("%d drafts saved, want 9: %v", len(order), order)
	}
}

// TestSpecificityIsByQuestion: each question is one document, its text and reference answers together,
// however many answers repeat them; a word of every question weighs less than a word of one.
func TestSpecificityIsByQuestion(t *testing.T) {
	var rows []Row
	for i, q := range []struct{ question, ref string }{
		{"Why is the bulb off?", "The circuit has a gap."},
		{"What is a series circuit?", "One path through every bulb."},
		{"Why does the circuit short?", "A wire joins the terminals."},
	} {
		for n := 0; n < 5; n++ { // many answers to the first question must not weigh its words more
			rows = append(rows, Row{QuestionID: fmt.Sprint(i), Question: q.question, References: []string{q.ref}, Answer: "gap"})
		}
	}
	s := Specificity(rows)
	a := text.NewAnalyzer(text.DefaultSynonyms, nil)
	term := func(w string) string { return a.Analyze(w, 0, len(w)).Tokens[0].Term }
	if every, one := s.Weight(term("circuit")), s.Weight(term("gap")); !(every < one) {
		t.Errorf("circuit (every question) weighs %.3f, gap (one) %.3f", every, one)
	}
	if two, one := s.Weight(term("bulb")), s.Weight(term("terminals")); !(two < one) {
		t.Errorf("bulb (two questions) weighs %.3f, terminals (one) %.3f", two, one)
	}
}
