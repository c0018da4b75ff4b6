package viewer

import (
	"context"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query"
)

// Box plot outliers (BoxPlotOptions.OutlierVisibility VISIBLE): the
// whiskers reach the furthest values within 1.5 interquartile ranges of
// the box (Q1 − 1.5·IQR … Q3 + 1.5·IQR), and the values beyond are drawn
// as points. The fences come from the box question's quartiles; a second
// question, with the same filters, groups the rows by the group and by
// their value when it lies outside its group's fences: the rows inside
// (no value there) give the whiskers, the others are the outliers.

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

// fences returns an expression yielding x's value when keep(lo, hi)
// holds for its group's fences, else NULL: a plain condition without a
// group, an ifelse over the groups with one.
func (p *plan) fences(res *Result, x string, keep func(lo, hi string) string) (string, bool) {
	nd := len(p.category)
	var branches []string
	for _, row := range res.Rows {
		q1, ok1 := number(row[nd+1])
		q3, ok3 := number(row[nd+3])
		if !ok1 || !ok3 {
			continue
		}
		iqr := q3 - q1
		cond := keep(literal(q1-1.5*iqr), literal(q3+1.5*iqr))
		if nd == 0 {
			return "ifelse(" + cond + ", " + x + ", NULL)", true
		}
		g := "{" + p.category[0].dim.Field + "}"
		switch v := row[0].(type) {
		case nil:
			branches = append(branches, "(isNull("+g+") AND "+cond+")")
		case string:
			branches = append(branches, "("+g+" = "+quoteText(v)+" AND "+cond+")")
		default:
			return "", false
		}
	}
	if len(branches) == 0 {
		return "NULL", true
	}
	return "ifelse(" + anyOf(branches) + ", " + x + ", NULL)", true
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

// outliers asks the whiskers and outliers of a box plot whose box
// question answered res; a non-empty message refuses the plot.
func (v *View) outliers(ctx context.Context, p *plan, res *Result, sheetID, visualID, arn string, run Runner) (string, error) {
	x := "{" + p.box.columns[0] + "}"
	inside, ok := p.fences(res, x, func(lo, hi string) string { return x + " >= " + lo + " AND " + x + " <= " + hi })
	outside, ok2 := p.fences(res, x, func(lo, hi string) string { return "(" + x + " < " + lo + " OR " + x + " > " + hi + ")" })
	if !ok || !ok2 {
		return "OutlierVisibility VISIBLE with a GroupBy field other than text", nil
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
	nd := len(p.category)
	index := map[string]int{}
	for i, row := range res.Rows {
		if nd > 0 {
			index[periodKey(row[0])] = i
		}
	}
	b := &boxOutliers{whiskers: make([][2]any, len(res.Rows)), points: make([][]float64, len(res.Rows))}
	for _, row := range out.Rows {
		i := 0
		if nd > 0 {
			var ok bool
			if i, ok = index[periodKey(row[0])]; !ok {
				continue
			}
		}
		if o, ok := number(row[nd]); ok {
			b.points[i] = append(b.points[i], o)
			continue
		}
		b.whiskers[i] = [2]any{row[nd+1], row[nd+2]}
	}
	p.box.outliers = b
	return "", nil
}
