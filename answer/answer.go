// Package answer reads answer files: the text, its front matter, the answers it holds (a Markdown file
// may hold several, each starting with a marker comment) and in-answer suppressions.
package answer

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/answerlint/answerlint/internal/suggest"
	"github.com/answerlint/answerlint/text"
)

// Document is one answer file, decoded to UTF-8.
type Document struct {
	Name         string
	Text         string
	Map          *text.FileMap // Text's byte offsets to the file's (answer.Read); nil when they are the same
	Rubric       string        // from front matter `rubric:`
	RubricLine   int           // the line of front matter `rubric:`, 0 without one
	Sections     []Section     // the answers in the file; at least one unless the file is empty
	Suppressions []Suppression
	Warnings     []string

	// The suppressions outside every section, found once (SuppressionsFor), for outsideFor-1 sections.
	outside    []*Suppression
	outsideFor int
}

// Section is one answer within a document: a byte range of Text and the rubric it names, if any.
type Section struct {
	Rubric     string
	RubricLine int // where the rubric is named (front matter or marker comment), 0 when it is not
	Start      int
	End        int
	Line       int // line of the first byte, 1-based
}

// Suppression turns a mistake off for one answer, with a reason.
type Suppression struct {
	Check  string // mistake id, e.g. "apply-from-laptop" or "global/no-observability"
	Reason string
	Text   string // the whole comment
	Offset int    // byte offset of the comment in the text
	Line   int
	Column int // in code points, 1-based
	// EndLine and EndColumn are just past the comment, which may run over several lines.
	EndLine, EndColumn int
}

// Error is a problem with an answer file, at a line when one is known.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// The regular expressions here are compiled on first use, not at the start of every command.
var (
	markerRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<!--\s*answerlint\s+rubric\s*=\s*"?([A-Za-z0-9_./-]+)"?\s*-->`)
	})
	// A suppression comment may run over several lines, as HTML comments do.
	suppressionRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<!--\s*answerlint-disable\b(.*?)-->`) })
)

// Decoded is an answer file's text and how its offsets lead back to the file's bytes.
type Decoded struct {
	Text     string
	Map      *text.FileMap // Text's byte offsets to the file's; nil when they are the same
	Warnings []string
}

// Decode turns file bytes into text: a UTF-8 byte-order mark is dropped, UTF-16 with a byte-order mark
// is decoded, NUL bytes are refused as binary, and each byte that is not UTF-8 is replaced with U+FFFD
// and warned about. Reports count offsets in the file's bytes, so the map of what decoding moved is
// kept with the text.
func Decode(name string, data []byte) (Decoded, error) {
	var out Decoded
	skip := 0
	var utf16Map *text.FileMap
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, skip = data[3:], 3
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, m := decodeUTF16(data)
		data, utf16Map = []byte(s), m
		out.Warnings = append(out.Warnings, "decoded from UTF-16")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line := lineOf(text.LineStarts(string(data[:i])), i)
		return Decoded{}, &Error{File: name, Line: line, Msg: "binary content (NUL byte): not a text answer"}
	}
	if utf16Map != nil {
		out.Text, out.Map = string(data), utf16Map
		return out, nil
	}
	var m *text.FileMap
	if utf8.Valid(data) {
		out.Text = string(data)
	} else {
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		line := lineOf(text.LineStarts(string(data[:bad])), bad)
		out.Warnings = append(out.Warnings, fmt.Sprintf("invalid UTF-8 from line %d, each bad byte replaced with U+FFFD", line))
		out.Text, m = text.ValidUTF8(string(data))
	}
	if skip > 0 {
		m = m.After(skip)
	}
	out.Map = m
	return out, nil
}

