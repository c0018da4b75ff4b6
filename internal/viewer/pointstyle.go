package viewer

import (
	"math"
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
)

// Point styles of a points map (PointStyleOptions.SelectedPointStyle):
// POINT draws each row's point; CLUSTER gathers the points that fall in
// one cell of a grid over the initial view into a marker labelled with how
// many points it holds; HEATMAP draws the points' density weighted by
// their measure. Clusters are formed once, for the initial view: zooming
// in does not split them.

// clusterCells is how many grid cells span the initial view's width
// (or height, the larger) when clustering points.
const clusterCells = 16

// Default colors of cluster markers and of a heat map's scale.
var (
	defaultClusterColor = "#3b6ea8"
	defaultHeatColors   = []string{"#ffffcc", "#fd8d3c", "#bd0026"}
)

// pointStyle is a points map's style and its colors.
type pointStyle struct {
	kind         string // POINT, CLUSTER, HEATMAP
	clusterColor string
	heatColors   []string
}

// readPointStyle reads a points map's PointStyleOptions, refusing what it
// cannot draw by name.
func (p *plan) readPointStyle(o *definition.PointStyleOptions, colors bool) pointStyle {
	st := pointStyle{kind: "POINT", clusterColor: defaultClusterColor, heatColors: defaultHeatColors}
	if o == nil {
		return st
	}
	switch o.SelectedPointStyle {
	case "", "POINT":
	case "CLUSTER":
		st.kind = "CLUSTER"
	case "HEATMAP":
		st.kind = "HEATMAP"
		if colors {
			p.refuse("PointStyleOptions HEATMAP with a Colors field")
		}
	default:
		p.refuse("PointStyleOptions " + o.SelectedPointStyle)
	}
	if c := o.ClusterMarkerConfiguration; c != nil && c.ClusterMarker != nil && c.ClusterMarker.SimpleClusterMarker != nil && c.ClusterMarker.SimpleClusterMarker.Color != "" {
		col := c.ClusterMarker.SimpleClusterMarker.Color
		if st.clusterColor = cssColor(col); st.clusterColor == "" {
			p.refuse("SimpleClusterMarker Color " + strconv.Quote(col))
		}
	}
	if h := o.HeatmapConfiguration; h != nil && h.HeatmapColor != nil && len(h.HeatmapColor.Colors) > 0 {
		st.heatColors = nil
		for _, c := range h.HeatmapColor.Colors {
			col := cssColor(c.Color)
			if col == "" {
				p.refuse("HeatmapColor Color " + strconv.Quote(c.Color))
			}
			st.heatColors = append(st.heatColors, col)
		}
	}
	return st
}

// placedPoint is one drawn point of a points map: its series and its
// option entry ({name, value: [lon, lat, v], symbolSize, …}).
type placedPoint struct {
	series int
	point  obj
}

// pointLonLat returns a placed point's longitude and latitude.
func pointLonLat(pt obj) (lon, lat float64) {
	v := pt["value"].([]any)
	return v[0].(float64), v[1].(float64)
}

// clusterPoints gathers the points that share a grid cell of the view
// (the window's bounds, or the points' extent) into cluster markers, each
// labelled with its count of points; a point alone in its cell stays as
// it is. It returns the points left in their series and the clusters'
// series (nil when none formed).
func clusterPoints(pts []placedPoint, w *definition.MapWindowOptions, color string) ([]placedPoint, obj) {
	if len(pts) < 2 {
		return pts, nil
	}
	west, east, south, north := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	if w != nil && w.Bounds != nil && w.MapZoomMode == "MANUAL" {
		west, east, south, north = w.Bounds.West, w.Bounds.East, w.Bounds.South, w.Bounds.North
	} else {
		for _, pt := range pts {
			lon, lat := pointLonLat(pt.point)
			west, east, south, north = min(west, lon), max(east, lon), min(south, lat), max(north, lat)
		}
	}
	cell := max(east-west, north-south, 1) / clusterCells
	type key struct{ x, y int64 }
	cells := map[key][]int{}
	var order []key
	for i, pt := range pts {
		lon, lat := pointLonLat(pt.point)
		k := key{int64(math.Floor(lon / cell)), int64(math.Floor(lat / cell))}
		if cells[k] == nil {
			order = append(order, k)
		}
		cells[k] = append(cells[k], i)
	}
	var kept []placedPoint
	var clusters []obj
	for _, k := range order {
		members := cells[k]
		if len(members) == 1 {
			kept = append(kept, pts[members[0]])
			continue
		}
		var sumLon, sumLat float64
		var names []string
		for _, i := range members {
			lon, lat := pointLonLat(pts[i].point)
			sumLon, sumLat = sumLon+lon, sumLat+lat
			names = append(names, pts[i].point["name"].(string))
		}
		n := float64(len(members))
		clusters = append(clusters, obj{
			"name":       clusterName(names),
			"value":      []any{round6(sumLon / n), round6(sumLat / n), n},
			"symbolSize": math.Round(min(maxPoint+12, 16+6*math.Log2(n))),
		})
	}
	if len(clusters) == 0 {
		return pts, nil
	}
	return kept, obj{"type": "scatter", "coordinateSystem": "geo", "name": "Clusters", "sgCluster": true, "data": clusters,
		"itemStyle": obj{"color": color, "opacity": 0.85},
		"label":     obj{"show": true, "position": "inside", "formatter": "{@[2]}", "color": "#fff", "fontWeight": "bold"}}
}

// clusterName names a cluster: its count of points and the first few.
func clusterName(names []string) string {
	s := strconv.Itoa(len(names)) + " points: "
	for i, n := range names {
		if i == maxNamed {
			return s + "; …"
		}
		if i > 0 {
			s += "; "
		}
		s += n
	}
	return s
}

// heatmapSeries draws the points as a heat map weighted by their measure
// with its color scale; points without a positive value add no heat, and
// the note names those with a negative or no value.
func heatmapSeries(pts []placedPoint, colors []string) (series obj, scale obj, missed []string) {
	data := [][]float64{}
	big := 0.0
	for _, pt := range pts {
		lon, lat := pointLonLat(pt.point)
		f, ok := number(pt.point["value"].([]any)[2])
		if !ok || f < 0 {
			missed = append(missed, "("+pt.point["name"].(string)+")")
			continue
		}
		big = max(big, f)
		data = append(data, []float64{lon, lat, f})
	}
	series = obj{"type": "heatmap", "coordinateSystem": "geo", "name": "Heat", "data": data, "pointSize": 12, "blurSize": 18}
	scale = obj{"type": "continuous", "min": 0, "max": max(big, 1), "calculable": false, "seriesIndex": 0,
		"left": 8, "bottom": 8, "itemHeight": 80, "inRange": obj{"color": colors}}
	return series, scale, missed
}
