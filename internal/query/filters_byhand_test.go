package query

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// checkNestedByHand recomputes the nested-filter questions in Go from
// testRows: the outer field's values found in the rows the inner filter
// keeps, then every row of (or not of) those values.
func checkNestedByHand(t *testing.T, results map[string][][]string) {
	t.Helper()
	rows := testRows()

	// Regions with an order priced 9 or more: all their orders.
	set := map[string]bool{}
	for _, r := range rows {
		if r.region != nil && r.unitPrice != nil && *r.unitPrice >= 9 {
			set[*r.region] = true
		}
	}
	type sums struct{ quantity, orders int64 }
	by := map[string]*sums{}
	for _, r := range rows {
		if r.region == nil || !set[*r.region] {
			continue
		}
		s := by[*r.region]
		if s == nil {
			s = &sums{}
			by[*r.region] = s
		}
		if r.quantity != nil {
			s.quantity += *r.quantity
		}
		s.orders++
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var want [][]string
	for _, k := range keys {
		want = append(want, []string{k, strconv.FormatInt(by[k].quantity, 10), strconv.FormatInt(by[k].orders, 10)})
	}
	if len(want) == 0 || len(want) == 4 {
		t.Fatalf("the include case keeps %d of 4 regions: it tests nothing", len(want))
	}
	if got := results["nested: regions with an order priced 9 or more, all their orders"]; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("nested include: got %v, want %v", got, want)
	}

	// Products never sold in East.
	east := map[string]bool{}
	for _, r := range rows {
		if r.region != nil && *r.region == "East" {
			east[*r.product] = true
		}
	}
	counts := map[string]int{}
	for _, r := range rows {
		if !east[*r.product] {
			counts[*r.product]++
		}
	}
	keys = keys[:0]
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want = nil
	for _, k := range keys {
		want = append(want, []string{k, strconv.Itoa(counts[k])})
	}
	if got := results["nested: products never sold in East"]; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("nested exclude: got %v, want %v", got, want)
	}
}

// checkTopPeriodsByHand recomputes "top 3 months by quantity" in Go: the
// months' sums of quantity, the three largest kept (ties broken by the
// earlier month, as the compiled ranking does).
func checkTopPeriodsByHand(t *testing.T, results map[string][][]string) {
	t.Helper()
	sums := map[string]int64{}
	for _, r := range testRows() {
		m := r.orderDate.Format("2006-01") + "-01 00:00:00"
		if r.quantity != nil {
			sums[m] += *r.quantity
		} else if _, ok := sums[m]; !ok {
			sums[m] = 0
		}
	}
	months := make([]string, 0, len(sums))
	for m := range sums {
		months = append(months, m)
	}
	sort.Slice(months, func(i, j int) bool {
		if sums[months[i]] != sums[months[j]] {
			return sums[months[i]] > sums[months[j]]
		}
		return months[i] < months[j]
	})
	top := months[:3]
	sort.Strings(top)
	var want [][]string
	for _, m := range top {
		want = append(want, []string{m, strconv.FormatInt(sums[m], 10)})
	}
	if got := results["top 3 months by quantity"]; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("top 3 months: got %v, want %v", got, want)
	}
}

func TestNestedFilterRefusals(t *testing.T) {
	tables, err := salesTables("orders")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		f    Filter
		want string
	}{
		{"no inner", Filter{Kind: NestedFilter, Field: "product"}, "Inner is required"},
		{"nested inner", Filter{Kind: NestedFilter, Field: "product", Inner: &Filter{Kind: NestedFilter, Field: "Region"}}, "cannot be a nested filter's inner filter"},
		{"aggregated inner", Filter{Kind: NestedFilter, Field: "product", Inner: &Filter{Kind: NumericRangeFilter, Field: "quantity", Aggregation: Sum, Min: f64(1)}}, "aggregated"},
	} {
		q := Question{Dimensions: []Dimension{{Field: "product"}}, Filters: []Filter{tc.f}}
		_, err := Compile(&q, "SELECT * FROM orders", nil, tables.OutputColumns(), dialect.SQLite)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", tc.name, err, tc.want)
		}
	}
}

// A filter made on another dataset for all datasets applies where this
// relation has a field of its name and type, and is skipped otherwise;
// a filter of the relation's own dataset is never skipped.
func TestCrossDatasetFilters(t *testing.T) {
	tables, err := salesTables("orders")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		f       Filter
		applies bool
	}{
		{"category on a string field", Filter{Kind: CategoryFilter, Field: "Region", Match: In, Values: []any{"East"}, CrossDataset: true}, true},
		{"category on a field of no such name", Filter{Kind: CategoryFilter, Field: "segment", Match: In, Values: []any{"x"}, CrossDataset: true}, false},
		{"numeric equality on a string field", Filter{Kind: CategoryFilter, Field: "Region", Match: NotEquals, Values: []any{3.0}, CrossDataset: true}, false},
		{"numeric equality on a number", Filter{Kind: CategoryFilter, Field: "quantity", Match: NotEquals, Values: []any{3.0}, CrossDataset: true}, true},
		{"a date range on a string field", Filter{Kind: DateRangeFilter, Field: "product", From: date("2024-01-01"), IncludeFrom: true, CrossDataset: true}, false},
		{"a date range on a date", Filter{Kind: DateRangeFilter, Field: "order_date", From: date("2024-01-01"), IncludeFrom: true, CrossDataset: true}, true},
		{"a numeric range on a date", Filter{Kind: NumericRangeFilter, Field: "order_date", Min: f64(1), IncludeMin: true, CrossDataset: true}, false},
		{"nested with an inner field of no such name", Filter{Kind: NestedFilter, Field: "product", CrossDataset: true,
			Inner: &Filter{Kind: CategoryFilter, Field: "segment", Match: In, Values: []any{"x"}}}, false},
	}
	rel, args, _ := tables.Relation(dialect.SQLite)
	for _, tc := range cases {
		q := Question{Dimensions: []Dimension{{Field: "product"}}, Measures: []Measure{{Field: "id", Aggregation: Count}}, Filters: []Filter{tc.f}}
		c, err := Compile(&q, rel, args, tables.OutputColumns(), dialect.SQLite)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if applied := strings.Contains(c.SQL, " WHERE "); applied != tc.applies {
			t.Errorf("%s: applied %v, want %v\n%s", tc.name, applied, tc.applies, c.SQL)
		}
		// The same filter made on the relation's own dataset is applied
		// (or refused), never skipped.
		own := tc.f
		own.CrossDataset = false
		q.Filters = []Filter{own}
		if c, err := Compile(&q, rel, args, tables.OutputColumns(), dialect.SQLite); err == nil && !strings.Contains(c.SQL, " WHERE ") {
			t.Errorf("%s: the dataset's own filter was skipped", tc.name)
		}
	}
}
