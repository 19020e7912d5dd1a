// Package draft turns model answers into a draft rubric: the answers' key phrases (runs of content words)
// become concepts weighted by how much they say, words that merely repeat the question count for
// little, and every concept earns partial credit. The draft is YAML that passes `answerlint rubric
// lint`, ready for a person to edit.
package draft

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/answerlint/answerlint/text"
)

// Options describe the rubric to draft.
type Options struct {
	ID       string   // rubric id; derived from the question when empty
	Title    string   // derived from the question when empty
	Question string   // the question; its words count for little in the answer
	Answers  []string // one or more model answers
	Source   string   // where the model answers come from, for the rubric's source field
	// Specificity, when not nil, weighs each word by how informative it is among the questions drafted
	// together (NewSpecificity).
	Specificity *Specificity
	// Alternatives are other model answers to the same question, drafted into rubrics of their own: they
	// add no concept, but a word they share with Answers weighs more, as a word every model answer uses.
	Alternatives []string
}

// Weights of a word in a concept. A word the question already uses is weak evidence: students restate
// the question. A word every model answer uses is firmer than one only some of them use.
const (
	newWordWeight      = 1.0
	questionWordWeight = 0.1
	maxPhraseWords     = 4
	// shortQuestionWords is how many distinct content words a question can have for an answer to restate
	// it whole. A question longer than that (a scenario: "Jack made a lifeboat out of a large paper cup
	// … Identify the standard for Jack's experiment") is not restated whole: an answer picks from it the
	// few words that answer it ("the boat with 0 marbles"), so each of its words is firmer evidence, in
	// proportion to the question's length (questionWeight).
	shortQuestionWords = 15
)

// questionWeight is the weight of a word the question uses, for a question of n distinct content words:
// questionWordWeight up to shortQuestionWords, growing in proportion to n beyond (twice as long, twice
// the weight), never above a new word's. Measured on the four public sets (README, "How good is it?"):
// with 10, 15 or 20 as the short question's length, SciEntsBank's weighted F1 0.7067 → 0.7116–0.7128
// and SAF r 0.7585 → 0.7584–0.7610; no Mohler or Beetle question is that long.
func questionWeight(n int) float64 {
	if n <= shortQuestionWords {
		return questionWordWeight
	}
	return min(newWordWeight, questionWordWeight*float64(n)/shortQuestionWords)
}

// contentWords counts the distinct content words of a text.
func contentWords(d *text.Doc) int {
	seen := map[string]bool{}
	for _, t := range d.Tokens {
		if !t.Stop {
			seen[t.Term] = true
		}
	}
	return len(seen)
}

// phrase is a key phrase of the model answers: a run of content words within one clause.
type phrase struct {
	terms    []string // stems, for de-duplication and weighting
	surfaces []string // the words as written, lower-cased: the phrasing
	stops    []bool   // which words are stop words (an acronym's spelling keeps them: "quality of service")
	text     string   // the words as written in the answer
	sentence string   // the sentence it comes from, for the hint
	question bool     // every word repeats the question
	negated  bool     // the model answer negates it ("are not connected"): it counts only when negated
	weight   float64
}

