package viewer

import (
	"encoding/json"
	"strconv"
)

// A pivot table's TotalOptions: RowTotalOptions draw the row totals, a
// column holding each row's total over the column fields;
// ColumnTotalOptions draw the column totals, a row holding each column's
// total over the row fields; with both, the corner holds the grand total.
// RowSubtotalOptions add a subtotal row to each group of the row fields
// at the levels FieldLevel names (ALL: every row field but the last;
// LAST, the default: the one before the last; CUSTOM: the fields of
// FieldLevelOptions), placed at the start or end of its group as the
// column totals row is placed; ColumnSubtotalOptions add subtotal columns
// to the groups of the column fields alike, placed as the row totals
// column is. Each total and subtotal is SQL's aggregate at its level (the
// question grouped by the fields of the level only; pivotcells.go finds
// it from the cells when that gives the same number), so an average's
// total is the average of its rows, not a sum of cells. A measure's
// TotalAggregationFunction (read from both total options: they must
// agree) SUM, AVERAGE, MIN or MAX aggregates the drawn cells the total
// covers instead; NONE leaves it blank. Collapsed row and column fields
// (pivotcollapse.go) draw each collapsed group as its subtotal row or
// column. The totals of a pivot cut at its row limit are refused by name;
// so is anything here that cannot be read or applied.

// pivotTotalOptions is QuickSight's PivotTotalOptions.
type pivotTotalOptions struct {
	cellStyles
	TotalsVisibility        string `json:"TotalsVisibility"`
	Placement               string `json:"Placement"`
	CustomLabel             string `json:"CustomLabel"`
	TotalAggregationOptions []struct {
		FieldId                  string `json:"FieldId"`
		TotalAggregationFunction *struct {
			SimpleTotalAggregationFunction string `json:"SimpleTotalAggregationFunction"`
		} `json:"TotalAggregationFunction"`
	} `json:"TotalAggregationOptions"`
}

// pivotTableTotalOptions is QuickSight's PivotTableTotalOptions.
type pivotTableTotalOptions struct {
	RowTotalOptions       *pivotTotalOptions `json:"RowTotalOptions"`
	ColumnTotalOptions    *pivotTotalOptions `json:"ColumnTotalOptions"`
	RowSubtotalOptions    *subtotalOptions   `json:"RowSubtotalOptions"`
	ColumnSubtotalOptions *subtotalOptions   `json:"ColumnSubtotalOptions"`
}

// subtotalOptions is the part of QuickSight's SubtotalOptions read here.
type subtotalOptions struct {
	cellStyles
	TotalsVisibility  string `json:"TotalsVisibility"`
	CustomLabel       string `json:"CustomLabel"`
	FieldLevel        string `json:"FieldLevel"`
	FieldLevelOptions []struct {
		FieldId string `json:"FieldId"`
	} `json:"FieldLevelOptions"`
	StyleTargets []styleTarget `json:"StyleTargets"`
}

// cellStyles are the TableCellStyles of a total or subtotal option,
// drawn on its cells (pivotstyle.go).
type cellStyles struct {
	TotalCellStyle        map[string]json.RawMessage `json:"TotalCellStyle"`
	ValueCellStyle        map[string]json.RawMessage `json:"ValueCellStyle"`
	MetricHeaderCellStyle map[string]json.RawMessage `json:"MetricHeaderCellStyle"`
}

// pivotTotal is one drawn total of a pivot: its label and placement.
type pivotTotal struct {
	label string
	first bool // Placement START
	look  totalLook
}

// pivotSubtotal is a pivot's subtotals along its rows or its columns.
type pivotSubtotal struct {
	label  string
	first  bool         // at the start of each group
	levels map[int]bool // the depths (1 to fields-1) with a subtotal
	look   totalLook
}

// pivotTotals are a pivot's drawn totals, subtotals and collapsed groups;
// nil members are not drawn.
type pivotTotals struct {
	rows     *pivotTotal    // the row totals column
	cols     *pivotTotal    // the column totals row
	rowSub   *pivotSubtotal // subtotal rows of the row fields' groups
	colSub   *pivotSubtotal // subtotal columns of the column fields' groups
	funcs    map[string]string
	collapse []collapseState // pivotcollapse.go
	// hideCollapsed hides the columns of collapsed row fields.
	hideCollapsed bool
	notes         []string // what is drawn without its styles, shown under the tile
}

// empty reports whether nothing is drawn beyond the cells.
func (t *pivotTotals) empty() bool {
	return t.rows == nil && t.cols == nil && t.rowSub == nil && t.colSub == nil && len(t.collapse) == 0
}

