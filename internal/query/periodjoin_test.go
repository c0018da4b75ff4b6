package query

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// periodStart is the first instant of the period of granularity g
// (popIndex's letters) that holds at; weeks start on Sunday.
func periodStart(at time.Time, g int) time.Time {
	day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)
	switch g {
	case 'D':
		return day
	case 'W':
		return day.AddDate(0, 0, -int(day.Weekday()))
	case 'Y':
		return time.Date(at.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case 'Q':
		return time.Date(at.Year(), at.Month()-(at.Month()-1)%3, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(at.Year(), at.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// moveBack is at moved back k periods p (popIndex's letters), the day
// clamped to the end of a shorter month.
func moveBack(at time.Time, k, p int) time.Time {
	months := 0
	switch p {
	case 'Y':
		months = 12 * k
	case 'Q':
		months = 3 * k
	case 'M':
		months = k
	case 'W':
		return at.AddDate(0, 0, -7*k)
	case 'D':
		return at.AddDate(0, 0, -k)
	}
	first := time.Date(at.Year(), at.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -months, 0)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(at.Day(), last), at.Hour(), at.Minute(), at.Second(), 0, time.UTC)
}

// TestPeriodOverPeriodByAnotherPeriod draws periodOverPeriod* with a
// period coarser than the visual's granularity (the same month a year
// earlier) on every engine and compares it with the values derived in
// Go from the calendar: the row whose period start, moved back, falls in.
func TestPeriodOverPeriodByAnotherPeriod(t *testing.T) {
	engines, tables := salesEngines(t)
	cases := []struct {
		calc   string
		gran   dialect.Granularity
		g, p   int
		k      int
		region bool
		value  func(cur, prev float64) float64
	}{
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, YEAR, 1)", dialect.Month, 'M', 'Y', 1, false, func(c, p float64) float64 { return c - p }},
		{"periodOverPeriodLastValue(sum({quantity}), {order_date}, YEAR, 1)", dialect.Month, 'M', 'Y', 1, true, func(c, p float64) float64 { return p }},
		{"periodOverPeriodPercentDifference(sum({quantity}), {order_date}, YEAR, 1)", dialect.Quarter, 'Q', 'Y', 1, false, func(c, p float64) float64 { return (c - p) * 100 / p }},
		{"periodOverPeriodLastValue(sum({quantity}), {order_date}, QUARTER, -2)", dialect.Month, 'M', 'Q', -2, false, func(c, p float64) float64 { return p }},
		{"periodOverPeriodLastValue(sum({quantity}), {order_date}, YEAR, 1)", dialect.Week, 'W', 'Y', 1, false, func(c, p float64) float64 { return p }},
		{"periodOverPeriodLastValue(sum({quantity}), {order_date}, MONTH, 1)", dialect.Week, 'W', 'M', 1, false, func(c, p float64) float64 { return p }},
		{"periodOverPeriodDifference(sum({quantity}) * 2, {order_date}, WEEK, 17)", dialect.Day, 'D', 'W', 17, false, func(c, p float64) float64 { return 2*c - 2*p }},
		{"periodOverPeriodLastValue(runningSum(sum({quantity}), [{order_date} ASC]), {order_date}, YEAR, 1)", dialect.Month, 'M', 'Y', 1, false, nil},
	}
	for _, tc := range cases {
		groups := groupByPeriod(tc.g, tc.region)
		sums := groups.sums
		value := tc.value
		if value == nil {
			// The running total (no region) as of each period.
			running := map[periodKey]float64{}
			acc := 0.0
			for _, k := range groups.keys {
				acc += sums[k]
				running[k] = acc
			}
			sums = running
			value = func(c, p float64) float64 { return p }
		}
		var want []string
		for _, k := range groups.keys {
			v := "NULL"
			back := periodKey{k.region, popIndex(moveBack(groups.starts[k], tc.k, tc.p), tc.g)}
			if prev, ok := sums[back]; ok && (groups.valued[k] || strings.Contains(tc.calc, "LastValue")) && (groups.valued[back] || tc.value == nil) {
				if f := value(sums[k], prev); !math.IsNaN(f) && !math.IsInf(f, 0) {
					v = formatFloat(f)
				}
			}
			want = append(want, strings.TrimSpace(k.region+" "+v))
		}
		found := slices.ContainsFunc(want, func(s string) bool { return !strings.HasSuffix(s, "NULL") })
		if !found {
			t.Errorf("%s: the data has no row to compare with: the case cannot fail", tc.calc)
		}
		wantPeriodCalc(t, engines, tables, tc.calc, tc.gran, tc.region, want)
	}
}
