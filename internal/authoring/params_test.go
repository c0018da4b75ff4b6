package authoring

import (
	"errors"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
)

func third[A, B, C any](_ A, _ B, _ C, err error) error { return err }

// TestParametersControlsCalculatedFields builds a parameter, a calculated
// field that reads it, a filter on it with a control, and removes them
// in the order their uses allow.
func TestParametersControlsCalculatedFields(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw = must[[]byte](t)(SetParameter(raw, Parameter{Name: "Target", Type: "DECIMAL", Defaults: []string{"250.5"}}, ""))
	raw = must[[]byte](t)(SetParameter(raw, Parameter{Name: "Regions", Type: "STRING", Multi: true, Defaults: []string{"Europe", "Asia Pacific"}}, ""))
	raw = must[[]byte](t)(SetParameter(raw, Parameter{Name: "Since", Type: "DATETIME", Defaults: []string{"2024-01-01"}}, ""))
	raw = must[[]byte](t)(SetCalculatedField(raw, CalculatedField{"sales", "above_target", "ifelse(revenue > ${Target}, 'above', 'below')"}, ""))
	raw, _, fid, err := AddFilter(raw, Filter{Kind: "CategoryFilter", Column: region, Parameter: "Regions", Scope: Scope{AllSheets: true}})
	if err != nil {
		t.Fatal(err)
	}
	raw, ctl, err := AddParameterControl(raw, "Regions", Control{SheetID: FirstSheetID, Kind: "List", LinkColumn: &region})
	if err != nil {
		t.Fatal(err)
	}
	raw, slider, err := AddParameterControl(raw, "Target", Control{SheetID: FirstSheetID, Kind: "Slider", Min: 0, Max: 1000, Step: 10})
	if err != nil {
		t.Fatal(err)
	}
	def, err := definition.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(def.ParameterDeclarations) != 3 || len(def.CalculatedFields) != 1 || len(def.Sheets[0].ParameterControls) != 2 {
		t.Fatalf("definition: %s", raw)
	}
	if d := def.ParameterDeclarations[2].DateTimeParameterDeclaration; d == nil || d.DefaultValues.StaticValues[0] != 1704067200 {
		t.Fatalf("date default: %+v", def.ParameterDeclarations[2])
	}
	if got := def.FiltersFor(FirstSheetID, "any"); len(got) != 1 {
		t.Fatalf("an all-sheets filter applies to %d", len(got))
	}
	// A parameter in use keeps its name and type; its default may change.
	for name, err := range map[string]error{
		"rename used":             errOf(SetParameter(raw, Parameter{Name: "Goal", Type: "DECIMAL"}, "Target")),
		"retype used":             errOf(SetParameter(raw, Parameter{Name: "Target", Type: "INTEGER"}, "Target")),
		"delete used by calc":     errOf(DeleteParameter(raw, "Target")),
		"delete used by filter":   errOf(DeleteParameter(raw, "Regions")),
		"duplicate":               errOf(SetParameter(raw, Parameter{Name: "Target", Type: "STRING"}, "")),
		"bad name":                errOf(SetParameter(raw, Parameter{Name: "my param", Type: "STRING"}, "")),
		"bad type":                errOf(SetParameter(raw, Parameter{Name: "X", Type: "BOOLEAN"}, "")),
		"bad default":             errOf(SetParameter(raw, Parameter{Name: "X", Type: "INTEGER", Defaults: []string{"1.5"}}, "")),
		"two defaults single":     errOf(SetParameter(raw, Parameter{Name: "X", Type: "STRING", Defaults: []string{"a", "b"}}, "")),
		"unknown param in calc":   errOf(SetCalculatedField(raw, CalculatedField{"sales", "x", "${Nope} + 1"}, "")),
		"bad expression":          errOf(SetCalculatedField(raw, CalculatedField{"sales", "x", "sum(("}, "")),
		"calc duplicate":          errOf(SetCalculatedField(raw, CalculatedField{"sales", "above_target", "1"}, "")),
		"slider on a string":      second(AddParameterControl(raw, "Regions", Control{SheetID: FirstSheetID, Kind: "Slider", Min: 0, Max: 1, Step: 1})),
		"text on multi":           second(AddParameterControl(raw, "Regions", Control{SheetID: FirstSheetID, Kind: "TextField"})),
		"dropdown without values": second(AddParameterControl(raw, "Target", Control{SheetID: FirstSheetID, Kind: "Dropdown"})),
		"bad slider":              second(AddParameterControl(raw, "Target", Control{SheetID: FirstSheetID, Kind: "Slider", Min: 5, Max: 1, Step: 1})),
		"filter control on param": second(AddFilterControl(raw, fid, Control{SheetID: FirstSheetID, Kind: "Dropdown"})),
		"param filter wrong type": third(AddFilter(raw, Filter{Kind: "NumericEqualityFilter", Column: revenue, Parameter: "Regions", Scope: Scope{SheetID: FirstSheetID}})),
		"unknown control":         errOf(RemoveControl(raw, "nope")),
	} {
		if !errors.Is(err, ErrEdit) {
			t.Errorf("%s: err = %v, want ErrEdit", name, err)
		}
	}
	raw = must[[]byte](t)(SetParameter(raw, Parameter{Name: "Target", Type: "DECIMAL", Defaults: []string{"100"}}, "Target"))
	raw = must[[]byte](t)(RemoveControl(raw, slider))
	raw = must[[]byte](t)(DeleteCalculatedField(raw, "sales", "above_target"))
	raw = must[[]byte](t)(DeleteParameter(raw, "Target")) // now unused
	def, _ = definition.Parse(raw)
	raw = must[[]byte](t)(RemoveFilterGroup(raw, def.FilterGroups[0].FilterGroupId))
	raw = must[[]byte](t)(DeleteParameter(raw, "Regions")) // its control goes with it
	if strings.Contains(string(raw), ctl) || strings.Contains(string(raw), "Regions") {
		t.Fatalf("left over: %s", raw)
	}
}

