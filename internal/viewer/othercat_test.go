package viewer

import (
	"strconv"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// An items limit with OtherCategories INCLUDE keeps the first categories
// and sums the rest into "Other" (it was refused for bars and lines, and
// ignored for pies, which drew the first slices only).
func TestOtherCategoriesPlan(t *testing.T) {
	chart := func(js string) *plan {
		t.Helper()
		p, ok := planOf(visualOf(t, js))
		if !ok {
			t.Fatalf("no plan: %s", js)
		}
		return p
	}
	revSum := `"Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]`
	revAvg := `"Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}]`
	limit := `"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}}`
	for _, js := range []string{
		`{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {` + regionCat + `, ` + revSum + `}}, ` + limit + `}}}`,
		`{"PieChartVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PieChartAggregatedFieldWells": {` + regionCat + `, ` + revSum + `}}, ` + limit + `}}}`,
		`{"LineChartVisual": {"VisualId": "l", "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {` + regionCat + `, ` + revSum + `}},
			"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "CategoryItemsLimitConfiguration": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}}}}}`,
		`{"BarChartVisual": {"VisualId": "n", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {` + regionCat + `}}, "SortConfiguration": {"CategoryItemsLimit": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}}}}}`,
	} {
		p := chart(js)
		wantEq(t, js, [3]any{p.otherLimit, p.limit, p.unsupported}, [3]any{3, chartLimit + 1, []string(nil)})
	}
	// An average of the rest is not the sum of the averages: asked of the
	// data (otherask.go), over a category matched by value; over a date
	// category, refused by name.
	p := chart(`{"BarChartVisual": {"VisualId": "a", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {` + regionCat + `, ` + revAvg + `}}, ` + limit + `}}}`)
	wantEq(t, "average", [3]any{p.asked, p.otherLimit, p.unsupported}, [3]any{[]*askedLimit{{n: 3, other: true}}, 0, []string(nil)})
	p = chart(`{"BarChartVisual": {"VisualId": "d", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
		"Category": [{"DateDimensionField": {"FieldId": "day", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "DateGranularity": "MONTH"}}], ` + revAvg + `}}, ` + limit + `}}}`)
	wantEq(t, "average by month", p.unsupported, []string{`OtherCategories INCLUDE with the AVERAGE measure "Average of revenue" over a date field`})
	// Colors sorted by a sum: the categories are ranked by their totals
	// (rankedlimit.go); by an average, asked of the data.
	p = chart(`{"BarChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {` + regionCat + `, ` + revSum + `, ` + segColors + `}}, ` + limit + `}}}`)
	wantEq(t, "colors by measure", [3]any{p.otherLimit, p.rankCat != nil, p.unsupported}, [3]any{3, true, []string(nil)})
	p = chart(`{"BarChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {` + regionCat + `, ` + revAvg + `, ` + segColors + `}}, ` + limit + `}}}`)
	wantEq(t, "colors by average", [3]any{p.asked, p.rankCat, p.unsupported}, [3]any{[]*askedLimit{{n: 3, other: true}}, (*query.Sort)(nil), []string(nil)})
	// Without Other, ranked by an average over the colors: asked too.
	p = chart(`{"BarChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {` + regionCat + `, ` + revAvg + `, ` + segColors + `}},
		"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}}}}}`)
	wantEq(t, "colors by average, exclude", [3]any{p.asked, p.catLimit, p.unsupported}, [3]any{[]*askedLimit{{n: 2}}, 0, []string(nil)})
}

func TestFoldOther(t *testing.T) {
	res := &Result{Rows: [][]any{{"a", int64(9)}, {"b", int64(7)}, {"c", 2.5}, {"d", nil}, {"e", int64(1)}}}
	wantEq(t, "no colors", foldOther(res, 2, 0).Rows, [][]any{{"a", int64(9)}, {"b", int64(7)}, {"Other", 3.5}})
	res = &Result{Rows: [][]any{{"a", "x", int64(1)}, {"a", "y", int64(2)}, {"b", "x", int64(3)}, {"c", "y", int64(4)}, {"c", "x", int64(5)}, {"d", "y", int64(6)}}}
	wantEq(t, "per color", foldOther(res, 1, 1).Rows, [][]any{{"a", "x", int64(1)}, {"a", "y", int64(2)}, {"Other", "x", int64(8)}, {"Other", "y", int64(10)}})
	// Fewer categories than the limit: no "Other".
	wantEq(t, "under the limit", len(foldOther(res, 10, 1).Rows), 6)
}

// A measure over a calculated field that aggregates itself is asked of
// the data; one that holds a table calculation, itself or through the
// fields it refers to, is refused by name; row-level fields add up.
func TestOtherRefusal(t *testing.T) {
	v := &View{def: &definition.Definition{CalculatedFields: []definition.CalculatedField{
		{DataSetIdentifier: "sales", Name: "keys", Expression: "distinct_count({region})"},
		{DataSetIdentifier: "sales", Name: "share", Expression: "percentOfTotal(sum({revenue}))"},
		{DataSetIdentifier: "sales", Name: "double", Expression: "{revenue} * 2"},
		// Row-level fields over other row-level fields add up (a public
		// FOCUS dashboard's "Cost" picks a cost column by a parameter).
		{DataSetIdentifier: "sales", Name: "cost", Expression: "// by type\nifelse(${Type} = 'net', {double}, {revenue})"},
		// A field over a table calculation does not, nor one whose text
		// does not parse and names another calculated field.
		{DataSetIdentifier: "sales", Name: "over share", Expression: "{share} * 2"},
		{DataSetIdentifier: "sales", Name: "broken", Expression: "{double} +"},
	}}}
	for name, want := range map[string][2]any{"keys": {"", true},
		"share": {`OtherCategories INCLUDE with the calculated field "share"`, false}, "double": {"", false}, "revenue": {"", false},
		"cost": {"", false}, "over share": {`OtherCategories INCLUDE with the calculated field "over share"`, false},
		"broken": {`OtherCategories INCLUDE with the calculated field "broken"`, false}} {
		p, _ := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {`+regionCat+`,
			"Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "`+name+`"}}}]}},
			"SortConfiguration": {"CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}`))
		wantEq(t, name, [2]any{v.otherRefusal(p), p.asked != nil}, want)
	}
	// A category and a color limit over an aggregating calculated field:
	// both asked of the data.
	p, _ := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {`+regionCat+`, `+segColors+`,
		"Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "keys"}}}]}},
		"SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "m", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"},
		 "ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}}}}`))
	wantEq(t, "category and colors", [3]any{v.otherRefusal(p), p.asked, p.otherLimit + p.colorLimit}, [3]any{"", []*askedLimit{{n: 2, other: true},
		{n: 1, other: true, dim: 1, rank: []query.Sort{{ID: "m", Descending: true}}}}, 0})
	// An inline calculated measure holding a table calculation: refused.
	p, _ = planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {`+regionCat+`,
		"Values": [{"CalculatedMeasureField": {"FieldId": "m", "Expression": "runningSum(sum({revenue}), [{region} ASC])"}}]}},
		"SortConfiguration": {"CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}`))
	wantEq(t, "inline table calculation", v.otherRefusal(p), `an items limit with the calculated measure "m"`)
}

// BenchmarkFoldOther folds a chart's largest answer (500 rows: 50
// categories × 10 colors) into its first 10 categories and "Other", next
// to firstCategories, which keeps the same categories and drops the rest.
func BenchmarkFoldOther(b *testing.B) {
	res := &Result{}
	for c := range 50 {
		for s := range 10 {
			res.Rows = append(res.Rows, []any{"category " + strconv.Itoa(c), "color " + strconv.Itoa(s), int64(c*s + 1), float64(c) * 1.5})
		}
	}
	b.Run("foldOther", func(b *testing.B) {
		for b.Loop() {
			foldOther(res, 10, 1)
		}
	})
	b.Run("firstCategories", func(b *testing.B) {
		for b.Loop() {
			firstCategories(res, 10)
		}
	})
}
