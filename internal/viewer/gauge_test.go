package viewer

import (
	"encoding/json"
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
		wantEq(t, c.want, gaugePrimary(&c.opts, c.value, c.target, c.targeted, field{}), c.want)
	}
}

// A gauge writes its value in the measure's number format, a difference
// from the target in the comparison's format (else the measure's), a
// percentage in the comparison's percentage format, and a null as the
// measure's null text; it wrote plain numbers and "(empty)".
func TestGaugeNumberFormats(t *testing.T) {
	two := 2
	f := field{format: &numberFormat{Decimals: &two, Scale: "THOUSANDS", Symbol: "$"}, nullText: "n/a"}
	diff := json.RawMessage(`{"NumberDisplayFormatConfiguration": {"DecimalPlacesConfiguration": {"DecimalPlaces": 0}, "Suffix": " units"}}`)
	pct := json.RawMessage(`{"PercentageDisplayFormatConfiguration": {"DecimalPlacesConfiguration": {"DecimalPlaces": 1}}}`)
	cmp := func(method string, format json.RawMessage) definition.GaugeChartOptions {
		return definition.GaugeChartOptions{PrimaryValueDisplayType: "COMPARISON", Comparison: &definition.ComparisonConfiguration{ComparisonMethod: method, ComparisonFormat: format}}
	}
	for _, c := range []struct {
		opts          definition.GaugeChartOptions
		value, target any
		want          string
	}{
		{definition.GaugeChartOptions{PrimaryValueDisplayType: "ACTUAL"}, 1234.5, 5000.0, "$1.23K"},
		{cmp("DIFFERENCE", nil), 1234.5, 5000.0, "-$3.77K"},
		{cmp("DIFFERENCE", diff), 1234.5, 5000.0, "-3,766 units"},
		{cmp("PERCENT", pct), 1250.0, 5000.0, "25.0%"},
		{cmp("PERCENT_DIFFERENCE", pct), 1250.0, 5000.0, "-75.0%"},
		{cmp("PERCENT", nil), 1250.0, 5000.0, "25%"},
		{definition.GaugeChartOptions{PrimaryValueDisplayType: "ACTUAL"}, nil, 5000.0, "n/a"},
	} {
		wantEq(t, c.want, gaugePrimary(&c.opts, c.value, c.target, true, f), c.want)
	}
}
