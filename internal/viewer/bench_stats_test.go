package viewer_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// BenchmarkStatsVisuals times a histogram (by width, and by count with its
// range question first), a box plot per region (also with its outliers),
// a box plot of quantities per month (alone, with its outliers, and with
// two computed reference lines besides) and a Sankey diagram on the
// 100,000-row sample, uncached, against a bar of revenue by region (one
// GROUP BY) in the same run.
func BenchmarkStatsVisuals(b *testing.B) {
	v, run := sampleApp(b, false)
	arn := v.Definition().DataSetARNs()[0]
	col := func(name string) string {
		return fmt.Sprintf(`{"DataSetIdentifier": "sales", "ColumnName": %q}`, name)
	}
	dim := func(id, name string) string {
		return fmt.Sprintf(`{"CategoricalDimensionField": {"FieldId": %q, "Column": %s}}`, id, col(name))
	}
	val := func(id, name string) string {
		return fmt.Sprintf(`{"NumericalMeasureField": {"FieldId": %q, "Column": %s}}`, id, col(name))
	}
	visuals := map[string]string{
		"bar":             `{"BarChartVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [` + dim("c", "region") + `], "Values": [` + val("m", "revenue") + `]}}}}}`,
		"histogram-width": `{"HistogramVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"HistogramAggregatedFieldWells": {"Values": [` + val("m", "revenue") + `]}}, "BinOptions": {"SelectedBinType": "BIN_WIDTH", "BinWidth": {"Value": 250}}}}}`,
		"histogram-count": `{"HistogramVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"HistogramAggregatedFieldWells": {"Values": [` + val("m", "revenue") + `]}}, "BinOptions": {"BinCount": {"Value": 20}}}}}`,
		"boxplot":         `{"BoxPlotVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {"GroupBy": [` + dim("c", "region") + `], "Values": [` + val("m", "revenue") + `]}}}}}`,
		"boxplot-month-outliers-lines": `{"BoxPlotVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {"GroupBy": [{"DateDimensionField": {"FieldId": "c", "Column": ` + col("order_date") + `, "DateGranularity": "MONTH"}}], "Values": [` + val("m", "quantity") + `]}},
			"BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}, "ReferenceLines": [{"DataConfiguration": {"DynamicConfiguration": {"Column": ` + col("quantity") + `, "Calculation": {"SimpleNumericalAggregation": "AVERAGE"}}}},
			  {"DataConfiguration": {"DynamicConfiguration": {"Column": ` + col("quantity") + `, "Calculation": {"PercentileAggregation": {"PercentileValue": 90}}}}}]}}}`,
		"boxplot-month": `{"BoxPlotVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {"GroupBy": [{"DateDimensionField": {"FieldId": "c", "Column": ` + col("order_date") + `, "DateGranularity": "MONTH"}}], "Values": [` + val("m", "quantity") + `]}},
			"ReferenceLinesX": [{"DataConfiguration": {"DynamicConfiguration": {"Column": ` + col("quantity") + `, "Calculation": {"SimpleNumericalAggregation": "AVERAGE"}}}},
			  {"DataConfiguration": {"DynamicConfiguration": {"Column": ` + col("quantity") + `, "Calculation": {"PercentileAggregation": {"PercentileValue": 90}}}}}]}}}`,
		"boxplot-month-outliers": `{"BoxPlotVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {"GroupBy": [{"DateDimensionField": {"FieldId": "c", "Column": ` + col("order_date") + `, "DateGranularity": "MONTH"}}], "Values": [` + val("m", "quantity") + `]}},
			"BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}, "ReferenceLinesX": [{"DataConfiguration": {"DynamicConfiguration": {"Column": ` + col("quantity") + `, "Calculation": {"SimpleNumericalAggregation": "AVERAGE"}}}},
			  {"DataConfiguration": {"DynamicConfiguration": {"Column": ` + col("quantity") + `, "Calculation": {"PercentileAggregation": {"PercentileValue": 90}}}}}]}}}`,
		"boxplot-region-outliers": `{"BoxPlotVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {"GroupBy": [` + dim("c", "region") + `], "Values": [` + val("m", "quantity") + `]}}, "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}}}}`,
		"sankey":                  `{"SankeyDiagramVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"SankeyDiagramAggregatedFieldWells": {"Source": [` + dim("s", "segment") + `], "Destination": [` + dim("d", "region") + `], "Weight": [` + val("m", "revenue") + `]}}}}}`,
	}
	ctx := context.Background()
	for _, name := range []string{"bar", "histogram-width", "histogram-count", "boxplot", "boxplot-region-outliers", "boxplot-month", "boxplot-month-outliers", "boxplot-month-outliers-lines", "sankey"} {
		def, err := definition.Parse([]byte(fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
			"Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [%s]}]}`, arn, visuals[name])))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				s := viewer.New(def, nil, time.Time{}).RenderSheet(ctx, "s", run, 1)
				if t := s.Tiles[0]; t.Kind != viewer.TileChart {
					b.Fatalf("%s: %s %s", name, t.Kind, t.Message)
				}
			}
		})
	}
}
