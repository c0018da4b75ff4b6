package viewer

import (
	"context"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A county map with the dataset's STATE column groups by it and matches
// each county within its state: by name, with its kind ("… County",
// "… Parish") or by FIPS code; a name two shapes of one state share
// (Baltimore city and county) is named, never guessed, and so is a
// county of no such state. Each region gives a click its county and its
// state (sgValue, sgState).
func TestFilledMapCountiesWithState(t *testing.T) {
	p, why := mapPlanOf(t, filledCountry, map[string]string{"country": "COUNTY", "st": "STATE"})
	wantEq(t, "refused", why, "")
	wantEq(t, "grouped by", []string{p.dims()[0].dim.Field, p.dims()[1].dim.Field}, []string{"country", "st"})
	wantEq(t, "limit", p.maxRows, countyLimit)
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: countyStateID, Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}},
		Rows: [][]any{{"Washington", "OR", 1.0}, {"Washington County", "Utah", 2.0}, {"Orleans Parish", "22", 3.0},
			{"Baltimore city", "MD", 4.0}, {"Baltimore", "md", 5.0}, {"Mohave", "TX", 6.0}, {"Mohave", nil, 7.0}},
	}
	opt, note, why := mapOption(p, res)
	wantEq(t, "refused", why, "")
	s := opt["series"].([]obj)[0]
	wantEq(t, "map", s["map"], "sg-geo-us-counties")
	wantEq(t, "counties", s["data"], []obj{
		{"name": "Washington, OR", "value": 1.0, "sgValue": "Washington", "sgState": "OR"},
		{"name": "Washington, UT", "value": 2.0, "sgValue": "Washington County", "sgState": "Utah"},
		{"name": "Orleans, LA", "value": 3.0, "sgValue": "Orleans Parish", "sgState": "22"},
		{"name": "Baltimore city, MD", "value": 4.0, "sgValue": "Baltimore city", "sgState": "MD"},
	})
	wantEq(t, "note", note, "2 of 7 values matched no region: Mohave (TX), Mohave ((empty))."+
		" 1 of 7 values name more than one county of their state: Baltimore (md).")
}

// Without a STATE column, a county is matched by a name no other county
// has or by its FIPS code; the other names are named as ambiguous.
func TestFilledMapCountiesWithoutState(t *testing.T) {
	p, why := mapPlanOf(t, filledCountry, map[string]string{"country": "COUNTY"})
	wantEq(t, "refused", why, "")
	wantEq(t, "dims", len(p.dims()), 1)
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Mohave County", 1.0}, {"41067", 2.0}, {"Washington", 3.0}, {"Nowhere", 4.0}},
	}
	opt, note, _ := mapOption(p, res)
	wantEq(t, "counties", opt["series"].([]obj)[0]["data"], []obj{
		{"name": "Mohave, AZ", "value": 1.0, "sgValue": "Mohave County"},
		{"name": "Washington, OR", "value": 2.0, "sgValue": "41067"},
	})
	wantEq(t, "note", note, "1 of 4 values matched no region: Nowhere."+
		" 1 of 4 values name more than one county (give the dataset one column with the STATE role): Washington.")
	// Two STATE columns: neither is guessed to be the county's.
	p, _ = mapPlanOf(t, filledCountry, map[string]string{"country": "COUNTY", "a": "STATE", "b": "STATE"})
	wantEq(t, "dims", len(p.dims()), 1)
	res.Rows = res.Rows[2:3]
	_, note, _ = mapOption(p, res)
	wantEq(t, "note", note, "1 of 1 values name more than one county (the dataset has several STATE columns; give it one): Washington.")
}

