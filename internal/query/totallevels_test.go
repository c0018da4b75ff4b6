package query

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

// TestTotalLevelsAcrossEngines asks what a pivot table's totals ask: the
// average unit price by region and product, by region only (row totals),
// by product only (column totals) and with no dimension (the grand
// total), on every engine, and checks each level against testRows: an
// average's total is the average of its rows, not of the cells.
func TestTotalLevelsAcrossEngines(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	levels := [][]string{{"Region", "product"}, {"Region"}, {"product"}, nil}
	for _, e := range engines {
		rel, args, err := tables.Relation(e.d)
		if err != nil {
			t.Fatal(err)
		}
		for _, level := range levels {
			q := Question{Measures: []Measure{{ID: "avg", Field: "unit_price", Aggregation: Average}}}
			for _, d := range level {
				q.Dimensions = append(q.Dimensions, Dimension{Field: d})
			}
			c, err := Compile(&q, rel, args, tables.OutputColumns(), e.d)
			if err != nil {
				t.Fatalf("%s: %v: %v", e.d.Name(), level, err)
			}
			got := map[string]string{}
			for _, row := range run(t, e, c.SQL, c.Args) {
				got[strings.Join(row[:len(level)], "|")] = row[len(level)]
			}
			if want := averagesBy(level); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: by %v:\n got %v\nwant %v", e.d.Name(), level, got, want)
			}
		}
	}
}

// averagesBy is the average unit price of testRows by the level's fields
// (Region, product), keyed as the engines' rows are ("NULL" for none).
func averagesBy(level []string) map[string]string {
	sums, counts := map[string]float64{}, map[string]int{}
	str := func(s *string) string {
		if s == nil {
			return "NULL"
		}
		return *s
	}
	for _, r := range testRows() {
		var key []string
		for _, d := range level {
			if d == "Region" {
				key = append(key, str(r.region))
			} else {
				key = append(key, str(r.product))
			}
		}
		k := strings.Join(key, "|")
		if _, ok := counts[k]; !ok {
			counts[k] = 0
		}
		if r.unitPrice != nil {
			sums[k] += *r.unitPrice
			counts[k]++
		}
	}
	out := map[string]string{}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if counts[k] == 0 {
			out[k] = "NULL"
			continue
		}
		out[k] = formatFloat(math.Round(sums[k]/float64(counts[k])*1e4) / 1e4)
	}
	return out
}
