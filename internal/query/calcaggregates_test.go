package query

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// calcAggregateCase is an aggregate function of the calculation language,
// evaluated per region, and the value it must have, computed here from
// testRows: the rows of a group it keeps (nil keeps all) and what it
// makes of their values.
type calcAggregateCase struct {
	src  string
	keep func(r testRow) bool
	// value reads a row's value (nil for NULL); nil reads unit_price.
	value func(r testRow) any
	agg   func(vs []any) string
}

func price(r testRow) any {
	if r.unitPrice == nil {
		return nil
	}
	return *r.unitPrice
}

func productOf(r testRow) any {
	if r.product == nil {
		return nil
	}
	return *r.product
}

func qtyAbove(n int64) func(testRow) bool {
	return func(r testRow) bool { return r.quantity != nil && *r.quantity > n }
}

// orderedBetween keeps the rows ordered from from to to, both included.
func orderedBetween(from, to time.Time) func(testRow) bool {
	return func(r testRow) bool { return !r.orderDate.Before(from) && !r.orderDate.After(to) }
}

func floats(vs []any) []float64 {
	var out []float64
	for _, v := range vs {
		if f, ok := v.(float64); ok {
			out = append(out, f)
		}
	}
	return out
}

func sumOf(vs []any) string {
	xs := floats(vs)
	if len(xs) == 0 {
		return "NULL"
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return formatFloat(s)
}

func avgOf(vs []any) string {
	xs := floats(vs)
	if len(xs) == 0 {
		return "NULL"
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return formatFloat(s / float64(len(xs)))
}

func minOf(vs []any) string {
	xs := floats(vs)
	if len(xs) == 0 {
		return "NULL"
	}
	return formatFloat(slices.Min(xs))
}

func maxOf(vs []any) string {
	xs := floats(vs)
	if len(xs) == 0 {
		return "NULL"
	}
	return formatFloat(slices.Max(xs))
}

func countOf(vs []any) string {
	n := 0
	for _, v := range vs {
		if v != nil {
			n++
		}
	}
	return strconv.Itoa(n)
}

func distinctCountOf(vs []any) string {
	seen := map[any]bool{}
	for _, v := range vs {
		if v != nil {
			seen[v] = true
		}
	}
	return strconv.Itoa(len(seen))
}

// spreadOf is the variance (sample or population), or its square root.
func spreadOf(sample, root bool) func([]any) string {
	return func(vs []any) string {
		xs := floats(vs)
		n := float64(len(xs))
		if len(xs) == 0 || sample && len(xs) < 2 {
			return "NULL"
		}
		mean := 0.0
		for _, x := range xs {
			mean += x
		}
		mean /= n
		ss := 0.0
		for _, x := range xs {
			ss += (x - mean) * (x - mean)
		}
		if sample {
			n--
		}
		v := ss / n
		if root {
			v = math.Sqrt(v)
		}
		return formatFloat(v)
	}
}

// percentileDiscOf is PERCENTILE_DISC: the smallest value whose
// cumulative distribution reaches pct percent.
func percentileDiscOf(pct float64) func([]any) string {
	return func(vs []any) string {
		xs := floats(vs)
		if len(xs) == 0 {
			return "NULL"
		}
		sort.Float64s(xs)
		rank := int(math.Ceil(pct * float64(len(xs)) / 100))
		if rank < 1 {
			rank = 1
		}
		return formatFloat(xs[rank-1])
	}
}

func percentileContOf(p float64) func([]any) string {
	return func(vs []any) string {
		xs := floats(vs)
		if len(xs) == 0 {
			return "NULL"
		}
		return formatFloat(percentile(xs, p))
	}
}

var (
	jan2024 = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	apr2024 = time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	jun2024 = time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)
	jun2023 = time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC)
)

