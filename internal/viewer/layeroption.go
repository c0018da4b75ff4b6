package viewer

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query/dataset"
)

// layerDefault is a layer's color when its style names none.
const layerDefault = "#3A7DC9"

// layerMapOption draws the layers on one geo component: the polygons and
// lines of every layer are one GeoJSON file, sent with the option
// (sgMap.geo) and registered under a name made of the layers' file
// hashes; each shape is a region styled by its layer and value. Points
// are a scatter series per layer. Tooltips are by shape (sgTips). The
// first layer of the list is drawn on top. The GeoJSON is written apart
// (shapesJSON), from the geometries as parsed, and spliced into the option's
// JSON (withShapes): marshalled with the option, its megabytes would be
// read again to be checked.
func layerMapOption(lm *definition.LayerMapVisual, drawn []*drawnLayer) (opt obj, shapesJSON []byte, why string) {
	var gb bytes.Buffer
	gb.WriteString(`{"type":"FeatureCollection","features":[`)
	var regions []obj
	var series []obj
	tips := map[string]string{}
	b := bounds{}
	name := "sg-layer"
	for i := len(drawn) - 1; i >= 0; i-- {
		d := drawn[i]
		name += "-" + d.hash[:12]
		style, kind := layerStyle(d.item)
		withTips := d.tipsShown()
		for j, a := range d.shapes.areas {
			id := strconv.Itoa(i) + "." + strconv.Itoa(j)
			if gb.Len()+len(a.geometry)+64 > maxLayerGeoJSON { // with the feature around it
				return nil, nil, "its shapes take more than " + strconv.Itoa(maxLayerGeoJSON>>20) + " MiB, more than Sightglass sends to a browser"
			}
			if len(regions) > 0 {
				gb.WriteByte(',')
			}
			// id is digits and dots; the geometry is JSON as written by parseLayerShapes.
			gb.WriteString(`{"type":"Feature","properties":{"name":"` + id + `"},"geometry":`)
			gb.Write(a.geometry)
			gb.WriteByte('}')
			b.add(a.bound.Min.Lon(), a.bound.Min.Lat())
			b.add(a.bound.Max.Lon(), a.bound.Max.Lat())
			fill, stroke, why := d.paintShape(style, a.key, a.keyed)
			if why != "" {
				return nil, nil, "the layer " + strconv.Quote(d.label) + " has " + why
			}
			d.noteUnlisted(fill, a.key)
			regions = append(regions, regionStyle(id, kind, style, fill, stroke))
			if fill.hidden {
				continue
			}
			if withTips {
				tips[id] = d.tip(a.key, a.keyed)
			}
		}
		if len(d.shapes.points) > 0 {
			s := obj{"type": "scatter", "coordinateSystem": "geo", "name": d.label, "data": []obj{}, "symbolSize": circleSize(style)}
			for j, pt := range d.shapes.points {
				b.add(pt.lon, pt.lat)
				fill, stroke, why := d.paintShape(style, pt.key, pt.keyed)
				if why != "" {
					return nil, nil, "the layer " + strconv.Quote(d.label) + " has " + why
				}
				d.noteUnlisted(fill, pt.key)
				if fill.hidden {
					continue
				}
				id := strconv.Itoa(i) + ".p" + strconv.Itoa(j)
				is := obj{"color": fill.color, "opacity": fill.opacity}
				if stroke.color != "" && stroke.color != "none" {
					is["borderColor"] = stroke.color
				}
				if w := strokeWidth(style); w != nil {
					is["borderWidth"] = *w
				}
				s["data"] = append(s["data"].([]obj), obj{"name": id, "value": []float64{pt.lon, pt.lat}, "itemStyle": is})
				if withTips {
					tips[id] = d.tip(pt.key, pt.keyed)
				}
			}
			series = append(series, s)
		}
	}
	gb.WriteString("]}")
	c := lm.ChartConfiguration
	shapes := obj{"name": name}
	base := baseMapOf(c)
	if base.visible {
		// The countries' outlines, from the console's own assets, drawn
		// under the layers (the browser joins the two files).
		shapes["base"] = base.url
		name += "-base"
		shapes["name"] = name
	}
	geo := obj{"map": name, "roam": true, "regions": regions, "selectedMode": false,
		"itemStyle": obj{"areaColor": base.land, "borderColor": base.border, "borderWidth": 0.5},
		"emphasis":  obj{"disabled": true}, "label": obj{"show": false}}
	switch {
	case c.MapState != nil && c.MapState.Bounds != nil:
		x := c.MapState.Bounds
		geo["boundingCoords"] = [][]float64{{x.West, x.North}, {x.East, x.South}}
	case b.ok:
		geo["boundingCoords"] = [][]float64{{b.west, b.north}, {b.east, b.south}}
	}
	if c.MapState != nil && c.MapState.MapNavigation == "DISABLED" {
		geo["roam"] = false
	}
	opt = obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"sgMap":     shapes,
		"sgTips":    tips,
		"geo":       geo,
		"series":    series,
	}
	if lg := layerLegendGraphic(lm, drawn); lg != nil {
		opt["graphic"] = []obj{lg}
	}
	if base.background != "" {
		opt["backgroundColor"] = base.background
	}
	if c.MapStyle != nil && c.MapStyle.BackgroundColor != "" {
		opt["backgroundColor"] = c.MapStyle.BackgroundColor
	}
	return opt, gb.Bytes(), ""
}

