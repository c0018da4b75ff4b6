package highcharts

// gaugeSeries draws a solid gauge (a filled arc up to the value) or a
// gauge (a needle) on the series' y axis: its min and max (0 and 100
// when not given) and the pane's start and end angles (-90 and 90 for a
// solid gauge, -150 and 150 for a needle, as in Highcharts' demos).
func (t *translation) gaugeSeries(s *src) error {
	raw, err := s.data()
	if err != nil {
		return err
	}
	yv, _ := s.t.r.get(s.m, "yAxis", "series[].yAxis")
	ya, _, err := t.axisAt(t.yAxes, yv)
	if err != nil {
		return err
	}
	ya.used = false // the gauge draws its own scale
	lo, hi := 0.0, 100.0
	if v, ok := t.num(ya.src, "min", ya.path+".min"); ok {
		lo = v
	}
	if v, ok := t.num(ya.src, "max", ya.path+".max"); ok {
		hi = v
	}
	solid := s.typ == "solidgauge"
	start, end := -150.0, 150.0
	if solid {
		start, end = -90, 90
	}
	pane := object(t.r.root["pane"])
	if v, ok := t.num(pane, "startAngle", "pane.startAngle"); ok {
		start = v
	}
	if v, ok := t.num(pane, "endAngle", "pane.endAngle"); ok {
		end = v
	}
	labels := s.labels()
	var data []any
	for i, el := range raw {
		p := point{x: float64(i)}
		switch v := el.(type) {
		case nil:
		case float64:
			p.y = v
		case map[string]any:
			p.fields, p.y = v, numeric1(v["y"])
			if c, ok := color(v["color"]); ok {
				p.color = c
			}
			t.pointKeys(v, "y", "color", "dataLabels")
		default:
			return refuse("series %d has a gauge point that is %s", s.index+1, kind(el))
		}
		item := map[string]any{"value": p.y, "name": s.name()}
		if p.y == nil {
			item["value"] = "-"
		}
		if p.color != nil {
			item["itemStyle"] = map[string]any{"color": p.color}
		}
		detail := map[string]any{"show": false}
		if labels != nil {
			lbl := labels.at(s, p, nil)
			detail = map[string]any{"show": true, "formatter": lbl["formatter"], "offsetCenter": []any{0, "-10%"}, "fontSize": 24}
			if err := t.spend(labelBytes(map[string]any{"label": lbl})); err != nil {
				return err
			}
		}
		item["detail"] = detail
		data = append(data, item)
	}
	out := map[string]any{
		"type": "gauge", "min": lo, "max": hi,
		"startAngle": 90 - start, "endAngle": 90 - end,
		"data": data, "title": map[string]any{"show": false},
	}
	s.common(out, false)
	c := s.color()
	if c == nil {
		c = t.seriesColor()
	}
	if c != nil {
		out["itemStyle"] = map[string]any{"color": c}
	}
	if solid {
		out["progress"] = map[string]any{"show": true, "width": 24}
		out["pointer"] = map[string]any{"show": false}
		out["axisLine"] = map[string]any{"lineStyle": map[string]any{"width": 24}}
		out["axisTick"] = map[string]any{"show": false}
		out["splitLine"] = map[string]any{"show": false}
		out["axisLabel"] = map[string]any{"show": false}
	}
	t.series = append(t.series, out)
	return nil
}
