package highcharts

// heatmapSeries draws a heat map: points [x, y, value] or objects with x,
// y, value on category (or numeric) axes, colored by the chart's
// colorAxis (min, max, minColor, maxColor, stops) as an ECharts visual map.
func (t *translation) heatmapSeries(s *src) error {
	raw, err := s.data()
	if err != nil {
		return err
	}
	xa, xi, err := t.axisAt(t.xAxes, nil)
	if err != nil {
		return err
	}
	ya, yi, err := t.axisAt(t.yAxes, nil)
	if err != nil {
		return err
	}
	for _, a := range []*axis{xa, ya} {
		if a.kind == "value" {
			a.kind = "category"
		}
	}
	labels := s.labels()
	lo, hi := 0.0, 0.0
	first := true
	var data []any
	for _, el := range raw {
		var x, y, v any
		switch e := el.(type) {
		case []any:
			if len(e) != 3 {
				return refuse("series %d has a heat map point of %d values; Sightglass draws [x, y, value]", s.index+1, len(e))
			}
			x, y, v = e[0], e[1], numeric1(e[2])
		case map[string]any:
			x, y, v = e["x"], e["y"], numeric1(e["value"])
		default:
			return refuse("series %d has a heat map point that is %s", s.index+1, kind(el))
		}
		x, y = cell(xa, x), cell(ya, y)
		if f, ok := v.(float64); ok {
			if first || f < lo {
				lo = f
			}
			if first || f > hi {
				hi = f
			}
			first = false
		}
		if v == nil {
			v = "-"
		}
		item := map[string]any{"value": []any{x, y, v}}
		if t.inverted {
			item["value"] = []any{y, x, v}
		}
		if labels != nil {
			item["label"] = labels.at(s, point{x: x, y: v}, map[string]any{"value": v})
		}
		data = append(data, item)
	}
	out := map[string]any{"type": "heatmap", "xAxisIndex": xi, "yAxisIndex": yi, "data": data}
	if t.inverted {
		out["xAxisIndex"], out["yAxisIndex"] = yi, xi
	}
	s.common(out, false)
	if labels != nil {
		out["label"] = map[string]any{"show": true}
	}
	t.series = append(t.series, out)
	ca := object(t.r.root["colorAxis"])
	if v, ok := t.r.get(ca, "min", "colorAxis.min"); ok && v != nil {
		lo = number(v)
	}
	if v, ok := t.r.get(ca, "max", "colorAxis.max"); ok && v != nil {
		hi = number(v)
	}
	colors := []any{"#FFFFFF", "#2caffe"} // Highcharts' default minColor and maxColor
	if v, ok := t.r.get(ca, "minColor", "colorAxis.minColor"); ok {
		colors[0] = v
	}
	if v, ok := t.r.get(ca, "maxColor", "colorAxis.maxColor"); ok {
		colors[1] = v
	}
	if v, ok := t.r.get(ca, "stops", "colorAxis.stops"); ok {
		if stops, ok := v.([]any); ok && len(stops) >= 2 {
			colors = nil
			for _, st := range stops {
				if pair, ok := st.([]any); ok && len(pair) == 2 {
					colors = append(colors, pair[1])
				}
			}
		}
	}
	t.opt["visualMap"] = map[string]any{"min": lo, "max": hi, "calculable": true, "orient": "horizontal", "left": "center", "bottom": 0, "inRange": map[string]any{"color": colors}}
	return nil
}

// cell is a heat map coordinate on an axis: a category's index (a
// category named by the point is added to an axis without given ones).
func cell(a *axis, v any) any {
	if s, ok := v.(string); ok {
		return float64(a.category(s))
	}
	f, ok := v.(float64)
	if !ok {
		return nil
	}
	if !a.given {
		for len(a.categories) <= int(f) && f >= 0 && len(a.categories) < maxPoints {
			a.categories = append(a.categories, itoa(len(a.categories)))
		}
	}
	return f
}
