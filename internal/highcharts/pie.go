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
		p := point{x: float64(i), name: "Slice"}
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
			if n, ok := v["name"]; ok && n != nil {
				p.name = text(n)
			}
			p.y = numeric1(v["y"])
			if c, ok := v["color"].(string); ok {
				p.color = c
			}
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
			p.color = t.nextColor()
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
	var outer any = "75%"
	if v, ok := s.opt("size"); ok && v != nil {
		outer = radius(v)
	}
	var inner any = "0%"
	if v, ok := s.opt("innerSize"); ok && v != nil {
		inner = radius(v)
	}
	out["radius"] = []any{inner, outer}
	if v, ok := s.opt("center"); ok {
		if c, ok := v.([]any); ok && len(c) == 2 {
			out["center"] = []any{position(c[0]), position(c[1])}
		}
	}
	// Highcharts measures angles clockwise from the top; ECharts
	// counter-clockwise from three o'clock.
	start := 0.0
	if v, ok := s.opt("startAngle"); ok {
		start = number(v)
	}
	out["startAngle"] = 90 - start
	if v, ok := s.opt("endAngle"); ok && v != nil {
		out["endAngle"] = 90 - number(v)
	}
	t.series = append(t.series, out)
	return nil
}

// radius turns a Highcharts size ("60%" of the plot, or pixels) into an
// ECharts radius (a share of the smaller side: half of Highcharts' size).
func radius(v any) any {
	if s, ok := v.(string); ok && strings.HasSuffix(s, "%") {
		f := number(strings.TrimSuffix(s, "%"))
		return numberText(f/2) + "%"
	}
	return number(v) / 2
}

// position is a center coordinate: a percentage string or pixels.
func position(v any) any {
	if s, ok := v.(string); ok {
		return s
	}
	return number(v)
}
