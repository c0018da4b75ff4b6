package viewer_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/sightglass/sightglass/internal/viewer"
)

// TestHeatMapMeasureSortSQL orders a heat map's rows by its measure (an
// average, so not a sum of cells) over each row, descending, keeping the
// first three; its columns by the measure ascending. Both orders and
// every drawn cell equal SQL.
func TestHeatMapMeasureSortSQL(t *testing.T) {
	render, db := sampleFixture(t, `[{"HeatMapVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {
		"Rows": [`+pRegion+`], "Columns": [`+pSegment+`], "Values": [`+pAvg+`]}},
		"SortConfiguration": {"HeatMapRowSort": [{"FieldSort": {"FieldId": "avg", "Direction": "DESC"}}], "HeatMapColumnSort": [{"FieldSort": {"FieldId": "avg", "Direction": "ASC"}}],
		  "HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 3, "OtherCategories": "EXCLUDE"}}}}},
		{"HeatMapVisual": {"VisualId": "other", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {
		"Rows": [`+pRegion+`], "Columns": [`+pSegment+`], "Values": [`+pAvg+`]}},
		"SortConfiguration": {"HeatMapRowSort": [{"FieldSort": {"FieldId": "avg", "Direction": "DESC"}}],
		  "HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}]`)
	tl := render("h")
	if tl.Kind != viewer.TileChart {
		t.Fatalf("%s: %s", tl.Kind, tl.Message)
	}
	var opt struct {
		XAxis, YAxis struct{ Data []string }
		Series       []struct{ Data [][]any }
	}
	if err := json.Unmarshal([]byte(tl.Chart), &opt); err != nil {
		t.Fatal(err)
	}
	rows := sqlOrder(t, db, `SELECT region, avg(profit) FROM orders GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3`)
	cols := sqlOrder(t, db, `SELECT segment, avg(profit) FROM orders GROUP BY 1 ORDER BY 2, 1`)
	if !slices.Equal(opt.YAxis.Data, rows) || !slices.Equal(opt.XAxis.Data, cols) {
		t.Fatalf("rows %v columns %v, SQL %v and %v", opt.YAxis.Data, opt.XAxis.Data, rows, cols)
	}
	want := sqlGrid(t, db, `SELECT region, segment, avg(profit) FROM orders GROUP BY 1, 2`)
	cells := 0
	for _, c := range opt.Series[0].Data {
		key := rows[int(c[1].(float64))] + "|" + cols[int(c[0].(float64))]
		if got := c[2].(float64); !near(got, want[key]) {
			t.Errorf("%s: %v, SQL %v", key, got, want[key])
		}
		cells++
	}
	if cells != len(rows)*len(cols) {
		t.Errorf("%d cells, want %d", cells, len(rows)*len(cols))
	}

	// With "Other": the first two by the measure, then "Other".
	tl = render("other")
	if err := json.Unmarshal([]byte(tl.Chart), &opt); err != nil {
		t.Fatalf("%s %s: %v", tl.Kind, tl.Message, err)
	}
	rows = append(sqlOrder(t, db, `SELECT region, avg(profit) FROM orders GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 2`), "Other")
	if !slices.Equal(opt.YAxis.Data, rows) {
		t.Errorf("rows with Other %v, SQL %v", opt.YAxis.Data, rows)
	}
}
