package console

import (
	"context"
	"net/http/httptest"
	"net/url"
	"syscall"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/app"
)

// BenchmarkEditorDropField measures an editor action's server time on the
// 100k-row sample, uncached: dropping revenue into the Values well of a
// bar chart by region — the edit, its model check, the save through
// UpdateAnalysis's path with its inline definition check, and the editor
// re-rendered with its sheet queried anew. "render" is the same editor
// rendered without the edit, in the same run, for comparison.
func BenchmarkEditorDropField(b *testing.B) {
	ctx := context.Background()
	sb := newSampleBench(b)
	a, boot, results := sb.app, sb.boot, sb.results
	c, s := sb.console(b, benchSession())
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
