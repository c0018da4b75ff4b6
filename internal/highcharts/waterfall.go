package highcharts

import "strconv"

// waterfallSeries draws a waterfall as ECharts draws one: an invisible bar
// up to where each step starts and a visible bar for the step, stacked
// whatever their signs. A point with isSum is the total of every point
// before it, one with isIntermediateSum the total since the last such
// point, as Highcharts computes them (their own y is not read, the sums
// rounded to 14 digits as Highcharts rounds them); a positive point takes
// upColor when the series has one. The step's tooltip and labels say the
// point's signed value.
func (t *translation) waterfallSeries(s *src) error {
	if t.inverted {
		return refuse("inverted waterfalls are not drawn by Sightglass (series %d)", s.index+1)
	}
	for _, k := range []string{"stacking", "threshold"} {
		if v, ok := s.opt(k); ok && v != nil && v != "" && v != 0.0 {
			return refuse("series option %s of a waterfall is not drawn by Sightglass (series %d)", k, s.index+1)
		}
	}
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
	seen := map[any]bool{}
	level, since := 0.0, 0.0 // the running total; the total at the last intermediate sum
	var bases, steps []any
	for i, el := range raw {
		p, err := readPoint(el, i, s, xa, start+float64(i)*interval)
		if err != nil {
			return err
		}
		var from, to float64
		switch {
		case p.fields != nil && truthy(p.fields["isSum"]):
			from, to = 0, level
			p.y = correctFloat(level)
		case p.fields != nil && truthy(p.fields["isIntermediateSum"]):
			from, to = since, level
			p.y = correctFloat(level - since)
			since = level
		default:
			y, ok := p.y.(float64)
			if !ok { // a null point: nothing drawn, 0 in the sums
				bases = append(bases, map[string]any{"value": []any{p.x, "-"}})
				steps = append(steps, map[string]any{"value": []any{p.x, "-", "-"}})
				continue
			}
			from, to = level, level+y
			level = to
		}
		if p.fields != nil {
			t.pointKeys(p.fields, "x", "y", "name", "color", "isSum", "isIntermediateSum", "dataLabels", "marker")
		}
		if xa.kind == "category" {
			if seen[p.x] { // ECharts stacks a category's points on each other
				return refuse("series %d has two waterfall points at one category", s.index+1)
			}
			seen[p.x] = true
		}
		lo, hi := min(from, to), max(from, to)
		fill := own
		if y, _ := p.y.(float64); y > 0 && up != nil {
			fill = up
		}
		if p.color != nil {
			fill = p.color
		}
		step := map[string]any{"value": []any{p.x, hi - lo, p.y}, "itemStyle": map[string]any{"color": fill}}
		if p.name != "" {
			step["name"] = p.name
		}
		if labels != nil {
			step["label"] = labels.at(s, p, nil)
		}
		pointOptions(s, p, step)
		if err := t.spend(len(p.name) + labelBytes(step)); err != nil {
			return err
		}
		bases = append(bases, map[string]any{"value": []any{p.x, lo}})
		steps = append(steps, step)
	}
	key := "waterfall-" + strconv.Itoa(s.index)
	// The step's tooltip writes dimension 2, the point's signed value.
	base := map[string]any{"type": "bar", "stack": key, "stackStrategy": "all", "xAxisIndex": xi, "yAxisIndex": yi, "data": bases,
		"silent": true, "itemStyle": map[string]any{"color": "transparent"}, "tooltip": map[string]any{"show": false}, "encode": map[string]any{"x": 0, "y": 1}}
	out := map[string]any{"type": "bar", "stack": key, "stackStrategy": "all", "xAxisIndex": xi, "yAxisIndex": yi, "data": steps,
		"encode": map[string]any{"x": 0, "y": 1, "tooltip": []any{2}}}
	s.common(out, true)
	base["name"] = s.name() // the legend hides and shows both
	if labels != nil {
		out["label"] = map[string]any{"show": true, "position": "inside"}
	}
	t.host(xa, out)
	t.host(ya, out)
	t.series = append(t.series, base, out)
	return nil
}

// correctFloat rounds a sum to 14 significant digits, as Highcharts does
// (0.1 + 0.2 reads 0.3).
func correctFloat(f float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 14, 64), 64)
	if err != nil {
		return f
	}
	return r
}
