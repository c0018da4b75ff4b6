package viewer

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// TestProgressBar covers the bar's fill at and past its ends, a zero
// target and a hidden bar.
func TestProgressBar(t *testing.T) {
	for _, c := range []struct {
		v, target float64
		want      *ProgressBar
	}{
		{50, 200, &ProgressBar{Percent: 25, Fill: 25, Text: "25%"}},
		{300, 200, &ProgressBar{Percent: 150, Fill: 100, Text: "150%"}},
		{-10, 100, &ProgressBar{Percent: -10, Fill: 0, Text: "-10%"}},
		{5, 0, nil},
	} {
		got := progressBar(nil, c.v, c.target)
		if (got == nil) != (c.want == nil) || (got != nil && *got != *c.want) {
			t.Errorf("%v of %v: %+v, want %+v", c.v, c.target, got, c.want)
		}
	}
	p := &plan{}
	p.kpiOptions(&definition.KPIConfiguration{KPIOptions: json.RawMessage(`{"ProgressBar": {"Visibility": "HIDDEN"}}`)})
	if got := progressBar(p.kpi, 1, 2); got != nil {
		t.Errorf("hidden: %+v", got)
	}
}

// TestTotalsOptions reads tables' and pivots' TotalOptions: hidden totals
// draw nothing, what cannot be computed is refused by name.
func TestTotalsOptions(t *testing.T) {
	p := &plan{}
	p.tableTotals(json.RawMessage(`{"TotalsVisibility": "HIDDEN"}`))
	if p.totals != nil {
		t.Errorf("hidden table totals: %+v", p.totals)
	}
	p.tableTotals(json.RawMessage(`{"TotalsVisibility": "VISIBLE", "Placement": "START", "TotalAggregationOptions": [{"FieldId": "a", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "AVERAGE"}}]}`))
	if p.totals == nil || p.totals.label != "Total" || !p.totals.first || p.totals.funcs["a"] != "AVERAGE" || !p.totals.overRows() {
		t.Errorf("table totals: %+v", p.totals)
	}
	if got := overRows("AVERAGE", [][]any{{"x", 1.0}, {"y", nil}, {"z", 4.0}}, 1); got != 2.5 {
		t.Errorf("average over rows: %v", got)
	}
	if got := overRows("MIN", [][]any{{"x", nil}}, 1); got != nil {
		t.Errorf("min of no number: %v", got)
	}
	rows, cols := []field{{id: "r1"}, {id: "r2"}, {id: "r3"}}, []field{{id: "c1"}, {id: "c2"}}
	for _, c := range []struct{ totals, fieldOptions, tableOptions, want string }{
		{totals: `{"ColumnTotalOptions": {"TotalsVisibility": "VISIBLE", "TotalAggregationOptions": [{"TotalAggregationFunction": {"SimpleTotalAggregationFunction": "MEDIAN"}}]}}`, want: "ColumnTotalOptions with the TotalAggregationFunction MEDIAN"},
		{totals: `{"RowTotalOptions": {"TotalAggregationOptions": [{"FieldId": "v", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "SUM"}}]},
			"ColumnTotalOptions": {"TotalAggregationOptions": [{"FieldId": "v", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "MAX"}}]}}`, want: "TotalAggregationOptions that differ between the row and column totals (SUM, MAX)"},
		{totals: `{"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "FieldLevel": "CUSTOM", "FieldLevelOptions": [{"FieldId": "c1"}]}}`, want: `RowSubtotalOptions FieldLevelOptions naming "c1", not one of its fields`},
		{totals: `{"ColumnSubtotalOptions": {"TotalsVisibility": "VISIBLE", "FieldLevel": "SOME"}}`, want: "ColumnSubtotalOptions with the FieldLevel SOME"},
		{fieldOptions: `{"CollapseStateOptions": [{"Target": {"FieldId": "c1", "FieldDataPathValues": [{"FieldId": "r1", "FieldValue": "x"}]}}]}`, want: "CollapseStateOptions naming both row and column fields"},
		{fieldOptions: `{"CollapseStateOptions": [{"Target": {"FieldId": "x9"}}]}`, want: `CollapseStateOptions on "x9", not a field of the pivot`},
		{fieldOptions: `{"CollapseStateOptions": [{"Target": {"FieldId": "r1", "FieldDataPathValues": [{"FieldId": "r1", "FieldValue": "x", "DataPathType": {"PivotTableDataPathType": "EMPTY_COLUMN_HEADER"}}]}}]}`, want: "CollapseStateOptions with the DataPathType EMPTY_COLUMN_HEADER"},
		{fieldOptions: `{"CollapseStateOptions": [{"Target": {"FieldId": "r1"}}]}`, tableOptions: `{"CollapsedRowDimensionsVisibility": "SOMETIMES"}`, want: "CollapsedRowDimensionsVisibility SOMETIMES"},
		{fieldOptions: `{"CollapseStateOptions": [{"Target": {"FieldId": "r1"}}]}`, tableOptions: `[1]`, want: "TableOptions that cannot be read"},
		{totals: `[1]`, want: "TotalOptions that cannot be read"},
		{fieldOptions: `[1]`, want: "FieldOptions that cannot be read"},
	} {
		p := &plan{category: rows, colors: cols}
		p.pivotTotalsOf(raw(c.totals), raw(c.fieldOptions), raw(c.tableOptions))
		if !strings.Contains(strings.Join(p.unsupported, ", "), c.want) {
			t.Errorf("%s %s: refused %q, want %q", c.totals, c.fieldOptions, p.unsupported, c.want)
		}
	}
	p = &plan{category: rows, colors: cols}
	p.pivotTotalsOf(json.RawMessage(`{"RowTotalOptions": {"TotalsVisibility": "VISIBLE", "CustomLabel": "Sum"}, "ColumnTotalOptions": {"TotalsVisibility": "HIDDEN", "Placement": "START"},
		"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "FieldLevel": "ALL", "CustomLabel": "Part"}, "ColumnSubtotalOptions": {"TotalsVisibility": "VISIBLE", "FieldLevel": "CUSTOM", "FieldLevelOptions": [{"FieldId": "c2"}]}}`),
		json.RawMessage(`{"SelectedFieldOptions": [], "CollapseStateOptions": [{"Target": {"FieldId": "r1"}}, {"Target": {"FieldDataPathValues": [{"FieldId": "r2", "FieldValue": "b", "DataPathType": {}}]}, "State": "COLLAPSED"},
			{"Target": {"FieldId": "r1", "FieldDataPathValues": [{"FieldId": "r1", "FieldValue": "a"}]}, "State": "EXPANDED"}, {"Target": {"FieldId": "r3"}}]}`), nil)
	pt := p.pivotTotals
	if pt == nil || pt.rows == nil || pt.rows.label != "Sum" || pt.cols != nil || len(p.unsupported) > 0 || pt.hideCollapsed {
		t.Fatalf("pivot totals: %+v, refused %q", pt, p.unsupported)
	}
	byCol := &plan{category: rows, colors: cols}
	byCol.pivotTotalsOf(nil, json.RawMessage(`{"CollapseStateOptions": [{"Target": {"FieldId": "c1"}}, {"Target": {"FieldDataPathValues": [{"FieldId": "c1", "FieldValue": "a"}]}, "State": "EXPANDED"}]}`), nil)
	if pt := byCol.pivotTotals; pt == nil || len(byCol.unsupported) > 0 || !pt.collapsedOn(true, []string{"b"}) || pt.collapsedOn(true, []string{"a"}) || pt.collapsed([]string{"b"}) || len(pt.collapseLevels(3)) > 0 {
		t.Errorf("collapsed column field: %+v, refused %q", pt, byCol.unsupported)
	}
	hidden := &plan{category: rows, colors: cols}
	hidden.pivotTotalsOf(nil, json.RawMessage(`{"CollapseStateOptions": [{"Target": {"FieldId": "r1"}}]}`), json.RawMessage(`{"CollapsedRowDimensionsVisibility": "HIDDEN"}`))
	if hidden.pivotTotals == nil || !hidden.pivotTotals.hideCollapsed || len(hidden.unsupported) > 0 {
		t.Errorf("CollapsedRowDimensionsVisibility HIDDEN: %+v, refused %q", hidden.pivotTotals, hidden.unsupported)
	}
	if pt.rowSub == nil || pt.rowSub.label != "Part" || !pt.rowSub.first || fmt.Sprint(pt.rowSub.levels) != "map[1:true 2:true]" || pt.colSub != nil {
		t.Errorf("subtotals: rows %+v, columns %+v (the last column field's groups are its cells)", pt.rowSub, pt.colSub)
	}
	for parts, want := range map[string]bool{"a": false, "z": true, "a/b": true, "z/b": true, "a/c": false} {
		if got := pt.collapsed(strings.Split(parts, "/")); got != want {
			t.Errorf("collapsed %s: %v, want %v", parts, got, want)
		}
	}
}

