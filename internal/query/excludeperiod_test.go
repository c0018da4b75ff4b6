package query

import (
	"fmt"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// TestExcludePeriod checks a date filter's exclude period on every engine
// against the orders counted in Go over hand-written ranges: the filter's
// window less the last N periods, the current one included, counted from
// the question's Now or the filter's anchor; month ends and a leap day.
func TestExcludePeriod(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	from := day(2023, 6, 1)
	far := day(9999, 1, 1)
	cases := []struct {
		name       string
		now        time.Time
		params     map[string]any
		f          Filter
		lo, hi     time.Time // the window
		exLo, exHi time.Time // the excluded periods
	}{
		{"last 12 months less the current one", testNow, nil,
			Filter{Kind: RelativeDateFilter, RelativeDateType: Last, RelativeDateValue: 12, TimeGranularity: dialect.Month, ExcludeAmount: 1, ExcludeGranularity: dialect.Month},
			day(2024, 4, 1), day(2025, 4, 1), day(2025, 3, 1), day(2025, 4, 1)},
		{"this year less the last 14 days, on a leap day", time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC), nil,
			Filter{Kind: RelativeDateFilter, RelativeDateType: This, TimeGranularity: dialect.Year, ExcludeAmount: 14, ExcludeGranularity: dialect.Day},
			day(2024, 1, 1), day(2025, 1, 1), day(2024, 2, 16), day(2024, 3, 1)},
		{"last 2 years less the last 2 quarters, on a month end", time.Date(2024, 5, 31, 23, 0, 0, 0, time.UTC), nil,
			Filter{Kind: RelativeDateFilter, RelativeDateType: Last, RelativeDateValue: 2, TimeGranularity: dialect.Year, ExcludeAmount: 2, ExcludeGranularity: dialect.Quarter},
			day(2023, 1, 1), day(2025, 1, 1), day(2024, 1, 1), day(2024, 7, 1)},
		{"anchored last 6 months less the last 2 months", testNow, map[string]any{"Anchor": time.Date(2024, 3, 31, 8, 0, 0, 0, time.UTC)},
			Filter{Kind: RelativeDateFilter, RelativeDateType: Last, RelativeDateValue: 6, TimeGranularity: dialect.Month, AnchorParameter: "Anchor", ExcludeAmount: 2, ExcludeGranularity: dialect.Month},
			day(2023, 10, 1), day(2024, 4, 1), day(2024, 2, 1), day(2024, 4, 1)},
		{"date range from June 2023 less the last 5 weeks", time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), nil,
			Filter{Kind: DateRangeFilter, From: &from, IncludeFrom: true, ExcludeAmount: 5, ExcludeGranularity: dialect.Week},
			from, far, day(2024, 1, 28), day(2024, 3, 3)},
	}
	for _, c := range cases {
		var want, window int
		for _, r := range testRows() {
			d := r.orderDate
			if d.Before(c.lo) || !d.Before(c.hi) {
				continue
			}
			window++
			if d.Before(c.exLo) || !d.Before(c.exHi) {
				want++
			}
		}
		if want == 0 || want == window {
			t.Fatalf("%s: %d of %d rows kept: the case tests nothing", c.name, want, window)
		}
		for _, e := range engines {
			relSQL, relArgs, err := tables.Relation(e.d)
			if err != nil {
				t.Fatal(err)
			}
			f := c.f
			f.Field = "order_date"
			q := Question{Measures: []Measure{{ID: "n", Field: "id", Aggregation: Count}}, Filters: []Filter{f}, Now: c.now, Parameters: c.params}
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

// TestExcludePeriodInvalid refuses an exclude period that cannot be
// computed rather than dropping it.
func TestExcludePeriodInvalid(t *testing.T) {
	for _, f := range []Filter{
		{Kind: DateRangeFilter, ExcludeAmount: 0, ExcludeGranularity: dialect.Day},
		{Kind: DateRangeFilter, ExcludeAmount: 2},
		{Kind: RelativeDateFilter, RelativeDateType: This, TimeGranularity: dialect.Year, ExcludeAmount: 1, ExcludeGranularity: "FORTNIGHT"},
	} {
		f.Field = "order_date"
		q := Question{Measures: []Measure{{ID: "n", Field: "id", Aggregation: Count}}, Filters: []Filter{f}, Now: testNow}
		tables, err := salesTables("t")
		if err != nil {
			t.Fatal(err)
		}
		relSQL, relArgs, err := tables.Relation(dialect.SQLite)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), dialect.SQLite); err == nil {
			t.Errorf("%+v compiled", f)
		}
	}
}
