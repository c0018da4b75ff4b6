package highcharts

// treemapSeries draws a treemap: points {id, name, parent, value, color}
// nested by parent, a node sized by its own value when it has one (else
// its children's sum) and left out, with its children, when that is not
// positive, as Highcharts sizes them; every node in its own color, else
// its parent's, else the series' (Highcharts' default); squarified as
// ECharts lays treemaps out (Highcharts' other layouts are said in a
// note). A parent that is not a point's, a cycle, or a tree deeper than
// maxTreeDepth is refused.
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
	// Every point must reach a root within maxTreeDepth: a parent chain
	// that loops does not. Each node's depth is found once.
	depth := map[*node]int{}
	var depthOf func(n *node, seen int) (int, error)
	depthOf = func(n *node, seen int) (int, error) {
		if d, ok := depth[n]; ok {
			if d < 0 {
				return 0, refuse("series %d's treemap parents go round in a cycle", s.index+1)
			}
			return d, nil
		}
		if seen > maxTreeDepth {
			return 0, refuse("series %d's treemap is more than %d levels deep", s.index+1, maxTreeDepth)
		}
		depth[n] = -1 // on the way up
		d := 0
		if n.parent != "" {
			up, err := depthOf(byID[n.parent], seen+1)
			if err != nil {
				return 0, err
			}
			d = up + 1
		}
		if d > maxTreeDepth {
			return 0, refuse("series %d's treemap is more than %d levels deep", s.index+1, maxTreeDepth)
		}
		depth[n] = d
		return d, nil
	}
	for _, n := range order {
		if _, err := depthOf(n, 0); err != nil {
			return err
		}
	}
	for _, n := range order {
		if len(n.children) > 0 {
			n.item["children"] = n.children
		}
	}
	seriesColor := s.color()
	if seriesColor == nil {
		seriesColor = t.seriesColor()
	}
	roots = sized(roots, seriesColor)
	if v, ok := s.opt("layoutAlgorithm"); !ok || text(v) != "squarified" {
		t.note("Treemaps are drawn squarified (this one's Highcharts layout is " + layoutName(v, ok) + ").")
	}
	out := map[string]any{"type": "treemap", "data": roots, "roam": false, "nodeClick": false,
		"breadcrumb": map[string]any{"show": false}, "label": map[string]any{"show": true, "formatter": "{b}"}}
	s.common(out, false)
	t.series = append(t.series, out)
	return nil
}

// maxTreeDepth bounds a treemap's levels.
const maxTreeDepth = 64

// sized keeps the nodes Highcharts draws: sized by their own value, else
// their children's sum, and positive; each in its own color, else its
// parent's.
func sized(items []any, inherited any) []any {
	var out []any
	for _, it := range items {
		m := it.(map[string]any)
		c := inherited
		if st, ok := m["itemStyle"].(map[string]any); ok && st["color"] != nil {
			c = st["color"]
		} else if c != nil {
			m["itemStyle"] = map[string]any{"color": c}
		}
		kids, _ := m["children"].([]any)
		if kids != nil {
			kids = sized(kids, c)
			m["children"] = kids
			if len(kids) == 0 {
				delete(m, "children")
			}
		}
		v, has := m["value"].(float64)
		if !has {
			v = 0
			for _, k := range kids {
				v += k.(map[string]any)["value"].(float64)
			}
			m["value"] = v
		}
		if v <= 0 {
			continue
		}
		out = append(out, m)
	}
	return out
}

// layoutName is a treemap's Highcharts layout as the note names it.
func layoutName(v any, set bool) string {
	if !set {
		return "sliceAndDice, its default"
	}
	return brief(v)
}
