package console

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"

	"github.com/sightglass/sightglass/internal/app"
)

// BenchmarkEditorSaveWithHistory measures what the version history and
// the stored undo stack add to an editor save: a tile move (the layout
// action, the smallest edit) saved as the editor saves it — the edit, its
// model check, the save, a version kept (of 100, the oldest pruned) and
// the undo stack pushed in the store — against the same edit saved
// without history ("plain", ConsoleEditAnalysis), in the same run. "page"
// is the editor re-rendered with its history panel (100 versions listed)
// and undo/redo counts, on the 100k-row sample, uncached.
func BenchmarkEditorSaveWithHistory(b *testing.B) {
	ctx := context.Background()
	sb := newSampleBench(b)
	a, boot, results := sb.app, sb.boot, sb.results
	sess := benchSession()
	sess.ID = "bench"
	c, s := sb.console(b, sess)
	an, err := a.ConsoleCreateAnalysis(ctx, boot.User, "Bench", app.SampleDataSetID)
	if err != nil {
		b.Fatal(err)
	}
	key := historyKey(s, an.ID)
	edit := func(form url.Values, history bool) {
		cur, err := a.ConsoleAnalysis(ctx, boot.User, an.ID)
		if err != nil {
			b.Fatal(err)
		}
		var before []byte
		fn := func(raw []byte) ([]byte, error) {
			before = raw
			out, _, _, handled, err := c.applyLayoutAction(ctx, s, an.ID, form.Get("op"), form, raw)
			if !handled {
				out, _, err = c.applyAction(ctx, s, key, form.Get("op"), form, raw)
			}
			return out, err
		}
		version := app.DefinitionVersion(cur.Definition)
		if history {
			_, err = a.ConsoleSaveAnalysis(ctx, boot.User, an.ID, version, editSummary(form.Get("op"), form), fn)
			if err == nil {
				err = c.historyChanged(ctx, key, before)
			}
		} else {
			_, err = a.ConsoleEditAnalysis(ctx, boot.User, an.ID, version, fn)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	edit(url.Values{"op": {"add-visual"}, "kind": {"BarChartVisual"}, "sheetId": {"sheet-1"}}, true)
	edit(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Category"}, "dataset": {"Sample sales"}, "column": {"region"}}, true)
	edit(url.Values{"op": {"add-field"}, "visual": {"visual-1"}, "well": {"Values"}, "dataset": {"Sample sales"}, "column": {"revenue"}}, true)
	tile := func(i int) url.Values {
		return url.Values{"op": {"tile"}, "visual": {"visual-1"}, "column": {strconv.Itoa(i % 18)}, "row": {"0"}, "columnSpan": {"18"}, "rowSpan": {"12"}}
	}
	for i := range app.AnalysisVersionsKept {
		edit(tile(i), true) // a full history: each save prunes one
	}
	b.Run("history", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			edit(tile(i), true)
		}
	})
	b.Run("plain", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			edit(tile(i), false)
		}
	})
	b.Run("page", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			results.InvalidatePrefix("")
			ed, err := c.buildEditor(ctx, s, an.ID, "", "visual-1")
			if err != nil {
				b.Fatal(err)
			}
			if err := c.pages.render(httptest.NewRecorder(), 200, "analysis_edit", "editor", ed); err != nil {
				b.Fatal(err)
			}
		}
	})
}
