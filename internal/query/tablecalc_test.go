package query

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// tcGroup is one group of the reference computation: its key (region,
// then product when the case groups by both) and its rows.
type tcGroup struct {
	key  []string
	rows []testRow
}

func regionOf(r testRow) string {
	if r.region == nil {
		return "NULL"
	}
	return *r.region
}

// tcGroups groups testRows by region (and product), in the order the
// question sorts them: NULL first, then ascending.
func tcGroups(keep func(testRow) bool, byProduct bool) []tcGroup {
	m := map[string]*tcGroup{}
	var keys []string
	for _, r := range testRows() {
		if keep != nil && !keep(r) {
			continue
		}
		key := []string{regionOf(r)}
		if byProduct {
			key = append(key, *r.product)
		}
		k := strings.Join(key, "\x00")
		g, ok := m[k]
		if !ok {
			g = &tcGroup{key: key}
			m[k] = g
			keys = append(keys, k)
		}
		g.rows = append(g.rows, r)
	}
	less := func(a, b string) bool {
		if a == "NULL" || b == "NULL" {
			return a == "NULL" && b != "NULL"
		}
		return a < b
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := m[keys[i]].key, m[keys[j]].key
		for x := range a {
			if a[x] != b[x] {
				return less(a[x], b[x])
			}
		}
		return false
	})
	out := make([]tcGroup, len(keys))
	for i, k := range keys {
		out[i] = *m[k]
	}
	return out
}

func sumQuantity(rows []testRow) float64 {
	s := 0.0
	for _, r := range rows {
		if r.quantity != nil {
			s += float64(*r.quantity)
		}
	}
	return s
}

func prices(rows []testRow) []float64 {
	var out []float64
	for _, r := range rows {
		if r.unitPrice != nil {
			out = append(out, *r.unitPrice)
		}
	}
	slices.Sort(out)
	return out
}

// byRegion is the rows of each region of testRows (after keep).
func byRegion(keep func(testRow) bool) map[string][]testRow {
	m := map[string][]testRow{}
	for _, r := range testRows() {
		if keep == nil || keep(r) {
			m[regionOf(r)] = append(m[regionOf(r)], r)
		}
	}
	return m
}

func variance(xs []float64, sample bool) float64 {
	mean := 0.0
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	s := 0.0
	for _, x := range xs {
		s += (x - mean) * (x - mean)
	}
	if sample {
		return s / float64(len(xs)-1)
	}
	return s / float64(len(xs))
}

func percentileDisc(sorted []float64, p float64) float64 {
	r := int(math.Ceil(p * float64(len(sorted))))
	return sorted[max(r, 1)-1]
}

// tcCase is a question with a table calculation and its expected rows,
// derived in Go from testRows.
type tcCase struct {
	name string
	calc string   // the calculated field "tc"
	dims []string // default: Region
	agg  string   // Aggregation of "tc" in the measure well ("" for as is)
	// want computes the value of tc for each group; q holds the groups'
	// sum of quantity.
	want    func(groups []tcGroup, q []float64) []float64
	keep    func(testRow) bool // the rows a filter keeps
	filters []Filter
}

func running(q []float64, f func(acc []float64) float64) []float64 {
	out := make([]float64, len(q))
	for i := range q {
		out[i] = f(q[:i+1])
	}
	return out
}

func fsum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

var nan = math.NaN() // NULL

