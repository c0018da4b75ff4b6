package viewer

import (
	"encoding/json"
	"errors"
	"strconv"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// layerShapes are the shapes of a layer map's GeoJSON file, each with
// the text of its join property (the layer's ShapeKeyField).
type layerShapes struct {
	areas  []layerArea  // polygons and lines
	points []layerPoint // points, drawn as circles
	size   int          // about the bytes it holds
}

// layerArea is a polygon or line feature: its key and its geometry as
// GeoJSON.
type layerArea struct {
	key      string
	keyed    bool // the feature has the property
	geometry json.RawMessage
	bound    orb.Bound
}

// layerPoint is a point of a point feature.
type layerPoint struct {
	key      string
	keyed    bool
	lon, lat float64
}

// maxLayerShapes bounds the features and points of one file.
const maxLayerShapes = 20000

// parseLayerShapes reads a GeoJSON FeatureCollection (or one Feature),
// keyed by the property shapeKey ("" for none). A GeometryCollection's
// members are each a shape of the feature.
func parseLayerShapes(b []byte, shapeKey string) (*layerShapes, error) {
	var feats []*geojson.Feature
	if fc, err := geojson.UnmarshalFeatureCollection(b); err == nil && fc.Type == "FeatureCollection" {
		feats = fc.Features
	} else if f, err := geojson.UnmarshalFeature(b); err == nil && f.Type == "Feature" {
		feats = []*geojson.Feature{f}
	} else {
		return nil, errors.New("it is not a GeoJSON FeatureCollection")
	}
	ls := &layerShapes{}
	for _, f := range feats {
		if f == nil || f.Geometry == nil {
			continue
		}
		key, keyed := propertyText(f.Properties, shapeKey)
		if err := ls.add(f.Geometry, key, keyed); err != nil {
			return nil, err
		}
	}
	return ls, nil
}

func (ls *layerShapes) add(g orb.Geometry, key string, keyed bool) error {
	if len(ls.areas)+len(ls.points) >= maxLayerShapes {
		return errors.New("it has more than " + strconv.Itoa(maxLayerShapes) + " shapes, more than Sightglass draws in one layer")
	}
	switch g := g.(type) {
	case orb.Point:
		ls.points = append(ls.points, layerPoint{key: key, keyed: keyed, lon: g.Lon(), lat: g.Lat()})
		ls.size += 64 + len(key)
	case orb.MultiPoint:
		for _, p := range g {
			if err := ls.add(p, key, keyed); err != nil {
				return err
			}
		}
	case orb.Collection:
		for _, m := range g {
			if err := ls.add(m, key, keyed); err != nil {
				return err
			}
		}
	case orb.Polygon, orb.MultiPolygon, orb.LineString, orb.MultiLineString:
		b, err := json.Marshal(geojson.NewGeometry(g))
		if err != nil {
			return errors.New("a shape could not be written")
		}
		ls.areas = append(ls.areas, layerArea{key: key, keyed: keyed, geometry: b, bound: g.Bound()})
		ls.size += 96 + len(key) + len(b)
	}
	return nil
}

// propertyText is a feature property as text: a string as it is, a
// number as the shortest decimal that reads back as it, a boolean as true
// or false; false when the feature has no such property (or it is null,
// an object or a list).
func propertyText(props geojson.Properties, name string) (string, bool) {
	if name == "" {
		return "", false
	}
	switch x := props[name].(type) {
	case string:
		return x, true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

// layerShapeCache keeps parsed files by their hash and join property:
// parsing is most of a layer map's cost, and a file's bytes name it.
var layerShapeCache = struct {
	sync.Mutex
	m     map[string]*layerShapes
	order []string
	held  int
}{m: map[string]*layerShapes{}}

// cachedLayerBytes bounds the parsed files kept (the oldest go first).
const cachedLayerBytes = 64 << 20

// cachedLayerShapes parses b (whose hash is hash) once per shapeKey.
func cachedLayerShapes(hash string, b []byte, shapeKey string) (*layerShapes, error) {
	k := hash + "\x00" + shapeKey
	c := &layerShapeCache
	c.Lock()
	ls, ok := c.m[k]
	c.Unlock()
	if ok {
		return ls, nil
	}
	ls, err := parseLayerShapes(b, shapeKey)
	if err != nil {
		return nil, err
	}
	c.Lock()
	defer c.Unlock()
	if _, ok := c.m[k]; !ok && ls.size <= cachedLayerBytes {
		c.m[k] = ls
		c.order = append(c.order, k)
		c.held += ls.size
		for c.held > cachedLayerBytes {
			c.held -= c.m[c.order[0]].size
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
	}
	return ls, nil
}
