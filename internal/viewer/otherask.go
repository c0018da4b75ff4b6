package viewer

// An items limit asked of the data, for a chart whose first category is
// limited and whose numbers cannot be added up from the kept answer's
// cells (an average, a minimum, a distinct count, a calculated measure;
// a ranking over a Colors field by such a measure), or for a matrix (a
// heat map, a Sankey diagram) limited on both of its axes:
//
//  1. rank: each limited dimension alone (no other dimension), in its
//     ranking, one more than the limit; the first n are kept, and a rest
//     exists when there is one more. Each limit ranks over all the rows,
//     whatever the other limit keeps;
//  2. the chart's own question, restricted to the kept values of every
//     limited dimension (with one limit and no other dimension the
//     ranking already is the answer);
//  3. for each limit gathering a rest into "Other", and each combination
//     of such limits, the chart's question without those dimensions,
//     restricted to their rest (and to the kept values of the other
//     limits): each measure of "Other" computed from the rows of the
//     rest, per value of the dimensions left.
//     The questions of steps 2 and 3 are asked at once.
//
// So the "Other" of an average is the average of the rest's rows, not a
// sum of averages, and the "Other" × "Other" cell of a matrix is the
// measure over the rows of both rests. A null value is one value like any
// other: kept when it ranks among the first, else part of "Other". A
// value is matched by itself, so a date field (whose values are periods)
// is not asked this way; the plan refuses it by name.

import (
	"context"
	"errors"
	"slices"
	"sync"

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
	// linesOnly: a combo chart's colors limit that drops colors; their
	// rest is asked as a linesOnly row per category (comboline.go).
	linesOnly bool
}

// askLimit plans a category limit of n asked of the data; it reports
// false (and refuses by name, as what) when the category cannot be
// matched by value.
func (p *plan) askLimit(n int, other bool, what string) bool {
	return p.askAxis(&askedLimit{n: n, other: other}, what)
}

// askColors plans a ColorItemsLimit of n asked of the data, ranked by rank.
func (p *plan) askColors(n int, other bool, rank query.Sort, what string) bool {
	a := &askedLimit{n: n, other: other, dim: len(p.category), rank: []query.Sort{rank}, linesOnly: !other && p.linesByCategory}
	return p.askAxis(a, what)
}

func (p *plan) askAxis(a *askedLimit, what string) bool {
	ds := p.dims()
	if a.dim >= len(ds) || ds[a.dim].dim == nil || ds[a.dim].dim.Granularity != "" {
		p.refuse(what + " over a date field")
		return false
	}
	p.asked = append(p.asked, a)
	p.limit = max(p.limit, chartLimit+1) // one more: a cut answer is refused
	return true
}

// askedOther reports whether an items limit asked of the data gathers
// its rest into "Other" on the dimension dim (-1: on any).
func (p *plan) askedOther(dim int) bool {
	return slices.ContainsFunc(p.asked, func(a *askedLimit) bool { return a.other && (dim < 0 || a.dim == dim) })
}

// askedRunner answers a chart's question with its items limits asked of
// the data (see above); the answer has the question's columns.
func askedRunner(p *plan, run Runner) Runner {
	return func(ctx context.Context, arn string, q *query.Question) (*Result, error) {
		return answerAsked(p, q, func(q *query.Question) (*Result, error) { return run(ctx, arn, q) })
	}
}

// rankedAxis is what step 1 found of one limit: its field, the values
// kept (and their keys, in rank order) and whether a rest exists.
type rankedAxis struct {
	*askedLimit
	field string
	kept  []any
	keys  []string
	more  bool
}

