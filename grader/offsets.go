package grader

import (
	"slices"

	"github.com/answerlint/answerlint/text"
)

// toFile moves every offset of a result from the text graded to the file it was decoded from, through
// maps applied in turn (the repair of bytes that are not UTF-8, then the caller's decoding). Lines and
// columns stay: decoding moves no line break, and a replaced byte is one code point either way. It runs
// once, last, so that grading compares offsets of one text throughout. Evidence lists are copied
// before they change: some come from the caller (Input.Findings), who may grade again with them.
func (r *Result) toFile(maps ...*text.FileMap) {
	maps = slices.DeleteFunc(maps, (*text.FileMap).Identity)
	if len(maps) == 0 {
		return
	}
	move := func(list []Evidence) []Evidence {
		list = slices.Clone(list)
		for i := range list {
			for _, m := range maps {
				list[i].Offset, list[i].EndOffset = m.Offset(list[i].Offset), m.Offset(list[i].EndOffset)
			}
		}
		return list
	}
	for i := range r.Concepts {
		r.Concepts[i].Evidence = move(r.Concepts[i].Evidence)
	}
	for i := range r.Mistakes {
		r.Mistakes[i].Evidence = move(r.Mistakes[i].Evidence)
	}
	for i := range r.Suppressed {
		r.Suppressed[i].Mistake.Evidence = move(r.Suppressed[i].Mistake.Evidence)
	}
	for i := range r.Rejected {
		r.Rejected[i].Evidence = move([]Evidence{r.Rejected[i].Evidence})[0]
	}
	if r.Structure != nil {
		for i, st := range r.Structure.Steps {
			if st.Evidence != nil {
				r.Structure.Steps[i].Evidence = &move([]Evidence{*st.Evidence})[0]
			}
		}
	}
}
