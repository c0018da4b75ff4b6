package highcharts

import "math"

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
	if t.heat == nil {
		t.heat = &heatScale{}
	}
	h := t.heat
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
			t.pointKeys(e, "x", "y", "value")
		default:
			return refuse("series %d has a heat map point that is %s", s.index+1, kind(el))
		}
		x, y = cell(xa, x), cell(ya, y)
		if f, ok := v.(float64); ok {
			if !h.any || f < h.lo {
				h.lo = f
			}
			if !h.any || f > h.hi {
				h.hi = f
			}
			h.any = true
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
			if err := t.spend(labelBytes(item)); err != nil {
				return err
			}
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
	h.series = append(h.series, len(t.series))
	t.series = append(t.series, out)
	return nil
}

// heatScale is the color scale every heat map series of a chart shares
// (Highcharts' colorAxis), over all their values.
type heatScale struct {
	lo, hi float64
	any    bool
	series []int // the heat map series' indexes in the option
}

// finishHeatmap draws the heat maps' color scale as an ECharts visual map
// over those series: the colorAxis's min and max (else the values'),
// minColor to maxColor (Highcharts' white to blue by default), or its
// stops when they are evenly spaced (others are named as not drawn).
func (t *translation) finishHeatmap() {
	h := t.heat
	if h == nil {
		return
	}
	ca := object(t.r.root["colorAxis"])
	lo, hi := h.lo, h.hi
	if v, ok := ca["min"].(float64); ok {
		lo = v
		t.r.mark("colorAxis.min")
	}
	if v, ok := ca["max"].(float64); ok {
		hi = v
		t.r.mark("colorAxis.max")
	}
	colors := []any{"#FFFFFF", "#2caffe"}
	if c, ok := t.colorAt(ca, "minColor", "colorAxis.minColor"); ok {
		colors[0] = c
	}
	if c, ok := t.colorAt(ca, "maxColor", "colorAxis.maxColor"); ok {
		colors[1] = c
	}
	if stops, ok := ca["stops"].([]any); ok && len(stops) >= 2 {
		var cs []any
		for i, st := range stops {
			pair, _ := st.([]any)
			if len(pair) != 2 {
				break
			}
			at, isNum := pair[0].(float64)
			c, isColor := color(pair[1])
			if !isNum || !isColor || math.Abs(at-float64(i)/float64(len(stops)-1)) > 1e-9 {
				break
			}
			cs = append(cs, c)
		}
		if len(cs) == len(stops) {
			colors = cs
			t.r.mark("colorAxis.stops")
		}
	}
	t.opt["visualMap"] = map[string]any{"min": lo, "max": hi, "calculable": true, "orient": "horizontal", "left": "center", "bottom": 0,
		"seriesIndex": h.series, "inRange": map[string]any{"color": colors}}
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
