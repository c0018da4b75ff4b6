package viewer

import (
	"encoding/json"
	"math"
	"strings"

	"github.com/sightglass/sightglass/internal/query/dataset"
)

// GeocodingPreferences of a filled map by country or state: a preference
// whose RequestKey names a region (Country or State, the map's level
// alone) shades the region its GeocoderHierarchy names at that level in
// its stead.
//
// GeocodingPreferences of a points map by city or postcode: each names a
// place by its hierarchy (RequestKey: City or PostCode, with its State
// and Country when the map has those fields) and where it is instead
// (Preference: a Coordinate, or another GeocoderHierarchy geocoded in its
// stead, the fields it leaves out kept from the row). A row takes the
// first preference whose every named field equals its own (in any case;
// a country also by its ISO code, a state by its USPS or FIPS code).

// geoHierarchy is QuickSight's GeocoderHierarchy.
type geoHierarchy struct {
	Country, State, County, City, PostCode string
}

// geoPref is one GeocodePreference.
type geoPref struct {
	RequestKey *geoHierarchy
	Preference *struct {
		GeocoderHierarchy *geoHierarchy
		Coordinate        *struct{ Latitude, Longitude float64 }
	}
}

// geoPrefs are a points map's GeocodingPreferences.
type geoPrefs []geoPref

// readGeoPrefs reads a map's GeocodingPreferences; what cannot be applied
// is named (why).
func readGeoPrefs(raw []json.RawMessage) (prefs geoPrefs, why string) {
	for _, r := range raw {
		var g geoPref
		if json.Unmarshal(r, &g) != nil || g.RequestKey == nil || g.Preference == nil ||
			(g.Preference.GeocoderHierarchy == nil) == (g.Preference.Coordinate == nil) {
			return nil, "a GeocodingPreference without one RequestKey and one Preference"
		}
		if g.RequestKey.County != "" || g.Preference.GeocoderHierarchy != nil && g.Preference.GeocoderHierarchy.County != "" {
			return nil, "GeocodingPreferences naming a County"
		}
		if c := g.Preference.Coordinate; c != nil && (math.Abs(c.Latitude) > 90 || math.Abs(c.Longitude) > 180) {
			return nil, "a GeocodingPreference Coordinate outside the world"
		}
		prefs = append(prefs, g)
	}
	return prefs, ""
}

// check names what the preferences of a map by places ask that the map
// cannot compare ("" when they apply).
func (prefs geoPrefs) check(g *mapPlan) string {
	for _, pr := range prefs {
		k := pr.RequestKey
		switch {
		case g.places == dataset.RoleCity && (k.City == "" || k.PostCode != ""):
			return "GeocodingPreferences whose RequestKey names no City or a PostCode on a map by CITY"
		case g.places == dataset.RolePostcode && (k.PostCode == "" || k.City != ""):
			return "GeocodingPreferences whose RequestKey names no PostCode or a City on a map by POSTCODE"
		case k.State != "" && g.state == 0:
			return "GeocodingPreferences naming a State on a map without a STATE field"
		case k.Country != "" && g.country == 0:
			return "GeocodingPreferences naming a Country on a map without a COUNTRY field"
		}
	}
	return ""
}

// find returns the preference for a place, false for none.
func (prefs geoPrefs) find(at place) (found struct {
	coord *[2]float64
	as    place
}, ok bool) {
	for _, pr := range prefs {
		k := pr.RequestKey
		if !sameText(k.City, at.city) || !samePostcode(k.PostCode, at.postcode) || !sameState(k.State, at.state) || !sameCountry(k.Country, at.country) {
			continue
		}
		if c := pr.Preference.Coordinate; c != nil {
			found.coord = &[2]float64{c.Longitude, c.Latitude}
			return found, true
		}
		h, as := pr.Preference.GeocoderHierarchy, at
		if h.City != "" {
			as.city = h.City
		}
		if h.PostCode != "" {
			as.postcode, _ = zipKey(h.PostCode)
		}
		if h.State != "" {
			as.state, as.knowsState = h.State, true
		}
		if h.Country != "" {
			as.country, as.knowsCountry = h.Country, true
		}
		found.as = as
		return found, true
	}
	return found, false
}

// sameText: a key's field left out matches anything; one given, the same
// text in any case.
func sameText(key, v string) bool {
	return key == "" || strings.EqualFold(strings.TrimSpace(key), strings.TrimSpace(v))
}

func samePostcode(key, v string) bool {
	k, ok := zipKey(key)
	return key == "" || ok && k == v || sameText(key, v)
}

func sameState(key, v string) bool {
	if sameText(key, v) {
		return true
	}
	states := regionSets()[dataset.RoleState]
	a, ok1 := states.match(key)
	b, ok2 := states.match(v)
	return ok1 && ok2 && a == b
}

func sameCountry(key, v string) bool {
	if sameText(key, v) {
		return true
	}
	a, b := countryCode(key), countryCode(v)
	return a != "" && a == b
}

// checkFilled names what the preferences of a filled map by role ask
// that it cannot do ("" when they apply).
func (prefs geoPrefs) checkFilled(role string) string {
	if len(prefs) == 0 {
		return ""
	}
	if role != dataset.RoleCountry && role != dataset.RoleState {
		return "GeocodingPreferences on a filled map by " + role
	}
	for _, pr := range prefs {
		h := pr.Preference.GeocoderHierarchy
		if h == nil {
			return "a GeocodingPreference Coordinate on a filled map"
		}
		if levelOf(*pr.RequestKey) != role || levelOf(*h) != role {
			return "GeocodingPreferences on a filled map by " + role + " naming other than a " + role + " alone"
		}
	}
	return ""
}

// levelOf is the one level a hierarchy names ("" for another or several).
func levelOf(h geoHierarchy) string {
	switch {
	case h.City != "" || h.PostCode != "" || h.County != "":
		return ""
	case h.Country != "" && h.State == "":
		return dataset.RoleCountry
	case h.State != "" && h.Country == "":
		return dataset.RoleState
	}
	return ""
}

// regionAs is the region name a filled map matches for a value: the one
// its preference names, or the value itself.
func (prefs geoPrefs) regionAs(role, v string) string {
	for _, pr := range prefs {
		k, h := pr.RequestKey, pr.Preference.GeocoderHierarchy
		if role == dataset.RoleCountry && sameCountry(k.Country, v) {
			return h.Country
		}
		if role == dataset.RoleState && sameState(k.State, v) {
			return h.State
		}
	}
	return v
}
