package eval

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Row is one human-graded answer.
type Row struct {
	Line       int    // line (TSV, JSON Lines) or record (CSV) where the row starts, 1-based, header included
	QuestionID string // the question the answer is to
	Question   string // the question's text, if the data has it
	// References are the reference (model) answers, if the data has them: the reference column holds
	// one, or several separated by "|||", each perhaps led by its category ("BEST:", "GOOD:", "MINIMAL:", "KEYWORD:").
	References []string
	Answer     string
	Score      float64 // the human score; 1 or 0 for labelled data (the positive label or another)
	Label      string  // the human label as written, for labelled data (ReadOptions.Positive)
	// Score2 is a second human's score, when the data has one (Columns.Score2) and the row holds it.
	Score2    float64
	HasScore2 bool
	// Group is the answer's subgroup (Columns.Group), for figures per subgroup; "" for none.
	Group string
}

// Columns names the fields of the data that hold each part of a row.
type Columns struct {
	QuestionID string
	Question   string
	Reference  string
	Answer     string
	Score      string
	Score2     string // a second human's score; "" when the data has none
	Group      string // a subgroup of answers (a cohort, a first language); "" for none
}

// DefaultColumns are the column names used unless the data says otherwise.
func DefaultColumns() Columns {
	return Columns{QuestionID: "question_id", Question: "question", Reference: "reference_answer", Answer: "answer", Score: "score"}
}

// Set renames one column: key is question_id, question, reference_answer, answer, score, score2 or
// group (the last two are read only when named).
func (c *Columns) Set(key, name string) error {
	switch key {
	case "question_id":
		c.QuestionID = name
	case "question":
		c.Question = name
	case "reference_answer":
		c.Reference = name
	case "answer":
		c.Answer = name
	case "score":
		c.Score = name
	case "score2":
		c.Score2 = name
	case "group":
		c.Group = name
	default:
		return fmt.Errorf("unknown column %q (known: question_id, question, reference_answer, answer, score, score2, group)", key)
	}
	return nil
}

// Format is a data file's layout.
type Format string

// Formats read by Read.
const (
	TSV   Format = "tsv"
	CSV   Format = "csv"
	JSONL Format = "jsonl"
)

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case TSV, CSV, JSONL:
		return f, nil
	case "json", "ndjson":
		return JSONL, nil
	}
	return "", fmt.Errorf("unknown data format %q (known: tsv, csv, jsonl)", s)
}

// FormatOf guesses a file's format from its name: .csv, .jsonl/.ndjson/.json, else TSV.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return CSV
	case ".jsonl", ".ndjson", ".json":
		return JSONL
	}
	return TSV
}

// ReadOptions says how to read a data file.
type ReadOptions struct {
	Format  Format
	Columns Columns
	// Where keeps only the rows whose column equals the value ("in_mohler2011_subset" = "1").
	Where map[string]string
	// Positive, when set, says the score column holds labels rather than numbers (labelled data such
	// as SemEval's correct/incorrect): a row whose label is Positive (ignoring case) scores 1, any other
	// label 0.
	Positive string
}

// Read reads human-graded answers. The question id, answer and score columns are required; question and
// reference answer are read when present. Rows excluded by Where are skipped; a row with an empty or
// non-numeric score is an error naming its line.
func Read(r io.Reader, opts ReadOptions) ([]Row, error) {
	if opts.Columns == (Columns{}) {
		opts.Columns = DefaultColumns()
	}
	var recs []record
	var err error
	switch opts.Format {
	case CSV:
		recs, err = readDelimited(r, ',')
	case JSONL:
		recs, err = readJSONL(r)
	default:
		recs, err = readDelimited(r, '\t')
	}
	if err != nil {
		return nil, err
	}
	return toRows(recs, opts)
}

// record is one row of the file as column name → value.
type record struct {
	line   int
	fields map[string]string
}

func readDelimited(r io.Reader, sep rune) ([]record, error) {
	cr := csv.NewReader(r)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	if sep == '\t' {
		// TSV has no quoting: a quote character is text.
		cr.LazyQuotes = true
	}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("the data is empty")
	}
	if err != nil {
		return nil, err
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	}
	var out []record
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if len(fields) == 1 && strings.TrimSpace(fields[0]) == "" {
			continue
		}
		if len(fields) != len(header) {
			return nil, fmt.Errorf("line %d: %d fields, the header has %d", line, len(fields), len(header))
		}
		rec := record{line: line, fields: make(map[string]string, len(header))}
		for i, h := range header {
			rec.fields[h] = fields[i]
		}
		out = append(out, rec)
	}
}

