package viewer

import (
	"strconv"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// BenchmarkConditionalTable is the cost conditional formatting adds to a
// table's render once its answer is in: a 1,000-row table (the table
// limit) with a solid text color, a row background, a custom icon and a
// gradient, against the same table without rules.
func BenchmarkConditionalTable(b *testing.B) {
	vis := visualOf(b, `{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		"GroupBy": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}},
		           {"NumericalMeasureField": {"FieldId": "w", "Column": {"DataSetIdentifier": "s", "ColumnName": "y"}}}]}}},
		"ConditionalFormatting": {"ConditionalFormattingOptions": [
		  {"Cell": {"FieldId": "v", "TextFormat": {"TextColor": {"Solid": {"Expression": "sum({x}) > 500", "Color": "#DE3B00"}},
		    "Icon": {"CustomCondition": {"Expression": "sum({x}) > 900", "IconOptions": {"Icon": "FLAG"}, "Color": "#2CAD00"}}}}},
		  {"Row": {"BackgroundColor": {"Solid": {"Expression": "sum({y}) < 100", "Color": "#FFEEAA"}}}},
		  {"Cell": {"FieldId": "w", "TextFormat": {"BackgroundColor": {"Gradient": {"Expression": "sum({y})", "Color": {"Stops": [
		    {"GradientOffset": 0, "Color": "#FFFFFF"}, {"GradientOffset": 100, "Color": "#2CAD00"}]}}}}}}]}}}`)
	p, _ := planOf(vis)
	x := New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
	if len(x.hidden) != 4 {
		b.Fatalf("%d hidden measures", len(x.hidden))
	}
	rows := make([][]any, tableLimit)
	for i := range rows {
		rows[i] = []any{"r" + strconv.Itoa(i), float64(i), float64(i % 300), int64(i % 2), int64(i % 3 / 2), int64(i % 5 / 4), float64(i % 300)}
	}
	full := &Result{Columns: make([]query.ResultColumn, 7), Rows: rows}
	b.Run("without", func(b *testing.B) {
		plain := &Result{Columns: full.Columns[:3], Rows: make([][]any, len(rows))}
		for i, r := range rows {
			plain.Rows[i] = r[:3]
		}
		for b.Loop() {
			table(p, plain)
		}
	})
	b.Run("with", func(b *testing.B) {
		for b.Loop() {
			res, hidden := splitHidden(full, len(x.hidden))
			x.formatTable(table(p, res), p, hidden)
		}
	})
}
