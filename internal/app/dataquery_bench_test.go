package app

import (
	"bytes"
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/sampledata"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// sampleApp returns an App on a fresh SQLite store with the Sample sales
// data (100 000 orders) created as a first start does.
func sampleApp(b *testing.B) *App {
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
	if _, err := a.CreateSampleData(ctx, "123456789012", sampledata.DefaultRows); err != nil {
		b.Fatal(err)
	}
	return a
}

// regionByMonth is a two-dimension aggregate over the sample.
var regionByMonth = &query.Question{
	Dimensions: []query.Dimension{{Field: "region"}, {Field: "order_date", Granularity: "MONTH"}},
	Measures:   []query.Measure{{ID: "revenue", Field: "revenue", Aggregation: query.Sum}, {ID: "margin", Field: "margin", Aggregation: query.Average}},
}

// BenchmarkQueryDataSet measures App.QueryDataSet on the 100k-row sample
// (a DIRECT_QUERY dataset on a SQLITE file): compile, cache lookup and,
// uncached, the query itself.
func BenchmarkQueryDataSet(b *testing.B) {
	a := sampleApp(b)
	ctx := context.Background()
	d, err := a.Store.FindDataSet(ctx, "123456789012", SampleDataSetID)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("uncached", func(b *testing.B) {
		start, n := cpuTime(), 0
		defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
		for b.Loop() {
			n++
			a.invalidateDataSet(d)
			if _, err := a.QueryDataSet(ctx, nil, "123456789012", SampleDataSetID, regionByMonth); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		if _, err := a.QueryDataSet(ctx, nil, "123456789012", SampleDataSetID, regionByMonth); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := a.QueryDataSet(ctx, nil, "123456789012", SampleDataSetID, regionByMonth); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// cpuTime is the CPU time the process has used (user and system); on a
// shared machine it is steadier than the wall clock, and the benchmarks
// report it per operation as cpu-ms/op.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
