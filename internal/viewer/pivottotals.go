package viewer

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/sightglass/sightglass/internal/query"
)

// A pivot table's TotalOptions: RowTotalOptions draw the row totals, a
// column holding each row's total over the column fields;
// ColumnTotalOptions draw the column totals, a row holding each column's
// total over the row fields; with both, the corner holds the grand total.
// Each total is asked of SQL at its level (the question grouped by the
// row fields only, the column fields only, or nothing), so an average's
// total is the average of its rows, not a sum of cells. Subtotals,
// totals aggregated other than by DEFAULT and collapsed fields are
// refused by name; so are the totals of a pivot cut at its row limit.

// pivotTotalOptions is QuickSight's PivotTotalOptions.
type pivotTotalOptions struct {
	TotalsVisibility        string `json:"TotalsVisibility"`
	Placement               string `json:"Placement"`
	CustomLabel             string `json:"CustomLabel"`
	TotalAggregationOptions []struct {
		TotalAggregationFunction *struct {
			SimpleTotalAggregationFunction string `json:"SimpleTotalAggregationFunction"`
		} `json:"TotalAggregationFunction"`
	} `json:"TotalAggregationOptions"`
}

// pivotTableTotalOptions is QuickSight's PivotTableTotalOptions.
type pivotTableTotalOptions struct {
	RowTotalOptions       *pivotTotalOptions `json:"RowTotalOptions"`
	ColumnTotalOptions    *pivotTotalOptions `json:"ColumnTotalOptions"`
	RowSubtotalOptions    *subtotalOptions   `json:"RowSubtotalOptions"`
	ColumnSubtotalOptions *subtotalOptions   `json:"ColumnSubtotalOptions"`
}

// subtotalOptions is the part of QuickSight's SubtotalOptions read here.
type subtotalOptions struct {
	TotalsVisibility string `json:"TotalsVisibility"`
}

// pivotTotal is one drawn total of a pivot: its label and placement.
type pivotTotal struct {
	label string
	first bool // Placement START
}

// pivotTotals are a pivot's drawn totals; nil members are not drawn.
type pivotTotals struct {
	rows *pivotTotal // the row totals column
	cols *pivotTotal // the column totals row
}

// pivotTotalsOf reads a pivot's TotalOptions and FieldOptions.
func (p *plan) pivotTotalsOf(totals, fieldOptions json.RawMessage) {
	if len(fieldOptions) > 0 {
		var fo struct {
			CollapseStateOptions []json.RawMessage `json:"CollapseStateOptions"`
		}
		if json.Unmarshal(fieldOptions, &fo) != nil {
			p.refuse("FieldOptions that cannot be read")
		} else if len(fo.CollapseStateOptions) > 0 {
			p.refuse("CollapseStateOptions (collapsed fields)")
		}
	}
	if len(totals) == 0 {
		return
	}
	var o pivotTableTotalOptions
	if json.Unmarshal(totals, &o) != nil {
		p.refuse("TotalOptions that cannot be read")
		return
	}
	if o.RowSubtotalOptions != nil && o.RowSubtotalOptions.TotalsVisibility == "VISIBLE" {
		p.refuse("RowSubtotalOptions (subtotals)")
	}
	if o.ColumnSubtotalOptions != nil && o.ColumnSubtotalOptions.TotalsVisibility == "VISIBLE" {
		p.refuse("ColumnSubtotalOptions (subtotals)")
	}
	read := func(name string, t *pivotTotalOptions) *pivotTotal {
		if t == nil || t.TotalsVisibility != "VISIBLE" {
			return nil
		}
		for _, a := range t.TotalAggregationOptions {
			if f := a.TotalAggregationFunction; f != nil && f.SimpleTotalAggregationFunction != "" && f.SimpleTotalAggregationFunction != "DEFAULT" {
				p.refuse(name + " with the TotalAggregationFunction " + f.SimpleTotalAggregationFunction)
			}
		}
		label := t.CustomLabel
		if label == "" {
			label = "Total"
		}
		return &pivotTotal{label: label, first: t.Placement == "START"}
	}
	rows, cols := read("RowTotalOptions", o.RowTotalOptions), read("ColumnTotalOptions", o.ColumnTotalOptions)
	if rows != nil || cols != nil {
		p.pivotTotals = &pivotTotals{rows: rows, cols: cols}
	}
}

