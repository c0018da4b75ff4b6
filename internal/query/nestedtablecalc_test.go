package query

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// shares is each group's percent of the total of q.
func shares(q []float64) []float64 {
	out := make([]float64, len(q))
	for i := range q {
		out[i] = q[i] * 100 / fsum(q)
	}
	return out
}

func sortedCopy(xs []float64) []float64 {
	out := append([]float64(nil), xs...)
	slices.Sort(out)
	return out
}

func plus(a, b []float64) []float64 {
	out := make([]float64, len(a))
	for i := range a {
		out[i] = a[i] + b[i]
	}
	return out
}

// nestedTCCases are table calculations of table calculations: the inner
// one is a column of a layer below the outer one (tclayers.go). They
// join tcCases, drawn on every engine by TestTableCalculationsAcrossEngines.
var nestedTCCases = []tcCase{
	{name: "nested: runningSum of percentOfTotal", calc: "runningSum(percentOfTotal(sum({quantity})), [{Region} ASC])",
		want: func(_ []tcGroup, q []float64) []float64 { return running(shares(q), fsum) }},
	{name: "nested: rank by a runningSum", calc: "rank([runningSum(sum({quantity}), [{Region} ASC]) DESC])",
		want: func(_ []tcGroup, q []float64) []float64 { return ranks(running(q, fsum), false) }},
	{name: "nested: difference of a runningSum", calc: "difference(runningSum(sum({quantity}), [{Region} ASC]), [{Region} ASC], 1)",
		want: func(_ []tcGroup, q []float64) []float64 {
			r := running(q, fsum)
			n := shift(r, 1)
			for i := range n {
				n[i] -= r[i]
			}
			return n
		}},
	{name: "nested: three deep", calc: "percentOfTotal(runningSum(percentOfTotal(sum({quantity})), [{Region} ASC]))",
		want: func(_ []tcGroup, q []float64) []float64 { return shares(running(shares(q), fsum)) }},
	{name: "nested: the inner calculation read twice", calc: "runningSum(percentOfTotal(sum({quantity})), [{Region} ASC]) + percentOfTotal(sum({quantity}))",
		want: func(_ []tcGroup, q []float64) []float64 { return plus(running(shares(q), fsum), shares(q)) }},
	{name: "nested: sumOver of a lag", calc: "sumOver(lag(sum({quantity}), [{Region} ASC], 1), [])",
		want: func(_ []tcGroup, q []float64) []float64 {
			s := 0.0
			for _, x := range shift(q, -1) {
				if x == x {
					s += x
				}
			}
			return fill(len(q), s)
		}},
	{name: "nested: partitioned by Region in Region and product", dims: []string{"Region", "product"},
		calc: "runningSum(percentOfTotal(sum({quantity}), [{Region}]), [{product} ASC], [{Region}])",
		want: func(g []tcGroup, q []float64) []float64 {
			out := make([]float64, len(q))
			for i := range q {
				total, acc := 0.0, 0.0
				for j := range q {
					if g[j].key[0] == g[i].key[0] {
						total += q[j]
					}
				}
				for j := 0; j <= i; j++ {
					if g[j].key[0] == g[i].key[0] {
						acc += q[j] * 100 / total
					}
				}
				out[i] = acc
			}
			return out
		}},
	{name: "nested: rank by a sumOver", dims: []string{"Region", "product"},
		calc: "rank([sumOver(sum({quantity}), [{Region}]) DESC])",
		want: func(g []tcGroup, q []float64) []float64 {
			totals := make([]float64, len(q))
			for i := range q {
				for j := range q {
					if g[j].key[0] == g[i].key[0] {
						totals[i] += q[j]
					}
				}
			}
			return ranks(totals, false)
		}},
	{name: "nested: percentOfTotal of a partitioned sumOver of rows", dims: []string{"Region", "product"},
		calc: "percentOfTotal(sumOver({quantity}, [{Region}])) + sumOver({quantity}, [{Region}])",
		want: func(g []tcGroup, q []float64) []float64 {
			totals := make([]float64, len(q))
			for i := range q {
				for j := range q {
					if g[j].key[0] == g[i].key[0] {
						totals[i] += q[j]
					}
				}
			}
			return plus(shares(totals), totals)
		}},
	{name: "percentileOver of aggregated values", calc: "percentileOver(sum({quantity}), 50, [])",
		want: func(_ []tcGroup, q []float64) []float64 {
			return fill(len(q), percentileDisc(sortedCopy(q), 0.5))
		}},
	{name: "percentileContOver of aggregated values", calc: "percentileContOver(sum({quantity}), 25, [])",
		want: func(_ []tcGroup, q []float64) []float64 { return fill(len(q), percentile(sortedCopy(q), 0.25)) }},
	{name: "medianOver of aggregated values by Region", dims: []string{"Region", "product"},
		calc: "medianOver(sum({quantity}), [{Region}])",
		want: func(g []tcGroup, q []float64) []float64 {
			out := make([]float64, len(q))
			for i := range q {
				var xs []float64
				for j := range q {
					if g[j].key[0] == g[i].key[0] {
						xs = append(xs, q[j])
					}
				}
				out[i] = percentile(sortedCopy(xs), 0.5)
			}
			return out
		}},
	{name: "nested: runningSum of a percentileOver", calc: "runningSum(percentileDiscOver(sum({quantity}), 75, []), [{Region} ASC])",
		want: func(_ []tcGroup, q []float64) []float64 {
			return running(fill(len(q), percentileDisc(sortedCopy(q), 0.75)), fsum)
		}},
}

