package viewer

import (
	"fmt"
	"math"
	"strings"
)

// CellFormat is what conditional formatting sets on a drawn value.
type CellFormat struct {
	Color      string // text color, #RRGGBB
	Background string
	Icon       string // shown before the value
	IconColor  string
	IconOnly   bool // the icon replaces the value on the page
	// Look is the CSS of the cell's style (a pivot total's TableCellStyle,
	// pivotstyle.go), under its conditional colors.
	Look string
}

// Style is the cell's CSS: its look, then its conditional colors (which
// win); only colors checked by cssColor or written by rgb.String, and
// values from cellLook's fixed lists.
func (f CellFormat) Style() string {
	s := f.Look
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

// condHit is a rule's effect on one drawn value: its color, and for an
// icon the glyph; the zero condHit where the rule does not apply (a rule
// that applies has a color or, an icon without one, a glyph).
type condHit struct {
	color string
	icon  string
}

func (h condHit) on() bool { return h.color != "" || h.icon != "" }

// apply sets a rule's effect on a format unless an earlier rule set it.
func (f *CellFormat) apply(r condRule, h condHit) {
	switch r.set {
	case setText:
		if f.Color == "" {
			f.Color = h.color
		}
	case setBackground:
		if f.Background == "" {
			f.Background = h.color
		}
	case setIcon:
		if f.Icon == "" {
			f.Icon, f.IconColor, f.IconOnly = h.icon, h.color, r.iconOnly
		}
	}
}

// condColors evaluates each rule on each row of hidden values: where it
// applies, its color (and icon). Gradients and icon sets place each row's
// value over the range of all rows.
func condColors(rules []condRule, hidden [][]any) [][]condHit {
	out := make([][]condHit, len(rules))
	for k, r := range rules {
		out[k] = make([]condHit, len(hidden))
		if r.gradient != nil || r.iconSet != nil {
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, h := range hidden {
				if f, ok := number(h[r.hidden]); ok {
					lo, hi = min(lo, f), max(hi, f)
				}
			}
			for i, h := range hidden {
				f, ok := number(h[r.hidden])
				switch {
				case !ok:
				case r.iconSet != nil:
					ic := iconOfSet(r.iconSet, f, lo, hi)
					out[k][i] = condHit{color: ic.color, icon: ic.glyph}
				default:
					out[k][i] = condHit{color: gradientAt(r.gradient, f, lo, hi).String()}
				}
			}
			continue
		}
		for i, h := range hidden {
			if f, ok := number(h[r.hidden]); ok && f != 0 {
				out[k][i] = condHit{color: r.color, icon: r.icon}
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
			if !colors[k][i].on() {
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
		if !r.scope.field {
			continue // its totals only (pivotcondtotals.go)
		}
		for i, at := range pv.at {
			if colors[k][i].on() {
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
		if !colors[i][0].on() {
			continue
		}
		switch r.target {
		case condKPIValue:
			k.ValueFormat.apply(r, colors[i][0])
		case condKPICompare:
			k.ComparisonFormat.apply(r, colors[i][0])
		case condKPIBar:
			if k.BarColor == "" {
				k.BarColor = colors[i][0].color
			}
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
		c := colors[i][0].color
		if !colors[i][0].on() || done[r.target+r.set] {
			continue
		}
		done[r.target+r.set] = true
		switch {
		case r.target == condGaugeValue && r.set == setIcon:
			gaugeIcon(s, colors[i][0], r.iconOnly)
		case r.target == condGaugeValue:
			if d, ok := s["detail"].(obj); ok {
				d["color"] = c
			}
		case r.target == condGaugeArc:
			if pr, ok := s["progress"].(obj); ok {
				pr["itemStyle"] = obj{"color": c}
			}
		}
	}
}

// gaugeIcon draws a conditional icon before a gauge's primary value (or
// instead of it), in the icon's color: ECharts rich text, whose markup
// braces and bars the icon cannot carry.
func gaugeIcon(s obj, h condHit, iconOnly bool) {
	d, ok := s["detail"].(obj)
	if !ok || d["show"] != true {
		return
	}
	icon := strings.NewReplacer("{", "(", "}", ")", "|", "¦").Replace(h.icon)
	text := "{cfIcon|" + icon + "}"
	if !iconOnly {
		text += " " + fmt.Sprint(d["formatter"])
	}
	d["formatter"] = text
	style := obj{}
	if h.color != "" {
		style["color"] = h.color
	}
	d["rich"] = obj{"cfIcon": style}
}
