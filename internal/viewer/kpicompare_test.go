package viewer

import (
	"encoding/json"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
)

// TestKPIComparison draws a trend KPI's comparison with the previous
// period by each method and display type, and refuses what it does not
// know by name.
func TestKPIComparison(t *testing.T) {
	trend := &Result{Rows: [][]any{{"2024-03-01", 150.0}, {"2024-02-01", 120.0}}}
	cases := []struct {
		options string
		want    KPI
	}{
		{``, KPI{Value: "150", Previous: "120", Progress: "+25%", Above: true}},
		{`{"Comparison": {"ComparisonMethod": "DIFFERENCE"}}`, KPI{Value: "150", Previous: "120", Progress: "+30", Above: true}},
		{`{"Comparison": {"ComparisonMethod": "PERCENT"}}`, KPI{Value: "150", Previous: "120", Progress: "125%", Above: true}},
		{`{"Comparison": {"ComparisonMethod": "PERCENT_DIFFERENCE", "ComparisonFormat": {"PercentageDisplayFormatConfiguration": {"DecimalPlacesConfiguration": {"DecimalPlaces": 1}}}}}`,
			KPI{Value: "150", Previous: "120", Progress: "+25.0%", Above: true}},
		{`{"Comparison": {"ComparisonMethod": "DIFFERENCE"}, "PrimaryValueDisplayType": "COMPARISON"}`, KPI{Value: "+30", Previous: "120", Progress: "+30", Above: true}},
		{`{"PrimaryValueDisplayType": "HIDDEN", "SecondaryValue": {"Visibility": "HIDDEN"}}`, KPI{Value: "150", Hidden: true, Progress: "+25%", Above: true}},
	}
	for _, c := range cases {
		cfg := &definition.KPIConfiguration{KPIOptions: json.RawMessage(c.options)}
		p := &plan{category: []field{{id: "d"}}, values: []field{{id: "v"}}}
		p.kpiOptions(cfg)
		if len(p.unsupported) > 0 {
			t.Errorf("%s: refused %v", c.options, p.unsupported)
		}
		got := kpi(p, trend)
		if *got != c.want {
			t.Errorf("%s:\n got %+v\nwant %+v", c.options, *got, c.want)
		}
	}
	// A fall, and a zero base: no percent is drawn rather than Inf.
	p := &plan{category: []field{{id: "d"}}, values: []field{{id: "v"}}}
	if got := kpi(p, &Result{Rows: [][]any{{"b", 90.0}, {"a", 120.0}}}); got.Progress != "-25%" || got.Above {
		t.Errorf("fall: %+v", *got)
	}
	if got := kpi(p, &Result{Rows: [][]any{{"b", 90.0}, {"a", 0.0}}}); got.Progress != "" {
		t.Errorf("zero base: %+v", *got)
	}
	// One period only: nothing to compare.
	if got := kpi(p, &Result{Rows: [][]any{{"b", 90.0}}}); got.Progress != "" || got.Previous != "" {
		t.Errorf("one period: %+v", *got)
	}
	// With a target, the target is the base.
	tp := &plan{values: []field{{id: "v"}}, targets: []field{{id: "t"}}}
	tp.kpiOptions(&definition.KPIConfiguration{KPIOptions: json.RawMessage(`{"Comparison": {"ComparisonMethod": "DIFFERENCE"}}`)})
	got := kpi(tp, &Result{Rows: [][]any{{80.0, 100.0}}})
	if bar := got.Bar; bar == nil || *bar != (ProgressBar{Percent: 80, Fill: 80, Text: "80%"}) {
		t.Errorf("target's progress bar: %+v", bar)
	}
	if got.Bar = nil; *got != (KPI{Value: "80", Target: "100", Progress: "-20"}) {
		t.Errorf("target: %+v", *got)
	}
	for _, bad := range []string{`{"Comparison": {"ComparisonMethod": "RATIO"}}`, `{"PrimaryValueDisplayType": "BOTH"}`, `[1]`} {
		p := &plan{}
		p.kpiOptions(&definition.KPIConfiguration{KPIOptions: json.RawMessage(bad)})
		if len(p.unsupported) == 0 {
			t.Errorf("%s: not refused", bad)
		}
	}
}
