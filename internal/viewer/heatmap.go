package viewer

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// heatMapCells is the most cells a heat map draws; a visual with more is
// refused rather than cut.
const heatMapCells = 2000

// planHeatMap fills a heat map's plan: Rows as the category, Columns as
// the colors, one value (a count of records without one).
func (p *plan) planHeatMap(c *definition.HeatMapConfiguration) bool {
	if c == nil || c.FieldWells == nil || c.FieldWells.HeatMapAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.HeatMapAggregatedFieldWells
	p.category, p.colors = dims(w.Rows), dims(w.Columns)
	p.addMeasures(w.Values, &p.values)
	if len(p.values) > 1 {
		p.values = p.values[:1]
	}
	if len(p.category) == 0 || len(p.colors) == 0 {
		return false
	}
	p.category, p.colors = p.category[:1], p.colors[:1]
	p.countRecords()
	p.colorScale = c.ColorScale
	p.limit, p.maxRows = heatMapCells+1, heatMapCells
	p.sort = []query.Sort{{ID: p.category[0].id}, {ID: p.colors[0].id}}
	if s := c.SortConfiguration; s != nil {
		p.axisSort("HeatMapRowSort", s.HeatMapRowSort, 0)
		p.axisSort("HeatMapColumnSort", s.HeatMapColumnSort, 1)
		p.heatAxisLimit("HeatMapRowItemsLimitConfiguration", s.HeatMapRowItemsLimitConfiguration, 0)
		p.heatAxisLimit("HeatMapColumnItemsLimitConfiguration", s.HeatMapColumnItemsLimitConfiguration, 1)
	}
	return true
}

// heatAxisLimit applies an items limit of a heat map's axis (0 rows, 1
// columns): the first values in the axis's sort are kept; the rest are
// dropped (from the answer's cells, heatMapOption) or, with
// OtherCategories INCLUDE, gathered into one "Other" row or column asked
// of the data (otherask.go), drawn last. With "Other" on both axes each
// axis keeps its first values over all the rows, and the "Other" row ×
// "Other" column cell is the measure over the rows of both rests.
func (p *plan) heatAxisLimit(member string, l *definition.ItemsLimitConfiguration, axis int) {
	if !limited(l) {
		return
	}
	n := *l.ItemsLimit
	if n < 1 || n > heatMapCells {
		p.refuse(member + " outside 1–2000")
		return
	}
	if l.OtherCategories != "INCLUDE" {
		p.heatKeep[axis] = int(n)
		return
	}
	rank := []query.Sort{p.sort[axis]}
	if by := p.heatBy[axis]; by != nil {
		rank = []query.Sort{{ID: p.values[0].id, Descending: by.desc}, p.sort[axis]}
	}
	a := &askedLimit{n: int(n), other: true, dim: axis, rank: rank}
	p.askAxis(a, member+" with OtherCategories INCLUDE")
	p.limit = heatMapCells + 1
}

// limited reports whether an items limit is set.
func limited(l *definition.ItemsLimitConfiguration) bool {
	return l != nil && l.ItemsLimit != nil
}

// axisSort applies a sort of one axis of a matrix (0 rows, 1 columns) by
// the axis field itself or, on a heat map, by its measure over each row
// or column (heatorder.go); a sort by another field is refused.
func (p *plan) axisSort(member string, opts []definition.FieldSortOptions, axis int) {
	f := p.dims()[axis]
	for _, o := range opts {
		desc, ok, byMeasure := false, false, false
		switch {
		case o.FieldSort != nil:
			desc, ok = o.FieldSort.Direction == "DESC", o.FieldSort.FieldId == f.id
			byMeasure = p.kind == definition.KindHeatMap && len(p.values) > 0 && o.FieldSort.FieldId == p.values[0].id
		case o.ColumnSort != nil && o.ColumnSort.SortBy != nil:
			desc, ok = o.ColumnSort.Direction == "DESC", o.ColumnSort.SortBy.ColumnName == f.dim.Field && o.ColumnSort.AggregationFunction == nil
			byMeasure = p.kind == definition.KindHeatMap && len(p.values) > 0 && !ok && sortsBy(o.ColumnSort, p.values[0])
		}
		if byMeasure {
			p.heatBy[axis] = &heatMeasureOrder{desc: desc}
			continue
		}
		if !ok {
			p.refuse(member + " by another field than the axis's own")
			return
		}
		p.sort[axis].Descending = desc
	}
}

