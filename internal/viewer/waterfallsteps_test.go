package viewer_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/viewer"
)

// TestWaterfallMeasureStepsSQL draws a waterfall of two Values and no
// categories over the sample: a step per Value, then the total, each
// step's and the total's label equal to SQL.
func TestWaterfallMeasureStepsSQL(t *testing.T) {
	render, db := sampleFixture(t, `[{"WaterfallVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {"Values": [
		{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}},
		{"NumericalMeasureField": {"FieldId": "disc", "Column": {"DataSetIdentifier": "sales", "ColumnName": "discount"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}]}},
		"WaterfallChartOptions": {"TotalBarLabel": "Both"}}}}]`)
	tl := render("w")
	if tl.Kind != viewer.TileChart {
		t.Fatalf("%s: %s", tl.Kind, tl.Message)
	}
	var opt struct {
		XAxis  struct{ Data []string }
		Series []struct{ Data []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(tl.Chart), &opt); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(opt.XAxis.Data, "|"); got != "Sum of revenue|Average of discount|Both" {
		t.Fatalf("steps %q", got)
	}
	want := sqlGrid(t, db, `SELECT 'Sum of revenue', sum(revenue) FROM orders UNION ALL SELECT 'Average of discount', avg(discount) FROM orders
		UNION ALL SELECT 'Both', sum(revenue) + avg(discount) FROM orders`)
	seen := 0
	for _, s := range opt.Series[1:] {
		for _, raw := range s.Data {
			var it struct{ Tooltip struct{ Formatter string } }
			if json.Unmarshal(raw, &it) != nil || it.Tooltip.Formatter == "" {
				continue // a number (the invisible base) or null
			}
			name, text, _ := strings.Cut(it.Tooltip.Formatter, ": ")
			got, ok := drawnNumber(t, text)
			if !ok || !near(got, want[name]) {
				t.Errorf("%s: %q, SQL %v", name, text, want[name])
			}
			seen++
		}
	}
	if seen != 3 {
		t.Errorf("%d steps drawn, want 3", seen)
	}
}
