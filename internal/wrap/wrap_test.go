package wrap

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/muesli/reflow/ansi"
	"github.com/muesli/reflow/wordwrap"
	hardwrap "github.com/muesli/reflow/wrap"
)

// libraryWrap is what muesli/reflow makes of s: its word wrap, breaking at spaces only, then its
// hard wrap. wordWrap and hardWrap are its algorithms measuring with displaywidth.
func libraryWrap(s string, width int) string {
	w := wordwrap.NewWriter(width)
	w.Breakpoints = nil
	_, _ = w.Write([]byte(s))
	_ = w.Close()
	return hardwrap.String(w.String(), width)
}

func TestHanging(t *testing.T) {
	for _, tt := range []struct {
		name, text, first, rest string
		width                   int
		want                    string
	}{
		{"fits", "short hint", "hint: ", "      ", 80, "hint: short hint"},
		{"breaks at a space", "one two three four five six seven eight nine ten eleven twelve", "- ", "  ", 30,
			"- one two three four five six\n  seven eight nine ten eleven\n  twelve"},
		{"never mid-word", "configuration management keeps every environment reproducible", "", "    ", 30,
			"configuration management\n    keeps every environment\n    reproducible"},
		{"wide characters count double", "日本語の回答 日本語の回答 日本語の回答 日本語の回答", "", "", 26,
			"日本語の回答 日本語の回答\n日本語の回答 日本語の回答"},
		{"never at a hyphen", "avoid long-or-default-timeouts and zero-downtime-migrations.md", "", "", 31,
			"avoid long-or-default-timeouts\nand zero-downtime-migrations.md"},
		{"no width keeps one line", "a b c", "> ", "  ", 0, "> a b c"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Hanging(tt.text, tt.width, tt.first, tt.rest)
			if got != tt.want {
				t.Errorf("Hanging:\ngot\n%s\nwant\n%s", got, tt.want)
			}
			if tt.width > 0 {
				for _, line := range strings.Split(got, "\n") {
					if Columns(line) > max(tt.width, minText) {
						t.Errorf("line %q is %d columns, over %d", line, Columns(line), tt.width)
					}
				}
			}
		})
	}
}

func TestHangingBreaksLongWords(t *testing.T) {
	long := strings.Repeat("x", 50)
	got := Hanging("see "+long, 30, "", "")
	for _, line := range strings.Split(got, "\n") {
		if Columns(line) > 30 {
			t.Errorf("line %q is over 30 columns", line)
		}
	}
	if !strings.Contains(strings.ReplaceAll(got, "\n", ""), long) {
		t.Errorf("the long word lost characters: %q", got)
	}
}

func TestBlock(t *testing.T) {
	help := "Usage:\n  answerlint grade [PATH...]\n\nFlags:\n" +
		"  -f, --format format[=path]   output format[=path], repeatable: text, json, line, junit, sarif, github, markdown\n"
	got := Block(help, 60)
	want := "Usage:\n  answerlint grade [PATH...]\n\nFlags:\n" +
		"  -f, --format format[=path]   output format[=path],\n" +
		"                               repeatable: text, json, line,\n" +
		"                               junit, sarif, github,\n" +
		"                               markdown\n"
	if got != want {
		t.Errorf("Block:\ngot\n%s\nwant\n%s", got, want)
	}
}

