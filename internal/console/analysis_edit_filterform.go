package console

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// filterFormValues are a filter group's values as the filter form shows
// them, so that "Edit" opens the form filled with the filter as it is.
// A new filter's form has the zero values (a category filter on the
// sheet).
type filterFormValues struct {
	Kind, Field, Match, Values, Parameter string
	Min, Max, MinParameter, MaxParameter  string
	Granularity, RelativeType, N          string
	By, Aggregation                       string
	Bottom, Cross                         bool
	Scope                                 string // sheet, visual, visuals, all
	Visuals                               map[string]bool
}

// filterForm is the data of the filter form's template: the editor, the
// group it edits ("" for a new filter) and the values it shows.
type filterForm struct {
	Ed       *editorData
	Group    string
	V        filterFormValues
	Editable bool // a new filter, or a group the form can show
}

func newFilterForm(ed *editorData, group string) filterForm {
	f := filterForm{Ed: ed, Group: group, V: filterFormValues{Scope: "sheet"}, Editable: group == ""}
	if v, ok := ed.Params.filterValues[group]; ok && group != "" {
		f.V, f.Editable = v, true
	}
	return f
}

func fieldKey(c *definition.ColumnIdentifier) string {
	if c == nil {
		return ""
	}
	return url.Values{"d": {c.DataSetIdentifier}, "c": {c.ColumnName}}.Encode()
}

