package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A pie's DataLabels LabelContent PERCENT or VALUE_AND_PERCENT asks the
// page for each slice's share; VALUE (the default) keeps the value.
func TestPieLabelContent(t *testing.T) {
	res := &Result{Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}}, Rows: [][]any{{"a", 1.0}, {"b", 3.0}}}
	for content, want := range map[string]any{"PERCENT": "PERCENT", "VALUE_AND_PERCENT": "VALUE_AND_PERCENT", "VALUE": nil} {
		vis := visualOf(t, labelled("PieChartVisual", `"PieChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`,
			`, "DataLabels": {"Visibility": "VISIBLE", "LabelContent": "`+content+`"}`))
		p, _ := planOf(vis)
		opt := chartOption(p, res)
		applyFormat(opt, vis)
		s := opt["series"].([]obj)[0]
		wantEq(t, content, []any{s[chartLabelContent], s["label"].(obj)["show"]}, []any{want, true})
	}
}

// A funnel's MeasureDataLabelStyle gives each stage its share of the
// first stage or of the one before.
func TestFunnelShares(t *testing.T) {
	res := &Result{Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}}, Rows: [][]any{{"visit", 200.0}, {"cart", 50.0}, {"buy", 10.0}}}
	for style, want := range map[string][]any{
		"PERCENTAGE_BY_FIRST_STAGE":              {100.0, 25.0, 5.0},
		"VALUE_AND_PERCENTAGE_BY_PREVIOUS_STAGE": {100.0, 25.0, 20.0},
		"VALUE":                                  {nil, nil, nil},
	} {
		vis := visualOf(t, labelled("FunnelChartVisual", `"FunnelChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Values": [`+lblVal+`]}`,
			`, "DataLabelOptions": {"Visibility": "VISIBLE", "MeasureDataLabelStyle": "`+style+`"}`))
		p, _ := planOf(vis)
		s := chartOption(p, res)["series"].([]obj)[0]
		var got []any
		for _, d := range s["data"].([]obj) {
			got = append(got, d[chartShare])
		}
		wantEq(t, style, got, want)
		if style != "VALUE" && s[chartLabelContent] != style {
			t.Errorf("%s: label content %v", style, s[chartLabelContent])
		}
	}
}
