package console

import (
	"bytes"
	"context"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/query/cache"
	"github.com/sightglass/sightglass/internal/sampledata"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// BenchmarkEditorDropFieldFilterParam extends the EditorDropField family
// with the filters and parameters panes' actions on the 100k-row sample,
// uncached, each the edit, its checks, the save and the editor
// re-rendered: "add-filter" adds a category filter of two regions to the
// sheet (a bar chart of revenue by region and a table of a calculated
// field that reads a parameter); "change-parameter" changes the
// parameter's default, which the calculated field reads, so the table's
// question changes; "render" is the editor rendered alone, in the same
// run, for comparison.
func BenchmarkEditorDropFieldFilterParam(b *testing.B) {
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
		form.Set("sheetId", "sheet-1")
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
	for _, f := range []url.Values{
		{"op": {"add-visual"}, "kind": {"BarChartVisual"}},
		{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {"Sample sales"}, "column": {"region"}},
		{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {"Sample sales"}, "column": {"revenue"}},
		{"op": {"set-parameter"}, "pname": {"Target"}, "ptype": {"DECIMAL"}, "defaults": {"300"}},
		{"op": {"set-calc"}, "dataSetIdentifier": {"Sample sales"}, "cname": {"above"}, "expression": {"ifelse({revenue} > ${Target}, 1, 0)"}},
		{"op": {"add-visual"}, "kind": {"TableVisual"}},
		{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"GroupBy"}, "dataset": {"Sample sales"}, "column": {"region"}},
		{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"Values"}, "dataset": {"Sample sales"}, "column": {"above"}},
	} {
		act(f)
	}
	timed := func(b *testing.B, before func(i int), action func(i int)) {
		var cpu time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			before(i)
			results.InvalidatePrefix("")
			start := cpuTime()
			b.StartTimer()
			action(i)
			render()
			b.StopTimer()
			cpu += cpuTime() - start
			b.StartTimer()
		}
		b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
	}
	addFilter := url.Values{"op": {"set-filter"}, "fkind": {"CategoryFilter"}, "field": {"c=region&d=Sample+sales"}, "values": {"Europe, Asia Pacific"}, "scope": {"sheet"}}
	removeFilter := url.Values{"op": {"remove-filter"}, "group": {"filter-region-1"}}
	b.Run("add-filter", func(b *testing.B) {
		timed(b, func(i int) {
			if i > 0 {
				act(removeFilter)
			}
		}, func(int) { act(addFilter) })
		b.StopTimer()
		act(removeFilter)
	})
	b.Run("change-parameter", func(b *testing.B) {
		timed(b, func(int) {}, func(i int) {
			v := "300"
			if i%2 == 0 {
				v = "600"
			}
			act(url.Values{"op": {"set-parameter"}, "pname": {"Target"}, "ptype": {"DECIMAL"}, "defaults": {v}, "replacing": {"Target"}})
		})
	})
	b.Run("render", func(b *testing.B) {
		timed(b, func(int) {}, func(int) {})
	})
}
