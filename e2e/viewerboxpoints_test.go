package e2e

import (
	"fmt"
	"math"
	"sort"
	"testing"
)

// TestViewerBoxPlotPoints draws a box plot of revenue and profit by
// quantity (a numeric group) with its outliers and all its data points
// through the SDK: for each field and quantity, the whiskers reach the
// furthest values within 1.5 IQR, the outliers are the values beyond and
// the data points every distinct value, each against the values SQL reads
// from the sample file.
func TestViewerBoxPlotPoints(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(2_000))
	field := func(id, column string) string {
		return fmt.Sprintf(`{"NumericalMeasureField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, id, column)
	}
	body := visualsDashboard(t, ts, "boxpoints",
		`{"BoxPlotVisual": {"VisualId": "box", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
		  "GroupBy": [{"NumericalDimensionField": {"FieldId": "q", "Column": {"DataSetIdentifier": "sales", "ColumnName": "quantity"}}}],
		  "Values": [`+field("r", "revenue")+`, `+field("p", "profit")+`]}},
		  "BoxPlotOptions": {"OutlierVisibility": "VISIBLE", "AllDataPointsVisibility": "VISIBLE"}}}}`)
	o := rawChart(t, body, "box")
	cats := axisData(t, o, "xAxis")
	series := o["series"].([]any)
	if len(series) != 6 {
		t.Fatalf("%d series, want 2 boxes, 2 of data points and 2 of outliers", len(series))
	}
	for k, col := range []string{"revenue", "profit"} {
		byQty := map[string][]float64{}
		var groups []float64
		for _, r := range sqlRows(t, ts, "SELECT quantity, "+col+" FROM orders WHERE "+col+" IS NOT NULL ORDER BY 1, 2") {
			g := fmt.Sprint(r[0])
			if byQty[g] == nil {
				groups = append(groups, r[0].(float64))
			}
			byQty[g] = append(byQty[g], r[1].(float64))
		}
		if fmt.Sprint(cats) != fmt.Sprint(groups) {
			t.Fatalf("groups %v, want %v", cats, groups)
		}
		boxes := series[k].(map[string]any)["data"].([]any)
		var wantPoints, wantOutliers []string
		for i, g := range groups {
			s := byQty[fmt.Sprint(g)]
			sort.Float64s(s)
			q1, q3 := percentileCont(s, 0.25), percentileCont(s, 0.75)
			lo, hi := q1-1.5*(q3-q1), q3+1.5*(q3-q1)
			wlo, whi := math.Inf(1), math.Inf(-1)
			for j, v := range s {
				// A value that several rows share is one point.
				first := j == 0 || v != s[j-1]
				if first {
					wantPoints = append(wantPoints, fmt.Sprint([]any{fmt.Sprint(g), v}))
				}
				if v < lo || v > hi {
					if first {
						wantOutliers = append(wantOutliers, fmt.Sprint([]any{fmt.Sprint(g), v}))
					}
					continue
				}
				wlo, whi = min(wlo, v), max(whi, v)
			}
			got := boxes[i].([]any)
			if math.Abs(got[0].(float64)-wlo) > 0.011 || math.Abs(got[4].(float64)-whi) > 0.011 {
				t.Errorf("%s by %v: whiskers %v and %v, want %v and %v", col, g, got[0], got[4], wlo, whi)
			}
		}
		for _, c := range []struct {
			name string
			at   int
			want []string
		}{{"Data points of " + col, 2 + k, wantPoints}, {"Outliers of " + col, 4 + k, wantOutliers}} {
			s := series[c.at].(map[string]any)
			var got []string
			for _, p := range s["data"].([]any) {
				got = append(got, fmt.Sprint(p))
			}
			sort.Strings(got)
			sort.Strings(c.want)
			if s["name"] != c.name || len(c.want) == 0 || fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("%s (series %v): %d points, want %d\n got %.300v\nwant %.300v", c.name, s["name"], len(got), len(c.want), got, c.want)
			}
		}
	}
}
