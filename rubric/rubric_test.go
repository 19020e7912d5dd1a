package rubric

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func TestPackLoads(t *testing.T) {
	set, err := Pack()
	if err != nil {
		t.Fatalf("the embedded pack is invalid:\n%v", err)
	}
	if set.Len() < 31 {
		t.Errorf("pack has %d rubrics, want at least 31", set.Len())
	}
	for _, r := range set.All() {
		if len(r.Concepts) < 6 {
			t.Errorf("%s: %d concepts, want at least 6", r.ID, len(r.Concepts))
		}
		phrasings := 0
		for _, c := range r.Concepts {
			phrasings += len(c.Match) + len(c.Exact)
		}
		if avg := float64(phrasings) / float64(len(r.Concepts)); avg < 3 {
			t.Errorf("%s: %.1f phrasings per concept on average, want at least 3", r.ID, avg)
		}
		if len(r.Mistakes) < 2 {
			t.Errorf("%s: %d mistakes, want at least 2", r.ID, len(r.Mistakes))
		}
		if len(r.Examples) == 0 {
			t.Errorf("%s: no examples", r.ID)
		}
	}
}

func TestPackMatchesSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("../docs/schema/rubric.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	files, err := PackFiles()
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			var v any
			if err := yaml.Unmarshal(data, &v); err != nil {
				t.Fatal(err)
			}
			js, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("%s does not match the schema: %v", name, err)
			}
		})
	}
}

