package viewer

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
)

// refLine is one enabled reference line of a chart: a static value or a
// value computed over the visual's data (a hidden measure of its
// question), drawn as an ECharts markLine on the value axis it binds to.
type refLine struct {
	static    *float64
	hidden    int // index of its hidden measure, for a computed line
	secondary bool
	label     string // the custom label
	showValue bool
	valueLast bool // the value after the custom label
	format    *numberFormat
	color     string
	pattern   string // solid, dashed, dotted
	// perPoint: the hidden measure is the measure per data point (the
	// query's rows), and the line is their percentile pct (50 for a
	// median), interpolated between the two nearest points.
	perPoint bool
	pct      float64
	// box: a box plot's computed line, p.box.refs[box-1], whose value
	// boxRefValues makes static (0: none).
	box int
}

// refLineDef is QuickSight's ReferenceLine, as much as the viewer reads.
type refLineDef struct {
	Status            string
	DataConfiguration *struct {
		StaticConfiguration  *struct{ Value *float64 }
		DynamicConfiguration *struct {
			Column                     *definition.ColumnIdentifier
			MeasureAggregationFunction *definition.AggregationFunction
			Calculation                *definition.NumericalAggregationFunction
		}
		AxisBinding string
	}
	StyleConfiguration *struct{ Pattern, Color string }
	LabelConfiguration *struct {
		ValueLabelConfiguration *struct {
			RelativePosition    string
			FormatConfiguration map[string]any
		}
		CustomLabelConfiguration *struct{ CustomLabel string }
	}
}

// refLines reads a chart's reference lines; computed ones add their hidden
// measure to x, and lines that cannot be drawn are named in x's notes.
func (v *View) refLines(vis *definition.Visual, p *plan, x *extras) {
	var m struct {
		ChartConfiguration *struct{ ReferenceLines []refLineDef }
	}
	if json.Unmarshal(vis.Raw, &m) != nil || m.ChartConfiguration == nil {
		return
	}
	switch p.kind {
	case definition.KindBar, definition.KindLine, definition.KindCombo, definition.KindBoxPlot:
	default:
		if len(m.ChartConfiguration.ReferenceLines) > 0 {
			x.note("Reference lines on a " + strings.ToLower(kindLabel(p.kind)) + " are not drawn: only bar, line and combo charts and box plots have them.")
		}
		return
	}
	for i, d := range m.ChartConfiguration.ReferenceLines {
		if d.Status == "DISABLED" || d.DataConfiguration == nil {
			continue
		}
		if p.percent && !(p.kind == definition.KindCombo && d.DataConfiguration.AxisBinding == "SECONDARY_YAXIS") {
			// The bars' axis counts shares, the line's value another unit.
			x.note("Reference line " + strconv.Itoa(i+1) + " is not drawn: its value is not a share, and the bars are stacked to 100 %.")
			continue
		}
		name := "reference line " + strconv.Itoa(i+1)
		l := refLine{hidden: -1, secondary: d.DataConfiguration.AxisBinding == "SECONDARY_YAXIS", showValue: true, pattern: "dashed"}
		if lc := d.LabelConfiguration; lc != nil {
			l.showValue = lc.ValueLabelConfiguration != nil || lc.CustomLabelConfiguration == nil
			if c := lc.CustomLabelConfiguration; c != nil {
				l.label = c.CustomLabel
				name += " (" + c.CustomLabel + ")"
			}
			if vl := lc.ValueLabelConfiguration; vl != nil {
				l.valueLast = vl.RelativePosition == "AFTER_CUSTOM_LABEL"
				if vl.FormatConfiguration != nil {
					l.format = numberFormatOf(map[string]any{"FormatConfiguration": vl.FormatConfiguration})
				}
			}
		}
		if s := d.StyleConfiguration; s != nil {
			l.color = cssColor(s.Color)
			switch s.Pattern {
			case "SOLID", "DOTTED":
				l.pattern = strings.ToLower(s.Pattern)
			}
		}
		switch dc := d.DataConfiguration; {
		case dc.StaticConfiguration != nil && dc.StaticConfiguration.Value != nil:
			l.static = dc.StaticConfiguration.Value
		case dc.DynamicConfiguration != nil && p.kind == definition.KindBoxPlot && p.box != nil:
			d := dc.DynamicConfiguration
			expr, why := v.boxRefLineExpr(p, d.Column, d.MeasureAggregationFunction, d.Calculation)
			if why != "" {
				x.note("The " + name + " is not drawn: " + why + ".")
				continue
			}
			// Asked over the rows (boxrefline.go), then drawn as a static line.
			p.box.refs = append(p.box.refs, boxRefLine{expr: expr, name: name})
			l.box = len(p.box.refs)
		case dc.DynamicConfiguration != nil:
			expr, why := v.refLineExpr(p, dc.DynamicConfiguration.Column, dc.DynamicConfiguration.MeasureAggregationFunction, dc.DynamicConfiguration.Calculation)
			if why != "" {
				x.note("The " + name + " is not drawn: " + why + ".")
				continue
			}
			l.hidden = x.ask(expr)
			l.pct, l.perPoint = perPointPercentile(dc.DynamicConfiguration.Calculation)
		default:
			x.note("The " + name + " is not drawn: it has no value.")
			continue
		}
		x.refs = append(x.refs, l)
	}
}

