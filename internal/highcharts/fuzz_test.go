package highcharts

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDraw draws arbitrary bytes as a chart code over a small answer:
// never a panic; an error or a refusal, or an option that marshals as
// JSON.
func FuzzDraw(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "real", "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"series": [{"type": "sankey", "data": [["a", "b", 1], ["b", "a", 2]]}]}`))
	f.Add([]byte(`{"chart": {"type": "heatmap"}, "colorAxis": {"stops": [[0, "#fff"], [1, "#000"]]}, "series": [{"data": [[0, 0, 1], ["x", "y", null]]}]}`))
	f.Add([]byte(`{"series": [{"type": "pie", "data": ["reduce", ["getColumn", 0, 1], ["concat", ["acc"], [["item"]]], []]}]}`))
	f.Add([]byte(`{"plotOptions": {"series": {"stacking": "percent"}}, "yAxis": [{}, {"opposite": true}], "series": [{"yAxis": 1, "data": [1, -1, null]}, {"type": "bar", "data": [[0, 2]]}]}`))
	f.Add([]byte(`{"plotOptions": {"series": {"stacking": "percent"}}, "series": [{"type": "column", "data": [[[1], 5], [{"a": 1}, 2], [["dataMarkMatch", "x"], 1]]}, {"data": ["unique", [["dataMarkMatch", "a"], ["item"]]]}]}`))
	f.Add([]byte(`{"chart": {"type": "packedbubble"}, "plotOptions": {"packedbubble": {"minSize": "1e300%", "zMin": 3, "layoutAlgorithm": {"splitSeries": true}}}, "series": [{"data": [1, {"name": "a", "value": 1}, null]}, {"data": [["/", 1, 0], 2]}]}`))
	f.Add([]byte(`{"chart": {"polar": true}, "xAxis": {"categories": ["a", "b"]}, "series": [{"type": "area", "data": [1, [1, 2], {"x": "b", "y": 3}]}]}`))
	f.Fuzz(func(t *testing.T, code []byte) {
		ch, err := Draw(context.Background(), code, realData("snn", 1))
		if err != nil {
			var r *Refusal
			if errors.As(err, &r) && r.Why == "" {
				t.Fatal("a refusal that says nothing")
			}
			return
		}
		if _, err := json.Marshal(ch.Option); err != nil {
			t.Fatalf("option does not marshal: %v", err)
		}
	})
}
