package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/server"
)

// withStaticFileHosts sets the hosts static files may be fetched from.
func withStaticFileHosts(list string) option {
	return func(cfg *server.Config, _ *testServer) { cfg.StaticFileHosts = list }
}

// countrySquares is a GeoJSON file of one square per country (keyed by
// its "name" property), plus a country no order has.
func countrySquares(countries []string) []byte {
	var feats []string
	for i, c := range append(countries, "Atlantis") {
		x := float64(i * 3)
		feats = append(feats, fmt.Sprintf(`{"type": "Feature", "properties": {"name": %q}, "geometry": {"type": "Polygon", "coordinates": [[[%v,0],[%v,0],[%v,2],[%v,2],[%v,0]]]}}`, c, x, x+2, x+2, x, x))
	}
	return []byte(`{"type": "FeatureCollection", "features": [` + strings.Join(feats, ",") + `]}`)
}

// layerMapVisual is a layer map whose one polygon layer (the static file
// "squares") joins the squares' names to country and shades them from
// white to blue by revenue from lo to hi.
func layerMapVisual(id string, lo, hi float64) string {
	return fmt.Sprintf(`{"LayerMapVisual": {"VisualId": %q, "DataSetIdentifier": "geo", "ChartConfiguration": {
	  "MapStyle": {"BaseMapVisibility": "HIDDEN"},
	  "MapLayers": [{"LayerId": "countries", "Label": "Countries", "LayerType": "POLYGON",
	    "DataSource": {"StaticFileDataSource": {"StaticFileId": "squares"}},
	    "JoinDefinition": {"ShapeKeyField": "name",
	      "DatasetKeyField": {"FieldId": "k", "Column": {"DataSetIdentifier": "geo", "ColumnName": "country"}},
	      "ColorField": {"ColorValuesFields": [%s]}},
	    "LayerDefinition": {"PolygonLayer": {"Style": {"PolygonSymbolStyle": {
	      "FillColor": {"Gradient": {"StepColors": [{"Color": "#FFFFFF", "DataValue": %v}, {"Color": "#0000FF", "DataValue": %v}],
	        "NullDataVisibility": "VISIBLE", "NullDataSettings": {"SymbolStyle": {"FillColor": "#CCCCCC"}}}}}}}}}]}}}`,
		id, geoSum("rev", "revenue"), lo, hi)
}

