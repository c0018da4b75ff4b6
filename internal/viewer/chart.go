package viewer

import (
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"math"
)

// obj is a JSON object of an ECharts option.
type obj = map[string]any

// maxLabelled is the number of categories up to which bars and points
// carry their value as a label.
const maxLabelled = 12

// granularity returns the date granularity of a plan's dimension.
func granularity(f field) string {
	if f.dim != nil {
		return string(f.dim.Granularity)
	}
	return ""
}

// categories returns the distinct labels of a dimension column in order
// of appearance, and each row's index among them.
func categories(res *Result, col int, f field) ([]string, []int) {
	seen := map[string]int{}
	var labels []string
	idx := make([]int, len(res.Rows))
	for i, row := range res.Rows {
		l := fieldText(row[col], res.Columns[col], f)
		n, ok := seen[l]
		if !ok {
			n = len(labels)
			seen[l] = n
			labels = append(labels, l)
		}
		idx[i] = n
	}
	return labels, idx
}

// series is one named list of values aligned with the categories.
type series struct {
	name   string
	field  string // the measure's field id
	data   []any
	line   bool
	format *numberFormat // the measure's number format, nil for none
	// nullText is what the measure's nulls read in tooltips ("": none).
	nullText string
}

// seriesOf splits the measures of a category chart into series: one per
// measure, or, with a Colors field, one per color value and measure.
func seriesOf(p *plan, res *Result) ([]string, []series) {
	ncat := len(p.category)
	if ncat == 0 {
		// No category: one bar per measure total.
		var out []series
		for k, m := range p.measures() {
			out = append(out, series{name: m.label, field: m.id, data: []any{chartValue(res.Rows[0][k])}, line: k >= len(p.values), format: m.format, nullText: m.nullText})
		}
		return []string{""}, out
	}
	cats, catIdx := categories(res, 0, p.category[0])
	nd := len(p.dims())
	ms := p.measures()
	if len(p.colors) == 0 {
		out := make([]series, len(ms))
		for k, m := range ms {
			out[k] = series{name: m.label, field: m.id, data: make([]any, len(cats)), line: k >= len(p.values), format: m.format, nullText: m.nullText}
		}
		for i, row := range res.Rows {
			for k := range ms {
				out[k].data[catIdx[i]] = chartValue(row[nd+k])
			}
		}
		return cats, out
	}
	colors, colorIdx := categories(barRows(res, ncat), ncat, p.colors[0])
	var out []series
	for k, m := range ms {
		if p.linesByCategory && k >= len(p.values) {
			out = append(out, series{name: m.label, field: m.id, data: lineTotals(res, catIdx, len(cats), nd+k), line: true, format: m.format, nullText: m.nullText})
			continue
		}
		for _, c := range colors {
			name := c
			if len(ms) > 1 {
				name = c + " · " + m.label
			}
			out = append(out, series{name: name, field: m.id, data: make([]any, len(cats)), line: k >= len(p.values), format: m.format, nullText: m.nullText})
		}
	}
	j := 0 // the row's index among the bars' rows
	for i, row := range res.Rows {
		if isLinesOnly(row[ncat]) {
			continue
		}
		c := colorIdx[j]
		j++
		for k := range p.values {
			out[k*len(colors)+c].data[catIdx[i]] = chartValue(row[nd+k])
		}
		if p.linesByCategory {
			continue
		}
		for k := len(p.values); k < len(ms); k++ {
			out[k*len(colors)+c].data[catIdx[i]] = chartValue(row[nd+k])
		}
	}
	return cats, out
}

