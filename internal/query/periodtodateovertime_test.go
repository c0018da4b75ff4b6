package query

import (
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
	engines, tables := salesEngines(t)
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
		groups := groupByPeriod(tc.g, tc.region)
		if tc.share {
			total := 0.0
			for _, v := range groups.sums {
				total += v
			}
			for k := range groups.sums {
				groups.sums[k] = groups.sums[k] * 100 / total
			}
		}
		var want []string
		for i, k := range groups.keys {
			var acc []float64
			for _, o := range groups.keys[:i+1] {
				if o.region == k.region && popIndex(groups.starts[o], tc.p) == popIndex(groups.starts[k], tc.p) && groups.valued[o] {
					acc = append(acc, groups.sums[o])
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
		wantPeriodCalc(t, engines, tables, tc.calc, tc.gran, tc.region, want)
	}
}

// TestPeriodToDateOverTimeRefusals: what periodToDate*OverTime cannot
// compute is refused naming the function and why.
func TestPeriodToDateOverTimeRefusals(t *testing.T) {
	month := []Dimension{{Field: "order_date", Granularity: dialect.Month}}
	wantRefusals(t, []calcRefusal{
		{"periodToDateSumOverTime(sum({quantity}), {order_date}, DAY)", month, "periodToDateSumOverTime with period DAY over a visual grouped by MONTH: the period must hold whole rows"},
		{"periodToDateSumOverTime(sum({quantity}), {order_date}, YEAR)", []Dimension{{Field: "Region"}}, `periodToDateSumOverTime: the date field "order_date" is not a dimension of the visual`},
		{"periodToDateAvgOverTime({quantity}, {order_date}, YEAR)", month, "periodToDateAvgOverTime needs an aggregated measure"},
		{"periodToDateMaxOverTime(sum({quantity}), {order_date}, YEAR, 1)", month, "takes 2 to 3 arguments"},
		{"periodToDateMinOverTime(sum({quantity}), {Region})", month, "the date argument must be a date field"},
	})
}
