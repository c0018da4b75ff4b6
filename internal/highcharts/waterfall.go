package highcharts

// waterfallSeries draws a waterfall as ECharts draws one: an invisible bar
// up to where each step starts and a visible bar for the step, stacked.
// A point with isSum is the total of every point before it, one with
// isIntermediateSum the total since the last such point, as Highcharts
// computes them (their own y is not read); positive steps take upColor
// when the series has one. Labels and tooltips say each point's value.
func (t *translation) waterfallSeries(s *src) error {
	if t.inverted {
		return refuse("inverted waterfalls are not drawn by Sightglass (series %d)", s.index+1)
	}
	xa, xi, err := t.axisAt(t.xAxes, nil)
	if err != nil {
		return err
	}
	_, yi, err := t.axisAt(t.yAxes, s.m["yAxis"])
	if err != nil {
		return err
	}
	if s.m["yAxis"] != nil {
		t.r.mark("series[].yAxis")
	}
	raw, err := s.data()
	if err != nil {
		return err
	}
	own := s.color()
	if own == nil {
		own = t.seriesColor()
	}
	up := own
	if c, path, ok := s.peekOpt("upColor"); ok {
		if cc, ok := color(c); ok {
			up = cc
			t.r.mark(path)
		}
	}
	labels := s.labels()
	level, since := 0.0, 0.0 // the running total; the total at the last intermediate sum
	var bases, steps []any
	for i, el := range raw {
		p, err := readPoint(el, i, s, xa, float64(i))
		if err != nil {
			return err
		}
		var from, to float64
		switch {
		case p.fields != nil && truthy(p.fields["isSum"]):
			from, to = 0, level
			p.y = level
		case p.fields != nil && truthy(p.fields["isIntermediateSum"]):
			from, to = since, level
			p.y = level - since
			since = level
		default:
			y, ok := p.y.(float64)
			if !ok {
				y = 0
			}
			from, to = level, level+y
			level = to
		}
		if p.fields != nil {
			t.pointKeys(p.fields, "x", "y", "name", "color", "isSum", "isIntermediateSum", "dataLabels")
		}
		lo, hi := min(from, to), max(from, to)
		fill := own
		if to >= from && up != nil {
			fill = up
		}
		if p.color != nil {
			fill = p.color
		}
		tip := s.name() + ": " + formatted(p.y, ",")
		if p.name != "" {
			tip = p.name + "\n" + tip
		}
		step := map[string]any{"value": []any{p.x, hi - lo}, "itemStyle": map[string]any{"color": fill},
			"tooltip": map[string]any{"formatter": escapeTemplate(tip)}}
		if labels != nil {
			step["label"] = labels.at(s, p, nil)
		}
		if err := t.spend(len(tip) + labelBytes(step)); err != nil {
			return err
		}
		bases = append(bases, map[string]any{"value": []any{p.x, lo}})
		steps = append(steps, step)
	}
	key := "waterfall-" + itoa(s.index)
	base := map[string]any{"type": "bar", "stack": key, "xAxisIndex": xi, "yAxisIndex": yi, "data": bases, "silent": true,
		"itemStyle": map[string]any{"color": "transparent"}, "tooltip": map[string]any{"show": false}, "encode": map[string]any{"x": 0, "y": 1}}
	out := map[string]any{"type": "bar", "stack": key, "xAxisIndex": xi, "yAxisIndex": yi, "data": steps, "encode": map[string]any{"x": 0, "y": 1}}
	s.common(out, true)
	base["name"] = s.name() + " (base)"
	if labels != nil {
		out["label"] = map[string]any{"show": true, "position": "top"}
	}
	t.series = append(t.series, base, out)
	return nil
}