// decodeUTF16 decodes UTF-16 after its byte-order mark, noting where each character came from.
func decodeUTF16(data []byte) (string, *text.FileMap) {
	big := data[0] == 0xFE
	unit := func(i int) rune {
		if big {
			return rune(data[i])<<8 | rune(data[i+1])
		}
		return rune(data[i+1])<<8 | rune(data[i])
	}
	var b strings.Builder
	var fm text.FileMapBuilder
	i := 2
	for ; i+1 < len(data); i += 2 { // a stray final byte (an editor's newline) is not half a character
		fm.Note(b.Len(), i)
		r := unit(i)
		if utf16.IsSurrogate(r) && i+3 < len(data) {
			if pair := utf16.DecodeRune(r, unit(i+2)); pair != utf8.RuneError {
				r = pair
				i += 2
			}
		}
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	fm.Note(b.Len(), i)
	return b.String(), fm.Map()
}

// Read decodes and parses an answer file: the document's offsets are of its decoded Text, and its Map
// leads them back to the file's bytes.
func Read(name string, data []byte) (*Document, error) {
	dec, err := Decode(name, data)
	if err != nil {
		return nil, err
	}
	doc, err := Parse(name, dec.Text)
	if err != nil {
		return nil, err
	}
	doc.Map = dec.Map
	doc.Warnings = append(doc.Warnings, dec.Warnings...)
	return doc, nil
}

// Parse splits decoded text into front matter, sections and suppressions.
func Parse(name, src string) (*Document, error) {
	doc := &Document{Name: name, Text: src}
	body := 0
	lines := text.LineStarts(src)
	if fm, end, ok, err := frontMatter(name, src, lines); err != nil {
		return nil, err
	} else if ok {
		body = end
		if err := checkFrontMatterKeys(name, src[:end], lines, fm); err != nil {
			return nil, err
		}
		if v, ok := fm["rubric"]; ok {
			line := keyLine(src[:end], lines, "rubric")
			s, isStr := v.(string)
			if !isStr || strings.TrimSpace(s) == "" {
				return nil, &Error{File: name, Line: line, Msg: "front matter: rubric must be a rubric id"}
			}
			doc.Rubric = strings.TrimSpace(s)
			doc.RubricLine = line
		}
	}
	if err := checkComments(name, src, lines); err != nil {
		return nil, err
	}
	code := fencedCode(src, lines, body)
	markers := outsideCode(markerRe().FindAllStringSubmatchIndex(src[body:], -1), code, body)
	// Text before the first marker is an answer only when the front matter names its rubric; otherwise
	// it is a title or introduction.
	start, rub, rubLine := body, doc.Rubric, doc.RubricLine
	for _, m := range markers {
		mStart, mEnd := body+m[0], body+m[1]
		if start > body || (rub != "" && hasWords(src[start:mStart])) {
			doc.Sections = append(doc.Sections, Section{Rubric: rub, RubricLine: rubLine, Start: start, End: mStart, Line: lineOf(lines, start)})
		}
		rub, rubLine = src[body+m[2]:body+m[3]], lineOf(lines, mStart)
		start = mEnd
	}
	doc.Sections = append(doc.Sections, Section{Rubric: rub, RubricLine: rubLine, Start: start, End: len(src), Line: lineOf(lines, start)})
	for _, m := range outsideCode(suppressionRe().FindAllStringSubmatchIndex(src, -1), code, 0) {
		fields := strings.Fields(src[m[2]:m[3]])
		pos, end := text.PosIn(src, lines, m[0]), text.PosIn(src, lines, m[1])
		s := Suppression{Text: src[m[0]:m[1]], Offset: m[0], Line: pos.Line, Column: pos.Column, EndLine: end.Line, EndColumn: end.Column}
		if len(fields) > 0 {
			s.Check = fields[0]
			s.Reason = strings.Join(fields[1:], " ")
		}
		doc.Suppressions = append(doc.Suppressions, s)
	}
	return doc, nil
}

// span is a byte range of a text.
type span struct{ start, end int }

// fencedCode returns the fenced code blocks (``` or ~~~, as CommonMark reads them) of src from byte from
// on, in order; an unclosed fence runs to the end. What is written inside one is code, not a directive:
// an answer that shows a marker or a suppression comment in a code sample does not use it.
func fencedCode(src string, lines []int, from int) []span {
	var out []span
	var open *span
	var fence string // the opening fence's character run
	for i, start := range lines {
		if start < from {
			continue
		}
		end := len(src)
		if i+1 < len(lines) {
			end = lines[i+1]
		}
		l := strings.TrimRight(src[start:end], "\r\n")
		indent := len(l) - len(strings.TrimLeft(l, " "))
		if indent > 3 {
			continue
		}
		l = l[indent:]
		run := fenceRun(l)
		switch {
		case open == nil && run != "":
			open, fence = &span{start: start}, run
		case open != nil && run != "" && run[0] == fence[0] && len(run) >= len(fence) && strings.TrimSpace(l[len(run):]) == "":
			open.end = end
			out = append(out, *open)
			open = nil
		}
	}
	if open != nil {
		open.end = len(src)
		out = append(out, *open)
	}
	return out
}

// fenceRun returns the run of three or more backticks or tildes a line starts with, or "".
func fenceRun(l string) string {
	if len(l) < 3 || (l[0] != '`' && l[0] != '~') {
		return ""
	}
	n := 0
	for n < len(l) && l[n] == l[0] {
		n++
	}
	if n < 3 || (l[0] == '`' && strings.ContainsRune(l[n:], '`')) {
		return ""
	}
	return l[:n]
}

// outsideCode keeps the matches (regexp index slices, offsets relative to base) that start outside the
// code spans; both are in order, so one pass does.
func outsideCode(ms [][]int, code []span, base int) [][]int {
	if len(code) == 0 {
		return ms
	}
	out := ms[:0]
	k := 0
	for _, m := range ms {
		at := base + m[0]
		for k < len(code) && code[k].end <= at {
			k++
		}
		if k < len(code) && code[k].start <= at {
			continue
		}
		out = append(out, m)
	}
	return out
}

// Blank reports whether no answer in the document has a word written: the file is empty, or a
// template whose only text is its front matter and comments. Such an answer is still to do, and
// replacing the file loses nothing.
func (d *Document) Blank() bool {
	for _, s := range d.Sections {
		if hasWords(d.Text[s.Start:s.End]) {
			return false
		}
	}
	return true
}

func hasWords(s string) bool {
	s = markerStrip(s)
	for _, r := range s {
		if r > ' ' && r != '#' && r != '-' && r != '*' && r != '=' {
			return true
		}
	}
	return false
}

// commentRe is compiled on first use, not at the start of every command.
var commentRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<!--.*?-->`) })

func markerStrip(s string) string { return commentRe().ReplaceAllString(s, "") }

// yamlKeyLine is a line that starts a YAML mapping entry ("rubric: gitops").
var yamlKeyLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*[ \t]*:([ \t]|$)`) })

