package viewer

import (
	"encoding/json"
	"strconv"
	"strings"
)

// A table's TableOptions: HeaderStyle on its header cells (a hidden
// Visibility draws no header row), CellStyle on its body cells, each
// a region whose borders are placed by the cell's edges
// (cellborder.go), and RowAlternateColorOptions over the body rows
// (rowalternate.go). Conditional formatting is drawn over them. A
// HORIZONTAL Orientation turns the table (Table.Lines); anything the
// styles set that Sightglass does not draw is named under the tile. The totals row takes none of
// these: it has a style of its own, TotalOptions' TotalCellStyle, drawn
// on it as a region the same way.

// tableStyle is what a table's TableOptions draw.
type tableStyle struct {
	header, cells, totals cellStyle
	alt                   rowAlternates
	horizontal            bool // Orientation HORIZONTAL (Table.Lines)
}

// tableStyleOf reads a table's TableOptions, and the TotalCellStyle of
// its TotalOptions (totals), into p.tableStyle; what is not drawn is
// named in p.styleNotes.
func (p *plan) tableStyleOf(raw, totals json.RawMessage) {
	var o struct {
		Orientation              string
		HeaderStyle, CellStyle   map[string]json.RawMessage
		RowAlternateColorOptions json.RawMessage
	}
	if len(raw) > 0 && json.Unmarshal(raw, &o) != nil {
		p.styleNotes = append(p.styleNotes, "A table's TableOptions cannot be read: its cell styles are not drawn.")
		return
	}
	var t struct{ TotalCellStyle map[string]json.RawMessage }
	if p.totals != nil {
		_ = json.Unmarshal(totals, &t) // read before, by readTotalOptions
	}
	var not []string
	s := &tableStyle{}
	var n []string
	s.header, n = readCellStyle(o.HeaderStyle)
	not = append(not, prefixed("HeaderStyle ", n)...)
	s.cells, n = readCellStyle(o.CellStyle)
	if s.cells.hidden {
		n = append(n, "Visibility HIDDEN")
	}
	not = append(not, prefixed("CellStyle ", n)...)
	s.alt, n = readRowAlternates(o.RowAlternateColorOptions, s.cells.background)
	not = append(not, n...)
	switch o.Orientation {
	case "", "VERTICAL":
	case "HORIZONTAL":
		s.horizontal = true
	default:
		not = append(not, "Orientation "+strconv.Quote(o.Orientation))
	}
	s.totals, n = readCellStyle(t.TotalCellStyle)
	if s.totals.hidden {
		n = append(n, "Visibility HIDDEN")
	}
	not = append(not, prefixed("TotalCellStyle ", n)...)
	if len(not) > 0 {
		p.styleNotes = append(p.styleNotes, "The cell styles of a table are drawn without "+strings.Join(not, ", ")+": not yet supported by Sightglass.")
	}
	p.tableStyle = s
}

// prefixed puts a prefix before each name.
func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

// apply draws the styles on a table's drawn header and body cells,
// under the looks (and conditional colors) they already have.
func (s *tableStyle) apply(t *Table) {
	if s == nil || t == nil {
		return
	}
	t.HeaderHidden, t.Horizontal = s.header.hidden, s.horizontal
	for j := range t.Headers {
		look := s.header.at(edges{top: true, bottom: true, left: j == 0, right: j == len(t.Headers)-1})
		t.Headers[j].Format.Look = look + t.Headers[j].Format.Look
	}
	for i, row := range t.Rows {
		for j := range row {
			look := s.cells.at(edges{top: i == 0, bottom: i == len(t.Rows)-1, left: j == 0, right: j == len(row)-1}) + s.alt.at(i)
			row[j].Format.Look = look + row[j].Format.Look
		}
	}
	for j := range t.Totals {
		look := s.totals.at(edges{top: true, bottom: true, left: j == 0, right: j == len(t.Totals)-1})
		t.Totals[j].Format.Look = look + t.Totals[j].Format.Look
	}
}