func readJSONL(r io.Reader) ([]record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var out []record
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			return nil, fmt.Errorf("line %d: not a JSON object: %v", line, err)
		}
		rec := record{line: line, fields: make(map[string]string, len(obj))}
		for k, v := range obj {
			switch v := v.(type) {
			case string:
				rec.fields[k] = v
			case json.Number:
				rec.fields[k] = v.String()
			case bool:
				rec.fields[k] = strconv.FormatBool(v)
			case nil:
				rec.fields[k] = ""
			default:
				return nil, fmt.Errorf("line %d: field %q must be a string, number or boolean", line, k)
			}
		}
		out = append(out, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the data is empty")
	}
	return out, nil
}

func toRows(recs []record, opts ReadOptions) ([]Row, error) {
	c := opts.Columns
	if len(recs) == 0 {
		return nil, fmt.Errorf("the data has no rows")
	}
	known := recs[0].fields
	for _, col := range []string{c.QuestionID, c.Answer, c.Score, c.Score2, c.Group} {
		if _, ok := known[col]; col != "" && !ok {
			return nil, fmt.Errorf("no column %q (columns: %s)", col, strings.Join(sortedKeys(known), ", "))
		}
	}
	for col := range opts.Where {
		if _, ok := known[col]; !ok {
			return nil, fmt.Errorf("no column %q to filter on (columns: %s)", col, strings.Join(sortedKeys(known), ", "))
		}
	}
	var rows []Row
	for _, rec := range recs {
		if !keep(rec, opts.Where) {
			continue
		}
		f := rec.fields
		row := Row{Line: rec.line, QuestionID: strings.TrimSpace(f[c.QuestionID]), Question: f[c.Question], References: SplitReferences(f[c.Reference]), Answer: f[c.Answer]}
		if row.QuestionID == "" {
			return nil, fmt.Errorf("line %d: empty question id", rec.line)
		}
		raw := strings.TrimSpace(f[c.Score])
		if opts.Positive != "" {
			if raw == "" {
				return nil, fmt.Errorf("line %d: empty label", rec.line)
			}
			row.Label = raw
			if strings.EqualFold(raw, opts.Positive) {
				row.Score = 1
			}
		} else {
			score, err := strconv.ParseFloat(raw, 64)
			if err != nil || score != score {
				return nil, fmt.Errorf("line %d: score %q is not a number (labelled data needs --positive)", rec.line, raw)
			}
			row.Score = score
		}
		if c.Score2 != "" {
			if raw := strings.TrimSpace(f[c.Score2]); raw != "" {
				score2, err := strconv.ParseFloat(raw, 64)
				if err != nil || math.IsNaN(score2) || math.IsInf(score2, 0) {
					return nil, fmt.Errorf("line %d: second score %q is not a number", rec.line, raw)
				}
				row.Score2, row.HasScore2 = score2, true
			}
		}
		if c.Group != "" {
			row.Group = strings.TrimSpace(f[c.Group])
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no rows left after filtering")
	}
	if opts.Positive != "" {
		return rows, checkLabels(rows, opts.Positive)
	}
	return rows, nil
}

// checkLabels refuses labelled data in which the positive label never occurs: a misspelt --positive
// would otherwise make every answer incorrect.
func checkLabels(rows []Row, positive string) error {
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Score == 1 {
			return nil
		}
		seen[r.Label] = true
	}
	return fmt.Errorf("no row has the label %q (labels: %s)", positive, strings.Join(sortedKeys(seen), ", "))
}

// referenceCategories are the categories that may lead a reference answer ("BEST: …", as SemEval's
// Beetle corpus writes them); the category is not part of the answer.
var referenceCategories = []string{"BEST:", "GOOD:", "MINIMAL:", "KEYWORD:"}

// SplitReferences splits a reference column into its answers: several are separated by "|||", and each
// may be led by its category, which is dropped. Empty answers are left out.
func SplitReferences(s string) []string {
	var out []string
	for _, ref := range strings.Split(s, "|||") {
		ref = strings.TrimSpace(ref)
		for _, c := range referenceCategories {
			if len(ref) > len(c) && strings.EqualFold(ref[:len(c)], c) {
				ref = strings.TrimSpace(ref[len(c):])
				break
			}
		}
		if ref != "" {
			out = append(out, ref)
		}
	}
	return out
}

func keep(rec record, where map[string]string) bool {
	for col, want := range where {
		if strings.TrimSpace(rec.fields[col]) != want {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
