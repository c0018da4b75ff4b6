package e2e

// Bar charts whose Category and Colors wells hold a drill-down (several
// fields): drawn at the top level, their items limits with "Other"
// compared with SQL over the sample file grouped by the first fields.

import (
	"fmt"
	"strings"
	"testing"
)

// TestViewerOtherOverDrillDown draws a bar of the two regions of highest
// average revenue and "Other" (the drill-down region → city, colored by
// segment → category), and a bar by region keeping the segment of most
// revenue and "Other" in each region (the drill-down segment → category);
// a saved drill-down state, a limit over a sort by a hidden column and a
// limit sorted by the Colors field are refused by name.
func TestViewerOtherOverDrillDown(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	dim := func(id, column string) string {
		return fmt.Sprintf(`{"CategoricalDimensionField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, id, column)
	}
	body := visualsDashboard(t, ts, "otherdrill",
		`{"BarChartVisual": {"VisualId": "regions", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [`+dim("regions-r", "region")+`, `+dim("regions-y", "city")+`], "Values": [`+fmt.Sprintf(sumOf, "regions-v", "revenue", "AVERAGE")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "regions-v", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}`,
		`{"BarChartVisual": {"VisualId": "segments", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [`+dim("segments-r", "region")+`], "Colors": [`+dim("segments-s", "segment")+`, `+dim("segments-k", "category")+`],
			"Values": [`+fmt.Sprintf(sumOf, "segments-v", "revenue", "SUM")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "segments-r", "Direction": "ASC"}}], "ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}}}}`,
		`{"BarChartVisual": {"VisualId": "drilled", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [`+dim("drilled-r", "region")+`, `+dim("drilled-y", "city")+`], "Values": [`+fmt.Sprintf(sumOf, "drilled-v", "revenue", "SUM")+`]}}},
			"ColumnHierarchies": [{"ExplicitHierarchy": {"HierarchyId": "h", "Columns": [{"DataSetIdentifier": "sales", "ColumnName": "region"}, {"DataSetIdentifier": "sales", "ColumnName": "city"}],
				"DrillDownFilters": [{"CategoryFilter": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}, "CategoryValues": ["East"]}}]}}]}}`,
		`{"BarChartVisual": {"VisualId": "hidden", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [`+dim("hidden-r", "sub_category")+`], "Values": [`+fmt.Sprintf(sumOf, "hidden-v", "revenue", "SUM")+`]}},
			"SortConfiguration": {"CategorySort": [{"ColumnSort": {"SortBy": {"DataSetIdentifier": "sales", "ColumnName": "profit"}, "Direction": "DESC", "AggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}}],
				"CategoryItemsLimit": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}}}}}`,
		`{"BarChartVisual": {"VisualId": "by-color", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [`+dim("by-color-r", "region")+`], "Colors": [`+dim("by-color-s", "segment")+`], "Values": [`+fmt.Sprintf(sumOf, "by-color-v", "revenue", "AVERAGE")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "by-color-s", "Direction": "ASC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}`,
	)
	db := sampleDB(t, ts)
	ranked := func(col, measure string, n int) string {
		return fmt.Sprintf(`(SELECT k FROM (SELECT %[1]s AS k, row_number() OVER (ORDER BY %[2]s DESC, %[1]s) AS rk FROM orders GROUP BY 1) WHERE rk <= %[3]d)`, col, measure, n)
	}
	for id, q := range map[string]string{
		"regions":  `SELECT CASE WHEN region IN ` + ranked("region", "avg(revenue)", 2) + ` THEN region ELSE 'Other' END, avg(revenue) FROM orders GROUP BY 1`,
		"segments": `SELECT region, CASE WHEN segment IN ` + ranked("segment", "sum(revenue)", 1) + ` THEN segment ELSE 'Other' END, sum(revenue) FROM orders GROUP BY 1, 2`,
	} {
		got, want := chartPoints(t, body, id), queryPoints(t, db, q)
		if _, ok := want["Other"]; !ok && id == "regions" {
			t.Fatalf("%s: the sample has no Other: %v", id, want)
		}
		if len(want) == 0 || !samePoints(got, want) {
			t.Errorf("%s:\n drawn %v\n SQL   %v", id, sortedPoints(got), sortedPoints(want))
		}
	}
	// What cannot be drawn exactly is refused by name.
	for id, what := range map[string]string{"drilled": "DrillDownFilters", "hidden": "sorted by a field the chart does not show",
		"by-color": "sorted by the Colors field"} {
		if tl := tile(t, body, id); !strings.Contains(tl, "tile-unsupported") || !strings.Contains(tl, what) || strings.Contains(tl, "data-echarts") {
			t.Errorf("%s: want an unsupported tile naming %q, got\n%s", id, what, tl)
		}
	}
}
