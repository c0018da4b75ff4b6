package query

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// rankedSQLite is SQLite without its percentile aggregates: percentiles
// compile to ranks and counts computed with window functions, as they
// did before package sqlitepct.
type rankedSQLite struct{ dialect.Dialect }

func (rankedSQLite) OrderedSetPercentile() bool { return false }

// percentileQuestions have percentiles in every place a question puts
// them: measures, a box plot, calculated aggregates, table calculations
// over aggregated rows, PRE_AGG and PRE_FILTER levels, partitions by
// some or all of the dimensions.
var percentileQuestions = map[string]Question{
	"box plot and p90": {Dimensions: []Dimension{{Field: "Region"}}, Measures: []Measure{
		{ID: "min", Field: "unit_price", Aggregation: Min}, {ID: "q1", Field: "unit_price", Aggregation: Percentile, Percentile: 25},
		{ID: "median", Field: "unit_price", Aggregation: Median}, {ID: "q3", Field: "unit_price", Aggregation: Percentile, Percentile: 75},
		{ID: "max", Field: "unit_price", Aggregation: Max}, {ID: "p90", Field: "quantity", Aggregation: Percentile, Percentile: 90},
		{ID: "p33", Field: "Revenue", Aggregation: Percentile, Percentile: 33.3}}},
	"overall": {Measures: []Measure{{ID: "median", Field: "quantity", Aggregation: Median}, {ID: "p0", Field: "unit_price", Aggregation: Percentile, Percentile: 0},
		{ID: "p100", Field: "unit_price", Aggregation: Percentile, Percentile: 100}}},
	"calculated aggregates": {Dimensions: []Dimension{{Field: "product"}, {Field: "Region"}},
		Measures: []Measure{{ID: "a", Field: "a"}, {ID: "b", Field: "b"}, {ID: "c", Field: "c"}, {ID: "d", Field: "d"}},
		CalculatedFields: []CalculatedField{
			{Name: "a", Expression: "percentileDisc({Revenue}, 75)"}, {Name: "b", Expression: "percentileCont({unit_price}, 33.3)"},
			{Name: "c", Expression: "median({quantity}) - avg({quantity})"}, {Name: "d", Expression: "percentile({quantity}, 10)"}}},
	"over aggregated rows": {Dimensions: []Dimension{{Field: "Region"}, {Field: "product"}},
		Measures: []Measure{{ID: "a", Field: "a"}, {ID: "b", Field: "b"}, {ID: "c", Field: "c"}, {ID: "d", Field: "d"}, {ID: "e", Field: "e"}},
		CalculatedFields: []CalculatedField{
			{Name: "a", Expression: "percentileContOver(sum({quantity}), 30, [{Region}])"}, {Name: "b", Expression: "medianOver(sum({Revenue}), [])"},
			{Name: "c", Expression: "percentileDiscOver(sum({Revenue}), 62.5, [{product}])"}, {Name: "d", Expression: "percentileOver(avg({unit_price}), 10, [])"},
			{Name: "e", Expression: "medianOver(sum({quantity}), [{Region}, {product}])"}}},
	"row levels": {Dimensions: []Dimension{{Field: "Region"}, {Field: "product"}},
		Measures: []Measure{{ID: "a", Field: "a", Aggregation: Max}, {ID: "b", Field: "b", Aggregation: Max}, {ID: "c", Field: "c", Aggregation: Max}, {ID: "d", Field: "d", Aggregation: Max}},
		CalculatedFields: []CalculatedField{
			{Name: "a", Expression: "medianOver({unit_price}, [{Region}], PRE_AGG)"}, {Name: "b", Expression: "percentileContOver({Revenue}, 25, [{product}], PRE_AGG)"},
			{Name: "c", Expression: "percentileOver({quantity}, 90, [{Region}], PRE_AGG)"}, {Name: "d", Expression: "percentileDiscOver({unit_price}, 50, [], PRE_FILTER)"}}},
}

