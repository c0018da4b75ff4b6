package viewer

import (
	"sort"
	"strings"

	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dataset"
)

// Points maps by CITY or POSTCODE: each row is placed at its city or US
// ZIP code (geoplaces.go). A city name that several cities share
// (Springfield) is matched within the row's country and US state when the
// dataset has one column with the COUNTRY role and one with the STATE
// role, which the map then groups by too; a name still shared, or one
// without those columns, is named on the tile, never guessed.

// Result columns of a places map's country and state fields.
const (
	placeCountryID = "__sg_place_country"
	placeStateID   = "__sg_place_state"
)

// placeContext readies a points map by city or postcode: its dataset's
// one COUNTRY column and one STATE column, when it has them, join the
// location fields (p.category[geo.country], p.category[geo.state]).
func placeContext(p *plan, roles map[string]string, role string) {
	g := p.geo
	g.places = role
	add := func(want, id string) int {
		var cols []string
		for col, r := range roles {
			if r == want {
				cols = append(cols, col)
			}
		}
		sort.Strings(cols)
		if len(cols) != 1 || cols[0] == p.category[0].dim.Field {
			return 0
		}
		p.category = append(p.category, field{id: id, label: cols[0], dim: &query.Dimension{ID: id, Field: cols[0]}})
		return len(p.category) - 1
	}
	g.country = add(dataset.RoleCountry, placeCountryID)
	if role == dataset.RoleCity {
		g.state = add(dataset.RoleState, placeStateID)
	}
}

// placePlacer places a points map's rows by city or ZIP code and keeps
// the values it could not place for the note.
type placePlacer struct {
	p                 *plan
	res               *Result
	missed, ambiguous []string
}

// place is where a row's point goes and what it is called; placed is
// false for a row named in the note.
func (c *placePlacer) place(row []any) (lon, lat float64, name string, placed bool) {
	p, res, g := c.p, c.res, c.p.geo
	name = "(empty)"
	if row[0] != nil {
		name = fieldText(row[0], res.Columns[0], p.category[0])
	}
	if _, text := row[0].(string); !text && g.places == dataset.RolePostcode {
		if k, ok := zipKey(row[0]); ok {
			name = k // a ZIP code from a number, as it is written
		}
	}
	var within []string
	for _, i := range []int{g.state, g.country} {
		if i > 0 {
			within = append(within, fieldTextOrEmpty(p, res, row, i))
		}
	}
	if len(within) > 0 {
		name += " (" + strings.Join(within, ", ") + ")"
	}
	if row[0] == nil {
		c.missed = append(c.missed, name)
		return 0, 0, name, false
	}
	if g.places == dataset.RolePostcode {
		at, ok := c.zip(row)
		if !ok {
			c.missed = append(c.missed, name)
			return 0, 0, name, false
		}
		return at[0], at[1], name, true
	}
	cands := cityIndex()[strings.ToLower(strings.TrimSpace(fieldText(row[0], res.Columns[0], p.category[0])))]
	if g.country > 0 {
		cands = c.inCountry(cands, row)
	}
	if g.state > 0 {
		cands = c.inState(cands, row)
	}
	switch len(cands) {
	case 0:
		c.missed = append(c.missed, name)
		return 0, 0, name, false
	case 1:
		return cands[0].lon, cands[0].lat, name, true
	}
	c.ambiguous = append(c.ambiguous, name)
	return 0, 0, name, false
}

// zip is a row's ZIP code's center: a US ZIP code, in the United States
// when the map has a country field.
func (c *placePlacer) zip(row []any) ([2]float64, bool) {
	if g := c.p.geo; g.country > 0 && countryCode(fieldTextOrEmpty(c.p, c.res, row, g.country)) != "US" {
		return [2]float64{}, false
	}
	k, ok := zipKey(row[0])
	if !ok {
		return [2]float64{}, false
	}
	at, ok := zipIndex()[k]
	return at, ok
}

// inCountry keeps the cities in the row's country, by its name or ISO
// code (none for a value that names no country).
func (c *placePlacer) inCountry(cands []city, row []any) []city {
	code := countryCode(fieldTextOrEmpty(c.p, c.res, row, c.p.geo.country))
	var out []city
	for _, x := range cands {
		if code != "" && x.country == code {
			out = append(out, x)
		}
	}
	return out
}

// inState keeps the cities in the row's US state; a state value that
// names no US state (a province elsewhere, or none) keeps them all, as
// the cities of other countries carry no state Sightglass can compare.
func (c *placePlacer) inState(cands []city, row []any) []city {
	states := regionSets()[dataset.RoleState]
	shape, ok := states.match(fieldTextOrEmpty(c.p, c.res, row, c.p.geo.state))
	if !ok {
		return cands
	}
	var out []city
	for _, x := range cands {
		if s, _ := states.match(x.admin); x.country == "US" && s == shape {
			out = append(out, x)
		}
	}
	return out
}

// note names the rows the map could not place, and the names it could
// not tell apart.
func (c *placePlacer) note() string {
	n := len(c.res.Rows)
	what, how := "city", "give the dataset one column with the COUNTRY role and one with the STATE role"
	if c.p.geo.places == dataset.RolePostcode {
		what = "US ZIP code"
	}
	note := unplacedNote("values matched no "+what, c.missed, n)
	if a := unplacedNote("values name more than one city ("+how+")", c.ambiguous, n); a != "" {
		note = strings.TrimSpace(note + " " + a)
	}
	return note
}

// fieldTextOrEmpty is a row's value of location field i as shown.
func fieldTextOrEmpty(p *plan, res *Result, row []any, i int) string {
	if row[i] == nil {
		return "(empty)"
	}
	return fieldText(row[i], res.Columns[i], p.category[i])
}
