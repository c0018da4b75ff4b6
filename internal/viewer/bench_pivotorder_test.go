package viewer

import (
	"fmt"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// BenchmarkPivotOrder draws a pivot at its cell bound (100 regions × 20
// segments, one sum each) with its rows ordered by the measure over each
// region and its columns by the measure over each segment, as a sorted
// pivot's tile does, against the same pivot with no sort, in the same run.
func BenchmarkPivotOrder(b *testing.B) {
	res := &Result{Columns: []query.ResultColumn{{ID: "region", Type: "STRING"}, {ID: "segment", Type: "STRING"}, {ID: "rev", Role: query.RoleMeasure, Type: "INTEGER"}}}
	rowAgg, colAgg := map[string]any{}, map[string]any{}
	for i := range pivotLimit {
		r, c := fmt.Sprintf("region%03d", i/20), fmt.Sprintf("segment%02d", i%20)
		res.Rows = append(res.Rows, []any{r, c, int64(i * 7919 % 1000)})
		rowAgg[r], colAgg[c] = int64(i*31%997), int64(i*17%89)
	}
	wells := `"PivotTableAggregatedFieldWells": {"Rows": [{"CategoricalDimensionField": {"FieldId": "region", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
		"Columns": [{"CategoricalDimensionField": {"FieldId": "segment", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}`
	plain, _ := planOf(visualOf(b, `{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {`+wells+`}}}}`))
	sorted, _ := planOf(visualOf(b, `{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {`+wells+`},
		"SortConfiguration": {"FieldSortOptions": [{"FieldId": "region", "SortBy": {"Field": {"FieldId": "rev", "Direction": "DESC"}}}, {"FieldId": "segment", "SortBy": {"Field": {"FieldId": "rev", "Direction": "ASC"}}}]}}}}`))
	sorted.pivotOrder.rowAgg, sorted.pivotOrder.colAgg = []map[string]any{rowAgg}, []map[string]any{colAgg}
	b.Run("sorted", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			pivot(sorted, res)
		}
	})
	b.Run("unsorted", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			pivot(plain, res)
		}
	})
}
