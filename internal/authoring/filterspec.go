package authoring

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Filter is a filter as the filters pane builds it. Kind is the Filter
// union member; the other members are what that kind reads:
//
//   - CategoryFilter: Match (EQUALS, DOES_NOT_EQUAL, CONTAINS,
//     DOES_NOT_CONTAIN, STARTS_WITH, ENDS_WITH) and Values (a custom list),
//     or Parameter (a STRING parameter holds the values).
//   - NumericEqualityFilter: Match (EQUALS, DOES_NOT_EQUAL) and one Value,
//     or Parameter.
//   - NumericRangeFilter, TimeRangeFilter: Min and Max (numbers, or dates
//     as 2006-01-02), each bound static or a parameter (MinParameter,
//     MaxParameter); at least one bound.
//   - TimeEqualityFilter: one Value (a date) or Parameter, at Granularity.
//   - RelativeDatesFilter: RelativeType (PREVIOUS, THIS, LAST, NOW, NEXT),
//     Granularity and N (the number of periods, for LAST and NEXT), or
//     Parameter (an INTEGER parameter holds N).
//   - TopBottomFilter: the top (or Bottom) N values of Column by the
//     aggregation of By, or Parameter (an INTEGER parameter holds N).
//
// CrossDataset applies the filter to every dataset of the analysis with a
// field of the same name, as QuickSight's ALL_DATASETS does.
type Filter struct {
	Kind         string
	Column       Column
	Match        string
	Values       []string
	Parameter    string
	Min, Max     string
	MinParameter string
	MaxParameter string
	Granularity  string
	RelativeType string
	N            int
	By           *Column
	Aggregation  string
	Bottom       bool
	Scope        Scope
	CrossDataset bool
}

// FilterKinds are the filter kinds the filters pane builds, with labels.
var FilterKinds = []struct{ Kind, Label string }{
	{"CategoryFilter", "Text: values or a match"},
	{"NumericEqualityFilter", "Number: equals"},
	{"NumericRangeFilter", "Number: range"},
	{"TimeEqualityFilter", "Date: equals"},
	{"TimeRangeFilter", "Date: range"},
	{"RelativeDatesFilter", "Date: relative"},
	{"TopBottomFilter", "Top or bottom N"},
}

// CategoryMatches are the match operators of a category filter the
// viewer applies.
var CategoryMatches = []string{"EQUALS", "DOES_NOT_EQUAL", "CONTAINS", "DOES_NOT_CONTAIN", "STARTS_WITH", "ENDS_WITH"}

// RelativeTypes are the relative date types.
var RelativeTypes = []string{"PREVIOUS", "THIS", "LAST", "NOW", "NEXT"}

// checkParameter refuses a parameter the definition does not declare or
// whose type is not one of types.
func checkParameter(d obj, name string, types ...string) error {
	_, u, member := declaredParameter(d, name)
	if u == nil {
		return editErr("there is no parameter %s", name)
	}
	for _, t := range types {
		if m, _ := parameterMember(t); m == member {
			return nil
		}
	}
	return editErr("parameter %s is not a %s parameter", name, strings.ToLower(strings.Join(types, " or ")))
}

func oneValue(f Filter) (string, error) {
	if len(f.Values) != 1 {
		return "", editErr("a %s needs one value, or a parameter", f.Kind)
	}
	return f.Values[0], nil
}

