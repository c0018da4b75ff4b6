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