// BenchmarkCountyMatch times drawing a county map of every county (3,231
// rows) matched by name within its state, against the same rows matched
// by FIPS code without a state in the same run.
func BenchmarkCountyMatch(b *testing.B) {
	rs := regionSets()["COUNTY"]
	if rs == nil {
		b.Skip("the county boundaries are not built: run make web")
	}
	var byState, byFIPS [][]any
	for k, shape := range rs.inState {
		state, key, _ := strings.Cut(k, "|")
		if len(key) == 5 && key[0] >= '0' && key[0] <= '9' && !rs.ambiguous[k] {
			byFIPS = append(byFIPS, []any{key, 1.0})
			name, _, _ := strings.Cut(shape, ",")
			if rs.ambiguous[state+"|"+strings.ToLower(name)] {
				name += " County" // Baltimore County, as against Baltimore city
			}
			byState = append(byState, []any{name, state, 1.0})
		}
	}
	for _, c := range []struct {
		name  string
		roles map[string]string
		res   *Result
	}{
		{"within-state", map[string]string{"country": "COUNTY", "st": "STATE"}, &Result{Rows: byState,
			Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: countyStateID, Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}}}},
		{"fips", map[string]string{"country": "COUNTY"}, &Result{Rows: byFIPS,
			Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			p, _ := planOf(visualOf(b, filledCountry))
			v := &View{geoRoles: mapRoles(c.roles)}
			if why := v.placeMap(context.Background(), p, "arn"); why != "" {
				b.Fatal(why)
			}
			for b.Loop() {
				opt, note, why := mapOption(p, c.res)
				if why != "" || len(opt["series"].([]obj)[0]["data"].([]obj)) != len(c.res.Rows) {
					b.Fatalf("%s: %s %s", c.name, why, note)
				}
			}
		})
	}
}

// A points map by county places each row at its county's center (drawn
// on the states), matched within the row's state; the rest are named.
func TestPointMapCounties(t *testing.T) {
	js := strings.Replace(pointMap, "%s", "", 1)
	js = strings.Replace(js, `[{"NumericalDimensionField": {"FieldId": "lat", "Column": {"DataSetIdentifier": "sales", "ColumnName": "lat"}}},
  {"NumericalDimensionField": {"FieldId": "lon", "Column": {"DataSetIdentifier": "sales", "ColumnName": "lon"}}}]`,
		`[{"CategoricalDimensionField": {"FieldId": "cty", "Column": {"DataSetIdentifier": "sales", "ColumnName": "county"}}}]`, 1)
	p, why := mapPlanOf(t, js, map[string]string{"county": "COUNTY", "st": "STATE"})
	wantEq(t, "refused", why, "")
	wantEq(t, "grouped by", len(p.dims()), 3) // county, its state, the color
	res := &Result{
		Columns: []query.ResultColumn{{ID: "cty", Type: "STRING"}, {ID: countyStateID, Type: "STRING"}, {ID: "seg", Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Cook", "IL", "Retail", int64(4)}, {"King", "WA", "Retail", int64(1)}, {"Baltimore", "MD", "Retail", int64(2)}, {"Nowhere", "WA", "Online", int64(3)}},
	}
	opt, note, why := mapOption(p, res)
	wantEq(t, "refused", why, "")
	wantEq(t, "shapes", opt["geo"].(obj)["map"], "sg-geo-us-states")
	data := opt["series"].([]obj)[0]["data"].([]obj)
	wantEq(t, "points", len(data), 2)
	wantEq(t, "cook", [4]any{data[0]["name"], data[0]["sgValue"], data[0]["sgState"], data[0]["symbolSize"]}, [4]any{"Cook, IL", "Cook", "IL", float64(maxPoint)})
	at := data[0]["value"].([]any)
	if lon, lat := at[0].(float64), at[1].(float64); lon < -88.3 || lon > -87.5 || lat < 41.4 || lat > 42.2 {
		t.Errorf("Cook County at %v, %v: not in Cook County", lon, lat)
	}
	wantEq(t, "note", note, "1 of 4 values matched no county: Nowhere (WA). 1 of 4 values name more than one county of their state: Baltimore (MD).")
	res.Rows = [][]any{{"Cook", "IL", "Retail", int64(4)}, {"Cook County", "Illinois", "Retail", int64(1)}}
	if _, _, why := mapOption(p, res); why != `the values "Cook (IL)" and "Cook County (Illinois)" name the same county (Cook, IL)` {
		t.Errorf("two values of one county: %q", why)
	}
}
