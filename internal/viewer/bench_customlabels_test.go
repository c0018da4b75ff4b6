package viewer

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
)

// walkedLabels is the alternative to customLabels' struct naming the
// label members: every ChartConfiguration member decoded raw, those named
// ...LabelOptions decoded again.
func walkedLabels(vis *definition.Visual) map[string]string {
	var v struct {
		ChartConfiguration map[string]json.RawMessage
	}
	if json.Unmarshal(vis.Raw, &v) != nil {
		return nil
	}
	labels := map[string]string{}
	for name, raw := range v.ChartConfiguration {
		var lo fieldLabelOptions
		if !strings.HasSuffix(name, "LabelOptions") || json.Unmarshal(raw, &lo) != nil {
			continue
		}
		for _, o := range lo.AxisLabelOptions {
			if o.CustomLabel != "" && o.ApplyTo != nil && o.ApplyTo.FieldId != "" {
				labels[o.ApplyTo.FieldId] = o.CustomLabel
			}
		}
	}
	return labels
}

// BenchmarkCustomLabels reads a bar chart's field labels as each drawn
// tile does: customLabels (a struct naming the label members) against
// walking every member.
func BenchmarkCustomLabels(b *testing.B) {
	vis := visualOf(b, labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`, `+lblVal2+`], "Colors": [`+lblDim2+`]}`,
		`, "CategoryLabelOptions": {"AxisLabelOptions": [`+applyTo("c", "Segment")+`]}, "ValueLabelOptions": {"AxisLabelOptions": [{"CustomLabel": "Money"}, `+applyTo("m", "Sales")+`]},
		 "Legend": {"Visibility": "VISIBLE"}, "DataLabels": {"Visibility": "VISIBLE"}, "SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "m", "Direction": "DESC"}}]}`))
	if got, alt := customLabels(vis), walkedLabels(vis); len(got) != 2 || len(alt) != 2 {
		b.Fatalf("labels %v, %v", got, alt)
	}
	b.Run("typed-struct", func(b *testing.B) {
		for b.Loop() {
			customLabels(vis)
		}
	})
	b.Run("members-walk", func(b *testing.B) {
		for b.Loop() {
			walkedLabels(vis)
		}
	})
}
