package query

import (
	"errors"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

func TestCompileErrors(t *testing.T) {
	tables, err := salesTables("orders")
	if err != nil {
		t.Fatal(err)
	}
	rel, args, _ := tables.Relation(dialect.SQLite)
	cases := []struct {
		q    Question
		want string
	}{
		{Question{}, "A question needs at least one dimension or measure"},
		{Question{Dimensions: []Dimension{{Field: "Nope"}}}, `Dimensions[0].Field: unknown field "Nope"`},
		{Question{Dimensions: []Dimension{{Field: "Region", Granularity: dialect.Month}}}, `Dimensions[0]: a granularity needs a DATETIME field, "Region" is STRING`},
		{Question{Dimensions: []Dimension{{Field: "order_date", Granularity: "FORTNIGHT"}}}, `Dimensions[0].Granularity "FORTNIGHT" must be one of YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND`},
		{Question{Measures: []Measure{{Field: "Region", Aggregation: Sum}}}, `Measures[0]: SUM needs a numeric field, "Region" is STRING`},
		{Question{Measures: []Measure{{Field: "quantity", Aggregation: "MODE"}}}, `Measures[0].Aggregation "MODE" must be one of SUM, AVERAGE, MIN, MAX, COUNT, DISTINCT_COUNT, MEDIAN, PERCENTILE, STDEV, STDEVP, VAR, VARP`},
		{Question{Measures: []Measure{{Field: "quantity"}}}, `Measures[0].Aggregation is required: "quantity" is not an aggregated calculated field`},
		{Question{Measures: []Measure{{Field: "quantity", Aggregation: Percentile, Percentile: 120}}}, "Measures[0].Percentile must be between 0 and 100"},
		{Question{Dimensions: []Dimension{{Field: "Region"}}, Measures: []Measure{{ID: "Region", Field: "quantity", Aggregation: Sum}}}, `Measures[0]: the id "Region" is used twice`},
		{Question{Dimensions: []Dimension{{Field: "Region"}}, Sort: []Sort{{ID: "x"}}}, `Sort[0].ID "x" is not a dimension or measure of the question`},
		{Question{Dimensions: []Dimension{{Field: "A"}}, CalculatedFields: []CalculatedField{{Name: "A", Expression: "{B} + 1"}, {Name: "B", Expression: "{A} * 2"}}},
			`Calculated field "A" refers to itself`},
		{Question{Dimensions: []Dimension{{Field: "A"}}, CalculatedFields: []CalculatedField{{Name: "A", Expression: "sum({quantity})"}}},
			`Dimensions[0]: "A" is aggregated and cannot be a dimension`},
		{Question{Measures: []Measure{{Field: "A"}}, CalculatedFields: []CalculatedField{{Name: "A", Expression: "sum({quantity}) + {quantity}"}}},
			`The expression of calculated field "A" is invalid: mismatched aggregation: aggregated and unaggregated fields cannot be combined at position 17`},
		{Question{Measures: []Measure{{Field: "A"}}, CalculatedFields: []CalculatedField{{Name: "A", Expression: "sum({Quantity})"}}},
			`The expression of calculated field "A" is invalid: unknown field "Quantity" at position 5`},
		{Question{Dimensions: []Dimension{{Field: "Region"}}, CalculatedFields: []CalculatedField{{Name: "Region", Expression: "1"}}},
			`Calculated field "Region" has the name of a dataset column`},
		{Question{Dimensions: []Dimension{{Field: "Region"}}, Filters: []Filter{{Kind: "FUZZY", Field: "Region"}}},
			`Filters[0].Kind "FUZZY" must be CATEGORY, NUMERIC_RANGE, DATE_RANGE, RELATIVE_DATE or TOP_BOTTOM`},
		{Question{Dimensions: []Dimension{{Field: "Region"}}, Filters: []Filter{{Kind: CategoryFilter, Field: "Region", Match: In}}},
			"Filters[0].Values must have 1 to 10000 values"},
		{Question{Dimensions: []Dimension{{Field: "Region"}}, Filters: []Filter{{Kind: NumericRangeFilter, Field: "Region"}}},
			`Filters[0]: a numeric range needs a numeric field, "Region" is STRING`},
		{Question{Dimensions: []Dimension{{Field: "Region"}}, Filters: []Filter{{Kind: RelativeDateFilter, Field: "order_date", RelativeDateType: Last, TimeGranularity: dialect.Day}}},
			"Filters[0]: RelativeDateValue must be 1 to 10000"},
		{Question{Dimensions: []Dimension{{Field: "Region"}}, Filters: []Filter{{Kind: DateRangeFilter, Field: "order_date", FromParameter: "Start"}}},
			`Filters[0].FromParameter: unknown parameter "Start"`},
		{Question{Dimensions: []Dimension{{Field: "Region"}}, Filters: []Filter{{Kind: TopBottomFilter, Field: "Region", N: 0}}},
			"Filters[0].N must be 1 to 10000"},
		{Question{Dimensions: []Dimension{{Field: "Region"}}, Limit: -1}, "Limit must not be negative"},
	}
	for i, c := range cases {
		_, err := Compile(&c.q, rel, args, tables.OutputColumns(), dialect.SQLite)
		e, ok := errors.AsType[*sg.Error](err)
		if !ok || e.Code != sg.EINVALID || e.Message != c.want {
			t.Errorf("case %d: got %v, want EINVALID %q", i, err, c.want)
		}
	}
}

func TestRelativeRange(t *testing.T) {
	cases := []struct {
		g        dialect.Granularity
		typ      string
		n        int
		from, to string
	}{
		{dialect.Day, Previous, 7, "2025-03-07 00:00:00", "2025-03-14 00:00:00"},
		{dialect.Week, This, 0, "2025-03-09 00:00:00", "2025-03-16 00:00:00"},
		{dialect.Month, Last, 3, "2025-01-01 00:00:00", "2025-04-01 00:00:00"},
		{dialect.Quarter, Next, 1, "2025-04-01 00:00:00", "2025-07-01 00:00:00"},
		{dialect.Year, Previous, 1, "2024-01-01 00:00:00", "2025-01-01 00:00:00"},
		{dialect.Hour, Last, 2, "2025-03-14 14:00:00", "2025-03-14 16:00:00"},
	}
	for _, c := range cases {
		from, to, err := RelativeRange(testNow, c.g, c.typ, c.n)
		if err != nil || from.Format("2006-01-02 15:04:05") != c.from || to.Format("2006-01-02 15:04:05") != c.to {
			t.Errorf("%s %s %d: [%v, %v) %v; want [%s, %s)", c.typ, c.g, c.n, from, to, err, c.from, c.to)
		}
	}
}
