package viewer

import (
	"context"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A box plot's computed lines are their calculation over the rows'
// values, asked in one question over no group; a line whose aggregation
// does not leave one row's value as it is is named. Its measure's number
// format is on the boxes, the outliers and the value axis.
func TestBoxPlotComputedLinesAndFormat(t *testing.T) {
	vis := visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "GroupBy": [{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
	   "FormatConfiguration": {"FormatConfiguration": {"PercentageDisplayFormatConfiguration": {}}}}}]}},
	 "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"},
	 "ReferenceLines": [
	  {"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
	   "Calculation": {"SimpleNumericalAggregation": "AVERAGE"}}}},
	  {"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"},
	   "MeasureAggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "MAX"}},
	   "Calculation": {"PercentileAggregation": {"PercentileValue": 90}}}}},
	  {"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
	   "MeasureAggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "STDEV"}},
	   "Calculation": {"SimpleNumericalAggregation": "MEDIAN"}}}},
	  {"DataConfiguration": {"DynamicConfiguration": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
	   "Calculation": {"SimpleNumericalAggregation": "MEDIAN"}}}}]}}}`)
	p, ok := planOf(vis)
	if !ok || len(p.unsupported) > 0 {
		t.Fatal("no plan", p.unsupported)
	}
	p.dataSet = "sales"
	applyCustomLabels(vis, p)
	v := testView(t, nil)
	x := v.extrasOf(vis, p)
	wantEq(t, "lines", len(x.refs), 3)
	wantEq(t, "notes", len(x.notes), 1)
	if !strings.Contains(x.notes[0], "reference line 3 is not drawn: its measure aggregation STDEV of one row's value") {
		t.Errorf("note %q", x.notes[0])
	}
	var asked *query.Question
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		asked = q
		return &Result{Rows: [][]any{{12.345, 80.0, nil}}}, nil
	}
	v.boxRefValues(context.Background(), p, x, "s1", "b", "arn", run)
	wantEq(t, "no group", len(asked.Dimensions), 0)
	var exprs []string
	for _, c := range asked.CalculatedFields[len(asked.CalculatedFields)-3:] {
		exprs = append(exprs, c.Expression)
	}
	wantEq(t, "over the rows", exprs, []string{"avg({revenue})", "percentileCont({profit}, 90)", "median({revenue})"})
	wantEq(t, "drawn", len(x.refs), 2)
	wantEq(t, "values", []float64{*x.refs[0].static, *x.refs[1].static}, []float64{12.35, 80})
	wantEq(t, "no value", x.notes[1], "The reference line 4 has no value for the current data.")

	res := &Result{Columns: make([]query.ResultColumn, 6), Rows: [][]any{{"East", 0.1, 0.2, 0.3, 0.4, 0.5}}}
	p.box.outliers = []*boxOutliers{{whiskers: [][2]any{{0.1, 0.5}}, points: [][]float64{{0.9}}}}
	opt := boxPlotOption(p, res)
	x.drawRefLines(opt, nil)
	series := opt["series"].([]obj)
	for _, at := range []obj{series[0], series[1], opt["yAxis"].(obj)} {
		if f, _ := at[chartNumberFormat].(*numberFormat); f == nil || !f.Percent {
			t.Errorf("no percent format on %v", at)
		}
	}
	wantEq(t, "outlier tooltip", series[1]["encode"], obj{"x": 0, "y": 1, "itemName": 0, "tooltip": 1})
	ml := series[0]["markLine"].(obj)["data"].([]obj)
	wantEq(t, "line label", ml[0]["label"].(obj)["formatter"], "1,235%")
}
