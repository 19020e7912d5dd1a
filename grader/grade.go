package grader

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// Input is an answer to grade: the whole file's text and the byte range of the answer within it (a
// file may hold several answers), so that evidence positions point into the file.
type Input struct {
	File  string
	Text  string
	Start int // first byte of the answer; 0 for a whole file
	End   int // byte just past the answer; 0 means len(Text)
	// MinScore overrides the rubric's pass mark when > 0.
	MinScore int
	// FailOn is the least severe mistake that fails the answer whatever its score; "" or "none": mistakes
	// alone never fail it. It decides Passed, so that Passed means what a run's exit code means.
	FailOn rubric.Severity
	// Suppress are the answer's own suppression comments: a mistake one of them names, with a reason,
	// is listed in Result.Suppressed instead of Result.Mistakes and costs nothing. Result.Suppressed is
	// a list ([] in JSON, never null) either way, so that readers of the JSON need no special case.
	Suppress []Suppression
	// ReviewBand, when > 0, marks the result for review by a person (Result.Review) when its score is
	// less than this many points from its pass mark.
	ReviewBand int
	// Findings are findings about the answer made outside the rubric (a suppression comment that is
	// itself wrong), listed after the rubric's mistakes and counted like them.
	Findings []MistakeResult
	// Warnings are things found about the answer before grading (how its file was decoded, input
	// fields a JSON Lines record could not pass on), listed after the grader's own.
	Warnings []Warning
	// Line, when > 0, is the line reported for the answer, for an answer whose text is not its source
	// file (a JSON Lines record: the record's line).
	Line int
	// Map takes Text's byte offsets to those of the file it was decoded from (answer.Decode), so that
	// evidence offsets are the file's, as reports promise; nil when Text is the file.
	Map *text.FileMap
	// Index is an index of Text's lines (text.NewIndex), built once for a file and shared by its
	// answers; nil builds one for this answer. Building one costs a pass over the whole Text.
	Index *text.Index
}

// Suppression is an in-answer comment that turns a mistake off for the answer, with a reason.
type Suppression struct {
	Mistake string // the mistake's id
	Reason  string // empty: the suppression turns nothing off, since the reason is what a reviewer reads
	Line    int    // where the comment is
	Column  int
}

// BadSuppressionID names the finding reported for a suppression that has no reason or turns off nothing.
const BadSuppressionID = "answerlint/bad-suppression"

// maxEvidence is how many places are quoted for one check.
const maxEvidence = 3

// Grade grades one answer. It never fails: problems with the answer itself (empty, too short) are
// warnings in the result.
func (c *Compiled) Grade(in Input) *Result {
	r := c.Rubric
	end := in.End
	if end <= 0 || end > len(in.Text) {
		end = len(in.Text)
	}
	start := min(max(in.Start, 0), end)
	src := in.Text
	ix := in.Index
	if !ix.For(src) {
		ix = nil
	}
	var repair *text.FileMap // where the repaired text's offsets are in in.Text
	if (ix != nil && !ix.Valid()) || (ix == nil && !utf8.ValidString(src)) {
		src, repair = text.ValidUTF8(src)
		end, start, ix = len(src), min(start, len(src)), nil
	}
	d := c.analyzer.Analyze(src, start, end)
	defer d.Release() // the result keeps nothing of d but strings
	if ix != nil {
		d.UseIndex(ix)
	}
	res := &Result{
		File:     in.File,
		Line:     d.Pos(start).Line,
		Rubric:   r.ID,
		Title:    r.Title,
		Pass:     r.Pass,
		Words:    len(d.Tokens),
		Caps:     []Cap{},
		Concepts: []ConceptResult{},
		Mistakes: []MistakeResult{},
		Rejected: []Rejection{},
		Warnings: []Warning{},
	}
	if in.MinScore > 0 {
		res.Pass = in.MinScore
	}
	ms := c.findMatches(d)
	inOrder := len(ms)
	ms = c.findLooseMatches(d, ms)
	defer recycleMatches(ms)
	sortMatches(ms, len(ms)-inOrder)
	resolveOverlaps(ms)
	own := ownersPool.Get().(*owners)
	defer own.release()
	own.index(ms, kindConcept, len(r.Concepts))
	c.scoreConcepts(d, ms, own, res)
	c.scoreStructure(d, ms, res)
	own.index(ms, kindMistake, len(r.Mistakes))
	c.flagMistakes(d, ms, own, res)
	c.runChecks(d, ms, res)
	c.checkForm(d, ms, res)
	suppress(res, in.Suppress)
	res.Mistakes = append(res.Mistakes, in.Findings...)
	c.finish(res, in.FailOn)
	res.Confidence = confidence(res)
	res.Review = in.ReviewBand > 0 && abs(res.Score-res.Pass) < in.ReviewBand
	res.Warnings = append(res.Warnings, in.Warnings...)
	if in.Line > 0 {
		res.Line = in.Line
	}
	res.toFile(repair, in.Map)
	return res
}