func answerAsked(p *plan, q *query.Question, run func(*query.Question) (*Result, error)) (*Result, error) {
	ds := p.dims()
	asked := slices.SortedFunc(slices.Values(p.asked), func(a, b *askedLimit) int { return a.dim - b.dim })
	axes := make([]rankedAxis, len(asked))
	ranks := make([]*query.Question, len(asked))
	for i, a := range asked { // in the order of the dimensions
		limited := q.Dimensions[a.dim : a.dim+1]
		rq := *q
		rq.Dimensions = limited
		rq.Sort = a.rank
		if rq.Sort == nil {
			rq.Sort = sortsWithout(q.Sort, slices.Delete(slices.Clone(q.Dimensions), a.dim, a.dim+1))
		}
		rq.Limit = a.n + 1
		axes[i], ranks[i] = rankedAxis{askedLimit: a, field: ds[a.dim].dim.Field}, &rq
	}
	ranked, err := runAll(ranks, run)
	if err != nil {
		return nil, err
	}
	for i := range axes {
		ax, rows := &axes[i], ranked[i].Rows
		if ax.more = len(rows) > ax.n; ax.more {
			rows = rows[:ax.n]
		}
		for _, row := range rows {
			ax.kept, ax.keys = append(ax.kept, row[0]), append(ax.keys, keyOf(row[0]))
		}
		if len(ax.kept) == 0 { // no rows at all
			return &Result{Columns: ranked[i].Columns}, nil
		}
	}
	// One question per combination of the limits: each one's kept values
	// (bit clear) or its rest as "Other" (bit set).
	var masks []int
	var qs []*query.Question
	for m := range 1 << len(axes) {
		if m == 0 && len(axes) == 1 && len(q.Dimensions) == 1 {
			continue // the ranking is the answer
		}
		mq, drop := *q, []query.Dimension(nil)
		mq.Filters = slices.Clip(q.Filters)
		skip := false
		for i, ax := range axes {
			rest := m&(1<<i) != 0
			if rest && (!ax.more || !ax.other && !ax.linesOnly) {
				skip = true
				break
			}
			mq.Filters = append(mq.Filters, matchValues(ax.field, ax.kept, !rest))
			if rest {
				drop = append(drop, q.Dimensions[ax.dim])
			}
		}
		if skip {
			continue
		}
		mq.Dimensions = slices.DeleteFunc(slices.Clone(q.Dimensions), func(d query.Dimension) bool { return slices.Contains(drop, d) })
		mq.Sort = sortsWithout(q.Sort, drop)
		masks, qs = append(masks, m), append(qs, &mq)
	}
	answers, err := runAll(qs, run)
	if err != nil {
		return nil, err
	}
	// The kept rows in the first dimension's rank (when it is limited);
	// the rest of a later dimension after each group's kept rows; the
	// rest of the first dimension last.
	first := axes[0].dim == 0
	var out *Result
	var later, last [][]any
	for j, m := range masks {
		res := answers[j]
		if cut(res, q) {
			return nil, errAskedCut
		}
		if m == 0 {
			out = res
			continue
		}
		for _, row := range res.Rows {
			row = slices.Clone(row)
			for i, ax := range axes {
				switch {
				case m&(1<<i) == 0:
				case ax.linesOnly:
					row = slices.Insert(row, ax.dim, any(linesOnly{}))
				default:
					row = slices.Insert(row, ax.dim, any(otherLabel))
				}
			}
			if first && m&1 != 0 {
				last = append(last, row)
			} else {
				later = append(later, row)
			}
		}
	}
	if out == nil {
		out = ranked[0]
		out.Rows = slices.Clip(out.Rows[:len(axes[0].kept)])
	}
	if first && len(q.Dimensions) > 1 {
		out = orderByKeys(out, 0, axes[0].keys)
	}
	if len(later) > 0 {
		out = mergeOther(out, later, axes[len(axes)-1].dim, q.Sort, dimensionID(q.Dimensions[0]))
	}
	out.Rows = append(out.Rows, last...)
	return out, nil
}

// runAll asks questions at once; the answers are in the questions' order.
func runAll(qs []*query.Question, run func(*query.Question) (*Result, error)) ([]*Result, error) {
	out := make([]*Result, len(qs))
	errs := make([]error, len(qs))
	var wg sync.WaitGroup
	for i, q := range qs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], errs[i] = run(q)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
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
