package viewer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// countyClickDef is a filled map (or a points map) by county on "geo"
// whose click filters the sheet's KPI, with a KPI on another dataset.
func countyClickDef(t testing.TB, kind, wells string) *definition.Definition {
	t.Helper()
	def, err := definition.Parse(fmt.Appendf(nil, `{"DataSetIdentifierDeclarations": [
		{"Identifier": "geo", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/g"},
		{"Identifier": "other", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/o"}],
		"Sheets": [{"SheetId": "s", "Visuals": [
		{"%s": {"VisualId": "map", "Actions": [{"CustomActionId": "a", "Name": "F", "Status": "ENABLED", "Trigger": "DATA_POINT_CLICK",
			"ActionOperations": [{"FilterOperation": {"SelectedFieldsConfiguration": {"SelectedFieldOptions": "ALL_FIELDS"},
			"TargetVisualsConfiguration": {"SameSheetTargetVisualConfiguration": {"TargetVisualOptions": "ALL_VISUALS"}}}}]}],
			"ChartConfiguration": {"FieldWells": {"%s": {
			"Geospatial": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "geo", "ColumnName": "county"}}}]}}}}},
		{"KPIVisual": {"VisualId": "kpi"}}]}]}`, kind, wells))
	if err != nil {
		t.Fatal(err)
	}
	return def
}

// TestCountyClickFiltersByState: a click on a county of a map grouped by
// its dataset's STATE column filters its targets by the county and its
// state, never by the county's name alone (which names a county in
// several states); a click without the state is refused by name.
func TestCountyClickFiltersByState(t *testing.T) {
	withState := map[string]string{"county": "COUNTY", "st": "STATE"}
	want := []query.Filter{
		{Kind: query.CategoryFilter, Field: "st", Match: query.In, Values: []any{"OR"}},
		{Kind: query.CategoryFilter, Field: "county", Match: query.In, Values: []any{"Washington"}},
	}
	alone := want[1:]
	for _, c := range []struct {
		name      string
		kind      string
		roles     map[string]string
		click     []string
		dataSet   string
		want      []query.Filter
		refused   string
		noRoleSet bool
	}{
		{name: "filled map", kind: "FilledMapVisual", roles: withState, click: []string{"Washington", "OR"}, dataSet: "geo", want: want},
		{name: "points map", kind: "GeospatialMapVisual", roles: withState, click: []string{"Washington", "OR"}, dataSet: "geo", want: want},
		{name: "no state given", kind: "FilledMapVisual", roles: withState, click: []string{"Washington"}, dataSet: "geo", refused: "a county without its state"},
		{name: "empty state", kind: "FilledMapVisual", roles: withState, click: []string{"Washington", "(empty)"}, dataSet: "geo", refused: "an empty state"},
		{name: "roles unknown", kind: "FilledMapVisual", noRoleSet: true, click: []string{"Washington", "OR"}, dataSet: "geo", refused: "geographic roles are not known"},
		// Without one STATE column the map matches a county by a name
		// no other county has: the name alone is that county.
		{name: "no state column", kind: "FilledMapVisual", roles: map[string]string{"county": "COUNTY"}, click: []string{"Washington"}, dataSet: "geo", want: alone},
		{name: "two state columns", kind: "FilledMapVisual", roles: map[string]string{"county": "COUNTY", "a": "STATE", "b": "STATE"}, click: []string{"Washington"}, dataSet: "geo", want: alone},
		// The action filters the visuals of its own dataset only.
		{name: "target on another dataset", kind: "FilledMapVisual", roles: withState, click: []string{"Washington", "OR"}, dataSet: "other"},
	} {
		wells := "FilledMapAggregatedFieldWells"
		if c.kind == "GeospatialMapVisual" {
			wells = "GeospatialMapAggregatedFieldWells"
		}
		v := New(countyClickDef(t, c.kind, wells), State{"x.map": c.click}, time.Unix(0, 0))
		if !c.noRoleSet {
			v.SetGeoRoles(mapRoles(c.roles))
		}
		fs, err := v.actionFilters("s", "kpi", c.dataSet)
		var uf *UnsupportedFilterError
		switch {
		case c.refused == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.refused == "":
			wantEq(t, c.name, fs, c.want)
		case !errors.As(err, &uf) || !strings.Contains(err.Error(), c.refused) || fs != nil:
			t.Errorf("%s: %+v %v, want a refusal with %q", c.name, fs, err, c.refused)
		}
	}
	// Roles that cannot be read refuse the click too.
	v := New(countyClickDef(t, "FilledMapVisual", "FilledMapAggregatedFieldWells"), State{"x.map": {"Washington", "OR"}}, time.Unix(0, 0))
	v.SetGeoRoles(func(context.Context, string) (map[string]string, error) { return nil, errors.New("gone") })
	if _, err := v.actionFilters("s", "kpi", "geo"); err == nil || !strings.Contains(err.Error(), "could not be read") {
		t.Errorf("unreadable roles: %v", err)
	}
}

// BenchmarkCountyClick measures the filters a county map's click puts on
// a target: grouped by its state column ("with-state": the county and
// its state) against a dataset without one ("county-only"), in the same
// run. The roles are read from memory here; the server reads them from
// the store, once per target of a map's click.
func BenchmarkCountyClick(b *testing.B) {
	def := countyClickDef(b, "FilledMapVisual", "FilledMapAggregatedFieldWells")
	for _, c := range []struct {
		name  string
		roles map[string]string
		click []string
		n     int
	}{
		{"with-state", map[string]string{"county": "COUNTY", "st": "STATE"}, []string{"Washington", "OR"}, 2},
		{"county-only", map[string]string{"county": "COUNTY"}, []string{"Washington"}, 1},
	} {
		v := New(def, State{"x.map": c.click}, time.Unix(0, 0))
		v.SetGeoRoles(mapRoles(c.roles))
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fs, err := v.actionFilters("s", "kpi", "geo")
				if err != nil || len(fs) != c.n {
					b.Fatalf("%v %v", fs, err)
				}
			}
		})
	}
}
