package viewer

import (
	"encoding/json"

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

// unaggTotalsOf reads TotalOptions; nil when totals are not shown.
func unaggTotalsOf(raw json.RawMessage, fields []field, cols []query.ResultColumn) *unaggTotals {
	var o struct {
		TotalsVisibility        string
		Placement               string
		CustomLabel             string
		TotalAggregationOptions []struct {
			FieldId                  string
			TotalAggregationFunction struct{ SimpleTotalAggregationFunction string }
		}
	}
	if len(raw) == 0 || json.Unmarshal(raw, &o) != nil || o.TotalsVisibility != "VISIBLE" {
		return nil
	}
	chosen := map[string]string{}
	for _, a := range o.TotalAggregationOptions {
		chosen[a.FieldId] = a.TotalAggregationFunction.SimpleTotalAggregationFunction
	}
	t := &unaggTotals{label: o.CustomLabel, first: o.Placement == "START"}
	if t.label == "" {
		t.label = "Total"
	}
	for _, f := range fields {
		c := totalCol{f: f}
		if numericColumn(cols, f.id) {
			fn := chosen[f.id]
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
