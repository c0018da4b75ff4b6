package viewer

import (
	"slices"
	"strconv"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// applies reports whether a filter group's scope covers a visual.
func applies(g *definition.FilterGroup, sheetID, visualID string) bool {
	if g.Status == "DISABLED" || g.ScopeConfiguration == nil {
		return false
	}
	sc := g.ScopeConfiguration
	if len(sc.AllSheets) > 0 && string(sc.AllSheets) != "null" {
		return true
	}
	if sc.SelectedSheets == nil {
		return false
	}
	for _, s := range sc.SelectedSheets.SheetVisualScopingConfigurations {
		if s.SheetId != sheetID {
			continue
		}
		if s.Scope == "ALL_VISUALS" || slices.Contains(s.VisualIds, visualID) {
			return true
		}
	}
	return false
}

// visualFilters returns the question filters of the groups that apply to
// a visual over dataSet, with the viewer's control values and parameters.
func (v *View) visualFilters(sheetID, visualID, dataSet string) []query.Filter {
	var out []query.Filter
	for i := range v.def.FilterGroups {
		g := &v.def.FilterGroups[i]
		if !applies(g, sheetID, visualID) {
			continue
		}
		for j := range g.Filters {
			_, _, col := g.Filters[j].Kind()
			if col == nil || (g.CrossDataset != "ALL_DATASETS" && col.DataSetIdentifier != dataSet) {
				continue
			}
			if f, ok := v.filter(&g.Filters[j]); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// hasParam reports whether a parameter has a value.
func (v *View) hasParam(name string) bool {
	_, ok := v.qparams[name]
	return ok
}

// filter converts one filter; false drops it (nothing selected: all
// values, a parameter without a value, or a kind not compiled yet).
func (v *View) filter(f *definition.Filter) (query.Filter, bool) {
	switch {
	case f.CategoryFilter != nil:
		return v.categoryFilter(f.CategoryFilter)
	case f.NumericRangeFilter != nil:
		return v.numericRangeFilter(f.NumericRangeFilter)
	case f.NumericEqualityFilter != nil:
		n := f.NumericEqualityFilter
		q := query.Filter{Kind: query.NumericRangeFilter, Field: n.Column.ColumnName, NullOption: n.NullOption,
			IncludeMin: true, IncludeMax: true, Aggregation: genericAggregation(n.AggregationFunction)}
		if n.MatchOperator != "" && n.MatchOperator != "EQUALS" {
			return q, false
		}
		switch {
		case n.ParameterName != "":
			if !v.hasParam(n.ParameterName) {
				return q, false
			}
			q.MinParameter, q.MaxParameter = n.ParameterName, n.ParameterName
		case n.Value != nil:
			q.Min, q.Max = n.Value, n.Value
		default:
			return q, false
		}
		return q, true
	case f.TimeRangeFilter != nil:
		return v.timeRangeFilter(f.TimeRangeFilter)
	case f.RelativeDatesFilter != nil:
		r := f.RelativeDatesFilter
		q := query.Filter{Kind: query.RelativeDateFilter, Field: r.Column.ColumnName, NullOption: r.NullOption,
			RelativeDateType: r.RelativeDateType, TimeGranularity: dialect.Granularity(r.TimeGranularity)}
		if r.RelativeDateValue != nil {
			q.RelativeDateValue = int(*r.RelativeDateValue)
		}
		if a := r.AnchorDateConfiguration; a != nil && a.ParameterName != "" {
			if !v.hasParam(a.ParameterName) {
				return q, false
			}
			q.AnchorParameter = a.ParameterName
		}
		return q, true
	case f.TopBottomFilter != nil:
		t := f.TopBottomFilter
		q := query.Filter{Kind: query.TopBottomFilter, Field: t.Column.ColumnName}
		switch {
		case t.ParameterName != "":
			val, ok := v.qparams[t.ParameterName].(int64)
			if !ok {
				return q, false
			}
			q.N = int(val)
		case t.Limit != nil:
			q.N = int(*t.Limit)
		default:
			return q, false
		}
		if len(t.AggregationSortConfigurations) == 0 || t.AggregationSortConfigurations[0].Column == nil {
			return q, false
		}
		s := t.AggregationSortConfigurations[0]
		q.Bottom = s.SortDirection == "ASC"
		q.By = query.Measure{Field: s.Column.ColumnName, Aggregation: genericAggregation(s.AggregationFunction)}
		if q.By.Aggregation == "" {
			q.By.Aggregation = query.Sum
		}
		return q, true
	}
	return query.Filter{}, false
}

func (v *View) categoryFilter(c *definition.CategoryFilter) (query.Filter, bool) {
	q := query.Filter{Kind: query.CategoryFilter, Field: c.Column.ColumnName}
	if c.Configuration == nil {
		return q, false
	}
	var match string
	var values []string
	switch cfg := c.Configuration; {
	case cfg.FilterListConfiguration != nil:
		l := cfg.FilterListConfiguration
		match, values, q.NullOption = l.MatchOperator, l.CategoryValues, l.NullOption
		if l.SelectAllOptions == "FILTER_ALL_VALUES" {
			values = nil
		}
	case cfg.CustomFilterListConfiguration != nil:
		l := cfg.CustomFilterListConfiguration
		match, values, q.NullOption = l.MatchOperator, l.CategoryValues, l.NullOption
		if l.SelectAllOptions == "FILTER_ALL_VALUES" {
			values = nil
		}
	case cfg.CustomFilterConfiguration != nil:
		l := cfg.CustomFilterConfiguration
		match, q.NullOption = l.MatchOperator, l.NullOption
		if l.ParameterName != "" {
			if !v.hasParam(l.ParameterName) {
				return q, false
			}
			q.ValuesParameter = l.ParameterName
		} else if l.CategoryValue != "" {
			values = []string{l.CategoryValue}
		}
	}
	if vs, ok := v.state["f."+c.FilterId]; ok {
		values = nil
		for _, s := range vs {
			if s == AllValues {
				return q, false
			}
			if s != "" {
				values = append(values, s)
			}
		}
	}
	switch match {
	case "", "EQUALS":
		q.Match = query.In
	case "DOES_NOT_EQUAL":
		q.Match = query.NotIn
	default:
		return q, false // CONTAINS, STARTS_WITH, …: not compiled yet
	}
	if q.ValuesParameter == "" {
		if len(values) == 0 {
			return q, false
		}
		for _, s := range values {
			q.Values = append(q.Values, s)
		}
	}
	return q, true
}

func (v *View) numericRangeFilter(n *definition.NumericRangeFilter) (query.Filter, bool) {
	q := query.Filter{Kind: query.NumericRangeFilter, Field: n.Column.ColumnName, NullOption: n.NullOption,
		IncludeMin: n.IncludeMinimum == nil || *n.IncludeMinimum, IncludeMax: n.IncludeMaximum == nil || *n.IncludeMaximum,
		Aggregation: genericAggregation(n.AggregationFunction)}
	bound := func(b *definition.NumericRangeFilterValue, state string) (*float64, string, bool) {
		if s := v.state.Get("f." + n.FilterId + "." + state); s != "" {
			if x, err := strconv.ParseFloat(s, 64); err == nil {
				return &x, "", true
			}
		}
		if b == nil {
			return nil, "", true
		}
		if b.Parameter != "" {
			return nil, b.Parameter, v.hasParam(b.Parameter)
		}
		return b.StaticValue, "", true
	}
	var ok1, ok2 bool
	q.Min, q.MinParameter, ok1 = bound(n.RangeMinimum, "min")
	q.Max, q.MaxParameter, ok2 = bound(n.RangeMaximum, "max")
	if !ok1 {
		q.Min, q.MinParameter = nil, ""
	}
	if !ok2 {
		q.Max, q.MaxParameter = nil, ""
	}
	if q.Min == nil && q.Max == nil && q.MinParameter == "" && q.MaxParameter == "" {
		return q, false
	}
	return q, true
}

func (v *View) timeRangeFilter(t *definition.TimeRangeFilter) (query.Filter, bool) {
	q := query.Filter{Kind: query.DateRangeFilter, Field: t.Column.ColumnName, NullOption: t.NullOption,
		IncludeFrom: t.IncludeMinimum == nil || *t.IncludeMinimum, IncludeTo: t.IncludeMaximum == nil || *t.IncludeMaximum}
	bound := func(b *definition.TimeRangeFilterValue, state string) (*time.Time, string) {
		if s := v.state.Get("f." + t.FilterId + "." + state); s != "" {
			if x, ok := parseTime(s); ok {
				return &x, ""
			}
		}
		if b == nil {
			return nil, ""
		}
		if b.Parameter != "" {
			if v.hasParam(b.Parameter) {
				return nil, b.Parameter
			}
			return nil, ""
		}
		if b.StaticValue != nil {
			x := epoch(*b.StaticValue)
			return &x, ""
		}
		return nil, ""
	}
	q.From, q.FromParameter = bound(t.RangeMinimumValue, "from")
	q.To, q.ToParameter = bound(t.RangeMaximumValue, "to")
	// A date picker's days are included whole: from the start of "from"
	// up to, not including, the start of the day after "to".
	if s := v.state.Get("f." + t.FilterId + ".from"); s != "" && q.From != nil && len(s) == len(time.DateOnly) {
		q.IncludeFrom = true
	}
	if s := v.state.Get("f." + t.FilterId + ".to"); s != "" && q.To != nil && len(s) == len(time.DateOnly) {
		next := q.To.AddDate(0, 0, 1)
		q.To, q.IncludeTo = &next, false
	}
	if q.From == nil && q.To == nil && q.FromParameter == "" && q.ToParameter == "" {
		return q, false
	}
	return q, true
}