// TestPivotTotalStyles reads the cell styles of drawn totals and
// subtotals into CSS (a subtotal's StyleTargets choosing which take
// theirs), and names what is not drawn; empty styles (as QuickSight's
// editor writes them) and the styles of hidden totals say nothing.
func TestPivotTotalStyles(t *testing.T) {
	rows := []field{{id: "r1"}, {id: "r2"}}
	for _, c := range []struct{ totals, want, sub, col string }{
		{`{"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "TotalCellStyle": {}, "ValueCellStyle": {}, "MetricHeaderCellStyle": {},
			"StyleTargets": [{"CellType": "VALUE"}, {"CellType": "TOTAL"}, {"CellType": "METRIC_HEADER"}]}}`, "", "|", ""},
		{`{"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "TotalCellStyle": {"BackgroundColor": "#EEEEEE"}, "ValueCellStyle": {"FontConfiguration": {"FontWeight": {"Name": "BOLD"}}}}}`,
			"", "background-color: #EEEEEE;|font-weight: bold;", ""},
		{`{"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "TotalCellStyle": {"BackgroundColor": "#EEEEEE"}, "ValueCellStyle": {"BackgroundColor": "#111111"},
			"StyleTargets": [{"CellType": "VALUE"}]}}`, "", "|background-color: #111111;color: #ffffff;", ""},
		{`{"ColumnTotalOptions": {"TotalsVisibility": "VISIBLE", "MetricHeaderCellStyle": {"Height": 30},
			"ValueCellStyle": {"FontConfiguration": {"FontColor": "red;x", "FontStyle": "ITALIC", "FontSize": {"Relative": "LARGE"}}, "Border": {"UniformBorder": {"Color": "#000000"}},
			"HorizontalTextAlignment": "CENTER", "TextWrap": "NONE", "Height": 24}},
			"RowTotalOptions": {"TotalsVisibility": "HIDDEN", "TotalCellStyle": {"BackgroundColor": "#EEEEEE"}}}`,
			"The cell styles of a pivot table's ColumnTotalOptions are drawn without ValueCellStyle FontColor \"red;x\", MetricHeaderCellStyle (no cell heads this total's metric: Sightglass names a pivot's measures in its column headers, when it has several): not yet supported by Sightglass.",
			"", "|font-style: italic;font-size: large;text-align: center;white-space: nowrap;height: 24px;border: 1px solid #000000;"},
		{`{"ColumnTotalOptions": {"TotalsVisibility": "VISIBLE", "ValueCellStyle": {"Border": {"UniformBorder": {"Thickness": 9},
			"SideSpecificBorder": {"Top": {"Color": "#000000"}}}, "FontConfiguration": {"FontSize": {"Absolute": "14px"}}}}}`,
			"The cell styles of a pivot table's ColumnTotalOptions are drawn without ValueCellStyle UniformBorder Thickness 9, ValueCellStyle SideSpecificBorder: not yet supported by Sightglass.",
			"", "|font-size: 14px;"},
	} {
		p := &plan{category: rows}
		p.pivotTotalsOf(raw(c.totals), nil, nil)
		if p.pivotTotals == nil || len(p.unsupported) > 0 {
			t.Fatalf("%s: %+v, refused %q", c.totals, p.pivotTotals, p.unsupported)
		}
		pt := p.pivotTotals
		if got := strings.Join(pt.notes, " | "); got != c.want {
			t.Errorf("%s: notes %q, want %q", c.totals, got, c.want)
		}
		if pt.rowSub != nil {
			wantEq(t, "subtotal look", pt.rowSub.look.label+"|"+pt.rowSub.look.value, c.sub)
		}
		if pt.cols != nil {
			wantEq(t, "total look", pt.cols.look.label+"|"+pt.cols.look.value, c.col)
		}
	}
	// The totals column of a pivot of two measures names each measure in
	// its header: the metric header's style goes there, over the label's.
	p := &plan{category: rows, values: []field{{id: "a"}, {id: "b"}}}
	p.pivotTotalsOf(raw(`{"RowTotalOptions": {"TotalsVisibility": "VISIBLE", "TotalCellStyle": {"BackgroundColor": "#EEEEEE"},
		"MetricHeaderCellStyle": {"FontConfiguration": {"FontColor": "#0000FF"}}}}`), nil, nil)
	pt := p.pivotTotals
	wantEq(t, "notes", len(pt.notes), 0)
	wantEq(t, "column header", pt.colLook(pivotSlot{leaf: -1}).label+pt.colLook(pivotSlot{leaf: -1}).header, "background-color: #EEEEEE;color: #0000FF;")
}

// raw is a JSON option, nil when empty.
func raw(s string) json.RawMessage {
	if s == "" {
		return nil
	}
	return json.RawMessage(s)
}

// TestTotalCells writes a number total in its format, a date total (a
// MIN or MAX of dates) as its text, and NULL as blank.
func TestTotalCells(t *testing.T) {
	p := &plan{category: []field{{id: "r"}}, values: []field{{id: "a", measure: &query.Measure{}}, {id: "b", measure: &query.Measure{}}, {id: "c", measure: &query.Measure{}}},
		totals: &tableTotals{label: "All"}}
	got := totalCells(p, []any{nil, "1234.5", totalText("2024-01-31"), nil})
	want := []Cell{{Text: "All"}, {Text: "1,234.5", Numeric: true}, {Text: "2024-01-31", Numeric: true}, {Numeric: true}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("total cells %v, want %v", got, want)
	}
}