// confidence says how clearly the evidence decides pass or fail, from 0 (on the pass mark) towards 1:
// the score's distance from the pass mark, d, against u, how far the least certain evidence could move
// it — the most any one concept or mistake is worth (one decision going the other way) plus the points
// that rest on soft evidence (partial credit, corrected misspellings, words found apart rather than as
// a phrase) — as d ÷ (d + u).
func confidence(res *Result) float64 {
	d := float64(abs(res.Score - res.Pass))
	var swing, soft float64
	for _, c := range res.Concepts {
		swing = math.Max(swing, c.MaxPoints)
		if c.Points > 0 && (c.Credit > 0 && c.Credit < 1 || softEvidence(c.Evidence)) {
			soft += c.Points
		}
	}
	for _, m := range res.Mistakes {
		swing = math.Max(swing, m.Penalty)
	}
	if u := swing + soft; u > 0 {
		return round2(d / (d + u))
	}
	return 1
}

// softEvidence says whether all of a concept's evidence came through a corrected misspelling.
func softEvidence(ev []Evidence) bool {
	for _, e := range ev {
		if !e.Typo {
			return false
		}
	}
	return len(ev) > 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// owners lists the matches of each concept, or of each mistake, in the order of the matches: of(i) are
// the positions in ms of the matches of the i-th. Scoring looks at one concept's matches at a time, and
// going through every match of the answer for each concept, most of them other concepts', mistakes'
// and checks', was most of its work.
type owners struct {
	at    []int32 // at[i]..at[i+1] are the i-th's positions in order
	order []int32
}

var ownersPool = sync.Pool{New: func() any { return new(owners) }}

// index lists the matches of kind by the index of their concept or mistake, of which there are n: a
// counting sort, which keeps each one's matches in order.
func (o *owners) index(ms []match, kind checkKind, n int) {
	o.at = resize(o.at, n+1)
	clear(o.at)
	count := 0
	for k := range ms {
		if p := ms[k].p; p.kind == kind {
			o.at[p.idx+1]++
			count++
		}
	}
	for i := 1; i <= n; i++ {
		o.at[i] += o.at[i-1]
	}
	o.order = resize(o.order, count)
	// Filling advances at[i] to the start of i+1; shifting at up by one then puts it back.
	for k := range ms {
		if p := ms[k].p; p.kind == kind {
			o.order[o.at[p.idx]] = int32(k)
			o.at[p.idx]++
		}
	}
	copy(o.at[1:], o.at[:n])
	o.at[0] = 0
}

// release hands o back to the pool, unless a huge answer grew it: then the memory goes, as the match
// lists' does.
func (o *owners) release() {
	if cap(o.order) <= matchBuffers.Max {
		ownersPool.Put(o)
	}
}

// of returns the positions in ms of the matches of the i-th concept or mistake.
func (o *owners) of(i int) []int32 { return o.order[o.at[i]:o.at[i+1]] }

func (c *Compiled) scoreConcepts(d *text.Doc, ms []match, own *owners, res *Result) {
	total := c.Rubric.TotalWeight()
	res.Concepts = make([]ConceptResult, 0, len(c.Rubric.Concepts))
	// First the matches that count for each concept, concept after concept in one list (pooled like
	// the matches: pickEvidence keeps none of it), then the evidence of all of them in one array: an
	// array per concept was the most frequent allocation of grading an answer.
	found := matchBuffer()
	defer func() { recycleMatches(found) }()
	var endsBuf [32]int32
	ends := endsBuf[:0] // ends[i] is where concept i's matches end in found
	if len(c.Rubric.Concepts) > len(endsBuf) {
		ends = make([]int32, 0, len(c.Rubric.Concepts))
	}
	blocks := hasBlocks(d)
	quoted := 0 // the most evidence all concepts may quote
	// By pointer, not by copy: a concept is a few cache lines of which scoring reads a few fields, and a
	// match is read once per concept.
	for i := range c.Rubric.Concepts {
		con := &c.Rubric.Concepts[i]
		from := len(found)
		for _, k := range own.of(i) {
			m := &ms[k]
			if !m.dropped && m.counts(con.Polarity) &&
				!(len(con.Affirm) > 0 && deniesAffirm(ms, m)) && c.statesConcept(d, m, i, blocks) {
				found = append(found, *m)
			}
		}
		ends = append(ends, int32(len(found)))
		quoted += min(len(found)-from, maxEvidence)
	}
	// The evidence is picked into an array on the stack sized for the most it may hold, then copied
	// into the result's array, sized to what was picked: overlapping matches quote once, and the room
	// for them was most of the bytes a result held.
	var pickedBuf [24]Evidence
	picked := pickedBuf[:0]
	if quoted > len(pickedBuf) {
		picked = make([]Evidence, 0, quoted)
	}
	from := 0
	for i := range c.Rubric.Concepts {
		con := &c.Rubric.Concepts[i]
		cr := ConceptResult{ID: con.ID, Name: con.Name, Weight: con.Weight, Required: con.Required, Hint: con.Hint, Evidence: []Evidence{}}
		counted := found[from:ends[i]]
		from = int(ends[i])
		n := len(picked)
		picked = picked[:n+len(pickEvidenceInto(picked[n:n:n+min(len(counted), maxEvidence)], d, counted))]
		ends[i] = int32(len(picked)) // now where concept i's evidence ends in picked
		cr.Covered = len(picked) > n
		cr.MaxPoints = round2(100 * con.Weight / total)
		if cr.Covered {
			cr.Points = round2(100 * con.Weight / total)
			res.Coverage += 100 * con.Weight / total
		} else {
			c.partialPoints(d, i, &cr, res)
		}
		res.Concepts = append(res.Concepts, cr)
	}
	if len(picked) == 0 {
		return
	}
	evidences := slices.Clone(picked)
	from = 0
	for i := range res.Concepts {
		to := int(ends[i])
		if to > from {
			// Its own part of the array, full to capacity: what is appended to it later is copied out.
			res.Concepts[i].Evidence = evidences[from:to:to]
		}
		from = to
	}
}

// counts reports whether a concept's match counts, given the concept's polarity and whether the match
// is negated: an affirm phrasing counts only when it is not.
func (m *match) counts(p rubric.Polarity) bool {
	negated := m.negBy >= 0
	switch {
	case m.p.affirm, p == rubric.PolarityPositive:
		return !negated
	case p == rubric.PolarityNegative:
		return negated
	}
	return true
}

// deniesAffirm reports whether a negated match of a concept lies in an affirm phrasing of the same
// concept that the same trigger negates: in "we do not keep secrets out of Git" the "not" denies the
// rule, and "secrets … Git" inside it is not the rule stated as a prohibition.
func deniesAffirm(ms []match, m *match) bool {
	if m.p.affirm || m.negBy < 0 {
		return false
	}
	for k := range ms {
		a := &ms[k]
		if a.p.affirm && a.p.idx == m.p.idx && a.p.kind == m.p.kind && a.negBy == m.negBy && a.first <= m.last && m.first <= a.last {
			return true
		}
	}
	return false
}

// pickEvidence quotes the tightest of overlapping matches ("remote state in S3", not "State is remote
// state in S3"), then lists them in the order they appear.
func pickEvidence(d *text.Doc, found []match) []Evidence {
	return pickEvidenceInto(make([]Evidence, 0, min(len(found), maxEvidence)), d, found)
}

// pickEvidenceInto is pickEvidence, appending to list, an empty slice with room for the evidence.
func pickEvidenceInto(list []Evidence, d *text.Doc, found []match) []Evidence {
	sortEvidence(found)
	for _, m := range found {
		list = addMatch(list, d, m)
	}
	slices.SortFunc(list, func(a, b Evidence) int { return cmp.Compare(a.Offset, b.Offset) })
	return list
}

// sortEvidence orders a concept's or a mistake's matches as pickEvidence quotes them: in order before
// loose (a match in order explains best), then the tightest, then the first; a stable sort. Most lists
// are short and sorted by an insertion sort that compares inline: the general sort's calls to a
// comparison were a third of picking evidence.
func sortEvidence(found []match) {
	if len(found) > maxInsertedEvidence {
		slices.SortStableFunc(found, func(a, b match) int {
			switch {
			case quotedBefore(&a, &b):
				return -1
			case quotedBefore(&b, &a):
				return 1
			}
			return 0
		})
		return
	}
	for i := 1; i < len(found); i++ {
		if !quotedBefore(&found[i], &found[i-1]) {
			continue
		}
		m := found[i]
		j := i
		for ; j > 0 && quotedBefore(&m, &found[j-1]); j-- {
			found[j] = found[j-1]
		}
		found[j] = m
	}
}

// maxInsertedEvidence is the longest list sortEvidence sorts by insertion.
const maxInsertedEvidence = 32

// quotedBefore reports whether pickEvidence considers a before b.
func quotedBefore(a, b *match) bool {
	if a.loose != b.loose {
		return !a.loose
	}
	if wa, wb := a.last-a.first, b.last-b.first; wa != wb {
		return wa < wb
	}
	return a.first < b.first
}

// addMatch is addEvidence for a match, quoting it only when it is kept: most matches of a concept an
// answer keeps coming back to are not.
func addMatch(list []Evidence, d *text.Doc, m match) []Evidence {
	start, end := d.Tokens[m.first].Start, d.Tokens[m.last].End
	for _, x := range list {
		if start < x.EndOffset && x.Offset < end {
			return list
		}
	}
	if len(list) >= maxEvidence {
		return list
	}
	return append(list, evidence(d, m))
}

// addEvidence appends e unless it overlaps evidence already kept (the longer match came first).
func addEvidence(list []Evidence, e Evidence) []Evidence {
	for _, x := range list {
		if e.Offset < x.EndOffset && x.Offset < e.EndOffset {
			return list
		}
	}
	if len(list) >= maxEvidence {
		return list
	}
	return append(list, e)
}

func evidence(d *text.Doc, m match) Evidence {
	first, last := d.Tokens[m.first], d.Tokens[m.last]
	p0, p1 := d.Pos(first.Start), d.Pos(last.End)
	return Evidence{
		Line: p0.Line, Column: p0.Column, EndLine: p1.Line, EndColumn: p1.Column,
		Offset: first.Start, EndOffset: last.End,
		Text:     quote(d.Src[first.Start:last.End]),
		Phrasing: m.p.phrasing,
		Typo:     m.typo,
	}
}

// quote shortens a span of the answer for display, keeping its two ends.
func quote(s string) string {
	const limit = 120
	if len(s) <= limit && isCollapsed(s) {
		return s // ASCII, so no more characters than bytes: most quotes, without counting
	}
	s = collapse(s)
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)
	return string(r[:limit/2-1]) + " … " + string(r[len(r)-limit/2+2:])
}

