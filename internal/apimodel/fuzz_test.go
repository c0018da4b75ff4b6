package apimodel

import (
	"errors"
	"testing"
)

// FuzzValidateDefinition: any bytes as a definition give nil or an *Error,
// never a panic.
func FuzzValidateDefinition(f *testing.F) {
	f.Add(sample(f))
	for _, s := range []string{`{}`, `null`, `[]`, `{"Sheets":[{"SheetId":"a b"}]}`, `{"FilterGroups":[null]}`, `{"DataSetIdentifierDeclarations":[]}`, `{"Sheets":[{"Visuals":[{"BarChartVisual":{"VisualId":1}}]}]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		err := ValidateJSON("AnalysisDefinition", "definition", raw)
		if err != nil {
			if _, ok := errors.AsType[*Error](err); !ok {
				t.Fatalf("error %v is not an *Error", err)
			}
		}
	})
}