// keyPhrases finds the key phrases of the model answers, each word kept once (in the first phrase that
// has it), weighted by whether it repeats the question and by how many model answers use it, counting
// the alternatives drafted apart. Drafted from several model answers, what they share says which words
// matter (Beetle, several references a question, weighted F1 0.753 → 0.760); from one, how few other
// questions use a word does (spec: SciEntsBank 0.686 → 0.701, while on top of the alternatives it
// took Beetle back to 0.749, boosting words such as "still" and "contained" that only one of several
// references happens to use).
func keyPhrases(a *text.Analyzer, question string, answers, alternatives []string, spec *Specificity) []phrase {
	qdoc := a.Analyze(question, 0, len(question))
	qterms, qweight := termSet(qdoc), questionWeight(contentWords(qdoc))
	docs := make([]*text.Doc, len(answers))
	uses := map[string]int{} // term → number of model answers that use it
	for k, ans := range answers {
		docs[k] = a.Analyze(ans, 0, len(ans))
		for t := range termSet(docs[k]) {
			uses[t]++
		}
	}
	for _, alt := range alternatives {
		for t := range termSet(a.Analyze(alt, 0, len(alt))) {
			uses[t]++
		}
	}
	models := float64(len(answers) + len(alternatives))
	if models > 1 {
		spec = nil
	}
	// Weighed by specificity, each word is a concept of its own: a concept's partial credit counts its
	// words alike, so inside a phrase "voltage" would weigh as much as "difference", and the weight
	// specificity gave each word would be lost (Mohler r 0.6105 → 0.6144, SAF 0.7503 → 0.7537, paired
	// bootstrap over questions +0.0003 to +0.0078 and +0.0007 to +0.0067; SemEval's weighted F1 moves by
	// 0.002 or less). Without it the words of a phrase weigh alike anyway, and phrases read better.
	maxWords := maxPhraseWords
	if spec != nil {
		maxWords = 1
	}
	seen := map[string]bool{}
	var out []phrase
	for _, d := range docs {
		for _, run := range runs(d, append(acronymsOf(d.Src), compoundsIn(a, d)...), maxWords) {
			for _, p := range splitByQuestion(d, run, qterms) {
				if p = dedupe(p, seen); len(p.terms) == 0 {
					continue
				}
				for _, t := range p.terms {
					base := newWordWeight
					if p.question {
						base = qweight
					}
					if isLabel(t) {
						base *= labelWeight
					}
					p.weight += base * spec.Weight(t) * (0.5 + 0.5*float64(uses[t])/models)
				}
				out = append(out, p)
			}
		}
	}
	return out
}

// labelWeight is what a single-letter word weighs beside another word. A letter names a part or a
// variable ("bulbs A and C", "switch X", "n items"), and answers refer to the parts by a pronoun or a
// description ("both of them", "the bulbs in the closed path") as often as by their letters, so a
// drafted letter that an answer leaves out should cost it little. Chosen on the training data (SemEval
// Beetle weighted F1 at 1, 0.5, 0.25, 0.1 and 0: 0.7569, 0.7667, 0.7721, 0.7725, 0.7728; Mohler r
// 0.6212 at 1, 0.6223 at 0.25; SAF r 0.7613 and 0.7590; SciEntsBank 0.7165 and 0.7163); digits are left
// alone (a number is a value the answer must give: with them, SAF 0.7557).
const labelWeight = 0.25

// isLabel reports whether a term is a single letter a–z.
func isLabel(t string) bool { return len(t) == 1 && t[0] >= 'a' && t[0] <= 'z' }

// termSet is every content term of a text, with its synonym and compound readings.
func termSet(d *text.Doc) map[string]bool {
	set := map[string]bool{}
	for i, t := range d.Tokens {
		if t.Stop {
			continue
		}
		set[t.Term] = true
		for _, alt := range d.AltsAt(i) {
			set[alt.Term] = true
		}
	}
	return set
}

// runs splits a text into runs of key words: words that stand next to each other in one clause, with
// no stop word, negation, comma or other punctuation between them (a hyphen or slash joins), at most
// maxWords of them. The words
// of an acronym's spelling are one run, however many, and the acronym in brackets after them is left out:
// the draft's synonyms make it read as its spelling.
func runs(d *text.Doc, acronyms []acronym, maxWords int) [][]int {
	var out [][]int
	var cur []int
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	spelled := func(t text.Token) (acronym, bool) {
		for _, a := range acronyms {
			if t.Start >= a.from && t.End <= a.end {
				return a, true
			}
		}
		return acronym{}, false
	}
	inSpelling := false
	for i, t := range d.Tokens {
		a, ok := spelled(t)
		switch {
		case ok && t.Start >= a.to: // the acronym itself
			flush()
			inSpelling = false
			continue
		case ok && !inSpelling:
			flush()
			inSpelling = true
			cur = append(cur, i)
			continue
		case ok:
			cur = append(cur, i)
			continue
		case inSpelling:
			flush()
			inSpelling = false
		}
		if !isKeyWord(t) {
			flush()
			continue
		}
		if len(cur) > 0 && (!adjacent(d, cur[len(cur)-1], i) || len(cur) == maxWords) {
			flush()
		}
		cur = append(cur, i)
	}
	flush()
	return out
}

