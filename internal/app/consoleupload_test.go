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
		{[]upload.Column{{Name: "region", Type: "STRING"}, {Name: "amount", Type: "INTEGER"}}, ""},
		{[]upload.Column{{Name: "amount", Type: "INTEGER"}, {Name: "region", Type: "STRING"}}, "the columns are in another order"},
		{[]upload.Column{{Name: "region", Type: "STRING"}, {Name: "amount", Type: "DECIMAL"}}, `changed types: "amount" from INTEGER to DECIMAL`},
		{[]upload.Column{{Name: "region", Type: "STRING"}, {Name: "amount", Type: "INTEGER"}, {Name: "day", Type: "DATETIME"}}, `new columns "day" (DATETIME)`},
		{[]upload.Column{{Name: "region", Type: "STRING"}}, `missing columns "amount" (INTEGER)`},
	} {
		if got := ColumnChanges(old, tc.cols); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.cols, got, tc.want)
		}
	}
}
