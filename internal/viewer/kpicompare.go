package viewer

import (
	"encoding/json"
	"math"

	"github.com/sightglass/sightglass/internal/definition"
)

// A KPI compares its value with a base: the target (TargetValues) when
// there is one, else, with a trend group, the previous period's value
// (the latest period before the newest in the data). KPIOptions choose
// how: Comparison.ComparisonMethod (DIFFERENCE, PERCENT_DIFFERENCE, the
// default, or PERCENT: the value in percent of the base), its
// ComparisonFormat, PrimaryValueDisplayType (ACTUAL, the default;
// COMPARISON draws the comparison as the primary value; HIDDEN draws
// none) and SecondaryValue (the base, shown unless HIDDEN).

// kpiOptions is the part of a KPI's KPIOptions that changes what it
// draws.
type kpiOptions struct {
	Comparison              *definition.ComparisonConfiguration `json:"Comparison"`
	PrimaryValueDisplayType string                              `json:"PrimaryValueDisplayType"`
	SecondaryValue          *struct {
		Visibility string `json:"Visibility"`
	} `json:"SecondaryValue"`
	ProgressBar *struct {
		Visibility string `json:"Visibility"`
	} `json:"ProgressBar"` // kpiprogress.go
	Sparkline *kpiSparkline `json:"Sparkline"` // kpisparkline.go
}

// kpiOptions reads KPIOptions; a method or display type it does not know
// is refused by name rather than drawn as another.
func (p *plan) kpiOptions(c *definition.KPIConfiguration) {
	if c == nil || len(c.KPIOptions) == 0 {
		return
	}
	var o kpiOptions
	if json.Unmarshal(c.KPIOptions, &o) != nil {
		p.refuse("KPIOptions that cannot be read")
		return
	}
	if o.Comparison != nil {
		switch o.Comparison.ComparisonMethod {
		case "", "DIFFERENCE", "PERCENT_DIFFERENCE", "PERCENT":
		default:
			p.refuse("ComparisonMethod " + o.Comparison.ComparisonMethod)
		}
	}
	switch o.PrimaryValueDisplayType {
	case "", "ACTUAL", "COMPARISON", "HIDDEN":
	default:
		p.refuse("PrimaryValueDisplayType " + o.PrimaryValueDisplayType)
	}
	p.kpi = &o
}

func (o *kpiOptions) method() string {
	if o == nil || o.Comparison == nil || o.Comparison.ComparisonMethod == "" {
		return "PERCENT_DIFFERENCE"
	}
	return o.Comparison.ComparisonMethod
}

// comparisonFormat is the ComparisonFormat, nil when none.
func (o *kpiOptions) comparisonFormat() *numberFormat {
	if o == nil || o.Comparison == nil {
		return nil
	}
	return comparisonFormatOf(o.Comparison.ComparisonFormat)
}

// comparisonFormatOf reads a ComparisonConfiguration's ComparisonFormat
// (a KPI's or a gauge's), nil when none.
func comparisonFormatOf(raw json.RawMessage) *numberFormat {
	if len(raw) == 0 {
		return nil
	}
	var inner map[string]any
	if json.Unmarshal(raw, &inner) != nil {
		return nil
	}
	return numberFormatOf(map[string]any{"FormatConfiguration": inner})
}

// compare is the comparison of v with base by the method, formatted, and
// whether it is favourable (v at or above the base); ok false when it
// cannot be computed (a percent of a zero base).
func (o *kpiOptions) compare(v, base float64, valueFormat *numberFormat) (text string, up, ok bool) {
	up = v >= base
	nf := o.comparisonFormat()
	switch o.method() {
	case "DIFFERENCE":
		d := v - base
		switch {
		case nf != nil:
			text = nf.format(d)
		case valueFormat != nil:
			text = valueFormat.format(d)
		default:
			text = formatNumber(d)
		}
		if d >= 0 {
			text = "+" + text
		}
		return text, up, true
	}
	if base == 0 {
		return "", up, false
	}
	r := v / base // PERCENT: the value in percent of the base
	sign := ""
	if o.method() == "PERCENT_DIFFERENCE" {
		r = (v - base) / base
		if r >= 0 {
			sign = "+"
		}
	}
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return "", up, false
	}
	if nf != nil && nf.Percent {
		return sign + nf.format(r), up, true
	}
	return sign + formatNumber(r*100) + "%", up, true
}

// primaryShown and secondaryShown read the display options.
func (o *kpiOptions) primary() string {
	if o == nil || o.PrimaryValueDisplayType == "" {
		return "ACTUAL"
	}
	return o.PrimaryValueDisplayType
}

func (o *kpiOptions) secondaryShown() bool {
	return o == nil || o.SecondaryValue == nil || o.SecondaryValue.Visibility != "HIDDEN"
}
