package grader

import "github.com/answerlint/answerlint/rubric"

// Band is a coarse verdict on a score.
type Band string

// Bands, from best to worst. They are relative to the pass mark in effect (the rubric's, or one set
// by --min-score or the configuration), so a band never contradicts the verdict: strong and pass only
// for a passing score, weak and fail only for a failing one.
const (
	BandStrong Band = "strong" // passing, and 85 or more
	BandPass   Band = "pass"   // at or above the pass mark
	BandWeak   Band = "weak"   // below the pass mark by WeakRange points or less
	BandFail   Band = "fail"   // further below
)

// WeakRange is how far below the pass mark a score is weak rather than a fail: under the usual pass
// mark of 60, answers from 35 are weak. Measured from the pass mark in effect, "88/100 weak" under a
// pass mark of 95 means 7 points short, and 65 under 95 is a fail, not weak.
const WeakRange = 25

// BandFor classifies a score against the pass mark in effect.
func BandFor(score, pass int) Band {
	switch {
	case score >= pass && score >= 85:
		return BandStrong
	case score >= pass:
		return BandPass
	case score >= pass-WeakRange:
		return BandWeak
	}
	return BandFail
}

// Result is the graded answer: its score and every point explained.
type Result struct {
	File   string `json:"file"`
	Line   int    `json:"line"` // where the answer starts in the file (1 for a whole file)
	Rubric string `json:"rubric"`
	Title  string `json:"title"`
	Score  int    `json:"score"`
	Band   Band   `json:"band"`
	Passed bool   `json:"passed"`
	Pass   int    `json:"pass"`
	// Confidence is how clearly the evidence decides pass or fail, from 0 (on the pass mark) towards 1:
	// the distance to the pass mark against how far the least certain evidence could move the score.
	Confidence float64 `json:"confidence"`
	// Review says a person should read the answer before its grade is used: its score is within the
	// run's review band of its pass mark.
	Review    bool             `json:"review"`
	Words     int              `json:"words"`
	Coverage  float64          `json:"coverage"` // points earned from concepts and structure, before penalties
	Penalty   float64          `json:"penalty"`  // points taken off for mistakes
	Caps      []Cap            `json:"caps"`
	Concepts  []ConceptResult  `json:"concepts"`
	Mistakes  []MistakeResult  `json:"mistakes"`
	Rejected  []Rejection      `json:"rejected"`
	Structure *StructureResult `json:"structure,omitempty"`
	Warnings  []Warning        `json:"warnings"`

	// Suppressed are mistakes the answer turned off with <!-- answerlint-disable <id> reason -->: not
	// penalised, and listed with the reason.
	Suppressed []Suppressed `json:"suppressed"`

	// Curve is the rubric's score curve, when it has one: score = 100 × (coverage/100)^curve − penalty.
	Curve float64 `json:"curve,omitempty"`
	// CurveStart is the coverage below which the curve is a straight line from 0 (grader.CurveStart).
	CurveStart float64 `json:"curve_start,omitempty"`

	// Todo marks an answer with no words yet: a blank or untouched template. It scores 0 and does not
	// pass, but it is work not yet done rather than a wrong answer, so reports show it as "to do" and
	// a run fails on it only when asked to (report.Report.TodoFails).
	Todo bool `json:"todo,omitempty"`
}

// Cap is a limit placed on the score, with its reason.
type Cap struct {
	Limit  int    `json:"limit"`
	Reason string `json:"reason"`
}

// Evidence is where in the answer a check matched: positions are 1-based, columns count code points, and
// offsets are bytes into the file as it is on disk (Input.Map), as README's "Positions" defines them.
type Evidence struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	Text      string `json:"text"`
	Phrasing  string `json:"phrasing"`
	Typo      bool   `json:"typo,omitempty"` // matched through a corrected misspelling
}

// ConceptResult says whether a concept was covered and what it earned.
type ConceptResult struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Weight    float64    `json:"weight"`
	Required  bool       `json:"required"`
	Covered   bool       `json:"covered"`
	Points    float64    `json:"points"`           // points earned
	MaxPoints float64    `json:"max_points"`       // points it is worth
	Credit    float64    `json:"credit,omitempty"` // share earned when partly covered (partial credit), 0 < credit < 1
	Hint      string     `json:"hint"`
	Evidence  []Evidence `json:"evidence"`
}

// MistakeResult is a flagged mistake.
type MistakeResult struct {
	ID       string          `json:"id"`
	Message  string          `json:"message"`
	Advice   string          `json:"advice"`
	Severity rubric.Severity `json:"severity"`
	Penalty  float64         `json:"penalty"`
	Evidence []Evidence      `json:"evidence"`
}

// Suppressed is a flagged mistake that an in-answer suppression turned off.
type Suppressed struct {
	Mistake MistakeResult `json:"mistake"`
	Reason  string        `json:"reason"`
	Line    int           `json:"line"` // where the suppression comment is
	Column  int           `json:"column"`
}

// Rejection is a mention of a mistake that the answer negated ("we never run apply from a laptop"), so
// it was not flagged.
type Rejection struct {
	Mistake  string   `json:"mistake"`
	Trigger  string   `json:"trigger"`
	Text     string   `json:"text"`
	Evidence Evidence `json:"evidence"`
}

// StructureResult reports how the answer follows the rubric's framework.
type StructureResult struct {
	Name    string       `json:"name"`
	Covered int          `json:"covered"`
	Total   int          `json:"total"`
	InOrder bool         `json:"in_order"`
	Points  float64      `json:"points"`
	Steps   []StepResult `json:"steps"`
}

// StepResult is one framework step.
type StepResult struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Covered  bool      `json:"covered"`
	Evidence *Evidence `json:"evidence,omitempty"`
}

// Warning is something about the answer itself worth telling (empty, too short, invalid UTF-8).
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}
