package viewer

import (
	"context"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query"
)

func histogramOf(t *testing.T, bins string) *plan {
	t.Helper()
	p, ok := planOf(visualOf(t, `{"HistogramVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HistogramAggregatedFieldWells": {
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}}`+bins+`}}}`))
	if !ok {
		t.Fatal("no plan")
	}
	return p
}

func TestHistogramPlan(t *testing.T) {
	p := histogramOf(t, `, "BinOptions": {"SelectedBinType": "BIN_WIDTH", "BinWidth": {"Value": 2.5, "BinCountLimit": 4}, "StartValue": -5}`)
	wantEq(t, "refused", p.unsupported, []string(nil))
	wantEq(t, "binned by width", [3]any{p.hist.count, p.hist.width, *p.hist.start}, [3]any{0, 2.5, -5.0})
	wantEq(t, "counted", *p.values[0].measure, query.Measure{ID: binCountID, Field: "revenue", Aggregation: query.Count})
	v := testView(t, nil)
	if ok, err := v.binRange(context.Background(), p, "", "", "", nil); !ok || err != nil {
		t.Fatal(ok, err)
	}
	wantEq(t, "bin expression", p.calc, []query.CalculatedField{{Name: binID, Expression: "floor(({revenue} - (-5)) / (2.5))"}})

	// Bins −1 and 2 with nothing between; a row without a value is in none.
	lows, counts, err := histogramBins(p, &Result{Rows: [][]any{{nil, 0.0}, {int64(-1), int64(3)}, {int64(2), int64(1)}}})
	wantEq(t, "bins", [3]any{lows, counts, err}, [3]any{[]float64{-7.5, -5, -2.5, 0}, []float64{3, 0, 0, 1}, error(nil)})
	opt := histogramOption(p, lows, counts)
	wantEq(t, "labels", opt["xAxis"].(obj)["data"], []string{"-7.5 – -5", "-5 – -2.5", "-2.5 – 0", "0 – 2.5"})
	if _, _, err := histogramBins(p, &Result{Rows: [][]any{{int64(0), int64(1)}, {int64(4), int64(1)}}}); err == nil {
		t.Error("5 bins over a limit of 4 drawn")
	}

	// A bin count asks for the range first; the maximum counts in the last bin.
	p = histogramOf(t, `, "BinOptions": {"BinCount": {"Value": 4}}`)
	var asked []*query.Question
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		asked = append(asked, q)
		return &Result{Rows: [][]any{{10.0, 30.0}}}, nil
	}
	if ok, err := v.binRange(context.Background(), p, "", "", "", run); !ok || err != nil {
		t.Fatal(ok, err)
	}
	wantEq(t, "range question", asked[0].Measures, []query.Measure{{ID: "__min", Field: "revenue", Aggregation: query.Min}, {ID: "__max", Field: "revenue", Aggregation: query.Max}})
	wantEq(t, "bin expression", p.calc[0].Expression, "floor(({revenue} - (10)) / (5))")
	lows, counts, _ = histogramBins(p, &Result{Rows: [][]any{{int64(0), int64(2)}, {int64(3), int64(1)}, {int64(4), int64(1)}}})
	wantEq(t, "top edge", [2]any{lows, counts}, [2]any{[]float64{10, 15, 20, 25}, []float64{2, 0, 0, 2}})

	// Options that cannot be honoured are named.
	wantEq(t, "bad width", histogramOf(t, `, "BinOptions": {"SelectedBinType": "BIN_WIDTH"}`).unsupported, []string{"BIN_WIDTH without a positive BinWidth.Value"})
	wantEq(t, "bad count", histogramOf(t, `, "BinOptions": {"BinCount": {"Value": 0}}`).unsupported, []string{"BinCount.Value outside 1–1000"})
	p, _ = planOf(visualOf(t, `{"HistogramVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HistogramAggregatedFieldWells": {
	 "Values": [{"CalculatedMeasureField": {"FieldId": "c", "Expression": "sum({revenue})"}}]}}}}}`))
	wantEq(t, "calculated", p.unsupported, []string{"a calculated measure in Values (a histogram bins each row's value)"})
}

func TestBoxPlotPlan(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "GroupBy": [{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
	 "BoxPlotOptions": {"OutlierVisibility": "HIDDEN"}}}}`))
	if !ok || len(p.unsupported) > 0 {
		t.Fatal("no plan", p.unsupported)
	}
	var aggs []string
	for _, m := range p.measures() {
		aggs = append(aggs, m.measure.Aggregation+":"+m.measure.Field+":"+itoa(int(m.measure.Percentile)))
	}
	wantEq(t, "statistics", aggs, []string{"MIN:revenue:0", "PERCENTILE:revenue:25", "MEDIAN:revenue:0", "PERCENTILE:revenue:75", "MAX:revenue:0"})
	wantEq(t, "group order", p.sort, []query.Sort{{ID: "g"}})
	res := &Result{Columns: []query.ResultColumn{{ID: "g", Type: "STRING"}, {}, {}, {}, {}, {}},
		Rows: [][]any{{"East", 1.0, 2.004, 3.0, 4.0, 5.0}}}
	s := boxPlotOption(p, res)["series"].([]obj)[0]
	wantEq(t, "box", s["data"], []any{[]any{1.0, 2.0, 3.0, 4.0, 5.0}})

	p, _ = planOf(visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
	 "BoxPlotOptions": {"OutlierVisibility": "VISIBLE", "AllDataPointsVisibility": "VISIBLE"}}}}`))
	wantEq(t, "refused", len(p.unsupported), 0)
	wantEq(t, "points and outliers", [2]bool{p.box.showPoints, p.box.showOutliers}, [2]bool{true, true})
	p, _ = planOf(visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "GroupBy": [{"DateDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "DateGranularity": "MONTH"}}],
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
	 "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}}}}`))
	wantEq(t, "by date", len(p.unsupported), 0)
	// A day's rows (a date without granularity) are selected by their date.
	cond, ok := groupIs(field{dim: &query.Dimension{Field: "order_date"}}, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	wantEq(t, "day", cond, `{order_date} = "2024-03-01 00:00:00"`)
	if !ok {
		t.Error("a date selects no rows")
	}
}

func TestBoxPlotValues(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}},
	  {"NumericalMeasureField": {"FieldId": "w", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}}}]}}}}}`))
	if !ok || len(p.unsupported) > 0 || len(p.values) != 10 {
		t.Fatal("no plan", p.unsupported, len(p.values))
	}
	res := &Result{Rows: [][]any{{1.0, 2.0, 3.0, 4.0, 5.0, -1.0, 0.0, 1.0, 2.0, 3.0}}}
	opt := boxPlotOption(p, res)
	ss := opt["series"].([]obj)
	wantEq(t, "two series", [2]any{ss[0]["data"], ss[1]["data"]}, [2]any{[]any{[]any{1.0, 2.0, 3.0, 4.0, 5.0}}, []any{[]any{-1.0, 0.0, 1.0, 2.0, 3.0}}})
	wantEq(t, "one box each, named by the values", opt["xAxis"].(obj)["data"], []string{"revenue, profit"})
}