// TestEveryFilterKind builds each kind the filters pane offers, with a
// static value and with a parameter, and a control for the kinds that
// take one.
func TestEveryFilterKind(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, vid, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	for _, p := range []Parameter{{"Name", "STRING", false, nil, nil}, {"N", "INTEGER", false, []string{"3"}, nil}, {"Lo", "DECIMAL", false, nil, nil}, {"Day", "DATETIME", false, nil, nil}} {
		raw = must[[]byte](t)(SetParameter(raw, p, ""))
	}
	sheet, visual := Scope{SheetID: FirstSheetID}, Scope{SheetID: FirstSheetID, VisualIDs: []string{vid}}
	for _, f := range []Filter{
		{Kind: "CategoryFilter", Column: region, Values: []string{"Europe", "Asia Pacific"}, Scope: sheet},
		{Kind: "CategoryFilter", Column: region, Match: "STARTS_WITH", Values: []string{"Eu"}, Scope: visual, CrossDataset: true},
		{Kind: "CategoryFilter", Column: region, Match: "DOES_NOT_EQUAL", Parameter: "Name", Scope: sheet},
		{Kind: "NumericEqualityFilter", Column: revenue, Values: []string{"12.5"}, Scope: sheet},
		{Kind: "NumericEqualityFilter", Column: revenue, Match: "DOES_NOT_EQUAL", Parameter: "Lo", Scope: sheet},
		{Kind: "NumericRangeFilter", Column: revenue, Min: "1", MaxParameter: "Lo", Scope: sheet},
		{Kind: "TimeRangeFilter", Column: date, Min: "2024-01-01", Max: "2024-12-31", Scope: sheet},
		{Kind: "TimeRangeFilter", Column: date, MinParameter: "Day", Scope: sheet},
		{Kind: "TimeEqualityFilter", Column: date, Values: []string{"2024-03-01"}, Granularity: "MONTH", Scope: sheet},
		{Kind: "TimeEqualityFilter", Column: date, Parameter: "Day", Scope: sheet},
		{Kind: "RelativeDatesFilter", Column: date, RelativeType: "LAST", Granularity: "MONTH", N: 3, Scope: sheet},
		{Kind: "RelativeDatesFilter", Column: date, RelativeType: "NEXT", Parameter: "N", Scope: sheet},
		{Kind: "RelativeDatesFilter", Column: date, RelativeType: "THIS", Granularity: "YEAR", Scope: Scope{AllSheets: true}},
		{Kind: "TopBottomFilter", Column: region, By: &revenue, N: 2, Scope: visual},
		{Kind: "TopBottomFilter", Column: region, By: &revenue, Bottom: true, Aggregation: "AVERAGE", Parameter: "N", Scope: visual},
	} {
		var err error
		if raw, _, _, err = AddFilter(raw, f); err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
	}
	def, err := definition.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(def.FilterGroups); n != 15 {
		t.Fatalf("%d filter groups", n)
	}
	if def.FilterGroups[1].CrossDataset != "ALL_DATASETS" {
		t.Error("the cross-dataset option was not kept")
	}
	// Controls for the kinds the viewer draws them for.
	raw, _, err = AddFilterControl(raw, "f-region-1", Control{SheetID: FirstSheetID, Kind: "Dropdown", SingleSelect: true})
	if err != nil {
		t.Fatal(err)
	}
	raw, _, err = AddFilterControl(raw, "f-revenue-3", Control{SheetID: FirstSheetID, Kind: "Slider", Min: 0, Max: 100, Step: 1})
	if err != nil {
		t.Fatal(err)
	}
	raw, _, err = AddFilterControl(raw, "f-order_date-1", Control{SheetID: FirstSheetID, Kind: "DateTimePicker"})
	if err != nil {
		t.Fatal(err)
	}
	if err := second(AddFilterControl(raw, "f-order_date-4", Control{SheetID: FirstSheetID, Kind: "DateTimePicker"})); !errors.Is(err, ErrEdit) {
		t.Errorf("a control the viewer does not draw (time equality): %v", err)
	}
	// Editing a filter keeps its id and its control.
	groupID := def.FilterGroups[0].FilterGroupId
	raw, err = ReplaceFilter(raw, groupID, Filter{Kind: "CategoryFilter", Column: region, Match: "DOES_NOT_EQUAL", Values: []string{"Europe"}, Scope: Scope{AllSheets: true}})
	if err != nil {
		t.Fatal(err)
	}
	if err := errOf(ReplaceFilter(raw, groupID, Filter{Kind: "NumericEqualityFilter", Column: revenue, Values: []string{"1"}, Scope: sheet})); !errors.Is(err, ErrEdit) {
		t.Errorf("kind change under a control: %v", err)
	}
	def, _ = definition.Parse(raw)
	g := def.FilterGroups[0]
	if g.Filters[0].CategoryFilter.FilterId != "f-region-1" || g.ScopeConfiguration.AllSheets == nil || len(def.Sheets[0].FilterControls) != 3 {
		t.Fatalf("replaced group: %s", raw)
	}
	for name, f := range map[string]Filter{
		"no values":        {Kind: "CategoryFilter", Column: region, Scope: sheet},
		"bad match":        {Kind: "CategoryFilter", Column: region, Match: "LIKE", Values: []string{"x"}, Scope: sheet},
		"range on text":    {Kind: "NumericRangeFilter", Column: region, Min: "1", Scope: sheet},
		"inverted dates":   {Kind: "TimeRangeFilter", Column: date, Min: "2025-01-01", Max: "2024-01-01", Scope: sheet},
		"bad date":         {Kind: "TimeEqualityFilter", Column: date, Values: []string{"yesterday"}, Scope: sheet},
		"relative no N":    {Kind: "RelativeDatesFilter", Column: date, RelativeType: "LAST", Scope: sheet},
		"relative bogus":   {Kind: "RelativeDatesFilter", Column: date, RelativeType: "SOON", Scope: sheet},
		"top by text":      {Kind: "TopBottomFilter", Column: region, By: &region, N: 1, Scope: sheet},
		"top param string": {Kind: "TopBottomFilter", Column: region, By: &revenue, Parameter: "Name", Scope: sheet},
		"unknown kind":     {Kind: "NestedFilter", Column: region, Scope: sheet},
	} {
		if err := third(AddFilter(raw, f)); !errors.Is(err, ErrEdit) {
			t.Errorf("%s: err = %v, want ErrEdit", name, err)
		}
	}
}

