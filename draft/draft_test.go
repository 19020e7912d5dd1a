package draft

import (
	"slices"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

func parse(t *testing.T, opts Options) *rubric.Rubric {
	t.Helper()
	b, err := Draft(opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse("draft.yaml", b)
	if err != nil {
		t.Fatalf("the draft does not parse: %v\n%s", err, b)
	}
	return r
}

func conceptNamed(r *rubric.Rubric, name string) *rubric.Concept {
	for i := range r.Concepts {
		if r.Concepts[i].Name == name {
			return &r.Concepts[i]
		}
	}
	return nil
}

// TestDraftPassesLint drafts from a few kinds of model answer and runs the draft's own examples, as
// `answerlint rubric lint` does.
func TestDraftPassesLint(t *testing.T) {
	tests := []Options{
		{Question: "What is the role of a prototype program in problem solving?", Answers: []string{"To simulate the behaviour of portions of the desired software product."}},
		{Question: "What is a stack?", Answers: []string{"A data structure that can store elements, which has the property that the last item added will be the first to be removed (or last-in-first-out)."}},
		{Answers: []string{"## Rollouts\n\n- Use a **canary** with automated analysis.\n- Roll back on SLO burn.\n"}},
		{Question: "How do you keep Terraform changes safe?", Answers: []string{"Remote state with locking, plans reviewed in pull requests.", "State lives in S3 with DynamoDB locking; every plan is reviewed."}},
	}
	for _, opts := range tests {
		r := parse(t, opts)
		if !r.Partial || r.Curve != draftCurve || !r.HasTag("draft") {
			t.Errorf("%s: partial %v, curve %v, tags %v", r.ID, r.Partial, r.Curve, r.Tags)
		}
		if len(r.Examples) < len(opts.Answers) {
			t.Errorf("%s: %d examples for %d model answers", r.ID, len(r.Examples), len(opts.Answers))
		}
		c := grader.Compile(r)
		for _, f := range c.CheckExamples(c.GradeExample) {
			t.Errorf("%s", f.Error())
		}
	}
}

func TestDraftKeyPhrases(t *testing.T) {
	r := parse(t, Options{
		ID:       "recursion",
		Question: "When defining a recursive function, what are possible causes for infinite recursion?",
		Answers:  []string{"If the recursion step is defined incorrectly, or if the base case is not included."},
	})
	if r.ID != "recursion" || !strings.HasPrefix(r.Title, "When defining a recursive function") {
		t.Errorf("id %q, title %q", r.ID, r.Title)
	}
	var names []string
	for _, c := range r.Concepts {
		names = append(names, c.Name)
	}
	got := strings.Join(names, " | ")
	// "recursion" repeats the question and is split from "step"; "not" is never a word of a concept, but
	// what it denies is a concept of its own ("not included"); stop words ("the", "is", "if") end phrases.
	if want := "recursion | step | defined | incorrectly | base case | not included"; got != want {
		t.Errorf("concepts = %q, want %q", got, want)
	}
	if c := conceptNamed(r, "recursion"); c == nil || c.Weight != questionWordWeight || !strings.Contains(c.Hint, "Repeats the question") {
		t.Errorf("a word of the question must weigh %v: %+v", questionWordWeight, c)
	}
	if c := conceptNamed(r, "base case"); c == nil || c.Weight != 2 || c.Match[0].Text != "base case" {
		t.Errorf("a two-word phrase weighs 2: %+v", c)
	}
}

func TestDraftSeveralAnswers(t *testing.T) {
	r := parse(t, Options{ID: "queue", Question: "What is a queue?", Answers: []string{
		"A FIFO structure with enqueue and dequeue.",
		"First in, first out: enqueue at the rear.",
	}})
	enq, fifo := conceptNamed(r, "enqueue"), conceptNamed(r, "FIFO structure")
	if enq == nil || fifo == nil {
		t.Fatalf("concepts: %+v", r.Concepts)
	}
	// "enqueue" is in both answers: a full weight of 1; "fifo" and "structure" are in one each: 0.75 each.
	if enq.Weight != 1 || fifo.Weight != 1.5 {
		t.Errorf("weights: enqueue %v, FIFO structure %v", enq.Weight, fifo.Weight)
	}
	// Each word is kept once: the second answer's "enqueue" adds no concept.
	n := 0
	for _, c := range r.Concepts {
		if strings.Contains(c.Match[0].Text, "enqueue") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d concepts hold enqueue, want 1", n)
	}
}

func TestDraftErrors(t *testing.T) {
	if _, err := Draft(Options{Answers: []string{"  \n"}}); err == nil {
		t.Error("an empty model answer must be refused")
	}
	if _, err := Draft(Options{Answers: []string{"It is what it is, and so on."}}); err == nil || !strings.Contains(err.Error(), "no content words") {
		t.Errorf("an answer of stop words: %v", err)
	}
}

func TestDraftPlaceholderQuestion(t *testing.T) {
	r := parse(t, Options{Answers: []string{"Blue-green deployment keeps two environments."}})
	if !strings.HasPrefix(r.Question, "TODO") || r.ID == "" || !strings.HasPrefix(r.Title, "Draft rubric: ") {
		t.Errorf("question %q, id %q, title %q", r.Question, r.ID, r.Title)
	}
}

func TestKebabAndShorten(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"What is a stack?", 40, "what-is-a-stack"},
		{"What is the role of a prototype program", 20, "what-is-the-role-of"},
		{"averyveryverylongsingleword", 12, "averyveryver"},
		{"Ünïcode only", 40, "n-code-only"},
	}
	for _, tt := range tests {
		if got := kebab(tt.in, tt.n); got != tt.want {
			t.Errorf("kebab(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
	if got := shorten("one two three four five six", 14); got != "one two three…" {
		t.Errorf("shorten = %q", got)
	}
}

func TestDraftCarriesSynonymsItsAnswersUse(t *testing.T) {
	r := parse(t, Options{ID: "linked-lists", Question: "What is the main advantage of linked lists over arrays?", Answers: []string{"The linked lists can be of variable length."}})
	found := false
	for _, g := range r.Synonyms {
		if g[0] == "size" {
			found = true
		}
		if g[0] == "delete" {
			t.Errorf("a group the answer does not use was added: %v", g)
		}
	}
	if !found {
		t.Fatalf("the size/length group is missing: %v", r.Synonyms)
	}
	c := grader.Compile(r)
	if res := c.Grade(grader.Input{Text: "Their size can change."}); res.Score < 60 {
		t.Errorf("size for length: score %d, want a pass", res.Score)
	}
}

func TestThesaurusGroupsAreDistinct(t *testing.T) {
	first := map[string]bool{}
	for _, g := range thesaurus {
		if len(g) < 2 {
			t.Errorf("group %v needs two members", g)
		}
		if first[g[0]] {
			t.Errorf("two groups start with %q: the first member names a group", g[0])
		}
		first[g[0]] = true
	}
}

func TestDraftIDsAreUnique(t *testing.T) {
	// "Café" and "caf" are different words with the same id, and "caf 2" would take the next id.
	r := parse(t, Options{ID: "words", Answers: []string{"Café; caf. Then caf 2."}})
	if len(r.Concepts) < 3 {
		t.Fatalf("concepts: %+v", r.Concepts)
	}
	seen := map[string]bool{}
	for _, c := range r.Concepts {
		if seen[c.ID] {
			t.Errorf("duplicate concept id %q", c.ID)
		}
		seen[c.ID] = true
	}
}

// TestDraftKeepsWhatTheModelAnswerDenies: a word the model answer negates counts only when the answer
// negates it too, and a word one model answer negates and another states are two concepts.
func TestDraftKeepsWhatTheModelAnswerDenies(t *testing.T) {
	r := parse(t, Options{ID: "gap", Question: "Why is the voltage 1.5 between terminal 1 and the positive terminal?", Answers: []string{
		"Terminal 1 and the positive terminal are not connected.",
		"Terminal 1 is connected to the negative battery terminal.",
	}})
	denied, stated := conceptNamed(r, "not connected"), conceptNamed(r, "connected")
	if denied == nil || denied.Polarity != rubric.PolarityNegative {
		t.Fatalf("the denied word must be a negative concept: %+v", r.Concepts)
	}
	if stated == nil || stated.Polarity == rubric.PolarityNegative {
		t.Fatalf("the stated word must be a concept of its own: %+v", r.Concepts)
	}
	c := grader.Compile(r)
	tests := []struct {
		answer  string
		covered bool
	}{
		{"They are not connected to each other.", true},
		{"There is no connection between them.", true}, // the same stem
		{"They are connected to each other.", false},
	}
	for _, tt := range tests {
		res := c.Grade(grader.Input{Text: tt.answer})
		for _, cr := range res.Concepts {
			if cr.ID == denied.ID && cr.Covered != tt.covered {
				t.Errorf("%q: %q covered = %v, want %v", tt.answer, denied.Name, cr.Covered, tt.covered)
			}
		}
	}
}

// TestDraftOfQuestionWords: a model answer made of the question's words is the answer, not the question
// restated, so the draft does not discount those words, and answers in them pass.
func TestDraftOfQuestionWords(t *testing.T) {
	opts := Options{ID: "zero", Question: "What does a reading of 0 tell you about the connection between a bulb terminal and a battery terminal?",
		Answers: []string{"The terminals are connected."}}
	r := parse(t, opts)
	if !strings.HasPrefix(r.Title, "What does a reading of 0") {
		t.Errorf("the question must stay in the title: %q", r.Title)
	}
	c := grader.Compile(r)
	if res := c.Grade(grader.Input{Text: "The bulb terminal is connected to the battery terminal."}); res.Score < rubric.DefaultPass {
		t.Errorf("an answer in the question's words that says what the model answer says: score %d, want a pass", res.Score)
	}
	if res := c.Grade(grader.Input{Text: "The bulb is broken."}); res.Score >= rubric.DefaultPass {
		t.Errorf("an answer without the model answer's point: score %d, want a fail", res.Score)
	}
}

// TestDraftMatchesOtherFormsOfAWord: an answer that uses a word of the model answer in a form stemming
// leaves apart (an adjective in another degree, "long" for "longer"; the noun of a verb, "absorption"
// for "absorbs") earns what the same answer with the model answer's own word earns, and more than one
// with an unrelated word in its place.
func TestDraftMatchesOtherFormsOfAWord(t *testing.T) {
	tests := []struct {
		model, same, other, unrelated string
	}{
		{"When the string is longer, the pitch will be lower.",
			"A long string makes a low pitch.", "A longer string makes a lower pitch.", "A red string makes a sharp pitch."},
		{"The contour lines are closest together at Q.",
			"The contour lines are closer together there.", "The contour lines are closest together there.", "The contour lines are drawn together there."},
		{"Metal is harder than wood, so it scratches the wood.",
			"The hardest one scratches the other.", "The harder one scratches the other.", "The shiny one scratches the other."},
		{"A thicker wire carries more current.",
			"Thick wire carries more current.", "Thicker wire carries more current.", "Copper wire carries more current."},
		{"Dark soil absorbs heat from the sun.",
			"Heat absorption is higher for dark soil.", "Heat absorbs is higher for dark soil.", "Heat reflects is higher for dark soil."},
		{"The packets are transmitted over a shared link.",
			"Transmission happens over one shared link.", "Transmitted happens over one shared link.", "Routing happens over one shared link."},
		{"Use a tape to measure the depth of the water.",
			"Check how deep the water is with a tape.", "Check how depth the water is with a tape.", "Check how warm the water is with a tape."},
		{"The metal expands when heated.",
			"Heating causes expansion of the metal.", "Heating causes expands of the metal.", "Heating causes rusting of the metal."},
	}
	for _, tt := range tests {
		t.Run(tt.model, func(t *testing.T) {
			c := grader.Compile(parse(t, Options{Question: "Explain what you observed.", Answers: []string{tt.model}}))
			score := func(s string) float64 { return c.Grade(grader.Input{Text: s}).Unrounded() }
			same, other, unrelated := score(tt.same), score(tt.other), score(tt.unrelated)
			if same != other {
				t.Errorf("%q scores %.1f, %q %.1f: want the same", tt.same, same, tt.other, other)
			}
			if !(same > unrelated) {
				t.Errorf("%q scores %.1f, not more than %q (%.1f)", tt.same, same, tt.unrelated, unrelated)
			}
		})
	}
}

// TestDraftWeighsTheWordsOfALongQuestionMore: a word that the model answer takes from a short question
// weighs questionWordWeight; taken from a long scenario, which no answer restates whole, it weighs more,
// the more the longer the question, and never more than a word of the answer's own.
func TestDraftWeighsTheWordsOfALongQuestionMore(t *testing.T) {
	tests := []struct {
		name, short, long, answer, word string
	}{
		{"experiment", "What is the standard for the boat experiment?",
			"Jack made a lifeboat out of a large paper cup. He decided to measure how far the boat sank when different numbers of marbles were added, and wrote the depth for each number in a table. Identify the standard for his experiment.",
			"The boat with no marbles is the standard.", "boat"},
		{"networks", "Why do routers drop packets from their queues?",
			"A campus network connects three buildings through two routers over fibre links. During exams the traffic between the library and the dormitories doubles, queues grow and some packets are dropped. Explain why routers drop packets.",
			"Routers drop packets when their queues overflow.", "queues"},
		{"circuit", "Why is bulb A off when the switch is open?",
			"Sam built a circuit with a battery, a switch, three bulbs labelled A, B and C, and wires of different lengths on a wooden board. When he opened the switch, bulb A went off but bulbs B and C stayed on. Why is bulb A off?",
			"Bulb A is in the path with the open switch.", "switch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			weight := func(question string) float64 {
				return wordWeight(t, parse(t, Options{Question: question, Answers: []string{tt.answer}}), tt.word)
			}
			short, long := weight(tt.short), weight(tt.long)
			if !(long > short) {
				t.Errorf("%q weighs %.2f from the long question, not more than %.2f from the short one", tt.word, long, short)
			}
			if long > newWordWeight {
				t.Errorf("%q weighs %.2f from the long question, more than a new word", tt.word, long)
			}
		})
	}
	for _, n := range []int{0, 5, shortQuestionWords} {
		if w := questionWeight(n); w != questionWordWeight {
			t.Errorf("questionWeight(%d) = %v, want %v", n, w, questionWordWeight)
		}
	}
	if a, b := questionWeight(2*shortQuestionWords), questionWeight(4*shortQuestionWords); !(a > questionWordWeight && b > a && questionWeight(1000) == newWordWeight) {
		t.Errorf("questionWeight does not grow with the question to a new word's weight: %v, %v, %v", a, b, questionWeight(1000))
	}
}

// TestDraftBuildsNoConceptOnAFunctionWord: quantifiers, connectives and relative or reflexive pronouns
// ("both", "each", "because", "whose", "itself") hold no content of their own, so no drafted concept is
// built on one, and an answer that states the model answer's content without them earns what the model
// answer earns.
func TestDraftBuildsNoConceptOnAFunctionWord(t *testing.T) {
	tests := []struct {
		name, question, model, terse string
	}{
		{"quantifier", "Which stages does testing influence?", "Both the coding stage and the refinement stage.", "the coding and refinement stages"},
		{"each", "How is the cache kept consistent?", "Each replica invalidates its entries when every write commits.", "replicas invalidate entries on write commit"},
		{"connective", "Why does the bulb stay dark?", "Because the switch is open, therefore the circuit is broken.", "the switch is open so the circuit is broken"},
		{"relative pronoun", "What is a function pointer?", "A pointer whose value is the address of the function itself.", "a pointer with the function address as its value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parse(t, Options{ID: "f", Question: tt.question, Answers: []string{tt.model}})
			for _, c := range r.Concepts {
				for _, m := range c.Match {
					for _, w := range strings.Fields(m.Text) {
						if slices.Contains(closedClass, w) {
							t.Errorf("concept %q is built on the function word %q", c.Name, w)
						}
					}
				}
			}
			g := grader.Compile(r)
			model, terse := g.Grade(grader.Input{Text: tt.model}).Unrounded(), g.Grade(grader.Input{Text: tt.terse}).Unrounded()
			if terse < model {
				t.Errorf("%q scores %.1f, under the model answer's %.1f", tt.terse, terse, model)
			}
		})
	}
}

