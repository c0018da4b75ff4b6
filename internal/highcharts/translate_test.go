package highcharts

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// drawn draws a chart code over the sample answer.
func drawn(t *testing.T, code string) (*Chart, error) {
	t.Helper()
	return Draw(context.Background(), []byte(code), realData("snn", 1))
}

// seriesJSON is the option's series as JSON.
func seriesJSON(ch *Chart) string {
	b, _ := json.Marshal(ch.Option["series"])
	return string(b)
}

// TestStacks: series stack by type, stack option and y axis; the first
// is drawn on top; on a value x axis only series with the same x values
// stack.
func TestStacks(t *testing.T) {
	ch, err := drawn(t, `{"plotOptions": {"series": {"stacking": "normal"}}, "yAxis": [{}, {"opposite": true}],
	  "series": [{"type": "column", "name": "a", "data": [10, 20]}, {"type": "column", "name": "b", "yAxis": 1, "data": [1, 2]},
	    {"type": "area", "name": "c", "data": [1, 2]}, {"type": "line", "name": "d", "data": [3, 4]}, {"type": "column", "name": "e", "data": [5, 6]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	stacks := map[string]string{}
	var order []string
	for _, s := range ch.Option["series"].([]map[string]any) {
		stacks[s["name"].(string)] = s["stack"].(string)
		order = append(order, s["name"].(string))
	}
	if stacks["a"] == stacks["b"] || stacks["c"] == stacks["d"] || stacks["a"] != stacks["e"] {
		t.Errorf("stacks %v", stacks)
	}
	if strings.Join(order, "") != "ebcda" {
		t.Errorf("order %v: a and e stack with a on top", order)
	}
	// Colors stay the series' own when their order changes.
	for _, s := range ch.Option["series"].([]map[string]any) {
		if s["name"] == "a" && s["itemStyle"].(map[string]any)["color"] != "#1f77b4" {
			t.Errorf("a's color %v", s["itemStyle"])
		}
	}
	_, err = drawn(t, `{"plotOptions": {"series": {"stacking": "normal"}}, "series": [{"data": [[0, 10], [1, 20]]}, {"data": [[1, 5]]}]}`)
	if err == nil || !strings.Contains(err.Error(), "stacked series on a value x axis have different x values") {
		t.Errorf("stacks by x on a value axis: %v", err)
	}
}

// TestPoints: pointStart places points on categories too; a bubble's
// pair is [y, z]; a point's members nothing draws are named.
func TestPoints(t *testing.T) {
	ch, err := drawn(t, `{"xAxis": {"categories": ["a", "b", "c", "d"]}, "series": [{"type": "column", "pointStart": 2, "data": [5, {"y": 6, "drilldown": "x"}]},
	  {"type": "bubble", "data": [[5, 1], [7, 9]]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	got := seriesJSON(ch)
	for _, want := range []string{`"value":[2,5]`, `"value":[3,6]`, `"value":[0,5,1]`, `"value":[1,7,9]`} {
		if !strings.Contains(got, want) {
			t.Errorf("series %s lack %s", got, want)
		}
	}
	if !strings.Contains(strings.Join(ch.NotDrawn, " "), "series[].data[].drilldown") {
		t.Errorf("not drawn %v", ch.NotDrawn)
	}
}

// TestColorsChecked: a color that is more than a color is not drawn, and
// named.
func TestColorsChecked(t *testing.T) {
	ch, err := drawn(t, `{"colors": ["red", "#abc"], "chart": {"backgroundColor": "red;background-image:url(https://x.example/b)"},
	  "series": [{"color": "rgba(1, 2, 3, 0.5)", "data": [1]}, {"color": "blue;x", "data": [{"y": 1, "color": "url(x)"}]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(ch.Option)
	if strings.Contains(string(b), "url(") || strings.Contains(string(b), "blue;") {
		t.Errorf("an unchecked color reached the option: %s", b)
	}
	if !strings.Contains(string(b), `"rgba(1, 2, 3, 0.5)"`) || !strings.Contains(string(b), `"color":["red","#abc"]`) {
		t.Errorf("colors lost: %s", b)
	}
	notes := strings.Join(ch.NotDrawn, " ")
	for _, want := range []string{"chart.backgroundColor", "series[].color"} {
		if !strings.Contains(notes, want) {
			t.Errorf("not drawn %q lacks %s", notes, want)
		}
	}
}

// TestPieSizes: size is the pie's diameter, innerSize a share of the pie;
// a hidden point is left out.
func TestPieSizes(t *testing.T) {
	ch, err := drawn(t, `{"series": [{"type": "pie", "size": "80%", "innerSize": "50%", "data": [["a", 1], {"name": "b", "y": 2, "visible": false}]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	s := ch.Option["series"].([]map[string]any)[0]
	b, _ := json.Marshal([]any{s["radius"], len(s["data"].([]any))})
	if string(b) != `[["40%","80%"],1]` {
		t.Errorf("radius and slices %s", b)
	}
}

// TestHeatScale: one color scale over every heat map series; stops not
// evenly spaced are named, not drawn.
func TestHeatScale(t *testing.T) {
	ch, err := drawn(t, `{"colorAxis": {"stops": [[0, "#fff"], [0.9, "#f00"], [1, "#000"]]},
	  "series": [{"type": "heatmap", "data": [[0, 0, 1], [1, 0, 100]]}, {"type": "heatmap", "data": [[0, 1, 40]]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	vm := ch.Option["visualMap"].(map[string]any)
	b, _ := json.Marshal([]any{vm["min"], vm["max"], vm["seriesIndex"]})
	if string(b) != `[1,100,[0,1]]` {
		t.Errorf("scale %s", b)
	}
	if !strings.Contains(strings.Join(ch.NotDrawn, " "), "colorAxis.stops") {
		t.Errorf("not drawn %v", ch.NotDrawn)
	}
}

func TestTranslationRefusals(t *testing.T) {
	for code, want := range map[string]string{
		`{"series": [{"type": "column", "threshold": 100, "data": [1]}]}`:                                             "series option threshold 100",
		`{"series": ["map", ["getColumn", 0], {"data": [1]}], "chart": {}}`:                                           "",
		`{"series": [{"data": [1], "dataLabels": {"enabled": true, "format": "` + strings.Repeat("x", 4096) + `"}}]}`: "",
	} {
		_, err := drawn(t, code)
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%.60s: %v, want %q", code, err, want)
		}
	}
	many := `{"series": [` + strings.TrimSuffix(strings.Repeat(`{"data": [1]},`, maxSeries+1), ",") + `]}`
	if _, err := drawn(t, many); err == nil || !strings.Contains(err.Error(), "more than the 200 Sightglass draws") {
		t.Errorf("series cap: %v", err)
	}
	// A label is cut at 4,096 bytes, and says so; a chart's labels and
	// names are bounded together.
	long := `{"series": [{"data": ["map", ["split", "` + strings.Repeat("x", 200) + `", ""], 1], "dataLabels": {"enabled": true, "format": "` + strings.Repeat("x", 50<<10) + `"}}]}`
	ch, err := drawn(t, long)
	if err != nil || len(ch.Notes) != 1 || ch.Notes[0] != "Labels longer than 4,096 characters are cut." {
		t.Fatalf("long labels: %v %v", err, ch)
	}
	if l := ch.Option["series"].([]map[string]any)[0]["data"].([]any)[0].(map[string]any)["label"].(map[string]any)["formatter"].(string); len(l) != maxLabel {
		t.Errorf("label of %d bytes", len(l))
	}
	names := `{"series": ["map", ["split", "` + strings.Repeat("x", 190) + `", ""], {"name": "` + strings.Repeat("n", 40000) + `", "data": [1]}]}`
	ch, err = drawn(t, names)
	if err != nil {
		t.Fatal(err)
	}
	if n := ch.Option["series"].([]map[string]any)[189]["name"].(string); len(n) != maxLabel {
		t.Errorf("a name of %d bytes", len(n))
	}
}

// TestTimeAxisUTC: a datetime axis is drawn in UTC, as Highcharts draws it.
func TestTimeAxisUTC(t *testing.T) {
	ch, err := drawn(t, `{"xAxis": {"type": "datetime"}, "series": [{"data": [[1704067200000, 1]]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Option["useUTC"] != true {
		t.Errorf("useUTC %v", ch.Option["useUTC"])
	}
}

// TestSpider: a polar chart over categories is a radar, a polygon per
// series on the y axis's scale; polar columns are refused.
func TestSpider(t *testing.T) {
	ch, err := drawn(t, `{"chart": {"polar": true}, "pane": {"startAngle": 45}, "xAxis": {"categories": ["getColumn", 0]},
	  "yAxis": {"gridLineInterpolation": "polygon", "max": 50}, "series": [{"name": "v", "type": "area", "data": ["getColumn", 1]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal([]any{ch.Option["radar"], ch.Option["series"]})
	want := `[{"clockwise":true,"indicator":[{"max":50,"min":0,"name":"v0.0"},{"max":50,"min":0,"name":"v0.1"},{"max":50,"min":0,"name":"v0.2"},{"max":50,"min":0,"name":"v0.3"}],"radius":"65%","shape":"polygon","startAngle":45},` +
		`[{"data":[{"areaStyle":{"opacity":0.5},"itemStyle":{"color":"#1f77b4"},"lineStyle":{"color":"#1f77b4"},"name":"v","value":[20,21,22,23]}],"type":"radar"}]]`
	if string(b) != want {
		t.Errorf("radar %s\nwant %s", b, want)
	}
	for code, want := range map[string]string{
		`{"chart": {"polar": true, "type": "column"}, "series": [{"data": [1]}]}`:                                                          "polar column series",
		`{"chart": {"polar": true}, "xAxis": {"categories": ["a", "b", "c"]}, "series": [{"data": [1, null, 3]}]}`:                         "a null point",
		`{"chart": {"polar": true}, "xAxis": {"categories": ["a", "b", "c"]}, "series": [{"data": [1, 2]}]}`:                               "no value for every category",
		`{"chart": {"polar": true}, "xAxis": {"categories": ["a", "b"]}, "series": [{"data": [[0, 1], [1, 5], [1, 7]]}]}`:                  "two points on one category",
		`{"chart": {"polar": true}, "xAxis": {"categories": ["a", "b"]}, "series": [{"data": [[0, 1], [1.5, 5]]}]}`:                        "on no category",
		`{"chart": {"polar": true}, "xAxis": {"categories": ["a", "b"]}, "yAxis": {"min": 10, "max": 50}, "series": [{"data": [5, 20]}]}`:  "past its y axis",
		`{"chart": {"polar": true}, "xAxis": {"categories": ["a", "b"]}, "yAxis": {"type": "logarithmic"}, "series": [{"data": [5, 20]}]}`: "log radial axis",
	} {
		if _, err := drawn(t, code); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", code, err, want)
		}
	}
}

// TestReviewedEdges: a hidden series is out of its percent stack; series
// colors count as Highcharts counts them, stacks reversed or not; plot
// lines of both axes stay, solid unless dashed; odd x values and runtime
// operations neither panic nor reach the option.
func TestReviewedEdges(t *testing.T) {
	ch, err := drawn(t, `{"plotOptions": {"series": {"stacking": "percent"}}, "series": [{"type": "column", "name": "A", "visible": false, "data": [30]}, {"type": "column", "name": "B", "data": [10]}]}`)
	if err != nil || !strings.Contains(seriesJSON(ch), `"name":"B","stack":"s0","type":"bar","xAxisIndex":0,"yAxisIndex":0}`) || !strings.Contains(seriesJSON(ch), `"value":[0,100]`) {
		t.Errorf("hidden series in a percent stack: %v %s", err, seriesJSON(ch))
	}
	ch, err = drawn(t, `{"colors": ["#000001", "#000002", "#000003"], "plotOptions": {"column": {"stacking": "normal"}},
	  "series": [{"type": "line", "color": "red", "name": "R", "data": [1]}, {"type": "column", "name": "A", "data": [1]}, {"type": "column", "name": "B", "data": [1]}, {"type": "line", "name": "L", "data": [1]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	colors := map[string]any{}
	for _, s := range ch.Option["series"].([]map[string]any) {
		colors[s["name"].(string)] = s["itemStyle"].(map[string]any)["color"]
	}
	if b, _ := json.Marshal(colors); string(b) != `{"A":"#000001","B":"#000002","L":"#000003","R":"red"}` {
		t.Errorf("colors %s", b)
	}
	ch, err = drawn(t, `{"xAxis": {"plotLines": [{"value": 1, "color": "red"}]}, "yAxis": {"plotLines": [{"value": 5, "color": "blue", "dashStyle": "Dash"}]}, "series": [{"data": [1, 2]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(ch.Option["series"].([]map[string]any)[0]["markLine"])
	if !strings.Contains(string(b), `{"label":{"show":false},"lineStyle":{"color":"red","type":"solid","width":1},"xAxis":1}`) || !strings.Contains(string(b), `"type":"dashed"`) {
		t.Errorf("plot lines %s", b)
	}
	for _, code := range []string{
		`{"plotOptions": {"series": {"stacking": "percent"}}, "series": [{"type": "column", "data": [[[1], 5], [{"a": 1}, 2]]}, {"type": "column", "data": [[{"a": 1}, 5]]}]}`,
		`{"xAxis": {"categories": ["a"]}, "series": [{"data": [[["dataMarkMatch", "x"], 5]]}]}`,
		`{"series": [{"data": ["unique", [["dataMarkMatch", "a"], ["dataMarkMatch", "b"]]]}]}`,
		`{"series": [{"type": "column", "borderRadius": "50%", "lineWidth": "2px", "data": [1]}, {"type": "pie", "center": [[1], "50%"], "startAngle": "x", "data": [1]}]}`,
	} {
		ch, err := drawn(t, code)
		if err != nil {
			continue
		}
		if b, err := json.Marshal(ch.Option); err != nil || strings.Contains(string(b), "dataMarkMatch") {
			t.Errorf("%s: %v %s", code, err, b)
		}
	}
}

// TestTreemap: points nest by parent; a parent's area is its children's;
// the layout is said; an unknown parent and a cycle are refused.
func TestTreemap(t *testing.T) {
	ch, err := drawn(t, `{"series": [{"type": "treemap", "data": [{"id": "a", "name": "A", "value": 99}, {"name": "a1", "parent": "a", "value": 2},
	  {"name": "a2", "parent": "a", "value": 3, "color": "#123456"}, {"name": "B", "value": 4}]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(ch.Option["series"].([]map[string]any)[0]["data"])
	if string(b) != `[{"children":[{"itemStyle":{"color":"#1f77b4"},"name":"a1","value":2},{"itemStyle":{"color":"#123456"},"name":"a2","value":3}],"itemStyle":{"color":"#1f77b4"},"name":"A","value":99},{"itemStyle":{"color":"#1f77b4"},"name":"B","value":4}]` {
		t.Errorf("tree %s", b)
	}
	if len(ch.Notes) != 1 || !strings.Contains(ch.Notes[0], "sliceAndDice") {
		t.Errorf("notes %v", ch.Notes)
	}
	for code, want := range map[string]string{
		`{"series": [{"type": "treemap", "data": [{"name": "x", "parent": "nope", "value": 1}]}]}`:                                                                                                                              `parent "nope" is no point's id`,
		`{"series": [{"type": "treemap", "data": [{"id": "a", "parent": "b", "value": 1}, {"id": "b", "parent": "a"}]}]}`:                                                                                                       "cycle",
		`{"series": [{"type": "treemap", "data": ["map", ["split", "` + strings.Repeat("x", 200) + `", ""], {"id": ["itemIndex"], "parent": ["case", ["==", ["itemIndex"], 0], null, ["-", ["itemIndex"], 1]], "value": 1}]}]}`: "more than 64 levels deep",
	} {
		if _, err := drawn(t, code); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", code, err)
		}
	}
}

// TestWaterfall: steps float from the running total, whatever its sign;
// a sum is the total so far, an intermediate sum the total since the last
// one; the tooltip's dimension is each point's signed value; names reach
// ECharts as names, never as a tooltip template.
func TestWaterfall(t *testing.T) {
	ch, err := drawn(t, `{"chart": {"type": "waterfall"}, "xAxis": {"type": "category"}, "series": [{"upColor": "#00ff00", "color": "#ff0000", "name": "Cash",
	  "data": [{"name": "<img src=x onerror=alert(1)>", "y": 120}, {"name": "Revenue", "y": 569}, {"name": "Positive", "isIntermediateSum": true},
	    {"name": "Costs", "y": -1000}, {"name": "Balance", "isSum": true}, {"name": "Tiny", "y": 0.1}, {"name": "Tinier", "y": 0.2}, {"name": "T", "isIntermediateSum": true}]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	ss := ch.Option["series"].([]map[string]any)
	if ss[0]["stackStrategy"] != "all" || ss[1]["stackStrategy"] != "all" {
		t.Errorf("stack strategies %v %v", ss[0]["stackStrategy"], ss[1]["stackStrategy"])
	}
	var got []string
	for i, b := range ss[0]["data"].([]any) {
		lo := b.(map[string]any)["value"].([]any)[1].(float64)
		step := ss[1]["data"].([]any)[i].(map[string]any)
		v := step["value"].([]any)
		got = append(got, formatted(lo, "")+"+"+formatted(v[1], "")+"="+formatted(v[2], "")+" "+step["itemStyle"].(map[string]any)["color"].(string))
	}
	want := []string{"0+120=120 #00ff00", "120+569=569 #00ff00", "0+689=689 #00ff00", "-311+1000=-1000 #ff0000", "-311+311=-311 #ff0000",
		"-311+0.1=0.1 #00ff00", "-310.9+0.2=0.2 #00ff00", "-310.7+999.7=-999.7 #ff0000"}
	for i := range want {
		if i >= len(got) || !strings.HasPrefix(got[i], strings.Split(want[i], "+")[0]) || !strings.HasSuffix(got[i], strings.SplitN(want[i], "=", 2)[1]) {
			t.Errorf("waterfall\n%q\nwant\n%q", got, want)
			break
		}
	}
	b, _ := json.Marshal(ch.Option)
	if strings.Contains(string(b), `"formatter":"\u003cimg`) || !strings.Contains(string(b), `"tooltip":[2]`) {
		t.Errorf("tooltips: %s", b)
	}
}

// TestRanges: a box plot's five values and a range's low and high are
// drawn where the points say, [x,] first or by name.
func TestRanges(t *testing.T) {
	ch, err := drawn(t, `{"xAxis": {"categories": ["a", "b"]}, "series": [
	  {"type": "boxplot", "data": [[760, 801, 848, 895, 965], {"x": 1, "low": 1, "q1": 2, "median": 3, "q3": 4, "high": 5}]},
	  {"type": "columnrange", "data": [[-9.5, 8], [1, -7.8, 8.3]]}, {"type": "arearange", "data": [{"x": 0, "low": 2, "high": 4}]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	got := seriesJSON(ch)
	for _, want := range []string{`"value":[0,760,801,848,895,965]`, `"value":[1,1,2,3,4,5]`, `{"value":[0,-9.5]}`, `"value":[0,17.5,-9.5,8]`,
		`"value":[1,16.1,-7.8,8.3]`, `"value":[0,2,2,4]`, `"stackStrategy":"all"`} {
		if !strings.Contains(got, want) {
			t.Errorf("series %s lack %s", got, want)
		}
	}
	if _, err := drawn(t, `{"series": [{"type": "boxplot", "data": [[1, 2, 3]]}]}`); err == nil || !strings.Contains(err.Error(), "boxplot point of 3 values") {
		t.Errorf("short box: %v", err)
	}
}

// TestRangeEdges: pointStart places range points; a null area range point
// is a gap; low above high keeps its order; two points at one category,
// an infinite width and a category y axis are refused.
func TestRangeEdges(t *testing.T) {
	ch, err := drawn(t, `{"series": [{"type": "arearange", "pointStart": 10, "data": [[1, 3], null, [5, 2]]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	got := seriesJSON(ch)
	for _, want := range []string{`"value":[10,2,1,3]`, `"value":[11,"-","-","-"]`, `"value":[12,-3,5,2]`, `{"value":[12,5]}`} {
		if !strings.Contains(got, want) {
			t.Errorf("series %s lack %s", got, want)
		}
	}
	for code, want := range map[string]string{
		`{"xAxis": {"type": "category"}, "series": [{"type": "columnrange", "data": [["a", 1, 2], ["a", 5, 6]]}]}`: "two columnrange points at one category",
		`{"series": [{"type": "columnrange", "data": [[-1e308, 1e308]]}]}`:                                         "too wide",
		`{"yAxis": {"categories": ["a"]}, "series": [{"type": "boxplot", "data": [[1, 2, 3, 4, 5]]}]}`:             "category y axis",
		`{"xAxis": {"type": "category"}, "series": [{"type": "waterfall", "data": [["a", 1], ["a", 5]]}]}`:         "two waterfall points at one category",
	} {
		if _, err := drawn(t, code); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", code, err, want)
		}
	}
}

// TestFlowsAndFormats: a Sankey cycle is refused; a funnel says how it is
// drawn; formatValue on a value axis gives it its column's number format,
// and is named when the column has none.
func TestFlowsAndFormats(t *testing.T) {
	if _, err := drawn(t, `{"series": [{"type": "sankey", "data": [["a", "b", 1], ["b", "a", 2]]}]}`); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("sankey cycle: %v", err)
	}
	ch, err := drawn(t, `{"series": [{"type": "funnel", "data": [["a", 5], ["b", 3]]}]}`)
	if err != nil || len(ch.Notes) != 1 || !strings.Contains(ch.Notes[0], "widths by value") {
		t.Errorf("funnel: %v %v", err, ch)
	}
	d := realData("sn", 1)
	d.NumberFormats = []any{nil, map[string]any{"Prefix": "$"}}
	code := `{"yAxis": {"labels": {"formatter": ["formatValue", "value", %d]}}, "series": [{"data": ["getColumn", 1]}]}`
	ch, err = Draw(context.Background(), []byte(strings.Replace(code, "%d", "1", 1)), d)
	if err != nil {
		t.Fatal(err)
	}
	if f := ch.Option["yAxis"].([]any)[0].(map[string]any)[NumberFormatKey]; f == nil || len(ch.NotDrawn) != 0 {
		t.Errorf("axis format %v, not drawn %v", f, ch.NotDrawn)
	}
	ch, _ = Draw(context.Background(), []byte(strings.Replace(code, "%d", "0", 1)), d)
	if !strings.Contains(strings.Join(ch.NotDrawn, " "), "yAxis.labels.formatter") {
		t.Errorf("not drawn %v", ch.NotDrawn)
	}
}
