package query

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// TestPeriodToDateOverTimeAcrossEngines draws the periodToDate*OverTime
// table calculations (year to date by month, quarter to date, …) on
// every engine and compares them with the running aggregates derived in
// Go, restarting at each period and region.
func TestPeriodToDateOverTimeAcrossEngines(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	sum := func(xs []float64) float64 { return fsum(xs) }
	avg := func(xs []float64) float64 { return fsum(xs) / float64(len(xs)) }
	count := func(xs []float64) float64 { return float64(len(xs)) }
	cases := []struct {
		calc   string
		gran   dialect.Granularity
		g, p   int
		region bool
		agg    func([]float64) float64
		share  bool // the measure is the period's percent of the total
	}{
		{"periodToDateSumOverTime(sum({quantity}), {order_date}, YEAR)", dialect.Month, 'M', 'Y', false, sum, false},
		{"periodToDateSumOverTime(sum({quantity}), {order_date}, YEAR)", dialect.Month, 'M', 'Y', true, sum, false},
		{"periodToDateAvgOverTime(sum({quantity}), {order_date}, QUARTER)", dialect.Month, 'M', 'Q', false, avg, false},
		{"periodToDateCountOverTime(sum({quantity}), {order_date}, YEAR)", dialect.Week, 'W', 'Y', false, count, false},
		{"periodToDateMaxOverTime(sum({quantity}), {order_date}, YEAR)", dialect.Quarter, 'Q', 'Y', false, slices.Max[[]float64], false},
		{"periodToDateMinOverTime(sum({quantity}), {order_date}, MONTH)", dialect.Day, 'D', 'M', false, slices.Min[[]float64], false},
		{"periodToDateSumOverTime(sum({quantity}), {order_date})", dialect.Month, 'M', 'M', false, sum, false},
		{"periodToDateSumOverTime(percentOfTotal(sum({quantity})), {order_date}, YEAR)", dialect.Quarter, 'Q', 'Y', false, sum, true},
	}
	for _, tc := range cases {
		type key struct {
			region string
			idx    int
		}
		sums := map[key]float64{}
		valued := map[key]bool{}
		period := map[key]int{}
		var keys []key
		for _, r := range testRows() {
			k := key{idx: popIndex(r.orderDate, tc.g)}
			if tc.region {
				k.region = regionOf(r)
			}
			if _, ok := sums[k]; !ok {
				keys = append(keys, k)
			}
			sums[k] += sumQuantity([]testRow{r})
			valued[k] = valued[k] || r.quantity != nil
			period[k] = popIndex(periodStart(r.orderDate, tc.g), tc.p)
		}
		slices.SortFunc(keys, func(a, b key) int {
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
		if tc.share {
			total := 0.0
			for _, v := range sums {
				total += v
			}
			for k := range sums {
				sums[k] = sums[k] * 100 / total
			}
		}
		var want []string
		for i, k := range keys {
			var acc []float64
			for _, o := range keys[:i+1] {
				if o.region == k.region && period[o] == period[k] && valued[o] {
					acc = append(acc, sums[o])
				}
			}
			v := "NULL"
			if len(acc) > 0 {
				v = formatFloat(tc.agg(acc))
			} else if strings.Contains(tc.calc, "Count") {
				v = "0"
			}
			want = append(want, strings.TrimSpace(k.region+" "+v))
		}
		for _, e := range engines {
			relSQL, relArgs, _ := tables.Relation(e.d)
			q := Question{
				Measures:         []Measure{{ID: "tc", Field: "tc"}},
				CalculatedFields: []CalculatedField{{Name: "tc", Expression: tc.calc}},
			}
			if tc.region {
				q.Dimensions = append(q.Dimensions, Dimension{Field: "Region"})
			}
			q.Dimensions = append(q.Dimensions, Dimension{ID: "period", Field: "order_date", Granularity: tc.gran})
			c, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), e.d)
			if err != nil {
				t.Errorf("%s: %s: %v", e.d.Name(), tc.calc, err)
				continue
			}
			var got []string
			for _, row := range run(t, e, c.SQL, c.Args) {
				if tc.region {
					got = append(got, row[0]+" "+row[2])
				} else {
					got = append(got, row[1])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: %s %s:\n got %v\nwant %v\n%s", e.d.Name(), tc.calc, tc.gran, got, want, c.SQL)
			}
		}
	}
}

// TestPeriodToDateOverTimeRefusals: what periodToDate*OverTime cannot
// compute is refused naming the function and why.
func TestPeriodToDateOverTimeRefusals(t *testing.T) {
	tables, err := salesTables("orders")
	if err != nil {
		t.Fatal(err)
	}
	relSQL, relArgs, _ := tables.Relation(dialect.SQLite)
	month := []Dimension{{Field: "order_date", Granularity: dialect.Month}}
	cases := []struct {
		calc string
		dims []Dimension
		want string
	}{
		{"periodToDateSumOverTime(sum({quantity}), {order_date}, DAY)", month, "periodToDateSumOverTime with period DAY over a visual grouped by MONTH: the period must hold whole rows"},
		{"periodToDateSumOverTime(sum({quantity}), {order_date}, YEAR)", []Dimension{{Field: "Region"}}, `periodToDateSumOverTime: the date field "order_date" is not a dimension of the visual`},
		{"periodToDateAvgOverTime({quantity}, {order_date}, YEAR)", month, "periodToDateAvgOverTime needs an aggregated measure"},
		{"periodToDateMaxOverTime(sum({quantity}), {order_date}, YEAR, 1)", month, "takes 2 to 3 arguments"},
		{"periodToDateMinOverTime(sum({quantity}), {Region})", month, "the date argument must be a date field"},
	}
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
