// Command gen writes a corpus of synthetic answers as JSON Lines, for benchmarking 'answerlint grade
// --jsonl':
//
//	go run ./testdata/gen -n 100000 > answers.jsonl
//
// Each line is {"id": …, "rubric": …, "answer": …, "cohort": …}: an answer to one of the built-in
// rubrics, assembled from that rubric's example answers and phrasings (see internal/corpus), plus an extra
// field that grading passes through. The same flags and seed always write the same corpus.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
)

type record struct {
	ID     string `json:"id"`
	Rubric string `json:"rubric"`
	Answer string `json:"answer"`
	Cohort string `json:"cohort"`
}

func main() {
	n := flag.Int("n", 1000, "number of answers")
	words := flag.Int("words", 200, "words per answer (about 50 short, 200 medium, 2000 long)")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", "-", "output `file` (- is standard output)")
	flag.Parse()
	if err := run(*n, *words, *seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(n, words int, seed uint64, out string) error {
	set, err := rubric.Pack()
	if err != nil {
		return err
	}
	f := os.Stdout
	if out != "-" {
		if f, err = os.Create(out); err != nil {
			return err
		}
		defer f.Close()
	}
	w := bufio.NewWriterSize(f, 1<<16)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	g := corpus.New(set, seed)
	for i := range n {
		r, text := g.Answer(words)
		rec := record{ID: fmt.Sprintf("a%07d", i+1), Rubric: r.ID, Answer: text, Cohort: fmt.Sprintf("c%02d", i%17)}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
