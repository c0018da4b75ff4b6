package viewer_test

import (
	"encoding/json"
	"testing"

	"github.com/sightglass/sightglass/internal/viewer"
)

// TestScatterLabelSQL draws a scatter plot with a Label field (segment)
// and a Category field (region) over the sample: a series per region,
// a point per segment in it, each point's revenue and profit equal to
// SQL grouped by region and segment.
func TestScatterLabelSQL(t *testing.T) {
	measure := func(id, col string) string {
		return `{"NumericalMeasureField": {"FieldId": "` + id + `", "Column": {"DataSetIdentifier": "sales", "ColumnName": "` + col + `"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}`
	}
	render, db := sampleFixture(t, `[{"ScatterPlotVisual": {"VisualId": "sc", "ChartConfiguration": {"FieldWells": {"ScatterPlotCategoricallyAggregatedFieldWells": {
		"XAxis": [`+measure("rev", "revenue")+`], "YAxis": [`+measure("pro", "profit")+`], "Category": [`+pRegion+`], "Label": [`+pSegment+`]}}}}}]`)
	tl := render("sc")
	if tl.Kind != viewer.TileChart {
		t.Fatalf("%s: %s", tl.Kind, tl.Message)
	}
	var opt struct {
		Legend struct{ Data []string }
		Series []struct {
			Name string
			Data [][]any
		}
	}
	if err := json.Unmarshal([]byte(tl.Chart), &opt); err != nil {
		t.Fatal(err)
	}
	want := sqlGrid(t, db, `SELECT region, segment, sum(revenue) FROM orders GROUP BY 1, 2`)
	wantProfit := sqlGrid(t, db, `SELECT region, segment, sum(profit) FROM orders GROUP BY 1, 2`)
	points := 0
	for _, s := range opt.Series {
		for _, pt := range s.Data {
			key := s.Name + "|" + pt[2].(string)
			x, y := pt[0].(float64), pt[1].(float64)
			if !near(x, want[key]) || !near(y, wantProfit[key]) {
				t.Errorf("%s: (%v, %v), SQL (%v, %v)", key, x, y, want[key], wantProfit[key])
			}
			points++
		}
	}
	if points != len(want) || len(opt.Legend.Data) != len(opt.Series) {
		t.Errorf("%d points in %d series (legend %v), SQL %d groups", points, len(opt.Series), opt.Legend.Data, len(want))
	}
}
