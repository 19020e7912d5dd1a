// Package schematest checks documents against JSON Schemas in tests. Only tests import it, so the
// validator never reaches the answerlint binary.
package schematest

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Validate fails the test unless doc is JSON that matches the schema in schemaFile.
func Validate(t testing.TB, schemaFile string, doc []byte) {
	t.Helper()
	abs, err := filepath.Abs(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	sch, err := jsonschema.NewCompiler().Compile(abs)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("does not match %s: %v", filepath.Base(schemaFile), err)
	}
}
