package viewer

import (
	"fmt"
	"math"
)

// CellFormat is what conditional formatting sets on a drawn value.
type CellFormat struct {
	Color      string // text color, #RRGGBB
	Background string
	Icon       string // shown before the value
	IconColor  string
	IconOnly   bool // the icon replaces the value on the page
}

// Style is the cell's CSS: only colors checked by cssColor or written
// by rgb.String.
func (f CellFormat) Style() string {
	s := ""
	if f.Color != "" {
		s += "color: " + f.Color + ";"
	}
	if f.Background != "" {
		s += "background-color: " + f.Background + ";"
	}
	if f.IconColor != "" {
		s += "--cf-icon: " + f.IconColor + ";"
	}
	return s
}

// apply sets a rule's effect on a format unless an earlier rule set it.
func (f *CellFormat) apply(r condRule, color string) {
	switch r.set {
	case setText:
		if f.Color == "" {
			f.Color = color
		}
	case setBackground:
		if f.Background == "" {
			f.Background = color
		}
	case setIcon:
		if f.Icon == "" {
			f.Icon, f.IconColor, f.IconOnly = r.icon, r.color, r.iconOnly
		}
	}
}

// condColors evaluates each rule on each row of hidden values: the color
// (or, for an icon, the rule's color or "-") where it applies, "" where
// not. Gradients place each row's value between the rule's stops over the
// range of all rows.
func condColors(rules []condRule, hidden [][]any) [][]string {
	out := make([][]string, len(rules))
	for k, r := range rules {
		out[k] = make([]string, len(hidden))
		if r.gradient != nil {
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, h := range hidden {
				if f, ok := number(h[r.hidden]); ok {
					lo, hi = min(lo, f), max(hi, f)
				}
			}
			for i, h := range hidden {
				if f, ok := number(h[r.hidden]); ok {
					out[k][i] = gradientAt(r.gradient, f, lo, hi).String()
				}
			}
			continue
		}
		for i, h := range hidden {
			if f, ok := number(h[r.hidden]); ok && f != 0 {
				out[k][i] = r.color
				if out[k][i] == "" {
					out[k][i] = "-"
				}
			}
		}
	}
	return out
}

// formatTable applies table rules: row rules to every cell of the row,
// cell rules to their field's column.
func (x *extras) formatTable(t *Table, p *plan, hidden [][]any) {
	if len(x.conds) == 0 || len(hidden) != len(t.Rows) {
		return
	}
	fields := append(p.dims(), p.measures()...)
	col := map[string]int{}
	for i, f := range fields {
		col[f.id] = i
	}
	colors := condColors(x.conds, hidden)
	for k, r := range x.conds {
		c, known := col[r.fieldID]
		if r.target == condCell && !known {
			x.note("Conditional formatting of field " + r.fieldID + " is not applied: the field is not in the table.")
			continue
		}
		for i, row := range t.Rows {
			if colors[k][i] == "" {
				continue
			}
			if r.target == condRow {
				for j := range row {
					row[j].Format.apply(r, colors[k][i])
				}
				continue
			}
			row[c].Format.apply(r, colors[k][i])
		}
	}
}

// formatPivot applies cell rules to the pivot cells of their measure.
func (x *extras) formatPivot(pv *Pivot, p *plan, hidden [][]any) {
	if len(x.conds) == 0 || len(hidden) != len(pv.at) {
		return
	}
	ms := p.measures()
	colors := condColors(x.conds, hidden)
	for k, r := range x.conds {
		m := -1
		for i, f := range ms {
			if f.id == r.fieldID {
				m = i
			}
		}
		if m < 0 {
			x.note("Conditional formatting of field " + r.fieldID + " is not applied: only the pivot table's values are formatted.")
			continue
		}
		for i, at := range pv.at {
			if colors[k][i] != "" {
				pv.Rows[at[0]].Cells[at[1]*len(ms)+m].Format.apply(r, colors[k][i])
			}
		}
	}
}

// formatKPI applies KPI rules, evaluated on the row the KPI shows (a
// trend's latest period first).
func (x *extras) formatKPI(k *KPI, hidden [][]any) {
	if len(x.conds) == 0 || len(hidden) == 0 {
		return
	}
	colors := condColors(x.conds, hidden[:1])
	for i, r := range x.conds {
		if colors[i][0] == "" {
			continue
		}
		switch r.target {
		case condKPIValue:
			k.ValueFormat.apply(r, colors[i][0])
		case condKPICompare:
			k.ComparisonFormat.apply(r, colors[i][0])
		}
	}
}

// rgb is a color of a gradient.
type rgb struct{ r, g, b float64 }

func parseRGB(s string) (rgb, bool) {
	s = cssColor(s)
	if s == "" {
		return rgb{}, false
	}
	if len(s) == 4 {
		s = "#" + string([]byte{s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	var r, g, b int
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return rgb{}, false
	}
	return rgb{float64(r), float64(g), float64(b)}, true
}

func (c rgb) String() string {
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(c.r)), int(math.Round(c.g)), int(math.Round(c.b)))
}

// gradientAt is the color of value f on a gradient whose offsets span
// [lo, hi] (a stop's DataValue places it instead).
func gradientAt(stops []gradientStop, f, lo, hi float64) rgb {
	pos := func(s gradientStop) float64 {
		if s.value != nil {
			return *s.value
		}
		return lo + (hi-lo)*s.offset/100
	}
	if f <= pos(stops[0]) {
		return stops[0].color
	}
	for i := 1; i < len(stops); i++ {
		a, b := pos(stops[i-1]), pos(stops[i])
		if f <= b {
			t := 0.0
			if b > a {
				t = min(max((f-a)/(b-a), 0), 1) // stops pinned out of order stay within their colors
			}
			ca, cb := stops[i-1].color, stops[i].color
			return rgb{ca.r + (cb.r-ca.r)*t, ca.g + (cb.g-ca.g)*t, ca.b + (cb.b-ca.b)*t}
		}
	}
	return stops[len(stops)-1].color
}

// formatGauge colors a gauge's primary value and arc, evaluated on its
// one row.
func (x *extras) formatGauge(opt obj, hidden [][]any) {
	if len(x.conds) == 0 || len(hidden) == 0 {
		return
	}
	var s obj
	eachSeries(opt, func(e obj) {
		if s == nil && e["type"] == "gauge" {
			s = e
		}
	})
	if s == nil {
		return
	}
	colors := condColors(x.conds, hidden[:1])
	done := map[string]bool{}
	for i, r := range x.conds {
		c := colors[i][0]
		if c == "" || done[r.target] {
			continue
		}
		done[r.target] = true
		switch r.target {
		case condGaugeValue:
			if d, ok := s["detail"].(obj); ok {
				d["color"] = c
			}
		case condGaugeArc:
			if pr, ok := s["progress"].(obj); ok {
				pr["itemStyle"] = obj{"color": c}
			}
		}
	}
}
