package viewer

import (
	"cmp"
	"math"
	"slices"

	"github.com/sightglass/sightglass/internal/query"
)

// Re-sorted shared questions: visuals that group alike but order their
// groups differently (a bar chart by revenue, highest first; a table by
// region) share one question when each orders by some of its measures
// and then by all its dimensions, ascending, in their order — the order
// the query compiler gives a visual sorted by measures. The shared
// question has no sort, so the engine returns the groups ordered by the
// dimensions, ascending; a visual ordered by measures gets them sorted
// again in Go, stably, by its measures alone: groups with equal measures
// keep the engine's order of their dimensions, which is the tie-break the
// visual's own question asks for. Only the measures are compared here,
// never a dimension, so an engine's collation of text is never copied.
//
// A visual's measures are ordered as every dialect orders them: NULL
// below any number (first ascending, last descending), numbers by value.
// Only integers and floats are compared; any other value (a minimum of
// a text field, a decimal read as text, a NaN, an integer too large for
// a float to hold exactly) makes the visual ask its own question. A
// float may be an engine's decimal rounded (two decimals that differ can
// read as one float): distinct floats keep the decimals' order, but
// equal ones do not tell it, so a tie that involves a float makes the
// visual ask its own question too. Ties of integers are exact.
//
// The same groups in another order of dimensions (region and segment;
// segment and region) are shared too, for a visual ordered by measures
// whose groups all differ in them: its order is then the measures' alone.
// When two groups tie, the visual asks its own question (its tie-break
// would compare its dimensions in its order).
//
// A visual keeping the top groups by a measure needs every group: the
// shared question keeps as many groups as its longest member plus one,
// and when that one is there (more groups than any member keeps), the
// visuals ordered by measures ask their own question, the others are
// still cut from the shared answer.
//
// A member ordered by every dimension descending, and by nothing else
// (an insight's latest periods), reads the shared answer backwards:
// every dialect puts NULL first ascending and last descending
// (dialect.OrderBy), and the groups differ in their dimensions, so the
// descending order is the ascending one reversed. It needs every group
// (its first rows are the shared answer's last), so it asks its own
// question when the shared answer was cut.

// mergeOrders joins the groups of sq that group alike and whose orders
// can be restored from the order of their dimensions into resorted
// groups.
func (sq *sharedQuestions) mergeOrders() {
	for i := 0; i < len(sq.groups); i++ {
		g := sq.groups[i]
		gk, ok := resortOrder(g.question)
		if !ok {
			continue
		}
		for j := i + 1; j < len(sq.groups); j++ {
			h := sq.groups[j]
			if h.arn != g.arn {
				continue
			}
			hk, ok := resortOrder(h.question)
			if !ok {
				continue
			}
			var dims []query.Dimension // the shared question's, if not g's
			switch {
			case sameGroups(g.question, h.question):
			case len(hk) > 0 && permutedGroups(g.question, h.question):
			case len(gk) > 0 && !g.resorted && permutedGroups(h.question, g.question):
				dims = h.question.Dimensions // every member of g orders by measures
			default:
				continue
			}
			union, ok := unionMeasures(g.question.Measures, h.question.Measures)
			if !ok || len(union) > sharedMeasureLimit {
				continue
			}
			keep, hKeep := g.kept(), h.kept()
			if keep == 0 || hKeep == 0 {
				// A re-sorted answer must be known whole: one that keeps
				// every group could be cut by the engine's row bound
				// (source.DefaultMaxRows) without the runner knowing.
				continue
			}
			keep = max(keep, hKeep)
			g.question.Measures = union
			if dims != nil {
				g.question.Dimensions = slices.Clone(dims)
			}
			g.question.CalculatedFields = unionRecords(g.question.CalculatedFields, h.question.CalculatedFields)
			g.question.Sort = nil
			g.question.Limit = 0
			if keep > 0 {
				g.question.Limit = keep + 1
			}
			g.resorted, g.keep = true, keep
			g.members += h.members
			sq.groups = slices.Delete(sq.groups, j, j+1)
			j--
		}
	}
}

// kept is how many groups the members of g keep at most (0: all).
func (g *sharedGroup) kept() int {
	if g.resorted {
		return g.keep
	}
	return g.question.Limit
}

// orders reports whether g's answer holds q's rows in an order q's
// order can be restored from.
func (g *sharedGroup) orders(q *query.Question) bool {
	if !g.resorted {
		return sameGrouping(g.question, q)
	}
	if reversedOrder(q) {
		return sameGroups(g.question, q)
	}
	keys, ok := measureOrder(q)
	return ok && (sameGroups(g.question, q) || len(keys) > 0 && permutedGroups(g.question, q))
}

// permutedGroups reports whether b groups the same rows as a by the same
// dimensions in another order.
func permutedGroups(a, b *query.Question) bool {
	if _, ok := dimColumns(a, b); !ok {
		return false
	}
	y := *b
	y.Dimensions = a.Dimensions
	return sameGroups(a, &y)
}

// dimColumns is, for each dimension of q, the column of the same
// dimension in shared's answer (nil when they are in the same order).
func dimColumns(shared, q *query.Question) ([]int, bool) {
	if len(shared.Dimensions) != len(q.Dimensions) {
		return nil, false
	}
	have, want := groupingOf(shared.Dimensions), groupingOf(q.Dimensions)
	if slices.Equal(have, want) {
		return nil, true
	}
	cols := make([]int, len(want))
	used := make([]bool, len(have))
	for j, d := range want {
		i := -1
		for k, h := range have {
			if !used[k] && h == d {
				i = k
				break
			}
		}
		if i < 0 {
			return nil, false
		}
		used[i], cols[j] = true, i
	}
	return cols, true
}

