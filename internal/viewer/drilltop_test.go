package viewer

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// Several fields in a Category or Colors well are a drill-down: the chart
// asks and draws its first field only (a second field used to split the
// question and overwrite a category's bar with one of its rows), so its
// items limits, "Other" included, apply as with one field; a saved
// drill-down state is refused by name.
func TestDrillTop(t *testing.T) {
	dim := func(id, col string) string {
		return `{"CategoricalDimensionField": {"FieldId": "` + id + `", "Column": {"DataSetIdentifier": "sales", "ColumnName": "` + col + `"}}}`
	}
	bar := func(hierarchies, sort string) *plan {
		p, ok := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [`+dim("r", "region")+`, `+dim("y", "city")+`], "Colors": [`+dim("c", "segment")+`, `+dim("k", "category")+`],
			"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}]}},
			"SortConfiguration": {`+sort+`}}`+hierarchies+`}}`))
		if !ok {
			t.Fatal("no plan")
		}
		return p
	}
	p := bar("", `"CategorySort": [{"FieldSort": {"FieldId": "v", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "top level", [3]any{len(p.category), len(p.colors), p.unsupported}, [3]any{1, 1, []string(nil)})
	wantEq(t, "other asked", p.asked, []*askedLimit{{n: 2, other: true}})
	p = bar("", `"ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "colors other", [2]any{p.asked, p.unsupported}, [2]any{[]*askedLimit{{n: 1, other: true, dim: 1, rank: []query.Sort{{ID: "v", Descending: true}}}}, []string(nil)})
	hier := `, "ColumnHierarchies": [{"ExplicitHierarchy": {"HierarchyId": "h", "Columns": [{"DataSetIdentifier": "sales", "ColumnName": "region"}, {"DataSetIdentifier": "sales", "ColumnName": "city"}]%s}}]`
	p = bar(fmt.Sprintf(hier, ""), `"CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "hierarchy at its top", p.unsupported, []string(nil))
	p = bar(fmt.Sprintf(hier, `, "DrillDownFilters": [{"CategoryFilter": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}, "CategoryValues": ["East"]}}]`), ``)
	wantEq(t, "drilled down", p.unsupported, []string{"a drill-down saved below its top level (DrillDownFilters)"})
	wantEq(t, "unreadable hierarchy", drilledDown([]json.RawMessage{json.RawMessage(`[`)}), true)
}

// A drill-down saved on a visual of any kind is refused, a one-field date
// well's or a tree map's as a bar chart's two-level one.
func TestSavedDrillAnyVisual(t *testing.T) {
	drill := `, "ColumnHierarchies": [{"DateTimeHierarchy": {"HierarchyId": "h", "DrillDownFilters": [{"TimeRangeDrillDownFilter": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "day"}, "RangeMinimum": 0, "RangeMaximum": 1, "TimeGranularity": "YEAR"}}]}}]`
	date := `{"DateDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "day"}, "DateGranularity": "YEAR", "HierarchyId": "h"}}`
	for name, js := range map[string]string{
		"line":     `{"LineChartVisual": {"VisualId": "v"` + drill + `, "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {"Category": [` + date + `], "Values": [` + lblVal + `]}}}}}`,
		"tree map": `{"TreeMapVisual": {"VisualId": "v"` + drill + `, "ChartConfiguration": {"FieldWells": {"TreeMapAggregatedFieldWells": {"Groups": [` + lblDim + `], "Sizes": [` + lblVal + `]}}}}}`,
	} {
		p, _ := planOf(visualOf(t, js))
		wantEq(t, name, p.unsupported, []string{drillRefusal})
	}
}
