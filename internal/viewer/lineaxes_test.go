package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A line chart's measures bound to the secondary y axis are drawn on a
// second axis of their own scale (stacked apart when the chart stacks);
// SingleAxisOptions keeps one axis; one color's line bound apart from
// its measure is refused.
func TestLineSecondaryAxis(t *testing.T) {
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}, {ID: "n", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Consumer", 7.0, 0.2}, {"Corporate", 5000.0, 0.1}},
	}
	wells := `"LineChartAggregatedFieldWells": {"Category": [` + lblDim + `], "Values": [` + lblVal + `, ` + lblVal2 + `]}`
	secondary := `, "Series": [{"FieldSeriesItem": {"FieldId": "n", "AxisBinding": "SECONDARY_YAXIS"}}]`
	vis := visualOf(t, labelled("LineChartVisual", wells, secondary+`, "Type": "STACKED_AREA"`+
		`, "SecondaryYAxisDisplayOptions": {"DataOptions": {"NumericAxisOptions": {"Range": {"MinMax": {"Maximum": 1}}}}}`))
	p, _ := planOf(vis)
	opt := chartOption(p, res)
	applyAxisScales(opt, vis)
	ss := opt["series"].([]obj)
	wantEq(t, "axes", []any{ss[0]["yAxisIndex"], ss[1]["yAxisIndex"], ss[0]["stack"], ss[1]["stack"]}, []any{nil, 1, "total", "secondary"})
	ys, ok := opt["yAxis"].([]obj)
	if !ok || len(ys) != 2 || ys[1]["max"] != 1.0 {
		t.Fatalf("yAxis %v, want two, the second to 1", opt["yAxis"])
	}

	// Every measure on the secondary axis by default; one axis asked.
	vis = visualOf(t, labelled("LineChartVisual", wells, `, "DefaultSeriesSettings": {"AxisBinding": "SECONDARY_YAXIS"}, "Series": [{"FieldSeriesItem": {"FieldId": "m", "AxisBinding": "PRIMARY_YAXIS"}}]`))
	p, _ = planOf(vis)
	wantEq(t, "default binding", p.secondary, map[string]bool{"n": true})
	vis = visualOf(t, labelled("LineChartVisual", wells, secondary+`, "SingleAxisOptions": {"YAxisOptions": {"YAxis": "PRIMARY_Y_AXIS"}}`))
	p, _ = planOf(vis)
	if _, two := chartOption(p, res)["yAxis"].([]obj); two || p.secondary != nil {
		t.Error("SingleAxisOptions: a second axis drawn")
	}
	vis = visualOf(t, labelled("LineChartVisual", wells, `, "Series": [{"DataFieldSeriesItem": {"FieldId": "m", "FieldValue": "West", "AxisBinding": "SECONDARY_YAXIS"}}]`))
	p, _ = planOf(vis)
	wantEq(t, "one color apart", p.unsupported, []string{"one Colors value's line on another y axis than its measure's (a DataFieldSeriesItem's AxisBinding)"})
}

// A line's missing values follow its axis's MissingDataConfigurations.
func TestLineMissingData(t *testing.T) {
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "d", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}},
		Rows:    [][]any{{"a", "East", 1.0}, {"b", "West", 2.0}, {"c", "East", 3.0}},
	}
	wells := `"LineChartAggregatedFieldWells": {"Category": [` + lblDim + `], "Colors": [` + lblDim2 + `], "Values": [` + lblVal + `]}`
	for treatment, want := range map[string][]any{
		"SHOW_AS_ZERO":  {[]any{1.0, 0.0, 3.0}, nil},
		"INTERPOLATE":   {[]any{1.0, nil, 3.0}, true},
		"SHOW_AS_BLANK": {[]any{1.0, nil, 3.0}, nil},
	} {
		vis := visualOf(t, labelled("LineChartVisual", wells, `, "PrimaryYAxisDisplayOptions": {"MissingDataConfigurations": [{"TreatmentOption": "`+treatment+`"}]}`))
		p, _ := planOf(vis)
		opt := chartOption(p, res)
		applyMissingData(opt, vis)
		east := opt["series"].([]obj)[0]
		wantEq(t, treatment, []any{east["data"], east["connectNulls"]}, want)
	}
}