// TestViewerLayerMap draws a layer map of revenue by country over a
// GeoJSON file served on loopback (a host on --static-file-hosts): each
// country's square is shaded by its revenue as SQL sums it, the square
// without orders in the null-data style, and the country without a
// square named in the note. The same file on a host not on the list is
// refused by name.
func TestViewerLayerMap(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows), withStaticFileHosts("127.0.0.1"))
	sums := map[string]float64{}
	for _, r := range sqlRows(t, ts, "SELECT country, sum(revenue) FROM orders GROUP BY 1") {
		sums[r[0].(string)] = asFloat(r[1])
	}
	var countries []string
	lo, hi := math.Inf(1), math.Inf(-1)
	for c, s := range sums {
		countries = append(countries, c)
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	sort.Strings(countries)
	missing := countries[len(countries)-1] // no square: named in the note
	file := countrySquares(countries[:len(countries)-1])
	files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/geo+json")
		w.Write(file)
	}))
	defer files.Close()
	staticFiles := func(url string) func(*types.DashboardVersionDefinition) {
		return func(d *types.DashboardVersionDefinition) {
			var sf []types.StaticFile
			decodeStrict(t, []byte(`[{"SpatialStaticFile": {"StaticFileId": "squares", "Source": {"UrlOptions": {"Url": "`+url+`"}}}}]`), &sf)
			d.StaticFiles = sf
		}
	}
	body := mapsDashboardWith(t, ts, staticFiles(files.URL+"/squares.geojson"), layerMapVisual("layers", lo, hi))

	o := rawChart(t, body, "layers")
	tips := o["sgTips"].(map[string]any)
	fills := map[string]string{}
	for _, r := range o["geo"].(map[string]any)["regions"].([]any) {
		rg := r.(map[string]any)
		fills[rg["name"].(string)] = rg["itemStyle"].(map[string]any)["areaColor"].(string)
	}
	for i, c := range append(countries[:len(countries)-1], "Atlantis") {
		id := fmt.Sprintf("0.%d", i)
		s, has := sums[c]
		want, wantTip := "#CCCCCC", "Countries\n"+c
		if has {
			f := (s - lo) / (hi - lo)
			want = fmt.Sprintf("#%02x%02xff", int(math.Round(255-255*f)), int(math.Round(255-255*f)))
			wantTip = fmt.Sprintf("Countries\ncountry: %s\nSum of revenue: %s", c, formatThousands(s))
		}
		if fills[id] != want {
			t.Errorf("%s (%v of %v..%v): fill %s, want %s", c, s, lo, hi, fills[id], want)
		}
		if tips[id] != wantTip {
			t.Errorf("%s: tip %q, want %q", c, tips[id], wantTip)
		}
	}
	if note := tileNote(t, body, "layers"); note != fmt.Sprintf("1 of %d values matched no shape of the layer \"Countries\": %s.", len(countries), missing) {
		t.Errorf("note %q", note)
	}
	var geo struct{ Features []json.RawMessage }
	b, _ := json.Marshal(o["sgMap"].(map[string]any)["geo"])
	must(t, json.Unmarshal(b, &geo))
	if len(geo.Features) != len(countries) {
		t.Errorf("%d shapes sent, want %d", len(geo.Features), len(countries))
	}

	// The same definition as an analysis: the editor shows the layer map
	// as the viewer draws it (the editor has no wells for it).
	c := ts.adminClient()
	out, err := c.DescribeDashboardDefinition(t.Context(), &quicksight.DescribeDashboardDefinitionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("maps")})
	must(t, err)
	var def types.AnalysisDefinition
	raw, err := json.Marshal(out.Definition)
	must(t, err)
	decodeStrict(t, raw, &def)
	_, err = c.CreateAnalysis(t.Context(), &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("layers"), Name: aws.String("Layers"),
		Definition: &def, Permissions: ownerPermissions("admin", analysisOwnerActions...)})
	must(t, err)
	if an := waitAnalysis(t, c, "layers"); an.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("analysis %s: %v", an.Status, an.Errors)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/analyses/layers"), -1)
	if p.Status != 200 {
		t.Fatalf("editor: %d", p.Status)
	}
	if e := rawChart(t, p.Body, "layers"); len(e["sgTips"].(map[string]any)) != len(tips) {
		t.Errorf("editor's layer map: %d tooltips, want %d", len(e["sgTips"].(map[string]any)), len(tips))
	}
}

// TestViewerLayerMapHostRefused: a layer map whose file is on a host the
// server may not fetch from says so, and draws nothing.
func TestViewerLayerMapHostRefused(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(countrySquares(nil)) }))
	defer files.Close()
	body := mapsDashboardWith(t, ts, func(d *types.DashboardVersionDefinition) {
		var sf []types.StaticFile
		decodeStrict(t, []byte(`[{"SpatialStaticFile": {"StaticFileId": "squares", "Source": {"UrlOptions": {"Url": "`+files.URL+`/x.geojson"}}}}]`), &sf)
		d.StaticFiles = sf
	}, layerMapVisual("layers", 0, 1))
	kind, msg := tileKind(t, body, "layers")
	host := strings.TrimPrefix(files.URL, "http://")
	if want := `Layer map cannot be drawn: the layer "Countries" cannot read its file "squares": this server fetches no static files from URLs (the host ` + host + ` is not on its --static-file-hosts list).`; kind != "unsupported" || msg != want {
		t.Errorf("%s: %q\nwant %q", kind, msg, want)
	}
}
