package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// labelled builds a chart of a kind whose wells hold the given JSON and
// whose ChartConfiguration carries the given extra members.
func labelled(kind, wells, extra string) string {
	return `{"` + kind + `": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {` + wells + `}` + extra + `}}}`
}

const (
	lblDim  = `{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}`
	lblDim2 = `{"CategoricalDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`
	lblVal  = `{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}`
	lblVal2 = `{"NumericalMeasureField": {"FieldId": "n", "Column": {"DataSetIdentifier": "sales", "ColumnName": "cost"}}}`
)

// applyTo is an AxisLabelOptions entry labelling one field.
func applyTo(id, label string) string {
	return `{"CustomLabel": "` + label + `", "ApplyTo": {"FieldId": "` + id + `", "Column": {"DataSetIdentifier": "sales", "ColumnName": "x"}}}`
}

func TestChartCustomLabels(t *testing.T) {
	cases := []struct {
		name, js string
		want     map[string]string // field id → label
	}{
		{"bar", labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`], "Colors": [`+lblDim2+`]}`,
			`, "CategoryLabelOptions": {"AxisLabelOptions": [`+applyTo("c", "Segment")+`]}, "ValueLabelOptions": {"AxisLabelOptions": [`+applyTo("m", "Sales")+`]},
			 "ColorLabelOptions": {"AxisLabelOptions": [`+applyTo("d", "Area")+`]}`), map[string]string{"c": "Segment", "m": "Sales", "d": "Area"}},
		{"line", labelled("LineChartVisual", `"LineChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`, `+lblVal2+`]}`,
			`, "XAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("c", "Segment")+`]}, "PrimaryYAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("n", "Spend")+`]}`),
			map[string]string{"c": "Segment", "m": "Sum of revenue", "n": "Spend"}},
		{"pie", labelled("PieChartVisual", `"PieChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`,
			`, "ValueLabelOptions": {"AxisLabelOptions": [`+applyTo("m", "Sales")+`]}`), map[string]string{"c": "segment", "m": "Sales"}},
		{"scatter", labelled("ScatterPlotVisual", `"ScatterPlotCategoricallyAggregatedFieldWells": {"XAxis": [`+lblVal+`], "YAxis": [`+lblVal2+`], "Category": [`+lblDim+`]}`,
			`, "XAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("m", "Sales")+`]}, "YAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("n", "Spend")+`]}`),
			map[string]string{"m": "Sales", "n": "Spend"}},
		{"combo", labelled("ComboChartVisual", `"ComboChartAggregatedFieldWells": {"Category": [`+lblDim+`], "BarValues": [`+lblVal+`], "LineValues": [`+lblVal2+`]}`,
			`, "PrimaryYAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("m", "Sales")+`]}, "SecondaryYAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("n", "Spend")+`]}`),
			map[string]string{"m": "Sales", "n": "Spend"}},
		{"heat map", labelled("HeatMapVisual", `"HeatMapAggregatedFieldWells": {"Rows": [`+lblDim+`], "Columns": [`+lblDim2+`], "Values": [`+lblVal+`]}`,
			`, "RowLabelOptions": {"AxisLabelOptions": [`+applyTo("c", "Segment")+`]}, "ColumnLabelOptions": {"AxisLabelOptions": [`+applyTo("d", "Area")+`]}`),
			map[string]string{"c": "Segment", "d": "Area"}},
		{"tree map", labelled("TreeMapVisual", `"TreeMapAggregatedFieldWells": {"Groups": [`+lblDim+`], "Sizes": [`+lblVal+`]}`,
			`, "SizeLabelOptions": {"AxisLabelOptions": [`+applyTo("m", "Sales")+`]}`), map[string]string{"m": "Sales"}},
		{"funnel", labelled("FunnelChartVisual", `"FunnelChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`,
			`, "ValueLabelOptions": {"AxisLabelOptions": [`+applyTo("m", "Sales")+`]}`), map[string]string{"m": "Sales"}},
		{"waterfall", labelled("WaterfallVisual", `"WaterfallChartAggregatedFieldWells": {"Categories": [`+lblDim+`], "Values": [`+lblVal+`]}`,
			`, "CategoryAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("c", "Segment")+`]}, "PrimaryYAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("m", "Sales")+`]}`),
			map[string]string{"c": "Segment", "m": "Sales"}},
		{"word cloud", labelled("WordCloudVisual", `"WordCloudAggregatedFieldWells": {"GroupBy": [`+lblDim+`], "Size": [`+lblVal+`]}`,
			`, "CategoryLabelOptions": {"AxisLabelOptions": [`+applyTo("c", "Segment")+`]}`), map[string]string{"c": "Segment"}},
	}
	for _, c := range cases {
		vis := visualOf(t, c.js)
		p, ok := planOf(vis)
		if !ok {
			t.Fatalf("%s: no plan", c.name)
		}
		applyCustomLabels(vis, p)
		got := map[string]string{}
		for _, fs := range [][]field{p.category, p.colors, p.values, p.lineValues} {
			for _, f := range fs {
				if _, want := c.want[f.id]; want {
					got[f.id] = f.label
				}
			}
		}
		wantEq(t, c.name, got, c.want)
	}
}

