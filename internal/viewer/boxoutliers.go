package viewer

import (
	"context"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/query"
)

// Box plot outliers (BoxPlotOptions.OutlierVisibility VISIBLE): the
// whiskers reach the furthest values within 1.5 interquartile ranges of
// the box (Q1 − 1.5·IQR … Q3 + 1.5·IQR), and the values beyond are drawn
// as points. The fences come from the box question's quartiles; a second
// question, with the same filters, groups the rows by the group and by
// their value when it lies outside its group's fences: the rows inside
// (no value there) give the whiskers, the others are the outliers.
//
// Most rows lie within every box's fences: between the highest lower
// fence and the lowest upper one (the common band). A row there is
// inside its own box whatever its group, so the question tests the band
// first, against two constants, and looks up the row's group's fences
// only for the rows outside it: a box plot by month, whose lookup reads
// the row's date a dozen times, then costs about what its box question
// does.

// outlierLimit bounds the outliers a box plot draws.
const outlierLimit = 2000

const (
	boxInsideID  = "__box_inside"
	boxOutsideID = "__box_outside"
)

// boxOutliers holds what the second question found, per box row.
type boxOutliers struct {
	whiskers [][2]any    // low and high whisker per group (nil: no value inside)
	points   [][]float64 // outliers per group
}

// fences returns an expression yielding x's value (Values' column v)
// when keep(lo, hi) holds for its group's fences, else NULL: a plain
// condition without a group, an ifelse over the groups with one.
func (p *plan) fences(res *Result, v int, x string, keep func(lo, hi string) string) (string, bool) {
	nd := len(p.category)
	if nd > 0 && p.category[0].dim.Granularity != "" {
		return p.periodFences(res, v, x, keep)
	}
	at := nd + v*len(boxStats)
	var branches []string
	for _, row := range res.Rows {
		lo, hi, ok := fences(row, at)
		if !ok {
			continue
		}
		cond := keep(lo, hi)
		if nd == 0 {
			return "ifelse(" + cond + ", " + x + ", NULL)", true
		}
		g, ok := groupIs(p.category[0], row[0])
		if !ok {
			return "", false
		}
		branches = append(branches, "("+g+" AND "+cond+")")
	}
	if len(branches) == 0 {
		return "NULL", true
	}
	return "ifelse(" + anyOf(branches) + ", " + x + ", NULL)", true
}

// commonBand is the condition that x (Values' column v) lies within
// every box's fences: at or above the highest lower fence and at or below
// the lowest upper one; false when no values lie within every box's
// fences (the boxes' fences do not overlap), when no box has fences, and
// when a box with values has none (its rows must not be read as inside).
func (p *plan) commonBand(res *Result, v int, x string) (string, bool) {
	at := len(p.category) + v*len(boxStats)
	lo, hi := math.Inf(-1), math.Inf(1)
	found := false
	for _, row := range res.Rows {
		l, h, ok := fenceValues(row, at)
		if !ok {
			if row[at+1] != nil || row[at+3] != nil {
				// A box with values but no finite fences (an infinite
				// or NaN quartile): its rows are in no band.
				return "", false
			}
			continue
		}
		lo, hi, found = max(lo, l), min(hi, h), true
	}
	if !found || !(lo <= hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return "", false
	}
	return "(" + x + " >= " + literal(lo) + " AND " + x + " <= " + literal(hi) + ")", true
}

// fences are the outlier bounds of a box whose statistics (boxStats)
// start at row[at], as SQL literals: 1.5 interquartile ranges beyond the
// quartiles; false when the box has no quartiles (no values).
func fences(row []any, at int) (lo, hi string, ok bool) {
	l, h, ok := fenceValues(row, at)
	if !ok {
		return "", "", false
	}
	return literal(l), literal(h), true
}

// fenceValues are a box's outlier bounds as numbers (see fences).
func fenceValues(row []any, at int) (lo, hi float64, ok bool) {
	q1, ok1 := number(row[at+1])
	q3, ok3 := number(row[at+3])
	if !ok1 || !ok3 {
		return 0, 0, false
	}
	iqr := q3 - q1
	return q1 - 1.5*iqr, q3 + 1.5*iqr, true
}

