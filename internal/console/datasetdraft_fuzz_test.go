package console

import (
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dataset"
)

// FuzzDraft feeds the dataset editor's draft parser and steps arbitrary
// bytes, as a tampered page could post them: no panic, and every draft it
// accepts survives its own round trip and each step.
func FuzzDraft(f *testing.F) {
	f.Add(startTable("arn:aws:quicksight:us-east-1:123456789012:datasource/s", "s", "", "orders", []dataset.InputColumn{{Name: "id", Type: "INTEGER"}, {Name: "region", Type: "STRING"}}).JSON(), "region")
	f.Add(`{"LogicalTableMap":{"a":{"Alias":"a","Source":{"JoinInstruction":{"LeftOperand":"a","RightOperand":"b"}}},"b":null}}`, "x")
	f.Add(`{"LogicalTableMap":{"a":{"Source":"oops","DataTransforms":[1,"x",{}]}}}`, "")
	f.Add(`{"PhysicalTableMap":[],"LogicalTableMap":{}}`, "id")
	f.Fuzz(func(t *testing.T, raw, column string) {
		d, err := parseDraft(raw)
		if err != nil {
			return
		}
		again, err := parseDraft(d.JSON())
		if err != nil {
			t.Fatalf("a parsed draft does not parse again: %v", err)
		}
		describe(again)
		cols := []sg.DataSetColumn{{Name: column, Type: "STRING"}, {Name: "other", Type: "INTEGER"}}
		_ = again.rename(column, "renamed")
		_ = again.cast(column, "INTEGER", "")
		_ = again.exclude(cols, column)
		_ = again.calculated("c", "{"+column+"}")
		_ = again.filter("{" + column + "} = 1")
		_ = again.removeStep(0)
		_ = again.join("arn", "", "t", []dataset.InputColumn{{Name: column, Type: "STRING"}}, cols, "INNER", column, column)
		describe(again)
		if _, err := parseDraft(again.JSON()); err != nil {
			t.Fatalf("a draft after steps does not parse: %v", err)
		}
		physical, logical := again.maps()
		_, _ = dataset.Parse(physical, logical)
	})
}
