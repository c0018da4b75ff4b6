package app

import (
	"testing"

	sg "github.com/sightglass/sightglass"
)

// TestCheckDefinitionModel: a definition that did not come through the
// API (the console, publishing, the samples) is checked against the model
// too.
func TestCheckDefinitionModel(t *testing.T) {
	err := checkDefinitionModel([]byte(`{"DataSetIdentifierDeclarations":[],"Sheets":[{"SheetId":"s"}]}`), false)
	if sg.ErrorCode(err) != sg.EVALIDATION {
		t.Fatalf("err = %v, want EVALIDATION", err)
	}
	want := "1 validation error detected: Value '[]' at 'definition.dataSetIdentifierDeclarations' failed to satisfy constraint: Member must have length greater than or equal to 1"
	if got := sg.ErrorMessage(err); got != want {
		t.Fatalf("message %q\nwant %q", got, want)
	}
	if err := checkDefinitionModel([]byte(`{"DataSetIdentifierDeclarations":[{"Identifier":"a","DataSetArn":"x"}],"Bogus":1}`), true); sg.ErrorCode(err) != sg.EINVALID {
		t.Fatalf("unknown member: %v, want EINVALID", err)
	}
	if err := checkDefinitionModel([]byte(sampleDefinition), true); err != nil {
		t.Fatalf("sample: %v", err)
	}
}
