//lint:file-ignore SA1019 LogicalTableMap is what Sightglass implements (the legacy data preparation experience)

package e2e

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

// cityPlaces are the sample's cities with a position; the other cities
// have none (NULL latitude and longitude).
var cityPlaces = map[string][2]float64{"New York": {40.7128, -74.006}, "Berlin": {52.52, 13.405}, "Tokyo": {35.6762, 139.6503}, "Sydney": {-33.8688, 151.2093}}

// zipSQL gives the rows of some of the sample's cities a ZIP code
// (Berlin's is a German postcode).
const zipSQL = "CASE city WHEN 'New York' THEN '10001' WHEN 'Chicago' THEN '60601' WHEN 'Seattle' THEN '98101' WHEN 'Berlin' THEN '10115' END"

// geoSQL is the custom SQL of the map tests' dataset: the sample's
// orders with a latitude and longitude for the cities of cityPlaces.
func geoSQL() string {
	lat, lon := "CASE city", "CASE city"
	for c, p := range cityPlaces {
		lat += fmt.Sprintf(" WHEN '%s' THEN %v", c, p[0])
		lon += fmt.Sprintf(" WHEN '%s' THEN %v", c, p[1])
	}
	return "SELECT country, city, segment, revenue, " + lat + " END AS lat, " + lon + " END AS lon, " + zipSQL + " AS zip FROM orders"
}

// mapsDashboard creates a dataset over the sample with the geographic
// roles tagged (country COUNTRY, city CITY, lat and lon, zip POSTCODE), and a dashboard of
// visuals on it ("geo"); it returns the dashboard page.
func mapsDashboard(t *testing.T, ts *testServer, visuals ...string) string {
	t.Helper()
	return mapsDashboardWith(t, ts, nil, visuals...)
}

