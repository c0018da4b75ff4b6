package viewer

import (
	"encoding/json"
	"io/fs"
	"strings"
	"sync"

	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/web"
)

// regionSet is a set of region shapes a map draws on: a GeoJSON file the
// build writes into the console's assets (web/scripts/geo.mjs), which the
// browser loads only for a sheet with a map, and the index of the names
// and codes that match each shape.
type regionSet struct {
	name  string // the map's name in ECharts
	url   string // the file's fingerprinted URL
	byKey map[string]string
	// Counties only: the keys within a state ("FIPS|key"), the keys (with
	// or without a state) that name several shapes, and each state's FIPS
	// code by its name or code.
	inState   map[string]string
	ambiguous map[string]bool
	stateOf   map[string]string
	// center is each shape's point on a points map ([longitude,
	// latitude]), from a file only the server reads (centerAsset).
	center map[string][2]float64
}

// mapAsset is a region set's file in the built assets.
var mapAsset = map[string]string{
	dataset.RoleCountry: "geo-world.json",
	dataset.RoleState:   "geo-us-states.json",
	dataset.RoleCounty:  "geo-us-counties.json",
}

// centerAsset is a region set's file of its shapes' centers, by shape
// name.
var centerAsset = map[string]string{
	dataset.RoleCountry: "geo-world-centers.json",
	dataset.RoleState:   "geo-us-state-centers.json",
	dataset.RoleCounty:  "geo-us-county-centers.json",
}

// regionSets reads the region sets once, by the geographic role they
// place; a set whose file is missing (a server built without `make web`)
// is absent.
var regionSets = sync.OnceValue(func() map[string]*regionSet {
	out := map[string]*regionSet{}
	for role, file := range mapAsset {
		b, err := fs.ReadFile(web.Dist, "dist/"+file)
		if err != nil {
			continue
		}
		var fc struct {
			Features []struct {
				Properties struct {
					Name  string
					Keys  []string
					State string
				}
			}
		}
		if json.Unmarshal(b, &fc) != nil {
			continue
		}
		rs := &regionSet{name: "sg-" + strings.TrimSuffix(file, ".json"), url: "/static/" + file + "?v=" + web.Hash(b), byKey: map[string]string{}}
		if role == dataset.RoleCounty {
			rs.inState, rs.ambiguous = map[string]string{}, map[string]bool{}
		}
		for _, f := range fc.Features {
			for _, k := range f.Properties.Keys {
				if rs.inState != nil {
					rs.index(rs.byKey, k, f.Properties.Name)
					rs.index(rs.inState, f.Properties.State+"|"+k, f.Properties.Name)
				} else if _, dup := rs.byKey[k]; !dup {
					rs.byKey[k] = f.Properties.Name
				}
			}
		}
		out[role] = rs
	}
	if c, s := out[dataset.RoleCounty], out[dataset.RoleState]; c != nil {
		if s == nil {
			delete(out, dataset.RoleCounty) // counties are matched within states
		} else {
			c.stateOf = stateCodes(s)
		}
	}
	for role, rs := range out {
		if b, err := fs.ReadFile(web.Dist, "dist/"+centerAsset[role]); err == nil && json.Unmarshal(b, &rs.center) != nil {
			rs.center = nil
		}
	}
	return out
})

// index adds a county key: a key that names two shapes names neither
// (it is ambiguous, never the first of them).
func (rs *regionSet) index(m map[string]string, k, shape string) {
	if prev, dup := m[k]; dup && prev != shape {
		rs.ambiguous[k] = true
	}
	m[k] = shape
}

// stateCodes maps each key of the US states (name, USPS and FIPS code) to
// the state's two-digit FIPS code, its one numeric key.
func stateCodes(states *regionSet) map[string]string {
	fips := map[string]string{} // shape -> FIPS
	for k, shape := range states.byKey {
		if len(k) == 2 && k[0] >= '0' && k[0] <= '9' && k[1] >= '0' && k[1] <= '9' {
			fips[shape] = k
		}
	}
	out := map[string]string{}
	for k, shape := range states.byKey {
		if f, ok := fips[shape]; ok {
			out[k] = f
		}
	}
	return out
}

// match returns the shape a value names (its name or a code, in any case,
// trimmed), false for none.
func (rs *regionSet) match(v string) (string, bool) {
	k := strings.ToLower(strings.TrimSpace(v))
	if rs.ambiguous[k] {
		return "", false
	}
	s, ok := rs.byKey[k]
	return s, ok
}

// matchIn returns the county a value names within a state (its name,
// USPS or FIPS code, in any case); false for none or for several (the
// second result: ambiguous).
func (rs *regionSet) matchIn(v, state string) (shape string, ambiguous, ok bool) {
	fips, known := rs.stateOf[strings.ToLower(strings.TrimSpace(state))]
	if !known {
		return "", false, false
	}
	k := fips + "|" + strings.ToLower(strings.TrimSpace(v))
	if rs.ambiguous[k] {
		return "", true, false
	}
	shape, ok = rs.inState[k]
	return shape, false, ok
}

// isAmbiguous reports whether a value (without a state) names several
// shapes.
func (rs *regionSet) isAmbiguous(v string) bool {
	return rs.ambiguous[strings.ToLower(strings.TrimSpace(v))]
}

// asset is what the browser needs to draw on the set: the map's name and
// the URL of its shapes.
func (rs *regionSet) asset() obj { return obj{"name": rs.name, "url": rs.url} }
