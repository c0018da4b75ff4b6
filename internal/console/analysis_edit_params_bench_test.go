package console

import (
	"context"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/app"
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