// withShapes puts a layer map's GeoJSON into its option's JSON, as the
// member geo of sgMap (an object the option always has, with a name).
func withShapes(option, geo []byte) ([]byte, bool) {
	at := bytes.Index(option, []byte(`"sgMap":{`))
	if at < 0 {
		return nil, false
	}
	at += len(`"sgMap":{`)
	out := make([]byte, 0, len(option)+len(geo)+8)
	out = append(out, option[:at]...)
	out = append(out, `"geo":`...)
	out = append(out, geo...)
	out = append(out, ',')
	return append(out, option[at:]...), true
}

// baseMap is how a layer map's base map is drawn: the world's countries
// (the filled map's shapes) in the gray of its BaseMapStyle; STREET and
// IMAGERY, which need map tiles, are drawn as the light gray one (note
// says so).
type baseMap struct {
	visible                        bool
	url                            string
	land, border, background, note string
}

func baseMapOf(c *definition.GeospatialLayerMapConfiguration) baseMap {
	b := baseMap{land: "transparent", border: "#9aa5b1"}
	style := ""
	if s := c.MapStyle; s != nil {
		if s.BaseMapVisibility == "HIDDEN" {
			return b
		}
		style = s.BaseMapStyle
	}
	world := regionSets()[dataset.RoleCountry]
	if world == nil {
		b.note = "The base map is not drawn: this server was built without its map shapes."
		return b
	}
	b.visible, b.url = true, world.url
	switch style {
	case "DARK_GRAY":
		b.land, b.border, b.background = "#4a4f55", "#6b7178", "#2f3337"
	case "STREET", "IMAGERY":
		b.note = "The base map is drawn as country outlines: Sightglass has no " + strings.ToLower(style) + " map tiles."
		fallthrough
	default:
		b.land, b.border = "#eef1f4", "#b8c0c8"
	}
	return b
}

// layerStyle is a layer's symbol style, and which kind of layer it styles
// (POLYGON, LINE or POINT; the layer's own type when it has none).
func layerStyle(l *definition.GeospatialLayerItem) (*definition.GeospatialSymbolStyle, string) {
	if d := l.LayerDefinition; d != nil {
		switch {
		case d.PolygonLayer != nil && d.PolygonLayer.Style != nil:
			return d.PolygonLayer.Style.PolygonSymbolStyle, "POLYGON"
		case d.LineLayer != nil && d.LineLayer.Style != nil:
			return d.LineLayer.Style.LineSymbolStyle, "LINE"
		case d.PointLayer != nil && d.PointLayer.Style != nil:
			return d.PointLayer.Style.CircleSymbolStyle, "POINT"
		}
	}
	return nil, l.LayerType
}

// paintShape is a shape's fill and stroke: by its key's value when the
// layer is joined (a shape without a row has no value), else by the
// style's solid colors.
func (d *drawnLayer) paintShape(s *definition.GeospatialSymbolStyle, key string, keyed bool) (fill, stroke layerPaint, why string) {
	var v layerValue
	if d.joined && keyed {
		v = d.values[key]
	}
	var fc, sc *definition.GeospatialColor
	if s != nil {
		fc, sc = s.FillColor, s.StrokeColor
	}
	if fill, why = paint(fc, v, layerDefault); why != "" {
		return
	}
	stroke, why = paint(sc, v, "")
	if fill.null && fill.nullStroke != "" {
		stroke.color = fill.nullStroke // the null-data style's own stroke
	}
	if fill.null && fill.nullWidth != nil && !fill.hidden {
		w := *fill.nullWidth
		stroke.nullWidth = &w
	}
	if stroke.hidden && !fill.hidden {
		stroke.color = ""
	}
	return
}

