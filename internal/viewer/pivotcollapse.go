package viewer

import (
	"encoding/json"
	"slices"
	"strconv"
)

// A pivot's FieldOptions.CollapseStateOptions collapse groups of its row
// fields: a Target with a FieldId alone collapses (or expands) every
// group of that field; with FieldDataPathValues, the group those values
// name (a value missing for an outer field matches any). A collapsed
// group is drawn as one row, its subtotal (pivotgrid.go), with a toggle
// in the browser that shows its rows again. With any collapse state every
// group of every row field but the last gets such a row, and every row is
// drawn (hidden under a collapsed group), so any toggle needs no request.
// With TableOptions' CollapsedRowDimensionsVisibility HIDDEN, the column
// of a row field that no drawn row shows (every group above it collapsed)
// is hidden too, in the page as groups are toggled. A collapsed group of
// the column fields is drawn as its subtotal column in place of its
// columns (with no toggle in the page). A target naming both row and
// column fields, or no field of the pivot, and a PivotTableDataPathType
// (each names a column of a layout not drawn here) are refused by name.

// collapseState is one CollapseStateOption on the row or column fields.
type collapseState struct {
	cols      bool      // on the column fields
	depth     int       // the groups' fields: 1 to len(fields)-1
	path      []*string // the values of the fields to depth; nil matches any
	collapsed bool
}

// pivotCollapseOf reads the CollapseStateOptions of fieldOptions into pt.
func (p *plan) pivotCollapseOf(pt *pivotTotals, fieldOptions, tableOptions json.RawMessage) {
	if len(fieldOptions) == 0 {
		return
	}
	var fo struct {
		CollapseStateOptions []struct {
			Target *struct {
				FieldId             string
				FieldDataPathValues []struct {
					FieldId      string
					FieldValue   *string
					DataPathType *struct{ PivotTableDataPathType string }
				}
			}
			State string
		}
	}
	if json.Unmarshal(fieldOptions, &fo) != nil {
		p.refuse("FieldOptions that cannot be read")
		return
	}
	if len(fo.CollapseStateOptions) == 0 {
		return
	}
	var to struct{ CollapsedRowDimensionsVisibility string }
	if len(tableOptions) > 0 && json.Unmarshal(tableOptions, &to) != nil {
		p.refuse("TableOptions that cannot be read")
		return
	}
	switch to.CollapsedRowDimensionsVisibility {
	case "", "VISIBLE":
	case "HIDDEN":
		pt.hideCollapsed = true
	default:
		p.refuse("CollapsedRowDimensionsVisibility " + to.CollapsedRowDimensionsVisibility)
		return
	}
	for _, o := range fo.CollapseStateOptions {
		if o.Target == nil {
			p.refuse("CollapseStateOptions without a Target")
			continue
		}
		s := collapseState{collapsed: o.State != "EXPANDED"}
		if o.State != "" && o.State != "COLLAPSED" && o.State != "EXPANDED" {
			p.refuse("CollapseStateOptions with the State " + o.State)
			continue
		}
		ok, side := true, 0 // side: 1 rows, 2 columns, once a field is named
		at := func(id string) int {
			i, on := fieldIndex(p.category, id), 1
			if i < 0 {
				i, on = fieldIndex(p.colors, id), 2
			}
			switch {
			case i < 0:
				p.refuse("CollapseStateOptions on " + strconv.Quote(id) + ", not a field of the pivot")
			case side != 0 && side != on:
				p.refuse("CollapseStateOptions naming both row and column fields")
				i = -1
			default:
				side = on
			}
			if i < 0 {
				ok = false
			}
			return i
		}
		if o.Target.FieldId != "" {
			s.depth = at(o.Target.FieldId) + 1
		}
		var path []*string
		for _, v := range o.Target.FieldDataPathValues {
			if t := v.DataPathType; t != nil && t.PivotTableDataPathType != "" {
				// Each names a column of a layout not drawn here (HIERARCHY
				// rows, metrics on rows, the COUNT of no values).
				p.refuse("CollapseStateOptions with the DataPathType " + t.PivotTableDataPathType)
				ok = false
				break
			}
			i := at(v.FieldId)
			if i < 0 {
				break
			}
			for len(path) <= i {
				path = append(path, nil)
			}
			path[i] = v.FieldValue
		}
		if !ok {
			continue
		}
		if s.depth == 0 {
			s.depth = len(path)
		}
		if len(path) > s.depth {
			p.refuse("CollapseStateOptions with FieldDataPathValues below their Target's field")
			continue
		}
		fields := p.category
		if s.cols = side == 2; s.cols {
			fields = p.colors
		}
		if s.depth == 0 || s.depth >= len(fields) {
			continue // the last field's groups are single rows or columns: nothing to collapse
		}
		if len(path) > 0 {
			s.path = path
		}
		pt.collapse = append(pt.collapse, s)
	}
}

// collapsed reports whether the group of the row-field values parts (its
// depth is len(parts)) is collapsed: a state naming its values outranks
// one naming its field, and a later state an earlier one.
func (t *pivotTotals) collapsed(parts []string) bool { return t.collapsedOn(false, parts) }

// collapsedOn is collapsed for the row fields, or the column fields with
// cols.
func (t *pivotTotals) collapsedOn(cols bool, parts []string) bool {
	out, rank := false, -1
	for _, s := range t.collapse {
		if s.cols != cols || s.depth != len(parts) {
			continue
		}
		r := 0
		if s.path != nil {
			r = 1
			for i, v := range s.path {
				if v != nil && *v != parts[i] {
					r = -1
					break
				}
			}
		}
		if r >= rank && r >= 0 {
			out, rank = s.collapsed, r
		}
	}
	return out
}

// collapseLevels are the depths whose groups need a row, drawn when
// collapsed: with any collapse state, every depth of the n row fields
// but the last, so that the browser can collapse any group.
func (t *pivotTotals) collapseLevels(n int) map[int]bool {
	return t.collapseLevelsOn(false, n)
}

// collapseLevelsOn is collapseLevels for the row fields, or the m column
// fields with cols.
func (t *pivotTotals) collapseLevelsOn(cols bool, m int) map[int]bool {
	out := map[int]bool{}
	if !slices.ContainsFunc(t.collapse, func(s collapseState) bool { return s.cols == cols }) {
		return out
	}
	for d := 1; d < m; d++ {
		out[d] = true
	}
	return out
}

// drawnColumns leaves out of a pivot's column slots those under a
// collapsed column group, and the groups neither collapsed nor
// subtotaled (shown).
func (t *pivotTotals) drawnColumns(cols []pivotSlot) []pivotSlot {
	if len(t.collapseLevelsOn(true, 2)) == 0 {
		return cols
	}
	var out []pivotSlot
	for _, cs := range cols {
		if cs.leaf < 0 && cs.depth > 0 && !cs.shown && !t.collapsedOn(true, cs.parts) {
			continue
		}
		under := false
		for d := 1; d < cs.depth; d++ {
			under = under || t.collapsedOn(true, cs.parts[:d])
		}
		if !under {
			out = append(out, cs)
		}
	}
	return out
}
