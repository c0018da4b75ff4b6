package query

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// popIndex numbers the calendar periods of granularity g, so that the
// period k before index i is i - k (computed here from the calendar,
// independently of the SQL).
func popIndex(at time.Time, g int) int {
	y, m := at.Year(), int(at.Month())
	days := int(time.Date(y, at.Month(), at.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
	switch g {
	case 'D':
		return days
	case 'W':
		// 1970-01-01 was a Thursday; weeks start on Sunday.
		return (days + 4) / 7
	case 'Y':
		return y
	case 'Q':
		return y*4 + (m-1)/3
	}
	return y*12 + m - 1
}

// TestPeriodOverPeriodAcrossEngines draws periodOverPeriodDifference,
// …LastValue and …PercentDifference by region and month (quarter, year)
// on every engine and compares them with the values derived in Go from
// the same rows: the previous calendar period, NULL where the data has
// none (the regions' orders leave months out).
func TestPeriodOverPeriodAcrossEngines(t *testing.T) {
	engines, tables := salesEngines(t)
	cases := []struct {
		calc   string
		gran   dialect.Granularity
		g      int
		k      int
		region bool
		value  func(cur, prev float64) float64
	}{
		{"periodOverPeriodDifference(sum({quantity}), {order_date})", dialect.Month, 'M', 1, true, func(c, p float64) float64 { return c - p }},
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, MONTH, 1)", dialect.Month, 'M', 1, false, func(c, p float64) float64 { return c - p }},
		{"periodOverPeriodLastValue(sum({quantity}), {order_date}, MONTH, 3)", dialect.Month, 'M', 3, true, func(c, p float64) float64 { return p }},
		{"periodOverPeriodLastValue(sum({quantity}), {order_date}, MONTH, -2)", dialect.Month, 'M', -2, true, func(c, p float64) float64 { return p }},
		{"periodOverPeriodPercentDifference(sum({quantity}), {order_date}, QUARTER, 1)", dialect.Quarter, 'Q', 1, true, func(c, p float64) float64 { return (c - p) * 100 / p }},
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, DAY, 17)", dialect.Day, 'D', 17, false, func(c, p float64) float64 { return c - p }},
		{"periodOverPeriodLastValue(sum({quantity}), {order_date}, WEEK, 5)", dialect.Week, 'W', 5, false, func(c, p float64) float64 { return p }},
		{"periodOverPeriodPercentDifference(sum({quantity}), {order_date}, YEAR)", dialect.Year, 'Y', 1, false, func(c, p float64) float64 { return (c - p) * 100 / p }},
	}
	for _, tc := range cases {
		groups := groupByPeriod(tc.g, tc.region)
		var want []string
		for _, k := range groups.keys {
			v := "NULL"
			back := periodKey{k.region, k.idx - tc.k}
			if prev, ok := groups.sums[back]; ok && (groups.valued[k] || strings.Contains(tc.calc, "LastValue")) && groups.valued[back] {
				if f := tc.value(groups.sums[k], prev); !math.IsNaN(f) && !math.IsInf(f, 0) {
					v = formatFloat(f)
				}
			}
			want = append(want, strings.TrimSpace(k.region+" "+v))
		}
		wantPeriodCalc(t, engines, tables, tc.calc, tc.gran, tc.region, want)
	}
}

// TestPeriodOverPeriodRefusals: what periodOverPeriod* cannot compute
// is refused naming the function and why.
func TestPeriodOverPeriodRefusals(t *testing.T) {
	month := []Dimension{{Field: "order_date", Granularity: dialect.Month}}
	wantRefusals(t, []calcRefusal{
		{"periodOverPeriodDifference(sum({quantity}), {order_date})", []Dimension{{Field: "Region"}}, `the date field "order_date" is not a dimension of the visual`},
		{"periodOverPeriodDifference(sum({quantity}), {order_date})", []Dimension{{Field: "order_date"}}, "needs the visual's date field \"order_date\" at a date granularity"},
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, DAY, 1)", month, "a period finer than the visual's names no single row"},
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, MONTH, 0)", month, "the offset is a whole number other than 0"},
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, MONTH, 61)", month, "from -60 to 60"},
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, FORTNIGHT, 1)", month, "the period must be YEAR, QUARTER"},
		{"periodOverPeriodLastValue(sum({quantity}), {Region})", month, "the date argument must be a date field"},
		{"periodOverPeriodLastValue({quantity}, {order_date})", month, "periodOverPeriodLastValue needs an aggregated measure"},
		{"periodOverPeriodLastValue(sum({quantity}))", month, "takes 2 to 4 arguments"},
	})
}
