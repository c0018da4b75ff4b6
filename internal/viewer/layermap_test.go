package viewer

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/staticfile"
)

// layerGeoJSON has three keyed squares (A, B, C), one square without the
// key, a line and a point (keyed A).
const layerGeoJSON = `{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"code": "A"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,1],[0,0]]]}},
 {"type": "Feature", "properties": {"code": "B"}, "geometry": {"type": "Polygon", "coordinates": [[[2,0],[3,0],[3,1],[2,1],[2,0]]]}},
 {"type": "Feature", "properties": {"code": "C"}, "geometry": {"type": "MultiPolygon", "coordinates": [[[[4,0],[5,0],[5,1],[4,1],[4,0]]]]}},
 {"type": "Feature", "properties": {"other": 1}, "geometry": {"type": "Polygon", "coordinates": [[[6,0],[7,0],[7,1],[6,1],[6,0]]]}},
 {"type": "Feature", "properties": {"code": 7}, "geometry": {"type": "LineString", "coordinates": [[0,2],[7,3]]}},
 {"type": "Feature", "properties": {"code": "A"}, "geometry": {"type": "Point", "coordinates": [0.5,-1]}}
]}`

func layerMapDef(t *testing.T, source, layer string) *definition.Definition {
	t.Helper()
	def, err := definition.Parse([]byte(`{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "StaticFiles": [{"SpatialStaticFile": {"StaticFileId": "shapes", "Source": ` + source + `}}],
 "Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [
  {"LayerMapVisual": {"VisualId": "lm", "DataSetIdentifier": "sales", "ChartConfiguration": {
    "MapStyle": {"BaseMapVisibility": "HIDDEN", "BackgroundColor": "#FAFAFA"},
    "MapLayers": [` + layer + `]}}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return def
}

const joinedLayer = `{"LayerId": "regions", "Label": "Regions", "LayerType": "POLYGON",
 "DataSource": {"StaticFileDataSource": {"StaticFileId": "shapes"}},
 "JoinDefinition": {"ShapeKeyField": "code",
   "DatasetKeyField": {"FieldId": "k", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}},
   "ColorField": {"ColorValuesFields": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}},
 "LayerDefinition": {"PolygonLayer": {"Style": {"PolygonSymbolStyle": {
   "FillColor": {"Gradient": {"StepColors": [{"Color": "#000000", "DataValue": 0}, {"Color": "#FF0000", "DataValue": 100}],
     "NullDataVisibility": "VISIBLE", "NullDataSettings": {"SymbolStyle": {"FillColor": "#EEEEEE", "StrokeColor": "#999999"}}}},
   "StrokeColor": {"Solid": {"Color": "#333333"}}, "StrokeWidth": {"LineWidth": 2}}}}}}`

func layerTile(t *testing.T, def *definition.Definition, r *staticfile.Reader, rows [][]any) (*Tile, *query.Question) {
	t.Helper()
	v := New(def, nil, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	v.SetStaticFiles(r)
	var asked *query.Question
	s := v.RenderSheet(context.Background(), "s", func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		asked = q
		return &Result{Columns: []query.ResultColumn{{ID: "k", Role: "DIMENSION", Type: "STRING"}, {ID: "rev", Role: "MEASURE", Type: "DECIMAL"}}, Rows: rows}, nil
	}, 0)
	return s.Tiles[0], asked
}

func loopbackReader(t *testing.T, body string) (*staticfile.Reader, string) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/shapes.geojson" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	hosts, err := source.ParseHostPolicy("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	return staticfile.New(hosts, ""), srv.URL
}

// A joined polygon layer: each shape with a row is colored along the
// gradient by its sum, a shape without a row (C) and one without the key
// in the null-data style; a row whose key no shape has is named in the
// note; the line and point of the file are drawn in the layer's style.
func TestLayerMapJoined(t *testing.T) {
	r, base := loopbackReader(t, layerGeoJSON)
	def := layerMapDef(t, `{"UrlOptions": {"Url": "`+base+`/shapes.geojson"}}`, joinedLayer)
	tile, q := layerTile(t, def, r, [][]any{{"A", 25.0}, {"B", 100.0}, {"Z", 5.0}, {"7", 50.0}})
	if tile.Kind != TileChart {
		t.Fatalf("tile %s: %s", tile.Kind, tile.Message)
	}
	wantEq(t, "question", [2]any{q.Dimensions[0].Field, q.Measures[0].Field}, [2]any{"region", "revenue"})
	wantEq(t, "note", tile.Message, `1 of 4 values matched no shape of the layer "Regions": Z.`)
	var opt struct {
		SgMap struct {
			Name string
			Geo  struct {
				Features []struct{ Properties struct{ Name string } }
			}
		}
		SgTips map[string]string
		Geo    struct {
			BoundingCoords [][]float64
			Regions        []struct {
				Name      string
				ItemStyle map[string]any
			}
		}
		Series []struct {
			Type string
			Data []struct {
				Name      string
				Value     []float64
				ItemStyle map[string]any
			}
		}
		BackgroundColor string
	}
	if err := json.Unmarshal([]byte(tile.Chart), &opt); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(opt.SgMap.Name, "sg-layer-") || len(opt.SgMap.Geo.Features) != 5 {
		t.Errorf("shapes %s: %d features", opt.SgMap.Name, len(opt.SgMap.Geo.Features))
	}
	fills := map[string]any{}
	for _, rg := range opt.Geo.Regions {
		fills[rg.Name] = rg.ItemStyle["areaColor"]
	}
	// A 25 of 0..100 black to red; B the top; C no row, the 4th no key: null;
	// the line (key 7, 50) half way.
	wantEq(t, "fills", fills, map[string]any{"0.0": "#400000", "0.1": "#ff0000", "0.2": "#EEEEEE", "0.3": "#EEEEEE", "0.4": "#800000"})
	wantEq(t, "null stroke", opt.Geo.Regions[2].ItemStyle["borderColor"], "#999999")
	wantEq(t, "stroke", opt.Geo.Regions[0].ItemStyle["borderColor"], "#333333")
	wantEq(t, "tip", opt.SgTips["0.0"], "Regions\nregion: A\nSum of revenue: 25")
	wantEq(t, "bounds", opt.Geo.BoundingCoords, [][]float64{{0, 3}, {7, -1}})
	if len(opt.Series) != 1 || len(opt.Series[0].Data) != 1 || opt.Series[0].Data[0].ItemStyle["color"] != "#400000" {
		t.Errorf("points %+v", opt.Series)
	}
	wantEq(t, "background", opt.BackgroundColor, "#FAFAFA")
	// The legend: the gradient from its lowest step to its highest, titled
	// by the color field, its ends in the field's format.
	for _, want := range []string{`"colorStops":[{"color":"#000000","offset":0},{"color":"#FF0000","offset":1}]`, `"text":"Sum of revenue"`, `"text":"0"`, `"text":"100"`} {
		if !strings.Contains(tile.Chart, want) {
			t.Errorf("legend lacks %s", want)
		}
	}

	// Hidden null data: C and the unkeyed square are not drawn.
	hidden := layerMapDef(t, `{"UrlOptions": {"Url": "`+base+`/shapes.geojson"}}`, strings.Replace(joinedLayer, `"NullDataVisibility": "VISIBLE"`, `"NullDataVisibility": "HIDDEN"`, 1))
	tile, _ = layerTile(t, hidden, r, [][]any{{"A", 25.0}})
	if strings.Contains(tile.Chart, `"sgTips":{}`) {
		t.Error("a layer with tooltips shown has none")
	}
	noTips := layerMapDef(t, `{"UrlOptions": {"Url": "`+base+`/shapes.geojson"}}`, strings.Replace(joinedLayer, `"LayerId": "regions",`, `"LayerId": "regions", "Tooltip": {"TooltipVisibility": "HIDDEN"},`, 1))
	if tl, _ := layerTile(t, noTips, r, [][]any{{"A", 25.0}}); !strings.Contains(tl.Chart, `"sgTips":{}`) {
		t.Errorf("hidden tooltips shown: %s", tl.Chart)
	}
	if !strings.Contains(tile.Chart, `{"itemStyle":{"opacity":0},"name":"0.2","silent":true,"tooltip":{"show":false}}`) {
		t.Errorf("hidden null shape in %s", tile.Chart)
	}
}

// Where a file cannot be read the layer map says which file and why: a
// host not on the list, a URL not answering, an S3 object outside the
// directory, a file that is not GeoJSON, a static file not declared.
func TestLayerMapRefusals(t *testing.T) {
	r, base := loopbackReader(t, layerGeoJSON)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "maps", "v1"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "maps", "v1", "shapes.json"), []byte(layerGeoJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "maps", "bad.json"), []byte(`{"type": "Topology"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	s3 := staticfile.New(nil, dir)
	rows := [][]any{{"A", 1.0}}
	for _, c := range []struct {
		name, source string
		r            *staticfile.Reader
		kind, msg    string
	}{
		{"no reader", `{"UrlOptions": {"Url": "` + base + `/shapes.geojson"}}`, nil, TileUnsupported, `this server fetches no static files from URLs`},
		{"host", `{"UrlOptions": {"Url": "http://127.0.0.2:1/shapes.geojson"}}`, r, TileUnsupported, `the host 127.0.0.2:1 is not on the server's --static-file-hosts list`},
		{"status", `{"UrlOptions": {"Url": "` + base + `/missing"}}`, r, TileUnsupported, `answered 404 Not Found`},
		{"scheme", `{"UrlOptions": {"Url": "file:///etc/passwd"}}`, r, TileUnsupported, `the URL's scheme "file" is not http or https`},
		{"s3 ok", `{"S3Options": {"BucketName": "maps", "ObjectKey": "v1/shapes.json", "Region": "us-east-1"}}`, s3, TileChart, ``},
		{"s3 no dir", `{"S3Options": {"BucketName": "maps", "ObjectKey": "v1/shapes.json", "Region": "us-east-1"}}`, r, TileUnsupported, `this server reads no S3 objects`},
		{"s3 escape", `{"S3Options": {"BucketName": "maps", "ObjectKey": "../../etc/passwd", "Region": "us-east-1"}}`, s3, TileUnsupported, `leaves its bucket`},
		{"s3 missing", `{"S3Options": {"BucketName": "maps", "ObjectKey": "nope.json", "Region": "us-east-1"}}`, s3, TileUnsupported, `s3://maps/nope.json is not in the server's --static-files-dir`},
		{"not geojson", `{"S3Options": {"BucketName": "maps", "ObjectKey": "bad.json", "Region": "us-east-1"}}`, s3, TileUnsupported, `it is not a GeoJSON FeatureCollection`},
	} {
		t.Run(c.name, func(t *testing.T) {
			tile, _ := layerTile(t, layerMapDef(t, c.source, joinedLayer), c.r, rows)
			if tile.Kind != c.kind || !strings.Contains(tile.Message, c.msg) {
				t.Errorf("%s: %q, want %s containing %q", tile.Kind, tile.Message, c.kind, c.msg)
			}
		})
	}
	undeclared := layerMapDef(t, `{"UrlOptions": {"Url": "`+base+`/shapes.geojson"}}`, strings.Replace(joinedLayer, `"StaticFileId": "shapes"`, `"StaticFileId": "other"`, 1))
	tile, _ := layerTile(t, undeclared, r, rows)
	wantEq(t, "undeclared", [2]string{tile.Kind, tile.Message}, [2]string{TileError, `The layer "Regions" names the static file "other", which the definition's StaticFiles do not declare as a spatial file.`})
}

// The reviewer's cases: two rows of one key are refused (not a crash);
// more layers than maxLayers are refused before any file is read; a
// categorical color matches the value itself (1000, not "1,000") and
// names the values it has no color for; a gradient over a dimension is
// refused.
func TestLayerMapJoinEdges(t *testing.T) {
	r, base := loopbackReader(t, layerGeoJSON)
	src := `{"UrlOptions": {"Url": "` + base + `/shapes.geojson"}}`
	tile, _ := layerTile(t, layerMapDef(t, src, joinedLayer), r, [][]any{{"A", 1.0}, {"A", 2.0}})
	wantEq(t, "duplicate", tile.Message, `Layer map cannot be drawn: the layer "Regions" has several rows for the key "A" of its dataset key field "region".`)

	many := strings.TrimSuffix(strings.Repeat(joinedLayer+",", maxLayers+1), ",")
	tile, _ = layerTile(t, layerMapDef(t, src, many), r, nil)
	wantEq(t, "layers", tile.Message, "Layer map cannot be drawn: it shows 11 layers, more than the 10 Sightglass draws in one visual.")

	categorical := strings.Replace(joinedLayer, `"FillColor": {"Gradient": {"StepColors": [{"Color": "#000000", "DataValue": 0}, {"Color": "#FF0000", "DataValue": 100}],
     "NullDataVisibility": "VISIBLE",`, `"FillColor": {"Categorical": {"CategoryDataColors": [{"Color": "#00FF00", "DataValue": "1000"}], "NullDataVisibility": "VISIBLE",`, 1)
	tile, _ = layerTile(t, layerMapDef(t, src, categorical), r, [][]any{{"A", int64(1000)}, {"B", 2.5}})
	if !strings.Contains(tile.Chart, `"areaColor":"#00FF00"`) {
		t.Errorf("1000 not green: %s", tile.Chart)
	}
	wantEq(t, "unlisted", tile.Message, `The layer "Regions" has no categorical color for 2.5: drawn in its default color.`)

	byDim := strings.Replace(joinedLayer, `"ColorField": {"ColorValuesFields": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}`,
		`"ColorField": {"ColorDimensionsFields": [{"CategoricalDimensionField": {"FieldId": "seg", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]}`, 1)
	tile, _ = layerTile(t, layerMapDef(t, src, byDim), r, nil)
	wantEq(t, "gradient by dimension", tile.Message, `Layer map cannot be drawn: the layer "Regions" has a gradient color over the dimension "segment" (a gradient needs a measure).`)
}

// The base map is the countries' outlines in the style's gray; a style
// that needs map tiles is drawn so and says it; hidden is hidden.
func TestLayerBaseMap(t *testing.T) {
	if regionSets()["COUNTRY"] == nil {
		t.Fatal("the map boundaries are not built: run make web")
	}
	var c definition.GeospatialLayerMapConfiguration
	if err := json.Unmarshal([]byte(`{"MapStyle": {"BaseMapStyle": "STREET"}}`), &c); err != nil {
		t.Fatal(err)
	}
	b := baseMapOf(&c)
	wantEq(t, "street", [3]any{b.visible, b.land, b.note}, [3]any{true, "#eef1f4", "The base map is drawn as country outlines: Sightglass has no street map tiles."})
	c.MapStyle.BaseMapStyle = "DARK_GRAY"
	b = baseMapOf(&c)
	wantEq(t, "dark", [3]any{b.land, b.background, b.note}, [3]any{"#4a4f55", "#2f3337", ""})
	c.MapStyle.BaseMapVisibility = "HIDDEN"
	wantEq(t, "hidden", baseMapOf(&c).visible, false)
	c.MapStyle = nil
	if b := baseMapOf(&c); !b.visible || !strings.HasPrefix(b.url, "/static/geo-world.json?v=") {
		t.Errorf("default base %+v", b)
	}
}

// The legend of categorical colors shows their swatches; a hidden Legend
// draws none.
func TestLayerLegend(t *testing.T) {
	r, base := loopbackReader(t, layerGeoJSON)
	categorical := strings.Replace(joinedLayer, `"FillColor": {"Gradient": {"StepColors": [{"Color": "#000000", "DataValue": 0}, {"Color": "#FF0000", "DataValue": 100}],
     "NullDataVisibility": "VISIBLE",`, `"FillColor": {"Categorical": {"CategoryDataColors": [{"Color": "#00FF00", "DataValue": "1000"}], "NullDataVisibility": "VISIBLE",`, 1)
	def := layerMapDef(t, `{"UrlOptions": {"Url": "`+base+`/shapes.geojson"}}`, categorical)
	tile, _ := layerTile(t, def, r, [][]any{{"A", int64(1000)}})
	for _, want := range []string{`"style":{"fill":"#00FF00"}`, `"text":"1000"`, `"text":"Sum of revenue"`} {
		if !strings.Contains(tile.Chart, want) {
			t.Errorf("categorical legend lacks %s", want)
		}
	}
	lm := def.Sheets[0].Visuals[0].LayerMapVisual
	lm.ChartConfiguration.Legend = json.RawMessage(`{"Visibility": "HIDDEN"}`)
	tile, _ = layerTile(t, def, r, [][]any{{"A", int64(1000)}})
	if strings.Contains(tile.Chart, `"graphic"`) {
		t.Error("a hidden legend is drawn")
	}
}
