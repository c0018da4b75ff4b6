package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// highchartsVisual is a Highcharts visual over the "geo" dataset: the
// given group-by fields and values, and chart code.
func highchartsVisual(id, groupBy, values, sort, code string) string {
	codeJSON, _ := json.Marshal(code)
	return fmt.Sprintf(`{"PluginVisual": {"VisualId": %q, "PluginArn": "arn:aws:quicksight::aws:visualplugin/highcharts/alias/V1",
	  "Title": {"Visibility": "VISIBLE", "FormatText": {"PlainText": %q}},
	  "ChartConfiguration": {"FieldWells": [{"AxisName": "GROUP_BY", "Dimensions": [%s]}, {"AxisName": "VALUE", "Measures": [%s]}], %s
	    "VisualOptions": {"VisualProperties": [{"Name": "codeEditor", "Value": %s}]}}}}`, id, id, groupBy, values, sort, codeJSON)
}

// lipstickCode is the chart code of the user guide's lipstick chart (the
// Highcharts visual's own example), with this dataset's two measures.
const lipstickCode = `{
  "xAxis": {
    "categories": ["getColumn", 0]
  },
  "yAxis": {
    "min": 0,
    "title": {
      "text": "Amount ($)"
    }
  },
  "tooltip": {
    "headerFormat": "<span style='font-size:10px'>{point.key}</span><table>",
    "pointFormat": "<tr><td style='color:{series.color};padding:0'>{series.name}: </td><td style='padding:0'><b>${point.y:,.0f}</b></td></tr>",
    "footerFormat": "</table>",
    "shared": true,
    "useHTML": true
  },
  "plotOptions": {
    "column": {
      "borderWidth": 0,
      "grouping": false,
      "shadow": false
    }
  },
  "series": [
    {
      "type": "column",
      "name": "Current Year Sales",
      "color": "rgba(124,181,236,1)",
      "data": ["getColumn", 1],
      "pointPadding": 0.3,
      "pointPlacement": 0.0
    },
    {
      "type": "column",
      "name": "Average order",
      "data": ["getColumn", 2],
      "dataLabels": {"enabled": true, "format": "{point.y:,.1f}"}
    }
  ]
}`

// averageLineCode is a published chart code's pattern: a scatter of every
// row and a line of each category's average computed in the chart code
// (unique, filter, reduce over getColumn), with // comments.
const averageLineCode = `{
  "chart": {"type": "scatter"},
  "xAxis": {"type": "category", "categories": ["unique", ["getColumn", 0]]}, // segments
  "series": [
    {"name": "Cities", "type": "scatter",
     "data": ["map", ["getColumn", 0, 2], {"x": ["get", ["item"], 0], "y": ["get", ["item"], 1]}]},
    {"name": "Average", "type": "line",
     "data": ["map", ["unique", ["getColumn", 0]], {"y": ["/",
        ["reduce", ["filter", ["getColumn", 0, 2], ["==", ["get", ["item"], 0], ["item", 0]]], ["+", ["acc"], ["get", ["item"], 1]], 0],
        ["reduce", ["filter", ["getColumn", 0, 2], ["==", ["get", ["item"], 0], ["item", 0]]], ["+", ["acc"], 1], 0]]}]}
  ]
}`

