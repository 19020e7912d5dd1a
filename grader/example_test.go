package grader_test

import (
	"context"
	"fmt"
	"io"
	"log"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// Load the rubrics once, then grade: a Grader and its compiled rubrics are safe for concurrent use, so
// one can serve every goroutine of a program.
func Example() {
	set, err := rubric.Pack() // the built-in pack; rubric.NewSet and LoadDir read your own
	if err != nil {
		log.Fatal(err)
	}
	g := grader.New(set)
	gitops, _ := g.Rubric("gitops")
	res := gitops.Grade(grader.Input{Text: `A configuration repository serves as the single source of truth for
the desired state of each cluster. Tools like ArgoCD or Flux continuously reconcile the cluster against the
repository, automatically detecting and correcting drift. All cluster changes are made exclusively via pull
requests to the repository, never via direct kubectl in production. This provides a complete audit trail,
change review, and the ability to roll back instantly by reverting a commit.`})
	fmt.Println(res.Rubric, res.Band, res.Passed)
	// Output:
	// gitops strong true
}

const stateRubric = `
id: terraform-state
title: Terraform state
question: Where should Terraform keep its state?
concepts:
  - id: remote-state
    name: Remote state with locking
    hint: Keep state in a remote backend with locking.
    match: [remote state, state locking]
mistakes:
  - id: local-state
    message: State on a laptop is lost, and two people can apply at once.
    advice: Use a remote backend.
    severity: error
    match: [local state file]
`

// A Pool grades a stream of answers on every CPU and hands the results back in input order, holding only
// a bounded window of answers in memory however long the stream: next and emit can read from and write
// to files, queues or network connections.
func ExamplePool_Grade() {
	r, err := rubric.Parse("state.yaml", []byte(stateRubric))
	if err != nil {
		log.Fatal(err)
	}
	c := grader.Compile(r)
	answers := []string{
		"We keep remote state in S3 with state locking in DynamoDB.",
		"Everyone keeps a local state file on their laptop.",
		"We never use a local state file: remote state only.",
	}
	i := 0
	next := func() (grader.Job, error) {
		if i == len(answers) {
			return grader.Job{}, io.EOF
		}
		i++
		return grader.Job{Rubric: c, Input: grader.Input{File: fmt.Sprintf("answer-%d", i), Text: answers[i-1]}}, nil
	}
	emit := func(j grader.Job, res *grader.Result) error {
		fmt.Println(j.Input.File, res.Score)
		for _, m := range res.Mistakes {
			e := m.Evidence[0] // every point is explained: where, and the words quoted
			fmt.Printf("  %s at %d:%d %q\n", m.ID, e.Line, e.Column, e.Text)
		}
		for _, rj := range res.Rejected {
			fmt.Printf("  %s not flagged: negated by %q\n", rj.Mistake, rj.Trigger)
		}
		return nil
	}
	if err := (grader.Pool{Workers: 4}).Grade(context.Background(), next, emit); err != nil {
		log.Fatal(err)
	}
	// Output:
	// answer-1 100
	// answer-2 0
	//   local-state at 1:18 "local state file"
	// answer-3 100
	//   local-state not flagged: negated by "never"
}
