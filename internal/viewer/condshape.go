package viewer

// A filled map's shape colors (FilledMapShapeConditionalFormatting): a
// region whose rule applies is filled with the rule's color (a solid
// color where its condition holds, a gradient's color by the value's
// place in the range of the regions' values) instead of the map's color
// scale; the others keep the scale. The first rule that applies wins.

// shapeRows is the key of a filled map's series that holds each data
// item's result row, read (and removed) by formatShapes.
const shapeRows = "sgRows"

// formatShapes fills a filled map's regions by their rules and removes
// the rows its series carries.
func (x *extras) formatShapes(opt obj, hidden [][]any) {
	var items []obj
	var rows []int
	eachSeries(opt, func(s obj) {
		r, ok := s[shapeRows].([]int)
		delete(s, shapeRows)
		if d, _ := s["data"].([]obj); ok && len(d) == len(r) {
			items, rows = append(items, d...), append(rows, r...)
		}
	})
	if len(x.conds) == 0 || len(items) == 0 {
		return
	}
	colors := condColors(x.conds, hidden)
	for i, d := range items {
		r := rows[i]
		if r < 0 || r >= len(hidden) {
			continue
		}
		for k, rule := range x.conds {
			if rule.target != condShape || !colors[k][r].on() {
				continue
			}
			c := colors[k][r].color
			d["itemStyle"] = obj{"areaColor": c, "color": c}
			d["visualMap"] = false // the rule's color, not the scale's
			break
		}
	}
}
