package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

func TestWordCloud(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"WordCloudVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WordCloudAggregatedFieldWells": {
	 "GroupBy": [{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "product"}}}]}},
	 "SortConfiguration": {"CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}},
	 "WordCloudOptions": {"WordCasing": "LOWER_CASE", "MaximumStringLength": 4}}}}`))
	if !ok || len(p.unsupported) > 0 {
		t.Fatal("no plan", p.unsupported)
	}
	wantEq(t, "largest first", p.sort, []query.Sort{{ID: recordsID, Descending: true}})
	wantEq(t, "items limit", [2]int{p.limit, p.maxRows}, [2]int{2, 0})
	res := &Result{Columns: []query.ResultColumn{{ID: "g", Type: "STRING"}, {ID: recordsID, Role: query.RoleMeasure}},
		Rows: [][]any{{"Phone", int64(1200)}, {"Desk", int64(300)}}}
	wantEq(t, "words", wordCloud(p, res).Words, []Word{
		{Text: "phon…", Value: "1,200", Style: "font-size: 2.6rem"},
		{Text: "desk", Value: "300", Style: "font-size: 1.25rem"},
	})
	p, _ = planOf(visualOf(t, `{"WordCloudVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WordCloudAggregatedFieldWells": {
	 "GroupBy": [{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "product"}}}]}},
	 "SortConfiguration": {"CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}`))
	wantEq(t, "other refused", p.unsupported, []string{"CategoryItemsLimit with OtherCategories INCLUDE"})
}
