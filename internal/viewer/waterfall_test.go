package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

const waterfallCategories = `"Categories": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]`

func TestWaterfallPlan(t *testing.T) {
	p, ok := planOf(visualOf(t, `{"WaterfallVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {`+waterfallCategories+`}},
	 "WaterfallChartOptions": {"TotalBarLabel": "All"}}}}`))
	if !ok {
		t.Fatal("no plan")
	}
	wantEq(t, "count of records", p.values[0].id, recordsID)
	wantEq(t, "category order", p.sort, []query.Sort{{ID: "c"}})
	wantEq(t, "total label", p.totalLabel, "All")

	p, _ = planOf(visualOf(t, `{"WaterfallVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {`+waterfallCategories+`,
	 "Breakdowns": [{"CategoricalDimensionField": {"FieldId": "b", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}]}}}}}`))
	wantEq(t, "refused", p.unsupported, []string{"Breakdowns together with Categories"})

	// Breakdowns alone are the steps; their items limit applies.
	p, _ = planOf(visualOf(t, `{"WaterfallVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {
	 "Breakdowns": [{"CategoricalDimensionField": {"FieldId": "b", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}]}},
	 "SortConfiguration": {"BreakdownItemsLimit": {"ItemsLimit": 2}}}}}`))
	wantEq(t, "breakdown steps", [3]any{p.category[0].id, p.limit, len(p.unsupported)}, [3]any{"b", 2, 0})
}

func TestWaterfallOption(t *testing.T) {
	p, _ := planOf(visualOf(t, `{"WaterfallVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {`+waterfallCategories+`,
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}}}]}}}}}`))
	res := &Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "v", Role: query.RoleMeasure}},
		// Up 5, down 8 (crossing zero), down 2: the total is -5.
		Rows: [][]any{{"A", 5.0}, {"B", -8.0}, {"C", -2.0}},
	}
	opt := waterfallOption(p, res)
	wantEq(t, "categories", opt["xAxis"].(obj)["data"], []string{"A", "B", "C", "Total"})
	ss := opt["series"].([]obj)
	values := func(data []any) []any {
		var out []any
		for _, d := range data {
			if d == nil {
				out = append(out, nil)
			} else {
				out = append(out, d.(obj)["value"])
			}
		}
		return out
	}
	// A spans 0..5; B spans -3..5; C spans -5..-3; the total -5..0.
	wantEq(t, "base", ss[0]["data"], []any{0.0, 0.0, -3.0, 0.0})
	wantEq(t, "above zero", values(ss[1]["data"].([]any)), []any{5.0, 5.0, nil, nil})
	wantEq(t, "below zero", values(ss[2]["data"].([]any)), []any{nil, -3.0, -2.0, -5.0})
	wantEq(t, "B's label", ss[2]["data"].([]any)[1].(obj)["label"].(obj)["formatter"], "-8")
	wantEq(t, "total's tooltip", ss[2]["data"].([]any)[3].(obj)["tooltip"].(obj)["formatter"], "Total: -5")
}

// A waterfall with several Values and no categories draws each Value as a
// step, in order, then the total; with categories, several Values are
// refused by name (the first alone was drawn).
func TestWaterfallMeasureSteps(t *testing.T) {
	values := `"Values": [{"NumericalMeasureField": {"FieldId": "a", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}},
		{"NumericalMeasureField": {"FieldId": "b", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}}}]`
	p, ok := planOf(visualOf(t, `{"WaterfallVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {`+values+`}},
	 "WaterfallChartOptions": {"TotalBarLabel": "Net"}}}}`))
	if !ok {
		t.Fatal("no plan")
	}
	wantEq(t, "plan", []any{p.measureSteps, len(p.category), len(p.values), p.sort, p.unsupported}, []any{true, 0, 2, []query.Sort(nil), []string(nil)})
	res := &Result{Columns: []query.ResultColumn{{ID: "a", Role: query.RoleMeasure}, {ID: "b", Role: query.RoleMeasure}}, Rows: [][]any{{10.0, -4.0}}}
	opt := waterfallOption(p, res)
	wantEq(t, "steps", opt["xAxis"].(obj)["data"], []string{"Sum of revenue", "Sum of profit", "Net"})
	// The second step floats from 6 to 10 (down 4); the total is 6.
	ss := opt["series"].([]obj)
	wantEq(t, "bases", ss[0]["data"], []any{0.0, 6.0, 0.0})
	p, _ = planOf(visualOf(t, `{"WaterfallVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {`+waterfallCategories+`, `+values+`}}}}}`))
	wantEq(t, "several values with categories", p.unsupported, []string{"several Values with Categories or Breakdowns"})
}

// A step's tooltip is text: ECharts writes a string formatter as HTML.
func TestWaterfallTooltipEscaped(t *testing.T) {
	p, _ := planOf(visualOf(t, `{"WaterfallVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {`+waterfallCategories+`}}}}}`))
	res := &Result{Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: recordsID, Role: query.RoleMeasure}}, Rows: [][]any{{"<img src=x>", 5.0}}}
	item := waterfallOption(p, res)["series"].([]obj)[1]["data"].([]any)[0].(obj)
	wantEq(t, "tooltip", item["tooltip"], obj{"formatter": "&lt;img src=x&gt;: 5"})
}
