package viewer

import (
	"context"
	"slices"
	"strings"

	"github.com/sightglass/sightglass/internal/query"
)

// pivotOrderValues asks, for each row or column level of p's pivot that
// is ordered by an aggregate, that aggregate per group of the level: q
// grouped by the axis's fields down to the level, with the one measure.
// why, when not empty, names what cannot be ordered.
func (v *View) pivotOrderValues(ctx context.Context, p *plan, q *query.Question, arn string, run Runner) (why string, err error) {
	o := p.pivotOrder
	if o == nil {
		return "", nil
	}
	fetch := func(levels []pivotLevelOrder, axis []field) ([]map[string]any, string, error) {
		var out []map[string]any
		for d, l := range levels {
			if l.by == nil {
				continue
			}
			lq := *q
			lq.Measures = []query.Measure{*l.by}
			ans, ok, err := pivotLevel(ctx, run, arn, &lq, axis[:d+1])
			if err != nil || !ok {
				return nil, "a sort by an aggregate of more groups than Sightglass draws", err
			}
			if out == nil {
				out = make([]map[string]any, len(levels))
			}
			out[d] = make(map[string]any, len(ans))
			for k, vals := range ans {
				if len(vals) > 0 {
					out[d][k] = vals[0]
				}
			}
		}
		return out, "", nil
	}
	if o.rowAgg, why, err = fetch(o.rows, p.category); why != "" || err != nil {
		return why, err
	}
	o.colAgg, why, err = fetch(o.cols, p.colors)
	return why, err
}

// pivotPermutations orders a pivot's row and column leaves (each its
// fields' drawn values; a column's raw values too) as o says: returned
// are the leaves' indices in their new order. Row values keep the
// answer's order (the question sorted them as the definition asks);
// column values are compared raw, NULL first when ascending.
func pivotPermutations(o *pivotOrder, rows, cols [][]string, colRaw [][]any) (rowPerm, colPerm []int) {
	var rowLevels, colLevels []pivotLevelOrder
	var rowAgg, colAgg []map[string]any
	if o != nil {
		rowLevels, colLevels, rowAgg, colAgg = o.rows, o.cols, o.rowAgg, o.colAgg
	}
	rowKeys, colKeys := prefixKeys(rows), prefixKeys(cols)
	// rank: each row prefix's place in the answer, per level.
	rank := map[string]int{}
	for _, ks := range rowKeys {
		for _, k := range ks {
			if _, seen := rank[k]; !seen {
				rank[k] = len(rank)
			}
		}
	}
	rowPerm = leafOrder(len(rows), func(a, b int) int {
		for d, ka := range rowKeys[a] {
			kb := rowKeys[b][d]
			if ka == kb {
				continue
			}
			if c := byAggregate(rowLevels, rowAgg, d, ka, kb); c != 0 {
				return c
			}
			return rank[ka] - rank[kb]
		}
		return 0
	})
	colPerm = leafOrder(len(cols), func(a, b int) int {
		for d, ka := range colKeys[a] {
			kb := colKeys[b][d]
			if ka == kb {
				continue
			}
			if c := byAggregate(colLevels, colAgg, d, ka, kb); c != 0 {
				return c
			}
			c := cmpRaw(colRaw[a][d], colRaw[b][d])
			if d < len(colLevels) && colLevels[d].desc {
				c = -c
			}
			if c != 0 {
				return c
			}
			return strings.Compare(ka, kb)
		}
		return 0
	})
	return rowPerm, colPerm
}

// byAggregate compares two groups of level d by the level's aggregate;
// 0 when the level is not ordered by one, or they tie.
func byAggregate(levels []pivotLevelOrder, aggs []map[string]any, d int, ka, kb string) int {
	if d >= len(levels) || levels[d].by == nil || d >= len(aggs) || aggs[d] == nil {
		return 0
	}
	c := cmpRaw(aggs[d][ka], aggs[d][kb])
	if levels[d].byDesc {
		c = -c
	}
	return c
}

// leafOrder is 0..n-1 stably sorted by cmp.
func leafOrder(n int, cmp func(a, b int) int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	slices.SortStableFunc(out, cmp)
	return out
}

// prefixKeys is each leaf's pathKey at each level, from the first.
func prefixKeys(leaves [][]string) [][]string {
	out := make([][]string, len(leaves))
	for i, l := range leaves {
		out[i] = make([]string, len(l))
		for d := range l {
			out[i][d] = pathKey(l[:d+1])
		}
	}
	return out
}

// orderPivot puts a pivot's rows and columns in o's order: it returns
// the row and column keys in that order and the cells under their new
// indices, and renumbers pv's column parts and answer-row cells alike.
func orderPivot(pv *Pivot, o *pivotOrder, rowKeys []string, rowHeaders map[string][]string, colKeys []string, colRaw [][]any, cells map[[2]int][]any) ([]string, []string, map[[2]int][]any) {
	rows := make([][]string, len(rowKeys))
	for i, k := range rowKeys {
		rows[i] = rowHeaders[k]
	}
	rowPerm, colPerm := pivotPermutations(o, rows, pv.colParts, colRaw)
	newRow, newCol := inverse(rowPerm), inverse(colPerm)
	outRows, outCols := make([]string, len(rowKeys)), make([]string, len(colKeys))
	parts := make([][]string, len(colKeys))
	for i, old := range rowPerm {
		outRows[i] = rowKeys[old]
	}
	for i, old := range colPerm {
		outCols[i], parts[i] = colKeys[old], pv.colParts[old]
	}
	outCells := make(map[[2]int][]any, len(cells))
	for at, vals := range cells {
		outCells[[2]int{newRow[at[0]], newCol[at[1]]}] = vals
	}
	for i, at := range pv.at {
		pv.at[i] = [2]int{newRow[at[0]], newCol[at[1]]}
	}
	pv.colParts = parts
	return outRows, outCols, outCells
}

// inverse maps each old index of a permutation to its new place.
func inverse(perm []int) []int {
	out := make([]int, len(perm))
	for i, old := range perm {
		out[old] = i
	}
	return out
}
