//lint:file-ignore SA1019 LogicalTableMap is what Sightglass implements (the legacy data preparation experience)

package e2e

// A click on a county of a county map filters its targets by that county
// of that state, against SQL over the sample file.

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

// countyClickSQL puts the sample's Seattle orders in Washington County,
// Oregon, and its Boston orders in Washington County, Utah: one county
// name in two states.
const countyClickSQL = `SELECT revenue,
	CASE city WHEN 'Seattle' THEN 'Washington' WHEN 'Boston' THEN 'Washington' WHEN 'Chicago' THEN 'Cook' END AS county,
	CASE city WHEN 'Seattle' THEN 'OR' WHEN 'Boston' THEN 'Utah' WHEN 'Chicago' THEN 'IL' END AS state
	FROM orders WHERE country = 'United States' AND city IN ('Seattle', 'Boston', 'Chicago')`

// TestViewerCountyMapClick: a click on Washington County, Oregon, of a
// county map grouped by its state column filters a KPI and a bar chart by
// state to that county's revenue, equal to SQL for that county of that
// state (not the Washington counties of both states); a click that does
// not give the county's state is refused by name on its targets.
func TestViewerCountyMapClick(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(3000))
	db := sampleDB(t, ts)
	c := ts.adminClient()
	tag := func(column string, role types.GeoSpatialDataRole) types.TransformOperation {
		return &types.TransformOperationMemberTagColumnOperation{Value: types.TagColumnOperation{
			ColumnName: aws.String(column), Tags: []types.ColumnTag{{ColumnGeographicRole: role}}}}
	}
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("county-click"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL(app.SampleDataSourceID, countyClickSQL, col("revenue", types.InputColumnDataTypeDecimal),
			col("county", types.InputColumnDataTypeString), col("state", types.InputColumnDataTypeString)),
		LogicalTableMap: map[string]types.LogicalTable{"geo": {Alias: aws.String("geo"), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("t1")},
			DataTransforms: []types.TransformOperation{tag("county", types.GeoSpatialDataRoleCounty), tag("state", types.GeoSpatialDataRoleState)}}},
		Permissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "admin")), Actions: []string{"quicksight:DescribeDataSet", "quicksight:PassDataSet"}}},
	})
	revenue := func(id string) string {
		return `{"NumericalMeasureField": {"FieldId": "` + id + `", "Column": {"DataSetIdentifier": "geo", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}`
	}
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "geo", "DataSetArn": %q}],
		"Sheets": [{"SheetId": "s", "Name": "Counties", "Visuals": [
		{"FilledMapVisual": {"VisualId": "by-county", "Actions": [{"CustomActionId": "by-county-click", "Name": "Filter", "Status": "ENABLED", "Trigger": "DATA_POINT_CLICK",
		  "ActionOperations": [{"FilterOperation": {"SelectedFieldsConfiguration": {"SelectedFieldOptions": "ALL_FIELDS"},
		  "TargetVisualsConfiguration": {"SameSheetTargetVisualConfiguration": {"TargetVisualOptions": "ALL_VISUALS"}}}}]}],
		  "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {
		  "Geospatial": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "geo", "ColumnName": "county"}}}],
		  "Values": [%s]}}}}},
		{"KPIVisual": {"VisualId": "kpi", "ChartConfiguration": {"FieldWells": {"Values": [%s]}}}},
		{"BarChartVisual": {"VisualId": "by-state", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
		  "Category": [{"CategoricalDimensionField": {"FieldId": "s", "Column": {"DataSetIdentifier": "geo", "ColumnName": "state"}}}],
		  "Values": [%s]}}}}}]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/county-click", revenue("r"), revenue("kr"), revenue("br"))
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("county-click"),
		Name: aws.String("county-click"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "county-click", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	u := ts.mint(t, "admin", "/dashboards/county-click")
	token, p := ts.signOn(t, u, -1)
	sheet := func(q url.Values) *page {
		t.Helper()
		p := ts.withToken(t, ts.URL+"/embedding/"+u.Sid+"/dashboards/county-click/sheets/s?"+q.Encode(), token)
		p.wantHTML(t, 200)
		return p
	}

	// The region gives a click its county and its state.
	var click []string
	for _, d := range rawChart(t, p.Body, "by-county")["series"].([]any)[0].(map[string]any)["data"].([]any) {
		if r := d.(map[string]any); r["name"] == "Washington, OR" {
			click = []string{r["sgValue"].(string), r["sgState"].(string)}
		}
	}
	if strings.Join(click, "|") != "Washington|OR" {
		t.Fatalf("Washington, OR gives the click %q", click)
	}

	one := sqlFloat(t, db, `SELECT sum(revenue) FROM (`+countyClickSQL+`) WHERE county = 'Washington' AND state = 'OR'`)
	both := sqlFloat(t, db, `SELECT sum(revenue) FROM (`+countyClickSQL+`) WHERE county = 'Washington'`)
	if near(one, both) {
		t.Fatalf("SQL: Washington, OR (%v) is all of the Washington counties' revenue (%v): the test could not fail", one, both)
	}
	p = sheet(url.Values{"x.by-county": click})
	if got := kpiValue(t, p.Body, "kpi"); !near(got, one) {
		t.Errorf("KPI after a click on Washington, OR = %v, SQL for that county %v (both Washingtons %v)", got, one, both)
	}
	o := chart(t, p.Body, "by-state")
	if cats := categoryAxis(t, o); strings.Join(cats, "|") != "OR" {
		t.Errorf("the bar chart by state after the click has the states %v, want OR only", cats)
	}
	bar := rawChart(t, p.Body, "by-state")["series"].([]any)[0].(map[string]any)["data"].([]any)
	if len(bar) != 1 || !near(barValue(bar[0]), one) {
		t.Errorf("the bar chart by state after the click: %v, SQL %v", bar, one)
	}

	// The county alone (a click that does not say its state) is refused
	// on the targets, never filtered by the name of counties of two states.
	p = sheet(url.Values{"x.by-county": {"Washington"}})
	for _, id := range []string{"kpi", "by-state"} {
		if got := tile(t, p.Body, id); !strings.Contains(got, "by-county-click") || !strings.Contains(got, "a click on a county without its state") {
			t.Errorf("%s after a click without the state:\n%s", id, got)
		}
	}
}

// barValue is a bar's value, bare or in an object with its style.
func barValue(d any) float64 {
	if m, ok := d.(map[string]any); ok {
		d = m["value"]
	}
	f, _ := d.(float64)
	return f
}
