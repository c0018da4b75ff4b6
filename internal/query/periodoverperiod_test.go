package query

import (
	"fmt"
	"math"
	"slices"
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
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
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
		type key struct {
			region string
			idx    int
		}
		sums := map[key]float64{}
		valued := map[key]bool{} // SUM of only NULL quantities is NULL
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
		var want []string
		for _, k := range keys {
			v := "NULL"
			if prev, ok := sums[key{k.region, k.idx - tc.k}]; ok && (valued[k] || strings.Contains(tc.calc, "LastValue")) && valued[key{k.region, k.idx - tc.k}] {
				if f := tc.value(sums[k], prev); !math.IsNaN(f) && !math.IsInf(f, 0) {
					v = formatFloat(f)
				}
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
				t.Errorf("%s: %s:\n got %v\nwant %v\n%s", e.d.Name(), tc.calc, got, want, c.SQL)
			}
		}
	}
}

// TestPeriodOverPeriodRefusals: what periodOverPeriod* cannot compute
// is refused naming the function and why.
func TestPeriodOverPeriodRefusals(t *testing.T) {
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
		{"periodOverPeriodDifference(sum({quantity}), {order_date})", []Dimension{{Field: "Region"}}, `the date field "order_date" is not a dimension of the visual`},
		{"periodOverPeriodDifference(sum({quantity}), {order_date})", []Dimension{{Field: "order_date"}}, "needs the visual's date field \"order_date\" at a date granularity"},
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, DAY, 1)", month, "a period finer than the visual's names no single row"},
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, MONTH, 0)", month, "the offset is a whole number other than 0"},
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, MONTH, 61)", month, "from -60 to 60"},
		{"periodOverPeriodDifference(sum({quantity}), {order_date}, FORTNIGHT, 1)", month, "the period must be YEAR, QUARTER"},
		{"periodOverPeriodLastValue(sum({quantity}), {Region})", month, "the date argument must be a date field"},
		{"periodOverPeriodLastValue({quantity}, {order_date})", month, "periodOverPeriodLastValue needs an aggregated measure"},
		{"periodOverPeriodLastValue(sum({quantity}))", month, "takes 2 to 4 arguments"},
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
