package viewer

import (
	"fmt"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// chartRows is a bar chart's answer at its row bound: 25 categories × 20
// colors, one sum each.
func chartRows() *Result {
	res := &Result{Columns: []query.ResultColumn{{ID: "r"}, {ID: "c"}, {ID: "rev", Role: query.RoleMeasure}}}
	for i := range chartLimit {
		res.Rows = append(res.Rows, []any{fmt.Sprintf("cat%02d", i/20), fmt.Sprintf("color%02d", i%20), int64(i * 7919 % 1000)})
	}
	return res
}

// BenchmarkRankedLimits ranks a full chart answer for its items limits,
// as each drawn tile with a ColorItemsLimit or a CategoryItemsLimit
// sorted by a measure does, against keeping the first categories (the
// limit sorted by the category, no ranking) in the same run.
func BenchmarkRankedLimits(b *testing.B) {
	res := chartRows()
	p := rankedBar(b, `"CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 10, "OtherCategories": "INCLUDE"}, "ColorItemsLimit": {"ItemsLimit": 10, "OtherCategories": "INCLUDE"}`)
	b.Run("ranked", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, _ := rankCategories(res, p)
			r, _ = limitColors(r, p)
			foldOther(r, p.otherLimit, 1)
		}
	})
	b.Run("first-categories", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			firstCategories(res, 10)
		}
	})
}

// BenchmarkFieldNullTexts reads a table's null texts from its definition,
// as each drawn tile does, next to the number formats' walk of the same
// visual (fieldFormats), which every table already pays.
func BenchmarkFieldNullTexts(b *testing.B) {
	vis := visualOf(b, `{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		"GroupBy": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}, "FormatConfiguration": {"NullValueFormatConfiguration": {"NullString": "n/a"}}}},
			{"DateDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "FormatConfiguration": {"DateTimeFormat": "YYYY-MM-DD", "NullValueFormatConfiguration": {"NullString": "null"}}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"},
			"FormatConfiguration": {"FormatConfiguration": {"NumberDisplayFormatConfiguration": {"DecimalPlacesConfiguration": {"DecimalPlaces": 2}, "NullValueFormatConfiguration": {"NullString": "null"}}}}}}]}},
		"FieldOptions": {"SelectedFieldOptions": [{"FieldId": "r", "CustomLabel": "Region", "Width": "120px"}, {"FieldId": "d", "Visibility": "HIDDEN"}]}}}}`)
	b.Run("null-texts", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			fieldNullTexts(vis.Raw)
		}
	})
	b.Run("number-formats", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			fieldFormats(vis.Raw)
		}
	})
}
