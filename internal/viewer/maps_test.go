package viewer

import (
	"context"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// mapRoles is a dataset's geographic roles for the map tests.
func mapRoles(roles map[string]string) GeoRoles {
	return func(context.Context, string) (map[string]string, error) { return roles, nil }
}

func mapPlanOf(t *testing.T, js string, roles map[string]string) (*plan, string) {
	t.Helper()
	if regionSets()["COUNTRY"] == nil || regionSets()["STATE"] == nil {
		t.Fatal("the map boundaries are not built: run make web")
	}
	p, ok := planOf(visualOf(t, js))
	if !ok {
		t.Fatal("no plan")
	}
	v := &View{geoRoles: mapRoles(roles)}
	return p, v.placeMap(context.Background(), p, "arn")
}

const filledCountry = `{"FilledMapVisual": {"VisualId": "m", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {
 "Geospatial": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "country"}}}],
 "Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
 "WindowOptions": {"Bounds": {"North": 60, "South": 30, "West": -10, "East": 30}, "MapZoomMode": "MANUAL"}}}}`

// A filled map by country: names, ISO codes and other cases match their
// shapes; a value that matches none is named in the note, never dropped
// silently.
func TestFilledMapCountries(t *testing.T) {
	p, why := mapPlanOf(t, filledCountry, map[string]string{"country": "COUNTRY"})
	wantEq(t, "refused", why, "")
	wantEq(t, "unsupported", p.unsupported, []string(nil))
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}},
		Rows:    [][]any{{"United States", 10.5}, {"DEU", 4.0}, {"fr", 2.0}, {"Singapore", 7.0}, {"Atlantis", 1.0}, {nil, 3.0}},
	}
	opt, note, why := mapOption(p, res)
	wantEq(t, "refused", why, "")
	s := opt["series"].([]obj)[0]
	wantEq(t, "regions", s["data"], []obj{{"name": "United States of America", "value": 10.5, "sgValue": "United States"}, {"name": "Germany", "value": 4.0, "sgValue": "DEU"}, {"name": "France", "value": 2.0, "sgValue": "fr"}})
	wantEq(t, "map", s["map"], "sg-geo-world")
	wantEq(t, "bounds", s["boundingCoords"], [][]float64{{-10, 60}, {30, 30}})
	wantEq(t, "note", note, "3 of 6 values matched no region: Singapore, Atlantis, (empty).")
	vm := opt["visualMap"].(obj)
	wantEq(t, "scale", [2]any{vm["min"], vm["max"]}, [2]any{2.0, 10.5})
	if u := opt["sgMap"].(obj)["url"].(string); !strings.HasPrefix(u, "/static/geo-world.json?v=") {
		t.Errorf("shapes url %q", u)
	}

	// Two values naming one region are refused: their measures can't be
	// added up for every aggregation.
	res.Rows = [][]any{{"US", 1.0}, {"United States", 2.0}}
	if _, _, why := mapOption(p, res); !strings.Contains(why, `"US" and "United States" name the same region`) {
		t.Errorf("duplicate region: %q", why)
	}
}

// US states match by name, USPS code and FIPS code; a role without
// boundaries, a column without a role and geocoding preferences are
// refused by name.
func TestFilledMapRoles(t *testing.T) {
	p, why := mapPlanOf(t, filledCountry, map[string]string{"country": "STATE"})
	wantEq(t, "refused", why, "")
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}},
		Rows:    [][]any{{"California", 1.0}, {"TX", 2.0}, {"36", 3.0}},
	}
	opt, note, _ := mapOption(p, res)
	wantEq(t, "states", opt["series"].([]obj)[0]["data"], []obj{{"name": "California", "value": 1.0, "sgValue": "California"}, {"name": "Texas", "value": 2.0, "sgValue": "TX"}, {"name": "New York", "value": 3.0, "sgValue": "36"}})
	wantEq(t, "note", note, "")
	_, why = mapPlanOf(t, filledCountry, map[string]string{"country": "CITY"})
	wantEq(t, "city", why, "a filled map by CITY (Sightglass has boundaries of countries, US states and US counties only)")
	_, why = mapPlanOf(t, filledCountry, nil)
	wantEq(t, "no role", why, `location field "country" has no geographic role in its dataset`)
	p, _ = mapPlanOf(t, strings.Replace(filledCountry, `"VisualId": "m",`, `"VisualId": "m", "GeocodingPreferences": [{"RequestKey": {}, "Preference": {}}],`, 1), map[string]string{"country": "COUNTRY"})
	wantEq(t, "geocoding", p.unsupported, []string{"a GeocodingPreference without one RequestKey and one Preference"})
}

