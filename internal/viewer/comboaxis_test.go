package viewer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A combo chart whose SingleAxisOptions ask for the primary Y axis draws
// its lines on the bars' axis (one scale); without them the lines have a
// second axis of their own.
func TestComboSingleAxis(t *testing.T) {
	combo := func(single string) obj {
		v := visualOf(t, `{"ComboChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"ComboChartAggregatedFieldWells": {
			"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}],
			"BarValues": [{"NumericalMeasureField": {"FieldId": "b", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}],
			"LineValues": [{"NumericalMeasureField": {"FieldId": "l", "Column": {"DataSetIdentifier": "s", "ColumnName": "y"}}}]}}`+single+`}}}`)
		p, ok := planOf(v)
		if !ok {
			t.Fatal("no plan")
		}
		return chartOption(p, &Result{Columns: make([]query.ResultColumn, 3), Rows: [][]any{{"a", 1.0, 300.0}, {"b", 2.0, 400.0}}})
	}
	one := combo(`, "SingleAxisOptions": {"YAxisOptions": {"YAxis": "PRIMARY_Y_AXIS"}}`)
	if _, ok := one["yAxis"].(obj); !ok {
		t.Fatalf("single axis: yAxis %v, want one axis", one["yAxis"])
	}
	for _, s := range one["series"].([]obj) {
		if i, set := s["yAxisIndex"]; set {
			t.Errorf("single axis: series %v on axis %v", s["name"], i)
		}
	}
	if l := one["series"].([]obj)[1]; l["type"] != "line" {
		t.Errorf("single axis: line series drawn as %v", l["type"])
	}
	two := combo(``)
	if axes, ok := two["yAxis"].([]obj); !ok || len(axes) != 2 || two["series"].([]obj)[1]["yAxisIndex"] != 1 {
		t.Errorf("no SingleAxisOptions: yAxis %v, line series %v, want a second axis for the line", two["yAxis"], two["series"].([]obj)[1])
	}
	for _, raw := range []string{``, `{}`, `{"YAxisOptions": {}}`, `{"YAxisOptions": {"YAxis": "SECONDARY"}}`, `[1]`} {
		if singleYAxis([]byte(raw)) {
			t.Errorf("singleYAxis(%s) = true", raw)
		}
	}
}

// A combo chart's Colors field splits its bars; its line is one series
// over every color of a category (the sum of the colors' sums), the
// colors a ColorItemsLimit drops included. A line that does not add up
// over colors (an AVERAGE) is refused by name.
func TestComboLinesOverColors(t *testing.T) {
	combo := func(lineAgg string, sort ...string) *plan {
		p, ok := planOf(visualOf(t, `{"ComboChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"ComboChartAggregatedFieldWells": {
			"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}],
			"Colors": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "c"}}}],
			"BarValues": [{"NumericalMeasureField": {"FieldId": "b", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}],
			"LineValues": [{"NumericalMeasureField": {"FieldId": "l", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}, "AggregationFunction": {"SimpleNumericalAggregation": "`+lineAgg+`"}}}]}},
			"BarsArrangement": "STACKED"`+strings.Join(sort, "")+`}}}`))
		if !ok {
			t.Fatal("no plan")
		}
		return p
	}
	p := combo("SUM")
	if len(p.unsupported) != 0 || p.maxRows != chartLimit || p.limit != chartLimit+1 {
		t.Fatalf("SUM line: unsupported %v, maxRows %d, limit %d", p.unsupported, p.maxRows, p.limit)
	}
	res := &Result{Columns: make([]query.ResultColumn, 4), Rows: [][]any{
		{"jan", "prod", 1.0, 1.0}, {"jan", "dev", 2.0, 2.0}, {"feb", "prod", 4.0, 4.0}, {"feb", "dev", nil, nil}, {"mar", "dev", nil, nil}}}
	ss := chartOption(p, res)["series"].([]obj)
	var lines []obj
	bars := 0
	for _, s := range ss {
		if s["type"] == "line" {
			lines = append(lines, s)
		} else {
			bars++
		}
	}
	if bars != 2 || len(lines) != 1 {
		t.Fatalf("series: %d bars, %d lines (%v); want a bar per color and one line", bars, len(lines), ss)
	}
	wantEq(t, "line over colors", lines[0]["data"], []any{3.0, 4.0, nil})

	// One color kept (dev, the larger total): prod loses its bars, not its
	// share of the line; February, only prod, keeps its line point.
	p = combo("SUM", `, "SortConfiguration": {"ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "EXCLUDE"}}`)
	wantEq(t, "colors dropped, planned", [3]any{p.unsupported, p.colorLimit, p.linesByCategory}, [3]any{[]string(nil), 1, true})
	res = &Result{Columns: []query.ResultColumn{{ID: "r"}, {ID: "c"}, {ID: "b"}, {ID: "l"}}, Rows: [][]any{
		{"jan", "prod", 1.0, 1.0}, {"jan", "dev", 6.0, 6.0}, {"feb", "prod", 4.0, 4.0}, {"mar", "dev", 3.0, 3.0}}}
	res, ok := limitColors(res, p)
	if !ok {
		t.Fatal("not limited")
	}
	opt := chartOption(p, res)
	got := map[string]any{}
	for _, s := range opt["series"].([]obj) {
		got[fmt.Sprint(s["type"], " ", s["name"])] = s["data"]
	}
	wantEq(t, "colors dropped, drawn", got, map[string]any{"bar dev · Sum of x": []any{6.0, nil, 3.0}, "line Sum of x": []any{7.0, 4.0, 3.0}})
	wantEq(t, "colors dropped, categories", opt["xAxis"].(obj)["data"], []string{"jan", "feb", "mar"})
	if got := combo("AVERAGE").unsupported; len(got) != 1 || !strings.Contains(got[0], "Group/Color") || !strings.Contains(got[0], "AVERAGE") {
		t.Errorf("AVERAGE line: unsupported %v, want it refused by name", got)
	}
}

