package viewer

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// regionRows are the groups a fake engine answers, ordered by region: a
// tie on revenue (Asia Pacific and Latin America, integers) and a NULL
// quantity.
var regionRows = [][]any{
	{"Asia Pacific", int64(10), int64(3)},
	{"Europe", float64(30), nil},
	{"Latin America", int64(10), int64(1)},
	{"North America", float64(20.5), int64(2)},
}

// fakeRegions answers a question over regionRows as an engine would when
// the question has no sort (ordered by region), keeping q.Limit rows. It
// records the questions asked; a question with a sort is answered with
// no rows, so that a test sees when a visual asked alone.
type fakeRegions struct {
	rows  [][]any
	mu    sync.Mutex
	asked []*query.Question
}

func (f *fakeRegions) run(_ context.Context, _ string, q *query.Question) (*Result, error) {
	f.mu.Lock()
	f.asked = append(f.asked, q)
	f.mu.Unlock()
	res := &Result{Columns: []query.ResultColumn{{ID: dimensionID(q.Dimensions[0]), Role: query.RoleDimension}}}
	for _, m := range q.Measures {
		res.Columns = append(res.Columns, query.ResultColumn{ID: measureID(m), Role: query.RoleMeasure})
	}
	if len(q.Sort) > 0 {
		return res, nil
	}
	for i, r := range f.rows {
		if q.Limit > 0 && i == q.Limit {
			break
		}
		row := []any{r[0]}
		for _, m := range q.Measures {
			row = append(row, r[map[string]int{"revenue": 1, "quantity": 2}[m.Field]])
		}
		res.Rows = append(res.Rows, row)
	}
	return res, nil
}

// regionQuestions are three visuals of regions: by revenue, highest
// first (3 rows); by region (4 rows); by quantity, lowest first (2 rows).
func regionQuestions() (byRevenue, byRegion, byQuantity *query.Question) {
	dim := func(id string) []query.Dimension { return []query.Dimension{{ID: id, Field: "region"}} }
	revenue := func(id string) query.Measure { return query.Measure{ID: id, Field: "revenue", Aggregation: query.Sum} }
	quantity := func(id string) query.Measure { return query.Measure{ID: id, Field: "quantity", Aggregation: query.Sum} }
	byRevenue = &query.Question{Dimensions: dim("a-g"), Measures: []query.Measure{revenue("a-r")},
		Sort: []query.Sort{{ID: "a-r", Descending: true}}, Limit: 3}
	byRegion = &query.Question{Dimensions: dim("b-g"), Measures: []query.Measure{revenue("b-r"), quantity("b-q")}, Limit: 4}
	byQuantity = &query.Question{Dimensions: dim("c-g"), Measures: []query.Measure{quantity("c-q")},
		Sort: []query.Sort{{ID: "c-q"}}, Limit: 2}
	return
}

