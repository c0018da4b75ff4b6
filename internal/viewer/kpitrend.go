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
// first is refused by name rather than guessed: the references do not say
// which period a KPI shows when its trend runs oldest first or by a
// measure.
func (p *plan) kpiTrend(c *definition.KPIConfiguration) {
	if c.FieldWells == nil || len(c.FieldWells.TrendGroups) == 0 {
		return
	}
	trend := dims(c.FieldWells.TrendGroups)
	if len(trend) == 0 {
		return
	}
	p.category = trend[:1]
	if c.SortConfiguration != nil && len(c.SortConfiguration.TrendGroupSort) > 0 && !newestFirst(c.SortConfiguration.TrendGroupSort[0], trend[0]) {
		p.refuse("TrendGroupSort other than the trend field descending")
		return
	}
	p.sort = []query.Sort{{ID: trend[0].id, Descending: true}}
	p.limit = 2
}

// newestFirst reports whether a trend group's first sort is its trend
// field descending: a FieldSort of the field, or a ColumnSort of its
// column without an aggregation. Sorts after it cannot reorder the
// periods, each of which is one row.
func newestFirst(o definition.FieldSortOptions, trend field) bool {
	switch {
	case o.FieldSort != nil:
		return o.FieldSort.FieldId == trend.id && o.FieldSort.Direction == "DESC"
	case o.ColumnSort != nil && o.ColumnSort.SortBy != nil:
		by := o.ColumnSort.SortBy
		return trend.dim != nil && by.ColumnName == trend.dim.Field && by.DataSetIdentifier == trend.dataSet &&
			o.ColumnSort.AggregationFunction == nil && o.ColumnSort.Direction == "DESC"
	}
	return false
}
