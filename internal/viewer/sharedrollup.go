package viewer

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/query"
)

// Rolled-up shared questions: a visual that groups the same rows by the
// first dimensions of another visual's question (revenue by region, next
// to revenue by region and segment; a KPI's total next to any chart) is
// answered from that finer answer, added up in Go, instead of asking the
// engine to scan and sort the rows once more. Both questions must keep the
// same rows (sameGroups with the finer one's first dimensions), and both
// must be ordered by their dimensions alone, ascending: the finer answer
// then holds each coarse group's rows next to each other, in the coarse
// order, and nothing of an engine's order has to be copied.
//
// Only what adds up exactly from the finer groups is rolled up: SUM (the
// sum of the sums; NULL when every one is NULL), COUNT (the sum of the
// counts), MIN and MAX of numbers. A visual with an average, a distinct
// count, a median or a percentile asks its own question, as does any
// question with a filter on an aggregated value or a top/bottom filter
// (what they keep depends on the grouping) or a calculated field other
// than the count of records. Integers add up exactly (an overflow asks
// the engine); floats are summed with compensation, as SQLite's SUM
// does, and may differ from the engine's own sum in the last bits.
//
// The finer answer must be whole: one cut at its limit leaves the coarse
// visual to ask its own question. Two neighbouring coarse groups are told
// apart by exact equality of their values, which is the engine's only if
// its collation is binary; an engine may group text without regard to
// case, trailing spaces or accents (MySQL's default collations, a SQLite
// column declared NOCASE). So a coarse visual asks its own question when
// two neighbouring groups differ only in case or trailing spaces, or when
// either is text other than printable ASCII.

// mergeRollups links each group of sq whose question can be added up from
// another group's answer to that group. A group that feeds others is not
// itself rolled up, so the links are never chained; nor is a re-sorted
// group (sharedresort.go), whose members order by measures: a rolled-up
// float sum may differ from the engine's in its last bits, which must not
// decide an order.
func (sq *sharedQuestions) mergeRollups() {
	for _, c := range sq.groups {
		if c.feeds || c.resorted || !rollable(c.question) {
			continue
		}
		for _, f := range sq.groups {
			if f == c || f.from != nil || f.arn != c.arn || !rollsUpTo(f.question, c.question) {
				continue
			}
			union, ok := unionMeasures(f.question.Measures, c.question.Measures)
			if !ok || len(union) > sharedMeasureLimit {
				continue
			}
			f.question.Measures = union
			f.question.CalculatedFields = unionRecords(f.question.CalculatedFields, c.question.CalculatedFields)
			f.feeds, c.from = true, f
			break
		}
	}
}

// rollable reports whether q's answer may be added up from a finer
// answer: its measures add up, its order is its dimensions', ascending,
// and no filter or calculated field depends on its grouping.
func rollable(q *query.Question) bool {
	for _, m := range q.Measures {
		switch m.Aggregation {
		case query.Sum, query.Count, query.Min, query.Max:
		default:
			return false
		}
	}
	if withoutRecords(q.CalculatedFields) != nil || slices.ContainsFunc(q.Filters, groupedFilter) {
		return false
	}
	return len(q.Dimensions) == 0 && len(q.Sort) == 0 || orderedByDimensions(q)
}

// orderedByDimensions reports whether q's order is its dimensions',
// ascending, in their order.
func orderedByDimensions(q *query.Question) bool {
	keys, ok := measureOrder(q)
	return ok && len(keys) == 0
}

// groupedFilter reports whether what f keeps depends on how the rows are
// grouped: a condition on an aggregated value, or a top/bottom filter.
func groupedFilter(f query.Filter) bool {
	if f.Aggregation != "" || f.Kind == query.TopBottomFilter {
		return true
	}
	return f.Inner != nil && groupedFilter(*f.Inner)
}

// rollsUpTo reports whether coarse's rows can be added up from fine's
// answer: fine groups the same rows by coarse's dimensions and more, after
// them, and orders its groups by its dimensions, ascending.
func rollsUpTo(fine, coarse *query.Question) bool {
	k := len(coarse.Dimensions)
	if len(fine.Dimensions) <= k || !orderedByDimensions(fine) {
		return false
	}
	x := *fine
	x.Dimensions = fine.Dimensions[:k]
	if k == 0 {
		x.Dimensions = coarse.Dimensions // nil or empty alike
	}
	return sameGroups(&x, coarse)
}

