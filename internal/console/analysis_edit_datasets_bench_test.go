package console

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// BenchmarkEditorDataSets measures the editor of an analysis over two
// datasets on the 100k-row sample, uncached, with a bar chart on each:
// "render" is the editor as served (built, the pane's dataset picked with
// the author's datasets listed for Add dataset, rendered); "render-nopick"
// is the same without the pick, the alternative, in the same run;
// "add-remove" adds a third dataset and removes it (two edits, each with
// its model check and save) and renders once.
func BenchmarkEditorDataSets(b *testing.B) {
	ctx := context.Background()
	sb := newSampleBench(b)
	a, boot, results := sb.app, sb.boot, sb.results
	const account = benchAccount
	for _, id := range []string{"units", "third"} {
		physical, _ := json.Marshal(map[string]any{"t1": map[string]any{"CustomSql": map[string]any{
			"DataSourceArn": a.DataSourceARN(account, app.SampleDataSourceID), "Name": "q", "SqlQuery": "SELECT category AS product_group, quantity AS units FROM orders",
			"Columns": []map[string]string{{"Name": "product_group", "Type": "STRING"}, {"Name": "units", "Type": "INTEGER"}},
		}}})
		if _, _, err := a.CreateDataSet(ctx, app.DataSetInput{AccountID: account, DataSetID: id, Name: "Units " + id, ImportMode: sg.ImportDirectQuery, PhysicalTableMap: physical,
			Permissions: []sg.ResourcePermission{{Principal: a.UserARN(boot.User), Actions: []string{"quicksight:DescribeDataSet", "quicksight:PassDataSet"}}}}); err != nil {
			b.Fatal(err)
		}
	}
	c, s := sb.console(b, benchSession())
	an, err := a.ConsoleCreateAnalysis(ctx, boot.User, "Bench", app.SampleDataSetID, "units")
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
	render := func(pick bool) {
		ed, err := c.buildEditor(ctx, s, an.ID, "", "visual-2")
		if err != nil {
			b.Fatal(err)
		}
		if pick {
			c.pickDataSet(ctx, s, ed, "Units units")
		}
		if err := c.pages.render(httptest.NewRecorder(), 200, "analysis_edit", "editor", ed); err != nil {
			b.Fatal(err)
		}
	}
	for _, f := range []url.Values{
		{"op": {"add-visual"}, "kind": {"BarChartVisual"}, "sheetId": {"sheet-1"}},
		{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {"Sample sales"}, "column": {"region"}},
		{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {"Sample sales"}, "column": {"revenue"}},
		{"op": {"add-visual"}, "kind": {"BarChartVisual"}, "sheetId": {"sheet-1"}},
		{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"Category"}, "dataset": {"Units units"}, "column": {"product_group"}},
		{"op": {"add-field"}, "visual": {"visual-2"}, "well": {"Values"}, "dataset": {"Units units"}, "column": {"units"}},
	} {
		act(f)
	}
	run := func(name string, op func()) {
		b.Run(name, func(b *testing.B) {
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				results.InvalidatePrefix("")
				start := cpuTime()
				b.StartTimer()
				op()
				b.StopTimer()
				cpu += cpuTime() - start
				b.StartTimer()
			}
			b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
	run("render", func() { render(true) })
	run("render-nopick", func() { render(false) })
	run("add-remove", func() {
		act(url.Values{"op": {"add-dataset"}, "dataSetId": {"third"}})
		act(url.Values{"op": {"remove-dataset"}, "identifier": {"Units third"}})
		render(true)
	})
}
