package text

import "sync"

// stopWords are ignored inside phrasings and do not count toward the gap between a phrasing's words.
// Negation triggers, contrast words and direction words ("up", "down", "out", "off", "back") are
// deliberately absent: they change meaning in this domain ("scale out", "roll back", "without limits").
var stopWords = wordsOf(
	"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto",
	"as", "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "it's", "this", "that", "these",
	"those", "there", "their", "theirs", "then", "than", "so", "such", "if", "we", "i", "you", "they", "he",
	"she", "our", "ours", "us", "my", "me", "your", "yours", "them", "his", "her", "do", "does", "did", "doing",
	"have", "has", "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
	"also", "very", "really", "some", "any", "which", "who", "whom", "what", "when",
	"where", "why", "how", "about", "via", "per", "e.g", "i.e", "etc", "like", "i'd", "i'll", "i'm", "i've",
	"we'd", "we'll", "we're", "we've", "you'd", "you'll", "you're", "they're", "let's", "either",
	"other", "own", "too", "much", "many", "well", "one's", "here", "what's", "that's", "there's", "make", "makes", "made", "use", "used", "uses", "using",
)

// preTriggers negate what follows them in the same clause. Multi-word triggers are matched on
// lower-cased surface words.
var preTriggers = &phraseSet{flag: flagPreStart, list: []string{
	"not", "no", "never", "without", "nor", "neither", "none", "nobody", "nothing", "cannot",
	"can't", "cant", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "won't", "wont", "shouldn't",
	"shouldnt", "mustn't", "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "haven't",
	"hasn't", "hadn't", "wouldn't", "wouldnt", "couldn't", "couldnt", "avoid", "avoids", "avoided", "avoiding",
	"instead of", "rather than", "stop", "stops", "stopped", "stopping", "no longer", "prevent", "prevents",
	"prevented", "preventing", "prohibit", "prohibits", "prohibited", "forbid", "forbids", "forbidden",
	"ban", "bans", "banned", "disallow", "disallows", "disallowed", "block", "blocks", "blocked", "blocking",
	"reject", "rejects", "rejected", "eliminate", "eliminates", "eliminated", "eliminating", "get rid of",
	"move away from", "moved away from", "moving away from", "steer clear of", "refrain from", "against",
	"anti-pattern", "antipattern", "anti-patterns", "antipatterns", "mistake of", "the mistake is",
	"not allowed", "nobody should", "no one", "never ever",
	"away from", "rule out", "rules out", "ruled out", "ruling out",
	"w o", // "w/o", split at its slash
}}

// postTriggers negate what stands before them in the same clause ("running apply from a laptop is an
// anti-pattern").
var postTriggers = &phraseSet{flag: flagPostStart, list: []string{
	"anti-pattern", "antipattern", "is a bad idea", "are a bad idea", "bad practice", "is a mistake",
	"is dangerous", "are dangerous", "is risky", "is not recommended", "is not allowed", "are not allowed",
	"should be avoided", "must be avoided", "is forbidden", "are forbidden", "is never", "are never",
	"is not acceptable", "is unacceptable", "should never", "must never", "is a red flag", "is an anti-pattern",
	"is not ok", "is not okay", "is bad", "are bad", "doesn't help", "does not help", "won't help", "will not help",
	"didn't help", "is not enough", "isn't enough", "are not enough", "aren't enough", "is not sufficient",
	"isn't sufficient", "are not sufficient", "doesn't work", "does not work", "won't work", "is wrong", "is a myth",
	"isn't acceptable", "aren't acceptable", "not acceptable", "isn't an option", "is not an option",
	"isn't needed", "is not needed", "isn't necessary", "is not necessary", "isn't allowed", "isn't recommended",
	"isn't safe", "is not safe", "is unsafe", "is a trap", "is a smell", "is an antipattern", "is overkill", "is not the answer", "isn't the answer",
}}

// pseudoTriggers look like negations but are not ("not only", "no doubt"): they are removed before
// triggers are found.
var pseudoTriggers = &phraseSet{flag: flagPseudoStart, list: []string{
	"not only", "not just", "no doubt", "no matter", "not to mention", "without a doubt", "whether or not",
	"not necessarily", "if not", "no-brainer", "nothing but", "not least",
}}

// scopeEnders close a negation scope: contrast and subordinating words start a new thought.
var scopeEnders = wordsOf(
	"but", "however", "although", "though", "yet", "whereas", "except", "because", "since", "unless",
	"until", "while", "instead", "then", "which", "so", "otherwise", "meanwhile", "still",
)

// subjectWords end a negation scope when a new clause starts: "we don't use Jenkins, we run ..." and
// "instead of env files we use Vault" must not negate what "we" do.
var subjectWords = wordsOf("we", "i", "they", "you", "he", "she", "our", "my", "their", "the team", "teams")

// invertingAux are the auxiliaries a negative word inverts with its subject: "nor do we commit it",
// "never have I run it", "neither does the team": the subject after them is the negated clause's own,
// not a new clause's.
var invertingAux = wordsOf("do", "does", "did", "is", "are", "was", "were", "have", "has", "had", "will",
	"would", "can", "could", "shall", "should", "may", "might", "must")