// pivotTotalsOf reads a pivot's TotalOptions, FieldOptions and
// TableOptions; p.category and p.colors are its row and column fields.
func (p *plan) pivotTotalsOf(totals, fieldOptions, tableOptions json.RawMessage) {
	pt := &pivotTotals{funcs: map[string]string{}}
	p.pivotCollapseOf(pt, fieldOptions, tableOptions)
	if len(totals) > 0 {
		var o pivotTableTotalOptions
		if json.Unmarshal(totals, &o) != nil {
			p.refuse("TotalOptions that cannot be read")
			return
		}
		pt.rows = p.pivotTotalOf(pt, "RowTotalOptions", o.RowTotalOptions)
		pt.cols = p.pivotTotalOf(pt, "ColumnTotalOptions", o.ColumnTotalOptions)
		pt.rowSub = p.subtotalOf("RowSubtotalOptions", o.RowSubtotalOptions, p.category, placement(o.ColumnTotalOptions))
		pt.colSub = p.subtotalOf("ColumnSubtotalOptions", o.ColumnSubtotalOptions, p.colors, placement(o.RowTotalOptions))
		if pt.rows != nil {
			pt.rows.look = pt.looksOf("RowTotalOptions", &o.RowTotalOptions.cellStyles, nil, len(p.values) > 1)
		}
		if pt.cols != nil {
			pt.cols.look = pt.looksOf("ColumnTotalOptions", &o.ColumnTotalOptions.cellStyles, nil, false)
		}
		if pt.rowSub != nil {
			pt.rowSub.look = pt.looksOf("RowSubtotalOptions", &o.RowSubtotalOptions.cellStyles, o.RowSubtotalOptions.StyleTargets, false)
		}
		if pt.colSub != nil {
			pt.colSub.look = pt.looksOf("ColumnSubtotalOptions", &o.ColumnSubtotalOptions.cellStyles, o.ColumnSubtotalOptions.StyleTargets, len(p.values) > 1)
		}
	}
	if !pt.empty() {
		p.pivotTotals = pt
	}
}

// placement reports whether a total option places its total first.
func placement(t *pivotTotalOptions) bool { return t != nil && t.Placement == "START" }

// pivotTotalOf reads one PivotTotalOptions: its total, when visible, and
// its TotalAggregationOptions, visible or not, into pt.funcs.
func (p *plan) pivotTotalOf(pt *pivotTotals, name string, t *pivotTotalOptions) *pivotTotal {
	if t == nil {
		return nil
	}
	for _, a := range t.TotalAggregationOptions {
		fn := "DEFAULT"
		if f := a.TotalAggregationFunction; f != nil && f.SimpleTotalAggregationFunction != "" {
			fn = f.SimpleTotalAggregationFunction
		}
		switch fn {
		case "DEFAULT", "SUM", "AVERAGE", "MIN", "MAX", "NONE":
		default:
			p.refuse(name + " with the TotalAggregationFunction " + fn)
			continue
		}
		if had, ok := pt.funcs[a.FieldId]; ok && had != fn {
			p.refuse("TotalAggregationOptions that differ between the row and column totals (" + had + ", " + fn + ")")
			continue
		}
		pt.funcs[a.FieldId] = fn
	}
	if t.TotalsVisibility != "VISIBLE" {
		return nil
	}
	label := t.CustomLabel
	if label == "" {
		label = "Total"
	}
	return &pivotTotal{label: label, first: t.Placement == "START"}
}

// subtotalOf reads one SubtotalOptions over the fields fs; nil when the
// subtotals are hidden or there is no group to subtotal.
func (p *plan) subtotalOf(name string, s *subtotalOptions, fs []field, first bool) *pivotSubtotal {
	if s == nil || s.TotalsVisibility != "VISIBLE" {
		return nil
	}
	out := &pivotSubtotal{label: s.CustomLabel, first: first, levels: map[int]bool{}}
	if out.label == "" {
		out.label = "Subtotal"
	}
	switch s.FieldLevel {
	case "ALL":
		for d := 1; d < len(fs); d++ {
			out.levels[d] = true
		}
	case "", "LAST":
		if len(fs) > 1 {
			out.levels[len(fs)-1] = true
		}
	case "CUSTOM":
		for _, o := range s.FieldLevelOptions {
			i := fieldIndex(fs, o.FieldId)
			if i < 0 {
				p.refuse(name + " FieldLevelOptions naming " + strconv.Quote(o.FieldId) + ", not one of its fields")
				continue
			}
			if i+1 < len(fs) { // the last field's groups are the cells themselves
				out.levels[i+1] = true
			}
		}
	default:
		p.refuse(name + " with the FieldLevel " + s.FieldLevel)
		return nil
	}
	if len(out.levels) == 0 {
		return nil
	}
	return out
}

// fieldIndex is the index of the field with id in fs, -1 if none.
func fieldIndex(fs []field, id string) int {
	for i, f := range fs {
		if f.id == id {
			return i
		}
	}
	return -1
}
