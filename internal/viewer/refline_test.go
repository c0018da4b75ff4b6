package viewer

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Reference lines bind to their axis: a combo chart's secondary line sits
// on its line series, a horizontal bar chart's on the x (value) axis; a
// computed one is a window over the chart's groups.
func TestReferenceLineAxes(t *testing.T) {
	combo := visualOf(t, `{"ComboChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"ComboChartAggregatedFieldWells": {
		"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}],
		"BarValues": [{"NumericalMeasureField": {"FieldId": "b", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}],
		"LineValues": [{"NumericalMeasureField": {"FieldId": "l", "Column": {"DataSetIdentifier": "s", "ColumnName": "y"}}}]}},
		"ReferenceLines": [{"DataConfiguration": {"StaticConfiguration": {"Value": 7}, "AxisBinding": "SECONDARY_YAXIS"}},
		  {"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "s", "ColumnName": "x"}, "Calculation": {"SimpleNumericalAggregation": "MAX"}}}}]}}}`)
	p, ok := planOf(combo)
	if !ok {
		t.Fatal("no plan")
	}
	x := New(&definition.Definition{}, nil, testNow).extrasOf(combo, p)
	if len(x.hidden) != 1 || x.hidden[0].expr != "maxOver(sum({x}), [])" || len(x.notes) != 0 {
		t.Fatalf("hidden %v notes %v", x.hidden, x.notes)
	}
	res := &Result{Columns: make([]query.ResultColumn, 4), Rows: [][]any{{"a", 1.0, 2.0, 9.0}, {"b", 9.0, 3.0, 9.0}}}
	res, hidden := splitHidden(res, 1)
	opt := chartOption(p, res)
	x.drawRefLines(opt, hidden)
	comboOpt := opt
	ss := opt["series"].([]obj)
	bar, line := ss[0]["markLine"].(obj)["data"].([]obj), ss[1]["markLine"].(obj)["data"].([]obj)
	if len(bar) != 1 || bar[0]["yAxis"] != 9.0 || len(line) != 1 || line[0]["yAxis"] != 7.0 {
		t.Errorf("combo lines: bar %v, line %v", bar, line)
	}

	horizontal := visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"Orientation": "HORIZONTAL", "FieldWells": {"BarChartAggregatedFieldWells": {
		"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "b", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}},
		"ReferenceLines": [{"DataConfiguration": {"StaticConfiguration": {"Value": 1234.5}}, "LabelConfiguration": {"CustomLabelConfiguration": {"CustomLabel": "Target {x}"}, "ValueLabelConfiguration": {}}}]}}}`)
	p, _ = planOf(horizontal)
	x = New(&definition.Definition{}, nil, testNow).extrasOf(horizontal, p)
	opt = chartOption(p, &Result{Columns: make([]query.ResultColumn, 2), Rows: [][]any{{"a", 1.0}}})
	x.drawRefLines(opt, nil)
	d := opt["series"].([]obj)[0]["markLine"].(obj)["data"].([]obj)[0]
	label := d["label"].(obj)["formatter"].(string)
	if d["xAxis"] != 1234.5 || label != "1,234.5 Target (x)" || strings.ContainsAny(label, "{}") {
		t.Errorf("horizontal line %v", d)
	}
	// The line lies beyond the bar (1): the value axis reaches it.
	if m := opt["xAxis"].(obj)["max"]; m != 1400.0 {
		t.Errorf("value axis max %v, want 1400 (the line at 1234.5 shown)", m)
	}
	// The combo's secondary line at 7 lies above its line series (2, 3):
	// that axis reaches 7.7; the bars' line at 9 is their maximum, within.
	if m := comboOpt["yAxis"].([]obj)[1]["max"]; m != 7.7 {
		t.Errorf("secondary axis max %v, want 7.7", m)
	}
	if _, set := comboOpt["yAxis"].([]obj)[0]["max"]; set {
		t.Error("the primary axis was widened for a line within its data")
	}
	// A line at the largest float still gives an axis JSON can write.
	huge := obj{"yAxis": obj{"type": "value"}, "series": []obj{{"type": "bar", "data": []any{1.0}}}}
	extendAxis(huge, "yAxis", false, math.MaxFloat64)
	if _, err := json.Marshal(huge); err != nil {
		t.Errorf("axis for a huge line: %v", err)
	}
}

// A percentile line is the continuous percentile of the per-point
// measure: interpolated between the nearest two, the 50th the median.
func TestReferenceLinePercentile(t *testing.T) {
	rows := [][]any{{"a", 40.0}, {"b", 10.0}, {"c", nil}, {"d", 30.0}, {"e", 20.0}}
	for _, c := range []struct{ pct, want float64 }{{0, 10}, {50, 25}, {90, 37}, {100, 40}, {25, 17.5}} {
		if got, ok := percentileOf(rows, 1, c.pct); !ok || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("percentile %v = %v %v, want %v", c.pct, got, ok, c.want)
		}
	}
	if _, ok := percentileOf([][]any{{"a", nil}}, 1, 50); ok {
		t.Error("a percentile of no numbers")
	}
	bar := func(calc string) *definition.Visual {
		return visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
		"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "b", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}},
		"ReferenceLines": [{"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "s", "ColumnName": "x"}, "Calculation": `+calc+`}}}]}}}`)
	}
	v := bar(`{"PercentileAggregation": {"PercentileValue": 90}}`)
	p, _ := planOf(v)
	x := New(&definition.Definition{}, nil, testNow).extrasOf(v, p)
	if len(x.hidden) != 1 || x.hidden[0].expr != "sum({x})" || len(x.refs) != 1 || !x.refs[0].perPoint || x.refs[0].pct != 90 || len(x.notes) != 0 {
		t.Fatalf("hidden %v refs %+v notes %v", x.hidden, x.refs, x.notes)
	}
	var full [][]any
	for _, r := range rows {
		full = append(full, []any{r[0], 1.0, r[1]})
	}
	res := &Result{Columns: make([]query.ResultColumn, 3), Rows: full}
	res, hidden := splitHidden(res, 1)
	opt := chartOption(p, res)
	x.drawRefLines(opt, hidden)
	if d := opt["series"].([]obj)[0]["markLine"].(obj)["data"].([]obj); len(d) != 1 || d[0]["yAxis"] != 37.0 {
		t.Errorf("percentile line %v, want 37", d)
	}
	v = bar(`{"PercentileAggregation": {"PercentileValue": 140}}`)
	p, _ = planOf(v)
	x = New(&definition.Definition{}, nil, testNow).extrasOf(v, p)
	if len(x.refs) != 0 || len(x.notes) != 1 || !strings.Contains(x.notes[0], "percentile 140 is not between 0 and 100") {
		t.Errorf("refs %+v notes %v", x.refs, x.notes)
	}
}

