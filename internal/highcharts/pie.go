package highcharts

import "strings"

// pieSeries draws a pie (a donut with innerSize): points are numbers,
// [name, y] or objects with name, y, color; each point takes the next
// palette color, as Highcharts colors pie points.
func (t *translation) pieSeries(s *src) error {
	raw, err := s.data()
	if err != nil {
		return err
	}
	out := map[string]any{"type": "pie"}
	s.common(out, false)
	inLegend := false
	if v, ok := s.opt("showInLegend"); ok {
		inLegend = truthy(v)
	}
	labels := s.labels()
	total := 0.0
	var pts []point
	for i, el := range raw {
		p := point{x: float64(i), name: "Slice", index: i} // hidden slices count too
		switch v := el.(type) {
		case nil:
		case float64:
			p.y = v
		case []any:
			if len(v) != 2 {
				return refuse("series %d has a pie point of %d values; Sightglass draws [name, value]", s.index+1, len(v))
			}
			p.name, p.y = text(v[0]), numeric1(v[1])
		case map[string]any:
			p.fields = v
			if vis, ok := v["visible"]; ok && !truthy(vis) {
				continue // Highcharts leaves a hidden slice out of the pie and its shares
			}
			if n, ok := v["name"]; ok && n != nil {
				p.name = text(n)
			}
			p.y = numeric1(v["y"])
			if c, ok := color(v["color"]); ok {
				p.color = c
			}
			t.pointKeys(v, "name", "y", "color", "visible", "dataLabels")
		default:
			return refuse("series %d has a pie point that is %s", s.index+1, kind(el))
		}
		if y, ok := p.y.(float64); ok && y > 0 {
			total += y
		}
		pts = append(pts, p)
	}
	data := make([]any, len(pts))
	for i, p := range pts {
		if p.color == nil {
			p.color = paletteColor(t.opt, p.index)
		}
		item := map[string]any{"name": p.name, "value": p.y}
		if p.y == nil {
			item["value"] = "-"
		}
		if p.color != nil {
			item["itemStyle"] = map[string]any{"color": p.color}
		}
		if labels != nil {
			pct := 0.0
			if y, ok := p.y.(float64); ok && total > 0 {
				pct = y / total * 100
			}
			item["label"] = labels.at(s, p, map[string]any{"percentage": pct, "total": total})
		}
		if err := t.spend(len(p.name) + labelBytes(item)); err != nil {
			return err
		}
		data[i] = item
		if inLegend {
			t.legend = append(t.legend, p.name)
		}
	}
	out["data"] = data
	if labels != nil {
		out["label"] = map[string]any{"show": true}
	} else {
		out["label"] = map[string]any{"show": false}
	}
	// Highcharts' size is the pie's diameter (a share of the plot's
	// smaller side, or pixels) and innerSize the hole's (a share of the
	// pie, or pixels); an ECharts radius is a share of half the smaller
	// side, or pixels.
	outerPct, outerPx := 75.0, 0.0
	if v, ok := s.opt("size"); ok && v != nil {
		outerPct, outerPx = size(v)
	}
	var outer any = numberText(outerPct) + "%"
	if outerPct == 0 {
		outer = outerPx / 2
	}
	var inner any = 0
	if v, ok := s.opt("innerSize"); ok && v != nil {
		pct, px := size(v)
		switch {
		case pct != 0 && outerPct != 0:
			inner = numberText(outerPct*pct/100) + "%"
		case pct != 0:
			inner = outerPx * pct / 200
		default:
			inner = px / 2
		}
	}
	out["radius"] = []any{inner, outer}
	if v, path, ok := s.peekOpt("center"); ok {
		if c, ok := v.([]any); ok && len(c) == 2 {
			x, okX := position(c[0])
			y, okY := position(c[1])
			if okX && okY {
				out["center"] = []any{x, y}
				t.r.mark(path)
			}
		}
	}
	// Highcharts measures angles clockwise from the top; ECharts
	// counter-clockwise from three o'clock.
	start := 0.0
	if v, ok := s.numberOpt("startAngle"); ok {
		start = v
	}
	out["startAngle"] = 90 - start
	if v, ok := s.numberOpt("endAngle"); ok {
		out["endAngle"] = 90 - v
	}
	t.series = append(t.series, out)
	return nil
}

// size reads a Highcharts size: a percentage ("60%"), else pixels (0
// for anything else, which draws the default).
func size(v any) (pct, px float64) {
	if s, ok := v.(string); ok && strings.HasSuffix(s, "%") {
		if f, ok := finite(number(strings.TrimSuffix(s, "%"))); ok {
			return f, 0
		}
		return 75, 0
	}
	if f, ok := v.(float64); ok {
		return 0, f
	}
	return 75, 0
}

// position is a center coordinate: a percentage ("50%") or pixels.
func position(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		if f, ok := finite(number(strings.TrimSuffix(x, "%"))); ok && strings.HasSuffix(x, "%") {
			return numberText(f) + "%", true
		}
	case float64:
		return x, true
	}
	return nil, false
}
