package query

import (
	"errors"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// FuzzTableCalc compiles questions whose calculated field is arbitrary
// text, seeded with table calculations: compiling never panics, fails
// only with modeled errors, and what compiles renders.
func FuzzTableCalc(f *testing.F) {
	for _, c := range tcCases {
		f.Add(c.calc, true)
	}
	for _, s := range []string{"rank([{Region} ASC, sum({quantity}) DESC], [{product}], PRE_FILTER)", "sum({quantity}, [{Region}, {product}])",
		"percentOfTotal(sum({quantity})) / 100", "lag(sum({quantity}), [{Region} ASC], -3, [])", "windowSum(sum({quantity}), [{Region} DESC], 0, 0)",
		"periodOverPeriodLastValue(sum({quantity}), {order_date}, YEAR, 1)", "sumOver(sumOver({quantity}, [], PRE_FILTER), [], PRE_AGG)"} {
		f.Add(s, false)
	}
	for _, s := range []string{"periodOverPeriodDifference(sum({quantity}), {order_date})", "periodOverPeriodPercentDifference(sum({quantity}), {order_date}, MONTH, -2)",
		"periodOverPeriodLastValue(sum({quantity}), {order_date}, 'MONTH', 60) + sum({quantity})",
		"periodOverPeriodDifference(runningSum(sum({quantity}), [{order_date} ASC], [{Region}]), {order_date}, YEAR, -1)",
		"periodToDateAvgOverTime(percentOfTotal(sum({quantity})), {order_date}, QUARTER)",
		"rank([periodToDateSumOverTime(sum({quantity}), {order_date}, YEAR) DESC], [{Region}])"} {
		f.Add(s, true)
	}
	tables, err := salesTables("orders")
	if err != nil {
		f.Fatal(err)
	}
	cols := tables.OutputColumns()
	f.Fuzz(func(t *testing.T, src string, twoDims bool) {
		q := Question{
			Dimensions:       []Dimension{{Field: "Region"}},
			Measures:         []Measure{{ID: "q", Field: "quantity", Aggregation: Sum}, {ID: "tc", Field: "tc", Aggregation: Sum, DefaultAggregation: true}},
			CalculatedFields: []CalculatedField{{Name: "tc", Expression: src}},
			Filters:          []Filter{{Kind: CategoryFilter, Field: "product", Match: NotEquals, Values: []any{"x"}}},
		}
		if twoDims {
			q.Dimensions = append(q.Dimensions, Dimension{Field: "order_date", Granularity: dialect.Month})
		}
		for _, d := range dialects {
			rel, args, err := tables.Relation(d)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Compile(&q, rel, args, cols, d)
			if err != nil {
				if _, ok := errors.AsType[*sg.Error](err); !ok {
					t.Fatalf("%s: Compile(%q): %T %v", d.Name(), src, err, err)
				}
			}
		}
	})
}
