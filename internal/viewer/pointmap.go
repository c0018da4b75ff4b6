package viewer

import (
	"math"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Sizes of a points map's points, in pixels: the largest value's point
// and the smallest a point gets.
const (
	maxPoint = 28
	minPoint = 4
)

// planPointMap fills a points map's plan: its location fields (a latitude
// and a longitude, placeMap checks their roles) and its color field group
// the rows; each point is sized by one measure (a count of records
// without one).
func (p *plan) planPointMap(vis *definition.GeospatialMapVisual) bool {
	c := vis.ChartConfiguration
	if c == nil || c.FieldWells == nil || c.FieldWells.GeospatialMapAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.GeospatialMapAggregatedFieldWells
	loc, color := dims(w.Geospatial), dims(w.Colors)
	if len(loc) == 0 {
		return false
	}
	if len(color) > 1 {
		color = color[:1]
	}
	p.category, p.colors = loc, color
	p.addMeasures(w.Values, &p.values)
	if len(p.values) > 1 {
		p.values = p.values[:1]
	}
	p.countRecords()
	p.geo = &mapPlan{points: true, window: c.WindowOptions}
	p.limit, p.maxRows = scatterLimit+1, scatterLimit
	p.geo.style = p.readPointStyle(c.PointStyleOptions, len(color) > 0)
	var why string
	if p.geo.prefs, why = readGeoPrefs(vis.GeocodingPreferences); why != "" {
		p.refuse(why)
	}
	return true
}

// pointMapOption draws a point per row at its longitude and latitude,
// sized by the square root of its share of the largest value, one series
// per color value; a points map by county places a row at its county's
// center (two values naming one county are refused, why, as on a filled
// map). Rows without a valid position are not dropped silently: note says
// how many and names the first.
func pointMapOption(p *plan, res *Result) (opt obj, note, why string) {
	g := p.geo
	nloc := len(p.category)
	m := p.values[0]
	vi := nloc + len(p.colors) // the measure's column
	big := 0.0
	for _, row := range res.Rows {
		if f, ok := number(row[vi]); ok {
			big = max(big, math.Abs(f))
		}
	}
	byColor := map[string]int{}
	var ss []obj
	var missed []string
	var placed []placedPoint
	var shapes shapePlacer // points at the centers of counties, countries or states
	var places *placePlacer
	switch {
	case g.counties != nil:
		shapes = &countyPlacer{p: p, res: res, seen: map[string]string{}}
	case g.centers != nil:
		shapes = &centerPlacer{p: p, res: res, seen: map[string]string{}}
	case g.places != "":
		places = &placePlacer{p: p, res: res}
	}
	for _, row := range res.Rows {
		var lat, lon float64
		var name, sgValue string
		if shapes != nil {
			var placed bool
			if lon, lat, name, sgValue, placed, why = shapes.place(row); why != "" {
				return nil, "", why
			}
			if !placed {
				continue
			}
		} else if places != nil {
			var placed bool
			if lon, lat, name, placed = places.place(row); !placed {
				continue
			}
		} else {
			var okLat, okLon bool
			lat, okLat = number(row[g.lat])
			lon, okLon = number(row[g.lon])
			name = coordText(row[g.lat], res.Columns[g.lat], p.category[g.lat]) + ", " + coordText(row[g.lon], res.Columns[g.lon], p.category[g.lon])
			if !okLat || !okLon || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
				missed = append(missed, "("+name+")")
				continue
			}
		}
		series := m.label
		if len(p.colors) > 0 {
			series = fieldText(row[nloc], res.Columns[nloc], p.colors[0])
		}
		k, ok := byColor[series]
		if !ok {
			k = len(ss)
			byColor[series] = k
			s := obj{"type": "scatter", "coordinateSystem": "geo", "name": series, "data": []obj{}}
			if m.format != nil {
				s[chartNumberFormat] = m.format
			}
			ss = append(ss, s)
		}
		v := chartValue(row[vi])
		size := float64(minPoint)
		if f, ok := v.(float64); ok && big > 0 {
			size = max(minPoint, math.Round(maxPoint*math.Sqrt(math.Abs(f)/big)))
		}
		point := obj{"name": name, "value": []any{round6(lon), round6(lat), v}, "symbolSize": size}
		if shapes != nil {
			point["sgValue"] = sgValue // what a click filters by
			if g.counties != nil && p.geo.state > 0 {
				point["sgState"] = stateText(p, res, row) // and within which state
			}
		}
		placed = append(placed, placedPoint{k, point})
	}
	var scale obj     // a heat map's color scale
	var heat []string // the points a heat map cannot weigh
	switch g.style.kind {
	case "CLUSTER":
		var clusters obj
		placed, clusters = clusterPoints(placed, g.window, g.style.clusterColor)
		if clusters != nil {
			ss = append(ss, clusters)
		}
	case "HEATMAP":
		var series obj
		series, scale, heat = heatmapSeries(placed, g.style.heatColors)
		ss, placed = []obj{series}, nil
	}
	for _, pt := range placed {
		ss[pt.series]["data"] = append(ss[pt.series]["data"].([]obj), pt.point)
	}
	geo := obj{"map": g.regions.name, "roam": true, "itemStyle": obj{"areaColor": "#eef1f4", "borderColor": "#b8c0c8"},
		"emphasis": obj{"disabled": true}, "selectedMode": false}
	mapView(geo, g.window)
	opt = obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"sgMap":     g.regions.asset(),
		"geo":       geo,
		"series":    ss,
	}
	if scale != nil {
		opt["visualMap"] = scale
	}
	if len(ss) > 1 {
		names := make([]string, len(ss))
		for i, s := range ss {
			names[i] = s["name"].(string)
		}
		opt["legend"] = obj{"type": "scroll", "top": 0, "data": names}
	}
	switch {
	case shapes != nil:
		note = shapes.note()
	case places != nil:
		note = places.note()
	default:
		note = unplacedNote("rows have no valid latitude and longitude", missed, len(res.Rows))
	}
	if h := unplacedNote("points have a negative or no value, which a heat map cannot weigh", heat, len(res.Rows)); h != "" {
		note = strings.TrimSpace(note + " " + h)
	}
	return opt, note, ""
}

// round6 rounds a coordinate to a millionth of a degree (about 10 cm).
func round6(f float64) float64 { return math.Round(f*1e6) / 1e6 }

// coordText writes a coordinate in full (to a millionth of a degree), not
// rounded as other numbers are shown.
func coordText(v any, col query.ResultColumn, f field) string {
	if x, ok := number(v); ok {
		return strconv.FormatFloat(round6(x), 'f', -1, 64)
	}
	return fieldText(v, col, f)
}
