package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A combo chart whose SingleAxisOptions ask for the primary Y axis draws
// its lines on the bars' axis (one scale); without them the lines have a
// second axis of their own.
func TestComboSingleAxis(t *testing.T) {
	combo := func(single string) obj {
		v := visualOf(t, `{"ComboChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"ComboChartAggregatedFieldWells": {
			"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}],
			"BarValues": [{"NumericalMeasureField": {"FieldId": "b", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}],
			"LineValues": [{"NumericalMeasureField": {"FieldId": "l", "Column": {"DataSetIdentifier": "s", "ColumnName": "y"}}}]}}`+single+`}}}`)
		p, ok := planOf(v)
		if !ok {
			t.Fatal("no plan")
		}
		return chartOption(p, &Result{Columns: make([]query.ResultColumn, 3), Rows: [][]any{{"a", 1.0, 300.0}, {"b", 2.0, 400.0}}})
	}
	one := combo(`, "SingleAxisOptions": {"YAxisOptions": {"YAxis": "PRIMARY_Y_AXIS"}}`)
	if _, ok := one["yAxis"].(obj); !ok {
		t.Fatalf("single axis: yAxis %v, want one axis", one["yAxis"])
	}
	for _, s := range one["series"].([]obj) {
		if i, set := s["yAxisIndex"]; set {
			t.Errorf("single axis: series %v on axis %v", s["name"], i)
		}
	}
	if l := one["series"].([]obj)[1]; l["type"] != "line" {
		t.Errorf("single axis: line series drawn as %v", l["type"])
	}
	two := combo(``)
	if axes, ok := two["yAxis"].([]obj); !ok || len(axes) != 2 || two["series"].([]obj)[1]["yAxisIndex"] != 1 {
		t.Errorf("no SingleAxisOptions: yAxis %v, line series %v, want a second axis for the line", two["yAxis"], two["series"].([]obj)[1])
	}
	for _, raw := range []string{``, `{}`, `{"YAxisOptions": {}}`, `{"YAxisOptions": {"YAxis": "SECONDARY"}}`, `[1]`} {
		if singleYAxis([]byte(raw)) {
			t.Errorf("singleYAxis(%s) = true", raw)
		}
	}
}
