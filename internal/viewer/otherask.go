package viewer

// An items limit asked of the data, for a chart whose first category is
// limited and whose numbers cannot be added up from the kept answer's
// cells (an average, a minimum, a distinct count, a calculated measure;
// a ranking over a Colors field by such a measure):
//
//  1. rank: the categories alone (no Colors field), in the chart's sort,
//     one more than the limit; the first n are kept, and a rest exists
//     when there is one more;
//  2. the chart's own question, restricted to the kept categories (with
//     a Colors field; without one the ranking already is the answer),
//     drawn in the ranking's order;
//  3. with OtherCategories INCLUDE and a rest, the chart's question
//     without the category, restricted to the other categories: each
//     measure of "Other" computed from the rows of the rest, per color.
//
// So the "Other" of an average is the average of the rest's rows, not a
// sum of averages. A null category is one category like any other: kept
// when it ranks among the first, else part of "Other". The category is
// matched by value, so a date category (whose values are periods) is not
// asked this way; the plan refuses it by name.

import (
	"context"
	"errors"
	"slices"

	"github.com/sightglass/sightglass/internal/query"
)

// askedLimit is an items limit asked of the data: keep n categories, and
// gather the rest into "Other" when other is set.
type askedLimit struct {
	n     int
	other bool
}

// askLimit plans an items limit of n categories asked of the data; it
// reports false (and refuses by name, as what) when the category cannot
// be matched by value.
func (p *plan) askLimit(n int, other bool, what string) bool {
	if len(p.category) == 0 || p.category[0].dim == nil || p.category[0].dim.Granularity != "" {
		p.refuse(what + " over a date category")
		return false
	}
	p.asked = &askedLimit{n: n, other: other}
	p.limit = max(p.limit, chartLimit+1) // one more: a cut answer is refused
	return true
}

// askedRunner answers a chart's question with its items limit asked of
// the data (see above); the answer has the question's columns.
func askedRunner(p *plan, run Runner) Runner {
	return func(ctx context.Context, arn string, q *query.Question) (*Result, error) {
		return p.asked.answer(p, q, func(q *query.Question) (*Result, error) { return run(ctx, arn, q) })
	}
}

func (a *askedLimit) answer(p *plan, q *query.Question, run func(*query.Question) (*Result, error)) (*Result, error) {
	catField := p.category[0].dim.Field
	colors := len(q.Dimensions) > 1
	rq := *q
	rq.Dimensions = q.Dimensions[:1]
	rq.Sort = sortsWithout(q.Sort, q.Dimensions[1:])
	rq.Limit = a.n + 1
	ranked, err := run(&rq)
	if err != nil {
		return nil, err
	}
	rest := len(ranked.Rows) > a.n
	if rest {
		ranked.Rows = ranked.Rows[:a.n]
	}
	kept := make([]any, 0, len(ranked.Rows))
	keys := make([]string, 0, len(ranked.Rows))
	for _, row := range ranked.Rows {
		kept, keys = append(kept, row[0]), append(keys, keyOf(row[0]))
	}
	out := ranked
	if colors && len(kept) > 0 {
		mq := *q
		mq.Filters = append(slices.Clip(q.Filters), matchValues(catField, kept, true))
		res, err := run(&mq)
		if err != nil {
			return nil, err
		}
		if cut(res, q) {
			return nil, errAskedCut
		}
		out = orderByKeys(res, 0, keys)
	}
	if !rest || !a.other {
		return out, nil
	}
	oq := *q
	oq.Dimensions = q.Dimensions[1:]
	oq.Sort = sortsWithout(q.Sort, q.Dimensions[:1])
	oq.Filters = append(slices.Clip(q.Filters), matchValues(catField, kept, false))
	res, err := run(&oq)
	if err != nil {
		return nil, err
	}
	if cut(res, q) {
		return nil, errAskedCut
	}
	for _, row := range res.Rows {
		out.Rows = append(out.Rows, append([]any{otherLabel}, row...))
	}
	return out, nil
}

// errAskedCut says an answer of an asked items limit was cut at the
// question's row limit: drawn, it would lose categories or colors.
var errAskedCut = errors.New("more rows than Sightglass draws")

// cut reports whether an answer reached the question's row limit.
func cut(res *Result, q *query.Question) bool { return q.Limit > 0 && len(res.Rows) >= q.Limit }

// askedRefusal names a filter of a question that an items limit asked of
// the data cannot keep: a top or bottom filter ranks over the rows the
// other filters keep, and a filter on an aggregate would test "Other" as
// one group, not each category in it.
func askedRefusal(q *query.Question) string {
	for _, f := range q.Filters {
		switch {
		case f.Kind == query.TopBottomFilter:
			return "an items limit ranked by a measure Sightglass cannot add up, with a top or bottom filter"
		case f.Aggregation != "":
			return "an items limit ranked by a measure Sightglass cannot add up, with a filter on an aggregated field"
		}
	}
	return ""
}

// sortsWithout drops the sorts by any of the given dimensions.
func sortsWithout(sorts []query.Sort, ds []query.Dimension) []query.Sort {
	var out []query.Sort
	for _, s := range sorts {
		if !slices.ContainsFunc(ds, func(d query.Dimension) bool { return d.ID == s.ID }) {
			out = append(out, s)
		}
	}
	return out
}

// matchValues is a row filter keeping the rows whose field is among the
// values (in) or not among them; a null among the values is matched by
// the filter's null option.
func matchValues(field string, values []any, in bool) query.Filter {
	var vals []any
	null := false
	for _, v := range values {
		if v == nil {
			null = true
			continue
		}
		vals = append(vals, v)
	}
	f := query.Filter{Kind: query.CategoryFilter, Field: field, Match: query.In, Values: vals}
	if !in {
		f.Match = query.NotIn
	}
	switch {
	case len(vals) == 0 && in:
		f.Match, f.NullOption = query.AnyValue, query.NullsOnly
	case len(vals) == 0:
		f.Match, f.NullOption = query.AnyValue, query.NonNullsOnly
	case in == null: // kept with the nulls, or the rest with them
		f.NullOption = query.AllValues
	}
	return f
}