func isKeyWord(t text.Token) bool {
	if t.Stop || notKeyWords()[t.Surface] {
		return false
	}
	for _, r := range t.Surface {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			return true
		}
	}
	return false
}

func adjacent(d *text.Doc, a, b int) bool {
	ta, tb := d.Tokens[a], d.Tokens[b]
	if ta.Sentence != tb.Sentence || ta.Clause != tb.Clause || tb.Comma {
		return false
	}
	return tb.Joined || strings.TrimSpace(d.Src[ta.End:tb.Start]) == ""
}

// splitByQuestion cuts a run where it passes between words the question uses and words it does not,
// so that the new words are weighed on their own.
func splitByQuestion(d *text.Doc, run []int, qterms map[string]bool) []phrase {
	inQuestion := func(i int) bool {
		if qterms[d.Tokens[i].Term] {
			return true
		}
		for _, alt := range d.AltsAt(i) {
			if alt.Span == 1 && qterms[alt.Term] {
				return true
			}
		}
		return false
	}
	var out []phrase
	start := 0
	for k := 1; k <= len(run); k++ {
		if k < len(run) && inQuestion(run[k]) == inQuestion(run[start]) {
			continue
		}
		out = append(out, makePhrase(d, run[start:k], inQuestion(run[start])))
		start = k
	}
	return out
}

func makePhrase(d *text.Doc, run []int, question bool) phrase {
	first, last := d.Tokens[run[0]], d.Tokens[run[len(run)-1]]
	p := phrase{text: collapse(d.Src[first.Start:last.End]), question: question, sentence: sentenceOf(d, run[0]),
		negated: deniedHere(d, run)}
	for _, i := range run {
		p.terms = append(p.terms, d.Tokens[i].Term)
		p.surfaces = append(p.surfaces, d.Tokens[i].Surface)
		p.stops = append(p.stops, d.Tokens[i].Stop)
	}
	return p
}

// deniedHere reports whether a negation stands right before a run, with nothing but stop words between
// them in the same clause ("are not connected", "not in the same path", "no gap"). A run further on in
// the negation's scope is more often a comparison or a detail ("did not produce as much gas") than the
// thing denied, and students say it in other ways ("less gas"): it keeps earning credit when stated.
func deniedHere(d *text.Doc, run []int) bool {
	by := d.Negation(run[0], run[len(run)-1], nil)
	if by < 0 || by > run[0] {
		return false
	}
	for k := by + 1; k <= run[0]; k++ {
		t := d.Tokens[k]
		if t.Comma || t.Clause != d.Tokens[by].Clause {
			return false
		}
		if k < run[0] && !t.Stop && !t.Trigger {
			return false
		}
	}
	return true
}

// dedupe drops the words of a phrase that an earlier phrase already has, and marks the rest seen. A
// phrase left with stop words alone ("of" of "quality of service", its other words taken) is dropped
// whole: it could never match.
func dedupe(p phrase, seen map[string]bool) phrase {
	var terms, surfaces []string
	var stops []bool
	content := false
	for i, t := range p.terms {
		if p.negated {
			t = "not " + t // a word denied and the same word stated are different things to know
		}
		if seen[t] {
			continue
		}
		seen[t] = true
		terms, surfaces, stops = append(terms, t), append(surfaces, p.surfaces[i]), append(stops, p.stops[i])
		content = content || !p.stops[i]
	}
	if !content {
		terms, surfaces, stops = nil, nil, nil
	}
	if len(terms) != len(p.terms) {
		p.text = strings.Join(surfaces, " ")
	}
	p.terms, p.surfaces, p.stops = terms, surfaces, stops
	return p
}