func (c *Compiled) scoreStructure(d *text.Doc, ms []match, res *Result) {
	s := c.Rubric.Structure
	if s == nil {
		return
	}
	sr := &StructureResult{Name: s.Name, Total: len(s.Steps), InOrder: true, Steps: make([]StepResult, 0, len(s.Steps))}
	lastOffset := -1
	// The steps' evidence, in one array: allocated apiece, they were half the allocations of scoring
	// the structure.
	var evidences []Evidence
	for i, st := range s.Steps {
		step := StepResult{ID: st.ID, Name: st.Name}
		for _, m := range ms {
			if m.p.kind == kindStep && int(m.p.idx) == i {
				if evidences == nil {
					evidences = make([]Evidence, len(s.Steps))
				}
				evidences[i] = evidence(d, m)
				step.Evidence = &evidences[i]
				step.Covered = true
				break
			}
		}
		if step.Covered {
			sr.Covered++
			if step.Evidence.Offset < lastOffset {
				sr.InOrder = false
			}
			lastOffset = step.Evidence.Offset
		}
		sr.Steps = append(sr.Steps, step)
	}
	if total := c.Rubric.TotalWeight(); total > 0 && sr.Total > 0 {
		sr.Points = round2(100 * s.Weight * float64(sr.Covered) / float64(sr.Total) / total)
		res.Coverage += 100 * s.Weight * float64(sr.Covered) / float64(sr.Total) / total
	}
	res.Structure = sr
}

