package viewer

import (
	"context"
	"encoding/json"
	"sort"
	"strings"

	"github.com/sightglass/sightglass/internal/query"
)

// A pivot with totals, subtotals or collapsed groups is drawn again as a
// grid of row slots by column slots. A slot is a leaf (a row or column of
// the answer), a group's subtotal, or the total; the cell of two leaves
// is the answer's (with its conditional format), any other cell is the
// aggregate at the level of its two slots: the question grouped by the
// row fields of its row slot and the column fields of its column slot,
// asked once per level (pivottotals.go says which aggregate), unless the
// cells give it (pivotcells.go).

// pivotSlot is one drawn row or column of a pivot.
type pivotSlot struct {
	depth int      // the fields it is grouped by: all (a leaf), fewer (a subtotal), none (the total)
	parts []string // those fields' values
	leaf  int      // the leaf's index in the pivot; -1 for a subtotal or total
	shown bool     // a subtotal drawn while its group is expanded
}

// pivotSlots orders leaves (each its n fields' values) by their groups
// and adds a slot per group at the depths of levels (before its leaves
// with first, else after), shown at the depths of sub, and the total.
func pivotSlots(leaves [][]string, n int, levels, sub map[int]bool, first bool, total *pivotTotal) []pivotSlot {
	order := make([]int, len(leaves))
	for i := range order {
		order[i] = i
	}
	if len(levels) > 0 { // group the leaves by each field in turn, in order of first appearance
		rank := make([]map[string]int, n)
		for d := range rank {
			rank[d] = map[string]int{}
		}
		for _, l := range leaves {
			for d := 1; d <= n; d++ {
				k := pathKey(l[:d])
				if _, ok := rank[d-1][k]; !ok {
					rank[d-1][k] = len(rank[d-1])
				}
			}
		}
		sort.SliceStable(order, func(a, b int) bool {
			la, lb := leaves[order[a]], leaves[order[b]]
			for d := 1; d < n; d++ {
				ra, rb := rank[d-1][pathKey(la[:d])], rank[d-1][pathKey(lb[:d])]
				if ra != rb {
					return ra < rb
				}
			}
			return false
		})
	}
	var out []pivotSlot
	group := func(parts []string) pivotSlot {
		d := len(parts)
		return pivotSlot{depth: d, parts: parts, leaf: -1, shown: sub[d]}
	}
	if total != nil && total.first {
		out = append(out, pivotSlot{leaf: -1, shown: true})
	}
	var prev []string
	for _, li := range order {
		cur := leaves[li]
		if prev != nil && !first {
			for d := n - 1; d >= 1; d-- {
				if levels[d] && pathKey(prev[:d]) != pathKey(cur[:d]) {
					out = append(out, group(prev[:d]))
				}
			}
		}
		if first {
			for d := 1; d < n; d++ {
				if levels[d] && (prev == nil || pathKey(prev[:d]) != pathKey(cur[:d])) {
					out = append(out, group(cur[:d]))
				}
			}
		}
		out = append(out, pivotSlot{depth: n, parts: cur, leaf: li})
		prev = cur
	}
	if prev != nil && !first {
		for d := n - 1; d >= 1; d-- {
			if levels[d] {
				out = append(out, group(prev[:d]))
			}
		}
	}
	if total != nil && !total.first {
		out = append(out, pivotSlot{leaf: -1, shown: true})
	}
	return out
}

// pathKey is the key of a slot's values, as pivotLevel keys its answers.
func pathKey(parts []string) string { return strings.Join(parts, " / ") }

