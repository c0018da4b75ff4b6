package viewer

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// highchartsDef is a sheet with one Highcharts visual over "sales": the
// given field wells, sort and chart code.
func highchartsDef(t *testing.T, wells, sort, code string) *definition.Definition {
	t.Helper()
	codeJSON, _ := json.Marshal(code)
	def, err := definition.Parse([]byte(`{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "FilterGroups": [{"FilterGroupId": "fg", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED",
   "ScopeConfiguration": {"SelectedSheets": {"SheetVisualScopingConfigurations": [{"SheetId": "s", "Scope": "ALL_VISUALS"}]}},
   "Filters": [{"CategoryFilter": {"FilterId": "f", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"},
     "Configuration": {"FilterListConfiguration": {"MatchOperator": "CONTAINS", "CategoryValues": ["East"]}}}}]}],
 "Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [
  {"PluginVisual": {"VisualId": "hc", "PluginArn": "arn:aws:quicksight::aws:visualplugin/highcharts/alias/V1",
   "ChartConfiguration": {"FieldWells": ` + wells + `, ` + sort + `
     "VisualOptions": {"VisualProperties": [{"Name": "codeEditor", "Value": ` + string(codeJSON) + `}]}}}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return def
}

const hcWells = `[{"AxisName": "GROUP_BY", "Dimensions": [{"CategoricalDimensionField": {"FieldId": "p", "Column": {"DataSetIdentifier": "sales", "ColumnName": "product"}}}]},
 {"AxisName": "VALUE", "Measures": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
   "AggregationFunction": {"SimpleNumericalAggregation": "SUM"},
   "FormatConfiguration": {"FormatConfiguration": {"CurrencyDisplayFormatConfiguration": {"Symbol": "USD", "DecimalPlacesConfiguration": {"DecimalPlaces": 0}}}}}}]}]`

// hcTile draws the visual over rows of (product, revenue).
func hcTile(t *testing.T, def *definition.Definition, rows [][]any) (*Tile, *query.Question, map[string]any) {
	t.Helper()
	v := New(def, nil, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	var asked *query.Question
	s := v.RenderSheet(context.Background(), "s", func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		asked = q
		cols := []query.ResultColumn{{ID: "p", Role: "DIMENSION", Type: "STRING"}, {ID: "rev", Role: "MEASURE", Type: "DECIMAL"}}
		if len(q.Measures) > 0 && q.Measures[0].ID == recordsID {
			cols[1] = query.ResultColumn{ID: recordsID, Role: "MEASURE", Type: "INTEGER"}
		}
		return &Result{Columns: cols, Rows: rows}, nil
	}, 0)
	tile := s.Tiles[0]
	var opt map[string]any
	if tile.Chart != "" {
		if err := json.Unmarshal([]byte(tile.Chart), &opt); err != nil {
			t.Fatal(err)
		}
	}
	return tile, asked, opt
}

// TestHighchartsLipstick draws the user guide's lipstick chart: the
// categories and values are the answer's, asked with the visual's filter,
// sort and data point limit.
func TestHighchartsLipstick(t *testing.T) {
	code := `{
  "xAxis": {"categories": ["getColumn", 0]},
  "yAxis": {"min": 0, "title": {"text": "Amount ($)"}},
  "tooltip": {"headerFormat": "<span style='font-size:10px'>{point.key}</span><table>", "shared": true, "useHTML": true},
  "plotOptions": {"column": {"borderWidth": 0, "grouping": false, "shadow": false}},
  "series": [
    {"type": "column", "name": "Current Year Sales", "color": "rgba(124,181,236,1)", "data": ["getColumn", 1], "pointPadding": 0.3, "pointPlacement": 0.0},
    {"type": "column", "name": "Labelled", "data": ["map", ["getColumn", 1], ["/", ["item"], 2]],
     "dataLabels": {"enabled": true, "formatter": ["formatValue", "y", 1]}}
  ]
}`
	sort := `"SortConfiguration": {"PluginVisualTableQuerySort": {"RowSort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "ItemsLimitConfiguration": {"ItemsLimit": 2}}},`
	tile, q, opt := hcTile(t, highchartsDef(t, hcWells, sort, code), [][]any{{"Phone", 1234.5}, {"Desk", 99.0}})
	if tile.Kind != TileChart {
		t.Fatalf("tile %s: %s", tile.Kind, tile.Message)
	}
	if len(q.Dimensions) != 1 || q.Dimensions[0].Field != "product" || len(q.Measures) != 1 || q.Measures[0].Aggregation != query.Sum {
		t.Errorf("question: %+v", q)
	}
	if q.Limit != 2 || len(q.Sort) != 1 || q.Sort[0].ID != "rev" || !q.Sort[0].Descending {
		t.Errorf("limit %d, sort %+v", q.Limit, q.Sort)
	}
	if len(q.Filters) != 1 {
		t.Errorf("the sheet's filter is not asked: %+v", q.Filters)
	}
	x := opt["xAxis"].([]any)[0].(map[string]any)
	wantEq(t, "categories", x["data"], []any{"Phone", "Desk"})
	series := opt["series"].([]any)
	first := series[0].(map[string]any)
	wantEq(t, "first series", first["data"], []any{map[string]any{"value": []any{0.0, 1234.5}}, map[string]any{"value": []any{1.0, 99.0}}})
	wantEq(t, "overlapping columns", first["barGap"], "-100%")
	wantEq(t, "series color", first["itemStyle"], map[string]any{"color": "rgba(124,181,236,1)"})
	second := series[1].(map[string]any)["data"].([]any)
	wantEq(t, "halved, labelled in the field's format", second[0], map[string]any{"value": []any{0.0, 617.25}, "label": map[string]any{"formatter": "$617"}})
	wantEq(t, "tooltip", opt["tooltip"].(map[string]any)["trigger"], "axis")
	y := opt["yAxis"].([]any)[0].(map[string]any)
	wantEq(t, "y axis", []any{y["name"], y["min"]}, []any{"Amount ($)", 0.0})
	notes := strings.Join(tile.Notes, " ")
	for _, want := range []string{"tooltip.headerFormat", "series[].pointPadding", "series[].pointPlacement", "plotOptions.column.borderWidth"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q do not name %s", notes, want)
		}
	}
}

