package viewer

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// A bar chart's measure over an aggregated calculated field without an
// AggregationFunction is named by the field and asked as is; a plain
// column without one is summed and named so.
func TestAggregatedFieldLabels(t *testing.T) {
	def, err := definition.Parse([]byte(`{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "CalculatedFields": [{"DataSetIdentifier": "sales", "Name": "Margin", "Expression": "sumIf({profit}, {region} <> 'x') / sum({revenue})"}],
 "Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [
  {"BarChartVisual": {"VisualId": "bar", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
    "Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
    "Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "Margin"}}},
      {"NumericalMeasureField": {"FieldId": "p", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}}}]}}}}}]}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	v := New(def, nil, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	var asked *query.Question
	s := v.RenderSheet(context.Background(), "s", func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		asked = q
		return &Result{Columns: []query.ResultColumn{{ID: "r", Role: "DIMENSION", Type: "STRING"}, {ID: "m", Role: "MEASURE", Type: "DECIMAL"}, {ID: "p", Role: "MEASURE", Type: "DECIMAL"}},
			Rows: [][]any{{"East", 0.25, 10.0}}}, nil
	}, 0)
	if asked == nil || len(asked.Measures) != 2 || !asked.Measures[0].DefaultAggregation || !asked.Measures[1].DefaultAggregation {
		t.Fatalf("question %+v", asked)
	}
	chart := s.Tiles[0].Chart
	if !strings.Contains(chart, `"name":"Margin"`) || !strings.Contains(chart, `"name":"Sum of profit"`) || strings.Contains(chart, "Sum of Margin") {
		t.Errorf("series names in %s", chart)
	}
}