func init() { tcCases = append(tcCases, nestedTCCases...) }

// TestNestedTableCalculationFilter keeps the groups a filter on a nested
// table calculation keeps, after every layer: the regions whose running
// share is at most 60 percent.
func TestNestedTableCalculationFilter(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	var qs []float64
	var regions []string
	for _, g := range tcGroups(nil, false) {
		qs = append(qs, sumQuantity(g.rows))
		regions = append(regions, g.key[0])
	}
	runs := running(shares(qs), fsum)
	sixty := 60.0
	var want [][]string
	for i := range qs {
		if runs[i] <= sixty {
			want = append(want, []string{regions[i], formatFloat(qs[i]), formatFloat(runs[i])})
		}
	}
	if len(want) < 1 || len(want) == len(qs) {
		t.Fatalf("the filter should keep some regions and not all: %v", runs)
	}
	for _, e := range engines {
		relSQL, relArgs, _ := tables.Relation(e.d)
		q := Question{
			Dimensions:       []Dimension{{Field: "Region"}},
			Measures:         []Measure{{ID: "q", Field: "quantity", Aggregation: Sum}, {ID: "run", Field: "run"}},
			CalculatedFields: []CalculatedField{{Name: "run", Expression: "runningSum(percentOfTotal(sum({quantity})), [{Region} ASC])"}},
			Filters:          []Filter{{Kind: NumericRangeFilter, Field: "run", Max: &sixty, IncludeMax: true}},
		}
		c, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), e.d)
		if err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		if got := run(t, e, c.SQL, c.Args); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s:\n got %v\nwant %v\n%s", e.d.Name(), got, want, c.SQL)
		}
	}
}

// TestNestedTableCalculationAfterGroupFilters: a filter on an aggregate
// keeps groups before the inner calculation runs too, so the running
// share adds up to 100 over the groups kept.
func TestNestedTableCalculationAfterGroupFilters(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	least := 50.0
	var kept []float64
	var regions []string
	for _, g := range tcGroups(nil, false) {
		if q := sumQuantity(g.rows); q >= least {
			kept = append(kept, q)
			regions = append(regions, g.key[0])
		}
	}
	runs := running(shares(kept), fsum)
	var want [][]string
	for i := range kept {
		want = append(want, []string{regions[i], formatFloat(kept[i]), formatFloat(runs[i])})
	}
	for _, e := range engines {
		relSQL, relArgs, _ := tables.Relation(e.d)
		q := Question{
			Dimensions:       []Dimension{{Field: "Region"}},
			Measures:         []Measure{{ID: "q", Field: "quantity", Aggregation: Sum}, {ID: "run", Field: "run"}},
			CalculatedFields: []CalculatedField{{Name: "run", Expression: "runningSum(percentOfTotal(sum({quantity})), [{Region} ASC])"}},
			Filters:          []Filter{{Kind: NumericRangeFilter, Field: "quantity", Aggregation: Sum, Min: &least, IncludeMin: true}},
		}
		c, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), e.d)
		if err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		if got := run(t, e, c.SQL, c.Args); fmt.Sprint(got) != fmt.Sprint(want) || len(want) < 2 || len(want) == len(tcGroups(nil, false)) {
			t.Errorf("%s:\n got %v\nwant %v\n%s", e.d.Name(), got, want, c.SQL)
		}
	}
}

// TestNestedTableCalculationRefusals: the nestings that cannot be
// computed are refused by name.
func TestNestedTableCalculationRefusals(t *testing.T) {
	tables, err := salesTables("orders")
	if err != nil {
		t.Fatal(err)
	}
	relSQL, relArgs, _ := tables.Relation(dialect.SQLite)
	cases := []struct{ calc, want string }{
		{"sumOver(runningSum(sum({quantity}), [{Region} ASC]), [{Region}], PRE_AGG)", "sumOver at the PRE_AGG level runs over the dataset's rows, before any table calculation"},
		{"runningSum(sum({quantity}), [{Region} ASC], [rank([sum({quantity}) DESC])])", "a table calculation cannot partition by another table calculation"},
		{"sum(runningSum(sum({quantity}), [{Region} ASC]), [{Region}])", "needs an unaggregated measure"},
		{strings.Repeat("runningSum(", 10) + "sum({quantity})" + strings.Repeat(", [{Region} ASC])", 10), "nested more than 8 deep"},
	}
	for _, c := range cases {
		q := Question{
			Dimensions:       []Dimension{{Field: "Region"}},
			Measures:         []Measure{{ID: "tc", Field: "tc"}},
			CalculatedFields: []CalculatedField{{Name: "tc", Expression: c.calc}},
		}
		_, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), dialect.SQLite)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.calc, err, c.want)
		}
	}
}
