package viewer

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// nestedFilter is a NestedFilter as the viewer reads it: the definition
// keeps it as JSON (its inner filter is a union of one member so far).
type nestedFilter struct {
	FilterId        string
	Column          *definition.ColumnIdentifier
	IncludeInnerSet bool
	InnerFilter     *struct {
		CategoryInnerFilter *struct {
			Column        *definition.ColumnIdentifier
			Configuration *definition.CategoryFilterConfiguration
		}
	}
}

// nestedFilter converts a NestedFilter: the rows whose Column value is
// among (IncludeInnerSet) or not among the values Column takes in the
// rows its inner category filter keeps. The inner filter reads the
// nested filter's control and parameters as a category filter does; when
// it restricts nothing (every value chosen), neither does the nested
// filter.
func (v *View) nestedFilter(raw json.RawMessage, unsupported unsupportedFunc) (query.Filter, bool, error) {
	var n nestedFilter
	if err := json.Unmarshal(raw, &n); err != nil || n.Column == nil {
		return unsupported("a NestedFilter that is not one")
	}
	if n.InnerFilter == nil || n.InnerFilter.CategoryInnerFilter == nil || n.InnerFilter.CategoryInnerFilter.Column == nil {
		return unsupported("an InnerFilter member other than CategoryInnerFilter")
	}
	in := n.InnerFilter.CategoryInnerFilter
	if in.Column.DataSetIdentifier != n.Column.DataSetIdentifier {
		return unsupported("an InnerFilter of another dataset than its Column's")
	}
	inner, use, err := v.categoryFilter(&definition.CategoryFilter{FilterId: n.FilterId, Column: in.Column, Configuration: in.Configuration}, unsupported)
	if err != nil || !use {
		return query.Filter{}, false, err
	}
	return query.Filter{Kind: query.NestedFilter, Field: n.Column.ColumnName, Inner: &inner, IncludeInner: n.IncludeInnerSet}, true, nil
}
