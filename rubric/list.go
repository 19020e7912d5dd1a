package rubric

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/answerlint/answerlint/internal/wrap"
)

// WithTags are the rubrics of the set that have every one of tags, in the set's order.
func (s *Set) WithTags(tags []string) []*Rubric {
	var out []*Rubric
	for _, r := range s.All() {
		if r.HasAllTags(tags) {
			out = append(out, r)
		}
	}
	return out
}

// Table lists rubrics in width columns: each id, then its title, concept count and tags
// wrapped beside it.
func Table(rubrics []*Rubric, width int) string {
	idWidth := len("ID")
	for _, r := range rubrics {
		idWidth = max(idWidth, len(r.ID))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", idWidth+2-len(s)) }
	var b strings.Builder
	b.WriteString(pad("ID") + "TITLE\n")
	for _, r := range rubrics {
		b.WriteString(wrap.Hanging(r.Title, width, pad(r.ID), pad("")) + "\n")
		meta := fmt.Sprintf("%d concepts, %d mistakes; tags: %s", len(r.Concepts), len(r.Mistakes), strings.Join(r.Tags, ", "))
		b.WriteString(wrap.Hanging(meta, width, pad(""), pad("")) + "\n")
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
func WriteList(w io.Writer, rubrics []*Rubric) error {
	out := make([]summary, 0, len(rubrics))
	for _, r := range rubrics {
		s := summary{ID: r.ID, Title: r.Title, Question: strings.TrimSpace(r.Question), Tags: r.Tags, Pass: r.Pass,
			Source: r.Source, Concepts: []string{}, Mistakes: []string{}, File: r.File}
		if s.Tags == nil {
			s.Tags = []string{}
		}
		for _, c := range r.Concepts {
			s.Concepts = append(s.Concepts, c.ID)
		}
		for _, m := range r.Mistakes {
			s.Mistakes = append(s.Mistakes, m.ID)
		}
		out = append(out, s)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
