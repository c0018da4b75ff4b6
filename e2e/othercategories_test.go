package e2e

// Items limits with OtherCategories INCLUDE: the first categories, then
// "Other" holding the rest, as QuickSight draws it; compared with SQL
// over the sample file that ranks the categories itself.

import (
	"fmt"
	"strings"
	"testing"
)

// TestViewerOtherCategories draws a bar of the three sub-categories of
// most revenue and "Other", a pie of the two regions of most orders and
// "Other", a bar by region and segment keeping the first two regions and
// "Other" per segment, a line of profit over the last three
// sub-categories by name and "Other", and a bar of the average profit of
// two regions and "Other" (the average of the rest's rows).
func TestViewerOtherCategories(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	cat := func(id, column string) string {
		return fmt.Sprintf(`{"CategoricalDimensionField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, id, column)
	}
	other := func(n int) string { return fmt.Sprintf(`{"ItemsLimit": %d, "OtherCategories": "INCLUDE"}`, n) }
	body := visualsDashboard(t, ts, "other",
		`{"BarChartVisual": {"VisualId": "bar", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [`+cat("bar-c", "sub_category")+`],
			"Values": [`+fmt.Sprintf(sumOf, "bar-v", "revenue", "SUM")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "bar-v", "Direction": "DESC"}}], "CategoryItemsLimit": `+other(3)+`}}}}`,
		`{"PieChartVisual": {"VisualId": "pie", "ChartConfiguration": {"FieldWells": {"PieChartAggregatedFieldWells": {"Category": [`+cat("pie-c", "region")+`]}},
			"SortConfiguration": {"CategoryItemsLimit": `+other(2)+`}}}}`,
		`{"BarChartVisual": {"VisualId": "colors", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [`+cat("colors-c", "region")+`],
			"Values": [`+fmt.Sprintf(sumOf, "colors-v", "profit", "SUM")+`], "Colors": [`+cat("colors-s", "segment")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "colors-c", "Direction": "ASC"}}], "CategoryItemsLimit": `+other(2)+`}}}}`,
		`{"LineChartVisual": {"VisualId": "line", "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {"Category": [`+cat("line-c", "sub_category")+`],
			"Values": [`+fmt.Sprintf(sumOf, "line-v", "profit", "SUM")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "line-c", "Direction": "DESC"}}], "CategoryItemsLimitConfiguration": `+other(3)+`}}}}`,
		`{"BarChartVisual": {"VisualId": "avg", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [`+cat("avg-c", "region")+`],
			"Values": [`+fmt.Sprintf(sumOf, "avg-v", "profit", "AVERAGE")+`]}},
			"SortConfiguration": {"CategoryItemsLimit": `+other(2)+`}}}}`,
	)
	db := sampleDB(t, ts)
	check := func(visual, query string) {
		t.Helper()
		got, want := chartPoints(t, body, visual), queryPoints(t, db, query)
		if _, ok := want["Other"]; !ok && !strings.Contains(query, "segment") {
			t.Fatalf("%s: the sample has no \"Other\" to gather: %v", visual, want)
		}
		if !samePoints(got, want) {
			t.Errorf("%s:\n drawn %v\n SQL   %v", visual, sortedPoints(got), sortedPoints(want))
		}
	}
	check("bar", `SELECT CASE WHEN rk <= 3 THEN sub_category ELSE 'Other' END, sum(v) FROM (
		SELECT sub_category, sum(revenue) AS v, row_number() OVER (ORDER BY sum(revenue) DESC, sub_category) AS rk FROM orders GROUP BY 1) GROUP BY 1`)
	check("pie", `SELECT CASE WHEN rk <= 2 THEN region ELSE 'Other' END, sum(n) FROM (
		SELECT region, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, region) AS rk FROM orders GROUP BY 1) GROUP BY 1`)
	check("colors", `SELECT CASE WHEN region IN (SELECT DISTINCT region FROM orders ORDER BY 1 LIMIT 2) THEN region ELSE 'Other' END, segment, sum(profit)
		FROM orders GROUP BY 1, 2`)
	check("line", `SELECT CASE WHEN sub_category IN (SELECT DISTINCT sub_category FROM orders ORDER BY 1 DESC LIMIT 3) THEN sub_category ELSE 'Other' END, sum(profit)
		FROM orders GROUP BY 1`)
	if cats := axisData(t, rawChart(t, body, "bar"), "xAxis"); len(cats) != 4 || cats[3] != "Other" {
		t.Errorf("bar categories %v: want three, then Other", cats)
	}
	check("avg", `SELECT CASE WHEN region IN (SELECT DISTINCT region FROM orders ORDER BY 1 LIMIT 2) THEN region ELSE 'Other' END, avg(profit)
		FROM orders GROUP BY 1`)
}
