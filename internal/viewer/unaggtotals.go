package viewer

import (
	"github.com/sightglass/sightglass/internal/query"
)

// unaggTotals is an unaggregated table's totals row (TotalOptions with
// TotalsVisibility VISIBLE): each numeric column's total over every row
// the filters keep, computed in SQL, not over the drawn page.
type unaggTotals struct {
	label string
	first bool // Placement START
	// cols are the table's columns; a column's aggregation is "" for no
	// total (text columns, NONE).
	cols []totalCol
}

type totalCol struct {
	f   field
	agg string // SUM, AVERAGE, MIN, MAX or ""
}

// totalAggregations are the SimpleTotalAggregationFunction values and
// what they compute; DEFAULT sums a numeric column.
var totalAggregations = map[string]string{"DEFAULT": query.Sum, "SUM": query.Sum, "AVERAGE": query.Average, "MIN": query.Min, "MAX": query.Max, "NONE": ""}

// unaggTotalsOf is the totals row of read TotalOptions (nil: none).
func unaggTotalsOf(o *totalOptions, fields []field, cols []query.ResultColumn) *unaggTotals {
	if o == nil {
		return nil
	}
	t := &unaggTotals{label: o.label, first: o.first}
	for _, f := range fields {
		c := totalCol{f: f}
		if numericColumn(cols, f.id) {
			fn := o.funcs[f.id]
			if fn == "" {
				fn = "DEFAULT"
			}
			c.agg = totalAggregations[fn]
		}
		t.cols = append(t.cols, c)
	}
	return t
}

// measures are the totals' aggregations, in column order.
func (t *unaggTotals) measures() []query.Measure {
	if t == nil {
		return nil
	}
	var out []query.Measure
	for _, c := range t.cols {
		if c.agg != "" {
			out = append(out, query.Measure{ID: "__total_" + c.f.id, Field: c.f.dim.Field, Aggregation: c.agg})
		}
	}
	return out
}

// cells draws the totals row from the answer to measures: the label in
// the first column unless it holds a total.
func (t *unaggTotals) cells(row []any, cols []query.ResultColumn) []Cell {
	out := make([]Cell, len(t.cols))
	k := 0
	for i, c := range t.cols {
		if c.agg == "" {
			continue
		}
		out[i].Numeric = true
		if k < len(row) {
			if x, ok := number(row[k]); ok && c.f.format != nil {
				out[i].Text = c.f.format.format(x)
			} else {
				out[i].Text = formatValue(row[k], cols[k], "")
			}
		}
		k++
	}
	if len(out) > 0 && t.cols[0].agg == "" {
		out[0].Text = t.label
	}
	return out
}
