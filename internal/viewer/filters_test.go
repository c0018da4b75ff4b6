package viewer

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// filterView is a one-visual sheet (a KPI over sales) with one filter
// group of the given filters on every sheet.
func filterView(t *testing.T, filters string, st State) *View {
	t.Helper()
	def, err := definition.Parse([]byte(`{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "ParameterDeclarations": [
  {"IntegerParameterDeclaration": {"Name": "N", "ParameterValueType": "SINGLE_VALUED", "DefaultValues": {"StaticValues": [2]}}},
  {"StringParameterDeclaration": {"Name": "Word", "ParameterValueType": "SINGLE_VALUED", "DefaultValues": {"StaticValues": ["ab"]}}},
  {"DateTimeParameterDeclaration": {"Name": "Day", "DefaultValues": {"StaticValues": [1767225600]}}}
 ],
 "FilterGroups": [{"FilterGroupId": "g", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED", "ScopeConfiguration": {"AllSheets": {}},
   "Filters": [` + filters + `]}],
 "Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [
  {"KPIVisual": {"VisualId": "kpi", "ChartConfiguration": {"FieldWells": {
    "Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}]}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	return New(def, st, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
}

const col = `"Column": {"DataSetIdentifier": "sales", "ColumnName": "name"}`

// Every filter the viewer cannot compute yet makes the visual say so, by
// filter id and feature, and asks nothing: never the unfiltered number.
func TestUnsupportedFiltersAreNamed(t *testing.T) {
	cases := map[string]struct{ filter, what string }{
		"nested, inner of another dataset": {`{"NestedFilter": {"FilterId": "f", ` + col + `, "IncludeInnerSet": true, "InnerFilter": {"CategoryInnerFilter": {"Column": {"DataSetIdentifier": "other", "ColumnName": "x"},
			"Configuration": {"FilterListConfiguration": {"MatchOperator": "EQUALS", "CategoryValues": ["a"]}}}}}}`, `"f" (NestedFilter) uses an InnerFilter of another dataset`},
		"nested, inner without a member": {`{"NestedFilter": {"FilterId": "f", ` + col + `, "IncludeInnerSet": true, "InnerFilter": {}}}`, "CategoryInnerFilter"},
		"exclude period in milliseconds": {`{"TimeRangeFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RangeMinimumValue": {"StaticValue": 1},
			"ExcludePeriodConfiguration": {"Amount": 1, "Granularity": "MILLISECOND", "Status": "ENABLED"}}}`, `ExcludePeriodConfiguration Granularity of "MILLISECOND"`},
		"exclude period of no periods": {`{"RelativeDatesFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "LAST",
			"RelativeDateValue": 3, "TimeGranularity": "DAY", "AnchorDateConfiguration": {"AnchorOption": "NOW"},
			"ExcludePeriodConfiguration": {"Amount": 0, "Granularity": "DAY"}}}`, "ExcludePeriodConfiguration Amount of 0"},
		"time granularity finer than the minimum": {`{"RelativeDatesFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "LAST",
			"RelativeDateValue": 3, "TimeGranularity": "DAY", "MinimumGranularity": "MONTH", "AnchorDateConfiguration": {"AnchorOption": "NOW"}}}`,
			"a TimeGranularity DAY finer than its MinimumGranularity MONTH"},
		"rolling date over a field":     {`{"TimeEqualityFilter": {"FilterId": "f", ` + col + `, "RollingDate": {"Expression": "truncDate('MM', {order_date})"}}}`, "RollingDate"},
		"rolling bound, other function": {`{"TimeRangeFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RangeMaximumValue": {"RollingDate": {"Expression": "epochDate(0)"}}}}`, "epochDate"},
		"millisecond":                   {`{"TimeEqualityFilter": {"FilterId": "f", ` + col + `, "Value": 1767225600, "TimeGranularity": "MILLISECOND"}}`, "MILLISECOND"},
		"top N by milliseconds": {`{"TopBottomFilter": {"FilterId": "f", ` + col + `, "Limit": 3, "TimeGranularity": "MILLISECOND",
			"AggregationSortConfigurations": [{"Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "SortDirection": "DESC"}]}}`, "TimeGranularity MILLISECOND"},
		"top N without sort":             {`{"TopBottomFilter": {"FilterId": "f", ` + col + `, "Limit": 3}}`, "AggregationSortConfigurations"},
		"category without configuration": {`{"CategoryFilter": {"FilterId": "f", ` + col + `}}`, "Configuration"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			v := filterView(t, c.filter, nil)
			if _, _, ok := v.VisualQuestion("s", "kpi"); ok {
				t.Error("VisualQuestion asks a question despite the filter")
			}
			asked := false
			s := v.RenderSheet(context.Background(), "s", func(context.Context, string, *query.Question) (*Result, error) {
				asked = true
				return &Result{}, nil
			}, 0)
			tile := s.Tiles[0]
			if asked || tile.Kind != TileUnsupported || !strings.Contains(tile.Message, `The filter "f"`) || !strings.Contains(tile.Message, c.what) {
				t.Errorf("asked %v, tile %s: %q; want unsupported naming %q", asked, tile.Kind, tile.Message, c.what)
			}
			var ue *UnsupportedFilterError
			if _, err := v.question(mustPlan(t, v), "s", "kpi"); !errors.As(err, &ue) || ue.FilterID != "f" {
				t.Errorf("question error %v", err)
			}
		})
	}
}

func mustPlan(t *testing.T, v *View) *plan {
	t.Helper()
	p, ok := planOf(&v.def.Sheets[0].Visuals[0])
	if !ok {
		t.Fatal("no plan")
	}
	return p
}

// The filters the viewer computes become exactly these question filters.
func TestFiltersCompiled(t *testing.T) {
	f64 := func(x float64) *float64 { return &x }
	day := time.Unix(1767225600, 0).UTC()
	cases := map[string]struct {
		filter string
		state  State
		want   []query.Filter
	}{
		"contains": {`{"CategoryFilter": {"FilterId": "f", ` + col + `, "Configuration": {"CustomFilterConfiguration": {"MatchOperator": "CONTAINS", "CategoryValue": "ab", "NullOption": "NON_NULLS_ONLY"}}}}`, nil,
			[]query.Filter{{Kind: query.CategoryFilter, Field: "name", Match: query.Contains, Values: []any{"ab"}, NullOption: "NON_NULLS_ONLY"}}},
		// A filter list's CONTAINS and DOES_NOT_CONTAIN include or exclude
		// the listed values themselves (the console's filter list).
		"does not contain, filter list": {`{"CategoryFilter": {"FilterId": "f", ` + col + `, "Configuration": {"FilterListConfiguration": {"MatchOperator": "DOES_NOT_CONTAIN", "CategoryValues": ["a", "b"], "NullOption": "ALL_VALUES"}}}}`, nil,
			[]query.Filter{{Kind: query.CategoryFilter, Field: "name", Match: query.NotIn, Values: []any{"a", "b"}, NullOption: "ALL_VALUES"}}},
		"contains, custom filter list": {`{"CategoryFilter": {"FilterId": "f", ` + col + `, "Configuration": {"CustomFilterListConfiguration": {"MatchOperator": "CONTAINS", "CategoryValues": ["a", "b"], "NullOption": "NON_NULLS_ONLY"}}}}`, nil,
			[]query.Filter{{Kind: query.CategoryFilter, Field: "name", Match: query.In, Values: []any{"a", "b"}, NullOption: "NON_NULLS_ONLY"}}},
		"starts with, custom filter list": {`{"CategoryFilter": {"FilterId": "f", ` + col + `, "Configuration": {"CustomFilterListConfiguration": {"MatchOperator": "STARTS_WITH", "CategoryValues": ["a", "b"], "NullOption": "NON_NULLS_ONLY"}}}}`, nil,
			[]query.Filter{{Kind: query.CategoryFilter, Field: "name", Match: query.StartsWith, Values: []any{"a", "b"}, NullOption: "NON_NULLS_ONLY"}}},
		"starts with a parameter": {`{"CategoryFilter": {"FilterId": "f", ` + col + `, "Configuration": {"CustomFilterConfiguration": {"MatchOperator": "STARTS_WITH", "ParameterName": "Word", "NullOption": "NON_NULLS_ONLY"}}}}`, nil,
			[]query.Filter{{Kind: query.CategoryFilter, Field: "name", Match: query.StartsWith, ValuesParameter: "Word", NullOption: "NON_NULLS_ONLY"}}},
		"ends with an empty value": {`{"CategoryFilter": {"FilterId": "f", ` + col + `, "Configuration": {"CustomFilterConfiguration": {"MatchOperator": "ENDS_WITH", "NullOption": "NON_NULLS_ONLY"}}}}`, nil,
			[]query.Filter{{Kind: query.CategoryFilter, Field: "name", Match: query.EndsWith, Values: []any{""}, NullOption: "NON_NULLS_ONLY"}}},
		"all values, non-nulls only": {`{"CategoryFilter": {"FilterId": "f", ` + col + `, "Configuration": {"FilterListConfiguration": {"MatchOperator": "CONTAINS", "SelectAllOptions": "FILTER_ALL_VALUES", "NullOption": "NON_NULLS_ONLY"}}}}`, nil,
			[]query.Filter{{Kind: query.CategoryFilter, Field: "name", Match: query.AnyValue, NullOption: "NON_NULLS_ONLY"}}},
		"all values, all rows": {`{"CategoryFilter": {"FilterId": "f", ` + col + `, "Configuration": {"FilterListConfiguration": {"MatchOperator": "CONTAINS", "SelectAllOptions": "FILTER_ALL_VALUES", "NullOption": "ALL_VALUES"}}}}`, nil, nil},
		"a control's choice replaces the values": {`{"CategoryFilter": {"FilterId": "f", ` + col + `, "Configuration": {"FilterListConfiguration": {"MatchOperator": "CONTAINS", "CategoryValues": ["x"], "NullOption": "NON_NULLS_ONLY"}}}}`,
			State{"f.f": {"y", "z"}}, []query.Filter{{Kind: query.CategoryFilter, Field: "name", Match: query.In, Values: []any{"y", "z"}, NullOption: "NON_NULLS_ONLY"}}},
		"nested, include": {`{"NestedFilter": {"FilterId": "f", ` + col + `, "IncludeInnerSet": true, "InnerFilter": {"CategoryInnerFilter": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "year"},
			"Configuration": {"FilterListConfiguration": {"MatchOperator": "EQUALS", "CategoryValues": ["2022"], "NullOption": "NON_NULLS_ONLY"}}}}}}`, nil,
			[]query.Filter{{Kind: query.NestedFilter, Field: "name", IncludeInner: true,
				Inner: &query.Filter{Kind: query.CategoryFilter, Field: "year", Match: query.In, Values: []any{"2022"}, NullOption: "NON_NULLS_ONLY"}}}},
		"nested, exclude, the control's choice": {`{"NestedFilter": {"FilterId": "f", ` + col + `, "IncludeInnerSet": false, "InnerFilter": {"CategoryInnerFilter": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "year"},
			"Configuration": {"FilterListConfiguration": {"MatchOperator": "EQUALS", "CategoryValues": ["2022"], "NullOption": "NON_NULLS_ONLY"}}}}}}`, State{"f.f": {"2023"}},
			[]query.Filter{{Kind: query.NestedFilter, Field: "name",
				Inner: &query.Filter{Kind: query.CategoryFilter, Field: "year", Match: query.In, Values: []any{"2023"}, NullOption: "NON_NULLS_ONLY"}}}},
		"nested, every inner value": {`{"NestedFilter": {"FilterId": "f", ` + col + `, "IncludeInnerSet": true, "InnerFilter": {"CategoryInnerFilter": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "year"},
			"Configuration": {"FilterListConfiguration": {"MatchOperator": "EQUALS", "CategoryValues": ["2022"], "NullOption": "NON_NULLS_ONLY"}}}}}}`, State{"f.f": {AllValues}}, nil},
		"top 3 months by revenue": {`{"TopBottomFilter": {"FilterId": "f", ` + col + `, "Limit": 3, "TimeGranularity": "MONTH",
			"AggregationSortConfigurations": [{"Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "SortDirection": "DESC", "AggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}`, nil,
			[]query.Filter{{Kind: query.TopBottomFilter, Field: "name", N: 3, Granularity: "MONTH", By: query.Measure{Field: "revenue", Aggregation: query.Sum}}}},
		"a control's all": {`{"CategoryFilter": {"FilterId": "f", ` + col + `, "Configuration": {"FilterListConfiguration": {"MatchOperator": "EQUALS", "CategoryValues": ["x"], "NullOption": "NON_NULLS_ONLY"}}}}`,
			State{"f.f": {AllValues}}, nil},
		"numeric does not equal": {`{"NumericEqualityFilter": {"FilterId": "f", ` + col + `, "MatchOperator": "DOES_NOT_EQUAL", "Value": 3, "NullOption": "ALL_VALUES"}}`, nil,
			[]query.Filter{{Kind: query.CategoryFilter, Field: "name", Match: query.NotEquals, Values: []any{3.0}, NullOption: "ALL_VALUES"}}},
		"numeric equals": {`{"NumericEqualityFilter": {"FilterId": "f", ` + col + `, "MatchOperator": "EQUALS", "Value": 3, "NullOption": "NON_NULLS_ONLY"}}`, nil,
			[]query.Filter{{Kind: query.NumericRangeFilter, Field: "name", Min: f64(3), Max: f64(3), IncludeMin: true, IncludeMax: true, NullOption: "NON_NULLS_ONLY"}}},
		"time equality by month": {`{"TimeEqualityFilter": {"FilterId": "f", ` + col + `, "Value": 1767225600, "TimeGranularity": "MONTH"}}`, nil,
			[]query.Filter{{Kind: query.DateRangeFilter, Field: "name", From: &day, To: &day, IncludeFrom: true, IncludeTo: true, Granularity: "MONTH"}}},
		"time equality from a parameter": {`{"TimeEqualityFilter": {"FilterId": "f", ` + col + `, "ParameterName": "Day", "TimeGranularity": "DAY"}}`, nil,
			[]query.Filter{{Kind: query.DateRangeFilter, Field: "name", FromParameter: "Day", ToParameter: "Day", IncludeFrom: true, IncludeTo: true, Granularity: "DAY"}}},
		"relative dates from a parameter": {`{"RelativeDatesFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "LAST", "ParameterName": "N",
			"TimeGranularity": "MONTH", "MinimumGranularity": "MONTH", "AnchorDateConfiguration": {"AnchorOption": "NOW"}}}`, nil,
			[]query.Filter{{Kind: query.RelativeDateFilter, Field: "name", RelativeDateType: "LAST", RelativeDateValue: 2, TimeGranularity: "MONTH", NullOption: "NON_NULLS_ONLY"}}},
		"exclude period": {`{"TimeRangeFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RangeMinimumValue": {"StaticValue": 1767225600},
			"ExcludePeriodConfiguration": {"Amount": 2, "Granularity": "MONTH", "Status": "ENABLED"}}}`, nil,
			[]query.Filter{{Kind: query.DateRangeFilter, Field: "name", From: &day, IncludeFrom: true, IncludeTo: true, NullOption: "NON_NULLS_ONLY", ExcludeAmount: 2, ExcludeGranularity: "MONTH"}}},
		"exclude period, no bounds": {`{"TimeRangeFilter": {"FilterId": "f", ` + col + `, "NullOption": "ALL_VALUES",
			"ExcludePeriodConfiguration": {"Amount": 1, "Granularity": "YEAR"}}}`, nil,
			[]query.Filter{{Kind: query.DateRangeFilter, Field: "name", IncludeFrom: true, IncludeTo: true, NullOption: "ALL_VALUES", ExcludeAmount: 1, ExcludeGranularity: "YEAR"}}},
		"relative dates less an exclude period": {`{"RelativeDatesFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "LAST", "RelativeDateValue": 3,
			"TimeGranularity": "MONTH", "AnchorDateConfiguration": {"AnchorOption": "NOW"}, "ExcludePeriodConfiguration": {"Amount": 1, "Granularity": "DAY"}}}`, nil,
			[]query.Filter{{Kind: query.RelativeDateFilter, Field: "name", RelativeDateType: "LAST", RelativeDateValue: 3, TimeGranularity: "MONTH", NullOption: "NON_NULLS_ONLY", ExcludeAmount: 1, ExcludeGranularity: "DAY"}}},
		"previous period without a value": {`{"RelativeDatesFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RelativeDateType": "PREVIOUS",
			"TimeGranularity": "MONTH", "AnchorDateConfiguration": {"AnchorOption": "NOW"}}}`, nil,
			[]query.Filter{{Kind: query.RelativeDateFilter, Field: "name", RelativeDateType: "PREVIOUS", RelativeDateValue: 1, TimeGranularity: "MONTH", NullOption: "NON_NULLS_ONLY"}}},
		"disabled exclude period": {`{"TimeRangeFilter": {"FilterId": "f", ` + col + `, "NullOption": "NON_NULLS_ONLY", "RangeMinimumValue": {"StaticValue": 1767225600}, "TimeGranularity": "DAY",
			"ExcludePeriodConfiguration": {"Amount": 1, "Granularity": "DAY", "Status": "DISABLED"}}}`, nil,
			[]query.Filter{{Kind: query.DateRangeFilter, Field: "name", From: &day, IncludeFrom: true, IncludeTo: true, Granularity: "DAY", NullOption: "NON_NULLS_ONLY"}}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, q, ok := filterView(t, c.filter, c.state).VisualQuestion("s", "kpi")
			if !ok {
				t.Fatal("no question")
			}
			wantEq(t, "filters", q.Filters, c.want)
		})
	}
}
