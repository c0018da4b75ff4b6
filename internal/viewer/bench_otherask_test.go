package viewer_test

import (
	"context"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// BenchmarkAskedOther draws, uncached on the 100,000-row sample, a bar of
// the average revenue of the 5 sub-categories of highest average and
// "Other" (asked of the data: the ranking, then the rest's rows; with
// segments as colors, three questions), next to the same bars with no
// items limit (one question each) in the same run.
func BenchmarkAskedOther(b *testing.B) {
	ctx := context.Background()
	sample, run := sampleApp(b, false)
	arn := sample.Definition().DataSetIdentifierDeclarations[0].DataSetArn
	bar := func(id, colors, sort string) string {
		return `{"BarChartVisual": {"VisualId": "` + id + `", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "sub_category"}}}],
			"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}]` + colors + `}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "v", "Direction": "DESC"}}]` + sort + `}}}}`
	}
	colors := `, "Colors": [{"CategoricalDimensionField": {"FieldId": "s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]`
	other := `, "CategoryItemsLimit": {"ItemsLimit": 5, "OtherCategories": "INCLUDE"}`
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "` + arn + `"}],
		"Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [` + bar("other", "", other) + `, ` + bar("plain", "", "") + `, ` +
		bar("other-colors", colors, other) + `, ` + bar("plain-colors", colors, "") + `]}]}`))
	if err != nil {
		b.Fatal(err)
	}
	for _, id := range []string{"other", "plain", "other-colors", "plain-colors"} {
		b.Run(id, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				s := viewer.New(def, nil, time.Time{}).RenderVisuals(ctx, "s", []string{id}, run, 1)
				if len(s.Tiles) != 1 || s.Tiles[0].Kind != viewer.TileChart {
					b.Fatalf("%s: %+v", id, s.Tiles[0])
				}
			}
		})
	}
}

// BenchmarkAskedMatrix draws, uncached on the 100,000-row sample, a heat
// map of average revenue by region and sub-category with "Other" on both
// axes (two rankings and four cell questions, asked at once), next to the
// same heat map without limits (one question) in the same run.
func BenchmarkAskedMatrix(b *testing.B) {
	ctx := context.Background()
	sample, run := sampleApp(b, false)
	arn := sample.Definition().DataSetIdentifierDeclarations[0].DataSetArn
	heat := func(id, limits string) string {
		return `{"HeatMapVisual": {"VisualId": "` + id + `", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {
			"Rows": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
			"Columns": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "sub_category"}}}],
			"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}]}},
			"SortConfiguration": {` + limits + `}}}}`
	}
	both := `"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}, "HeatMapColumnItemsLimitConfiguration": {"ItemsLimit": 5, "OtherCategories": "INCLUDE"}`
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "` + arn + `"}],
		"Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [` + heat("both", both) + `, ` + heat("plain", "") + `]}]}`))
	if err != nil {
		b.Fatal(err)
	}
	for _, id := range []string{"both", "plain"} {
		b.Run(id, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				s := viewer.New(def, nil, time.Time{}).RenderVisuals(ctx, "s", []string{id}, run, 1)
				if len(s.Tiles) != 1 || s.Tiles[0].Kind != viewer.TileChart {
					b.Fatalf("%s: %+v", id, s.Tiles[0])
				}
			}
		})
	}
}