func (c *Compiled) flagMistakes(d *text.Doc, ms []match, own *owners, res *Result) {
	// One list for every mistake in turn, pooled like scoreConcepts' list: pickEvidence keeps none of it.
	stated, used := matchBuffer(), 0
	defer func() { recycleMatches(stated[:used]) }() // the longest it grew to, so that all is cleared
	for i := range c.Rubric.Mistakes {
		mk := &c.Rubric.Mistakes[i] // by pointer, as in scoreConcepts
		mr := MistakeResult{ID: mk.ID, Message: mk.Message, Advice: mk.Advice, Severity: mk.Severity, Penalty: mk.PenaltyPoints()}
		var rejected *match // the first negated mention: reported when the mistake is not stated
		stated = stated[:0]
		for _, k := range own.of(i) {
			m := &ms[k]
			if m.dropped {
				continue
			}
			if m.negBy < 0 {
				// Past practice the answer reports as a problem it fixed is not the candidate's.
				if by := d.ReportedBy(m.first); by >= 0 {
					ms[k].negBy = by
				} else if by := d.Excludes(m.first, m.last); by >= 0 {
					ms[k].negBy = by // "API keys are kept out of the code"
				} else if by := d.Explains(m.first, m.last); by >= 0 {
					ms[k].negBy = by // "if you copy them from another service…", "watching average latency hides…"
				}
			}
			if ms[k].negBy >= 0 {
				if rejected == nil {
					rejected = &ms[k]
				}
				continue
			}
			stated = append(stated, *m)
		}
		used = max(used, len(stated))
		mr.Evidence = pickEvidence(d, stated)
		if len(mr.Evidence) > 0 {
			res.Mistakes = append(res.Mistakes, mr)
			res.Penalty += mr.Penalty
		} else if rejected != nil {
			res.Rejected = append(res.Rejected, rejection(d, mk.ID, *rejected))
		}
	}
}

