package viewer

import (
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// A box plot by month finds each row's fences by a tree of comparisons
// with the months' starts, within the months' range; a null month has
// its own condition. 500 months (the chart's bound) stay within the
// expression limits.
func TestBoxPlotPeriodFences(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {
	 "GroupBy": [{"DateDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "DateGranularity": "MONTH"}}],
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
	 "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}}}}`))
	if !ok || len(p.unsupported) > 0 {
		t.Fatal("no plan", p.unsupported)
	}
	march, april := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	// March: Q1 10, Q3 20, fences -5 and 35; April: Q1 0, Q3 4, fences -6 and 10.
	res := &Result{Columns: make([]query.ResultColumn, 6), Rows: [][]any{
		{april, 0.0, 0.0, 1.0, 4.0, 9.0}, {march, 1.0, 10.0, 15.0, 20.0, 90.0}, {nil, 1.0, 1.0, 1.0, 1.0, 1.0}}}
	x := "{revenue}"
	got, ok := p.fences(res, 0, x, func(lo, hi string) string { return x + " >= " + lo + " AND " + x + " <= " + hi })
	wantEq(t, "fences", got, `ifelse(((isNull({order_date}) AND {revenue} >= (1) AND {revenue} <= (1)) OR `+
		`({order_date} >= "2024-03-01 00:00:00" AND {order_date} < "2024-05-01 00:00:00" AND `+
		`{revenue} >= (ifelse({order_date} < "2024-04-01 00:00:00", (-5), (-6))) AND {revenue} <= (ifelse({order_date} < "2024-04-01 00:00:00", (35), (10))))), {revenue}, NULL)`)
	if !ok {
		t.Fatal("refused")
	}
	var many [][]any
	for i := range chartLimit {
		many = append(many, []any{march.AddDate(0, i, 0), 0.0, float64(i), 0.0, float64(i + 10), 0.0})
	}
	big, _ := p.fences(&Result{Columns: res.Columns, Rows: many}, 0, x, func(lo, hi string) string { return "(" + x + " < " + lo + " OR " + x + " > " + hi + ")" })
	p.dataSet = "sales"
	q := &plan{dataSet: "sales", values: []field{{id: "n", measure: &query.Measure{ID: "n", Field: boxOutsideID, Aggregation: query.Min}}},
		calc: []query.CalculatedField{{Name: boxOutsideID, Expression: big}}}
	qq, err := testView(t, nil).question(q, "s1", "b")
	if err != nil {
		t.Fatal(err)
	}
	qq.Filters = nil // the test view's filters name other columns
	cols := []dataset.Column{{Name: "order_date", Type: "DATETIME"}, {Name: "revenue", Type: "DECIMAL"}}
	if _, err := query.Compile(qq, "orders", nil, cols, dialect.SQLite); err != nil {
		t.Errorf("%d months: %v", chartLimit, err)
	}
}