var tcCases = []tcCase{
	{name: "runningSum", calc: "runningSum(sum({quantity}), [{Region} ASC])",
		want: func(_ []tcGroup, q []float64) []float64 { return running(q, fsum) }},
	{name: "runningAvg", calc: "runningAvg(sum({quantity}), [{Region} ASC])",
		want: func(_ []tcGroup, q []float64) []float64 {
			return running(q, func(a []float64) float64 { return fsum(a) / float64(len(a)) })
		}},
	{name: "runningCount", calc: "runningCount(sum({quantity}), [{Region} ASC])",
		want: func(_ []tcGroup, q []float64) []float64 {
			return running(q, func(a []float64) float64 { return float64(len(a)) })
		}},
	{name: "runningMin", calc: "runningMin(sum({quantity}), [{Region} ASC])",
		want: func(_ []tcGroup, q []float64) []float64 { return running(q, slices.Min) }},
	{name: "runningMax descending", calc: "runningMax(sum({quantity}), [{Region} DESC])",
		want: func(_ []tcGroup, q []float64) []float64 {
			out := make([]float64, len(q))
			for i := range q {
				out[i] = slices.Max(q[i:])
			}
			return out
		}},
	{name: "sumOver", calc: "sumOver(sum({quantity}), [])",
		want: func(_ []tcGroup, q []float64) []float64 { return fill(len(q), fsum(q)) }},
	{name: "avgOver minus the group", calc: "avgOver(sum({quantity}), []) - sum({quantity})",
		want: func(_ []tcGroup, q []float64) []float64 {
			out := make([]float64, len(q))
			for i := range q {
				out[i] = fsum(q)/float64(len(q)) - q[i]
			}
			return out
		}},
	{name: "countOver, minOver, maxOver", calc: "countOver(sum({quantity}), []) * 10000 + minOver(sum({quantity}), []) * 100 + maxOver(sum({quantity}), [])",
		want: func(_ []tcGroup, q []float64) []float64 {
			return fill(len(q), float64(len(q))*10000+slices.Min(q)*100+slices.Max(q))
		}},
	{name: "percentOfTotal", calc: "percentOfTotal(sum({quantity}))",
		want: func(_ []tcGroup, q []float64) []float64 {
			out := make([]float64, len(q))
			for i := range q {
				out[i] = q[i] * 100 / fsum(q)
			}
			return out
		}},
	{name: "rank", calc: "rank([sum({quantity}) DESC])",
		want: func(_ []tcGroup, q []float64) []float64 { return ranks(q, false) }},
	{name: "denseRank", calc: "denseRank([sum({quantity}) DESC])",
		want: func(_ []tcGroup, q []float64) []float64 { return ranks(q, true) }},
	{name: "percentileRank", calc: "percentileRank([sum({quantity}) ASC])",
		want: func(_ []tcGroup, q []float64) []float64 {
			out := make([]float64, len(q))
			for i := range q {
				below := 0
				for _, x := range q {
					if x < q[i] {
						below++
					}
				}
				out[i] = float64(below) * 100 / float64(len(q))
			}
			return out
		}},
	{name: "lag", calc: "lag(sum({quantity}), [{Region} ASC], 1)",
		want: func(_ []tcGroup, q []float64) []float64 { return shift(q, -1) }},
	{name: "lead by 2", calc: "lead(sum({quantity}), [{Region} ASC], 2)",
		want: func(_ []tcGroup, q []float64) []float64 { return shift(q, 2) }},
	{name: "difference", calc: "difference(sum({quantity}), [{Region} ASC], 1)",
		want: func(_ []tcGroup, q []float64) []float64 {
			n := shift(q, 1)
			for i := range n {
				n[i] -= q[i]
			}
			return n
		}},
	{name: "percentDifference", calc: "percentDifference(sum({quantity}), [{Region} ASC], -1)",
		want: func(_ []tcGroup, q []float64) []float64 {
			p := shift(q, -1)
			for i := range p {
				p[i] = (q[i] - p[i]) * 100 / p[i]
			}
			return p
		}},
	{name: "windowSum", calc: "windowSum(sum({quantity}), [{Region} ASC], 1, 1)",
		want: func(_ []tcGroup, q []float64) []float64 {
			return windowOf(q, 1, 1, fsum)
		}},
	{name: "windowAvg, windowCount", calc: "windowAvg(sum({quantity}), [{Region} ASC], 2, 0) * 100 + windowCount(sum({quantity}), [{Region} ASC], 2, 0)",
		want: func(_ []tcGroup, q []float64) []float64 {
			a := windowOf(q, 2, 0, func(w []float64) float64 { return fsum(w)/float64(len(w))*100 + float64(len(w)) })
			return a
		}},
	{name: "windowMin, windowMax", calc: "windowMin(sum({quantity}), [{Region} ASC], 0, 1) * 1000 + windowMax(sum({quantity}), [{Region} ASC], 0, 1)",
		want: func(_ []tcGroup, q []float64) []float64 {
			return windowOf(q, 0, 1, func(w []float64) float64 { return slices.Min(w)*1000 + slices.Max(w) })
		}},
	{name: "firstValue, lastValue", calc: "firstValue(sum({quantity}), [{Region} DESC]) * 1000 + lastValue(sum({quantity}), [{Region} DESC])",
		want: func(_ []tcGroup, q []float64) []float64 { return fill(len(q), q[len(q)-1]*1000+q[0]) }},
	{name: "runningSum partitioned", calc: "runningSum(sum({quantity}), [{product} ASC], [{Region}])", dims: []string{"Region", "product"},
		want: func(g []tcGroup, q []float64) []float64 {
			out := make([]float64, len(q))
			for i := range q {
				out[i] = q[i]
				if i > 0 && g[i-1].key[0] == g[i].key[0] {
					out[i] += out[i-1]
				}
			}
			return out
		}},
	{name: "percentOfTotal partitioned", calc: "percentOfTotal(sum({quantity}), [{Region}])", dims: []string{"Region", "product"},
		want: func(g []tcGroup, q []float64) []float64 {
			tot := map[string]float64{}
			for i := range q {
				tot[g[i].key[0]] += q[i]
			}
			out := make([]float64, len(q))
			for i := range q {
				out[i] = q[i] * 100 / tot[g[i].key[0]]
			}
			return out
		}},
	{name: "sumOver unaggregated", calc: "sumOver({quantity}, [{Region}])", dims: []string{"Region", "product"},
		want: perRegion(nil, func(rs []testRow) float64 { return sumQuantity(rs) })},
	{name: "level-aware sum", calc: "sum({quantity}, [{Region}])", dims: []string{"Region", "product"},
		want: perRegion(nil, func(rs []testRow) float64 { return sumQuantity(rs) })},
	{name: "level-aware distinct_count", calc: "distinct_count({product}, [{Region}])", dims: []string{"Region", "product"},
		want: perRegion(nil, distinctProducts)},
	{name: "level-aware avg, count", calc: "avg({quantity}, [{Region}]) * 1000 + count({quantity}, [{Region}])", dims: []string{"Region", "product"},
		want: perRegion(nil, func(rs []testRow) float64 {
			qs := quantities(rs)
			return fsum(qs)/float64(len(qs))*1000 + float64(len(qs))
		})},
	{name: "level-aware min, max", calc: "min({quantity}, [{Region}]) * 100 + max({quantity}, [{Region}])", dims: []string{"Region", "product"},
		want: perRegion(nil, func(rs []testRow) float64 {
			qs := quantities(rs)
			return slices.Min(qs)*100 + slices.Max(qs)
		})},
	{name: "percentileDiscOver PRE_FILTER", calc: "percentileDiscOver({unit_price}, 50, [{Region}], PRE_FILTER)", agg: Max,
		want: perRegion(nil, func(rs []testRow) float64 { return percentileDisc(prices(rs), 0.5) })},
	{name: "level-aware total", calc: "sum({quantity}, [])",
		want: func(_ []tcGroup, q []float64) []float64 { return fill(len(q), sumQuantity(testRows())) }},
	{name: "distinctCountOver of an aggregate", calc: "distinctCountOver(sum({quantity}) - sum({quantity}) % 20, [])",
		want: func(_ []tcGroup, q []float64) []float64 {
			m := map[float64]bool{}
			for _, x := range q {
				m[x-math.Mod(x, 20)] = true
			}
			return fill(len(q), float64(len(m)))
		}},
	{name: "distinctCountOver by the group", calc: "distinctCountOver({product}, [{Region}])",
		want: perRegion(nil, distinctProducts)},
	{name: "medianOver by the group", calc: "medianOver({unit_price}, [{Region}])",
		want: perRegion(nil, func(rs []testRow) float64 { return percentile(prices(rs), 0.5) })},
	{name: "avgOver unaggregated", calc: "avgOver({quantity}, [{Region}])", dims: []string{"Region", "product"},
		want: perRegion(nil, func(rs []testRow) float64 {
			n := 0
			for _, r := range rs {
				if r.quantity != nil {
					n++
				}
			}
			return sumQuantity(rs) / float64(n)
		})},
	{name: "sumOver PRE_AGG", calc: "sumOver({quantity}, [{Region}], PRE_AGG)", agg: Max, dims: []string{"Region", "product"},
		want: perRegion(nil, sumQuantity)},
	{name: "distinctCountOver PRE_AGG", calc: "distinctCountOver({product}, [{Region}], PRE_AGG)", agg: Max,
		want: perRegion(nil, distinctProducts)},
	{name: "distinctCountOver PRE_AGG with NULLs", calc: "distinctCountOver({Region}, [], PRE_AGG)", agg: Max,
		want: func(_ []tcGroup, q []float64) []float64 { return fill(len(q), 4) }},
	{name: "stdevOver PRE_AGG", calc: "stdevOver({unit_price}, [{Region}], PRE_AGG)", agg: Max,
		want: perRegion(nil, func(rs []testRow) float64 { return math.Sqrt(variance(prices(rs), true)) })},
	{name: "stdevpOver PRE_AGG", calc: "stdevpOver({unit_price}, [{Region}], PRE_AGG)", agg: Max,
		want: perRegion(nil, func(rs []testRow) float64 { return math.Sqrt(variance(prices(rs), false)) })},
	{name: "varOver PRE_AGG", calc: "varOver({unit_price}, [{Region}], PRE_AGG)", agg: Max,
		want: perRegion(nil, func(rs []testRow) float64 { return variance(prices(rs), true) })},
	{name: "varpOver PRE_AGG", calc: "varpOver({unit_price}, [{Region}], PRE_AGG)", agg: Max,
		want: perRegion(nil, func(rs []testRow) float64 { return variance(prices(rs), false) })},
	{name: "medianOver PRE_AGG", calc: "medianOver({unit_price}, [{Region}], PRE_AGG)", agg: Max,
		want: perRegion(nil, func(rs []testRow) float64 { return percentile(prices(rs), 0.5) })},
	{name: "percentileContOver PRE_AGG", calc: "percentileContOver({unit_price}, 25, [{Region}], PRE_AGG)", agg: Max,
		want: perRegion(nil, func(rs []testRow) float64 { return percentile(prices(rs), 0.25) })},
	{name: "percentileOver PRE_AGG", calc: "percentileOver({unit_price}, 90, [{Region}], PRE_AGG)", agg: Max,
		want: perRegion(nil, func(rs []testRow) float64 { return percentileDisc(prices(rs), 0.9) })},
	{name: "rank PRE_AGG", calc: "rank([{id} DESC], [{Region}], PRE_AGG)", agg: Min,
		want: func(_ []tcGroup, q []float64) []float64 { return fill(len(q), 1) }},
	{name: "sumOver PRE_FILTER under a filter", calc: "sumOver({quantity}, [{Region}], PRE_FILTER)", agg: Max,
		keep:    func(r testRow) bool { return *r.product == "Widget" },
		filters: []Filter{{Kind: CategoryFilter, Field: "product", Match: Equals, Values: []any{"Widget"}}},
		want:    perRegion(nil, sumQuantity)},
	{name: "sumOver PRE_AGG under a filter", calc: "sumOver({quantity}, [{Region}], PRE_AGG)", agg: Max,
		keep:    func(r testRow) bool { return *r.product == "Widget" },
		filters: []Filter{{Kind: CategoryFilter, Field: "product", Match: Equals, Values: []any{"Widget"}}},
		want:    perRegion(func(r testRow) bool { return *r.product == "Widget" }, sumQuantity)},
}

