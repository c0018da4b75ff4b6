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
//     Questions 2 and 3 are asked at once.
//
// So the "Other" of an average is the average of the rest's rows, not a
// sum of averages. A null category is one category like any other: kept
// when it ranks among the first, else part of "Other". The category is
// matched by value, so a date field (whose values are periods) is not
// asked this way; the plan refuses it by name.

import (
	"context"
	"errors"
	"slices"

	"github.com/sightglass/sightglass/internal/query"
)

// askedLimit is an items limit asked of the data: keep n values of the
// question's dimension dim (0: the category; past the categories: the
// Colors field), ranked by rank (nil: the chart's own sort), and gather
// the rest into "Other" when other is set.
type askedLimit struct {
	n     int
	other bool
	dim   int
	rank  []query.Sort
}

// askLimit plans a category limit of n asked of the data; it reports
// false (and refuses by name, as what) when the category cannot be
// matched by value.
func (p *plan) askLimit(n int, other bool, what string) bool {
	return p.askAxis(&askedLimit{n: n, other: other}, what)
}

// askColors plans a ColorItemsLimit of n asked of the data, ranked by rank.
func (p *plan) askColors(n int, other bool, rank query.Sort, what string) bool {
	return p.askAxis(&askedLimit{n: n, other: other, dim: len(p.category), rank: []query.Sort{rank}}, what)
}

func (p *plan) askAxis(a *askedLimit, what string) bool {
	ds := p.dims()
	if a.dim >= len(ds) || ds[a.dim].dim == nil || ds[a.dim].dim.Granularity != "" {
		p.refuse(what + " over a date field")
		return false
	}
	p.asked = a
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
	field := p.dims()[a.dim].dim.Field
	limited := q.Dimensions[a.dim : a.dim+1]
	others := slices.Delete(slices.Clone(q.Dimensions), a.dim, a.dim+1)
	rq := *q
	rq.Dimensions = limited
	rq.Sort = a.rank
	if rq.Sort == nil {
		rq.Sort = sortsWithout(q.Sort, others)
	}
	rq.Limit = a.n + 1
	ranked, err := run(&rq)
	if err != nil {
		return nil, err
	}
	more := len(ranked.Rows) > a.n
	if more {
		ranked.Rows = ranked.Rows[:a.n]
	}
	kept := make([]any, 0, len(ranked.Rows))
	keys := make([]string, 0, len(ranked.Rows))
	for _, row := range ranked.Rows {
		kept, keys = append(kept, row[0]), append(keys, keyOf(row[0]))
	}
	// The kept categories' question and the rest's are asked at once.
	var rest *Result
	var restErr error
	done := make(chan struct{})
	if more && a.other {
		oq := *q
		oq.Dimensions = others
		oq.Sort = sortsWithout(q.Sort, limited)
		oq.Filters = append(slices.Clip(q.Filters), matchValues(field, kept, false))
		go func() {
			defer close(done)
			rest, restErr = run(&oq)
		}()
	} else {
		close(done)
	}
	out := ranked
	if len(others) > 0 && len(kept) > 0 {
		mq := *q
		mq.Filters = append(slices.Clip(q.Filters), matchValues(field, kept, true))
		res, err := run(&mq)
		if err == nil && cut(res, q) {
			err = errAskedCut
		}
		if err != nil {
			<-done
			return nil, err
		}
		out = res
		if a.dim == 0 {
			out = orderByKeys(res, 0, keys)
		}
	}
	<-done
	if restErr != nil {
		return nil, restErr
	}
	if rest == nil {
		return out, nil
	}
	if cut(rest, q) {
		return nil, errAskedCut
	}
	rows := make([][]any, len(rest.Rows))
	for i, row := range rest.Rows {
		rows[i] = slices.Insert(slices.Clone(row), a.dim, any(otherLabel))
	}
	if a.dim == 0 || len(others) == 0 {
		out.Rows = append(out.Rows, rows...)
		return out, nil
	}
	return mergeOther(out, rows, a.dim, q.Sort, dimensionID(q.Dimensions[0])), nil
}

// mergeOther places each category's "Other" color row after the
// category's kept rows. Categories keep the order of the kept answer; a
// category only in "Other" comes in its place when the chart is sorted by
// its (one) category, else after the kept ones.
func mergeOther(kept *Result, other [][]any, nCat int, sorts []query.Sort, catID string) *Result {
	key := func(row []any) string {
		k := ""
		for _, c := range row[:nCat] {
			k += keyOf(c) + "\x00"
		}
		return k
	}
	var order []string
	groups := map[string][][]any{}
	for _, rows := range [][][]any{kept.Rows, other} {
		for _, row := range rows {
			k := key(row)
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], row)
		}
	}
	all := &Result{Columns: kept.Columns, Rows: append(slices.Clip(kept.Rows), other...)}
	if nCat == 1 && (len(sorts) == 0 || sorts[0].ID == catID) {
		order = sortedKeys(all, 0, len(sorts) > 0 && sorts[0].Descending)
		for i := range order {
			order[i] += "\x00"
		}
	}
	all.Rows = all.Rows[:0:0]
	for _, k := range order {
		all.Rows = append(all.Rows, groups[k]...)
	}
	return all
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
