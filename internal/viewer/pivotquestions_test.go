package viewer_test

import (
	"context"
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
// asked of SQL at their level. The numbers are checked against SQL by
// TestPivotSubtotals and TestPivotCollapsed.
func TestPivotTotalsQuestions(t *testing.T) {
	_, run, _ := sampleAppRows(t, false, 3000)
	sub := `, "TotalOptions": {"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE"}, "RowTotalOptions": {"TotalsVisibility": "VISIBLE"}, "ColumnTotalOptions": {"TotalsVisibility": "VISIBLE"}}`
	collapsed := `, "FieldOptions": {"CollapseStateOptions": [{"Target": {"FieldId": "region"}, "State": "COLLAPSED"}]}`
	vs := `[` + pivotVisual("sum", pRegion+`, `+pCat, pSegment, pSum, sub) + `,` +
		pivotVisual("avg", pRegion+`, `+pCat, pSegment, pAvg+`, `+pSum, sub) + `,` +
		pivotVisual("avg-collapsed", pRegion+`, `+pCat, pSegment, pAvg, collapsed) + `,` +
		pivotVisual("avg-totals", pRegion, pSegment, pAvg, sub) + `,` +
		pivotVisual("distinct", pRegion+`, `+pCat, pSegment, pCities, collapsed) + `]`
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
}