// calcAggregateCases follow QuickSight's function reference (the user
// guide's "Aggregate functions" pages: sumIf-function, countIf-function,
// stdev-function, percentileDisc-function, periodToDateSum-function, …).
// percentile is an alias of percentileDisc (percentile-function); the
// *If functions aggregate the rows where the condition holds
// (sumIf-function); periodToDate* aggregate from the start of the end
// date's period up to the end date (periodToDateSum-function: weeks
// start on Sunday).
var calcAggregateCases = []calcAggregateCase{
	{src: `sumIf({unit_price}, {quantity} > 3)`, keep: qtyAbove(3), agg: sumOf},
	{src: `avgIf({unit_price}, {quantity} > 3)`, keep: qtyAbove(3), agg: avgOf},
	{src: `minIf({unit_price}, {quantity} > 5)`, keep: qtyAbove(5), agg: minOf},
	{src: `maxIf({unit_price}, {quantity} > 5)`, keep: qtyAbove(5), agg: maxOf},
	{src: `countIf({product}, {quantity} > 3)`, keep: qtyAbove(3), value: productOf, agg: countOf},
	{src: `countIf({unit_price}, {quantity} > 30)`, keep: qtyAbove(30), agg: countOf},
	{src: `distinct_countIf({product}, {quantity} > 6)`, keep: qtyAbove(6), value: productOf, agg: distinctCountOf},
	{src: `sumIf({unit_price}, {quantity} > 30)`, keep: qtyAbove(30), agg: sumOf},
	{src: `medianIf({unit_price}, {quantity} > 2)`, keep: qtyAbove(2), agg: percentileContOf(0.5)},
	{src: `stdev({unit_price})`, agg: spreadOf(true, true)},
	{src: `stdevp({unit_price})`, agg: spreadOf(false, true)},
	{src: `var({unit_price})`, agg: spreadOf(true, false)},
	{src: `varp({unit_price})`, agg: spreadOf(false, false)},
	{src: `stdevIf({unit_price}, {quantity} > 4)`, keep: qtyAbove(4), agg: spreadOf(true, true)},
	{src: `stdevpIf({unit_price}, {quantity} > 4)`, keep: qtyAbove(4), agg: spreadOf(false, true)},
	{src: `varIf({unit_price}, {quantity} > 8)`, keep: qtyAbove(8), agg: spreadOf(true, false)},
	{src: `varpIf({unit_price}, {quantity} > 8)`, keep: qtyAbove(8), agg: spreadOf(false, false)},
	{src: `percentileDisc({unit_price}, 30)`, agg: percentileDiscOf(30)},
	{src: `percentile({unit_price}, 90)`, agg: percentileDiscOf(90)},
	{src: `percentileDisc({unit_price}, 0)`, agg: percentileDiscOf(0)},
	{src: `percentileDisc({unit_price}, 100)`, agg: percentileDiscOf(100)},
	{src: `percentileDisc({unit_price}, 50)`, agg: percentileDiscOf(50)},
	{src: `percentileCont({unit_price}, 25)`, agg: percentileContOf(0.25)},
	{src: `periodToDateSum({unit_price}, {order_date}, YEAR, parseDate('06-30-2024', 'MM-dd-yyyy'))`, keep: orderedBetween(jan2024, jun2024), agg: sumOf},
	{src: `periodToDateAvg({unit_price}, {order_date}, QUARTER, parseDate('2024-06-30'))`, keep: orderedBetween(apr2024, jun2024), agg: avgOf},
	{src: `periodToDateCount({product}, {order_date}, year, '2023-06-30')`, keep: orderedBetween(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), jun2023), value: productOf, agg: countOf},
	{src: `periodToDateMin({unit_price}, {order_date}, MONTH, parseDate('2024-06-30'))`, keep: orderedBetween(time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), jun2024), agg: minOf},
	{src: `periodToDateMax({unit_price}, {order_date}, YEAR, parseDate('2024-06-30'))`, keep: orderedBetween(jan2024, jun2024), agg: maxOf},
	{src: `periodToDateMedian({unit_price}, {order_date}, YEAR, parseDate('2024-06-30'))`, keep: orderedBetween(jan2024, jun2024), agg: percentileContOf(0.5)},
	{src: `periodToDatePercentile({unit_price}, 75, {order_date}, YEAR, parseDate('2024-06-30'))`, keep: orderedBetween(jan2024, jun2024), agg: percentileDiscOf(75)},
	{src: `periodToDatePercentileCont({unit_price}, 75, {order_date}, YEAR, parseDate('2024-06-30'))`, keep: orderedBetween(jan2024, jun2024), agg: percentileContOf(0.75)},
	{src: `periodToDateStDev({unit_price}, {order_date}, YEAR, parseDate('2024-06-30'))`, keep: orderedBetween(jan2024, jun2024), agg: spreadOf(true, true)},
	{src: `periodToDateStDevP({unit_price}, {order_date}, YEAR, parseDate('2024-06-30'))`, keep: orderedBetween(jan2024, jun2024), agg: spreadOf(false, true)},
	{src: `periodToDateVar({unit_price}, {order_date}, YEAR, parseDate('2024-06-30'))`, keep: orderedBetween(jan2024, jun2024), agg: spreadOf(true, false)},
	{src: `periodToDateVarP({unit_price}, {order_date}, YEAR, parseDate('2024-06-30'))`, keep: orderedBetween(jan2024, jun2024), agg: spreadOf(false, false)},
	// The week of Wednesday 2024-03-06 starts on Sunday 2024-03-03 (as
	// in periodToDateSum-function's example, 06-30-21 is in the week of
	// 06-27-21); a row on Tuesday 2024-03-05 23:25 is in it.
	{src: `periodToDateSum({unit_price}, {order_date}, WEEK, parseDate('2024-03-06 12:00:00', 'yyyy-MM-dd HH:mm:ss'))`, keep: orderedBetween(time.Date(2024, 3, 3, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC)), agg: sumOf},
	// The end date is included: a row at Sunday 2024-01-14 21:34 is in
	// the week to that instant, not in the week to a second before.
	{src: `periodToDateCount({product}, {order_date}, WEEK, '2024-01-14 21:34:00')`, keep: orderedBetween(time.Date(2024, 1, 14, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 14, 21, 34, 0, 0, time.UTC)), value: productOf, agg: countOf},
	{src: `periodToDateCount({product}, {order_date}, WEEK, '2024-01-14 21:33:59')`, keep: func(testRow) bool { return false }, value: productOf, agg: countOf},
	// A month to its leap day.
	{src: `periodToDateSum({unit_price}, {order_date}, MONTH, parseDate('2024-02-29'))`, keep: orderedBetween(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)), agg: sumOf},
	{src: `periodToDateCount({product}, {order_date}, DAY, epochDate(1705268040))`, keep: orderedBetween(time.Date(2024, 1, 14, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 14, 21, 34, 0, 0, time.UTC)), value: productOf, agg: countOf},
	// Without an end date: up to now(), a period no test row is in.
	{src: `periodToDateCount({product}, {order_date}, YEAR)`, keep: func(testRow) bool { return false }, value: productOf, agg: countOf},
	// Aggregates combine with scalar functions around them.
	{src: `round(sumIf({unit_price}, {quantity} > 3) / countIf({unit_price}, {quantity} > 3), 2)`, keep: qtyAbove(3), agg: func(vs []any) string {
		xs := floats(vs)
		if len(xs) == 0 {
			return "NULL"
		}
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return formatFloat(math.Round(s/float64(len(xs))*100) / 100)
	}},
}

