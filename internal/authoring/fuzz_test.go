package authoring

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// FuzzEdits applies every edit to arbitrary definitions: an edit either
// returns a definition the model accepts or an error, never a panic.
func FuzzEdits(f *testing.F) {
	raw, _ := NewAnalysis("sales", arn)
	raw, id, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	raw, _, _ = AddField(raw, id, "Category", region, -1)
	raw, _, _ = AddField(raw, id, "Values", revenue, -1)
	f.Add(raw, "visual-1", "visual-1.revenue-1", "Values", "PieChartVisual")
	if sample, err := os.ReadFile("../app/samples/sales.json"); err == nil {
		f.Add([]byte(strings.ReplaceAll(string(sample), "{{DATASET_ARN}}", arn)), "bar-region", "revenue-sum", "Category", "TableVisual")
	}
	two, _, _ := AddDataSet(raw, "orders", arn+"-2")
	f.Add(two, "visual-1", "orders", "Values", "arn:aws:quicksight:us-east-1:111122223333:dataset/x")
	f.Add([]byte(`{"Sheets":[{"SheetId":"s","Visuals":[{"BarChartVisual":{"VisualId":"v","ChartConfiguration":{"FieldWells":[]}}}]}],"FilterGroups":[1]}`), "v", "f", "Values", "BarChartVisual")
	f.Fuzz(func(t *testing.T, def []byte, visual, field, well, kind string) {
		check := func(out []byte, err error) {
			if err == nil {
				if verr := Validate(out); verr != nil {
					t.Fatalf("an edit returned a definition the model refuses: %v", verr)
				}
			} else if !errors.Is(err, ErrEdit) {
				t.Fatalf("error outside ErrEdit: %v", err)
			}
		}
		first := func(out []byte, _ string, err error) ([]byte, error) { return out, err }
		check(first(AddVisual(def, FirstSheetID, kind)))
		check(first(AddVisual(def, "s", kind)))
		check(first(DuplicateVisual(def, visual)))
		check(DeleteVisual(def, visual))
		check(ChangeType(def, visual, kind))
		check(first(AddField(def, visual, well, region, 0)))
		check(first(AddField(def, visual, well, Column{"sales", field, "DATETIME"}, -1)))
		check(MoveField(def, field, well, 1))
		check(RemoveField(def, field))
		check(SetAggregation(def, field, "MAX"))
		check(SetGranularity(def, field, "YEAR"))
		check(SetSort(def, field, "ASC"))
		check(first(AddCategoryFilter(def, Column{"sales", field, "STRING"}, []string{well}, Scope{SheetID: "s", VisualIDs: []string{visual}})))
		lo := 1.0
		check(first(AddNumericRangeFilter(def, revenue, &lo, nil, Scope{SheetID: FirstSheetID})))
		check(RemoveFilterGroup(def, field))
		check(SetParameter(def, Parameter{Name: well, Type: kind, Defaults: []string{field}}, visual))
		check(DeleteParameter(def, well))
		check(SetCalculatedField(def, CalculatedField{"sales", field, well}, visual))
		check(DeleteCalculatedField(def, "sales", field))
		check(first(AddParameterControl(def, well, Control{SheetID: "s", Kind: kind, Values: []string{field}, Min: 0, Max: 1, Step: 1})))
		check(first(AddFilterControl(def, field, Control{SheetID: FirstSheetID, Kind: kind})))
		check(RemoveControl(def, field))
		add := func(out []byte, _, _ string, err error) ([]byte, error) { return out, err }
		fl := Filter{Kind: kind, Column: Column{"sales", field, "DATETIME"}, Values: []string{well}, Parameter: well, RelativeType: well, N: 1, By: &revenue, Scope: Scope{SheetID: "s"}}
		check(add(AddFilter(def, fl)))
		check(ReplaceFilter(def, visual, fl))
		check(SetCustomLabel(def, field, well))
		two := 2
		check(SetNumberFormat(def, field, &NumberFormat{Percent: well == "", Decimals: &two, Scale: kind, Prefix: well}))
		check(first(AddAggregatedField(def, visual, well, Column{"sales", field, "DECIMAL"}, 0)))
		check(first(AddDataSet(def, well, kind)))
		check(first(AddDataSet(def, field, arn)))
		check(RemoveDataSet(def, field))
		check(RemoveDataSet(def, "sales"))
		if _, err := VisualDataSet(def, visual); err != nil && !errors.Is(err, ErrEdit) {
			t.Fatalf("error outside ErrEdit: %v", err)
		}
	})
}