// TestBlockReflows holds help text written at one width and shown at a narrower one: a paragraph
// is wrapped as one, not line by line, and a two-column list continues under its second column.
func TestBlockReflows(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "paragraph written wider than the terminal",
			in:   "one two three four five six seven\neight nine ten\n\nnext paragraph",
			want: "one two three four\nfive six seven eight\nnine ten\n\nnext paragraph",
		},
		{
			name: "short lines keep their breaks",
			in:   "Usage:\n  answerlint grade\nExamples:",
			want: "Usage:\n  answerlint grade\nExamples:",
		},
		{
			name: "two-column list with its own continuation line",
			in:   "  1    more answers failed than allowed; an\n       answer fails below its mark\n  2    usage error",
			want: "  1    more answers failed\n       than allowed; an\n       answer fails below\n       its mark\n  2    usage error",
		},
		{
			name: "a list item is not joined to the line before",
			in:   "a line long enough to need wrapping here\n- item",
			want: "a line long enough to\nneed wrapping here\n- item",
		},
		{
			name: "indented example commands keep their lines",
			in:   "  answerlint rubric draft --from model.md\n  answerlint rubric lint x.yaml",
			want: "  answerlint rubric\n  draft --from\n  model.md\n  answerlint rubric\n  lint x.yaml",
		},
		{
			name: "a deeper line is not joined",
			in:   "a line long enough to need wrapping here:\n  <!-- example -->",
			want: "a line long enough to\nneed wrapping here:\n  <!-- example -->",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Block(tt.in, 22); got != tt.want {
				t.Errorf("Block:\ngot\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestWidthFromColumns(t *testing.T) {
	t.Setenv("COLUMNS", "100")
	if w := Width(nil); w != 100 {
		t.Errorf("COLUMNS=100: width %d", w)
	}
	t.Setenv("COLUMNS", "wide")
	if w := Width(nil); w != DefaultWidth {
		t.Errorf("COLUMNS=wide: width %d, want %d", w, DefaultWidth)
	}
}

// TestColumnsASCII holds the printable-ASCII shortcut of Columns to the library it skips.
func TestColumnsASCII(t *testing.T) {
	for _, s := range []string{"", "plain words", "ids-with-hyphens and --flags=x", "~!@#$%^&*()_+{}|:\"<>?`", "tab\there", "\x1b[31mred\x1b[0m", "wide 漢字", "é"} {
		if got, want := Columns(s), widths.String(s); got != want {
			t.Errorf("Columns(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestASCIIWrapMatchesLibrary holds the printable-ASCII shortcut of Hanging to the library path it
// skips, over generated text: words short and longer than a line, hyphenated ids, runs of spaces,
// spaces leading and trailing, at every width from a narrow terminal's up.
func TestASCIIWrapMatchesLibrary(t *testing.T) {
	words := []string{"a", "of", "the", "canary", "blue-green", "--dry-run", "zero-downtime-migrations.md",
		"observability", "x", strings.Repeat("y", 25), strings.Repeat("long-", 12), "k8s;", "(ok)"}
	matchesLibrary(t, 2, words, asciiWrap)
}

// TestWrapMatchesLibrary holds Hanging's path for text past printable ASCII to the library whose
// algorithms it follows, over generated text with the characters reports use (marks, dashes, quotes,
// wide scripts), colour codes, tabs, line breaks and other spaces.
func TestWrapMatchesLibrary(t *testing.T) {
	words := []string{"a", "the", "✓", "✗", "⚠", "−8.7", "—", "“quoted”", "naïve", "日本語の回答", "한국어",
		"\x1b[1;32m✓ ok\x1b[0m", "\x1b[2mdim\x1b[0m", "blue-green", strings.Repeat("é", 25), "tab\there", "\n",
		"\u00a0", "observability", "ｆｕｌｌ　ｗｉｄｔｈ", "x"}
	matchesLibrary(t, 3, words, func(s string, width int) string { return hardWrap(wordWrap(s, width), width) })
}

// matchesLibrary compares wrap with the library on 3,000 texts made of words and runs of spaces
// (leading and trailing too), at widths from a narrow terminal's up.
func matchesLibrary(t *testing.T, seed uint64, words []string, wrap func(s string, width int) string) {
	t.Helper()
	rng := rand.New(rand.NewPCG(15, seed))
	for i := 0; i < 3000; i++ {
		s := generatedText(rng, words, 16)
		width := 1 + rng.IntN(60)
		if got, want := wrap(s, width), libraryWrap(s, width); got != want {
			t.Fatalf("width %d, %q:\ngot\n%s\nwant (library)\n%s", width, s, got, want)
		}
	}
}

// generatedText is 1 to most words drawn from words, each after a run of 0 to 2 spaces, then such a run.
func generatedText(rng *rand.Rand, words []string, most int) string {
	var b strings.Builder
	for n := rng.IntN(most); n >= 0; n-- {
		b.WriteString(strings.Repeat(" ", rng.IntN(3)))
		b.WriteString(words[rng.IntN(len(words))])
	}
	b.WriteString(strings.Repeat(" ", rng.IntN(3)))
	return b.String()
}

// TestColumnsAgreesWithWrapper holds Columns, which sizes indents and checks fits, to the widths the
// wrapping library breaks lines by, on the characters answers and reports use beyond ASCII: were they
// to differ, wrapped lines would overrun the width or stop short of it.
func TestColumnsAgreesWithWrapper(t *testing.T) {
	for _, s := range []string{"✓ ✗ — … “quoted” ‘x’ →", "日本語の回答", "한국어 답변", "naïve café Größe", "\x1b[1;32m✓ ok\x1b[0m", "ｆｕｌｌ　ｗｉｄｔｈ"} {
		if got, want := Columns(s), ansi.PrintableRuneWidth(s); got != want {
			t.Errorf("Columns(%q) = %d, the wrapper counts %d", s, got, want)
		}
	}
}

// TestHangingFitsAsWrapped holds Hanging's shortcut for printable ASCII that fits to what the word and
// hard wrap make of the same text, over generated text with leading, inner and trailing spaces.
func TestHangingFitsAsWrapped(t *testing.T) {
	words := []string{"a", "of", "the", "canary", "blue-green", "--dry-run", "observability", "k8s;", "(ok)"}
	rng := rand.New(rand.NewPCG(15, 4))
	fits := 0
	for range 3000 {
		s := generatedText(rng, words, 8)
		first, rest := strings.Repeat(" ", rng.IntN(30)), strings.Repeat(" ", rng.IntN(30))
		width := 1 + rng.IntN(120)
		avail := max(width-max(len(first), len(rest)), minText)
		if len(s) > avail {
			continue
		}
		fits++
		if got, want := Hanging(s, width, first, rest), hang(asciiWrap(s, avail), first, rest); got != want {
			t.Fatalf("Hanging(%q, %d, %q, %q) = %q, want %q", s, width, first, rest, got, want)
		}
	}
	if fits < 1000 {
		t.Fatalf("only %d of the texts fit: the test hardly tries the shortcut", fits)
	}
}
