package console

import (
	"bytes"
	"context"
	"testing"

	"github.com/sightglass/sightglass/internal/app"
)

// BenchmarkExportVisual measures a visual's export on the 100k-row sample,
// uncached: the sample dashboard's revenue-by-region bar chart computed by
// the viewer's query path and written as CSV ("csv") or XLSX ("xlsx");
// "draw" is the same visual drawn by the viewer, in the same run, for
// comparison.
func BenchmarkExportVisual(b *testing.B) {
	ctx := context.Background()
	sb := newSampleBench(b)
	a, boot, results := sb.app, sb.boot, sb.results
	if err := a.CreateSampleContent(ctx, "123456789012", boot.User); err != nil {
		b.Fatal(err)
	}
	c, s := sb.console(b, benchSession())
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
