package viewer

import (
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

func (v *View) numericRangeFilter(n *definition.NumericRangeFilter) (query.Filter, bool, error) {
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
		return nullOptionOnly(q.Field, n.NullOption)
	}
	return q, true, nil
}

func (v *View) numericEqualityFilter(n *definition.NumericEqualityFilter, unsupported unsupportedFunc) (query.Filter, bool, error) {
	agg := genericAggregation(n.AggregationFunction)
	q := query.Filter{Kind: query.NumericRangeFilter, Field: n.Column.ColumnName, NullOption: n.NullOption,
		IncludeMin: true, IncludeMax: true, Aggregation: agg}
	switch n.MatchOperator {
	case "", "EQUALS":
	case "DOES_NOT_EQUAL":
		q = query.Filter{Kind: query.CategoryFilter, Field: n.Column.ColumnName, NullOption: n.NullOption,
			Match: query.NotEquals, Aggregation: agg}
	default:
		return unsupported("the MatchOperator " + n.MatchOperator)
	}
	switch {
	case n.ParameterName != "":
		if !v.hasParam(n.ParameterName) {
			return q, false, nil
		}
		if q.Kind == query.CategoryFilter {
			q.ValuesParameter = n.ParameterName
		} else {
			q.MinParameter, q.MaxParameter = n.ParameterName, n.ParameterName
		}
	case n.Value != nil:
		if q.Kind == query.CategoryFilter {
			q.Values = []any{*n.Value}
		} else {
			q.Min, q.Max = n.Value, n.Value
		}
	default:
		return nullOptionOnly(q.Field, n.NullOption) // no value: every value (SelectAllOptions)
	}
	return q, true, nil
}
