package viewer

import (
	"github.com/sightglass/sightglass/internal/definition"
)

// planGauge fills a gauge's plan: its value and target value. Without a
// target there is nothing to compare with: the arc runs from its range
// minimum to its range maximum or, without one, to the value, and the
// primary value is the value itself (gaugePrimary, gaugeOption).
func (p *plan) planGauge(c *definition.GaugeChartConfiguration) bool {
	if c == nil || c.FieldWells == nil {
		return false
	}
	p.addMeasures(c.FieldWells.Values, &p.values)
	p.addMeasures(c.FieldWells.TargetValues, &p.targets)
	if len(p.values) == 0 {
		return false
	}
	p.values = p.values[:1]
	if len(p.targets) > 1 {
		p.targets = p.targets[:1]
	}
	p.limit = 0
	p.gauge = c.GaugeChartOptions
	if p.gauge == nil {
		p.gauge = &definition.GaugeChartOptions{}
	}
	return true
}

func arcRange(o *definition.GaugeChartOptions) *definition.ArcAxisDisplayRange {
	if o == nil || o.ArcAxis == nil {
		return nil
	}
	return o.ArcAxis.Range
}

// gaugePrimary is the text in a gauge's center: by default the value as a
// percentage of the target; the difference or percent difference from it,
// the value itself, or nothing, as the options ask. A gauge without a
// target (targeted false) compares with nothing: whatever the options
// ask, it shows the value itself (or nothing when HIDDEN).
func gaugePrimary(o *definition.GaugeChartOptions, value, target any, targeted bool, f field) string {
	if o.PrimaryValueDisplayType == "HIDDEN" {
		return ""
	}
	v, ok := number(value)
	if !ok {
		return f.nullOr("(empty)")
	}
	t, hasTarget := number(target)
	if o.PrimaryValueDisplayType == "ACTUAL" || !targeted {
		return f.numberText(v)
	}
	method := "PERCENT"
	var cf *numberFormat
	if o.Comparison != nil {
		if o.Comparison.ComparisonMethod != "" {
			method = o.Comparison.ComparisonMethod
		}
		cf = comparisonFormatOf(o.Comparison.ComparisonFormat)
	}
	switch {
	case method == "DIFFERENCE" && hasTarget:
		if cf != nil {
			return cf.format(v - t)
		}
		return f.numberText(v - t)
	case !hasTarget || t == 0:
		return "(empty)"
	case method == "PERCENT_DIFFERENCE":
		return percentText((v-t)/t, cf)
	}
	return percentText(v/t, cf)
}

// percentText writes a ratio as a percentage: in the comparison's format
// when it is a percentage format, else with at most two decimals.
func percentText(r float64, cf *numberFormat) string {
	if cf != nil && cf.Percent {
		return cf.format(r)
	}
	return formatNumber(r*100) + "%"
}

// gaugeOption builds a gauge: an arc from the range minimum (0) to its
// maximum (the target; without one, the value: a full arc), filled to the
// value, and the primary value in its center.
func gaugeOption(p *plan, res *Result) obj {
	row := res.Rows[0]
	value := chartValue(row[0])
	var target, rawTarget any
	if len(p.targets) > 0 {
		target, rawTarget = chartValue(row[1]), row[1]
	}
	lo, hi := 0.0, 0.0
	if t, ok := target.(float64); ok {
		hi = t
	}
	if r := arcRange(p.gauge); r != nil {
		if r.Min != nil {
			lo = *r.Min
		}
		if r.Max != nil {
			hi = *r.Max
		}
	}
	if hi <= lo {
		// No target, or one at or below the minimum: the arc spans to the
		// value.
		if v, ok := value.(float64); ok && v > lo {
			hi = v
		} else {
			hi = lo + 1
		}
	}
	primary := gaugePrimary(p.gauge, row[0], rawTarget, len(p.targets) > 0, p.values[0])
	s := obj{"type": "gauge", "name": p.values[0].label, "min": lo, "max": hi, "startAngle": 180, "endAngle": 0,
		"center": []string{"50%", "70%"}, "radius": "100%", "pointer": obj{"show": false},
		"progress": obj{"show": true, "width": 24}, "axisLine": obj{"lineStyle": obj{"width": 24}},
		"axisTick": obj{"show": false}, "splitLine": obj{"show": false}, "splitNumber": 1,
		"axisLabel": obj{"distance": -8, "fontSize": 11},
		"title":     obj{"show": false},
		"detail":    obj{"show": primary != "", "formatter": primary, "offsetCenter": []string{"0", "-15%"}, "fontSize": 22, "valueAnimation": false},
		"data":      []obj{{"name": p.values[0].label, "value": value}}}
	if len(p.targets) > 0 {
		s["target"] = target // what the arc is measured against, for tests and tooltips
	}
	return obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"series":    []obj{s},
	}
}
