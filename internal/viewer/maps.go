package viewer

import (
	"context"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query/dataset"
)

// GeoRoles returns the geographic roles (dataset.RoleCountry, …) of a
// dataset's columns by column name; a map visual places its locations by
// them.
type GeoRoles func(ctx context.Context, dataSetARN string) (map[string]string, error)

// SetGeoRoles sets where the view reads its datasets' geographic roles;
// without it, map visuals say that they cannot place their locations.
func (v *View) SetGeoRoles(f GeoRoles) { v.geoRoles = f }

// mapPlan is how a filled map or a points map places its rows: a filled
// map's location field (p.category[0]) names regions of a region set; a
// points map's location fields are a latitude and a longitude
// (p.category[lat], p.category[lon]) drawn on the world, with an optional
// color field (p.colors).
type mapPlan struct {
	points   bool
	lat, lon int
	regions  *regionSet
	window   *definition.MapWindowOptions
	style    pointStyle // a points map's PointStyleOptions
	// state is a county map's state field (p.category[1]), its dataset's
	// one STATE column, grouped by and matched within; 0 for none.
	state int
	// states is how many STATE columns the dataset has.
	states int
	// counties: a points map placing its rows at the centers of the US
	// counties its location field names (drawn on the states).
	counties *regionSet
	// centers: a points map placing its rows at the centers of the
	// countries or US states its one location field names
	// (regionpoints.go), drawn on that region set.
	centers *regionSet
	// places: CITY or POSTCODE for a points map placing its rows by
	// city or US ZIP code (placemap.go); country is its country field
	// (p.category[country], 0 for none), state then its state field.
	places  string
	country int
	// prefs: a map's GeocodingPreferences (geoprefs.go), applied by a
	// filled map by country or state and a points map by city or
	// postcode.
	prefs geoPrefs
	// role is a filled map's location role.
	role string
}

// maxNamed is how many unmatched values a map's note names.
const maxNamed = 5

// placeMap reads the geographic roles of a map's location fields and
// fills its plan; what cannot be placed is refused by name ("" when the
// map can be drawn).
func (v *View) placeMap(ctx context.Context, p *plan, arn string) string {
	m := p.geo
	if v.geoRoles == nil {
		return "the geographic roles of the dataset's columns are not known here"
	}
	roles, err := v.geoRoles(ctx, arn)
	if err != nil {
		return "the geographic roles of the dataset's columns could not be read: " + errorText(err)
	}
	roleOf := func(f field) string {
		if f.dim == nil {
			return ""
		}
		return roles[f.dim.Field]
	}
	if !m.points {
		f := p.category[0]
		role := roleOf(f)
		switch {
		case role == "":
			return "location field " + strconv.Quote(f.dim.Field) + " has no geographic role in its dataset"
		case regionSets()[role] != nil:
			m.regions, m.role = regionSets()[role], role
			if role == dataset.RoleCounty {
				countyStates(p, roles)
			}
			return m.prefs.checkFilled(role)
		case mapAsset[role] != "":
			return "the " + role + " boundaries are missing from this server's build"
		}
		return "a filled map by " + role + " (Sightglass has boundaries of countries, US states and US counties only)"
	}
	if role := roleOf(p.category[0]); len(p.category) == 1 && (role == dataset.RoleCountry || role == dataset.RoleState) {
		set := regionSets()[role]
		if set == nil || set.center == nil {
			return "the " + role + " boundaries are missing from this server's build"
		}
		if len(m.prefs) > 0 {
			return "GeocodingPreferences on a points map not placed by a CITY or POSTCODE field"
		}
		m.centers, m.regions = set, set
		return ""
	}
	if len(p.category) == 1 && roleOf(p.category[0]) == dataset.RoleCounty {
		c, s := regionSets()[dataset.RoleCounty], regionSets()[dataset.RoleState]
		if c == nil || s == nil || c.center == nil {
			return "the " + dataset.RoleCounty + " boundaries are missing from this server's build"
		}
		m.counties, m.regions = c, s
		countyStates(p, roles)
		if len(m.prefs) > 0 {
			return "GeocodingPreferences on a points map not placed by a CITY or POSTCODE field"
		}
		return ""
	}
	if role := roleOf(p.category[0]); len(p.category) == 1 && (role == dataset.RoleCity || role == dataset.RolePostcode) {
		set := regionSets()[dataset.RoleCountry]
		if role == dataset.RolePostcode {
			set = regionSets()[dataset.RoleState]
		}
		if set == nil || regionSets()[dataset.RoleCountry] == nil || regionSets()[dataset.RoleState] == nil {
			return "the world and US state boundaries are missing from this server's build"
		}
		if role == dataset.RoleCity && cityIndex() == nil || role == dataset.RolePostcode && zipIndex() == nil || countryCodes() == nil {
			return "the places of the " + role + " role are missing from this server's build"
		}
		m.regions = set
		placeContext(p, roles, role)
		return m.prefs.check(m)
	}
	if len(m.prefs) > 0 {
		return "GeocodingPreferences on a points map not placed by a CITY or POSTCODE field"
	}
	m.lat, m.lon = -1, -1
	for i, f := range p.category {
		switch role := roleOf(f); role {
		case dataset.RoleLatitude:
			m.lat = i
		case dataset.RoleLongitude:
			m.lon = i
		case "":
			return "location field " + strconv.Quote(f.dim.Field) + " has no geographic role in its dataset"
		default:
			if len(p.category) == 1 {
				return "points placed by " + role + " alone (Sightglass places points by one CITY, POSTCODE or US COUNTY field, or by a LATITUDE and a LONGITUDE field; a filled map draws " + role + " regions)"
			}
			return "points placed by " + role + " with other location fields (give the points one CITY or POSTCODE field, or a LATITUDE and a LONGITUDE field)"
		}
	}
	if m.lat < 0 || m.lon < 0 {
		return "points without both a LATITUDE and a LONGITUDE field"
	}
	if regionSets()[dataset.RoleCountry] == nil {
		return "the world boundaries are missing from this server's build"
	}
	m.regions = regionSets()[dataset.RoleCountry]
	return ""
}

// unplacedNote is a map's note of the values it could not place: how
// many of how many, and the first few.
func unplacedNote(what string, missed []string, total int) string {
	if len(missed) == 0 {
		return ""
	}
	named := missed
	if len(named) > maxNamed {
		named = named[:maxNamed]
	}
	s := strconv.Itoa(len(missed)) + " of " + strconv.Itoa(total) + " " + what + ": " + strings.Join(named, ", ")
	if len(missed) > len(named) {
		s += ", …"
	}
	return s + "."
}

// mapView sets a map's initial view: the window's bounds, when the visual
// fixes them (MapZoomMode MANUAL); otherwise the whole map.
func mapView(target obj, w *definition.MapWindowOptions) {
	if w == nil || w.Bounds == nil || w.MapZoomMode != "MANUAL" {
		return
	}
	b := w.Bounds
	target["boundingCoords"] = [][]float64{{b.West, b.North}, {b.East, b.South}}
}

// mapOption draws a filled map or a points map, with its note of what it
// could not place; why refuses the map.
func mapOption(p *plan, res *Result) (opt obj, note, why string) {
	if p.geo.points {
		return pointMapOption(p, res)
	}
	return filledMapOption(p, res)
}

// centersRole names the regions a points map placed at centers is placed
// by: country, or US state.
func (m *mapPlan) centersRole() string {
	if m.centers == regionSets()[dataset.RoleState] {
		return "US state"
	}
	return "country"
}
