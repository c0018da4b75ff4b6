package viewer

import (
	"github.com/sightglass/sightglass/internal/query"
)

// A total or subtotal of a pivot is found from the cells it covers when
// that gives SQL's number: a SUM or COUNT of a dataset column is the sum
// of its cells (additive), and an AVERAGE of one is the sum of its cells'
// sums over the sum of their counts, asked beside the cells in the
// pivot's own question (withCellParts). Other aggregates (a distinct
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

// pivotMeans are the cells' sums and counts of the AVERAGE measures
// whose totals and subtotals come from them: each is the sum of its
// cells' sums over the sum of their counts.
type pivotMeans struct {
	of    []int               // the measures, by index
	parts map[string][][2]any // by the cells' key (pathKey of row then column values): each measure's sum and count
}

// cellMeans are the measures (by index) of a pivot with totals whose
// totals are found from their cells' sums and counts: the AVERAGE of a
// dataset column, unless its TotalAggregationFunction says otherwise.
func (p *plan) cellMeans(q *query.Question) []int {
	if p.pivotTotals == nil || !totalsFromCells {
		return nil
	}
	var out []int
	for k, f := range p.measures() {
		if fn := p.pivotTotals.funcs[f.id]; (fn == "" || fn == "DEFAULT") && plainMeasure(q, f.measure, query.Average) {
			out = append(out, k)
		}
	}
	return out
}

// withCellParts returns a copy of q that also asks, after its measures,
// the SUM and COUNT of the column of each measure of means: the pivot's
// own question brings its totals' parts, and no other question is asked
// for them.
func withCellParts(q *query.Question, p *plan, means []int) *query.Question {
	if len(means) == 0 {
		return q
	}
	out := *q
	out.Measures = append([]query.Measure{}, q.Measures...)
	ms := p.measures()
	for _, k := range means {
		s, c := *ms[k].measure, *ms[k].measure
		s.ID, s.Aggregation = "__sg_sum_"+measureID(s), query.Sum
		c.ID, c.Aggregation = "__sg_count_"+measureID(c), query.Count
		out.Measures = append(out.Measures, s, c)
	}
	return &out
}

// cellParts removes the columns withCellParts added from res and keys
// them by the cells' row and column values, as the pivot keys its cells.
func cellParts(res *Result, p *plan, means []int) (*Result, *pivotMeans) {
	if len(means) == 0 {
		return res, nil
	}
	res, cols := splitHidden(res, 2*len(means))
	fs, n := p.dims(), len(p.measures())
	out := &pivotMeans{of: means, parts: make(map[string][][2]any, len(res.Rows))}
	for r, row := range res.Rows {
		parts := make([]string, len(fs))
		for i, f := range fs {
			parts[i] = fieldText(row[i], res.Columns[i], f)
		}
		sc := make([][2]any, n)
		for j, k := range means {
			if 2*j+1 < len(cols[r]) {
				sc[k] = [2]any{cols[r][2*j], cols[r][2*j+1]}
			}
		}
		out.parts[pathKey(parts)] = sc
	}
	return res, out
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