func floatText(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func dateText(p *float64) string {
	if p == nil {
		return ""
	}
	return time.Unix(int64(*p), 0).UTC().Format(time.DateOnly)
}

// filterGroupValues reads a one-filter group into the form's values;
// false for a group the form can't show (several filters, a nested one).
func filterGroupValues(g definition.FilterGroup, sheetID string) (filterFormValues, bool) {
	if len(g.Filters) != 1 {
		return filterFormValues{}, false
	}
	f := g.Filters[0]
	kind, _, col := f.Kind()
	v := filterFormValues{Kind: kind, Field: fieldKey(col), Cross: g.CrossDataset == "ALL_DATASETS", Scope: "sheet", Visuals: map[string]bool{}}
	switch {
	case f.CategoryFilter != nil && f.CategoryFilter.Configuration != nil:
		cfg := f.CategoryFilter.Configuration
		switch {
		case cfg.FilterListConfiguration != nil:
			v.Match, v.Values = cfg.FilterListConfiguration.MatchOperator, strings.Join(cfg.FilterListConfiguration.CategoryValues, ", ")
		case cfg.CustomFilterListConfiguration != nil:
			v.Match, v.Values = cfg.CustomFilterListConfiguration.MatchOperator, strings.Join(cfg.CustomFilterListConfiguration.CategoryValues, ", ")
		case cfg.CustomFilterConfiguration != nil:
			c := cfg.CustomFilterConfiguration
			v.Match, v.Values, v.Parameter = c.MatchOperator, c.CategoryValue, c.ParameterName
		}
	case f.NumericEqualityFilter != nil:
		n := f.NumericEqualityFilter
		v.Match, v.Values, v.Parameter = n.MatchOperator, floatText(n.Value), n.ParameterName
	case f.NumericRangeFilter != nil:
		n := f.NumericRangeFilter
		if n.RangeMinimum != nil {
			v.Min, v.MinParameter = floatText(n.RangeMinimum.StaticValue), n.RangeMinimum.Parameter
		}
		if n.RangeMaximum != nil {
			v.Max, v.MaxParameter = floatText(n.RangeMaximum.StaticValue), n.RangeMaximum.Parameter
		}
	case f.TimeRangeFilter != nil:
		t := f.TimeRangeFilter
		if t.RangeMinimumValue != nil {
			v.Min, v.MinParameter = dateText(t.RangeMinimumValue.StaticValue), t.RangeMinimumValue.Parameter
		}
		if t.RangeMaximumValue != nil {
			v.Max, v.MaxParameter = dateText(t.RangeMaximumValue.StaticValue), t.RangeMaximumValue.Parameter
		}
	case f.TimeEqualityFilter != nil:
		t := f.TimeEqualityFilter
		v.Values, v.Parameter, v.Granularity = dateText(t.Value), t.ParameterName, t.TimeGranularity
	case f.RelativeDatesFilter != nil:
		r := f.RelativeDatesFilter
		v.RelativeType, v.Granularity, v.Parameter = r.RelativeDateType, r.TimeGranularity, r.ParameterName
		if r.RelativeDateValue != nil {
			v.N = strconv.Itoa(int(*r.RelativeDateValue))
		}
	case f.TopBottomFilter != nil:
		t := f.TopBottomFilter
		v.Parameter = t.ParameterName
		if t.Limit != nil {
			v.N = strconv.Itoa(int(*t.Limit))
		}
		if len(t.AggregationSortConfigurations) > 0 {
			s := t.AggregationSortConfigurations[0]
			v.By, v.Bottom = fieldKey(s.Column), s.SortDirection == "ASC"
			if a := s.AggregationFunction; a != nil && a.NumericalAggregationFunction != nil {
				v.Aggregation = a.NumericalAggregationFunction.SimpleNumericalAggregation
			}
		}
	default:
		return filterFormValues{}, false
	}
	if sc := g.ScopeConfiguration; sc != nil && sc.AllSheets != nil {
		v.Scope = "all"
	} else if sc != nil && sc.SelectedSheets != nil {
		for _, c := range sc.SelectedSheets.SheetVisualScopingConfigurations {
			if c.SheetId == sheetID && c.Scope == "SELECTED_VISUALS" {
				v.Scope = "visuals"
				for _, id := range c.VisualIds {
					v.Visuals[id] = true
				}
			}
		}
	}
	return v, true
}

// filterLabelMore describes the filters the filters pane builds beyond a
// category list ("" for others).
func filterLabelMore(f definition.Filter) string {
	v, ok := filterGroupValues(definition.FilterGroup{Filters: []definition.Filter{f}}, "")
	if !ok {
		return ""
	}
	_, _, col := f.Kind()
	name := columnName(col)
	value := v.Values
	if v.Parameter != "" {
		value = "${" + v.Parameter + "}"
	}
	bound := func(s, p string) string {
		if p != "" {
			return "${" + p + "}"
		}
		return s
	}
	switch v.Kind {
	case "CategoryFilter", "NumericEqualityFilter":
		return name + " " + matchText(f, v.Match) + " " + value
	case "TimeEqualityFilter":
		return name + " on " + value + granularityText(v.Granularity)
	case "NumericRangeFilter", "TimeRangeFilter":
		lo, hi := bound(v.Min, v.MinParameter), bound(v.Max, v.MaxParameter)
		switch {
		case lo != "" && hi != "":
			return name + " from " + lo + " to " + hi
		case lo != "":
			return name + " ≥ " + lo
		case hi != "":
			return name + " ≤ " + hi
		}
	case "RelativeDatesFilter":
		n := v.N
		if v.Parameter != "" {
			n = "${" + v.Parameter + "}"
		}
		return name + " in " + strings.ToLower(strings.TrimSpace(v.RelativeType+" "+n+" "+v.Granularity))
	case "TopBottomFilter":
		dir, n := "top", v.N
		if v.Bottom {
			dir = "bottom"
		}
		if v.Parameter != "" {
			n = "${" + v.Parameter + "}"
		}
		by, _ := url.ParseQuery(v.By)
		return name + ": " + dir + " " + n + " by " + strings.ToLower(orText(v.Aggregation, "SUM")) + "(" + by.Get("c") + ")"
	}
	return ""
}

func orText(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func granularityText(g string) string {
	if g == "" {
		return ""
	}
	return " (" + strings.ToLower(g) + ")"
}