// TestDraftKeepsWhileAsALoop: "while" joins clauses, but in a technical answer it names a loop as often,
// so it stays a word a concept can be built on.
func TestDraftKeepsWhileAsALoop(t *testing.T) {
	r := parse(t, Options{ID: "poll", Question: "How does the script wait for the service?", Answers: []string{"A while loop polls the health endpoint."}})
	for _, c := range r.Concepts {
		for _, m := range c.Match {
			if strings.Contains(" "+m.Text+" ", " while ") {
				return
			}
		}
	}
	t.Errorf("no concept matches \"while\": %+v", r.Concepts)
}

// TestDraftWeighsALetterLess: a single letter names a part ("bulb C", "switch X"), which answers as often
// refer to by a pronoun or a description, so its concept weighs labelWeight of a word that is as
// specific; a number is a value the answer must give, and weighs in full.
func TestDraftWeighsALetterLess(t *testing.T) {
	q := "Why do two of the bulbs stay on?"
	model := "Bulb C shares a closed path with the 9 volt battery."
	spec := NewSpecificity([]string{q + " " + model, "What is a saxophone? A tube instrument.", "Why is the sky blue? Light scatters."})
	r := parse(t, Options{Question: q, Answers: []string{model}, Specificity: spec})
	weight := func(id string) float64 {
		t.Helper()
		c := conceptWithID(r, id)
		if c == nil {
			t.Fatalf("no concept %q in %+v", id, r.Concepts)
		}
		return c.Weight
	}
	if letter, word := weight("c"), weight("battery"); !(letter < word) || letter != labelWeight*word {
		t.Errorf("the letter weighs %v, want less than the word's %v: %v of it", letter, word, labelWeight)
	}
	if number, word := weight("9"), weight("battery"); number != word {
		t.Errorf("the number weighs %v, want the word's %v", number, word)
	}
}