// chartOption builds the ECharts option of a bar, line, pie, scatter or
// combo chart.
func chartOption(p *plan, res *Result) obj {
	opt := obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "axis"},
		"grid":      obj{"containLabel": true, "left": 8, "right": 16, "top": 16, "bottom": 8},
	}
	switch p.kind {
	case definition.KindPie:
		return pieOption(p, res, opt)
	case definition.KindScatter:
		return scatterOption(p, res, opt)
	case definition.KindHeatMap:
		return heatMapOption(p, res)
	case definition.KindTreeMap:
		return treeMapOption(p, res)
	case definition.KindFunnel:
		return funnelOption(p, res)
	case definition.KindGauge:
		return gaugeOption(p, res)
	case definition.KindWaterfall:
		return waterfallOption(p, res)
	case definition.KindBoxPlot:
		return boxPlotOption(p, res)
	case definition.KindSankey:
		return sankeyOption(p, res)
	case definition.KindRadar:
		return radarOption(p, res)
	}
	cats, ss := seriesOf(p, res)
	if p.percent {
		ss = shares(ss, len(cats))
	}
	if p.kind == definition.KindLine {
		for i := range ss { // a line chart's measures on its secondary y axis
			ss[i].line = p.secondary[ss[i].field]
		}
	}
	label := obj{"hideOverlap": true}
	if len(cats) <= maxLabelled {
		label = obj{"interval": 0}
	}
	catAxis := obj{"type": "category", "data": cats, "axisLabel": label}
	valAxis := obj{"type": "value"}
	if p.horizontal {
		catAxis["inverse"] = true
		opt["xAxis"], opt["yAxis"] = valAxis, catAxis
	} else {
		opt["xAxis"], opt["yAxis"] = catAxis, valAxis
	}
	hasLine := false
	var out []obj
	for _, s := range ss {
		e := obj{"name": s.name, "data": s.data}
		if s.format != nil {
			e[chartNumberFormat] = s.format
		}
		if s.nullText != "" {
			e[chartNullText] = s.nullText
		}
		switch {
		case p.kind == definition.KindLine:
			e["type"] = "line"
			if p.stacked {
				e["stack"], e["areaStyle"] = "total", obj{}
			}
			if s.line {
				e["yAxisIndex"] = 1
				hasLine = true
				if p.stacked {
					e["stack"] = "secondary" // stacks stay on their own axis
				}
			}
		case p.kind == definition.KindCombo && s.line && p.singleAxis:
			e["type"] = "line"
		case p.kind == definition.KindCombo && s.line:
			e["type"], e["yAxisIndex"] = "line", 1
			hasLine = true
		default:
			e["type"] = "bar"
			if p.stacked {
				e["stack"] = "total"
			}
		}
		if len(cats) <= maxLabelled && len(ss) == 1 {
			pos := "top"
			if p.horizontal {
				pos = "right"
				opt["grid"].(obj)["right"] = 88 // room for the value labels
			}
			e["label"] = obj{"show": true, "position": pos}
		}
		out = append(out, e)
	}
	opt["series"] = out
	lineAxis := obj{"type": "value", "splitLine": obj{"show": false}}
	if f := sharedFormat(ss, false, hasLine); f != nil {
		valAxis[chartNumberFormat] = f
	}
	if p.percent {
		valAxis["max"] = 1
	}
	if countsOnly(p.values) && !p.percent {
		valAxis["minInterval"] = 1 // no tick between two counts
	}
	if f := sharedFormat(ss, true, hasLine); f != nil && hasLine {
		lineAxis[chartNumberFormat] = f
	}
	if hasLine && !p.horizontal {
		opt["yAxis"] = []obj{valAxis, lineAxis}
	}
	if len(ss) > 1 {
		names := make([]string, len(ss))
		for i, s := range ss {
			names[i] = s.name
		}
		opt["legend"] = obj{"type": "scroll", "top": 0, "data": names}
		opt["grid"].(obj)["top"] = 32
	}
	return opt
}

