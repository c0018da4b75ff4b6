package query

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// The period tests (period over period, by another period, period to
// date) share this: the sales rows loaded on every engine, the rows
// grouped by calendar period in Go, and the calculation drawn by period
// on every engine and compared with what Go derived.

// salesEngines loads testRows into a fresh table on every engine
// (openEngines) and returns the engines with the sales dataset over it.
func salesEngines(t *testing.T) ([]engine, *dataset.Tables) {
	t.Helper()
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	return engines, tables
}

// periodKey is a group of testRows: a region ("" when the visual has no
// region) and the popIndex of a calendar period.
type periodKey struct {
	region string
	idx    int
}

// periodGroups are testRows grouped by calendar period, computed in Go.
type periodGroups struct {
	keys   []periodKey             // in the visual's order: the NULL region first, then by region and period
	sums   map[periodKey]float64   // SUM(quantity), NULL quantities left out
	valued map[periodKey]bool      // some quantity is not NULL (a SUM of NULLs alone is NULL)
	starts map[periodKey]time.Time // the period's first instant (periodStart)
}

// groupByPeriod groups testRows by the calendar period of granularity g
// (popIndex's letters), and by region first when byRegion.
func groupByPeriod(g int, byRegion bool) periodGroups {
	p := periodGroups{sums: map[periodKey]float64{}, valued: map[periodKey]bool{}, starts: map[periodKey]time.Time{}}
	for _, r := range testRows() {
		k := periodKey{idx: popIndex(r.orderDate, g)}
		if byRegion {
			k.region = regionOf(r)
		}
		if _, ok := p.sums[k]; !ok {
			p.keys = append(p.keys, k)
		}
		p.sums[k] += sumQuantity([]testRow{r})
		p.valued[k] = p.valued[k] || r.quantity != nil
		p.starts[k] = periodStart(r.orderDate, g)
	}
	slices.SortFunc(p.keys, func(a, b periodKey) int {
		if a.region != b.region {
			if a.region == "NULL" {
				return -1
			}
			if b.region == "NULL" {
				return 1
			}
			return strings.Compare(a.region, b.region)
		}
		return a.idx - b.idx
	})
	return p
}

// wantPeriodCalc draws calc as the measure of a visual grouped by
// order_date at gran (after the region when byRegion) on every engine and
// compares its rows with want: "<region> <value>", or "<value>" alone,
// in groupByPeriod's order.
func wantPeriodCalc(t *testing.T, engines []engine, tables *dataset.Tables, calc string, gran dialect.Granularity, byRegion bool, want []string) {
	t.Helper()
	for _, e := range engines {
		relSQL, relArgs, _ := tables.Relation(e.d)
		q := Question{
			Measures:         []Measure{{ID: "tc", Field: "tc"}},
			CalculatedFields: []CalculatedField{{Name: "tc", Expression: calc}},
		}
		if byRegion {
			q.Dimensions = append(q.Dimensions, Dimension{Field: "Region"})
		}
		q.Dimensions = append(q.Dimensions, Dimension{ID: "period", Field: "order_date", Granularity: gran})
		c, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), e.d)
		if err != nil {
			t.Errorf("%s: %s: %v", e.d.Name(), calc, err)
			continue
		}
		var got []string
		for _, row := range run(t, e, c.SQL, c.Args) {
			if byRegion {
				got = append(got, row[0]+" "+row[2])
			} else {
				got = append(got, row[1])
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: %s by %s:\n got %v\nwant %v\n%s", e.d.Name(), calc, gran, got, want, c.SQL)
		}
	}
}

// calcRefusal is a calculation that must not compile over dims, and what
// its error must say.
type calcRefusal struct {
	calc string
	dims []Dimension
	want string
}

// wantRefusals compiles each calculation as a visual's measure over the
// sales dataset on SQLite and checks it is refused saying what it must.
func wantRefusals(t *testing.T, cases []calcRefusal) {
	t.Helper()
	tables, err := salesTables("orders")
	if err != nil {
		t.Fatal(err)
	}
	relSQL, relArgs, _ := tables.Relation(dialect.SQLite)
	for _, c := range cases {
		q := Question{
			Dimensions:       c.dims,
			Measures:         []Measure{{ID: "tc", Field: "tc"}},
			CalculatedFields: []CalculatedField{{Name: "tc", Expression: c.calc}},
		}
		_, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), dialect.SQLite)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.calc, err, c.want)
		}
	}
}
