package viewer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/cache"
	"github.com/sightglass/sightglass/internal/sampledata"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/server"
	"github.com/sightglass/sightglass/internal/viewer"
)

// sampleApp opens an App over a new SQLite store with the first-run
// sample content (100,000 orders), the sample dashboard's view and a
// Runner through the App's query engine. cached false gives the engine a
// result cache that keeps nothing, so every question runs at the source.
func sampleApp(b testing.TB, cached bool) (*viewer.View, viewer.Runner) {
	b.Helper()
	v, run, _ := sampleAppRows(b, cached, sampledata.DefaultRows)
	return v, run
}

// sampleAppRows is sampleApp with rows sample orders; it also returns the
// directory of the sample's SQLite file (app.SampleFile).
func sampleAppRows(b testing.TB, cached bool, rows int) (*viewer.View, viewer.Runner, string) {
	b.Helper()
	ctx := context.Background()
	cfg := server.DefaultConfig()
	cfg.DataDir = b.TempDir()
	store, err := server.OpenStore(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	box, err := secretbox.New(make([]byte, 32))
	if err != nil {
		b.Fatal(err)
	}
	a := app.New(store, cfg.Region)
	c := cache.New(app.DefaultCacheEntries, app.DefaultCacheBytes)
	if !cached {
		c = cache.New(1, 1)
	}
	dir := filepath.Join(cfg.DataDir, "sources")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	a.ConfigureData(app.DataConfig{Secrets: box, DataSourceDir: dir, SPICEDir: filepath.Join(cfg.DataDir, "spice"), Cache: c})
	b.Cleanup(func() { a.Close() })
	boot, err := a.Bootstrap(ctx, cfg.AccountID)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := a.CreateSampleData(ctx, cfg.AccountID, rows); err != nil {
		b.Fatal(err)
	}
	if err := a.CreateSampleContent(ctx, cfg.AccountID, boot.User); err != nil {
		b.Fatal(err)
	}
	_, _, def, err := a.ConsoleDashboardDefinition(ctx, boot.User, app.SampleDashboardID)
	if err != nil {
		b.Fatal(err)
	}
	run := func(ctx context.Context, arn string, q *query.Question) (*viewer.Result, error) {
		id := arn[strings.LastIndex(arn, "/")+1:]
		res, err := a.QueryDataSet(ctx, nil, cfg.AccountID, id, q)
		if err != nil {
			return nil, err
		}
		return &viewer.Result{Columns: res.Columns, Rows: res.Rows}, nil
	}
	return viewer.New(def, nil, time.Time{}), run, dir
}

// BenchmarkVisualUncached times one visual of the sample dashboard's first
// sheet, question to answer, on the 100,000-row sample with a cold cache.
func BenchmarkVisualUncached(b *testing.B) {
	v, run := sampleApp(b, false)
	ctx := context.Background()
	def := v.Definition()
	for _, vis := range v.SheetVisuals("overview") {
		b.Run(vis.VisualID, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				view := viewer.New(def, nil, time.Time{})
				arn, q, ok := view.VisualQuestion("overview", vis.VisualID)
				if !ok {
					b.Fatalf("no question for %s", vis.VisualID)
				}
				if _, err := run(ctx, arn, q); err != nil {
					b.Fatal(sg.ErrorMessage(err))
				}
			}
		})
	}
}

// BenchmarkFirstSheet times rendering the whole first sheet (8 visuals
// and the region dropdown's values): with no cache, 4 (the default), 1 or
// 8 at a time, and from the cache.
func BenchmarkFirstSheet(b *testing.B) {
	ctx := context.Background()
	for _, tc := range []struct {
		name     string
		cached   bool
		parallel int
	}{{"uncached", false, viewer.DefaultParallel}, {"uncached-serial", false, 1}, {"uncached-parallel-8", false, 8}, {"cached", true, viewer.DefaultParallel}} {
		b.Run(tc.name, func(b *testing.B) {
			v, run := sampleApp(b, tc.cached)
			def := v.Definition()
			if tc.cached { // fill the cache first
				viewer.New(def, nil, time.Time{}).RenderSheet(ctx, "overview", run, tc.parallel)
			}
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				s := viewer.New(def, nil, time.Time{}).RenderSheet(ctx, "overview", run, tc.parallel)
				for _, t := range s.Tiles {
					if t.Kind == viewer.TileError {
						b.Fatalf("%s: %s", t.ID, t.Message)
					}
				}
			}
		})
	}
}

// cpuTime is the CPU time the process has used (user and system); on a
// shared machine it is steadier than the wall clock, and the benchmarks
// report it per operation as cpu-ms/op.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
