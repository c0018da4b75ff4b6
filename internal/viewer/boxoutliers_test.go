package viewer

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

func TestBoxPlotOutliers(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "GroupBy": [{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
	 "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}}}}`))
	if !ok || len(p.unsupported) > 0 || !p.box.showOutliers {
		t.Fatal("no plan", p.unsupported)
	}
	p.dataSet = "sales"
	// East: Q1 10, Q3 20, fences −5 and 35; a group without a region: Q1 0, Q3 2.
	res := &Result{Columns: make([]query.ResultColumn, 6), Rows: [][]any{{"East", 1.0, 10.0, 15.0, 20.0, 90.0}, {nil, -4.0, 0.0, 1.0, 2.0, 3.0}}}
	var asked *query.Question
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		asked = q
		return &Result{Rows: [][]any{
			{"East", nil, 1.0, 34.0}, {"East", 40.0, nil, nil}, {"East", 90.0, nil, nil},
			{nil, nil, -1.0, 3.0}, {nil, -4.0, nil, nil}}}, nil
	}
	why, err := testView(t, nil).outliers(context.Background(), p, res, "s1", "b", "arn", run)
	if why != "" || err != nil {
		t.Fatal(why, err)
	}
	// Within both boxes' fences (−3 … 5) a row is inside; elsewhere its
	// group's fences decide.
	wantEq(t, "inside", asked.CalculatedFields[len(asked.CalculatedFields)-2].Expression,
		`ifelse(({revenue} >= (-3) AND {revenue} <= (5)), {revenue}, `+
			`ifelse((({region} = "East" AND {revenue} >= (-5) AND {revenue} <= (35)) OR (isNull({region}) AND {revenue} >= (-3) AND {revenue} <= (5))), {revenue}, NULL))`)
	wantEq(t, "outside", asked.CalculatedFields[len(asked.CalculatedFields)-1].Expression,
		`ifelse(({revenue} >= (-3) AND {revenue} <= (5)), NULL, `+
			`ifelse((({region} = "East" AND ({revenue} < (-5) OR {revenue} > (35))) OR (isNull({region}) AND ({revenue} < (-3) OR {revenue} > (5)))), {revenue}, NULL))`)
	wantEq(t, "dimensions", []string{asked.Dimensions[0].Field, asked.Dimensions[1].Field}, []string{"region", boxOutsideID})
	// 500 groups stay within the expression depth limit.
	var many []string
	for i := range 500 {
		many = append(many, "c"+itoa(i))
	}
	if d := strings.Count(anyOf(many)[:60], "("); d > 12 {
		t.Errorf("OR tree %d deep at its left edge", d)
	}
	opt := boxPlotOption(p, res)
	series := opt["series"].([]obj)
	wantEq(t, "boxes", series[0]["data"], []any{[]any{1.0, 10.0, 15.0, 20.0, 34.0}, []any{-1.0, 0.0, 1.0, 2.0, 3.0}})
	wantEq(t, "outliers", series[1]["data"], []any{[]any{"East", 40.0}, []any{"East", 90.0}, []any{"(empty)", -4.0}})
}

// Boxes whose fences do not overlap have no common band: every row's
// group's fences decide.
func TestBoxPlotCommonBand(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "GroupBy": [{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
	 "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}}}}`))
	if !ok {
		t.Fatal("no plan")
	}
	x := "{revenue}"
	for _, c := range []struct {
		name string
		rows [][]any
		want string
	}{
		{"overlapping", [][]any{{"East", 0.0, 10.0, 15.0, 20.0, 0.0}, {"West", 0.0, 12.0, 15.0, 16.0, 0.0}, {"North", nil, nil, nil, nil, nil}},
			"({revenue} >= (6) AND {revenue} <= (22))"},
		{"narrow", [][]any{{"East", 0.0, 10.0, 15.0, 20.0, 0.0}, {"West", 0.0, 45.0, 50.0, 55.0, 0.0}}, "({revenue} >= (30) AND {revenue} <= (35))"},
		{"apart", [][]any{{"East", 0.0, 10.0, 15.0, 20.0, 0.0}, {"West", 0.0, 100.0, 105.0, 110.0, 0.0}}, ""},
		{"no values", [][]any{{"North", nil, nil, nil, nil, nil}}, ""},
		// West's values reach +Inf (SQLite's REAL; PostgreSQL's NaN
		// alike): its box has no fences, and its rows are in no band.
		{"infinite quartile", [][]any{{"East", 0.0, 10.0, 15.0, 20.0, 0.0}, {"West", 1.0, 2.25, 21.5, math.Inf(1), math.Inf(1)}}, ""},
		{"NaN quartile", [][]any{{"East", 0.0, 10.0, 15.0, 20.0, 0.0}, {"West", 1.0, math.NaN(), 21.5, 30.0, 40.0}}, ""},
	} {
		got, ok := p.commonBand(&Result{Rows: c.rows}, 0, x)
		if ok != (c.want != "") || got != c.want {
			t.Errorf("%s: %q %v, want %q", c.name, got, ok, c.want)
		}
	}
}
