package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/answerlint/answerlint/grader"
)

// TestJSONStreamMatchesEncodingJSON: the report written a result at a time is byte for byte what
// encoding/json writes for the whole envelope, with no results, one, or several.
func TestJSONStreamMatchesEncodingJSON(t *testing.T) {
	full := sampleReport()
	for name, r := range map[string]*Report{
		"sample":      full,
		"no results":  {Tool: full.Tool, Errors: full.Errors},
		"nothing":     {Tool: full.Tool},
		"one result":  {Tool: full.Tool, Results: full.Results[:1]},
		"no errors":   {Tool: full.Tool, Results: full.Results},
		"nil results": {Tool: full.Tool, Results: []*grader.Result{}, Errors: []FileError{}},
	} {
		t.Run(name, func(t *testing.T) {
			results, errs := r.Results, r.Errors
			if results == nil {
				results = []*grader.Result{}
			}
			if errs == nil {
				errs = []FileError{}
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(struct {
				SchemaVersion int              `json:"schema_version"`
				Tool          Tool             `json:"tool"`
				Results       []*grader.Result `json:"results"`
				Errors        []FileError      `json:"errors"`
				Summary       Summary          `json:"summary"`
			}{SchemaVersion, r.Tool, results, errs, r.Summarize()}); err != nil {
				t.Fatal(err)
			}
			got := render(t, JSON{}, r)
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("streamed JSON differs from encoding/json's\n got: %s\nwant: %s", got, want.Bytes())
			}
		})
	}
}
