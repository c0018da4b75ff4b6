package viewer

import (
	"context"
	"strconv"

	"github.com/sightglass/sightglass/internal/query"
)

// A total or subtotal of a pivot is found from the cells it covers when
// that gives SQL's number: a SUM or COUNT of a dataset column is the sum
// of its cells (additive), and an AVERAGE of one is the sum of its cells'
// sums over the sum of their counts (meanParts: one more question, at the
// cells' level, used when it replaces four or more). Other aggregates (a distinct
// count, a median, a calculated field, which may aggregate or compute over
// the table itself) are asked of SQL at the level of the total.

// totalsFromCells is off only to measure the alternative: every total
// asked of SQL at its level (export_test.go).
var totalsFromCells = true

// pivotIndex finds the leaf cells under a pair of slots.
type pivotIndex struct {
	rows, cols []map[string][]int // by depth: a prefix's key → the leaves under it
	raw        map[[2]int][]any   // the cells' measure values (Pivot.raw)
}

func newPivotIndex(rowLeaves, colLeaves [][]string, raw map[[2]int][]any) *pivotIndex {
	index := func(leaves [][]string) []map[string][]int {
		var out []map[string][]int
		for i, l := range leaves {
			for len(out) <= len(l) {
				out = append(out, map[string][]int{})
			}
			for d := 0; d <= len(l); d++ {
				k := pathKey(l[:d])
				out[d][k] = append(out[d][k], i)
			}
		}
		return out
	}
	return &pivotIndex{rows: index(rowLeaves), cols: index(colLeaves), raw: raw}
}

// under calls fn with each cell under the row slot rs and column slot cs.
func (x *pivotIndex) under(rs, cs pivotSlot, fn func(vals []any)) {
	if rs.depth >= len(x.rows) || cs.depth >= len(x.cols) {
		return
	}
	for _, ri := range x.rows[rs.depth][pathKey(rs.parts)] {
		for _, ci := range x.cols[cs.depth][pathKey(cs.parts)] {
			if v, ok := x.raw[[2]int{ri, ci}]; ok {
				fn(v)
			}
		}
	}
}

// over aggregates measure k over the cells under rs and cs by fn (SUM,
// AVERAGE, MIN or MAX): nil when no cell holds a number.
func (x *pivotIndex) over(fn string, rs, cs pivotSlot, k int) any {
	var vals [][]any
	x.under(rs, cs, func(v []any) { vals = append(vals, v[k:k+1]) })
	return overRows(fn, vals, 0)
}

// plainMeasure reports whether m aggregates a dataset column by agg, as
// the definition asks.
func plainMeasure(q *query.Question, m *query.Measure, aggs ...string) bool {
	if m == nil || m.DefaultAggregation {
		return false
	}
	for _, c := range q.CalculatedFields {
		if c.Name == m.Field {
			return false
		}
	}
	for _, a := range aggs {
		if m.Aggregation == a {
			return true
		}
	}
	return false
}

// additive reports whether a measure's aggregate at a level is the sum of
// its cells.
func additive(q *query.Question, f field) bool {
	return totalsFromCells && plainMeasure(q, f.measure, query.Sum, query.Count)
}

// meanParts asks, at the cells' level, the SUM and COUNT of the column of
// each AVERAGE measure (by measure index) and keys them by the cells'
// row and column values, as the pivot keys its cells.
func meanParts(ctx context.Context, run Runner, arn string, q *query.Question, p *plan, means []int) (map[string][][2]any, bool, error) {
	lq := *q
	lq.Sort, lq.Limit, lq.Measures = nil, pivotLimit+1, nil
	ms := p.measures()
	for _, k := range means {
		m := *ms[k].measure
		s, c := m, m
		s.ID, s.Aggregation = "__sum"+strconv.Itoa(k), query.Sum
		c.ID, c.Aggregation = "__count"+strconv.Itoa(k), query.Count
		lq.Measures = append(lq.Measures, s, c)
	}
	res, err := run(ctx, arn, &lq)
	if err != nil {
		return nil, false, err
	}
	if len(res.Rows) > pivotLimit {
		return nil, false, nil
	}
	fs := p.dims()
	out := map[string][][2]any{}
	for _, row := range res.Rows {
		var parts []string
		for i, f := range fs {
			parts = append(parts, fieldText(row[i], res.Columns[i], f))
		}
		sc := make([][2]any, len(ms))
		for j, k := range means {
			sc[k] = [2]any{row[len(fs)+2*j], row[len(fs)+2*j+1]}
		}
		out[pathKey(parts)] = sc
	}
	return out, true, nil
}

// mean is an average over cells from their sums and counts: nil when
// they count nothing.
func mean(parts [][2]any) any {
	var s, c float64
	for _, sc := range parts {
		x, okS := number(sc[0])
		n, okC := number(sc[1])
		if okS && okC {
			s, c = s+x, c+n
		}
	}
	if c == 0 {
		return nil
	}
	return s / c
}
