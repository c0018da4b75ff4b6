package app

import (
	"context"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// calcAggregateQuestions pair each aggregate of the calculation language
// with the question a user would otherwise ask, for the same run: a
// conditional sum against the same sum under a filter, the spread
// aggregates (SQLite computes them from sums of squares) against AVERAGE,
// a discrete percentile (ranked with window functions on SQLite) against
// MEDIAN, and a period-to-date sum against a sum under the same date
// range.
var calcAggregateQuestions = []struct {
	name string
	q    *query.Question
}{
	{"sumIf", byRegion(query.Measure{ID: "x", Field: "x"}, `sumIf({revenue}, {category} = 'Technology')`)},
	{"sum-filtered", &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}},
		Measures:   []query.Measure{{ID: "x", Field: "revenue", Aggregation: query.Sum}},
		Filters:    []query.Filter{{Kind: query.CategoryFilter, Field: "category", Match: query.In, Values: []any{"Technology"}}},
	}},
	{"stdev", byRegion(query.Measure{ID: "x", Field: "x"}, `stdev({revenue})`)},
	{"var", byRegion(query.Measure{ID: "x", Field: "x"}, `var({revenue})`)},
	{"avg", byRegion(query.Measure{ID: "x", Field: "revenue", Aggregation: query.Average}, "")},
	{"percentileDisc", byRegion(query.Measure{ID: "x", Field: "x"}, `percentileDisc({revenue}, 90)`)},
	{"median", byRegion(query.Measure{ID: "x", Field: "revenue", Aggregation: query.Median}, "")},
	{"periodToDateSum", byRegion(query.Measure{ID: "x", Field: "x"}, `periodToDateSum({revenue}, {order_date}, YEAR, '2026-06-30')`)},
	{"sumIf-dates", byRegion(query.Measure{ID: "x", Field: "x"}, `sumIf({revenue}, {order_date} >= '2026-01-01' AND {order_date} <= '2026-06-30')`)},
}

func byRegion(m query.Measure, expression string) *query.Question {
	q := &query.Question{Dimensions: []query.Dimension{{Field: "region"}}, Measures: []query.Measure{m}}
	if expression != "" {
		q.CalculatedFields = []query.CalculatedField{{Name: "x", Expression: expression}}
	}
	return q
}

// BenchmarkCalcAggregates runs each question uncached on the 100k-row
// sample (SQLite, DIRECT_QUERY) through App.QueryDataSet.
func BenchmarkCalcAggregates(b *testing.B) {
	a := sampleApp(b)
	ctx := context.Background()
	d, err := a.Store.FindDataSet(ctx, "123456789012", SampleDataSetID)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range calcAggregateQuestions {
		b.Run(c.name, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				a.invalidateDataSet(d)
				if _, err := a.QueryDataSet(ctx, nil, "123456789012", SampleDataSetID, c.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
