package viewer

import (
	"strings"
)

// Cell is one cell of a table or pivot table.
type Cell struct {
	Text    string
	Numeric bool
	Format  CellFormat // conditional formatting (condapply.go)
	Total   bool       // a pivot's total or subtotal cell (pivotgrid.go)
}

// Table is a table visual's HTML model.
type Table struct {
	Headers   []Cell
	Rows      [][]Cell
	Truncated bool
	// Note says how many rows are shown of how many, when a table draws
	// fewer rows than its filters keep.
	Note string
	// Totals is the totals row (nil for none); TotalsFirst places it
	// before the rows.
	Totals      []Cell
	TotalsFirst bool
	// HeaderHidden: the header row is not drawn (a HeaderStyle's
	// Visibility HIDDEN, tablestyle.go).
	HeaderHidden bool
	// Horizontal (Orientation HORIZONTAL): drawn turned, a line per
	// field and a column per row (Lines).
	Horizontal bool
}

// TableLine is a line of a horizontal table: a field's header, then its
// cell in each row, then its total.
type TableLine struct {
	Head  Cell
	Cells []Cell
}

// Lines turns a table for Orientation HORIZONTAL: a line per field (its
// header first, unless hidden) and a column per row, the totals a last
// column (or the first after the headers, with TotalsFirst).
func (t *Table) Lines() []TableLine {
	out := make([]TableLine, len(t.Headers))
	total := func(j int) Cell {
		c := t.Totals[j]
		c.Total = true // drawn as a total, and selects nothing on a click
		return c
	}
	for j, h := range t.Headers {
		l := TableLine{Head: h}
		if t.Totals != nil && t.TotalsFirst && j < len(t.Totals) {
			l.Cells = append(l.Cells, total(j))
		}
		for _, r := range t.Rows {
			if j < len(r) {
				l.Cells = append(l.Cells, r[j])
			}
		}
		if t.Totals != nil && !t.TotalsFirst && j < len(t.Totals) {
			l.Cells = append(l.Cells, total(j))
		}
		out[j] = l
	}
	return out
}

