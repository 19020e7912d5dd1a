package cmd

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/pflag"
)

// stringsValue is pflag's string slice flag — its type is "stringSlice"; each use takes values
// separated by commas, quoted as in CSV; the first use replaces the default, the next ones add to it —
// with a String that needs no CSV writer unless a value needs quoting. pflag takes a flag's String
// when the flag is defined, for its default, and viper again to read it: pflag's own builds an
// encoding/csv writer and its 4 KB buffer each time, on every start (--rubrics is one of the root's
// flags), which on a fresh process is pages to fault in for a few bytes of text.
type stringsValue struct {
	value   *[]string
	changed bool
}

// stringsVarP defines a string slice flag like pflag's StringSliceVarP, stored in p.
func stringsVarP(f *pflag.FlagSet, p *[]string, name, shorthand string, value []string, usage string) {
	*p = value
	fl := f.VarPF(&stringsValue{value: p}, name, shorthand, usage)
	if len(value) == 0 {
		// Help leaves out a default that is the zero value: pflag knows its own slice flag's is
		// "[]"; for any other type it is "".
		fl.DefValue = ""
	}
}

func (s *stringsValue) Set(val string) error {
	v, err := readAsCSV(val)
	if err != nil {
		return err
	}
	if !s.changed {
		*s.value = v
	} else {
		*s.value = append(*s.value, v...)
	}
	s.changed = true
	return nil
}

func (s *stringsValue) Type() string { return "stringSlice" }

// String is the values as pflag's string slice flag writes them, "[a,b]", which viper and
// GetStringSlice read back as CSV.
func (s *stringsValue) String() string {
	if !slices.ContainsFunc(*s.value, needsCSVQuotes) {
		return "[" + strings.Join(*s.value, ",") + "]"
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(*s.value) // a bytes.Buffer does not fail
	w.Flush()
	return "[" + strings.TrimSuffix(b.String(), "\n") + "]"
}

// Append, Replace and GetSlice make it a pflag.SliceValue, as pflag's own is.
func (s *stringsValue) Append(val string) error {
	*s.value = append(*s.value, val)
	return nil
}

func (s *stringsValue) Replace(val []string) error {
	*s.value = val
	return nil
}

func (s *stringsValue) GetSlice() []string { return *s.value }

// needsCSVQuotes reports whether encoding/csv's writer would quote field, or write it otherwise than
// as it is: the cases of its fieldNeedsQuotes, and the empty field, which it writes alone as "".
func needsCSVQuotes(field string) bool {
	if field == "" || field == `\.` || strings.ContainsAny(field, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

// readAsCSV splits a flag's value as pflag's string slice flag does.
func readAsCSV(val string) ([]string, error) {
	if val == "" {
		return []string{}, nil
	}
	return csv.NewReader(strings.NewReader(val)).Read()
}
