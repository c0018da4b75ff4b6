package app

import (
	"context"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// Table-calculation questions over the sample (issue 9: ≤ 200 ms over
// 100k rows; issue 13: distinctCountOver and runningSum ≤ 1 s over 10M
// rows on SPICE).
var (
	// runningSumByRegionMonth: revenue by region and month with its
	// running total in month order within each region.
	runningSumByRegionMonth = &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}, {Field: "order_date", Granularity: "MONTH"}},
		Measures:   []query.Measure{{ID: "revenue", Field: "revenue", Aggregation: query.Sum}, {ID: "running", Field: "running"}},
		CalculatedFields: []query.CalculatedField{
			{Name: "running", Expression: "runningSum(sum({revenue}), [{order_date} ASC], [{region}])"},
		},
	}
	// runningSumByOrder: the running total over every order, 100k
	// groups on the 100k sample: the window over the most rows.
	runningSumByOrder = &query.Question{
		Dimensions:       []query.Dimension{{Field: "order_id"}},
		Measures:         []query.Measure{{ID: "running", Field: "running"}, {ID: "share", Field: "share"}},
		CalculatedFields: []query.CalculatedField{{Name: "running", Expression: "runningSum(sum({revenue}), [{order_id} ASC])"}, {Name: "share", Expression: "percentOfTotal(sum({revenue}))"}},
		Limit:            100,
	}
	// sumByOrder groups every order too, without table calculations:
	// the alternative measured in the same run (sorted by the sum, so
	// every group is computed before the limit, as the window needs).
	sumByOrder = &query.Question{
		Dimensions: []query.Dimension{{Field: "order_id"}},
		Measures:   []query.Measure{{ID: "revenue", Field: "revenue", Aggregation: query.Sum}},
		Sort:       []query.Sort{{ID: "revenue", Descending: true}},
		Limit:      100,
	}
	// distinctCitiesOverRegion: distinctCountOver at its default level,
	// partitioned by region in a visual by region and month: the
	// region's number of cities on each month.
	distinctCitiesOverRegion = &query.Question{
		Dimensions:       []query.Dimension{{Field: "region"}, {Field: "order_date", Granularity: "MONTH"}},
		Measures:         []query.Measure{{ID: "cities", Field: "cities"}},
		CalculatedFields: []query.CalculatedField{{Name: "cities", Expression: "distinctCountOver({city}, [{region}])"}},
	}
	// distinctCitiesOverPreAgg: the same at the PRE_AGG level, a window
	// over every row, its largest value per region.
	distinctCitiesOverPreAgg = &query.Question{
		Dimensions:       []query.Dimension{{Field: "region"}},
		Measures:         []query.Measure{{ID: "cities", Field: "cities", Aggregation: query.Max}},
		CalculatedFields: []query.CalculatedField{{Name: "cities", Expression: "distinctCountOver({city}, [{region}], PRE_AGG)"}},
	}
)

// BenchmarkTableCalc measures App.QueryDataSet, uncached, with table
// calculations on the 100k-row sample (DIRECT_QUERY on SQLite), against
// the same grouping without them.
func BenchmarkTableCalc(b *testing.B) {
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
		{"sum-by-order", sumByOrder}, {"running-sum-percent-by-order", runningSumByOrder},
		{"sum-region-month", regionByMonthSum}, {"running-sum-region-month", runningSumByRegionMonth},
		{"distinct-count-over-region-month", distinctCitiesOverRegion}, {"distinct-count-over-pre-agg", distinctCitiesOverPreAgg},
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