// TestViewerHighcharts draws Highcharts visuals created through the SDK
// with STRICT validation: the user guide's lipstick chart of revenue by
// country (categories and both series equal SQL's sums and averages, in
// the row sort's order), a chart code computing averages itself (equal to
// SQL's averages of the cities' sums), and a pie whose slices are SQL's
// sums by segment; a packed bubble chart is refused by name.
func TestViewerHighcharts(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	avg := `{"NumericalMeasureField": {"FieldId": "avg", "Column": {"DataSetIdentifier": "geo", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}`
	sort := `"SortConfiguration": {"PluginVisualTableQuerySort": {"RowSort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "ItemsLimitConfiguration": {"ItemsLimit": 5}}},`
	pie := `{"chart": {"type": "pie"}, "series": [{"name": "Revenue", "innerSize": "50%",
	  "data": ["map", ["getColumn", 0, 1], {"name": ["get", ["item"], 0], "y": ["get", ["item"], 1]}],
	  "dataLabels": {"format": "{point.name}: {point.percentage:.1f}%"}}]}`
	body := mapsDashboardWith(t, ts, nil,
		highchartsVisual("lipstick", geoField("CategoricalDimensionField", "c", "country"), geoSum("rev", "revenue")+","+avg, sort, lipstickCode),
		highchartsVisual("averages", geoField("CategoricalDimensionField", "s", "segment")+","+geoField("CategoricalDimensionField", "ci", "city"), geoSum("rev", "revenue"), "", averageLineCode),
		highchartsVisual("segments", geoField("CategoricalDimensionField", "s", "segment"), geoSum("rev", "revenue"), "", pie),
		highchartsVisual("bubbles", geoField("CategoricalDimensionField", "s", "segment"), geoSum("rev", "revenue"), "",
			`{"chart": {"type": "packedbubble"}, "series": [{"data": ["map", ["getColumn", 0, 1], {"name": ["get", ["item"], 0], "value": ["get", ["item"], 1]}]}]}`),
		highchartsVisual("errors", geoField("CategoricalDimensionField", "s", "segment"), geoSum("rev", "revenue"), "", `{"chart": {"type": "errorbar"}, "series": [{"data": ["getColumn", 1]}]}`),
	)

	// The lipstick chart: the five countries of most revenue, in order.
	want := sqlRows(t, ts, "SELECT country, sum(revenue), avg(revenue) FROM orders GROUP BY 1 ORDER BY 2 DESC LIMIT 5")
	o := rawChart(t, body, "lipstick")
	cats := o["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
	series := o["series"].([]any)
	sums := series[0].(map[string]any)["data"].([]any)
	avgs := series[1].(map[string]any)["data"].([]any)
	if len(cats) != len(want) || len(sums) != len(want) || len(avgs) != len(want) {
		t.Fatalf("%d categories, %d and %d points; SQL has %d rows", len(cats), len(sums), len(avgs), len(want))
	}
	for i, r := range want {
		if cats[i] != r[0] {
			t.Errorf("category %d: %v, want %v", i, cats[i], r[0])
		}
		sum := sums[i].(map[string]any)["value"].([]any)
		if sum[0] != float64(i) || math.Abs(sum[1].(float64)-asFloat(r[1])) > 1e-6 {
			t.Errorf("%v: drawn %v, SQL's sum %v", r[0], sum, r[1])
		}
		a := avgs[i].(map[string]any)
		if v := a["value"].([]any)[1].(float64); math.Abs(v-asFloat(r[2])) > 0.005 { // sqlRows rounds to cents
			t.Errorf("%v: average %v, SQL's %v", r[0], v, r[2])
		}
		if lbl := a["label"].(map[string]any)["formatter"]; lbl != formatOneDecimal(a["value"].([]any)[1].(float64)) {
			t.Errorf("%v: label %v, want %s", r[0], lbl, formatOneDecimal(asFloat(r[2])))
		}
	}
	if note := tileNotes(t, body, "lipstick"); !strings.Contains(note, "Highcharts options not drawn by Sightglass: ") || !strings.Contains(note, "tooltip.pointFormat") {
		t.Errorf("lipstick notes %q", note)
	}

	// The chart code's own averages: each segment's average of its
	// cities' sums.
	seg := sqlRows(t, ts, "SELECT segment, avg(s) FROM (SELECT segment, city, sum(revenue) AS s FROM orders GROUP BY 1, 2) GROUP BY 1 ORDER BY 1")
	o = rawChart(t, body, "averages")
	cats = o["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
	line := o["series"].([]any)[1].(map[string]any)["data"].([]any)
	got := map[string]float64{}
	for i, c := range cats {
		got[c.(string)] = line[i].(map[string]any)["value"].([]any)[1].(float64)
	}
	for _, r := range seg {
		if g, ok := got[r[0].(string)]; !ok || math.Abs(g-asFloat(r[1])) > 0.005 {
			t.Errorf("segment %v: drawn average %v, SQL's %v", r[0], g, r[1])
		}
	}
	if len(got) != len(seg) {
		t.Errorf("%d segments drawn, SQL has %d", len(got), len(seg))
	}

	// The pie: a slice per segment, labelled with its share.
	shares := sqlRows(t, ts, "SELECT segment, sum(revenue), 100.0 * sum(revenue) / (SELECT sum(revenue) FROM orders) FROM orders GROUP BY 1")
	o = rawChart(t, body, "segments")
	slices := map[string]map[string]any{}
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		slices[d.(map[string]any)["name"].(string)] = d.(map[string]any)
	}
	for _, r := range shares {
		s := slices[r[0].(string)]
		if s == nil || math.Abs(s["value"].(float64)-asFloat(r[1])) > 1e-6 {
			t.Errorf("slice %v: %v, SQL's sum %v", r[0], s, r[1])
			continue
		}
		if lbl, want := s["label"].(map[string]any)["formatter"], fmt.Sprintf("%s: %.1f%%", r[0], asFloat(r[2])); lbl != want {
			t.Errorf("slice %v: label %v, want %s", r[0], lbl, want)
		}
	}

	// Packed bubbles: one per segment, its value SQL's sum.
	bubbles := map[string]any{}
	for _, n := range rawChart(t, body, "bubbles")["series"].([]any)[0].(map[string]any)["data"].([]any) {
		if n := n.(map[string]any); n["sgD"] != nil {
			bubbles[n["name"].(string)] = n["value"]
		}
	}
	segments := sqlRows(t, ts, "SELECT segment, sum(revenue) FROM orders GROUP BY 1")
	if len(bubbles) != len(segments) {
		t.Errorf("bubbles %v, want one per segment of %v", bubbles, segments)
	}
	for _, r := range segments {
		if got, ok := bubbles[fmt.Sprint(r[0])]; !ok || math.Abs(asFloat(got)-asFloat(r[1])) > 0.005 { // sqlRows rounds to cents
			t.Errorf("bubble %v: %v, SQL's sum %v", r[0], got, r[1])
		}
	}
	if kind, msg := tileKind(t, body, "errors"); kind != "unsupported" || msg != "Highcharts visual cannot be drawn: Highcharts errorbar series are not drawn by Sightglass (series 1)." {
		t.Errorf("error bars: %s %q", kind, msg)
	}

	// The same definition as an analysis: the editor draws the visuals as
	// the viewer does.
	c := ts.adminClient()
	out, err := c.DescribeDashboardDefinition(t.Context(), &quicksight.DescribeDashboardDefinitionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("maps")})
	must(t, err)
	var def types.AnalysisDefinition
	raw, err := json.Marshal(out.Definition)
	must(t, err)
	decodeStrict(t, raw, &def)
	_, err = c.CreateAnalysis(t.Context(), &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("hc"), Name: aws.String("Highcharts"),
		Definition: &def, Permissions: ownerPermissions("admin", analysisOwnerActions...)})
	must(t, err)
	if an := waitAnalysis(t, c, "hc"); an.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("analysis %s: %v", an.Status, an.Errors)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/analyses/hc"), -1)
	if p.Status != 200 {
		t.Fatalf("editor: %d", p.Status)
	}
	e := rawChart(t, p.Body, "lipstick")
	if got := e["series"].([]any)[0].(map[string]any)["data"].([]any); len(got) != len(want) {
		t.Errorf("editor's lipstick chart: %d columns, want %d", len(got), len(want))
	}
}

// formatOneDecimal writes a number as "{point.y:,.1f}" does.
func formatOneDecimal(f float64) string {
	s := fmt.Sprintf("%.1f", math.Round(f*10)/10)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String() + "." + frac
}

// tileNotes returns the notes under a tile, joined.
func tileNotes(t testing.TB, body, visualID string) string {
	t.Helper()
	tl := tile(t, body, visualID)
	var notes []string
	for {
		_, rest, ok := strings.Cut(tl, `<p class="meta tile-note">`)
		if !ok {
			return strings.Join(notes, " ")
		}
		note, after, _ := strings.Cut(rest, "</p>")
		notes = append(notes, note)
		tl = after
	}
}