func table(p *plan, res *Result) *Table {
	t := &Table{Truncated: p.limit > 0 && len(res.Rows) >= p.limit}
	fields := append(p.dims(), p.measures()...)
	for i, f := range fields {
		t.Headers = append(t.Headers, Cell{Text: f.label, Numeric: i >= len(p.dims())})
	}
	for _, row := range res.Rows {
		cells := make([]Cell, len(fields))
		for i, f := range fields {
			cells[i] = Cell{Text: fieldText(row[i], res.Columns[i], f), Numeric: f.measure != nil}
			if x, ok := number(row[i]); ok && f.format != nil {
				cells[i].Text = f.format.format(x)
			} else if row[i] == nil {
				cells[i].Text = f.format.null(cells[i].Text)
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// Pivot is a pivot table's HTML model: row headers, then one column per
// column-field value and measure.
type Pivot struct {
	Corner []string // row field names
	// CornerFormats are the row field names' styles (RowFieldNamesStyle,
	// pivottablestyle.go); nil for none.
	CornerFormats []CellFormat
	Columns       []string // column headers
	Rows          []PivotRow
	// Groups is set when rows of groups can be collapsed and expanded in
	// the browser (pivotcollapse.go).
	Groups bool
	// HideCollapsed (CollapsedRowDimensionsVisibility HIDDEN) hides the
	// column of a row field no drawn row shows: every group above it
	// collapsed (pivotcollapse.go; the page hides it as groups toggle).
	HideCollapsed bool
	at            [][2]int         // each result row's (row, column-key) cell
	colKeys       []string         // the column-field values of the columns, in order
	colParts      [][]string       // each column key's values, field by field
	raw           map[[2]int][]any // each (row, column-key) cell's measure values
	// ColumnFormats are the columns' header styles (a total's or
	// subtotal's TotalCellStyle, pivotstyle.go), by column; nil for none.
	ColumnFormats []CellFormat
	totalCells    []pivotTotalCell // the drawn totals' values (pivotcondtotals.go)
}

// CornerFormat is row field name i's style.
func (pv *Pivot) CornerFormat(i int) CellFormat {
	if i < len(pv.CornerFormats) {
		return pv.CornerFormats[i]
	}
	return CellFormat{}
}

// ColumnFormat is column i's header style.
func (pv *Pivot) ColumnFormat(i int) CellFormat {
	if i < len(pv.ColumnFormats) {
		return pv.ColumnFormats[i]
	}
	return CellFormat{}
}

// PivotRow is one row of a pivot table.
type PivotRow struct {
	Headers []string
	Cells   []Cell
	Total   bool // the column totals row (pivottotals.go)
	// Group is a subtotal row's depth: the number of row fields its group
	// shares (pivotgrid.go); 0 for other rows.
	Group int
	// Path is the row's row-field values as JSON, for the browser's
	// collapse toggles; set when the pivot's Groups is.
	Path string
	// Shown: a subtotal row drawn while its group is expanded (else only
	// while collapsed). Collapsed: a collapsed group's row. Hidden: not
	// drawn now (under a collapsed group, or a group row of an expanded
	// group without subtotals).
	Shown, Collapsed, Hidden bool
	// LabelFormat is the style of a total's or subtotal's label cell
	// (Headers[Group]; the total row's first).
	LabelFormat CellFormat
	// HeaderLooks are the row headers' styles (RowHeaderStyle and
	// alternate row colors, pivottablestyle.go); nil for none.
	HeaderLooks []string
}

// HeaderFormat is the style of header i: its look, then the label's for
// a total or subtotal row.
func (r PivotRow) HeaderFormat(i int) CellFormat {
	var f CellFormat
	if (r.Total || r.Group > 0) && i == r.Group {
		f = r.LabelFormat
	}
	if i < len(r.HeaderLooks) {
		f.Look = r.HeaderLooks[i] + f.Look
	}
	return f
}

func pivot(p *plan, res *Result) *Pivot {
	nr, nc := len(p.category), len(p.colors)
	nd := nr + nc
	ms := p.measures()
	pv := &Pivot{}
	for _, f := range p.category {
		pv.Corner = append(pv.Corner, f.label)
	}
	var colKeys []string
	colIdx := map[string]int{}
	var rowKeys []string
	rowIdx := map[string]int{}
	rowHeaders := map[string][]string{}
	key := func(row []any, from, to int, fs []field) (string, []string) {
		var parts []string
		for i := from; i < to; i++ {
			parts = append(parts, fieldText(row[i], res.Columns[i], fs[i-from]))
		}
		return strings.Join(parts, " / "), parts
	}
	cells := map[[2]int][]any{}
	var colRaw [][]any
	for _, row := range res.Rows {
		rk, rh := key(row, 0, nr, p.category)
		ck, cp := key(row, nr, nd, p.colors)
		ri, ok := rowIdx[rk]
		if !ok {
			ri = len(rowKeys)
			rowIdx[rk] = ri
			rowKeys = append(rowKeys, rk)
			rowHeaders[rk] = rh
		}
		ci, ok := colIdx[ck]
		if !ok {
			ci = len(colKeys)
			colIdx[ck] = ci
			colKeys = append(colKeys, ck)
			pv.colParts = append(pv.colParts, cp)
			colRaw = append(colRaw, row[nr:nd])
		}
		cells[[2]int{ri, ci}] = row[nd:]
		pv.at = append(pv.at, [2]int{ri, ci})
	}
	rowKeys, colKeys, cells = orderPivot(pv, p.pivotOrder, rowKeys, rowHeaders, colKeys, colRaw, cells)
	for _, ck := range colKeys {
		for _, m := range ms {
			h := m.label
			if ck != "" {
				h = ck
				if len(ms) > 1 {
					h += " · " + m.label
				}
			}
			pv.Columns = append(pv.Columns, h)
		}
	}
	pv.colKeys, pv.raw = colKeys, cells
	for ri, rk := range rowKeys {
		r := PivotRow{Headers: rowHeaders[rk]}
		for ci := range colKeys {
			vals, ok := cells[[2]int{ri, ci}]
			for k := range ms {
				c := Cell{Numeric: true}
				if ok && vals[k] == nil {
					c.Text = ms[k].format.null("")
				}
				if ok {
					if f, isNum := number(vals[k]); isNum {
						c.Text = formatNumber(f)
						if ms[k].format != nil {
							c.Text = ms[k].format.format(f)
						}
					}
				}
				r.Cells = append(r.Cells, c)
			}
		}
		pv.Rows = append(pv.Rows, r)
	}
	return pv
}

// KPI is a KPI visual's model: the value, and its comparison with the
// target or, with a trend group, the previous period (kpicompare.go).
type KPI struct {
	Label    string
	Value    string
	Hidden   bool   // PrimaryValueDisplayType HIDDEN: no primary value
	Target   string // the target, when the comparison base is one
	Previous string // the previous period's value, when that is the base
	Progress string // the comparison: "+12.5%", "+1,234" or "85%"
	Above    bool   // the value is at or above its base
	// ValueFormat and ComparisonFormat are conditional formatting.
	ValueFormat, ComparisonFormat CellFormat
	// BarColor is the progress bar's conditional fill, #RRGGBB.
	BarColor string
	// Bar is the progress bar toward the target (kpiprogress.go).
	Bar *ProgressBar
	// Trend is the trend group's sparkline (kpisparkline.go).
	Trend *Sparkline
}

func kpi(p *plan, res *Result) *KPI {
	row := res.Rows[0][len(p.category):] // a trend group's latest period first
	vf := p.values[0].format
	k := &KPI{Label: p.values[0].label, Value: vf.null("(empty)")}
	show := func(f float64, nf *numberFormat) string {
		if nf != nil {
			return nf.format(f)
		}
		return formatNumber(f)
	}
	v, ok := number(row[0])
	switch {
	case ok:
		k.Value = show(v, vf)
	case row[0] != nil || vf == nil || vf.NullText == "":
		// a date (MIN or MAX of one), or a null in the field's null text
		k.Value = fieldText(row[0], res.Columns[len(p.category)], p.values[0])
	}
	base, hasBase := 0.0, false
	switch {
	case len(p.targets) > 0 && len(row) > 1:
		if t, tok := number(row[1]); tok {
			base, hasBase = t, true
			k.Target = show(t, p.targets[0].format)
		}
	case len(p.category) > 0 && len(res.Rows) > 1:
		if b, bok := number(res.Rows[1][len(p.category)]); bok {
			base, hasBase = b, true
			k.Previous = show(b, vf)
		}
	}
	if ok && hasBase {
		if text, up, cok := p.kpi.compare(v, base, vf); cok {
			k.Progress, k.Above = text, up
		}
	}
	switch p.kpi.primary() {
	case "COMPARISON":
		k.Value = k.Progress
		if k.Value == "" {
			k.Value = "(empty)"
		}
	case "HIDDEN":
		k.Hidden = true
	}
	if hasBase && ok && k.Target != "" {
		k.Bar = progressBar(p.kpi, v, base)
	}
	if !p.kpi.secondaryShown() {
		k.Target, k.Previous = "", ""
	}
	return k
}

// BarStyle is the progress bar's CSS: its conditional fill, a color
// checked by cssColor or written by rgb.String.
func (k *KPI) BarStyle() string {
	if k.BarColor == "" {
		return ""
	}
	return "accent-color: " + k.BarColor + ";"
}
