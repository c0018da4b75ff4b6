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
