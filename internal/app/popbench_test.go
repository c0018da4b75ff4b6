package app

import (
	"context"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// popByRegion is revenue by region and date at granularity g with the
// period-over-period difference expression calc.
func popByRegion(g, calc string) *query.Question {
	return &query.Question{
		Dimensions:       []query.Dimension{{Field: "region"}, {Field: "order_date", Granularity: dialect.Granularity(g)}},
		Measures:         []query.Measure{{ID: "revenue", Field: "revenue", Aggregation: query.Sum}, {ID: "pop", Field: "pop"}},
		CalculatedFields: []query.CalculatedField{{Name: "pop", Expression: calc}},
	}
}

// BenchmarkPeriodOverPeriod measures App.QueryDataSet, uncached, with
// periodOverPeriodDifference on the 100k-row sample (DIRECT_QUERY on
// SQLite) by region and month, and by region and day, against
// difference (the previous row, one LAG) and the plain sum in the same
// run. An offset of k periods reads k rows back: offset 12 is the
// widest common case (the same month a year before).
func BenchmarkPeriodOverPeriod(b *testing.B) {
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
		{"sum-region-month", regionByMonthSum},
		{"difference-region-month", popByRegion("MONTH", "difference(sum({revenue}), [{order_date} ASC], -1, [{region}])")},
		{"pop-1-region-month", popByRegion("MONTH", "periodOverPeriodDifference(sum({revenue}), {order_date}, MONTH, 1)")},
		{"pop-12-region-month", popByRegion("MONTH", "periodOverPeriodDifference(sum({revenue}), {order_date}, MONTH, 12)")},
		{"difference-region-day", popByRegion("DAY", "difference(sum({revenue}), [{order_date} ASC], -1, [{region}])")},
		{"pop-1-region-day", popByRegion("DAY", "periodOverPeriodDifference(sum({revenue}), {order_date}, DAY, 1)")},
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
