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
// number, and a county map grouped by its state) with any clicked state a
// request can carry (x.* query values): never a panic; a filter only on
// the clicked category, a county only with its state, or an
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
		{"FilledMapVisual": {"VisualId": "cty", ` + act("a4", "kpi") + `"ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {
			"Geospatial": [{"CategoricalDimensionField": {"FieldId": "f4", "Column": {"DataSetIdentifier": "sales", "ColumnName": "county"}}}]}}}}},
		{"KPIVisual": {"VisualId": "kpi"}}]}]}`))
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"x.cty=Washington&x.cty=OR", "x.cty=Washington", "x.cty=Washington&x.cty=(empty)", "x.cat=Europe&x.cty=King&x.cty=WA", "x.cat=Europe", "x.date=Jan+2026", "x.num=3", "x.cat=(empty)", "x.cat=&x.cat=b", "x.kpi=1", "x.nope=1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		v := New(def, q, time.Unix(0, 0))
		v.SetGeoRoles(mapRoles(map[string]string{"county": "COUNTY", "st": "STATE"}))
		for _, id := range []string{"cat", "date", "num", "cty", "kpi"} {
			fs, err := v.actionFilters("s", id, "sales")
			var uf *UnsupportedFilterError
			if err != nil && !errors.As(err, &uf) {
				t.Fatalf("%s: %v", id, err)
			}
			county, state := 0, 0
			for _, fl := range fs {
				ok := len(fl.Values) == 1
				switch fl.Field {
				case "region":
					ok = ok && fl.Values[0] == q.Get("x.cat")
				case "county":
					ok, county = ok && fl.Values[0] == q["x.cty"][0], county+1
				case "st":
					ok, state = ok && len(q["x.cty"]) > 1 && fl.Values[0] == q["x.cty"][1], state+1
				default:
					ok = false
				}
				if !ok {
					t.Fatalf("%s: filter %+v for %q", id, fl, raw)
				}
			}
			if county != state {
				t.Fatalf("%s: a county filtered without its state (%+v) for %q", id, fs, raw)
			}
		}
	})
}
