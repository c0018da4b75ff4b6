package viewer

import (
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// FuzzActionFilters computes the filters of every visual of a sheet whose
// visuals have filter-on-click actions (on a category, a date and a
// number) with any clicked state a request can carry (x.* query values):
// never a panic; a filter only on the clicked category, or an
// UnsupportedFilterError.
func FuzzActionFilters(f *testing.F) {
	act := func(id, target string) string {
		return `"Actions": [{"CustomActionId": "` + id + `", "Name": "F", "Status": "ENABLED", "Trigger": "DATA_POINT_CLICK",
			"ActionOperations": [{"FilterOperation": {"SelectedFieldsConfiguration": {"SelectedFieldOptions": "ALL_FIELDS"},
			"TargetVisualsConfiguration": {"SameSheetTargetVisualConfiguration": {"TargetVisuals": ["` + target + `"]}}}}]}], `
	}
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/s"}],
		"Sheets": [{"SheetId": "s", "Visuals": [
		{"BarChartVisual": {"VisualId": "cat", ` + act("a1", "kpi") + `"ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [{"CategoricalDimensionField": {"FieldId": "f1", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}]}}}}},
		{"LineChartVisual": {"VisualId": "date", ` + act("a2", "kpi") + `"ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {
			"Category": [{"DateDimensionField": {"FieldId": "f2", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}}}]}}}}},
		{"BarChartVisual": {"VisualId": "num", ` + act("a3", "kpi") + `"ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [{"NumericalDimensionField": {"FieldId": "f3", "Column": {"DataSetIdentifier": "sales", "ColumnName": "quantity"}}}]}}}}},
		{"KPIVisual": {"VisualId": "kpi"}}]}]}`))
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"x.cat=Europe", "x.date=Jan+2026", "x.num=3", "x.cat=(empty)", "x.cat=&x.cat=b", "x.kpi=1", "x.nope=1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		v := New(def, q, time.Unix(0, 0))
		for _, id := range []string{"cat", "date", "num", "kpi"} {
			fs, err := v.actionFilters("s", id, "sales")
			var uf *UnsupportedFilterError
			if err != nil && !errors.As(err, &uf) {
				t.Fatalf("%s: %v", id, err)
			}
			for _, fl := range fs {
				if fl.Field != "region" || len(fl.Values) != 1 || fl.Values[0] != q.Get("x.cat") {
					t.Fatalf("%s: filter %+v for %q", id, fl, raw)
				}
			}
		}
	})
}
