package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// radarPolygons returns a radar chart's axes and its polygons as
// [name, value per axis...].
func radarPolygons(t testing.TB, o map[string]any) ([]string, [][]any) {
	t.Helper()
	var axes []string
	for _, ind := range o["radar"].(map[string]any)["indicator"].([]any) {
		axes = append(axes, ind.(map[string]any)["name"].(string))
	}
	var out [][]any
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		p := d.(map[string]any)
		out = append(out, append([]any{p["name"]}, p["value"].([]any)...))
	}
	return axes, out
}

// TestViewerRadar draws radar charts created through the API: revenue by
// region with a polygon per category (sorted descending), revenue and
// average profit as axes with a polygon per category (largest revenue
// first), a count of records per region, and a color items limit keeping
// the category of most records; each against SQL over the sample file.
func TestViewerRadar(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	catDim := `{"CategoricalDimensionField": {"FieldId": "%s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"}}}`
	radar := func(id, wells, rest string) string {
		return fmt.Sprintf(`{"RadarChartVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"RadarChartAggregatedFieldWells": {%s}}%s}}}`, id, wells, rest)
	}
	body := visualsDashboard(t, ts, "radar",
		radar("by-cat", `"Category": [`+fmt.Sprintf(regionDim, "bc-r")+`], "Color": [`+fmt.Sprintf(catDim, "bc-c")+`], "Values": [`+fmt.Sprintf(sumOf, "bc-v", "revenue", "SUM")+`]`,
			`, "Shape": "CIRCLE", "SortConfiguration": {"ColorSort": [{"FieldSort": {"FieldId": "bc-c", "Direction": "DESC"}}]}`),
		radar("by-value", `"Color": [`+fmt.Sprintf(catDim, "bv-c")+`], "Values": [`+fmt.Sprintf(sumOf, "bv-rev", "revenue", "SUM")+`, `+fmt.Sprintf(sumOf, "bv-pro", "profit", "AVERAGE")+`]`,
			`, "SortConfiguration": {"ColorSort": [{"FieldSort": {"FieldId": "bv-rev", "Direction": "DESC"}}]}`),
		radar("records", `"Category": [`+fmt.Sprintf(regionDim, "rc-r")+`]`, `, "Legend": {"Visibility": "HIDDEN"}`),
		radar("limited", `"Category": [`+fmt.Sprintf(regionDim, "l-r")+`], "Color": [`+fmt.Sprintf(catDim, "l-c")+`]`,
			`, "SortConfiguration": {"ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "EXCLUDE"}}`),
	)

	// By category: axes are the regions in order; each category's polygon
	// holds its revenue per region.
	axes, polys := radarPolygons(t, rawChart(t, body, "by-cat"))
	var wantAxes []string
	for _, r := range sqlRows(t, ts, "SELECT DISTINCT region FROM orders ORDER BY 1") {
		wantAxes = append(wantAxes, r[0].(string))
	}
	if strings.Join(axes, ",") != strings.Join(wantAxes, ",") {
		t.Errorf("axes %v, want %v", axes, wantAxes)
	}
	var want [][]any
	for _, c := range sqlRows(t, ts, "SELECT DISTINCT category FROM orders ORDER BY 1 DESC") {
		row := []any{c[0]}
		for _, r := range wantAxes {
			v := sqlRows(t, ts, fmt.Sprintf("SELECT round(sum(revenue), 2) FROM orders WHERE category = '%s' AND region = '%s'", c[0], r))
			row = append(row, v[0][0])
		}
		want = append(want, row)
	}
	wantRows(t, "revenue by region per category", polys, want)

	// By value: the measures are the axes, a polygon per category.
	o := rawChart(t, body, "by-value")
	axes, polys = radarPolygons(t, o)
	if strings.Join(axes, ",") != "Sum of revenue,Average of profit" {
		t.Errorf("axes %v", axes)
	}
	wantRows(t, "revenue and profit per category", polys,
		sqlRows(t, ts, "SELECT category, sum(revenue), avg(profit) FROM orders GROUP BY 1 ORDER BY 2 DESC"))
	if o["legend"] == nil {
		t.Error("no legend for several polygons")
	}

	// No measure: a count of records per region, one polygon.
	o = rawChart(t, body, "records")
	_, polys = radarPolygons(t, o)
	counts := []any{"Count of records"}
	for _, r := range sqlRows(t, ts, "SELECT region, count(*) FROM orders GROUP BY 1 ORDER BY 1") {
		counts = append(counts, r[1])
	}
	wantRows(t, "records per region", polys, [][]any{counts})

	// A color items limit keeps the category of most records (over every
	// region), one polygon of its count per region.
	_, polys = radarPolygons(t, rawChart(t, body, "limited"))
	top := sqlRows(t, ts, "SELECT category FROM orders GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")[0][0]
	kept := []any{top}
	for _, r := range sqlRows(t, ts, fmt.Sprintf("SELECT region, count(*) FROM orders WHERE category = '%s' GROUP BY 1 ORDER BY 1", top)) {
		kept = append(kept, r[1])
	}
	wantRows(t, "the category of most records", polys, [][]any{kept})
}
