package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

const placeMap = `{"GeospatialMapVisual": {"VisualId": "g", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {
 "Geospatial": [{"CategoricalDimensionField": {"FieldId": "p", "Column": {"DataSetIdentifier": "sales", "ColumnName": "place"}}}]}}}}}`

// pointsOf returns a points map's points as [name, lon, lat].
func pointsOf(opt obj) [][3]any {
	var out [][3]any
	for _, s := range opt["series"].([]obj) {
		for _, d := range s["data"].([]obj) {
			v := d["value"].([]any)
			out = append(out, [3]any{d["name"], v[0], v[1]})
		}
	}
	return out
}

// Points by city: matched within the dataset's country and state
// columns; a name several cities of the country share is named, never
// guessed, and so is one that matches no city.
func TestPointMapCities(t *testing.T) {
	if cityIndex() == nil {
		t.Fatal("the places are not built: run make web")
	}
	p, why := mapPlanOf(t, placeMap, map[string]string{"place": "CITY", "country": "COUNTRY"})
	wantEq(t, "refused", why, "")
	wantEq(t, "grouped by", []string{p.category[0].dim.Field, p.category[1].dim.Field}, []string{"place", "country"})
	res := &Result{
		Columns: []query.ResultColumn{{ID: "p", Type: "STRING"}, {ID: placeCountryID, Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows: [][]any{{"Berlin", "Germany", int64(3)}, {"tokyo", "JP", int64(1)}, {"Springfield", "United States", int64(2)},
			{"New York", "United States", int64(1)}, {"Berlin", "Atlantis", int64(1)}},
	}
	opt, note, _ := mapOption(p, res)
	wantEq(t, "points", pointsOf(opt), [][3]any{{"Berlin (Germany)", 13.41053, 52.52437}, {"tokyo (JP)", 139.69171, 35.6895}})
	wantEq(t, "note", note, "2 of 5 values matched no city: New York (United States), Berlin (Atlantis). "+
		"1 of 5 values name more than one city (give the dataset one column with the COUNTRY role and one with the STATE role): Springfield (United States).")

	// With a state column, Springfield, Illinois is one city.
	p, _ = mapPlanOf(t, placeMap, map[string]string{"place": "CITY", "country": "COUNTRY", "st": "STATE"})
	wantEq(t, "grouped by", len(p.category), 3)
	res = &Result{
		Columns: []query.ResultColumn{{ID: "p", Type: "STRING"}, {ID: placeCountryID, Type: "STRING"}, {ID: placeStateID, Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Springfield", "US", "Illinois", int64(2)}, {"Berlin", "Germany", nil, int64(1)}},
	}
	opt, note, _ = mapOption(p, res)
	wantEq(t, "within state", pointsOf(opt), [][3]any{{"Springfield (Illinois, US)", -89.64371, 39.80172}, {"Berlin ((empty), Germany)", 13.41053, 52.52437}})
	wantEq(t, "no note", note, "")

	// Without a country column, Berlin names cities in several countries.
	p, _ = mapPlanOf(t, placeMap, map[string]string{"place": "CITY"})
	res = &Result{Columns: []query.ResultColumn{{ID: "p", Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows: [][]any{{"Berlin", int64(1)}, {"Tokyo", int64(1)}}}
	opt, note, _ = mapOption(p, res)
	wantEq(t, "alone", pointsOf(opt), [][3]any{{"Tokyo", 139.69171, 35.6895}})
	wantEq(t, "ambiguous", note, "1 of 2 values name more than one city (give the dataset one column with the COUNTRY role and one with the STATE role): Berlin.")
}

// Points by US ZIP code, drawn on the states: texts with or without the
// +4 suffix and numbers that lost their leading zero; outside the United
// States (by the country column) or unknown, named.
func TestPointMapPostcodes(t *testing.T) {
	p, why := mapPlanOf(t, placeMap, map[string]string{"place": "POSTCODE", "country": "COUNTRY"})
	wantEq(t, "refused", why, "")
	wantEq(t, "drawn on", p.geo.regions, regionSets()["STATE"])
	res := &Result{
		Columns: []query.ResultColumn{{ID: "p", Type: "STRING"}, {ID: placeCountryID, Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows: [][]any{{"10001", "USA", int64(1)}, {"10001-1234", "United States", int64(1)}, {int64(2134), "US", int64(1)},
			{"10115", "Germany", int64(1)}, {"00000", "US", int64(1)}},
	}
	opt, note, _ := mapOption(p, res)
	wantEq(t, "points", pointsOf(opt), [][3]any{{"10001 (USA)", -73.99729, 40.75065}, {"10001-1234 (United States)", -73.99729, 40.75065}, {"02134 (US)", -71.12958, 42.35879}})
	wantEq(t, "note", note, "2 of 5 values matched no US ZIP code: 10115 (Germany), 00000 (US).")
}
