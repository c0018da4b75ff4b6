package e2e

// Items limits asked of the data: "Other" of an average, a maximum, a
// distinct count and a calculated measure computed from the rows of the
// rest, and categories ranked over a Colors field by an average; compared
// with SQL over the sample file that ranks the categories itself.

import (
	"fmt"
	"strings"
	"testing"
)

// TestViewerOtherOfAnyMeasure draws a bar of the four sub-categories of
// highest maximum revenue and "Other", a pie of the three countries with
// most distinct cities and "Other", a bar of the three sub-categories of
// best margin (a calculated measure) and "Other", a bar by region and
// segment keeping the two regions of highest average revenue (over all
// their segments) and "Other" per segment, a line keeping those two
// regions without "Other", a bar by region keeping the two segments of
// highest average revenue and "Other" in each region, and refuses an average's "Other" by month by
// name.
func TestViewerOtherOfAnyMeasure(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	cat := func(id, column string) string {
		return fmt.Sprintf(`{"CategoricalDimensionField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, id, column)
	}
	limit := func(sortBy string, n int, other string) string {
		return fmt.Sprintf(`"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": %q, "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": %d, "OtherCategories": %q}}`, sortBy, n, other)
	}
	body := visualsDashboard(t, ts, "otherasked",
		`{"BarChartVisual": {"VisualId": "max", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [`+cat("max-c", "sub_category")+`],
			"Values": [`+fmt.Sprintf(sumOf, "max-v", "revenue", "MAX")+`]}}, `+limit("max-v", 4, "INCLUDE")+`}}}`,
		`{"PieChartVisual": {"VisualId": "cities", "ChartConfiguration": {"FieldWells": {"PieChartAggregatedFieldWells": {"Category": [`+cat("cities-c", "country")+`],
			"Values": [{"CategoricalMeasureField": {"FieldId": "cities-v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "city"}, "AggregationFunction": "DISTINCT_COUNT"}}]}},
			`+limit("cities-v", 3, "INCLUDE")+`}}}`,
		`{"BarChartVisual": {"VisualId": "margin", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [`+cat("margin-c", "sub_category")+`],
			"Values": [{"CalculatedMeasureField": {"FieldId": "margin-v", "Expression": "100 * sum({profit}) / sum({revenue})"}}]}}, `+limit("margin-v", 3, "INCLUDE")+`}}}`,
		`{"BarChartVisual": {"VisualId": "colors", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [`+cat("colors-c", "region")+`],
			"Values": [`+fmt.Sprintf(sumOf, "colors-v", "revenue", "AVERAGE")+`], "Colors": [`+cat("colors-s", "segment")+`]}}, `+limit("colors-v", 2, "INCLUDE")+`}}}`,
		`{"LineChartVisual": {"VisualId": "exclude", "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {"Category": [`+cat("exclude-c", "region")+`],
			"Values": [`+fmt.Sprintf(sumOf, "exclude-v", "revenue", "AVERAGE")+`], "Colors": [`+cat("exclude-s", "segment")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "exclude-v", "Direction": "DESC"}}], "CategoryItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}}}}}`,
		`{"BarChartVisual": {"VisualId": "monthly", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [{"DateDimensionField": {"FieldId": "monthly-c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "DateGranularity": "MONTH"}}],
			"Values": [`+fmt.Sprintf(sumOf, "monthly-v", "revenue", "AVERAGE")+`]}}, `+limit("monthly-v", 3, "INCLUDE")+`}}}`,
		`{"BarChartVisual": {"VisualId": "segments", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [`+cat("segments-c", "region")+`],
			"Values": [`+fmt.Sprintf(sumOf, "segments-v", "revenue", "AVERAGE")+`], "Colors": [`+cat("segments-s", "segment")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "segments-c", "Direction": "ASC"}}], "ColorItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}`,
	)
	db := sampleDB(t, ts)
	check := func(visual, query string) {
		t.Helper()
		got, want := chartPoints(t, body, visual), queryPoints(t, db, query)
		if !strings.Contains(fmt.Sprint(want), "Other") {
			t.Fatalf("%s: the sample has no \"Other\" to gather: %v", visual, want)
		}
		if !samePoints(got, want) {
			t.Errorf("%s:\n drawn %v\n SQL   %v", visual, sortedPoints(got), sortedPoints(want))
		}
	}
	// ranked(col, measure, n) keeps the first n values of col by the
	// measure, descending, ties by name, as a membership subquery.
	ranked := func(col, measure string, n int) string {
		return fmt.Sprintf(`(SELECT k FROM (SELECT %[1]s AS k, row_number() OVER (ORDER BY %[2]s DESC, %[1]s) AS rk FROM orders GROUP BY 1) WHERE rk <= %[3]d)`, col, measure, n)
	}
	check("max", `SELECT CASE WHEN sub_category IN `+ranked("sub_category", "max(revenue)", 4)+` THEN sub_category ELSE 'Other' END, max(revenue) FROM orders GROUP BY 1`)
	check("cities", `SELECT CASE WHEN country IN `+ranked("country", "count(DISTINCT city)", 3)+` THEN country ELSE 'Other' END, count(DISTINCT city) FROM orders GROUP BY 1`)
	check("margin", `SELECT CASE WHEN sub_category IN `+ranked("sub_category", "100 * sum(profit) / sum(revenue)", 3)+` THEN sub_category ELSE 'Other' END,
		100 * sum(profit) / sum(revenue) FROM orders GROUP BY 1`)
	check("colors", `SELECT CASE WHEN region IN `+ranked("region", "avg(revenue)", 2)+` THEN region ELSE 'Other' END, segment, avg(revenue) FROM orders GROUP BY 1, 2`)
	check("segments", `SELECT region, CASE WHEN segment IN `+ranked("segment", "avg(revenue)", 2)+` THEN segment ELSE 'Other' END, avg(revenue) FROM orders GROUP BY 1, 2`)
	got, want := chartPoints(t, body, "exclude"), queryPoints(t, db, `SELECT region, segment, avg(revenue) FROM orders WHERE region IN `+ranked("region", "avg(revenue)", 2)+` GROUP BY 1, 2`)
	if len(want) == 0 || !samePoints(got, want) {
		t.Errorf("exclude:\n drawn %v\n SQL   %v", sortedPoints(got), sortedPoints(want))
	}
	if cats := axisData(t, rawChart(t, body, "colors"), "xAxis"); len(cats) != 3 || cats[2] != "Other" {
		t.Errorf("colors categories %v: want two regions, then Other", cats)
	}
	if tl := tile(t, body, "monthly"); !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, "over a date field") {
		t.Errorf("monthly: want an unsupported tile naming the date category, got\n%s", tl)
	}
}
