package viewer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// A pivot's row fields sorted by themselves order its rows, level by
// level; a sort by a measure orders the level's groups after the query
// (pivotorder_test.go).
func TestPivotSorts(t *testing.T) {
	wells := `"PivotTableAggregatedFieldWells": {"Rows": [` + lblDim + `, ` + lblDim2 + `], "Values": [` + lblVal + `]}`
	sortOf := func(field, by, dir string) string {
		return `{"FieldId": "` + field + `", "SortBy": {"Field": {"FieldId": "` + by + `", "Direction": "` + dir + `"}}}`
	}
	p, _ := planOf(visualOf(t, labelled("PivotTableVisual", wells, `, "SortConfiguration": {"FieldSortOptions": [`+sortOf("d", "d", "DESC")+`]}`)))
	wantEq(t, "rows", p.sort, []query.Sort{{ID: "c"}, {ID: "d", Descending: true}})
	wantEq(t, "no note", p.styleNotes, []string(nil))
	p, _ = planOf(visualOf(t, labelled("PivotTableVisual", wells, `, "SortConfiguration": {"FieldSortOptions": [`+sortOf("c", "m", "DESC")+`]}`)))
	wantEq(t, "by a measure", []any{len(p.sort), len(p.styleNotes), p.pivotOrder.rows[0].by != nil}, []any{0, 0, true})
	p, _ = planOf(visualOf(t, labelled("PivotTableVisual", wells, `, "SortConfiguration": {"FieldSortOptions": []}`)))
	wantEq(t, "none", []any{len(p.sort), len(p.styleNotes)}, []any{0, 0})
}

// A pivot's columns come in the order of their values even when the
// first rows lack some of them (the answer is sorted by rows first):
// numbers as numbers, NULL first, descending when the field says so.
func TestPivotColumnOrder(t *testing.T) {
	wells := func(sort string) string {
		return `{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {
		"Rows": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
		"Columns": [{"NumericalDimensionField": {"FieldId": "y", "Column": {"DataSetIdentifier": "sales", "ColumnName": "year"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}}` + sort + `}}}`
	}
	res := &Result{Columns: []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "y", Type: "INTEGER"}, {ID: "m", Role: query.RoleMeasure, Type: "INTEGER"}},
		Rows: [][]any{{"East", int64(10), int64(1)}, {"West", nil, int64(2)}, {"West", int64(9), int64(3)}, {"West", int64(10), int64(4)}}}
	p, _ := planOf(visualOf(t, wells("")))
	pv := pivot(p, res)
	wantEq(t, "columns", pv.Columns, []string{"(empty)", "9", "10"})
	var cells []string
	for _, r := range pv.Rows {
		for _, c := range r.Cells {
			cells = append(cells, c.Text)
		}
	}
	wantEq(t, "cells under their columns", cells, []string{"", "", "1", "2", "3", "4"})
	p, _ = planOf(visualOf(t, wells(`, "SortConfiguration": {"FieldSortOptions": [{"FieldId": "y", "SortBy": {"Field": {"FieldId": "y", "Direction": "DESC"}}}]}`)))
	wantEq(t, "columns descending", pivot(p, res).Columns, []string{"10", "9", "(empty)"})
}

// A pivot whose question answers as many rows as it asks says it may be
// cut; one with fewer says nothing.
func TestPivotCutNote(t *testing.T) {
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
		"Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {
		"Rows": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}}}}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for rows, want := range map[int]int{pivotLimit: 1, 3: 0} {
		run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
			res := &Result{Columns: []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "m", Role: query.RoleMeasure, Type: "INTEGER"}}}
			for i := range min(rows, q.Limit) {
				res.Rows = append(res.Rows, []any{fmt.Sprintf("r%04d", i), int64(i)})
			}
			return res, nil
		}
		tl := New(def, nil, testNow).RenderVisuals(context.Background(), "s", []string{"p"}, run, 1).Tiles[0]
		n := 0
		for _, note := range tl.Notes {
			if strings.Contains(note, "more cells than Sightglass draws") {
				n++
			}
		}
		wantEq(t, fmt.Sprint(rows, " rows"), [2]any{tl.Kind, n}, [2]any{TilePivot, want})
	}
}
