package viewer

import (
	"slices"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// A pivot table's FieldSortOptions order each level of its rows and of
// its columns. A field sorted by itself orders its values, ascending or
// descending; a field sorted by a measure of the pivot (a FieldSort of
// the measure's id, or a ColumnSort that names it) orders its groups by
// that measure aggregated over each group (all columns for a row group,
// all rows for a column group), ties in the order of the values; a
// ColumnSort of another column with an aggregation does the same with
// that aggregate. Each level's groups stay together under the group
// above. Row values come in the engine's order (the question sorts by
// them); column values, which the question sorts only within each row,
// are ordered by their raw values (pivotorder.go). Sorts by a data path
// are not applied yet, and the tile says so.

// pivotLevelOrder is how one level of a pivot's rows or columns is
// ordered.
type pivotLevelOrder struct {
	desc   bool           // the level's values descending
	by     *query.Measure // its groups ordered by this aggregate first; nil: by the values
	byDesc bool
}

// pivotOrder orders a pivot's row and column levels (nil: no sort of
// that level). rowAgg and colAgg hold, per level ordered by an
// aggregate, each group's value keyed by pathKey of its values
// (fetched by View.pivotOrderValues before the pivot is drawn).
type pivotOrder struct {
	rows, cols     []pivotLevelOrder
	rowAgg, colAgg []map[string]any
}

// pivotSorts reads a pivot table's FieldSortOptions into p.pivotOrder
// and, for its row fields sorted by themselves, the question's sort.
func (p *plan) pivotSorts(opts []definition.PivotFieldSortOptions) {
	o := &pivotOrder{rows: make([]pivotLevelOrder, len(p.category)), cols: make([]pivotLevelOrder, len(p.colors))}
	p.pivotOrder = o
	rowDesc := false
	var skipped []string
	skip := func(what string) {
		if !slices.Contains(skipped, what) {
			skipped = append(skipped, what)
		}
	}
	for _, opt := range opts {
		level, f, isRow := p.pivotLevelOf(opt.FieldId)
		if level == nil {
			skip("a sort of a field the pivot table does not show")
			continue
		}
		by := opt.SortBy
		switch {
		case by == nil:
		case by.Field != nil && by.Field.FieldId == opt.FieldId:
			level.desc = by.Field.Direction == "DESC"
			rowDesc = rowDesc || (isRow && level.desc)
		case by.Field != nil:
			m := p.measureByID(by.Field.FieldId)
			if m == nil {
				skip("a sort by a field that is not one of its measures")
				continue
			}
			level.by, level.byDesc = m, by.Field.Direction == "DESC"
		case by.Column != nil && by.Column.SortBy != nil:
			cs := by.Column
			m := p.measureSortedBy(cs)
			switch {
			case sortsBy(cs, f):
				level.desc = cs.Direction == "DESC"
				rowDesc = rowDesc || (isRow && level.desc)
			case m != nil:
				level.by, level.byDesc = m, cs.Direction == "DESC"
			default:
				m, ok := columnSortMeasure(cs, f.dataSet)
				if !ok {
					skip("a sort by another column without a numeric, categorical or date aggregation")
					continue
				}
				level.by, level.byDesc = m, cs.Direction == "DESC"
			}
		case by.DataPath != nil:
			skip("a sort by a data path")
		}
	}
	if len(skipped) > 0 {
		p.styleNotes = append(p.styleNotes, "Not applied yet in this pivot table: "+strings.Join(skipped, "; ")+". Those rows or columns are in the order of their fields.")
	}
	if !rowDesc {
		return
	}
	for i, f := range p.category {
		p.sort = append(p.sort, query.Sort{ID: f.id, Descending: o.rows[i].desc})
	}
}

// pivotLevelOf finds the row or column level of a pivot field id.
func (p *plan) pivotLevelOf(id string) (level *pivotLevelOrder, f field, isRow bool) {
	o := p.pivotOrder
	for i, c := range p.category {
		if c.id == id {
			return &o.rows[i], c, true
		}
	}
	for i, c := range p.colors {
		if c.id == id {
			return &o.cols[i], c, false
		}
	}
	return nil, field{}, false
}

// measureByID is the query measure of the plan's measure field id.
func (p *plan) measureByID(id string) *query.Measure {
	for _, f := range p.measures() {
		if f.id == id && f.measure != nil {
			return f.measure
		}
	}
	return nil
}

// measureSortedBy is the query measure of the plan a ColumnSort names.
func (p *plan) measureSortedBy(cs *definition.ColumnSort) *query.Measure {
	for _, f := range p.measures() {
		if sortsBy(cs, f) && f.measure != nil {
			return f.measure
		}
	}
	return nil
}

// pivotSortID is the result column of a sort's own aggregate.
const pivotSortID = "sg_pivot_sort"

// columnSortMeasure is the aggregate a ColumnSort of a column the pivot
// does not show orders by: the column with its aggregation, of the
// pivot's dataset. A sort without an aggregation, or with an attribute
// aggregation, is not one.
func columnSortMeasure(cs *definition.ColumnSort, dataSet string) (*query.Measure, bool) {
	a := cs.AggregationFunction
	if a == nil || (cs.SortBy.DataSetIdentifier != "" && cs.SortBy.DataSetIdentifier != dataSet) {
		return nil, false
	}
	m := &query.Measure{ID: pivotSortID, Field: cs.SortBy.ColumnName}
	switch {
	case a.NumericalAggregationFunction != nil:
		m.Aggregation, m.Percentile = numericalAggregation(a.NumericalAggregationFunction)
	case a.CategoricalAggregationFunction != "":
		m.Aggregation = a.CategoricalAggregationFunction
	case a.DateAggregationFunction != "":
		m.Aggregation = a.DateAggregationFunction
	default:
		return nil, false
	}
	return m, true
}
