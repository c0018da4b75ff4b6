package viewer

import (
	"encoding/json"
	"math"
	"strings"

	"github.com/sightglass/sightglass/internal/query/dataset"
)

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
			return nil, "GeocodingPreferences naming a County on a points map"
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
