package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

const revSumValues = `"Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]`

func rankedBar(t testing.TB, sort string) *plan {
	t.Helper()
	p, ok := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {`+
		regionCat+`, `+revSumValues+`, `+segColors+`}}, "SortConfiguration": {`+sort+`}}}}`))
	if !ok {
		t.Fatal("no plan")
	}
	return p
}

var rankedRes = &Result{
	Columns: []query.ResultColumn{{ID: "r"}, {ID: "c"}, {ID: "rev", Role: query.RoleMeasure}},
	// totals by region: a 5, b 9, c 7, d 1; by segment: x 8, y 14
	Rows: [][]any{{"a", "x", int64(1)}, {"a", "y", int64(4)}, {"b", "x", int64(3)}, {"b", "y", int64(6)}, {"c", "x", int64(3)}, {"c", "y", int64(4)}, {"d", "x", int64(1)}},
}

// CategoryItemsLimit on a chart with a Colors field sorted by a sum ranks
// the categories by their totals over every color; the first N keep all
// their colors, the rest form "Other" per color (it was refused).
func TestRankedCategoryLimit(t *testing.T) {
	p := rankedBar(t, `"CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "plan", [3]any{p.otherLimit, p.rankCat, p.unsupported}, [3]any{2, &query.Sort{ID: "rev", Descending: true}, []string(nil)})
	res, ok := rankCategories(rankedRes, p)
	if !ok {
		t.Fatal("not ranked")
	}
	wantEq(t, "other", foldOther(res, p.otherLimit, 1).Rows, [][]any{{"b", "x", int64(3)}, {"b", "y", int64(6)}, {"c", "x", int64(3)}, {"c", "y", int64(4)},
		{"Other", "x", int64(2)}, {"Other", "y", int64(4)}})
	p = rankedBar(t, `"CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "ASC"}}], "CategoryItemsLimit": {"ItemsLimit": 2}`)
	res, _ = rankCategories(rankedRes, p)
	wantEq(t, "ascending, excluded", firstCategories(res, p.catLimit).Rows, [][]any{{"d", "x", int64(1)}, {"a", "x", int64(1)}, {"a", "y", int64(4)}})
}

// ColorItemsLimit keeps the first colors (by the first measure over the
// whole chart, descending, or by ColorSort) and drops the rest (EXCLUDE)
// or gathers them into "Other" in each category (INCLUDE); it was ignored.
func TestColorItemsLimit(t *testing.T) {
	p := rankedBar(t, `"ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "EXCLUDE"}`)
	wantEq(t, "plan", [4]any{p.colorLimit, p.colorOther, p.colorRank, p.limit}, [4]any{1, false, query.Sort{ID: "rev", Descending: true}, chartLimit + 1})
	res, _ := limitColors(rankedRes, p)
	wantEq(t, "top color", res.Rows, [][]any{{"a", "y", int64(4)}, {"b", "y", int64(6)}, {"c", "y", int64(4)}})

	p = rankedBar(t, `"ColorSort": [{"FieldSort": {"FieldId": "c", "Direction": "ASC"}}], "ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}`)
	res, _ = limitColors(rankedRes, p)
	wantEq(t, "by the color, other", res.Rows, [][]any{{"a", "x", int64(1)}, {"a", "Other", int64(4)}, {"b", "x", int64(3)}, {"b", "Other", int64(6)},
		{"c", "x", int64(3)}, {"c", "Other", int64(4)}, {"d", "x", int64(1)}})

	// No ItemsLimit: no documented default, every color is drawn.
	p = rankedBar(t, `"ColorItemsLimit": {"OtherCategories": "INCLUDE"}`)
	wantEq(t, "no limit", [4]any{p.colorLimit, p.allColors, p.limit, p.unsupported}, [4]any{0, true, chartLimit + 1, []string(nil)})
	// An average over a whole color is not the sum of its rows: the colors
	// are ranked, and "Other" computed, by asking the data (otherask.go);
	// so is a category limit next to it.
	avgBar := func(sort string) *plan {
		p, _ := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {`+regionCat+`,
		"Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}], `+
			segColors+`}}, "SortConfiguration": {`+sort+`}}}}`))
		return p
	}
	p = avgBar(`"ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "average", [3]any{p.asked, p.colorLimit, p.unsupported},
		[3]any{[]*askedLimit{{n: 1, other: true, dim: 1, rank: []query.Sort{{ID: "rev", Descending: true}}}}, 0, []string(nil)})
	p = avgBar(`"CategorySort": [{"FieldSort": {"FieldId": "r", "Direction": "ASC"}}], "CategoryItemsLimit": {"ItemsLimit": 2}, "ColorItemsLimit": {"ItemsLimit": 1}`)
	wantEq(t, "with a category limit", [3]any{p.asked, p.catLimit, p.unsupported}, [3]any{[]*askedLimit{{n: 2},
		{n: 1, dim: 1, rank: []query.Sort{{ID: "rev", Descending: true}}}}, 0, []string(nil)})
	p = avgBar(`"CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}, "ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "Other on both", [2]any{p.asked, p.unsupported}, [2]any{[]*askedLimit{{n: 2, other: true},
		{n: 1, other: true, dim: 1, rank: []query.Sort{{ID: "rev", Descending: true}}}}, []string(nil)})
}
