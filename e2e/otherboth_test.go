package e2e

// Items limits with "Other" on both axes of a matrix: a heat map's rows
// and columns, a Sankey diagram's sources and destinations. Each axis
// keeps its first values over all the rows; every cell or flow, "Other"
// × "Other" included, is compared with SQL over the sample file that
// ranks each axis itself and computes the measure over the rows of each
// group (an average, so a sum of cells would not do).

import (
	"fmt"
	"strings"
	"testing"
)

// TestViewerOtherOnBothAxes draws a heat map of average revenue by region
// (the first two, ascending, and "Other") and category (the last two,
// descending, and "Other"), a Sankey diagram of average revenue from the
// three sub-categories and to the two regions of highest average revenue,
// each side's rest as one "Other" node, and the same keeping only those
// nodes (EXCLUDE on both sides, which was refused for a weight that does
// not add up), and a bar of average revenue keeping the two regions and
// the segment of highest average, each rest as "Other" (an average's
// color limit next to a category limit was refused).
func TestViewerOtherOnBothAxes(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	dim := func(id, column string) string {
		return fmt.Sprintf(`{"CategoricalDimensionField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, id, column)
	}
	sankey := func(id, src, dst, other string) string {
		return fmt.Sprintf(`{"SankeyDiagramVisual": {"VisualId": %[1]q, "ChartConfiguration": {"FieldWells": {"SankeyDiagramAggregatedFieldWells": {
			"Source": [%[2]s], "Destination": [%[3]s], "Weight": [%[4]s]}},
			"SortConfiguration": {"SourceItemsLimit": {"ItemsLimit": 3, "OtherCategories": %[5]q}, "DestinationItemsLimit": {"ItemsLimit": 2, "OtherCategories": %[5]q}}}}}`,
			id, dim(id+"-s", src), dim(id+"-d", dst), fmt.Sprintf(sumOf, id+"-w", "revenue", "AVERAGE"), other)
	}
	body := visualsDashboard(t, ts, "otherboth",
		`{"HeatMapVisual": {"VisualId": "heat", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {
			"Rows": [`+dim("heat-r", "region")+`], "Columns": [`+dim("heat-c", "category")+`], "Values": [`+fmt.Sprintf(sumOf, "heat-v", "revenue", "AVERAGE")+`]}},
			"SortConfiguration": {"HeatMapColumnSort": [{"FieldSort": {"FieldId": "heat-c", "Direction": "DESC"}}],
				"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"},
				"HeatMapColumnItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}`,
		sankey("flows", "sub_category", "region", "INCLUDE"),
		sankey("kept", "sub_category", "region", "EXCLUDE"),
		`{"BarChartVisual": {"VisualId": "bar", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [`+dim("bar-r", "region")+`], "Colors": [`+dim("bar-s", "segment")+`], "Values": [`+fmt.Sprintf(sumOf, "bar-v", "revenue", "AVERAGE")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "bar-v", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"},
				"ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}}}}`,
	)
	db := sampleDB(t, ts)
	first := func(col string, n int, dir string) string {
		return fmt.Sprintf(`(SELECT DISTINCT %s FROM orders ORDER BY 1 %s LIMIT %d)`, col, dir, n)
	}
	ranked := func(col string, n int) string {
		return fmt.Sprintf(`(SELECT k FROM (SELECT %[1]s AS k, row_number() OVER (ORDER BY avg(revenue) DESC, %[1]s) AS rk FROM orders GROUP BY 1) WHERE rk <= %[2]d)`, col, n)
	}
	heat := rawChart(t, body, "heat")
	want := queryPoints(t, db, `SELECT CASE WHEN region IN `+first("region", 2, "ASC")+` THEN region ELSE 'Other' END,
		CASE WHEN category IN `+first("category", 2, "DESC")+` THEN category ELSE 'Other' END, avg(revenue) FROM orders GROUP BY 1, 2`)
	if _, ok := want["Other|Other"]; !ok {
		t.Fatalf("the sample has no Other × Other cell: %v", want)
	}
	wantCells(t, "heat map", heatCells(t, heat), want)
	if rows, cols := axisData(t, heat, "yAxis"), axisData(t, heat, "xAxis"); len(rows) != 3 || rows[2] != "Other" || len(cols) != 3 || cols[2] != "Other" {
		t.Errorf("heat map axes %v × %v: want two values and Other on each, Other last", rows, cols)
	}
	links := func(id string) map[string]float64 {
		out := map[string]float64{}
		for _, l := range rawChart(t, body, id)["series"].([]any)[0].(map[string]any)["links"].([]any) {
			m := l.(map[string]any)
			out[m["source"].(string)+"|"+strings.TrimSuffix(m["target"].(string), "\u200b")] = m["value"].(float64)
		}
		return out
	}
	want = queryPoints(t, db, `SELECT CASE WHEN sub_category IN `+ranked("sub_category", 3)+` THEN sub_category ELSE 'Other' END,
		CASE WHEN region IN `+ranked("region", 2)+` THEN region ELSE 'Other' END, avg(revenue) FROM orders GROUP BY 1, 2`)
	if _, ok := want["Other|Other"]; !ok {
		t.Fatalf("the sample has no Other → Other flow: %v", want)
	}
	wantCells(t, "sankey, Other on both sides", links("flows"), want)
	want = queryPoints(t, db, `SELECT CASE WHEN region IN `+ranked("region", 2)+` THEN region ELSE 'Other' END,
		CASE WHEN segment IN `+ranked("segment", 1)+` THEN segment ELSE 'Other' END, avg(revenue) FROM orders GROUP BY 1, 2`)
	wantCells(t, "bar, Other categories and colors", chartPoints(t, body, "bar"), want)
	if cats := axisData(t, rawChart(t, body, "bar"), "xAxis"); len(cats) != 3 || cats[2] != "Other" {
		t.Errorf("bar categories %v: want two regions, then Other", cats)
	}
	wantCells(t, "sankey, both sides kept", links("kept"), queryPoints(t, db, `SELECT sub_category, region, avg(revenue) FROM orders
		WHERE sub_category IN `+ranked("sub_category", 3)+` AND region IN `+ranked("region", 2)+` GROUP BY 1, 2`))
}

// TestViewerOtherOfAggregatingField draws, over a calculated field that
// aggregates itself (an average), a Sankey diagram keeping the three
// sub-categories and two regions of highest average with "Other" on both
// sides, and a bar keeping the two regions and the segment of highest
// average with "Other" for both (both were refused by name).
func TestViewerOtherOfAggregatingField(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	dim := func(id, column string) string {
		return fmt.Sprintf(`{"CategoricalDimensionField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, id, column)
	}
	avg := func(id string) string {
		return fmt.Sprintf(`{"NumericalMeasureField": {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": "avg_rev"}}}`, id)
	}
	body := calcVisualsDashboard(t, ts, "otheraggfield", `[{"DataSetIdentifier": "sales", "Name": "avg_rev", "Expression": "avg({revenue})"}]`,
		`{"SankeyDiagramVisual": {"VisualId": "flows", "ChartConfiguration": {"FieldWells": {"SankeyDiagramAggregatedFieldWells": {
			"Source": [`+dim("flows-s", "sub_category")+`], "Destination": [`+dim("flows-d", "region")+`], "Weight": [`+avg("flows-w")+`]}},
			"SortConfiguration": {"SourceItemsLimit": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}, "DestinationItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}}}}}`,
		`{"BarChartVisual": {"VisualId": "bar", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [`+dim("bar-r", "region")+`], "Colors": [`+dim("bar-s", "segment")+`], "Values": [`+avg("bar-v")+`]}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "bar-v", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"},
				"ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}}}}`,
	)
	db := sampleDB(t, ts)
	ranked := func(col string, n int) string {
		return fmt.Sprintf(`(SELECT k FROM (SELECT %[1]s AS k, row_number() OVER (ORDER BY avg(revenue) DESC, %[1]s) AS rk FROM orders GROUP BY 1) WHERE rk <= %[2]d)`, col, n)
	}
	links := map[string]float64{}
	for _, l := range rawChart(t, body, "flows")["series"].([]any)[0].(map[string]any)["links"].([]any) {
		m := l.(map[string]any)
		links[m["source"].(string)+"|"+strings.TrimSuffix(m["target"].(string), "\u200b")] = m["value"].(float64)
	}
	wantCells(t, "sankey", links, queryPoints(t, db, `SELECT CASE WHEN sub_category IN `+ranked("sub_category", 3)+` THEN sub_category ELSE 'Other' END,
		region, avg(revenue) FROM orders WHERE region IN `+ranked("region", 2)+` GROUP BY 1, 2`))
	wantCells(t, "bar", chartPoints(t, body, "bar"), queryPoints(t, db, `SELECT CASE WHEN region IN `+ranked("region", 2)+` THEN region ELSE 'Other' END,
		CASE WHEN segment IN `+ranked("segment", 1)+` THEN segment ELSE 'Other' END, avg(revenue) FROM orders GROUP BY 1, 2`))
}
