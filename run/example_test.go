package run_test

import (
	"fmt"
	"log"
	"os"

	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/run"
)

// Another program grades a Markdown answer file — front matter, a section per answer, an in-answer
// suppression — exactly as 'answerlint grade testdata/interview.md' does (73 and 89, both passing).
func Example() {
	data, err := os.ReadFile("testdata/interview.md")
	if err != nil {
		log.Fatal(err)
	}
	set, _ := rubric.Pack()
	g, _ := run.New(set, run.Config{})
	out, err := g.GradeDocument("interview.md", data)
	if err != nil {
		log.Fatal(err)
	}
	for _, res := range out.Results {
		fmt.Printf("%s:%d %s %d/100 passed=%v suppressed=%d\n", res.File, res.Line, res.Rubric, res.Score, res.Passed, len(res.Suppressed))
	}
	// Output:
	// interview.md:4 gitops 73/100 passed=true suppressed=0
	// interview.md:8 terraform-unsafe-changes 89/100 passed=true suppressed=1
}
