package text

import (
	"slices"
	"testing"
)

func TestSpacedWordsReadAsOne(t *testing.T) {
	a := NewAnalyzer(DefaultSynonyms, []string{"route53", "failover", "autoscaling", "rollback"})
	for _, tt := range []struct {
		text, want string // want: the word two spaced words are also read as, "" for none
	}{
		{"Route 53 health checks", "route53"},
		{"we fail over to the standby", "failover"},
		{"failing over takes a minute", "failover"},
		{"auto scaling groups", "autoscaling"},
		{"fail, over and over", ""},  // a comma keeps the words apart
		{"fail. Over the years", ""}, // so does a sentence end
		{"the route to 53 hosts", ""},
	} {
		t.Run(tt.text, func(t *testing.T) {
			d := a.Analyze(tt.text, 0, len(tt.text))
			var got []string
			for i := range d.Tokens {
				for _, alt := range d.AltsAt(i) {
					if alt.Kind == AltCompound && alt.Span == 2 {
						got = append(got, alt.Surface)
					}
				}
			}
			if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Contains(got, tt.want) {
				t.Errorf("compound readings %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPathsJoinSpacedWords(t *testing.T) {
	a := NewAnalyzer(nil, nil)
	for _, tt := range []struct {
		phrase string
		want   []string
	}{
		{"fail over", []string{"failov"}},
		{"route 53", []string{"route53"}},
		{"roll back quickly", []string{"rollback", "quick"}},
	} {
		if got := a.Paths(tt.phrase); !slices.ContainsFunc(got, func(p []string) bool { return slices.Equal(p, tt.want) }) {
			t.Errorf("Paths(%q) = %q, want a reading %q", tt.phrase, got, tt.want)
		}
	}
}

func TestDerivedWordsAreSynonyms(t *testing.T) {
	a := NewAnalyzer(DefaultSynonyms, nil)
	canonical := func(s string) string {
		d := a.Analyze(s, 0, len(s))
		for _, alt := range d.AltsAt(0) {
			if alt.Kind == AltSynonym {
				return alt.Term
			}
		}
		return d.Tokens[0].Term
	}
	for _, group := range [][]string{
		{"automatic", "automated", "automation", "automatically"},
		{"decide", "decision", "decides"},
		{"recover", "recovery"},
		// Shorthand in terse notes.
		{"credentials", "creds", "credential"},
		{"configuration", "cfg", "config"},
		{"service", "svc"},
		{"dependencies", "deps"},
		{"permissions", "perms"},
		{"namespace", "ns"},
		{"prometheus", "prom"},
	} {
		want := canonical(group[0])
		for _, w := range group[1:] {
			if got := canonical(w); got != want {
				t.Errorf("%q reads %q, %q reads %q: want one reading", group[0], want, w, got)
			}
		}
	}
}

func TestReportedPastPractice(t *testing.T) {
	a := NewAnalyzer(nil, nil)
	for _, tt := range []struct {
		text     string
		reported bool // whether the first sentence reports past practice as a fixed problem
	}{
		{"At my last job people would run terraform apply locally, which caused outages, so we moved it to CI.", true},
		{"Engineers used to apply from their laptops; that broke prod twice, so now only the pipeline applies.", true},
		{"We used to keep secrets in env files. That led to a leak, and we moved to Vault.", true},
		{"Previously the team copied values between services until we started load testing.", true},
		{"We used to deploy on Fridays.", false},                  // past, but nothing says it was a problem
		{"Running apply locally caused outages at scale.", false}, // no practice placed in the past
		{"I run terraform apply from my laptop and it works.", false},
	} {
		t.Run(tt.text, func(t *testing.T) {
			d := a.Analyze(tt.text, 0, len(tt.text))
			if got := d.ReportedBy(0) >= 0; got != tt.reported {
				t.Errorf("reported %v, want %v", got, tt.reported)
			}
		})
	}
}

// TestShorthandNegation: "w/o" is "without" in terse notes, and negates what follows it; a contraction
// typed (or converted) with a double quote for its apostrophe negates as the contraction does.
func TestShorthandNegation(t *testing.T) {
	a := NewAnalyzer(nil, nil)
	for _, tt := range []struct {
		text    string
		negated bool // whether the last word is negated
	}{
		{"deploys to prod w/o approval", true},
		{"rollback w/o metrics", true},
		{"state in S3 w/ locking", false},
		{"deploys to prod without approval", true},
		{`the bulb wasn"t in a closed path`, true}, // a double quote typed for the apostrophe
		{`it doesn"t pass the approval`, true},
		{`the "isn" field holds the approval`, false}, // quotes around a word stay quotes
	} {
		t.Run(tt.text, func(t *testing.T) {
			d := a.Analyze(tt.text, 0, len(tt.text))
			last := len(d.Tokens) - 1
			if got := d.Negation(last, last, nil) >= 0; got != tt.negated {
				t.Errorf("negated %v, want %v", got, tt.negated)
			}
		})
	}
}