// frontMatter reads a leading YAML block between "---" lines; lines are the text's line starts. A
// leading "---" is also Markdown's thematic break: the block is front matter only when it reads as a
// YAML mapping, or starts like one (then an error in it is reported); an answer that opens with a rule
// and prose (perhaps holding a suppression comment) is an answer.
// frontMatterKeys are the keys answerlint reads from an answer's front matter. Other keys belong to
// other tools (a static site's title: or date:) and are left alone, unless one is a near miss of
// these.
var frontMatterKeys = []string{"rubric"}

// checkFrontMatterKeys refuses a front matter key that is a misspelling of one answerlint reads
// (rubirc:), at its line: ignored, it would leave the answer without its rubric and the user with a
// message about something else.
func checkFrontMatterKeys(name, fm string, lines []int, keys map[string]any) error {
	var names []string
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if slices.Contains(frontMatterKeys, k) {
			continue
		}
		if near := suggest.Near(k, frontMatterKeys); len(near) > 0 {
			return &Error{File: name, Line: keyLine(fm, lines, k), Msg: fmt.Sprintf("front matter: unknown key %q%s", k, suggest.DidYouMean(k, frontMatterKeys))}
		}
	}
	return nil
}

// keyLine is the line of a top-level key in front matter, or 2 (its first line) when not found.
func keyLine(fm string, lines []int, key string) int {
	re := rubricKeyRe()
	if key != "rubric" {
		re = keyLineRe(key) // a misspelt key, on the way to an error
	}
	if loc := re.FindStringIndex(fm); loc != nil {
		return lineOf(lines, loc[0])
	}
	return 2
}

// keyLineRe finds a key at the start of a line of front matter.
func keyLineRe(key string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^["']?` + regexp.QuoteMeta(key) + `["']?\s*:`)
}

// rubricKeyRe is keyLineRe("rubric"), compiled once: compiling it for every answer file took a third of
// the time parsing one took.
var rubricKeyRe = sync.OnceValue(func() *regexp.Regexp { return keyLineRe("rubric") })

// answerlintComment finds comments meant for answerlint: a word after "answerlint" written as
// key=value (a section marker), or a directive "answerlint-<word>" (a suppression).
var (
	markerKeyRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<!--\s*answerlint\s+([A-Za-z_][\w-]*)\s*=`) })
	directiveRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<!--\s*(answerlint-[\w-]+)`) })
)

