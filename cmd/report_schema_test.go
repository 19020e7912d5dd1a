package cmd

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestJSONReportMatchesSchema grades every sample answer (and an input error) and validates the real
// JSON report against docs/schema/report.schema.json.
func TestJSONReportMatchesSchema(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile("../docs/schema/report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	answers, err := filepath.Glob("../testdata/answers/*.md")
	if err != nil || len(answers) == 0 {
		t.Fatalf("no sample answers: %v", err)
	}
	args := append([]string{"grade", "--format", "json", "--color", "never", "../testdata/no-such-answer.md"}, answers...)
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errOut)
	if code != ExitError {
		t.Errorf("exit code %d, want %d (one input is missing); stderr:\n%s", code, ExitError, errOut.String())
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("report does not match the schema: %v", err)
	}
	if !strings.Contains(out.String(), `"errors": [`) || !strings.Contains(out.String(), "no-such-answer.md") {
		t.Errorf("the missing file is not in the report's errors")
	}
	for _, a := range answers {
		if !strings.Contains(out.String(), filepath.ToSlash(a)) {
			t.Errorf("%s is not in the report", a)
		}
	}
}
