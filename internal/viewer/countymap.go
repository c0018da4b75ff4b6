package viewer

import (
	"sort"
	"strconv"

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

// countyPlacer places the rows of a points map by county at their
// counties' centers, once per county and color, and keeps the values it
// could not place for the note.
type countyPlacer struct {
	p                 *plan
	res               *Result
	seen              map[string]string // county (and color) -> the value that named it
	missed, ambiguous []string
}

// place is where a row's point goes: its county's center and name, and
// the value a click filters by; placed is false for a row named in the
// note; why refuses the map (two values naming one county).
func (c *countyPlacer) place(row []any) (lon, lat float64, shape, value string, placed bool, why string) {
	p, res := c.p, c.res
	value = fieldText(row[0], res.Columns[0], p.category[0])
	shown := value
	if row[0] == nil {
		shown = "(empty)"
	}
	if p.geo.state > 0 {
		shown += " (" + stateText(p, res, row) + ")"
	}
	if row[0] == nil {
		c.missed = append(c.missed, shown)
		return 0, 0, "", "", false, ""
	}
	shape, many, ok := countyShape(p.geo.counties, p, res, row, value)
	at, known := p.geo.counties.center[shape]
	switch {
	case many:
		c.ambiguous = append(c.ambiguous, shown)
		return 0, 0, "", "", false, ""
	case !ok || !known:
		c.missed = append(c.missed, shown)
		return 0, 0, "", "", false, ""
	}
	if why := claimShape(c.seen, p, res, row, shape, shown, "county"); why != "" {
		return 0, 0, "", "", false, why
	}
	return at[0], at[1], shape, value, true, ""
}

// shapePlacer places a points map's rows at the centers of the shapes
// their values name (counties, countries, states), once per shape and
// color, and names in its note the rows it could not place.
type shapePlacer interface {
	place(row []any) (lon, lat float64, shape, value string, placed bool, why string)
	note() string
}

// claimShape records that the value shown (a row's) names shape, with
// the row's color; why refuses the map when another value already named
// it with that color: two points would stand on one another.
func claimShape(seen map[string]string, p *plan, res *Result, row []any, shape, shown, what string) (why string) {
	key := shape
	if len(p.colors) > 0 {
		i := len(p.category)
		key += "\x00" + fieldText(row[i], res.Columns[i], p.colors[0])
	}
	if prev, dup := seen[key]; dup {
		return "the values " + strconv.Quote(prev) + " and " + strconv.Quote(shown) + " name the same " + what + " (" + shape + ")"
	}
	seen[key] = shown
	return ""
}

// note names the rows the map could not place.
func (c *countyPlacer) note() string {
	n := len(c.res.Rows)
	return countyNote(c.p, unplacedNote("values matched no county", c.missed, n), c.ambiguous, n)
}
