package viewer

import (
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// planSankey fills a Sankey diagram's plan: a flow per source and
// destination pair, as wide as its weight (a count of records without
// one), heaviest first unless WeightSort says otherwise. Items limits
// (which keep the top sources or destinations) are refused by name.
func (p *plan) planSankey(c *definition.SankeyDiagramChartConfiguration) bool {
	if c == nil || c.FieldWells == nil || c.FieldWells.SankeyDiagramAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.SankeyDiagramAggregatedFieldWells
	src, dst := dims(w.Source), dims(w.Destination)
	if len(src) == 0 || len(dst) == 0 {
		return false
	}
	p.category = []field{src[0], dst[0]}
	p.addMeasures(w.Weight, &p.values)
	if len(p.values) > 1 {
		p.values = p.values[:1]
	}
	p.countRecords()
	p.limit, p.maxRows = chartLimit+1, chartLimit
	if s := c.SortConfiguration; s != nil {
		p.sorts(s.WeightSort)
		if len(p.sort) < len(s.WeightSort) {
			p.refuse("WeightSort by a field the diagram does not show")
		}
		if s.SourceItemsLimit != nil && s.SourceItemsLimit.ItemsLimit != nil {
			p.refuse("SourceItemsLimit")
		}
		if s.DestinationItemsLimit != nil && s.DestinationItemsLimit.ItemsLimit != nil {
			p.refuse("DestinationItemsLimit")
		}
	}
	if len(p.sort) == 0 {
		p.sort = []query.Sort{{ID: p.values[0].id, Descending: true}}
	}
	return true
}

// sankeyOption draws the flows: a node per source value on the left and
// per destination value on the right (a value on both sides is two
// nodes, the right one's name ending in a zero-width space, so no flow
// loops), a link per row with a weight.
func sankeyOption(p *plan, res *Result) obj {
	var nodes []obj
	seen := map[string]bool{}
	node := func(name string) {
		if !seen[name] {
			seen[name] = true
			nodes = append(nodes, obj{"name": name})
		}
	}
	sources := map[string]bool{}
	for _, row := range res.Rows {
		sources[formatValue(row[0], res.Columns[0], granularity(p.category[0]))] = true
	}
	var links []obj
	for _, row := range res.Rows {
		v := chartValue(row[2])
		if v == nil {
			continue // no weight, no flow
		}
		s := formatValue(row[0], res.Columns[0], granularity(p.category[0]))
		d := formatValue(row[1], res.Columns[1], granularity(p.category[1]))
		if sources[d] {
			d += "\u200b"
		}
		node(s)
		node(d)
		links = append(links, obj{"source": s, "target": d, "value": v})
	}
	return obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"series": []obj{{"type": "sankey", "name": p.values[0].label, "data": nodes, "links": links,
			"left": 8, "right": 96, "top": 8, "bottom": 8, "nodeAlign": "justify",
			"emphasis": obj{"focus": "adjacency"}, "lineStyle": obj{"color": "gradient", "opacity": 0.4},
			"label": obj{"show": true, "formatter": "{b}"}}},
	}
}