// filterObject builds the filter's object (without its FilterId).
func (f Filter) filterObject(d obj) (obj, error) {
	o := obj{"Column": f.Column.ref()}
	needs := func(ok bool, what string) error {
		if !ok {
			return editErr("a %s needs %s", f.Kind, what)
		}
		return nil
	}
	switch f.Kind {
	case "CategoryFilter":
		match := f.Match
		if match == "" {
			match = "EQUALS"
		}
		if !slices.Contains(CategoryMatches, match) {
			return nil, editErr("a category filter can't match with %s", match)
		}
		switch {
		case f.Parameter != "":
			if err := checkParameter(d, f.Parameter, "STRING"); err != nil {
				return nil, err
			}
			o["Configuration"] = obj{"CustomFilterConfiguration": obj{"MatchOperator": match, "ParameterName": f.Parameter, "NullOption": "NON_NULLS_ONLY"}}
		case len(f.Values) == 1 && match != "EQUALS" && match != "DOES_NOT_EQUAL":
			o["Configuration"] = obj{"CustomFilterConfiguration": obj{"MatchOperator": match, "CategoryValue": f.Values[0], "NullOption": "NON_NULLS_ONLY"}}
		case len(f.Values) > 0:
			o["Configuration"] = obj{"CustomFilterListConfiguration": obj{"MatchOperator": match, "CategoryValues": stringsAny(f.Values), "NullOption": "NON_NULLS_ONLY"}}
		default:
			return nil, needs(false, "at least one value, or a parameter")
		}
	case "NumericEqualityFilter":
		if err := needs(f.Column.numeric(), "a numeric field"); err != nil {
			return nil, err
		}
		match := f.Match
		if match == "" {
			match = "EQUALS"
		}
		if match != "EQUALS" && match != "DOES_NOT_EQUAL" {
			return nil, editErr("a numeric equality filter matches with EQUALS or DOES_NOT_EQUAL, not %s", match)
		}
		o["MatchOperator"], o["NullOption"] = match, "NON_NULLS_ONLY"
		if f.Parameter != "" {
			if err := checkParameter(d, f.Parameter, "INTEGER", "DECIMAL"); err != nil {
				return nil, err
			}
			o["ParameterName"] = f.Parameter
			break
		}
		s, err := oneValue(f)
		if err != nil {
			return nil, err
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return nil, editErr("the value %q is not a number", s)
		}
		o["Value"] = number(v)
	case "NumericRangeFilter", "TimeRangeFilter":
		date := f.Kind == "TimeRangeFilter"
		if date {
			if err := needs(f.Column.Type == "DATETIME", "a date field"); err != nil {
				return nil, err
			}
		} else if err := needs(f.Column.numeric(), "a numeric field"); err != nil {
			return nil, err
		}
		lo, err := rangeBound(d, f.Min, f.MinParameter, date)
		if err != nil {
			return nil, err
		}
		hi, err := rangeBound(d, f.Max, f.MaxParameter, date)
		if err != nil {
			return nil, err
		}
		if lo == nil && hi == nil {
			return nil, needs(false, "a minimum or a maximum")
		}
		if lo != nil && hi != nil && lo["StaticValue"] != nil && hi["StaticValue"] != nil {
			a, _ := lo["StaticValue"].(json.Number).Float64()
			b, _ := hi["StaticValue"].(json.Number).Float64()
			if a > b {
				return nil, editErr("the minimum is above the maximum")
			}
		}
		minKey, maxKey := "RangeMinimum", "RangeMaximum"
		if date {
			minKey, maxKey = "RangeMinimumValue", "RangeMaximumValue"
		}
		if lo != nil {
			o[minKey] = lo
		}
		if hi != nil {
			o[maxKey] = hi
		}
		o["NullOption"], o["IncludeMinimum"], o["IncludeMaximum"] = "NON_NULLS_ONLY", true, true
	case "TimeEqualityFilter":
		if err := needs(f.Column.Type == "DATETIME", "a date field"); err != nil {
			return nil, err
		}
		if f.Granularity != "" {
			if !slices.Contains(Granularities, f.Granularity) {
				return nil, editErr("there is no time granularity %s", f.Granularity)
			}
			o["TimeGranularity"] = f.Granularity
		}
		if f.Parameter != "" {
			if err := checkParameter(d, f.Parameter, "DATETIME"); err != nil {
				return nil, err
			}
			o["ParameterName"] = f.Parameter
			break
		}
		s, err := oneValue(f)
		if err != nil {
			return nil, err
		}
		v, err := dateValue(s)
		if err != nil {
			return nil, err
		}
		o["Value"] = v
	case "RelativeDatesFilter":
		if err := needs(f.Column.Type == "DATETIME", "a date field"); err != nil {
			return nil, err
		}
		if !slices.Contains(RelativeTypes, f.RelativeType) {
			return nil, editErr("a relative dates filter is PREVIOUS, THIS, LAST, NOW or NEXT, not %q", f.RelativeType)
		}
		g := f.Granularity
		if g == "" {
			g = "DAY"
		}
		if !slices.Contains(Granularities, g) {
			return nil, editErr("there is no time granularity %s", g)
		}
		o["RelativeDateType"], o["TimeGranularity"], o["NullOption"] = f.RelativeType, g, "NON_NULLS_ONLY"
		o["AnchorDateConfiguration"] = obj{"AnchorOption": "NOW"}
		if f.RelativeType == "LAST" || f.RelativeType == "NEXT" {
			switch {
			case f.Parameter != "":
				if err := checkParameter(d, f.Parameter, "INTEGER"); err != nil {
					return nil, err
				}
				o["ParameterName"] = f.Parameter
			case f.N > 0:
				o["RelativeDateValue"] = f.N
			default:
				return nil, needs(false, "a number of periods above 0, or a parameter")
			}
		}
	case "TopBottomFilter":
		if f.By == nil || !f.By.numeric() {
			return nil, needs(false, "a numeric field to rank by")
		}
		if f.By.DataSetIdentifier != f.Column.DataSetIdentifier {
			return nil, editErr("a top or bottom filter ranks by a field of the same dataset")
		}
		agg := f.Aggregation
		if agg == "" {
			agg = "SUM"
		}
		if !slices.Contains(Aggregations["NumericalMeasureField"], agg) {
			return nil, editErr("a top or bottom filter can't aggregate with %s", agg)
		}
		dir := "DESC"
		if f.Bottom {
			dir = "ASC"
		}
		o["AggregationSortConfigurations"] = []any{obj{"Column": f.By.ref(), "SortDirection": dir, "AggregationFunction": obj{"NumericalAggregationFunction": obj{"SimpleNumericalAggregation": agg}}}}
		switch {
		case f.Parameter != "":
			if err := checkParameter(d, f.Parameter, "INTEGER"); err != nil {
				return nil, err
			}
			o["ParameterName"] = f.Parameter
		case f.N > 0:
			o["Limit"] = f.N
		default:
			return nil, needs(false, "a number of values above 0, or a parameter")
		}
	default:
		return nil, editErr("the filters pane can't build a %q", f.Kind)
	}
	return o, nil
}

