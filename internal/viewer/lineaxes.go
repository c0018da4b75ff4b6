package viewer

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/definition"
)

// lineAxes reads which of a line chart's measures QuickSight draws on its
// secondary y axis: a FieldSeriesItem's AxisBinding, else the
// DefaultSeriesSettings' (the primary axis by default); SingleAxisOptions
// puts every measure on the primary one. A DataFieldSeriesItem (one
// color's line) bound elsewhere than its field is refused by name.
func (p *plan) lineAxes(c *definition.LineChartConfiguration) {
	if singleYAxis(c.SingleAxisOptions) {
		return
	}
	var def struct{ AxisBinding string }
	_ = json.Unmarshal(c.DefaultSeriesSettings, &def)
	bound := map[string]string{}
	var byValue []struct{ FieldId, AxisBinding string }
	for _, raw := range c.Series {
		var item struct {
			FieldSeriesItem     *struct{ FieldId, AxisBinding string }
			DataFieldSeriesItem *struct{ FieldId, AxisBinding string }
		}
		if json.Unmarshal(raw, &item) != nil {
			continue
		}
		if f := item.FieldSeriesItem; f != nil && f.AxisBinding != "" {
			bound[f.FieldId] = f.AxisBinding
		}
		if f := item.DataFieldSeriesItem; f != nil && f.AxisBinding != "" {
			byValue = append(byValue, *f)
		}
	}
	axisOf := func(id string) string {
		if b, ok := bound[id]; ok {
			return b
		}
		return def.AxisBinding
	}
	for _, v := range p.values {
		if axisOf(v.id) == "SECONDARY_YAXIS" {
			if p.secondary == nil {
				p.secondary = map[string]bool{}
			}
			p.secondary[v.id] = true
		}
	}
	for _, f := range byValue {
		if (f.AxisBinding == "SECONDARY_YAXIS") != p.secondary[f.FieldId] {
			p.refuse("one Colors value's line on another y axis than its measure's (a DataFieldSeriesItem's AxisBinding)")
			return
		}
	}
}

// applyMissingData draws a line chart's missing values (a category
// without a row for a line) as its axes' MissingDataConfigurations ask:
// INTERPOLATE joins the points on either side, SHOW_AS_ZERO draws 0,
// SHOW_AS_BLANK (and no configuration) leaves a gap.
func applyMissingData(opt obj, vis *definition.Visual) {
	if vis.Kind != definition.KindLine {
		return
	}
	type axisOptions struct {
		MissingDataConfigurations []struct{ TreatmentOption string }
	}
	var m struct {
		ChartConfiguration *struct {
			PrimaryYAxisDisplayOptions   *axisOptions
			SecondaryYAxisDisplayOptions *axisOptions
		}
	}
	if json.Unmarshal(vis.Raw, &m) != nil || m.ChartConfiguration == nil {
		return
	}
	treatment := func(a *axisOptions) string {
		if a == nil || len(a.MissingDataConfigurations) == 0 {
			return ""
		}
		return a.MissingDataConfigurations[0].TreatmentOption
	}
	byAxis := []string{treatment(m.ChartConfiguration.PrimaryYAxisDisplayOptions), treatment(m.ChartConfiguration.SecondaryYAxisDisplayOptions)}
	eachSeries(opt, func(s obj) {
		axis := 0
		if s["yAxisIndex"] == 1 {
			axis = 1
		}
		switch byAxis[axis] {
		case "INTERPOLATE":
			s["connectNulls"] = true
		case "SHOW_AS_ZERO":
			if data, ok := s["data"].([]any); ok {
				for i, v := range data {
					if v == nil {
						data[i] = 0.0
					}
				}
			}
		}
	})
}