// GeocodingPreferences on a filled map by country: a value the key names
// (by name or code) shades the region the preference names; coordinates,
// other levels and county maps are refused by name.
func TestFilledMapGeocodingPreferences(t *testing.T) {
	with := func(prefs string) string {
		return strings.Replace(filledCountry, `"VisualId": "m",`, `"VisualId": "m", "GeocodingPreferences": `+prefs+`,`, 1)
	}
	p, why := mapPlanOf(t, with(`[{"RequestKey": {"Country": "untied states"}, "Preference": {"GeocoderHierarchy": {"Country": "USA"}}},
	 {"RequestKey": {"Country": "FR"}, "Preference": {"GeocoderHierarchy": {"Country": "Spain"}}}]`), map[string]string{"country": "COUNTRY"})
	wantEq(t, "refused", why, "")
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Untied States", 1.0}, {"France", 2.0}, {"Germany", 3.0}},
	}
	opt, note, _ := mapOption(p, res)
	wantEq(t, "regions", opt["series"].([]obj)[0]["data"], []obj{{"name": "United States of America", "value": 1.0, "sgValue": "Untied States"},
		{"name": "Spain", "value": 2.0, "sgValue": "France"}, {"name": "Germany", "value": 3.0, "sgValue": "Germany"}})
	wantEq(t, "note", note, "")
	for prefs, want := range map[string]string{
		`[{"RequestKey": {"Country": "X"}, "Preference": {"Coordinate": {"Latitude": 1, "Longitude": 2}}}]`:       "a GeocodingPreference Coordinate on a filled map",
		`[{"RequestKey": {"Country": "X", "State": "Y"}, "Preference": {"GeocoderHierarchy": {"Country": "Z"}}}]`: "GeocodingPreferences on a filled map by COUNTRY naming other than a COUNTRY alone",
	} {
		_, why = mapPlanOf(t, with(prefs), map[string]string{"country": "COUNTRY"})
		wantEq(t, prefs, why, want)
	}
	_, why = mapPlanOf(t, with(`[{"RequestKey": {"State": "X"}, "Preference": {"GeocoderHierarchy": {"State": "Y"}}}]`), map[string]string{"country": "COUNTY"})
	wantEq(t, "county", why, "GeocodingPreferences on a filled map by COUNTY")
}

const pointMap = `{"GeospatialMapVisual": {"VisualId": "g", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {
 "Geospatial": [{"NumericalDimensionField": {"FieldId": "lat", "Column": {"DataSetIdentifier": "sales", "ColumnName": "lat"}}},
  {"NumericalDimensionField": {"FieldId": "lon", "Column": {"DataSetIdentifier": "sales", "ColumnName": "lon"}}}],
 "Colors": [{"CategoricalDimensionField": {"FieldId": "seg", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]}}%s}}}`

