package query

import (
	"fmt"
	"sort"
	"strconv"
	"testing"
)

// TestNumericFilterOnCondition: a numeric filter on a calculated field
// that is a condition compares 1 (holds), 0 (does not) or null (a side
// is null), on every engine: "= 1" keeps each region's orders of its
// largest quantity (a PRE_AGG maxOver compared with the row), "= 0" the
// others, and ALL_VALUES also the orders without a quantity.
func TestNumericFilterOnCondition(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	relSQL, relArgs, _ := tables.Relation(engines[0].d)
	_ = relSQL
	_ = relArgs
	rows := testRows()
	most := map[string]int64{}
	for _, r := range rows {
		if r.region != nil && r.quantity != nil && *r.quantity > most[*r.region] {
			most[*r.region] = *r.quantity
		}
	}
	byHand := func(keep func(holds, known bool) bool) [][]string {
		counts := map[string]int{}
		for _, r := range rows {
			if r.region == nil {
				continue
			}
			known := r.quantity != nil
			if keep(known && *r.quantity == most[*r.region], known) {
				counts[*r.region]++
			}
		}
		var keys []string
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out [][]string
		for _, k := range keys {
			out = append(out, []string{k, strconv.Itoa(counts[k])})
		}
		return out
	}
	one, zero := 1.0, 0.0
	cases := []struct {
		name  string
		value *float64
		nulls string
		want  [][]string
	}{
		{"= 1", &one, NonNullsOnly, byHand(func(holds, known bool) bool { return known && holds })},
		{"= 0", &zero, NonNullsOnly, byHand(func(holds, known bool) bool { return known && !holds })},
		{"= 1 or null", &one, AllValues, byHand(func(holds, known bool) bool { return holds || !known })},
	}
	for _, c := range cases {
		if len(c.want) < 2 {
			t.Fatalf("%s keeps %v: it tests nothing", c.name, c.want)
		}
		for _, e := range engines {
			relSQL, relArgs, _ := tables.Relation(e.d)
			q := Question{
				Dimensions: []Dimension{{Field: "Region"}},
				Measures:   []Measure{{ID: "orders", Field: "id", Aggregation: Count}},
				CalculatedFields: []CalculatedField{
					{Name: "most", Expression: "maxOver({quantity}, [{Region}], PRE_AGG)"},
					{Name: "is most", Expression: "{most} = {quantity}"},
				},
				Filters: []Filter{{Kind: NumericRangeFilter, Field: "is most", Min: c.value, Max: c.value, IncludeMin: true, IncludeMax: true, NullOption: c.nulls}},
			}
			comp, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), e.d)
			if err != nil {
				t.Fatalf("%s %s: %v", c.name, e.d.Name(), err)
			}
			got := run(t, e, comp.SQL, comp.Args)
			var drop [][]string
			for _, r := range got {
				if r[0] != "" && r[0] != "NULL" && r[0] != "<nil>" {
					drop = append(drop, r)
				}
			}
			if fmt.Sprint(drop) != fmt.Sprint(c.want) {
				t.Errorf("%s %s:\n got %v\nwant %v\n%s", c.name, e.d.Name(), got, c.want, comp.SQL)
			}
		}
	}
}
