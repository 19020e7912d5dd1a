// Package wrap fits text to a terminal: it finds the terminal's width and breaks text at word
// boundaries, with a hanging indent, counting display columns (wide characters, colour codes).
package wrap

import (
	"os"
	"strconv"
	"strings"
	"unicode"

	"github.com/clipperhouse/displaywidth"
	"golang.org/x/term"
)

// DefaultWidth is the width used when the terminal's is unknown: output to a file or a pipe, or a
// terminal that does not say.
const DefaultWidth = 80

// minText is the fewest columns of text a wrapped line keeps however deep its indent, so that a
// narrow terminal gets short lines rather than one word per line.
const minText = 20

// maxFlagColumn is the deepest a flag's description may start and still have its continuation lines
// aligned under it; deeper, they start at the flag's own indent.
const maxFlagColumn = 40

// Width is the width to wrap to: $COLUMNS when it is a positive number (so a user or a test can set
// it), else the width of the terminal out is, else DefaultWidth.
func Width(out any) int {
	if w := KnownWidth(out); w > 0 {
		return w
	}
	return DefaultWidth
}

// KnownWidth is the width of out when it is known — $COLUMNS is set, or out is a terminal — and 0
// otherwise. Diagnostics are wrapped only then: a log or a pipe keeps each on one line, for the tools
// that read them line by line.
func KnownWidth(out any) int {
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	if f, ok := out.(interface{ Fd() uintptr }); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 0
}

// widths measures the rest: by grapheme (an emoji with its modifiers, a letter with its accents, as a
// terminal draws them), colour codes as nothing, East Asian ambiguous characters as one column
// whatever the locale, so that output does not change with $LANG. displaywidth looks widths up in
// static tables, where go-runewidth builds a 2 MB table on the first character past U+02FF.
var widths = displaywidth.Options{ControlSequences: true}

// Columns is how many terminal columns s takes, leaving out colour codes. Printable ASCII, what most
// lines are, takes a column a byte.
func Columns(s string) int {
	if printableASCII(s) {
		return len(s)
	}
	return widths.String(s)
}

// printableASCII reports whether s is only printable ASCII: no colour codes, no line breaks, no
// tabs, no wide characters — a column a byte.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' {
			return false
		}
	}
	return true
}

// Hanging wraps s to width columns at word boundaries: the first line starts with first, the others
// with rest. A word longer than a line is broken. Width <= 0 leaves s on one line.
func Hanging(s string, width int, first, rest string) string {
	if width <= 0 {
		return first + s
	}
	avail := max(width-max(Columns(first), Columns(rest)), minText)
	ascii := printableASCII(s)
	var wrapped string
	switch {
	case ascii && len(s) <= avail:
		// Text that fits, as most titles and messages do: what the wrap makes of it — itself,
		// without the spaces it ends with — with no wrap built.
		return first + strings.TrimRight(s, " ")
	case ascii:
		wrapped = asciiWrap(s, avail)
	default:
		wrapped = hardWrap(wordWrap(s, avail), avail)
	}
	return hang(wrapped, first, rest)
}

// hang starts the first of wrapped's lines with first and the others with rest, dropping the spaces
// each line ends with.
func hang(wrapped, first, rest string) string {
	var b strings.Builder
	b.Grow(len(first) + len(wrapped) + strings.Count(wrapped, "\n")*len(rest))
	b.WriteString(first)
	for {
		line, more, found := strings.Cut(wrapped, "\n")
		b.WriteString(strings.TrimRight(line, " "))
		if !found {
			return b.String()
		}
		b.WriteString("\n")
		b.WriteString(rest)
		wrapped = more
	}
}

