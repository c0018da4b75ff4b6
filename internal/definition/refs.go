package definition

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// ColumnRef is a ColumnIdentifier found in a definition: in a visual of
// any type, a filter, a column configuration or anywhere else.
type ColumnRef struct {
	// Path locates the identifier, such as
	// Sheets[0].Visuals[1].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells.Category[0].CategoricalDimensionField.Column.
	Path              string
	DataSetIdentifier string
	ColumnName        string
}

// ColumnRefs returns every column identifier of the definition, ordered by
// path. A reference may name a calculated field of the definition rather
// than a dataset column.
func (d *Definition) ColumnRefs() []ColumnRef { return d.columnRefs() }

func (d *Definition) columnRefs() []ColumnRef {
	if d.raw == nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(d.raw))
	dec.UseNumber()
	var root any
	if dec.Decode(&root) != nil {
		return nil
	}
	var refs []ColumnRef
	walk(root, "", func(path string, obj map[string]any) {
		ds, ok1 := obj["DataSetIdentifier"].(string)
		col, ok2 := obj["ColumnName"].(string)
		if ok1 && ok2 {
			refs = append(refs, ColumnRef{Path: path, DataSetIdentifier: ds, ColumnName: col})
		}
	})
	slices.SortFunc(refs, func(a, b ColumnRef) int { return strings.Compare(a.Path, b.Path) })
	return refs
}

// walk calls fn for every object under v, with its path.
func walk(v any, path string, fn func(path string, obj map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		fn(path, x)
		for k, child := range x {
			p := k
			if path != "" {
				p = path + "." + k
			}
			walk(child, p, fn)
		}
	case []any:
		for i, child := range x {
			walk(child, fmt.Sprintf("%s[%d]", path, i), fn)
		}
	}
}
