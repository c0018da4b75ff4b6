package viewer

import (
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// pivotSorts reads a pivot table's FieldSortOptions. A row field sorted
// by itself (its values, ascending or descending) orders the rows: the
// question sorts by each row field in turn, in its direction, so each
// level's groups come in order within the one above. Sorts by a measure,
// by a data path or of a column field are not applied yet, and the tile
// says so; without a sort, rows are in ascending order of their fields.
func (p *plan) pivotSorts(opts []definition.PivotFieldSortOptions) {
	desc := map[string]bool{}
	skipped := false
	for _, o := range opts {
		by := o.SortBy
		row := false
		for _, f := range p.category {
			row = row || f.id == o.FieldId
		}
		if by == nil || by.Field == nil || by.Field.FieldId != o.FieldId || !row {
			skipped = true
			continue
		}
		desc[o.FieldId] = by.Field.Direction == "DESC"
	}
	if skipped {
		p.styleNotes = append(p.styleNotes, "This pivot table's sorts by a measure, a data path or a column field are not applied yet: those rows and columns are in ascending order of their fields.")
	}
	if len(desc) == 0 {
		return
	}
	for _, f := range p.category {
		p.sort = append(p.sort, query.Sort{ID: f.id, Descending: desc[f.id]})
	}
}
