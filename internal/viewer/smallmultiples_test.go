package viewer

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// A SmallMultiples field splits a chart into a panel per value: drawn
// once over every panel's rows it would show other numbers, so the tile
// names it. A line chart's forecast (a model's) is said not drawn.
func TestSmallMultiplesAndForecasts(t *testing.T) {
	dim := func(id, col string) string {
		return `{"CategoricalDimensionField": {"FieldId": "` + id + `", "Column": {"DataSetIdentifier": "sales", "ColumnName": "` + col + `"}}}`
	}
	val := `{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}`
	def := `{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [
  {"BarChartVisual": {"VisualId": "bar", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [` + dim("p", "product") + `], "SmallMultiples": [` + dim("r", "region") + `], "Values": [` + val + `]}}}}},
  {"LineChartVisual": {"VisualId": "line", "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {"Category": [` + dim("p", "product") + `], "SmallMultiples": [` + dim("r", "region") + `], "Values": [` + val + `]}}}}},
  {"PieChartVisual": {"VisualId": "pie", "ChartConfiguration": {"FieldWells": {"PieChartAggregatedFieldWells": {"Category": [` + dim("p", "product") + `], "SmallMultiples": [` + dim("r", "region") + `], "Values": [` + val + `]}}}}},
  {"LineChartVisual": {"VisualId": "forecast", "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {"Category": [` + dim("p", "product") + `], "Values": [` + val + `]}},
    "ForecastConfigurations": [{"ForecastProperties": {"PeriodsForward": 3}}]}}}
 ]}]
}`
	d, err := definition.Parse([]byte(def))
	if err != nil {
		t.Fatal(err)
	}
	s := New(d, nil, time.Time{}).RenderSheet(context.Background(), "s", (&fakeData{}).run, 1)
	for _, tile := range s.Tiles {
		if tile.ID == "forecast" {
			if tile.Kind != TileChart || len(tile.Notes) != 1 || tile.Notes[0] != "The forecast is not drawn: it needs a machine-learning model, which Sightglass does not have." {
				t.Errorf("forecast: %s %q", tile.Kind, tile.Notes)
			}
			continue
		}
		if tile.Kind != TileUnsupported || !strings.HasSuffix(tile.Message, `options not yet supported by Sightglass: small multiples (the SmallMultiples field "region").`) {
			t.Errorf("%s: %s %q", tile.ID, tile.Kind, tile.Message)
		}
	}
}

// A SmallMultiples field without a column is named by its field id, not a
// panic (planOf also runs outside a tile's recover, for controls).
func TestSmallMultiplesNoColumn(t *testing.T) {
	p, _ := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
		"Category": [`+lblDim+`], "SmallMultiples": [{"CategoricalDimensionField": {"FieldId": "s"}}], "Values": [`+lblVal+`]}}}}}`))
	wantEq(t, "refused", p.unsupported, []string{`small multiples (the SmallMultiples field "s")`})
	_, _ = planOf(visualOf(t, `{"PieChartVisual": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {"PieChartAggregatedFieldWells": {"SmallMultiples": [{}]}}}}}`))
}
