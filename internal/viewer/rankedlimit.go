package viewer

// Items limits ranked by a measure, on charts with a Colors field, where
// each row is one category × color pair:
//
//   - CategoryItemsLimit sorted by a measure: a category's rank is the
//     sort measure over the whole category (all its colors together: the
//     stacked bar's total, for a sum), so the categories are ranked by the
//     sum of their rows. The first N are kept with every color of each;
//     the rest are dropped (EXCLUDE) or form one "Other" category, per
//     color (INCLUDE, othercat.go).
//   - ColorItemsLimit: the colors are ranked by the chart's ColorSort
//     when it names the color field (by its values) or a measure (that
//     measure over the whole color, across the categories), else by the
//     chart's first measure over the whole color, descending. The first N
//     colors are kept; the rest are dropped (EXCLUDE) or gathered into one
//     "Other" color in each category (INCLUDE).
//
// A measure's value over a whole category or color is the sum of its
// rows' values only for a sum or a count: a limit ranked by any other
// measure, or gathering it into "Other", is asked of the data
// (otherask.go), and a category limit next to a ColorItemsLimit so asked
// is asked too. The ranking needs the whole answer, so a cut answer is
// refused, never ranked. A category or color whose measure is null in
// every row ranks last; ties keep the order of the answer.

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// additive reports whether a plan's measure of this id sums over rows (a
// SUM or a COUNT of a column, or the count of records), and names it.
func (p *plan) additive(id string) (string, bool) {
	for _, f := range p.measures() {
		if f.id != id || f.measure == nil {
			continue
		}
		if a := f.measure.Aggregation; a != query.Sum && a != query.Count {
			return "the " + orUnset(a) + " measure " + strconv.Quote(f.label), false
		}
		for _, c := range p.calc {
			if c.Name == f.measure.Field && c.Name != recordsID {
				return "the calculated measure " + strconv.Quote(f.label), false
			}
		}
		return "", true
	}
	return "", false
}

// rankCategoriesBy plans a CategoryItemsLimit of n categories, on a chart
// with a Colors field, sorted by a measure: ranked by the sum of its rows
// when the measure adds up, else asked of the data (otherask.go); false
// when the sort is not by a measure of the chart.
func (p *plan) rankCategoriesBy(s query.Sort, n int) bool {
	if len(p.category) != 1 || len(p.colors) == 0 || !slices.Contains([]string{definition.KindBar, definition.KindLine, definition.KindCombo, definition.KindRadar}, p.kind) {
		return false
	}
	why, ok := p.additive(s.ID)
	if !ok {
		if why != "" {
			p.askLimit(n, false, "CategoryItemsLimit with a Colors field, sorted by "+why)
			return true
		}
		return false
	}
	p.rankCat = &s
	p.limit = chartLimit + 1 // one more: a cut answer cannot be ranked
	return true
}

// colorItemsLimit plans a bar, line or combo chart's ColorItemsLimit.
// Without an ItemsLimit no limit is documented: every color is drawn, and
// an answer cut at the chart's row bound (which could lose colors) is
// refused by name.
func (p *plan) colorItemsLimit(l *definition.ItemsLimitConfiguration, colorSort []definition.FieldSortOptions) {
	if l == nil || len(p.colors) == 0 {
		return
	}
	if l.ItemsLimit == nil || *l.ItemsLimit <= 0 || *l.ItemsLimit >= chartLimit {
		p.allColors = true
		p.limit = max(p.limit, chartLimit+1)
		return
	}
	if len(p.colors) != 1 { // a drill-down draws its first field (drilltop.go)
		p.refuse("ColorItemsLimit with several Colors fields")
		return
	}
	ms := p.measures()
	if len(ms) == 0 {
		return
	}
	rank := query.Sort{ID: ms[0].id, Descending: true}
	saved, lost := p.sort, p.sortLost
	p.sort, p.sortLost = nil, false
	p.sorts(colorSort)
	if len(p.sort) > 0 {
		rank = p.sort[0]
	}
	colorLost := p.sortLost
	p.sort, p.sortLost = saved, lost
	if colorLost {
		p.refuse("ColorItemsLimit with a ColorSort by a field the chart does not show")
		return
	}
	other := l.OtherCategories == "INCLUDE"
	why := ""
	if rank.ID != p.colors[0].id {
		w, ok := p.additive(rank.ID)
		if !ok && w == "" {
			p.refuse("ColorItemsLimit ranked by the field " + strconv.Quote(rank.ID))
			return
		}
		if !ok {
			why = "ColorItemsLimit ranked by " + w
		}
	}
	if w := p.nonAdditive(); other && why == "" && w != "" {
		why = "ColorItemsLimit with OtherCategories INCLUDE and " + w
	}
	if why != "" { // asked of the data (otherask.go), with the category limit
		if !p.askCategories() {
			return
		}
		p.askColors(int(*l.ItemsLimit), other, rank, why)
		return
	}
	p.colorLimit, p.colorOther, p.colorRank = int(*l.ItemsLimit), l.OtherCategories == "INCLUDE", rank
	p.limit = chartLimit + 1
}

// askCategories moves a category limit planned from the answer's cells
// to one asked of the data, next to a ColorItemsLimit asked of it (the
// cells' sums would fold the colors' asked "Other"): the categories in
// the chart's sort (by a measure: over every color), the first kept and
// the rest dropped or one "Other". False when it is refused by name.
func (p *plan) askCategories() bool {
	n, other := max(p.catLimit, p.otherLimit), p.otherLimit > 0
	if n == 0 {
		return true
	}
	p.catLimit, p.otherLimit, p.rankCat = 0, 0, nil
	return p.askLimit(n, other, "CategoryItemsLimit next to a ColorItemsLimit asked of the data")
}