func pieOption(p *plan, res *Result, opt obj) obj {
	opt["tooltip"] = obj{"trigger": "item"}
	delete(opt, "grid")
	nd := len(p.dims())
	var data []obj
	if len(p.category) == 0 {
		data = append(data, obj{"name": p.values[0].label, "value": chartValue(res.Rows[0][0])})
	} else {
		for _, row := range res.Rows {
			data = append(data, obj{"name": fieldText(row[0], res.Columns[0], p.category[0]), "value": chartValue(row[nd])})
		}
	}
	labelled := len(data) <= maxLabelled
	// Labelled slices leave room around the pie for their names: labels sit
	// at the chart's edges, wrapped at word breaks to a width the browser
	// sets from the chart's size (web/src/charts.js), so that a name is read
	// whole, and hide where they would overlap.
	outer := "70%"
	if labelled {
		outer = "55%"
	}
	radius := any(outer)
	if p.donut {
		radius = []string{"32%", outer}
	}
	pie := obj{"type": "pie", "name": p.values[0].label, "radius": radius, "data": data,
		"avoidLabelOverlap": true, "label": obj{"show": labelled}}
	formatSeries(pie, p.values[0])
	if labelled {
		pie["label"] = obj{"show": true, "alignTo": "edge", "edgeDistance": 8, "overflow": "break", "minMargin": 4}
		pie["labelLayout"] = obj{"hideOverlap": true}
	}
	opt["series"] = []obj{pie}
	return opt
}

// Bubble sizes: a scatter plot's Size measure sizes each point's area in
// proportion to its value, the largest minBubble + bubbleRange pixels
// wide; a point without a positive size is drawn at minBubble.
const (
	minBubble   = 6.0
	bubbleRange = 34.0
)

// sizeBubblesOf sizes the points of a scatter series s, whose rows are
// rows, by column col (its value the last of each point's values),
// against the largest size among all.
func sizeBubblesOf(s obj, rows, all [][]any, col int) {
	most := 0.0
	for _, row := range all {
		if f, ok := number(row[col]); ok && f > most {
			most = f
		}
	}
	data := s["data"].([][]any)
	items := make([]any, len(data))
	for i, row := range rows {
		d := minBubble
		if f, ok := number(row[col]); ok && f > 0 && most > 0 {
			d += bubbleRange * math.Sqrt(f/most)
		}
		items[i] = obj{"value": append(data[i], chartValue(row[col])), "symbolSize": math.Round(d*10) / 10} // the tooltip lists the size
	}
	s["data"] = items
}

// scatterOption draws a scatter plot: a point per category (its label),
// x and y its first two values, sized by a third. With a Label field the
// points are the Label's values, each named by it, in a series per value
// of the Category field, which colors them and the legend names.
func scatterOption(p *plan, res *Result, opt obj) obj {
	opt["tooltip"] = obj{"trigger": "item"}
	nd := len(p.dims())
	point := func(row []any) []any {
		pt := []any{chartValue(row[nd]), chartValue(row[nd+1])}
		if len(p.category) > 0 {
			pt = append(pt, fieldText(row[0], res.Columns[0], p.category[0]))
		}
		return pt
	}
	// Axis names sit outside the tick labels, beside each axis: the grid
	// keeps room for them (containLabel covers tick labels, not names), so
	// neither they nor the point labels overlap.
	opt["xAxis"] = obj{"type": "value", "name": p.values[0].label, "nameLocation": "middle", "nameGap": 30, "scale": true}
	opt["yAxis"] = obj{"type": "value", "name": p.values[1].label, "nameLocation": "middle", "nameGap": 52, "nameRotate": 90, "scale": true}
	for axis, f := range map[string]*numberFormat{"xAxis": p.values[0].format, "yAxis": p.values[1].format} {
		if f != nil {
			opt[axis].(obj)[chartNumberFormat] = f
		}
	}
	opt["grid"] = obj{"containLabel": true, "left": 28, "right": 24, "top": 24, "bottom": 28}
	type group struct {
		name string
		rows [][]any
	}
	groups := []*group{{name: p.values[1].label, rows: res.Rows}}
	if len(p.colors) > 0 {
		groups = nil
		byName := map[string]*group{}
		c := len(p.category)
		for _, row := range res.Rows {
			name := fieldText(row[c], res.Columns[c], p.colors[0])
			g, ok := byName[name]
			if !ok {
				g = &group{name: name}
				byName[name] = g
				groups = append(groups, g)
			}
			g.rows = append(g.rows, row)
		}
		names := make([]string, len(groups))
		for i, g := range groups {
			names[i] = g.name
		}
		opt["legend"] = obj{"type": "scroll", "top": 0, "data": names}
		opt["grid"].(obj)["top"] = 36
	}
	var series []obj
	for _, g := range groups {
		data := make([][]any, len(g.rows))
		for i, row := range g.rows {
			data[i] = point(row)
		}
		s := obj{"type": "scatter", "name": g.name, "data": data}
		if len(p.colors) > 0 {
			s["sgClick"] = "series" // a click filters by the Category value (web/src/visualactions.js)
		}
		if len(p.values) > 2 {
			sizeBubblesOf(s, g.rows, res.Rows, nd+2)
		}
		if len(res.Rows) <= maxLabelled && len(p.category) > 0 {
			s["label"] = obj{"show": true, "position": "top", "formatter": "{@[2]}"}
			s["labelLayout"] = obj{"hideOverlap": true}
		}
		series = append(series, s)
	}
	opt["series"] = series
	return opt
}

