package viewer

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// A definition with two sheets, filter groups of every scope, parameters,
// a calculated field, a visual of every rendered kind and one that is not.
const testDefinition = `{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "CalculatedFields": [{"DataSetIdentifier": "sales", "Name": "Margin", "Expression": "{profit} / {revenue}"}],
 "ParameterDeclarations": [
  {"StringParameterDeclaration": {"Name": "Region", "ParameterValueType": "MULTI_VALUED", "DefaultValues": {"StaticValues": ["East", "West"]}}},
  {"IntegerParameterDeclaration": {"Name": "TopN", "ParameterValueType": "SINGLE_VALUED", "DefaultValues": {"StaticValues": [3]}}},
  {"DateTimeParameterDeclaration": {"Name": "Since", "DefaultValues": {"StaticValues": [1767225600]}}}
 ],
 "FilterGroups": [
  {"FilterGroupId": "all", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED", "ScopeConfiguration": {"AllSheets": {}},
   "Filters": [{"CategoryFilter": {"FilterId": "f-region", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"},
     "Configuration": {"CustomFilterConfiguration": {"MatchOperator": "EQUALS", "ParameterName": "Region"}}}}]},
  {"FilterGroupId": "sheet", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED",
   "ScopeConfiguration": {"SelectedSheets": {"SheetVisualScopingConfigurations": [{"SheetId": "s1", "Scope": "ALL_VISUALS"}]}},
   "Filters": [{"CategoryFilter": {"FilterId": "f-cat", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"},
     "Configuration": {"FilterListConfiguration": {"MatchOperator": "EQUALS", "CategoryValues": ["Tech"]}}}}]},
  {"FilterGroupId": "visual", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED",
   "ScopeConfiguration": {"SelectedSheets": {"SheetVisualScopingConfigurations": [{"SheetId": "s1", "Scope": "SELECTED_VISUALS", "VisualIds": ["bar"]}]}},
   "Filters": [{"TopBottomFilter": {"FilterId": "f-top", "Column": {"DataSetIdentifier": "sales", "ColumnName": "product"}, "ParameterName": "TopN",
     "AggregationSortConfigurations": [{"Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "SortDirection": "DESC",
       "AggregationFunction": {"NumericalAggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}]},
  {"FilterGroupId": "off", "CrossDataset": "SINGLE_DATASET", "Status": "DISABLED", "ScopeConfiguration": {"AllSheets": {}},
   "Filters": [{"NumericRangeFilter": {"FilterId": "f-off", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "RangeMinimum": {"StaticValue": 1}}}]},
  {"FilterGroupId": "dates", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED",
   "ScopeConfiguration": {"SelectedSheets": {"SheetVisualScopingConfigurations": [{"SheetId": "s2", "Scope": "ALL_VISUALS"}]}},
   "Filters": [{"TimeRangeFilter": {"FilterId": "f-date", "Column": {"DataSetIdentifier": "sales", "ColumnName": "day"},
     "RangeMinimumValue": {"Parameter": "Since"}, "IncludeMinimum": true}}]}
 ],
 "Sheets": [
  {"SheetId": "s1", "Name": "One",
   "Visuals": [
    {"BarChartVisual": {"VisualId": "bar", "Title": {"FormatText": {"PlainText": "Top products"}}, "ChartConfiguration": {"Orientation": "HORIZONTAL",
      "FieldWells": {"BarChartAggregatedFieldWells": {"Category": [{"CategoricalDimensionField": {"FieldId": "p", "Column": {"DataSetIdentifier": "sales", "ColumnName": "product"}}}],
        "Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}},
      "SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 20}}}}},
    {"KPIVisual": {"VisualId": "kpi", "ChartConfiguration": {"FieldWells": {
      "Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "Margin"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}],
      "TargetValues": [{"NumericalMeasureField": {"FieldId": "t", "Column": {"DataSetIdentifier": "sales", "ColumnName": "target"}}}]}}}},
    {"PluginVisual": {"VisualId": "map", "PluginArn": "arn:aws:quicksight:us-east-1:123456789012:plugin/p"}}
   ],
   "TextBoxes": [{"SheetTextBoxId": "tb", "Content": "<text-box>Hello <b>world</b></text-box>"}],
   "Layouts": [{"Configuration": {"GridLayout": {"Elements": [
     {"ElementId": "tb", "ElementType": "TEXT_BOX", "ColumnSpan": 36, "RowSpan": 2, "ColumnIndex": 0, "RowIndex": 0},
     {"ElementId": "kpi", "ElementType": "VISUAL", "ColumnSpan": 12, "RowSpan": 6},
     {"ElementId": "bar", "ElementType": "VISUAL", "ColumnSpan": 24, "RowSpan": 12, "ColumnIndex": 12, "RowIndex": 2}]}}}],
   "ParameterControls": [{"Slider": {"ParameterControlId": "pc", "Title": "Top", "SourceParameterName": "TopN", "MinimumValue": 1, "MaximumValue": 10, "StepSize": 1}}],
   "FilterControls": [{"Dropdown": {"FilterControlId": "fc", "Title": "Category", "SourceFilterId": "f-cat", "Type": "MULTI_SELECT"}}]},
  {"SheetId": "s2", "Name": "Two",
   "Visuals": [
    {"LineChartVisual": {"VisualId": "line", "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {
      "Category": [{"DateDimensionField": {"FieldId": "month", "Column": {"DataSetIdentifier": "sales", "ColumnName": "day"}, "DateGranularity": "MONTH"}}],
      "Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}],
      "Colors": [{"CategoricalDimensionField": {"FieldId": "region", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}]}}}}},
    {"TableVisual": {"VisualId": "empty-table"}},
    {"TableVisual": {"VisualId": "raw-table", "ChartConfiguration": {"FieldWells": {"TableUnaggregatedFieldWells": {"Values": [{"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}]}}}}}
   ],
   "FilterControls": [{"DateTimePicker": {"FilterControlId": "dc", "SourceFilterId": "f-date", "Type": "DATE_RANGE"}}]}
 ]
}`

