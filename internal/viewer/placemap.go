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
	at := placeOf(p, res, row)
	if pref, ok := g.prefs.find(at); ok {
		if pref.coord != nil {
			return pref.coord[0], pref.coord[1], name, true
		}
		at = pref.as
	}
	if g.places == dataset.RolePostcode {
		pt, ok := at.zip()
		if !ok {
			c.missed = append(c.missed, name)
			return 0, 0, name, false
		}
		return pt[0], pt[1], name, true
	}
	cands := at.cities()
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

// place is what a row of a places map names: its city or postcode,
// within its state and country when the map has them (known tells which).
type place struct {
	city, postcode, state, country string
	knowsState, knowsCountry       bool
}

// placeOf reads a row's place.
func placeOf(p *plan, res *Result, row []any) place {
	g := p.geo
	var at place
	if g.places == dataset.RolePostcode {
		at.postcode, _ = zipKey(row[0])
	} else {
		at.city = fieldText(row[0], res.Columns[0], p.category[0])
	}
	if g.state > 0 {
		at.state, at.knowsState = fieldTextOrEmpty(p, res, row, g.state), true
	}
	if g.country > 0 {
		at.country, at.knowsCountry = fieldTextOrEmpty(p, res, row, g.country), true
	}
	return at
}

// zip is a place's ZIP code's center: a US ZIP code, in the United
// States when the place has a country.
func (at place) zip() ([2]float64, bool) {
	if at.knowsCountry && countryCode(at.country) != "US" || at.postcode == "" {
		return [2]float64{}, false
	}
	pt, ok := zipIndex()[at.postcode]
	return pt, ok
}

// cities are the cities a place may be: of its name, in its country by
// its name or ISO code (none for a value that names no country), and in
// its US state; a state value that names no US state (a province
// elsewhere, or none) keeps them all, as the cities of other countries
// carry no state Sightglass can compare.
func (at place) cities() []city {
	var out []city
	code := countryCode(at.country)
	shape, inState := regionSets()[dataset.RoleState].match(at.state)
	for _, x := range cityIndex()[strings.ToLower(strings.TrimSpace(at.city))] {
		if at.knowsCountry && (code == "" || x.country != code) {
			continue
		}
		if at.knowsState && inState {
			if s, _ := regionSets()[dataset.RoleState].match(x.admin); x.country != "US" || s != shape {
				continue
			}
		}
		out = append(out, x)
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