// answerAll asks qs through run at once, as a sheet's visuals do.
func answerAll(t *testing.T, run Runner, qs ...*query.Question) []*Result {
	t.Helper()
	out := make([]*Result, len(qs))
	errs := make([]error, len(qs))
	var wg sync.WaitGroup
	for i, q := range qs {
		wg.Go(func() { out[i], errs[i] = run(context.Background(), "arn", q) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func rowsOf(res *Result) string { return fmt.Sprint(res.Rows) }

// TestResortedAnswerRestoresEachOrder checks that visuals of one grouping
// ordered differently share one question with no sort, keeping one row
// more than the longest (to tell an answer cut short), and that each gets its own order: ties on a
// measure broken by region, a NULL first when ascending.
func TestResortedAnswerRestoresEachOrder(t *testing.T) {
	a, b, c := regionQuestions()
	sq := &sharedQuestions{}
	for _, q := range []*query.Question{a, b, c} {
		sq.add("arn", q)
	}
	sq.mergeOrders()
	if len(sq.groups) != 1 || !sq.groups[0].resorted || sq.groups[0].members != 3 {
		t.Fatalf("groups %+v, want one resorted group of 3", sq.groups)
	}
	f := &fakeRegions{rows: regionRows}
	got := answerAll(t, sq.runner(f.run), a, b, c)
	if len(f.asked) != 1 || f.asked[0].Sort != nil || f.asked[0].Limit != 5 || len(f.asked[0].Measures) != 4 {
		t.Fatalf("asked %+v, want one question with no sort, 4 measures, keeping 5 rows", f.asked)
	}
	want := []string{
		"[[Europe 30] [North America 20.5] [Asia Pacific 10]]",
		"[[Asia Pacific 10 3] [Europe 30 <nil>] [Latin America 10 1] [North America 20.5 2]]",
		"[[Europe <nil>] [Latin America 1]]",
	}
	for i, w := range want {
		if rowsOf(got[i]) != w {
			t.Errorf("visual %d: rows %s, want %s", i, rowsOf(got[i]), w)
		}
	}
	if got[0].Columns[0].ID != "a-g" || got[0].Columns[1].ID != "a-r" || got[2].Columns[1].ID != "c-q" {
		t.Errorf("columns %+v and %+v", got[0].Columns, got[2].Columns)
	}
}

// TestResortedAnswerCutShortAsksAlone gives the grouping one more group
// than any visual keeps: the visuals ordered by a measure cannot know
// their top rows from the shared answer and ask alone; the visual
// ordered by region is still cut from it.
func TestResortedAnswerCutShortAsksAlone(t *testing.T) {
	a, b, c := regionQuestions()
	sq := &sharedQuestions{}
	for _, q := range []*query.Question{a, b, c} {
		sq.add("arn", q)
	}
	sq.mergeOrders()
	f := &fakeRegions{rows: append(slices.Clone(regionRows), []any{"Oceania", float64(99), int64(0)})}
	got := answerAll(t, sq.runner(f.run), a, b, c)
	if len(f.asked) != 3 {
		t.Fatalf("%d questions asked, want the shared one and two alone", len(f.asked))
	}
	if len(got[0].Rows) != 0 || len(got[2].Rows) != 0 {
		t.Errorf("visuals ordered by a measure drew %v and %v from a cut answer", got[0].Rows, got[2].Rows)
	}
	if w := "[[Asia Pacific 10 3] [Europe 30 <nil>] [Latin America 10 1] [North America 20.5 2]]"; rowsOf(got[1]) != w {
		t.Errorf("rows %s, want %s", rowsOf(got[1]), w)
	}
}

// TestResortedAnswerComparesNumbersOnly gives a measure a text value: the
// visual ordered by it asks alone (text would need the engine's
// collation), the others are answered from the shared question.
func TestResortedAnswerComparesNumbersOnly(t *testing.T) {
	a, b, c := regionQuestions()
	sq := &sharedQuestions{}
	for _, q := range []*query.Question{a, b, c} {
		sq.add("arn", q)
	}
	sq.mergeOrders()
	rows := slices.Clone(regionRows)
	rows[3] = []any{"North America", "20.5", int64(2)}
	f := &fakeRegions{rows: rows}
	got := answerAll(t, sq.runner(f.run), a, b, c)
	if len(f.asked) != 2 || len(got[0].Rows) != 0 {
		t.Fatalf("%d questions asked, visual by revenue drew %v; want it asking alone", len(f.asked), got[0].Rows)
	}
	if w := "[[Europe <nil>] [Latin America 1]]"; rowsOf(got[2]) != w {
		t.Errorf("rows %s, want %s", rowsOf(got[2]), w)
	}
}

// TestMeasureOrder checks which orders a shared answer ordered by its
// dimensions can restore.
func TestMeasureOrder(t *testing.T) {
	dims := []query.Dimension{{ID: "g1", Field: "region"}, {ID: "g2", Field: "segment"}}
	ms := []query.Measure{{ID: "r", Field: "revenue", Aggregation: query.Sum}}
	for _, tc := range []struct {
		sort []query.Sort
		dims []query.Dimension
		want string
	}{
		{nil, dims, "[] true"},
		{[]query.Sort{{ID: "r", Descending: true}}, dims, "[{r true}] true"},
		{[]query.Sort{{ID: "r"}, {ID: "g1"}}, dims, "[{r false}] true"},
		{[]query.Sort{{ID: "g2"}}, dims, "[] false"},
		{[]query.Sort{{ID: "g1", Descending: true}}, dims, "[] false"},
		{[]query.Sort{{ID: "r"}, {ID: "g2"}}, dims, "[] false"},
		{[]query.Sort{{ID: "g1"}, {ID: "r"}}, dims, "[] false"},
		{[]query.Sort{{ID: "r"}}, nil, "[] false"},
		{[]query.Sort{{ID: "nope"}}, dims, "[] false"},
	} {
		keys, ok := measureOrder(&query.Question{Dimensions: tc.dims, Measures: ms, Sort: tc.sort})
		if len(keys) == 0 {
			keys = []measureKey{}
		}
		if got := fmt.Sprint(keys, " ", ok); got != tc.want {
			t.Errorf("sort %+v: %s, want %s", tc.sort, got, tc.want)
		}
	}
}

// TestResortedAnswerOtherDimensionOrder shares a visual of segments by
// region ordered by revenue with a table of regions by segment: the
// visual's rows come from the table's question, ordered by revenue alone
// (no two groups tie), whichever of the two comes first. With a tie, its order would need its dimensions
// compared, and it asks alone.
func TestResortedAnswerOtherDimensionOrder(t *testing.T) {
	revenue := func(id string) query.Measure { return query.Measure{ID: id, Field: "revenue", Aggregation: query.Sum} }
	table := &query.Question{Dimensions: []query.Dimension{{ID: "t-r", Field: "region"}, {ID: "t-s", Field: "segment"}},
		Measures: []query.Measure{revenue("t-v")}, Limit: 10}
	bars := &query.Question{Dimensions: []query.Dimension{{ID: "b-s", Field: "segment"}, {ID: "b-r", Field: "region"}},
		Measures: []query.Measure{revenue("b-v")}, Sort: []query.Sort{{ID: "b-v", Descending: true}}, Limit: 2}
	for _, tc := range []struct {
		name  string
		rows  [][]any
		asked int
		want  string
	}{
		{"distinct", [][]any{{"Asia", "Consumer", 5.0}, {"Asia", "Corporate", 7.0}, {"Europe", "Consumer", 6.0}}, 1,
			"[[Corporate Asia 7] [Consumer Europe 6]]"},
		{"tie", [][]any{{"Asia", "Consumer", 5.0}, {"Asia", "Corporate", 6.0}, {"Europe", "Consumer", 6.0}}, 2, "[]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, barsFirst := range []bool{false, true} {
				sq := &sharedQuestions{}
				if barsFirst {
					sq.add("arn", bars)
				}
				sq.add("arn", table)
				if !barsFirst {
					sq.add("arn", bars)
				}
				sq.mergeOrders()
				if len(sq.groups) != 1 || sq.groups[0].question.Dimensions[0].Field != "region" {
					t.Fatalf("groups %+v, want 1 by region and segment", sq.groups)
				}
				var mu sync.Mutex
				var asked []*query.Question
				run := sq.runner(func(_ context.Context, _ string, q *query.Question) (*Result, error) {
					mu.Lock()
					asked = append(asked, q)
					mu.Unlock()
					res := &Result{Columns: []query.ResultColumn{{ID: dimensionID(q.Dimensions[0]), Role: query.RoleDimension},
						{ID: dimensionID(q.Dimensions[1]), Role: query.RoleDimension}}}
					for _, m := range q.Measures {
						res.Columns = append(res.Columns, query.ResultColumn{ID: measureID(m), Role: query.RoleMeasure})
					}
					if q.Dimensions[0].Field != "region" || len(q.Sort) > 0 {
						return res, nil // asked alone: no rows
					}
					for _, r := range tc.rows {
						row := slices.Clone(r[:2])
						for range q.Measures {
							row = append(row, r[2])
						}
						res.Rows = append(res.Rows, row)
					}
					return res, nil
				})
				got := answerAll(t, run, table, bars)
				if len(asked) != tc.asked {
					t.Fatalf("%d questions asked, want %d", len(asked), tc.asked)
				}
				if rowsOf(got[0]) != rowsOf(&Result{Rows: tc.rows}) {
					t.Errorf("table rows %v", got[0].Rows)
				}
				if rowsOf(got[1]) != tc.want {
					t.Errorf("bars rows %s, want %s", rowsOf(got[1]), tc.want)
				}
				if got[1].Columns[0].ID != "b-s" || got[1].Columns[1].ID != "b-r" || got[1].Columns[2].ID != "b-v" {
					t.Errorf("bars columns %+v", got[1].Columns)
				}
			}
		})
	}
}

// TestResortedAnswerFloatTieAsksAlone gives two regions the same revenue
// as floats (maybe two decimals the engine tells apart): the visual
// ordered by revenue asks alone; the one ordered by quantity is still
// re-sorted.
func TestResortedAnswerFloatTieAsksAlone(t *testing.T) {
	a, b, c := regionQuestions()
	sq := &sharedQuestions{}
	for _, q := range []*query.Question{a, b, c} {
		sq.add("arn", q)
	}
	sq.mergeOrders()
	rows := slices.Clone(regionRows)
	rows[2] = []any{"Latin America", float64(10), int64(1)}
	f := &fakeRegions{rows: rows}
	got := answerAll(t, sq.runner(f.run), a, b, c)
	if len(f.asked) != 2 || len(got[0].Rows) != 0 {
		t.Fatalf("%d questions asked, visual by revenue drew %v; want it asking alone", len(f.asked), got[0].Rows)
	}
	if w := "[[Europe <nil>] [Latin America 1]]"; rowsOf(got[2]) != w {
		t.Errorf("rows %s, want %s", rowsOf(got[2]), w)
	}
}

// TestResortedAnswerReversed adds a visual ordered by region descending
// (2 rows): it joins the re-sorted group and reads the shared answer
// backwards; with one group more than the group keeps it asks alone (its
// first rows would be the missing ones), while the visual ordered by
// region is still cut from the shared answer.
func TestResortedAnswerReversed(t *testing.T) {
	a, b, _ := regionQuestions()
	latest := &query.Question{Dimensions: []query.Dimension{{ID: "d-g", Field: "region"}},
		Measures: []query.Measure{{ID: "d-r", Field: "revenue", Aggregation: query.Sum}},
		Sort:     []query.Sort{{ID: "d-g", Descending: true}}, Limit: 2}
	if !reversedOrder(latest) || reversedOrder(a) || reversedOrder(b) {
		t.Fatal("reversedOrder")
	}
	for _, c := range []struct {
		rows   [][]any
		asked  int
		latest string
	}{
		{regionRows, 1, "[[North America 20.5] [Latin America 10]]"},
		{append(slices.Clone(regionRows), []any{"Oceania", float64(99), int64(0)}), 3, "[]"},
	} {
		sq := &sharedQuestions{}
		for _, q := range []*query.Question{a, b, latest} {
			sq.add("arn", q)
		}
		sq.mergeOrders()
		if len(sq.groups) != 1 || !sq.groups[0].resorted || sq.groups[0].members != 3 {
			t.Fatalf("groups %+v, want one resorted group of 3", sq.groups)
		}
		f := &fakeRegions{rows: c.rows}
		got := answerAll(t, sq.runner(f.run), a, b, latest)
		if len(f.asked) != c.asked {
			t.Errorf("%d rows: %d questions asked, want %d", len(c.rows), len(f.asked), c.asked)
		}
		if rowsOf(got[2]) != c.latest || got[2].Columns[0].ID != "d-g" || got[2].Columns[1].ID != "d-r" {
			t.Errorf("%d rows: latest %s %+v, want %s", len(c.rows), rowsOf(got[2]), got[2].Columns, c.latest)
		}
		if w := "[[Asia Pacific 10 3] [Europe 30 <nil>] [Latin America 10 1] [North America 20.5 2]]"; rowsOf(got[1]) != w {
			t.Errorf("%d rows: by region %s, want %s", len(c.rows), rowsOf(got[1]), w)
		}
	}
}

// TestResortedGroupKeepsABound gives the visual ordered by region no
// limit: a re-sorted answer must be known whole, and one keeping every
// group could be cut by the engine's row bound unseen, so that visual is
// not merged; the two ordered by measures still are.
func TestResortedGroupKeepsABound(t *testing.T) {
	a, b, c := regionQuestions()
	b.Limit = 0
	sq := &sharedQuestions{}
	for _, q := range []*query.Question{a, b, c} {
		sq.add("arn", q)
	}
	sq.mergeOrders()
	for _, g := range sq.groups {
		if g.resorted && (g.keep == 0 || g.members != 2) {
			t.Errorf("resorted group keeping %d of %d members", g.keep, g.members)
		}
	}
	if len(sq.groups) != 2 {
		t.Errorf("%d groups, want the re-sorted pair and the visual by region alone", len(sq.groups))
	}
}
