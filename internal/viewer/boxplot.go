package viewer

import (
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// boxPlot is the columns a box plot describes per group, a box each.
type boxPlot struct {
	columns  []string // the boxes' names: the columns, or their custom labels
	fieldIDs []string
	// showOutliers asks for whiskers at 1.5 IQR and the outliers beyond
	// (boxoutliers.go), which outliers then holds per field in Values.
	showOutliers bool
	outliers     []*boxOutliers
	// showPoints asks for every row's value drawn over its box
	// (boxpoints.go), which points then holds per field in Values and
	// box.
	showPoints bool
	points     [][][]float64
	// refs are the computed reference lines, asked over the rows' values
	// (boxrefline.go).
	refs []boxRefLine
}

// formatStats gives each box's five statistics the number format of its
// field in Values (by FieldId): a box is drawn in its measure's format.
func (b *boxPlot) formatStats(p *plan, formats map[string]*numberFormat) {
	for i, id := range b.fieldIDs {
		for j := range boxStats {
			if k := i*len(boxStats) + j; k < len(p.values) {
				p.values[k].format = formats[id]
			}
		}
	}
}

// statField is the first statistic of box v: its label and number format
// stand for the box's.
func (b *boxPlot) statField(p *plan, v int) field {
	if k := v * len(boxStats); k < len(p.values) {
		return p.values[k]
	}
	return field{}
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
// values of each numeric column in Values (up to 5, a box each), all
// computed in SQL (percentiles through the dialect's PERCENTILE_CONT or
// its window-function equivalent). The AggregationFunction of a value is
// not used: a box describes the rows' values. Whiskers reach the minimum and maximum, or with
// OutlierVisibility VISIBLE the furthest values within 1.5 IQR with the
// outliers beyond drawn (boxoutliers.go); AllDataPointsVisibility VISIBLE
// draws every value over its box (boxpoints.go).
func (p *plan) planBoxPlot(c *definition.BoxPlotChartConfiguration) bool {
	if c == nil || c.FieldWells == nil || c.FieldWells.BoxPlotAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.BoxPlotAggregatedFieldWells
	if len(w.Values) == 0 {
		return false
	}
	if len(w.GroupBy) > 1 {
		p.refuse("more than one field in GroupBy")
	}
	if len(w.Values) > 5 {
		p.refuse("more than 5 fields in Values")
		return true
	}
	box := &boxPlot{}
	for i, v := range w.Values {
		if v.NumericalMeasureField == nil {
			p.refuse("a field in Values other than a numeric column (a box plot describes each row's value)")
			return true
		}
		col := v.NumericalMeasureField.Column
		if col == nil || col.ColumnName == "" {
			return false
		}
		box.columns = append(box.columns, col.ColumnName)
		box.fieldIDs = append(box.fieldIDs, v.NumericalMeasureField.FieldId)
		for _, s := range boxStats {
			id := s.id + "_" + itoa(i)
			p.values = append(p.values, field{id: id, label: s.label + " of " + col.ColumnName, dataSet: col.DataSetIdentifier,
				measure: &query.Measure{ID: id, Field: col.ColumnName, Aggregation: s.agg, Percentile: s.pct}})
		}
	}
	if o := c.BoxPlotOptions; o != nil {
		box.showOutliers = o.OutlierVisibility == "VISIBLE"
		box.showPoints = o.AllDataPointsVisibility == "VISIBLE"
	}
	p.box = box
	p.category = dims(w.GroupBy)
	if len(p.category) > 1 {
		p.category = p.category[:1]
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

// boxPlotOption draws a box per group and value: [min, Q1, median, Q3,
// max], a series per value.
func boxPlotOption(p *plan, res *Result) obj {
	nd := len(p.category)
	var cats []string
	series := make([]obj, len(p.box.columns))
	data := make([][]any, len(p.box.columns))
	outliers := make([][]any, len(p.box.columns))
	points := make([][]any, len(p.box.columns))
	for r, row := range res.Rows {
		name := strings.Join(p.box.columns, ", ")
		if nd > 0 {
			name = fieldText(row[0], res.Columns[0], p.category[0])
		}
		cats = append(cats, name)
		for v := range p.box.columns {
			box := make([]any, len(boxStats))
			for k := range boxStats {
				box[k] = chartValue(row[nd+v*len(boxStats)+k])
			}
			if p.box.outliers != nil {
				// Whiskers at the furthest values within 1.5 IQR.
				o := p.box.outliers[v]
				box[0], box[4] = chartValue(o.whiskers[r][0]), chartValue(o.whiskers[r][1])
				for _, x := range o.points[r] {
					outliers[v] = append(outliers[v], []any{name, round2(x)})
				}
			}
			if p.box.points != nil {
				for _, x := range p.box.points[v][r] {
					points[v] = append(points[v], []any{name, round2(x)})
				}
			}
			data[v] = append(data[v], box)
		}
	}
	boxFields := make([]field, len(p.box.columns))
	for v, c := range p.box.columns {
		boxFields[v] = p.box.statField(p, v)
		series[v] = obj{"type": "boxplot", "name": c, "data": data[v]}
		formatSeries(series[v], field{format: boxFields[v].format})
	}
	// Points of several boxes per group are named by their field; they
	// are drawn at their group's center.
	of := func(what string, v int) string {
		if len(p.box.columns) == 1 {
			return what
		}
		return what + " of " + p.box.columns[v]
	}
	if p.box.points != nil {
		for v := range p.box.columns {
			// Drawn at once: above 3,000 points ECharts would draw them a few
			// hundred per frame, and the chart would read as complete early.
			s := obj{"type": "scatter", "name": of("Data points", v), "data": nonNil(points[v]),
				"symbolSize": 4, "itemStyle": obj{"opacity": 0.5}, "progressive": 0}
			pointSeries(s, boxFields[v])
			series = append(series, s)
		}
	}
	if p.box.outliers != nil {
		for v := range p.box.columns {
			s := obj{"type": "scatter", "name": of("Outliers", v), "data": nonNil(outliers[v])}
			pointSeries(s, boxFields[v])
			series = append(series, s)
		}
	}
	label := obj{"hideOverlap": true}
	if len(cats) <= maxLabelled {
		label = obj{"interval": 0}
	}
	opt := obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"grid":      obj{"containLabel": true, "left": 8, "right": 16, "top": 16, "bottom": 8},
		"xAxis":     obj{"type": "category", "data": cats, "axisLabel": label},
		"yAxis":     obj{"type": "value", "scale": true},
		"series":    series,
	}
	if f := sharedFieldFormat(boxFields); f != nil {
		opt["yAxis"].(obj)[chartNumberFormat] = f
	}
	if len(series) > 1 {
		opt["legend"] = obj{"type": "scroll", "top": 0, "data": p.box.columns}
		opt["grid"].(obj)["top"] = 32
	}
	return opt
}

// pointSeries gives a box plot's points (data points or outliers, each
// [group, value]) their box's number format: the tooltip shows the group
// and the value alone, which the page writes in the format.
func pointSeries(s obj, f field) {
	s["encode"] = obj{"x": 0, "y": 1, "itemName": 0, "tooltip": 1}
	formatSeries(s, field{format: f.format})
}

// nonNil returns s, or an empty slice for nil (a series' data is a list).
func nonNil(s []any) []any {
	if s == nil {
		return []any{}
	}
	return s
}