func fill(n int, v float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// shift reads the value k rows away (NaN past either end).
func shift(q []float64, k int) []float64 {
	out := make([]float64, len(q))
	for i := range q {
		if j := i + k; j >= 0 && j < len(q) {
			out[i] = q[j]
		} else {
			out[i] = nan
		}
	}
	return out
}

func windowOf(q []float64, before, after int, f func([]float64) float64) []float64 {
	out := make([]float64, len(q))
	for i := range q {
		out[i] = f(q[max(0, i-before):min(len(q), i+after+1)])
	}
	return out
}

func ranks(q []float64, dense bool) []float64 {
	out := make([]float64, len(q))
	for i := range q {
		higher := map[float64]bool{}
		n := 0
		for _, x := range q {
			if x > q[i] {
				higher[x] = true
				n++
			}
		}
		if dense {
			n = len(higher)
		}
		out[i] = float64(n + 1)
	}
	return out
}

func distinctProducts(rs []testRow) float64 {
	m := map[string]bool{}
	for _, r := range rs {
		m[*r.product] = true
	}
	return float64(len(m))
}

// perRegion is a value computed over all the rows (after keep) of each
// group's region.
func perRegion(keep func(testRow) bool, f func([]testRow) float64) func([]tcGroup, []float64) []float64 {
	return func(g []tcGroup, _ []float64) []float64 {
		m := byRegion(keep)
		out := make([]float64, len(g))
		for i := range g {
			out[i] = f(m[g[i].key[0]])
		}
		return out
	}
}

func formatWant(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "NULL"
	}
	return formatFloat(v)
}

