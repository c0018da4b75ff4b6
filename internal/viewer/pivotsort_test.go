package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A pivot's row fields sorted by themselves order its rows, level by
// level; other sorts are named in the tile's notes.
func TestPivotSorts(t *testing.T) {
	wells := `"PivotTableAggregatedFieldWells": {"Rows": [` + lblDim + `, ` + lblDim2 + `], "Values": [` + lblVal + `]}`
	sortOf := func(field, by, dir string) string {
		return `{"FieldId": "` + field + `", "SortBy": {"Field": {"FieldId": "` + by + `", "Direction": "` + dir + `"}}}`
	}
	p, _ := planOf(visualOf(t, labelled("PivotTableVisual", wells, `, "SortConfiguration": {"FieldSortOptions": [`+sortOf("d", "d", "DESC")+`]}`)))
	wantEq(t, "rows", p.sort, []query.Sort{{ID: "c"}, {ID: "d", Descending: true}})
	wantEq(t, "no note", p.styleNotes, []string(nil))
	p, _ = planOf(visualOf(t, labelled("PivotTableVisual", wells, `, "SortConfiguration": {"FieldSortOptions": [`+sortOf("c", "m", "DESC")+`]}`)))
	wantEq(t, "by a measure", []any{len(p.sort), len(p.styleNotes)}, []any{0, 1})
	p, _ = planOf(visualOf(t, labelled("PivotTableVisual", wells, `, "SortConfiguration": {"FieldSortOptions": []}`)))
	wantEq(t, "none", []any{len(p.sort), len(p.styleNotes)}, []any{0, 0})
}
