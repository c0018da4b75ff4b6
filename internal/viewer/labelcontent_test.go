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
