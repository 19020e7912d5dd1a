package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// indentCases are compact JSON documents with what trips an indenter: empty objects and arrays, nested
// ones, and strings holding quotes, backslashes, brackets, commas and colons.
var indentCases = []string{
	`{}`, `[]`, `{"a":[]}`, `[{},[],{"b":{}}]`, `{"a":1,"b":[1,2,{"c":null}],"d":"x"}`,
	`"plain"`, `{"q":"say \"hi\", [ok]: {no}"}`, `{"bs":"C:\\dir\\","next":true}`, `["\\\"",",",":","{","}"]`,
	`{"u":"\u003c\u2028é"}`, `[[[[]]]]`, `{"n":-1.5e-7}`,
}

// appendIndented writes what json.Indent writes for compact JSON: the results of the sample report as
// AppendResult writes them, and the cases above, at the depths the reports use.
func TestAppendIndentedMatchesJSONIndent(t *testing.T) {
	docs := append([]string(nil), indentCases...)
	for _, res := range batchReport().Results {
		docs = append(docs, string(AppendResult(nil, res)))
	}
	for _, doc := range docs {
		for _, prefix := range []string{"", "  ", "        "} {
			var want bytes.Buffer
			if err := json.Indent(&want, []byte(doc), prefix, "  "); err != nil {
				t.Fatalf("%s: %v", doc, err)
			}
			if got := appendIndented(nil, []byte(doc), prefix); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("prefix %q:\n%s\nwant\n%s", prefix, got, want.Bytes())
			}
		}
	}
}

// FuzzAppendIndented holds appendIndented to json.Indent on any compact JSON.
func FuzzAppendIndented(f *testing.F) {
	for _, c := range indentCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(doc)) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "    ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, compact.Bytes(), "    "); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%q:\n%s\nwant\n%s", compact.Bytes(), got, want.Bytes())
		}
	})
}
