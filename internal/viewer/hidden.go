package viewer

import (
	"strconv"

	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// hiddenMeasure is a value a visual asks beside what it draws: a
// reference line's computed value or a conditional format's condition. It
// is a calculated measure of the visual's own question, so it is computed
// in SQL over the same filters, parameters and groups as the drawn values
// (one value per drawn row).
type hiddenMeasure struct {
	id   string
	expr string
}

// hiddenID is the result column id of the n-th hidden measure.
func hiddenID(n int) string { return "__sg_hidden_" + strconv.Itoa(n) }

// withHidden returns a copy of q that also asks the hidden measures,
// after the visual's own measures, each as perGroup writes it for q's
// groups.
func withHidden(q *query.Question, hs []hiddenMeasure) *query.Question {
	return hiddenOf(q, hs, true)
}

// withHiddenAsWritten is withHidden with the measures as written: for a
// question whose hidden measures are asked again at coarser groups (a
// pivot table's totals), where a condition on a grouped column is no
// longer one value per group.
func withHiddenAsWritten(q *query.Question, hs []hiddenMeasure) *query.Question {
	return hiddenOf(q, hs, false)
}

func hiddenOf(q *query.Question, hs []hiddenMeasure, grouped bool) *query.Question {
	if len(hs) == 0 {
		return q
	}
	out := *q
	out.Measures = append(append([]query.Measure{}, q.Measures...), make([]query.Measure, 0, len(hs))...)
	out.CalculatedFields = append([]query.CalculatedField{}, q.CalculatedFields...)
	for _, h := range hs {
		out.Measures = append(out.Measures, query.Measure{ID: h.id, Field: h.id})
		e := h.expr
		if grouped {
			e = perGroup(e, q)
		}
		out.CalculatedFields = append(out.CalculatedFields, query.CalculatedField{Name: h.id, Expression: e})
	}
	return &out
}

// perGroup is a hidden measure's expression as the question can ask it:
// one that aggregates nothing and reads only fields the question groups
// by whole (a table's condition {status} = "Active" on its status column)
// has one value in each group, which max gives; another is asked as it is
// (and refused if it is not aggregated).
func perGroup(src string, q *query.Question) string {
	if expr.Aggregated(src) {
		return src
	}
	n, err := expr.Parse(src)
	if err != nil {
		return src
	}
	fields := expr.Fields(n)
	if len(fields) == 0 {
		return src
	}
	for _, f := range fields {
		whole := false
		for _, d := range q.Dimensions {
			if d.Field == f && d.Granularity == "" {
				whole = true
			}
		}
		if !whole {
			return src
		}
	}
	return "max(" + src + ")"
}

// splitHidden removes the last n columns of a result (the hidden
// measures) and returns them, row by row.
func splitHidden(res *Result, n int) (*Result, [][]any) {
	if n == 0 || len(res.Columns) < n {
		return res, nil
	}
	keep := len(res.Columns) - n
	out := &Result{Columns: res.Columns[:keep], Rows: make([][]any, len(res.Rows))}
	hidden := make([][]any, len(res.Rows))
	for i, row := range res.Rows {
		out.Rows[i], hidden[i] = row[:keep], row[keep:]
	}
	return out, hidden
}
