package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/sampledata"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// spiceApp returns an App whose sample dataset (rows orders) is imported
// into SPICE, its ingestion completed.
func spiceApp(b *testing.B, rows int) *App {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "sightglass.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := New(store, "us-east-1")
	box, _ := secretbox.New(bytes.Repeat([]byte{1}, secretbox.KeySize))
	a.ConfigureData(DataConfig{Secrets: box, DataSourceDir: dir, SPICEDir: filepath.Join(dir, "spice")})
	b.Cleanup(func() { a.Close() })
	if _, err := a.Bootstrap(ctx, "123456789012"); err != nil {
		b.Fatal(err)
	}
	// The generated sample is kept between runs: generating 10M rows
	// takes minutes.
	cached := filepath.Join(os.TempDir(), "sightglass-bench-sample-"+strconv.Itoa(rows)+".sqlite")
	if _, err := os.Stat(cached); err != nil {
		if err := sampledata.Generate(cached+".tmp", rows, sampleSeed); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(cached+".tmp", cached); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.Link(cached, filepath.Join(dir, SampleFile)); err != nil {
		b.Fatal(err)
	}
	d, err := a.CreateSampleData(ctx, "123456789012", rows)
	if err != nil {
		b.Fatal(err)
	}
	in := DataSetInput{AccountID: d.AccountID, DataSetID: d.ID, Name: d.Name, ImportMode: sg.ImportSPICE,
		PhysicalTableMap: d.PhysicalTableMap, LogicalTableMap: d.LogicalTableMap}
	_, ing, err := a.UpdateDataSet(ctx, in)
	if err != nil {
		b.Fatal(err)
	}
	if ing == nil {
		b.Fatal("no ingestion started")
	}
	start := time.Now()
	for {
		got, err := a.DescribeIngestion(ctx, d.AccountID, d.ID, ing.ID)
		if err != nil {
			b.Fatal(err)
		}
		if got.Status == sg.IngestionCompleted {
			b.Logf("ingested %d rows in %s", got.RowsIngested, time.Since(start).Round(time.Millisecond))
			break
		}
		if got.Status == sg.IngestionFailed || got.Status == sg.IngestionCancelled {
			b.Fatalf("ingestion %s: %s %s", got.Status, got.ErrorType, got.ErrorMessage)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return a
}

// regionByMonthSum is the issue's question: SUM by region and month.
var regionByMonthSum = &query.Question{
	Dimensions: []query.Dimension{{Field: "region"}, {Field: "order_date", Granularity: "MONTH"}},
	Measures:   []query.Measure{{ID: "revenue", Field: "revenue", Aggregation: query.Sum}},
}

// distinctCustomersByRegion and medianByRegion are the heavier
// aggregates: a distinct count and a median (a window computation on
// engines without PERCENTILE_CONT) per region. The table calculations
// are in tablecalc_bench_test.go.
var (
	distinctCitiesByRegion = &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}},
		Measures:   []query.Measure{{ID: "cities", Field: "city", Aggregation: query.DistinctCount}, {ID: "orders", Field: "order_id", Aggregation: query.DistinctCount}},
	}
	medianByRegion = &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}},
		Measures:   []query.Measure{{ID: "median", Field: "revenue", Aggregation: query.Median}},
	}
)

// BenchmarkQuerySPICE measures App.QueryDataSet, uncached, on the sample
// imported into SPICE: 1M rows (other sizes with
// SIGHTGLASS_BENCH_SPICE_ROWS, e.g. 10000000).
func BenchmarkQuerySPICE(b *testing.B) {
	for _, rows := range spiceBenchRows() {
		b.Run(strconv.Itoa(rows), func(b *testing.B) {
			a := spiceApp(b, rows)
			ctx := context.Background()
			d, err := a.Store.FindDataSet(ctx, "123456789012", SampleDataSetID)
			if err != nil {
				b.Fatal(err)
			}
			for _, q := range []struct {
				name string
				q    *query.Question
			}{{"sum-region-month", regionByMonthSum}, {"distinct-count-region", distinctCitiesByRegion}, {"median-region", medianByRegion},
				{"running-sum-region-month", runningSumByRegionMonth}, {"distinct-count-over-region-month", distinctCitiesOverRegion},
				{"distinct-count-over-pre-agg", distinctCitiesOverPreAgg}} {
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
		})
	}
}

// spiceBenchRows are the sizes BenchmarkQuerySPICE measures:
// SIGHTGLASS_BENCH_SPICE_ROWS (comma-separated) or 1M.
func spiceBenchRows() []int {
	v := os.Getenv("SIGHTGLASS_BENCH_SPICE_ROWS")
	if v == "" {
		return []int{1_000_000}
	}
	var out []int
	for _, s := range bytes.Split([]byte(v), []byte(",")) {
		if n, err := strconv.Atoi(string(s)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}
