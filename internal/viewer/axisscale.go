package viewer

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/definition"
)

// A chart's numeric axes take their scale and range from the definition's
// axis display options (…AxisDisplayOptions.DataOptions.NumericAxisOptions):
// a logarithmic scale (its Base, 10 by default), a linear one's step size
// or step count, a fixed minimum and maximum (MinMax; DataDriven is
// ECharts' own range). Which member is which axis depends on the visual:
// a bar chart's ValueAxis is its value axis whichever way it lies; a line,
// combo, waterfall or box plot's PrimaryYAxisDisplayOptions its first
// value axis and a combo's or line chart's SecondaryYAxisDisplayOptions its
// second one (a combo's lines', a line chart's secondary measures');
// a scatter plot's XAxisDisplayOptions and YAxisDisplayOptions its two.

// axisDisplay is the part of an axis's display options read here.
type axisDisplay struct {
	DataOptions *struct {
		NumericAxisOptions *struct {
			Scale *struct {
				Linear *struct {
					StepCount *int
					StepSize  *float64
				}
				Logarithmic *struct{ Base *float64 }
			}
			Range *struct {
				MinMax *struct{ Minimum, Maximum *float64 }
			}
		}
	}
}

// applyAxisScales sets the scale and range of a chart's numeric axes.
func applyAxisScales(opt obj, vis *definition.Visual) {
	var m struct {
		ChartConfiguration *struct {
			ValueAxis                    *axisDisplay
			PrimaryYAxisDisplayOptions   *axisDisplay
			SecondaryYAxisDisplayOptions *axisDisplay
			XAxisDisplayOptions          *axisDisplay
			YAxisDisplayOptions          *axisDisplay
		}
	}
	if json.Unmarshal(vis.Raw, &m) != nil || m.ChartConfiguration == nil {
		return
	}
	c := m.ChartConfiguration
	switch vis.Kind {
	case definition.KindBar:
		c.ValueAxis.apply(valueAxis(opt, 0))
	case definition.KindWaterfall, definition.KindBoxPlot:
		c.PrimaryYAxisDisplayOptions.apply(valueAxis(opt, 0))
	case definition.KindLine, definition.KindCombo:
		c.PrimaryYAxisDisplayOptions.apply(valueAxis(opt, 0))
		if ys, ok := opt["yAxis"].([]obj); ok && len(ys) > 1 {
			c.SecondaryYAxisDisplayOptions.apply(ys[1])
		}
	case definition.KindScatter:
		x, _ := opt["xAxis"].(obj)
		y, _ := opt["yAxis"].(obj)
		c.XAxisDisplayOptions.apply(x)
		c.YAxisDisplayOptions.apply(y)
	}
}

// valueAxis is the option's i-th value axis, looking at its y axes then
// its x axes (a horizontal bar chart's value axis is its x axis).
func valueAxis(opt obj, i int) obj {
	for _, key := range []string{"yAxis", "xAxis"} {
		var axes []obj
		switch a := opt[key].(type) {
		case obj:
			axes = []obj{a}
		case []obj:
			axes = a
		}
		for _, a := range axes {
			if a["type"] == "value" {
				if i == 0 {
					return a
				}
				i--
			}
		}
	}
	return nil
}

// apply sets an ECharts value axis from its display options.
func (d *axisDisplay) apply(axis obj) {
	if d == nil || axis == nil || d.DataOptions == nil || d.DataOptions.NumericAxisOptions == nil {
		return
	}
	n := d.DataOptions.NumericAxisOptions
	if s := n.Scale; s != nil {
		switch {
		case s.Logarithmic != nil:
			axis["type"] = "log"
			if b := s.Logarithmic.Base; b != nil && *b > 1 {
				axis["logBase"] = *b
			}
			delete(axis, "scale")
		case s.Linear != nil && s.Linear.StepSize != nil && *s.Linear.StepSize > 0:
			axis["interval"] = *s.Linear.StepSize
		case s.Linear != nil && s.Linear.StepCount != nil && *s.Linear.StepCount > 0:
			axis["splitNumber"] = *s.Linear.StepCount
		}
	}
	if r := n.Range; r != nil && r.MinMax != nil {
		if r.MinMax.Minimum != nil {
			axis["min"] = *r.MinMax.Minimum
		}
		if r.MinMax.Maximum != nil {
			axis["max"] = *r.MinMax.Maximum
		}
	}
}
