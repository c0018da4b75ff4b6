package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// Axis display options set the numeric axes' scale and range: the
// Security Lake dashboards' bar charts (ValueAxis) and combo charts
// (PrimaryYAxisDisplayOptions) are logarithmic; a fixed range and a step
// size carry over; a horizontal bar's value axis is its x axis.
func TestAxisScales(t *testing.T) {
	scale := func(member, inner string) string {
		return `, "` + member + `": {"DataOptions": {"NumericAxisOptions": ` + inner + `}}`
	}
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}, {ID: "n", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Consumer", 7.0, 2.0}, {"Corporate", 5000.0, 1.0}},
	}
	draw := func(js string) obj {
		t.Helper()
		vis := visualOf(t, js)
		p, ok := planOf(vis)
		if !ok {
			t.Fatal("no plan")
		}
		opt := chartOption(p, res)
		applyAxisScales(opt, vis)
		return opt
	}
	bar := draw(labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`,
		scale("ValueAxis", `{"Scale": {"Logarithmic": {}}}`)))
	wantEq(t, "bar", bar["yAxis"], obj{"type": "log"})
	hbar := draw(labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`,
		`, "Orientation": "HORIZONTAL"`+scale("ValueAxis", `{"Scale": {"Logarithmic": {"Base": 2}}, "Range": {"MinMax": {"Minimum": 1, "Maximum": 4096}}}`)))
	wantEq(t, "horizontal bar", hbar["xAxis"], obj{"type": "log", "logBase": 2.0, "min": 1.0, "max": 4096.0})
	line := draw(labelled("LineChartVisual", `"LineChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`,
		scale("PrimaryYAxisDisplayOptions", `{"Scale": {"Linear": {"StepSize": 500}}, "Range": {"MinMax": {"Minimum": 0}}}`)))
	wantEq(t, "line", line["yAxis"], obj{"type": "value", "interval": 500.0, "min": 0.0})
	combo := draw(labelled("ComboChartVisual", `"ComboChartAggregatedFieldWells": {"Category": [`+lblDim+`], "BarValues": [`+lblVal+`], "LineValues": [`+lblVal2+`]}`,
		scale("PrimaryYAxisDisplayOptions", `{"Scale": {"Logarithmic": {}}}`)+scale("SecondaryYAxisDisplayOptions", `{"Range": {"MinMax": {"Maximum": 10}}}`)))
	ys := combo["yAxis"].([]obj)
	wantEq(t, "combo bars' axis", ys[0], obj{"type": "log"})
	wantEq(t, "combo lines' axis max", ys[1]["max"], 10.0)
	scatter := draw(labelled("ScatterPlotVisual", `"ScatterPlotCategoricallyAggregatedFieldWells": {"XAxis": [`+lblVal+`], "YAxis": [`+lblVal2+`], "Category": [`+lblDim+`]}`,
		scale("YAxisDisplayOptions", `{"Scale": {"Logarithmic": {}}}`)+scale("XAxisDisplayOptions", `{"Scale": {"Linear": {"StepCount": 4}}}`)))
	wantEq(t, "scatter", []any{scatter["yAxis"].(obj)["type"], scatter["xAxis"].(obj)["splitNumber"]}, []any{"log", 4})
}

// Bars stacked to 100 % draw each bar as its share of its category's bars
// (a combo chart's lines keep their values), on an axis to 100 %.
func TestStackedPercent(t *testing.T) {
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}, {ID: "n", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Consumer", 3.0, 1.0}, {"Corporate", 0.0, 0.0}, {"Home", nil, 4.0}},
	}
	for _, c := range []struct{ name, js string }{
		{"bar", labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`, `+lblVal2+`]}`, `, "BarsArrangement": "STACKED_PERCENT"`)},
		{"combo", labelled("ComboChartVisual", `"ComboChartAggregatedFieldWells": {"Category": [`+lblDim+`], "BarValues": [`+lblVal+`, `+lblVal2+`], "LineValues": [`+lblVal+`]}`, `, "BarsArrangement": "STACKED_PERCENT"`)},
	} {
		vis := visualOf(t, c.js)
		p, _ := planOf(vis)
		if len(p.unsupported) > 0 {
			t.Fatalf("%s: %v", c.name, p.unsupported)
		}
		if c.name == "combo" {
			res.Columns = append(res.Columns, query.ResultColumn{ID: "m2", Role: query.RoleMeasure})
			for i := range res.Rows {
				res.Rows[i] = append(res.Rows[i], 9.0)
			}
		}
		opt := chartOption(p, res)
		ss := opt["series"].([]obj)
		wantEq(t, c.name+" shares", []any{ss[0]["data"], ss[1]["data"], ss[0]["stack"]}, []any{[]any{0.75, 0.0, nil}, []any{0.25, 0.0, 1.0}, "total"})
		wantEq(t, c.name+" format", ss[0][chartNumberFormat], &numberFormat{Percent: true})
		wantEq(t, c.name+" axis max", valueAxis(opt, 0)["max"], 1)
		if c.name == "combo" {
			wantEq(t, "combo line", ss[2]["data"], []any{9.0, 9.0, 9.0})
		}
	}
	vis := visualOf(t, labelled("ComboChartVisual", `"ComboChartAggregatedFieldWells": {"Category": [`+lblDim+`], "BarValues": [`+lblVal+`], "LineValues": [`+lblVal2+`]}`,
		`, "BarsArrangement": "STACKED_PERCENT", "SingleAxisOptions": {"YAxisOptions": {"YAxis": "PRIMARY_Y_AXIS"}}`))
	p, _ := planOf(vis)
	wantEq(t, "one axis refused", p.unsupported, []string{"bars stacked to 100 % sharing one axis with lines"})
}

