package console

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/query/cache"
	"github.com/sightglass/sightglass/internal/sampledata"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// BenchmarkExportVisual measures a visual's export on the 100k-row sample,
// uncached: the sample dashboard's revenue-by-region bar chart computed by
// the viewer's query path and written as CSV ("csv") or XLSX ("xlsx");
// "draw" is the same visual drawn by the viewer, in the same run, for
// comparison.
func BenchmarkExportVisual(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "sightglass.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := app.New(store, "us-east-1")
	box, _ := secretbox.New(bytes.Repeat([]byte{1}, secretbox.KeySize))
	results := cache.New(1000, 64<<20)
	a.ConfigureData(app.DataConfig{Secrets: box, DataSourceDir: dir, SPICEDir: filepath.Join(dir, "spice"), Cache: results})
	b.Cleanup(func() { a.Close() })
	boot, err := a.Bootstrap(ctx, "123456789012")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := a.CreateSampleData(ctx, "123456789012", sampledata.DefaultRows); err != nil {
		b.Fatal(err)
	}
	if err := a.CreateSampleContent(ctx, "123456789012", boot.User); err != nil {
		b.Fatal(err)
	}
	c, err := New(Config{App: a})
	if err != nil {
		b.Fatal(err)
	}
	s := &signedIn{Console: &app.Console{Session: &sg.Session{EmbedID: "0123456789abcdef0123456789abcdef", AccountID: "123456789012"}, User: boot.User}}
	_, content, err := a.ConsoleDashboardView(ctx, boot.User, app.SampleDashboardID)
	if err != nil {
		b.Fatal(err)
	}
	export := func(excel bool) {
		e, err := c.visualData(ctx, content, "overview", "bar-region", nil)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if excel {
			err = e.writeExcel(&buf)
		} else {
			err = e.writeCSV(&buf)
		}
		if err != nil || buf.Len() == 0 {
			b.Fatal(err)
		}
	}
	run := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				results.InvalidatePrefix("")
				b.StartTimer()
				f()
			}
		})
	}
	run("csv", func() { export(false) })
	run("xlsx", func() { export(true) })
	run("draw", func() {
		vd := c.buildViewer(ctx, s, "dashboards", app.SampleDashboardID, content, "overview", nil, []string{"bar-region"})
		if vd.Sheet == nil || len(vd.Sheet.Tiles) != 1 {
			b.Fatal("no tile")
		}
	})
}