func rejection(d *text.Doc, id string, m match) Rejection {
	trig := d.Tokens[m.negBy]
	e := evidence(d, m)
	from, to := min(trig.Start, e.Offset), max(trig.End, e.EndOffset)
	return Rejection{Mistake: id, Trigger: trig.Surface, Text: quote(d.Src[from:to]), Evidence: e}
}

// suppress moves the mistakes that a suppression with a reason names to res.Suppressed, with the caps
// they placed: an answer-level finding's cap goes with it.
func suppress(res *Result, sups []Suppression) {
	res.Suppressed = []Suppressed{}
	if len(sups) == 0 {
		return
	}
	kept := res.Mistakes[:0]
	for _, m := range res.Mistakes {
		i := slices.IndexFunc(sups, func(s Suppression) bool { return s.Mistake == m.ID && s.Reason != "" })
		if i < 0 {
			kept = append(kept, m)
			continue
		}
		s := sups[i]
		res.Suppressed = append(res.Suppressed, Suppressed{Mistake: m, Reason: s.Reason, Line: s.Line, Column: s.Column})
	}
	res.Mistakes = kept
	res.Caps = slices.DeleteFunc(res.Caps, func(c Cap) bool {
		return slices.ContainsFunc(res.Suppressed, func(s Suppressed) bool { return s.Mistake.ID == c.Reason })
	})
}

