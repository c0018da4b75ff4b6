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
	for raw, want := range map[string]string{
		`{"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE"}}`: "RowSubtotalOptions (subtotals)",
		`{"ColumnTotalOptions": {"TotalsVisibility": "VISIBLE", "TotalAggregationOptions": [{"TotalAggregationFunction": {"SimpleTotalAggregationFunction": "SUM"}}]}}`: "ColumnTotalOptions with the TotalAggregationFunction SUM",
		`[1]`: "TotalOptions that cannot be read",
	} {
		p := &plan{}
		p.pivotTotalsOf(json.RawMessage(raw), nil)
		if !strings.Contains(strings.Join(p.unsupported, ", "), want) {
			t.Errorf("%s: refused %q, want %q", raw, p.unsupported, want)
		}
	}
	p = &plan{}
	p.pivotTotalsOf(json.RawMessage(`{"RowTotalOptions": {"TotalsVisibility": "VISIBLE", "CustomLabel": "Sum"}, "ColumnTotalOptions": {"TotalsVisibility": "HIDDEN"}}`), json.RawMessage(`{"SelectedFieldOptions": []}`))
	if p.pivotTotals == nil || p.pivotTotals.rows == nil || p.pivotTotals.rows.label != "Sum" || p.pivotTotals.cols != nil || len(p.unsupported) > 0 {
		t.Errorf("pivot totals: %+v, refused %q", p.pivotTotals, p.unsupported)
	}
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