// A combo chart whose ColorItemsLimit drops colors ranked by a measure
// that does not add up (an average of the bars) asks the data for the
// kept colors and, for its lines only, the rest per category.
func TestComboLinesOverAskedColors(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"ComboChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"ComboChartAggregatedFieldWells": {
		"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}],
		"Colors": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "c"}}}],
		"BarValues": [{"NumericalMeasureField": {"FieldId": "b", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}],
		"LineValues": [{"NumericalMeasureField": {"FieldId": "l", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}},
		"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "r", "Direction": "ASC"}}], "ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "EXCLUDE"}}}}}`))
	if !ok || len(p.asked) != 1 || !p.asked[0].linesOnly || len(p.unsupported) > 0 {
		t.Fatalf("not asked for the lines: %+v %v", p.asked, p.unsupported)
	}
	base := &query.Question{Dimensions: []query.Dimension{*p.category[0].dim, *p.colors[0].dim}, Measures: []query.Measure{*p.values[0].measure, *p.lineValues[0].measure}, Sort: p.sort, Limit: p.limit}
	_, answers, run := fakeAsked(0)
	answers["rank"] = [][]any{{"dev", 5.0, 9.0}, {"prod", 2.5, 5.0}}
	answers[query.In] = [][]any{{"jan", "dev", 6.0, 6.0}, {"mar", "dev", 3.0, 3.0}}
	answers[query.NotIn] = [][]any{{"feb", 4.0, 4.0}, {"jan", 1.0, 1.0}}
	res, err := askedRunner(p, run)(t.Context(), "arn", base)
	if err != nil {
		t.Fatal(err)
	}
	res.Columns = []query.ResultColumn{{ID: "r"}, {ID: "c"}, {ID: "b"}, {ID: "l"}}
	opt := chartOption(p, res)
	got := map[string]any{}
	for _, s := range opt["series"].([]obj) {
		got[fmt.Sprint(s["type"], " ", s["name"])] = s["data"]
	}
	wantEq(t, "drawn", got, map[string]any{"bar dev · Average of x": []any{nil, 6.0, 3.0}, "line Sum of x": []any{4.0, 7.0, 3.0}})
	wantEq(t, "categories", opt["xAxis"].(obj)["data"], []string{"feb", "jan", "mar"})
}
