package viewer

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// planSankey fills a Sankey diagram's plan: a flow per source and
// destination pair, as wide as its weight (a count of records without
// one), heaviest first unless WeightSort says otherwise. Items limits keep
// the heaviest sources and destinations (sankeyLimits), or gather the rest
// of a side (or of both) into "Other" (sankeyLimit); one that does not say
// is refused by name.
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
		p.sankeySrc = p.sankeyLimit(s.SourceItemsLimit, "SourceItemsLimit", 0)
		p.sankeyDst = p.sankeyLimit(s.DestinationItemsLimit, "DestinationItemsLimit", 1)
		if why := p.nonAdditive(); why != "" {
			p.askSankey(why)
		}
	}
	if len(p.sort) == 0 {
		p.sort = []query.Sort{{ID: p.values[0].id, Descending: true}}
	}
	return true
}

// sankeyLimit returns an items limit's number of nodes kept from the
// answer (0: all). With OtherCategories INCLUDE the rest of that side
// (side 0 the sources, 1 the destinations) is one "Other" node, asked of
// the data (otherask.go): the side's nodes ranked by their weight alone,
// the flows of the rest computed from its rows. Unset is read as EXCLUDE,
// as the other items limits read it, and said in a note
// (e2e/testdata/realdefs/NOTES.md).
func (p *plan) sankeyLimit(l *definition.ItemsLimitConfiguration, name string, side int) int {
	if l == nil || l.ItemsLimit == nil {
		return 0
	}
	if *l.ItemsLimit < 1 || *l.ItemsLimit > chartLimit {
		p.refuse(name + " outside 1–500")
		return 0
	}
	switch l.OtherCategories {
	case "":
		// Unset is read as every other items limit reads it: EXCLUDE;
		// the tile says so.
		p.styleNotes = append(p.styleNotes, name+" without OtherCategories: the heaviest "+strconv.FormatInt(*l.ItemsLimit, 10)+" are drawn and the rest left out, as with EXCLUDE.")
		return int(*l.ItemsLimit)
	case "EXCLUDE":
		return int(*l.ItemsLimit)
	case "INCLUDE":
		a := &askedLimit{n: int(*l.ItemsLimit), other: true, dim: side, rank: []query.Sort{{ID: p.values[0].id, Descending: true}}}
		p.askAxis(a, name+" with OtherCategories INCLUDE")
		return 0
	}
	p.refuse(name + " with OtherCategories " + orUnset(l.OtherCategories))
	return 0
}

// askSankey moves the limits kept from the answer to ones asked of the
// data when the weight (named by why) does not add up (an average's total
// over a node is not the sum of its flows' averages): each side's nodes
// ranked by their weight alone, next to the other side's limit
// (otherask.go). False when one is refused by name.
func (p *plan) askSankey(why string) bool {
	ok := true
	for side, n := range []int{p.sankeySrc, p.sankeyDst} {
		if n > 0 {
			ok = p.askAxis(&askedLimit{n: n, dim: side, rank: []query.Sort{{ID: p.values[0].id, Descending: true}}}, "an items limit ranked by "+why) && ok
		}
	}
	p.sankeySrc, p.sankeyDst = 0, 0
	return ok
}

func orUnset(s string) string {
	if s == "" {
		return "unset"
	}
	return s
}

// sankeyLimits keeps the flows between the heaviest sources and the
// heaviest destinations (by total weight over the whole result; ties by
// name).
func sankeyLimits(p *plan, res *Result) *Result {
	if p.sankeySrc == 0 && p.sankeyDst == 0 {
		return res
	}
	top := func(col, n int) map[string]bool {
		if n == 0 {
			return nil
		}
		total := map[string]float64{}
		for _, row := range res.Rows {
			if v, ok := number(row[2]); ok {
				total[fmt.Sprint(row[col])] += v
			}
		}
		names := make([]string, 0, len(total))
		for k := range total {
			names = append(names, k)
		}
		sort.Slice(names, func(i, j int) bool {
			if total[names[i]] != total[names[j]] {
				return total[names[i]] > total[names[j]]
			}
			return names[i] < names[j]
		})
		keep := map[string]bool{}
		for _, k := range names[:min(n, len(names))] {
			keep[k] = true
		}
		return keep
	}
	srcs, dsts := top(0, p.sankeySrc), top(1, p.sankeyDst)
	out := &Result{Columns: res.Columns}
	for _, row := range res.Rows {
		if (srcs == nil || srcs[fmt.Sprint(row[0])]) && (dsts == nil || dsts[fmt.Sprint(row[1])]) {
			out.Rows = append(out.Rows, row)
		}
	}
	return out
}

// sankeyOption draws the flows: a node per source value on the left and
// per destination value on the right (a value on both sides is two
// nodes, the right one's name ending in a zero-width space, so no flow
// loops), a link per row with a weight.
func sankeyOption(p *plan, res *Result) obj {
	res = sankeyLimits(p, res)
	// A node's value is the weight through it (a source's flows out, a
	// destination's flows in): its tooltip and the chart's accessible
	// description say it.
	var names []string
	through := map[string]float64{}
	node := func(name string, w float64) {
		if _, ok := through[name]; !ok {
			names = append(names, name)
		}
		through[name] += w
	}
	sources := map[string]bool{}
	for _, row := range res.Rows {
		sources[fieldText(row[0], res.Columns[0], p.category[0])] = true
	}
	var links []obj
	for _, row := range res.Rows {
		v := chartValue(row[2])
		if v == nil {
			continue // no weight, no flow
		}
		s := fieldText(row[0], res.Columns[0], p.category[0])
		d := fieldText(row[1], res.Columns[1], p.category[1])
		if sources[d] {
			d += "\u200b"
		}
		w, _ := number(row[2])
		node(s, w)
		node(d, w)
		links = append(links, obj{"source": s, "target": d, "value": v})
	}
	nodes := make([]obj, len(names))
	for i, name := range names {
		nodes[i] = obj{"name": name, "value": round2(through[name])}
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