func testView(t testing.TB, st State) *View {
	t.Helper()
	def, err := definition.Parse([]byte(testDefinition))
	if err != nil {
		t.Fatal(err)
	}
	return New(def, st, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
}

func question(t *testing.T, v *View, sheet, visual string) *query.Question {
	t.Helper()
	arn, q, ok := v.VisualQuestion(sheet, visual)
	if !ok || arn != "arn:aws:quicksight:us-east-1:123456789012:dataset/sales" {
		t.Fatalf("VisualQuestion(%s, %s) = %q, %v", sheet, visual, arn, ok)
	}
	return q
}

func TestVisualQuestions(t *testing.T) {
	v := testView(t, nil)
	q := question(t, v, "s1", "bar")
	want := &query.Question{
		Dimensions: []query.Dimension{{ID: "p", Field: "product"}},
		Measures:   []query.Measure{{ID: "rev", Field: "revenue", Aggregation: query.Sum}},
		Sort:       []query.Sort{{ID: "rev", Descending: true}},
		Limit:      20,
		Filters: []query.Filter{
			{Kind: query.CategoryFilter, Field: "region", Match: query.In, ValuesParameter: "Region"},
			{Kind: query.CategoryFilter, Field: "category", Match: query.In, Values: []any{"Tech"}},
			{Kind: query.TopBottomFilter, Field: "product", N: 3, By: query.Measure{Field: "revenue", Aggregation: query.Sum}},
		},
		CalculatedFields: []query.CalculatedField{{Name: "Margin", Expression: "{profit} / {revenue}"}},
		Parameters:       map[string]any{"Region": []any{"East", "West"}, "TopN": int64(3), "Since": time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		Now:              time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
	}
	if !reflect.DeepEqual(q, want) {
		t.Errorf("bar question\n got %#v\nwant %#v", q, want)
	}

	// The KPI is outside the visual-scoped top/bottom group; its measure
	// is a calculated field averaged, its target summed by default (used
	// as is when the field is already aggregated).
	q = question(t, v, "s1", "kpi")
	if len(q.Filters) != 2 || q.Filters[1].Field != "category" {
		t.Errorf("kpi filters: %+v", q.Filters)
	}
	wantM := []query.Measure{{ID: "m", Field: "Margin", Aggregation: query.Average}, {ID: "t", Field: "target", Aggregation: query.Sum, DefaultAggregation: true}}
	if !reflect.DeepEqual(q.Measures, wantM) || q.Limit != 0 {
		t.Errorf("kpi measures %+v limit %d", q.Measures, q.Limit)
	}

	// Sheet two: the all-sheets group and its own date group, not sheet
	// one's; a month granularity; a color field as a second dimension.
	q = question(t, v, "s2", "line")
	wantD := []query.Dimension{{ID: "month", Field: "day", Granularity: "MONTH"}, {ID: "region", Field: "region"}}
	if !reflect.DeepEqual(q.Dimensions, wantD) {
		t.Errorf("line dimensions %+v", q.Dimensions)
	}
	if len(q.Filters) != 2 || q.Filters[0].Field != "region" || q.Filters[1].Kind != query.DateRangeFilter || q.Filters[1].FromParameter != "Since" || !q.Filters[1].IncludeFrom {
		t.Errorf("line filters %+v", q.Filters)
	}
	if _, _, ok := v.VisualQuestion("s1", "map"); ok {
		t.Error("an unsupported visual asks a question")
	}
	if _, _, ok := v.VisualQuestion("s2", "empty-table"); ok {
		t.Error("a visual without fields asks a question")
	}
}

func TestStateOverrides(t *testing.T) {
	// Controls and parameters of the viewer replace the definition's.
	v := testView(t, State{"p.TopN": {"5"}, "p.Region": {"North"}, "f.f-cat": {"Office", "Home"}})
	q := question(t, v, "s1", "bar")
	if q.Parameters["TopN"] != int64(5) || !reflect.DeepEqual(q.Parameters["Region"], []any{"North"}) {
		t.Errorf("parameters %v", q.Parameters)
	}
	if !reflect.DeepEqual(q.Filters[1].Values, []any{"Office", "Home"}) || q.Filters[2].N != 5 {
		t.Errorf("filters %+v", q.Filters)
	}
	// "All" drops the category filter; an unset parameter drops the
	// filters that need it; a bad value is ignored.
	v = testView(t, State{"f.f-cat": {AllValues}, "p.Region": {""}, "p.TopN": {"many"}})
	q = question(t, v, "s1", "bar")
	if len(q.Filters) != 0 {
		t.Errorf("filters %+v", q.Filters)
	}
	if _, ok := q.Parameters["Region"]; ok {
		t.Errorf("unset Region still bound: %v", q.Parameters)
	}
	wantEq(t, "parameters", v.Parameters(), []Parameter{
		{Name: "Region", Type: "STRING", Multi: true}, {Name: "TopN", Type: "INTEGER"}, {Name: "Since", Type: "DATETIME", Values: []string{"2026-01-01"}},
	})
	// Date pickers include their days whole.
	v = testView(t, State{"f.f-date.from": {"2026-02-01"}, "f.f-date.to": {"2026-02-28"}})
	f := question(t, v, "s2", "line").Filters[1]
	if f.From.Format(time.DateTime) != "2026-02-01 00:00:00" || !f.IncludeFrom || f.To.Format(time.DateTime) != "2026-03-01 00:00:00" || f.IncludeTo {
		t.Errorf("date filter %+v", f)
	}
}

func wantEq(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s\n got %#v\nwant %#v", what, got, want)
	}
}

// fakeData answers questions from fixed rows per first dimension.
type fakeData struct {
	mu    sync.Mutex
	asked []*query.Question
	fail  string // a dimension or measure field whose questions fail
}

func (f *fakeData) run(_ context.Context, _ string, q *query.Question) (*Result, error) {
	f.mu.Lock()
	f.asked = append(f.asked, q)
	f.mu.Unlock()
	res := &Result{}
	for _, d := range q.Dimensions {
		res.Columns = append(res.Columns, query.ResultColumn{ID: d.ID, Role: query.RoleDimension, Type: "STRING"})
	}
	for _, m := range q.Measures {
		if m.Field == f.fail {
			return nil, sg.Errorf(sg.EUNAVAILABLE, "The data source could not answer: boom")
		}
		res.Columns = append(res.Columns, query.ResultColumn{ID: m.ID, Role: query.RoleMeasure, Type: "DECIMAL"})
	}
	switch {
	case len(q.Dimensions) == 0:
		row := []any{}
		for range q.Measures {
			row = append(row, 0.25)
		}
		res.Rows = [][]any{row}
	case q.Dimensions[0].Field == "product":
		res.Rows = [][]any{{"Phone", 1234.5}, {"Desk", 99.0}}
	case q.Dimensions[0].Field == "category":
		res.Rows = [][]any{{"Tech"}, {"Office"}}
	}
	return res, nil
}

func TestRenderSheet(t *testing.T) {
	data := &fakeData{}
	v := testView(t, nil)
	s := v.RenderSheet(context.Background(), "s1", data.run, 2)
	if s.ID != "s1" || s.Name != "One" {
		t.Fatalf("sheet %s %s", s.ID, s.Name)
	}
	var order []string
	for _, tile := range s.Tiles {
		order = append(order, tile.ID+":"+tile.Kind)
	}
	// Layout order first (text box, KPI, bar), then the rest.
	wantEq(t, "tiles", order, []string{"tb:text", "kpi:kpi", "bar:chart", "map:unsupported"})
	tb, kpi, bar, layerMap := s.Tiles[0], s.Tiles[1], s.Tiles[2], s.Tiles[3]
	wantEq(t, "text", tb.Text, "Hello world")
	wantEq(t, "text style", tb.Style, "grid-column: 1 / span 36; grid-row: 1 / span 2")
	wantEq(t, "kpi style", kpi.Style, "grid-column: span 12; grid-row: span 6")
	wantEq(t, "kpi", kpi.KPI, &KPI{Label: "Average of Margin", Value: "0.25", Target: "0.25", Progress: "+0%", Above: true,
		Bar: &ProgressBar{Percent: 100, Fill: 100, Text: "100%"}})
	wantEq(t, "unsupported", layerMap.Message, "Plugin visuals are not yet supported by Sightglass: the chart is the code of the plugin arn:aws:quicksight:us-east-1:123456789012:plugin/p, which Sightglass does not have.")
	wantEq(t, "bar title", bar.Title, "Top products")
	var opt struct {
		XAxis map[string]any
		YAxis struct {
			Type    string
			Data    []string
			Inverse bool
		}
		Series []struct {
			Type string
			Data []float64
		}
	}
	if err := json.Unmarshal([]byte(bar.Chart), &opt); err != nil {
		t.Fatal(err)
	}
	if opt.YAxis.Type != "category" || !opt.YAxis.Inverse || !reflect.DeepEqual(opt.YAxis.Data, []string{"Phone", "Desk"}) || opt.XAxis["type"] != "value" {
		t.Errorf("horizontal bar axes: %s", bar.Chart)
	}
	if len(opt.Series) != 1 || opt.Series[0].Type != "bar" || !reflect.DeepEqual(opt.Series[0].Data, []float64{1234.5, 99}) {
		t.Errorf("bar series: %s", bar.Chart)
	}
	// Controls: the parameter slider and the category dropdown, whose
	// values come from a question about the column.
	wantEq(t, "controls", len(s.Controls), 2)
	wantEq(t, "slider", *s.Controls[0], Control{ID: "pc", Title: "Top", Kind: ControlSlider, Name: "p.TopN", Min: "1", Max: "10", Step: "1", Value: "3", Affects: []string{"bar"}})
	wantEq(t, "dropdown", *s.Controls[1], Control{ID: "fc", Title: "Category", Kind: ControlMulti, Name: "f.f-cat", All: true, AllValue: "*",
		Options: []Option{{Value: "Tech", Selected: true}, {Value: "Office"}}, Affects: []string{"bar", "kpi"}})

	// A control change re-renders only what it affects.
	only := v.RenderVisuals(context.Background(), "s1", []string{"bar", "map", "nope"}, data.run, 2)
	var ids []string
	for _, tile := range only.Tiles {
		ids = append(ids, tile.ID+":"+tile.Kind)
	}
	wantEq(t, "re-rendered tiles", ids, []string{"bar:chart", "map:unsupported"})
	if only.Controls != nil {
		t.Errorf("RenderVisuals renders controls: %+v", only.Controls)
	}

	// A failing question is an error tile; the sheet still renders.
	data = &fakeData{fail: "revenue"}
	s = testView(t, nil).RenderSheet(context.Background(), "s1", data.run, 0)
	if s.Tiles[2].Kind != TileError || !strings.Contains(s.Tiles[2].Message, "The data source could not answer: boom") {
		t.Errorf("failing visual: %+v", s.Tiles[2])
	}
	// No rows: the empty state.
	s = testView(t, nil).RenderSheet(context.Background(), "s2", func(context.Context, string, *query.Question) (*Result, error) {
		return &Result{}, nil
	}, 0)
	if s.Tiles[0].Kind != TileEmpty || s.Tiles[0].Message != "No data for the current filters and parameters." || s.Tiles[1].Message != "This visual has no fields yet." {
		t.Errorf("empty tiles: %+v %+v", s.Tiles[0], s.Tiles[1])
	}
	if s.Tiles[2].Kind != TileEmpty || s.Tiles[2].Message != "No data for the current filters and parameters." {
		t.Errorf("unaggregated table: %+v", s.Tiles[2])
	}
	if testView(t, nil).RenderSheet(context.Background(), "nope", data.run, 0) != nil {
		t.Error("an unknown sheet renders")
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {-1234567.891, "-1,234,567.89"}, {0.005, "0.01"}} {
		if got := formatNumber(tc.in); got != tc.want {
			t.Errorf("formatNumber(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	col := query.ResultColumn{Type: "DATETIME", Role: query.RoleDimension}
	for gran, want := range map[string]string{"YEAR": "2026", "QUARTER": "2026 Q2", "MONTH": "May 2026", "DAY": "2026-05-17"} {
		if got := formatValue("2026-05-17 00:00:00", col, gran); got != want {
			t.Errorf("%s: %q, want %q", gran, got, want)
		}
	}
}
