package viewer

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// TestUnaggregatedTable draws an unaggregated table from the questions it
// asks: the rows grouped by every shown column with their counts (equal
// rows drawn once per row, in the answer's order, up to unaggLimit), then
// the count and totals over all rows.
func TestUnaggregatedTable(t *testing.T) {
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
	  "Sheets": [{"SheetId": "s", "Visuals": [{"TableVisual": {"VisualId": "u", "ChartConfiguration": {
	    "FieldWells": {"TableUnaggregatedFieldWells": {"Values": [
	      {"FieldId": "u-city", "Column": {"DataSetIdentifier": "sales", "ColumnName": "city"}},
	      {"FieldId": "u-rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
	       "FormatConfiguration": {"NumberFormatConfiguration": {"FormatConfiguration": {"CurrencyDisplayFormatConfiguration": {"Symbol": "EUR", "DecimalPlacesConfiguration": {"DecimalPlaces": 2}}}}}}]}},
	    "SortConfiguration": {"RowSort": [{"FieldSort": {"FieldId": "u-rev", "Direction": "DESC"}}]},
	    "TotalOptions": {"TotalsVisibility": "VISIBLE", "CustomLabel": "All"}}}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var asked []*query.Question
	cols := []query.ResultColumn{{ID: "u-city", Type: "STRING"}, {ID: "u-rev", Type: "DECIMAL"}, {ID: recordsID, Type: "INTEGER"}}
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		asked = append(asked, q)
		if len(q.Dimensions) > 0 {
			rows := [][]any{{"Oslo", 12.5, int64(3)}, {"Rome", 7.25, int64(1)}}
			for range unaggLimit {
				rows = append(rows, []any{"Lima", 1.0, int64(1)})
			}
			return &Result{Columns: cols, Rows: rows}, nil
		}
		return &Result{Columns: []query.ResultColumn{{ID: recordsID, Type: "INTEGER"}, {ID: "__total_u-rev", Type: "DECIMAL"}},
			Rows: [][]any{{int64(20004), 20044.75}}}, nil
	}
	s := New(def, nil, time.Time{}).RenderSheet(context.Background(), "s", run, 1)
	tl := s.Tiles[0]
	if tl.Kind != TileTable {
		t.Fatalf("tile %s: %s", tl.Kind, tl.Message)
	}
	tb := tl.Table
	if len(tb.Rows) != unaggLimit {
		t.Fatalf("%d rows drawn", len(tb.Rows))
	}
	var first []string
	for _, r := range tb.Rows[:5] {
		first = append(first, r[0].Text+" "+r[1].Text)
	}
	wantEq(t, "first rows", first, []string{"Oslo €12.50", "Oslo €12.50", "Oslo €12.50", "Rome €7.25", "Lima €1.00"})
	wantEq(t, "note", tb.Note, "Showing the first 10,000 of 20,004 rows.")
	wantEq(t, "totals", tb.Totals, []Cell{{Text: "All"}, {Text: "€20,044.75", Numeric: true}})
	if len(asked) != 2 {
		t.Fatalf("%d questions", len(asked))
	}
	wantEq(t, "rows question sort", asked[0].Sort, []query.Sort{{ID: "u-rev", Descending: true}})
	wantEq(t, "rows question limit", asked[0].Limit, unaggLimit)
	if q := asked[1]; len(q.Dimensions) != 0 || q.Limit != 0 || !reflect.DeepEqual(q.Measures[1], query.Measure{ID: "__total_u-rev", Field: "revenue", Aggregation: query.Sum}) {
		t.Errorf("totals question: %+v", q)
	}
}

func TestUnaggregatedDates(t *testing.T) {
	col := query.ResultColumn{Type: "DATETIME"}
	f := field{}
	wantEq(t, "midnight", unaggText(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), col, f), "2026-03-01")
	wantEq(t, "time of day", unaggText(time.Date(2026, 3, 1, 14, 5, 9, 0, time.UTC), col, f), "2026-03-01 14:05:09")
	f.dateFormat = "YYYY"
	wantEq(t, "own format", unaggText(time.Date(2026, 3, 1, 14, 5, 9, 0, time.UTC), col, f), "2026")
}

// A total function the viewer does not know is refused by name on an
// unaggregated table too (it drew a blank total before), and the table
// asks nothing.
func TestUnaggregatedTableTotalRefused(t *testing.T) {
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
	  "Sheets": [{"SheetId": "s", "Visuals": [{"TableVisual": {"VisualId": "u", "ChartConfiguration": {
	    "FieldWells": {"TableUnaggregatedFieldWells": {"Values": [
	      {"FieldId": "u-rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}]}},
	    "TotalOptions": {"TotalsVisibility": "VISIBLE", "TotalAggregationOptions": [{"FieldId": "u-rev", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "MEDIAN"}}]}}}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	asked := false
	s := New(def, nil, time.Time{}).RenderSheet(context.Background(), "s", func(context.Context, string, *query.Question) (*Result, error) {
		asked = true
		return &Result{}, nil
	}, 1)
	if tl := s.Tiles[0]; asked || tl.Kind != TileUnsupported || !strings.Contains(tl.Message, "the TotalAggregationFunction MEDIAN") {
		t.Errorf("asked %v, tile %s: %q", asked, tl.Kind, tl.Message)
	}
}