// TestSQLitePercentilesMatchRanking compiles each percentile question
// for SQLite with its percentile aggregates and without them (ranks and
// counts), runs both on the same rows and wants the same values, type
// and bits.
func TestSQLitePercentilesMatchRanking(t *testing.T) {
	table := uniqueTable(t)
	e := openEngines(t, table)[0]
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	relSQL, relArgs, err := tables.Relation(e.d)
	if err != nil {
		t.Fatal(err)
	}
	for name, q := range percentileQuestions {
		var results []string
		for _, d := range []dialect.Dialect{dialect.SQLite, rankedSQLite{dialect.SQLite}} {
			c, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), d)
			if err != nil {
				t.Fatalf("%s: %T: %v", name, d, err)
			}
			if ranked := strings.Contains(c.SQL, "ROW_NUMBER()"); ranked != (d != dialect.SQLite) {
				t.Fatalf("%s: %T ranks: %v\n%s", name, d, ranked, c.SQL)
			}
			results = append(results, rawRows(t, e, c.SQL, c.Args))
		}
		if results[0] != results[1] {
			t.Errorf("%s:\n aggregates %s\n    ranked %s", name, results[0], results[1])
		}
		if !strings.Contains(results[0], "float64") {
			t.Errorf("%s: no percentile computed: %s", name, results[0])
		}
	}
}

// rawRows runs sqlText and renders every value with its Go type, doubles
// by their bits.
func rawRows(t *testing.T, e engine, sqlText string, args []any) string {
	t.Helper()
	rows, err := e.db.QueryContext(context.Background(), sqlText, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, sqlText)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			if f, ok := v.(float64); ok {
				fmt.Fprintf(&b, "float64(%v %x) ", f, math.Float64bits(f))
			} else {
				fmt.Fprintf(&b, "%T(%v) ", v, v)
			}
		}
		b.WriteString("| ")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestSQLitePercentilesWhereRankingCannot: a top or bottom filter by a
// median, and a median beside a table calculation, which the ranked form
// refuses (it still does on MariaDB), give QuickSight's values on SQLite.
func TestSQLitePercentilesWhereRankingCannot(t *testing.T) {
	table := uniqueTable(t)
	e := openEngines(t, table)[0]
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	relSQL, relArgs, _ := tables.Relation(e.d)
	medians := map[string]float64{}
	var regions []string
	for _, g := range tcGroups(nil, false) {
		var qs []float64
		for _, r := range g.rows {
			if r.quantity != nil {
				qs = append(qs, float64(*r.quantity))
			}
		}
		slices.Sort(qs)
		medians[g.key[0]] = percentile(qs, 0.5)
		regions = append(regions, g.key[0])
	}

	top := Question{Dimensions: []Dimension{{Field: "Region"}}, Measures: []Measure{{ID: "m", Field: "quantity", Aggregation: Median}},
		Filters: []Filter{{Kind: TopBottomFilter, Field: "Region", N: 3, By: Measure{Field: "quantity", Aggregation: Median}}}}
	// A top filter ranks no NULL region.
	byMedian := slices.DeleteFunc(slices.Clone(regions), func(r string) bool { return r == "NULL" })
	slices.SortStableFunc(byMedian, func(a, b string) int { return -cmpFloat(medians[a], medians[b]) })
	if medians[byMedian[2]] == medians[byMedian[3]] {
		t.Fatalf("the test rows tie the third and fourth medians: %v", medians)
	}
	var want [][]string
	for _, r := range regions {
		if slices.Contains(byMedian[:3], r) {
			want = append(want, []string{r, formatFloat(medians[r])})
		}
	}
	c, err := Compile(&top, relSQL, relArgs, tables.OutputColumns(), e.d)
	if err != nil {
		t.Fatal(err)
	}
	if got := run(t, e, c.SQL, c.Args); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("top 3 regions by median quantity:\n got %v\nwant %v", got, want)
	}

	beside := Question{Dimensions: []Dimension{{Field: "Region"}}, Measures: []Measure{{ID: "tc", Field: "tc"}},
		CalculatedFields: []CalculatedField{{Name: "tc", Expression: "runningSum(sum({quantity}), [{Region} ASC]) + median({quantity})"}}}
	c, err = Compile(&beside, relSQL, relArgs, tables.OutputColumns(), e.d)
	if err != nil {
		t.Fatal(err)
	}
	want = nil
	running := 0.0
	for _, g := range tcGroups(nil, false) {
		running += sumQuantity(g.rows)
		want = append(want, []string{g.key[0], formatFloat(running + medians[g.key[0]])})
	}
	if got := run(t, e, c.SQL, c.Args); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("running sum plus median:\n got %v\nwant %v", got, want)
	}

	for _, q := range []Question{top, beside} {
		rel, args, _ := tables.Relation(dialect.MySQL)
		if _, err := Compile(&q, rel, args, tables.OutputColumns(), dialect.MySQL); err == nil || !strings.Contains(err.Error(), "MEDIAN cannot") {
			t.Errorf("mysql: got %v, want MEDIAN refused", err)
		}
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
