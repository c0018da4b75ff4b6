package highcharts

// Range series: boxplot, columnrange and arearange, whose points carry
// several values ([x,] low, ..., high, or objects naming them).

// rangeValues reads one point of a range series: its x and its values in
// the order names lists them ([low, q1, median, q3, high] for a box
// plot; [low, high] for a range), from an array (with x first when it
// has one more element) or an object.
func rangeValues(el any, i int, s *src, xa *axis, auto float64, names []string) (x any, vs []float64, p point, err error) {
	p = point{x: auto, index: i}
	switch v := el.(type) {
	case nil:
		return p.x, nil, p, nil
	case []any:
		off := 0
		switch len(v) {
		case len(names):
		case len(names) + 1:
			off = 1
			if name, ok := v[0].(string); ok {
				p.name = name
				if xa.kind == "category" && !xa.given {
					p.x = float64(xa.category(name))
				}
			} else if v[0] != nil {
				p.x = numeric1(v[0])
			}
		default:
			return nil, nil, p, refuse("series %d has a %s point of %d values; Sightglass reads %d, or %d with x first", s.index+1, s.typ, len(v), len(names), len(names)+1)
		}
		for k := range names {
			f, ok := v[off+k].(float64)
			if !ok {
				return nil, nil, p, refuse("series %d has a %s point whose %s is not a number", s.index+1, s.typ, names[k])
			}
			vs = append(vs, f)
		}
	case map[string]any:
		p.fields = v
		if n, ok := v["name"]; ok && n != nil {
			p.name = text(n)
			if xa.kind == "category" && !xa.given && v["x"] == nil {
				p.x = float64(xa.category(p.name))
			}
		}
		if xv, ok := v["x"]; ok && xv != nil {
			if name, ok := xv.(string); ok && xa.kind == "category" {
				p.x = float64(xa.category(name))
			} else {
				p.x = numeric1(xv)
			}
		}
		for _, k := range names {
			f, ok := v[k].(float64)
			if !ok {
				return nil, nil, p, refuse("series %d has a %s point without a number %s", s.index+1, s.typ, k)
			}
			vs = append(vs, f)
		}
		if c, ok := color(v["color"]); ok {
			p.color = c
		}
		t := s.t
		t.pointKeys(v, append([]string{"x", "name", "color"}, names...)...)
	default:
		return nil, nil, p, refuse("series %d has a %s point that is %s", s.index+1, s.typ, kind(el))
	}
	return p.x, vs, p, nil
}

// rangeSeries draws a box plot (ECharts' box plot of the five values), a
// column range (a bar from low to high over an invisible one up to low)
// or an area range (a band from the low line to the high one, stacked
// whatever their signs), at pointStart + i × pointInterval or the point's
// x, on the series' axes. Inverted charts, a category y axis, two points
// at one category and values too far apart to subtract are refused;
// options a range series does not draw are named.
func (t *translation) rangeSeries(s *src) error {
	if t.inverted {
		return refuse("inverted %s series are not drawn by Sightglass (series %d)", s.typ, s.index+1)
	}
	for _, k := range []string{"step", "connectNulls", "dataLabels", "marker", "lineWidth", "colorByPoint", "stacking", "threshold"} {
		if _, path, ok := s.peekOpt(k); ok {
			t.notRead(path) // another series may read the same path
		}
	}
	xa, xi, ya, yi, err := s.axes()
	if err != nil {
		return err
	}
	if ya.kind == "category" {
		return refuse("%s series on a category y axis are not drawn by Sightglass (series %d)", s.typ, s.index+1)
	}
	raw, err := s.data()
	if err != nil {
		return err
	}
	start, interval, err := s.placement()
	if err != nil {
		return err
	}
	names := []string{"low", "high"}
	if s.typ == "boxplot" {
		names = []string{"low", "q1", "median", "q3", "high"}
	}
	own := s.color()
	if own == nil {
		own = t.seriesColor()
	}
	var data, bases []any
	seen := map[any]bool{}
	for i, el := range raw {
		x, vs, p, err := rangeValues(el, i, s, xa, start+float64(i)*interval, names)
		if err != nil {
			return err
		}
		if vs == nil {
			if s.typ == "arearange" { // a gap in the band, as Highcharts leaves one
				data = append(data, map[string]any{"value": []any{x, "-", "-", "-"}})
				bases = append(bases, map[string]any{"value": []any{x, "-"}})
			}
			continue
		}
		if xa.kind == "category" && s.typ != "boxplot" {
			if seen[x] { // ECharts stacks a category's points on each other
				return refuse("series %d has two %s points at one category", s.index+1, s.typ)
			}
			seen[x] = true
		}
		if err := t.spend(len(p.name) + 8*len(vs)); err != nil {
			return err
		}
		item := map[string]any{}
		if p.name != "" {
			item["name"] = p.name
		}
		if p.color != nil {
			item["itemStyle"] = map[string]any{"color": p.color}
		}
		switch s.typ {
		case "boxplot":
			item["value"] = append([]any{x}, vs[0], vs[1], vs[2], vs[3], vs[4])
		case "columnrange": // a bar is the same from either end
			lo, hi := min(vs[0], vs[1]), max(vs[0], vs[1])
			if _, ok := finite(hi - lo); !ok {
				return refuse("series %d has a range too wide to draw", s.index+1)
			}
			item["value"] = []any{x, hi - lo, vs[0], vs[1]}
			bases = append(bases, map[string]any{"value": []any{x, lo}})
		default: // the high line over the low one, in order, even when they cross
			d, ok := finite(vs[1] - vs[0])
			if !ok {
				return refuse("series %d has a range too wide to draw", s.index+1)
			}
			item["value"] = []any{x, d, vs[0], vs[1]}
			bases = append(bases, map[string]any{"value": []any{x, vs[0]}})
		}
		data = append(data, item)
	}
	out := map[string]any{"xAxisIndex": xi, "yAxisIndex": yi, "data": data}
	s.common(out, true)
	t.host(xa, out)
	t.host(ya, out)
	switch s.typ {
	case "boxplot":
		out["type"] = "boxplot"
		out["encode"] = map[string]any{"x": 0, "y": []any{1, 2, 3, 4, 5}, "tooltip": []any{1, 2, 3, 4, 5}}
		out["itemStyle"] = map[string]any{"borderColor": own}
		t.series = append(t.series, out)
		return nil
	case "columnrange":
		out["type"] = "bar"
		out["itemStyle"] = map[string]any{"color": own}
	case "arearange":
		out["type"] = "line"
		out["symbolSize"] = 0
		out["lineStyle"] = map[string]any{"color": own}
		out["areaStyle"] = map[string]any{"color": own, "opacity": 0.5}
	}
	key := "range-" + itoa(s.index)
	out["stack"], out["stackStrategy"] = key, "all"
	out["encode"] = map[string]any{"x": 0, "y": 1, "tooltip": []any{2, 3}}
	// The base has the series' name: the legend hides and shows both.
	base := map[string]any{"type": out["type"], "stack": key, "stackStrategy": "all", "xAxisIndex": xi, "yAxisIndex": yi, "data": bases,
		"silent": true, "tooltip": map[string]any{"show": false}, "encode": map[string]any{"x": 0, "y": 1}, "name": s.name()}
	if s.typ == "columnrange" {
		base["itemStyle"] = map[string]any{"color": "transparent"}
	} else {
		base["symbolSize"] = 0
		base["lineStyle"] = map[string]any{"color": own} // the low line
		out["itemStyle"] = map[string]any{"color": own}
	}
	t.series = append(t.series, base, out)
	return nil
}
