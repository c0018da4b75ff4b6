package viewer

import (
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// timeGranularity converts a definition's TimeGranularity to the
// question's; false for one the engine does not truncate to
// (MILLISECOND).
func timeGranularity(g string) (dialect.Granularity, bool) {
	if g == "" {
		return "", true
	}
	return dialect.Granularity(g), dialect.ValidGranularity(dialect.Granularity(g))
}

func (v *View) timeRangeFilter(t *definition.TimeRangeFilter, unsupported unsupportedFunc) (query.Filter, bool, error) {
	amount, exclude, refused := excludePeriod(t.ExcludePeriodConfiguration)
	if refused != "" {
		return unsupported(refused)
	}
	rolling := map[*definition.TimeRangeFilterValue]time.Time{}
	for _, b := range []*definition.TimeRangeFilterValue{t.RangeMinimumValue, t.RangeMaximumValue} {
		if b != nil && b.RollingDate != nil && b.Parameter == "" && b.StaticValue == nil {
			x, err := v.rollingDate(b.RollingDate.Expression)
			if err != nil {
				return unsupported("a RollingDate bound with " + err.Error())
			}
			rolling[b] = x
		}
	}
	for _, b := range []*definition.TimeRangeFilterValue{t.RangeMinimumValue, t.RangeMaximumValue} {
		if b != nil && b.Parameter != "" {
			if err := v.rollingDefaultError(b.Parameter); err != nil {
				return unsupported("the parameter " + b.Parameter + "'s RollingDate default with " + err.Error())
			}
		}
	}
	g, ok := timeGranularity(t.TimeGranularity)
	if !ok {
		return unsupported("the TimeGranularity " + t.TimeGranularity)
	}
	q := query.Filter{Kind: query.DateRangeFilter, Field: t.Column.ColumnName, NullOption: t.NullOption,
		IncludeFrom: t.IncludeMinimum == nil || *t.IncludeMinimum, IncludeTo: t.IncludeMaximum == nil || *t.IncludeMaximum,
		Granularity: g, ExcludeAmount: amount, ExcludeGranularity: exclude}
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
		if x, ok := rolling[b]; ok {
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
	if s := v.state.Get("f." + t.FilterId + ".to"); s != "" && q.To != nil && len(s) == len(time.DateOnly) && g == "" {
		next := q.To.AddDate(0, 0, 1)
		q.To, q.IncludeTo = &next, false
	}
	if q.From == nil && q.To == nil && q.FromParameter == "" && q.ToParameter == "" && amount == 0 {
		return nullOptionOnly(q.Field, t.NullOption)
	}
	return q, true, nil
}

// timeEqualityFilter keeps the rows whose date falls in the period (at
// TimeGranularity) of the filter's value, or equals it exactly when the
// filter has no granularity.
func (v *View) timeEqualityFilter(t *definition.TimeEqualityFilter, unsupported unsupportedFunc) (query.Filter, bool, error) {
	g, ok := timeGranularity(t.TimeGranularity)
	if !ok {
		return unsupported("the TimeGranularity " + t.TimeGranularity)
	}
	q := query.Filter{Kind: query.DateRangeFilter, Field: t.Column.ColumnName, IncludeFrom: true, IncludeTo: true, Granularity: g}
	switch {
	case t.ParameterName != "":
		if !v.hasParam(t.ParameterName) {
			return q, false, nil
		}
		q.FromParameter, q.ToParameter = t.ParameterName, t.ParameterName
	case t.Value != nil:
		x := epoch(*t.Value)
		q.From, q.To = &x, &x
	case t.RollingDate != nil:
		x, err := v.rollingDate(t.RollingDate.Expression)
		if err != nil {
			return unsupported("a RollingDate value with " + err.Error())
		}
		q.From, q.To = &x, &x
	default:
		return q, false, nil // no value: every date
	}
	return q, true, nil
}

func (v *View) relativeDatesFilter(r *definition.RelativeDatesFilter, unsupported unsupportedFunc) (query.Filter, bool, error) {
	amount, exclude, refused := excludePeriod(r.ExcludePeriodConfiguration)
	if refused != "" {
		return unsupported(refused)
	}
	// MinimumGranularity bounds the control's choices, not the window
	// (minimumGranularity): the window is TimeGranularity's whole periods.
	if _, refused := minimumGranularity(r); refused != "" {
		return unsupported(refused)
	}
	typ, gran, chosen := v.relativeState(r)
	q := query.Filter{Kind: query.RelativeDateFilter, Field: r.Column.ColumnName, NullOption: r.NullOption,
		RelativeDateType: typ, TimeGranularity: dialect.Granularity(gran), ExcludeAmount: amount, ExcludeGranularity: exclude}
	switch {
	case chosen != nil: // the control's N
		q.RelativeDateValue = *chosen
	case r.ParameterName != "": // the parameter holds N
		p, ok := v.qparams[r.ParameterName]
		if !ok {
			return q, false, nil
		}
		n, ok := p.(int64)
		if !ok {
			return unsupported("a parameter that is not an integer for its value")
		}
		q.RelativeDateValue = int(n)
	case r.RelativeDateValue != nil:
		q.RelativeDateValue = int(*r.RelativeDateValue)
	case typ == query.Previous || typ == query.Next:
		// "Previous month" as the console writes it: no value, one period
		// (e2e/testdata/realdefs/NOTES.md).
		q.RelativeDateValue = 1
	}
	if a := r.AnchorDateConfiguration; a != nil && a.ParameterName != "" {
		if !v.hasParam(a.ParameterName) {
			return q, false, nil
		}
		q.AnchorParameter = a.ParameterName
	}
	return q, true, nil
}

// topBottomFilter keeps the rows of the N values of its column ranked
// first (or last) by the aggregated sort column; for a date column with a
// TimeGranularity, of the N periods at that granularity.
func (v *View) topBottomFilter(t *definition.TopBottomFilter, unsupported unsupportedFunc) (query.Filter, bool, error) {
	g, ok := timeGranularity(t.TimeGranularity)
	if !ok {
		return unsupported("the TimeGranularity " + t.TimeGranularity)
	}
	q := query.Filter{Kind: query.TopBottomFilter, Field: t.Column.ColumnName, Granularity: g}
	switch {
	case t.ParameterName != "":
		p, ok := v.qparams[t.ParameterName]
		if !ok {
			return q, false, nil
		}
		n, ok := p.(int64)
		if !ok {
			return unsupported("a parameter that is not an integer for its limit")
		}
		q.N = int(n)
	case t.Limit != nil:
		q.N = int(*t.Limit)
	default:
		return unsupported("no Limit")
	}
	if len(t.AggregationSortConfigurations) == 0 || t.AggregationSortConfigurations[0].Column == nil {
		return unsupported("no AggregationSortConfigurations")
	}
	if len(t.AggregationSortConfigurations) > 1 {
		return unsupported("more than one AggregationSortConfiguration")
	}
	s := t.AggregationSortConfigurations[0]
	q.Bottom = s.SortDirection == "ASC"
	q.By = query.Measure{Field: s.Column.ColumnName, Aggregation: genericAggregation(s.AggregationFunction)}
	if q.By.Aggregation == "" {
		q.By.Aggregation = query.Sum
	}
	return q, true, nil
}
