package viewer

import (
	"encoding/json"
	"strings"
)

// A pivot table's TableOptions cell styles, each on a region of its
// cells with borders placed by the cell's edges (cellborder.go):
// RowFieldNamesStyle on the row field names over the row headers,
// ColumnHeaderStyle on the column headers, RowHeaderStyle on the row
// headers, CellStyle on the values; RowAlternateColorOptions over the
// drawn rows (rowalternate.go), header and value cells alike. The styles
// of totals and subtotals (pivotstyle.go) and conditional formatting are
// drawn over them. Rows are counted as first drawn: a pivot whose groups
// collapse and expand keeps its row colors and inner borders where they
// were, which is named under the tile. A hidden Visibility, and anything
// else a style sets that Sightglass does not draw, are named too.

// pivotStyle is what a pivot's TableOptions cell styles draw.
type pivotStyle struct {
	cells, colHeader, rowHeader, fieldNames cellStyle
	alt                                     rowAlternates
}

// pivotStyleOf reads a pivot's TableOptions cell styles into
// p.pivotStyle; what is not drawn is named in p.styleNotes.
func (p *plan) pivotStyleOf(raw json.RawMessage) {
	if len(raw) == 0 || string(raw) == "null" {
		return
	}
	var o struct {
		CellStyle, ColumnHeaderStyle, RowHeaderStyle, RowFieldNamesStyle map[string]json.RawMessage
		RowAlternateColorOptions                                         json.RawMessage
	}
	if json.Unmarshal(raw, &o) != nil {
		p.styleNotes = append(p.styleNotes, "A pivot table's TableOptions cannot be read: its cell styles are not drawn.")
		return
	}
	s := &pivotStyle{}
	var not []string
	read := func(name string, raw map[string]json.RawMessage) cellStyle {
		cs, n := readCellStyle(raw)
		if cs.hidden {
			n = append(n, "Visibility HIDDEN")
		}
		not = append(not, prefixed(name+" ", n)...)
		return cs
	}
	s.cells = read("CellStyle", o.CellStyle)
	s.colHeader = read("ColumnHeaderStyle", o.ColumnHeaderStyle)
	s.rowHeader = read("RowHeaderStyle", o.RowHeaderStyle)
	s.fieldNames = read("RowFieldNamesStyle", o.RowFieldNamesStyle)
	var n []string
	s.alt, n = readRowAlternates(o.RowAlternateColorOptions, s.cells.background || s.rowHeader.background)
	not = append(not, n...)
	if len(not) > 0 {
		p.styleNotes = append(p.styleNotes, "The cell styles of a pivot table are drawn without "+strings.Join(not, ", ")+": not yet supported by Sightglass.")
	}
	p.pivotStyle = s
}

// apply draws the styles on a pivot's cells, under the looks they
// already have; it returns what the tile says of them.
func (s *pivotStyle) apply(pv *Pivot) []string {
	if s == nil || pv == nil {
		return nil
	}
	pv.CornerFormats = make([]CellFormat, len(pv.Corner))
	for j := range pv.Corner {
		pv.CornerFormats[j].Look = s.fieldNames.at(edges{top: true, bottom: true, left: j == 0, right: j == len(pv.Corner)-1})
	}
	cols := make([]CellFormat, len(pv.Columns))
	for j := range cols {
		cols[j] = pv.ColumnFormat(j)
		cols[j].Look = s.colHeader.at(edges{top: true, bottom: true, left: j == 0, right: j == len(cols)-1}) + cols[j].Look
	}
	pv.ColumnFormats = cols
	drawn := 0
	for _, r := range pv.Rows {
		if !r.Hidden {
			drawn++
		}
	}
	k := 0 // the row's place among the drawn rows
	for i := range pv.Rows {
		r := &pv.Rows[i]
		top, bottom := k == 0 && !r.Hidden, k == drawn-1 && !r.Hidden
		alt := ""
		if !r.Hidden {
			alt = s.alt.at(k)
			k++
		}
		r.HeaderLooks = make([]string, len(r.Headers))
		for j := range r.Headers {
			r.HeaderLooks[j] = s.rowHeader.at(edges{top: top, bottom: bottom, left: j == 0, right: j == len(r.Headers)-1}) + alt
		}
		for j := range r.Cells {
			c := &r.Cells[j].Format
			c.Look = s.cells.at(edges{top: top, bottom: bottom, left: j == 0, right: j == len(r.Cells)-1}) + alt + c.Look
		}
	}
	if pv.Groups && (s.alt.on() || s.cells.border.sided() || s.rowHeader.border.sided()) {
		return []string{"A pivot table's alternate row colors and side borders are placed for its rows as first drawn: expanding or collapsing a group does not move them."}
	}
	return nil
}