// TestCalcAggregatesAcrossEngines draws each aggregate by region on
// every engine, as an aggregated calculated field in a measure well with
// no aggregation (used as is), and checks the values against testRows.
func TestCalcAggregatesAcrossEngines(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range calcAggregateCases {
		want := expectedByRegion(tc)
		for _, e := range engines {
			rel, args, err := tables.Relation(e.d)
			if err != nil {
				t.Fatal(err)
			}
			q := Question{
				Dimensions:       []Dimension{{Field: "Region"}},
				Measures:         []Measure{{ID: "x", Field: "X"}},
				CalculatedFields: []CalculatedField{{Name: "X", Expression: tc.src}},
			}
			c, err := Compile(&q, rel, args, tables.OutputColumns(), e.d)
			if err != nil {
				t.Errorf("%s: %s: %v", e.d.Name(), tc.src, err)
				continue
			}
			if got := fmt.Sprint(run(t, e, c.SQL, c.Args)); got != want {
				t.Errorf("%s: %s:\n got %s\nwant %s", e.d.Name(), tc.src, got, want)
			}
		}
	}
}

// expectedByRegion computes a case's rows from testRows, NULL region
// first as the engines order them.
func expectedByRegion(tc calcAggregateCase) string {
	groups := map[string][]any{}
	for _, r := range testRows() {
		key := "NULL"
		if r.region != nil {
			key = *r.region
		}
		if _, ok := groups[key]; !ok {
			groups[key] = nil
		}
		if tc.keep != nil && !tc.keep(r) {
			continue
		}
		read := price
		if tc.value != nil {
			read = tc.value
		}
		groups[key] = append(groups[key], read(r))
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		if k != "NULL" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	keys = append([]string{"NULL"}, keys...)
	var rows [][]string
	for _, k := range keys {
		rows = append(rows, []string{k, tc.agg(groups[k])})
	}
	return fmt.Sprint(rows)
}

// TestFieldWellDefaultAndSpreadAcrossEngines draws what a visual's
// field wells ask: a measure with no AggregationFunction (the default
// SUM) over an aggregated calculated field is used as is, over a column
// it sums; STDEV, STDEVP, VAR and VARP aggregate a column.
func TestFieldWellDefaultAndSpreadAcrossEngines(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	cols := []calcAggregateCase{
		{keep: qtyAbove(3), agg: sumOf},
		{agg: sumOf},
		{agg: spreadOf(true, true)},
		{agg: spreadOf(false, true)},
		{agg: spreadOf(true, false)},
		{agg: spreadOf(false, false)},
	}
	wants := make([]string, len(cols))
	for i, c := range cols {
		wants[i] = expectedByRegion(c)
	}
	for _, e := range engines {
		rel, args, err := tables.Relation(e.d)
		if err != nil {
			t.Fatal(err)
		}
		q := Question{
			Dimensions: []Dimension{{Field: "Region"}},
			Measures: []Measure{
				{ID: "if", Field: "X", Aggregation: Sum, DefaultAggregation: true},
				{ID: "sum", Field: "unit_price", Aggregation: Sum, DefaultAggregation: true},
				{ID: "stdev", Field: "unit_price", Aggregation: "STDEV"},
				{ID: "stdevp", Field: "unit_price", Aggregation: "STDEVP"},
				{ID: "var", Field: "unit_price", Aggregation: "VAR"},
				{ID: "varp", Field: "unit_price", Aggregation: "VARP"},
			},
			CalculatedFields: []CalculatedField{{Name: "X", Expression: `sumIf({unit_price}, {quantity} > 3)`}},
		}
		c, err := Compile(&q, rel, args, tables.OutputColumns(), e.d)
		if err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		rows := run(t, e, c.SQL, c.Args)
		for i := range cols {
			var got [][]string
			for _, r := range rows {
				got = append(got, []string{r[0], r[1+i]})
			}
			if fmt.Sprint(got) != wants[i] {
				t.Errorf("%s: measure %s:\n got %v\nwant %s", e.d.Name(), q.Measures[i].ID, got, wants[i])
			}
		}
	}
	// Chosen explicitly, an aggregation over an aggregated field is an
	// error, as before.
	q := Question{Measures: []Measure{{Field: "X", Aggregation: Sum}},
		CalculatedFields: []CalculatedField{{Name: "X", Expression: `sumIf({unit_price}, {quantity} > 3)`}}}
	rel, args, _ := tables.Relation(engines[0].d)
	_, err = Compile(&q, rel, args, tables.OutputColumns(), engines[0].d)
	if e, ok := errors.AsType[*sg.Error](err); !ok || e.Code != sg.EINVALID || e.Message != `Measures[0]: "X" is already aggregated; leave Aggregation empty` {
		t.Errorf("explicit SUM over an aggregated field: %v", err)
	}
}
