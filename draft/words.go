package draft

import "sync"

// negators flip the meaning of the words around them; they are never key words themselves.
var negators = []string{"not", "no", "never", "without", "nor", "neither", "none", "nothing", "cannot",
	"can't", "cant", "don't", "dont", "doesn't", "doesnt", "didn't", "won't", "isn't", "aren't", "wasn't",
	"shouldn't", "wouldn't", "couldn't", "haven't", "hasn't"}

// generic words say nothing about any particular subject, so a concept built on them would match almost
// any answer.
var generic = []string{"thing", "things", "something", "anything", "everything", "way", "ways", "lot", "lots",
	"kind", "sort", "basically", "actually", "simply", "generally", "usually", "etc", "e", "g", "i", "ie",
	"eg", "called", "example", "examples", "instance", "certain", "various", "able", "get", "gets", "got",
	"put", "puts", "even", "only", "yes", "ok", "okay"}

// closedClass words are function words that the text's stop list keeps, since a rubric's phrasing may
// need them: quantifiers, connectives, relative and reflexive pronouns. They hold no content of their own,
// so a drafted concept is never built on one: an answer says the same with other function words, or none
// ("both the coding and the refinement stage" is answered by "coding and refining"). "while" is left out:
// in a technical answer it names a loop as often as it joins clauses.
var closedClass = []string{"all", "both", "each", "every", "another", "several",
	"because", "since", "whereas", "although", "though", "whether", "unless", "until",
	"thus", "therefore", "hence", "however", "moreover", "furthermore", "including",
	"whose", "whichever", "whatever", "itself", "themselves", "himself", "herself", "yourself", "ourselves"}

// notKeyWords is the set of negators, generic and closedClass, built on first use: only drafting needs
// it, and a set built when the package is initialised is built by every start of the binary.
var notKeyWords = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(negators)+len(generic)+len(closedClass))
	for _, list := range [][]string{negators, generic, closedClass} {
		for _, w := range list {
			m[w] = true
		}
	}
	return m
})
