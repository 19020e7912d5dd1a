package cmd

import (
	"bytes"
	"os"
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
	// One answer suppresses a mistake it makes, so the report has a suppressed entry too.
	suppressed := filepath.Join(t.TempDir(), "terraform-unsafe-changes.md")
	if err := os.WriteFile(suppressed, []byte("<!-- answerlint-disable apply-from-laptop this is a story about a past job -->\n"+
		"State is remote in S3 with DynamoDB locking, every change is a pull request with the plan output reviewed,\n"+
		"and OPA policies block public buckets. Back then we just ran terraform apply from a laptop.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"grade", "--format", "json", "--color", "never", "../testdata/no-such-answer.md", suppressed}, answers...)
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
	if !strings.Contains(out.String(), `"reason": "this is a story about a past job"`) {
		t.Errorf("the suppression is not in the report")
	}
	for _, a := range answers {
		if !strings.Contains(out.String(), filepath.ToSlash(a)) {
			t.Errorf("%s is not in the report", a)
		}
	}
}
