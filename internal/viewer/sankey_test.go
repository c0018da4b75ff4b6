package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/definition"

	"github.com/sightglass/sightglass/internal/query"
)

const sankeyWells = `"Source": [{"CategoricalDimensionField": {"FieldId": "s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
 "Destination": [{"CategoricalDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"}}}]`

func TestSankey(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"SankeyDiagramVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"SankeyDiagramAggregatedFieldWells": {`+sankeyWells+`}}}}}`))
	if !ok || len(p.unsupported) > 0 {
		t.Fatal("no plan", p.unsupported)
	}
	wantEq(t, "dimensions", []string{p.category[0].id, p.category[1].id}, []string{"s", "d"})
	wantEq(t, "count of records", p.values[0].id, recordsID)
	wantEq(t, "heaviest first", p.sort, []query.Sort{{ID: recordsID, Descending: true}})

	res := &Result{
		Columns: []query.ResultColumn{{ID: "s", Type: "STRING"}, {ID: "d", Type: "STRING"}, {ID: recordsID, Role: query.RoleMeasure}},
		Rows:    [][]any{{"East", "Tech", int64(5)}, {"Tech", "East", int64(2)}, {"West", "Tech", nil}},
	}
	s := sankeyOption(p, res)["series"].([]obj)[0]
	// Each node carries the weight through it, for its tooltip and the
	// chart's accessible description.
	wantEq(t, "nodes", s["data"], []obj{{"name": "East", "value": 5.0}, {"name": "Tech\u200b", "value": 5.0}, {"name": "Tech", "value": 2.0}, {"name": "East\u200b", "value": 2.0}})
	wantEq(t, "links", s["links"], []obj{{"source": "East", "target": "Tech\u200b", "value": 5.0}, {"source": "Tech", "target": "East\u200b", "value": 2.0}})

	p, _ = planOf(visualOf(t, `{"SankeyDiagramVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"SankeyDiagramAggregatedFieldWells": {`+sankeyWells+`}},
	 "SortConfiguration": {"SourceItemsLimit": {"ItemsLimit": 3}, "WeightSort": [{"FieldSort": {"FieldId": "nope", "Direction": "ASC"}}]}}}}`))
	wantEq(t, "refused", p.unsupported, []string{"WeightSort by a field the diagram does not show"})
	// An unset OtherCategories is read as EXCLUDE, and the tile says so.
	wantEq(t, "unset as EXCLUDE", []any{p.sankeySrc, p.styleNotes}, []any{3, []string{"SourceItemsLimit without OtherCategories: the heaviest 3 are drawn and the rest left out, as with EXCLUDE."}})

	// The heaviest source and the two heaviest destinations, the rest left
	// out (EXCLUDE).
	p, _ = planOf(visualOf(t, `{"SankeyDiagramVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"SankeyDiagramAggregatedFieldWells": {`+sankeyWells+`}},
	 "SortConfiguration": {"SourceItemsLimit": {"ItemsLimit": 1, "OtherCategories": "EXCLUDE"}, "DestinationItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}}}}}`))
	wantEq(t, "limits", [3]any{p.sankeySrc, p.sankeyDst, p.unsupported}, [3]any{1, 2, []string(nil)})
	res = &Result{Columns: res.Columns, Rows: [][]any{{"a", "x", int64(5)}, {"a", "y", int64(1)}, {"a", "z", int64(2)}, {"b", "x", int64(4)}, {"b", "y", int64(3)}}}
	wantEq(t, "kept", sankeyLimits(p, res).Rows, [][]any{{"a", "x", int64(5)}, {"a", "y", int64(1)}})
}

// A Sankey side's items limit with OtherCategories INCLUDE is asked of
// the data (the side's nodes ranked by their weight alone, "Other" from
// the rest's rows), on one side or both. A weight that does not add up
// ranks its nodes by asking the data too (it summed the flows' averages),
// on one side or both, as does an aggregating calculated field.
func TestSankeyOther(t *testing.T) {
	sankey := func(values, sort string) *plan {
		p, _ := planOf(visualOf(t, `{"SankeyDiagramVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"SankeyDiagramAggregatedFieldWells": {`+sankeyWells+values+`}},
		 "SortConfiguration": {`+sort+`}}}}`))
		return p
	}
	p := sankey("", `"DestinationItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "destinations, other", [3]any{p.asked, p.sankeyDst, p.unsupported},
		[3]any{[]*askedLimit{{n: 2, other: true, dim: 1, rank: []query.Sort{{ID: recordsID, Descending: true}}}}, 0, []string(nil)})
	p = sankey("", `"SourceItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}, "DestinationItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "both", [2]any{p.asked, p.unsupported}, [2]any{[]*askedLimit{{n: 2, other: true, rank: []query.Sort{{ID: recordsID, Descending: true}}},
		{n: 2, other: true, dim: 1, rank: []query.Sort{{ID: recordsID, Descending: true}}}}, []string(nil)})
	avg := `, "Weight": [{"NumericalMeasureField": {"FieldId": "w", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}]`
	p = sankey(avg, `"SourceItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}`)
	wantEq(t, "average, exclude", [3]any{p.asked, p.sankeySrc, p.unsupported},
		[3]any{[]*askedLimit{{n: 2, rank: []query.Sort{{ID: "w", Descending: true}}}}, 0, []string(nil)})
	p = sankey(avg, `"SourceItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}, "DestinationItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}`)
	wantEq(t, "average, both", [3]any{p.asked, p.sankeySrc + p.sankeyDst, p.unsupported}, [3]any{[]*askedLimit{{n: 2, rank: []query.Sort{{ID: "w", Descending: true}}},
		{n: 2, dim: 1, rank: []query.Sort{{ID: "w", Descending: true}}}}, 0, []string(nil)})
	p = sankey(avg, `"SourceItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}, "DestinationItemsLimit": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "average, next to Other", [2]any{p.asked, p.unsupported}, [2]any{[]*askedLimit{{n: 3, other: true, dim: 1, rank: []query.Sort{{ID: "w", Descending: true}}},
		{n: 2, rank: []query.Sort{{ID: "w", Descending: true}}}}, []string(nil)})
	v := &View{def: &definition.Definition{CalculatedFields: []definition.CalculatedField{{DataSetIdentifier: "sales", Name: "keys", Expression: "distinct_count({city})"}}}}
	p = sankey(`, "Weight": [{"NumericalMeasureField": {"FieldId": "w", "Column": {"DataSetIdentifier": "sales", "ColumnName": "keys"}}}]`, `"SourceItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}`)
	wantEq(t, "aggregating calculated field", [3]any{v.otherRefusal(p), p.asked, p.sankeySrc}, [3]any{"", []*askedLimit{{n: 2, rank: []query.Sort{{ID: "w", Descending: true}}}}, 0})
}
