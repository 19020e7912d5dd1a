package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// scanner walks the source once, producing words and the sentence and clause boundaries between them.
type scanner struct {
	src      string
	toks     []Token // Surface, offsets, sentence, clause, Joined and Comma filled in
	sentence int32
	clause   int32
	// pending state for the next token
	joinNext  bool
	commaNext bool
	lastEnd   int
	// from and to bound the text being scanned, to project how many tokens it holds (grow).
	from, to int
	// lx, when the scanner has one, keeps the words written with capitals lower-cased (lexicon.lower);
	// parts and runes hold a word's parts while it is split (splitWord).
	lx    *lexicon
	parts []part
	runes []offRune
}

// tokenize splits src into tokens, without the lexicon: for phrasings, synonyms and word lists, short
// texts tokenised by the thousand while rubrics compile, so the array is sized to the words they have.
func tokenize(src string) []Token {
	sc := &scanner{src: src, lastEnd: -1, toks: make([]Token, 0, countWords(src)+2)}
	sc.run(0, len(src))
	return sc.toks
}

func (sc *scanner) breakSentence() {
	if n := len(sc.toks); n > 0 && sc.toks[n-1].Sentence == sc.sentence {
		sc.sentence++
		sc.clause++
	}
	sc.joinNext, sc.commaNext = false, false
}

func (sc *scanner) breakClause() {
	if n := len(sc.toks); n > 0 && sc.toks[n-1].Clause == sc.clause {
		sc.clause++
	}
	sc.joinNext, sc.commaNext = false, false
}

