package viewer

import (
	"context"
	"strconv"

	"github.com/sightglass/sightglass/internal/query"
)

// A heat map's HeatMapRowSort or HeatMapColumnSort by its measure orders
// the rows (columns) by the measure over each row (column), every column
// (row) together: asked of SQL, the visual's question grouped by that
// axis alone, so an average or a distinct count is its own over the row,
// not a sum of cells. Ties, and values the answer lacks, follow the
// axis's values. An items limit then keeps the first in that order (with
// OtherCategories INCLUDE, the limit's own ranking asks the same).

// heatMeasureOrder is a heat map axis ordered by its measure: the
// direction, and each row's or column's value by its label.
type heatMeasureOrder struct {
	desc bool
	of   map[string]any
}

// compare orders two labels of the axis by their measure; 0 when o is
// nil or they tie.
func (o *heatMeasureOrder) compare(a, b string) int {
	if o == nil || o.of == nil {
		return 0
	}
	c := cmpRaw(o.of[a], o.of[b])
	if o.desc {
		c = -c
	}
	return c
}

// heatOrderValues asks, for each axis of a heat map ordered by its
// measure, the measure per row (column); why names an axis with more
// values than Sightglass orders (its rows would otherwise keep their own
// order, unsaid).
func (v *View) heatOrderValues(ctx context.Context, p *plan, q *query.Question, arn string, run Runner) (why string, err error) {
	for axis, by := range p.heatBy {
		if by == nil {
			continue
		}
		lq := *q
		lq.Measures = []query.Measure{*p.values[0].measure}
		ans, ok, err := pivotLevel(ctx, run, arn, &lq, p.dims()[axis:axis+1])
		if err != nil {
			return "", err
		}
		if !ok {
			return "a sort by its measure over more than " + strconv.Itoa(pivotLimit) + " " + [2]string{"rows", "columns"}[axis], nil
		}
		by.of = make(map[string]any, len(ans))
		for k, vals := range ans {
			if len(vals) > 0 {
				by.of[k] = vals[0]
			}
		}
	}
	return "", nil
}
