package e2e

import (
	"net/url"
	"strings"
	"testing"
)

// TestViewerFilterAction: a click on a bar of a visual with a
// filter-on-click action (the state x.<VisualId> the viewer's
// visualactions.js sends) filters the action's targets, equal to SQL for
// the clicked region, and only them; a click on a date category, which the
// viewer cannot turn into a filter yet, leaves its target undrawn with the
// reason, never drawn unfiltered; the clicked value is not kept by state
// persistence.
func TestViewerFilterAction(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(800))
	db := sampleDB(t, ts)
	action := func(id, field, targets string) string {
		return `"Actions": [{"CustomActionId": "` + id + `", "Name": "Filter", "Status": "ENABLED", "Trigger": "DATA_POINT_CLICK",
			"ActionOperations": [{"FilterOperation": {"SelectedFieldsConfiguration": {"SelectedFields": ["` + field + `"]},
			"TargetVisualsConfiguration": {"SameSheetTargetVisualConfiguration": {"TargetVisuals": [` + targets + `]}}}}]}]`
	}
	visualsDashboard(t, ts, "actions",
		`{"BarChartVisual": {"VisualId": "bar", `+action("by-region", "bar-region", `"kpi"`)+`, "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [{"CategoricalDimensionField": {"FieldId": "bar-region", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
			"Values": [{"NumericalMeasureField": {"FieldId": "bar-revenue", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}}`,
		`{"KPIVisual": {"VisualId": "kpi", "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "kpi-revenue", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}`,
		`{"KPIVisual": {"VisualId": "other", "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "other-revenue", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}`,
		`{"LineChartVisual": {"VisualId": "line", `+action("by-month", "line-date", `"dated"`)+`, "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {
			"Category": [{"DateDimensionField": {"FieldId": "line-date", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "DateGranularity": "MONTH"}}],
			"Values": [{"NumericalMeasureField": {"FieldId": "line-revenue", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}}`,
		`{"KPIVisual": {"VisualId": "dated", "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "dated-revenue", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}`,
	)
	u := ts.mint(t, "admin", "/dashboards/actions")
	token, _ := ts.signOn(t, u, -1)
	sheet := func(q url.Values) *page {
		t.Helper()
		p := ts.withToken(t, ts.URL+"/embedding/"+u.Sid+"/dashboards/actions/sheets/s?"+q.Encode(), token)
		p.wantHTML(t, 200)
		return p
	}
	total := sqlFloat(t, db, "SELECT sum(revenue) FROM orders")
	for _, region := range []string{"Europe", "Asia Pacific"} {
		p := sheet(url.Values{"x.bar": {region}})
		want := sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE region = ?", region)
		if got := kpiValue(t, p.Body, "kpi"); !near(got, want) {
			t.Errorf("target KPI after a click on %s = %v, SQL %v", region, got, want)
		}
		if got := kpiValue(t, p.Body, "other"); !near(got, total) {
			t.Errorf("a visual the action does not target = %v, want the total %v", got, total)
		}
		if cats := categoryAxis(t, chart(t, p.Body, "bar")); len(cats) < 2 {
			t.Errorf("the source bar chart was filtered: %v", cats)
		}
	}
	// A category no row has: the target shows none (0 or empty), not the total.
	p := sheet(url.Values{"x.bar": {"Atlantis"}})
	if strings.Contains(tile(t, p.Body, "kpi"), strings.ReplaceAll(formatThousands(total), ".00", "")) {
		t.Errorf("a click on a region without rows left the target unfiltered")
	}
	// A date category: refused on its target, with the action named.
	p = sheet(url.Values{"x.line": {"Jan 2026"}})
	if got := tile(t, p.Body, "dated"); !strings.Contains(got, "by-month") || !strings.Contains(got, "a click on a DateDimensionField") {
		t.Errorf("the date click's target:\n%s", got)
	}
	if got := kpiValue(t, p.Body, "kpi"); !near(got, total) {
		t.Errorf("another action's target changed: %v", got)
	}
	// The click is not part of the persisted state: the page opens whole.
	_, p = ts.signOn(t, ts.mint(t, "admin", "/dashboards/actions"), -1)
	if got := kpiValue(t, p.Body, "kpi"); !near(got, total) {
		t.Errorf("the reopened dashboard kept the click: %v", got)
	}
}
