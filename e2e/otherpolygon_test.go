package e2e

// A radar chart's "Other" polygon and a combo chart's lines over the
// colors its ColorItemsLimit drops, each compared with SQL over the
// sample file.

import (
	"fmt"
	"strings"
	"testing"
)

// TestViewerRadarOtherAndComboLines draws a radar chart with a polygon
// for each of the three sub-categories of highest average revenue and an
// "Other" polygon (its average revenue and summed profit over the rest's
// rows), a radar chart by sub-category keeping three axes and one segment,
// each rest as "Other", and two combo charts of revenue bars by region and segment with
// a profit line over every segment: one keeping the segment of most
// revenue (ranked from the cells), one keeping the segment of highest
// average revenue (asked of the data).
func TestViewerRadarOtherAndComboLines(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	dim := func(id, column string) string {
		return fmt.Sprintf(`{"CategoricalDimensionField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, id, column)
	}
	combo := func(id, barAgg string) string {
		return fmt.Sprintf(`{"ComboChartVisual": {"VisualId": %[1]q, "ChartConfiguration": {"FieldWells": {"ComboChartAggregatedFieldWells": {
			"Category": [%[2]s], "Colors": [%[3]s], "BarValues": [%[4]s], "LineValues": [%[5]s]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "%[1]s-r", "Direction": "ASC"}}], "ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "EXCLUDE"}}}}}`,
			id, dim(id+"-r", "region"), dim(id+"-s", "segment"), fmt.Sprintf(sumOf, id+"-b", "revenue", barAgg), fmt.Sprintf(sumOf, id+"-l", "profit", "SUM"))
	}
	body := visualsDashboard(t, ts, "otherpolygon",
		`{"RadarChartVisual": {"VisualId": "radar", "ChartConfiguration": {"FieldWells": {"RadarChartAggregatedFieldWells": {
			"Color": [`+dim("radar-c", "sub_category")+`], "Values": [`+fmt.Sprintf(sumOf, "radar-avg", "revenue", "AVERAGE")+`, `+fmt.Sprintf(sumOf, "radar-pro", "profit", "SUM")+`]}},
			"SortConfiguration": {"ColorSort": [{"FieldSort": {"FieldId": "radar-avg", "Direction": "DESC"}}], "ColorItemsLimit": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}}}}}`,
		`{"RadarChartVisual": {"VisualId": "axes", "ChartConfiguration": {"FieldWells": {"RadarChartAggregatedFieldWells": {
			"Category": [`+dim("axes-c", "sub_category")+`], "Color": [`+dim("axes-s", "segment")+`], "Values": [`+fmt.Sprintf(sumOf, "axes-v", "revenue", "SUM")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "axes-v", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"},
				"ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}}}}`,
		combo("sums", "SUM"),
		combo("averages", "AVERAGE"),
	)
	db := sampleDB(t, ts)
	ranked := func(col, measure string, n int) string {
		return fmt.Sprintf(`(SELECT k FROM (SELECT %[1]s AS k, row_number() OVER (ORDER BY %[2]s DESC, %[1]s) AS rk FROM orders GROUP BY 1) WHERE rk <= %[3]d)`, col, measure, n)
	}

	_, polys := radarPolygons(t, rawChart(t, body, "radar"))
	want := sqlRows(t, ts, `SELECT CASE WHEN sub_category IN `+ranked("sub_category", "avg(revenue)", 3)+` THEN sub_category ELSE 'Other' END AS k,
		avg(revenue), sum(profit) FROM orders GROUP BY 1 ORDER BY k = 'Other', 2 DESC`)
	if len(want) != 4 || want[3][0] != "Other" {
		t.Fatalf("the sample has no Other polygon: %v", want)
	}
	wantRows(t, "radar polygons, Other last", polys, want)

	// By category: the three sub-categories of most revenue (over every
	// segment) and an "Other" axis; the segment of most revenue and an
	// "Other" polygon.
	axes, polys := radarPolygons(t, rawChart(t, body, "axes"))
	got := map[string]float64{}
	for _, poly := range polys {
		for i, v := range poly[1:] {
			if f, ok := v.(float64); ok {
				got[axes[i]+"|"+poly[0].(string)] = f
			}
		}
	}
	wantAxes := queryPoints(t, db, `SELECT CASE WHEN sub_category IN `+ranked("sub_category", "sum(revenue)", 3)+` THEN sub_category ELSE 'Other' END,
		CASE WHEN segment IN `+ranked("segment", "sum(revenue)", 1)+` THEN segment ELSE 'Other' END, sum(revenue) FROM orders GROUP BY 1, 2`)
	if _, ok := wantAxes["Other|Other"]; !ok || len(axes) != 4 || axes[3] != "Other" {
		t.Errorf("radar by category: axes %v; want three sub-categories, then Other; SQL %v", axes, wantAxes)
	}
	wantCells(t, "radar by category", got, wantAxes)

	for id, bars := range map[string]string{"sums": "sum(revenue)", "averages": "avg(revenue)"} {
		got := chartPoints(t, body, id)
		kept := ranked("segment", bars, 1)
		want := queryPoints(t, db, `SELECT region, segment || ' · `+map[string]string{"sums": "Sum", "averages": "Average"}[id]+` of revenue', `+bars+` FROM orders
			WHERE segment IN `+kept+` GROUP BY 1, 2`)
		lines := queryPoints(t, db, `SELECT region, 'Sum of profit', sum(profit) FROM orders GROUP BY 1`)
		if len(lines) == 0 || len(want) == 0 {
			t.Fatalf("%s: nothing to compare", id)
		}
		for k, v := range lines {
			want[k] = v
		}
		if !samePoints(got, want) {
			t.Errorf("%s:\n drawn %v\n SQL   %v", id, sortedPoints(got), sortedPoints(want))
		}
		// The line is over every segment, not the kept one alone.
		if strings.Contains(fmt.Sprint(sortedPoints(got)), "Other") {
			t.Errorf("%s: an Other drawn for an EXCLUDE limit: %v", id, sortedPoints(got))
		}
	}
}
