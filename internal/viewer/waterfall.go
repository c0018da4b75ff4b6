package viewer

import (
	"html"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Waterfall colors: steps up, steps down, and the total.
const (
	waterfallUp    = "#2E7D32"
	waterfallDown  = "#C62828"
	waterfallTotal = "#1565C0"
)

// planWaterfall fills a waterfall's plan: its steps are the categories
// (or, without categories, the breakdowns), each the change of the value
// (a count of records without one), followed by a total. Without either,
// each of its Values is a step (p.measureSteps): the question has no
// dimension and answers one row. Several Values with categories or
// breakdowns are refused by name.
func (p *plan) planWaterfall(c *definition.WaterfallChartConfiguration) bool {
	if c == nil || c.FieldWells == nil || c.FieldWells.WaterfallChartAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.WaterfallChartAggregatedFieldWells
	cats, breakdowns := dims(w.Categories), dims(w.Breakdowns)
	p.addMeasures(w.Values, &p.values)
	switch {
	case len(cats) > 0 && len(breakdowns) > 0:
		p.category = cats[:1]
		p.refuse("Breakdowns together with Categories")
	case len(cats) > 0:
		p.category = cats[:1]
	case len(breakdowns) > 0:
		p.category = breakdowns[:1]
	case len(p.values) == 0:
		return false
	default:
		p.measureSteps = true
	}
	if len(p.values) > 1 && !p.measureSteps {
		p.refuse("several Values with Categories or Breakdowns")
	}
	p.countRecords()
	p.limit, p.maxRows = chartLimit+1, chartLimit
	if s := c.SortConfiguration; s != nil && !p.measureSteps {
		p.sorts(s.CategorySort)
		if len(p.sort) < len(s.CategorySort) {
			p.refuse("CategorySort by a field the waterfall does not show")
		}
		if len(cats) == 0 {
			p.otherItems("BreakdownItemsLimit", s.BreakdownItemsLimit, false)
		} else if limited(s.BreakdownItemsLimit) {
			p.refuse("BreakdownItemsLimit")
		}
	}
	if len(p.sort) == 0 && !p.measureSteps {
		p.sort = []query.Sort{{ID: p.category[0].id}}
	}
	p.totalLabel = "Total"
	if o := c.WaterfallChartOptions; o != nil && o.TotalBarLabel != "" {
		p.totalLabel = o.TotalBarLabel
	}
	return true
}

// waterfallSteps are a waterfall's steps: each category's value or, with
// measureSteps, each measure of the one row, named by its label.
func waterfallSteps(p *plan, res *Result) (names []string, values []float64, fields []field) {
	if p.measureSteps {
		if len(res.Rows) == 0 {
			return nil, nil, nil
		}
		for k, f := range p.values {
			v, ok := number(res.Rows[0][k])
			if !ok {
				v = 0
			}
			names, values, fields = append(names, f.label), append(values, v), append(fields, f)
		}
		return names, values, fields
	}
	for _, row := range res.Rows {
		v, ok := number(row[1])
		if !ok {
			v = 0
		}
		names, values, fields = append(names, fieldText(row[0], res.Columns[0], p.category[0])), append(values, v), append(fields, p.values[0])
	}
	return names, values, fields
}

// waterfallOption builds a waterfall as three stacked bar series: an
// invisible base, the visible part above zero and the visible part below,
// so that a step may float anywhere and cross zero. Each step spans from
// the running total before it to the running total after; the total bar
// spans from zero.
func waterfallOption(p *plan, res *Result) obj {
	var cats []string
	var base, above, below []any
	names, values, fields := waterfallSteps(p, res)
	labelled := len(names)+1 <= maxLabelled
	running := 0.0
	bar := func(name string, lo, hi float64, color, label string) {
		var b, a, d any = 0.0, nil, nil
		switch {
		case lo >= 0:
			b, a = lo, round2(hi-lo)
		case hi <= 0:
			b, d = hi, round2(lo-hi)
		default:
			a, d = hi, lo
		}
		item := func(v any, show bool) any {
			if v == nil {
				return nil
			}
			// The tooltip names the whole step, not the part drawn.
			// ECharts writes a string formatter into the tooltip as HTML.
			it := obj{"value": v, "itemStyle": obj{"color": color}, "tooltip": obj{"formatter": html.EscapeString(name + ": " + label)}}
			if show && labelled {
				it["label"] = obj{"show": true, "formatter": label, "position": "top"}
				if color == waterfallDown || (hi <= 0 && color == waterfallTotal) {
					it["label"] = obj{"show": true, "formatter": label, "position": "bottom"}
				}
			}
			return it
		}
		up := color == waterfallUp || (color == waterfallTotal && hi > 0)
		base, above, below = append(base, b), append(above, item(a, up || d == nil)), append(below, item(d, !up || a == nil))
	}
	for i, name := range names {
		cats = append(cats, name)
		v := values[i]
		next := running + v
		color := waterfallUp
		if v < 0 {
			color = waterfallDown
		}
		bar(name, round2(min(running, next)), round2(max(running, next)), color, fields[i].numberText(v))
		running = next
	}
	cats = append(cats, p.totalLabel)
	bar(p.totalLabel, round2(min(0, running)), round2(max(0, running)), waterfallTotal, p.values[0].numberText(running))
	stacked := func(name string, data []any) obj {
		return obj{"type": "bar", "name": name, "stack": "waterfall", "data": data, "barCategoryGap": "20%"}
	}
	b := stacked("base", base)
	b["itemStyle"], b["silent"], b["tooltip"] = obj{"color": "transparent"}, true, obj{"show": false}
	label := obj{"hideOverlap": true}
	if len(cats) <= maxLabelled {
		label = obj{"interval": 0}
	}
	valueAxis := obj{"type": "value"}
	if f := p.values[0].format; f != nil {
		valueAxis[chartNumberFormat] = f
	}
	return obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"grid":      obj{"containLabel": true, "left": 8, "right": 16, "top": 24, "bottom": 8},
		"xAxis":     obj{"type": "category", "data": cats, "axisLabel": label},
		"yAxis":     valueAxis,
		"series":    []obj{b, stacked(p.values[0].label, above), stacked(p.values[0].label+" ", below)},
	}
}