// opinionVerbs carry a negation into the clause they introduce: in "I don't think we should apply from
// a laptop" the new subject does not end the scope.
var opinionVerbs = wordsOf("think", "believe", "want", "recommend", "suggest", "expect", "feel", "see", "say",
	"agree", "let", "allow", "allowing", "mean", "need", "like", "ever", "would", "could")

// connectives mark reasoning (cause, purpose, sequence), used to tell a reasoned answer from a bare list
// of terms.
var connectives = wordsOf(
	"because", "so", "since", "therefore", "thus", "hence", "otherwise", "which", "means", "ensures",
	"ensure", "avoid", "prevents", "prevent", "allows", "allow", "lets", "enables", "if", "when", "then",
	"first", "before", "after", "why", "while", "instead", "rather", "reduces", "reduce", "keeps", "keep",
)

// A wordSet is a set of words whose map is built on first use: built when the package starts, the sets
// cost every command, including those that analyse no text (listing rubrics, printing the version),
// allocations and page faults.
type wordSet struct {
	list []string
	once sync.Once
	m    map[string]bool
}

// wordsOf returns the set of words. A package variable set to it is initialised statically: the list
// is data in the binary, and only has builds anything.
func wordsOf(words ...string) *wordSet { return &wordSet{list: words} }

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	s.once.Do(func() {
		s.m = make(map[string]bool, len(s.list))
		for _, w := range s.list {
			s.m[w] = true
		}
	})
	return s.m[w]
}

// phraseSet holds multi-word surface phrases keyed by their first word; the lexeme of a first word
// carries the set's flag, so that words that start no phrase of the set cost no lookup. The index is
// built on first use (phraseIndex): tokenising the few hundred trigger phrases was half the start-up
// of every command, including those that analyse no text.
type phraseSet struct {
	flag  wordFlags
	list  []string
	first map[string][][]string
	// singles holds, by phrase word number (phraseWord), whether the word is a phrase of the set, and
	// pairs the longer phrases by the numbers of their first two words (pairKey): "is" starts forty
	// post-triggers, and a word is checked against only those it may start. Numbers, not the words:
	// these are read for every word that starts a phrase, and a map keyed by two strings hashes both.
	singles []bool
	pairs   map[uint32][][]string
}

// phraseSets returns every phraseSet, for phraseIndex.
func phraseSets() []*phraseSet {
	return []*phraseSet{preTriggers, postTriggers, pseudoTriggers, pastMarkers, outcomeMarkers, exclusions}
}

// byFirst returns the set's phrases, as words, by their first word.
func (ps *phraseSet) byFirst() map[string][][]string {
	phraseIndex()
	return ps.first
}

// phraseWord is what the phrase sets make of a word: the flags of the sets it starts a phrase of, and
// its number among the first and second words of all their phrases (0 for none), which a word's
// lexeme and tokens carry.
type phraseWord struct {
	flags wordFlags
	num   uint16
}

// pairKey is the key in phraseSet.pairs of the words numbered first and second.
func pairKey(first, second uint16) uint32 { return uint32(first)<<16 | uint32(second) }

// phraseIndex numbers the first and second words of every phrase of every phraseSet, gives the first
// words their sets' flags, and indexes each set by the numbers (phraseSet.singles, pairs).
var phraseIndex = sync.OnceValue(func() map[string]phraseWord {
	words := map[string]phraseWord{}
	number := func(w string) uint16 {
		pw, ok := words[w]
		if !ok {
			pw.num = uint16(len(words) + 1)
			words[w] = pw
		}
		return pw.num
	}
	singles := make([][]uint16, len(phraseSets()))
	for k, ps := range phraseSets() {
		ps.first, ps.pairs = map[string][][]string{}, map[uint32][][]string{}
		for _, p := range ps.list {
			ws := surfaceWords(p)
			if len(ws) == 0 {
				continue
			}
			n := number(ws[0])
			pw := words[ws[0]]
			pw.flags |= ps.flag
			words[ws[0]] = pw
			ps.first[ws[0]] = append(ps.first[ws[0]], ws)
			if len(ws) == 1 {
				singles[k] = append(singles[k], n)
			} else {
				key := pairKey(n, number(ws[1]))
				ps.pairs[key] = append(ps.pairs[key], ws)
			}
		}
	}
	for k, ps := range phraseSets() {
		ps.singles = make([]bool, len(words)+1)
		for _, n := range singles[k] {
			ps.singles[n] = true
		}
	}
	return words
})

// surfaceWords splits a trigger phrase the way the tokenizer splits text (hyphens become separate
// words), without stemming.
func surfaceWords(p string) []string {
	var out []string
	for _, t := range tokenize(p) {
		out = append(out, t.Surface)
	}
	return out
}

// Connective reports whether the word marks reasoning: cause, purpose or sequence.
func (t Token) Connective() bool { return t.flags&flagConnective != 0 }
