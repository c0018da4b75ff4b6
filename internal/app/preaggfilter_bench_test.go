package app

import (
	"context"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A row filter on a PRE_AGG calculation over the sample: revenue by
// region of each city's latest orders (the cost anomalies dashboard's
// "latest snapshot" filter: a NumericEqualityFilter = 1 on the
// comparison of a maxOver(…, PRE_AGG) field with the row's date).
var (
	latestIs = 1.0
	// latestByCity keeps the orders on each city's latest order date.
	latestByCity = &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}},
		Measures:   []query.Measure{{ID: "revenue", Field: "revenue", Aggregation: query.Sum}},
		CalculatedFields: []query.CalculatedField{
			{Name: "latest", Expression: "maxOver({order_date}, [{city}], PRE_AGG)"},
			{Name: "is latest", Expression: "{latest} = {order_date}"},
		},
		Filters: []query.Filter{{Kind: query.NumericRangeFilter, Field: "is latest", Min: &latestIs, Max: &latestIs, IncludeMin: true, IncludeMax: true}},
	}
	// latestAsMeasure computes the same PRE_AGG window without filtering
	// on it: the alternative measured in the same run, with the plain sum.
	latestAsMeasure = &query.Question{
		Dimensions:       []query.Dimension{{Field: "region"}},
		Measures:         []query.Measure{{ID: "latest", Field: "latest", Aggregation: query.Max}},
		CalculatedFields: []query.CalculatedField{{Name: "latest", Expression: "maxOver({order_date}, [{city}], PRE_AGG)"}},
	}
	preAggBaseSum = &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}},
		Measures:   []query.Measure{{ID: "revenue", Field: "revenue", Aggregation: query.Sum}},
	}
)

// BenchmarkPreAggFilter measures App.QueryDataSet, uncached, with a row
// filter on a PRE_AGG condition on the 100k-row sample (DIRECT_QUERY on
// SQLite), against the window as a measure and the plain sum.
func BenchmarkPreAggFilter(b *testing.B) {
	a := sampleApp(b)
	ctx := context.Background()
	d, err := a.Store.FindDataSet(ctx, "123456789012", SampleDataSetID)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct {
		name string
		q    *query.Question
	}{{"sum-by-region", preAggBaseSum}, {"pre-agg-measure", latestAsMeasure}, {"pre-agg-filter", latestByCity}} {
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
