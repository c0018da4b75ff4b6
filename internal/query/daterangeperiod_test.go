package query

import (
	"fmt"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// TestDateRangeWholePeriods checks a date range with a granularity on
// every engine against the orders counted in Go: an included bound takes
// in its whole period, an excluded one leaves it out whole.
func TestDateRangeWholePeriods(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	mid := func(s string) *time.Time { x, _ := time.Parse(time.DateTime, s); return &x }
	cases := []struct {
		name                   string
		from, to               *time.Time
		includeFrom, includeTo bool
		g                      dialect.Granularity
		lo, hi                 time.Time // the expected half-open range
	}{
		{"one month (time equality)", mid("2023-03-15 10:00:00"), mid("2023-03-15 10:00:00"), true, true, dialect.Month,
			time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC)},
		{"quarters, both included", mid("2023-05-20 00:00:00"), mid("2024-01-02 00:00:00"), true, true, dialect.Quarter,
			time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)},
		{"years, both excluded", mid("2023-05-20 00:00:00"), mid("2025-01-02 00:00:00"), false, false, dialect.Year,
			time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"days from, open end", mid("2024-02-29 23:59:59"), nil, true, true, dialect.Day,
			time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		var want int
		for _, r := range testRows() {
			if !r.orderDate.Before(c.lo) && r.orderDate.Before(c.hi) {
				want++
			}
		}
		if want == 0 {
			t.Fatalf("%s: no rows in range, the case tests nothing", c.name)
		}
		for _, e := range engines {
			relSQL, relArgs, err := tables.Relation(e.d)
			if err != nil {
				t.Fatal(err)
			}
			q := Question{Measures: []Measure{{ID: "n", Field: "id", Aggregation: Count}}, Filters: []Filter{{
				Kind: DateRangeFilter, Field: "order_date", From: c.from, To: c.to, IncludeFrom: c.includeFrom, IncludeTo: c.includeTo, Granularity: c.g}}}
			comp, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), e.d)
			if err != nil {
				t.Fatalf("%s: %s: %v", e.d.Name(), c.name, err)
			}
			got := run(t, e, comp.SQL, comp.Args)
			if fmt.Sprint(got) != fmt.Sprint([][]string{{fmt.Sprint(want)}}) {
				t.Errorf("%s: %s: got %v, want %d", e.d.Name(), c.name, got, want)
			}
		}
	}
}