// chartNumberFormat is the member of a series or value axis of a chart's
// option that carries its measure's number format: the page
// (web/src/charts.js) writes value labels, tooltips and axis labels in it.
const chartNumberFormat = "sgNumberFormat"

// chartNullText is the member of a series of a chart's option that carries
// its measure's null text (NullValueFormatConfiguration.NullString): the
// page writes it in tooltips for a null value.
const chartNullText = "sgNullText"

// sharedFormat returns the number format every series on one value axis
// shares (the line axis of a combo chart with line, else the bars'), nil
// when they have none or differ.
func sharedFormat(ss []series, line, hasLine bool) *numberFormat {
	var formats []*numberFormat
	for _, s := range ss {
		if !hasLine || s.line == line {
			formats = append(formats, s.format)
		}
	}
	return commonFormat(formats)
}

func sameFormat(a, b *numberFormat) bool {
	da, db := -1, -1
	if a.Decimals != nil {
		da = *a.Decimals
	}
	if b.Decimals != nil {
		db = *b.Decimals
	}
	x, y := *a, *b
	x.Decimals, y.Decimals = nil, nil
	return da == db && x == y
}

// shares turns stacked bars into shares of their category's bars (their
// absolute values' sum, so negative bars stack down from 0): a bar chart
// stacked to 100 %, drawn as percentages. Lines keep their values.
func shares(ss []series, ncat int) []series {
	totals := make([]float64, ncat)
	for _, s := range ss {
		if s.line {
			continue
		}
		for i, v := range s.data {
			if f, ok := v.(float64); ok {
				totals[i] += math.Abs(f)
			}
		}
	}
	pct := &numberFormat{Percent: true}
	out := make([]series, len(ss))
	for k, s := range ss {
		out[k] = s
		if s.line {
			continue
		}
		data := make([]any, len(s.data))
		for i, v := range s.data {
			f, ok := v.(float64)
			switch {
			case !ok:
				data[i] = v
			case totals[i] == 0:
				data[i] = 0.0
			default:
				data[i] = f / totals[i]
			}
		}
		out[k].data, out[k].format = data, pct
	}
	return out
}

// countsOnly reports whether every measure counts (COUNT, DISTINCT_COUNT,
// or the count of records): its axis has whole numbers only.
func countsOnly(ms []field) bool {
	for _, m := range ms {
		if m.id != recordsID && (m.measure == nil || m.measure.Aggregation != query.Count && m.measure.Aggregation != query.DistinctCount) {
			return false
		}
	}
	return len(ms) > 0
}