// refLineExpr is the calculated measure of a computed reference line: the
// measure aggregated per drawn data point (as the visual groups it: with a
// Colors field, per category and color, each bar segment or line point),
// then the calculation over all of them (a table calculation with no
// partition, after the aggregation).
func (v *View) refLineExpr(p *plan, col *definition.ColumnIdentifier, agg *definition.AggregationFunction, calc *definition.NumericalAggregationFunction) (string, string) {
	if col == nil || col.ColumnName == "" || strings.ContainsAny(col.ColumnName, "{}") {
		return "", "its column is missing or unusable"
	}
	if len(p.colors) > 0 && (p.catLimit > 0 || p.otherLimit > 0 || p.rankCat != nil || p.colorLimit > 0) {
		return "", "a computed line over a chart with a Colors field and an items limit (which hides or merges the points it is computed over) is not yet supported by Sightglass"
	}
	ref := "{" + col.ColumnName + "}"
	measure := ""
	switch {
	case agg != nil && agg.NumericalAggregationFunction != nil:
		measure = aggregateExpr(agg.NumericalAggregationFunction, ref)
	case agg != nil && agg.CategoricalAggregationFunction != "":
		measure = aggregateExpr(&definition.NumericalAggregationFunction{SimpleNumericalAggregation: agg.CategoricalAggregationFunction}, ref)
	case agg != nil && (agg.DateAggregationFunction == "COUNT" || agg.DateAggregationFunction == "DISTINCT_COUNT"):
		measure = aggregateExpr(&definition.NumericalAggregationFunction{SimpleNumericalAggregation: agg.DateAggregationFunction}, ref)
	case agg != nil && agg.DateAggregationFunction != "":
		return "", "its measure aggregation " + agg.DateAggregationFunction + " of a date is a date, not a value on the chart's value axis"
	case agg != nil && len(agg.AttributeAggregationFunction) > 0:
		return "", "its measure aggregation AttributeAggregationFunction (a text value) is not a value on the chart's value axis"
	case agg != nil:
		return "", "its measure aggregation is empty"
	case v.aggregatedField(col.DataSetIdentifier, col.ColumnName):
		measure = ref
	default:
		measure = "sum(" + ref + ")"
	}
	if measure == "" {
		return "", "its measure aggregation is not one QuickSight defines"
	}
	if calc == nil {
		return "", "it has no calculation"
	}
	if pct, ok := perPointPercentile(calc); ok {
		if math.IsNaN(pct) || pct < 0 || pct > 100 {
			return "", "its percentile " + strconv.FormatFloat(pct, 'g', -1, 64) + " is not between 0 and 100"
		}
		return measure, "" // per data point; the percentile of the points is taken in drawRefLines
	}
	fn, ok := overFunctions[calc.SimpleNumericalAggregation]
	switch {
	case !ok && calc.SimpleNumericalAggregation == "":
		return "", "it has no calculation"
	case !ok:
		return "", "its calculation " + calc.SimpleNumericalAggregation + " is not one QuickSight defines"
	}
	over := fn + "(" + measure + ", [])"
	return over, ""
}

// perPointPercentile is the percentile a computed line's Calculation
// takes of the chart's data points, and whether it is one: a median is
// the 50th percentile, a PercentileAggregation without a value too (as
// its documentation has 50 compute the median).
func perPointPercentile(calc *definition.NumericalAggregationFunction) (float64, bool) {
	switch {
	case calc.PercentileAggregation != nil && calc.PercentileAggregation.PercentileValue != nil:
		return *calc.PercentileAggregation.PercentileValue, true
	case calc.PercentileAggregation != nil, calc.SimpleNumericalAggregation == "MEDIAN":
		return 50, true
	}
	return 0, false
}

// overFunctions are the table calculations of a computed reference line's
// Calculation. A median or percentile over aggregated values is not one
// the query compiler computes yet: SQL computes the measure per data point
// and the percentile of those is taken here (percentileOf).
var overFunctions = map[string]string{
	"SUM": "sumOver", "AVERAGE": "avgOver", "MIN": "minOver", "MAX": "maxOver", "COUNT": "countOver",
	"DISTINCT_COUNT": "distinctCountOver", "STDEV": "stdevOver", "STDEVP": "stdevpOver",
	"VAR": "varOver", "VARP": "varpOver",
}

