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
}

// mapAsset is a region set's file in the built assets.
var mapAsset = map[string]string{
	dataset.RoleCountry: "geo-world.json",
	dataset.RoleState:   "geo-us-states.json",
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
					Name string
					Keys []string
				}
			}
		}
		if json.Unmarshal(b, &fc) != nil {
			continue
		}
		rs := &regionSet{name: "sg-" + strings.TrimSuffix(file, ".json"), url: "/static/" + file + "?v=" + web.Hash(b), byKey: map[string]string{}}
		for _, f := range fc.Features {
			for _, k := range f.Properties.Keys {
				if _, dup := rs.byKey[k]; !dup {
					rs.byKey[k] = f.Properties.Name
				}
			}
		}
		out[role] = rs
	}
	return out
})

// match returns the shape a value names (its name or a code, in any case,
// trimmed), false for none.
func (rs *regionSet) match(v string) (string, bool) {
	s, ok := rs.byKey[strings.ToLower(strings.TrimSpace(v))]
	return s, ok
}

// asset is what the browser needs to draw on the set: the map's name and
// the URL of its shapes.
func (rs *regionSet) asset() obj { return obj{"name": rs.name, "url": rs.url} }
