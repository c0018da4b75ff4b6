package viewer

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// fakeEngine answers questions over a few records the way an engine with
// a binary collation would (groups by exact value, ordered by the
// dimensions ascending, NULL first), and records what it was asked.
type fakeEngine struct {
	records []map[string]any
	mu      sync.Mutex
	asked   []*query.Question
}

func (e *fakeEngine) run(_ context.Context, _ string, q *query.Question) (*Result, error) {
	e.mu.Lock()
	e.asked = append(e.asked, q)
	e.mu.Unlock()
	res := &Result{}
	for _, d := range q.Dimensions {
		res.Columns = append(res.Columns, query.ResultColumn{ID: dimensionID(d), Role: query.RoleDimension})
	}
	for _, m := range q.Measures {
		res.Columns = append(res.Columns, query.ResultColumn{ID: measureID(m), Role: query.RoleMeasure})
	}
	groups := map[string][]map[string]any{}
	var keys []string
	for _, r := range e.records {
		k := ""
		for _, d := range q.Dimensions {
			k += fmt.Sprintf("%v\x00", r[d.Field])
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	if len(q.Dimensions) == 0 && len(keys) == 0 {
		keys = []string{""}
	}
	for _, k := range keys {
		rs := groups[k]
		var row []any
		for _, d := range q.Dimensions {
			row = append(row, rs[0][d.Field])
		}
		for _, m := range q.Measures {
			row = append(row, fakeAggregate(m.Aggregation, m.Field, rs))
		}
		res.Rows = append(res.Rows, row)
	}
	slices.SortFunc(res.Rows, func(a, b []any) int {
		for i := range q.Dimensions {
			if c := fakeCompare(a[i], b[i]); c != 0 {
				return c
			}
		}
		return 0
	})
	if q.Limit > 0 && len(res.Rows) > q.Limit {
		res.Rows = res.Rows[:q.Limit]
	}
	return res, nil
}

func fakeCompare(a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	if x, ok := a.(string); ok {
		return strings.Compare(x, b.(string))
	}
	return compareNumbers(a, b)
}

func fakeAggregate(agg, field string, rs []map[string]any) any {
	var out any
	var n, ints int64
	isFloat := false
	var f float64
	for _, r := range rs {
		v := r[field]
		if v == nil {
			continue
		}
		n++
		switch agg {
		case query.Min, query.Max:
			if c := compareNumbers(v, out); out == nil || agg == query.Min && c < 0 || agg == query.Max && c > 0 {
				out = v
			}
		case query.Sum, query.Average:
			if x, ok := v.(string); ok {
				return x // a decimal an engine reads as text
			}
			if x, ok := v.(float64); ok {
				isFloat = true
				f += x
			} else {
				f += float64(v.(int64))
				ints += v.(int64)
			}
		}
	}
	switch agg {
	case query.Count:
		return n
	case query.Sum:
		if n == 0 {
			return nil
		}
		if isFloat {
			return f
		}
		return ints
	case query.Average:
		if n == 0 {
			return nil
		}
		return f / float64(n)
	}
	return out
}

func salesRecords() []map[string]any {
	var out []map[string]any
	for i, region := range []string{"Europe", "Asia", "Europe", "Americas", "Asia", "Europe", "Americas"} {
		var revenue any = float64(i)*10.25 + 1
		if i == 3 {
			revenue = nil
		}
		out = append(out, map[string]any{
			"region": region, "segment": []string{"Consumer", "Corporate"}[i%2],
			"revenue": revenue, "quantity": int64(i + 1),
		})
	}
	return out
}

func groupBy(id string, fields ...string) []query.Dimension {
	var out []query.Dimension
	for _, f := range fields {
		out = append(out, query.Dimension{ID: id + "-" + f, Field: f})
	}
	return out
}

// answerEach answers qs through the shared runner of a sheet holding
// them, in order, and each alone through the engine.
func answerEach(t *testing.T, e *fakeEngine, qs ...*query.Question) (shared, alone []*Result, asked int) {
	t.Helper()
	sq := &sharedQuestions{}
	for _, q := range qs {
		sq.add("arn", q)
	}
	sq.mergeOrders()
	sq.mergeRollups()
	sq.groups = slices.DeleteFunc(sq.groups, func(g *sharedGroup) bool { return g.members < 2 && g.from == nil && !g.feeds })
	run := sq.runner(e.run)
	for _, q := range qs {
		res, err := run(context.Background(), "arn", q)
		if err != nil {
			t.Fatal(err)
		}
		shared = append(shared, res)
	}
	asked = len(e.asked)
	for _, q := range qs {
		res, _ := e.run(context.Background(), "arn", q)
		alone = append(alone, res)
	}
	return shared, alone, asked
}

// TestRolledUpAnswerEqualsItsOwn: revenue by region, the total quantity
// and a count of orders by region are added up from the answer by region
// and segment, and each equals the answer its own question gets.
func TestRolledUpAnswerEqualsItsOwn(t *testing.T) {
	e := &fakeEngine{records: salesRecords()}
	fine := &query.Question{Dimensions: groupBy("f", "region", "segment"), Measures: []query.Measure{{ID: "f-r", Field: "revenue", Aggregation: query.Sum}}, Limit: 500}
	byRegion := &query.Question{Dimensions: groupBy("r", "region"), Limit: 500, Measures: []query.Measure{
		{ID: "r-r", Field: "revenue", Aggregation: query.Sum}, {ID: "r-n", Field: "quantity", Aggregation: query.Count},
		{ID: "r-min", Field: "quantity", Aggregation: query.Min}, {ID: "r-max", Field: "revenue", Aggregation: query.Max},
	}}
	total := &query.Question{Measures: []query.Measure{{ID: "t-q", Field: "quantity", Aggregation: query.Sum}, {ID: "t-r", Field: "revenue", Aggregation: query.Sum}}}
	shared, alone, asked := answerEach(t, e, fine, byRegion, total)
	if asked != 1 {
		t.Errorf("asked %d questions, want 1", asked)
	}
	for i := range shared {
		if got, want := fmt.Sprint(shared[i].Rows), fmt.Sprint(alone[i].Rows); got != want {
			t.Errorf("question %d: rolled up %s, alone %s", i, got, want)
		}
	}
	if got := fmt.Sprint(shared[2].Rows); got != "[[28 190.5]]" {
		t.Errorf("total %s", got)
	}
}

// TestRollUpAsksAloneWhenUnsure: the coarse visual asks its own question
// when the finer answer is cut at its limit, when two neighbouring groups
// differ only in case or are not plain ASCII, or when a sum overflows.
func TestRollUpAsksAloneWhenUnsure(t *testing.T) {
	for name, tc := range map[string]struct {
		records func([]map[string]any)
		limit   int
	}{
		"cut":       {limit: 3},
		"case":      {records: func(rs []map[string]any) { rs[2]["region"] = "europe" }},
		"space":     {records: func(rs []map[string]any) { rs[2]["region"] = "Europe " }},
		"accent":    {records: func(rs []map[string]any) { rs[2]["region"] = "Éurope" }},
		"overflow":  {records: func(rs []map[string]any) { rs[0]["quantity"], rs[2]["quantity"] = int64(math.MaxInt64), int64(1) }},
		"text sums": {records: func(rs []map[string]any) { rs[0]["quantity"] = "12" }},
	} {
		t.Run(name, func(t *testing.T) {
			rs := salesRecords()
			rs[0]["segment"], rs[2]["segment"] = "Consumer", "Corporate" // Europe's rows in two segments
			if tc.records != nil {
				tc.records(rs)
			}
			e := &fakeEngine{records: rs}
			fine := &query.Question{Dimensions: groupBy("f", "region", "segment"), Measures: []query.Measure{{ID: "f-r", Field: "revenue", Aggregation: query.Sum}}, Limit: tc.limit}
			coarse := &query.Question{Dimensions: groupBy("r", "region"), Measures: []query.Measure{{ID: "r-q", Field: "quantity", Aggregation: query.Sum}}}
			_, _, asked := answerEach(t, e, fine, coarse)
			if asked != 2 {
				t.Errorf("asked %d questions, want 2 (the coarse one alone)", asked)
			}
		})
	}
}

// TestRollUpOnlyWhatAddsUp: an average, an order by a measure, a filter on
// an aggregated value or a top/bottom filter keeps a visual from being
// added up from a finer answer.
func TestRollUpOnlyWhatAddsUp(t *testing.T) {
	min := 10.0
	for name, coarse := range map[string]*query.Question{
		"average":  {Dimensions: groupBy("r", "region"), Measures: []query.Measure{{ID: "r-r", Field: "revenue", Aggregation: query.Average}}},
		"by value": {Dimensions: groupBy("r", "region"), Measures: []query.Measure{{ID: "r-r", Field: "revenue", Aggregation: query.Sum}}, Sort: []query.Sort{{ID: "r-r", Descending: true}}},
		"having": {Dimensions: groupBy("r", "region"), Measures: []query.Measure{{ID: "r-r", Field: "revenue", Aggregation: query.Sum}},
			Filters: []query.Filter{{Kind: query.NumericRangeFilter, Field: "revenue", Aggregation: query.Sum, Min: &min}}},
		"top": {Dimensions: groupBy("r", "region"), Measures: []query.Measure{{ID: "r-r", Field: "revenue", Aggregation: query.Sum}},
			Filters: []query.Filter{{Kind: query.TopBottomFilter, Field: "region", N: 2, By: query.Measure{Field: "revenue", Aggregation: query.Sum}}}},
	} {
		t.Run(name, func(t *testing.T) {
			fine := &query.Question{Dimensions: groupBy("f", "region", "segment"), Measures: []query.Measure{{ID: "f-r", Field: "revenue", Aggregation: query.Sum}},
				Filters: coarse.Filters}
			if rollable(coarse) && rollsUpTo(fine, coarse) {
				t.Errorf("%s: would be added up", name)
			}
		})
	}
}

// TestRolledUpTotalOverNoRows: a total added up from a finer answer with
// no rows is one row, as the engine's: a NULL sum and a count of 0.
func TestRolledUpTotalOverNoRows(t *testing.T) {
	fine := &query.Question{Dimensions: groupBy("f", "region"), Measures: []query.Measure{{ID: "f-r", Field: "revenue", Aggregation: query.Sum}}}
	total := &query.Question{Measures: []query.Measure{{ID: "t-r", Field: "revenue", Aggregation: query.Sum}, {ID: "t-n", Field: "quantity", Aggregation: query.Count}}}
	res, ok := rollUp(&Result{Columns: []query.ResultColumn{{ID: "f-region", Role: query.RoleDimension}, {ID: "f-r", Role: query.RoleMeasure},
		{ID: "t-r", Role: query.RoleMeasure}, {ID: "t-n", Role: query.RoleMeasure}}}, fine, total)
	if !ok || fmt.Sprint(res.Rows) != "[[<nil> 0]]" {
		t.Fatalf("%v %v", ok, res)
	}
	e := &fakeEngine{}
	alone, _ := e.run(context.Background(), "arn", total)
	if fmt.Sprint(alone.Rows) != fmt.Sprint(res.Rows) {
		t.Errorf("alone %v, rolled up %v", alone.Rows, res.Rows)
	}
}

// TestCompensatedSum: the rolled-up float sum keeps what plain addition
// loses.
func TestCompensatedSum(t *testing.T) {
	var m rolledMeasure
	for _, v := range []float64{1e16, 1, -1e16, 1} {
		m.add(query.Sum, v)
	}
	if v, _ := m.value(); cmp.Compare(v.(float64), 2) != 0 {
		t.Errorf("sum %v, want 2", v)
	}
}
