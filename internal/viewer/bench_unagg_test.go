package viewer_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// BenchmarkUnaggregatedTable times an unaggregated table of the 100,000
// sample orders (order id, city, revenue in USD, sorted by revenue, with
// totals: its first 10,000 rows and the count and totals over all),
// uncached, against the aggregated table of the same columns (grouped by
// order id and city, the first 1,000 groups) in the same run.
func BenchmarkUnaggregatedTable(b *testing.B) {
	ctx := context.Background()
	sample, run := sampleApp(b, false)
	arn := sample.Definition().DataSetIdentifierDeclarations[0].DataSetArn
	col := func(id, name string) string {
		return fmt.Sprintf(`{"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}`, id, name)
	}
	raw := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
	  "Sheets": [{"SheetId": "s", "Visuals": [
	    {"TableVisual": {"VisualId": "unaggregated", "ChartConfiguration": {
	      "FieldWells": {"TableUnaggregatedFieldWells": {"Values": [%s, %s, {"FieldId": "u-rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
	        "FormatConfiguration": {"NumberFormatConfiguration": {"FormatConfiguration": {"CurrencyDisplayFormatConfiguration": {"Symbol": "USD"}}}}}]}},
	      "SortConfiguration": {"RowSort": [{"FieldSort": {"FieldId": "u-rev", "Direction": "DESC"}}]},
	      "TotalOptions": {"TotalsVisibility": "VISIBLE"}}}},
	    {"TableVisual": {"VisualId": "aggregated", "ChartConfiguration": {
	      "FieldWells": {"TableAggregatedFieldWells": {"GroupBy": [{"NumericalDimensionField": %s}, {"CategoricalDimensionField": %s}],
	        "Values": [{"NumericalMeasureField": {"FieldId": "a-rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}},
	      "SortConfiguration": {"RowSort": [{"FieldSort": {"FieldId": "a-rev", "Direction": "DESC"}}]}}}}
	  ]}]}`, arn, col("u-id", "order_id"), col("u-city", "city"), col("a-id", "order_id"), col("a-city", "city"))
	def, err := definition.Parse([]byte(raw))
	if err != nil {
		b.Fatal(err)
	}
	for _, id := range []string{"unaggregated", "aggregated"} {
		b.Run(id, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				s := viewer.New(def, nil, time.Time{}).RenderVisuals(ctx, "s", []string{id}, run, 1)
				if t := s.Tiles[0]; t.Kind != viewer.TileTable || len(t.Table.Rows) == 0 {
					b.Fatalf("%s: %s %s", id, t.Kind, t.Message)
				}
			}
		})
	}
}
