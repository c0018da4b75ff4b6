package viewer

import (
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// What real, public definitions (e2e/testdata/realdefs) showed the viewer
// drawing wrong or not at all; each case failed before its fix.

const (
	regionCat = `"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}]`
	dateCat   = `"Category": [{"DateDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}}}]`
	segColors = `"Colors": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]`
)

// A chart with dimensions and no measure counts records (it was "no
// fields yet"); one with no field at all stays empty.
func TestChartCountsRecords(t *testing.T) {
	for _, js := range []string{
		`{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {` + dateCat + `, "Values": [], ` + segColors + `}}}}}`,
		`{"LineChartVisual": {"VisualId": "l", "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {` + dateCat + `}}}}}`,
		`{"PieChartVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PieChartAggregatedFieldWells": {` + regionCat + `}}}}}`,
		`{"ComboChartVisual": {"VisualId": "c", "ChartConfiguration": {"FieldWells": {"ComboChartAggregatedFieldWells": {` + dateCat + `, "BarValues": [], "LineValues": [], ` + segColors + `}}}}}`,
	} {
		p, ok := planOf(visualOf(t, js))
		if !ok || len(p.values) != 1 || p.values[0].id != recordsID {
			t.Errorf("%s: plan %v, values %+v; want a count of records", js, ok, p.values)
		}
	}
	if _, ok := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {}}}}}`)); ok {
		t.Error("a bar chart without fields has a plan")
	}
}

// CategoryItemsLimit with a Colors field keeps the first categories, every
// color of each (it was ignored); sorted by a measure it ranks them
// (rankedlimit_test.go); with
// an "Other" category it is folded (othercat_test.go).
func TestCategoryLimitWithColors(t *testing.T) {
	bar := func(sort string) *plan {
		p, _ := planOf(visualOf(t, `{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {`+dateCat+`, `+segColors+`}},
			"SortConfiguration": {`+sort+`}}}}`))
		return p
	}
	p := bar(`"CategorySort": [{"FieldSort": {"FieldId": "d", "Direction": "ASC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}`)
	wantEq(t, "limit", [3]any{p.catLimit, p.limit, p.unsupported}, [3]any{2, chartLimit, []string(nil)})
	res := firstCategories(&Result{Rows: [][]any{{"a", "x", 1}, {"a", "y", 2}, {"b", "x", 3}, {"c", "x", 4}}}, 2)
	wantEq(t, "first two categories", res.Rows, [][]any{{"a", "x", 1}, {"a", "y", 2}, {"b", "x", 3}})
	p = bar(`"CategorySort": [{"FieldSort": {"FieldId": "__records", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "EXCLUDE"}`)
	wantEq(t, "by a measure", [4]any{p.catLimit, p.rankCat, p.limit, p.unsupported}, [4]any{2, &query.Sort{ID: recordsID, Descending: true}, chartLimit + 1, []string(nil)})
	p = bar(`"CategorySort": [{"FieldSort": {"FieldId": "d", "Direction": "ASC"}}], "CategoryItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "other", [2]any{p.otherLimit, p.unsupported}, [2]any{2, []string(nil)})
}

// A KPI with a trend group shows its latest period (it showed the total
// over every period); a trend sorted ascending is refused.
func TestKPITrendGroup(t *testing.T) {
	kpiSorted := func(sorts string) string {
		return `{"KPIVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {
			"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}],
			"TrendGroups": [{"DateDimensionField": {"FieldId": "y", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "DateGranularity": "YEAR"}}]},
			"SortConfiguration": {"TrendGroupSort": [` + sorts + `]}}}}`
	}
	kpiJS := func(dir string) string {
		return kpiSorted(`{"FieldSort": {"FieldId": "y", "Direction": "` + dir + `"}}`)
	}
	p, ok := planOf(visualOf(t, kpiJS("DESC")))
	if !ok {
		t.Fatal("no plan")
	}
	wantEq(t, "question", [3]any{len(p.category), p.sort, p.limit}, [3]any{1, []query.Sort{{ID: "y", Descending: true}}, 2})
	k := kpi(p, &Result{Rows: [][]any{{"2026", 5.0}, {"2025", 100.0}}})
	wantEq(t, "latest period", k.Value, "5")
	p, _ = planOf(visualOf(t, kpiJS("ASC")))
	wantEq(t, "ascending", p.unsupported, []string{"TrendGroupSort other than the trend field descending"})
	// The trend's column descending is the same order; a later sort cannot
	// reorder one row a period.
	column := `{"ColumnSort": {"SortBy": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "Direction": "DESC"}}`
	p, _ = planOf(visualOf(t, kpiSorted(column+`, {"FieldSort": {"FieldId": "v", "Direction": "ASC"}}`)))
	wantEq(t, "by the column", [3]any{p.sort, p.limit, p.unsupported}, [3]any{[]query.Sort{{ID: "y", Descending: true}}, 2, []string(nil)})
	for name, sorts := range map[string]string{
		"by a measure":            `{"FieldSort": {"FieldId": "v", "Direction": "DESC"}}`,
		"by an aggregated column": `{"ColumnSort": {"SortBy": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "Direction": "DESC", "AggregationFunction": {"DateAggregationFunction": "MAX"}}}`,
		"by another column":       `{"ColumnSort": {"SortBy": {"DataSetIdentifier": "sales", "ColumnName": "ship_date"}, "Direction": "DESC"}}`,
		"then ascending":          `{"FieldSort": {"FieldId": "y", "Direction": "ASC"}}, ` + column,
	} {
		p, _ = planOf(visualOf(t, kpiSorted(sorts)))
		wantEq(t, name, p.unsupported, []string{"TrendGroupSort other than the trend field descending"})
	}
}

// An aggregated calculated field in a measure well without an
// AggregationFunction is used as is (the query compiler decides, from the
// DefaultAggregation mark) and labelled by its name, also through another
// calculated field; a plain one keeps "Sum of …".
func TestAggregatedCalculatedFieldAsIs(t *testing.T) {
	def := &definition.Definition{CalculatedFields: []definition.CalculatedField{
		{DataSetIdentifier: "sales", Name: "orders", Expression: "count({order_id})"},
		{DataSetIdentifier: "sales", Name: "per_order", Expression: "{revenue_total} / {orders}"},
		{DataSetIdentifier: "sales", Name: "revenue_total", Expression: "sum(revenue)"},
		{DataSetIdentifier: "sales", Name: "margin", Expression: "{revenue} - {cost}"},
		{DataSetIdentifier: "sales", Name: "flagged", Expression: "distinct_countIf(order_id, revenue > 10)"},
	}}
	v := New(def, nil, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	for field, asIs := range map[string]bool{"orders": true, "per_order": true, "flagged": true, "margin": false} {
		p, ok := planOf(visualOf(t, `{"KPIVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"Values": [
			{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "`+field+`"}}}]}}}}`))
		if !ok {
			t.Fatal("no plan")
		}
		if !p.values[0].measure.DefaultAggregation {
			t.Errorf("%s: not marked as the well's default aggregation", field)
		}
		v.labelAggregatedFields(p)
		if got := p.values[0].label == field; got != asIs {
			t.Errorf("%s: label %q, as-is %v", field, p.values[0].label, asIs)
		}
	}
	p, _ := planOf(visualOf(t, `{"KPIVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"Values": [
		{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "orders"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}`))
	v.labelAggregatedFields(p)
	wantEq(t, "an explicit aggregation stays", [2]any{p.values[0].measure.Aggregation, p.values[0].measure.DefaultAggregation}, [2]any{query.Sum, false})
}

// An insight without computations or narrative is empty, as QuickSight
// draws it (it was "not yet supported"); with computations it still says
// which.
func TestEmptyInsight(t *testing.T) {
	for raw, want := range map[string]bool{
		`{"VisualId": "i", "InsightConfiguration": {"Computations": []}, "DataSetIdentifier": "sales"}`:                                             true,
		`{"VisualId": "i", "DataSetIdentifier": "sales"}`:                                                                                           true,
		`{"VisualId": "i", "InsightConfiguration": {"Computations": [{"TotalAggregation": {"ComputationId": "c"}}]}, "DataSetIdentifier": "sales"}`: false,
		`{"VisualId": "i", "InsightConfiguration": {"CustomNarrative": {"Narrative": "Hello"}}, "DataSetIdentifier": "sales"}`:                      false,
	} {
		if got := insightEmpty([]byte(raw)); got != want {
			t.Errorf("%s: empty %v, want %v", raw, got, want)
		}
	}
}