// A points map: a point per latitude and longitude, a series per color
// value, sized by the count of records; rows without a position are
// named in the note.
func TestPointMap(t *testing.T) {
	p, why := mapPlanOf(t, strings.Replace(pointMap, "%s", "", 1), map[string]string{"lat": "LATITUDE", "lon": "LONGITUDE"})
	wantEq(t, "refused", why, "")
	wantEq(t, "dims", len(p.dims()), 3)
	wantEq(t, "records", p.values[0].id, recordsID)
	res := &Result{
		Columns: []query.ResultColumn{{ID: "lat", Type: "DECIMAL"}, {ID: "lon", Type: "DECIMAL"}, {ID: "seg", Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows:    [][]any{{52.52, 13.405, "Retail", int64(100)}, {40.7128, -74.006, "Retail", int64(25)}, {35.0, 139.0, "Online", int64(1)}, {nil, 1.0, "Online", int64(4)}, {95.0, 1.0, "Online", int64(2)}},
	}
	opt, note, _ := mapOption(p, res)
	ss := opt["series"].([]obj)
	wantEq(t, "series", [2]any{ss[0]["name"], ss[1]["name"]}, [2]any{"Retail", "Online"})
	wantEq(t, "retail", ss[0]["data"], []obj{
		{"name": "52.52, 13.405", "value": []any{13.405, 52.52, 100.0}, "symbolSize": float64(maxPoint)},
		{"name": "40.7128, -74.006", "value": []any{-74.006, 40.7128, 25.0}, "symbolSize": 14.0},
	})
	wantEq(t, "note", note, "2 of 5 rows have no valid latitude and longitude: ((empty), 1), (95, 1).")
	wantEq(t, "legend", opt["legend"].(obj)["data"], []string{"Retail", "Online"})

	_, why = mapPlanOf(t, strings.Replace(pointMap, "%s", "", 1), map[string]string{"lat": "CITY", "lon": "LONGITUDE"})
	wantEq(t, "city", why, "points placed by CITY with other location fields (give the points one CITY or POSTCODE field, or a LATITUDE and a LONGITUDE field)")
}

// A points map by one COUNTRY or STATE field places each row at its
// region's center (Russia's and Fiji's across the antimeridian too), on
// those regions; a value naming no region is in the note, two naming one
// refuse the map.
func TestPointMapRegionCenters(t *testing.T) {
	byField := func(col string) string {
		return `{"GeospatialMapVisual": {"VisualId": "g", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {
	 "Geospatial": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "` + col + `"}}}]}}}}}`
	}
	p, why := mapPlanOf(t, byField("country"), map[string]string{"country": "COUNTRY"})
	wantEq(t, "country placed", why, "")
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows:    [][]any{{"France", int64(4)}, {"RUS", int64(2)}, {"Fiji", int64(1)}, {"Atlantis", int64(3)}},
	}
	opt, note, why := mapOption(p, res)
	wantEq(t, "refused", why, "")
	wantEq(t, "shapes", opt["geo"].(obj)["map"], "sg-geo-world")
	data := opt["series"].([]obj)[0]["data"].([]obj)
	wantEq(t, "points", len(data), 3)
	inside := map[string][4]float64{"France": {-5, 8, 42, 51}, "Russia": {40, 140, 50, 72}, "Fiji": {176, 180, -19, -16}} // lon, lat bounds
	for _, d := range data {
		at, b := d["value"].([]any), inside[d["name"].(string)]
		if lon, lat := at[0].(float64), at[1].(float64); lon < b[0] || lon > b[1] || lat < b[2] || lat > b[3] {
			t.Errorf("%s at %v, %v", d["name"], lon, lat)
		}
	}
	wantEq(t, "click value", data[1]["sgValue"], "RUS")
	wantEq(t, "note", note, "1 of 4 values matched no country: Atlantis.")
	res.Rows = [][]any{{"France", int64(4)}, {"FR", int64(1)}}
	if _, _, why := mapOption(p, res); why != `the values "France" and "FR" name the same region (France)` {
		t.Errorf("two values of one country: %q", why)
	}
	p, why = mapPlanOf(t, byField("st"), map[string]string{"st": "STATE"})
	wantEq(t, "state placed", why, "")
	res.Rows = [][]any{{"CA", int64(1)}, {"Narnia", int64(1)}}
	opt, note, _ = mapOption(p, res)
	wantEq(t, "state shapes", opt["geo"].(obj)["map"], "sg-geo-us-states")
	wantEq(t, "state note", note, "1 of 2 values matched no US state: Narnia.")
}