// TestCustomLabel renames a table's field and removes the name; a bar
// chart's fields are not renamed (the viewer draws labels on tables).
func TestCustomLabel(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, vid, _ := AddVisual(raw, FirstSheetID, "TableVisual")
	raw, fid, _ := AddField(raw, vid, "Values", revenue, -1)
	raw = must[[]byte](t)(SetCustomLabel(raw, fid, "Sales"))
	d, _ := decode(raw)
	r, _ := findVisual(d, vid)
	if got := CustomLabel(r.visual, fid); got != "Sales" {
		t.Fatalf("label %q: %s", got, raw)
	}
	cleared := must[[]byte](t)(SetCustomLabel(raw, fid, ""))
	if strings.Contains(string(cleared), "FieldOptions") {
		t.Errorf("an unnamed field leaves FieldOptions: %s", cleared)
	}
	removed := must[[]byte](t)(RemoveField(raw, fid))
	if strings.Contains(string(removed), "FieldOptions") {
		t.Errorf("a removed field leaves its options: %s", removed)
	}
	raw, kpi, _ := AddVisual(raw, FirstSheetID, "KPIVisual")
	raw, kfid, _ := AddField(raw, kpi, "Values", revenue, -1)
	if err := errOf(SetCustomLabel(raw, kfid, "x")); !errors.Is(err, ErrEdit) {
		t.Errorf("a KPI's field renamed (the model has no place for it): %v", err)
	}
}

