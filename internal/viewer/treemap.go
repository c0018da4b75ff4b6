package viewer

import (
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// planTreeMap fills a tree map's plan: one group as the category, its
// size (a count of records without one) and an optional color measure.
func (p *plan) planTreeMap(c *definition.TreeMapConfiguration) bool {
	if c == nil || c.FieldWells == nil || c.FieldWells.TreeMapAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.TreeMapAggregatedFieldWells
	p.category = dims(w.Groups)
	if len(p.category) == 0 {
		return false
	}
	p.category = p.category[:1]
	p.addMeasures(w.Sizes, &p.values)
	if len(p.values) > 1 {
		p.values = p.values[:1]
	}
	p.countRecords()
	var colors []field
	p.addMeasures(w.Colors, &colors)
	if len(colors) > 0 {
		p.lineValues = colors[:1] // the color measure rides after the size
	}
	p.colorScale = c.ColorScale
	p.limit, p.maxRows = chartLimit+1, chartLimit
	if s := c.SortConfiguration; s != nil {
		p.sorts(s.TreeMapSort)
		if len(p.sort) < len(s.TreeMapSort) {
			p.refuse("TreeMapSort by a field the tree map does not show")
		}
		p.otherItems("TreeMapGroupItemsLimitConfiguration", s.TreeMapGroupItemsLimitConfiguration, false)
	}
	if len(p.sort) == 0 {
		// The largest groups first: an items limit keeps those.
		p.sort = []query.Sort{{ID: p.values[0].id, Descending: true}}
	}
	return true
}

// treeMapOption builds a tree map: a rectangle per group sized by the
// size measure, colored on a continuous scale by the color measure when
// there is one.
func treeMapOption(p *plan, res *Result) obj {
	colored := len(p.lineValues) > 0
	var data []obj
	lo, hi, first := 0.0, 0.0, true
	for _, row := range res.Rows {
		name := fieldText(row[0], res.Columns[0], p.category[0])
		size := chartValue(row[1])
		if !colored {
			data = append(data, obj{"name": name, "value": size})
			continue
		}
		color := chartValue(row[2])
		if f, ok := color.(float64); ok {
			if first || f < lo {
				lo = f
			}
			if first || f > hi {
				hi = f
			}
			first = false
		}
		data = append(data, obj{"name": name, "value": []any{size, color}})
	}
	s := obj{"type": "treemap", "name": p.values[0].label, "data": data, "roam": false, "nodeClick": false,
		"breadcrumb": obj{"show": false}, "width": "100%", "height": "100%", "top": 0, "left": 0,
		"label": obj{"show": true, "lineHeight": 15}, "upperLabel": obj{"show": false}}
	formatSeries(s, p.values[0])
	opt := obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"series":    []obj{s},
	}
	if colored {
		s["height"] = "85%"
		opt["visualMap"] = obj{"type": "continuous", "min": lo, "max": hi, "dimension": 1, "seriesIndex": 0,
			"orient": "horizontal", "left": "center", "bottom": 0, "itemHeight": 120, "text": []string{p.lineValues[0].numberText(hi), p.lineValues[0].numberText(lo)},
			"inRange": obj{"color": scaleColors(p.colorScale)}}
	}
	return opt
}

// scaleColors returns a ColorScale's colors, or a light-to-dark blue.
func scaleColors(cs *definition.ColorScale) []string {
	if cs == nil || len(cs.Colors) < 2 {
		return []string{"#DEEBF7", "#08519C"}
	}
	out := make([]string, len(cs.Colors))
	for i, c := range cs.Colors {
		out[i] = c.Color
	}
	return out
}
