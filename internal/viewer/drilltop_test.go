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

// An items limit over a sort by a field the chart does not show (a
// hidden column, or a drill-down's lower level) would keep other
// categories or colors than the visual's: refused by name.
func TestLimitOverLostSort(t *testing.T) {
	bar := func(sort string) *plan {
		p, _ := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {`+regionCat+`, `+segColors+`,
			"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
			"SortConfiguration": {`+sort+`}}}}`))
		return p
	}
	hidden := `[{"ColumnSort": {"SortBy": {"DataSetIdentifier": "sales", "ColumnName": "profit"}, "Direction": "DESC", "AggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}}]`
	wantEq(t, "category", bar(`"CategorySort": `+hidden+`, "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`).unsupported,
		[]string{"CategoryItemsLimit sorted by a field the chart does not show"})
	p := bar(`"CategorySort": [{"FieldSort": {"FieldId": "r", "Direction": "ASC"}}], "ColorSort": ` + hidden + `, "ColorItemsLimit": {"ItemsLimit": 1}`)
	wantEq(t, "color", [2]any{p.unsupported, p.sort}, [2]any{[]string{"ColorItemsLimit with a ColorSort by a field the chart does not show"}, []query.Sort{{ID: "r"}}})
	wantEq(t, "no limit", bar(`"CategorySort": `+hidden).unsupported, []string(nil))
}

// A category limit sorted by the Colors field has no one value per
// category to rank by: refused by name, with "Other" or without, whatever
// the measure.
func TestLimitSortedByColors(t *testing.T) {
	bar := func(agg, other string) []string {
		p, _ := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {`+regionCat+`, `+segColors+`,
			"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "`+agg+`"}}}]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "c", "Direction": "ASC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "`+other+`"}}}}}`))
		return p.unsupported
	}
	wantEq(t, "average, other", bar("AVERAGE", "INCLUDE"), []string{"CategoryItemsLimit with OtherCategories INCLUDE and a Colors field, sorted by the Colors field"})
	wantEq(t, "sum, other", bar("SUM", "INCLUDE"), []string{"CategoryItemsLimit with OtherCategories INCLUDE and a Colors field, sorted other than by the category"})
	wantEq(t, "sum", bar("SUM", "EXCLUDE"), []string{"CategoryItemsLimit with a Colors field, sorted other than by the category"})
}