// pivotLevel answers q grouped by dims only (none: the grand total) and
// keys its measures by the dimensions' text, as the pivot keys its rows.
func pivotLevel(ctx context.Context, run Runner, arn string, q *query.Question, fs []field) (map[string][]any, bool, error) {
	lq := *q
	lq.Dimensions, lq.Sort, lq.Limit = nil, nil, pivotLimit+1
	for _, f := range fs {
		lq.Dimensions = append(lq.Dimensions, *f.dim)
	}
	res, err := run(ctx, arn, &lq)
	if err != nil {
		return nil, false, err
	}
	if len(res.Rows) > pivotLimit {
		return nil, false, nil
	}
	out := map[string][]any{}
	for _, row := range res.Rows {
		var parts []string
		for i, f := range fs {
			parts = append(parts, fieldText(row[i], res.Columns[i], f))
		}
		out[pathKey(parts)] = row[len(fs):]
	}
	return out, true, nil
}

// addPivotTotals draws a pivot's totals, subtotals and collapsed groups
// (p.pivotTotals) into pv, with the cells' parts of its AVERAGE measures
// (cellParts); why, when not empty, names what cannot be computed.
func (v *View) addPivotTotals(ctx context.Context, pv *Pivot, p *plan, q *query.Question, arn string, cut bool, run Runner, means *pivotMeans) (why string, err error) {
	pt := p.pivotTotals
	if cut {
		return "totals of a pivot table with more rows than Sightglass draws", nil
	}
	n, m, ms := len(p.category), len(p.colors), p.measures()
	rowLevels, rowSub := pt.collapseLevels(n), map[int]bool{}
	rowFirst := pt.cols != nil && pt.cols.first
	if pt.rowSub != nil {
		rowFirst = pt.rowSub.first
		for d := range pt.rowSub.levels {
			rowLevels[d], rowSub[d] = true, true
		}
	}
	colLevels, colSub, colFirst := pt.collapseLevelsOn(true, m), map[int]bool{}, false
	if pt.colSub != nil {
		colFirst = pt.colSub.first
		for d := range pt.colSub.levels {
			colLevels[d], colSub[d] = true, true
		}
	}
	var rowLeaves [][]string
	for _, r := range pv.Rows {
		rowLeaves = append(rowLeaves, r.Headers)
	}
	rows := pivotSlots(rowLeaves, n, rowLevels, rowSub, rowFirst, pt.cols)
	cols := pt.drawnColumns(pivotSlots(pv.colParts, m, colLevels, colSub, colFirst, pt.rows))

	levels := map[[2]int]map[string][]any{}
	level := func(a, b int) (map[string][]any, string, error) {
		if l, ok := levels[[2]int{a, b}]; ok {
			return l, "", nil
		}
		fs := append(append([]field{}, p.category[:a]...), p.colors[:b]...)
		l, ok, err := pivotLevel(ctx, run, arn, q, fs)
		if err != nil {
			return nil, "", err
		}
		if !ok {
			return nil, "totals of more groups than Sightglass draws", nil
		}
		levels[[2]int{a, b}] = l
		return l, "", nil
	}
	cells := newPivotIndex(rowLeaves, pv.colParts, pv.raw)
	// meanOf is the average k under rs and cs from its cells' parts.
	meanOf := func(rs, cs pivotSlot, k int) any {
		var sc [][2]any
		for _, ri := range cells.rows[rs.depth][pathKey(rs.parts)] {
			for _, ci := range cells.cols[cs.depth][pathKey(cs.parts)] {
				if x, ok := means.parts[pathKey(append(append([]string{}, rowLeaves[ri]...), pv.colParts[ci]...))]; ok {
					sc = append(sc, x[k])
				}
			}
		}
		return mean(sc)
	}
	isMean := map[int]bool{}
	if means != nil {
		for _, k := range means.of {
			isMean[k] = true
		}
	}
	cell := func(x any, k int) Cell {
		c := Cell{Numeric: true, Total: true}
		if f, ok := number(x); ok {
			c.Text = formatNumber(f)
			if ms[k].format != nil {
				c.Text = ms[k].format.format(f)
			}
		}
		return c
	}

	var columns []string
	var headLooks []CellFormat
	for _, cs := range cols {
		for k, f := range ms {
			look := pt.colLook(cs)
			headLooks = append(headLooks, CellFormat{Look: look.label + look.header})
			switch {
			case cs.leaf >= 0:
				columns = append(columns, pv.Columns[cs.leaf*len(ms)+k])
				continue
			case cs.depth == 0:
				columns = append(columns, pt.rows.label)
			default:
				label := "Subtotal"
				if pt.colSub != nil {
					label = pt.colSub.label
				}
				columns = append(columns, pathKey(cs.parts)+" / "+label)
			}
			if len(ms) > 1 {
				columns[len(columns)-1] += " · " + f.label
			}
		}
	}
	out := make([]PivotRow, 0, len(rows))
	pv.Groups = len(rowLevels) > 0
	pv.HideCollapsed = pv.Groups && pt.hideCollapsed
	for _, rs := range rows {
		var r PivotRow
		switch {
		case rs.leaf >= 0:
			r = PivotRow{Headers: pv.Rows[rs.leaf].Headers}
		case rs.depth == 0:
			r = PivotRow{Headers: make([]string, n), Total: true}
			if n > 0 {
				r.Headers[0] = pt.cols.label
			}
			r.LabelFormat.Look = pt.rowLook(rs).label
		default:
			r = PivotRow{Headers: make([]string, n), Group: rs.depth, Shown: rs.shown, Collapsed: pt.collapsed(rs.parts)}
			copy(r.Headers, rs.parts)
			r.Headers[rs.depth] = "Subtotal"
			if pt.rowSub != nil {
				r.Headers[rs.depth] = pt.rowSub.label
			}
			r.LabelFormat.Look = pt.rowLook(rs).label
		}
		for _, cs := range cols {
			for k, f := range ms {
				if rs.leaf >= 0 && cs.leaf >= 0 {
					r.Cells = append(r.Cells, pv.Rows[rs.leaf].Cells[cs.leaf*len(ms)+k])
					continue
				}
				switch fn := pt.funcs[f.id]; fn {
				case "NONE":
					r.Cells = append(r.Cells, Cell{Numeric: true, Total: true})
				case "", "DEFAULT":
					if additive(q, f) {
						r.Cells = append(r.Cells, cell(cells.over("SUM", rs, cs, k), k))
						continue
					}
					if isMean[k] {
						r.Cells = append(r.Cells, cell(meanOf(rs, cs, k), k))
						continue
					}
					l, why, err := level(rs.depth, cs.depth)
					if err != nil || why != "" {
						return why, err
					}
					var x any
					if vals, ok := l[pathKey(append(append([]string{}, rs.parts...), cs.parts...))]; ok {
						x = vals[k]
					}
					r.Cells = append(r.Cells, cell(x, k))
				default:
					r.Cells = append(r.Cells, cell(cells.over(fn, rs, cs, k), k))
				}
			}
		}
		pt.styleCells(&r, rs, cols, len(ms))
		pv.totalCells = append(pv.totalCells, totalCellsOf(len(out), rs, cols, len(ms))...)
		if pv.Groups && !r.Total {
			path, _ := json.Marshal(rs.parts)
			r.Path = string(path)
		}
		out = append(out, r)
	}
	pv.Columns, pv.Rows, pv.ColumnFormats = columns, out, headLooks
	hideCollapsed(pv)
	return "", nil
}

// hideCollapsed marks the rows not drawn now: those under a collapsed
// group, and the group rows of expanded groups without subtotals.
func hideCollapsed(pv *Pivot) {
	collapsed := map[string]bool{}
	for _, r := range pv.Rows {
		if r.Group > 0 && r.Collapsed {
			collapsed[pathKey(r.Headers[:r.Group])] = true
		}
	}
	for i := range pv.Rows {
		r := &pv.Rows[i]
		if r.Total {
			continue
		}
		depth := len(r.Headers)
		if r.Group > 0 {
			depth = r.Group
			r.Hidden = !r.Shown && !r.Collapsed
		}
		for d := 1; d < depth; d++ {
			if collapsed[pathKey(r.Headers[:d])] {
				r.Hidden = true
			}
		}
	}
}
