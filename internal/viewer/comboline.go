package viewer

import (
	"slices"

	"github.com/sightglass/sightglass/internal/definition"
)

// A combo chart's Colors field ("Group/Color for bars" in the analysis
// editor) splits its bars; its lines stay one per measure, over every
// color of an X-axis value. The query groups by X value and color, so a
// line's value is folded from the colors' rows: a sum of sums or of
// counts. Any other line measure cannot be folded and is refused by name,
// as is an answer cut at the chart's row bound (a fold of part of the
// colors). Colors a ColorItemsLimit drops (EXCLUDE) lose their bars, not
// their share of the lines: their rows stay, marked linesOnly, and the
// lines fold them too (when the limit is asked of the data, the rest is
// asked as one such row per category).

// comboLinesByCategory plans a combo chart's lines over a Colors field.
func (p *plan) comboLinesByCategory() {
	if p.kind != definition.KindCombo || len(p.colors) == 0 || len(p.lineValues) == 0 {
		return
	}
	for _, f := range p.lineValues {
		if why, ok := p.additive(f.id); !ok {
			if why == "" {
				why = "the measure " + f.label
			}
			p.refuse("Lines of a combo chart with a Group/Color field, for " + why + " (only a SUM or a COUNT adds up over the colors)")
			return
		}
	}
	p.linesByCategory = true
	for _, a := range p.asked {
		a.linesOnly = a.dim >= len(p.category) && !a.other
	}
	p.limit = max(p.limit, chartLimit+1)
	if p.maxRows == 0 {
		p.maxRows = chartLimit
	}
}

// linesOnly is the Colors cell of a combo chart's row whose color a
// ColorItemsLimit drops: no bar draws it; the lines fold its values.
type linesOnly struct{}

// isLinesOnly reports whether a Colors cell is linesOnly.
func isLinesOnly(v any) bool {
	_, ok := v.(linesOnly)
	return ok
}

// barRows is a combo chart's answer without its linesOnly rows.
func barRows(res *Result, col int) *Result {
	if !slices.ContainsFunc(res.Rows, func(row []any) bool { return isLinesOnly(row[col]) }) {
		return res
	}
	return &Result{Columns: res.Columns, Rows: slices.DeleteFunc(slices.Clone(res.Rows), func(row []any) bool { return isLinesOnly(row[col]) })}
}

// lineTotals folds a combo chart's line measure k (a column of res after
// the nd dimensions) over the colors: one value per category, nil where
// every color's is.
func lineTotals(res *Result, catIdx []int, ncats, col int) []any {
	out := make([]any, ncats)
	for i, row := range res.Rows {
		v, ok := number(row[col])
		if !ok {
			continue
		}
		sum, _ := out[catIdx[i]].(float64)
		out[catIdx[i]] = sum + v
	}
	for i, v := range out {
		if v != nil {
			out[i] = chartValue(v)
		}
	}
	return out
}