// belowPass is the highest score that fails the rubric's own pass mark: where a finding that means
// "not a pass" (too short, a keyword list, the question restated) caps an answer. It is the rubric's
// mark, not the one the run judges by (--min-score, the configuration), so that the gate moves the
// verdict and never the score: under --min-score 1 a cap at the gate's mark − 1 would have zeroed
// every short answer, and under --min-score 95 let one score 94.
func belowPass(r *rubric.Rubric) int { return max(r.Pass-1, 0) }

// finish adds the caps that depend on the whole answer, then settles the score.
func (c *Compiled) finish(res *Result, failOn rubric.Severity) {
	r := c.Rubric
	capAt := func(limit int, reason string) { res.Caps = append(res.Caps, Cap{Limit: limit, Reason: reason}) }
	if res.Words == 0 {
		res.Todo = true
		res.Warnings = append(res.Warnings, Warning{Code: "empty", Message: "the answer is empty"})
		capAt(0, "empty answer")
	} else if r.MinWords > 0 && res.Words < r.MinWords {
		res.Warnings = append(res.Warnings, Warning{Code: "too-short", Message: fmt.Sprintf("the answer has %d words; at least %d are expected", res.Words, r.MinWords)})
		capAt(belowPass(r), fmt.Sprintf("shorter than %d words", r.MinWords))
	}
	res.Coverage = round2(res.Coverage)
	res.Curve, res.CurveStart = c.curve, c.curveStart
	chargePenalties(res, res.Curved())
	settle(res, failOn)
}

// chargePenalties turns each mistake's penalty, a share of 100, into the points it takes from what the
// answer earned: a mistake costs an answer that covers everything its full penalty and a partial answer
// in proportion ("penalty: 25" takes a quarter of the score). Taking the full penalty off a partial
// answer's low coverage left it near 0 where interviewers give a partial answer with one mistake about
// 40 (testdata/heldout: r 0.964 → 0.971, MAE 10.8 → 9.0 points, pass/fail agreement unchanged). Each
// mistake reports the points it took, so the explanation still adds up to the score.
func chargePenalties(res *Result, earned float64) {
	penalty := 0.0
	for i := range res.Mistakes {
		m := &res.Mistakes[i]
		m.Penalty = round2(earned * m.Penalty / 100)
		penalty += m.Penalty
	}
	res.Penalty = round2(penalty)
}

// settle is the one formula for a result's score: its coverage on the rubric's curve, less its
// penalties, under its caps, clamped to 0-100; then the verdict. An answer fails when it scores below its
// pass mark or makes a mistake at or above failOn; a failing answer's band is never pass or strong.
func settle(res *Result, failOn rubric.Severity) {
	res.Score = int(math.Round(res.Unrounded()))
	gated := GatedBy(res.Mistakes, failOn) != ""
	res.Passed = res.Score >= res.Pass && !gated
	res.Band = BandFor(res.Score, res.Pass)
	if gated && (res.Band == BandStrong || res.Band == BandPass) {
		res.Band = BandWeak
	}
}

// Curved is the result's coverage on its rubric's curve (Curve and CurveStart), before penalties and caps.
func (res *Result) Curved() float64 { return Curved(res.Coverage, res.Curve, res.CurveStart) }

// Unrounded is the score before it is rounded to a whole point: the coverage on the curve, less the
// penalties, under the caps, clamped to 0-100. Score is it rounded. Measuring agreement with human
// grades uses it, since rounding ties answers whose coverage differs, and a threshold fitted between
// whole points then moves with any change that reshuffles the ties, such as the curve.
func (res *Result) Unrounded() float64 {
	score := res.Curved() - res.Penalty
	for _, c := range res.Caps {
		score = math.Min(score, float64(c.Limit))
	}
	return math.Max(0, math.Min(100, score))
}

// GatedBy returns the id of the first mistake at or above failOn, or "" when none is: such a mistake
// fails an answer whatever its score.
func GatedBy(mistakes []MistakeResult, failOn rubric.Severity) string {
	rank := failOn.Rank()
	if rank == 0 {
		return ""
	}
	for _, m := range mistakes {
		if m.Severity.Rank() >= rank {
			return m.ID
		}
	}
	return ""
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
