package viewer

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// TestActionFiltersRefuseWhatTheClickDoesNotGive: the viewer sends the
// clicked category only, so an action on another of the visual's fields
// (its color, or all of its several dimensions) is refused on its target,
// never applied as a wider filter.
func TestActionFiltersRefuseWhatTheClickDoesNotGive(t *testing.T) {
	for _, c := range []struct{ name, selected, want string }{
		{"category", `"SelectedFields": ["cat"]`, ""},
		{"all fields of two dimensions", `"SelectedFieldOptions": "ALL_FIELDS"`, "several dimensions"},
		{"the color", `"SelectedFields": ["color"]`, "the field color"},
		{"category and color", `"SelectedFields": ["cat", "color"]`, "the field color"},
	} {
		def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/s"}],
			"Sheets": [{"SheetId": "s", "Visuals": [
			{"BarChartVisual": {"VisualId": "bar", "Actions": [{"CustomActionId": "a", "Name": "F", "Status": "ENABLED", "Trigger": "DATA_POINT_CLICK",
				"ActionOperations": [{"FilterOperation": {"SelectedFieldsConfiguration": {` + c.selected + `},
				"TargetVisualsConfiguration": {"SameSheetTargetVisualConfiguration": {"TargetVisualOptions": "ALL_VISUALS"}}}}]}],
				"ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
				"Category": [{"CategoricalDimensionField": {"FieldId": "cat", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
				"Colors": [{"CategoricalDimensionField": {"FieldId": "color", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]}}}}},
			{"KPIVisual": {"VisualId": "kpi"}}]}]}`))
		if err != nil {
			t.Fatal(err)
		}
		fs, err := New(def, State{"x.bar": {"Europe"}}, time.Unix(0, 0)).actionFilters("s", "kpi", "sales")
		var uf *UnsupportedFilterError
		switch {
		case c.want == "" && (err != nil || len(fs) != 1 || fs[0].Field != "region" || fs[0].Values[0] != "Europe"):
			t.Errorf("%s: %+v %v", c.name, fs, err)
		case c.want != "" && (!errors.As(err, &uf) || !strings.Contains(err.Error(), c.want) || fs != nil):
			t.Errorf("%s: %+v %v, want a refusal with %q", c.name, fs, err, c.want)
		}
	}
}

// A click on a radar chart gives its polygon: the Color value, never the
// Category (the axes); without Color the polygons are measures and the
// click gives no dimension value.
func TestRadarClickFiltersByColor(t *testing.T) {
	for _, c := range []struct{ name, wells, selected, want, field string }{
		{"color", `"Category": [` + radarDim("cat", "region") + `], "Color": [` + radarDim("color", "segment") + `]`, `"SelectedFields": ["color"]`, "", "segment"},
		{"category", `"Category": [` + radarDim("cat", "region") + `], "Color": [` + radarDim("color", "segment") + `]`, `"SelectedFields": ["cat"]`, "the field cat", ""},
		{"no color", `"Category": [` + radarDim("cat", "region") + `]`, `"SelectedFieldOptions": "ALL_FIELDS"`, "without a dimension", ""},
	} {
		def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/s"}],
			"Sheets": [{"SheetId": "s", "Visuals": [
			{"RadarChartVisual": {"VisualId": "radar", "Actions": [{"CustomActionId": "a", "Name": "F", "Status": "ENABLED", "Trigger": "DATA_POINT_CLICK",
				"ActionOperations": [{"FilterOperation": {"SelectedFieldsConfiguration": {` + c.selected + `},
				"TargetVisualsConfiguration": {"SameSheetTargetVisualConfiguration": {"TargetVisualOptions": "ALL_VISUALS"}}}}]}],
				"ChartConfiguration": {"FieldWells": {"RadarChartAggregatedFieldWells": {` + c.wells + `}}}}},
			{"KPIVisual": {"VisualId": "kpi"}}]}]}`))
		if err != nil {
			t.Fatal(err)
		}
		fs, err := New(def, State{"x.radar": {"Consumer"}}, time.Unix(0, 0)).actionFilters("s", "kpi", "sales")
		var uf *UnsupportedFilterError
		switch {
		case c.want == "" && (err != nil || len(fs) != 1 || fs[0].Field != c.field || fs[0].Values[0] != "Consumer"):
			t.Errorf("%s: %+v %v", c.name, fs, err)
		case c.want != "" && (!errors.As(err, &uf) || !strings.Contains(err.Error(), c.want) || fs != nil):
			t.Errorf("%s: %+v %v, want a refusal with %q", c.name, fs, err, c.want)
		}
	}
}

func radarDim(id, column string) string {
	return `{"CategoricalDimensionField": {"FieldId": "` + id + `", "Column": {"DataSetIdentifier": "sales", "ColumnName": "` + column + `"}}}`
}
