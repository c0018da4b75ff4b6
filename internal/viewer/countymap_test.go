package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A county map with the dataset's STATE column groups by it and matches
// each county within its state: by name, with its kind ("… County",
// "… Parish") or by FIPS code; a name two shapes of one state share
// (Baltimore city and county) is named, never guessed, and so is a
// county of no such state.
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
		{"name": "Washington, OR", "value": 1.0, "sgValue": "Washington"},
		{"name": "Washington, UT", "value": 2.0, "sgValue": "Washington County"},
		{"name": "Orleans, LA", "value": 3.0, "sgValue": "Orleans Parish"},
		{"name": "Baltimore city, MD", "value": 4.0, "sgValue": "Baltimore city"},
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
