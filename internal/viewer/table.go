package viewer

import (
	"strings"
)

// Cell is one cell of a table or pivot table.
type Cell struct {
	Text    string
	Numeric bool
}

// Table is a table visual's HTML model.
type Table struct {
	Headers   []Cell
	Rows      [][]Cell
	Truncated bool
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
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// Pivot is a pivot table's HTML model: row headers, then one column per
// column-field value and measure.
type Pivot struct {
	Corner  []string // row field names
	Columns []string // column headers
	Rows    []PivotRow
}

// PivotRow is one row of a pivot table.
type PivotRow struct {
	Headers []string
	Cells   []Cell
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
	for _, row := range res.Rows {
		rk, rh := key(row, 0, nr, p.category)
		ck, _ := key(row, nr, nd, p.colors)
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
		}
		cells[[2]int{ri, ci}] = row[nd:]
	}
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
	for ri, rk := range rowKeys {
		r := PivotRow{Headers: rowHeaders[rk]}
		for ci := range colKeys {
			vals, ok := cells[[2]int{ri, ci}]
			for k := range ms {
				c := Cell{Numeric: true}
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

// KPI is a KPI visual's model: the value, and its target if any.
type KPI struct {
	Label    string
	Value    string
	Target   string
	Progress string // "+12.5%" of the target
	Above    bool
}

func kpi(p *plan, res *Result) *KPI {
	row := res.Rows[0][len(p.category):] // a trend group's latest period first
	k := &KPI{Label: p.values[0].label, Value: "(empty)"}
	v, ok := number(row[0])
	if ok {
		k.Value = formatNumber(v)
		if p.values[0].format != nil {
			k.Value = p.values[0].format.format(v)
		}
	}
	if len(p.targets) > 0 && len(row) > 1 {
		if t, tok := number(row[1]); tok {
			k.Target = formatNumber(t)
			if p.targets[0].format != nil {
				k.Target = p.targets[0].format.format(t)
			}
			if ok && t != 0 {
				d := (v - t) / t * 100
				k.Above = d >= 0
				sign := ""
				if d >= 0 {
					sign = "+"
				}
				k.Progress = sign + formatNumber(d) + "%"
			}
		}
	}
	return k
}
