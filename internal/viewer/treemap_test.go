package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

const treeGroups = `"Groups": [{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "product"}}}]`

func TestTreeMapPlan(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"TreeMapVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TreeMapAggregatedFieldWells": {`+treeGroups+`}}}}}`))
	if !ok {
		t.Fatal("no plan")
	}
	wantEq(t, "count of records", p.values[0].id, recordsID)
	wantEq(t, "largest first", p.sort, []query.Sort{{ID: recordsID, Descending: true}})
	wantEq(t, "limit", [2]int{p.limit, p.maxRows}, [2]int{chartLimit + 1, chartLimit})

	p, _ = planOf(visualOf(t, `{"TreeMapVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TreeMapAggregatedFieldWells": {`+treeGroups+`,
	 "Sizes": [{"NumericalMeasureField": {"FieldId": "s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}],
	 "Colors": [{"NumericalMeasureField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}}}]}},
	 "SortConfiguration": {"TreeMapSort": [{"FieldSort": {"FieldId": "g", "Direction": "ASC"}}], "TreeMapGroupItemsLimitConfiguration": {"ItemsLimit": 3}}}}}`))
	wantEq(t, "sort", p.sort, []query.Sort{{ID: "g"}})
	wantEq(t, "items limit", [2]int{p.limit, p.maxRows}, [2]int{3, 0})
	wantEq(t, "color measure", p.lineValues[0].id, "c")

	p, _ = planOf(visualOf(t, `{"TreeMapVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TreeMapAggregatedFieldWells": {`+treeGroups+`}},
	 "SortConfiguration": {"TreeMapSort": [{"FieldSort": {"FieldId": "elsewhere", "Direction": "ASC"}}], "TreeMapGroupItemsLimitConfiguration": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}}}}}`))
	wantEq(t, "refused", p.unsupported, []string{"TreeMapSort by a field the tree map does not show", "TreeMapGroupItemsLimitConfiguration with OtherCategories INCLUDE"})
}

func TestTreeMapOption(t *testing.T) {
	p, _ := planOf(visualOf(t, `{"TreeMapVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TreeMapAggregatedFieldWells": {`+treeGroups+`,
	 "Sizes": [{"NumericalMeasureField": {"FieldId": "s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}],
	 "Colors": [{"NumericalMeasureField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}}}]}}}}}`))
	res := &Result{
		Columns: []query.ResultColumn{{ID: "g", Type: "STRING"}, {ID: "s", Role: query.RoleMeasure}, {ID: "c", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Chairs", 10.004, -2.0}, {"Desks", 4.0, 3.5}},
	}
	opt := treeMapOption(p, res)
	s := opt["series"].([]obj)[0]
	wantEq(t, "data", s["data"], []obj{{"name": "Chairs", "value": []any{10.0, -2.0}}, {"name": "Desks", "value": []any{4.0, 3.5}}})
	vm := opt["visualMap"].(obj)
	wantEq(t, "scale", [3]any{vm["min"], vm["max"], vm["dimension"]}, [3]any{-2.0, 3.5, 1})
}
