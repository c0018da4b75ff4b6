package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// An items limit over a sort by a field the chart does not show (a
// hidden column, a shown column under another aggregation, or a
// drill-down's lower level) would keep other categories or colors than
// the visual's: refused by name.
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
	// The shown column under another aggregation is another field; under
	// its own (or none), the chart's measure.
	byRevenue := func(agg string) string {
		return `[{"ColumnSort": {"SortBy": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "Direction": "DESC"` + agg + `}}]`
	}
	limit := `, "CategoryItemsLimit": {"ItemsLimit": 2}`
	wantEq(t, "another aggregation", bar(`"CategorySort": `+byRevenue(`, "AggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}`)+limit).unsupported,
		[]string{"CategoryItemsLimit sorted by a field the chart does not show"})
	p = bar(`"CategorySort": ` + byRevenue(`, "AggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "SUM"}}`) + limit)
	wantEq(t, "its own aggregation", [2]any{p.sort, p.unsupported}, [2]any{[]query.Sort{{ID: "v", Descending: true}}, []string(nil)})
	wantEq(t, "no aggregation", bar(`"CategorySort": `+byRevenue("")+limit).sort, []query.Sort{{ID: "v", Descending: true}})
	wantEq(t, "the category counted", bar(`"CategorySort": [{"ColumnSort": {"SortBy": {"DataSetIdentifier": "sales", "ColumnName": "region"},
		"AggregationFunction": {"CategoricalAggregationFunction": "COUNT"}}}]`+limit).unsupported, []string{"CategoryItemsLimit sorted by a field the chart does not show"})
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
