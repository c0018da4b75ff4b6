package highcharts

// treemapSeries draws a treemap: points {id, name, parent, value, color}
// nested by parent (a parent's area is its children's, as Highcharts sums
// them), squarified as ECharts lays treemaps out (Highcharts' other
// layouts are said in a note); a parent that is not a point's, or a
// cycle, is refused.
func (t *translation) treemapSeries(s *src) error {
	raw, err := s.data()
	if err != nil {
		return err
	}
	type node struct {
		item     map[string]any
		parent   string
		children []any
	}
	byID := map[string]*node{}
	var order []*node
	for i, el := range raw {
		p := point{index: i}
		var id, parent string
		switch v := el.(type) {
		case float64:
			p.y = v
		case map[string]any:
			p.fields = v
			p.y = numeric1(v["value"])
			if n, ok := v["name"]; ok && n != nil {
				p.name = plain(short(text(n)))
			}
			if x, ok := v["id"]; ok && x != nil {
				id = text(x)
			}
			if x, ok := v["parent"]; ok && x != nil {
				parent = text(x)
			}
			if c, ok := color(v["color"]); ok {
				p.color = c
			}
			t.pointKeys(v, "id", "name", "parent", "value", "color")
		case nil:
			continue
		default:
			return refuse("series %d has a treemap point that is %s", s.index+1, kind(el))
		}
		if p.name == "" {
			p.name = id
		}
		item := map[string]any{"name": p.name}
		if p.y != nil {
			item["value"] = p.y
		}
		if p.color != nil {
			item["itemStyle"] = map[string]any{"color": p.color}
		}
		if err := t.spend(len(p.name)); err != nil {
			return err
		}
		n := &node{item: item, parent: parent}
		if id != "" {
			if _, dup := byID[id]; dup {
				return refuse("series %d has two treemap points with the id %q", s.index+1, brief(id))
			}
			byID[id] = n
		}
		order = append(order, n)
	}
	var roots []any
	for _, n := range order {
		if n.parent == "" {
			roots = append(roots, n.item)
			continue
		}
		up, ok := byID[n.parent]
		if !ok {
			return refuse("series %d has a treemap point whose parent %q is no point's id", s.index+1, brief(n.parent))
		}
		up.children = append(up.children, n.item)
	}
	// Every point must reach a root: a parent chain that loops does not.
	for _, n := range order {
		steps := 0
		for at := n; at.parent != ""; at = byID[at.parent] {
			if steps++; steps > len(order) {
				return refuse("series %d's treemap parents go round in a cycle", s.index+1)
			}
		}
	}
	for _, n := range order {
		if len(n.children) > 0 {
			n.item["children"] = n.children
			delete(n.item, "value") // its children's sum, as Highcharts draws it
		}
	}
	if v, ok := s.opt("layoutAlgorithm"); !ok || text(v) != "squarified" {
		t.note("Treemaps are drawn squarified (this one's Highcharts layout is " + layoutName(v, ok) + ").")
	}
	out := map[string]any{"type": "treemap", "data": roots, "roam": false, "nodeClick": false,
		"breadcrumb": map[string]any{"show": false}, "label": map[string]any{"show": true, "formatter": "{b}"}}
	s.common(out, false)
	t.series = append(t.series, out)
	return nil
}

// layoutName is a treemap's Highcharts layout as the note names it.
func layoutName(v any, set bool) string {
	if !set {
		return "sliceAndDice, its default"
	}
	return brief(v)
}
