package text

// Word is one word of a text as the grader reads it: lower-cased, stemmed, with its byte span and the
// sentence it belongs to.
type Word struct {
	Surface  string // lower-cased as written
	Term     string // the stem used for matching
	Start    int    // byte offset in the source
	End      int    // byte offset just past the word
	Sentence int    // sentence index, counting from 0
	Stop     bool   // a stop word
}

// Words splits src into words and sentences exactly as grading does (Markdown bullets, headings and line
// breaks end sentences), for tools that look at an answer beside its grade.
func Words(src string) []Word {
	toks := tokenize(src)
	out := make([]Word, len(toks))
	for i, t := range toks {
		out[i] = Word{Surface: t.Surface, Term: Stem(t.Surface), Start: t.Start, End: t.End, Sentence: int(t.Sentence), Stop: stopWords.has(t.Surface)}
	}
	return out
}
