package viewer

import (
	"sort"

	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dataset"
)

// countyLimit is the most rows a county map draws: more than the 3,231
// county shapes (a value per county and a few that match none).
const countyLimit = 4000

// countyStateID is the result column of a county map's state field.
const countyStateID = "__sg_county_state"

// countyStates readies a filled map by COUNTY: county names repeat from
// state to state (30 Washington counties), so when the dataset has one
// column with the STATE role the map groups by it too and matches each
// county within its state; without one (or with several, which could not
// be told apart), a county is matched by a name that no other county has,
// or by its FIPS code, and the rest are named as unmatched.
func countyStates(p *plan, roles map[string]string) {
	var states []string
	for col, role := range roles {
		if role == dataset.RoleState {
			states = append(states, col)
		}
	}
	sort.Strings(states)
	p.geo.states = len(states)
	p.limit, p.maxRows = countyLimit+1, countyLimit
	if len(states) != 1 {
		return
	}
	p.geo.state = len(p.category)
	p.category = append(p.category, field{id: countyStateID, label: states[0],
		dim: &query.Dimension{ID: countyStateID, Field: states[0]}})
}

// countyShape is the county a filled map's row names: within the row's
// state when the map has a state field. ambiguous: the value names
// several counties.
func countyShape(rs *regionSet, p *plan, res *Result, row []any, name string) (shape string, ambiguous, ok bool) {
	if p.geo.state == 0 {
		shape, ok = rs.match(name)
		return shape, !ok && rs.isAmbiguous(name), ok
	}
	i := p.geo.state
	if row[i] == nil {
		return "", false, false
	}
	return rs.matchIn(name, fieldText(row[i], res.Columns[i], p.category[i]))
}

// countyNote names the values a county map could not tell apart, after
// the note of those that match no county.
func countyNote(p *plan, note string, ambiguous []string, total int) string {
	how := "give the dataset one column with the STATE role"
	if p.geo.states > 1 {
		how = "the dataset has several STATE columns; give it one"
	}
	a := unplacedNote("values name more than one county ("+how+")", ambiguous, total)
	if p.geo.state > 0 {
		a = unplacedNote("values name more than one county of their state", ambiguous, total)
	}
	switch {
	case note == "":
		return a
	case a == "":
		return note
	}
	return note + " " + a
}

// stateText is a county map row's state, as the viewer shows it.
func stateText(p *plan, res *Result, row []any) string {
	i := p.geo.state
	if row[i] == nil {
		return "(empty)"
	}
	return fieldText(row[i], res.Columns[i], p.category[i])
}

// countyPoint is where a points map by county places a row: its county's
// center and name; where, when it cannot, is why ("ambiguous" or
// "unmatched") and the value as notes show it.
func countyPoint(p *plan, res *Result, row []any) (lon, lat float64, shape string, where []string) {
	rs := p.geo.counties
	name := fieldText(row[0], res.Columns[0], p.category[0])
	shown := name
	if row[0] == nil {
		shown = "(empty)"
	}
	if p.geo.state > 0 {
		shown += " (" + stateText(p, res, row) + ")"
	}
	if row[0] == nil {
		return 0, 0, "", []string{"unmatched", shown}
	}
	shape, many, ok := countyShape(rs, p, res, row, name)
	c, placed := rs.center[shape]
	switch {
	case many:
		return 0, 0, "", []string{"ambiguous", shown}
	case !ok || !placed:
		return 0, 0, "", []string{"unmatched", shown}
	}
	return c[0], c[1], shape, nil
}