// TestTableCalculationsAcrossEngines draws every table calculation on
// SQLite, DuckDB (SPICE), PostgreSQL and MariaDB and compares each with
// the value derived in Go from the same rows.
func TestTableCalculationsAcrossEngines(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range engines {
		relSQL, relArgs, err := tables.Relation(e.d)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range tcCases {
			dimNames := tc.dims
			if dimNames == nil {
				dimNames = []string{"Region"}
			}
			q := Question{
				Measures:         []Measure{{ID: "q", Field: "quantity", Aggregation: Sum}, {ID: "tc", Field: "tc", Aggregation: tc.agg}},
				CalculatedFields: []CalculatedField{{Name: "tc", Expression: tc.calc}},
				Filters:          tc.filters,
			}
			for _, d := range dimNames {
				q.Dimensions = append(q.Dimensions, Dimension{Field: d})
			}
			c, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), e.d)
			if err != nil {
				t.Errorf("%s: %s: %v", e.d.Name(), tc.name, err)
				continue
			}
			got := run(t, e, c.SQL, c.Args)
			groups := tcGroups(tc.keep, len(dimNames) == 2)
			qs := make([]float64, len(groups))
			for i, g := range groups {
				qs[i] = sumQuantity(g.rows)
			}
			vals := tc.want(groups, qs)
			var want [][]string
			for i, g := range groups {
				want = append(want, append(slices.Clone(g.key), formatFloat(qs[i]), formatWant(vals[i])))
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: %s:\n got %v\nwant %v\n%s", e.d.Name(), tc.name, got, want, c.SQL)
			}
		}
	}
}