func (sc *scanner) run(from, to int) {
	sc.from, sc.to = from, to
	src := sc.src
	i := from
	for i < to {
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIIWord(c):
				i = sc.word(i, to)
				continue
			case c == '\n' || c == '\r':
				i = sc.newline(i, to)
				continue
			case c == ' ' || c == '\t' || c == '\f' || c == '\v':
				sc.joinNext = false
			case c == '<' && strings.HasPrefix(src[i:to], "<!--"):
				end := strings.Index(src[i+4:to], "-->")
				if end < 0 {
					i = to
				} else {
					i = i + 4 + end + 3
				}
				sc.breakSentence()
				continue
			case c == '-' || c == '/' || c == '_' || c == '+':
				// A joiner only between two words with no white space: "hard-coded", "CI/CD".
				if i == sc.lastEnd && i+1 < to && isWordStart(src, i+1) && c != '+' {
					sc.joinNext = true
				} else if c == '-' && i+1 < to && (src[i+1] == ' ' || src[i+1] == '-') && i > 0 && src[i-1] == ' ' {
					sc.breakClause() // " - " or " -- " used as a dash
				} else {
					sc.joinNext = false
				}
			case c == '.' || c == '!' || c == '?':
				if sc.endsSentence(i, to) {
					sc.breakSentence()
				} else {
					sc.joinNext = false
				}
			case c == ';' || c == ':':
				if c == ':' && i+1 < to && src[i+1] == '/' {
					i = sc.skipURL(i, to)
					continue
				}
				sc.breakClause()
			case c == ',':
				sc.commaNext = true
				sc.joinNext = false
			case c == '|':
				sc.breakClause()
			default:
				sc.joinNext = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:to])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i = sc.word(i, to)
			continue
		case r == '–' || r == '—' || r == '‐' || r == '‑':
			spaced := (i > 0 && src[i-1] == ' ') || (i+size < to && src[i+size] == ' ')
			if !spaced && i == sc.lastEnd && i+size < to && isWordStart(src, i+size) {
				sc.joinNext = true
			} else {
				sc.breakClause()
			}
		case r == '…':
			sc.breakClause()
		case r == '\u2028' || r == '\u2029':
			sc.breakSentence()
		case r == '•' || r == '·':
			sc.breakSentence()
		default:
			sc.joinNext = false
		}
		i += size
	}
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isWordStart(src string, i int) bool {
	if i >= len(src) {
		return false
	}
	if src[i] < utf8.RuneSelf {
		return isASCIIWord(src[i])
	}
	r, _ := utf8.DecodeRuneInString(src[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// newline handles a line break: a blank line, or a new line that starts a list item, heading, quote or
// table row, ends the sentence; a plain wrapped line does not.
func (sc *scanner) newline(i, to int) int {
	src := sc.src
	breaks := 0
	for i < to && (src[i] == '\n' || src[i] == '\r' || src[i] == ' ' || src[i] == '\t') {
		if src[i] == '\n' || (src[i] == '\r' && (i+1 >= to || src[i+1] != '\n')) {
			breaks++
		}
		i++
	}
	sc.joinNext = false
	if breaks >= 2 || i >= to || startsBlock(src[i:to]) {
		sc.breakSentence()
	}
	return i
}

// startsBlock reports whether a line starts a Markdown block that begins a new sentence.
func startsBlock(line string) bool {
	if line == "" {
		return true
	}
	switch line[0] {
	case '-', '*', '+':
		return len(line) > 1 && (line[1] == ' ' || line[1] == '\t')
	case '#', '>', '|', '`', '<':
		return true
	}
	if strings.HasPrefix(line, "•") {
		return true
	}
	j := 0
	for j < len(line) && j < 4 && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j > 0 && j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
		return true
	}
	// A short line of letters followed by a line starting in upper case is a heading-like label.
	return false
}

// isAbbreviation reports whether a word is an abbreviation whose final period does not end a sentence.
// A switch, not a set: it is asked of the word before every full stop, and a switch on a few short
// strings compares lengths and bytes where a map would hash the word.
func isAbbreviation(w string) bool {
	switch w {
	case "e", "g", "i", "eg", "ie", "etc", "vs", "cf", "approx", "incl", "esp", "mr", "ms", "dr", "st", "no", "fig", "resp":
		return true
	}
	return false
}

func (sc *scanner) endsSentence(i, to int) bool {
	src := sc.src
	next := i + 1
	if next < to {
		c := src[next]
		if c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '"' && c != '\'' && c != ')' && c != '*' && c != '_' && c != '`' {
			if c < utf8.RuneSelf {
				return false
			}
			r, _ := utf8.DecodeRuneInString(src[next:])
			if r != '”' && r != '’' {
				return false
			}
		}
	}
	if src[i] == '.' {
		if n := len(sc.toks); n > 0 && sc.toks[n-1].End == i && isAbbreviation(sc.toks[n-1].Surface) {
			return false
		}
	}
	return true
}

// skipURL passes over the rest of a URL ("https://…") so that host and path parts are not read as words.
func (sc *scanner) skipURL(i, to int) int {
	// Remove the scheme token just emitted ("https").
	if n := len(sc.toks); n > 0 && sc.toks[n-1].End == i {
		sc.toks = sc.toks[:n-1]
	}
	for i < to && !isSpaceByte(sc.src[i]) {
		i++
	}
	sc.joinNext = false
	return i
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// word reads one word (letters, digits, inner apostrophes and inner decimal points) and emits its parts.
func (sc *scanner) word(i, to int) int {
	src := sc.src
	start := i
	for i < to {
		c := src[i]
		if c < utf8.RuneSelf {
			if isASCIIWord(c) {
				i++
				continue
			}
			if (c == '\'' || c == '.' || c == '"') && i > start && i+1 < to {
				prev, next := src[i-1], src[i+1]
				if c == '\'' && isLetterByte(prev) && isLetterByte(next) {
					i++
					continue
				}
				if c == '"' && isLetterByte(prev) && contractionEnd(src[i+1:to]) {
					i++
					continue
				}
				if c == '.' && isDigitByte(prev) && isDigitByte(next) {
					i++
					continue
				}
			}
			break
		}
		r, size := utf8.DecodeRuneInString(src[i:to])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if r == '’' && i > start && i+size < to && isLetterByte(src[i-1]) && isLetterByte(src[i+size]) {
			i += size
			continue
		}
		break
	}
	sc.emitWord(start, i)
	sc.lastEnd = i
	return i
}

// contractionEnd reports whether rest starts with the end of an English contraction ("t", "s", "re",
// "ve", "ll", "m", "d") and then no letter: a straight double quote there stands for an apostrophe.
func contractionEnd(rest string) bool {
	n := 0
	for n < len(rest) && isLetterByte(rest[n]) {
		n++
	}
	switch strings.ToLower(rest[:n]) {
	case "t", "s", "re", "ve", "ll", "m", "d":
		return true
	}
	return false
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }

// push appends a token, growing the array when it is full (grow).
func (sc *scanner) push(t Token) {
	if len(sc.toks) == cap(sc.toks) {
		sc.grow(t.End)
	}
	sc.toks = append(sc.toks, t)
}

// grow enlarges the full token array, at byte offset at of the text, to the count of tokens the text
// read so far projects for the whole of it, with a sixteenth to spare, and by at least a quarter. The
// array is sized for ordinary prose; text of many short words overflows it. Doubling would leave a
// long text that only just overflowed with nearly half of a large array unused, and append's quarter
// steps would copy it over and over.
func (sc *scanner) grow(at int) {
	n := len(sc.toks)
	want := n + n/4 + 16
	if read := at - sc.from; read > 0 && sc.to > at {
		if p := int(int64(n) * int64(sc.to-sc.from) / int64(read)); p+p/16+16 > want {
			want = p + p/16 + 16
		}
	}
	grown := make([]Token, n, want)
	copy(grown, sc.toks)
	sc.toks = grown
}

// maxWordLen is the longest run of letters and digits split into camelCase parts; longer ones are one
// token. The longest identifiers people write ("PodDisruptionBudgetControllerConfiguration") are well
// under it.
const maxWordLen = 256

func (sc *scanner) emitWord(start, end int) {
	w := sc.src[start:end]
	if isPlainWord(w) {
		// The common case ("deploy", "Kubernetes", "k8s") is one part: skip splitWord and its allocation.
		// Only its first letter can be upper-case.
		surface := w
		if w[0] >= 'A' && w[0] <= 'Z' {
			surface = sc.lower(w)
		}
		sc.push(Token{Surface: surface, Start: start, End: end, Joined: sc.joinNext, Comma: sc.commaNext, Sentence: sc.sentence, Clause: sc.clause, negBy: -1, postBy: -1})
		sc.joinNext, sc.commaNext = false, false
		return
	}
	if len(w) > maxWordLen {
		// No word or identifier is this long: keep it whole rather than split it into parts, each
		// joined to the next, that analysis would then read in every combination.
		sc.push(Token{Surface: nfc(lower(w)), Start: start, End: end, Joined: sc.joinNext, Comma: sc.commaNext, Sentence: sc.sentence, Clause: sc.clause, negBy: -1, postBy: -1})
		sc.joinNext, sc.commaNext = false, false
		return
	}
	first := true
	for _, p := range sc.splitWord(w) {
		surface := nfc(p.surface)
		if surface == "" {
			continue
		}
		t := Token{
			Surface:  surface,
			Start:    start + p.start,
			End:      start + p.end,
			Joined:   sc.joinNext || !first,
			Comma:    sc.commaNext && first,
			Sentence: sc.sentence,
			Clause:   sc.clause,
			negBy:    -1,
			postBy:   -1,
		}
		sc.push(t)
		first = false
	}
	sc.joinNext, sc.commaNext = false, false
}

// isPlainWord reports whether splitWord would return w whole, lower-cased: ASCII letters and digits
// with no upper-case letter after the first.
func isPlainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i == 0 && c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return len(w) > 0
}

type part struct {
	surface    string
	start, end int
}

// splitWord lower-cases a word and splits camelCase, keeping letter+digit words whole and stripping
// possessives and acronym plurals ("PDBs" → "pdb"). The parts are in an array of the scanner's, good
// until the next word.
func (sc *scanner) splitWord(w string) []part {
	parts := sc.parts[:0]
	defer func() { sc.parts = parts[:0] }()
	w2 := strings.ReplaceAll(strings.ReplaceAll(w, "’", "'"), `"`, "'")
	if strings.HasSuffix(w2, "'s") || strings.HasSuffix(w2, "'S") {
		n := len(w) - len(w2) // extra bytes of the curly apostrophe, if any
		parts = append(parts, part{surface: sc.lower(w2[:len(w2)-2]), start: 0, end: len(w) - 2 - n})
		return parts
	}
	hasDigit, hasLetter, hasUpperAfterLower, hasApos := false, false, false, false
	prevLower := false
	for _, r := range w2 {
		switch {
		case unicode.IsDigit(r):
			hasDigit = true
		case unicode.IsLetter(r):
			hasLetter = true
			if unicode.IsUpper(r) && prevLower {
				hasUpperAfterLower = true
			}
			prevLower = unicode.IsLower(r)
		case r == '\'':
			hasApos = true
		}
	}
	if hasApos && w2 != w {
		parts = append(parts, part{surface: sc.lower(w2), start: 0, end: len(w)})
		return parts
	}
	if hasDigit || !hasLetter || hasApos {
		parts = append(parts, part{surface: sc.lower(w2), start: 0, end: len(w)})
		return parts
	}
	if !hasUpperAfterLower && !hasUpperRunThenLower(w) {
		parts = append(parts, part{surface: sc.lower(w), start: 0, end: len(w)})
		return parts
	}
	parts = sc.camelSplit(parts, w)
	return parts
}

func hasUpperRunThenLower(w string) bool {
	run := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			run++
			continue
		}
		if run >= 2 && unicode.IsLower(r) {
			return true
		}
		run = 0
	}
	return false
}

