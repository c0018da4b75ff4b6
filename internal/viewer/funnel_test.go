package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

const funnelCategory = `"Category": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]`

func TestFunnel(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"FunnelChartVisual": {"VisualId": "f", "ChartConfiguration": {"FieldWells": {"FunnelChartAggregatedFieldWells": {`+funnelCategory+`}},
	 "SortConfiguration": {"CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}}}}}`))
	if !ok {
		t.Fatal("no plan")
	}
	wantEq(t, "count of records", p.values[0].id, recordsID)
	wantEq(t, "largest first", p.sort, []query.Sort{{ID: recordsID, Descending: true}})
	wantEq(t, "items limit", [2]int{p.limit, p.maxRows}, [2]int{2, 0})

	p, _ = planOf(visualOf(t, `{"FunnelChartVisual": {"VisualId": "f", "ChartConfiguration": {"FieldWells": {"FunnelChartAggregatedFieldWells": {`+funnelCategory+`,
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
	 "SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "c", "Direction": "ASC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}`))
	wantEq(t, "sort", p.sort, []query.Sort{{ID: "c"}})
	wantEq(t, "other, asked of the data", [2]any{p.asked, p.unsupported}, [2]any{[]*askedLimit{{n: 2, other: true}}, []string(nil)})

	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "v", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Consumer", 7.126}, {"Corporate", 3.0}},
	}
	s := funnelOption(p, res)["series"].([]obj)[0]
	wantEq(t, "stages", s["data"], []obj{{"name": "Consumer", "value": 7.13}, {"name": "Corporate", "value": 3.0}})
	wantEq(t, "order kept", s["sort"], "none")
}
