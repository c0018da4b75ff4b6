package viewer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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

// spiceRunner answers questions over the 100,000-order sample imported
// into SPICE (its ingestion completed), with a result cache that keeps
// nothing: the alternative to the sample's DIRECT_QUERY SQLite file for
// the 30-visual sheet.
func spiceRunner(b *testing.B) viewer.Runner {
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
	dir := filepath.Join(cfg.DataDir, "sources")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	a.ConfigureData(app.DataConfig{Secrets: box, DataSourceDir: dir, SPICEDir: filepath.Join(cfg.DataDir, "spice"), Cache: cache.New(1, 1)})
	b.Cleanup(func() { a.Close() })
	if _, err := a.Bootstrap(ctx, cfg.AccountID); err != nil {
		b.Fatal(err)
	}
	d, err := a.CreateSampleData(ctx, cfg.AccountID, sampledata.DefaultRows)
	if err != nil {
		b.Fatal(err)
	}
	_, ing, err := a.UpdateDataSet(ctx, app.DataSetInput{AccountID: d.AccountID, DataSetID: d.ID, Name: d.Name, ImportMode: sg.ImportSPICE,
		PhysicalTableMap: d.PhysicalTableMap, LogicalTableMap: d.LogicalTableMap})
	if err != nil || ing == nil {
		b.Fatalf("no ingestion: %v", err)
	}
	for deadline := time.Now().Add(2 * time.Minute); ; {
		got, err := a.DescribeIngestion(ctx, d.AccountID, d.ID, ing.ID)
		if err != nil {
			b.Fatal(err)
		}
		if got.Status == sg.IngestionCompleted {
			break
		}
		if got.Status == sg.IngestionFailed || got.Status == sg.IngestionCancelled || time.Now().After(deadline) {
			b.Fatalf("ingestion %s: %s", got.Status, got.ErrorMessage)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return func(ctx context.Context, arn string, q *query.Question) (*viewer.Result, error) {
		res, err := a.QueryDataSet(ctx, nil, cfg.AccountID, arn[strings.LastIndex(arn, "/")+1:], q)
		if err != nil {
			return nil, err
		}
		return &viewer.Result{Columns: res.Columns, Rows: res.Rows}, nil
	}
}

// BenchmarkFamiliesSheetSPICE times the 30-visual sheet of
// BenchmarkFamiliesSheet with the sample in SPICE, uncached, 4 at a time.
func BenchmarkFamiliesSheetSPICE(b *testing.B) {
	ctx := context.Background()
	def, _ := familiesView(b, false)
	run := spiceRunner(b)
	start, n := cpuTime(), 0
	defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
	for b.Loop() {
		n++
		s := viewer.New(def, nil, time.Time{}).RenderSheet(ctx, "", run, viewer.DefaultParallel)
		for _, t := range s.Tiles {
			if t.Kind == viewer.TileError {
				b.Fatalf("%s: %s", t.ID, t.Message)
			}
		}
	}
}
