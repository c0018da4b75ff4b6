package viewer

import (
	"encoding/json"
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
// is hidden too, in the page as groups are toggled. Collapsing a column
// field, a Target that names no row field and a PivotTableDataPathType
// (each names a column of a layout not drawn here) are refused by name.

// collapseState is one CollapseStateOption on the row fields.
type collapseState struct {
	depth     int       // the groups' row fields: 1 to len(rows)-1
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
		ok := true
		at := func(id string) int {
			i := fieldIndex(p.category, id)
			if i < 0 {
				ok = false
				what := "not a field of the pivot"
				if fieldIndex(p.colors, id) >= 0 {
					what = "a column field (collapsed columns)"
				}
				p.refuse("CollapseStateOptions on " + strconv.Quote(id) + ", " + what)
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
		if s.depth == 0 || s.depth >= len(p.category) {
			continue // the last row field's groups are single rows: nothing to collapse
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
func (t *pivotTotals) collapsed(parts []string) bool {
	out, rank := false, -1
	for _, s := range t.collapse {
		if s.depth != len(parts) {
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
	out := map[int]bool{}
	for d := 1; len(t.collapse) > 0 && d < n; d++ {
		out[d] = true
	}
	return out
}
