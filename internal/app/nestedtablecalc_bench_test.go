package app

import (
	"context"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// Nested table calculations and the period lookups over the sample
// (issue 9: a table calculation over 100k rows ≤ 200 ms).
var (
	// nestedByOrder: the running share of every order, a table
	// calculation of a table calculation over 100k groups (one layer
	// more than runningSumByOrder).
	nestedByOrder = &query.Question{
		Dimensions: []query.Dimension{{Field: "order_id"}},
		Measures:   []query.Measure{{ID: "running", Field: "running"}},
		CalculatedFields: []query.CalculatedField{
			{Name: "running", Expression: "runningSum(percentOfTotal(sum({revenue})), [{order_id} ASC])"},
		},
		Limit: 100,
	}
	// medianByOrder: the median of every order's revenue beside each
	// order: a percentile of aggregated values over 100k groups (its ranks
	// and count a layer below).
	medianByOrder = &query.Question{
		Dimensions:       []query.Dimension{{Field: "order_id"}},
		Measures:         []query.Measure{{ID: "median", Field: "median"}},
		CalculatedFields: []query.CalculatedField{{Name: "median", Expression: "percentileContOver(sum({revenue}), 50, [])"}},
		Limit:            100,
	}
	// medianByRegionMonth: each region's median month beside each month.
	medianByRegionMonth = &query.Question{
		Dimensions:       []query.Dimension{{Field: "region"}, {Field: "order_date", Granularity: "MONTH"}},
		Measures:         []query.Measure{{ID: "median", Field: "median"}},
		CalculatedFields: []query.CalculatedField{{Name: "median", Expression: "medianOver(sum({revenue}), [{region}])"}},
	}
	// yearOverYearByRegionMonth: each region's month against the same
	// month a year earlier (a period other than the visual's rows).
	yearOverYearByRegionMonth = &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}, {Field: "order_date", Granularity: "MONTH"}},
		Measures:   []query.Measure{{ID: "yoy", Field: "yoy"}},
		CalculatedFields: []query.CalculatedField{
			{Name: "yoy", Expression: "periodOverPeriodDifference(sum({revenue}), {order_date}, YEAR, 1)"},
		},
	}
	// yearToDateByRegionMonth: each region's revenue year to date.
	yearToDateByRegionMonth = &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}, {Field: "order_date", Granularity: "MONTH"}},
		Measures:   []query.Measure{{ID: "ytd", Field: "ytd"}},
		CalculatedFields: []query.CalculatedField{
			{Name: "ytd", Expression: "periodToDateSumOverTime(sum({revenue}), {order_date}, YEAR)"},
		},
	}
)

// BenchmarkNestedTableCalc measures App.QueryDataSet, uncached, with a
// nested table calculation and the period lookups on the 100k-row sample
// (DIRECT_QUERY on SQLite), against the flat calculation and the plain
// grouping in the same run.
func BenchmarkNestedTableCalc(b *testing.B) {
	a := sampleApp(b)
	ctx := context.Background()
	d, err := a.Store.FindDataSet(ctx, "123456789012", SampleDataSetID)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct {
		name string
		q    *query.Question
	}{
		{"sum-by-order", sumByOrder}, {"running-sum-percent-by-order", runningSumByOrder}, {"nested-running-share-by-order", nestedByOrder}, {"median-over-by-order", medianByOrder},
		{"sum-region-month", regionByMonthSum}, {"median-over-region-month", medianByRegionMonth}, {"year-over-year-region-month", yearOverYearByRegionMonth}, {"year-to-date-region-month", yearToDateByRegionMonth},
	} {
		b.Run(q.name, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				a.invalidateDataSet(d)
				res, err := a.QueryDataSet(ctx, nil, "123456789012", SampleDataSetID, q.q)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Rows) == 0 {
					b.Fatal("no rows")
				}
			}
		})
	}
}