// TestTableCalculationFilters keeps the groups a filter on a table
// calculation keeps, after the aggregation: the top two regions.
func TestTableCalculationFilters(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	groups := tcGroups(nil, false)
	type kv struct {
		region string
		q      float64
	}
	var all []kv
	for _, g := range groups {
		all = append(all, kv{g.key[0], sumQuantity(g.rows)})
	}
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, func(a, b kv) int { return int(b.q - a.q) })
	top := map[string]bool{sorted[0].region: true, sorted[1].region: true}
	total := 0.0
	for _, g := range all {
		total += g.q
	}
	var want [][]string
	for _, g := range all {
		if top[g.region] {
			want = append(want, []string{g.region, formatFloat(g.q), formatFloat(g.q * 100 / total)})
		}
	}
	two := 2.0
	for _, e := range engines {
		relSQL, relArgs, _ := tables.Relation(e.d)
		q := Question{
			Dimensions: []Dimension{{Field: "Region"}},
			Measures:   []Measure{{ID: "q", Field: "quantity", Aggregation: Sum}, {ID: "share", Field: "share"}},
			CalculatedFields: []CalculatedField{
				{Name: "share", Expression: "percentOfTotal(sum({quantity}))"},
				{Name: "place", Expression: "rank([sum({quantity}) DESC])"},
			},
			Filters: []Filter{{Kind: NumericRangeFilter, Field: "place", Max: &two, IncludeMax: true}},
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

// TestTableCalculationAfterGroupFilters: a filter on an aggregate keeps
// groups before the table calculations run, so a running total skips the
// groups it removed.
func TestTableCalculationAfterGroupFilters(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	least := 50.0
	var want [][]string
	acc := 0.0
	for _, g := range tcGroups(nil, false) {
		if q := sumQuantity(g.rows); q >= least {
			acc += q
			want = append(want, []string{g.key[0], formatFloat(q), formatFloat(acc)})
		}
	}
	for _, e := range engines {
		relSQL, relArgs, _ := tables.Relation(e.d)
		q := Question{
			Dimensions:       []Dimension{{Field: "Region"}},
			Measures:         []Measure{{ID: "q", Field: "quantity", Aggregation: Sum}, {ID: "run", Field: "run"}},
			CalculatedFields: []CalculatedField{{Name: "run", Expression: "runningSum(sum({quantity}), [{Region} ASC])"}},
			Filters:          []Filter{{Kind: NumericRangeFilter, Field: "quantity", Aggregation: Sum, Min: &least, IncludeMin: true}},
		}
		c, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), e.d)
		if err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		if got := run(t, e, c.SQL, c.Args); fmt.Sprint(got) != fmt.Sprint(want) || len(want) < 2 {
			t.Errorf("%s:\n got %v\nwant %v", e.d.Name(), got, want)
		}
	}
}

