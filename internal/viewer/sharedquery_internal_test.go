package viewer

import (
	"context"
	"sync"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// TestSharedAnswerKeepsEachLimit checks the cutting of a shared answer:
// two visuals ordering their regions alike by revenue, one keeping 2 rows
// and one 3, share one question keeping 3, and each gets its own columns
// (with its own ids) and its own number of rows.
func TestSharedAnswerKeepsEachLimit(t *testing.T) {
	regions := []any{"Europe", "North America", "Asia Pacific", "Latin America"}
	revenue := query.Measure{ID: "a-r", Field: "revenue", Aggregation: query.Sum}
	a := &query.Question{Dimensions: []query.Dimension{{ID: "a-g", Field: "region"}}, Measures: []query.Measure{revenue},
		Sort: []query.Sort{{ID: "a-r", Descending: true}}, Limit: 2}
	b := &query.Question{Dimensions: []query.Dimension{{ID: "b-g", Field: "region"}},
		Measures: []query.Measure{{ID: "b-q", Field: "quantity", Aggregation: query.Sum}, {ID: "b-r", Field: "revenue", Aggregation: query.Sum}},
		Sort:     []query.Sort{{ID: "b-r", Descending: true}}, Limit: 3}
	sq := &sharedQuestions{}
	sq.add("arn", a)
	sq.add("arn", b)
	if len(sq.groups) != 1 {
		t.Fatalf("%d groups, want 1", len(sq.groups))
	}
	var asked []*query.Question
	run := sq.runner(func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		asked = append(asked, q)
		res := &Result{Columns: []query.ResultColumn{{ID: "a-g", Role: query.RoleDimension}}}
		for _, m := range q.Measures {
			res.Columns = append(res.Columns, query.ResultColumn{ID: measureID(m), Role: query.RoleMeasure})
		}
		for i := range min(q.Limit, len(regions)) {
			row := []any{regions[i]}
			for j := range q.Measures {
				row = append(row, float64(100*(j+1)-i))
			}
			res.Rows = append(res.Rows, row)
		}
		return res, nil
	})
	// Both visuals ask at once, as a sheet's visuals do.
	var ra, rb *Result
	var ea, eb error
	var wg sync.WaitGroup
	wg.Go(func() { ra, ea = run(context.Background(), "arn", a) })
	wg.Go(func() { rb, eb = run(context.Background(), "arn", b) })
	wg.Wait()
	if ea != nil || eb != nil {
		t.Fatal(ea, eb)
	}
	if len(asked) != 1 || asked[0].Limit != 3 || len(asked[0].Measures) != 3 {
		t.Fatalf("asked %+v, want one question with 3 measures keeping 3 rows", asked)
	}
	if len(ra.Rows) != 2 || len(rb.Rows) != 3 {
		t.Fatalf("%d and %d rows, want 2 and 3", len(ra.Rows), len(rb.Rows))
	}
	if ra.Columns[0].ID != "a-g" || rb.Columns[0].ID != "b-g" || rb.Columns[1].ID != "b-q" || rb.Columns[2].ID != "b-r" || len(ra.Columns) != 2 {
		t.Fatalf("columns %+v and %+v", ra.Columns, rb.Columns)
	}
	if ra.Rows[1][1] != float64(99) || rb.Rows[2][1] != float64(198) || rb.Rows[2][2] != float64(298) {
		t.Fatalf("rows %v and %v", ra.Rows, rb.Rows)
	}

	// Sorting by another measure keeps a visual apart.
	c := *b
	c.Sort = []query.Sort{{ID: "b-q", Descending: true}}
	sq.add("arn", &c)
	if len(sq.groups) != 2 {
		t.Fatalf("%d groups, want the differently sorted visual apart", len(sq.groups))
	}
}
