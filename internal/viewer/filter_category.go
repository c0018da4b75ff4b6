package viewer

import (
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// listMatch maps the match operator of a filter list or custom filter
// list (FilterListConfiguration, CustomFilterListConfiguration) to the
// question's: their CONTAINS and DOES_NOT_CONTAIN include or exclude the
// listed values themselves, as the console's "filter list" checkboxes do
// (QuickSight documents partial matching for the single-value custom
// filter alone); the other operators are as for a custom filter.
var listMatch = map[string]string{
	"CONTAINS":         query.In,
	"DOES_NOT_CONTAIN": query.NotIn,
}

// categoryMatch maps a CategoryFilterMatchOperator to the question's match
// over a list of values.
var categoryMatch = map[string]string{
	"":                 query.In,
	"EQUALS":           query.In,
	"DOES_NOT_EQUAL":   query.NotIn,
	"CONTAINS":         query.Contains,
	"DOES_NOT_CONTAIN": query.NotContains,
	"STARTS_WITH":      query.StartsWith,
	"ENDS_WITH":        query.EndsWith,
}

func (v *View) categoryFilter(c *definition.CategoryFilter, unsupported unsupportedFunc) (query.Filter, bool, error) {
	q := query.Filter{Kind: query.CategoryFilter, Field: c.Column.ColumnName}
	if c.Configuration == nil {
		return unsupported("no Configuration")
	}
	var match, selectAll string
	var values []string
	list := false
	switch cfg := c.Configuration; {
	case cfg.FilterListConfiguration != nil:
		l := cfg.FilterListConfiguration
		match, values, q.NullOption, selectAll, list = l.MatchOperator, l.CategoryValues, l.NullOption, l.SelectAllOptions, true
	case cfg.CustomFilterListConfiguration != nil:
		l := cfg.CustomFilterListConfiguration
		match, values, q.NullOption, selectAll, list = l.MatchOperator, l.CategoryValues, l.NullOption, l.SelectAllOptions, true
	case cfg.CustomFilterConfiguration != nil:
		l := cfg.CustomFilterConfiguration
		match, q.NullOption, selectAll = l.MatchOperator, l.NullOption, l.SelectAllOptions
		if l.ParameterName != "" {
			if !v.hasParam(l.ParameterName) {
				return q, false, nil
			}
			q.ValuesParameter = l.ParameterName
		} else {
			values = []string{l.CategoryValue} // an empty value is a value
		}
	default:
		return unsupported("a Configuration member")
	}
	m, ok := categoryMatch[match]
	if exact, isList := listMatch[match]; list && isList {
		m = exact
	}
	if !ok {
		return unsupported("the MatchOperator " + match)
	}
	q.Match = m
	if selectAll == "FILTER_ALL_VALUES" {
		q.ValuesParameter, values = "", nil
	}
	if vs, ok := v.state["f."+c.FilterId]; ok { // the filter's control
		q.ValuesParameter, values = "", nil
		for _, s := range vs {
			if s == AllValues {
				return q, false, nil // the viewer chose every value
			}
			if s != "" {
				values = append(values, s)
			}
		}
		if len(values) == 0 {
			return q, false, nil
		}
	}
	if q.ValuesParameter == "" && len(values) == 0 {
		return nullOptionOnly(q.Field, q.NullOption)
	}
	for _, s := range values {
		q.Values = append(q.Values, s)
	}
	return q, true, nil
}