// A scatter plot's Size measure sizes its points (area in proportion to
// the value); its Label field names the points; several Category fields are a
// drill-down whose top level is drawn.
func TestScatterSize(t *testing.T) {
	size := `{"NumericalMeasureField": {"FieldId": "s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "quantity"}}}`
	vis := visualOf(t, labelled("ScatterPlotVisual", `"ScatterPlotCategoricallyAggregatedFieldWells": {"XAxis": [`+lblVal+`], "YAxis": [`+lblVal2+`], "Category": [`+lblDim+`, `+lblDim2+`], "Size": [`+size+`]}`, ``))
	p, _ := planOf(vis)
	wantEq(t, "plan", []any{len(p.category), len(p.values), p.unsupported}, []any{1, 3, []string(nil)})
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}, {ID: "n", Role: query.RoleMeasure}, {ID: "s", Role: query.RoleMeasure}},
		Rows:    [][]any{{"a", 1.0, 2.0, 100.0}, {"b", 3.0, 4.0, 25.0}, {"c", 5.0, 6.0, nil}},
	}
	data := chartOption(p, res)["series"].([]obj)[0]["data"].([]any)
	wantEq(t, "points", data, []any{
		obj{"value": []any{1.0, 2.0, "a", 100.0}, "symbolSize": 40.0},
		obj{"value": []any{3.0, 4.0, "b", 25.0}, "symbolSize": 23.0},
		obj{"value": []any{5.0, 6.0, "c", nil}, "symbolSize": 6.0},
	})
	// With a Label field, the points are its values, each named by it, in
	// a series per Category value (the legend's), sized against them all.
	vis = visualOf(t, labelled("ScatterPlotVisual", `"ScatterPlotCategoricallyAggregatedFieldWells": {"XAxis": [`+lblVal+`], "YAxis": [`+lblVal2+`], "Category": [`+lblDim2+`], "Label": [`+lblDim+`], "Size": [`+size+`]}`, ``))
	p, _ = planOf(vis)
	wantEq(t, "label plan", []any{p.category[0].id, p.colors[0].id, p.unsupported}, []any{"c", "d", []string(nil)})
	res = &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "d", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}, {ID: "n", Role: query.RoleMeasure}, {ID: "s", Role: query.RoleMeasure}},
		Rows:    [][]any{{"a", "x", 1.0, 2.0, 100.0}, {"b", "y", 3.0, 4.0, 25.0}, {"c", "x", 5.0, 6.0, nil}},
	}
	opt := chartOption(p, res)
	wantEq(t, "legend", opt["legend"].(obj)["data"], []string{"x", "y"})
	ss := opt["series"].([]obj)
	wantEq(t, "series", []any{ss[0]["name"], ss[0]["data"], ss[1]["name"], ss[1]["data"]}, []any{
		"x", []any{obj{"value": []any{1.0, 2.0, "a", 100.0}, "symbolSize": 40.0}, obj{"value": []any{5.0, 6.0, "c", nil}, "symbolSize": 6.0}},
		"y", []any{obj{"value": []any{3.0, 4.0, "b", 25.0}, "symbolSize": 23.0}},
	})
}

// An axis of counts only has whole-number ticks.
func TestCountAxis(t *testing.T) {
	count := `{"CategoricalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "id"}, "AggregationFunction": "DISTINCT_COUNT"}}`
	res := &Result{Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}}, Rows: [][]any{{"a", 1.0}, {"b", 2.0}}}
	for js, want := range map[string]any{
		labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+count+`]}`, ``):  1,
		labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`, ``): nil,
		labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`]}`, ``):                         1,
	} {
		p, _ := planOf(visualOf(t, js))
		wantEq(t, js, valueAxis(chartOption(p, res), 0)["minInterval"], want)
	}
}

// A reference line is not drawn on bars stacked to 100 %: its value is
// not a share; the tile says so.
func TestStackedPercentRefLine(t *testing.T) {
	vis := visualOf(t, labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`,
		`, "BarsArrangement": "STACKED_PERCENT", "ReferenceLines": [{"DataConfiguration": {"StaticConfiguration": {"Value": 1000}}}]`))
	p, _ := planOf(vis)
	x := testView(t, nil).extrasOf(vis, p)
	wantEq(t, "lines", []any{len(x.refs), x.notes}, []any{0, []string{"Reference line 1 is not drawn: its value is not a share, and the bars are stacked to 100 %."}})
}