// pivotLevel answers q grouped by dims only (none: the grand total) and
// keys its measures by the dimensions' text, as the pivot keys its rows.
func pivotLevel(ctx context.Context, run Runner, arn string, q *query.Question, fs []field) (map[string][]any, bool, error) {
	lq := *q
	lq.Dimensions, lq.Sort, lq.Limit = nil, nil, pivotLimit+1
	for _, f := range fs {
		lq.Dimensions = append(lq.Dimensions, *f.dim)
	}
	res, err := run(ctx, arn, &lq)
	if err != nil {
		return nil, false, err
	}
	if len(res.Rows) > pivotLimit {
		return nil, false, nil
	}
	out := map[string][]any{}
	for _, row := range res.Rows {
		var parts []string
		for i, f := range fs {
			parts = append(parts, fieldText(row[i], res.Columns[i], f))
		}
		out[strings.Join(parts, " / ")] = row[len(fs):]
	}
	return out, true, nil
}

// addPivotTotals computes a drawn pivot's totals and adds them; why, when
// not empty, names what cannot be computed.
func (v *View) addPivotTotals(ctx context.Context, pv *Pivot, p *plan, q *query.Question, arn string, cut bool, run Runner) (why string, err error) {
	pt := p.pivotTotals
	if cut {
		return "totals of a pivot table with more rows than Sightglass draws", nil
	}
	ms := p.measures()
	cell := func(vals []any, k int) Cell {
		c := Cell{Numeric: true}
		if vals != nil {
			if f, ok := number(vals[k]); ok {
				c.Text = formatNumber(f)
				if ms[k].format != nil {
					c.Text = ms[k].format.format(f)
				}
			}
		}
		return c
	}
	var grand []any
	if pt.rows != nil && pt.cols != nil {
		g, _, err := pivotLevel(ctx, run, arn, q, nil) // one row
		if err != nil {
			return "", err
		}
		grand = g[""]
	}
	if pt.rows != nil {
		byRow, ok, err := pivotLevel(ctx, run, arn, q, p.category)
		if err != nil {
			return "", err
		}
		if !ok {
			return "row totals of more rows than Sightglass draws", nil
		}
		var heads []string
		for _, m := range ms {
			h := pt.rows.label
			if len(ms) > 1 {
				h += " · " + m.label
			}
			heads = append(heads, h)
		}
		pv.Columns = place(pv.Columns, heads, pt.rows.first)
		for i := range pv.Rows {
			vals := byRow[strings.Join(pv.Rows[i].Headers, " / ")]
			var cs []Cell
			for k := range ms {
				cs = append(cs, cell(vals, k))
			}
			pv.Rows[i].Cells = place(pv.Rows[i].Cells, cs, pt.rows.first)
		}
	}
	if pt.cols != nil {
		byCol, ok, err := pivotLevel(ctx, run, arn, q, p.colors)
		if err != nil {
			return "", err
		}
		if !ok {
			return "column totals of more columns than Sightglass draws", nil
		}
		r := PivotRow{Headers: make([]string, len(p.category)), Total: true}
		if len(r.Headers) > 0 {
			r.Headers[0] = pt.cols.label
		}
		for _, ck := range pv.colKeys {
			for k := range ms {
				r.Cells = append(r.Cells, cell(byCol[ck], k))
			}
		}
		if pt.rows != nil {
			var cs []Cell
			for k := range ms {
				cs = append(cs, cell(grand, k))
			}
			r.Cells = place(r.Cells, cs, pt.rows.first)
		}
		pv.Rows = place(pv.Rows, []PivotRow{r}, pt.cols.first)
	}
	return "", nil
}

// place puts extra before s (first) or after it.
func place[T any](s, extra []T, first bool) []T {
	if first {
		return append(append([]T{}, extra...), s...)
	}
	return append(s, extra...)
}