// answer is q's answer cut from g's.
func (g *sharedGroup) answer(q *query.Question) (*Result, bool) {
	if keep := g.kept(); keep > 0 && (q.Limit == 0 || q.Limit > keep) {
		return nil, false // q keeps more groups than the shared question
	}
	if !g.resorted {
		return cutAnswer(g.res, q)
	}
	if reversedOrder(q) {
		if g.keep > 0 && len(g.res.Rows) > g.keep {
			return nil, false // not every group is there
		}
		if cols, ok := dimColumns(g.question, q); !ok || cols != nil {
			return nil, false
		}
		back := &Result{Columns: g.res.Columns, Rows: slices.Clone(g.res.Rows)}
		slices.Reverse(back.Rows)
		return cutAnswer(back, q)
	}
	keys, ok := measureOrder(q)
	if !ok {
		return nil, false
	}
	dimCols, ok := dimColumns(g.question, q)
	if !ok || (dimCols != nil && len(keys) == 0) {
		return nil, false
	}
	if len(keys) == 0 {
		return cutAnswer(g.res, q) // the shared order is q's: a prefix
	}
	if g.keep > 0 && len(g.res.Rows) > g.keep {
		return nil, false // not every group is there
	}
	sorted, ties, ok := sortByMeasures(g.res, keys)
	if !ok || ties == floatTie || (dimCols != nil && ties != noTie) {
		return nil, false
	}
	return cutAnswerDims(sorted, q, dimCols)
}

// measureKey is a measure a visual orders its groups by.
type measureKey struct {
	id         string
	descending bool
}

// measureOrder is the measures q orders by, when q's full order is those
// measures and then every dimension, ascending, in q's order. ok is false
// for any other order, and for a question with no dimension.
func measureOrder(q *query.Question) ([]measureKey, bool) {
	order, ok := orderOf(q)
	if !ok || len(q.Dimensions) == 0 {
		return nil, false
	}
	var keys []measureKey
	for len(order) > 0 && order[0].dim < 0 {
		// The first terms of the order are q's sorts (orderOf).
		keys = append(keys, measureKey{id: q.Sort[len(keys)].ID, descending: order[0].descending})
		order = order[1:]
	}
	if len(order) != len(q.Dimensions) {
		return nil, false
	}
	for i, k := range order {
		if k.dim != i || k.descending {
			return nil, false
		}
	}
	return keys, true
}

// reversedOrder reports whether q's full order is every dimension,
// descending, in q's order.
func reversedOrder(q *query.Question) bool {
	order, ok := orderOf(q)
	if !ok || len(q.Dimensions) == 0 || len(order) != len(q.Dimensions) {
		return false
	}
	for i, k := range order {
		if k.dim != i || !k.descending {
			return false
		}
	}
	return true
}

// resortOrder is measureOrder, also accepting a reversed order (no
// measures: the answer is read backwards).
func resortOrder(q *query.Question) ([]measureKey, bool) {
	if reversedOrder(q) {
		return nil, true
	}
	return measureOrder(q)
}

// Ties of a sort by measures.
const (
	noTie    = iota
	exactTie // two rows equal on every key, as integers or NULLs
	floatTie // two rows equal on every key, a float among them
)

// sortByMeasures is res with its rows sorted stably by keys (measure
// column ids), and the worst tie of two rows on every key. ok is false
// when a key names no measure column or a value of one cannot be compared
// exactly.
func sortByMeasures(res *Result, keys []measureKey) (sorted *Result, ties int, ok bool) {
	cols := make([]int, len(keys))
	for k, key := range keys {
		i := slices.IndexFunc(res.Columns, func(c query.ResultColumn) bool { return c.Role == query.RoleMeasure && c.ID == key.id })
		if i < 0 {
			return nil, noTie, false
		}
		for _, row := range res.Rows {
			if !exactNumber(row[i]) {
				return nil, noTie, false
			}
		}
		cols[k] = i
	}
	order := func(a, b []any) int {
		for k, i := range cols {
			c := compareNumbers(a[i], b[i])
			if keys[k].descending {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	}
	rows := slices.Clone(res.Rows)
	slices.SortStableFunc(rows, order)
	for r := 1; r < len(rows) && ties != floatTie; r++ {
		if order(rows[r-1], rows[r]) != 0 {
			continue
		}
		ties = exactTie
		for _, i := range cols {
			_, fa := rows[r-1][i].(float64)
			_, fb := rows[r][i].(float64)
			if fa || fb {
				ties = floatTie
			}
		}
	}
	return &Result{Columns: res.Columns, Rows: rows}, ties, true
}

// maxExactInt is the largest integer every float64 comparison with it is
// exact for.
const maxExactInt = 1 << 53

// exactNumber reports whether compareNumbers orders v exactly: NULL, an
// integer a float holds exactly, or a float that is not NaN.
func exactNumber(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case int64:
		return x >= -maxExactInt && x <= maxExactInt
	case float64:
		return !math.IsNaN(x)
	}
	return false
}

// compareNumbers orders two values exactNumber accepts: NULL first, then by value.
func compareNumbers(a, b any) int {
	if a == nil || b == nil {
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil:
			return -1
		}
		return 1
	}
	return cmp.Compare(asFloat(a), asFloat(b))
}

// asFloat is a comparable number as a float64 (exact: see exactNumber).
func asFloat(v any) float64 {
	if i, ok := v.(int64); ok {
		return float64(i)
	}
	return v.(float64)
}