// A computed line over a chart with a Colors field is computed over every
// point drawn (each category and color); with an items limit, which
// hides or merges points, it is named. A date's COUNT is a number; its
// MIN is a date and is named.
func TestReferenceLineColors(t *testing.T) {
	bars := func(extra, line string) *definition.Visual {
		return visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
		"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}],
		"Colors": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "c"}}}]}}`+extra+`,
		"ReferenceLines": [{"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "s", "ColumnName": "x"}, `+line+`}}}]}}}`)
	}
	avg := `"Calculation": {"SimpleNumericalAggregation": "AVERAGE"}`
	vis := bars("", avg)
	p, _ := planOf(vis)
	x := New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
	if len(x.notes) != 0 || len(x.hidden) != 1 || x.hidden[0].expr != "avgOver(sum({x}), [])" {
		t.Fatalf("colors: hidden %v notes %v", x.hidden, x.notes)
	}
	// Two categories × two colors: the window's value is on every row.
	res, hidden := splitHidden(&Result{Columns: make([]query.ResultColumn, 4), Rows: [][]any{
		{"a", "p", 1.0, 5.0}, {"a", "q", 3.0, 5.0}, {"b", "p", 5.0, 5.0}, {"b", "q", 11.0, 5.0}}}, 1)
	opt := chartOption(p, res)
	x.drawRefLines(opt, hidden)
	if d := opt["series"].([]obj)[0]["markLine"].(obj)["data"].([]obj); len(d) != 1 || d[0]["yAxis"] != 5.0 {
		t.Errorf("colors line %v", d)
	}
	// The median of the four points, per point.
	vis = bars("", `"Calculation": {"SimpleNumericalAggregation": "MEDIAN"}`)
	p, _ = planOf(vis)
	x = New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
	res, hidden = splitHidden(&Result{Columns: make([]query.ResultColumn, 4), Rows: [][]any{
		{"a", "p", 1.0, 1.0}, {"a", "q", 3.0, 3.0}, {"b", "p", 5.0, 5.0}, {"b", "q", 11.0, 11.0}}}, 1)
	opt = chartOption(p, res)
	x.drawRefLines(opt, hidden)
	if d := opt["series"].([]obj)[0]["markLine"].(obj)["data"].([]obj); len(d) != 1 || d[0]["yAxis"] != 4.0 {
		t.Errorf("colors median %v", d)
	}

	vis = bars(`, "SortConfiguration": {"ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}`, avg)
	p, _ = planOf(vis)
	x = New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
	if len(x.hidden) != 0 || len(x.notes) != 1 || !strings.Contains(x.notes[0], "Colors field and an items limit") {
		t.Errorf("limited colors: hidden %v notes %v", x.hidden, x.notes)
	}

	for _, c := range []struct{ agg, expr, note string }{
		{`"DateAggregationFunction": "DISTINCT_COUNT"`, "avgOver(distinct_count({x}), [])", ""},
		{`"DateAggregationFunction": "MIN"`, "", "MIN of a date is a date"},
		{`"AttributeAggregationFunction": {"SimpleAttributeAggregation": "UNIQUE_VALUE"}`, "", "AttributeAggregationFunction"},
	} {
		vis = bars("", `"MeasureAggregationFunction": {`+c.agg+`}, `+avg)
		p, _ = planOf(vis)
		x = New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
		switch {
		case c.expr != "" && (len(x.hidden) != 1 || x.hidden[0].expr != c.expr || len(x.notes) != 0):
			t.Errorf("%s: hidden %v notes %v", c.agg, x.hidden, x.notes)
		case c.note != "" && (len(x.hidden) != 0 || len(x.notes) != 1 || !strings.Contains(x.notes[0], c.note)):
			t.Errorf("%s: hidden %v notes %v", c.agg, x.hidden, x.notes)
		}
	}
}

