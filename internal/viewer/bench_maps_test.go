package viewer_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// BenchmarkMapVisuals times the server side of a filled map of revenue by
// country (regions matched by name) and of a points map of revenue by
// latitude and longitude (calculated from the city) and of a filled map
// of revenue by US county within its state (both calculated from the
// city) and of a points map of revenue by city (geocoded within its
// country) on the 100,000-row sample, uncached, against a bar of revenue by
// country in the same run.
func BenchmarkMapVisuals(b *testing.B) {
	v, run := sampleApp(b, false)
	arn := v.Definition().DataSetARNs()[0]
	roles := func(context.Context, string) (map[string]string, error) {
		return map[string]string{"country": "COUNTRY", "lat": "LATITUDE", "lon": "LONGITUDE", "county": "COUNTY", "state": "STATE", "city": "CITY"}, nil
	}
	field := func(kind, id, name string) string {
		return fmt.Sprintf(`{%q: {"FieldId": %q, "Column": {"DataSetIdentifier": "sales", "ColumnName": %q}}}`, kind, id, name)
	}
	revenue := field("NumericalMeasureField", "m", "revenue")
	country := field("CategoricalDimensionField", "c", "country")
	visuals := map[string]string{
		"bar":        `{"BarChartVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [` + country + `], "Values": [` + revenue + `]}}}}}`,
		"filled-map": `{"FilledMapVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {"Geospatial": [` + country + `], "Values": [` + revenue + `]}}}}}`,
		"points-map": `{"GeospatialMapVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [` +
			field("NumericalDimensionField", "la", "lat") + `, ` + field("NumericalDimensionField", "lo", "lon") + `], "Values": [` + revenue + `]}}}}}`,
		"city-map": `{"GeospatialMapVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [` +
			field("CategoricalDimensionField", "ci", "city") + `], "Values": [` + revenue + `]}}}}}`,
		"county-map": `{"FilledMapVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {"Geospatial": [` +
			field("CategoricalDimensionField", "cc", "county") + `], "Values": [` + revenue + `]}}}}}`,
	}
	calc := `[{"DataSetIdentifier": "sales", "Name": "lat", "Expression": "ifelse({city} = 'Berlin', 52.52, {city} = 'Tokyo', 35.68, {city} = 'New York', 40.71, 0)"},
		{"DataSetIdentifier": "sales", "Name": "lon", "Expression": "ifelse({city} = 'Berlin', 13.4, {city} = 'Tokyo', 139.65, {city} = 'New York', -74.0, 0)"},
		{"DataSetIdentifier": "sales", "Name": "county", "Expression": "ifelse({city} = 'Chicago', 'Cook', {city} = 'Seattle', 'King', {city} = 'Houston', 'Harris', {city} = 'Austin', 'Travis', 'New York')"},
		{"DataSetIdentifier": "sales", "Name": "state", "Expression": "ifelse({city} = 'Chicago', 'IL', {city} = 'Seattle', 'WA', {city} = 'Houston', 'TX', {city} = 'Austin', 'TX', 'NY')"}]`
	ctx := context.Background()
	for _, name := range []string{"bar", "filled-map", "points-map", "city-map", "county-map"} {
		def, err := definition.Parse([]byte(fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}], "CalculatedFields": %s,
			"Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [%s]}]}`, arn, calc, visuals[name])))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				view := viewer.New(def, nil, time.Time{})
				view.SetGeoRoles(roles)
				s := view.RenderSheet(ctx, "s", run, 1)
				if t := s.Tiles[0]; t.Kind != viewer.TileChart {
					b.Fatalf("%s: %s %s", name, t.Kind, t.Message)
				}
			}
		})
	}
}
