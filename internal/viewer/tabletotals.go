package viewer

import (
	"context"
	"encoding/json"
	"math"

	"github.com/sightglass/sightglass/internal/query"
)

// A table's TotalOptions (TotalsVisibility VISIBLE) add a total row. Each
// measure's total is, by default, its aggregate over every filtered row
// of the dataset, asked of SQL as the same question without dimensions:
// an average's total is the average of the rows, not the sum of the
// table's averages. A field's TotalAggregationFunction SUM, AVERAGE, MIN
// or MAX aggregates the table's drawn values instead, which needs every
// row of the table (a cut table is refused); NONE leaves the cell blank.
// The row's label is CustomLabel ("Total" without one), at the top with
// Placement START, else at the bottom.

// tableTotals is a plan's total row: how each measure's total is found.
type tableTotals = totalOptions

// tableTotals reads a table's TotalOptions; hidden or absent totals leave
// p.totals nil. What cannot be applied is refused by name.
func (p *plan) tableTotals(raw json.RawMessage) {
	o, refused := readTotalOptions(raw)
	if refused != "" {
		p.refuse(refused)
		return
	}
	p.totals = o
}

// overRows reports whether a total aggregates the table's drawn rows.
func (t *tableTotals) overRows() bool {
	for _, fn := range t.funcs {
		if fn != "NONE" {
			return true
		}
	}
	return false
}

// totalRow computes the total row of a table whose rows are res: the
// measures' aggregates over every filtered row (one more question, with
// no dimensions, sort or limit), or over res's rows for a field with a
// total function. why, when not empty, names what cannot be computed.
func (v *View) totalRow(ctx context.Context, p *plan, q *query.Question, arn string, res *Result, run Runner) (row []any, why string, err error) {
	if p.totals.overRows() && p.limit > 0 && len(res.Rows) >= p.limit {
		return nil, "a TotalAggregationFunction over a table with more rows than Sightglass draws", nil
	}
	tq := *q
	tq.Dimensions, tq.Sort, tq.Limit = nil, nil, 0
	tres, err := run(ctx, arn, &tq)
	if err != nil {
		return nil, "", err
	}
	nd := len(p.dims())
	row = make([]any, nd+len(p.measures()))
	for i, f := range p.measures() {
		switch fn := p.totals.funcs[f.id]; fn {
		case "":
			if len(tres.Rows) > 0 && i < len(tres.Rows[0]) {
				row[nd+i] = tres.Rows[0][i]
				if _, isNum := number(row[nd+i]); !isNum && row[nd+i] != nil && i < len(tres.Columns) {
					row[nd+i] = totalText(fieldText(row[nd+i], tres.Columns[i], f)) // a date's MIN or MAX
				}
			}
		case "NONE":
		default:
			row[nd+i] = overRows(fn, res.Rows, nd+i)
		}
	}
	return row, "", nil
}

// overRows aggregates column col of rows: nil when no row has a number.
func overRows(fn string, rows [][]any, col int) any {
	n, acc := 0, 0.0
	for _, r := range rows {
		x, ok := number(r[col])
		if !ok {
			continue
		}
		switch {
		case n == 0:
			acc = x
		case fn == "MIN":
			acc = math.Min(acc, x)
		case fn == "MAX":
			acc = math.Max(acc, x)
		default:
			acc += x
		}
		n++
	}
	if n == 0 {
		return nil
	}
	if fn == "AVERAGE" {
		return acc / float64(n)
	}
	return acc
}

// totalText is a total that is not a number, already written.
type totalText string

// totalCells draws a table's total row: the label in the first column,
// each measure's total in its format.
func totalCells(p *plan, row []any) []Cell {
	fields := append(p.dims(), p.measures()...)
	cells := make([]Cell, len(fields))
	if len(p.dims()) > 0 {
		cells[0].Text = p.totals.label
	}
	for i, f := range fields {
		if f.measure == nil {
			continue
		}
		cells[i].Numeric = true
		if text, ok := row[i].(totalText); ok {
			cells[i].Text = string(text)
		} else if x, ok := number(row[i]); ok {
			cells[i].Text = formatNumber(x)
			if f.format != nil {
				cells[i].Text = f.format.format(x)
			}
		}
	}
	return cells
}