// rollUp adds up coarse's answer from fine's answer to the question fineQ
// (rollsUpTo). ok is false when it cannot be done exactly: the finer
// answer was cut at its limit, a value is not one it can add up, or two
// neighbouring groups might be one group to the engine.
func rollUp(fine *Result, fineQ, coarse *query.Question) (*Result, bool) {
	k := len(coarse.Dimensions)
	if fineQ.Limit > 0 && len(fine.Rows) >= fineQ.Limit {
		return nil, false // maybe cut: not every group is there
	}
	cols, ok := answerColumns(fine, coarse, nil)
	if !ok {
		return nil, false
	}
	out := &Result{Columns: make([]query.ResultColumn, len(cols)), Rows: [][]any{}}
	for j, i := range cols {
		out.Columns[j] = fine.Columns[i]
	}
	sums := make([]rolledMeasure, len(coarse.Measures))
	var key []any
	flush := func() bool {
		row := make([]any, 0, len(cols))
		row = append(row, key...)
		for j := range sums {
			v, ok := sums[j].value()
			if !ok {
				return false
			}
			row = append(row, v)
		}
		out.Rows = append(out.Rows, row)
		return true
	}
	for r, row := range fine.Rows {
		if len(row) != len(fine.Columns) {
			return nil, false
		}
		if r > 0 {
			same, ok := sameKey(key, row[:k])
			if !ok {
				return nil, false
			}
			if !same {
				if !flush() {
					return nil, false
				}
				sums = make([]rolledMeasure, len(coarse.Measures))
			}
		}
		key = row[:k]
		for j, m := range coarse.Measures {
			if !sums[j].add(m.Aggregation, row[cols[k+j]]) {
				return nil, false
			}
		}
	}
	// No finer group: no coarse group, but a question with no dimension
	// answers one row over no rows (NULL sums, a count of 0).
	if len(fine.Rows) > 0 || k == 0 {
		for j, m := range coarse.Measures {
			sums[j].agg = m.Aggregation
		}
		if !flush() {
			return nil, false
		}
	}
	return out, true
}

// sameKey reports whether two neighbouring rows' coarse dimensions are
// equal; ok is false when they may be equal to the engine and not here
// (see the package comment above) or a value cannot be compared.
func sameKey(a, b []any) (same, ok bool) {
	same = true
	for i := range a {
		eq, ok := sameCell(a[i], b[i])
		if !ok {
			return false, false
		}
		same = same && eq
	}
	return same, true
}

// sameCell compares two dimension values of neighbouring groups.
func sameCell(a, b any) (eq, ok bool) {
	if a == nil || b == nil {
		return a == nil && b == nil, true
	}
	switch x := a.(type) {
	case string:
		y, isString := b.(string)
		if !isString {
			return false, true
		}
		if x == y {
			return true, true
		}
		if !plainText(x) || !plainText(y) || strings.EqualFold(strings.TrimRight(x, " "), strings.TrimRight(y, " ")) {
			return false, false
		}
		return false, true
	case int64, float64:
		if !exactNumber(a) || !exactNumber(b) {
			return false, false
		}
		return compareNumbers(a, b) == 0, true
	case bool:
		y, isBool := b.(bool)
		return isBool && x == y, true
	case time.Time:
		y, isTime := b.(time.Time)
		return isTime && x.Equal(y), true
	}
	return false, false
}

// plainText reports whether s is printable ASCII, which every collation
// we know of compares byte by byte but for case and trailing spaces.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// rolledMeasure adds up one measure over the finer groups of a coarse one.
type rolledMeasure struct {
	agg   string
	seen  bool    // a value that is not NULL
	float bool    // a float among the values: the result is a float
	n     int64   // the integers' sum (SUM, COUNT)
	s, c  float64 // the compensated sum of every value, as floats
	best  any     // MIN, MAX: the least or greatest number
}

// add adds v, a finer group's value of the measure aggregated by agg.
func (m *rolledMeasure) add(agg string, v any) bool {
	m.agg = agg
	if v == nil {
		return agg != query.Count // a count is never NULL
	}
	switch agg {
	case query.Min, query.Max:
		if !exactNumber(v) {
			return false
		}
		if m.best == nil {
			m.best = v
		} else if c := compareNumbers(v, m.best); agg == query.Min && c < 0 || agg == query.Max && c > 0 {
			m.best = v
		}
		return true
	}
	switch x := v.(type) {
	case int64:
		sum := m.n + x
		if x > 0 && sum < m.n || x < 0 && sum > m.n {
			return false // an overflow: the engine's own SUM fails
		}
		m.n = sum
		m.addFloat(float64(x))
	case float64:
		if agg == query.Count || math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
		m.float = true
		m.addFloat(x)
	default:
		return false
	}
	m.seen = true
	return true
}

// addFloat adds x to the compensated sum (Kahan–Babuška–Neumaier).
func (m *rolledMeasure) addFloat(x float64) {
	t := m.s + x
	if math.Abs(m.s) >= math.Abs(x) {
		m.c += (m.s - t) + x
	} else {
		m.c += (x - t) + m.s
	}
	m.s = t
}

// value is the coarse group's value of the measure.
func (m *rolledMeasure) value() (any, bool) {
	switch m.agg {
	case query.Count:
		return m.n, true
	case query.Min, query.Max:
		return m.best, true
	}
	switch {
	case !m.seen:
		return nil, true
	case m.float:
		v := m.s + m.c
		return v, !math.IsInf(v, 0) && !math.IsNaN(v)
	}
	return m.n, true
}