// noteUnlisted records a shape's value that has no categorical color.
func (d *drawnLayer) noteUnlisted(fill layerPaint, key string) {
	if !fill.unlisted {
		return
	}
	lv := d.values[key]
	v := lv.text
	if lv.isNum {
		v = strconv.FormatFloat(lv.num, 'f', -1, 64)
	}
	if d.unlistedSeen == nil {
		d.unlistedSeen = map[string]bool{}
	}
	if !d.unlistedSeen[v] {
		d.unlistedSeen[v] = true
		d.unlisted = append(d.unlisted, v)
	}
}

// tipsShown reports whether the layer's shapes have tooltips (its
// Tooltip options do not hide them).
func (d *drawnLayer) tipsShown() bool {
	var t struct{ TooltipVisibility string }
	return len(d.item.Tooltip) == 0 || json.Unmarshal(d.item.Tooltip, &t) != nil || t.TooltipVisibility != "HIDDEN"
}

// tip is a shape's tooltip: the layer, then its row's key and value.
func (d *drawnLayer) tip(key string, keyed bool) string {
	if t, ok := d.tips[key]; ok && keyed {
		return d.label + "\n" + t
	}
	if keyed {
		return d.label + "\n" + key
	}
	return d.label
}

// regionStyle is a polygon's or a line's region style.
func regionStyle(id, kind string, s *definition.GeospatialSymbolStyle, fill, stroke layerPaint) obj {
	is := obj{"opacity": fill.opacity}
	if fill.hidden {
		return obj{"name": id, "itemStyle": obj{"opacity": 0}, "tooltip": obj{"show": false}, "silent": true}
	}
	w := strokeWidth(s)
	if stroke.nullWidth != nil {
		w = stroke.nullWidth
	}
	if kind == "LINE" {
		// A line is its fill color, as wide as its line width.
		is["areaColor"], is["borderColor"] = "transparent", fill.color
		is["borderWidth"] = 1.5
		if w != nil {
			is["borderWidth"] = *w
		}
		return obj{"name": id, "itemStyle": is}
	}
	is["areaColor"] = fill.color
	if fill.color == "none" {
		is["areaColor"] = "transparent"
	}
	switch stroke.color {
	case "":
		is["borderColor"] = "#ffffff"
	case "none":
		is["borderWidth"] = 0
	default:
		is["borderColor"] = stroke.color
	}
	if w != nil && stroke.color != "none" {
		is["borderWidth"] = *w
	}
	return obj{"name": id, "itemStyle": is}
}

// strokeWidth is a style's stroke or line width (nil: none set).
func strokeWidth(s *definition.GeospatialSymbolStyle) *float64 {
	if s == nil {
		return nil
	}
	for _, w := range []*definition.GeospatialWidth{s.StrokeWidth, s.LineWidth} {
		if w != nil && w.LineWidth != nil {
			return w.LineWidth
		}
	}
	return nil
}

// circleSize is a point layer's circle diameter in pixels.
func circleSize(s *definition.GeospatialSymbolStyle) float64 {
	if s != nil && s.CircleRadius != nil && s.CircleRadius.Radius != nil {
		return math.Max(1, 2**s.CircleRadius.Radius)
	}
	return 8
}

// bounds is the longitude and latitude extent of a layer map's shapes.
type bounds struct {
	west, south, east, north float64
	ok                       bool
}

func (b *bounds) add(lon, lat float64) {
	if math.IsNaN(lon) || math.IsNaN(lat) || math.IsInf(lon, 0) || math.IsInf(lat, 0) {
		return
	}
	if !b.ok {
		*b = bounds{west: lon, east: lon, south: lat, north: lat, ok: true}
		return
	}
	b.west, b.east = math.Min(b.west, lon), math.Max(b.east, lon)
	b.south, b.north = math.Min(b.south, lat), math.Max(b.north, lat)
}
