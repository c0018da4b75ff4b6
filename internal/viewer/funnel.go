package viewer

import (
	"encoding/json"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// planFunnel fills a funnel's plan: one category and its value (a count
// of records without one), largest stage first unless sorted otherwise.
func (p *plan) planFunnel(c *definition.FunnelChartConfiguration) bool {
	if c == nil || c.FieldWells == nil || c.FieldWells.FunnelChartAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.FunnelChartAggregatedFieldWells
	p.category = dims(w.Category)
	if len(p.category) == 0 {
		return false
	}
	p.category = p.category[:1]
	p.addMeasures(w.Values, &p.values)
	if len(p.values) > 1 {
		p.values = p.values[:1]
	}
	p.countRecords()
	p.limit, p.maxRows = chartLimit+1, chartLimit
	var labels struct{ MeasureDataLabelStyle string }
	if json.Unmarshal(c.DataLabelOptions, &labels) == nil {
		p.funnelLabels = labels.MeasureDataLabelStyle
	}
	if s := c.SortConfiguration; s != nil {
		p.sorts(s.CategorySort)
		if len(p.sort) < len(s.CategorySort) {
			p.refuse("CategorySort by a field the funnel does not show")
		}
		p.otherItems("CategoryItemsLimit", s.CategoryItemsLimit, true)
	}
	if len(p.sort) == 0 {
		p.sort = []query.Sort{{ID: p.values[0].id, Descending: true}}
	}
	return true
}

// otherItems applies an items limit of a one-category chart: the other
// items are dropped, or (OtherCategories INCLUDE) gathered into "Other",
// asked of the data (otherask.go), where the chart draws one (other);
// elsewhere INCLUDE is refused by name.
func (p *plan) otherItems(member string, l *definition.ItemsLimitConfiguration, other bool) {
	if l == nil || l.ItemsLimit == nil {
		return
	}
	if *l.ItemsLimit < 1 || *l.ItemsLimit > chartLimit {
		p.refuse(member + " outside 1–500")
		return
	}
	if l.OtherCategories == "INCLUDE" && !other {
		p.refuse(member + " with OtherCategories INCLUDE")
		return
	}
	if l.OtherCategories == "INCLUDE" {
		p.askLimit(int(*l.ItemsLimit), true, member+" with OtherCategories INCLUDE")
		return
	}
	p.limit, p.maxRows = int(*l.ItemsLimit), 0
}

// funnelOption builds a funnel: a stage per category in the question's
// order, each labelled with its name and value.
//
// Its labels show each stage's share of the first stage or of the one
// before when its DataLabelOptions' MeasureDataLabelStyle asks
// (PERCENTAGE_BY_FIRST_STAGE, PERCENTAGE_BY_PREVIOUS_STAGE, or either
// with the value): the server gives each stage its share (sgPct) and the
// page writes the label.
func funnelOption(p *plan, res *Result) obj {
	var data []obj
	var first, prev float64
	for i, row := range res.Rows {
		item := obj{"name": fieldText(row[0], res.Columns[0], p.category[0]), "value": chartValue(row[1])}
		v, ok := number(row[1])
		base := prev
		if strings.Contains(p.funnelLabels, "FIRST_STAGE") {
			base = first
		}
		if i == 0 {
			first, base = v, v
		}
		if strings.Contains(p.funnelLabels, "PERCENTAGE") && ok && base != 0 {
			item[chartShare] = round2(v / base * 100)
		}
		prev = v
		data = append(data, item)
	}
	s := obj{"type": "funnel", "name": p.values[0].label, "data": data, "sort": "none", "gap": 2,
		"left": "10%", "width": "80%", "top": 8, "bottom": 8, "minSize": "4%",
		"label": obj{"show": true, "position": "inside"}, "labelLayout": obj{"hideOverlap": true}}
	formatSeries(s, p.values[0])
	if strings.Contains(p.funnelLabels, "PERCENTAGE") {
		s[chartLabelContent] = p.funnelLabels
	}
	return obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"series":    []obj{s},
	}
}
