package viewer

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// A SmallMultiples field draws a panel per value (ascending, or as
// SmallMultiplesSort asks, at most SmallMultiplesLimitConfiguration's),
// each over its own rows, the value axes on one scale; a line chart's
// forecast (a model's) is said not drawn.
func TestSmallMultiplesAndForecasts(t *testing.T) {
	dim := func(id, col string) string {
		return `{"CategoricalDimensionField": {"FieldId": "` + id + `", "Column": {"DataSetIdentifier": "sales", "ColumnName": "` + col + `"}}}`
	}
	val := `{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}`
	def := `{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [
  {"BarChartVisual": {"VisualId": "bar", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [` + dim("p", "product") + `], "SmallMultiples": [` + dim("r", "region") + `], "Values": [` + val + `]}}}}},
  {"LineChartVisual": {"VisualId": "line", "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {"Category": [` + dim("p", "product") + `], "SmallMultiples": [` + dim("r", "region") + `], "Values": [` + val + `]}},
    "SortConfiguration": {"SmallMultiplesSort": [{"FieldSort": {"FieldId": "r", "Direction": "DESC"}}], "SmallMultiplesLimitConfiguration": {"ItemsLimit": 2}},
    "SmallMultiplesOptions": {"YAxis": {"Scale": "INDEPENDENT"}}}}},
  {"PieChartVisual": {"VisualId": "pie", "ChartConfiguration": {"FieldWells": {"PieChartAggregatedFieldWells": {"Category": [` + dim("p", "product") + `], "SmallMultiples": [` + dim("r", "region") + `], "Values": [` + val + `]}}}}},
  {"LineChartVisual": {"VisualId": "forecast", "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {"Category": [` + dim("p", "product") + `], "Values": [` + val + `]}},
    "ForecastConfigurations": [{"ForecastProperties": {"PeriodsForward": 3}}]}}}
 ]}]
}`
	d, err := definition.Parse([]byte(def))
	if err != nil {
		t.Fatal(err)
	}
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		res := &Result{}
		for _, dm := range q.Dimensions {
			res.Columns = append(res.Columns, query.ResultColumn{ID: dm.ID, Role: query.RoleDimension, Type: "STRING"})
		}
		for _, m := range q.Measures {
			res.Columns = append(res.Columns, query.ResultColumn{ID: m.ID, Role: query.RoleMeasure, Type: "DECIMAL"})
		}
		if len(q.Dimensions) == 1 {
			res.Rows = [][]any{{"Desk", 5.0}, {"Phone", 7.0}}
			return res, nil
		}
		res.Rows = [][]any{{"Desk", "East", 1.0}, {"Phone", "East", 40.0}, {"Desk", "West", 3.0}, {"Desk", "North", 2.0}, {"Phone", "North", 4.0}}
		return res, nil
	}
	s := New(d, nil, time.Time{}).RenderSheet(context.Background(), "s", run, 1)
	tiles := map[string]*Tile{}
	for _, tile := range s.Tiles {
		tiles[tile.ID] = tile
	}
	type panelData struct {
		title string
		cats  any
		data  any
		max   any
	}
	panels := func(tile *Tile) []panelData {
		t.Helper()
		if tile.Kind != TileChart || tile.Chart != "" {
			t.Fatalf("%s: %s %q %q", tile.ID, tile.Kind, tile.Message, tile.Chart)
		}
		var out []panelData
		for _, pn := range tile.Panels {
			var opt map[string]any
			if err := json.Unmarshal([]byte(pn.Chart), &opt); err != nil {
				t.Fatal(err)
			}
			s := opt["series"].([]any)[0].(map[string]any)
			pd := panelData{title: pn.Title, data: s["data"]}
			if x, ok := opt["xAxis"].(map[string]any); ok {
				pd.cats, pd.max = x["data"], opt["yAxis"].(map[string]any)["max"]
			}
			out = append(out, pd)
		}
		return out
	}
	wantEq(t, "bar panels: one category axis, one value scale", panels(tiles["bar"]), []panelData{
		{"East", []any{"Desk", "Phone"}, []any{1.0, 40.0}, 50.0},
		{"North", []any{"Desk", "Phone"}, []any{2.0, 4.0}, 50.0},
		{"West", []any{"Desk", "Phone"}, []any{3.0, nil}, 50.0},
	})
	wantEq(t, "line panels: two, descending, own scales", panels(tiles["line"]), []panelData{
		{"West", []any{"Desk", "Phone"}, []any{3.0, nil}, nil},
		{"North", []any{"Desk", "Phone"}, []any{2.0, 4.0}, nil},
	})
	pie := tiles["pie"]
	wantEq(t, "pie panels", []any{len(pie.Panels), pie.Panels[0].Title}, []any{3, "East"})
	if f := tiles["forecast"]; f.Kind != TileChart || len(f.Notes) != 1 || f.Notes[0] != "The forecast is not drawn: it needs a machine-learning model, which Sightglass does not have." {
		t.Errorf("forecast: %s %q", f.Kind, f.Notes)
	}
}

