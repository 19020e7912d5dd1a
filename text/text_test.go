package text

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"
)

func surfaces(d *Doc) []string {
	var out []string
	for _, t := range d.Tokens {
		out = append(out, t.Surface)
	}
	return out
}

func TestTokenize(t *testing.T) {
	a := NewAnalyzer(nil, nil)
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"lower-cases and splits on punctuation", "Hello, World!", []string{"hello", "world"}},
		{"en dashes split", "expand–migrate–contract", []string{"expand", "migrate", "contract"}},
		{"em dash splits", "delivery—canary", []string{"delivery", "canary"}},
		{"slashes split", "CI/CD and read/write", []string{"ci", "cd", "and", "read", "write"}},
		{"hyphens split", "hard-coded", []string{"hard", "coded"}},
		{"camelCase splits", "PodDisruptionBudget", []string{"pod", "disruption", "budget"}},
		{"acronym then word", "OOMKilled", []string{"oom", "killed"}},
		{"acronym plurals", "PDBs and SLOs and APIs", []string{"pdb", "and", "slo", "and", "api"}},
		{"letter+digit kept whole", "k8s s3 ec2 p99 137", []string{"k8s", "s3", "ec2", "p99", "137"}},
		{"decimals kept whole", "99.99% uptime", []string{"99.99", "uptime"}},
		{"possessive stripped", "the team's pipeline", []string{"the", "team", "pipeline"}},
		{"contractions kept", "don't won’t", []string{"don't", "won't"}},
		{"a double quote read as the apostrophe of a contraction", `isn"t they"re I"M`, []string{"isn't", "they're", "i'm"}},
		{"a double quote read as the apostrophe of a possessive", `the bulb"s terminal`, []string{"the", "bulb", "terminal"}},
		{"quotes around a word stay quotes", `the "state" file and "t" alone`, []string{"the", "state", "file", "and", "t", "alone"}},
		{"a double quote before other letters stays a quote", `word"quoted"`, []string{"word", "quoted"}},
		{"urls skipped", "see https://example.com/a-b for more", []string{"see", "for", "more"}},
		{"html comments skipped", "a <!-- answerlint rubric=x --> b", []string{"a", "b"}},
		{"flags", "kubectl logs --previous", []string{"kubectl", "logs", "previous"}},
		{"snake_case splits", "error_rate", []string{"error", "rate"}},
		{"unicode letters", "café naïve", []string{"café", "naïve"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := surfaces(a.Analyze(tt.in, 0, len(tt.in)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("tokens of %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOffsetsPointAtWords(t *testing.T) {
	src := "Use PodDisruptionBudgets—and\r\nhard-coded “limits” in k8s, the team's PDBs.\rDone"
	d := NewAnalyzer(nil, nil).Analyze(src, 0, len(src))
	if len(d.Tokens) != 14 {
		t.Fatalf("%d tokens, want 14: %q", len(d.Tokens), surfaces(d))
	}
	for _, tok := range d.Tokens {
		got := strings.ToLower(src[tok.Start:tok.End])
		// A word's offsets cover exactly its letters; an acronym plural's also cover the "s" it drops.
		if got != tok.Surface && got != tok.Surface+"s" {
			t.Errorf("token %q has offsets %d:%d covering %q", tok.Surface, tok.Start, tok.End, got)
		}
	}
}

func TestPositions(t *testing.T) {
	src := "one\r\ntwo\rthree\nfour é five"
	d := NewAnalyzer(nil, nil).Analyze(src, 0, len(src))
	want := map[string]Position{"one": {1, 1}, "two": {2, 1}, "three": {3, 1}, "four": {4, 1}, "five": {4, 8}}
	for _, tok := range d.Tokens {
		if w, ok := want[tok.Surface]; ok {
			if got := d.Pos(tok.Start); got != w {
				t.Errorf("%q at %+v, want %+v", tok.Surface, got, w)
			}
		}
	}
}

func TestSentences(t *testing.T) {
	src := "First, e.g. this one. Second 99.9% here\nstill second.\n\n- third\n- fourth\n# fifth"
	d := NewAnalyzer(nil, nil).Analyze(src, 0, len(src))
	got := map[string]int32{}
	for _, tok := range d.Tokens {
		got[tok.Surface] = tok.Sentence
	}
	if got["first"] != got["one"] {
		t.Errorf("'e.g.' ended a sentence")
	}
	if got["second"] != got["still"] {
		t.Errorf("a wrapped line ended a sentence")
	}
	if got["one"] == got["second"] || got["still"] == got["third"] || got["third"] == got["fourth"] || got["fourth"] == got["fifth"] {
		t.Errorf("missing sentence break: %v", got)
	}
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{"locking": "lock", "locks": "lock", "locked": "lock", "k8s": "k8s", "don't": "don't", "deployments": "deploy"} {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPaths(t *testing.T) {
	a := NewAnalyzer(DefaultSynonyms, nil)
	tests := []struct {
		phrase string
		want   [][]string
	}{
		{"lock the state", [][]string{{"lock", "state"}}},
		{"hard-coded", [][]string{{"hard", "code"}, {"hardcod"}}},
		{"PDB", [][]string{{"pdb"}, {"~pdb"}}},
		{"the of and", nil},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			got := a.Paths(tt.phrase)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Paths(%q) = %q, want %q", tt.phrase, got, tt.want)
			}
		})
	}
}

func TestTypoCorrection(t *testing.T) {
	a := NewAnalyzer(nil, []string{"kubernetes", "rollback", "observability", "state"})
	tests := []struct {
		word string
		want string // "" means no correction
	}{
		{"kuberentes", "kubernetes"},
		{"rollbak", "rollback"},
		{"obervability", "observability"},
		{"states", ""},    // a short English word
		{"stage", ""},     // a short English word
		{"rollbacks", ""}, // same stem: not a typo
		{"xrollback", ""}, // first letter must agree
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := typoReading(a, tt.word); got != tt.want {
				t.Errorf("correction of %q = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

// typoReading returns the typo reading of a lone word, or "".
func typoReading(a *Analyzer, word string) string {
	for _, alt := range a.Analyze(word, 0, len(word)).AltsAt(0) {
		if alt.Kind == AltTypo {
			return alt.Surface
		}
	}
	return ""
}

// TestShortTypoCorrection: a short word is read as a rubric word one edit away only when it is no
// English word and no other rubric word is as near.
func TestShortTypoCorrection(t *testing.T) {
	a := NewAnalyzer(nil, []string{"path", "bulb", "bulk", "closed", "state", "gap"})
	tests := []struct {
		word string
		want string // "" means no correction
	}{
		{"apth", "path"},    // neighbours swapped, the first two included
		{"ppath", "path"},   // a letter doubled
		{"paht", "path"},    // the last two swapped
		{"pxth", "path"},    // a letter changed
		{"cloed", "closed"}, // a letter dropped
		{"blub", "bulb"},    // a swap: "bulk" is two edits away
		{"stae", "state"},   // a letter dropped
		{"patch", ""},       // an English word, one edit from "path"
		{"bath", ""},        // an English word
		{"stage", ""},       // an English word
		{"bulx", ""},        // "bulb" or "bulk": no guess
		{"gpa", ""},         // three letters: too short to say
		{"paths", ""},       // the same stem
		{"zzzzz", ""},       // nothing near
		{"kubernetes", ""},  // nothing near
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := typoReading(a, tt.word); got != tt.want {
				t.Errorf("correction of %q = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

// TestEnglishShort: the embedded list is sorted fixed-width records, and finds its first and last words.
func TestEnglishShort(t *testing.T) {
	if len(englishShort) == 0 || len(englishShort)%englishRecord != 0 {
		t.Fatalf("english_short.txt has %d bytes, not whole records of %d", len(englishShort), englishRecord)
	}
	n := len(englishShort) / englishRecord
	prev := ""
	for i := range n {
		w := strings.TrimRight(englishShort[i*englishRecord:i*englishRecord+6], " ")
		if w <= prev || len(w) < 4 || englishShort[i*englishRecord+6] != '\n' {
			t.Fatalf("record %d %q after %q: not sorted, short or not ended by a newline", i, w, prev)
		}
		prev = w
		if i == 0 || i == n-1 || i%1000 == 0 {
			if !isEnglishShort(w) {
				t.Errorf("%q is in the list but not found", w)
			}
		}
	}
	for _, w := range []string{"path", "patch", "state", "closed", "bulb"} {
		if !isEnglishShort(w) {
			t.Errorf("%q is not found", w)
		}
	}
	for _, w := range []string{"apth", "cloed", "pat", "closing", "pa th", "PATH"} {
		if isEnglishShort(w) {
			t.Errorf("%q is found", w)
		}
	}
}

func TestSynonymAlternatives(t *testing.T) {
	a := NewAnalyzer(DefaultSynonyms, nil)
	for _, in := range []string{"pod disruption budgets", "PDBs", "PodDisruptionBudget"} {
		d := a.Analyze(in, 0, len(in))
		found := false
		for i := range d.Tokens {
			for _, alt := range d.AltsAt(i) {
				if alt.Term == "~pdb" {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%q has no pdb reading", in)
		}
	}
}

func TestSynonymMembersKeepStopWords(t *testing.T) {
	a := NewAnalyzer(DefaultSynonyms, nil)
	in := "Every API call to the payment service is retried once."
	d := a.Analyze(in, 0, len(in))
	for i := range d.Tokens {
		for _, alt := range d.AltsAt(i) {
			if alt.Kind == AltSynonym && strings.Contains(alt.Term, "call") {
				t.Errorf("%q read as %q", d.Tokens[i].Surface, alt.Term)
			}
		}
	}
	in = "who is on call tonight"
	d = a.Analyze(in, 0, len(in))
	found := false
	for i := range d.Tokens {
		for _, alt := range d.AltsAt(i) {
			found = found || alt.Term == "~on_call"
		}
	}
	if !found {
		t.Errorf("%q has no on-call reading", in)
	}
}

func TestTypoIsNotAnotherWord(t *testing.T) {
	a := NewAnalyzer(nil, []string{"project", "deployment"})
	for _, w := range []string{"protected", "protection", "protect"} {
		d := a.Analyze(w, 0, len(w))
		for _, alt := range d.AltsAt(0) {
			if alt.Kind == AltTypo {
				t.Errorf("%q corrected to %q", w, alt.Surface)
			}
		}
	}
	d := a.Analyze("deplyoment", 0, len("deplyoment"))
	if alts := d.AltsAt(0); len(alts) == 0 || alts[0].Surface != "deployment" {
		t.Errorf("a swapped pair in a long word is not corrected: %v", alts)
	}
}

// Interned terms carry their IDs on words and on other readings, and a document knows which IDs it has:
// the words themselves, joined and synonym readings, never a term that is absent or was never interned.
func TestTermIDs(t *testing.T) {
	a := NewAnalyzer(DefaultSynonyms, nil)
	vault, kube, lock := a.Intern("vault"), a.Intern("kubernet"), a.Intern("lock")
	if vault == 0 || kube == 0 || lock == 0 || vault == lock {
		t.Fatalf("Intern gave %d, %d, %d", vault, kube, lock)
	}
	if again := a.Intern("vault"); again != vault {
		t.Errorf("Intern twice gave %d then %d", vault, again)
	}
	src := "We roll back with Vault and state locking."
	d := a.Analyze(src, 0, len(src))
	defer d.Release()
	ids := map[string]int32{}
	for _, tok := range d.Tokens {
		ids[tok.Surface] = tok.ID
	}
	if ids["vault"] != vault || ids["locking"] != lock {
		t.Errorf("token IDs %v: want vault %d, locking %d", ids, vault, lock)
	}
	if ids["with"] != 0 {
		t.Errorf("a word no one interned has ID %d", ids["with"])
	}
	rollback := a.ID("~rollback") // the synonym group {rollback, roll back} reads "roll back" as ~rollback
	for _, tt := range []struct {
		name string
		id   int32
		want bool
	}{{"vault", vault, true}, {"lock", lock, true}, {"roll back as ~rollback", rollback, true}, {"kubernetes, absent", kube, false}, {"no ID", 0, false}, {"an ID past the table", 1 << 20, false}} {
		if got := d.Has(tt.id); got != tt.want {
			t.Errorf("Has(%s = %d) = %v, want %v", tt.name, tt.id, got, tt.want)
		}
	}
	if rollback == 0 {
		t.Error("the synonym group's canonical reading has no ID")
	}
}

// Each analyzer numbers terms its own way, though words remember their terms once for all of them: a
// word met before any analyzer knew its term carries the ID of an analyzer that learns it later, and a
// term one analyzer knows has no ID in another.
func TestTermIDsAcrossAnalyzers(t *testing.T) {
	const src = "The zorblatting frobnicator failed."
	before := NewAnalyzer(nil, nil)
	d := before.Analyze(src, 0, len(src)) // the lexicon meets the words while no one knows them
	for _, tok := range d.Tokens {
		if tok.ID != 0 {
			t.Errorf("%q has ID %d in an analyzer that knows no terms", tok.Surface, tok.ID)
		}
	}
	d.Release()
	a, b := NewAnalyzer(nil, nil), NewAnalyzer(nil, nil)
	b.Intern("other")
	frob := b.Intern(Stem("frobnicator"))
	zorb := a.Intern(Stem("zorblatting"))
	for _, tt := range []struct {
		an         *Analyzer
		name       string
		frob, zorb int32
	}{{a, "a", 0, zorb}, {b, "b", frob, 0}, {before, "the first", 0, 0}} {
		d := tt.an.Analyze(src, 0, len(src))
		ids := map[string]int32{}
		for _, tok := range d.Tokens {
			ids[tok.Surface] = tok.ID
		}
		d.Release()
		if ids["frobnicator"] != tt.frob || ids["zorblatting"] != tt.zorb {
			t.Errorf("analyzer %s: IDs %v, want frobnicator %d, zorblatting %d", tt.name, ids, tt.frob, tt.zorb)
		}
	}
}

// The first word of every trigger or marker phrase carries its set's flag, so that the phrase is looked
// for where the word stands: a set left out of the lazily built index would never match.
func TestPhraseStartsCoverEverySet(t *testing.T) {
	for _, ps := range []*phraseSet{preTriggers, postTriggers, pseudoTriggers, pastMarkers, outcomeMarkers} {
		if len(ps.byFirst()) == 0 {
			t.Fatalf("the set with flag %b has no phrases", ps.flag)
		}
		for first := range ps.byFirst() {
			if newLexeme(first).flags&ps.flag == 0 {
				t.Errorf("%q starts a phrase of the set with flag %b but its lexeme lacks the flag", first, ps.flag)
			}
		}
	}
}

// Long runs of joined words and very long words cost memory in proportion to the text, not to the
// readings of every combination of its parts: a run longer than maxCompoundRun gets no joined readings,
// and a word longer than maxWordLen is one token.
func TestHostileRunsStayLinear(t *testing.T) {
	a := NewAnalyzer(DefaultSynonyms, nil)
	tests := []struct {
		name      string
		src       string
		maxTokens int
		maxAlts   int
	}{
		{"path of many parts", strings.Repeat("a/b/c/d/", 1000), 4000, 0},
		{"one camelCase identifier of 90 KB", strings.Repeat("fooBarBaz", 10000), 1, 0},
		{"short joined words still read joined", "hard-coded pod-disruption-budget CI/CD", 8, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.Analyze(tt.src, 0, len(tt.src))
			defer d.Release()
			if len(d.Tokens) > tt.maxTokens {
				t.Errorf("%d tokens, want at most %d", len(d.Tokens), tt.maxTokens)
			}
			compounds := 0
			for i := range d.Tokens {
				for _, alt := range d.AltsAt(i) {
					if alt.Kind == AltCompound {
						compounds++
					}
				}
			}
			if compounds > tt.maxAlts || (tt.maxAlts > 0 && compounds == 0) {
				t.Errorf("%d joined readings, want at most %d (and some when allowed)", compounds, tt.maxAlts)
			}
		})
	}
}

// Composed and decomposed Unicode read alike (NFC), and offsets stay those of the text as written.
func TestNormalisedForms(t *testing.T) {
	a := NewAnalyzer(nil, nil)
	tests := []struct {
		name, composed, decomposed string
	}{
		{"acute accent", "Le déploiement échoue", "Le de\u0301ploiement e\u0301choue"},
		{"umlaut in camelCase", "ÜberDeployment", "U\u0308berDeployment"},
		{"ring above", "Ångström rollout", "A\u030angstro\u0308m rollout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := a.Analyze(tt.composed, 0, len(tt.composed))
			d := a.Analyze(tt.decomposed, 0, len(tt.decomposed))
			if got, want := surfaces(d), surfaces(c); !reflect.DeepEqual(got, want) {
				t.Errorf("decomposed reads %q, composed %q", got, want)
			}
			for i, tok := range d.Tokens {
				if c.Tokens[i].Term != tok.Term {
					t.Errorf("term %d: decomposed %q, composed %q", i, tok.Term, c.Tokens[i].Term)
				}
			}
			last := d.Tokens[len(d.Tokens)-1]
			if last.End != len(tt.decomposed) {
				t.Errorf("last word ends at byte %d, want %d (the end of the text as written)", last.End, len(tt.decomposed))
			}
		})
	}
}

// Overlapping or repeated synonym groups offer many routes to the same reading of a phrasing: each is
// tried once, so the work stays small however many groups repeat a word (it grew as groups^words).
func TestPathsRepeatedSynonymGroups(t *testing.T) {
	phrase := strings.Repeat("alpha ", 8)
	one := NewAnalyzer([][]string{{"alpha", "alpha"}}, nil)
	want, _ := one.readPaths(phrase)
	for _, n := range []int{2, 12, 24} {
		groups := make([][]string, n)
		for i := range groups {
			groups[i] = []string{"alpha", "alpha", "alpha"}
		}
		got, steps := NewAnalyzer(groups, nil).readPaths(phrase)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d repeated groups: readings %v, want those of one group %v", n, got, want)
		}
		if steps < 0 || steps > 4*maxPaths*8 {
			t.Errorf("%d repeated groups: %d steps to read an 8-word phrasing, want at most %d", n, steps, 4*maxPaths*8)
		}
	}
}

// A phrasing of thousands of words still gets its reading as written: the budget counts the words once.
func TestPathsLongPhrasing(t *testing.T) {
	a := NewAnalyzer(DefaultSynonyms, nil)
	paths, complete := a.ReadPaths(strings.Repeat("deploy ", 10000))
	if len(paths) == 0 || len(paths[0]) != 10000 || !complete {
		t.Errorf("a 10,000-word phrasing gave %d readings (complete %v)", len(paths), complete)
	}
}

// When a synonym group offers a route through every run of stop words, the routes to the same readings
// multiply with each word; past the budget of steps, ReadPaths stops and says so instead of trying them
// all (this phrasing took minutes).
func TestPathsBudget(t *testing.T) {
	group := []string{"alpha"}
	for k := 1; k <= 6; k++ {
		group = append(group, "alpha"+strings.Repeat(" the", k))
	}
	a := NewAnalyzer([][]string{group}, nil)
	phrase := strings.TrimSpace(strings.Repeat("alpha the the the the the the ", 6))
	paths, complete := a.ReadPaths(phrase)
	if complete {
		t.Errorf("ReadPaths says it tried every route of %q", phrase)
	}
	if len(paths) == 0 {
		t.Errorf("no reading kept: the readings found within the budget are still used")
	}
}

func TestCountWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"   ", 0},
		{"deploy", 1},
		{"blue/green deploys, k8s-native", 5},
		{" leading and trailing ", 3},
		{"Route53 über-fast", 3}, // a letter outside ASCII splits the count: an estimate, not the tokens
	} {
		if got := countWords(tc.text); got != tc.want {
			t.Errorf("countWords(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestNewAnalyzerSharedDefaults holds the analyzer cloned from the shared one of DefaultSynonyms to the
// one built from nothing out of the same words, and the shared one unchanged by the clones built from it.
func TestNewAnalyzerSharedDefaults(t *testing.T) {
	extra := [][]string{
		{"pod disruption budget", "pdb"},                 // a new group
		{"k8s", "kube"},                                  // adds to the list of a default term
		{"continuous integration pipeline", "ci system"}, // longer than the default entries it sorts among
	}
	vocab := []string{"kubernetes", "rollback", "failover", "observability"}
	copied := make([][]string, len(DefaultSynonyms))
	for i, g := range DefaultSynonyms {
		copied[i] = slices.Clone(g) // the same words, other arrays: built from nothing
	}
	base := defaultAnalyzer()
	before := *base
	before.syn = slices.Clone(base.syn)
	for i := range before.syn {
		before.syn[i] = slices.Clone(base.syn[i])
	}
	before.ids = maps.Clone(base.ids)

	shared := NewAnalyzer(append(slices.Clone(DefaultSynonyms), extra...), vocab)
	fresh := NewAnalyzer(append(copied, extra...), vocab)
	if !startsWithDefaults(append(slices.Clone(DefaultSynonyms), extra...)) || startsWithDefaults(copied) {
		t.Fatal("startsWithDefaults does not tell the default groups from a copy of their words")
	}
	if shared.base == nil || fresh.base != nil {
		t.Error("the cloned analyzer does not share the default analyzer's IDs, or the one built from nothing does")
	}
	allIDs := func(a *Analyzer) map[string]int32 {
		ids := maps.Clone(a.ids)
		maps.Copy(ids, a.base)
		return ids
	}
	if !reflect.DeepEqual(allIDs(shared), allIDs(fresh)) {
		t.Error("the term IDs differ between the cloned analyzer and the one built from nothing")
	}
	if shared.Terms() != fresh.Terms() {
		t.Errorf("Terms: %d cloned, %d built from nothing", shared.Terms(), fresh.Terms())
	}
	if !reflect.DeepEqual(shared.syn, fresh.syn) {
		t.Error("the synonym lists differ between the cloned analyzer and the one built from nothing")
	}
	if !reflect.DeepEqual(shared.byNum, fresh.byNum) {
		t.Error("the term numbers differ between the cloned analyzer and the one built from nothing")
	}
	for _, s := range []string{"we use a pdb and k8s", "the ci system runs continuous integration pipeline checks"} {
		if !reflect.DeepEqual(shared.Paths(s), fresh.Paths(s)) {
			t.Errorf("Paths(%q) differ: %q and %q", s, shared.Paths(s), fresh.Paths(s))
		}
	}
	if !reflect.DeepEqual(before.ids, base.ids) || !reflect.DeepEqual(before.syn, base.syn) {
		t.Error("building an analyzer changed the shared analyzer of DefaultSynonyms")
	}
}

// TestPackStems holds the generated table of the pack's stems to Snowball itself, and to the order the
// binary search needs: a wrong entry would change how every rubric matches.
func TestPackStems(t *testing.T) {
	if len(packStems) == 0 {
		t.Fatal("stems_gen.go is empty: run go generate ./rubric")
	}
	for i, e := range packStems {
		if i > 0 && packStems[i-1].word >= e.word {
			t.Fatalf("packStems is not sorted: %q before %q", packStems[i-1].word, e.word)
		}
		want := english.Stem(e.word, true)
		if want == "" {
			want = e.word
		}
		if e.stem != want {
			t.Errorf("packStems has %q → %q; Snowball says %q", e.word, e.stem, want)
		}
		if got, ok := packStem(e.word); !ok || got != e.stem {
			t.Errorf("packStem(%q) = %q, %v; want %q", e.word, got, ok, e.stem)
		}
	}
	if _, ok := packStem("zzzznotaword"); ok {
		t.Error("packStem found a word the table lacks")
	}
}

// What an analyzer learns of a word (its typo correction, whether it starts a word written spaced) is
// kept by the lexicon for that analyzer alone: two analyzers with different vocabularies read the
// same words their own ways, in any order, and a lexicon emptied (its words renumbered) still gives
// each its own readings.
func TestWordCachePerAnalyzer(t *testing.T) {
	const src = "Kuberentes rollbak fail over."
	a := NewAnalyzer(nil, []string{"kubernetes", "failover"})
	b := NewAnalyzer(nil, []string{"rollback"})
	lx := lexicons.New().(*lexicon)
	readings := func(an *Analyzer) string {
		d := an.analyze(lx, src, 0, len(src))
		defer d.Release()
		var out []string
		for i := range d.Tokens {
			for _, alt := range d.AltsAt(i) {
				if alt.Kind == AltTypo || alt.Kind == AltCompound {
					out = append(out, d.Tokens[i].Surface+"→"+alt.Surface)
				}
			}
		}
		return strings.Join(out, " ")
	}
	want := map[*Analyzer]string{a: "kuberentes→kubernetes fail→failover", b: "rollbak→rollback"}
	check := func(when string) {
		t.Helper()
		for _, an := range []*Analyzer{a, b, a} {
			if got := readings(an); got != want[an] {
				t.Errorf("%s: readings %q, want %q", when, got, want[an])
			}
		}
	}
	check("first")
	// Fill the lexicon until it is emptied: the word that empties it takes the first slot, so the
	// words of src come back each in the slot of another.
	for i := 0; lx.epoch == 0; i++ {
		lx.lookup(fmt.Sprintf("filler%d", i))
	}
	check("after the lexicon was emptied")
}
