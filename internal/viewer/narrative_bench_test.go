package viewer

import (
	"encoding/json"
	"os"
	"testing"
)

// BenchmarkNarrative parses and writes the AWS Budgets dashboard's period
// over period narrative (three computations, <if>s, colors: 4 KB of
// markup), as each draw of its insight does.
func BenchmarkNarrative(b *testing.B) {
	raw, err := os.ReadFile("../../e2e/testdata/realdefs/aws-budgets.json")
	if err != nil {
		b.Fatal(err)
	}
	var narratives []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if n, ok := x["CustomNarrative"].(map[string]any); ok {
				narratives = append(narratives, n["Narrative"].(string))
			}
			for _, y := range x {
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	var def any
	if err := json.Unmarshal(raw, &def); err != nil {
		b.Fatal(err)
	}
	walk(def)
	src := ""
	for _, n := range narratives {
		if len(n) > len(src) {
			src = n
		}
	}
	outs := narrativeOutputs{}
	for _, name := range []string{"BudgetPeriodOverPeriod", "ActualPeriodOverPeriod", "ForecastPeriodOverPeriod"} {
		outs[name] = map[string]string{
			"metricField.name": "Actual Cost", "currentTimeValue.formattedValue": "Dec 2026",
			"percentDifference.value": "-0.2364", "percentDifference.formattedAbsoluteValue": "23.64%",
			"absoluteDifference.formattedValue": "-721", "previousMetricValue.formattedValue": "3,050.5",
			"currentMetricValue.formattedValue": "2,329.5",
		}
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := parseNarrative(src)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := renderNarrative(p, outs); err != nil {
			b.Fatal(err)
		}
	}
}
