package viewer

import "testing"

// A table draws neither the fields its FieldOptions hide nor in another
// order than FieldOptions.Order (hidden columns were drawn, Order was
// ignored); the totals label moves to the first drawn column.
func TestTableLayout(t *testing.T) {
	vis := visualOf(t, `{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		"GroupBy": [{"CategoricalDimensionField": {"FieldId": "id", "Column": {"DataSetIdentifier": "sales", "ColumnName": "id"}}},
			{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
		"FieldOptions": {"SelectedFieldOptions": [{"FieldId": "id", "Visibility": "HIDDEN"}, {"FieldId": "r", "Visibility": "VISIBLE"}], "Order": ["m", "id", "r"]}}}}`)
	c := func(s string) Cell { return Cell{Text: s} }
	tb := &Table{Headers: []Cell{c("id"), c("region"), c("revenue")},
		Rows:   [][]Cell{{c("1"), c("East"), c("5")}, {c("2"), c("West"), c("7")}},
		Totals: []Cell{c("Total"), c(""), c("12")}}
	tableLayoutOf(vis).arrange(tb, []string{"id", "r", "m"})
	wantEq(t, "headers", tb.Headers, []Cell{c("revenue"), c("region")})
	wantEq(t, "rows", tb.Rows, [][]Cell{{c("5"), c("East")}, {c("7"), c("West")}})
	wantEq(t, "totals", tb.Totals, []Cell{c("12"), c("")})

	// Hidden only: the wells' order; the totals label moves to the first
	// drawn dimension.
	vis = visualOf(t, `{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldOptions": {"SelectedFieldOptions": [{"FieldId": "id", "Visibility": "HIDDEN"}]}}}}`)
	tb = &Table{Headers: []Cell{c("id"), c("region"), c("revenue")}, Totals: []Cell{c("Total"), c(""), c("12")}}
	tableLayoutOf(vis).arrange(tb, []string{"id", "r", "m"})
	wantEq(t, "hidden only", [2]any{tb.Headers, tb.Totals}, [2]any{[]Cell{c("region"), c("revenue")}, []Cell{c("Total"), c("12")}})
}
