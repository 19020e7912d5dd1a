package rubric

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/answerlint/answerlint/internal/wrap"
)

// Summary is what a list of rubrics shows of one ('answerlint rubric list'). The pack's are generated
// with it as static data (pack_gen.go), so that listing the built-in rubrics builds none of them.
type Summary struct {
	ID       string
	Title    string
	Question string
	Tags     []string
	Pass     int
	Source   string
	File     string
	Concepts []string // the concepts' ids, in order
	Mistakes []string // the mistakes' ids, in order
}

// Summarize returns what a list shows of r.
func (r *Rubric) Summarize() Summary {
	s := Summary{ID: r.ID, Title: r.Title, Question: r.Question, Tags: r.Tags, Pass: r.Pass, Source: r.Source, File: r.File,
		Concepts: make([]string, len(r.Concepts)), Mistakes: make([]string, len(r.Mistakes))}
	for i, c := range r.Concepts {
		s.Concepts[i] = c.ID
	}
	for i, m := range r.Mistakes {
		s.Mistakes[i] = m.ID
	}
	return s
}

// Summaries returns what a list shows of each rubric of the set that has every one of tags, sorted by
// id. It builds none of the pack's rubrics: theirs were generated with them.
func (s *Set) Summaries(tags []string) []Summary {
	ids := s.IDs()
	out := make([]Summary, 0, len(ids)) // a Summary is 160 bytes: growing the list copies them all
	for _, id := range ids {
		s.mu.Lock()
		e := s.byID[id]
		var sum Summary
		if e.pack != nil && !e.built {
			sum = e.pack.summary // static data: its lists are copied, so that a caller may change them
			sum.Tags, sum.Concepts, sum.Mistakes = slices.Clone(sum.Tags), slices.Clone(sum.Concepts), slices.Clone(sum.Mistakes)
		} else {
			sum = e.rubric().Summarize()
		}
		s.mu.Unlock()
		if hasAll(sum.Tags, tags) {
			out = append(out, sum)
		}
	}
	return out
}

// WithTags are the rubrics of the set that have every one of tags, in the set's order.
func (s *Set) WithTags(tags []string) []*Rubric {
	var out []*Rubric
	for _, sum := range s.Summaries(tags) {
		r, _ := s.Get(sum.ID)
		out = append(out, r)
	}
	return out
}

// Table lists rubrics in width columns: each id, then its title, concept count and tags
// wrapped beside it.
func Table(rubrics []Summary, width int) string {
	idWidth := len("ID")
	for _, r := range rubrics {
		idWidth = max(idWidth, len(r.ID))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", idWidth+2-len(s)) }
	indent := pad("")
	var b strings.Builder
	b.Grow(len(rubrics) * (4*len(indent) + 160)) // two lines or so a rubric: the table is built once
	b.WriteString(pad("ID") + "TITLE\n")
	for _, r := range rubrics {
		b.WriteString(wrap.Hanging(r.Title, width, pad(r.ID), indent))
		b.WriteByte('\n')
		meta := fmt.Sprintf("%d concepts, %d mistakes; tags: %s", len(r.Concepts), len(r.Mistakes), strings.Join(r.Tags, ", "))
		b.WriteString(wrap.Hanging(meta, width, indent, indent))
		b.WriteByte('\n')
	}
	return b.String()
}

// summary is one rubric in 'answerlint rubric list --format json'.
type summary struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Question string   `json:"question"`
	Tags     []string `json:"tags"`
	Pass     int      `json:"pass"`
	Source   string   `json:"source,omitempty"`
	Concepts []string `json:"concepts"`
	Mistakes []string `json:"mistakes"`
	File     string   `json:"file"`
}

// WriteList writes rubrics as JSON for scripts: id, title, question, tags, pass mark, source, file,
// and the concept and mistake ids.
func WriteList(w io.Writer, rubrics []Summary) error {
	out := make([]summary, 0, len(rubrics))
	for _, r := range rubrics {
		s := summary{ID: r.ID, Title: r.Title, Question: strings.TrimSpace(r.Question), Tags: r.Tags, Pass: r.Pass,
			Source: r.Source, Concepts: r.Concepts, Mistakes: r.Mistakes, File: r.File}
		if s.Tags == nil {
			s.Tags = []string{}
		}
		if s.Concepts == nil {
			s.Concepts = []string{}
		}
		if s.Mistakes == nil {
			s.Mistakes = []string{}
		}
		out = append(out, s)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
