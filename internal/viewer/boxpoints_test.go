package viewer

import (
	"context"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// AllDataPointsVisibility VISIBLE: a question per field in Values groups
// the rows by the group and the value; each value is drawn at its
// group, a series per field.
func TestBoxPlotDataPoints(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "GroupBy": [{"NumericalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "year"}}}],
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}},
	  {"NumericalMeasureField": {"FieldId": "w", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}}}]}},
	 "BoxPlotOptions": {"AllDataPointsVisibility": "VISIBLE"}}}}`))
	if !ok || len(p.unsupported) > 0 || !p.box.showPoints {
		t.Fatal("no plan", p.unsupported)
	}
	p.dataSet = "sales"
	res := &Result{Columns: make([]query.ResultColumn, 11), Rows: [][]any{
		{int64(2023), 1.0, 2.0, 3.0, 4.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0},
		{int64(2024), 1.0, 2.0, 3.0, 4.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0}}}
	var asked []*query.Question
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		asked = append(asked, q)
		if q.Dimensions[1].Field == "revenue" {
			return &Result{Rows: [][]any{{int64(2023), 1.0, int64(2)}, {int64(2023), 5.0, int64(1)}, {int64(2024), 3.0, int64(1)}, {int64(2024), nil, int64(0)}, {int64(1999), 9.0, int64(1)}}}, nil
		}
		return &Result{Rows: [][]any{{int64(2024), -2.5, int64(1)}}}, nil
	}
	why, err := testView(t, nil).boxQuestions(context.Background(), p, res, "s1", "b", "arn", run)
	if why != "" || err != nil {
		t.Fatal(why, err)
	}
	wantEq(t, "questions", len(asked), 2)
	wantEq(t, "grouped by", []string{asked[0].Dimensions[0].Field, asked[0].Dimensions[1].Field}, []string{"year", "revenue"})
	series := boxPlotOption(p, res)["series"].([]obj)
	wantEq(t, "series", len(series), 4)
	wantEq(t, "revenue points", [2]any{series[2]["name"], series[2]["data"]},
		[2]any{"Data points of revenue", []any{[]any{"2,023", 1.0}, []any{"2,023", 5.0}, []any{"2,024", 3.0}}})
	wantEq(t, "profit points", [2]any{series[3]["name"], series[3]["data"]}, [2]any{"Data points of profit", []any{[]any{"2,024", -2.5}}})
	// Drawn in one go (the page reads the chart as complete when it is).
	wantEq(t, "progressive", series[2]["progressive"], 0)

	// Over the limit of points: refused by name.
	run = func(context.Context, string, *query.Question) (*Result, error) {
		return &Result{Rows: make([][]any, boxPointLimit+1)}, nil
	}
	why, _ = testView(t, nil).dataPoints(context.Background(), p, res, "s1", "b", "arn", run)
	wantEq(t, "too many", why, "AllDataPointsVisibility VISIBLE with more than 5000 distinct values, more than Sightglass draws")
}

// Outliers of two fields in Values by a numeric group: a question per
// field, each with its own fences, the group matched as a number.
func TestBoxPlotOutliersValues(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "GroupBy": [{"NumericalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "year"}}}],
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}},
	  {"NumericalMeasureField": {"FieldId": "w", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}}}]}},
	 "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}}}}`))
	if !ok || len(p.unsupported) > 0 {
		t.Fatal("no plan", p.unsupported)
	}
	p.dataSet = "sales"
	res := &Result{Columns: make([]query.ResultColumn, 11), Rows: [][]any{{int64(2024), 1.0, 10.0, 15.0, 20.0, 90.0, -9.0, 0.0, 1.0, 2.0, 3.0}}}
	var inside []string
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		inside = append(inside, q.CalculatedFields[len(q.CalculatedFields)-2].Expression)
		if len(inside) == 1 {
			return &Result{Rows: [][]any{{int64(2024), nil, 1.0, 34.0}, {int64(2024), 90.0, nil, nil}}}, nil
		}
		return &Result{Rows: [][]any{{int64(2024), nil, 0.0, 3.0}, {int64(2024), -9.0, nil, nil}}}, nil
	}
	why, err := testView(t, nil).outliers(context.Background(), p, res, "s1", "b", "arn", run)
	if why != "" || err != nil {
		t.Fatal(why, err)
	}
	wantEq(t, "fences", inside, []string{
		`ifelse(({revenue} >= (-5) AND {revenue} <= (35)), {revenue}, ifelse(({year} = (2024) AND {revenue} >= (-5) AND {revenue} <= (35)), {revenue}, NULL))`,
		`ifelse(({profit} >= (-3) AND {profit} <= (5)), {profit}, ifelse(({year} = (2024) AND {profit} >= (-3) AND {profit} <= (5)), {profit}, NULL))`})
	series := boxPlotOption(p, res)["series"].([]obj)
	wantEq(t, "boxes", [2]any{series[0]["data"], series[1]["data"]}, [2]any{[]any{[]any{1.0, 10.0, 15.0, 20.0, 34.0}}, []any{[]any{0.0, 0.0, 1.0, 2.0, 3.0}}})
	wantEq(t, "outliers", [4]any{series[2]["name"], series[2]["data"], series[3]["name"], series[3]["data"]},
		[4]any{"Outliers of revenue", []any{[]any{"2,024", 90.0}}, "Outliers of profit", []any{[]any{"2,024", -9.0}}})
}