// offRune is a rune of a word and its byte offset.
type offRune struct {
	r   rune
	off int
}

// camelSplit appends to parts the parts of a camelCase word: "PodDisruptionBudget" → pod|disruption|
// budget, "OOMKilled" → oom|killed and "SLOs" → slo (an upper-case run followed by a final "s" is an
// acronym plural).
func (sc *scanner) camelSplit(parts []part, w string) []part {
	rs := sc.runes[:0]
	for off, r := range w {
		rs = append(rs, offRune{r, off})
	}
	sc.runes = rs
	segStart := 0
	emit := func(from, to int, endOff int) {
		if from >= to {
			return
		}
		parts = append(parts, part{surface: sc.lower(w[rs[from].off:endOff]), start: rs[from].off, end: endOff})
	}
	offAt := func(k int) int {
		if k >= len(rs) {
			return len(w)
		}
		return rs[k].off
	}
	for k := 1; k < len(rs); k++ {
		cur, prev := rs[k].r, rs[k-1].r
		if unicode.IsUpper(cur) && unicode.IsLower(prev) {
			emit(segStart, k, offAt(k))
			segStart = k
			continue
		}
		if unicode.IsLower(cur) && unicode.IsUpper(prev) && k-1 > segStart {
			// "OOMKilled": the last upper-case letter starts the next part — unless this is a final
			// plural "s" ("PDBs").
			if cur == 's' && k == len(rs)-1 {
				parts = append(parts, part{surface: sc.lower(w[rs[segStart].off:rs[k].off]), start: rs[segStart].off, end: len(w)})
				return parts
			}
			emit(segStart, k-1, offAt(k-1))
			segStart = k - 1
		}
	}
	emit(segStart, len(rs), len(w))
	return parts
}

// lower lower-cases a word, through the lexicon when the scanner has one: a word written with
// capitals ("We" opening a sentence, "AWS") would otherwise cost a new string each time it is met.
func (sc *scanner) lower(s string) string {
	if sc.lx == nil {
		return lower(s)
	}
	return sc.lx.lower(s)
}

// nfc returns a word in Unicode normal form C, so that "café" matches whether its "é" is written as
// one code point or as "e" and a combining accent (as some keyboards and macOS file names write it).
// Offsets stay those of the source: only the surface is normalised.
func nfc(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			if norm.NFC.IsNormalString(s) {
				return s
			}
			return norm.NFC.String(s)
		}
	}
	return s
}

func lower(s string) string {
	if needsLower(s) {
		return strings.ToLower(s)
	}
	return s
}

// needsLower reports whether s has an upper-case ASCII letter or a letter of another script, which
// lower may change.
func needsLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return true
		}
	}
	return false
}