// TestTableCalculationRefusals: what cannot be computed is refused with
// an error naming the function and why, never drawn wrong.
func TestTableCalculationRefusals(t *testing.T) {
	tables, err := salesTables("orders")
	if err != nil {
		t.Fatal(err)
	}
	relSQL, relArgs, _ := tables.Relation(dialect.SQLite)
	cases := []struct {
		calc, dims, agg, want string
	}{
		{"runningSum({quantity}, [{Region} ASC])", "Region", "", "runningSum needs an aggregated measure"},
		{"runningSum(sum({quantity}), [{product} ASC])", "Region", "", "the sort field \"product\" is not a dimension of the visual"},
		{"percentOfTotal(sum({quantity}), [{product}])", "Region", "", "the partition field \"product\" is not a dimension of the visual"},
		{"sum({quantity}, [{product}])", "Region", "", "a level-aware aggregation over \"product\" is supported only when that field is a dimension of the visual"},
		{"sum(runningSum(sum({quantity}), [{Region} ASC]))", "Region", "", "aggregate functions cannot be nested"},
		{"runningSum(sum({quantity}), [{Region} ASC]) + {quantity}", "Region", "", "mismatched aggregation"},
		{"sumOver(sum({quantity}), [], PRE_AGG)", "Region", "Max", "sumOver at the PRE_AGG level needs an unaggregated measure"},
		{"runningSum(sum({quantity}), [{Region} ASC])", "Region", "SUM", "is already aggregated"},
		{"runningSum(sum({quantity}), [{Region} ASC], [{Region} DESC])", "Region", "", "a partition field takes no ASC or DESC"},
		{"lag(sum({quantity}), [{Region} ASC], 0)", "Region", "", "lookup index is a whole number other than 0"},
	}
	for _, c := range cases {
		agg := c.agg
		if agg == "Max" {
			agg = Max
		}
		q := Question{
			Dimensions:       []Dimension{{Field: c.dims}},
			Measures:         []Measure{{ID: "tc", Field: "tc", Aggregation: agg}},
			CalculatedFields: []CalculatedField{{Name: "tc", Expression: c.calc}},
		}
		_, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), dialect.SQLite)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.calc, err, c.want)
		}
	}
	// A table calculation is not a dimension.
	q := Question{
		Dimensions:       []Dimension{{Field: "tc"}},
		Measures:         []Measure{{Field: "quantity", Aggregation: Sum}},
		CalculatedFields: []CalculatedField{{Name: "tc", Expression: "rank([sum({quantity}) DESC])"}},
	}
	if _, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), dialect.SQLite); err == nil || !strings.Contains(err.Error(), "cannot be a dimension") {
		t.Errorf("table calculation as a dimension: %v", err)
	}
	one := 1.0
	q = Question{
		Dimensions:       []Dimension{{Field: "Region"}},
		Measures:         []Measure{{Field: "quantity", Aggregation: Sum}},
		CalculatedFields: []CalculatedField{{Name: "tc", Expression: "sumOver({quantity}, [{Region}], PRE_AGG)"}},
		Filters:          []Filter{{Kind: NumericRangeFilter, Field: "tc", Min: &one}},
	}
	// A PRE_AGG one filters rows after the other row filters
	// (TestNumericFilterOnCondition checks the rows it keeps).
	if _, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), dialect.SQLite); err != nil {
		t.Errorf("row filter on PRE_AGG: %v", err)
	}
}

// TestTableCalculationDatePartition: a partition on a date dimension is
// the date at the visual's granularity.
func TestTableCalculationDatePartition(t *testing.T) {
	engines, tables := salesEngines(t)
	perYear := map[int]float64{}
	for _, r := range testRows() {
		perYear[r.orderDate.Year()] += sumQuantity([]testRow{r})
	}
	var want []string
	for _, k := range groupByPeriod('Y', true).keys {
		want = append(want, fmt.Sprintf("%s %d %s", k.region, k.idx, formatFloat(perYear[k.idx])))
	}
	for _, e := range engines {
		relSQL, relArgs, _ := tables.Relation(e.d)
		q := Question{
			Dimensions:       []Dimension{{Field: "Region"}, {ID: "year", Field: "order_date", Granularity: dialect.Year}},
			Measures:         []Measure{{ID: "tc", Field: "tc"}},
			CalculatedFields: []CalculatedField{{Name: "tc", Expression: "sumOver({quantity}, [{order_date}])"}},
		}
		c, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), e.d)
		if err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		var got []string
		for _, row := range run(t, e, c.SQL, c.Args) {
			got = append(got, row[0]+" "+row[1][:4]+" "+row[2])
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s:\n got %v\nwant %v", e.d.Name(), got, want)
		}
	}
}

func quantities(rows []testRow) []float64 {
	var out []float64
	for _, r := range rows {
		if r.quantity != nil {
			out = append(out, float64(*r.quantity))
		}
	}
	return out
}
