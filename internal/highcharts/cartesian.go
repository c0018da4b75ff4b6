package highcharts

import (
	"math"
)

// point is one Highcharts point as read: where it is, its value, and its
// own members (which label formats may name).
type point struct {
	x, y, z any // x: a number (a category's index on a category axis)
	name    string
	color   any
	fields  map[string]any
	index   int // its place in the series' data
}

// cartesianSeries draws line, spline, area, areaspline, column, bar,
// scatter and bubble series.
func (t *translation) cartesianSeries(s *src) error {
	xa, xi, ya, yi, err := s.axes()
	if err != nil {
		return err
	}
	raw, err := s.data()
	if err != nil {
		return err
	}
	start, interval, err := s.placement()
	if err != nil {
		return err
	}
	var pts []point
	for i, el := range raw {
		p, err := readPoint(el, i, s, xa, start+float64(i)*interval)
		if err != nil {
			return err
		}
		pts = append(pts, p)
	}
	out := map[string]any{"xAxisIndex": xi, "yAxisIndex": yi}
	t.host(xa, out)
	t.host(ya, out)
	if t.inverted {
		out["xAxisIndex"], out["yAxisIndex"] = yi, xi
	}
	s.common(out, true)
	color := s.color()
	byPoint := false
	if v, ok := s.opt("colorByPoint"); ok && truthy(v) && (s.typ == "column" || s.typ == "bar") {
		byPoint = true // takes no series color, as in Highcharts
	}
	if color == nil && !byPoint {
		color = t.seriesColor() // given here: a stack's series change order
	}
	switch s.typ {
	case "line", "spline", "area", "areaspline":
		out["type"] = "line"
		out["smooth"] = s.typ == "spline" || s.typ == "areaspline"
		if s.typ == "area" || s.typ == "areaspline" {
			area := map[string]any{"opacity": 0.75}
			if v, ok := s.numberOpt("fillOpacity"); ok {
				area["opacity"] = v
			}
			out["areaStyle"] = area
		}
		line := map[string]any{}
		if v, ok := s.numberOpt("lineWidth"); ok {
			line["width"] = v
		}
		if v, ok := s.opt("dashStyle"); ok {
			line["type"] = dash(text(v))
		}
		if v, ok := s.opt("step"); ok && truthy(v) {
			switch text(v) {
			case "center":
				out["step"] = "middle"
			case "right":
				out["step"] = "end"
			default:
				out["step"] = "start"
			}
		}
		if color != nil {
			line["color"] = color
		}
		out["lineStyle"] = line
		if v, ok := s.opt("connectNulls"); ok {
			out["connectNulls"] = truthy(v)
		}
		t.marker(s, out, true)
	case "column", "bar":
		out["type"] = "bar"
		if v, ok := s.opt("grouping"); ok && !truthy(v) {
			out["barGap"] = "-100%" // Highcharts draws the columns over each other
		}
		if v, ok := s.numberOpt("borderRadius"); ok {
			out["itemStyle"] = map[string]any{"borderRadius": v}
		}
		if v, ok := s.opt("colorByPoint"); ok && truthy(v) {
			for i := range pts { // the series' own count, from the first color
				if pts[i].color == nil {
					pts[i].color = paletteColor(t.opt, i)
				}
			}
		}
	case "scatter", "bubble":
		out["type"] = "scatter"
		t.marker(s, out, false)
	}
	if color != nil {
		style, _ := out["itemStyle"].(map[string]any)
		if style == nil {
			style = map[string]any{}
		}
		style["color"] = color
		out["itemStyle"] = style
	}
	if err := t.stacking(s, out, xa, ya, yi); err != nil {
		return err
	}
	if v, ok := s.opt("threshold"); ok && s.typ != "line" && s.typ != "spline" && s.typ != "scatter" && s.typ != "bubble" {
		if f, isNum := v.(float64); !isNum || f != 0 {
			return refuse("series option threshold %s is not drawn by Sightglass (series %d): its %s would start from it", brief(v), s.index+1, s.typ)
		}
	}
	var sizes []float64
	if s.typ == "bubble" {
		sizes = bubbleSizes(s, pts)
	}
	labels := s.labels()
	data := make([]any, len(pts))
	for i, p := range pts {
		y := p.y
		if y == nil {
			y = "-"
		}
		value := []any{p.x, y}
		if t.inverted {
			value = []any{y, p.x}
		}
		if s.typ == "bubble" {
			value = append(value, p.z)
		}
		item := map[string]any{"value": value}
		if p.name != "" {
			item["name"] = p.name
		}
		if p.color != nil {
			item["itemStyle"] = map[string]any{"color": p.color}
		}
		if sizes != nil {
			item["symbolSize"] = sizes[i]
		}
		if labels != nil {
			item["label"] = labels.at(s, p, nil)
		}
		pointOptions(s, p, item)
		if err := t.spend(len(p.name) + labelBytes(item)); err != nil {
			return err
		}
		if p.fields != nil {
			t.pointKeys(p.fields, "x", "y", "z", "name", "color", "marker", "dataLabels")
		}
		data[i] = item
	}
	out["data"] = data
	// The value (y) is the dimension the tooltip writes; the other is the
	// point's place.
	yDim := 1
	if t.inverted {
		yDim = 0
	}
	tip := []any{yDim}
	if s.typ == "bubble" {
		tip = append(tip, 2)
	}
	out["encode"] = map[string]any{"x": 0, "y": 1, "tooltip": tip}
	if labels != nil {
		out["label"] = map[string]any{"show": true, "position": labels.position(s.typ, t.inverted)}
		out["labelLayout"] = map[string]any{"hideOverlap": true}
	}
	t.series = append(t.series, out)
	return nil
}

