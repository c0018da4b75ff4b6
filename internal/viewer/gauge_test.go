package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

const gaugeWells = `"FieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}}}]`

func TestGauge(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"GaugeChartVisual": {"VisualId": "g", "ChartConfiguration": {`+gaugeWells+`,
	 "TargetValues": [{"NumericalMeasureField": {"FieldId": "t", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}}}}`))
	if !ok || len(p.unsupported) > 0 {
		t.Fatalf("plan %v %v", ok, p.unsupported)
	}
	res := &Result{Columns: []query.ResultColumn{{ID: "v", Role: query.RoleMeasure}, {ID: "t", Role: query.RoleMeasure}}, Rows: [][]any{{30.0, 120.0}}}
	s := gaugeOption(p, res)["series"].([]obj)[0]
	wantEq(t, "range", [2]any{s["min"], s["max"]}, [2]any{0.0, 120.0})
	wantEq(t, "value", s["data"].([]obj)[0]["value"], 30.0)
	wantEq(t, "percent of target", s["detail"].(obj)["formatter"], "25%")

	// Without a target or a range: the arc spans to the value, which it
	// shows itself, also when a comparison is asked for (there is nothing
	// to compare with).
	p, _ = planOf(visualOf(t, `{"GaugeChartVisual": {"VisualId": "g", "ChartConfiguration": {`+gaugeWells+`},
	 "GaugeChartOptions": {"Comparison": {"ComparisonMethod": "DIFFERENCE"}, "PrimaryValueDisplayType": "COMPARISON"}}}}`))
	if len(p.unsupported) > 0 {
		t.Fatalf("refused: %v", p.unsupported)
	}
	s = gaugeOption(p, &Result{Columns: []query.ResultColumn{{ID: "v", Role: query.RoleMeasure}}, Rows: [][]any{{1234.5}}})["series"].([]obj)[0]
	wantEq(t, "untargeted range", [2]any{s["min"], s["max"]}, [2]any{0.0, 1234.5})
	wantEq(t, "untargeted value", s["detail"].(obj)["formatter"], "1,234.5")
	s = gaugeOption(p, &Result{Columns: []query.ResultColumn{{ID: "v", Role: query.RoleMeasure}}, Rows: [][]any{{-5.0}}})["series"].([]obj)[0]
	wantEq(t, "untargeted negative range", [2]any{s["min"], s["max"]}, [2]any{0.0, 1.0})

	f := func(x float64) *float64 { return &x }
	for _, c := range []struct {
		opts          definition.GaugeChartOptions
		value, target any
		targeted      bool
		want          string
	}{
		{definition.GaugeChartOptions{}, 30.0, 120.0, true, "25%"},
		{definition.GaugeChartOptions{Comparison: &definition.ComparisonConfiguration{ComparisonMethod: "DIFFERENCE"}}, 30.0, 120.0, true, "-90"},
		{definition.GaugeChartOptions{Comparison: &definition.ComparisonConfiguration{ComparisonMethod: "PERCENT_DIFFERENCE"}}, 30.0, 120.0, true, "-75%"},
		{definition.GaugeChartOptions{PrimaryValueDisplayType: "ACTUAL"}, 1234.5, 120.0, true, "1,234.5"},
		{definition.GaugeChartOptions{PrimaryValueDisplayType: "HIDDEN"}, 30.0, 120.0, true, ""},
		{definition.GaugeChartOptions{}, 30.0, 0.0, true, "(empty)"},
		{definition.GaugeChartOptions{ArcAxis: &definition.ArcAxisConfiguration{Range: &definition.ArcAxisDisplayRange{Max: f(50)}}}, 30.0, nil, false, "30"},
		{definition.GaugeChartOptions{Comparison: &definition.ComparisonConfiguration{ComparisonMethod: "PERCENT"}}, 30.0, nil, false, "30"},
		{definition.GaugeChartOptions{}, 30.0, nil, true, "(empty)"},
	} {
		wantEq(t, c.want, gaugePrimary(&c.opts, c.value, c.target, c.targeted), c.want)
	}
}