// mapsDashboardWith is mapsDashboard with edit changing the definition
// before it is sent (for members JSON cannot give the SDK, such as
// unions).
func mapsDashboardWith(t *testing.T, ts *testServer, edit func(*types.DashboardVersionDefinition), visuals ...string) string {
	t.Helper()
	c := ts.adminClient()
	tag := func(column string, role types.GeoSpatialDataRole) types.TransformOperation {
		return &types.TransformOperationMemberTagColumnOperation{Value: types.TagColumnOperation{
			ColumnName: aws.String(column), Tags: []types.ColumnTag{{ColumnGeographicRole: role}}}}
	}
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("geo"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL(app.SampleDataSourceID, geoSQL(), col("country", types.InputColumnDataTypeString), col("city", types.InputColumnDataTypeString),
			col("segment", types.InputColumnDataTypeString), col("revenue", types.InputColumnDataTypeDecimal),
			col("lat", types.InputColumnDataTypeDecimal), col("lon", types.InputColumnDataTypeDecimal), col("zip", types.InputColumnDataTypeString)),
		LogicalTableMap: map[string]types.LogicalTable{"geo": {Alias: aws.String("geo"), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("t1")},
			DataTransforms: []types.TransformOperation{tag("country", types.GeoSpatialDataRoleCountry), tag("city", types.GeoSpatialDataRoleCity),
				tag("lat", types.GeoSpatialDataRoleLatitude), tag("lon", types.GeoSpatialDataRoleLongitude), tag("zip", types.GeoSpatialDataRolePostcode)}}},
		Permissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "admin")), Actions: []string{"quicksight:DescribeDataSet", "quicksight:PassDataSet"}}},
	})
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "geo", "DataSetArn": %q}],
		"Sheets": [{"SheetId": "s", "Name": "Maps", "Visuals": [%s]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/geo", strings.Join(visuals, ","))
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	if edit != nil {
		edit(&d)
	}
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("maps"),
		Name: aws.String("maps"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "maps", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/maps"), -1)
	return p.Body
}

// geoField is a dimension field of the "geo" dataset.
func geoField(kind, id, column string) string {
	return fmt.Sprintf(`{%q: {"FieldId": %q, "Column": {"DataSetIdentifier": "geo", "ColumnName": %q}}}`, kind, id, column)
}

// geoSum is the sum of a column of the "geo" dataset.
func geoSum(id, column string) string {
	return fmt.Sprintf(`{"NumericalMeasureField": {"FieldId": %q, "Column": {"DataSetIdentifier": "geo", "ColumnName": %q}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}`, id, column)
}

// TestViewerMaps draws a filled map of revenue by country (its regions at
// above the middle of the countries' sums filled red by a shape rule) and a points map
// of revenue by latitude and longitude per segment through the SDK, each
// against SQL over the sample file: the country that has no shape at
// 1:110m (Singapore) and the rows with no position are named on the tile,
// not dropped silently; a filled map by city is refused by name.
func TestViewerMaps(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	// The shape rule's limit: between the two middle countries' sums, so
	// that some regions are red and some keep the scale.
	sums := sqlRows(t, ts, "SELECT sum(revenue) FROM orders WHERE country <> 'Singapore' GROUP BY country ORDER BY 1")
	limit := math.Round((asFloat(sums[len(sums)/2-1][0]) + asFloat(sums[len(sums)/2][0])) / 2)
	body := mapsDashboard(t, ts,
		`{"FilledMapVisual": {"VisualId": "by-country", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {"Geospatial": [`+geoField("CategoricalDimensionField", "c", "country")+`], "Values": [`+geoSum("rev", "revenue")+`]}}},
		  "ConditionalFormatting": {"ConditionalFormattingOptions": [{"Shape": {"FieldId": "rev", "Format": {"BackgroundColor": {"Solid": {"Expression": "sum({revenue}) >= `+fmt.Sprint(limit)+`", "Color": "#DE3B00"}}}}}]}}}`,
		`{"GeospatialMapVisual": {"VisualId": "points", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [`+geoField("NumericalDimensionField", "lat", "lat")+`, `+geoField("NumericalDimensionField", "lon", "lon")+`], "Values": [`+geoSum("prev", "revenue")+`], "Colors": [`+geoField("CategoricalDimensionField", "seg", "segment")+`]}}}}}`,
		`{"FilledMapVisual": {"VisualId": "by-city", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {"Geospatial": [`+geoField("CategoricalDimensionField", "cc", "city")+`]}}}}}`,
	)

	// The filled map: a region per country with its revenue; the sample's
	// names are the shapes' but one, and Singapore has no shape.
	o := rawChart(t, body, "by-country")
	var got [][]any
	red := map[bool]int{}
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		r := d.(map[string]any)
		got = append(got, []any{r["name"], r["value"]})
		// Filled red exactly where SQL's sum reaches the limit, out of the scale.
		above := asFloat(r["value"]) >= limit
		red[above]++
		style, _ := r["itemStyle"].(map[string]any)
		if filled := style != nil && style["areaColor"] == "#DE3B00" && r["visualMap"] == false; filled != above {
			t.Errorf("%v: %v vs %v: filled red %v, want %v (%v)", r["name"], r["value"], limit, filled, above, r)
		}
	}
	if red[true] == 0 || red[false] == 0 {
		t.Errorf("regions above the limit %v: the test needs both kinds", red)
	}
	if _, kept := o["series"].([]any)[0].(map[string]any)["sgRows"]; kept {
		t.Error("the filled map's option keeps its result rows")
	}
	shape := map[string]string{"United States": "United States of America"}
	var want [][]any
	for _, r := range sqlRows(t, ts, "SELECT country, round(sum(revenue), 2) FROM orders WHERE country <> 'Singapore' GROUP BY 1 ORDER BY 1") {
		if s, ok := shape[r[0].(string)]; ok {
			r[0] = s
		}
		want = append(want, r)
	}
	sortAny(got)
	sortAny(want)
	wantRows(t, "revenue by country", got, want)
	n := sqlRows(t, ts, "SELECT count(DISTINCT country) FROM orders")[0][0]
	if note := tileNote(t, body, "by-country"); note != fmt.Sprintf("1 of %v values matched no region: Singapore.", n) {
		t.Errorf("by-country note %q", note)
	}
	if u := o["sgMap"].(map[string]any)["url"].(string); !strings.HasPrefix(u, "/static/geo-world.json?v=") {
		t.Errorf("shapes at %q", u)
	}

	// The points map: a point per position and segment with its revenue;
	// the rows of cities without a position are named, one per segment.
	o = rawChart(t, body, "points")
	got = nil
	for _, s := range o["series"].([]any) {
		s := s.(map[string]any)
		for _, d := range s["data"].([]any) {
			v := d.(map[string]any)["value"].([]any)
			got = append(got, []any{s["name"], v[1], v[0], v[2]})
		}
	}
	want = nil
	for _, r := range sqlRows(t, ts, "SELECT segment, city, round(sum(revenue), 2) FROM orders WHERE city IN ('New York', 'Berlin', 'Tokyo', 'Sydney') GROUP BY 1, 2") {
		p := cityPlaces[r[1].(string)]
		want = append(want, []any{r[0], p[0], p[1], r[2]})
	}
	sortAny(got)
	sortAny(want)
	wantRows(t, "revenue by position and segment", got, want)
	segs := sqlRows(t, ts, "SELECT count(DISTINCT segment) FROM orders")[0][0]
	if note := tileNote(t, body, "points"); !strings.HasPrefix(note, fmt.Sprintf("%v of %v rows have no valid latitude and longitude: ((empty), (empty))", segs, len(want)+int(asFloat(segs)))) {
		t.Errorf("points note %q", note)
	}

	for id, why := range map[string]string{
		"by-city": "Filled map cannot be drawn: a filled map by CITY (Sightglass has boundaries of countries, US states and US counties only).",
	} {
		if tl := tile(t, body, id); !strings.Contains(tl, "tile-unsupported") || !strings.Contains(html.UnescapeString(tl), why) || strings.Contains(tl, "data-echarts") {
			t.Errorf("%s: want an unsupported tile saying %q, got\n%s", id, why, tl)
		}
	}
}

// tileNote returns the note under a tile's chart ("" for none).
func tileNote(t testing.TB, body, visualID string) string {
	t.Helper()
	tl := tile(t, body, visualID)
	_, rest, ok := strings.Cut(tl, `<p class="tile-note" role="status">`)
	if !ok {
		return ""
	}
	note, _, _ := strings.Cut(rest, "</p>")
	return html.UnescapeString(note)
}

// sortAny orders rows by their printed form.
func sortAny(rows [][]any) {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && fmt.Sprint(rows[j]) < fmt.Sprint(rows[j-1]); j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}

// asFloat is a SQL number as a float64.
func asFloat(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return 0
}
