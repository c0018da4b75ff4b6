package highcharts

// funnelSeries draws a funnel (a pyramid upside down): points [name, y]
// or objects, in the order given, widths by value.
func (t *translation) funnelSeries(s *src) error {
	raw, err := s.data()
	if err != nil {
		return err
	}
	out := map[string]any{"type": "funnel", "sort": "none", "top": 48, "bottom": 16, "left": "15%", "width": "70%"}
	t.note("Funnel and pyramid segments are drawn in their order with widths by value (Highcharts sizes their heights).")
	s.common(out, false)
	labels := s.labels()
	total := 0.0
	var pts []point
	for i, el := range raw {
		p := point{x: float64(i), index: i}
		switch v := el.(type) {
		case float64:
			p.y = v
		case []any:
			if len(v) != 2 {
				return refuse("series %d has a funnel point of %d values; Sightglass draws [name, value]", s.index+1, len(v))
			}
			p.name, p.y = text(v[0]), numeric1(v[1])
		case map[string]any:
			p.fields, p.y = v, numeric1(v["y"])
			if n, ok := v["name"]; ok && n != nil {
				p.name = text(n)
			}
			if c, ok := color(v["color"]); ok {
				p.color = c
			}
			t.pointKeys(v, "name", "y", "color", "dataLabels")
		case nil:
		default:
			return refuse("series %d has a funnel point that is %s", s.index+1, kind(el))
		}
		if y, ok := p.y.(float64); ok {
			total += y
		}
		pts = append(pts, p)
	}
	var data []any
	for _, p := range pts {
		if p.color == nil {
			p.color = paletteColor(t.opt, p.index)
		}
		item := map[string]any{"name": p.name, "value": p.y, "itemStyle": map[string]any{"color": p.color}}
		if labels != nil {
			pct := 0.0
			if y, ok := p.y.(float64); ok && total != 0 {
				pct = y / total * 100
			}
			item["label"] = labels.at(s, p, map[string]any{"percentage": pct})
		}
		if err := t.spend(len(p.name) + labelBytes(item)); err != nil {
			return err
		}
		data = append(data, item)
	}
	out["data"] = data
	out["label"] = map[string]any{"show": labels != nil, "position": "inside"}
	t.series = append(t.series, out)
	return nil
}

// sankeySeries draws a Sankey diagram: links [from, to, weight] (in the
// order keys names, ["from", "to", "weight"] by default) or objects with
// from, to, weight; nodes named by the links. A cycle is refused: ECharts
// draws only diagrams without one.
func (t *translation) sankeySeries(s *src) error {
	raw, err := s.data()
	if err != nil {
		return err
	}
	keys := []string{"from", "to", "weight"}
	if v, ok := s.opt("keys"); ok {
		ks, ok := v.([]any)
		if !ok {
			return refuse("series %d's keys is %s, not an array", s.index+1, kind(v))
		}
		keys = nil
		for _, k := range ks {
			keys = append(keys, text(k))
		}
	}
	var nodes []any
	seen := map[string]bool{}
	node := func(name string) {
		if !seen[name] {
			seen[name] = true
			nodes = append(nodes, map[string]any{"name": name})
		}
	}
	next := map[string][]string{}
	var links []any
	for _, el := range raw {
		link := map[string]any{}
		switch v := el.(type) {
		case []any:
			for i, k := range keys {
				if i < len(v) {
					link[k] = v[i]
				}
			}
		case map[string]any:
			link = v
			t.pointKeys(v, "from", "to", "weight")
		default:
			return refuse("series %d has a Sankey link that is %s", s.index+1, kind(el))
		}
		from, to := link["from"], link["to"]
		if from == nil || to == nil {
			return refuse("series %d has a Sankey link without from or to", s.index+1)
		}
		f, tt := text(from), text(to)
		node(f)
		node(tt)
		next[f] = append(next[f], tt)
		links = append(links, map[string]any{"source": f, "target": tt, "value": numeric1(link["weight"])})
		if err := t.spend(len(f) + len(tt)); err != nil {
			return err
		}
	}
	if c := cycle(next); c != "" {
		return refuse("series %d's links go round in a cycle through %q, which Sightglass does not draw", s.index+1, brief(c))
	}
	out := map[string]any{"type": "sankey", "data": nodes, "links": links, "emphasis": map[string]any{"focus": "adjacency"}, "lineStyle": map[string]any{"color": "gradient", "curveness": 0.5}}
	s.common(out, false)
	t.series = append(t.series, out)
	return nil
}

// cycle returns a node on a cycle of the links, "" when there is none.
func cycle(next map[string][]string) string {
	const (
		fresh = iota
		open
		done
	)
	state := map[string]int{}
	var found string
	var visit func(n string) bool
	visit = func(n string) bool {
		state[n] = open
		for _, m := range next[n] {
			switch state[m] {
			case open:
				found = m
				return true
			case fresh:
				if visit(m) {
					return true
				}
			}
		}
		state[n] = done
		return false
	}
	for n := range next {
		if state[n] == fresh && visit(n) {
			return found
		}
	}
	return ""
}
