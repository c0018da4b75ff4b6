package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A currency measure in thousands with two decimals, and its null text.
const fmtVal = `{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
 "FormatConfiguration": {"FormatConfiguration": {"CurrencyDisplayFormatConfiguration": {"Symbol": "USD",
  "DecimalPlacesConfiguration": {"DecimalPlaces": 2}, "NumberScale": "THOUSANDS",
  "NullValueFormatConfiguration": {"NullString": "n/a"}}}}}}`

// Heat maps, tree maps, funnels, waterfalls, scatter plots and radar
// charts draw their measures' number formats: the series and axes carry
// the format for the page, and the texts the server writes (a waterfall's
// step labels, a color scale's ends) are written in it. Before, only bar,
// line, combo and pie charts did, and these drew 12,345.6 for $12.35K.
func TestChartKindsDrawNumberFormats(t *testing.T) {
	two := 2
	want := &numberFormat{Decimals: &two, Scale: "THOUSANDS", Symbol: "$", NullText: "n/a"}
	cat := query.ResultColumn{ID: "c", Type: "STRING"}
	cat2 := query.ResultColumn{ID: "d", Type: "STRING"}
	meas := func(id string) query.ResultColumn {
		return query.ResultColumn{ID: id, Role: query.RoleMeasure, Type: "DECIMAL"}
	}
	build := func(js string, res *Result) obj {
		t.Helper()
		vis := visualOf(t, js)
		p, ok := planOf(vis)
		if !ok {
			t.Fatal("no plan:", js)
		}
		applyCustomLabels(vis, p)
		return chartOption(p, res)
	}
	series := func(o obj) obj { return o["series"].([]obj)[0] }

	heat := build(labelled("HeatMapVisual", `"HeatMapAggregatedFieldWells": {"Rows": [`+lblDim+`], "Columns": [`+lblDim2+`], "Values": [`+fmtVal+`]}`, ""),
		&Result{Columns: []query.ResultColumn{cat, cat2, meas("m")}, Rows: [][]any{{"A", "East", 1234.5}, {"B", "West", 98765.4}}})
	wantEq(t, "heat map format", series(heat)[chartNumberFormat], want)
	wantEq(t, "heat map null text", series(heat)[chartNullText], "n/a")
	wantEq(t, "heat map scale ends", heat["visualMap"].(obj)["text"], []string{"$98.77K", "$1.23K"})

	tree := build(labelled("TreeMapVisual", `"TreeMapAggregatedFieldWells": {"Groups": [`+lblDim+`], "Sizes": [`+fmtVal+`], "Colors": [`+lblVal2+`]}`, ""),
		&Result{Columns: []query.ResultColumn{cat, meas("m"), meas("n")}, Rows: [][]any{{"A", 1234.5, 2.5}, {"B", 500.0, 1000.25}}})
	wantEq(t, "tree map format", series(tree)[chartNumberFormat], want)
	wantEq(t, "tree map color scale ends (no format)", tree["visualMap"].(obj)["text"], []string{"1,000.25", "2.5"})

	funnel := build(labelled("FunnelChartVisual", `"FunnelChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+fmtVal+`]}`, ""),
		&Result{Columns: []query.ResultColumn{cat, meas("m")}, Rows: [][]any{{"A", 1234.5}}})
	wantEq(t, "funnel format", series(funnel)[chartNumberFormat], want)

	fall := build(labelled("WaterfallVisual", `"WaterfallChartAggregatedFieldWells": {"Categories": [`+lblDim+`], "Values": [`+fmtVal+`]}`, ""),
		&Result{Columns: []query.ResultColumn{cat, meas("m")}, Rows: [][]any{{"A", 1500.0}, {"B", -250.0}}})
	wantEq(t, "waterfall axis format", fall["yAxis"].(obj)[chartNumberFormat], want)
	var labels []any
	for _, s := range fall["series"].([]obj)[1:] {
		for _, it := range s["data"].([]any) {
			if o, ok := it.(obj); ok {
				labels = append(labels, o["tooltip"].(obj)["formatter"])
			}
		}
	}
	wantEq(t, "waterfall step tooltips", labels, []any{"A: $1.50K", "B: -$0.25K", "Total: $1.25K"})

	scatter := build(labelled("ScatterPlotVisual", `"ScatterPlotCategoricallyAggregatedFieldWells": {"XAxis": [`+fmtVal+`], "YAxis": [`+lblVal2+`], "Category": [`+lblDim+`]}`, ""),
		&Result{Columns: []query.ResultColumn{cat, meas("m"), meas("n")}, Rows: [][]any{{"A", 1.0, 2.0}}})
	wantEq(t, "scatter x axis format", scatter["xAxis"].(obj)[chartNumberFormat], want)
	wantEq(t, "scatter y axis format", scatter["yAxis"].(obj)[chartNumberFormat], nil)

	// A combo chart's line measure: its series and the line axis (it had
	// no format; only the bars' did).
	combo := build(labelled("ComboChartVisual", `"ComboChartAggregatedFieldWells": {"Category": [`+lblDim+`], "BarValues": [`+lblVal2+`], "LineValues": [`+fmtVal+`]}`, ""),
		&Result{Columns: []query.ResultColumn{cat, meas("n"), meas("m")}, Rows: [][]any{{"A", 1.0, 2.0}}})
	wantEq(t, "combo line series format", combo["series"].([]obj)[1][chartNumberFormat], want)
	wantEq(t, "combo line axis format", combo["yAxis"].([]obj)[1][chartNumberFormat], want)

	// A radar's axes are its measures: one format when all share it, none
	// when they differ.
	radarJS := func(vals string) string {
		return labelled("RadarChartVisual", `"RadarChartAggregatedFieldWells": {"Values": [`+vals+`]}`, "")
	}
	twoVals := &Result{Columns: []query.ResultColumn{meas("m"), meas("n")}, Rows: [][]any{{1.0, 2.0}}}
	fmtVal2 := `{"NumericalMeasureField": {"FieldId": "n", "Column": {"DataSetIdentifier": "sales", "ColumnName": "cost"},
 "FormatConfiguration": {"FormatConfiguration": {"CurrencyDisplayFormatConfiguration": {"Symbol": "USD",
  "DecimalPlacesConfiguration": {"DecimalPlaces": 2}, "NumberScale": "THOUSANDS",
  "NullValueFormatConfiguration": {"NullString": "n/a"}}}}}}`
	wantEq(t, "radar shared format", series(build(radarJS(fmtVal+", "+fmtVal2), twoVals))[chartNumberFormat], want)
	wantEq(t, "radar differing formats", series(build(radarJS(fmtVal+", "+lblVal2), twoVals))[chartNumberFormat], nil)
}
