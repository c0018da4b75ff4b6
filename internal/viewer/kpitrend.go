package viewer

import (
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// A KPI with a trend group shows the value of the latest period, not the
// total over all periods: the question groups by the trend field, newest
// first, and keeps the two latest periods (the latest and the one it is
// compared with).

// kpiTrend plans a KPI's trend group. A trend sorted other than newest
// first is refused by name rather than guessed.
func (p *plan) kpiTrend(c *definition.KPIConfiguration) {
	if c.FieldWells == nil || len(c.FieldWells.TrendGroups) == 0 {
		return
	}
	trend := dims(c.FieldWells.TrendGroups)
	if len(trend) == 0 {
		return
	}
	p.category = trend[:1]
	if c.SortConfiguration != nil {
		for _, o := range c.SortConfiguration.TrendGroupSort {
			if o.FieldSort == nil || o.FieldSort.FieldId != trend[0].id || o.FieldSort.Direction != "DESC" {
				p.refuse("TrendGroupSort other than the trend field descending")
				return
			}
		}
	}
	p.sort = []query.Sort{{ID: trend[0].id, Descending: true}}
	p.limit = 2
}
