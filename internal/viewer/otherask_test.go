package viewer

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// An items limit asked of the data: the categories ranked alone, the
// chart's question over the kept ones, drawn in the ranking's order, and
// "Other" asked of the rest's rows, per color; a null category kept
// among the first is matched by the null option, as is the rest's null.
func TestAskedLimitQuestions(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {`+regionCat+`,
		"Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}], `+segColors+`}},
		"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}`))
	if !ok || p.asked == nil {
		t.Fatalf("not asked: %+v", p)
	}
	base := &query.Question{Dimensions: []query.Dimension{*p.category[0].dim, *p.colors[0].dim}, Measures: []query.Measure{*p.values[0].measure},
		Sort: p.sort, Limit: p.limit, Filters: []query.Filter{{Kind: query.CategoryFilter, Field: "segment", Match: query.NotEquals, Values: []any{"Home"}}}}
	asked, answers, run := fakeAsked(len(base.Filters))
	answers["rank"] = [][]any{{"West", 9.0}, {nil, 8.0}, {"East", 7.0}}                   // one more than kept
	answers[query.In] = [][]any{{nil, "A", 8.0}, {"West", "A", 10.0}, {"West", "B", 8.0}} // kept, in the chart's sort
	answers[query.NotIn] = [][]any{{"A", 6.5}, {"B", 7.5}}                                // the rest, per color
	res, err := askedRunner(p, run)(context.Background(), "arn", base)
	if err != nil {
		t.Fatal(err)
	}
	wantEq(t, "rows", res.Rows, [][]any{{"West", "A", 10.0}, {"West", "B", 8.0}, {nil, "A", 8.0}, {"Other", "A", 6.5}, {"Other", "B", 7.5}})
	if len(asked) != 3 {
		t.Fatalf("%d questions, want 3", len(asked))
	}
	rank, kept, rest := asked["rank"], asked[query.In], asked[query.NotIn]
	wantEq(t, "rank", [4]any{len(rank.Dimensions), rank.Limit, rank.Sort, len(rank.Filters)}, [4]any{1, 3, []query.Sort{{ID: "rev", Descending: true}}, 1})
	wantEq(t, "kept filter", kept.Filters[1], query.Filter{Kind: query.CategoryFilter, Field: "region", Match: query.In, Values: []any{"West"}, NullOption: query.AllValues})
	wantEq(t, "rest", [2]any{rest.Dimensions, rest.Filters[0]}, [2]any{[]query.Dimension{*p.colors[0].dim}, base.Filters[0]})
	wantEq(t, "rest filter", rest.Filters[1], query.Filter{Kind: query.CategoryFilter, Field: "region", Match: query.NotIn, Values: []any{"West"}})
	wantEq(t, "base untouched", len(base.Filters), 1)

	// No rest: no "Other" question. A kept answer reaching the row limit
	// is refused, never drawn cut.
	clear(asked)
	clear(answers)
	answers["rank"], answers[query.In] = [][]any{{"West", 9.0}}, [][]any{{"West", "A", 9.0}}
	res, err = askedRunner(p, run)(context.Background(), "arn", base)
	wantEq(t, "no rest", [3]any{err, len(asked), res.Rows}, [3]any{error(nil), 2, [][]any{{"West", "A", 9.0}}})
	full := make([][]any, p.limit)
	for i := range full {
		full[i] = []any{"West", i, 1.0}
	}
	answers["rank"], answers[query.In] = [][]any{{"West", 9.0}, {"East", 1.0}}, full
	q := *base
	p.asked[0].n = 1
	if _, err := askedRunner(p, run)(context.Background(), "arn", &q); err != errAskedCut {
		t.Errorf("cut answer: %v, want errAskedCut", err)
	}
}

func TestMatchValues(t *testing.T) {
	wantEq(t, "only null kept", matchValues("r", []any{nil}, true), query.Filter{Kind: query.CategoryFilter, Field: "r", Match: query.AnyValue, NullOption: query.NullsOnly})
	wantEq(t, "rest of only null", matchValues("r", []any{nil}, false), query.Filter{Kind: query.CategoryFilter, Field: "r", Match: query.AnyValue, NullOption: query.NonNullsOnly})
	wantEq(t, "rest with nulls", matchValues("r", []any{"a"}, false).NullOption, query.AllValues)
	wantEq(t, "kept without nulls", matchValues("r", []any{"a"}, true).NullOption, "")
}

// A top or bottom filter, or a filter on an aggregate, would change
// meaning under the asked limit's added filter: refused by name.
func TestAskedRefusal(t *testing.T) {
	wantEq(t, "plain", askedRefusal(&query.Question{Filters: []query.Filter{{Kind: query.CategoryFilter}}}), "")
	wantEq(t, "top", askedRefusal(&query.Question{Filters: []query.Filter{{Kind: query.TopBottomFilter}}}) != "", true)
	wantEq(t, "aggregated", askedRefusal(&query.Question{Filters: []query.Filter{{Kind: query.NumericRangeFilter, Aggregation: "SUM"}}}) != "", true)
}

// A ColorItemsLimit asked of the data: the colors ranked alone by their
// rank, the chart asked for the kept ones, and each category's "Other"
// color asked of the rest's rows, placed after its kept colors; a
// category with only "Other" comes in its sorted place.
func TestAskedColorLimit(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {`+regionCat+`,
		"Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "MAX"}}}], `+segColors+`}},
		"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "r", "Direction": "ASC"}}], "ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}}}}`))
	if !ok || len(p.asked) != 1 || p.asked[0].dim != 1 {
		t.Fatalf("not asked by color: %+v %v", p.asked, p.unsupported)
	}
	base := &query.Question{Dimensions: []query.Dimension{*p.category[0].dim, *p.colors[0].dim}, Measures: []query.Measure{*p.values[0].measure}, Sort: p.sort, Limit: p.limit}
	asked, answers, run := fakeAsked(0)
	answers["rank"] = [][]any{{"Home", 9.0}, {"Corp", 5.0}}             // colors ranked
	answers[query.In] = [][]any{{"a", "Home", 9.0}, {"c", "Home", 4.0}} // kept, by region
	answers[query.NotIn] = [][]any{{"a", 5.0}, {"b", 3.0}, {"c", 2.0}}  // the rest, by region
	res, err := askedRunner(p, run)(context.Background(), "arn", base)
	if err != nil {
		t.Fatal(err)
	}
	wantEq(t, "rows", res.Rows, [][]any{{"a", "Home", 9.0}, {"a", "Other", 5.0}, {"b", "Other", 3.0}, {"c", "Home", 4.0}, {"c", "Other", 2.0}})
	wantEq(t, "rank", [3]any{asked["rank"].Dimensions, asked["rank"].Sort, asked["rank"].Limit}, [3]any{[]query.Dimension{*p.colors[0].dim}, []query.Sort{{ID: "rev", Descending: true}}, 2})
	wantEq(t, "rest", [3]any{asked[query.NotIn].Dimensions, asked[query.NotIn].Sort, asked[query.NotIn].Filters[0].Match}, [3]any{[]query.Dimension{*p.category[0].dim}, []query.Sort{{ID: "r"}}, query.NotIn})
}

// fakeAsked answers an asked limit's questions by kind: "rank" (no filter
// past the chart's own n), query.In (the kept ones) or query.NotIn (the
// rest), and keeps each question asked.
func fakeAsked(n int) (map[string]*query.Question, map[string][][]any, Runner) {
	var mu sync.Mutex
	asked, answers := map[string]*query.Question{}, map[string][][]any{}
	return asked, answers, func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		kind := "rank"
		if len(q.Filters) > n {
			kind = q.Filters[len(q.Filters)-1].Match
			if kind == query.AnyValue {
				kind = query.In
			}
		}
		mu.Lock()
		defer mu.Unlock()
		asked[kind] = q
		return &Result{Rows: answers[kind]}, nil
	}
}

// A matrix limited on both axes with "Other": each axis ranked alone over
// all the rows, then the kept cells, each axis's "Other" against the
// other's kept values, and the "Other" × "Other" cell from the rows of
// both rests, each asked of the data, in the rows' rank (each row's
// "Other" after its kept columns, the "Other" row last); an axis without
// a rest asks no "Other".
func TestAskedMatrix(t *testing.T) {
	p, _ := planOf(visualOf(t, `{"HeatMapVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {`+heatRegionSegment+`,
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}]}},
	 "SortConfiguration": {"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}, "HeatMapColumnItemsLimitConfiguration": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}}}}`))
	base := &query.Question{Dimensions: []query.Dimension{*p.category[0].dim, *p.colors[0].dim}, Measures: []query.Measure{*p.values[0].measure}, Sort: p.sort, Limit: p.limit}
	var mu sync.Mutex
	asked := map[string]*query.Question{}
	answers := map[string][][]any{
		"rank r":        {{"East", 1.0}, {"North", 2.0}, {"West", 3.0}},
		"rank g":        {{"Corp", 4.0}, {"Home", 5.0}},
		"in in":         {{"East", "Corp", 1.0}, {"North", "Corp", 2.0}},
		"not_in in":     {{"Corp", 3.0}},
		"in not_in":     {{"East", 4.5}, {"North", 5.5}},
		"not_in not_in": {{6.5}},
	}
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		var key string
		if len(q.Filters) == 2 {
			key = strings.ToLower(q.Filters[0].Match + " " + q.Filters[1].Match)
		} else {
			key = "rank " + dimensionID(q.Dimensions[0])
		}
		mu.Lock()
		defer mu.Unlock()
		asked[key] = q
		return &Result{Rows: answers[key]}, nil
	}
	res, err := askedRunner(p, run)(context.Background(), "arn", base)
	if err != nil {
		t.Fatal(err)
	}
	wantEq(t, "rows", res.Rows, [][]any{{"East", "Corp", 1.0}, {"East", "Other", 4.5}, {"North", "Corp", 2.0}, {"North", "Other", 5.5}, {"Other", "Corp", 3.0}, {"Other", "Other", 6.5}})
	wantEq(t, "questions", len(asked), 6)
	wantEq(t, "rank rows", [2]any{asked["rank r"].Sort, asked["rank r"].Limit}, [2]any{[]query.Sort{{ID: "r"}}, 3})
	wantEq(t, "rank columns", [2]any{asked["rank g"].Sort, asked["rank g"].Limit}, [2]any{[]query.Sort{{ID: "g"}}, 2})
	wantEq(t, "rows' Other", [2]any{asked["not_in in"].Dimensions, asked["not_in in"].Filters},
		[2]any{[]query.Dimension{*p.colors[0].dim}, []query.Filter{matchValues("region", []any{"East", "North"}, false), matchValues("segment", []any{"Corp"}, true)}})
	wantEq(t, "Other × Other", [2]any{len(asked["not_in not_in"].Dimensions), asked["not_in not_in"].Sort}, [2]any{0, []query.Sort(nil)})
	opt := heatMapOption(p, &Result{Columns: []query.ResultColumn{{ID: "r"}, {ID: "g"}, {ID: "v", Role: query.RoleMeasure}}, Rows: res.Rows})
	wantEq(t, "axes", [2]any{opt["yAxis"].(obj)["data"], opt["xAxis"].(obj)["data"]}, [2]any{[]string{"East", "North", "Other"}, []string{"Corp", "Other"}})

	// Two rows only: no rows' "Other", so only the columns' is asked.
	clear(asked)
	answers["rank r"] = [][]any{{"East", 1.0}, {"North", 2.0}}
	res, err = askedRunner(p, run)(context.Background(), "arn", base)
	if err != nil {
		t.Fatal(err)
	}
	wantEq(t, "no rows' rest", [2]any{len(asked), res.Rows}, [2]any{4, [][]any{{"East", "Corp", 1.0}, {"East", "Other", 4.5}, {"North", "Corp", 2.0}, {"North", "Other", 5.5}}})
}