// columnOf is the index of a result column, or -1.
func columnOf(res *Result, id string) int {
	return slices.IndexFunc(res.Columns, func(c query.ResultColumn) bool { return c.ID == id })
}

// rankKeys ranks the values of column col by the sum of column val over
// the rows holding each (desc: largest first); all-null sums rank last,
// ties keep the answer's order.
func rankKeys(res *Result, col, val int, desc bool) []string {
	type total struct {
		sum  float64
		some bool
	}
	var order []string
	totals := map[string]*total{}
	for _, row := range res.Rows {
		k := keyOf(row[col])
		t := totals[k]
		if t == nil {
			t = &total{}
			totals[k] = t
			order = append(order, k)
		}
		if f, ok := number(row[val]); ok {
			t.sum += f
			t.some = true
		}
	}
	slices.SortStableFunc(order, func(a, b string) int {
		ta, tb := totals[a], totals[b]
		switch {
		case ta.some != tb.some:
			if ta.some {
				return -1
			}
			return 1
		case ta.sum == tb.sum:
			return 0
		case (ta.sum > tb.sum) == desc:
			return -1
		}
		return 1
	})
	return order
}

// sortedKeys orders the values of column col by the values themselves
// (numbers as numbers, dates as dates, the rest as text); nulls last.
func sortedKeys(res *Result, col int, desc bool) []string {
	var vals []any
	seen := map[string]bool{}
	for _, row := range res.Rows {
		if k := keyOf(row[col]); !seen[k] {
			seen[k] = true
			vals = append(vals, row[col])
		}
	}
	slices.SortStableFunc(vals, func(a, b any) int {
		if a == nil || b == nil {
			switch {
			case a == nil && b == nil:
				return 0
			case a == nil:
				return 1
			}
			return -1
		}
		c := compareValues(a, b)
		if desc {
			c = -c
		}
		return c
	})
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = keyOf(v)
	}
	return out
}

func compareValues(a, b any) int {
	if x, ok := number(a); ok {
		if y, ok := number(b); ok {
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
	}
	if x, ok := a.(time.Time); ok {
		if y, ok := b.(time.Time); ok {
			return x.Compare(y)
		}
	}
	return strings.Compare(keyOf(a), keyOf(b))
}

// orderByKeys returns the rows of res grouped by column col in the given
// order of its values, each group's rows in the answer's order.
func orderByKeys(res *Result, col int, keys []string) *Result {
	groups := map[string][][]any{}
	for _, row := range res.Rows {
		k := keyOf(row[col])
		groups[k] = append(groups[k], row)
	}
	out := &Result{Columns: res.Columns, Rows: make([][]any, 0, len(res.Rows))}
	for _, k := range keys {
		out.Rows = append(out.Rows, groups[k]...)
	}
	return out
}

// rankCategories orders a chart's rows by its categories' rank.
func rankCategories(res *Result, p *plan) (*Result, bool) {
	val := columnOf(res, p.rankCat.ID)
	if val < 0 {
		return nil, false
	}
	return orderByKeys(res, 0, rankKeys(res, 0, val, p.rankCat.Descending)), true
}

// limitColors keeps a chart's first p.colorLimit colors in their rank and
// drops the rest or, with p.colorOther, gathers them into one "Other"
// color per category, in the place of the category's first such row.
func limitColors(res *Result, p *plan) (*Result, bool) {
	nc := len(p.category)
	var keys []string
	if p.colorRank.ID == p.colors[0].id {
		keys = sortedKeys(res, nc, p.colorRank.Descending)
	} else {
		val := columnOf(res, p.colorRank.ID)
		if val < 0 {
			return nil, false
		}
		keys = rankKeys(res, nc, val, p.colorRank.Descending)
	}
	if len(keys) <= p.colorLimit {
		return res, true
	}
	kept := map[string]bool{}
	for _, k := range keys[:p.colorLimit] {
		kept[k] = true
	}
	out := &Result{Columns: res.Columns}
	others := map[string]int{} // category key → its "Other" row in out
	sums := map[string]*otherSums{}
	for _, row := range res.Rows {
		if kept[keyOf(row[nc])] {
			out.Rows = append(out.Rows, row)
			continue
		}
		if !p.colorOther {
			if p.linesByCategory { // its bars dropped, its lines kept (comboline.go)
				row = slices.Clone(row)
				row[nc] = linesOnly{}
				out.Rows = append(out.Rows, row)
			}
			continue
		}
		ck := ""
		for _, c := range row[:nc] {
			ck += keyOf(c) + "\x00"
		}
		if _, ok := others[ck]; !ok {
			others[ck] = len(out.Rows)
			out.Rows = append(out.Rows, nil)
			n := len(row) - nc - 1
			sums[ck] = &otherSums{colors: row[:nc], ints: make([]int64, n), floats: make([]float64, n), isFloat: make([]bool, n)}
		}
		sums[ck].add(row[nc+1:])
	}
	for ck, i := range others {
		s := sums[ck]
		row := append(append([]any{}, s.colors...), otherLabel)
		out.Rows[i] = append(row, s.values()...)
	}
	return out, true
}
