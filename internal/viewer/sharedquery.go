package viewer

import (
	"context"
	"reflect"
	"slices"
	"sync"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Shared questions: visuals of a sheet that group the same rows the same
// way (same dataset, dimensions, filters, calculated fields, parameters
// and clock) and order them alike, but show different measures or keep
// different numbers of rows, are answered by one question asking the
// union of their measures and the most rows any of them keeps; each
// visual's answer is cut from it (its columns, and its first rows up to
// its limit). Only measures whose value does not depend on the other
// measures of the question are shared: plain aggregations (sum, average,
// minimum, maximum, count, distinct count, median, percentile) of a
// dataset field, or the count of records a visual with no measure draws
// (its one calculated field, "1"). A box plot's statistics so share the
// scan of the visuals that group the same rows (on engines without an
// ordered-set percentile the shared question ranks its rows, as the box
// plot's own would; a question the compiler refuses falls back to each
// visual asking alone). Any other calculated field (which may hold a
// table calculation) can change how the engine computes the whole
// question, so a question with one is asked alone. Everything that decides which
// rows a visual shows — its filters (visual-scoped ones included),
// top/bottom filters and the order its limit cuts — must be equal, so
// visuals that differ there are never answered together.
//
// An insight's total computations join them (insightshare.go): each asks
// one question over every row, known before any answer, and the KPIs
// that total the same rows answer it; the insight's other computations
// ask alone.
//
// Visuals that group alike but order their groups differently are
// answered together too when each orders by its measures and then by its
// dimensions (sharedresort.go): the shared question keeps every group in
// the order of its dimensions, and each visual's order is restored in Go.
//
// A sheet is rendered for one reader through one Runner, so the rows the
// reader may see (row-level security) are the same for every visual
// answered together. The shared answer is cached under its own question;
// each visual's own question is still asked, and cached, alone when it is
// rendered without its neighbours.

// sharedMeasureLimit bounds the measures of one shared question (the
// query compiler accepts 200).
const sharedMeasureLimit = 100

// SetSharedQuestions turns the sharing of questions between the visuals
// of a sheet on (the default) or off, to compare the two.
func (v *View) SetSharedQuestions(on bool) { v.unshared = !on }

// sharedGroup is the one question asked for visuals that group alike.
type sharedGroup struct {
	arn      string
	question *query.Question // the first visual's, with the union of the measures
	members  int
	// resorted groups answer visuals of several orders: question keeps
	// every group in the order of its dimensions, up to keep groups
	// (question.Limit is keep+1, to tell a cut answer; never 0: a group
	// whose members keep every group is not re-sorted, see mergeOrders).
	resorted bool
	keep     int
	once     sync.Once
	res      *Result
	err      error
}

// sharedQuestions are the shared groups of one render.
type sharedQuestions struct {
	groups []*sharedGroup
}

// shareQuestions finds the visuals of s (only, if not nil) whose
// questions can be answered together.
func (v *View) shareQuestions(s *definition.SheetDefinition, only []string) *sharedQuestions {
	if v.unshared {
		return nil
	}
	sq := &sharedQuestions{}
	for i := range s.Visuals {
		vis := &s.Visuals[i]
		if only != nil && !slices.Contains(only, vis.VisualID) {
			continue
		}
		if vis.Kind == "InsightVisual" {
			for _, iq := range v.insightQuestions(vis, s.SheetId) {
				if shareableMeasures(iq.q) {
					sq.add(iq.arn, iq.q)
				}
			}
			continue
		}
		arn, q, ok := v.shareableQuestion(vis, s.SheetId)
		if !ok {
			continue
		}
		sq.add(arn, q)
	}
	sq.mergeOrders()
	sq.groups = slices.DeleteFunc(sq.groups, func(g *sharedGroup) bool { return g.members < 2 })
	if len(sq.groups) == 0 {
		return nil
	}
	return sq
}

// shareableQuestion is the question a visual will ask, if it may be
// shared. It mirrors computeTile's way to the question, leaving out the
// visuals whose question depends on a first answer (histograms) or on
// placement (maps); a question that turns out different when asked is
// simply asked alone (sharedQuestions.runner answers from a group only a
// question of the group's grouping, in an order its answer can give, with
// measures among the group's: anything else is asked as it is).
func (v *View) shareableQuestion(vis *definition.Visual, sheetID string) (arnOut string, qOut *query.Question, okOut bool) {
	defer func() {
		if recover() != nil { // a defect of the viewer's: the visual asks alone, its tile says what failed
			arnOut, qOut, okOut = "", nil, false
		}
	}()
	if vis.Kind == "InsightVisual" || !vis.Supported() {
		return "", nil, false
	}
	p, ok := planOf(vis)
	if !ok || len(p.unsupported) > 0 || p.geo != nil || p.hist != nil || len(p.asked) > 0 {
		return "", nil, false
	}
	arn, ok := v.def.DataSetARN(p.dataSet)
	if !ok {
		return "", nil, false
	}
	q, err := v.question(p, sheetID, vis.VisualID)
	if err != nil || !shareableMeasures(q) {
		return "", nil, false
	}
	return arn, withCellParts(q, p, p.cellMeans(q)), true
}

// shareableMeasures reports whether every measure of q is a plain
// aggregation of a dataset field (see the package comment above).
func shareableMeasures(q *query.Question) bool {
	if len(q.Measures) == 0 {
		return false
	}
	for _, m := range q.Measures {
		switch m.Aggregation {
		case query.Sum, query.Average, query.Min, query.Max, query.Count, query.DistinctCount, query.Median, query.Percentile:
		default:
			return false
		}
		if m.Field == recordsID && slices.Contains(q.CalculatedFields, recordsField) {
			continue
		}
		if slices.ContainsFunc(q.CalculatedFields, func(cf query.CalculatedField) bool { return cf.Name == m.Field }) {
			return false
		}
	}
	return true
}

// add puts q in the first group it can join, or in a new one.
func (sq *sharedQuestions) add(arn string, q *query.Question) {
	for _, g := range sq.groups {
		if g.arn != arn || !sameGrouping(g.question, q) {
			continue
		}
		union, ok := unionMeasures(g.question.Measures, q.Measures)
		if !ok || len(union) > sharedMeasureLimit {
			continue
		}
		g.question.Measures = union
		g.question.CalculatedFields = unionRecords(g.question.CalculatedFields, q.CalculatedFields)
		if g.question.Limit > 0 && (q.Limit == 0 || q.Limit > g.question.Limit) {
			g.question.Limit = q.Limit // the longest prefix any member keeps
		}
		g.members++
		return
	}
	first := *q
	first.Measures = slices.Clone(q.Measures)
	first.CalculatedFields = slices.Clone(q.CalculatedFields)
	sq.groups = append(sq.groups, &sharedGroup{arn: arn, question: &first, members: 1})
}

// sameGrouping reports whether a and b keep the same rows in the same
// order, up to their limits: they differ at most by their measures, the
// result ids of their dimensions, their limits, and sorts that order
// alike (orderOf).
func sameGrouping(a, b *query.Question) bool {
	oa, ok := orderOf(a)
	if !ok {
		return false
	}
	ob, ok := orderOf(b)
	if !ok || !slices.Equal(oa, ob) {
		return false
	}
	return sameGroups(a, b)
}

// sameGroups reports whether a and b group the same rows the same way:
// they differ at most by their measures (and the count of records among
// their calculated fields), the result ids of their dimensions, their
// sorts and their limits.
func sameGroups(a, b *query.Question) bool {
	x, y := *a, *b
	x.Measures, y.Measures = nil, nil
	x.Sort, y.Sort = nil, nil
	x.Limit, y.Limit = 0, 0
	x.Dimensions, y.Dimensions = groupingOf(a.Dimensions), groupingOf(b.Dimensions)
	x.CalculatedFields, y.CalculatedFields = withoutRecords(a.CalculatedFields), withoutRecords(b.CalculatedFields)
	return reflect.DeepEqual(x, y)
}

// recordsField is the calculated field a count of records sums.
var recordsField = query.CalculatedField{Name: recordsID, Expression: "1"}

// withoutRecords is cfs without the count of records (nil if nothing
// else is left, as a question with no calculated field has).
func withoutRecords(cfs []query.CalculatedField) []query.CalculatedField {
	if !slices.Contains(cfs, recordsField) {
		return cfs
	}
	out := slices.DeleteFunc(slices.Clone(cfs), func(cf query.CalculatedField) bool { return cf == recordsField })
	if len(out) == 0 {
		return nil
	}
	return out
}

// unionRecords is have with the count of records added if more has it.
// Questions that group alike differ at most by that field (sameGroups).
func unionRecords(have, more []query.CalculatedField) []query.CalculatedField {
	if slices.Contains(more, recordsField) && !slices.Contains(have, recordsField) {
		return append(slices.Clone(have), recordsField)
	}
	return have
}

// groupingOf is dims without their result ids.
func groupingOf(dims []query.Dimension) []query.Dimension {
	out := slices.Clone(dims)
	for i := range out {
		out[i].ID = ""
	}
	return out
}

// orderKey is one term of a question's ORDER BY, by what it orders: a
// dimension's position or a measure's definition (without its id).
type orderKey struct {
	dim        int // -1 for a measure
	measure    query.Measure
	descending bool
}

// orderOf is the full ORDER BY the compiler gives q: its sorts, then
// the dimensions not sorted on, ascending (all dimensions with no sort).
// Rows are unique on the dimensions, so the order is total and a limit
// keeps a prefix of it. ok is false when a sort names no column of q.
func orderOf(q *query.Question) ([]orderKey, bool) {
	var out []orderKey
	sorted := map[int]bool{}
	for _, s := range q.Sort {
		if i := slices.IndexFunc(q.Dimensions, func(d query.Dimension) bool { return dimensionID(d) == s.ID }); i >= 0 {
			out = append(out, orderKey{dim: i, descending: s.Descending})
			sorted[i] = true
			continue
		}
		i := slices.IndexFunc(q.Measures, func(m query.Measure) bool { return measureID(m) == s.ID })
		if i < 0 {
			return nil, false
		}
		m := q.Measures[i]
		m.ID = ""
		out = append(out, orderKey{dim: -1, measure: m, descending: s.Descending})
	}
	for i := range q.Dimensions {
		if !sorted[i] {
			out = append(out, orderKey{dim: i})
		}
	}
	return out, true
}

// dimensionID is a dimension's result column id.
func dimensionID(d query.Dimension) string {
	if d.ID != "" {
		return d.ID
	}
	return d.Field
}

// measureID is a measure's result column id.
func measureID(m query.Measure) string {
	if m.ID != "" {
		return m.ID
	}
	return m.Field
}

// unionMeasures adds to have the measures of more it lacks; ok is false
// when a measure of more has the id of a different measure of have.
func unionMeasures(have, more []query.Measure) ([]query.Measure, bool) {
	out := slices.Clone(have)
	for _, m := range more {
		i := slices.IndexFunc(out, func(h query.Measure) bool { return measureID(h) == measureID(m) })
		switch {
		case i < 0:
			out = append(out, m)
		case !reflect.DeepEqual(out[i], m):
			return nil, false
		}
	}
	return out, true
}

// runner answers through run, a question of a shared group from the
// group's one answer (asked once, by the first visual that needs it) and
// any other question alone. If the shared question fails, each visual
// asks its own, so that a failure stays with the visual it belongs to.
func (sq *sharedQuestions) runner(run Runner) Runner {
	if sq == nil {
		return run
	}
	return func(ctx context.Context, arn string, q *query.Question) (*Result, error) {
		g := sq.group(arn, q)
		if g == nil {
			return run(ctx, arn, q)
		}
		g.once.Do(func() { g.res, g.err = run(ctx, arn, g.question) })
		if g.err != nil {
			return run(ctx, arn, q)
		}
		if res, ok := g.answer(q); ok {
			return res, nil
		}
		return run(ctx, arn, q)
	}
}

// group is the shared group that answers q, if any: same dataset and
// grouping, and every measure of q among the group's.
func (sq *sharedQuestions) group(arn string, q *query.Question) *sharedGroup {
	if !shareableMeasures(q) {
		return nil
	}
	for _, g := range sq.groups {
		if g.arn != arn || !g.orders(q) {
			continue
		}
		if all := !slices.ContainsFunc(q.Measures, func(m query.Measure) bool {
			return !slices.ContainsFunc(g.question.Measures, func(h query.Measure) bool { return reflect.DeepEqual(h, m) })
		}); all {
			return g
		}
	}
	return nil
}

// cutAnswer is q's answer within a shared answer: the dimension columns
// (with q's ids) and q's measure columns, in q's order, and the first
// q.Limit rows (the shared question keeps the same order, and as many rows
// as its longest member).
func cutAnswer(shared *Result, q *query.Question) (*Result, bool) {
	return cutAnswerDims(shared, q, nil)
}

// cutAnswerDims is cutAnswer with q's dimensions at the columns dimCols
// of shared (nil: the first ones, in q's order).
func cutAnswerDims(shared *Result, q *query.Question, dimCols []int) (*Result, bool) {
	dims := len(q.Dimensions)
	if len(shared.Columns) < dims || (dimCols != nil && len(dimCols) != dims) {
		return nil, false
	}
	cols := make([]int, 0, dims+len(q.Measures))
	for i := range dims {
		if dimCols != nil {
			i = dimCols[i]
		}
		if i >= len(shared.Columns) || shared.Columns[i].Role != query.RoleDimension {
			return nil, false
		}
		cols = append(cols, i)
	}
	for _, m := range q.Measures {
		id := measureID(m)
		i := slices.IndexFunc(shared.Columns, func(c query.ResultColumn) bool { return c.Role == query.RoleMeasure && c.ID == id })
		if i < 0 {
			return nil, false
		}
		cols = append(cols, i)
	}
	out := &Result{Columns: make([]query.ResultColumn, len(cols)), Rows: make([][]any, len(shared.Rows))}
	for j, i := range cols {
		out.Columns[j] = shared.Columns[i]
		if j < dims {
			out.Columns[j].ID = dimensionID(q.Dimensions[j])
		}
	}
	rows := shared.Rows
	if q.Limit > 0 && len(rows) > q.Limit {
		rows = rows[:q.Limit]
	}
	out.Rows = out.Rows[:len(rows)]
	cells := make([]any, len(rows)*len(cols))
	for r, row := range rows {
		cut := cells[r*len(cols) : (r+1)*len(cols) : (r+1)*len(cols)]
		for j, i := range cols {
			cut[j] = row[i]
		}
		out.Rows[r] = cut
	}
	return out, true
}