// A SmallMultiples field without a column is named by its field id, not a
// panic (planOf also runs outside a tile's recover, for controls).
func TestSmallMultiplesNoColumn(t *testing.T) {
	p, _ := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
		"Category": [`+lblDim+`], "SmallMultiples": [{"CategoricalDimensionField": {"FieldId": "s"}}], "Values": [`+lblVal+`]}}}}}`))
	wantEq(t, "refused", p.unsupported, []string{`small multiples of the field "s", which names no column`})
	_, _ = planOf(visualOf(t, `{"PieChartVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"PieChartAggregatedFieldWells": {"SmallMultiples": [{}]}}}}}`))
}

// Panels are the field's values, not their texts: two months that read
// alike are two panels (a panel per text would draw one month's bar over
// the other's); a color a panel lacks keeps its place, so its color and
// legend are the same in every panel.
func TestSmallMultiplesValuesAndColors(t *testing.T) {
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "d", Type: "STRING"}, {ID: "g", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Desk", "A", "East", 1.0}, {"Desk", "B", "East", 2.0}, {"Desk", "B", "West", 3.0}, {"Desk", "C", "West", 4.0}},
	}
	group := `{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`
	vis := visualOf(t, labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "Colors": [`+lblDim2+`], "SmallMultiples": [`+group+`], "Values": [`+lblVal+`]}`, ``))
	p, _ := planOf(vis)
	tl := &Tile{}
	testView(t, nil).multiplesTile(tl, vis, p, res)
	var names [][]any
	var legend any
	for i, pn := range tl.Panels {
		var opt map[string]any
		_ = json.Unmarshal([]byte(pn.Chart), &opt)
		var ns []any
		for _, s := range opt["series"].([]any) {
			s := s.(map[string]any)
			ns = append(ns, []any{s["name"], s["data"]})
		}
		names = append(names, ns)
		if i == 0 {
			legend = opt["legend"].(map[string]any)["data"]
		}
	}
	wantEq(t, "series", names, [][]any{
		{[]any{"A", []any{1.0}}, []any{"B", []any{2.0}}, []any{"C", []any{nil}}},
		{[]any{"A", []any{nil}}, []any{"B", []any{3.0}}, []any{"C", []any{4.0}}},
	})
	wantEq(t, "legend", legend, []any{"A", "B", "C"})

	month := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	res = &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "mo", Type: "DATETIME"}, {ID: "m", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Desk", month(2023), 10.0}, {"Desk", month(2024), 99.0}},
	}
	byMonth := `{"DateDimensionField": {"FieldId": "mo", "Column": {"DataSetIdentifier": "sales", "ColumnName": "day"}, "DateGranularity": "MONTH", "FormatConfiguration": {"DateTimeFormat": "MMM"}}}`
	vis = visualOf(t, labelled("BarChartVisual", `"BarChartAggregatedFieldWells": {"Category": [`+lblDim+`], "SmallMultiples": [`+byMonth+`], "Values": [`+lblVal+`]}`, ``))
	p, _ = planOf(vis)
	tl = &Tile{}
	testView(t, nil).multiplesTile(tl, vis, p, res)
	if len(tl.Panels) != 2 {
		t.Fatalf("%d panels, want one per month", len(tl.Panels))
	}
}
