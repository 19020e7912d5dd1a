package cmd

import (
	"reflect"
	"testing"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// TestStringsFlagIsPflags: stringsValue behaves as pflag's string slice flag in everything answerlint
// or a user can see — the values each use of the flag leaves, its errors, its help line, and what
// GetStringSlice and viper read from it.
func TestStringsFlagIsPflags(t *testing.T) {
	for _, tt := range []struct {
		name string
		def  []string
		sets []string
	}{
		{"no default, unset", nil, nil},
		{"default, unset", []string{"text"}, nil},
		{"defaults that CSV quotes", []string{"a,b", " lead", `say "hi"`, "", `\.`}, nil},
		{"one use replaces the default", []string{"text"}, []string{"json"}},
		{"commas split", nil, []string{"json,line"}},
		{"uses add up", []string{"text"}, []string{"json", "line=out.txt,sarif"}},
		{"quoted comma", nil, []string{`"a,b",c`}},
		{"empty use", []string{"text"}, []string{""}},
		{"bad quoting", nil, []string{`a"b`}},
		{"spaces", nil, []string{"a b, c"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ours, theirs := pflag.NewFlagSet("ours", pflag.ContinueOnError), pflag.NewFlagSet("theirs", pflag.ContinueOnError)
			var got, want []string
			stringsVarP(ours, &got, "list", "l", tt.def, "a `thing` (repeatable)")
			theirs.StringSliceVarP(&want, "list", "l", tt.def, "a `thing` (repeatable)")
			if g, w := ours.FlagUsages(), theirs.FlagUsages(); g != w {
				t.Errorf("help:\n%s\nwant:\n%s", g, w)
			}
			for _, s := range tt.sets {
				gErr, wErr := ours.Set("list", s), theirs.Set("list", s)
				if (gErr == nil) != (wErr == nil) {
					t.Errorf("Set(%q) = %v, want %v", s, gErr, wErr)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("values %q, want %q", got, want)
			}
			g, w := ours.Lookup("list"), theirs.Lookup("list")
			if g.Value.String() != w.Value.String() || g.Value.Type() != w.Value.Type() {
				t.Errorf("String, Type = %q, %q; want %q, %q", g.Value.String(), g.Value.Type(), w.Value.String(), w.Value.Type())
			}
			gs, _ := ours.GetStringSlice("list")
			ws, _ := theirs.GetStringSlice("list")
			if !reflect.DeepEqual(gs, ws) {
				t.Errorf("GetStringSlice = %q, want %q", gs, ws)
			}
			gv, wv := viper.New(), viper.New()
			gv.BindPFlag("list", g)
			wv.BindPFlag("list", w)
			if a, b := gv.GetStringSlice("list"), wv.GetStringSlice("list"); !reflect.DeepEqual(a, b) {
				t.Errorf("viper reads %q, want %q", a, b)
			}
		})
	}
}
