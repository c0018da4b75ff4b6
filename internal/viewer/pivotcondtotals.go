package viewer

import (
	"context"

	"github.com/sightglass/sightglass/internal/query"
)

// Conditional formatting of a pivot's totals. A cell rule's Scope or
// Scopes say which of its field's cells it formats: FIELD the values,
// FIELD_TOTAL the subtotals (a subtotal row or column, or a collapsed
// group drawn as one), GRAND_TOTAL the totals (a value in the totals row
// or the totals column, the grand total among them). On a total or
// subtotal the rule's condition is evaluated at the total's level: the
// pivot's question, with the condition as a hidden measure, grouped by the
// fields of the total's row and column only (one question per level), so
// sum({revenue}) > 1000 on a region's subtotal is the region's sum. A
// solid color or custom icon applies where it holds; a gradient or icon
// set, which places a value in the range of the values drawn, is not
// applied to totals (which range QuickSight takes there is not
// documented) and is named under the tile.

// pivotScope is the cells a pivot cell rule formats.
type pivotScope struct{ field, subtotals, totals bool }

// pivotTotalCell is a drawn total or subtotal value: its row and cell in
// the pivot, its row and column slots and its measure.
type pivotTotalCell struct {
	row, cell int
	rs, cs    pivotSlot
	k         int
}

// totalCellsOf lists the total and subtotal values of drawn row row (row
// slot rs, column slots cols of nm measures each).
func totalCellsOf(row int, rs pivotSlot, cols []pivotSlot, nm int) []pivotTotalCell {
	var out []pivotTotalCell
	for j, cs := range cols {
		if rs.leaf >= 0 && cs.leaf >= 0 {
			continue
		}
		for k := range nm {
			out = append(out, pivotTotalCell{row: row, cell: j*nm + k, rs: rs, cs: cs, k: k})
		}
	}
	return out
}

// grand reports whether a total cell is in the totals row or column.
func (c pivotTotalCell) grand() bool {
	return c.rs.leaf < 0 && c.rs.depth == 0 || c.cs.leaf < 0 && c.cs.depth == 0
}

// formatPivotTotals applies the rules scoped to totals or subtotals to
// the drawn totals of pv, whose cells the question q answered.
func (v *View) formatPivotTotals(ctx context.Context, pv *Pivot, p *plan, q *query.Question, x *extras, arn string, run Runner) {
	ms := p.measures()
	var rules []condRule
	for _, r := range x.conds {
		if r.target != condCell || !r.scope.subtotals && !r.scope.totals {
			continue
		}
		if r.gradient != nil || r.iconSet != nil {
			what := "gradient"
			if r.iconSet != nil {
				what = "icon set"
			}
			x.note("A conditional " + what + " of field " + r.fieldID + " is not applied to the pivot table's totals and subtotals: Sightglass places it by the range of the values only.")
			continue
		}
		rules = append(rules, r)
	}
	if len(rules) == 0 || len(pv.totalCells) == 0 {
		return
	}
	hq := withHiddenAsWritten(q, x.hidden) // asked again by coarser groups

	levels := map[[2]int]map[string][]any{}
	for _, tc := range pv.totalCells {
		for _, r := range rules {
			if tc.k >= len(ms) || ms[tc.k].id != r.fieldID || tc.grand() && !r.scope.totals || !tc.grand() && !r.scope.subtotals {
				continue
			}
			c := &pv.Rows[tc.row].Cells[tc.cell]
			if c.Text == "" { // no value (TotalAggregationFunction NONE, or none at its level)
				continue
			}
			at := [2]int{tc.rs.depth, tc.cs.depth}
			l, asked := levels[at]
			if !asked {
				fs := append(append([]field{}, p.category[:tc.rs.depth]...), p.colors[:tc.cs.depth]...)
				var ok bool
				var err error
				l, ok, err = pivotLevel(ctx, run, arn, hq, fs)
				switch {
				case err != nil:
					x.note("Conditional formatting of the pivot table's totals is not shown: " + errorText(err))
					return
				case !ok:
					x.note("Conditional formatting of the pivot table's totals is not shown: they have more groups than Sightglass draws.")
					return
				}
				levels[at] = l
			}
			vals := l[pathKey(append(append([]string{}, tc.rs.parts...), tc.cs.parts...))]
			if i := len(q.Measures) + r.hidden; i < len(vals) {
				if f, ok := number(vals[i]); ok && f != 0 {
					c.Format.apply(r, condHit{color: r.color, icon: r.icon})
				}
			}
		}
	}
}