// heatMapOption builds a heat map: columns along x, rows along y, a cell
// per pair colored by its value on a continuous scale.
func heatMapOption(p *plan, res *Result) obj {
	other := [2]bool{}
	for _, a := range p.asked {
		other[a.dim] = other[a.dim] || a.other
	}
	rows, rowIdx := sortedCategories(res, 0, p.category[0], p.sort[0].Descending, other[0], p.heatBy[0])
	cols, colIdx := sortedCategories(res, 1, p.colors[0], p.sort[1].Descending, other[1], p.heatBy[1])
	if n := p.heatKeep[0]; n > 0 && n < len(rows) {
		rows = rows[:n]
	}
	if n := p.heatKeep[1]; n > 0 && n < len(cols) {
		cols = cols[:n]
	}
	data := make([][]any, 0, len(res.Rows))
	lo, hi := 0.0, 0.0
	for i, row := range res.Rows {
		if rowIdx[i] >= len(rows) || colIdx[i] >= len(cols) {
			continue // past an items limit
		}
		v := chartValue(row[2])
		if f, ok := v.(float64); ok {
			if len(data) == 0 || f < lo {
				lo = f
			}
			if len(data) == 0 || f > hi {
				hi = f
			}
		}
		data = append(data, []any{colIdx[i], rowIdx[i], v})
	}
	colors := scaleColors(p.colorScale)
	s := obj{"type": "heatmap", "name": p.values[0].label, "data": data}
	formatSeries(s, p.values[0])
	if len(rows)*len(cols) <= 60 {
		s["label"] = obj{"show": true}
	}
	return obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"grid":      obj{"containLabel": true, "left": 8, "right": 16, "top": 16, "bottom": 48},
		"xAxis":     obj{"type": "category", "data": cols, "axisLabel": obj{"hideOverlap": true}, "splitArea": obj{"show": true}},
		"yAxis":     obj{"type": "category", "data": rows, "inverse": true, "splitArea": obj{"show": true}},
		"visualMap": obj{"type": "continuous", "min": lo, "max": hi, "calculable": false, "orient": "horizontal",
			"text": []string{p.values[0].numberText(hi), p.values[0].numberText(lo)},
			"left": "center", "bottom": 0, "itemHeight": 120, "inRange": obj{"color": colors}},
		"series": []obj{s},
	}
}

// sortedCategories returns the distinct labels of a dimension column
// ordered by their measure over each (by, when set) and then their
// values (with other, the "Other" value last), and each row's index
// among them.
func sortedCategories(res *Result, col int, f field, desc, other bool, by *heatMeasureOrder) ([]string, []int) {
	type cat struct {
		raw   any
		label string
	}
	seen := map[string]bool{}
	var all []cat
	for _, row := range res.Rows {
		l := fieldText(row[col], res.Columns[col], f)
		if !seen[l] {
			seen[l] = true
			all = append(all, cat{row[col], l})
		}
	}
	isOther := func(c cat) bool { return other && c.raw == otherLabel }
	slices.SortStableFunc(all, func(a, b cat) int {
		if isOther(a) || isOther(b) {
			return cmp.Compare(boolInt(isOther(a)), boolInt(isOther(b)))
		}
		if c := by.compare(a.label, b.label); c != 0 {
			return c
		}
		c := cmpRaw(a.raw, b.raw)
		if desc {
			return -c
		}
		return c
	})
	pos := map[string]int{}
	labels := make([]string, len(all))
	for i, c := range all {
		labels[i], pos[c.label] = c.label, i
	}
	idx := make([]int, len(res.Rows))
	for i, row := range res.Rows {
		idx[i] = pos[fieldText(row[col], res.Columns[col], f)]
	}
	return labels, idx
}

// cmpRaw orders two result values of one column: NULL first, then times,
// numbers or text.
func cmpRaw(a, b any) int {
	switch {
	case a == nil || b == nil:
		return cmp.Compare(boolInt(a != nil), boolInt(b != nil))
	}
	if ta, ok := asTime(a); ok {
		if tb, ok := asTime(b); ok {
			return ta.Compare(tb)
		}
	}
	if fa, ok := number(a); ok {
		if fb, ok := number(b); ok {
			return cmp.Compare(fa, fb)
		}
	}
	return cmp.Compare(fmt.Sprint(a), fmt.Sprint(b))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
