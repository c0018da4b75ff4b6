package viewer

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// A field's NullValueFormatConfiguration.NullString is what its nulls
// read, on dimensions and measures ("(empty)" was drawn for dimensions);
// a date measure (MAX of a date) draws its DateTimeFormat (the day was
// drawn).
func TestNullTextAndDateMeasureFormat(t *testing.T) {
	vis := visualOf(t, `{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		"GroupBy": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"},
				"FormatConfiguration": {"NullValueFormatConfiguration": {"NullString": "n/a"}}}},
			{"DateDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"},
				"FormatConfiguration": {"NullValueFormatConfiguration": {"NullString": "no date"}}}},
			{"NumericalDimensionField": {"FieldId": "q", "Column": {"DataSetIdentifier": "sales", "ColumnName": "qty"},
				"FormatConfiguration": {"FormatConfiguration": {"NumberDisplayFormatConfiguration": {"NullValueFormatConfiguration": {"NullString": "--"}}}}}}],
		"Values": [{"DateMeasureField": {"FieldId": "last", "AggregationFunction": "MAX", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"},
				"FormatConfiguration": {"DateTimeFormat": "MMM-DD-YYYY H:mm:ss", "NullValueFormatConfiguration": {"NullString": "never"}}}},
			{"CategoricalMeasureField": {"FieldId": "n", "AggregationFunction": "COUNT", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"},
				"FormatConfiguration": {"NumericFormatConfiguration": {"NumberDisplayFormatConfiguration": {"NullValueFormatConfiguration": {"NullString": "none"}}}}}}]}}}}}`)
	p, ok := planOf(vis)
	if !ok {
		t.Fatal("no plan")
	}
	applyCustomLabels(vis, p)
	cols := []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "d", Type: "DATETIME"}, {ID: "q", Type: "INTEGER"},
		{ID: "last", Role: query.RoleMeasure, Type: "DATETIME"}, {ID: "n", Role: query.RoleMeasure, Type: "INTEGER"}}
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	tb := table(p, &Result{Columns: cols, Rows: [][]any{
		{nil, nil, nil, nil, nil},
		{"East", at, int64(3), at, int64(2)},
	}})
	var got [][]string
	for _, r := range tb.Rows {
		var texts []string
		for _, c := range r {
			texts = append(texts, c.Text)
		}
		got = append(got, texts)
	}
	wantEq(t, "cells", got, [][]string{{"n/a", "no date", "--", "never", "none"}, {"East", "2026-03-04", "3", "Mar-04-2026 5:06:07", "2"}})

	// A KPI of a date's MAX draws it in its format.
	vis = visualOf(t, `{"KPIVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"Values": [{"DateMeasureField": {"FieldId": "last", "AggregationFunction": "MAX",
		"Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "FormatConfiguration": {"DateTimeFormat": "YYYY/MM/DD"}}}]}}}}`)
	p, _ = planOf(vis)
	applyCustomLabels(vis, p)
	k := kpi(p, &Result{Columns: cols[3:4], Rows: [][]any{{at}}})
	wantEq(t, "kpi", k.Value, "2026/03/04")
}

// A click on a category drawn in its field's null text is a click on a
// null: refused, never a filter on the text; another value still filters.
func TestClickOnNullText(t *testing.T) {
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/s"}],
		"Sheets": [{"SheetId": "s", "Visuals": [
		{"BarChartVisual": {"VisualId": "bar", "Actions": [{"CustomActionId": "a", "Name": "F", "Status": "ENABLED", "Trigger": "DATA_POINT_CLICK",
			"ActionOperations": [{"FilterOperation": {"SelectedFieldsConfiguration": {"SelectedFields": ["cat"]},
			"TargetVisualsConfiguration": {"SameSheetTargetVisualConfiguration": {"TargetVisualOptions": "ALL_VISUALS"}}}}]}],
			"ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
			"Category": [{"CategoricalDimensionField": {"FieldId": "cat", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"},
				"FormatConfiguration": {"NullValueFormatConfiguration": {"NullString": "n/a"}}}}]}}}}},
		{"KPIVisual": {"VisualId": "kpi"}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var uf *UnsupportedFilterError
	if fs, err := New(def, State{"x.bar": {"n/a"}}, time.Unix(0, 0)).actionFilters("s", "kpi", "sales"); !errors.As(err, &uf) || fs != nil {
		t.Errorf("a click on the null text: %+v %v, want a refusal", fs, err)
	}
	if fs, err := New(def, State{"x.bar": {"Europe"}}, time.Unix(0, 0)).actionFilters("s", "kpi", "sales"); err != nil || len(fs) != 1 || fs[0].Values[0] != "Europe" {
		t.Errorf("a click on a value: %+v %v", fs, err)
	}
}

// A pivot table's row headers draw their field's null text too.
func TestPivotHeaderNullText(t *testing.T) {
	vis := visualOf(t, `{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {
		"Rows": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}, "FormatConfiguration": {"NullValueFormatConfiguration": {"NullString": "n/a"}}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}}}}}`)
	p, _ := planOf(vis)
	applyCustomLabels(vis, p)
	pv := pivot(p, &Result{Columns: []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure, Type: "INTEGER"}},
		Rows: [][]any{{nil, int64(3)}, {"East", int64(4)}}})
	var headers []string
	for _, r := range pv.Rows {
		headers = append(headers, r.Headers...)
	}
	wantEq(t, "headers", headers, []string{"n/a", "East"})
}

// A chart's series carry their measure's null text (chartNullText) for the
// page's tooltips: the bar's series and the pie's, none without one.
func TestChartSeriesNullText(t *testing.T) {
	cols := []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure, Type: "INTEGER"}, {ID: "n", Role: query.RoleMeasure, Type: "INTEGER"}}
	res := &Result{Columns: cols, Rows: [][]any{{"West", nil, int64(1)}, {"East", int64(4), nil}}}
	for _, kind := range []string{"BarChartVisual", "PieChartVisual"} {
		wells := `"BarChartAggregatedFieldWells": {"Category": [%s], "Values": [%s, %s]}`
		if kind == "PieChartVisual" {
			wells = `"PieChartAggregatedFieldWells": {"Category": [%s], "Values": [%s]}%.0s`
		}
		vis := visualOf(t, `{"`+kind+`": {"VisualId": "v", "ChartConfiguration": {"FieldWells": {`+fmt.Sprintf(wells,
			`{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`,
			`{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"},
				"FormatConfiguration": {"FormatConfiguration": {"NumberDisplayFormatConfiguration": {"NullValueFormatConfiguration": {"NullString": "none"}}}}}}`,
			`{"NumericalMeasureField": {"FieldId": "n", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}}}`)+`}}}}`)
		p, ok := planOf(vis)
		if !ok {
			t.Fatal(kind, "no plan")
		}
		applyCustomLabels(vis, p)
		var got []any
		for _, s := range chartOption(p, res)["series"].([]obj) {
			got = append(got, s[chartNullText])
		}
		want := []any{"none", nil}
		if kind == "PieChartVisual" {
			want = want[:1]
		}
		wantEq(t, kind, got, want)
	}
}
