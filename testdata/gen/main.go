// Command gen writes a corpus of synthetic answers as JSON Lines, for benchmarking 'answerlint grade
// --jsonl':
//
//	go run ./testdata/gen -n 100000 > answers.jsonl
//	go run ./testdata/gen -n 10000 -dir answers/           # the same answers, one Markdown file each
//	go run ./testdata/gen -phrases phrases.txt             # the pack's phrasings, for grep-like tools
//
// Each line is {"id": …, "rubric": …, "answer": …, "cohort": …}: an answer to one of the built-in
// rubrics, assembled from that rubric's example answers and phrasings (see internal/corpus), plus an extra
// field that grading passes through. The same flags and seed always write the same corpus. With -dir, each
// answer is written to DIR/<id>.md with its rubric in front matter, for the files path ('answerlint grade
// DIR'). With -phrases, gen writes every phrasing of the pack, lower-cased and once each: the patterns a
// multi-pattern search tool (ripgrep, Vale) is given to compare with grading.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

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
	dir := flag.String("dir", "", "write one Markdown file per answer into this `directory` instead of JSON Lines")
	phrases := flag.String("phrases", "", "write the pack's phrasings, one a line, to this `file` and stop")
	flag.Parse()
	var err error
	switch {
	case *phrases != "":
		err = writePhrases(*phrases)
	case *dir != "":
		err = writeDir(*n, *words, *seed, *dir)
	default:
		err = run(*n, *words, *seed, *out)
	}
	if err != nil {
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
		rec := record{ID: answerID(i), Rubric: r.ID, Answer: text, Cohort: fmt.Sprintf("c%02d", i%17)}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func answerID(i int) string { return fmt.Sprintf("a%07d", i+1) }

// writeDir writes the answers run would write, one file each.
func writeDir(n, words int, seed uint64, dir string) error {
	set, err := rubric.Pack()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	g := corpus.New(set, seed)
	for i := range n {
		r, text := g.Answer(words)
		doc := "---\nrubric: " + r.ID + "\n---\n" + text + "\n"
		if err := os.WriteFile(filepath.Join(dir, answerID(i)+".md"), []byte(doc), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writePhrases writes every concept, mistake and structure phrasing of the pack, lower-cased, sorted and
// without repeats.
func writePhrases(out string) error {
	set, err := rubric.Pack()
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	add := func(ps []rubric.Phrasing) {
		for _, p := range ps {
			seen[strings.ToLower(strings.TrimSpace(p.Text))] = true
		}
	}
	for _, r := range set.All() {
		for _, c := range r.Concepts {
			add(c.Match)
			add(c.Exact)
			add(c.Affirm)
		}
		for _, m := range r.Mistakes {
			add(m.Match)
			add(m.Exact)
		}
		if r.Structure != nil {
			for _, s := range r.Structure.Steps {
				add(s.Match)
			}
		}
	}
	delete(seen, "")
	list := make([]string, 0, len(seen))
	for p := range seen {
		list = append(list, p)
	}
	sort.Strings(list)
	return os.WriteFile(out, []byte(strings.Join(list, "\n")+"\n"), 0o644)
}