// readPoint reads one data element of a cartesian series: a number (its
// y), [x, y] or [name, y] (or [x, y, z] of a bubble), or an object with
// x, y, z, name, color.
func readPoint(el any, i int, s *src, xa *axis, auto float64) (point, error) {
	p := point{x: auto} // pointStart + i × pointInterval, a category's index too
	switch v := el.(type) {
	case nil:
		return p, nil
	case float64:
		p.y = v
		return p, nil
	case []any:
		switch {
		case len(v) == 2 && s.typ == "bubble": // [y, z]
			p.y, p.z = numeric1(v[0]), numeric1(v[1])
			return p, nil
		case len(v) == 2 || (len(v) == 3 && s.typ == "bubble"):
			if name, ok := v[0].(string); ok {
				p.name = name
				if xa.kind == "category" && !xa.given {
					p.x = float64(xa.category(name))
				}
			} else if v[0] != nil {
				p.x = numeric1(v[0]) // Highcharts reads it as a number
			}
			p.y = numeric1(v[1])
			if len(v) == 3 {
				p.z = numeric1(v[2])
			}
			return p, nil
		case len(v) == 1:
			p.y = numeric1(v[0])
			return p, nil
		}
		return p, refuse("series %d has a point of %d values, a layout Sightglass does not draw for %s series", s.index+1, len(v), s.typ)
	case map[string]any:
		p.fields = v
		if n, ok := v["name"]; ok && n != nil {
			p.name = text(n)
			if xa.kind == "category" && !xa.given && v["x"] == nil {
				p.x = float64(xa.category(p.name))
			}
		}
		if x, ok := v["x"]; ok && x != nil {
			if name, ok := x.(string); ok && xa.kind == "category" {
				p.x = float64(xa.category(name))
			} else {
				p.x = numeric1(x)
			}
		}
		p.y = numeric1(v["y"])
		p.z = numeric1(v["z"])
		if c, ok := color(v["color"]); ok {
			p.color = c
		}
		return p, nil
	case string:
		return p, refuse("series %d has the point %q, a string where a number belongs", s.index+1, brief(v))
	}
	return p, refuse("series %d has a point that is %s", s.index+1, kind(el))
}

// pointOptions applies a point object's own marker and dataLabels.
func pointOptions(s *src, p point, item map[string]any) {
	if m := object(p.fields["marker"]); m != nil {
		if v, ok := m["enabled"]; ok && !truthy(v) {
			item["symbolSize"] = 0
		} else if r, ok := m["radius"].(float64); ok {
			item["symbolSize"] = 2 * r
		}
		if c, ok := color(m["fillColor"]); ok {
			style, _ := item["itemStyle"].(map[string]any)
			if style == nil {
				style = map[string]any{}
			}
			style["color"] = c
			item["itemStyle"] = style
		}
	}
	if dl := object(p.fields["dataLabels"]); dl != nil {
		on, set := dl["enabled"]
		if set && !truthy(on) {
			item["label"] = map[string]any{"show": false}
			return
		}
		if f, ok := dl["format"].(string); ok {
			l := &labelSpec{format: f, markup: hasMarkup(f)}
			lbl := l.at(s, p, nil)
			lbl["show"] = true
			item["label"] = lbl
		} else if set {
			l := &labelSpec{format: "{point.y}"}
			lbl := l.at(s, p, nil)
			lbl["show"] = true
			item["label"] = lbl
		}
	}
}

// numeric1 is a point's number: numbers as they are, null as null, other
// values as JavaScript converts them (NaN as null).
func numeric1(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case float64:
		return x
	}
	return clean(number(v))
}

// marker sets a line's or scatter's symbols from its marker options.
func (t *translation) marker(s *src, out map[string]any, line bool) {
	if v, ok := s.sub("marker", "enabled"); ok {
		if line {
			out["showSymbol"] = truthy(v)
		} else if !truthy(v) {
			out["symbolSize"] = 0
		}
	}
	if v, path, ok := s.peekSub("marker", "radius"); ok {
		if r, isNum := v.(float64); isNum {
			t.r.mark(path)
			if _, hidden := out["symbolSize"]; !hidden {
				out["symbolSize"] = 2 * r
			}
		}
	}
	if v, path, ok := s.peekSub("marker", "symbol"); ok {
		switch text(v) {
		case "circle", "square", "diamond", "triangle":
			out["symbol"] = map[string]string{"circle": "circle", "square": "rect", "diamond": "diamond", "triangle": "triangle"}[text(v)]
			t.r.mark(path)
		case "triangle-down":
			out["symbol"], out["symbolRotate"] = "triangle", 180
			t.r.mark(path)
		}
	}
}

// bubbleSizes are a bubble series' symbol sizes: diameters from 8 to 50
// pixels by area, as Highcharts scales z between the series' extremes
// (minSize and maxSize in pixels when given).
func bubbleSizes(s *src, pts []point) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		if z, ok := p.z.(float64); ok {
			lo, hi = math.Min(lo, z), math.Max(hi, z)
		}
	}
	minSize, maxSize := 8.0, 50.0 // Highcharts' 8 pixels and 20% of a typical tile
	if v, ok := s.numberOpt("minSize"); ok {
		minSize = v
	}
	if v, ok := s.numberOpt("maxSize"); ok {
		maxSize = v
	}
	out := make([]float64, len(pts))
	for i, p := range pts {
		z, ok := p.z.(float64)
		switch {
		case !ok:
			out[i] = 0
		case hi == lo:
			out[i] = maxSize
		default:
			area := (z - lo) / (hi - lo)
			out[i] = math.Round(minSize + math.Sqrt(area)*(maxSize-minSize))
		}
	}
	return out
}