// groupIs writes the condition that a row is in the group of a box
// plot's GroupBy value v: a text, a number or a date (a date's periods:
// periodFences); false for other values.
func groupIs(f field, v any) (string, bool) {
	g := "{" + f.dim.Field + "}"
	switch x := v.(type) {
	case nil:
		return "isNull(" + g + ")", true
	case string:
		return g + " = " + quoteText(x), true
	case time.Time:
		return g + " = " + dateText(x.UTC()), true
	}
	if n, ok := number(v); ok && !math.IsInf(n, 0) && !math.IsNaN(n) {
		return g + " = " + literal(n), true
	}
	return "", false
}

// anyOf joins conditions with OR as a balanced tree, so that hundreds of
// groups stay well within the expression depth limit (expr.MaxDepth).
func anyOf(conds []string) string {
	if len(conds) == 1 {
		return conds[0]
	}
	mid := len(conds) / 2
	return "(" + anyOf(conds[:mid]) + " OR " + anyOf(conds[mid:]) + ")"
}

// quoteText writes a text literal of the calculation language: the
// lexer takes the character after a backslash as is.
func quoteText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

// outliers asks the whiskers and outliers of each box of a box plot
// whose box question answered res, a question per field in Values; a
// non-empty message refuses the plot.
func (v *View) outliers(ctx context.Context, p *plan, res *Result, sheetID, visualID, arn string, run Runner) (string, error) {
	p.box.outliers = make([]*boxOutliers, len(p.box.columns))
	for k, col := range p.box.columns {
		x := "{" + col + "}"
		inside, ok := p.fences(res, k, x, func(lo, hi string) string { return x + " >= " + lo + " AND " + x + " <= " + hi })
		outside, ok2 := p.fences(res, k, x, func(lo, hi string) string { return "(" + x + " < " + lo + " OR " + x + " > " + hi + ")" })
		if !ok || !ok2 {
			return "OutlierVisibility VISIBLE with a GroupBy value Sightglass cannot select rows by", nil
		}
		if band, ok := p.commonBand(res, k, x); ok {
			inside = "ifelse(" + band + ", " + x + ", " + inside + ")"
			outside = "ifelse(" + band + ", NULL, " + outside + ")"
		}
		q := &plan{dataSet: p.dataSet, category: append(append([]field{}, p.category...),
			field{id: boxOutsideID, dim: &query.Dimension{ID: boxOutsideID, Field: boxOutsideID}}),
			values: []field{
				{id: "__whisker_lo", measure: &query.Measure{ID: "__whisker_lo", Field: boxInsideID, Aggregation: query.Min}},
				{id: "__whisker_hi", measure: &query.Measure{ID: "__whisker_hi", Field: boxInsideID, Aggregation: query.Max}}},
			calc:  []query.CalculatedField{{Name: boxInsideID, Expression: inside}, {Name: boxOutsideID, Expression: outside}},
			limit: outlierLimit + len(res.Rows) + 1}
		for _, d := range q.category {
			q.sort = append(q.sort, query.Sort{ID: d.id})
		}
		qq, err := v.question(q, sheetID, visualID)
		if err != nil {
			return "", err
		}
		out, err := run(ctx, arn, qq)
		if err != nil {
			return "", err
		}
		if len(out.Rows) >= q.limit {
			return "more than " + strconv.Itoa(outlierLimit) + " outliers, more than Sightglass draws", nil
		}
		index := boxRowIndex(p, res)
		nd := len(p.category)
		b := &boxOutliers{whiskers: make([][2]any, len(res.Rows)), points: make([][]float64, len(res.Rows))}
		for _, row := range out.Rows {
			i, ok := index(row)
			if !ok {
				continue
			}
			if o, ok := number(row[nd]); ok {
				b.points[i] = append(b.points[i], o)
				continue
			}
			b.whiskers[i] = [2]any{row[nd+1], row[nd+2]}
		}
		p.box.outliers[k] = b
	}
	return "", nil
}

// boxRowIndex returns the box (a row of res) that a row of a box plot's
// further question belongs to, by its group (its first column).
func boxRowIndex(p *plan, res *Result) func(row []any) (int, bool) {
	if len(p.category) == 0 {
		return func([]any) (int, bool) { return 0, len(res.Rows) > 0 }
	}
	index := map[string]int{}
	for i, row := range res.Rows {
		index[periodKey(row[0])] = i
	}
	return func(row []any) (int, bool) {
		i, ok := index[periodKey(row[0])]
		return i, ok
	}
}