// wordWrap breaks s at spaces only, never after a hyphen: ids, file names and flags
// ("long-or-default-timeouts") are what a reader copies or searches for, so they stay whole. A word
// longer than a line is left whole here, on a line of its own, for hardWrap to break.
//
// It is muesli/reflow's word wrap (wordwrap.WordWrap with no breakpoints), rune for rune, measuring
// with displaywidth: the library measures with go-runewidth, which builds a 2 MB table on the first
// character past U+02FF (a ✓ in a report) — 550 pages of memory and 1.3 M instructions at the start
// of every graded file. TestWrapMatchesLibrary holds the two to the same lines.
func wordWrap(s string, limit int) string {
	var buf, space, word strings.Builder
	lineLen, wordWidth, inANSI := 0, 0, false
	addSpace := func() {
		lineLen += space.Len()
		buf.WriteString(space.String())
		space.Reset()
	}
	addWord := func() {
		if word.Len() > 0 {
			addSpace()
			lineLen += wordWidth
			buf.WriteString(word.String())
			word.Reset()
			wordWidth = 0
		}
	}
	addNewLine := func() {
		buf.WriteByte('\n')
		lineLen = 0
		space.Reset()
	}
	for _, c := range s {
		switch {
		case c == ansiMarker:
			word.WriteRune(c)
			inANSI = true
		case inANSI:
			word.WriteRune(c)
			inANSI = !ansiTerminator(c)
		case c == '\n':
			// Keep the spaces before a line break if they fit.
			if word.Len() == 0 {
				if lineLen+space.Len() > limit {
					lineLen = 0
				} else {
					buf.WriteString(space.String())
				}
				space.Reset()
			}
			addWord()
			addNewLine()
		case unicode.IsSpace(c):
			addWord()
			space.WriteRune(c)
		default:
			word.WriteRune(c)
			wordWidth += runeColumns(c)
			// Start a new line when the word would overrun this one, unless it is a line long.
			if lineLen+space.Len()+wordWidth > limit && wordWidth < limit {
				addNewLine()
			}
		}
	}
	addWord()
	return buf.String()
}

// hardWrap breaks every line of s longer than limit columns, dropping the spaces a break lands
// before: muesli/reflow's wrap (wrap.Wrap with its defaults: tabs as four spaces), measuring with
// displaywidth.
func hardWrap(s string, limit int) string {
	expanded := strings.ReplaceAll(s, "\t", "    ")
	if limit <= 0 || runesColumns(expanded) <= limit {
		return s
	}
	var buf strings.Builder
	lineLen, inANSI, forced := 0, false, false
	for _, c := range expanded {
		switch {
		case c == ansiMarker:
			inANSI = true
		case inANSI:
			inANSI = !ansiTerminator(c)
		case c == '\n':
			buf.WriteByte('\n')
			lineLen, forced = 0, false
			continue
		default:
			w := runeColumns(c)
			if lineLen+w > limit {
				buf.WriteByte('\n')
				lineLen, forced = 0, true
			}
			if lineLen == 0 {
				if forced && unicode.IsSpace(c) {
					continue
				}
			} else {
				forced = false
			}
			lineLen += w
		}
		buf.WriteRune(c)
	}
	return buf.String()
}

// ansiMarker starts a terminal escape sequence (a colour code); ansiTerminator ends one. Neither
// takes a column.
const ansiMarker = '\x1b'

func ansiTerminator(c rune) bool { return c >= 0x40 && c <= 0x5a || c >= 0x61 && c <= 0x7a }

// runesColumns is how many columns s takes counted a character at a time, as hardWrap breaks it.
func runesColumns(s string) int {
	n, inANSI := 0, false
	for _, c := range s {
		switch {
		case c == ansiMarker:
			inANSI = true
		case inANSI:
			inANSI = !ansiTerminator(c)
		default:
			n += runeColumns(c)
		}
	}
	return n
}

// runeColumns is how many columns a character takes on its own: control characters none.
func runeColumns(c rune) int {
	if c < 0x20 || c >= 0x7f && c <= 0x9f {
		return 0
	}
	return widths.Rune(c)
}

