package viewer

import (
	"context"
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// An unaggregated table's columns are drawn row by row. An aggregated
// calculated field (max(published)) has no row-level value: a table of
// such fields alone draws them once, over every row the filters keep,
// as one aggregated row (a "last refreshed" cell). Beside row-level
// columns it has no reading and is refused by name.

// unaggAggregates draws an unaggregated table whose fields are all
// aggregated calculated fields, or refuses one that mixes them with
// columns or asks for a total row (of one aggregated row); false when it
// has none.
func (v *View) unaggAggregates(ctx context.Context, t *Tile, p *plan, totals bool, sheetID, visualID string, run Runner) bool {
	var agg []field
	for _, f := range p.category {
		if v.aggregatedField(f.dataSet, f.dim.Field) {
			agg = append(agg, f)
		}
	}
	switch {
	case len(agg) == 0:
		return false
	case len(agg) < len(p.category):
		t.Kind, t.Message = TileUnsupported, "Table options not yet supported by Sightglass: the aggregated calculated field "+
			strconv.Quote(agg[0].dim.Field)+" beside row-level columns in an unaggregated table."
		return true
	case totals:
		t.Kind, t.Message = TileUnsupported, "Table options not yet supported by Sightglass: a total row under the aggregated calculated field "+
			strconv.Quote(agg[0].dim.Field)+" of an unaggregated table."
		return true
	}
	ap := &plan{kind: definition.KindTable, dataSet: p.dataSet}
	for _, f := range agg {
		ap.values = append(ap.values, field{id: f.id, label: f.label, dataSet: f.dataSet, format: f.format, dateFormat: f.dateFormat, nullText: f.nullText,
			measure: &query.Measure{ID: f.id, Field: f.dim.Field, DefaultAggregation: true}})
	}
	arn, ok := v.def.DataSetARN(ap.dataSet)
	if !ok {
		t.Kind, t.Message = TileError, "The visual's dataset "+strconv.Quote(ap.dataSet)+" is not declared."
		return true
	}
	q, err := v.question(ap, sheetID, visualID)
	if err != nil {
		t.Kind, t.Message = TileUnsupported, err.Error()
		return true
	}
	res, err := run(ctx, arn, q)
	if err != nil {
		t.Kind, t.Message = TileError, "This visual could not be computed: "+errorText(err)
		return true
	}
	t.Kind, t.Table = TileTable, table(ap, res)
	return true
}