// rangeBound returns a range bound: a parameter, a static value, or nil.
func rangeBound(d obj, value, parameter string, date bool) (obj, error) {
	if parameter != "" {
		types := []string{"INTEGER", "DECIMAL"}
		if date {
			types = []string{"DATETIME"}
		}
		if err := checkParameter(d, parameter, types...); err != nil {
			return nil, err
		}
		return obj{"Parameter": parameter}, nil
	}
	if value = strings.TrimSpace(value); value == "" {
		return nil, nil
	}
	if date {
		v, err := dateValue(value)
		if err != nil {
			return nil, err
		}
		return obj{"StaticValue": v}, nil
	}
	v, err := strconv.ParseFloat(value, 64)
	if err != nil {
		return nil, editErr("the bound %q is not a number", value)
	}
	return obj{"StaticValue": number(v)}, nil
}

func dateValue(s string) (json.Number, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return "", editErr("%q is not a date (2006-01-02)", s)
	}
	return number(float64(t.Unix())), nil
}

// AddFilter adds a filter group of one filter, in its scope, and returns
// the definition, the group's id and the filter's id.
func AddFilter(raw []byte, f Filter) ([]byte, string, string, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, "", "", err
	}
	o, err := f.filterObject(d)
	if err != nil {
		return nil, "", "", err
	}
	gid, err := addFilterGroup(d, f.Scope, f.Kind, o)
	if err != nil {
		return nil, "", "", err
	}
	if f.CrossDataset {
		groups := list(d, "FilterGroups")
		groups[len(groups)-1].(obj)["CrossDataset"] = "ALL_DATASETS"
	}
	out, err := encode(d)
	return out, gid, str(o["FilterId"]), err
}

// ReplaceFilter replaces the filter of a one-filter group with f, keeping
// the group's and the filter's ids and the controls bound to it; the
// group's scope and cross-dataset option become f's.
func ReplaceFilter(raw []byte, groupID string, f Filter) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	groups := list(d, "FilterGroups")
	i := slices.IndexFunc(groups, func(g any) bool {
		gob, _ := g.(obj)
		return gob["FilterGroupId"] == groupID
	})
	if i < 0 {
		return nil, editErr("there is no filter group %s", groupID)
	}
	g := groups[i].(obj)
	filters := list(g, "Filters")
	if len(filters) != 1 {
		return nil, editErr("filter group %s holds %d filters: the editor edits groups of one", groupID, len(filters))
	}
	f0, _ := filters[0].(obj)
	old, oldKind := onlyMember(f0)
	if old == nil {
		return nil, editErr("filter group %s holds no filter the editor reads", groupID)
	}
	o, err := f.filterObject(d)
	if err != nil {
		return nil, err
	}
	sc, err := f.Scope.configuration(d)
	if err != nil {
		return nil, err
	}
	o["FilterId"] = old["FilterId"]
	if oldKind != f.Kind {
		// A control made for the old kind may not fit the new one.
		for _, s := range sheets(d) {
			for _, c := range list(s, "FilterControls") {
				ids := map[string]bool{}
				usedIDs(c, "SourceFilterId", ids)
				if ids[str(old["FilterId"])] {
					return nil, editErr("filter %s has a control: remove it before changing the filter's kind", str(old["FilterId"]))
				}
			}
		}
	}
	g["Filters"] = []any{obj{f.Kind: o}}
	g["ScopeConfiguration"] = sc
	g["CrossDataset"] = "SINGLE_DATASET"
	if f.CrossDataset {
		g["CrossDataset"] = "ALL_DATASETS"
	}
	return encode(d)
}
