package viewer_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/staticfile"
	"github.com/sightglass/sightglass/internal/viewer"
)

// layerFile writes a GeoJSON file of n polygons of k vertices each (a
// county map's size: 3,000 shapes of 40 points, about 2.5 MB), keyed by
// "name": the sample's countries name the first ones.
func layerFile(b *testing.B, dir string, countries []string, n, k int) {
	b.Helper()
	var sb strings.Builder
	sb.WriteString(`{"type": "FeatureCollection", "features": [`)
	for i := range n {
		name := fmt.Sprintf("shape %d", i)
		if i < len(countries) {
			name = countries[i]
		}
		if i > 0 {
			sb.WriteByte(',')
		}
		cx, cy := float64(i%60)*5-150, float64(i/60)*3-75
		fmt.Fprintf(&sb, `{"type": "Feature", "properties": {"name": %q}, "geometry": {"type": "Polygon", "coordinates": [[`, name)
		for j := 0; j <= k; j++ {
			a := 2 * math.Pi * float64(j%k) / float64(k)
			if j > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, "[%.6f,%.6f]", cx+2*math.Cos(a), cy+1.2*math.Sin(a))
		}
		sb.WriteString(`]]}}`)
	}
	sb.WriteString(`]}`)
	if err := os.MkdirAll(filepath.Join(dir, "maps"), 0o700); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "maps", "shapes.json"), []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLayerMap times the server side of a layer map of revenue by
// country over a 3,000-shape GeoJSON file (read from --static-files-dir)
// on the 100,000-row sample, uncached: its first draw (the file parsed)
// and the next ones (the parsed file kept), against a filled map of
// revenue by country in the same run.
func BenchmarkLayerMap(b *testing.B) {
	v, run := sampleApp(b, false)
	arn := v.Definition().DataSetARNs()[0]
	dir := b.TempDir()
	layerFile(b, dir, []string{"Argentina", "Australia", "Brazil", "Canada", "China", "France", "Germany", "India", "Japan", "Mexico", "Singapore", "United Kingdom", "United States"}, 3000, 40)
	files := staticfile.New(nil, dir)
	revenue := `{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}`
	country := `{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "country"}}}`
	visuals := map[string]string{
		"filled-map": `{"FilledMapVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {"Geospatial": [` + country + `], "Values": [` + revenue + `]}}}}}`,
		"layer-map": `{"LayerMapVisual": {"VisualId": "v", "DataSetIdentifier": "sales", "ChartConfiguration": {"MapLayers": [{"LayerId": "l", "LayerType": "POLYGON",
			"DataSource": {"StaticFileDataSource": {"StaticFileId": "f"}},
			"JoinDefinition": {"ShapeKeyField": "name", "DatasetKeyField": {"FieldId": "k", "Column": {"DataSetIdentifier": "sales", "ColumnName": "country"}},
			  "ColorField": {"ColorValuesFields": [` + revenue + `]}},
			"LayerDefinition": {"PolygonLayer": {"Style": {"PolygonSymbolStyle": {"FillColor": {"Gradient": {"StepColors": [{"Color": "#FFFFFF", "DataValue": 0}, {"Color": "#0000FF", "DataValue": 3000000}]}}}}}}}]}}}`,
	}
	roles := func(context.Context, string) (map[string]string, error) {
		return map[string]string{"country": "COUNTRY"}, nil
	}
	ctx := context.Background()
	for _, c := range []struct {
		name, visual string
		cold         bool
	}{{"filled-map", "filled-map", false}, {"layer-map-first", "layer-map", true}, {"layer-map", "layer-map", false}} {
		def, err := definition.Parse([]byte(fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
			"StaticFiles": [{"SpatialStaticFile": {"StaticFileId": "f", "Source": {"S3Options": {"BucketName": "maps", "ObjectKey": "shapes.json", "Region": "us-east-1"}}}}],
			"Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [%s]}]}`, arn, visuals[c.visual])))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				if c.cold {
					viewer.ForgetLayerShapes()
				}
				view := viewer.New(def, nil, time.Time{})
				view.SetGeoRoles(roles)
				view.SetStaticFiles(files)
				s := view.RenderSheet(ctx, "s", run, 1)
				if t := s.Tiles[0]; t.Kind != viewer.TileChart {
					b.Fatalf("%s: %s %s", c.name, t.Kind, t.Message)
				}
			}
		})
	}
}
