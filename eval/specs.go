package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/answerlint/answerlint/internal/oserr"
)

// DefaultMaxDataSize is the largest data file ReadFile reads unless told otherwise.
const DefaultMaxDataSize = 64 << 20

// SpecError is a column or filter written wrongly on the command line.
type SpecError struct{ Msg string }

func (e *SpecError) Error() string { return e.Msg }

// Specs sets the columns and filters from their command-line form: columns renamed as KEY=NAME, the
// group column, and filters as COLUMN=VALUE. An error is a *SpecError.
func (ro *ReadOptions) Specs(columns []string, group string, where []string) error {
	for _, c := range columns {
		key, name, ok := strings.Cut(c, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return &SpecError{fmt.Sprintf("--column %q must be KEY=NAME", c)}
		}
		if err := ro.Columns.Set(strings.TrimSpace(key), strings.TrimSpace(name)); err != nil {
			return &SpecError{fmt.Sprintf("--column: %v", err)}
		}
	}
	if group != "" {
		ro.Columns.Group = strings.TrimSpace(group)
	}
	if ro.Where == nil {
		ro.Where = map[string]string{}
	}
	for _, w := range where {
		col, val, ok := strings.Cut(w, "=")
		if !ok || strings.TrimSpace(col) == "" {
			return &SpecError{fmt.Sprintf("--where %q must be COLUMN=VALUE", w)}
		}
		ro.Where[strings.TrimSpace(col)] = strings.TrimSpace(val)
	}
	return nil
}

// ReadFile reads human-graded answers from the file name, or from stdin when name is "-", refusing
// data over limit bytes (DefaultMaxDataSize when limit is 0 or less).
func ReadFile(name string, stdin io.Reader, limit int64, ro ReadOptions) ([]Row, error) {
	if limit <= 0 {
		limit = DefaultMaxDataSize
	}
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("%s", oserr.Describe(err))
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s", oserr.Describe(err))
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("the data is over the %d-byte limit (--max-file-size)", limit)
	}
	return Read(strings.NewReader(string(b)), ro)
}

// Shortfall says how the report misses the agreement asked for (a Pearson r or QWK below the
// minimum, or not computable while a minimum is set), or "" when it does not.
func (r *Report) Shortfall(minPearson, minQWK float64) string {
	switch p, q := float64(r.Pearson), float64(r.QWK); {
	case p < minPearson || math.IsNaN(p) && minPearson > 0:
		return fmt.Sprintf("Pearson r %.3f is below --min-pearson %.3f", p, minPearson)
	case q < minQWK || math.IsNaN(q) && minQWK > 0:
		return fmt.Sprintf("QWK %.3f is below --min-qwk %.3f", q, minQWK)
	}
	return ""
}

// Formats are the formats Write prints a report in.
var Formats = []string{"text", "json", "html"}

// Write prints the report in a format: text (with every answer's figures when answers is set), JSON,
// or one HTML page; data names the data file in the page.
func Write(w io.Writer, format string, rep *Report, data string, answers bool) error {
	switch format {
	case "html":
		return WriteHTML(w, rep, data)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	_, err := io.WriteString(w, Text(rep, answers))
	return err
}

// SaveDrafts is the save function of DraftSource that writes each drafted rubric to dir as ID.yaml,
// making dir first.
func SaveDrafts(dir string) (func(id string, yaml []byte) error, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return func(id string, yaml []byte) error {
		return os.WriteFile(filepath.Join(dir, id+".yaml"), yaml, 0o644)
	}, nil
}
