package viewer

import (
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// boxPlot is the column a box plot describes per group.
type boxPlot struct {
	column string
}

// The five statistics of a box, in question order after the group.
var boxStats = []struct {
	id, label, agg string
	pct            float64
}{
	{"__box_min", "Minimum", query.Min, 0},
	{"__box_q1", "First quartile", query.Percentile, 25},
	{"__box_median", "Median", query.Median, 0},
	{"__box_q3", "Third quartile", query.Percentile, 75},
	{"__box_max", "Maximum", query.Max, 0},
}

// planBoxPlot fills a box plot's plan: per group (or over all rows
// without one), the minimum, quartiles, median and maximum of the rows'
// values of its numeric column, all computed in SQL (percentiles through
// the dialect's PERCENTILE_CONT or its window-function equivalent).
// Whiskers reach the minimum and maximum; drawn outliers and data points
// are refused by name.
func (p *plan) planBoxPlot(c *definition.BoxPlotChartConfiguration) bool {
	if c == nil || c.FieldWells == nil || c.FieldWells.BoxPlotAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.BoxPlotAggregatedFieldWells
	if len(w.Values) == 0 {
		return false
	}
	if len(w.Values) > 1 {
		p.refuse("more than one field in Values")
	}
	if len(w.GroupBy) > 1 {
		p.refuse("more than one field in GroupBy")
	}
	v := w.Values[0]
	if v.NumericalMeasureField == nil {
		p.refuse("a field in Values other than a numeric column (a box plot describes each row's value)")
		return true
	}
	col := v.NumericalMeasureField.Column
	if col == nil || col.ColumnName == "" {
		return false
	}
	if o := c.BoxPlotOptions; o != nil {
		if o.OutlierVisibility == "VISIBLE" {
			p.refuse("OutlierVisibility VISIBLE")
		}
		if o.AllDataPointsVisibility == "VISIBLE" {
			p.refuse("AllDataPointsVisibility VISIBLE")
		}
	}
	p.box = &boxPlot{column: col.ColumnName}
	p.category = dims(w.GroupBy)
	if len(p.category) > 1 {
		p.category = p.category[:1]
	}
	for _, s := range boxStats {
		p.values = append(p.values, field{id: s.id, label: s.label + " of " + col.ColumnName, dataSet: col.DataSetIdentifier,
			measure: &query.Measure{ID: s.id, Field: col.ColumnName, Aggregation: s.agg, Percentile: s.pct}})
	}
	p.limit, p.maxRows = chartLimit+1, chartLimit
	if s := c.SortConfiguration; s != nil {
		p.sorts(s.CategorySort)
		if len(p.sort) < len(s.CategorySort) {
			p.refuse("CategorySort by a field the box plot does not show")
		}
	}
	if len(p.sort) == 0 && len(p.category) > 0 {
		p.sort = []query.Sort{{ID: p.category[0].id}}
	}
	return true
}

// boxPlotOption draws a box per group: [min, Q1, median, Q3, max].
func boxPlotOption(p *plan, res *Result) obj {
	nd := len(p.category)
	var cats []string
	var data []any
	for _, row := range res.Rows {
		name := p.box.column
		if nd > 0 {
			name = formatValue(row[0], res.Columns[0], granularity(p.category[0]))
		}
		box := make([]any, len(boxStats))
		for k := range boxStats {
			box[k] = chartValue(row[nd+k])
		}
		cats = append(cats, name)
		data = append(data, box)
	}
	label := obj{"hideOverlap": true}
	if len(cats) <= maxLabelled {
		label = obj{"interval": 0}
	}
	return obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"grid":      obj{"containLabel": true, "left": 8, "right": 16, "top": 16, "bottom": 8},
		"xAxis":     obj{"type": "category", "data": cats, "axisLabel": label},
		"yAxis":     obj{"type": "value", "scale": true},
		"series":    []obj{{"type": "boxplot", "name": p.box.column, "data": data}},
	}
}
