package viewer

import (
	"encoding/json"
	"testing"
)

// FuzzLayerShapes reads arbitrary bytes as a layer map's GeoJSON file:
// never a panic; what it reads is at most maxLayerShapes shapes, each a
// keyed or unkeyed polygon, line or point whose geometry is valid JSON.
func FuzzLayerShapes(f *testing.F) {
	f.Add([]byte(layerGeoJSON), "code")
	f.Add([]byte(`{"type": "Feature", "properties": {"k": 1.5}, "geometry": {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, 2]}, {"type": "LineString", "coordinates": [[0, 0], [1e308, -1e308]]}]}}`), "k")
	f.Add([]byte(`{"type": "FeatureCollection", "features": [null, {"type": "Feature"}, {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": []}}]}`), "")
	f.Add([]byte(`{"type": "Topology", "objects": {}}`), "name")
	f.Fuzz(func(t *testing.T, b []byte, key string) {
		ls, err := parseLayerShapes(b, key)
		if err != nil {
			return
		}
		if len(ls.areas)+len(ls.points) > maxLayerShapes {
			t.Fatalf("%d shapes", len(ls.areas)+len(ls.points))
		}
		for _, a := range ls.areas {
			if !json.Valid(a.geometry) || a.keyed && key == "" {
				t.Fatalf("area %+v", a)
			}
		}
	})
}