// Two measures given one label (the value axis's, as the Bedrock usage
// dashboard's stacked area of input and output tokens gives "Token
// Count" to both) stay two series, each named apart: ECharts would give
// them one color and one legend entry.
func TestChartCustomLabelsShared(t *testing.T) {
	vis := visualOf(t, labelled("LineChartVisual", `"LineChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`, `+lblVal2+`]}`,
		`, "Type": "STACKED_AREA", "PrimaryYAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("m", "Token Count")+`, `+applyTo("n", "Token Count")+`]}`))
	p, _ := planOf(vis)
	applyCustomLabels(vis, p)
	wantEq(t, "labels", []string{p.values[0].label, p.values[1].label}, []string{"Token Count (Sum of revenue)", "Token Count (Sum of cost)"})
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}, {ID: "n", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Consumer", 7.0, 2.0}, {"Corporate", 5.0, 1.0}},
	}
	ss := chartOption(p, res)["series"].([]obj)
	wantEq(t, "series", []any{ss[0]["name"], ss[0]["data"], ss[0]["stack"], ss[1]["name"], ss[1]["data"], ss[1]["stack"]},
		[]any{"Token Count (Sum of revenue)", []any{7.0, 5.0}, "total", "Token Count (Sum of cost)", []any{2.0, 1.0}, "total"})
}

func TestChartCustomLabelDrawn(t *testing.T) {
	vis := visualOf(t, labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`,
		`, "ValueLabelOptions": {"AxisLabelOptions": [`+applyTo("m", "Sales")+`]}`))
	p, _ := planOf(vis)
	applyCustomLabels(vis, p)
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Consumer", 7.0}},
	}
	s := chartOption(p, res)["series"].([]obj)[0]
	wantEq(t, "series name", s["name"], "Sales")

	// An entry without ApplyTo titles the axis and names no field; one
	// with ApplyTo names its field and titles no axis.
	opt := obj{"yAxis": obj{"type": "value"}}
	applyFormat(opt, vis)
	wantEq(t, "no axis title from a field's label", opt["yAxis"].(obj)["name"], nil)
	vis = visualOf(t, labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`,
		`, "ValueLabelOptions": {"AxisLabelOptions": [{"CustomLabel": "Money"}]}`))
	p, _ = planOf(vis)
	applyCustomLabels(vis, p)
	wantEq(t, "field keeps its name", p.values[0].label, "Sum of revenue")
}

func TestHistogramBoxPlotCustomLabels(t *testing.T) {
	vis := visualOf(t, labelled("HistogramVisual", `"HistogramAggregatedFieldWells": {"Values": [`+lblVal+`]}`,
		`, "XAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("m", "Sales")+`]}`))
	p, _ := planOf(vis)
	applyCustomLabels(vis, p)
	wantEq(t, "histogram labels", [2]string{p.category[0].label, p.values[0].label}, [2]string{"Sales", "Count of Sales"})

	vis = visualOf(t, labelled("BoxPlotVisual", `"BoxPlotAggregatedFieldWells": {"GroupBy": [`+lblDim+`], "Values": [`+lblVal+`, `+lblVal2+`]}`,
		`, "PrimaryYAxisLabelOptions": {"AxisLabelOptions": [`+applyTo("n", "Spend")+`]}`))
	p, _ = planOf(vis)
	applyCustomLabels(vis, p)
	wantEq(t, "box names", p.box.columns, []string{"revenue", "Spend"})
	wantEq(t, "box stat label", p.values[len(boxStats)].label, boxStats[0].label+" of Spend")
}