// aggregateFunctions are the calculation-language aggregates of a
// SimpleNumericalAggregation.
var aggregateFunctions = map[string]string{
	"SUM": "sum", "AVERAGE": "avg", "MIN": "min", "MAX": "max", "COUNT": "count", "DISTINCT_COUNT": "distinct_count",
	"MEDIAN": "median", "STDEV": "stdev", "STDEVP": "stdevp", "VAR": "var", "VARP": "varp",
}

// aggregateExpr is the aggregate of a field reference; "" when the
// aggregation has no calculation-language function.
func aggregateExpr(a *definition.NumericalAggregationFunction, ref string) string {
	if a.PercentileAggregation != nil {
		pct := 50.0
		if a.PercentileAggregation.PercentileValue != nil {
			pct = *a.PercentileAggregation.PercentileValue
		}
		return "percentileCont(" + ref + ", " + strconv.FormatFloat(pct, 'f', -1, 64) + ")"
	}
	if fn, ok := aggregateFunctions[a.SimpleNumericalAggregation]; ok {
		return fn + "(" + ref + ")"
	}
	if a.SimpleNumericalAggregation == "" {
		return "sum(" + ref + ")"
	}
	return ""
}

// drawRefLines adds the reference lines to a chart's option: a markLine
// on the first series of the value axis each binds to. hidden is the
// first row's hidden measures (a computed line has one value per chart).
func (x *extras) drawRefLines(opt obj, rows [][]any) {
	refs := x.refs
	if len(refs) == 0 {
		return
	}
	var hidden []any
	if len(rows) > 0 {
		hidden = rows[0]
	}
	axisKey := "yAxis"
	if a, ok := opt["xAxis"].(obj); ok && a["type"] == "value" {
		axisKey = "xAxis"
	}
	for i, l := range refs {
		var val float64
		switch {
		case l.static != nil:
			val = *l.static
		case l.perPoint:
			f, ok := percentileOf(rows, l.hidden, l.pct)
			if !ok {
				x.note("Reference line " + strconv.Itoa(i+1) + " has no value for the current data.")
				continue
			}
			val = round2(f)
		case l.hidden >= 0 && l.hidden < len(hidden):
			f, ok := number(hidden[l.hidden])
			if !ok {
				x.note("Reference line " + strconv.Itoa(i+1) + " has no value for the current data.")
				continue
			}
			val = round2(f)
		default:
			continue
		}
		s := refSeries(opt, l.secondary)
		if s == nil {
			x.note("Reference line " + strconv.Itoa(i+1) + " has no series on its axis to draw on.")
			continue
		}
		extendAxis(opt, axisKey, l.secondary, val)
		format := l.format
		if format == nil {
			format, _ = s[chartNumberFormat].(*numberFormat)
		}
		text := formatNumber(val)
		if format != nil {
			text = format.format(val)
		}
		switch {
		case !l.showValue:
			text = l.label
		case l.label != "" && l.valueLast:
			text = l.label + " " + text
		case l.label != "":
			text = text + " " + l.label
		}
		line := obj{"type": l.pattern}
		if l.color != "" {
			line["color"] = l.color
		}
		point := obj{axisKey: val, "name": l.label, "lineStyle": line,
			"label": obj{"show": true, "position": "insideEndTop", "formatter": strings.NewReplacer("{", "(", "}", ")").Replace(text)}}
		ml, _ := s["markLine"].(obj)
		if ml == nil {
			ml = obj{"silent": true, "symbol": "none", "data": []obj{}}
			s["markLine"] = ml
		}
		ml["data"] = append(ml["data"].([]obj), point)
	}
}

// refSeries is the first series of a chart on the primary or secondary
// value axis.
func refSeries(opt obj, secondary bool) obj {
	var found obj
	eachSeries(opt, func(s obj) {
		if found != nil {
			return
		}
		idx, _ := s["yAxisIndex"].(int)
		if (idx == 1) == secondary {
			found = s
		}
	})
	return found
}

// percentileOf is the continuous percentile pct (0 to 100) of a hidden
// column's numbers: the value at rank pct/100·(n−1) of the sorted
// numbers, interpolated linearly between the two nearest (as SQL's
// PERCENTILE_CONT; the 50th is the median).
func percentileOf(rows [][]any, col int, pct float64) (float64, bool) {
	var vs []float64
	for _, r := range rows {
		if col < len(r) {
			if f, ok := number(r[col]); ok {
				vs = append(vs, f)
			}
		}
	}
	if len(vs) == 0 {
		return 0, false
	}
	sort.Float64s(vs)
	rank := pct / 100 * float64(len(vs)-1)
	lo := int(math.Floor(rank))
	if lo >= len(vs)-1 {
		return vs[len(vs)-1], true
	}
	return vs[lo] + (rank-float64(lo))*(vs[lo+1]-vs[lo]), true
}
