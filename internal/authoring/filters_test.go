package authoring

import (
	"errors"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
)

func TestFilters(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, id, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	raw, _, _ = AddField(raw, id, "Category", region, -1)
	raw, cat, err := AddCategoryFilter(raw, region, []string{"Europe", "Asia Pacific"}, Scope{SheetID: FirstSheetID})
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := 10.0, 500.5
	raw, num, err := AddNumericRangeFilter(raw, revenue, &lo, &hi, Scope{SheetID: FirstSheetID, VisualIDs: []string{id}})
	if err != nil {
		t.Fatal(err)
	}
	def, err := definition.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	got := def.FiltersFor(FirstSheetID, id)
	if len(got) != 2 || got[0].Filter.CategoryFilter == nil || got[1].Filter.NumericRangeFilter == nil {
		t.Fatalf("filters for the visual: %+v", got)
	}
	raw, _, _ = AddVisual(raw, FirstSheetID, "KPIVisual")
	def, _ = definition.Parse(raw)
	if n := len(def.FiltersFor(FirstSheetID, "visual-2")); n != 1 {
		t.Fatalf("the other visual gets %d filters, want the sheet-wide one", n)
	}
	raw = must[[]byte](t)(RemoveFilterGroup(raw, cat))
	raw = must[[]byte](t)(RemoveFilterGroup(raw, num))
	def, _ = definition.Parse(raw)
	if len(def.FilterGroups) != 0 {
		t.Fatalf("filter groups left: %+v", def.FilterGroups)
	}
	for name, err := range map[string]error{
		"no values":     second(AddCategoryFilter(raw, region, nil, Scope{SheetID: FirstSheetID})),
		"not numeric":   second(AddNumericRangeFilter(raw, region, &lo, nil, Scope{SheetID: FirstSheetID})),
		"no bounds":     second(AddNumericRangeFilter(raw, revenue, nil, nil, Scope{SheetID: FirstSheetID})),
		"inverted":      second(AddNumericRangeFilter(raw, revenue, &hi, &lo, Scope{SheetID: FirstSheetID})),
		"no sheet":      second(AddCategoryFilter(raw, region, []string{"x"}, Scope{SheetID: "nope"})),
		"no visual":     second(AddCategoryFilter(raw, region, []string{"x"}, Scope{SheetID: FirstSheetID, VisualIDs: []string{"nope"}})),
		"no dataset":    second(AddCategoryFilter(raw, Column{"other", "x", "STRING"}, []string{"x"}, Scope{SheetID: FirstSheetID})),
		"unknown group": errOf(RemoveFilterGroup(raw, "nope")),
	} {
		if !errors.Is(err, ErrEdit) {
			t.Errorf("%s: err = %v, want ErrEdit", name, err)
		}
	}
}
