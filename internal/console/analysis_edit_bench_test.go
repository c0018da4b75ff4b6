package console

import (
	"bytes"
	"context"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/query/cache"
	"github.com/sightglass/sightglass/internal/sampledata"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// BenchmarkEditorDropField measures an editor action's server time on the
// 100k-row sample, uncached: dropping revenue into the Values well of a
// bar chart by region — the edit, its model check, the save through
// UpdateAnalysis's path with its inline definition check, and the editor
// re-rendered with its sheet queried anew. "render" is the same editor
// rendered without the edit, in the same run, for comparison.
func BenchmarkEditorDropField(b *testing.B) {
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
	c, err := New(Config{App: a})
	if err != nil {
		b.Fatal(err)
	}
	s := &signedIn{Console: &app.Console{Session: &sg.Session{EmbedID: "0123456789abcdef0123456789abcdef", AccountID: "123456789012"}, User: boot.User}}
	an, err := a.ConsoleCreateAnalysis(ctx, boot.User, "Bench", app.SampleDataSetID)
	if err != nil {
		b.Fatal(err)
	}
	act := func(form url.Values) {
		an, err := a.ConsoleAnalysis(ctx, boot.User, an.ID)
		if err != nil {
			b.Fatal(err)
		}
		_, err = a.ConsoleEditAnalysis(ctx, boot.User, an.ID, app.DefinitionVersion(an.Definition), func(raw []byte) ([]byte, error) {
			out, _, err := c.applyAction(ctx, s, historyKey(s, an.ID), form.Get("op"), form, raw)
			return out, err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	render := func() {
		ed, err := c.buildEditor(ctx, s, an.ID, "", "visual-1")
		if err != nil {
			b.Fatal(err)
		}
		if err := c.pages.render(httptest.NewRecorder(), 200, "analysis_edit", "editor", ed); err != nil {
			b.Fatal(err)
		}
	}
	act(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}, "sheetId": {"sheet-1"}})
	act(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {"Sample sales"}, "column": {"region"}})
	drop := url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {"Sample sales"}, "column": {"revenue"}}
	remove := url.Values{"op": {"remove-field"}, "field": {"visual-1.revenue-1"}}
	act(drop)
	b.Run("drop", func(b *testing.B) {
		var cpu time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			act(remove)
			results.InvalidatePrefix("")
			start := cpuTime()
			b.StartTimer()
			act(drop)
			render()
			b.StopTimer()
			cpu += cpuTime() - start
			b.StartTimer()
		}
		b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
	})
	b.Run("render", func(b *testing.B) {
		var cpu time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			results.InvalidatePrefix("")
			start := cpuTime()
			b.StartTimer()
			render()
			b.StopTimer()
			cpu += cpuTime() - start
			b.StartTimer()
		}
		b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
	})
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