// asciiWrap is wordWrap followed by the hard wrap, for printable ASCII, where a byte is a column:
// the same lines, without the library's cost of measuring each word afresh at every letter
// (about 40,000 instructions per table cell of `rubric list`). TestASCIIWrapMatchesLibrary holds
// the two to the same output.
func asciiWrap(s string, width int) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/width + 1)
	// The word wrap: a word goes to a new line when it would overrun this one — unless it is a
	// line long or longer, then it starts where it is only if at most a column is used, and the
	// hard wrap below breaks it. Spaces before a word are kept; at a break, dropped.
	line, spaces := 0, 0
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			spaces++
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		n := j - i
		if width > 1 && min(n, width-1) > width-line-spaces {
			b.WriteByte('\n')
			line, spaces = 0, 0
		}
		b.WriteString(s[i-spaces : j])
		line += spaces + n
		spaces = 0
		i = j
	}
	// The hard wrap: a line over width is cut every width columns, each cut dropping the spaces
	// it lands before.
	words := b.String()
	if !strings.Contains(words, "\n") && len(words) <= width {
		return words
	}
	var out strings.Builder
	out.Grow(len(words) + len(words)/width + 1)
	for k, l := range strings.Split(words, "\n") {
		if k > 0 {
			out.WriteByte('\n')
		}
		for len(l) > width {
			out.WriteString(l[:width])
			out.WriteByte('\n')
			l = strings.TrimLeft(l[width:], " ")
		}
		out.WriteString(l)
	}
	return out.String()
}

// Block wraps every line of s to width columns, keeping each line's own leading spaces as the
// indent of its continuation lines; a flag's description ("  -f, --format f   what it does"), or
// the text beside a term in a two-column list ("  130  interrupted by Ctrl-C"), continues under the
// description. A line too long for width, at the margin or in a description, takes in the lines
// that continue its paragraph (same indent, not blank, not a list item) before it is wrapped: help
// text is laid out in the source at one width, and wrapping each of its lines on its own at a
// narrower one would leave a short line after every long one.
func Block(s string, width int) string {
	lines := strings.Split(s, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if width <= 0 || Columns(line) <= width {
			out = append(out, line)
			continue
		}
		body := strings.TrimLeft(line, " ")
		indent := line[:len(line)-len(body)]
		head := ""
		if j := descriptionColumn(body); j > 0 {
			head, body = body[:j], body[j:]
		}
		cont := indent + strings.Repeat(" ", len(head))
		// Only prose (a paragraph at the margin) and descriptions are reflowed: an indented line of
		// its own, such as an example command, keeps its line breaks.
		for (indent == "" || head != "") && i+1 < len(lines) && continues(lines[i+1], cont) {
			i++
			body = strings.TrimRight(body, " ") + " " + strings.TrimLeft(lines[i], " ")
		}
		out = append(out, Hanging(body, width, indent+head, cont))
	}
	return strings.Join(out, "\n")
}

// continues reports whether next carries on a paragraph whose continuation lines are indented by
// cont.
func continues(next, cont string) bool {
	rest := strings.TrimLeft(next, " ")
	if rest == "" || len(next)-len(rest) != len(cont) {
		return false
	}
	for _, bullet := range []string{"- ", "* ", "• "} {
		if strings.HasPrefix(rest, bullet) {
			return false
		}
	}
	return descriptionColumn(rest) == 0
}

// descriptionColumn is where a description starts in a line of help: after a run of at least three
// spaces in a flag's line ("-f, --format f   what it does"), or of at least two after the first
// word of another line ("130  interrupted", "lint   Validate rubric files"); 0 for other lines or a
// description too deep.
func descriptionColumn(body string) int {
	var i int
	if strings.HasPrefix(body, "-") {
		i = strings.Index(body, "   ")
	} else if w := strings.IndexByte(body, ' '); w > 0 && strings.HasPrefix(body[w:], "  ") {
		i = w
	} else {
		return 0
	}
	if i < 0 {
		return 0
	}
	j := i
	for j < len(body) && body[j] == ' ' {
		j++
	}
	if j > maxFlagColumn || j == len(body) {
		return 0
	}
	return j
}