// TestHighchartsCountsRecords: group-by fields without a value ask a
// count of records the chart code does not see.
func TestHighchartsCountsRecords(t *testing.T) {
	wells := `[{"AxisName": "GROUP_BY", "Dimensions": [{"CategoricalDimensionField": {"FieldId": "p", "Column": {"DataSetIdentifier": "sales", "ColumnName": "product"}}}]}]`
	code := `{"chart": {"type": "pie"}, "series": [{"name": "n", "data": ["map", ["getColumn", 0], {"name": ["item"], "y": 1}]}]}`
	tile, q, opt := hcTile(t, highchartsDef(t, wells, "", code), [][]any{{"Phone", 3}, {"Desk", 5}})
	if tile.Kind != TileChart {
		t.Fatalf("tile %s: %s", tile.Kind, tile.Message)
	}
	if len(q.Measures) != 1 || q.Measures[0].ID != recordsID {
		t.Errorf("measures %+v", q.Measures)
	}
	data := opt["series"].([]any)[0].(map[string]any)["data"].([]any)
	if len(data) != 2 || data[1].(map[string]any)["name"] != "Desk" {
		t.Errorf("pie data %v", data)
	}
	// getColumn 1 does not exist: the count is not the chart code's.
	tile, _, _ = hcTile(t, highchartsDef(t, wells, "", `{"series": [{"data": ["getColumn", 1]}]}`), [][]any{{"Phone", 3}})
	if tile.Kind != TileError || !strings.Contains(tile.Message, `["getColumn", 1]: the visual's field wells have 1 such columns`) {
		t.Errorf("tile %s: %s", tile.Kind, tile.Message)
	}
}

