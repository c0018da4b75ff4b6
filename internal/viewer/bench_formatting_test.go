package viewer_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// BenchmarkFormattedVisuals times drawing a table of revenue and profit by
// region and a bar chart of revenue by region on the 100,000-row sample,
// uncached, with and without what the definition adds: the table's
// conditional text color, row background and icon (three conditions,
// hidden measures of its question), the chart's average reference line
// (a window over the chart's groups).
func BenchmarkFormattedVisuals(b *testing.B) {
	v, run := sampleApp(b, false)
	decl, _ := json.Marshal(v.Definition().DataSetIdentifierDeclarations)
	ds := v.Definition().DataSetIdentifierDeclarations[0].Identifier
	col := func(name string) string { return `{"DataSetIdentifier": "` + ds + `", "ColumnName": "` + name + `"}` }
	sum := func(id, name string) string {
		return `{"NumericalMeasureField": {"FieldId": "` + id + `", "Column": ` + col(name) + `, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}`
	}
	region := `{"CategoricalDimensionField": {"FieldId": "r", "Column": ` + col("region") + `}}`
	table := func(cf string) string {
		return `{"TableVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {"GroupBy": [` + region + `], "Values": [` + sum("rev", "revenue") + `, ` + sum("pro", "profit") + `]}}}` + cf + `}}`
	}
	bar := func(lines string) string {
		return `{"BarChartVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [` + region + `], "Values": [` + sum("rev", "revenue") + `]}}` + lines + `}}}`
	}
	cases := []struct{ name, visual string }{
		{"table", table("")},
		{"table-conditional", table(`, "ConditionalFormatting": {"ConditionalFormattingOptions": [
			{"Cell": {"FieldId": "rev", "TextFormat": {"TextColor": {"Solid": {"Expression": "sum({revenue}) > 20000000", "Color": "#DE3B00"}},
			  "Icon": {"CustomCondition": {"Expression": "sum({revenue}) > 30000000", "IconOptions": {"Icon": "FLAG"}}}}}},
			{"Row": {"BackgroundColor": {"Solid": {"Expression": "sum({profit}) < 1000000", "Color": "#FFEEAA"}}}}]}`)},
		{"bar", bar("")},
		{"bar-average-line", bar(`, "ReferenceLines": [{"DataConfiguration": {"DynamicConfiguration": {"Column": ` + col("revenue") + `,
			"MeasureAggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "SUM"}}, "Calculation": {"SimpleNumericalAggregation": "AVERAGE"}}}}]`)},
	}
	ctx := context.Background()
	for _, c := range cases {
		def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": ` + string(decl) + `, "Sheets": [{"SheetId": "s", "Visuals": [` + c.visual + `]}]}`))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				s := viewer.New(def, nil, time.Time{}).RenderSheet(ctx, "s", run, 1)
				if t := s.Tiles[0]; t.Kind == viewer.TileError || t.Kind == viewer.TileUnsupported || len(t.Notes) > 0 {
					b.Fatalf("%s: %s %v", t.Kind, t.Message, t.Notes)
				}
			}
		})
	}
}
