//lint:file-ignore SA1019 LogicalTableMap is what Sightglass implements (the legacy data preparation experience)

package e2e

// A filled map by US county, through the SDK, against SQL over the
// sample file.

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

// countySQL is the sample's US orders with a county and a state per city,
// the names written as datasets do (with and without "County", state
// names, USPS and FIPS codes); King County is also a county of Texas, and
// Houston's orders are put in "Baltimore", Maryland, which names both
// Baltimore city and Baltimore County.
const countySQL = `SELECT revenue,
	CASE city WHEN 'New York' THEN 'New York' WHEN 'Los Angeles' THEN 'Los Angeles County' WHEN 'Chicago' THEN 'Cook'
	  WHEN 'Houston' THEN 'Baltimore' WHEN 'Seattle' THEN 'King' WHEN 'Boston' THEN 'Suffolk County' WHEN 'Austin' THEN 'Travis' END AS county,
	CASE city WHEN 'New York' THEN 'NY' WHEN 'Los Angeles' THEN 'California' WHEN 'Chicago' THEN 'il'
	  WHEN 'Houston' THEN 'MD' WHEN 'Seattle' THEN 'WA' WHEN 'Boston' THEN 'Massachusetts' WHEN 'Austin' THEN '48' END AS state
	FROM orders WHERE country = 'United States'`

// countyShapes are the shapes countySQL's counties match.
var countyShapes = map[string]string{"New York|NY": "New York, NY", "Los Angeles County|California": "Los Angeles, CA", "Cook|il": "Cook, IL",
	"King|WA": "King, WA", "Suffolk County|Massachusetts": "Suffolk, MA", "Travis|48": "Travis, TX"}

// TestViewerCountyMap draws revenue by county (the dataset's county
// column has the COUNTY role, its state column the STATE role): each
// county's region carries SQL's revenue for that county of that state,
// and the one that names two shapes of its state is named on the tile.
func TestViewerCountyMap(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(3000))
	c := ts.adminClient()
	tag := func(column string, role types.GeoSpatialDataRole) types.TransformOperation {
		return &types.TransformOperationMemberTagColumnOperation{Value: types.TagColumnOperation{
			ColumnName: aws.String(column), Tags: []types.ColumnTag{{ColumnGeographicRole: role}}}}
	}
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("counties"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL(app.SampleDataSourceID, countySQL, col("revenue", types.InputColumnDataTypeDecimal),
			col("county", types.InputColumnDataTypeString), col("state", types.InputColumnDataTypeString)),
		LogicalTableMap: map[string]types.LogicalTable{"geo": {Alias: aws.String("geo"), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("t1")},
			DataTransforms: []types.TransformOperation{tag("county", types.GeoSpatialDataRoleCounty), tag("state", types.GeoSpatialDataRoleState)}}},
		Permissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "admin")), Actions: []string{"quicksight:DescribeDataSet", "quicksight:PassDataSet"}}},
	})
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "geo", "DataSetArn": %q}],
		"Sheets": [{"SheetId": "s", "Name": "Counties", "Visuals": [
		{"FilledMapVisual": {"VisualId": "by-county", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {
		  "Geospatial": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "geo", "ColumnName": "county"}}}],
		  "Values": [{"NumericalMeasureField": {"FieldId": "r", "Column": {"DataSetIdentifier": "geo", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}},
		{"GeospatialMapVisual": {"VisualId": "county-points", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {
		  "Geospatial": [{"CategoricalDimensionField": {"FieldId": "pc", "Column": {"DataSetIdentifier": "geo", "ColumnName": "county"}}}],
		  "Values": [{"NumericalMeasureField": {"FieldId": "pr", "Column": {"DataSetIdentifier": "geo", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}}]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/counties")
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("counties"),
		Name: aws.String("counties"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "counties", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/counties"), -1)

	o := rawChart(t, p.Body, "by-county")
	var got [][]any
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		r := d.(map[string]any)
		got = append(got, []any{r["name"], r["value"]})
	}
	var want [][]any
	for _, r := range sqlRows(t, ts, `SELECT county, state, round(sum(revenue), 2) FROM (`+countySQL+`) GROUP BY 1, 2`) {
		if s, ok := countyShapes[r[0].(string)+"|"+r[1].(string)]; ok {
			want = append(want, []any{s, r[2]})
		} else if r[0] != "Baltimore" {
			t.Fatalf("SQL county %v is not one the test expects", r)
		}
	}
	sortAny(got)
	sortAny(want)
	if len(want) != len(countyShapes) {
		t.Fatalf("SQL has %d of the test's %d counties: %v", len(want), len(countyShapes), want)
	}
	wantRows(t, "revenue by county", got, want)
	if note := tileNote(t, p.Body, "by-county"); note != "1 of 7 values name more than one county of their state: Baltimore (MD)." {
		t.Errorf("by-county note %q", note)
	}
	if u := o["sgMap"].(map[string]any)["url"].(string); !strings.HasPrefix(u, "/static/geo-us-counties.json?v=") {
		t.Errorf("shapes at %q", u)
	}

	// The points map by county: a point per county with SQL's revenue,
	// drawn on the states' shapes (the counties' are not fetched).
	o = rawChart(t, p.Body, "county-points")
	got = nil
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		r := d.(map[string]any)
		got = append(got, []any{r["name"], r["value"].([]any)[2]})
	}
	sortAny(got)
	wantRows(t, "revenue by county, points", got, want)
	if note := tileNote(t, p.Body, "county-points"); note != "1 of 7 values name more than one county of their state: Baltimore (MD)." {
		t.Errorf("county-points note %q", note)
	}
	if u := o["sgMap"].(map[string]any)["url"].(string); !strings.HasPrefix(u, "/static/geo-us-states.json?v=") {
		t.Errorf("points shapes at %q", u)
	}
}