// A box plot draws static lines on its value axis, which reaches a line
// beyond its boxes (above or below: the axis is scaled to the data, not
// to zero); a computed line on it is asked apart (boxrefline.go), and
// drawn once it has a value.
func TestReferenceLineBoxPlot(t *testing.T) {
	vis := visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "GroupBy": [{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "s", "ColumnName": "region"}}}],
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "revenue"}}}]}},
	 "ReferenceLines": [{"DataConfiguration": {"StaticConfiguration": {"Value": 150}}},
	   {"DataConfiguration": {"StaticConfiguration": {"Value": 40}}},
	   {"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "s", "ColumnName": "revenue"}, "Calculation": {"SimpleNumericalAggregation": "AVERAGE"}}}}]}}}`)
	p, ok := planOf(vis)
	if !ok || len(p.unsupported) > 0 {
		t.Fatal("no plan", p.unsupported)
	}
	x := New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
	if len(x.hidden) != 0 || len(x.notes) != 0 || len(p.box.refs) != 1 || p.box.refs[0].expr != "avg({revenue})" {
		t.Fatalf("hidden %v notes %v box lines %v", x.hidden, x.notes, p.box.refs)
	}
	res := &Result{Columns: make([]query.ResultColumn, 6), Rows: [][]any{{"East", 60.0, 70.0, 80.0, 90.0, 100.0}, {"West", 55.0, 65.0, 75.0, 85.0, 120.0}}}
	opt := chartOption(p, res)
	x.drawRefLines(opt, nil)
	d := opt["series"].([]obj)[0]["markLine"].(obj)["data"].([]obj)
	if len(d) != 2 || d[0]["yAxis"] != 150.0 || d[1]["yAxis"] != 40.0 {
		t.Errorf("box plot lines %v", d)
	}
	// 150 above the largest whisker (120): max 170; 40 below the
	// smallest (55): min 36.
	if a := opt["yAxis"].(obj); a["max"] != 170.0 || a["min"] != 36.0 {
		t.Errorf("box plot axis min %v max %v, want 36 and 170", a["min"], a["max"])
	}
}