// TestChartCustomLabel renames a bar chart's value: the label is an
// AxisLabelOptions entry applying to the field in ValueLabelOptions,
// beside the axis title, which keeps; removing the label or the field
// removes the entry.
func TestChartCustomLabel(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, bar, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	raw, fid, _ := AddField(raw, bar, "Values", revenue, -1)
	raw = must[[]byte](t)(SetFormat(raw, bar, FormatValueLabel, "Money"))
	raw = must[[]byte](t)(SetCustomLabel(raw, fid, "Sales"))
	d, _ := decode(raw)
	r, _ := findVisual(d, bar)
	if got := CustomLabel(r.visual, fid); got != "Sales" {
		t.Fatalf("label %q: %s", got, raw)
	}
	opts := list(child(child(r.visual, "ChartConfiguration"), "ValueLabelOptions"), "AxisLabelOptions")
	if len(opts) != 2 || appliesTo(opts[1]) != fid || str(child(child(opts[1].(obj), "ApplyTo"), "Column")["ColumnName"]) != revenue.Name {
		t.Fatalf("ValueLabelOptions: %s", raw)
	}
	if got := must[string](t)(FormatValue(raw, bar, FormatValueLabel)); got != "Money" {
		t.Errorf("axis title %q, want Money", got)
	}
	raw = must[[]byte](t)(SetFormat(raw, bar, FormatValueLabel, "Revenue"))
	d, _ = decode(raw)
	r, _ = findVisual(d, bar)
	if got := CustomLabel(r.visual, fid); got != "Sales" {
		t.Errorf("a new axis title dropped the field's label: %s", raw)
	}
	// Moved to Colors, the label moves to ColorLabelOptions.
	moved := must[[]byte](t)(MoveField(raw, fid, "Colors", -1))
	d, _ = decode(moved)
	r, _ = findVisual(d, bar)
	if opts := list(child(child(r.visual, "ChartConfiguration"), "ColorLabelOptions"), "AxisLabelOptions"); len(opts) != 1 || CustomLabel(r.visual, fid) != "Sales" {
		t.Errorf("the moved field's label: %s", moved)
	}
	raw = must[[]byte](t)(SetFormat(raw, bar, FormatValueLabel, ""))
	cleared := must[[]byte](t)(SetCustomLabel(raw, fid, ""))
	if strings.Contains(string(cleared), "LabelOptions") {
		t.Errorf("an unnamed field leaves its label options: %s", cleared)
	}
	removed := must[[]byte](t)(RemoveField(raw, fid))
	if strings.Contains(string(removed), "Sales") {
		t.Errorf("a removed field leaves its label: %s", removed)
	}
	raw, line, _ := AddVisual(raw, FirstSheetID, "LineChartVisual")
	raw, cfid, _ := AddField(raw, line, "Colors", region, -1)
	if err := errOf(SetCustomLabel(raw, cfid, "x")); !errors.Is(err, ErrEdit) {
		t.Errorf("a line chart's color renamed (the model has no place for it): %v", err)
	}
}

// TestNumberFormat formats a KPI's measure as a percentage, then as
// thousands, then removes the format; a bar chart's measure is refused.
func TestNumberFormat(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, vid, _ := AddVisual(raw, FirstSheetID, "KPIVisual")
	raw, fid, _ := AddField(raw, vid, "Values", revenue, -1)
	one := 1
	pct := must[[]byte](t)(SetNumberFormat(raw, fid, &NumberFormat{Percent: true, Decimals: &one}))
	if !strings.Contains(string(pct), `"PercentageDisplayFormatConfiguration":{"DecimalPlacesConfiguration":{"DecimalPlaces":1}}`) {
		t.Errorf("percentage: %s", pct)
	}
	k := must[[]byte](t)(SetNumberFormat(pct, fid, &NumberFormat{Scale: "THOUSANDS", Prefix: "$"}))
	if !strings.Contains(string(k), `"NumberDisplayFormatConfiguration":{"NumberScale":"THOUSANDS","Prefix":"$"}`) {
		t.Errorf("thousands: %s", k)
	}
	if none := must[[]byte](t)(SetNumberFormat(k, fid, nil)); strings.Contains(string(none), "FormatConfiguration") {
		t.Errorf("removed: %s", none)
	}
	bad := 21
	raw, hist, _ := AddVisual(raw, FirstSheetID, "HistogramVisual")
	raw, gfid, err := AddField(raw, hist, "Values", revenue, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, bar, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	raw, bfid, _ := AddField(raw, bar, "Values", revenue, -1)
	if _, err := SetNumberFormat(raw, bfid, &NumberFormat{Percent: true}); err != nil {
		t.Errorf("a bar chart's measure: %v", err)
	}
	for name, err := range map[string]error{
		"histogram":     errOf(SetNumberFormat(raw, gfid, &NumberFormat{Percent: true})),
		"decimals":      errOf(SetNumberFormat(raw, fid, &NumberFormat{Decimals: &bad})),
		"percent scale": errOf(SetNumberFormat(raw, fid, &NumberFormat{Percent: true, Scale: "MILLIONS"})),
		"unknown scale": errOf(SetNumberFormat(raw, fid, &NumberFormat{Scale: "LOTS"})),
		"unknown field": errOf(SetNumberFormat(raw, "nope", nil)),
	} {
		if !errors.Is(err, ErrEdit) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