const goodRubric = `id: ok
title: T
question: Q?
concepts:
  - id: a
    name: A
    hint: h
    match: [remote state]
mistakes:
  - id: m
    message: bad
    severity: error
    match: [apply from laptop]
`

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string // substring of the error, with file:line:col
	}{
		{"unknown key", strings.Replace(goodRubric, "hint: h", "hnit: h", 1), `r.yaml:7:5: unknown key "hnit" in concept entry`},
		{"match not a list", strings.Replace(goodRubric, "match: [remote state]", "match: remote state", 1), "r.yaml:8:12: match must be a list"},
		{"phrasing not a string", strings.Replace(goodRubric, "match: [remote state]", "match: [{a: b}]", 1), "r.yaml:8:13: match entry must be a string"},
		{"zero weight", strings.Replace(goodRubric, "hint: h", "hint: h\n    weight: 0", 1), "r.yaml:5:5: concept \"a\": weight must be greater than 0"},
		{"negative weight", strings.Replace(goodRubric, "hint: h", "hint: h\n    weight: -2", 1), "weight must be greater than 0"},
		{"weight not a number", strings.Replace(goodRubric, "hint: h", "hint: h\n    weight: heavy", 1), `r.yaml:8:13: weight must be a number, not "heavy"`},
		{"stop words only", strings.Replace(goodRubric, "[remote state]", "[the of and]", 1), `r.yaml:8:13: concept a: phrasing "the of and" can never match`},
		{"empty phrasing", strings.Replace(goodRubric, "[remote state]", `[""]`, 1), "concept a: empty phrasing"},
		{"duplicate ids", strings.Replace(goodRubric, "id: m", "id: a", 1), `r.yaml:10:5: duplicate id "a" (first at line 5)`},
		{"bad severity", strings.Replace(goodRubric, "severity: error", "severity: fatal", 1), `severity must be error, warning or info, not "fatal"`},
		{"id not kebab-case", strings.Replace(goodRubric, "id: ok", "id: Not_OK", 1), "must be kebab-case"},
		{"missing question", strings.Replace(goodRubric, "question: Q?\n", "", 1), "missing question"},
		{"malformed YAML", "id: x\n  bad: [\n", "r.yaml:2"},
		{"not a mapping", "- a\n- b\n", "r.yaml:1:1: a rubric must be a YAML mapping"},
		{"empty file", "", "r.yaml: file is empty"},
		{"NUL bytes", "id: x\x00", "NUL"},
		{"example names unknown mistake", goodRubric + "examples:\n  - name: e\n    answer: x\n    flagged: [nope]\n", `example "e": no mistake "nope"`},
		{"alias bomb is refused without expanding", aliasBomb(), "r.yaml:8:4: concept entry must be a mapping, not a list"},
		{"NaN weight", strings.Replace(goodRubric, "hint: h", "hint: h\n    weight: .nan", 1), `r.yaml:8:13: weight must be a finite number, not ".nan"`},
		{"infinite weight", strings.Replace(goodRubric, "hint: h", "hint: h\n    weight: .inf", 1), `r.yaml:8:13: weight must be a finite number, not ".inf"`},
		{"NaN penalty", strings.Replace(goodRubric, "severity: error", "severity: error\n    penalty: .NaN", 1), `r.yaml:13:14: penalty must be a finite number, not ".NaN"`},
		{"minus infinite penalty", strings.Replace(goodRubric, "severity: error", "severity: error\n    penalty: -.Inf", 1), `r.yaml:13:14: penalty must be a finite number`},
		{"infinite curve", strings.Replace(goodRubric, "question: Q?", "question: Q?\ncurve: +.inf", 1), `r.yaml:4:8: curve must be a finite number`},
		{"NaN structure weight", goodRubric + "structure:\n  name: s\n  weight: .nan\n  steps: []\n", `r.yaml:16:11: weight must be a finite number`},
		{"phrasing too long", strings.Replace(goodRubric, "[remote state]", "[remote "+strings.Repeat("state ", 50)+"]", 1), `r.yaml:8:13: concept a: phrasing "remote state state state state state sta…" is 306 bytes, longer than the 256-byte limit`},
		{"word too long", strings.Replace(goodRubric, "[remote state]", "[remote "+strings.Repeat("s", 1000)+"]", 1), `r.yaml:8:13: concept a: phrasing "remote sssssssssssssssssssssssssssssssss…" has a word of 1000 bytes`},
		{"exact term too long", strings.Replace(goodRubric, "match: [remote state]", "exact: ["+strings.Repeat("x", 100)+"]", 1), `has a word of 100 bytes, longer than the 64-byte limit`},
		{"overlapping synonyms", strings.Replace(goodRubric, "[remote state]", "[alpha the the the the the the alpha the the the the the the alpha the the the the the the alpha the the the the the the]", 1) +
			"synonyms:\n  - [alpha, alpha the, alpha the the, alpha the the the, alpha the the the the, alpha the the the the the, alpha the the the the the the]\n",
			`r.yaml:8:13: concept a: phrasing "alpha the the the the the the alpha the …" reads in too many ways through the synonym groups`},
		{"second document", goodRubric + "---\nid: other\n", "r.yaml:15: a second YAML document"},
		{"second document, empty mapping", goodRubric + "---\n{}\n", "r.yaml:15: a second YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("r.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// aliasBomb is the "billion laughs" attack in YAML: each level doubles nine times.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(n + ": &" + n + " [")
		for k := 0; k < 9; k++ {
			if k > 0 {
				b.WriteString(",")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = n
	}
	b.WriteString("id: x\ntitle: t\nquestion: q\nconcepts: *i\n")
	return b.String()
}

func TestParseDefaults(t *testing.T) {
	r, err := Parse("r.yaml", []byte(goodRubric))
	if err != nil {
		t.Fatal(err)
	}
	if r.Pass != DefaultPass || r.Concepts[0].Weight != 1 || r.Concepts[0].Polarity != PolarityAny || r.GapOrDefault() != DefaultGap {
		t.Errorf("defaults not applied: pass %d weight %v polarity %q", r.Pass, r.Concepts[0].Weight, r.Concepts[0].Polarity)
	}
	if r.Mistakes[0].PenaltyPoints() != 25 {
		t.Errorf("error penalty default %v, want 25", r.Mistakes[0].PenaltyPoints())
	}
}

func TestClosest(t *testing.T) {
	set, err := Pack()
	if err != nil {
		t.Fatal(err)
	}
	got := set.Closest("terraform-unsafe", 3)
	if len(got) != 3 || got[0] != "terraform-unsafe-changes" {
		t.Errorf("Closest = %v", got)
	}
}

// Lint warns about a phrasing written with several words that keeps only one once stop words go, with
// its position; a single word, or words that all count, are what the author meant.
func TestLintBroadPhrasings(t *testing.T) {
	src := `id: lint-me
title: Lint me
question: How do you run on-call?
concepts:
  - id: rotation
    name: A rotation
    hint: h
    match:
      - Vault
      - hard-coded secrets
      - on call
      - state locking
      - may fail
mistakes:
  - id: blame
    message: m
    advice: a
    match:
      - blame them
`
	r, err := Parse("lint.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range Lint(r) {
		got = append(got, w.Error())
	}
	want := []string{
		`lint.yaml:11:9: concept rotation: phrasing "on call" matches wherever "call" appears: its other words are stop words`,
		`lint.yaml:13:9: concept rotation: phrasing "may fail" matches wherever "fail" appears: its other words are stop words`,
		`lint.yaml:19:9: mistake blame: phrasing "blame them" matches wherever "blame" appears: its other words are stop words`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Lint:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The built-in pack lints clean: every phrasing means what it says.
func TestPackLintsClean(t *testing.T) {
	set, err := Pack()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.All() {
		for _, w := range Lint(r) {
			t.Error(w)
		}
	}
}

// TestSetEmbedded holds which rubrics of a set came from the binary: a report must not be refused for
// clashing with an embedded rubric's file name, which names no file on disk, but must be for a rubric
// loaded from disk, whatever its id.
func TestSetEmbedded(t *testing.T) {
	set, _ := Pack()
	packed, _ := set.Get("terraform-state-management")
	cp := *packed
	override, err := Parse("pack/terraform-state-management.yaml", []byte(strings.Replace(goodRubric, "id: ok", "id: terraform-state-management", 1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		set  *Set
		r    *Rubric
		want bool
	}{
		{"a rubric of the pack", set, packed, true},
		{"a copy of one", set, &cp, false},
		{"a file of the same id and name", set, override, false},
		{"the pack's rubric in a set Pack did not make", NewSet(), packed, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.set.Embedded(tt.r); got != tt.want {
				t.Errorf("Embedded = %v, want %v", got, tt.want)
			}
		})
	}
}
