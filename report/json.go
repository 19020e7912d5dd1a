package report

import (
	"encoding/json"
	"io"

	"github.com/answerlint/answerlint/grader"
)

// JSON prints the versioned JSON envelope.
type JSON struct{}

type jsonEnvelope struct {
	SchemaVersion int              `json:"schema_version"`
	Tool          Tool             `json:"tool"`
	Results       []*grader.Result `json:"results"`
	Errors        []FileError      `json:"errors"`
	Summary       Summary          `json:"summary"`
}

// Print writes the report as indented JSON.
func (JSON) Print(w io.Writer, r *Report) error {
	env := jsonEnvelope{SchemaVersion: SchemaVersion, Tool: r.Tool, Results: r.Results, Errors: r.Errors, Summary: r.Summarize()}
	if env.Results == nil {
		env.Results = []*grader.Result{}
	}
	if env.Errors == nil {
		env.Errors = []FileError{}
	}
	return writeJSON(w, env)
}

// writeJSON writes v as indented JSON, leaving <, > and & as they are: reports quote answers.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
