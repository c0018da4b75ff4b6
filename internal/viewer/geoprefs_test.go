package viewer

import (
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// placeMapWith is placeMap with the visual's GeocodingPreferences.
func placeMapWith(prefs string) string {
	return strings.Replace(placeMap, `{"VisualId": "g",`, `{"VisualId": "g", "GeocodingPreferences": `+prefs+`,`, 1)
}

// GeocodingPreferences on a points map by city: a Coordinate places the
// row there; a GeocoderHierarchy geocodes another name in its stead
// (New York as New York City); the key's country matches by name or
// code; a row the key does not name is geocoded as it is.
func TestPointMapGeocodingPreferences(t *testing.T) {
	p, why := mapPlanOf(t, placeMapWith(`[
	 {"RequestKey": {"City": "new york", "Country": "USA"}, "Preference": {"GeocoderHierarchy": {"City": "New York City"}}},
	 {"RequestKey": {"City": "Berlin", "Country": "DE"}, "Preference": {"Coordinate": {"Latitude": 52.5, "Longitude": 13.4}}},
	 {"RequestKey": {"City": "Atlantis"}, "Preference": {"GeocoderHierarchy": {"City": "Springfield", "State": "IL", "Country": "US"}}}]`),
		map[string]string{"place": "CITY", "country": "COUNTRY"})
	wantEq(t, "refused", why, "")
	wantEq(t, "unsupported", len(p.unsupported), 0)
	res := &Result{
		Columns: []query.ResultColumn{{ID: "p", Type: "STRING"}, {ID: placeCountryID, Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows: [][]any{{"New York", "United States", int64(1)}, {"Berlin", "Germany", int64(1)}, {"Berlin", "United States", int64(1)},
			{"Atlantis", "Greece", int64(1)}, {"Tokyo", "Japan", int64(1)}},
	}
	opt, note, _ := mapOption(p, res)
	wantEq(t, "points", pointsOf(opt), [][3]any{{"New York (United States)", -74.00597, 40.71427}, {"Berlin (Germany)", 13.4, 52.5},
		{"Atlantis (Greece)", -89.64371, 39.80172}, {"Tokyo (Japan)", 139.69171, 35.6895}})
	wantEq(t, "note", note, "1 of 5 values name more than one city (give the dataset one column with the COUNTRY role and one with the STATE role): Berlin (United States).")

	for prefs, want := range map[string]string{
		`[{"RequestKey": {"City": "X", "State": "IL"}, "Preference": {"Coordinate": {"Latitude": 1, "Longitude": 2}}}]`: "GeocodingPreferences naming a State on a map without a STATE field",
		`[{"RequestKey": {"PostCode": "10001"}, "Preference": {"Coordinate": {"Latitude": 1, "Longitude": 2}}}]`:        "GeocodingPreferences whose RequestKey names no City or a PostCode on a map by CITY",
	} {
		_, why = mapPlanOf(t, placeMapWith(prefs), map[string]string{"place": "CITY", "country": "COUNTRY"})
		wantEq(t, prefs, why, want)
	}
	p, _ = mapPlanOf(t, placeMapWith(`[{"RequestKey": {"City": "X"}, "Preference": {"Coordinate": {"Latitude": 91, "Longitude": 2}}}]`), map[string]string{"place": "CITY"})
	wantEq(t, "outside", p.unsupported, []string{"a GeocodingPreference Coordinate outside the world"})
	_, why = mapPlanOf(t, strings.Replace(strings.Replace(pointMap, "%s", "", 1), `{"VisualId": "g",`,
		`{"VisualId": "g", "GeocodingPreferences": [{"RequestKey": {"City": "X"}, "Preference": {"Coordinate": {"Latitude": 1, "Longitude": 2}}}],`, 1), latLon)
	wantEq(t, "latitude and longitude", why, "GeocodingPreferences on a points map not placed by a CITY or POSTCODE field")
}

// On a points map by postcode, a preference keyed by a ZIP code (its
// +4 form too) moves it.
func TestPointMapPostcodePreference(t *testing.T) {
	p, why := mapPlanOf(t, placeMapWith(`[{"RequestKey": {"PostCode": "10001-0001"}, "Preference": {"GeocoderHierarchy": {"PostCode": "02134"}}}]`),
		map[string]string{"place": "POSTCODE"})
	wantEq(t, "refused", why, "")
	res := &Result{Columns: []query.ResultColumn{{ID: "p", Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows: [][]any{{"10001", int64(1)}}}
	opt, _, _ := mapOption(p, res)
	wantEq(t, "moved", pointsOf(opt), [][3]any{{"10001", -71.12958, 42.35879}})
}
