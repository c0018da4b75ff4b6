package app

import (
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/upload"
)

func TestColumnChanges(t *testing.T) {
	old := []sg.DataSetColumn{{Name: "region", Type: "STRING"}, {Name: "amount", Type: "INTEGER"}}
	for _, tc := range []struct {
		cols []upload.Column
		want string
	}{
		{[]upload.Column{{"region", "STRING"}, {"amount", "INTEGER"}}, ""},
		{[]upload.Column{{"amount", "INTEGER"}, {"region", "STRING"}}, "the columns are in another order"},
		{[]upload.Column{{"region", "STRING"}, {"amount", "DECIMAL"}}, `changed types: "amount" from INTEGER to DECIMAL`},
		{[]upload.Column{{"region", "STRING"}, {"amount", "INTEGER"}, {"day", "DATETIME"}}, `new columns "day" (DATETIME)`},
		{[]upload.Column{{"region", "STRING"}}, `missing columns "amount" (INTEGER)`},
	} {
		if got := ColumnChanges(old, tc.cols); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.cols, got, tc.want)
		}
	}
}
