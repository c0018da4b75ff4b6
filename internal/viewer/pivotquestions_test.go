package viewer_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/viewer"
)

// TestPivotTotalsQuestions counts the questions a pivot with totals asks:
// SUM and AVERAGE totals, subtotals and collapsed groups come from the
// pivot's own question (the cells, and the AVERAGE's sums and counts
// asked beside them), so each asks one; a distinct count's subtotals are
// asked of SQL at their level; pivots that group alike still share one
// question (sharedquery.go). The numbers are checked against SQL by
// TestPivotSubtotals and TestPivotCollapsed.
func TestPivotTotalsQuestions(t *testing.T) {
	_, run, _ := sampleAppRows(t, false, 3000)
	sub := `, "TotalOptions": {"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE"}, "RowTotalOptions": {"TotalsVisibility": "VISIBLE"}, "ColumnTotalOptions": {"TotalsVisibility": "VISIBLE"}}`
	collapsed := `, "FieldOptions": {"CollapseStateOptions": [{"Target": {"FieldId": "region"}, "State": "COLLAPSED"}]}`
	vs := `[` + pivotVisual("sum", pRegion+`, `+pCat, pSegment, pSum, sub) + `,` +
		pivotVisual("avg", pRegion+`, `+pCat, pSegment, pAvg+`, `+pSum, sub) + `,` +
		pivotVisual("avg-collapsed", pRegion+`, `+pCat, pSegment, pAvg, collapsed) + `,` +
		pivotVisual("avg-totals", pRegion, pSegment, pAvg, sub) + `,` +
		pivotVisual("distinct", pRegion+`, `+pCat, pSegment, pCities, collapsed) + `,` +
		pivotVisual("plain", pRegion+`, `+pCat, pSegment, pSum, "") + `]`
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sample-sales"}],
		"Sheets": [{"SheetId": "s", "Name": "Pivots", "Visuals": ` + vs + `}]}`))
	if err != nil {
		t.Fatal(err)
	}
	v := viewer.New(def, nil, time.Time{})
	for id, want := range map[string]int{"sum": 1, "avg": 1, "avg-collapsed": 1, "avg-totals": 1, "distinct": 2} {
		var asked atomic.Int32
		count := func(ctx context.Context, arn string, q *query.Question) (*viewer.Result, error) {
			asked.Add(1)
			return run(ctx, arn, q)
		}
		s := v.RenderVisuals(context.Background(), "s", []string{id}, count, 1)
		if len(s.Tiles) != 1 || s.Tiles[0].Kind != viewer.TilePivot {
			t.Fatalf("%s: %+v", id, s.Tiles)
		}
		if got := int(asked.Load()); got != want {
			t.Errorf("%s: %d questions, want %d", id, got, want)
		}
	}
	// A sheet's pivots that group alike share one question, the AVERAGE's
	// sums and counts among its measures; each draws what it drew alone.
	var asked atomic.Int32
	count := func(ctx context.Context, arn string, q *query.Question) (*viewer.Result, error) {
		asked.Add(1)
		return run(ctx, arn, q)
	}
	both := v.RenderVisuals(context.Background(), "s", []string{"avg", "plain"}, count, 1)
	if got := int(asked.Load()); got != 1 || len(both.Tiles) != 2 {
		t.Fatalf("avg and plain together: %d questions, %d tiles", got, len(both.Tiles))
	}
	for _, tl := range both.Tiles {
		alone := v.RenderVisuals(context.Background(), "s", []string{tl.ID}, run, 1).Tiles[0]
		if tl.Pivot == nil || alone.Pivot == nil || fmt.Sprint(pivotCells(tl.Pivot)) != fmt.Sprint(pivotCells(alone.Pivot)) {
			t.Errorf("%s: drawn together\n%v\nalone\n%v", tl.ID, tl.Pivot, alone.Pivot)
		}
	}
}
