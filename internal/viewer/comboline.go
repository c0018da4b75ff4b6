package viewer

import "github.com/sightglass/sightglass/internal/definition"

// A combo chart's Colors field ("Group/Color for bars" in the analysis
// editor) splits its bars; its lines stay one per measure, over every
// color of an X-axis value. The query groups by X value and color, so a
// line's value is folded from the colors' rows: a sum of sums or of
// counts. Any other line measure cannot be folded and is refused by name;
// so are colors dropped by a ColorItemsLimit and an answer cut at the
// chart's row bound (a fold of part of the colors).

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
	if p.colorLimit > 0 && !p.colorOther {
		// The colors past the limit are dropped from the answer, but not
		// from the line over every color.
		p.refuse("Lines of a combo chart with a ColorItemsLimit that drops colors (OtherCategories EXCLUDE)")
		return
	}
	p.linesByCategory = true
	p.limit = max(p.limit, chartLimit+1)
	if p.maxRows == 0 {
		p.maxRows = chartLimit
	}
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