// checkComments refuses a marker or suppression comment with a misspelt key or directive
// (<!-- answerlint rubirc=gitops -->, <!-- answerlint-disabel ... -->), which would otherwise be
// ignored without a word.
func checkComments(name, src string, lines []int) error {
	for _, m := range markerKeyRe().FindAllStringSubmatchIndex(src, -1) {
		if key := src[m[2]:m[3]]; key != "rubric" {
			return &Error{File: name, Line: lineOf(lines, m[0]), Msg: fmt.Sprintf("unknown key %q in an answerlint comment%s (a section starts with <!-- answerlint rubric=<id> -->)", key, suggest.DidYouMean(key, []string{"rubric"}))}
		}
	}
	for _, m := range directiveRe().FindAllStringSubmatchIndex(src, -1) {
		if d := src[m[2]:m[3]]; d != "answerlint-disable" {
			return &Error{File: name, Line: lineOf(lines, m[0]), Msg: fmt.Sprintf("unknown comment %q%s (a suppression is <!-- answerlint-disable <mistake-id> reason -->)", d, suggest.DidYouMean(d, []string{"answerlint-disable"}))}
		}
	}
	return nil
}

// frontMatter reads a leading YAML block between "---" lines; lines are the text's line starts.
func frontMatter(name, src string, lines []int) (map[string]any, int, bool, error) {
	line := func(i int) string { // line i, 0-based, without its line end
		end := len(src)
		if i+1 < len(lines) {
			end = lines[i+1]
		}
		return strings.TrimRight(src[lines[i]:end], "\r\n")
	}
	if len(lines) < 2 || line(0) != "---" {
		return nil, 0, false, nil
	}
	looksLikeYAML := false
	for i := 1; i < len(lines); i++ {
		if l := strings.TrimSpace(line(i)); l != "" && !strings.HasPrefix(l, "#") {
			looksLikeYAML = yamlKeyLine().MatchString(l) && l != "---" && l != "..."
			break
		}
	}
	for i := 1; i < len(lines); i++ {
		if l := line(i); l == "---" || l == "..." {
			end := len(src)
			if i+1 < len(lines) {
				end = lines[i+1]
			}
			if fm, ok := simpleMapping(line, 1, i); ok {
				return fm, end, true, nil
			}
			var node yaml.Node
			err := yaml.Unmarshal([]byte(src[lines[1]:lines[i]]), &node)
			isMapping := err == nil && (len(node.Content) == 0 || node.Content[0].Kind == yaml.MappingNode)
			if !isMapping && !looksLikeYAML {
				return nil, 0, false, nil // a rule, then Markdown
			}
			fm := map[string]any{}
			if err == nil {
				err = node.Decode(&fm)
			}
			if err != nil {
				return nil, 0, false, &Error{File: name, Line: 2, Msg: "front matter is not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
			}
			return fm, end, true, nil
		}
	}
	if !looksLikeYAML {
		return nil, 0, false, nil
	}
	return nil, 0, false, &Error{File: name, Line: 1, Msg: "front matter is not closed: add a line with --- after it"}
}

// simpleMapping reads front matter lines [from, to) that are all "key: value", each key once, with
// keys and values plain words that YAML reads as strings ("rubric: gitops", what answer templates
// hold), as the YAML decoder would; ok is false for anything else, which is left to the decoder. With
// the decoder and a regular expression compiled for the key's line, parsing a 200-word answer file took
// 30 µs and 85 allocations; without, 2.5 µs and 7 (BenchmarkParseAnswerFile).
func simpleMapping(line func(int) string, from, to int) (fm map[string]any, ok bool) {
	if from >= to {
		return nil, false
	}
	fm = make(map[string]any, to-from)
	for i := from; i < to; i++ {
		key, value, found := strings.Cut(line(i), ": ")
		// YAML allows an implicit key of at most 1024 characters; an answer's key is a short word.
		if !found || len(key) > 64 || !plainWord(key, "_-") || !plainWord(value, "_-./") {
			return nil, false
		}
		if _, dup := fm[key]; dup {
			return nil, false // the decoder's error says where
		}
		fm[key] = value
	}
	return fm, true
}

// plainWord reports whether s is a YAML plain scalar read as a string: it starts with a letter or an
// underscore (never a number's sign or digit, a quote, an indicator or space), holds only letters,
// digits and the given punctuation, and is not one of the words YAML reads as a boolean or null.
func plainWord(s, punct string) bool {
	if s == "" || !(isASCIILetter(s[0]) || s[0] == '_') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isASCIILetter(c) && !('0' <= c && c <= '9') && strings.IndexByte(punct, c) < 0 {
			return false
		}
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL":
		return false
	}
	return true
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// lineOf is the line of a byte offset, given the text's line starts (text.LineStarts: the one rule for
// \n, \r\n and a bare \r).
func lineOf(lines []int, off int) int {
	return sort.SearchInts(lines, off+1)
}