func sentenceOf(d *text.Doc, i int) string {
	s := d.Tokens[i].Sentence
	first, last := i, i
	for first > 0 && d.Tokens[first-1].Sentence == s {
		first--
	}
	for last+1 < len(d.Tokens) && d.Tokens[last+1].Sentence == s {
		last++
	}
	return collapse(d.Src[d.Tokens[first].Start:d.Tokens[last].End])
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// Draft drafts a rubric from model answers and returns it as YAML that passes `answerlint rubric lint`.
func Draft(opts Options) ([]byte, error) {
	var answers []string
	for _, a := range opts.Answers {
		if strings.TrimSpace(a) != "" {
			answers = append(answers, a)
		}
	}
	if len(answers) == 0 {
		return nil, errors.New("no model answer to draft from")
	}
	a := text.NewAnalyzer(text.DefaultSynonyms, nil)
	phrases := keyPhrases(a, opts.Question, answers, opts.Alternatives, opts.Specificity)
	if len(phrases) == 0 {
		return nil, errors.New("the model answers have no content words to build concepts from")
	}
	doc := newDocument(opts, answers, phrases)
	doc.Synonyms = append(synonymsFor(a, answers), acronymGroups(answers)...)
	if madeOfQuestion(a, opts.Question, answers) {
		// The model answer is made of the question's words ("the terminals are connected" to a question
		// about the connection between terminals): an answer in those words is the answer, not the
		// question restated, and they are all it has to go by. The question stays in the title only.
		without := opts
		if without.Title == "" {
			without.Title = shorten(collapse(opts.Question), 80)
		}
		without.Question = ""
		doc = newDocument(without, answers, keyPhrases(a, "", answers, opts.Alternatives, opts.Specificity))
		doc.Synonyms = append(synonymsFor(a, answers), acronymGroups(answers)...)
	}
	spreadCompounds(a, doc, answers)
	if err := doc.addExamples(); err != nil {
		return nil, fmt.Errorf("drafting %s: %w", doc.ID, err)
	}
	return doc.marshal()
}

// madeOfQuestion reports whether some model answer has no content word of its own: every one comes from
// the question. (With a word of its own, the question's words are rightly the weaker evidence.)
func madeOfQuestion(a *text.Analyzer, question string, answers []string) bool {
	if strings.TrimSpace(question) == "" {
		return false
	}
	qterms := termSet(a.Analyze(question, 0, len(question)))
	for _, ans := range answers {
		content, fromQuestion := 0, 0
		for _, t := range a.Analyze(ans, 0, len(ans)).Tokens {
			if t.Stop {
				continue
			}
			content++
			if qterms[t.Term] {
				fromQuestion++
			}
		}
		if content > 0 && fromQuestion == content {
			return true
		}
	}
	return false
}

// AlternativeID is the id of the n-th (from 1) of several rubrics drafted one per model answer, as
// alternatives to one another: "stack-ref-2". Graded against all of them, an answer keeps its best
// score.
func AlternativeID(id string, n int) string { return fmt.Sprintf("%s-ref-%d", id, n) }

// AlternativesTo is every model answer but the n-th (from 0): the alternatives to it, when each is
// drafted into a rubric of its own (Options.Alternatives).
func AlternativesTo(answers []string, n int) []string {
	out := make([]string, 0, len(answers))
	out = append(out, answers[:n]...)
	return append(out, answers[n+1:]...)
}

// synonymsFor picks the thesaurus groups that the model answers use: a group is kept when every word of
// one of its members occurs in an answer.
func synonymsFor(a *text.Analyzer, answers []string) []group {
	used := map[string]bool{}
	for _, ans := range answers {
		for _, t := range a.Analyze(ans, 0, len(ans)).Tokens {
			if !t.Stop {
				used[t.Term] = true
			}
		}
	}
	var out []group
	for _, g := range thesaurus {
		for _, member := range g {
			if allUsed(a, member, used) {
				out = append(out, group(g))
				break
			}
		}
	}
	return out
}

func allUsed(a *text.Analyzer, member string, used map[string]bool) bool {
	d := a.Analyze(member, 0, len(member))
	n := 0
	for _, t := range d.Tokens {
		if t.Stop {
			continue
		}
		if !used[t.Term] {
			return false
		}
		n++
	}
	return n > 0
}

// spreadCompounds gives a concept drafted from a compound term of the thesaurus that the model answers
// write ("last in first out", "binary search tree"), or from a word of it, the compound's acronym as a
// phrasing ("LIFO", "BST") when the model answers do not write the acronym themselves. The group's
// reading of the acronym as the compound does not reach a concept of one of its words, nor, in every
// case, the compound written with its function words: "It is LIFO" would earn nothing.
func spreadCompounds(a *text.Analyzer, doc *document, answers []string) {
	var seqs [][]string
	for _, ans := range answers {
		seqs = append(seqs, contentTerms(a, ans))
	}
	for _, g := range doc.Synonyms {
		for _, member := range g {
			terms := contentTerms(a, member)
			if len(terms) < 2 || !writtenIn(terms, seqs) {
				continue
			}
			in := map[string]bool{}
			for _, t := range terms {
				in[t] = true
			}
			for i := range doc.Concepts {
				c := &doc.Concepts[i]
				if c.Polarity != "" || !allIn(contentTerms(a, c.Match[0]), in) {
					continue
				}
				for _, short := range g {
					if isAcronymOf(a, short, member) && !slices.Contains(c.Match, short) && !writtenIn(contentTerms(a, short), seqs) {
						c.Match = append(c.Match, short)
					}
				}
			}
		}
	}
}

// contentTerms is the stems of a text's content words, in order.
func contentTerms(a *text.Analyzer, s string) []string {
	var out []string
	for _, t := range a.Analyze(s, 0, len(s)).Tokens {
		if !t.Stop {
			out = append(out, t.Term)
		}
	}
	return out
}

// writtenIn reports whether terms stand next to one another, in order, in one of seqs.
func writtenIn(terms []string, seqs [][]string) bool {
	for _, seq := range seqs {
		for i := 0; i+len(terms) <= len(seq); i++ {
			if slices.Equal(seq[i:i+len(terms)], terms) {
				return true
			}
		}
	}
	return false
}

func allIn(terms []string, set map[string]bool) bool {
	for _, t := range terms {
		if !set[t] {
			return false
		}
	}
	return len(terms) > 0
}

// isAcronymOf reports whether short is one word made of the initials of the words of long, with or without
// its function words ("lifo" of "last in first out", "bst" of "binary search tree").
func isAcronymOf(a *text.Analyzer, short, long string) bool {
	toks := a.Analyze(long, 0, len(long)).Tokens
	if len(toks) < 2 || strings.ContainsAny(short, " -") {
		return false
	}
	var all, content strings.Builder
	for _, t := range toks {
		all.WriteByte(t.Surface[0])
		if !t.Stop {
			content.WriteByte(t.Surface[0])
		}
	}
	short = strings.ToLower(short)
	return short == all.String() || short == content.String()
}

// compoundsIn finds where a text writes a thesaurus member of several words that has an acronym in its
// group ("last in first out", "binary search tree"), as spans that runs keeps whole, like an acronym's
// spelling: the compound is one concept, which the group makes read as its acronym too ("LIFO"), where
// runs would cut it at its function words and let it run on into the words beside it ("taken out last").
func compoundsIn(a *text.Analyzer, d *text.Doc) []acronym {
	var out []acronym
	for _, g := range thesaurus {
		for _, member := range g {
			if !hasAcronym(a, g, member) {
				continue
			}
			terms := allTerms(a, member)
			for i := 0; i+len(terms) <= len(d.Tokens); i++ {
				if equalTerms(d.Tokens[i:i+len(terms)], terms) {
					end := d.Tokens[i+len(terms)-1].End
					out = append(out, acronym{spelled: member, from: d.Tokens[i].Start, to: end, end: end})
				}
			}
		}
	}
	return out
}

// hasAcronym reports whether a group has the acronym of one of its members.
func hasAcronym(a *text.Analyzer, g []string, member string) bool {
	for _, other := range g {
		if isAcronymOf(a, other, member) {
			return true
		}
	}
	return false
}

func allTerms(a *text.Analyzer, s string) []string {
	var out []string
	for _, t := range a.Analyze(s, 0, len(s)).Tokens {
		out = append(out, t.Term)
	}
	return out
}

func equalTerms(toks []text.Token, terms []string) bool {
	for k, t := range toks {
		if t.Term != terms[k] {
			return false
		}
	}
	return true
}
