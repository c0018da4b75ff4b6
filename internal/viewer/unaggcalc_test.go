package viewer

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// An unaggregated table of an aggregated calculated field alone (a "last
// refreshed" cell, max(published)) is one aggregated row; it was an
// error tile ("is aggregated and cannot be a dimension"). Beside a
// row-level column, or under a total row, it is refused by name.
func TestUnaggregatedTableOfAggregates(t *testing.T) {
	render := func(values, totals string) (*Tile, []*query.Question) {
		def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "feeds", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/feeds"}],
		  "CalculatedFields": [{"DataSetIdentifier": "feeds", "Name": "LastRefreshed", "Expression": "max(published)"}],
		  "Sheets": [{"SheetId": "s", "Visuals": [{"TableVisual": {"VisualId": "u", "ChartConfiguration": {
		    "FieldWells": {"TableUnaggregatedFieldWells": {"Values": [` + values + `]}},
		    "FieldOptions": {"SelectedFieldOptions": [{"FieldId": "u-last", "CustomLabel": "Last refreshed"}]}` + totals + `}}}]}]}`))
		if err != nil {
			t.Fatal(err)
		}
		var asked []*query.Question
		s := New(def, nil, time.Time{}).RenderSheet(context.Background(), "s", func(_ context.Context, _ string, q *query.Question) (*Result, error) {
			asked = append(asked, q)
			return &Result{Columns: []query.ResultColumn{{ID: "u-last", Type: "DATETIME"}}, Rows: [][]any{{time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}}}, nil
		}, 1)
		return s.Tiles[0], asked
	}
	last := `{"FieldId": "u-last", "Column": {"DataSetIdentifier": "feeds", "ColumnName": "LastRefreshed"}}`
	tl, asked := render(last, "")
	if tl.Kind != TileTable || len(asked) != 1 {
		t.Fatalf("tile %s %q after %d questions", tl.Kind, tl.Message, len(asked))
	}
	if q := asked[0]; len(q.Dimensions) != 0 || len(q.Measures) != 1 || q.Measures[0].Field != "LastRefreshed" || !q.Measures[0].DefaultAggregation {
		t.Errorf("question: dimensions %v, measures %+v; want the field as is, ungrouped", q.Dimensions, q.Measures)
	}
	wantEq(t, "header", tl.Table.Headers[0].Text, "Last refreshed")
	if len(tl.Table.Rows) != 1 || !strings.HasPrefix(tl.Table.Rows[0][0].Text, "2026-12-01") {
		t.Errorf("rows %v, want one row of the day", tl.Table.Rows)
	}
	tl, asked = render(last+`, {"FieldId": "u-title", "Column": {"DataSetIdentifier": "feeds", "ColumnName": "title"}}`, "")
	if tl.Kind != TileUnsupported || len(asked) != 0 || !strings.Contains(tl.Message, `"LastRefreshed" beside row-level columns`) {
		t.Errorf("mixed: tile %s %q after %d questions", tl.Kind, tl.Message, len(asked))
	}
	tl, asked = render(last, `, "TotalOptions": {"TotalsVisibility": "VISIBLE"}`)
	if tl.Kind != TileUnsupported || len(asked) != 0 || !strings.Contains(tl.Message, "a total row") {
		t.Errorf("with totals: tile %s %q after %d questions", tl.Kind, tl.Message, len(asked))
	}
}
