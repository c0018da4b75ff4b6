package viewer

import (
	"strings"
)

// The cell styles of a pivot's totals and subtotals (TableCellStyle in
// PivotTotalOptions and SubtotalOptions), drawn as CSS on their cells:
// TotalCellStyle on the total's label (the "Total" or "Subtotal" cell of
// its row, or the header of its column), ValueCellStyle on its values,
// MetricHeaderCellStyle on the header of a total or subtotal column that
// names its measure (a pivot of several measures), over the label's. A
// value where a total row meets a total column takes the row's style, the
// column's over it. What a style sets is data-independent: a font color,
// weight, style, decoration and size, a background color, the text's
// alignment and wrapping, a row height, a uniform border (cellstyle.go
// checks each value before it becomes CSS). Side-specific borders (a
// total's cells are no region with edges Sightglass places), a hidden
// Visibility and a MetricHeaderCellStyle with no cell to style (a totals
// or subtotal row; a column of a pivot of one measure, whose headers do
// not name it) are named under the tile. A subtotal's StyleTargets, when
// given, list the cell types that take their style.

// totalLook is the CSS of a total's label, of its values and of its
// metric header.
type totalLook struct{ label, value, header string }

// looksOf reads a total option's styles (name: the option) into its
// look; what is not drawn is added to pt.notes. A subtotal's StyleTargets
// (targets), when it has some, are the cell types that take their style:
// TOTAL the label's, VALUE the values', METRIC_HEADER the metric
// header's. The metric header is drawn where a cell heads a total's
// metric (metricHeader): the header of a total or subtotal column of a
// pivot of several measures, which names its measure after its label.
func (pt *pivotTotals) looksOf(name string, c *cellStyles, targets []styleTarget, metricHeader bool) totalLook {
	var not []string
	label, n1 := cellLook(c.TotalCellStyle)
	value, n2 := cellLook(c.ValueCellStyle)
	header, n3 := cellLook(c.MetricHeaderCellStyle)
	if len(targets) > 0 {
		on := map[string]bool{}
		for _, t := range targets {
			on[t.CellType] = true
		}
		if !on["TOTAL"] {
			label, n1 = "", nil
		}
		if !on["VALUE"] {
			value, n2 = "", nil
		}
		if !on["METRIC_HEADER"] {
			header, n3 = "", nil
		}
	}
	for _, n := range n1 {
		not = append(not, "TotalCellStyle "+n)
	}
	for _, n := range n2 {
		not = append(not, "ValueCellStyle "+n)
	}
	switch {
	case header == "" && len(n3) == 0:
	case metricHeader:
		for _, n := range n3 {
			not = append(not, "MetricHeaderCellStyle "+n)
		}
	default:
		not = append(not, "MetricHeaderCellStyle (no cell heads this total's metric: Sightglass names a pivot's measures in its column headers, when it has several)")
		header = ""
	}
	if len(not) > 0 {
		pt.notes = append(pt.notes, "The cell styles of a pivot table's "+name+" are drawn without "+strings.Join(not, ", ")+": not yet supported by Sightglass.")
	}
	return totalLook{label: label, value: value, header: header}
}

// styleTarget is QuickSight's TableStyleTarget.
type styleTarget struct {
	CellType string `json:"CellType"`
}

// rowLook is the look of a row slot: the totals row's, or a subtotal
// row's (not a collapsed group's without subtotals, nor a leaf's).
func (pt *pivotTotals) rowLook(rs pivotSlot) totalLook {
	switch {
	case rs.leaf >= 0:
	case rs.depth == 0 && pt.cols != nil:
		return pt.cols.look
	case rs.depth > 0 && pt.rowSub != nil && pt.rowSub.levels[rs.depth]:
		return pt.rowSub.look
	}
	return totalLook{}
}

// colLook is the look of a column slot, as rowLook's.
func (pt *pivotTotals) colLook(cs pivotSlot) totalLook {
	switch {
	case cs.leaf >= 0:
	case cs.depth == 0 && pt.rows != nil:
		return pt.rows.look
	case cs.depth > 0 && pt.colSub != nil && pt.colSub.levels[cs.depth]:
		return pt.colSub.look
	}
	return totalLook{}
}

// styleCells gives the total and subtotal values of a drawn row r (row
// slot rs, column slots cols of nm measures each) their looks: the row's
// ValueCellStyle, then the column's.
func (pt *pivotTotals) styleCells(r *PivotRow, rs pivotSlot, cols []pivotSlot, nm int) {
	for j, cs := range cols {
		if rs.leaf >= 0 && cs.leaf >= 0 {
			continue
		}
		look := pt.rowLook(rs).value + pt.colLook(cs).value
		for k := range nm {
			if i := j*nm + k; i < len(r.Cells) && look != "" {
				r.Cells[i].Format.Look = look
			}
		}
	}
}