func TestHighchartsRefusals(t *testing.T) {
	cases := []struct{ wells, code, kind, want string }{
		{hcWells, ``, TileEmpty, "no chart code yet"},
		{hcWells, `{"chart": {"type": "errorbar"}, "series": [{"data": ["getColumn", 1]}]}`, TileUnsupported, "Highcharts errorbar series are not drawn by Sightglass (series 1)"},
		{hcWells, `{"chart": {"polar": true}, "series": [{"data": [1]}]}`, TileUnsupported, "polar charts"},
		{hcWells, `{"series": [{"data": ["toFixed", ["getColumn", 1], 2]}]}`, TileError, `"toFixed" is not one Sightglass knows`},
		{hcWells, `{"series": [{"keys": ["y", "x"], "data": [[1, 2]]}]}`, TileUnsupported, "series option keys"},
		{hcWells, `{"series": [{"stacking": "overlap", "data": [1]}]}`, TileUnsupported, `stacking "overlap"`},
		{hcWells, `{"series": [{"data": [1], }`, TileError, "not valid JSON"},
		{`[{"AxisName": "VALUE", "Unaggregated": [{"FieldId": "u", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}]}]`, `{"series": []}`, TileUnsupported, "unaggregated fields"},
	}
	for _, c := range cases {
		tile, _, _ := hcTile(t, highchartsDef(t, c.wells, "", c.code), [][]any{{"Phone", 1.0}})
		if tile.Kind != c.kind || !strings.Contains(tile.Message, c.want) {
			t.Errorf("%s: tile %s %q, want %s saying %q", c.code, tile.Kind, tile.Message, c.kind, c.want)
		}
	}
}

// TestHighchartsPercentStack: percent stacking draws shares of each
// category's total.
func TestHighchartsPercentStack(t *testing.T) {
	code := `{"chart": {"type": "column"}, "plotOptions": {"series": {"stacking": "percent"}},
	  "xAxis": {"categories": ["getColumn", 0]},
	  "series": [{"name": "a", "data": ["getColumn", 1]}, {"name": "b", "data": ["map", ["getColumn", 1], ["*", ["item"], 3]]}]}`
	tile, _, opt := hcTile(t, highchartsDef(t, hcWells, "", code), [][]any{{"Phone", 10.0}, {"Desk", 20.0}})
	if tile.Kind != TileChart {
		t.Fatalf("tile %s: %s", tile.Kind, tile.Message)
	}
	series := opt["series"].([]any)
	// Highcharts draws a stack's first series on top: ECharts' last.
	wantEq(t, "stack order", []any{series[0].(map[string]any)["name"], series[1].(map[string]any)["name"]}, []any{"b", "a"})
	a := series[1].(map[string]any)["data"].([]any)[0].(map[string]any)["value"].([]any)
	b := series[0].(map[string]any)["data"].([]any)[1].(map[string]any)["value"].([]any)
	wantEq(t, "a's share of Phone", a[1], 25.0)
	wantEq(t, "b's share of Desk", b[1], 75.0)
	y := opt["yAxis"].([]any)[0].(map[string]any)
	wantEq(t, "axis", []any{y["min"], y["max"]}, []any{0.0, 100.0})
}

// TestHighchartsThemeColors: getPaletteColor and getColorTheme read the
// content's theme (the console's own colors without one).
func TestHighchartsThemeColors(t *testing.T) {
	code := `{"chart": {"backgroundColor": ["getPaletteColor", "secondaryBackground"]}, "colors": ["getColorTheme"], "series": []}`
	def := highchartsDef(t, hcWells, "", code)
	for _, c := range []struct {
		theme      *Theme
		background string
		first      string
	}{{nil, "#f7f8fa", "#5470c6"}, {&Theme{Colors: []string{"#111111"}, UI: map[string]string{"SecondaryBackground": "#ABCDEF"}}, "#ABCDEF", "#111111"}} {
		v := New(def, nil, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
		v.SetTheme(c.theme)
		s := v.RenderSheet(context.Background(), "s", func(_ context.Context, _ string, q *query.Question) (*Result, error) {
			return &Result{Columns: []query.ResultColumn{{ID: "p", Role: "DIMENSION", Type: "STRING"}, {ID: "rev", Role: "MEASURE", Type: "DECIMAL"}}}, nil
		}, 0)
		var opt map[string]any
		if err := json.Unmarshal([]byte(s.Tiles[0].Chart), &opt); err != nil {
			t.Fatalf("%s %s", s.Tiles[0].Kind, s.Tiles[0].Message)
		}
		if opt["backgroundColor"] != c.background || opt["color"].([]any)[0] != c.first {
			t.Errorf("theme %v: background %v, colors %v", c.theme, opt["backgroundColor"], opt["color"])
		}
	}
}
